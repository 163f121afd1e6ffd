"""User management: logins are PostgreSQL login roles, managed through the administrator's
security-definer functions (migrations/sql/0002_functions.sql), which check the caller's job, refuse
changes to one's own rights and to the last administrator, and write the audit trail.

Passwords are checked against the policy here and turned into a SCRAM-SHA-256 verifier by libpq on
this machine: the plain password never travels in SQL, nor lands in a server log.

Every function takes a SQLAlchemy Connection (a unit of work's ``session.connection()``, or the
owner's connection when the demo is seeded) and plain values; the caller commits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import psycopg
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.db.roles import JOBS, RoleNames, validate_login
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.security.passwords import check_password


class UnknownJob(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "There is no job \u201c{job}\u201d.")


class LoginTaken(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The user name \u201c{login}\u201d is already taken.")


class LastAdministrator(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "This is the last active administrator: the clinic would have nobody to manage users."
    )


class OwnRights(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "You cannot change your own jobs, organizations, card access, staff link or lock. "
        "Ask another administrator."
    )


class UnknownUser(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "There is no such user or staff member.")


class InvalidUserData(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The user data is not valid: {detail}")


class StaffHasLogin(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "This staff member already has a login.")


class NotPermitted(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "You do not have the rights for this action.")


_SQLSTATE_ERRORS = {
    "MC001": LastAdministrator,
    "MC002": OwnRights,
    "MC005": UnknownUser,
    "42501": NotPermitted,
}


@dataclass(frozen=True)
class UserAccount:
    user_id: int
    login: str
    role_name: str
    staff_member_id: int | None
    staff_name: str
    position_name: str
    locked: bool
    jobs: tuple[str, ...]
    organization_ids: tuple[int, ...]
    default_organization_id: int | None
    card_type_ids: tuple[int, ...]


def scram_verifier(connection: Connection, role: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` for ``role``, computed by libpq on this machine."""
    pgconn = connection.connection.driver_connection.pgconn
    return pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()


def _call(connection: Connection, sql: str, params: dict, *, login: str = ""):
    try:
        with connection.begin_nested():
            return connection.execute(text(sql), params).scalar()
    except DBAPIError as exc:
        orig = exc.orig
        state = getattr(orig, "sqlstate", None)
        if state == "MC003":
            raise LoginTaken(login=login) from None
        if state == "23505" and getattr(orig.diag, "constraint_name", "") == "uq_users_staff_member_id":
            raise StaffHasLogin() from None
        if state == "MC004":
            detail = orig.diag.message_primary if isinstance(orig, psycopg.Error) else str(orig)
            if detail and detail.startswith("unknown_job"):
                raise UnknownJob(job=detail.removeprefix("unknown_job").strip()) from None
            raise InvalidUserData(detail=detail or "") from None
        error = _SQLSTATE_ERRORS.get(state)
        if error is not None:
            raise error() from None
        raise


def _check_jobs(jobs: Iterable[str]) -> list[str]:
    jobs = list(dict.fromkeys(jobs))
    for job in jobs:
        if job not in JOBS:
            raise UnknownJob(job=job)
    return jobs


def create_login(
    connection: Connection,
    roles: RoleNames,
    login: str,
    password: str,
    jobs: Iterable[str],
    *,
    staff_member_id: int | None = None,
    organization_ids: Iterable[int] = (),
    default_organization_id: int | None = None,
) -> int:
    """Creates the login role with its jobs and the users row; returns the users id."""
    login = validate_login(login)
    jobs = _check_jobs(jobs)
    check_password(password, login)
    verifier = scram_verifier(connection, roles.login_role(login), password)
    return _call(
        connection,
        "SELECT admin_create_user(:login, :verifier, :staff, CAST(:jobs AS text[]), "
        "CAST(:orgs AS integer[]), :default_org)",
        {"login": login, "verifier": verifier, "staff": staff_member_id, "jobs": jobs,
         "orgs": list(organization_ids), "default_org": default_organization_id},
        login=login,
    )


