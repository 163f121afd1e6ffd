"""An emulator of a Shtrih-M fiscal registrar with a fiscal drive, speaking the same bytes.

`ShtrihEmulator.handle` executes one request payload and returns the answer payload (in-process unit
tests); `ShtrihEmulator.serve_pty` runs the link layer (ENQ/ACK/NAK, frames, resends) on a thread on
the master side of a pseudo-terminal pair and returns the slave's path, which a driver opens like a COM
port. It keeps a fiscal journal (shifts, receipts, fiscal documents with deterministic fiscal signs,
totals by payment type, cash in the drawer) and lets tests set paper-out and cover-open states, force
error codes and disturb the link (NAKs, corrupted answers, silence).

With ``state_path`` the journal lives in a JSON file: loaded at construction (a broken file raises
`EmulatorStateError` naming it, never a silent new journal) and rewritten atomically after every
command that changed it, before the answer goes out; so the emulator can be stopped or killed and
started again with the same shift, numbering and documents. ``on_command(cmd, phase)``, when set, is
called with phase ``"before"`` (request received, not executed) and ``"after"`` (executed and saved,
answer not yet sent), e.g. to kill the client at exactly that moment. Over the pty, a hook that
raises at "before" drops the request unexecuted, at "after" leaves it executed: either way unanswered.

``python -m shared.devices.emulators.shtrih --state PATH [--link PATH] [--control PATH]`` runs it as a
program of its own on a pseudo-terminal: see `main` and `shared.devices.emulators.program`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import os
import select
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shared.devices.emulators import journal as j
from shared.devices.emulators import program
from shared.devices.emulators.journal import EmulatorStateError
from shared.devices.shtrih import commands as c
from shared.devices.shtrih.frames import (
    ACK,
    ENQ,
    NAK,
    STX,
    FrameError,
    command_payload,
    decode_frame,
    encode_frame,
    split_payload,
)

log = logging.getLogger(__name__)

ADMIN_PASSWORDS = frozenset({30, 29})
PRINTING = frozenset({c.OPEN_SHIFT, c.FN_CLOSE_CHECK_V2, c.CANCEL_CHECK, c.CASH_IN, c.CASH_OUT, c.X_REPORT,
                      c.Z_REPORT, c.FN_CORRECTION_V2})
# Commands that never change the journal (everything else that succeeds is saved)
READ_ONLY = frozenset({c.SHORT_STATUS, c.FULL_STATUS, c.FN_STATUS, c.FN_SHIFT_PARAMS, c.FN_FIND_DOCUMENT,
                       c.CONTINUE_PRINT})

STATE_FORMAT = "shtrih-emulator"
STATE_VERSION = 1


@dataclass
class JournalDocument:
    number: int
    doc_type: int
    at: dt.datetime
    fiscal_sign: int
    shift_number: int
    receipt_number: int | None = None
    calc_sign: int = 0
    amount: int = 0
    sums: tuple[int, ...] = ()
    tlvs: tuple[tuple[int, bytes], ...] = ()
    items: tuple[c.OperationV2, ...] = ()


@dataclass
class _Check:
    check_type: int
    items: list[c.OperationV2] = field(default_factory=list)
    tlvs: list[tuple[int, bytes]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(i.amount for i in self.items)


# --- journal file values (bytes as hex, datetimes as ISO text, items as objects) ----------------------

_ITEM_FIELDS = {f.name: (str if f.name == "name" else int) for f in dataclasses.fields(c.OperationV2)}


def _tlvs_out(tlvs) -> list[list]:
    return [[tag, value.hex()] for tag, value in tlvs]


def _tlvs_in(raw: list) -> tuple[tuple[int, bytes], ...]:
    out = []
    for pair in raw:
        if (not isinstance(pair, list) or len(pair) != 2 or not isinstance(pair[0], int)
                or not isinstance(pair[1], str)):
            raise ValueError(f"a TLV must be [tag, hex], not {pair!r}")
        try:
            out.append((pair[0], bytes.fromhex(pair[1])))
        except ValueError as exc:
            raise ValueError(f"TLV {pair[0]} holds {pair[1]!r}, not hex") from exc
    return tuple(out)


def _item_out(item: c.OperationV2) -> dict[str, Any]:
    return dataclasses.asdict(item)


def _item_in(raw: Any) -> c.OperationV2:
    if not isinstance(raw, dict) or set(raw) != set(_ITEM_FIELDS):
        raise ValueError(f"an item needs exactly the fields {sorted(_ITEM_FIELDS)}")
    for name, kind in _ITEM_FIELDS.items():
        if kind is int:
            j.integer(raw, name)
        else:
            j.string(raw, name)
    return c.OperationV2(**raw)


def _datetime(value: Any, name: str) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError(f"{name!r} must be an ISO date and time, not {value!r}")
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{name!r} is not an ISO date and time: {value!r}") from exc


def _document_out(doc: JournalDocument) -> dict[str, Any]:
    return {"number": doc.number, "doc_type": doc.doc_type, "at": doc.at.isoformat(),
            "fiscal_sign": doc.fiscal_sign, "shift_number": doc.shift_number,
            "receipt_number": doc.receipt_number, "calc_sign": doc.calc_sign, "amount": doc.amount,
            "sums": list(doc.sums), "tlvs": _tlvs_out(doc.tlvs), "items": [_item_out(i) for i in doc.items]}


def _document_in(raw: Any) -> JournalDocument:
    if not isinstance(raw, dict):
        raise ValueError(f"a document must be an object, not {type(raw).__name__}")
    expected = {f.name for f in dataclasses.fields(JournalDocument)}
    if set(raw) != expected:
        raise ValueError(f"a document needs exactly the fields {sorted(expected)}")
    sums = j.array(raw, "sums")
    if any(not isinstance(v, int) or isinstance(v, bool) or v < 0 for v in sums):
        raise ValueError(f"'sums' must be non-negative integers, not {sums!r}")
    return JournalDocument(
        number=j.integer(raw, "number"), doc_type=j.integer(raw, "doc_type"),
        at=_datetime(raw["at"], "at"), fiscal_sign=j.integer(raw, "fiscal_sign"),
        shift_number=j.integer(raw, "shift_number"),
        receipt_number=j.integer(raw, "receipt_number", optional=True), calc_sign=j.integer(raw, "calc_sign"),
        amount=j.integer(raw, "amount"), sums=tuple(sums), tlvs=_tlvs_in(j.array(raw, "tlvs")),
        items=tuple(_item_in(i) for i in j.array(raw, "items")))


class ShtrihEmulator:
    def __init__(self, *, serial_number: int = 12345678, fn_number: str = "9999078900012345",
                 clock: Callable[[], dt.datetime] | None = None,
                 close_variant: c.CloseVariant = c.CloseVariant.ROUNDING_TAXES,
                 state_path: str | os.PathLike | None = None) -> None:
        self.serial_number = serial_number
        self.fn_number = fn_number
        self.clock = clock or (lambda: dt.datetime.now().replace(microsecond=0))
        self.close_variant = close_variant
        # fiscal journal
        self.shift_open = False
        self.shift_number = 0  # the open shift, or the last closed one
        self.shift_opened_at: dt.datetime | None = None
        self.receipt_number = 0  # the last receipt of the shift
        self.documents: dict[int, JournalDocument] = {}
        self.last_document = 0
        self.kkt_document_number = 0  # the registrar's own through numbering (cash in/out, reports)
        self.cash_in_drawer = 0
        self.totals: dict[str, dict[int, int]] = {"sale": {}, "return": {}}
        self.cash_ins = 0
        self.cash_outs = 0
        self.x_reports = 0
        self.check: _Check | None = None
        self.pending_tlvs: list[tuple[int, bytes]] = []
        # states and faults set by tests
        self.paper_out = False
        self.cover_open = False
        self.forced: list[tuple[int | None, int]] = []  # (command or None for any, error code)
        self.nak_frames = 0  # NAK this many incoming frames
        self.corrupt_answers = 0  # send this many answers with a wrong LRC
        self.silent = False  # answer nothing at all
        self.received: list[bytes] = []  # request payloads executed, in order
        # called with (command, "before") and (command, "after"); see the module's documentation
        self.on_command: Callable[[int, str], None] | None = None
        self._lock = threading.RLock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._master: int | None = None
        self._slave: int | None = None
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

    # --- test controls --------------------------------------------------------------------------

    def force_error(self, code: int, cmd: int | None = None) -> None:
        """The next request (of ``cmd``, when given) fails with ``code``."""
        with self._lock:
            self.forced.append((cmd, code))

    def expire_shift(self) -> None:
        """Moves the open shift's start back by 25 hours."""
        with self._lock:
            assert self.shift_opened_at is not None, "no open shift"
            self.shift_opened_at -= dt.timedelta(hours=25)
            self.save()

    # --- the journal file ------------------------------------------------------------------------

    def journal_state(self) -> dict[str, Any]:
        """The fiscal journal as a JSON-ready object (what `save` writes)."""
        with self._lock:
            return {
                "format": STATE_FORMAT, "version": STATE_VERSION,
                "serial_number": self.serial_number, "fn_number": self.fn_number,
                "shift_open": self.shift_open, "shift_number": self.shift_number,
                "shift_opened_at": self.shift_opened_at.isoformat() if self.shift_opened_at else None,
                "receipt_number": self.receipt_number, "last_document": self.last_document,
                "kkt_document_number": self.kkt_document_number, "cash_in_drawer": self.cash_in_drawer,
                "totals": {kind: {str(pos): s for pos, s in sorted(sums.items())}
                           for kind, sums in self.totals.items()},
                "cash_ins": self.cash_ins, "cash_outs": self.cash_outs, "x_reports": self.x_reports,
                "check": None if self.check is None else {
                    "check_type": self.check.check_type, "items": [_item_out(i) for i in self.check.items],
                    "tlvs": _tlvs_out(self.check.tlvs)},
                "pending_tlvs": _tlvs_out(self.pending_tlvs),
                "documents": [_document_out(d) for _, d in sorted(self.documents.items())],
            }

    def save(self) -> None:
        """Writes the journal to ``state_path`` atomically (nothing without one)."""
        if self.state_path is not None:
            with self._lock:
                j.write_journal(self.state_path, self.journal_state())

    def _restore(self, data: dict[str, Any]) -> None:
        serial, fn = j.integer(data, "serial_number"), j.string(data, "fn_number")
        if (serial, fn) != (self.serial_number, self.fn_number):
            raise ValueError(f"it is the journal of registrar {serial} with fiscal drive {fn}, not of "
                             f"{self.serial_number} with {self.fn_number}")
        opened = data.get("shift_opened_at")
        documents = [_document_in(d) for d in j.array(data, "documents")]
        by_number = {d.number: d for d in documents}
        if len(by_number) != len(documents):
            raise ValueError("two documents have the same number")
        last = j.integer(data, "last_document")
        if by_number and max(by_number) > last:
            raise ValueError(f"document {max(by_number)} is after the last document {last}")
        totals: dict[str, dict[int, int]] = {}
        raw_totals = j.obj(data, "totals")
        for kind in ("sale", "return"):
            sums = j.obj(raw_totals, kind)
            totals[kind] = {}
            for pos in sums:
                if not pos.isdigit() or not 1 <= int(pos) <= 16:
                    raise ValueError(f"payment position {pos!r} in the {kind} totals is not 1..16")
                totals[kind][int(pos)] = j.integer(sums, pos)
        raw_check = j.obj(data, "check", optional=True)
        check = None if raw_check is None else _Check(
            j.integer(raw_check, "check_type"), [_item_in(i) for i in j.array(raw_check, "items")],
            list(_tlvs_in(j.array(raw_check, "tlvs"))))
        values = {
            "shift_open": j.boolean(data, "shift_open"), "shift_number": j.integer(data, "shift_number"),
            "shift_opened_at": None if opened is None else _datetime(opened, "shift_opened_at"),
            "receipt_number": j.integer(data, "receipt_number"), "last_document": last,
            "kkt_document_number": j.integer(data, "kkt_document_number"),
            "cash_in_drawer": j.integer(data, "cash_in_drawer"), "totals": totals,
            "cash_ins": j.integer(data, "cash_ins"), "cash_outs": j.integer(data, "cash_outs"),
            "x_reports": j.integer(data, "x_reports"), "check": check,
            "pending_tlvs": list(_tlvs_in(j.array(data, "pending_tlvs"))), "documents": by_number,
        }
        if values["shift_open"] and values["shift_opened_at"] is None:
            raise ValueError("the shift is open but has no opening time")
        for name, value in values.items():
            setattr(self, name, value)

    # --- state -------------------------------------------------------------------------------------

    @property
    def shift_expired(self) -> bool:
        return (self.shift_open and self.shift_opened_at is not None
                and self.clock() - self.shift_opened_at > dt.timedelta(hours=24))

    def _mode(self) -> int:
        if self.check is not None:
            return c.MODE_DOCUMENT_OPEN | (self.check.check_type << 4)
        if not self.shift_open:
            return c.MODE_SHIFT_CLOSED
        return c.MODE_SHIFT_EXPIRED if self.shift_expired else c.MODE_SHIFT_OPEN

    def _flags(self) -> int:
        flags = 0
        if not self.paper_out and not self.cover_open:
            flags |= c.FLAG_RECEIPT_ROLL | c.FLAG_RECEIPT_OPTICAL
        if self.cover_open:
            flags |= c.FLAG_COVER_OPEN
        return flags

    def _fiscal_sign(self, number: int, at: dt.datetime, amount: int) -> int:
        digest = hashlib.sha256(f"{self.fn_number}|{number}|{at.isoformat()}|{amount}".encode()).digest()
        return int.from_bytes(digest[:4], "little")

    def _document(self, doc_type: int, **kw) -> JournalDocument:
        self.last_document += 1
        at = self.clock()
        doc = JournalDocument(number=self.last_document, doc_type=doc_type, at=at,
                              fiscal_sign=self._fiscal_sign(self.last_document, at, kw.get("amount", 0)),
                              shift_number=self.shift_number, **kw)
        self.documents[doc.number] = doc
        return doc

    # --- commands ----------------------------------------------------------------------------------

    def handle(self, payload: bytes) -> bytes:
        """Executes one request payload; returns the answer payload ``CMD ERR DATA``."""
        with self._lock:
            try:
                cmd, data = split_payload(payload)
            except FrameError:
                return bytes((payload[0] if payload else 0, 0x7E))
            self._hook(cmd, "before")
            self.received.append(bytes(payload))
            try:
                code, answer = self._execute(cmd, data)
            except c.CommandError:
                code, answer = 0x33, b""
            if code == 0 and cmd not in READ_ONLY:
                self.save()
            self._hook(cmd, "after")
            return command_payload(cmd, bytes((code,)) + (answer if code == 0 else b""))

    def _hook(self, cmd: int, phase: str) -> None:
        if self.on_command is not None:
            self.on_command(cmd, phase)

    def _execute(self, cmd: int, data: bytes) -> tuple[int, bytes]:
        for i, (forced_cmd, code) in enumerate(self.forced):
            if forced_cmd is None or forced_cmd == cmd:
                del self.forced[i]
                return code, b""
        pw, body = c.split_password(data)
        if pw not in ADMIN_PASSWORDS:
            return 0x4F, b""
        if cmd in PRINTING and (self.paper_out or self.cover_open):
            return 0x6B, b""  # an open cover shows as no paper; the status flags tell which
        handler = self._handlers().get(cmd)
        if handler is None:
            return 0x37, b""
        return handler(body)

    def _handlers(self) -> dict[int, Callable[[bytes], tuple[int, bytes]]]:
        return {
            c.SHORT_STATUS: self._short_status, c.FULL_STATUS: self._full_status, c.FN_STATUS: self._fn_status,
            c.FN_SHIFT_PARAMS: self._shift_params, c.FN_FIND_DOCUMENT: self._find_document,
            c.FN_BEGIN_OPEN_SHIFT: self._begin_open_shift, c.FN_BEGIN_CLOSE_SHIFT: self._begin_close_shift,
            c.FN_SEND_TLV: self._send_tlv, c.OPEN_SHIFT: self._open_shift, c.OPEN_CHECK: self._open_check,
            c.FN_OPERATION_V2: self._operation, c.FN_CLOSE_CHECK_V2: self._close_check,
            c.CANCEL_CHECK: self._cancel_check, c.CASH_IN: self._cash_in, c.CASH_OUT: self._cash_out,
            c.X_REPORT: self._x_report, c.Z_REPORT: self._z_report, c.FN_CORRECTION_V2: self._correction,
            c.CONTINUE_PRINT: lambda body: (0, b"\x1e"),
        }

    def _short_status(self, body: bytes) -> tuple[int, bytes]:
        submode = c.SUBMODE_PAPER_OUT_PASSIVE if self.paper_out else c.SUBMODE_PAPER_OK
        ops = len(self.check.items) if self.check else 0
        return 0, c.ShortStatus(30, self._flags(), self._mode(), submode, ops).encode()

    def _full_status(self, body: bytes) -> tuple[int, bytes]:
        last_closed = self.shift_number - 1 if self.shift_open else self.shift_number
        submode = c.SUBMODE_PAPER_OUT_PASSIVE if self.paper_out else c.SUBMODE_PAPER_OK
        return 0, c.FullStatus(self.kkt_document_number, self._flags(), self._mode(), submode,
                               self.serial_number, last_closed, self.clock()).encode()

    def _fn_status(self, body: bytes) -> tuple[int, bytes]:
        current = 0x04 if self.check else 0
        return 0, c.FnStatus(0x03, current, self.shift_open, 0, self.clock(), self.fn_number,
                             self.last_document).encode()

    def _shift_params(self, body: bytes) -> tuple[int, bytes]:
        return 0, c.ShiftParams(self.shift_open, self.shift_number, self.receipt_number).encode()

    def _find_document(self, body: bytes) -> tuple[int, bytes]:
        doc = self.documents.get(c.from_le(body, 0, 4))
        if doc is None:
            return 0x08, b""
        return 0, c.FoundDocument(doc.doc_type, False, doc.at, doc.number, doc.fiscal_sign, doc.calc_sign,
                                  doc.amount, doc.shift_number).encode()

    def _begin_open_shift(self, body: bytes) -> tuple[int, bytes]:
        if self.shift_open:
            return 0x3C, b""
        self.pending_tlvs = []
        return 0, b""

    def _begin_close_shift(self, body: bytes) -> tuple[int, bytes]:
        if not self.shift_open:
            return 0x3D, b""
        self.pending_tlvs = []
        return 0, b""

    def _send_tlv(self, body: bytes) -> tuple[int, bytes]:
        items = c.parse_tlvs(body)
        (self.check.tlvs if self.check else self.pending_tlvs).extend(items)
        return 0, b""

    def _open_shift(self, body: bytes) -> tuple[int, bytes]:
        if self.shift_open:
            return 0x3C, b""
        self.shift_open = True
        self.shift_number += 1
        self.shift_opened_at = self.clock()
        self.receipt_number = 0
        self.totals = {"sale": {}, "return": {}}
        self._document(c.DOC_SHIFT_OPEN, tlvs=tuple(self.pending_tlvs))
        self.pending_tlvs = []
        return 0, b"\x1e"

    def _shift_usable(self) -> int:
        if not self.shift_open:
            return 0x3D
        if self.shift_expired:
            return 0x4E
        return 0

    def _open_check(self, body: bytes) -> tuple[int, bytes]:
        if self.check is not None:
            return 0x4A, b""
        if code := self._shift_usable():
            return code, b""
        if not body or body[0] not in (c.CHECK_SALE, c.CHECK_SALE_RETURN):
            return 0x33, b""
        self.check = _Check(body[0])
        return 0, b"\x1e"

    def _operation(self, body: bytes) -> tuple[int, bytes]:
        if self.check is None:
            return 0x55, b""
        op = c.OperationV2.decode(body)
        expected = c.OPERATION_SALE if self.check.check_type == c.CHECK_SALE else c.OPERATION_SALE_RETURN
        if op.type != expected:
            return 0x49, b""
        computed = op.quantity * op.price // 1_000_000
        amount = computed if op.amount == c.NOT_SET5 else op.amount
        if abs(amount - computed) > 1 and op.amount != c.NOT_SET5 and amount > computed:
            return 0x33, b""
        self.check.items.append(c.OperationV2(op.type, op.quantity, op.price, amount, op.tax_rate,
                                              op.department, op.payment_method, op.payment_object, op.name,
                                              op.tax_amount))
        return 0, b""

    def _close_check(self, body: bytes) -> tuple[int, bytes]:
        if self.check is None:
            return 0x55, b""
        req = c.CloseCheck.decode(body, self.close_variant)
        total = self.check.total
        paid = sum(req.sums)
        non_cash = paid - req.sums[0]
        if paid < total:
            return 0x45, b""
        if non_cash > total:
            return 0x4D, b""
        change = paid - total
        is_return = self.check.check_type == c.CHECK_SALE_RETURN
        cash_net = req.sums[0] - change
        if is_return and cash_net > self.cash_in_drawer:
            return 0x46, b""
        self.cash_in_drawer += -cash_net if is_return else cash_net
        bucket = self.totals["return" if is_return else "sale"]
        sums = list(req.sums)
        sums[0] = cash_net
        for i, s in enumerate(sums):
            if s:
                bucket[i + 1] = bucket.get(i + 1, 0) + s
        self.receipt_number += 1
        doc = self._document(c.DOC_RECEIPT, receipt_number=self.receipt_number,
                             calc_sign=c.OPERATION_SALE_RETURN if is_return else c.OPERATION_SALE,
                             amount=total, sums=tuple(sums), tlvs=tuple(self.check.tlvs),
                             items=tuple(self.check.items))
        self.check = None
        return 0, c.CloseCheckResult(change, doc.number, doc.fiscal_sign, doc.at).encode(self.close_variant)

    def _cancel_check(self, body: bytes) -> tuple[int, bytes]:
        if self.check is None:
            return 0x55, b""
        self.check = None
        return 0, b"\x1e"

    def _cash(self, body: bytes, sign: int) -> tuple[int, bytes]:
        if self.check is not None:
            return 0x4A, b""
        if code := self._shift_usable():
            return code, b""
        amount = c.from_le(body, 0, 5)
        if sign < 0 and amount > self.cash_in_drawer:
            return 0x46, b""
        self.cash_in_drawer += sign * amount
        if sign > 0:
            self.cash_ins += amount
        else:
            self.cash_outs += amount
        self.kkt_document_number += 1
        return 0, b"\x1e" + c.le(self.kkt_document_number, 2)

    def _cash_in(self, body: bytes) -> tuple[int, bytes]:
        return self._cash(body, 1)

    def _cash_out(self, body: bytes) -> tuple[int, bytes]:
        return self._cash(body, -1)

    def _x_report(self, body: bytes) -> tuple[int, bytes]:
        if self.check is not None:
            return 0x4A, b""
        self.x_reports += 1
        self.kkt_document_number += 1
        return 0, b"\x1e"

    def _z_report(self, body: bytes) -> tuple[int, bytes]:
        if self.check is not None:
            return 0x4A, b""
        if not self.shift_open:
            return 0x3D, b""
        self._document(c.DOC_SHIFT_CLOSE, tlvs=tuple(self.pending_tlvs))
        self.pending_tlvs = []
        self.shift_open = False
        self.shift_opened_at = None
        self.kkt_document_number += 1
        return 0, b"\x1e"

    def _correction(self, body: bytes) -> tuple[int, bytes]:
        if self.check is not None:
            return 0x4A, b""
        if code := self._shift_usable():
            return code, b""
        req = c.Correction.decode(body)
        if sum(req.sums) != req.total:
            return 0x33, b""
        self.receipt_number += 1
        doc = self._document(c.DOC_CORRECTION, receipt_number=self.receipt_number, calc_sign=req.calc_sign,
                             amount=req.total, sums=req.sums, tlvs=tuple(self.pending_tlvs))
        self.pending_tlvs = []
        return 0, c.CorrectionResult(self.receipt_number, doc.number, doc.fiscal_sign).encode()

    # --- link layer over a pseudo-terminal ---------------------------------------------------------

    def serve_pty(self, byte_timeout: float = 0.5) -> str:
        """Starts serving on a new pseudo-terminal; returns the path a driver opens. POSIX only."""
        import tty

        master, slave = os.openpty()
        tty.setraw(slave)
        tty.setraw(master)
        self._master, self._slave = master, slave
        self._byte_timeout = byte_timeout
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name="shtrih-emulator", daemon=True)
        self._thread.start()
        return os.ttyname(slave)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        for fd in (self._master, self._slave):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._master = self._slave = None

    def __enter__(self) -> ShtrihEmulator:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _read(self, n: int, timeout: float) -> bytes:
        assert self._master is not None
        out = b""
        while len(out) < n and not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], min(timeout, 0.05))
            if not ready:
                timeout -= 0.05
                if timeout <= 0:
                    break
                continue
            try:
                chunk = os.read(self._master, n - len(out))
            except OSError:
                return out
            out += chunk
        return out

    def _write(self, data: bytes) -> None:
        assert self._master is not None
        os.write(self._master, data)

    def _serve(self) -> None:
        pending: bytes | None = None  # an answer frame the host has not acknowledged
        while not self._stop.is_set():
            first = self._read(1, 0.2)
            if not first or self.silent:
                continue
            byte = first[0]
            if byte == ENQ:
                if pending is not None:
                    self._write(bytes((ACK,)))
                    pending = self._send_answer(pending)
                else:
                    self._write(bytes((NAK,)))
            elif byte == STX:
                head = self._read(1, self._byte_timeout)
                if not head:
                    continue
                rest = self._read(head[0] + 1, self._byte_timeout)
                if len(rest) != head[0] + 1:
                    continue  # cut short: the host times out and asks again
                frame = bytes((STX,)) + head + rest
                if self.nak_frames > 0:
                    self.nak_frames -= 1
                    self._write(bytes((NAK,)))
                    continue
                try:
                    request = decode_frame(frame)
                except FrameError:
                    self._write(bytes((NAK,)))
                    continue
                self._write(bytes((ACK,)))
                try:
                    answer = self.handle(request)
                except program.RequestDropped as dropped:
                    log.info("Shtrih emulator: %s", dropped)
                    continue
                except Exception:  # a hook or the journal file failed: the host gets no answer
                    log.exception("Shtrih emulator: request %s failed", request.hex())
                    continue
                pending = self._send_answer(answer)
            # anything else (a stray ACK/NAK, noise) is ignored

    def _send_answer(self, answer: bytes) -> bytes | None:
        """Sends an answer and waits for the host's ACK, resending on NAK; returns the answer when it is
        still unacknowledged (the host asks for it with ENQ), None when delivered."""
        frame = encode_frame(answer)
        for _ in range(10):
            if self.corrupt_answers > 0:
                self.corrupt_answers -= 1
                self._write(frame[:-1] + bytes((frame[-1] ^ 0x5A,)))
            else:
                self._write(frame)
            reply = self._read(1, self._byte_timeout)
            if reply == bytes((ACK,)):
                return None
            if reply != bytes((NAK,)):
                return answer
        return answer


