"""Main window of the head of registry workstation: the history of the registry's actions.

The head of registry checks what registrars did (who registered or changed a patient, when, at which
workstation); the audit trail is read through the shell's `HistoryView`. Schedules and reports
arrive in later releases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from medcenter_desktop.history_view import HistoryView
from medcenter_desktop.workstation_window import WorkstationWindow
from workstations.head_of_registry import WORKSTATION

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession


class HeadOfRegistryWindow(WorkstationWindow):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, WORKSTATION, parent)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 0)
        layout.setSpacing(2)
        self.heading = QLabel(page)
        self.heading.setObjectName("pageTitle")
        self.lead = QLabel(page)
        self.lead.setObjectName("mutedLabel")
        self.lead.setWordWrap(True)
        self.history = HistoryView(session, page)
        self.history.layout().setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.lead)
        layout.addWidget(self.history, 1)
        self.set_central(page)
        self._retranslate_page()

    def _retranslate_page(self) -> None:
        self.heading.setText(self.tr("History of actions"))
        self.lead.setText(self.tr(
            "Who registered, changed or opened what, when and at which workstation. "
            "Choose a registrar to see their actions."
        ))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "heading"):
            self._retranslate_page()
        super().changeEvent(event)
