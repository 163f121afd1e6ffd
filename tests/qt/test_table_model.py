"""DtoTableModel: resets, lookup by id, sorting through a proxy, bad rows shown disabled."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QSortFilterProxyModel, Qt

from medcenter_desktop.table_model import ALIGN_RIGHT, ID_ROLE, SORT_ROLE, Column, DtoTableModel


@dataclass(frozen=True)
class Service:
    id: int
    name: str
    price: Decimal
    since: dt.date | None = None


def _broken_price(s: Service) -> Decimal:
    if s.price < 0:
        raise ValueError("negative")
    return s.price


COLUMNS = (
    Column("Name", lambda s: s.name),
    Column("Price", _broken_price, ALIGN_RIGHT),
    Column("Since", lambda s: s.since),
)
ROWS = [
    Service(7, "Therapist visit", Decimal("1500.00"), dt.date(2024, 1, 9)),
    Service(3, "ECG", Decimal("900.50")),
    Service(5, "Ultrasound", Decimal("12000.00"), dt.date(2023, 5, 1)),
]


def test_set_rows_resets_and_shows_values(qtmodeltester):
    model = DtoTableModel(COLUMNS)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 3
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Price"
    assert model.data(model.index(1, 1)) == "900.50"
    assert model.data(model.index(0, 2)) == "09.01.2024"
    assert model.data(model.index(1, 2)) == ""
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) == int(ALIGN_RIGHT)


def test_reset_signals_are_balanced(qtbot):
    model = DtoTableModel(COLUMNS)
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows(ROWS)
    model.set_rows([])
    assert model.rowCount() == 0


def test_reset_finishes_even_if_rows_cannot_be_read(qtbot):
    model = DtoTableModel(COLUMNS)

    def rows():
        yield ROWS[0]
        raise RuntimeError("connection lost")

    with qtbot.waitSignal(model.modelReset):
        try:
            model.set_rows(rows())
        except RuntimeError:
            pass


def test_lookup_by_id():
    model = DtoTableModel(COLUMNS)
    model.set_rows(ROWS)
    assert model.row_for_id(5) == 2
    assert model.row_for_id(99) is None
    assert model.row_at(model.index_for_id(3)) == ROWS[1]
    assert model.data(model.index(0, 0), ID_ROLE) == 7


def test_sorting_by_raw_values_through_a_proxy():
    model = DtoTableModel(COLUMNS)
    model.set_rows(ROWS)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    names = [proxy.data(proxy.index(r, 0)) for r in range(proxy.rowCount())]
    # As numbers: 900.50 < 1500 < 12000 (as text "12000.00" would sort before "900.50").
    assert names == ["ECG", "Therapist visit", "Ultrasound"]


def test_a_row_whose_getter_raises_is_shown_disabled(qtmodeltester):
    model = DtoTableModel(COLUMNS)
    bad = Service(9, "Broken", Decimal("-1"))
    model.set_rows([ROWS[0], bad, ROWS[1]])
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.is_broken(1) and not model.is_broken(0)
    assert model.data(model.index(1, 0)) == "Broken"
    assert model.data(model.index(1, 1)) == "(cannot show)"
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsEnabled
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEnabled


def test_tooltip_is_the_whole_cell_text():
    model = DtoTableModel(COLUMNS)
    model.set_rows([Service(1, "Ultrasound of the abdominal organs and kidneys", Decimal("1.00"),
                            dt.date(2024, 1, 9))] + ROWS[1:2])
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Ultrasound of the abdominal organs and kidneys"
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "09.01.2024"
    assert model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole) is None, "no empty tooltip"
