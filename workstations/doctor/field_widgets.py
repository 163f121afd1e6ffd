"""One input per template field, by its kind: text (several lines), line, number (with unit and bounds),
choice, flag and date. Each reads and writes the plain value the record's content keeps; what a value
must be is the template service's `normalized` to decide.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

TEMPLATE_CTX = "RecordTemplates"
_NO_DATE = QDate(1900, 1, 1)


def tt(text: str) -> str:
    """A template's label, title, unit or choice in the UI language."""
    return QCoreApplication.translate(TEMPLATE_CTX, text) if text else ""


def _number_text(value: float) -> str:
    return f"{value:g}"


class FieldInput(QWidget):
    """The input of one template field; ``changed`` when the doctor edits it."""

    changed = Signal()

    def __init__(self, field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.kind = getattr(field, "kind", "text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.editor = self._build()
        wide = self.kind in ("text", "line")
        layout.addWidget(self.editor, 1 if wide else 0)
        unit = getattr(field, "unit", "") or ""
        self.unit_label = QLabel(tt(unit), self) if unit else None
        if self.unit_label is not None:
            self.unit_label.setObjectName("mutedLabel")
            layout.addWidget(self.unit_label)
        if self.kind in ("number", "choice", "date", "flag"):
            layout.addStretch(1)
        self.setFocusProxy(self.editor)

    def _build(self) -> QWidget:
        kind = self.kind
        if kind == "text":
            editor = QPlainTextEdit(self)
            editor.setTabChangesFocus(True)
            editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            editor.setMinimumHeight(54)
            editor.setMaximumHeight(84)
            editor.textChanged.connect(self.changed)
            return editor
        if kind == "choice":
            editor = QComboBox(self)
            editor.addItem("\u2014", "")
            for choice in getattr(self.field, "choices", ()) or ():
                editor.addItem(tt(choice), choice)
            editor.setMinimumWidth(200)
            editor.currentIndexChanged.connect(lambda _i: self.changed.emit())
            return editor
        if kind == "flag":
            editor = QCheckBox(tt(self.field.label), self)
            editor.toggled.connect(lambda _b: self.changed.emit())
            return editor
        if kind == "date":
            editor = QDateEdit(self)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("dd.MM.yyyy")
            editor.setMinimumWidth(130)
            editor.setMinimumDate(_NO_DATE)
            editor.setSpecialValueText("\u2014")
            editor.setDate(_NO_DATE)
            editor.dateChanged.connect(lambda _d: self.changed.emit())
            return editor
        editor = QLineEdit(self)
        if kind == "number":
            editor.setMaximumWidth(120)
            editor.setAlignment(Qt.AlignmentFlag.AlignRight)
            low, high = getattr(self.field, "minimum", None), getattr(self.field, "maximum", None)
            if low is not None and high is not None:
                editor.setPlaceholderText(f"{_number_text(low)}\u2013{_number_text(high)}")
        editor.textChanged.connect(lambda _t: self.changed.emit())
        return editor

    # --- values ----------------------------------------------------------------------------------

    def value(self) -> object:
        editor = self.editor
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        if isinstance(editor, QComboBox):
            return editor.currentData() or ""
        if isinstance(editor, QCheckBox):
            # An unticked box records nothing: "no" would claim the doctor asked.
            return True if editor.isChecked() else ""
        if isinstance(editor, QDateEdit):
            return "" if editor.date() == _NO_DATE else editor.date().toPython().isoformat()
        return editor.text().strip()

    def set_value(self, value: object) -> None:
        editor = self.editor
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText("" if value is None else str(value))
        elif isinstance(editor, QComboBox):
            index = editor.findData("" if value is None else str(value))
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QDateEdit):
            day = None
            if isinstance(value, dt.date):
                day = value
            elif isinstance(value, str) and value:
                try:
                    day = dt.date.fromisoformat(value[:10])
                except ValueError:
                    day = None
            editor.setDate(QDate(day.year, day.month, day.day) if day else _NO_DATE)
        else:
            editor.setText("" if value is None or value == "" else
                           _number_text(value) if isinstance(value, float) else str(value))

    def set_read_only(self, read_only: bool) -> None:
        editor = self.editor
        if isinstance(editor, (QPlainTextEdit, QLineEdit)):
            editor.setReadOnly(read_only)
        else:
            editor.setEnabled(not read_only)

    def is_empty(self) -> bool:
        value = self.value()
        return value in ("", None, False)
