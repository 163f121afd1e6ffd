"""Visit records: a draft the author writes from a template, codes with ICD-10 diagnoses and signs; a signed
record is locked, and a correction is a new draft superseding it (version 2, 3, ...), so the history of a
card keeps every signed version.

The database keeps the same rules whoever writes (the triggers of migrations/sql/0008_visit_records.sql,
SQLSTATEs MC050..MC059) and the card-type row security decides which cards a user may open at all; these
functions check first so the person at the keyboard gets a clear message, and translate the database's
refusals into the same messages. Record text is read only through ``card_records()``, which writes the
opening of the card to the audit trail.

Plain functions taking a SQLAlchemy ``Connection``; the caller commits (one unit of work per action).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services import icd10
from shared.services.concurrency import stale
from shared.services.refusals import audited_refusals
from shared.services.session import session_user

#: The sections of a visit record's text, in the order a template shows them. ``content`` may hold more
#: (structured fields of a specialty's template); these are the free-text parts every template has.
SECTIONS = ("complaints", "anamnesis", "examination", "conclusion", "recommendations")
ROLES = ("main", "accompanying", "complication")
VISIT_KIND = "visit"
_SUMMARY_LENGTH = 500


class RecordRefused(DomainError):
    """Raised with one of the messages below."""


NO_STAFF_MEMBER = QT_TRANSLATE_NOOP(
    "DomainError", "Your login is not linked to a staff member, so it cannot write medical records. Ask the "
    "administrator to link it.")
CARD_NOT_AVAILABLE = QT_TRANSLATE_NOOP(
    "DomainError", "This medical card is not available to you: its card type or organization is not among "
    "those you may open.")
RECORD_NOT_AVAILABLE = QT_TRANSLATE_NOOP(
    "DomainError", "This record is not available: it does not exist or its card is not among those you may open.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("DomainError", "Your job does not allow writing medical records.")
BAD_CONTENT = QT_TRANSLATE_NOOP(
    "DomainError", "The record's content must be a set of named fields (complaints, anamnesis, examination, "
    "conclusion, recommendations, ...).")
SIGNED_LOCKED = QT_TRANSLATE_NOOP(
    "DomainError", "This record was signed on {when} by {who} and can no longer be changed. To correct it, "
    "write a correction: a new version of the record.")
ALREADY_SIGNED = QT_TRANSLATE_NOOP("DomainError", "This record is already signed (on {when} by {who}).")
NOT_AUTHOR_SIGN = QT_TRANSLATE_NOOP("DomainError", "Only the author of this record, {author}, may sign it.")
NOT_AUTHOR_EDIT = QT_TRANSLATE_NOOP(
    "DomainError", "This is a draft of {author}: only its author may change it.")
CORRECT_DRAFT = QT_TRANSLATE_NOOP(
    "DomainError", "This record is a draft: change it and sign it; only a signed record is corrected.")
ALREADY_CORRECTED = QT_TRANSLATE_NOOP(
    "DomainError", "This version has already been corrected (version {version_no}): correct the newest version.")
CORRECTION_BY_MEDICAL_WORKER = QT_TRANSLATE_NOOP(
    "DomainError", "Only a medical worker may correct a signed record.")
CORRECTION_OTHER_CARD = QT_TRANSLATE_NOOP(
    "DomainError", "A correction belongs to the card of the record it corrects.")
UNKNOWN_CODE = QT_TRANSLATE_NOOP(
    "DomainError", "\u201c{code}\u201d is not an ICD-10 code. Check the code or search the classification by words.")
NOT_BILLABLE = QT_TRANSLATE_NOOP(
    "DomainError", "ICD-10 {code} \u201c{name}\u201d is a heading, not a diagnosis: choose one of the codes under it.")
WITHDRAWN_CODE = QT_TRANSLATE_NOOP(
    "DomainError", "ICD-10 {code} \u201c{name}\u201d has been withdrawn from use: choose a current code.")
BAD_ROLE = QT_TRANSLATE_NOOP(
    "DomainError", "A diagnosis is main, accompanying or a complication (given: {role}).")
SECOND_MAIN = QT_TRANSLATE_NOOP(
    "DomainError", "The record already has a main diagnosis ({code}). Make {new} accompanying, or remove the main "
    "diagnosis first.")
DUPLICATE_CODE = QT_TRANSLATE_NOOP("DomainError", "The record already has the diagnosis {code}.")
DIAGNOSIS_GONE = QT_TRANSLATE_NOOP(
    "DomainError", "This diagnosis no longer exists: somebody removed it. Reload the record.")


@dataclass(frozen=True)
class DiagnosisInfo:
    id: int
    record_id: int
    code: str
    name: str
    role: str
    first_time: bool
    note: str


@dataclass(frozen=True)
class VisitRecord:
    id: int
    card_id: int
    card_type_id: int
    organization_id: int
    kind: str
    status: str  # draft | signed
    content: Mapping[str, object]
    summary: str
    template_code: str
    booking_id: int | None
    version_no: int
    supersedes_id: int | None
    superseded_by: int | None  # the correction of this version, when there is one
    author_staff_id: int | None
    recorded_at: dt.datetime
    signed_at: dt.datetime | None
    signed_by: int | None
    version: int  # optimistic locking: pass it back to save_draft / sign
    diagnoses: tuple[DiagnosisInfo, ...] = ()

    @property
    def is_signed(self) -> bool:
        return self.status == "signed"

    @property
    def is_current(self) -> bool:
        """The newest version of the record (nothing supersedes it)."""
        return self.superseded_by is None

    @property
    def main_diagnosis(self) -> DiagnosisInfo | None:
        return next((d for d in self.diagnoses if d.role == "main"), None)


# --- helpers -------------------------------------------------------------------------------------------------

def _sqlstate(error: DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


def _constraint(error: DBAPIError) -> str:
    diag = getattr(error.orig, "diag", None)
    return (getattr(diag, "constraint_name", None) or "") if diag is not None else ""


def _refusal(connection: Connection, error: DBAPIError, record_id: int | None = None) -> DomainError | None:
    """The clear message for a refusal of the database (None: not one of ours, re-raise it)."""
    state = _sqlstate(error)
    if state == "42501":
        # Row security shares the SQLSTATE of a missing privilege: the card's type is not the user's.
        return RecordRefused(CARD_NOT_AVAILABLE if "row-level security" in str(error.orig) else NOT_ALLOWED)
    if state == "MC010":
        return RecordRefused(CARD_NOT_AVAILABLE)
    if state in ("MC051", "MC052") and record_id is not None:
        head = _head(connection, record_id)
        if state == "MC051":
            return _signed_locked(connection, head)
        return RecordRefused(NOT_AUTHOR_EDIT, author=_staff_name(connection, head.author_staff_id))
    simple = {"MC054": CORRECT_DRAFT, "MC055": CORRECTION_OTHER_CARD, "MC056": CORRECTION_BY_MEDICAL_WORKER,
              "MC059": RECORD_NOT_AVAILABLE}
    if state in simple:
        return RecordRefused(simple[state])
    return None


def _staff_id(connection: Connection) -> int:
    staff_id = session_user(connection).staff_member_id
    if staff_id is None:
        raise RecordRefused(NO_STAFF_MEMBER)
    return staff_id


def _staff_name(connection: Connection, staff_id: int | None) -> str:
    if staff_id is None:
        return "\u2014"
    row = connection.execute(text(
        "SELECT last_name, first_name, middle_name FROM staff_members WHERE id = :id"), {"id": staff_id}).first()
    if row is None:
        return f"#{staff_id}"
    initials = "".join(f"{part[0]}." for part in (row.first_name, row.middle_name) if part)
    return f"{row.last_name} {initials}".strip()


_HEAD = ("SELECT id, card_id, card_type_id, organization_id, status, author_staff_id, version, version_no, "
         "supersedes_id, signed_at, signed_by FROM medical_records WHERE id = :id")
_HEAD_FOR_UPDATE = _HEAD + " FOR UPDATE"


def _head(connection: Connection, record_id: int, *, lock: bool = False):
    """The state of a record (never its text); RLS hides the records of cards the user may not open."""
    row = connection.execute(text(_HEAD_FOR_UPDATE if lock else _HEAD), {"id": record_id}).first()
    if row is None:
        raise RecordRefused(RECORD_NOT_AVAILABLE)
    return row


def _when(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M") if moment is not None else "\u2014"


def _signed_locked(connection: Connection, head) -> DomainError:
    return RecordRefused(SIGNED_LOCKED, when=_when(head.signed_at), who=_staff_name(connection, head.signed_by))


def _editable_head(connection: Connection, record_id: int):
    """The locked state of a draft the connected user wrote, or the refusal that explains why not."""
    me = _staff_id(connection)
    head = _head(connection, record_id, lock=True)
    if head.status == "signed":
        raise _signed_locked(connection, head)
    if head.author_staff_id != me:
        raise RecordRefused(NOT_AUTHOR_EDIT, author=_staff_name(connection, head.author_staff_id))
    return head


def _content(content: Mapping[str, object] | None) -> dict:
    if content is None:
        return {}
    if not isinstance(content, Mapping) or not all(isinstance(k, str) for k in content):
        raise RecordRefused(BAD_CONTENT)
    try:
        return json.loads(json.dumps(dict(content), ensure_ascii=False))
    except (TypeError, ValueError):
        raise RecordRefused(BAD_CONTENT) from None


def _summary(content: Mapping[str, object]) -> str:
    """What a list of records shows: the conclusion, or the complaints when there is no conclusion yet."""
    for key in ("conclusion", "complaints"):
        value = content.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:_SUMMARY_LENGTH]
    return ""


# --- writing -------------------------------------------------------------------------------------------------

@audited_refusals("medical_cards", "card_id")
def start_record(connection: Connection, card_id: int, *, template_code: str = "", booking_id: int | None = None,
                 content: Mapping[str, object] | None = None, kind: str = VISIT_KIND) -> int:
    """A new draft visit record in the card, written by the connected user; returns its id."""
    _staff_id(connection)
    body = _content(content)
    card = connection.execute(text(
        "SELECT id, card_type_id, organization_id FROM medical_cards WHERE id = :id"), {"id": card_id}).first()
    if card is None:
        raise RecordRefused(CARD_NOT_AVAILABLE)
    try:
        with connection.begin_nested():
            return connection.scalar(text(
                "INSERT INTO medical_records (card_id, card_type_id, organization_id, kind, summary, content, "
                "template_code, booking_id) VALUES (:card, :type, :org, :kind, :summary, CAST(:content AS jsonb), "
                ":template, :booking) RETURNING id"),
                {"card": card.id, "type": card.card_type_id, "org": card.organization_id, "kind": kind,
                 "summary": _summary(body), "content": json.dumps(body, ensure_ascii=False),
                 "template": template_code or "", "booking": booking_id})
    except DBAPIError as error:
        refusal = _refusal(connection, error)
        if refusal is None:
            raise
        raise refusal from None


@audited_refusals("medical_records", "record_id")
def save_draft(connection: Connection, record_id: int, version: int, content: Mapping[str, object]) -> int:
    """Replaces the draft's content; ``version`` is the one read. Returns the new version."""
    body = _content(content)
    head = _editable_head(connection, record_id)
    if head.version != version:
        raise stale(connection, "medical_records", record_id, True)
    from shared.services import record_templates  # imports this module: a late import

    tpl = record_templates.find(connection.scalar(
        text("SELECT template_code FROM medical_records WHERE id = :id"), {"id": record_id}))
    if tpl is not None:
        body = record_templates.normalized(tpl, body)
    try:
        with connection.begin_nested():
            return connection.scalar(text(
                "UPDATE medical_records SET content = CAST(:content AS jsonb), summary = :summary, "
                "version = version + 1, updated_at = now() WHERE id = :id AND version = :v RETURNING version"),
                {"content": json.dumps(body, ensure_ascii=False), "summary": _summary(body), "id": record_id,
                 "v": version})
    except DBAPIError as error:
        refusal = _refusal(connection, error, record_id)
        if refusal is None:
            raise
        raise refusal from None


