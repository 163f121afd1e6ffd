"""The cash desk's documents from its journal: the day's sheet of the cash book (КО-4) and the
certificate of payment for medical services for the tax deduction (КНД 1151156).

Cash book: with a fiscal registrar the receipts do not replace cash orders; the sheet carries one
receipt order (ПКО) per shift for the cash revenue, one expense order (РКО) per shift for cash given back
to clients, and one order per cash-in and cash-out. Orders are numbered through the calendar year of the
organization (ПКО and РКО separately), sheets through the year too; the cash book is the organization's,
all its desks together.

Tax certificate: the sum of what the client paid (completed sales less completed refunds) in the tax
year, under code 1 (ordinary services) or 2 (expensive treatment: ``medical_services.tax_deduction_code``).
Issued certificates are stored with a snapshot of the people and sums; issuing again for the same client,
taxpayer and year makes a correction (same number, the next correction number).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.identifiers import is_valid_inn
from shared.services.cash_desk import Desk
from shared.services.cash_documents import CashBookEntry, CashBookSheet, TaxDeductionCertificate, TaxPerson
from shared.services.schedules import organization_zone
from shared.services.session import session_user

#: Corresponding accounts of the chart of accounts (Minfin order 94n) for the cash book's column 3.
ACCOUNT_REVENUE = "62.01"  # settlements with customers (retail revenue through the registrar)
ACCOUNT_ADVANCES = "62.02"  # advances received from customers (deposits)
ACCOUNT_CASH_IN = "51"  # cash brought from the bank account
ACCOUNT_CASH_OUT = "57.01"  # cash handed to collection (инкассация)

#: FNS codes of identity documents (СПДУЛ) for the kinds the registry keeps.
DOCUMENT_CODES = {"passport": "21", "birth_certificate": "03", "foreign_passport": "10", "residence_permit": "12",
                  "other": "91"}


class TaxCertificateRefused(DomainError):
    """Raised with one of the messages below."""


NOTHING_PAID = QT_TRANSLATE_NOOP("DomainError", "The client paid nothing for medical services in {year}.")
BAD_YEAR = QT_TRANSLATE_NOOP(
    "DomainError", "The certificate in this form is for expenses from 2024 up to the current year (entered: {year}).")
BAD_TAXPAYER_INN = QT_TRANSLATE_NOOP(
    "DomainError", "A person's INN has 12 digits with valid check digits (entered: {inn}).")
NO_IDENTITY = QT_TRANSLATE_NOOP(
    "DomainError", "Give the taxpayer's INN, or record their identity document in the client card first.")
NO_PATIENT_IDENTITY = QT_TRANSLATE_NOOP(
    "DomainError", "Give the patient's INN, or record their identity document in the patient's card first.")
UNKNOWN_CERTIFICATE = QT_TRANSLATE_NOOP("DomainError", "There is no such certificate.")


def _short_name(full: str) -> str:
    """"Иванова Анна Петровна" -> "Иванова А. П." (the way signatures are captioned)."""
    parts = full.split()
    if len(parts) < 2:
        return full
    return parts[0] + " " + " ".join(p[0] + "." for p in parts[1:3])


@dataclass(frozen=True)
class _Entry:
    day: dt.date  # in the organization's time zone
    kind: str  # 'in' / 'out'
    counterparty: str
    account: str
    amount: Decimal


def _entries(connection: Connection, organization_id: int, start: dt.datetime, end: dt.datetime) -> list[_Entry]:
    """The cash orders of the period, in order: per shift and day, revenue and refunds; each cash in/out."""
    rows = connection.execute(text(
        "SELECT (c.fiscal_at AT TIME ZONE o.time_zone)::date AS day, c.kind, d.name AS desk, d.registrar_serial, "
        "s.shift_number, sum(c.cash_amount) AS amount "
        "FROM cash_operations c JOIN cash_desks d ON d.id = c.desk_id JOIN organizations o ON o.id = c.organization_id "
        "LEFT JOIN cash_shifts s ON s.id = c.shift_id "
        "WHERE c.organization_id = :org AND c.state = 'completed' AND c.cash_amount > 0 "
        "AND c.kind IN ('sale', 'refund', 'deposit', 'deposit_refund', 'cash_in', 'cash_out') "
        "AND c.fiscal_at >= :s AND c.fiscal_at < :e "
        "GROUP BY 1, c.kind, d.name, d.registrar_serial, s.shift_number, "
        "CASE WHEN c.kind IN ('cash_in', 'cash_out') THEN c.id END ORDER BY min(c.id)"),
        {"org": organization_id, "s": start, "e": end}).all()
    entries = []
    for r in rows:
        shift = f", смена № {r.shift_number}" if r.shift_number is not None else ""
        kkt = f"ККТ № {r.registrar_serial}" if r.registrar_serial else f"ККТ ({r.desk})"
        if r.kind == "sale":
            entries.append(_Entry(r.day, "in", f"Выручка по {kkt}{shift}", ACCOUNT_REVENUE, r.amount))
        elif r.kind == "refund":
            entries.append(_Entry(r.day, "out", f"Возврат покупателям по {kkt}{shift}", ACCOUNT_REVENUE, r.amount))
        elif r.kind == "deposit":
            entries.append(_Entry(r.day, "in", f"Предоплата (авансы) по {kkt}{shift}", ACCOUNT_ADVANCES, r.amount))
        elif r.kind == "deposit_refund":
            entries.append(_Entry(r.day, "out", f"Возврат авансов по {kkt}{shift}", ACCOUNT_ADVANCES, r.amount))
        elif r.kind == "cash_in":
            entries.append(_Entry(r.day, "in", f"Внесение наличных в кассу ({r.desk})", ACCOUNT_CASH_IN, r.amount))
        else:
            entries.append(_Entry(r.day, "out", f"Выплата из кассы на инкассацию ({r.desk})", ACCOUNT_CASH_OUT,
                                  r.amount))
    return entries


def cash_book(connection: Connection, desk: Desk, day: dt.date) -> CashBookSheet:
    """The organization's cash book sheet for ``day`` (all desks), numbered through the year."""
    org = desk.organization_id
    zone = organization_zone(connection, org)
    year_start = dt.datetime.combine(dt.date(day.year, 1, 1), dt.time(), zone)
    day_start = dt.datetime.combine(day, dt.time(), zone)
    day_end = day_start + dt.timedelta(days=1)
    earlier = _entries(connection, org, year_start, day_start)
    today = _entries(connection, org, day_start, day_end)
    # The drawer before the day: everything completed earlier, all years.
    opening = connection.scalar(text(
        "SELECT coalesce(sum(CASE WHEN kind IN ('sale', 'deposit', 'cash_in') THEN cash_amount "
        "ELSE -cash_amount END), 0) FROM cash_operations WHERE organization_id = :o AND state = 'completed' "
        "AND kind IN ('sale', 'refund', 'deposit', 'deposit_refund', 'cash_in', 'cash_out') AND fiscal_at < :s"),
        {"o": org, "s": day_start})
    days_before = {e.day for e in earlier}
    numbers = {"in": sum(1 for e in earlier if e.kind == "in"), "out": sum(1 for e in earlier if e.kind == "out")}
    rows = []
    for e in today:
        numbers[e.kind] += 1
        rows.append(CashBookEntry(str(numbers[e.kind]), e.kind, e.counterparty, e.account, e.amount))
    total_in = sum((e.amount for e in rows if e.kind == "in"), Decimal(0))
    total_out = sum((e.amount for e in rows if e.kind == "out"), Decimal(0))
    org_row = connection.execute(text("SELECT name, accountant_name FROM organizations WHERE id = :o"),
                                 {"o": org}).one()
    return CashBookSheet(
        organization_name=org_row.name, okpo=desk.okpo, department="", day=day, sheet_number=len(days_before) + 1,
        opening_balance=opening, entries=tuple(rows), total_in=total_in, total_out=total_out,
        closing_balance=opening + total_in - total_out, cashier_name=_short_name(session_user(connection).full_name),
        accountant_name=_short_name(org_row.accountant_name or ""),
        in_documents=sum(1 for e in rows if e.kind == "in"), out_documents=sum(1 for e in rows if e.kind == "out"))


