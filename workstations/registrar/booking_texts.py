"""How bookings read on the registrar's screens: statuses, channels, times, doctors and offices.

Status and channel names are the shell's (`medcenter_desktop.scheduling_texts`), shared with the head of
registry's screens."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from medcenter_desktop.scheduling_texts import channel_name, status_name
from shared.errors import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from shared.services.booking import BookingInfo, Slot
    from workstations.registrar.booking_ops import Catalogue

CTX = "Booking"

ACTION_TEXTS = {
    "booked": QT_TRANSLATE_NOOP("Booking", "booked"),
    "rescheduled": QT_TRANSLATE_NOOP("Booking", "moved"),
    "status": QT_TRANSLATE_NOOP("Booking", "status changed"),
}


def _text(texts: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    source = texts.get(code)
    return QCoreApplication.translate("Booking", source) if source else code


def status_text(status: str | None) -> str:
    return status_name(status)


def channel_text(channel: str | None) -> str:
    return channel_name(channel)


def action_text(action: str | None) -> str:
    return _text(ACTION_TEXTS, action)


def day_text(day: dt.date) -> str:
    """"Mon 30.11" in the UI language."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd dd.MM")


def when_text(moment: dt.datetime | None) -> str:
    """"Mon 30.11.2026 09:20" in the moment's own time zone (the organization's)."""
    if moment is None:
        return ""
    day = QLocale().toString(QDate(moment.year, moment.month, moment.day), "ddd dd.MM.yyyy")
    return f"{day} {moment:%H:%M}"


def office_text(number: str) -> str:
    return QCoreApplication.translate("Booking", "office {number}").format(number=number) if number else ""


def short_name(full_name: str) -> str:
    """"Петрова Анна Сергеевна" -> "Петрова А. С." (a name that is not three words stays as it is)."""
    parts = full_name.split()
    if len(parts) < 2:
        return full_name
    return " ".join([parts[0], " ".join(f"{p[0]}." for p in parts[1:3])])


def slot_text(slot: Slot, catalogue: Catalogue | None, *, short: bool = False) -> str:
    """"Tue 01.12.2026 09:40 · Давыдов М.П. · office 105" ("Tue 01.12 09:40 · ..." when short)."""
    parts = [f"{day_text(slot.starts_at.date())} {slot.starts_at:%H:%M}" if short else when_text(slot.starts_at)]
    resource = catalogue.resource(slot.resource_id) if catalogue else None
    if resource is not None:
        parts.append(resource.name)
    office = catalogue.offices.get(slot.office_id, "") if catalogue and slot.office_id else ""
    if office:
        parts.append(office_text(office))
    return " · ".join(parts)


def booking_text(item: BookingInfo) -> str:
    """"Tue 01.12.2026 09:40 · Давыдов М.П. · office 105"."""
    parts = [when_text(item.starts_at), item.resource_name]
    if item.office:
        parts.append(office_text(item.office))
    return " · ".join(p for p in parts if p)
