"""``medcenter demo``: an embedded PostgreSQL with a demo clinic, ready to log in to.

The server lives in the user's data folder and is reused between runs (the data stays); ``reset``
starts over. A server left running by a crashed run is found and reused, or restarted.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from medcenter_desktop.embedded_server import EmbeddedServer
from medcenter_desktop.settings import Settings, default_data_dir
from shared.db.admin import bootstrap_clinic
from shared.db.connection import ConnectionParams, make_engine
from shared.db.migrate import upgrade
from shared.db.roles import JOB_TITLES, RoleNames
from shared.demo.generator import DEMO_PASSWORD, DEMO_USERS, DemoSummary, generate_clinic, is_seeded
from shared.demo.sick_leave import seed_demo_blanks

log = logging.getLogger(__name__)

DEMO_DATABASE = "medcenter_demo"



@dataclass(frozen=True)
class DemoEnvironment:
    server: EmbeddedServer
    settings: Settings
    admin: ConnectionParams
    summary: DemoSummary | None

    @property
    def users(self) -> list[tuple[str, str, str]]:
        """(login, job title source text, password) for the login window's demo hint."""
        return [(u.login, JOB_TITLES[u.jobs[0]], DEMO_PASSWORD) for u in DEMO_USERS]

    def stop(self) -> None:
        self.server.stop()


def start_demo_devices(data_dir: Path | None = None):
    """The demo desk's emulated registrar and terminal, in their own processes, with a ``[cash_desk]``
    settings file pointing at them (named by MEDCENTER_CASH_DESK_SETTINGS for the workstations). Returns
    the running devices (stop them at the end), or None where emulators cannot run (no pseudo-terminals)."""
    import os
    import shlex

    from shared.demo.cash import DEMO_DESK
    from shared.devices.config import SETTINGS_ENV, DeskSettings, write_desk_settings
    from shared.devices.emulators.launch import start_emulators

    if os.name != "posix":
        log.warning("the emulated cash desk devices need a POSIX system; the demo cashier has no devices")
        return None
    folder = (data_dir or default_data_dir()) / "demo-devices"
    devices = start_emulators(folder)
    path = folder / "cash_desk.ini"
    write_desk_settings(path, DeskSettings(
        desk=DEMO_DESK, registrar_port=devices.registrar_port, terminal="upos",
        upos_program=shlex.join(devices.upos_command), upos_workdir=str(devices.upos_workdir)))
    os.environ[SETTINGS_ENV] = str(path)
    return devices


def demo_server(data_dir: Path | None = None) -> EmbeddedServer:
    return EmbeddedServer((data_dir or default_data_dir()) / "demo-server")


def prepare_demo(data_dir: Path | None = None, *, reset: bool = False, base: Settings | None = None) -> DemoEnvironment:
    """Starts (or reuses) the demo server, migrates it to head and fills it once with the demo clinic."""
    server = demo_server(data_dir)
    if reset:
        server.destroy()
    admin = server.ensure_running()
    roles = bootstrap_clinic(admin, DEMO_DATABASE)
    clinic = admin.with_database(DEMO_DATABASE)
    upgrade(clinic)
    summary = seed_clinic(clinic, roles)
    seed_demo_only(clinic, roles)
    settings = dataclasses.replace(
        base or Settings(), host="127.0.0.1", port=server.port(), database=DEMO_DATABASE,
        sslmode="disable", role_namespace="",
    )
    return DemoEnvironment(server=server, settings=settings, admin=admin, summary=summary)


def seed_demo_only(clinic: ConnectionParams, roles: RoleNames) -> None:
    """What the demo has and the tests' clinic does not (their blank accounting starts empty): sick-leave
    blanks received and handed to the demo doctor and nurse. Once: organizations with blanks are skipped."""
    engine = make_engine(clinic, pool_pre_ping=False)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'SET ROLE "{roles.owner}"'))
            if seed_demo_blanks(conn, roles):
                log.info("demo sick-leave blanks received")
            conn.commit()
    finally:
        engine.dispose()


def seed_clinic(clinic: ConnectionParams, roles: RoleNames, *, scale: int = 1) -> DemoSummary | None:
    """Fills the clinic database with demo data unless it has some already. Returns what was made."""
    engine = make_engine(clinic, pool_pre_ping=False)
    try:
        with engine.connect() as conn:
            conn.execute(text(f'SET ROLE "{roles.owner}"'))
            if is_seeded(conn):
                return None
            summary = generate_clinic(conn, roles, scale=scale)
            conn.commit()
            log.info("demo clinic created: %s", summary)
            return summary
    finally:
        engine.dispose()
