"""Visit records' coding: the ICD-10 classification as a table and the diagnoses of a record.

``icd10_codes`` is filled by migration 0008 from the shipped classification
(shared/reference_data/icd10.json.gz) and only read by the application. A diagnosis repeats its
record's card, card type and organization (set by the trigger of sql/0008_visit_records.sql and kept
equal by the composite foreign key), so its row-security policy is the medical records' one.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Identity,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, TimestampMixin

DIAGNOSIS_ROLES = ("main", "accompanying", "complication")


class Icd10Code(Base):
    """One entry of ICD-10: a chapter ("X"), a block ("J00-J06"), a category or a subcategory."""

    __tablename__ = "icd10_codes"
    __table_args__ = (
        CheckConstraint("kind IN ('chapter', 'block', 'category', 'subcategory')", name="kind_known"),
    )

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_ru: Mapped[str] = mapped_column(Text, default="", server_default="")
    parent: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(12))
    #: A leaf of the tree: the only codes a diagnosis may carry.
    billable: Mapped[bool] = mapped_column(Boolean)
    actual: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))


class Diagnosis(TimestampMixin, Base):
    """A diagnosis of a visit record: main (at most one), accompanying or a complication."""

    __tablename__ = "diagnoses"
    __table_args__ = (
        ForeignKeyConstraint(
            ["card_id", "card_type_id", "organization_id"],
            ["medical_cards.id", "medical_cards.card_type_id", "medical_cards.organization_id"],
            onupdate="CASCADE",
        ),
        CheckConstraint("role IN ('main', 'accompanying', 'complication')", name="role_known"),
        UniqueConstraint("record_id", "code"),
        Index("uq_diagnoses_one_main", "record_id", unique=True, postgresql_where=text("role = 'main'")),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("medical_records.id"))
    card_id: Mapped[int] = mapped_column(index=True)
    card_type_id: Mapped[int] = mapped_column()
    organization_id: Mapped[int] = mapped_column()
    code: Mapped[str] = mapped_column(ForeignKey("icd10_codes.code"), index=True)
    role: Mapped[str] = mapped_column(String(12), default="main", server_default="main")
    first_time: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
