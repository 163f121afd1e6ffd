"""The shift task: a doctor's (or an office's) day as formed from bookings, with what the registry
ordered for each visit and whether it is paid.

Each entry is a booking of the day (in the organization's time zone) with its patient, service and
status, and the order lines linked to it (``order_lines.booking_id``), each with its payment state:
'paid' (the cash desk took the money), 'covered' (a payer pays under an agreement; ``payer_name`` says
who, and ``approval_reference`` the insurer's approval linked to the line, if any), 'approval_needed'
(the payer's agreement performs the service only with the insurer's approval and none that is not
revoked is linked: the registry must call the insurer first), 'unpaid', or 'free' (nothing to pay). A
step of a complex service is judged by its complex line, which holds the price (and the approval).

Walk-ins: the registry adds a client who came without an appointment by booking them into the
doctor's day "now" -- a booking made through the registry on the day of the visit, at most
`WALK_IN_LEAD` before it starts, is marked ``walk_in``. No table of its own is needed.

Two queries whatever the size of the day (the resources and zone, then the bookings with their lines
aggregated): no query per entry. Functions take the logged-in user's Connection (row security applies).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, text

from shared.errors import QT_TRANSLATE_NOOP, DomainError

#: A registry booking made this close to its start (on the same day) is a walk-in.
WALK_IN_LEAD = dt.timedelta(minutes=30)

PAYMENT_STATES = ("paid", "covered", "approval_needed", "unpaid", "free")
PAYMENT_NAMES = {
    "paid": QT_TRANSLATE_NOOP("DomainError", "paid"),
    "covered": QT_TRANSLATE_NOOP("DomainError", "covered by {payer}"),
    # 'covered' with an insurer's telephone approval linked to the line (``approval_reference`` set).
    "approved": QT_TRANSLATE_NOOP("DomainError", "approved by {payer}, No. {reference}"),
    # The payer's agreement needs the insurer's approval for the service and none is linked yet.
    "approval_needed": QT_TRANSLATE_NOOP("DomainError", "approval needed"),
    "approval_needed_of": QT_TRANSLATE_NOOP("DomainError", "needs the approval of {payer}"),
    "unpaid": QT_TRANSLATE_NOOP("DomainError", "unpaid"),
    "free": QT_TRANSLATE_NOOP("DomainError", "free"),
}


class ShiftTaskRefused(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "Choose a staff member, a schedule resource or an office.")


NO_RESOURCE = QT_TRANSLATE_NOOP("DomainError", "This staff member has no schedule: there are no bookings to list.")


@dataclass(frozen=True)
class TaskLine:
    """An order line linked to the booking."""

    id: int
    version: int
    order_id: int
    service_id: int
    service_name: str
    status: str
    amount: Decimal
    payment: str  # one of PAYMENT_STATES
    payer_name: str  # '' when the client pays personally
    parent_line_id: int | None
    step_optional: bool
    performed_at: dt.datetime | None
    #: The reference number of the insurer's approval (not revoked) linked to the line or its complex line
    #: ('' none); ``payer_name`` is then the insurer's.
    approval_reference: str = ""

    @property
    def payment_label(self) -> str:
        """'paid', 'covered by <payer>', 'approved by <insurer>, No. <reference>', 'needs the approval of
        <insurer>', 'unpaid' or 'free' (source text; translate PAYMENT_NAMES to show)."""
        if self.payment == "covered" and self.approval_reference:
            return PAYMENT_NAMES["approved"].format(payer=self.payer_name, reference=self.approval_reference)
        if self.payment == "approval_needed":
            return PAYMENT_NAMES["approval_needed_of"].format(payer=self.payer_name)
        return PAYMENT_NAMES[self.payment].format(payer=self.payer_name)


@dataclass(frozen=True)
class TaskEntry:
    """One visit of the day."""

    booking_id: int
    booking_version: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    local_start: dt.time  # in the organization's time zone
    patient_id: int | None
    patient_name: str  # the client, or the caller's name for an anonymous booking
    birth_date: dt.date | None
    contact_phone: str
    service_id: int
    service_name: str
    booking_status: str
    channel: str
    walk_in: bool
    office_id: int | None
    office_number: str
    resource_id: int
    lines: tuple[TaskLine, ...]

    @property
    def payment(self) -> str:
        """The visit as a whole: 'unpaid' when any open line is, else 'approval_needed' when any is, else
        'paid'/'covered'/'free' of the first."""
        open_lines = [x for x in self.lines if x.status != "cancelled"]
        if not open_lines:
            return "unpaid"
        for state in ("unpaid", "approval_needed"):
            if any(x.payment == state for x in open_lines):
                return state
        return open_lines[0].payment

    @property
    def payer_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x.payer_name for x in self.lines if x.payer_name))


def _resources(connection: Connection, staff_member_id, resource_id, office_id):
    """(resource ids, organization id, time zone) of what was asked for."""
    if staff_member_id is not None:
        where, params = "r.staff_member_id = :k", {"k": staff_member_id}
    elif resource_id is not None:
        where, params = "r.id = :k", {"k": resource_id}
    else:
        # An office: its own resource (when it is one) and the resources working in it.
        where, params = "r.office_id = :k", {"k": office_id}
    rows = connection.execute(text(
        "SELECT r.id, r.organization_id, o.time_zone FROM schedule_resources r "  # noqa: S608
        f"JOIN organizations o ON o.id = r.organization_id WHERE {where}"), params).all()
    if rows:
        return [r.id for r in rows], rows[0].organization_id, rows[0].time_zone
    if office_id is not None:
        row = connection.execute(text(
            "SELECT f.organization_id, o.time_zone FROM offices f JOIN organizations o ON o.id = f.organization_id "
            "WHERE f.id = :k"), {"k": office_id}).first()
        if row is not None:
            return [], row.organization_id, row.time_zone
    raise ShiftTaskRefused(NO_RESOURCE)


