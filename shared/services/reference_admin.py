"""Editing the reference data: organizations, departments, offices, specialties, positions, staff
members, medical card types and cash desks (the administrator's job; the permission matrix grants it).

Every function takes a SQLAlchemy Connection (a unit of work's ``session.connection()``) and plain
values; the caller commits. Values are checked here first, so a person gets a message naming the
field; the database's own constraints stay the last line of defence, and what they refuse is turned
into a `DomainError` too -- never an SQL error on screen.

Optimistic locking: `get_record` returns the row's ``version`` column. `update` and `set_active`
take it back and refuse with
`ConcurrentEdit` -- naming who changed the row and when, from the audit trail -- if the row changed
meanwhile. Rows that other rows refer to are deactivated, not deleted; `delete` refuses with `InUse`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import psycopg
from sqlalchemy import Connection, Table, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.identifiers import is_valid_inn, is_valid_ogrn
from shared.models import (
    CashDesk,
    Department,
    MedicalCardType,
    Office,
    Organization,
    Position,
    Specialty,
    StaffMember,
)
from shared.models.organization import DEPARTMENT_KINDS
from shared.services.concurrency import ConcurrentEdit, ConcurrentEditUnknown, RecordGone, last_change  # noqa: F401 - re-exported
from shared.services.users import NotPermitted

FLOOR_RANGE = (-5, 150)
SORT_ORDER_RANGE = (-100_000, 100_000)
EARLIEST_DATE = dt.date(1900, 1, 1)
#: A fiscal registrar's factory number: ASCII digits only ('' = any registrar).
REGISTRAR_SERIAL_DIGITS = 20
_SERIAL = re.compile(rf"[0-9]{{1,{REGISTRAR_SERIAL_DIGITS}}}")
#: OKPO: 8 digits for an organization, 10 for an individual entrepreneur ('' = not known).
_OKPO = re.compile(r"[0-9]{8}|[0-9]{10}")


# --- Errors --------------------------------------------------------------------------------------


class _FieldError(DomainError):
    translatable_params = ("field",)


class BlankField(_FieldError):
    message = QT_TRANSLATE_NOOP("DomainError", "\u201c{field}\u201d must be filled in.")


class TooLong(_FieldError):
    message = QT_TRANSLATE_NOOP("DomainError", "\u201c{field}\u201d is too long: at most {limit} characters.")


class ControlCharacters(_FieldError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "\u201c{field}\u201d contains control characters (such as tabs or line breaks) that are not "
        "allowed there."
    )


class InvalidInn(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The INN must have 10 or 12 digits with correct check digits.")


class InvalidOgrn(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The OGRN must have 13 digits (15 for an individual entrepreneur) with a correct check digit."
    )


class InvalidTimeZone(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "\u201c{zone}\u201d is not a known time zone; use a name such as Europe/Moscow."
    )


class InvalidUnpaidRule(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "Unpaid services are either refused or performed after a warning (given: \u201c{rule}\u201d).")


class InvalidDepartmentKind(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "Unknown kind of department: \u201c{kind}\u201d.")


class OutOfRange(_FieldError):
    message = QT_TRANSLATE_NOOP("DomainError", "\u201c{field}\u201d must be between {low} and {high}.")


class DismissedBeforeHired(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The dismissal date cannot be earlier than the hiring date.")


class AlreadyExists(_FieldError):
    message = QT_TRANSLATE_NOOP("DomainError", "A record with this \u201c{field}\u201d already exists.")


class InUse(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "This record is used by other records and cannot be deleted. Deactivate it instead "
        "where the list allows it."
    )


class MissingReference(_FieldError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The chosen \u201c{field}\u201d does not exist any more. Reload and choose again."
    )


class OtherOrganization(_FieldError):
    message = QT_TRANSLATE_NOOP("DomainError", "The chosen \u201c{field}\u201d belongs to another organization.")


class DepartmentCycle(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "A department cannot be part of itself or of its own subdivision.")


class NotDigits(_FieldError):
    message = QT_TRANSLATE_NOOP("DomainError", "\u201c{field}\u201d may contain only digits, at most {limit} of them.")


class InvalidOkpo(_FieldError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "\u201c{field}\u201d must have 8 digits (10 for an individual entrepreneur) or be left empty."
    )


class NotDeactivatable(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "Records of this list cannot be deactivated.")


# --- Values ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganizationValues:
    name: str
    short_name: str
    inn: str
    ogrn: str | None = None
    address: str = ""
    phone: str = ""
    time_zone: str = "Europe/Moscow"
    is_active: bool = True
    #: Performing a service that is neither paid nor covered: 'block' refuses it, 'warn' asks the doctor.
    unpaid_performance: str = "block"


#: The choices of ``OrganizationValues.unpaid_performance``.
UNPAID_PERFORMANCE_RULES = ("block", "warn")


@dataclass(frozen=True)
class DepartmentValues:
    organization_id: int
    name: str
    kind: str = "outpatient"
    parent_id: int | None = None
    is_active: bool = True


@dataclass(frozen=True)
class OfficeValues:
    organization_id: int
    number: str
    name: str
    department_id: int | None = None
    floor: int | None = None
    equipment_notes: str = ""
    is_active: bool = True


@dataclass(frozen=True)
class CashDeskValues:
    organization_id: int
    name: str
    registrar_serial: str = ""
    okpo: str = ""
    is_active: bool = True


@dataclass(frozen=True)
class SpecialtyValues:
    code: str
    name: str
    is_medical: bool = True


@dataclass(frozen=True)
class PositionValues:
    name: str
    is_medical: bool = False


@dataclass(frozen=True)
class StaffValues:
    organization_id: int
    position_id: int
    last_name: str
    first_name: str
    hired_on: dt.date
    middle_name: str = ""
    department_id: int | None = None
    specialty_id: int | None = None
    dismissed_on: dt.date | None = None


@dataclass(frozen=True)
class Record:
    """A row as the edit dialog needs it: its values and the version to hand back on saving."""

    kind: str
    id: int
    version: int
    values: Any


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    organization_id: int | None = None
    is_active: bool = True


@dataclass(frozen=True)
class Choices:
    """What the edit dialogs offer in their drop-down lists."""

    organizations: tuple[Choice, ...]
    departments: tuple[Choice, ...]
    positions: tuple[Choice, ...]
    specialties: tuple[Choice, ...]
    time_zones: tuple[str, ...] = field(default_factory=tuple)


# --- Kinds -----------------------------------------------------------------------------------------

#: Field labels, as source texts of the DomainError context (they are filled into messages).
LABELS: Mapping[str, str] = {
    "name": QT_TRANSLATE_NOOP("DomainError", "Name"),
    "short_name": QT_TRANSLATE_NOOP("DomainError", "Short name"),
    "inn": QT_TRANSLATE_NOOP("DomainError", "INN"),
    "ogrn": QT_TRANSLATE_NOOP("DomainError", "OGRN"),
    "address": QT_TRANSLATE_NOOP("DomainError", "Address"),
    "phone": QT_TRANSLATE_NOOP("DomainError", "Phone"),
    "time_zone": QT_TRANSLATE_NOOP("DomainError", "Time zone"),
    "organization_id": QT_TRANSLATE_NOOP("DomainError", "Organization"),
    "parent_id": QT_TRANSLATE_NOOP("DomainError", "Part of"),
    "department_id": QT_TRANSLATE_NOOP("DomainError", "Department"),
    "position_id": QT_TRANSLATE_NOOP("DomainError", "Position"),
    "specialty_id": QT_TRANSLATE_NOOP("DomainError", "Specialty"),
    "number": QT_TRANSLATE_NOOP("DomainError", "Number"),
    "floor": QT_TRANSLATE_NOOP("DomainError", "Floor"),
    "equipment_notes": QT_TRANSLATE_NOOP("DomainError", "Equipment"),
    "code": QT_TRANSLATE_NOOP("DomainError", "Code"),
    "form_number": QT_TRANSLATE_NOOP("DomainError", "Form"),
    "sort_order": QT_TRANSLATE_NOOP("DomainError", "Order"),
    "last_name": QT_TRANSLATE_NOOP("DomainError", "Last name"),
    "first_name": QT_TRANSLATE_NOOP("DomainError", "First name"),
    "middle_name": QT_TRANSLATE_NOOP("DomainError", "Middle name"),
    "hired_on": QT_TRANSLATE_NOOP("DomainError", "Hired"),
    "dismissed_on": QT_TRANSLATE_NOOP("DomainError", "Dismissed"),
    "registrar_serial": QT_TRANSLATE_NOOP("DomainError", "Registrar No."),
    "okpo": QT_TRANSLATE_NOOP("DomainError", "OKPO"),
}


@dataclass(frozen=True)
class CardTypeValues:
    code: str
    name: str
    form_number: str = ""
    is_active: bool = True
    sort_order: int = 0


@dataclass(frozen=True)
class _Kind:
    table: Table
    values: type
    required: tuple[str, ...]
    #: Free-text fields where line breaks and tabs are fine.
    multiline: tuple[str, ...] = ()
    check: Callable[[Connection, Any, int | None], None] | None = None


def _label(name: str) -> str:
    return LABELS.get(name, name)


def _kinds() -> dict[str, _Kind]:
    return {
        "organizations": _Kind(Organization.__table__, OrganizationValues, ("name", "short_name", "inn"),
                               ("address",), _check_organization),
        "departments": _Kind(Department.__table__, DepartmentValues, ("name",), (), _check_department),
        "offices": _Kind(Office.__table__, OfficeValues, ("number", "name"), ("equipment_notes",), _check_office),
        "specialties": _Kind(Specialty.__table__, SpecialtyValues, ("code", "name")),
        "positions": _Kind(Position.__table__, PositionValues, ("name",)),
        "staff": _Kind(StaffMember.__table__, StaffValues, ("last_name", "first_name"), (), _check_staff),
        "card_types": _Kind(MedicalCardType.__table__, CardTypeValues, ("code", "name"), (), _check_card_type),
        "cash_desks": _Kind(CashDesk.__table__, CashDeskValues, ("name",), (), _check_cash_desk),
    }


KINDS: tuple[str, ...] = ("organizations", "departments", "offices", "specialties", "positions", "staff", "card_types",
                          "cash_desks")


def _kind(kind: str) -> _Kind:
    try:
        return _kinds()[kind]
    except KeyError:
        raise ValueError(f"unknown reference kind {kind!r}") from None


# --- Checks ----------------------------------------------------------------------------------------


def _clean_text(table: Table, name: str, value: Any, *, required: bool, multiline: bool) -> str | None:
    if value is None:
        if required:
            raise BlankField(field=_label(name))
        return None
    value = str(value).strip()
    if required and not value:
        raise BlankField(field=_label(name))
    allowed = "\n\t" if multiline else ""
    # PostgreSQL cannot store NUL at all; other control characters only make the data unreadable.
    if any(unicodedata.category(c) == "Cc" and c not in allowed for c in value):
        raise ControlCharacters(field=_label(name))
    limit = getattr(table.c[name].type, "length", None)
    if limit is not None and len(value) > limit:
        raise TooLong(field=_label(name), limit=limit)
    return value


def _clean(kind: _Kind, values: Any) -> dict[str, Any]:
    """The values as columns: text stripped and checked against the column lengths."""
    if not isinstance(values, kind.values):
        raise TypeError(f"expected {kind.values.__name__}")
    row = dataclasses.asdict(values)
    for name, value in row.items():
        column = kind.table.c[name]
        if isinstance(value, str) or (value is None and name in kind.required):
            row[name] = _clean_text(kind.table, name, value, required=name in kind.required,
                                    multiline=name in kind.multiline)
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int) and column.type.python_type is int:
            continue
        elif isinstance(value, dt.date) and not isinstance(value, dt.datetime) and column.type.python_type is dt.date:
            continue
        else:
            raise TypeError(f"{name}: unexpected {type(value).__name__}")
    return row


def _in_range(name: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise OutOfRange(field=_label(name), low=low, high=high)


def _check_organization(conn: Connection, row: dict, row_id: int | None) -> None:
    if not is_valid_inn(row["inn"]):
        raise InvalidInn()
    row["ogrn"] = row["ogrn"] or None
    if row["ogrn"] is not None and not is_valid_ogrn(row["ogrn"]):
        raise InvalidOgrn()
    if row["unpaid_performance"] not in UNPAID_PERFORMANCE_RULES:
        raise InvalidUnpaidRule(rule=row["unpaid_performance"])
    zone = row["time_zone"] or ""
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise InvalidTimeZone(zone=zone) from None
    if zone not in zoneinfo.available_timezones():
        raise InvalidTimeZone(zone=zone)


def _organization_of(conn: Connection, table: Table, name: str, row_id: int | None) -> int | None:
    if row_id is None:
        return None
    found = conn.execute(select(table.c.organization_id).where(table.c.id == row_id)).first()
    if found is None:
        raise MissingReference(field=_label(name))
    return found[0]


def _check_same_organization(conn: Connection, row: dict, name: str) -> None:
    org = _organization_of(conn, Department.__table__, name, row.get(name))
    if org is not None and org != row["organization_id"]:
        raise OtherOrganization(field=_label(name))


def _require_exists(conn: Connection, table: Table, name: str, row_id: int | None) -> None:
    if row_id is not None and conn.scalar(select(table.c.id).where(table.c.id == row_id)) is None:
        raise MissingReference(field=_label(name))


def _check_department(conn: Connection, row: dict, row_id: int | None) -> None:
    if row["kind"] not in DEPARTMENT_KINDS:
        raise InvalidDepartmentKind(kind=row["kind"])
    _require_exists(conn, Organization.__table__, "organization_id", row["organization_id"])
    parent = row["parent_id"]
    if parent is None:
        return
    _check_same_organization(conn, row, "parent_id")
    if row_id is not None:
        ancestors = conn.scalars(text(
            "WITH RECURSIVE up(id, parent_id) AS ("
            " SELECT id, parent_id FROM departments WHERE id = :p"
            " UNION SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id)"
            " SELECT id FROM up"
        ), {"p": parent}).all()
        if row_id in ancestors:
            raise DepartmentCycle()


def _check_office(conn: Connection, row: dict, row_id: int | None) -> None:
    _in_range("floor", row["floor"], *FLOOR_RANGE)
    _require_exists(conn, Organization.__table__, "organization_id", row["organization_id"])
    _check_same_organization(conn, row, "department_id")


def _check_staff(conn: Connection, row: dict, row_id: int | None) -> None:
    latest = dt.date.today() + dt.timedelta(days=366)
    for name in ("hired_on", "dismissed_on"):
        day = row[name]
        if name == "hired_on" and day is None:
            raise BlankField(field=_label(name))
        if day is not None and not EARLIEST_DATE <= day <= latest:
            raise OutOfRange(field=_label(name), low=EARLIEST_DATE.strftime("%d.%m.%Y"),
                             high=latest.strftime("%d.%m.%Y"))
    if row["dismissed_on"] is not None and row["dismissed_on"] < row["hired_on"]:
        raise DismissedBeforeHired()
    _require_exists(conn, Organization.__table__, "organization_id", row["organization_id"])
    _require_exists(conn, Position.__table__, "position_id", row["position_id"])
    _require_exists(conn, Specialty.__table__, "specialty_id", row["specialty_id"])
    _check_same_organization(conn, row, "department_id")


def _check_card_type(conn: Connection, row: dict, row_id: int | None) -> None:
    _in_range("sort_order", row["sort_order"], *SORT_ORDER_RANGE)


def _check_cash_desk(conn: Connection, row: dict, row_id: int | None) -> None:
    # fullmatch on ASCII digits: str.isdigit() would let full-width and superscript digits through.
    if row["registrar_serial"] and not _SERIAL.fullmatch(row["registrar_serial"]):
        raise NotDigits(field=_label("registrar_serial"), limit=REGISTRAR_SERIAL_DIGITS)
    if row["okpo"] and not _OKPO.fullmatch(row["okpo"]):
        raise InvalidOkpo(field=_label("okpo"))
    if row["organization_id"] is None:
        raise BlankField(field=_label("organization_id"))
    _require_exists(conn, Organization.__table__, "organization_id", row["organization_id"])


# --- Database errors -------------------------------------------------------------------------------


def _constraint_field(table: Table, constraint: str) -> str:
    """The field a constraint is about: the last column of the table its name mentions."""
    columns = sorted(table.c.keys(), key=len, reverse=True)
    if constraint.startswith(f"fk_{table.name}_"):  # fk_<table>_<column>_<referred table>
        suffix = constraint.removeprefix(f"fk_{table.name}_")
        return next((c for c in columns if suffix.startswith(c)), "name")
    # uq_<table>_<columns joined by _>: the last column tells one row from another
    suffix = constraint.removeprefix(f"uq_{table.name}_")
    return next((c for c in columns if suffix.endswith(c)), "name")


def _execute(conn: Connection, table: Table, stmt, *, deleting: bool = False):
    """Runs ``stmt`` in a savepoint, turning what the database refuses into a DomainError."""
    try:
        with conn.begin_nested():
            return conn.execute(stmt)
    except DBAPIError as exc:
        orig = exc.orig
        state = getattr(orig, "sqlstate", None)
        diag = orig.diag if isinstance(orig, psycopg.Error) else None
        constraint = (diag.constraint_name if diag else None) or ""
        if state == "23505":
            raise AlreadyExists(field=_label(_constraint_field(table, constraint))) from None
        if state == "23503":
            if deleting or not constraint.startswith(f"fk_{table.name}_"):
                raise InUse() from None
            raise MissingReference(field=_label(_constraint_field(table, constraint))) from None
        if state == "42501":
            raise NotPermitted() from None
        if state == "23514" and constraint == "ck_staff_members_dismissed_after_hired":
            raise DismissedBeforeHired() from None
        if state == "22001":  # a limit this module does not know of
            raise TooLong(field=_label("name"), limit="?") from None
        raise


# --- Optimistic locking ----------------------------------------------------------------------------


def _version_expr(table: Table):
    return table.c.version


def _stale(conn: Connection, table: Table, row_id: int) -> DomainError:
    """Why an update matched no row: deleted, or changed by someone -- who and when, if the trail says."""
    if conn.scalar(select(table.c.id).where(table.c.id == row_id)) is None:
        return RecordGone()
    last = last_change(conn, table.name, row_id)
    if last is None:
        return ConcurrentEditUnknown()
    who, when = last
    return ConcurrentEdit(user=who, time=when)


# --- Public API ------------------------------------------------------------------------------------


def create(conn: Connection, kind: str, values: Any) -> int:
    """Inserts a row of ``kind`` (one of KINDS) from its ``*Values``; returns the new id."""
    spec = _kind(kind)
    row = _clean(spec, values)
    if spec.check:
        spec.check(conn, row, None)
    return _execute(conn, spec.table, insert(spec.table).values(**row).returning(spec.table.c.id)).scalar_one()


def update_record(conn: Connection, kind: str, row_id: int, values: Any, *, version: int) -> None:
    """Saves ``values`` over the row read at ``version``; `ConcurrentEdit` if it changed meanwhile."""
    spec = _kind(kind)
    row = _clean(spec, values)
    if spec.check:
        spec.check(conn, row, row_id)
    _update(conn, spec.table, row_id, row, version)


def _update(conn: Connection, table: Table, row_id: int, row: dict, version: int) -> None:
    changes = dict(row)
    changes["version"] = table.c.version + 1
    if "updated_at" in table.c:
        changes["updated_at"] = func.now()
    stmt = update(table).where(table.c.id == row_id, _version_expr(table) == version).values(**changes)
    if _execute(conn, table, stmt).rowcount != 1:
        raise _stale(conn, table, row_id)


def set_active(conn: Connection, kind: str, row_id: int, active: bool, *, version: int) -> None:
    """Deactivates (or reactivates) a row that other rows may refer to."""
    spec = _kind(kind)
    if "is_active" not in spec.table.c:
        raise NotDeactivatable()
    _update(conn, spec.table, row_id, {"is_active": bool(active)}, version)


def delete(conn: Connection, kind: str, row_id: int) -> None:
    """Deletes a row nothing refers to; `InUse` otherwise (deactivate it instead)."""
    spec = _kind(kind)
    deleted = _execute(conn, spec.table, spec.table.delete().where(spec.table.c.id == row_id), deleting=True)
    if deleted.rowcount != 1:
        raise RecordGone()


def get_record(conn: Connection, kind: str, row_id: int) -> Record:
    """The row's editable values and version, for an edit dialog."""
    spec = _kind(kind)
    names = [f.name for f in dataclasses.fields(spec.values)]
    found = conn.execute(
        select(*(spec.table.c[n] for n in names), _version_expr(spec.table).label("row_version"))
        .where(spec.table.c.id == row_id)
    ).mappings().first()
    if found is None:
        raise RecordGone()
    values = spec.values(**{n: (found[n] if found[n] is not None or n not in _TEXT_DEFAULTS else "")
                            for n in names})
    return Record(kind, row_id, found["row_version"], values)


