"""merging duplicate patients carries everything that belongs to the patient (sql/0014_merge_everything.sql)

merge_patients() also moves the rows of the tables of migrations 0004..0013 that refer to a patient
(bookings, waiting list, orders, payers, cash operations, tax certificates, performances, appointments,
prescriptions, communications, insurer approvals, sick-leave certificates and their print events) through
merge_patient_references(); the trigger functions that refuse a change of a row's patient let exactly the
move of a merge through (merge_moved_row()). The upgrade also moves the rows that merges done before it
left on the tombstones. The downgrade restores the previous bodies from the files that created them
(0003, 0006, 0010, 0011, 0013); rows already moved stay with the kept patients.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26 06:00:00
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_SQL = Path(__file__).resolve().parent.parent / "sql"

# (file, function) whose body 0014 replaces: the downgrade reads them back from there.
REPLACED = (
    ("0003_functions.sql", "merge_patients"),
    ("0006_cash_desk.sql", "cash_operation_guard"),
    ("0010_clinical_orders.sql", "appointment_rules"),
    ("0010_clinical_orders.sql", "medication_prescription_rules"),
    ("0011_communications.sql", "patient_communication_rules"),
    ("0011_communications.sql", "insurer_approval_rules"),
    ("0013_sick_leave.sql", "sick_leave_certificate_rules"),
    ("0013_sick_leave.sql", "sick_leave_print_rules"),
)
FUNCTIONS = (
    "merge_patient_references(integer, integer)",
    "merge_moved_row(integer, integer, jsonb, jsonb)",
)


def _execute(sql_text: str) -> None:
    op.get_bind().connection.driver_connection.execute(sql_text)


def _function_of(file: str, name: str) -> str:
    """The CREATE FUNCTION name(...) ... $$; of ``file`` as CREATE OR REPLACE (keeps the owner and grants)."""
    source = (_SQL / file).read_text(encoding="utf-8")
    start = source.index(f"CREATE FUNCTION {name}(")
    end = source.index("$$;", source.index("AS $$", start)) + len("$$;")
    return "CREATE OR REPLACE " + source[start + len("CREATE "):end]


def upgrade() -> None:
    _execute((_SQL / "0014_merge_everything.sql").read_text(encoding="utf-8"))


def downgrade() -> None:
    # merge_patients() first: 0003's body does not call merge_patient_references().
    for file, name in REPLACED:
        _execute(_function_of(file, name))
    for function in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
