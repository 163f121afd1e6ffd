"""Medicinal prescriptions of a visit record: the drug as the doctor writes it (free text, with the
international name when a trade name is written) and its structured part -- dose and unit, route,
frequency (times a day, or as written: "every 8 h"), duration in days, start date, as needed -- plus
instructions.

A prescription belongs to its visit record: added, changed and removed while the record is a draft, by
its author; a signed record's prescriptions only end (cancelled with a reason, or completed). A correction
of a signed record starts with its prescriptions (the database copies them). The database keeps the same
rules whoever writes (migrations/sql/0010_clinical_orders.sql: MC070..MC075 and CHECK constraints) and
the card-type row security decides whose prescriptions a user sees.

Plain functions taking a SQLAlchemy ``Connection``; the caller commits (one unit of work per action).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models.clinical import DOSE_UNITS, PRESCRIPTION_STATUSES, ROUTES
from shared.services import visit_records as vr
from shared.services.appointments import check_prescriber
from shared.services.concurrency import stale
from shared.services.refusals import audited_refusals

__all__ = [
    "DOSE_UNITS",
    "PRESCRIPTION_STATUSES",
    "ROUTES",
    "MedicationInput",
    "Prescription",
    "PrescriptionRefused",
    "add",
    "change",
    "end",
    "format_prescription",
    "prescription",
    "prescriptions_of_patient",
    "prescriptions_of_record",
    "remove",
    "validate",
]

MAX_DURATION_DAYS = 365
MAX_TIMES_PER_DAY = 24
_DOSE_LIMIT = Decimal("1000000")


class PrescriptionRefused(DomainError):
    """Raised with one of the messages below."""


DRUG_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Write the name of the medication.")
BAD_DOSE = QT_TRANSLATE_NOOP(
    "DomainError", "The dose is a number above zero, such as 500 or 0.25 (entered: {value}).")
UNIT_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Choose the unit of the dose (mg, ml, tablets, ...).")
DOSE_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "A unit of the dose is chosen: write the dose itself too.")
BAD_UNIT = QT_TRANSLATE_NOOP(
    "DomainError", "\u201c{unit}\u201d is not a unit of dose. Choose one of: {units}.")
BAD_ROUTE = QT_TRANSLATE_NOOP(
    "DomainError", "\u201c{route}\u201d is not a route of administration. Choose one of the list.")
BAD_TIMES = QT_TRANSLATE_NOOP("DomainError", "Times a day is a whole number from 1 to 24 (entered: {value}).")
BAD_DURATION = QT_TRANSLATE_NOOP(
    "DomainError", "The duration is a whole number of days from 1 to 365 (entered: {value}).")
BAD_START = QT_TRANSLATE_NOOP("DomainError", "The start of the course is not a date.")
TEXT_TOO_LONG = QT_TRANSLATE_NOOP("DomainError", "The {field} is too long: at most {limit} characters.")
REASON_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Say why the prescription is cancelled.")
BAD_END = QT_TRANSLATE_NOOP("DomainError", "A prescription ends as cancelled or completed.")
ALREADY_ENDED = QT_TRANSLATE_NOOP("DomainError", "This prescription is already {status}.")
SIGNED_ONLY_ENDS = QT_TRANSLATE_NOOP(
    "DomainError", "This record was signed on {when} by {who}: its prescriptions can no longer be changed, only "
    "cancelled or completed. To change them, write a correction of the record.")
PRESCRIPTION_GONE = QT_TRANSLATE_NOOP(
    "DomainError", "This prescription no longer exists or is not available to you. Reload the record.")

STATUS_NAMES = {
    "active": QT_TRANSLATE_NOOP("DomainError", "active"),
    "cancelled": QT_TRANSLATE_NOOP("DomainError", "cancelled"),
    "completed": QT_TRANSLATE_NOOP("DomainError", "completed"),
}
FIELD_NAMES = {
    "drug_name": QT_TRANSLATE_NOOP("DomainError", "name of the medication"),
    "inn": QT_TRANSLATE_NOOP("DomainError", "international name"),
    "form": QT_TRANSLATE_NOOP("DomainError", "dosage form"),
    "frequency_text": QT_TRANSLATE_NOOP("DomainError", "frequency"),
}
_LIMITS = {"drug_name": 200, "inn": 200, "form": 60, "frequency_text": 100}

#: How a route reads in a prescription ("Amoxicillin 500 mg orally ...").
ROUTE_PHRASES = {
    "oral": QT_TRANSLATE_NOOP("Prescription", "orally"),
    "sublingual": QT_TRANSLATE_NOOP("Prescription", "sublingually"),
    "intravenous": QT_TRANSLATE_NOOP("Prescription", "intravenously"),
    "intramuscular": QT_TRANSLATE_NOOP("Prescription", "intramuscularly"),
    "subcutaneous": QT_TRANSLATE_NOOP("Prescription", "subcutaneously"),
    "topical": QT_TRANSLATE_NOOP("Prescription", "topically"),
    "inhalation": QT_TRANSLATE_NOOP("Prescription", "by inhalation"),
    "rectal": QT_TRANSLATE_NOOP("Prescription", "rectally"),
    "ophthalmic": QT_TRANSLATE_NOOP("Prescription", "into the eyes"),
    "nasal": QT_TRANSLATE_NOOP("Prescription", "into the nose"),
    "other": "",
}
#: The routes' names for a list to choose from.
ROUTE_NAMES = {
    "oral": QT_TRANSLATE_NOOP("Prescription", "oral"),
    "sublingual": QT_TRANSLATE_NOOP("Prescription", "sublingual"),
    "intravenous": QT_TRANSLATE_NOOP("Prescription", "intravenous"),
    "intramuscular": QT_TRANSLATE_NOOP("Prescription", "intramuscular"),
    "subcutaneous": QT_TRANSLATE_NOOP("Prescription", "subcutaneous"),
    "topical": QT_TRANSLATE_NOOP("Prescription", "topical"),
    "inhalation": QT_TRANSLATE_NOOP("Prescription", "inhalation"),
    "rectal": QT_TRANSLATE_NOOP("Prescription", "rectal"),
    "ophthalmic": QT_TRANSLATE_NOOP("Prescription", "ophthalmic"),
    "nasal": QT_TRANSLATE_NOOP("Prescription", "nasal"),
    "other": QT_TRANSLATE_NOOP("Prescription", "other"),
}
_ONCE = QT_TRANSLATE_NOOP("Prescription", "once a day")
_TWICE = QT_TRANSLATE_NOOP("Prescription", "twice a day")
_TIMES = QT_TRANSLATE_NOOP("Prescription", "{n} times a day")
_AS_NEEDED = QT_TRANSLATE_NOOP("Prescription", "as needed")
_ONE_DAY = QT_TRANSLATE_NOOP("Prescription", "1 day")
_DAYS = QT_TRANSLATE_NOOP("Prescription", "{n} days")
_FROM = QT_TRANSLATE_NOOP("Prescription", "from {date}")


@dataclass(frozen=True)
class MedicationInput:
    """What the doctor writes; `validate` returns it normalized (trimmed, the dose as a Decimal)."""

    drug_name: str
    inn: str = ""
    form: str = ""
    dose_amount: Decimal | int | float | str | None = None
    dose_unit: str = ""
    route: str = "oral"
    times_per_day: int | None = None
    frequency_text: str = ""
    duration_days: int | None = None
    start_on: dt.date | None = None
    as_needed: bool = False
    instructions: str = ""


@dataclass(frozen=True)
class Prescription:
    id: int
    version: int  # optimistic locking: pass it back to change / end
    record_id: int
    card_id: int
    patient_id: int
    drug_name: str
    inn: str
    form: str
    dose_amount: Decimal | None
    dose_unit: str
    route: str
    times_per_day: int | None
    frequency_text: str
    duration_days: int | None
    start_on: dt.date | None
    as_needed: bool
    instructions: str
    status: str  # active | cancelled | completed
    cancel_reason: str
    created_by: int | None
    created_at: dt.datetime

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @property
    def text(self) -> str:
        return format_prescription(self)


def _refused(message: str, **params) -> PrescriptionRefused:
    error = PrescriptionRefused(message, **params)
    error.translatable_params = ("status", "field")
    return error


# --- validation and wording ----------------------------------------------------------------------------------

def _whole(value: object, message: str, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _refused(message, value=str(value))
    try:
        number = int(str(value).strip()) if isinstance(value, str) else value
    except ValueError:
        raise _refused(message, value=str(value)) from None
    if not isinstance(number, int) or not low <= number <= high:
        raise _refused(message, value=str(value))
    return number


def _dose(value: object) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise _refused(BAD_DOSE, value=str(value))
    try:
        amount = Decimal(str(value).replace(",", ".").replace("\u00a0", "").replace(" ", "").strip())
    except (InvalidOperation, ValueError):
        raise _refused(BAD_DOSE, value=str(value)) from None
    if not amount.is_finite() or amount <= 0 or amount >= _DOSE_LIMIT or amount != amount.quantize(Decimal("0.001")):
        raise _refused(BAD_DOSE, value=str(value))
    return amount.quantize(Decimal("0.001"))


def _unit(value: str) -> str:
    unit = (value or "").strip()
    if not unit:
        return ""
    for known in DOSE_UNITS:
        if unit.lower() == known.lower():
            return known
    raise _refused(BAD_UNIT, unit=unit, units=", ".join(DOSE_UNITS))


def validate(item: MedicationInput) -> MedicationInput:
    """The input normalized, or `PrescriptionRefused` saying what is wrong."""
    texts = {}
    for name, limit in _LIMITS.items():
        value = " ".join(str(getattr(item, name) or "").split())
        if len(value) > limit:
            raise _refused(TEXT_TOO_LONG, field=FIELD_NAMES[name], limit=limit)
        texts[name] = value
    if not texts["drug_name"]:
        raise _refused(DRUG_REQUIRED)
    dose = _dose(item.dose_amount)
    unit = _unit(item.dose_unit)
    if dose is not None and not unit:
        raise _refused(UNIT_REQUIRED)
    if dose is None and unit:
        raise _refused(DOSE_REQUIRED)
    route = (item.route or "").strip().lower()
    if route not in ROUTES:
        raise _refused(BAD_ROUTE, route=item.route)
    start = item.start_on
    if start is not None and (isinstance(start, dt.datetime) or not isinstance(start, dt.date)):
        raise _refused(BAD_START)
    return replace(
        item, **texts, dose_amount=dose, dose_unit=unit, route=route,
        times_per_day=_whole(item.times_per_day, BAD_TIMES, 1, MAX_TIMES_PER_DAY),
        duration_days=_whole(item.duration_days, BAD_DURATION, 1, MAX_DURATION_DAYS),
        as_needed=bool(item.as_needed), instructions=(item.instructions or "").strip())


def _number(value: Decimal) -> str:
    shown = format(value.normalize(), "f")
    return shown


def format_prescription(p: Prescription | MedicationInput,
                        translate: Callable[[str], str] | None = None) -> str:
    """One line as a prescription reads: "Amoxicillin 500 mg orally 3 times a day, 7 days". ``translate``
    (source text -> translation, context "Prescription") makes it Russian in the Qt shell."""
    tr = translate or (lambda s: s)
    head = " ".join(p.drug_name.split())
    if p.inn and p.inn.strip().lower() != head.lower():
        head += f" ({p.inn.strip()})"
    if p.form:
        head += f", {p.form.strip()}"
    words = [head]
    dose = _dose(p.dose_amount) if not isinstance(p.dose_amount, Decimal) else p.dose_amount
    if dose is not None:
        words.append(f"{_number(dose)} {p.dose_unit}".strip())
    route = ROUTE_PHRASES.get(p.route, "")
    if route:
        words.append(tr(route))
    if p.times_per_day:
        n = int(p.times_per_day)
        words.append(tr(_ONCE) if n == 1 else tr(_TWICE) if n == 2 else tr(_TIMES).format(n=n))
    elif p.frequency_text.strip():
        words.append(p.frequency_text.strip())
    line = " ".join(words)
    tail = []
    if p.as_needed:
        tail.append(tr(_AS_NEEDED))
    if p.duration_days:
        n = int(p.duration_days)
        tail.append(tr(_ONE_DAY) if n == 1 else tr(_DAYS).format(n=n))
    if p.start_on:
        tail.append(tr(_FROM).format(date=p.start_on.strftime("%d.%m.%Y")))
    if tail:
        line += ", " + ", ".join(tail)
    if p.instructions.strip():
        line += "; " + " ".join(p.instructions.split())
    return line


# --- database ------------------------------------------------------------------------------------------------

def _sqlstate(error: DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


_CHECKS = {"drug_named": DRUG_REQUIRED, "route_known": BAD_ROUTE, "dose_positive": BAD_DOSE,
           "dose_unit_known": BAD_UNIT, "dose_with_unit": UNIT_REQUIRED, "times_per_day_sane": BAD_TIMES,
           "duration_sane": BAD_DURATION, "cancel_reason_given": REASON_REQUIRED, "status_known": BAD_END}


def _refusal(connection: Connection, error: DBAPIError, record_id: int | None) -> DomainError | None:
    state = _sqlstate(error)
    if state == "23514":
        diag = getattr(error.orig, "diag", None)
        name = ((getattr(diag, "constraint_name", None) or "") if diag is not None else "")
        message = _CHECKS.get(name.removeprefix("ck_medication_prescriptions_"))
        if message is not None:
            return _refused(message, value="?", unit="?", units=", ".join(DOSE_UNITS), route="?")
    if state in ("MC071", "MC072") and record_id is not None:
        head = vr._head(connection, record_id)  # noqa: SLF001 - the visit records' own wording
        if state == "MC071":
            return vr._signed_locked(connection, head)  # noqa: SLF001
        return vr.RecordRefused(vr.NOT_AUTHOR_EDIT, author=vr._staff_name(connection, head.author_staff_id))  # noqa: SLF001
    if state == "MC070":
        return vr.RecordRefused(vr.RECORD_NOT_AVAILABLE)
    return vr._refusal(connection, error, record_id)  # noqa: SLF001


def _translated(connection: Connection, call, record_id: int | None):
    try:
        with connection.begin_nested():
            return call()
    except DBAPIError as error:
        refusal = _refusal(connection, error, record_id)
        if refusal is None:
            raise
        raise refusal from None


def _values(item: MedicationInput) -> dict:
    return {f.name: getattr(item, f.name) for f in fields(MedicationInput)}


_COLUMNS = tuple(f.name for f in fields(MedicationInput))


@audited_refusals("medical_records", "record_id")
def add(connection: Connection, record_id: int, item: MedicationInput) -> int:
    """Adds a prescription to the connected user's draft record; returns its id."""
    item = validate(item)
    check_prescriber(connection)
    vr._editable_head(connection, record_id)  # noqa: SLF001 - the record's draft and author rules
    columns = ", ".join(_COLUMNS)
    params = ", ".join(f":{c}" for c in _COLUMNS)
    return _translated(connection, lambda: connection.scalar(text(
        f"INSERT INTO medication_prescriptions (record_id, {columns}) VALUES (:record_id, {params}) "  # noqa: S608
        "RETURNING id"), {"record_id": record_id, **_values(item)}), record_id)


