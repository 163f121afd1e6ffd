"""The service catalogue of an organization: groups, services (simple and complex, with the complex
ones' specifications), price lists and the prices in them by period.

Functions take the logged-in user's Connection (row-level security applies) and plain values; the
caller commits. Money is ``Decimal`` roubles with two places.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models.billing import PRICE_LIMIT
from shared.models.scheduling import SERVICE_KINDS, VAT_RATES
from shared.services.concurrency import stale

CENT = Decimal("0.01")


class InvalidCatalogueEntry(DomainError):
    """Raised with one of the messages below."""


NAME_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Enter the code and the name of the service.")
GROUP_NAME_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Enter the code and the name of the group.")
CODE_TAKEN = QT_TRANSLATE_NOOP("DomainError", "The code {code} is already used by another entry of the catalogue.")
BAD_DURATION = QT_TRANSLATE_NOOP("DomainError", "The duration is a whole number of minutes from 1 to 1440.")
BAD_AGES = QT_TRANSLATE_NOOP("DomainError", "The age limits are whole years from 0 to 150, the lower not above the upper.")
BAD_ACTIVE_PERIOD = QT_TRANSLATE_NOOP("DomainError", "The service stops being provided before it starts.")
BAD_KIND = QT_TRANSLATE_NOOP("DomainError", "Unknown kind of service or VAT rate.")
BAD_COMPONENT = QT_TRANSLATE_NOOP(
    "DomainError", "A specification lists simple services of the same organization, each once, in order; "
    "a complex service cannot be its own step.")
KIND_LOCKED = QT_TRANSLATE_NOOP(
    "DomainError", "This service is a step of a complex service or has a specification of its own: "
    "change the specification first.")
LIST_NAME_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Enter the name of the price list.")
LIST_NAME_TAKEN = QT_TRANSLATE_NOOP("DomainError", "A price list named {name} already exists.")


class InvalidPrice(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "A price is an amount of roubles and kopecks from 0 to 9 999 999.99 (entered: {value}).")


class PricePeriodOverlaps(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The price list already has a price of this service for part of that period "
        "(from {start}). Change that price's period first.")


class PricePeriodInvalid(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The price's period ends before it starts.")


def money(value: object, *, limit: int = PRICE_LIMIT) -> Decimal:
    """An amount entered by a person (``1200``, ``"1 200,50"``) as Decimal roubles below ``limit``;
    `InvalidPrice` otherwise."""
    raw = value
    if isinstance(value, str):
        value = value.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    try:
        amount = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except (InvalidOperation, ValueError):
        raise InvalidPrice(value=str(raw)) from None
    if not amount.is_finite() or amount < 0 or amount >= limit or amount != amount.quantize(CENT):
        raise InvalidPrice(value=str(raw))
    return amount.quantize(CENT, ROUND_HALF_UP)


# --- groups -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceGroupInfo:
    id: int
    code: str
    name: str


def groups(connection: Connection, organization_id: int) -> list[ServiceGroupInfo]:
    return [ServiceGroupInfo(*r) for r in connection.execute(text(
        "SELECT id, code, name FROM service_groups WHERE organization_id = :o ORDER BY code"),
        {"o": organization_id})]


def save_group(connection: Connection, organization_id: int, code: str, name: str,
               group_id: int | None = None) -> int:
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise InvalidCatalogueEntry(GROUP_NAME_REQUIRED)
    try:
        with connection.begin_nested():
            if group_id is None:
                return connection.execute(text(
                    "INSERT INTO service_groups (organization_id, code, name) VALUES (:o, :c, :n) RETURNING id"),
                    {"o": organization_id, "c": code, "n": name}).scalar_one()
            connection.execute(text("UPDATE service_groups SET code = :c, name = :n WHERE id = :id"),
                               {"c": code, "n": name, "id": group_id})
            return group_id
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "23505":
            raise InvalidCatalogueEntry(CODE_TAKEN, code=code) from None
        raise


# --- services ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceEntry:
    """What the catalogue edits about a service (scheduling reads the same row)."""

    id: int | None
    code: str
    name: str
    kind: str = "simple"
    group_id: int | None = None
    department_id: int | None = None
    duration_minutes: int = 15
    preparation: str = ""
    indications: str = ""
    contraindications: str = ""
    sex: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    vat_rate: str = "exempt"
    active_from: dt.date | None = None
    active_to: dt.date | None = None
    is_active: bool = True
    version: int = 0


_SERVICE_COLUMNS = ("code", "name", "kind", "group_id", "department_id", "duration_minutes", "preparation",
                    "indications", "contraindications", "sex", "age_min", "age_max", "vat_rate", "active_from",
                    "active_to", "is_active")


def services(connection: Connection, organization_id: int, *, include_inactive: bool = True) -> list[ServiceEntry]:
    rows = connection.execute(text(
        f"SELECT id, {', '.join(_SERVICE_COLUMNS)}, version FROM medical_services WHERE organization_id = :o "  # noqa: S608
        "AND (:all OR is_active) ORDER BY code"), {"o": organization_id, "all": include_inactive}).mappings()
    return [ServiceEntry(**r) for r in rows]


def service(connection: Connection, service_id: int) -> ServiceEntry | None:
    row = connection.execute(text(
        f"SELECT id, {', '.join(_SERVICE_COLUMNS)}, version FROM medical_services WHERE id = :id"),  # noqa: S608
        {"id": service_id}).mappings().first()
    return ServiceEntry(**row) if row else None


def _check_service(entry: ServiceEntry) -> dict:
    values = {c: getattr(entry, c) for c in _SERVICE_COLUMNS}
    values["code"], values["name"] = entry.code.strip(), entry.name.strip()
    if not values["code"] or not values["name"]:
        raise InvalidCatalogueEntry(NAME_REQUIRED)
    if entry.kind not in SERVICE_KINDS or entry.vat_rate not in VAT_RATES or entry.sex not in (None, "M", "F"):
        raise InvalidCatalogueEntry(BAD_KIND)
    if not isinstance(entry.duration_minutes, int) or not 0 < entry.duration_minutes <= 1440:
        raise InvalidCatalogueEntry(BAD_DURATION)
    for age in (entry.age_min, entry.age_max):
        if age is not None and not 0 <= age <= 150:
            raise InvalidCatalogueEntry(BAD_AGES)
    if entry.age_min is not None and entry.age_max is not None and entry.age_min > entry.age_max:
        raise InvalidCatalogueEntry(BAD_AGES)
    if entry.active_from and entry.active_to and entry.active_to < entry.active_from:
        raise InvalidCatalogueEntry(BAD_ACTIVE_PERIOD)
    return values


def save_service(connection: Connection, organization_id: int, entry: ServiceEntry) -> int:
    """Creates (``entry.id`` None) or updates a service at ``entry.version``."""
    values = _check_service(entry)
    try:
        with connection.begin_nested():
            if entry.id is None:
                return connection.execute(text(
                    f"INSERT INTO medical_services (organization_id, {', '.join(_SERVICE_COLUMNS)}) "  # noqa: S608
                    f"VALUES (:organization_id, {', '.join(':' + c for c in _SERVICE_COLUMNS)}) RETURNING id"),
                    {**values, "organization_id": organization_id}).scalar_one()
            done = connection.execute(text(
                f"UPDATE medical_services SET {', '.join(f'{c} = :{c}' for c in _SERVICE_COLUMNS)}, "  # noqa: S608
                "version = version + 1, updated_at = now() WHERE id = :id AND version = :version RETURNING id"),
                {**values, "id": entry.id, "version": entry.version}).first()
    except DBAPIError as error:
        state = getattr(error.orig, "sqlstate", None)
        if state == "23505":
            raise InvalidCatalogueEntry(CODE_TAKEN, code=values["code"]) from None
        if state == "MC034":
            raise InvalidCatalogueEntry(KIND_LOCKED) from None
        raise
    if done is None:
        exists = connection.scalar(text("SELECT 1 FROM medical_services WHERE id = :id"), {"id": entry.id})
        raise stale(connection, "medical_services", entry.id, exists is not None)
    return entry.id


@dataclass(frozen=True)
class Component:
    """A step of a complex service's specification."""

    service_id: int
    resource_id: int | None = None
    specialty_id: int | None = None
    duration_minutes: int | None = None
    optional: bool = False
    # Filled when read:
    service_code: str = ""
    service_name: str = ""


