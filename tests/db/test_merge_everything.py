"""Merging duplicate patients carries everything that belongs to the patient (migration 0014), on PostgreSQL:
a duplicate with a booking, a waiting-list entry, an order with a line paid at the emulated cash desk, a
deposit, tax certificates, a private payer, a performance, a visit record with a diagnosis, an appointment
and a prescription, a communication, an insurer's approval, and an issued and printed sick-leave
certificate, merged by the demo head of registry through the service the merge page calls. Every row then
belongs to the kept patient and the kept patient's lists show them; later normal changes of the moved rows
pass; a direct change of a row's patient to an unrelated patient is still refused by each trigger, and so
is any move that is not exactly the move of a merge."""

from __future__ import annotations

import datetime as dt
import difflib
import importlib
import json
import uuid
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from shared.demo.cash import DEMO_DESK
from shared.services import appointments as ap
from shared.services import booking as bk
from shared.services import cash_desk as cd
from shared.services import communications as cm
from shared.services import insurer_approvals as ia
from shared.services import orders, patients
from shared.services import prescriptions as rx
from shared.services import sick_leave as sl
from shared.services import sick_leave_blanks as bl
from shared.services import visit_records as vr
from shared.services.shift_tasks import shift_task
from tests.db.cash_helpers import emulated_desk
from tests.db.demo_sessions import work
from tests.db.test_performance import Day, _booked_line, _line, _perform

TODAY = dt.date.today()
SQL = Path(__file__).resolve().parents[2] / "migrations" / "sql"
AMOXICILLIN = rx.MedicationInput(drug_name="Amoxicillin", dose_amount="500", dose_unit="mg", route="oral",
                                 times_per_day=3, duration_days=7)

# (table, column) of every row the duplicate owns here; each must name the kept patient after the merge.
MOVED = (
    ("bookings", "patient_id"), ("waiting_list", "patient_id"), ("orders", "patient_id"),
    ("payers", "patient_id"), ("cash_operations", "patient_id"), ("tax_certificates", "patient_id"),
    ("tax_certificates", "taxpayer_patient_id"), ("service_performances", "patient_id"),
    ("appointments", "patient_id"), ("medication_prescriptions", "patient_id"),
    ("patient_communications", "patient_id"), ("insurer_approvals", "patient_id"),
    ("sick_leave_certificates", "patient_id"), ("sick_leave_print_events", "patient_id"),
    ("medical_cards", "patient_id"),
)
# The trigger of each table that refuses a change of a row's patient, and its SQLSTATE.
GUARDED = (
    ("cash_operations", "MC040"), ("appointments", "MC075"), ("medication_prescriptions", "MC075"),
    ("patient_communications", "MC081"), ("insurer_approvals", "MC089"), ("sick_leave_certificates", "MC095"),
    ("sick_leave_print_events", "MC098"),
)


def _blank(i: int) -> str:
    return f"{500 + i:012d}"


