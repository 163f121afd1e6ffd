"""The Shtrih-M driver against the emulator over a pseudo-terminal: the real bytes, handshake and
fiscal journal. Fault tests use short timeouts; no test sleeps."""

from __future__ import annotations

import datetime as dt
import os
import time
from decimal import Decimal

import pytest

from shared.devices.emulators.shtrih import ShtrihEmulator
from shared.devices.protocols import (
    CorrectionType,
    DeviceError,
    DeviceUnavailable,
    FiscalRegistrar,
    Payment,
    PaymentType,
    Receipt,
    ReceiptItem,
    ReceiptKind,
)
from shared.devices.shtrih import commands as c
from shared.devices.shtrih.driver import ShtrihRegistrar, ShtrihSettings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the emulator serves a POSIX pseudo-terminal")

D = Decimal


@pytest.fixture
def emulator():
    emu = ShtrihEmulator(clock=lambda: dt.datetime(2025, 6, 2, 9, 30))
    emu.path = emu.serve_pty(byte_timeout=0.3)
    yield emu
    emu.stop()


def make_driver(emu: ShtrihEmulator, **kw) -> ShtrihRegistrar:
    settings = ShtrihSettings(port=emu.path, byte_timeout=kw.pop("byte_timeout", 0.3),
                              answer_timeout=kw.pop("answer_timeout", 2.0), **kw)
    return ShtrihRegistrar(settings)


@pytest.fixture
def driver(emulator):
    drv = make_driver(emulator)
    yield drv
    drv.close()


@pytest.fixture
def shift(driver):
    driver.open_shift("Иванова И.И.", "500100732259")
    return driver


def visit(kind=ReceiptKind.SALE, payments=None, contact=""):
    items = (ReceiptItem("Приём терапевта, первичный", D(1), D("1500.00"), D("1500.00")),
             ReceiptItem("Общий анализ крови", D(2), D("250.50"), D("501.00")))
    payments = payments or (Payment(PaymentType.CASH, D("1000.00")), Payment(PaymentType.CARD, D("1500.00")))
    return Receipt(kind, items, payments, customer_contact=contact, cashier_name="Иванова И.И.")


def test_implements_the_protocol(driver):
    assert isinstance(driver, FiscalRegistrar)


def test_status_of_a_fresh_registrar(driver):
    st = driver.status()
    assert not st.shift_open and not st.receipt_open and not st.paper_out and not st.cover_open
    assert st.serial_number == "12345678" and st.last_document_number == 0
    assert st.mode == c.MODE_SHIFT_CLOSED


def test_open_shift_makes_a_fiscal_document(driver, emulator):
    doc = driver.open_shift("Иванова И.И.", "500100732259")
    assert doc.number == 1 and doc.shift_number == 1 and doc.fiscal_sign == emulator.documents[1].fiscal_sign
    assert (c.TAG_CASHIER, "Иванова И.И.".encode("cp1251")) in emulator.documents[1].tlvs
    st = driver.status()
    assert st.shift_open and st.shift_number == 1
    with pytest.raises(c.ShiftAlreadyOpen):
        driver.open_shift()


def test_sale_two_items_cash_and_card_with_change(shift, emulator):
    doc = shift.sell(visit())
    assert doc.change == D("499.00")
    assert doc.receipt_number == 1 and doc.shift_number == 1 and doc.number == 2
    journal = emulator.documents[2]
    assert journal.amount == 200100 and journal.calc_sign == 1
    assert [i.name for i in journal.items] == ["Приём терапевта, первичный", "Общий анализ крови"]
    assert journal.items[1].quantity == 2_000_000 and journal.items[1].tax_rate == 4
    assert emulator.totals["sale"] == {1: 50100, 2: 150000}
    assert emulator.cash_in_drawer == 50100
    assert shift.last_document() == doc.__class__(**{**doc.__dict__, "change": D(0)})


def test_return_of_sale_and_customer_email(shift, emulator):
    shift.cash_in(D("5000"))
    doc = shift.sell(visit(ReceiptKind.SALE_RETURN, (Payment(PaymentType.CASH, D("2001.00")),),
                           contact="patient@example.ru"))
    journal = emulator.documents[doc.number]
    assert journal.calc_sign == 2 and doc.change == 0
    assert (c.TAG_CUSTOMER_CONTACT, b"patient@example.ru") in journal.tlvs
    assert emulator.cash_in_drawer == 500000 - 200100
    assert emulator.totals["return"] == {1: 200100}


def test_failed_sale_is_cancelled(shift, emulator):
    with pytest.raises(c.PaymentTooSmall) as err:
        shift.sell(visit(payments=(Payment(PaymentType.CARD, D("100")),)))
    assert err.value.code == 0x45
    assert emulator.check is None and emulator.receipt_number == 0
    assert not shift.status().receipt_open


def test_cancel_receipt(shift, emulator):
    shift._command(c.OPEN_CHECK, b"\x00")
    assert shift.status().receipt_open
    shift.cancel_receipt()
    assert not shift.status().receipt_open
    shift.cancel_receipt()  # nothing open: no error


def test_cash_in_and_out(shift, emulator):
    shift.cash_in(D("3000.00"))
    shift.cash_out(D("1200.50"))
    assert emulator.cash_in_drawer == 179950
    with pytest.raises(c.NotEnoughCash):
        shift.cash_out(D("10000"))


