"""Appointments: the services a doctor prescribes to the patient by indication (tests, consultations,
procedures, the repeat visit), which become order lines of the patient's order and bookings.

An appointment is *planned* in a visit record (or in the card outside a record), *ordered* when it becomes
a line of the patient's order (`to_order`: pricing, payers, discounts and quotas stay the orders service's
job), *booked* when the line is booked into a free slot (`book`; `book_repeat_visit` does it all at once),
*performed* when the line is, or *cancelled* with a reason. Once ordered, the status follows the order
line whoever changes it (the registry books it, the cash desk takes the money, a doctor performs it):
the database derives it.

The database keeps the rules whoever writes (the triggers of migrations/sql/0010_clinical_orders.sql,
SQLSTATEs MC070..MC079) and the card-type row security decides whose appointments a user sees at all;
these functions check first so the person at the keyboard gets a clear message, and translate the
database's refusals into the same messages.

Plain functions taking a SQLAlchemy ``Connection``; the caller commits (one unit of work per action).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models.clinical import APPOINTMENT_STATUSES, OPEN_APPOINTMENT_STATUSES, URGENCIES
from shared.services import booking as bk
from shared.services import orders
from shared.services import visit_records as vr
from shared.services.concurrency import stale
from shared.services.refusals import audited_refusals
from shared.services.schedules import organization_zone
from shared.services.session import session_user

__all__ = [
    "APPOINTMENT_STATUSES",
    "OPEN_APPOINTMENT_STATUSES",
    "URGENCIES",
    "Appointment",
    "AppointmentRefused",
    "appointment",
    "appointments_of_patient",
    "appointments_of_record",
    "book",
    "book_repeat_visit",
    "cancel",
    "change",
    "check_prescriber",
    "free_slots",
    "prescribe",
    "remove",
    "to_order",
]

BOOKING_CHANNEL = "doctor"


class AppointmentRefused(DomainError):
    """Raised with one of the messages below."""


UNKNOWN_SERVICE = QT_TRANSLATE_NOOP(
    "DomainError", "This service is not in the organization's catalogue or is no longer provided: choose another.")
BAD_URGENCY = QT_TRANSLATE_NOOP("DomainError", "An appointment is routine, urgent or cito (given: {urgency}).")
BAD_QUANTITY = QT_TRANSLATE_NOOP("DomainError", "The number of services is a whole number from 1 to 100.")
DUE_IN_PAST = QT_TRANSLATE_NOOP("DomainError", "The date to do it by ({due}) has already passed.")
BAD_DUE = QT_TRANSLATE_NOOP("DomainError", "The date to do it by is not a date.")
CARD_REQUIRED = QT_TRANSLATE_NOOP(
    "DomainError", "An appointment is made in a visit record, or in a medical card when there is no record.")
APPOINTMENT_GONE = QT_TRANSLATE_NOOP(
    "DomainError", "This appointment no longer exists or is not available to you. Reload the list.")
STATUS_FINAL = QT_TRANSLATE_NOOP("DomainError", "This appointment is {status}: it can no longer be changed.")
NOT_PLANNED = QT_TRANSLATE_NOOP(
    "DomainError", "This appointment is already {status}: only a planned appointment can be ordered or changed.")
NOT_BOOKABLE = QT_TRANSLATE_NOOP(
    "DomainError", "This appointment is {status}: only a planned or ordered appointment can be booked.")
ONLY_PLANNED_REMOVED = QT_TRANSLATE_NOOP(
    "DomainError", "This appointment is already {status}: cancel it instead of removing it.")
MIXED_PATIENTS = QT_TRANSLATE_NOOP(
    "DomainError", "The appointments chosen are of different patients or organizations: order them separately.")
NOTHING_CHOSEN = QT_TRANSLATE_NOOP("DomainError", "Choose the appointments to order.")
REASON_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Say why the appointment is cancelled.")
PAID_REFUND_FIRST = QT_TRANSLATE_NOOP(
    "DomainError", "The patient has paid for this service (or is paying for it now): the cash desk refunds the "
    "money first, then the appointment can be cancelled.")
NOT_AUTHOR = QT_TRANSLATE_NOOP(
    "DomainError", "This appointment was made by {author}: only they may change or remove it.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("DomainError", "Your job does not allow prescribing services or medications.")
#: The jobs that write visit records, and so prescribe (the database grants the same).
PRESCRIBING_JOBS = frozenset({"medical_worker", "admission"})
LINE_MISMATCH = QT_TRANSLATE_NOOP(
    "DomainError", "The order line is of another patient or service than the appointment.")

STATUS_NAMES = {
    "planned": QT_TRANSLATE_NOOP("DomainError", "planned"),
    "ordered": QT_TRANSLATE_NOOP("DomainError", "ordered"),
    "booked": QT_TRANSLATE_NOOP("DomainError", "booked"),
    "performed": QT_TRANSLATE_NOOP("DomainError", "performed"),
    "cancelled": QT_TRANSLATE_NOOP("DomainError", "cancelled"),
}
URGENCY_NAMES = {
    "routine": QT_TRANSLATE_NOOP("DomainError", "routine"),
    "urgent": QT_TRANSLATE_NOOP("DomainError", "urgent"),
    "cito": QT_TRANSLATE_NOOP("DomainError", "cito"),
}


def _refused(message: str, status: str | None = None, **params) -> AppointmentRefused:
    error = AppointmentRefused(message, **({"status": STATUS_NAMES.get(status, status)} if status else {}), **params)
    error.translatable_params = ("status",)
    return error


@dataclass(frozen=True)
class Appointment:
    id: int
    version: int  # optimistic locking: pass it back to book / cancel / change / remove
    record_id: int | None
    card_id: int
    organization_id: int
    patient_id: int
    service_id: int
    service_code: str
    service_name: str
    indication: str
    urgency: str  # routine | urgent | cito
    due_on: dt.date | None
    quantity: int
    note: str
    status: str  # planned | ordered | booked | performed | cancelled
    cancel_reason: str
    order_id: int | None
    order_line_id: int | None
    line_status: str  # the order line's status ('' before ordering)
    amount: object  # Decimal: the line's amount (None before ordering)
    payer_name: str  # '' when the patient pays personally (or before ordering)
    booking_id: int | None
    starts_at: dt.datetime | None  # of the booking, in the organization's time zone
    resource_name: str
    created_by: int | None
    author_name: str
    created_at: dt.datetime

    @property
    def is_open(self) -> bool:
        """Still to be done (planned, ordered or booked)."""
        return self.status in OPEN_APPOINTMENT_STATUSES

    @property
    def is_paid(self) -> bool:
        return self.line_status in ("paid", "performed", "closed")


# --- helpers -------------------------------------------------------------------------------------------------

def _sqlstate(error: DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


def _refusal(connection: Connection, error: DBAPIError, *, record_id: int | None = None,
             appointment_id: int | None = None) -> DomainError | None:
    """The clear message for a refusal of the database (None: not one of ours, re-raise it)."""
    state = _sqlstate(error)
    if state in ("MC071", "MC072") and record_id is not None:
        head = vr._head(connection, record_id)  # noqa: SLF001 - the visit records' own wording
        if state == "MC071":
            return vr._signed_locked(connection, head)  # noqa: SLF001
        return vr.RecordRefused(vr.NOT_AUTHOR_EDIT, author=vr._staff_name(connection, head.author_staff_id))  # noqa: SLF001
    if state == "MC072" and appointment_id is not None:
        author = connection.scalar(text("SELECT created_by FROM appointments WHERE id = :id"), {"id": appointment_id})
        return _refused(NOT_AUTHOR, author=vr._staff_name(connection, author))  # noqa: SLF001
    simple = {"MC070": vr.RECORD_NOT_AVAILABLE if record_id is not None else CARD_REQUIRED,
              "MC073": UNKNOWN_SERVICE, "MC076": LINE_MISMATCH, "MC077": PAID_REFUND_FIRST}
    if state in simple:
        return _refused(simple[state])
    if state == "MC071":
        return _refused(vr.SIGNED_LOCKED, when="\u2014", who="\u2014")
    if state in ("MC074", "MC075") and appointment_id is not None:
        status = connection.scalar(text("SELECT status FROM appointments WHERE id = :id"), {"id": appointment_id})
        return _refused(STATUS_FINAL if status in ("performed", "cancelled") else NOT_PLANNED, status or "?")
    if state == "23514":
        return _refused({"urgency_known": BAD_URGENCY, "quantity_sane": BAD_QUANTITY}.get(
            _check_name(error), REASON_REQUIRED), urgency="?")
    return vr._refusal(connection, error, record_id)  # noqa: SLF001 - row security, card access, ...


def _check_name(error: DBAPIError) -> str:
    diag = getattr(error.orig, "diag", None)
    name = (getattr(diag, "constraint_name", None) or "") if diag is not None else ""
    return name.removeprefix("ck_appointments_")


def _translated(connection: Connection, call, *, record_id: int | None = None, appointment_id: int | None = None):
    """Runs ``call()`` in a savepoint, turning the database's refusals into clear messages."""
    try:
        with connection.begin_nested():
            return call()
    except DBAPIError as error:
        refusal = _refusal(connection, error, record_id=record_id, appointment_id=appointment_id)
        if refusal is None:
            raise
        raise refusal from None


