"""The cash desk: taking money for orders and giving it back through a fiscal registrar and a card
terminal, so that money is never charged twice or lost whatever fails.

**Journal first.** Every money operation is a row of ``cash_operations`` with an idempotency key. Before
each device step the desk writes (and commits) what it is about to ask, and after it what the device
answered (``cash_operation_steps``), so a process killed at any moment leaves a record of how far it
got. On start `reconcile` asks the devices what really happened (the terminal's last transaction, the
registrar's last fiscal document) and finishes the operation (the card was charged: the receipt is
printed), undoes it (nothing happened: the lines are free again) or hands it to the cashier with one
clear choice (`resolve`).

A sale takes the card part first (a declined card leaves nothing to undo), then prints one receipt with
the cash and card sums. A refund gives back to the card first (up to what the sale took by card), then
prints the return receipt. The order lines an operation takes money for are held by it
(``order_lines.cash_operation_id``, a conditional update), so two cashiers never take money for one line.

Unlike the other services these functions **commit** on the connection they are given (the journal must
be durable before a device moves money); pass a connection without a transaction of its own.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError, OperationalError

from shared.devices.protocols import (
    AcquiringTerminal,
    CardResult,
    DeviceError,
    DeviceUnavailable,
    FiscalDocument,
    FiscalRegistrar,
    Payment,
    PaymentType,
    Receipt,
    ReceiptItem,
    ReceiptKind,
    RegistrarStatus,
    VatRate,
)
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services.schedules import organization_zone
from shared.services.session import session_user

log = logging.getLogger(__name__)

CENT = Decimal("0.01")
#: Operations that move money with a receipt; "in" kinds take money, the others give it back.
MONEY_KINDS = ("sale", "refund", "deposit", "deposit_refund")
MONEY_IN = ("sale", "deposit")
DEPOSIT_ITEM = "Предоплата (аванс) за медицинские услуги"
MAX_AMOUNT = Decimal("10000000")

#: Named moments of an operation; tests replace `checkpoint` to kill the process at each of them.
CHECKPOINTS = ("intent", "card_requested", "card_answered", "card_recorded", "fiscal_requested",
               "fiscal_answered", "fiscal_recorded", "completed")


def _no_checkpoint(name: str) -> None:
    return None


checkpoint: Callable[[str], None] = _no_checkpoint


class CashRefused(DomainError):
    """Raised with one of the messages below."""


NOTHING_TO_PAY = QT_TRANSLATE_NOOP("DomainError", "Choose at least one line to pay.")
BAD_AMOUNT = QT_TRANSLATE_NOOP("DomainError", "\u201c{value}\u201d is not a sum of money (roubles and kopecks).")
SPLIT_MISMATCH = QT_TRANSLATE_NOOP(
    "DomainError", "Cash {cash} and card {card} make {sum}, but the lines come to {total}.")
NOT_ENOUGH_CASH = QT_TRANSLATE_NOOP(
    "DomainError", "The client gave {given}, less than the {cash} to pay in cash.")
NO_TERMINAL = QT_TRANSLATE_NOOP(
    "DomainError", "No card terminal is set up at this desk: take cash, or set the terminal up in the settings.")
LINES_TAKEN = QT_TRANSLATE_NOOP(
    "DomainError", "Some of these lines are already paid, cancelled or being paid at another desk; "
    "the list has been refreshed.")
OTHER_PATIENT = QT_TRANSLATE_NOOP("DomainError", "The lines belong to different clients: pay them separately.")
SHIFT_CLOSED = QT_TRANSLATE_NOOP("DomainError", "The shift is closed: open the shift first.")
SHIFT_EXPIRED = QT_TRANSLATE_NOOP(
    "DomainError", "The shift has been open for more than 24 hours: close it with a Z-report and open a new one.")
SHIFT_ALREADY_OPEN = QT_TRANSLATE_NOOP("DomainError", "The shift is already open.")
RECEIPT_LEFT_OPEN = QT_TRANSLATE_NOOP(
    "DomainError", "The registrar has an unfinished receipt: check the unfinished operations first.")
PAPER_OUT = QT_TRANSLATE_NOOP("DomainError", "The registrar is out of paper: load a new roll and try again.")
COVER_OPEN = QT_TRANSLATE_NOOP("DomainError", "The registrar's cover is open: close it and try again.")
FISCAL_DRIVE_FAILED = QT_TRANSLATE_NOOP(
    "DomainError", "The fiscal drive reports a problem ({detail}): call the service engineer.")
CARD_DECLINED = QT_TRANSLATE_NOOP("DomainError", "The card payment was declined: {reason}. Nothing was charged.")
NOT_REFUNDABLE = QT_TRANSLATE_NOOP(
    "DomainError", "Only paid lines not yet performed can be refunded, and only from the sale that paid them.")
UNFINISHED = QT_TRANSLATE_NOOP(
    "DomainError", "An earlier operation at this desk is unfinished: resolve it first ({what}).")
NOT_AWAITING = QT_TRANSLATE_NOOP("DomainError", "This operation does not wait for a decision any more.")
UNKNOWN_DESK = QT_TRANSLATE_NOOP("DomainError", "The cash desk \u201c{desk}\u201d is not set up in this clinic.")
WRONG_REGISTRAR = QT_TRANSLATE_NOOP(
    "DomainError", "This desk's journal belongs to the registrar No. {expected}, but No. {found} is connected.")
BAD_CONTACT = QT_TRANSLATE_NOOP(
    "DomainError", "An electronic receipt goes to a phone (+7 and 10 digits) or an e-mail address.")
RRN_REQUIRED = QT_TRANSLATE_NOOP(
    "DomainError", "Enter the RRN (reference number) from the terminal's slip to confirm the card was charged.")
OPERATION_FINISHED = QT_TRANSLATE_NOOP("DomainError", "The operation is already finished.")
NO_CASH = QT_TRANSLATE_NOOP("DomainError", "There is only {available} in the drawer.")
DEPOSIT_SHORT = QT_TRANSLATE_NOOP("DomainError", "The client's deposit is {balance}, less than {wanted}.")
DEPOSIT_NEEDS_CLIENT = QT_TRANSLATE_NOOP("DomainError", "A deposit is kept for a registered client only.")
DEPOSIT_POSITIVE = QT_TRANSLATE_NOOP("DomainError", "Enter the sum of the deposit (more than zero).")

KIND_NAMES = {
    "sale": QT_TRANSLATE_NOOP("DomainError", "payment"),
    "refund": QT_TRANSLATE_NOOP("DomainError", "refund"),
    "deposit": QT_TRANSLATE_NOOP("DomainError", "deposit"),
    "deposit_refund": QT_TRANSLATE_NOOP("DomainError", "deposit return"),
    "cash_in": QT_TRANSLATE_NOOP("DomainError", "cash in"),
    "cash_out": QT_TRANSLATE_NOOP("DomainError", "cash out"),
    "open_shift": QT_TRANSLATE_NOOP("DomainError", "shift opening"),
    "x_report": QT_TRANSLATE_NOOP("DomainError", "X-report"),
    "z_report": QT_TRANSLATE_NOOP("DomainError", "Z-report"),
    "settlement": QT_TRANSLATE_NOOP("DomainError", "bank settlement"),
}

# What the cashier is told about an operation waiting for a decision (``attention``).
ATTENTION_CARD_UNKNOWN = QT_TRANSLATE_NOOP(
    "DomainError", "The terminal cannot tell whether the card was charged. Look at the terminal's last slip.")
ATTENTION_NO_RECEIPT = QT_TRANSLATE_NOOP(
    "DomainError", "The money was taken but no receipt was printed.")
ATTENTION_DEVICE = QT_TRANSLATE_NOOP("DomainError", "The device did not finish: {detail}")
ATTENTION_UNKNOWN = QT_TRANSLATE_NOOP(
    "DomainError", "The registrar did not say whether it did this. Check its last printed document.")

#: Decisions `resolve` accepts.
CHOICE_RECEIPT = "receipt"  # the money was taken: print the receipt now
CHOICE_VOID = "void"  # undo: give card money back, release the lines
CHOICE_DONE = "done"  # (cash in/out, reports) the device did it
CHOICE_NOT_DONE = "not_done"  # (cash in/out, reports) the device did not do it

_VAT = {"exempt": VatRate.EXEMPT, "vat0": VatRate.VAT_0, "vat5": VatRate.VAT_5, "vat7": VatRate.VAT_7,
        "vat10": VatRate.VAT_10, "vat20": VatRate.VAT_22, "vat22": VatRate.VAT_22}


def _refused(message: str, **params) -> CashRefused:
    return CashRefused(message, **params)


def money(value: object) -> Decimal:
    """A sum typed by the cashier ("1 200,50", "1200.5", Decimal) -> Decimal with two places."""
    if isinstance(value, Decimal):
        amount = value
    else:
        raw = str(value or "0").strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            amount = Decimal(raw)
        except ArithmeticError:
            raise _refused(BAD_AMOUNT, value=str(value)[:40]) from None
    if not amount.is_finite() or amount < 0 or amount >= MAX_AMOUNT or amount != amount.quantize(CENT):
        raise _refused(BAD_AMOUNT, value=str(value)[:40])
    return amount.quantize(CENT)


def format_money(amount: Decimal) -> str:
    whole = f"{amount.quantize(CENT, ROUND_HALF_UP):,.2f}"
    return whole.replace(",", "\u00a0").replace(".", ",")


# --- devices and desk --------------------------------------------------------------------------------------


@dataclass
class Devices:
    """The devices of this workstation's desk (the terminal may be absent: cash only)."""

    registrar: FiscalRegistrar
    terminal: AcquiringTerminal | None = None


