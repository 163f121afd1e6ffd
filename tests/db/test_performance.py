"""Shift tasks and the performance of services on PostgreSQL, as the demo registrar (who orders and
books) and the demo doctor (who performs): the doctor's day formed from bookings with payment states,
a walk-in, performing a simple paid line, the unpaid rule under the clinic's 'block' and 'warn'
settings, a cancelled line and another patient's line refused, a complex service performed step by
step (an optional step skipped, closing refused while a required step is missing), the database's own
rules for a writer that skips the service, and the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from shared.services import booking as bk
from shared.services import orders
from shared.services import performance as pf
from shared.services import visit_records as vr
from shared.services.session import session_user
from shared.services.shift_tasks import WALK_IN_LEAD, ShiftTaskRefused, shift_task
from tests.db.demo_sessions import demo_login, work

UTC = dt.UTC
TODAY = dt.date.today()
NOW = dt.datetime.now(UTC)


def _set_unpaid_rule(clinic, org: int, value: str) -> None:
    admin = demo_login(clinic, "admin", "ADM-01")
    try:
        with work(admin) as c:
            c.execute(text("UPDATE organizations SET unpaid_performance = :v WHERE id = :o"), {"v": value, "o": org})
    finally:
        admin.close()


def _pay(clinic, line_id: int) -> None:
    """The cash desk's effect on the line (its own tests take the money through the device)."""
    with clinic.connect() as conn:
        conn.execute("UPDATE order_lines SET status = 'paid', version = version + 1 WHERE id = %s", (line_id,))


class Day:
    """The demo doctor's staff member and schedule resource, a service they provide, a client."""

    def __init__(self, doctor, registrar) -> None:
        with work(doctor) as c:
            me = session_user(c)
            self.staff = me.staff_member_id
        with work(registrar) as c:
            self.org = registrar.organization_id
            self.resource = c.scalar(text("SELECT id FROM schedule_resources WHERE staff_member_id = :s"),
                                     {"s": self.staff})
            assert self.resource is not None, "the demo doctor has a schedule"
            self.company = c.scalar(text("SELECT id FROM payers WHERE organization_id = :o AND kind = 'company'"),
                                    {"o": self.org})
            self.patient = self._client(c, "Выполнов")
            self.other = self._client(c, "Чужаков")
            candidates = c.scalars(text(
                "SELECT rs.service_id FROM resource_services rs WHERE rs.resource_id = :r AND NOT EXISTS "
                "(SELECT 1 FROM service_components sc WHERE sc.complex_service_id = rs.service_id) "
                "ORDER BY rs.service_id"), {"r": self.resource}).all()
            self.service = None
            for service in candidates:
                order_id = orders.create_order(c, self.org, patient_id=self.patient)
                try:
                    with c.begin_nested():
                        orders.add_line(c, order_id, service)
                        slot = bk.first_free(c, self.org, service, resource_id=self.resource,
                                             first_day=TODAY + dt.timedelta(days=1), patient_id=self.patient)
                        assert slot is not None
                        raise _Found(slot)
                except _Found as found:
                    self.service, self.slot = service, found.slot
                    break
                except Exception:  # noqa: BLE001, S112 - a service without a price or a free slot: try the next
                    continue
            assert self.service is not None, "the demo doctor has a priced service with free time"
            self.day = self.slot.starts_at.astimezone(_zone(c, self.org)).date()

    @staticmethod
    def _client(conn, last: str) -> int:
        return conn.scalar(text(
            "INSERT INTO patients (last_name, first_name, birth_date, sex) VALUES (:l, 'Тест', '1980-03-04', 'M') "
            "RETURNING id"), {"l": last})

    def free_slots(self, conn) -> list[bk.Slot]:
        return bk.find_slots(conn, self.org, self.service, resource_id=self.resource, first_day=self.day,
                             patient_id=self.patient)


class _Found(Exception):  # noqa: N818 - a signal out of the savepoint, not an error
    def __init__(self, slot) -> None:
        self.slot = slot


def _zone(conn, org):
    from shared.services.schedules import organization_zone

    return organization_zone(conn, org)


@pytest.fixture
def day(clinic, doctor, registrar) -> Day:
    # Channel shares are not what is tested here: every free time is released to every channel.
    with clinic.connect() as conn:
        conn.execute("UPDATE organizations SET booking_release_hours = 2000")
    return Day(doctor, registrar)


def _line(conn, order_id: int, line_id: int) -> orders.OrderLineInfo:
    return next(x for x in orders.order(conn, order_id).lines if x.id == line_id)


