"""Planning the work of staff, offices and equipment: resources with their services and load rates,
schedule templates, exceptions, channel shares, and the generation of templates onto the calendar.

Functions take the logged-in user's Connection (row-level security applies) and plain values; the
caller commits. Generation replaces the generated intervals of the period in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models.scheduling import CHANNELS, EXCEPTION_KINDS, TEMPLATE_KINDS
from shared.services.calendar import CalendarEntry, calendar_between
from shared.services.schedule_rules import (
    DayInterval,
    InvalidSchedule,
    invalid,
    local_range,
    template_day_index,
    template_days,
    validate_intervals,
)


class NotFound(DomainError):
    """Raised with one of the WHAT_* messages: the row is gone or hidden by row-level security."""

    message = QT_TRANSLATE_NOOP("DomainError", "The record no longer exists or is not available to you.")


WHAT_RESOURCE = QT_TRANSLATE_NOOP(
    "DomainError", "The doctor, office or equipment no longer exists or is not available to you.")
WHAT_TEMPLATE = QT_TRANSLATE_NOOP("DomainError", "The schedule template no longer exists.")
WHAT_SERVICE = QT_TRANSLATE_NOOP("DomainError", "The service no longer exists or is not available to you.")
WHAT_EXCEPTION = QT_TRANSLATE_NOOP("DomainError", "The schedule exception no longer exists.")


class InvalidLoadRate(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "A load rate is the number of minutes a service takes: a whole number from 1 to 1440."
    )


class InvalidShares(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "Channel shares are percentages from 0 to 100 that add up to 100 at most (now {total})."
    )


class ScheduleOnHoliday(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "{day} is a day off in the production calendar ({note}). Confirm to work on it anyway."
    )
    translatable_params = ("note",)


DAY_OFF = QT_TRANSLATE_NOOP("DomainError", "a day off")


class TemplatesOverlap(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "On {day} two schedule templates of this resource overlap. Shorten the validity of one of them.",
    )


@dataclass(frozen=True)
class ResourceInfo:
    id: int
    organization_id: int
    kind: str
    name: str  # staff member's short name, office number and name, or equipment name
    position: str
    specialty_id: int | None
    specialty: str
    department_id: int | None
    department: str
    office_id: int | None
    max_patients_per_day: int | None
    is_active: bool
    version: int


_RESOURCE_SQL = """
SELECT r.id, r.organization_id, r.kind, r.office_id, r.max_patients_per_day, r.is_active, r.version,
       coalesce(r.department_id, s.department_id, o.department_id) AS department_id,
       coalesce(d.name, '') AS department,
       CASE r.kind
         WHEN 'staff' THEN btrim(s.last_name || ' ' || left(s.first_name, 1) || '.'
                                 || CASE WHEN s.middle_name <> '' THEN left(s.middle_name, 1) || '.' ELSE '' END)
         WHEN 'office' THEN btrim(o.number || ' ' || o.name)
         ELSE r.name END AS name,
       coalesce(p.name, '') AS position, s.specialty_id, coalesce(sp.name, '') AS specialty
  FROM schedule_resources r
  LEFT JOIN staff_members s ON s.id = r.staff_member_id
  LEFT JOIN positions p ON p.id = s.position_id
  LEFT JOIN specialties sp ON sp.id = s.specialty_id
  LEFT JOIN offices o ON o.id = r.office_id
  LEFT JOIN departments d ON d.id = coalesce(r.department_id, s.department_id, o.department_id)
