"""Which devices this workstation's cash desk has and how to reach them: the ``[cash_desk]`` section of
the workstation's settings file (the same INI file as the connection settings).

    [cash_desk]
    desk = Касса 1                  ; the desk's name in the clinic's database
    registrar = shtrih              ; the fiscal registrar's driver (Shtrih-M protocol)
    registrar_port = COM3           ; or /dev/ttyACM0, a pty path, socket://host:port
    registrar_baudrate = 115200
    registrar_close_variant = rounding-taxes   ; or discount-groups (older firmware's FF45 tail)
    registrar_password = 30
    terminal = upos                 ; none, upos or telium
    upos_program = C:\\sc552\\loadparm.exe     ; the program; run in its own folder
    upos_workdir =                  ; when set, upos_program is a command line run in this folder
    telium_port = COM4
    telium_baudrate = 9600

Every problem is reported as one line naming the key. ``MEDCENTER_CASH_DESK_SETTINGS`` names another
INI file whose ``[cash_desk]`` section is used instead (the demo points it at its emulated devices).
"""

from __future__ import annotations

import configparser
import os
import shlex
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from shared.devices.protocols import AcquiringTerminal, FiscalRegistrar
from shared.errors import QT_TRANSLATE_NOOP, ConfigurationError

SECTION = "cash_desk"
REGISTRARS = ("shtrih",)
TERMINALS = ("none", "upos", "telium")
CLOSE_VARIANTS = ("rounding-taxes", "discount-groups")
BAUDRATES = (2400, 4800, 9600, 19200, 38400, 57600, 115200)


class DeviceSettingsError(ConfigurationError):
    message = QT_TRANSLATE_NOOP("DomainError", "Cash desk settings {path}: {key}: {problem}")
    translatable_params = ("problem",)


NOT_SET = QT_TRANSLATE_NOOP("DomainError", "not set")
NOT_A_CHOICE = QT_TRANSLATE_NOOP("DomainError", "not one of the known values")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("DomainError", "not a valid number")


@dataclass(frozen=True)
class DeskSettings:
    desk: str = ""
    registrar: str = "shtrih"
    registrar_port: str = ""
    registrar_baudrate: int = 115200
    registrar_close_variant: str = "rounding-taxes"
    registrar_password: int = 30
    terminal: str = "none"
    upos_program: str = ""
    upos_workdir: str = ""
    telium_port: str = ""
    telium_baudrate: int = 9600

    @property
    def configured(self) -> bool:
        return bool(self.desk and self.registrar_port)


SETTINGS_ENV = "MEDCENTER_CASH_DESK_SETTINGS"


def desk_settings_file(settings_path: Path) -> Path:
    """The file holding this workstation's ``[cash_desk]`` section: the override, else the settings file."""
    override = os.environ.get(SETTINGS_ENV)
    return Path(override) if override else settings_path


def _error(path: Path | str, key: str, problem: str) -> DeviceSettingsError:
    return DeviceSettingsError(path=str(path), key=key, problem=problem)


def parse_desk_settings(values: dict[str, str], path: Path | str = "") -> DeskSettings:
    """Checks the ``[cash_desk]`` values (strings) and returns them typed."""
    known = {f.name for f in fields(DeskSettings)}
    out: dict[str, object] = {}
    for key, raw in values.items():
        if key not in known:
            continue
        value = raw.strip()
        if key in ("registrar_baudrate", "telium_baudrate"):
            if not value.isdigit() or int(value) not in BAUDRATES:
                raise _error(path, key, NOT_A_NUMBER)
            out[key] = int(value)
        elif key == "registrar_password":
            if not value.isdigit() or not 0 <= int(value) <= 0xFFFFFFFF:
                raise _error(path, key, NOT_A_NUMBER)
            out[key] = int(value)
        elif key == "registrar" and value not in REGISTRARS:
            raise _error(path, key, NOT_A_CHOICE)
        elif key == "terminal" and value not in TERMINALS:
            raise _error(path, key, NOT_A_CHOICE)
        elif key == "registrar_close_variant" and value not in CLOSE_VARIANTS:
            raise _error(path, key, NOT_A_CHOICE)
        else:
            out[key] = value
    settings = DeskSettings(**out)
    if settings.terminal == "upos" and not settings.upos_program:
        raise _error(path, "upos_program", NOT_SET)
    if settings.terminal == "telium" and not settings.telium_port:
        raise _error(path, "telium_port", NOT_SET)
    return settings


def read_desk_settings(path: Path) -> DeskSettings:
    """The file's ``[cash_desk]`` section; defaults (not configured) when the file or section is missing."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise _error(path, SECTION, str(exc).splitlines()[0][:200]) from None
    if not parser.has_section(SECTION):
        return DeskSettings()
    return parse_desk_settings(dict(parser.items(SECTION)), path)


def write_desk_settings(path: Path, settings: DeskSettings) -> None:
    """Writes the ``[cash_desk]`` section, keeping the rest of the file."""
    parser = configparser.ConfigParser(interpolation=None)
    if path.exists():
        parser.read(path, encoding="utf-8")
    parser[SECTION] = {k: str(v) for k, v in asdict(settings).items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        parser.write(handle)


def open_registrar(settings: DeskSettings) -> FiscalRegistrar:
    from shared.devices.shtrih import commands
    from shared.devices.shtrih.driver import ShtrihRegistrar, ShtrihSettings

    return ShtrihRegistrar(ShtrihSettings(
        port=settings.registrar_port, baudrate=settings.registrar_baudrate, password=settings.registrar_password,
        admin_password=settings.registrar_password,
        close_variant=commands.CloseVariant(settings.registrar_close_variant)))


def open_terminal(settings: DeskSettings) -> AcquiringTerminal | None:
    if settings.terminal == "upos":
        from shared.devices.upos import UposTerminal

        if settings.upos_workdir:
            # A command line (an emulator, a wrapper script) run in the given folder.
            return UposTerminal(shlex.split(settings.upos_program, posix=os.name != "nt"), settings.upos_workdir)
        return UposTerminal(settings.upos_program)  # the program's own folder holds its files
    if settings.terminal == "telium":
        from shared.devices.telium import TeliumTerminal

        return TeliumTerminal(settings.telium_port, baudrate=settings.telium_baudrate)
    return None
