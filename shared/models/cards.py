"""Types of medical cards (outpatient, dental, inpatient, STD, ...): an editable reference."""

from __future__ import annotations

from sqlalchemy import Boolean, Identity, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, TimestampMixin, VersionedMixin


class MedicalCardType(TimestampMixin, VersionedMixin, Base):
    __tablename__ = "medical_card_types"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The registered form number, e.g. 025/u for the outpatient card.
    form_number: Mapped[str] = mapped_column(String(30), default="", server_default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")
    sort_order: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
