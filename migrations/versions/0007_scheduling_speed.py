"""scheduling speed: the free gaps of resource-days computed in time linear in the days asked for
(sql/0007_scheduling_speed.sql replaces the function of sql/0004_functions.sql; same signature and result).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26 03:00:00.000000
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_SQL = Path(__file__).resolve().parent.parent / "sql"


def _execute(sql_text: str) -> None:
    op.get_bind().connection.driver_connection.execute(sql_text)


def upgrade() -> None:
    _execute((_SQL / "0007_scheduling_speed.sql").read_text(encoding="utf-8"))


def downgrade() -> None:
    # Back to the definition of 0004, read from the file that created it (CREATE OR REPLACE keeps the
    # function's owner and grants).
    original = (_SQL / "0004_functions.sql").read_text(encoding="utf-8")
    start = original.index("CREATE FUNCTION schedule_free_gaps(")
    end = original.index("$$;", original.index("AS $$", start)) + len("$$;")
    _execute("CREATE OR REPLACE " + original[start + len("CREATE "):end])