@dataclass(frozen=True)
class Desk:
    id: int
    organization_id: int
    name: str
    registrar_serial: str
    okpo: str


def desk_by_name(connection: Connection, name: str, organization_id: int | None = None) -> Desk:
    """The active desk of that name (in the workstation's organization, when given)."""
    row = connection.execute(text(
        "SELECT id, organization_id, name, registrar_serial, okpo FROM cash_desks "
        "WHERE name = :n AND is_active AND (CAST(:o AS integer) IS NULL OR organization_id = :o) ORDER BY id LIMIT 1"),
        {"n": name, "o": organization_id}).first()
    if row is None:
        raise _refused(UNKNOWN_DESK, desk=name)
    return Desk(*row)


def desks(connection: Connection) -> list[Desk]:
    return [Desk(*r) for r in connection.execute(text(
        "SELECT id, organization_id, name, registrar_serial, okpo FROM cash_desks WHERE is_active ORDER BY name"))]


def create_desk(connection: Connection, organization_id: int, name: str, registrar_serial: str = "",
                okpo: str = "") -> int:
    """(Administrator) a new cash desk. The caller commits."""
    return connection.scalar(text(
        "INSERT INTO cash_desks (organization_id, name, registrar_serial, okpo) VALUES (:o, :n, :s, :k) RETURNING id"),
        {"o": organization_id, "n": name.strip(), "s": registrar_serial.strip(), "k": okpo.strip()})


# --- one workstation at a desk at a time ---------------------------------------------------------------------


DESK_BUSY = QT_TRANSLATE_NOOP(
    "DomainError", "Another workstation is working with the cash desk \u201c{desk}\u201d right now: one desk, one "
    "workstation (check the desk name in the device settings).")


#: How long a desk operation waits for another workstation (or a just-killed one) to let go of the desk.
DESK_LOCK_WAIT_MS = 3000


def _exclusive(function):
    """Runs a desk operation holding the desk's session advisory lock (released when it ends, or when the
    process dies with its connection), so two workstations set up with one desk never interleave, and a
    starting one does not reconcile an operation another is in the middle of."""

    @functools.wraps(function)
    def wrapper(connection: Connection, desk: Desk, *args, **kwargs):
        if connection.info.get("medcenter_desk_lock") == desk.id:  # re-entered (reconcile inside resolve)
            return function(connection, desk, *args, **kwargs)
        # Wait a little: a workstation that has just died still holds the lock until its server process
        # notices the closed connection (a moment); a live one keeps it and the wait ends in DESK_BUSY.
        connection.execute(text(f"SET LOCAL lock_timeout = '{DESK_LOCK_WAIT_MS}ms'"))
        try:
            connection.execute(text("SELECT pg_advisory_lock(hashtext('medcenter.desk'), :d)"), {"d": desk.id})
        except OperationalError as exc:
            connection.rollback()
            if getattr(exc.orig, "sqlstate", None) == "55P03":  # lock_not_available
                raise _refused(DESK_BUSY, desk=desk.name) from None
            raise
        connection.commit()
        connection.info["medcenter_desk_lock"] = desk.id
        try:
            return function(connection, desk, *args, **kwargs)
        finally:
            connection.info.pop("medcenter_desk_lock", None)
            try:
                connection.rollback()
                connection.scalar(text("SELECT pg_advisory_unlock(hashtext('medcenter.desk'), :d)"), {"d": desk.id})
                connection.commit()
            except Exception:  # noqa: BLE001 - a dead connection has released it already
                log.warning("could not release the lock of desk %s", desk.id)

    return wrapper


# --- what can be paid and refunded ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PayableLine:
    order_line_id: int
    order_id: int
    patient_id: int | None
    ordered_at: dt.datetime
    service_code: str
    service_name: str
    quantity: int
    price: Decimal
    discount: Decimal
    amount: Decimal
    status: str
    starts_at: dt.datetime | None
    vat_rate: str


_LINE_SELECT = (
    "SELECT l.id, l.order_id, o.patient_id, o.created_at, s.code, s.name, l.quantity, l.price, l.discount_amount, "
    "l.amount, l.status, b.starts_at, s.vat_rate FROM order_lines l JOIN orders o ON o.id = l.order_id "
    "JOIN medical_services s ON s.id = l.service_id LEFT JOIN bookings b ON b.id = l.booking_id ")


def payable_lines(connection: Connection, *, patient_id: int | None = None,
                  order_id: int | None = None) -> list[PayableLine]:
    """The client's (or one order's) lines to pay personally: not yet paid, not cancelled, not covered by a
    payer, with something to pay, not held by another operation. A complex service is paid as a whole."""
    if patient_id is None and order_id is None:
        return []
    where = "o.patient_id = :p" if patient_id is not None else "o.id = :o"
    rows = connection.execute(text(
        _LINE_SELECT + f"WHERE {where} AND l.payer_id IS NULL AND l.parent_line_id IS NULL "  # noqa: S608
        "AND l.status IN ('ordered', 'booked') AND l.amount > 0 AND l.cash_operation_id IS NULL "
        "ORDER BY o.created_at, l.id"), {"p": patient_id, "o": order_id}).all()
    return [PayableLine(*r) for r in rows]