def _locked(connection: Connection, prescription_id: int, version: int | None):
    check_prescriber(connection)
    row = connection.execute(text(
        "SELECT p.*, r.status AS record_status FROM medication_prescriptions p "
        "JOIN medical_records r ON r.id = p.record_id WHERE p.id = :id FOR UPDATE OF p"),
        {"id": prescription_id}).first()
    if row is None:
        raise _refused(PRESCRIPTION_GONE)
    if version is not None and row.version != version:
        raise stale(connection, "medication_prescriptions", prescription_id, True)
    return row


def _signed_only_ends(connection: Connection, record_id: int) -> DomainError:
    head = vr._head(connection, record_id)  # noqa: SLF001
    return _refused(SIGNED_ONLY_ENDS, when=vr._when(head.signed_at),  # noqa: SLF001
                    who=vr._staff_name(connection, head.signed_by))  # noqa: SLF001


@audited_refusals("medication_prescriptions", "prescription_id")
def change(connection: Connection, prescription_id: int, version: int, item: MedicationInput) -> int:
    """Replaces a prescription of the connected user's draft; returns the new version."""
    item = validate(item)
    row = _locked(connection, prescription_id, version)
    if row.record_status == "signed":
        raise _signed_only_ends(connection, row.record_id)
    vr._editable_head(connection, row.record_id)  # noqa: SLF001
    assignments = ", ".join(f"{c} = :{c}" for c in _COLUMNS)
    return _translated(connection, lambda: connection.scalar(text(
        f"UPDATE medication_prescriptions SET {assignments}, version = version + 1 "  # noqa: S608
        "WHERE id = :id RETURNING version"), {"id": prescription_id, **_values(item)}), row.record_id)


