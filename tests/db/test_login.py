"""Logging in as a staff member's own PostgreSQL role: success and every failure a user can meet."""

from __future__ import annotations

import dataclasses
import socket

import psycopg
import pytest
from psycopg import sql

from medcenter_desktop.login_service import log_in
from shared.db.connection import (
    DatabaseMissing,
    LoginNotAllowed,
    ServerUnreachable,
    UserLocked,
    WrongCredentials,
)
from shared.db.migrate import DatabaseNotAtHead, DatabaseNotInitialized
from shared.demo.generator import DEMO_PASSWORD, DEMO_USERS


@pytest.mark.parametrize("demo", DEMO_USERS, ids=lambda u: u.login)
def test_each_demo_user_logs_in_with_their_jobs(clinic, demo):
    session = log_in(clinic.settings("TEST-01"), demo.login, DEMO_PASSWORD)
    try:
        assert session.user.login == demo.login
        assert session.user.jobs == frozenset(demo.jobs)
        assert session.user.full_name
        assert session.organization_id is not None
        with session.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT current_user").scalar() == clinic.roles.login_role(demo.login)
            assert conn.exec_driver_sql("SELECT current_setting('application_name')").scalar() == "medcenter:TEST-01"
    finally:
        session.close()


def test_full_role_name_is_accepted(clinic):
    session = log_in(clinic.settings("TEST-01"), clinic.roles.login_role("cashier"), DEMO_PASSWORD)
    session.close()


def test_wrong_password_is_rejected(clinic):
    """Fails on a server that trusts local connections: its pg_hba.conf must ask for scram-sha-256."""
    with pytest.raises(WrongCredentials):
        log_in(clinic.settings("TEST-01"), "registrar", DEMO_PASSWORD + "x")


def test_empty_password_is_rejected_without_connecting(clinic):
    with pytest.raises(WrongCredentials):
        log_in(clinic.settings("TEST-01"), "registrar", "")


def test_unknown_user_looks_like_a_wrong_password(clinic):
    with pytest.raises(WrongCredentials):
        log_in(clinic.settings("TEST-01"), "nobody", DEMO_PASSWORD)


@pytest.mark.parametrize(
    "login",
    ["registrar'; DROP TABLE users; --", "a b", "", " ", "%", "_", "\\", "x" * 5000, "рег", "\x00\x01", "a.b.c"],
)
def test_hostile_user_names_fail_cleanly(clinic, login):
    with pytest.raises(WrongCredentials):
        log_in(clinic.settings("TEST-01"), login, DEMO_PASSWORD)
    with clinic.connect() as conn:
        assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == len(DEMO_USERS)


def test_locked_user_cannot_log_in(clinic):
    role = clinic.roles.login_role("registrar")
    with clinic.connect(autocommit=True) as conn:
        conn.execute(sql.SQL("ALTER ROLE {} NOLOGIN").format(sql.Identifier(role)))
    try:
        with pytest.raises(UserLocked):
            log_in(clinic.settings("TEST-01"), "registrar", DEMO_PASSWORD)
        # A wrong password does not reveal that the user exists and is locked.
        with pytest.raises(WrongCredentials):
            log_in(clinic.settings("TEST-01"), "registrar", "not-the-password")
    finally:
        with clinic.connect(autocommit=True) as conn:
            conn.execute(sql.SQL("ALTER ROLE {} LOGIN").format(sql.Identifier(role)))


def test_unreachable_server(clinic):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free_port = s.getsockname()[1]
    settings = dataclasses.replace(clinic.settings("TEST-01"), port=free_port)
    with pytest.raises(ServerUnreachable) as info:
        log_in(settings, "registrar", DEMO_PASSWORD)
    assert str(free_port) in str(info.value)


def test_missing_database(clinic):
    settings = dataclasses.replace(clinic.settings("TEST-01"), database=clinic.database + "_nope")
    with pytest.raises((DatabaseMissing, WrongCredentials)):
        log_in(settings, "registrar", DEMO_PASSWORD)


def test_database_behind_head_refuses_with_instructions(clinic):
    with clinic.connect(autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000'")
    with pytest.raises(DatabaseNotAtHead) as info:
        log_in(clinic.settings("TEST-01"), "registrar", DEMO_PASSWORD)
    assert "medcenter db upgrade" in str(info.value)


def test_database_without_schema(clinic):
    with clinic.connect(autocommit=True) as conn:
        conn.execute("ALTER TABLE alembic_version RENAME TO alembic_version_old")
    with pytest.raises(DatabaseNotInitialized):
        log_in(clinic.settings("TEST-01"), "registrar", DEMO_PASSWORD)


def test_user_outside_the_clinic_cannot_connect(clinic, pg_server):
    """Nothing is granted to PUBLIC: a login role of no job of this clinic cannot even connect."""
    role = f"{clinic.roles.namespace}.stranger"
    with pg_server.connect(autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD 'Stranger-2026'").format(sql.Identifier(role)))
    params = clinic.admin.with_user(role, "Stranger-2026")
    with pytest.raises(psycopg.OperationalError, match="permission denied"):
        psycopg.connect(params.conninfo()).close()
    settings = dataclasses.replace(clinic.settings("TEST-01"))
    with pytest.raises(LoginNotAllowed):
        log_in(settings, role, "Stranger-2026")


def test_staff_login_can_read_reference_but_not_change_it(clinic):
    params = clinic.params_for("registrar", DEMO_PASSWORD)
    with psycopg.connect(params.conninfo()) as conn:
        # Row-level security: the demo registrar works in the first organization only.
        assert conn.execute("SELECT count(*) FROM organizations").fetchone()[0] == 1
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE organizations SET name = name")
    with psycopg.connect(params.conninfo()) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT * FROM users")
