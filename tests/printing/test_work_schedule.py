from __future__ import annotations

import datetime as dt
import re

import pytest

from printing import work_schedule
from printing.work_schedule import render_work_schedule
from shared.services.schedule_documents import ScheduleDepartment, ScheduleRow, WorkScheduleDocument
from tests.printing.pdf_helpers import (
    char_boxes,
    dirty_margins,
    is_pdf,
    page_sizes_mm,
    page_texts,
    rasterize,
)

ORG = "ООО «Тестовая клиника № 1»"
MONDAY = dt.date(2026, 11, 30)
WEEK = tuple(MONDAY + dt.timedelta(days=i) for i in range(7))
ORG_HOURS = ("08:00–20:00",) * 5 + ("09:00–15:00", "")
LONG_NAME = "Тестова-Длиннофамильная-Двойная Анастасия-Александра Бенедиктовна"
SPLIT_HOURS = "08:00–12:00, 13:00–17:00"


def _row(i: int) -> ScheduleRow:
    pattern = ["08:00–14:00", "14:00–20:00", "", SPLIT_HOURS, "09:00–15:00", "", ""]
    shift = i % 7
    return ScheduleRow(
        resource_name=f"Тестова А. Б. {i}",
        position="Врач-терапевт участковый" if i % 2 else "",
        offices=f"{100 + i}",
        hours=tuple(pattern[shift:] + pattern[:shift]),
    )


def _doc(departments: tuple[ScheduleDepartment, ...], days=WEEK, org_hours=ORG_HOURS) -> WorkScheduleDocument:
    return WorkScheduleDocument(
        organization_name=ORG,
        organization_address="г. Тестовск, ул. Примерная, д. 1",
        organization_phone="+7 (000) 000-00-00",
        days=days,
        organization_hours=org_hours,
        departments=departments,
        printed_on=dt.date(2026, 11, 27),
    )


def _department(name: str, rows: int) -> ScheduleDepartment:
    return ScheduleDepartment(name, tuple(_row(i) for i in range(rows)))


def test_small_schedule_is_one_a4_landscape_page_with_the_content():
    pdf = render_work_schedule(_doc((_department("Отделение терапии", 3),)))
    assert is_pdf(pdf)
    sizes = page_sizes_mm(pdf)
    assert len(sizes) == 1
    width, height = sizes[0]
    assert width == pytest.approx(297, abs=0.5) and height == pytest.approx(210, abs=0.5)

    text = page_texts(pdf)[0]
    assert "Расписание работы медицинской организации" in text
    assert ORG in text
    assert "г. Тестовск, ул. Примерная, д. 1" in text
    assert "+7 (000) 000-00-00" in text
    assert "Режим работы организации" in text
    assert "Отделение терапии" in text
    for header in ("Специалист", "Кабинет", "Пн 30.11", "Сб 05.12", "Вс 06.12"):
        assert header in text
    assert "Тестова А. Б. 1" in text and "Врач-терапевт участковый" in text
    assert "08:00–14:00" in text and "14:00–20:00" in text
    assert "—" in text  # days off
    assert "Дата печати: 27.11.2026" in text
    assert "стр. 1" in text
    assert "\ufffd" not in text


def test_many_rows_flow_onto_numbered_pages_with_repeated_headers():
    names = ("Отделение терапии", "Отделение хирургии", "Отделение диагностики")
    pdf = render_work_schedule(_doc(tuple(_department(n, 40) for n in names)))
    texts = page_texts(pdf)
    small = page_texts(render_work_schedule(_doc((_department(names[0], 3),))))
    assert len(texts) > 1 and len(texts) > len(small)
    assert all(size == pytest.approx((297, 210), abs=0.5) for size in page_sizes_mm(pdf))
    for number, text in enumerate(texts, start=1):
        assert f"стр. {number}" in text
        assert "Дата печати: 27.11.2026" in text
        # Every page that continues a table starts with its department name and column headers.
        assert "Специалист" in text and "Пн 30.11" in text
        assert any(name in text for name in names)
    everything = "\n".join(texts)
    for name in names:
        assert name in everything
    # Every row is printed exactly once: 3 departments x 40 rows.
    assert len(re.findall(r"Тестова А\. Б\. \d+\b", everything)) == 120
    assert "Тестова А. Б. 39" in texts[-1]


