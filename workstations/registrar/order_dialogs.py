"""The order editor's dialogs: a manual discount on a line, cancelling a line, choosing the client an
anonymous order is given to, and starting (or finding) an order for a caller without a client card.

A refusal (a discount above the job's limit, a reason missing) shows in the dialog's own red label
and the dialog stays open with what was typed; only programming errors open a message box.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from workstations.registrar import ops, order_ops
from workstations.registrar.booking_texts import when_text
from workstations.registrar.order_texts import line_status_text, money_text
from workstations.registrar.search_page import HIT_COLUMNS, configure_list_view

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from shared.services.orders import OrderInfo, OrderLineInfo, OrderSummary
    from shared.services.patient_search import PatientHit

CTX = "OrderDialogs"

DISCOUNT_REASONS = (
    QT_TRANSLATE_NOOP("OrderDialogs", "Regular client"),
    QT_TRANSLATE_NOOP("OrderDialogs", "Compensation for a long wait"),
    QT_TRANSLATE_NOOP("OrderDialogs", "Staff member's relative"),
    QT_TRANSLATE_NOOP("OrderDialogs", "Promotion"),
)
CANCEL_REASONS = (
    QT_TRANSLATE_NOOP("OrderDialogs", "The client changed their mind"),
    QT_TRANSLATE_NOOP("OrderDialogs", "Ordered by mistake"),
    QT_TRANSLATE_NOOP("OrderDialogs", "The doctor is not available"),
    QT_TRANSLATE_NOOP("OrderDialogs", "Replaced by another service"),
)


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(CTX, text)


def _reason_combo(parent: QWidget, reasons: tuple[str, ...], placeholder: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for reason in reasons:
        combo.addItem(_tr(reason))
    combo.setCurrentIndex(-1)
    combo.lineEdit().setMaxLength(300)
    combo.lineEdit().setPlaceholderText(placeholder)
    combo.setMinimumContentsLength(36)
    return combo


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class DiscountDialog(QDialog):
    """A manual discount on one line: the percent and why; the new amount is shown as it is typed."""

    def __init__(self, session: AppSession, order: OrderInfo, line: OrderLineInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.order = order
        self.line = line
        self.busy = False
        #: The order as stored after the discount (set when the dialog accepts).
        self.result_order: OrderInfo | None = None
        self.setWindowTitle(self.tr("Manual discount"))
        what = QLabel(f"<b>{line.service_code}</b> {line.service_name}", self)
        what.setWordWrap(True)
        gross = line.price * line.quantity
        self.gross_label = QLabel(money_text(gross), self)
        self.percent_spin = QDoubleSpinBox(self)
        self.percent_spin.setDecimals(2)
        self.percent_spin.setRange(0.01, 100)
        self.percent_spin.setSuffix(" %")
        self.percent_spin.setValue(5)
        self.percent_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.reason_combo = _reason_combo(self, DISCOUNT_REASONS, self.tr("Required: why the discount is given"))
        self.result_label = QLabel(self)
        self.result_label.setObjectName("mutedLabel")
        self.error_label = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Service"), what)
        form.addRow(self.tr("Price × quantity"), self.gross_label)
        form.addRow(self.tr("&Discount"), self.percent_spin)
        form.addRow(self.tr("&Reason"), self.reason_combo)
        form.addRow(self.tr("New amount"), self.result_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Apply the discount"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.percent_spin.valueChanged.connect(lambda _v: self._show_result())
        self._show_result()
        self.percent_spin.selectAll()

    def set_percent(self, percent: float) -> None:
        self.percent_spin.setValue(percent)

    def submit(self) -> None:
        if self.busy:
            return
        reason = self.reason_combo.currentText().strip()
        if not reason:
            self._show_error(self.tr("Say why the discount is given."))
            self.reason_combo.setFocus()
            return
        self.busy = True
        self.buttons.setEnabled(False)
        order_ops.discount(parent=self, session=self.session, order_id=self.order.id, line_id=self.line.id,
                           version=self.line.version, percent=f"{self.percent_spin.value():.2f}",
                           reason=reason).success(self._done).failure(self._failed).run()

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _show_result(self) -> None:
        gross = self.line.price * self.line.quantity
        off = (gross * Decimal(f"{self.percent_spin.value():.2f}") / 100).quantize(Decimal("0.01"))
        self.result_label.setText(self.tr("{amount} ({off} off)").format(amount=money_text(gross - off),
                                                                          off=money_text(off)))

    def _done(self, order: OrderInfo) -> None:
        self.busy = False
        self.result_order = order
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        if isinstance(exc, DomainError):
            self._show_error(error_text(exc))
        else:
            show_error(self, exc)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


class CancelLineDialog(QDialog):
    """Why the line is cancelled (required); a booked line's appointment is cancelled with it."""

    def __init__(self, session: AppSession, order: OrderInfo, line: OrderLineInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.order = order
        self.line = line
        self.busy = False
        self.result_order: OrderInfo | None = None
        self.setWindowTitle(self.tr("Cancel the line"))
        what = QLabel(f"<b>{line.service_code}</b> {line.service_name}", self)
        what.setWordWrap(True)
        state = QLabel(f"{money_text(line.amount)} · {line_status_text(line.status)}", self)
        self.reason_combo = _reason_combo(self, CANCEL_REASONS, self.tr("Required: choose or type the reason"))
        self.error_label = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Line"), what)
        form.addRow(self.tr("Amount"), state)
        if line.starts_at is not None:
            booked = QLabel(self.tr("The appointment {when} is cancelled too.").format(
                when=" · ".join(p for p in (when_text(line.starts_at), line.resource_name) if p)), self)
            booked.setObjectName("mutedLabel")
            booked.setWordWrap(True)
            form.addRow(self.tr("Appointment"), booked)
        form.addRow(self.tr("&Reason"), self.reason_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cancel the line"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Keep it"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.reason_combo.setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.buttons.setEnabled(False)
        order_ops.cancel_line(parent=self, session=self.session, order_id=self.order.id, line_id=self.line.id,
                              version=self.line.version, reason=self.reason_combo.currentText()).success(
            self._done).failure(self._failed).run()

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _done(self, order: OrderInfo) -> None:
        self.busy = False
        self.result_order = order
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        if isinstance(exc, DomainError):
            self.error_label.setText(error_text(exc))
            self.error_label.show()
        else:
            show_error(self, exc)


class ClientPickerDialog(QDialog):
    """Find a client as you type (the search page's search), Enter chooses the one selected."""

    DEBOUNCE_MS = 250

    def __init__(self, session: AppSession, title: str, query: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.searching = False
        self._generation = 0
        #: The client chosen (set when the dialog accepts).
        self.chosen: PatientHit | None = None
        self.setWindowTitle(title)
        self.search_edit = QLineEdit(query, self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Surname and initials, birth date, phone, SNILS or card number"))
        self.model = DtoTableModel(HIT_COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        configure_list_view(self.view)
        self.view.doubleClicked.connect(lambda _i: self.choose())
        self.count_label = QLabel(self)
        self.count_label.setObjectName("mutedLabel")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.choose)
        self.buttons.rejected.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.installEventFilter(self)
        self.resize(820, 440)
        if query:
            self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        query = " ".join(self.search_edit.text().split())
        self._generation += 1
        generation = self._generation
        if not query:
            self.model.set_rows(())
            return
        self.searching = True
        ops.find_clients(parent=self, session=self.session, query=query).success(
            lambda hits: self._arrived(generation, hits)).failure(lambda exc: self._failed(generation, exc)).run()

    def current_hit(self) -> PatientHit | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def choose(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.chosen = hit
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                self.view.setFocus()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.refresh()
                else:
                    self.choose()
                return True
        return super().eventFilter(watched, event)

    def _arrived(self, generation: int, hits) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self.model.set_rows(hits)
        self.view.resizeColumnsToContents()
        if hits:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.count_label.setText(self.tr("Found: {count}").format(count=len(hits)))

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self.count_label.setText(error_text(exc))


def _summary_status(s: OrderSummary) -> str:
    return line_status_text(s.status)


ANONYMOUS_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrderDialogs", "No."), lambda s: f"{s.id:06d}", ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("OrderDialogs", "Made"), lambda s: s.created_at, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("OrderDialogs", "Caller"), lambda s: s.client_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("OrderDialogs", "Lines"), lambda s: s.lines, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("OrderDialogs", "Total"), lambda s: money_text(s.total), ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("OrderDialogs", "Status"), _summary_status, context=CTX),
)


class AnonymousOrderDialog(QDialog):
    """A new order for a caller without a client card (a name and a phone), or one of the recent ones."""

    def __init__(self, session: AppSession, name: str = "", phone: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loaded = False
        #: What was chosen: ("new", name, phone) or ("open", order id).
        self.choice: tuple | None = None
        self.setWindowTitle(self.tr("Order without a client card"))
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setMaxLength(200)
        self.name_edit.setPlaceholderText(self.tr("Who is coming"))
        self.phone_edit = QLineEdit(phone, self)
        self.phone_edit.setMaxLength(40)
        self.phone_edit.setPlaceholderText(self.tr("To call back"))
        self.create_button = QPushButton(self.tr("&New order (Enter)"), self)
        self.create_button.setObjectName("primaryButton")
        self.create_button.clicked.connect(self.create)
        self.error_label = _error_label(self)
        new_box = QGroupBox(self.tr("New order"), self)
        form = QFormLayout(new_box)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Phone"), self.phone_edit)
        create_row = QHBoxLayout()
        create_row.addWidget(self.create_button)
        create_row.addStretch(1)
        form.addRow("", create_row)
        form.addRow("", self.error_label)

        self.model = DtoTableModel(ANONYMOUS_COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        configure_list_view(self.view)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.view.installEventFilter(self)
        self.open_button = QPushButton(self.tr("&Open the order"), self)
        self.open_button.clicked.connect(self.open_selected)
        recent_box = QGroupBox(self.tr("Orders without a card, last 30 days"), self)
        recent = QVBoxLayout(recent_box)
        recent.addWidget(self.view, 1)
        recent_footer = QHBoxLayout()
        recent_footer.addStretch(1)
        recent_footer.addWidget(self.open_button)
        recent.addLayout(recent_footer)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(new_box)
        layout.addWidget(recent_box, 1)
        layout.addWidget(close)
        for edit in (self.name_edit, self.phone_edit):
            edit.installEventFilter(self)
        self.resize(820, 560)
        order_ops.anonymous_orders(parent=self, session=session).success(self._show).run()

    def create(self) -> None:
        name, phone = self.name_edit.text().strip(), self.phone_edit.text().strip()
        if not name or not phone:
            self.error_label.setText(self.tr("Give the name and the phone of who is coming."))
            self.error_label.show()
            (self.name_edit if not name else self.phone_edit).setFocus()
            return
        self.choice = ("new", name, phone)
        self.accept()

    def open_selected(self) -> None:
        index = self.view.currentIndex()
        row = self.model.row_at(index) if index.isValid() else None
        if row is not None:
            self.choice = ("open", row.id)
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.view:
                self.open_selected()
            else:
                self.create()
            return True
        return super().eventFilter(watched, event)

    def _show(self, rows) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.resizeSection(2, max(header.sectionSize(2), 220))
        self.open_button.setEnabled(bool(rows))
        self.loaded = True

