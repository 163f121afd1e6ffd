"""Plain data for the printed cash desk documents (built by `cash_desk`, rendered by `printing`).

Money is ``Decimal`` roubles with two places. Texts are in the language of the form (Russian); the
printing layer adds only its own captions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class CashBookEntry:
    """One row of a cash book sheet: a cash receipt order (ПКО) or a cash expense order (РКО)."""

    document_number: str  # "ПКО 12" / "РКО 3" style numbers are built by the caller: here just "12"
    kind: str  # 'in' (ПКО) or 'out' (РКО)
    counterparty: str  # column 2: "received from" / "paid to" (e.g. "Выручка по ККТ, смена 41")
    account: str  # column 3: the corresponding account ("90.01", "57.03", "62.01", ...)
    amount: Decimal


@dataclass(frozen=True)
class CashBookSheet:
    """One day's sheet of the cash book, form КО-4 (OKUD 0310004): the sheet and its tear-off copy,
    the cashier's report, are the same table."""

    organization_name: str
    okpo: str  # '' when unknown
    department: str  # the structural unit ('' for the whole organization)
    day: dt.date
    sheet_number: int  # numbered through the year
    opening_balance: Decimal
    entries: tuple[CashBookEntry, ...]
    total_in: Decimal
    total_out: Decimal
    closing_balance: Decimal
    cashier_name: str  # "Иванова А. А."
    accountant_name: str  # '' when the clinic has none: the head signs
    in_documents: int  # count of ПКО for the accountant's line
    out_documents: int


@dataclass(frozen=True)
class TaxPerson:
    """The taxpayer or the patient on the certificate for the tax deduction."""

    last_name: str
    first_name: str
    middle_name: str
    inn: str  # 12 digits or ''
    birth_date: dt.date | None
    document_code: str  # the ID document type code ("21" passport of a Russian citizen); '' with an INN
    document_number: str  # series and number ("4510 123456"); '' with an INN
    document_issued_on: dt.date | None


@dataclass(frozen=True)
class TaxDeductionCertificate:
    """The certificate of payment for medical services for submission to the tax authority
    (КНД 1151156, FNS order ЕА-7-11/824@ of 08.11.2023; expenses from 2024)."""

    number: str  # the clinic's certificate number within the year
    correction_number: int  # 0 for the first issue, 1, 2 ... for corrections
    tax_year: int
    organization_name: str
    organization_inn: str
    organization_kpp: str  # '' for a sole trader
    taxpayer: TaxPerson
    patient_is_taxpayer: bool
    patient: TaxPerson | None  # None when the patient is the taxpayer
    amount_code_1: Decimal  # ordinary medical services
    amount_code_2: Decimal  # expensive treatment from the government list
    issued_on: dt.date
    signer_name: str  # who signs for the clinic ("Петрова И. С.")
    signer_position: str  # "главный врач", "кассир"
    pages: int = 1  # pages of the certificate itself (the form has a title page and a second page)
