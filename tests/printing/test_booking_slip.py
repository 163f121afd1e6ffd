from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from printing.booking_slip import render_booking_slip, time_range
from shared.services.schedule_documents import BookingSlip
from tests.printing.pdf_helpers import (
    char_boxes,
    decode_code128,
    dirty_margins,
    is_pdf,
    page_sizes_mm,
    page_texts,
    rasterize,
)

YEKATERINBURG = dt.timezone(dt.timedelta(hours=5))

SLIP = BookingSlip(
    organization_name="ООО «Тестовая клиника № 1»",
    organization_address="г. Тестовск, ул. Примерная, д. 1",
    organization_phone="+7 (000) 000-00-00",
    booking_number="2026-000123",
    patient_name="Тестова Анна Борисовна",
    card_number="К-0042",
    service_name="Ультразвуковое исследование органов брюшной полости",
    doctor_name="Примеров П. П.",
    doctor_position="Врач ультразвуковой диагностики",
    office="каб. 101, 1 этаж",
    starts_at=dt.datetime(2026, 11, 30, 9, 0, tzinfo=YEKATERINBURG),
    # Given in UTC on purpose: printed in the start's zone it is 09:15.
    ends_at=dt.datetime(2026, 11, 30, 4, 15, tzinfo=dt.UTC),
    preparation="Натощак: не есть 8 часов до исследования. Взять с собой направление.",
    booked_by="Регистратор Тестов Т. Т.",
    printed_at=dt.datetime(2026, 11, 27, 10, 5, tzinfo=dt.UTC),
)


def test_slip_is_one_a6_portrait_page_with_the_booking():
    pdf = render_booking_slip(SLIP)
    assert is_pdf(pdf)
    sizes = page_sizes_mm(pdf)
    assert len(sizes) == 1
    assert sizes[0] == pytest.approx((105, 148), abs=0.5)
    text = page_texts(pdf)[0]
    for expected in (
        "ООО «Тестовая клиника № 1»",
        "г. Тестовск, ул. Примерная, д. 1",
        "+7 (000) 000-00-00",
        "Талон на приём № 2026-000123",
        "Тестова Анна Борисовна",
        "К-0042",
        "Ультразвуковое исследование",
        "Примеров П. П.",
        "Врач ультразвуковой диагностики",
        "каб. 101, 1 этаж",
        "30.11.2026, понедельник",
        "09:00–09:15",
        "Натощак: не есть 8 часов",
        "Выдал: Регистратор Тестов Т. Т.",
        "Напечатано: 27.11.2026 15:05",  # 10:05 UTC in the organization's zone
    ):
        assert expected in text, expected
    assert "\ufffd" not in text


def test_times_are_shown_in_the_zone_of_the_start():
    assert time_range(SLIP.starts_at, SLIP.ends_at) == "09:00–09:15"
    moscow = dt.timezone(dt.timedelta(hours=3))
    starts = dt.datetime(2026, 3, 2, 17, 30, tzinfo=moscow)
    slip = dataclasses.replace(SLIP, starts_at=starts, ends_at=starts + dt.timedelta(minutes=45))
    text = page_texts(render_booking_slip(slip))[0]
    assert "17:30–18:15" in text and "02.03.2026, понедельник" in text


def test_optional_parts_are_left_out():
    slip = dataclasses.replace(SLIP, card_number="", doctor_name="", doctor_position="", preparation="")
    text = page_texts(render_booking_slip(slip))[0]
    assert "Медкарта" not in text
    assert "Врач" not in text
    assert "Подготовка" not in text
    assert "Тестова Анна Борисовна" in text and "09:00–09:15" in text


def test_barcode_scans_back_to_the_booking_number():
    image = rasterize(render_booking_slip(SLIP), dpi=600)[0]
    assert decode_code128(image) == "2026-000123"


def test_a_number_code128_cannot_carry_gets_no_barcode():
    slip = dataclasses.replace(SLIP, booking_number="Т-17")
    pdf = render_booking_slip(slip)
    assert "Талон на приём № Т-17" in page_texts(pdf)[0]
    assert decode_code128(rasterize(pdf, dpi=300)[0]) is None


def _title_height(pdf: bytes) -> float:
    (boxes,) = char_boxes(pdf, 0, "Талон")
    return max(b.top - b.bottom for b in boxes)


@pytest.mark.parametrize(
    "preparation",
    ["", "Натощак. " * 3, "Не есть и не пить 8 часов. " * 30, "Подготовка к исследованию: " * 90],
    ids=["none", "short", "long", "very-long"],
)
def test_slip_stays_on_one_page_inside_a_5_mm_margin(preparation):
    pdf = render_booking_slip(dataclasses.replace(SLIP, preparation=preparation))
    pages = rasterize(pdf, dpi=150)
    assert len(pages) == 1
    assert dirty_margins(pages[0], dpi=150) == []
    text = page_texts(pdf)[0]
    assert "Выдал: Регистратор Тестов Т. Т." in text and "09:00–09:15" in text
    assert preparation[:20] in text


def test_long_instructions_get_smaller_type_but_the_slip_head_keeps_its_size():
    normal = _title_height(render_booking_slip(SLIP))
    long = _title_height(render_booking_slip(dataclasses.replace(SLIP, preparation="Не есть 8 часов. " * 40)))
    assert long == pytest.approx(normal, rel=0.01)
