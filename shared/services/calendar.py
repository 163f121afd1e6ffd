"""The production calendar of an organization and its working hours.

Seeded from the `holidays` package (Russian public holidays and transferred days off) with the
Labour Code rule for shortened days (art. 95: the working day right before a public holiday is an
hour shorter, not before a transferred day off); the head of registry edits it afterwards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import holidays
from sqlalchemy import Connection, text

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models.scheduling import DAY_KINDS
from shared.services.schedule_rules import MINUTES_PER_DAY, format_minutes

# Transferred days off carry these words in the package's English names.
_TRANSFER_MARKERS = ("substituted", "observed")


class InvalidCalendar(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The calendar cannot be changed: {reason}")
    translatable_params = ("reason",)


_UNKNOWN_KIND = QT_TRANSLATE_NOOP("DomainError", "unknown kind of day.")
_BAD_HOURS = QT_TRANSLATE_NOOP("DomainError", "opening hours must end after they start, within one day.")
_BAD_YEAR = QT_TRANSLATE_NOOP("DomainError", "the calendar is kept for years 2000 to 2100.")


@dataclass(frozen=True)
class CalendarEntry:
    day: dt.date
    kind: str
    note: str

    @property
    def is_working(self) -> bool:
        return self.kind in ("working", "shortened")


def russian_calendar(year: int) -> list[CalendarEntry]:
    """Every day of ``year`` with its kind under the Russian production calendar."""
    if not 2000 <= year <= 2100:
        raise InvalidCalendar(reason=_BAD_YEAR)
    names_en = holidays.country_holidays("RU", years=[year, year + 1])
    names_ru = holidays.country_holidays("RU", years=[year, year + 1], language="ru")
    working_weekends = set(names_en.weekend_workdays)

    def off_kind(day: dt.date) -> str | None:
        if day in names_en:
            transferred = any(m in names_en[day].lower() for m in _TRANSFER_MARKERS)
            return "weekend" if transferred else "holiday"
        if day.isoweekday() >= 6 and day not in working_weekends:
            return "weekend"
        return None

    entries = []
    day = dt.date(year, 1, 1)
    while day.year == year:
        kind = off_kind(day)
        note = names_ru.get(day, "") if kind else ""
        if kind is None:
            tomorrow = off_kind(day + dt.timedelta(days=1))
            # Official calendars shorten working Saturdays too (2025: 1 November).
            kind = "shortened" if tomorrow == "holiday" or day in working_weekends else "working"
            if day in working_weekends:
                note = "Рабочий день (перенос выходного)"
        entries.append(CalendarEntry(day, kind, note))
        day += dt.timedelta(days=1)
    return entries


def seed_calendar(connection: Connection, organization_id: int, year: int, *, overwrite: bool = False) -> int:
    """Stores ``year`` of the Russian calendar for the organization; keeps edited days unless ``overwrite``."""
    rows = [{"o": organization_id, "d": e.day, "k": e.kind, "n": e.note} for e in russian_calendar(year)]
    insert = "INSERT INTO calendar_days (organization_id, day, kind, note) VALUES (:o, :d, :k, :n) "
    if overwrite:
        connection.execute(text(insert + "ON CONFLICT (organization_id, day) DO UPDATE SET kind = excluded.kind, "
                                "note = excluded.note"), rows)
    else:
        connection.execute(text(insert + "ON CONFLICT (organization_id, day) DO NOTHING"), rows)
    return len(rows)


def calendar_between(connection: Connection, organization_id: int, first: dt.date,
                     last: dt.date) -> dict[dt.date, CalendarEntry]:
    """Days of the calendar in [first, last]; days missing from it are working weekdays / weekends."""
    rows = connection.execute(text(
        "SELECT day, kind, note FROM calendar_days WHERE organization_id = :o AND day BETWEEN :a AND :b"
    ), {"o": organization_id, "a": first, "b": last}).all()
    stored = {r.day: CalendarEntry(r.day, r.kind, r.note) for r in rows}
    result = {}
    day = first
    while day <= last:
        result[day] = stored.get(day) or CalendarEntry(
            day, "weekend" if day.isoweekday() >= 6 else "working", ""
        )
        day += dt.timedelta(days=1)
    return result


def set_day(connection: Connection, organization_id: int, day: dt.date, kind: str, note: str = "") -> None:
    """Changes one day (a transferred day off, a local holiday, a shortened day)."""
    if kind not in DAY_KINDS:
        raise InvalidCalendar(reason=_UNKNOWN_KIND)
    connection.execute(text(
        "INSERT INTO calendar_days (organization_id, day, kind, note) VALUES (:o, :d, :k, :n) "
        "ON CONFLICT (organization_id, day) DO UPDATE SET kind = excluded.kind, note = excluded.note"
    ), {"o": organization_id, "d": day, "k": kind, "n": note.strip()[:300]})


@dataclass(frozen=True)
class OpeningHours:
    weekday: int
    opens_minute: int
    closes_minute: int

    @property
    def text(self) -> str:
        return f"{format_minutes(self.opens_minute)}–{format_minutes(self.closes_minute)}"


def departments(connection: Connection, organization_id: int) -> tuple[tuple[int, str], ...]:
    """(id, name) of the organization's active departments, whose hours may differ from its own."""
    return tuple((r.id, r.name) for r in connection.execute(text(
        "SELECT id, name FROM departments WHERE organization_id = :o AND is_active ORDER BY name"
    ), {"o": organization_id}))


