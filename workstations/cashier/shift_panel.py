"""The shift panel, always on the right: the registrar's state and the shift's sums, and the shift's
verbs -- Open shift (F6), X-report (F7), Cash in (F8), Cash out (Shift+F8), Bank settlement (F11),
Z-report (F12, asked first), Refresh (F5). The state is read after every device operation.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from shared.errors import DomainError
from shared.services import cash_desk
from workstations.cashier.desk import DeskControl, DeskState
from workstations.cashier.texts import money_text

WARN = "color: #a61b1b; font-weight: 600;"
GOOD = "color: #1d6b3a;"


class AmountDialog(QDialog):
    """A sum for cash in or cash out; OK only with a valid sum."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.amount: Decimal | None = None
        self.prompt_label = QLabel(prompt, self)
        self.prompt_label.setWordWrap(True)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_edit.setStyleSheet("font-size: 14pt;")
        self.amount_edit.setMaxLength(16)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.amount_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)

    def accept(self) -> None:
        try:
            amount = cash_desk.money(self.amount_edit.text())
            if amount <= 0:
                raise cash_desk.CashRefused(cash_desk.BAD_AMOUNT, value=self.amount_edit.text()[:40])
        except DomainError as exc:
            self.error_label.setText(error_text(exc))
            self.error_label.show()
            self.adjustSize()  # room for the wrapped message
            self.amount_edit.setFocus()
            self.amount_edit.selectAll()
            return
        self.amount = amount
        super().accept()


