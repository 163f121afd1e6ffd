"""Schedule planning at the head of registry's workstation against the real database: a weekly template
typed into the editor (a reversed range is refused in place, the input kept), saved and generated onto
the calendar; a sick leave over a booked day lists the patient to call and moves the booking to a
colleague; a changed day on a day off asks first; services, load rates, the day's limit and channel
shares of a resource. Each page is also rendered to PNG (MEDCENTER_SAVE_SCREENSHOTS=1 copies it to
docs/screenshots/)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QMessageBox

from medcenter_desktop.operations import wait_for_background_ops
from shared.services import booking as bk
from shared.services import calendar, schedules
from workstations.head_of_registry.schedule_page import (
    MINUTES_COLUMN,
    GenerateDialog,
    OutcomeDialog,
    SchedulePage,
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT = 30000
THERAPY_PRIMARY = "B01.047.001"


@pytest.fixture
def head(sessions):
    return sessions("headregistry")


@pytest.fixture
def page(qtbot, head):
    page = SchedulePage(head)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    qtbot.waitUntil(lambda: page.resource_model.rowCount() > 0 and page.plan is not None, timeout=TIMEOUT)
    return page


@pytest.fixture
def yes(monkeypatch):
    """Answers Yes to every question, recording it."""
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes))
    return asked


def _choose(qtbot, page: SchedulePage, resource_id: int) -> None:
    assert page.select_resource(resource_id)
    qtbot.waitUntil(lambda: page.plan is not None and page.plan.resource.id == resource_id
                    and not page.plan_loading, timeout=TIMEOUT)


def _closed(dialog) -> bool:
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _therapists(clinic, org) -> list[int]:
    with clinic.connect() as conn:
        return [r[0] for r in conn.execute(
            "SELECT r.id FROM schedule_resources r JOIN staff_members s ON s.id = r.staff_member_id "
            "JOIN specialties sp ON sp.id = s.specialty_id "
            "WHERE r.organization_id = %s AND sp.code = 'therapy' "
            "ORDER BY r.id", (org,)).fetchall()]


def _zone(clinic, org) -> ZoneInfo:
    with clinic.connect() as conn:
        name = conn.execute("SELECT time_zone FROM organizations WHERE id = %s", (org,)).fetchone()[0]
    return ZoneInfo(name)


def _working_week(head) -> dt.date:
    """A Monday five weeks or more ahead (beyond the demo's bookings) whose Monday to Friday are
    working days."""
    today = dt.date.today()
    monday = today + dt.timedelta(days=35 - today.weekday() + 7)
    with head.uow() as uow:
        conn = uow.session.connection()
        for _ in range(20):
            days = calendar.calendar_between(conn, head.organization_id, monday,
                                             monday + dt.timedelta(days=6))
            if all(days[monday + dt.timedelta(days=d)].is_working for d in range(5)):
                return monday
            monday += dt.timedelta(days=7)
    raise AssertionError("no working week found")


def _intervals(clinic, resource_id, day, zone):
    with clinic.connect() as conn:
        rows = conn.execute("SELECT kind, lower(period), upper(period) FROM schedule_intervals "
                            "WHERE resource_id = %s AND day = %s ORDER BY kind DESC, lower(period)",
                            (resource_id, day)).fetchall()
    return [(kind, s.astimezone(zone).strftime("%H:%M"), e.astimezone(zone).strftime("%H:%M"))
            for kind, s, e in rows]


def _type(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_weekly_template_typed_saved_and_generated(qtbot, clinic, head, page, yes, no_message_boxes,
                                                   tmp_path):
    doctor = _therapists(clinic, head.organization_id)[0]
    monday = _working_week(head)
    zone = _zone(clinic, head.organization_id)
    _choose(qtbot, page, doctor)
    assert page.template_model.rowCount() == 1, "the demo's five-day template"
    page.template_view.setCurrentIndex(page.template_model.index(0, 0))
    page.delete_template_button.click()
    assert yes and "Delete the template" in yes[-1]
    qtbot.waitUntil(lambda: page.template_model.rowCount() == 0, timeout=TIMEOUT)

    page.new_template_button.click()
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible() and dialog.kind() == "weekly"
    qtbot.keyClicks(dialog.name_edit, "Five days, mornings")
    dialog.from_date.setDate(QDate(monday.year, monday.month, monday.day))
    monday_row = dialog.intervals.rows[0]
    assert monday_row.day_combo.currentText() == "Monday"
    _type(qtbot, monday_row.from_edit, "20:00")
    _type(qtbot, monday_row.to_edit, "08:00")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "ends before it starts" in dialog.error_label.text(), timeout=TIMEOUT)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert (dialog.name_edit.text(), monday_row.from_edit.text(), monday_row.to_edit.text()) == (
        "Five days, mornings", "20:00", "08:00"), "the input is kept"

    # A time that is no time is caught before the service and marked.
    _type(qtbot, monday_row.from_edit, "25:00")
    dialog.save_button.click()
    assert "must look like 08:30" in dialog.error_label.text()
    assert "a61b1b" in monday_row.from_edit.styleSheet(), "the bad time is marked"

    _type(qtbot, monday_row.from_edit, "8:00")
    _type(qtbot, monday_row.to_edit, "14:00")
    pause = dialog.intervals.add_row(day=1)
    pause.kind_combo.setCurrentIndex(pause.kind_combo.findData("break"))
    _type(qtbot, pause.from_edit, "11:00")
    _type(qtbot, pause.to_edit, "11:30")
    for _ in range(4):  # Tuesday to Friday as Monday
        dialog.intervals.copy_button.click()
    assert [r.day_combo.currentData() for r in dialog.intervals.rows] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    dialog.save_button.click()
    qtbot.waitUntil(lambda: _closed(dialog), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.template_model.rowCount() == 1, timeout=TIMEOUT)
    saved = page.template_model.rows()[0]
    assert saved.name == "Five days, mornings" and saved.valid_from == monday and len(saved.intervals) == 10
    summary = page.template_model.index(0, 3).data()
    assert summary == "Mon–Fri 08:00–14:00 (break 11:00–11:30)"
    assert "Generate the schedule" in page.status_label.text()

    page.generate_button.click()
    generate = page.dialog
    assert isinstance(generate, GenerateDialog) and generate.one_radio.isChecked()
    generate.set_period(monday, monday + dt.timedelta(days=6))
    generate.generate_button.click()
    qtbot.waitUntil(lambda: generate.outcome is not None, timeout=TIMEOUT)
    assert (generate.outcome.days, generate.outcome.intervals, generate.outcome.orphans) == (7, 10, ())
    assert "7 days: working ranges and breaks: 10;" in generate.result_label.text()
    assert not generate.panel.isVisible(), "no bookings so far ahead"
    _save(generate, tmp_path, "schedule-generate-dialog.png")
    generate.reject()

    for offset in range(5):
        day = monday + dt.timedelta(days=offset)
        assert _intervals(clinic, doctor, day, zone) == [
            ("work", "08:00", "14:00"), ("break", "11:00", "11:30")]
    saturday = monday + dt.timedelta(days=5)
    assert _intervals(clinic, doctor, saturday, zone) == [], "Saturday is not in the template"
    assert no_message_boxes == []


@pytest.fixture
def booked_day(clinic, sessions, head):
    """A therapist's working day five weeks ahead, generated, with one booking made by the registrar."""
    org = head.organization_id
    doctors = _therapists(clinic, org)
    day = _working_week(head) + dt.timedelta(days=1)
    with head.uow() as uow:
        schedules.generate(uow.session.connection(), org, day, day, resource_ids=doctors)
        uow.commit()
    with clinic.connect() as conn:
        service = conn.execute("SELECT id FROM medical_services WHERE organization_id = %s AND code = %s",
                               (org, THERAPY_PRIMARY)).fetchone()[0]
        patient, phone, name = conn.execute(
            "SELECT p.id, ph.digits, concat_ws(' ', p.last_name, p.first_name, p.middle_name) "
            "FROM patients p "
            "JOIN patient_phones ph ON ph.patient_id = p.id WHERE p.merged_into_id IS NULL "
            "AND p.birth_date < now() - interval '20 years' ORDER BY p.id LIMIT 1").fetchone()
    registrar = sessions("registrar", "REG-01")
    with registrar.uow() as uow:
        conn = uow.session.connection()
        slot = bk.first_free(conn, org, service, first_day=day, resource_id=doctors[0])
        assert slot is not None and slot.starts_at.astimezone(_zone(clinic, org)).date() == day
        made = bk.book(conn, bk.BookingRequest(org, service, doctors[0], slot.starts_at, "registry", patient))
        uow.commit()
    return day, doctors, made, phone, name


def test_sick_leave_lists_the_patient_and_moves_the_booking(qtbot, clinic, page, booked_day, no_message_boxes,
                                                            tmp_path):
    day, doctors, made, phone, name = booked_day
    zone = _zone(clinic, page.session.organization_id)
    _choose(qtbot, page, doctors[0])
    page.tabs.setCurrentIndex(SchedulePage.EXCEPTIONS)
    dialog = page.add_exception(day)
    dialog.set_kind("sick_leave")
    assert not dialog.intervals.isVisible() and dialog.to_date.isEnabled()
    dialog.set_period(day, day)
    dialog.note_edit.setText("ОРВИ")  # QTest types Latin-1 only
    dialog.save_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, OutcomeDialog), timeout=TIMEOUT)
    panel = page.dialog.panel
    _save(page.dialog, tmp_path, "schedule-orphans.png")
    assert [o.booking_id for o in panel.orphans] == [made.id]
    assert "Bookings now outside working time: 1." in panel.heading.text()
    cells = [panel.orphan_model.index(0, c).data() for c in range(4)]
    assert cells[0] == made.starts_at.astimezone(zone).strftime("%d.%m.%Y %H:%M")
    assert cells[1] == name and cells[2].replace(" ", "").replace("-", "").lstrip("+") == phone
    assert cells[3] == page.resource_name(doctors[0])
    assert "Bookings now outside working time: 1." in page.status_label.text()
    qtbot.waitUntil(lambda: page.exception_model.rowCount() >= 1, timeout=TIMEOUT)
    assert any(e.kind == "sick_leave" and e.first_day == day and e.note == "ОРВИ"
               for e in page.exception_model.rows())

    assert panel.same_day_radio.isChecked()
    panel.move_button.click()
    qtbot.waitUntil(lambda: panel.report is not None, timeout=TIMEOUT)
    (line,) = panel.report
    assert line.booking_id == made.id and line.new_starts_at is not None
    assert line.new_resource_id in doctors[1:], "a colleague performing the service takes the patient"
    assert line.new_starts_at.astimezone(zone).date() == day, "from the same day"
    assert "Moved to new times: 1 of 1." in panel.heading.text() and panel.report_view.isVisible()
    _save(page.dialog, tmp_path, "schedule-moved-report.png")
    row = [panel.report_model.index(0, c).data() for c in range(6)]
    assert row[2] == made.starts_at.astimezone(zone).strftime("%d.%m.%Y %H:%M")
    assert row[3] == line.new_starts_at.astimezone(zone).strftime("%d.%m.%Y %H:%M")
    assert row[4] == page.resource_name(line.new_resource_id) and row[5] == "Приём (осмотр, консультация) " \
        "врача-терапевта первичный"
    with clinic.connect() as conn:
        resource_id, starts = conn.execute("SELECT resource_id, lower(period) FROM bookings WHERE id = %s",
                                           (made.id,)).fetchone()
    assert (resource_id, starts) == (line.new_resource_id, line.new_starts_at)
    assert no_message_boxes == []


