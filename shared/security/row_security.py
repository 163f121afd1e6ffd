"""Row-level security as data: which tables are scoped by organization, which by card type.

Policies compare a column with an array computed once per statement: in
``col = ANY ((SELECT f())::integer[])`` the sub-select is an InitPlan, not a per-row call, so the
comparison stays an index condition. (The cast keeps ANY from reading the sub-select as a set.)
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, text

from shared.db.migration_helpers import quote_ident
from shared.db.roles import RoleNames

ORGS = "((SELECT app_user_organization_ids())::integer[])"
CARD_TYPES = "((SELECT app_user_card_type_ids())::integer[])"

#: table -> the column holding its organization
ORGANIZATION_SCOPED: Mapping[str, str] = {
    "organizations": "id",
    "departments": "organization_id",
    "offices": "organization_id",
    "staff_members": "organization_id",
    "medical_services": "organization_id",
    "calendar_days": "organization_id",
    "working_hours": "organization_id",
    "schedule_resources": "organization_id",
    "channel_shares": "organization_id",
    "schedule_templates": "organization_id",
    "schedule_exceptions": "organization_id",
    "schedule_intervals": "organization_id",
    "bookings": "organization_id",
    "booking_resources": "organization_id",
    "waiting_list": "organization_id",
    **{t: "organization_id" for t in (
        "service_groups", "service_components", "price_lists", "prices", "payers", "agreements",
        "agreement_services", "agreement_payments", "discount_rules", "manual_discount_limits", "quotas",
        "orders", "order_lines", "order_line_discounts", "quota_charges", "register_mapping_rules",
        "payer_registers", "register_lines", "cash_desks", "cash_shifts", "cash_operations",
        "cash_operation_lines", "cash_operation_steps", "tax_certificates", "service_performances",
        "patient_communications", "insurer_approvals", "insurer_approval_services",
        "sick_leave_certificates", "sick_leave_periods", "sick_leave_blank_batches", "sick_leave_blank_issues",
        "sick_leave_blanks", "sick_leave_print_events")},
}
#: The administrator sets up organizations and their staff, so sees all of them.
ADMINISTRATOR_SEES_ALL = frozenset({"organizations", "departments", "offices", "staff_members",
                                   "medical_services", "cash_desks"})

#: Medical cards and everything recorded in them: organization and card type.
CARD_SCOPED = ("medical_cards", "medical_records", "paper_card_movements", "diagnoses", "appointments",
               "medication_prescriptions")

POLICY_NAMES = ("organization_scope", "administrator_all", "card_scope")


def _exists(connection: Connection, table: str) -> bool:
    return bool(connection.scalar(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": f"public.{table}"}))


def _reset(connection: Connection, table: str) -> None:
    for name in POLICY_NAMES:
        connection.execute(text(f"DROP POLICY IF EXISTS {name} ON {quote_ident(table)}"))
    connection.execute(text(f"ALTER TABLE {quote_ident(table)} ENABLE ROW LEVEL SECURITY"))


def apply_row_security(connection: Connection, roles: RoleNames) -> None:
    """Makes the policies of every scoped table that exists match this module."""
    if not connection.scalar(text("SELECT to_regprocedure('app_user_organization_ids()') IS NOT NULL")):
        return
    everyone = quote_ident(roles.base_user)
    for table, column in ORGANIZATION_SCOPED.items():
        if not _exists(connection, table):
            continue
        _reset(connection, table)
        condition = f"{quote_ident(column)} = ANY {ORGS}"
        connection.execute(text(
            f"CREATE POLICY organization_scope ON {quote_ident(table)} TO {everyone} "
            f"USING ({condition}) WITH CHECK ({condition})"
        ))
        if table in ADMINISTRATOR_SEES_ALL:
            connection.execute(text(
                f"CREATE POLICY administrator_all ON {quote_ident(table)} "
                f"TO {quote_ident(roles.job('administrator'))} USING (true) WITH CHECK (true)"
            ))
    for table in CARD_SCOPED:
        if not _exists(connection, table):
            continue
        _reset(connection, table)
        condition = f"organization_id = ANY {ORGS} AND card_type_id = ANY {CARD_TYPES}"
        connection.execute(text(
            f"CREATE POLICY card_scope ON {quote_ident(table)} TO {everyone} "
            f"USING ({condition}) WITH CHECK ({condition})"
        ))
