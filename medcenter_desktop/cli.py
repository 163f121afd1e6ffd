"""The ``medcenter`` command.

    medcenter demo [--reset]            embedded server + demo clinic, then the login window
    medcenter run                       log in to the configured server
    medcenter <workstation>             log in and open that workstation directly
    medcenter db upgrade|current|check|bootstrap
    medcenter settings [--init]

Errors a user can act on are printed as one line (exit code 1), never as a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from medcenter_desktop.settings import Settings, default_settings_path, load_settings, save_settings
from shared.db.connection import ConnectionParams, WrongCredentials
from shared.errors import DomainError

log = logging.getLogger("medcenter")


def _add_demo(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="run the suite on an embedded PostgreSQL with a demo clinic")
    p.add_argument("--reset", action="store_true", help="delete the demo data and start over")
    p.add_argument("--data-dir", type=Path, help="where the demo server keeps its data")
    p.add_argument("--workstation", help="open this workstation right after login")
    p.add_argument("--no-gui", action="store_true", help="prepare the demo server, print how to connect, stop it")
    p.add_argument("--stop", action="store_true", help="stop a demo server left running, and exit")


def _add_db(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("db", help="database schema: upgrade, current, check, bootstrap")
    p.add_argument("action", choices=("upgrade", "current", "check", "bootstrap"))
    p.add_argument("--url", help="administrator connection, postgresql://user@host:port/database "
                                 "(default: MEDCENTER_ADMIN_URL, else the settings with --user)")
    p.add_argument("--user", default="postgres", help="administrator user when no URL is given (default postgres)")
    p.add_argument("--namespace", help="role namespace for a new clinic database (default: its name)")
    p.add_argument("--demo", action="store_true", help="act on the embedded demo server")
    p.add_argument("--data-dir", type=Path, help="demo data folder (with --demo)")


def build_parser(workstation_names: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="medcenter", description="MedCenter Desktop")
    parser.add_argument("--settings", type=Path, help="settings file (default: the platform's config folder)")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_demo(sub)
    run = sub.add_parser("run", help="log in to the configured server and choose a workstation")
    run.add_argument("--workstation", help="open this workstation right after login")
    _add_db(sub)
    st = sub.add_parser("settings", help="show the settings file and the values in force")
    st.add_argument("--init", action="store_true", help="write a settings file with the values in force")
    for name in workstation_names:
        sub.add_parser(name, help=f"log in and open the {name.replace('_', ' ')} workstation")
    return parser


def _workstation_names() -> list[str]:
    from medcenter_desktop.workstation import discover_workstations

    return [w.name for w in discover_workstations()]


def main(argv: Sequence[str] | None = None) -> int:
    names = _workstation_names()
    args = build_parser(names).parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.settings:
        os.environ["MEDCENTER_SETTINGS"] = str(args.settings)
    # SIGTERM unwinds like Ctrl+C, so `finally` blocks run (the demo server is stopped).
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        if args.command == "demo":
            return _demo(args)
        if args.command == "db":
            return _db(args)
        if args.command == "settings":
            return _settings(args)
        settings = load_settings()
        workstation = args.workstation if args.command == "run" else args.command
        from medcenter_desktop.app import run_gui

        return run_gui(settings, open_workstation=workstation)
    except DomainError as exc:
        print(f"medcenter: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


def _demo(args: argparse.Namespace) -> int:
    from medcenter_desktop.demo import DEMO_DATABASE, demo_server, prepare_demo

    if args.stop:
        demo_server(args.data_dir).stop()
        print("The demo server is stopped.")
        return 0
    base = load_settings()
    print("Starting the demo server…", flush=True)
    env = prepare_demo(args.data_dir, reset=args.reset, base=base)
    try:
        print(f"Demo clinic ready: server 127.0.0.1:{env.settings.port}, database {DEMO_DATABASE}.")
        if env.summary:
            print(f"Created {env.summary.organizations} organizations, {env.summary.staff} staff members, "
                  f"{env.summary.users} demo users.")
        print("Demo users (password for all: " + env.users[0][2] + "): "
              + ", ".join(login for login, _, _ in env.users))
        if args.no_gui:
            return 0
        from medcenter_desktop.app import run_gui
        from medcenter_desktop.demo import start_demo_devices

        devices = start_demo_devices(args.data_dir)
        if devices is not None:
            print(f"Emulated cash desk devices: fiscal registrar on {devices.registrar_port}, "
                  f"card terminal (UPOS) in {devices.upos_workdir}.")
        try:
            return run_gui(env.settings, demo_users=env.users, open_workstation=args.workstation)
        finally:
            if devices is not None:
                devices.stop()
    finally:
        env.stop()


def _admin_params(args: argparse.Namespace) -> ConnectionParams:
    if args.demo:
        from medcenter_desktop.demo import DEMO_DATABASE, demo_server

        server = demo_server(args.data_dir)
        return server.ensure_running().with_database(DEMO_DATABASE)
    url = args.url or os.environ.get("MEDCENTER_ADMIN_URL")
    if url:
        return ConnectionParams.from_url(url, application_name="medcenter-admin")
    settings = load_settings()
    return settings.connection(args.user, None)


def _with_password_prompt(params: ConnectionParams, action):
    try:
        return action(params)
    except WrongCredentials:
        if params.password is not None or not sys.stdin.isatty():
            raise
        password = getpass.getpass(f"Password for {params.user}@{params.host}:{params.port}: ")
        return action(params.with_user(params.user, password))


def _db(args: argparse.Namespace) -> int:
    from shared.db import migrate
    from shared.db.admin import bootstrap_clinic

    params = _admin_params(args)
    if args.action == "bootstrap":
        roles = _with_password_prompt(params, lambda p: bootstrap_clinic(p, p.database, args.namespace))
        print(f"Database {params.database} and owner role {roles.owner} are ready. "
              f"Next: medcenter db upgrade")
        return 0
    if args.action == "upgrade":
        _with_password_prompt(params, lambda p: migrate.upgrade(p, namespace=args.namespace))
        print(f"Database {params.database} is at {migrate.head_revision()} (head).")
        return 0
    if args.action == "current":
        current = _with_password_prompt(params, migrate.current_revision)
        head = migrate.head_revision()
        state = "head" if current == head else f"head is {head}"
        print(f"{params.database}: {current or 'empty (no schema)'} ({state})")
        return 0
    current = _with_password_prompt(params, migrate.check_at_head)
    print(f"{params.database}: at head ({current}).")
    return 0


def _settings(args: argparse.Namespace) -> int:
    path = default_settings_path()
    settings = load_settings()
    if args.init:
        save_settings(settings, path)
        print(f"Written: {path}")
    else:
        print(f"Settings file: {path}{'' if path.exists() else ' (does not exist: defaults in force)'}")
    for field in Settings.__dataclass_fields__:
        print(f"  {field} = {getattr(settings, field)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
