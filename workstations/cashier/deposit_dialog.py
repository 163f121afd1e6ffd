"""A client's deposit (an advance left for later services): taking one, giving one back.

`TakeDepositDialog` (Ctrl+D on the payment screen): the sum, Cash (F2) or Card (F3), what the client
handed over with the change, where the electronic receipt goes; Enter takes it. The dialog stays open
while the desk works -- a declined card or a registrar out of paper is said in it -- and closes when the
advance receipt is printed. The page runs the operation (`submitted`), the dialog only collects.

`ReturnDepositDialog` (Ctrl+R on the refunds screen): how much of one advance goes back, all that can go
back to begin with, and how it goes: to the card the advance came from first, the rest in cash.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from shared.errors import DomainError
from shared.services import cash_desk
from shared.services.cash_desk import CashRefused, DepositInfo
from workstations.cashier.texts import local_time, money_text, parse_money

BUTTONS = ("QPushButton[method=\"true\"] { padding: 4px 6px; }"
           "QPushButton[method=\"true\"]:checked { background: #d8eff1; border: 2px solid #0e7c86;"
           " color: #0b4f56; font-weight: 600; }")


def _amount_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setMaxLength(16)
    edit.setStyleSheet("font-size: 14pt;")
    return edit


class TakeDepositDialog(QDialog):
    """The sum of the advance and how it is paid; ``submitted`` when Enter is pressed with valid values."""

    submitted = Signal()

    def __init__(self, name: str, balance: Decimal, contact: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Take a deposit"))
        self.setStyleSheet(BUTTONS)
        self.card = False
        self.busy = False
        #: the key of an attempt whose outcome is unknown, with what it was for: the same again reuses it
        self.attempt: tuple[uuid.UUID, tuple] | None = None
        self.client_label = QLabel(name, self)
        self.client_label.setObjectName("sectionTitle")
        self.client_label.setWordWrap(True)
        self.balance_label = QLabel(self.tr("The client's deposit now: {sum}").format(sum=money_text(balance)), self)
        self.balance_label.setObjectName("mutedLabel")
        self.amount_edit = _amount_edit(self)
        self.amount_edit.setObjectName("depositAmountEdit")
        self.amount_edit.setPlaceholderText(self.tr("sum of the advance"))
        self.cash_button = QPushButton(self.tr("Cash") + "  F2", self)
        self.card_button = QPushButton(self.tr("Card") + "  F3", self)
        self.methods = QButtonGroup(self)
        for button, card in ((self.cash_button, False), (self.card_button, True)):
            button.setProperty("method", True)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _checked=False, c=card: self.set_card(c))
            self.methods.addButton(button)
        self.cash_button.setChecked(True)
        self.given_edit = _amount_edit(self)
        self.given_edit.setObjectName("depositGivenEdit")
        self.given_edit.setPlaceholderText(self.tr("what the client handed over"))
        self.change_label = QLabel("\u2014", self)
        self.change_label.setStyleSheet("font-size: 16pt; font-weight: 600; color: #0b6e78;")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.contact_edit = QLineEdit(contact, self)
        self.contact_edit.setMaxLength(254)
        self.contact_edit.setPlaceholderText(self.tr("phone or e-mail (optional)"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.wait_label = QLabel(self)
        self.wait_label.setObjectName("notice")
        self.wait_label.setWordWrap(True)
        self.wait_label.hide()
        self.take_button = QPushButton(self.tr("Take the deposit (Enter)"), self)
        self.take_button.setObjectName("primaryButton")
        self.take_button.setMinimumHeight(38)
        self.take_button.setDefault(True)
        self.take_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)

        methods = QHBoxLayout()
        methods.setSpacing(6)
        methods.addWidget(self.cash_button)
        methods.addWidget(self.card_button)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Deposit"), self.amount_edit)
        form.addRow(self.tr("Paid by"), methods)
        form.addRow(self.tr("Given"), self.given_edit)
        form.addRow(self.tr("Change"), self.change_label)
        form.addRow(self.tr("Electronic receipt to"), self.contact_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.client_label)
        layout.addWidget(self.balance_label)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.wait_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)

        for key, card in ((Qt.Key.Key_F2, False), (Qt.Key.Key_F3, True)):
            QShortcut(QKeySequence(key), self).activated.connect(lambda c=card: self.set_card(c, focus=True))
        for edit in (self.amount_edit, self.given_edit):
            edit.textChanged.connect(lambda _text: self._recompute())
        for edit in (self.amount_edit, self.given_edit, self.contact_edit):
            edit.textEdited.connect(lambda _text: self.show_error(""))
        self.amount_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- Public API ------------------------------------------------------------------------------

    def set_card(self, card: bool, *, focus: bool = False) -> None:
        """F2 cash (what the client gave, the change), F3 card."""
        if self.busy:
            return
        self.card = card
        (self.card_button if card else self.cash_button).setChecked(True)
        self.given_edit.setEnabled(not card)
        if card:
            self.given_edit.clear()
        self._recompute()
        if focus:
            target = self.given_edit if not card and self.amount_edit.text().strip() else self.amount_edit
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            target.selectAll()

    def values(self) -> tuple[Decimal, Decimal, Decimal | None, str]:
        """(cash, card, given, contact); raises a `DomainError` with what is wrong."""
        amount = cash_desk.money(self.amount_edit.text())
        if amount <= 0:
            raise CashRefused(cash_desk.DEPOSIT_POSITIVE)
        given = None
        if not self.card and self.given_edit.text().strip():
            given = cash_desk.money(self.given_edit.text())
            if given < amount:
                raise CashRefused(cash_desk.NOT_ENOUGH_CASH, given=money_text(given), cash=money_text(amount))
        contact = cash_desk.normalize_contact(self.contact_edit.text())
        return (Decimal(0), amount, None, contact) if self.card else (amount, Decimal(0), given, contact)

    def submit(self) -> bool:
        """Enter: ``submitted`` when the values are right, else says what is wrong."""
        if self.busy:
            return False
        try:
            self.values()
        except DomainError as exc:
            self.show_error(error_text(exc))
            return False
        self.show_error("")
        self.submitted.emit()
        return True

    def key_for(self, values: tuple) -> uuid.UUID:
        """The same key for the same values while the last attempt's outcome is unknown."""
        if self.attempt is None or self.attempt[1] != values:
            self.attempt = (uuid.uuid4(), values)
        return self.attempt[0]

    def set_busy(self, busy: bool, label: str = "") -> None:
        self.busy = busy
        for widget in (self.amount_edit, self.given_edit, self.contact_edit, self.take_button, self.cancel_button,
                       self.cash_button, self.card_button):
            widget.setEnabled(not busy)
        if not busy:
            self.given_edit.setEnabled(not self.card)
        self.wait_label.setText(label)
        self.wait_label.setVisible(busy and bool(label))

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        if text:
            self.adjustSize()  # room for the wrapped message

    def reject(self) -> None:
        if not self.busy:  # the device works: the dialog waits for its answer
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.busy:
            event.ignore()
            return
        super().closeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _recompute(self) -> None:
        amount = parse_money(self.amount_edit.text())
        given = parse_money(self.given_edit.text()) if not self.card else None
        if amount is None or given is None:
            self.change_label.setText("\u2014")
        elif given < amount:
            self.change_label.setText(self.tr("short by {sum}").format(sum=money_text(amount - given)))
        else:
            self.change_label.setText(money_text(given - amount))


