from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal

import pytest

from printing import invoice
from printing._common import NBSP, date_words_ru, money, number
from printing.invoice import party_text, render_invoice
from shared.services.order_documents import InvoiceDocument, InvoiceLine, Party
from tests.printing.pdf_helpers import (
    MM,
    char_boxes,
    dirty_margins,
    is_pdf,
    page_sizes_mm,
    page_texts,
    rasterize,
)

# Everything below is made up: fictitious organizations, people, tax and bank numbers.
LONG_TEXT_300 = ("Вымышленное наименование для проверки переноса длинных строк " * 6)[:300]

SUPPLIER = Party(
    name="ООО «Тестовая клиника № 1»",
    inn="0000000000",
    kpp="000000000",
    address="000000, г. Тестовск, ул. Примерная, д. 1",
    phone="+7 (000) 000-00-00",
    bank_name="ПАО «Тестовый банк», г. Тестовск",
    bank_bik="000000000",
    bank_account="00000000000000000001",
    bank_corr_account="00000000000000000002",
)
PAYER = Party(
    name="ООО «Пример-Сервис»",
    inn="1111111111",
    kpp="111111111",
    address="000000, г. Тестовск, ул. Вымышленная, д. 2",
)


def _line(number_: int, *, name: str | None = None, quantity: int = 1, price: str = "1200.00",
          discount: str = "0", code: str | None = None) -> InvoiceLine:
    price_d, discount_d = Decimal(price), Decimal(discount)
    return InvoiceLine(
        number=number_,
        code=code if code is not None else f"T-{number_:03d}",
        name=name if name is not None else f"Тестовая услуга {number_}",
        quantity=quantity,
        unit="усл.",
        price=price_d,
        discount=discount_d,
        amount=price_d * quantity - discount_d,
        vat_rate="exempt",
        vat_amount=Decimal("0.00"),
    )


LINES = (
    _line(1, name="Приём врача-терапевта первичный"),
    _line(2, name="Ультразвуковое исследование органов брюшной полости", quantity=2, price="2500.00",
          discount="500.00"),
    _line(3, name="Общий анализ крови", quantity=3, price="450.50"),
)


def _doc(lines: tuple[InvoiceLine, ...] = LINES, **changes) -> InvoiceDocument:
    total = sum((line.amount for line in lines), Decimal("0.00"))
    doc = InvoiceDocument(
        number="С-2026-000045",
        date=dt.date(2026, 11, 25),
        supplier=SUPPLIER,
        payer=PAYER,
        basis="Договор № 12/2026 от 01.02.2026",
        lines=lines,
        total=total,
        vat_total=Decimal("0.00"),
        total_in_words="Шесть тысяч пятьдесят один рубль 50 копеек",
        pay_by=dt.date(2026, 12, 5),
        head_name="Тестов Т. Т.",
        accountant_name="Примерова П. П.",
    )
    return dataclasses.replace(doc, **changes)


def _flat(text: str) -> str:
    """Page text with every run of whitespace (line breaks, non-breaking spaces) as one space."""
    return " ".join(text.split())


def _assert_text_inside_frame(pdf: bytes) -> None:
    """Every printed character lies within the page margins (nothing runs off the sheet)."""
    width = invoice.PAGE_SIZE[0]
    left, right = invoice.MARGIN_LEFT - 0.5, width - invoice.MARGIN_RIGHT + 0.5
    for index, (_, h_mm) in enumerate(page_sizes_mm(pdf)):
        boxes = [box for match in char_boxes(pdf, index, r"\S+") for box in match]
        assert boxes
        for box in boxes:
            assert left <= box.left and box.right <= right, (index, box)
            assert 5 * MM <= box.bottom and box.top <= h_mm * MM - 5 * MM, (index, box)


# --- formatting helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("0"), "0,00"),
        (Decimal("5.5"), "5,50"),
        (Decimal("999.99"), "999,99"),
        (Decimal("1200"), "1 200,00"),
        (Decimal("1234567.891"), "1 234 567,89"),
        (Decimal("0.005"), "0,01"),  # half a kopeck rounds up
        (Decimal("-1500.00"), "-1 500,00"),
        (12000, "12 000,00"),
    ],
)
def test_money_groups_thousands_with_a_non_breaking_space(value, expected):
    assert money(value) == expected.replace(" ", NBSP)


