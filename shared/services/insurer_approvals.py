"""Telephone approvals with insurance companies: the registry calls the insurer, whose person approves
services for a patient and gives a reference number; the approval is recorded with who approved it
(name, phone), the validity, the services with their quantity and amount limits and/or an overall amount
limit. Order lines rely on it (``order_lines.approval_id``). A line covered by an insurer has the insurer
as its payer (under the insurer's agreement, priced by it): only such a line is linked to the insurer's
approval -- a line the client pays is not (the cash desk would still ask the client for it), nor is its
payer changed while it is linked. Where the insurer's agreement names a service with
``agreement_services.requires_approval``, the line counts as covered for performing only while it (or
its complex line) is linked to an approval that is not revoked (`performance.is_paid_or_covered` and the
trigger of sql/0009_performance.sql as replaced by sql/0011_communications.sql).

Linking is refused when the approval is of another patient or payer (or the client pays the line), not
valid on the line's date
(its booking's day, else today), used up or revoked, does not cover the service, or its limits would be
exceeded. The trigger of sql/0011_communications.sql keeps the same rules (MC083..MC089) for any writer,
locking the approval so that concurrent links cannot both take the last of a limit.

An approval lists services (then it covers only those) or none (then any service, within its overall
amount limit). Statuses: active -> used (nothing more is linked) or revoked (with a reason; its lines
are no longer covered); both final.

Functions take the logged-in user's Connection (row-level security applies); the caller commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models.communications import AMOUNT_LIMIT
from shared.services import orders
from shared.services.concurrency import stale
from shared.services.refusals import audited_refusals
from shared.services.schedules import organization_zone

CENT = Decimal("0.01")

STATUS_NAMES = {
    "active": QT_TRANSLATE_NOOP("DomainError", "active"),
    "used": QT_TRANSLATE_NOOP("DomainError", "used"),
    "revoked": QT_TRANSLATE_NOOP("DomainError", "revoked"),
}


class ApprovalRefused(DomainError):
    """Raised with one of the messages below."""


APPROVER_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Say who at the insurance company gave the approval.")
REFERENCE_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Enter the reference number the insurer gave.")
DUPLICATE_REFERENCE = QT_TRANSLATE_NOOP(
    "DomainError", "The insurer's approval No. {reference} is already recorded.")
NOT_INSURER = QT_TRANSLATE_NOOP("DomainError", "Choose an insurance company of this organization as the payer.")
AGREEMENT_OF_OTHER_PAYER = QT_TRANSLATE_NOOP("DomainError", "The agreement is not with this insurance company.")
BAD_PERIOD = QT_TRANSLATE_NOOP("DomainError", "The approval cannot end before it begins.")
APPROVED_IN_FUTURE = QT_TRANSLATE_NOOP("DomainError", "The approval cannot be dated ahead of time.")
LIMIT_REQUIRED = QT_TRANSLATE_NOOP(
    "DomainError", "List the approved services or give an overall amount limit (or both).")
BAD_LIMIT = QT_TRANSLATE_NOOP(
    "DomainError", "A limit is a whole number of services above 0 or an amount in roubles above 0 "
    "(entered: {value}).")
SERVICE_TWICE = QT_TRANSLATE_NOOP("DomainError", "A service is listed twice in the approval.")
REVOKE_REASON_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Say why the approval is revoked.")
OTHER_PATIENT = QT_TRANSLATE_NOOP("DomainError", "The approval No. {reference} was given for another patient.")
OTHER_PAYER = QT_TRANSLATE_NOOP(
    "DomainError", "The approval No. {reference} is of {insurer}, but the line is paid by another payer. "
    "Choose {insurer} as the line's payer first.")
CLIENT_PAYS = QT_TRANSLATE_NOOP(
    "DomainError", "\u201c{service}\u201d is paid by the client: an approval of {insurer} covers only lines "
    "{insurer} pays. Choose {insurer} as the line's payer first.")
EXPIRED = QT_TRANSLATE_NOOP(
    "DomainError", "The approval No. {reference} is valid from {start} to {end}; the service is on {day}.")
REVOKED = QT_TRANSLATE_NOOP("DomainError", "The approval No. {reference} was revoked: {reason}.")
USED_UP = QT_TRANSLATE_NOOP("DomainError", "The approval No. {reference} is used up: nothing more can rely on it.")
NOT_ACTIVE = QT_TRANSLATE_NOOP("DomainError", "The approval No. {reference} is {status}: it cannot change.")
SERVICE_NOT_APPROVED = QT_TRANSLATE_NOOP(
    "DomainError", "The approval No. {reference} does not cover \u201c{service}\u201d.")
QUANTITY_EXCEEDED = QT_TRANSLATE_NOOP(
    "DomainError", "The approval No. {reference} allows {limit} of \u201c{service}\u201d and {used} are "
    "already taken: this line would exceed it.")
AMOUNT_EXCEEDED = QT_TRANSLATE_NOOP(
    "DomainError", "The approval No. {reference} has {left} roubles left for this; the line costs {amount}.")
LINE_CLOSED = QT_TRANSLATE_NOOP(
    "DomainError", "The line is {status}: its approval can no longer change.")
STEP_LINE = QT_TRANSLATE_NOOP(
    "DomainError", "A step of a complex service relies on the approval of its complex service: link that line.")
NOT_LINKED = QT_TRANSLATE_NOOP("DomainError", "The line relies on no approval.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("DomainError", "Your job does not allow recording insurers' approvals.")
LIMIT_BY_DB = QT_TRANSLATE_NOOP("DomainError", "The approval's limits would be exceeded by this line.")


def _refused(message: str, **params) -> ApprovalRefused:
    error = ApprovalRefused(message, **params)
    error.translatable_params = tuple(k for k in ("status",) if k in params)
    return error


# --- reading ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApprovedService:
    """A service to approve, with its limits (None: no limit of its own)."""

    service_id: int
    quantity_limit: int | None = None
    amount_limit: Decimal | None = None


@dataclass(frozen=True)
class ServiceUsage:
    """A service of an approval (or, for an approval that lists none, each service relying on it) with
    what its linked open lines take."""

    service_id: int
    service_code: str
    service_name: str
    listed: bool
    quantity_limit: int | None
    amount_limit: Decimal | None
    used_quantity: int
    used_amount: Decimal

    @property
    def quantity_left(self) -> int | None:
        return None if self.quantity_limit is None else max(self.quantity_limit - self.used_quantity, 0)

    @property
    def amount_left(self) -> Decimal | None:
        return None if self.amount_limit is None else max(self.amount_limit - self.used_amount, Decimal(0))


@dataclass(frozen=True)
class ApprovalInfo:
    id: int
    version: int
    organization_id: int
    payer_id: int
    payer_name: str
    agreement_id: int | None
    agreement_number: str
    patient_id: int
    approver_name: str
    approver_phone: str
    reference_number: str
    approved_at: dt.datetime  # in the organization's time zone
    valid_from: dt.date
    valid_to: dt.date
    amount_limit: Decimal | None
    note: str
    status: str
    revoke_reason: str
    revoked_at: dt.datetime | None
    revoked_by: str | None
    recorded_by: str
    recorded_staff_name: str
    services: tuple[ServiceUsage, ...]
    used_amount: Decimal  # of every linked open line

    @property
    def lists_services(self) -> bool:
        return any(s.listed for s in self.services)

    @property
    def amount_left(self) -> Decimal | None:
        return None if self.amount_limit is None else max(self.amount_limit - self.used_amount, Decimal(0))

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day <= self.valid_to

    def covers(self, service_id: int) -> bool:
        return not self.lists_services or any(s.listed and s.service_id == service_id for s in self.services)

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]


@dataclass(frozen=True)
class InsurerChoice:
    payer_id: int
    name: str


_APPROVAL = """
SELECT a.id, a.version, a.organization_id, a.payer_id, p.name AS payer_name, a.agreement_id,
       coalesce(ag.number, '') AS agreement_number, a.patient_id, a.approver_name, a.approver_phone,
       a.reference_number, a.approved_at, a.valid_from, a.valid_to, a.amount_limit, a.note, a.status,
       a.revoke_reason, a.revoked_at, a.revoked_by, a.recorded_by,
       coalesce(s.last_name || ' ' || left(s.first_name, 1) || '.', '') AS recorded_staff_name,
       coalesce((SELECT sum(l.amount) FROM order_lines l WHERE l.approval_id = a.id AND l.status <> 'cancelled'), 0)
           AS used_amount
  FROM insurer_approvals a
  JOIN payers p ON p.id = a.payer_id
  LEFT JOIN agreements ag ON ag.id = a.agreement_id
  LEFT JOIN staff_members s ON s.id = a.recorded_staff_id
