"""The service behind "History of actions": filters, details, limits, bad filters."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from medcenter_desktop.login_service import log_in
from shared.demo.generator import DEMO_PASSWORD
from shared.services.audit import AuditFilter, InvalidAuditFilter, audit_users, search_audit


@pytest.fixture
def registrar_change(clinic):
    session = log_in(clinic.settings("REG-02"), "registrar", DEMO_PASSWORD)
    with session.uow() as uow:
        uow.session.connection().execute(text("UPDATE patients SET first_name = 'Зоя' WHERE id = 7"))
        uow.commit()
    session.close()
    return clinic.roles.login_role("registrar")


def test_head_of_registry_finds_the_registrars_change(clinic, registrar_change):
    session = log_in(clinic.settings("REG-02"), "headregistry", DEMO_PASSWORD)
    try:
        with session.uow() as uow:
            conn = uow.session.connection()
            today = dt.date.today()
            found = search_audit(conn, AuditFilter(login_role=registrar_change, date_from=today, date_to=today))
            assert len(found) == 1
            entry = found[0]
            assert (entry.action, entry.table_name, entry.patient_id, entry.workstation) == (
                "UPDATE", "patients", 7, "medcenter:REG-02")
            assert [(c.field, c.new) for c in entry.changes] == [("first_name", "Зоя")]
            assert search_audit(conn, AuditFilter(patient_id=7, table_name="patients"))[0].id == entry.id
            assert search_audit(conn, AuditFilter(login_role=registrar_change, date_to=today - dt.timedelta(days=1))) == ()
            assert search_audit(conn, AuditFilter(action="DELETE", login_role=registrar_change)) == ()
            users = {u.login_role: u.name for u in audit_users(conn)}
            assert registrar_change in users and users[registrar_change]
            assert len(search_audit(conn, AuditFilter(limit=5))) == 5
    finally:
        session.close()


@pytest.mark.parametrize(
    "flt",
    [
        AuditFilter(date_from=dt.date(2026, 5, 2), date_to=dt.date(2026, 5, 1)),
        AuditFilter(table_name="pg_authid"),
        AuditFilter(table_name="patients; DROP TABLE audit_log"),
        AuditFilter(limit=0),
    ],
)
def test_bad_filters_are_domain_errors(clinic, flt):
    session = log_in(clinic.settings("REG-02"), "headregistry", DEMO_PASSWORD)
    try:
        with session.uow() as uow, pytest.raises(InvalidAuditFilter):
            search_audit(uow.session.connection(), flt)
    finally:
        session.close()


@pytest.mark.parametrize("hostile", ["x'; DROP TABLE audit_log; --", "%", "_", "\\", "я" * 5000])
def test_hostile_user_filter_is_just_a_value(clinic, hostile):
    session = log_in(clinic.settings("REG-02"), "headregistry", DEMO_PASSWORD)
    try:
        with session.uow() as uow:
            assert search_audit(uow.session.connection(), AuditFilter(login_role=hostile)) == ()
    finally:
        session.close()
