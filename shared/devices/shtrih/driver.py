"""`ShtrihRegistrar`: the `FiscalRegistrar` protocol over a Shtrih-M registrar's serial protocol.

The port is opened with ``serial.serial_for_url`` so a COM port, a device path (a pseudo-terminal of
the emulator) or ``loop://`` all work. One exchange: ENQ until the device answers NAK (idle; an ACK
means an old answer is pending, which is read and dropped), the request frame until the device ACKs
it, then the answer frame, ACKed by us or NAKed for a resend. Retries are bounded; when they run out
the driver raises `DeviceUnavailable`. A request the device has ACKed is never sent again: a lost answer
is asked for with ENQ, so a sale is never duplicated.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from shared.devices.protocols import (
    CorrectionType,
    DeviceError,
    DeviceUnavailable,
    FiscalDocument,
    Payment,
    PaymentType,
    Receipt,
    ReceiptKind,
    RegistrarStatus,
    VatRate,
)
from shared.devices.shtrih import commands as c
from shared.devices.shtrih.frames import (
    ACK,
    ENQ,
    NAK,
    STX,
    BadLrc,
    FrameError,
    command_payload,
    encode_frame,
    read_frame_after_stx,
    split_payload,
)

log = logging.getLogger(__name__)

# FF45 sum positions (0-based) by payment type
PAYMENT_POSITIONS = {PaymentType.CASH: 0, PaymentType.CARD: 1, PaymentType.PREPAYMENT: 13}

# FF46 tax rate byte: the registrar's tax numbers (table 6). 1..4 are documented (1 = the basic rate,
# 2 = 10%, 3 = 0%, 4 = without VAT); 5%/7% depend on the firmware, hence a setting.
DEFAULT_VAT_CODES = {VatRate.VAT_22: 1, VatRate.VAT_10: 2, VatRate.VAT_0: 3, VatRate.EXEMPT: 4,
                     VatRate.VAT_5: 7, VatRate.VAT_7: 8}


@dataclass(frozen=True)
class ShtrihSettings:
    port: str  # a pyserial URL: "COM3", "/dev/ttyACM0", "loop://", a pty path
    baudrate: int = 115200
    password: int = 30  # operator password
    admin_password: int = 30  # system administrator password (reports, fiscal drive commands)
    byte_timeout: float = 0.5  # the answer to ENQ, the ACK to a frame, each byte within a frame
    answer_timeout: float = 20.0  # the answer frame's first byte (the device may be printing)
    retries: int = 5
    close_variant: c.CloseVariant = c.CloseVariant.ROUNDING_TAXES
    tax_system: int = 1  # FF45/FF4A tax system bit: 1 ОСН, 2 УСН доход, 4 УСН доход-расход, 32 ПСН
    vat_codes: dict[VatRate, int] = field(default_factory=lambda: dict(DEFAULT_VAT_CODES))


class ShtrihRegistrar:
    def __init__(self, settings: ShtrihSettings, port: Any | None = None) -> None:
        """``port`` is an already open Serial-like object; when None, ``settings.port`` is opened."""
        self.settings = settings
        self._port = port

    # --- port ----------------------------------------------------------------------------------

    @property
    def port(self) -> Any:
        if self._port is None:
            import serial

            try:
                self._port = serial.serial_for_url(self.settings.port, baudrate=self.settings.baudrate,
                                                   timeout=self.settings.byte_timeout)
            except (serial.SerialException, OSError, ValueError) as exc:
                raise DeviceUnavailable(port=self.settings.port) from exc
        return self._port

    def close(self) -> None:
        if self._port is not None:
            try:
                self._port.close()
            finally:
                self._port = None

    def __enter__(self) -> ShtrihRegistrar:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _unavailable(self, why: str) -> DeviceUnavailable:
        log.warning("Shtrih on %s: %s", self.settings.port, why)
        return DeviceUnavailable(port=self.settings.port)

    def _read(self, n: int, timeout: float) -> bytes:
        port = self.port
        port.timeout = timeout
        try:
            return bytes(port.read(n))
        except OSError as exc:
            raise self._unavailable(f"read failed: {exc}") from exc

    def _write(self, data: bytes) -> None:
        try:
            self.port.write(data)
            self.port.flush()
        except OSError as exc:
            raise self._unavailable(f"write failed: {exc}") from exc

    # --- link layer ------------------------------------------------------------------------------

    def _read_answer(self, first_timeout: float) -> bytes | None:
        """One answer frame, ACKed; NAKs bad ones (the device resends). None when nothing came."""
        for _ in range(self.settings.retries):
            start = self._read(1, first_timeout)
            if not start:
                return None
            if start[0] != STX:
                first_timeout = self.settings.byte_timeout
                continue  # noise before the frame
            try:
                payload = read_frame_after_stx(lambda n: self._read(n, self.settings.byte_timeout))
            except BadLrc:
                self._write(bytes((NAK,)))
                first_timeout = self.settings.byte_timeout
                continue
            except FrameError:
                self.port.reset_input_buffer()
                self._write(bytes((NAK,)))
                first_timeout = self.settings.byte_timeout
                continue
            self._write(bytes((ACK,)))
            return payload
        raise self._unavailable("answers keep arriving damaged")

    def _wait_idle(self) -> None:
        """ENQ until the device says NAK (ready); reads and drops an old pending answer."""
        for _ in range(self.settings.retries):
            self._write(bytes((ENQ,)))
            reply = self._read(1, self.settings.byte_timeout)
            if reply == bytes((NAK,)):
                return
            if reply == bytes((ACK,)):
                stale = self._read_answer(self.settings.answer_timeout)
                log.info("Shtrih: dropped a stale answer %s", stale.hex() if stale else None)
                continue
            if reply == bytes((STX,)):
                # an old answer already on its way (its LEN byte may well be 0x15, like NAK): read it
                # whole and drop it, or drop whatever is there
                try:
                    stale = read_frame_after_stx(lambda n: self._read(n, self.settings.byte_timeout))
                    self._write(bytes((ACK,)))
                    log.info("Shtrih: dropped a stale answer %s", stale.hex())
                except FrameError:
                    self.port.reset_input_buffer()
        raise self._unavailable("no reply to ENQ")

    def _transact(self, payload: bytes) -> bytes:
        self._wait_idle()
        frame = encode_frame(payload)
        for _ in range(self.settings.retries):
            self._write(frame)
            reply = self._read(1, self.settings.byte_timeout)
            if reply == bytes((ACK,)):
                break
            # NAK (bad LRC on the way) or nothing: send again
        else:
            raise self._unavailable("the device does not accept the request")
        answer = self._read_answer(self.settings.answer_timeout)
        for _ in range(self.settings.retries):
            if answer is not None:
                return answer
            # the answer was lost: ask for it (ACK = it is coming), never resend the request
            self._write(bytes((ENQ,)))
            reply = self._read(1, self.settings.byte_timeout)
            if reply == bytes((ACK,)):
                answer = self._read_answer(self.settings.answer_timeout)
            elif reply == bytes((NAK,)):
                break
        raise self._unavailable("the answer was lost after the device accepted the request")

    def _command(self, cmd: int, data: bytes = b"", *, admin: bool = False) -> bytes:
        pw = self.settings.admin_password if admin else self.settings.password
        answer = self._transact(command_payload(cmd, c.password(pw) + data))
        try:
            got, rest = split_payload(answer)
        except FrameError as exc:
            raise self._unavailable(f"bad answer {answer.hex()}") from exc
        if got != cmd or not rest:
            raise self._unavailable(f"answer to 0x{got:X} for 0x{cmd:X}")
        if rest[0] != 0:
            raise self._error(rest[0])
        return rest[1:]

    def _error(self, code: int) -> DeviceError:
        cover = paper = False
        if code in c.PRINTER_CODES:
            try:
                st = self._short_status()
                cover, paper = st.cover_open, st.paper_out
            except DeviceError:
                pass
        err = c.error_for(code, cover_open=cover, paper_out=paper)
        log.info("Shtrih error 0x%02X: %s", code, err)
        return err

    # --- queries -------------------------------------------------------------------------------

    def _short_status(self) -> c.ShortStatus:
        return c.ShortStatus.decode(self._command(c.SHORT_STATUS))

    def _fn_status(self) -> c.FnStatus:
        return c.FnStatus.decode(self._command(c.FN_STATUS, admin=True))

    def _shift_params(self) -> c.ShiftParams:
        return c.ShiftParams.decode(self._command(c.FN_SHIFT_PARAMS, admin=True))

    def _find(self, number: int) -> c.FoundDocument:
        return c.FoundDocument.decode(self._command(c.FN_FIND_DOCUMENT, c.le(number, 4), admin=True))

    def _send_tlv(self, tag: int, value: bytes) -> None:
        self._command(c.FN_SEND_TLV, c.tlv(tag, value), admin=True)

    def _send_cashier(self, name: str, inn: str) -> None:
        if name:
            self._send_tlv(c.TAG_CASHIER, c.text(name, 64))
        if inn:
            self._send_tlv(c.TAG_CASHIER_INN, c.text(inn.ljust(12), 12))

    def _document(self, number: int, *, receipt_number: int | None = None,
                  change: Decimal = Decimal(0)) -> FiscalDocument:
        found = self._find(number)
        shift = found.shift_number
        if found.doc_type in (c.DOC_RECEIPT, c.DOC_CORRECTION) or not shift:
            params = self._shift_params()
            shift = shift or params.shift_number
            if receipt_number is None and found.doc_type in (c.DOC_RECEIPT, c.DOC_CORRECTION):
                receipt_number = params.receipt_number
        return FiscalDocument(number=found.number, fiscal_sign=found.fiscal_sign, receipt_number=receipt_number,
                              shift_number=shift, at=found.at, change=change)

    # --- FiscalRegistrar -------------------------------------------------------------------------

    def status(self) -> RegistrarStatus:
        short = self._short_status()
        full = c.FullStatus.decode(self._command(c.FULL_STATUS))
        fn = self._fn_status()
        params = self._shift_params()
        warnings = []
        if fn.warnings & c.FN_WARN_REPLACE_URGENT:
            warnings.append("fiscal drive must be replaced within 3 days")
        elif fn.warnings & c.FN_WARN_RESOURCE_30_DAYS:
            warnings.append("fiscal drive expires within 30 days")
        if fn.warnings & c.FN_WARN_MEMORY_FULL:
            warnings.append("fiscal drive memory almost full")
        if fn.warnings & c.FN_WARN_OFD_TIMEOUT:
            warnings.append("documents not sent to the OFD for too long")
        return RegistrarStatus(
            shift_open=params.shift_open, shift_number=params.shift_number,
            shift_expired=short.mode_number == c.MODE_SHIFT_EXPIRED,
            receipt_open=short.mode_number == c.MODE_DOCUMENT_OPEN, paper_out=short.paper_out,
            cover_open=short.cover_open, last_document_number=fn.last_document,
            fiscal_drive_ok=not fn.warnings & c.FN_WARN_REPLACE_URGENT,
            fiscal_drive_warning="; ".join(warnings), serial_number=str(full.serial_number),
            mode=short.mode, extra={"submode": short.submode, "fn_number": fn.fn_number, "flags": short.flags,
                                    "receipt_number": params.receipt_number})

    def open_shift(self, cashier_name: str = "", cashier_inn: str = "") -> FiscalDocument:
        self._command(c.FN_BEGIN_OPEN_SHIFT, admin=True)
        self._send_cashier(cashier_name, cashier_inn)
        self._command(c.OPEN_SHIFT)
        return self._document(self._fn_status().last_document)

    def sell(self, receipt: Receipt) -> FiscalDocument:
        sums = [0] * 16
        for p in receipt.payments:
            sums[PAYMENT_POSITIONS[p.type]] += c.kopecks(p.amount)
        is_return = receipt.kind is ReceiptKind.SALE_RETURN
        self._command(c.OPEN_CHECK, bytes((c.CHECK_SALE_RETURN if is_return else c.CHECK_SALE,)))
        try:
            self._send_cashier(receipt.cashier_name, receipt.cashier_inn)
            if receipt.customer_contact:
                self._send_tlv(c.TAG_CUSTOMER_CONTACT, c.text(receipt.customer_contact, 64))
            op_type = c.OPERATION_SALE_RETURN if is_return else c.OPERATION_SALE
            for item in receipt.items:
                op = c.OperationV2(type=op_type, quantity=c.millionths(item.quantity),
                                   price=c.kopecks(item.price), amount=c.kopecks(item.amount),
                                   tax_rate=self.settings.vat_codes[item.vat], department=item.department,
                                   payment_method=item.payment_method, payment_object=item.payment_object,
                                   name=item.name)
                self._command(c.FN_OPERATION_V2, op.encode())
            close = c.CloseCheck(tuple(sums), tax_system=self.settings.tax_system,
                                 variant=self.settings.close_variant)
            answer = self._command(c.FN_CLOSE_CHECK_V2, close.encode())
        except DeviceUnavailable:
            raise  # the outcome is unknown: reconcile with last_document()
        except DeviceError:
            self._cancel_quietly()
            raise
        result = c.CloseCheckResult.decode(answer)
        number = result.number if result.number else self._fn_status().last_document
        return self._document(number, change=c.roubles(result.change))

    def _cancel_quietly(self) -> None:
        try:
            self._command(c.CANCEL_CHECK)
        except DeviceError as exc:
            log.warning("Shtrih: could not cancel the receipt: %s", exc)

    def cancel_receipt(self) -> None:
        try:
            self._command(c.CANCEL_CHECK)
        except DeviceError as exc:
            if exc.code != 0x55:  # no receipt open: nothing to cancel
                raise

    def cash_in(self, amount: Decimal) -> None:
        self._command(c.CASH_IN, c.le(c.kopecks(amount), 5))

    def cash_out(self, amount: Decimal) -> None:
        self._command(c.CASH_OUT, c.le(c.kopecks(amount), 5))

    def x_report(self) -> None:
        self._command(c.X_REPORT, admin=True)

    def z_report(self, cashier_name: str = "", cashier_inn: str = "") -> FiscalDocument:
        self._command(c.FN_BEGIN_CLOSE_SHIFT, admin=True)
        self._send_cashier(cashier_name, cashier_inn)
        self._command(c.Z_REPORT, admin=True)
        return self._document(self._fn_status().last_document)

    def correction(self, kind: ReceiptKind, payments: tuple[Payment, ...], correction_type: CorrectionType,
                   basis_date: dt.date, basis_number: str) -> FiscalDocument:
        by_type = {t: sum((c.kopecks(p.amount) for p in payments if p.type is t), 0) for t in PaymentType}
        sums = (by_type[PaymentType.CASH], by_type[PaymentType.CARD], by_type[PaymentType.PREPAYMENT], 0, 0)
        stamp = int(dt.datetime(basis_date.year, basis_date.month, basis_date.day,
                                tzinfo=dt.UTC).timestamp())
        basis = c.tlv(c.TAG_CORRECTION_DATE, c.le(stamp, 4)) + c.tlv(c.TAG_CORRECTION_NUMBER,
                                                                     c.text(basis_number, 32))
        self._send_tlv(c.TAG_CORRECTION_BASIS, basis)
        req = c.Correction(correction_type=correction_type.value, calc_sign=kind.value, total=sum(sums),
                           sums=sums, tax_system=self.settings.tax_system)
        result = c.CorrectionResult.decode(self._command(c.FN_CORRECTION_V2, req.encode(), admin=True))
        return self._document(result.number, receipt_number=result.receipt_number)

    def last_document(self) -> FiscalDocument | None:
        number = self._fn_status().last_document
        if number == 0:
            return None
        return self._document(number)
