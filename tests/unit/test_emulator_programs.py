"""The Shtrih and Telium emulators with persistent journals, as programs of their own, and the launcher
of the demo's devices: journals survive restarts, a broken journal stops the emulator, the control
socket sets device states, ``kill_on``/``on_command`` hit exact moments, SIGTERM ends cleanly."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tty
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.devices.emulators import program
from shared.devices.emulators.journal import EmulatorStateError
from shared.devices.emulators.launch import EmulatorStartError, _read_port, start_emulators
from shared.devices.emulators.program import ControlError, send_control
from shared.devices.emulators.shtrih import JournalDocument, ShtrihEmulator, _Check
from shared.devices.emulators.telium import TeliumEmulator
from shared.devices.protocols import (
    DeviceUnavailable,
    Payment,
    PaymentType,
    Receipt,
    ReceiptItem,
    ReceiptKind,
)
from shared.devices.shtrih import commands as c
from shared.devices.shtrih.driver import ShtrihRegistrar, ShtrihSettings
from shared.devices.shtrih.frames import ACK, ENQ, NAK, command_payload, encode_frame
from shared.devices.telium import TeliumTerminal
from shared.devices.upos import UposTerminal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the emulators serve POSIX pseudo-terminals")

D = Decimal
ROOT = Path(__file__).resolve().parents[2]
NOW = dt.datetime(2025, 6, 2, 9, 30)


def visit(*payments: Payment) -> Receipt:
    items = (ReceiptItem("Приём терапевта, первичный", D(1), D("1500.00"), D("1500.00")),
             ReceiptItem("Общий анализ крови", D(2), D("250.50"), D("501.00")))
    return Receipt(ReceiptKind.SALE, items, payments or (Payment(PaymentType.CASH, D("2001.00")),),
                   customer_contact="patient@example.ru", cashier_name="Иванова И.И.")


def registrar(port: str, *, fast: bool = False) -> ShtrihRegistrar:
    if fast:  # for the exchanges meant to fail: no answer comes
        return ShtrihRegistrar(ShtrihSettings(port=port, byte_timeout=0.3, answer_timeout=0.5, retries=2))
    return ShtrihRegistrar(ShtrihSettings(port=port, byte_timeout=1.0, answer_timeout=5.0))


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


@pytest.fixture
def short_dir():
    """A directory with a short path, for UNIX sockets (their paths are limited to ~104 bytes)."""
    path = Path(tempfile.mkdtemp(prefix="emu-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def served(tmp_path):
    """Starts in-process emulators on pseudo-terminals; stops them at the end."""
    running: list = []

    def serve(emu):
        emu.path = emu.serve_pty(byte_timeout=0.3) if isinstance(emu, ShtrihEmulator) else emu.start().port
        running.append(emu)
        return emu

    yield serve
    for emu in running:
        emu.stop()


class Program:
    """An emulator program started by a test, stopped (by its pid) at the end if still running."""

    def __init__(self, module: str, *args: str | Path, log: Path) -> None:
        self.log = log
        with open(log, "ab") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", f"shared.devices.emulators.{module}", *map(str, args)],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err, env=child_env())

    def port(self) -> str:
        return _read_port(self.process, 20)

    def terminate(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)
        self.process.stdout.close()


@pytest.fixture
def programs(tmp_path):
    started: list[Program] = []

    def start(module: str, *args: str | Path) -> Program:
        started.append(Program(module, *args, log=tmp_path / f"{module}-{len(started)}.log"))
        return started[-1]

    yield start
    for proc in started:
        proc.stop()


# --- the Shtrih journal in-process -------------------------------------------------------------------


def test_the_journal_survives_a_restart(tmp_path, served):
    state = tmp_path / "kkt" / "journal.json"
    first = served(ShtrihEmulator(clock=lambda: NOW, state_path=state))
    assert json.loads(state.read_text())["documents"] == []  # a new journal is written at once
    drv = registrar(first.path)
    drv.open_shift("Иванова И.И.", "500100732259")
    drv.cash_in(D("3000"))
    sale = drv.sell(visit(Payment(PaymentType.CASH, D("1000")), Payment(PaymentType.CARD, D("1001"))))
    drv.x_report()
    before = drv.status()
    drv.close()
    first.stop()

    second = served(ShtrihEmulator(clock=lambda: NOW, state_path=state))
    assert second.documents == first.documents  # every field, items and TLVs included
    assert second.journal_state() == first.journal_state()
    assert (second.totals, second.cash_in_drawer, second.cash_ins, second.x_reports, second.kkt_document_number) \
        == ({"sale": {1: 100000, 2: 100100}, "return": {}}, 400000, 300000, 1, 2)
    drv = registrar(second.path)
    after = drv.status()
    assert (after.shift_open, after.shift_number, after.last_document_number, after.extra["receipt_number"]) == \
        (before.shift_open, before.shift_number, before.last_document_number, 1) == (True, 1, 2, 1)
    last = drv.last_document()
    assert (last.number, last.fiscal_sign, last.receipt_number, last.shift_number) == \
        (sale.number, sale.fiscal_sign, 1, 1)
    assert drv.sell(visit()).number == 3 and drv.z_report().number == 4
    drv.close()


def test_an_open_receipt_and_pending_tags_survive_a_restart(tmp_path, served):
    state = tmp_path / "journal.json"
    first = served(ShtrihEmulator(clock=lambda: NOW, state_path=state))
    drv = registrar(first.path)
    drv.open_shift()
    drv._command(c.OPEN_CHECK, bytes((c.CHECK_SALE,)))
    op = c.OperationV2(c.OPERATION_SALE, 1_000_000, 70000, 70000, 4, 1, 4, 4, "ЭКГ")
    drv._command(c.FN_OPERATION_V2, op.encode())
    drv._send_tlv(c.TAG_CUSTOMER_CONTACT, b"+79990001122")
    drv.close()
    first.stop()

    second = served(ShtrihEmulator(clock=lambda: NOW, state_path=state))
    assert second.check is not None and second.check.items == [op]
    assert second.check.tlvs == [(c.TAG_CUSTOMER_CONTACT, b"+79990001122")]
    drv = registrar(second.path)
    assert drv.status().receipt_open
    drv._command(c.FN_CLOSE_CHECK_V2, c.CloseCheck((70000,) + (0,) * 15).encode())
    assert second.documents[2].items == (op,) and second.documents[2].amount == 70000
    drv.close()


def test_an_expired_shift_is_kept_and_another_registrars_journal_refused(tmp_path):
    state = tmp_path / "journal.json"
    emu = ShtrihEmulator(clock=lambda: NOW, state_path=state)
    emu._open_shift(b"")
    emu.save()
    emu.expire_shift()  # saved too
    assert ShtrihEmulator(clock=lambda: NOW, state_path=state).shift_expired
    with pytest.raises(EmulatorStateError) as err:
        ShtrihEmulator(serial_number=1, state_path=state)
    assert str(state) in str(err.value) and "registrar 12345678" in str(err.value)


money = st.integers(0, 10**9)
small = st.integers(0, 255)
operations = st.builds(c.OperationV2, type=st.sampled_from([1, 2]), quantity=money, price=money, amount=money,
                       tax_rate=small, department=small, payment_method=small, payment_object=small,
                       name=st.text(max_size=128), tax_amount=st.integers(0, c.NOT_SET5))
tlvs = st.lists(st.tuples(st.integers(0, 65535), st.binary(max_size=64)), max_size=3).map(tuple)
moments = st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2040, 1, 1))


@st.composite
def journals(draw):
    docs = draw(st.lists(st.builds(
        JournalDocument, number=st.just(0), doc_type=st.sampled_from([2, 3, 5, 31]), at=moments,
        fiscal_sign=st.integers(0, 2**32 - 1), shift_number=st.integers(0, 9999),
        receipt_number=st.none() | st.integers(0, 9999), calc_sign=small, amount=money,
        sums=st.lists(money, max_size=16).map(tuple), tlvs=tlvs, items=st.lists(operations, max_size=3).map(tuple)),
        max_size=4))
    for number, doc in enumerate(docs, start=1):
        doc.number = number
    return docs


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=journals(), open_check=st.none() | st.lists(operations, max_size=3), pending=tlvs,
       opened=st.none() | moments, drawer=money)
def test_any_journal_round_trips(tmp_path, docs, open_check, pending, opened, drawer):
    state = tmp_path / "journal.json"
    state.unlink(missing_ok=True)
    emu = ShtrihEmulator(state_path=state)
    emu.documents = {d.number: d for d in docs}
    emu.last_document = len(docs) + 3
    emu.shift_open, emu.shift_opened_at, emu.shift_number = opened is not None, opened, 7
    emu.cash_in_drawer, emu.totals = drawer, {"sale": {1: drawer, 14: 5}, "return": {2: 1}}
    emu.pending_tlvs = list(pending)
    if open_check is not None:
        emu.check = _Check(c.CHECK_SALE_RETURN, list(open_check), list(pending))
    emu.save()
    again = ShtrihEmulator(state_path=state)
    assert again.journal_state() == emu.journal_state()
    assert again.documents == emu.documents and again.check == emu.check and again.totals == emu.totals
    assert again.pending_tlvs == emu.pending_tlvs and again.shift_opened_at == emu.shift_opened_at


@pytest.fixture
def good_journal(tmp_path) -> dict:
    emu = ShtrihEmulator(clock=lambda: NOW, state_path=tmp_path / "seed.json")
    emu._open_shift(b"")
    emu._open_check(bytes((c.CHECK_SALE,)))
    emu._operation(c.OperationV2(1, 1_000_000, 100, 100, 4, 1, 4, 4, "x").encode())
    emu._close_check(c.CloseCheck((100,) + (0,) * 15).encode())
    return emu.journal_state()


def _broken(journal: dict, kind: str) -> bytes:
    text = json.dumps(journal, indent=1).encode()
    if kind == "truncated":
        return text[: len(text) // 2]
    if kind == "empty":
        return b""
    if kind == "binary":
        return b"\x00\xff" * 10
    data = json.loads(text)
    if kind == "missing field":
        del data["receipt_number"]
    elif kind == "wrong type":
        data["shift_number"] = "1"
    elif kind == "bad hex":
        data["documents"][0]["tlvs"] = [[1021, "zz"]]
    elif kind == "bad date":
        data["documents"][0]["at"] = "yesterday"
    elif kind == "bad item":
        del data["documents"][1]["items"][0]["name"]
    elif kind == "other format":
        data["format"] = "telium-emulator"
    elif kind == "newer version":
        data["version"] = 2
    elif kind == "numbering behind":
        data["last_document"] = 1
    elif kind == "not an object":
        data = [data]
    return json.dumps(data).encode()


BROKEN = ["truncated", "empty", "binary", "missing field", "wrong type", "bad hex", "bad date", "bad item",
          "other format", "newer version", "numbering behind", "not an object"]


@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_journal_is_refused_not_reset(tmp_path, good_journal, kind):
    state = tmp_path / "journal.json"
    raw = _broken(good_journal, kind)
    state.write_bytes(raw)
    with pytest.raises(EmulatorStateError) as err:
        ShtrihEmulator(clock=lambda: NOW, state_path=state)
    assert str(state) in str(err.value) and "broken" in str(err.value)
    assert state.read_bytes() == raw  # left as it was, for whoever repairs it


def test_an_unreadable_journal_is_refused(tmp_path):
    state = tmp_path / "journal.json"
    state.mkdir()  # a directory where the file should be
    with pytest.raises(EmulatorStateError) as err:
        ShtrihEmulator(state_path=state)
    assert str(state) in str(err.value)


# --- on_command ----------------------------------------------------------------------------------------


def test_on_command_fires_before_and_after_the_journal_is_saved(tmp_path, served):
    state = tmp_path / "journal.json"
    emu = served(ShtrihEmulator(clock=lambda: NOW, state_path=state))
    drv = registrar(emu.path)
    drv.open_shift()
    seen = []
    emu.on_command = lambda cmd, phase: seen.append(
        (cmd, phase, emu.cash_in_drawer, json.loads(state.read_text())["cash_in_drawer"]))
    drv.cash_in(D("10"))
    assert seen == [(c.CASH_IN, "before", 0, 0), (c.CASH_IN, "after", 1000, 1000)]
    seen.clear()
    drv.status()
    assert [(cmd, phase) for cmd, phase, *_ in seen] == [
        (c.SHORT_STATUS, "before"), (c.SHORT_STATUS, "after"), (c.FULL_STATUS, "before"),
        (c.FULL_STATUS, "after"), (c.FN_STATUS, "before"), (c.FN_STATUS, "after"),
        (c.FN_SHIFT_PARAMS, "before"), (c.FN_SHIFT_PARAMS, "after")]
    drv.close()


@pytest.mark.parametrize(("phase", "executed"), [("before", False), ("after", True)])
def test_a_hook_that_raises_leaves_the_host_without_an_answer(served, phase, executed):
    emu = served(ShtrihEmulator(clock=lambda: NOW))
    drv = registrar(emu.path, fast=True)
    drv.open_shift()

    def hook(cmd, at):
        if cmd == c.CASH_IN and at == phase:
            raise program.RequestDropped("cut")

    emu.on_command = hook
    with pytest.raises(DeviceUnavailable):
        drv.cash_in(D("10"))
    assert emu.cash_in_drawer == (1000 if executed else 0)
    emu.on_command = None
    drv.cash_in(D("10"))  # the link goes on
    assert emu.cash_in_drawer == (2000 if executed else 1000)
    drv.close()


def test_a_stale_answer_arriving_during_the_handshake_is_dropped():
    """A client sent the closing request and died; the answer goes out just as the next client opens the
    port. Its LEN byte (21 = 0x15) looks like NAK: the driver must read the frame whole, not take it for
    'idle' and then mistake its bytes for replies."""
    emu = ShtrihEmulator(clock=lambda: NOW)
    emu.path = emu.serve_pty(byte_timeout=1.0)  # it waits 1 s for the dead client's ACK
    try:
        drv = registrar(emu.path)
        drv.open_shift()
        drv._command(c.OPEN_CHECK, bytes((c.CHECK_SALE,)))
        drv._command(c.FN_OPERATION_V2, c.OperationV2(1, 1_000_000, 70000, 70000, 4, 1, 4, 4, "ЭКГ").encode())
        drv.close()
        opened = threading.Event()
        emu.on_command = lambda cmd, phase: cmd == c.FN_CLOSE_CHECK_V2 and phase == "after" and opened.wait(5)

        fd = os.open(emu.path, os.O_RDWR | os.O_NOCTTY)  # the client that dies
        tty.setraw(fd)
        os.write(fd, bytes((ENQ,)))
        assert os.read(fd, 1) == bytes((NAK,))
        close = c.CloseCheck((70000,) + (0,) * 15).encode()
        os.write(fd, encode_frame(command_payload(c.FN_CLOSE_CHECK_V2, c.password(30) + close)))
        assert os.read(fd, 1) == bytes((ACK,))
        os.close(fd)

        drv = registrar(emu.path)
        port = drv.port  # opened (and its input flushed) before the answer goes out
        opened.set()
        deadline = time.monotonic() + 5
        while port.in_waiting < 24 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert port.in_waiting == 24  # STX, LEN 0x15, 21 bytes, LRC
        last = drv.last_document()
        assert (last.number, last.receipt_number) == (2, 1)
        assert not drv.status().receipt_open
        assert drv.sell(visit()).number == 3
        drv.close()
    finally:
        emu.stop()


# --- the Shtrih program --------------------------------------------------------------------------------


def test_the_program_serves_through_its_link_and_control_socket(tmp_path, short_dir, programs):
    state, link, control = tmp_path / "kkt" / "journal.json", tmp_path / "medcenter-kkt", short_dir / "kkt.sock"
    args = ("--state", state, "--link", link, "--control", control, "--serial-number", "555")
    emu = programs("shtrih", *args)
    assert emu.port() == str(link)
    assert os.readlink(link).startswith("/dev/")
    drv = registrar(str(link))
    assert drv.status().serial_number == "555"
    drv.open_shift("Иванова И.И.")
    sale = drv.sell(visit())
    assert sale.number == 2 and sale.receipt_number == 1

    reply = send_control(control, paper_out=True)
    assert reply["ok"] and reply["state"]["paper_out"] and reply["state"]["last_document"] == 2
    assert drv.status().paper_out
    with pytest.raises(c.PaperOut) as err:
        drv.sell(visit())
    assert "load a new roll" in str(err.value) and err.value.code == 0x6B
    assert send_control(control)["state"]["receipt_open"]  # cancelling prints too
    send_control(control, paper_out=False, cover_open=True)
    with pytest.raises(c.CoverOpen):
        drv.x_report()
    send_control(control, clear=True, force_error={"code": "0x14", "command": "0xFF45"})
    drv.cancel_receipt()
    with pytest.raises(c.FiscalDriveFull):
        drv.sell(visit())
    with pytest.raises(ControlError) as refused:
        send_control(control, paper_out="yes")
    assert "paper_out" in str(refused.value)
    with pytest.raises(ControlError) as refused:
        send_control(control, paper_out=True, printer_on_fire=True)
    assert "printer_on_fire" in str(refused.value)
    assert not send_control(control)["state"]["paper_out"]  # a refused message applies nothing
    drv.close()

    started = time.monotonic()
    assert emu.terminate() == 0
    assert time.monotonic() - started < 5
    assert not os.path.lexists(link) and not os.path.lexists(control)
    journal = json.loads(state.read_text())
    assert journal["last_document"] == 2 and journal["serial_number"] == 555

    again = programs("shtrih", *args)
    assert again.port() == str(link)
    drv = registrar(str(link))
    last = drv.last_document()
    assert (last.number, last.fiscal_sign, last.receipt_number) == (2, sale.fiscal_sign, 1)
    assert drv.status().shift_open
    drv.close()
    assert again.terminate() == 0


def test_sigint_also_ends_cleanly_and_a_stale_link_is_replaced(tmp_path, programs):
    link = tmp_path / "port"
    os.symlink("/dev/null-gone", link)  # left by an emulator that was killed
    emu = programs("shtrih", "--state", tmp_path / "j.json", "--link", link)
    assert emu.port() == str(link) and os.readlink(link) != "/dev/null-gone"
    emu.process.send_signal(signal.SIGINT)
    assert emu.process.wait(10) == 0 and not os.path.lexists(link)


def test_the_program_refuses_a_broken_journal_and_a_busy_one(tmp_path, good_journal, programs):
    state = tmp_path / "journal.json"
    raw = _broken(good_journal, "truncated")
    state.write_bytes(raw)
    broken = programs("shtrih", "--state", state, "--link", tmp_path / "port")
    assert broken.port() == "" and broken.process.wait(10) == 2
    log = broken.log.read_text()
    assert str(state) in log and "broken" in log and "Traceback" not in log
    assert state.read_bytes() == raw and not os.path.lexists(tmp_path / "port")

    state.unlink()
    first = programs("shtrih", "--state", state)
    assert first.port().startswith("/dev/")
    second = programs("shtrih", "--state", state, "--lock-timeout", "0.2")
    assert second.port() == "" and second.process.wait(10) == 2
    assert f"in use by another emulator (process {first.process.pid})" in second.log.read_text()
    assert first.terminate() == 0


def test_a_file_in_the_way_of_the_link_is_not_replaced(tmp_path, programs):
    (tmp_path / "port").write_text("settings")
    emu = programs("shtrih", "--state", tmp_path / "j.json", "--link", tmp_path / "port")
    assert emu.port() == "" and emu.process.wait(10) == 2
    assert "not a symbolic link" in emu.log.read_text()
    assert (tmp_path / "port").read_text() == "settings"


CLIENT = """
import sys
from decimal import Decimal as D
from shared.devices.protocols import Payment, PaymentType, Receipt, ReceiptItem, ReceiptKind
from shared.devices.shtrih.driver import ShtrihRegistrar, ShtrihSettings

