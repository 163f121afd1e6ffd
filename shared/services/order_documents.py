"""Plain data for the printed order forms (built by `orders`, rendered by `printing`).

Money is ``Decimal`` with two places, in roubles. Texts are already in the language of the form
(Russian for a Russian clinic); the printing layer adds only its own captions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class RouteStop:
    """One place the patient goes to, in the order of the visit."""

    position: int  # 1, 2, 3 ... the order of the stops
    service_name: str
    starts_at: dt.datetime | None  # aware, organization time; None when the line is not booked yet
    ends_at: dt.datetime | None
    doctor_name: str  # '' for equipment-only services or an unbooked line
    office: str  # "каб. 101, 1 этаж"; '' when unknown
    department: str  # '' when the service has none
    preparation: str  # preparation instructions; '' when none
    paid: bool  # the line is paid (or covered by an agreement)
    payer_name: str  # "Пациент", an insurer, a company


@dataclass(frozen=True)
class RouteSheet:
    """The route sheet: where to go, when, in what order, how to prepare."""

    organization_name: str
    organization_address: str
    organization_phone: str
    order_number: str
    order_date: dt.date
    patient_name: str  # the client's full name or the name given for an anonymous order
    card_number: str  # '' when none
    stops: tuple[RouteStop, ...]
    printed_by: str
    printed_at: dt.datetime


@dataclass(frozen=True)
class InvoiceLine:
    number: int  # 1-based row number
    code: str  # the clinic's service code
    name: str
    quantity: int
    unit: str  # "усл."
    price: Decimal  # unit price before the discount
    discount: Decimal  # discount amount of the whole row (0 when none)
    amount: Decimal  # quantity * price - discount
    vat_rate: str  # 'exempt', 'vat0', 'vat10', 'vat20', 'vat22'
    vat_amount: Decimal  # VAT included in amount (0 when exempt)


@dataclass(frozen=True)
class Party:
    """The supplier or the payer as an invoice shows them."""

    name: str
    inn: str  # '' for a private person
    kpp: str  # '' when none
    address: str
    phone: str = ""
    bank_name: str = ""
    bank_bik: str = ""
    bank_account: str = ""  # settlement account (расчётный счёт)
    bank_corr_account: str = ""  # correspondent account


@dataclass(frozen=True)
class InvoiceDocument:
    """The invoice for payment (счёт на оплату) for the lines of an order one payer pays."""

    number: str
    date: dt.date
    supplier: Party
    payer: Party
    basis: str  # "Договор № 12/2026 от 01.02.2026" or "Публичная оферта"
    lines: tuple[InvoiceLine, ...]
    total: Decimal
    vat_total: Decimal  # 0 when every line is exempt
    total_in_words: str  # "Одна тысяча двести рублей 00 копеек"
    pay_by: dt.date | None  # due date; None when payable on receipt
    head_name: str  # signature lines: the head of the organization and the chief accountant
    accountant_name: str
