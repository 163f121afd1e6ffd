"""Registry use cases: register a client (after the duplicate check), edit with optimistic locking,
open medical cards with their numbering rules, move paper cards, merge duplicates.

Functions take a SQLAlchemy Connection of the logged-in user (row-level security applies) and plain
values; the caller commits (one unit of work per user action).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import psycopg
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models.registry import PAPER_LOCATIONS
from shared.services.concurrency import last_change
from shared.services.patient_input import CleanPatient, PatientInput, validate_patient
from shared.services.patient_search import PatientHit, _hits

_CARD_COLUMNS = (
    "c.id, c.number, t.name AS card_type, c.organization_id, c.opened_on, c.closed_on, c.paper_location, "
    "coalesce(o.number || ' ' || o.name, '') AS paper_office, c.paper_moved_at, c.patient_id, "
    "btrim(concat_ws(' ', p.last_name, p.first_name, p.middle_name)) AS patient_name "
    "FROM medical_cards c JOIN medical_card_types t ON t.id = c.card_type_id "
    "JOIN patients p ON p.id = c.patient_id LEFT JOIN offices o ON o.id = c.paper_office_id"
)


class PossibleDuplicates(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "This person may already be registered ({count} similar). Check the list before saving."
    )

    def __init__(self, hits: tuple[PatientHit, ...]) -> None:
        self.hits = hits
        super().__init__(count=len(hits))


class ChangedByOther(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The record was changed by {user} at {time}. Reload it and enter your changes again."
    )


class CardNotAvailable(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "You have no access to cards of this type in this organization, or there is no such card."
    )


class MergeRefused(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "These records cannot be merged: {reason}")
    translatable_params = ("reason",)


class InvalidPaperMove(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "Say where the paper card goes: {reason}")
    translatable_params = ("reason",)


@dataclass(frozen=True)
class PatientDetails:
    id: int
    version: int
    last_name: str
    first_name: str
    middle_name: str
    birth_date: dt.date
    sex: str
    snils: str | None
    email: str
    notify_sms: bool
    notify_email: bool
    phones: tuple[str, ...]
    oms_policy: str | None
    merged_into_id: int | None


@dataclass(frozen=True)
class CardInfo:
    id: int
    number: str
    card_type: str
    organization_id: int
    opened_on: dt.date
    closed_on: dt.date | None
    paper_location: str
    paper_office: str
    paper_moved_at: dt.datetime | None
    patient_id: int
    patient_name: str


def find_duplicates(connection: Connection, data: CleanPatient, exclude_id: int | None = None) -> tuple[PatientHit, ...]:
    """Same name and birth date, same SNILS, same OMS policy, or a shared phone."""
    conditions = ["(p.name_norm = translate(lower(:full), 'ё', 'е') AND p.birth_date = :birth)"]
    params = {"full": f"{data.last_name} {data.first_name} {data.middle_name}", "birth": data.birth_date,
              "exclude": exclude_id or 0, "phones": list(data.phones)}
    if data.snils:
        conditions.append("p.snils = :snils")
        params["snils"] = data.snils
    if data.oms_policy:
        conditions.append("p.id IN (SELECT patient_id FROM patient_policies WHERE number = :policy)")
        params["policy"] = data.oms_policy
    if data.phones:
        conditions.append("p.id IN (SELECT patient_id FROM patient_phones WHERE digits = ANY(:phones))")
    where = "p.id <> :exclude AND (" + " OR ".join(conditions) + ")"
    return tuple(_hits(connection, where, params, "duplicate"))


def register_patient(connection: Connection, data: PatientInput, *, confirmed_not_duplicate: bool = False) -> int:
    """Validates, checks for duplicates (raising `PossibleDuplicates` unless confirmed), saves."""
    clean = validate_patient(data)
    if not confirmed_not_duplicate:
        duplicates = find_duplicates(connection, clean)
        if duplicates:
            raise PossibleDuplicates(duplicates)
    patient_id = connection.scalar(
        text("INSERT INTO patients (last_name, first_name, middle_name, birth_date, sex, snils, email, "
             "notify_sms, notify_email) VALUES (:l, :f, :m, :b, :s, :snils, :email, :ns, :ne) RETURNING id"),
        {"l": clean.last_name, "f": clean.first_name, "m": clean.middle_name, "b": clean.birth_date,
         "s": clean.sex, "snils": clean.snils, "email": clean.email, "ns": clean.notify_sms,
         "ne": clean.notify_email},
    )
    _save_contacts(connection, patient_id, clean)
    return patient_id


def _save_contacts(connection: Connection, patient_id: int, clean: CleanPatient) -> None:
    connection.execute(text("DELETE FROM patient_phones WHERE patient_id = :p AND NOT digits = ANY(:d)"),
                       {"p": patient_id, "d": list(clean.phones)})
    for digits in clean.phones:
        connection.execute(
            text("INSERT INTO patient_phones (patient_id, digits) SELECT :p, CAST(:d AS varchar) "
                 "WHERE NOT EXISTS (SELECT 1 FROM patient_phones WHERE patient_id = :p AND digits = :d)"),
            {"p": patient_id, "d": digits},
        )
    current = connection.scalar(
        text("SELECT number FROM patient_policies WHERE patient_id = :p AND kind = 'oms' ORDER BY id DESC LIMIT 1"),
        {"p": patient_id},
    )
    if clean.oms_policy and clean.oms_policy != current:
        connection.execute(text("INSERT INTO patient_policies (patient_id, kind, number) VALUES (:p, 'oms', :n)"),
                           {"p": patient_id, "n": clean.oms_policy})


def get_patient(connection: Connection, patient_id: int) -> PatientDetails:
    row = connection.execute(
        text("SELECT p.*, ARRAY(SELECT digits FROM patient_phones WHERE patient_id = p.id ORDER BY id) AS phones, "
             "(SELECT number FROM patient_policies WHERE patient_id = p.id AND kind = 'oms' ORDER BY id DESC LIMIT 1) "
             "AS oms FROM patients p WHERE p.id = :id"),
        {"id": patient_id},
    ).mappings().one_or_none()
    if row is None:
        raise CardNotAvailable()
    return PatientDetails(row["id"], row["version"], row["last_name"], row["first_name"], row["middle_name"],
                          row["birth_date"], row["sex"], row["snils"], row["email"], row["notify_sms"],
                          row["notify_email"], tuple(row["phones"]), row["oms"], row["merged_into_id"])


def update_patient(connection: Connection, patient_id: int, expected_version: int, data: PatientInput) -> int:
    """Saves changes unless someone saved in between (then `ChangedByOther` names them). Returns
    the new version."""
    clean = validate_patient(data)
    new_version = connection.scalar(
        text("UPDATE patients SET last_name = :l, first_name = :f, middle_name = :m, birth_date = :b, sex = :s, "
             "snils = :snils, email = :email, notify_sms = :ns, notify_email = :ne, version = version + 1, "
             "updated_at = now() WHERE id = :id AND version = :v RETURNING version"),
        {"l": clean.last_name, "f": clean.first_name, "m": clean.middle_name, "b": clean.birth_date,
         "s": clean.sex, "snils": clean.snils, "email": clean.email, "ns": clean.notify_sms,
         "ne": clean.notify_email, "id": patient_id, "v": expected_version},
    )
    if new_version is None:
        raise _changed_by_other(connection, "patients", patient_id)
    _save_contacts(connection, patient_id, clean)
    return new_version


def _changed_by_other(connection: Connection, table: str, key: int) -> ChangedByOther:
    who, when = last_change(connection, table, key) or ("?", "?")
    return ChangedByOther(user=who, time=when)


def open_card(connection: Connection, patient_id: int, organization_id: int, card_type_id: int) -> CardInfo:
    """A new card numbered by the organization's rule for its type."""
    try:
        with connection.begin_nested():
            number = connection.scalar(text("SELECT next_card_number(:o, :t)"), {"o": organization_id, "t": card_type_id})
            card_id = connection.scalar(
                text("INSERT INTO medical_cards (organization_id, patient_id, card_type_id, number) "
                     "VALUES (:o, :p, :t, :n) RETURNING id"),
                {"o": organization_id, "p": patient_id, "t": card_type_id, "n": number},
            )
    except DBAPIError as exc:
        state = getattr(exc.orig, "sqlstate", None)
        if state in ("MC010", "42501") or "row-level security" in str(exc.orig):
            raise CardNotAvailable() from None
        raise
    return next(c for c in patient_cards(connection, patient_id) if c.id == card_id)