@audited_refusals("medication_prescriptions", "prescription_id")
def remove(connection: Connection, prescription_id: int) -> None:
    """Removes a prescription from the connected user's draft."""
    row = _locked(connection, prescription_id, None)
    if row.record_status == "signed":
        raise _signed_only_ends(connection, row.record_id)
    vr._editable_head(connection, row.record_id)  # noqa: SLF001
    _translated(connection, lambda: connection.execute(text(
        "DELETE FROM medication_prescriptions WHERE id = :id"), {"id": prescription_id}), row.record_id)


@audited_refusals("medication_prescriptions", "prescription_id")
def end(connection: Connection, prescription_id: int, version: int, status: str, reason: str = "") -> int:
    """Ends an active prescription: 'cancelled' (with a reason) or 'completed' -- in a draft or a signed
    record alike; returns the new version."""
    if status not in ("cancelled", "completed"):
        raise _refused(BAD_END)
    if status == "cancelled" and not (reason or "").strip():
        raise _refused(REASON_REQUIRED)
    row = _locked(connection, prescription_id, version)
    if row.status != "active":
        raise _refused(ALREADY_ENDED, status=STATUS_NAMES[row.status])
    if row.record_status != "signed":
        vr._editable_head(connection, row.record_id)  # noqa: SLF001
    return _translated(connection, lambda: connection.scalar(text(
        "UPDATE medication_prescriptions SET status = :s, cancel_reason = :r, version = version + 1 "
        "WHERE id = :id RETURNING version"),
        {"s": status, "r": (reason or "").strip() if status == "cancelled" else "", "id": prescription_id}),
        row.record_id)


