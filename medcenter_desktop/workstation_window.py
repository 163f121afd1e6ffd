"""The frame every workstation window shares: title, File/Help menus, a status bar saying who works
where, and a "home" panel for workstations whose functions arrive in later releases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from medcenter_desktop import __version__
from medcenter_desktop.jobs import job_titles
from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.resources import app_icon, icon
from medcenter_desktop.workstation import Workstation

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession


def workstation_title(ws: Workstation) -> str:
    return QCoreApplication.translate("Workstations", ws.title)


def workstation_description(ws: Workstation) -> str:
    return QCoreApplication.translate("Workstations", ws.description)


def server_text(session: AppSession) -> str:
    s = session.settings
    return f"{s.host}:{s.port}/{s.database}"


def fetch_organization_name(parent: QWidget, session: AppSession, done) -> None:
    """Reads the name of the session's organization in the background and calls ``done(name)``.

    A failure only leaves the number on screen, so it is logged but never shown.
    """
    org_id = session.organization_id
    uow_factory = getattr(session, "uow", None)
    if org_id is None or uow_factory is None:
        return
    from shared.services.reference import load_organization_name

    BackgroundOp(parent, lambda: load_organization_name(uow_factory(), org_id)).success(
        lambda name: done(name) if name else None
    ).failure(lambda exc: None).run()


class WorkstationWindow(QMainWindow):
    """Main window of one workstation; subclasses or callers put their screen in ``set_central``."""

    def __init__(self, session: AppSession, workstation: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.workstation = workstation
        self._organization_name: str | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName(f"workstation-{workstation.name}")
        self.setWindowIcon(icon(workstation.icon) if not icon(workstation.icon).isNull() else app_icon())
        self.resize(1100, 720)
        self._build_menus()
        self._build_status_bar()
        self.retranslate_ui()
        fetch_organization_name(self, session, self._set_organization_name)

    # --- Public API ------------------------------------------------------------------------------

    def set_central(self, widget: QWidget) -> None:
        self.setCentralWidget(widget)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            QCoreApplication.translate("WorkstationWindow", "{workstation} \u2014 MedCenter Desktop").format(workstation=workstation_title(self.workstation))
        )
        self.file_menu.setTitle(QCoreApplication.translate("WorkstationWindow", "&File"))
        self.close_action.setText(QCoreApplication.translate("WorkstationWindow", "&Close"))
        self.calibration_action.setText(
            QCoreApplication.translate("WorkstationWindow", "Sick-leave &printer calibration\u2026"))
        self.help_menu.setTitle(QCoreApplication.translate("WorkstationWindow", "&Help"))
        self.about_action.setText(QCoreApplication.translate("WorkstationWindow", "&About MedCenter Desktop"))
        self._update_status_bar()

    def show_printer_calibration(self) -> QWidget:
        """The printer profiles of this workstation (its settings file), with the calibration page."""
        from medcenter_desktop.printer_calibration import open_printer_calibration

        return open_printer_calibration(self)

    def status_texts(self) -> list[str]:
        """What the status bar shows, in order (for tests)."""
        return [label.text() for label in self._status_labels]

    # --- Internals -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.calibration_action = QAction(self)
        self.calibration_action.triggered.connect(self.show_printer_calibration)
        self.file_menu.addAction(self.calibration_action)
        self.file_menu.addSeparator()
        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close)
        self.file_menu.addAction(self.close_action)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._show_about)
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self._status_labels = [QLabel(self) for _ in range(4)]
        for label in self._status_labels:
            label.setObjectName("statusField")
            self.statusBar().addPermanentWidget(label)

    def _update_status_bar(self) -> None:
        user = self.session.user
        org_id = self.session.organization_id
        if org_id is None:
            organization = QCoreApplication.translate("WorkstationWindow", "no organization")
        else:
            organization = self._organization_name or QCoreApplication.translate("WorkstationWindow", "organization No. {id}").format(id=org_id)
        texts = [
            QCoreApplication.translate("WorkstationWindow", "User: {name}").format(name=user.display_name),
            QCoreApplication.translate("WorkstationWindow", "Organization: {name}").format(name=organization),
            QCoreApplication.translate("WorkstationWindow", "Server: {server}").format(server=server_text(self.session)),
            QCoreApplication.translate("WorkstationWindow", "Workstation: {name}").format(name=self.session.settings.workstation_name),
        ]
        for label, text in zip(self._status_labels, texts, strict=True):
            label.setText(text)

    def _set_organization_name(self, name: str) -> None:
        self._organization_name = name
        self._update_status_bar()

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            QCoreApplication.translate("WorkstationWindow", "About MedCenter Desktop"),
            QCoreApplication.translate(
                "WorkstationWindow", "<h3>MedCenter Desktop {version}</h3>"
                "<p>Workstations for an outpatient clinic and a 24-hour hospital.</p>"
                "<p>This window: {workstation}.</p>"
            ).format(version=__version__, workstation=workstation_title(self.workstation)),
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class HomePanel(QWidget):
    """The start page of a workstation whose functions come later: who is here and what it will offer."""

    def __init__(self, session: AppSession, workstation: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePanel")
        self._session = session
        self._workstation = workstation
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        self._icon = QLabel(self)
        self._icon.setPixmap(icon(workstation.icon).pixmap(64, 64))
        self.title_label = QLabel(self)
        self.title_label.setObjectName("pageTitle")
        self.description_label = QLabel(self)
        self.description_label.setWordWrap(True)
        self.description_label.setObjectName("pageLead")
        self.jobs_label = QLabel(self)
        self.jobs_label.setWordWrap(True)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("notice")
        for widget in (self._icon, self.title_label, self.description_label, self.jobs_label, self.status_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title_label.setText(workstation_title(self._workstation))
        self.description_label.setText(workstation_description(self._workstation))
        jobs = ", ".join(job_titles(self._session.user.jobs)) or "\u2014"
        self.jobs_label.setText(QCoreApplication.translate("WorkstationWindow", "Your jobs: {jobs}").format(jobs=jobs))
        self.status_label.setText(
            QCoreApplication.translate(
                "WorkstationWindow", "The functions of this workstation are being introduced step by step and are not "
                "available in this version yet. You are connected and your access rights are checked "
                "by the database."
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def home_window(session: AppSession, workstation: Workstation) -> WorkstationWindow:
    """A workstation window whose central area is the `HomePanel`."""
    window = WorkstationWindow(session, workstation)
    window.set_central(HomePanel(session, workstation, window))
    return window
