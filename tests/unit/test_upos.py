"""The UPOS (Sberbank) driver against its emulator program, and the slip parser against any bytes."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.devices.emulators import upos as emulator
from shared.devices.protocols import AcquiringTerminal, CardResult, DeviceError, DeviceUnavailable
from shared.devices.upos import (
    OP_PURCHASE,
    OP_SETTLEMENT,
    UposTerminal,
    interpret,
    mask_card,
    parse_result_file,
    parse_slip,
)

EMULATOR = [sys.executable, "-m", "shared.devices.emulators.upos"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    # The emulator runs as `python -m` from the working directory: it must find the package.
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    for name in ("UPOS_EMULATOR_DECLINE", "UPOS_EMULATOR_NO_CONNECTION", "UPOS_EMULATOR_SLEEP"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


@pytest.fixture
def terminal(workdir) -> UposTerminal:
    return UposTerminal(EMULATOR, workdir, timeout=20)


def hook(workdir: Path, **hooks) -> None:
    (workdir / emulator.CONTROL_FILE).write_text(json.dumps(hooks), "utf-8")


def journal(workdir: Path) -> dict:
    return json.loads((workdir / emulator.JOURNAL_FILE).read_text("utf-8"))


def test_purchase_is_approved_with_the_slip_details(terminal, workdir):
    assert isinstance(terminal, AcquiringTerminal)
    result = terminal.purchase(Decimal("1234.50"), "order-1")
    assert result.approved and result.code == 0
    assert result.amount == Decimal("1234.50")
    assert result.rrn == journal(workdir)["transactions"][0]["rrn"] and len(result.rrn) == 12
    assert result.auth_code.isdigit() and len(result.auth_code) == 6
    assert result.card_mask == "****4242"
    assert "ОДОБРЕНО" in result.slip and "1234.50" in result.slip
    assert (workdir / "p").read_bytes().decode("cp866").strip() == result.slip.strip()


def test_refund_by_rrn_and_its_limits(terminal, workdir):
    purchase = terminal.purchase(Decimal("100.00"), "order-1")
    refund = terminal.refund(Decimal("60.00"), purchase.rrn, "order-1 return")
    assert refund.approved and refund.amount == Decimal("60.00") and refund.rrn != purchase.rrn
    assert journal(workdir)["transactions"][-1]["original_rrn"] == purchase.rrn
    with pytest.raises(DeviceError) as caught:  # more than what is left of the purchase
        terminal.refund(Decimal("50.00"), purchase.rrn, "again")
    assert caught.value.code == emulator.AMOUNT_ERROR
    with pytest.raises(DeviceError) as caught:
        terminal.refund(Decimal("1.00"), "999999999999", "unknown")
    assert caught.value.code == emulator.NOT_FOUND
    with pytest.raises(DeviceError):
        terminal.refund(Decimal("1.00"), "12; rm -rf /", "hostile")


def test_cancel_last_voids_the_last_operation(terminal, workdir):
    terminal.purchase(Decimal("10.00"), "a")
    terminal.purchase(Decimal("25.00"), "b")
    cancel = terminal.cancel_last()
    assert cancel.approved and cancel.amount == Decimal("25.00")
    transactions = journal(workdir)["transactions"]
    assert [t["cancelled"] for t in transactions[:2]] == [False, True]
    with pytest.raises(DeviceError):  # the driver forgot it: nothing it knows of is left to cancel
        terminal.cancel_last()


def test_cancel_last_after_a_restart_asks_the_terminal(workdir):
    UposTerminal(EMULATOR, workdir, timeout=20).purchase(Decimal("7.00"), "a")
    fresh = UposTerminal(EMULATOR, workdir, timeout=20)
    last = fresh.last_transaction()
    assert last is not None and last.approved and last.amount == Decimal("7.00") and last.rrn
    assert fresh.cancel_last().approved
    assert journal(workdir)["transactions"][0]["cancelled"]


def test_settlement_totals_and_a_new_day(terminal, workdir):
    first = terminal.purchase(Decimal("100.00"), "a")
    terminal.purchase(Decimal("50.00"), "b")
    terminal.cancel_last()
    terminal.refund(Decimal("30.00"), first.rrn, "c")
    terminal.purchase(Decimal("5.00"), "d")
    result = terminal.settlement()
    assert result.approved and result.amount == Decimal("75.00")  # 100 + 5 - 30; the 50 was cancelled
    assert "Итоги совпали" in result.slip and "105.00" in result.slip and "30.00" in result.slip
    assert journal(workdir)["day"] == 2
    assert terminal.settlement().amount == Decimal("0.00")


def test_decline_and_customer_cancel_are_results_not_errors(terminal, workdir):
    hook(workdir, decline=True)
    declined = terminal.purchase(Decimal("10.00"), "a")
    assert not declined.approved and declined.code == emulator.INSUFFICIENT_FUNDS
    assert declined.rrn == "" and "ОТКАЗ" in declined.message and "ОТКАЗ" in declined.slip
    hook(workdir, cancel_by_customer=True)
    cancelled = terminal.purchase(Decimal("10.00"), "b")
    assert not cancelled.approved and cancelled.code == emulator.CUSTOMER_CANCELLED
    assert terminal.purchase(Decimal("10.00"), "c").approved  # hooks are one-shot


def test_decline_by_environment(terminal, monkeypatch):
    monkeypatch.setenv("UPOS_EMULATOR_DECLINE", "1")
    assert not terminal.purchase(Decimal("1.00"), "a").approved


def test_no_connection_with_the_bank(terminal, workdir):
    hook(workdir, no_connection=True)
    with pytest.raises(DeviceError) as caught:
        terminal.purchase(Decimal("10.00"), "a")
    assert not isinstance(caught.value, DeviceUnavailable)
    assert caught.value.code == emulator.NO_CONNECTION
    assert "no connection with the bank" in str(caught.value) and "Нет связи" in str(caught.value)


def test_exit_status_alone_tells_the_result(terminal, workdir):
    hook(workdir, code=99, text="Сбой пинпада", write_e=False)
    with pytest.raises(DeviceError) as caught:
        terminal.purchase(Decimal("10.00"), "a")
    assert caught.value.code == 99


def test_program_missing(workdir):
    missing = UposTerminal(workdir / "sb_pilot", timeout=5)
    with pytest.raises(DeviceUnavailable) as caught:
        missing.purchase(Decimal("1.00"), "a")
    assert "sb_pilot" in str(caught.value)
    with pytest.raises(DeviceUnavailable):
        UposTerminal(EMULATOR, workdir / "no such directory", timeout=5).settlement()


def test_timeout_stops_the_program(workdir):
    hook(workdir, sleep=30)
    slow = UposTerminal(EMULATOR, workdir, timeout=1.5)
    with pytest.raises(DeviceUnavailable) as caught:
        slow.purchase(Decimal("1.00"), "a")
    assert "1.5 seconds" in str(caught.value)


def test_invalid_amounts_never_reach_the_terminal(terminal, workdir):
    for amount in (Decimal(0), Decimal("-1"), Decimal("0.001"), Decimal("NaN"), Decimal("1e20")):
        with pytest.raises(DeviceError):
            terminal.purchase(amount, "a")
    assert not (workdir / emulator.JOURNAL_FILE).exists()


# --- parsing -----------------------------------------------------------------------------------------

REAL_LIKE_SLIP = """\
        ПАО СБЕРБАНК
