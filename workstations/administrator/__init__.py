"""Administrator's workstation: the organization's reference data."""

from __future__ import annotations

from medcenter_desktop.workstation import Workstation
from shared.errors import QT_TRANSLATE_NOOP


def _open(session):
    # Imported on opening, so that discovering workstations does not build any Qt class.
    from workstations.administrator.window import AdministratorWindow

    return AdministratorWindow(session)


WORKSTATION = Workstation(
    name="administrator",
    title=QT_TRANSLATE_NOOP("Workstations", "Administration"),
    description=QT_TRANSLATE_NOOP(
        "Workstations", "Organizations, departments, offices, staff and medical card types."
    ),
    icon="administrator.svg",
    required_roles=frozenset({"administrator"}),
    widget_factory=_open,
    order=80,
)
