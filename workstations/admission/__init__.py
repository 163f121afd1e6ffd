"""Admission department workstation: admissions, beds and discharges."""

from __future__ import annotations

from medcenter_desktop.workstation import Workstation
from shared.errors import QT_TRANSLATE_NOOP


def _open(session):
    # Imported on opening, so that discovering workstations does not build any Qt class.
    from workstations.admission.window import AdmissionWindow

    return AdmissionWindow(session)


WORKSTATION = Workstation(
    name="admission",
    title=QT_TRANSLATE_NOOP("Workstations", "Admission department"),
    description=QT_TRANSLATE_NOOP(
        "Workstations", "Hospital admissions, beds and discharges."
    ),
    icon="admission.svg",
    required_roles=frozenset({"admission"}),
    widget_factory=_open,
    order=70,
)