def patient_cards(connection: Connection, patient_id: int) -> tuple[CardInfo, ...]:
    rows = connection.execute(
        text(f"SELECT {_CARD_COLUMNS} WHERE c.patient_id = :p ORDER BY t.sort_order, c.id"),  # noqa: S608
        {"p": patient_id},
    ).mappings()
    return tuple(CardInfo(**r) for r in rows)


def move_paper_card(connection: Connection, card_id: int, location: str, office_id: int | None = None,
                    note: str = "") -> None:
    """Records where the paper card went (archive, an office, issued to the patient, lost)."""
    if location not in PAPER_LOCATIONS:
        raise InvalidPaperMove(reason=QT_TRANSLATE_NOOP("DomainError", "unknown place"))
    if (location == "office") != (office_id is not None):
        raise InvalidPaperMove(reason=QT_TRANSLATE_NOOP("DomainError", "an office is chosen exactly when the card goes to one"))
    card = connection.execute(text("SELECT id, card_type_id, organization_id FROM medical_cards WHERE id = :c"),
                              {"c": card_id}).first()
    if card is None:
        raise CardNotAvailable()
    connection.execute(
        text("INSERT INTO paper_card_movements (card_id, card_type_id, organization_id, location, office_id, "
             "staff_member_id, note) VALUES (:c, :t, :o, :l, :office, app_user_staff_id(), :note)"),
        {"c": card.id, "t": card.card_type_id, "o": card.organization_id, "l": location, "office": office_id,
         "note": " ".join(note.split())[:300]},
    )
    connection.execute(
        text("UPDATE medical_cards SET paper_location = :l, paper_office_id = :office, paper_moved_at = now() "
             "WHERE id = :c"),
        {"l": location, "office": office_id, "c": card_id},
    )