"""

_USAGE = """
SELECT coalesce(x.approval_id, u.approval_id) AS approval_id, coalesce(x.service_id, u.service_id) AS service_id,
       m.code, m.name, x.service_id IS NOT NULL AS listed, x.quantity_limit, x.amount_limit,
       coalesce(u.quantity, 0) AS used_quantity, coalesce(u.amount, 0) AS used_amount
  FROM (SELECT approval_id, service_id, quantity_limit, amount_limit FROM insurer_approval_services
         WHERE approval_id = ANY(CAST(:ids AS integer[]))) x
  FULL JOIN (SELECT approval_id, service_id, sum(quantity) AS quantity, sum(amount) AS amount FROM order_lines
              WHERE approval_id = ANY(CAST(:ids AS integer[])) AND status <> 'cancelled'
              GROUP BY approval_id, service_id) u
    ON u.approval_id = x.approval_id AND u.service_id = x.service_id
  JOIN medical_services m ON m.id = coalesce(x.service_id, u.service_id)
 ORDER BY m.name, m.id
"""


def _approvals(connection: Connection, where: str, params: dict) -> list[ApprovalInfo]:
    rows = connection.execute(text(
        _APPROVAL + f" WHERE {where} ORDER BY a.approved_at DESC, a.id DESC"), params).mappings().all()  # noqa: S608
    if not rows:
        return []
    usage: dict[int, list[ServiceUsage]] = {}
    for u in connection.execute(text(_USAGE), {"ids": [r["id"] for r in rows]}).mappings():
        usage.setdefault(u["approval_id"], []).append(ServiceUsage(
            service_id=u["service_id"], service_code=u["code"], service_name=u["name"], listed=u["listed"],
            quantity_limit=u["quantity_limit"], amount_limit=u["amount_limit"],
            used_quantity=int(u["used_quantity"]), used_amount=Decimal(u["used_amount"])))
    zones: dict[int, dt.tzinfo] = {}
    result = []
    for r in rows:
        zone = zones.get(r["organization_id"])
        if zone is None:
            zone = zones[r["organization_id"]] = organization_zone(connection, r["organization_id"])
        result.append(ApprovalInfo(**{
            **r, "approved_at": r["approved_at"].astimezone(zone),
            "revoked_at": r["revoked_at"].astimezone(zone) if r["revoked_at"] else None,
            "used_amount": Decimal(r["used_amount"]), "services": tuple(usage.get(r["id"], ()))}))
    return result


def approval(connection: Connection, approval_id: int) -> ApprovalInfo:
    found = _approvals(connection, "a.id = :id", {"id": approval_id})
    if not found:
        raise stale(connection, "insurer_approvals", approval_id, False)
    return found[0]


def approvals_of_patient(connection: Connection, patient_id: int, *,
                         include_inactive: bool = True) -> list[ApprovalInfo]:
    """The patient's approvals, newest first, with what their lines take."""
    where = "a.patient_id = :p" + ("" if include_inactive else " AND a.status = 'active'")
    return _approvals(connection, where, {"p": patient_id})


