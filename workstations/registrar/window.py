"""Main window of the registry workstation: find the person, or register them, then their card.

Two pages in a stack: the search (`search_page`, where the window opens, focus in the box) and the
client card (`client_page`). F2 registers a new client (`register_dialog`), F5 refreshes the page
on screen, Esc on the card goes back to the search; the end-of-day list of paper cards not
returned is on the toolbar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QToolBar, QWidget

from medcenter_desktop.workstation_window import WorkstationWindow
from shared.services.patient_input import PatientInput
from workstations.registrar import WORKSTATION
from workstations.registrar.card_dialogs import NotReturnedDialog
from workstations.registrar.client_page import ClientPage
from workstations.registrar.register_dialog import RegisterDialog
from workstations.registrar.search_page import SearchPage, prefill_from_query

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "RegistrarWindow"


class RegistrarWindow(WorkstationWindow):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        self.register_dialog: RegisterDialog | None = None
        self.not_returned_dialog: NotReturnedDialog | None = None
        super().__init__(session, WORKSTATION, parent)
        self.search_page = SearchPage(session, self)
        self.client_page = ClientPage(session, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.search_page)
        self.stack.addWidget(self.client_page)
        self.set_central(self.stack)
        self.search_page.open_requested.connect(self.open_client)
        self.search_page.register_requested.connect(self.register_client)
        self.client_page.back_requested.connect(self.back_to_search)
        self.client_page.details_panel.open_requested.connect(self._open_other_client)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.client_page)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_to_search)
        self._build_registry_menu()
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def open_client(self, patient_id: int) -> None:
        self.client_page.load(patient_id)
        self.stack.setCurrentWidget(self.client_page)
        self.client_page.form.last_name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def back_to_search(self) -> None:
        if self.stack.currentWidget() is self.client_page and self.client_page.dirty and not self._confirm(
                QCoreApplication.translate("RegistrarWindow", "The changes to this client are not saved. Leave without saving?")):
            return
        self.stack.setCurrentWidget(self.search_page)
        self.search_page.focus_box()

    def register_client(self, prefill: PatientInput | None = None) -> RegisterDialog:
        """Opens the registration dialog (window-modal); a registered or chosen client opens after it."""
        if prefill is None:
            prefill = prefill_from_query(self.search_page.search_edit.text())
        dialog = RegisterDialog(self.session, prefill, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.open_client(dialog.client_id) if dialog.client_id else None)
        self.register_dialog = dialog
        dialog.open()
        return dialog

    def refresh(self) -> None:
        if self.stack.currentWidget() is self.search_page:
            self.search_page.refresh()
        elif not self.client_page.dirty or self._confirm(
                QCoreApplication.translate("RegistrarWindow", "Reload the client and drop the changes not saved?")):
            self.client_page.reload()

    def show_cards_not_returned(self) -> NotReturnedDialog:
        dialog = NotReturnedDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.not_returned_dialog = dialog
        dialog.show()
        return dialog

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if not hasattr(self, "toolbar"):
            return  # the frame translates itself before this window built its toolbar
        self.find_action.setText(QCoreApplication.translate("RegistrarWindow", "Find client (Ctrl+F)"))
        self.new_action.setText(QCoreApplication.translate("RegistrarWindow", "New client (F2)"))
        self.refresh_action.setText(QCoreApplication.translate("RegistrarWindow", "Refresh (F5)"))
        self.not_returned_action.setText(QCoreApplication.translate("RegistrarWindow", "End of day: cards not returned"))

    # --- Internals -------------------------------------------------------------------------------

    def _build_registry_menu(self) -> None:
        # A toolbar, not a menu: every workstation frame has the same File/Help menus.
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("registryToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.back_to_search)
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.new_action.triggered.connect(lambda: self.register_client())
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.refresh_action.triggered.connect(self.refresh)
        self.not_returned_action = QAction(self)
        self.not_returned_action.triggered.connect(self.show_cards_not_returned)
        for action in (self.find_action, self.new_action, self.refresh_action):
            self.toolbar.addAction(action)
            self.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.not_returned_action)

    def _open_other_client(self, patient_id: int) -> None:
        if not self.client_page.dirty or self._confirm(
                QCoreApplication.translate("RegistrarWindow", "The changes to this client are not saved. Leave without saving?")):
            self.open_client(patient_id)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, QCoreApplication.translate("RegistrarWindow", "Registry"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stack.currentWidget() is self.search_page:
            self.search_page.focus_box()
