"""Per-machine settings: an INI file in the platform's config folder, overridden by environment variables.

The file holds where the server is and who this workstation is -- never a password (passwords are
remembered, on request, in the OS keyring; see `credentials`). Every problem in the file is reported
as one line naming the key, never as a traceback.

Environment variables (for IT staff and tests): MEDCENTER_SETTINGS (path of the file),
MEDCENTER_HOST, MEDCENTER_PORT, MEDCENTER_DATABASE, MEDCENTER_SSLMODE, MEDCENTER_ROLE_NAMESPACE,
MEDCENTER_WORKSTATION, MEDCENTER_ORGANIZATION, MEDCENTER_LANGUAGE.
"""

from __future__ import annotations

import configparser
import dataclasses
import os
import re
import socket
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from shared.db.connection import SSL_MODES, ConnectionParams
from shared.db.roles import RoleNames
from shared.errors import QT_TRANSLATE_NOOP, ConfigurationError, DomainError

APP_NAME = "MedCenter"
LANGUAGES = ("system", "ru", "en")


class SettingsError(ConfigurationError):
    message = QT_TRANSLATE_NOOP("DomainError", "Settings {path}: {key}: {problem}")
    translatable_params = ("problem",)


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 5432
    database: str = "medcenter"
    sslmode: str = "prefer"
    role_namespace: str = ""
    workstation_name: str = dataclasses.field(default_factory=lambda: socket.gethostname()[:40] or "workstation")
    organization_id: int | None = None
    language: str = "system"

    @property
    def namespace(self) -> str:
        """Role namespace of the clinic database (defaults to the database name)."""
        return self.role_namespace or self.database

    def roles(self) -> RoleNames:
        return RoleNames(self.namespace)

    def connection(self, user: str = "", password: str | None = None) -> ConnectionParams:
        return ConnectionParams(
            host=self.host,
            port=self.port,
            database=self.database,
            user=user,
            password=password,
            sslmode=self.sslmode,
            application_name=f"medcenter:{self.workstation_name}"[:63],
        )


def default_settings_path() -> Path:
    override = os.environ.get("MEDCENTER_SETTINGS")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.ini"


def default_data_dir() -> Path:
    override = os.environ.get("MEDCENTER_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


# --- Parsing of single values: each returns the value or raises ValueError with the problem ------

_HOST_RE = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.\-]{0,251}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:]+\]?$")
_DB_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]{0,62}$")


def _host(v: str) -> str:
    v = v.strip()
    if not _HOST_RE.fullmatch(v):
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "not a host name or IP address"))
    return v


def _port(v: str) -> int:
    try:
        port = int(v.strip())
    except ValueError:
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "a port is a whole number from 1 to 65535")) from None
    if not 1 <= port <= 65535:
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "a port is a whole number from 1 to 65535"))
    return port


def _database(v: str) -> str:
    v = v.strip()
    if not _DB_RE.fullmatch(v):
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "not a valid database name"))
    return v


def _sslmode(v: str) -> str:
    v = v.strip()
    if v not in SSL_MODES:
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "must be one of disable, allow, prefer, require, verify-ca, verify-full"))
    return v


def _namespace(v: str) -> str:
    v = v.strip()
    if v:
        try:
            RoleNames(v)
        except DomainError:
            raise ValueError(QT_TRANSLATE_NOOP("DomainError", "not a valid role namespace")) from None
    return v


def _workstation(v: str) -> str:
    v = v.strip()
    if not v or len(v) > 40 or any(ord(c) < 32 for c in v):
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "a workstation name has 1 to 40 printable characters"))
    return v


def _organization(v: str) -> int | None:
    v = v.strip()
    if not v:
        return None
    try:
        value = int(v)
    except ValueError:
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "an organization is given by its number")) from None
    if value <= 0:
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "an organization is given by its number"))
    return value


def _language(v: str) -> str:
    v = v.strip()
    if v not in LANGUAGES:
        raise ValueError(QT_TRANSLATE_NOOP("DomainError", "must be one of system, ru, en"))
    return v


@dataclass(frozen=True)
class _Key:
    section: str
    name: str
    field: str
    parse: Callable[[str], object]
    env: str
    required: bool = False

    @property
    def qualified(self) -> str:
        return f"{self.section}.{self.name}"


