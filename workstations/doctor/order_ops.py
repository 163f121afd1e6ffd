"""What the visit orders, one verb each (as in `ops`): the repeat visit, the appointments of services
(booked with the slot finder) and the medicinal prescriptions of the record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.operations import session_op as _op
from shared.services import booking
from shared.services import visit_records as vr
from workstations.doctor.ops import (
    BOOKING_CHANGES,
    RECORD_CHANGES,
    TASK_CHANGES,
    Draft,
    save_record,
)

try:  # appointments arrived with migration 0010; a build without them books the repeat visit plainly
    from shared.services import appointments, prescriptions
except ImportError:  # pragma: no cover
    appointments = prescriptions = None

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

APPOINTMENT_CHANGES = "appointments"


# --- the repeat visit ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RepeatVisit:
    """What a repeat visit books: the same service with the same doctor (their schedule resource)."""

    organization_id: int
    service_id: int
    service_name: str
    resource_id: int
    patient_id: int
    patient_name: str
    card_id: int | None = None


@dataclass(frozen=True)
class RepeatBooked:
    """The repeat visit booked: when, what, and the record it was appointed in (None: in the card)."""

    starts_at: dt.datetime
    service_name: str
    record: vr.VisitRecord | None


def _book_repeat(conn: Connection, visit: RepeatVisit, slot: booking.Slot, draft: Draft | None) -> RepeatBooked:
    """An appointment of the visit's service in the draft (saved first) or, from a signed record, in the card,
    ordered and booked into ``slot`` in one step; without appointments in this build, a plain booking."""
    if appointments is None:
        request = booking.BookingRequest(organization_id=visit.organization_id, service_id=visit.service_id,
                                         resource_id=slot.resource_id, starts_at=slot.starts_at, channel="doctor",
                                         patient_id=visit.patient_id)
        made = booking.book(conn, request)
        return RepeatBooked(made.starts_at, made.service_name, None)
    if draft is not None:
        record_id = save_record(conn, draft)
        made = appointments.book_repeat_visit(conn, record_id, visit.service_id, slot)
        return RepeatBooked(made.starts_at or slot.starts_at, made.service_name, vr.record(conn, record_id))
    appointment_id = appointments.prescribe(conn, None, visit.service_id, card_id=visit.card_id)
    version = appointments.appointment(conn, appointment_id).version
    made = appointments.book(conn, appointment_id, version, slot)
    return RepeatBooked(made.starts_at or slot.starts_at, made.service_name, None)


@dataclass(frozen=True)
class FreeTimes:
    """Free slots with the names of the doctors (schedule resources) they belong to."""

    slots: tuple[booking.Slot, ...]
    names: Mapping[int, str]


def _resource_names(conn: Connection, ids) -> dict[int, str]:
    ids = sorted(set(ids))
    if not ids:
        return {}
    rows = conn.execute(text(
        "SELECT r.id, CASE WHEN m.id IS NOT NULL THEN btrim(m.last_name || ' ' || left(m.first_name, 1) || '.' "
        "|| coalesce(left(nullif(m.middle_name, ''), 1) || '.', '')) ELSE coalesce(nullif(r.name, ''), f.number, '') "
        "END AS name FROM schedule_resources r LEFT JOIN staff_members m ON m.id = r.staff_member_id "
        "LEFT JOIN offices f ON f.id = r.office_id WHERE r.id = ANY(:ids)"), {"ids": ids})
    return {r.id: r.name for r in rows}


def _free(conn: Connection, slots) -> FreeTimes:
    slots = tuple(slots)
    return FreeTimes(slots, _resource_names(conn, [s.resource_id for s in slots]))


def find_repeat_slots(*, parent: QWidget, session: AppSession, visit: RepeatVisit, first_day: dt.date,
                      days: int) -> BackgroundOp[FreeTimes]:
    return _op(parent, session, lambda conn: _free(conn, booking.find_slots(
        conn, visit.organization_id, visit.service_id, first_day=first_day, days=days, channel="doctor",
        resource_id=visit.resource_id, patient_id=visit.patient_id)), commit=False)


def first_free_repeat(*, parent: QWidget, session: AppSession, visit: RepeatVisit,
                      first_day: dt.date) -> BackgroundOp[FreeTimes]:
    def run(conn: Connection) -> FreeTimes:
        slot = booking.first_free(conn, visit.organization_id, visit.service_id, first_day=first_day,
                                  channel="doctor", resource_id=visit.resource_id, patient_id=visit.patient_id)
        return _free(conn, [slot] if slot is not None else [])

    return _op(parent, session, run, commit=False)


def book_repeat(*, parent: QWidget, session: AppSession, visit: RepeatVisit, slot: booking.Slot,
                draft: Draft | None) -> BackgroundOp[RepeatBooked]:
    return _op(parent, session, lambda conn: _book_repeat(conn, visit, slot, draft), BOOKING_CHANGES, TASK_CHANGES,
               RECORD_CHANGES, APPOINTMENT_CHANGES)


# --- appointments and prescriptions of the visit ----------------------------------------------------------


@dataclass(frozen=True)
class ServiceChoice:
    """A service of the organization's catalogue the doctor may appoint."""

    id: int
    code: str
    name: str


