"""Scheduling: the production calendar, working hours, schedulable resources with their services and
load rates, schedule templates and their generated intervals, exceptions, bookings and the waiting list.

Double booking is impossible by construction: every resource a booking holds has a row in
``booking_resources`` and an exclusion constraint (btree_gist) forbids two active rows of one resource
with overlapping periods. Generated work intervals of one resource cannot overlap either.
Times of day in templates are minutes from local midnight (0..1440) in the organization's time zone;
generated intervals and bookings are ``tstzrange``.
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
    Identity,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import TSTZRANGE, ExcludeConstraint, Range
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, TimestampMixin, VersionedMixin


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


DAY_KINDS = ("working", "shortened", "weekend", "holiday")
RESOURCE_KINDS = ("staff", "office", "equipment")
TEMPLATE_KINDS = ("weekly", "cycle", "parity")
INTERVAL_KINDS = ("work", "break")
EXCEPTION_KINDS = ("vacation", "sick_leave", "training", "day_off", "changed_day")
CHANNELS = ("registry", "doctor", "call_centre", "website", "oms")
BOOKING_STATUSES = ("booked", "confirmed", "arrived", "in_progress", "done", "no_show", "cancelled")
#: Statuses that hold the resources' time (no-shows and cancellations release it).
ACTIVE_STATUSES = ("booked", "confirmed", "arrived", "in_progress", "done")
WAITING_STATUSES = ("waiting", "booked", "withdrawn")
SERVICE_KINDS = ("simple", "complex")
VAT_RATES = ("exempt", "vat0", "vat5", "vat7", "vat10", "vat20", "vat22")


class MedicalService(TimestampMixin, VersionedMixin, Base):
    """A service of the organization's catalogue, with what scheduling needs to know about it."""

    __tablename__ = "medical_services"
    __table_args__ = (
        UniqueConstraint("organization_id", "code"),
        CheckConstraint("length(btrim(code)) > 0 AND length(btrim(name)) > 0", name="named"),
        CheckConstraint("duration_minutes > 0 AND duration_minutes <= 1440", name="duration_positive"),
        CheckConstraint("sex IS NULL OR sex IN ('M', 'F')", name="sex_known"),
        CheckConstraint("age_min IS NULL OR age_min >= 0", name="age_min_positive"),
        CheckConstraint("age_max IS NULL OR age_min IS NULL OR age_max >= age_min", name="ages_ordered"),
        CheckConstraint(_in("kind", SERVICE_KINDS), name="kind_known"),
        CheckConstraint(_in("vat_rate", VAT_RATES), name="vat_rate_known"),
        CheckConstraint("tax_deduction_code IN (1, 2)", name="tax_deduction_code_known"),
        CheckConstraint("active_to IS NULL OR active_from IS NULL OR active_to >= active_from",
                        name="active_period_ordered"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(300))
    # The usual duration; each resource may have its own (resource_services.duration_minutes).
    duration_minutes: Mapped[int] = mapped_column(Integer, default=15, server_default="15")
    sex: Mapped[str | None] = mapped_column(String(1))
    age_min: Mapped[int | None] = mapped_column(SmallInteger)
    age_max: Mapped[int | None] = mapped_column(SmallInteger)
    preparation: Mapped[str] = mapped_column(Text, default="", server_default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")
    # The catalogue (contracts issue): simple, or complex with a specification (service_components).
    kind: Mapped[str] = mapped_column(String(8), default="simple", server_default="simple")
    group_id: Mapped[int | None] = mapped_column(ForeignKey("service_groups.id"), index=True)
    # Medical services are usually exempt from VAT (Tax Code art. 149); FFD tag 1199 follows from it.
    vat_rate: Mapped[str] = mapped_column(String(6), default="exempt", server_default="exempt")
    indications: Mapped[str] = mapped_column(Text, default="", server_default="")
    contraindications: Mapped[str] = mapped_column(Text, default="", server_default="")
    active_from: Mapped[dt.date | None] = mapped_column(Date)
    active_to: Mapped[dt.date | None] = mapped_column(Date)
    # The code the tax-deduction certificate sums the service under: 1 ordinary, 2 expensive treatment
    # from the government's list (cash desk issue).
    tax_deduction_code: Mapped[int] = mapped_column(SmallInteger, default=1, server_default="1")


class CalendarDay(Base):
    """One day of the organization's production calendar; days without a row are plain weekdays."""

    __tablename__ = "calendar_days"
    __table_args__ = (CheckConstraint(_in("kind", DAY_KINDS), name="kind_known"),)

    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class WorkingHours(Base):
    """Opening hours of the organization (department_id NULL) or of one department, by ISO weekday."""

    __tablename__ = "working_hours"
    __table_args__ = (
        UniqueConstraint("organization_id", "department_id", "weekday", postgresql_nulls_not_distinct=True),
        CheckConstraint("weekday BETWEEN 1 AND 7", name="weekday_known"),
        CheckConstraint("opens_minute >= 0 AND closes_minute <= 1440 AND closes_minute > opens_minute",
                        name="hours_ordered"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id", ondelete="CASCADE"))
    weekday: Mapped[int] = mapped_column(SmallInteger)
    opens_minute: Mapped[int] = mapped_column(SmallInteger)
    closes_minute: Mapped[int] = mapped_column(SmallInteger)


class ScheduleResource(TimestampMixin, VersionedMixin, Base):
    """Something patients are booked into: a staff member, an office, or a piece of equipment."""

    __tablename__ = "schedule_resources"
    __table_args__ = (
        CheckConstraint(_in("kind", RESOURCE_KINDS), name="kind_known"),
        CheckConstraint("(kind = 'staff') = (staff_member_id IS NOT NULL)", name="staff_given"),
        CheckConstraint("kind <> 'office' OR office_id IS NOT NULL", name="office_given"),
        CheckConstraint("kind <> 'equipment' OR length(btrim(name)) > 0", name="equipment_named"),
        CheckConstraint("max_patients_per_day IS NULL OR max_patients_per_day > 0", name="max_positive"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    staff_member_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"), unique=True)
    # The office itself (kind office) or where the equipment stands (kind equipment).
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    max_patients_per_day: Mapped[int | None] = mapped_column(SmallInteger)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")


Index("uq_schedule_resources_office", ScheduleResource.office_id, unique=True,
      postgresql_where=ScheduleResource.kind == "office")


class ResourceService(Base):
    """A service a resource performs, with its load rate: the minutes it takes this resource."""

    __tablename__ = "resource_services"
    __table_args__ = (
        CheckConstraint("duration_minutes > 0 AND duration_minutes <= 1440", name="duration_positive"),
    )

    resource_id: Mapped[int] = mapped_column(
        ForeignKey("schedule_resources.id", ondelete="CASCADE"), primary_key=True
    )
    service_id: Mapped[int] = mapped_column(ForeignKey("medical_services.id"), primary_key=True, index=True)
    duration_minutes: Mapped[int] = mapped_column(SmallInteger)


class ChannelShare(Base):
    """The share of a resource's time reserved for a booking channel (resource NULL: the default)."""

    __tablename__ = "channel_shares"
    __table_args__ = (
        UniqueConstraint("organization_id", "resource_id", "channel", postgresql_nulls_not_distinct=True),
        CheckConstraint(_in("channel", CHANNELS), name="channel_known"),
        CheckConstraint("percent BETWEEN 0 AND 100", name="percent_range"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    resource_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_resources.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(12))
    percent: Mapped[int] = mapped_column(SmallInteger)


class ScheduleTemplate(TimestampMixin, VersionedMixin, Base):
    """How a resource works: weekly by weekday, a shift cycle (2 on / 2 off), or even/odd dates."""

    __tablename__ = "schedule_templates"
    __table_args__ = (
        CheckConstraint(_in("kind", TEMPLATE_KINDS), name="kind_known"),
        CheckConstraint("(kind = 'cycle') = (cycle_days IS NOT NULL)", name="cycle_given"),
        CheckConstraint("cycle_days IS NULL OR cycle_days BETWEEN 2 AND 28", name="cycle_range"),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="period_ordered"),
        CheckConstraint("length(btrim(name)) > 0", name="named"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("schedule_resources.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(10))
    cycle_days: Mapped[int | None] = mapped_column(SmallInteger)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    # Outpatient doctors rest on holidays and work an hour less before them; a 24-hour hospital does not.
    skip_non_working: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")
    shorten_pre_holiday: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")


class TemplateInterval(Base):
    """A time range of a template day: weekday 1..7 (weekly), day of cycle 0..n-1, 0 even / 1 odd."""

    __tablename__ = "schedule_template_intervals"
    __table_args__ = (
        CheckConstraint(_in("kind", INTERVAL_KINDS), name="kind_known"),
        CheckConstraint("day_index BETWEEN 0 AND 27", name="day_range"),
        CheckConstraint("start_minute >= 0 AND end_minute <= 1440 AND end_minute > start_minute",
                        name="times_ordered"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("schedule_templates.id", ondelete="CASCADE"), index=True
    )
    day_index: Mapped[int] = mapped_column(SmallInteger)
    kind: Mapped[str] = mapped_column(String(5), default="work", server_default="work")
    start_minute: Mapped[int] = mapped_column(SmallInteger)
    end_minute: Mapped[int] = mapped_column(SmallInteger)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))


class ScheduleException(TimestampMixin, Base):
    """An absence (vacation, sick leave, training, day off) or one changed day; overrides templates."""

    __tablename__ = "schedule_exceptions"
    __table_args__ = (
        CheckConstraint(_in("kind", EXCEPTION_KINDS), name="kind_known"),
        CheckConstraint("last_day >= first_day", name="period_ordered"),
        CheckConstraint("kind <> 'changed_day' OR first_day = last_day", name="changed_day_single"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("schedule_resources.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")


class ExceptionInterval(Base):
    """The hours of a changed day (exception kind changed_day)."""

    __tablename__ = "schedule_exception_intervals"
    __table_args__ = (
        CheckConstraint(_in("kind", INTERVAL_KINDS), name="kind_known"),
        CheckConstraint("start_minute >= 0 AND end_minute <= 1440 AND end_minute > start_minute",
                        name="times_ordered"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    exception_id: Mapped[int] = mapped_column(
        ForeignKey("schedule_exceptions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(5), default="work", server_default="work")
    start_minute: Mapped[int] = mapped_column(SmallInteger)
    end_minute: Mapped[int] = mapped_column(SmallInteger)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))


class ScheduleInterval(Base):
    """A generated interval of a resource's working time (or a break in it) on one local day."""

    __tablename__ = "schedule_intervals"
    __table_args__ = (
        CheckConstraint(_in("kind", INTERVAL_KINDS), name="kind_known"),
        CheckConstraint("NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)",
                        name="period_bounded"),
        ExcludeConstraint(("resource_id", "="), ("kind", "="), ("period", "&&"), using="gist",
                          name="ex_schedule_intervals_no_overlap"),
        Index("ix_schedule_intervals_resource_day", "resource_id", "day"),
        Index("ix_schedule_intervals_day", "organization_id", "day"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    resource_id: Mapped[int] = mapped_column(ForeignKey("schedule_resources.id", ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(5))
    period: Mapped[Range[dt.datetime]] = mapped_column(TSTZRANGE)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    template_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_templates.id", ondelete="SET NULL"))
    exception_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedule_exceptions.id", ondelete="CASCADE")
    )


class Booking(TimestampMixin, VersionedMixin, Base):
    """A pre-registration: a client (or a name and phone) booked into a service at a time."""

    __tablename__ = "bookings"
    __table_args__ = (
        CheckConstraint(_in("channel", CHANNELS), name="channel_known"),
        CheckConstraint(_in("status", BOOKING_STATUSES), name="status_known"),
        CheckConstraint("patient_id IS NOT NULL OR length(btrim(contact_name)) > 0", name="who_given"),
        CheckConstraint("status <> 'cancelled' OR length(btrim(cancel_reason)) > 0", name="cancel_reason_given"),
        CheckConstraint("NOT isempty(period) AND NOT lower_inf(period) AND NOT upper_inf(period)",
                        name="period_bounded"),
        CheckConstraint("office_resource_id IS DISTINCT FROM resource_id", name="office_not_main"),
        Index("ix_bookings_resource_period", "resource_id", "period", postgresql_using="gist"),
        Index("ix_bookings_resource_starts", "resource_id", "starts_at"),
        Index("ix_bookings_organization_starts", "organization_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"), index=True)
    contact_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    service_id: Mapped[int] = mapped_column(ForeignKey("medical_services.id"))
    # The main resource (the doctor, or the equipment); booking_resources holds it and any office.
    resource_id: Mapped[int] = mapped_column(ForeignKey("schedule_resources.id"))
    # The office held at the same time, when the office is a resource of its own.
    office_resource_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_resources.id"))
    period: Mapped[Range[dt.datetime]] = mapped_column(TSTZRANGE)
    # lower(period) as a plain column: under row-level security only leakproof operators (timestamp
    # comparisons are, range overlap is not) can use an index, so day lists filter on this.
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), Computed("lower(period)", persisted=True))
    # The office of the working range the booking falls in (printed on the slip).
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    channel: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12), default="booked", server_default="booked")
    cancel_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    booked_by: Mapped[str] = mapped_column(String(63), server_default=func.session_user())


class BookingResource(Base):
    """One resource a booking holds; the exclusion constraint makes double booking unstorable.

    Derived from ``bookings`` by a trigger (resource_id and office_resource_id); clients never write it.
    """

    __tablename__ = "booking_resources"
    __table_args__ = (
        ExcludeConstraint(("resource_id", "="), ("period", "&&"), using="gist", where="active",
                          name="ex_booking_resources_no_double_booking"),
    )

    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"), primary_key=True)
    resource_id: Mapped[int] = mapped_column(ForeignKey("schedule_resources.id"), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    period: Mapped[Range[dt.datetime]] = mapped_column(TSTZRANGE)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")


class BookingDayUsage(Base):
    """How much of a resource-day each channel has booked (active bookings of the main resource).

    Kept by the bookings trigger; lets slot searches skip fully booked days without reading their
    bookings, and answers channel shares and day limits from one row per channel.
    """

    __tablename__ = "booking_day_usage"

    resource_id: Mapped[int] = mapped_column(ForeignKey("schedule_resources.id", ondelete="CASCADE"),
                                             primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    channel: Mapped[str] = mapped_column(String(12), primary_key=True)
    bookings: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class BookingEvent(Base):
    """The history of a booking, written by a trigger: booked, rescheduled, status changes."""

    __tablename__ = "booking_events"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"), index=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    actor: Mapped[str] = mapped_column(String(63), server_default=func.session_user())
    action: Mapped[str] = mapped_column(String(12))
    old_resource_id: Mapped[int | None] = mapped_column(Integer)
    new_resource_id: Mapped[int | None] = mapped_column(Integer)
    old_period: Mapped[Range[dt.datetime] | None] = mapped_column(TSTZRANGE)
    new_period: Mapped[Range[dt.datetime] | None] = mapped_column(TSTZRANGE)
    old_status: Mapped[str | None] = mapped_column(String(12))
    new_status: Mapped[str | None] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class WaitingListEntry(TimestampMixin, VersionedMixin, Base):
    """A client waiting for a slot that does not exist yet (no free time for the wanted service)."""

    __tablename__ = "waiting_list"
    __table_args__ = (
        CheckConstraint(_in("status", WAITING_STATUSES), name="status_known"),
        CheckConstraint(_in("channel", CHANNELS), name="channel_known"),
        CheckConstraint("patient_id IS NOT NULL OR length(btrim(contact_name)) > 0", name="who_given"),
        CheckConstraint("wanted_to IS NULL OR wanted_to >= wanted_from", name="period_ordered"),
        CheckConstraint("(status = 'booked') = (booking_id IS NOT NULL)", name="booking_given"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id"), index=True)
    contact_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    service_id: Mapped[int] = mapped_column(ForeignKey("medical_services.id"))
    resource_id: Mapped[int | None] = mapped_column(ForeignKey("schedule_resources.id"))
    wanted_from: Mapped[dt.date] = mapped_column(Date)
    wanted_to: Mapped[dt.date | None] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(10), default="waiting", server_default="waiting")
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id"))