class ShiftPanel(QFrame):
    """The registrar and shift state over the shift's buttons."""

    operation_done = Signal(str)  # the kind, after a successful device operation

    def __init__(self, desk: DeskControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.amount_dialog: AmountDialog | None = None
        self.last_message = ""
        self.setObjectName("shiftPanel")
        self.setStyleSheet("#shiftPanel { background: #ffffff; border: 1px solid #d6e0e6; border-radius: 8px; }"
                           "#shiftPanel QLabel { background: transparent; }")
        self.setFixedWidth(290)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("sectionTitle")
        self.shift_label = QLabel(self)
        self.shift_label.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.shift_label.setWordWrap(True)
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("errorLabel")
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.facts = QFormLayout()
        self.facts.setVerticalSpacing(4)
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for name in ("opened", "registrar", "paper", "drawer", "sales", "cash", "card", "refunds", "receipts"):
            caption, value = QLabel(self), QLabel(self)
            caption.setObjectName("mutedLabel")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setWordWrap(True)
            self.captions[name], self.values[name] = caption, value
            self.facts.addRow(caption, value)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("notice")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.read_label = QLabel(self)
        self.read_label.setObjectName("mutedLabel")

        self.open_action = self._action(Qt.Key.Key_F6, self.open_shift)
        self.x_action = self._action(Qt.Key.Key_F7, self.x_report)
        self.cash_in_action = self._action(Qt.Key.Key_F8, self.ask_cash_in)
        self.cash_out_action = self._action(QKeySequence("Shift+F8"), self.ask_cash_out)
        self.settlement_action = self._action(Qt.Key.Key_F11, self.settlement)
        self.z_action = self._action(Qt.Key.Key_F12, self.z_report)
        self.refresh_action = self._action(Qt.Key.Key_F5, self.refresh)
        self.buttons: dict[QAction, QPushButton] = {}
        grid = QVBoxLayout()
        grid.setSpacing(6)
        order = (self.open_action, self.x_action, self.cash_in_action, self.cash_out_action,
                 self.settlement_action, self.z_action)
        for action in order:
            button = QPushButton(self)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setMinimumHeight(34)
            button.clicked.connect(action.trigger)
            self.buttons[action] = button
            grid.addWidget(button)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("linkButton")
        self.refresh_button.clicked.connect(self.refresh_action.trigger)
        self.buttons[self.refresh_action] = self.refresh_button

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.shift_label)
        layout.addWidget(self.warning_label)
        layout.addLayout(self.facts)
        layout.addWidget(self.read_label)
        layout.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(self.message_label)
        layout.addLayout(grid)

        desk.state_changed.connect(lambda _state: self.show_state())
        desk.busy_changed.connect(lambda _busy, _label: self._update_enabled())
        desk.ready_changed.connect(lambda _ready: self._update_enabled())
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def actions_list(self) -> list[QAction]:
        return list(self.buttons)

    def refresh(self) -> bool:
        return self.desk.refresh(self.tr("Asking the registrar…"))

    def open_shift(self) -> bool:
        return self._run(lambda conn, desk, devices: cash_desk.open_shift(conn, desk, devices),
                         self.tr("Opening the shift…"),
                         lambda r: self.tr("Shift {number} is open.").format(
                             number=self.desk.state.summary.shift_number if self._has_summary() else "?"))

    def x_report(self) -> bool:
        return self._run(lambda conn, desk, devices: cash_desk.x_report(conn, desk, devices),
                         self.tr("Printing the X-report…"), lambda r: self.tr("The X-report is printed."))

    def z_report(self, *, confirmed: bool = False) -> bool:
        """Closes the shift (F12) after a question whose default answer is No."""
        if self.desk.busy or not self.desk.ready:
            return False
        if not confirmed:
            drawer = self.desk.state.summary.drawer if self._has_summary() else None
            question = self.tr("Close the shift with a Z-report? After it no payment can be taken until a new "
                               "shift is opened.")
            if drawer:
                question += "\n\n" + self.tr("The drawer holds {sum} in cash: take it out first (Shift+F8) if "
                                             "the day's takings go to the safe.").format(sum=money_text(drawer))
            answer = QMessageBox.question(self, self.tr("Z-report"), question,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self._run(lambda conn, desk, devices: cash_desk.close_shift(conn, desk, devices),
                         self.tr("Printing the Z-report and closing the shift…"),
                         lambda r: self.tr("The shift is closed (Z-report, fiscal document {document}).").format(
                             document=r.fiscal_document or "\u2014"))

    def ask_cash_in(self) -> AmountDialog | None:
        return self._ask_amount(self.tr("Cash in"), self.tr("How much cash goes into the drawer (change fund)?"),
                                self.cash_in)

    def ask_cash_out(self) -> AmountDialog | None:
        drawer = self.desk.state.summary.drawer if self._has_summary() else None
        prompt = self.tr("How much cash is taken out of the drawer?")
        if drawer is not None:
            prompt += " " + self.tr("It holds {sum}.").format(sum=money_text(drawer))
        return self._ask_amount(self.tr("Cash out"), prompt, self.cash_out)

    def cash_in(self, amount: Decimal) -> bool:
        return self._run(lambda conn, desk, devices: cash_desk.cash_in(conn, desk, devices, amount),
                         self.tr("Cash in on the registrar…"),
                         lambda r: self.tr("Cash in: {sum}.").format(sum=money_text(r.total)))

    def cash_out(self, amount: Decimal) -> bool:
        return self._run(lambda conn, desk, devices: cash_desk.cash_out(conn, desk, devices, amount),
                         self.tr("Cash out on the registrar…"),
                         lambda r: self.tr("Cash out: {sum}.").format(sum=money_text(r.total)))

    def settlement(self) -> bool:
        def done(answer) -> str:
            _result, card = answer
            return self.tr("Bank settlement is done.") if card.approved else self.tr(
                "The terminal did not close the bank day: {reason}").format(reason=card.message or card.code)

        return self._run(lambda conn, desk, devices: cash_desk.settlement(conn, desk, devices),
                         self.tr("Bank settlement on the terminal…"), done)

    def show_state(self) -> None:
        state: DeskState | None = self.desk.state
        for value in self.values.values():
            value.setStyleSheet("")
        if state is None:
            self.shift_label.setText(self._not_ready_text())
            for value in self.values.values():
                value.setText("\u2014")
            self.warning_label.hide()
            self.read_label.setText("")
            self._update_enabled()
            return
        status, summary = state.status, state.summary
        warnings = []
        if status is None:
            self.shift_label.setText(self.tr("The registrar does not answer"))
            if state.status_error is not None:
                warnings.append(error_text(state.status_error))
        elif status.shift_open:
            self.shift_label.setText(self.tr("Shift {number} is open").format(number=status.shift_number))
            if status.shift_expired:
                warnings.append(self.tr("The shift is over 24 hours: close it with a Z-report (F12)."))
        else:
            self.shift_label.setText(self.tr("The shift is closed"))
        opened = summary.opened_at if summary is not None else None
        self.values["opened"].setText(opened.astimezone().strftime("%d.%m.%Y %H:%M") if opened else "\u2014")
        if status is not None:
            self.values["registrar"].setText(self.tr("No. {serial}").format(serial=status.serial_number or "?"))
            problems = []
            if status.paper_out:
                problems.append(self.tr("out of paper"))
            if status.cover_open:
                problems.append(self.tr("cover open"))
            self.values["paper"].setText(", ".join(problems) or self.tr("ready"))
            self.values["paper"].setStyleSheet(WARN if problems else GOOD)
            if status.paper_out:
                warnings.append(self.tr("Load a new paper roll into the registrar."))
            if status.cover_open:
                warnings.append(self.tr("Close the registrar's cover."))
            if status.fiscal_drive_warning or not status.fiscal_drive_ok:
                warnings.append(self.tr("Fiscal drive: {warning}").format(
                    warning=status.fiscal_drive_warning or self.tr("failure")))
        else:
            self.values["registrar"].setText("\u2014")
            self.values["paper"].setText("\u2014")
        if summary is not None:
            self.values["drawer"].setText(money_text(summary.drawer))
            self.values["sales"].setText(money_text(summary.sales))
            self.values["cash"].setText(money_text(summary.cash_sales))
            self.values["card"].setText(money_text(summary.card_sales))
            self.values["refunds"].setText(money_text(summary.refunds))
            self.values["receipts"].setText(str(summary.receipts))
        if state.unfinished:
            warnings.append(self.tr("Operations wait for your decision: {count}.").format(count=len(state.unfinished)))
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))
        self.read_label.setText(self.tr("Read from the registrar at {time}").format(
            time=state.read_at.strftime("%H:%M:%S")))
        self._update_enabled()

    def show_message(self, text: str) -> None:
        self.last_message = text
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Shift"))
        captions = {
            "opened": self.tr("Opened at"), "registrar": self.tr("Registrar"), "paper": self.tr("Paper, cover"),
            "drawer": self.tr("Cash in the drawer"), "sales": self.tr("Sales of the shift"),
            "cash": self.tr("  in cash"), "card": self.tr("  by card"), "refunds": self.tr("Refunds"),
            "receipts": self.tr("Receipts"),
        }
        for name, text in captions.items():
            self.captions[name].setText(text)
        texts = {
            self.open_action: self.tr("Open shift (F6)"), self.x_action: self.tr("X-report (F7)"),
            self.cash_in_action: self.tr("Cash in (F8)"), self.cash_out_action: self.tr("Cash out (Shift+F8)"),
            self.settlement_action: self.tr("Bank settlement (F11)"), self.z_action: self.tr("Z-report (F12)"),
            self.refresh_action: self.tr("Refresh the state (F5)"),
        }
        for action, text in texts.items():
            action.setText(text)
            self.buttons[action].setText(text)
        self.buttons[self.z_action].setToolTip(self.tr("Closes the shift; asks first"))
        self.buttons[self.settlement_action].setToolTip(self.tr("Closes the bank day on the card terminal"))
        self.show_state()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _action(self, key, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _has_summary(self) -> bool:
        return self.desk.state is not None and self.desk.state.summary is not None

    def _not_ready_text(self) -> str:
        if not self.desk.ready:
            return self.tr("The cash desk is not connected")
        return self.tr("Reading the registrar…")

    def _run(self, fn, label: str, done: Callable[[object], str]) -> bool:
        if self.desk.busy:
            return False
        self.show_message("")

        def succeeded(result) -> None:
            self.show_message(done(result))
            self.operation_done.emit(getattr(result, "kind", "") or "settlement")

        return self.desk.run(fn, label, success=succeeded)

    def _ask_amount(self, title: str, prompt: str, then: Callable[[Decimal], bool]) -> AmountDialog | None:
        if self.desk.busy or not self.desk.ready:
            return None
        dialog = AmountDialog(title, prompt, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: then(dialog.amount) if dialog.amount is not None else None)
        self.amount_dialog = dialog
        dialog.open()
        return dialog

    def _update_enabled(self) -> None:
        usable = self.desk.ready and not self.desk.busy
        status = self.desk.state.status if self.desk.state is not None else None
        shift_open = status.shift_open if status is not None else None
        for action, button in self.buttons.items():
            enabled = usable
            if action is self.open_action and shift_open is True:
                enabled = False
            if action in (self.x_action, self.z_action, self.cash_in_action, self.cash_out_action) \
                    and shift_open is False:
                enabled = False
            if action is self.settlement_action and (self.desk.devices is None or self.desk.devices.terminal is None):
                enabled = False
            if action is self.refresh_action:
                enabled = usable
            action.setEnabled(enabled)
            button.setEnabled(enabled)
