"""The one row that says which role namespace this clinic database uses (see shared.db.roles)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, DateTime, String, func
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base


class Installation(Base):
    __tablename__ = "installation"
    __table_args__ = (CheckConstraint("singleton", name="single_row"),)

    singleton: Mapped[bool] = mapped_column(Boolean, primary_key=True, default=True)
    role_namespace: Mapped[str] = mapped_column(String(40), nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