"""


def _resource(row) -> ResourceInfo:
    return ResourceInfo(row.id, row.organization_id, row.kind, row.name, row.position, row.specialty_id,
                        row.specialty, row.department_id, row.department, row.office_id,
                        row.max_patients_per_day, row.is_active, row.version)


def resources(connection: Connection, organization_id: int, *, active_only: bool = True,
              ids: Sequence[int] | None = None) -> list[ResourceInfo]:
    where = ["r.organization_id = :o"]
    params: dict = {"o": organization_id}
    if active_only:
        where.append("r.is_active")
    if ids is not None:
        where.append("r.id = ANY(:ids)")
        params["ids"] = list(ids)
    rows = connection.execute(text(_RESOURCE_SQL + " WHERE " + " AND ".join(where) + " ORDER BY r.kind DESC, name"),
                              params).all()
    return [_resource(r) for r in rows]


def resource(connection: Connection, resource_id: int) -> ResourceInfo:
    row = connection.execute(text(_RESOURCE_SQL + " WHERE r.id = :r"), {"r": resource_id}).first()
    if row is None:
        raise NotFound(WHAT_RESOURCE)
    return _resource(row)


def ensure_staff_resources(connection: Connection, organization_id: int) -> int:
    """Makes every active medical staff member and every office of the organization bookable."""
    added = connection.execute(text(
        "INSERT INTO schedule_resources (organization_id, kind, staff_member_id, department_id) "
        "SELECT s.organization_id, 'staff', s.id, s.department_id FROM staff_members s "
        "JOIN positions p ON p.id = s.position_id "
        "WHERE s.organization_id = :o AND p.is_medical AND s.dismissed_on IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM schedule_resources r WHERE r.staff_member_id = s.id)"
    ), {"o": organization_id}).rowcount
    added += connection.execute(text(
        "INSERT INTO schedule_resources (organization_id, kind, office_id, department_id) "
        "SELECT o.organization_id, 'office', o.id, o.department_id FROM offices o "
        "WHERE o.organization_id = :o AND o.is_active "
        "AND NOT EXISTS (SELECT 1 FROM schedule_resources r WHERE r.kind = 'office' AND r.office_id = o.id)"
    ), {"o": organization_id}).rowcount
    return added


def add_equipment(connection: Connection, organization_id: int, name: str, *, office_id: int | None = None,
                  department_id: int | None = None) -> int:
    if not name.strip():
        raise InvalidSchedule(reason=QT_TRANSLATE_NOOP("DomainError", "give the equipment a name."))
    return connection.scalar(text(
        "INSERT INTO schedule_resources (organization_id, kind, name, office_id, department_id) "
        "VALUES (:o, 'equipment', :n, :of, :d) RETURNING id"
    ), {"o": organization_id, "n": name.strip()[:200], "of": office_id, "d": department_id})


def set_max_patients(connection: Connection, resource_id: int, value: int | None) -> None:
    if value is not None and not 1 <= value <= 500:
        raise InvalidSchedule(reason=QT_TRANSLATE_NOOP(
            "DomainError", "the maximum number of patients per day is from 1 to 500, or empty for no limit."))
    if connection.execute(text("UPDATE schedule_resources SET max_patients_per_day = :v, version = version + 1 "
                               "WHERE id = :r"), {"v": value, "r": resource_id}).rowcount != 1:
        raise NotFound(WHAT_RESOURCE)


# --- services and load rates --------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceInfo:
    id: int
    code: str
    name: str
    duration_minutes: int
    sex: str | None
    age_min: int | None
    age_max: int | None
    preparation: str


def services(connection: Connection, organization_id: int) -> list[ServiceInfo]:
    rows = connection.execute(text(
        "SELECT id, code, name, duration_minutes, sex, age_min, age_max, preparation FROM medical_services "
        "WHERE organization_id = :o AND is_active ORDER BY name"
    ), {"o": organization_id}).all()
    return [ServiceInfo(*r) for r in rows]


@dataclass(frozen=True)
class LoadRate:
    resource_id: int
    service_id: int
    service_code: str
    service_name: str
    duration_minutes: int


def load_rates(connection: Connection, resource_id: int) -> list[LoadRate]:
    rows = connection.execute(text(
        "SELECT rs.resource_id, rs.service_id, s.code, s.name, rs.duration_minutes FROM resource_services rs "
        "JOIN medical_services s ON s.id = rs.service_id WHERE rs.resource_id = :r ORDER BY s.name"
    ), {"r": resource_id}).all()
    return [LoadRate(*r) for r in rows]


def _minutes(value) -> int:
    try:
        minutes = int(str(value).strip())
    except (TypeError, ValueError):
        raise InvalidLoadRate() from None
    if not 1 <= minutes <= 1440:
        raise InvalidLoadRate()
    return minutes


def set_load_rate(connection: Connection, resource_id: int, service_id: int, minutes) -> None:
    """The resource performs the service, taking ``minutes`` for it."""
    value = _minutes(minutes)
    same_org = connection.scalar(text(
        "SELECT r.organization_id = s.organization_id FROM schedule_resources r, medical_services s "
        "WHERE r.id = :r AND s.id = :s"
    ), {"r": resource_id, "s": service_id})
    if not same_org:
        raise NotFound(WHAT_SERVICE)
    connection.execute(text(
        "INSERT INTO resource_services (resource_id, service_id, duration_minutes) VALUES (:r, :s, :m) "
        "ON CONFLICT (resource_id, service_id) DO UPDATE SET duration_minutes = excluded.duration_minutes"
    ), {"r": resource_id, "s": service_id, "m": value})


def remove_load_rate(connection: Connection, resource_id: int, service_id: int) -> None:
    connection.execute(text("DELETE FROM resource_services WHERE resource_id = :r AND service_id = :s"),
                       {"r": resource_id, "s": service_id})


# --- channel shares -----------------------------------------------------------------------------


def channel_shares(connection: Connection, organization_id: int, resource_id: int | None) -> dict[str, int]:
    """The shares in force for a resource: its own if it has any, else the organization's default."""
    rows = connection.execute(text(
        "SELECT resource_id, channel, percent FROM channel_shares WHERE organization_id = :o "
        "AND (resource_id = :r OR resource_id IS NULL)"
    ), {"o": organization_id, "r": resource_id}).all()
    own = {r.channel: r.percent for r in rows if r.resource_id is not None}
    return own or {r.channel: r.percent for r in rows if r.resource_id is None}


