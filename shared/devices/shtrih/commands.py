"""Shtrih-M command layouts (requests and answers), money and text conversions and the device's error
codes. Pure: builds and parses bytes, never touches a port. The emulator uses the same layouts.

Layouts follow the Shtrih-M protocol for fiscal-drive registrars (ККТ с ФН): integers little-endian,
money in kopecks (5 bytes), quantities in millionths (6 bytes), text CP1251, the operator's 4-byte
password first in a request's data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from shared.devices.protocols import DeviceError
from shared.errors import QT_TRANSLATE_NOOP

# Command codes
SHORT_STATUS = 0x10
FULL_STATUS = 0x11
X_REPORT = 0x40
Z_REPORT = 0x41
CASH_IN = 0x50
CASH_OUT = 0x51
CANCEL_CHECK = 0x88
OPEN_CHECK = 0x8D
CONTINUE_PRINT = 0xB0
OPEN_SHIFT = 0xE0
FN_STATUS = 0xFF01
FN_FIND_DOCUMENT = 0xFF0A
FN_SEND_TLV = 0xFF0C
FN_SHIFT_PARAMS = 0xFF40
FN_BEGIN_OPEN_SHIFT = 0xFF41
FN_BEGIN_CLOSE_SHIFT = 0xFF42
FN_CLOSE_CHECK_V2 = 0xFF45
FN_OPERATION_V2 = 0xFF46
FN_CORRECTION_V2 = 0xFF4A

NOT_SET5 = 0xFF_FF_FF_FF_FF  # "not given: the registrar computes it" in 5-byte money fields

# FFD tags sent with FF0C
TAG_CUSTOMER_CONTACT = 1008
TAG_CASHIER = 1021
TAG_CASHIER_INN = 1203
TAG_CORRECTION_BASIS = 1174  # STLV of 1177 (description), 1178 (date), 1179 (order number)
TAG_CORRECTION_DATE = 1178
TAG_CORRECTION_NUMBER = 1179

# Device modes (low nibble of the mode byte)
MODE_SHIFT_OPEN = 2
MODE_SHIFT_EXPIRED = 3
MODE_SHIFT_CLOSED = 4
MODE_DOCUMENT_OPEN = 8

# Short-status flag bits
FLAG_RECEIPT_ROLL = 1 << 1  # 1 = paper present
FLAG_RECEIPT_OPTICAL = 1 << 7  # 1 = paper seen by the optical sensor
FLAG_COVER_OPEN = 1 << 10  # 1 = the cover is up

# Submodes
SUBMODE_PAPER_OK = 0
SUBMODE_PAPER_OUT_PASSIVE = 1
SUBMODE_PAPER_OUT_ACTIVE = 2
SUBMODE_WAIT_CONTINUE = 3

# Check types of 0x8D and operation types of FF46
CHECK_SALE = 0
CHECK_SALE_RETURN = 2
OPERATION_SALE = 1
OPERATION_SALE_RETURN = 2

# Fiscal drive document types (FF0A)
DOC_SHIFT_OPEN = 2
DOC_RECEIPT = 3
DOC_SHIFT_CLOSE = 5
DOC_CORRECTION = 31


class CommandError(ValueError):
    """An answer or request whose data does not fit the command's layout."""


# --- encoding helpers -----------------------------------------------------------------------------


def le(value: int, size: int) -> bytes:
    if value < 0 or value >= 1 << (8 * size):
        raise CommandError(f"{value} does not fit in {size} bytes")
    return value.to_bytes(size, "little")


def from_le(data: bytes, start: int, size: int) -> int:
    chunk = data[start:start + size]
    if len(chunk) != size:
        raise CommandError(f"answer too short: needs bytes {start}..{start + size - 1}, has {len(data)}")
    return int.from_bytes(chunk, "little")


def kopecks(amount: Decimal) -> int:
    value = int((Decimal(amount) * 100).to_integral_value(rounding=ROUND_HALF_UP))
    if value < 0:
        raise CommandError(f"negative amount {amount}")
    return value


