"""Cash desk workstation: payments, receipts and refunds."""

from __future__ import annotations

from medcenter_desktop.workstation import Workstation
from shared.errors import QT_TRANSLATE_NOOP


def _open(session):
    # Imported on opening, so that discovering workstations does not build any Qt class.
    from workstations.cashier.window import CashierWindow

    return CashierWindow(session)


WORKSTATION = Workstation(
    name="cashier",
    title=QT_TRANSLATE_NOOP("Workstations", "Cash desk"),
    description=QT_TRANSLATE_NOOP(
        "Workstations", "Payment for services, receipts on the fiscal registrar, card payments and refunds."
    ),
    icon="cashier.svg",
    required_roles=frozenset({"cashier"}),
    widget_factory=_open,
    order=30,
)