def has_own_shares(connection: Connection, resource_id: int) -> bool:
    return bool(connection.scalar(text("SELECT EXISTS (SELECT 1 FROM channel_shares WHERE resource_id = :r)"),
                                  {"r": resource_id}))


def set_channel_shares(connection: Connection, organization_id: int, resource_id: int | None,
                       shares: dict[str, int] | None) -> None:
    """Sets the organization's default shares (``resource_id`` None) or a resource's own ones; a resource's
    own shares may all be zero (nothing reserved, whatever the default); ``None`` removes a resource's own
    shares so the default applies again."""
    connection.execute(text("DELETE FROM channel_shares WHERE organization_id = :o "
                            "AND resource_id IS NOT DISTINCT FROM :r"), {"o": organization_id, "r": resource_id})
    if shares is None:
        return
    clean: dict[str, int] = {}
    for channel, percent in shares.items():
        if channel not in CHANNELS:
            raise InvalidShares(total="?")
        try:
            value = int(percent)
        except (TypeError, ValueError):
            raise InvalidShares(total="?") from None
        if not 0 <= value <= 100:
            raise InvalidShares(total=value)
        if value:
            clean[channel] = value
    if sum(clean.values()) > 100:
        raise InvalidShares(total=sum(clean.values()))
    if resource_id is not None and not clean:
        clean = {"registry": 0}  # "own shares, nothing reserved" still needs a row to say so
    for channel, value in clean.items():
        connection.execute(text("INSERT INTO channel_shares (organization_id, resource_id, channel, percent) "
                                "VALUES (:o, :r, :c, :p)"), {"o": organization_id, "r": resource_id,
                                                             "c": channel, "p": value})


# --- templates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    resource_id: int
    name: str
    kind: str
    cycle_days: int | None
    valid_from: dt.date
    valid_to: dt.date | None
    skip_non_working: bool
    shorten_pre_holiday: bool
    version: int
    intervals: tuple[DayInterval, ...]


