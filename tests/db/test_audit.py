"""The audit trail: written for every change (through the app and through raw SQL) and every
opening of a card; append-only for every role but the owner."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from sqlalchemy import text

import shared.models  # noqa: F401
from medcenter_desktop.login_service import log_in
from shared.db.base import Base
from shared.db.roles import JOBS
from shared.demo.generator import DEMO_PASSWORD
from shared.security.audit import AUDITED, NOT_AUDITED
from tests.db.security_helpers import attempt, connect_as, is_permission_denied, make_login


def _last(clinic, table):
    with clinic.connect() as conn:
        conn.row_factory = psycopg.rows.dict_row
        return conn.execute("SELECT * FROM audit_log WHERE table_name = %s ORDER BY id DESC LIMIT 1",
                            (table,)).fetchone()


def test_change_through_the_app_is_recorded_with_who_where_and_what(clinic):
    session = log_in(clinic.settings("REG-07"), "registrar", DEMO_PASSWORD)
    try:
        with session.uow() as uow:
            conn = uow.session.connection()
            pid = conn.scalar(text("INSERT INTO patients (last_name, first_name, birth_date, sex) "
                                   "VALUES ('Тестова', 'Анна', '1990-05-01', 'F') RETURNING id"))
            conn.execute(text("UPDATE patients SET first_name = 'Мария' WHERE id = :id"), {"id": pid})
            uow.commit()
    finally:
        session.close()
    entry = _last(clinic, "patients")
    assert entry["action"] == "UPDATE"
    assert entry["login_role"] == clinic.roles.login_role("registrar")
    assert entry["user_name"] and entry["staff_member_id"] is not None
    assert entry["workstation"] == "medcenter:REG-07"
    assert entry["row_key"] == str(pid) and entry["patient_id"] == pid
    assert entry["old_values"] == {"first_name": "Анна"} and entry["new_values"] == {"first_name": "Мария"}


def test_change_through_raw_sql_is_recorded_too(clinic):
    login = make_login(clinic, ["registrar"])
    with connect_as(clinic, login) as conn:
        conn.execute("UPDATE patients SET middle_name = 'Проверочная' WHERE id = 1")
    entry = _last(clinic, "patients")
    assert entry["login_role"] == clinic.roles.login_role(login)
    assert entry["new_values"] == {"middle_name": "Проверочная"} and entry["patient_id"] == 1


def test_opening_a_card_is_recorded(clinic):
    session = log_in(clinic.settings("DOC-3"), "doctor", DEMO_PASSWORD)
    try:
        with session.engine.connect() as conn:
            card, patient = conn.execute(text("SELECT id, patient_id FROM medical_cards LIMIT 1")).one()
            conn.execute(text("SELECT * FROM card_records(:c)"), {"c": card}).all()
            conn.commit()
    finally:
        session.close()
    entry = _last(clinic, "medical_cards")
    assert (entry["action"], entry["row_key"], entry["patient_id"]) == ("READ", str(card), patient)
    assert entry["login_role"] == clinic.roles.login_role("doctor") and entry["workstation"] == "medcenter:DOC-3"


def test_record_change_carries_the_patient_of_its_card(clinic):
    with clinic.connect(autocommit=True) as conn:
        card, patient, type_id, org = conn.execute(
            "SELECT id, patient_id, card_type_id, organization_id FROM medical_cards LIMIT 1").fetchone()
        conn.execute("INSERT INTO medical_records (card_id, card_type_id, organization_id, kind, summary) "
                     "VALUES (%s, %s, %s, 'Осмотр', 'текст')", (card, type_id, org))
    entry = _last(clinic, "medical_records")
    assert entry["action"] == "INSERT" and entry["patient_id"] == patient


@pytest.mark.parametrize("job", JOBS)
def test_audit_log_is_append_only_for_every_job(clinic, job):
    login = make_login(clinic, [job])
    with clinic.connect() as conn:
        partition = conn.execute("SELECT relname FROM pg_class WHERE relname LIKE 'audit_log_y%' AND relkind = 'r' LIMIT 1").fetchone()[0]
    with connect_as(clinic, login) as conn:
        for table in ("audit_log", partition, "audit_log_default"):
            for sql in (f"UPDATE {table} SET details = 'x'", f"DELETE FROM {table}", f"TRUNCATE {table}",
                        f"INSERT INTO {table} (action, table_name) VALUES ('ADMIN', 'forged')",
                        f"ALTER TABLE {table} DISABLE TRIGGER ALL", f"DROP TABLE {table}"):
                error = attempt(conn, sql)
                assert error is not None and (is_permission_denied(error) or "must be owner" in str(error)), (job, sql, error)
        error = attempt(conn, "SELECT audit_write('ADMIN', 'x', 'x', NULL, NULL, NULL, 'forged')")
        assert is_permission_denied(error)
        error = attempt(conn, "ALTER TABLE patients DISABLE TRIGGER audit_row_change")
        assert error is not None and "must be owner" in str(error)


def test_every_table_is_audited(clinic):
    tables = {t.name for t in Base.metadata.sorted_tables} - NOT_AUDITED
    assert tables <= set(AUDITED), f"add to shared.security.audit.AUDITED: {tables - set(AUDITED)}"
    with clinic.connect() as conn:
        triggered = {r[0] for r in conn.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = 'audit_row_change' AND NOT t.tgisinternal")}
    assert set(AUDITED) <= triggered


def test_partitions_cover_two_years_ahead(clinic):
    with clinic.connect() as conn:
        months = conn.execute(
            "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = 'audit_log'::regclass AND c.relname LIKE 'audit_log_y%'").fetchone()[0]
        assert months >= 25
        assert conn.execute("SELECT count(*) FROM audit_log_default").fetchone()[0] == 0
        now = dt.datetime.now(dt.UTC)
        since, until = (now - dt.timedelta(days=3)).isoformat(), (now + dt.timedelta(days=1)).isoformat()
        plan = "\n".join(r[0] for r in conn.execute(
            f"EXPLAIN SELECT * FROM audit_log WHERE occurred_at >= '{since}'::timestamptz "
            f"AND occurred_at < '{until}'::timestamptz AND login_role = 'x' ORDER BY occurred_at DESC LIMIT 100"))
        # Pruned to the partitions of the period (this month, maybe a neighbour), not all of them.
        scanned = {line.split(" on ")[1].split()[0] for line in plan.splitlines() if " on audit_log_" in line}
        assert 1 <= len(scanned) <= 2, plan
        assert "audit_log_default" not in plan