drv = ShtrihRegistrar(ShtrihSettings(port=sys.argv[1], byte_timeout=1.0, answer_timeout=5.0))
drv.status()
print("ready", flush=True)
sys.stdin.readline()
drv.sell(Receipt(ReceiptKind.SALE, (ReceiptItem("Приём", D(1), D("1500"), D("1500")),),
                 (Payment(PaymentType.CASH, D("1500")),)))
print("sold", flush=True)
"""


@pytest.mark.parametrize(("rule", "receipt_closed"), [
    ({"command": "0xFF45", "phase": "after"}, True),
    ({"command": 0xFF45, "phase": "before"}, True),  # the registrar got the request: it closes the receipt
    ({"command": "0xFF45", "phase": "before", "drop": True}, False),  # ... unless it loses it
    ({"command": "0xFF46", "phase": "after", "skip": 0}, False),
])
def test_kill_on_kills_the_client_at_that_moment(tmp_path, short_dir, programs, rule, receipt_closed):
    control, link = short_dir / "c.sock", tmp_path / "port"
    emu = programs("shtrih", "--state", tmp_path / "journal.json", "--link", link, "--control", control)
    emu.port()
    drv = registrar(str(link))
    drv.open_shift()
    drv.close()

    client = subprocess.Popen([sys.executable, "-c", CLIENT, str(link)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(), text=True)
    try:
        assert client.stdout.readline() == "ready\n"
        assert send_control(control, kill_on={"pid": client.pid, **rule})["state"]["kill_rules"] == 1
        client.stdin.write("\n")
        client.stdin.flush()
        client.wait(20)
    finally:
        if client.poll() is None:
            client.kill()
        client.communicate()
    assert client.returncode == -signal.SIGKILL
    state = send_control(control)["state"]
    assert state["kill_rules"] == 0
    assert (state["receipt_open"], state["last_document"]) == (not receipt_closed, 2 if receipt_closed else 1)

    # the cash desk comes back: it reconciles with the journal, then goes on
    drv = registrar(str(link))
    status = drv.status()
    assert status.receipt_open is not receipt_closed
    if receipt_closed:
        last = drv.last_document()
        assert (last.number, last.receipt_number) == (2, 1)
    else:
        drv.cancel_receipt()
    assert drv.sell(visit()).number == (3 if receipt_closed else 2)
    drv.close()


def test_kill_rules_are_checked(short_dir, tmp_path, programs):
    control = short_dir / "c.sock"
    programs("shtrih", "--state", tmp_path / "j.json", "--control", control).port()
    for bad in ({"pid": 0, "phase": "after"}, {"pid": 1234, "phase": "during"},
                {"pid": 1234, "phase": "after", "drop": True}, {"pid": 1234, "phase": "after", "signal": "SIGNOPE"},
                {"pid": 1234, "phase": "after", "command": "0x1FF"}, {"pid": 1234, "phase": "after", "when": 1}):
        with pytest.raises(ControlError):
            send_control(control, kill_on=bad)
    state = send_control(control, kill_on={"pid": 1234, "phase": "after", "signal": "TERM"})["state"]
    assert state["kill_rules"] == 1
    assert send_control(control, clear=True)["state"]["kill_rules"] == 0


# --- Telium ----------------------------------------------------------------------------------------------


def test_telium_journal_survives_a_restart(tmp_path, served):
    state = tmp_path / "telium.json"
    first = served(TeliumEmulator(state_path=state))
    terminal = TeliumTerminal(first.path, byte_timeout=2.0, answer_timeout=5.0, retry_pause=0.01)
    assert terminal.purchase(D("12.50"), "order-1").rrn == "0000000001"
    terminal.cancel_last()
    first.stop()
    second = served(TeliumEmulator(state_path=state))
    assert second.journal == first.journal and second.journal[0].cancelled
    terminal = TeliumTerminal(second.path, byte_timeout=2.0, answer_timeout=5.0, retry_pause=0.01)
    assert terminal.purchase(D("3.00"), "order-2").rrn == "0000000003"


@pytest.mark.parametrize("raw", [b"{\"format\": \"telium-emulator\", \"version\": 1, \"sequence\": 1, \"jour",
                                 b'{"format": "telium-emulator", "version": 1, "sequence": 0, "journal": [{}]}'])
def test_telium_refuses_a_broken_journal(tmp_path, raw):
    state = tmp_path / "telium.json"
    state.write_bytes(raw)
    with pytest.raises(EmulatorStateError) as err:
        TeliumEmulator(state_path=state)
    assert str(state) in str(err.value) and state.read_bytes() == raw


def test_telium_program_round_trip(tmp_path, short_dir, programs):
    state, link, control = tmp_path / "telium.json", tmp_path / "tpe", short_dir / "tpe.sock"
    args = ("--state", state, "--link", link, "--control", control)
    emu = programs("telium", *args)
    assert emu.port() == str(link)
    terminal = TeliumTerminal(str(link), byte_timeout=2.0, answer_timeout=5.0, retry_pause=0.01)
    paid = terminal.purchase(D("1500.00"), "order-7")
    assert paid.approved and paid.card_mask == "****4242" and paid.rrn == "0000000001"
    assert send_control(control, decline_next=True)["state"]["decline_next"]
    declined = terminal.purchase(D("10.00"), "order-8")
    assert not declined.approved and declined.code == 7
    assert emu.terminate() == 0 and not os.path.lexists(link)

    again = programs("telium", *args)
    again.port()
    state_now = send_control(control)["state"]
    assert state_now["operations"] == 2 and state_now["last"]["status"] == "7"
    assert terminal.purchase(D("20.00"), "order-9").rrn == "0000000003"
    assert again.terminate() == 0


def test_telium_kill_on_a_purchase(tmp_path, short_dir, programs):
    control, link = short_dir / "c.sock", tmp_path / "tpe"
    programs("telium", "--state", tmp_path / "t.json", "--link", link, "--control", control).port()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        send_control(control, kill_on={"pid": sleeper.pid, "command": "purchase", "phase": "after"})
        terminal = TeliumTerminal(str(link), byte_timeout=2.0, answer_timeout=5.0, retry_pause=0.01)
        assert terminal.refund(D("1.00"), "", "r").approved  # not a purchase: nothing happens
        assert sleeper.poll() is None
        assert terminal.purchase(D("2.00"), "p").approved
        assert sleeper.wait(5) == -signal.SIGKILL
    finally:
        if sleeper.poll() is None:
            sleeper.kill()
            sleeper.wait()


# --- start_emulators -------------------------------------------------------------------------------------


def test_start_emulators_for_the_demo(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # UposTerminal runs the UPOS emulator from its directory
    directory = tmp_path / ("a-long-directory-name-" * 4)  # too long for a socket: one in /tmp instead
    with start_emulators(directory, telium=True) as devices:
        assert devices.registrar_port == str(directory / "shtrih" / "port")
        assert len(os.fsencode(devices.registrar_control_path)) <= 100
        drv = registrar(devices.registrar_port)
        drv.open_shift("Иванова И.И.")
        sale = drv.sell(visit(Payment(PaymentType.CARD, D("2001.00"))))
        card = UposTerminal(devices.upos_command, devices.upos_workdir, timeout=20).purchase(D("2001.00"), "1")
        assert card.approved and (devices.upos_workdir / "upos_emulator.json").exists()
        tpe = TeliumTerminal(devices.telium_port, byte_timeout=2.0, answer_timeout=5.0, retry_pause=0.01)
        assert tpe.purchase(D("5.00"), "2").approved
        assert devices.registrar_control(paper_out=True)["paper_out"]
        with pytest.raises(c.PaperOut):
            drv.x_report()
        drv.close()
        socket_dir = devices.registrar_control_path.parent
    assert [p.process.returncode for p in devices.processes] == [0, 0]
    assert not socket_dir.exists()
    assert not os.path.lexists(devices.registrar_port)

    with start_emulators(directory) as devices:  # the same journals
        drv = registrar(devices.registrar_port)
        assert drv.last_document().fiscal_sign == sale.fiscal_sign
        assert not drv.status().paper_out  # device states are not journal
        drv.close()


def test_start_emulators_reports_a_broken_journal(tmp_path):
    journal = tmp_path / "shtrih" / "journal.json"
    journal.parent.mkdir()
    journal.write_text("{\"format\": \"shtrih-emulator\", \"vers")
    with pytest.raises(EmulatorStartError) as err:
        start_emulators(tmp_path)
    assert str(journal) in str(err.value) and "exit status 2" in str(err.value)


def test_start_emulators_twice_on_one_directory(tmp_path):
    with start_emulators(tmp_path):
        with pytest.raises(EmulatorStartError) as err:
            start_emulators(tmp_path, shtrih_args=("--lock-timeout", "0.2"))
        assert "in use by another emulator" in str(err.value)


LAUNCHER = """
import sys, time
from shared.devices.emulators.launch import start_emulators

devices = start_emulators(sys.argv[1])
print(devices.registrar.process.pid, flush=True)
time.sleep(60)
"""


def test_emulators_stop_when_the_demo_is_killed_and_the_next_start_takes_over(tmp_path):
    launcher = subprocess.Popen([sys.executable, "-c", LAUNCHER, str(tmp_path)], stdout=subprocess.PIPE,
                                env=child_env(), text=True)
    try:
        emulator_pid = int(launcher.stdout.readline())
        drv = registrar(str(tmp_path / "shtrih" / "port"))
        drv.open_shift()
        drv.close()
        launcher.kill()
        launcher.wait(10)
    finally:
        if launcher.poll() is None:
            launcher.kill()
            launcher.wait()
        launcher.stdout.close()
    deadline = time.monotonic() + 10
    while not program._gone(emulator_pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert program._gone(emulator_pid)
    with start_emulators(tmp_path) as devices:
        drv = registrar(devices.registrar_port)
        assert drv.status().shift_open
        drv.close()
