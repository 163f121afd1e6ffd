"""A client's documents, insurance policies, addresses, consents and legal representatives.

Each function takes a SQLAlchemy Connection of the logged-in user and plain values (dates as
`datetime.date` or typed text), validates them -- raising `InvalidFields` naming each wrong field --
and leaves committing to the caller.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.identifiers import is_valid_enp
from shared.models.registry import ADDRESS_KINDS, DOCUMENT_KINDS, POLICY_KINDS, REPRESENTATIVE_RELATIONS
from shared.services.patient_input import InvalidFields, digits_of, parse_date

_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Required.")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    kind: str
    series: str
    number: str
    issued_by: str
    issued_on: dt.date | None
    valid_until: dt.date | None


@dataclass(frozen=True)
class PolicyInfo:
    id: int
    kind: str
    number: str
    insurer: str
    valid_from: dt.date | None
    valid_to: dt.date | None


@dataclass(frozen=True)
class AddressInfo:
    id: int
    kind: str
    address: str


@dataclass(frozen=True)
class ConsentInfo:
    id: int
    given_on: dt.date
    scope: str
    withdrawn_on: dt.date | None


@dataclass(frozen=True)
class RepresentativeInfo:
    id: int
    patient_id: int
    patient_name: str
    representative_id: int
    representative_name: str
    relation: str
    document: str
    valid_from: dt.date | None
    valid_to: dt.date | None


@dataclass(frozen=True)
class ClientDetails:
    documents: tuple[DocumentInfo, ...]
    policies: tuple[PolicyInfo, ...]
    addresses: tuple[AddressInfo, ...]
    consents: tuple[ConsentInfo, ...]
    #: People who represent this client.
    representatives: tuple[RepresentativeInfo, ...]
    #: People this client represents (children, wards).
    wards: tuple[RepresentativeInfo, ...]


class _Check:
    """Collects field problems; `done()` raises them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def text(self, key: str, value: str, *, required: bool = False, limit: int = 300) -> str:
        if _CONTROL.search(value.replace("\n", " ") if key == "address" else value):
            self.errors[key] = QT_TRANSLATE_NOOP("DomainError", "Remove tabs and line breaks.")
            return ""
        value = " ".join(value.split())
        if required and not value:
            self.errors[key] = _REQUIRED
        elif len(value) > limit:
            self.errors[key] = QT_TRANSLATE_NOOP("DomainError", "The text is too long.")
        return value

    def date(self, key: str, value: str | dt.date | None, *, required: bool = False,
             not_future: bool = False) -> dt.date | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.errors[key] = _REQUIRED
            return None
        try:
            parsed = parse_date(value)
        except ValueError as exc:
            self.errors[key] = str(exc)
            return None
        if not_future and parsed > dt.date.today():
            self.errors[key] = QT_TRANSLATE_NOOP("DomainError", "The date is in the future.")
        return parsed

    def choice(self, key: str, value: str, allowed: tuple[str, ...]) -> str:
        if value not in allowed:
            self.errors[key] = QT_TRANSLATE_NOOP("DomainError", "Choose a value from the list.")
        return value

    def order(self, first: dt.date | None, last: dt.date | None, key: str) -> None:
        if first and last and last < first:
            self.errors[key] = QT_TRANSLATE_NOOP("DomainError", "The period ends before it starts.")

    def done(self) -> None:
        if self.errors:
            raise InvalidFields(self.errors)


