"""The registrar's verbs, one small function each: a service call in its own unit of work on a
worker thread. Each returns a `BackgroundOp`; the caller adds ``success``/``failure`` and ``run()``s it.
Operations that change data announce it on the operation bus ("patients", "cards").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.operations import session_op as _op
from shared.services import client_details, patients, registry_lookup
from shared.services.patient_input import PatientInput
from shared.services.patient_search import PatientHit, search_patients

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession


PATIENT_CHANGES = "patients"
CARD_CHANGES = "cards"
DETAIL_CHANGES = "client_details"


@dataclass(frozen=True)
class ClientData:
    """A client's details and medical cards, read in one snapshot."""

    details: patients.PatientDetails
    cards: tuple[patients.CardInfo, ...]


@dataclass(frozen=True)
class CardChoices:
    card_types: tuple[registry_lookup.CardTypeChoice, ...]
    offices: tuple[registry_lookup.OfficeChoice, ...]


def _client(conn: Connection, patient_id: int) -> ClientData:
    return ClientData(patients.get_patient(conn, patient_id), patients.patient_cards(conn, patient_id))


def find_clients(*, parent: QWidget, session: AppSession, query: str) -> BackgroundOp[tuple[PatientHit, ...]]:
    return _op(parent, session, lambda conn: search_patients(conn, query), commit=False)


def load_client(*, parent: QWidget, session: AppSession, patient_id: int) -> BackgroundOp[ClientData]:
    return _op(parent, session, lambda conn: _client(conn, patient_id), commit=False)


def save_client(*, parent: QWidget, session: AppSession, patient_id: int, version: int,
                data: PatientInput) -> BackgroundOp[ClientData]:
    """Saves unless someone saved in between (`ChangedByOther`); returns what is stored now."""
    def run(conn: Connection) -> ClientData:
        patients.update_patient(conn, patient_id, version, data)
        return _client(conn, patient_id)

    return _op(parent, session, run, PATIENT_CHANGES)


def register_client(*, parent: QWidget, session: AppSession, data: PatientInput,
                    confirmed_not_duplicate: bool) -> BackgroundOp[int]:
    return _op(parent, session, lambda conn: patients.register_patient(
        conn, data, confirmed_not_duplicate=confirmed_not_duplicate), PATIENT_CHANGES)


def load_card_choices(*, parent: QWidget, session: AppSession) -> BackgroundOp[CardChoices]:
    org = session.organization_id

    def run(conn: Connection) -> CardChoices:
        offices = registry_lookup.organization_offices(conn, org) if org is not None else ()
        return CardChoices(registry_lookup.card_types_to_open(conn), offices)

    return _op(parent, session, run, commit=False)


def open_card(*, parent: QWidget, session: AppSession, patient_id: int,
              card_type_id: int) -> BackgroundOp[patients.CardInfo]:
    """A new card in the workstation's organization (`CardNotAvailable` if it may not be opened)."""
    org = session.organization_id

    def run(conn: Connection) -> patients.CardInfo:
        if org is None:
            raise patients.CardNotAvailable()
        return patients.open_card(conn, patient_id, org, card_type_id)

    return _op(parent, session, run, CARD_CHANGES)


def move_paper_card(*, parent: QWidget, session: AppSession, card_id: int, location: str,
                    office_id: int | None, note: str = "") -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: patients.move_paper_card(conn, card_id, location, office_id, note),
               CARD_CHANGES)


def cards_not_returned(*, parent: QWidget, session: AppSession) -> BackgroundOp[tuple[patients.CardInfo, ...]]:
    org = session.organization_id
    return _op(parent, session, lambda conn: patients.cards_not_returned(conn, org) if org is not None else (),
               commit=False)


# --- Client card details: documents, policies, addresses, consents, representatives ---------------


def load_details(*, parent: QWidget, session: AppSession,
                 patient_id: int) -> BackgroundOp[client_details.ClientDetails]:
    return _op(parent, session, lambda conn: client_details.client_details(conn, patient_id), commit=False)


def add_document(*, parent: QWidget, session: AppSession, patient_id: int, kind: str, number: str,
                 series: str = "", issued_by: str = "", issued_on: str = "", valid_until: str = "") -> BackgroundOp[int]:
    return _op(parent, session, lambda conn: client_details.add_document(
        conn, patient_id, kind, number, series=series, issued_by=issued_by, issued_on=issued_on,
        valid_until=valid_until), DETAIL_CHANGES)


def add_policy(*, parent: QWidget, session: AppSession, patient_id: int, kind: str, number: str,
               insurer: str = "", valid_from: str = "", valid_to: str = "") -> BackgroundOp[int]:
    return _op(parent, session, lambda conn: client_details.add_policy(
        conn, patient_id, kind, number, insurer=insurer, valid_from=valid_from, valid_to=valid_to), DETAIL_CHANGES)


def set_address(*, parent: QWidget, session: AppSession, patient_id: int, kind: str,
                address: str) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: client_details.set_address(conn, patient_id, kind, address),
               DETAIL_CHANGES)


def give_consent(*, parent: QWidget, session: AppSession, patient_id: int, given_on: str,
                 scope: str) -> BackgroundOp[int]:
    return _op(parent, session, lambda conn: client_details.give_consent(conn, patient_id, given_on, scope),
               DETAIL_CHANGES)


def withdraw_consent(*, parent: QWidget, session: AppSession, consent_id: int,
                     withdrawn_on: str) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: client_details.withdraw_consent(conn, consent_id, withdrawn_on),
               DETAIL_CHANGES)


def add_representative(*, parent: QWidget, session: AppSession, patient_id: int, representative_id: int,
                       relation: str, document: str = "", valid_from: str = "",
                       valid_to: str = "") -> BackgroundOp[int]:
    return _op(parent, session, lambda conn: client_details.add_representative(
        conn, patient_id, representative_id, relation, document=document, valid_from=valid_from,
        valid_to=valid_to), DETAIL_CHANGES)


def remove_detail(*, parent: QWidget, session: AppSession, kind: str, row_id: int,
                  patient_id: int) -> BackgroundOp[None]:
    """Removes a document, policy or representative of the client entered by mistake."""
    return _op(parent, session, lambda conn: client_details.remove(conn, kind, row_id, patient_id),
               DETAIL_CHANGES)