def roubles(kop: int) -> Decimal:
    return (Decimal(kop) / 100).quantize(Decimal("0.01"))


def millionths(quantity: Decimal) -> int:
    return int((Decimal(quantity) * 1_000_000).to_integral_value(rounding=ROUND_HALF_UP))


def text(value: str, size: int | None = None, *, pad: bool = False) -> bytes:
    """CP1251 text (unencodable characters become '?'), cut to ``size`` and NUL-padded when ``pad``."""
    raw = value.encode("cp1251", errors="replace")
    if size is not None:
        raw = raw[:size]
        if pad:
            raw = raw.ljust(size, b"\0")
    return raw


def untext(raw: bytes) -> str:
    return bytes(raw).split(b"\0", 1)[0].decode("cp1251", errors="replace")


def password(value: int) -> bytes:
    return le(value, 4)


def split_password(data: bytes) -> tuple[int, bytes]:
    if len(data) < 4:
        raise CommandError("request without a password")
    return from_le(data, 0, 4), bytes(data[4:])


def fn_datetime(value: dt.datetime) -> bytes:
    """Fiscal-drive date and time: YY MM DD hh mm."""
    return bytes((value.year - 2000, value.month, value.day, value.hour, value.minute))


def parse_fn_datetime(data: bytes, start: int) -> dt.datetime | None:
    chunk = data[start:start + 5]
    if len(chunk) != 5:
        raise CommandError("answer too short for a date and time")
    try:
        return dt.datetime(2000 + chunk[0], chunk[1], chunk[2], chunk[3], chunk[4])
    except ValueError:
        return None


def tlv(tag: int, value: bytes) -> bytes:
    return le(tag, 2) + le(len(value), 2) + value


def parse_tlvs(data: bytes) -> list[tuple[int, bytes]]:
    out: list[tuple[int, bytes]] = []
    pos = 0
    while pos < len(data):
        if pos + 4 > len(data):
            raise CommandError("truncated TLV header")
        tag, size = from_le(data, pos, 2), from_le(data, pos + 2, 2)
        value = data[pos + 4:pos + 4 + size]
        if len(value) != size:
            raise CommandError("truncated TLV value")
        out.append((tag, bytes(value)))
        pos += 4 + size
    return out


# --- status answers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShortStatus:
    """0x10 answer (after the error code): operator, flags (2), mode, submode, operations count (low
    byte), battery and supply voltages, FP and EKLZ error codes, operations count (high byte), 3
    reserved bytes."""

    operator: int
    flags: int
    mode: int
    submode: int
    operations: int = 0

    def encode(self) -> bytes:
        return (bytes((self.operator,)) + le(self.flags, 2) + bytes((self.mode, self.submode,
                self.operations & 0xFF, 0, 0, 0, 0, self.operations >> 8)) + b"\0\0\0")

    @classmethod
    def decode(cls, data: bytes) -> ShortStatus:
        if len(data) < 6:
            raise CommandError("short status answer too short")
        ops = (data[5] if len(data) > 5 else 0) | ((data[10] << 8) if len(data) > 10 else 0)
        return cls(operator=data[0], flags=from_le(data, 1, 2), mode=data[3], submode=data[4], operations=ops)

    @property
    def mode_number(self) -> int:
        return self.mode & 0x0F

    @property
    def mode_status(self) -> int:
        return self.mode >> 4

    @property
    def cover_open(self) -> bool:
        return bool(self.flags & FLAG_COVER_OPEN)

    @property
    def paper_out(self) -> bool:
        return self.submode in (SUBMODE_PAPER_OUT_PASSIVE, SUBMODE_PAPER_OUT_ACTIVE, SUBMODE_WAIT_CONTINUE) \
            or not self.flags & FLAG_RECEIPT_ROLL