def usage(connection: Connection, approval_id: int) -> tuple[ServiceUsage, ...]:
    """The quantity and amount each service's linked open lines take from the approval."""
    return approval(connection, approval_id).services


def active_approvals_for(connection: Connection, patient_id: int, payer_id: int | None, service_id: int,
                         on_date: dt.date) -> list[ApprovalInfo]:
    """Active approvals of the patient (by ``payer_id``, or any insurer when None) valid on ``on_date`` that
    cover the service and have room left for at least one more."""
    where = ("a.patient_id = :p AND a.status = 'active' AND :d BETWEEN a.valid_from AND a.valid_to"
             + ("" if payer_id is None else " AND a.payer_id = :payer"))
    found = []
    for info in _approvals(connection, where, {"p": patient_id, "d": on_date, "payer": payer_id}):
        if not info.covers(service_id):
            continue
        if info.amount_left is not None and info.amount_left <= 0:
            continue
        listed = next((s for s in info.services if s.listed and s.service_id == service_id), None)
        if listed is not None and (listed.quantity_left == 0 or listed.amount_left == 0):
            continue
        found.append(info)
    return found


def insurers(connection: Connection, organization_id: int) -> list[InsurerChoice]:
    """The organization's insurance companies (payers of kind 'insurer'), by name."""
    return [InsurerChoice(r.id, r.name) for r in connection.execute(text(
        "SELECT id, name FROM payers WHERE organization_id = :o AND kind = 'insurer' ORDER BY name, id"),
        {"o": organization_id})]


