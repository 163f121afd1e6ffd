"""Scheduling on PostgreSQL: calendars, templates and their generation, exceptions, load rates,
free slots, booking rules, the exclusion constraint under a real race, rescheduling history,
moving a sick doctor's day and workload -- as the head of registry and the registrar."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from medcenter_desktop.login_service import log_in
from shared.demo.generator import DEMO_PASSWORD
from shared.services import booking as bk
from shared.services import calendar, schedules
from shared.services.schedule_rules import DayInterval, InvalidSchedule

UTC = dt.UTC
ZONE = ZoneInfo("Europe/Moscow")
MONDAY = dt.date(2027, 3, 1)  # the week of 01.03.2027; 08.03 is a holiday
NOW = dt.datetime(2027, 2, 20, 9, 0, tzinfo=UTC)


def at(day: dt.date, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm), tzinfo=ZONE)


class Plan:
    """Two doctors of the test service, Mon-Fri 08:00-14:00 with a break at 11:00-11:30, March 2027."""

    def __init__(self, org, service, women_only, doctors, office_resource, patients):
        self.org, self.service, self.women_only = org, service, women_only
        self.doctors, self.office_resource, self.patients = doctors, office_resource, patients


@pytest.fixture
def plan(head) -> Plan:
    org = head.organization_id
    with head.uow() as uow:
        c = uow.session.connection()
        calendar.seed_calendar(c, org, 2027)
        service = c.scalar(text("INSERT INTO medical_services (organization_id, code, name, duration_minutes) "
                                "VALUES (:o, 'T-1', 'Тестовый приём', 20) RETURNING id"), {"o": org})
        women = c.scalar(text("INSERT INTO medical_services (organization_id, code, name, duration_minutes, sex, "
                              "age_min, age_max) VALUES (:o, 'T-2', 'Тестовый приём для женщин', 30, 'F', 18, 60) "
                              "RETURNING id"), {"o": org})
        staff = c.execute(text(
            "SELECT s.id FROM staff_members s JOIN positions p ON p.id = s.position_id "
            "WHERE s.organization_id = :o AND p.is_medical ORDER BY s.id LIMIT 2"), {"o": org}).scalars().all()
        office = c.scalar(text("SELECT id FROM offices WHERE organization_id = :o AND name = 'Процедурный кабинет'"),
                          {"o": org})
        doctors = []
        for member in staff:
            res = c.scalar(text("SELECT id FROM schedule_resources WHERE staff_member_id = :s"), {"s": member})
            c.execute(text("DELETE FROM schedule_templates WHERE resource_id = :r"), {"r": res})
            schedules.set_load_rate(c, res, service, 20)
            schedules.set_load_rate(c, res, women, 30)
            doctors.append(res)
        office_resource = c.scalar(text("SELECT id FROM schedule_resources WHERE kind = 'office' AND office_id = :o"),
                                   {"o": office})
        work = [DayInterval(d, 8 * 60, 14 * 60, "work", office if i == 0 else None) for d in range(1, 6)
                for i in range(1)]
        work += [DayInterval(d, 11 * 60, 11 * 60 + 30, "break") for d in range(1, 6)]
        schedules.save_template(c, doctors[0], name="Утро", kind="weekly", valid_from=MONDAY, valid_to=None,
                                intervals=work)
        schedules.save_template(c, doctors[1], name="Утро", kind="weekly", valid_from=MONDAY, valid_to=None,
                                intervals=[DayInterval(i.day_index, i.start_minute, i.end_minute, i.kind)
                                           for i in work])
        schedules.set_channel_shares(c, org, None, {})
        schedules.generate(c, org, MONDAY, dt.date(2027, 3, 31), resource_ids=doctors)
        patients = dict(c.execute(text(
            "SELECT sex, min(id) FROM patients WHERE birth_date BETWEEN '1970-01-01' AND '2000-01-01' GROUP BY sex"
        )).all())
        uow.commit()
    return Plan(org, service, women, doctors, office_resource, patients)


def _intervals(session, resource, day):
    with session.uow() as uow:
        return uow.session.connection().execute(text(
            "SELECT kind, lower(period) AS s, upper(period) AS e FROM schedule_intervals "
            "WHERE resource_id = :r AND day = :d ORDER BY kind DESC, s"), {"r": resource, "d": day}).all()


def test_generation_follows_templates_calendar_and_zone(clinic, head, plan):
    rows = _intervals(head, plan.doctors[0], MONDAY)
    assert [(r.kind, r.s.astimezone(ZONE).time(), r.e.astimezone(ZONE).time()) for r in rows] == [
        ("work", dt.time(8), dt.time(14)), ("break", dt.time(11), dt.time(11, 30))]
    assert rows[0].s == dt.datetime(2027, 3, 1, 5, 0, tzinfo=UTC), "08:00 in Moscow is 05:00 UTC"
    assert _intervals(head, plan.doctors[0], dt.date(2027, 3, 8)) == [], "08.03 is a public holiday"
    assert _intervals(head, plan.doctors[0], dt.date(2027, 3, 6)) == [], "Saturday is not in the template"
    # Another time zone: the same wall-clock hours, other instants.
    with clinic.connect() as conn:
        conn.execute("UPDATE organizations SET time_zone = 'Asia/Yekaterinburg' WHERE id = %s", (plan.org,))
        conn.commit()
    with head.uow() as uow:
        c = uow.session.connection()
        schedules.generate(c, plan.org, MONDAY, MONDAY, resource_ids=plan.doctors)
        start = c.scalar(text("SELECT lower(period) FROM schedule_intervals WHERE resource_id = :r AND day = :d "
                              "AND kind = 'work'"), {"r": plan.doctors[0], "d": MONDAY})
    assert start == dt.datetime(2027, 3, 1, 3, 0, tzinfo=UTC)


def test_shortened_day_shift_patterns_and_parity(head, plan):
    with head.uow() as uow:
        c = uow.session.connection()
        res = plan.doctors[0]
        schedules.generate(c, plan.org, dt.date(2027, 4, 26), dt.date(2027, 4, 30), resource_ids=[res])
        end = c.scalar(text("SELECT upper(period) FROM schedule_intervals WHERE resource_id = :r AND day = :d "
                            "AND kind = 'work'"), {"r": res, "d": dt.date(2027, 4, 30)})
        assert end.astimezone(ZONE).time() == dt.time(13), "30.04.2027 is a shortened pre-holiday day"
        other = plan.doctors[1]
        c.execute(text("DELETE FROM schedule_templates WHERE resource_id = :r"), {"r": other})
        schedules.save_template(c, other, name="2/2", kind="cycle", cycle_days=4, valid_from=MONDAY, valid_to=None,
                                skip_non_working=False, intervals=[DayInterval(0, 480, 1200), DayInterval(1, 480, 1200)])
        schedules.generate(c, plan.org, MONDAY, dt.date(2027, 3, 10), resource_ids=[other])
        days = c.scalars(text("SELECT day FROM schedule_intervals WHERE resource_id = :r AND day BETWEEN :a AND :b "
                                 "ORDER BY day"), {"r": other, "a": MONDAY, "b": dt.date(2027, 3, 10)}).all()
        assert [d.day for d in days] == [1, 2, 5, 6, 9, 10], "two on, two off -- through the holiday of 08.03"
        c.execute(text("DELETE FROM schedule_templates WHERE resource_id = :r"), {"r": other})
        schedules.save_template(c, other, name="Чётные", kind="parity", valid_from=MONDAY, valid_to=None,
                                intervals=[DayInterval(0, 480, 720)])
        schedules.generate(c, plan.org, MONDAY, dt.date(2027, 3, 10), resource_ids=[other])
        days = c.scalars(text("SELECT day FROM schedule_intervals WHERE resource_id = :r AND day BETWEEN :a AND :b "
                                 "ORDER BY day"), {"r": other, "a": MONDAY, "b": dt.date(2027, 3, 10)}).all()
        assert [d.day for d in days] == [2, 4, 6, 10], "even dates but the holiday of 08.03"


def test_bad_schedules_are_refused_and_nothing_is_stored(head, plan):
    res = plan.doctors[0]
    cases = [
        dict(intervals=[DayInterval(1, 20 * 60, 8 * 60)]),  # crosses midnight
        dict(intervals=[DayInterval(1, 480, 720), DayInterval(1, 600, 800)]),  # overlaps itself
        dict(intervals=[DayInterval(1, 480, 720)], valid_to=dt.date(2027, 2, 1)),  # ends before it starts
        dict(intervals=[DayInterval(1, 480, 720), DayInterval(1, 700, 800, "break")]),  # break outside
        dict(intervals=[DayInterval(1, 480, 720)], name="  "),
        dict(intervals=[DayInterval(0, 480, 720)], kind="cycle", cycle_days=1),
    ]
    for case in cases:
        args = dict(name="Плохой", kind="weekly", valid_from=MONDAY, valid_to=None) | case
        with head.uow() as uow, pytest.raises(InvalidSchedule):
            schedules.save_template(uow.session.connection(), res, **args)
    for minutes in (0, -5, "десять", 2000):
        with head.uow() as uow, pytest.raises(schedules.InvalidLoadRate):
            schedules.set_load_rate(uow.session.connection(), res, plan.service, minutes)
    with head.uow() as uow, pytest.raises(schedules.InvalidShares):
        schedules.set_channel_shares(uow.session.connection(), plan.org, None, {"website": 60, "call_centre": 50})
    # Two templates of one resource valid on the same days.
    with head.uow() as uow:
        c = uow.session.connection()
        schedules.save_template(c, res, name="Второй", kind="weekly", valid_from=MONDAY, valid_to=None,
                                intervals=[DayInterval(2, 15 * 60, 18 * 60)])
        schedules.generate(c, plan.org, MONDAY, MONDAY + dt.timedelta(days=1), resource_ids=[res])
        schedules.save_template(c, res, name="Третий", kind="weekly", valid_from=MONDAY, valid_to=None,
                                intervals=[DayInterval(1, 12 * 60, 18 * 60)])
        with pytest.raises(schedules.TemplatesOverlap):
            schedules.generate(c, plan.org, MONDAY, MONDAY, resource_ids=[res])
    with head.uow() as uow:
        count = uow.session.connection().scalar(text(
            "SELECT count(*) FROM schedule_templates WHERE resource_id = :r"), {"r": res})
    assert count == 1


def test_exceptions_override_templates(head, plan):
    res = plan.doctors[0]
    wednesday = MONDAY + dt.timedelta(days=2)
    with head.uow() as uow:
        c = uow.session.connection()
        schedules.add_exception(c, res, "vacation", MONDAY, MONDAY + dt.timedelta(days=1))
        schedules.add_exception(c, res, "changed_day", wednesday, wednesday,
                                intervals=[DayInterval(0, 14 * 60, 19 * 60)])
        with pytest.raises(schedules.ScheduleOnHoliday):
            schedules.add_exception(c, res, "changed_day", dt.date(2027, 3, 8), dt.date(2027, 3, 8),
                                    intervals=[DayInterval(0, 9 * 60, 12 * 60)])
        schedules.add_exception(c, res, "changed_day", dt.date(2027, 3, 8), dt.date(2027, 3, 8),
                                intervals=[DayInterval(0, 9 * 60, 12 * 60)], allow_day_off=True)
        uow.commit()
    assert _intervals(head, res, MONDAY) == []
    rows = _intervals(head, res, wednesday)
    assert [(r.s.astimezone(ZONE).hour, r.e.astimezone(ZONE).hour) for r in rows] == [(14, 19)]
    assert len(_intervals(head, res, dt.date(2027, 3, 8))) == 1
    # A regeneration of the whole month keeps the exceptions in force.
    with head.uow() as uow:
        schedules.generate(uow.session.connection(), plan.org, MONDAY, dt.date(2027, 3, 31))
        uow.commit()
    assert _intervals(head, res, MONDAY) == []


def test_free_slots_first_free_and_restrictions(registrar, plan):
    with registrar.uow() as uow:
        c = uow.session.connection()
        slots = bk.find_slots(c, plan.org, plan.service, first_day=MONDAY, days=1, now=NOW)
        mine = [s for s in slots if s.resource_id == plan.doctors[0]]
        # 08:00-11:00 and 11:30-14:00 in 20-minute slots: 9 + 7.
        assert len(mine) == 16
        assert mine[0].starts_at == at(MONDAY, 8) and mine[9].starts_at == at(MONDAY, 11, 30)
        first = bk.first_free(c, plan.org, plan.service, first_day=dt.date(2027, 3, 6), now=NOW)
        assert first.starts_at == at(MONDAY + dt.timedelta(days=8), 8), "after the weekend and the holiday"
        # A month before the schedule starts: the empty fortnight widens the search, which still finds the
        # first working morning.
        early = dt.datetime(2027, 1, 25, 9, 0, tzinfo=UTC)
        first = bk.first_free(c, plan.org, plan.service, first_day=early.date(), now=early)
        assert first.starts_at == at(MONDAY, 8)
        # A day booked to the full is skipped without computing its gaps; the next day is offered.
        for slot in bk.find_slots(c, plan.org, plan.service, first_day=MONDAY, resource_id=plan.doctors[0], now=NOW):
            bk.book(c, _request(plan, slot.starts_at), now=NOW)
        first = bk.first_free(c, plan.org, plan.service, first_day=MONDAY, resource_id=plan.doctors[0], now=NOW)
        assert first.starts_at == at(MONDAY + dt.timedelta(days=1), 8)
        with pytest.raises(bk.BookingRefused) as info:
            bk.find_slots(c, plan.org, plan.women_only, first_day=MONDAY, patient_id=plan.patients["M"], now=NOW)
        assert "women only" in str(info.value)
        assert bk.find_slots(c, plan.org, plan.women_only, first_day=MONDAY, patient_id=plan.patients["F"], now=NOW)


def test_the_day_grid_shows_the_free_slots_and_the_bookings(head, registrar, plan):
    """The grid of a day: each doctor's free slots of the service, as `find_slots` finds them, and the
    day's bookings, as `bookings_between` lists them. Time the shared office is booked for
    is free for neither doctor working in it."""
    with head.uow() as uow:
        c = uow.session.connection()
        office = c.scalar(text("SELECT office_id FROM schedule_resources WHERE id = :r"), {"r": plan.office_resource})
        c.execute(text("DELETE FROM schedule_templates WHERE resource_id = :r"), {"r": plan.doctors[1]})
        schedules.save_template(c, plan.doctors[1], name="В кабинете", kind="weekly", valid_from=MONDAY,
                                valid_to=None, intervals=[DayInterval(1, 8 * 60, 14 * 60, "work", office)])
        schedules.generate(c, plan.org, MONDAY, MONDAY, resource_ids=[plan.doctors[1]])
        uow.commit()
    with registrar.uow() as uow:
        c = uow.session.connection()
        made = bk.book(c, _request(plan, at(MONDAY, 9)), now=NOW)
        bk.book(c, _request(plan, at(MONDAY, 12), resource_id=plan.doctors[1], patient_id=None,
                            contact_name="Иванов И.", contact_phone="+7 900 000-00-00"), now=NOW)
        grid = bk.day_grid(c, plan.org, plan.doctors, MONDAY, service_id=plan.service, now=NOW)
        slots = bk.find_slots(c, plan.org, plan.service, first_day=MONDAY, now=NOW)
        listed = bk.bookings_between(c, plan.org, MONDAY, MONDAY, resource_ids=plan.doctors)
    assert grid.day == MONDAY
    assert list(grid.slots) == sorted(slots, key=lambda s: (s.resource_id, s.starts_at))
    for doctor in plan.doctors:
        starts = [s.starts_at for s in grid.slots if s.resource_id == doctor]
        assert starts, doctor
        assert not [t for t in starts if at(MONDAY, 8, 41) <= t < at(MONDAY, 9, 20)], "the office is busy at 9:00"
        assert not [t for t in starts if at(MONDAY, 11, 41) <= t < at(MONDAY, 12, 20)], "... and at 12:00"
    assert at(MONDAY, 8, 40) in [s.starts_at for s in grid.slots if s.resource_id == plan.doctors[1]]
    assert [tuple(b) for b in grid.bookings] == [
        (b.id, b.version, b.patient_id, b.client_name, b.service_id, b.service_name, b.resource_id, b.starts_at,
         b.ends_at, b.channel, b.status) for b in listed]
    assert len(grid.bookings) == 2 and grid.bookings[0].starts_at == at(MONDAY, 9)
    assert grid.bookings[0].starts_at.tzinfo.key == "Europe/Moscow" and grid.bookings[1].client_name == "Иванов И."
    # BookingInfo lists are filled field by field behind the dataclass's back: every field is there,
    # and the object is the one its constructor makes.
    assert set(vars(made)) == {f.name for f in dataclasses.fields(bk.BookingInfo)}
    assert listed[0] == made == dataclasses.replace(made) and hash(made) == hash(dataclasses.replace(made))
    assert listed[0].resource_name and listed[0].office and listed[0].booked_by == "registrar"


def test_times_within_the_release_window_are_offered_to_every_channel(head, registrar, plan):
    with head.uow() as uow:
        # 330 minutes a day; 90 % for the website leaves 33 minutes common.
        schedules.set_channel_shares(uow.session.connection(), plan.org, plan.doctors[0], {"website": 90})
        uow.commit()
    eve = at(MONDAY - dt.timedelta(days=1), 12)  # Monday until 12:00 lies within the 24 hours of release
    with registrar.uow() as uow:
        c = uow.session.connection()
        bk.book(c, _request(plan, at(MONDAY, 8)), now=NOW)  # 20 of the 33 common minutes
        starts = [s.starts_at for s in bk.find_slots(c, plan.org, plan.service, first_day=MONDAY,
                                                     resource_id=plan.doctors[0], now=eve)]
        grid = bk.day_grid(c, plan.org, [plan.doctors[0]], MONDAY, service_id=plan.service, now=eve)
        # The registry may book them now (`book` checks shares only beyond the release window) ...
        assert bk.book(c, _request(plan, at(MONDAY, 11, 50)), now=eve).status == "booked"
    # ... so they are offered: the morning and 11:30-12:00, not the reserved time after 12:00.
    assert starts == [at(MONDAY, 8, 20) + dt.timedelta(minutes=20 * k) for k in range(8)] + [
        at(MONDAY, 11, 30), at(MONDAY, 11, 50)]
    assert [s.starts_at for s in grid.slots] == starts


def _request(plan, starts, **kw):
    args = dict(organization_id=plan.org, service_id=plan.service, resource_id=plan.doctors[0], starts_at=starts,
                patient_id=plan.patients["F"])
    return bk.BookingRequest(**(args | kw))


def test_booking_rules_refuse_bad_requests_and_store_nothing(registrar, plan):
    bad = [
        (_request(plan, at(MONDAY, 8)), "already passed", dt.datetime(2027, 3, 2, tzinfo=UTC)),
        (_request(plan, at(MONDAY, 7, 40)), "outside the working hours", NOW),
        (_request(plan, at(MONDAY, 10, 50)), "outside the working hours", NOW),  # runs into the break
        (_request(plan, at(MONDAY, 15)), "outside the working hours", NOW),
        (_request(plan, at(dt.date(2027, 3, 8), 9)), "outside the working hours", NOW),  # a holiday
        (_request(plan, at(MONDAY, 9), service_id=plan.women_only, patient_id=plan.patients["M"]), "women", NOW),
        (_request(plan, at(MONDAY, 9), patient_id=None), "anonymous", NOW),
        (_request(plan, dt.datetime(2027, 3, 1, 9, 0)), "time zone", NOW),
    ]
    with registrar.uow() as uow:
        c = uow.session.connection()
        other = c.scalar(text("SELECT id FROM schedule_resources WHERE organization_id = :o AND id <> ALL(:d) "
                              "AND kind = 'staff' LIMIT 1"), {"o": plan.org, "d": plan.doctors})
    bad.append((_request(plan, at(MONDAY, 9), resource_id=other), "does not perform", NOW))
    for request, words, now in bad:
        with registrar.uow() as uow, pytest.raises(bk.BookingRefused) as info:
            bk.book(uow.session.connection(), request, now=now)
        assert words in str(info.value), (words, str(info.value))
    with registrar.uow() as uow:
        assert uow.session.connection().scalar(text(
            "SELECT count(*) FROM bookings WHERE service_id IN (:a, :b)"), {"a": plan.service, "b": plan.women_only}) == 0


def test_double_booking_gets_the_nearest_free_slots(registrar, plan):
    with registrar.uow() as uow:
        made = bk.book(uow.session.connection(), _request(plan, at(MONDAY, 9)), now=NOW)
        uow.commit()
    assert made.starts_at == at(MONDAY, 9) and made.ends_at == at(MONDAY, 9, 20)
    assert made.booked_by == "registrar" and made.status == "booked"
    with registrar.uow() as uow, pytest.raises(bk.SlotTaken) as info:
        bk.book(uow.session.connection(), _request(plan, at(MONDAY, 9, 10), patient_id=plan.patients["M"]), now=NOW)
    alternatives = info.value.alternatives
    assert alternatives and all(not (s.resource_id == plan.doctors[0] and at(MONDAY, 9) < s.ends_at
                                     and s.starts_at < at(MONDAY, 9, 20)) for s in alternatives)
    # The nearest: the colleague at 9:00 or the same doctor right after the taken time.
    assert {(s.resource_id, s.starts_at) for s in alternatives[:2]} == {
        (plan.doctors[1], at(MONDAY, 9)), (plan.doctors[0], at(MONDAY, 9, 20))}
    # The office of the first doctor is held too: a booking of the office itself at 9:00 is refused.
    with registrar.uow() as uow:
        held = uow.session.connection().execute(text(
            "SELECT resource_id FROM booking_resources WHERE booking_id = :b ORDER BY resource_id"),
            {"b": made.id}).scalars().all()
    assert sorted(held) == sorted([plan.doctors[0], plan.office_resource])
    # Anonymous bookings: a name and a phone.
    with registrar.uow() as uow:
        anon = bk.book(uow.session.connection(), _request(plan, at(MONDAY, 10), patient_id=None,
                                                          contact_name="Иванов И.", contact_phone="+7 900 000-00-00"),
                       now=NOW)
        uow.commit()
    assert anon.client_name == "Иванов И." and anon.patient_id is None


def test_the_constraint_holds_under_a_real_race(clinic, plan):
    """Eight registrars' connections race for the same six slots; the database lets one win each."""
    sessions = [log_in(clinic.settings(f"REG-{i}"), "registrar", DEMO_PASSWORD) for i in range(8)]
    starts = [at(MONDAY + dt.timedelta(days=1), 8) + dt.timedelta(minutes=20 * i) for i in range(6)]
    barrier = threading.Barrier(len(sessions))
    outcomes: list[tuple[int, str]] = []
    lock = threading.Lock()

    def worker(index, session):
        barrier.wait()
        for k in range(len(starts)):
            start = starts[(index + k) % len(starts)]
            try:
                with session.uow() as uow:
                    made = bk.book(uow.session.connection(), _request(plan, start, patient_id=None,
                                                                      contact_name=f"Гонка {index}",
                                                                      contact_phone="000"), now=NOW)
                    uow.commit()
                with lock:
                    outcomes.append((made.id, "ok"))
            except bk.SlotTaken:
                with lock:
                    outcomes.append((0, "taken"))

    threads = [threading.Thread(target=worker, args=(i, s)) for i, s in enumerate(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in sessions:
        s.close()
    won = [i for i, r in outcomes if r == "ok"]
    assert len(won) == len(starts) and len(outcomes) == 8 * len(starts)
    with clinic.connect() as conn:
        rows = conn.execute("SELECT id FROM bookings WHERE contact_name LIKE 'Гонка %' AND status = 'booked'").fetchall()
        assert sorted(r[0] for r in rows) == sorted(won), "every reported success is stored"
        overlaps = conn.execute(
            "SELECT count(*) FROM booking_resources a JOIN booking_resources b ON a.resource_id = b.resource_id "
            "AND a.booking_id < b.booking_id AND a.active AND b.active AND a.period && b.period").fetchone()[0]
        assert overlaps == 0


def test_the_constraint_alone_refuses_overlaps_written_behind_the_services_back(clinic, plan):
    import psycopg

    sql = ("INSERT INTO bookings (organization_id, contact_name, contact_phone, service_id, resource_id, period, "
           "channel) VALUES (%s, 'x', '0', %s, %s, tstzrange(%s, %s), 'registry')")
    args = (plan.org, plan.service, plan.doctors[1], at(MONDAY, 12), at(MONDAY, 12, 20))
    with clinic.connect() as conn:
        conn.execute(sql, args)
        with pytest.raises(psycopg.errors.ExclusionViolation):
            conn.execute(sql, (plan.org, plan.service, plan.doctors[1], at(MONDAY, 12, 10), at(MONDAY, 12, 30)))


def test_reschedule_cancel_and_status_keep_history(registrar, plan):
    with registrar.uow() as uow:
        made = bk.book(uow.session.connection(), _request(plan, at(MONDAY, 9)), now=NOW)
        uow.commit()
    with registrar.uow() as uow:
        moved = bk.reschedule(uow.session.connection(), made.id, made.version, starts_at=at(MONDAY, 9, 20), now=NOW)
        uow.commit()
    assert moved.starts_at == at(MONDAY, 9, 20) and moved.version == made.version + 1
    # Moving into its own old neighbourhood is fine; a stale version is refused with who changed it.
    with registrar.uow() as uow, pytest.raises(bk.BookingChanged):
        bk.reschedule(uow.session.connection(), made.id, made.version, starts_at=at(MONDAY, 10), now=NOW)
    with registrar.uow() as uow:
        c = uow.session.connection()
        moved = bk.reschedule(c, made.id, moved.version, starts_at=at(MONDAY, 8, 40),
                              resource_id=plan.doctors[1], now=NOW)
        with pytest.raises(bk.CancelReasonRequired):
            bk.cancel(c, made.id, moved.version, "  ")
        cancelled = bk.cancel(c, made.id, moved.version, "Пациент заболел")
        uow.commit()
    assert cancelled.status == "cancelled"
    with registrar.uow() as uow:
        c = uow.session.connection()
        events = bk.history(c, made.id)
        with pytest.raises(bk.StatusNotAllowed) as info:
            bk.set_status(c, made.id, cancelled.version, "arrived")
        assert str(info.value) == "A booking that is 'cancelled' cannot become 'arrived'."
    assert [e.action for e in events] == ["booked", "rescheduled", "rescheduled", "status"]
    assert events[1].old_starts_at == at(MONDAY, 9) and events[1].new_starts_at == at(MONDAY, 9, 20)
    assert events[2].new_resource_id == plan.doctors[1]
    assert events[3].new_status == "cancelled" and events[3].reason == "Пациент заболел"
    assert {e.actor for e in events} == {"registrar"}
    # The cancelled time is free again.
    with registrar.uow() as uow:
        again = bk.book(uow.session.connection(), _request(plan, at(MONDAY, 8, 40), resource_id=plan.doctors[1]),
                        now=NOW)
    assert again.status == "booked"


def test_sick_doctor_day_is_moved_with_a_list_to_call(head, registrar, plan):
    tuesday = MONDAY + dt.timedelta(days=1)
    with registrar.uow() as uow:
        c = uow.session.connection()
        for hh, mm in ((8, 0), (8, 20), (12, 0)):
            bk.book(c, _request(plan, at(tuesday, hh, mm)), now=NOW)
        uow.commit()
    with head.uow() as uow:
        c = uow.session.connection()
        result = schedules.add_exception(c, plan.doctors[0], "sick_leave", tuesday, tuesday, note="ОРВИ")
        assert len(result.orphans) == 3, "the bookings left outside working time are listed"
        report = bk.move_day(c, plan.doctors[0], tuesday, to_day=tuesday, any_resource=True, now=NOW)
        uow.commit()
    assert len(report) == 3 and all(r.new_starts_at is not None for r in report)
    assert {r.new_resource_id for r in report} == {plan.doctors[1]}, "the colleague takes them the same day"
    assert [r.old_starts_at for r in report] == [at(tuesday, 8), at(tuesday, 8, 20), at(tuesday, 12)]


def test_workload_and_limits(head, registrar, plan):
    with head.uow() as uow:
        schedules.set_max_patients(uow.session.connection(), plan.doctors[0], 2)
        uow.commit()
    with registrar.uow() as uow:
        c = uow.session.connection()
        bk.book(c, _request(plan, at(MONDAY, 8)), now=NOW)
        bk.book(c, _request(plan, at(MONDAY, 8, 20)), now=NOW)
        with pytest.raises(bk.BookingRefused) as info:
            bk.book(c, _request(plan, at(MONDAY, 9)), now=NOW)
        assert "maximum number" in str(info.value)
        assert not [s for s in bk.find_slots(c, plan.org, plan.service, first_day=MONDAY, now=NOW)
                    if s.resource_id == plan.doctors[0] and s.starts_at.date() == MONDAY]
        uow.commit()
    with head.uow() as uow:
        cells = bk.workload(uow.session.connection(), plan.org, MONDAY, MONDAY, resource_ids=plan.doctors)
    first = next(c for c in cells if c.resource_id == plan.doctors[0])
    assert (first.planned_minutes, first.booked_minutes, first.patients) == (330, 40, 2)
    assert first.load_percent == 12


def test_first_free_passes_over_days_closed_by_the_day_limit(head, registrar, plan):
    """Days with time left but their patient limit reached are judged a few at a time, in date order."""
    with head.uow() as uow:
        schedules.set_max_patients(uow.session.connection(), plan.doctors[0], 1)
        uow.commit()
    with registrar.uow() as uow:
        c = uow.session.connection()
        for k in range(4):  # Monday to Thursday
            bk.book(c, _request(plan, at(MONDAY + dt.timedelta(days=k), 8)), now=NOW)
        first = bk.first_free(c, plan.org, plan.service, first_day=MONDAY, resource_id=plan.doctors[0], now=NOW)
    assert first.starts_at == at(MONDAY + dt.timedelta(days=4), 8)


def test_channel_shares_reserve_time_until_release(head, registrar, plan):
    with head.uow() as uow:
        c = uow.session.connection()
        # 330 minutes a day; 90 % for the website leaves 33 minutes common: one 20-minute slot.
        schedules.set_channel_shares(c, plan.org, plan.doctors[0], {"website": 90})
        uow.commit()
    with registrar.uow() as uow:
        c = uow.session.connection()
        bk.book(c, _request(plan, at(MONDAY, 8)), now=NOW)
        with pytest.raises(bk.BookingRefused) as info:
            bk.book(c, _request(plan, at(MONDAY, 9)), now=NOW)
        assert "reserved" in str(info.value)
        # Within the release window (24 hours before), reserved time is open to everyone.
        late = dt.datetime(2027, 3, 1, 4, 0, tzinfo=UTC)
        assert bk.book(c, _request(plan, at(MONDAY, 9)), now=late).status == "booked"
        website = bk.find_slots(c, plan.org, plan.service, first_day=MONDAY, channel="website", now=NOW,
                                resource_id=plan.doctors[0])
        assert website


def test_waiting_list(registrar, plan):
    with registrar.uow() as uow:
        c = uow.session.connection()
        with pytest.raises(bk.BookingRefused):
            bk.add_to_waiting_list(c, plan.org, plan.service, wanted_from=MONDAY)
        entry = bk.add_to_waiting_list(c, plan.org, plan.service, wanted_from=MONDAY, patient_id=plan.patients["M"],
                                       note="Только после 12:00")
        waiting = bk.waiting_list(c, plan.org)
        assert [w.id for w in waiting] == [entry]
        slot = bk.find_slots(c, plan.org, plan.service, first_day=MONDAY, now=NOW)[-1]
        made = bk.book_from_waiting_list(c, entry, waiting[0].version, slot, now=NOW)
        assert made.patient_id == plan.patients["M"]
        assert bk.waiting_list(c, plan.org) == []


def test_the_registrar_cannot_change_the_plan(registrar, plan):
    from sqlalchemy.exc import ProgrammingError

    with registrar.uow() as uow, pytest.raises(ProgrammingError, match="permission denied"):
        schedules.set_load_rate(uow.session.connection(), plan.doctors[0], plan.service, 10)
    with registrar.uow() as uow, pytest.raises(ProgrammingError, match="permission denied"):
        uow.session.connection().execute(text("DELETE FROM booking_resources"))


def test_printed_work_schedule_and_booking_slip(registrar, plan):
    import pypdfium2

    from printing.booking_slip import render_booking_slip
    from printing.work_schedule import render_work_schedule
    from shared.services.schedule_printouts import booking_slip, work_schedule_document

    with registrar.uow() as uow:
        c = uow.session.connection()
        doc = work_schedule_document(c, plan.org, MONDAY, 7)
        made = bk.book(c, _request(plan, at(MONDAY, 9)), now=NOW)
        slip = booking_slip(c, made.id, "registrar")
        name = schedules.resource(c, plan.doctors[0]).name
    assert doc.days[0] == MONDAY and len(doc.days) == 7
    rows = [r for d in doc.departments for r in d.rows if r.resource_name == name]
    assert rows and rows[0].hours[0] == "08:00–14:00" and rows[0].hours[5] == ""
    assert doc.organization_hours[0] == "08:00–20:00" and doc.organization_hours[6] == ""
    pdf = pypdfium2.PdfDocument(render_work_schedule(doc))
    page_text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert name in page_text.replace("\r\n", " ").replace("\n", " ")
    assert slip.starts_at == at(MONDAY, 9) and slip.doctor_name == name and slip.patient_name
    text_ = pypdfium2.PdfDocument(render_booking_slip(slip))[0].get_textpage().get_text_range()
    assert "09:00–09:20" in text_ and str(made.id) in text_


def test_day_usage_follows_every_change_of_bookings(clinic, registrar, plan):
    def usage():
        with clinic.connect() as conn:
            return conn.execute("SELECT channel, bookings, minutes FROM booking_day_usage WHERE resource_id = %s "
                                "AND day = %s AND bookings <> 0 ORDER BY channel", (plan.doctors[0], MONDAY)).fetchall()

    with registrar.uow() as uow:
        c = uow.session.connection()
        a = bk.book(c, _request(plan, at(MONDAY, 8)), now=NOW)
        b = bk.book(c, _request(plan, at(MONDAY, 9), channel="call_centre"), now=NOW)
        uow.commit()
    assert usage() == [("call_centre", 1, 20), ("registry", 1, 20)]
    with registrar.uow() as uow:
        c = uow.session.connection()
        bk.reschedule(c, a.id, a.version, starts_at=at(MONDAY + dt.timedelta(days=1), 8), now=NOW)
        bk.cancel(c, b.id, b.version, "Передумал")
        uow.commit()
    assert usage() == []
    with clinic.connect() as conn:
        moved = conn.execute("SELECT bookings FROM booking_day_usage WHERE resource_id = %s AND day = %s "
                             "AND channel = 'registry'", (plan.doctors[0], MONDAY + dt.timedelta(days=1))).fetchone()
        assert moved == (1,)
        conn.execute("DELETE FROM bookings WHERE id = %s", (a.id,))
        assert conn.execute("SELECT sum(bookings) FROM booking_day_usage WHERE resource_id = %s AND day >= %s",
                            (plan.doctors[0], MONDAY)).fetchone()[0] == 0


def test_own_channel_shares_may_reserve_nothing(head, plan):
    with head.uow() as uow:
        c = uow.session.connection()
        schedules.set_channel_shares(c, plan.org, None, {"website": 30})
        assert schedules.channel_shares(c, plan.org, plan.doctors[0]) == {"website": 30}
        assert not schedules.has_own_shares(c, plan.doctors[0])
        schedules.set_channel_shares(c, plan.org, plan.doctors[0], {"website": 0})
        assert schedules.has_own_shares(c, plan.doctors[0])
        assert not any(schedules.channel_shares(c, plan.org, plan.doctors[0]).values()), "nothing reserved"
        schedules.set_channel_shares(c, plan.org, plan.doctors[0], None)
        assert schedules.channel_shares(c, plan.org, plan.doctors[0]) == {"website": 30}
        assert not schedules.has_own_shares(c, plan.doctors[0])


def test_an_anonymous_booking_is_personalized_later(registrar, plan):
    with registrar.uow() as uow:
        c = uow.session.connection()
        anon = bk.book(c, _request(plan, at(MONDAY, 9), service_id=plan.women_only, patient_id=None,
                                   contact_name="Позвонила утром", contact_phone="+7 900 111-22-33"), now=NOW)
        with pytest.raises(bk.BookingRefused) as info:
            bk.personalize(c, anon.id, anon.version, plan.patients["M"])
        assert "women only" in str(info.value)
        made = bk.personalize(c, anon.id, anon.version, plan.patients["F"])
        assert made.patient_id == plan.patients["F"] and made.client_name != "Позвонила утром"
        with pytest.raises(bk.AlreadyPersonal):
            bk.personalize(c, anon.id, made.version, plan.patients["F"])
        assert anon.id in [b.id for b in bk.patient_bookings(c, plan.patients["F"], upcoming_only=False)]
