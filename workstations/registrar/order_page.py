"""The order editor: the services a client (or a caller without a card) wants, who pays for each, at
what price and why, their appointments, the totals, and the printed route sheet and invoices.

Add a service (Ins): type part of its code or name, choose who pays (the client personally, or a payer
under an agreement in force), the quantity; the price and why it is what it is show before adding, and
Enter adds the line. A line a quota has no room for is refused with the quota's name; a head of
registry (or whoever may) gets "Add over the quota". On the selected line: Book… (F5) opens the free
times of its service, Discount… gives a manual discount within the job's limit, Cancel line… (Del)
asks why; "Why this price" beside the list explains the selected line. Print (Ctrl+P) offers the route
sheet and an invoice for each payer. An order for a caller without a card is given to a client found
by search with "Attach to a client…". Esc goes back.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.operations import operation_bus
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services.orders import QuotaExceeded
from workstations.registrar import booking_ops, order_ops
from workstations.registrar.booking_texts import booking_text, day_text, when_text
from workstations.registrar.order_dialogs import CancelLineDialog, ClientPickerDialog, DiscountDialog
from workstations.registrar.order_ops import Customer, PayerChoice
from workstations.registrar.order_texts import (
    STATUS_COLOURS,
    line_status_text,
    money_text,
    payer_choice_text,
    payer_choice_tooltip,
    payer_text,
    reason_texts,
    reasons_html,
)
from workstations.registrar.patient_form import format_phone
from workstations.registrar.search_page import configure_list_view

if TYPE_CHECKING:
    from collections.abc import Callable

    from medcenter_desktop.login_service import AppSession
    from shared.services.orders import OrderInfo, OrderLineInfo
    from shared.services.pricing import Quote
    from workstations.registrar.booking_ops import Catalogue

CTX = "Orders"
QUOTE_DELAY_MS = 200

_NOTICE_STYLE = ("QLabel { background: #e7f5ec; border: 1px solid #b9dfc6; border-radius: 6px; padding: 7px 10px; "
                 "color: #14432a; }")
_ERROR_STYLE = ("QLabel { background: #fdecec; border: 1px solid #f3c2c2; border-radius: 6px; padding: 7px 10px; "
                "color: #a61b1b; }")
_ModelIndex = QModelIndex | QPersistentModelIndex


def _appointment(line: OrderLineInfo, *, short: bool = False) -> str:
    """"Thu 26.11 08:00 · Ильина А.А." (short, in the list) or with the year (the side panel)."""
    if line.starts_at is None:
        return ""
    when = f"{day_text(line.starts_at.date())} {line.starts_at:%H:%M}" if short else when_text(line.starts_at)
    return " · ".join(p for p in (when, line.resource_name) if p)


def _service(line: OrderLineInfo) -> str:
    """A step of a complex service reads under its package: "↳ Рентгенография… (optional)"."""
    if not line.is_step:
        return line.service_name
    text = f"↳ {line.service_name}"
    return text + " " + QCoreApplication.translate("Orders", "(optional)") if line.step_optional else text


def _money(value: str) -> Callable[[OrderLineInfo], str]:
    """A money column; empty for the steps of a complex service (priced in the package)."""
    return lambda line: "" if line.is_step or (value == "discount_amount" and not line.discount_amount) \
        else money_text(getattr(line, value))


LINE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Orders", "Code"), lambda line: line.service_code, context=CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Service"), _service, context=CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Qty"), lambda line: line.quantity, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Price"), _money("price"), ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Discount"), _money("discount_amount"), ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Amount"), _money("amount"), ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Payer"), payer_text, context=CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Agreement"), lambda line: line.agreement_number, context=CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Status"), lambda line: line_status_text(line.status) + (
        " \u00b7 " + QCoreApplication.translate("Orders", "approval needed") if line.approval_needed else ""),
        context=CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Appointment"), lambda line: _appointment(line, short=True), context=CTX),
)
SERVICE_COLUMN, AMOUNT_COLUMN, PAYER_COLUMN, STATUS_COLUMN = 1, 5, 6, 8
#: The widest the long columns start (elided beyond; the side panel has them whole).
SERVICE_WIDTH, PAYER_WIDTH = 230, 160
LONG_COLUMNS = (SERVICE_COLUMN, PAYER_COLUMN, len(LINE_COLUMNS) - 1)


def why_text(line: OrderLineInfo) -> str:
    """The tooltip of a line: why the price is what it is, and why it was cancelled."""
    parts = [QCoreApplication.translate("Orders", "Why this price:")]
    parts += [f"• {text}" for text in reason_texts(line.reasons)]
    if line.approval_needed:
        parts.append(QCoreApplication.translate("Orders", "{payer} performs this service only with its approval: "
                                                "call the insurer, record the approval and link it to the line "
                                                "(Insurer approval…).").format(payer=line.payer_name))
    if line.status == "cancelled" and line.cancel_reason:
        parts.append(QCoreApplication.translate("Orders", "Cancelled: {reason}").format(reason=line.cancel_reason))
    return "\n".join(parts)


class OrderLinesModel(DtoTableModel):
    """The lines, coloured by status (cancelled ones struck through), with "why this price" as tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(LINE_COLUMNS, parent=parent)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        line = self.row_at(index) if index.isValid() else None
        if line is None:
            return super().data(index, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            cell = super().data(index, Qt.ItemDataRole.DisplayRole)
            # A long cell cut off by its column reads whole first, then why the price is what it is.
            return f"{cell}\n\n{why_text(line)}" if index.column() in LONG_COLUMNS and cell else why_text(line)
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == STATUS_COLUMN:
                return QBrush(QColor(STATUS_COLOURS.get(line.status, ("#22313a", ""))[0]))
            if line.status == "cancelled":
                return QBrush(QColor("#8d979e"))
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == STATUS_COLUMN:
            colours = STATUS_COLOURS.get(line.status)
            return QBrush(QColor(colours[1])) if colours else None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if line.status == "cancelled" and index.column() in (SERVICE_COLUMN, AMOUNT_COLUMN):
                font.setStrikeOut(True)
                return font
            if index.column() == AMOUNT_COLUMN:
                font.setBold(True)
                return font
        return super().data(index, role)


class OrderPage(QWidget):
    """One order: the add-a-service bar, the lines with their verbs, why this price, the totals."""

    back_requested = Signal()
    #: The order was given to a client (personalized): patient id.
    personalized = Signal(int)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.catalogue: Catalogue | None = None
        self.payers: tuple[PayerChoice, ...] | None = None
        #: The order on screen (None while it is new and has no line yet).
        self.order: OrderInfo | None = None
        self.order_id: int | None = None
        self.customer = Customer(None)
        self.client_name = ""
        self.quote: Quote | None = None
        self.busy = False
        self.loading = False
        #: The dialog open now (discount, cancel, booking, client): tests drive it.
        self.dialog: QDialog | None = None
        #: The last PDF built for printing (tests check its bytes), and the last Print menu shown.
        self.last_pdf: bytes | None = None
        self.print_popup: QMenu | None = None
        self._quote_generation = 0
        self._over_quota: dict | None = None
        self._select_after: int | None = None

        # Header: back, what order, its status.
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.status_label.hide()
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(8)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.status_label)

        # A caller without a card: who, and giving the order to a client.
        self.anonymous_label = QLabel(self)
        self.anonymous_label.setWordWrap(True)
        self.attach_button = QPushButton(self)
        self.attach_button.clicked.connect(self.ask_personalize)
        self.anonymous_box = QWidget(self)
        self.anonymous_box.setObjectName("anonymousBox")
        self.anonymous_box.setStyleSheet(
            "#anonymousBox { background: #fff3e0; border: 1px solid #ffcc80; border-radius: 6px; }")
        anonymous = QHBoxLayout(self.anonymous_box)
        anonymous.setContentsMargins(10, 6, 10, 6)
        anonymous.addWidget(self.anonymous_label, 1)
        anonymous.addWidget(self.attach_button)
        self.anonymous_box.hide()

        # Adding a service.
        self.service_combo = QComboBox(self)
        self.service_combo.setEditable(True)
        self.service_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.service_combo.setMaxVisibleItems(20)
        self.service_combo.setMinimumContentsLength(32)
        self.service_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = self.service_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.payer_combo = QComboBox(self)
        self.payer_combo.setMinimumContentsLength(40)
        self.payer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.quantity_spin = QSpinBox(self)
        self.quantity_spin.setRange(1, 100)
        self.quantity_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("primaryButton")
        self.add_button.clicked.connect(lambda: self.add_line())
        self.quote_label = QLabel(self)
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextFormat(Qt.TextFormat.RichText)
        self.quote_label.setMinimumHeight(self.fontMetrics().height() * 2 + 4)
        self.quote_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.labels: dict[str, QLabel] = {}
        self.add_box = QGroupBox(self)
        add = QGridLayout(self.add_box)
        add.setHorizontalSpacing(6)
        add.setVerticalSpacing(4)
        for column, (name, widget) in enumerate((("service", self.service_combo), ("payer", self.payer_combo),
                                                 ("quantity", self.quantity_spin))):
            label = QLabel(self)
            label.setBuddy(widget)
            self.labels[name] = label
            add.addWidget(label, 0, column * 2)
            add.addWidget(widget, 0, column * 2 + 1)
        add.addWidget(self.add_button, 0, 6)
        add.addWidget(self.quote_label, 1, 1, 1, 6)
        add.setColumnStretch(1, 1)
        add.setColumnStretch(3, 1)

        # What happened.
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.override_button = QPushButton(self)
        self.override_button.clicked.connect(self.add_over_quota)
        self.message_box = QWidget(self)
        message = QHBoxLayout(self.message_box)
        message.setContentsMargins(0, 0, 0, 0)
        message.addWidget(self.message_label, 1)
        message.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignTop)
        self.message_box.hide()
        self.override_button.hide()

        # The lines and why.
        self.model = OrderLinesModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        configure_list_view(self.view)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(lambda _index: self.book_selected())
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("notice")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setSizePolicy(self.view.sizePolicy())
        self.why_label = QLabel(self)
        self.why_label.setWordWrap(True)
        self.why_label.setTextFormat(Qt.TextFormat.RichText)
        self.why_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.why_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        why_scroll = QScrollArea(self)
        why_scroll.setWidgetResizable(True)
        why_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        why_scroll.setWidget(self.why_label)
        self.why_box = QGroupBox(self)
        why = QVBoxLayout(self.why_box)
        why.addWidget(why_scroll)
        self.why_box.setMinimumWidth(290)
        self.why_box.setMaximumWidth(380)

        self.book_button = self._button(self.book_selected)
        self.discount_button = self._button(self.ask_discount)
        self.cancel_button = self._button(self.ask_cancel)
        self.approval_button = self._button(self.ask_approval)
        self.print_button = self._button(self.print_menu)
        line_buttons = QHBoxLayout()
        for button in (self.book_button, self.discount_button, self.cancel_button, self.approval_button):
            line_buttons.addWidget(button)
        line_buttons.addStretch(1)
        line_buttons.addWidget(self.print_button)
        lines = QVBoxLayout()
        lines.addWidget(self.empty_label, 1)
        lines.addWidget(self.view, 1)
        lines.addLayout(line_buttons)
        body = QHBoxLayout()
        body.addLayout(lines, 1)
        body.addWidget(self.why_box)

        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("orderTotals")
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setWordWrap(True)
        self.totals_label.setStyleSheet("#orderTotals { background: #f3f6f8; border: 1px solid #d5dde2; "
                                        "border-radius: 6px; padding: 8px 12px; font-size: 11pt; }")
        self.keys_label = QLabel(self)
        self.keys_label.setObjectName("mutedLabel")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.anonymous_box)
        layout.addWidget(self.add_box)
        layout.addWidget(self.message_box)
        layout.addLayout(body, 1)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.keys_label)

        self._quote_timer = QTimer(self)
        self._quote_timer.setSingleShot(True)
        self._quote_timer.setInterval(QUOTE_DELAY_MS)
        self._quote_timer.timeout.connect(self.refresh_quote)
        self.service_combo.currentIndexChanged.connect(lambda _i: self._quote_later())
        self.service_combo.editTextChanged.connect(lambda _t: self._quote_later())
        self.payer_combo.currentIndexChanged.connect(lambda _i: self._quote_later())
        self.quantity_spin.valueChanged.connect(lambda _v: self._quote_later())
        for widget in (self.service_combo, self.payer_combo, self.quantity_spin):
            widget.installEventFilter(self)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._line_changed())
        self._shortcut(QKeySequence(Qt.Key.Key_Insert), self.focus_add, self)
        self._shortcut(QKeySequence.StandardKey.Print, self.print_menu, self)
        self._shortcut(QKeySequence(Qt.Key.Key_Delete), self.ask_cancel, self.view, Qt.ShortcutContext.WidgetShortcut)
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self._show_order(None)

    # --- Public API: what is on screen -----------------------------------------------------------

    def open_new(self, customer: Customer, client_name: str) -> None:
        """A new order for the client (or the caller without a card); written with its first line."""
        self.order = None
        self.order_id = None
        self.customer = customer
        self.client_name = client_name
        self._reset_add()
        self._clear_message()
        self._show_order(None)
        self._ensure_choices()
        self.focus_add()

    def open_order(self, order_id: int) -> None:
        """Shows a stored order (read in the background)."""
        self.order_id = order_id
        self.order = None
        self._reset_add()
        self._clear_message()
        self._show_order(None)
        self._ensure_choices()
        self.reload()

    def reload(self) -> None:
        if self.order_id is None:
            return
        order_id = self.order_id
        self.loading = True
        order_ops.load_order(parent=self, session=self.session, order_id=order_id).success(
            lambda info: self._loaded(order_id, info)).failure(self._load_failed).run()

    def selected_line(self) -> OrderLineInfo | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def select_line(self, line_id: int) -> bool:
        index = self.model.index_for_id(line_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
        return index.isValid()

    def message(self) -> str:
        return self.message_label.text() if not self.message_box.isHidden() else ""

    def focus_add(self) -> None:
        """Ins: to the service box, its text selected, to type the next service."""
        self.service_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        self.service_combo.lineEdit().selectAll()

    # --- Public API: adding ----------------------------------------------------------------------

    def service_id(self) -> int | None:
        """The service chosen in the box: the item its text names, or the only one containing the text
        typed (a code such as "B01.047.001", or a part of the name only one service has)."""
        typed = self.service_combo.currentText().strip()
        index = self.service_combo.currentIndex()
        if index >= 0 and self.service_combo.itemText(index) == typed:
            return self.service_combo.itemData(index)
        found = self.service_combo.findText(typed, Qt.MatchFlag.MatchFixedString)
        if found < 0 and len(typed) >= 3:
            matches = [n for n in range(self.service_combo.count())
                       if typed.casefold() in self.service_combo.itemText(n).casefold()]
            found = matches[0] if len(matches) == 1 else -1
        return self.service_combo.itemData(found) if found >= 0 else None

    def choose_service(self, service_id: int) -> bool:
        index = self.service_combo.findData(service_id)
        if index >= 0:
            self.service_combo.setCurrentIndex(index)
        return index >= 0

    def payer(self) -> PayerChoice | None:
        index = self.payer_combo.currentIndex()
        return self.payers[index] if self.payers and 0 <= index < len(self.payers) else None

    def choose_payer(self, payer_id: int | None, agreement_id: int | None = None) -> bool:
        for number, choice in enumerate(self.payers or ()):
            if choice.payer_id == payer_id and (agreement_id is None or choice.agreement_id == agreement_id):
                self.payer_combo.setCurrentIndex(number)
                return True
        return False

    def refresh_quote(self) -> None:
        """Prices the line being added (after a short pause in typing)."""
        self._quote_timer.stop()
        self._quote_generation += 1
        generation = self._quote_generation
        service_id, payer = self.service_id(), self.payer()
        self.quote = None
        if service_id is None or payer is None:
            self.quote_label.setText(self._hint_text())
            return
        order_ops.quote(parent=self, session=self.session, order_id=self.order_id, customer=self.customer,
                        service_id=service_id, payer_id=payer.payer_id, agreement_id=payer.agreement_id,
                        quantity=self.quantity_spin.value()).success(
            lambda quote: self._quoted(generation, quote)).failure(
            lambda exc: self._quote_failed(generation, exc)).run()

    def quote_text(self) -> str:
        return self.quote_label.text()

    def add_line(self, *, override_quota: bool = False) -> None:
        """Adds the chosen service for the chosen payer (Enter in the bar, the Add button)."""
        if self.busy:
            return
        service_id, payer = self.service_id(), self.payer()
        if service_id is None:
            self._show_message(self.tr("Choose a service from the list: type part of its code or name."),
                               error=True)
            self.focus_add()
            return
        if payer is None:
            return
        params = {"service_id": service_id, "payer_id": payer.payer_id, "agreement_id": payer.agreement_id,
                  "quantity": self.quantity_spin.value()}
        self._run_add(params, override_quota)

    def add_over_quota(self) -> None:
        """Adds the line refused for its quota, over the quota (allowed to a head of registry and a few)."""
        if self._over_quota is not None and not self.busy:
            self._run_add(self._over_quota, True)

    # --- Public API: the selected line ------------------------------------------------------------

    def book_selected(self) -> QDialog | None:
        """F5: the free times of the selected line's service; Enter there books it into the line."""
        line = self.selected_line()
        if not self._can_book(line) or self.order is None or self.catalogue is None:
            if line is not None and line.status == "ordered" and self.catalogue is not None:
                self._show_message(self.tr("Nobody performs “{service}” by appointment: it is not booked.").format(
                    service=line.service_name), error=True)
            return None
        from workstations.registrar.slot_dialog import SlotChooserDialog

        dialog = SlotChooserDialog(self.session, self.catalogue, self.order.id, line, self.order.patient_id,
                                   self.order.client_name, self)
        dialog.accepted.connect(lambda: self._line_booked(dialog.result_booked))
        return self._open(dialog)

    def ask_discount(self) -> QDialog | None:
        line = self.selected_line()
        if self.order is None or line is None or line.status not in ("ordered", "booked") or line.is_step:
            return None
        dialog = DiscountDialog(self.session, self.order, line, self)
        dialog.accepted.connect(lambda: self._changed(dialog.result_order, line.id, self.tr(
            "Discount applied: {service} now costs {amount}.")))
        return self._open(dialog)

    def ask_approval(self) -> QDialog | None:
        """The insurer's telephone approval the selected line relies on (link, change or unlink)."""
        line = self.selected_line()
        if self.order is None or self.order.patient_id is None or line is None or line.is_step \
                or line.status not in ("ordered", "booked", "paid"):
            return None
        from medcenter_desktop.insurer_approvals import LinkApprovalDialog

        on_date = line.starts_at.date() if line.starts_at is not None else dt.date.today()
        dialog = LinkApprovalDialog(self.session, patient_id=self.order.patient_id, line_id=line.id,
                                    version=line.version, service_id=line.service_id, payer_id=line.payer_id,
                                    on_date=on_date, changes=(order_ops.ORDER_CHANGES,), parent=self)
        dialog.accepted.connect(lambda: (self.reload(), self._show_message(self.tr(
            "The insurer's approval “{service}” relies on is updated.").format(service=line.service_name))))
        return self._open(dialog)

    def ask_cancel(self) -> QDialog | None:
        line = self.selected_line()
        if self.order is None or line is None or line.status in ("performed", "closed", "cancelled"):
            return None
        dialog = CancelLineDialog(self.session, self.order, line, self)
        dialog.accepted.connect(lambda: self._changed(dialog.result_order, line.id, self.tr(
            "Cancelled: {service}.")))
        return self._open(dialog)

    # --- Public API: printing and the client --------------------------------------------------------

    def print_menu(self) -> QMenu | None:
        """Ctrl+P: the route sheet, or the invoice for the client or one of the payers."""
        if self.order is None or not self.order.open_lines:
            return None
        menu = QMenu(self)
        menu.addAction(self.tr("Route sheet"), self.print_route_sheet)
        menu.addSeparator()
        for payer_id, name, amount in self.payer_totals():
            text = self.tr("Invoice for payment: {payer} ({amount})").format(payer=name, amount=money_text(amount))
            menu.addAction(text, lambda p=payer_id: self.print_invoice(p))
        menu.popup(self.print_button.mapToGlobal(self.print_button.rect().bottomLeft()))
        self.print_popup = menu
        return menu

    def print_route_sheet(self) -> None:
        if self.order is None:
            return
        number = self.order.number
        order_ops.print_route_sheet(parent=self, session=self.session, order_id=self.order.id).success(
            lambda pdf: self._show_pdf(pdf, self.tr("Route sheet, order No. {number}").format(number=number),
                                       f"route-sheet-{number}")).run()

    def print_invoice(self, payer_id: int | None) -> None:
        if self.order is None:
            return
        number = self.order.number
        order_ops.print_invoice(parent=self, session=self.session, order_id=self.order.id,
                                payer_id=payer_id).success(
            lambda pdf: self._show_pdf(pdf, self.tr("Invoice for payment, order No. {number}").format(number=number),
                                       f"invoice-{number}" + (f"-{payer_id}" if payer_id else ""))).run()

    def payer_totals(self) -> list[tuple[int | None, str, Decimal]]:
        """(payer id, name, amount of the open lines) for the client first, then each payer."""
        if self.order is None:
            return []
        sums: dict[int | None, Decimal] = defaultdict(Decimal)
        names: dict[int | None, str] = {}
        for line in self.order.open_lines:
            sums[line.payer_id] += line.amount
            names[line.payer_id] = payer_text(line)
        return sorted(((p, names[p], sums[p]) for p in sums), key=lambda item: (item[0] is not None, item[1]))

    def ask_personalize(self) -> QDialog | None:
        """An order for a caller without a card goes to a client found by search."""
        if self.customer.patient_id is not None:
            return None
        query = self.order.client_name if self.order is not None else self.customer.contact_name
        dialog = ClientPickerDialog(self.session, self.tr("Attach the order to a client"), query, self)
        dialog.accepted.connect(lambda: self.personalize(dialog.chosen.id, dialog.chosen.full_name)
                                if dialog.chosen else None)
        return self._open(dialog)

    def personalize(self, patient_id: int, client_name: str = "") -> None:
        if self.order is None:
            # Nothing stored yet: the order will be written for the client.
            self.customer = Customer(patient_id)
            self.client_name = client_name
            self._show_order(None)
            self.personalized.emit(patient_id)
            return
        self._set_busy(True)
        order_ops.personalize(parent=self, session=self.session, order_id=self.order.id, version=self.order.version,
                              patient_id=patient_id).success(self._personalized).failure(self._failed).run()

    def retranslate_ui(self) -> None:
        self.back_button.setText(self.tr("← Back (Esc)"))
        self.attach_button.setText(self.tr("&Attach to a client…"))
        self.add_box.setTitle(self.tr("Add a service (Ins)"))
        self.labels["service"].setText(self.tr("&Service"))
        self.labels["payer"].setText(self.tr("Pa&yer"))
        self.labels["quantity"].setText(self.tr("&Qty"))
        self.service_combo.lineEdit().setPlaceholderText(self.tr("Type part of the code or the name"))
        self.add_button.setText(self.tr("Add (Enter)"))
        self.override_button.setText(self.tr("Add over the quota"))
        self.why_box.setTitle(self.tr("Why this price"))
        self.book_button.setText(self.tr("Book… (F5)"))
        self.discount_button.setText(self.tr("&Discount…"))
        self.cancel_button.setText(self.tr("Cancel line… (Del)"))
        self.approval_button.setText(self.tr("Insurer a&pproval…"))
        self.print_button.setText(self.tr("Print… (Ctrl+P)"))
        self.empty_label.setText(self.tr("No services yet: type a service above and press Enter."))
        self.keys_label.setText(self.tr(
            "Ins add a service · F5 book the line · Del cancel the line · Ctrl+P print · Esc back"))
        self._fill_payers()
        self._show_order(self.order)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Keyboard --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.service_combo and self.service_combo.completer().popup().isVisible():
                return False  # Enter takes the completion first
            self.add_line()
            return True
        return super().eventFilter(watched, event)

    def _shortcut(self, sequence: QKeySequence, slot, parent: QWidget,
                  context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut) -> QShortcut:
        shortcut = QShortcut(sequence, parent)
        shortcut.setContext(context)
        shortcut.activated.connect(slot)
        return shortcut

    # --- Internals: loading ------------------------------------------------------------------------

    def _ensure_choices(self) -> None:
        if self.catalogue is None:
            booking_ops.load_catalogue(parent=self, session=self.session).success(self._set_catalogue).run()
        if self.payers is None:
            order_ops.load_payer_choices(parent=self, session=self.session).success(self._set_payers).run()

    def _set_catalogue(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.service_combo.blockSignals(True)
        self.service_combo.clear()
        for service in sorted(catalogue.services, key=lambda s: s.code):
            self.service_combo.addItem(f"{service.code} · {service.name}", service.id)
            tip = [service.name]
            if service.preparation:
                tip.append(self.tr("Preparation: {text}").format(text=service.preparation))
            if service.id not in catalogue.performers:
                tip.append(self.tr("Not booked by appointment."))
            self.service_combo.setItemData(self.service_combo.count() - 1, "\n".join(tip),
                                           Qt.ItemDataRole.ToolTipRole)
        self.service_combo.setCurrentIndex(-1)
        self.service_combo.blockSignals(False)
        self._update_buttons()

    def _set_payers(self, payers: tuple[PayerChoice, ...]) -> None:
        self.payers = payers
        self._fill_payers()
        self._update_buttons()  # the catalogue may have come first: adding waits for both
        self._quote_later()

    def _fill_payers(self) -> None:
        current = self.payer_combo.currentIndex()
        self.payer_combo.blockSignals(True)
        self.payer_combo.clear()
        for choice in self.payers or ():
            self.payer_combo.addItem(payer_choice_text(choice))
            self.payer_combo.setItemData(self.payer_combo.count() - 1, payer_choice_tooltip(choice),
                                         Qt.ItemDataRole.ToolTipRole)
        self.payer_combo.setCurrentIndex(max(0, current))
        self.payer_combo.blockSignals(False)

    def _loaded(self, order_id: int, info: OrderInfo) -> None:
        if order_id != self.order_id:
            return
        self.loading = False
        self.customer = Customer(info.patient_id, "" if info.patient_id else info.client_name,
                                 "" if info.patient_id else info.phone)
        self.client_name = info.client_name
        self._show_order(info)

    def _load_failed(self, exc: Exception) -> None:
        self.loading = False
        if isinstance(exc, DomainError):
            self._show_message(error_text(exc), error=True)
        else:
            show_error(self, exc)

    # --- Internals: quoting and adding ---------------------------------------------------------------

    def _quote_later(self) -> None:
        self._quote_timer.start()

    def _hint_text(self) -> str:
        return "<span style='color:#5f6b73'>" + html.escape(self.tr(
            "Choose a service: its price for the payer, and why, shows here before it is added.")) + "</span>"

    def _quoted(self, generation: int, quote: Quote) -> None:
        if generation != self._quote_generation:
            return
        self.quote = quote
        figure = self.tr("{quantity} × {price} = {amount}").format(
            quantity=quote.quantity, price=money_text(quote.price), amount=f"<b>{money_text(quote.amount)}</b>")
        if quote.discount_amount:
            figure = self.tr("{quantity} × {price} − {discount} = {amount}").format(
                quantity=quote.quantity, price=money_text(quote.price), discount=money_text(quote.discount_amount),
                amount=f"<b>{money_text(quote.amount)}</b>")
        why = " · ".join(html.escape(text) for text in reason_texts(quote.reasons))
        text = f"<span style='font-size:11pt'>{figure}</span><br><span style='color:#5f6b73'>{why}</span>"
        for check in quote.quotas:
            if not check.fits:
                text += "<br><span style='color:#a61b1b'>" + html.escape(self.tr(
                    "The quota “{quota}” has no room for this line.").format(quota=check.name)) + "</span>"
        self.quote_label.setText(text)

    def _quote_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._quote_generation:
            return
        self.quote = None
        if isinstance(exc, DomainError):
            self.quote_label.setText(f"<span style='color:#a61b1b'>{html.escape(error_text(exc))}</span>")
        else:
            self.quote_label.setText("")
            show_error(self, exc)

    def _run_add(self, params: dict, override_quota: bool) -> None:
        self._set_busy(True)
        self._over_quota = None
        order_ops.add_line(parent=self, session=self.session, order_id=self.order_id, customer=self.customer,
                           override_quota=override_quota, **params).success(
            lambda info: self._line_added(info, override_quota)).failure(
            lambda exc: self._add_failed(exc, params)).run()

    def _line_added(self, info: OrderInfo, override_quota: bool) -> None:
        self._set_busy(False)
        self.order_id = info.id
        newest = max((line for line in info.lines if not line.is_step), key=lambda line: line.id)
        self._show_order(info, select=newest.id)
        text = self.tr("Added: {service} — {amount}.").format(service=newest.service_name,
                                                               amount=money_text(newest.amount))
        steps = sum(1 for line in info.lines if line.parent_line_id == newest.id)
        if steps:
            text += " " + self.tr("Its {count} steps are lines of their own: book each one.").format(count=steps)
        if override_quota:
            text += " " + self.tr("Over the quota: the override is on record.")
        self._show_message(text)
        self.service_combo.setCurrentIndex(-1)
        self.service_combo.setEditText("")
        self.quantity_spin.setValue(1)
        self._quote_timer.stop()
        self._quote_generation += 1  # a quote still on its way is for the line just added
        self.quote = None
        self.quote_label.setText(self._hint_text())
        self.focus_add()

    def _add_failed(self, exc: Exception, params: dict) -> None:
        self._set_busy(False)
        if isinstance(exc, QuotaExceeded):
            self._show_message(error_text(exc), error=True)
            if exc.can_override:
                self._over_quota = params
                self.override_button.show()
                self.override_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(exc, DomainError):
            self._show_message(error_text(exc), error=True)
        else:
            show_error(self, exc)

    def _reset_add(self) -> None:
        self.service_combo.setCurrentIndex(-1)
        self.service_combo.setEditText("")
        self.quantity_spin.setValue(1)
        if self.payers:
            self.payer_combo.setCurrentIndex(0)
        self.quote = None
        self.quote_label.setText(self._hint_text())

    # --- Internals: the lines --------------------------------------------------------------------------

    def _can_book(self, line: OrderLineInfo | None) -> bool:
        return line is not None and line.status == "ordered" and self.catalogue is not None and \
            line.service_id in self.catalogue.performers

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: setattr(self, "dialog", None) if self.dialog is d else None)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _changed(self, info: OrderInfo | None, line_id: int, template: str) -> None:
        if info is None:
            return
        self._show_order(info, select=line_id)
        line = next((x for x in info.lines if x.id == line_id), None)
        if line is not None:
            self._show_message(template.format(service=line.service_name, amount=money_text(line.amount)))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _line_booked(self, booked: order_ops.LineBooked | None) -> None:
        if booked is None:
            return
        self._show_order(booked.order, select=next((x.id for x in booked.order.lines
                                                     if x.booking_id == booked.booking.id), None))
        self._show_message(self.tr("Booked: {service}, {when}. Ctrl+P prints the route sheet.").format(
            service=booked.booking.service_name, when=booking_text(booked.booking)))
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _personalized(self, info: OrderInfo) -> None:
        self._set_busy(False)
        self._loaded(info.id, info)
        self._show_message(self.tr("The order now belongs to {client}.").format(client=info.client_name))
        if info.patient_id is not None:
            self.personalized.emit(info.patient_id)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, DomainError):
            self._show_message(error_text(exc), error=True)
            self.reload()
        else:
            show_error(self, exc)

    def _show_pdf(self, pdf: bytes, title: str, stem: str) -> None:
        from medcenter_desktop.document_preview import show_document

        self.last_pdf = pdf
        shown = show_document(self, pdf, title, stem)
        if isinstance(shown, QDialog):
            self.dialog = shown
            shown.finished.connect(lambda _r, d=shown: setattr(self, "dialog", None) if self.dialog is d else None)

    def _context_menu(self, position) -> None:
        menu = QMenu(self)
        for button in (self.book_button, self.discount_button, self.cancel_button, self.approval_button):
            action = menu.addAction(button.text().replace("&", ""))
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        menu.popup(self.view.viewport().mapToGlobal(position))

    # --- Internals: showing ------------------------------------------------------------------------------

    def _show_order(self, info: OrderInfo | None, *, select: int | None = None) -> None:
        current = self.selected_line()
        self.order = info
        lines = info.lines if info is not None else ()
        self.model.set_rows(lines)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.resizeSection(SERVICE_COLUMN, min(max(header.sectionSize(SERVICE_COLUMN), 200), SERVICE_WIDTH))
        header.resizeSection(PAYER_COLUMN, min(header.sectionSize(PAYER_COLUMN), PAYER_WIDTH))
        target = select if select is not None else (current.id if current is not None else None)
        if lines:
            row = self.model.row_for_id(target) if target is not None else None
            self.view.setCurrentIndex(self.model.index(row if row is not None else 0, 0))
        self.empty_label.setVisible(not lines)
        self.view.setVisible(bool(lines))
        self._update_title()
        self._update_totals()
        self._line_changed()

    def _update_title(self) -> None:
        name = self.client_name or self.customer.contact_name
        if self.order is None:
            text = self.tr("New order for {client}").format(client=name) if name else self.tr("Order")
            if self.order_id is not None:
                text = self.tr("Order No. {number}").format(number=f"{self.order_id:06d}")
        else:
            text = self.tr("Order No. {number} of {day} — {client}").format(
                number=self.order.number, day=self.order.created_at.strftime("%d.%m.%Y"), client=self.order.client_name)
        self.title_label.setText(text)
        if self.order is not None:
            status = self.order.status
            fg, bg = STATUS_COLOURS.get(status, ("#22313a", "#eceff1"))
            self.status_label.setText(line_status_text(status))
            self.status_label.setStyleSheet(f"QLabel {{ color: {fg}; background: {bg}; border-radius: 10px; "
                                            "padding: 3px 12px; font-weight: bold; }")
        self.status_label.setVisible(self.order is not None)
        anonymous = self.customer.patient_id is None and bool(name)
        if anonymous:
            phone = self.order.phone if self.order is not None else self.customer.contact_phone
            self.anonymous_label.setText(self.tr(
                "Without a client card: {name}, {phone}. When the client comes, attach the order to their card."
            ).format(name=name, phone=format_phone(phone) if phone else "—"))
        self.anonymous_box.setVisible(anonymous)

    def _update_totals(self) -> None:
        if self.order is None or not self.order.open_lines:
            self.totals_label.setText(self.tr("Total: {amount}").format(amount=f"<b>{money_text(Decimal(0))}</b>"))
            return
        parts = [self.tr("Total: {amount}").format(amount=f"<b>{money_text(self.order.total())}</b>"),
                 self.tr("To pay by the client: {amount}").format(
                     amount=f"<b style='color:#0e7c86'>{money_text(self.order.to_pay)}</b>")]
        for payer_id, name, amount in self.payer_totals():
            if payer_id is None:
                if amount != self.order.to_pay:  # some of it is paid already
                    parts.append(self.tr("The client's services: {amount}").format(amount=f"<b>{money_text(amount)}</b>"))
                continue
            parts.append(self.tr("Paid by {payer}: {amount}").format(payer=html.escape(name),
                                                                       amount=f"<b>{money_text(amount)}</b>"))
        self.totals_label.setText("&nbsp;&nbsp;·&nbsp;&nbsp;".join(parts))

    def _line_changed(self) -> None:
        line = self.selected_line()
        if line is None:
            self.why_label.setText("<span style='color:#5f6b73'>" + html.escape(self.tr(
                "Select a line to see how its price was found.")) + "</span>")
        else:
            parts = [f"<b>{html.escape(line.service_code)}</b> {html.escape(line.service_name)}",
                     reasons_html(line.reasons)]
            facts = [(self.tr("Payer"), payer_text(line))]
            if line.agreement_number:
                facts.append((self.tr("Agreement"), line.agreement_number))
            package = next((x for x in self.order.lines if x.id == line.parent_line_id), None) \
                if line.is_step and self.order is not None else None
            if package is not None:
                facts.append((self.tr("Package"), f"{package.service_name} ({money_text(package.amount)})"))
            else:
                facts.append((self.tr("Base price"), money_text(line.base_price)))
                facts.append((self.tr("Price"), money_text(line.price)))
                if line.discount_amount:
                    facts.append((self.tr("Discount"), money_text(line.discount_amount)))
                facts.append((self.tr("Amount"), money_text(line.amount)))
            facts.append((self.tr("Status"), line_status_text(line.status)))
            if line.starts_at is not None:
                facts.append((self.tr("Appointment"), _appointment(line)))
            if line.cancel_reason:
                facts.append((self.tr("Cancelled because"), line.cancel_reason))
            rows = "".join(f"<tr><td style='color:#5f6b73; padding-right:8px'>{html.escape(k)}</td>"
                           f"<td>{html.escape(v)}</td></tr>" for k, v in facts)
            parts.append(f"<table>{rows}</table>")
            self.why_label.setText("".join(parts))
        self._update_buttons()

    def _update_buttons(self) -> None:
        line = self.selected_line()
        idle = not self.busy
        self.add_button.setEnabled(idle and self.catalogue is not None and self.payers is not None)
        self.book_button.setEnabled(idle and self._can_book(line))
        self.discount_button.setEnabled(idle and line is not None and line.status in ("ordered", "booked")
                                        and not line.is_step)
        self.cancel_button.setEnabled(idle and line is not None and line.status not in (
            "performed", "closed", "cancelled"))
        self.approval_button.setEnabled(idle and line is not None and self.order is not None
                                        and self.order.patient_id is not None and not line.is_step
                                        and line.status in ("ordered", "booked", "paid"))
        self.print_button.setEnabled(self.order is not None and bool(self.order.open_lines))
        self.attach_button.setEnabled(idle)
        self.override_button.setEnabled(idle)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(_ERROR_STYLE if error else _NOTICE_STYLE)
        self.message_label.setText(text)
        self.message_box.show()
        if not error or self._over_quota is None:
            self.override_button.hide()

    def _clear_message(self) -> None:
        self.message_box.hide()
        self.message_label.clear()
        self.override_button.hide()
        self._over_quota = None

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _button(self, slot) -> QPushButton:
        button = QPushButton(self)
        button.clicked.connect(slot)
        return button

    def _on_changes(self, changes: frozenset[str]) -> None:
        # Someone changed this order elsewhere (another screen, the cash desk): it is read again.
        if (order_ops.ORDER_CHANGES in changes or booking_ops.BOOKING_CHANGES in changes) and self.isVisible() \
                and self.order is not None and not self.busy and self.dialog is None:
            self.reload()
