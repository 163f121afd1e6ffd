"""The registrar's booking verbs: one small function each, a service call of `shared.services.booking`
in its own unit of work on a worker thread. Each returns a `BackgroundOp`; the caller adds
``success``/``failure`` and ``run()``s it. Verbs that change bookings announce "bookings" on the
operation bus (and "waiting_list" for the waiting list), so every open list follows.

Times leave here in the organization's time zone, whatever the zone of the connection: the grid and
the lists show the clinic's local time. `booking_slip_pdf` is the plain function behind the printed
slip (no Qt), so tests can check the bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.operations import session_op as _op
from printing.booking_slip import render_booking_slip
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services import booking as bk
from shared.services import schedules
from shared.services.registry_lookup import organization_offices
from shared.services.schedule_printouts import booking_slip

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

#: Bus names announced after a change.
BOOKING_CHANGES = "bookings"
WAITING_CHANGES = "waiting_list"

_NO_ORGANIZATION = QT_TRANSLATE_NOOP(
    "DomainError", "You work in no medical organization yet: ask the administrator to add you to one.")


def _organization(session: AppSession) -> int:
    organization_id = session.organization_id
    if organization_id is None:
        raise DomainError(_NO_ORGANIZATION)
    return organization_id


def _local(moment: dt.datetime | None, zone: ZoneInfo) -> dt.datetime | None:
    return moment.astimezone(zone) if moment is not None else None


def _local_slot(slot: bk.Slot, zone: ZoneInfo) -> bk.Slot:
    return replace(slot, starts_at=slot.starts_at.astimezone(zone), ends_at=slot.ends_at.astimezone(zone))


def _local_booking(item: bk.BookingInfo, zone: ZoneInfo) -> bk.BookingInfo:
    return replace(item, starts_at=item.starts_at.astimezone(zone), ends_at=item.ends_at.astimezone(zone))


# --- What can be booked ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Catalogue:
    """The organization's services, the resources performing them, and office numbers, read once."""

    zone: ZoneInfo
    services: tuple[schedules.ServiceInfo, ...]
    resources: tuple[schedules.ResourceInfo, ...]  # those performing at least one service
    performers: dict[int, tuple[int, ...]] = field(default_factory=dict)  # service id -> resource ids
    offices: dict[int, str] = field(default_factory=dict)  # office id -> number

    def service(self, service_id: int | None) -> schedules.ServiceInfo | None:
        return next((s for s in self.services if s.id == service_id), None)

    def resource(self, resource_id: int | None) -> schedules.ResourceInfo | None:
        return next((r for r in self.resources if r.id == resource_id), None)

    def doctors(self, service_id: int | None, specialty_id: int | None = None) -> list[schedules.ResourceInfo]:
        """Who performs the service (of the specialty), by name."""
        ids = set(self.performers.get(service_id, ())) if service_id is not None else set()
        return [r for r in self.resources
                if r.id in ids and (specialty_id is None or r.specialty_id == specialty_id)]

    def specialties(self, service_id: int | None) -> list[tuple[int, str]]:
        """The specialties of those who perform the service: (id, name), by name."""
        found = {r.specialty_id: r.specialty for r in self.doctors(service_id) if r.specialty_id is not None}
        return sorted(found.items(), key=lambda item: item[1])


def load_catalogue(*, parent: QWidget, session: AppSession) -> BackgroundOp[Catalogue]:
    def run(conn: Connection) -> Catalogue:
        org = _organization(session)
        performers: dict[int, list[int]] = {}
        performing = []
        for res in schedules.resources(conn, org):
            rates = schedules.load_rates(conn, res.id)
            if rates:
                performing.append(res)
            for rate in rates:
                performers.setdefault(rate.service_id, []).append(res.id)
        offices = {o.id: o.number for o in organization_offices(conn, org)}
        return Catalogue(schedules.organization_zone(conn, org), tuple(schedules.services(conn, org)),
                         tuple(performing), {k: tuple(v) for k, v in performers.items()}, offices)

    return _op(parent, session, run, commit=False)


@dataclass(frozen=True)
class SlotSearch:
    """Free slots of a service on some days, and the active bookings of its resources on those days."""

    service_id: int
    first_day: dt.date
    days: int
    resource_ids: tuple[int, ...]
    slots: tuple[bk.Slot, ...]
    bookings: tuple[bk.BookingInfo, ...]

    def day_list(self) -> list[dt.date]:
        return [self.first_day + dt.timedelta(days=n) for n in range(self.days)]

    def slots_on(self, day: dt.date) -> list[bk.Slot]:
        return [s for s in self.slots if s.starts_at.date() == day]

    def bookings_on(self, day: dt.date) -> list[bk.BookingInfo]:
        return [b for b in self.bookings if b.starts_at.date() == day]


