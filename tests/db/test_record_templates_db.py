"""Record templates on PostgreSQL as the demo doctor: a draft of a template is validated when saved and
refused signing while a field the template requires is blank; a record of no (or an older) template
signs as before."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from shared.errors import DomainError
from shared.services import record_templates as rt
from shared.services import visit_records as vr
from tests.db.demo_sessions import work


def _card(session) -> int:
    with work(session) as conn:
        return conn.scalar(text(
            "SELECT c.id FROM medical_cards c JOIN medical_card_types t ON t.id = c.card_type_id "
            "WHERE t.code = 'outpatient' ORDER BY c.id LIMIT 1"))


def _state(session, record_id: int):
    with work(session) as conn:
        return conn.execute(text("SELECT status, version FROM medical_records WHERE id = :id"),
                            {"id": record_id}).one()


def test_sign_refuses_missing_required_fields(clinic, doctor):
    card = _card(doctor)
    with work(doctor) as conn:
        record_id = vr.start_record(conn, card, template_code="therapy.visit",
                                    content={"complaints": "Кашель, насморк"})
    version = _state(doctor, record_id).version

    # Hostile or mistyped values are refused on save, naming the field; the draft is unchanged.
    with pytest.raises(rt.TemplateInputError) as info:
        with work(doctor) as conn:
            vr.save_draft(conn, record_id, version, {"complaints": "Кашель", "temperature": "1e400"})
    assert str(info.value).startswith("Body temperature:")
    with pytest.raises(rt.TemplateInputError, match="too long"):
        with work(doctor) as conn:
            vr.save_draft(conn, record_id, version, {"complaints": "x" * 1_000_001})
    assert _state(doctor, record_id).version == version

    # A good draft is stored normalized.
    with work(doctor) as conn:
        version = vr.save_draft(conn, record_id, version, {
            "complaints": " Кашель, насморк ", "temperature": "37,8", "general_condition": "Satisfactory",
            "bp_systolic": "125"})
    with work(doctor) as conn:
        content = vr.record(conn, record_id).content
    assert content == {"complaints": "Кашель, насморк", "temperature": 37.8, "general_condition": "satisfactory",
                       "bp_systolic": 125}

    # Signing is refused while examination and conclusion are blank; the message lists their labels.
    with pytest.raises(DomainError) as info:
        with work(doctor) as conn:
            vr.sign(conn, record_id, version)
    assert isinstance(info.value, rt.RecordIncomplete)
    assert str(info.value) == "The record cannot be signed yet: fill in Examination, Conclusion."
    assert _state(doctor, record_id).status == "draft"

    with work(doctor) as conn:
        version = vr.save_draft(conn, record_id, version, {
            **content, "examination": "Зев гиперемирован.", "conclusion": "ОРВИ."})
    with work(doctor) as conn:
        vr.add_diagnosis(conn, record_id, "J06.9")
        vr.sign(conn, record_id, version)
    assert _state(doctor, record_id).status == "signed"


def test_record_without_known_template_signs_as_before(clinic, doctor):
    card = _card(doctor)
    with work(doctor) as conn:
        record_id = vr.start_record(conn, card, template_code="therapist.visit", content={"complaints": "x"})
    version = _state(doctor, record_id).version
    with work(doctor) as conn:
        version = vr.save_draft(conn, record_id, version, {"complaints": "x", "temperature": 99})
        vr.sign(conn, record_id, version)
    assert _state(doctor, record_id).status == "signed"


def test_demo_records_are_signed_from_templates(clinic):
    """The demo's records: authored by a doctor of a matching specialty, mostly signed, content as the
    template normalizes it, a main ICD-10 diagnosis each."""
    from psycopg.rows import namedtuple_row

    with clinic.connect() as conn:
        rows = conn.cursor(row_factory=namedtuple_row).execute(
            "SELECT r.id, r.status, r.template_code, r.content, r.signed_at, r.signed_by, r.author_staff_id, "
            "sp.code AS specialty, t.code AS card_type, "
            "(SELECT count(*) FROM diagnoses d WHERE d.record_id = r.id AND d.role = 'main') AS mains "
            "FROM medical_records r JOIN staff_members s ON s.id = r.author_staff_id "
            "JOIN specialties sp ON sp.id = s.specialty_id JOIN medical_card_types t ON t.id = r.card_type_id"
        ).fetchall()
        total = conn.execute("SELECT count(*) FROM medical_records").fetchone()[0]
        billable = conn.execute(
            "SELECT bool_and(c.billable) FROM diagnoses d JOIN icd10_codes c ON c.code = d.code").fetchone()[0]
        corrections = conn.execute(
            "SELECT count(*) FROM medical_records n JOIN medical_records o ON o.id = n.supersedes_id "
            "WHERE o.status = 'signed' AND n.version_no = o.version_no + 1 AND n.card_id = o.card_id").fetchone()[0]
    assert total == len(rows) > 300  # every record has an author with a specialty
    signed = [r for r in rows if r.status == "signed"]
    assert len(signed) > 0.8 * len(rows)
    assert all(r.signed_at is not None and r.signed_by == r.author_staff_id for r in signed)
    assert all(r.mains == 1 for r in rows) and billable
    assert corrections > 0
    for r in rows:
        tpl = rt.template(r.template_code)
        assert r.specialty in tpl.specialty_codes
        assert rt.normalized(tpl, r.content) == r.content
        assert rt.missing_for_signing(tpl, r.content) == ()
        if r.card_type == "dental":
            assert r.specialty == "dentistry"


def test_demo_doctor_has_a_day_today(clinic, doctor):
    """The demo doctor's shift task today and the next days: visits with order lines paid, unpaid and covered
    by a payer; the patients' cards and their signed records are open to the doctor."""
    import dataclasses
    import datetime as dt

    from shared.services import shift_tasks
    from shared.services.session import session_user

    today = dt.date.today()
    with work(doctor) as conn:
        me = session_user(conn).staff_member_id
        today_task = shift_tasks.shift_task(conn, day=today, staff_member_id=me)
        week = [e for d in range(7) for e in shift_tasks.shift_task(
            conn, day=today + dt.timedelta(days=d), staff_member_id=me)]
    assert today_task, "the demo doctor works today"
    assert all(e.lines for e in today_task if e.booking_status != "no_show")
    assert {"paid", "unpaid", "covered"} <= {line.payment for e in week for line in e.lines}
    assert any(line.payer_name for e in week for line in e.lines)
    patient = next(e.patient_id for e in today_task if e.patient_id is not None)
    with work(doctor) as conn:
        card = conn.scalar(text(
            "SELECT c.id FROM medical_cards c JOIN medical_card_types t ON t.id = c.card_type_id "
            "WHERE c.patient_id = :p AND t.code = 'outpatient' ORDER BY c.id LIMIT 1"), {"p": patient})
        assert card is not None
        records = vr.history(conn, card)
    assert len(records) >= 2
    # The DTOs (filled through __dict__ for speed) are whole: equal to ones built by their __init__.
    assert all(r == dataclasses.replace(r) and hash(r.diagnoses) is not None for r in records)
    assert any(r.is_signed and r.main_diagnosis is not None and r.template_code for r in records)
    shown = rt.as_text(rt.template(records[0].template_code), records[0].content)
    assert records[0].content["conclusion"] in shown
