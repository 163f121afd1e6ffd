"""The cash desk: cash desks and their fiscal shifts, the journal of money operations (every step of
every device written down before and after it runs), and the certificates for the tax deduction.

Invariants the database keeps by itself:
- an operation is done once: its idempotency key is unique, so a retried request finds the first one;
- an order line is held by at most one money operation at a time (``order_lines.cash_operation_id``,
  taken with a conditional update), so two cashiers cannot take money for the same line;
- a completed receipt has its fiscal document and sign; a completed card payment has its RRN;
- a desk has at most one open shift; a shift number is used once per desk;
- the steps of the journal are append-only (no one may update or delete them).
Money is ``numeric(12, 2)`` roubles.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, TimestampMixin, VersionedMixin

MONEY = Numeric(12, 2)

#: deposit: an advance the client leaves for later services; deposit_refund: (part of) an advance given back.
OPERATION_KINDS = ("sale", "refund", "deposit", "deposit_refund", "cash_in", "cash_out", "open_shift", "x_report",
                   "z_report", "settlement")
#: started -> [card_requested -> card_done] -> [fiscal_requested] -> completed; or failed (nothing
#: happened, or the device refused), voided (cut short and undone), attention (a person must decide).
OPERATION_STATES = ("started", "card_requested", "card_done", "fiscal_requested", "completed", "failed",
                    "voided", "attention")
FINAL_STATES = ("completed", "failed", "voided")
MONEY_KINDS = ("sale", "refund", "deposit", "deposit_refund")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


class CashDesk(TimestampMixin, VersionedMixin, Base):
    """A cash desk: a place with a fiscal registrar (and usually a card terminal)."""

    __tablename__ = "cash_desks"
    __table_args__ = (
        UniqueConstraint("organization_id", "name"),
        CheckConstraint("length(btrim(name)) > 0", name="name_given"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    # The registrar's factory number as it reports it: a desk's journal belongs to one device.
    registrar_serial: Mapped[str] = mapped_column(String(40), default="", server_default="")
    okpo: Mapped[str] = mapped_column(String(10), default="", server_default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")


class CashShift(Base):
    """A fiscal shift of a desk's registrar, from its opening to its Z-report."""

    __tablename__ = "cash_shifts"
    __table_args__ = (
        UniqueConstraint("desk_id", "shift_number"),
        Index("uq_cash_shifts_one_open", "desk_id", unique=True, postgresql_where=text("closed_at IS NULL")),
        CheckConstraint("closed_at IS NULL OR closed_at >= opened_at", name="closed_after_opened"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    desk_id: Mapped[int] = mapped_column(ForeignKey("cash_desks.id"))
    shift_number: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    opened_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    closed_by: Mapped[str | None] = mapped_column(String(63))
    z_document: Mapped[int | None] = mapped_column(Integer)


class CashOperation(Base):
    """One money (or shift) operation of a desk and where it got to: the journal the desk writes before
    and after every device step, so that an operation cut short is finished or undone on restart."""

    __tablename__ = "cash_operations"
    __table_args__ = (
        CheckConstraint(_in("kind", OPERATION_KINDS), name="kind_known"),
        CheckConstraint(_in("state", OPERATION_STATES), name="state_known"),
        CheckConstraint("total >= 0 AND cash_amount >= 0 AND card_amount >= 0 AND deposit_amount >= 0 "
                        "AND change_amount >= 0", name="amounts_positive"),
        CheckConstraint("kind NOT IN ('sale', 'refund', 'deposit', 'deposit_refund') OR "
                        "total = cash_amount + card_amount + deposit_amount", name="paid_in_full"),
        CheckConstraint("kind NOT IN ('deposit', 'deposit_refund') OR deposit_amount = 0",
                        name="deposit_not_from_deposit"),
        CheckConstraint("cash_given IS NULL OR cash_given = cash_amount + change_amount", name="change_computed"),
        CheckConstraint(
            "state <> 'completed' OR kind NOT IN ('sale', 'refund', 'deposit', 'deposit_refund') OR "
            "(fiscal_document IS NOT NULL AND fiscal_sign IS NOT NULL)", name="completed_receipt_fiscal"),
        CheckConstraint("state <> 'completed' OR card_amount = 0 OR length(card_rrn) > 0",
                        name="completed_card_has_rrn"),
        CheckConstraint("(kind IN ('refund', 'deposit_refund')) = (refund_of_id IS NOT NULL)",
                        name="refund_names_sale"),
        Index("ix_cash_operations_desk_unfinished", "desk_id",
              postgresql_where=text("state NOT IN ('completed', 'failed', 'voided')")),
        Index("ix_cash_operations_organization_created", "organization_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    desk_id: Mapped[int] = mapped_column(ForeignKey("cash_desks.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("cash_shifts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="started", server_default="started")
    idempotency_key: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), unique=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"), index=True)
    refund_of_id: Mapped[int | None] = mapped_column(ForeignKey("cash_operations.id"), index=True)
    total: Mapped[Decimal] = mapped_column(MONEY, default=0, server_default="0")
    cash_amount: Mapped[Decimal] = mapped_column(MONEY, default=0, server_default="0")
    card_amount: Mapped[Decimal] = mapped_column(MONEY, default=0, server_default="0")
    # The part paid from the client's deposit (a sale) or given back to it (a refund).
    deposit_amount: Mapped[Decimal] = mapped_column(MONEY, default=0, server_default="0")
    cash_given: Mapped[Decimal | None] = mapped_column(MONEY)
    change_amount: Mapped[Decimal] = mapped_column(MONEY, default=0, server_default="0")
    customer_contact: Mapped[str] = mapped_column(String(254), default="", server_default="")
    card_rrn: Mapped[str] = mapped_column(String(40), default="", server_default="")
    card_auth_code: Mapped[str] = mapped_column(String(20), default="", server_default="")
    card_mask: Mapped[str] = mapped_column(String(30), default="", server_default="")
    card_slip: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The registrar's last fiscal document before the receipt was asked for: a later one is ours.
    document_before: Mapped[int | None] = mapped_column(Integer)
    fiscal_document: Mapped[int | None] = mapped_column(Integer)
    fiscal_sign: Mapped[int | None] = mapped_column(BigInteger)
    receipt_number: Mapped[int | None] = mapped_column(Integer)
    # When the operation completed, by the database's clock (the device's own time is in the journal step):
    # set by the database on completion. The cash book and the tax certificate count days by it.
    fiscal_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    error: Mapped[str] = mapped_column(Text, default="", server_default="")
    resolution: Mapped[str] = mapped_column(Text, default="", server_default="")
    resolved_by: Mapped[str | None] = mapped_column(String(63))
    created_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class CashOperationLine(Base):
    """An order line a sale takes money for, or a refund gives money back for, as printed."""

    __tablename__ = "cash_operation_lines"
    __table_args__ = (
        CheckConstraint("amount >= 0 AND price >= 0 AND quantity > 0", name="sane"),
    )

    operation_id: Mapped[int] = mapped_column(ForeignKey("cash_operations.id", ondelete="CASCADE"),
                                              primary_key=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), primary_key=True, index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    name: Mapped[str] = mapped_column(String(128))
    quantity: Mapped[int] = mapped_column(SmallInteger)
    price: Mapped[Decimal] = mapped_column(MONEY)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    vat_rate: Mapped[str] = mapped_column(String(8))
    tax_code: Mapped[int] = mapped_column(SmallInteger, default=1, server_default="1")


class CashOperationStep(Base):
    """The journal proper: what was asked of which device and what it answered, in order. Append-only."""

    __tablename__ = "cash_operation_steps"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("cash_operations.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=text("clock_timestamp()"))
    step: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))
    recorded_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())


class TaxCertificate(Base):
    """A certificate of payment for medical services for the tax deduction, as issued (a snapshot of the
    taxpayer's and the patient's data and of the amounts, so a reprint reads the same)."""

    __tablename__ = "tax_certificates"
    __table_args__ = (
        UniqueConstraint("organization_id", "tax_year", "number", "correction_number"),
        CheckConstraint("amount_code_1 >= 0 AND amount_code_2 >= 0", name="amounts_positive"),
        CheckConstraint("tax_year BETWEEN 2024 AND 2100", name="year_sane"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    tax_year: Mapped[int] = mapped_column(SmallInteger)
    number: Mapped[int] = mapped_column(Integer)
    correction_number: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    taxpayer_patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"))
    taxpayer: Mapped[dict] = mapped_column(JSONB)
    patient: Mapped[dict | None] = mapped_column(JSONB)
    amount_code_1: Mapped[Decimal] = mapped_column(MONEY)
    amount_code_2: Mapped[Decimal] = mapped_column(MONEY)
    issued_on: Mapped[dt.date] = mapped_column(Date, server_default=func.current_date())
    issued_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    signer_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    signer_position: Mapped[str] = mapped_column(String(200), default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
