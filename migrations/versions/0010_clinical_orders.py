"""clinical orders of a visit: appointments (services the doctor prescribes, which become order lines and
bookings) and medicinal prescriptions; the rules the database keeps are in sql/0010_clinical_orders.sql

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 05:30:00
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_SQL = Path(__file__).resolve().parent.parent / "sql"

TRIGGERS = (
    ("appointment_rules", "appointments"),
    ("medication_prescription_rules", "medication_prescriptions"),
    ("order_line_appointment_sync", "order_lines"),
    ("medical_record_carry_over", "medical_records"),
)
FUNCTIONS = (
    "appointment_rules()",
    "medication_prescription_rules()",
    "order_line_appointment_sync()",
    "medical_record_carry_over()",
    "clinical_order_record(integer)",
)
ROUTES = ("oral", "sublingual", "intravenous", "intramuscular", "subcutaneous", "topical", "inhalation",
          "rectal", "ophthalmic", "nasal", "other")
DOSE_UNITS = ("mg", "g", "mcg", "ml", "IU", "drops", "tablets", "capsules", "puffs", "units", "sachets",
              "suppositories", "applications")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _execute(sql_text: str) -> None:
    op.get_bind().connection.driver_connection.execute(sql_text)


def _card_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["card_id", "card_type_id", "organization_id"],
        ["medical_cards.id", "medical_cards.card_type_id", "medical_cards.organization_id"],
        name=op.f(f"fk_{table}_card_id_medical_cards"),
        onupdate="CASCADE",
    )


def _common_head() -> list[sa.Column]:
    return [
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column("card_type_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
    ]


def _common_tail() -> list[sa.Column]:
    return [
        sa.Column("cancel_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "appointments",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        *_common_head(),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("indication", sa.Text(), server_default="", nullable=False),
        sa.Column("urgency", sa.String(length=8), server_default="routine", nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("quantity", sa.SmallInteger(), server_default="1", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("status", sa.String(length=10), server_default="planned", nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=True),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        *_common_tail(),
        sa.CheckConstraint(
            _in("status", ("planned", "ordered", "booked", "performed", "cancelled")),
            name=op.f("ck_appointments_status_known"),
        ),
        sa.CheckConstraint(_in("urgency", ("routine", "urgent", "cito")), name=op.f("ck_appointments_urgency_known")),
        sa.CheckConstraint("quantity BETWEEN 1 AND 100", name=op.f("ck_appointments_quantity_sane")),
        sa.CheckConstraint(
            "status <> 'cancelled' OR length(btrim(cancel_reason)) > 0",
            name=op.f("ck_appointments_cancel_reason_given"),
        ),
        sa.CheckConstraint(
            "status <> 'planned' OR order_line_id IS NULL", name=op.f("ck_appointments_planned_without_line")
        ),
        sa.CheckConstraint(
            "status IN ('planned', 'cancelled') OR order_line_id IS NOT NULL",
            name=op.f("ck_appointments_ordered_with_line"),
        ),
        sa.CheckConstraint(
            "status <> 'booked' OR booking_id IS NOT NULL", name=op.f("ck_appointments_booked_with_booking")
        ),
        _card_key("appointments"),
        sa.ForeignKeyConstraint(["record_id"], ["medical_records.id"],
                                name=op.f("fk_appointments_record_id_medical_records")),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], name=op.f("fk_appointments_patient_id_patients")),
        sa.ForeignKeyConstraint(["service_id"], ["medical_services.id"],
                                name=op.f("fk_appointments_service_id_medical_services")),
        sa.ForeignKeyConstraint(["order_line_id"], ["order_lines.id"],
                                name=op.f("fk_appointments_order_line_id_order_lines")),
        sa.ForeignKeyConstraint(["booking_id"], ["bookings.id"], name=op.f("fk_appointments_booking_id_bookings")),
        sa.ForeignKeyConstraint(["created_by"], ["staff_members.id"],
                                name=op.f("fk_appointments_created_by_staff_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointments")),
        sa.UniqueConstraint("order_line_id", name=op.f("uq_appointments_order_line_id")),
    )
    op.create_index(op.f("ix_appointments_record_id"), "appointments", ["record_id"], unique=False)
    op.create_index(op.f("ix_appointments_card_id"), "appointments", ["card_id"], unique=False)
    op.create_index("ix_appointments_patient_status", "appointments", ["patient_id", "status"], unique=False)

    op.create_table(
        "medication_prescriptions",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        *_common_head(),
        sa.Column("drug_name", sa.String(length=200), nullable=False),
        sa.Column("inn", sa.String(length=200), server_default="", nullable=False),
        sa.Column("form", sa.String(length=60), server_default="", nullable=False),
        sa.Column("dose_amount", sa.Numeric(precision=10, scale=3), nullable=True),
        sa.Column("dose_unit", sa.String(length=16), server_default="", nullable=False),
        sa.Column("route", sa.String(length=16), server_default="oral", nullable=False),
        sa.Column("times_per_day", sa.SmallInteger(), nullable=True),
        sa.Column("frequency_text", sa.String(length=100), server_default="", nullable=False),
        sa.Column("duration_days", sa.SmallInteger(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("as_needed", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("instructions", sa.Text(), server_default="", nullable=False),
        sa.Column("status", sa.String(length=10), server_default="active", nullable=False),
        *_common_tail(),
        sa.CheckConstraint("length(btrim(drug_name)) > 0", name=op.f("ck_medication_prescriptions_drug_named")),
        sa.CheckConstraint(_in("route", ROUTES), name=op.f("ck_medication_prescriptions_route_known")),
        sa.CheckConstraint(
            "dose_amount IS NULL OR dose_amount > 0", name=op.f("ck_medication_prescriptions_dose_positive")
        ),
        sa.CheckConstraint(
            "dose_unit = '' OR " + _in("dose_unit", DOSE_UNITS),
            name=op.f("ck_medication_prescriptions_dose_unit_known"),
        ),
        sa.CheckConstraint(
            "(dose_amount IS NULL) = (dose_unit = '')", name=op.f("ck_medication_prescriptions_dose_with_unit")
        ),
        sa.CheckConstraint(
            "times_per_day IS NULL OR times_per_day BETWEEN 1 AND 24",
            name=op.f("ck_medication_prescriptions_times_per_day_sane"),
        ),
        sa.CheckConstraint(
            "duration_days IS NULL OR duration_days BETWEEN 1 AND 365",
            name=op.f("ck_medication_prescriptions_duration_sane"),
        ),
        sa.CheckConstraint(
            _in("status", ("active", "cancelled", "completed")),
            name=op.f("ck_medication_prescriptions_status_known"),
        ),
        sa.CheckConstraint(
            "status <> 'cancelled' OR length(btrim(cancel_reason)) > 0",
            name=op.f("ck_medication_prescriptions_cancel_reason_given"),
        ),
        _card_key("medication_prescriptions"),
        sa.ForeignKeyConstraint(["record_id"], ["medical_records.id"],
                                name=op.f("fk_medication_prescriptions_record_id_medical_records")),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"],
                                name=op.f("fk_medication_prescriptions_patient_id_patients")),
        sa.ForeignKeyConstraint(["created_by"], ["staff_members.id"],
                                name=op.f("fk_medication_prescriptions_created_by_staff_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_medication_prescriptions")),
    )
    op.create_index(op.f("ix_medication_prescriptions_record_id"), "medication_prescriptions", ["record_id"],
                    unique=False)
    op.create_index(op.f("ix_medication_prescriptions_card_id"), "medication_prescriptions", ["card_id"],
                    unique=False)
    op.create_index("ix_medication_prescriptions_patient_status", "medication_prescriptions",
                    ["patient_id", "status"], unique=False)
    _execute((_SQL / "0010_clinical_orders.sql").read_text(encoding="utf-8"))


def downgrade() -> None:
    for trigger, table in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    # The order lines' performance rule goes back to the definition of 0009, read from the file that
    # created it (CREATE OR REPLACE keeps the function's owner and grants).
    original = (_SQL / "0009_performance.sql").read_text(encoding="utf-8")
    start = original.index("CREATE FUNCTION order_line_performance_rules(")
    end = original.index("$$;", original.index("AS $$", start)) + len("$$;")
    _execute("CREATE OR REPLACE " + original[start + len("CREATE "):end])
    for function in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.drop_index("ix_medication_prescriptions_patient_status", table_name="medication_prescriptions")
    op.drop_index(op.f("ix_medication_prescriptions_card_id"), table_name="medication_prescriptions")
    op.drop_index(op.f("ix_medication_prescriptions_record_id"), table_name="medication_prescriptions")
    op.drop_table("medication_prescriptions")
    op.drop_index("ix_appointments_patient_status", table_name="appointments")
    op.drop_index(op.f("ix_appointments_card_id"), table_name="appointments")
    op.drop_index(op.f("ix_appointments_record_id"), table_name="appointments")
    op.drop_table("appointments")
