"""An emulator of an Ingenico Telium terminal in cash register mode, for tests and demos (POSIX only).

It serves the master end of a pseudo-terminal pair (``os.openpty``) on a thread; the driver opens the
other end by its name (`TeliumEmulator.port`), exactly as it would open ``/dev/ttyACM0``::

    with TeliumEmulator() as terminal:
        driver = TeliumTerminal(terminal.port)
        driver.purchase(Decimal("100.00"), "ref")

It speaks the bytes described in `shared.devices.telium` and keeps a journal of the operations
(`journal`, newest last). Hooks, set as attributes between operations:

* ``decline_next``: refuse the next operation (status 7);
* ``garble_answers``: send that many answers with a broken LRC before a good one (a large number:
  never a good one);
* ``silent``: ignore everything, as a terminal that is off;
* ``silent_after_request``: accept the next request, then never answer it;
* ``delay``: seconds to wait before answering, as a customer typing the PIN;
* ``on_command``: a callable ``(transaction type, phase)``, called with ``"before"`` once a request is
  received (not yet processed) and ``"after"`` once it is processed and journaled (the answer not yet
  sent), e.g. to kill the cash register's process at exactly that moment. A hook that raises leaves the
  request unanswered (at "before": also unprocessed).

With ``state_path`` the journal (the operations and the transaction numbering) lives in a JSON file:
loaded at construction (a broken file raises `EmulatorStateError` naming it) and rewritten atomically
after every operation, before its answer goes out.

``python -m shared.devices.emulators.telium --state PATH [--link PATH] [--control PATH]`` runs it as a
program of its own: see `main` and `shared.devices.emulators.program`.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import select
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shared.devices.emulators import journal as j
from shared.devices.emulators import program
from shared.devices.emulators.journal import EmulatorStateError
from shared.devices.telium import (
    ACK,
    ANSWER_FULL,
    ENQ,
    EOT,
    ETX,
    NAK,
    STATUS_REFUSED,
    STATUS_SUCCESS,
    STX,
    TYPE_CANCEL,
    TYPE_PURCHASE,
    TYPE_REFUND,
    FrameError,
    TeliumRequest,
    TeliumResponse,
)

log = logging.getLogger(__name__)

CARD = "497010******4242"
STEP_TIMEOUT = 3.0
STATE_FORMAT = "telium-emulator"
STATE_VERSION = 1
TRANSACTION_TYPES = {"purchase": TYPE_PURCHASE, "refund": TYPE_REFUND, "cancel": TYPE_CANCEL}


@dataclass
class Operation:
    transaction_type: str
    amount: int
    status: str
    transaction_id: str
    private: str
    cancelled: bool = False


def _operation_in(raw: Any) -> Operation:
    names = {f.name for f in dataclasses.fields(Operation)}
    if not isinstance(raw, dict) or set(raw) != names:
        raise ValueError(f"an operation needs exactly the fields {sorted(names)}")
    for name in ("transaction_type", "status", "transaction_id", "private"):
        j.string(raw, name)
    return Operation(transaction_type=raw["transaction_type"], amount=j.integer(raw, "amount"),
                     status=raw["status"], transaction_id=raw["transaction_id"], private=raw["private"],
                     cancelled=j.boolean(raw, "cancelled"))


class TeliumEmulator:
    def __init__(self, *, state_path: str | os.PathLike | None = None) -> None:
        self.journal: list[Operation] = []
        self.requests: list[TeliumRequest] = []
        self.decline_next = False
        self.garble_answers = 0
        self.silent = False
        self.silent_after_request = False
        self.delay = 0.0
        self.port = ""
        self._master = self._slave = -1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._sequence = 0
        self.on_command: Callable[[str, str], None] | None = None
        self._lock = threading.RLock()
        self.state_path = Path(state_path) if state_path is not None else None
        if self.state_path is not None:
            data = j.read_journal(self.state_path, STATE_FORMAT, STATE_VERSION)
            if data is None:
                self.state_path.parent.mkdir(parents=True, exist_ok=True)
                self.save()
            else:
                try:
                    self._restore(data)
                except (ValueError, TypeError) as exc:
                    raise EmulatorStateError(self.state_path, str(exc)) from exc

    # the journal file

    def journal_state(self) -> dict[str, Any]:
        with self._lock:
            return {"format": STATE_FORMAT, "version": STATE_VERSION, "sequence": self._sequence,
                    "journal": [dataclasses.asdict(op) for op in self.journal]}

    def save(self) -> None:
        """Writes the journal to ``state_path`` atomically (nothing without one)."""
        if self.state_path is not None:
            with self._lock:
                j.write_journal(self.state_path, self.journal_state())

    def _restore(self, data: dict[str, Any]) -> None:
        operations = [_operation_in(raw) for raw in j.array(data, "journal")]
        sequence = j.integer(data, "sequence")
        if len(operations) > sequence:
            raise ValueError(f"{len(operations)} operations, but the numbering is at {sequence}")
        self.journal, self._sequence = operations, sequence

    # life cycle

    def start(self) -> TeliumEmulator:
        import tty

        self._master, self._slave = os.openpty()
        tty.setraw(self._master)
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        self._thread = threading.Thread(target=self._serve, name="telium-emulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        for fd in (self._master, self._slave):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._master = self._slave = -1

    def __enter__(self) -> TeliumEmulator:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # bytes

    def _read(self, timeout: float) -> int | None:
        """One byte, or None after ``timeout`` seconds (or when stopping)."""
        deadline = time.monotonic() + timeout
        while not self._stop.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self._master], [], [], min(remaining, 0.05))
            if ready:
                try:
                    data = os.read(self._master, 1)
                except OSError:  # the other end is closed for a moment
                    time.sleep(0.01)
                    continue
                if data:
                    return data[0]
        return None

    def _write(self, data: bytes) -> None:
        os.write(self._master, data)

    def _read_frame(self) -> bytes:
        data = bytearray()
        while True:
            byte = self._read(STEP_TIMEOUT)
            if byte is None:
                return bytes(data)
            if not data and byte != STX:
                continue
            data.append(byte)
            if byte == ETX or len(data) > 128:
                break
        lrc = self._read(STEP_TIMEOUT)
        if lrc is not None:
            data.append(lrc)
        return bytes(data)

    # the terminal

    def _serve(self) -> None:
        while not self._stop.is_set():
            byte = self._read(0.2)
            if byte != ENQ or self.silent:
                continue
            self._write(bytes([ACK]))
            request = self._receive_request()
            if request is None:
                continue
            try:
                self._hook(request.transaction_type, "before")
                if self.silent_after_request:
                    self.silent_after_request = False
                    continue
                if self.delay:
                    self._stop.wait(self.delay)
                with self._lock:
                    response = self._process(request)
                    self.save()
                self._hook(request.transaction_type, "after")
            except program.RequestDropped as dropped:
                log.info("Telium emulator: %s", dropped)
                continue
            except Exception:  # a hook or the journal file failed: the cash register gets no answer
                log.exception("Telium emulator: request %r failed", request)
                continue
            self._answer(response, request)

    def _hook(self, transaction_type: str, phase: str) -> None:
        if self.on_command is not None:
            self.on_command(transaction_type, phase)

    def _receive_request(self) -> TeliumRequest | None:
        for _ in range(3):
            raw = self._read_frame()
            try:
                request = TeliumRequest.decode(raw)
            except (FrameError, UnicodeDecodeError):
                if not raw:
                    return None
                self._write(bytes([NAK]))
                continue
            self._write(bytes([ACK]))
            self._read(STEP_TIMEOUT)  # EOT
            self.requests.append(request)
            return request
        return None

    def _process(self, request: TeliumRequest) -> TeliumResponse:
        self._sequence += 1
        transaction_id = f"{self._sequence:010d}"
        status = STATUS_SUCCESS
        if self.decline_next:
            self.decline_next = False
            status = STATUS_REFUSED
        elif request.transaction_type == TYPE_CANCEL:
            live = [op for op in self.journal if op.status == STATUS_SUCCESS and not op.cancelled
                    and op.transaction_type in (TYPE_PURCHASE, TYPE_REFUND)]
            if live and live[-1].amount == request.amount:
                live[-1].cancelled = True
            else:
                status = STATUS_REFUSED
        elif request.transaction_type not in (TYPE_PURCHASE, TYPE_REFUND):
            status = STATUS_REFUSED
        self.journal.append(Operation(request.transaction_type, request.amount, status, transaction_id,
                                      request.private))
        return TeliumResponse(
            pos_number=request.pos_number, status=status, amount=request.amount,
            payment_mode=request.payment_mode, currency=request.currency, private=transaction_id,
            report=CARD if request.answer_flag == ANSWER_FULL else None)

    def _answer(self, response: TeliumResponse, request: TeliumRequest) -> None:
        for _ in range(3):  # ENQ until the cash register is ready
            self._write(bytes([ENQ]))
            if self._read(STEP_TIMEOUT) == ACK:
                break
        else:
            return
        good = response.encode()
        for _ in range(3):  # the first sending and two more on NAK, as the cash register reads three
            if self.garble_answers > 0:
                self.garble_answers -= 1
                self._write(good[:-1] + bytes([good[-1] ^ 0xFF]))
            else:
                self._write(good)
            reply = self._read(STEP_TIMEOUT)
            if reply == ACK:
                self._write(bytes([EOT]))
                return
            if reply != NAK:
                return


# --- the program ---------------------------------------------------------------------------------------

CONTROL_KEYS = {"decline_next", "garble_answers", "silent", "silent_after_request", "delay", "clear"}


def transaction_type(value: Any) -> str:
    """A kill rule's command: "0"/"1"/"2" or "purchase"/"refund"/"cancel"."""
    if isinstance(value, str) and value in TRANSACTION_TYPES.values():
        return value
    if isinstance(value, str) and value.lower() in TRANSACTION_TYPES:
        return TRANSACTION_TYPES[value.lower()]
    raise ValueError(f"not a Telium transaction type: {value!r} (0, 1, 2, purchase, refund or cancel)")


