"""The permission matrix: which job may do what to which table or function, as data.

Migrations apply it with `apply_grants`; tests generate their checks from it, so a table added here
is covered automatically. Letters: S(ELECT), I(NSERT), U(PDATE), D(ELETE); functions are EXECUTE.
``user`` is the base group every login belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

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

TABLE_GRANTS: Mapping[str, Mapping[str, str]] = {
    # Every staff member sees the organization's structure and staff list (schedules show doctors).
    "user": {"alembic_version": "S", "installation": "S", **{t: "S" for t in REFERENCE_TABLES}},
    "administrator": {
        **{t: "SIUD" for t in REFERENCE_TABLES},
        "users": "SIUD",
        "user_organizations": "SIUD",
    },
}

FUNCTION_GRANTS: Mapping[str, Iterable[str]] = {
    "user": ("session_user_info()",),
}


def _grantee(roles: RoleNames, group: str) -> str:
    return roles.base_user if group == "user" else roles.job(group)


def apply_grants(connection: Connection, roles: RoleNames) -> None:
    """Makes the grants of every object named in the matrix match it exactly (revoking the rest)."""
    tables = sorted({t for grants in TABLE_GRANTS.values() for t in grants})
    functions = sorted({f for grants in FUNCTION_GRANTS.values() for f in grants})
    everyone = [roles.base_user, *roles.all_jobs().values()]
    for table in tables:
        connection.execute(text(f"REVOKE ALL ON TABLE {quote_ident(table)} FROM PUBLIC"))
        for role in everyone:
            connection.execute(text(f"REVOKE ALL ON TABLE {quote_ident(table)} FROM {quote_ident(role)}"))
    for function in functions:
        connection.execute(text(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
    for group, grants in TABLE_GRANTS.items():
        grantee = quote_ident(_grantee(roles, group))
        for table, letters in grants.items():
            privileges = ", ".join(PRIVILEGE_LETTERS[letter] for letter in letters)
            connection.execute(text(f"GRANT {privileges} ON TABLE {quote_ident(table)} TO {grantee}"))
    for group, funcs in FUNCTION_GRANTS.items():
        grantee = quote_ident(_grantee(roles, group))
        for function in funcs:
            connection.execute(text(f"GRANT EXECUTE ON FUNCTION {function} TO {grantee}"))
