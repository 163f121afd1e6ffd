"""The doctor's verbs, one small function each: a service call in its own unit of work on a worker
thread. Each returns a `BackgroundOp`; the caller adds ``success``/``failure`` and ``run()``s it.
What a verb changed is announced on the operation bus ("visit_records", "shift_task", "bookings").
Here: the day, the patient, the record and the services performed; what the visit orders (the repeat
visit, appointments, prescriptions) is in `order_ops`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.operations import session_op as _op
from shared.errors import DomainError
from shared.services import booking, patients, performance, registry_lookup, shift_tasks
from shared.services import visit_records as vr
from shared.services.patient_search import PatientHit, search_patients
from shared.services.session import session_user

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

RECORD_CHANGES = "visit_records"
TASK_CHANGES = "shift_task"
BOOKING_CHANGES = "bookings"


@dataclass(frozen=True)
class Me:
    """The logged-in medical worker: their staff member and specialty (which picks the templates)."""

    staff_member_id: int | None
    short_name: str
    specialty_code: str
    specialty_name: str


@dataclass(frozen=True)
class Services:
    """A patient's visits of the day with their order lines, and the steps of their complex services."""

    entries: tuple[shift_tasks.TaskEntry, ...]
    complexes: Mapping[int, performance.ComplexProgress]


@dataclass(frozen=True)
class PatientData:
    """Everything the patient view shows, read in one unit of work."""

    details: patients.PatientDetails
    cards: tuple[patients.CardInfo, ...]
    card_id: int | None
    history: tuple[vr.VisitRecord, ...]  # newest first
    authors: Mapping[int, str]
    services: Services
    day: dt.date
    booking_id: int | None = None
    extra: Mapping[str, object] = field(default_factory=dict)


# --- reading ---------------------------------------------------------------------------------------------


def _me(conn: Connection) -> Me:
    user = session_user(conn)
    if user.staff_member_id is None:
        return Me(None, user.display_name, "", "")
    row = conn.execute(text(
        "SELECT m.last_name, m.first_name, m.middle_name, coalesce(s.code, '') AS code, coalesce(s.name, '') AS name "
        "FROM staff_members m LEFT JOIN specialties s ON s.id = m.specialty_id WHERE m.id = :id"),
        {"id": user.staff_member_id}).first()
    if row is None:
        return Me(user.staff_member_id, user.display_name, "", "")
    initials = "".join(f"{p[0]}." for p in (row.first_name, row.middle_name) if p)
    return Me(user.staff_member_id, f"{row.last_name} {initials}".strip(), row.code, row.name)


def _staff_names(conn: Connection, ids) -> dict[int, str]:
    ids = sorted({i for i in ids if i is not None})
    if not ids:
        return {}
    rows = conn.execute(text(
        "SELECT id, last_name, first_name, middle_name FROM staff_members WHERE id = ANY(:ids)"), {"ids": ids})
    return {r.id: (r.last_name + " " + "".join(f"{p[0]}." for p in (r.first_name, r.middle_name) if p)).strip()
            for r in rows}


def _services(conn: Connection, patient_id: int, day: dt.date, staff_member_id: int | None,
              office_id: int | None = None) -> Services:
    if staff_member_id is None and office_id is None:
        return Services((), {})
    whose = {"office_id": office_id} if office_id is not None else {"staff_member_id": staff_member_id}
    try:
        entries = [e for e in shift_tasks.shift_task(conn, day=day, **whose) if e.patient_id == patient_id]
    except shift_tasks.ShiftTaskRefused:
        entries = []
    line_ids = [x.id for e in entries for x in e.lines]
    heads = conn.scalars(text(
        "SELECT DISTINCT parent_line_id FROM order_lines WHERE parent_line_id = ANY(:ids)"),
        {"ids": line_ids}).all() if line_ids else []
    return Services(tuple(entries), {h: performance.complex_progress(conn, h) for h in heads})


def _patient(conn: Connection, patient_id: int, day: dt.date, staff_member_id: int | None,
             card_id: int | None, booking_id: int | None, office_id: int | None) -> PatientData:
    details = patients.get_patient(conn, patient_id)
    cards = patients.patient_cards(conn, patient_id)
    if card_id is None or all(c.id != card_id for c in cards):
        card_id = cards[0].id if cards else None
    history = tuple(reversed(vr.history(conn, card_id))) if card_id is not None else ()
    authors = _staff_names(conn, [r.author_staff_id for r in history] + [r.signed_by for r in history])
    return PatientData(details, cards, card_id, history, authors,
                       _services(conn, patient_id, day, staff_member_id, office_id), day, booking_id)


def load_me(*, parent: QWidget, session: AppSession) -> BackgroundOp[Me]:
    return _op(parent, session, _me, commit=False)


def load_day(*, parent: QWidget, session: AppSession, day: dt.date, staff_member_id: int | None,
             office_id: int | None = None) -> BackgroundOp[list[shift_tasks.TaskEntry]]:
    """The day of the staff member's schedule, or of an office (a nurse's treatment room, a laboratory)."""
    if office_id is not None:
        return _op(parent, session, lambda conn: shift_tasks.shift_task(conn, day=day, office_id=office_id),
                   commit=False)
    return _op(parent, session, lambda conn: shift_tasks.shift_task(conn, day=day, staff_member_id=staff_member_id),
               commit=False)


def load_offices(*, parent: QWidget, session: AppSession) -> BackgroundOp[tuple]:
    org = session.organization_id
    return _op(parent, session, lambda conn: registry_lookup.organization_offices(conn, org) if org else (),
               commit=False)


