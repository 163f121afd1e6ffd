"""Read-only views of the organization's reference data: organizations, departments, offices, staff,
medical card types. Every staff member may read them (shared.security.matrix grants SELECT to all).

Each function takes an open-able `UnitOfWork` and returns a tuple of frozen DTOs; no ORM object
leaves this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import aliased

from shared.db.uow import UnitOfWork
from shared.models import (
    Department,
    MedicalCardType,
    Office,
    Organization,
    Position,
    Specialty,
    StaffMember,
)


@dataclass(frozen=True)
class OrganizationRow:
    id: int
    short_name: str
    name: str
    inn: str
    ogrn: str | None
    address: str
    phone: str
    time_zone: str
    is_active: bool


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    organization: str
    name: str
    kind: str
    parent: str | None
    is_active: bool


@dataclass(frozen=True)
class OfficeRow:
    id: int
    organization: str
    number: str
    name: str
    department: str | None
    floor: int | None
    equipment_notes: str
    is_active: bool


@dataclass(frozen=True)
class StaffRow:
    id: int
    organization: str
    full_name: str
    position: str
    specialty: str | None
    department: str | None
    hired_on: dt.date
    dismissed_on: dt.date | None


@dataclass(frozen=True)
class CardTypeRow:
    id: int
    code: str
    name: str
    form_number: str
    is_active: bool


@dataclass(frozen=True)
class ReferenceData:
    """Everything the reference browser shows, read in one unit of work."""

    organizations: tuple[OrganizationRow, ...]
    departments: tuple[DepartmentRow, ...]
    offices: tuple[OfficeRow, ...]
    staff: tuple[StaffRow, ...]
    card_types: tuple[CardTypeRow, ...]


def _session(uow: UnitOfWork):
    assert uow.session is not None, "use inside `with uow:`"
    return uow.session


def list_organizations(uow: UnitOfWork) -> tuple[OrganizationRow, ...]:
    stmt = select(Organization).order_by(Organization.short_name, Organization.id)
    return tuple(
        OrganizationRow(
            id=o.id,
            short_name=o.short_name,
            name=o.name,
            inn=o.inn,
            ogrn=o.ogrn,
            address=o.address or "",
            phone=o.phone or "",
            time_zone=o.time_zone,
            is_active=o.is_active,
        )
        for o in _session(uow).scalars(stmt)
    )


def organization_name(uow: UnitOfWork, organization_id: int) -> str | None:
    """The short name of an organization, or None if there is none with that id."""
    return _session(uow).scalar(select(Organization.short_name).where(Organization.id == organization_id))


def list_departments(uow: UnitOfWork) -> tuple[DepartmentRow, ...]:
    parent = aliased(Department)
    stmt = (
        select(Department, Organization.short_name, parent.name)
        .join(Organization, Organization.id == Department.organization_id)
        .outerjoin(parent, parent.id == Department.parent_id)
        .order_by(Organization.short_name, Department.name, Department.id)
    )
    return tuple(
        DepartmentRow(
            id=d.id, organization=org, name=d.name, kind=d.kind, parent=parent_name, is_active=d.is_active
        )
        for d, org, parent_name in _session(uow).execute(stmt)
    )


def list_offices(uow: UnitOfWork) -> tuple[OfficeRow, ...]:
    stmt = (
        select(Office, Organization.short_name, Department.name)
        .join(Organization, Organization.id == Office.organization_id)
        .outerjoin(Department, Department.id == Office.department_id)
        .order_by(Organization.short_name, Office.number, Office.id)
    )
    return tuple(
        OfficeRow(
            id=o.id,
            organization=org,
            number=o.number,
            name=o.name,
            department=dept,
            floor=o.floor,
            equipment_notes=o.equipment_notes or "",
            is_active=o.is_active,
        )
        for o, org, dept in _session(uow).execute(stmt)
    )


def _full_name(last: str, first: str, middle: str) -> str:
    return " ".join(part for part in (last, first, middle) if part)


def list_staff(uow: UnitOfWork) -> tuple[StaffRow, ...]:
    stmt = (
        select(StaffMember, Organization.short_name, Position.name, Specialty.name, Department.name)
        .join(Organization, Organization.id == StaffMember.organization_id)
        .join(Position, Position.id == StaffMember.position_id)
        .outerjoin(Specialty, Specialty.id == StaffMember.specialty_id)
        .outerjoin(Department, Department.id == StaffMember.department_id)
        .order_by(StaffMember.last_name, StaffMember.first_name, StaffMember.middle_name, StaffMember.id)
    )
    return tuple(
        StaffRow(
            id=s.id,
            organization=org,
            full_name=_full_name(s.last_name, s.first_name, s.middle_name),
            position=position,
            specialty=specialty,
            department=dept,
            hired_on=s.hired_on,
            dismissed_on=s.dismissed_on,
        )
        for s, org, position, specialty, dept in _session(uow).execute(stmt)
    )


def list_card_types(uow: UnitOfWork) -> tuple[CardTypeRow, ...]:
    stmt = select(MedicalCardType).order_by(MedicalCardType.sort_order, MedicalCardType.name)
    return tuple(
        CardTypeRow(id=c.id, code=c.code, name=c.name, form_number=c.form_number, is_active=c.is_active)
        for c in _session(uow).scalars(stmt)
    )


def load_reference(uow: UnitOfWork) -> ReferenceData:
    """All reference lists in one read-only unit of work (one consistent snapshot per list)."""
    with uow:
        return ReferenceData(
            organizations=list_organizations(uow),
            departments=list_departments(uow),
            offices=list_offices(uow),
            staff=list_staff(uow),
            card_types=list_card_types(uow),
        )


def load_organization_name(uow: UnitOfWork, organization_id: int) -> str | None:
    with uow:
        return organization_name(uow, organization_id)
