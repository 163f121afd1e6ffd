"""After login: who is logged in, and one card per workstation the user's jobs open."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import show_error
from medcenter_desktop.jobs import job_titles
from medcenter_desktop.operations import log_unexpected
from medcenter_desktop.resources import app_icon, icon
from medcenter_desktop.workstation import Workstation, discover_workstations, workstations_for
from medcenter_desktop.workstation_window import (
    fetch_organization_name,
    server_text,
    workstation_description,
    workstation_title,
)
from shared.errors import DomainError

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

log = logging.getLogger(__name__)

CARD_COLUMNS = 3


class WorkstationCard(QPushButton):
    """A large button: icon, title and one line of description. Enter/Space open it like a click."""

    def __init__(self, workstation: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workstation = workstation
        self.setObjectName("workstationCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(QSize(260, 112))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(16)
        self._icon = QLabel(self)
        self._icon.setPixmap(icon(workstation.icon).pixmap(48, 48))
        self._icon.setFixedSize(48, 48)
        text = QVBoxLayout()
        text.setSpacing(4)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("cardTitle")
        self.title_label.setWordWrap(True)
        self.description_label = QLabel(self)
        self.description_label.setObjectName("cardDescription")
        self.description_label.setWordWrap(True)
        text.addWidget(self.title_label)
        text.addWidget(self.description_label)
        text.addStretch(1)
        layout.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        for label in (self._icon, self.title_label, self.description_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        title = workstation_title(self.workstation)
        self.title_label.setText(title)
        self.description_label.setText(workstation_description(self.workstation))
        self.setAccessibleName(title)
        self.setAccessibleDescription(self.description_label.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class LauncherWindow(QMainWindow):
    logged_out = Signal()
    #: Emitted with the window a card opened.
    workstation_opened = Signal(object)

    def __init__(
        self,
        session: AppSession,
        workstations: Sequence[Workstation] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        available = list(workstations) if workstations is not None else discover_workstations()
        self.workstations = workstations_for(session.user.jobs, available)
        self._open_windows: dict[str, QWidget] = {}
        self._organization_name: str | None = None
        self._logging_out = False
        self.setObjectName("launcher")
        self.setWindowIcon(app_icon())
        self.resize(960, 640)
        self._build()
        self.retranslate_ui()
        fetch_organization_name(self, session, self._set_organization_name)

    # --- Public API ------------------------------------------------------------------------------

    def cards(self) -> list[WorkstationCard]:
        return list(self._cards)

    def open_windows(self) -> dict[str, QWidget]:
        return dict(self._open_windows)

    def open_workstation(self, name: str) -> QWidget | None:
        """Opens (or brings forward) workstation ``name``; returns its window."""
        ws = next((w for w in self.workstations if w.name == name), None)
        if ws is None:
            return None
        existing = self._open_windows.get(name)
        if existing is not None:
            existing.showNormal()
            existing.raise_()
            existing.activateWindow()
            return existing
        try:
            window = ws.widget_factory(self.session)
        except DomainError as exc:
            show_error(self, exc)
            return None
        except Exception as exc:  # a broken workstation must not take the launcher down
            log_unexpected(exc, f"opening workstation {name}")
            show_error(self, exc)
            return None
        self._open_windows[name] = window
        window.destroyed.connect(lambda *_: self._open_windows.pop(name, None))
        window.show()
        self.workstation_opened.emit(window)
        return window

    def show_printer_calibration(self) -> QWidget:
        """The printer profiles of this workstation (its settings file), with the calibration page."""
        from medcenter_desktop.printer_calibration import open_printer_calibration

        return open_printer_calibration(self)

    def log_out(self) -> None:
        """Closes every workstation window and this one; the application shows the login again."""
        self._logging_out = True
        for window in list(self._open_windows.values()):
            window.close()
        self._open_windows.clear()
        # Emitted before closing, so the login window is up before the last window goes away.
        self.logged_out.emit()
        self.close()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("MedCenter Desktop"))
        user = self.session.user
        self.name_label.setText(user.display_name)
        position = user.position_name or ""
        jobs = ", ".join(job_titles(user.jobs))
        self.position_label.setText(" \u00b7 ".join(p for p in (position, jobs) if p))
        org_id = self.session.organization_id
        if org_id is None:
            organization = self.tr("No organization")
        else:
            organization = self._organization_name or self.tr("Organization No. {id}").format(id=org_id)
        self.place_label.setText(
            self.tr("{organization} \u00b7 server {server}").format(
                organization=organization, server=server_text(self.session)
            )
        )
        self.logout_button.setText(self.tr("Log out"))
        self.calibration_button.setText(self.tr("Printer calibration\u2026"))
        self.calibration_button.setToolTip(self.tr("Sick-leave printer calibration of this workstation"))
        self.logout_action.setText(self.tr("Log out"))
        self.section_label.setText(self.tr("Choose a workstation"))
        self.empty_label.setText(
            self.tr(
                "No workstation is available for your jobs. Ask the administrator to assign you a job "
                "(registrar, cashier, doctor, \u2026) and log in again.",
            )
        )
        self.statusBar().showMessage(
            self.tr("Workstation: {name}").format(name=self.session.settings.workstation_name)
        )

    # --- Internals -------------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        central.setObjectName("launcherPage")
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)

        header = QFrame(central)
        header.setObjectName("appHeader")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(28, 18, 28, 18)
        header_layout.setSpacing(16)
        logo = QLabel(header)
        logo.setPixmap(app_icon().pixmap(44, 44))
        who = QVBoxLayout()
        who.setSpacing(2)
        self.name_label = QLabel(header)
        self.name_label.setObjectName("headerTitle")
        self.position_label = QLabel(header)
        self.position_label.setObjectName("headerSubtitle")
        self.position_label.setWordWrap(True)
        self.place_label = QLabel(header)
        self.place_label.setObjectName("headerSubtitle")
        for label in (self.name_label, self.position_label, self.place_label):
            who.addWidget(label)
        self.logout_button = QPushButton(header)
        self.logout_button.setObjectName("headerButton")
        self.logout_button.clicked.connect(self.log_out)
        header_layout.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        header_layout.addLayout(who, 1)
        self.calibration_button = QPushButton(header)
        self.calibration_button.setObjectName("headerButton")
        self.calibration_button.clicked.connect(self.show_printer_calibration)
        header_layout.addWidget(self.calibration_button, 0, Qt.AlignmentFlag.AlignVCenter)
        header_layout.addWidget(self.logout_button, 0, Qt.AlignmentFlag.AlignVCenter)
        root.addWidget(header)

        body = QWidget(central)
        body.setObjectName("launcherBody")
        body.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(28, 22, 28, 22)
        body_layout.setSpacing(14)
        self.section_label = QLabel(body)
        self.section_label.setObjectName("sectionTitle")
        body_layout.addWidget(self.section_label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        self._cards: list[WorkstationCard] = []
        for number, ws in enumerate(self.workstations):
            card = WorkstationCard(ws, body)
            card.clicked.connect(lambda _=False, name=ws.name: self.open_workstation(name))
            grid.addWidget(card, number // CARD_COLUMNS, number % CARD_COLUMNS)
            self._cards.append(card)
        for column in range(CARD_COLUMNS):
            grid.setColumnStretch(column, 1)
        body_layout.addLayout(grid)
        self.empty_label = QLabel(body)
        self.empty_label.setObjectName("notice")
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not self.workstations)
        body_layout.addWidget(self.empty_label)
        body_layout.addStretch(1)

        scroll = QScrollArea(central)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        root.addWidget(scroll, 1)
        self.setCentralWidget(central)

        self.logout_action = QAction(self)
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.logout_action.triggered.connect(self.log_out)
        self.addAction(self.logout_action)
        if self._cards:
            self._cards[0].setFocus()

    def _set_organization_name(self, name: str) -> None:
        self._organization_name = name
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