@dataclass(frozen=True)
class RecordOrders:
    """What the visit's record appointed and prescribed; ``record`` when a verb saved the draft first."""

    appointments: tuple = ()
    prescriptions: tuple = ()
    record: vr.VisitRecord | None = None


def _orders(conn: Connection, record_id: int | None, *, with_record: bool = False) -> RecordOrders:
    if record_id is None or appointments is None:
        return RecordOrders()
    return RecordOrders(tuple(appointments.appointments_of_record(conn, record_id)),
                        tuple(prescriptions.prescriptions_of_record(conn, record_id)),
                        vr.record(conn, record_id) if with_record else None)


def load_catalogue(*, parent: QWidget, session: AppSession,
                   organization_id: int) -> BackgroundOp[tuple[ServiceChoice, ...]]:
    return _op(parent, session, lambda conn: tuple(ServiceChoice(r.id, r.code, r.name) for r in conn.execute(text(
        "SELECT id, coalesce(code, '') AS code, name FROM medical_services WHERE organization_id = :o AND is_active "
        "ORDER BY name"), {"o": organization_id})), commit=False)


def load_orders(*, parent: QWidget, session: AppSession, record_id: int) -> BackgroundOp[RecordOrders]:
    return _op(parent, session, lambda conn: _orders(conn, record_id), commit=False)


def prescribe_service(*, parent: QWidget, session: AppSession, draft: Draft, service_id: int, urgency: str,
                      indication: str) -> BackgroundOp[RecordOrders]:
    """Saves the draft (starting it if needed) and appoints the service in it."""
    def run(conn: Connection) -> RecordOrders:
        record_id = save_record(conn, draft)
        appointments.prescribe(conn, record_id, service_id, urgency=urgency, indication=indication)
        return _orders(conn, record_id, with_record=True)

    return _op(parent, session, run, APPOINTMENT_CHANGES, RECORD_CHANGES)


def remove_appointment(*, parent: QWidget, session: AppSession, record_id: int, appointment_id: int,
                       version: int) -> BackgroundOp[RecordOrders]:
    def run(conn: Connection) -> RecordOrders:
        appointments.remove(conn, appointment_id, version)
        return _orders(conn, record_id)

    return _op(parent, session, run, APPOINTMENT_CHANGES)


def cancel_appointment(*, parent: QWidget, session: AppSession, record_id: int, appointment_id: int, version: int,
                       reason: str) -> BackgroundOp[RecordOrders]:
    def run(conn: Connection) -> RecordOrders:
        appointments.cancel(conn, appointment_id, version, reason)
        return _orders(conn, record_id)

    return _op(parent, session, run, APPOINTMENT_CHANGES, BOOKING_CHANGES, TASK_CHANGES)


def appointment_slots(*, parent: QWidget, session: AppSession, appointment_id: int, first_day: dt.date,
                      days: int) -> BackgroundOp[FreeTimes]:
    return _op(parent, session, lambda conn: _free(conn, appointments.free_slots(
        conn, appointment_id, first_day=first_day, days=days)), commit=False)


def first_free_appointment(*, parent: QWidget, session: AppSession, appointment_id: int,
                           first_day: dt.date) -> BackgroundOp[FreeTimes]:
    """The earliest free time of each doctor who provides the service; the earliest first."""
    return _op(parent, session, lambda conn: _free(conn, appointments.free_slots(
        conn, appointment_id, first_day=first_day, first_only=True)), commit=False)


def book_appointment(*, parent: QWidget, session: AppSession, appointment_id: int, version: int,
                     slot: booking.Slot) -> BackgroundOp[object]:
    return _op(parent, session, lambda conn: appointments.book(conn, appointment_id, version, slot),
               APPOINTMENT_CHANGES, BOOKING_CHANGES, TASK_CHANGES)


def add_prescription(*, parent: QWidget, session: AppSession, draft: Draft,
                     item: prescriptions.MedicationInput) -> BackgroundOp[RecordOrders]:
    """Checks the prescription, saves the draft (starting it if needed) and adds it."""
    def run(conn: Connection) -> RecordOrders:
        checked = prescriptions.validate(item)
        record_id = save_record(conn, draft)
        prescriptions.add(conn, record_id, checked)
        return _orders(conn, record_id, with_record=True)

    return _op(parent, session, run, RECORD_CHANGES)


def remove_prescription(*, parent: QWidget, session: AppSession, record_id: int,
                        prescription_id: int) -> BackgroundOp[RecordOrders]:
    def run(conn: Connection) -> RecordOrders:
        prescriptions.remove(conn, prescription_id)
        return _orders(conn, record_id)

    return _op(parent, session, run, RECORD_CHANGES)


def end_prescription(*, parent: QWidget, session: AppSession, record_id: int, prescription_id: int, version: int,
                     status: str, reason: str) -> BackgroundOp[RecordOrders]:
    def run(conn: Connection) -> RecordOrders:
        prescriptions.end(conn, prescription_id, version, status, reason)
        return _orders(conn, record_id)

    return _op(parent, session, run, RECORD_CHANGES)