def check_prescriber(connection: Connection) -> None:
    """Refuses a user whose jobs do not prescribe (before the database would, with a clear message)."""
    if not session_user(connection).jobs & PRESCRIBING_JOBS:
        raise _refused(NOT_ALLOWED)


def _urgency(urgency: str) -> str:
    value = (urgency or "routine").strip().lower()
    if value not in URGENCIES:
        raise _refused(BAD_URGENCY, urgency=urgency)
    return value


def _quantity(quantity: object) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= 100:
        raise _refused(BAD_QUANTITY)
    return quantity


def _due(connection: Connection, organization_id: int, due: object) -> dt.date | None:
    if due is None:
        return None
    if isinstance(due, dt.datetime) or not isinstance(due, dt.date):
        raise _refused(BAD_DUE)
    today = dt.datetime.now(organization_zone(connection, organization_id)).date()
    if due < today:
        raise _refused(DUE_IN_PAST, due=due.strftime("%d.%m.%Y"))
    return due


def _check_service(connection: Connection, organization_id: int, service_id: int) -> None:
    active = connection.scalar(text(
        "SELECT is_active FROM medical_services WHERE id = :s AND organization_id = :o"),
        {"s": service_id, "o": organization_id})
    if not active:
        raise _refused(UNKNOWN_SERVICE)


