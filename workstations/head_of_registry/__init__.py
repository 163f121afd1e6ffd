"""Head of registry workstation: schedules and the registry's work."""

from __future__ import annotations

from medcenter_desktop.workstation import Workstation
from shared.errors import QT_TRANSLATE_NOOP


def _open(session):
    # Imported on opening, so that discovering workstations does not build any Qt class.
    from workstations.head_of_registry.window import HeadOfRegistryWindow

    return HeadOfRegistryWindow(session)


WORKSTATION = Workstation(
    name="head_of_registry",
    title=QT_TRANSLATE_NOOP("Workstations", "Head of registry"),
    description=QT_TRANSLATE_NOOP(
        "Workstations", "Doctors' schedules, the registry's work and its reports."
    ),
    icon="head_of_registry.svg",
    required_roles=frozenset({"head_of_registry"}),
    widget_factory=_open,
    order=40,
)
