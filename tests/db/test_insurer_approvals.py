"""Insurers' telephone approvals on PostgreSQL, as the demo registrar (who records and links them), the
demo doctor (who performs) and the cashier: recording with services and limits and its refusals, the
linking rules (another patient or payer, validity, revoked, uncovered service, quantity and amount
limits) in the service and in the database, usage, and the unpaid-performance rule: a line the client
has not paid is performed under the clinic's 'block' setting when an approval covers it -- through the
service and straight against the trigger -- and no longer once the approval is revoked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from shared.services import insurer_approvals as ia
from shared.services import orders
from shared.services import performance as pf
from shared.services.shift_tasks import shift_task
from tests.db.demo_sessions import work
from tests.db.security_helpers import connect_as, make_login
from tests.db.test_performance import Day, _booked_line, _line, _perform

TODAY = dt.date.today()


@pytest.fixture
def day(clinic, doctor, registrar) -> Day:
    """As in test_performance: the demo doctor's day, a service they provide, two clients, a company."""
    with clinic.connect() as conn:
        conn.execute("UPDATE organizations SET booking_release_hours = 2000")
    return Day(doctor, registrar)


def _insurer(conn, org: int) -> int:
    return conn.scalar(text("SELECT id FROM payers WHERE organization_id = :o AND kind = 'insurer' ORDER BY id "
                            "LIMIT 1"), {"o": org})


def _record(conn, day: Day, reference: str, *, services=None, **kwargs) -> int:
    values = {"payer_id": _insurer(conn, day.org), "patient_id": day.patient, "approver_name": "Сидорова Анна",
              "approver_phone": "+7 495 000-00-00", "reference_number": reference, "valid_from": TODAY,
              "valid_to": day.day + dt.timedelta(days=30),
              "services": (ia.ApprovedService(day.service, quantity_limit=2),) if services is None else services}
    return ia.record_approval(conn, day.org, **(values | kwargs))


def _order_line(conn, day: Day, *, patient=None, payer_id=None, service=None) -> orders.OrderLineInfo:
    order_id = orders.create_order(conn, day.org, patient_id=patient or day.patient)
    line_id = orders.add_line(conn, order_id, service or day.service, payer_id=payer_id)
    return _line(conn, order_id, line_id)


def _version(conn, line_id: int) -> int:
    return conn.scalar(text("SELECT version FROM order_lines WHERE id = :l"), {"l": line_id})


def _link_raw(session, line_id: int, approval_id: int | None) -> str | None:
    """Links straight in the table (a writer that skips the service); the SQLSTATE of the refusal."""
    try:
        with work(session) as c:
            c.execute(text("UPDATE order_lines SET approval_id = :a WHERE id = :l"), {"a": approval_id, "l": line_id})
    except DBAPIError as error:
        return error.orig.sqlstate
    return None


def test_recording_an_approval_and_its_refusals(registrar, cashier, doctor, day):
    with work(registrar) as c:
        insurer = _insurer(c, day.org)
        approval_id = _record(c, day, "ГП-1001", amount_limit="15000,50", note="Звонок в 10:15")
        info = ia.approval(c, approval_id)
        with pytest.raises(ia.ApprovalRefused) as refused:
            _record(c, day, " ГП-1001 ")
        assert "already recorded" in str(refused.value)
        cases = (({"reference_number": "  "}, "reference number"), ({"approver_name": ""}, "who at the insurance"),
                 ({"valid_to": TODAY - dt.timedelta(days=1)}, "end before"),
                 ({"services": (), "amount_limit": None}, "overall amount limit"),
                 ({"amount_limit": "-5"}, "entered: -5"), ({"payer_id": day.company}, "insurance company"),
                 ({"services": (ia.ApprovedService(day.service), ia.ApprovedService(day.service))}, "twice"),
                 ({"services": (ia.ApprovedService(day.service, quantity_limit=0),)}, "entered: 0"),
                 ({"approved_at": dt.datetime.now(dt.UTC) + dt.timedelta(days=1)}, "ahead of time"))
        for kwargs, words in cases:
            with pytest.raises(ia.ApprovalRefused) as refused:
                _record(c, day, "ГП-2000", **kwargs)
            assert words in str(refused.value), kwargs
        listed = ia.approvals_of_patient(c, day.patient)
    assert [a.id for a in listed] == [approval_id]
    assert (info.payer_id, info.reference_number, info.status, info.amount_limit) == (
        insurer, "ГП-1001", "active", Decimal("15000.50"))
    assert info.payer_name and info.approver_phone == "+7 495 000-00-00" and info.note == "Звонок в 10:15"
    assert info.recorded_by and info.recorded_staff_name and info.used_amount == 0
    assert [(s.service_id, s.quantity_limit, s.used_quantity) for s in info.services] == [(day.service, 2, 0)]
    with work(cashier) as c:  # the cash desk and the doctor read approvals, but do not record them
        assert [a.id for a in ia.approvals_of_patient(c, day.patient)] == [approval_id]
        with pytest.raises(ia.ApprovalRefused) as refused:
            _record(c, day, "ГП-3000")
        assert "does not allow" in str(refused.value)
    with work(doctor) as c:
        assert [a.id for a in ia.approvals_of_patient(c, day.patient)] == [approval_id]
        with pytest.raises(DBAPIError) as error:
            c.execute(text("UPDATE insurer_approvals SET note = 'x' WHERE id = :a"), {"a": approval_id})
        assert error.value.orig.sqlstate == "42501"