def client_details(connection: Connection, patient_id: int) -> ClientDetails:
    p = {"p": patient_id}
    docs = connection.execute(text(
        "SELECT id, kind, series, number, issued_by, issued_on, valid_until FROM patient_documents "
        "WHERE patient_id = :p ORDER BY issued_on DESC NULLS LAST, id DESC"), p).all()
    policies = connection.execute(text(
        "SELECT id, kind, number, insurer, valid_from, valid_to FROM patient_policies "
        "WHERE patient_id = :p ORDER BY kind DESC, id DESC"), p).all()
    addresses = connection.execute(text(
        "SELECT id, kind, address FROM patient_addresses WHERE patient_id = :p ORDER BY kind, id"), p).all()
    consents = connection.execute(text(
        "SELECT id, given_on, scope, withdrawn_on FROM patient_consents WHERE patient_id = :p "
        "ORDER BY given_on DESC, id DESC"), p).all()
    rep_sql = (
        "SELECT r.id, r.patient_id, btrim(concat_ws(' ', w.last_name, w.first_name, w.middle_name)), "
        "r.representative_id, btrim(concat_ws(' ', a.last_name, a.first_name, a.middle_name)), "
        "r.relation, r.document, r.valid_from, r.valid_to FROM legal_representatives r "
        "JOIN patients w ON w.id = r.patient_id JOIN patients a ON a.id = r.representative_id WHERE r.{col} = :p "
        "ORDER BY r.id"
    )
    reps = connection.execute(text(rep_sql.format(col="patient_id")), p).all()
    wards = connection.execute(text(rep_sql.format(col="representative_id")), p).all()
    return ClientDetails(
        tuple(DocumentInfo(*r) for r in docs), tuple(PolicyInfo(*r) for r in policies),
        tuple(AddressInfo(*r) for r in addresses), tuple(ConsentInfo(*r) for r in consents),
        tuple(RepresentativeInfo(*r) for r in reps), tuple(RepresentativeInfo(*r) for r in wards),
    )


def add_document(connection: Connection, patient_id: int, kind: str, number: str, *, series: str = "",
                 issued_by: str = "", issued_on: str | dt.date | None = None,
                 valid_until: str | dt.date | None = None) -> int:
    c = _Check()
    c.choice("kind", kind, DOCUMENT_KINDS)
    series = c.text("series", series, limit=20)
    number = c.text("number", number, required=True, limit=30)
    issued_by = c.text("issued_by", issued_by, limit=300)
    issued = c.date("issued_on", issued_on, not_future=True)
    until = c.date("valid_until", valid_until)
    c.order(issued, until, "valid_until")
    if kind == "passport":
        if series and not re.fullmatch(r"\d{2} ?\d{2}", series):
            c.errors["series"] = QT_TRANSLATE_NOOP("DomainError", "A passport series has 4 digits.")
        if number and not re.fullmatch(r"\d{6}", number):
            c.errors["number"] = QT_TRANSLATE_NOOP("DomainError", "A passport number has 6 digits.")
        series = series.replace(" ", "")
    if kind == "birth_certificate" and number and not re.fullmatch(r"\d{6}", number):
        c.errors["number"] = QT_TRANSLATE_NOOP("DomainError", "A birth certificate number has 6 digits.")
    c.done()
    return connection.scalar(text(
        "INSERT INTO patient_documents (patient_id, kind, series, number, issued_by, issued_on, valid_until) "
        "VALUES (:p, :k, :s, :n, :b, :i, :v) RETURNING id"),
        {"p": patient_id, "k": kind, "s": series, "n": number, "b": issued_by, "i": issued, "v": until})


def add_policy(connection: Connection, patient_id: int, kind: str, number: str, *, insurer: str = "",
               valid_from: str | dt.date | None = None, valid_to: str | dt.date | None = None) -> int:
    """A compulsory (OMS: 16 digits with a check digit) or voluntary (DMS: insurer required) policy."""
    c = _Check()
    c.choice("kind", kind, POLICY_KINDS)
    insurer = c.text("insurer", insurer, required=(kind == "dms"))
    start, end = c.date("valid_from", valid_from), c.date("valid_to", valid_to)
    c.order(start, end, "valid_to")
    if kind == "oms":
        number = digits_of(number)
        if len(number) != 16 or not number.isdigit():
            c.errors["number"] = QT_TRANSLATE_NOOP("DomainError", "A compulsory insurance policy number has 16 digits.")
        elif not is_valid_enp(number):
            c.errors["number"] = QT_TRANSLATE_NOOP("DomainError", "The policy number's check digit does not match: a typo?")
    else:
        number = c.text("number", number, required=True, limit=30)
    c.done()
    return connection.scalar(text(
        "INSERT INTO patient_policies (patient_id, kind, number, insurer, valid_from, valid_to) "
        "VALUES (:p, :k, :n, :i, :f, :t) RETURNING id"),
        {"p": patient_id, "k": kind, "n": number, "i": insurer, "f": start, "t": end})


