"""The right-hand side of the payment screen: how the client pays, and then what came of it.

`PayPanel`: Cash (F2), Card (F3) or Mixed (F4: the card part typed, the rest in cash); what the client
handed over with the change computed as they type; where the electronic receipt goes; Pay (Enter in any
field, or F9). A registered client with a deposit (an advance left earlier) may pay from it: From the
deposit (F10) turns the deposit part on and off -- it starts as much of the sum as the deposit covers and
can be typed over -- and F2 / F3 / F4 say how the rest is paid. `ResultPanel`: the receipt's number and
fiscal document, the change in big letters, the card slip to read or print.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import cash_desk
from shared.services.cash_desk import CashRefused, OperationResult
from workstations.cashier.texts import deposit_part, journal_message, money_text, parse_money

CASH, CARD, MIXED = "cash", "card", "mixed"

BAD_CARD_PART = QT_TRANSLATE_NOOP(
    "DomainError", "The card part of a mixed payment must be more than zero and not more than the total.")
BAD_DEPOSIT_PART = QT_TRANSLATE_NOOP(
    "DomainError", "The part paid from the deposit cannot be more than the sum to pay.")

BIG = "font-size: 20pt; font-weight: 600; color: #14333f;"
CHANGE = "font-size: 30pt; font-weight: 700; color: #0b6e78;"


class PayPanel(QFrame):
    """The pay panel; the page builds the `PaymentRequest` from `amounts()` when Pay is pressed."""

    pay_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payPanel")
        self.setStyleSheet("#payPanel { background: #ffffff; border: 1px solid #d6e0e6; border-radius: 8px; }"
                           "#payPanel QLabel { background: transparent; }"
                           "#payPanel QPushButton { padding: 4px 6px; }"
                           "#payPanel QPushButton:checked { background: #d8eff1; border: 2px solid #0e7c86;"
                           " color: #0b4f56; font-weight: 600; }")
        self.total = Decimal(0)
        self.method = CASH
        self.deposit_balance = Decimal(0)  # the open client's deposit (0: none, or no registered client)
        self._deposit_auto = True  # the deposit part follows the sum until the cashier types it
        self._deposit_error = False  # the error shown is about the deposit part
        self._busy, self._ready = False, True
        self.cash_button = QPushButton(self)
        self.card_button = QPushButton(self)
        self.mixed_button = QPushButton(self)
        self.methods = QButtonGroup(self)
        self.methods.setExclusive(True)
        for button, method in ((self.cash_button, CASH), (self.card_button, CARD), (self.mixed_button, MIXED)):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(46)
            button.clicked.connect(lambda _checked=False, m=method: self.set_method(m))
            self.methods.addButton(button)
        self.cash_button.setChecked(True)
        self.deposit_button = QPushButton(self)
        self.deposit_button.setObjectName("depositButton")
        self.deposit_button.setCheckable(True)
        self.deposit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.deposit_button.setMinimumHeight(46)
        self.deposit_button.clicked.connect(lambda checked: self.use_deposit(checked))
        self.deposit_button.hide()

        self.total_caption = QLabel(self)
        self.total_label = QLabel(self)
        self.total_label.setStyleSheet(BIG)
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.deposit_edit = QLineEdit(self)
        self.deposit_edit.setObjectName("depositPartEdit")
        self.card_edit = QLineEdit(self)
        self.card_edit.setObjectName("cardPartEdit")
        self.cash_part_label = QLabel(self)
        self.cash_part_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.given_edit = QLineEdit(self)
        self.given_edit.setObjectName("givenEdit")
        self.change_label = QLabel(self)
        self.change_label.setStyleSheet("font-size: 16pt; font-weight: 600; color: #0b6e78;")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setObjectName("contactEdit")
        self.contact_edit.setMaxLength(254)
        for edit in (self.deposit_edit, self.card_edit, self.given_edit):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaxLength(16)
            edit.setStyleSheet("font-size: 13pt;")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.wait_label = QLabel(self)
        self.wait_label.setObjectName("notice")
        self.wait_label.setWordWrap(True)
        self.wait_label.hide()
        self.pay_button = QPushButton(self)
        self.pay_button.setObjectName("primaryButton")
        self.pay_button.setMinimumHeight(44)
        self.pay_button.setStyleSheet("font-size: 13pt;")
        self.pay_button.clicked.connect(self.pay_requested)

        self.deposit_caption = QLabel(self)
        self.card_caption = QLabel(self)
        self.cash_caption = QLabel(self)
        self.given_caption = QLabel(self)
        self.change_caption = QLabel(self)
        self.contact_caption = QLabel(self)
        methods = QHBoxLayout()
        methods.setSpacing(6)
        for button in (self.cash_button, self.card_button, self.mixed_button):
            methods.addWidget(button)
        form = self.form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(8)
        form.addRow(self.total_caption, self.total_label)
        form.addRow(self.deposit_caption, self.deposit_edit)
        form.setRowVisible(self.deposit_edit, False)
        form.addRow(self.card_caption, self.card_edit)
        form.addRow(self.cash_caption, self.cash_part_label)
        form.addRow(self.given_caption, self.given_edit)
        form.addRow(self.change_caption, self.change_label)
        form.addRow(self.contact_caption, self.contact_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 14)
        layout.setSpacing(10)
        layout.addLayout(methods)
        layout.addWidget(self.deposit_button)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.wait_label)
        layout.addStretch(1)
        layout.addWidget(self.pay_button)

        for edit in (self.card_edit, self.given_edit):
            edit.textChanged.connect(lambda _text: self._recompute())
        for edit in (self.card_edit, self.given_edit, self.contact_edit):
            edit.textEdited.connect(lambda _text: self.clear_error())
        for edit in (self.deposit_edit, self.card_edit, self.given_edit, self.contact_edit):
            edit.returnPressed.connect(self.pay_requested)
        self.deposit_edit.textEdited.connect(self._deposit_typed)
        self.deposit_edit.textChanged.connect(lambda _text: self._deposit_changed())
        self.retranslate_ui()
        self.set_method(CASH, focus=False)

    # --- Public API ------------------------------------------------------------------------------

    def set_total(self, total: Decimal) -> None:
        self.total = total
        if self.deposit_on and self._deposit_auto:
            self._prefill_deposit()  # checking or unchecking a line moves the deposit part with the sum
        self._recompute()

    @property
    def deposit_on(self) -> bool:
        """Part of the sum is paid from the client's deposit (F10)."""
        return self.deposit_button.isChecked()

    def set_deposit_balance(self, balance: Decimal | None) -> None:
        """The open client's deposit: From the deposit (F10) is offered while there is something in it."""
        self.deposit_balance = balance if balance is not None and balance > 0 else Decimal(0)
        self.deposit_button.setVisible(self.deposit_balance > 0)
        if self.deposit_on:
            if self.deposit_balance <= 0:
                self.use_deposit(False, focus=False)
            elif self._deposit_auto:
                self._prefill_deposit()
        self.retranslate_ui()

    def use_deposit(self, on: bool | None = None, *, focus: bool = True) -> bool:
        """F10 turns the deposit part on -- as much of the sum as the deposit covers, the cursor in it to type
        another sum -- or off again. False when the client has no deposit."""
        if on is None:
            on = not self.deposit_on
        if on and self.deposit_balance <= 0:
            self.deposit_button.setChecked(False)
            return False
        self.deposit_button.setChecked(on)
        self.deposit_edit.setEnabled(on)
        self.form.setRowVisible(self.deposit_edit, on)
        self._deposit_auto = True
        if on:
            self._prefill_deposit()
        else:
            self.deposit_edit.clear()
        self.clear_error()
        self._recompute()
        if focus:
            target = self.deposit_edit if on else self._method_target()
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            target.selectAll()
        return True

    def set_contact(self, contact: str) -> None:
        self.contact_edit.setText(contact)

    def set_method(self, method: str, *, focus: bool = True) -> None:
        """F2 / F3 / F4: the fields that method needs are enabled, the first of them gets the cursor."""
        self.method = method
        {CASH: self.cash_button, CARD: self.card_button, MIXED: self.mixed_button}[method].setChecked(True)
        self.card_edit.setEnabled(method == MIXED)
        self.given_edit.setEnabled(method != CARD)
        if method != MIXED:
            self.card_edit.clear()
        if method == CARD:
            self.given_edit.clear()
        self.clear_error()
        self._recompute()
        if focus:
            target = self._method_target()
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            target.selectAll()

    def reset(self) -> None:
        """A new client: cash, nothing typed, no deposit part."""
        self.given_edit.clear()
        self.card_edit.clear()
        self.contact_edit.clear()
        self.use_deposit(False, focus=False)
        self.set_method(CASH, focus=False)

    def deposit_amount(self) -> Decimal:
        """The part paid from the deposit (0 when F10 is off or nothing is typed); raises `CashRefused`."""
        if not self.deposit_on or not self.deposit_edit.text().strip():
            return Decimal(0)
        deposit = cash_desk.money(self.deposit_edit.text())
        if deposit > self.deposit_balance:
            raise CashRefused(cash_desk.DEPOSIT_SHORT, balance=money_text(self.deposit_balance),
                              wanted=money_text(deposit))
        if deposit > self.total:
            raise CashRefused(BAD_DEPOSIT_PART)
        return deposit

    def amounts(self) -> tuple[Decimal, Decimal, Decimal | None, Decimal]:
        """(cash, card, given, deposit) for the payment; raises `CashRefused` with what is wrong. The method
        (F2 / F3 / F4) pays what the deposit part leaves."""
        deposit = self.deposit_amount()
        rest = self.total - deposit
        card = Decimal(0)
        if self.method == CARD:
            card = rest
        elif self.method == MIXED:
            card = cash_desk.money(self.card_edit.text())
            if card <= 0 or card > rest:
                raise CashRefused(BAD_CARD_PART)
        cash = rest - card
        given = None
        if self.method != CARD and cash > 0 and self.given_edit.text().strip():
            given = cash_desk.money(self.given_edit.text())
        return cash, card, given, deposit

    def contact(self) -> str:
        return self.contact_edit.text().strip()

    def show_error(self, text: str) -> None:
        self._deposit_error = False
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def clear_error(self) -> None:
        self.show_error("")

    def set_busy(self, busy: bool, label: str = "", ready: bool = True) -> None:
        """While a device works (or the desk is not connected) nothing can be paid."""
        self._busy, self._ready = busy, ready
        for widget in (self.cash_button, self.card_button, self.mixed_button, self.deposit_button):
            widget.setEnabled(not busy)
        self._update_pay_button()
        self.wait_label.setText(label)
        self.wait_label.setVisible(busy and bool(label))

    def retranslate_ui(self) -> None:
        # Two lines (the method, its key) so that longer words still fit three buttons in a row.
        self.cash_button.setText(self.tr("Cash") + "\nF2")
        self.card_button.setText(self.tr("Card") + "\nF3")
        self.mixed_button.setText(self.tr("Mixed") + "\nF4")
        self.mixed_button.setToolTip(self.tr("Type the card part; the rest is paid in cash"))
        # Two lines, as the methods above: what it is and its key, then how much the deposit holds.
        self.deposit_button.setText(self.tr("From the deposit · F10") + "\n" + self.tr("available {sum}").format(
            sum=money_text(self.deposit_balance)))
        self.deposit_button.setToolTip(self.tr(
            "Pays part of the sum or all of it from the client's deposit; F2, F3 or F4 say how the rest is paid"))
        self.total_caption.setText(self.tr("To pay"))
        self.deposit_caption.setText(self.tr("From the deposit"))
        self.deposit_edit.setPlaceholderText(self.tr("up to {sum}").format(sum=money_text(self.deposit_balance)))
        self.card_caption.setText(self.tr("By card"))
        self.cash_caption.setText(self.tr("In cash"))
        self.given_caption.setText(self.tr("Given"))
        self.change_caption.setText(self.tr("Change"))
        self.contact_caption.setText(self.tr("Electronic receipt to"))
        self.given_edit.setPlaceholderText(self.tr("what the client handed over"))
        self.contact_edit.setPlaceholderText(self.tr("phone or e-mail (optional)"))
        self.pay_button.setText(self.tr("Pay (Enter, F9)"))
        self._recompute()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _update_pay_button(self) -> None:
        self.pay_button.setEnabled(self._ready and not self._busy and self.total > 0)

    def _method_target(self) -> QLineEdit:
        return {CASH: self.given_edit, CARD: self.contact_edit, MIXED: self.card_edit}[self.method]

    def _prefill_deposit(self) -> None:
        self.deposit_edit.setText(money_text(min(self.deposit_balance, self.total)))

    def _deposit_typed(self, _text: str) -> None:
        self._deposit_auto = False
        self.clear_error()
        self._deposit_changed()

    def _deposit_changed(self) -> None:
        """Says at once when the deposit part is more than the deposit holds, or more than the sum."""
        self._recompute()
        deposit = parse_money(self.deposit_edit.text()) if self.deposit_on else None
        message = ""
        if deposit is not None and deposit > self.deposit_balance:
            message = error_text(CashRefused(cash_desk.DEPOSIT_SHORT, balance=money_text(self.deposit_balance),
                                             wanted=money_text(deposit)))
        elif deposit is not None and deposit > self.total:
            message = error_text(CashRefused(BAD_DEPOSIT_PART))
        if message:
            self.show_error(message)
            self._deposit_error = True
        elif self._deposit_error:
            self.clear_error()

    def _recompute(self) -> None:
        self._update_pay_button()
        self.total_label.setText(money_text(self.total))
        deposit = (parse_money(self.deposit_edit.text()) or Decimal(0)) if self.deposit_on else Decimal(0)
        rest = self.total - deposit
        card = Decimal(0)
        if self.method == CARD:
            card = rest
        elif self.method == MIXED:
            card = parse_money(self.card_edit.text()) or Decimal(0)
        cash = rest - card
        # By card (F3): the edit shows, greyed, what the terminal will charge.
        self.card_edit.setPlaceholderText(money_text(rest) if self.method == CARD and rest >= 0
                                          else self.tr("card part"))
        self.cash_part_label.setText(money_text(cash) if cash >= 0 else "\u2014")
        given = parse_money(self.given_edit.text()) if self.method != CARD else None
        if given is None or cash <= 0:
            self.change_label.setText("\u2014")
        elif given < cash:
            self.change_label.setText(self.tr("short by {sum}").format(sum=money_text(cash - given)))
        else:
            self.change_label.setText(money_text(given - cash))


