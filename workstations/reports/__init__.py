"""Reports workstation: statistics for heads, statisticians and marketers."""

from __future__ import annotations

from medcenter_desktop.workstation import Workstation
from shared.errors import QT_TRANSLATE_NOOP


def _open(session):
    # Imported on opening, so that discovering workstations does not build any Qt class.
    from workstations.reports.window import ReportsWindow

    return ReportsWindow(session)


WORKSTATION = Workstation(
    name="reports",
    title=QT_TRANSLATE_NOOP("Workstations", "Reports"),
    description=QT_TRANSLATE_NOOP(
        "Workstations", "Statistics and reports on visits, services and revenue."
    ),
    icon="reports.svg",
    required_roles=frozenset({"head", "statistician", "marketer"}),
    widget_factory=_open,
    order=90,
)