# --- recording --------------------------------------------------------------------------------------------


def _amount(value) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(str(value).replace(",", ".").replace(" ", "").strip())
    except (InvalidOperation, ValueError):
        raise _refused(BAD_LIMIT, value=str(value)) from None
    if not amount.is_finite() or amount <= 0 or amount >= AMOUNT_LIMIT or amount != amount.quantize(CENT):
        raise _refused(BAD_LIMIT, value=str(value))
    return amount


def _quantity(value) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise _refused(BAD_LIMIT, value=str(value))
    return value


def _db_refusal(error: DBAPIError, **params) -> DomainError | None:
    state = getattr(error.orig, "sqlstate", None)
    constraint = getattr(getattr(error.orig, "diag", None), "constraint_name", "") or ""
    if state == "23505" and "reference" in constraint:
        return _refused(DUPLICATE_REFERENCE, reference=params.get("reference", ""))
    messages = {"MC083": NOT_INSURER, "MC088": LIMIT_BY_DB, "42501": NOT_ALLOWED}
    if state in messages:
        return _refused(messages[state])
    return None


def record_approval(connection: Connection, organization_id: int, *, payer_id: int, patient_id: int,
                    approver_name: str, reference_number: str, valid_from: dt.date, valid_to: dt.date,
                    approved_at: dt.datetime | None = None, approver_phone: str = "",
                    agreement_id: int | None = None, services: Iterable[ApprovedService] = (),
                    amount_limit: Decimal | str | None = None, note: str = "") -> int:
    """Records an insurer's telephone approval for a patient; returns its id."""
    services = tuple(services)
    if not approver_name.strip():
        raise _refused(APPROVER_REQUIRED)
    reference = reference_number.strip()
    if not reference:
        raise _refused(REFERENCE_REQUIRED)
    if valid_to < valid_from:
        raise _refused(BAD_PERIOD)
    now = connection.scalar(text("SELECT now()"))
    approved_at = approved_at or now
    if approved_at > now + dt.timedelta(minutes=5):
        raise _refused(APPROVED_IN_FUTURE)
    limit = _amount(amount_limit)
    if not services and limit is None:
        raise _refused(LIMIT_REQUIRED)
    if len({s.service_id for s in services}) != len(services):
        raise _refused(SERVICE_TWICE)
    cleaned = [(s.service_id, _quantity(s.quantity_limit), _amount(s.amount_limit)) for s in services]
    payer = connection.execute(text("SELECT kind, organization_id FROM payers WHERE id = :p"), {"p": payer_id}).first()
    if payer is None or payer.kind != "insurer" or payer.organization_id != organization_id:
        raise _refused(NOT_INSURER)
    if agreement_id is not None and connection.scalar(text(
            "SELECT payer_id FROM agreements WHERE id = :a"), {"a": agreement_id}) != payer_id:
        raise _refused(AGREEMENT_OF_OTHER_PAYER)
    if connection.scalar(text(
            "SELECT EXISTS (SELECT 1 FROM insurer_approvals WHERE payer_id = :p AND reference_number = :r)"),
            {"p": payer_id, "r": reference}):
        raise _refused(DUPLICATE_REFERENCE, reference=reference)
    try:
        with connection.begin_nested():
            approval_id = connection.execute(text(
                "INSERT INTO insurer_approvals (organization_id, payer_id, agreement_id, patient_id, approver_name, "
                "approver_phone, reference_number, approved_at, valid_from, valid_to, amount_limit, note) "
                "VALUES (:o, :payer, :ag, :p, :name, :phone, :ref, :at, :vf, :vt, :lim, :note) RETURNING id"),
                {"o": organization_id, "payer": payer_id, "ag": agreement_id, "p": patient_id,
                 "name": approver_name.strip()[:200], "phone": approver_phone.strip()[:40], "ref": reference[:60],
                 "at": approved_at, "vf": valid_from, "vt": valid_to, "lim": limit, "note": note.strip()}
            ).scalar_one()
            for service_id, quantity, amount in cleaned:
                connection.execute(text(
                    "INSERT INTO insurer_approval_services (approval_id, service_id, organization_id, quantity_limit, "
                    "amount_limit) VALUES (:a, :s, :o, :q, :m)"),
                    {"a": approval_id, "s": service_id, "o": organization_id, "q": quantity, "m": amount})
    except DBAPIError as error:
        refusal = _db_refusal(error, reference=reference)
        if refusal is None:
            raise
        raise refusal from None
    return approval_id