def test_linking_rules_in_the_service_and_the_database(registrar, day):
    with work(registrar) as c:
        approval_id = _record(c, day, "ГП-1")
        line = _order_line(c, day)
        assert [a.id for a in ia.active_approvals_for(c, day.patient, _insurer(c, day.org), day.service, TODAY)] \
            == [approval_id]
        assert ia.active_approvals_for(c, day.other, None, day.service, TODAY) == []
        ia.link_line(c, line.id, line.version, approval_id)
        second = _order_line(c, day)
        ia.link_line(c, second.id, second.version, approval_id)
        usage = ia.usage(c, approval_id)
        assert [(u.used_quantity, u.used_amount, u.quantity_left) for u in usage] == [
            (2, line.amount + second.amount, 0)]
        # The quantity limit (two) is taken: a third line is refused and the approval is no longer offered.
        third = _order_line(c, day)
        with pytest.raises(ia.ApprovalRefused) as refused:
            ia.link_line(c, third.id, third.version, approval_id)
        assert "allows 2" in str(refused.value)
        assert ia.active_approvals_for(c, day.patient, None, day.service, TODAY) == []
        # Unlinking gives the room back.
        ia.unlink_line(c, second.id, _version(c, second.id))
        ia.link_line(c, third.id, third.version, approval_id)
        assert ia.line_approval(c, third.id).id == approval_id and ia.line_approval(c, second.id) is None
        with pytest.raises(ia.ApprovalRefused):
            ia.unlink_line(c, second.id, _version(c, second.id))

        others = _order_line(c, day, patient=day.other)
        company = _order_line(c, day, payer_id=day.company)
        other_service = c.scalar(text(
            "SELECT id FROM medical_services WHERE organization_id = :o AND id <> :s ORDER BY id LIMIT 1"),
            {"o": day.org, "s": day.service})
        narrow = _record(c, day, "ГП-2", services=(ia.ApprovedService(other_service),))
        expired = _record(c, day, "ГП-3", valid_from=TODAY - dt.timedelta(days=20),
                          valid_to=TODAY - dt.timedelta(days=10))
        cheap = _record(c, day, "ГП-4", services=(), amount_limit=line.amount - Decimal("0.01"))
        revoked = _record(c, day, "ГП-5")
        with pytest.raises(ia.ApprovalRefused):
            ia.revoke(c, revoked, 1, "  ")
        ia.revoke(c, revoked, 1, "Страховая отозвала")
        fresh = _order_line(c, day)
        cases = ((others, approval_id, "another patient", "MC084"),
                 (company, approval_id, "another payer", "MC084"),
                 (fresh, narrow, "does not cover", "MC087"),
                 (fresh, expired, "is valid from", "MC085"),
                 (fresh, cheap, "roubles left", "MC088"),
                 (fresh, revoked, "Страховая отозвала", "MC086"))
        for target, approval, words, _state in cases:
            with pytest.raises(ia.ApprovalRefused) as refused:
                ia.link_line(c, target.id, _version(c, target.id), approval)
            assert words in str(refused.value)
        assert ia.approval(c, revoked).status == "revoked" and ia.approval(c, revoked).revoked_by
        with pytest.raises(ia.ApprovalRefused):  # revoked is final
            ia.revoke(c, revoked, ia.approval(c, revoked).version, "Ещё раз")
        # A cancelled line gives its room back; a performed or cancelled line's link no longer changes.
        orders.cancel_line(c, third.id, _version(c, third.id), "Передумал")
        with pytest.raises(ia.ApprovalRefused) as refused:
            ia.unlink_line(c, third.id, _version(c, third.id))
        assert "cancelled" in str(refused.value)
    for target, approval, _words, state in cases:
        assert _link_raw(registrar, target.id, approval) == state
    assert _link_raw(registrar, third.id, None) == "MC089"
    with work(registrar) as c, pytest.raises(DBAPIError) as error:  # the approval itself is never moved
        c.execute(text("UPDATE insurer_approvals SET patient_id = :p WHERE id = :a"),
                  {"p": day.other, "a": approval_id})
    assert error.value.orig.sqlstate == "MC089"


