"""Main window of the registry workstation: find the person, or register them, then their card.

Four pages in a stack: the search (`search_page`, where the window opens, focus in the box), the
client card (`client_page`), booking an appointment (`booking_page`) and an order (`order_page`, from
the card's Orders tab, or for a caller without a card from the toolbar). F2 registers a new client
(`register_dialog`), F3 books an appointment for the open client (from the search: without a card),
F5 refreshes the page on screen, Esc goes back (booking -> card -> search); the waiting list, the
end-of-day list of paper cards not returned and the recent sick-leave certificates (to print on their
blanks) are on the toolbar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QToolBar, QWidget

from medcenter_desktop.workstation_window import WorkstationWindow
from shared.services.patient_input import PatientInput
from workstations.registrar import WORKSTATION
from workstations.registrar.appointments import WaitingListDialog
from workstations.registrar.booking_page import BookingPage
from workstations.registrar.card_dialogs import NotReturnedDialog
from workstations.registrar.client_page import ClientPage
from workstations.registrar.order_dialogs import AnonymousOrderDialog
from workstations.registrar.order_ops import Customer
from workstations.registrar.order_page import OrderPage
from workstations.registrar.register_dialog import RegisterDialog
from workstations.registrar.search_page import SearchPage, prefill_from_query

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "RegistrarWindow"


class RegistrarWindow(WorkstationWindow):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        self.register_dialog: RegisterDialog | None = None
        self.not_returned_dialog: NotReturnedDialog | None = None
        self.waiting_list_dialog: WaitingListDialog | None = None
        self.anonymous_order_dialog: AnonymousOrderDialog | None = None
        super().__init__(session, WORKSTATION, parent)
        self.search_page = SearchPage(session, self)
        self.client_page = ClientPage(session, self)
        self.booking_page = BookingPage(session, self)
        self.order_page = OrderPage(session, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.search_page)
        self.stack.addWidget(self.client_page)
        self.stack.addWidget(self.booking_page)
        self.stack.addWidget(self.order_page)
        self.set_central(self.stack)
        self.search_page.open_requested.connect(self.open_client)
        self.search_page.register_requested.connect(self.register_client)
        self.client_page.back_requested.connect(self.back_to_search)
        self.client_page.details_panel.open_requested.connect(self._open_other_client)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.client_page)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_to_search)
        self.client_page.appointments.book_requested.connect(lambda _pid: self.open_booking())
        self.client_page.appointments.reschedule_requested.connect(self.reschedule_booking)
        self.booking_page.back_requested.connect(self.back_from_booking)
        back_from_booking = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.booking_page)
        back_from_booking.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back_from_booking.activated.connect(self.back_from_booking)
        self.client_page.orders.new_requested.connect(lambda _pid: self.new_order())
        self.client_page.orders.open_requested.connect(self.open_order)
        self.order_page.back_requested.connect(self.back_from_order)
        back_from_order = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.order_page)
        back_from_order.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back_from_order.activated.connect(self.back_from_order)
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

    def open_booking(self) -> BookingPage:
        """Booking for the client whose card is open, or without a card from the search (F3)."""
        page = self.stack.currentWidget()
        if page is self.booking_page:
            return self.booking_page
        card = self.client_page
        if page is self.client_page and card.patient_id is not None and card.details is not None:
            self.booking_page.open_for(card.patient_id, card.client_name())
        else:
            self.booking_page.open_for(None)
        self.stack.setCurrentWidget(self.booking_page)
        self.booking_page.service_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.booking_page

    def reschedule_booking(self, booking) -> BookingPage:
        """Moves one of the open client's bookings: the booking page, on that booking's day."""
        card = self.client_page
        self.booking_page.open_for(card.patient_id, card.client_name(), moving=booking)
        self.stack.setCurrentWidget(self.booking_page)
        return self.booking_page

    def back_from_booking(self) -> None:
        """Esc on the booking page: back to the client's card, or to the search for a booking without one."""
        if self.stack.currentWidget() is not self.booking_page:
            return
        if self.booking_page.patient_id is not None and self.booking_page.patient_id == self.client_page.patient_id:
            self.stack.setCurrentWidget(self.client_page)
            self.client_page.appointments.reload()  # what was booked meanwhile by phone or the website too
            self.client_page.appointments.view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.stack.setCurrentWidget(self.search_page)
            self.search_page.focus_box()

    def new_order(self) -> OrderPage:
        """A new order for the client whose card is open (the card's Orders tab)."""
        card = self.client_page
        self.order_page.open_new(Customer(card.patient_id), card.client_name())
        self.stack.setCurrentWidget(self.order_page)
        return self.order_page

    def new_anonymous_order(self, name: str, phone: str) -> OrderPage:
        """A new order for a caller without a client card: their name and phone."""
        self.order_page.open_new(Customer(None, name, phone), name)
        self.stack.setCurrentWidget(self.order_page)
        return self.order_page

    def open_order(self, order_id: int) -> OrderPage:
        self.order_page.open_order(order_id)
        self.stack.setCurrentWidget(self.order_page)
        self.order_page.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.order_page

    def back_from_order(self) -> None:
        """Esc on the order page: back to the card of the order's client when it is open, else the search."""
        if self.stack.currentWidget() is not self.order_page:
            return
        patient_id = self.order_page.customer.patient_id
        if patient_id is not None and patient_id == self.client_page.patient_id:
            self.stack.setCurrentWidget(self.client_page)
            orders = self.client_page.orders
            self.client_page.details_panel.setCurrentWidget(orders)
            orders.reload()
            orders.view.setFocus(Qt.FocusReason.OtherFocusReason)
        elif patient_id is not None:
            self.open_client(patient_id)  # an order just given to a client: their card
        else:
            self.stack.setCurrentWidget(self.search_page)
            self.search_page.focus_box()

    def show_anonymous_orders(self) -> AnonymousOrderDialog:
        """An order for a caller without a card: a new one (name and phone), or one of the recent ones."""
        query = self.search_page.search_edit.text().strip()
        digits = "".join(ch for ch in query if ch.isdigit())
        is_phone = len(digits) >= 7 and not any(ch.isalpha() for ch in query)
        dialog = AnonymousOrderDialog(self.session, "" if is_phone else query, query if is_phone else "", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._anonymous_chosen(dialog.choice))
        self.anonymous_order_dialog = dialog
        dialog.open()
        return dialog

    def show_waiting_list(self) -> WaitingListDialog:
        dialog = WaitingListDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.waiting_list_dialog = dialog
        dialog.show()
        return dialog

    def refresh(self) -> None:
        if self.stack.currentWidget() is self.booking_page:
            self.booking_page.refresh()
        elif self.stack.currentWidget() is self.order_page:
            self.order_page.book_selected()  # F5 on an order books the selected line
        elif self.stack.currentWidget() is self.search_page:
            self.search_page.refresh()
        elif not self.client_page.dirty or self._confirm(
                QCoreApplication.translate("RegistrarWindow", "Reload the client and drop the changes not saved?")):
            self.client_page.reload()
            self.client_page.appointments.reload()

    def show_sick_leave(self):
        """The organization's recent sick-leave certificates (to print on their blanks, spoil, duplicate)."""
        from medcenter_desktop.sick_leave_editor import open_sick_leave_journal

        self.sick_leave_dialog = open_sick_leave_journal(self.session, self)
        return self.sick_leave_dialog

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
        self.book_action.setText(QCoreApplication.translate("RegistrarWindow", "Book appointment (F3)"))
        self.waiting_list_action.setText(QCoreApplication.translate("RegistrarWindow", "Waiting list"))
        self.not_returned_action.setText(QCoreApplication.translate("RegistrarWindow", "End of day: cards not returned"))
        self.anonymous_order_action.setText(QCoreApplication.translate("RegistrarWindow", "Order without a card…"))
        self.sick_leave_action.setText(QCoreApplication.translate("RegistrarWindow", "Sick leave…"))

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
        self.book_action = QAction(self)
        self.book_action.setShortcut(QKeySequence(Qt.Key.Key_F3))
        self.book_action.triggered.connect(self.open_booking)
        self.waiting_list_action = QAction(self)
        self.waiting_list_action.triggered.connect(self.show_waiting_list)
        self.not_returned_action = QAction(self)
        self.not_returned_action.triggered.connect(self.show_cards_not_returned)
        self.anonymous_order_action = QAction(self)
        self.anonymous_order_action.triggered.connect(self.show_anonymous_orders)
        self.sick_leave_action = QAction(self)
        self.sick_leave_action.triggered.connect(self.show_sick_leave)
        for action in (self.find_action, self.new_action, self.book_action, self.refresh_action):
            self.toolbar.addAction(action)
            self.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.anonymous_order_action)
        self.toolbar.addAction(self.waiting_list_action)
        self.toolbar.addAction(self.not_returned_action)
        self.toolbar.addAction(self.sick_leave_action)

    def _open_other_client(self, patient_id: int) -> None:
        if not self.client_page.dirty or self._confirm(
                QCoreApplication.translate("RegistrarWindow", "The changes to this client are not saved. Leave without saving?")):
            self.open_client(patient_id)

    def _anonymous_chosen(self, choice: tuple | None) -> None:
        if choice is None:
            return
        if choice[0] == "new":
            self.new_anonymous_order(choice[1], choice[2])
        else:
            self.open_order(choice[1])

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, QCoreApplication.translate("RegistrarWindow", "Registry"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stack.currentWidget() is self.search_page:
            self.search_page.focus_box()
