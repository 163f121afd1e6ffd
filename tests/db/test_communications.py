"""The communications log on PostgreSQL, as the demo registrar, doctor, head of registry and cashier:
logging calls and e-mails (the author's staff member filled in), newest first with staff names and the
channel and period filters, the refusals of bad input, corrections only by the author on the day, no
deletion, organization row security, who may log and read, the database's own rules and the audit."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from shared.services import communications as cm
from shared.services.concurrency import ConcurrentEdit
from shared.services.session import session_user
from tests.db.demo_sessions import work
from tests.db.security_helpers import connect_as, is_permission_denied, make_login

UTC = dt.UTC


def _patient(conn, last: str = "Звонков") -> int:
    return conn.scalar(text(
        "INSERT INTO patients (last_name, first_name, birth_date, sex) VALUES (:l, 'Тест', '1975-01-02', 'F') "
        "RETURNING id"), {"l": last})


@pytest.fixture
def patient(registrar) -> int:
    with work(registrar) as c:
        return _patient(c)


def _log(conn, org, patient, **kwargs) -> int:
    values = {"channel": "phone", "direction": "incoming", "summary": "Спрашивала про анализы"} | kwargs
    return cm.log_communication(conn, org, patient, **values)


def test_logged_entries_are_listed_newest_first_with_staff_names(registrar, doctor, patient):
    org = registrar.organization_id
    now = dt.datetime.now(UTC)
    with work(registrar) as c:
        me = session_user(c)
        first = _log(c, org, patient, occurred_at=now - dt.timedelta(days=3), contact="+7 916 000-00-01",
                     subject="Анализы")
        second = _log(c, org, patient, channel="email", direction="outgoing", contact="zvonkova@example.ru",
                      summary="  Отправили памятку о подготовке  ", follow_up_on=now.date() + dt.timedelta(days=2))
    with work(doctor) as c:
        third = _log(c, org, patient, channel="in_person", direction="incoming", summary="Пришла уточнить время",
                     occurred_at=now - dt.timedelta(hours=1))
        doctor_staff = session_user(c).staff_member_id
    with work(registrar) as c:
        log = cm.communications_of_patient(c, patient)
        phones = cm.communications_of_patient(c, patient, channel="phone")
        recent = cm.communications_of_patient(c, patient, since=now.date() - dt.timedelta(days=1))
        older = cm.communications_of_patient(c, patient, until=now - dt.timedelta(days=2))
        with pytest.raises(cm.CommunicationRefused):
            cm.communications_of_patient(c, patient, channel="pigeon")
    assert [x.id for x in log] == [second, third, first]
    entry = log[0]
    assert entry.staff_member_id == me.staff_member_id and entry.staff_name.startswith(me.full_name.split()[0])
    assert entry.summary == "Отправили памятку о подготовке" and entry.contact == "zvonkova@example.ru"
    assert entry.channel_name == "e-mail" and entry.direction_name == "outgoing"
    assert entry.follow_up_on == now.date() + dt.timedelta(days=2) and entry.recorded_by
    assert log[1].staff_member_id == doctor_staff
    assert [x.id for x in phones] == [first]
    assert {x.id for x in recent} == {second, third}
    assert [x.id for x in older] == [first]


def test_bad_input_is_refused_with_a_clear_message(registrar, patient):
    org = registrar.organization_id
    now = dt.datetime.now(UTC)
    with work(registrar) as c:
        cases = (
            ({"summary": "   "}, "summary"),
            ({"channel": "pigeon"}, "Unknown channel"),
            ({"direction": "sideways"}, "contacted"),
            ({"occurred_at": now + dt.timedelta(hours=2)}, "ahead of time"),
            ({"follow_up_on": now.date() - dt.timedelta(days=1)}, "follow-up"),
        )
        for kwargs, words in cases:
            with pytest.raises(cm.CommunicationRefused) as refused:
                _log(c, org, patient, **kwargs)
            assert words in str(refused.value)
        assert cm.communications_of_patient(c, patient) == []
    # The database keeps the rules for a writer that skips the service.
    for sql, state in (
            ("INSERT INTO patient_communications (organization_id, patient_id, direction, channel, occurred_at, "
             "summary) VALUES (:o, :p, 'incoming', 'phone', now() + interval '1 day', 'Позже')", "MC080"),
            ("INSERT INTO patient_communications (organization_id, patient_id, direction, channel, occurred_at, "
             "summary) VALUES (:o, :p, 'incoming', 'fax', now(), 'Факс')", "23514"),
            ("INSERT INTO patient_communications (organization_id, patient_id, direction, channel, occurred_at, "
             "summary) VALUES (:o, :p, 'incoming', 'phone', now(), ' ')", "23514")):
        with work(registrar) as c, pytest.raises(DBAPIError) as error:
            c.execute(text(sql), {"o": org, "p": patient})
        assert error.value.orig.sqlstate == state


def test_only_the_author_corrects_on_the_day_and_nobody_deletes(clinic, registrar, doctor, patient):
    org = registrar.organization_id
    with work(registrar) as c:
        entry_id = _log(c, org, patient)
        entry = cm.communication(c, entry_id)
        cm.correct_communication(c, entry_id, entry.version, channel="sms", direction="outgoing",
                                 summary="Напомнили о записи", occurred_at=entry.occurred_at, outcome="Придёт")
        corrected = cm.communication(c, entry_id)
    assert (corrected.channel, corrected.direction, corrected.summary, corrected.outcome) == (
        "sms", "outgoing", "Напомнили о записи", "Придёт")
    assert corrected.version == entry.version + 1 and corrected.staff_member_id == entry.staff_member_id
    with work(doctor) as c:
        with pytest.raises(cm.CommunicationRefused) as refused:
            cm.correct_communication(c, entry_id, corrected.version, channel="sms", direction="outgoing",
                                     summary="Чужая правка", occurred_at=corrected.occurred_at)
        assert "Only the author" in str(refused.value)
    with work(doctor) as c, pytest.raises(DBAPIError) as error:
        c.execute(text("UPDATE patient_communications SET summary = 'Чужая правка' WHERE id = :i"), {"i": entry_id})
    assert error.value.orig.sqlstate == "MC081"
    with work(registrar) as c, pytest.raises(ConcurrentEdit):  # a stale version
        cm.correct_communication(c, entry_id, entry.version, channel="sms", direction="outgoing",
                                 summary="Снова", occurred_at=corrected.occurred_at)
    # Logged yesterday: the author may no longer correct it either.
    with clinic.connect() as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute("UPDATE patient_communications SET created_at = created_at - interval '1 day' WHERE id = %s",
                     (entry_id,))
    with work(registrar) as c:
        with pytest.raises(cm.CommunicationRefused) as refused:
            cm.correct_communication(c, entry_id, corrected.version, channel="sms", direction="outgoing",
                                     summary="Поздно", occurred_at=corrected.occurred_at)
        assert "on the day" in str(refused.value)
    with work(registrar) as c, pytest.raises(DBAPIError) as error:
        c.execute(text("UPDATE patient_communications SET summary = 'Поздно' WHERE id = :i"), {"i": entry_id})
    assert error.value.orig.sqlstate == "MC081"
    # Nobody deletes: no job holds the privilege, and the trigger refuses even the owner.
    with work(registrar) as c, pytest.raises(DBAPIError) as error:
        c.execute(text("DELETE FROM patient_communications WHERE id = :i"), {"i": entry_id})
    assert error.value.orig.sqlstate == "42501"
    with clinic.connect() as conn, pytest.raises(psycopg.Error) as error:
        conn.execute("DELETE FROM patient_communications WHERE id = %s", (entry_id,))
    assert error.value.sqlstate == "MC082"


def test_who_may_log_and_read_and_organization_scope(clinic, registrar, head, cashier, patient):
    org = registrar.organization_id
    with work(registrar) as c:
        entry_id = _log(c, org, patient)
    with work(head) as c:  # the head of registry reads
        assert [x.id for x in cm.communications_of_patient(c, patient)] == [entry_id]
        with pytest.raises(cm.CommunicationRefused) as refused:
            _log(c, org, patient)
        assert "does not allow" in str(refused.value)
    with work(cashier) as c, pytest.raises(cm.CommunicationRefused) as refused:
        _log(c, org, patient)
    assert "does not allow" in str(refused.value)
    with work(cashier) as c, pytest.raises(DBAPIError) as error:
        cm.communications_of_patient(c, patient)
    assert error.value.orig.sqlstate == "42501"
    # A registrar of the other organization sees none of the first's entries and cannot write there.
    other = make_login(clinic, ["registrar"], organization_ids=(2,))
    with connect_as(clinic, other) as conn:
        assert conn.execute("SELECT count(*) FROM patient_communications").fetchone()[0] == 0
        with pytest.raises(psycopg.Error) as error:
            conn.execute("INSERT INTO patient_communications (organization_id, patient_id, direction, channel, "
                         "occurred_at, summary) VALUES (%s, %s, 'incoming', 'phone', now(), 'Чужая')", (org, patient))
        assert error.value.sqlstate == "42501" and not is_permission_denied(error.value)


def test_links_to_another_patients_order_are_refused_and_entries_audited(clinic, registrar, patient):
    org = registrar.organization_id
    with work(registrar) as c:
        other = _patient(c, "Другой")
        order_id = c.scalar(text("INSERT INTO orders (organization_id, patient_id) VALUES (:o, :p) RETURNING id"),
                            {"o": org, "p": other})
        with pytest.raises(cm.CommunicationRefused) as refused:
            _log(c, org, patient, order_id=order_id)
        assert "another patient" in str(refused.value)
        mine = c.scalar(text("INSERT INTO orders (organization_id, patient_id) VALUES (:o, :p) RETURNING id"),
                        {"o": org, "p": patient})
        entry_id = _log(c, org, patient, order_id=mine)
    with clinic.connect() as conn:
        rows = conn.execute("SELECT action, patient_id FROM audit_log WHERE table_name = 'patient_communications' "
                            "AND row_key = %s", (str(entry_id),)).fetchall()
    assert [(a.upper(), p) for a, p in rows] == [("INSERT", patient)]
