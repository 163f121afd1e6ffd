"""The refunds screen: the client's paid sales whose lines are not yet performed, each line with a check
box; Refund (F9) gives the money back -- to the card first, up to what the sale took by card, then to the
client's deposit, up to what the sale took from it, the rest in cash -- after saying exactly how much goes
which way.

The lines checked belong to one sale (a return receipt answers one receipt): checking a line of another
sale unchecks the others.

Under the sales, the client's deposit: the advances that can still be given back. Return the deposit
(Ctrl+R, or Enter in that list) asks how much of the highlighted advance -- all of it to begin with -- and
gives it back to the card it came from first, the rest in cash.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import cash_desk
from shared.services.cash_desk import DepositInfo, OperationResult, PaidSale
from shared.services.orders import order_number
from workstations.cashier.client_finder import (
    ClientFinder,
    Customer,
    configure_list,
    fit_columns,
    load_customer,
)
from workstations.cashier.deposit_dialog import ReturnDepositDialog
from workstations.cashier.desk import DeskControl
from workstations.cashier.texts import deposit_part, journal_message, local_time, money_text

LINE_ROLE = Qt.ItemDataRole.UserRole + 10  # order line id on a line's first cell
SALE_ROLE = Qt.ItemDataRole.UserRole + 11  # sale id on every row


def _paid_text(deposit: DepositInfo) -> str:
    parts = []
    if deposit.cash_amount:
        parts.append(QCoreApplication.translate("RefundPage", "cash {sum}").format(sum=money_text(deposit.cash_amount)))
    if deposit.card_amount:
        parts.append(QCoreApplication.translate("RefundPage", "card {sum}").format(sum=money_text(deposit.card_amount)))
    return ", ".join(parts)


DEPOSIT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("RefundPage", "Advance taken"), lambda d: local_time(d.at, "%d.%m.%Y %H:%M"),
           context="RefundPage"),
    Column(QT_TRANSLATE_NOOP("RefundPage", "Paid"), _paid_text, context="RefundPage"),
    Column(QT_TRANSLATE_NOOP("RefundPage", "Sum"), lambda d: money_text(d.total), ALIGN_RIGHT, "RefundPage"),
    Column(QT_TRANSLATE_NOOP("RefundPage", "Can be given back"), lambda d: money_text(d.returnable), ALIGN_RIGHT,
           "RefundPage"),
)


@dataclass(frozen=True)
class RefundData:
    """What the screen shows of a customer: the sales to refund from, and the deposit."""

    sales: list[PaidSale]
    balance: Decimal | None = None  # the client's deposit (None: no registered client)
    deposits: list[DepositInfo] = field(default_factory=list)  # the advances that can still be given back


def load_refunds(conn: Connection, customer: Customer) -> RefundData:
    sales = cash_desk.refundable_sales(conn, **customer.lookup)
    if customer.patient_id is None:
        return RefundData(sales)
    balance = cash_desk.deposit_balance(conn, customer.patient_id)
    deposits = [d for d in cash_desk.deposits(conn, customer.patient_id) if d.returnable > 0]
    return RefundData(sales, balance, deposits)


class RefundPage(QWidget):
    refunded = Signal(object)  # OperationResult
    deposit_returned = Signal(object)  # OperationResult

    def __init__(self, desk: DeskControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.customer: Customer | None = None
        self.sales: list[PaidSale] = []
        self.data = RefundData([])
        self.last_result: OperationResult | None = None
        self.return_dialog: ReturnDepositDialog | None = None
        self._syncing = False
        self._loading = 0

        self.finder = ClientFinder(desk, self)
        self.finder.setMaximumHeight(200)
        self.customer_label = QLabel(self)
        self.customer_label.setObjectName("sectionTitle")
        self.customer_label.setWordWrap(True)
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("depositBalance")
        self.balance_label.setStyleSheet("font-size: 12pt; font-weight: 600; color: #0b6e78;")
        self.balance_label.hide()
        self.model = QStandardItemModel(0, 3, self)
        self.view = QTreeView(self)
        self.view.setObjectName("refundSales")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.header().setStretchLastSection(False)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(1, 260)
        self.view.setColumnWidth(2, 110)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("notice")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-size: 11pt;")
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.refund_button = QPushButton(self)
        self.refund_button.setObjectName("primaryButton")
        self.refund_button.setMinimumHeight(40)
        self.refund_button.clicked.connect(self.refund)
        self.keys_label = QLabel(self)
        self.keys_label.setObjectName("mutedLabel")

        # The client's deposit: the advances that can still be given back.
        self.deposit_box = QFrame(self)
        self.deposit_box.setObjectName("depositBox")
        self.deposit_box.setStyleSheet("#depositBox { background: #ffffff; border: 1px solid #9fd3d8; "
                                       "border-radius: 8px; } #depositBox QLabel { background: transparent; }")
        self.deposit_title = QLabel(self.deposit_box)
        self.deposit_title.setObjectName("sectionTitle")
        self.deposits_model = DtoTableModel(DEPOSIT_COLUMNS, id_attr="operation_id", parent=self)
        self.deposits_view = QTableView(self.deposit_box)
        self.deposits_view.setObjectName("depositList")
        self.deposits_view.setModel(self.deposits_model)
        configure_list(self.deposits_view)
        self.deposits_view.horizontalHeader().setStretchLastSection(False)
        self.deposits_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.return_button = QPushButton(self.deposit_box)
        self.return_button.setMinimumHeight(34)
        self.return_button.clicked.connect(self.ask_return_deposit)
        deposit_head = QHBoxLayout()
        deposit_head.addWidget(self.deposit_title, 1)
        deposit_head.addWidget(self.return_button)
        deposit_layout = QVBoxLayout(self.deposit_box)
        deposit_layout.setContentsMargins(10, 8, 10, 8)
        deposit_layout.setSpacing(6)
        deposit_layout.addLayout(deposit_head)
        deposit_layout.addWidget(self.deposits_view)
        self.deposit_box.hide()

        title = QHBoxLayout()
        title.addWidget(self.customer_label, 1)
        title.addWidget(self.balance_label)
        footer = QHBoxLayout()
        footer.addWidget(self.summary_label, 1)
        footer.addWidget(self.refund_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.setSpacing(6)
        layout.addWidget(self.finder)
        layout.addSpacing(6)
        layout.addLayout(title)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        self._filler = QWidget(self)  # takes the sales' room while there are none
        self._filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._filler.hide()
        layout.addWidget(self._filler, 1)
        layout.addWidget(self.deposit_box)
        layout.addWidget(self.message_label)
        layout.addLayout(footer)
        layout.addWidget(self.keys_label)

        self.finder.client_chosen.connect(lambda patient_id: self._open(lambda conn: load_customer(
            conn, patient_id=patient_id)))
        self.finder.order_chosen.connect(lambda order_id: self._open(lambda conn: load_customer(
            conn, order_id=order_id)))
        self.model.itemChanged.connect(self._item_changed)
        self.view.installEventFilter(self)
        self.deposits_view.installEventFilter(self)
        self.deposits_view.doubleClicked.connect(lambda _index: self.ask_return_deposit())
        desk.busy_changed.connect(lambda busy, _label: self._update_summary())
        for sequence, slot in ((Qt.Key.Key_F9, self.refund), (QKeySequence.StandardKey.Find, self.finder.focus_box),
                               (QKeySequence("Ctrl+R"), self.ask_return_deposit)):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def open_customer(self, customer: Customer) -> None:
        """The client opened on the payment screen: their sales, when this screen is shown."""
        if customer != self.customer:
            self.customer = customer
            self._set_data(RefundData([]))
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        if self.customer is None:
            return
        customer = self.customer
        self._loading += 1
        generation = self._loading
        self.desk.read(lambda conn: load_refunds(conn, customer),
                       lambda data: self._loaded(generation, customer, data),
                       lambda exc: self._failed(generation, exc))

    @property
    def deposits(self) -> list[DepositInfo]:
        return self.data.deposits

    def current_deposit(self) -> DepositInfo | None:
        """The advance highlighted in the deposit list (the first when none is)."""
        if not self.deposits:
            return None
        index = self.deposits_view.currentIndex()
        return self.deposits_model.row_at(index) if index.isValid() else self.deposits[0]

    def ask_return_deposit(self) -> ReturnDepositDialog | None:
        """Ctrl+R: how much of the highlighted advance goes back (all that can, to begin with)."""
        deposit = self.current_deposit()
        if deposit is None:
            if self.customer is not None:
                self._show_message(self.tr("The client has no deposit to give back."), error=True)
            return None
        if self.desk.busy or not self.desk.ready:
            return None
        name = self.customer.name if self.customer is not None else ""
        dialog = ReturnDepositDialog(name, deposit, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.return_deposit(deposit, dialog.amount) if dialog.amount else None)
        self.return_dialog = dialog
        dialog.open()
        return dialog

    def return_deposit(self, deposit: DepositInfo, amount: Decimal, *, confirmed: bool = False) -> bool:
        """Gives ``amount`` of the advance back after saying how much goes to the card and how much in cash."""
        if self.desk.busy:
            return False
        card, cash = deposit.split(amount)
        if not confirmed:
            parts = []
            if card:
                parts.append(self.tr("{sum} goes back to the card").format(sum=money_text(card)))
            if cash:
                parts.append(self.tr("{sum} is given in cash from the drawer").format(sum=money_text(cash)))
            question = self.tr("Return {sum} of the deposit to {name}?\n\n{parts}.").format(
                sum=money_text(amount), name=self.customer.name if self.customer else "", parts="; ".join(parts))
            answer = QMessageBox.question(self, self.tr("Return the deposit"), question,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        key, deposit_id = uuid.uuid4(), deposit.operation_id
        label = (self.tr("Returning {sum} to the card on the terminal…").format(sum=money_text(card)) if card
                 else self.tr("Printing the return receipt…"))
        self._show_message("")
        return self.desk.run(
            lambda conn, desk, devices: cash_desk.return_deposit(conn, desk, devices, deposit_id, amount, key),
            label, success=self._deposit_returned, failure=self._refund_failed)

    def checked(self) -> tuple[PaidSale | None, list[int], Decimal]:
        """The sale whose lines are checked, their ids and their sum."""
        for row, sale in enumerate(self.sales):
            parent = self.model.item(row, 0)
            ids, total = [], Decimal(0)
            for child in range(parent.rowCount()):
                item = parent.child(child, 0)
                if item.checkState() == Qt.CheckState.Checked:
                    ids.append(item.data(LINE_ROLE))
                    total += sale.lines[child].amount
            if ids:
                return sale, ids, total
        return None, [], Decimal(0)

    def set_line_checked(self, sale_row: int, line_row: int, checked: bool = True) -> None:
        item = self.model.item(sale_row, 0).child(line_row, 0)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def refund(self, *, confirmed: bool = False) -> bool:
        """Refunds the checked lines (F9) after saying how much goes to the card and how much in cash."""
        if self.desk.busy:
            return False
        sale, ids, total = self.checked()
        if sale is None:
            self._show_message(self.tr("Check the lines to refund (Space)."), error=True)
            return False
        card, deposit, cash = sale.split(total)
        if not confirmed:
            parts = []
            if card:
                parts.append(self.tr("{sum} goes back to the card").format(sum=money_text(card)))
            if deposit:
                parts.append(self.tr("{sum} goes back to the client's deposit").format(sum=money_text(deposit)))
            if cash:
                parts.append(self.tr("{sum} is given in cash from the drawer").format(sum=money_text(cash)))
            question = self.tr("Refund {sum} to {name}?\n\n{parts}.").format(
                sum=money_text(total), name=self.customer.name if self.customer else "", parts="; ".join(parts))
            answer = QMessageBox.question(self, self.tr("Refund"), question,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        key, sale_id = uuid.uuid4(), sale.operation_id
        label = (self.tr("Returning {sum} to the card on the terminal…").format(sum=money_text(card)) if card
                 else self.tr("Printing the return receipt…"))
        return self.desk.run(lambda conn, desk, devices: cash_desk.refund(conn, desk, devices, sale_id, ids, key),
                             label, success=self._refunded, failure=self._refund_failed)

    def retranslate_ui(self) -> None:
        self.model.setHorizontalHeaderLabels([self.tr("Sale and its services"), self.tr("Paid"), self.tr("Sum")])
        self.keys_label.setText(self.tr(
            "↑↓ move · Space checks a line · F9 refund · Ctrl+R return the deposit · Ctrl+F find a client"))
        self.return_button.setText(self.tr("Return the deposit… (Ctrl+R)"))
        fit_columns(self.deposits_view, {0: 130, 2: 100, 3: 130})
        self._update_summary()
        self._show_customer()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._fill()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.customer is None:
            self.finder.focus_box()
        else:
            self.reload()

    # --- Keyboard --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Space:
            index = self.view.currentIndex()
            item = self.model.itemFromIndex(index.siblingAtColumn(0)) if index.isValid() else None
            if item is not None and item.isCheckable():
                item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                                   else Qt.CheckState.Checked)
                return True
        if watched is self.deposits_view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.ask_return_deposit()
            return True
        return super().eventFilter(watched, event)

    # --- Internals -------------------------------------------------------------------------------

    def _open(self, fn) -> None:
        self.desk.read(fn, self._customer_loaded, lambda exc: self._show_message(error_text(exc), error=True))

    def _customer_loaded(self, customer: Customer) -> None:
        self.customer = customer
        self._set_data(RefundData([]))
        self.reload()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _loaded(self, generation: int, customer: Customer, data: RefundData) -> None:
        if generation != self._loading or customer != self.customer:
            return
        self._set_data(data)

    def _set_data(self, data: RefundData) -> None:
        highlighted = self.deposits_model.row_at(self.deposits_view.currentIndex())
        self.data = data
        self.sales = list(data.sales)
        self._fill()
        self.deposits_model.set_rows(data.deposits)
        if data.deposits:  # the same advance stays highlighted after a reload
            row = self.deposits_model.row_for_id(highlighted.operation_id) if highlighted is not None else None
            self.deposits_view.setCurrentIndex(self.deposits_model.index(row or 0, 0))
        rows = min(len(data.deposits), 4)
        self.deposits_view.setFixedHeight(self.deposits_view.horizontalHeader().sizeHint().height()
                                          + rows * self.deposits_view.verticalHeader().defaultSectionSize()
                                          + 2 * self.deposits_view.frameWidth() + 2)
        self.deposit_box.setVisible(bool(data.deposits))
        self._show_customer()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._loading:
            self._show_message(error_text(exc), error=True)

    def _fill(self) -> None:
        self._syncing = True
        try:
            self.model.removeRows(0, self.model.rowCount())
            for sale in self.sales:
                head = QStandardItem(self.tr("{time} · receipt FD {document}").format(
                    time=local_time(sale.at, "%d.%m.%Y %H:%M"), document=sale.fiscal_document or "\u2014"))
                head.setEditable(False)
                font = head.font()
                font.setBold(True)
                head.setFont(font)
                paid = []
                if sale.cash_amount:
                    paid.append(self.tr("cash {sum}").format(sum=money_text(sale.cash_amount)))
                if sale.card_amount:
                    paid.append(self.tr("card {sum}").format(sum=money_text(sale.card_amount)))
                from_deposit = deposit_part(sale.total, sale.cash_amount, sale.card_amount)
                if from_deposit:
                    paid.append(self.tr("from the deposit {sum}").format(sum=money_text(from_deposit)))
                how = QStandardItem(", ".join(paid))
                total = QStandardItem(money_text(sale.total))
                total.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                for item in (head, how, total):
                    item.setData(sale.operation_id, SALE_ROLE)
                    item.setEditable(False)
                for line in sale.lines:
                    name = QStandardItem(line.service_name)
                    name.setCheckable(True)
                    name.setCheckState(Qt.CheckState.Unchecked)
                    name.setData(line.order_line_id, LINE_ROLE)
                    order = QStandardItem(self.tr("order {number}").format(number=order_number(line.order_id)))
                    amount = QStandardItem(money_text(line.amount))
                    amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    for item in (name, order, amount):
                        item.setData(sale.operation_id, SALE_ROLE)
                        item.setEditable(False)
                    head.appendRow([name, order, amount])
                self.model.appendRow([head, how, total])
            self.view.expandAll()
            if self.sales:
                self.view.setCurrentIndex(self.model.item(0, 0).child(0, 0).index())
        finally:
            self._syncing = False
        self._show_customer()
        self._update_summary()

    def _item_changed(self, item: QStandardItem) -> None:
        if self._syncing or not item.isCheckable() or item.checkState() != Qt.CheckState.Checked:
            self._update_summary()
            return
        sale_id = item.data(SALE_ROLE)
        self._syncing = True
        try:
            for row in range(self.model.rowCount()):
                parent = self.model.item(row, 0)
                if parent.data(SALE_ROLE) == sale_id:
                    continue
                for child in range(parent.rowCount()):
                    parent.child(child, 0).setCheckState(Qt.CheckState.Unchecked)
        finally:
            self._syncing = False
        self._update_summary()

    def _show_customer(self) -> None:
        balance = self.data.balance
        self.balance_label.setText(self.tr("Deposit: {sum}").format(sum=money_text(balance)) if balance else "")
        self.balance_label.setVisible(bool(balance) and self.customer is not None)
        self.deposit_title.setText(self.tr("Advances that can be given back"))
        self.view.setVisible(self.customer is None or bool(self.sales))
        self._filler.setVisible(self.view.isHidden())
        if self.customer is None:
            self.customer_label.setText(self.tr("Find the client whose money goes back."))
            self.empty_label.hide()
            return
        self.customer_label.setText(self.customer.name or self.tr("Client without a card"))
        self.empty_label.setText(self.tr("Nothing to refund: no paid service waits to be performed."))
        self.empty_label.setVisible(not self.sales)

    def _update_summary(self) -> None:
        sale, ids, total = self.checked() if self.sales else (None, [], Decimal(0))
        self.refund_button.setText(self.tr("Refund (F9)"))
        self.refund_button.setEnabled(sale is not None and not self.desk.busy and self.desk.ready)
        self.return_button.setEnabled(bool(self.data.deposits) and not self.desk.busy and self.desk.ready)
        if sale is None:
            self.summary_label.setText(self.tr("Nothing checked"))
            return
        card, deposit, cash = sale.split(total)
        if deposit:
            self.summary_label.setText(self.tr(
                "To refund {sum}: to the card {card}, to the deposit {deposit}, in cash {cash}").format(
                sum=money_text(total), card=money_text(card), deposit=money_text(deposit), cash=money_text(cash)))
        else:
            self.summary_label.setText(self.tr("To refund {sum}: to the card {card}, in cash {cash}").format(
                sum=money_text(total), card=money_text(card), cash=money_text(cash)))

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setObjectName("errorLabel" if error else "notice")
        self.message_label.setStyleSheet("")  # re-polish for the new object name
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _refunded(self, result: OperationResult) -> None:
        self.last_result = result
        if result.completed:
            deposit = deposit_part(result.total, result.cash_amount, result.card_amount)
            if deposit:
                self._show_message(self.tr(
                    "Refunded {sum}: to the card {card}, to the deposit {deposit}, in cash {cash}. Return receipt: "
                    "fiscal document {document}.").format(
                    sum=money_text(result.total), card=money_text(result.card_amount), deposit=money_text(deposit),
                    cash=money_text(result.cash_amount), document=result.fiscal_document or "\u2014"))
            else:
                self._show_message(self.tr("Refunded {sum}: to the card {card}, in cash {cash}. Return receipt: "
                                           "fiscal document {document}.").format(
                    sum=money_text(result.total), card=money_text(result.card_amount),
                    cash=money_text(result.cash_amount), document=result.fiscal_document or "\u2014"))
            self.refunded.emit(result)
        else:
            self._show_message(journal_message(result.message, result.message_params), error=True)
        self.reload()

    def _deposit_returned(self, result: OperationResult) -> None:
        self.last_result = result
        if result.completed:
            self._show_message(self.tr("Deposit returned: {sum} (to the card {card}, in cash {cash}). Return receipt: "
                                       "fiscal document {document}.").format(
                sum=money_text(result.total), card=money_text(result.card_amount),
                cash=money_text(result.cash_amount), document=result.fiscal_document or "\u2014"))
            self.deposit_returned.emit(result)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # the deposit list may be gone
        else:
            self._show_message(journal_message(result.message, result.message_params), error=True)
        self.reload()

    def _refund_failed(self, exc: Exception) -> None:
        self._show_message(error_text(exc), error=True)
        self.reload()