@dataclass(frozen=True)
class PaidSale:
    """A completed sale with the lines it paid that can still be refunded."""

    operation_id: int
    at: dt.datetime
    total: Decimal
    cash_amount: Decimal
    card_amount: Decimal
    card_left: Decimal  # what can still go back to the card
    fiscal_document: int | None
    lines: tuple[PayableLine, ...]
    deposit_amount: Decimal = Decimal(0)  # what the sale took from the client's deposit
    deposit_left: Decimal = Decimal(0)  # what can still go back to the deposit

    def split(self, total: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        """(card, deposit, cash): how a refund of ``total`` goes back -- the same method first."""
        return _refund_split(total, self.card_left, self.deposit_left)


def _refund_split(total: Decimal, card_left: Decimal, deposit_left: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    card = min(total, card_left) if card_left > 0 else Decimal(0)
    deposit = min(total - card, deposit_left) if deposit_left > 0 else Decimal(0)
    return card, deposit, total - card - deposit


def refundable_sales(connection: Connection, patient_id: int | None = None, *,
                     order_id: int | None = None) -> list[PaidSale]:
    """The client's completed sales that still hold paid, not performed lines (newest first)."""
    if patient_id is None and order_id is None:
        return []
    where = "o.patient_id = :p" if patient_id is not None else "o.id = :o"
    rows = connection.execute(text(
        "SELECT l.id, l.order_id, o.patient_id, o.created_at, s.code, s.name, l.quantity, l.price, "  # noqa: S608
        "l.discount_amount, l.amount, l.status, b.starts_at, s.vat_rate, l.cash_operation_id FROM order_lines l "
        "JOIN orders o ON o.id = l.order_id JOIN medical_services s ON s.id = l.service_id "
        "LEFT JOIN bookings b ON b.id = l.booking_id "
        f"WHERE {where} AND l.status = 'paid' AND l.cash_operation_id IS NOT NULL ORDER BY l.id"),  # noqa: S608
        {"p": patient_id, "o": order_id}).all()
    by_op: dict[int, list[PayableLine]] = {}
    for r in rows:
        by_op.setdefault(r[13], []).append(PayableLine(*r[:13]))
    if not by_op:
        return []
    sales = connection.execute(text(
        "SELECT s.id, s.fiscal_at, s.total, s.cash_amount, s.card_amount, s.fiscal_document, "
        "s.card_amount - coalesce(r.card, 0) AS card_left, s.deposit_amount, "
        "s.deposit_amount - coalesce(r.deposit, 0) AS deposit_left "
        "FROM cash_operations s LEFT JOIN LATERAL (SELECT sum(card_amount) AS card, sum(deposit_amount) AS deposit "
        "FROM cash_operations WHERE refund_of_id = s.id AND state NOT IN ('failed', 'voided')) r ON true "
        "WHERE s.id = ANY(:ids) AND s.kind = 'sale' AND s.state = 'completed' "
        "ORDER BY s.fiscal_at DESC"), {"ids": list(by_op)}).all()
    return [PaidSale(s.id, s.fiscal_at, s.total, s.cash_amount, s.card_amount, s.card_left, s.fiscal_document,
                     tuple(by_op[s.id]), s.deposit_amount, s.deposit_left) for s in sales]


# --- results ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OperationResult:
    operation_id: int
    kind: str
    state: str
    total: Decimal
    cash_amount: Decimal
    card_amount: Decimal
    change: Decimal
    fiscal_document: int | None
    fiscal_sign: int | None
    receipt_number: int | None
    card_slip: str
    card_rrn: str
    message: str = ""  # for 'attention': what the cashier is told (source text, translated when shown)
    message_params: dict = field(default_factory=dict)
    repeated: bool = False  # the idempotency key named an operation already done
    deposit_amount: Decimal = Decimal(0)  # the part paid from (or given back to) the client's deposit

    @property
    def completed(self) -> bool:
        return self.state == "completed"


def _result(connection: Connection, op_id: int, *, repeated: bool = False) -> OperationResult:
    r = connection.execute(text(
        "SELECT id, kind, state, total, cash_amount, card_amount, change_amount, fiscal_document, fiscal_sign, "
        "receipt_number, card_slip, card_rrn, error, deposit_amount FROM cash_operations WHERE id = :id"),
        {"id": op_id}).one()
    message, params = _decode_error(r.error)
    return OperationResult(r.id, r.kind, r.state, r.total, r.cash_amount, r.card_amount, r.change_amount,
                           r.fiscal_document, r.fiscal_sign, r.receipt_number, r.card_slip, r.card_rrn,
                           message, params, repeated, r.deposit_amount)


def _encode_error(message: str, **params) -> str:
    return json.dumps({"message": message, "params": {k: str(v) for k, v in params.items()}}, ensure_ascii=False)


def _decode_error(raw: str) -> tuple[str, dict]:
    if not raw:
        return "", {}
    try:
        data = json.loads(raw)
        return str(data["message"]), dict(data.get("params") or {})
    except (ValueError, KeyError, TypeError):
        return raw, {}


# --- the journal ------------------------------------------------------------------------------------------------


def _journal(connection: Connection, op_id: int, org_id: int, step: str, detail: dict | None = None,
             **fields) -> None:
    """Writes one journal step (and the operation's new fields) and commits: durable before the device acts."""
    connection.execute(text(
        "INSERT INTO cash_operation_steps (operation_id, organization_id, step, detail) "
        "VALUES (:op, :org, :step, CAST(:d AS jsonb))"),
        {"op": op_id, "org": org_id, "step": step, "d": json.dumps(detail or {}, ensure_ascii=False, default=str)})
    if fields:
        sets = ", ".join(f"{name} = :{name}" for name in fields)
        connection.execute(text(f"UPDATE cash_operations SET {sets} WHERE id = :op_id"),  # noqa: S608
                           {**fields, "op_id": op_id})
    connection.commit()


def _card_detail(result: CardResult) -> dict:
    return {"approved": result.approved, "amount": str(result.amount), "rrn": result.rrn,
            "auth_code": result.auth_code, "card": result.card_mask, "code": result.code, "message": result.message}


def _fiscal_detail(doc: FiscalDocument) -> dict:
    return {"document": doc.number, "fiscal_sign": doc.fiscal_sign, "receipt": doc.receipt_number,
            "shift": doc.shift_number, "at": doc.at.isoformat() if doc.at else None}


def _repeated(connection: Connection, key: uuid.UUID) -> OperationResult | None:
    """The result of the operation this idempotency key already names (a retry does nothing twice)."""
    existing = connection.scalar(text("SELECT id FROM cash_operations WHERE idempotency_key = :k"), {"k": key})
    if existing is None:
        return None
    connection.rollback()
    return _result(connection, existing, repeated=True)


def _unfinished_guard(connection: Connection, desk: Desk) -> None:
    row = connection.execute(text(
        "SELECT kind FROM cash_operations WHERE desk_id = :d AND state NOT IN ('completed', 'failed', 'voided') "
        "ORDER BY id LIMIT 1"), {"d": desk.id}).first()
    if row is not None:
        error = _refused(UNFINISHED, what=KIND_NAMES.get(row.kind, row.kind))
        error.translatable_params = ("what",)
        raise error


# --- registrar state --------------------------------------------------------------------------------------------


def _check_registrar(status: RegistrarStatus, desk: Desk, *, need_shift: bool = True) -> None:
    if desk.registrar_serial and status.serial_number and status.serial_number.lstrip("0") != \
            desk.registrar_serial.lstrip("0"):
        raise _refused(WRONG_REGISTRAR, expected=desk.registrar_serial, found=status.serial_number)
    if not status.fiscal_drive_ok:
        raise _refused(FISCAL_DRIVE_FAILED, detail=status.fiscal_drive_warning or "?")
    if status.paper_out:
        raise _refused(PAPER_OUT)
    if status.cover_open:
        raise _refused(COVER_OPEN)
    if status.receipt_open:
        raise _refused(RECEIPT_LEFT_OPEN)
    if need_shift:
        if not status.shift_open:
            raise _refused(SHIFT_CLOSED)
        if status.shift_expired:
            raise _refused(SHIFT_EXPIRED)


def _sync_shift(connection: Connection, desk: Desk, status: RegistrarStatus) -> int | None:
    """The database's open shift of the desk made to match the registrar's; returns its id (None: closed)."""
    row = connection.execute(text(
        "SELECT id, shift_number FROM cash_shifts WHERE desk_id = :d AND closed_at IS NULL"), {"d": desk.id}).first()
    if row is not None and (not status.shift_open or row.shift_number != status.shift_number):
        # Closed on the device (by the registrar's own keys, or before a crash): close it here too.
        connection.execute(text(
            "UPDATE cash_shifts SET closed_at = greatest(now(), opened_at), closed_by = session_user WHERE id = :id"),
            {"id": row.id})
        row = None
    if row is None and status.shift_open:
        shift_id = connection.scalar(text(
            "INSERT INTO cash_shifts (organization_id, desk_id, shift_number) VALUES (:o, :d, :n) "
            "ON CONFLICT (desk_id, shift_number) DO UPDATE SET closed_at = NULL, closed_by = NULL RETURNING id"),
            {"o": desk.organization_id, "d": desk.id, "n": status.shift_number})
        connection.commit()
        return shift_id
    connection.commit()
    return row.id if row is not None else None


def _ready_shift(connection: Connection, desk: Desk, devices: Devices) -> int | None:
    """Checks the registrar can take a receipt now (its shift open and under 24 hours, paper, cover, fiscal
    drive, no receipt left open, this desk's device) and returns the database's shift of it."""
    status = devices.registrar.status()
    _check_registrar(status, desk)
    return _sync_shift(connection, desk, status)


# --- paying ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentRequest:
    key: uuid.UUID  # made by the screen once per payment: a retry with the same key does nothing twice
    order_line_ids: tuple[int, ...]
    cash: Decimal
    card: Decimal
    cash_given: Decimal | None = None  # what the client handed over (change = given - cash)
    customer_contact: str = ""  # phone or e-mail for an electronic receipt
    deposit: Decimal = Decimal(0)  # the part paid from the client's deposit (an advance left earlier)


def normalize_contact(contact: str) -> str:
    value = contact.strip()
    if not value:
        return ""
    if "@" in value:
        local, _, domain = value.partition("@")
        if local and "." in domain and " " not in value and len(value) <= 254:
            return value
        raise _refused(BAD_CONTACT)
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) == 11 and digits[0] in "78":
        return "+7" + digits[1:]
    if len(digits) == 10:
        return "+7" + digits
    raise _refused(BAD_CONTACT)


def _cashier(connection: Connection) -> str:
    """The logged-in cashier's name for the receipt (tag 1021), read once per database connection."""
    name = connection.info.get("medcenter_cashier_name")
    if name is None:
        user = session_user(connection)
        name = connection.info["medcenter_cashier_name"] = user.full_name or user.display_name
    return name


@_exclusive
def pay(connection: Connection, desk: Desk, devices: Devices, request: PaymentRequest) -> OperationResult:
    """Takes money for order lines: the card part through the terminal, then one receipt for all of it."""
    if (done := _repeated(connection, request.key)) is not None:
        return done
    ids = tuple(dict.fromkeys(request.order_line_ids))
    if not ids:
        raise _refused(NOTHING_TO_PAY)
    cash, card, deposit = money(request.cash), money(request.card), money(request.deposit)
    given = money(request.cash_given) if request.cash_given is not None else None
    contact = normalize_contact(request.customer_contact)
    if card > 0 and devices.terminal is None:
        raise _refused(NO_TERMINAL)
    _unfinished_guard(connection, desk)
    shift_id = _ready_shift(connection, desk, devices)

    lines = connection.execute(text(
        "SELECT l.id, o.patient_id, l.quantity, l.price, l.amount, s.name, s.vat_rate, s.tax_deduction_code "
        "FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN medical_services s ON s.id = l.service_id "
        "WHERE l.id = ANY(:ids) AND l.organization_id = :org AND l.payer_id IS NULL AND l.parent_line_id IS NULL "
        "AND l.status IN ('ordered', 'booked') AND l.amount > 0 AND l.cash_operation_id IS NULL"),
        {"ids": list(ids), "org": desk.organization_id}).all()
    if len(lines) != len(ids):
        connection.rollback()
        raise _refused(LINES_TAKEN)
    patients = {r.patient_id for r in lines}
    if len(patients) > 1:
        connection.rollback()
        raise _refused(OTHER_PATIENT)
    total = sum((r.amount for r in lines), Decimal(0))
    if cash + card + deposit != total:
        connection.rollback()
        raise _refused(SPLIT_MISMATCH, cash=format_money(cash), card=format_money(card + deposit),
                       sum=format_money(cash + card + deposit), total=format_money(total))
    patient = next(iter(patients))
    if deposit > 0:
        if patient is None:
            connection.rollback()
            raise _refused(DEPOSIT_NEEDS_CLIENT)
        _lock_deposit(connection, patient)
        balance = deposit_balance(connection, patient)
        if deposit > balance:
            connection.rollback()
            raise _refused(DEPOSIT_SHORT, balance=format_money(balance), wanted=format_money(deposit))
    if given is not None and given < cash:
        connection.rollback()
        raise _refused(NOT_ENOUGH_CASH, given=format_money(given), cash=format_money(cash))
    change = (given - cash) if given is not None else Decimal(0)

    # 1. The intent, with the lines held: one transaction.
    try:
        op_id = connection.scalar(text(
            "INSERT INTO cash_operations (organization_id, desk_id, shift_id, kind, idempotency_key, patient_id, total, "
            "cash_amount, card_amount, deposit_amount, cash_given, change_amount, customer_contact) VALUES (:org, "
            ":desk, :shift, 'sale', :key, :patient, :total, :cash, :card, :deposit, :given, :change, :contact) "
            "RETURNING id"),
            {"org": desk.organization_id, "desk": desk.id, "shift": shift_id, "key": request.key,
             "patient": patient, "total": total, "cash": cash, "card": card, "deposit": deposit, "given": given,
             "change": change, "contact": contact})
    except IntegrityError:
        connection.rollback()
        if (done := _repeated(connection, request.key)) is None:
            raise
        return done
    held = connection.execute(text(
        "UPDATE order_lines SET cash_operation_id = :op, version = version + 1, updated_at = now() "
        "WHERE id = ANY(:ids) AND cash_operation_id IS NULL AND status IN ('ordered', 'booked') AND payer_id IS NULL"),
        {"op": op_id, "ids": list(ids)}).rowcount
    if held != len(ids):
        connection.rollback()
        raise _refused(LINES_TAKEN)
    connection.execute(text(
        "INSERT INTO cash_operation_lines (operation_id, order_line_id, organization_id, name, quantity, price, amount, "
        "vat_rate, tax_code) SELECT :op, l.id, l.organization_id, left(s.name, 128), l.quantity, l.price, l.amount, "
        "s.vat_rate, s.tax_deduction_code FROM order_lines l JOIN medical_services s ON s.id = l.service_id "
        "WHERE l.id = ANY(:ids)"), {"op": op_id, "ids": list(ids)})
    _journal(connection, op_id, desk.organization_id, "intent",
             {"lines": list(ids), "total": str(total), "cash": str(cash), "card": str(card), "deposit": str(deposit)})
    checkpoint("intent")
    return _carry_on(connection, desk, devices, op_id)


# --- deposits ----------------------------------------------------------------------------------------------------


def _lock_deposit(connection: Connection, patient_id: int) -> None:
    """Serializes the operations on one client's deposit until the transaction ends."""
    connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('medcenter.deposit'), :p)"), {"p": patient_id})