def set_visit_status(*, parent: QWidget, session: AppSession, booking_id: int, version: int,
                     status: str) -> BackgroundOp[booking.BookingInfo]:
    """The patient arrived, did not come (no-show), or the visit is back to booked (a mistaken mark)."""
    return _op(parent, session, lambda conn: booking.set_status(conn, booking_id, version, status),
               BOOKING_CHANGES, TASK_CHANGES)


def find_patients(*, parent: QWidget, session: AppSession, query: str) -> BackgroundOp[tuple[PatientHit, ...]]:
    return _op(parent, session, lambda conn: search_patients(conn, query), commit=False)


def open_patient(*, parent: QWidget, session: AppSession, patient_id: int, day: dt.date,
                 staff_member_id: int | None, card_id: int | None = None, booking_id: int | None = None,
                 office_id: int | None = None) -> BackgroundOp[PatientData]:
    """The patient, their cards the user may open, the chosen card's history (its opening is audited) and
    their visits of the day, in one unit of work."""
    return _op(parent, session, lambda conn: _patient(conn, patient_id, day, staff_member_id, card_id, booking_id,
                                                      office_id), commit=True)  # card_records() writes the opening to the audit trail


# --- writing the record -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Draft:
    """What the editor holds: the record (None before the first save) and what is typed."""

    card_id: int
    record_id: int | None
    version: int | None
    content: Mapping[str, object]
    template_code: str
    booking_id: int | None


def save_record(conn: Connection, draft: Draft) -> int:
    """Writes the draft (starting it on the first save); returns the record's id. Other verbs save first."""
    if draft.record_id is None:
        return vr.start_record(conn, draft.card_id, template_code=draft.template_code, booking_id=draft.booking_id,
                               content=draft.content)
    vr.save_draft(conn, draft.record_id, draft.version, draft.content)
    return draft.record_id


def save_draft(*, parent: QWidget, session: AppSession, draft: Draft) -> BackgroundOp[vr.VisitRecord]:
    return _op(parent, session, lambda conn: vr.record(conn, save_record(conn, draft)), RECORD_CHANGES)


def add_diagnosis(*, parent: QWidget, session: AppSession, draft: Draft, code: str, role: str,
                  first_time: bool) -> BackgroundOp[vr.VisitRecord]:
    """Saves what is typed (starting the draft if needed), then adds the diagnosis."""
    def run(conn: Connection) -> vr.VisitRecord:
        vr.diagnosis_entry(code)  # an unknown code is refused before anything is written
        record_id = save_record(conn, draft)
        vr.add_diagnosis(conn, record_id, code, role, first_time)
        return vr.record(conn, record_id)

    return _op(parent, session, run, RECORD_CHANGES)


def remove_diagnosis(*, parent: QWidget, session: AppSession, draft: Draft,
                     diagnosis_id: int) -> BackgroundOp[vr.VisitRecord]:
    def run(conn: Connection) -> vr.VisitRecord:
        record_id = save_record(conn, draft)
        vr.remove_diagnosis(conn, diagnosis_id)
        return vr.record(conn, record_id)

    return _op(parent, session, run, RECORD_CHANGES)


_TO_DONE = {"booked": ("arrived", "done"), "confirmed": ("arrived", "done"), "arrived": ("done",),
            "in_progress": ("done",)}


def _finish_visit(conn: Connection, booking_id: int | None) -> None:
    """The visit's booking becomes 'done' with the signature; a booking that cannot (cancelled meanwhile,
    no longer visible) leaves the signature alone."""
    if booking_id is None:
        return
    try:
        with conn.begin_nested():
            current = booking.booking(conn, booking_id)
            version = current.version
            for status in _TO_DONE.get(current.status, ()):
                version = booking.set_status(conn, booking_id, version, status).version
    except DomainError:
        pass


def sign(*, parent: QWidget, session: AppSession, draft: Draft) -> BackgroundOp[vr.VisitRecord]:
    """Saves what is typed and signs it; the visit's booking is marked done."""
    def run(conn: Connection) -> vr.VisitRecord:
        record_id = save_record(conn, draft)
        current = vr.record(conn, record_id)
        vr.sign(conn, record_id, current.version)
        _finish_visit(conn, current.booking_id)
        return vr.record(conn, record_id)

    return _op(parent, session, run, RECORD_CHANGES, TASK_CHANGES, BOOKING_CHANGES)


def correct(*, parent: QWidget, session: AppSession, record_id: int) -> BackgroundOp[vr.VisitRecord]:
    """A new draft superseding a signed record."""
    return _op(parent, session, lambda conn: vr.record(conn, vr.correct(conn, record_id)), RECORD_CHANGES)


# --- services of the visit ----------------------------------------------------------------------------------


def perform(*, parent: QWidget, session: AppSession, line_id: int, version: int, performed_by: int,
            office_id: int | None, started_at: dt.datetime, ended_at: dt.datetime, result: str,
            record_id: int | None, confirm_unpaid: bool = False) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: performance.perform(
        conn, line_id, version, performed_by=performed_by, office_id=office_id, started_at=started_at,
        ended_at=ended_at, result=result, record_id=record_id, confirm_unpaid=confirm_unpaid), TASK_CHANGES)


def skip_step(*, parent: QWidget, session: AppSession, line_id: int, version: int,
              reason: str) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: performance.skip_step(conn, line_id, version, reason), TASK_CHANGES)


def close_complex(*, parent: QWidget, session: AppSession, line_id: int, version: int) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: performance.close_complex(conn, line_id, version), TASK_CHANGES)
