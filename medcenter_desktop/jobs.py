"""Human titles of the jobs (PostgreSQL group roles), as source texts of the ``Jobs`` context."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from shared.db.roles import JOB_TITLES, JOBS


def job_title(job: str) -> str:
    """The translated title of ``job`` (the role name itself for a job this build does not know)."""
    source = JOB_TITLES.get(job)
    return QCoreApplication.translate("Jobs", source) if source else job


def job_titles(jobs: Iterable[str]) -> list[str]:
    """Titles of ``jobs`` in the order of `JOBS`, unknown ones last."""
    jobs = set(jobs)
    ordered = [j for j in JOBS if j in jobs] + sorted(jobs - set(JOBS))
    return [job_title(j) for j in ordered]