class ResultPanel(QFrame):
    """What the last payment came to: Next client (Esc) goes back to the search."""

    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self.setStyleSheet("#resultPanel { background: #ffffff; border: 1px solid #9fd3d8; border-radius: 8px; }"
                           "#resultPanel QLabel { background: transparent; }")
        self.result: OperationResult | None = None
        self.slip_dialog: SlipDialog | None = None
        self.title_label = QLabel(self)
        self.title_label.setStyleSheet(BIG)
        self.title_label.setWordWrap(True)
        self.receipt_label = QLabel(self)
        self.receipt_label.setWordWrap(True)
        self.receipt_label.setStyleSheet("font-size: 11pt;")
        self.receipt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_caption = QLabel(self)
        self.change_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change_label = QLabel(self)
        self.change_label.setObjectName("changeLabel")
        self.change_label.setStyleSheet(CHANGE)
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.slip_button = QPushButton(self)
        self.slip_button.clicked.connect(self.show_slip)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("primaryButton")
        self.next_button.setMinimumHeight(40)
        self.next_button.clicked.connect(self.next_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.receipt_label)
        layout.addSpacing(12)
        layout.addWidget(self.change_caption)
        layout.addWidget(self.change_label)
        layout.addStretch(1)
        layout.addWidget(self.slip_button)
        layout.addWidget(self.next_button)
        self.retranslate_ui()

    def show_result(self, result: OperationResult) -> None:
        self.result = result
        self.retranslate_ui()

    def show_slip(self) -> SlipDialog | None:
        if self.result is None or not self.result.card_slip:
            return None
        dialog = SlipDialog(self.result.card_slip, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.slip_dialog = dialog
        dialog.open()
        return dialog

    def retranslate_ui(self) -> None:
        self.slip_button.setText(self.tr("Card slip… (Ctrl+P)"))
        self.next_button.setText(self.tr("Next client (Esc)"))
        result = self.result
        if result is None:
            return
        if result.kind == "deposit":
            self.title_label.setText(self.tr("Deposit taken: {sum}").format(sum=money_text(result.total)))
        else:
            self.title_label.setText(self.tr("Paid {sum}").format(sum=money_text(result.total)))
        parts = []
        if result.cash_amount:
            parts.append(self.tr("cash {sum}").format(sum=money_text(result.cash_amount)))
        if result.card_amount:
            parts.append(self.tr("card {sum}").format(sum=money_text(result.card_amount)))
        from_deposit = deposit_part(result.total, result.cash_amount, result.card_amount)
        if from_deposit:
            parts.append(self.tr("from the deposit {sum}").format(sum=money_text(from_deposit)))
        lines = [", ".join(parts)]
        lines.append(self.tr("Receipt No. {receipt} · fiscal document {document}").format(
            receipt=result.receipt_number or "\u2014", document=result.fiscal_document or "\u2014"))
        if result.card_rrn:
            lines.append(self.tr("Card RRN {rrn}").format(rrn=result.card_rrn))
        if result.repeated:
            lines.append(self.tr("This payment had already been made; nothing was charged again."))
        if result.message:
            lines.append(journal_message(result.message, result.message_params))
        self.receipt_label.setText("\n".join(lines))
        self.change_caption.setText(self.tr("CHANGE TO GIVE") if result.change else self.tr("No change"))
        self.change_label.setText(money_text(result.change) if result.change else "")
        self.change_label.setVisible(bool(result.change))
        self.slip_button.setVisible(bool(result.card_slip))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class SlipDialog(QDialog):
    """The card terminal's slip as text, to read or print (Ctrl+P)."""

    def __init__(self, slip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slip = slip
        self.setWindowTitle(self.tr("Card slip"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(slip)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(font)
        self.print_button = QPushButton(self.tr("Print… (Ctrl+P)"), self)
        self.print_button.clicked.connect(self.ask_print)
        close = QPushButton(self.tr("Close (Esc)"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self.ask_print)
        width = self.text.fontMetrics().horizontalAdvance("M" * 44)
        self.resize(width + 60, 560)

    def document(self) -> QTextDocument:
        document = QTextDocument(self)
        document.setDefaultFont(self.text.font())
        document.setPlainText(self.slip)
        return document

    def ask_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)
