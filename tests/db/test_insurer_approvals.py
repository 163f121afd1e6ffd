"""Insurers' telephone approvals on PostgreSQL, as the demo registrar (who records and links them), the
demo doctor (who performs), the contracts clerk (who marks the agreement's services that need an
approval) and the cashier: recording with services and limits and its refusals; the linking rules
(another patient, a line the client pays or another payer pays, validity, revoked, uncovered service,
quantity and amount limits; the payer of a linked line kept) in the service and in the database, usage;
and performing: a line the insurer pays under an agreement service that requires approval is refused
under the clinic's 'block' setting until an approval is linked -- through the service and straight
against the trigger -- then performed, refused again once the approval is revoked, and warned about
under 'warn'; a line whose agreement service needs no approval is covered by the insurer as before,
and the client is not asked to pay for it at the cash desk."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from shared.services import contracts as con
from shared.services import insurer_approvals as ia
from shared.services import orders
from shared.services import performance as pf
from shared.services.shift_tasks import shift_task
from tests.db.demo_sessions import work
from tests.db.security_helpers import connect_as, make_login
from tests.db.test_performance import Day, _booked_line, _line, _perform, _set_unpaid_rule

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


def _insurer_agreement(conn, org: int) -> int:
    """The insurer's agreement in force that its lines are priced under."""
    return conn.scalar(text(
        "SELECT id FROM agreements WHERE payer_id = :p AND status = 'active' ORDER BY signed_on DESC NULLS LAST, "
        "valid_from DESC, id DESC LIMIT 1"), {"p": _insurer(conn, org)})


def _insurer_covers(clerk, day: Day, *, requires_approval: bool) -> None:
    """The contracts clerk names the day's service in the insurer's agreement (with or without the need of
    the insurer's approval), through the contracts service."""
    with work(clerk) as c:
        agreement_id = _insurer_agreement(c, day.org)
        entries = [e for e in con.agreement_services(c, agreement_id) if e.service_id != day.service]
        entries.append(con.AgreementServiceEntry(service_id=day.service, requires_approval=requires_approval))
        con.set_agreement_services(c, agreement_id, entries)
        stored = {e.service_id: e.requires_approval for e in con.agreement_services(c, agreement_id)}
    assert stored[day.service] is requires_approval


def _record(conn, day: Day, reference: str, *, services=None, **kwargs) -> int:
    values = {"payer_id": _insurer(conn, day.org), "patient_id": day.patient, "approver_name": "Сидорова Анна",
              "approver_phone": "+7 495 000-00-00", "reference_number": reference, "valid_from": TODAY,
              "valid_to": day.day + dt.timedelta(days=30),
              "services": (ia.ApprovedService(day.service, quantity_limit=2),) if services is None else services}
    return ia.record_approval(conn, day.org, **(values | kwargs))


def _order_line(conn, day: Day, *, patient=None, payer_id=0, service=None) -> orders.OrderLineInfo:
    """A line of the day's service, paid by the insurer unless ``payer_id`` says otherwise (None: the client)."""
    order_id = orders.create_order(conn, day.org, patient_id=patient or day.patient)
    payer_id = _insurer(conn, day.org) if payer_id == 0 else payer_id
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


def test_linking_rules_in_the_service_and_the_database(registrar, clerk, day):
    _insurer_covers(clerk, day, requires_approval=False)
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
        client = _order_line(c, day, payer_id=None)
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
                 (client, approval_id, "is paid by the client: an approval of", "MC084"),
                 (fresh, narrow, "does not cover", "MC087"),
                 (fresh, expired, "is valid from", "MC085"),
                 (fresh, cheap, "roubles left", "MC088"),
                 (fresh, revoked, "Страховая отозвала", "MC086"))
        for target, approval, words, _state in cases:
            with pytest.raises(ia.ApprovalRefused) as refused:
                ia.link_line(c, target.id, _version(c, target.id), approval)
            assert words in str(refused.value)
        insurer_name = ia.approval(c, approval_id).payer_name
        with pytest.raises(ia.ApprovalRefused) as refused:
            ia.link_line(c, client.id, _version(c, client.id), approval_id)
        assert str(refused.value) == (
            f"\u201c{client.service_name}\u201d is paid by the client: an approval of {insurer_name} covers only "
            f"lines {insurer_name} pays. Choose {insurer_name} as the line's payer first.")
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
    # The payer of a linked line is kept: neither the client nor another payer takes it over.
    for payer in (None, day.company):
        with work(registrar) as c, pytest.raises(DBAPIError) as error:
            c.execute(text("UPDATE order_lines SET payer_id = :p WHERE id = :l"), {"p": payer, "l": line.id})
        assert error.value.orig.sqlstate == "MC084"
    with work(registrar) as c, pytest.raises(DBAPIError) as error:  # the approval itself is never moved
        c.execute(text("UPDATE insurer_approvals SET patient_id = :p WHERE id = :a"),
                  {"p": day.other, "a": approval_id})
    assert error.value.orig.sqlstate == "MC089"


def _raw_perform(session, line_id: int, confirmed: bool = False) -> str | None:
    """Records a performance straight in the table (a writer that skips the service); the SQLSTATE refused."""
    try:
        with work(session) as c:
            c.execute(text("INSERT INTO service_performances (order_line_id, started_at, ended_at, unpaid_confirmed) "
                           "VALUES (:l, now(), now(), :c)"), {"l": line_id, "c": confirmed})
    except DBAPIError as error:
        return error.orig.sqlstate
    return None