def test_moving_to_the_next_day_reports_bookings_left_without_time(qtbot, clinic, page, booked_day,
                                                                  no_message_boxes):
    """Every colleague is away the next day too: the booking stays and the report says so."""
    day, doctors, made, _phone, _name = booked_day
    with page.session.uow() as uow:
        conn = uow.session.connection()
        for other in doctors[1:] + [doctors[0]]:
            schedules.add_exception(conn, other, "training", day + dt.timedelta(days=1),
                                    day + dt.timedelta(days=120))
        uow.commit()
    _choose(qtbot, page, doctors[0])
    dialog = page.add_exception(day)
    dialog.set_kind("vacation")
    dialog.set_period(day, day)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, OutcomeDialog), timeout=TIMEOUT)
    panel = page.dialog.panel
    panel.next_day_radio.setChecked(True)
    panel.move_button.click()
    qtbot.waitUntil(lambda: panel.report is not None, timeout=TIMEOUT)
    (line,) = panel.report
    assert line.booking_id == made.id and line.new_starts_at is None
    assert panel.report_model.index(0, 3).data() == "not moved"
    assert "No free time found, left where they were: 1." in panel.status_label.text()
    with clinic.connect() as conn:
        row = conn.execute("SELECT resource_id, status FROM bookings WHERE id = %s", (made.id,)).fetchone()
    assert row == (doctors[0], "booked")