def _locked(connection: Connection, appointment_id: int, version: int | None = None):
    check_prescriber(connection)
    row = connection.execute(text(
        "SELECT * FROM appointments WHERE id = :id FOR UPDATE"), {"id": appointment_id}).first()
    if row is None:
        raise _refused(APPOINTMENT_GONE)
    if version is not None and row.version != version:
        raise stale(connection, "appointments", appointment_id, True)
    return row


def _check_author(connection: Connection, row) -> None:
    """A planned appointment is changed or removed by whom the record (or the appointment) is of."""
    me = session_user(connection).staff_member_id
    if row.record_id is not None:
        vr._editable_head(connection, row.record_id)  # noqa: SLF001 - the record's draft and author rules
    elif me is None or me != row.created_by:
        raise _refused(NOT_AUTHOR, author=vr._staff_name(connection, row.created_by))  # noqa: SLF001


# --- reading -------------------------------------------------------------------------------------------------

_SELECT = """
SELECT a.id, a.version, a.record_id, a.card_id, a.organization_id, a.patient_id, a.service_id,
       s.code AS service_code, s.name AS service_name, a.indication, a.urgency, a.due_on, a.quantity, a.note,
       a.status, a.cancel_reason, l.order_id, a.order_line_id, coalesce(l.status, '') AS line_status,
       l.amount, coalesce(py.name, '') AS payer_name, a.booking_id, b.starts_at, b.resource_id, a.created_by,
       coalesce(btrim(st.last_name || ' ' || left(st.first_name, 1) || '.'
                      || CASE WHEN st.middle_name <> '' THEN left(st.middle_name, 1) || '.' ELSE '' END), '')
           AS author_name,
       a.created_at
  FROM appointments a
  JOIN medical_services s ON s.id = a.service_id
  LEFT JOIN order_lines l ON l.id = a.order_line_id
  LEFT JOIN payers py ON py.id = l.payer_id
  LEFT JOIN bookings b ON b.id = a.booking_id
  LEFT JOIN staff_members st ON st.id = a.created_by
"""
_CHAIN = ("WITH RECURSIVE chain(id, supersedes_id) AS ("
          "  SELECT id, supersedes_id FROM medical_records WHERE id = :r"
          "  UNION ALL SELECT m.id, m.supersedes_id FROM medical_records m JOIN chain c ON m.id = c.supersedes_id) ")
