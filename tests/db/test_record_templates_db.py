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
