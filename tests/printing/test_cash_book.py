from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal

import pytest

from printing import cash_book
from printing._common import NBSP, money
from printing.cash_book import count_in_words, render_cash_book, sheet_pages
from shared.services.cash_documents import CashBookEntry, CashBookSheet
from tests.printing.pdf_helpers import (
    MM,
    char_boxes,
    dirty_margins,
    is_pdf,
    page_sizes_mm,
    page_texts,
    rasterize,
)

# Everything below is made up: a fictitious clinic, people and numbers.
LONG_TEXT_300 = ("Вымышленный получатель для проверки обрезки длинных строк " * 6)[:300]
REFUND_TO = "Тестова Анна Петровна, возврат за услуги"


def _entry(number: int, kind: str = "in", amount: str = "1000.00", counterparty: str | None = None,
           account: str | None = None) -> CashBookEntry:
    return CashBookEntry(
        document_number=str(number),
        kind=kind,
        counterparty=counterparty if counterparty is not None else (
            f"Выручка по ККТ, смена {number}" if kind == "in" else REFUND_TO
        ),
        account=account if account is not None else ("90.01" if kind == "in" else "62.01"),
        amount=Decimal(amount),
    )


def _sheet(entries: tuple[CashBookEntry, ...], **changes) -> CashBookSheet:
    opening = Decimal(changes.pop("opening_balance", "12500.00"))
    total_in = sum((e.amount for e in entries if e.kind == "in"), Decimal("0.00"))
    total_out = sum((e.amount for e in entries if e.kind == "out"), Decimal("0.00"))
    sheet = CashBookSheet(
        organization_name="ООО «Тестовая клиника № 1»",
        okpo="00000001",
        department="Касса поликлиники",
        day=dt.date(2026, 1, 12),
        sheet_number=15,
        opening_balance=opening,
        entries=entries,
        total_in=total_in,
        total_out=total_out,
        closing_balance=opening + total_in - total_out,
        cashier_name="Тестова А. П.",
        accountant_name="Примерова Б. В.",
        in_documents=sum(e.kind == "in" for e in entries),
        out_documents=sum(e.kind == "out" for e in entries),
    )
    return dataclasses.replace(sheet, **changes)


ENTRIES = (
    _entry(41, "in", "15400.50"),
    _entry(42, "in", "3200.00", counterparty="Тестов Пётр Иванович, оплата услуг"),
    _entry(3, "out", "1250.00"),
)


def _many(count: int) -> tuple[CashBookEntry, ...]:
    return tuple(
        _entry(100 + i, "out" if i % 4 == 3 else "in", f"{1000 + 37 * i}.{i % 100:02d}")
        for i in range(count)
    )


def _flat(text: str) -> str:
    """Page text with every run of whitespace (line breaks, non-breaking spaces) as one space."""
    return " ".join(text.split())


def _m(value: Decimal) -> str:
    return money(value).replace(NBSP, " ")


def _column_edges_pt() -> list[float]:
    return cash_book.column_edges()


def _assert_inside(pdf: bytes) -> None:
    """Every printed character lies within the page margins."""
    width = cash_book.PAGE_SIZE[0]
    left, right = cash_book.MARGIN_LEFT - 0.5, width - cash_book.MARGIN_RIGHT + 0.5
    for index, (_, h_mm) in enumerate(page_sizes_mm(pdf)):
        boxes = [box for match in char_boxes(pdf, index, r"\S+") for box in match]
        assert boxes
        for box in boxes:
            assert left <= box.left and box.right <= right, (index, box)
            assert 5 * MM <= box.bottom and box.top <= h_mm * MM - 5 * MM, (index, box)
    for image in rasterize(pdf, dpi=100):
        assert dirty_margins(image, dpi=100) == []


# --- the numbers in words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "words"),
    [(0, "ноль"), (1, "один"), (2, "два"), (5, "пять"), (11, "одиннадцать"), (21, "двадцать один"),
     (101, "сто один")],
)
def test_counts_in_words(count, words):
    assert count_in_words(count) == words


# --- one day on one page ------------------------------------------------------------------------