_OPEN_FIRST = ("CASE a.status WHEN 'planned' THEN 0 WHEN 'ordered' THEN 0 WHEN 'booked' THEN 0 ELSE 1 END, "
               "CASE a.urgency WHEN 'cito' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END, a.due_on NULLS LAST, "
               "a.created_at DESC, a.id DESC")


def _dtos(connection: Connection, rows) -> list[Appointment]:
    if not rows:
        return []
    names = orders._resource_names(connection, {r.resource_id for r in rows if r.resource_id})  # noqa: SLF001
    zones = {}
    result = []
    for r in rows:
        zone = zones.setdefault(r.organization_id, organization_zone(connection, r.organization_id))
        result.append(Appointment(
            id=r.id, version=r.version, record_id=r.record_id, card_id=r.card_id, organization_id=r.organization_id,
            patient_id=r.patient_id, service_id=r.service_id, service_code=r.service_code,
            service_name=r.service_name, indication=r.indication, urgency=r.urgency, due_on=r.due_on,
            quantity=r.quantity, note=r.note, status=r.status, cancel_reason=r.cancel_reason, order_id=r.order_id,
            order_line_id=r.order_line_id, line_status=r.line_status, amount=r.amount, payer_name=r.payer_name,
            booking_id=r.booking_id, starts_at=r.starts_at.astimezone(zone) if r.starts_at else None,
            resource_name=names.get(r.resource_id, "") if r.resource_id else "", created_by=r.created_by,
            author_name=r.author_name, created_at=r.created_at.astimezone(zone)))
    return result


def appointment(connection: Connection, appointment_id: int) -> Appointment:
    rows = connection.execute(text(_SELECT + " WHERE a.id = :id"), {"id": appointment_id}).all()
    if not rows:
        raise _refused(APPOINTMENT_GONE)
    return _dtos(connection, rows)[0]


def appointments_of_record(connection: Connection, record_id: int) -> list[Appointment]:
    """The appointments made in the record and in the versions it corrects (appointments are actions
    already taken: a correction shows them rather than copying them), in the order they were made."""
    sql = _CHAIN + _SELECT + " WHERE a.record_id IN (SELECT id FROM chain) ORDER BY a.created_at, a.id"  # noqa: S608
    rows = connection.execute(text(sql), {"r": record_id}).all()
    return _dtos(connection, rows)


def appointments_of_patient(connection: Connection, patient_id: int, *, open_only: bool = False,
                            limit: int = 500) -> list[Appointment]:
    """The patient's appointments in the cards the user may open: the open ones first (cito, urgent, then by
    the date to do them by), then the done and cancelled ones, newest first."""
    where = " WHERE a.patient_id = :p" + (" AND a.status IN ('planned', 'ordered', 'booked')" if open_only else "")
    rows = connection.execute(text(_SELECT + where + f" ORDER BY {_OPEN_FIRST} LIMIT :n"),  # noqa: S608
                              {"p": patient_id, "n": limit}).all()
    return _dtos(connection, rows)


# --- writing -------------------------------------------------------------------------------------------------

@audited_refusals("medical_records", "record_id")
def prescribe(connection: Connection, record_id: int | None, service_id: int, *, indication: str = "",
              urgency: str = "routine", due: dt.date | None = None, quantity: int = 1, note: str = "",
              card_id: int | None = None) -> int:
    """A planned appointment of a service in the connected user's draft record (or, with ``record_id`` None,
    in the card ``card_id`` outside a record); returns its id."""
    check_prescriber(connection)
    urgency = _urgency(urgency)
    quantity = _quantity(quantity)
    if record_id is not None:
        head = vr._editable_head(connection, record_id)  # noqa: SLF001 - the record's draft and author rules
        card_id, organization_id = head.card_id, head.organization_id
    else:
        vr._staff_id(connection)  # noqa: SLF001
        if card_id is None:
            raise _refused(CARD_REQUIRED)
        card = connection.execute(text("SELECT organization_id FROM medical_cards WHERE id = :c"),
                                  {"c": card_id}).first()
        if card is None:
            raise vr.RecordRefused(vr.CARD_NOT_AVAILABLE)
        organization_id = card.organization_id
    _check_service(connection, organization_id, service_id)
    due = _due(connection, organization_id, due)
    return _translated(connection, lambda: connection.scalar(text(
        "INSERT INTO appointments (record_id, card_id, service_id, indication, urgency, due_on, quantity, note) "
        "VALUES (:r, :c, :s, :i, :u, :d, :q, :n) RETURNING id"),
        {"r": record_id, "c": card_id, "s": service_id, "i": (indication or "").strip(), "u": urgency, "d": due,
         "q": quantity, "n": (note or "").strip()}), record_id=record_id)


