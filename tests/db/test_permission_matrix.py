"""The permission matrix, checked by logging in as each job with a raw psycopg connection.

Generated from shared/security/matrix.py and from the database's own catalogue, so a table,
column grant or function added later is covered without touching this file.
"""

from __future__ import annotations

import pytest

from shared.db.roles import JOBS
from shared.security.matrix import COLUMN_GRANTS, FUNCTION_GRANTS, TABLE_GRANTS
from tests.db.security_helpers import attempt, connect_as, is_permission_denied, make_login

STATEMENTS = {
    "S": "SELECT * FROM {t} LIMIT 0",
    "I": "INSERT INTO {t} DEFAULT VALUES",
    "U": "UPDATE {t} SET {c} = NULL WHERE false",
    "D": "DELETE FROM {t} WHERE false",
}


def _relations(conn):
    return conn.execute(
        "SELECT c.relname, c.relkind, (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid "
        "  AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum DESC LIMIT 1) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') ORDER BY 1"
    ).fetchall()


def _functions(conn):
    return conn.execute(
        "SELECT p.oid::regprocedure::text, "
        "       p.proname, coalesce(array_to_string(ARRAY(SELECT format_type(t, NULL) "
        "                   FROM unnest(p.proargtypes) AS t), ','), ''), p.prorettype = 'trigger'::regtype "
        "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1"
    ).fetchall()


def expected_tables(job: str) -> dict[str, str]:
    grants: dict[str, str] = {}
    for group in ("user", job):
        for table, letters in TABLE_GRANTS.get(group, {}).items():
            grants[table] = "".join(sorted(set(grants.get(table, "")) | set(letters)))
    return grants


@pytest.mark.parametrize("job", JOBS)
def test_job_can_do_exactly_what_the_matrix_says(clinic, job):
    login = make_login(clinic, [job])
    allowed_tables = expected_tables(job)
    allowed_functions = set(FUNCTION_GRANTS["user"]) | set(FUNCTION_GRANTS.get(job, ()))
    normalized_allowed = {f.replace(" ", "") for f in allowed_functions}
    problems = []
    with connect_as(clinic, login) as conn:
        for table, kind, last_column in _relations(conn):
            letters = "S" if kind == "S" else "SIUD"
            for letter in letters:
                sql = (f'SELECT nextval(\'"{table}"\')' if kind == "S"
                       else STATEMENTS[letter].format(t=f'"{table}"', c=f'"{last_column}"'))
                error = attempt(conn, sql)
                should = letter in allowed_tables.get(table, "") and kind != "S"
                # A column grant (checked below) may cover the column the statement touches.
                by_column = last_column in COLUMN_GRANTS.get(job, {}).get(table, {}).get(letter, ())
                if should and is_permission_denied(error):
                    problems.append(f"{job} should {letter} {table}: {error}")
                if not should and not by_column and not is_permission_denied(error):
                    problems.append(f"{job} must not {letter} {table}, got {error!r}")
        for table, by_letter in COLUMN_GRANTS.get(job, {}).items():
            for letter, columns in by_letter.items():
                for column in columns:
                    sql = (f'SELECT "{column}" FROM "{table}" LIMIT 0' if letter == "S"
                           else f'UPDATE "{table}" SET "{column}" = NULL WHERE false')
                    error = attempt(conn, sql)
                    if is_permission_denied(error):
                        problems.append(f"{job} should {letter} {table}.{column}: {error}")
        for signature, name, argtypes, is_trigger in _functions(conn):
            args = ", ".join(f"NULL::{t}" for t in argtypes.split(",")) if argtypes else ""
            error = attempt(conn, f"SELECT {name}({args})")
            should = signature.replace(" ", "") in normalized_allowed
            if is_trigger:
                should = False
            if should and is_permission_denied(error):
                problems.append(f"{job} should execute {signature}: {error}")
            if not should and not is_permission_denied(error):
                problems.append(f"{job} must not execute {signature}, got {error!r}")
    assert problems == []


def test_matrix_names_only_objects_that_exist(clinic):
    with clinic.connect() as conn:
        relations = {r[0] for r in _relations(conn)}
        functions = {f[0].replace(" ", "") for f in _functions(conn)}
    for grants in (*TABLE_GRANTS.values(), *COLUMN_GRANTS.values()):
        assert set(grants) <= relations
    for funcs in FUNCTION_GRANTS.values():
        assert {f.replace(" ", "") for f in funcs} <= functions


def test_owner_owns_everything_and_public_has_nothing(clinic):
    owner = clinic.roles.owner
    with clinic.connect() as conn:
        owners = conn.execute(
            "SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i')"
        ).fetchall()
        assert owners == [(owner,)]
        func_owners = conn.execute(
            "SELECT DISTINCT pg_get_userbyid(p.proowner) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public'"
        ).fetchall()
        assert func_owners == [(owner,)]
        public_grants = conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, "
            "aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a "
            "WHERE n.nspname = 'public' AND a.grantee = 0"
        ).fetchall()
        assert public_grants == []
        public_exec = conn.execute(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, "
            "aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a "
            "WHERE n.nspname = 'public' AND a.grantee = 0"
        ).fetchall()
        assert public_exec == []
        security_definers = conn.execute(
            "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' AND p.prosecdef "
            "AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%')"
        ).fetchall()
        assert security_definers == [], "every security-definer function pins its search_path"


def test_every_view_applies_the_callers_row_security(clinic):
    """A view runs as its owner unless security_invoker is set; the owner bypasses row security."""
    with clinic.connect() as conn:
        leaky = conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'v' "
            "AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)"
        ).fetchall()
    assert leaky == []