def set_password(connection: Connection, roles: RoleNames, login: str, password: str) -> None:
    login = validate_login(login)
    check_password(password, login)
    verifier = scram_verifier(connection, roles.login_role(login), password)
    _call(connection, "SELECT admin_set_password(:login, :verifier)", {"login": login, "verifier": verifier})


def set_locked(connection: Connection, login: str, locked: bool) -> None:
    """Locks (NOLOGIN; open sessions are ended where the server allows) or unlocks a user."""
    _call(connection, "SELECT admin_set_locked(:login, :locked)", {"login": validate_login(login), "locked": locked})


def set_jobs(connection: Connection, login: str, jobs: Iterable[str]) -> None:
    jobs = _check_jobs(jobs)
    _call(connection, "SELECT admin_set_jobs(:login, CAST(:jobs AS text[]))", {"login": validate_login(login), "jobs": jobs})


def set_organizations(connection: Connection, login: str, organization_ids: Iterable[int],
                      default_organization_id: int | None) -> None:
    _call(
        connection,
        "SELECT admin_set_organizations(:login, CAST(:orgs AS integer[]), :default_org)",
        {"login": validate_login(login), "orgs": list(organization_ids), "default_org": default_organization_id},
    )


def link_staff(connection: Connection, login: str, staff_member_id: int | None) -> None:
    _call(connection, "SELECT admin_link_staff(:login, :staff)", {"login": validate_login(login), "staff": staff_member_id})


def set_card_types(connection: Connection, staff_member_id: int, card_type_ids: Iterable[int]) -> None:
    _call(
        connection,
        "SELECT admin_set_card_types(:staff, CAST(:types AS integer[]))",
        {"staff": staff_member_id, "types": list(card_type_ids)},
    )


def list_users(connection: Connection, roles: RoleNames) -> tuple[UserAccount, ...]:
    """Every user of the clinic with their lock state, jobs, organizations and card access."""
    rows = connection.execute(
        text(
            """
            SELECT u.id, u.login, u.role_name, u.staff_member_id, u.default_organization_id,
                   coalesce(btrim(concat_ws(' ', s.last_name, s.first_name, s.middle_name)), '') AS staff_name,
                   coalesce(p.name, '') AS position_name,
                   NOT coalesce(r.rolcanlogin, false) AS locked,
                   ARRAY(SELECT substr(g.rolname, length(:ns) + 2) FROM pg_auth_members m
                           JOIN pg_roles g ON g.oid = m.roleid
                          WHERE m.member = r.oid AND starts_with(g.rolname, :ns || '_')
                            AND g.rolname NOT IN (:ns || '_owner', :ns || '_user')
                          ORDER BY g.rolname) AS jobs,
                   ARRAY(SELECT organization_id FROM user_organizations uo WHERE uo.user_id = u.id ORDER BY 1) AS orgs,
                   ARRAY(SELECT card_type_id FROM staff_card_type_access a
                          WHERE a.staff_member_id = u.staff_member_id ORDER BY 1) AS card_types
              FROM users u
              LEFT JOIN pg_roles r ON r.rolname = u.role_name
              LEFT JOIN staff_members s ON s.id = u.staff_member_id
              LEFT JOIN positions p ON p.id = s.position_id
             ORDER BY u.login
            """
        ),
        {"ns": roles.namespace},
    ).mappings()
    return tuple(
        UserAccount(
            user_id=r["id"], login=r["login"], role_name=r["role_name"], staff_member_id=r["staff_member_id"],
            staff_name=r["staff_name"], position_name=r["position_name"], locked=r["locked"],
            jobs=tuple(r["jobs"]), organization_ids=tuple(r["orgs"]),
            default_organization_id=r["default_organization_id"], card_type_ids=tuple(r["card_types"]),
        )
        for r in rows
    )
