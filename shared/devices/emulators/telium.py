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
* ``delay``: seconds to wait before answering, as a customer typing the PIN.
"""

from __future__ import annotations

import os
import select
import threading
import time
from dataclasses import dataclass

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

CARD = "497010******4242"
STEP_TIMEOUT = 3.0


@dataclass
class Operation:
    transaction_type: str
    amount: int
    status: str
    transaction_id: str
    private: str
    cancelled: bool = False


class TeliumEmulator:
    def __init__(self) -> None:
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
            if self.silent_after_request:
                self.silent_after_request = False
                continue
            if self.delay:
                self._stop.wait(self.delay)
            self._answer(self._process(request), request)

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
