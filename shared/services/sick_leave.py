"""The life of a certificate of incapacity for work (sick leave): a draft prefilled from the patient (and
the visit record), its fields, the periods of release (extended with the medical commission's chair when
the rules require), issue on a blank, close, continue, spoil (refilled on a new blank), duplicate, cancel,
and the printing log.

The validity rules are data (``sick_leave_rules``, evaluated by `shared.services.sick_leave_rules.check`);
the database keeps its own rules whoever writes (sql/0013_sick_leave.sql, MC090..MC099: codes known, a
blank used once and never after it is spoiled, changes of status, at most three periods in order, a doctor
alone up to the rule's days). These functions check first for a clear message and translate the
database's refusals to the same messages. Refused attempts on a certificate are audited
(`audited_refusals`). Functions take the logged-in user's Connection (row-level security applies); the
caller commits.

`Certificate` carries the attribute names of the printing layer's ``SickLeavePrint`` (and its periods and
family members those of ``ReleasePeriod`` and ``CareMember``): ``medcenter_desktop.sick_leave_printing``
turns it into the print DTO and renders the PDF (the domain core does not import the printing layer).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services import sick_leave_blanks as blanks
from shared.services import sick_leave_rules as rules_engine
from shared.services.concurrency import stale
from shared.services.refusals import audited_refusals
from shared.services.sick_leave_rules import Rule, RuleContext, RuleViolation, SickLeaveRulesBroken

TABLE = "sick_leave_certificates"
#: The chain of continuations is followed this far back (a case longer than this is not plausible).
CHAIN_LIMIT = 50
#: Characters of the form's cells for a doctor's position and name (the layout's defaults).
POSITION_CELLS = 9
NAME_CELLS = 14


class SickLeaveRefused(DomainError):
    """Raised with one of the messages below."""


NOT_FOUND = QT_TRANSLATE_NOOP("DomainError", "The sick-leave certificate is not available to you.")
NOT_DRAFT = QT_TRANSLATE_NOOP("DomainError", "Certificate {number} is already issued: its fields are fixed.")
NOT_OPEN = QT_TRANSLATE_NOOP("DomainError", "The certificate is {status}: it can no longer be changed.")
NOT_ISSUED = QT_TRANSLATE_NOOP("DomainError", "Only an issued certificate can be {action}; this one is {status}.")
UNKNOWN_FIELD = QT_TRANSLATE_NOOP("DomainError", "Unknown field of the certificate: {field}.")
FIXED_FIELD = QT_TRANSLATE_NOOP("DomainError", "The {field} of an issued certificate cannot be changed.")
UNKNOWN_CODE = QT_TRANSLATE_NOOP("DomainError", "{code} is not a known {kind} code.")
#: The kinds of code named in UNKNOWN_CODE, translated before they are filled in.
CODE_KINDS = {
    "cause": QT_TRANSLATE_NOOP("DomainError", "cause of incapacity"),
    "additional": QT_TRANSLATE_NOOP("DomainError", "additional"),
    "relation": QT_TRANSLATE_NOOP("DomainError", "family relation"),
    "violation": QT_TRANSLATE_NOOP("DomainError", "regime violation"),
    "other": QT_TRANSLATE_NOOP("DomainError", "\u201cother\u201d"),
    "": "",
}
CARE_TOO_MANY = QT_TRANSLATE_NOOP("DomainError", "The form has room for two family members cared for.")
CARE_INCOMPLETE = QT_TRANSLATE_NOOP("DomainError", "Give the family member's relation code and full name.")
BAD_JOB = QT_TRANSLATE_NOOP("DomainError", "Say whether it is the main job or a part-time one.")
BAD_NUMBER = QT_TRANSLATE_NOOP("DomainError", "A certificate's number is 12 digits ({number}).")
PERIOD_ORDER = QT_TRANSLATE_NOOP("DomainError", "A period of release ends on or after the day it starts.")
PERIODS_FULL = QT_TRANSLATE_NOOP(
    "DomainError", "The certificate's three rows of periods are full: continue it on a new certificate.")
NO_PERIOD = QT_TRANSLATE_NOOP("DomainError", "The certificate has no period of release to extend.")
STAFF_UNKNOWN = QT_TRANSLATE_NOOP("DomainError", "The doctor or commission chair is not a staff member here.")
NO_STAFF = QT_TRANSLATE_NOOP(
    "DomainError", "Your login is not linked to a staff member: the doctor of the period must be chosen.")
CLOSE_HOW = QT_TRANSLATE_NOOP(
    "DomainError", "Give the date of return to work or an \u00abother\u00bb code to close the certificate.")
REASON_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Write the reason.")
OTHER_PATIENT = QT_TRANSLATE_NOOP("DomainError", "The visit record is of another patient.")
ORGANIZATION_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Choose the medical organization.")
CONTINUATION_EXISTS = QT_TRANSLATE_NOOP("DomainError", "Certificate {number} is already continued by another one.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("DomainError", "Your job does not allow this action on sick-leave certificates.")
DOCTOR_ONLY = QT_TRANSLATE_NOOP("DomainError", "Only a doctor writes a new sick-leave certificate.")
NOT_PRINTABLE = QT_TRANSLATE_NOOP("DomainError", "Only an issued or closed certificate is printed.")
COMMISSION_REQUIRED = QT_TRANSLATE_NOOP(
    "DomainError", "The period reaches beyond the days a doctor alone may release: the chair of the medical "
                   "commission must sign it.")
PERIODS_OVERLAP = QT_TRANSLATE_NOOP("DomainError", "The periods of release overlap.")

STATUS_NAMES = {
    "draft": QT_TRANSLATE_NOOP("DomainError", "a draft"),
    "issued": QT_TRANSLATE_NOOP("DomainError", "issued"),
    "closed": QT_TRANSLATE_NOOP("DomainError", "closed"),
    "spoiled": QT_TRANSLATE_NOOP("DomainError", "spoiled"),
    "duplicate_issued": QT_TRANSLATE_NOOP("DomainError", "replaced by a duplicate"),
    "cancelled": QT_TRANSLATE_NOOP("DomainError", "cancelled"),
}
ACTION_NAMES = {
    "closed": QT_TRANSLATE_NOOP("DomainError", "closed"),
    "continued": QT_TRANSLATE_NOOP("DomainError", "continued"),
    "spoiled": QT_TRANSLATE_NOOP("DomainError", "spoiled"),
    "duplicated": QT_TRANSLATE_NOOP("DomainError", "duplicated"),
    "extended": QT_TRANSLATE_NOOP("DomainError", "extended"),
}


def _refused(message: str, **params: object) -> SickLeaveRefused:
    if message == UNKNOWN_CODE:
        params["kind"] = CODE_KINDS.get(str(params.get("kind", "")), params.get("kind", ""))
    error = SickLeaveRefused(message, **params)
    error.translatable_params = ("status", "action", "kind")
    return error


# --- The certificate as read ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CareEntry:
    """A family member cared for (the attribute names of printing's ``CareMember``)."""

    age_years: int | None
    age_months: int | None
    relation_code: str
    full_name: str


@dataclass(frozen=True)
class Period:
    """A period of release (the attribute names of printing's ``ReleasePeriod``, plus the staff ids)."""

    date_from: dt.date
    date_to: dt.date
    doctor_position: str
    doctor_name: str
    chair_position: str = ""
    chair_name: str = ""
    id: int | None = None
    row_no: int = 0
    doctor_staff_id: int | None = None
    chair_staff_id: int | None = None

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1


@dataclass(frozen=True)
class Certificate:
    """A certificate with its periods (the attribute names of printing's ``SickLeavePrint``)."""

    id: int
    version: int
    organization_id: int
    patient_id: int
    record_id: int | None
    status: str
    number: str | None
    duplicate: bool
    original_id: int | None
    replaces_id: int | None
    previous_id: int | None
    previous_number: str
    next_number: str
    issue_date: dt.date | None
    organization_name: str
    organization_address: str
    organization_ogrn: str
    surname: str
    first_name: str
    patronymic: str
    birth_date: dt.date
    sex: str
    cause_code: str
    additional_code: str
    changed_code: str
    employer: str
    job: str
    main_job_number: str
    care: tuple[CareEntry, ...]
    early_pregnancy: bool
    violation_code: str
    violation_date: dt.date | None
    hospital_from: dt.date | None
    hospital_to: dt.date | None
    commission_referral_date: dt.date | None
    commission_registration_date: dt.date | None
    commission_examination_date: dt.date | None
    disability_group: int | None
    return_date: dt.date | None
    other_code: str
    other_date: dt.date | None
    spoil_reason: str
    cancel_reason: str
    doctor_staff_id: int | None
    periods: tuple[Period, ...]

    @property
    def status_name(self) -> str:
        """Source text of the status (translate in the ``DomainError`` context)."""
        return STATUS_NAMES[self.status]

    @property
    def first_day(self) -> dt.date | None:
        return self.periods[0].date_from if self.periods else None

    @property
    def last_day(self) -> dt.date | None:
        return self.periods[-1].date_to if self.periods else None


_COLUMNS = ("id", "version", "organization_id", "patient_id", "record_id", "status", "number", "duplicate",
            "original_id", "replaces_id", "previous_id", "previous_number", "next_number", "issue_date",
            "organization_name", "organization_address", "organization_ogrn", "surname", "first_name",
            "patronymic", "birth_date", "sex", "cause_code", "additional_code", "changed_code", "employer", "job",
            "main_job_number", "care", "early_pregnancy", "violation_code", "violation_date", "hospital_from",
            "hospital_to", "commission_referral_date", "commission_registration_date",
            "commission_examination_date", "disability_group", "return_date", "other_code", "other_date",
            "spoil_reason", "cancel_reason", "doctor_staff_id")

#: Fields `set_fields` changes on a draft.
DRAFT_FIELDS = frozenset({
    "record_id", "previous_number", "organization_name", "organization_address", "organization_ogrn", "surname",
    "first_name", "patronymic", "birth_date", "sex", "cause_code", "additional_code", "changed_code", "employer",
    "job", "main_job_number", "care", "early_pregnancy", "violation_code", "violation_date", "hospital_from",
    "hospital_to", "commission_referral_date", "commission_registration_date", "commission_examination_date",
    "disability_group", "return_date", "other_code", "other_date", "issue_date"})
#: Fields `set_fields` still changes on an issued certificate (what happens during the case).
ISSUED_FIELDS = frozenset({
    "changed_code", "violation_code", "violation_date", "hospital_from", "hospital_to", "commission_referral_date",
    "commission_registration_date", "commission_examination_date", "disability_group"})
_CODE_FIELDS = {"cause_code": "cause", "additional_code": "additional", "changed_code": "cause",
                "violation_code": "violation", "other_code": "other"}
_NUMBER_FIELDS = ("previous_number", "main_job_number")


def _periods(connection: Connection, certificate_ids: Sequence[int]) -> dict[int, list[Period]]:
    out: dict[int, list[Period]] = {i: [] for i in certificate_ids}
    if not certificate_ids:
        return out
    for r in connection.execute(text(
            "SELECT certificate_id, id, row_no, date_from, date_to, doctor_staff_id, doctor_position, doctor_name, "
            "chair_staff_id, chair_position, chair_name FROM sick_leave_periods WHERE certificate_id = ANY(:ids) "
            "ORDER BY certificate_id, row_no"), {"ids": list(certificate_ids)}).mappings():
        values = dict(r)
        out[values.pop("certificate_id")].append(Period(**values))
    return out


def _certificates(connection: Connection, where: str, params: dict, limit: int | None = None) -> list[Certificate]:
    sql = (f"SELECT {', '.join(_COLUMNS)} FROM sick_leave_certificates WHERE {where} "  # noqa: S608 - fixed fragments
           "ORDER BY issue_date DESC NULLS FIRST, id DESC")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = connection.execute(text(sql), params).mappings().all()
    periods = _periods(connection, [r["id"] for r in rows])
    result = []
    for r in rows:
        values = dict(r)
        values["care"] = tuple(CareEntry(m.get("age_years"), m.get("age_months"), m.get("relation_code", ""),
                                         m.get("full_name", "")) for m in (values["care"] or []))
        result.append(Certificate(**values, periods=tuple(periods[r["id"]])))
    return result


def certificate(connection: Connection, certificate_id: int) -> Certificate:
    found = _certificates(connection, "id = :id", {"id": certificate_id})
    if not found:
        raise _refused(NOT_FOUND)
    return found[0]


def certificates_of_patient(connection: Connection, patient_id: int) -> list[Certificate]:
    """The patient's certificates (of the organizations the user works for), drafts and newest first."""
    return _certificates(connection, "patient_id = :p", {"p": patient_id})


def certificate_by_number(connection: Connection, number: str) -> Certificate | None:
    found = _certificates(connection, "number = :n", {"n": "".join(number.split())})
    return found[0] if found else None


def certificates(connection: Connection, organization_id: int, *, statuses: Sequence[str] | None = None,
                 since: dt.date | None = None, limit: int = 200) -> list[Certificate]:
    """The organization's certificates (``statuses``: only those; ``since``: issued that day or later, drafts
    always), drafts and newest first -- e.g. the registrar's list to print."""
    where, params = ["organization_id = :o"], {"o": organization_id}
    if statuses is not None:
        where.append("status = ANY(:st)")
        params["st"] = list(statuses)
    if since is not None:
        where.append("(issue_date IS NULL OR issue_date >= :since)")
        params["since"] = since
    return _certificates(connection, " AND ".join(where), params, limit)


@dataclass(frozen=True)
class Code:
    kind: str  # cause, additional, relation, violation, other
    code: str
    name: str  # English (translatable data, not a source text)
    name_ru: str


def codes(connection: Connection, kind: str | None = None) -> list[Code]:
    """The form's codes (a changed code is a cause code), by kind and code."""
    sql = "SELECT kind, code, name, name_ru FROM sick_leave_codes"
    params: dict[str, Any] = {}
    if kind is not None:
        sql += " WHERE kind = :k"
        params["k"] = kind
    return [Code(**r) for r in connection.execute(text(sql + " ORDER BY kind, code"), params).mappings()]


# --- Rules -------------------------------------------------------------------------------------------------


def active_rules(connection: Connection) -> list[Rule]:
    """The rules as the database holds them (active and not), in the shipped order then by code."""
    order = {r.code: i for i, r in enumerate(rules_engine.SHIPPED_RULES)}
    rows = connection.execute(text(
        "SELECT code, description, message, parameters, active FROM sick_leave_rules")).mappings().all()
    found = [Rule(r["code"], r["description"], r["message"], dict(r["parameters"] or {}), r["active"]) for r in rows]
    return sorted(found, key=lambda r: (order.get(r.code, len(order)), r.code))


def set_rule(connection: Connection, code: str, *, active: bool | None = None,
             parameters: Mapping[str, Any] | None = None) -> None:
    """Switches a rule on or off or tunes its parameters (the head's job); the message stays the shipped one."""
    if code not in rules_engine.CHECKS:
        raise _refused(UNKNOWN_FIELD, field=code)
    values: dict[str, Any] = {"c": code}
    sets = ["updated_at = now()"]
    if active is not None:
        sets.append("active = :a")
        values["a"] = active
    if parameters is not None:
        sets.append("parameters = CAST(:p AS jsonb)")
        values["p"] = json.dumps(dict(parameters))
    _run(connection, f"UPDATE sick_leave_rules SET {', '.join(sets)} WHERE code = :c", values)  # noqa: S608


def _chain(connection: Connection, cert: Certificate) -> tuple[dt.date | None, dt.date | None, str]:
    """(first day of the case, last day of the certificate continued, its number) of the chain."""
    if cert.previous_id is None:
        return None, None, cert.previous_number
    row = connection.execute(text(
        "WITH RECURSIVE chain(id, previous_id, depth) AS ("
        "  SELECT id, previous_id, 0 FROM sick_leave_certificates WHERE id = :p "
        "  UNION ALL SELECT c.id, c.previous_id, chain.depth + 1 FROM sick_leave_certificates c "
        "  JOIN chain ON c.id = chain.previous_id WHERE chain.depth < :limit) "
        "SELECT (SELECT min(date_from) FROM sick_leave_periods WHERE certificate_id IN (SELECT id FROM chain)) AS s, "
        "       (SELECT max(date_to) FROM sick_leave_periods WHERE certificate_id = :p) AS e, "
        "       (SELECT number FROM sick_leave_certificates WHERE id = :p) AS n"),
        {"p": cert.previous_id, "limit": CHAIN_LIMIT}).one()
    return row.s, row.e, row.n or cert.previous_number


def rule_context(connection: Connection, cert: Certificate, rules: Sequence[Rule] | None = None) -> RuleContext:
    start, previous_end, previous_number = _chain(connection, cert)
    return RuleContext(today=blanks.organization_today(connection, cert.organization_id),
                       rules=tuple(rules if rules is not None else active_rules(connection)), case_start=start,
                       previous_end=previous_end, previous_number=previous_number)


def check(connection: Connection, certificate_id: int) -> list[RuleViolation]:
    """What the active rules say about the certificate as it stands (for the form to show before issue)."""
    cert = certificate(connection, certificate_id)
    return rules_engine.check(cert, rule_context(connection, cert))


PERIOD_RULES = frozenset({"periods_count", "periods_ordered", "periods_continuous", "single_doctor_days",
                          "continuation_chain", "care_age", "care_commission"})


def _enforce(connection: Connection, cert: Certificate, codes: frozenset[str] | None = None) -> None:
    context = rule_context(connection, cert)
    if codes is not None:
        context = replace(context, rules=tuple(r for r in context.rules if r.code in codes))
    violations = rules_engine.check(cert, context)
    if violations:
        raise SickLeaveRulesBroken(violations)


# --- Database refusals -------------------------------------------------------------------------------------

_STATES = {"MC095": NOT_ALLOWED, "MC096": None, "MC099": NOT_PRINTABLE, "42501": NOT_ALLOWED}


def _translated(error: DBAPIError, cert: Certificate | None = None) -> DomainError | None:
    state = getattr(error.orig, "sqlstate", None)
    diag = getattr(error.orig, "diag", None)
    primary = getattr(diag, "message_primary", "") or ""
    if state == "MC097":
        if primary == "commission_required":
            return _refused(COMMISSION_REQUIRED)
        if primary == "staff_unknown":
            return _refused(STAFF_UNKNOWN)
        return _refused(PERIODS_OVERLAP)
    if state == "MC096":
        return _refused(UNKNOWN_CODE, code="?", kind="")
    if state == "MC095":
        if primary in ("certificate_by_doctor", "period_by_doctor"):
            return _refused(DOCTOR_ONLY)
        if cert is not None and primary in ("certificate_final", "status_change", "certificate_fixed"):
            return _refused(NOT_OPEN, status=STATUS_NAMES.get(cert.status, cert.status))
        return _refused(NOT_ALLOWED)
    blank_refusal = blanks.translated(error)
    if blank_refusal is not None and state != "42501":
        return blank_refusal
    if state in _STATES and _STATES[state] is not None:
        return _refused(_STATES[state])  # type: ignore[arg-type]
    return None


def _run(connection: Connection, sql: str, params: Mapping[str, Any], cert: Certificate | None = None):
    try:
        with connection.begin_nested():
            return connection.execute(text(sql), dict(params))
    except DBAPIError as error:
        refusal = _translated(error, cert)
        if refusal is None:
            raise
        raise refusal from None


def _locked(connection: Connection, certificate_id: int, version: int | None) -> Certificate:
    row = connection.execute(text("SELECT version FROM sick_leave_certificates WHERE id = :id FOR UPDATE"),
                             {"id": certificate_id}).first()
    if row is None:
        raise _refused(NOT_FOUND)
    if version is not None and row.version != version:
        raise stale(connection, TABLE, certificate_id, True)
    return certificate(connection, certificate_id)


def _bump(connection: Connection, cert: Certificate, assignments: str, params: Mapping[str, Any]) -> int:
    return _run(connection,
                f"UPDATE sick_leave_certificates SET {assignments}{', ' if assignments else ''}"  # noqa: S608
                "version = version + 1 WHERE id = :_id RETURNING version", {**params, "_id": cert.id},
                cert).scalar_one()


# --- Values ------------------------------------------------------------------------------------------------


def _codes(connection: Connection) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for kind, code in connection.execute(text("SELECT kind, code FROM sick_leave_codes")):
        out.setdefault(kind, set()).add(code)
    return out


def _clean_care(value: object, codes: Mapping[str, set[str]]) -> list[dict[str, Any]]:
    members = list(value or [])  # type: ignore[call-overload]
    if len(members) > 2:
        raise _refused(CARE_TOO_MANY)
    cleaned = []
    for m in members:
        if isinstance(m, Mapping):
            item = dict(m)
        else:
            item = {"age_years": m.age_years, "age_months": m.age_months, "relation_code": m.relation_code,
                    "full_name": m.full_name}
        relation = str(item.get("relation_code") or "").strip()
        name = " ".join(str(item.get("full_name") or "").split())
        if not relation or not name:
            raise _refused(CARE_INCOMPLETE)
        if relation not in codes.get("relation", set()):
            raise _refused(UNKNOWN_CODE, code=relation, kind="relation")
        cleaned.append({"age_years": item.get("age_years"), "age_months": item.get("age_months"),
                        "relation_code": relation, "full_name": name})
    return cleaned


def _clean(connection: Connection, fields: Mapping[str, Any]) -> dict[str, Any]:
    codes = _codes(connection)
    values: dict[str, Any] = {}
    for name, value in fields.items():
        if name in _CODE_FIELDS:
            value = "".join(str(value or "").split())
            if value and value not in codes.get(_CODE_FIELDS[name], set()):
                raise _refused(UNKNOWN_CODE, code=value, kind=_CODE_FIELDS[name])
            if name == "cause_code" and not value:
                raise _refused(UNKNOWN_CODE, code="", kind="cause")
        elif name in _NUMBER_FIELDS:
            value = "".join(str(value or "").split())
            if value and (len(value) != 12 or not value.isdigit()):
                raise _refused(BAD_NUMBER, number=value)
        elif name == "care":
            value = json.dumps(_clean_care(value, codes), ensure_ascii=False)
        elif name == "job":
            value = value or ""
            if value not in ("", "main", "part_time"):
                raise _refused(BAD_JOB)
        elif name in ("organization_name", "organization_address", "surname", "first_name", "patronymic",
                      "employer"):
            value = " ".join(str(value or "").split())
        values[name] = value
    return values


def _assignments(values: Mapping[str, Any]) -> str:
    return ", ".join(f"{name} = CAST(:{name} AS jsonb)" if name == "care" else f"{name} = :{name}"
                     for name in values)


def _staff(connection: Connection, staff_id: int) -> tuple[str, str, int | None]:
    """(position as printed, name as printed, department) of a staff member."""
    row = connection.execute(text(
        "SELECT s.last_name, s.first_name, s.middle_name, s.department_id, p.name AS position "
        "FROM staff_members s JOIN positions p ON p.id = s.position_id WHERE s.id = :s"), {"s": staff_id}).first()
    if row is None:
        raise _refused(STAFF_UNKNOWN)
    return short_position(row.position), short_name(row.last_name, row.first_name, row.middle_name), row.department_id


def short_position(position: str) -> str:
    """The position as the form's 9 cells take it: "Врач-терапевт" -> "ТЕРАПЕВТ", "Главный врач" ->
    "ГЛ. ВРАЧ", else the initials of a longer name ("Врач общей практики" -> "ВОП")."""
    name = " ".join(position.split()).upper()
    for prefix in ("ВРАЧ-", "ВРАЧ - "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    if name.startswith("ГЛАВНЫЙ ВРАЧ"):
        return "ГЛ. ВРАЧ"
    if name.startswith("ЗАВЕДУЮЩИЙ"):
        return "ЗАВ. ОТД."
    if len(name) <= POSITION_CELLS:
        return name
    words = [w for w in name.replace("-", " ").split() if w]
    initials = "".join(w[0] for w in words)
    return initials[:POSITION_CELLS]


#: Legal forms written out in an organization's full name, and how the form abbreviates them.
_LEGAL_FORMS = (
    ("общество с ограниченной ответственностью", "ООО"),
    ("публичное акционерное общество", "ПАО"),
    ("непубличное акционерное общество", "АО"),
    ("акционерное общество", "АО"),
    ("закрытое акционерное общество", "ЗАО"),
    ("государственное бюджетное учреждение здравоохранения", "ГБУЗ"),
    ("государственное автономное учреждение здравоохранения", "ГАУЗ"),
    ("федеральное государственное бюджетное учреждение", "ФГБУ"),
    ("индивидуальный предприниматель", "ИП"),
)


def form_organization_name(name: str) -> str:
    """The organization's name as the blank takes it: the legal form abbreviated (its 38 cells hold no
    "Общество с ограниченной ответственностью") and inner quotes „…“ / “…” written as «…», the quotes the
    blank's character set has."""
    text = " ".join(name.split())
    lowered = text.lower()
    for long, short in _LEGAL_FORMS:
        if lowered.startswith(long):
            text = short + text[len(long):]
            break
    if "\u201e" in text:  # German-style „…“: “ closes
        text = text.replace("\u201e", "\u00ab").replace("\u201c", "\u00bb")
    return text.replace("\u201c", "\u00ab").replace("\u201d", "\u00bb")  # English-style “…”


def short_name(last: str, first: str, middle: str = "") -> str:
    """"ИВАНОВ И.И." (the form's 14 cells for a doctor's name)."""
    initials = "".join(f"{w[0]}." for w in (first, middle) if w)
    return " ".join(f"{last} {initials}".split()).upper()


# --- The life of a certificate ------------------------------------------------------------------------------


def create_draft(connection: Connection, patient_id: int, *, organization_id: int | None = None,
                 record_id: int | None = None, cause_code: str = "01", employer: str = "",
                 job: str = "main") -> int:
    """A draft certificate of the patient, prefilled with the patient's name, birth date and sex and the
    organization's name, address and OGRN (and linked to the visit record); returns its id."""
    if organization_id is None:
        organization_id = connection.scalar(text(
            "SELECT default_organization_id FROM session_user_info()"))
        if organization_id is None:
            raise _refused(ORGANIZATION_REQUIRED)
    patient = connection.execute(text(
        "SELECT last_name, first_name, middle_name, birth_date, sex FROM patients WHERE id = :p"),
        {"p": patient_id}).first()
    org = connection.execute(text(
        "SELECT name, address, coalesce(ogrn, '') AS ogrn FROM organizations WHERE id = :o"),
        {"o": organization_id}).first()
    if patient is None or org is None:
        raise _refused(NOT_FOUND)
    if record_id is not None:
        owner = connection.scalar(text(
            "SELECT c.patient_id FROM medical_records r JOIN medical_cards c ON c.id = r.card_id WHERE r.id = :r"),
            {"r": record_id})
        if owner != patient_id:
            raise _refused(OTHER_PATIENT)
    values = _clean(connection, {"cause_code": cause_code, "employer": employer, "job": job})
    return _run(connection,
                "INSERT INTO sick_leave_certificates (organization_id, patient_id, record_id, organization_name, "
                "organization_address, organization_ogrn, surname, first_name, patronymic, birth_date, sex, "
                "cause_code, employer, job) VALUES (:o, :p, :r, :on, :oa, :ogrn, :s, :f, :m, :b, :sex, :cause, "
                ":employer, :job) RETURNING id",
                {"o": organization_id, "p": patient_id, "r": record_id, "on": form_organization_name(org.name),
                 "oa": org.address or "",
                 "ogrn": org.ogrn, "s": patient.last_name, "f": patient.first_name, "m": patient.middle_name or "",
                 "b": patient.birth_date, "sex": patient.sex, "cause": values["cause_code"],
                 "employer": values["employer"], "job": values["job"]}).scalar_one()


@audited_refusals(TABLE, "certificate_id")
def set_fields(connection: Connection, certificate_id: int, version: int, **fields: Any) -> int:
    """Sets fields of a draft (`DRAFT_FIELDS`) or of an issued certificate (`ISSUED_FIELDS`: what happens
    during the case); returns the new version. ``care``: up to two mappings (or CareEntry) with age_years,
    age_months, relation_code, full_name."""
    cert = _locked(connection, certificate_id, version)
    for name in fields:
        if name not in DRAFT_FIELDS:
            raise _refused(UNKNOWN_FIELD, field=name)
    if cert.status not in ("draft", "issued"):
        raise _refused(NOT_OPEN, status=STATUS_NAMES[cert.status])
    if cert.status == "issued":
        for name in fields:
            if name not in ISSUED_FIELDS:
                raise _refused(FIXED_FIELD, field=name)
    values = _clean(connection, fields)
    if not values:
        return cert.version
    return _bump(connection, cert, _assignments(values), values)


def _next_row(cert: Certificate) -> int:
    if len(cert.periods) >= 3:
        raise _refused(PERIODS_FULL)
    return len(cert.periods) + 1


@audited_refusals(TABLE, "certificate_id")
def add_period(connection: Connection, certificate_id: int, version: int, date_from: dt.date, date_to: dt.date, *,
               doctor_staff_id: int | None = None, chair_staff_id: int | None = None,
               doctor_position: str | None = None, doctor_name: str | None = None,
               chair_position: str | None = None, chair_name: str | None = None) -> int:
    """Adds the next period of release (the doctor: the logged-in user's staff member by default; the chair
    of the medical commission when the rules require it), position and name as printed (taken from the
    staff list unless given); the period rules are checked. Returns the certificate's new version."""
    cert = _locked(connection, certificate_id, version)
    if cert.status not in ("draft", "issued"):
        raise _refused(NOT_OPEN, status=STATUS_NAMES[cert.status])
    if date_to < date_from:
        raise _refused(PERIOD_ORDER)
    row_no = _next_row(cert)
    if doctor_staff_id is None:
        doctor_staff_id = connection.scalar(text("SELECT app_user_staff_id()"))
        if doctor_staff_id is None and not (doctor_position and doctor_name):
            raise _refused(NO_STAFF)
    d_position, d_name = doctor_position or "", doctor_name or ""
    if doctor_staff_id is not None:
        position, name, _dep = _staff(connection, doctor_staff_id)
        d_position, d_name = doctor_position or position, doctor_name or name
    c_position, c_name = chair_position or "", chair_name or ""
    if chair_staff_id is not None:
        position, name, _dep = _staff(connection, chair_staff_id)
        c_position, c_name = chair_position or position, chair_name or name
    period = Period(date_from, date_to, " ".join(d_position.split()).upper(), " ".join(d_name.split()).upper(),
                    " ".join(c_position.split()).upper(), " ".join(c_name.split()).upper(), None, row_no,
                    doctor_staff_id, chair_staff_id)
    candidate = replace(cert, periods=(*cert.periods, period))
    context = rule_context(connection, candidate)
    context = replace(context, rules=tuple(r for r in context.rules if r.code in PERIOD_RULES))
    violations = rules_engine.check(candidate, context)
    today = context.today
    if date_from > today:
        violations.append(RuleViolation("no_future_dates", rules_engine.rule_of("no_future_dates").message,
                                        field=rules_engine.FIELD_LABELS["period_from"],
                                        date=rules_engine.day(date_from)))
    if violations:
        raise SickLeaveRulesBroken(violations)
    _run(connection,
         "INSERT INTO sick_leave_periods (certificate_id, organization_id, row_no, date_from, date_to, doctor_staff_id, "
         "doctor_position, doctor_name, chair_staff_id, chair_position, chair_name) VALUES (:c, :o, :n, :a, :b, :d, "
         ":dp, :dn, :ch, :cp, :cn)",
         {"c": cert.id, "o": cert.organization_id, "n": row_no, "a": date_from, "b": date_to, "d": doctor_staff_id,
          "dp": period.doctor_position, "dn": period.doctor_name, "ch": chair_staff_id, "cp": period.chair_position,
          "cn": period.chair_name}, cert)
    return _bump(connection, cert, "", {})


@audited_refusals(TABLE, "certificate_id")
def extend(connection: Connection, certificate_id: int, version: int, date_to: dt.date, *,
           doctor_staff_id: int | None = None, chair_staff_id: int | None = None,
           doctor_position: str | None = None, doctor_name: str | None = None,
           chair_position: str | None = None, chair_name: str | None = None) -> int:
    """Extends the release: a new period from the day after the last one ends to ``date_to`` (see
    `add_period`). Returns the new version."""
    cert = _locked(connection, certificate_id, version)
    if not cert.periods:
        raise _refused(NO_PERIOD)
    if cert.status not in ("draft", "issued"):
        raise _refused(NOT_ISSUED, action=ACTION_NAMES["extended"], status=STATUS_NAMES[cert.status])
    start = cert.periods[-1].date_to + dt.timedelta(days=1)
    return add_period.__wrapped__(connection, certificate_id, cert.version, start, date_to,  # type: ignore[attr-defined]
                                  doctor_staff_id=doctor_staff_id, chair_staff_id=chair_staff_id,
                                  doctor_position=doctor_position, doctor_name=doctor_name,
                                  chair_position=chair_position, chair_name=chair_name)


@audited_refusals(TABLE, "certificate_id")
def remove_last_period(connection: Connection, certificate_id: int, version: int) -> int:
    """Removes the last period of a draft; returns the new version."""
    cert = _locked(connection, certificate_id, version)
    if cert.status != "draft":
        raise _refused(NOT_DRAFT, number=cert.number or "")
    if not cert.periods:
        raise _refused(NO_PERIOD)
    _run(connection, "DELETE FROM sick_leave_periods WHERE id = :p", {"p": cert.periods[-1].id}, cert)
    return _bump(connection, cert, "", {})


def _close_previous(connection: Connection, cert: Certificate, number: str) -> None:
    """The certificate continued: "other" code 31 (still incapacitated) and the next number; closed."""
    if cert.previous_id is None:
        return
    previous = _locked(connection, cert.previous_id, None)
    if previous.next_number and previous.next_number != number:
        raise _refused(CONTINUATION_EXISTS, number=previous.number or "")
    values: dict[str, Any] = {"next_number": number}
    if not previous.other_code:
        values["other_code"] = "31"
    if previous.status == "issued":
        values["status"] = "closed"
    _bump(connection, previous, _assignments(values), values)


@audited_refusals(TABLE, "certificate_id")
def issue(connection: Connection, certificate_id: int, version: int, *, number: str | None = None,
          issue_date: dt.date | None = None) -> str:
    """Issues the draft on a paper blank: the rules are checked; the blank is ``number`` (received, not used,
    not spoiled) or the lowest one handed out to the logged-in user or their department; the certificate it
    continues gets its number as the next one (and "other" code 31). Returns the number."""
    cert = _locked(connection, certificate_id, version)
    if cert.status != "draft":
        raise _refused(NOT_DRAFT, number=cert.number or "")
    today = blanks.organization_today(connection, cert.organization_id)
    issue_date = issue_date or cert.issue_date or today
    _enforce(connection, replace(cert, issue_date=issue_date))
    number = blanks.use_blank(connection, cert.organization_id, number)
    _bump(connection, cert, "status = 'issued', number = :n, issue_date = :d", {"n": number, "d": issue_date})
    _close_previous(connection, cert, number)
    return number


@audited_refusals(TABLE, "certificate_id")
def close(connection: Connection, certificate_id: int, version: int, *, return_date: dt.date | None = None,
          other_code: str = "", other_date: dt.date | None = None) -> int:
    """Closes an issued certificate: the day the patient returns to work and/or an "other" code (32 disability
    established, 34 died, 36 came fit for work, ...) with its date. Returns the new version."""
    cert = _locked(connection, certificate_id, version)
    if cert.status != "issued":
        raise _refused(NOT_ISSUED, action=ACTION_NAMES["closed"], status=STATUS_NAMES[cert.status])
    if return_date is None and not other_code:
        raise _refused(CLOSE_HOW)
    values = _clean(connection, {"other_code": other_code})
    candidate = replace(cert, return_date=return_date, other_code=values["other_code"], other_date=other_date)
    _enforce(connection, candidate, frozenset({"return_after_periods", "no_future_dates"}))
    return _bump(connection, cert, "status = 'closed', return_date = :r, other_code = :oc, other_date = :od",
                 {"r": return_date, "oc": values["other_code"], "od": other_date})


_COPIED = ("organization_id", "patient_id", "record_id", "organization_name", "organization_address",
           "organization_ogrn", "surname", "first_name", "patronymic", "birth_date", "sex", "cause_code",
           "additional_code", "changed_code", "employer", "job", "main_job_number", "care", "early_pregnancy",
           "violation_code", "violation_date", "hospital_from", "hospital_to", "commission_referral_date",
           "commission_registration_date", "commission_examination_date", "disability_group", "doctor_staff_id")


def _copy(connection: Connection, cert: Certificate, extra: Mapping[str, Any], *, with_periods: bool,
          with_closing: bool) -> int:
    columns = list(_COPIED)
    if with_closing:
        columns += ["previous_id", "previous_number", "next_number", "return_date", "other_code", "other_date"]
    names = [*columns, *extra]
    new_id = _run(connection,
                  f"INSERT INTO sick_leave_certificates ({', '.join(names)}) "  # noqa: S608 - fixed column names
                  f"SELECT {', '.join(columns)}, {', '.join(f':{k}' for k in extra)} FROM sick_leave_certificates "
                  "WHERE id = :_src RETURNING id", {**extra, "_src": cert.id}, cert).scalar_one()
    if with_periods:
        _run(connection,
             "INSERT INTO sick_leave_periods (certificate_id, organization_id, row_no, date_from, date_to, "
             "doctor_staff_id, doctor_position, doctor_name, chair_staff_id, chair_position, chair_name) "
             "SELECT :new, organization_id, row_no, date_from, date_to, doctor_staff_id, doctor_position, doctor_name, "
             "chair_staff_id, chair_position, chair_name FROM sick_leave_periods WHERE certificate_id = :_src "
             "ORDER BY row_no", {"new": new_id, "_src": cert.id}, cert)
    return new_id


def _issue_copy(connection: Connection, cert: Certificate, new_id: int, number: str) -> None:
    copy = certificate(connection, new_id)
    _bump(connection, copy, "status = 'issued', number = :n, issue_date = :d", {"n": number, "d": cert.issue_date})
    if cert.status == "closed":
        copy = certificate(connection, new_id)
        _bump(connection, copy, "status = 'closed'", {})


@audited_refusals(TABLE, "certificate_id")
def continue_certificate(connection: Connection, certificate_id: int, version: int) -> int:
    """A draft continuing the issued certificate (the patient still incapacitated after its third period, or
    transferred): the same person, codes and employer, its previous number; its first period must start the
    day after the continued one ends. When the continuation is issued, the continued certificate gets "other"
    code 31 and the next number, and is closed. Returns the new draft's id."""
    cert = _locked(connection, certificate_id, version)
    if cert.status != "issued":
        raise _refused(NOT_ISSUED, action=ACTION_NAMES["continued"], status=STATUS_NAMES[cert.status])
    if cert.next_number:
        raise _refused(CONTINUATION_EXISTS, number=cert.number or "")
    return _copy(connection, cert, {"previous_id": cert.id, "previous_number": cert.number or ""},
                 with_periods=False, with_closing=False)


@audited_refusals(TABLE, "certificate_id")
def spoil(connection: Connection, certificate_id: int, version: int, reason: str, *,
          number: str | None = None) -> int:
    """The certificate's blank was spoiled (misfilled, misprinted): the certificate is marked spoiled with the
    reason (its blank too, never to be used again) and refilled on a new blank -- ``number`` or the lowest
    one the user or their department holds -- as a new certificate with the same data and periods (status
    and issue date kept, ``replaces_id`` the spoiled one). Returns the new certificate's id."""
    if not reason.strip():
        raise _refused(REASON_REQUIRED)
    cert = _locked(connection, certificate_id, version)
    if cert.status not in ("issued", "closed"):
        raise _refused(NOT_ISSUED, action=ACTION_NAMES["spoiled"], status=STATUS_NAMES[cert.status])
    new_number = blanks.use_blank(connection, cert.organization_id, number)
    _bump(connection, cert, "status = 'spoiled', spoil_reason = :r", {"r": reason.strip()})
    new_id = _copy(connection, cert, {"replaces_id": cert.id, "duplicate": cert.duplicate,
                                      "original_id": cert.original_id},
                   with_periods=True, with_closing=True)
    _issue_copy(connection, cert, new_id, new_number)
    if cert.previous_id is not None and cert.number:
        # The certificate continued now names the refilled blank as its continuation.
        _run(connection, "UPDATE sick_leave_certificates SET next_number = :n, version = version + 1 "
                         "WHERE id = :p AND next_number = :old", {"n": new_number, "p": cert.previous_id,
                                                                  "old": cert.number}, cert)
    return new_id


@audited_refusals(TABLE, "certificate_id")
def duplicate(connection: Connection, certificate_id: int, version: int, *, number: str | None = None) -> int:
    """A duplicate of a lost or damaged certificate on a new blank (``number`` or the lowest one the user or
    their department holds), ticked "duplicate", with the same data and periods; the original is marked
    duplicate_issued. Returns the duplicate's id."""
    cert = _locked(connection, certificate_id, version)
    if cert.status not in ("issued", "closed"):
        raise _refused(NOT_ISSUED, action=ACTION_NAMES["duplicated"], status=STATUS_NAMES[cert.status])
    new_number = blanks.use_blank(connection, cert.organization_id, number)
    new_id = _copy(connection, cert, {"duplicate": True, "original_id": cert.id}, with_periods=True,
                   with_closing=True)
    _issue_copy(connection, cert, new_id, new_number)
    _bump(connection, cert, "status = 'duplicate_issued'", {})
    return new_id


@audited_refusals(TABLE, "certificate_id")
def cancel(connection: Connection, certificate_id: int, version: int, reason: str) -> None:
    """Cancels a draft (an issued certificate is spoiled instead, see `spoil`)."""
    if not reason.strip():
        raise _refused(REASON_REQUIRED)
    cert = _locked(connection, certificate_id, version)
    if cert.status != "draft":
        raise _refused(NOT_DRAFT, number=cert.number or "")
    _bump(connection, cert, "status = 'cancelled', cancel_reason = :r", {"r": reason.strip()})


# --- Printing -------------------------------------------------------------------------------------------------


@audited_refusals(TABLE, "certificate_id")
def record_print(connection: Connection, certificate_id: int, *, on_blank: bool, printer_model: str = "") -> int:
    """Logs a printing of the certificate (who and when are the database's: an audited row of
    ``sick_leave_print_events``); only an issued or closed certificate is printed. Returns the event's id."""
    cert = certificate(connection, certificate_id)
    if cert.status not in ("issued", "closed"):
        raise _refused(NOT_PRINTABLE)
    return _run(connection,
                "INSERT INTO sick_leave_print_events (organization_id, certificate_id, patient_id, on_blank, "
                "printer_model) VALUES (:o, :c, :p, :b, :m) RETURNING id",
                {"o": cert.organization_id, "c": cert.id, "p": cert.patient_id, "b": on_blank,
                 "m": printer_model[:100]}, cert).scalar_one()


@dataclass(frozen=True)
class PrintEvent:
    id: int
    certificate_id: int
    number: str | None
    on_blank: bool
    printer_model: str
    printed_by: str
    printed_at: dt.datetime


def print_events(connection: Connection, certificate_id: int) -> list[PrintEvent]:
    rows = connection.execute(text(
        # The login as the user typed it (the role name without the clinic's namespace).
        "SELECT id, certificate_id, number, on_blank, printer_model, "
        "regexp_replace(printed_by, '^[^.]*[.]', '') AS printed_by, printed_at "
        "FROM sick_leave_print_events WHERE certificate_id = :c ORDER BY printed_at, id"), {"c": certificate_id})
    return [PrintEvent(**r) for r in rows.mappings()]