# --- the program ---------------------------------------------------------------------------------------

CONTROL_KEYS = {"paper_out", "cover_open", "silent", "nak_frames", "corrupt_answers", "force_error",
                "expire_shift", "clear"}


def command_code(value: Any) -> int:
    """A command code from JSON: 16 or "0x10", 65349 or "0xFF45"."""
    try:
        code = int(value, 0) if isinstance(value, str) else value
    except ValueError:
        code = None
    if not isinstance(code, int) or isinstance(code, bool) or not (0 <= code <= 0xFE or 0xFF00 <= code <= 0xFFFF):
        raise ValueError(f"not a Shtrih command code: {value!r}")
    return code


def _forced_errors(value: Any) -> list[tuple[int | None, int]]:
    out: list[tuple[int | None, int]] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            program.unknown_keys(item, {"code", "command"})
            code, cmd = item.get("code"), item.get("command")
            cmd = None if cmd is None else command_code(cmd)
        else:
            code, cmd = item, None
        if isinstance(code, str):
            code = command_code(code) if code.lower().startswith("0x") else code
        if not isinstance(code, int) or isinstance(code, bool) or not 1 <= code <= 255:
            raise ValueError(f"'force_error' takes an error code 1..255 or an object with 'code' and "
                             f"'command', not {item!r}")
        out.append((cmd, code))
    return out


