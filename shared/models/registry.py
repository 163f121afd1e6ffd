"""What the registry keeps about a client besides the name: documents, insurance policies, phones,
addresses, consent to personal-data processing, legal representatives; card numbering rules and the
movements of paper cards."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Identity,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, TimestampMixin

DOCUMENT_KINDS = ("passport", "birth_certificate", "foreign_passport", "residence_permit", "other")
POLICY_KINDS = ("oms", "dms")
PHONE_KINDS = ("mobile", "home", "work")
ADDRESS_KINDS = ("registration", "residence")
REPRESENTATIVE_RELATIONS = ("parent", "guardian", "trustee")
PAPER_LOCATIONS = ("archive", "office", "patient", "lost")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


class PatientDocument(TimestampMixin, Base):
    __tablename__ = "patient_documents"
    __table_args__ = (
        CheckConstraint(_one_of("kind", DOCUMENT_KINDS), name="kind_known"),
        CheckConstraint("valid_until IS NULL OR issued_on IS NULL OR valid_until >= issued_on", name="valid_after_issued"),
        CheckConstraint("length(btrim(number)) > 0", name="number_given"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    series: Mapped[str] = mapped_column(String(20), default="", server_default="")
    number: Mapped[str] = mapped_column(String(30))
    issued_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)


class PatientPolicy(TimestampMixin, Base):
    """A compulsory (OMS, 16 digits) or voluntary (DMS) insurance policy."""

    __tablename__ = "patient_policies"
    __table_args__ = (
        CheckConstraint(_one_of("kind", POLICY_KINDS), name="kind_known"),
        CheckConstraint("kind <> 'oms' OR number ~ '^[0-9]{16}$'", name="oms_number_16_digits"),
        CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from", name="period_ordered"),
        Index("ix_patient_policies_number", "number"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(3))
    number: Mapped[str] = mapped_column(String(30))
    insurer: Mapped[str] = mapped_column(String(300), default="", server_default="")
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)


class PatientPhone(TimestampMixin, Base):
    """A phone number, stored as digits only (Russian numbers as 7XXXXXXXXXX)."""

    __tablename__ = "patient_phones"
    __table_args__ = (
        CheckConstraint("digits ~ '^[0-9]{5,15}$'", name="digits_only"),
        CheckConstraint(_one_of("kind", PHONE_KINDS), name="kind_known"),
        Index("ix_patient_phones_digits", "digits"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="mobile", server_default="mobile")
    digits: Mapped[str] = mapped_column(String(15))
    note: Mapped[str] = mapped_column(String(200), default="", server_default="")


# Suffix search ("the last digits"): an index on the reversed number serves LIKE 'reversed%'.
Index(
    "ix_patient_phones_reversed",
    func.reverse(PatientPhone.digits).label("digits_reversed"),
    postgresql_ops={"digits_reversed": "text_pattern_ops"},
)


class PatientAddress(TimestampMixin, Base):
    __tablename__ = "patient_addresses"
    __table_args__ = (CheckConstraint(_one_of("kind", ADDRESS_KINDS), name="kind_known"),)

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(15))
    address: Mapped[str] = mapped_column(Text)


class PatientConsent(TimestampMixin, Base):
    """Consent to personal-data processing (152-FZ): when, for what, and when withdrawn."""

    __tablename__ = "patient_consents"
    __table_args__ = (
        CheckConstraint("withdrawn_on IS NULL OR withdrawn_on >= given_on", name="withdrawn_after_given"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    given_on: Mapped[dt.date] = mapped_column(Date)
    scope: Mapped[str] = mapped_column(Text)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)


class LegalRepresentative(TimestampMixin, Base):
    """A parent, guardian or trustee of a patient, with the document that proves it."""

    __tablename__ = "legal_representatives"
    __table_args__ = (
        CheckConstraint(_one_of("relation", REPRESENTATIVE_RELATIONS), name="relation_known"),
        CheckConstraint("patient_id <> representative_id", name="not_own_representative"),
        CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from", name="period_ordered"),
        UniqueConstraint("patient_id", "representative_id", "relation"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    representative_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    relation: Mapped[str] = mapped_column(String(10))
    document: Mapped[str] = mapped_column(Text, default="", server_default="")
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)


class CardNumbering(Base):
    """How the cards of one type are numbered in one organization: prefix, optional year, sequence."""

    __tablename__ = "card_numbering"
    __table_args__ = (CheckConstraint("next_value > 0", name="next_positive"),)

    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), primary_key=True)
    card_type_id: Mapped[int] = mapped_column(ForeignKey("medical_card_types.id"), primary_key=True)
    prefix: Mapped[str] = mapped_column(String(10), default="", server_default="")
    with_year: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    digits: Mapped[int] = mapped_column(Integer, default=6, server_default="6")
    next_value: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: The year next_value counts in, when numbering restarts every year.
    year: Mapped[int | None] = mapped_column(Integer)


class PaperCardMovement(Base):
    """One move of a paper card. Carries the card's type and organization for row security."""

    __tablename__ = "paper_card_movements"
    __table_args__ = (
        ForeignKeyConstraint(
            ["card_id", "card_type_id", "organization_id"],
            ["medical_cards.id", "medical_cards.card_type_id", "medical_cards.organization_id"],
            onupdate="CASCADE",
        ),
        CheckConstraint(_one_of("location", PAPER_LOCATIONS), name="location_known"),
        CheckConstraint("(location = 'office') = (office_id IS NOT NULL)", name="office_given"),
        Index("ix_paper_card_movements_card", "card_id", "moved_at"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    card_id: Mapped[int] = mapped_column()
    card_type_id: Mapped[int] = mapped_column()
    organization_id: Mapped[int] = mapped_column()
    moved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    location: Mapped[str] = mapped_column(String(10))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    staff_member_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    note: Mapped[str] = mapped_column(String(300), default="", server_default="")


class PatientSurname(Base):
    """Distinct normalized surnames, filled by a trigger on patients: the dictionary fuzzy search
    matches a mistyped surname against (thousands of rows, not millions)."""

    __tablename__ = "patient_surnames"
    __table_args__ = (
        Index("ix_patient_surnames_trgm", "surname_norm", postgresql_using="gist",
              postgresql_ops={"surname_norm": "extensions.gist_trgm_ops"}),
    )

    surname_norm: Mapped[str] = mapped_column(Text, primary_key=True)