_DAY_QUERY = """
SELECT b.id, b.version, b.starts_at, upper(b.period) AS ends_at, b.status, b.channel, b.created_at,
       b.patient_id, b.contact_name, b.contact_phone, b.service_id, s.name AS service_name,
       b.office_id, coalesce(f.number, '') AS office_number, b.resource_id,
       p.last_name, p.first_name, p.middle_name, p.birth_date,
       coalesce((
           SELECT json_agg(json_build_object(
                      'id', l.id, 'version', l.version, 'order_id', l.order_id, 'service_id', l.service_id,
                      'service_name', ls.name, 'status', l.status, 'amount', l.amount,
                      'payer_name', coalesce(py.name, ''), 'parent_line_id', l.parent_line_id,
                      'approval_reference', CASE WHEN l.payer_id IS NOT NULL THEN coalesce(ia.reference_number, '')
                                                 ELSE '' END,
                      'step_optional', l.step_optional, 'performed_at', l.performed_at,
                      'payment', CASE
                          WHEN l.payer_id IS NOT NULL AND ia.id IS NULL AND l.status IN ('ordered', 'booked', 'paid')
                               AND EXISTS (SELECT 1 FROM agreement_services ags
                                            WHERE ags.requires_approval
                                              AND ((ags.agreement_id = l.agreement_id AND ags.service_id = l.service_id)
                                                   OR (ags.agreement_id = pl.agreement_id
                                                       AND ags.service_id = pl.service_id)))
                              THEN 'approval_needed'
                          WHEN l.payer_id IS NOT NULL THEN 'covered'
                          WHEN coalesce(pl.amount, l.amount) = 0 THEN 'free'
                          WHEN coalesce(pl.status, l.status) = 'paid'
                               OR (coalesce(pl.status, l.status) IN ('performed', 'closed')
                                   AND coalesce(pl.cash_operation_id, l.cash_operation_id) IS NOT NULL)
                              THEN 'paid'
                          ELSE 'unpaid' END) ORDER BY l.id)
             FROM order_lines l
             JOIN medical_services ls ON ls.id = l.service_id
             LEFT JOIN order_lines pl ON pl.id = l.parent_line_id
             LEFT JOIN payers py ON py.id = l.payer_id
             LEFT JOIN insurer_approvals ia ON ia.id = coalesce(l.approval_id, pl.approval_id)
                                           AND ia.status <> 'revoked'
            WHERE l.booking_id = b.id), '[]'::json) AS lines
  FROM bookings b
  JOIN medical_services s ON s.id = b.service_id
  LEFT JOIN patients p ON p.id = b.patient_id
  LEFT JOIN offices f ON f.id = b.office_id
 WHERE b.starts_at >= :start AND b.starts_at < :end
   AND (b.resource_id = ANY(CAST(:resources AS integer[])) OR b.office_resource_id = ANY(CAST(:resources AS integer[]))
        OR b.office_id = CAST(:office AS integer))
   AND (:with_cancelled OR b.status <> 'cancelled')
 ORDER BY b.starts_at, b.id
"""


def _name(row) -> str:
    if row.patient_id is None or row.last_name is None:
        return row.contact_name
    return " ".join(x for x in (row.last_name, row.first_name, row.middle_name) if x)


def _dt(value) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def shift_task(connection: Connection, *, day: dt.date, staff_member_id: int | None = None,
               resource_id: int | None = None, office_id: int | None = None,
               include_cancelled: bool = False) -> list[TaskEntry]:
    """The day's visits of a staff member (their schedule resource), a resource or an office, by time."""
    if staff_member_id is None and resource_id is None and office_id is None:
        raise ShiftTaskRefused()
    resources, _organization_id, zone_name = _resources(connection, staff_member_id, resource_id, office_id)
    zone = ZoneInfo(zone_name or "Europe/Moscow")
    start = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    rows = connection.execute(text(_DAY_QUERY), {
        "start": start, "end": end, "resources": resources, "office": office_id,
        "with_cancelled": include_cancelled}).all()
    entries = []
    for row in rows:
        local = row.starts_at.astimezone(zone)
        walk_in = (row.channel == "registry" and row.created_at.astimezone(zone).date() == local.date()
                   and row.created_at >= row.starts_at - WALK_IN_LEAD)
        lines = tuple(TaskLine(
            id=x["id"], version=x["version"], order_id=x["order_id"], service_id=x["service_id"],
            service_name=x["service_name"], status=x["status"], amount=Decimal(str(x["amount"])),
            payment=x["payment"], payer_name=x["payer_name"], parent_line_id=x["parent_line_id"],
            step_optional=x["step_optional"], performed_at=_dt(x["performed_at"]),
            approval_reference=x["approval_reference"]) for x in row.lines)
        entries.append(TaskEntry(
            booking_id=row.id, booking_version=row.version, starts_at=row.starts_at, ends_at=row.ends_at,
            local_start=local.time(), patient_id=row.patient_id, patient_name=_name(row), birth_date=row.birth_date,
            contact_phone=row.contact_phone, service_id=row.service_id, service_name=row.service_name,
            booking_status=row.status, channel=row.channel, walk_in=walk_in, office_id=row.office_id,
            office_number=row.office_number, resource_id=row.resource_id, lines=lines))
    return entries
