"""communications outside documents (calls and e-mails between staff and patients) and telephone
approvals with insurance companies that orders can rely on; the rules are in sql/0011_communications.sql

patient_communications (who talked to the patient, when, how, about what); insurer_approvals and
insurer_approval_services (the insurer's person, reference number, validity, services with limits);
order_lines.approval_id (only a line the approval's insurer pays is linked); agreement_services.requires_approval
(the agreement performs the service only with the insurer's approval). The SQL file also replaces 0009's
service_performance_rules() so that such a line counts as covered only when linked to an approval that is
not revoked; the downgrade restores 0009's body.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26 05:30:00
"""

from __future__ import annotations

import re
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_SQL = Path(__file__).resolve().parent.parent / "sql"

TRIGGERS = (
    ("patient_communication_rules", "patient_communications"),
    ("insurer_approval_rules", "insurer_approvals"),
    ("insurer_approval_service_rules", "insurer_approval_services"),
    ("order_line_approval_rules", "order_lines"),
)
FUNCTIONS = ("patient_communication_rules()", "insurer_approval_rules()", "insurer_approval_service_rules()",
             "order_line_approval_rules()")


def _execute(sql_text: str) -> None:
    op.get_bind().connection.driver_connection.execute(sql_text)


def _performance_rules_of_0009() -> str:
    """0009's CREATE FUNCTION service_performance_rules() ... $$; as CREATE OR REPLACE."""
    source = (_SQL / "0009_performance.sql").read_text(encoding="utf-8")
    match = re.search(r"CREATE FUNCTION service_performance_rules\(\).*?\n\$\$;", source, re.S)
    assert match is not None, "0009_performance.sql defines service_performance_rules()"
    return match.group(0).replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def upgrade() -> None:
    op.create_table(
        "patient_communications",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("staff_member_id", sa.Integer(), nullable=True),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("contact", sa.String(length=200), server_default="", nullable=False),
        sa.Column("subject", sa.String(length=200), server_default="", nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), server_default="", nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("booking_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=63), server_default=sa.text("SESSION_USER"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "channel IN ('phone', 'email', 'sms', 'messenger', 'in_person')",
            name=op.f("ck_patient_communications_channel_known"),
        ),
        sa.CheckConstraint(
            "direction IN ('incoming', 'outgoing')", name=op.f("ck_patient_communications_direction_known")
        ),
        sa.CheckConstraint("length(btrim(summary)) > 0", name=op.f("ck_patient_communications_summary_given")),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["bookings.id"], name=op.f("fk_patient_communications_booking_id_bookings")
        ),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_patient_communications_order_id_orders")),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_patient_communications_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_patient_communications_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["staff_member_id"],
            ["staff_members.id"],
            name=op.f("fk_patient_communications_staff_member_id_staff_members"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_communications")),
    )
    op.create_index(
        op.f("ix_patient_communications_organization_id"), "patient_communications", ["organization_id"],
        unique=False,
    )
    op.create_index(
        "ix_patient_communications_patient_occurred", "patient_communications", ["patient_id", "occurred_at"],
        unique=False,
    )
    op.create_table(
        "insurer_approvals",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("payer_id", sa.Integer(), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("approver_name", sa.String(length=200), nullable=False),
        sa.Column("approver_phone", sa.String(length=40), server_default="", nullable=False),
        sa.Column("reference_number", sa.String(length=60), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("amount_limit", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("status", sa.String(length=8), server_default="active", nullable=False),
        sa.Column("revoke_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_by", sa.String(length=63), nullable=True),
        sa.Column("recorded_staff_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=63), server_default=sa.text("SESSION_USER"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "amount_limit IS NULL OR (amount_limit > 0 AND amount_limit < 100000000)",
            name=op.f("ck_insurer_approvals_amount_limit_positive"),
        ),
        sa.CheckConstraint("length(btrim(approver_name)) > 0", name=op.f("ck_insurer_approvals_approver_given")),
        sa.CheckConstraint("valid_to >= valid_from", name=op.f("ck_insurer_approvals_period_ordered")),
        sa.CheckConstraint(
            "length(btrim(reference_number)) > 0", name=op.f("ck_insurer_approvals_reference_given")
        ),
        sa.CheckConstraint(
            "status <> 'revoked' OR length(btrim(revoke_reason)) > 0",
            name=op.f("ck_insurer_approvals_revoke_reason_given"),
        ),
        sa.CheckConstraint(
            "status IN ('active', 'used', 'revoked')", name=op.f("ck_insurer_approvals_status_known")
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreements.id"], name=op.f("fk_insurer_approvals_agreement_id_agreements")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organizations.id"], name=op.f("fk_insurer_approvals_organization_id_organizations")
        ),
        sa.ForeignKeyConstraint(["patient_id"], ["patients.id"], name=op.f("fk_insurer_approvals_patient_id_patients")),
        sa.ForeignKeyConstraint(["payer_id"], ["payers.id"], name=op.f("fk_insurer_approvals_payer_id_payers")),
        sa.ForeignKeyConstraint(
            ["recorded_staff_id"],
            ["staff_members.id"],
            name=op.f("fk_insurer_approvals_recorded_staff_id_staff_members"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insurer_approvals")),
        sa.UniqueConstraint("payer_id", "reference_number", name=op.f("uq_insurer_approvals_payer_id_reference_number")),
    )
    op.create_index(
        op.f("ix_insurer_approvals_organization_id"), "insurer_approvals", ["organization_id"], unique=False
    )
    op.create_index(op.f("ix_insurer_approvals_patient_id"), "insurer_approvals", ["patient_id"], unique=False)
    op.create_table(
        "insurer_approval_services",
        sa.Column("approval_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("quantity_limit", sa.Integer(), nullable=True),
        sa.Column("amount_limit", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.CheckConstraint(
            "amount_limit IS NULL OR (amount_limit > 0 AND amount_limit < 100000000)",
            name=op.f("ck_insurer_approval_services_amount_positive"),
        ),
        sa.CheckConstraint(
            "quantity_limit IS NULL OR quantity_limit > 0", name=op.f("ck_insurer_approval_services_quantity_positive")
        ),
        sa.ForeignKeyConstraint(
            ["approval_id"],
            ["insurer_approvals.id"],
            name=op.f("fk_insurer_approval_services_approval_id_insurer_approvals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_insurer_approval_services_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["medical_services.id"], name=op.f("fk_insurer_approval_services_service_id_medical_services")
        ),
        sa.PrimaryKeyConstraint("approval_id", "service_id", name=op.f("pk_insurer_approval_services")),
    )
    op.create_index(
        op.f("ix_insurer_approval_services_organization_id"), "insurer_approval_services", ["organization_id"],
        unique=False,
    )
    op.add_column("agreement_services", sa.Column("requires_approval", sa.Boolean(), server_default="false",
                                                  nullable=False))
    op.add_column("order_lines", sa.Column("approval_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_order_lines_approval_id"), "order_lines", ["approval_id"], unique=False)
    op.create_foreign_key(
        op.f("fk_order_lines_approval_id_insurer_approvals"), "order_lines", "insurer_approvals", ["approval_id"],
        ["id"],
    )
    _execute((_SQL / "0011_communications.sql").read_text(encoding="utf-8"))


def downgrade() -> None:
    for trigger, table in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    for function in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    # A line under an agreement service requiring approval needed one: 0009's rule again.
    _execute(_performance_rules_of_0009())
    op.drop_column("agreement_services", "requires_approval")
    op.drop_constraint(op.f("fk_order_lines_approval_id_insurer_approvals"), "order_lines", type_="foreignkey")
    op.drop_index(op.f("ix_order_lines_approval_id"), table_name="order_lines")
    op.drop_column("order_lines", "approval_id")
    op.drop_index(op.f("ix_insurer_approval_services_organization_id"), table_name="insurer_approval_services")
    op.drop_table("insurer_approval_services")
    op.drop_index(op.f("ix_insurer_approvals_patient_id"), table_name="insurer_approvals")
    op.drop_index(op.f("ix_insurer_approvals_organization_id"), table_name="insurer_approvals")
    op.drop_table("insurer_approvals")
    op.drop_index("ix_patient_communications_patient_occurred", table_name="patient_communications")
    op.drop_index(op.f("ix_patient_communications_organization_id"), table_name="patient_communications")
    op.drop_table("patient_communications")