# --- tax deduction certificate -------------------------------------------------------------------------------


def tax_amounts(connection: Connection, patient_id: int, tax_year: int) -> tuple[Decimal, Decimal]:
    """What the client paid in ``tax_year`` (completed sales less refunds): (code 1, code 2)."""
    # The year of each payment by its organization's clock, as the cash book counts days.
    rows = connection.execute(text(
        "SELECT l.tax_code, sum(CASE c.kind WHEN 'sale' THEN l.amount ELSE -l.amount END) FROM cash_operation_lines l "
        "JOIN cash_operations c ON c.id = l.operation_id JOIN organizations o ON o.id = c.organization_id "
        "WHERE c.patient_id = :p AND c.state = 'completed' AND c.kind IN ('sale', 'refund') "
        "AND extract(year FROM c.fiscal_at AT TIME ZONE o.time_zone) = :y GROUP BY l.tax_code"),
        {"p": patient_id, "y": tax_year}).all()
    amounts = {code: amount for code, amount in rows}
    return max(Decimal(0), amounts.get(1, Decimal(0))), max(Decimal(0), amounts.get(2, Decimal(0)))


def _person(connection: Connection, patient_id: int, inn: str = "", missing: str = NO_IDENTITY) -> dict:
    p = connection.execute(text(
        "SELECT last_name, first_name, middle_name, birth_date FROM patients WHERE id = :id"), {"id": patient_id}).one()
    doc = None
    if not inn:
        doc = connection.execute(text(
            "SELECT kind, series, number, issued_on FROM patient_documents WHERE patient_id = :id "
            "ORDER BY kind <> 'passport', issued_on DESC NULLS LAST, id DESC LIMIT 1"), {"id": patient_id}).first()
        if doc is None:
            raise TaxCertificateRefused(missing)
    return {"last_name": p.last_name, "first_name": p.first_name, "middle_name": p.middle_name, "inn": inn,
            "birth_date": p.birth_date.isoformat(),
            "document_code": DOCUMENT_CODES.get(doc.kind, "91") if doc else "",
            "document_number": f"{doc.series} {doc.number}".strip() if doc else "",
            "document_issued_on": doc.issued_on.isoformat() if doc and doc.issued_on else None}