@audited_refusals("medical_records", "record_id")
def sign(connection: Connection, record_id: int, version: int) -> int:
    """Signs (locks) the connected user's draft; returns the new version."""
    me = _staff_id(connection)
    head = _head(connection, record_id, lock=True)
    if head.status == "signed":
        raise RecordRefused(ALREADY_SIGNED, when=_when(head.signed_at), who=_staff_name(connection, head.signed_by))
    if head.author_staff_id != me:
        raise RecordRefused(NOT_AUTHOR_SIGN, author=_staff_name(connection, head.author_staff_id))
    if head.version != version:
        raise stale(connection, "medical_records", record_id, True)
    from shared.services import record_templates  # imports this module: a late import

    tpl = record_templates.find(connection.scalar(
        text("SELECT template_code FROM medical_records WHERE id = :id"), {"id": record_id}))
    if tpl is not None:
        # The text is read through card_records() like any reading (the opening is audited).
        body = connection.scalar(text("SELECT r.content FROM card_records(:c) r WHERE r.id = :id"),
                                 {"c": head.card_id, "id": record_id})
        record_templates.check_ready_to_sign(tpl, body or {})
    try:
        with connection.begin_nested():
            return connection.scalar(text(
                "UPDATE medical_records SET status = 'signed', version = version + 1, updated_at = now() "
                "WHERE id = :id AND version = :v RETURNING version"), {"id": record_id, "v": version})
    except DBAPIError as error:
        refusal = _refusal(connection, error, record_id)
        if refusal is None:
            raise
        raise refusal from None


