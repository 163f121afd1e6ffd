"""Sessions of the demo users, one per test (closed after it)."""

from __future__ import annotations

import pytest

from tests.db.demo_sessions import demo_login


def _session(clinic, login: str, station: str):
    session = demo_login(clinic, login, station)
    yield session
    session.close()


@pytest.fixture
def clerk(clinic):
    yield from _session(clinic, "contracts", "CON-01")


@pytest.fixture
def registrar(clinic):
    yield from _session(clinic, "registrar", "REG-01")


@pytest.fixture
def head(clinic):
    yield from _session(clinic, "headregistry", "HEAD-01")


@pytest.fixture
def cashier(clinic):
    yield from _session(clinic, "cashier", "CASH-01")


@pytest.fixture
def doctor(clinic):
    yield from _session(clinic, "doctor", "DOC-01")


@pytest.fixture
def nurse(clinic):
    yield from _session(clinic, "nurse", "DOC-02")