def find_free(*, parent: QWidget, session: AppSession, service_id: int, first_day: dt.date, days: int,
              resource_ids: Sequence[int], channel: str = "registry", resource_id: int | None = None,
              specialty_id: int | None = None, patient_id: int | None = None) -> BackgroundOp[SlotSearch]:
    """Every free slot of the service on ``days`` days from ``first_day`` (`BookingRefused` when the
    client may not have the service), with the day's bookings of ``resource_ids`` for the grid."""
    days = max(1, min(days, 7))

    def run(conn: Connection) -> SlotSearch:
        org = _organization(session)
        zone = schedules.organization_zone(conn, org)
        slots = bk.find_slots(conn, org, service_id, first_day=first_day, days=days, channel=channel,
                              resource_id=resource_id, specialty_id=specialty_id, patient_id=patient_id)
        last_day = first_day + dt.timedelta(days=days - 1)
        held = bk.bookings_between(conn, org, first_day, last_day, resource_ids=list(resource_ids)) \
            if resource_ids else []
        return SlotSearch(service_id, first_day, days, tuple(resource_ids),
                          tuple(_local_slot(s, zone) for s in slots),
                          tuple(_local_booking(b, zone) for b in held))

    return _op(parent, session, run, commit=False)


def first_free(*, parent: QWidget, session: AppSession, service_id: int, first_day: dt.date,
               channel: str = "registry", resource_id: int | None = None, specialty_id: int | None = None,
               patient_id: int | None = None) -> BackgroundOp[bk.Slot | None]:
    """The earliest free slot of the service across its doctors (searching up to three months ahead)."""
    def run(conn: Connection) -> bk.Slot | None:
        org = _organization(session)
        slot = bk.first_free(conn, org, service_id, first_day=first_day, channel=channel, resource_id=resource_id,
                             specialty_id=specialty_id, patient_id=patient_id)
        return _local_slot(slot, schedules.organization_zone(conn, org)) if slot else None

    return _op(parent, session, run, commit=False)


# --- Booking and changing a booking ------------------------------------------------------------------


def book(*, parent: QWidget, session: AppSession, service_id: int, slot: bk.Slot, channel: str = "registry",
         patient_id: int | None = None, contact_name: str = "", contact_phone: str = "",
         note: str = "") -> BackgroundOp[bk.BookingInfo]:
    """Books the slot, or fails with `BookingRefused` (why) or `SlotTaken` (with the nearest free slots)."""
    def run(conn: Connection) -> bk.BookingInfo:
        org = _organization(session)
        made = bk.book(conn, bk.BookingRequest(org, service_id, slot.resource_id, slot.starts_at, channel,
                                               patient_id, contact_name, contact_phone, note))
        return made

    return _op(parent, session, _with_local_alternatives(session, run), BOOKING_CHANGES)


def reschedule(*, parent: QWidget, session: AppSession, booking_id: int, version: int,
               slot: bk.Slot) -> BackgroundOp[bk.BookingInfo]:
    """Moves the booking to the slot's time and resource; the old time stays in its history."""
    return _op(parent, session, _with_local_alternatives(session, lambda conn: bk.reschedule(
        conn, booking_id, version, starts_at=slot.starts_at, resource_id=slot.resource_id)), BOOKING_CHANGES)


def cancel(*, parent: QWidget, session: AppSession, booking_id: int, version: int,
           reason: str) -> BackgroundOp[bk.BookingInfo]:
    """Cancels, saying why (`BookingRefused` when no reason is given)."""
    return _op(parent, session, lambda conn: bk.cancel(conn, booking_id, version, reason), BOOKING_CHANGES)


def set_status(*, parent: QWidget, session: AppSession, booking_id: int, version: int,
               status: str) -> BackgroundOp[bk.BookingInfo]:
    """Confirmed, arrived, no-show... (`StatusNotAllowed` for a change the booking's state forbids)."""
    return _op(parent, session, lambda conn: bk.set_status(conn, booking_id, version, status), BOOKING_CHANGES)


def personalize(*, parent: QWidget, session: AppSession, booking_id: int, version: int,
                patient_id: int) -> BackgroundOp[bk.BookingInfo]:
    """Attaches an anonymous booking (a name and a phone) to the client's record."""
    return _op(parent, session, lambda conn: bk.personalize(conn, booking_id, version, patient_id), BOOKING_CHANGES)


def _with_local_alternatives(session: AppSession, fn):
    """``fn`` whose `SlotTaken` offers its alternatives in the organization's time zone."""
    def run(conn: Connection):
        try:
            return fn(conn)
        except bk.SlotTaken as taken:
            zone = schedules.organization_zone(conn, _organization(session))
            raise bk.SlotTaken(tuple(_local_slot(s, zone) for s in taken.alternatives)) from None

    return run


