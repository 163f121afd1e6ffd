"""Orders: the services a client (or an anonymous caller) wants, each line with its payer, agreement,
price and why, discount, quota charge, status and booking; and the printed route sheet and invoice.

Line statuses: ordered -> booked -> paid -> performed -> closed, or cancelled (with a reason) from any
but closed. A line the payer covers by agreement needs no payment: it may be performed while 'booked'.
Cash desk payments set 'paid' (cash desk issue); performance is recorded by the doctor's workstation.

Functions take the logged-in user's Connection (row-level security applies); the caller commits.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models.billing import LINE_STATUSES, ORDER_CHANNELS
from shared.services import booking as bk
from shared.services.concurrency import stale
from shared.services.order_documents import InvoiceDocument, InvoiceLine, Party, RouteSheet, RouteStop
from shared.services.pricing import R_RULE, Quote, Reason, format_money, resolve_price
from shared.services.schedules import organization_zone

CENT = Decimal("0.01")


class OrderRefused(DomainError):
    """Raised with one of the messages below."""


WHO_REQUIRED = QT_TRANSLATE_NOOP(
    "DomainError", "An order is for a client, or for a caller whose name and phone are given.")
BAD_CHANNEL = QT_TRANSLATE_NOOP("DomainError", "Unknown order channel.")
BAD_QUANTITY = QT_TRANSLATE_NOOP("DomainError", "The quantity is a whole number from 1 to 100.")
LINE_CLOSED = QT_TRANSLATE_NOOP(
    "DomainError", "This line is {status}: it can no longer be changed.")
REASON_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Say why the line is cancelled.")
DISCOUNT_REASON_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Say why the discount is given.")
BAD_DISCOUNT = QT_TRANSLATE_NOOP("DomainError", "A discount is a percentage above 0 and at most 100 (entered: {value}).")
NOT_BOOKABLE = QT_TRANSLATE_NOOP("DomainError", "Only an ordered line can be booked; this one is {status}.")
BOOKING_OTHER_SERVICE = QT_TRANSLATE_NOOP("DomainError", "The booking is for another service or another client.")
ALREADY_PERSONAL = QT_TRANSLATE_NOOP("DomainError", "The order already belongs to a client.")
NOT_PERFORMABLE = QT_TRANSLATE_NOOP(
    "DomainError", "A {status} line cannot be marked performed.")
UNPAID = QT_TRANSLATE_NOOP(
    "DomainError", "The client has not paid for this service and no agreement covers it.")
LINE_AT_CASH_DESK = QT_TRANSLATE_NOOP(
    "DomainError", "The cash desk has taken money for this line (or is taking it now): refund it there first.")
NOTHING_TO_INVOICE = QT_TRANSLATE_NOOP("DomainError", "The order has no lines to invoice for this payer.")
COMPLEX_QUANTITY = QT_TRANSLATE_NOOP(
    "DomainError", "A complex service is ordered one at a time: add it again for another patient visit.")
STEP_PRICED = QT_TRANSLATE_NOOP(
    "DomainError", "A step of a complex service is priced in the complex service: discount that line instead.")


class QuotaExceeded(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The quota \u201c{quota}\u201d has no room for this line ({count} services and {amount} "
        "roubles left). A head of registry or the contracts department may allow it over the limit.")

    def __init__(self, *, can_override: bool, **params) -> None:
        self.can_override = can_override
        super().__init__(**params)


class QuotaOverrideDenied(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "Only a head of registry, the contracts department or the head may go over a quota.")


class DiscountAboveLimit(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "Your job allows manual discounts up to {limit}%; ask a colleague who may give more.")


STATUS_NAMES = {
    "ordered": QT_TRANSLATE_NOOP("DomainError", "ordered"),
    "booked": QT_TRANSLATE_NOOP("DomainError", "booked"),
    "paid": QT_TRANSLATE_NOOP("DomainError", "paid"),
    "performed": QT_TRANSLATE_NOOP("DomainError", "performed"),
    "closed": QT_TRANSLATE_NOOP("DomainError", "closed"),
    "cancelled": QT_TRANSLATE_NOOP("DomainError", "cancelled"),
}


def _refused(message: str, status: str | None = None, **params) -> OrderRefused:
    error = OrderRefused(message, **({"status": STATUS_NAMES[status]} if status else {}), **params)
    error.translatable_params = ("status",)
    return error


# --- reading ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderLineInfo:
    id: int
    version: int
    service_id: int
    service_code: str
    service_name: str
    quantity: int
    payer_id: int | None
    payer_name: str  # '' when the client pays personally
    agreement_id: int | None
    agreement_number: str
    base_price: Decimal
    price: Decimal
    discount_amount: Decimal
    amount: Decimal
    status: str
    booking_id: int | None
    starts_at: dt.datetime | None
    resource_name: str
    performed_at: dt.datetime | None
    cancel_reason: str
    reasons: tuple[Reason, ...]
    parent_line_id: int | None = None  # set on a step of a complex service
    step_optional: bool = False
    #: The payer's agreement performs the service only with the insurer's approval and no approval (not
    #: revoked) is linked to the line yet (an open line, not a step): the registry calls the insurer.
    approval_needed: bool = False

    @property
    def is_step(self) -> bool:
        return self.parent_line_id is not None

    @property
    def covered_by_agreement(self) -> bool:
        """Paid by a payer under an agreement (not by the client at the cash desk)."""
        return self.payer_id is not None


@dataclass(frozen=True)
class OrderInfo:
    id: int
    version: int
    organization_id: int
    patient_id: int | None
    client_name: str
    phone: str
    channel: str
    note: str
    created_at: dt.datetime
    created_by: str
    lines: tuple[OrderLineInfo, ...]

    @property
    def number(self) -> str:
        return order_number(self.id)

    @property
    def open_lines(self) -> tuple[OrderLineInfo, ...]:
        return tuple(line for line in self.lines if line.status != "cancelled")

    def total(self, *, personal_only: bool = False) -> Decimal:
        return sum((line.amount for line in self.open_lines if not personal_only or line.payer_id is None),
                   Decimal(0))

    @property
    def to_pay(self) -> Decimal:
        """What the client still pays at the cash desk."""
        return sum((line.amount for line in self.open_lines if line.payer_id is None and line.status in
                    ("ordered", "booked")), Decimal(0))

    @property
    def status(self) -> str:
        """The order's state from its lines: the least advanced open line, or cancelled when all are."""
        lines = self.open_lines
        if not lines:
            return "cancelled" if self.lines else "ordered"
        return min((line.status for line in lines), key=LINE_STATUSES.index)


