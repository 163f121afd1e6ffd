"""The refunds screen: the client's paid sales whose lines are not yet performed, each line with a check
box; Refund (F9) gives the money back -- to the card first, up to what the sale took by card, the rest in
cash -- after saying exactly how much goes which way.

The lines checked belong to one sale (a return receipt answers one receipt): checking a line of another
sale unchecks the others.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from shared.services import cash_desk
from shared.services.cash_desk import OperationResult, PaidSale
from shared.services.orders import order_number
from workstations.cashier.client_finder import ClientFinder, Customer, load_customer
from workstations.cashier.desk import DeskControl
from workstations.cashier.texts import journal_message, local_time, money_text

LINE_ROLE = Qt.ItemDataRole.UserRole + 10  # order line id on a line's first cell
SALE_ROLE = Qt.ItemDataRole.UserRole + 11  # sale id on every row


def refund_split(sale: PaidSale, total: Decimal) -> tuple[Decimal, Decimal]:
    """(card, cash): what goes back to the card and in cash, as the service will split it."""
    card = min(total, sale.card_left) if sale.card_left > 0 else Decimal(0)
    return card, total - card


class RefundPage(QWidget):
    refunded = Signal(object)  # OperationResult

    def __init__(self, desk: DeskControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.customer: Customer | None = None
        self.sales: list[PaidSale] = []
        self.last_result: OperationResult | None = None
        self._syncing = False
        self._loading = 0

        self.finder = ClientFinder(desk, self)
        self.finder.setMaximumHeight(200)
        self.customer_label = QLabel(self)
        self.customer_label.setObjectName("sectionTitle")
        self.customer_label.setWordWrap(True)
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

        footer = QHBoxLayout()
        footer.addWidget(self.summary_label, 1)
        footer.addWidget(self.refund_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.setSpacing(6)
        layout.addWidget(self.finder)
        layout.addSpacing(6)
        layout.addWidget(self.customer_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(footer)
        layout.addWidget(self.keys_label)

        self.finder.client_chosen.connect(lambda patient_id: self._open(lambda conn: load_customer(
            conn, patient_id=patient_id)))
        self.finder.order_chosen.connect(lambda order_id: self._open(lambda conn: load_customer(
            conn, order_id=order_id)))
        self.model.itemChanged.connect(self._item_changed)
        self.view.installEventFilter(self)
        desk.busy_changed.connect(lambda busy, _label: self._update_summary())
        for sequence, slot in ((Qt.Key.Key_F9, self.refund), (QKeySequence.StandardKey.Find, self.finder.focus_box)):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def open_customer(self, customer: Customer) -> None:
        """The client opened on the payment screen: their sales, when this screen is shown."""
        if customer != self.customer:
            self.customer = customer
            self.sales = []
            self._fill()
            if self.isVisible():
                self.reload()

    def reload(self) -> None:
        if self.customer is None:
            return
        customer = self.customer
        self._loading += 1
        generation = self._loading
        self.desk.read(lambda conn: cash_desk.refundable_sales(conn, **customer.lookup),
                       lambda sales: self._loaded(generation, customer, sales),
                       lambda exc: self._failed(generation, exc))

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
        card, cash = refund_split(sale, total)
        if not confirmed:
            parts = []
            if card:
                parts.append(self.tr("{sum} goes back to the card").format(sum=money_text(card)))
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
        self.keys_label.setText(self.tr("↑↓ move · Space checks a line · F9 refund · Ctrl+F find a client"))
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
        return super().eventFilter(watched, event)

    # --- Internals -------------------------------------------------------------------------------

    def _open(self, fn) -> None:
        self.desk.read(fn, self._customer_loaded, lambda exc: self._show_message(error_text(exc), error=True))

    def _customer_loaded(self, customer: Customer) -> None:
        self.customer = customer
        self.sales = []
        self._fill()
        self.reload()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _loaded(self, generation: int, customer: Customer, sales: list[PaidSale]) -> None:
        if generation != self._loading or customer != self.customer:
            return
        self.sales = list(sales)
        self._fill()

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
        if sale is None:
            self.summary_label.setText(self.tr("Nothing checked"))
            return
        card, cash = refund_split(sale, total)
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
            self._show_message(self.tr("Refunded {sum}: to the card {card}, in cash {cash}. Return receipt: fiscal "
                                       "document {document}.").format(
                sum=money_text(result.total), card=money_text(result.card_amount),
                cash=money_text(result.cash_amount), document=result.fiscal_document or "\u2014"))
            self.refunded.emit(result)
        else:
            self._show_message(journal_message(result.message, result.message_params), error=True)
        self.reload()

    def _refund_failed(self, exc: Exception) -> None:
        self._show_message(error_text(exc), error=True)
        self.reload()