def test_a_day_is_one_a4_page_with_the_sheet_and_the_cashiers_report():
    pdf = render_cash_book([_sheet(ENTRIES)])
    assert is_pdf(pdf)
    assert page_sizes_mm(pdf) == [pytest.approx((210, 297), abs=0.5)]
    raw = page_texts(pdf)[0]
    text = _flat(raw)
    assert "\ufffd" not in raw
    # The sheet above the cut line, the cashier's report below it: the same table twice.
    assert text.index("Вкладной лист кассовой книги") < text.index("линия отреза") < text.index("Отчет кассира")
    sheet_half, report_half = text.split("линия отреза")
    for half in (sheet_half, report_half):
        for expected in (
            "Унифицированная форма № КО-4",
            "Утверждена постановлением Госкомстата России от 18.08.98 № 88",
            "Код 0310004 00000001 Форма по ОКУД по ОКПО",
            "ООО «Тестовая клиника № 1» организация",
            "Касса поликлиники структурное подразделение",
            "КАССА за 12.01.2026 Лист 15",
            "Номер документа От кого получено или кому выдано Номер корреспондирующего счета, субсчета "
            "Приход, руб. коп. Расход, руб. коп.",
            "1 2 3 4 5",
            "Остаток на начало дня Х 12 500,00 Х",
            "41 Выручка по ККТ, смена 41 90.01 15 400,50",
            "42 Тестов Пётр Иванович, оплата услуг 90.01 3 200,00",
            f"3 {REFUND_TO} 62.01 1 250,00",
            "Итого за день Х 18 600,50 1 250,00",
            "Остаток на конец дня Х 29 850,50 Х",
            "в том числе на выдачу заработной платы Х Х",
            "Кассир Тестова А. П. подпись расшифровка подписи",
            "Записи в кассовой книге проверил и документы в количестве два приходных прописью "
            "и один расходных получил. прописью",
            "Бухгалтер Примерова Б. В. подпись расшифровка подписи",
        ):
            assert expected in half, expected
        assert "Перенос" not in half  # a day on one page carries nothing forward
        # The rows in the form's order.
        order = ["Остаток на начало дня", "41 Выручка", "42 Тестов", "3 Тестова", "Итого за день",
                 "Остаток на конец дня", "в том числе на выдачу", "Кассир", "Бухгалтер"]
        positions = [half.index(item) for item in order]
        assert positions == sorted(positions)


def test_receipts_print_in_column_4_and_expenses_in_column_5():
    pdf = render_cash_book([_sheet(ENTRIES)])
    edges = _column_edges_pt()
    for value, column in ((Decimal("15400.50"), 3), (Decimal("1250.00"), 4)):
        pattern = r"\s*".join(re.escape(part) for part in money(value).split(NBSP))
        matches = char_boxes(pdf, 0, pattern)
        assert len(matches) >= 2  # the entry in the sheet and in the report (and a total)
        for boxes in matches:
            assert all(edges[column] <= b.left and b.right <= edges[column + 1] for b in boxes), value
            assert edges[column + 1] - max(b.right for b in boxes) < 3 * MM  # flush right
    _assert_inside(pdf)


def test_both_copies_sit_on_their_own_half_of_the_page():
    pdf = render_cash_book([_sheet(ENTRIES)])
    middle = cash_book.CUT_Y
    (sheet_label,) = char_boxes(pdf, 0, "Вкладной лист кассовой книги")
    (report_label,) = char_boxes(pdf, 0, "Отчет кассира")
    sheet_rows = char_boxes(pdf, 0, "Бухгалтер")
    assert min(b.bottom for b in sheet_label) > middle
    assert max(b.top for b in report_label) < middle
    assert min(b.bottom for b in sheet_rows[0]) > middle + cash_book.CUT_GAP - 1
    assert max(b.top for b in sheet_rows[1]) < middle - cash_book.CUT_GAP + 1


def test_an_empty_day_prints_its_balances_and_zero_orders():
    sheet = _sheet((), sheet_number=16, day=dt.date(2026, 1, 13))
    pdf = render_cash_book([sheet])
    assert len(page_texts(pdf)) == 1
    text = _flat(page_texts(pdf)[0])
    assert text.count("КАССА за 13.01.2026 Лист 16") == 2
    assert text.count("Остаток на начало дня Х 12 500,00 Х Итого за день Х 0,00 0,00") == 2
    assert text.count("Остаток на конец дня Х 12 500,00 Х") == 2
    assert text.count("в количестве ноль приходных прописью и ноль расходных получил.") == 2
    _assert_inside(pdf)