def test_changed_day_on_a_day_off_asks_first(qtbot, clinic, page, head, yes, no_message_boxes):
    doctor = _therapists(clinic, head.organization_id)[1]
    saturday = _working_week(head) + dt.timedelta(days=5)
    zone = _zone(clinic, head.organization_id)
    _choose(qtbot, page, doctor)
    dialog = page.add_exception(saturday)
    dialog.set_kind("changed_day")
    assert dialog.intervals.isVisible() and not dialog.to_date.isEnabled()
    row = dialog.intervals.rows[0]
    _type(qtbot, row.from_edit, "12:00")
    _type(qtbot, row.to_edit, "09:00")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "ends before it starts" in dialog.error_label.text(), timeout=TIMEOUT)
    assert dialog.isVisible() and row.from_edit.text() == "12:00"
    _type(qtbot, row.from_edit, "09:00")
    _type(qtbot, row.to_edit, "12:00")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: _closed(dialog), timeout=TIMEOUT)
    assert yes and "day off" in yes[0] and "anyway" in yes[0]
    assert _intervals(clinic, doctor, saturday, zone) == [("work", "09:00", "12:00")]
    qtbot.waitUntil(lambda: any(e.kind == "changed_day" for e in page.exception_model.rows()),
                    timeout=TIMEOUT)
    assert page.exception_model.index(0, 3).data() == "09:00–12:00"
    assert "no bookings are affected" in page.status_label.text()
    assert no_message_boxes == []