def _approval_for_update(connection: Connection, approval_id: int, version: int | None):
    row = connection.execute(text(
        "SELECT a.*, p.name AS payer_name FROM insurer_approvals a JOIN payers p ON p.id = a.payer_id "
        "WHERE a.id = :id FOR UPDATE OF a"), {"id": approval_id}).first()
    if row is None or (version is not None and row.version != version):
        raise stale(connection, "insurer_approvals", approval_id, row is not None)
    return row


@audited_refusals("insurer_approvals", "approval_id")
def revoke(connection: Connection, approval_id: int, version: int, reason: str) -> None:
    """Revokes an approval (the insurer withdrew it): the lines relying on it are no longer covered."""
    if not reason.strip():
        raise _refused(REVOKE_REASON_REQUIRED)
    row = _approval_for_update(connection, approval_id, version)
    if row.status == "revoked":
        raise _refused(NOT_ACTIVE, reference=row.reference_number, status=STATUS_NAMES[row.status])
    connection.execute(text(
        "UPDATE insurer_approvals SET status = 'revoked', revoke_reason = :r, version = version + 1, "
        "updated_at = now() WHERE id = :id"), {"r": reason.strip(), "id": approval_id})


@audited_refusals("insurer_approvals", "approval_id")
def mark_used(connection: Connection, approval_id: int, version: int) -> None:
    """Marks an active approval used up: the lines relying on it stay covered, no more are linked."""
    row = _approval_for_update(connection, approval_id, version)
    if row.status != "active":
        raise _refused(NOT_ACTIVE, reference=row.reference_number, status=STATUS_NAMES[row.status])
    connection.execute(text(
        "UPDATE insurer_approvals SET status = 'used', version = version + 1, updated_at = now() WHERE id = :id"),
        {"id": approval_id})


# --- order lines ------------------------------------------------------------------------------------------

_LINE = """
SELECT l.id, l.version, l.status, l.service_id, s.name AS service_name, l.quantity, l.amount, l.payer_id,
       l.parent_line_id, l.approval_id, l.organization_id, o.patient_id, b.starts_at
  FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN medical_services s ON s.id = l.service_id
  LEFT JOIN bookings b ON b.id = l.booking_id
 WHERE l.id = :id
   FOR UPDATE OF l
"""


def _line_for_update(connection: Connection, line_id: int, version: int):
    line = connection.execute(text(_LINE), {"id": line_id}).first()
    if line is None or line.version != version:
        raise stale(connection, "order_lines", line_id, line is not None)
    if line.status not in ("ordered", "booked", "paid"):
        error = _refused(LINE_CLOSED, status=orders.STATUS_NAMES[line.status])
        raise error
    return line