@audited_refusals("medical_records", "record_id")
def correct(connection: Connection, record_id: int) -> int:
    """A new draft superseding the signed record, with its content and diagnoses; returns the new id."""
    _staff_id(connection)
    head = _head(connection, record_id, lock=True)
    if head.status != "signed":
        raise RecordRefused(CORRECT_DRAFT)
    newer = connection.execute(text("SELECT version_no FROM medical_records WHERE supersedes_id = :id"),
                               {"id": record_id}).first()
    if newer is not None:
        raise RecordRefused(ALREADY_CORRECTED, version_no=newer.version_no)
    if "medical_worker" not in session_user(connection).jobs:
        raise RecordRefused(CORRECTION_BY_MEDICAL_WORKER)
    old = next((r for r in _card_rows(connection, head.card_id) if r.id == record_id), None)
    if old is None:
        raise RecordRefused(RECORD_NOT_AVAILABLE)
    try:
        with connection.begin_nested():
            new_id = connection.scalar(text(
                "INSERT INTO medical_records (card_id, card_type_id, organization_id, kind, summary, content, "
                "template_code, booking_id, supersedes_id) VALUES (:card, :type, :org, :kind, :summary, "
                "CAST(:content AS jsonb), :template, :booking, :old) RETURNING id"),
                {"card": old.card_id, "type": old.card_type_id, "org": old.organization_id, "kind": old.kind,
                 "summary": old.summary, "content": json.dumps(old.content, ensure_ascii=False),
                 "template": old.template_code, "booking": old.booking_id, "old": record_id})
            connection.execute(text(
                "INSERT INTO diagnoses (record_id, card_id, card_type_id, organization_id, code, role, first_time, "
                "note) SELECT :new, card_id, card_type_id, organization_id, code, role, first_time, note "
                "FROM diagnoses WHERE record_id = :old ORDER BY id"), {"new": new_id, "old": record_id})
    except DBAPIError as error:
        if _sqlstate(error) == "23505" and _constraint(error) == "uq_medical_records_supersedes_id":
            newer = connection.execute(text("SELECT version_no FROM medical_records WHERE supersedes_id = :id"),
                                       {"id": record_id}).first()
            raise RecordRefused(ALREADY_CORRECTED, version_no=newer.version_no if newer else "?") from None
        refusal = _refusal(connection, error, record_id)
        if refusal is None:
            raise
        raise refusal from None
    return new_id