def test_several_days_print_one_after_another():
    days = [
        _sheet(ENTRIES),
        _sheet((), sheet_number=16, day=dt.date(2026, 1, 13)),
        _sheet(ENTRIES[:1], sheet_number=17, day=dt.date(2026, 1, 14), opening_balance="29850.50"),
    ]
    texts = [_flat(t) for t in page_texts(render_cash_book(days))]
    assert [re.findall(r"КАССА за (\S+) Лист (\d+)", t) for t in texts] == [
        [("12.01.2026", "15")] * 2, [("13.01.2026", "16")] * 2, [("14.01.2026", "17")] * 2,
    ]


def test_no_accountant_leaves_the_name_line_empty():
    text = _flat(page_texts(render_cash_book([_sheet(ENTRIES, accountant_name="")]))[0])
    assert text.count("Бухгалтер подпись расшифровка подписи") == 2


# --- a day longer than a page -------------------------------------------------------------------


def _carried(text: str) -> list[tuple[str, str]]:
    return re.findall(r"Перенос Х ([\d ]+,\d\d) ([\d ]+,\d\d)", text)


def test_a_long_day_continues_with_the_header_repeated_and_the_sums_carried_forward():
    entries = _many(45)
    sheet = _sheet(entries, sheet_number=17)
    pdf = render_cash_book([sheet])
    texts = [_flat(t) for t in page_texts(pdf)]
    pages = len(texts)
    assert pages == sheet_pages(sheet) >= 3
    assert all(size == pytest.approx((210, 297), abs=0.5) for size in page_sizes_mm(pdf))

    header = ("Номер документа От кого получено или кому выдано Номер корреспондирующего счета, субсчета "
              "Приход, руб. коп. Расход, руб. коп. 1 2 3 4 5")
    came_in = went_out = Decimal(0)
    printed: list[int] = []
    for index, text in enumerate(texts):
        first, last = index == 0, index == pages - 1
        assert text.count(header) == 2, index  # the sheet and the report, on every page
        assert text.count(f"Лист {17 + index}") == 2  # every page is a sheet of the book
        assert text.count("КАССА за 12.01.2026") == 2
        assert ("Форма по ОКУД" in text) == first  # the code box and organization head the day
        assert ("Остаток на начало дня" in text) == first
        assert ("Итого за день" in text) == last and ("Кассир" in text) == last
        sheet_half = text.split("линия отреза")[0]
        rows = [int(n) for n in re.findall(r"(?:^|\s)(1\d\d) (?:Выручка|Тестова)", sheet_half)]
        printed += rows
        carried = _carried(sheet_half)
        if not first:  # brought forward at the top: what came in and went out before this page
            assert carried[0] == (_m(came_in), _m(went_out)), index
        for entry in entries:
            if int(entry.document_number) in rows:
                if entry.kind == "in":
                    came_in += entry.amount
                else:
                    went_out += entry.amount
        if not last:  # carried forward at the bottom: everything so far
            assert carried[-1] == (_m(came_in), _m(went_out)), index
            assert sheet_half.rindex("Перенос") > sheet_half.rindex(str(rows[-1]))
        assert len(carried) == (0 if first else 1) + (0 if last else 1)
        # The report below the cut line is the same table.
        report_half = text.split("линия отреза")[1]
        assert _carried(report_half) == carried
    assert printed == [int(e.document_number) for e in entries]  # every entry once, in order
    assert (came_in, went_out) == (sheet.total_in, sheet.total_out)
    last = texts[-1]
    assert f"Итого за день Х {_m(sheet.total_in)} {_m(sheet.total_out)}" in last
    assert f"Остаток на конец дня Х {_m(sheet.closing_balance)} Х" in last
    words_in, words_out = count_in_words(sheet.in_documents), count_in_words(sheet.out_documents)
    assert f"в количестве {words_in} приходных прописью и {words_out} расходных получил." in last
    _assert_inside(pdf)


