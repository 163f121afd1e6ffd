"""What the cash desk needs from its devices, whatever the model: a fiscal registrar (54-FZ cash
register, ККТ) and an acquiring (bank card) terminal. Drivers implement these protocols; the cash desk
services depend only on them. Money is ``Decimal`` roubles with two places; drivers convert to the
device's units (kopecks) themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Protocol, runtime_checkable

from shared.errors import QT_TRANSLATE_NOOP, DomainError


class ReceiptKind(Enum):
    """FFD tag 1054, calculation sign."""

    SALE = 1  # приход
    SALE_RETURN = 2  # возврат прихода


class PaymentType(Enum):
    """How a receipt is paid (the sums of FF45 close-check-extended, by position)."""

    CASH = 1
    CARD = 2  # электронными
    PREPAYMENT = 14  # зачёт аванса (credited deposit)


class VatRate(Enum):
    """FFD tag 1199 values used by a clinic. Medical services are usually exempt (6, "without VAT")."""

    VAT_22 = 1  # the basic rate (20% until 2026)
    VAT_10 = 2
    VAT_0 = 5
    EXEMPT = 6
    VAT_5 = 7
    VAT_7 = 8


class CorrectionType(Enum):
    """FFD tag 1173."""

    SELF = 0  # самостоятельно
    BY_ORDER = 1  # по предписанию


@dataclass(frozen=True)
class ReceiptItem:
    name: str  # printed name (up to 128 characters, CP1251)
    quantity: Decimal
    price: Decimal  # unit price, roubles
    amount: Decimal  # line total after discount, roubles
    vat: VatRate = VatRate.EXEMPT
    department: int = 1
    payment_method: int = 4  # FFD 1214: 4 = full payment
    payment_object: int = 4  # FFD 1212: 4 = service


@dataclass(frozen=True)
class Payment:
    type: PaymentType
    amount: Decimal


@dataclass(frozen=True)
class Receipt:
    kind: ReceiptKind
    items: tuple[ReceiptItem, ...]
    payments: tuple[Payment, ...]
    customer_contact: str = ""  # FFD 1008: phone (+7...) or e-mail for an electronic receipt
    cashier_name: str = ""  # FFD 1021
    cashier_inn: str = ""  # FFD 1203

    @property
    def total(self) -> Decimal:
        return sum((i.amount for i in self.items), Decimal(0))


@dataclass(frozen=True)
class FiscalDocument:
    """What a closed receipt (or report) left in the fiscal drive."""

    number: int  # fiscal document number (ФД)
    fiscal_sign: int  # ФП / ФПД
    receipt_number: int | None  # the receipt's number within the shift, when a receipt
    shift_number: int
    at: dt.datetime | None = None
    change: Decimal = Decimal(0)  # change to give for cash


@dataclass(frozen=True)
class RegistrarStatus:
    shift_open: bool
    shift_number: int
    shift_expired: bool  # open for more than 24 hours: only a Z-report is possible
    receipt_open: bool
    paper_out: bool
    cover_open: bool
    last_document_number: int
    fiscal_drive_ok: bool = True
    fiscal_drive_warning: str = ""  # e.g. "memory almost full", "drive expires soon"
    serial_number: str = ""
    mode: int = 0  # the device's raw mode, for the log
    extra: dict = field(default_factory=dict)


class DeviceError(DomainError):
    """A device refused or failed; ``code`` is the device's own error code when it gave one. The message
    names the fix a cashier can make (load paper, close the cover, close the shift...)."""

    message = QT_TRANSLATE_NOOP("DomainError", "The device reported an error: {detail}")

    def __init__(self, message: str | None = None, *, code: int | None = None, **params) -> None:
        self.code = code
        super().__init__(message, **params)


class DeviceUnavailable(DeviceError):
    """No answer (cable, power, port): the operation's outcome is unknown until reconciled."""

    message = QT_TRANSLATE_NOOP(
        "DomainError", "The device does not answer on {port}: check its power and cable, then try again.")


@runtime_checkable
class FiscalRegistrar(Protocol):
    def status(self) -> RegistrarStatus: ...

    def open_shift(self, cashier_name: str = "", cashier_inn: str = "") -> FiscalDocument: ...

    def sell(self, receipt: Receipt) -> FiscalDocument:
        """Opens, fills, pays and closes a receipt (sale or return of sale); cancels it on failure."""
        ...

    def cancel_receipt(self) -> None: ...

    def cash_in(self, amount: Decimal) -> None: ...

    def cash_out(self, amount: Decimal) -> None: ...

    def x_report(self) -> None: ...

    def z_report(self) -> FiscalDocument:
        """Closes the shift."""
        ...

    def correction(self, kind: ReceiptKind, payments: tuple[Payment, ...], correction_type: CorrectionType,
                   basis_date: dt.date, basis_number: str) -> FiscalDocument: ...

    def last_document(self) -> FiscalDocument | None:
        """The last fiscal document of the drive (for reconciling an operation cut short)."""
        ...


@dataclass(frozen=True)
class CardResult:
    approved: bool
    amount: Decimal
    rrn: str  # retrieval reference number ('' when declined)
    auth_code: str
    card_mask: str  # "****1234"
    slip: str  # the slip text to print (or '' when the terminal prints it)
    message: str  # the terminal's own text ("ОДОБРЕНО", "ОТКАЗ")
    code: int  # the terminal's result code (0 = success)


@runtime_checkable
class AcquiringTerminal(Protocol):
    def purchase(self, amount: Decimal, reference: str) -> CardResult: ...

    def refund(self, amount: Decimal, rrn: str, reference: str) -> CardResult: ...

    def cancel_last(self) -> CardResult: ...

    def settlement(self) -> CardResult:
        """Closes the bank day (сверка итогов)."""
        ...

    def last_transaction(self) -> CardResult | None:
        """The terminal's last transaction (for reconciling an operation cut short), when it can tell."""
        ...
