"""The day's history of the desk: every operation of a date (today by default), narrowed to a client by
typing part of the name; the last row totals the completed payments, refunds, deposits taken and deposits
returned (what goes back to the client is counted with a minus).

A payment's sum is its cash, its card and what it took from the client's deposit; the Deposit column (shown
when some operation of the day has such a part) says that part -- of a refund, what went back to the deposit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import cash_desk
from shared.services.cash_desk import HistoryEntry
from shared.services.patient_search import fold
from workstations.cashier.client_finder import configure_list, fit_columns
from workstations.cashier.desk import DeskControl
from workstations.cashier.texts import (
    MONEY_KINDS,
    OUTGOING,
    deposit_part,
    kind_text,
    local_time,
    signed_money,
    state_text,
)


@dataclass(frozen=True)
class HistoryRow:
    """One line of the table: an operation, or the totals (``entry`` None)."""

    id: int
    entry: HistoryEntry | None
    total: Decimal
    cash: Decimal
    card: Decimal
    count: int = 0
    deposit: Decimal = Decimal(0)  # the part paid from (a refund: given back to) the client's deposit


def _total_text(row: HistoryRow) -> str:
    return QCoreApplication.translate("HistoryPage", "Total ({count})").format(count=row.count)


def _money(value: Decimal, row: HistoryRow) -> str:
    if row.entry is None:
        return signed_money(-value, "refund") if value < 0 else signed_money(value, "sale")
    return signed_money(value, row.entry.kind)


def _deposit_money(row: HistoryRow) -> str:
    return _money(row.deposit, row) if row.deposit or row.entry is None else ""


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("HistoryPage", "Time"), lambda r: local_time(r.entry.at) if r.entry else "",
           context="HistoryPage"),
    Column(QT_TRANSLATE_NOOP("HistoryPage", "Operation"), lambda r: kind_text(r.entry.kind) if r.entry else
           _total_text(r), context="HistoryPage"),
    Column(QT_TRANSLATE_NOOP("HistoryPage", "Client"), lambda r: r.entry.patient_name if r.entry else "",
           context="HistoryPage"),
    Column(QT_TRANSLATE_NOOP("HistoryPage", "Services"), lambda r: r.entry.services if r.entry else "",
           context="HistoryPage"),
    Column(QT_TRANSLATE_NOOP("HistoryPage", "Sum"), lambda r: _money(r.total, r), ALIGN_RIGHT, "HistoryPage"),
    Column(QT_TRANSLATE_NOOP("HistoryPage", "Cash"), lambda r: _money(r.cash, r), ALIGN_RIGHT, "HistoryPage"),
    Column(QT_TRANSLATE_NOOP("HistoryPage", "Card"), lambda r: _money(r.card, r), ALIGN_RIGHT, "HistoryPage"),
    Column(QT_TRANSLATE_NOOP("HistoryPage", "State"), lambda r: state_text(r.entry.state) if r.entry else "",
           context="HistoryPage"),
    Column(QT_TRANSLATE_NOOP("HistoryPage", "FD"), lambda r: r.entry.fiscal_document if r.entry else "",
           ALIGN_RIGHT, "HistoryPage"),
    # Shown after Card (the view moves it there); last in the model so that the others keep their numbers.
    Column(QT_TRANSLATE_NOOP("HistoryPage", "Deposit"), _deposit_money, ALIGN_RIGHT, "HistoryPage"),
)
DEPOSIT_COLUMN = len(COLUMNS) - 1


def history_rows(entries: list[HistoryEntry]) -> list[HistoryRow]:
    """The entries, then the totals of the completed money operations: payments and deposits taken, less
    refunds and deposits returned."""
    rows = [HistoryRow(e.operation_id, e, e.total, e.cash_amount, e.card_amount,
                       deposit=deposit_part(e.total, e.cash_amount, e.card_amount) if e.kind in MONEY_KINDS
                       else Decimal(0)) for e in entries]
    total = cash = card = deposit = Decimal(0)
    count = 0
    for row in rows:
        e = row.entry
        if e is None or e.state != "completed" or e.kind not in MONEY_KINDS:
            continue
        sign = -1 if e.kind in OUTGOING else 1
        total += sign * e.total
        cash += sign * e.cash_amount
        card += sign * e.card_amount
        deposit += sign * row.deposit
        count += 1
    rows.append(HistoryRow(0, None, total, cash, card, count, deposit))
    return rows


class HistoryModel(DtoTableModel[HistoryRow]):
    """The totals row in bold; failed and undone operations greyed."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.FontRole and row.entry is None:
            font = QFont()
            font.setBold(True)
            return font
        if row is not None and role == Qt.ItemDataRole.ForegroundRole and row.entry is not None \
                and row.entry.state in ("failed", "voided"):
            return Qt.GlobalColor.gray
        return super().data(index, role)


class HistoryPage(QWidget):
    def __init__(self, desk: DeskControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.entries: list[HistoryEntry] = []
        self._loading = 0
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.show_button = QPushButton(self)
        self.show_button.clicked.connect(self.reload)
        self.date_caption = QLabel(self)
        self.filter_caption = QLabel(self)
        self.model = HistoryModel(COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setObjectName("historyTable")
        self.view.setModel(self.model)
        configure_list(self.view)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.moveSection(DEPOSIT_COLUMN, 7)  # after Card
        self.message_label = QLabel(self)
        self.message_label.setObjectName("errorLabel")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        top = QHBoxLayout()
        top.addWidget(self.date_caption)
        top.addWidget(self.date_edit)
        top.addSpacing(16)
        top.addWidget(self.filter_caption)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.show_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addWidget(self.view, 1)
        self.date_edit.dateChanged.connect(lambda _date: self.reload())
        self.filter_edit.textChanged.connect(lambda _text: self._show())
        self.filter_edit.returnPressed.connect(self.view.setFocus)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def day(self) -> dt.date:
        return self.date_edit.date().toPython()

    def reload(self) -> None:
        desk = self.desk.desk
        if desk is None:
            self.message_label.setText(self.tr("The cash desk is not connected: see the notice at the top."))
            self.message_label.show()
            return
        day = self.day()
        self._loading += 1
        generation = self._loading
        self.desk.read(lambda conn: cash_desk.day_history(conn, desk, day),
                       lambda entries: self._loaded(generation, entries),
                       lambda exc: self._failed(generation, exc))

    def visible_entries(self) -> list[HistoryEntry]:
        words = fold(self.filter_edit.text()).split()
        return [e for e in self.entries if all(w in fold(e.patient_name) for w in words)]

    def retranslate_ui(self) -> None:
        fit_columns(self.view, {0: 56, 1: 120, 2: 180, 4: 96, 5: 96, 6: 96, 7: 104, 8: 56, DEPOSIT_COLUMN: 96})
        self.date_caption.setText(self.tr("Day"))
        self.filter_caption.setText(self.tr("Client"))
        self.filter_edit.setPlaceholderText(self.tr("part of the client's name"))
        self.show_button.setText(self.tr("Show"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._show()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.reload()

    # --- Internals -------------------------------------------------------------------------------

    def _loaded(self, generation: int, entries: list[HistoryEntry]) -> None:
        if generation != self._loading:
            return
        self.message_label.hide()
        self.entries = list(entries)
        self._show()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._loading:
            self.message_label.setText(error_text(exc))
            self.message_label.show()

    def _show(self) -> None:
        rows = history_rows(self.visible_entries())
        self.model.set_rows(rows)
        self.view.setColumnHidden(DEPOSIT_COLUMN, not any(row.deposit for row in rows))