def test_an_approval_covers_an_unpaid_line_under_block(clinic, doctor, registrar, day):
    with work(registrar) as c:
        slots = day.free_slots(c)
        order_id, line_id = _booked_line(c, day, slots[0])
        _, raw_line = _booked_line(c, day, slots[1])
        _, revoked_line = _booked_line(c, day, slots[2])
        approval_id = _record(c, day, "ГП-77", services=(ia.ApprovedService(day.service, quantity_limit=3),))
        for target in (line_id, raw_line, revoked_line):
            ia.link_line(c, target, _version(c, target), approval_id)
        insurer_name = ia.approval(c, approval_id).payer_name
    with work(doctor) as c:
        assert c.scalar(text("SELECT unpaid_performance FROM organizations WHERE id = :o"), {"o": day.org}) == "block"
        entries = shift_task(c, day=day.day, staff_member_id=day.staff)
        task_line = next(x for e in entries for x in e.lines if x.id == line_id)
        assert task_line.payment == "covered" and task_line.payer_name == insurer_name
        assert task_line.approval_reference == "ГП-77"
        assert task_line.payment_label == f"approved by {insurer_name}, No. ГП-77"
        line = _line(c, order_id, line_id)
        assert line.payer_id is None and line.status == "booked"
        _perform(c, day, line_id, line.version)
        assert _line(c, order_id, line_id).status == "performed"
    # Straight against the trigger of service_performances: covered, so no MC065.
    with work(doctor) as c:
        c.execute(text("INSERT INTO service_performances (order_line_id, started_at, ended_at) "
                       "VALUES (:l, now(), now())"), {"l": raw_line})
    # Once the insurer revokes it, the line is unpaid and uncovered again: refused under 'block'.
    with work(registrar) as c:
        ia.revoke(c, approval_id, ia.approval(c, approval_id).version, "Полис не действует")
    with work(doctor) as c:
        entries = shift_task(c, day=day.day, staff_member_id=day.staff)
        assert next(x for e in entries for x in e.lines if x.id == revoked_line).payment == "unpaid"
        with pytest.raises(pf.PerformanceRefused) as refused:
            _perform(c, day, revoked_line, _version(c, revoked_line))
        assert "cash desk" in str(refused.value)
    with work(doctor) as c, pytest.raises(DBAPIError) as error:
        c.execute(text("INSERT INTO service_performances (order_line_id, started_at, ended_at) "
                       "VALUES (:l, now(), now())"), {"l": revoked_line})
    assert error.value.orig.sqlstate == "MC065"


def test_approvals_are_scoped_by_organization_and_audited(clinic, registrar, day):
    with work(registrar) as c:
        approval_id = _record(c, day, "ГП-9")
    other = make_login(clinic, ["registrar"], organization_ids=(2,))
    with connect_as(clinic, other) as conn:
        assert conn.execute("SELECT count(*) FROM insurer_approvals").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM insurer_approval_services").fetchone()[0] == 0
        assert conn.execute("UPDATE insurer_approvals SET note = 'x' WHERE id = %s RETURNING id",
                            (approval_id,)).fetchone() is None
    with clinic.connect() as conn:
        rows = conn.execute("SELECT action, patient_id FROM audit_log WHERE table_name = 'insurer_approvals' "
                            "AND row_key = %s", (str(approval_id),)).fetchall()
    assert [(a.upper(), p) for a, p in rows] == [("INSERT", day.patient)]