@dataclass(frozen=True)
class FullStatus:
    """0x11 answer (after the error code), the fields a driver needs: operator (1), firmware version (2),
    build (2), date (3), number in the hall (1), document number (2), flags (2), mode (1), submode (1),
    port (1), FP version (2), FP build (2), FP date (3), date (3, DMY), time (3), FP flags (1), serial
    number (4), last closed shift (2), free FP records (2), registrations (1), left (1), INN (6)."""

    document_number: int
    flags: int
    mode: int
    submode: int
    serial_number: int
    last_closed_shift: int
    at: dt.datetime | None = None

    def encode(self) -> bytes:
        at = self.at or dt.datetime(2000, 1, 1)
        return (b"\x1e" + b"C2" + le(1, 2) + bytes((1, 1, 24)) + b"\x01" + le(self.document_number, 2)
                + le(self.flags, 2) + bytes((self.mode, self.submode, 0)) + b"C2" + le(1, 2)
                + bytes((1, 1, 24)) + bytes((at.day, at.month, at.year - 2000))
                + bytes((at.hour, at.minute, at.second)) + b"\0" + le(self.serial_number, 4)
                + le(self.last_closed_shift, 2) + le(0, 2) + b"\x01\x00" + b"\0" * 6)

    @classmethod
    def decode(cls, data: bytes) -> FullStatus:
        if len(data) < 36:
            raise CommandError("full status answer too short")
        d, m, y, hh, mm, ss = data[23:29]
        try:
            at: dt.datetime | None = dt.datetime(2000 + y, m, d, hh, mm, ss)
        except ValueError:
            at = None
        return cls(document_number=from_le(data, 9, 2), flags=from_le(data, 11, 2), mode=data[13],
                   submode=data[14], serial_number=from_le(data, 30, 4),
                   last_closed_shift=from_le(data, 34, 2), at=at)


# FF01 warning flags
FN_WARN_REPLACE_URGENT = 1 << 0  # crypto resource ends within 3 days
FN_WARN_RESOURCE_30_DAYS = 1 << 1  # crypto resource ends within 30 days
FN_WARN_MEMORY_FULL = 1 << 2  # archive 90% full
FN_WARN_OFD_TIMEOUT = 1 << 3  # the OFD has not answered for too long


@dataclass(frozen=True)
class FnStatus:
    """FF01 answer: life phase (1), current document (1), document data (1), shift open (1), warning
    flags (1), date and time (5), drive number (16, ASCII), last fiscal document number (4)."""

    phase: int
    current_document: int
    shift_open: bool
    warnings: int
    at: dt.datetime | None
    fn_number: str
    last_document: int

    def encode(self) -> bytes:
        return (bytes((self.phase, self.current_document, 0, int(self.shift_open), self.warnings))
                + fn_datetime(self.at or dt.datetime(2000, 1, 1))
                + self.fn_number.encode("ascii")[:16].ljust(16, b"0") + le(self.last_document, 4))

    @classmethod
    def decode(cls, data: bytes) -> FnStatus:
        if len(data) < 30:
            raise CommandError("fiscal drive status answer too short")
        return cls(phase=data[0], current_document=data[1], shift_open=bool(data[3]), warnings=data[4],
                   at=parse_fn_datetime(data, 5), fn_number=data[10:26].decode("ascii", errors="replace"),
                   last_document=from_le(data, 26, 4))


@dataclass(frozen=True)
class ShiftParams:
    """FF40 answer: shift open (1), shift number (2), receipt number (2)."""

    shift_open: bool
    shift_number: int
    receipt_number: int

    def encode(self) -> bytes:
        return bytes((int(self.shift_open),)) + le(self.shift_number, 2) + le(self.receipt_number, 2)

    @classmethod
    def decode(cls, data: bytes) -> ShiftParams:
        if len(data) < 5:
            raise CommandError("shift parameters answer too short")
        return cls(bool(data[0]), from_le(data, 1, 2), from_le(data, 3, 2))