def test_long_names_wrap_inside_their_cell_and_hours_stay_in_their_columns():
    rows = (
        ScheduleRow(LONG_NAME, "Врач — детский эндокринолог высшей квалификационной категории", "101, 102, 103",
                    (SPLIT_HOURS,) * 7),
        _row(1),
    )
    pdf = render_work_schedule(_doc((ScheduleDepartment("Отделение терапии", rows),)))
    assert len(page_texts(pdf)) == 1
    left = work_schedule.MARGIN_LEFT
    edges = [left]
    for width in work_schedule._column_widths(_doc(())):
        edges.append(edges[-1] + width)
    clearance = 1.0  # points between a glyph and a grid line

    def inside_one_column(boxes) -> bool:
        for a, b in zip(edges, edges[1:], strict=False):
            if all(a + clearance <= box.left and box.right <= b - clearance for box in boxes):
                return True
        return False

    # The long name is split over lines; every word stays in the "Специалист" column.
    words = [w for w in re.split(r"[\s-]+", LONG_NAME) if w != "Тестова"]  # "Тестова" is also in ORG
    name_boxes = [box for word in words for match in char_boxes(pdf, 0, re.escape(word)) for box in match]
    assert name_boxes
    assert all(edges[0] + clearance <= b.left and b.right <= edges[1] - clearance for b in name_boxes)
    assert len({round(b.bottom) for b in name_boxes}) > 1  # wrapped

    intervals = char_boxes(pdf, 0, r"\d\d:\d\d–\d\d:\d\d")
    assert len(intervals) >= 7 * 2 + 7  # the long row, the short row, the organization's hours
    assert all(inside_one_column(boxes) for boxes in intervals)

    offices = char_boxes(pdf, 0, r"101,\s*102,\s*103")  # wraps inside its narrow column
    assert offices and all(edges[1] + clearance <= b.left and b.right <= edges[2] - clearance for b in offices[0])


def test_nothing_is_drawn_within_5_mm_of_the_paper_edge():
    pdf = render_work_schedule(_doc((_department("Отделение терапии", 45), _department("Отделение пустое", 0))))
    pages = rasterize(pdf, dpi=150)
    assert len(pages) > 1
    for image in pages:
        assert image.getextrema()[0] < 128  # something is printed at all
        assert dirty_margins(image, dpi=150) == []


def test_empty_departments_and_idle_resources_render():
    idle = ScheduleRow("Кабинет УЗИ", "", "", ("",) * 7)
    pdf = render_work_schedule(
        _doc((ScheduleDepartment("Отделение пустое", ()), ScheduleDepartment("Отделение УЗИ", (idle,))))
    )
    text = page_texts(pdf)[0]
    assert "Отделение пустое" in text and "Нет специалистов" in text
    assert "Кабинет УЗИ" in text
    assert text.count("—") >= 7


def test_no_departments_and_no_days_render():
    text = page_texts(render_work_schedule(_doc(())))[0]
    assert ORG in text and "не составлено" in text
    pdf = render_work_schedule(_doc((ScheduleDepartment("Отделение терапии", (ScheduleRow("Тестова А. Б.", "", "", ()),)),),
                                    days=(), org_hours=()))
    assert "Тестова А. Б." in page_texts(pdf)[0]


def test_hours_not_matching_the_days_are_refused():
    bad = ScheduleRow("Тестова А. Б.", "", "101", ("08:00–14:00",) * 6)
    with pytest.raises(ValueError, match="Тестова А. Б."):
        render_work_schedule(_doc((ScheduleDepartment("Отделение терапии", (bad,)),)))
    with pytest.raises(ValueError, match="organization_hours"):
        render_work_schedule(_doc((), org_hours=ORG_HOURS[:3]))


def test_the_font_is_embedded():
    pdf = render_work_schedule(_doc((_department("Отделение терапии", 1),)))
    assert b"/FontFile2" in pdf  # a TrueType subset travels with the PDF
