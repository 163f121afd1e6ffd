"""Printing sick-leave certificates and the accounting of their blanks from the database (no Qt).

The domain core (`shared.services.sick_leave`, `sick_leave_blanks`) may not import the printing layer,
and the printing layer may not touch the database; this module joins them for every workstation that
prints (the doctor's, the registrar's, the head of registry's): `to_print` turns a certificate into the
printing layer's ``SickLeavePrint`` (capitals, single spaces), `print_pdf` renders it and logs the printing
(an audited ``sick_leave_print_events`` row) in the caller's unit of work, `report_rows`/`book_rows`
convert the accounting's lines, `blank_report_pdf`/`blank_book_pdf` render them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, text

from printing.printer_profiles import PrinterProfile
from printing.sick_leave import (
    BlankBookRow,
    BlankReportRow,
    CareMember,
    ReleasePeriod,
    SickLeaveFieldError,
    SickLeavePrint,
    normalized,
    render_blank_book,
    render_blank_report,
    render_certificate,
    validate_for_print,
)
from printing.sick_leave_layout import SickLeaveLayout, load_layout
from shared.services import sick_leave as sl
from shared.services import sick_leave_blanks as blanks

#: The holder's name printed on the report's line of blanks not handed out.
STOCK_HOLDER = "Не выданы (в наличии у ответственного)"


def print_data(cert: sl.Certificate) -> SickLeavePrint:
    """The certificate as the blank takes it (normalized: capitals, single spaces)."""
    data = SickLeavePrint(
        number=cert.number or "", organization_name=cert.organization_name,
        organization_address=cert.organization_address, organization_ogrn=cert.organization_ogrn,
        issue_date=cert.issue_date, surname=cert.surname, first_name=cert.first_name,  # type: ignore[arg-type]
        patronymic=cert.patronymic, birth_date=cert.birth_date, sex=cert.sex, cause_code=cert.cause_code,
        periods=tuple(ReleasePeriod(p.date_from, p.date_to, p.doctor_position, p.doctor_name, p.chair_position,
                                    p.chair_name) for p in cert.periods),
        duplicate=cert.duplicate, previous_number=cert.previous_number, additional_code=cert.additional_code,
        changed_code=cert.changed_code, employer=cert.employer, job=cert.job, main_job_number=cert.main_job_number,
        care=tuple(CareMember(m.age_years, m.age_months, m.relation_code, m.full_name) for m in cert.care),
        early_pregnancy=cert.early_pregnancy, violation_code=cert.violation_code,
        violation_date=cert.violation_date, hospital_from=cert.hospital_from, hospital_to=cert.hospital_to,
        commission_referral_date=cert.commission_referral_date,
        commission_registration_date=cert.commission_registration_date,
        commission_examination_date=cert.commission_examination_date, return_date=cert.return_date,
        other_code=cert.other_code, other_date=cert.other_date, next_number=cert.next_number,
    )
    return normalized(data)


def to_print(connection: Connection, certificate_id: int) -> SickLeavePrint:
    """The certificate read through the user's connection, as the printing layer takes it."""
    return print_data(sl.certificate(connection, certificate_id))


def print_problems(connection: Connection, certificate_id: int,
                   layout: SickLeaveLayout | None = None) -> list[SickLeaveFieldError]:
    """Every value the blank cannot take (empty: it prints), each naming its layout field."""
    return validate_for_print(to_print(connection, certificate_id), layout or load_layout())


def print_pdf(connection: Connection, certificate_id: int, profile: PrinterProfile, on_blank: bool = True, *,
              layout: SickLeaveLayout | None = None) -> bytes:
    """The certificate as a one-page A4 PDF (on the blank, or on plain paper with the cells for checking),
    calibrated by the printer profile; the printing is logged in the caller's unit of work (commit it).
    Raises SickLeavePrintError listing the values the blank cannot take, SickLeaveRefused for a certificate
    not issued."""
    data = to_print(connection, certificate_id)
    pdf = render_certificate(data, layout or load_layout(), profile, on_blank=on_blank)
    sl.record_print(connection, certificate_id, on_blank=on_blank, printer_model=profile.model)
    return pdf


def _organization_name(connection: Connection, organization_id: int) -> str:
    return connection.scalar(text("SELECT name FROM organizations WHERE id = :o"), {"o": organization_id}) or ""


def report_rows(lines: Sequence[blanks.ReportLine]) -> list[BlankReportRow]:
    return [BlankReportRow(STOCK_HOLDER if line.stock else line.holder, line.opening_balance, line.received,
                           line.issued, line.spoiled, line.closing_balance, line.numbers) for line in lines]


def book_rows(lines: Sequence[blanks.BookLine]) -> list[BlankBookRow]:
    return [BlankBookRow(line.day, line.operation, line.counterparty, line.number_from, line.number_to, line.count,
                         line.document, line.signed_by) for line in lines]


def blank_report_pdf(connection: Connection, organization_id: int, date_from: dt.date, date_to: dt.date) -> bytes:
    """The report on the use of blanks over the period, as an A4 PDF."""
    rows = report_rows(blanks.period_report(connection, organization_id, date_from, date_to))
    return render_blank_report(rows, (date_from, date_to), _organization_name(connection, organization_id))


def blank_book_pdf(connection: Connection, organization_id: int, date_from: dt.date, date_to: dt.date) -> bytes:
    """The book of blanks over the period, as an A4 PDF."""
    rows = book_rows(blanks.blank_book(connection, organization_id, date_from, date_to))
    return render_blank_book(rows, _organization_name(connection, organization_id))