@pytest.mark.parametrize("count", [0, 1, 8, 9, 10, 11, 18, 19, 20, 30, 31, 60])
def test_page_breaks_keep_every_entry_and_each_half_off_the_cut_line(count):
    sheet = _sheet(_many(count))
    pdf = render_cash_book([sheet])
    texts = [_flat(t).split("линия отреза")[0] for t in page_texts(pdf)]
    assert len(texts) == sheet_pages(sheet)
    printed = [int(n) for t in texts for n in re.findall(r"(?:^|\s)(1\d\d) (?:Выручка|Тестова)", t)]
    assert printed == [int(e.document_number) for e in sheet.entries]
    assert "Итого за день" in texts[-1] and all("Итого за день" not in t for t in texts[:-1])
    low, high = cash_book.CUT_Y - cash_book.CUT_GAP + 0.5, cash_book.CUT_Y + cash_book.CUT_GAP - 0.5
    for index in range(len(texts)):
        (label,) = char_boxes(pdf, index, "линия отреза")
        label_left, label_right = min(b.left for b in label), max(b.right for b in label)
        for boxes in char_boxes(pdf, index, r"\S+"):
            for box in boxes:
                if low < box.top and box.bottom < high:  # only the cut line's own label lives there
                    assert label_left <= box.left and box.right <= label_right, (index, box)
    _assert_inside(pdf)


# --- hostile data -------------------------------------------------------------------------------


def test_a_long_counterparty_is_cut_inside_its_column():
    entries = (_entry(7, "in", counterparty=LONG_TEXT_300, account="90.01.1.2.3.4.5.6.7.8.9"), *ENTRIES)
    pdf = render_cash_book([_sheet(entries)])
    text = _flat(page_texts(pdf)[0])
    assert "7 Вымышленный получатель для проверки" in text
    assert LONG_TEXT_300 not in text and "…" in text
    edges = _column_edges_pt()
    for boxes in char_boxes(pdf, 0, r"Вымышленный[^\r\n]*?…"):
        assert edges[1] <= min(b.left for b in boxes) and max(b.right for b in boxes) <= edges[2]
        assert max(b.bottom for b in boxes) - min(b.bottom for b in boxes) < 3  # one line
    for boxes in char_boxes(pdf, 0, r"90\.01\.1[\d.]*…"):
        assert edges[2] <= min(b.left for b in boxes) and max(b.right for b in boxes) <= edges[3]
    _assert_inside(pdf)


def test_markup_characters_print_as_they_are():
    hostile = "<b>Тестов & сын</b> &amp; <i>"
    entries = (_entry(5, "in", counterparty=hostile, account="<90>"),)
    sheet = _sheet(entries, organization_name=f"ООО «{hostile}»", department="<br/>", cashier_name="<b>&",
                   accountant_name="&lt;")
    text = _flat(page_texts(render_cash_book([sheet]))[0])
    assert f"5 {hostile} <90>" in text
    assert f"ООО «{hostile}» организация" in text
    assert "<br/> структурное подразделение" in text
    assert "Кассир <b>& подпись" in text and "Бухгалтер &lt; подпись" in text


def test_long_names_and_huge_sums_stay_inside_the_page():
    entries = (_entry(1, "in", "9999999999.99", counterparty=LONG_TEXT_300), _entry(2, "out", "5555555555.55"))
    sheet = _sheet(entries, organization_name=LONG_TEXT_300, department=LONG_TEXT_300,
                   cashier_name=LONG_TEXT_300, accountant_name=LONG_TEXT_300, okpo="0" * 30,
                   opening_balance="77777777777.77", sheet_number=123456)
    pdf = render_cash_book([sheet])
    _assert_inside(pdf)
    edges = _column_edges_pt()
    for value, column in ((Decimal("9999999999.99"), 3), (Decimal("5555555555.55"), 4)):
        pattern = r"\s*".join(re.escape(part) for part in money(value).split(NBSP))
        for boxes in char_boxes(pdf, 0, pattern):
            assert all(edges[column] <= b.left and b.right <= edges[column + 1] for b in boxes), value


# --- refused input ------------------------------------------------------------------------------


def test_totals_that_disagree_with_the_entries_are_refused():
    with pytest.raises(ValueError, match="disagree"):
        render_cash_book([_sheet(ENTRIES, total_in=Decimal("1.00"))])
    with pytest.raises(ValueError, match="closing balance"):
        render_cash_book([_sheet(ENTRIES, closing_balance=Decimal("0.00"))])
    with pytest.raises(ValueError, match="kinds"):
        render_cash_book([_sheet((_entry(1, "sideways"),), total_in=Decimal(0))])
    with pytest.raises(ValueError, match="No cash book sheets"):
        render_cash_book([])


def test_the_font_is_embedded():
    assert b"/FontFile2" in render_cash_book([_sheet(ENTRIES)])
