"""Clinical orders of a visit: appointments (services the doctor prescribes by indication, which become
order lines and bookings) and medicinal prescriptions.

Both repeat their card, card type and organization (copied from the visit record or the card by the
triggers of sql/0010_clinical_orders.sql and kept equal by the composite foreign key), so their
row-security policy is the medical records' one. The triggers also keep the rules whoever writes: a
signed record's appointments and prescriptions are fixed, only the record's author adds or changes
them, an appointment's status follows its order line (SQLSTATEs MC070..MC079).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Identity,
    Index,
    Numeric,
    SmallInteger,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, TimestampMixin, VersionedMixin

APPOINTMENT_STATUSES = ("planned", "ordered", "booked", "performed", "cancelled")
#: Appointments still to be done (shown first).
OPEN_APPOINTMENT_STATUSES = ("planned", "ordered", "booked")
URGENCIES = ("routine", "urgent", "cito")

ROUTES = ("oral", "sublingual", "intravenous", "intramuscular", "subcutaneous", "topical", "inhalation",
          "rectal", "ophthalmic", "nasal", "other")
DOSE_UNITS = ("mg", "g", "mcg", "ml", "IU", "drops", "tablets", "capsules", "puffs", "units", "sachets",
              "suppositories", "applications")
PRESCRIPTION_STATUSES = ("active", "cancelled", "completed")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _card_key() -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["card_id", "card_type_id", "organization_id"],
        ["medical_cards.id", "medical_cards.card_type_id", "medical_cards.organization_id"],
        onupdate="CASCADE",
    )


class Appointment(TimestampMixin, VersionedMixin, Base):
    """A service the doctor prescribes to the patient (a test, a consultation, a procedure, the repeat
    visit): planned, then ordered (an order line), booked (the line's booking), performed, or cancelled
    with a reason. Once ordered, the status follows the order line (the trigger derives it)."""

    __tablename__ = "appointments"
    __table_args__ = (
        _card_key(),
        CheckConstraint(_in("status", APPOINTMENT_STATUSES), name="status_known"),
        CheckConstraint(_in("urgency", URGENCIES), name="urgency_known"),
        CheckConstraint("quantity BETWEEN 1 AND 100", name="quantity_sane"),
        CheckConstraint("status <> 'cancelled' OR length(btrim(cancel_reason)) > 0", name="cancel_reason_given"),
        CheckConstraint("status <> 'planned' OR order_line_id IS NULL", name="planned_without_line"),
        CheckConstraint("status IN ('planned', 'cancelled') OR order_line_id IS NOT NULL", name="ordered_with_line"),
        CheckConstraint("status <> 'booked' OR booking_id IS NOT NULL", name="booked_with_booking"),
        Index("ix_appointments_patient_status", "patient_id", "status"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    #: The visit record it was made in (None: made in the card outside a record).
    record_id: Mapped[int | None] = mapped_column(ForeignKey("medical_records.id"), index=True)
    card_id: Mapped[int] = mapped_column(index=True)
    card_type_id: Mapped[int] = mapped_column()
    organization_id: Mapped[int] = mapped_column()
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("medical_services.id"))
    indication: Mapped[str] = mapped_column(Text, default="", server_default="")
    urgency: Mapped[str] = mapped_column(String(8), default="routine", server_default="routine")
    #: Done by this date (None: no date).
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(SmallInteger, default=1, server_default="1")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(10), default="planned", server_default="planned")
    cancel_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"), unique=True)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id"))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))


class MedicationPrescription(TimestampMixin, VersionedMixin, Base):
    """A medication prescribed in a visit record: the drug as written (free text) and its structured
    dose, route, frequency and duration. Added, changed and removed while the record is a draft; a signed
    record's prescriptions only change status (cancelled with a reason, or completed)."""

    __tablename__ = "medication_prescriptions"
    __table_args__ = (
        _card_key(),
        CheckConstraint("length(btrim(drug_name)) > 0", name="drug_named"),
        CheckConstraint(_in("route", ROUTES), name="route_known"),
        CheckConstraint("dose_amount IS NULL OR dose_amount > 0", name="dose_positive"),
        CheckConstraint("dose_unit = '' OR " + _in("dose_unit", DOSE_UNITS), name="dose_unit_known"),
        CheckConstraint("(dose_amount IS NULL) = (dose_unit = '')", name="dose_with_unit"),
        CheckConstraint("times_per_day IS NULL OR times_per_day BETWEEN 1 AND 24", name="times_per_day_sane"),
        CheckConstraint("duration_days IS NULL OR duration_days BETWEEN 1 AND 365", name="duration_sane"),
        CheckConstraint(_in("status", PRESCRIPTION_STATUSES), name="status_known"),
        CheckConstraint("status <> 'cancelled' OR length(btrim(cancel_reason)) > 0", name="cancel_reason_given"),
        Index("ix_medication_prescriptions_patient_status", "patient_id", "status"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("medical_records.id"), index=True)
    card_id: Mapped[int] = mapped_column(index=True)
    card_type_id: Mapped[int] = mapped_column()
    organization_id: Mapped[int] = mapped_column()
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    drug_name: Mapped[str] = mapped_column(String(200))
    #: The international non-proprietary name, when the drug is written by its trade name.
    inn: Mapped[str] = mapped_column(String(200), default="", server_default="")
    form: Mapped[str] = mapped_column(String(60), default="", server_default="")
    dose_amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 3))
    dose_unit: Mapped[str] = mapped_column(String(16), default="", server_default="")
    route: Mapped[str] = mapped_column(String(16), default="oral", server_default="oral")
    times_per_day: Mapped[int | None] = mapped_column(SmallInteger)
    #: Frequency as written when it is not n times a day ("every 8 h", "before bedtime").
    frequency_text: Mapped[str] = mapped_column(String(100), default="", server_default="")
    duration_days: Mapped[int | None] = mapped_column(SmallInteger)
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    as_needed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    instructions: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(10), default="active", server_default="active")
    cancel_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