def deposit_balance(connection: Connection, patient_id: int) -> Decimal:
    """The client's deposit: advances taken, less those given back, less what sales took from it (sales in
    progress included, so it cannot be spent twice), plus what refunds gave back to it."""
    return connection.scalar(text(
        "SELECT coalesce(sum(CASE kind WHEN 'deposit' THEN CASE WHEN state = 'completed' THEN total ELSE 0 END "
        "WHEN 'deposit_refund' THEN -total WHEN 'sale' THEN -deposit_amount "
        "WHEN 'refund' THEN CASE WHEN state = 'completed' THEN deposit_amount ELSE 0 END ELSE 0 END), 0) "
        "FROM cash_operations WHERE patient_id = :p AND kind IN ('deposit', 'deposit_refund', 'sale', 'refund') "
        "AND state NOT IN ('failed', 'voided')"), {"p": patient_id})


@dataclass(frozen=True)
class DepositInfo:
    operation_id: int
    at: dt.datetime
    total: Decimal
    cash_amount: Decimal
    card_amount: Decimal
    returnable: Decimal  # what of this advance can still be given back (not spent, not returned)
    card_left: Decimal = Decimal(0)  # what can still go back to the card it was paid with

    def split(self, amount: Decimal) -> tuple[Decimal, Decimal]:
        """(card, cash): how a return of ``amount`` goes back -- to the card it came from first."""
        card = min(amount, self.card_left)
        return card, amount - card


def deposits(connection: Connection, patient_id: int) -> list[DepositInfo]:
    """The client's completed advances, newest first, with what of each can still be given back (the
    unspent balance is taken from the newest advances first)."""
    rows = connection.execute(text(
        "SELECT d.id, d.fiscal_at, d.total, d.cash_amount, d.card_amount, d.total - coalesce(r.total, 0) AS left, "
        "CASE WHEN d.card_rrn <> '' THEN d.card_amount - coalesce(r.card, 0) ELSE 0 END AS card_left "
        "FROM cash_operations d LEFT JOIN LATERAL (SELECT sum(total) AS total, sum(card_amount) AS card "
        "FROM cash_operations WHERE refund_of_id = d.id AND state NOT IN ('failed', 'voided')) r ON true "
        "WHERE d.patient_id = :p AND d.kind = 'deposit' AND d.state = 'completed' "
        "ORDER BY d.fiscal_at DESC, d.id DESC"), {"p": patient_id}).all()
    balance = deposit_balance(connection, patient_id)
    out = []
    for r in rows:
        returnable = max(Decimal(0), min(r.left, balance))
        balance -= returnable
        out.append(DepositInfo(r.id, r.fiscal_at, r.total, r.cash_amount, r.card_amount, returnable, r.card_left))
    return out


@_exclusive
def take_deposit(connection: Connection, desk: Desk, devices: Devices, patient_id: int, *, cash: object = 0,
                 card: object = 0, cash_given: object | None = None, customer_contact: str = "",
                 key: uuid.UUID | None = None) -> OperationResult:
    """An advance for later services: a receipt "prepayment" (FFD 1214 = 3 advance, 1212 = 10 payment)."""
    key = key or uuid.uuid4()
    if (done := _repeated(connection, key)) is not None:
        return done
    cash_sum, card_sum = money(cash), money(card)
    given = money(cash_given) if cash_given is not None else None
    total = cash_sum + card_sum
    if total <= 0:
        raise _refused(DEPOSIT_POSITIVE)
    if given is not None and given < cash_sum:
        raise _refused(NOT_ENOUGH_CASH, given=format_money(given), cash=format_money(cash_sum))
    contact = normalize_contact(customer_contact)
    if card_sum > 0 and devices.terminal is None:
        raise _refused(NO_TERMINAL)
    _unfinished_guard(connection, desk)
    shift_id = _ready_shift(connection, desk, devices)
    op_id = connection.scalar(text(
        "INSERT INTO cash_operations (organization_id, desk_id, shift_id, kind, idempotency_key, patient_id, total, "
        "cash_amount, card_amount, cash_given, change_amount, customer_contact) VALUES (:org, :desk, :shift, "
        "'deposit', :key, :p, :total, :cash, :card, :given, :change, :contact) RETURNING id"),
        {"org": desk.organization_id, "desk": desk.id, "shift": shift_id, "key": key, "p": patient_id, "total": total,
         "cash": cash_sum, "card": card_sum, "given": given,
         "change": (given - cash_sum) if given is not None else Decimal(0), "contact": contact})
    _journal(connection, op_id, desk.organization_id, "intent", {"deposit": str(total)})
    checkpoint("intent")
    return _carry_on(connection, desk, devices, op_id)