# --- diagnoses -----------------------------------------------------------------------------------------------

def diagnosis_entry(code: object) -> icd10.Icd10Entry:
    """The ICD-10 entry a typed code stands for ("j06.9", Cyrillic "о06.9"), refused unless a diagnosis may
    carry it (a current code with nothing under it)."""
    entry = icd10.lookup(code)
    if entry is None:
        raise RecordRefused(UNKNOWN_CODE, code=str(code if code is not None else "").strip())
    if not entry.billable:
        if entry.is_code and entry.leaf and not entry.actual:
            raise RecordRefused(WITHDRAWN_CODE, code=entry.code, name=entry.name)
        raise RecordRefused(NOT_BILLABLE, code=entry.code, name=entry.name)
    return entry


@audited_refusals("medical_records", "record_id")
def add_diagnosis(connection: Connection, record_id: int, code: object, role: str = "main",
                  first_time: bool = False, note: str = "") -> int:
    """Adds a diagnosis to the connected user's draft; returns its id."""
    if role not in ROLES:
        raise RecordRefused(BAD_ROLE, role=role)
    entry = diagnosis_entry(code)
    head = _editable_head(connection, record_id)
    present = connection.execute(text("SELECT code, role FROM diagnoses WHERE record_id = :r"),
                                 {"r": record_id}).all()
    if any(d.code == entry.code for d in present):
        raise RecordRefused(DUPLICATE_CODE, code=entry.code)
    main = next((d.code for d in present if d.role == "main"), None)
    if role == "main" and main is not None:
        raise RecordRefused(SECOND_MAIN, code=main, new=entry.code)
    try:
        with connection.begin_nested():
            return connection.scalar(text(
                "INSERT INTO diagnoses (record_id, card_id, card_type_id, organization_id, code, role, first_time, "
                "note) VALUES (:r, :card, :type, :org, :code, :role, :first, :note) RETURNING id"),
                {"r": record_id, "card": head.card_id, "type": head.card_type_id, "org": head.organization_id,
                 "code": entry.code, "role": role, "first": bool(first_time), "note": note or ""})
    except DBAPIError as error:
        if _sqlstate(error) == "23505":
            if _constraint(error) == "uq_diagnoses_one_main":
                main = connection.scalar(text(
                    "SELECT code FROM diagnoses WHERE record_id = :r AND role = 'main'"), {"r": record_id})
                raise RecordRefused(SECOND_MAIN, code=main or "?", new=entry.code) from None
            raise RecordRefused(DUPLICATE_CODE, code=entry.code) from None
        refusal = _refusal(connection, error, record_id)
        if refusal is None:
            raise
        raise refusal from None


