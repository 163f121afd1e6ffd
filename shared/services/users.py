"""Creating staff logins: a PostgreSQL login role (SCRAM verifier computed on the client, so the
plain password never travels in SQL or lands in a server log) plus its ``users`` row.

Runs on a connection acting as the clinic's owner role (migrations, the demo, IT bootstrap). The
administrator workstation reaches the same through security-definer functions (next issue).
"""

from __future__ import annotations

from collections.abc import Iterable

from psycopg import sql
from sqlalchemy import Connection, text

from shared.db.roles import JOBS, RoleNames, validate_login
from shared.errors import QT_TRANSLATE_NOOP, DomainError


class UnknownJob(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "There is no job \u201c{job}\u201d.")


class LoginTaken(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The user name \u201c{login}\u201d is already taken.")


def scram_verifier(connection: Connection, role: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password`` for ``role``, computed by libpq on this machine."""
    pgconn = connection.connection.driver_connection.pgconn
    return pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()


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
    """Creates the login role and the users row; returns the users id."""
    login = validate_login(login)
    jobs = list(jobs)
    for job in jobs:
        if job not in JOBS:
            raise UnknownJob(job=job)
    role = roles.login_role(login)
    if connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}):
        raise LoginTaken(login=login)
    verifier = scram_verifier(connection, role, password)
    groups = [roles.base_user, *(roles.job(j) for j in jobs)]
    # DDL takes no bind parameters; psycopg's composition quotes the names and the verifier.
    connection.connection.driver_connection.execute(
        sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
            sql.Identifier(role), sql.Literal(verifier), sql.SQL(", ").join(map(sql.Identifier, groups))
        )
    )
    user_id = connection.scalar(
        text(
            "INSERT INTO users (login, role_name, staff_member_id, default_organization_id) "
            "VALUES (:login, :role, :staff, :org) RETURNING id"
        ),
        {"login": login, "role": role, "staff": staff_member_id, "org": default_organization_id},
    )
    for org in organization_ids:
        connection.execute(
            text("INSERT INTO user_organizations (user_id, organization_id) VALUES (:u, :o)"),
            {"u": user_id, "o": org},
        )
    return user_id
