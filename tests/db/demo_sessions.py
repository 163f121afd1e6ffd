"""Logging in as the demo clinic's users and committing a unit of work, for the database tests.

The fixtures in tests/db/conftest.py use these: ``clerk`` (contracts), ``registrar``, ``head`` (head of
registry), ``cashier``, ``doctor`` and ``nurse``.
"""

from __future__ import annotations

from contextlib import contextmanager

from medcenter_desktop.login_service import AppSession, log_in
from shared.demo.generator import DEMO_PASSWORD


@contextmanager
def work(session: AppSession):
    """One committed unit of work of ``session`` (rolled back if the block raises)."""
    with session.uow() as uow:
        yield uow.session.connection()
        uow.commit()


def demo_login(clinic, login: str, station: str, password: str = DEMO_PASSWORD) -> AppSession:
    return log_in(clinic.settings(station), login, password)