# --- reading -------------------------------------------------------------------------------------------------

_SELECT = ("SELECT id, version, record_id, card_id, patient_id, " + ", ".join(_COLUMNS)  # noqa: S608 - names
           + ", status, cancel_reason, created_by, created_at FROM medication_prescriptions")


def _dto(r) -> Prescription:
    return Prescription(**{f.name: getattr(r, f.name) for f in fields(Prescription)})


def prescription(connection: Connection, prescription_id: int) -> Prescription:
    row = connection.execute(text(_SELECT + " WHERE id = :id"), {"id": prescription_id}).first()
    if row is None:
        raise _refused(PRESCRIPTION_GONE)
    return _dto(row)


def prescriptions_of_record(connection: Connection, record_id: int) -> list[Prescription]:
    """The record's prescriptions in the order they were written."""
    return [_dto(r) for r in connection.execute(text(_SELECT + " WHERE record_id = :r ORDER BY id"),
                                                {"r": record_id})]


def prescriptions_of_patient(connection: Connection, patient_id: int, *, active_only: bool = False,
                             current_records_only: bool = True) -> list[Prescription]:
    """The patient's prescriptions in the cards the user may open, the active ones first, newest first. With
    ``current_records_only``, those of corrected versions are left out (their correction carries them)."""
    where = " WHERE p.patient_id = :p"
    if active_only:
        where += " AND p.status = 'active'"
    if current_records_only:
        where += " AND NOT EXISTS (SELECT 1 FROM medical_records n WHERE n.supersedes_id = p.record_id)"
    sql = (_SELECT.replace("FROM medication_prescriptions", "FROM medication_prescriptions p")
           + where + " ORDER BY p.status <> 'active', p.created_at DESC, p.id DESC")
    return [_dto(r) for r in connection.execute(text(sql), {"p": patient_id})]
