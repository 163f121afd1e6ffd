"""clinical orders of a visit: appointments (services the doctor prescribes, which become order lines and
bookings) and medicinal prescriptions; the rules the database keeps are in sql/0010_clinical_orders.sql

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 05:30:00
"""

from __future__ import annotations

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
