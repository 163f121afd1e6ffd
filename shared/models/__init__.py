"""SQLAlchemy models, one module per area. Importing this package registers every table on Base.metadata."""

from shared.models.access import AuditLog, StaffCardTypeAccess
from shared.models.cards import MedicalCardType
from shared.models.installation import Installation
from shared.models.organization import Department, Office, Organization
from shared.models.patients import MedicalCard, MedicalRecord, Patient
from shared.models.registry import (
    CardNumbering,
    LegalRepresentative,
    PaperCardMovement,
    PatientAddress,
    PatientConsent,
    PatientDocument,
    PatientPhone,
    PatientPolicy,
    PatientSurname,
)
from shared.models.scheduling import (
    Booking,
    BookingEvent,
    BookingResource,
    CalendarDay,
    ChannelShare,
    ExceptionInterval,
    MedicalService,
    ResourceService,
    ScheduleException,
    ScheduleInterval,
    ScheduleResource,
    ScheduleTemplate,
    TemplateInterval,
    WaitingListEntry,
    WorkingHours,
)
from shared.models.staff import AppUser, Position, Specialty, StaffMember, UserOrganization

__all__ = [
    "Booking",
    "BookingEvent",
    "BookingResource",
    "CalendarDay",
    "ChannelShare",
    "ExceptionInterval",
    "MedicalService",
    "ResourceService",
    "ScheduleException",
    "ScheduleInterval",
    "ScheduleResource",
    "ScheduleTemplate",
    "TemplateInterval",
    "WaitingListEntry",
    "WorkingHours",
    "CardNumbering",
    "LegalRepresentative",
    "PaperCardMovement",
    "PatientAddress",
    "PatientConsent",
    "PatientDocument",
    "PatientPhone",
    "PatientPolicy",
    "PatientSurname",
    "AuditLog",
    "MedicalCard",
    "MedicalRecord",
    "Patient",
    "StaffCardTypeAccess",
    "AppUser",
    "Department",
    "Installation",
    "MedicalCardType",
    "Office",
    "Organization",
    "Position",
    "Specialty",
    "StaffMember",
    "UserOrganization",
]
