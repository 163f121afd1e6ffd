"""Appointments on PostgreSQL as the demo doctor: services prescribed in a draft visit record, made order
lines of the patient's order (priced by the orders service), the repeat visit booked into a free slot
found with the scheduling service, the status following the order line whoever changes it, cancelling
(an unpaid line with it; a paid one refused), bad input, the database's own rules for a writer that
skips the service, card-type row security, and jobs that may not prescribe."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from shared.errors import DomainError
from shared.services import appointments as ap
from shared.services import booking as bk
from shared.services import orders
from shared.services import visit_records as vr
from shared.services.session import session_user
from tests.db.demo_sessions import demo_login, work
from tests.db.security_helpers import PASSWORD, make_login

TODAY = dt.date.today()


class _Found(Exception):  # noqa: N818 - a signal out of the savepoint, not an error
    def __init__(self, value) -> None:
        self.value = value


class Visit:
    """The demo doctor, an outpatient card they may open, a priced service of theirs with free time (the
    repeat visit) and another priced service (a test)."""

    def __init__(self, doctor) -> None:
        with work(doctor) as c:
            me = session_user(c)
            self.staff = me.staff_member_id
            self.card, self.patient, self.org = c.execute(text(
                "SELECT c.id, c.patient_id, c.organization_id FROM medical_cards c "
                "JOIN medical_card_types t ON t.id = c.card_type_id JOIN patients p ON p.id = c.patient_id "
                "WHERE t.code = 'outpatient' AND c.organization_id = ANY(:orgs) AND p.merged_into_id IS NULL "
                "ORDER BY c.id LIMIT 1"), {"orgs": list(me.organization_ids)}).one()
            self.resource = c.scalar(text("SELECT id FROM schedule_resources WHERE staff_member_id = :s"),
                                     {"s": self.staff})
            assert self.resource is not None, "the demo doctor has a schedule"
            simple = ("NOT EXISTS (SELECT 1 FROM service_components sc WHERE sc.complex_service_id = {}) ")
            own = c.scalars(text(
                "SELECT rs.service_id FROM resource_services rs WHERE rs.resource_id = :r AND "
                + simple.format("rs.service_id") + "ORDER BY rs.service_id"), {"r": self.resource}).all()
            self.visit_service, self.slot = self._first(c, own, bookable=True)
            others = c.scalars(text(
                "SELECT s.id FROM medical_services s WHERE s.organization_id = :o AND s.is_active AND s.id <> :v AND "
                + simple.format("s.id") + "ORDER BY s.id LIMIT 60"), {"o": self.org, "v": self.visit_service}).all()
            self.test_service, _ = self._first(c, others, bookable=False)

    def _first(self, c, candidates, *, bookable: bool):
        for service in candidates:
            try:
                with c.begin_nested():
                    order_id = orders.create_order(c, self.org, patient_id=self.patient, channel="doctor")
                    orders.add_line(c, order_id, service)
                    slot = None
                    if bookable:
                        slot = bk.first_free(c, self.org, service, resource_id=self.resource, channel="doctor",
                                             first_day=TODAY + dt.timedelta(days=1), patient_id=self.patient)
                        assert slot is not None
                    raise _Found((service, slot))
            except _Found as found:
                return found.value
            except Exception:  # noqa: BLE001, S112 - no price, or no free time: try the next
                continue
        raise AssertionError("the demo clinic has a priced service for the test")

    def record(self, session) -> int:
        with work(session) as c:
            return vr.start_record(c, self.card, content={"complaints": "Кашель"})


@pytest.fixture
def visit(clinic, doctor) -> Visit:
    # Channel shares are not what is tested here: every free time is released to every channel.
    with clinic.connect() as conn:
        conn.execute("UPDATE organizations SET booking_release_hours = 2000")
    return Visit(doctor)


def _refused(session, call, *args, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as info:
        with work(session) as conn:
            call(conn, *args, **kwargs)
    return info.value


def _one(session, appointment_id: int) -> ap.Appointment:
    with work(session) as c:
        return ap.appointment(c, appointment_id)


def test_prescribe_order_and_book_the_repeat_visit(clinic, doctor, registrar, visit):
    record_id = visit.record(doctor)
    due = TODAY + dt.timedelta(days=14)
    with work(doctor) as c:
        repeat = ap.prescribe(c, record_id, visit.visit_service, indication="Контроль через 2 недели",
                              urgency="urgent", due=due)
        test = ap.prescribe(c, record_id, visit.test_service, indication="ОРВИ", quantity=1, note="натощак")
        listed = ap.appointments_of_record(c, record_id)
    assert [(a.id, a.status, a.service_id) for a in listed] == [
        (repeat, "planned", visit.visit_service), (test, "planned", visit.test_service)]
    first = listed[0]
    assert (first.urgency, first.due_on, first.indication, first.created_by, first.patient_id) == (
        "urgent", due, "Контроль через 2 недели", visit.staff, visit.patient)
    assert first.order_line_id is None and first.line_status == "" and first.is_open and first.author_name

    # Ordered: lines of the patient's order, priced by the orders service.
    with work(doctor) as c:
        order_id = ap.to_order(c, [repeat, test])
        info = orders.order(c, order_id)
        ordered = {a.id: a for a in ap.appointments_of_record(c, record_id)}
    assert info.channel == "doctor" and info.patient_id == visit.patient
    assert sorted(line.service_id for line in info.open_lines if not line.is_step) == sorted(
        [visit.visit_service, visit.test_service])
    for appointment in ordered.values():
        line = next(x for x in info.lines if x.id == appointment.order_line_id)
        assert appointment.status == "ordered" and appointment.line_status == "ordered"
        assert appointment.order_id == order_id and appointment.amount == line.amount
        assert line.amount == line.price * line.quantity - line.discount_amount and line.base_price >= 0
    assert "already ordered" in str(_refused(doctor, ap.to_order, [repeat]))
    # The same day's order of the doctor is reused while nothing of it is paid.
    with work(doctor) as c:
        more = ap.prescribe(c, record_id, visit.test_service, indication="повтор")
        assert ap.to_order(c, [more]) == order_id

    # Booked: the repeat visit into the first free time the doctor's channel sees.
    with work(doctor) as c:
        slot = bk.first_free(c, visit.org, visit.visit_service, resource_id=visit.resource, channel="doctor",
                             first_day=TODAY + dt.timedelta(days=1), patient_id=visit.patient)
        assert slot is not None
        booked = ap.book(c, repeat, ordered[repeat].version, slot)
        booking = bk.booking(c, booked.booking_id)
    assert booked.status == "booked" and booked.line_status == "booked"
    assert booked.starts_at == slot.starts_at and booked.resource_name
    assert (booking.channel, booking.patient_id, booking.service_id) == ("doctor", visit.patient,
                                                                         visit.visit_service)
    # In one step from the record: appointed, ordered and booked.
    with work(doctor) as c:
        slots = ap.free_slots(c, repeat, first_day=TODAY + dt.timedelta(days=1), days=14,
                              resource_id=visit.resource)
        assert slots and all(s.starts_at != slot.starts_at for s in slots)
        again = ap.book_repeat_visit(c, record_id, visit.visit_service, slots[-1], indication="Повторный приём")
    assert again.status == "booked" and again.record_id == record_id and again.order_id is not None
    assert again.starts_at == slots[-1].starts_at

    # The status follows the line whoever changes it: the registry cancels the test's line.
    with work(registrar) as c:
        line = next(x for x in orders.order(c, order_id).lines if x.id == ordered[test].order_line_id)
        orders.cancel_line(c, line.id, line.version, "Пациент сдаст анализ в другой клинике")
    cancelled = _one(doctor, test)
    assert cancelled.status == "cancelled" and cancelled.cancel_reason == "Пациент сдаст анализ в другой клинике"
    assert not cancelled.is_open
    with work(doctor) as c:
        patients = ap.appointments_of_patient(c, visit.patient)
        open_only = ap.appointments_of_patient(c, visit.patient, open_only=True)
    ids = [a.id for a in patients]
    assert ids.index(repeat) < ids.index(test), "the open ones first"
    assert test not in {a.id for a in open_only} and repeat in {a.id for a in open_only}

    # The audit trail has who appointed and how the status went.
    with clinic.connect() as admin:
        actions = admin.execute(
            "SELECT action, new_values ->> 'status' FROM audit_log WHERE table_name = 'appointments' "
            "AND row_key = %s ORDER BY id", (str(repeat),)).fetchall()
    assert actions[0] == ("INSERT", "planned") and ("UPDATE", "booked") in actions


def test_cancelling_an_appointment(clinic, doctor, visit):
    record_id = visit.record(doctor)
    with work(doctor) as c:
        planned = ap.prescribe(c, record_id, visit.test_service)
        ordered = ap.prescribe(c, record_id, visit.test_service)
        booked = ap.prescribe(c, record_id, visit.visit_service)
        paid = ap.prescribe(c, record_id, visit.test_service)
        ap.to_order(c, [ordered, paid])
        slot = bk.first_free(c, visit.org, visit.visit_service, resource_id=visit.resource, channel="doctor",
                             first_day=TODAY + dt.timedelta(days=1), patient_id=visit.patient)
        ap.book(c, booked, ap.appointment(c, booked).version, slot)
    assert "Say why" in str(_refused(doctor, ap.cancel, planned, _one(doctor, planned).version, "  "))
    with work(doctor) as c:
        done = ap.cancel(c, planned, ap.appointment(c, planned).version, "Не требуется")
    assert (done.status, done.cancel_reason) == ("cancelled", "Не требуется")
    assert "is cancelled" in str(_refused(doctor, ap.cancel, planned, done.version, "ещё раз"))
    assert "is cancelled" in str(_refused(doctor, ap.change, planned, done.version, note="x"))
    assert "already cancelled" in str(_refused(doctor, ap.to_order, [planned]))
    assert "is cancelled" in str(_refused(doctor, ap.book, planned, done.version, slot))

    # An ordered (and a booked) one: its unpaid line goes with it, and the booking too.
    with work(doctor) as c:
        one = ap.cancel(c, ordered, ap.appointment(c, ordered).version, "Передумал")
        two = ap.cancel(c, booked, ap.appointment(c, booked).version, "Пациент уезжает")
        line_status = c.scalar(text("SELECT status FROM order_lines WHERE id = :l"), {"l": one.order_line_id})
        booking = bk.booking(c, two.booking_id)
    assert one.status == "cancelled" and one.line_status == "cancelled" and line_status == "cancelled"
    assert two.status == "cancelled" and booking.status == "cancelled" and booking.cancel_reason == "Пациент уезжает"

    # A paid one: the cash desk refunds first -- the service says so, and the database refuses the doctor.
    line_id = _one(doctor, paid).order_line_id
    with clinic.connect() as conn:
        conn.execute("UPDATE order_lines SET status = 'paid', version = version + 1 WHERE id = %s", (line_id,))
    current = _one(doctor, paid)
    assert current.status == "ordered" and current.is_paid
    refused = _refused(doctor, ap.cancel, paid, current.version, "Передумал")
    assert "refunds the money first" in str(refused)
    with work(doctor) as c:
        with pytest.raises(DBAPIError) as info, c.begin_nested():
            c.execute(text("UPDATE order_lines SET status = 'cancelled', cancel_reason = 'x' WHERE id = :l"),
                      {"l": line_id})
        assert info.value.orig.sqlstate == "MC077"
    assert _one(doctor, paid).status == "ordered"


def test_bad_input_is_refused_clearly(doctor, visit):
    record_id = visit.record(doctor)
    assert "not in the organization's catalogue" in str(_refused(doctor, ap.prescribe, record_id, 99_999_999))
    assert "routine, urgent or cito" in str(_refused(doctor, ap.prescribe, record_id, visit.test_service,
                                                     urgency="asap"))
    for quantity in (0, 101, 1.5, True):
        assert "from 1 to 100" in str(_refused(doctor, ap.prescribe, record_id, visit.test_service,
                                               quantity=quantity))
    past = TODAY - dt.timedelta(days=2)
    assert "already passed" in str(_refused(doctor, ap.prescribe, record_id, visit.test_service, due=past))
    assert "Choose the appointments" in str(_refused(doctor, ap.to_order, []))
    assert "no longer exists" in str(_refused(doctor, ap.to_order, [99_999_999]))
    with work(doctor) as c:
        appointment_id = ap.prescribe(c, record_id, visit.test_service, urgency="CITO")
        version = ap.appointment(c, appointment_id).version
    assert _one(doctor, appointment_id).urgency == "cito"
    with work(doctor) as c:
        version = ap.change(c, appointment_id, version, indication="Уточнено", quantity=2)
    assert (_one(doctor, appointment_id).indication, _one(doctor, appointment_id).quantity) == ("Уточнено", 2)
    assert "changed by" in str(_refused(doctor, ap.change, appointment_id, version - 1, note="старое"))
    with work(doctor) as c:
        ap.remove(c, appointment_id, version)
        assert ap.appointments_of_record(c, record_id) == []


def test_signed_record_keeps_its_appointments(clinic, doctor, visit):
    record_id = visit.record(doctor)
    with work(doctor) as c:
        kept = ap.prescribe(c, record_id, visit.test_service)
        vr.sign(c, record_id, c.scalar(text("SELECT version FROM medical_records WHERE id = :id"),
                                       {"id": record_id}))
    refused = _refused(doctor, ap.prescribe, record_id, visit.test_service)
    assert "can no longer be changed" in str(refused)
    version = _one(doctor, kept).version
    assert "can no longer be changed" in str(_refused(doctor, ap.change, kept, version, note="x"))
    assert "can no longer be changed" in str(_refused(doctor, ap.remove, kept, version))
    # Acting on it goes on after signing: ordering and booking are not changes of the record.
    with work(doctor) as c:
        ap.to_order(c, [kept])
        assert ap.appointment(c, kept).status == "ordered"
        # A correction shows the appointments of the version it corrects.
        corrected = vr.correct(c, record_id)
        assert [a.id for a in ap.appointments_of_record(c, corrected)] == [kept]
        # Outside a record, in the card.
        loose = ap.prescribe(c, None, visit.test_service, card_id=visit.card, indication="Скрининг")
        assert ap.appointment(c, loose).record_id is None
    assert "made in a visit record" in str(_refused(doctor, ap.prescribe, None, visit.test_service))


def test_database_refuses_direct_bad_writes(clinic, doctor, nurse, visit):
    record_id = visit.record(doctor)
    with work(doctor) as c:
        planned = ap.prescribe(c, record_id, visit.test_service)
        ordered = ap.prescribe(c, record_id, visit.test_service)
        ap.to_order(c, [ordered])
        signed = vr.start_record(c, visit.card)
        vr.sign(c, signed, c.scalar(text("SELECT version FROM medical_records WHERE id = :id"), {"id": signed}))
    other_org_service = None
    with clinic.connect() as admin:
        row = admin.execute("SELECT id FROM medical_services WHERE organization_id <> %s ORDER BY id LIMIT 1",
                            (visit.org,)).fetchone()
        other_org_service = row[0] if row else None
    insert = "INSERT INTO appointments (record_id, service_id, status) VALUES (:r, :s, :st)"
    cases = [
        (insert, {"r": record_id, "s": visit.test_service, "st": "ordered"}, "MC074"),
        (insert, {"r": record_id, "s": 99_999_999, "st": "planned"}, "MC073"),
        (insert, {"r": signed, "s": visit.test_service, "st": "planned"}, "MC071"),
        (insert, {"r": 99_999_999, "s": visit.test_service, "st": "planned"}, "MC070"),
        ("UPDATE appointments SET status = 'booked' WHERE id = :id", {"id": planned}, "MC074"),
        ("UPDATE appointments SET status = 'cancelled', cancel_reason = 'x' WHERE id = :id", {"id": ordered},
         "MC074"),
        ("UPDATE appointments SET quantity = 3 WHERE id = :id", {"id": ordered}, "MC075"),
        ("UPDATE appointments SET record_id = :r WHERE id = :id", {"id": planned, "r": signed}, "MC075"),
        ("UPDATE appointments SET status = 'cancelled', cancel_reason = '' WHERE id = :id", {"id": planned},
         "23514"),
        ("DELETE FROM appointments WHERE id = :id", {"id": ordered}, "MC074"),
    ]
    if other_org_service is not None:
        cases.append((insert, {"r": record_id, "s": other_org_service, "st": "planned"}, "MC073"))
    with work(doctor) as c:
        for sql, params, state in cases:
            with pytest.raises(DBAPIError) as info, c.begin_nested():
                c.execute(text(sql), params)
            assert info.value.orig.sqlstate == state, sql
        # The card, type, organization, patient and author are the record's and the login's.
        made = c.execute(text(
            "INSERT INTO appointments (record_id, card_id, card_type_id, organization_id, patient_id, service_id, "
            "created_by) SELECT :r, card_id, card_type_id, organization_id, :p, :s, NULL FROM medical_records "
            "WHERE id = :r RETURNING patient_id, created_by"),
            {"r": record_id, "p": visit.patient, "s": visit.test_service}).one()
        assert tuple(made) == (visit.patient, visit.staff)
    # The nurse may open the card but the draft is the doctor's.
    with work(nurse) as c:
        for sql, params in ((insert, {"r": record_id, "s": visit.test_service, "st": "planned"}),
                            ("UPDATE appointments SET note = 'x' WHERE id = :id", {"id": planned}),
                            ("DELETE FROM appointments WHERE id = :id", {"id": planned})):
            with pytest.raises(DBAPIError) as info, c.begin_nested():
                c.execute(text(sql), params)
            assert info.value.orig.sqlstate == "MC072", sql
    assert "only its author" in str(_refused(nurse, ap.prescribe, record_id, visit.test_service))


def test_card_type_access_decides_who_sees_appointments(clinic, doctor, visit):
    org = visit.org
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
        with work(dentist) as c:
            record_id = vr.start_record(c, dental_card, content={"complaints": "Зубная боль"})
            appointment_id = ap.prescribe(c, record_id, visit.test_service, indication="Рентген")
            assert [a.id for a in ap.appointments_of_patient(c, dental_patient)] == [appointment_id]
    finally:
        dentist.close()
    with work(doctor) as c:
        assert appointment_id not in {a.id for a in ap.appointments_of_patient(c, dental_patient)}
        assert c.scalar(text("SELECT count(*) FROM appointments WHERE id = :id"), {"id": appointment_id}) == 0
        assert c.scalar(text("UPDATE appointments SET note = 'x' WHERE id = :id RETURNING id"),
                        {"id": appointment_id}) is None
        # In the card the doctor may not open, past the service: the policy refuses the row.
        with pytest.raises(DBAPIError) as info, c.begin_nested():
            c.execute(text("INSERT INTO appointments (card_id, service_id) VALUES (:c, :s)"),
                      {"c": dental_card, "s": visit.test_service})
        assert info.value.orig.sqlstate == "42501" and "row-level security" in str(info.value.orig)
    assert "no longer exists" in str(_refused(doctor, ap.cancel, appointment_id, 1, "x"))
    assert "not available" in str(_refused(doctor, ap.prescribe, None, visit.test_service, card_id=dental_card))


@pytest.mark.parametrize(("login", "station"), [("registrar", "REG-01"), ("cashier", "CASH-01")])
def test_registry_and_cash_desk_do_not_prescribe(clinic, doctor, visit, login, station):
    record_id = visit.record(doctor)
    with work(doctor) as c:
        appointment_id = ap.prescribe(c, record_id, visit.test_service)
    session = demo_login(clinic, login, station)
    try:
        assert "does not allow prescribing" in str(_refused(session, ap.prescribe, record_id, visit.test_service))
        assert "does not allow prescribing" in str(_refused(session, ap.cancel, appointment_id, 1, "x"))
        with work(session) as c:
            for sql in ("INSERT INTO appointments (record_id, service_id) VALUES (:r, :s)",
                        "UPDATE appointments SET note = 'x' WHERE id = :a",
                        "DELETE FROM appointments WHERE id = :a"):
                with pytest.raises(DBAPIError) as info, c.begin_nested():
                    c.execute(text(sql), {"r": record_id, "s": visit.test_service, "a": appointment_id})
                assert info.value.orig.sqlstate == "42501" and "permission denied" in str(info.value.orig)
    finally:
        session.close()


def test_performing_the_line_performs_the_appointment(clinic, doctor, visit):
    from shared.services import performance as pf

    record_id = visit.record(doctor)
    with work(doctor) as c:
        appointment_id = ap.prescribe(c, record_id, visit.test_service)
        ap.to_order(c, [appointment_id])
        line_id = ap.appointment(c, appointment_id).order_line_id
    with clinic.connect() as conn:  # the cash desk's effect on the line (its own tests take the money)
        conn.execute("UPDATE order_lines SET status = 'paid', version = version + 1 WHERE id = %s", (line_id,))
    now = dt.datetime.now(dt.UTC)
    with work(doctor) as c:
        version = c.scalar(text("SELECT version FROM order_lines WHERE id = :l"), {"l": line_id})
        pf.perform(c, line_id, version, performed_by=visit.staff, started_at=now - dt.timedelta(minutes=10),
                   ended_at=now, result="Выполнено", record_id=record_id)
        done = ap.appointment(c, appointment_id)
    assert (done.status, done.line_status, done.is_open, done.is_paid) == ("performed", "performed", False, True)
    assert "is performed" in str(_refused(doctor, ap.cancel, appointment_id, done.version, "поздно"))