@audited_refusals("appointments", "appointment_id")
def change(connection: Connection, appointment_id: int, version: int, *, service_id: int | None = None,
           indication: str | None = None, urgency: str | None = None, due: dt.date | None = None,
           quantity: int | None = None, note: str | None = None, clear_due: bool = False) -> int:
    """Changes a planned appointment (what is given; ``clear_due`` removes the date); returns the new version."""
    row = _locked(connection, appointment_id, version)
    if row.status != "planned":
        raise _refused(STATUS_FINAL if row.status in ("performed", "cancelled") else NOT_PLANNED, row.status)
    _check_author(connection, row)
    values = {
        "s": row.service_id if service_id is None else service_id,
        "i": row.indication if indication is None else indication.strip(),
        "u": row.urgency if urgency is None else _urgency(urgency),
        "d": None if clear_due else (row.due_on if due is None else _due(connection, row.organization_id, due)),
        "q": row.quantity if quantity is None else _quantity(quantity),
        "n": row.note if note is None else note.strip(),
    }
    if service_id is not None:
        _check_service(connection, row.organization_id, service_id)
    return _translated(connection, lambda: connection.scalar(text(
        "UPDATE appointments SET service_id = :s, indication = :i, urgency = :u, due_on = :d, quantity = :q, "
        "note = :n, version = version + 1 WHERE id = :id RETURNING version"), {**values, "id": appointment_id}),
        record_id=row.record_id, appointment_id=appointment_id)


@audited_refusals("appointments", "appointment_id")
def remove(connection: Connection, appointment_id: int, version: int) -> None:
    """Removes a planned appointment from the draft (an ordered one is cancelled instead)."""
    row = _locked(connection, appointment_id, version)
    if row.status != "planned":
        raise _refused(ONLY_PLANNED_REMOVED, row.status)
    _check_author(connection, row)
    _translated(connection, lambda: connection.execute(text("DELETE FROM appointments WHERE id = :id"),
                                                       {"id": appointment_id}),
                record_id=row.record_id, appointment_id=appointment_id)


def _open_order(connection: Connection, organization_id: int, patient_id: int) -> int | None:
    """The doctor's order of the patient opened today that nothing of has been paid yet."""
    zone = organization_zone(connection, organization_id)
    midnight = dt.datetime.combine(dt.datetime.now(zone).date(), dt.time(), zone)
    return connection.scalar(text(
        "SELECT o.id FROM orders o WHERE o.organization_id = :o AND o.patient_id = :p AND o.channel = 'doctor' "
        "AND o.created_at >= :since AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id "
        "AND (l.status IN ('paid', 'performed', 'closed') OR l.cash_operation_id IS NOT NULL)) "
        "ORDER BY o.id DESC LIMIT 1"), {"o": organization_id, "p": patient_id, "since": midnight})


def to_order(connection: Connection, appointment_ids: Iterable[int], payer_id: int | None = None, *,
             agreement_id: int | None = None) -> int:
    """Makes planned appointments lines of the patient's order: the doctor's open order of today (nothing of it
    paid yet) or a new one. Priced, discounted and charged to quotas by the orders service (its refusals --
    no price, a full quota -- come through, and nothing is ordered then). Returns the order's id."""
    ids = list(dict.fromkeys(appointment_ids))
    if not ids:
        raise _refused(NOTHING_CHOSEN)
    rows = [_locked(connection, i) for i in ids]
    for row in rows:
        if row.status != "planned":
            raise _refused(NOT_PLANNED, row.status)
    if len({(r.patient_id, r.organization_id) for r in rows}) != 1:
        raise _refused(MIXED_PATIENTS)
    organization_id, patient_id = rows[0].organization_id, rows[0].patient_id

    def run() -> int:
        order_id = _open_order(connection, organization_id, patient_id) or orders.create_order(
            connection, organization_id, patient_id=patient_id, channel="doctor")
        for row in rows:
            line_id = orders.add_line(connection, order_id, row.service_id, payer_id=payer_id,
                                      agreement_id=agreement_id, quantity=row.quantity)
            connection.execute(text(
                "UPDATE appointments SET order_line_id = :l, version = version + 1 WHERE id = :id"),
                {"l": line_id, "id": row.id})
        return order_id

    return _translated(connection, run, appointment_id=ids[0])


