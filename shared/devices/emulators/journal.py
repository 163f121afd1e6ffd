"""The emulators' journal files: JSON written atomically, read strictly.

A journal file is a JSON object ``{"format": <emulator name>, "version": <n>, ...}``. `write_journal`
writes a temporary file next to it, flushes it to disk and renames it over the old one, so a process
killed at any moment leaves either the old or the new journal, never half of one. `read_journal`
returns None when there is no file yet and raises `EmulatorStateError` (naming the file) for anything it
cannot read: an emulator must refuse to start rather than begin a new fiscal journal over a broken one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


class EmulatorStateError(ValueError):
    """A journal file that cannot be read (truncated, not JSON, another emulator's, wrong values)."""

    def __init__(self, path: str | os.PathLike, why: str) -> None:
        self.path = Path(path)
        self.why = why
        super().__init__(
            f"The emulator journal {self.path} is broken: {why}. The emulator does not start over a broken "
            f"journal; restore the file from a copy, or move it away to begin a new journal.")


def read_journal(path: str | os.PathLike, fmt: str, version: int) -> dict[str, Any] | None:
    """The journal at ``path``, checked to be a ``fmt`` journal of ``version``; None when there is none."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise EmulatorStateError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise EmulatorStateError(path, "the file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise EmulatorStateError(path, f"not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise EmulatorStateError(path, f"not a {fmt} journal")
    if data.get("version") != version:
        raise EmulatorStateError(path, f"journal version {data.get('version')!r}, this emulator reads {version}")
    return data


def write_journal(path: str | os.PathLike, data: dict[str, Any]) -> None:
    """Replaces the journal at ``path`` atomically (temporary file, fsync, rename)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as file:
            json.dump(data, file, ensure_ascii=False, indent=1)
            file.write("\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --- strict field readers: each raises ValueError with the field's name --------------------------------


def field(data: dict, key: str) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"expected an object holding {key!r}")
    if key not in data:
        raise ValueError(f"{key!r} is missing")
    return data[key]


def integer(data: dict, key: str, *, optional: bool = False) -> Any:
    value = field(data, key)
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{key!r} must be a non-negative integer, not {value!r}")
    return value


def boolean(data: dict, key: str) -> bool:
    value = field(data, key)
    if not isinstance(value, bool):
        raise ValueError(f"{key!r} must be true or false, not {value!r}")
    return value


def string(data: dict, key: str) -> str:
    value = field(data, key)
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string, not {value!r}")
    return value


def array(data: dict, key: str) -> list:
    value = field(data, key)
    if not isinstance(value, list):
        raise ValueError(f"{key!r} must be a list, not {type(value).__name__}")
    return value


def obj(data: dict, key: str, *, optional: bool = False) -> Any:
    value = field(data, key)
    if value is None and optional:
        return None
    if not isinstance(value, dict):
        raise ValueError(f"{key!r} must be an object, not {type(value).__name__}")
    return value
