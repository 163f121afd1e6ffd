"""Alembic, driven from code: upgrade, current revision, and the "is this database at head" check."""

from __future__ import annotations

from pathlib import Path

import psycopg
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from shared.db.connection import ConnectionParams, classify_connect_error
from shared.errors import QT_TRANSLATE_NOOP, DomainError


class DatabaseNotAtHead(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "The database \u201c{database}\u201d is at schema version {current}, but this program needs {head}. "
        "IT staff: run \u201cmedcenter db upgrade\u201d against this server, then try again.",
    )


class DatabaseNotInitialized(DatabaseNotAtHead):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "The database \u201c{database}\u201d has no MedCenter schema yet. "
        "IT staff: run \u201cmedcenter db upgrade\u201d against this server, then try again.",
    )


def _migrations_dir() -> Path:
    import migrations

    return Path(migrations.__file__).parent


def alembic_config(params: ConnectionParams | None = None, namespace: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_migrations_dir()))
    cfg.set_main_option("path_separator", "os")
    if params is not None:
        # Passed as an attribute, not an ini option: the password must not pass through ini interpolation.
        cfg.attributes["connection_params"] = params
    if namespace is not None:
        cfg.attributes["role_namespace"] = namespace
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade(params: ConnectionParams, revision: str = "head", namespace: str | None = None) -> None:
    """Migrates the database of ``params`` (an owner-capable connection) to ``revision``."""
    command.upgrade(alembic_config(params, namespace), revision)


def downgrade(params: ConnectionParams, revision: str) -> None:
    command.downgrade(alembic_config(params), revision)


def current_revision(params: ConnectionParams) -> str | None:
    """The schema version recorded in the database, or None for an empty database."""
    try:
        with psycopg.connect(params.conninfo()) as conn:
            exists = conn.execute("SELECT to_regclass('public.alembic_version') IS NOT NULL").fetchone()[0]
            if not exists:
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
    except psycopg.OperationalError as exc:
        raise classify_connect_error(exc, params) from None


def check_at_head(params: ConnectionParams) -> str:
    """Raises `DatabaseNotAtHead` unless the database is at the newest revision; returns it."""
    return require_head(params.database, current_revision(params))


def require_head(database: str, current: str | None) -> str:
    """Raises `DatabaseNotInitialized` / `DatabaseNotAtHead` unless ``current`` is the newest revision."""
    head = head_revision()
    if current is None:
        raise DatabaseNotInitialized(database=database, head=head, current="-")
    if current != head:
        raise DatabaseNotAtHead(database=database, current=current, head=head)
    return current
