"""How booking channels and booking statuses are named on every screen.

The head of registry's channel shares, the registrar's booking page and appointment lists (and later
the call centre) show the same words, so they live in the shell (a workstation never imports another).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from shared.errors import QT_TRANSLATE_NOOP
from shared.models.scheduling import BOOKING_STATUSES, CHANNELS

CHANNEL_NAMES = {
    "registry": QT_TRANSLATE_NOOP("Scheduling", "Registry"),
    "doctor": QT_TRANSLATE_NOOP("Scheduling", "Doctor's repeat visits"),
    "call_centre": QT_TRANSLATE_NOOP("Scheduling", "Call centre"),
    "website": QT_TRANSLATE_NOOP("Scheduling", "Website"),
    "oms": QT_TRANSLATE_NOOP("Scheduling", "Compulsory insurance (OMS)"),
}
STATUS_NAMES = {
    "booked": QT_TRANSLATE_NOOP("Scheduling", "booked"),
    "confirmed": QT_TRANSLATE_NOOP("Scheduling", "confirmed"),
    "arrived": QT_TRANSLATE_NOOP("Scheduling", "arrived"),
    "in_progress": QT_TRANSLATE_NOOP("Scheduling", "with the doctor"),
    "done": QT_TRANSLATE_NOOP("Scheduling", "done"),
    "no_show": QT_TRANSLATE_NOOP("Scheduling", "did not come"),
    "cancelled": QT_TRANSLATE_NOOP("Scheduling", "cancelled"),
}
assert set(CHANNEL_NAMES) == set(CHANNELS) and set(STATUS_NAMES) == set(BOOKING_STATUSES)


def _name(names: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    source = names.get(code)
    return QCoreApplication.translate("Scheduling", source) if source else code


def channel_name(channel: str | None) -> str:
    """"Registry", "Compulsory insurance (OMS)"… in the UI language; an unknown code as it is."""
    return _name(CHANNEL_NAMES, channel)


def status_name(status: str | None) -> str:
    """"booked", "did not come"… (lower case, as it reads inside a line) in the UI language."""
    return _name(STATUS_NAMES, status)