def templates(connection: Connection, resource_id: int) -> list[TemplateInfo]:
    rows = connection.execute(text(
        "SELECT id, resource_id, name, kind, cycle_days, valid_from, valid_to, skip_non_working, "
        "shorten_pre_holiday, version FROM schedule_templates WHERE resource_id = :r ORDER BY valid_from, id"
    ), {"r": resource_id}).all()
    if not rows:
        return []
    parts = connection.execute(text(
        "SELECT template_id, day_index, start_minute, end_minute, kind, office_id "
        "FROM schedule_template_intervals WHERE template_id = ANY(:ids) ORDER BY day_index, start_minute"
    ), {"ids": [r.id for r in rows]}).all()
    by_template: dict[int, list[DayInterval]] = {}
    for p in parts:
        by_template.setdefault(p.template_id, []).append(
            DayInterval(p.day_index, p.start_minute, p.end_minute, p.kind, p.office_id))
    return [TemplateInfo(*r, intervals=tuple(by_template.get(r.id, ()))) for r in rows]


def save_template(connection: Connection, resource_id: int, *, name: str, kind: str, valid_from: dt.date,
                  valid_to: dt.date | None, intervals: Sequence[DayInterval], cycle_days: int | None = None,
                  skip_non_working: bool = True, shorten_pre_holiday: bool = True,
                  template_id: int | None = None, version: int | None = None) -> int:
    """Creates (or replaces, with optimistic locking) a template after checking it whole."""
    if not name.strip():
        raise invalid("name")
    if kind not in TEMPLATE_KINDS:
        raise ValueError(kind)
    if kind == "cycle":
        if cycle_days is None or not 2 <= cycle_days <= 28:
            raise invalid("cycle")
    else:
        cycle_days = None
    if valid_to is not None and valid_to < valid_from:
        raise invalid("period")
    validate_intervals(intervals, days=template_days(kind, cycle_days))
    if not any(i.kind == "work" for i in intervals):
        raise invalid("no_work")
    org = connection.scalar(text("SELECT organization_id FROM schedule_resources WHERE id = :r"), {"r": resource_id})
    if org is None:
        raise NotFound(WHAT_RESOURCE)
    values = {"r": resource_id, "o": org, "n": name.strip()[:120], "k": kind, "c": cycle_days, "f": valid_from,
              "t": valid_to, "s": skip_non_working, "h": shorten_pre_holiday}
    if template_id is None:
        template_id = connection.scalar(text(
            "INSERT INTO schedule_templates (organization_id, resource_id, name, kind, cycle_days, valid_from, "
            "valid_to, skip_non_working, shorten_pre_holiday) VALUES (:o, :r, :n, :k, :c, :f, :t, :s, :h) "
            "RETURNING id"), values)
    else:
        updated = connection.execute(text(
            "UPDATE schedule_templates SET name = :n, kind = :k, cycle_days = :c, valid_from = :f, valid_to = :t, "
            "skip_non_working = :s, shorten_pre_holiday = :h, version = version + 1, updated_at = now() "
            "WHERE id = :id AND resource_id = :r AND version = :v"), {**values, "id": template_id, "v": version})
        if updated.rowcount != 1:
            from shared.services.concurrency import last_change
            from shared.services.patients import ChangedByOther

            who = last_change(connection, "schedule_templates", template_id)
            if who is None:
                raise NotFound(WHAT_TEMPLATE)
            raise ChangedByOther(user=who[0], time=who[1])
        connection.execute(text("DELETE FROM schedule_template_intervals WHERE template_id = :t"),
                           {"t": template_id})
    connection.execute(text(
        "INSERT INTO schedule_template_intervals (template_id, day_index, kind, start_minute, end_minute, office_id) "
        "VALUES (:t, :d, :k, :s, :e, :o)"
    ), [{"t": template_id, "d": i.day_index, "k": i.kind, "s": i.start_minute, "e": i.end_minute,
         "o": i.office_id} for i in intervals])
    return template_id