def test_number_and_long_dates():
    assert number(12000) == f"12{NBSP}000" and number(7) == "7"
    assert date_words_ru(dt.date(2026, 11, 25)) == "25 ноября 2026 г."
    assert date_words_ru(dt.date(2026, 3, 5)) == "05 марта 2026 г."
    months = [date_words_ru(dt.date(2026, m, 1)).split()[1] for m in range(1, 13)]
    assert months == ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                      "сентября", "октября", "ноября", "декабря"]


def test_party_text_leaves_out_what_is_missing():
    person = Party(name="Тестов Тест Тестович", inn="", kpp="", address="г. Тестовск, ул. Примерная, д. 3")
    assert party_text(person, with_bank=True) == "Тестов Тест Тестович, г. Тестовск, ул. Примерная, д. 3"
    assert party_text(SUPPLIER, with_bank=False) == (
        "ООО «Тестовая клиника № 1», ИНН 0000000000, КПП 000000000, "
        "000000, г. Тестовск, ул. Примерная, д. 1, тел.: +7 (000) 000-00-00"
    )
    assert "р/с 00000000000000000001 в ПАО «Тестовый банк», г. Тестовск, БИК 000000000" in party_text(
        SUPPLIER, with_bank=True
    )


# --- the form -----------------------------------------------------------------------------------


def test_invoice_is_one_a4_portrait_page_with_everything_on_it():
    pdf = render_invoice(_doc())
    assert is_pdf(pdf)
    sizes = page_sizes_mm(pdf)
    assert len(sizes) == 1
    assert sizes[0] == pytest.approx((210, 297), abs=0.5)
    raw = page_texts(pdf)[0]
    text = _flat(raw)
    for expected in (
        # the bank details box
        "ПАО «Тестовый банк», г. Тестовск",
        "Банк получателя",
        "БИК 000000000",
        "Сч. № 00000000000000000002",
        "ИНН 0000000000 КПП 000000000 Сч. № 00000000000000000001",
        "Получатель",
        # the title, the parties, the basis
        "Счёт на оплату № С-2026-000045 от 25 ноября 2026 г.",
        "Поставщик (Исполнитель): ООО «Тестовая клиника № 1», ИНН 0000000000, КПП 000000000",
        "Покупатель (Заказчик): ООО «Пример-Сервис», ИНН 1111111111, КПП 111111111",
        "ул. Вымышленная, д. 2",
        "Основание: Договор № 12/2026 от 01.02.2026",
        # the table
        "№ Код Наименование Кол-во Ед. Цена Скидка Сумма",
        "1 T-001 Приём врача-терапевта первичный 1 усл. 1 200,00 — 1 200,00",
        "2 500,00 500,00 4 500,00",
        "3 T-003 Общий анализ крови 3 усл. 450,50 — 1 351,50",
        # the totals
        "Итого: 7 051,50",
        "Без НДС —",
        "Всего к оплате: 7 051,50",
        "Всего наименований 3, на сумму 7 051,50 руб.",
        "Шесть тысяч пятьдесят один рубль 50 копеек",
        "Оплатить до 05.12.2026",
        "Руководитель Тестов Т. Т.",
        "Бухгалтер Примерова П. П.",
    ):
        assert expected in text, expected
    assert "В том числе НДС" not in text
    assert "стр." not in text  # a one-page invoice carries no page numbers
    assert "\ufffd" not in raw
    # Money never breaks between lines: its groups stay together in the raw text.
    assert "Всего к оплате: 7 051,50" in raw


def test_vat_line_when_the_invoice_carries_vat():
    text = _flat(page_texts(render_invoice(_doc(vat_total=Decimal("1175.25"))))[0])
    assert "В том числе НДС: 1 175,25" in text
    assert "Без НДС" not in text


def test_optional_fields_left_empty():
    person = Party(name="Тестов Тест Тестович", inn="", kpp="", address="")
    bare_supplier = Party(name="ООО «Тестовая клиника № 1»", inn="0000000000", kpp="", address="")
    doc = _doc(supplier=bare_supplier, payer=person, basis="", pay_by=None, total_in_words="",
               head_name="", accountant_name="")
    pdf = render_invoice(doc)
    text = _flat(page_texts(pdf)[0])
    assert "Покупатель (Заказчик): Тестов Тест Тестович" in text
    assert "Основание" not in text
    assert "Оплатить до" not in text
    assert "Руководитель" in text and "Бухгалтер" in text
    assert "БИК" in text and "ИНН 0000000000 КПП" in text  # the box keeps its shape
    assert "Всего к оплате: 7 051,50" in text


def test_an_invoice_without_lines():
    text = _flat(page_texts(render_invoice(_doc(lines=())))[0])
    assert "В счёте нет позиций." in text
    assert "Всего наименований 0, на сумму 0,00 руб." in text


