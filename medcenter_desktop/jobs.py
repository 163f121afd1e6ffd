"""Human titles of the jobs (PostgreSQL group roles), as source texts of the ``Jobs`` context."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from shared.db.roles import JOBS
from shared.errors import QT_TRANSLATE_NOOP

JOB_TITLES: dict[str, str] = {
    "registrar": QT_TRANSLATE_NOOP("Jobs", "Registrar"),
    "receptionist": QT_TRANSLATE_NOOP("Jobs", "Receptionist"),
    "call_centre": QT_TRANSLATE_NOOP("Jobs", "Call centre operator"),
    "cashier": QT_TRANSLATE_NOOP("Jobs", "Cashier"),
    "head_of_registry": QT_TRANSLATE_NOOP("Jobs", "Head of registry"),
    "medical_worker": QT_TRANSLATE_NOOP("Jobs", "Medical worker"),
    "contracts": QT_TRANSLATE_NOOP("Jobs", "Contracts manager"),
    "marketer": QT_TRANSLATE_NOOP("Jobs", "Marketer"),
    "head": QT_TRANSLATE_NOOP("Jobs", "Head of the organization"),
    "admission": QT_TRANSLATE_NOOP("Jobs", "Admission department"),
    "statistician": QT_TRANSLATE_NOOP("Jobs", "Medical statistician"),
    "administrator": QT_TRANSLATE_NOOP("Jobs", "Administrator"),
}


def job_title(job: str) -> str:
    """The translated title of ``job`` (the role name itself for a job this build does not know)."""
    source = JOB_TITLES.get(job)
    return QCoreApplication.translate("Jobs", source) if source else job


def job_titles(jobs: Iterable[str]) -> list[str]:
    """Titles of ``jobs`` in the order of `JOBS`, unknown ones last."""
    jobs = set(jobs)
    ordered = [j for j in JOBS if j in jobs] + sorted(jobs - set(JOBS))
    return [job_title(j) for j in ordered]
