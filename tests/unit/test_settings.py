"""Settings file parsing: good files, bad files (one-line errors naming the key), overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medcenter_desktop.settings import Settings, SettingsError, load_settings, save_settings

GOOD = """\
[server]
host = db.clinic.local
port = 6432
database = clinic
sslmode = require

[workstation]
name = REG-01
organization = 2
language = ru
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.ini"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_file(tmp_path):
    s = load_settings(write(tmp_path, GOOD), env={})
    assert (s.host, s.port, s.database, s.sslmode) == ("db.clinic.local", 6432, "clinic", "require")
    assert (s.workstation_name, s.organization_id, s.language) == ("REG-01", 2, "ru")
    assert s.namespace == "clinic"


def test_missing_file_gives_defaults(tmp_path):
    assert load_settings(tmp_path / "nope.ini", env={}) == Settings()


def test_environment_overrides_file(tmp_path):
    s = load_settings(write(tmp_path, GOOD), env={"MEDCENTER_PORT": "5433", "MEDCENTER_HOST": "10.0.0.5"})
    assert (s.host, s.port) == ("10.0.0.5", 5433)


def test_bad_environment_value_names_the_variable(tmp_path):
    with pytest.raises(SettingsError, match="MEDCENTER_PORT: server.port"):
        load_settings(write(tmp_path, GOOD), env={"MEDCENTER_PORT": "http"})


def test_round_trip(tmp_path):
    original = Settings(host="10.1.2.3", port=5444, database="polyclinic", workstation_name="CASH-2",
                        organization_id=5, language="en", role_namespace="poly")
    path = save_settings(original, tmp_path / "sub" / "settings.ini")
    assert load_settings(path, env={}) == original
    assert "password" not in path.read_text().lower().replace("passwords are never stored", "")


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        (GOOD.replace("port = 6432", "port = 99999"), "server.port", "port"),
        (GOOD.replace("port = 6432", "port = -1"), "server.port", "port"),
        (GOOD.replace("port = 6432", "port = five"), "server.port", "port"),
        (GOOD.replace("port = 6432\n", ""), "server.port", "missing"),
        (GOOD.replace("host = db.clinic.local\n", ""), "server.host", "missing"),
        (GOOD.replace("database = clinic\n", ""), "server.database", "missing"),
        (GOOD.replace("host = db.clinic.local", "host = bad host!"), "server.host", "host"),
        (GOOD.replace("database = clinic", "database = 1; DROP"), "server.database", "database"),
        (GOOD.replace("sslmode = require", "sslmode = maybe"), "server.sslmode", "one of"),
        (GOOD.replace("language = ru", "language = de"), "workstation.language", "one of"),
        (GOOD.replace("organization = 2", "organization = first"), "workstation.organization", "organization"),
        (GOOD + "password = secret\n", "workstation.password", "never kept"),
        (GOOD.replace("[server]", "[server]\nprot = 1"), "server.prot", "unknown key"),
        (GOOD.replace("port = 6432", "port = 6432\nport = 6433"), "server.port", "twice"),
        ("this is not an ini file\n", "line 1", "not a settings file"),
        ("", "server.host", "missing"),
    ],
)
def test_bad_file_gives_one_line_error_naming_the_key(tmp_path, text, key, problem):
    path = write(tmp_path, text)
    with pytest.raises(SettingsError) as info:
        load_settings(path, env={})
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message and key in message and problem in message


def test_binary_garbage(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_bytes(b"\xff\xfe\x00garbage\x81")
    with pytest.raises(SettingsError, match="not UTF-8"):
        load_settings(path, env={})


def test_unreadable_path(tmp_path):
    folder = tmp_path / "settings.ini"
    folder.mkdir()  # a folder where the file should be: cannot be read
    with pytest.raises(SettingsError):
        load_settings(folder, env={})


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_loads_or_fails_with_settings_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "settings.ini"
    if _encodable(text):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(b"\xff")
    try:
        load_settings(path, env={})
    except SettingsError as exc:
        assert "\n" not in str(exc)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def test_the_cash_desk_section_written_by_the_cashier_workstation_loads_and_is_kept(tmp_path):
    """The cashier's device settings live in the same file: the connection settings still load, the
    registrar's operator code is not taken for a user's password, and saving keeps the section."""
    from shared.devices.config import DeskSettings, read_desk_settings, write_desk_settings

    path = write(tmp_path, GOOD)
    write_desk_settings(path, DeskSettings(desk="Касса 1", registrar="shtrih", registrar_port="COM3",
                                           registrar_password=30, terminal="none"))
    s = load_settings(path, env={})
    assert (s.host, s.organization_id) == ("db.clinic.local", 2)
    save_settings(s, path)
    assert read_desk_settings(path).registrar_password == 30
    # A password anywhere else is still refused.
    path.write_text(path.read_text(encoding="utf-8") + "\n[devices]\nscanner_password = 1\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="devices.scanner_password"):
        load_settings(path, env={})