def _task_line(conn, day: Day, line_id: int):
    return next(x for e in shift_task(conn, day=day.day, staff_member_id=day.staff) for x in e.lines
                if x.id == line_id)


def test_a_service_requiring_approval_is_performed_only_with_one(clinic, doctor, registrar, clerk, day):
    _insurer_covers(clerk, day, requires_approval=True)
    with work(registrar) as c:
        insurer = _insurer(c, day.org)
        slots = day.free_slots(c)
        order_id, line_id = _booked_line(c, day, slots[0], payer_id=insurer)
        _, raw_line = _booked_line(c, day, slots[1], payer_id=insurer)
        _, revoked_line = _booked_line(c, day, slots[2], payer_id=insurer)
        info = _line(c, order_id, line_id)
        assert info.payer_id == insurer and info.agreement_id == _insurer_agreement(c, day.org)
        assert info.approval_needed  # the registrar's order page shows it
    with work(doctor) as c:
        assert c.scalar(text("SELECT unpaid_performance FROM organizations WHERE id = :o"), {"o": day.org}) == "block"
        task_line = _task_line(c, day, line_id)
        insurer_name = task_line.payer_name
        assert (task_line.payment, task_line.approval_reference) == ("approval_needed", "")
        assert task_line.payment_label == f"needs the approval of {insurer_name}"
        with pytest.raises(pf.PerformanceRefused) as refused:
            _perform(c, day, line_id, _version(c, line_id))
        assert str(refused.value) == (
            f"\u201c{task_line.service_name}\u201d needs the approval of {insurer_name}: call the insurer and "
            "record the approval, then link it to the line.")
    assert _raw_perform(doctor, raw_line) == "MC069"

    with work(registrar) as c:
        approval_id = _record(c, day, "ГП-77", services=(ia.ApprovedService(day.service, quantity_limit=3),))
        for target in (line_id, raw_line, revoked_line):
            ia.link_line(c, target, _version(c, target), approval_id)
        assert not _line(c, order_id, line_id).approval_needed
    with work(doctor) as c:
        task_line = _task_line(c, day, line_id)
        assert (task_line.payment, task_line.payer_name, task_line.approval_reference) == (
            "covered", insurer_name, "ГП-77")
        assert task_line.payment_label == f"approved by {insurer_name}, No. ГП-77"
        _perform(c, day, line_id, _version(c, line_id))
        assert _line(c, order_id, line_id).status == "performed"
    assert _raw_perform(doctor, raw_line) is None  # straight against the trigger: covered, no MC069

    # Once the insurer revokes it, the line needs an approval again: refused under 'block'.
    with work(registrar) as c:
        ia.revoke(c, approval_id, ia.approval(c, approval_id).version, "Полис не действует")
    with work(doctor) as c:
        assert _task_line(c, day, revoked_line).payment == "approval_needed"
        with pytest.raises(pf.PerformanceRefused) as refused:
            _perform(c, day, revoked_line, _version(c, revoked_line))
        assert "needs the approval of" in str(refused.value)
    assert _raw_perform(doctor, revoked_line) == "MC069"
    # Under 'warn' the doctor is asked first, and performs it once confirmed.
    _set_unpaid_rule(clinic, day.org, "warn")
    assert _raw_perform(doctor, revoked_line) == "MC069"
    with work(doctor) as c:
        with pytest.raises(pf.UnpaidWarning) as warned:
            _perform(c, day, revoked_line, _version(c, revoked_line))
        assert "needs the approval of" in str(warned.value) and "anyway" in str(warned.value)
        _perform(c, day, revoked_line, _version(c, revoked_line), confirm_unpaid=True)
        assert c.scalar(text("SELECT status FROM order_lines WHERE id = :l"), {"l": revoked_line}) == "performed"


def test_an_insurer_line_without_approval_is_covered_and_not_asked_at_the_cash_desk(registrar, doctor, clerk, day):
    _insurer_covers(clerk, day, requires_approval=False)
    with work(registrar) as c:
        insurer = _insurer(c, day.org)
        slots = day.free_slots(c)
        order_id, line_id = _booked_line(c, day, slots[0], payer_id=insurer)
        client_line = orders.add_line(c, order_id, day.service)
        info = orders.order(c, order_id)
        mine = _line(c, order_id, line_id)
        assert mine.payer_id == insurer and not mine.approval_needed and mine.amount > 0
        client = _line(c, order_id, client_line)
        # The cash desk asks the client only for the line the client pays.
        assert info.to_pay == client.amount
        assert info.total(personal_only=True) == client.amount
    with work(doctor) as c:
        task_line = _task_line(c, day, line_id)
        assert (task_line.payment, task_line.approval_reference) == ("covered", "")
        assert task_line.payment_label == f"covered by {task_line.payer_name}"
        _perform(c, day, line_id, _version(c, line_id))  # under 'block', no approval needed
        with pytest.raises(pf.PerformanceRefused) as refused:  # the client's line: paid first
            _perform(c, day, client_line, _version(c, client_line))
        assert "cash desk" in str(refused.value)
    with work(registrar) as c:
        assert orders.order(c, order_id).to_pay == client.amount


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
