"""The head of registry's planning verbs, one small function each: a scheduling service call in its own
unit of work on a worker thread (`shared.services.schedules` and `shared.services.booking`).

Each returns a `BackgroundOp`; the caller adds ``success``/``failure`` and ``run()``s it. What a verb
changed is announced on the operation bus, so the planning and workload pages refresh themselves.
Times handed to the screens are in the organization's time zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.operations import session_op as _op
from shared.services import booking as bk
from shared.services import schedules
from shared.services.schedule_rules import DayInterval

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

#: Templates, exceptions and generated working time.
SCHEDULE_CHANGES = "schedules"
#: Resources, their services and load rates, day limits and channel shares.
RESOURCE_CHANGES = "schedule_resources"
#: Bookings (moved after a doctor's absence).
BOOKING_CHANGES = "bookings"

#: How far back the exceptions tab looks.
EXCEPTIONS_LOOKBACK_DAYS = 31
#: Bookings in these states can be moved to other times (as `booking.move_day` moves them).
MOVABLE = ("booked", "confirmed")


@dataclass(frozen=True)
class OfficeChoice:
    """An office a working range can be held in (offices are resources of their own)."""

    id: int
    name: str


@dataclass(frozen=True)
class PlanningLists:
    """What the planning page chooses from: resources, the services catalogue and offices."""

    organization_id: int | None
    resources: tuple[schedules.ResourceInfo, ...]
    services: tuple[schedules.ServiceInfo, ...]
    offices: tuple[OfficeChoice, ...]


@dataclass(frozen=True)
class ResourcePlan:
    """Everything planned for one resource, read in one snapshot."""

    resource: schedules.ResourceInfo
    templates: tuple[schedules.TemplateInfo, ...]
    exceptions: tuple[schedules.ExceptionInfo, ...]
    load_rates: tuple[schedules.LoadRate, ...]
    shares: dict[str, int] = field(default_factory=dict)  # in force for the resource
    default_shares: dict[str, int] = field(default_factory=dict)  # the organization's
    own_shares: bool = False


@dataclass(frozen=True)
class TemplateDraft:
    """A template as typed in the editor, before the service checks it."""

    name: str
    kind: str
    valid_from: dt.date
    valid_to: dt.date | None
    intervals: tuple[DayInterval, ...]
    cycle_days: int | None = None
    skip_non_working: bool = True
    shorten_pre_holiday: bool = True
    template_id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class Orphan:
    """A booking left outside working time: whom to call (time in the organization's zone)."""

    booking_id: int
    resource_id: int
    starts_at: dt.datetime
    patient_name: str
    phone: str


@dataclass(frozen=True)
class PlanOutcome:
    """What a generation (or an exception, which regenerates its days) did."""

    days: int
    intervals: int
    skipped_days_off: int
    orphans: tuple[Orphan, ...]


@dataclass(frozen=True)
class WorkloadData:
    first: dt.date
    last: dt.date
    resources: tuple[schedules.ResourceInfo, ...]
    cells: tuple[bk.WorkloadCell, ...]


def _outcome(conn: Connection, organization_id: int | None,
             result: schedules.GenerationResult | None) -> PlanOutcome:
    if result is None:
        return PlanOutcome(0, 0, 0, ())
    zone = schedules.organization_zone(conn, organization_id) if organization_id is not None else dt.UTC
    orphans = tuple(Orphan(o.booking_id, o.resource_id, o.starts_at.astimezone(zone), o.patient_name, o.phone)
                    for o in result.orphans)
    return PlanOutcome(result.days, result.intervals, result.skipped_days_off, orphans)


# --- Reading ---------------------------------------------------------------------------------------


def load_lists(*, parent: QWidget, session: AppSession) -> BackgroundOp[PlanningLists]:
    org = session.organization_id

    def run(conn: Connection) -> PlanningLists:
        if org is None:
            return PlanningLists(None, (), (), ())
        found = tuple(schedules.resources(conn, org))
        offices = tuple(OfficeChoice(r.office_id, r.name) for r in found
                        if r.kind == "office" and r.office_id is not None)
        return PlanningLists(org, found, tuple(schedules.services(conn, org)), offices)

    return _op(parent, session, run, commit=False)


def load_plan(*, parent: QWidget, session: AppSession, resource_id: int,
              today: dt.date | None = None) -> BackgroundOp[ResourcePlan]:
    def run(conn: Connection) -> ResourcePlan:
        info = schedules.resource(conn, resource_id)
        since = (today or dt.date.today()) - dt.timedelta(days=EXCEPTIONS_LOOKBACK_DAYS)
        shares = schedules.channel_shares(conn, info.organization_id, resource_id)
        default = schedules.channel_shares(conn, info.organization_id, None)
        return ResourcePlan(
            info, tuple(schedules.templates(conn, resource_id)),
            tuple(schedules.exceptions(conn, resource_id, since)),
            tuple(schedules.load_rates(conn, resource_id)),
            shares, default, schedules.has_own_shares(conn, resource_id))

    return _op(parent, session, run, commit=False)


def load_workload(*, parent: QWidget, session: AppSession, first: dt.date,
                  last: dt.date) -> BackgroundOp[WorkloadData]:
    org = session.organization_id

    def run(conn: Connection) -> WorkloadData:
        if org is None:
            return WorkloadData(first, last, (), ())
        return WorkloadData(first, last, tuple(schedules.resources(conn, org)),
                            tuple(bk.workload(conn, org, first, last)))

    return _op(parent, session, run, commit=False)


# --- Resources -------------------------------------------------------------------------------------


def ensure_resources(*, parent: QWidget, session: AppSession) -> BackgroundOp[int]:
    """Makes every medical staff member and office bookable; returns how many were added."""
    org = session.organization_id
    return _op(parent, session, lambda conn: schedules.ensure_staff_resources(conn, org) if org else 0,
               RESOURCE_CHANGES)


def add_equipment(*, parent: QWidget, session: AppSession, name: str) -> BackgroundOp[int]:
    org = session.organization_id
    return _op(parent, session, lambda conn: schedules.add_equipment(conn, org, name), RESOURCE_CHANGES)


def set_max_patients(*, parent: QWidget, session: AppSession, resource_id: int,
                     value: int | None) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: schedules.set_max_patients(conn, resource_id, value),
               RESOURCE_CHANGES)