def working_hours(connection: Connection, organization_id: int,
                  department_id: int | None = None) -> dict[int, OpeningHours]:
    rows = connection.execute(text(
        "SELECT weekday, opens_minute, closes_minute FROM working_hours "
        "WHERE organization_id = :o AND department_id IS NOT DISTINCT FROM :d"
    ), {"o": organization_id, "d": department_id}).all()
    return {r.weekday: OpeningHours(r.weekday, r.opens_minute, r.closes_minute) for r in rows}


def set_working_hours(connection: Connection, organization_id: int, hours: dict[int, tuple[int, int] | None],
                      department_id: int | None = None) -> None:
    """Replaces the opening hours by weekday (None: closed that weekday)."""
    for weekday, value in hours.items():
        if not 1 <= weekday <= 7:
            raise InvalidCalendar(reason=_BAD_HOURS)
        if value is not None:
            opens, closes = value
            if not (0 <= opens < closes <= MINUTES_PER_DAY):
                raise InvalidCalendar(reason=_BAD_HOURS)
    for weekday, value in hours.items():
        connection.execute(text(
            "DELETE FROM working_hours WHERE organization_id = :o AND department_id IS NOT DISTINCT FROM :d "
            "AND weekday = :w"
        ), {"o": organization_id, "d": department_id, "w": weekday})
        if value is not None:
            connection.execute(text(
                "INSERT INTO working_hours (organization_id, department_id, weekday, opens_minute, closes_minute) "
                "VALUES (:o, :d, :w, :a, :b)"
            ), {"o": organization_id, "d": department_id, "w": weekday, "a": value[0], "b": value[1]})


def hours_on(entry: CalendarEntry, weekly: dict[int, OpeningHours]) -> OpeningHours | None:
    """Opening hours on a calendar day: closed on holidays and on weekdays made days off; a working
    Saturday or Sunday works Friday's hours; a shortened day closes an hour early."""
    weekday = entry.day.isoweekday()
    if entry.kind == "holiday" or (entry.kind == "weekend" and weekday <= 5):
        return None
    if entry.is_working and weekday >= 6 and weekday not in weekly:
        weekday = 5
    base = weekly.get(weekday)
    if base is None:
        return None
    if entry.kind == "shortened":
        return OpeningHours(base.weekday, base.opens_minute, max(base.opens_minute + 1, base.closes_minute - 60))
    return base
