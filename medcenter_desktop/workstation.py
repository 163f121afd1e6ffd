"""The contract a workstation package fulfils, and the discovery of installed workstations.

Each package under ``workstations/`` exposes ``WORKSTATION = Workstation(...)`` and registers it in the
``medcenter.workstations`` entry-point group (pyproject.toml), so the shell lists workstations
without importing any of them by name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

ENTRY_POINT_GROUP = "medcenter.workstations"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Workstation:
    #: Short identifier, also the CLI subcommand (``medcenter registrar``).
    name: str
    #: Title shown in the launcher, as a source text translated in the ``Workstations`` context.
    title: str
    #: One line saying what the workstation is for (translated the same way).
    description: str
    #: Icon file name under resources/icons.
    icon: str
    #: Jobs any one of which opens this workstation.
    required_roles: frozenset[str]
    #: Builds the workstation's main window for a logged-in session: ``factory(session) -> QWidget``.
    widget_factory: Callable[[AppSession], Any]
    #: Order in the launcher.
    order: int = 100

    def allowed_for(self, jobs: Iterable[str]) -> bool:
        return bool(self.required_roles & set(jobs))


def discover_workstations() -> list[Workstation]:
    """Every installed workstation, in launcher order."""
    found = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            ws = ep.load()
        except Exception as exc:  # one broken plugin must not take the others down
            log.warning("workstation %s could not be loaded: %s", ep.name, exc)
            continue
        if isinstance(ws, Workstation):
            found.append(ws)
    return sorted(found, key=lambda w: (w.order, w.name))


def workstations_for(jobs: Iterable[str], available: Iterable[Workstation] | None = None) -> list[Workstation]:
    jobs = set(jobs)
    return [w for w in (available if available is not None else discover_workstations()) if w.allowed_for(jobs)]
