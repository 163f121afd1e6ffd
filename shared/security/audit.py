"""The audit trail: which tables are audited and how, and the triggers that make it so.

Every table of the application is audited (a test checks that no table is forgotten) except
those in `NOT_AUDITED`. For each: how to find the patient a row concerns ('' none, a column, or
'@card' for rows that carry a card_id) and the key columns that identify the row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sqlalchemy import Connection, text

from shared.db.migration_helpers import quote_ident

# Partitions are named audit_log_yYYYYmMM, plus audit_log_default for anything outside them.
_PARTITION_RE = re.compile(r"^audit_log_(y\d{4}m\d{2}|default)$")

# patient_surnames is derived from patients by a trigger (a search dictionary, no one edits it).
# schedule_intervals are generated from audited templates and exceptions; booking_resources derive
# from bookings and booking_events is itself the bookings' history (both written by a trigger).
# register_lines are built from audited order lines in bulk (100,000 a month); a correction keeps its
# author in corrected_by, and the register's own row (audited) records every build and lock.
# cash_operation_steps is itself an append-only journal (who, when, what the device said).
# icd10_codes is the shipped classification, loaded by a migration and read-only for every job;
# sick_leave_codes likewise (the form's codes).
NOT_AUDITED = frozenset({"audit_log", "installation", "alembic_version", "patient_surnames",
                         "schedule_intervals", "booking_resources", "booking_events", "booking_day_usage",
                         "register_lines", "cash_operation_steps", "icd10_codes", "sick_leave_codes"})

AUDITED: Mapping[str, tuple[str, str]] = {
    "patients": ("id", "id"),
    "medical_cards": ("patient_id", "id"),
    "medical_records": ("@card", "id"),
    "diagnoses": ("@card", "id"),
    "appointments": ("patient_id", "id"),
    "medication_prescriptions": ("patient_id", "id"),
    "staff_members": ("", "id"),
    "users": ("", "id"),
    "user_organizations": ("", "user_id,organization_id"),
    "staff_card_type_access": ("", "staff_member_id,card_type_id"),
    "organizations": ("", "id"),
    "departments": ("", "id"),
    "offices": ("", "id"),
    "specialties": ("", "id"),
    "positions": ("", "id"),
    "medical_card_types": ("", "id"),
    "patient_documents": ("patient_id", "id"),
    "patient_policies": ("patient_id", "id"),
    "patient_phones": ("patient_id", "id"),
    "patient_addresses": ("patient_id", "id"),
    "patient_consents": ("patient_id", "id"),
    "legal_representatives": ("patient_id", "id"),
    "card_numbering": ("", "organization_id,card_type_id"),
    "paper_card_movements": ("@card", "id"),
    "medical_services": ("", "id"),
    "calendar_days": ("", "organization_id,day"),
    "working_hours": ("", "id"),
    "schedule_resources": ("", "id"),
    "resource_services": ("", "resource_id,service_id"),
    "channel_shares": ("", "id"),
    "schedule_templates": ("", "id"),
    "schedule_template_intervals": ("", "id"),
    "schedule_exceptions": ("", "id"),
    "schedule_exception_intervals": ("", "id"),
    "bookings": ("patient_id", "id"),
    "waiting_list": ("patient_id", "id"),
    "service_groups": ("", "id"),
    "service_components": ("", "id"),
    "price_lists": ("", "id"),
    "prices": ("", "id"),
    "payers": ("", "id"),
    "agreements": ("", "id"),
    "agreement_services": ("", "agreement_id,service_id"),
    "agreement_payments": ("", "id"),
    "discount_rules": ("", "id"),
    "manual_discount_limits": ("", "organization_id,job"),
    "quotas": ("", "id"),
    "orders": ("patient_id", "id"),
    "order_lines": ("", "id"),
    "order_line_discounts": ("", "id"),
    "quota_charges": ("", "quota_id,order_line_id"),
    "register_mapping_rules": ("", "id"),
    "payer_registers": ("", "id"),
    "cash_desks": ("", "id"),
    "cash_shifts": ("", "id"),
    "cash_operations": ("patient_id", "id"),
    "cash_operation_lines": ("", "operation_id,order_line_id"),
    "tax_certificates": ("patient_id", "id"),
    "service_performances": ("patient_id", "id"),
    "patient_communications": ("patient_id", "id"),
    "insurer_approvals": ("patient_id", "id"),
    "insurer_approval_services": ("", "approval_id,service_id"),
    # A printing of a sick-leave certificate is itself audited (who printed which patient's certificate).
    "sick_leave_certificates": ("patient_id", "id"),
    "sick_leave_periods": ("", "id"),
    "sick_leave_rules": ("", "code"),
    "sick_leave_blank_batches": ("", "id"),
    "sick_leave_blank_issues": ("", "id"),
    "sick_leave_blanks": ("", "number"),
    "sick_leave_print_events": ("patient_id", "id"),
}

TRIGGER_NAME = "audit_row_change"


def is_audit_partition(table: str) -> bool:
    return bool(_PARTITION_RE.fullmatch(table))


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def apply_audit_triggers(connection: Connection) -> None:
    """(Re)creates the audit trigger on every audited table that exists; skips the rest."""
    if not connection.scalar(text("SELECT to_regprocedure('audit_row_change()') IS NOT NULL")):
        return
    for table, (patient_ref, keys) in AUDITED.items():
        if not connection.scalar(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": f"public.{table}"}):
            continue
        connection.execute(text(f"DROP TRIGGER IF EXISTS {TRIGGER_NAME} ON {quote_ident(table)}"))
        connection.execute(
            text(
                f"CREATE TRIGGER {TRIGGER_NAME} AFTER INSERT OR UPDATE OR DELETE ON {quote_ident(table)} "
                f"FOR EACH ROW EXECUTE FUNCTION audit_row_change({_literal(patient_ref)}, {_literal(keys)})"
            )
        )


def ensure_audit_partitions(connection: Connection, months_ahead: int = 24) -> int:
    if not connection.scalar(text("SELECT to_regprocedure('audit_ensure_partitions(integer)') IS NOT NULL")):
        return 0
    return connection.scalar(text("SELECT audit_ensure_partitions(:m)"), {"m": months_ahead})


def include_in_autogenerate(name, type_, parent_names) -> bool:
    """Alembic ``include_name`` hook: monthly audit partitions (and their indexes) are not models."""
    if type_ == "table":
        return not is_audit_partition(name)
    if type_ in ("index", "unique_constraint", "foreign_key_constraint", "column"):
        return not is_audit_partition(parent_names.get("table_name") or "")
    return True
