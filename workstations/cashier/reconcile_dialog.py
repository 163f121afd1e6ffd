"""Operations left unfinished (a crash, a power cut, a device that stopped answering) that the devices
could not settle: each with what is known and two big buttons, one clear choice. The dialog is modal
and cannot be closed while one is left: nothing else happens at the desk until every one is decided.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from shared.services import cash_desk
from shared.services.cash_desk import Unfinished
from workstations.cashier.desk import DeskControl
from workstations.cashier.texts import journal_message, kind_text, local_time, money_text


class UnfinishedCard(QFrame):
    """One operation: what it was, what the desk knows, and its two choices."""

    def __init__(self, dialog: ReconcileDialog, op: Unfinished, parent: QWidget) -> None:
        super().__init__(parent)
        self.op = op
        self.setObjectName("unfinishedCard")
        self.setStyleSheet("#unfinishedCard { background: #ffffff; border: 1px solid #e0b4b4; border-radius: 8px; }"
                           "#unfinishedCard QLabel { background: transparent; }")
        title = QLabel(self)
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        title.setText(self.tr("{kind} of {time} · {sum}").format(
            kind=kind_text(op.kind), time=local_time(op.created_at, "%d.%m.%Y %H:%M"), sum=money_text(op.total)))
        details = []
        if op.patient_name:
            details.append(self.tr("Client: {name}").format(name=op.patient_name))
        if op.kind in cash_desk.MONEY_KINDS:
            details.append(self.tr("In cash {cash} · by card {card}").format(
                cash=money_text(op.cash_amount), card=money_text(op.card_amount)))
            if op.card_amount:
                details.append(self.tr("The card was charged (the terminal confirmed it).") if op.card_charged
                               else self.tr("The terminal has not confirmed the card payment."))
        facts = QLabel("\n".join(details), self)
        facts.setWordWrap(True)
        message = QLabel(journal_message(op.message, op.message_params) or self.tr("The operation was cut short."),
                         self)
        message.setObjectName("notice")
        message.setWordWrap(True)
        self.rrn_edit: QLineEdit | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(facts)
        layout.addWidget(message)
        if op.message == cash_desk.ATTENTION_CARD_UNKNOWN and cash_desk.CHOICE_RECEIPT in op.choices:
            self.rrn_edit = QLineEdit(self)
            self.rrn_edit.setMaxLength(40)
            self.rrn_edit.setPlaceholderText(self.tr("RRN from the terminal's slip (to print the receipt)"))
            layout.addWidget(self.rrn_edit)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.choice_buttons: dict[str, QPushButton] = {}
        for choice in op.choices:
            button = QPushButton(self.choice_text(choice), self)
            button.setMinimumHeight(52)
            button.setStyleSheet("font-size: 12pt; padding: 6px 14px;")
            button.setToolTip(self.choice_help(choice))
            button.clicked.connect(lambda _checked=False, c=choice: dialog.decide(self, c))
            self.choice_buttons[choice] = button
            row.addWidget(button)
        layout.addLayout(row)

    def choice_text(self, choice: str) -> str:
        sale = self.op.kind in cash_desk.MONEY_IN  # a payment or a deposit: money taken from the client
        return {
            cash_desk.CHOICE_RECEIPT: self.tr("The money was taken:\nprint the receipt") if sale
            else self.tr("The money was given back:\nprint the return receipt"),
            cash_desk.CHOICE_VOID: self.tr("No money was taken:\nundo the payment") if sale
            else self.tr("No money was given back:\nundo the refund"),
            cash_desk.CHOICE_DONE: self.tr("The registrar did it"),
            cash_desk.CHOICE_NOT_DONE: self.tr("The registrar did not do it"),
        }.get(choice, choice)

    def choice_help(self, choice: str) -> str:
        return {
            cash_desk.CHOICE_RECEIPT: self.tr("Prints the receipt for the money the client paid"),
            cash_desk.CHOICE_VOID: self.tr("Gives card money back if any was taken; the lines become unpaid again"),
            cash_desk.CHOICE_DONE: self.tr("Look at the registrar's last printed document"),
            cash_desk.CHOICE_NOT_DONE: self.tr("Look at the registrar's last printed document"),
        }.get(choice, "")

    def rrn(self) -> str:
        return self.rrn_edit.text().strip() if self.rrn_edit is not None else ""

    def set_enabled(self, enabled: bool) -> None:
        for button in self.choice_buttons.values():
            button.setEnabled(enabled)


class ReconcileDialog(QDialog):
    """Every operation waiting for a decision; closes itself when none is left."""

    def __init__(self, desk: DeskControl, operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.cards: list[UnfinishedCard] = []
        self.setWindowTitle(self.tr("Unfinished operations"))
        self.setModal(True)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        lead = QLabel(self.tr(
            "These operations were cut short and the devices could not tell how they ended. Decide each one: "
            "look at the terminal's and the registrar's last printed slips."), self)
        lead.setWordWrap(True)
        lead.setObjectName("pageLead")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.wait_label = QLabel(self)
        self.wait_label.setObjectName("notice")
        self.wait_label.hide()
        self.list_widget = QWidget(self)
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(10)
        self.list_layout.addStretch(1)
        self.scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        scroll.setWidget(self.list_widget)
        self.retry_button = QPushButton(self.tr("Ask the devices again"), self)
        self.retry_button.setObjectName("linkButton")
        self.retry_button.setToolTip(self.tr("When a device is back on line it may settle the operation itself"))
        self.retry_button.clicked.connect(self.ask_devices)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(10)
        layout.addWidget(lead)
        layout.addWidget(self.error_label)
        layout.addWidget(self.wait_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.resize(680, 300)
        desk.busy_changed.connect(self._busy)
        desk.state_changed.connect(self._state_changed)
        self.show_operations(operations)

    # --- Public API ------------------------------------------------------------------------------

    def show_operations(self, operations) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        for op in operations:
            card = UnfinishedCard(self, op, self.list_widget)
            self.list_layout.insertWidget(len(self.cards), card)
            self.cards.append(card)
        # As tall as the cards (up to about three of them), so that a single one is seen whole.
        wanted = sum(card.sizeHint().height() + self.list_layout.spacing() for card in self.cards)
        self.scroll.setMinimumHeight(min(wanted + 4, 560))
        self.resize(max(self.width(), 680), self.sizeHint().height())
        if not operations:
            self.done(QDialog.DialogCode.Accepted)
        elif self.cards:
            first = next(iter(self.cards[0].choice_buttons.values()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def decide(self, card: UnfinishedCard, choice: str) -> bool:
        op_id, rrn = card.op.operation_id, card.rrn()
        self.error_label.hide()
        return self.desk.run(
            lambda conn, desk, devices: cash_desk.resolve(conn, desk, devices, op_id, choice, rrn=rrn),
            self.tr("Carrying out your decision…"), failure=self._failed)

    def ask_devices(self) -> bool:
        self.error_label.hide()
        return self.desk.run(lambda conn, desk, devices: cash_desk.reconcile(conn, desk, devices),
                             self.tr("Asking the devices…"), failure=self._failed)

    # --- Closing only when decided ---------------------------------------------------------------

    def reject(self) -> None:
        if not self.cards:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.cards:
            event.ignore()
        else:
            super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.cards:
            return
        super().keyPressEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _state_changed(self, state) -> None:
        self.show_operations(state.unfinished)

    def _failed(self, exc: Exception) -> None:
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    def _busy(self, busy: bool, label: str) -> None:
        for card in self.cards:
            card.set_enabled(not busy)
        self.retry_button.setEnabled(not busy)
        self.wait_label.setText(label)
        self.wait_label.setVisible(busy)