class ReturnDepositDialog(QDialog):
    """How much of one advance goes back; OK only with a sum the advance still holds."""

    def __init__(self, name: str, deposit: DepositInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return the deposit"))
        self.deposit = deposit
        self.amount: Decimal | None = None
        paid = []
        if deposit.cash_amount:
            paid.append(self.tr("cash {sum}").format(sum=money_text(deposit.cash_amount)))
        if deposit.card_amount:
            paid.append(self.tr("card {sum}").format(sum=money_text(deposit.card_amount)))
        self.title_label = QLabel(name, self)
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setWordWrap(True)
        self.advance_label = QLabel(self.tr("Advance of {time}: {sum} ({paid})").format(
            time=local_time(deposit.at, "%d.%m.%Y %H:%M"), sum=money_text(deposit.total), paid=", ".join(paid)), self)
        self.advance_label.setObjectName("mutedLabel")
        self.advance_label.setWordWrap(True)
        self.returnable_label = QLabel(money_text(deposit.returnable), self)
        self.returnable_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.returnable_label.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.amount_edit = _amount_edit(self)
        self.amount_edit.setObjectName("returnAmountEdit")
        self.amount_edit.setText(money_text(deposit.returnable))
        self.amount_edit.selectAll()
        self.split_label = QLabel(self)
        self.split_label.setWordWrap(True)
        self.split_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.split_label.setStyleSheet("font-size: 11pt; font-weight: 600; color: #0b6e78;")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.ok_button = QPushButton(self.tr("Return (Enter)"), self)
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("Cancel (Esc)"), self)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Can be given back"), self.returnable_label)
        form.addRow(self.tr("To give back"), self.amount_edit)
        form.addRow(self.tr("Goes back"), self.split_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.advance_label)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)
        self.amount_edit.textChanged.connect(lambda _text: self._recompute())
        self.amount_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._recompute()

    def split(self, amount: Decimal) -> tuple[Decimal, Decimal]:
        return self.deposit.split(amount)

    def accept(self) -> None:
        try:
            amount = cash_desk.money(self.amount_edit.text())
            if amount <= 0:
                raise CashRefused(cash_desk.DEPOSIT_POSITIVE)
            if amount > self.deposit.returnable:
                raise CashRefused(cash_desk.DEPOSIT_SHORT, balance=money_text(self.deposit.returnable),
                                  wanted=money_text(amount))
        except DomainError as exc:
            self.error_label.setText(error_text(exc))
            self.error_label.show()
            self.adjustSize()
            self.amount_edit.setFocus()
            self.amount_edit.selectAll()
            return
        self.amount = amount
        super().accept()

    def _recompute(self) -> None:
        self.error_label.hide()
        amount = parse_money(self.amount_edit.text())
        if amount is None or amount <= 0:
            self.split_label.setText("\u2014")
            return
        card, cash = self.split(amount)
        parts = []
        if card:
            parts.append(self.tr("to the card {sum}").format(sum=money_text(card)))
        if cash:
            parts.append(self.tr("in cash {sum}").format(sum=money_text(cash)))
        self.split_label.setText(", ".join(parts))