def test_services_load_rates_day_limit_and_channel_shares(qtbot, clinic, head, page, no_message_boxes):
    org = head.organization_id
    with clinic.connect() as conn:
        nurse = conn.execute(
            "SELECT r.id FROM schedule_resources r WHERE r.organization_id = %s AND r.kind = 'staff' "
            "AND NOT EXISTS (SELECT 1 FROM resource_services rs WHERE rs.resource_id = r.id) "
            "ORDER BY r.id LIMIT 1",
            (org,)).fetchone()[0]
        service, catalogue_minutes = conn.execute(
            "SELECT id, duration_minutes FROM medical_services WHERE organization_id = %s AND code = %s",
            (org, THERAPY_PRIMARY)).fetchone()

    def stored(sql):
        with clinic.connect() as conn:
            return conn.execute(sql, (nurse,)).fetchall()

    _choose(qtbot, page, nurse)
    page.tabs.setCurrentIndex(SchedulePage.SERVICES)
    assert page.rate_model.rowCount() == 0
    page.add_service_button.click()
    dialog = page.dialog
    dialog.set_service(service)
    assert dialog.minutes_spin.value() == catalogue_minutes, "the catalogue's minutes are offered"
    dialog.minutes_spin.setValue(25)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: _closed(dialog), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.rate_model.rowCount() == 1, timeout=TIMEOUT)
    assert page.rate_model.index(0, MINUTES_COLUMN).data() == "25"

    # Minutes are edited in place; the service refuses nonsense and the table shows what is stored.
    assert page.rate_model.setData(page.rate_model.index(0, MINUTES_COLUMN), 35)
    qtbot.waitUntil(lambda: page.rate_model.index(0, MINUTES_COLUMN).data() == "35", timeout=TIMEOUT)
    assert stored("SELECT duration_minutes FROM resource_services WHERE resource_id = %s") == [(35,)]
    page.rate_model.setData(page.rate_model.index(0, MINUTES_COLUMN), 0)
    qtbot.waitUntil(lambda: bool(no_message_boxes), timeout=TIMEOUT)
    assert "whole number from 1 to 1440" in no_message_boxes[0][1]
    assert stored("SELECT duration_minutes FROM resource_services WHERE resource_id = %s") == [(35,)]

    page.max_spin.setValue(12)
    page.max_button.click()
    limit = "SELECT max_patients_per_day FROM schedule_resources WHERE id = %s"
    qtbot.waitUntil(lambda: stored(limit) == [(12,)], timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "at most 12 patients a day" in page.meta_label.text(), timeout=TIMEOUT)
    page.max_spin.setValue(0)
    assert page.max_spin.text() == "no limit"
    page.max_button.click()
    qtbot.waitUntil(lambda: stored(limit) == [(None,)], timeout=TIMEOUT)

    page.tabs.setCurrentIndex(SchedulePage.SHARES)
    assert page.default_radio.isChecked() and not page.share_spins["website"].isEnabled()
    assert page.share_spins["call_centre"].value() == 20, "the organization's default is shown"
    page.own_radio.setChecked(True)
    page.share_spins["website"].setValue(10)
    page.share_spins["call_centre"].setValue(30)
    page.share_spins["doctor"].setValue(0)
    assert "Reserved: 40 %" in page.total_label.text()
    page.save_shares_button.click()
    shares = "SELECT channel, percent FROM channel_shares WHERE resource_id = %s"
    qtbot.waitUntil(lambda: sorted(stored(shares)) == [("call_centre", 30), ("website", 10)], timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.plan.own_shares, timeout=TIMEOUT)
    page.share_spins["registry"].setValue(80)
    page.save_shares_button.click()
    qtbot.waitUntil(lambda: len(no_message_boxes) == 2, timeout=TIMEOUT)
    assert "add up to 100 at most (now 120)" in no_message_boxes[1][1]
    page.default_radio.setChecked(True)
    page.save_shares_button.click()
    qtbot.waitUntil(lambda: stored("SELECT channel FROM channel_shares WHERE resource_id = %s") == [],
                    timeout=TIMEOUT)

    page.rate_view.setCurrentIndex(page.rate_model.index(0, 0))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
        page.remove_service_button.click()
    qtbot.waitUntil(lambda: page.rate_model.rowCount() == 0, timeout=TIMEOUT)
    assert stored("SELECT service_id FROM resource_services WHERE resource_id = %s") == []


