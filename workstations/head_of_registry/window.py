"""Main window of the head of registry workstation; its screens arrive in later releases."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from medcenter_desktop.workstation_window import HomePanel, WorkstationWindow
from workstations.head_of_registry import WORKSTATION

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession


class HeadOfRegistryWindow(WorkstationWindow):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, WORKSTATION, parent)
        self.home = HomePanel(session, WORKSTATION, self)
        self.set_central(self.home)
