"""Server-level set-up of a clinic database, done by IT staff with an administrator connection.

``bootstrap_clinic`` creates the owner role and the database (idempotent); migrations then create
every other role, table and grant as that owner. ``drop_clinic`` removes a clinic's database and all
of its roles -- tests use it to leave the server as they found it.
"""

from __future__ import annotations

import psycopg
from psycopg import sql

from shared.db.connection import ConnectionParams
from shared.db.roles import RoleNames


def _admin(params: ConnectionParams) -> psycopg.Connection:
    return psycopg.connect(params.with_database("postgres").conninfo(), autocommit=True)


def role_exists(conn: psycopg.Connection, role: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() is not None


def database_exists(conn: psycopg.Connection, database: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone() is not None


def bootstrap_clinic(admin: ConnectionParams, database: str, namespace: str | None = None) -> RoleNames:
    """Creates (if missing) the owner role of ``namespace`` and ``database`` owned by it.

    ``admin`` must be a superuser or a role with CREATEROLE and CREATEDB.
    """
    roles = RoleNames(namespace or database)
    with _admin(admin) as conn:
        if not role_exists(conn, roles.owner):
            # CREATEROLE: migrations create the job roles, the administrator creates user logins.
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN CREATEROLE").format(sql.Identifier(roles.owner)))
        current = conn.execute("SELECT current_user").fetchone()[0]
        is_super = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]
        if not is_super:
            conn.execute(
                sql.SQL("GRANT {} TO {}").format(sql.Identifier(roles.owner), sql.Identifier(current))
            )
        if not database_exists(conn, database):
            conn.execute(
                sql.SQL("CREATE DATABASE {} OWNER {} ENCODING 'UTF8' TEMPLATE template0").format(
                    sql.Identifier(database), sql.Identifier(roles.owner)
                )
            )
    return roles


def namespace_roles(conn: psycopg.Connection, namespace: str) -> list[str]:
    """Every role of the clinic ``namespace``: login roles first, the owner last."""
    roles = RoleNames(namespace)
    rows = conn.execute(
        "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s) OR starts_with(rolname, %s)",
        (f"{namespace}.", f"{namespace}_"),
    ).fetchall()
    names = [r[0] for r in rows]
    group_names = set(roles.all_jobs().values()) | {roles.base_user, roles.owner}
    names = [n for n in names if n in group_names or roles.is_login_role(n)]
    return sorted(names, key=lambda n: (n == roles.owner, not roles.is_login_role(n), n))


def drop_clinic(admin: ConnectionParams, databases: list[str], namespace: str) -> None:
    """Drops ``databases`` and every role of ``namespace``. Irreversible; for tests and decommissioning."""
    with _admin(admin) as conn:
        for database in databases:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))
        for role in namespace_roles(conn, namespace):
            # Privileges on other databases' objects would block DROP ROLE; there are none by design.
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