def summary(emu: ShtrihEmulator) -> dict[str, Any]:
    """What the control channel answers: the journal's counters and the test states."""
    with emu._lock:
        return {
            "serial_number": emu.serial_number, "fn_number": emu.fn_number, "shift_open": emu.shift_open,
            "shift_number": emu.shift_number, "shift_expired": emu.shift_expired,
            "receipt_number": emu.receipt_number, "receipt_open": emu.check is not None,
            "last_document": emu.last_document, "cash_in_drawer": emu.cash_in_drawer,
            "paper_out": emu.paper_out, "cover_open": emu.cover_open, "silent": emu.silent,
            "nak_frames": emu.nak_frames, "corrupt_answers": emu.corrupt_answers,
            "forced_errors": [[cmd, code] for cmd, code in emu.forced],
        }


def control(emu: ShtrihEmulator, message: dict[str, Any]) -> dict[str, Any]:
    """Applies one control message (checked whole first) and returns `summary`. Keys:

    ``paper_out``, ``cover_open``, ``silent`` (true/false); ``nak_frames``, ``corrupt_answers`` (counts);
    ``force_error``: a code (the next command fails with it), ``{"code": 0x14, "command": "0xFF45"}``
    (the next such command) or a list of these, JSON numbers or "0x.." strings; ``expire_shift``: true
    (the open shift becomes 25 hours older); ``clear``: true (no faults, no forced errors), applied
    before the other keys of the same message.
    """
    program.unknown_keys(message, CONTROL_KEYS)
    states = {k: program.flag(message[k], k) for k in ("paper_out", "cover_open", "silent") if k in message}
    counts = {k: program.count(message[k], k) for k in ("nak_frames", "corrupt_answers") if k in message}
    forced = _forced_errors(message["force_error"]) if "force_error" in message else []
    expire = program.flag(message.get("expire_shift", False), "expire_shift")
    clear = program.flag(message.get("clear", False), "clear")
    with emu._lock:
        if expire and not emu.shift_open:
            raise ValueError("'expire_shift': no shift is open")
        if clear:
            emu.paper_out = emu.cover_open = emu.silent = False
            emu.nak_frames = emu.corrupt_answers = 0
            emu.forced.clear()
        for key, value in {**states, **counts}.items():
            setattr(emu, key, value)
        emu.forced.extend(forced)
        if expire:
            emu.expire_shift()
        return summary(emu)


