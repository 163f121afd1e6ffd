"""Performance of services: the doctor's workstation records that an order line was performed -- who
performed it, in which office, with whom, from when to when and with what result -- and performs a
complex service step by step (optional steps may be skipped), closing the whole when every required
step is done.

The clinic's setting ``organizations.unpaid_performance`` decides what happens to a line the client has
not paid and no agreement covers: 'block' refuses it, 'warn' raises `UnpaidWarning` until the caller
(the UI, having asked) passes ``confirm_unpaid=True``. A line a payer pays is covered by its agreement,
except when the agreement names the service (or, for a step, its complex service) with
``requires_approval``: then only an insurer's approval linked to the line (or its complex line) that is
not revoked covers it, and without one the same setting refuses or warns ("call the insurer"). A line
the client pays is never covered by an approval: only lines the insurer pays are linked to one. The
trigger of sql/0009_performance.sql (as replaced by sql/0011_communications.sql) keeps the same rules
(MC060..MC069) for any writer; these functions check first for a clear message.

A performed line goes to 'performed' through `orders.mark_performed` (the order's own status rules).
Functions take the logged-in user's Connection (row-level security applies); the caller commits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services import orders
from shared.services.concurrency import stale
from shared.services.refusals import audited_refusals


class PerformanceRefused(DomainError):
    """Raised with one of the messages below."""


class UnpaidWarning(DomainError):
    """The clinic warns (does not block) about an unpaid, uncovered line: ask, then call again confirmed."""

    #: A question to the user, not a refusal: the performance, once confirmed, is itself audited.
    audited_as_refusal = False

    message = QT_TRANSLATE_NOOP(
        "DomainError", "The client has not paid for \u201c{service}\u201d and no agreement covers it. "
        "Perform it anyway?")


CANCELLED = QT_TRANSLATE_NOOP("DomainError", "This service was cancelled: it cannot be performed.")
ALREADY_DONE = QT_TRANSLATE_NOOP("DomainError", "This service is already {status}.")
ANOTHER_PATIENT = QT_TRANSLATE_NOOP(
    "DomainError", "The service belongs to another patient than the visit: it cannot be performed here.")
APPROVAL_NEEDED = QT_TRANSLATE_NOOP(
    "DomainError", "\u201c{service}\u201d needs the approval of {insurer}: call the insurer and record the "
    "approval, then link it to the line.")
APPROVAL_NEEDED_WARNING = QT_TRANSLATE_NOOP(
    "DomainError", "\u201c{service}\u201d needs the approval of {insurer} and no approval is linked to the line. "
    "Perform it anyway?")
UNPAID_BLOCKED = QT_TRANSLATE_NOOP(
    "DomainError", "The client has not paid for \u201c{service}\u201d and no agreement covers it: "
    "the clinic performs only paid or covered services. Send the client to the cash desk.")
STEP_BY_STEP = QT_TRANSLATE_NOOP(
    "DomainError", "\u201c{service}\u201d is a complex service: perform its steps, then close it.")
NOT_COMPLEX = QT_TRANSLATE_NOOP("DomainError", "\u201c{service}\u201d is not a complex service.")
STEP_REQUIRED = QT_TRANSLATE_NOOP(
    "DomainError", "\u201c{service}\u201d is a required step of the complex service: it cannot be skipped.")
SKIP_REASON_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Say why the step is skipped.")
REQUIRED_MISSING = QT_TRANSLATE_NOOP(
    "DomainError", "The complex service cannot be closed: required steps are not done yet ({steps}).")
BAD_PERIOD = QT_TRANSLATE_NOOP("DomainError", "The service cannot end before it starts.")
WHO_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Say who performed the service.")
UNKNOWN_PARTICIPANT = QT_TRANSLATE_NOOP(
    "DomainError", "A participant is not a staff member of this organization.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("DomainError", "Your job does not allow recording the performance of services.")
NOT_RECORDED = QT_TRANSLATE_NOOP(
    "DomainError", "A service is marked performed only together with the record of its performance.")


def _refused(message: str, **params) -> PerformanceRefused:
    error = PerformanceRefused(message, **params)
    if "status" in params:
        error.translatable_params = ("status",)
    return error


# --- reading ----------------------------------------------------------------------------------------------

_LINE = """
SELECT l.id, l.version, l.status, l.amount, l.payer_id, l.parent_line_id, l.step_optional, l.booking_id,
       l.organization_id, o.patient_id, s.name AS service_name, b.patient_id AS booking_patient_id,
       coalesce(py.name, '') AS payer_name,
       EXISTS (SELECT 1 FROM agreement_services ags
                WHERE ags.requires_approval
                  AND ((ags.agreement_id = l.agreement_id AND ags.service_id = l.service_id)
                       OR (ags.agreement_id = pl.agreement_id AND ags.service_id = pl.service_id)))
           AS approval_required,
       pl.status AS parent_status, pl.amount AS parent_amount,
       EXISTS (SELECT 1 FROM order_lines c WHERE c.parent_line_id = l.id) AS is_complex,
       EXISTS (SELECT 1 FROM service_performances sp WHERE sp.order_line_id = l.id) AS recorded,
       EXISTS (SELECT 1 FROM insurer_approvals ia WHERE ia.id IN (l.approval_id, pl.approval_id)
                  AND ia.status <> 'revoked') AS approval_covered,
       org.unpaid_performance
  FROM order_lines l
  JOIN orders o ON o.id = l.order_id
  JOIN medical_services s ON s.id = l.service_id
  JOIN organizations org ON org.id = l.organization_id
  LEFT JOIN bookings b ON b.id = l.booking_id
  LEFT JOIN order_lines pl ON pl.id = l.parent_line_id
  LEFT JOIN payers py ON py.id = l.payer_id
 WHERE l.id = :id
   FOR UPDATE OF l
