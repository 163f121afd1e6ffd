"""Ingenico Telium terminals over a serial line (RS-232 or USB CDC), "Telium Manager" cash register
protocol (protocole caisse "Concert", message format E).

The exchange, as pyTeliumManager and Akretion's pypostelium implement it:

1. the cash register sends ENQ, the terminal answers ACK (the register tries up to three times,
   sending EOT between tries);
2. the register sends the request frame ``STX message ETX LRC``, the terminal answers ACK (NAK asks
   for the frame again); the register ends with EOT;
3. when the customer is done, the terminal sends ENQ, the register answers ACK, the terminal sends
   the answer frame; the register answers ACK (NAK asks for it again) and the terminal ends with EOT.

LRC is the XOR of every byte after STX up to and including ETX. The request message has 34 ASCII
characters: POS number (2 digits), amount (8 digits, in the currency's minor units), answer flag
(1: full answer with the card's report, 0: short), payment mode (1: card), transaction type (0 debit,
1 credit/refund, 2 cancellation), currency (ISO 4217 numeric, 643 for roubles), private data (10),
delay (``A010``: answer at the end of the transaction, ``A011``: at once) and authorization
(``B010``: the terminal decides, ``B011``: forced). The answer repeats the POS number, then the status
(0 success, 7 refused, 9 not verified), the amount (8), the payment mode, the report (55 characters,
full answers only: the card number first), the currency and the private data (10): 80 or 25
characters.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import reduce
from operator import xor

from shared.devices.protocols import CardResult, DeviceError, DeviceUnavailable
from shared.errors import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

STX, ETX, EOT, ENQ, ACK, NAK = 0x02, 0x03, 0x04, 0x05, 0x06, 0x15

TYPE_PURCHASE = "0"
TYPE_REFUND = "1"
TYPE_CANCEL = "2"
MODE_CARD = "1"
ANSWER_FULL = "1"
ANSWER_SHORT = "0"
DELAY_END_OF_TRANSACTION = "A010"
DELAY_IMMEDIATE = "A011"
AUTHORIZATION_BY_TERMINAL = "B010"
AUTHORIZATION_FORCED = "B011"
STATUS_SUCCESS = "0"
STATUS_REFUSED = "7"
STATUS_NOT_VERIFIED = "9"
CURRENCY_ROUBLE = "643"

REQUEST_LENGTH = 34
ANSWER_FULL_LENGTH = 80
ANSWER_SHORT_LENGTH = 25
REPORT_LENGTH = 55
PRIVATE_LENGTH = 10
MAX_AMOUNT = 99_999_999
MAX_FRAME = 128  # the longest frame is 83 bytes

NO_ANSWER_AFTER_REQUEST = QT_TRANSLATE_NOOP(
    "DomainError",
    "The card terminal on {port} took the request but gave no answer. The operation's outcome is unknown: "
    "check the terminal before trying again.")
GARBLED_ANSWER = QT_TRANSLATE_NOOP(
    "DomainError",
    "The card terminal's answer on {port} could not be read. The operation's outcome is unknown: check the "
    "terminal before trying again.")
REQUEST_REFUSED = QT_TRANSLATE_NOOP(
    "DomainError", "The card terminal on {port} did not accept the request: check that it is idle, then try again.")
SETTLEMENT_UNSUPPORTED = QT_TRANSLATE_NOOP(
    "DomainError",
    "This card terminal closes its bank day by itself or from its own menu, not on the cash desk's command.")
NOTHING_TO_CANCEL = QT_TRANSLATE_NOOP("DomainError", "There is no card operation to cancel.")
INVALID_AMOUNT = QT_TRANSLATE_NOOP("DomainError", "The card operation amount {amount} is invalid.")

STATUS_TEXTS = {STATUS_SUCCESS: "ОДОБРЕНО", STATUS_REFUSED: "ОТКАЗ", STATUS_NOT_VERIFIED: "НЕ ПОДТВЕРЖДЕНО"}


class FrameError(ValueError):
    """Bytes that are not a well-formed frame or message."""


# --- frames ------------------------------------------------------------------------------------------

def lrc(data: bytes) -> int:
    """XOR of the bytes (0 for none)."""
    return reduce(xor, data, 0)


def frame(message: bytes) -> bytes:
    """``STX message ETX LRC``."""
    body = bytes(message) + bytes([ETX])
    return bytes([STX]) + body + bytes([lrc(body)])


def unframe(data: bytes) -> bytes:
    """The message inside a frame, checked: STX first, ETX before the LRC, the LRC, printable ASCII."""
    data = bytes(data)
    if len(data) < 3 or data[0] != STX or data[-2] != ETX:
        raise FrameError("not an STX ... ETX LRC frame")
    if lrc(data[1:-1]) != data[-1]:
        raise FrameError("wrong LRC")
    message = data[1:-2]
    if any(b < 0x20 or b > 0x7E for b in message):
        raise FrameError("control or non-ASCII bytes in the message")
    return message


def _field(value: str, length: int, name: str, *, digits: bool = False) -> str:
    if len(value) != length or not value.isascii() or not value.isprintable():
        raise ValueError(f"{name} must be {length} printable ASCII characters, not {value!r}")
    if digits and not value.isdigit():
        raise ValueError(f"{name} must be digits, not {value!r}")
    return value


def _number(text: str, name: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise FrameError(f"{name} is not a number: {text!r}")
    return int(text)


def _printable(text: str, length: int) -> str:
    """Any text as ``length`` printable ASCII characters (others become '?'), space-padded."""
    cleaned = "".join(c if c.isascii() and c.isprintable() else "?" for c in text)
    return cleaned[:length].ljust(length)


@dataclass(frozen=True)
class TeliumRequest:
    pos_number: int
    amount: int  # minor units (kopecks)
    transaction_type: str = TYPE_PURCHASE
    payment_mode: str = MODE_CARD
    currency: str = CURRENCY_ROUBLE
    private: str = ""  # padded to 10 characters
    answer_flag: str = ANSWER_FULL
    delay: str = DELAY_END_OF_TRANSACTION
    authorization: str = AUTHORIZATION_BY_TERMINAL

    def __post_init__(self) -> None:
        object.__setattr__(self, "private", self.private.ljust(PRIVATE_LENGTH))

    def message(self) -> bytes:
        if not 0 <= self.pos_number <= 99:
            raise ValueError(f"POS number {self.pos_number} is not 0..99")
        if not 0 <= self.amount <= MAX_AMOUNT:
            raise ValueError(f"amount {self.amount} does not fit 8 digits")
        text = (
            f"{self.pos_number:02d}{self.amount:08d}"
            + _field(self.answer_flag, 1, "answer flag")
            + _field(self.payment_mode, 1, "payment mode")
            + _field(self.transaction_type, 1, "transaction type")
            + _field(self.currency, 3, "currency", digits=True)
            + _field(self.private, PRIVATE_LENGTH, "private data")
            + _field(self.delay, 4, "delay")
            + _field(self.authorization, 4, "authorization")
        )
        return text.encode("ascii")

    def encode(self) -> bytes:
        return frame(self.message())

    @classmethod
    def decode(cls, data: bytes) -> TeliumRequest:
        text = unframe(data).decode("ascii")
        if len(text) != REQUEST_LENGTH:
            raise FrameError(f"a request has {REQUEST_LENGTH} characters, not {len(text)}")
        return cls(
            pos_number=_number(text[0:2], "POS number"), amount=_number(text[2:10], "amount"),
            answer_flag=text[10], payment_mode=text[11], transaction_type=text[12],
            currency=str(_number(text[13:16], "currency")).zfill(3), private=text[16:26], delay=text[26:30],
            authorization=text[30:34])


@dataclass(frozen=True)
class TeliumResponse:
    pos_number: int
    status: str
    amount: int  # minor units
    payment_mode: str = MODE_CARD
    currency: str = CURRENCY_ROUBLE
    private: str = ""  # padded to 10 characters
    report: str | None = None  # 55 characters in a full answer (card number first), None in a short one

    def __post_init__(self) -> None:
        object.__setattr__(self, "private", self.private.ljust(PRIVATE_LENGTH))
        if self.report is not None:
            object.__setattr__(self, "report", self.report.ljust(REPORT_LENGTH))

    @property
    def approved(self) -> bool:
        return self.status == STATUS_SUCCESS

    def message(self) -> bytes:
        if not 0 <= self.pos_number <= 99:
            raise ValueError(f"POS number {self.pos_number} is not 0..99")
        if not 0 <= self.amount <= MAX_AMOUNT:
            raise ValueError(f"amount {self.amount} does not fit 8 digits")
        text = (
            f"{self.pos_number:02d}" + _field(self.status, 1, "status", digits=True) + f"{self.amount:08d}"
            + _field(self.payment_mode, 1, "payment mode")
            + ("" if self.report is None else _field(self.report, REPORT_LENGTH, "report"))
            + _field(self.currency, 3, "currency", digits=True)
            + _field(self.private, PRIVATE_LENGTH, "private data")
        )
        return text.encode("ascii")

    def encode(self) -> bytes:
        return frame(self.message())

    @classmethod
    def decode(cls, data: bytes) -> TeliumResponse:
        text = unframe(data).decode("ascii")
        if len(text) == ANSWER_FULL_LENGTH:
            report, tail = text[12:67], text[67:]
        elif len(text) == ANSWER_SHORT_LENGTH:
            report, tail = None, text[12:]
        else:
            raise FrameError(f"an answer has {ANSWER_FULL_LENGTH} or {ANSWER_SHORT_LENGTH} characters, "
                             f"not {len(text)}")
        _number(text[2], "status")
        return cls(
            pos_number=_number(text[0:2], "POS number"), status=text[2], amount=_number(text[3:11], "amount"),
            payment_mode=text[11], report=report, currency=str(_number(tail[0:3], "currency")).zfill(3),
            private=tail[3:13])

    @property
    def card_mask(self) -> str:
        """``"****1234"`` from the report's first word when it ends in four digits; else ''."""
        words = (self.report or "").split()
        card = words[0] if words else ""
        return "****" + card[-4:] if len(card) >= 4 and card[-4:].isdigit() else ""


