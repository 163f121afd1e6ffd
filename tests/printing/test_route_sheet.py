from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from printing import route_sheet
from printing._common import FONT_ITALIC, italic_font
from printing.route_sheet import render_route_sheet, stop_time
from shared.services.order_documents import RouteSheet, RouteStop
from tests.printing.pdf_helpers import (
    MM,
    char_boxes,
    dirty_margins,
    is_pdf,
    page_sizes_mm,
    page_texts,
    rasterize,
)

# Everything below is made up: fictitious organization, people, numbers.
YEKATERINBURG = dt.timezone(dt.timedelta(hours=5))
MONDAY_9 = dt.datetime(2026, 11, 30, 9, 0, tzinfo=YEKATERINBURG)
LONG_TEXT_300 = ("Тестовый текст для проверки переноса длинных строк " * 6)[:300]
LONG_DOUBLE_NAME = "Тестова-Длиннофамильная-Вымышленная Анастасия-Александра Бенедиктовна"


def _stop(position: int, **changes) -> RouteStop:
    starts = MONDAY_9 + dt.timedelta(minutes=30 * (position - 1))
    stop = RouteStop(
        position=position,
        service_name=f"Ультразвуковое исследование органов брюшной полости {position}",
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=15),
        doctor_name="Примеров П. П.",
        office="каб. 101, 1 этаж",
        department="Отделение функциональной диагностики",
        preparation="",
        paid=True,
        payer_name="Пациент",
    )
    return dataclasses.replace(stop, **changes)


STOPS = (
    _stop(1, preparation="Натощак: не есть 8 часов до исследования. Взять с собой направление."),
    _stop(
        2,
        service_name="Приём врача-терапевта первичный",
        doctor_name="Образцова О. О.",
        office="каб. 205, 2 этаж",
        department="Терапевтическое отделение",
        paid=False,
        payer_name="ООО «Тестовая страховая компания»",
    ),
    _stop(3, service_name="Общий анализ крови", starts_at=None, ends_at=None, doctor_name="", office="",
          department="", paid=False),
)

SHEET = RouteSheet(
    organization_name="ООО «Тестовая клиника № 1»",
    organization_address="г. Тестовск, ул. Примерная, д. 1",
    organization_phone="+7 (000) 000-00-00",
    order_number="З-2026-000123",
    order_date=dt.date(2026, 11, 27),
    patient_name="Тестова Анна Борисовна",
    card_number="К-0042",
    stops=STOPS,
    printed_by="Регистратор Тестов Т. Т.",
    printed_at=dt.datetime(2026, 11, 27, 10, 5, tzinfo=dt.UTC),
)


def _flat(text: str) -> str:
    """Page text with every run of whitespace (line breaks, non-breaking spaces) as one space."""
    return " ".join(text.split())


def _all_boxes(pdf: bytes, page_index: int):
    return [box for match in char_boxes(pdf, page_index, r"\S+") for box in match]


def _assert_text_inside_frame(pdf: bytes) -> None:
    """Every printed character lies within the page margins (nothing runs off the sheet)."""
    width = route_sheet.PAGE_SIZE[0]
    left, right = route_sheet.MARGIN_LEFT - 0.5, width - route_sheet.MARGIN_RIGHT + 0.5
    for index, (_, h_mm) in enumerate(page_sizes_mm(pdf)):
        height = h_mm * MM
        boxes = _all_boxes(pdf, index)
        assert boxes
        for box in boxes:
            assert left <= box.left and box.right <= right, (index, box)
            assert 5 * MM <= box.bottom and box.top <= height - 5 * MM, (index, box)