def delete_template(connection: Connection, template_id: int) -> None:
    if connection.execute(text("DELETE FROM schedule_templates WHERE id = :t"), {"t": template_id}).rowcount != 1:
        raise NotFound(WHAT_TEMPLATE)


# --- exceptions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExceptionInfo:
    id: int
    resource_id: int
    kind: str
    first_day: dt.date
    last_day: dt.date
    note: str
    intervals: tuple[DayInterval, ...]


def exceptions(connection: Connection, resource_id: int, first: dt.date | None = None,
               last: dt.date | None = None) -> list[ExceptionInfo]:
    rows = connection.execute(text(
        "SELECT id, resource_id, kind, first_day, last_day, note FROM schedule_exceptions WHERE resource_id = :r "
        "AND (CAST(:a AS date) IS NULL OR last_day >= :a) AND (CAST(:b AS date) IS NULL OR first_day <= :b) "
        "ORDER BY first_day"
    ), {"r": resource_id, "a": first, "b": last}).all()
    parts = connection.execute(text(
        "SELECT exception_id, start_minute, end_minute, kind, office_id FROM schedule_exception_intervals "
        "WHERE exception_id = ANY(:ids) ORDER BY start_minute"), {"ids": [r.id for r in rows]}).all()
    by_exception: dict[int, list[DayInterval]] = {}
    for p in parts:
        by_exception.setdefault(p.exception_id, []).append(
            DayInterval(0, p.start_minute, p.end_minute, p.kind, p.office_id))
    return [ExceptionInfo(*r, intervals=tuple(by_exception.get(r.id, ()))) for r in rows]


def add_exception(connection: Connection, resource_id: int, kind: str, first_day: dt.date, last_day: dt.date,
                  *, note: str = "", intervals: Sequence[DayInterval] = (), allow_day_off: bool = False,
                  regenerate: bool = True) -> GenerationResult | None:
    """Records an absence or a changed day and regenerates the days it covers.

    Returns the regeneration result (with the bookings now outside working time) when ``regenerate``.
    """
    if kind not in EXCEPTION_KINDS:
        raise ValueError(kind)
    if last_day < first_day:
        raise invalid("period")
    if kind == "changed_day":
        if first_day != last_day:
            raise InvalidSchedule(reason=QT_TRANSLATE_NOOP("DomainError", "a changed day is one day."))
        validate_intervals([DayInterval(0, i.start_minute, i.end_minute, i.kind, i.office_id) for i in intervals])
        if not any(i.kind == "work" for i in intervals):
            raise InvalidSchedule(reason=QT_TRANSLATE_NOOP(
                "DomainError", "a changed day needs its working hours; for a day without work add a day off."))
    elif intervals:
        raise InvalidSchedule(reason=QT_TRANSLATE_NOOP("DomainError", "an absence has no working hours."))
    info = resource(connection, resource_id)
    if kind == "changed_day" and not allow_day_off:
        entry = calendar_between(connection, info.organization_id, first_day, first_day)[first_day]
        if not entry.is_working:
            raise ScheduleOnHoliday(day=first_day.strftime("%d.%m.%Y"), note=entry.note or DAY_OFF)
    exception_id = connection.scalar(text(
        "INSERT INTO schedule_exceptions (organization_id, resource_id, kind, first_day, last_day, note) "
        "VALUES (:o, :r, :k, :a, :b, :n) RETURNING id"
    ), {"o": info.organization_id, "r": resource_id, "k": kind, "a": first_day, "b": last_day,
        "n": note.strip()[:500]})
    if intervals:
        connection.execute(text(
            "INSERT INTO schedule_exception_intervals (exception_id, kind, start_minute, end_minute, office_id) "
            "VALUES (:e, :k, :s, :t, :o)"), [{"e": exception_id, "k": i.kind, "s": i.start_minute,
                                               "t": i.end_minute, "o": i.office_id} for i in intervals])
    if regenerate:
        return generate(connection, info.organization_id, first_day, last_day, resource_ids=[resource_id])
    return None


