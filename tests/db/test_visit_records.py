"""Visit records on PostgreSQL as the demo doctor and nurse: a draft, its ICD-10 diagnoses (the real
classification), signing, the lock on a signed record (the service and the trigger), corrections as new
versions with their history, authorship, card-type row security and the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from shared.errors import DomainError
from shared.services import visit_records as vr
from shared.services.concurrency import ConcurrentEdit
from shared.services.session import session_user
from tests.db.demo_sessions import demo_login, work
from tests.db.security_helpers import PASSWORD, make_login

CONTENT = {
    "complaints": "Боль в горле, насморк, температура 37,8 °C два дня.",
    "anamnesis": "Заболел остро. Хронических заболеваний нет.",
    "examination": "Зев гиперемирован, миндалины не увеличены. Дыхание везикулярное.",
    "conclusion": "Острая респираторная вирусная инфекция.",
    "recommendations": "Обильное питьё, контроль через 5 дней.",
    "temperature": 37.8,
}


def _card(session, code: str = "outpatient") -> int:
    """A card of type ``code`` the session's user can see (row security picks)."""
    with work(session) as conn:
        return conn.scalar(text(
            "SELECT c.id FROM medical_cards c JOIN medical_card_types t ON t.id = c.card_type_id "
            "WHERE t.code = :t ORDER BY c.id LIMIT 1"), {"t": code})


def _version(session, record_id: int) -> int:
    with work(session) as conn:
        return conn.scalar(text("SELECT version FROM medical_records WHERE id = :id"), {"id": record_id})


