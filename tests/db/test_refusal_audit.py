"""Refused attempts are in the audit trail although the refused action rolled back: a record signed
twice, a signed record edited, an unknown ICD-10 code, a prescription added to a signed record, a card of
another type opened, a cancelled service performed. The patient of each is found by the database, not
told by the caller, and only the tables whose refusals are kept are accepted."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from shared.errors import DomainError
from shared.services import orders
from shared.services import performance as pf
from shared.services import prescriptions as rx
from shared.services import visit_records as vr
from shared.services.refusals import audited_refusals
from tests.db.demo_sessions import work
from tests.db.test_performance import Day, _booked_line, _line, _perform


def _refusals(clinic, table: str, key: int) -> list[tuple]:
    with clinic.connect() as admin:
        return admin.execute(
            "SELECT login_role, patient_id, details FROM audit_log WHERE action = 'REFUSED' AND table_name = %s "
            "AND row_key = %s ORDER BY id", (table, str(key))).fetchall()


def _card(session, code: str) -> int | None:
    with work(session) as conn:
        return conn.scalar(text(
            "SELECT c.id FROM medical_cards c JOIN medical_card_types t ON t.id = c.card_type_id "
            "WHERE t.code = :t ORDER BY c.id LIMIT 1"), {"t": code})


def test_refused_record_actions_are_audited_with_their_patient(clinic, doctor):
    card = _card(doctor, "outpatient")
    with work(doctor) as conn:
        record_id = vr.start_record(conn, card, content={"complaints": "Кашель", "conclusion": "ОРВИ"})
        version = conn.scalar(text("SELECT version FROM medical_records WHERE id = :r"), {"r": record_id})
        patient = conn.scalar(text("SELECT patient_id FROM medical_cards WHERE id = :c"), {"c": card})
    with work(doctor) as conn:
        vr.add_diagnosis(conn, record_id, "J06.9")
        version = conn.scalar(text("SELECT version FROM medical_records WHERE id = :r"), {"r": record_id})
        version = vr.sign(conn, record_id, version)
    assert _refusals(clinic, "medical_records", record_id) == []

    for call, args in ((vr.sign, (record_id, version)),
                       (vr.save_draft, (record_id, version, {"complaints": "исправлено задним числом"})),
                       (vr.add_diagnosis, (record_id, "Q99.99")),
                       (rx.add, (record_id, rx.MedicationInput("Амоксициллин", dose_amount=500, dose_unit="mg",
                                                                times_per_day=3, duration_days=7)))):
        with pytest.raises(DomainError), work(doctor) as conn:
            call(conn, *args)
    rows = _refusals(clinic, "medical_records", record_id)
    assert len(rows) == 4
    assert {r[0] for r in rows} == {doctor.params.user} and {r[1] for r in rows} == {patient}
    assert "already signed" in rows[0][2] and "can no longer be changed" in rows[1][2] and "Q99.99" in rows[2][2]
    assert "can no longer be changed" in rows[3][2]
    # The record itself is untouched by the refused edit.
    with work(doctor) as conn:
        assert vr.record(conn, record_id).content["complaints"] == "Кашель"


def test_a_refused_card_opening_is_audited(clinic, doctor):
    dental = _card(doctor, "dental")  # row security: the therapist sees no dental card at all
    assert dental is None
    with clinic.connect() as admin:
        dental, patient = admin.execute(
            "SELECT c.id, c.patient_id FROM medical_cards c JOIN medical_card_types t ON t.id = c.card_type_id "
            "WHERE t.code = 'dental' ORDER BY c.id LIMIT 1").fetchone()
    with pytest.raises(DomainError) as refused, work(doctor) as conn:
        vr.history(conn, dental)
    assert "not available" in str(refused.value)
    rows = _refusals(clinic, "medical_cards", dental)
    assert [(r[0], r[1]) for r in rows] == [(doctor.params.user, patient)]


@pytest.fixture
def day(clinic, doctor, registrar) -> Day:
    with clinic.connect() as conn:
        conn.execute("UPDATE organizations SET booking_release_hours = 2000")
    return Day(doctor, registrar)


def test_performing_a_cancelled_service_is_audited_but_the_warning_is_not(clinic, doctor, registrar, day):
    with work(registrar) as c:
        slots = day.free_slots(c)
        order_id, cancelled = _booked_line(c, day, slots[0], payer_id=day.company)
        orders.cancel_line(c, cancelled, _line(c, order_id, cancelled).version, "Клиент передумал")
        unpaid_order, unpaid = _booked_line(c, day, slots[1])
    with work(doctor) as c, pytest.raises(pf.PerformanceRefused):
        _perform(c, day, cancelled, _line(c, order_id, cancelled).version)
    rows = _refusals(clinic, "order_lines", cancelled)
    assert [(r[0], r[1]) for r in rows] == [(doctor.params.user, day.patient)] and "cancelled" in rows[0][2]
    with clinic.connect() as conn:
        conn.execute("UPDATE organizations SET unpaid_performance = 'warn' WHERE id = %s", (day.org,))
    with work(doctor) as c, pytest.raises(pf.UnpaidWarning):
        _perform(c, day, unpaid, _line(c, unpaid_order, unpaid).version)
    assert _refusals(clinic, "order_lines", unpaid) == []  # a question, not a refusal


def test_the_function_keeps_only_known_tables_and_finds_the_patient_itself(clinic, doctor):
    with work(doctor) as conn, pytest.raises(DBAPIError) as error:
        conn.execute(text("SELECT audit_refusal('users', '1', 'probe')"))
    assert error.value.orig.sqlstate == "22023"
    with work(doctor) as conn:  # hostile keys are kept as text and find no patient
        conn.execute(text("SELECT audit_refusal('medical_records', :k, :r)"),
                     {"k": "1; DROP TABLE patients" + "x" * 200, "r": "y" * 5000})
    with clinic.connect() as admin:
        key, patient, details = admin.execute(
            "SELECT row_key, patient_id, details FROM audit_log WHERE action = 'REFUSED' ORDER BY id DESC "
            "LIMIT 1").fetchone()
    assert key.startswith("1; DROP") and len(key) == 64 and patient is None and len(details) == 1000
    # Nobody may write an arbitrary audit row through the general writer.
    with work(doctor) as conn, pytest.raises(DBAPIError):
        conn.execute(text("SELECT audit_write('DELETE', 'patients', '1', NULL, NULL, NULL, 'forged')"))


def test_the_decorator_needs_the_named_argument():
    with pytest.raises(TypeError):
        audited_refusals("medical_records", "record_id")(lambda connection, other: None)