def _booked_line(conn, day: Day, slot: bk.Slot, *, payer_id=None, patient=None) -> tuple[int, int]:
    order_id = orders.create_order(conn, day.org, patient_id=patient or day.patient)
    line_id = orders.add_line(conn, order_id, day.service, payer_id=payer_id)
    orders.book_line(conn, line_id, _line(conn, order_id, line_id).version, slot)
    return order_id, line_id


def _perform(conn, day: Day, line_id: int, version: int, **kwargs) -> None:
    start = NOW - dt.timedelta(minutes=20)
    pf.perform(conn, line_id, version, performed_by=day.staff, started_at=start, ended_at=NOW,
               result="Осмотрен, здоров", **kwargs)


def test_shift_task_is_formed_from_bookings_with_payment_states(clinic, doctor, registrar, day):
    with work(registrar) as c:
        slots = day.free_slots(c)
        assert len(slots) >= 3
        _, unpaid = _booked_line(c, day, slots[0])
        _, covered = _booked_line(c, day, slots[1], payer_id=day.company)
        _, paid = _booked_line(c, day, slots[2])
    _pay(clinic, paid)
    with work(doctor) as c:
        with pytest.raises(ShiftTaskRefused):
            shift_task(c, day=day.day)
        entries = shift_task(c, day=day.day, staff_member_id=day.staff)
        by_resource = shift_task(c, day=day.day, resource_id=day.resource)
        yesterday = shift_task(c, day=day.day - dt.timedelta(days=1), staff_member_id=day.staff)
        office = next(e.office_id for e in entries if e.office_id is not None)
        by_office = shift_task(c, day=day.day, office_id=office)
    assert [e.booking_id for e in entries] == [e.booking_id for e in by_resource]
    assert {e.booking_id for e in entries if e.office_id == office} <= {e.booking_id for e in by_office}
    assert entries == sorted(entries, key=lambda e: e.starts_at)
    assert all(day.day == e.starts_at.astimezone(_zone_of(clinic, doctor, day)).date() for e in entries)
    assert not {e.booking_id for e in entries} & {e.booking_id for e in yesterday}
    mine = {e.lines[0].id: e for e in entries if e.lines and e.lines[0].id in (unpaid, covered, paid)}
    assert len(mine) == 3
    assert mine[unpaid].lines[0].payment == "unpaid" and mine[unpaid].payment == "unpaid"
    assert mine[covered].lines[0].payment == "covered" and mine[covered].lines[0].payer_name
    assert mine[covered].lines[0].payment_label == f"covered by {mine[covered].lines[0].payer_name}"
    assert mine[paid].lines[0].payment == "paid"
    entry = mine[unpaid]
    assert entry.patient_id == day.patient and entry.patient_name.startswith("Выполнов")
    assert entry.birth_date == dt.date(1980, 3, 4) and entry.booking_status == "booked"
    assert entry.service_id == day.service and entry.service_name and not entry.walk_in


def _zone_of(clinic, session, day):
    with work(session) as c:
        return _zone(c, day.org)


def test_a_walk_in_booked_now_by_the_registry_is_marked(doctor, registrar, day):
    with work(registrar) as c:
        zone = _zone(c, day.org)
        slots = bk.find_slots(c, day.org, day.service, resource_id=day.resource, first_day=TODAY, days=14,
                              patient_id=day.patient)
        if not slots:
            pytest.skip("no free time in the demo doctor's next two weeks")
        # Booked ahead: an appointment. Then the registry books a client who came in for the next free time.
        _, ahead = _booked_line(c, day, slots[-1])
        _, line_id = _booked_line(c, day, slots[0])
        rows = c.execute(text("SELECT l.id, b.id AS booking_id, b.created_at, b.starts_at FROM order_lines l "
                              "JOIN bookings b ON b.id = l.booking_id WHERE l.id IN (:a, :b)"),
                         {"a": ahead, "b": line_id}).all()
    with work(doctor) as c:
        found = {}
        for local_day in {r.starts_at.astimezone(zone).date() for r in rows}:
            for entry in shift_task(c, day=local_day, staff_member_id=day.staff):
                found[entry.booking_id] = entry
    for row in rows:
        expected = (row.created_at.astimezone(zone).date() == row.starts_at.astimezone(zone).date()
                    and row.created_at >= row.starts_at - WALK_IN_LEAD)
        assert found[row.booking_id].walk_in == expected and found[row.booking_id].channel == "registry"
    assert not found[next(r.booking_id for r in rows if r.id == ahead)].walk_in or len(slots) == 1


