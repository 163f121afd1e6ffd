"""Demo planning: a service catalogue, calendars, opening hours, resources with load rates, weekly and
shift templates, generated schedules and a realistic spread of bookings around today."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import Connection, text

from shared.services import calendar, schedules
from shared.services.schedule_rules import DayInterval

# (code, name, specialty codes that perform it, minutes, sex, age_min, age_max, preparation)
SERVICES = (
    ("B01.047.001", "Приём (осмотр, консультация) врача-терапевта первичный", ("therapy", "general_practice"),
     20, None, 18, None, ""),
    ("B01.047.002", "Приём (осмотр, консультация) врача-терапевта повторный", ("therapy", "general_practice"),
     15, None, 18, None, ""),
    ("B01.015.001", "Приём (осмотр, консультация) врача-кардиолога первичный", ("cardiology",), 30, None, None, None,
     "Взять с собой результаты ЭКГ и анализов за последние полгода."),
    ("B01.023.001", "Приём (осмотр, консультация) врача-невролога первичный", ("neurology",), 30, None, None, None, ""),
    ("B01.057.001", "Приём (осмотр, консультация) врача-хирурга первичный", ("surgery",), 20, None, None, None, ""),
    ("B01.050.001", "Приём (осмотр, консультация) врача-травматолога-ортопеда первичный", ("traumatology",), 20,
     None, None, None, ""),
    ("B01.029.001", "Приём (осмотр, консультация) врача-офтальмолога первичный", ("ophthalmology",), 20, None, None,
     None, ""),
    ("B01.028.001", "Приём (осмотр, консультация) врача-оториноларинголога первичный", ("otorhinolaryngology",), 20,
     None, None, None, ""),
    ("B01.001.001", "Приём (осмотр, консультация) врача-акушера-гинеколога первичный", ("obstetrics",), 30, "F",
     None, None, ""),
    ("B01.053.001", "Приём (осмотр, консультация) врача-уролога первичный", ("urology",), 20, "M", None, None, ""),
    ("B01.058.001", "Приём (осмотр, консультация) врача-эндокринолога первичный", ("endocrinology",), 30, None,
     None, None, ""),
    ("B01.008.001", "Приём (осмотр, консультация) врача-дерматовенеролога первичный", ("dermatovenereology",), 20,
     None, None, None, ""),
    ("B01.065.001", "Приём (осмотр, консультация) врача-стоматолога первичный", ("dentistry",), 30, None, None, None,
     ""),
    ("A06.09.007", "Рентгенография лёгких", ("radiology",), 10, None, 15, None, "Снять металлические украшения."),
    ("A04.16.001", "Ультразвуковое исследование органов брюшной полости (комплексное)", ("ultrasound",), 30, None,
     None, None, "Натощак: не есть 8 часов до исследования, не пить газированные напитки за сутки."),
    ("A04.20.001", "Ультразвуковое исследование матки и придатков", ("ultrasound",), 30, "F", None, None,
     "Наполненный мочевой пузырь: выпить 1 литр воды за час до исследования."),
)
# Staff resources take these minutes for repeat visits (the load rate differs from the catalogue's).
REPEAT_MINUTES = {"therapy": 15, "general_practice": 15}


def seed_scheduling(connection: Connection, organization_ids: list[int], *, today: dt.date,
                    days_ahead: int = 28, seed: int = 2026, bookings: bool = True) -> dict[str, int]:
    """Fills planning data for each organization; ``connection`` acts as the owner. Does not commit."""
    rng = random.Random(seed)
    counts = {"services": 0, "resources": 0, "intervals": 0, "bookings": 0}
    for org in organization_ids:
        for year in (today.year, today.year + 1):
            calendar.seed_calendar(connection, org, year)
        calendar.set_working_hours(connection, org, {
            **{d: (8 * 60, 20 * 60) for d in range(1, 6)}, 6: (9 * 60, 15 * 60), 7: None})
        service_ids: dict[str, int] = {}
        for code, name, _spec, minutes, sex, age_min, age_max, prep in SERVICES:
            service_ids[code] = connection.scalar(text(
                "INSERT INTO medical_services (organization_id, code, name, duration_minutes, sex, age_min, age_max, "
                "preparation) VALUES (:o, :c, :n, :m, :s, :a, :b, :p) RETURNING id"
            ), {"o": org, "c": code, "n": name, "m": minutes, "s": sex, "a": age_min, "b": age_max, "p": prep})
        counts["services"] += len(service_ids)
        counts["resources"] += schedules.ensure_staff_resources(connection, org)
        schedules.set_channel_shares(connection, org, None, {"call_centre": 20, "website": 15, "doctor": 15})
        staff = connection.execute(text(
            "SELECT r.id, sp.code AS specialty, s.id AS staff_id FROM schedule_resources r "
            "JOIN staff_members s ON s.id = r.staff_member_id JOIN specialties sp ON sp.id = s.specialty_id "
            "WHERE r.organization_id = :o ORDER BY r.id"), {"o": org}).all()
        offices = [r.id for r in connection.execute(text(
            "SELECT o.id FROM offices o WHERE o.organization_id = :o ORDER BY o.number"), {"o": org})]
        start = today - dt.timedelta(days=today.weekday())
        for index, res in enumerate(staff):
            for code, _name, specs, minutes, *_ in SERVICES:
                if res.specialty in specs:
                    repeat = code.endswith(".002")
                    schedules.set_load_rate(connection, res.id, service_ids[code],
                                            REPEAT_MINUTES.get(res.specialty, minutes) if repeat else minutes)
            office = offices[index % len(offices)]
            if res.specialty == "nursing":
                continue
            if res.specialty == "radiology":
                # A shift pattern: two days on, two days off, 08:00-20:00 with a lunch hour.
                work = [DayInterval(d, 8 * 60, 20 * 60, "work", office) for d in (0, 1)]
                work += [DayInterval(d, 13 * 60, 14 * 60, "break") for d in (0, 1)]
                schedules.save_template(connection, res.id, name="2/2 по 12 часов", kind="cycle", cycle_days=4,
                                        valid_from=start, valid_to=None, intervals=work)
                continue
            morning = index % 2 == 0
            hours = (8 * 60, 14 * 60) if morning else (14 * 60, 20 * 60)
            pause = (11 * 60, 11 * 60 + 30) if morning else (17 * 60, 17 * 60 + 30)
            work = [DayInterval(d, *hours, "work", office) for d in range(1, 6)]
            work += [DayInterval(d, *pause, "break") for d in range(1, 6)]
            if index % 3 == 0:
                work.append(DayInterval(6, 9 * 60, 14 * 60, "work", office))
            schedules.save_template(connection, res.id, name="Пятидневка, " + ("утро" if morning else "вечер"),
                                    kind="weekly", valid_from=start, valid_to=None, intervals=work)
        result = schedules.generate(connection, org, start, today + dt.timedelta(days=days_ahead))
        counts["intervals"] += result.intervals
        if bookings:
            counts["bookings"] += _bookings(connection, org, rng, start, today + dt.timedelta(days=days_ahead),
                                            today)
    return counts


def _bookings(connection: Connection, org: int, rng: random.Random, first: dt.date, last: dt.date,
              today: dt.date) -> int:
    """Books about half of the time, more in the near days; past bookings are done or no-shows."""
    patients = [r.id for r in connection.execute(text(
        "SELECT id, sex FROM patients WHERE merged_into_id IS NULL AND birth_date < now() - interval '18 years' "
        "ORDER BY id"))]
    if not patients:
        return 0
    rows = connection.execute(text(
        "SELECT i.resource_id, i.office_id, lower(i.period) AS s, upper(i.period) AS e, rs.service_id, "
        "rs.duration_minutes, "
        "ms.sex FROM schedule_intervals i "
        "JOIN LATERAL (SELECT service_id, duration_minutes FROM resource_services WHERE resource_id = i.resource_id "
        "ORDER BY service_id LIMIT 1) rs ON true JOIN medical_services ms ON ms.id = rs.service_id "
        "WHERE i.organization_id = :o AND i.kind = 'work' AND i.day BETWEEN :a AND :b ORDER BY i.id"
    ), {"o": org, "a": first, "b": last}).all()
    sexes = dict(connection.execute(text("SELECT id, sex FROM patients")).all())
    values = []
    now = dt.datetime.now(dt.UTC)
    for row in rows:
        step = dt.timedelta(minutes=row.duration_minutes)
        cursor = row.s
        days_away = (cursor.date() - today).days
        fill = 0.75 if days_away <= 3 else 0.45 if days_away <= 10 else 0.2
        while cursor + step <= row.e:
            slot_end = cursor + step
            if rng.random() < fill:
                patient = rng.choice(patients)
                if row.sex and sexes.get(patient) != row.sex:
                    cursor = slot_end
                    continue
                status = "booked"
                if slot_end < now:
                    status = "done" if rng.random() < 0.9 else "no_show"
                values.append({"o": org, "p": patient, "s": row.service_id, "r": row.resource_id, "a": cursor,
                               "b": slot_end, "of": row.office_id, "c": rng.choice(("registry", "registry", "call_centre", "website")),
                               "st": status})
            cursor = slot_end
    if values:
        # Slots that would fall into a break are skipped.
        connection.execute(text(
            "INSERT INTO bookings (organization_id, patient_id, service_id, resource_id, office_id, period, channel, "
            "status) SELECT :o, :p, :s, :r, :of, tstzrange(:a, :b), :c, :st WHERE NOT EXISTS (SELECT 1 FROM schedule_intervals i "
            "WHERE i.resource_id = :r AND i.kind = 'break' AND i.period && tstzrange(:a, :b))"), values)
    return len(values)
