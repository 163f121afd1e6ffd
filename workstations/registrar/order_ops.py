"""The registrar's order verbs: one small function each, a call of `shared.services.orders` in its own
unit of work on a worker thread, returning a `BackgroundOp` (the caller adds ``success``/``failure``
and ``run()``s it). Verbs that change an order announce "orders" on the operation bus; those that
book or cancel a booking announce "bookings" too, so the client's appointments follow.

An order is written to the database with its first line: the order page holds who it is for
(`Customer`) until then, so an order opened and left empty leaves nothing behind. Before there is an
order a price is resolved as `orders.quote_line` resolves it (`pricing.resolve_price` for the client
and the organization), since `quote_line` needs a stored order.

Times leave here in the organization's time zone (the booking times of the lines, when the order was
made). The PDFs are built by plain functions (`route_sheet_pdf`, `invoice_pdf`) so tests can check
the bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.operations import session_op as _op
from printing.invoice import render_invoice
from printing.route_sheet import render_route_sheet
from shared.services import booking as bk
from shared.services import contracts
from shared.services import orders as od
from shared.services.pricing import Quote, resolve_price
from shared.services.schedules import organization_zone
from workstations.registrar.booking_ops import BOOKING_CHANGES, _organization

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

#: Bus name announced after an order changed.
ORDER_CHANGES = "orders"

#: Jobs whose holders may add a line over a quota (the database checks it too).
QUOTA_OVERRIDE_JOBS = frozenset({"head_of_registry", "contracts", "head"})


@dataclass(frozen=True)
class Customer:
    """Who an order not yet written is for: a client, or a caller's name and phone."""

    patient_id: int | None
    contact_name: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class PayerChoice:
    """Who pays for a line: the client personally (``payer_id`` None), or a payer under an agreement."""

    payer_id: int | None
    agreement_id: int | None
    payer_name: str
    agreement_number: str
    agreement_name: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    covers_all_services: bool


# --- Reading -------------------------------------------------------------------------------------


def read_order(conn: Connection, order_id: int) -> od.OrderInfo:
    """The order with its lines, times in the organization's zone."""
    return od.order(conn, order_id)


def load_order(*, parent: QWidget, session: AppSession, order_id: int) -> BackgroundOp[od.OrderInfo]:
    return _op(parent, session, lambda conn: read_order(conn, order_id), commit=False)


def client_orders(*, parent: QWidget, session: AppSession,
                  patient_id: int) -> BackgroundOp[tuple[od.OrderSummary, ...]]:
    """The client's orders, the latest first."""
    return _op(parent, session, lambda conn: tuple(od.orders_of_patient(conn, patient_id)),
               commit=False)


def anonymous_orders(*, parent: QWidget, session: AppSession,
                     days: int = 30) -> BackgroundOp[tuple[od.OrderSummary, ...]]:
    """Orders made for callers without a client card in the last ``days`` days, the latest first."""
    return _op(parent, session, lambda conn: tuple(
        od.recent_anonymous_orders(conn, _organization(session), days=days)), commit=False)


def payer_choices(conn: Connection, organization_id: int, today: dt.date) -> tuple[PayerChoice, ...]:
    """The client personally (under the public offer when there is one), then every payer's individual
    agreement in force today, by payer."""
    entries = contracts.agreements(conn, organization_id)
    offer = next((a for a in entries if a.is_public_offer and a.status == "active"), None)
    choices = [PayerChoice(None, None, "", offer.number if offer else "", offer.name if offer else "",
                           offer.valid_from if offer else None, offer.valid_to if offer else None, True)]
    for a in sorted(entries, key=lambda a: (a.payer_name, a.number)):
        if a.kind != "individual" or a.payer_id is None or a.status != "active":
            continue
        if a.valid_from > today or (a.valid_to is not None and a.valid_to < today):
            continue
        choices.append(PayerChoice(a.payer_id, a.id, a.payer_name, a.number, a.name, a.valid_from, a.valid_to,
                                   a.covers_all_services))
    return tuple(choices)


def load_payer_choices(*, parent: QWidget, session: AppSession) -> BackgroundOp[tuple[PayerChoice, ...]]:
    def run(conn: Connection) -> tuple[PayerChoice, ...]:
        org = _organization(session)
        return payer_choices(conn, org, dt.datetime.now(organization_zone(conn, org)).date())

    return _op(parent, session, run, commit=False)


def quote(*, parent: QWidget, session: AppSession, order_id: int | None, customer: Customer, service_id: int,
          payer_id: int | None, agreement_id: int | None, quantity: int) -> BackgroundOp[Quote]:
    """What the line would cost and why (`PriceNotResolved` says why there is no price)."""
    def run(conn: Connection) -> Quote:
        if order_id is not None:
            return od.quote_line(conn, order_id, service_id, payer_id=payer_id, agreement_id=agreement_id,
                                 quantity=quantity)
        return resolve_price(conn, service_id, payer_id=payer_id, agreement_id=agreement_id,
                             patient_id=customer.patient_id, quantity=quantity, moment=dt.datetime.now(dt.UTC),
                             zone=organization_zone(conn, _organization(session)))

    return _op(parent, session, run, commit=False)