def test_performing_a_paid_simple_line_records_who_where_and_audits(clinic, doctor, registrar, day):
    with work(registrar) as c:
        order_id, line_id = _booked_line(c, day, day.slot)
        office = c.scalar(text("SELECT id FROM offices WHERE organization_id = :o ORDER BY id LIMIT 1"),
                          {"o": day.org})
        nurse = c.scalar(text("SELECT id FROM staff_members WHERE organization_id = :o AND id <> :s ORDER BY id "
                              "LIMIT 1"), {"o": day.org, "s": day.staff})
    _pay(clinic, line_id)
    with work(doctor) as c:
        line = _line(c, order_id, line_id)
        _perform(c, day, line_id, line.version, office_id=office, participants=(nurse,), result_code="1")
        with pytest.raises(pf.PerformanceRefused):  # twice
            _perform(c, day, line_id, line.version + 1)
        done = _line(c, order_id, line_id)
        row = c.execute(text("SELECT * FROM service_performances WHERE order_line_id = :l"), {"l": line_id}).one()
    assert done.status == "performed" and done.performed_at == NOW
    assert row.performed_by == day.staff and row.office_id == office and row.participants == [nurse]
    assert row.patient_id == day.patient and row.organization_id == day.org and row.result == "Осмотрен, здоров"
    assert not row.unpaid_confirmed and row.recorded_by
    with clinic.connect() as conn:
        actions = conn.execute(
            "SELECT table_name, action FROM audit_log WHERE (table_name = 'service_performances' "
            "AND row_key = %s) OR (table_name = 'order_lines' AND row_key = %s) ORDER BY id",
            (str(row.id), str(line_id))).fetchall()
    assert ("service_performances", "INSERT") in [(t, a.upper()) for t, a in actions]
    assert any(t == "order_lines" for t, _a in actions)


def test_unpaid_line_is_refused_under_block_and_confirmed_under_warn(clinic, doctor, registrar, day):
    with work(registrar) as c:
        slots = day.free_slots(c)
        order_id, line_id = _booked_line(c, day, slots[0])
        _, covered = _booked_line(c, day, slots[1], payer_id=day.company)
    with work(doctor) as c:
        assert c.scalar(text("SELECT unpaid_performance FROM organizations WHERE id = :o"), {"o": day.org}) == "block"
        line = _line(c, order_id, line_id)
        with pytest.raises(pf.PerformanceRefused) as refused:
            _perform(c, day, line_id, line.version, confirm_unpaid=True)
        assert "cash desk" in str(refused.value)
    with work(doctor) as c:  # covered by the company's agreement: no payment needed
        cline = next(x for x in orders.order(c, _line_order(c, covered)).lines if x.id == covered)
        _perform(c, day, covered, cline.version)
    _set_unpaid_rule(clinic, day.org, "warn")
    with work(doctor) as c:
        with pytest.raises(pf.UnpaidWarning):
            _perform(c, day, line_id, line.version)
    with work(doctor) as c:
        _perform(c, day, line_id, line.version, confirm_unpaid=True)
        assert _line(c, order_id, line_id).status == "performed"
        assert c.scalar(text("SELECT unpaid_confirmed FROM service_performances WHERE order_line_id = :l"),
                        {"l": line_id})


def _line_order(conn, line_id: int) -> int:
    return conn.scalar(text("SELECT order_id FROM order_lines WHERE id = :l"), {"l": line_id})


