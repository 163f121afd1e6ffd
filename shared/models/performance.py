"""Performance of services: who performed an order line, where, with whom, when and with what result.

One row per order line (a step of a complex service has its own); an optional step may be skipped
instead (``skipped`` with a reason). The organization and patient are copied from the line's order by
the trigger of sql/0009_performance.sql, which also keeps the rules (no cancelled line, no line of
another patient than its booking or visit record, skipping only optional steps, the clinic's unpaid
setting). The clinic setting itself is ``organizations.unpaid_performance``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    ARRAY,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Identity,
    Integer,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, TimestampMixin

UNPAID_PERFORMANCE = ("block", "warn")


class ServicePerformance(TimestampMixin, Base):
    """The fact that an order line's service was performed (or an optional step skipped)."""

    __tablename__ = "service_performances"
    __table_args__ = (
        CheckConstraint("ended_at >= started_at", name="period_ordered"),
        CheckConstraint("NOT skipped OR length(btrim(skip_reason)) > 0", name="skip_reason_given"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"), unique=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"), index=True)
    record_id: Mapped[int | None] = mapped_column(ForeignKey("medical_records.id"))
    performed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"), index=True)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    participants: Mapped[list[int]] = mapped_column(
        ARRAY(Integer), default=list, server_default=text("'{}'::integer[]"))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    result: Mapped[str] = mapped_column(Text, default="", server_default="")
    skipped: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    skip_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    unpaid_confirmed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    recorded_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