@dataclass(frozen=True)
class FoundDocument:
    """FF0A answer: document type (1), OFD ticket received (1), then for every type date and time (5),
    document number (4), fiscal sign (4); receipts and corrections add the calculation sign (1) and the
    sum (5), shift reports the shift number (2)."""

    doc_type: int
    ticket: bool
    at: dt.datetime | None
    number: int
    fiscal_sign: int
    calc_sign: int = 0
    amount: int = 0
    shift_number: int = 0

    def encode(self) -> bytes:
        head = (bytes((self.doc_type, int(self.ticket))) + fn_datetime(self.at or dt.datetime(2000, 1, 1))
                + le(self.number, 4) + le(self.fiscal_sign, 4))
        if self.doc_type in (DOC_RECEIPT, DOC_CORRECTION):
            return head + bytes((self.calc_sign,)) + le(self.amount, 5)
        if self.doc_type in (DOC_SHIFT_OPEN, DOC_SHIFT_CLOSE):
            return head + le(self.shift_number, 2)
        return head

    @classmethod
    def decode(cls, data: bytes) -> FoundDocument:
        if len(data) < 15:
            raise CommandError("document answer too short")
        doc_type = data[0]
        extra: dict = {}
        if doc_type in (DOC_RECEIPT, DOC_CORRECTION) and len(data) >= 21:
            extra = {"calc_sign": data[15], "amount": from_le(data, 16, 5)}
        elif doc_type in (DOC_SHIFT_OPEN, DOC_SHIFT_CLOSE) and len(data) >= 17:
            extra = {"shift_number": from_le(data, 15, 2)}
        return cls(doc_type=doc_type, ticket=bool(data[1]), at=parse_fn_datetime(data, 2),
                   number=from_le(data, 7, 4), fiscal_sign=from_le(data, 11, 4), **extra)


# --- receipt requests -----------------------------------------------------------------------------


@dataclass(frozen=True)
class OperationV2:
    """FF46 request data after the password: type (1), quantity (6, millionths), price (5), sum (5),
    tax sum (5, 0xFF.. = computed by the registrar), tax rate (1), department (1), payment method
    (FFD 1214, 1), payment object (FFD 1212, 1), name (0..128, CP1251)."""

    type: int
    quantity: int
    price: int
    amount: int
    tax_rate: int
    department: int
    payment_method: int
    payment_object: int
    name: str
    tax_amount: int = NOT_SET5

    def encode(self) -> bytes:
        return (bytes((self.type,)) + le(self.quantity, 6) + le(self.price, 5) + le(self.amount, 5)
                + le(self.tax_amount, 5) + bytes((self.tax_rate, self.department, self.payment_method,
                                                 self.payment_object)) + text(self.name, 128))

    @classmethod
    def decode(cls, data: bytes) -> OperationV2:
        if len(data) < 26:  # the name is 0..128 bytes
            raise CommandError("operation request too short")
        return cls(type=data[0], quantity=from_le(data, 1, 6), price=from_le(data, 7, 5),
                   amount=from_le(data, 12, 5), tax_amount=from_le(data, 17, 5), tax_rate=data[22],
                   department=data[23], payment_method=data[24], payment_object=data[25],
                   name=untext(data[26:154]))


class CloseVariant(Enum):
    """The firmware-dependent tail of FF45 (close check extended, variant 2)."""

    # 16 sums, rounding (1), 6 tax sums (5 each), tax system (1), text (0..64); the answer carries the
    # change (5), document number (4), fiscal sign (4) and, on newer firmware, date and time (5).
    ROUNDING_TAXES = "rounding-taxes"
    # Older firmware: 16 sums, discount % (2, signed), taxes 1..4 (1 each), tax system (1), text (40);
    # the answer is the change only.
    DISCOUNT_GROUPS = "discount-groups"