def test_cancelled_and_another_patients_lines_are_refused(clinic, doctor, registrar, day):
    with work(registrar) as c:
        slots = day.free_slots(c)
        order_id, line_id = _booked_line(c, day, slots[0], payer_id=day.company)
        orders.cancel_line(c, line_id, _line(c, order_id, line_id).version, "Клиент передумал")
        other_order, other_line = _booked_line(c, day, slots[1], payer_id=day.company)
    # The booking is moved to another client behind the order's back: the line is not the visit's patient.
    with clinic.connect() as conn:
        conn.execute("UPDATE bookings SET patient_id = %s WHERE id = (SELECT booking_id FROM order_lines "
                     "WHERE id = %s)", (day.other, other_line))
    with work(doctor) as c:
        with pytest.raises(pf.PerformanceRefused) as refused:
            _perform(c, day, line_id, _line(c, order_id, line_id).version)
        assert "cancelled" in str(refused.value)
        with pytest.raises(pf.PerformanceRefused) as refused:
            _perform(c, day, other_line, _line(c, other_order, other_line).version)
        assert "another patient" in str(refused.value)
    with work(registrar) as c:
        _, third = _booked_line(c, day, slots[2], payer_id=day.company)
    with work(doctor) as c:  # a visit record in the card of someone else
        card = c.scalar(text("SELECT c.id FROM medical_cards c JOIN medical_card_types t ON t.id = c.card_type_id "
                             "WHERE t.code = 'outpatient' AND c.patient_id <> :p ORDER BY c.id LIMIT 1"),
                        {"p": day.patient})
        record = vr.start_record(c, card, content={"complaints": "Нет"})
    with work(doctor) as c:
        version = c.scalar(text("SELECT version FROM order_lines WHERE id = :l"), {"l": third})
        with pytest.raises(pf.PerformanceRefused) as refused:
            _perform(c, day, third, version, record_id=record)
        assert "another patient" in str(refused.value)
    # The database keeps the same rules for a writer that skips the service.
    for target, state in ((line_id, "MC060"), (other_line, "MC062")):
        with work(doctor) as c, pytest.raises(DBAPIError) as error:
            c.execute(text("INSERT INTO service_performances (order_line_id, started_at, ended_at) "
                           "VALUES (:l, now(), now())"), {"l": target})
        assert error.value.orig.sqlstate == state


def test_doctor_cannot_change_a_line_otherwise(doctor, registrar, day):
    with work(registrar) as c:
        order_id, line_id = _booked_line(c, day, day.slot, payer_id=day.company)
    for status in ("paid", "performed"):
        with work(doctor) as c, pytest.raises(DBAPIError) as error:
            c.execute(text("UPDATE order_lines SET status = :s, performed_at = now() WHERE id = :l"),
                      {"s": status, "l": line_id})
        assert error.value.orig.sqlstate == "MC068"
    with work(doctor) as c, pytest.raises(DBAPIError) as error:
        c.execute(text("UPDATE order_lines SET amount = 0 WHERE id = :l"), {"l": line_id})
    assert error.value.orig.sqlstate == "42501"


def test_complex_service_step_by_step(clinic, doctor, registrar, day):
    with work(registrar) as c:
        checkup = c.scalar(text("SELECT id FROM medical_services WHERE organization_id = :o AND code = 'K01.001'"),
                           {"o": day.org})
        order_id = orders.create_order(c, day.org, patient_id=day.patient)
        parent = orders.add_line(c, order_id, checkup)
    with work(doctor) as c:
        progress = pf.complex_progress(c, parent)
        assert len(progress.steps) == 4 and progress.left == 4 and not progress.can_close
        optional = next(s for s in progress.steps if s.optional)
        required = [s for s in progress.steps if not s.optional]
        with pytest.raises(pf.PerformanceRefused) as refused:  # the whole is not performed at once
            _perform(c, day, parent, progress.version)
        assert "complex service" in str(refused.value)
        with pytest.raises(pf.PerformanceRefused) as refused:  # unpaid under 'block'
            _perform(c, day, required[0].line_id, required[0].version)
        assert "cash desk" in str(refused.value)
    _pay(clinic, parent)
    with work(doctor) as c:
        with pytest.raises(pf.PerformanceRefused):
            pf.skip_step(c, required[0].line_id, required[0].version, "Не нужен")
        with pytest.raises(pf.PerformanceRefused):
            pf.skip_step(c, optional.line_id, optional.version, "  ")
        pf.skip_step(c, optional.line_id, optional.version, "Нет показаний")
        for step in required[:-1]:
            _perform(c, day, step.line_id, step.version)
        progress = pf.complex_progress(c, parent)
        assert (progress.done, progress.skipped, progress.left) == (2, 1, 1) and not progress.can_close
        with pytest.raises(pf.PerformanceRefused) as refused:
            pf.close_complex(c, parent, progress.version)
        assert required[-1].service_name in str(refused.value)
    # The database refuses the close as well (a writer that skips the service).
    with work(doctor) as c, pytest.raises(DBAPIError) as error:
        c.execute(text("UPDATE order_lines SET status = 'performed', performed_at = now() WHERE id = :l"),
                  {"l": parent})
    assert error.value.orig.sqlstate == "MC067"
    with work(doctor) as c:
        _perform(c, day, required[-1].line_id, required[-1].version)
        progress = pf.complex_progress(c, parent)
        assert progress.can_close and progress.missing_required == ()
        pf.close_complex(c, parent, progress.version)
        statuses = {x.id: x.status for x in orders.order(c, order_id).lines}
    assert statuses[parent] == "performed" and statuses[optional.line_id] == "ordered"
    assert all(statuses[s.line_id] == "performed" for s in required)