def main(argv: list[str] | None = None) -> int:
    """``python -m shared.devices.emulators.shtrih --state PATH [--link PATH] [--control PATH]
    [--serial-number N] [--fn-number DIGITS] [--close-variant rounding-taxes|discount-groups]
    [--byte-timeout SEC] [--exit-with-parent] [--lock-timeout SEC]``; the control keys are `control`'s."""
    parser = program.parser("python -m shared.devices.emulators.shtrih",
                            "A Shtrih-M fiscal registrar emulator with a persistent journal, on a pseudo-terminal.")
    parser.add_argument("--serial-number", type=int, default=12345678)
    parser.add_argument("--fn-number", default="9999078900012345", help="the fiscal drive's number")
    parser.add_argument("--close-variant", choices=[v.value for v in c.CloseVariant],
                        default=c.CloseVariant.ROUNDING_TAXES.value, help="the firmware's FF45 layout")
    parser.add_argument("--byte-timeout", type=float, default=0.5,
                        help="how long to wait for the host's ACK and for each byte of a frame")
    args = parser.parse_args(argv)

    def open_emulator(killer: program.Killer) -> program.Served:
        emu = ShtrihEmulator(serial_number=args.serial_number, fn_number=args.fn_number,
                             close_variant=c.CloseVariant(args.close_variant), state_path=args.state)
        emu.on_command = killer
        port = emu.serve_pty(byte_timeout=args.byte_timeout)
        return program.Served(port=port, stop=emu.stop, control=lambda message: control(emu, message),
                              parse_command=command_code)

    return program.run(args, "shtrih-emulator", open_emulator)


if __name__ == "__main__":
    sys.exit(main())
