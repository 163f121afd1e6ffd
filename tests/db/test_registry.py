"""Registry services on PostgreSQL: registration with the duplicate check, concurrent edits,
card numbering, paper cards, merging, and the search box."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from medcenter_desktop.login_service import log_in
from shared.demo.generator import DEMO_PASSWORD
from shared.services import patients
from shared.services.patient_input import InvalidFields, PatientInput
from shared.services.patient_search import search_patients
from shared.services.patients import (
    CardNotAvailable,
    ChangedByOther,
    MergeRefused,
    PossibleDuplicates,
)

NEW = PatientInput(last_name="Ёлкина", first_name="Дарья", middle_name="Олеговна", birth_date="05.06.1991",
                   sex="F", snils="123-456-789 64", oms_policy="8451999122899990", phones=("+7 916 555-01-02",))




def _register(session, data=NEW, **kw) -> int:
    with session.uow() as uow:
        pid = patients.register_patient(uow.session.connection(), data, **kw)
        uow.commit()
    return pid


def test_register_then_duplicates_are_shown_before_saving(clinic, registrar):
    pid = _register(registrar)
    for twin in (
        NEW,  # same name and birth date
        PatientInput(**{**NEW.__dict__, "last_name": "Другая", "phones": ()}),  # same SNILS, policy
        PatientInput(last_name="Совсем", first_name="Другая", birth_date="01.01.1970", sex="F",
                     phones=("8 (916) 555-01-02",)),  # same phone
    ):
        with registrar.uow() as uow, pytest.raises(PossibleDuplicates) as info:
            patients.register_patient(uow.session.connection(), twin)
        assert [h.id for h in info.value.hits] == [pid]
    with registrar.uow() as uow:
        count = uow.session.connection().scalar(text("SELECT count(*) FROM patients WHERE last_name = 'Ёлкина'"))
    assert count == 1, "nothing is saved until the registrar confirms"
    other = _register(registrar, PatientInput(**{**NEW.__dict__, "snils": "", "oms_policy": "", "phones": ()}),
                      confirmed_not_duplicate=True)
    assert other != pid


def test_bad_input_saves_nothing(clinic, registrar):
    with registrar.uow() as uow, pytest.raises(InvalidFields):
        patients.register_patient(uow.session.connection(), PatientInput(**{**NEW.__dict__, "snils": "12345678965"}))
    with registrar.uow() as uow:
        assert uow.session.connection().scalar(text("SELECT count(*) FROM patients WHERE last_name = 'Ёлкина'")) == 0


def test_second_concurrent_save_is_refused_naming_the_first(clinic, registrar):
    pid = _register(registrar)
    other = log_in(clinic.settings("REG-02"), "reception", DEMO_PASSWORD)
    try:
        with registrar.uow() as uow:
            mine = patients.get_patient(uow.session.connection(), pid)
        with other.uow() as uow:
            theirs = patients.get_patient(uow.session.connection(), pid)
            patients.update_patient(uow.session.connection(), pid, theirs.version,
                                    PatientInput(**{**NEW.__dict__, "first_name": "Дария"}))
            uow.commit()
        with registrar.uow() as uow, pytest.raises(ChangedByOther) as info:
            patients.update_patient(uow.session.connection(), pid, mine.version,
                                    PatientInput(**{**NEW.__dict__, "middle_name": "Игоревна"}))
        assert other.user.full_name in str(info.value)
        with registrar.uow() as uow:
            fresh = patients.get_patient(uow.session.connection(), pid)
        assert (fresh.first_name, fresh.middle_name) == ("Дария", "Олеговна"), "nothing lost, nothing overwritten"
    finally:
        other.close()


def test_card_numbering_follows_the_rule(clinic, registrar):
    pid = _register(registrar)
    with clinic.connect(autocommit=True) as admin:
        outpatient = admin.execute("SELECT id FROM medical_card_types WHERE code = 'outpatient'").fetchone()[0]
        std = admin.execute("SELECT id FROM medical_card_types WHERE code = 'std'").fetchone()[0]
        admin.execute("INSERT INTO card_numbering (organization_id, card_type_id, prefix, with_year, digits, next_value) "
                      "VALUES (1, %s, 'АМБ-', true, 5, 41) ON CONFLICT (organization_id, card_type_id) "
                      "DO UPDATE SET prefix = 'АМБ-', with_year = true, digits = 5, next_value = 41, year = NULL",
                      (outpatient,))
    with registrar.uow() as uow:
        conn = uow.session.connection()
        first = patients.open_card(conn, pid, 1, outpatient)
        second = patients.open_card(conn, pid, 1, outpatient)
        uow.commit()
    year = first.opened_on.year
    assert (first.number, second.number) == (f"АМБ-{year}/00001", f"АМБ-{year}/00002")
    with registrar.uow() as uow, pytest.raises(CardNotAvailable):
        patients.open_card(uow.session.connection(), pid, 1, std)  # registrar is not granted STD cards
    with registrar.uow() as uow, pytest.raises(CardNotAvailable):
        patients.open_card(uow.session.connection(), pid, 2, outpatient)  # nor the second organization


def test_paper_card_moves_and_the_not_returned_list(clinic, registrar):
    with registrar.uow() as uow:
        conn = uow.session.connection()
        card = conn.execute(text("SELECT id, number FROM medical_cards WHERE organization_id = 1 LIMIT 1")).one()
        office = conn.scalar(text("SELECT id FROM offices WHERE organization_id = 1 LIMIT 1"))
        patients.move_paper_card(conn, card.id, "office", office, note="на приём\tк терапевту")
        uow.commit()
    with registrar.uow() as uow:
        out = patients.cards_not_returned(uow.session.connection(), 1)
        assert card.number in [c.number for c in out]
        patients.move_paper_card(uow.session.connection(), card.id, "archive")
        uow.commit()
    with registrar.uow() as uow:
        conn = uow.session.connection()
        assert card.number not in [c.number for c in patients.cards_not_returned(conn, 1)]
        moves = conn.execute(text("SELECT location, note FROM paper_card_movements WHERE card_id = :c ORDER BY id"),
                             {"c": card.id}).all()
        assert [m.location for m in moves] == ["office", "archive"] and moves[0].note == "на приём к терапевту"
        from shared.services.patients import InvalidPaperMove

        with pytest.raises(InvalidPaperMove):
            patients.move_paper_card(conn, card.id, "office")
        with pytest.raises(InvalidPaperMove):
            patients.move_paper_card(conn, card.id, "attic")


def test_merge_moves_cards_and_leaves_a_tombstone(clinic, registrar):
    keep = _register(registrar)
    drop = _register(registrar, PatientInput(**{**NEW.__dict__, "snils": "", "oms_policy": "",
                                                "phones": ("+7 903 000-00-01",)}), confirmed_not_duplicate=True)
    with clinic.connect(autocommit=True) as admin:
        outpatient = admin.execute("SELECT id FROM medical_card_types WHERE code = 'outpatient'").fetchone()[0]
    with registrar.uow() as uow:
        card = patients.open_card(uow.session.connection(), drop, 1, outpatient)
        uow.commit()
    with registrar.uow() as uow, pytest.raises(MergeRefused):
        patients.merge_patients(uow.session.connection(), keep, drop)  # registrars may not merge
    head = log_in(clinic.settings("REG-01"), "headregistry", DEMO_PASSWORD)
    try:
        with head.uow() as uow:
            conn = uow.session.connection()
            with pytest.raises(MergeRefused):
                patients.merge_patients(conn, keep, keep)
            patients.merge_patients(conn, keep, drop)
            uow.commit()
        with head.uow() as uow:
            conn = uow.session.connection()
            assert card.id in [c.id for c in patients.patient_cards(conn, keep)]
            assert patients.get_patient(conn, drop).merged_into_id == keep
            assert "79030000001" in patients.get_patient(conn, keep).phones
            with pytest.raises(MergeRefused):
                patients.merge_patients(conn, keep, drop)
    finally:
        head.close()
    with clinic.connect() as admin:
        assert admin.execute("SELECT count(*) FROM audit_log WHERE details = 'patients merged' AND patient_id = %s",
                             (keep,)).fetchone()[0] == 1
    with registrar.uow() as uow:
        hits = search_patients(uow.session.connection(), "Ёлкина")
        assert drop not in [h.id for h in hits] and keep in [h.id for h in hits]


def test_search_box_understands_what_registrars_type(clinic, registrar):
    pid = _register(registrar)
    with registrar.uow() as uow:
        conn = uow.session.connection()
        card = patients.open_card(conn, pid, 1, conn.scalar(text("SELECT id FROM medical_card_types WHERE code = 'outpatient'")))
        uow.commit()
    with registrar.uow() as uow:
        conn = uow.session.connection()
        for query, match in [
            ("ёлк", "name"), ("Елкина Д О", "name"), ("elkina", "name"), ("tkrbyf", "name"),
            ("ёлкна", "name_fuzzy"), ("елкина 05.06.1991", "name"), ("+7 (916) 555-01-02", "phone"),
            ("89165550102", "phone"), ("50102", "phone"), ("123-456-789 64", "snils"),
            ("8451999122899990", "policy"), (card.number, "card"),
        ]:
            hits = search_patients(conn, query)
            assert pid in [h.id for h in hits], query
            hit = next(h for h in hits if h.id == pid)
            assert hit.match == match, (query, hit.match)
            assert hit.card_numbers and hit.phone_tail == "0102"
        by_date = search_patients(conn, "05.06.1991")
        assert pid in [h.id for h in by_date] and all(h.birth_date.isoformat() == "1991-06-05" for h in by_date)
        assert len(search_patients(conn, "а")) <= 50
        for hostile in ("'; DROP TABLE patients; --", "%", "_", "\\", "x" * 5000, "\t\n", ""):
            search_patients(conn, hostile)