def summary(emu: TeliumEmulator) -> dict[str, Any]:
    with emu._lock:
        return {"operations": len(emu.journal), "sequence": emu._sequence,
                "last": dataclasses.asdict(emu.journal[-1]) if emu.journal else None,
                "decline_next": emu.decline_next, "garble_answers": emu.garble_answers, "silent": emu.silent,
                "silent_after_request": emu.silent_after_request, "delay": emu.delay}


def control(emu: TeliumEmulator, message: dict[str, Any]) -> dict[str, Any]:
    """Applies one control message (checked whole first) and returns `summary`. Keys:
    ``decline_next``, ``silent``, ``silent_after_request`` (true/false), ``garble_answers`` (a count),
    ``delay`` (seconds), ``clear``: true (all of them off), applied before the other keys."""
    program.unknown_keys(message, CONTROL_KEYS)
    values: dict[str, Any] = {}
    for key in ("decline_next", "silent", "silent_after_request"):
        if key in message:
            values[key] = program.flag(message[key], key)
    if "garble_answers" in message:
        values["garble_answers"] = program.count(message["garble_answers"], "garble_answers")
    if "delay" in message:
        values["delay"] = program.seconds(message["delay"], "delay")
    clear = program.flag(message.get("clear", False), "clear")
    with emu._lock:
        if clear:
            emu.decline_next = emu.silent = emu.silent_after_request = False
            emu.garble_answers = 0
            emu.delay = 0.0
        for key, value in values.items():
            setattr(emu, key, value)
        return summary(emu)


def main(argv: list[str] | None = None) -> int:
    """``python -m shared.devices.emulators.telium --state PATH [--link PATH] [--control PATH]
    [--exit-with-parent] [--lock-timeout SEC]``; the control keys are `control`'s."""
    parser = program.parser("python -m shared.devices.emulators.telium",
                            "An Ingenico Telium card terminal emulator with a persistent journal, on a pseudo-terminal.")
    args = parser.parse_args(argv)

    def open_emulator(killer: program.Killer) -> program.Served:
        emu = TeliumEmulator(state_path=args.state)
        emu.on_command = killer
        emu.start()
        return program.Served(port=emu.port, stop=emu.stop, control=lambda message: control(emu, message),
                              parse_command=transaction_type)

    return program.run(args, "telium-emulator", open_emulator)


if __name__ == "__main__":
    sys.exit(main())
