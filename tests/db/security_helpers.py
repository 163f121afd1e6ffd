"""Helpers for tests that act as a login of one job through a raw psycopg connection."""

from __future__ import annotations

import secrets

import psycopg
from sqlalchemy import create_engine, text

from shared.services.users import create_login

PASSWORD = "Test-Pass-2026"


def make_login(clinic, jobs, *, organization_ids=(1,), staff_member_id=None, card_type_codes=()) -> str:
    """Creates a login with ``jobs`` (through the administrator's function, as the superuser);
    returns its login name. The clinic fixture drops it afterwards."""
    login = f"t{secrets.token_hex(4)}"
    engine = create_engine(clinic.admin.url())
    with engine.begin() as conn:
        create_login(conn, clinic.roles, login, PASSWORD, jobs, staff_member_id=staff_member_id,
                     organization_ids=list(organization_ids),
                     default_organization_id=organization_ids[0] if organization_ids else None)
        if card_type_codes:
            assert staff_member_id is not None
            conn.execute(
                text("INSERT INTO staff_card_type_access (staff_member_id, card_type_id) "
                     "SELECT :s, id FROM medical_card_types WHERE code = ANY(:codes) ON CONFLICT DO NOTHING"),
                {"s": staff_member_id, "codes": list(card_type_codes)},
            )
    engine.dispose()
    return login


def connect_as(clinic, login: str, password: str = PASSWORD, **kw) -> psycopg.Connection:
    return psycopg.connect(clinic.params_for(login, password).conninfo(), **kw)


def attempt(conn: psycopg.Connection, sql: str, params=None) -> psycopg.Error | None:
    """Runs ``sql`` in a savepoint that is always rolled back; returns the error, if any."""
    try:
        with conn.transaction(force_rollback=True):
            conn.execute(sql, params)
    except psycopg.Error as exc:
        return exc
    return None


def is_permission_denied(error: psycopg.Error | None) -> bool:
    """A privilege error -- not a row-security refusal, which shares its SQLSTATE."""
    return (
        error is not None
        and error.sqlstate == "42501"
        and "permission denied" in str(error)
        and "row-level security" not in str(error)
    )
