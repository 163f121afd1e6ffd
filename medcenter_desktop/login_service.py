"""Logging in, without Qt: connect as the user's own PostgreSQL role, check the schema, read identity.

The login window runs `log_in` on a worker thread and shows the `ConnectionFailed` or
`DatabaseNotAtHead` message it may raise.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from medcenter_desktop.settings import Settings
from shared.db.connection import ConnectionParams, WrongCredentials, connect_checked
from shared.db.migrate import require_head
from shared.db.roles import InvalidLogin
from shared.db.uow import UnitOfWork, session_factory
from shared.services.session import SessionUser, session_user


@dataclass
class AppSession:
    """A logged-in user's connection. Workstations open a unit of work per user action from it."""

    settings: Settings
    params: ConnectionParams
    engine: Engine
    user: SessionUser
    _factory: sessionmaker[Session] | None = None

    def uow(self) -> UnitOfWork:
        if self._factory is None:
            self._factory = session_factory(self.engine)
        return UnitOfWork(self._factory)

    @property
    def organization_id(self) -> int | None:
        """The organization this workstation works in: settings, else the user's default, else the first."""
        orgs = self.user.organization_ids
        for candidate in (self.settings.organization_id, self.user.default_organization_id):
            if candidate is not None and candidate in orgs:
                return candidate
        return orgs[0] if orgs else None

    def close(self) -> None:
        self.engine.dispose()


def role_for_login(settings: Settings, login: str) -> str:
    """The PostgreSQL role a typed user name stands for: ``ivanova`` -> ``<namespace>.ivanova``.

    A full role name (with the namespace) is accepted as typed.
    """
    login = login.strip()
    roles = settings.roles()
    if roles.is_login_role(login):
        return login
    try:
        return roles.login_role(login)
    except InvalidLogin:
        # Anything that cannot be a user name cannot log in either; say so the same way.
        raise WrongCredentials() from None


def log_in(settings: Settings, login: str, password: str) -> AppSession:
    """Connects as the user; raises a `ConnectionFailed` or `DatabaseNotAtHead` subclass on failure."""
    if not password:
        raise WrongCredentials()
    params = settings.connection(role_for_login(settings, login), password)
    engine = connect_checked(params)
    try:
        with engine.connect() as conn:
            current = None
            if conn.scalar(text("SELECT to_regclass('public.alembic_version') IS NOT NULL")):
                current = conn.scalar(text("SELECT version_num FROM alembic_version"))
            require_head(params.database, current)
            user = session_user(conn)
    except BaseException:
        engine.dispose()
        raise
    return AppSession(settings=settings, params=params, engine=engine, user=user)