@dataclass(frozen=True)
class IssuedCertificate:
    id: int
    tax_year: int
    number: int
    correction_number: int
    issued_on: dt.date
    amount_code_1: Decimal
    amount_code_2: Decimal
    taxpayer_name: str


def issue_tax_certificate(connection: Connection, patient_id: int, tax_year: int, *,
                          taxpayer_patient_id: int | None = None, taxpayer_inn: str = "", patient_inn: str = "",
                          signer_name: str = "", signer_position: str = "", today: dt.date | None = None) -> int:
    """Stores a certificate for the client (the patient) paid by ``taxpayer_patient_id`` (the patient when
    None); a repeat for the same patient, taxpayer and year is its next correction. The caller commits."""
    today = today or dt.date.today()
    if not 2024 <= tax_year <= today.year:
        raise TaxCertificateRefused(BAD_YEAR, year=tax_year)
    inns = []
    for inn in (taxpayer_inn.strip(), patient_inn.strip()):
        if inn and not (len(inn) == 12 and inn.isdigit() and is_valid_inn(inn)):
            raise TaxCertificateRefused(BAD_TAXPAYER_INN, inn=inn[:20])
        inns.append(inn)
    code_1, code_2 = tax_amounts(connection, patient_id, tax_year)
    if code_1 == 0 and code_2 == 0:
        raise TaxCertificateRefused(NOTHING_PAID, year=tax_year)
    payer_id = taxpayer_patient_id if taxpayer_patient_id not in (None, patient_id) else None
    taxpayer = _person(connection, payer_id or patient_id, inns[0])
    patient = _person(connection, patient_id, inns[1], NO_PATIENT_IDENTITY) if payer_id else None
    # The organization that took the money issues the certificate.
    org = connection.scalar(text(
        "SELECT organization_id FROM cash_operations WHERE patient_id = :p AND state = 'completed' "
        "ORDER BY id DESC LIMIT 1"), {"p": patient_id})
    user = session_user(connection)
    signer = signer_name.strip() or user.full_name
    position = signer_position.strip() or (user.position_name or "")
    for _attempt in range(5):
        previous = connection.execute(text(
            "SELECT number, max(correction_number) AS correction FROM tax_certificates WHERE organization_id = :o "
            "AND tax_year = :y AND patient_id = :p AND taxpayer_patient_id IS NOT DISTINCT FROM :t GROUP BY number "
            "ORDER BY number DESC LIMIT 1"), {"o": org, "y": tax_year, "p": patient_id, "t": payer_id}).first()
        if previous is not None:
            number, correction = previous.number, previous.correction + 1
        else:
            number = (connection.scalar(text(
                "SELECT max(number) FROM tax_certificates WHERE organization_id = :o AND tax_year = :y"),
                {"o": org, "y": tax_year}) or 0) + 1
            correction = 0
        try:
            with connection.begin_nested():
                return connection.scalar(text(
                    "INSERT INTO tax_certificates (organization_id, tax_year, number, correction_number, patient_id, "
                    "taxpayer_patient_id, taxpayer, patient, amount_code_1, amount_code_2, issued_on, signer_name, "
                    "signer_position) VALUES (:o, :y, :n, :c, :p, :t, CAST(:tp AS jsonb), CAST(:pp AS jsonb), :a1, :a2, "
                    ":d, :sn, :sp) RETURNING id"),
                    {"o": org, "y": tax_year, "n": number, "c": correction, "p": patient_id, "t": payer_id,
                     "tp": json.dumps(taxpayer, ensure_ascii=False),
                     "pp": json.dumps(patient, ensure_ascii=False) if patient else None,
                     "a1": code_1, "a2": code_2, "d": today, "sn": signer, "sp": position})
        except IntegrityError:
            continue  # another cashier took the number: count again
    raise TaxCertificateRefused(UNKNOWN_CERTIFICATE)


