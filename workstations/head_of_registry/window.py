"""Main window of the head of registry workstation: the history of the registry's actions and the
merging of duplicate client records, on two tabs.

The head of registry checks what registrars did (who registered or changed a patient, when, at which
workstation); the audit trail is read through the shell's `HistoryView`. Duplicates found by the
registrars are merged on the second tab (`merge_page`). Schedules and reports arrive in later releases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from medcenter_desktop.history_view import HistoryView
from medcenter_desktop.workstation_window import WorkstationWindow
from workstations.head_of_registry import WORKSTATION
from workstations.head_of_registry.merge_page import MergePage

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession


class HeadOfRegistryWindow(WorkstationWindow):
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

        self.tabs.addTab(history_page, "")
        self.tabs.addTab(merge_holder, "")
        self.set_central(self.tabs)
        self._retranslate_page()

    def show_merge(self) -> MergePage:
        self.tabs.setCurrentIndex(1)
        return self.merge_page

    def _retranslate_page(self) -> None:
        self.heading.setText(self.tr("History of actions"))
        self.lead.setText(self.tr(
            "Who registered, changed or opened what, when and at which workstation. "
            "Choose a registrar to see their actions."
        ))
        self.tabs.setTabText(0, self.tr("History of actions"))
        self.tabs.setTabText(1, self.tr("Merge duplicates"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "heading"):
            self._retranslate_page()
        super().changeEvent(event)
