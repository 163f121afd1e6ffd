"""The fields of a record template as inputs, by section: a heading per section (its free text's label),
the free text under it across the width, then the section's structured fields with their labels; numbers
(vital signs) two to a row. Scrolls when the template is long; ``edited`` when the doctor types.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from workstations.doctor.field_widgets import FieldInput, tt


class RecordForm(QScrollArea):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = None
        self.inputs: dict[str, FieldInput] = {}
        self._loading = False
        self.fields_host = QWidget(self)
        self.fields_layout = QVBoxLayout(self.fields_host)
        self.fields_layout.setContentsMargins(4, 0, 12, 8)
        self.fields_layout.setSpacing(4)
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.fields_host)
        content_layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(content)
        # the fields sit on the tab's white page, not on the window's grey
        self.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: #ffffff; }")

    # --- Public API ------------------------------------------------------------------------------

    def build(self, template) -> None:
        """Inputs for ``template``, keeping what was typed into fields of the same key."""
        typed = self.values()
        self.template = template
        self._build_fields()
        self.set_values(typed)

    def values(self) -> dict:
        return {key: widget.value() for key, widget in self.inputs.items()}

    def set_values(self, values: Mapping[str, object]) -> None:
        """Shows ``values`` (a field missing from them is emptied) without counting as an edit."""
        self._loading = True
        try:
            for key, widget in self.inputs.items():
                widget.set_value(values.get(key))
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.inputs.values():
            widget.set_read_only(read_only)

    def focus_first(self) -> None:
        for widget in self.inputs.values():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(widget)
            return

    def focus_first_of(self, labels: Iterable[str]) -> None:
        """The first field (in the template's order) whose label is among ``labels``."""
        labels = set(labels)
        for field in self.template.fields:
            if field.label in labels and field.key in self.inputs:
                self.inputs[field.key].setFocus(Qt.FocusReason.OtherFocusReason)
                self.ensureWidgetVisible(self.inputs[field.key])
                return

    # --- Internals -------------------------------------------------------------------------------

    def _build_fields(self) -> None:
        """A heading per section (its free text's label), the free text under it across the width, then
        the section's structured fields with their labels; numbers (vital signs) two to a row."""
        while self.fields_layout.count():
            item = self.fields_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.inputs = {}
        form: QFormLayout | None = None
        section = None
        numbers: list = []
        for field in self.template.fields:
            if form is None or field.section != section:
                self._add_numbers(form, numbers)
                section = field.section
                form = self._section_form()
            if field.kind == "number":
                numbers.append(field)
                continue
            self._add_numbers(form, numbers)
            widget = self._input(field)
            if field.key == field.section:
                heading = QLabel(tt(field.label) + (" *" if field.required_to_sign else ""), self.fields_host)
                heading.setObjectName("fieldSection")
                heading.setBuddy(widget.editor)
                form.addRow(heading)
                form.addRow(widget)
                continue
            form.addRow(self._label(field, widget), widget)
        self._add_numbers(form, numbers)

    def _input(self, field) -> FieldInput:
        widget = FieldInput(field, self.fields_host)
        widget.changed.connect(self._changed)
        self.inputs[field.key] = widget
        return widget

    def _label(self, field, widget: FieldInput) -> QLabel:
        text = "" if field.kind == "flag" else tt(field.label) + (" *" if field.required_to_sign else "")
        label = QLabel(text, self.fields_host)
        label.setMinimumWidth(170)
        label.setWordWrap(True)
        label.setBuddy(widget.editor)
        return label

    def _add_numbers(self, form: QFormLayout | None, numbers: list) -> None:
        """Pending number fields as a grid of two columns in ``form``."""
        if form is None or not numbers:
            numbers.clear()
            return
        holder = QWidget(self.fields_host)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(5)
        for number, field in enumerate(numbers):
            widget = self._input(field)
            row, column = divmod(number, 2)
            grid.addWidget(self._label(field, widget), row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        form.addRow(holder)
        numbers.clear()

    def _section_form(self) -> QFormLayout:
        holder = QWidget(self.fields_host)
        form = QFormLayout(holder)
        form.setContentsMargins(0, 0, 0, 4)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(5)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields_layout.addWidget(holder)
        return form

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()