def test_route_sheet_is_one_a4_portrait_page_with_the_order():
    pdf = render_route_sheet(SHEET)
    assert is_pdf(pdf)
    sizes = page_sizes_mm(pdf)
    assert len(sizes) == 1
    assert sizes[0] == pytest.approx((210, 297), abs=0.5)
    raw = page_texts(pdf)[0]
    text = _flat(raw)
    for expected in (
        "ООО «Тестовая клиника № 1»",
        "г. Тестовск, ул. Примерная, д. 1",
        "тел. +7 (000) 000-00-00",
        "Маршрутный лист",
        "к заказу № З-2026-000123 от 27.11.2026",
        "Пациент: Тестова Анна Борисовна",
        "Медкарта №: К-0042",
        "№ Время Услуга Врач Кабинет Отделение Оплата",
        "30.11.2026 09:00–09:15",
        "30.11.2026 09:30–09:45",
        "не записан",
        "Ультразвуковое исследование органов брюшной полости 1",
        "Приём врача-терапевта первичный",
        "Примеров П. П.",
        "Образцова О. О.",
        "каб. 101, 1 этаж",
        "каб. 205, 2 этаж",
        "Терапевтическое отделение",
        "оплачено",
        "к оплате",
        "Пациент",
        "ООО «Тестовая страховая компания»",
        "Подготовка: Натощак: не есть 8 часов до исследования. Взять с собой направление.",
        # 10:05 UTC in the zone of the stops.
        "Выдал: Регистратор Тестов Т. Т., 27.11.2026 15:05",
        "стр. 1 из 1",
    ):
        assert expected in text, expected
    assert "\ufffd" not in raw
    assert text.count("к оплате") == 2 and text.count("оплачено") == 1
    # The unbooked stop without doctor, office and department shows dashes in those cells.
    assert re.search(r"3 не записан Общий анализ крови — — — к оплате", text), text


def test_stop_rows_keep_their_order_and_preparation_follows_its_stop():
    text = _flat(page_texts(render_route_sheet(SHEET))[0])
    first = text.index("брюшной полости 1")
    preparation = text.index("Подготовка: Натощак")
    second = text.index("Приём врача-терапевта")
    third = text.index("Общий анализ крови")
    assert first < preparation < second < third


def test_stops_are_printed_by_position_whatever_the_tuple_order():
    sheet = dataclasses.replace(SHEET, stops=tuple(reversed(STOPS)))
    text = _flat(page_texts(render_route_sheet(sheet))[0])
    assert text.index("брюшной полости 1") < text.index("Приём врача-терапевта") < text.index("Общий анализ")


def test_stop_time_formats():
    assert stop_time(STOPS[0]) == "30.11.2026 09:00–09:15"
    assert stop_time(STOPS[2]) == "не записан"
    # The end given in UTC prints in the zone of the start.
    utc_end = dataclasses.replace(STOPS[0], ends_at=dt.datetime(2026, 11, 30, 4, 40, tzinfo=dt.UTC))
    assert stop_time(utc_end) == "30.11.2026 09:00–09:40"
    assert stop_time(dataclasses.replace(STOPS[0], ends_at=None)) == "30.11.2026 09:00"
    late = dataclasses.replace(
        STOPS[0],
        starts_at=dt.datetime(2026, 11, 30, 23, 30, tzinfo=YEKATERINBURG),
        ends_at=dt.datetime(2026, 12, 1, 0, 30, tzinfo=YEKATERINBURG),
    )
    assert stop_time(late) == "30.11.2026 23:30–01.12.2026 00:30"


def test_empty_optional_fields():
    bare = _stop(1, doctor_name="", office="", department="", preparation="", payer_name="", paid=False,
                 starts_at=None, ends_at=None)
    sheet = dataclasses.replace(
        SHEET, organization_address="", organization_phone="", card_number="", printed_by="", stops=(bare,),
        printed_at=dt.datetime(2026, 11, 27, 10, 5),
    )
    pdf = render_route_sheet(sheet)
    text = _flat(page_texts(pdf)[0])
    assert "Медкарта" not in text and "тел." not in text and "Подготовка" not in text
    assert "не записан" in text and "к оплате" in text
    assert "Выдал: 27.11.2026 10:05" in text  # no one named, no booked stop to take a zone from
    assert "Тестова Анна Борисовна" in text


def test_a_sheet_without_stops_says_so():
    text = _flat(page_texts(render_route_sheet(dataclasses.replace(SHEET, stops=())))[0])
    assert "В заказе нет услуг." in text
    assert "Выдал: Регистратор Тестов Т. Т., 27.11.2026 10:05" in text  # printed_at as given


def _many_stops(count: int) -> tuple[RouteStop, ...]:
    stops = []
    for i in range(1, count + 1):
        marker = f"У{i:03d}"
        service = f"{marker} Тестовая услуга" + (f" {LONG_TEXT_300}" if i % 7 == 0 else "")
        preparation = f"П{i:03d} {LONG_TEXT_300}" if i % 3 == 0 else ""
        stops.append(_stop(
            i,
            service_name=service,
            preparation=preparation,
            doctor_name=LONG_DOUBLE_NAME if i % 5 == 0 else "Примеров П. П.",
            starts_at=None if i % 11 == 0 else MONDAY_9 + dt.timedelta(minutes=20 * i),
            paid=bool(i % 2),
        ))
    return tuple(stops)


