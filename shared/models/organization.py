"""Medical organizations (several in one database), their departments and offices."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Identity,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shared.db.base import Base, TimestampMixin, VersionedMixin

DEPARTMENT_KINDS = ("outpatient", "inpatient", "paraclinical", "admission", "administrative", "registry")


class Organization(TimestampMixin, VersionedMixin, Base):
    """A medical organization: a legal entity with its own staff, offices and price lists."""

    __tablename__ = "organizations"
    __table_args__ = (
        CheckConstraint("inn ~ '^([0-9]{10}|[0-9]{12})$'", name="inn_digits"),
        CheckConstraint("ogrn IS NULL OR ogrn ~ '^([0-9]{13}|[0-9]{15})$'", name="ogrn_digits"),
        CheckConstraint("length(btrim(name)) > 0", name="name_not_blank"),
        CheckConstraint("unpaid_performance IN ('block', 'warn')", name="unpaid_performance_known"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str] = mapped_column(String(120))
    inn: Mapped[str] = mapped_column(String(12), unique=True)
    ogrn: Mapped[str | None] = mapped_column(String(15))
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # IANA name; appointment times are shown in the organization's own zone.
    time_zone: Mapped[str] = mapped_column(String(64), default="Europe/Moscow", server_default="Europe/Moscow")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")
    # Channel shares of schedules reserve time until this many hours before it; then anyone may book it.
    booking_release_hours: Mapped[int] = mapped_column(SmallInteger, default=24, server_default="24")
    # What an invoice for payment prints about the supplier (contracts issue).
    kpp: Mapped[str] = mapped_column(String(9), default="", server_default="")
    bank_name: Mapped[str] = mapped_column(String(300), default="", server_default="")
    bank_bik: Mapped[str] = mapped_column(String(9), default="", server_default="")
    bank_account: Mapped[str] = mapped_column(String(20), default="", server_default="")
    bank_corr_account: Mapped[str] = mapped_column(String(20), default="", server_default="")
    head_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    accountant_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Performing a service the client has not paid and no agreement covers: 'block' refuses it,
    # 'warn' lets the doctor go on after confirming (doctor's workstation issue).
    unpaid_performance: Mapped[str] = mapped_column(String(5), default="block", server_default="block")


class Department(TimestampMixin, VersionedMixin, Base):
    """A department or subdivision; ``parent_id`` nests subdivisions inside departments."""

    __tablename__ = "departments"
    __table_args__ = (
        UniqueConstraint("organization_id", "name"),
        CheckConstraint(
            "kind IN (" + ", ".join(f"'{k}'" for k in DEPARTMENT_KINDS) + ")", name="kind_known"
        ),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="outpatient")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")

    organization: Mapped[Organization] = relationship()
    parent: Mapped[Department | None] = relationship(remote_side="Department.id")


class Office(TimestampMixin, VersionedMixin, Base):
    """A room where services are performed; equipment notes help the registry plan the load."""

    __tablename__ = "offices"
    __table_args__ = (UniqueConstraint("organization_id", "number"),)

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    number: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    floor: Mapped[int | None] = mapped_column(Integer)
    equipment_notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")

    organization: Mapped[Organization] = relationship()
    department: Mapped[Department | None] = relationship()
