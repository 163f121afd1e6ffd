"""The client's orders in the client card (a tab next to the appointments): number, date, how many
services, the total, what the client still pays, the status. New order… (Ins) starts one, Enter or a
double click opens the one selected. The list follows changes made anywhere in the workstation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from medcenter_desktop.operations import operation_bus
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from workstations.registrar import booking_ops, order_ops
from workstations.registrar.order_texts import line_status_text, money_text
from workstations.registrar.search_page import configure_list_view

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from shared.services.orders import OrderSummary

CTX = "Orders"

ORDER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Orders", "No."), lambda s: f"{s.id:06d}", ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Date"), lambda s: s.created_at.date(), ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Services"), lambda s: s.lines, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Total"), lambda s: money_text(s.total), ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "To pay"), lambda s: money_text(s.to_pay), ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("Orders", "Status"), lambda s: line_status_text(s.status), context=CTX),
)


class OrdersPanel(QWidget):
    """The client's orders with New order… and Open."""

    #: Start a new order for this client: patient id.
    new_requested = Signal(int)
    #: Open this order: order id.
    open_requested = Signal(int)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id: int | None = None
        self.orders: tuple[OrderSummary, ...] | None = None
        self.model = DtoTableModel(ORDER_COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        configure_list_view(self.view)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.view.installEventFilter(self)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("mutedLabel")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.request_new)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.request_new)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self._update_buttons()

    def load(self, patient_id: int) -> None:
        if patient_id != self.patient_id:
            self.orders = None
            self.model.set_rows(())
        self.patient_id = patient_id
        self._update_buttons()
        order_ops.client_orders(parent=self, session=self.session, patient_id=patient_id).success(
            lambda rows: self._show(rows) if patient_id == self.patient_id else None).run()

    def reload(self) -> None:
        if self.patient_id is not None:
            self.load(self.patient_id)

    def selected(self) -> OrderSummary | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def request_new(self) -> None:
        if self.patient_id is not None:
            self.new_requested.emit(self.patient_id)

    def open_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.open_requested.emit(item.id)

    def retranslate_ui(self) -> None:
        self.new_button.setText(self.tr("New order… (Ins)"))
        self.open_button.setText(self.tr("Open (Enter)"))
        self.empty_label.setText(self.tr("No orders yet.") if self.orders == () else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.model.set_rows(self.model.rows())
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    def _show(self, rows: tuple[OrderSummary, ...]) -> None:
        current = self.selected()
        self.orders = rows
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        if rows:
            row = self.model.row_for_id(current.id) if current is not None else None
            self.view.setCurrentIndex(self.model.index(row or 0, 0))
        self.retranslate_ui()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.new_button.setEnabled(self.patient_id is not None)
        self.open_button.setEnabled(self.selected() is not None)

    def _on_changes(self, changes: frozenset[str]) -> None:
        if (order_ops.ORDER_CHANGES in changes or booking_ops.BOOKING_CHANGES in changes) \
                and self.patient_id is not None:
            self.reload()