def test_x_then_z_closes_the_shift_and_numbers_continue(shift, emulator):
    shift.sell(visit())
    shift.x_report()
    assert emulator.x_reports == 1
    z = shift.z_report()
    assert z.number == 3 and z.shift_number == 1
    assert not shift.status().shift_open
    with pytest.raises(c.ShiftClosed):
        shift.sell(visit())
    opened = shift.open_shift()
    assert opened.shift_number == 2 and opened.number == 4
    doc = shift.sell(visit())
    assert doc.receipt_number == 1 and doc.number == 5 and doc.shift_number == 2


def test_correction(shift, emulator):
    doc = shift.correction(ReceiptKind.SALE, (Payment(PaymentType.CASH, D("700")),), CorrectionType.SELF,
                           dt.date(2025, 5, 30), "12")
    journal = emulator.documents[doc.number]
    assert journal.doc_type == c.DOC_CORRECTION and journal.amount == 70000 and doc.receipt_number == 1
    (tag, value), = journal.tlvs
    assert tag == c.TAG_CORRECTION_BASIS
    assert dict(c.parse_tlvs(value))[c.TAG_CORRECTION_NUMBER] == b"12"


def test_last_document_after_a_sale_and_on_an_empty_drive(driver, emulator):
    assert driver.last_document() is None
    driver.open_shift()
    sale = driver.sell(visit())
    last = driver.last_document()
    assert (last.number, last.fiscal_sign, last.receipt_number, last.shift_number) == \
        (sale.number, sale.fiscal_sign, 1, 1)


def test_legacy_close_variant(emulator):
    emulator.close_variant = c.CloseVariant.DISCOUNT_GROUPS
    drv = make_driver(emulator, close_variant=c.CloseVariant.DISCOUNT_GROUPS)
    try:
        drv.open_shift()
        doc = drv.sell(visit())
        assert doc.change == D("499.00") and doc.number == 2
        assert doc.fiscal_sign == emulator.documents[2].fiscal_sign
    finally:
        drv.close()


# --- link faults -------------------------------------------------------------------------------------


def test_garbled_answer_is_asked_again(shift, emulator):
    emulator.corrupt_answers = 2
    shift.sell(visit())
    assert emulator.corrupt_answers == 0 and emulator.receipt_number == 1


def test_nak_on_a_request_resends_it(shift, emulator):
    emulator.nak_frames = 2
    shift.cash_in(D("10"))
    assert emulator.cash_in_drawer == 1000
    assert sum(1 for p in emulator.received if p[0] == c.CASH_IN) == 1  # executed once


def test_nak_storm_gives_up_with_device_unavailable(shift, emulator):
    emulator.nak_frames = 1000
    started = time.monotonic()
    with pytest.raises(DeviceUnavailable) as err:
        shift.cash_in(D("10"))
    assert time.monotonic() - started < 3
    assert emulator.path in str(err.value)
    assert emulator.cash_in_drawer == 0
    emulator.nak_frames = 0
    shift.cash_in(D("10"))  # the link recovers
    assert emulator.cash_in_drawer == 1000


def test_silent_device_times_out(emulator):
    emulator.silent = True
    drv = make_driver(emulator, byte_timeout=0.05, retries=3)
    started = time.monotonic()
    try:
        with pytest.raises(DeviceUnavailable):
            drv.status()
    finally:
        drv.close()
    assert time.monotonic() - started < 3


def test_unopenable_port_is_unavailable():
    drv = ShtrihRegistrar(ShtrihSettings(port="/nonexistent/ttyS99"))
    with pytest.raises(DeviceUnavailable):
        drv.status()


# --- device states -----------------------------------------------------------------------------------


def test_paper_out(shift, emulator):
    emulator.paper_out = True
    assert shift.status().paper_out
    with pytest.raises(c.PaperOut) as err:
        shift.sell(visit())
    assert "load a new roll" in str(err.value) and err.value.code == 0x6B
    # cancelling prints too, so the receipt stays open until paper is loaded
    assert emulator.receipt_number == 0 and emulator.check is not None
    emulator.paper_out = False
    with pytest.raises(c.ReceiptOpen):
        shift.sell(visit())
    assert shift.status().receipt_open
    shift.cancel_receipt()
    assert shift.sell(visit()).receipt_number == 1


def test_cover_open(shift, emulator):
    emulator.cover_open = True
    assert shift.status().cover_open
    with pytest.raises(c.CoverOpen) as err:
        shift.x_report()
    assert "close it" in str(err.value)


def test_shift_over_24_hours(shift, emulator):
    emulator.expire_shift()
    st = shift.status()
    assert st.shift_expired
    with pytest.raises(c.ShiftExpired) as err:
        shift.sell(visit())
    assert "Z-report" in str(err.value) and isinstance(err.value, DeviceError)
    shift.z_report()
    assert shift.open_shift().shift_number == 2


def test_forced_fiscal_drive_errors(shift, emulator):
    emulator.force_error(0x14, c.FN_CLOSE_CHECK_V2)
    with pytest.raises(c.FiscalDriveFull):
        shift.sell(visit())
    assert emulator.check is None  # cancelled
    emulator.force_error(0x05)
    with pytest.raises(c.FiscalDriveExpired):
        shift.x_report()
    emulator.force_error(0x77)
    with pytest.raises(c.RegistrarRefused) as err:
        shift.x_report()
    assert "0x77" in str(err.value)
