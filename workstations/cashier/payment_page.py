"""The payment screen: find who pays, check the lines to pay, take the money.

On the left the search (`ClientFinder`) over the chosen client's unpaid lines, each with a check box
(all checked; Space toggles the highlighted one); on the right the pay panel, then the result. All of it
works from the keyboard: type the name, Enter opens, F2 cash / F3 card / F4 mixed, type what the client
gave, Enter pays; Esc starts over with the next client.

A registered client's deposit (an advance left for later services) shows next to the name: F10 pays from
it (`PayPanel.use_deposit`), Ctrl+D takes a new one (`TakeDepositDialog`, the advance receipt printed
through the desk like a payment).
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from shared.errors import DomainError
from shared.services import cash_desk
from shared.services.cash_desk import CashRefused, OperationResult, PayableLine, PaymentRequest
from shared.services.orders import order_number
from workstations.cashier.client_finder import (
    ClientFinder,
    Customer,
    configure_list,
    fit_columns,
    load_customer,
)
from workstations.cashier.deposit_dialog import TakeDepositDialog
from workstations.cashier.desk import DeskControl
from workstations.cashier.lines_model import CheckedLinesModel
from workstations.cashier.pay_panel import CARD, CASH, MIXED, PayPanel, ResultPanel
from workstations.cashier.texts import journal_message, money_text


def load_payable(conn, *, patient_id: int | None = None, order_id: int | None = None
                 ) -> tuple[Customer, list[PayableLine], Decimal | None]:
    return payable_of(conn, load_customer(conn, patient_id=patient_id, order_id=order_id))


def payable_of(conn, customer: Customer) -> tuple[Customer, list[PayableLine], Decimal | None]:
    """The customer's lines to pay and their deposit (None without a registered client)."""
    lines = cash_desk.payable_lines(conn, **customer.lookup)
    balance = cash_desk.deposit_balance(conn, customer.patient_id) if customer.patient_id is not None else None
    return customer, lines, balance


