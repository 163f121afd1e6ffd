"""Alembic environment: runs every migration as the clinic's owner role.

The connection comes from ``config.attributes["connection_params"]`` (set by ``medcenter db``) or,
for the plain ``alembic`` command, from the ``MEDCENTER_ADMIN_URL`` environment variable.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import text

import shared.models  # noqa: F401 - registers every table on the metadata
from shared.db.base import Base
from shared.db.connection import ConnectionParams, make_engine
from shared.db.migration_helpers import OwnerRoleMissing, resolve_namespace
from shared.db.roles import RoleNames
from shared.security.audit import include_in_autogenerate
from shared.security.converge import converge_security

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    params = config.attributes.get("connection_params")
    if params is None:
        url = os.environ.get("MEDCENTER_ADMIN_URL")
        if not url:
            raise SystemExit("Set MEDCENTER_ADMIN_URL or use `medcenter db upgrade`.")
        params = ConnectionParams.from_url(url)
    params = params.__class__(**{**params.__dict__, "application_name": "medcenter-migrations"})
    engine = make_engine(params, pool_pre_ping=False)
    with engine.connect() as connection:
        namespace = resolve_namespace(connection, config.attributes.get("role_namespace"))
        owner = f"{namespace}_owner"
        if not connection.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": owner}):
            raise OwnerRoleMissing(owner=owner, database=params.database)
        # Objects must belong to the owner role whoever runs the migration.
        connection.execute(text(f"SET ROLE \"{owner}\""))  # owner is validated by RoleNames
        connection.commit()
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_name=include_in_autogenerate,
            compare_type=True,
            transaction_per_migration=True,
        )
        context.config.attributes["resolved_namespace"] = namespace
        with context.begin_transaction():
            context.run_migrations()
        if connection.scalar(text("SELECT to_regclass('public.installation') IS NOT NULL")):
            converge_security(connection, RoleNames(namespace))
            connection.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported: roles and grants need a live server.")
run_migrations_online()
