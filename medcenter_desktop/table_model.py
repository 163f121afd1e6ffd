"""A table model over a list of frozen dataclass DTOs, as the services return them.

Columns are declared, not coded::

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("ReferenceBrowser", "Number"), lambda o: o.number, context="ReferenceBrowser"),
        Column(QT_TRANSLATE_NOOP("ReferenceBrowser", "Floor"), lambda o: o.floor, ALIGN_RIGHT, "ReferenceBrowser"),
    )
    model = DtoTableModel(COLUMNS)
    model.set_rows(offices)

Every cell is computed once in `set_rows`. A row whose getter raises is kept and shown disabled
with a placeholder in place of the broken cell (as Anki's browser does), and the problem is logged
without the row's data. ``SORT_ROLE`` gives the raw value so a `QSortFilterProxyModel` with
``setSortRole(SORT_ROLE)`` sorts numbers and dates as such; ``ID_ROLE`` gives the row's id. The tooltip
of a cell is its whole text, so a cell cut off by its column's width can still be read.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

log = logging.getLogger(__name__)

R = TypeVar("R")

ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

_ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    #: Header as a source text, translated in ``context`` when shown.
    header: str
    getter: Callable[[R], Any]
    alignment: Qt.AlignmentFlag = ALIGN_LEFT
    context: str = "Columns"


class _Broken:
    """Marks a cell whose getter raised."""


_BROKEN = _Broken()


def display_text(value: Any) -> str:
    """How a plain value reads in a table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return QCoreApplication.translate("DtoTableModel", "Yes") if value else QCoreApplication.translate(
            "DtoTableModel", "No"
        )
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def _sort_key(value: Any) -> Any:
    # QSortFilterProxyModel compares QVariants: give it types it knows.
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if value is None:
        return ""
    return value


class DtoTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], *, id_attr: str = "id", parent=None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._id_attr = id_attr
        self._rows: list[R] = []
        self._cells: list[tuple[Any, ...]] = []
        self._broken: set[int] = set()
        self._row_by_id: dict[Hashable, int] = {}

    # --- Public API ------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replaces every row; views keep working even if building a row fails."""
        self.beginResetModel()
        try:
            self._rows = list(rows)
            self._cells = []
            self._broken = set()
            self._row_by_id = {}
            for number, row in enumerate(self._rows):
                self._cells.append(self._compute(number, row))
                row_id = getattr(row, self._id_attr, None)
                if row_id is not None:
                    self._row_by_id[row_id] = number
        finally:
            self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, index: _ModelIndex | int) -> R | None:
        """The DTO behind ``index`` (of this model) or row number."""
        number = index if isinstance(index, int) else index.row()
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def row_for_id(self, row_id: Hashable) -> int | None:
        """The row number of the DTO with ``id == row_id``, or None."""
        return self._row_by_id.get(row_id)

    def index_for_id(self, row_id: Hashable, column: int = 0) -> QModelIndex:
        number = self.row_for_id(row_id)
        return QModelIndex() if number is None else self.index(number, column)

    def is_broken(self, number: int) -> bool:
        return number in self._broken

    # --- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(column.context, column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment)
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._cells[index.row()][index.column()]
        broken = isinstance(value, _Broken)
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DtoTableModel", "(cannot show)") if broken else display_text(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.row() in self._broken:
                return QCoreApplication.translate(
                    "DtoTableModel", "This row could not be shown completely. Reload the list; if it persists, tell IT staff."
                )
            # The whole text, for a cell cut off by its column's width.
            return self.data(index, Qt.ItemDataRole.DisplayRole) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._columns[index.column()].alignment)
        if role == SORT_ROLE:
            return "" if broken else _sort_key(value)
        if role == ID_ROLE:
            return getattr(self._rows[index.row()], self._id_attr, None)
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.row() in self._broken:
            # Visible but disabled: the row exists, it just cannot be worked with.
            return Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- Internals -------------------------------------------------------------------------------

    def _compute(self, number: int, row: R) -> tuple[Any, ...]:
        cells = []
        for column in self._columns:
            try:
                cells.append(column.getter(row))
            except Exception as exc:  # a bad row must not take the whole list down
                self._broken.add(number)
                cells.append(_BROKEN)
                # The column and the error type only: the row's values may be personal data.
                log.warning("row %d, column %r: %s", number, column.header, type(exc).__name__)
        return tuple(cells)