def _check_link(connection: Connection, line, row) -> None:
    reference = row.reference_number
    if line.patient_id != row.patient_id or line.organization_id != row.organization_id:
        raise _refused(OTHER_PATIENT, reference=reference)
    if line.payer_id is None:
        raise _refused(CLIENT_PAYS, service=line.service_name, insurer=row.payer_name)
    if line.payer_id != row.payer_id:
        raise _refused(OTHER_PAYER, reference=reference, insurer=row.payer_name)
    if row.status == "revoked":
        raise _refused(REVOKED, reference=reference, reason=row.revoke_reason)
    if row.status == "used":
        raise _refused(USED_UP, reference=reference)
    zone = organization_zone(connection, line.organization_id)
    day = (line.starts_at or connection.scalar(text("SELECT now()"))).astimezone(zone).date()
    if not row.valid_from <= day <= row.valid_to:
        raise _refused(EXPIRED, reference=reference, start=row.valid_from.strftime("%d.%m.%Y"),
                       end=row.valid_to.strftime("%d.%m.%Y"), day=day.strftime("%d.%m.%Y"))
    listed = connection.execute(text(
        "SELECT service_id, quantity_limit, amount_limit FROM insurer_approval_services WHERE approval_id = :a"),
        {"a": row.id}).all()
    mine = next((x for x in listed if x.service_id == line.service_id), None)
    if listed and mine is None:
        raise _refused(SERVICE_NOT_APPROVED, reference=reference, service=line.service_name)
    taken = connection.execute(text(
        "SELECT coalesce(sum(quantity) FILTER (WHERE service_id = :s), 0) AS quantity, "
        "coalesce(sum(amount) FILTER (WHERE service_id = :s), 0) AS amount, coalesce(sum(amount), 0) AS total "
        "FROM order_lines WHERE approval_id = :a AND status <> 'cancelled' AND id <> :l"),
        {"a": row.id, "s": line.service_id, "l": line.id}).one()
    if mine is not None and mine.quantity_limit is not None and taken.quantity + line.quantity > mine.quantity_limit:
        raise _refused(QUANTITY_EXCEEDED, reference=reference, service=line.service_name, limit=mine.quantity_limit,
                       used=taken.quantity)
    if mine is not None and mine.amount_limit is not None and taken.amount + line.amount > mine.amount_limit:
        raise _refused(AMOUNT_EXCEEDED, reference=reference, left=orders.format_money(mine.amount_limit - taken.amount),
                       amount=orders.format_money(line.amount))
    if row.amount_limit is not None and taken.total + line.amount > row.amount_limit:
        raise _refused(AMOUNT_EXCEEDED, reference=reference, left=orders.format_money(row.amount_limit - taken.total),
                       amount=orders.format_money(line.amount))


@audited_refusals("order_lines", "line_id")
def link_line(connection: Connection, line_id: int, version: int, approval_id: int) -> None:
    """Makes an order line rely on an insurer's approval (refused with the reason when it may not)."""
    line = _line_for_update(connection, line_id, version)
    if line.parent_line_id is not None:
        raise _refused(STEP_LINE)
    row = _approval_for_update(connection, approval_id, None)
    _check_link(connection, line, row)
    try:
        with connection.begin_nested():
            connection.execute(text(
                "UPDATE order_lines SET approval_id = :a, version = version + 1, updated_at = now() WHERE id = :id"),
                {"a": approval_id, "id": line_id})
    except DBAPIError as error:
        state = getattr(error.orig, "sqlstate", None)
        messages = {"MC084": OTHER_PATIENT, "MC085": EXPIRED, "MC086": USED_UP, "MC087": SERVICE_NOT_APPROVED,
                    "MC088": LIMIT_BY_DB}
        if state not in messages:
            raise
        if state == "MC084" and "payer" in (getattr(getattr(error.orig, "diag", None), "message_primary", "") or ""):
            message = CLIENT_PAYS if line.payer_id is None else OTHER_PAYER
            raise _refused(message, reference=row.reference_number, insurer=row.payer_name,
                           service=line.service_name) from None
        raise _refused(messages[state], reference=row.reference_number, insurer=row.payer_name, start="", end="",
                       day="", service=line.service_name) from None


@audited_refusals("order_lines", "line_id")
def unlink_line(connection: Connection, line_id: int, version: int) -> None:
    """The line no longer relies on an approval (another approval is linked later; under an agreement that
    requires one, the line is not covered for performing meanwhile)."""
    line = _line_for_update(connection, line_id, version)
    if line.approval_id is None:
        raise _refused(NOT_LINKED)
    connection.execute(text(
        "UPDATE order_lines SET approval_id = NULL, version = version + 1, updated_at = now() WHERE id = :id"),
        {"id": line_id})


#: The name the brief of the issue uses.
unlink = unlink_line


def line_approval(connection: Connection, line_id: int) -> ApprovalInfo | None:
    """The approval an order line relies on, or None."""
    approval_id = connection.scalar(text("SELECT approval_id FROM order_lines WHERE id = :id"), {"id": line_id})
    return approval(connection, approval_id) if approval_id is not None else None