"""


def _line(connection: Connection, line_id: int, version: int | None):
    row = connection.execute(text(_LINE), {"id": line_id}).first()
    if row is None or (version is not None and row.version != version):
        raise stale(connection, "order_lines", line_id, row is not None)
    return row


def _open(line) -> None:
    if line.status == "cancelled":
        raise _refused(CANCELLED)
    if line.status in ("performed", "closed"):
        raise _refused(ALREADY_DONE, status=orders.STATUS_NAMES[line.status])


def needs_approval(line) -> bool:
    """A payer's line whose agreement performs the service (or a step's complex service) only with the
    insurer's approval, and no approval that is not revoked is linked to it (or its complex line)."""
    return (line.payer_id is not None and getattr(line, "approval_required", False)
            and not getattr(line, "approval_covered", False))


def is_paid_or_covered(line) -> bool:
    """The rule of `orders.mark_performed`: covered by a payer, paid, or free (a step: its complex line).
    A payer covers it unless its agreement requires the insurer's approval for the service and none (not
    revoked) is linked to the line or its complex line; an approval never covers a line the client pays."""
    if line.payer_id is not None:
        return not needs_approval(line)
    if line.parent_line_id is not None:
        return line.parent_status in ("paid", "performed", "closed") or line.parent_amount == 0
    return line.status == "paid" or line.amount == 0


# --- the database's refusals --------------------------------------------------------------------------------

_STATES = {"MC060": CANCELLED, "MC062": ANOTHER_PATIENT, "MC063": STEP_REQUIRED, "MC064": STEP_BY_STEP,
           "MC065": UNPAID_BLOCKED, "MC066": UNKNOWN_PARTICIPANT, "MC067": REQUIRED_MISSING,
           "MC068": NOT_RECORDED, "MC069": APPROVAL_NEEDED, "42501": NOT_ALLOWED}


def _translated(error: DBAPIError, line) -> DomainError | None:
    state = getattr(error.orig, "sqlstate", None)
    if state == "MC061" or state == "23505":
        return _refused(ALREADY_DONE, status=orders.STATUS_NAMES["performed"])
    if state in _STATES:
        return _refused(_STATES[state], service=line.service_name, steps="",
                        insurer=getattr(line, "payer_name", ""))
    return None


def _insert(connection: Connection, line, values: dict) -> None:
    columns = ", ".join(values)
    placeholders = ", ".join(f"CAST(:{k} AS integer[])" if k == "participants" else f":{k}" for k in values)
    try:
        with connection.begin_nested():
            connection.execute(text(
                f"INSERT INTO service_performances (order_line_id, {columns}) "  # noqa: S608
                f"VALUES (:line_id, {placeholders})"), {"line_id": line.id, **values})
    except DBAPIError as error:
        refusal = _translated(error, line)
        if refusal is None:
            raise
        raise refusal from None


# --- performing -----------------------------------------------------------------------------------------------


@audited_refusals("order_lines", "line_id")
def perform(connection: Connection, line_id: int, version: int, *, performed_by: int, office_id: int | None = None,
            participants: Iterable[int] = (), started_at: dt.datetime, ended_at: dt.datetime, result: str = "",
            result_code: str = "", record_id: int | None = None, confirm_unpaid: bool = False) -> None:
    """Records that the service of a simple line (or a step of a complex one) was performed and marks the
    line performed. ``record_id``: the visit record it belongs to (of the same patient)."""
    if performed_by is None:
        raise _refused(WHO_REQUIRED)
    if ended_at < started_at:
        raise _refused(BAD_PERIOD)
    line = _line(connection, line_id, version)
    _open(line)
    if line.is_complex:
        raise _refused(STEP_BY_STEP, service=line.service_name)
    if (line.booking_patient_id is not None and line.patient_id is not None
            and line.booking_patient_id != line.patient_id):
        raise _refused(ANOTHER_PATIENT)
    if line.recorded:
        raise _refused(ALREADY_DONE, status=orders.STATUS_NAMES["performed"])
    unpaid = not is_paid_or_covered(line)
    if unpaid and needs_approval(line):
        if line.unpaid_performance != "warn":
            raise _refused(APPROVAL_NEEDED, service=line.service_name, insurer=line.payer_name)
        if not confirm_unpaid:
            raise UnpaidWarning(APPROVAL_NEEDED_WARNING, service=line.service_name, insurer=line.payer_name)
    elif unpaid:
        if line.unpaid_performance != "warn":
            raise _refused(UNPAID_BLOCKED, service=line.service_name)
        if not confirm_unpaid:
            raise UnpaidWarning(service=line.service_name)
    _insert(connection, line, {
        "performed_by": performed_by, "office_id": office_id, "participants": list(dict.fromkeys(participants)),
        "started_at": started_at, "ended_at": ended_at, "result": result.strip(), "record_id": record_id,
        "unpaid_confirmed": unpaid and confirm_unpaid})
    try:
        orders.mark_performed(connection, line_id, version, performed_at=ended_at, result_code=result_code,
                              allow_unpaid=unpaid)
    except DBAPIError as error:
        refusal = _translated(error, line)
        if refusal is None:
            raise
        raise refusal from None


