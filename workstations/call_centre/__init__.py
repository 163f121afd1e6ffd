"""Call centre workstation: booking by phone."""

from __future__ import annotations

from medcenter_desktop.workstation import Workstation
from shared.errors import QT_TRANSLATE_NOOP


def _open(session):
    # Imported on opening, so that discovering workstations does not build any Qt class.
    from workstations.call_centre.window import CallCentreWindow

    return CallCentreWindow(session)


WORKSTATION = Workstation(
    name="call_centre",
    title=QT_TRANSLATE_NOOP("Workstations", "Call centre"),
    description=QT_TRANSLATE_NOOP(
        "Workstations", "Booking appointments by phone, reminders and call-backs."
    ),
    icon="call_centre.svg",
    required_roles=frozenset({"call_centre"}),
    widget_factory=_open,
    order=20,
)