class Duplicate:
    """Everything a duplicate record can own, made through the services by the people who make it."""

    def __init__(self, clinic, day: Day, registrar, doctor, head, cashier, bench) -> None:
        self.day = day
        org = day.org
        with work(registrar) as c:
            self.keep = c.scalar(text(
                "INSERT INTO patients (last_name, first_name, middle_name, birth_date, sex) "
                "VALUES ('Дублёва', 'Анна', 'Ивановна', '1985-06-07', 'F') RETURNING id"))
            self.drop = c.scalar(text(
                "INSERT INTO patients (last_name, first_name, middle_name, birth_date, sex) "
                "VALUES ('Дублева', 'Анна', 'Ивановна', '1985-06-07', 'F') RETURNING id"))
            outpatient = c.scalar(text("SELECT id FROM medical_card_types WHERE code = 'outpatient'"))
            self.card = patients.open_card(c, self.drop, org, outpatient).id
            # The order with a booked line (paid below), another line covered by the insurer's approval.
            self.order, self.line = _booked_line(c, day, day.slot, patient=self.drop)
            self.booking = c.scalar(text("SELECT booking_id FROM order_lines WHERE id = :l"), {"l": self.line})
            self.waiting = bk.add_to_waiting_list(c, org, day.service, wanted_from=TODAY + dt.timedelta(days=3),
                                                  patient_id=self.drop)
            self.insurer = c.scalar(text("SELECT id FROM payers WHERE organization_id = :o AND kind = 'insurer' "
                                         "ORDER BY id LIMIT 1"), {"o": org})
            self.approval = ia.record_approval(
                c, org, payer_id=self.insurer, patient_id=self.drop, approver_name="Сидорова Анна",
                reference_number=f"MRG-{self.drop}", valid_from=TODAY, valid_to=day.day + dt.timedelta(days=30),
                services=(ia.ApprovedService(day.service, quantity_limit=2),))
            self.covered = orders.add_line(c, self.order, day.service, payer_id=self.insurer)
            ia.link_line(c, self.covered, _line(c, self.order, self.covered).version, self.approval)
            self.communication = cm.log_communication(
                c, org, self.drop, channel="phone", direction="outgoing", summary="Напомнили о приёме",
                order_id=self.order, booking_id=self.booking)
        with clinic.connect() as admin:
            self.payer = admin.execute(
                "INSERT INTO payers (organization_id, kind, name, patient_id) VALUES (%s, 'individual', "
                "'Дублева Анна Ивановна', %s) RETURNING id", (org, self.drop)).fetchone()[0]
            snapshot = json.dumps({"last_name": "Дублева", "first_name": "Анна", "middle_name": "Ивановна",
                                   "inn": "", "birth_date": "1985-06-07", "document_code": "21",
                                   "document_number": "4510 123456", "document_issued_on": None},
                                  ensure_ascii=False)
            self.tax_own, self.tax_paid_for = (
                admin.execute(
                    "INSERT INTO tax_certificates (organization_id, tax_year, number, correction_number, patient_id, "
                    "taxpayer_patient_id, taxpayer, patient, amount_code_1, amount_code_2, issued_on, issued_by, "
                    "signer_name, signer_position) VALUES (%s, %s, %s, 0, %s, %s, %s::jsonb, NULL, 100, 0, "
                    "current_date, 'test', 'Кассир', 'кассир') RETURNING id",
                    (org, TODAY.year, number, patient, taxpayer, snapshot)).fetchone()[0]
                for number, patient, taxpayer in ((9001, self.drop, None), (9002, day.other, self.drop)))
            admin.execute("UPDATE organizations SET ogrn = '1027700132195' WHERE id = %s", (org,))
        # Paid at the cash desk, and an advance left there.
        with cashier.engine.connect() as c:
            desk = cd.desk_by_name(c, DEMO_DESK)
            c.commit()
            devices = bench.devices()
            if not devices.registrar.status().shift_open:
                cd.open_shift(c, desk, devices)
            lines = cd.payable_lines(c, patient_id=self.drop)
            c.commit()
            mine = [x for x in lines if x.order_line_id == self.line]
            assert mine, "the duplicate's line is payable"
            total = sum((x.amount for x in mine), Decimal(0))
            sale = cd.pay(c, desk, devices, cd.PaymentRequest(uuid.uuid4(), (self.line,), total, Decimal(0)))
            assert sale.completed
            self.sale = sale.operation_id
            advance = cd.take_deposit(c, desk, devices, self.drop, cash="500")
            assert advance.completed
            self.deposit = advance.operation_id
        # The doctor's visit: a record with a diagnosis, an appointment, a prescription; the paid line performed.
        with work(doctor) as c:
            self.record = vr.start_record(c, self.card, content={"complaints": "Кашель"})
            self.diagnosis = vr.add_diagnosis(c, self.record, "J06.9")
            self.appointment = ap.prescribe(c, self.record, day.service, indication="Контроль")
            self.prescription = rx.add(c, self.record, AMOXICILLIN)
            _perform(c, day, self.line, _line(c, self.order, self.line).version, record_id=self.record)
        with clinic.connect() as admin:
            self.performance = admin.execute("SELECT id FROM service_performances WHERE order_line_id = %s",
                                             (self.line,)).fetchone()[0]
        # A sick-leave certificate issued on a blank of the doctor's and printed.
        with work(head) as c:
            today = bl.organization_today(c, org)
            bl.receive_batch(c, org, _blank(1), _blank(10), supplier="Фонд социального страхования",
                             document="Накладная 1", received_on=today - dt.timedelta(days=10))
            bl.issue_blanks(c, org, _blank(1), _blank(5), staff_member_id=day.staff,
                            issued_on=today - dt.timedelta(days=9), document="Требование 1")
        with work(doctor) as c:
            self.certificate = sl.create_draft(c, self.drop, employer="ООО Ромашка")
            version = sl.set_fields(c, self.certificate, sl.certificate(c, self.certificate).version,
                                    organization_name="ООО «Медцентр»",
                                    organization_address="г. Демоград, ул. Лечебная, 1")
            version = sl.add_period(c, self.certificate, version, today - dt.timedelta(days=5),
                                    today - dt.timedelta(days=1))
            sl.issue(c, self.certificate, version, issue_date=today - dt.timedelta(days=5))
            self.today = today
        with work(registrar) as c:
            self.print_event = sl.record_print(c, self.certificate, on_blank=True)

    def rows(self) -> dict[tuple[str, str], tuple[int, ...]]:
        return {
            ("bookings", "patient_id"): (self.booking,), ("waiting_list", "patient_id"): (self.waiting,),
            ("orders", "patient_id"): (self.order,), ("payers", "patient_id"): (self.payer,),
            ("cash_operations", "patient_id"): (self.sale, self.deposit),
            ("tax_certificates", "patient_id"): (self.tax_own,),
            ("tax_certificates", "taxpayer_patient_id"): (self.tax_paid_for,),
            ("service_performances", "patient_id"): (self.performance,),
            ("appointments", "patient_id"): (self.appointment,),
            ("medication_prescriptions", "patient_id"): (self.prescription,),
            ("patient_communications", "patient_id"): (self.communication,),
            ("insurer_approvals", "patient_id"): (self.approval,),
            ("sick_leave_certificates", "patient_id"): (self.certificate,),
            ("sick_leave_print_events", "patient_id"): (self.print_event,),
            ("medical_cards", "patient_id"): (self.card,),
        }


@pytest.fixture
def bench(tmp_path):
    with emulated_desk(tmp_path) as bench:
        yield bench


@pytest.fixture
def dup(clinic, registrar, doctor, head, cashier, bench) -> Duplicate:
    with clinic.connect() as conn:
        conn.execute("UPDATE organizations SET booking_release_hours = 2000")
    return Duplicate(clinic, Day(doctor, registrar), registrar, doctor, head, cashier, bench)


def _owners(clinic, dup: Duplicate) -> dict[tuple[str, str], set[int]]:
    with clinic.connect() as conn:
        return {(table, column): {r[0] for r in conn.execute(
                    f"SELECT {column} FROM {table} WHERE id = ANY(%s)", (list(ids),)).fetchall()}  # noqa: S608
                for (table, column), ids in dup.rows().items()}


def _merge(head, dup: Duplicate) -> None:
    with work(head) as c:
        patients.merge_patients(c, dup.keep, dup.drop)


def test_a_merge_carries_every_row_and_later_changes_pass(clinic, dup, registrar, doctor, head, cashier, bench):
    assert set(dup.rows()) == set(MOVED)
    before = _owners(clinic, dup)
    assert before[("tax_certificates", "patient_id")] == {dup.drop}
    assert all(owners == {dup.drop} for owners in before.values()), before
    with clinic.connect() as conn:
        snapshot = conn.execute("SELECT taxpayer FROM tax_certificates WHERE id = %s", (dup.tax_own,)).fetchone()[0]
        names = conn.execute("SELECT surname, first_name FROM sick_leave_certificates WHERE id = %s",
                             (dup.certificate,)).fetchone()
        audited = conn.execute("SELECT count(*) FROM audit_log WHERE patient_id = %s", (dup.drop,)).fetchone()[0]
    _merge(head, dup)
    after = _owners(clinic, dup)
    assert all(owners == {dup.keep} for owners in after.values()), after
    with clinic.connect() as conn:
        # Snapshots are history: what was printed stays; the audit trail keeps the duplicate's rows.
        assert conn.execute("SELECT taxpayer FROM tax_certificates WHERE id = %s",
                            (dup.tax_own,)).fetchone()[0] == snapshot
        assert conn.execute("SELECT surname, first_name FROM sick_leave_certificates WHERE id = %s",
                            (dup.certificate,)).fetchone() == names
        assert conn.execute("SELECT count(*) FROM audit_log WHERE patient_id = %s AND occurred_at < now()",
                            (dup.drop,)).fetchone()[0] >= audited
        assert conn.execute("SELECT patient_id FROM tax_certificates WHERE id = %s",
                            (dup.tax_paid_for,)).fetchone()[0] == dup.day.other
        # Nothing anywhere still names the duplicate.
        for (table, column) in MOVED:
            left = conn.execute(f"SELECT count(*) FROM {table} WHERE {column} = %s",  # noqa: S608
                                (dup.drop,)).fetchone()[0]
            assert left == 0, (table, column)

    # The kept patient's lists show them.
    with work(doctor) as c:
        entries = shift_task(c, day=dup.day.day, staff_member_id=dup.day.staff)
        mine = [e for e in entries if e.booking_id == dup.booking]
        assert mine and mine[0].patient_id == dup.keep
        assert dup.appointment in {a.id for a in ap.appointments_of_patient(c, dup.keep)}
        assert not ap.appointments_of_patient(c, dup.drop)
        assert dup.prescription in {p.id for p in rx.prescriptions_of_patient(c, dup.keep)}
        assert dup.certificate in {x.id for x in sl.certificates_of_patient(c, dup.keep)}
        assert dup.card in {x.id for x in patients.patient_cards(c, dup.keep)}
    with work(registrar) as c:
        assert dup.order in {o.id for o in orders.orders_of_patient(c, dup.keep)}
        assert not orders.orders_of_patient(c, dup.drop)
        assert dup.communication in {x.id for x in cm.communications_of_patient(c, dup.keep)}
        assert dup.approval in {x.id for x in ia.approvals_of_patient(c, dup.keep)}
        assert dup.booking in {b.id for b in bk.patient_bookings(c, dup.keep, upcoming_only=False)}
    with cashier.engine.connect() as c:
        assert cd.deposit_balance(c, dup.keep) == Decimal(500)
        assert cd.deposit_balance(c, dup.drop) == 0
        c.commit()

    # Later normal changes of the moved rows pass.
    with work(registrar) as c:
        comm = cm.communication(c, dup.communication)
        cm.correct_communication(c, dup.communication, comm.version, channel="phone", direction="outgoing",
                                 summary="Напомнили о приёме, подтвердила", occurred_at=comm.occurred_at)
        extra = orders.add_line(c, dup.order, dup.day.service, payer_id=dup.insurer)
        ia.link_line(c, extra, _line(c, dup.order, extra).version, dup.approval)
        ia.revoke(c, dup.approval, ia.approval(c, dup.approval).version, "Страховая отозвала")
    with work(doctor) as c:
        vr.add_diagnosis(c, dup.record, "R05", role="accompanying")
        rx.change(c, dup.prescription, rx.prescription(c, dup.prescription).version, AMOXICILLIN)
        ap.cancel(c, dup.appointment, ap.appointment(c, dup.appointment).version, "Не нужно")
        vr.sign(c, dup.record, c.scalar(text("SELECT version FROM medical_records WHERE id = :r"),
                                        {"r": dup.record}))
        sl.close(c, dup.certificate, sl.certificate(c, dup.certificate).version,
                 return_date=dup.today)
    with work(registrar) as c:
        sl.record_print(c, dup.certificate, on_blank=False)
    with cashier.engine.connect() as c:
        desk = cd.desk_by_name(c, DEMO_DESK)
        c.commit()
        devices = bench.devices()
        if not devices.registrar.status().shift_open:
            cd.open_shift(c, desk, devices)
        [info] = cd.deposits(c, dup.keep)
        assert info.operation_id == dup.deposit and info.returnable == Decimal(500)
        back = cd.return_deposit(c, desk, devices, dup.deposit, Decimal(500))
        assert back.completed
        assert cd.deposit_balance(c, dup.keep) == 0
        assert c.scalar(text("SELECT patient_id FROM cash_operations WHERE id = :o"),
                        {"o": back.operation_id}) == dup.keep
        c.commit()
    with clinic.connect() as conn:
        assert conn.execute("SELECT status FROM sick_leave_certificates WHERE id = %s",
                            (dup.certificate,)).fetchone()[0] == "closed"
        assert conn.execute("SELECT count(*) FROM sick_leave_print_events WHERE certificate_id = %s AND "
                            "patient_id = %s", (dup.certificate, dup.keep)).fetchone()[0] == 2


def _sqlstate(conn: psycopg.Connection, statement: str, params: tuple) -> str | None:
    try:
        with conn.transaction():
            conn.execute(statement, params)
    except psycopg.Error as error:
        return error.sqlstate
    return None


def test_only_the_move_of_a_merge_gets_through_the_triggers(clinic, dup, head):
    ids = {table: dup.rows()[(table, "patient_id")][0] for table, _state in GUARDED}
    with clinic.connect() as conn:
        # Before the merge the duplicate is nobody's tombstone: moving its rows is refused.
        for table, state in GUARDED:
            assert _sqlstate(conn, f"UPDATE {table} SET patient_id = %s WHERE id = %s",  # noqa: S608
                             (dup.keep, ids[table])) == state, table
    _merge(head, dup)
    with clinic.connect() as conn:
        for table, state in GUARDED:
            # To an unrelated patient, and back to the tombstone: refused.
            for target in (dup.day.other, dup.drop):
                assert _sqlstate(conn, f"UPDATE {table} SET patient_id = %s WHERE id = %s",  # noqa: S608
                                 (target, ids[table])) == state, (table, target)
        # A row left on the tombstone (written straight in the table) moves only alone: with anything else
        # changed at once the trigger refuses as before.
        with conn.transaction():
            stray = conn.execute(
                "INSERT INTO patient_communications (organization_id, patient_id, direction, channel, occurred_at, "
                "summary) VALUES (%s, %s, 'incoming', 'phone', now(), 'Позвонила') RETURNING id",
                (dup.day.org, dup.drop)).fetchone()[0]
        assert _sqlstate(conn, "UPDATE patient_communications SET patient_id = %s, summary = 'Другое' WHERE id = %s",
                         (dup.keep, stray)) == "MC081"
        assert _sqlstate(conn, "UPDATE patient_communications SET patient_id = %s WHERE id = %s",
                         (dup.keep, stray)) is None
        # The sale is finished: its client stays fixed.
        assert _sqlstate(conn, "UPDATE cash_operations SET patient_id = %s WHERE id = %s",
                         (dup.day.other, dup.sale)) == "MC040"


