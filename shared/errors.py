"""Errors a user may see.

A `DomainError` carries an English source text with ``{placeholders}`` and the values for them. The
text is marked with `QT_TRANSLATE_NOOP` so that Qt Linguist collects it; the Qt shell translates it in
the ``DomainError`` context when it shows the error. The domain core itself never imports Qt.
"""

from __future__ import annotations

from typing import Any

TRANSLATION_CONTEXT = "DomainError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation in ``context`` and returns it unchanged."""
    return text


class DomainError(Exception):
    """An error with a message meant for the person at the keyboard."""

    message: str = QT_TRANSLATE_NOOP("DomainError", "The operation could not be completed.")

    def __init__(self, message: str | None = None, **params: Any) -> None:
        if message is not None:
            self.message = message
        self.params = params
        super().__init__(self.render())

    def render(self, template: str | None = None) -> str:
        """The message with its placeholders filled; ``template`` may be a translation of it."""
        text = template if template is not None else self.message
        try:
            return text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            # A broken translation must never hide the error itself.
            return self.message.format(**self.params)


class ConfigurationError(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The configuration is invalid.")