def free_slots(connection: Connection, appointment_id: int, *, first_day: dt.date | None = None, days: int = 1,
               resource_id: int | None = None, specialty_id: int | None = None, first_only: bool = False,
               now: dt.datetime | None = None) -> list[bk.Slot]:
    """Free slots for the appointment's service as the doctor's channel sees them (``first_only``: the earliest
    of each resource), from ``first_day`` (default: the date to do it by, or today)."""
    row = appointment(connection, appointment_id)
    if first_day is None:
        first_day = dt.datetime.now(organization_zone(connection, row.organization_id)).date()
    return bk.find_slots(connection, row.organization_id, row.service_id, first_day=first_day, days=days,
                         channel=BOOKING_CHANNEL, resource_id=resource_id, specialty_id=specialty_id,
                         patient_id=row.patient_id, first_only=first_only, now=now)


@audited_refusals("appointments", "appointment_id")
def book(connection: Connection, appointment_id: int, version: int, slot: bk.Slot, *, payer_id: int | None = None,
         now: dt.datetime | None = None) -> Appointment:
    """Books the appointment into a free slot: a planned one becomes an order line first (``payer_id``), then
    the line is booked through the scheduling service (`booking.SlotTaken` offers the nearest free times).
    Returns the appointment as it is now."""
    row = _locked(connection, appointment_id, version)
    if row.status not in ("planned", "ordered"):
        raise _refused(NOT_BOOKABLE, row.status)
    with connection.begin_nested():
        if row.status == "planned":
            to_order(connection, [appointment_id], payer_id)
        line = connection.execute(text("SELECT order_line_id FROM appointments WHERE id = :id"),
                                  {"id": appointment_id}).scalar_one()
        line_version = connection.scalar(text("SELECT version FROM order_lines WHERE id = :l"), {"l": line})
        _translated(connection, lambda: orders.book_line(connection, line, line_version, slot, now=now),
                    appointment_id=appointment_id)
    return appointment(connection, appointment_id)


@audited_refusals("medical_records", "record_id")
def book_repeat_visit(connection: Connection, record_id: int, service_id: int, slot: bk.Slot, *,
                      indication: str = "", note: str = "", payer_id: int | None = None,
                      now: dt.datetime | None = None) -> Appointment:
    """The repeat visit (or a consultation) booked from the visit record in one step: appointed, ordered and
    booked into ``slot`` (found with `free_slots`, or `booking.first_free` with channel 'doctor')."""
    with connection.begin_nested():
        appointment_id = prescribe(connection, record_id, service_id, indication=indication, note=note,
                                   due=None)
        version = connection.scalar(text("SELECT version FROM appointments WHERE id = :id"), {"id": appointment_id})
        return book(connection, appointment_id, version, slot, payer_id=payer_id, now=now)


@audited_refusals("appointments", "appointment_id")
def cancel(connection: Connection, appointment_id: int, version: int, reason: str) -> Appointment:
    """Cancels an appointment with a reason: its order line too when it was ordered (and its booking), unless
    the patient has paid for it -- the cash desk refunds first. A performed appointment stays performed."""
    if not (reason or "").strip():
        raise _refused(REASON_REQUIRED)
    row = _locked(connection, appointment_id, version)
    if row.status in ("performed", "cancelled"):
        raise _refused(STATUS_FINAL, row.status)
    if row.order_line_id is None:
        _translated(connection, lambda: connection.execute(text(
            "UPDATE appointments SET status = 'cancelled', cancel_reason = :r, version = version + 1 WHERE id = :id"),
            {"r": reason.strip(), "id": appointment_id}), appointment_id=appointment_id)
        return appointment(connection, appointment_id)
    line = connection.execute(text(
        "SELECT status, version, cash_operation_id FROM order_lines WHERE id = :l"), {"l": row.order_line_id}).one()
    if line.status in ("paid", "performed", "closed") or line.cash_operation_id is not None:
        raise _refused(PAID_REFUND_FIRST)
    if line.status != "cancelled":
        _translated(connection, lambda: orders.cancel_line(connection, row.order_line_id, line.version,
                                                           reason.strip()), appointment_id=appointment_id)
    return appointment(connection, appointment_id)