def _many_lines(count: int) -> tuple[InvoiceLine, ...]:
    return tuple(
        _line(i, name=f"Тестовая услуга {i}" + (f" {LONG_TEXT_300}" if i % 6 == 0 else ""),
              quantity=i % 3 + 1, price=f"{1000 + 37 * i}.50", discount="100.00" if i % 4 == 0 else "0")
        for i in range(1, count + 1)
    )


def test_eighty_lines_continue_on_numbered_pages_with_the_header_repeated():
    lines = _many_lines(80)
    pdf = render_invoice(_doc(lines=lines))
    texts = [_flat(t) for t in page_texts(pdf)]
    pages = len(texts)
    assert pages > 1
    assert all(size == pytest.approx((210, 297), abs=0.5) for size in page_sizes_mm(pdf))
    for number_, text in enumerate(texts, start=1):
        assert "№ Код Наименование Кол-во Ед. Цена Скидка Сумма" in text
        assert f"стр. {number_} из {pages}" in text
        assert "Счёт на оплату № С-2026-000045 от 25.11.2026" in text
    codes = [int(c) for text in texts for c in re.findall(r"T-(\d{3})", text)]
    assert codes == list(range(1, 81))  # every line once, in order
    total = money(sum((line.amount for line in lines), Decimal("0")))
    last = texts[-1]
    assert last.index("T-080") < last.index("Итого:") < last.index("Всего к оплате:") < last.index("Руководитель")
    assert f"Всего наименований 80, на сумму {_flat(total)} руб." in last
    assert "Всего к оплате" not in " ".join(texts[:-1])


def test_long_invoice_keeps_every_character_inside_the_margins():
    pdf = render_invoice(_doc(lines=_many_lines(80)))
    for image in rasterize(pdf, dpi=100):
        assert image.getextrema()[0] < 128
        assert dirty_margins(image, dpi=100) == []
    _assert_text_inside_frame(pdf)


def test_long_names_everywhere_wrap_inside_the_page():
    long_party = Party(
        name=f"ООО «{LONG_TEXT_300}»", inn="2222222222", kpp="222222222", address=LONG_TEXT_300,
        phone="+7 (000) 000-00-01", bank_name=LONG_TEXT_300, bank_bik="222222222",
        bank_account="22222222222222222222", bank_corr_account="22222222222222222223",
    )
    doc = _doc(
        lines=(_line(1, name=LONG_TEXT_300, code="A04.16.001.001.999"), *LINES[1:]),
        supplier=long_party, payer=long_party, basis=LONG_TEXT_300, total_in_words=LONG_TEXT_300,
        head_name=LONG_TEXT_300, accountant_name=LONG_TEXT_300,
    )
    pdf = render_invoice(doc)
    for image in rasterize(pdf, dpi=100):
        assert dirty_margins(image, dpi=100) == []
    _assert_text_inside_frame(pdf)
    text = _flat(" ".join(page_texts(pdf)))
    assert "Всего к оплате: 7 051,50" in text and "Руководитель" in text


def test_money_stays_inside_its_right_aligned_columns():
    big = _line(1, quantity=1000, price="9999999.99", discount="123456.78")
    pdf = render_invoice(_doc(lines=(big, *LINES[1:])))
    edges = [invoice.MARGIN_LEFT]
    for width in invoice.column_widths():
        edges.append(edges[-1] + width)
    for value, column in ((money(big.price), 5), (money(big.discount), 6), (money(big.amount), 7)):
        pattern = r"\s*".join(re.escape(part) for part in value.split(NBSP))
        (boxes,) = char_boxes(pdf, 0, pattern)
        assert all(edges[column] + 1 <= b.left and b.right <= edges[column + 1] - 1 for b in boxes), value
        # On one line (a line is 10 points; the comma reaches a little below the digits).
        assert max(b.bottom for b in boxes) - min(b.bottom for b in boxes) < 3, value
        assert edges[column + 1] - max(b.right for b in boxes) < 4  # flush right


def test_pathologically_long_line_name_still_renders():
    huge = _line(1, name="Очень длинное наименование услуги " * 200)
    pdf = render_invoice(_doc(lines=(huge, *LINES[1:])))
    texts = page_texts(pdf)
    assert len(texts) > 1
    words = " ".join(texts).split()
    assert words.count("Очень") == 200
    for image in rasterize(pdf, dpi=72):
        assert dirty_margins(image, dpi=72) == []


def test_the_font_is_embedded():
    assert b"/FontFile2" in render_invoice(_doc())