@_exclusive
def return_deposit(connection: Connection, desk: Desk, devices: Devices, deposit_id: int, amount: object,
                   key: uuid.UUID | None = None) -> OperationResult:
    """Gives (part of) an unspent advance back: to the card it came from first, the rest in cash."""
    key = key or uuid.uuid4()
    if (done := _repeated(connection, key)) is not None:
        return done
    value = money(amount)
    if value <= 0:
        raise _refused(DEPOSIT_POSITIVE)
    source = connection.execute(text(
        "SELECT id, patient_id, card_amount, card_rrn FROM cash_operations WHERE id = :id AND kind = 'deposit' "
        "AND state = 'completed' AND organization_id = :org"), {"id": deposit_id, "org": desk.organization_id}).first()
    if source is None:
        raise _refused(NOT_REFUNDABLE)
    _unfinished_guard(connection, desk)
    shift_id = _ready_shift(connection, desk, devices)
    _lock_deposit(connection, source.patient_id)
    info = next((d for d in deposits(connection, source.patient_id) if d.operation_id == deposit_id), None)
    returnable = info.returnable if info is not None else Decimal(0)
    if info is None or value > returnable:
        connection.rollback()
        raise _refused(DEPOSIT_SHORT, balance=format_money(returnable), wanted=format_money(value))
    card, _cash = info.split(value)
    if card > 0 and devices.terminal is None:
        connection.rollback()
        raise _refused(NO_TERMINAL)
    op_id = connection.scalar(text(
        "INSERT INTO cash_operations (organization_id, desk_id, shift_id, kind, idempotency_key, patient_id, "
        "refund_of_id, total, cash_amount, card_amount) VALUES (:org, :desk, :shift, 'deposit_refund', :key, :p, "
        ":src, :total, :cash, :card) RETURNING id"),
        {"org": desk.organization_id, "desk": desk.id, "shift": shift_id, "key": key, "p": source.patient_id,
         "src": deposit_id, "total": value, "cash": value - card, "card": card})
    _journal(connection, op_id, desk.organization_id, "intent", {"deposit": deposit_id, "amount": str(value)})
    checkpoint("intent")
    return _carry_on(connection, desk, devices, op_id)


@_exclusive
def refund(connection: Connection, desk: Desk, devices: Devices, sale_id: int, order_line_ids: Sequence[int],
           key: uuid.UUID) -> OperationResult:
    """Gives back the money for paid lines not performed, to the same method: to the card first (up to what the
    sale took by card), then to the client's deposit (up to what the sale took from it), the rest in cash;
    prints the return receipt. The lines become unpaid again."""
    if (done := _repeated(connection, key)) is not None:
        return done
    ids = tuple(dict.fromkeys(order_line_ids))
    if not ids:
        raise _refused(NOTHING_TO_PAY)
    sale = connection.execute(text(
        "SELECT s.id, s.patient_id, s.card_rrn, s.card_amount - coalesce(r.card, 0) AS card_left, "
        "s.deposit_amount - coalesce(r.deposit, 0) AS deposit_left FROM cash_operations s "
        "LEFT JOIN LATERAL (SELECT sum(card_amount) AS card, sum(deposit_amount) AS deposit FROM cash_operations "
        "WHERE refund_of_id = s.id AND state NOT IN ('failed', 'voided')) r ON true "
        "WHERE s.id = :s AND s.kind = 'sale' AND s.state = 'completed' AND s.organization_id = :org"),
        {"s": sale_id, "org": desk.organization_id}).first()
    if sale is None:
        raise _refused(NOT_REFUNDABLE)
    _unfinished_guard(connection, desk)
    shift_id = _ready_shift(connection, desk, devices)
    lines = connection.execute(text(
        "SELECT l.id, l.amount FROM order_lines l WHERE l.id = ANY(:ids) AND l.status = 'paid' "
        "AND l.cash_operation_id = :s"), {"ids": list(ids), "s": sale_id}).all()
    if len(lines) != len(ids):
        connection.rollback()
        raise _refused(NOT_REFUNDABLE)
    total = sum((r.amount for r in lines), Decimal(0))
    card, deposit, cash = _refund_split(total, sale.card_left, sale.deposit_left)
    if card > 0 and devices.terminal is None:
        connection.rollback()
        raise _refused(NO_TERMINAL)
    try:
        op_id = connection.scalar(text(
            "INSERT INTO cash_operations (organization_id, desk_id, shift_id, kind, idempotency_key, patient_id, "
            "refund_of_id, total, cash_amount, card_amount, deposit_amount) VALUES (:org, :desk, :shift, 'refund', "
            ":key, :patient, :sale, :total, :cash, :card, :deposit) RETURNING id"),
            {"org": desk.organization_id, "desk": desk.id, "shift": shift_id, "key": key, "patient": sale.patient_id,
             "sale": sale_id, "total": total, "cash": cash, "card": card, "deposit": deposit})
    except IntegrityError:
        connection.rollback()
        if (done := _repeated(connection, key)) is None:
            raise
        return done
    held = connection.execute(text(
        "UPDATE order_lines SET cash_operation_id = :op, version = version + 1, updated_at = now() "
        "WHERE id = ANY(:ids) AND cash_operation_id = :s AND status = 'paid'"),
        {"op": op_id, "s": sale_id, "ids": list(ids)}).rowcount
    if held != len(ids):
        connection.rollback()
        raise _refused(NOT_REFUNDABLE)
    connection.execute(text(
        "INSERT INTO cash_operation_lines (operation_id, order_line_id, organization_id, name, quantity, price, amount, "
        "vat_rate, tax_code) SELECT :op, order_line_id, organization_id, name, quantity, price, amount, vat_rate, "
        "tax_code FROM cash_operation_lines WHERE operation_id = :s AND order_line_id = ANY(:ids)"),
        {"op": op_id, "s": sale_id, "ids": list(ids)})
    _journal(connection, op_id, desk.organization_id, "intent",
             {"sale": sale_id, "lines": list(ids), "total": str(total), "cash": str(cash), "card": str(card)})
    checkpoint("intent")
    return _carry_on(connection, desk, devices, op_id)


def _op(connection: Connection, op_id: int):
    return connection.execute(text("SELECT * FROM cash_operations WHERE id = :id"), {"id": op_id}).one()


def _carry_on(connection: Connection, desk: Desk, devices: Devices, op_id: int) -> OperationResult:
    """Takes a sale or refund from where its journal says it is to the end (card, then receipt)."""
    op = _op(connection, op_id)
    if op.state == "started":
        if op.card_amount > 0:
            _card_step(connection, desk, devices, op)
            op = _op(connection, op_id)
            if op.state != "card_done":
                return _result(connection, op_id)
        else:  # nothing to do on the terminal: straight to the receipt (its request is the next step)
            _fiscal_step(connection, desk, devices, op)
            return _result(connection, op_id)
    if op.state == "card_done":
        _fiscal_step(connection, desk, devices, op)
    return _result(connection, op_id)


def _card_step(connection: Connection, desk: Desk, devices: Devices, op) -> None:
    terminal = devices.terminal
    if terminal is None:
        _to_attention(connection, desk, op.id, ATTENTION_DEVICE, detail="no terminal")
        return
    reference = str(op.idempotency_key)
    _journal(connection, op.id, desk.organization_id, "card_request",
             {"operation": op.kind, "amount": str(op.card_amount)}, state="card_requested")
    checkpoint("card_requested")
    try:
        if op.kind in MONEY_IN:
            result = terminal.purchase(op.card_amount, reference)
        else:
            sale_rrn = connection.scalar(text("SELECT card_rrn FROM cash_operations WHERE id = :s"),
                                         {"s": op.refund_of_id})
            result = terminal.refund(op.card_amount, sale_rrn or "", reference)
    except DeviceUnavailable as exc:
        # Unknown outcome: the reconciliation asks the terminal when it answers again.
        _journal(connection, op.id, desk.organization_id, "card_no_answer", {"error": str(exc)},
                 state="attention", error=_encode_error(ATTENTION_DEVICE, detail=str(exc)))
        return
    except DeviceError as exc:
        _fail(connection, desk, op, "card_error", str(exc), CARD_DECLINED, reason=str(exc))
        raise _refused(CARD_DECLINED, reason=str(exc)) from exc
    checkpoint("card_answered")
    if not result.approved:
        _fail(connection, desk, op, "card_declined", result.message, CARD_DECLINED,
              reason=result.message or str(result.code), detail=_card_detail(result))
        raise _refused(CARD_DECLINED, reason=result.message or str(result.code))
    _journal(connection, op.id, desk.organization_id, "card_done", _card_detail(result), state="card_done",
             card_rrn=result.rrn, card_auth_code=result.auth_code, card_mask=result.card_mask, card_slip=result.slip)
    checkpoint("card_recorded")


