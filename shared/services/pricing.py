"""Price resolution: which agreement and price apply to a service for a payer at a moment, and why.

The rules, in order:
1. The payer. None means the client pays personally: the active public-offer agreement applies if the
   organization has one, else plain retail from the default price list. A payer (a company, an insurer,
   the fund, a private payer) needs an active agreement valid on the day that covers the service; when
   several do, the one given explicitly, else the one signed last.
2. The base price: the agreement's own price of the service, else its price list's price on the day,
   else the default retail list's.
3. The agreement's adjustment (the service's own, else the agreement's): a markup (+) or discount (-).
4. Automatic discount rules: of all rules that match, the one most favourable to the client applies
   (rules do not add up). Rules without an agreement apply to what the client pays personally; a rule
   naming an agreement applies to lines under it.
5. Quotas the line would count against are reported with what remains; the order refuses a line that
   does not fit (see `orders`), the database enforces it.

Every step adds a `Reason`, so the registrar sees why the price is what it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, text

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services.schedule_rules import age_on
from shared.services.schedules import organization_zone

CENT = Decimal("0.01")


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True)
class Reason:
    """One step of the explanation: a source text (translated in the ``DomainError`` context) and its values."""

    text: str
    params: dict = field(default_factory=dict)

    def render(self, translate=None) -> str:
        return (translate(self.text) if translate else self.text).format(**self.params)

    def as_json(self) -> dict:
        return {"text": self.text, "params": {k: str(v) for k, v in self.params.items()}}


R_RETAIL = QT_TRANSLATE_NOOP("DomainError", "The client pays personally: retail price list \u201c{list}\u201d.")
R_OFFER = QT_TRANSLATE_NOOP("DomainError", "The client pays personally under the public offer {number}.")
R_AGREEMENT = QT_TRANSLATE_NOOP("DomainError", "Paid by {payer} under agreement {number} valid {period}.")
R_AGREEMENT_CHOSEN = QT_TRANSLATE_NOOP(
    "DomainError", "{count} agreements with this payer apply; {number} was chosen as the one signed last.")
R_OWN_PRICE = QT_TRANSLATE_NOOP("DomainError", "The agreement's own price of the service: {price}.")
R_LIST_PRICE = QT_TRANSLATE_NOOP("DomainError", "Price list \u201c{list}\u201d on {day}: {price}.")
R_MARKUP = QT_TRANSLATE_NOOP("DomainError", "Markup of the agreement {percent}%: {price}.")
R_DISCOUNT = QT_TRANSLATE_NOOP("DomainError", "Discount of the agreement {percent}%: {price}.")
R_RULE = QT_TRANSLATE_NOOP("DomainError", "Discount \u201c{rule}\u201d {percent}%: {amount} off.")
R_RULE_MARKUP = QT_TRANSLATE_NOOP("DomainError", "Surcharge \u201c{rule}\u201d {percent}%: {price}.")
R_QUOTA = QT_TRANSLATE_NOOP(
    "DomainError", "Quota \u201c{quota}\u201d: {count} services and {amount} roubles left before this line.")


class PriceNotResolved(DomainError):
    """Raised with one of the messages below."""


NO_AGREEMENT = QT_TRANSLATE_NOOP(
    "DomainError", "No active agreement with {payer} covers \u201c{service}\u201d on {day}.")
AGREEMENT_EXPIRED = QT_TRANSLATE_NOOP(
    "DomainError", "The agreement {number} with {payer} is valid {period}: it does not cover {day}.")
AGREEMENT_NOT_ACTIVE = QT_TRANSLATE_NOOP(
    "DomainError", "The agreement {number} is not in force (a draft or closed): it cannot be used for orders.")
AGREEMENT_OTHER_PAYER = QT_TRANSLATE_NOOP("DomainError", "The agreement {number} is not an agreement with {payer}.")
SERVICE_NOT_COVERED = QT_TRANSLATE_NOOP(
    "DomainError", "The agreement {number} does not cover \u201c{service}\u201d.")
NO_PRICE = QT_TRANSLATE_NOOP("DomainError", "\u201c{service}\u201d has no price in the price list \u201c{list}\u201d "
                             "on {day}.")
NO_PRICE_LIST = QT_TRANSLATE_NOOP("DomainError", "The organization has no default price list: the contracts "
                                  "department sets one up.")
SERVICE_NOT_OFFERED = QT_TRANSLATE_NOOP("DomainError", "\u201c{service}\u201d is not provided on {day}.")
UNKNOWN_SERVICE = QT_TRANSLATE_NOOP("DomainError", "The service no longer exists or is not available to you.")
UNKNOWN_PAYER = QT_TRANSLATE_NOOP("DomainError", "The payer no longer exists or is inactive.")


@dataclass(frozen=True)
class QuotaCheck:
    quota_id: int
    name: str
    remaining_count: int | None
    remaining_amount: Decimal | None
    fits: bool  # the line fits into what remains


@dataclass(frozen=True)
class Quote:
    service_id: int
    quantity: int
    payer_id: int | None
    agreement_id: int | None
    price_list_id: int | None
    base_price: Decimal
    adjustment_percent: Decimal
    price: Decimal  # unit price after the agreement's adjustment and any rule surcharge
    discount_rule_id: int | None
    discount_percent: Decimal  # of the applied rule (negative: a surcharge folded into price)
    discount_amount: Decimal
    amount: Decimal
    reasons: tuple[Reason, ...]
    quotas: tuple[QuotaCheck, ...]

    @property
    def quota_exceeded(self) -> bool:
        return any(not q.fits for q in self.quotas)


def format_money(value: Decimal) -> str:
    """"1\u00a0200,50": how amounts read in messages and reasons."""
    return f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",")


def _day(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


def _period(start: dt.date, end: dt.date | None) -> str:
    return f"{_day(start)}\u2013{_day(end)}" if end else f"{_day(start)}\u2013"


@dataclass(frozen=True)
class _Service:
    id: int
    organization_id: int
    code: str
    name: str
    group_id: int | None
    department_id: int | None
    is_active: bool
    active_from: dt.date | None
    active_to: dt.date | None


def _service(connection: Connection, service_id: int) -> _Service:
    row = connection.execute(text(
        "SELECT id, organization_id, code, name, group_id, department_id, is_active, active_from, active_to "
        "FROM medical_services WHERE id = :id"), {"id": service_id}).first()
    if row is None:
        raise PriceNotResolved(UNKNOWN_SERVICE)
    return _Service(*row)


def _agreement_row(connection: Connection, agreement_id: int, service_id: int):
    return connection.execute(text(
        "SELECT a.id, a.number, a.payer_id, a.status, a.valid_from, a.valid_to, a.price_list_id, "
        "a.adjustment_percent, a.covers_all_services, a.is_public_offer, s.price AS own_price, "
        "s.adjustment_percent AS own_adjustment, (s.service_id IS NOT NULL) AS listed "
        "FROM agreements a LEFT JOIN agreement_services s ON s.agreement_id = a.id AND s.service_id = :svc "
        "WHERE a.id = :id"), {"id": agreement_id, "svc": service_id}).first()


def _choose_agreement(connection: Connection, service: _Service, payer_id: int | None, agreement_id: int | None,
                      day: dt.date, reasons: list[Reason]):
    if agreement_id is not None:
        row = _agreement_row(connection, agreement_id, service.id)
        if row is None:
            raise PriceNotResolved(UNKNOWN_PAYER)
        payer_name = _payer_name(connection, row.payer_id) if row.payer_id else ""
        if payer_id is not None and row.payer_id != payer_id:
            raise PriceNotResolved(AGREEMENT_OTHER_PAYER, number=row.number, payer=_payer_name(connection, payer_id))
        _check_usable(row, service, payer_name, day)
        return row
    if payer_id is None:
        offer = connection.scalar(text(
            "SELECT id FROM agreements WHERE organization_id = :o AND is_public_offer AND status = 'active'"),
            {"o": service.organization_id})
        if offer is None:
            return None
        row = _agreement_row(connection, offer, service.id)
        if row.valid_from <= day and (row.valid_to is None or day <= row.valid_to) and (
                row.covers_all_services or row.listed):
            return row
        return None  # the offer does not cover this: plain retail
    payer_name = _payer_name(connection, payer_id)
    candidates = connection.execute(text(
        "SELECT id FROM agreements WHERE payer_id = :p AND status = 'active' ORDER BY signed_on DESC NULLS LAST, "
        "valid_from DESC, id DESC"), {"p": payer_id}).scalars().all()
    usable, last_error = [], None
    for candidate in candidates:
        row = _agreement_row(connection, candidate, service.id)
        try:
            _check_usable(row, service, payer_name, day)
        except PriceNotResolved as error:
            last_error = error
            continue
        usable.append(row)
    if not usable:
        if last_error is not None and len(candidates) == 1:
            raise last_error
        raise PriceNotResolved(NO_AGREEMENT, payer=payer_name, service=service.name, day=_day(day))
    if len(usable) > 1:
        reasons.append(Reason(R_AGREEMENT_CHOSEN, {"count": len(usable), "number": usable[0].number}))
    return usable[0]


def _check_usable(row, service: _Service, payer_name: str, day: dt.date) -> None:
    if row.status != "active":
        raise PriceNotResolved(AGREEMENT_NOT_ACTIVE, number=row.number)
    if row.valid_from > day or (row.valid_to is not None and day > row.valid_to):
        raise PriceNotResolved(AGREEMENT_EXPIRED, number=row.number, payer=payer_name,
                               period=_period(row.valid_from, row.valid_to), day=_day(day))
    if not (row.covers_all_services or row.listed):
        raise PriceNotResolved(SERVICE_NOT_COVERED, number=row.number, service=service.name)


def _payer_name(connection: Connection, payer_id: int) -> str:
    name = connection.scalar(text("SELECT name FROM payers WHERE id = :id AND is_active"), {"id": payer_id})
    if name is None:
        raise PriceNotResolved(UNKNOWN_PAYER)
    return name


def _list_price(connection: Connection, list_id: int, service: _Service, day: dt.date) -> tuple[Decimal, str]:
    name = connection.scalar(text("SELECT name FROM price_lists WHERE id = :id"), {"id": list_id})
    price = connection.scalar(text(
        "SELECT amount FROM prices WHERE price_list_id = :l AND service_id = :s AND valid @> CAST(:d AS date)"),
        {"l": list_id, "s": service.id, "d": day})
    if price is None:
        raise PriceNotResolved(NO_PRICE, service=service.name, list=name, day=_day(day))
    return price, name


@dataclass(frozen=True)
class _Patient:
    sex: str
    birth_date: dt.date
    card_type_ids: frozenset[int]


def _patient(connection: Connection, patient_id: int | None, organization_id: int) -> _Patient | None:
    if patient_id is None:
        return None
    row = connection.execute(text("SELECT sex, birth_date FROM patients WHERE id = :p"), {"p": patient_id}).first()
    if row is None:
        return None
    cards = connection.execute(text(
        "SELECT DISTINCT card_type_id FROM medical_cards WHERE patient_id = :p AND organization_id = :o "
        "AND closed_on IS NULL"), {"p": patient_id, "o": organization_id}).scalars().all()
    return _Patient(row.sex, row.birth_date, frozenset(cards))


def _best_rule(connection: Connection, service: _Service, agreement_id: int | None, paid_personally: bool,
               patient: _Patient | None, moment: dt.datetime):
    day, minute = moment.date(), moment.hour * 60 + moment.minute
    rows = connection.execute(text(
        "SELECT id, name, percent, service_group_id, service_id, agreement_id, card_type_id, sex, age_min, age_max, "
        "weekdays, time_from, time_to FROM discount_rules WHERE organization_id = :o AND is_active "
        "AND (valid_from IS NULL OR valid_from <= :d) AND (valid_to IS NULL OR valid_to >= :d) "
        "AND (service_id IS NULL OR service_id = :s) AND (service_group_id IS NULL OR service_group_id = :g)"),
        {"o": service.organization_id, "d": day, "s": service.id, "g": service.group_id}).all()
    best = None
    for r in rows:
        if r.agreement_id is not None and r.agreement_id != agreement_id:
            continue
        if r.agreement_id is None and not paid_personally:
            continue
        if r.weekdays and moment.isoweekday() not in r.weekdays:
            continue
        if r.time_from is not None and not r.time_from <= minute < r.time_to:
            continue
        if r.card_type_id is not None or r.sex is not None or r.age_min is not None or r.age_max is not None:
            if patient is None:
                continue
            if r.card_type_id is not None and r.card_type_id not in patient.card_type_ids:
                continue
            if r.sex is not None and r.sex != patient.sex:
                continue
            age = age_on(patient.birth_date, day)
            if (r.age_min is not None and age < r.age_min) or (r.age_max is not None and age > r.age_max):
                continue
        if best is None or r.percent > best.percent:
            best = r
    return best


def quota_checks(connection: Connection, organization_id: int, *, service_id: int, group_id: int | None,
                 department_id: int | None, payer_id: int | None, agreement_id: int | None, day: dt.date,
                 count: int, amount: Decimal) -> list[QuotaCheck]:
    """The active quotas a line counts against, with what remains (read without locking: advisory)."""
    rows = connection.execute(text(
        "SELECT id, name, limit_count, limit_amount, used_count, used_amount FROM quotas WHERE organization_id = :o "
        "AND is_active AND :d BETWEEN period_from AND period_to "
        "AND (agreement_id IS NULL OR agreement_id = :a) AND (payer_id IS NULL OR payer_id = :p) "
        "AND (service_id IS NULL OR service_id = :s) AND (service_group_id IS NULL OR service_group_id = :g) "
        "AND (department_id IS NULL OR department_id = :dep) ORDER BY id"),
        {"o": organization_id, "d": day, "a": agreement_id, "p": payer_id, "s": service_id, "g": group_id,
         "dep": department_id}).all()
    checks = []
    for r in rows:
        left_count = None if r.limit_count is None else r.limit_count - r.used_count
        left_amount = None if r.limit_amount is None else r.limit_amount - r.used_amount
        fits = (left_count is None or count <= left_count) and (left_amount is None or amount <= left_amount)
        checks.append(QuotaCheck(r.id, r.name, left_count, left_amount, fits))
    return checks


def resolve_price(connection: Connection, service_id: int, *, payer_id: int | None = None,
                  agreement_id: int | None = None, patient_id: int | None = None, quantity: int = 1,
                  moment: dt.datetime, zone: ZoneInfo | None = None) -> Quote:
    """The price of ``quantity`` of a service for a payer at ``moment`` (aware; the service's time if booked;
    days and hours are the organization's, ``zone`` when the caller has it), with the reasons;
    `PriceNotResolved` says why there is none."""
    service = _service(connection, service_id)
    local = moment.astimezone(zone or organization_zone(connection, service.organization_id))
    day = local.date()
    if not service.is_active or (service.active_from and day < service.active_from) or (
            service.active_to and day > service.active_to):
        raise PriceNotResolved(SERVICE_NOT_OFFERED, service=service.name, day=_day(day))
    reasons: list[Reason] = []
    row = _choose_agreement(connection, service, payer_id, agreement_id, day, reasons)
    paid_personally = payer_id is None
    if row is None:
        list_id = connection.scalar(text("SELECT id FROM price_lists WHERE organization_id = :o AND is_default"),
                                    {"o": service.organization_id})
        if list_id is None:
            raise PriceNotResolved(NO_PRICE_LIST)
        base, list_name = _list_price(connection, list_id, service, day)
        reasons.append(Reason(R_RETAIL, {"list": list_name}))
        reasons.append(Reason(R_LIST_PRICE, {"list": list_name, "day": _day(day), "price": format_money(base)}))
        adjustment = Decimal(0)
        used_list, used_agreement = list_id, None
    else:
        used_agreement = row.id
        if row.is_public_offer and paid_personally:
            reasons.append(Reason(R_OFFER, {"number": row.number}))
        else:
            reasons.append(Reason(R_AGREEMENT, {"payer": _payer_name(connection, row.payer_id) if row.payer_id else "",
                                                "number": row.number,
                                                "period": _period(row.valid_from, row.valid_to)}))
        if row.own_price is not None:
            base, used_list = row.own_price, None
            reasons.append(Reason(R_OWN_PRICE, {"price": format_money(base)}))
        else:
            used_list = row.price_list_id or connection.scalar(text(
                "SELECT id FROM price_lists WHERE organization_id = :o AND is_default"), {"o": service.organization_id})
            if used_list is None:
                raise PriceNotResolved(NO_PRICE_LIST)
            base, list_name = _list_price(connection, used_list, service, day)
            reasons.append(Reason(R_LIST_PRICE, {"list": list_name, "day": _day(day), "price": format_money(base)}))
        adjustment = row.own_adjustment if row.own_adjustment is not None else row.adjustment_percent
    price = _round(base * (1 + adjustment / 100))
    if adjustment:
        reasons.append(Reason(R_MARKUP if adjustment > 0 else R_DISCOUNT,
                              {"percent": f"{adjustment:+}", "price": format_money(price)}))
    rule = _best_rule(connection, service, used_agreement, paid_personally,
                      _patient(connection, patient_id, service.organization_id), local)
    discount, rule_percent = Decimal(0), Decimal(0)
    if rule is not None:
        rule_percent = rule.percent
        if rule.percent > 0:
            discount = _round(price * quantity * rule.percent / 100)
            reasons.append(Reason(R_RULE, {"rule": rule.name, "percent": rule.percent, "amount": format_money(discount)}))
        else:
            price = _round(price * (1 - rule.percent / 100))
            reasons.append(Reason(R_RULE_MARKUP, {"rule": rule.name, "percent": -rule.percent,
                                                  "price": format_money(price)}))
    amount = price * quantity - discount
    checks = quota_checks(connection, service.organization_id, service_id=service.id, group_id=service.group_id,
                          department_id=service.department_id, payer_id=payer_id, agreement_id=used_agreement,
                          day=day, count=quantity, amount=amount)
    for check in checks:
        reasons.append(Reason(R_QUOTA, {"quota": check.name,
                                        "count": "\u221e" if check.remaining_count is None else check.remaining_count,
                                        "amount": "\u221e" if check.remaining_amount is None
                                        else format_money(check.remaining_amount)}))
    return Quote(service_id=service.id, quantity=quantity, payer_id=payer_id, agreement_id=used_agreement,
                 price_list_id=used_list, base_price=base, adjustment_percent=adjustment, price=price,
                 discount_rule_id=rule.id if rule is not None else None, discount_percent=rule_percent,
                 discount_amount=discount, amount=amount, reasons=tuple(reasons), quotas=tuple(checks))