# --- A client's bookings -----------------------------------------------------------------------------


def client_bookings(*, parent: QWidget, session: AppSession,
                    patient_id: int) -> BackgroundOp[tuple[bk.BookingInfo, ...]]:
    """The client's bookings that have not ended yet, whatever their state, by time."""
    def run(conn: Connection) -> tuple[bk.BookingInfo, ...]:
        zone = schedules.organization_zone(conn, _organization(session))
        return tuple(_local_booking(b, zone) for b in bk.patient_bookings(conn, patient_id))

    return _op(parent, session, run, commit=False)


@dataclass(frozen=True)
class BookingHistory:
    booking: bk.BookingInfo
    events: tuple[bk.BookingEventInfo, ...]  # times in the organization's zone
    resource_names: dict[int, str]


def booking_history(*, parent: QWidget, session: AppSession, booking_id: int) -> BackgroundOp[BookingHistory]:
    """Who booked, moved, confirmed or cancelled the booking, when, and what it was before."""
    def run(conn: Connection) -> BookingHistory:
        org = _organization(session)
        zone = schedules.organization_zone(conn, org)
        events = tuple(replace(e, occurred_at=_local(e.occurred_at, zone), old_starts_at=_local(e.old_starts_at, zone),
                               new_starts_at=_local(e.new_starts_at, zone)) for e in bk.history(conn, booking_id))
        ids = {i for e in events for i in (e.old_resource_id, e.new_resource_id) if i is not None}
        names = {r.id: r.name for r in schedules.resources(conn, org, active_only=False, ids=list(ids))} if ids else {}
        return BookingHistory(_local_booking(bk.booking(conn, booking_id), zone), events, names)

    return _op(parent, session, run, commit=False)


def booking_slip_pdf(conn: Connection, booking_id: int, printed_by: str = "") -> bytes:
    """The booking's slip as PDF bytes (A6, one page)."""
    return render_booking_slip(booking_slip(conn, booking_id, printed_by))


def slip_pdf(*, parent: QWidget, session: AppSession, booking_id: int) -> BackgroundOp[bytes]:
    printed_by = session.user.full_name
    return _op(parent, session, lambda conn: booking_slip_pdf(conn, booking_id, printed_by), commit=False)


# --- Waiting list --------------------------------------------------------------------------------------


def add_to_waiting_list(*, parent: QWidget, session: AppSession, service_id: int, wanted_from: dt.date,
                        wanted_to: dt.date | None = None, patient_id: int | None = None, contact_name: str = "",
                        contact_phone: str = "", resource_id: int | None = None, channel: str = "registry",
                        note: str = "") -> BackgroundOp[int]:
    return _op(parent, session, lambda conn: bk.add_to_waiting_list(
        conn, _organization(session), service_id, wanted_from=wanted_from, wanted_to=wanted_to,
        patient_id=patient_id, contact_name=contact_name, contact_phone=contact_phone, resource_id=resource_id,
        channel=channel, note=note), WAITING_CHANGES)


def waiting_list(*, parent: QWidget, session: AppSession) -> BackgroundOp[tuple[bk.WaitingEntry, ...]]:
    """Who is waiting (oldest first), with the time they were added in the organization's zone."""
    def run(conn: Connection) -> tuple[bk.WaitingEntry, ...]:
        org = _organization(session)
        zone = schedules.organization_zone(conn, org)
        return tuple(replace(w, created_at=_local(w.created_at, zone)) for w in bk.waiting_list(conn, org))

    return _op(parent, session, run, commit=False)


def first_free_for_waiting(*, parent: QWidget, session: AppSession,
                           entry: bk.WaitingEntry) -> BackgroundOp[bk.Slot | None]:
    """The earliest free slot for a waiting client: from the wanted day (today at the earliest), of the
    wanted doctor if one was named."""
    first_day = max(entry.wanted_from, dt.date.today())
    return first_free(parent=parent, session=session, service_id=entry.service_id, first_day=first_day,
                      channel=entry.channel, resource_id=entry.resource_id, patient_id=entry.patient_id)


def book_from_waiting_list(*, parent: QWidget, session: AppSession, entry_id: int, version: int,
                           slot: bk.Slot) -> BackgroundOp[bk.BookingInfo]:
    return _op(parent, session, _with_local_alternatives(session, lambda conn: bk.book_from_waiting_list(
        conn, entry_id, version, slot)), BOOKING_CHANGES, WAITING_CHANGES)


def withdraw_from_waiting_list(*, parent: QWidget, session: AppSession, entry_id: int,
                               version: int) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: bk.withdraw_from_waiting_list(conn, entry_id, version),
               WAITING_CHANGES)