def order_number(order_id: int) -> str:
    return f"{order_id:06d}"


def _client_name(row) -> str:
    if row.last_name:
        return " ".join(p for p in (row.last_name, row.first_name, row.middle_name) if p)
    return row.contact_name


def order(connection: Connection, order_id: int) -> OrderInfo:
    row = connection.execute(text(
        "SELECT o.id, o.version, o.organization_id, o.patient_id, o.contact_name, o.contact_phone, o.channel, "
        "o.note, o.created_at, o.created_by, p.last_name, p.first_name, p.middle_name FROM orders o "
        "LEFT JOIN patients p ON p.id = o.patient_id WHERE o.id = :id"), {"id": order_id}).first()
    if row is None:
        raise stale(connection, "orders", order_id, False)
    lines = connection.execute(text(
        "SELECT l.id, l.version, l.service_id, s.code, s.name, l.quantity, l.payer_id, coalesce(py.name, ''), "
        "l.agreement_id, coalesce(a.number, ''), l.base_price, l.price, l.discount_amount, l.amount, l.status, "
        "l.booking_id, b.starts_at, l.performed_at, l.cancel_reason, l.price_reason, b.resource_id, "
        "l.parent_line_id, l.step_optional, (l.payer_id IS NOT NULL AND l.parent_line_id IS NULL "
        "AND l.status IN ('ordered', 'booked', 'paid') AND EXISTS (SELECT 1 FROM agreement_services ags "
        "WHERE ags.agreement_id = l.agreement_id AND ags.service_id = l.service_id AND ags.requires_approval) "
        "AND NOT EXISTS (SELECT 1 FROM insurer_approvals ia WHERE ia.id = l.approval_id AND ia.status <> 'revoked')) "
        "AS approval_needed "
        "FROM order_lines l JOIN medical_services s ON s.id = l.service_id "
        "LEFT JOIN payers py ON py.id = l.payer_id LEFT JOIN agreements a ON a.id = l.agreement_id "
        "LEFT JOIN bookings b ON b.id = l.booking_id WHERE l.order_id = :id "
        "ORDER BY coalesce(l.parent_line_id, l.id), l.parent_line_id NULLS FIRST, coalesce(b.starts_at, 'infinity'), "
        "l.id"), {"id": order_id}).all()
    names = _resource_names(connection, {r.resource_id for r in lines if r.resource_id})
    zone = organization_zone(connection, row.organization_id)
    infos = tuple(OrderLineInfo(
        id=r[0], version=r[1], service_id=r[2], service_code=r[3], service_name=r[4], quantity=r[5], payer_id=r[6],
        payer_name=r[7], agreement_id=r[8], agreement_number=r[9], base_price=r[10], price=r[11],
        discount_amount=r[12], amount=r[13], status=r[14], booking_id=r[15],
        starts_at=r[16].astimezone(zone) if r[16] else None, resource_name=names.get(r.resource_id, ""),
        performed_at=r[17].astimezone(zone) if r[17] else None, cancel_reason=r[18],
        reasons=tuple(Reason(x["text"], x.get("params", {})) for x in r[19]), parent_line_id=r.parent_line_id,
        step_optional=r.step_optional, approval_needed=r.approval_needed) for r in lines)
    return OrderInfo(id=row.id, version=row.version, organization_id=row.organization_id, patient_id=row.patient_id,
                     client_name=_client_name(row), phone=row.contact_phone, channel=row.channel, note=row.note,
                     created_at=row.created_at.astimezone(zone), created_by=row.created_by, lines=infos)


