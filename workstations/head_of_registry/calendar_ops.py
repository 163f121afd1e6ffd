"""The head of registry's planning verbs for the production calendar, the organization's working hours
and the printed work schedule: one small function each, a service call in its own unit of work on a
worker thread. Each returns a `BackgroundOp`; the caller adds ``success``/``failure`` and ``run()``s it.

`schedule_pdf` is the plain function behind the printed schedule (no Qt), so tests can check the bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.operations import session_op as _op
from printing.work_schedule import render_work_schedule
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services import calendar
from shared.services.schedule_printouts import work_schedule_document
from shared.services.schedule_rules import parse_hhmm

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

#: Bus name announced when calendar days or working hours change.
CALENDAR_CHANGES = "calendar"

#: Working hours as typed: weekday (1 = Monday) -> (opens, closes) like "08:00", or None when closed.
HoursText = dict[int, tuple[str, str] | None]


@dataclass(frozen=True)
class CalendarData:
    """One year of the organization's calendar and its weekly working hours, read in one snapshot."""

    year: int
    days: tuple[calendar.CalendarEntry, ...]
    hours: dict[int, calendar.OpeningHours]
    #: (id, name) of the organization's departments, and the hours of those that keep their own.
    departments: tuple[tuple[int, str], ...] = ()
    department_hours: dict[int, dict[int, calendar.OpeningHours]] = field(default_factory=dict)

    def hours_of(self, department_id: int | None) -> dict[int, calendar.OpeningHours]:
        """The weekly hours of a department (its own, else the organization's), or of the organization."""
        if department_id is None:
            return self.hours
        return self.department_hours.get(department_id) or self.hours

    def entry(self, day: dt.date) -> calendar.CalendarEntry | None:
        index = (day - dt.date(self.year, 1, 1)).days
        return self.days[index] if 0 <= index < len(self.days) else None


_NO_ORGANIZATION = QT_TRANSLATE_NOOP(
    "DomainError", "You work in no medical organization yet: ask the administrator to add you to one.")


class HoursRefused(DomainError):
    """The service refused the hours of one weekday: its message, and which weekday it was."""

    def __init__(self, weekday: int, cause: DomainError) -> None:
        self.weekday = weekday
        self.translatable_params = cause.translatable_params
        super().__init__(cause.message, **cause.params)


def _organization(session: AppSession) -> int:
    organization_id = session.organization_id
    if organization_id is None:
        raise DomainError(_NO_ORGANIZATION)
    return organization_id


def load_calendar(*, parent: QWidget, session: AppSession, year: int) -> BackgroundOp[CalendarData]:
    def run(conn: Connection) -> CalendarData:
        org = _organization(session)
        days = calendar.calendar_between(conn, org, dt.date(year, 1, 1), dt.date(year, 12, 31))
        departments = calendar.departments(conn, org)
        own = {d: h for d, _name in departments if (h := calendar.working_hours(conn, org, d))}
        return CalendarData(year, tuple(days.values()), calendar.working_hours(conn, org), departments, own)

    return _op(parent, session, run, commit=False)


def set_day(*, parent: QWidget, session: AppSession, day: dt.date, kind: str, note: str = "") -> BackgroundOp[None]:
    """Makes ``day`` a working, shortened, weekend or holiday day (a transferred day off, a local holiday)."""
    return _op(parent, session, lambda conn: calendar.set_day(conn, _organization(session), day, kind, note),
               CALENDAR_CHANGES)


def seed_year(*, parent: QWidget, session: AppSession, year: int, overwrite: bool) -> BackgroundOp[int]:
    """Fills ``year`` from the Russian production calendar; days edited by hand stay unless ``overwrite``."""
    return _op(parent, session, lambda conn: calendar.seed_calendar(conn, _organization(session), year,
                                                                    overwrite=overwrite), CALENDAR_CHANGES)


def parse_hours(hours: HoursText) -> dict[int, tuple[int, int] | None]:
    """The typed hours in minutes; a badly typed time raises `HoursRefused` naming its weekday."""
    parsed: dict[int, tuple[int, int] | None] = {}
    for weekday, value in sorted(hours.items()):
        try:
            parsed[weekday] = None if value is None else (parse_hhmm(value[0]), parse_hhmm(value[1]))
        except DomainError as exc:
            raise HoursRefused(weekday, exc) from exc
    return parsed


def save_working_hours(*, parent: QWidget, session: AppSession, hours: HoursText,
                       department_id: int | None = None) -> BackgroundOp[None]:
    """Replaces the opening hours of the organization or of one department; all or nothing
    (`HoursRefused` says which weekday)."""
    def run(conn: Connection) -> None:
        org = _organization(session)
        parsed = parse_hours(hours)
        for weekday, value in parsed.items():
            # One weekday per call, so a refusal names its weekday; the unit of work keeps it all or nothing.
            try:
                calendar.set_working_hours(conn, org, {weekday: value}, department_id)
            except DomainError as exc:
                raise HoursRefused(weekday, exc) from exc

    return _op(parent, session, run, CALENDAR_CHANGES)


# --- The printed work schedule ---------------------------------------------------------------------


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def schedule_pdf(connection: Connection, organization_id: int, monday: dt.date) -> bytes:
    """The week's work schedule poster (Monday to Sunday) as PDF bytes."""
    return render_work_schedule(work_schedule_document(connection, organization_id, monday_of(monday), 7))


def build_schedule_pdf(*, parent: QWidget, session: AppSession, monday: dt.date) -> BackgroundOp[bytes]:
    return _op(parent, session, lambda conn: schedule_pdf(conn, _organization(session), monday), commit=False)
