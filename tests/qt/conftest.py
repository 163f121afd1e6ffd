"""Qt tests run offscreen, with our style and English unless a test switches language."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass, field  # noqa: E402

import pytest  # noqa: E402

from medcenter_desktop.settings import Settings  # noqa: E402
from shared.services.session import SessionUser  # noqa: E402

pytestmark = pytest.mark.qt


def make_user(jobs=("registrar",), full_name="Иванова Мария Петровна", position="Медицинский регистратор"):
    return SessionUser(
        login="ivanova",
        role_name="clinic.ivanova",
        user_id=1,
        staff_member_id=1,
        full_name=full_name,
        position_name=position,
        jobs=frozenset(jobs),
        organization_ids=(1,),
        default_organization_id=1,
    )


@dataclass
class StubSession:
    """Stands in for `AppSession` in widget tests (the real login is covered by database tests)."""

    user: SessionUser = field(default_factory=make_user)
    settings: Settings = field(
        default_factory=lambda: Settings(host="db.clinic.local", port=5432, database="clinic", workstation_name="REG-01")
    )
    closed: bool = False

    @property
    def organization_id(self):
        return self.user.organization_ids[0] if self.user.organization_ids else None

    def close(self):
        self.closed = True


@pytest.fixture(autouse=True)
def _application(qapp):
    """Style, icon and English for every test; restores English after a test that switched."""
    from medcenter_desktop.app import create_application

    create_application(language="en")
    yield
    from medcenter_desktop import i18n

    i18n.install_translations("en")


@pytest.fixture
def settings():
    return Settings(host="db.clinic.local", port=5432, database="clinic", workstation_name="REG-01")


@pytest.fixture
def stub_session():
    return StubSession()


@pytest.fixture
def no_message_boxes(monkeypatch):
    """Records message boxes instead of showing modal dialogs."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    for kind in ("warning", "critical", "information", "about"):
        monkeypatch.setattr(
            QMessageBox, kind, staticmethod(lambda parent, title, text, *a, _k=kind, **kw: shown.append((_k, text)))
        )
    return shown


@pytest.fixture
def make_session():
    """``make_session(jobs=(...), **user_fields)`` builds a `StubSession`."""

    def factory(jobs=("registrar",), **user_fields):
        return StubSession(user=make_user(jobs=jobs, **user_fields))

    return factory


@pytest.fixture(autouse=True)
def _isolated_keyring(monkeypatch):
    """No test ever reads or writes the developer's real password store."""
    import keyring
    import keyring.errors

    def unavailable(*args):
        raise keyring.errors.NoKeyringError("tests use no real keyring")

    for name in ("set_password", "get_password", "delete_password"):
        monkeypatch.setattr(keyring, name, unavailable)


@pytest.fixture
def sessions(clinic):
    """``sessions(login="registrar", workstation="REG-01")`` logs in to the test clinic; every session
    is closed after the test, once background work has finished."""
    from medcenter_desktop.login_service import log_in
    from medcenter_desktop.operations import wait_for_background_ops
    from shared.demo.generator import DEMO_PASSWORD
    from tests.qt.clinic_login import settings_for

    opened = []

    def open_session(login="registrar", workstation="REG-01"):
        session = log_in(settings_for(clinic, workstation), login, DEMO_PASSWORD)
        opened.append(session)
        return session

    yield open_session
    wait_for_background_ops(30_000)
    for session in opened:
        session.close()