def _refused(session, call, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as info:
        with work(session) as conn:
            call(conn, *args, **kwargs)
    return info.value


def test_draft_diagnoses_sign_lock_and_correction(clinic, doctor):
    card = _card(doctor)
    assert card is not None
    with work(doctor) as conn:
        me = session_user(conn).staff_member_id
        record_id = vr.start_record(conn, card, template_code="therapist.visit", content={"complaints": "Кашель"})
    version = _version(doctor, record_id)
    with work(doctor) as conn:
        version = vr.save_draft(conn, record_id, version, CONTENT)
    # A stale version is refused with who changed it.
    with pytest.raises(ConcurrentEdit):
        with work(doctor) as conn:
            vr.save_draft(conn, record_id, version - 1, {"complaints": "старое"})

    # Diagnoses: a valid code as typed (lower case), Cyrillic look-alikes, unknown and heading codes.
    with work(doctor) as conn:
        main_id = vr.add_diagnosis(conn, record_id, "j06.9", first_time=True)
        vr.add_diagnosis(conn, record_id, "\u0456 10", role="accompanying")  # Cyrillic і for I, no dot
        vr.add_diagnosis(conn, record_id, "К29.7", role="complication")  # Cyrillic К
    assert vr.diagnosis_entry("\u043e06.9").code == "J06.9"  # Cyrillic о typed for J (Russian layout left on)
    unknown = _refused(doctor, vr.add_diagnosis, record_id, "Q99.99", role="accompanying")
    assert "Q99.99" in str(unknown) and "not an ICD-10 code" in str(unknown)
    heading = _refused(doctor, vr.add_diagnosis, record_id, "J06", role="accompanying")
    assert "J06" in str(heading) and "heading" in str(heading)
    block = _refused(doctor, vr.add_diagnosis, record_id, "J00-J06", role="accompanying")
    assert "J00-J06" in str(block)
    chapter = _refused(doctor, vr.add_diagnosis, record_id, "X", role="accompanying")
    assert "heading" in str(chapter)
    second_main = _refused(doctor, vr.add_diagnosis, record_id, "J20.9")
    assert "main diagnosis (J06.9)" in str(second_main)
    duplicate = _refused(doctor, vr.add_diagnosis, record_id, "J06.9", role="accompanying")
    assert "J06.9" in str(duplicate)
    # The database refuses what the service would: a heading code, a second main diagnosis.
    with work(doctor) as conn:
        row = conn.execute(text("SELECT card_id, card_type_id, organization_id FROM medical_records "
                                "WHERE id = :id"), {"id": record_id}).one()
        for code, role, state in (("J06", "accompanying", "MC058"), ("ZZZ", "accompanying", "MC057"),
                                  ("J20.9", "main", "23505")):
            with pytest.raises(DBAPIError) as info, conn.begin_nested():
                conn.execute(text(
                    "INSERT INTO diagnoses (record_id, card_id, card_type_id, organization_id, code, role) "
                    "VALUES (:r, :c, :t, :o, :code, :role)"),
                    {"r": record_id, "c": row.card_id, "t": row.card_type_id, "o": row.organization_id,
                     "code": code, "role": role})
            assert info.value.orig.sqlstate == state
    with work(doctor) as conn:
        extra = vr.add_diagnosis(conn, record_id, "R05", role="accompanying")
        vr.remove_diagnosis(conn, extra)

    with work(doctor) as conn:
        draft = vr.record(conn, record_id)
    assert draft.status == "draft" and draft.author_staff_id == me and draft.version_no == 1
    assert draft.content["conclusion"] == CONTENT["conclusion"] and draft.content["temperature"] == 37.8
    assert draft.summary == CONTENT["conclusion"]
    assert [(d.code, d.role, d.first_time) for d in draft.diagnoses] == [
        ("J06.9", "main", True), ("I10", "accompanying", False), ("K29.7", "complication", False)]
    assert draft.main_diagnosis.id == main_id

    with work(doctor) as conn:
        version = vr.sign(conn, record_id, draft.version)
    twice = _refused(doctor, vr.sign, record_id, version)
    assert "already signed" in str(twice)
    edit = _refused(doctor, vr.save_draft, record_id, version, {"complaints": "исправлено"})
    assert "can no longer be changed" in str(edit)
    assert "can no longer be changed" in str(_refused(doctor, vr.add_diagnosis, record_id, "R05", "accompanying"))
    assert "can no longer be changed" in str(_refused(doctor, vr.remove_diagnosis, main_id))
    # Past the service: the trigger keeps the signed record and its diagnoses as they are.
    with work(doctor) as conn:
        for sql, params in (
            ("UPDATE medical_records SET content = '{}'::jsonb WHERE id = :id", {"id": record_id}),
            ("UPDATE medical_records SET status = 'draft' WHERE id = :id", {"id": record_id}),
            ("UPDATE diagnoses SET first_time = false WHERE id = :id", {"id": main_id}),
            ("DELETE FROM diagnoses WHERE id = :id", {"id": main_id}),
        ):
            with pytest.raises(DBAPIError) as info, conn.begin_nested():
                conn.execute(text(sql), params)
            assert info.value.orig.sqlstate == "MC051", sql
        # A new record cannot be born signed.
        with pytest.raises(DBAPIError) as info, conn.begin_nested():
            conn.execute(text(
                "INSERT INTO medical_records (card_id, card_type_id, organization_id, kind, status, signed_at) "
                "SELECT card_id, card_type_id, organization_id, 'visit', 'signed', now() FROM medical_records "
                "WHERE id = :id"), {"id": record_id})
        assert info.value.orig.sqlstate == "MC050"

    # A correction: version 2, a draft with the content and diagnoses of version 1.
    with work(doctor) as conn:
        corrected = vr.correct(conn, record_id)
    again = _refused(doctor, vr.correct, record_id)
    assert "already been corrected (version 2)" in str(again)
    assert "only a signed record is corrected" in str(_refused(doctor, vr.correct, corrected))
    with work(doctor) as conn:
        new = vr.record(conn, corrected)
        version = vr.save_draft(conn, corrected, new.version, {**CONTENT, "conclusion": "ОРВИ, выздоровление."})
        vr.remove_diagnosis(conn, next(d.id for d in new.diagnoses if d.code == "K29.7"))
        vr.sign(conn, corrected, version)
        history = [r for r in vr.history(conn, card) if r.id in (record_id, corrected)]
    assert new.status == "draft" and new.version_no == 2 and new.supersedes_id == record_id
    assert [d.code for d in new.diagnoses] == ["J06.9", "I10", "K29.7"]
    first, second = history
    assert (first.id, first.version_no, first.is_signed, first.superseded_by) == (record_id, 1, True, corrected)
    assert first.content["conclusion"] == CONTENT["conclusion"]
    assert [d.code for d in first.diagnoses] == ["J06.9", "I10", "K29.7"]
    assert (second.version_no, second.is_signed, second.is_current, second.signed_by) == (2, True, True, me)
    assert second.content["conclusion"] == "ОРВИ, выздоровление."
    assert [d.code for d in second.diagnoses] == ["J06.9", "I10"]

    # The audit trail: who wrote, signed and corrected, the diagnoses, and every opening of the card.
    with clinic.connect() as admin:
        rows = admin.execute(
            "SELECT table_name, action, new_values FROM audit_log WHERE (table_name = 'medical_records' "
            "AND row_key IN (%s, %s)) OR (table_name = 'diagnoses' AND "
            "coalesce(new_values, old_values) ->> 'record_id' IN (%s, %s)) ORDER BY id",
            (str(record_id), str(corrected), str(record_id), str(corrected))).fetchall()
        opened = admin.execute(
            "SELECT count(*) FROM audit_log WHERE table_name = 'medical_cards' AND action = 'READ' "
            "AND row_key = %s", (str(card),)).fetchone()[0]
    actions = [(t, a) for t, a, _n in rows]
    assert ("medical_records", "INSERT") in actions and ("diagnoses", "INSERT") in actions
    assert ("diagnoses", "DELETE") in actions
    assert any(t == "medical_records" and a == "UPDATE" and (n or {}).get("status") == "signed"
               for t, a, n in rows)
    assert opened >= 3


def test_only_the_author_signs_or_edits(clinic, doctor, nurse):
    card = _card(doctor)
    with work(doctor) as conn:
        record_id = vr.start_record(conn, card, content={"complaints": "Головная боль"})
        vr.add_diagnosis(conn, record_id, "R51")
    version = _version(doctor, record_id)
    # The nurse sees the outpatient card too, but the draft is the doctor's.
    refused = _refused(nurse, vr.sign, record_id, version)
    assert "Only the author" in str(refused)
    assert "only its author" in str(_refused(nurse, vr.save_draft, record_id, version, {"complaints": "x"}))
    assert "only its author" in str(_refused(nurse, vr.add_diagnosis, record_id, "R50.9", "accompanying"))
    with work(nurse) as conn:
        for sql in ("UPDATE medical_records SET status = 'signed' WHERE id = :id",
                    "UPDATE medical_records SET content = '{\"complaints\": \"x\"}'::jsonb WHERE id = :id"):
            with pytest.raises(DBAPIError) as info, conn.begin_nested():
                conn.execute(text(sql), {"id": record_id})
            assert info.value.orig.sqlstate == "MC052"
        # Claiming authorship is not possible either: the trigger writes the login's own staff member.
        nurse_staff = session_user(conn).staff_member_id
        own = vr.start_record(conn, card)
        assert conn.scalar(text("SELECT author_staff_id FROM medical_records WHERE id = :id"),
                           {"id": own}) == nurse_staff
    with work(doctor) as conn:
        vr.sign(conn, record_id, version)
        assert vr.record(conn, record_id).status == "signed"


def test_registrar_cannot_write_records(clinic):
    registrar = demo_login(clinic, "registrar", "REG-01")
    try:
        card = _card(registrar)
        refused = _refused(registrar, vr.start_record, card, content={"complaints": "x"})
        assert "does not allow" in str(refused)
    finally:
        registrar.close()


def test_card_type_access_decides_who_reads_and_writes(clinic, doctor):
    # A dentist (medical worker granted dental cards) writes in a dental card the demo doctor may not open.
    with work(doctor) as conn:
        org = session_user(conn).organization_ids[0]
    with clinic.connect() as admin:
        staff = admin.execute(
            "SELECT s.id FROM staff_members s WHERE NOT EXISTS "
            "(SELECT 1 FROM users u WHERE u.staff_member_id = s.id) AND s.organization_id = %s "
            "ORDER BY s.id LIMIT 1", (org,)).fetchone()[0]
        dental_card, dental_type = admin.execute(
            "SELECT c.id, c.card_type_id FROM medical_cards c JOIN medical_card_types t ON t.id = c.card_type_id "
            "WHERE t.code = 'dental' AND c.organization_id = %s ORDER BY c.id LIMIT 1", (org,)).fetchone()
    login = make_login(clinic, ["medical_worker"], organization_ids=(org,), staff_member_id=staff,
                       card_type_codes=("dental",))
    dentist = demo_login(clinic, login, "DENT-01", PASSWORD)
    try:
        with work(dentist) as conn:
            record_id = vr.start_record(conn, dental_card, template_code="dentist.visit",
                                        content={"complaints": "Зубная боль"})
            vr.add_diagnosis(conn, record_id, "K02.1")
            assert [r.id for r in vr.history(conn, dental_card)][-1] == record_id
    finally:
        dentist.close()
    assert "not available" in str(_refused(doctor, vr.history, dental_card))
    assert "not available" in str(_refused(doctor, vr.record, record_id))
    assert "not available" in str(_refused(doctor, vr.start_record, dental_card))
    assert "not available" in str(_refused(doctor, vr.add_diagnosis, record_id, "K02.9", "accompanying"))
    with work(doctor) as conn:
        assert conn.scalar(text("SELECT count(*) FROM medical_records WHERE id = :id"), {"id": record_id}) == 0
        assert conn.scalar(text("SELECT count(*) FROM diagnoses WHERE record_id = :id"), {"id": record_id}) == 0
        assert conn.scalar(text("UPDATE medical_records SET summary = 'x' WHERE id = :id RETURNING id"),
                           {"id": record_id}) is None
        # Writing into the card past the service: the policy refuses the row.
        with pytest.raises(DBAPIError) as info, conn.begin_nested():
            conn.execute(text(
                "INSERT INTO medical_records (card_id, card_type_id, organization_id, kind) "
                "VALUES (:c, :t, :o, 'visit')"), {"c": dental_card, "t": dental_type, "o": org})
        assert info.value.orig.sqlstate == "42501" and "row-level security" in str(info.value.orig)


def test_icd10_table_is_the_shipped_classification(clinic, doctor):
    from shared.services import icd10

    catalogue = icd10.catalogue()
    with work(doctor) as conn:
        total, billable = conn.execute(text(
            "SELECT count(*), count(*) FILTER (WHERE billable) FROM icd10_codes")).one()
        j069 = conn.execute(text("SELECT name_en, parent, kind, billable FROM icd10_codes WHERE code = 'J06.9'")).one()
        with pytest.raises(DBAPIError), conn.begin_nested():
            conn.execute(text("UPDATE icd10_codes SET name_en = 'x' WHERE code = 'J06.9'"))
    assert total == len(catalogue)
    assert billable == sum(1 for e in catalogue.entries() if e.billable)
    assert (j069.parent, j069.kind, j069.billable) == ("J06", "subcategory", True)
