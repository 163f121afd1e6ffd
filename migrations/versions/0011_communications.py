"""communications outside documents (calls and e-mails between staff and patients) and telephone
approvals with insurance companies that orders can rely on; the rules are in sql/0011_communications.sql

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 05:30:00
"""

from __future__ import annotations

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