def set_address(connection: Connection, patient_id: int, kind: str, address: str) -> None:
    """Sets (or, with an empty address, removes) the registration or residence address."""
    c = _Check()
    c.choice("kind", kind, ADDRESS_KINDS)
    address = c.text("address", address, limit=500)
    c.done()
    connection.execute(text("DELETE FROM patient_addresses WHERE patient_id = :p AND kind = :k"),
                       {"p": patient_id, "k": kind})
    if address:
        connection.execute(text("INSERT INTO patient_addresses (patient_id, kind, address) VALUES (:p, :k, :a)"),
                           {"p": patient_id, "k": kind, "a": address})


def give_consent(connection: Connection, patient_id: int, given_on: str | dt.date, scope: str) -> int:
    c = _Check()
    given = c.date("given_on", given_on, required=True, not_future=True)
    scope = c.text("scope", scope, required=True, limit=1000)
    c.done()
    return connection.scalar(text(
        "INSERT INTO patient_consents (patient_id, given_on, scope) VALUES (:p, :g, :s) RETURNING id"),
        {"p": patient_id, "g": given, "s": scope})


def withdraw_consent(connection: Connection, consent_id: int, withdrawn_on: str | dt.date) -> None:
    c = _Check()
    withdrawn = c.date("withdrawn_on", withdrawn_on, required=True, not_future=True)
    c.done()
    given = connection.scalar(text("SELECT given_on FROM patient_consents WHERE id = :c"), {"c": consent_id})
    if given is not None and withdrawn < given:
        raise InvalidFields({"withdrawn_on": QT_TRANSLATE_NOOP("DomainError", "The period ends before it starts.")})
    connection.execute(text("UPDATE patient_consents SET withdrawn_on = :w, updated_at = now() "
                            "WHERE id = :c AND withdrawn_on IS NULL"), {"w": withdrawn, "c": consent_id})


def add_representative(connection: Connection, patient_id: int, representative_id: int, relation: str, *,
                       document: str = "", valid_from: str | dt.date | None = None,
                       valid_to: str | dt.date | None = None) -> int:
    """Names ``representative_id`` (a client too) as parent, guardian or trustee of ``patient_id``."""
    c = _Check()
    c.choice("relation", relation, REPRESENTATIVE_RELATIONS)
    document = c.text("document", document, required=(relation != "parent"), limit=500)
    start, end = c.date("valid_from", valid_from), c.date("valid_to", valid_to)
    c.order(start, end, "valid_to")
    if representative_id == patient_id:
        c.errors["representative"] = QT_TRANSLATE_NOOP("DomainError", "A person cannot represent themselves.")
    c.done()
    try:
        with connection.begin_nested():
            return connection.scalar(text(
                "INSERT INTO legal_representatives (patient_id, representative_id, relation, document, valid_from, "
                "valid_to) VALUES (:p, :r, :rel, :d, :f, :t) RETURNING id"),
                {"p": patient_id, "r": representative_id, "rel": relation, "d": document, "f": start, "t": end})
    except IntegrityError:
        raise InvalidFields({"representative": QT_TRANSLATE_NOOP(
            "DomainError", "This person is already named with this relation, or does not exist.")}) from None


def active_representatives(connection: Connection, patient_id: int,
                           on: dt.date | None = None) -> tuple[RepresentativeInfo, ...]:
    """Representatives whose authority is valid on ``on`` (today): who may book or pay for a ward."""
    on = on or dt.date.today()
    return tuple(r for r in client_details(connection, patient_id).representatives
                 if (r.valid_from is None or r.valid_from <= on) and (r.valid_to is None or r.valid_to >= on))


class DetailGone(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The entry is no longer there: someone removed it. The list is reloaded.")


_REMOVABLE = {"document": "patient_documents", "policy": "patient_policies", "representative": "legal_representatives"}


def remove(connection: Connection, kind: str, row_id: int, patient_id: int) -> None:
    """Removes a document, policy or representative of ``patient_id`` entered by mistake (a
    representative from either side). `DetailGone` when there is no such entry of that client."""
    table = _REMOVABLE[kind]
    owner = "(patient_id = :p OR representative_id = :p)" if kind == "representative" else "patient_id = :p"
    deleted = connection.execute(
        text(f"DELETE FROM {table} WHERE id = :i AND {owner}"), {"i": row_id, "p": patient_id}  # noqa: S608
    ).rowcount
    if deleted != 1:
        raise DetailGone()