@dataclass(frozen=True)
class CloseCheck:
    """FF45 request data after the password."""

    sums: tuple[int, ...]  # 16 payment sums in kopecks, by payment type position
    tax_system: int = 1
    text: str = ""
    rounding: int = 0
    variant: CloseVariant = CloseVariant.ROUNDING_TAXES

    def encode(self) -> bytes:
        if len(self.sums) != 16:
            raise CommandError("FF45 takes 16 payment sums")
        out = b"".join(le(s, 5) for s in self.sums)
        if self.variant is CloseVariant.ROUNDING_TAXES:
            return (out + bytes((self.rounding,)) + le(NOT_SET5, 5) * 6 + bytes((self.tax_system,))
                    + text(self.text, 64))
        return out + b"\0\0" + b"\0\0\0\0" + bytes((self.tax_system,)) + text(self.text, 40, pad=True)

    @classmethod
    def decode(cls, data: bytes, variant: CloseVariant) -> CloseCheck:
        if len(data) < 80:
            raise CommandError("close check request too short")
        sums = tuple(from_le(data, i * 5, 5) for i in range(16))
        if variant is CloseVariant.ROUNDING_TAXES:
            if len(data) < 112:
                raise CommandError("close check request too short for its variant")
            return cls(sums, tax_system=data[111], text=untext(data[112:]), rounding=data[80], variant=variant)
        if len(data) < 87:
            raise CommandError("close check request too short for its variant")
        return cls(sums, tax_system=data[86], text=untext(data[87:127]), variant=variant)


@dataclass(frozen=True)
class CloseCheckResult:
    change: int
    number: int | None = None  # fiscal document number
    fiscal_sign: int | None = None
    at: dt.datetime | None = None

    def encode(self, variant: CloseVariant) -> bytes:
        if variant is CloseVariant.DISCOUNT_GROUPS:
            return le(self.change, 5)
        out = le(self.change, 5) + le(self.number or 0, 4) + le(self.fiscal_sign or 0, 4)
        return out + fn_datetime(self.at) if self.at else out

    @classmethod
    def decode(cls, data: bytes) -> CloseCheckResult:
        change = from_le(data, 0, 5)
        if len(data) < 13:
            return cls(change)
        at = parse_fn_datetime(data, 13) if len(data) >= 18 else None
        return cls(change, from_le(data, 5, 4), from_le(data, 9, 4), at)


