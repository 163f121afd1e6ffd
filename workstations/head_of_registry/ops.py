"""The head of registry's verbs, one small function each: a service call in its own unit of work on a
worker thread. Each returns a `BackgroundOp`; the caller adds ``success``/``failure`` and ``run()``s it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.operations import session_op as _op
from shared.services import patients
from shared.services.patient_search import PatientHit, search_patients

if TYPE_CHECKING:

    from medcenter_desktop.login_service import AppSession


PATIENT_CHANGES = "patients"
CARD_CHANGES = "cards"


@dataclass(frozen=True)
class ClientSummary:
    """What the head of registry compares before merging: the person and their cards."""

    details: patients.PatientDetails
    cards: tuple[patients.CardInfo, ...]


def find_clients(*, parent: QWidget, session: AppSession, query: str) -> BackgroundOp[tuple[PatientHit, ...]]:
    return _op(parent, session, lambda conn: search_patients(conn, query), commit=False)


def load_summary(*, parent: QWidget, session: AppSession, patient_id: int) -> BackgroundOp[ClientSummary]:
    return _op(parent, session, lambda conn: ClientSummary(
        patients.get_patient(conn, patient_id), patients.patient_cards(conn, patient_id)), commit=False)


def merge_clients(*, parent: QWidget, session: AppSession, keep_id: int, drop_id: int) -> BackgroundOp[None]:
    """Merges the duplicate ``drop_id`` into ``keep_id`` (`MergeRefused` says why not)."""
    return _op(parent, session, lambda conn: patients.merge_patients(conn, keep_id, drop_id),
               PATIENT_CHANGES, CARD_CHANGES)