def _resource_names(connection: Connection, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    from shared.services.schedules import resources

    organization_ids = connection.execute(text(
        "SELECT DISTINCT organization_id FROM schedule_resources WHERE id = ANY(:ids)"), {"ids": list(ids)}).scalars()
    names = {}
    for organization_id in organization_ids:
        names.update({r.id: r.name for r in resources(connection, organization_id) if r.id in ids})
    return names


@dataclass(frozen=True)
class OrderSummary:
    id: int
    created_at: dt.datetime
    client_name: str
    lines: int
    total: Decimal
    to_pay: Decimal
    status: str


_SUMMARY_SQL = """
SELECT o.id, o.created_at, coalesce(nullif(btrim(concat_ws(' ', p.last_name, p.first_name, p.middle_name)), ''),
                                     o.contact_name) AS client_name,
       count(l.id) FILTER (WHERE l.status <> 'cancelled' AND l.parent_line_id IS NULL) AS lines,
       coalesce(sum(l.amount) FILTER (WHERE l.status <> 'cancelled'), 0) AS total,
       coalesce(sum(l.amount) FILTER (WHERE l.status IN ('ordered', 'booked') AND l.payer_id IS NULL), 0) AS to_pay,
       array_agg(l.status) FILTER (WHERE l.status <> 'cancelled') AS open_statuses, count(l.id) AS all_lines,
       o.organization_id
  FROM orders o LEFT JOIN patients p ON p.id = o.patient_id LEFT JOIN order_lines l ON l.order_id = o.id
"""


def _summaries(connection: Connection, where: str, params: dict) -> list[OrderSummary]:
    rows = connection.execute(text(
        _SUMMARY_SQL + f" WHERE {where} GROUP BY o.id, p.id ORDER BY o.created_at DESC LIMIT 200"),  # noqa: S608
        params).all()
    zones = {}
    result = []
    for r in rows:
        zone = zones.setdefault(r.organization_id, organization_zone(connection, r.organization_id))
        if r.open_statuses:
            status = min(r.open_statuses, key=LINE_STATUSES.index)
        else:
            status = "cancelled" if r.all_lines else "ordered"
        result.append(OrderSummary(r.id, r.created_at.astimezone(zone), r.client_name, r.lines, r.total, r.to_pay,
                                   status))
    return result


def orders_of_patient(connection: Connection, patient_id: int) -> list[OrderSummary]:
    """The client's latest 200 orders, newest first, in one query."""
    return _summaries(connection, "o.patient_id = :p", {"p": patient_id})


def recent_anonymous_orders(connection: Connection, organization_id: int, *, days: int = 30) -> list[OrderSummary]:
    return _summaries(connection, "o.organization_id = :o AND o.patient_id IS NULL "
                      "AND o.created_at > now() - make_interval(days => :d)", {"o": organization_id, "d": days})


# --- writing ----------------------------------------------------------------------------------------------


def create_order(connection: Connection, organization_id: int, *, patient_id: int | None = None,
                 contact_name: str = "", contact_phone: str = "", channel: str = "registry", note: str = "") -> int:
    if channel not in ORDER_CHANNELS:
        raise _refused(BAD_CHANNEL)
    if patient_id is None and not (contact_name.strip() and contact_phone.strip()):
        raise _refused(WHO_REQUIRED)
    return connection.execute(text(
        "INSERT INTO orders (organization_id, patient_id, contact_name, contact_phone, channel, note) "
        "VALUES (:o, :p, :n, :ph, :c, :note) RETURNING id"),
        {"o": organization_id, "p": patient_id, "n": contact_name.strip()[:200], "ph": contact_phone.strip()[:40],
         "c": channel, "note": note.strip()}).scalar_one()


def quote_line(connection: Connection, order_id: int, service_id: int, *, payer_id: int | None = None,
               agreement_id: int | None = None, quantity: int = 1, moment: dt.datetime | None = None) -> Quote:
    """What a line would cost (with the reasons and quotas) without adding it."""
    head = _order_head(connection, order_id)
    if not isinstance(quantity, int) or not 1 <= quantity <= 100:
        raise _refused(BAD_QUANTITY)
    zone = organization_zone(connection, head.organization_id)
    if head.patient_id is not None:
        bk.check_patient(connection, service_id, head.patient_id, (moment or dt.datetime.now(dt.UTC)).astimezone(
            zone).date())
    return resolve_price(connection, service_id, payer_id=payer_id, agreement_id=agreement_id,
                         patient_id=head.patient_id, quantity=quantity,
                         moment=moment or dt.datetime.now(dt.UTC), zone=organization_zone(connection,
                                                                                          head.organization_id))


def _order_head(connection: Connection, order_id: int):
    head = connection.execute(text("SELECT organization_id, patient_id FROM orders WHERE id = :id"),
                              {"id": order_id}).first()
    if head is None:
        raise stale(connection, "orders", order_id, False)
    return head


def add_line(connection: Connection, order_id: int, service_id: int, *, payer_id: int | None = None,
             agreement_id: int | None = None, quantity: int = 1, moment: dt.datetime | None = None,
             override_quota: bool = False) -> int:
    """Adds a priced line, applies the automatic discount, and charges the quotas it falls under: refused
    with `QuotaExceeded` when one has no room (unless ``override_quota`` by a job allowed to)."""
    head = _order_head(connection, order_id)
    moment = moment or dt.datetime.now(dt.UTC)
    quote = quote_line(connection, order_id, service_id, payer_id=payer_id, agreement_id=agreement_id,
                       quantity=quantity, moment=moment)
    steps = connection.execute(text(
        "SELECT c.position, c.component_service_id, c.optional, s.name FROM service_components c "
        "JOIN medical_services s ON s.id = c.component_service_id WHERE c.complex_service_id = :s "
        "ORDER BY c.position"), {"s": service_id}).all()
    if steps and quantity != 1:
        raise _refused(COMPLEX_QUANTITY)
    try:
        with connection.begin_nested():
            line_id = connection.execute(text(
                "INSERT INTO order_lines (organization_id, order_id, service_id, quantity, payer_id, agreement_id, "
                "price_list_id, base_price, adjustment_percent, price, discount_amount, amount, price_reason) "
                "VALUES (:o, :ord, :s, :q, :p, :a, :l, :base, :adj, :price, :disc, :amount, CAST(:why AS jsonb)) "
                "RETURNING id"),
                {"o": head.organization_id, "ord": order_id, "s": service_id, "q": quantity, "p": payer_id,
                 "a": quote.agreement_id, "l": quote.price_list_id, "base": quote.base_price,
                 "adj": quote.adjustment_percent, "price": quote.price, "disc": quote.discount_amount,
                 "amount": quote.amount, "why": json.dumps([r.as_json() for r in quote.reasons])}).scalar_one()
            if quote.discount_rule_id is not None:
                connection.execute(text(
                    "INSERT INTO order_line_discounts (organization_id, order_line_id, rule_id, manual, percent, "
                    "amount) VALUES (:o, :l, :r, false, :pc, :a)"),
                    {"o": head.organization_id, "l": line_id, "r": quote.discount_rule_id,
                     "pc": quote.discount_percent, "a": quote.discount_amount if quote.discount_percent > 0 else
                     (quote.price - quote.base_price) * -quantity})
            if steps:
                _add_steps(connection, head.organization_id, order_id, line_id, steps, payer_id, quote.agreement_id)
            for check in quote.quotas:
                connection.execute(text(
                    "INSERT INTO quota_charges (quota_id, order_line_id, organization_id, count, amount, "
                    "overridden_by) VALUES (:q, :l, :o, :c, :a, :ov)"),
                    {"q": check.quota_id, "l": line_id, "o": head.organization_id, "c": quantity,
                     "a": quote.amount, "ov": "requested" if override_quota else None})
    except DBAPIError as error:
        state = getattr(error.orig, "sqlstate", None)
        if state == "MC030":
            quota_id = int(getattr(error.orig.diag, "message_detail", "0") or 0)
            raise _quota_exceeded(connection, quota_id) from None
        if state == "MC031":
            raise QuotaOverrideDenied() from None
        raise
    return line_id


R_STEP = QT_TRANSLATE_NOOP("DomainError", "Step {position} of \u201c{service}\u201d: priced in the complex service.")


def _add_steps(connection: Connection, organization_id: int, order_id: int, line_id: int, steps, payer_id,
               agreement_id) -> None:
    """The steps of a complex service as lines of their own (booked and performed one by one, priced 0)."""
    parent_name = connection.scalar(text(
        "SELECT s.name FROM order_lines l JOIN medical_services s ON s.id = l.service_id WHERE l.id = :l"),
        {"l": line_id})
    for step in steps:
        connection.execute(text(
            "INSERT INTO order_lines (organization_id, order_id, service_id, quantity, payer_id, agreement_id, "
            "base_price, price, amount, price_reason, parent_line_id, step_optional) VALUES (:o, :ord, :s, 1, :p, "
            ":a, 0, 0, 0, CAST(:why AS jsonb), :parent, :opt)"),
            {"o": organization_id, "ord": order_id, "s": step.component_service_id, "p": payer_id, "a": agreement_id,
             "why": json.dumps([{"text": R_STEP, "params": {"position": str(step.position), "service": parent_name}}]),
             "parent": line_id, "opt": step.optional})


def _quota_exceeded(connection: Connection, quota_id: int) -> QuotaExceeded:
    row = connection.execute(text(
        "SELECT name, limit_count - used_count AS c, limit_amount - used_amount AS a FROM quotas WHERE id = :id"),
        {"id": quota_id}).first()
    from shared.services.session import session_user

    jobs = session_user(connection).jobs
    return QuotaExceeded(
        can_override=bool(jobs & {"head_of_registry", "contracts", "head"}),
        quota=row.name if row else "?", count="\u221e" if row is None or row.c is None else max(0, row.c),
        amount="\u221e" if row is None or row.a is None else format_money(max(Decimal(0), row.a)))


def _line_for_update(connection: Connection, line_id: int, version: int):
    row = connection.execute(text(
        "SELECT l.*, o.patient_id, o.contact_name, o.contact_phone, o.channel AS order_channel FROM order_lines l "
        "JOIN orders o ON o.id = l.order_id WHERE l.id = :id FOR UPDATE OF l"), {"id": line_id}).first()
    if row is None or row.version != version:
        raise stale(connection, "order_lines", line_id, row is not None)
    return row


def apply_manual_discount(connection: Connection, line_id: int, version: int, percent: object, reason: str) -> None:
    """A registrar's discount on a line not yet paid, within the limit of the user's jobs (the database
    refuses more), recorded with who and why. It replaces an automatic rule's discount (they do not add up)."""
    try:
        value = Decimal(str(percent).replace(",", ".").strip())
    except Exception:  # noqa: BLE001 - any unreadable input is the same user error
        raise _refused(BAD_DISCOUNT, value=str(percent)) from None
    if not value.is_finite() or not 0 < value <= 100 or value != value.quantize(CENT):
        raise _refused(BAD_DISCOUNT, value=str(percent))
    if not reason.strip():
        raise _refused(DISCOUNT_REASON_REQUIRED)
    line = _line_for_update(connection, line_id, version)
    if line.status not in ("ordered", "booked"):
        raise _refused(LINE_CLOSED, line.status)
    if line.parent_line_id is not None:
        raise _refused(STEP_PRICED)
    gross = line.price * line.quantity
    discount = (gross * value / 100).quantize(CENT, ROUND_HALF_UP)
    try:
        with connection.begin_nested():
            connection.execute(text(
                "INSERT INTO order_line_discounts (organization_id, order_line_id, manual, percent, amount, reason) "
                "VALUES (:o, :l, true, :p, :a, :r)"),
                {"o": line.organization_id, "l": line_id, "p": value, "a": discount, "r": reason.strip()})
            # The manual discount replaces an earlier one or a rule's discount (they do not add up).
            reasons = [r for r in line.price_reason if r.get("text") not in (R_MANUAL, R_RULE)]
            reasons.append({"text": R_MANUAL, "params": {"percent": str(value), "reason": reason.strip()}})
            connection.execute(text(
                "UPDATE order_lines SET discount_amount = :d, amount = price * quantity - :d, "
                "price_reason = CAST(:why AS jsonb), version = version + 1, updated_at = now() WHERE id = :id"),
                {"d": discount, "why": json.dumps(reasons), "id": line_id})
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "MC033":
            raise DiscountAboveLimit(limit=getattr(error.orig.diag, "message_detail", "0")) from None
        raise


R_MANUAL = QT_TRANSLATE_NOOP("DomainError", "Manual discount {percent}% ({reason}).")


def cancel_line(connection: Connection, line_id: int, version: int, reason: str) -> None:
    """Cancels a line (its quota charge is given back, its booking cancelled with the same reason)."""
    if not reason.strip():
        raise _refused(REASON_REQUIRED)
    line = _line_for_update(connection, line_id, version)
    if line.status in ("performed", "closed", "cancelled"):
        raise _refused(LINE_CLOSED, line.status)
    if line.cash_operation_id is not None:
        raise _refused(LINE_AT_CASH_DESK)
    if line.booking_id is not None:
        current = bk.booking(connection, line.booking_id)
        if current.status in ("booked", "confirmed"):
            bk.cancel(connection, current.id, current.version, reason.strip())
    connection.execute(text(
        "UPDATE order_lines SET status = 'cancelled', cancel_reason = :r, version = version + 1, updated_at = now() "
        "WHERE id = :id"), {"r": reason.strip(), "id": line_id})
    # The steps of a cancelled complex service go with it (those already performed stay on record).
    for step in connection.execute(text(
            "SELECT id, version FROM order_lines WHERE parent_line_id = :id AND status IN ('ordered', 'booked', 'paid')"),
            {"id": line_id}).all():
        cancel_line(connection, step.id, step.version, reason)


def book_line(connection: Connection, line_id: int, version: int, slot: bk.Slot, *,
              now: dt.datetime | None = None) -> bk.BookingInfo:
    """Books an ordered line into a free slot for the order's client (or caller) and links the booking."""
    line = _line_for_update(connection, line_id, version)
    if line.status != "ordered":
        raise _refused(NOT_BOOKABLE, line.status)
    channel = line.order_channel if line.order_channel in ("registry", "call_centre", "website", "doctor") \
        else "registry"
    info = bk.book(connection, bk.BookingRequest(
        organization_id=line.organization_id, service_id=line.service_id, resource_id=slot.resource_id,
        starts_at=slot.starts_at, channel=channel, patient_id=line.patient_id,
        contact_name=line.contact_name, contact_phone=line.contact_phone), now=now)
    connection.execute(text(
        "UPDATE order_lines SET status = 'booked', booking_id = :b, version = version + 1, updated_at = now() "
        "WHERE id = :id"), {"b": info.id, "id": line_id})
    return info


def attach_booking(connection: Connection, line_id: int, version: int, booking_id: int) -> None:
    """Links an existing booking of the same service and client to an ordered line."""
    line = _line_for_update(connection, line_id, version)
    if line.status != "ordered":
        raise _refused(NOT_BOOKABLE, line.status)
    info = bk.booking(connection, booking_id)
    if info.service_id != line.service_id or (line.patient_id is not None and info.patient_id != line.patient_id):
        raise _refused(BOOKING_OTHER_SERVICE)
    connection.execute(text(
        "UPDATE order_lines SET status = 'booked', booking_id = :b, version = version + 1, updated_at = now() "
        "WHERE id = :id"), {"b": booking_id, "id": line_id})


def personalize_order(connection: Connection, order_id: int, version: int, patient_id: int) -> None:
    """Gives an anonymous order (and its lines' anonymous bookings) to a client found or registered later."""
    row = connection.execute(text("SELECT patient_id, version FROM orders WHERE id = :id FOR UPDATE"),
                             {"id": order_id}).first()
    if row is None or row.version != version:
        raise stale(connection, "orders", order_id, row is not None)
    if row.patient_id is not None:
        raise _refused(ALREADY_PERSONAL)
    today = dt.datetime.now(dt.UTC).date()
    for service_id in connection.execute(text(
            "SELECT DISTINCT service_id FROM order_lines WHERE order_id = :id AND status <> 'cancelled'"),
            {"id": order_id}).scalars():
        bk.check_patient(connection, service_id, patient_id, today)  # the client must fit every service
    connection.execute(text(
        "UPDATE orders SET patient_id = :p, version = version + 1, updated_at = now() WHERE id = :id"),
        {"p": patient_id, "id": order_id})
    for booking_id in connection.execute(text(
            "SELECT booking_id FROM order_lines WHERE order_id = :id AND booking_id IS NOT NULL"),
            {"id": order_id}).scalars().all():
        info = bk.booking(connection, booking_id)
        if info.patient_id is None and info.status not in ("cancelled", "no_show"):
            bk.personalize(connection, info.id, info.version, patient_id)


def mark_performed(connection: Connection, line_id: int, version: int, *, performed_at: dt.datetime,
                   result_code: str = "", allow_unpaid: bool = False) -> None:
    """Records that a line's service was performed. A line the client pays must be paid first unless
    ``allow_unpaid`` (the clinic's setting; the doctor's workstation decides)."""
    line = _line_for_update(connection, line_id, version)
    if line.status not in ("ordered", "booked", "paid"):
        raise _refused(NOT_PERFORMABLE, line.status)
    paid = line.status == "paid" or line.amount == 0
    if line.parent_line_id is not None:
        parent = connection.execute(text("SELECT status, amount FROM order_lines WHERE id = :p"),
                                    {"p": line.parent_line_id}).first()
        paid = parent.status in ("paid", "performed", "closed") or parent.amount == 0
    if line.payer_id is None and not paid and not allow_unpaid:
        raise _refused(UNPAID)
    connection.execute(text(
        "UPDATE order_lines SET status = 'performed', performed_at = :t, result_code = :r, version = version + 1, "
        "updated_at = now() WHERE id = :id"), {"t": performed_at, "r": result_code.strip()[:20], "id": line_id})


# --- printed forms ----------------------------------------------------------------------------------------


def _organization(connection: Connection, organization_id: int):
    return connection.execute(text(
        "SELECT name, short_name, inn, kpp, ogrn, address, phone, bank_name, bank_bik, bank_account, "
        "bank_corr_account, head_name, accountant_name FROM organizations WHERE id = :o"),
        {"o": organization_id}).first()


def route_sheet(connection: Connection, order_id: int, *, printed_by: str, now: dt.datetime) -> RouteSheet:
    info = order(connection, order_id)
    org = _organization(connection, info.organization_id)
    zone = organization_zone(connection, info.organization_id)
    card = ""
    if info.patient_id is not None:
        card = connection.scalar(text(
            "SELECT number FROM medical_cards WHERE patient_id = :p AND organization_id = :o AND closed_on IS NULL "
            "ORDER BY opened_on LIMIT 1"), {"p": info.patient_id, "o": info.organization_id}) or ""
    details = {r.id: r for r in connection.execute(text(
        "SELECT l.id, s.preparation, coalesce(d.name, '') AS department, b.period, b.office_id, "
        "coalesce(of.number, '') AS office_number, of.floor FROM order_lines l "
        "JOIN medical_services s ON s.id = l.service_id LEFT JOIN departments d ON d.id = s.department_id "
        "LEFT JOIN bookings b ON b.id = l.booking_id LEFT JOIN offices of ON of.id = b.office_id "
        "WHERE l.order_id = :id"), {"id": order_id})}
    with_steps = {line.parent_line_id for line in info.lines if line.is_step}
    by_id = {line.id: line for line in info.lines}
    stops = []
    visits = sorted((line for line in info.open_lines if line.id not in with_steps),
                    key=lambda line: (line.starts_at is None, line.starts_at.timestamp() if line.starts_at else 0,
                                      line.id))
    for position, line in enumerate(visits, start=1):
        d = details[line.id]
        paying = by_id.get(line.parent_line_id, line)
        office = ""
        if d.office_number:
            office = f"каб. {d.office_number}" + (f", {d.floor} этаж" if d.floor is not None else "")
        stops.append(RouteStop(
            position=position, service_name=line.service_name,
            starts_at=d.period.lower.astimezone(zone) if d.period else None,
            ends_at=d.period.upper.astimezone(zone) if d.period else None,
            doctor_name=line.resource_name if d.period else "", office=office, department=d.department,
            preparation=d.preparation,
            paid=paying.payer_id is not None or paying.status in ("paid", "performed", "closed"),
            payer_name=line.payer_name or "Пациент"))
    return RouteSheet(organization_name=org.name, organization_address=org.address, organization_phone=org.phone,
                      order_number=info.number, order_date=info.created_at.astimezone(zone).date(),
                      patient_name=info.client_name, card_number=card, stops=tuple(stops), printed_by=printed_by,
                      printed_at=now.astimezone(zone))


_VAT_PERCENT = {"exempt": None, "vat0": 0, "vat5": 5, "vat7": 7, "vat10": 10, "vat20": 20, "vat22": 22}


def amount_in_words(amount: Decimal) -> str:
    """"Одна тысяча двести рублей 00 копеек"."""
    rubles = int(amount)
    kopecks = int((amount - rubles) * 100)
    words = num2words(rubles, lang="ru")
    return f"{words[:1].upper()}{words[1:]} {_plural(rubles, 'рубль', 'рубля', 'рублей')} " \
           f"{kopecks:02d} {_plural(kopecks, 'копейка', 'копейки', 'копеек')}"


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def invoice(connection: Connection, order_id: int, *, payer_id: int | None = None,
            today: dt.date) -> InvoiceDocument:
    """The invoice for payment of an order's open lines that one payer pays (None: the client)."""
    info = order(connection, order_id)
    lines = [line for line in info.open_lines if line.payer_id == payer_id and not line.is_step]
    if not lines:
        raise _refused(NOTHING_TO_INVOICE)
    org = _organization(connection, info.organization_id)
    codes = dict(connection.execute(text(
        "SELECT l.id, s.vat_rate FROM order_lines l JOIN medical_services s ON s.id = l.service_id "
        "WHERE l.order_id = :id"), {"id": order_id}).all())
    rows, vat_total = [], Decimal(0)
    for number, line in enumerate(lines, start=1):
        rate = codes[line.id]
        percent = _VAT_PERCENT.get(rate)
        vat = Decimal(0) if not percent else (line.amount * percent / (100 + percent)).quantize(CENT, ROUND_HALF_UP)
        vat_total += vat
        rows.append(InvoiceLine(number=number, code=line.service_code, name=line.service_name,
                                quantity=line.quantity, unit="усл.", price=line.price,
                                discount=line.discount_amount, amount=line.amount, vat_rate=rate, vat_amount=vat))
    total = sum((r.amount for r in rows), Decimal(0))
    supplier = Party(name=org.name, inn=org.inn, kpp=org.kpp, address=org.address, phone=org.phone,
                     bank_name=org.bank_name, bank_bik=org.bank_bik, bank_account=org.bank_account,
                     bank_corr_account=org.bank_corr_account)
    due_days = None
    if payer_id is None:
        buyer = Party(name=info.client_name, inn="", kpp="", address="", phone=info.phone)
        agreement_row = connection.execute(text(
            "SELECT number, signed_on, payment_due_days FROM agreements WHERE id = :a"),
            {"a": lines[0].agreement_id}).first() if lines[0].agreement_id else None
        basis = "Публичная оферта" + (f" № {agreement_row.number}" if agreement_row else "")
    else:
        p = connection.execute(text("SELECT name, inn, kpp, address, phone FROM payers WHERE id = :p"),
                               {"p": payer_id}).first()
        buyer = Party(name=p.name, inn=p.inn, kpp=p.kpp, address=p.address, phone=p.phone)
        agreement_row = connection.execute(text(
            "SELECT number, signed_on, payment_due_days FROM agreements WHERE id = :a"),
            {"a": lines[0].agreement_id}).first()
        basis = f"Договор № {agreement_row.number}" + (
            f" от {agreement_row.signed_on:%d.%m.%Y}" if agreement_row.signed_on else "")
    if agreement_row is not None:
        due_days = agreement_row.payment_due_days
    return InvoiceDocument(
        number=f"{info.number}" + ("" if payer_id is None else f"-{payer_id}"), date=today, supplier=supplier,
        payer=buyer, basis=basis, lines=tuple(rows), total=total, vat_total=vat_total,
        total_in_words=amount_in_words(total),
        pay_by=today + dt.timedelta(days=due_days) if due_days is not None else None,
        head_name=org.head_name, accountant_name=org.accountant_name)
