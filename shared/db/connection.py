"""Connection parameters, engines, and the translation of connection failures into domain errors."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import psycopg
from sqlalchemy import URL, Engine, create_engine, make_url
from sqlalchemy.exc import OperationalError as SAOperationalError

from shared.errors import QT_TRANSLATE_NOOP, DomainError

SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")


class ConnectionFailed(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "Could not connect to the database server.")


class WrongCredentials(ConnectionFailed):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "Wrong user name or password, or the user is locked. Check the keyboard layout and Caps Lock."
    )


class ServerUnreachable(ConnectionFailed):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "The database server {host}:{port} does not answer. Check the server address in the settings, "
        "the network cable, and that the server is running.",
    )


class DatabaseMissing(ConnectionFailed):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "The server has no database \u201c{database}\u201d. Ask IT staff to check the settings or to run "
        "\u201cmedcenter db bootstrap\u201d.",
    )


class UserLocked(ConnectionFailed):
    message = QT_TRANSLATE_NOOP("DomainError", "This user is locked. Ask the administrator to unlock it.")


class LoginNotAllowed(ConnectionFailed):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "This user may not connect to database \u201c{database}\u201d. Ask the administrator."
    )


@dataclass(frozen=True)
class ConnectionParams:
    """Where and as whom to connect. The password is kept only in memory."""

    host: str = "127.0.0.1"
    port: int = 5432
    database: str = "medcenter"
    user: str = ""
    password: str | None = dataclasses.field(default=None, repr=False)
    sslmode: str = "prefer"
    application_name: str = "medcenter"
    connect_timeout: int = 10

    def with_user(self, user: str, password: str | None) -> ConnectionParams:
        return dataclasses.replace(self, user=user, password=password)

    def with_database(self, database: str) -> ConnectionParams:
        return dataclasses.replace(self, database=database)

    def url(self) -> URL:
        query = {
            "sslmode": self.sslmode,
            "application_name": self.application_name,
            "connect_timeout": str(self.connect_timeout),
        }
        return URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            password=self.password,
            host=self.host,
            port=self.port,
            database=self.database,
            query=query,
        )

    def conninfo(self) -> str:
        """A libpq connection string for raw psycopg connections."""
        return psycopg.conninfo.make_conninfo(
            host=self.host,
            port=self.port,
            dbname=self.database,
            user=self.user or None,
            password=self.password,
            sslmode=self.sslmode,
            application_name=self.application_name,
            connect_timeout=self.connect_timeout,
        )

    @classmethod
    def from_url(cls, url: str, **overrides) -> ConnectionParams:
        """Parses ``postgresql://user:password@host:port/database`` (as in MEDCENTER_TEST_DATABASE_URL)."""
        u = make_url(url)
        params = cls(
            host=u.host or "127.0.0.1",
            port=u.port or 5432,
            database=u.database or "postgres",
            user=u.username or "",
            password=u.password,
            sslmode=str(u.query.get("sslmode", "prefer")),
        )
        return dataclasses.replace(params, **overrides)


def make_engine(params: ConnectionParams, **kwargs) -> Engine:
    """An engine for ``params``; nothing connects until first use."""
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(params.url(), **kwargs)


def classify_connect_error(exc: BaseException, params: ConnectionParams) -> ConnectionFailed:
    """Turns a psycopg/SQLAlchemy connection failure into the error a user can act on."""
    orig = exc.orig if isinstance(exc, SAOperationalError) else exc
    sqlstate = getattr(orig, "sqlstate", None)
    text = str(orig)
    # libpq reports most connection failures without an SQLSTATE; the server's text is all there is.
    # PostgreSQL checks the password before it says a role is locked, so naming it leaks nothing.
    if "not permitted to log in" in text:
        return UserLocked()
    if "permission denied for database" in text or "no pg_hba.conf entry" in text:
        return LoginNotAllowed(database=params.database)
    if sqlstate in ("28P01", "28000") or "password authentication failed" in text or "no password supplied" in text:
        return WrongCredentials()
    if sqlstate == "3D000" or ("database" in text and "does not exist" in text):
        return DatabaseMissing(database=params.database)
    return ServerUnreachable(host=params.host, port=params.port)


def connect_checked(params: ConnectionParams) -> Engine:
    """An engine whose first connection has succeeded; raises a `ConnectionFailed` subclass otherwise."""
    engine = make_engine(params)
    try:
        with engine.connect():
            pass
    except (SAOperationalError, psycopg.OperationalError) as exc:
        engine.dispose()
        raise classify_connect_error(exc, params) from None
    return engine