def specification(connection: Connection, complex_service_id: int) -> list[Component]:
    rows = connection.execute(text(
        "SELECT c.component_service_id AS service_id, c.resource_id, c.specialty_id, c.duration_minutes, "
        "c.optional, s.code AS service_code, s.name AS service_name FROM service_components c "
        "JOIN medical_services s ON s.id = c.component_service_id "
        "WHERE c.complex_service_id = :id ORDER BY c.position"), {"id": complex_service_id}).mappings()
    return [Component(**r) for r in rows]


@dataclass(frozen=True)
class StepPerformer:
    """Who a step of a specification needs: a specialty (any doctor of it), or one resource (an office, a
    device, a particular doctor)."""

    specialty_id: int | None
    resource_id: int | None
    name: str


def step_performers(connection: Connection, organization_id: int) -> list[StepPerformer]:
    """The specialties of the organization's staff, then its bookable resources, by name."""
    from shared.services.schedules import resources

    specialties = [StepPerformer(r.id, None, r.name) for r in connection.execute(text(
        "SELECT DISTINCT sp.id, sp.name FROM specialties sp JOIN staff_members s ON s.specialty_id = sp.id "
        "WHERE s.organization_id = :o ORDER BY sp.name"), {"o": organization_id})]
    return specialties + sorted((StepPerformer(None, r.id, r.name) for r in resources(connection, organization_id)),
                                key=lambda p: p.name)