def delete_exception(connection: Connection, exception_id: int) -> GenerationResult:
    row = connection.execute(text("DELETE FROM schedule_exceptions WHERE id = :e "
                                  "RETURNING organization_id, resource_id, first_day, last_day"),
                             {"e": exception_id}).first()
    if row is None:
        raise NotFound(WHAT_EXCEPTION)
    return generate(connection, row.organization_id, row.first_day, row.last_day, resource_ids=[row.resource_id])


# --- generation ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrphanBooking:
    """A booking left outside working time by a new schedule: someone has to call the patient."""

    booking_id: int
    resource_id: int
    starts_at: dt.datetime
    patient_name: str
    phone: str


@dataclass(frozen=True)
class GenerationResult:
    days: int
    intervals: int
    skipped_days_off: int
    orphans: tuple[OrphanBooking, ...]


def organization_zone(connection: Connection, organization_id: int) -> ZoneInfo:
    name = connection.scalar(text("SELECT time_zone FROM organizations WHERE id = :o"), {"o": organization_id})
    return ZoneInfo(name or "Europe/Moscow")


def _day_plan(entry: CalendarEntry, tpl: TemplateInfo) -> list[DayInterval] | None:
    if not (tpl.valid_from <= entry.day and (tpl.valid_to is None or entry.day <= tpl.valid_to)):
        return None
    index = template_day_index(tpl.kind, entry.day, anchor=tpl.valid_from, cycle_days=tpl.cycle_days)
    parts = [i for i in tpl.intervals if i.day_index == index]
    if not parts:
        return None
    # Holidays and weekdays made days off are rest days; ordinary weekends are the template's own
    # business (a weekly template without Saturday hours does not work Saturdays, a 2/2 cycle does).
    if tpl.skip_non_working and (entry.kind == "holiday" or (entry.kind == "weekend" and entry.day.isoweekday() <= 5)):
        return []
    if tpl.shorten_pre_holiday and entry.kind == "shortened":
        # The last working range of the day ends an hour earlier (not before it starts).
        last = max((i for i in parts if i.kind == "work"), key=lambda i: i.end_minute)
        new_end = max(last.start_minute + 15, last.end_minute - 60)
        shortened = []
        for i in parts:
            if i is last:
                shortened.append(DayInterval(i.day_index, i.start_minute, new_end, i.kind, i.office_id))
            elif i.kind == "break" and last.start_minute <= i.start_minute and i.end_minute > new_end:
                if i.start_minute < new_end:  # a break across the new end is cut at it
                    shortened.append(DayInterval(i.day_index, i.start_minute, new_end, i.kind, i.office_id))
            else:
                shortened.append(i)
        parts = shortened
    return parts


