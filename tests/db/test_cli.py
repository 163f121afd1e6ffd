"""`medcenter db ...` and `medcenter settings` as IT staff run them."""

from __future__ import annotations

import subprocess
import sys

from medcenter_desktop.cli import main


def _url(pg_server, database: str) -> str:
    admin = pg_server.admin.with_database(database)
    return admin.url().render_as_string(hide_password=False).replace("postgresql+psycopg", "postgresql")


def test_db_bootstrap_check_upgrade_check(pg_server, fresh_namespace, capsys):
    namespace, databases = fresh_namespace
    database = f"{namespace}_cli"
    databases.append(database)
    url = _url(pg_server, database)

    assert main(["db", "bootstrap", "--url", url, "--namespace", namespace]) == 0
    assert main(["db", "check", "--url", url]) == 1
    err = capsys.readouterr().err
    assert "no MedCenter schema" in err and "medcenter db upgrade" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1

    assert main(["db", "current", "--url", url]) == 0
    assert "empty" in capsys.readouterr().out

    assert main(["db", "upgrade", "--url", url, "--namespace", namespace]) == 0
    assert main(["db", "check", "--url", url]) == 0
    assert "at head" in capsys.readouterr().out


def test_db_check_against_a_dead_server_is_one_line(capsys):
    assert main(["db", "check", "--url", "postgresql://postgres@127.0.0.1:1/postgres"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not answer" in err


def test_bad_settings_file_is_one_line(tmp_path):
    bad = tmp_path / "settings.ini"
    bad.write_text("[server]\nhost = x\nport = 70000\ndatabase = d\n")
    result = subprocess.run(
        [sys.executable, "-m", "medcenter_desktop.cli", "--settings", str(bad), "run"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"medcenter: Settings {bad}: server.port: a port is a whole number from 1 to 65535"
    ]


def test_settings_command_shows_values(tmp_path, capsys):
    path = tmp_path / "s.ini"
    assert main(["--settings", str(path), "settings", "--init"]) == 0
    assert path.exists()
    assert "port = 5432" in capsys.readouterr().out