def set_load_rate(*, parent: QWidget, session: AppSession, resource_id: int, service_id: int,
                  minutes: int | str) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: schedules.set_load_rate(conn, resource_id, service_id, minutes),
               RESOURCE_CHANGES)


def remove_load_rate(*, parent: QWidget, session: AppSession, resource_id: int,
                     service_id: int) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: schedules.remove_load_rate(conn, resource_id, service_id),
               RESOURCE_CHANGES)


def set_channel_shares(*, parent: QWidget, session: AppSession, resource_id: int,
                       shares: dict[str, int] | None) -> BackgroundOp[None]:
    """The resource's own shares, or with ``None`` the organization's default (its own ones removed)."""
    org = session.organization_id
    return _op(parent, session,
               lambda conn: schedules.set_channel_shares(conn, org, resource_id, shares),
               RESOURCE_CHANGES)


# --- Templates, exceptions, generation ---------------------------------------------------------------


def save_template(*, parent: QWidget, session: AppSession, resource_id: int,
                  draft: TemplateDraft) -> BackgroundOp[int]:
    return _op(parent, session, lambda conn: schedules.save_template(
        conn, resource_id, name=draft.name, kind=draft.kind, valid_from=draft.valid_from,
        valid_to=draft.valid_to, intervals=draft.intervals, cycle_days=draft.cycle_days,
        skip_non_working=draft.skip_non_working, shorten_pre_holiday=draft.shorten_pre_holiday,
        template_id=draft.template_id, version=draft.version),
        SCHEDULE_CHANGES)


def delete_template(*, parent: QWidget, session: AppSession, template_id: int) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: schedules.delete_template(conn, template_id), SCHEDULE_CHANGES)


def add_exception(*, parent: QWidget, session: AppSession, resource_id: int, kind: str, first_day: dt.date,
                  last_day: dt.date, note: str = "", intervals: Sequence[DayInterval] = (),
                  allow_day_off: bool = False) -> BackgroundOp[PlanOutcome]:
    """Records an absence or a changed day and regenerates its days (`ScheduleOnHoliday` asks first)."""
    def run(conn: Connection) -> PlanOutcome:
        result = schedules.add_exception(conn, resource_id, kind, first_day, last_day, note=note,
                                         intervals=intervals, allow_day_off=allow_day_off)
        return _outcome(conn, session.organization_id, result)

    return _op(parent, session, run, SCHEDULE_CHANGES)