@audited_refusals("diagnoses", "diagnosis_id")
def remove_diagnosis(connection: Connection, diagnosis_id: int) -> None:
    """Removes a diagnosis from the connected user's draft."""
    record_id = connection.scalar(text("SELECT record_id FROM diagnoses WHERE id = :id"), {"id": diagnosis_id})
    if record_id is None:
        raise RecordRefused(DIAGNOSIS_GONE)
    _editable_head(connection, record_id)
    try:
        with connection.begin_nested():
            connection.execute(text("DELETE FROM diagnoses WHERE id = :id"), {"id": diagnosis_id})
    except DBAPIError as error:
        refusal = _refusal(connection, error, record_id)
        if refusal is None:
            raise
        raise refusal from None


# --- reading -------------------------------------------------------------------------------------------------

def _card_rows(connection: Connection, card_id: int, record_id: int | None = None):
    """The card's records through card_records() (the opening is audited); only ``record_id`` and the
    version correcting it when given."""
    sql = "SELECT * FROM card_records(:c)"
    if record_id is not None:
        sql += " r WHERE r.id = :r OR r.supersedes_id = :r"
    try:
        with connection.begin_nested():
            return connection.execute(text(sql), {"c": card_id, "r": record_id}).all()
    except DBAPIError as error:
        refusal = _refusal(connection, error)
        if refusal is None:
            raise
        raise refusal from None


@audited_refusals("medical_cards", "card_id")
def history(connection: Connection, card_id: int) -> list[VisitRecord]:
    """Every record of the card, oldest first, with its diagnoses; the opening is audited (and so is a
    refused opening)."""
    return _history(connection, card_id)


def _history(connection: Connection, card_id: int, record_id: int | None = None) -> list[VisitRecord]:
    rows = _card_rows(connection, card_id, record_id)
    # A card's history runs to thousands of records (bench/visit_records.py: 2,000 in a patient's cards), so
    # the rows are fetched at once and each frozen DTO is filled through its __dict__ (its __init__ sets the
    # fields one object.__setattr__ at a time, which took as long as reading the rows); same objects.
    new = object.__new__
    diagnoses: dict[int, list[DiagnosisInfo]] = {}
    for d_id, of_record, code, name, role, first_time, note in connection.execute(text(
            "SELECT d.id, d.record_id, d.code, coalesce(nullif(c.name_ru, ''), c.name_en) AS name, d.role, "
            "d.first_time, d.note FROM diagnoses d JOIN icd10_codes c ON c.code = d.code WHERE d.card_id = :c "
            "AND (CAST(:r AS integer) IS NULL OR d.record_id = :r) ORDER BY d.record_id, d.role <> 'main', d.id"),
            {"c": card_id, "r": record_id}).all():
        item = new(DiagnosisInfo)
        item.__dict__.update(id=d_id, record_id=of_record, code=code, name=name, role=role, first_time=first_time,
                             note=note)
        diagnoses.setdefault(of_record, []).append(item)
    superseded_by = {r.supersedes_id: r.id for r in rows if r.supersedes_id is not None}
    result = []
    for r in rows:
        item = new(VisitRecord)
        item.__dict__.update(
            id=r.id, card_id=r.card_id, card_type_id=r.card_type_id, organization_id=r.organization_id, kind=r.kind,
            status=r.status, content=r.content or {}, summary=r.summary, template_code=r.template_code,
            booking_id=r.booking_id, version_no=r.version_no, supersedes_id=r.supersedes_id,
            superseded_by=superseded_by.get(r.id), author_staff_id=r.author_staff_id, recorded_at=r.recorded_at,
            signed_at=r.signed_at, signed_by=r.signed_by, version=r.version,
            diagnoses=tuple(diagnoses.get(r.id, ())))
        result.append(item)
    return result


@audited_refusals("medical_records", "record_id")
def record(connection: Connection, record_id: int) -> VisitRecord:
    """One record with its diagnoses (opening its card, which is audited)."""
    head = _head(connection, record_id)
    # Only this record (and the version correcting it, for superseded_by) is read, not the card's history.
    found = next((r for r in _history(connection, head.card_id, record_id) if r.id == record_id), None)
    if found is None:
        raise RecordRefused(RECORD_NOT_AVAILABLE)
    return found
