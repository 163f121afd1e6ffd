"""The edit dialog of one reference record, built from a list of fields per kind.

The dialog is opened with the record (values and version) and the drop-down lists read in one
snapshot; it saves through `ops.save_record` and stays open showing the reason when the database
refuses (a duplicate, a stale version with who changed it and when, ...).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from shared.errors import QT_TRANSLATE_NOOP
from shared.models.organization import DEPARTMENT_KINDS
from shared.services import reference_admin as ra
from workstations.administrator import ops

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "RecordDialog"
NONE_FLOOR = ra.FLOOR_RANGE[0] - 1

KIND_TITLES = {
    "organizations": QT_TRANSLATE_NOOP("RecordDialog", "Organization"),
    "departments": QT_TRANSLATE_NOOP("RecordDialog", "Department"),
    "offices": QT_TRANSLATE_NOOP("RecordDialog", "Office"),
    "staff": QT_TRANSLATE_NOOP("RecordDialog", "Staff member"),
    "card_types": QT_TRANSLATE_NOOP("RecordDialog", "Medical card type"),
    "specialties": QT_TRANSLATE_NOOP("RecordDialog", "Specialty"),
    "positions": QT_TRANSLATE_NOOP("RecordDialog", "Position"),
    "cash_desks": QT_TRANSLATE_NOOP("RecordDialog", "Cash desk"),
}
KIND_NAMES = {
    "outpatient": QT_TRANSLATE_NOOP("ReferenceBrowser", "outpatient"),
    "inpatient": QT_TRANSLATE_NOOP("ReferenceBrowser", "inpatient"),
    "paraclinical": QT_TRANSLATE_NOOP("ReferenceBrowser", "paraclinical"),
    "admission": QT_TRANSLATE_NOOP("ReferenceBrowser", "admission"),
    "administrative": QT_TRANSLATE_NOOP("ReferenceBrowser", "administrative"),
    "registry": QT_TRANSLATE_NOOP("ReferenceBrowser", "registry"),
}


@dataclass(frozen=True)
class Field:
    name: str
    #: Label source text (context RecordDialog).
    label: str
    #: line, text, check, combo, date, optional_date, floor, number, zone
    widget: str = "line"
    #: For combos: organizations, departments, parents, positions, specialties, kinds.
    source: str = ""
    optional: bool = False
    #: Placeholder source text of a line field (context RecordDialog).
    hint: str = ""


FIELDS: dict[str, tuple[Field, ...]] = {
    "organizations": (
        Field("short_name", QT_TRANSLATE_NOOP("RecordDialog", "&Short name:")),
        Field("name", QT_TRANSLATE_NOOP("RecordDialog", "&Full name:")),
        Field("inn", QT_TRANSLATE_NOOP("RecordDialog", "&INN:")),
        Field("ogrn", QT_TRANSLATE_NOOP("RecordDialog", "&OGRN:")),
        Field("address", QT_TRANSLATE_NOOP("RecordDialog", "&Address:"), "text"),
        Field("phone", QT_TRANSLATE_NOOP("RecordDialog", "&Phone:")),
        Field("time_zone", QT_TRANSLATE_NOOP("RecordDialog", "&Time zone:"), "zone"),
        Field("unpaid_performance", QT_TRANSLATE_NOOP("RecordDialog", "&Unpaid services:"), "combo", "unpaid_rules"),
        Field("is_active", QT_TRANSLATE_NOOP("RecordDialog", "A&ctive"), "check"),
    ),
    "departments": (
        Field("organization_id", QT_TRANSLATE_NOOP("RecordDialog", "&Organization:"), "combo", "organizations"),
        Field("name", QT_TRANSLATE_NOOP("RecordDialog", "&Name:")),
        Field("kind", QT_TRANSLATE_NOOP("RecordDialog", "&Kind:"), "combo", "kinds"),
        Field("parent_id", QT_TRANSLATE_NOOP("RecordDialog", "&Part of:"), "combo", "departments", optional=True),
        Field("is_active", QT_TRANSLATE_NOOP("RecordDialog", "A&ctive"), "check"),
    ),
    "offices": (
        Field("organization_id", QT_TRANSLATE_NOOP("RecordDialog", "&Organization:"), "combo", "organizations"),
        Field("number", QT_TRANSLATE_NOOP("RecordDialog", "N&umber:")),
        Field("name", QT_TRANSLATE_NOOP("RecordDialog", "&Name:")),
        Field("department_id", QT_TRANSLATE_NOOP("RecordDialog", "&Department:"), "combo", "departments", optional=True),
        Field("floor", QT_TRANSLATE_NOOP("RecordDialog", "&Floor:"), "floor"),
        Field("equipment_notes", QT_TRANSLATE_NOOP("RecordDialog", "&Equipment:"), "text"),
        Field("is_active", QT_TRANSLATE_NOOP("RecordDialog", "A&ctive"), "check"),
    ),
    "staff": (
        Field("organization_id", QT_TRANSLATE_NOOP("RecordDialog", "&Organization:"), "combo", "organizations"),
        Field("last_name", QT_TRANSLATE_NOOP("RecordDialog", "&Last name:")),
        Field("first_name", QT_TRANSLATE_NOOP("RecordDialog", "&First name:")),
        Field("middle_name", QT_TRANSLATE_NOOP("RecordDialog", "&Middle name:")),
        Field("position_id", QT_TRANSLATE_NOOP("RecordDialog", "&Position:"), "combo", "positions"),
        Field("specialty_id", QT_TRANSLATE_NOOP("RecordDialog", "&Specialty:"), "combo", "specialties", optional=True),
        Field("department_id", QT_TRANSLATE_NOOP("RecordDialog", "&Department:"), "combo", "departments", optional=True),
        Field("hired_on", QT_TRANSLATE_NOOP("RecordDialog", "&Hired on:"), "date"),
        Field("dismissed_on", QT_TRANSLATE_NOOP("RecordDialog", "Dis&missed on:"), "optional_date"),
    ),
    "card_types": (
        Field("code", QT_TRANSLATE_NOOP("RecordDialog", "&Code:")),
        Field("name", QT_TRANSLATE_NOOP("RecordDialog", "&Name:")),
        Field("form_number", QT_TRANSLATE_NOOP("RecordDialog", "&Form number:")),
        Field("sort_order", QT_TRANSLATE_NOOP("RecordDialog", "&Order in lists:"), "number"),
        Field("is_active", QT_TRANSLATE_NOOP("RecordDialog", "A&ctive"), "check"),
    ),
    "specialties": (
        Field("code", QT_TRANSLATE_NOOP("RecordDialog", "&Code:")),
        Field("name", QT_TRANSLATE_NOOP("RecordDialog", "&Name:")),
        Field("is_medical", QT_TRANSLATE_NOOP("RecordDialog", "&Medical specialty"), "check"),
    ),
    "positions": (
        Field("name", QT_TRANSLATE_NOOP("RecordDialog", "&Name:")),
        Field("is_medical", QT_TRANSLATE_NOOP("RecordDialog", "&Medical position"), "check"),
    ),
    "cash_desks": (
        Field("organization_id", QT_TRANSLATE_NOOP("RecordDialog", "&Organization:"), "combo", "organizations"),
        Field("name", QT_TRANSLATE_NOOP("RecordDialog", "&Name:")),
        Field("registrar_serial", QT_TRANSLATE_NOOP("RecordDialog", "&Registrar No.:"),
              hint=QT_TRANSLATE_NOOP("RecordDialog", "factory number; empty: any registrar")),
        Field("okpo", QT_TRANSLATE_NOOP("RecordDialog", "O&KPO:"),
              hint=QT_TRANSLATE_NOOP("RecordDialog", "8 or 10 digits; empty: not printed")),
        Field("is_active", QT_TRANSLATE_NOOP("RecordDialog", "A&ctive"), "check"),
    ),
}
VALUE_TYPES = {
    "organizations": ra.OrganizationValues, "departments": ra.DepartmentValues, "offices": ra.OfficeValues,
    "staff": ra.StaffValues, "card_types": ra.CardTypeValues, "specialties": ra.SpecialtyValues,
    "positions": ra.PositionValues, "cash_desks": ra.CashDeskValues,
}
#: How the organization's rule for services neither paid nor covered reads (context RecordDialog).
UNPAID_RULE_NAMES = {
    "block": QT_TRANSLATE_NOOP("RecordDialog", "refused until paid or covered"),
    "warn": QT_TRANSLATE_NOOP("RecordDialog", "performed after a warning to the doctor"),
}
#: Defaults of a new record (those the values classes do not give).
_SET = QT_TRANSLATE_NOOP("RecordDialog", "set")
_NONE = QT_TRANSLATE_NOOP("RecordDialog", "\u2014 none \u2014")
NEW_DEFAULTS: dict[str, Any] = {"hired_on": dt.date.today(), "time_zone": "Europe/Moscow"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


class _OptionalDate(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.check = QCheckBox(_tr(_SET), self)
        self.edit = QDateEdit(QDate.currentDate(), self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy")
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value))

    def value(self) -> dt.date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None


class RecordDialog(QDialog):
    def __init__(self, session: AppSession, kind: str, record: ra.Record | None, choices: ra.Choices,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.record = record
        self.choices = choices
        self.saved_id: int | None = None
        self._busy = False
        self.widgets: dict[str, QWidget] = {}
        title = _tr(KIND_TITLES[kind])
        self.setWindowTitle(self.tr("{what}: editing").format(what=title) if record else
                            self.tr("{what}: new").format(what=title))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in FIELDS[kind]:
            widget = self._make(spec)
            self.widgets[spec.name] = widget
            if spec.widget == "check":
                form.addRow("", widget)
            else:
                label = QLabel(_tr(spec.label), self)
                label.setBuddy(widget)
                form.addRow(label, widget)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        org = self.widgets.get("organization_id")
        if isinstance(org, QComboBox):
            org.currentIndexChanged.connect(self._organization_changed)
        values = record.values if record else None
        self._fill(values)
        self.resize(560, 0)

    # --- Public API ------------------------------------------------------------------------------

    def set_field(self, name: str, value: Any) -> None:
        """Sets one field as a person would (tests, defaults)."""
        self._set(self.widgets[name], next(f for f in FIELDS[self.kind] if f.name == name), value)

    def values(self) -> Any:
        row = {spec.name: self._get(self.widgets[spec.name], spec) for spec in FIELDS[self.kind]}
        return VALUE_TYPES[self.kind](**row)

    def error_message(self) -> str:
        return self.error_label.text()

    def submit(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.buttons.setEnabled(False)
        self.error_label.hide()
        op = ops.save_record(parent=self, session=self.session, kind=self.kind,
                             row_id=self.record.id if self.record else None, values=self.values(),
                             version=self.record.version if self.record else None)
        op.success(self._saved).failure(self._refused).run()

    # --- Internals -------------------------------------------------------------------------------

    def _saved(self, result: Any) -> None:
        self._busy = False
        self.saved_id = result if self.record is None else self.record.id
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    def _make(self, spec: Field) -> QWidget:
        if spec.widget == "check":
            return QCheckBox(_tr(spec.label), self)
        if spec.widget == "text":
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(64)
            return edit
        if spec.widget in ("combo", "zone"):
            combo = QComboBox(self)
            if spec.widget == "zone":
                combo.setEditable(True)
                combo.addItems(list(self.choices.time_zones))
            return combo
        if spec.widget == "date":
            edit = QDateEdit(self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            return edit
        if spec.widget == "optional_date":
            return _OptionalDate(self)
        if spec.widget in ("floor", "number"):
            spin = QSpinBox(self)
            if spec.widget == "floor":
                spin.setRange(NONE_FLOOR, ra.FLOOR_RANGE[1])
                spin.setSpecialValueText("\u2014")
            else:
                spin.setRange(*ra.SORT_ORDER_RANGE)
            return spin
        edit = QLineEdit(self)
        limit = ra._kind(self.kind).table.c[spec.name].type.length  # noqa: SLF001 - the column's own limit
        if limit:
            edit.setMaxLength(limit)
        if spec.hint:
            edit.setPlaceholderText(_tr(spec.hint))
        return edit

    def _combo_items(self, spec: Field, organization_id: int | None) -> list[tuple[str, Any]]:
        c = self.choices
        if spec.source == "organizations":
            return [(o.name, o.id) for o in c.organizations]
        if spec.source == "kinds":
            return [(QCoreApplication.translate("ReferenceBrowser", KIND_NAMES[k]), k) for k in DEPARTMENT_KINDS]
        if spec.source == "unpaid_rules":
            return [(_tr(UNPAID_RULE_NAMES[r]), r) for r in ra.UNPAID_PERFORMANCE_RULES]
        if spec.source == "positions":
            return [(p.name, p.id) for p in c.positions]
        if spec.source == "specialties":
            return [(s.name, s.id) for s in c.specialties]
        own_id = self.record.id if self.record and self.kind == "departments" else None
        return [(d.name, d.id) for d in c.departments
                if d.organization_id == organization_id and d.id != own_id and d.is_active]

    def _fill_combo(self, combo: QComboBox, spec: Field, organization_id: int | None) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if spec.optional:
            combo.addItem(_tr(_NONE), None)
        for title, data in self._combo_items(spec, organization_id):
            combo.addItem(title, data)
        number = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(number if number >= 0 else 0)
        combo.blockSignals(False)

    def _organization_id(self) -> int | None:
        org = self.widgets.get("organization_id")
        return org.currentData() if isinstance(org, QComboBox) else None

    def _organization_changed(self, *_args) -> None:
        for spec in FIELDS[self.kind]:
            if spec.source == "departments":
                self._fill_combo(self.widgets[spec.name], spec, self._organization_id())

    def _fill(self, values: Any) -> None:
        for spec in FIELDS[self.kind]:
            if spec.widget == "combo" and spec.source != "departments":
                self._fill_combo(self.widgets[spec.name], spec, None)
        if values is None:
            org = self.widgets.get("organization_id")
            if isinstance(org, QComboBox) and self.session.organization_id is not None:
                org.setCurrentIndex(max(org.findData(self.session.organization_id), 0))
        self._organization_changed()
        for spec in FIELDS[self.kind]:
            if values is not None:
                value = getattr(values, spec.name)
            else:
                value = NEW_DEFAULTS.get(spec.name, _default(VALUE_TYPES[self.kind], spec.name))
            if values is None and spec.source == "organizations":
                continue
            self._set(self.widgets[spec.name], spec, value)
            if spec.name == "organization_id":
                self._organization_changed()

    @staticmethod
    def _set(widget: QWidget, spec: Field, value: Any) -> None:
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QComboBox):
            number = widget.findData(value) if spec.widget == "combo" else widget.findText(value or "")
            if number >= 0:
                widget.setCurrentIndex(number)
            elif spec.widget == "zone":
                widget.setEditText(value or "")
        elif isinstance(widget, _OptionalDate):
            widget.set_value(value)
        elif isinstance(widget, QDateEdit):
            widget.setDate(QDate(value) if value else QDate.currentDate())
        elif isinstance(widget, QSpinBox):
            widget.setValue(NONE_FLOOR if value is None else int(value))
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))

    @staticmethod
    def _get(widget: QWidget, spec: Field) -> Any:
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentText() if spec.widget == "zone" else widget.currentData()
        if isinstance(widget, _OptionalDate):
            return widget.value()
        if isinstance(widget, QDateEdit):
            return widget.date().toPython()
        if isinstance(widget, QSpinBox):
            return None if spec.widget == "floor" and widget.value() == NONE_FLOOR else widget.value()
        assert isinstance(widget, QLineEdit)
        text = widget.text()
        return (text or None) if spec.name == "ogrn" else text


def _default(values_type: type, name: str) -> Any:
    import dataclasses

    for f in dataclasses.fields(values_type):
        if f.name == name:
            return None if f.default is dataclasses.MISSING else f.default
    return None