# --- the driver --------------------------------------------------------------------------------------

def to_minor_units(amount: Decimal) -> int:
    try:
        units = Decimal(amount) * 100
        valid = units == units.to_integral_value() and 0 < units <= MAX_AMOUNT
    except (InvalidOperation, TypeError, ValueError):
        valid = False
    if not valid:
        raise DeviceError(INVALID_AMOUNT, amount=amount)
    return int(units)


class TeliumTerminal:
    """`AcquiringTerminal` for an Ingenico Telium terminal in cash register ("Caisse") mode.

    ``port`` is anything `serial.serial_for_url` opens: ``/dev/ttyACM0``, ``COM3``,
    ``socket://host:port``... ``byte_timeout`` bounds every handshake step (the protocol allows up to
    3 s); ``answer_timeout`` bounds the wait for the customer (card and PIN).
    """

    def __init__(self, port: str, *, baudrate: int = 9600, pos_number: int = 1,
                 currency: str = CURRENCY_ROUBLE, byte_timeout: float = 3.0, answer_timeout: float = 180.0,
                 attempts: int = 3, retry_pause: float = 1.0) -> None:
        self.port = port
        self.baudrate = baudrate
        self.pos_number = pos_number
        self.currency = currency
        self.byte_timeout = byte_timeout
        self.answer_timeout = answer_timeout
        self.attempts = max(1, attempts)
        self.retry_pause = retry_pause
        self._last: CardResult | None = None

    # AcquiringTerminal

    def purchase(self, amount: Decimal, reference: str) -> CardResult:
        return self._operation(TYPE_PURCHASE, to_minor_units(amount), reference)

    def refund(self, amount: Decimal, rrn: str, reference: str) -> CardResult:
        # The protocol carries no reference number: the terminal credits the card presented to it.
        log.info("Telium refund for the operation %r", rrn)
        return self._operation(TYPE_REFUND, to_minor_units(amount), reference)

    def cancel_last(self) -> CardResult:
        last = self._last
        if last is None:
            raise DeviceError(NOTHING_TO_CANCEL)
        result = self._operation(TYPE_CANCEL, to_minor_units(last.amount), last.rrn)
        if result.approved:
            self._last = None
        return result

    def settlement(self) -> CardResult:
        raise DeviceError(SETTLEMENT_UNSUPPORTED)

    def last_transaction(self) -> CardResult | None:
        """The last approved operation of this driver: the protocol cannot ask the terminal."""
        return self._last

    # the exchange

    def _operation(self, transaction_type: str, amount: int, private: str) -> CardResult:
        request = TeliumRequest(
            pos_number=self.pos_number, amount=amount, transaction_type=transaction_type,
            currency=self.currency, private=_printable(private, PRIVATE_LENGTH))
        log.info("Telium request: type %s, amount %s", transaction_type, amount)
        response = self.exchange(request)
        code = int(response.status)
        result = CardResult(
            approved=response.approved, amount=Decimal(response.amount).scaleb(-2),
            rrn=response.private.strip() if response.approved else "",
            auth_code="", card_mask=response.card_mask, slip="",
            message=STATUS_TEXTS.get(response.status, f"СТАТУС {response.status}"), code=code)
        log.info("Telium answer: status %s, amount %s", response.status, response.amount)
        if result.approved and transaction_type != TYPE_CANCEL:
            self._last = result
        return result

    def exchange(self, request: TeliumRequest) -> TeliumResponse:
        """Sends one request and returns the terminal's answer."""
        with self._open() as link:
            link.reset_input_buffer()
            self._send(link, request)
            return self._receive(link)

    @contextmanager
    def _open(self) -> Iterator:
        import serial  # pyserial; imported here so that the module loads without it

        try:
            link = serial.serial_for_url(self.port, baudrate=self.baudrate, timeout=self.byte_timeout,
                                         write_timeout=self.byte_timeout)
        except (serial.SerialException, OSError, ValueError) as exc:
            log.error("Telium port %s: %s", self.port, exc)
            raise DeviceUnavailable(port=self.port) from exc
        try:
            yield link
        except serial.SerialException as exc:
            log.error("Telium port %s failed: %s", self.port, exc)
            raise DeviceUnavailable(port=self.port) from exc
        finally:
            link.close()

    def _read_byte(self, link, timeout: float) -> int | None:
        link.timeout = timeout
        data = link.read(1)
        return data[0] if data else None

    def _wait_for(self, link, wanted: tuple[int, ...], timeout: float) -> int | None:
        """The first of ``wanted`` to arrive within ``timeout``, skipping stray bytes; None if none does."""
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            byte = self._read_byte(link, remaining)
            if byte in wanted:
                return byte
        return None

    def _send(self, link, request: TeliumRequest) -> None:
        for attempt in range(self.attempts):
            link.write(bytes([ENQ]))
            if self._wait_for(link, (ACK,), self.byte_timeout) == ACK:
                break
            link.write(bytes([EOT]))
            if attempt + 1 < self.attempts:
                time.sleep(self.retry_pause)
        else:
            raise DeviceUnavailable(port=self.port)  # nothing was sent: safe to retry
        data = request.encode()
        for _ in range(self.attempts):
            link.write(data)
            answer = self._wait_for(link, (ACK, NAK), self.byte_timeout)
            if answer == ACK:
                link.write(bytes([EOT]))
                return
            if answer != NAK:
                break
        link.write(bytes([EOT]))
        raise DeviceError(REQUEST_REFUSED, port=self.port)

    def _receive(self, link) -> TeliumResponse:
        # The customer is at the terminal: anything but ENQ meanwhile is noise.
        if self._wait_for(link, (ENQ,), self.answer_timeout) is None:
            raise DeviceUnavailable(NO_ANSWER_AFTER_REQUEST, port=self.port)
        link.write(bytes([ACK]))
        for _ in range(self.attempts):
            raw = self._read_frame(link)
            try:
                response = TeliumResponse.decode(raw)
            except FrameError as exc:
                log.warning("Telium answer rejected (%s): %r", exc, raw[:MAX_FRAME])
                link.write(bytes([NAK]))
                continue
            link.write(bytes([ACK]))
            if self._wait_for(link, (EOT,), self.byte_timeout) is None:
                log.warning("Telium terminal did not end the exchange with EOT")
            return response
        link.write(bytes([EOT]))
        raise DeviceError(GARBLED_ANSWER, port=self.port)

    def _read_frame(self, link) -> bytes:
        """STX ... ETX LRC as received, or what came before the terminal fell silent."""
        data = bytearray()
        skipped = 0
        while True:
            byte = self._read_byte(link, self.byte_timeout)
            if byte is None:
                return bytes(data)
            if not data and byte != STX:
                skipped += 1
                if skipped > MAX_FRAME:
                    return b""
                continue
            data.append(byte)
            if byte == ETX or len(data) > MAX_FRAME:
                break
        lrc_byte = self._read_byte(link, self.byte_timeout)
        if lrc_byte is not None:
            data.append(lrc_byte)
        return bytes(data)
