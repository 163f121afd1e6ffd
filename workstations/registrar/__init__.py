"""Registry workstation: patients, cards and appointments."""

from __future__ import annotations

from medcenter_desktop.workstation import Workstation
from shared.errors import QT_TRANSLATE_NOOP


def _open(session):
    # Imported on opening, so that discovering workstations does not build any Qt class.
    from workstations.registrar.window import RegistrarWindow

    return RegistrarWindow(session)


WORKSTATION = Workstation(
    name="registrar",
    title=QT_TRANSLATE_NOOP("Workstations", "Registry"),
    description=QT_TRANSLATE_NOOP(
        "Workstations", "Patients, medical cards, appointments with doctors and the schedule of the day."
    ),
    icon="registrar.svg",
    required_roles=frozenset({"registrar", "receptionist"}),
    widget_factory=_open,
    order=10,
)
