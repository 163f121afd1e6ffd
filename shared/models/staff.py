"""Staff members with positions and specialties, and the users (login roles) linked to them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Identity, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shared.db.base import Base, TimestampMixin, VersionedMixin
from shared.models.organization import Department, Organization


class Specialty(VersionedMixin, Base):
    """A medical specialty (therapist, cardiologist, ...), per the national nomenclature."""

    __tablename__ = "specialties"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    is_medical: Mapped[bool] = mapped_column(Boolean, default=True, server_default="true")


class Position(VersionedMixin, Base):
    """A job position from the staff list (doctor-therapist, nurse, registrar, cashier, ...)."""

    __tablename__ = "positions"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    is_medical: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")


class StaffMember(TimestampMixin, VersionedMixin, Base):
    """An employee of one organization."""

    __tablename__ = "staff_members"
    __table_args__ = (
        CheckConstraint("length(btrim(last_name)) > 0 AND length(btrim(first_name)) > 0", name="name_given"),
        CheckConstraint("dismissed_on IS NULL OR dismissed_on >= hired_on", name="dismissed_after_hired"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    position_id: Mapped[int] = mapped_column(ForeignKey("positions.id"))
    specialty_id: Mapped[int | None] = mapped_column(ForeignKey("specialties.id"))
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    middle_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    hired_on: Mapped[dt.date] = mapped_column(Date)
    dismissed_on: Mapped[dt.date | None] = mapped_column(Date)

    organization: Mapped[Organization] = relationship()
    department: Mapped[Department | None] = relationship()
    position: Mapped[Position] = relationship()
    specialty: Mapped[Specialty | None] = relationship()

    @property
    def short_name(self) -> str:
        initials = "".join(f"{part[0]}." for part in (self.first_name, self.middle_name) if part)
        return f"{self.last_name} {initials}".strip()


class AppUser(TimestampMixin, VersionedMixin, Base):
    """A person who logs in: a PostgreSQL login role, optionally linked to a staff member."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    login: Mapped[str] = mapped_column(String(20), unique=True)
    role_name: Mapped[str] = mapped_column(String(63), unique=True)
    staff_member_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id"), unique=True)
    default_organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"))


class UserOrganization(Base):
    """The organizations a user works in (row-level security reads this)."""

    __tablename__ = "user_organizations"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), primary_key=True, index=True)
