"""Medicinal prescriptions on PostgreSQL as the demo doctor and nurse: written in a draft visit record with
their structured part, the one-line wording, clear refusals of bad input, the lock of a signed record
(only ending a prescription stays open), a correction starting with the corrected version's
prescriptions, the database's own rules for a writer that skips the service, card-type row security and
jobs that may not prescribe."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from shared.errors import DomainError
from shared.services import prescriptions as rx
from shared.services import visit_records as vr
from shared.services.session import session_user
from tests.db.demo_sessions import demo_login, work
from tests.db.security_helpers import PASSWORD, make_login

AMOXICILLIN = rx.MedicationInput(drug_name="  Amoxicillin ", form="capsules", dose_amount="500", dose_unit="mg",
                                 route="oral", times_per_day=3, duration_days=7,
                                 instructions="after meals")
IBUPROFEN = rx.MedicationInput(drug_name="Nurofen", inn="Ibuprofen", dose_amount="0,2", dose_unit="G",
                               route="oral", frequency_text="every 8 h", as_needed=True,
                               start_on=dt.date(2026, 12, 1))


def _card(session, code: str = "outpatient") -> int:
    with work(session) as conn:
        return conn.scalar(text(
            "SELECT c.id FROM medical_cards c JOIN medical_card_types t ON t.id = c.card_type_id "
            "WHERE t.code = :t ORDER BY c.id LIMIT 1"), {"t": code})


def _record(session, card: int) -> int:
    with work(session) as conn:
        return vr.start_record(conn, card, content={"complaints": "Боль в горле"})


def _sign(session, record_id: int) -> None:
    with work(session) as conn:
        vr.sign(conn, record_id, conn.scalar(text("SELECT version FROM medical_records WHERE id = :id"),
                                             {"id": record_id}))


def _refused(session, call, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as info:
        with work(session) as conn:
            call(conn, *args, **kwargs)
    return info.value


def test_wording_and_validation_without_the_database():
    clean = rx.validate(AMOXICILLIN)
    assert (clean.drug_name, clean.dose_amount, clean.dose_unit) == ("Amoxicillin", Decimal("500.000"), "mg")
    assert rx.format_prescription(clean) == "Amoxicillin, capsules 500 mg orally 3 times a day, 7 days; after meals"
    plain = rx.validate(rx.MedicationInput("Amoxicillin", dose_amount=500, dose_unit="mg", times_per_day=3,
                                           duration_days=7))
    assert rx.format_prescription(plain) == "Amoxicillin 500 mg orally 3 times a day, 7 days"
    assert rx.format_prescription(rx.validate(IBUPROFEN)) == (
        "Nurofen (Ibuprofen) 0.2 g orally every 8 h, as needed, from 01.12.2026")
    once = rx.validate(rx.MedicationInput("Vitamin D3", dose_amount="1000", dose_unit="iu", times_per_day=1,
                                          duration_days=1))
    assert rx.format_prescription(once) == "Vitamin D3 1000 IU orally once a day, 1 day"
    russian = {"orally": "внутрь", "{n} times a day": "{n} раза в день", "{n} days": "{n} дней"}
    assert rx.format_prescription(plain, lambda s: russian.get(s, s)) == (
        "Amoxicillin 500 mg внутрь 3 раза в день, 7 дней")
    refusals = [
        (rx.MedicationInput("   "), "Write the name"),
        (rx.MedicationInput("A", dose_amount="0", dose_unit="mg"), "above zero"),
        (rx.MedicationInput("A", dose_amount="-5", dose_unit="mg"), "above zero"),
        (rx.MedicationInput("A", dose_amount="five", dose_unit="mg"), "entered: five"),
        (rx.MedicationInput("A", dose_amount="0.0001", dose_unit="mg"), "above zero"),
        (rx.MedicationInput("A", dose_amount="5"), "Choose the unit"),
        (rx.MedicationInput("A", dose_unit="mg"), "write the dose itself"),
        (rx.MedicationInput("A", dose_amount="5", dose_unit="kg"), "\u201ckg\u201d is not a unit"),
        (rx.MedicationInput("A", route="by mouth"), "\u201cby mouth\u201d is not a route"),
        (rx.MedicationInput("A", duration_days=0), "from 1 to 365"),
        (rx.MedicationInput("A", duration_days=366), "from 1 to 365"),
        (rx.MedicationInput("A", duration_days="a week"), "from 1 to 365"),
        (rx.MedicationInput("A", times_per_day=25), "from 1 to 24"),
        (rx.MedicationInput("A" * 201), "at most 200 characters"),
        (rx.MedicationInput("A", start_on="tomorrow"), "not a date"),
    ]
    for item, words in refusals:
        with pytest.raises(rx.PrescriptionRefused) as info:
            rx.validate(item)
        assert words in str(info.value), item


def test_prescriptions_of_a_draft_sign_lock_and_correction(clinic, doctor):
    card = _card(doctor)
    record_id = _record(doctor, card)
    with work(doctor) as conn:
        me = session_user(conn).staff_member_id
        patient = conn.scalar(text("SELECT patient_id FROM medical_cards WHERE id = :c"), {"c": card})
        first = rx.add(conn, record_id, AMOXICILLIN)
        second = rx.add(conn, record_id, IBUPROFEN)
        listed = rx.prescriptions_of_record(conn, record_id)
    assert [p.id for p in listed] == [first, second]
    amox = listed[0]
    assert (amox.drug_name, amox.dose_amount, amox.route, amox.times_per_day, amox.duration_days) == (
        "Amoxicillin", Decimal("500.000"), "oral", 3, 7)
    assert (amox.status, amox.created_by, amox.patient_id, amox.card_id) == ("active", me, patient, card)
    assert amox.text.startswith("Amoxicillin, capsules 500 mg orally 3 times a day, 7 days")
    assert "Write the name" in str(_refused(doctor, rx.add, record_id, rx.MedicationInput("")))

    with work(doctor) as conn:
        version = rx.change(conn, first, amox.version, rx.MedicationInput(
            "Amoxicillin", dose_amount="875", dose_unit="mg", times_per_day=2, duration_days=10))
        rx.remove(conn, second)
        changed = rx.prescription(conn, first)
    assert changed.version == version and changed.text == "Amoxicillin 875 mg orally twice a day, 10 days"
    assert "changed by" in str(_refused(doctor, rx.change, first, version - 1, AMOXICILLIN))
    with work(doctor) as conn:
        third = rx.add(conn, record_id, IBUPROFEN)
    _sign(doctor, record_id)

    # Signed: the record's prescriptions are fixed; ending one stays open.
    assert "can no longer be changed" in str(_refused(doctor, rx.add, record_id, IBUPROFEN))
    assert "only cancelled or completed" in str(_refused(doctor, rx.change, first, version, AMOXICILLIN))
    assert "only cancelled or completed" in str(_refused(doctor, rx.remove, first))
    assert "Say why" in str(_refused(doctor, rx.end, third, 1, "cancelled", " "))
    with work(doctor) as conn:
        ended = rx.end(conn, third, rx.prescription(conn, third).version, "cancelled", "Аллергия")
    assert "already cancelled" in str(_refused(doctor, rx.end, third, ended, "completed"))
    with work(doctor) as conn:
        for sql, params in (
            ("UPDATE medication_prescriptions SET drug_name = 'x' WHERE id = :id", {"id": first}),
            ("UPDATE medication_prescriptions SET status = 'active', cancel_reason = '' WHERE id = :id",
             {"id": third}),
            ("UPDATE medication_prescriptions SET status = 'completed', dose_amount = 1 WHERE id = :id",
             {"id": first}),
            ("DELETE FROM medication_prescriptions WHERE id = :id", {"id": first}),
            ("INSERT INTO medication_prescriptions (record_id, drug_name) VALUES (:r, 'x')", {"r": record_id}),
        ):
            with pytest.raises(DBAPIError) as info, conn.begin_nested():
                conn.execute(text(sql), params)
            assert info.value.orig.sqlstate == "MC071", sql

    # A correction starts with the prescriptions of the version it corrects.
    with work(doctor) as conn:
        corrected = vr.correct(conn, record_id)
        carried = rx.prescriptions_of_record(conn, corrected)
        current = rx.prescriptions_of_patient(conn, patient)
        everything = rx.prescriptions_of_patient(conn, patient, current_records_only=False)
        active = rx.prescriptions_of_patient(conn, patient, active_only=True)
    assert [(p.drug_name, p.status) for p in carried] == [("Amoxicillin", "active"), ("Nurofen", "cancelled")]
    assert all(p.record_id == corrected and p.created_by == me for p in carried)
    assert {p.id for p in current} >= {p.id for p in carried} and first not in {p.id for p in current}
    assert {first, third} <= {p.id for p in everything}
    assert all(p.status == "active" for p in active) and carried[0].id in {p.id for p in active}
    assert [p.status for p in current][:1] == ["active"], "the active ones first"
    with work(doctor) as conn:
        rx.remove(conn, carried[1].id)
        assert [p.id for p in rx.prescriptions_of_record(conn, corrected)] == [carried[0].id]
        assert len(rx.prescriptions_of_record(conn, record_id)) == 2  # the signed version keeps its own

    with clinic.connect() as admin:
        rows = admin.execute(
            "SELECT action FROM audit_log WHERE table_name = 'medication_prescriptions' AND row_key = %s "
            "ORDER BY id", (str(first),)).fetchall()
    # The refused attempts on it (a stale change, a change and a removal in a signed record) are audited too.
    assert [r[0] for r in rows] == ["INSERT", "UPDATE", "REFUSED", "REFUSED", "REFUSED"]


def test_database_refuses_bad_prescriptions(clinic, doctor, nurse):
    card = _card(doctor)
    record_id = _record(doctor, card)
    with work(doctor) as conn:
        mine = rx.add(conn, record_id, AMOXICILLIN)
        insert = "INSERT INTO medication_prescriptions (record_id, drug_name, dose_amount, dose_unit, route, " \
                 "duration_days) VALUES (:r, :d, :a, :u, :route, :days)"
        good = {"r": record_id, "d": "Paracetamol", "a": 500, "u": "mg", "route": "oral", "days": 3}
        for changes, constraint in (
            ({"d": "  "}, "drug_named"), ({"a": 0}, "dose_positive"), ({"a": -1}, "dose_positive"),
            ({"u": "kg"}, "dose_unit_known"), ({"u": ""}, "dose_with_unit"), ({"route": "by mouth"}, "route_known"),
            ({"days": 0}, "duration_sane"), ({"days": 366}, "duration_sane"),
        ):
            with pytest.raises(DBAPIError) as info, conn.begin_nested():
                conn.execute(text(insert), {**good, **changes})
            assert info.value.orig.sqlstate == "23514"
            assert info.value.orig.diag.constraint_name == f"ck_medication_prescriptions_{constraint}"
        with pytest.raises(DBAPIError) as info, conn.begin_nested():
            conn.execute(text(insert), {**good, "r": 99_999_999})
        assert info.value.orig.sqlstate == "MC070"
        with pytest.raises(DBAPIError) as info, conn.begin_nested():
            conn.execute(text("UPDATE medication_prescriptions SET record_id = :r WHERE id = :id"),
                         {"r": vr.start_record(conn, card), "id": mine})
        assert info.value.orig.sqlstate == "MC075"
        # The card, type, organization, patient and author are the record's and the login's.
        made = conn.execute(text(
            "INSERT INTO medication_prescriptions (record_id, card_id, card_type_id, organization_id, patient_id, "
            "drug_name, created_by) SELECT :r, card_id, card_type_id, organization_id, (SELECT patient_id FROM "
            "medical_cards WHERE id = :c), 'Paracetamol', NULL FROM medical_records WHERE id = :r "
            "RETURNING created_by"), {"r": record_id, "c": card}).scalar_one()
        assert made == session_user(conn).staff_member_id
    # The nurse may open the card, but the draft is the doctor's.
    with work(nurse) as conn:
        for sql, params in ((insert, good),
                            ("UPDATE medication_prescriptions SET instructions = 'x' WHERE id = :id", {"id": mine}),
                            ("DELETE FROM medication_prescriptions WHERE id = :id", {"id": mine})):
            with pytest.raises(DBAPIError) as info, conn.begin_nested():
                conn.execute(text(sql), params)
            assert info.value.orig.sqlstate == "MC072", sql
    assert "only its author" in str(_refused(nurse, rx.add, record_id, IBUPROFEN))
    assert "only its author" in str(_refused(nurse, rx.remove, mine))


def test_card_type_access_and_jobs(clinic, doctor):
    with work(doctor) as conn:
        org = session_user(conn).organization_ids[0]
    with clinic.connect() as admin:
        staff = admin.execute(
            "SELECT s.id FROM staff_members s WHERE NOT EXISTS "
            "(SELECT 1 FROM users u WHERE u.staff_member_id = s.id) AND s.organization_id = %s "
            "ORDER BY s.id LIMIT 1", (org,)).fetchone()[0]
        dental_card, dental_patient = admin.execute(
            "SELECT c.id, c.patient_id FROM medical_cards c JOIN medical_card_types t ON t.id = c.card_type_id "
            "WHERE t.code = 'dental' AND c.organization_id = %s ORDER BY c.id LIMIT 1", (org,)).fetchone()
    login = make_login(clinic, ["medical_worker"], organization_ids=(org,), staff_member_id=staff,
                       card_type_codes=("dental",))
    dentist = demo_login(clinic, login, "DENT-01", PASSWORD)
    try:
        record_id = _record(dentist, dental_card)
        with work(dentist) as conn:
            prescription_id = rx.add(conn, record_id, rx.MedicationInput(
                "Chlorhexidine 0.05%", route="topical", frequency_text="rinse after meals", duration_days=5))
            assert [p.id for p in rx.prescriptions_of_patient(conn, dental_patient)] == [prescription_id]
    finally:
        dentist.close()
    with work(doctor) as conn:
        assert prescription_id not in {p.id for p in rx.prescriptions_of_patient(conn, dental_patient)}
        assert rx.prescriptions_of_record(conn, record_id) == []
        assert conn.scalar(text("UPDATE medication_prescriptions SET instructions = 'x' WHERE id = :id "
                                "RETURNING id"), {"id": prescription_id}) is None
    assert "no longer exists" in str(_refused(doctor, rx.remove, prescription_id))
    assert "not available" in str(_refused(doctor, rx.add, record_id, AMOXICILLIN))

    card = _card(doctor)
    own = _record(doctor, card)
    with work(doctor) as conn:
        mine = rx.add(conn, own, AMOXICILLIN)
    for login_name, station in (("registrar", "REG-01"), ("cashier", "CASH-01")):
        session = demo_login(clinic, login_name, station)
        try:
            assert "does not allow prescribing" in str(_refused(session, rx.add, own, AMOXICILLIN))
            assert "does not allow prescribing" in str(_refused(session, rx.end, mine, 1, "completed"))
            with work(session) as conn:
                for sql in ("SELECT * FROM medication_prescriptions LIMIT 1",
                            "INSERT INTO medication_prescriptions (record_id, drug_name) VALUES (:r, 'x')",
                            "DELETE FROM medication_prescriptions WHERE id = :p"):
                    with pytest.raises(DBAPIError) as info, conn.begin_nested():
                        conn.execute(text(sql), {"r": own, "p": mine})
                    assert info.value.orig.sqlstate == "42501" and "permission denied" in str(info.value.orig)
        finally:
            session.close()
