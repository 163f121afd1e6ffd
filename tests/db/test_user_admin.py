"""User management through the administrator's database functions, as the administrator logs in."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from medcenter_desktop.login_service import log_in
from shared.db.connection import UserLocked, WrongCredentials
from shared.demo.generator import DEMO_PASSWORD
from shared.security.passwords import WeakPassword
from shared.services import users
from shared.services.users import (
    LoginTaken,
    NotPermitted,
    OwnRights,
    StaffHasLogin,
    UnknownJob,
)


@pytest.fixture
def admin_session(clinic):
    session = log_in(clinic.settings("ADM-01"), "admin", DEMO_PASSWORD)
    yield session
    session.close()


def _staff_without_user(session) -> int:
    with session.engine.connect() as conn:
        return conn.scalar(text(
            "SELECT s.id FROM staff_members s WHERE s.organization_id = 1 "
            "AND NOT EXISTS (SELECT 1 FROM users u WHERE u.staff_member_id = s.id) ORDER BY s.id LIMIT 1"
        ))


def test_create_log_in_lock_unlock(clinic, admin_session):
    staff = _staff_without_user(admin_session)
    with admin_session.uow() as uow:
        conn = uow.session.connection()
        users.create_login(conn, clinic.roles, "newclerk", "Clerk-Pass-1", ["registrar", "cashier"],
                           staff_member_id=staff, organization_ids=[1], default_organization_id=1)
        users.set_card_types(conn, staff, [1])
        uow.commit()
    session = log_in(clinic.settings("ADM-01"), "newclerk", "Clerk-Pass-1")
    assert session.user.jobs == {"registrar", "cashier"}
    assert session.user.staff_member_id == staff
    session.close()

    with admin_session.uow() as uow:
        users.set_locked(uow.session.connection(), "newclerk", True)
        uow.commit()
    with pytest.raises(UserLocked):
        log_in(clinic.settings("ADM-01"), "newclerk", "Clerk-Pass-1")
    with admin_session.uow() as uow:
        conn = uow.session.connection()
        listed = {u.login: u for u in users.list_users(conn, clinic.roles)}
        assert listed["newclerk"].locked and listed["newclerk"].jobs == ("cashier", "registrar")
        assert listed["newclerk"].card_type_ids == (1,)
        users.set_locked(conn, "newclerk", False)
        users.set_password(conn, clinic.roles, "newclerk", "Another-Pass-2")
        users.set_jobs(conn, "newclerk", ["medical_worker"])
        uow.commit()
    with pytest.raises(WrongCredentials):
        log_in(clinic.settings("ADM-01"), "newclerk", "Clerk-Pass-1")
    session = log_in(clinic.settings("ADM-01"), "newclerk", "Another-Pass-2")
    assert session.user.jobs == {"medical_worker"}
    session.close()


def test_password_never_reaches_the_server_in_clear(clinic, admin_session):
    """Only a SCRAM verifier is sent; the audit trail records that a password was set, not what."""
    staff = _staff_without_user(admin_session)
    with admin_session.uow() as uow:
        users.create_login(uow.session.connection(), clinic.roles, "secretive", "Very-Secret-77", ["cashier"],
                           staff_member_id=staff, organization_ids=[1], default_organization_id=1)
        uow.commit()
    with clinic.connect() as conn:
        stored = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s",
                              (clinic.roles.login_role("secretive"),)).fetchone()[0]
        assert stored.startswith("SCRAM-SHA-256$")
        dumped = conn.execute("SELECT string_agg(coalesce(old_values::text, '') || coalesce(new_values::text, '') "
                              "|| details, ' ') FROM audit_log").fetchone()[0]
        assert "Very-Secret-77" not in dumped


@pytest.mark.parametrize("password", ["short1A", "alllowercase", "ALLUPPER123", "secretive-A1", "Pass\x00word1",
                                      "P@ssw0rd", "x" * 129 + "A1"])
def test_weak_passwords_are_rejected(clinic, admin_session, password):
    with admin_session.uow() as uow, pytest.raises(WeakPassword):
        users.create_login(uow.session.connection(), clinic.roles, "secretive", password, ["cashier"])


def test_plain_password_is_refused_by_the_server(clinic, admin_session):
    with admin_session.engine.connect() as conn, pytest.raises(Exception, match="invalid_verifier"):
        conn.execute(text("SELECT admin_set_password('registrar', 'plain-text-password')"))


def test_administrator_cannot_change_own_rights(clinic, admin_session):
    with admin_session.uow() as uow:
        conn = uow.session.connection()
        for action in (
            lambda: users.set_jobs(conn, "admin", ["administrator", "head"]),
            lambda: users.set_locked(conn, "admin", True),
            lambda: users.set_organizations(conn, "admin", [1, 2], 1),
            lambda: users.link_staff(conn, "admin", 1),
            lambda: users.set_card_types(conn, admin_session.user.staff_member_id, [1, 2, 3, 4]),
        ):
            with pytest.raises(OwnRights):
                action()


def test_administrators_can_lock_each_other_while_one_remains(clinic, admin_session):
    staff = _staff_without_user(admin_session)
    with admin_session.uow() as uow:
        users.create_login(uow.session.connection(), clinic.roles, "admin2", "Second-Admin-1", ["administrator"],
                           staff_member_id=staff, organization_ids=[1], default_organization_id=1)
        uow.commit()
    second = log_in(clinic.settings("ADM-01"), "admin2", "Second-Admin-1")
    try:
        with second.uow() as uow:
            users.set_locked(uow.session.connection(), "admin", True)  # admin2 remains active
            uow.commit()
        with pytest.raises(UserLocked):
            log_in(clinic.settings("ADM-01"), "admin", DEMO_PASSWORD)
        with second.uow() as uow:
            users.set_locked(uow.session.connection(), "admin", False)
            uow.commit()
    finally:
        second.close()
    first = log_in(clinic.settings("ADM-01"), "admin", DEMO_PASSWORD)
    try:
        with first.uow() as uow:
            users.set_jobs(uow.session.connection(), "admin2", ["cashier"])  # admin remains
            uow.commit()
    finally:
        first.close()
    demoted = log_in(clinic.settings("ADM-01"), "admin2", "Second-Admin-1")
    try:
        with demoted.uow() as uow, pytest.raises(NotPermitted):
            users.set_locked(uow.session.connection(), "admin", True)
    finally:
        demoted.close()


def test_last_administrator_guard_in_the_database(clinic, admin_session):
    """With one administrator left, the database refuses to lock or demote them, whoever asks."""
    with clinic.connect(autocommit=True) as conn:
        # The superuser is an administrator by definition; it asks to lock the only real one.
        with pytest.raises(psycopg.Error, match="last_administrator"):
            conn.execute("SELECT admin_set_locked('admin', true)")
        with pytest.raises(psycopg.Error, match="last_administrator"):
            conn.execute("SELECT admin_set_jobs('admin', ARRAY['head'])")


def test_non_administrator_cannot_manage_users(clinic):
    session = log_in(clinic.settings("ADM-01"), "registrar", DEMO_PASSWORD)
    try:
        with session.uow() as uow, pytest.raises(NotPermitted):
            users.set_locked(uow.session.connection(), "cashier", True)
    finally:
        session.close()


def test_duplicate_and_unknown(clinic, admin_session):
    with admin_session.uow() as uow:
        conn = uow.session.connection()
        with pytest.raises(StaffHasLogin):
            users.create_login(conn, clinic.roles, "twin", "Good-Pass-123", ["cashier"],
                               staff_member_id=admin_session.user.staff_member_id)
        with pytest.raises(LoginTaken):
            users.create_login(conn, clinic.roles, "cashier", "Good-Pass-123", ["cashier"])
        with pytest.raises(UnknownJob):
            users.create_login(conn, clinic.roles, "newone", "Good-Pass-123", ["superuser"])


@pytest.mark.parametrize("login", ["registrar", "admin"])
def test_nobody_grants_themselves_a_job_or_card_type_in_sql(clinic, login):
    params = clinic.params_for(login, DEMO_PASSWORD)
    me = clinic.roles.login_role(login)
    for sql in (
        f'GRANT "{clinic.roles.job("head")}" TO "{me}"',
        f'GRANT "{clinic.roles.owner}" TO "{me}"',
        f'ALTER ROLE "{me}" CREATEROLE',
        "INSERT INTO staff_card_type_access (staff_member_id, card_type_id) SELECT app_user_staff_id(), id "
        "FROM medical_card_types",
        "INSERT INTO user_organizations (user_id, organization_id) SELECT u.id, 2 FROM users u "
        "WHERE u.role_name = session_user",
        "UPDATE users SET staff_member_id = 1 WHERE role_name = session_user",
    ):
        with psycopg.connect(params.conninfo()) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(sql)


def test_a_tests_changes_to_shared_logins_do_not_leak_part_one(clinic, admin_session):
    """Demo logins are cluster-wide roles shared by every copy of the template: the clinic fixture
    must undo a test's changes to them (this test changes; the next one checks)."""
    with admin_session.uow() as uow:
        conn = uow.session.connection()
        users.set_password(conn, clinic.roles, "cashier", "Changed-Pass-99")
        users.set_jobs(conn, "cashier", ["cashier", "head"])
        users.set_locked(conn, "nurse", True)
        uow.commit()


def test_a_tests_changes_to_shared_logins_do_not_leak_part_two(clinic):
    session = log_in(clinic.settings(), "cashier", DEMO_PASSWORD)
    assert session.user.jobs == {"cashier"}
    session.close()
    log_in(clinic.settings(), "nurse", DEMO_PASSWORD).close()
