"""Certificates of incapacity for work (sick leave, form 347n) and the accounting of their blanks.

``sick_leave_codes`` holds the coded values of the form (cause, additional, relation, violation and
"other" codes; a changed code is a cause code); ``sick_leave_rules`` the validity rules as data (their
code names the check of shared/services/sick_leave_rules.py, parameters and an active flag).

A certificate (``sick_leave_certificates``) keeps a snapshot of what is printed (organization, patient)
and its periods of release from work (``sick_leave_periods``, up to three). Its number is a blank's:
``sick_leave_blanks`` holds one row per blank received (``sick_leave_blank_batches``) and handed out to
a department or staff member (``sick_leave_blank_issues``); the triggers of sql/0013_sick_leave.sql
mark a blank used when a certificate takes its number and spoiled when the certificate is spoiled, and
refuse a number used twice, a spoiled blank or a number outside the received batches (MC090..MC099).
``sick_leave_print_events`` records every printing of a certificate.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, TimestampMixin, VersionedMixin

CODE_KINDS = ("cause", "additional", "relation", "violation", "other")
CERTIFICATE_STATUSES = ("draft", "issued", "closed", "spoiled", "duplicate_issued", "cancelled")
BLANK_STATES = ("in_stock", "issued", "used", "spoiled")
JOBS = ("", "main", "part_time")
NUMBER_RE = "^[0-9]{12}$"


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def _number_or_empty(column: str) -> str:
    return f"{column} = '' OR {column} ~ '{NUMBER_RE}'"


class SickLeaveCode(Base):
    """A coded value of the form: kind (cause, additional, relation, violation, other), code, name."""

    __tablename__ = "sick_leave_codes"
    __table_args__ = (
        CheckConstraint(_in("kind", CODE_KINDS), name="kind_known"),
        CheckConstraint("code ~ '^[0-9]{2,3}$'", name="code_digits"),
    )

    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_ru: Mapped[str] = mapped_column(String(300), default="", server_default="")


class SickLeaveRule(Base):
    """A validity rule of certificates: the check ``code`` (see sick_leave_rules.py), its message (English
    source text, translatable), parameters and whether it is applied."""

    __tablename__ = "sick_leave_rules"

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    description: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    parameters: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SickLeaveCertificate(TimestampMixin, VersionedMixin, Base):
    """A certificate of incapacity for work: what the blank carries, its status and its links."""

    __tablename__ = "sick_leave_certificates"
    __table_args__ = (
        UniqueConstraint("number"),
        CheckConstraint(_in("status", CERTIFICATE_STATUSES), name="status_known"),
        CheckConstraint(f"number IS NULL OR number ~ '{NUMBER_RE}'", name="number_digits"),
        CheckConstraint("status = 'draft' OR (number IS NOT NULL AND issue_date IS NOT NULL)",
                        name="issued_with_number"),
        CheckConstraint(_number_or_empty("previous_number"), name="previous_number_digits"),
        CheckConstraint(_number_or_empty("next_number"), name="next_number_digits"),
        CheckConstraint(_number_or_empty("main_job_number"), name="main_job_number_digits"),
        CheckConstraint(_in("job", JOBS), name="job_known"),
        CheckConstraint("sex IN ('M', 'F')", name="sex_known"),
        CheckConstraint("jsonb_typeof(care) = 'array' AND jsonb_array_length(care) <= 2", name="care_at_most_two"),
        CheckConstraint("hospital_to IS NULL OR (hospital_from IS NOT NULL AND hospital_to >= hospital_from)",
                        name="hospital_ordered"),
        CheckConstraint("disability_group IS NULL OR disability_group BETWEEN 1 AND 3", name="disability_group_known"),
        CheckConstraint("NOT duplicate OR original_id IS NOT NULL", name="duplicate_of_original"),
        CheckConstraint("status <> 'cancelled' OR length(btrim(cancel_reason)) > 0", name="cancel_reason_given"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"), index=True)
    record_id: Mapped[int | None] = mapped_column(ForeignKey("medical_records.id"))
    status: Mapped[str] = mapped_column(String(16), default="draft", server_default="draft")
    number: Mapped[str | None] = mapped_column(ForeignKey("sick_leave_blanks.number"))
    duplicate: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    original_id: Mapped[int | None] = mapped_column(ForeignKey("sick_leave_certificates.id"))
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("sick_leave_certificates.id"))  # a spoiled one
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("sick_leave_certificates.id"), index=True)
    previous_number: Mapped[str] = mapped_column(String(12), default="", server_default="")
    next_number: Mapped[str] = mapped_column(String(12), default="", server_default="")
    issue_date: Mapped[dt.date | None] = mapped_column(Date)
    organization_name: Mapped[str] = mapped_column(String(300))
    organization_address: Mapped[str] = mapped_column(Text, default="", server_default="")
    organization_ogrn: Mapped[str] = mapped_column(String(15), default="", server_default="")
    surname: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str] = mapped_column(String(100), default="", server_default="")
    birth_date: Mapped[dt.date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(1))
    cause_code: Mapped[str] = mapped_column(String(2), default="01", server_default="01")
    additional_code: Mapped[str] = mapped_column(String(3), default="", server_default="")
    changed_code: Mapped[str] = mapped_column(String(2), default="", server_default="")
    employer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    job: Mapped[str] = mapped_column(String(9), default="", server_default="")
    main_job_number: Mapped[str] = mapped_column(String(12), default="", server_default="")
    # Up to two family members cared for: [{"age_years", "age_months", "relation_code", "full_name"}]
    care: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    early_pregnancy: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    violation_code: Mapped[str] = mapped_column(String(2), default="", server_default="")
    violation_date: Mapped[dt.date | None] = mapped_column(Date)
    hospital_from: Mapped[dt.date | None] = mapped_column(Date)
    hospital_to: Mapped[dt.date | None] = mapped_column(Date)
    commission_referral_date: Mapped[dt.date | None] = mapped_column(Date)
    commission_registration_date: Mapped[dt.date | None] = mapped_column(Date)
    commission_examination_date: Mapped[dt.date | None] = mapped_column(Date)
    disability_group: Mapped[int | None] = mapped_column(SmallInteger)
    return_date: Mapped[dt.date | None] = mapped_column(Date)
    other_code: Mapped[str] = mapped_column(String(2), default="", server_default="")
    other_date: Mapped[dt.date | None] = mapped_column(Date)
    spoil_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    doctor_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    recorded_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())


class SickLeavePeriod(Base):
    """A period of release from work (row 1..3 of the form), the doctor and, when required, the chair of
    the medical commission (names and positions as printed)."""

    __tablename__ = "sick_leave_periods"
    __table_args__ = (
        UniqueConstraint("certificate_id", "row_no"),
        CheckConstraint("row_no BETWEEN 1 AND 3", name="row_no_range"),
        CheckConstraint("date_to >= date_from", name="period_ordered"),
        CheckConstraint("chair_staff_id IS NULL OR length(btrim(chair_name)) > 0", name="chair_named"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    certificate_id: Mapped[int] = mapped_column(ForeignKey("sick_leave_certificates.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    row_no: Mapped[int] = mapped_column(SmallInteger)
    date_from: Mapped[dt.date] = mapped_column(Date)
    date_to: Mapped[dt.date] = mapped_column(Date)
    doctor_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    doctor_position: Mapped[str] = mapped_column(String(200))
    doctor_name: Mapped[str] = mapped_column(String(200))
    chair_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    chair_position: Mapped[str] = mapped_column(String(200), default="", server_default="")
    chair_name: Mapped[str] = mapped_column(String(200), default="", server_default="")


class SickLeaveBlankBatch(Base):
    """Blanks received (from the social insurance fund): a continuous range of 12-digit numbers."""

    __tablename__ = "sick_leave_blank_batches"
    __table_args__ = (
        CheckConstraint(f"number_from ~ '{NUMBER_RE}' AND number_to ~ '{NUMBER_RE}'", name="numbers_digits"),
        CheckConstraint("number_to::bigint - number_from::bigint BETWEEN 0 AND 99999", name="range_ordered"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    received_on: Mapped[dt.date] = mapped_column(Date)
    number_from: Mapped[str] = mapped_column(String(12))
    number_to: Mapped[str] = mapped_column(String(12))
    supplier: Mapped[str] = mapped_column(String(300), default="", server_default="")
    document: Mapped[str] = mapped_column(String(200), default="", server_default="")
    recorded_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SickLeaveBlankIssue(Base):
    """Blanks handed out to a department or a staff member: a range of numbers on a day."""

    __tablename__ = "sick_leave_blank_issues"
    __table_args__ = (
        CheckConstraint(f"number_from ~ '{NUMBER_RE}' AND number_to ~ '{NUMBER_RE}'", name="numbers_digits"),
        CheckConstraint("number_to >= number_from", name="range_ordered"),
        CheckConstraint("holder_staff_id IS NOT NULL OR holder_department_id IS NOT NULL", name="holder_given"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    number_from: Mapped[str] = mapped_column(String(12))
    number_to: Mapped[str] = mapped_column(String(12))
    holder_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"))
    holder_department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    document: Mapped[str] = mapped_column(String(200), default="", server_default="")
    recorded_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SickLeaveBlank(VersionedMixin, Base):
    """One blank: its batch, who holds it, and its state (in stock, issued to a holder, used by a
    certificate, spoiled with a reason). Created by the batch's trigger; never deleted."""

    __tablename__ = "sick_leave_blanks"
    __table_args__ = (
        CheckConstraint(f"number ~ '{NUMBER_RE}'", name="number_digits"),
        CheckConstraint(_in("state", BLANK_STATES), name="state_known"),
        CheckConstraint("state <> 'spoiled' OR (length(btrim(spoil_reason)) > 0 AND spoiled_on IS NOT NULL)",
                        name="spoil_reason_given"),
        CheckConstraint("state <> 'used' OR (certificate_id IS NOT NULL AND used_on IS NOT NULL)",
                        name="used_by_certificate"),
        CheckConstraint("state <> 'issued' OR issue_id IS NOT NULL", name="issued_with_issue"),
    )

    number: Mapped[str] = mapped_column(String(12), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("sick_leave_blank_batches.id"), index=True)
    state: Mapped[str] = mapped_column(String(8), default="in_stock", server_default="in_stock")
    issue_id: Mapped[int | None] = mapped_column(ForeignKey("sick_leave_blank_issues.id"))
    holder_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"), index=True)
    holder_department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    # The certificate that used (or spoiled) it; no foreign key: the certificate refers to its blank.
    certificate_id: Mapped[int | None] = mapped_column(Integer, index=True)
    used_on: Mapped[dt.date | None] = mapped_column(Date)
    spoiled_on: Mapped[dt.date | None] = mapped_column(Date)
    spoil_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class SickLeavePrintEvent(Base):
    """A printing of a certificate: who, when, on the blank or on plain paper, with which printer profile."""

    __tablename__ = "sick_leave_print_events"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    certificate_id: Mapped[int] = mapped_column(ForeignKey("sick_leave_certificates.id"), index=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    number: Mapped[str | None] = mapped_column(String(12))
    on_blank: Mapped[bool] = mapped_column(Boolean)
    printer_model: Mapped[str] = mapped_column(String(100), default="", server_default="")
    printed_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