def cards_not_returned(connection: Connection, organization_id: int) -> tuple[CardInfo, ...]:
    """Paper cards out of the archive (in an office or with the patient): the end-of-day list."""
    rows = connection.execute(
        text(f"SELECT {_CARD_COLUMNS} "  # noqa: S608 - a constant of this module
             "WHERE c.organization_id = :org AND c.paper_location IN ('office', 'patient') "
             "ORDER BY c.paper_moved_at NULLS FIRST, c.number"),
        {"org": organization_id},
    ).mappings()
    return tuple(CardInfo(**r) for r in rows)


def merge_patients(connection: Connection, keep_id: int, drop_id: int) -> None:
    """Merges the duplicate ``drop_id`` into ``keep_id`` (head of registry only; audited)."""
    reasons = {
        "MC020": QT_TRANSLATE_NOOP("DomainError", "a record cannot be merged into itself."),
        "MC021": QT_TRANSLATE_NOOP("DomainError", "one of them does not exist."),
        "MC022": QT_TRANSLATE_NOOP("DomainError", "one of them was merged already."),
        "42501": QT_TRANSLATE_NOOP("DomainError", "only the head of registry may merge records."),
    }
    try:
        with connection.begin_nested():
            connection.execute(text("SELECT merge_patients(:k, :d)"), {"k": keep_id, "d": drop_id})
    except DBAPIError as exc:
        state = exc.orig.sqlstate if isinstance(exc.orig, psycopg.Error) else None
        if state in reasons:
            raise MergeRefused(reason=reasons[state]) from None
        raise