def save_specification(connection: Connection, complex_service_id: int, steps: Sequence[Component]) -> None:
    """Replaces the specification of a complex service with ``steps`` in their order."""
    ids = [s.service_id for s in steps]
    if len(set(ids)) != len(ids) or complex_service_id in ids:
        raise InvalidCatalogueEntry(BAD_COMPONENT)
    for step in steps:
        if step.duration_minutes is not None and not 0 < step.duration_minutes <= 1440:
            raise InvalidCatalogueEntry(BAD_DURATION)
    owner = connection.execute(text("SELECT organization_id, kind FROM medical_services WHERE id = :id FOR UPDATE"),
                               {"id": complex_service_id}).first()
    if owner is None:
        raise stale(connection, "medical_services", complex_service_id, False)
    kinds = dict(connection.execute(text(
        "SELECT id, kind FROM medical_services WHERE id = ANY(:ids) AND organization_id = :o"),
        {"ids": ids, "o": owner.organization_id}).all())
    if owner.kind != "complex" or len(kinds) != len(ids) or any(k != "simple" for k in kinds.values()):
        raise InvalidCatalogueEntry(BAD_COMPONENT)
    try:
        with connection.begin_nested():
            connection.execute(text("DELETE FROM service_components WHERE complex_service_id = :id"),
                               {"id": complex_service_id})
            for position, step in enumerate(steps, start=1):
                connection.execute(text(
                    "INSERT INTO service_components (organization_id, complex_service_id, position, "
                    "component_service_id, resource_id, specialty_id, duration_minutes, optional) "
                    "VALUES (:o, :c, :p, :s, :r, :sp, :d, :opt)"),
                    {"o": owner.organization_id, "c": complex_service_id, "p": position, "s": step.service_id,
                     "r": step.resource_id, "sp": step.specialty_id, "d": step.duration_minutes,
                     "opt": step.optional})
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) in ("MC034", "23503"):
            raise InvalidCatalogueEntry(BAD_COMPONENT) from None
        raise


# --- price lists and prices -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PriceListInfo:
    id: int
    name: str
    is_default: bool
    note: str
    version: int


def price_lists(connection: Connection, organization_id: int) -> list[PriceListInfo]:
    return [PriceListInfo(*r) for r in connection.execute(text(
        "SELECT id, name, is_default, note, version FROM price_lists WHERE organization_id = :o "
        "ORDER BY NOT is_default, name"), {"o": organization_id})]


def save_price_list(connection: Connection, organization_id: int, name: str, *, is_default: bool = False,
                    note: str = "", list_id: int | None = None, version: int = 0) -> int:
    """Creates or renames a list; making it the default takes the mark from the previous default."""
    name = name.strip()
    if not name:
        raise InvalidCatalogueEntry(LIST_NAME_REQUIRED)
    try:
        with connection.begin_nested():
            if is_default:
                connection.execute(text(
                    "UPDATE price_lists SET is_default = false, version = version + 1 "
                    "WHERE organization_id = :o AND is_default AND id IS DISTINCT FROM :id"),
                    {"o": organization_id, "id": list_id})
            if list_id is None:
                return connection.execute(text(
                    "INSERT INTO price_lists (organization_id, name, is_default, note) VALUES (:o, :n, :d, :note) "
                    "RETURNING id"), {"o": organization_id, "n": name, "d": is_default, "note": note}).scalar_one()
            done = connection.execute(text(
                "UPDATE price_lists SET name = :n, is_default = :d, note = :note, version = version + 1, "
                "updated_at = now() WHERE id = :id AND version = :v RETURNING id"),
                {"n": name, "d": is_default, "note": note, "id": list_id, "v": version}).first()
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "23505":
            raise InvalidCatalogueEntry(LIST_NAME_TAKEN, name=name) from None
        raise
    if done is None:
        exists = connection.scalar(text("SELECT 1 FROM price_lists WHERE id = :id"), {"id": list_id})
        raise stale(connection, "price_lists", list_id, exists is not None)
    return list_id