def _receipt(connection: Connection, op) -> Receipt:
    if op.kind in ("deposit", "deposit_refund"):
        # An advance: FFD 1214 = 3 (advance), 1212 = 10 (payment); the services are named when they are paid.
        items: tuple[ReceiptItem, ...] = (ReceiptItem(name=DEPOSIT_ITEM, quantity=Decimal(1), price=op.total,
                                                      amount=op.total, payment_method=3, payment_object=10),)
    else:
        lines = connection.execute(text(
            "SELECT name, quantity, price, amount, vat_rate FROM cash_operation_lines WHERE operation_id = :op "
            "ORDER BY order_line_id"), {"op": op.id}).all()
        items = tuple(ReceiptItem(name=r.name, quantity=Decimal(r.quantity), price=r.price, amount=r.amount,
                                  vat=_VAT.get(r.vat_rate, VatRate.EXEMPT)) for r in lines)
    payments = []
    if op.cash_amount > 0:
        payments.append(Payment(PaymentType.CASH, op.cash_amount + (op.change_amount if op.kind in MONEY_IN else 0)))
    if op.card_amount > 0:
        payments.append(Payment(PaymentType.CARD, op.card_amount))
    if op.deposit_amount > 0:
        payments.append(Payment(PaymentType.PREPAYMENT, op.deposit_amount))
    kind = ReceiptKind.SALE if op.kind in MONEY_IN else ReceiptKind.SALE_RETURN
    return Receipt(kind=kind, items=items, payments=tuple(payments), customer_contact=op.customer_contact,
                   cashier_name=_cashier(connection))


def _fiscal_step(connection: Connection, desk: Desk, devices: Devices, op) -> None:
    registrar = devices.registrar
    try:
        status = registrar.status()
    except DeviceUnavailable as exc:
        _to_attention(connection, desk, op.id, ATTENTION_DEVICE, detail=str(exc))
        return
    receipt = _receipt(connection, op)
    _journal(connection, op.id, desk.organization_id, "fiscal_request",
             {"kind": receipt.kind.name, "items": len(receipt.items),
              "payments": {p.type.name: str(p.amount) for p in receipt.payments},
              "document_before": status.last_document_number},
             state="fiscal_requested", document_before=status.last_document_number)
    checkpoint("fiscal_requested")
    try:
        doc = registrar.sell(receipt)
    except DeviceUnavailable as exc:
        _journal(connection, op.id, desk.organization_id, "fiscal_no_answer", {"error": str(exc)},
                 state="attention", error=_encode_error(ATTENTION_DEVICE, detail=str(exc)))
        return
    except DeviceError as exc:
        # The registrar refused and cancelled the receipt: nothing fiscal happened.
        if op.card_amount > 0:
            # The card was charged: the cashier fixes the registrar and prints, or the card money goes back.
            _journal(connection, op.id, desk.organization_id, "fiscal_error", {"error": str(exc), "code": exc.code},
                     state="attention", error=_encode_error(ATTENTION_DEVICE, detail=str(exc)))
            return
        _fail(connection, desk, op, "fiscal_error", str(exc), ATTENTION_DEVICE, detail=str(exc),
              extra={"code": exc.code})
        raise
    checkpoint("fiscal_answered")
    _complete(connection, desk, op, doc)


def _complete(connection: Connection, desk: Desk, op, doc: FiscalDocument) -> None:
    if op.kind == "sale":
        connection.execute(text(
            "UPDATE order_lines SET status = 'paid', version = version + 1, updated_at = now() "
            "WHERE cash_operation_id = :op AND status IN ('ordered', 'booked')"), {"op": op.id})
    elif op.kind == "refund":
        connection.execute(text(
            "UPDATE order_lines SET status = CASE WHEN booking_id IS NULL THEN 'ordered' ELSE 'booked' END, "
            "cash_operation_id = NULL, version = version + 1, updated_at = now() WHERE cash_operation_id = :op"),
            {"op": op.id})
    _journal(connection, op.id, desk.organization_id, "fiscal_done", _fiscal_detail(doc), state="completed",
             fiscal_document=doc.number, fiscal_sign=doc.fiscal_sign, receipt_number=doc.receipt_number, error="")
    checkpoint("fiscal_recorded")
    checkpoint("completed")


def _release_lines(connection: Connection, op) -> None:
    if op.kind == "sale":
        connection.execute(text(
            "UPDATE order_lines SET cash_operation_id = NULL, version = version + 1, updated_at = now() "
            "WHERE cash_operation_id = :op AND status IN ('ordered', 'booked')"), {"op": op.id})
    elif op.kind == "refund":
        connection.execute(text(
            "UPDATE order_lines SET cash_operation_id = :s, version = version + 1, updated_at = now() "
            "WHERE cash_operation_id = :op"), {"op": op.id, "s": op.refund_of_id})


def _fail(connection: Connection, desk: Desk, op, step: str, why: str, message: str, *, detail: object = None,
          extra: dict | None = None, **params) -> None:
    connection.rollback()
    _release_lines(connection, op)
    data = {"error": why, **(extra or {})}
    if isinstance(detail, dict):
        data.update(detail)
    _journal(connection, op.id, desk.organization_id, step, data, state="failed",
             error=_encode_error(message, **({"detail": detail} if isinstance(detail, str) else {}), **params))


def _to_attention(connection: Connection, desk: Desk, op_id: int, message: str, **params) -> None:
    _journal(connection, op_id, desk.organization_id, "attention", {"message": message, **params},
             state="attention", error=_encode_error(message, **params))


def _void(connection: Connection, desk: Desk, op, why: str) -> None:
    _release_lines(connection, op)
    _journal(connection, op.id, desk.organization_id, "voided", {"why": why}, state="voided",
             resolution=why)


# --- shift and cash ---------------------------------------------------------------------------------------------


def _simple(connection: Connection, desk: Desk, kind: str, key: uuid.UUID, amount: Decimal,
            action: Callable[[], FiscalDocument | None], shift_id: int | None) -> OperationResult:
    if (done := _repeated(connection, key)) is not None:
        return done
    op_id = connection.scalar(text(
        "INSERT INTO cash_operations (organization_id, desk_id, shift_id, kind, idempotency_key, total, cash_amount) "
        "VALUES (:org, :desk, :shift, :kind, :key, :amount, :amount) RETURNING id"),
        {"org": desk.organization_id, "desk": desk.id, "shift": shift_id, "kind": kind, "key": key, "amount": amount})
    _journal(connection, op_id, desk.organization_id, "device_request", {"kind": kind, "amount": str(amount)},
             state="fiscal_requested")
    checkpoint("fiscal_requested")
    try:
        doc = action()
    except DeviceUnavailable as exc:
        _to_attention(connection, desk, op_id, ATTENTION_DEVICE, detail=str(exc))
        raise
    except DeviceError as exc:
        _journal(connection, op_id, desk.organization_id, "device_error", {"error": str(exc), "code": exc.code},
                 state="failed", error=_encode_error(ATTENTION_DEVICE, detail=str(exc)))
        raise
    checkpoint("fiscal_answered")
    fields = {"state": "completed"}
    if doc is not None:
        fields.update(fiscal_document=doc.number, fiscal_sign=doc.fiscal_sign)
    _journal(connection, op_id, desk.organization_id, "device_done", _fiscal_detail(doc) if doc else {}, **fields)
    return _result(connection, op_id)


@_exclusive
def open_shift(connection: Connection, desk: Desk, devices: Devices, key: uuid.UUID | None = None) -> OperationResult:
    _unfinished_guard(connection, desk)
    status = devices.registrar.status()
    _check_registrar(status, desk, need_shift=False)
    if status.shift_open:
        _sync_shift(connection, desk, status)
        raise _refused(SHIFT_EXPIRED if status.shift_expired else SHIFT_ALREADY_OPEN)
    cashier = _cashier(connection)
    result = _simple(connection, desk, "open_shift", key or uuid.uuid4(), Decimal(0),
                     lambda: devices.registrar.open_shift(cashier_name=cashier), None)
    _sync_shift(connection, desk, devices.registrar.status())
    return result


