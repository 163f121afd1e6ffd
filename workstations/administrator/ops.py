"""The administrator's verbs, one small function each: a service call in its own unit of work on a
worker thread, announcing what it changed on the operation bus (so every open list refreshes).

Each returns a `BackgroundOp`; the caller adds ``success``/``failure`` and calls ``run()``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.operations import session_op as _op
from shared.services import card_numbering, reference_admin, users
from shared.services.reference import (
    CardTypeRow,
    OrganizationRow,
    StaffRow,
    list_card_types,
    list_organizations,
    list_staff,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession


USER_CHANGES = ("users",)
#: Bus names of the reference lists (the reference kinds of `reference_admin`, staff as "staff").
REFERENCE_CHANGES = frozenset(reference_admin.KINDS)


# --- Users -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UsersData:
    users: tuple[users.UserAccount, ...]
    organizations: tuple[OrganizationRow, ...]
    staff: tuple[StaffRow, ...]
    card_types: tuple[CardTypeRow, ...]


@dataclass(frozen=True)
class UserRights:
    jobs: tuple[str, ...]
    organization_ids: tuple[int, ...]
    default_organization_id: int | None
    staff_member_id: int | None
    card_type_ids: tuple[int, ...]


def load_users(*, parent: QWidget, session: AppSession) -> BackgroundOp[UsersData]:
    """The users with what the list and the dialogs show beside them, in one snapshot."""
    def run() -> UsersData:
        with session.uow() as uow:
            assert uow.session is not None
            accounts = users.list_users(uow.session.connection(), session.settings.roles())
            return UsersData(accounts, list_organizations(uow), list_staff(uow), list_card_types(uow))

    return BackgroundOp(parent, run)


def create_user(*, parent: QWidget, session: AppSession, login: str, password: str, rights: UserRights) -> BackgroundOp:
    def run(conn: Connection) -> int:
        new_id = users.create_login(
            conn, session.settings.roles(), login, password, rights.jobs, staff_member_id=rights.staff_member_id,
            organization_ids=rights.organization_ids, default_organization_id=rights.default_organization_id,
        )
        if rights.staff_member_id is not None:
            users.set_card_types(conn, rights.staff_member_id, rights.card_type_ids)
        return new_id

    return _op(parent, session, run, *USER_CHANGES)


def change_rights(*, parent: QWidget, session: AppSession, login: str, before: UserRights,
                  after: UserRights) -> BackgroundOp:
    """Saves what changed of jobs, organizations, staff link and card access, all or nothing."""
    def run(conn: Connection) -> None:
        if set(after.jobs) != set(before.jobs):
            users.set_jobs(conn, login, after.jobs)
        if (set(after.organization_ids), after.default_organization_id) != (
                set(before.organization_ids), before.default_organization_id):
            users.set_organizations(conn, login, after.organization_ids, after.default_organization_id)
        if after.staff_member_id != before.staff_member_id:
            users.link_staff(conn, login, after.staff_member_id)
        if after.staff_member_id is not None and (
                set(after.card_type_ids) != set(before.card_type_ids) or after.staff_member_id != before.staff_member_id):
            users.set_card_types(conn, after.staff_member_id, after.card_type_ids)

    return _op(parent, session, run, *USER_CHANGES)


def reset_password(*, parent: QWidget, session: AppSession, login: str, password: str) -> BackgroundOp:
    return _op(parent, session, lambda conn: users.set_password(conn, session.settings.roles(), login, password),
               *USER_CHANGES)


def set_locked(*, parent: QWidget, session: AppSession, login: str, locked: bool) -> BackgroundOp:
    return _op(parent, session, lambda conn: users.set_locked(conn, login, locked), *USER_CHANGES)


# --- Reference data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtraLists:
    specialties: tuple[reference_admin.SpecialtyRow, ...]
    positions: tuple[reference_admin.PositionRow, ...]
    cash_desks: tuple[reference_admin.CashDeskRow, ...] = ()


def load_extra_lists(*, parent: QWidget, session: AppSession) -> BackgroundOp[ExtraLists]:
    return _op(parent, session, lambda conn: ExtraLists(reference_admin.list_specialties(conn),
                                                        reference_admin.list_positions(conn),
                                                        reference_admin.list_cash_desks(conn)), commit=False)


def load_record(*, parent: QWidget, session: AppSession, kind: str,
                row_id: int | None) -> BackgroundOp[tuple[reference_admin.Record | None, reference_admin.Choices]]:
    """The row to edit (None for a new one) and the dialog's drop-down lists, in one snapshot."""
    def run(conn: Connection):
        record = reference_admin.get_record(conn, kind, row_id) if row_id is not None else None
        return record, reference_admin.choices(conn)

    return _op(parent, session, run, commit=False)


def save_record(*, parent: QWidget, session: AppSession, kind: str, row_id: int | None, values: Any,
                version: int | str | None) -> BackgroundOp:
    def run(conn: Connection):
        if row_id is None:
            return reference_admin.create(conn, kind, values)
        assert version is not None
        return reference_admin.update_record(conn, kind, row_id, values, version=version)

    return _op(parent, session, run, kind)


def set_active(*, parent: QWidget, session: AppSession, kind: str, row_id: int, active: bool) -> BackgroundOp:
    # Read and write in one unit of work: the person confirmed on what the list showed.
    def run(conn: Connection) -> None:
        record = reference_admin.get_record(conn, kind, row_id)
        reference_admin.set_active(conn, kind, row_id, active, version=record.version)

    return _op(parent, session, run, kind)


def delete_record(*, parent: QWidget, session: AppSession, kind: str, row_id: int) -> BackgroundOp:
    return _op(parent, session, lambda conn: reference_admin.delete(conn, kind, row_id), kind)


def ids(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted(set(values)))


# --- Card numbering --------------------------------------------------------------------------------

NUMBERING_CHANGES = "card_numbering"


def load_numbering(*, parent: QWidget, session: AppSession) -> BackgroundOp[tuple[card_numbering.NumberingRule, ...]]:
    return _op(parent, session, card_numbering.list_rules, commit=False)


def set_numbering(*, parent: QWidget, session: AppSession, rule: card_numbering.NumberingRule) -> BackgroundOp:
    return _op(parent, session, lambda conn: card_numbering.set_rule(
        conn, rule.organization_id, rule.card_type_id, prefix=rule.prefix, with_year=rule.with_year,
        digits=rule.digits, next_value=rule.next_value), NUMBERING_CHANGES)