@dataclass(frozen=True)
class Correction:
    """FF4A request data after the password: correction type (1), calculation sign (1), total (5),
    cash (5), electronic (5), prepayment (5), postpayment (5), counter-provision (5), six tax sums
    (5 each), tax system (1)."""

    correction_type: int
    calc_sign: int
    total: int
    sums: tuple[int, int, int, int, int]
    tax_system: int = 1
    taxes: tuple[int, ...] = (0, 0, 0, 0, 0, 0)

    def encode(self) -> bytes:
        return (bytes((self.correction_type, self.calc_sign)) + le(self.total, 5)
                + b"".join(le(s, 5) for s in self.sums) + b"".join(le(t, 5) for t in self.taxes)
                + bytes((self.tax_system,)))

    @classmethod
    def decode(cls, data: bytes) -> Correction:
        if len(data) < 63:
            raise CommandError("correction request too short")
        sums = tuple(from_le(data, 7 + i * 5, 5) for i in range(5))
        taxes = tuple(from_le(data, 32 + i * 5, 5) for i in range(6))
        return cls(data[0], data[1], from_le(data, 2, 5), sums, data[62], taxes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class CorrectionResult:
    """FF4A answer: receipt number (2), document number (4), fiscal sign (4)."""

    receipt_number: int
    number: int
    fiscal_sign: int

    def encode(self) -> bytes:
        return le(self.receipt_number, 2) + le(self.number, 4) + le(self.fiscal_sign, 4)

    @classmethod
    def decode(cls, data: bytes) -> CorrectionResult:
        return cls(from_le(data, 0, 2), from_le(data, 2, 4), from_le(data, 6, 4))


# --- errors ---------------------------------------------------------------------------------------


class PaperOut(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The fiscal registrar is out of receipt paper: load a new roll, close the cover, "
        "then repeat the operation.")


class CoverOpen(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The fiscal registrar's cover is open: close it until it clicks, then repeat the "
        "operation.")


class ShiftExpired(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The shift has been open for more than 24 hours: close it with a Z-report, open a "
        "new shift, then repeat the operation.")


class ShiftClosed(DeviceError):
    message = QT_TRANSLATE_NOOP("DomainError", "The shift is closed: open a shift first.")


class ShiftAlreadyOpen(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "A shift is already open on the fiscal registrar: close it with a Z-report first.")


class ReceiptOpen(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "A receipt is still open on the fiscal registrar: cancel it, then repeat the operation.")


class NotEnoughCash(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "There is not enough cash in the drawer for this operation: check the amount or "
        "make a cash-in first.")


class PaymentTooSmall(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The payments do not cover the receipt total: check the amounts.")


class FiscalDriveFull(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The fiscal drive is full or its resource is exhausted: send the documents to the "
        "OFD and have the service engineer replace the drive.")


class FiscalDriveExpired(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The fiscal drive has expired: have the service engineer replace it and re-register "
        "the registrar.")


class FiscalDriveFailure(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The fiscal drive does not work (code {code_hex}): call the service engineer.")


class WrongPassword(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The fiscal registrar refused the operator password: check the password in the "
        "device settings.")


class DeviceBusy(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The fiscal registrar is still printing the previous document: wait a moment, then "
        "repeat the operation.")


class RegistrarRefused(DeviceError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The fiscal registrar refused the operation (code {code_hex}: {detail}).")


# Codes verified against the Shtrih-M error tables carried by public drivers (FN codes 0x01..0x3F,
# registrar codes 0x33..0xC8).
_ERRORS: dict[int, tuple[type[DeviceError], str]] = {
    0x03: (FiscalDriveFailure, "fiscal drive failure"),
    0x04: (FiscalDriveFailure, "crypto coprocessor failure"),
    0x05: (FiscalDriveExpired, "fiscal drive lifetime is over"),
    0x06: (FiscalDriveFull, "fiscal drive archive is full"),
    0x12: (FiscalDriveFull, "crypto coprocessor resource exhausted"),
    0x14: (FiscalDriveFull, "storage resource exhausted"),
    0x15: (FiscalDriveFull, "OFD transmission waiting time exhausted"),
    0x16: (ShiftExpired, "shift longer than 24 hours"),
    0x30: (FiscalDriveFailure, "fiscal drive does not answer"),
    0x3C: (ShiftAlreadyOpen, "shift open, operation impossible"),
    0x3D: (ShiftClosed, "shift not open, operation impossible"),
    0x45: (PaymentTooSmall, "payments less than the receipt total"),
    0x46: (NotEnoughCash, "not enough cash in the drawer"),
    0x4A: (ReceiptOpen, "receipt open, operation impossible"),
    0x4E: (ShiftExpired, "shift longer than 24 hours"),
    0x4F: (WrongPassword, "wrong password"),
    0x50: (DeviceBusy, "printing the previous command"),
    0x58: (PaperOut, "waiting for the continue-printing command"),
    0x6B: (PaperOut, "no receipt paper"),
    0x6C: (PaperOut, "no journal paper"),
}

DETAILS = {
    0x37: "command not supported", 0x33: "wrong parameters", 0x49: "operation impossible in this receipt",
    0x4D: "non-cash payment greater than the receipt total", 0x55: "receipt closed, operation impossible",
    0x73: "command not supported in this mode", 0x08: "no requested data", 0x02: "wrong fiscal drive state",
    0x7E: "wrong length", 0x71: "cutter failure", 0x77: "printer failure: no signal from the sensors",
    0xC8: "printer failure",
}

# Codes after which the printer's own state (cover, paper) tells the real cause
PRINTER_CODES = frozenset({0x58, 0x6B, 0x6C, 0x71, 0x77, 0xC8})


def error_for(code: int, *, cover_open: bool = False, paper_out: bool = False) -> DeviceError:
    """The `DeviceError` for a registrar error code; ``cover_open``/``paper_out`` (from a status read
    after a printer error) take precedence, since an open cover shows as a paper or printer error."""
    if code in PRINTER_CODES and cover_open:
        return CoverOpen(code=code)
    if code in PRINTER_CODES and paper_out:
        return PaperOut(code=code)
    cls, detail = _ERRORS.get(code, (RegistrarRefused, DETAILS.get(code, "unknown error")))
    return cls(code=code, code_hex=f"0x{code:02X}", detail=detail)


@dataclass
class Answer:
    """A decoded answer payload: the command it answers, its error code and the data after it."""

    cmd: int
    error: int
    data: bytes = field(default=b"")