KEYS: tuple[_Key, ...] = (
    _Key("server", "host", "host", _host, "MEDCENTER_HOST", required=True),
    _Key("server", "port", "port", _port, "MEDCENTER_PORT", required=True),
    _Key("server", "database", "database", _database, "MEDCENTER_DATABASE", required=True),
    _Key("server", "sslmode", "sslmode", _sslmode, "MEDCENTER_SSLMODE"),
    _Key("server", "role_namespace", "role_namespace", _namespace, "MEDCENTER_ROLE_NAMESPACE"),
    _Key("workstation", "name", "workstation_name", _workstation, "MEDCENTER_WORKSTATION"),
    _Key("workstation", "organization", "organization_id", _organization, "MEDCENTER_ORGANIZATION"),
    _Key("workstation", "language", "language", _language, "MEDCENTER_LANGUAGE"),
)
# Sections later issues fill (printers, devices); accepted so that newer files load in older builds.
_RESERVED_SECTIONS = ("printing", "devices", "cash_desk")
# Device access codes, not user passwords: the fiscal registrar's operator code (shared/devices/config.py).
_DEVICE_CODES = frozenset({("cash_desk", "registrar_password")})
# Sections named with a prefix: the printer profiles (`printing.printer_profiles`), one per printer model.
_RESERVED_PREFIXES = ("printer_profile ",)
_FORBIDDEN_NAMES = ("password", "passwd", "pwd", "secret")


def _error(path: Path | str, key: str, problem: str) -> SettingsError:
    return SettingsError(path=str(path), key=key, problem=problem)


def load_settings(path: Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Reads the settings file (defaults when it does not exist) and applies environment overrides."""
    path = path or default_settings_path()
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    if path.exists():
        values.update(_read_file(path))
    for key in KEYS:
        raw = env.get(key.env)
        if raw is not None:
            try:
                values[key.field] = key.parse(raw)
            except ValueError as exc:
                raise _error(key.env, key.qualified, str(exc)) from None
    return Settings(**values)


def _read_file(path: Path) -> dict[str, object]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise _error(path, "-", QT_TRANSLATE_NOOP("DomainError", "the file is not UTF-8 text")) from None
    except OSError as exc:
        raise _error(path, "-", exc.strerror or str(exc)) from None
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        line = getattr(exc, "lineno", None)
        problem = QT_TRANSLATE_NOOP("DomainError", "not a settings file")
        if isinstance(exc, configparser.DuplicateOptionError | configparser.DuplicateSectionError):
            problem = QT_TRANSLATE_NOOP("DomainError", "given twice")
            return_key = f"{exc.section}.{getattr(exc, 'option', '')}".rstrip(".")
            raise _error(path, return_key, problem) from None
        raise _error(path, f"line {line}" if line else "-", problem) from None
    known = {(k.section, k.name): k for k in KEYS}
    values: dict[str, object] = {}
    for section in parser.sections():
        for name, raw in parser.items(section):
            if any(word in name for word in _FORBIDDEN_NAMES) and (section, name) not in _DEVICE_CODES:
                raise _error(
                    path, f"{section}.{name}",
                    QT_TRANSLATE_NOOP("DomainError", "passwords are never kept in the settings file; remove this key"),
                )
            key = known.get((section, name))
            if key is None:
                if section in _RESERVED_SECTIONS or section.startswith(_RESERVED_PREFIXES):
                    continue
                raise _error(path, f"{section}.{name}", QT_TRANSLATE_NOOP("DomainError", "unknown key"))
            try:
                values[key.field] = key.parse(raw)
            except ValueError as exc:
                raise _error(path, key.qualified, str(exc)) from None
    for key in KEYS:
        if key.required and not parser.has_option(key.section, key.name):
            raise _error(path, key.qualified, QT_TRANSLATE_NOOP("DomainError", "missing"))
    return values


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Writes ``settings`` (atomically: a crash mid-write leaves the old file)."""
    path = path or default_settings_path()
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys as written
    for key in KEYS:
        value = getattr(settings, key.field)
        if not parser.has_section(key.section):
            parser.add_section(key.section)
        parser.set(key.section, key.name, "" if value is None else str(value))
    for section, items in _other_sections(path).items():  # printer profiles, devices: kept as they are
        parser[section] = items
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write("# MedCenter Desktop workstation settings. Passwords are never stored here.\n")
        parser.write(fh)
    os.replace(tmp, path)
    return path


def _other_sections(path: Path) -> dict[str, dict[str, str]]:
    """The sections of the file at ``path`` other than the connection settings' (none when unreadable)."""
    own = {key.section for key in KEYS}
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError):
        return {}
    return {section: dict(parser.items(section)) for section in parser.sections() if section not in own}