@_exclusive
def close_shift(connection: Connection, desk: Desk, devices: Devices, key: uuid.UUID | None = None) -> OperationResult:
    """The Z-report: closes the shift on the registrar and in the database."""
    _unfinished_guard(connection, desk)
    status = devices.registrar.status()
    _check_registrar(status, desk, need_shift=False)
    if not status.shift_open:
        _sync_shift(connection, desk, status)
        raise _refused(SHIFT_CLOSED)
    shift_id = _sync_shift(connection, desk, status)
    cashier = _cashier(connection)
    registrar = devices.registrar
    takes_cashier = "cashier_name" in inspect.signature(registrar.z_report).parameters
    result = _simple(connection, desk, "z_report", key or uuid.uuid4(), Decimal(0),
                     (lambda: registrar.z_report(cashier_name=cashier)) if takes_cashier else registrar.z_report,
                     shift_id)
    connection.execute(text(
        "UPDATE cash_shifts SET closed_at = now(), closed_by = session_user, z_document = :z WHERE id = :id"),
        {"z": result.fiscal_document, "id": shift_id})
    connection.commit()
    return result


@_exclusive
def x_report(connection: Connection, desk: Desk, devices: Devices) -> OperationResult:
    shift_id = _ready_shift(connection, desk, devices)
    return _simple(connection, desk, "x_report", uuid.uuid4(), Decimal(0),
                   lambda: devices.registrar.x_report(), shift_id)


def drawer_cash(connection: Connection, desk: Desk, until: dt.datetime | None = None) -> Decimal:
    """Cash in the drawer by the journal: cash sales (net of change) + cash in - cash refunds - cash out."""
    return connection.scalar(text(
        "SELECT coalesce(sum(CASE WHEN kind IN ('sale', 'deposit', 'cash_in') THEN cash_amount "
        "WHEN kind IN ('refund', 'deposit_refund', 'cash_out') THEN -cash_amount ELSE 0 END), 0) FROM cash_operations "
        "WHERE desk_id = :d AND state = 'completed' AND (CAST(:u AS timestamptz) IS NULL OR coalesce(fiscal_at, "
        "updated_at) < :u)"), {"d": desk.id, "u": until})


@_exclusive
def cash_in(connection: Connection, desk: Desk, devices: Devices, amount: object,
            key: uuid.UUID | None = None) -> OperationResult:
    value = money(amount)
    if value <= 0:
        raise _refused(BAD_AMOUNT, value=str(amount)[:40])
    _unfinished_guard(connection, desk)
    shift_id = _ready_shift(connection, desk, devices)
    return _simple(connection, desk, "cash_in", key or uuid.uuid4(), value,
                   lambda: devices.registrar.cash_in(value), shift_id)


@_exclusive
def cash_out(connection: Connection, desk: Desk, devices: Devices, amount: object,
             key: uuid.UUID | None = None) -> OperationResult:
    value = money(amount)
    if value <= 0:
        raise _refused(BAD_AMOUNT, value=str(amount)[:40])
    _unfinished_guard(connection, desk)
    available = drawer_cash(connection, desk)
    if value > available:
        raise _refused(NO_CASH, available=format_money(available))
    shift_id = _ready_shift(connection, desk, devices)
    return _simple(connection, desk, "cash_out", key or uuid.uuid4(), value,
                   lambda: devices.registrar.cash_out(value), shift_id)


@_exclusive
def settlement(connection: Connection, desk: Desk, devices: Devices) -> tuple[OperationResult, CardResult]:
    """The bank day's settlement (сверка итогов) on the terminal, journaled; returns the slip too."""
    if devices.terminal is None:
        raise _refused(NO_TERMINAL)
    answer: list[CardResult] = []

    def run() -> None:
        answer.append(devices.terminal.settlement())

    result = _simple(connection, desk, "settlement", uuid.uuid4(), Decimal(0), run, None)
    if answer:
        connection.execute(text(
            "INSERT INTO cash_operation_steps (operation_id, organization_id, step, detail) "
            "VALUES (:op, :org, 'settlement_slip', CAST(:d AS jsonb))"),
            {"op": result.operation_id, "org": desk.organization_id,
             "d": json.dumps({**_card_detail(answer[0]), "slip": answer[0].slip}, ensure_ascii=False)})
        connection.commit()
    return result, answer[0] if answer else CardResult(False, Decimal(0), "", "", "", "", "", -1)


# --- reconciliation ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unfinished:
    """An operation waiting for the cashier's decision."""

    operation_id: int
    kind: str
    state: str
    total: Decimal
    cash_amount: Decimal
    card_amount: Decimal
    card_charged: bool
    created_at: dt.datetime
    patient_name: str
    message: str
    message_params: dict
    choices: tuple[str, ...]


def unfinished(connection: Connection, desk: Desk) -> list[Unfinished]:
    rows = connection.execute(text(
        "SELECT c.id, c.kind, c.state, c.total, c.cash_amount, c.card_amount, c.card_rrn, c.created_at, c.error, "
        "coalesce(p.last_name || ' ' || p.first_name || ' ' || p.middle_name, '') AS patient "
        "FROM cash_operations c LEFT JOIN patients p ON p.id = c.patient_id "
        "WHERE c.desk_id = :d AND c.state NOT IN ('completed', 'failed', 'voided') ORDER BY c.id"),
        {"d": desk.id}).all()
    out = []
    for r in rows:
        message, params = _decode_error(r.error)
        if r.kind in MONEY_KINDS:
            choices = (CHOICE_RECEIPT, CHOICE_VOID)
        else:
            choices = (CHOICE_DONE, CHOICE_NOT_DONE)
        out.append(Unfinished(r.id, r.kind, r.state, r.total, r.cash_amount, r.card_amount, bool(r.card_rrn),
                              r.created_at, r.patient.strip(), message, params, choices))
    return out


@_exclusive
def reconcile(connection: Connection, desk: Desk, devices: Devices) -> list[Unfinished]:
    """Finishes or undoes every operation of the desk cut short, asking the devices what happened; returns
    those left for the cashier's decision. Safe to run any time no operation is in progress at this desk."""
    ids = connection.scalars(text(
        "SELECT id FROM cash_operations WHERE desk_id = :d AND state NOT IN ('completed', 'failed', 'voided') "
        "ORDER BY id"), {"d": desk.id}).all()
    connection.commit()
    for op_id in ids:
        try:
            _reconcile_one(connection, desk, devices, _op(connection, op_id))
        except (DeviceError, CashRefused):
            connection.rollback()  # the device is still away or refuses: left for the cashier
    return unfinished(connection, desk)


def _terminal_says(connection: Connection, devices: Devices, op) -> CardResult | None | bool:
    """The terminal's last transaction if it is this operation's (approved, same amount, an RRN no other
    operation has); False when the terminal's last transaction is another one; None when it cannot tell."""
    if devices.terminal is None:
        return None
    last = devices.terminal.last_transaction()
    if last is None:
        return None
    if not last.approved or last.amount != op.card_amount or not last.rrn:
        return False
    taken = connection.scalar(text(
        "SELECT count(*) FROM cash_operations WHERE organization_id = :o AND card_rrn = :r AND id <> :id"),
        {"o": op.organization_id, "r": last.rrn, "id": op.id})
    return False if taken else last


def _reconcile_one(connection: Connection, desk: Desk, devices: Devices, op) -> None:
    org = desk.organization_id
    if op.kind not in MONEY_KINDS:
        _reconcile_simple(connection, desk, devices, op)
        return
    state = op.state
    if state == "attention":
        # Left for the cashier unless a device can now tell: re-derive from the journal's last device step.
        last_step = connection.scalar(text(
            "SELECT step FROM cash_operation_steps WHERE operation_id = :op AND step IN "
            "('card_request', 'card_done', 'fiscal_request') ORDER BY id DESC LIMIT 1"), {"op": op.id})
        state = {"card_request": "card_requested", "card_done": "card_done",
                 "fiscal_request": "fiscal_requested"}.get(last_step or "", "started")
    if state == "started":
        _void(connection, desk, op, "no device step was taken")
        return
    if state == "card_requested":
        said = _terminal_says(connection, devices, op)
        if said is None:
            if op.state != "attention" or not op.error:
                _to_attention(connection, desk, op.id, ATTENTION_CARD_UNKNOWN)
            return
        if said is False:
            _void(connection, desk, op, "the terminal did not charge the card")
            return
        _journal(connection, op.id, org, "card_done", {**_card_detail(said), "reconciled": True}, state="card_done",
                 card_rrn=said.rrn, card_auth_code=said.auth_code, card_mask=said.card_mask, card_slip=said.slip)
        state = "card_done"
        op = _op(connection, op.id)
    if state == "card_done":
        _journal(connection, op.id, org, "reconciled", {"continue": "receipt"}, state="card_done")
        _fiscal_step(connection, desk, devices, _op(connection, op.id))
        return
    if state == "fiscal_requested":
        status = devices.registrar.status()
        if status.receipt_open:
            devices.registrar.cancel_receipt()
            _journal(connection, op.id, org, "open_receipt_cancelled", {})
            status = devices.registrar.status()
        before = op.document_before if op.document_before is not None else status.last_document_number
        if status.last_document_number > before:
            doc = devices.registrar.last_document()
            if doc is not None and doc.number > before:
                _complete(connection, desk, op, doc)
                return
        if op.card_amount > 0 and op.card_rrn:
            # The card was charged and no receipt exists: the law wants the receipt; print it.
            _journal(connection, op.id, org, "reconciled", {"continue": "receipt"}, state="card_done")
            _fiscal_step(connection, desk, devices, _op(connection, op.id))
            return
        # Cash only and no receipt: did the cashier keep the money? Only they know.
        if op.state != "attention" or not op.error:
            _to_attention(connection, desk, op.id, ATTENTION_NO_RECEIPT)


