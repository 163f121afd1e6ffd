"""Contracts workstation: contracts, price lists and discounts."""

from __future__ import annotations

from medcenter_desktop.workstation import Workstation
from shared.errors import QT_TRANSLATE_NOOP


def _open(session):
    # Imported on opening, so that discovering workstations does not build any Qt class.
    from workstations.contracts.window import ContractsWindow

    return ContractsWindow(session)


WORKSTATION = Workstation(
    name="contracts",
    title=QT_TRANSLATE_NOOP("Workstations", "Contracts"),
    description=QT_TRANSLATE_NOOP(
        "Workstations", "Contracts with companies and insurers, price lists and discounts."
    ),
    icon="contracts.svg",
    required_roles=frozenset({"contracts", "marketer"}),
    widget_factory=_open,
    order=60,
)
