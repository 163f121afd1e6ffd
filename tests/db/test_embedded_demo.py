"""The embedded server and `medcenter demo`: start, stop, reuse, crash recovery, reset."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psycopg
import pytest

from medcenter_desktop.demo import DEMO_DATABASE, demo_server, prepare_demo
from medcenter_desktop.embedded_server import EmbeddedServer
from medcenter_desktop.login_service import log_in
from shared.db.connection import WrongCredentials
from shared.demo.generator import DEMO_PASSWORD


@pytest.fixture
def data_dir(tmp_path):
    yield tmp_path / "medcenter-data"
    demo_server(tmp_path / "medcenter-data").destroy()


def _wait_gone(pid: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise AssertionError(f"process {pid} is still running")


def test_demo_cycle_start_stop_reuse_reset(data_dir):
    env = prepare_demo(data_dir)
    assert env.summary is not None and env.summary.users == len(env.users)
    session = log_in(env.settings, "registrar", DEMO_PASSWORD)
    with session.engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    session.close()
    with pytest.raises(WrongCredentials):
        log_in(env.settings, "registrar", "wrong-password")
    # Something the second run must still find.
    with psycopg.connect(env.admin.with_database(DEMO_DATABASE).conninfo(), autocommit=True) as conn:
        conn.execute("UPDATE offices SET equipment_notes = 'kept between runs' WHERE number = '101'")
    env.stop()
    assert not env.server.status().running

    again = prepare_demo(data_dir)
    assert again.summary is None, "the demo data is filled once and reused"
    with psycopg.connect(again.admin.with_database(DEMO_DATABASE).conninfo()) as conn:
        notes = conn.execute("SELECT equipment_notes FROM offices WHERE number = '101'").fetchone()
        assert notes == ("kept between runs",)

    fresh = prepare_demo(data_dir, reset=True)
    assert fresh.summary is not None
    with psycopg.connect(fresh.admin.with_database(DEMO_DATABASE).conninfo()) as conn:
        assert conn.execute("SELECT count(*) FROM offices WHERE equipment_notes = 'kept between runs'").fetchone()[0] == 0
    fresh.stop()


def test_server_left_by_a_crashed_process_is_reused(data_dir):
    script = (
        "import sys; from pathlib import Path; from medcenter_desktop.embedded_server import EmbeddedServer;"
        "s = EmbeddedServer(Path(sys.argv[1])); s.ensure_running(); print(s.status().pid, flush=True);"
        "import os; os._exit(1)"  # dies without stopping the server, like a crash
    )
    out = subprocess.run([sys.executable, "-c", script, str(data_dir)], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip(), out.stderr[-3000:]
    pid = int(out.stdout.strip())
    server = EmbeddedServer(data_dir)
    assert server.status().pid == pid
    server.ensure_running()
    assert server.status().pid == pid, "the running server is reused, not started twice"
    server.stop()
    _wait_gone(pid)


def test_killed_server_is_restarted(data_dir):
    server = EmbeddedServer(data_dir)
    server.ensure_running()
    pid = server.status().pid
    os.kill(pid, signal.SIGKILL)
    _wait_gone(pid)
    params = server.ensure_running()
    assert server.status().running and server.status().pid != pid
    with psycopg.connect(params.conninfo()) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    server.stop()


def test_embedded_server_checks_passwords(data_dir):
    server = EmbeddedServer(data_dir)
    params = server.ensure_running()
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(params.with_user("postgres", "not-the-password").conninfo()).close()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(params.with_user("postgres", None).conninfo(), connect_timeout=5).close()
    secret = server.data_dir / "medcenter-superuser.secret"
    assert oct(secret.stat().st_mode & 0o777) == "0o600"
    server.stop()