class PaymentPage(QWidget):
    customer_opened = Signal(object)  # Customer
    paid = Signal(object)  # OperationResult of a completed payment
    deposit_taken = Signal(object)  # OperationResult of a completed deposit

    def __init__(self, desk: DeskControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.customer: Customer | None = None
        self.deposit_balance: Decimal | None = None  # the open client's deposit (None: no registered client)
        self.deposit_dialog: TakeDepositDialog | None = None
        self.last_result: OperationResult | None = None
        self._attempt: tuple[uuid.UUID, tuple] | None = None  # the key of a payment whose outcome is unknown
        self._loading = 0

        self.finder = ClientFinder(desk, self)
        self.finder.setMaximumHeight(230)
        self.customer_label = QLabel(self)
        self.customer_label.setObjectName("sectionTitle")
        self.customer_label.setWordWrap(True)
        self.deposit_label = QLabel(self)
        self.deposit_label.setObjectName("depositBalance")
        self.deposit_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.deposit_label.hide()
        self.take_deposit_button = QPushButton(self)
        self.take_deposit_button.setObjectName("takeDepositButton")
        self.take_deposit_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.take_deposit_button.clicked.connect(self.take_deposit)
        self.take_deposit_button.hide()
        self.keys_label = QLabel(self)
        self.keys_label.setObjectName("mutedLabel")
        self.keys_label.setWordWrap(True)
        self.model = CheckedLinesModel(parent=self)
        self.lines_view = QTableView(self)
        self.lines_view.setObjectName("payLines")
        self.lines_view.setModel(self.model)
        configure_list(self.lines_view)
        header = self.lines_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("notice")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.total_label = QLabel(self)
        self.total_label.setObjectName("sectionTitle")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.pay_panel = PayPanel(self)
        self.result_panel = ResultPanel(self)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.pay_panel)
        self.right.addWidget(self.result_panel)
        self.right.setFixedWidth(350)

        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.finder)
        left.addSpacing(6)
        title = QHBoxLayout()
        title.setSpacing(10)
        title.addWidget(self.customer_label, 1)
        title.addWidget(self.deposit_label)
        left.addLayout(title)
        left.addWidget(self.empty_label)
        left.addWidget(self.lines_view, 1)
        self._filler = QWidget(self)  # takes the lines' room while there are none
        self._filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._filler.hide()
        left.addWidget(self._filler, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.take_deposit_button)
        bottom.addWidget(self.total_label, 1)
        left.addLayout(bottom)
        left.addWidget(self.keys_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.setSpacing(12)
        layout.addLayout(left, 1)
        layout.addWidget(self.right)

        self.finder.client_chosen.connect(lambda patient_id: self.open_client(patient_id))
        self.finder.order_chosen.connect(lambda order_id: self.open_order(order_id))
        self.model.checks_changed.connect(self._checks_changed)
        self.pay_panel.pay_requested.connect(self.pay)
        self.result_panel.next_requested.connect(self.next_client)
        self.lines_view.installEventFilter(self)
        self.desk.busy_changed.connect(lambda busy, label: self.pay_panel.set_busy(busy, label, self.desk.ready))
        self.desk.ready_changed.connect(lambda ready: self.pay_panel.set_busy(self.desk.busy, "", ready))
        self.desk.busy_changed.connect(lambda _busy, _label: self._show_deposit())
        self.desk.ready_changed.connect(lambda _ready: self._show_deposit())
        self._shortcuts = []
        for sequence, slot in (
            (Qt.Key.Key_F2, lambda: self.choose_method(CASH)),
            (Qt.Key.Key_F3, lambda: self.choose_method(CARD)),
            (Qt.Key.Key_F4, lambda: self.choose_method(MIXED)),
            (Qt.Key.Key_F9, self.pay),
            (Qt.Key.Key_F10, self.use_deposit),
            (QKeySequence("Ctrl+D"), self.take_deposit),
            (Qt.Key.Key_Escape, self.escape),
            (QKeySequence.StandardKey.Find, self.next_client),
            (QKeySequence.StandardKey.Print, self.result_panel.show_slip),
        ):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)
        self.retranslate_ui()
        self._show_customer()

    # --- Public API ------------------------------------------------------------------------------

    def open_client(self, patient_id: int) -> None:
        self._load(lambda conn: load_payable(conn, patient_id=patient_id))

    def open_order(self, order_id: int) -> None:
        self._load(lambda conn: load_payable(conn, order_id=order_id))

    def reload(self) -> None:
        """The open customer's lines again (after a payment, a refund, or when the page is shown)."""
        if self.customer is not None:
            customer = self.customer
            self._load(lambda conn: payable_of(conn, customer), focus=False)

    def choose_method(self, method: str) -> None:
        self.right.setCurrentWidget(self.pay_panel)
        self.pay_panel.set_method(method)

    def use_deposit(self) -> bool:
        """F10: pays from the client's deposit (or stops doing so); False when there is no deposit."""
        if self.customer is None:
            return False
        self.right.setCurrentWidget(self.pay_panel)
        if not self.deposit_balance:
            self.pay_panel.show_error(self.tr("The client has no deposit.") if self.customer.patient_id is not None
                                      else error_text(CashRefused(cash_desk.DEPOSIT_NEEDS_CLIENT)))
            return False
        return self.pay_panel.use_deposit()

    def take_deposit(self) -> TakeDepositDialog | None:
        """Ctrl+D: an advance from the open client, for later services."""
        customer = self.customer
        if customer is None or self.desk.busy:
            return None
        if customer.patient_id is None:
            self.right.setCurrentWidget(self.pay_panel)
            self.pay_panel.show_error(error_text(CashRefused(cash_desk.DEPOSIT_NEEDS_CLIENT)))
            return None
        dialog = TakeDepositDialog(customer.name, self.deposit_balance or Decimal(0), customer.contact, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda: self._take_deposit(dialog, customer))
        dialog.finished.connect(lambda _code: self._deposit_dialog_closed(dialog))
        self.deposit_dialog = dialog
        dialog.open()
        return dialog

    def pay(self) -> bool:
        """Pays the checked lines as the pay panel says (Enter in its fields, F9). False when not started."""
        if self.desk.busy or self.right.currentWidget() is not self.pay_panel:
            return False
        if not self.desk.ready:
            self.pay_panel.show_error(self.tr("The cash desk is not ready: see the notice at the top of the window."))
            return False
        lines = self.model.checked_lines()
        if not lines:
            self.pay_panel.show_error(error_text(CashRefused(cash_desk.NOTHING_TO_PAY)))
            return False
        try:
            cash, card, given, deposit = self.pay_panel.amounts()
        except DomainError as exc:
            self.pay_panel.show_error(error_text(exc))
            return False
        what = (tuple(line.order_line_id for line in lines), cash, card, given, self.pay_panel.contact(), deposit)
        key = self._attempt[0] if self._attempt is not None and self._attempt[1] == what else uuid.uuid4()
        self._attempt = (key, what)
        request = PaymentRequest(key=key, order_line_ids=what[0], cash=cash, card=card, cash_given=given,
                                 customer_contact=what[4], deposit=deposit)
        label = (self.tr("Waiting for the card terminal: the client inserts the card and enters the PIN…") if card
                 else self.tr("Printing the receipt…"))
        self.pay_panel.clear_error()
        return self.desk.run(lambda conn, desk, devices: cash_desk.pay(conn, desk, devices, request), label,
                             success=self._paid, failure=self._pay_failed)

    def next_client(self) -> None:
        """Esc after a payment, Ctrl+F: the search box, for the next client."""
        self.customer = None
        self.deposit_balance = None
        self.model.set_rows([])
        self.pay_panel.reset()
        self.pay_panel.set_deposit_balance(None)
        self.right.setCurrentWidget(self.pay_panel)
        self._show_customer()
        self.finder.focus_box()

    def escape(self) -> None:
        if self.finder.view.hasFocus():
            self.finder.focus_box()
        elif self.finder.search_edit.hasFocus() and self.customer is None:
            self.finder.search_edit.clear()
        else:
            self.next_client()

    def retranslate_ui(self) -> None:
        fit_columns(self.lines_view, {0: 84, 2: 92, 3: 44, 4: 90, 5: 84, 6: 96})
        self.keys_label.setText(self.tr(
            "Space checks or unchecks a line · Enter to the payment · F2 cash · F3 card · F4 mixed · "
            "F10 from the deposit · F9 pay · Ctrl+D take a deposit · Esc next client"))
        self.take_deposit_button.setText(self.tr("Take a deposit… (Ctrl+D)"))
        self.take_deposit_button.setToolTip(self.tr("An advance from the client for later services"))
        self._show_customer()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.customer is None:
            self.finder.focus_box()

    # --- Keyboard --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.lines_view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            current = self.lines_view.currentIndex()
            if event.key() == Qt.Key.Key_Space and current.isValid():
                self.model.toggle(current.row())
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose_method(self.pay_panel.method)
                return True
        return super().eventFilter(watched, event)

    # --- Internals -------------------------------------------------------------------------------

    def _load(self, fn, *, focus: bool = True) -> None:
        self._loading += 1
        generation = self._loading
        self.desk.read(fn, lambda data: self._loaded(generation, data, focus),
                       lambda exc: self._load_failed(generation, exc))

    def _loaded(self, generation: int, data: tuple[Customer, list[PayableLine], Decimal | None],
                focus: bool) -> None:
        if generation != self._loading:
            return
        customer, lines, balance = data
        new_customer = self.customer is None or self.customer != customer
        self.customer = customer
        self.deposit_balance = balance
        self.model.set_rows(lines)
        self.lines_view.setColumnHidden(5, not any(line.discount for line in lines))
        self.lines_view.setColumnHidden(2, not any(line.starts_at for line in lines))
        if new_customer:
            self.pay_panel.reset()
            self.pay_panel.set_contact(customer.contact)
            self.right.setCurrentWidget(self.pay_panel)
            self.customer_opened.emit(customer)
        self.pay_panel.set_deposit_balance(balance)
        self._show_customer()
        if focus:
            if lines:
                self.lines_view.setFocus(Qt.FocusReason.OtherFocusReason)
                self.lines_view.setCurrentIndex(self.model.index(0, 0))
            else:
                self.finder.focus_box()

    def _load_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._loading:
            self.empty_label.setText(error_text(exc))
            self.empty_label.show()

    def _show_customer(self) -> None:
        customer = self.customer
        if customer is None:
            self.customer_label.setText(self.tr("Find the client who pays, or type № and the order number."))
            self.empty_label.hide()
        else:
            title = customer.name or self.tr("Client without a card")
            if customer.order_id is not None:
                title = self.tr("{name} · order {number}").format(name=title, number=order_number(customer.order_id))
            self.customer_label.setText(title)
            self.empty_label.setText(self.tr("Nothing to pay: every line is paid, cancelled or paid by a payer."))
            self.empty_label.setVisible(self.model.rowCount() == 0)
        self.lines_view.setVisible(customer is None or self.model.rowCount() > 0)
        self._filler.setVisible(self.lines_view.isHidden())
        self._show_deposit()
        self._checks_changed()

    def _show_deposit(self) -> None:
        """The deposit next to the name, and Take a deposit, for a registered client."""
        registered = self.customer is not None and self.customer.patient_id is not None
        balance = self.deposit_balance or Decimal(0)
        if balance > 0:
            self.deposit_label.setText(self.tr("Deposit: {sum}").format(sum=money_text(balance)))
            self.deposit_label.setStyleSheet("font-size: 12pt; font-weight: 600; color: #0b6e78;")
        else:
            self.deposit_label.setText(self.tr("No deposit"))
            self.deposit_label.setStyleSheet("color: #6b7c85;")
        self.deposit_label.setVisible(registered and self.deposit_balance is not None)
        self.take_deposit_button.setVisible(registered)
        self.take_deposit_button.setEnabled(not self.desk.busy and self.desk.ready)

    def _checks_changed(self) -> None:
        total = self.model.checked_total()
        self.pay_panel.set_total(total)
        count, rows = len(self.model.checked_lines()), self.model.rowCount()
        self.total_label.setText(self.tr("To pay: {sum} ({checked} of {lines} lines)").format(
            sum=money_text(total), checked=count, lines=rows) if rows else "")

    def _paid(self, result: OperationResult) -> None:
        self._attempt = None
        self.last_result = result
        if result.completed:
            self.pay_panel.use_deposit(False, focus=False)
            self.result_panel.show_result(result)
            self.right.setCurrentWidget(self.result_panel)
            self.finder.focus_box()  # the next client's name can be typed at once
            self.paid.emit(result)
        else:
            message = journal_message(result.message, result.message_params)
            self.pay_panel.show_error(self.tr("{message} Decide what to do in the window that opened.").format(
                message=message))
        self.reload()

    def _pay_failed(self, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            self._attempt = None  # the service answered: a new attempt is a new payment
        self.pay_panel.show_error(error_text(exc))
        if isinstance(exc, CashRefused) and exc.message == cash_desk.LINES_TAKEN:
            self.reload()

    def _take_deposit(self, dialog: TakeDepositDialog, customer: Customer) -> None:
        if not self.desk.ready:
            dialog.show_error(self.tr("The cash desk is not ready: see the notice at the top of the window."))
            return
        try:
            cash, card, given, contact = values = dialog.values()
        except DomainError as exc:
            dialog.show_error(error_text(exc))
            return
        key, patient_id = dialog.key_for(values), customer.patient_id
        assert patient_id is not None
        label = (self.tr("Waiting for the card terminal: the client inserts the card and enters the PIN…") if card
                 else self.tr("Printing the advance receipt…"))
        started = self.desk.run(
            lambda conn, desk, devices: cash_desk.take_deposit(conn, desk, devices, patient_id, cash=cash, card=card,
                                                               cash_given=given, customer_contact=contact, key=key),
            label, success=lambda result: self._deposit_done(dialog, result),
            failure=lambda exc: self._deposit_failed(dialog, exc))
        if started:
            dialog.set_busy(True, label)

    def _deposit_done(self, dialog: TakeDepositDialog, result: OperationResult) -> None:
        dialog.attempt = None
        dialog.set_busy(False)
        dialog.accept()
        self.last_result = result
        self.right.setCurrentWidget(self.pay_panel)
        if result.completed:
            self.result_panel.show_result(result)
            self.right.setCurrentWidget(self.result_panel)
            self.deposit_taken.emit(result)
        else:
            message = journal_message(result.message, result.message_params)
            self.pay_panel.show_error(self.tr("{message} Decide what to do in the window that opened.").format(
                message=message))
        self.reload()

    def _deposit_failed(self, dialog: TakeDepositDialog, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            dialog.attempt = None  # the service answered: a new attempt is a new deposit
        dialog.set_busy(False)
        dialog.show_error(error_text(exc))

    def _deposit_dialog_closed(self, dialog: TakeDepositDialog) -> None:
        if self.deposit_dialog is dialog:
            self.deposit_dialog = None
        if self.customer is not None and self.model.rowCount():
            self.lines_view.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def total(self) -> Decimal:
        return self.model.checked_total()
