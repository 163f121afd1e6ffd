"""Showing errors to the person at the keyboard: translated `DomainError` text, never a traceback.

`error_text` is what every screen shows (inline labels use it too); `show_error` puts it in a message
box. Tests replace ``QMessageBox.warning`` / ``QMessageBox.critical`` with monkeypatch.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from shared.errors import TRANSLATION_CONTEXT, DomainError


def translate_domain_text(text: str) -> str:
    """Translates one source text marked with ``QT_TRANSLATE_NOOP("DomainError", ...)``."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def unexpected_error_text() -> str:
    return QCoreApplication.translate(
        "ErrorDialog",
        "An unexpected error occurred and the operation was not completed. "
        "Please try again; if the error repeats, tell IT staff the time it happened.",
    )


def error_text(exc: BaseException) -> str:
    """The message for ``exc`` in the current UI language."""
    if isinstance(exc, DomainError):
        return exc.render(translate=translate_domain_text)
    return unexpected_error_text()


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A message box with the translated message of ``exc`` (a generic one for programming errors)."""
    title = QCoreApplication.translate("ErrorDialog", "MedCenter Desktop")
    if isinstance(exc, DomainError):
        QMessageBox.warning(parent, title, error_text(exc))
    else:
        QMessageBox.critical(parent, title, error_text(exc))