def test_resource_list_filter_and_new_equipment(qtbot, page):
    total = page.resource_filter.rowCount()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("office"))
    assert 0 < page.resource_filter.rowCount() < total
    page.kind_combo.setCurrentIndex(0)
    page.filter_edit.setText("терапевт")
    rows = [" ".join(page.resource_filter.index(r, c).data() for c in range(3)).lower()
            for r in range(page.resource_filter.rowCount())]
    assert rows and all("терапевт" in r for r in rows)
    page.filter_edit.setText("терапевт ильин")
    assert page.resource_filter.rowCount() >= 1 and page.resource_filter.rowCount() < len(rows)
    page.filter_edit.clear()
    assert page.resource_filter.rowCount() == total

    page.add_equipment("Mindray DC-70 ultrasound")
    qtbot.waitUntil(lambda: page.plan is not None and page.plan.resource.name == "Mindray DC-70 ultrasound",
                    timeout=TIMEOUT)
    assert page.current_resource().kind == "equipment" and page.resource_filter.rowCount() == total + 1
    assert page.meta_label.text() == "Equipment" and "Give it services" in page.status_label.text()
    page.ensure_button.click()
    qtbot.waitUntil(lambda: page.status_label.text() == "Added to the list: 0.", timeout=TIMEOUT)


def _save(widget, tmp_path: Path, name: str, *, docs: bool = False) -> Path:
    """Renders ``widget`` to tmp_path (a copy goes to docs/screenshots/ for the documentation's ones)."""
    QApplication.processEvents()
    path = tmp_path / name
    assert widget.grab().save(str(path)), path
    if docs and os.environ.get("MEDCENTER_SAVE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, SCREENSHOTS / name)
    return path


def test_schedule_editor_screenshots(qtbot, clinic, head, page, tmp_path):
    doctor = _therapists(clinic, head.organization_id)[0]
    _choose(qtbot, page, doctor)
    page.template_view.setCurrentIndex(page.template_model.index(0, 0))
    wait_for_background_ops(TIMEOUT)
    assert _save(page, tmp_path, "schedule-editor.png", docs=True).stat().st_size > 10000
    dialog = page.edit_template()
    dialog.resize(900, 620)
    dialog.show()
    _save(dialog, tmp_path, "schedule-template-dialog.png")
    dialog.reject()
    dialog = page.add_exception()
    dialog.set_kind("changed_day")
    dialog.show()
    _save(dialog, tmp_path, "schedule-exception-dialog.png")
    dialog.reject()
    for tab in (SchedulePage.EXCEPTIONS, SchedulePage.SERVICES, SchedulePage.SHARES):
        page.tabs.setCurrentIndex(tab)
        _save(page, tmp_path, f"schedule-tab-{tab}.png")


def test_language_switch_keeps_the_choice_and_renames_the_days(qtbot, clinic, head, page):
    from medcenter_desktop import i18n

    doctor = _therapists(clinic, head.organization_id)[0]
    _choose(qtbot, page, doctor)
    assert page.template_model.index(0, 3).data().startswith("Mon–Fri ")
    i18n.switch_language("ru")
    assert page.template_model.index(0, 3).data().startswith("Пн–Пт "), "weekday names follow the language"
    assert page.current_resource().id == doctor and page.plan.resource.id == doctor
    dialog = page.edit_template()
    assert dialog.intervals.rows[0].day_combo.currentText() == "Понедельник"
    dialog.reject()
    i18n.switch_language("en")
    assert page.template_model.index(0, 3).data().startswith("Mon–Fri ")
    assert page.tabs.tabText(SchedulePage.TEMPLATES) == "&Templates"
