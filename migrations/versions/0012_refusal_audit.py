"""refused attempts in the audit trail: audit_refusal(table, key, reason), called by the services on a
connection of their own after a refusal rolled the action back (sql/0012_refusal_audit.sql)

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 05:45:00
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_SQL = Path(__file__).resolve().parent.parent / "sql"


def upgrade() -> None:
    op.get_bind().connection.driver_connection.execute(
        (_SQL / "0012_refusal_audit.sql").read_text(encoding="utf-8"))


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS audit_refusal(text, text, text)")
