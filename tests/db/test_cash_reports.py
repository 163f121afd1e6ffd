"""The cash book sheet and the tax-deduction certificate built from a real day at the emulated desk."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import text

from shared.demo.cash import DEMO_DESK
from shared.identifiers import inn_check_digits
from shared.services import cash_desk as cd
from shared.services import cash_reports as cr
from tests.db.cash_helpers import emulated_desk


@pytest.fixture
def setup(cashier, tmp_path):
    with emulated_desk(tmp_path) as bench, cashier.engine.connect() as conn:
        desk = cd.desk_by_name(conn, DEMO_DESK)
        conn.commit()
        yield conn, desk, bench


def _patients(conn) -> list[int]:
    rows = conn.scalars(text(
        "SELECT DISTINCT o.patient_id FROM orders o JOIN order_lines l ON l.order_id = o.id "
        "WHERE o.note = 'Демо: оплата в кассе' AND l.status = 'ordered' ORDER BY 1")).all()
    conn.commit()
    return list(rows)


def _pay_all(conn, desk, devices, patient, card=Decimal(0)):
    lines = cd.payable_lines(conn, patient_id=patient)
    total = sum((line.amount for line in lines), Decimal(0))
    card = min(card, total)
    return lines, cd.pay(conn, desk, devices, cd.PaymentRequest(
        uuid.uuid4(), tuple(line.order_line_id for line in lines), total - card, card))


def test_cash_book_sheet_of_a_day(setup):
    conn, desk, bench = setup
    devices = bench.devices()
    cd.open_shift(conn, desk, devices)
    cd.cash_in(conn, desk, devices, "2000")
    first, second = _patients(conn)[:2]
    _, sale1 = _pay_all(conn, desk, devices, first)
    lines2, sale2 = _pay_all(conn, desk, devices, second, card=Decimal("500"))
    back = cd.refund(conn, desk, devices, sale2.operation_id, [lines2[-1].order_line_id], uuid.uuid4())
    cd.cash_out(conn, desk, devices, "1000")
    today = dt.datetime.now(dt.UTC).astimezone(cd.organization_zone(conn, desk.organization_id)).date()
    sheet = cr.cash_book(conn, desk, today)
    conn.commit()
    assert sheet.opening_balance == 0 and sheet.sheet_number == 1
    kinds = [(e.kind, e.account) for e in sheet.entries]
    assert kinds == [("in", cr.ACCOUNT_CASH_IN), ("in", cr.ACCOUNT_REVENUE), ("out", cr.ACCOUNT_REVENUE),
                     ("out", cr.ACCOUNT_CASH_OUT)]
    revenue = sale1.cash_amount + sale2.cash_amount
    assert sheet.entries[1].amount == revenue
    assert sheet.entries[2].amount == back.cash_amount
    assert [e.document_number for e in sheet.entries] == ["1", "2", "1", "2"]
    assert sheet.total_in == Decimal("2000") + revenue
    assert sheet.closing_balance == sheet.total_in - sheet.total_out
    assert sheet.closing_balance == cd.drawer_cash(conn, desk) == Decimal(bench.emulator.cash_in_drawer) / 100
    assert "смена № 1" in sheet.entries[1].counterparty and "12345678" in sheet.entries[1].counterparty
    assert sheet.in_documents == 2 and sheet.out_documents == 2
    # The next day opens with what this one closed with and continues the numbering.
    tomorrow = cr.cash_book(conn, desk, today + dt.timedelta(days=1))
    assert tomorrow.opening_balance == sheet.closing_balance and tomorrow.entries == ()
    assert tomorrow.sheet_number == 2


def test_tax_certificate_sums_the_year_and_corrections_keep_the_number(setup):
    conn, desk, bench = setup
    devices = bench.devices()
    cd.open_shift(conn, desk, devices)
    patient, parent = _patients(conn)[2:4]
    lines, sale = _pay_all(conn, desk, devices, patient)
    year = dt.date.today().year
    code1, code2 = cr.tax_amounts(conn, patient, year)
    assert (code1, code2) == (sale.total, Decimal(0))
    with pytest.raises(cr.TaxCertificateRefused) as refused:
        cr.issue_tax_certificate(conn, patient, year, taxpayer_inn="123")
    assert refused.value.message == cr.BAD_TAXPAYER_INN
    with pytest.raises(cr.TaxCertificateRefused) as refused:
        cr.issue_tax_certificate(conn, patient, 2023)
    assert refused.value.message == cr.BAD_YEAR
    with pytest.raises(cr.TaxCertificateRefused) as refused:
        cr.issue_tax_certificate(conn, parent, year)
    assert refused.value.message == cr.NOTHING_PAID
    inn = "50" + "77" + "123456"
    inn += inn_check_digits(inn)
    child_inn = "7701234567"
    child_inn += inn_check_digits(child_inn)
    with pytest.raises(cr.TaxCertificateRefused) as refused:
        cr.issue_tax_certificate(conn, patient, year, taxpayer_patient_id=parent, taxpayer_inn=inn)
    assert refused.value.message == cr.NO_PATIENT_IDENTITY
    conn.rollback()
    cert_id = cr.issue_tax_certificate(conn, patient, year, taxpayer_patient_id=parent, taxpayer_inn=inn,
                                       patient_inn=child_inn)
    conn.commit()
    cert = cr.tax_certificate(conn, cert_id)
    assert cert.taxpayer.inn == inn and cert.taxpayer.document_code == ""
    assert not cert.patient_is_taxpayer and cert.patient is not None
    assert cert.amount_code_1 == sale.total and cert.correction_number == 0
    # A refund later in the year: the corrected certificate keeps the number.
    cd.refund(conn, desk, devices, sale.operation_id, [lines[0].order_line_id], uuid.uuid4())
    again = cr.issue_tax_certificate(conn, patient, year, taxpayer_patient_id=parent, taxpayer_inn=inn,
                                     patient_inn=child_inn)
    conn.commit()
    corrected = cr.tax_certificate(conn, again)
    assert corrected.number == cert.number and corrected.correction_number == 1
    assert corrected.amount_code_1 == sale.total - lines[0].amount
    issued = cr.tax_certificates(conn, patient)
    assert [c.correction_number for c in issued] == [1, 0]
