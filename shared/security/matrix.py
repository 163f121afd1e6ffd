"""The permission matrix: which job may do what to which table, column or function -- as data.

Applied by `apply_grants` after every migration run (objects that do not exist yet are skipped,
so later issues add their rows here and their migrations create the tables). Tests generate their
checks from these mappings, so a table added here is covered automatically.

Letters: S(ELECT), I(NSERT), U(PDATE), D(ELETE). ``user`` is the base group every login belongs to.
Nothing is granted to PUBLIC; the owner role alone owns (and may do anything to) every object.
Row-level security (`row_security`) narrows what a granted table shows.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, text

from shared.db.migration_helpers import quote_ident
from shared.db.roles import RoleNames

PRIVILEGE_LETTERS = {"S": "SELECT", "I": "INSERT", "U": "UPDATE", "D": "DELETE"}

REFERENCE_TABLES = (
    "organizations",
    "departments",
    "offices",
    "specialties",
    "positions",
    "staff_members",
    "medical_card_types",
)

# What the registry keeps about a client; registrars correct it (a wrong phone is deleted),
# consents are withdrawn, never deleted.
CLIENT_DETAILS = ("patient_documents", "patient_policies", "patient_phones", "patient_addresses",
                  "legal_representatives")
_CLIENT_READ = {"patients": "S", "patient_surnames": "S", "patient_consents": "S",
                **{t: "S" for t in CLIENT_DETAILS}}
_REGISTRY = {
    "patients": "SIU",
    "patient_surnames": "S",
    "medical_cards": "SIU",
    "patient_consents": "SIU",
    "paper_card_movements": "SI",
    **{t: "SIUD" for t in CLIENT_DETAILS},
}

# Scheduling: everyone who books reads the plan; the head of registry makes it.
SCHEDULE_PLAN = ("calendar_days", "working_hours", "schedule_resources", "resource_services", "channel_shares",
                 "schedule_templates", "schedule_template_intervals", "schedule_exceptions",
                 "schedule_exception_intervals", "schedule_intervals")
_PLAN_READ = {t: "S" for t in SCHEDULE_PLAN}
_BOOKING = {**_PLAN_READ, "bookings": "SIU", "booking_resources": "S", "booking_events": "S",
            "waiting_list": "SIU"}
_PLANNING = {**{t: "SIUD" for t in SCHEDULE_PLAN}, "medical_services": "SIU", "bookings": "SIU",
             "booking_resources": "S", "booking_events": "S", "waiting_list": "SIU"}

# Contracts: the contracts department keeps the catalogue, prices, payers, agreements and registers;
# everyone who takes orders reads them to price a line.
CATALOGUE = ("service_groups", "service_components", "price_lists", "prices")
CONTRACT_TERMS = ("payers", "agreements", "agreement_services", "agreement_payments", "discount_rules",
                  "manual_discount_limits", "quotas", "register_mapping_rules")
REGISTERS = ("payer_registers", "register_lines")
_TERMS_READ = {t: "S" for t in (*CATALOGUE, *CONTRACT_TERMS)}
_ORDERING = {**_TERMS_READ, "orders": "SIU", "order_lines": "SIU", "order_line_discounts": "SI",
             "quota_charges": "SI"}
_ORDERS_READ = {"orders": "S", "order_lines": "S", "order_line_discounts": "S", "quota_charges": "S"}
_CONTRACTS = {**{t: "SIUD" for t in (*CATALOGUE, *CONTRACT_TERMS, *REGISTERS)}, "medical_services": "SIU",
              **_ORDERS_READ, "patients": "S", "patient_policies": "S", "resource_services": "S",
              "schedule_resources": "S"}

# The cash desk: cashiers take money (the journal of operations and device steps), the heads read it;
# the administrator sets up the desks.
CASH_DESK = ("cash_desks", "cash_shifts", "cash_operations", "cash_operation_lines", "cash_operation_steps",
             "tax_certificates")
_CASH_READ = {t: "S" for t in CASH_DESK}
_CASHIER = {"cash_desks": "S", "cash_shifts": "SIU", "cash_operations": "SIU", "cash_operation_lines": "SI",
            "cash_operation_steps": "SI", "tax_certificates": "SI"}

# Diagnoses of visit records: those who write records code them; a diagnosis is removed from a draft
# only (the trigger of sql/0008_visit_records.sql decides). icd10_codes is read by every user.
_DIAGNOSING = {"diagnoses": "SIUD"}

# Performance of services: those who treat record who performed a line (or skipped an optional step);
# the facts are never edited (a correction is the registry's cancellation). The heads read them.
_PERFORMING = {"service_performances": "SI"}

# Clinical orders of a visit (sql/0010_clinical_orders.sql): those who write records prescribe services and
# medications; the doctor turns appointments into order lines of the patient's order (priced, discounted and
# charged to quotas by the orders service) and books or cancels those lines -- the column grants below.
_PRESCRIBING = {"appointments": "SIUD", "medication_prescriptions": "SIUD"}
_DOCTOR_ORDERING = {"orders": "SI", "order_lines": "SI", "order_line_discounts": "SI", "quota_charges": "SI"}

# Communications with patients (calls, e-mails, messages) are logged by those who talk to them; an entry
# is corrected by its author on its day and never deleted (sql/0011_communications.sql). Insurers'
# telephone approvals are recorded by those who order; those who perform or take money read them.
APPROVALS = ("insurer_approvals", "insurer_approval_services")
_COMMUNICATING = {"patient_communications": "SIU"}
_APPROVING = {t: "SIU" for t in APPROVALS}
_APPROVALS_READ = {t: "S" for t in APPROVALS}

# Sick-leave certificates (sql/0013_sick_leave.sql): those who treat write them and their periods; the
# registry reads, prints, spoils (the replacement is a copy on a new blank) and makes duplicates; the head of
# registry receives blanks and hands them out; the triggers keep the blanks' states. Codes and rules: everyone.
SICK_LEAVE_BLANKS = ("sick_leave_blank_batches", "sick_leave_blank_issues", "sick_leave_blanks")
_SICK_LEAVE_REFERENCE = {"sick_leave_codes": "S", "sick_leave_rules": "S"}
_SICK_LEAVE_WRITING = {"sick_leave_certificates": "SIU", "sick_leave_periods": "SIUD",
                       "sick_leave_print_events": "SI", **{t: "S" for t in SICK_LEAVE_BLANKS}}
_SICK_LEAVE_REGISTRY = {"sick_leave_certificates": "SIU", "sick_leave_periods": "SI", "sick_leave_print_events": "SI",
                        "sick_leave_blank_batches": "S", "sick_leave_blank_issues": "S", "sick_leave_blanks": "SU"}
_SICK_LEAVE_BLANK_KEEPING = {"sick_leave_certificates": "S", "sick_leave_periods": "S", "sick_leave_print_events": "S",
                             "sick_leave_blank_batches": "SI", "sick_leave_blank_issues": "SI", "sick_leave_blanks": "SU"}
_SICK_LEAVE_READ = {t: "S" for t in ("sick_leave_certificates", "sick_leave_periods", "sick_leave_print_events",
                                     *SICK_LEAVE_BLANKS)}

TABLE_GRANTS: Mapping[str, Mapping[str, str]] = {
    # Every staff member sees the organization's structure and staff list (schedules show doctors).
    "user": {"alembic_version": "S", "installation": "S", "medical_services": "S", "icd10_codes": "S",
             **{t: "S" for t in REFERENCE_TABLES}, **_SICK_LEAVE_REFERENCE},
    "registrar": {**_REGISTRY, **_BOOKING, **_ORDERING, **_COMMUNICATING, **_APPROVING, **_SICK_LEAVE_REGISTRY},
    "receptionist": {**_REGISTRY, **_BOOKING, **_ORDERING, **_COMMUNICATING, **_APPROVING, **_SICK_LEAVE_REGISTRY},
    "call_centre": {**_CLIENT_READ, "patients": "SIU", "patient_phones": "SIU", "medical_cards": "S", **_BOOKING,
                    **_ORDERING, **_COMMUNICATING, **_APPROVING},
    "cashier": {**_CLIENT_READ, **_PLAN_READ, "bookings": "S", **_TERMS_READ, **_ORDERS_READ, **_CASHIER,
                **_APPROVALS_READ},
    "head_of_registry": {**_CLIENT_READ, "medical_cards": "S", "paper_card_movements": "S", "audit_log": "S",
                         "users": "S", **_PLANNING, **_ORDERING, "patient_communications": "S", **_APPROVING,
                         **_SICK_LEAVE_BLANK_KEEPING},
    "medical_worker": {**_CLIENT_READ, "medical_cards": "S", "medical_records": "I", **_DIAGNOSING, **_BOOKING,
                       **_TERMS_READ, **_ORDERS_READ, **_PERFORMING, **_COMMUNICATING, **_APPROVALS_READ,
                       **_PRESCRIBING, **_DOCTOR_ORDERING, **_SICK_LEAVE_WRITING},
    "contracts": {**_CONTRACTS, **_APPROVING},
    "marketer": {**_PLAN_READ, "bookings": "S", **_TERMS_READ},
    "head": {**_CLIENT_READ, "medical_cards": "S", "audit_log": "S", "users": "S", **_PLAN_READ,
             "bookings": "S", "booking_events": "S", "waiting_list": "S", **_TERMS_READ, **_ORDERS_READ,
             **{t: "S" for t in REGISTERS}, **_CASH_READ, "service_performances": "S",
             "patient_communications": "S", **_APPROVALS_READ, **_SICK_LEAVE_READ, "sick_leave_rules": "SU"},
    "admission": {**_REGISTRY, "medical_records": "I", **_DIAGNOSING, **_BOOKING, **_ORDERING, **_PERFORMING,
                  **_COMMUNICATING, **_APPROVING, **_PRESCRIBING, **_SICK_LEAVE_WRITING},
    "statistician": {"patients": "S", "patient_surnames": "S", "medical_cards": "S", **_PLAN_READ,
                     "bookings": "S", **_TERMS_READ, **_ORDERS_READ, **{t: "S" for t in REGISTERS}},
    "administrator": {
        **{t: "SIUD" for t in REFERENCE_TABLES},
        "users": "S",
        "user_organizations": "S",
        "staff_card_type_access": "S",
        "audit_log": "S",
        "card_numbering": "SIU",
        "medical_services": "SIUD",
        "calendar_days": "SIUD",
        "working_hours": "SIUD",
        "cash_desks": "SIUD",
    },
}

# The content of medical records is read only through card_records(), which logs the opening;
# writers see just enough to address a row (INSERT ... RETURNING id, UPDATE ... WHERE id = ...) and its
# state (draft or signed, whose, which version) -- never the text. Signing sets status; the trigger fills
# signed_at and signed_by.
_RECORD_WRITER = {"medical_records": {
    "S": ("id", "card_id", "card_type_id", "organization_id", "recorded_at", "author_staff_id", "status",
          "template_code", "booking_id", "version_no", "supersedes_id", "signed_at", "signed_by", "version",
          "updated_at"),
    "U": ("kind", "summary", "content", "template_code", "booking_id", "status", "version", "updated_at"),
}}
COLUMN_GRANTS: Mapping[str, Mapping[str, Mapping[str, tuple[str, ...]]]] = {
    # Marking a line performed once its performance is recorded, and booking or cancelling (unpaid) the
    # line of an appointment (sql/0009_performance.sql and 0010 keep them to those changes of status);
    # admission updates order lines as a whole already.
    "medical_worker": {**_RECORD_WRITER,
                       "order_lines": {"U": ("status", "performed_at", "result_code", "booking_id", "cancel_reason",
                                             "version", "updated_at")}},
    "admission": _RECORD_WRITER,
    # Locking a payer's register closes the order lines it bills.
    "contracts": {"order_lines": {"U": ("status", "version", "updated_at")}},
    # Taking money holds a line (cash_operation_id) and marks it paid; a refund makes it unpaid again.
    "cashier": {"order_lines": {"U": ("status", "cash_operation_id", "version", "updated_at")}},
}

_IDENTITY_FUNCTIONS = (
    "session_user_info()",
    "app_namespace()",
    "app_user_organization_ids()",
    "app_user_card_type_ids()",
    "app_user_staff_id()",
    "app_has_job(text)",
    "audit_last_change(text, text)",
    # A refused attempt is written to the audit trail by the service that refused it (sql/0012).
    "audit_refusal(text, text, text)",
)
ADMIN_FUNCTIONS = (
    "admin_create_user(text, text, integer, text[], integer[], integer)",
    "admin_set_password(text, text)",
    "admin_set_locked(text, boolean)",
    "admin_set_jobs(text, text[])",
    "admin_set_organizations(text, integer[], integer)",
    "admin_link_staff(text, integer)",
    "admin_set_card_types(integer, integer[])",
)
_NUMBERING = ("next_card_number(integer, integer)",)
SLOT_FUNCTIONS = (
    "schedule_free_gaps(integer[], date[], integer, timestamp with time zone, boolean)",
    "schedule_channel_usage(integer[], date, date)",
)
FUNCTION_GRANTS: Mapping[str, tuple[str, ...]] = {
    "user": _IDENTITY_FUNCTIONS,
    "registrar": (*_NUMBERING, *SLOT_FUNCTIONS),
    "receptionist": (*_NUMBERING, *SLOT_FUNCTIONS),
    "call_centre": SLOT_FUNCTIONS,
    "head_of_registry": ("merge_patients(integer, integer)", *SLOT_FUNCTIONS),
    "medical_worker": ("card_records(integer)", *SLOT_FUNCTIONS),
    "admission": ("card_records(integer)", *_NUMBERING, *SLOT_FUNCTIONS),
    "administrator": ADMIN_FUNCTIONS,
}


def grantee(roles: RoleNames, group: str) -> str:
    return roles.base_user if group == "user" else roles.job(group)


def _exists(connection: Connection, kind: str, name: str) -> bool:
    query = "SELECT to_regclass(:n) IS NOT NULL" if kind == "table" else "SELECT to_regprocedure(:n) IS NOT NULL"
    return bool(connection.scalar(text(query), {"n": f"public.{name}"}))


def apply_grants(connection: Connection, roles: RoleNames) -> None:
    """Makes the privileges in schema public match the matrix exactly, revoking everything else."""
    everyone = ", ".join(quote_ident(r) for r in ("PUBLIC", roles.base_user, *roles.all_jobs().values()))
    everyone = everyone.replace('"PUBLIC"', "PUBLIC")
    relations = connection.scalars(text(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')"
    )).all()
    for relation in relations:
        connection.execute(text(f"REVOKE ALL ON {quote_ident(relation)} FROM {everyone}"))
    connection.execute(text(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM {everyone}"))
    # Functions the owner creates later are not executable by PUBLIC either.
    connection.execute(text(
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {quote_ident(roles.owner)} REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC"
    ))
    for group, grants in TABLE_GRANTS.items():
        role = quote_ident(grantee(roles, group))
        for table, letters in grants.items():
            if letters and _exists(connection, "table", table):
                privileges = ", ".join(PRIVILEGE_LETTERS[letter] for letter in letters)
                connection.execute(text(f"GRANT {privileges} ON TABLE {quote_ident(table)} TO {role}"))
    for group, tables in COLUMN_GRANTS.items():
        role = quote_ident(grantee(roles, group))
        for table, by_letter in tables.items():
            if not _exists(connection, "table", table):
                continue
            # Columns a later migration adds are skipped until it has run (as after a downgrade).
            existing = set(connection.scalars(text(
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:t) AND attnum > 0 "
                "AND NOT attisdropped"), {"t": f"public.{table}"}))
            for letter, columns in by_letter.items():
                cols = ", ".join(quote_ident(c) for c in columns if c in existing)
                if not cols:
                    continue
                connection.execute(text(
                    f"GRANT {PRIVILEGE_LETTERS[letter]} ({cols}) ON TABLE {quote_ident(table)} TO {role}"
                ))
    for group, functions in FUNCTION_GRANTS.items():
        role = quote_ident(grantee(roles, group))
        for function in functions:
            if _exists(connection, "function", function):
                connection.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {role}"))
