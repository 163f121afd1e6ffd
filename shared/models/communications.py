"""Communications outside documents: calls, e-mails and messages between staff and patients logged on
the patient, and telephone approvals with insurance companies that order lines can rely on.

The rules the database keeps whoever writes are in sql/0011_communications.sql (SQLSTATEs MC080..MC089):
a communication is filled in with its author (staff member, login), is corrected only by its author on
the day it was logged and is never deleted; an order line linked to an approval (``order_lines.approval_id``)
must be of the approval's patient and payer, within its validity, of a service and within limits it
covers, and the approval must be active. A line linked to an approval not revoked counts as covered
for the unpaid-performance rule of sql/0009_performance.sql.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, TimestampMixin, VersionedMixin

DIRECTIONS = ("incoming", "outgoing")
CHANNELS = ("phone", "email", "sms", "messenger", "in_person")
APPROVAL_STATUSES = ("active", "used", "revoked")
#: An approval's or a service's amount limit is at most this many roubles (a typo guard).
AMOUNT_LIMIT = 100_000_000


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


class PatientCommunication(TimestampMixin, VersionedMixin, Base):
    """A call, e-mail, message or talk between a staff member and a patient: who, when, how, about what."""

    __tablename__ = "patient_communications"
    __table_args__ = (
        CheckConstraint(_in("direction", DIRECTIONS), name="direction_known"),
        CheckConstraint(_in("channel", CHANNELS), name="channel_known"),
        CheckConstraint("length(btrim(summary)) > 0", name="summary_given"),
        Index("ix_patient_communications_patient_occurred", "patient_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    # Who talked to the patient; the trigger puts the logged-in user's staff member when none is given.
    staff_member_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    direction: Mapped[str] = mapped_column(String(8))
    channel: Mapped[str] = mapped_column(String(10))
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    contact: Mapped[str] = mapped_column(String(200), default="", server_default="")  # number or address used
    subject: Mapped[str] = mapped_column(String(200), default="", server_default="")
    summary: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text, default="", server_default="")
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id"))
    recorded_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())


class InsurerApproval(TimestampMixin, VersionedMixin, Base):
    """An insurer's approval given by telephone: who approved, the reference number, the validity, the
    services (``insurer_approval_services``) and/or an overall amount limit."""

    __tablename__ = "insurer_approvals"
    __table_args__ = (
        UniqueConstraint("payer_id", "reference_number"),
        CheckConstraint(_in("status", APPROVAL_STATUSES), name="status_known"),
        CheckConstraint("length(btrim(reference_number)) > 0", name="reference_given"),
        CheckConstraint("length(btrim(approver_name)) > 0", name="approver_given"),
        CheckConstraint("valid_to >= valid_from", name="period_ordered"),
        CheckConstraint(f"amount_limit IS NULL OR (amount_limit > 0 AND amount_limit < {AMOUNT_LIMIT})",
                        name="amount_limit_positive"),
        CheckConstraint("status <> 'revoked' OR length(btrim(revoke_reason)) > 0", name="revoke_reason_given"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    payer_id: Mapped[int] = mapped_column(ForeignKey("payers.id"))
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"))
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    approver_name: Mapped[str] = mapped_column(String(200))
    approver_phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    reference_number: Mapped[str] = mapped_column(String(60))
    approved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date] = mapped_column(Date)
    amount_limit: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(8), default="active", server_default="active")
    revoke_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_by: Mapped[str | None] = mapped_column(String(63))
    # Who took the call; the trigger puts the logged-in user's staff member when none is given.
    recorded_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    recorded_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())


class InsurerApprovalService(Base):
    """A service an approval covers, with its limits (none: as many as the overall limit allows)."""

    __tablename__ = "insurer_approval_services"
    __table_args__ = (
        CheckConstraint("quantity_limit IS NULL OR quantity_limit > 0", name="quantity_positive"),
        CheckConstraint(f"amount_limit IS NULL OR (amount_limit > 0 AND amount_limit < {AMOUNT_LIMIT})",
                        name="amount_positive"),
    )

    approval_id: Mapped[int] = mapped_column(ForeignKey("insurer_approvals.id", ondelete="CASCADE"),
                                             primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("medical_services.id"), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    quantity_limit: Mapped[int | None] = mapped_column(Integer)
    amount_limit: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