def default_price_list(connection: Connection, organization_id: int) -> int | None:
    return connection.scalar(text("SELECT id FROM price_lists WHERE organization_id = :o AND is_default"),
                             {"o": organization_id})


@dataclass(frozen=True)
class PriceEntry:
    id: int
    service_id: int
    service_code: str
    service_name: str
    valid_from: dt.date
    valid_to: dt.date | None  # inclusive; None = until changed
    amount: Decimal


def prices(connection: Connection, price_list_id: int, *, on: dt.date | None = None) -> list[PriceEntry]:
    """The list's prices (all periods, or those in force ``on`` a day), by service code then period."""
    rows = connection.execute(text(
        "SELECT p.id, p.service_id, s.code, s.name, lower(p.valid), upper(p.valid) - 1, p.amount "
        "FROM prices p JOIN medical_services s ON s.id = p.service_id WHERE p.price_list_id = :l "
        "AND (CAST(:d AS date) IS NULL OR p.valid @> CAST(:d AS date)) ORDER BY s.code, lower(p.valid)"),
        {"l": price_list_id, "d": on})
    return [PriceEntry(*r) for r in rows]


def price_on(connection: Connection, price_list_id: int, service_id: int, day: dt.date) -> Decimal | None:
    return connection.scalar(text(
        "SELECT amount FROM prices WHERE price_list_id = :l AND service_id = :s AND valid @> CAST(:d AS date)"),
        {"l": price_list_id, "s": service_id, "d": day})


def set_price(connection: Connection, price_list_id: int, service_id: int, amount: object, valid_from: dt.date,
              valid_to: dt.date | None = None) -> int:
    """Adds a price from ``valid_from`` (to ``valid_to`` inclusive, or until changed). A price in force until
    changed that started earlier is closed the day before (and, for a bounded new price, resumes the day
    after it); any other overlap is refused with the period it collides with (nothing is changed)."""
    value = money(amount)
    if valid_to is not None and valid_to < valid_from:
        raise PricePeriodInvalid()
    organization_id = connection.scalar(text("SELECT organization_id FROM price_lists WHERE id = :l"),
                                        {"l": price_list_id})
    if organization_id is None:
        raise stale(connection, "price_lists", price_list_id, False)
    try:
        with connection.begin_nested():
            closed = connection.execute(text(
                "UPDATE prices SET valid = daterange(lower(valid), CAST(:f AS date)) "
                "WHERE price_list_id = :l AND service_id = :s AND upper_inf(valid) AND lower(valid) < :f "
                "RETURNING amount"), {"l": price_list_id, "s": service_id, "f": valid_from}).first()
            if closed is not None and valid_to is not None:
                # A price for a period inside one in force until changed: the old price resumes after it.
                connection.execute(text(
                    "INSERT INTO prices (organization_id, price_list_id, service_id, valid, amount) "
                    "VALUES (:o, :l, :s, daterange(CAST(:t AS date) + 1, NULL), :a)"),
                    {"o": organization_id, "l": price_list_id, "s": service_id, "t": valid_to, "a": closed.amount})
            return connection.execute(text(
                "INSERT INTO prices (organization_id, price_list_id, service_id, valid, amount) "
                "VALUES (:o, :l, :s, daterange(CAST(:f AS date), CAST(:t AS date) + 1), :a) RETURNING id"),
                {"o": organization_id, "l": price_list_id, "s": service_id, "f": valid_from, "t": valid_to,
                 "a": value}).scalar_one()
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "23P01":
            start = connection.scalar(text(
                "SELECT min(lower(valid)) FROM prices WHERE price_list_id = :l AND service_id = :s "
                "AND valid && daterange(CAST(:f AS date), CAST(:t AS date) + 1)"),
                {"l": price_list_id, "s": service_id, "f": valid_from, "t": valid_to})
            raise PricePeriodOverlaps(start=start.strftime("%d.%m.%Y") if start else "?") from None
        raise


def delete_price(connection: Connection, price_id: int) -> None:
    """Deletes a price. When it was the latest (in force until changed) and `set_price` had closed the one
    before it, that one is in force again (no day is left without a price by the deletion)."""
    row = connection.execute(text(
        "DELETE FROM prices WHERE id = :id RETURNING price_list_id, service_id, lower(valid) AS f, "
        "upper_inf(valid) AS open"), {"id": price_id}).first()
    if row is not None and row.open:
        connection.execute(text(
            "UPDATE prices SET valid = daterange(lower(valid), NULL) WHERE price_list_id = :l AND service_id = :s "
            "AND upper(valid) = :f"), {"l": row.price_list_id, "s": row.service_id, "f": row.f})
