"""Remembered passwords, kept only in the OS keyring (Windows Credential Manager, macOS Keychain,
Secret Service on Linux) and only when the user ticks "Remember me". Never in a file.

Every keyring problem -- no backend, a locked or refused store -- becomes `KeyringUnavailable`, a
`DomainError` the login window shows inline.
"""

from __future__ import annotations

import logging

import keyring
import keyring.errors

from medcenter_desktop.settings import Settings
from shared.errors import QT_TRANSLATE_NOOP, DomainError

log = logging.getLogger(__name__)

SERVICE = "MedCenter Desktop"


class KeyringUnavailable(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "This computer has no working password store, so the password cannot be remembered. "
        "You can log in without \u201cRemember me\u201d.",
    )


def account_name(settings: Settings, login: str) -> str:
    """The keyring user name: one entry per server, database and login."""
    return f"{settings.host}:{settings.port}/{settings.database}/{login.strip()}"


def _backend_usable() -> bool:
    backend = keyring.get_keyring()
    # The "fail" backend (priority 0) is what keyring falls back to when nothing is installed.
    return getattr(backend, "priority", 1) > 0 and "fail" not in type(backend).__module__


def check_available() -> None:
    """Raises `KeyringUnavailable` when no usable password store is configured."""
    try:
        usable = _backend_usable()
    except Exception as exc:  # a broken backend configuration is still just "unavailable"
        log.warning("keyring backend check failed: %s", type(exc).__name__)
        raise KeyringUnavailable() from None
    if not usable:
        raise KeyringUnavailable()


def remember_password(settings: Settings, login: str, password: str) -> None:
    try:
        keyring.set_password(SERVICE, account_name(settings, login), password)
    except Exception as exc:  # backends raise KeyringError, RuntimeError, D-Bus errors, ...
        log.warning("keyring: storing a password failed: %s", type(exc).__name__)
        raise KeyringUnavailable() from None


def recall_password(settings: Settings, login: str) -> str | None:
    """The remembered password, or None (also when the store is unavailable: recalling is a convenience)."""
    if not login.strip():
        return None
    try:
        return keyring.get_password(SERVICE, account_name(settings, login))
    except Exception as exc:  # a missing store means nothing is remembered
        log.info("keyring: reading a password failed: %s", type(exc).__name__)
        return None


def forget_password(settings: Settings, login: str) -> None:
    """Removes a remembered password; nothing happens if none is stored or the store is unavailable."""
    try:
        keyring.delete_password(SERVICE, account_name(settings, login))
    except keyring.errors.PasswordDeleteError:
        pass
    except Exception as exc:  # forgetting is best effort
        log.info("keyring: deleting a password failed: %s", type(exc).__name__)