Т: 10293847        М:780000012345
ОПЛАТА                    Чек 0042
17.01.24                  12:34:56
Карта:(E4)        ************1234
Visa             A0000000031010
Сумма (Руб):              1 234,56
Комиссия за операцию - 0 Руб.
              ОДОБРЕНО
К/А: 0A12B3        RRN: 401712345678
Подпись клиента не требуется
""".encode("cp866")


def test_parser_reads_a_slip_of_another_layout():
    info = parse_slip(REAL_LIKE_SLIP)
    assert info.approved and not info.declined
    assert info.card_mask == "****1234"
    assert info.amount == Decimal("1234.56")
    assert info.auth_code == "0A12B3"
    assert info.rrn == "401712345678"
    assert info.status == "ОДОБРЕНО"


def test_result_file_fields():
    data = "0,ОДОБРЕНО\n427683******1234\n12/27\n123456\n17\nVISA\n0\n10293847\n17.01.24 12:34\n401712345678\n"
    parsed = parse_result_file(data.encode("cp866"))
    assert (parsed.code, parsed.text, parsed.card_mask) == (0, "ОДОБРЕНО", "****1234")
    assert (parsed.auth_code, parsed.rrn) == ("123456", "401712345678")
    assert parse_result_file(b"").code is None
    assert parse_result_file(b"garbage without a code").code is None


def test_mask_card():
    assert mask_card("4276 **** **** 1234") == "****1234"
    assert mask_card("427683******1234 ") == "****1234"
    assert mask_card("no card") == ""


HOSTILE_PIECES = [
    "Сумма (Руб):", "ИТОГО:", "RRN:", "Номер ссылки:", "Код авторизации:", "К/А:", "Карта:", "ОДОБРЕНО",
    "ОТКАЗ", "Итоги совпали", "99999999999999999999.99", "1e999", "NaN", "0,00", "**** **** ****", "\x00",
    "\r", "\n", ",", "-", "0", "1234", "٣٤", "ё" * 50,
]

cp866_bytes = st.one_of(
    st.binary(max_size=2048),
    st.lists(st.sampled_from(HOSTILE_PIECES) | st.text(max_size=20), max_size=60).map(
        lambda parts: "".join(parts).encode("cp866", errors="replace")),
)


@settings(max_examples=300, deadline=None)
@given(slip=cp866_bytes, result=cp866_bytes, stdout=st.binary(max_size=200), returncode=st.integers(-300, 70000),
       operation=st.sampled_from([OP_PURCHASE, OP_SETTLEMENT]))
def test_any_bytes_give_a_result_or_a_clean_error(slip, result, stdout, returncode, operation):
    parse_slip(slip)
    parse_slip(slip, encoding="koi8-r")
    parse_result_file(result, encoding="no-such-encoding")
    try:
        outcome = interpret(operation, Decimal("10.00"), returncode, stdout, slip, result)
    except DeviceError as exc:
        assert str(exc)  # renders: every placeholder has its value
    else:
        assert isinstance(outcome, CardResult)
        assert outcome.amount.is_finite()
        assert outcome.card_mask == "" or (outcome.card_mask.startswith("****") and len(outcome.card_mask) == 8)
        if not outcome.approved:
            assert outcome.rrn == "" and outcome.auth_code == ""