def _tax_person(data: dict) -> TaxPerson:
    def date(value):
        return dt.date.fromisoformat(value) if value else None

    return TaxPerson(data["last_name"], data["first_name"], data.get("middle_name", ""), data.get("inn", ""),
                     date(data.get("birth_date")), data.get("document_code", ""), data.get("document_number", ""),
                     date(data.get("document_issued_on")))


def tax_certificate(connection: Connection, certificate_id: int) -> TaxDeductionCertificate:
    row = connection.execute(text(
        "SELECT t.*, o.name AS org_name, o.inn AS org_inn, o.kpp AS org_kpp FROM tax_certificates t "
        "JOIN organizations o ON o.id = t.organization_id WHERE t.id = :id"), {"id": certificate_id}).first()
    if row is None:
        raise TaxCertificateRefused(UNKNOWN_CERTIFICATE)
    return TaxDeductionCertificate(
        number=str(row.number), correction_number=row.correction_number, tax_year=row.tax_year,
        organization_name=row.org_name, organization_inn=row.org_inn, organization_kpp=row.org_kpp or "",
        taxpayer=_tax_person(row.taxpayer), patient_is_taxpayer=row.patient is None,
        patient=_tax_person(row.patient) if row.patient else None, amount_code_1=row.amount_code_1,
        amount_code_2=row.amount_code_2, issued_on=row.issued_on, signer_name=row.signer_name,
        signer_position=row.signer_position)


def tax_certificates(connection: Connection, patient_id: int) -> list[IssuedCertificate]:
    rows = connection.execute(text(
        "SELECT id, tax_year, number, correction_number, issued_on, amount_code_1, amount_code_2, "
        "taxpayer->>'last_name' || ' ' || (taxpayer->>'first_name') AS who FROM tax_certificates "
        "WHERE patient_id = :p ORDER BY tax_year DESC, number DESC, correction_number DESC"), {"p": patient_id}).all()
    return [IssuedCertificate(*r) for r in rows]