# --- Writing -------------------------------------------------------------------------------------


def _create(conn: Connection, session: AppSession, customer: Customer) -> int:
    anonymous = customer.patient_id is None
    return od.create_order(conn, _organization(session), patient_id=customer.patient_id,
                           contact_name=customer.contact_name if anonymous else "",
                           contact_phone=customer.contact_phone if anonymous else "")


def add_line(*, parent: QWidget, session: AppSession, order_id: int | None, customer: Customer, service_id: int,
             payer_id: int | None, agreement_id: int | None, quantity: int = 1,
             override_quota: bool = False) -> BackgroundOp[od.OrderInfo]:
    """Adds a priced line (writing the order first when it is new); `QuotaExceeded` when a quota has no
    room, unless ``override_quota`` by a job allowed to go over it (`QuotaOverrideDenied` otherwise)."""
    def run(conn: Connection) -> od.OrderInfo:
        target = order_id if order_id is not None else _create(conn, session, customer)
        od.add_line(conn, target, service_id, payer_id=payer_id, agreement_id=agreement_id, quantity=quantity,
                    override_quota=override_quota)
        return read_order(conn, target)

    return _op(parent, session, run, ORDER_CHANGES)


def discount(*, parent: QWidget, session: AppSession, order_id: int, line_id: int, version: int, percent: str,
             reason: str) -> BackgroundOp[od.OrderInfo]:
    """A manual discount within the job's limit (`DiscountAboveLimit` above it)."""
    def run(conn: Connection) -> od.OrderInfo:
        od.apply_manual_discount(conn, line_id, version, percent, reason)
        return read_order(conn, order_id)

    return _op(parent, session, run, ORDER_CHANGES)


def cancel_line(*, parent: QWidget, session: AppSession, order_id: int, line_id: int, version: int,
                reason: str) -> BackgroundOp[od.OrderInfo]:
    """Cancels the line (and its booking, with the same reason); the quota gets its charge back."""
    def run(conn: Connection) -> od.OrderInfo:
        od.cancel_line(conn, line_id, version, reason)
        return read_order(conn, order_id)

    return _op(parent, session, run, ORDER_CHANGES, BOOKING_CHANGES)


@dataclass(frozen=True)
class LineBooked:
    booking: bk.BookingInfo  # times in the organization's zone
    order: od.OrderInfo


def book_line(*, parent: QWidget, session: AppSession, order_id: int, line_id: int, version: int,
              slot: bk.Slot) -> BackgroundOp[LineBooked]:
    """Books the line into the slot; `SlotTaken` (its alternatives in the organization's zone) when
    someone was quicker, `BookingRefused` when the client may not have it then."""
    def run(conn: Connection) -> LineBooked:
        zone = organization_zone(conn, _organization(session))
        try:
            made = od.book_line(conn, line_id, version, slot)
        except bk.SlotTaken as taken:
            raise bk.SlotTaken(tuple(replace(s, starts_at=s.starts_at.astimezone(zone),
                                             ends_at=s.ends_at.astimezone(zone)) for s in taken.alternatives)) from None
        made = replace(made, starts_at=made.starts_at.astimezone(zone), ends_at=made.ends_at.astimezone(zone))
        return LineBooked(made, read_order(conn, order_id))

    return _op(parent, session, run, ORDER_CHANGES, BOOKING_CHANGES)


def personalize(*, parent: QWidget, session: AppSession, order_id: int, version: int,
                patient_id: int) -> BackgroundOp[od.OrderInfo]:
    """Gives an anonymous order (and its bookings) to the client."""
    def run(conn: Connection) -> od.OrderInfo:
        od.personalize_order(conn, order_id, version, patient_id)
        return read_order(conn, order_id)

    return _op(parent, session, run, ORDER_CHANGES, BOOKING_CHANGES)


# --- Printed forms -------------------------------------------------------------------------------


def route_sheet_pdf(conn: Connection, order_id: int, printed_by: str = "") -> bytes:
    """The order's route sheet as PDF bytes (A4)."""
    return render_route_sheet(od.route_sheet(conn, order_id, printed_by=printed_by, now=dt.datetime.now(dt.UTC)))


def invoice_pdf(conn: Connection, order_id: int, payer_id: int | None = None) -> bytes:
    """The invoice for payment of the lines one payer pays (None: the client), as PDF bytes (A4)."""
    head = od.order(conn, order_id)
    today = dt.datetime.now(organization_zone(conn, head.organization_id)).date()
    return render_invoice(od.invoice(conn, order_id, payer_id=payer_id, today=today))


def print_route_sheet(*, parent: QWidget, session: AppSession, order_id: int) -> BackgroundOp[bytes]:
    printed_by = session.user.full_name
    return _op(parent, session, lambda conn: route_sheet_pdf(conn, order_id, printed_by), commit=False)


def print_invoice(*, parent: QWidget, session: AppSession, order_id: int,
                  payer_id: int | None) -> BackgroundOp[bytes]:
    return _op(parent, session, lambda conn: invoice_pdf(conn, order_id, payer_id), commit=False)
