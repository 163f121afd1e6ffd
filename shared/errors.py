"""Errors a user may see.

A `DomainError` carries an English source text with ``{placeholders}`` and the values for them. The
text is marked with `QT_TRANSLATE_NOOP` so that Qt Linguist collects it; the Qt shell translates it in
the ``DomainError`` context when it shows the error. The domain core itself never imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

TRANSLATION_CONTEXT = "DomainError"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``text`` for translation in ``context`` and returns it unchanged."""
    return text


class DomainError(Exception):
    """An error with a message meant for the person at the keyboard."""

    message: str = QT_TRANSLATE_NOOP("DomainError", "The operation could not be completed.")
    # Names of params whose values are themselves marked source texts, translated before filling in.
    translatable_params: tuple[str, ...] = ()

    def __init__(self, message: str | None = None, **params: Any) -> None:
        if message is not None:
            self.message = message
        self.params = params
        super().__init__(self.render())

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """The message with its placeholders filled, translated by ``translate`` when given."""
        if translate is None:
            return self.message.format(**self.params)
        params = {
            k: translate(v) if k in self.translatable_params and isinstance(v, str) else v
            for k, v in self.params.items()
        }
        try:
            return translate(self.message).format(**params)
        except (KeyError, IndexError, ValueError):
            # A broken translation must never hide the error itself.
            return self.message.format(**self.params)


class ConfigurationError(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The configuration is invalid.")