@audited_refusals("order_lines", "step_line_id")
def skip_step(connection: Connection, step_line_id: int, version: int, reason: str) -> None:
    """Skips an optional step of a complex service (it stays unperformed, with the reason recorded)."""
    if not reason.strip():
        raise _refused(SKIP_REASON_REQUIRED)
    line = _line(connection, step_line_id, version)
    _open(line)
    if line.parent_line_id is None or not line.step_optional:
        raise _refused(STEP_REQUIRED, service=line.service_name)
    if line.recorded:
        raise _refused(ALREADY_DONE, status=orders.STATUS_NAMES["performed"])
    now = connection.scalar(text("SELECT now()"))
    _insert(connection, line, {"skipped": True, "skip_reason": reason.strip(), "started_at": now, "ended_at": now})
    connection.execute(text("UPDATE order_lines SET version = version + 1, updated_at = now() WHERE id = :id"),
                       {"id": step_line_id})


@dataclass(frozen=True)
class StepState:
    line_id: int
    version: int
    service_name: str
    optional: bool
    state: str  # 'done' | 'skipped' | 'left' | 'cancelled'
    performed_at: dt.datetime | None
    skip_reason: str


@dataclass(frozen=True)
class ComplexProgress:
    line_id: int
    version: int
    service_name: str
    status: str
    steps: tuple[StepState, ...]

    def _count(self, state: str) -> int:
        return sum(1 for s in self.steps if s.state == state)

    @property
    def done(self) -> int:
        return self._count("done")

    @property
    def skipped(self) -> int:
        return self._count("skipped")

    @property
    def left(self) -> int:
        return self._count("left")

    @property
    def missing_required(self) -> tuple[StepState, ...]:
        return tuple(s for s in self.steps if s.state == "left" and not s.optional)

    @property
    def can_close(self) -> bool:
        return self.status in ("ordered", "booked", "paid") and not self.missing_required


def complex_progress(connection: Connection, line_id: int) -> ComplexProgress:
    """A complex line and its steps: done, skipped, left; whether it can be closed."""
    rows = connection.execute(text(
        "SELECT l.id, l.version, l.status, l.parent_line_id, l.step_optional, l.performed_at, s.name, "
        "sp.skipped, sp.skip_reason FROM order_lines l JOIN medical_services s ON s.id = l.service_id "
        "LEFT JOIN service_performances sp ON sp.order_line_id = l.id "
        "WHERE l.id = :id OR l.parent_line_id = :id ORDER BY l.parent_line_id NULLS FIRST, l.id"),
        {"id": line_id}).all()
    if not rows or rows[0].id != line_id:
        raise stale(connection, "order_lines", line_id, False)
    head, steps = rows[0], rows[1:]
    if not steps:
        raise _refused(NOT_COMPLEX, service=head.name)

    def state(row) -> str:
        if row.status in ("performed", "closed"):
            return "done"
        if row.status == "cancelled":
            return "cancelled"
        return "skipped" if row.skipped else "left"

    return ComplexProgress(
        line_id=head.id, version=head.version, service_name=head.name, status=head.status,
        steps=tuple(StepState(line_id=r.id, version=r.version, service_name=r.name, optional=r.step_optional,
                              state=state(r), performed_at=r.performed_at, skip_reason=r.skip_reason or "")
                    for r in steps))


@audited_refusals("order_lines", "line_id")
def close_complex(connection: Connection, line_id: int, version: int) -> None:
    """Closes (marks performed) a complex line whose required steps are all done; refused naming the
    missing ones. Its steps were each held to the unpaid rule when performed."""
    line = _line(connection, line_id, version)
    _open(line)
    progress = complex_progress(connection, line_id)
    if progress.missing_required:
        raise _refused(REQUIRED_MISSING, steps=", ".join(s.service_name for s in progress.missing_required))
    performed_at = max((s.performed_at for s in progress.steps if s.performed_at is not None), default=None)
    if performed_at is None:
        performed_at = connection.scalar(text("SELECT now()"))
    try:
        with connection.begin_nested():
            orders.mark_performed(connection, line_id, version, performed_at=performed_at, allow_unpaid=True)
    except DBAPIError as error:
        refusal = _translated(error, line)
        if refusal is None:
            raise
        raise refusal from None