def _reconcile_simple(connection: Connection, desk: Desk, devices: Devices, op) -> None:
    status = devices.registrar.status()
    org = desk.organization_id
    if op.kind == "open_shift" and status.shift_open:
        _sync_shift(connection, desk, status)
        _journal(connection, op.id, org, "reconciled", {"shift": status.shift_number}, state="completed")
    elif op.kind == "open_shift":
        _void(connection, desk, op, "the shift is not open")
    elif op.kind == "z_report" and not status.shift_open:
        _sync_shift(connection, desk, status)
        connection.execute(text(
            "UPDATE cash_shifts SET z_document = coalesce(z_document, :z) WHERE id = :s"),
            {"z": status.last_document_number, "s": op.shift_id})
        _journal(connection, op.id, org, "reconciled", {"closed": True}, state="completed",
                 fiscal_document=status.last_document_number)
    elif op.kind == "z_report":
        _void(connection, desk, op, "the shift is still open")
    elif op.kind in ("x_report", "settlement"):
        _void(connection, desk, op, "a report without money: repeat it if needed")
    elif op.state != "attention" or not op.error:
        _to_attention(connection, desk, op.id, ATTENTION_UNKNOWN)


@_exclusive
def resolve(connection: Connection, desk: Desk, devices: Devices, operation_id: int, choice: str, *,
            rrn: str = "") -> OperationResult:
    """The cashier's decision on an operation waiting for it (see `Unfinished.choices`). When the terminal
    could not tell whether the card was charged, printing the receipt needs the RRN from its slip."""
    op = connection.execute(text("SELECT * FROM cash_operations WHERE id = :id AND desk_id = :d FOR UPDATE"),
                            {"id": operation_id, "d": desk.id}).first()
    if op is None or op.state in ("completed", "failed", "voided"):
        connection.rollback()
        raise _refused(OPERATION_FINISHED)
    connection.commit()
    org = desk.organization_id
    if op.kind in MONEY_KINDS:
        if choice == CHOICE_RECEIPT:
            card_fields = {}
            if op.card_amount > 0 and not op.card_rrn:
                if not rrn.strip() or len(rrn.strip()) > 40:
                    raise _refused(RRN_REQUIRED)
                card_fields = {"card_rrn": rrn.strip()}
            status = devices.registrar.status()
            _check_registrar(status, desk)
            _journal(connection, op.id, org, "cashier_decided", {"choice": choice, **card_fields}, state="card_done",
                     resolved_by=session_user(connection).role_name, resolution=choice, **card_fields)
            _fiscal_step(connection, desk, devices, _op(connection, op.id))
        elif choice == CHOICE_VOID:
            if op.card_rrn and op.card_amount > 0:
                _give_card_back(connection, desk, devices, op)
            _journal(connection, op.id, org, "cashier_decided", {"choice": choice},
                     resolved_by=session_user(connection).role_name)
            _void(connection, desk, _op(connection, op.id), "the cashier undid it")
        else:
            raise _refused(NOT_AWAITING)
    else:
        if choice not in (CHOICE_DONE, CHOICE_NOT_DONE):
            raise _refused(NOT_AWAITING)
        _journal(connection, op.id, org, "cashier_decided", {"choice": choice},
                 resolved_by=session_user(connection).role_name, resolution=choice)
        if choice == CHOICE_DONE:
            _journal(connection, op.id, org, "reconciled", {}, state="completed")
        else:
            _void(connection, desk, op, "the cashier says the device did not do it")
    return _result(connection, op.id)


def _give_card_back(connection: Connection, desk: Desk, devices: Devices, op) -> None:
    if devices.terminal is None:
        raise _refused(NO_TERMINAL)
    _journal(connection, op.id, desk.organization_id, "card_return_request", {"amount": str(op.card_amount)})
    if op.kind in MONEY_IN:
        result = devices.terminal.refund(op.card_amount, op.card_rrn, f"{op.idempotency_key}-void")
    else:
        result = devices.terminal.purchase(op.card_amount, f"{op.idempotency_key}-void")
    _journal(connection, op.id, desk.organization_id, "card_returned", _card_detail(result))
    if not result.approved:
        raise _refused(CARD_DECLINED, reason=result.message or str(result.code))


# --- the day's history ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    operation_id: int
    at: dt.datetime
    kind: str
    state: str
    patient_id: int | None
    patient_name: str
    total: Decimal
    cash_amount: Decimal
    card_amount: Decimal
    fiscal_document: int | None
    services: str
    cashier: str
    deposit_amount: Decimal = Decimal(0)


def day_history(connection: Connection, desk: Desk, day: dt.date, *, patient_id: int | None = None) -> list[HistoryEntry]:
    """The desk's operations of the day (organization time), optionally one client's, oldest first."""
    zone = organization_zone(connection, desk.organization_id)
    start = dt.datetime.combine(day, dt.time(), zone)
    end = start + dt.timedelta(days=1)
    rows = connection.execute(text(
        "SELECT c.id, c.created_at, c.kind, c.state, c.patient_id, "
        "coalesce(p.last_name || ' ' || p.first_name || ' ' || p.middle_name, '') AS patient, c.total, c.cash_amount, "
        "c.card_amount, c.fiscal_document, coalesce((SELECT string_agg(l.name, '; ' ORDER BY l.order_line_id) "
        "FROM cash_operation_lines l WHERE l.operation_id = c.id), '') AS services, c.created_by, c.deposit_amount "
        "FROM cash_operations c LEFT JOIN patients p ON p.id = c.patient_id "
        "WHERE c.desk_id = :d AND c.created_at >= :s AND c.created_at < :e "
        "AND (CAST(:p AS integer) IS NULL OR c.patient_id = :p) ORDER BY c.created_at, c.id"),
        {"d": desk.id, "s": start, "e": end, "p": patient_id}).all()
    return [HistoryEntry(r[0], r[1], r[2], r[3], r[4], r[5].strip(), *r[6:]) for r in rows]


# --- shift panel ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShiftSummary:
    shift_number: int | None
    opened_at: dt.datetime | None
    sales: Decimal
    refunds: Decimal
    cash_sales: Decimal
    card_sales: Decimal
    drawer: Decimal
    receipts: int  # every receipt of the shift: payments, refunds, advances and their returns
    deposits: Decimal = Decimal(0)  # advances taken in the shift less those given back


def shift_summary(connection: Connection, desk: Desk) -> ShiftSummary:
    shift = connection.execute(text(
        "SELECT id, shift_number, opened_at FROM cash_shifts WHERE desk_id = :d AND closed_at IS NULL"),
        {"d": desk.id}).first()
    drawer = drawer_cash(connection, desk)
    if shift is None:
        return ShiftSummary(None, None, Decimal(0), Decimal(0), Decimal(0), Decimal(0), drawer, 0)
    r = connection.execute(text(
        "SELECT coalesce(sum(total) FILTER (WHERE kind = 'sale'), 0), coalesce(sum(total) FILTER (WHERE kind = 'refund'), 0), "
        "coalesce(sum(cash_amount) FILTER (WHERE kind = 'sale'), 0), coalesce(sum(card_amount) FILTER (WHERE kind = 'sale'), 0), "
        "count(*) FILTER (WHERE kind IN ('sale', 'refund', 'deposit', 'deposit_refund')), "
        "coalesce(sum(CASE kind WHEN 'deposit' THEN total WHEN 'deposit_refund' THEN -total END), 0) "
        "FROM cash_operations WHERE shift_id = :s AND state = 'completed'"),
        {"s": shift.id}).one()
    return ShiftSummary(shift.shift_number, shift.opened_at, r[0], r[1], r[2], r[3], drawer, r[4], r[5])
