"""The demo's cash desk devices: emulators started in their own processes and a settings section that
the real drivers open as a workstation would; bad [cash_desk] settings name the key."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from medcenter_desktop.demo import start_demo_devices
from shared.devices import config
from shared.devices.config import DeviceSettingsError, parse_desk_settings


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals")
def test_demo_devices_are_reachable_through_the_settings(tmp_path, monkeypatch):
    monkeypatch.delenv(config.SETTINGS_ENV, raising=False)
    devices = start_demo_devices(tmp_path)
    try:
        path = config.desk_settings_file(Path("/nonexistent/settings.ini"))
        assert path == tmp_path / "demo-devices" / "cash_desk.ini"
        settings = config.read_desk_settings(path)
        assert settings.configured and settings.desk == "Касса 1" and settings.terminal == "upos"
        registrar = config.open_registrar(settings)
        status = registrar.status()
        assert status.serial_number.lstrip("0") == "12345678"
        registrar.open_shift()
        assert registrar.status().shift_open
        registrar.close()
        terminal = config.open_terminal(settings)
        result = terminal.purchase(Decimal("10.00"), "demo")
        assert result.approved and result.rrn
    finally:
        devices.stop()
        os.environ.pop(config.SETTINGS_ENV, None)


@pytest.mark.parametrize(("values", "key"), [
    ({"registrar_baudrate": "1234"}, "registrar_baudrate"),
    ({"registrar_baudrate": "fast"}, "registrar_baudrate"),
    ({"terminal": "paypal"}, "terminal"),
    ({"registrar_close_variant": "x"}, "registrar_close_variant"),
    ({"terminal": "upos"}, "upos_program"),
    ({"terminal": "telium"}, "telium_port"),
    ({"registrar_password": "-1"}, "registrar_password"),
])
def test_bad_settings_name_the_key(values, key):
    with pytest.raises(DeviceSettingsError) as error:
        parse_desk_settings(values, "x.ini")
    assert error.value.params["key"] == key


def test_settings_round_trip_keeps_the_rest_of_the_file(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[connection]\nhost = db.clinic\n", "utf-8")
    wanted = config.DeskSettings(desk="Касса 2", registrar_port="COM3", terminal="telium", telium_port="COM4")
    config.write_desk_settings(path, wanted)
    assert config.read_desk_settings(path) == wanted
    assert "host = db.clinic" in path.read_text("utf-8")
    assert config.read_desk_settings(tmp_path / "missing.ini") == config.DeskSettings()
    (tmp_path / "broken.ini").write_bytes(b"\xff\xfe[cash_desk\n")
    with pytest.raises(DeviceSettingsError):
        config.read_desk_settings(tmp_path / "broken.ini")
