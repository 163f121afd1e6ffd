"""Migrations from an empty database to head (and back), on whichever server the run uses."""

from __future__ import annotations

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import shared.models  # noqa: F401
from shared.db import migrate
from shared.db.admin import bootstrap_clinic
from shared.db.base import Base
from shared.db.connection import make_engine
from shared.db.roles import JOBS
from shared.security.audit import include_in_autogenerate

TABLES = {
    "organizations",
    "departments",
    "offices",
    "specialties",
    "positions",
    "staff_members",
    "users",
    "user_organizations",
    "medical_card_types",
    "installation",
    "alembic_version",
}


def _tables(conn: psycopg.Connection) -> set[str]:
    rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    return {r[0] for r in rows}


def test_upgrade_from_empty_to_head_and_back(pg_server, fresh_namespace):
    namespace, databases = fresh_namespace
    database = f"{namespace}_mig"
    databases.append(database)
    roles = bootstrap_clinic(pg_server.admin, database, namespace)
    params = pg_server.admin.with_database(database)

    assert migrate.current_revision(params) is None
    with pytest.raises(migrate.DatabaseNotInitialized):
        migrate.check_at_head(params)

    migrate.upgrade(params, namespace=namespace)
    assert migrate.check_at_head(params) == migrate.head_revision()
    with pg_server.connect(database) as conn:
        assert TABLES <= _tables(conn)
        owners = conn.execute(
            "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
        assert owners == [(roles.owner,)], "every table belongs to the owner role"
        existing = {r[0] for r in conn.execute("SELECT rolname FROM pg_roles").fetchall()}
        assert {roles.job(j) for j in JOBS} | {roles.base_user} <= existing
        assert conn.execute("SELECT role_namespace FROM installation").fetchone() == (namespace,)

    migrate.downgrade(params, "base")
    assert migrate.current_revision(params) is None
    with pg_server.connect(database) as conn:
        assert _tables(conn) == {"alembic_version"}
    # With the installation row gone, the namespace must be given again; without it, a clear error.
    from shared.db.migration_helpers import OwnerRoleMissing

    with pytest.raises(OwnerRoleMissing):
        migrate.upgrade(params)
    migrate.upgrade(params, namespace=namespace)
    assert migrate.current_revision(params) == migrate.head_revision()


def test_upgrade_is_idempotent(clinic):
    migrate.upgrade(clinic.admin)
    assert migrate.check_at_head(clinic.admin) == migrate.head_revision()


def test_models_match_migrations(clinic):
    """A model changed without a migration fails here (autogenerate finds a difference)."""
    engine = make_engine(clinic.admin)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(
                MigrationContext.configure(
                    conn, opts={"compare_type": True, "include_name": include_in_autogenerate}
                ),
                Base.metadata,
            )
    finally:
        engine.dispose()
    assert diff == []


def test_database_behind_head_is_reported(clinic):
    with clinic.connect(autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000'")
    with pytest.raises(migrate.DatabaseNotAtHead) as info:
        migrate.check_at_head(clinic.admin)
    assert "medcenter db upgrade" in str(info.value)
    assert "0000" in str(info.value)


def test_namespace_mismatch_is_refused(clinic):
    from shared.db.migration_helpers import NamespaceMismatch

    with pytest.raises(NamespaceMismatch):
        migrate.upgrade(clinic.admin, namespace="someoneelse")
