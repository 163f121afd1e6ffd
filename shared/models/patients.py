"""Patients, their medical cards and what is recorded in the cards.

This is the core the access rules of the database are built around: every card has a type
(outpatient, dental, STD, ...) and belongs to one organization, and a staff member sees a card
and its records only when granted that card type and working in that organization (row-level
security, see migrations 0002). The registry issue extends patients with documents and contacts.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Identity,
    Index,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, TimestampMixin, VersionedMixin

# Lowercase, ё folded into е: what search compares. Immutable, so it can be a stored column.
NAME_NORM_SQL = "translate(lower(last_name || ' ' || first_name || ' ' || middle_name), 'ё', 'е')"


class Patient(TimestampMixin, VersionedMixin, Base):
    """A client: any person known to the clinic (a personal-data subject). A *patient*, strictly, is
    a client with at least one medical card; the registry calls both by this one table."""

    __tablename__ = "patients"
    __table_args__ = (
        CheckConstraint("sex IN ('M', 'F')", name="sex_known"),
        CheckConstraint("length(btrim(last_name)) > 0 AND length(btrim(first_name)) > 0", name="name_given"),
        CheckConstraint("snils IS NULL OR snils ~ '^[0-9]{11}$'", name="snils_digits"),
        CheckConstraint("merged_into_id IS NULL OR merged_into_id <> id", name="not_merged_into_self"),
        Index("ix_patients_name_birth", "last_name", "first_name", "birth_date"),
        Index("ix_patients_name_norm_prefix", "name_norm", postgresql_ops={"name_norm": "text_pattern_ops"}),
        Index("ix_patients_name_norm_trgm", "name_norm", postgresql_using="gist",
              postgresql_ops={"name_norm": "extensions.gist_trgm_ops"}),
        # A birth date with a surname prefix, rows in name order: one range of one index.
        Index("ix_patients_birth_name", "birth_date", "name_norm", postgresql_ops={"name_norm": "text_pattern_ops"}),
        Index("ix_patients_snils", "snils"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    middle_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    birth_date: Mapped[dt.date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    snils: Mapped[str | None] = mapped_column(String(11))
    email: Mapped[str] = mapped_column(String(254), default="", server_default="")
    notify_sms: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")
    notify_email: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    #: Set when this record was merged into another (a duplicate); it is then hidden from search.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"))
    name_norm: Mapped[str] = mapped_column(Text, Computed(NAME_NORM_SQL, persisted=True))


class MedicalCard(TimestampMixin, VersionedMixin, Base):
    """A medical card of one type, kept by one organization. A patient may have any number."""

    __tablename__ = "medical_cards"
    __table_args__ = (
        UniqueConstraint("organization_id", "card_type_id", "number"),
        # Target of the records' foreign key, which copies type and organization for row security.
        UniqueConstraint("id", "card_type_id", "organization_id"),
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="closed_after_opened"),
        CheckConstraint("length(btrim(number)) > 0", name="number_given"),
        CheckConstraint("paper_location IN ('archive', 'office', 'patient', 'lost')", name="paper_location_known"),
        CheckConstraint("(paper_location = 'office') = (paper_office_id IS NOT NULL)", name="paper_office_given"),
        Index("ix_medical_cards_number", "number"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    card_type_id: Mapped[int] = mapped_column(ForeignKey("medical_card_types.id"), index=True)
    number: Mapped[str] = mapped_column(String(30))
    opened_on: Mapped[dt.date] = mapped_column(Date, server_default=func.current_date())
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    #: Where the paper card is: archive, office (paper_office_id), patient (issued), lost.
    paper_location: Mapped[str] = mapped_column(String(10), default="archive", server_default="archive")
    paper_office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    paper_moved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class MedicalRecord(TimestampMixin, VersionedMixin, Base):
    """An entry in a medical card (an examination, a conclusion, a visit record, ...).

    ``card_type_id`` and ``organization_id`` repeat the card's (kept equal by the composite foreign
    key), so the row-security policy is a plain indexed comparison instead of a join per row.

    A visit record starts as a ``draft`` its author edits and signs; a signed record is locked (the
    trigger of sql/0008_visit_records.sql refuses any change), and a correction is a new draft
    superseding it (``supersedes_id``, ``version_no`` + 1), so the history stays whole.
    """

    __tablename__ = "medical_records"
    __table_args__ = (
        ForeignKeyConstraint(
            ["card_id", "card_type_id", "organization_id"],
            ["medical_cards.id", "medical_cards.card_type_id", "medical_cards.organization_id"],
            onupdate="CASCADE",
        ),
        CheckConstraint("length(btrim(kind)) > 0", name="kind_given"),
        CheckConstraint("status IN ('draft', 'signed')", name="status_known"),
        CheckConstraint("jsonb_typeof(content) = 'object'", name="content_object"),
        CheckConstraint("version_no >= 1 AND (supersedes_id IS NULL) = (version_no = 1)", name="version_chain"),
        CheckConstraint(
            "(status = 'draft' AND signed_at IS NULL AND signed_by IS NULL) "
            "OR (status = 'signed' AND signed_at IS NOT NULL)",
            name="signature_consistent",
        ),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    card_id: Mapped[int] = mapped_column(index=True)
    card_type_id: Mapped[int] = mapped_column()
    organization_id: Mapped[int] = mapped_column()
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    author_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    kind: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(10), default="draft", server_default="draft")
    #: Structured fields and free text of the visit (complaints, anamnesis, examination, conclusion,
    #: recommendations, ...), as one JSON object.
    content: Mapped[dict] = mapped_column(JSONB, default=dict, server_default=text("'{}'::jsonb"))
    template_code: Mapped[str] = mapped_column(String(40), default="", server_default="")
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id"), index=True)
    version_no: Mapped[int] = mapped_column(default=1, server_default="1")
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("medical_records.id"), unique=True)
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    signed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