def delete_exception(*, parent: QWidget, session: AppSession, exception_id: int) -> BackgroundOp[PlanOutcome]:
    return _op(parent, session, lambda conn: _outcome(
        conn, session.organization_id, schedules.delete_exception(conn, exception_id)), SCHEDULE_CHANGES)


def generate(*, parent: QWidget, session: AppSession, first: dt.date, last: dt.date,
             resource_ids: Sequence[int] | None = None) -> BackgroundOp[PlanOutcome]:
    """Lays the templates onto the calendar for [first, last], for ``resource_ids`` or every resource."""
    org = session.organization_id
    ids = list(resource_ids) if resource_ids is not None else None
    return _op(parent, session, lambda conn: _outcome(
        conn, org, schedules.generate(conn, org, first, last, resource_ids=ids)), SCHEDULE_CHANGES)


# --- Moving bookings ---------------------------------------------------------------------------------


def move_bookings(*, parent: QWidget, session: AppSession, orphans: Sequence[Orphan],
                  same_day: bool = True) -> BackgroundOp[tuple[bk.MovedBooking, ...]]:
    """Moves the bookings left outside working time to the first free time of any resource performing
    the service, from the same day or from the next day; returns who to call (new time or not moved)."""
    org = session.organization_id
    wanted = tuple(orphans)
    return _op(parent, session, lambda conn: _move(conn, org, wanted, same_day), BOOKING_CHANGES)


def _move(conn: Connection, org: int | None, orphans: Sequence[Orphan],
          same_day: bool) -> tuple[bk.MovedBooking, ...]:
    if org is None or not orphans:
        return ()
    zone = schedules.organization_zone(conn, org)
    wanted = {o.booking_id for o in orphans}
    report: dict[int, bk.MovedBooking] = {}
    for resource_id, day in sorted({(o.resource_id, o.starts_at.astimezone(zone).date()) for o in orphans}):
        to_day = day if same_day else day + dt.timedelta(days=1)
        on_day = {b.id: b for b in bk.bookings_between(conn, org, day, day, resource_ids=[resource_id])}
        movable = {i for i, b in on_day.items() if b.status in MOVABLE}
        if movable <= wanted:
            # Every movable booking of the day is left without working time: the service's own verb.
            for line in bk.move_day(conn, resource_id, day, to_day=to_day, any_resource=True):
                report[line.booking_id] = line
        else:
            # A changed day keeps some of its bookings: move only those left outside the new hours.
            for booking_id in sorted(movable & wanted, key=lambda i: on_day[i].starts_at):
                report[booking_id] = _move_one(conn, on_day[booking_id], to_day)
        for booking_id, item in on_day.items():
            if booking_id in wanted and booking_id not in report:
                # Arrived patients and the like stay where they are; they are on the list to call.
                report[booking_id] = _not_moved(item)
    order = {o.booking_id: (o.starts_at, n) for n, o in enumerate(orphans)}
    return tuple(sorted(report.values(), key=lambda m: order.get(m.booking_id, (m.old_starts_at, 0))))


def _not_moved(item: bk.BookingInfo) -> bk.MovedBooking:
    return bk.MovedBooking(item.id, item.client_name, item.phone, item.service_name, item.starts_at,
                           None, None)


def _move_one(conn: Connection, item: bk.BookingInfo, to_day: dt.date) -> bk.MovedBooking:
    """One booking to the first free time of any resource performing its service (as `move_day` does)."""
    try:
        slots = bk.find_slots(conn, item.organization_id, item.service_id, first_day=to_day, first_only=True,
                              channel=item.channel, patient_id=item.patient_id)
    except bk.BookingRefused:
        return _not_moved(item)
    for slot in slots:
        try:
            moved = bk.reschedule(conn, item.id, item.version, starts_at=slot.starts_at,
                                  resource_id=slot.resource_id)
        except (bk.SlotTaken, bk.BookingRefused):
            continue
        return bk.MovedBooking(item.id, item.client_name, item.phone, item.service_name, item.starts_at,
                               moved.starts_at, moved.resource_id)
    return _not_moved(item)
