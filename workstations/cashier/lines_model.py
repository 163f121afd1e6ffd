"""Order lines with a check box each (all checked when loaded): what the cashier takes money for."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.cash_desk import PayableLine
from shared.services.orders import order_number
from workstations.cashier.texts import local_time, money_text

LINE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("LinesModel", "Order"), lambda ln: order_number(ln.order_id), context="LinesModel"),
    Column(QT_TRANSLATE_NOOP("LinesModel", "Service"), lambda ln: ln.service_name, context="LinesModel"),
    Column(QT_TRANSLATE_NOOP("LinesModel", "Appointment"), lambda ln: local_time(ln.starts_at, "%d.%m %H:%M"),
           context="LinesModel"),
    Column(QT_TRANSLATE_NOOP("LinesModel", "Qty"), lambda ln: ln.quantity, ALIGN_RIGHT, "LinesModel"),
    Column(QT_TRANSLATE_NOOP("LinesModel", "Price"), lambda ln: money_text(ln.price), ALIGN_RIGHT, "LinesModel"),
    Column(QT_TRANSLATE_NOOP("LinesModel", "Discount"), lambda ln: money_text(ln.discount) if ln.discount else "",
           ALIGN_RIGHT, "LinesModel"),
    Column(QT_TRANSLATE_NOOP("LinesModel", "Sum"), lambda ln: money_text(ln.amount), ALIGN_RIGHT, "LinesModel"),
)

_Index = QModelIndex | QPersistentModelIndex


class CheckedLinesModel(DtoTableModel[PayableLine]):
    """`PayableLine` rows; the first column's check box says whether the line is paid now."""

    checks_changed = Signal()

    def __init__(self, columns: Sequence[Column] = LINE_COLUMNS, parent=None) -> None:
        super().__init__(columns, id_attr="order_line_id", parent=parent)
        self._checked: set[int] = set()

    # --- Public API ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[PayableLine], *, checked: bool = True) -> None:
        self._checked = {row.order_line_id for row in rows} if checked else set()
        super().set_rows(rows)
        self.checks_changed.emit()

    def checked_lines(self) -> list[PayableLine]:
        return [row for row in self.rows() if row.order_line_id in self._checked]

    def checked_total(self) -> Decimal:
        return sum((row.amount for row in self.checked_lines()), Decimal(0))

    def is_checked(self, row: int) -> bool:
        line = self.row_at(row)
        return line is not None and line.order_line_id in self._checked

    def set_checked(self, row: int, checked: bool) -> None:
        line = self.row_at(row)
        if line is None or (line.order_line_id in self._checked) == checked:
            return
        if checked:
            self._checked.add(line.order_line_id)
        else:
            self._checked.discard(line.order_line_id)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checks_changed.emit()

    def toggle(self, row: int) -> None:
        self.set_checked(row, not self.is_checked(row))

    # --- QAbstractTableModel ---------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            return Qt.CheckState.Checked if self.is_checked(index.row()) else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            self.set_checked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        return False

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0 and flags & Qt.ItemFlag.ItemIsEnabled:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags
