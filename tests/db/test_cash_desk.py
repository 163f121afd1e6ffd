"""The cash desk on PostgreSQL with the real drivers against the emulated registrar and terminal: cash,
card and mixed payments, change, electronic receipts, idempotent retries, a race of two desks for one
line, declines, refunds to the same method, shifts and device faults, and reconciliation after an
operation cut short at every step -- the database, the registrar and the terminal always agree."""

from __future__ import annotations

import threading
import uuid
from contextlib import contextmanager
from decimal import Decimal

import pytest
from sqlalchemy import text

from medcenter_desktop.login_service import log_in
from shared.demo.cash import DEMO_DESK
from shared.demo.generator import DEMO_PASSWORD
from shared.services import cash_desk as cd
from shared.services import orders
from tests.db.cash_helpers import database_totals, emulated_desk


@contextmanager
def connection(session):
    with session.engine.connect() as conn:
        yield conn


@pytest.fixture
def bench(tmp_path):
    with emulated_desk(tmp_path) as bench:
        yield bench


@pytest.fixture
def conn(cashier):
    with connection(cashier) as conn:
        yield conn


@pytest.fixture
def desk(conn):
    desk = cd.desk_by_name(conn, DEMO_DESK)
    conn.commit()
    return desk


def _patients_with_lines(conn) -> list[int]:
    rows = conn.scalars(text(
        "SELECT DISTINCT o.patient_id FROM orders o JOIN order_lines l ON l.order_id = o.id "
        "WHERE o.note = 'Демо: оплата в кассе' AND l.status = 'ordered' ORDER BY 1")).all()
    conn.commit()
    return list(rows)


def _lines(conn, patient: int) -> list[cd.PayableLine]:
    lines = cd.payable_lines(conn, patient_id=patient)
    conn.commit()
    assert lines
    return lines


def _open(conn, desk, devices) -> None:
    if not devices.registrar.status().shift_open:
        cd.open_shift(conn, desk, devices)


def _pay(conn, desk, devices, lines, *, cash=None, card=Decimal(0), given=None, contact="", key=None):
    total = sum((line.amount for line in lines), Decimal(0))
    cash = total - card if cash is None else cash
    return cd.pay(conn, desk, devices, cd.PaymentRequest(
        key=key or uuid.uuid4(), order_line_ids=tuple(line.order_line_id for line in lines), cash=cash, card=card,
        cash_given=given, customer_contact=contact))


def _status(conn, line_id: int) -> tuple[str, int | None]:
    row = conn.execute(text("SELECT status, cash_operation_id FROM order_lines WHERE id = :id"), {"id": line_id}).one()
    conn.commit()
    return row.status, row.cash_operation_id


def _agree(conn, desk, bench) -> None:
    db = database_totals(conn, desk.id)
    conn.commit()
    assert db == bench.registrar_totals()
    assert db["card"] == bench.terminal_net()


def test_cash_payment_with_change_and_electronic_receipt(conn, desk, bench):
    devices = bench.devices()
    _open(conn, desk, devices)
    patient = _patients_with_lines(conn)[0]
    lines = _lines(conn, patient)
    total = sum((line.amount for line in lines), Decimal(0))
    result = _pay(conn, desk, devices, lines, given=total + Decimal("150.00"), contact="8 (916) 000-00-01")
    assert result.completed and result.change == Decimal("150.00")
    assert result.fiscal_document == bench.emulator.last_document
    doc = bench.emulator.documents[result.fiscal_document]
    assert doc.amount == int(total * 100)
    assert (1008, "+79160000001".encode("cp1251")) in [(t, v) for t, v in doc.tlvs]
    for line in lines:
        assert _status(conn, line.order_line_id) == ("paid", result.operation_id)
    assert cd.payable_lines(conn, patient_id=patient) == []
    steps = conn.scalars(text("SELECT step FROM cash_operation_steps WHERE operation_id = :o ORDER BY id"),
                         {"o": result.operation_id}).all()
    assert steps == ["intent", "fiscal_request", "fiscal_done"]
    _agree(conn, desk, bench)


