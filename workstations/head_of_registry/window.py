"""Main window of the head of registry workstation, on tabs: the schedules of doctors, offices and
equipment (`schedule_page`: templates, exceptions, load rates, channel shares, generation), their
workload (`workload_page`), the production calendar and opening hours (`calendar_page`), the printed
work schedule for patients (`print_page`), the history of the registry's actions (the shell's
`HistoryView` over the audit trail), the merging of duplicate client records (`merge_page`) and the
accounting of sick-leave blanks (`blanks_page`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from medcenter_desktop.history_view import HistoryView
from medcenter_desktop.lazy_tab import LazyTab
from medcenter_desktop.workstation_window import WorkstationWindow
from workstations.head_of_registry import WORKSTATION
from workstations.head_of_registry.blanks_page import BlanksPage
from workstations.head_of_registry.calendar_page import CalendarPage
from workstations.head_of_registry.merge_page import MergePage
from workstations.head_of_registry.print_page import PrintSchedulePage
from workstations.head_of_registry.schedule_page import SchedulePage
from workstations.head_of_registry.workload_page import WorkloadPage

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession


class HeadOfRegistryWindow(WorkstationWindow):
    HISTORY_TAB = 4
    MERGE_TAB = 5
    BLANKS_TAB = 6

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, WORKSTATION, parent)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)

        history_page = QWidget(self.tabs)
        layout = QVBoxLayout(history_page)
        layout.setContentsMargins(12, 12, 12, 0)
        layout.setSpacing(2)
        self.heading = QLabel(history_page)
        self.heading.setObjectName("pageTitle")
        self.lead = QLabel(history_page)
        self.lead.setObjectName("mutedLabel")
        self.lead.setWordWrap(True)
        self.history = HistoryView(session, history_page)
        self.history.layout().setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.lead)
        layout.addWidget(self.history, 1)

        merge_holder = QWidget(self.tabs)
        merge_layout = QVBoxLayout(merge_holder)
        merge_layout.setContentsMargins(12, 8, 12, 0)
        self.merge_page = MergePage(session, merge_holder)
        merge_layout.addWidget(self.merge_page)

        self._lazy = [LazyTab(lambda parent, cls=cls: cls(session, parent), self.tabs)
                      for cls in (SchedulePage, WorkloadPage, CalendarPage, PrintSchedulePage)]
        for tab in self._lazy:
            self.tabs.addTab(tab, "")
        self.tabs.addTab(history_page, "")
        self.tabs.addTab(merge_holder, "")
        self._blanks_tab = LazyTab(lambda parent: BlanksPage(session, parent), self.tabs)
        self.tabs.addTab(self._blanks_tab, "")
        self.set_central(self.tabs)
        self._retranslate_page()

    def show_merge(self) -> MergePage:
        self.tabs.setCurrentIndex(self.MERGE_TAB)
        return self.merge_page

    @property
    def schedule_page(self) -> SchedulePage:
        return self._lazy[0].page  # type: ignore[return-value]

    @property
    def workload_page(self) -> WorkloadPage:
        return self._lazy[1].page  # type: ignore[return-value]

    @property
    def calendar_page(self) -> CalendarPage:
        return self._lazy[2].page  # type: ignore[return-value]

    @property
    def print_page(self) -> PrintSchedulePage:
        return self._lazy[3].page  # type: ignore[return-value]

    @property
    def blanks_page(self) -> BlanksPage:
        return self._blanks_tab.page  # type: ignore[return-value]

    def show_blanks(self) -> BlanksPage:
        self.tabs.setCurrentIndex(self.BLANKS_TAB)
        return self.blanks_page

    def show_history(self) -> HistoryView:
        self.tabs.setCurrentIndex(self.HISTORY_TAB)
        return self.history

    def _retranslate_page(self) -> None:
        self.heading.setText(self.tr("History of actions"))
        self.lead.setText(self.tr(
            "Who registered, changed or opened what, when and at which workstation. "
            "Choose a registrar to see their actions."
        ))
        for index, title in enumerate((self.tr("Schedules"), self.tr("Workload"), self.tr("Production calendar"),
                                       self.tr("Printed schedule"), self.tr("History of actions"),
                                       self.tr("Merge duplicates"), self.tr("Sick-leave blanks"))):
            self.tabs.setTabText(index, title)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "heading"):
            self._retranslate_page()
        super().changeEvent(event)
