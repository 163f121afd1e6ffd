"""Payers, model and individual agreements with their services and payment schedules, discount rules,
manual-discount limits, quotas and the payers' register mapping rules.

Functions take the logged-in user's Connection (row-level security applies); the caller commits.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.identifiers import is_valid_inn, is_valid_ogrn
from shared.models.billing import AGREEMENT_STATUSES, PAYER_KINDS, QUOTA_SOURCES
from shared.services.catalogue import money
from shared.services.concurrency import stale
from shared.services.register_rules import RegisterFormat


class InvalidContractEntry(DomainError):
    """Raised with one of the messages below."""


PAYER_NAME_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Enter the payer's name.")
BAD_PAYER_KIND = QT_TRANSLATE_NOOP("DomainError", "Unknown kind of payer.")
BAD_INN = QT_TRANSLATE_NOOP("DomainError", "The INN {inn} is not valid: check the digits.")
INN_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "A company, an insurer or the insurance fund needs its INN.")
BAD_KPP = QT_TRANSLATE_NOOP("DomainError", "The KPP is nine characters: four digits, two digits or capital "
                            "letters, three digits.")
BAD_OGRN = QT_TRANSLATE_NOOP("DomainError", "The OGRN {ogrn} is not valid: check the digits.")
AGREEMENT_NAME_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Enter the number and the name of the agreement.")
AGREEMENT_NUMBER_TAKEN = QT_TRANSLATE_NOOP("DomainError", "An agreement numbered {number} already exists.")
AGREEMENT_ENDS_BEFORE_START = QT_TRANSLATE_NOOP(
    "DomainError", "The agreement expires ({end}) before it starts ({start}).")
AGREEMENT_PAYER_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "An individual agreement needs a payer.")
BAD_ADJUSTMENT = QT_TRANSLATE_NOOP(
    "DomainError", "A markup or discount is a percentage above -100 and at most 1000 (entered: {value}).")
BAD_STATUS = QT_TRANSLATE_NOOP("DomainError", "Unknown status of the agreement.")
NOT_A_MODEL = QT_TRANSLATE_NOOP("DomainError", "Individual agreements are created from a model agreement.")
MODEL_CLOSED = QT_TRANSLATE_NOOP("DomainError", "The model agreement is closed: agreements are no longer made from it.")
PAYER_INACTIVE = QT_TRANSLATE_NOOP("DomainError", "The payer is inactive or no longer exists.")
ONE_PUBLIC_OFFER = QT_TRANSLATE_NOOP(
    "DomainError", "Only one public offer may be in force at a time: close the one in force first.")
SERVICE_TWICE = QT_TRANSLATE_NOOP("DomainError", "A service is listed twice in the agreement.")
BAD_DUE_DAYS = QT_TRANSLATE_NOOP("DomainError", "The payment term is a number of days from 0 to 365.")
BAD_PAYMENT = QT_TRANSLATE_NOOP("DomainError", "A scheduled payment needs a due date and an amount above zero; "
                                "the paid amount cannot exceed it.")
RULE_NAME_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Enter the name of the rule.")
BAD_PERCENT = QT_TRANSLATE_NOOP(
    "DomainError", "A discount is a percentage from -100 to 100 other than zero (entered: {value}).")
BAD_TIME = QT_TRANSLATE_NOOP("DomainError", "The time of day is from 00:00 to 24:00, the end after the start.")
BAD_WEEKDAYS = QT_TRANSLATE_NOOP("DomainError", "Weekdays are numbers from 1 (Monday) to 7 (Sunday).")
BAD_PERIOD = QT_TRANSLATE_NOOP("DomainError", "The period ends before it starts.")
BAD_AGES = QT_TRANSLATE_NOOP("DomainError", "The age limits are whole years from 0 to 150, the lower not above the upper.")
BAD_LIMIT_PERCENT = QT_TRANSLATE_NOOP("DomainError", "A discount limit is a percentage from 0 to 100.")
QUOTA_NAME_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Enter the name of the quota.")
QUOTA_LIMIT_REQUIRED = QT_TRANSLATE_NOOP(
    "DomainError", "A quota limits the number of services, the amount of money, or both; neither may be negative.")
BAD_QUOTA_SOURCE = QT_TRANSLATE_NOOP("DomainError", "Unknown source of the quota.")


class QuotaBelowUsage(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The quota is already used for {count} services and {amount} roubles: the limit cannot be "
        "set below that.")


def _percent(value: object, message: str, low: Decimal, high: Decimal, *, allow_zero: bool = True) -> Decimal:
    try:
        number = Decimal(str(value).replace(",", ".").strip())
    except Exception:  # noqa: BLE001 - any unreadable input is the same user error
        raise InvalidContractEntry(message, value=str(value)) from None
    if not number.is_finite() or number < low or number > high or (not allow_zero and number == 0) \
            or number != number.quantize(Decimal("0.01")):
        raise InvalidContractEntry(message, value=str(value))
    return number


def _ages(age_min: int | None, age_max: int | None) -> None:
    for age in (age_min, age_max):
        if age is not None and not 0 <= age <= 150:
            raise InvalidContractEntry(BAD_AGES)
    if age_min is not None and age_max is not None and age_min > age_max:
        raise InvalidContractEntry(BAD_AGES)


def _versioned_update(connection: Connection, table: str, row_id: int, version: int, sets: str,
                      params: dict) -> None:
    done = connection.execute(text(
        f"UPDATE {table} SET {sets}, version = version + 1, updated_at = now() "  # noqa: S608
        "WHERE id = :id AND version = :version RETURNING id"), {**params, "id": row_id, "version": version}).first()
    if done is None:
        exists = connection.scalar(text(f"SELECT 1 FROM {table} WHERE id = :id"), {"id": row_id})  # noqa: S608
        raise stale(connection, table, row_id, exists is not None)


# --- payers -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PayerEntry:
    id: int | None
    kind: str
    name: str
    inn: str = ""
    kpp: str = ""
    ogrn: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    patient_id: int | None = None
    register_format: dict = field(default_factory=dict)
    is_active: bool = True
    note: str = ""
    version: int = 0


_PAYER_COLUMNS = ("kind", "name", "inn", "kpp", "ogrn", "address", "phone", "email", "patient_id",
                  "register_format", "is_active", "note")


def payers(connection: Connection, organization_id: int, *, kinds: Sequence[str] | None = None,
           include_inactive: bool = False) -> list[PayerEntry]:
    rows = connection.execute(text(
        f"SELECT id, {', '.join(_PAYER_COLUMNS)}, version FROM payers WHERE organization_id = :o "  # noqa: S608
        "AND (:all OR is_active) AND (CAST(:k AS text[]) IS NULL OR kind = ANY(:k)) ORDER BY name"),
        {"o": organization_id, "all": include_inactive, "k": list(kinds) if kinds else None}).mappings()
    return [PayerEntry(**r) for r in rows]


def payer(connection: Connection, payer_id: int) -> PayerEntry | None:
    row = connection.execute(text(f"SELECT id, {', '.join(_PAYER_COLUMNS)}, version FROM payers WHERE id = :id"),  # noqa: S608
                             {"id": payer_id}).mappings().first()
    return PayerEntry(**row) if row else None


def save_payer(connection: Connection, organization_id: int, entry: PayerEntry) -> int:
    name = entry.name.strip()
    inn, kpp, ogrn = entry.inn.strip(), entry.kpp.strip().upper(), entry.ogrn.strip()
    if not name:
        raise InvalidContractEntry(PAYER_NAME_REQUIRED)
    if entry.kind not in PAYER_KINDS:
        raise InvalidContractEntry(BAD_PAYER_KIND)
    if entry.kind != "individual" and not inn:
        raise InvalidContractEntry(INN_REQUIRED)
    if inn and not is_valid_inn(inn):
        raise InvalidContractEntry(BAD_INN, inn=inn)
    if kpp and (len(kpp) != 9 or not kpp[:4].isdigit() or not kpp[6:].isdigit() or not kpp[4:6].isalnum()):
        raise InvalidContractEntry(BAD_KPP)
    if ogrn and not is_valid_ogrn(ogrn):
        raise InvalidContractEntry(BAD_OGRN, ogrn=ogrn)
    fmt = RegisterFormat.from_settings(entry.register_format or {})  # validates; raises a DomainError
    del fmt
    values = {c: getattr(entry, c) for c in _PAYER_COLUMNS}
    values.update(name=name, inn=inn, kpp=kpp, ogrn=ogrn, register_format=json.dumps(entry.register_format or {}))
    if entry.id is None:
        return connection.execute(text(
            f"INSERT INTO payers (organization_id, {', '.join(_PAYER_COLUMNS)}) VALUES (:o, "  # noqa: S608
            + ", ".join(f"CAST(:{c} AS jsonb)" if c == "register_format" else f":{c}" for c in _PAYER_COLUMNS)
            + ") RETURNING id"), {**values, "o": organization_id}).scalar_one()
    _versioned_update(connection, "payers", entry.id, entry.version, ", ".join(
        f"{c} = CAST(:{c} AS jsonb)" if c == "register_format" else f"{c} = :{c}" for c in _PAYER_COLUMNS), values)
    return entry.id


# --- agreements -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgreementEntry:
    id: int | None
    kind: str  # 'model' or 'individual'
    number: str
    name: str
    valid_from: dt.date
    valid_to: dt.date | None = None
    payer_id: int | None = None
    model_id: int | None = None
    signed_on: dt.date | None = None
    price_list_id: int | None = None
    adjustment_percent: Decimal = Decimal(0)
    covers_all_services: bool = True
    is_public_offer: bool = False
    payment_terms: str = ""
    payment_due_days: int | None = None
    status: str = "draft"
    note: str = ""
    version: int = 0
    payer_name: str = ""  # filled when read


_AGREEMENT_COLUMNS = ("kind", "number", "name", "valid_from", "valid_to", "payer_id", "model_id", "signed_on",
                      "price_list_id", "adjustment_percent", "covers_all_services", "is_public_offer",
                      "payment_terms", "payment_due_days", "status", "note")


def agreements(connection: Connection, organization_id: int, *, kind: str | None = None,
               payer_id: int | None = None) -> list[AgreementEntry]:
    rows = connection.execute(text(
        f"SELECT a.id, {', '.join('a.' + c for c in _AGREEMENT_COLUMNS)}, a.version, "  # noqa: S608
        "coalesce(p.name, '') AS payer_name FROM agreements a LEFT JOIN payers p ON p.id = a.payer_id "
        "WHERE a.organization_id = :o AND (CAST(:k AS text) IS NULL OR a.kind = :k) "
        "AND (CAST(:p AS integer) IS NULL OR a.payer_id = :p) ORDER BY a.kind, a.valid_from DESC, a.number"),
        {"o": organization_id, "k": kind, "p": payer_id}).mappings()
    return [AgreementEntry(**r) for r in rows]


def agreement(connection: Connection, agreement_id: int) -> AgreementEntry | None:
    row = connection.execute(text(
        f"SELECT a.id, {', '.join('a.' + c for c in _AGREEMENT_COLUMNS)}, a.version, "  # noqa: S608
        "coalesce(p.name, '') AS payer_name FROM agreements a LEFT JOIN payers p ON p.id = a.payer_id "
        "WHERE a.id = :id"), {"id": agreement_id}).mappings().first()
    return AgreementEntry(**row) if row else None


def _check_agreement(entry: AgreementEntry) -> dict:
    values = {c: getattr(entry, c) for c in _AGREEMENT_COLUMNS}
    values["number"], values["name"] = entry.number.strip(), entry.name.strip()
    if not values["number"] or not values["name"]:
        raise InvalidContractEntry(AGREEMENT_NAME_REQUIRED)
    if entry.valid_to is not None and entry.valid_to < entry.valid_from:
        raise InvalidContractEntry(AGREEMENT_ENDS_BEFORE_START, start=entry.valid_from.strftime("%d.%m.%Y"),
                                   end=entry.valid_to.strftime("%d.%m.%Y"))
    if entry.kind == "individual" and entry.payer_id is None:
        raise InvalidContractEntry(AGREEMENT_PAYER_REQUIRED)
    if entry.status not in AGREEMENT_STATUSES or entry.kind not in ("model", "individual"):
        raise InvalidContractEntry(BAD_STATUS)
    if entry.payment_due_days is not None and not 0 <= entry.payment_due_days <= 365:
        raise InvalidContractEntry(BAD_DUE_DAYS)
    values["adjustment_percent"] = _percent(entry.adjustment_percent, BAD_ADJUSTMENT, Decimal("-99.99"),
                                            Decimal(1000))
    if entry.kind == "model":
        values["payer_id"] = None
    return values


def save_agreement(connection: Connection, organization_id: int, entry: AgreementEntry) -> int:
    values = _check_agreement(entry)
    try:
        with connection.begin_nested():
            if entry.id is None:
                return connection.execute(text(
                    f"INSERT INTO agreements (organization_id, {', '.join(_AGREEMENT_COLUMNS)}) VALUES (:o, "  # noqa: S608
                    f"{', '.join(':' + c for c in _AGREEMENT_COLUMNS)}) RETURNING id"),
                    {**values, "o": organization_id}).scalar_one()
            _versioned_update(connection, "agreements", entry.id, entry.version,
                              ", ".join(f"{c} = :{c}" for c in _AGREEMENT_COLUMNS), values)
            return entry.id
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "23505":
            if getattr(getattr(error.orig, "diag", None), "constraint_name", "") == "uq_agreements_public_offer":
                raise InvalidContractEntry(ONE_PUBLIC_OFFER) from None
            raise InvalidContractEntry(AGREEMENT_NUMBER_TAKEN, number=values["number"]) from None
        raise


def create_from_model(connection: Connection, model_id: int, *, number: str, name: str, payer_id: int,
                      signed_on: dt.date, valid_from: dt.date | None = None,
                      valid_to: dt.date | None = None) -> int:
    """An individual agreement from a model: the given fields filled in, the rest (prices, adjustment,
    services, terms) copied and editable afterwards. Starts as a draft."""
    model = agreement(connection, model_id)
    if model is None:
        raise stale(connection, "agreements", model_id, False)
    if model.kind != "model":
        raise InvalidContractEntry(NOT_A_MODEL)
    if model.status == "closed":
        raise InvalidContractEntry(MODEL_CLOSED)
    if not connection.scalar(text("SELECT is_active FROM payers WHERE id = :p"), {"p": payer_id}):
        raise InvalidContractEntry(PAYER_INACTIVE)
    organization_id = connection.scalar(text("SELECT organization_id FROM agreements WHERE id = :id"),
                                        {"id": model_id})
    entry = AgreementEntry(
        id=None, kind="individual", number=number, name=name, payer_id=payer_id, model_id=model_id,
        signed_on=signed_on, valid_from=valid_from or signed_on,
        valid_to=valid_to if valid_to is not None else model.valid_to, price_list_id=model.price_list_id,
        adjustment_percent=model.adjustment_percent, covers_all_services=model.covers_all_services,
        payment_terms=model.payment_terms, payment_due_days=model.payment_due_days)
    new_id = save_agreement(connection, organization_id, entry)
    connection.execute(text(
        "INSERT INTO agreement_services (agreement_id, service_id, organization_id, price, adjustment_percent, "
        "requires_approval) SELECT :new, service_id, organization_id, price, adjustment_percent, requires_approval "
        "FROM agreement_services "
        "WHERE agreement_id = :model"), {"new": new_id, "model": model_id})
    return new_id


@dataclass(frozen=True)
class AgreementServiceEntry:
    service_id: int
    price: Decimal | None = None
    adjustment_percent: Decimal | None = None
    service_code: str = ""
    service_name: str = ""
    #: Performed under the agreement only with the insurer's approval (recorded by the registry, linked to
    #: the line): without one, the doctor is refused (or warned) as for an unpaid service.
    requires_approval: bool = False


def agreement_services(connection: Connection, agreement_id: int) -> list[AgreementServiceEntry]:
    rows = connection.execute(text(
        "SELECT a.service_id, a.price, a.adjustment_percent, s.code AS service_code, s.name AS service_name, "
        "a.requires_approval FROM agreement_services a JOIN medical_services s ON s.id = a.service_id WHERE a.agreement_id = :a "
        "ORDER BY s.code"), {"a": agreement_id}).mappings()
    return [AgreementServiceEntry(**r) for r in rows]


def set_agreement_services(connection: Connection, agreement_id: int,
                           entries: Sequence[AgreementServiceEntry]) -> None:
    """Replaces the list of services the agreement names (with own prices or adjustments)."""
    organization_id = connection.scalar(text("SELECT organization_id FROM agreements WHERE id = :id FOR UPDATE"),
                                        {"id": agreement_id})
    if organization_id is None:
        raise stale(connection, "agreements", agreement_id, False)
    if len({e.service_id for e in entries}) != len(entries):
        raise InvalidContractEntry(SERVICE_TWICE)
    rows = []
    for e in entries:
        price = money(e.price) if e.price is not None else None
        adjustment = (_percent(e.adjustment_percent, BAD_ADJUSTMENT, Decimal("-99.99"), Decimal(1000))
                      if e.adjustment_percent is not None else None)
        rows.append({"a": agreement_id, "s": e.service_id, "o": organization_id, "p": price, "adj": adjustment,
                     "req": bool(e.requires_approval)})
    connection.execute(text("DELETE FROM agreement_services WHERE agreement_id = :a"), {"a": agreement_id})
    if rows:
        connection.execute(text(
            "INSERT INTO agreement_services (agreement_id, service_id, organization_id, price, adjustment_percent, "
            "requires_approval) VALUES (:a, :s, :o, :p, :adj, :req)"), rows)


# --- payment schedule -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScheduledPayment:
    id: int
    due_on: dt.date
    amount: Decimal
    paid_amount: Decimal
    paid_on: dt.date | None
    note: str

    def status(self, today: dt.date) -> str:
        """'paid', 'overdue' (due date passed, not fully paid) or 'due'."""
        if self.paid_amount >= self.amount:
            return "paid"
        return "overdue" if self.due_on < today else "due"


def payment_schedule(connection: Connection, agreement_id: int) -> list[ScheduledPayment]:
    return [ScheduledPayment(*r) for r in connection.execute(text(
        "SELECT id, due_on, amount, paid_amount, paid_on, note FROM agreement_payments WHERE agreement_id = :a "
        "ORDER BY due_on, id"), {"a": agreement_id})]


def add_scheduled_payment(connection: Connection, agreement_id: int, due_on: dt.date, amount: object,
                          note: str = "") -> int:
    value = money(amount, limit=10**12)
    if value <= 0:
        raise InvalidContractEntry(BAD_PAYMENT)
    organization_id = connection.scalar(text("SELECT organization_id FROM agreements WHERE id = :id"),
                                        {"id": agreement_id})
    if organization_id is None:
        raise stale(connection, "agreements", agreement_id, False)
    return connection.execute(text(
        "INSERT INTO agreement_payments (organization_id, agreement_id, due_on, amount, note) "
        "VALUES (:o, :a, :d, :m, :n) RETURNING id"),
        {"o": organization_id, "a": agreement_id, "d": due_on, "m": value, "n": note}).scalar_one()


def record_payment(connection: Connection, payment_id: int, paid_amount: object, paid_on: dt.date) -> None:
    """Records what the payer has paid of a scheduled payment so far (0 undoes it)."""
    value = money(paid_amount, limit=10**12)
    row = connection.execute(text("SELECT amount FROM agreement_payments WHERE id = :id FOR UPDATE"),
                             {"id": payment_id}).first()
    if row is None:
        raise stale(connection, "agreement_payments", payment_id, False)
    if value > row.amount:
        raise InvalidContractEntry(BAD_PAYMENT)
    connection.execute(text("UPDATE agreement_payments SET paid_amount = :p, paid_on = :d WHERE id = :id"),
                       {"p": value, "d": paid_on if value > 0 else None, "id": payment_id})


# --- discounts --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DiscountRuleEntry:
    id: int | None
    name: str
    percent: Decimal  # positive: a discount; negative: a markup
    service_group_id: int | None = None
    service_id: int | None = None
    agreement_id: int | None = None
    card_type_id: int | None = None
    sex: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    weekdays: tuple[int, ...] | None = None  # ISO 1..7
    time_from: int | None = None  # minutes from midnight
    time_to: int | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    is_active: bool = True
    version: int = 0


_RULE_COLUMNS = ("name", "percent", "service_group_id", "service_id", "agreement_id", "card_type_id", "sex",
                 "age_min", "age_max", "weekdays", "time_from", "time_to", "valid_from", "valid_to", "is_active")


def discount_rules(connection: Connection, organization_id: int, *, active_only: bool = False) -> list[DiscountRuleEntry]:
    rows = connection.execute(text(
        f"SELECT id, {', '.join(_RULE_COLUMNS)}, version FROM discount_rules WHERE organization_id = :o "  # noqa: S608
        "AND (NOT :a OR is_active) ORDER BY name"), {"o": organization_id, "a": active_only}).mappings()
    return [DiscountRuleEntry(**{**r, "weekdays": tuple(r["weekdays"]) if r["weekdays"] else None}) for r in rows]


def save_discount_rule(connection: Connection, organization_id: int, entry: DiscountRuleEntry) -> int:
    if not entry.name.strip():
        raise InvalidContractEntry(RULE_NAME_REQUIRED)
    percent = _percent(entry.percent, BAD_PERCENT, Decimal(-100), Decimal(100), allow_zero=False)
    _ages(entry.age_min, entry.age_max)
    if (entry.time_from is None) != (entry.time_to is None) or (
            entry.time_from is not None and not 0 <= entry.time_from < entry.time_to <= 1440):
        raise InvalidContractEntry(BAD_TIME)
    if entry.weekdays is not None and (not entry.weekdays or any(d not in range(1, 8) for d in entry.weekdays)):
        raise InvalidContractEntry(BAD_WEEKDAYS)
    if entry.valid_from and entry.valid_to and entry.valid_to < entry.valid_from:
        raise InvalidContractEntry(BAD_PERIOD)
    values = {c: getattr(entry, c) for c in _RULE_COLUMNS}
    values.update(name=entry.name.strip(), percent=percent,
                  weekdays=sorted(set(entry.weekdays)) if entry.weekdays else None)
    placeholders = ", ".join("CAST(:weekdays AS smallint[])" if c == "weekdays" else f":{c}" for c in _RULE_COLUMNS)
    if entry.id is None:
        return connection.execute(text(
            f"INSERT INTO discount_rules (organization_id, {', '.join(_RULE_COLUMNS)}) VALUES (:o, {placeholders}) "  # noqa: S608
            "RETURNING id"), {**values, "o": organization_id}).scalar_one()
    _versioned_update(connection, "discount_rules", entry.id, entry.version, ", ".join(
        f"{c} = CAST(:{c} AS smallint[])" if c == "weekdays" else f"{c} = :{c}" for c in _RULE_COLUMNS), values)
    return entry.id


def manual_discount_limits(connection: Connection, organization_id: int) -> dict[str, Decimal]:
    return dict(connection.execute(text(
        "SELECT job, max_percent FROM manual_discount_limits WHERE organization_id = :o ORDER BY job"),
        {"o": organization_id}).all())


def set_manual_discount_limit(connection: Connection, organization_id: int, job: str, max_percent: object) -> None:
    value = _percent(max_percent, BAD_LIMIT_PERCENT, Decimal(0), Decimal(100))
    connection.execute(text(
        "INSERT INTO manual_discount_limits (organization_id, job, max_percent) VALUES (:o, :j, :p) "
        "ON CONFLICT (organization_id, job) DO UPDATE SET max_percent = EXCLUDED.max_percent"),
        {"o": organization_id, "j": job, "p": value})


# --- quotas -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuotaEntry:
    id: int | None
    name: str
    period_from: dt.date
    period_to: dt.date
    limit_count: int | None = None
    limit_amount: Decimal | None = None
    source: str = "own"
    agreement_id: int | None = None
    payer_id: int | None = None
    service_group_id: int | None = None
    service_id: int | None = None
    department_id: int | None = None
    is_active: bool = True
    used_count: int = 0
    used_amount: Decimal = Decimal(0)
    version: int = 0

    @property
    def remaining_count(self) -> int | None:
        return None if self.limit_count is None else self.limit_count - self.used_count

    @property
    def remaining_amount(self) -> Decimal | None:
        return None if self.limit_amount is None else self.limit_amount - self.used_amount

    @property
    def load_percent(self) -> float:
        """The larger of the count and amount usage, in percent of the limit (may exceed 100 by override)."""
        shares = []
        if self.limit_count:
            shares.append(100.0 * self.used_count / self.limit_count)
        if self.limit_amount:
            shares.append(100.0 * float(self.used_amount / self.limit_amount))
        if not shares:
            return 100.0 if (self.used_count or self.used_amount) else 0.0
        return max(shares)


_QUOTA_COLUMNS = ("name", "period_from", "period_to", "limit_count", "limit_amount", "source", "agreement_id",
                  "payer_id", "service_group_id", "service_id", "department_id", "is_active")


def quotas(connection: Connection, organization_id: int, *, on: dt.date | None = None) -> list[QuotaEntry]:
    """Quotas with their live usage (all, or those whose period contains ``on``)."""
    rows = connection.execute(text(
        f"SELECT id, {', '.join(_QUOTA_COLUMNS)}, used_count, used_amount, version FROM quotas "  # noqa: S608
        "WHERE organization_id = :o AND (CAST(:d AS date) IS NULL OR CAST(:d AS date) BETWEEN period_from AND "
        "period_to) ORDER BY period_from DESC, name"), {"o": organization_id, "d": on}).mappings()
    return [QuotaEntry(**r) for r in rows]


def save_quota(connection: Connection, organization_id: int, entry: QuotaEntry) -> int:
    if not entry.name.strip():
        raise InvalidContractEntry(QUOTA_NAME_REQUIRED)
    if entry.period_to < entry.period_from:
        raise InvalidContractEntry(BAD_PERIOD)
    if entry.source not in QUOTA_SOURCES:
        raise InvalidContractEntry(BAD_QUOTA_SOURCE)
    if (entry.limit_count is None and entry.limit_amount is None) or (
            entry.limit_count is not None and entry.limit_count < 0):
        raise InvalidContractEntry(QUOTA_LIMIT_REQUIRED)
    values = {c: getattr(entry, c) for c in _QUOTA_COLUMNS}
    values["name"] = entry.name.strip()
    if entry.limit_amount is not None:
        values["limit_amount"] = money(entry.limit_amount, limit=10**12)
    try:
        with connection.begin_nested():
            if entry.id is None:
                return connection.execute(text(
                    f"INSERT INTO quotas (organization_id, {', '.join(_QUOTA_COLUMNS)}) VALUES (:o, "  # noqa: S608
                    f"{', '.join(':' + c for c in _QUOTA_COLUMNS)}) RETURNING id"),
                    {**values, "o": organization_id}).scalar_one()
            _versioned_update(connection, "quotas", entry.id, entry.version,
                              ", ".join(f"{c} = :{c}" for c in _QUOTA_COLUMNS), values)
            return entry.id
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "MC032":
            used = connection.execute(text("SELECT used_count, used_amount FROM quotas WHERE id = :id"),
                                      {"id": entry.id}).first()
            raise QuotaBelowUsage(count=used.used_count, amount=used.used_amount) from None
        raise


# --- register mapping rules -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MappingRuleEntry:
    id: int | None
    payer_id: int
    payer_code: str
    payer_name: str
    priority: int = 100
    service_id: int | None = None
    service_group_id: int | None = None
    sex: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    policy_kind: str | None = None
    result_code: str | None = None
    payer_price: Decimal | None = None


_MAPPING_COLUMNS = ("payer_id", "payer_code", "payer_name", "priority", "service_id", "service_group_id", "sex",
                    "age_min", "age_max", "policy_kind", "result_code", "payer_price")


def mapping_rules(connection: Connection, payer_id: int) -> list[MappingRuleEntry]:
    rows = connection.execute(text(
        f"SELECT id, {', '.join(_MAPPING_COLUMNS)} FROM register_mapping_rules WHERE payer_id = :p "  # noqa: S608
        "ORDER BY priority, payer_code, id"), {"p": payer_id}).mappings()
    return [MappingRuleEntry(**r) for r in rows]


# --- removal ----------------------------------------------------------------------------------------------


class InUse(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "This entry is already used by orders: switch it off (\u201cActive\u201d) instead of deleting it.")


def _delete(connection: Connection, table: str, key_sql: str, params: dict) -> None:
    try:
        with connection.begin_nested():
            connection.execute(text(f"DELETE FROM {table} WHERE {key_sql}"), params)  # noqa: S608 - fixed names
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "23503":
            raise InUse() from None
        raise


def delete_discount_rule(connection: Connection, rule_id: int) -> None:
    """Deletes a rule no order line has used yet (`InUse` otherwise)."""
    _delete(connection, "discount_rules", "id = :id", {"id": rule_id})


def delete_quota(connection: Connection, quota_id: int) -> None:
    """Deletes a quota nothing has been charged to yet (`InUse` otherwise)."""
    _delete(connection, "quotas", "id = :id", {"id": quota_id})


def delete_manual_discount_limit(connection: Connection, organization_id: int, job: str) -> None:
    """The job may then give no manual discount at all."""
    _delete(connection, "manual_discount_limits", "organization_id = :o AND job = :j",
            {"o": organization_id, "j": job})