def test_mixed_payment_takes_the_card_first_and_prints_one_receipt(conn, desk, bench):
    devices = bench.devices()
    _open(conn, desk, devices)
    lines = _lines(conn, _patients_with_lines(conn)[1])
    total = sum((line.amount for line in lines), Decimal(0))
    card = (total / 2).quantize(Decimal("0.01"))
    result = _pay(conn, desk, devices, lines, card=card)
    assert result.completed and result.card_amount == card and result.cash_amount == total - card
    assert result.card_rrn and "ОДОБРЕНО" in result.card_slip.upper()
    assert bench.emulator.documents[result.fiscal_document].sums[:2] == (int((total - card) * 100), int(card * 100))
    _agree(conn, desk, bench)


def test_a_retry_with_the_same_key_does_nothing_twice(conn, desk, bench):
    devices = bench.devices()
    _open(conn, desk, devices)
    lines = _lines(conn, _patients_with_lines(conn)[2])
    key = uuid.uuid4()
    first = _pay(conn, desk, devices, lines, key=key)
    documents = bench.emulator.last_document
    again = _pay(conn, desk, devices, lines, key=key)
    assert again.repeated and again.operation_id == first.operation_id
    assert bench.emulator.last_document == documents
    _agree(conn, desk, bench)


def test_two_desks_racing_for_one_line_take_money_once(cashier, clinic, desk, bench, tmp_path):
    admin = log_in(clinic.settings("ADM-01"), "admin", DEMO_PASSWORD)
    try:
        with admin.engine.connect() as ac:
            cd.create_desk(ac, desk.organization_id, "Касса 2")
            ac.commit()
    finally:
        admin.close()
    second_dir = tmp_path / "second"
    second_dir.mkdir()
    with emulated_desk(second_dir) as second_bench, connection(cashier) as conn:
        second = cd.desk_by_name(conn, "Касса 2")
        benches = {desk.id: bench, second.id: second_bench}
        for d, b in ((desk, bench), (second, second_bench)):
            _open(conn, d, b.devices())
        lines = _lines(conn, _patients_with_lines(conn)[3])
        outcomes: list[object] = []
        barrier = threading.Barrier(2)

        def attempt(at):
            devices = benches[at.id].devices()
            with connection(cashier) as c:
                barrier.wait()
                try:
                    outcomes.append(_pay(c, at, devices, lines))
                except cd.CashRefused as exc:
                    outcomes.append(exc)

        threads = [threading.Thread(target=attempt, args=(d,)) for d in (desk, second)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        done = [o for o in outcomes if isinstance(o, cd.OperationResult)]
        refused = [o for o in outcomes if isinstance(o, cd.CashRefused)]
        assert len(done) == 1 and len(refused) == 1
        assert refused[0].message == cd.LINES_TAKEN
        receipts = sum(1 for b in benches.values() for d in b.emulator.documents.values()
                       if d.receipt_number is not None)
        assert receipts == 1
        for d, b in ((desk, bench), (second, second_bench)):
            _agree(conn, d, b)


def test_a_declined_card_leaves_nothing_to_undo(conn, desk, bench):
    devices = bench.devices()
    _open(conn, desk, devices)
    lines = _lines(conn, _patients_with_lines(conn)[4])
    documents = bench.emulator.last_document
    bench.hook_terminal(decline=True)
    total = sum((line.amount for line in lines), Decimal(0))
    with pytest.raises(cd.CashRefused) as refused:
        _pay(conn, desk, devices, lines, card=total)
    assert refused.value.message == cd.CARD_DECLINED
    assert bench.emulator.last_document == documents
    assert all(_status(conn, line.order_line_id) == ("ordered", None) for line in lines)
    state = conn.scalar(text("SELECT state FROM cash_operations ORDER BY id DESC LIMIT 1"))
    conn.commit()
    assert state == "failed"
    # The client pays cash instead.
    assert _pay(conn, desk, devices, lines).completed
    _agree(conn, desk, bench)


def test_refund_goes_back_to_the_card_first_and_frees_the_lines(conn, desk, bench):
    devices = bench.devices()
    _open(conn, desk, devices)
    cd.cash_in(conn, desk, devices, "5000")
    patient = _patients_with_lines(conn)[0]
    lines = _lines(conn, patient)
    total = sum((line.amount for line in lines), Decimal(0))
    card = Decimal("100.00") if total > 100 else total
    sale = _pay(conn, desk, devices, lines, card=card)
    [paid] = cd.refundable_sales(conn, patient)
    conn.commit()
    assert paid.operation_id == sale.operation_id and paid.card_left == card
    back = cd.refund(conn, desk, devices, sale.operation_id, [lines[0].order_line_id], uuid.uuid4())
    assert back.completed and back.total == lines[0].amount
    assert back.card_amount == min(card, lines[0].amount)
    assert _status(conn, lines[0].order_line_id)[0] in ("ordered", "booked")
    assert _status(conn, lines[0].order_line_id)[1] is None
    assert bench.emulator.documents[back.fiscal_document].calc_sign == 2  # return of sale
    # Refunding the same line again is refused; the rest of the sale still can be.
    with pytest.raises(cd.CashRefused):
        cd.refund(conn, desk, devices, sale.operation_id, [lines[0].order_line_id], uuid.uuid4())
    _agree(conn, desk, bench)


def test_a_paid_line_cannot_be_cancelled_by_the_registry_before_a_refund(registrar, conn, desk, bench):
    devices = bench.devices()
    _open(conn, desk, devices)
    lines = _lines(conn, _patients_with_lines(conn)[1])
    _pay(conn, desk, devices, lines[:1])
    with registrar.engine.connect() as rc:
        version = rc.scalar(text("SELECT version FROM order_lines WHERE id = :id"), {"id": lines[0].order_line_id})
        with pytest.raises(orders.OrderRefused) as refused:
            orders.cancel_line(rc, lines[0].order_line_id, version, "передумал")
        assert refused.value.message == orders.LINE_AT_CASH_DESK
        rc.rollback()
        # The database refuses it whoever writes.
        with pytest.raises(Exception, match="order_line_held_by_cash"):
            rc.execute(text("UPDATE order_lines SET status = 'cancelled', cancel_reason = 'x' WHERE id = :id"),
                       {"id": lines[0].order_line_id})


def test_bad_input_is_refused_before_anything_is_journaled(conn, desk, bench):
    devices = bench.devices()
    lines = _lines(conn, _patients_with_lines(conn)[2])
    total = sum((line.amount for line in lines), Decimal(0))
    count = lambda: conn.scalar(text("SELECT count(*) FROM cash_operations"))  # noqa: E731
    before = count()
    conn.commit()
    with pytest.raises(cd.CashRefused) as refused:
        _pay(conn, desk, devices, lines)
    assert refused.value.message == cd.SHIFT_CLOSED
    _open(conn, desk, devices)
    cases = [
        (dict(cash=total + 1), cd.SPLIT_MISMATCH),
        (dict(given=total - 1), cd.NOT_ENOUGH_CASH),
        (dict(contact="not a phone"), cd.BAD_CONTACT),
        (dict(cash="12,3,4"), cd.BAD_AMOUNT),
        (dict(cash=Decimal("-1")), cd.BAD_AMOUNT),
        (dict(cash=Decimal("NaN")), cd.BAD_AMOUNT),
    ]
    for kwargs, message in cases:
        with pytest.raises(cd.CashRefused) as refused:
            _pay(conn, desk, devices, lines, **kwargs)
        assert refused.value.message == message, kwargs
    with pytest.raises(cd.CashRefused) as refused:
        cd.pay(conn, desk, devices, cd.PaymentRequest(uuid.uuid4(), (), Decimal(0), Decimal(0)))
    assert refused.value.message == cd.NOTHING_TO_PAY
    with pytest.raises(cd.CashRefused) as refused:
        cd.pay(conn, desk, devices, cd.PaymentRequest(uuid.uuid4(), (-5,), Decimal(0), Decimal(0)))
    assert refused.value.message == cd.LINES_TAKEN
    bench.emulator.paper_out = True
    with pytest.raises(cd.CashRefused) as refused:
        _pay(conn, desk, devices, lines)
    assert refused.value.message == cd.PAPER_OUT
    bench.emulator.paper_out = False
    assert count() == before + 1  # only the shift's opening
    conn.commit()
    bench.emulator.expire_shift()
    with pytest.raises(cd.CashRefused) as refused:
        _pay(conn, desk, devices, lines)
    assert refused.value.message == cd.SHIFT_EXPIRED
    z = cd.close_shift(conn, desk, devices)
    assert z.completed
    _open(conn, desk, devices)
    assert _pay(conn, desk, devices, lines).completed


def test_shift_cash_in_out_and_summary(conn, desk, bench):
    devices = bench.devices()
    opened = cd.open_shift(conn, desk, devices)
    assert opened.completed
    with pytest.raises(cd.CashRefused) as refused:
        cd.open_shift(conn, desk, devices)
    assert refused.value.message == cd.SHIFT_ALREADY_OPEN
    cd.cash_in(conn, desk, devices, "1 000,00")
    with pytest.raises(cd.CashRefused) as refused:
        cd.cash_out(conn, desk, devices, "5000")
    assert refused.value.message == cd.NO_CASH
    cd.cash_out(conn, desk, devices, "300")
    lines = _lines(conn, _patients_with_lines(conn)[0])
    sale = _pay(conn, desk, devices, lines)
    summary = cd.shift_summary(conn, desk)
    assert summary.shift_number == bench.emulator.shift_number
    assert summary.sales == sale.total and summary.receipts == 1
    assert summary.drawer == Decimal("700.00") + sale.total
    assert Decimal(bench.emulator.cash_in_drawer) / 100 == summary.drawer
    cd.x_report(conn, desk, devices)
    z = cd.close_shift(conn, desk, devices)
    assert z.completed and not bench.emulator.shift_open
    closed = conn.execute(text("SELECT closed_at, z_document FROM cash_shifts ORDER BY id DESC LIMIT 1")).one()
    conn.commit()
    assert closed.closed_at is not None and closed.z_document == z.fiscal_document
    history = cd.day_history(conn, desk, closed.closed_at.date())
    assert [h.kind for h in history][-6:] == ["open_shift", "cash_in", "cash_out", "sale", "x_report", "z_report"]


class Crash(BaseException):
    """Stands for the process dying at a checkpoint (the drivers and the connection are abandoned)."""


@pytest.mark.parametrize("point", cd.CHECKPOINTS)
@pytest.mark.parametrize("with_card", [True, False])
def test_cut_short_at_every_step_then_reconciled(cashier, desk, bench, point, with_card, monkeypatch):
    devices = bench.devices()
    with connection(cashier) as conn:
        _open(conn, desk, devices)
        lines = _lines(conn, _patients_with_lines(conn)[0])
    total = sum((line.amount for line in lines), Decimal(0))

    def die(name):
        if name == point:
            raise Crash(name)

    monkeypatch.setattr(cd, "checkpoint", die)
    crashed = False
    with connection(cashier) as conn:
        try:
            _pay(conn, desk, devices, lines, card=total if with_card else Decimal(0))
        except Crash:
            crashed = True
    if point.startswith("card") and not with_card:
        assert not crashed
    monkeypatch.setattr(cd, "checkpoint", cd._no_checkpoint)
    # "Restart": new drivers, new connection, reconcile.
    devices = bench.devices()
    with connection(cashier) as conn:
        left = cd.reconcile(conn, desk, devices)
        for op in left:
            assert op.choices == (cd.CHOICE_RECEIPT, cd.CHOICE_VOID)
            if with_card and not op.card_charged:
                # The cashier reads the terminal's last slip: charged (give its RRN) or not.
                charged = [t for t in bench.terminal_journal()["transactions"] if t["kind"] == "purchase"
                           and not t.get("declined")]
                if charged:
                    cd.resolve(conn, desk, devices, op.operation_id, cd.CHOICE_RECEIPT, rrn=charged[-1]["rrn"])
                else:
                    cd.resolve(conn, desk, devices, op.operation_id, cd.CHOICE_VOID)
                continue
            cd.resolve(conn, desk, devices, op.operation_id, cd.CHOICE_RECEIPT)
        assert cd.unfinished(conn, desk) == []
        states = conn.scalars(text("SELECT state FROM cash_operations WHERE kind = 'sale'")).all()
        conn.commit()
        assert len(states) == 1 and states[0] in ("completed", "voided")
        paid = all(_status(conn, line.order_line_id)[0] == "paid" for line in lines)
        free = all(_status(conn, line.order_line_id) == ("ordered", None) for line in lines)
        assert paid == (states[0] == "completed") and free == (states[0] == "voided")
        _agree(conn, desk, bench)
        receipts = [d for d in bench.emulator.documents.values() if d.receipt_number is not None]
        assert len(receipts) == (1 if states[0] == "completed" else 0)


def test_a_deposit_is_taken_spent_refunded_into_and_returned(conn, desk, bench):
    devices = bench.devices()
    _open(conn, desk, devices)
    patient = _patients_with_lines(conn)[0]
    lines = _lines(conn, patient)
    total = sum((line.amount for line in lines), Decimal(0))
    with pytest.raises(cd.CashRefused) as refused:
        cd.take_deposit(conn, desk, devices, patient)
    assert refused.value.message == cd.DEPOSIT_POSITIVE
    advance = cd.take_deposit(conn, desk, devices, patient, cash=total, card="2000", cash_given=total + 100)
    assert advance.completed and advance.change == Decimal(100)
    doc = bench.emulator.documents[advance.fiscal_document]
    assert [(i.payment_method, i.payment_object) for i in doc.items] == [(3, 10)]  # an advance, a payment
    assert cd.deposit_balance(conn, patient) == total + 2000
    # Too much from the deposit is refused; the services are paid from it.
    with pytest.raises(cd.CashRefused) as refused:
        cd.pay(conn, desk, devices, cd.PaymentRequest(uuid.uuid4(), tuple(line.order_line_id for line in lines),
                                                      Decimal(0), Decimal(0), deposit=total + 1))
    assert refused.value.message == cd.SPLIT_MISMATCH
    sale = cd.pay(conn, desk, devices, cd.PaymentRequest(uuid.uuid4(), tuple(line.order_line_id for line in lines),
                                                         Decimal(0), Decimal(0), deposit=total))
    assert sale.completed
    assert bench.emulator.documents[sale.fiscal_document].sums[13] == int(total * 100)  # offset of the advance
    assert cd.deposit_balance(conn, patient) == Decimal(2000)
    # A refund of a line paid from the deposit goes back to the deposit.
    back = cd.refund(conn, desk, devices, sale.operation_id, [lines[0].order_line_id], uuid.uuid4())
    assert back.completed and back.cash_amount == 0 and back.card_amount == 0
    assert cd.deposit_balance(conn, patient) == 2000 + lines[0].amount
    # The unspent advance goes back: to the card it came from first, then cash.
    [info] = cd.deposits(conn, patient)
    assert info.returnable == 2000 + lines[0].amount
    with pytest.raises(cd.CashRefused) as refused:
        cd.return_deposit(conn, desk, devices, info.operation_id, info.returnable + 1)
    assert refused.value.message == cd.DEPOSIT_SHORT
    returned = cd.return_deposit(conn, desk, devices, info.operation_id, info.returnable)
    assert returned.completed and returned.card_amount == 2000 and returned.cash_amount == lines[0].amount
    assert cd.deposit_balance(conn, patient) == 0
    _agree(conn, desk, bench)


def test_paper_running_out_in_the_receipt(conn, desk, bench):
    from shared.devices.shtrih import commands as c

    devices = bench.devices()
    _open(conn, desk, devices)
    patients = _patients_with_lines(conn)
    # Cash: the receipt is cancelled, nothing was taken, the lines are free; the message names the fix.
    lines = _lines(conn, patients[1])
    bench.emulator.force_error(0x6B, c.FN_CLOSE_CHECK_V2)
    with pytest.raises(cd.DeviceError) as failed:
        _pay(conn, desk, devices, lines)
    assert "paper" in str(failed.value).lower()
    assert all(_status(conn, line.order_line_id) == ("ordered", None) for line in lines)
    assert bench.emulator.check is None
    # Card: the card is already charged, so the cashier loads paper and prints the receipt.
    lines = _lines(conn, patients[2])
    total = sum((line.amount for line in lines), Decimal(0))
    bench.emulator.force_error(0x6B, c.FN_CLOSE_CHECK_V2)
    result = _pay(conn, desk, devices, lines, card=total)
    assert result.state == "attention" and result.message == cd.ATTENTION_DEVICE
    [waiting] = cd.unfinished(conn, desk)
    assert waiting.card_charged and waiting.choices == (cd.CHOICE_RECEIPT, cd.CHOICE_VOID)
    with pytest.raises(cd.CashRefused) as refused:  # a new payment waits for this one
        _pay(conn, desk, devices, _lines(conn, patients[3]))
    assert refused.value.message == cd.UNFINISHED
    done = cd.resolve(conn, desk, devices, waiting.operation_id, cd.CHOICE_RECEIPT)
    assert done.completed
    assert all(_status(conn, line.order_line_id)[0] == "paid" for line in lines)
    _agree(conn, desk, bench)


def test_the_cashier_may_undo_a_card_payment_left_without_a_receipt(conn, desk, bench):
    from shared.devices.shtrih import commands as c

    devices = bench.devices()
    _open(conn, desk, devices)
    lines = _lines(conn, _patients_with_lines(conn)[4])
    total = sum((line.amount for line in lines), Decimal(0))
    bench.emulator.force_error(0x6B, c.FN_CLOSE_CHECK_V2)
    result = _pay(conn, desk, devices, lines, card=total)
    assert result.state == "attention"
    undone = cd.resolve(conn, desk, devices, result.operation_id, cd.CHOICE_VOID)
    assert undone.state == "voided"
    assert bench.terminal_net() == 0  # the card money went back
    assert all(_status(conn, line.order_line_id) == ("ordered", None) for line in lines)
    with pytest.raises(cd.CashRefused) as refused:
        cd.resolve(conn, desk, devices, result.operation_id, cd.CHOICE_RECEIPT)
    assert refused.value.message == cd.OPERATION_FINISHED
    _agree(conn, desk, bench)


def test_one_workstation_at_a_desk(cashier, desk, bench):
    devices = bench.devices()
    with connection(cashier) as first, connection(cashier) as second:
        first.scalar(text("SELECT pg_advisory_lock(hashtext('medcenter.desk'), :d)"), {"d": desk.id})
        first.commit()
        with pytest.raises(cd.CashRefused) as refused:
            cd.reconcile(second, desk, devices)
        assert refused.value.message == cd.DESK_BUSY
        first.scalar(text("SELECT pg_advisory_unlock(hashtext('medcenter.desk'), :d)"), {"d": desk.id})
        first.commit()
        assert cd.reconcile(second, desk, devices) == []
        # Released after the operation: the other connection can take it.
        assert first.scalar(text("SELECT pg_try_advisory_lock(hashtext('medcenter.desk'), :d)"), {"d": desk.id})


def test_a_desk_takes_money_only_for_its_organization(conn, desk, bench):
    devices = bench.devices()
    _open(conn, desk, devices)
    lines = _lines(conn, _patients_with_lines(conn)[0])
    elsewhere = cd.Desk(desk.id, desk.organization_id + 1000, desk.name, desk.registrar_serial, desk.okpo)
    with pytest.raises(cd.CashRefused) as refused:
        _pay(conn, elsewhere, devices, lines)
    assert refused.value.message == cd.LINES_TAKEN
    with pytest.raises(cd.CashRefused):
        cd.desk_by_name(conn, desk.name, desk.organization_id + 1000)
