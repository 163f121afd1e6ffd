"""Helpers that migrations call: the clinic's role names, idempotent role creation, grants."""

from __future__ import annotations

from sqlalchemy import Connection, text

from shared.db.roles import RoleNames
from shared.errors import QT_TRANSLATE_NOOP, DomainError


class NamespaceMismatch(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "This database belongs to role namespace \u201c{stored}\u201d, not \u201c{requested}\u201d.",
    )


class OwnerRoleMissing(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "The owner role “{owner}” does not exist. Run “medcenter db bootstrap” for database "
        "“{database}” first, or give the clinic's role namespace with --namespace.",
    )


def resolve_namespace(connection: Connection, requested: str | None) -> str:
    """The namespace recorded in the database; for a new database the requested one or its name."""
    stored = None
    if connection.scalar(text("SELECT to_regclass('public.installation') IS NOT NULL")):
        stored = connection.scalar(text("SELECT role_namespace FROM installation"))
    if stored and requested and stored != requested:
        raise NamespaceMismatch(stored=stored, requested=requested)
    namespace = stored or requested or connection.scalar(text("SELECT current_database()"))
    return RoleNames(namespace).namespace


def current_roles() -> RoleNames:
    """The role names of the database being migrated (call inside a migration)."""
    from alembic import context

    return RoleNames(context.config.attributes["resolved_namespace"])


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def ensure_group_role(connection: Connection, role: str) -> None:
    exists = connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
    if not exists:
        connection.execute(text(f"CREATE ROLE {quote_ident(role)} NOLOGIN"))


def secure_database(connection: Connection, roles: RoleNames) -> None:
    """Database-level privileges: only the clinic's logins may connect; nothing for PUBLIC.

    Kept out of the migration history on purpose: these live on the database itself, which
    CREATE DATABASE ... TEMPLATE and plain restores do not copy, so every upgrade re-asserts them.
    """
    database = quote_ident(connection.scalar(text("SELECT current_database()")))
    connection.execute(text(f"REVOKE ALL ON DATABASE {database} FROM PUBLIC"))
    connection.execute(text(f"GRANT CONNECT ON DATABASE {database} TO {quote_ident(roles.base_user)}"))
    connection.execute(text("REVOKE ALL ON SCHEMA public FROM PUBLIC"))
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {quote_ident(roles.base_user)}"))
    if connection.scalar(text("SELECT to_regnamespace('extensions') IS NOT NULL")):
        # Extension functions (pg_trgm) live there; they are harmless and executable by PUBLIC.
        connection.execute(text("REVOKE CREATE ON SCHEMA extensions FROM PUBLIC"))
        connection.execute(text(f"GRANT USAGE ON SCHEMA extensions TO {quote_ident(roles.base_user)}"))