def _body(source: str, name: str) -> list[str]:
    start = source.index(f"FUNCTION {name}(")
    end = source.index("$$;", source.index("AS $$", start))
    return source[start:end].splitlines()


def test_the_replaced_trigger_functions_are_their_previous_bodies_with_the_merge_added():
    """0014 copies the bodies of earlier migrations' functions: any change made to them since (or to come)
    must be carried into 0014 too, or 0014 would undo it."""
    migration = importlib.import_module("migrations.versions.0014_merge_everything")
    ours = (SQL / "0014_merge_everything.sql").read_text(encoding="utf-8")
    for file, name in migration.REPLACED:
        if name == "merge_patients":
            continue
        old, new = _body((SQL / file).read_text(encoding="utf-8"), name), _body(ours, name)
        changes = [(tag, old[i1:i2], new[j1:j2])
                   for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
                   if tag != "equal"]
        for tag, removed, added in changes:
            if name == "cash_operation_guard" and tag == "replace":
                # The client of an operation joins its identity.
                assert removed == ["       OR NEW.total <> OLD.total OR NEW.organization_id <> OLD.organization_id THEN"]
                assert added[-1] == "       OR NEW.patient_id IS DISTINCT FROM OLD.patient_id THEN"
                continue
            assert tag == "insert", (name, tag, removed, added)
            assert any("0014" in line for line in added), (name, added)
