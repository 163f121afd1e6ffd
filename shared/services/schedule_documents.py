"""Plain data for the printed scheduling forms (built by services, rendered by `printing`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ScheduleRow:
    """One doctor (or office/equipment) in the printed work schedule."""

    resource_name: str  # "Иванова А. П." or "Кабинет УЗИ"
    position: str  # "Врач-терапевт"; '' for offices and equipment
    offices: str  # "101, 105"
    # Hours per day of the printed week, in the order of WorkScheduleDocument.days:
    # "08:00–14:00" or "08:00–12:00, 13:00–17:00"; '' when the resource does not work that day.
    hours: tuple[str, ...]


@dataclass(frozen=True)
class ScheduleDepartment:
    name: str
    rows: tuple[ScheduleRow, ...]


@dataclass(frozen=True)
class WorkScheduleDocument:
    """"Work schedule of the medical organization", for patients (a poster at reception)."""

    organization_name: str
    organization_address: str
    organization_phone: str
    days: tuple[dt.date, ...]  # usually one week, Monday to Sunday
    # The organization's own working hours per printed day, same order as days ('' = closed).
    organization_hours: tuple[str, ...]
    departments: tuple[ScheduleDepartment, ...]
    printed_on: dt.date


@dataclass(frozen=True)
class BookingSlip:
    """The slip a registrar hands over: where and when to come."""

    organization_name: str
    organization_address: str
    organization_phone: str
    booking_number: str
    patient_name: str  # the client's full name, or the name given for an anonymous booking
    card_number: str  # '' when none
    service_name: str
    doctor_name: str  # '' for equipment-only bookings
    doctor_position: str
    office: str  # "каб. 101, 1 этаж"
    starts_at: dt.datetime  # aware, in the organization's time zone
    ends_at: dt.datetime
    preparation: str  # preparation instructions; '' when none
    booked_by: str
    printed_at: dt.datetime
