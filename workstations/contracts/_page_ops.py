"""The contracts clerk's verbs, one small function each: a catalogue or contracts service call in its own
unit of work on a worker thread (`shared.services.catalogue` and `shared.services.contracts`).

Each returns a `BackgroundOp`; the caller adds ``success``/``failure`` and ``run()``s it. What a verb
changed is announced on the operation bus under the names below, so every open page refreshes itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.operations import session_op as _op
from shared.services import calendar
from shared.services import catalogue as cat
from shared.services import contracts as con

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

#: Service groups, services and complex services' specifications.
CATALOGUE_CHANGES = "catalogue"
#: Price lists and the prices in them.
PRICE_CHANGES = "prices"
#: Payers.
PAYER_CHANGES = "payers"
#: Agreements, their services and payment schedules.
AGREEMENT_CHANGES = "agreements"


@dataclass(frozen=True)
class CatalogueData:
    groups: tuple[cat.ServiceGroupInfo, ...] = ()
    services: tuple[cat.ServiceEntry, ...] = ()
    departments: tuple[tuple[int, str], ...] = ()
    performers: tuple[cat.StepPerformer, ...] = ()


@dataclass(frozen=True)
class PriceData:
    lists: tuple[cat.PriceListInfo, ...] = ()
    services: tuple[cat.ServiceEntry, ...] = ()


@dataclass(frozen=True)
class AgreementLists:
    agreements: tuple[con.AgreementEntry, ...] = ()
    payers: tuple[con.PayerEntry, ...] = ()
    price_lists: tuple[cat.PriceListInfo, ...] = ()
    services: tuple[cat.ServiceEntry, ...] = ()


@dataclass(frozen=True)
class AgreementDetails:
    agreement: con.AgreementEntry
    services: tuple[con.AgreementServiceEntry, ...]
    payments: tuple[con.ScheduledPayment, ...]


# --- catalogue ------------------------------------------------------------------------------------------


def load_catalogue(*, parent: QWidget, session: AppSession) -> BackgroundOp[CatalogueData]:
    org = session.organization_id

    def run(conn: Connection) -> CatalogueData:
        if org is None:
            return CatalogueData()
        return CatalogueData(tuple(cat.groups(conn, org)), tuple(cat.services(conn, org)),
                             tuple(calendar.departments(conn, org)), tuple(cat.step_performers(conn, org)))

    return _op(parent, session, run, commit=False)


def save_group(*, parent: QWidget, session: AppSession, code: str, name: str,
               group_id: int | None = None) -> BackgroundOp[int]:
    org = session.organization_id
    return _op(parent, session, lambda conn: cat.save_group(conn, org, code, name, group_id), CATALOGUE_CHANGES)


def save_service(*, parent: QWidget, session: AppSession, entry: cat.ServiceEntry) -> BackgroundOp[int]:
    org = session.organization_id
    return _op(parent, session, lambda conn: cat.save_service(conn, org, entry), CATALOGUE_CHANGES)


def load_service(*, parent: QWidget, session: AppSession,
                 service_id: int) -> BackgroundOp[tuple[cat.ServiceEntry | None, tuple[cat.Component, ...]]]:
    def run(conn: Connection):
        entry = cat.service(conn, service_id)
        steps = tuple(cat.specification(conn, service_id)) if entry is not None and entry.kind == "complex" else ()
        return entry, steps

    return _op(parent, session, run, commit=False)


def save_specification(*, parent: QWidget, session: AppSession, service_id: int,
                       steps: Sequence[cat.Component]) -> BackgroundOp[tuple[cat.Component, ...]]:
    def run(conn: Connection) -> tuple[cat.Component, ...]:
        cat.save_specification(conn, service_id, steps)
        return tuple(cat.specification(conn, service_id))

    return _op(parent, session, run, CATALOGUE_CHANGES)


# --- price lists ----------------------------------------------------------------------------------------


def load_price_data(*, parent: QWidget, session: AppSession) -> BackgroundOp[PriceData]:
    org = session.organization_id

    def run(conn: Connection) -> PriceData:
        if org is None:
            return PriceData()
        return PriceData(tuple(cat.price_lists(conn, org)), tuple(cat.services(conn, org)))

    return _op(parent, session, run, commit=False)


def load_prices(*, parent: QWidget, session: AppSession, price_list_id: int,
                on: dt.date | None) -> BackgroundOp[tuple[cat.PriceEntry, ...]]:
    return _op(parent, session, lambda conn: tuple(cat.prices(conn, price_list_id, on=on)), commit=False)


def save_price_list(*, parent: QWidget, session: AppSession, name: str, is_default: bool, note: str,
                    list_id: int | None = None, version: int = 0) -> BackgroundOp[int]:
    org = session.organization_id
    return _op(parent, session, lambda conn: cat.save_price_list(
        conn, org, name, is_default=is_default, note=note, list_id=list_id, version=version), PRICE_CHANGES)


def set_price(*, parent: QWidget, session: AppSession, price_list_id: int, service_id: int, amount: object,
              valid_from: dt.date, valid_to: dt.date | None) -> BackgroundOp[int]:
    return _op(parent, session, lambda conn: cat.set_price(conn, price_list_id, service_id, amount, valid_from,
                                                           valid_to), PRICE_CHANGES)


def delete_price(*, parent: QWidget, session: AppSession, price_id: int) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: cat.delete_price(conn, price_id), PRICE_CHANGES)


# --- payers ---------------------------------------------------------------------------------------------


def load_payers(*, parent: QWidget, session: AppSession) -> BackgroundOp[tuple[con.PayerEntry, ...]]:
    org = session.organization_id
    return _op(parent, session, lambda conn: tuple(con.payers(conn, org, include_inactive=True))
               if org is not None else (), commit=False)


def save_payer(*, parent: QWidget, session: AppSession, entry: con.PayerEntry) -> BackgroundOp[int]:
    org = session.organization_id
    return _op(parent, session, lambda conn: con.save_payer(conn, org, entry), PAYER_CHANGES)


# --- agreements -----------------------------------------------------------------------------------------


def load_agreement_lists(*, parent: QWidget, session: AppSession) -> BackgroundOp[AgreementLists]:
    org = session.organization_id

    def run(conn: Connection) -> AgreementLists:
        if org is None:
            return AgreementLists()
        return AgreementLists(tuple(con.agreements(conn, org)), tuple(con.payers(conn, org, include_inactive=True)),
                              tuple(cat.price_lists(conn, org)), tuple(cat.services(conn, org)))

    return _op(parent, session, run, commit=False)


def load_agreement(*, parent: QWidget, session: AppSession,
                   agreement_id: int) -> BackgroundOp[AgreementDetails | None]:
    def run(conn: Connection) -> AgreementDetails | None:
        entry = con.agreement(conn, agreement_id)
        if entry is None:
            return None
        return AgreementDetails(entry, tuple(con.agreement_services(conn, agreement_id)),
                                tuple(con.payment_schedule(conn, agreement_id)))

    return _op(parent, session, run, commit=False)


def save_agreement(*, parent: QWidget, session: AppSession, entry: con.AgreementEntry) -> BackgroundOp[int]:
    org = session.organization_id
    return _op(parent, session, lambda conn: con.save_agreement(conn, org, entry), AGREEMENT_CHANGES)


def create_from_model(*, parent: QWidget, session: AppSession, model_id: int, number: str, name: str,
                      payer_id: int, signed_on: dt.date) -> BackgroundOp[int]:
    return _op(parent, session, lambda conn: con.create_from_model(
        conn, model_id, number=number, name=name, payer_id=payer_id, signed_on=signed_on), AGREEMENT_CHANGES)


def set_agreement_services(*, parent: QWidget, session: AppSession, agreement_id: int,
                           entries: Sequence[con.AgreementServiceEntry]) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: con.set_agreement_services(conn, agreement_id, entries),
               AGREEMENT_CHANGES)


def add_payment(*, parent: QWidget, session: AppSession, agreement_id: int, due_on: dt.date, amount: object,
                note: str = "") -> BackgroundOp[int]:
    return _op(parent, session, lambda conn: con.add_scheduled_payment(conn, agreement_id, due_on, amount, note),
               AGREEMENT_CHANGES)


def record_payment(*, parent: QWidget, session: AppSession, payment_id: int, paid_amount: object,
                   paid_on: dt.date) -> BackgroundOp[None]:
    return _op(parent, session, lambda conn: con.record_payment(conn, payment_id, paid_amount, paid_on),
               AGREEMENT_CHANGES)

