"""The production calendar page of the head of registry against the real database: the demo's year
shows 1 January as a public holiday; a working day made a day off (a transferred day off) is stored;
filling the year from the Russian calendar keeps or overwrites that edit as asked; working hours with
a closing time before the opening one or a time like 25:00 are refused by the service with the weekday
named and nothing stored, good ones are stored. With MEDCENTER_SAVE_SCREENSHOTS=1 it saves the page to
docs/screenshots/production-calendar.png."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from medcenter_desktop import i18n
from medcenter_desktop.login_service import log_in
from medcenter_desktop.operations import wait_for_background_ops
from shared.demo.generator import DEMO_PASSWORD
from tests.qt.clinic_login import settings_for
from workstations.head_of_registry.calendar_page import FILL, CalendarPage

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT = 30000


@pytest.fixture
def session(clinic):
    session = log_in(settings_for(clinic, "REG-HEAD"), "headregistry", DEMO_PASSWORD)
    yield session
    wait_for_background_ops(TIMEOUT)
    session.close()


@pytest.fixture
def page(qtbot, session):
    page = CalendarPage(session)
    qtbot.addWidget(page)
    page.resize(1240, 760)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=TIMEOUT)
    return page


def stored_day(clinic, organization_id: int, day: dt.date):
    with clinic.connect() as conn:
        return conn.execute("SELECT kind, note FROM calendar_days WHERE organization_id = %s AND day = %s",
                            (organization_id, day)).fetchone()


def stored_hours(clinic, organization_id: int) -> dict[int, tuple[int, int]]:
    with clinic.connect() as conn:
        rows = conn.execute("SELECT weekday, opens_minute, closes_minute FROM working_hours "
                            "WHERE organization_id = %s AND department_id IS NULL", (organization_id,)).fetchall()
    return {w: (a, b) for w, a, b in rows}


def plain_working_day(page: CalendarPage) -> dt.date:
    """A working weekday of the shown year without a note, some weeks ahead when the year allows."""
    assert page.data is not None
    days = [e for e in page.data.days if e.kind == "working" and e.day.isoweekday() <= 5 and not e.note]
    later = [e.day for e in days if e.day >= dt.date.today() + dt.timedelta(days=14)]
    return (later or [e.day for e in days])[0]


def test_new_year_shows_as_a_holiday(qtbot, page):
    year = dt.date.today().year
    assert page.year == year and page.data is not None and page.data.year == year
    new_year = dt.date(year, 1, 1)
    entry = page.data.entry(new_year)
    assert entry is not None and entry.kind == "holiday" and entry.note
    tooltip = page.year_view.tooltip(new_year)
    assert "Public holiday" in tooltip and entry.note in tooltip
    assert not page.empty_notice.isVisible()

    # Painted in the holiday colour (a corner of the cell, away from the digit).
    image = page.year_view.grab().toImage()
    rect = page.year_view.day_rect(new_year)
    ratio = image.devicePixelRatio()
    pixel = image.pixelColor(int((rect.left() + 4) * ratio), int((rect.bottom() - 4) * ratio))
    assert pixel.name() == FILL["holiday"].name()

    page.select_day(new_year)
    assert page.day_kind.text() == "Public holiday" and page.note_edit.text() == entry.note
    assert not page.kind_buttons["holiday"].isEnabled() and page.kind_buttons["working"].isEnabled()

    # The demo has next year too; choosing a day of another year shows that year.
    page.next_button.click()
    qtbot.waitUntil(lambda: page.data.year == year + 1, timeout=TIMEOUT)
    assert page.data.entry(dt.date(year + 1, 1, 1)).kind == "holiday"
    page.select_day(dt.date(year, 3, 8))
    qtbot.waitUntil(lambda: page.data.year == year, timeout=TIMEOUT)
    assert page.year_view.selected == dt.date(year, 3, 8) and page.day_kind.text() == "Public holiday"

    # Dates, weekdays and months follow the UI language (the page's own texts come with the catalogue).
    i18n.install_translations("ru")
    assert "марта" in page.day_title.text() and "марта" in page.year_view.tooltip(dt.date(year, 3, 8))
    assert page.hours.open_checks[1].text() == "Понедельник"


def test_working_day_made_a_transferred_day_off_and_back_by_filling(qtbot, page, session, clinic):
    org = session.organization_id
    day = plain_working_day(page)
    page.select_day(day)
    assert page.selected_entry().kind == "working"
    page.note_edit.setText("Перенос выходного дня")
    qtbot.mouseClick(page.kind_buttons["weekend"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.selected_entry().kind == "weekend", timeout=TIMEOUT)
    assert tuple(stored_day(clinic, org, day)) == ("weekend", "Перенос выходного дня")
    assert "is now day off" in page.day_status.text()
    assert "Перенос выходного дня" in page.year_view.tooltip(day)

    # The right-click menu offers the kinds, the current one checked; choosing one stores it.
    other = day + dt.timedelta(days=1)
    menu = page.day_menu(other)
    kinds = {a.data(): a for a in menu.actions() if a.data()}
    assert set(kinds) == {"working", "shortened", "weekend", "holiday"} and kinds["working"].isChecked()
    page.note_edit.setText("День города")
    kinds["holiday"].trigger()
    qtbot.waitUntil(lambda: page.data.entry(other).kind == "holiday", timeout=TIMEOUT)
    assert tuple(stored_day(clinic, org, other)) == ("holiday", "День города")

    # Filling the year again keeps the edits when asked to, and overwrites them when asked to.
    page.fill_year(overwrite=False)
    qtbot.waitUntil(lambda: not page.busy and "is filled" in page.day_status.text(), timeout=TIMEOUT)
    wait_for_background_ops(TIMEOUT)
    assert stored_day(clinic, org, day)[0] == "weekend"
    page.fill_year(overwrite=True)
    qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.data.entry(day).kind == "working", timeout=TIMEOUT)
    assert tuple(stored_day(clinic, org, day)) == ("working", "")
    assert stored_day(clinic, org, other)[0] == "working"


def test_cancelled_fill_changes_nothing(qtbot, page, monkeypatch):
    called = []
    monkeypatch.setattr(page, "ask_overwrite", lambda: None)
    monkeypatch.setattr(page, "fill_year", lambda **kw: called.append(kw))
    page.seed_button.click()
    assert called == []
    monkeypatch.setattr(page, "ask_overwrite", lambda: True)
    page.seed_button.click()
    assert called == [{"overwrite": True}]


def _type(edit, text: str) -> None:
    edit.setText(text)
    edit.textEdited.emit(text)


def test_working_hours_refused_then_saved(qtbot, page, session, clinic, no_message_boxes):
    org = session.organization_id
    hours = page.hours
    before = stored_hours(clinic, org)
    assert before[1] == (8 * 60, 20 * 60) and 7 not in before
    assert hours.opens_edits[1].text() == "08:00" and hours.closes_edits[1].text() == "20:00"
    assert not hours.open_checks[7].isChecked() and not hours.opens_edits[7].isEnabled()

    # Closes before it opens: the service refuses, naming the weekday; nothing is stored.
    _type(hours.opens_edits[2], "18:00")
    _type(hours.closes_edits[2], "09:00")
    hours.save_button.click()
    qtbot.waitUntil(lambda: not page.busy and hours.error_label.isVisible(), timeout=TIMEOUT)
    assert hours.error_label.objectName() == "errorLabel"
    assert hours.error_label.text().startswith("Tuesday: ")
    assert "must end after they start" in hours.error_label.text()
    assert stored_hours(clinic, org) == before

    # A time that is no time.
    _type(hours.opens_edits[2], "08:00")
    _type(hours.closes_edits[2], "20:00")
    _type(hours.closes_edits[4], "25:00")
    hours.save_button.click()
    qtbot.waitUntil(lambda: not page.busy and "Thursday" in hours.error_label.text(), timeout=TIMEOUT)
    assert "must look like 08:30" in hours.error_label.text()
    assert stored_hours(clinic, org) == before
    assert no_message_boxes == []

    # Good hours: shorter Thursday, Saturday closed, Sunday open.
    _type(hours.closes_edits[4], "18:30")
    hours.open_checks[6].click()
    assert not hours.opens_edits[6].isEnabled()
    hours.open_checks[7].click()
    _type(hours.opens_edits[7], "10:00")
    _type(hours.closes_edits[7], "14:00")
    hours.save_button.click()
    qtbot.waitUntil(lambda: not page.busy and "saved" in hours.error_label.text(), timeout=TIMEOUT)
    assert hours.error_label.objectName() == "mutedLabel"
    expected = {**{d: (8 * 60, 20 * 60) for d in range(1, 6)}, 4: (8 * 60, 18 * 60 + 30), 7: (600, 840)}
    assert stored_hours(clinic, org) == expected
    wait_for_background_ops(TIMEOUT)
    assert hours.closes_edits[4].text() == "18:30" and not hours.open_checks[6].isChecked()


def test_a_department_keeps_its_own_hours(qtbot, page, session, clinic, no_message_boxes):
    org = session.organization_id
    hours = page.hours
    qtbot.waitUntil(lambda: hours.scope_combo.count() > 1, timeout=TIMEOUT)
    index = next(i for i in range(hours.scope_combo.count()) if hours.scope_combo.itemText(i) == "Приемное отделение")
    hours.scope_combo.setCurrentIndex(index)
    department = hours.department_id
    # A department without hours of its own shows the organization's as the starting point.
    assert hours.opens_edits[1].text() == "08:00" and hours.closes_edits[1].text() == "20:00"
    for weekday in range(1, 8):
        if not hours.open_checks[weekday].isChecked():
            hours.open_checks[weekday].click()
        _type(hours.opens_edits[weekday], "00:00")
        _type(hours.closes_edits[weekday], "24:00")
    hours.save_button.click()
    qtbot.waitUntil(lambda: not page.busy and "saved" in hours.error_label.text(), timeout=TIMEOUT)
    with clinic.connect() as conn:
        rows = conn.execute("SELECT weekday, opens_minute, closes_minute FROM working_hours "
                            "WHERE organization_id = %s AND department_id = %s", (org, department)).fetchall()
    assert sorted(rows) == [(d, 0, 1440) for d in range(1, 8)]
    assert stored_hours(clinic, org)[1] == (8 * 60, 20 * 60), "the organization's own hours are untouched"
    hours.scope_combo.setCurrentIndex(0)
    assert hours.closes_edits[1].text() == "20:00" and not hours.open_checks[7].isChecked()
    page.refresh()
    qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)
    hours.scope_combo.setCurrentIndex(index)
    qtbot.waitUntil(lambda: hours.closes_edits[7].text() == "24:00", timeout=TIMEOUT)
    assert no_message_boxes == []


def test_calendar_page_screenshot(qtbot, session, tmp_path):
    # With the margins the workstation window gives its pages.
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(12, 8, 12, 0)
    page = CalendarPage(session, holder)
    layout.addWidget(page)
    holder.resize(1264, 768)
    holder.show()
    qtbot.waitUntil(lambda: page.data is not None, timeout=TIMEOUT)
    page.select_day(dt.date(page.year, 1, 1) + dt.timedelta(days=130))
    QApplication.processEvents()
    image = holder.grab()
    assert image.save(str(tmp_path / "production-calendar.png"))
    if os.environ.get("MEDCENTER_SAVE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert image.save(str(SCREENSHOTS / "production-calendar.png"))
