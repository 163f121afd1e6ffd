"""Main window of the reports workstation: the home panel and the sick-leave rules (more screens arrive in
later releases)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from medcenter_desktop.lazy_tab import LazyTab
from medcenter_desktop.workstation_window import HomePanel, WorkstationWindow
from workstations.reports import WORKSTATION
from workstations.reports.sick_leave_rules_page import SickLeaveRulesPage

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession


class ReportsWindow(WorkstationWindow):
    HOME_TAB = 0
    SICK_LEAVE_RULES_TAB = 1

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, WORKSTATION, parent)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.home = HomePanel(session, WORKSTATION, self.tabs)
        self._rules_tab = LazyTab(lambda parent: SickLeaveRulesPage(session, parent), self.tabs)
        self.tabs.addTab(self.home, "")
        self.tabs.addTab(self._rules_tab, "")
        self.set_central(self.tabs)
        self._retranslate_tabs()

    @property
    def sick_leave_rules_page(self) -> SickLeaveRulesPage:
        return self._rules_tab.page  # type: ignore[return-value]

    def show_sick_leave_rules(self) -> SickLeaveRulesPage:
        self.tabs.setCurrentIndex(self.SICK_LEAVE_RULES_TAB)
        return self.sick_leave_rules_page

    def _retranslate_tabs(self) -> None:
        self.tabs.setTabText(self.HOME_TAB, QCoreApplication.translate("ReportsWindow", "Home"))
        self.tabs.setTabText(self.SICK_LEAVE_RULES_TAB,
                             QCoreApplication.translate("ReportsWindow", "Sick-leave rules"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tabs"):
            self._retranslate_tabs()
        super().changeEvent(event)