def generate(connection: Connection, organization_id: int, first: dt.date, last: dt.date, *,
             resource_ids: Sequence[int] | None = None) -> GenerationResult:
    """Lays the templates (overridden by exceptions) onto the calendar for [first, last]."""
    if last < first:
        raise invalid("period")
    if (last - first).days > 366:
        raise invalid("too_long")
    zone = organization_zone(connection, organization_id)
    calendar = calendar_between(connection, organization_id, first, last)
    targets = resources(connection, organization_id, ids=resource_ids) if resource_ids is not None else \
        resources(connection, organization_id)
    ids = [r.id for r in targets]
    connection.execute(text(
        "DELETE FROM schedule_intervals WHERE resource_id = ANY(:ids) AND day BETWEEN :a AND :b"
    ), {"ids": ids, "a": first, "b": last})
    rows: list[dict] = []
    skipped = 0
    for res in targets:
        tpls = templates(connection, res.id)
        excs = exceptions(connection, res.id, first, last)
        for day, entry in calendar.items():
            exc = next((e for e in excs if e.first_day <= day <= e.last_day), None)
            if exc is not None:
                parts = list(exc.intervals) if exc.kind == "changed_day" else []
                source = {"template_id": None, "exception_id": exc.id}
            else:
                plans = [(t, p) for t in tpls if (p := _day_plan(entry, t)) is not None]
                if not plans:
                    continue
                working = [(t, p) for t, p in plans if p]
                if not working:
                    skipped += 1
                    continue
                parts = [part for _, p in working for part in p]
                if len(working) > 1:
                    work = sorted((i.start_minute, i.end_minute) for i in parts if i.kind == "work")
                    if any(b[0] < a[1] for a, b in zip(work, work[1:], strict=False)):
                        raise TemplatesOverlap(day=day.strftime("%d.%m.%Y"))
                source = {"template_id": working[0][0].id, "exception_id": None}
            for part in parts:
                start, end = local_range(day, part.start_minute, part.end_minute, zone)
                rows.append({"o": organization_id, "r": res.id, "d": day, "k": part.kind, "s": start, "e": end,
                             "of": part.office_id, "t": source["template_id"], "x": source["exception_id"]})
    if rows:
        try:
            with connection.begin_nested():
                connection.execute(text(
                    "INSERT INTO schedule_intervals (organization_id, resource_id, day, kind, period, office_id, "
                    "template_id, exception_id) VALUES (:o, :r, :d, :k, tstzrange(:s, :e), :of, :t, :x)"), rows)
        except DBAPIError as error:
            if getattr(error.orig, "sqlstate", None) == "23P01":
                raise InvalidSchedule(reason=QT_TRANSLATE_NOOP(
                    "DomainError", "the generated working hours of one resource overlap; check its templates "
                    "and changed days.")) from None
            raise
    orphans = bookings_outside_schedule(connection, ids, first, last, zone)
    return GenerationResult((last - first).days + 1, len(rows), skipped, tuple(orphans))


def bookings_outside_schedule(connection: Connection, resource_ids: Sequence[int], first: dt.date,
                              last: dt.date, zone: ZoneInfo) -> list[OrphanBooking]:
    """Active bookings in [first, last] not covered by a working range of their resource (or in a break)."""
    start, _ = local_range(first, 0, 0, zone)
    end, _ = local_range(last + dt.timedelta(days=1), 0, 0, zone)
    rows = connection.execute(text("""
        SELECT b.id, b.resource_id, lower(b.period) AS starts_at,
               coalesce(nullif(btrim(concat_ws(' ', p.last_name, p.first_name, p.middle_name)), ''), b.contact_name) AS who,
               coalesce((SELECT ph.digits FROM patient_phones ph WHERE ph.patient_id = b.patient_id
                          ORDER BY ph.id LIMIT 1), b.contact_phone) AS phone
          FROM bookings b LEFT JOIN patients p ON p.id = b.patient_id
         WHERE b.resource_id = ANY(:ids) AND b.status IN ('booked', 'confirmed', 'arrived')
           AND b.starts_at >= :s AND b.starts_at < :e
           AND (NOT EXISTS (SELECT 1 FROM schedule_intervals i WHERE i.resource_id = b.resource_id
                             AND i.day BETWEEN :a AND :b AND i.kind = 'work' AND i.period @> b.period)
                OR EXISTS (SELECT 1 FROM schedule_intervals i WHERE i.resource_id = b.resource_id
                             AND i.day BETWEEN :a AND :b AND i.kind = 'break' AND i.period && b.period))
         ORDER BY lower(b.period)
    """), {"ids": list(resource_ids), "s": start, "e": end, "a": first - dt.timedelta(days=1),
           "b": last + dt.timedelta(days=1)}).all()
    return [OrphanBooking(r.id, r.resource_id, r.starts_at.astimezone(zone), r.who or "", r.phone or "")
            for r in rows]
