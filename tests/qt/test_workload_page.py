"""The workload grid of the head of registry against the real database: a therapist's generated day
shows its load after the registrar books a visit (percent, minutes, tooltip, colour); the week moves
back and forth; the demo's current week is rendered to PNG (MEDCENTER_SAVE_SCREENSHOTS=1 copies it to
docs/screenshots/workload.png)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from medcenter_desktop.operations import wait_for_background_ops
from shared.services import booking as bk
from shared.services import calendar, schedules
from workstations.head_of_registry.workload_page import COLOURS, MINUTES, PERCENT, WorkloadModel, WorkloadPage

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT = 30000


@pytest.fixture
def head(sessions):
    return sessions("headregistry")


def _page(qtbot, head) -> WorkloadPage:
    page = WorkloadPage(head)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None and not page.loading, timeout=TIMEOUT)
    return page


def _far_working_day(head) -> dt.date:
    """A working Tuesday five weeks or more ahead, beyond the demo's schedules and bookings."""
    today = dt.date.today()
    day = today + dt.timedelta(days=35 + (1 - today.weekday()) % 7)
    with head.uow() as uow:
        conn = uow.session.connection()
        while not calendar.calendar_between(conn, head.organization_id, day, day)[day].is_working:
            day += dt.timedelta(days=7)
    return day


def test_the_grid_shows_the_load_after_a_booking(qtbot, clinic, sessions, head, no_message_boxes):
    org = head.organization_id
    day = _far_working_day(head)
    with clinic.connect() as conn:
        doctor, service, minutes = conn.execute(
            "SELECT r.id, rs.service_id, rs.duration_minutes FROM schedule_resources r "
            "JOIN staff_members s ON s.id = r.staff_member_id JOIN specialties sp ON sp.id = s.specialty_id "
            "JOIN resource_services rs ON rs.resource_id = r.id "
            "JOIN medical_services ms ON ms.id = rs.service_id "
            "WHERE r.organization_id = %s AND sp.code = 'therapy' AND ms.code = 'B01.047.001' "
            "ORDER BY r.id LIMIT 1",
            (org,)).fetchone()
        patient = conn.execute("SELECT id FROM patients WHERE merged_into_id IS NULL "
                               "AND birth_date < now() - interval '20 years' "
                               "ORDER BY id LIMIT 1").fetchone()[0]
    with head.uow() as uow:
        schedules.generate(uow.session.connection(), org, day, day, resource_ids=[doctor])
        uow.commit()
    with clinic.connect() as conn:
        planned = conn.execute(
            "SELECT sum(CASE kind WHEN 'work' THEN 1 ELSE -1 END "
            "* extract(epoch FROM upper(period) - lower(period))) / 60 FROM schedule_intervals "
            "WHERE resource_id = %s AND day = %s", (doctor, day)).fetchone()[0]
    planned = int(planned)
    assert planned > 0

    page = _page(qtbot, head)
    page.set_week(day)
    assert page.week_start == day - dt.timedelta(days=day.weekday()) and page.week_start.weekday() == 0
    qtbot.waitUntil(lambda: not page.loading and page.data.first == page.week_start, timeout=TIMEOUT)
    index = page.cell_index(doctor, day)
    assert index.isValid(), "the doctor has working time that week"
    assert index.data() == "0 %"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == COLOURS["low"]

    registrar = sessions("registrar", "REG-01")
    with registrar.uow() as uow:
        conn = uow.session.connection()
        slot = bk.first_free(conn, org, service, first_day=day, resource_id=doctor)
        bk.book(conn, bk.BookingRequest(org, service, doctor, slot.starts_at, "registry", patient))
        uow.commit()
    page.refresh_button.click()
    expected = round(100 * minutes / planned)
    qtbot.waitUntil(lambda: page.cell_index(doctor, day).data() == f"{expected} %", timeout=TIMEOUT)
    index = page.cell_index(doctor, day)
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert f"Planned: {planned} min" in tooltip and f"Booked: {minutes} min ({expected} %)" in tooltip
    assert "Patients: 1" in tooltip and "Done: 0 min" in tooltip
    week = page.model.index(index.row(), WorkloadModel.WEEK)
    assert week.data() == f"{expected} %", "the week's total: only this day is planned"
    assert page.model.headerData(page.model.column_of(day), Qt.Orientation.Horizontal).endswith(
        day.strftime("%d.%m"))

    page.set_mode(MINUTES)
    assert page.cell_index(doctor, day).data() == f"{minutes}/{planned}"
    page.set_mode(PERCENT)

    monday = page.week_start
    page.next_button.click()
    assert page.week_start == monday + dt.timedelta(days=7)
    qtbot.waitUntil(lambda: not page.loading and page.data.first == page.week_start, timeout=TIMEOUT)
    assert not page.cell_index(doctor, day).isValid()
    page.previous_button.click()
    qtbot.waitUntil(lambda: not page.loading and page.data.first == monday, timeout=TIMEOUT)
    assert page.cell_index(doctor, day).data() == f"{expected} %"
    assert no_message_boxes == []


def test_colours_follow_the_load():
    from shared.services.booking import WorkloadCell
    from workstations.head_of_registry.workload_page import load_level

    def level(planned, booked):
        return load_level(WorkloadCell(1, dt.date(2027, 3, 1), planned, booked, 0, 1))

    assert [level(100, b) for b in (0, 49, 50, 85, 86, 100, 101)] == [
        "low", "low", "medium", "medium", "high", "high", "over"]
    assert level(0, 0) == "none" and level(0, 20) == "over" and load_level(None) == "none"


def test_workload_screenshot(qtbot, head, tmp_path):
    page = _page(qtbot, head)
    assert page.model.rowCount() > 0, "the demo's current week is planned and booked"
    scheduled = page.model.rowCount()
    page.only_scheduled_check.setChecked(False)
    assert page.model.rowCount() == len(page.data.resources) > scheduled, "offices have no schedule"
    page.only_scheduled_check.setChecked(True)
    wait_for_background_ops(TIMEOUT)
    QApplication.processEvents()
    path = tmp_path / "workload.png"
    assert page.grab().save(str(path)) and path.stat().st_size > 10000
    if os.environ.get("MEDCENTER_SAVE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, SCREENSHOTS / "workload.png")


def test_language_switch_renames_the_days(qtbot, head):
    from medcenter_desktop import i18n

    page = _page(qtbot, head)
    assert page.model.headerData(1, Qt.Orientation.Horizontal).startswith("Mon ")
    i18n.switch_language("ru")
    assert page.model.headerData(1, Qt.Orientation.Horizontal).startswith("Пн ")
    i18n.switch_language("en")
    assert page.previous_button.text() == "◀ &Previous week"
