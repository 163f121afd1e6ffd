"""Which card types each staff member may open (edited by the administrator), and the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, DateTime, ForeignKey, Identity, Index, Integer, String, Text, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base


class StaffCardTypeAccess(Base):
    __tablename__ = "staff_card_type_access"

    staff_member_id: Mapped[int] = mapped_column(
        ForeignKey("staff_members.id", ondelete="CASCADE"), primary_key=True
    )
    card_type_id: Mapped[int] = mapped_column(ForeignKey("medical_card_types.id"), primary_key=True, index=True)
    granted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


AUDIT_ACTIONS = ("INSERT", "UPDATE", "DELETE", "READ", "ADMIN")


class AuditLog(Base):
    """Append-only: written by triggers and security-definer functions only; partitioned by month."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_occurred_at", "occurred_at"),
        Index("ix_audit_log_login_role", "login_role", "occurred_at"),
        Index("ix_audit_log_patient_id", "patient_id", "occurred_at"),
        Index("ix_audit_log_table_name", "table_name", "occurred_at"),
        Index("ix_audit_log_row", "table_name", "row_key", "occurred_at"),
        {"postgresql_partition_by": "RANGE (occurred_at)"},
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), primary_key=True, server_default=text("clock_timestamp()")
    )
    login_role: Mapped[str] = mapped_column(Text, server_default=text("session_user"))
    user_id: Mapped[int | None] = mapped_column(Integer)
    staff_member_id: Mapped[int | None] = mapped_column(Integer)
    user_name: Mapped[str] = mapped_column(Text, server_default="")
    workstation: Mapped[str] = mapped_column(Text, server_default="")
    action: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(Text)
    row_key: Mapped[str | None] = mapped_column(Text)
    patient_id: Mapped[int | None] = mapped_column(Integer)
    old_values: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    new_values: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    details: Mapped[str] = mapped_column(Text, server_default="")