def test_sixty_stops_flow_onto_pages_with_repeated_headers_and_page_numbers():
    pdf = render_route_sheet(dataclasses.replace(SHEET, stops=_many_stops(60)))
    texts = [_flat(t) for t in page_texts(pdf)]
    pages = len(texts)
    assert pages > 1
    assert all(size == pytest.approx((210, 297), abs=0.5) for size in page_sizes_mm(pdf))
    for number, text in enumerate(texts, start=1):
        assert "№ Время Услуга Врач Кабинет Отделение Оплата" in text
        assert f"стр. {number} из {pages}" in text
        assert "Выдал: Регистратор Тестов Т. Т., 27.11.2026 15:05" in text
        assert "Маршрутный лист к заказу № З-2026-000123 · Тестова Анна Борисовна" in text

    # Every stop is printed exactly once, in order.
    markers = [int(m) for text in texts for m in re.findall(r"У(\d{3})", text)]
    assert markers == list(range(1, 61))
    # Instructions are never separated from their stop by a page break.
    for i in range(3, 61, 3):
        stop_page = next(p for p, text in enumerate(texts) if f"У{i:03d}" in text)
        prep_page = next(p for p, text in enumerate(texts) if f"П{i:03d}" in text)
        assert stop_page == prep_page, i
    assert LONG_TEXT_300.split()[-1] in texts[-1]


def test_long_pages_keep_every_character_inside_the_margins():
    pdf = render_route_sheet(dataclasses.replace(SHEET, stops=_many_stops(60)))
    for image in rasterize(pdf, dpi=100):
        assert image.getextrema()[0] < 128
        assert dirty_margins(image, dpi=100) == []
    _assert_text_inside_frame(pdf)


def test_long_names_wrap_inside_their_columns():
    stop = _stop(
        1,
        service_name=f"Комплексное обследование: {LONG_TEXT_300}",
        doctor_name=LONG_DOUBLE_NAME,
        department="Отделение-функциональной-диагностики-и-эндоскопии",
        payer_name="ООО «Тестовая-Страховая-Компания-С-Очень-Длинным-Названием»",
        preparation=LONG_TEXT_300,
    )
    sheet = dataclasses.replace(SHEET, patient_name=LONG_TEXT_300, stops=(stop,))
    pdf = render_route_sheet(sheet)
    assert len(page_texts(pdf)) == 1
    edges = [route_sheet.MARGIN_LEFT]
    for width in route_sheet.column_widths():
        edges.append(edges[-1] + width)

    def column_of(text: str, column: int) -> None:
        # The whole text, whatever line breaks the wrapping put into it (even inside a word).
        pattern = r"\s*".join(re.escape(ch) for ch in text if not ch.isspace())
        (boxes,) = char_boxes(pdf, 0, pattern)
        assert all(edges[column] + 1 <= b.left and b.right <= edges[column + 1] - 1 for b in boxes), text
        assert len({round(b.bottom) for b in boxes}) > 1, text  # wrapped onto several lines

    column_of(LONG_DOUBLE_NAME, 3)
    column_of(stop.department, 5)
    column_of(stop.payer_name, 6)
    column_of(stop.service_name, 2)
    _assert_text_inside_frame(pdf)


def test_pathologically_long_texts_still_render():
    huge = _stop(1, service_name="Очень длинное название услуги " * 150, preparation="Подготовка. " * 900)
    pdf = render_route_sheet(dataclasses.replace(SHEET, stops=(huge, _stop(2))))
    texts = [_flat(t) for t in page_texts(pdf)]
    assert len(texts) > 2
    # Nothing is lost where the text is cut into rows (words counted: the first lines of the stop
    # share their text lines with the other cells of its row).
    words = " ".join(texts).split()
    assert words.count("Очень") == 150 and words.count("услуги") == 150
    assert words.count("Подготовка.") == 900
    assert "брюшной полости 2" in texts[-1]
    for image in rasterize(pdf, dpi=72):
        assert dirty_margins(image, dpi=72) == []


def test_preparation_prints_in_italics_when_the_machine_has_an_italic_face():
    pdf = render_route_sheet(SHEET)
    assert b"/FontFile2" in pdf
    if italic_font() == FONT_ITALIC:
        assert b"Oblique" in pdf or b"Italic" in pdf
