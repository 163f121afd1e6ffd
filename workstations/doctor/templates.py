"""The record templates the visit editor is built from (`shared.services.record_templates`), in the
words the editor needs: a template that may be unknown (an older record), the labels of what is missing
for a signature, the readable text in the UI language.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from shared.services import record_templates as rt
from shared.services.record_templates import RecordTemplate, TemplateInputError

__all__ = ["RecordTemplate", "TemplateInputError", "as_text", "default_template", "missing_for_signing",
           "normalized", "template", "templates_for"]


def templates_for(specialty_code: str | None) -> tuple[RecordTemplate, ...]:
    return rt.templates_for(specialty_code or "")


def default_template(specialty_code: str | None) -> RecordTemplate:
    return rt.default_template(specialty_code or "")


def template(code: str | None) -> RecordTemplate | None:
    """The template of ``code``; None when this build does not know it (a record of an older template)."""
    return rt.find(code)


def normalized(tpl: RecordTemplate, content: Mapping[str, object]) -> dict:
    return rt.normalized(tpl, content)


def missing_for_signing(tpl: RecordTemplate, content: Mapping[str, object]) -> list[str]:
    """The labels (source texts) of the fields a signature needs that are still blank."""
    return [f.label for f in rt.missing_for_signing(tpl, content)]


def as_text(tpl: RecordTemplate | None, content: Mapping[str, object]) -> str:
    """The record as readable text in the UI language (its fields as stored when the template is unknown)."""
    if tpl is not None:
        return rt.as_text(tpl, content, QCoreApplication.translate)
    return "\n\n".join(f"{key}: {value}" for key, value in content.items() if value not in ("", None))


def translate_labels() -> None:
    """Error messages of the templates name fields in the UI language."""
    rt.set_label_translator(lambda s: QCoreApplication.translate(rt.CONTEXT, s))
