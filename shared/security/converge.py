"""Brings a clinic database's security in line with the code after every migration run:
database-level privileges, the permission matrix, row-level security, audit triggers and partitions.

Each step is idempotent and skips objects that do not exist (yet), so it is safe after any
upgrade or downgrade, and repairs a database restored without its grants.
"""

from __future__ import annotations

from sqlalchemy import Connection

from shared.db.migration_helpers import secure_database
from shared.db.roles import RoleNames
from shared.security.audit import apply_audit_triggers, ensure_audit_partitions
from shared.security.matrix import apply_grants
from shared.security.row_security import apply_row_security


def converge_security(connection: Connection, roles: RoleNames) -> None:
    secure_database(connection, roles)
    apply_grants(connection, roles)
    apply_row_security(connection, roles)
    apply_audit_triggers(connection)
    ensure_audit_partitions(connection)
