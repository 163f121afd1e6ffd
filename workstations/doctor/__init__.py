"""Doctor's workstation: patients of the day and medical records."""

from __future__ import annotations

from medcenter_desktop.workstation import Workstation
from shared.errors import QT_TRANSLATE_NOOP


def _open(session):
    # Imported on opening, so that discovering workstations does not build any Qt class.
    from workstations.doctor.window import DoctorWindow

    return DoctorWindow(session)


WORKSTATION = Workstation(
    name="doctor",
    title=QT_TRANSLATE_NOOP("Workstations", "Doctor"),
    description=QT_TRANSLATE_NOOP(
        "Workstations", "Today's patients, medical records, prescriptions and sick-leave certificates."
    ),
    icon="doctor.svg",
    required_roles=frozenset({"medical_worker"}),
    widget_factory=_open,
    order=50,
)