# Nullable text columns the dialogs treat as empty strings.
_TEXT_DEFAULTS = frozenset({"address", "phone", "equipment_notes", "middle_name", "form_number"})


def choices(conn: Connection) -> Choices:
    """Lists for the dialogs' drop-downs (inactive entries included, marked)."""
    orgs = conn.execute(select(Organization.id, Organization.short_name, Organization.is_active)
                        .order_by(Organization.short_name)).all()
    depts = conn.execute(select(Department.id, Department.name, Department.organization_id, Department.is_active)
                         .order_by(Department.name)).all()
    positions = conn.execute(select(Position.id, Position.name).order_by(Position.name)).all()
    specialties = conn.execute(select(Specialty.id, Specialty.name).order_by(Specialty.name)).all()
    return Choices(
        organizations=tuple(Choice(i, n, i, a) for i, n, a in orgs),
        departments=tuple(Choice(i, n, o, a) for i, n, o, a in depts),
        positions=tuple(Choice(i, n) for i, n in positions),
        specialties=tuple(Choice(i, n) for i, n in specialties),
        time_zones=tuple(sorted(z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith("Etc/"))),
    )


@dataclass(frozen=True)
class SpecialtyRow:
    id: int
    code: str
    name: str
    is_medical: bool


@dataclass(frozen=True)
class PositionRow:
    id: int
    name: str
    is_medical: bool


@dataclass(frozen=True)
class CashDeskRow:
    id: int
    organization: str
    name: str
    registrar_serial: str
    okpo: str
    is_active: bool


def list_specialties(conn: Connection) -> tuple[SpecialtyRow, ...]:
    stmt = select(Specialty.id, Specialty.code, Specialty.name, Specialty.is_medical).order_by(Specialty.name)
    return tuple(SpecialtyRow(*r) for r in conn.execute(stmt))


def list_positions(conn: Connection) -> tuple[PositionRow, ...]:
    stmt = select(Position.id, Position.name, Position.is_medical).order_by(Position.name)
    return tuple(PositionRow(*r) for r in conn.execute(stmt))


def list_cash_desks(conn: Connection) -> tuple[CashDeskRow, ...]:
    """The cash desks of the organizations the user works for (inactive ones included)."""
    stmt = (
        select(CashDesk.id, Organization.short_name, CashDesk.name, CashDesk.registrar_serial, CashDesk.okpo,
               CashDesk.is_active)
        .join(Organization, Organization.id == CashDesk.organization_id)
        .order_by(Organization.short_name, CashDesk.name, CashDesk.id)
    )
    return tuple(CashDeskRow(*r) for r in conn.execute(stmt))
