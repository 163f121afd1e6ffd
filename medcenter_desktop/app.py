"""The GUI application: style, translations, login, then the launcher or one workstation."""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from medcenter_desktop import __version__, i18n
from medcenter_desktop.jobs import job_title
from medcenter_desktop.launcher import LauncherWindow
from medcenter_desktop.login_window import DemoUserTuple, LogIn, LoginWindow
from medcenter_desktop.resources import app_icon, stylesheet
from medcenter_desktop.settings import Settings
from medcenter_desktop.workstation import Workstation, discover_workstations
from medcenter_desktop.workstation_window import workstation_title


def create_application(argv: Sequence[str] | None = None, *, language: str = "system") -> QApplication:
    """The QApplication (created if there is none) with our style, icon and translations."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName("MedCenter Desktop")
    app.setOrganizationName("MedCenter")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())
    i18n.install_translations(language)
    return app


class GuiFlow(QObject):
    """Login → launcher (or one workstation) → log out → login again."""

    def __init__(
        self,
        settings: Settings,
        *,
        demo_users: Sequence[DemoUserTuple] | None = None,
        open_workstation: str | None = None,
        log_in: LogIn | None = None,
        workstations: Sequence[Workstation] | None = None,
    ) -> None:
        super().__init__(QCoreApplication.instance())
        self.settings = settings
        self._demo_users = demo_users
        self._open_workstation = open_workstation
        self._log_in = log_in
        self._workstations = list(workstations) if workstations is not None else None
        self.login_window: LoginWindow | None = None
        self.launcher: LauncherWindow | None = None
        self.workstation_window: QWidget | None = None
        self._session: Any = None
        QCoreApplication.instance().aboutToQuit.connect(self._close_session)

    def start(self) -> None:
        self.show_login()

    def show_login(self) -> None:
        self.login_window = LoginWindow(self.settings, log_in=self._log_in, demo_users=self._demo_users)
        self.login_window.logged_in.connect(self._logged_in)
        self.login_window.show()

    # --- Internals -------------------------------------------------------------------------------

    def _available(self) -> list[Workstation]:
        if self._workstations is None:
            self._workstations = discover_workstations()
        return self._workstations

    def _logged_in(self, session: Any) -> None:
        assert self.login_window is not None
        self.settings = self.login_window.settings
        self._session = session
        if self._open_workstation:
            self._open_single(session)
            return
        self.launcher = LauncherWindow(session, self._available())
        self.launcher.logged_out.connect(self._logged_out)
        if self.login_window.notice:
            self.launcher.statusBar().showMessage(self.login_window.notice, 20000)
        self.launcher.show()

    def _open_single(self, session: Any) -> None:

        name = self._open_workstation
        ws = next((w for w in self._available() if w.name == name), None)
        if ws is None:
            QMessageBox.warning(
                None,
                "MedCenter Desktop",
                QCoreApplication.translate("GuiFlow", "There is no workstation \u201c{name}\u201d.").format(
                    name=name
                ),
            )
            self._logged_out()
            return
        if not ws.allowed_for(session.user.jobs):
            jobs = ", ".join(job_title(j) for j in sorted(ws.required_roles))
            QMessageBox.warning(
                None,
                "MedCenter Desktop",
                QCoreApplication.translate(
                    "GuiFlow",
                    "The workstation \u201c{workstation}\u201d needs one of these jobs: {jobs}. "
                    "Your user does not have it; ask the administrator.",
                ).format(workstation=workstation_title(ws), jobs=jobs),
            )
            self._logged_out()
            return
        self.workstation_window = ws.widget_factory(session)
        self.workstation_window.show()

    def _logged_out(self) -> None:
        self._close_session()
        self.show_login()

    def _close_session(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


def run_gui(
    settings: Settings,
    *,
    demo_users: Sequence[DemoUserTuple] | None = None,
    open_workstation: str | None = None,
    log_in: LogIn | None = None,
) -> int:
    """Runs the desktop application until its last window closes; returns the exit code."""
    app = create_application(language=settings.language)
    flow = GuiFlow(settings, demo_users=demo_users, open_workstation=open_workstation, log_in=log_in)
    flow.start()
    with _quit_on_termination(app):
        return app.exec()


@contextmanager
def _quit_on_termination(app: QApplication):
    """Ctrl+C and SIGTERM (logout, shutdown, IT scripts) close the application normally, so that
    sessions are closed and the demo server is stopped by the caller."""
    handled = [signal.SIGINT, signal.SIGTERM]
    previous = {sig: signal.getsignal(sig) for sig in handled}
    for sig in handled:
        signal.signal(sig, lambda *_: app.quit())
    # Python runs signal handlers only when it gets control; a cheap timer hands it control.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(200)
    try:
        yield
    finally:
        ticker.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
