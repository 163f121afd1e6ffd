"""The client's personal data as the registrar types it, checked as it is typed.

Every problem shows under its own field (the messages of `validate_patient`); a field shows its
problem once it was edited, and every field does after a save was tried (`show_all_errors`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import translate_domain_text
from shared.services.patient_input import InvalidFields, PatientInput, validate_patient
from shared.services.patients import PatientDetails

CTX = "PatientForm"

FIELDS = ("last_name", "first_name", "middle_name", "birth_date", "sex", "snils", "oms_policy", "phones", "email")

_STYLE = """
QLabel#fieldError { color: #a61b1b; font-size: 9pt; padding: 0 2px; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] { border: 1px solid #c62828; }
QPlainTextEdit { background: #ffffff; border: 1px solid #c4cfd7; border-radius: 5px; padding: 2px 4px; }
QPlainTextEdit:focus { border: 1px solid #0e7c86; }
"""


def format_phone(digits: str) -> str:
    """7XXXXXXXXXX as +7 XXX XXX-XX-XX; other numbers as stored."""
    if len(digits) == 11 and digits.startswith("7"):
        return f"+7 {digits[1:4]} {digits[4:7]}-{digits[7:9]}-{digits[9:]}"
    return digits


def format_snils(digits: str | None) -> str:
    if digits and len(digits) == 11:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:9]} {digits[9:]}"
    return digits or ""


class PatientForm(QWidget):
    """Surname … notifications, with an error label under each field."""

    #: Emitted on every edit (the form now differs from what was loaded).
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientForm")
        self.setStyleSheet(_STYLE)
        self._loading = False
        self._touched: set[str] = set()
        self._errors: dict[str, str] = {}
        self.dirty = False

        self.last_name_edit = QLineEdit(self)
        self.first_name_edit = QLineEdit(self)
        self.middle_name_edit = QLineEdit(self)
        self.birth_date_edit = QLineEdit(self)
        self.birth_date_edit.setMaximumWidth(130)
        self.sex_combo = QComboBox(self)
        self.sex_combo.addItem("", "")
        self.sex_combo.addItem("", "F")
        self.sex_combo.addItem("", "M")
        self.snils_edit = QLineEdit(self)
        self.snils_edit.setMaximumWidth(170)
        self.oms_policy_edit = QLineEdit(self)
        self.oms_policy_edit.setMaximumWidth(210)
        self.phones_edit = QPlainTextEdit(self)
        self.phones_edit.setTabChangesFocus(True)
        self.phones_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.email_edit = QLineEdit(self)
        self.notify_sms_check = QCheckBox(self)
        self.notify_email_check = QCheckBox(self)

        self.widgets: dict[str, QWidget] = {
            "last_name": self.last_name_edit, "first_name": self.first_name_edit,
            "middle_name": self.middle_name_edit, "birth_date": self.birth_date_edit, "sex": self.sex_combo,
            "snils": self.snils_edit, "oms_policy": self.oms_policy_edit, "phones": self.phones_edit,
            "email": self.email_edit,
        }
        self.error_labels: dict[str, QLabel] = {}
        self.field_labels: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(4)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in FIELDS:
            label = QLabel(self)
            label.setBuddy(self.widgets[name])
            self.field_labels[name] = label
            layout.addRow(label, self._with_error(name, self._row_widget(name)))
        notify = QHBoxLayout()
        notify.addWidget(self.notify_sms_check)
        notify.addWidget(self.notify_email_check)
        notify.addStretch(1)
        self.notify_label = QLabel(self)
        layout.addRow(self.notify_label, notify)

        for edit in (self.last_name_edit, self.first_name_edit, self.middle_name_edit, self.birth_date_edit,
                     self.snils_edit, self.oms_policy_edit, self.email_edit):
            edit.textEdited.connect(lambda _text, e=edit: self._changed(self._field_of(e)))
        self.phones_edit.textChanged.connect(lambda: self._changed("phones"))
        self.sex_combo.currentIndexChanged.connect(lambda _i: self._changed("sex"))
        self.notify_sms_check.toggled.connect(lambda _on: self._changed("notify"))
        self.notify_email_check.toggled.connect(lambda _on: self._changed("email"))
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def to_input(self) -> PatientInput:
        return PatientInput(
            last_name=self.last_name_edit.text(), first_name=self.first_name_edit.text(),
            middle_name=self.middle_name_edit.text(), birth_date=self.birth_date_edit.text(),
            sex=self.sex_combo.currentData() or "", snils=self.snils_edit.text(),
            oms_policy=self.oms_policy_edit.text(),
            phones=tuple(line for line in self.phones_edit.toPlainText().splitlines() if line.strip()),
            email=self.email_edit.text(), notify_sms=self.notify_sms_check.isChecked(),
            notify_email=self.notify_email_check.isChecked(),
        )

    def set_details(self, details: PatientDetails) -> None:
        """Shows what is stored; the form is clean afterwards."""
        self.set_values(PatientInput(
            last_name=details.last_name, first_name=details.first_name, middle_name=details.middle_name,
            birth_date=details.birth_date.strftime("%d.%m.%Y"), sex=details.sex, snils=format_snils(details.snils),
            oms_policy=details.oms_policy or "", phones=tuple(format_phone(p) for p in details.phones),
            email=details.email, notify_sms=details.notify_sms, notify_email=details.notify_email,
        ))

    def set_values(self, data: PatientInput) -> None:
        self._loading = True
        try:
            self.last_name_edit.setText(data.last_name)
            self.first_name_edit.setText(data.first_name)
            self.middle_name_edit.setText(data.middle_name)
            birth = data.birth_date
            self.birth_date_edit.setText(birth.strftime("%d.%m.%Y") if isinstance(birth, dt.date) else birth)
            self.sex_combo.setCurrentIndex(max(0, self.sex_combo.findData(data.sex)))
            self.snils_edit.setText(data.snils)
            self.oms_policy_edit.setText(data.oms_policy)
            self.phones_edit.setPlainText("\n".join(data.phones))
            self.email_edit.setText(data.email)
            self.notify_sms_check.setChecked(data.notify_sms)
            self.notify_email_check.setChecked(data.notify_email)
        finally:
            self._loading = False
        self._touched.clear()
        self.dirty = False
        self._show_errors({})

    def validate(self) -> InvalidFields | None:
        """Checks every field and shows every problem; None when the form may be saved."""
        self._touched.update(FIELDS)
        try:
            validate_patient(self.to_input())
        except InvalidFields as exc:
            self._show_errors(exc.errors)
            return exc
        self._show_errors({})
        return None

    def show_all_errors(self, errors: dict[str, str]) -> None:
        """Shows problems the service reported (e.g. on save)."""
        self._touched.update(errors)
        self._show_errors(errors)

    def field_error(self, name: str) -> str:
        """The problem shown under ``name`` ("" if none), translated."""
        label = self.error_labels[name]
        return label.text() if not label.isHidden() else ""

    def shown_errors(self) -> dict[str, str]:
        return {name: self.field_error(name) for name in FIELDS if self.field_error(name)}

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.widgets.values():
            widget.setEnabled(not read_only)
        self.notify_sms_check.setEnabled(not read_only)
        self.notify_email_check.setEnabled(not read_only)

    def retranslate_ui(self) -> None:
        texts = {
            "last_name": QCoreApplication.translate("PatientForm", "&Surname"),
            "first_name": QCoreApplication.translate("PatientForm", "&First name"),
            "middle_name": QCoreApplication.translate("PatientForm", "&Patronymic"),
            "birth_date": QCoreApplication.translate("PatientForm", "&Birth date"),
            "sex": QCoreApplication.translate("PatientForm", "Se&x"),
            "snils": QCoreApplication.translate("PatientForm", "S&NILS"),
            "oms_policy": QCoreApplication.translate("PatientForm", "&OMS policy"),
            "phones": QCoreApplication.translate("PatientForm", "P&hones"),
            "email": QCoreApplication.translate("PatientForm", "E-&mail"),
        }
        for name, text in texts.items():
            self.field_labels[name].setText(text)
        self.notify_label.setText(QCoreApplication.translate("PatientForm", "Notify by"))
        self.birth_date_edit.setPlaceholderText(QCoreApplication.translate("PatientForm", "dd.mm.yyyy"))
        self.snils_edit.setPlaceholderText("123-456-789 01")
        self.oms_policy_edit.setPlaceholderText(QCoreApplication.translate("PatientForm", "16 digits"))
        self.phones_edit.setPlaceholderText(QCoreApplication.translate("PatientForm", "one number per line"))
        self.sex_combo.setItemText(0, QCoreApplication.translate("PatientForm", "— choose —"))
        self.sex_combo.setItemText(1, QCoreApplication.translate("PatientForm", "female"))
        self.sex_combo.setItemText(2, QCoreApplication.translate("PatientForm", "male"))
        self.notify_sms_check.setText(QCoreApplication.translate("PatientForm", "SMS"))
        self.notify_email_check.setText(QCoreApplication.translate("PatientForm", "e-mail"))
        self._show_errors(self._errors)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _row_widget(self, name: str) -> QWidget | QHBoxLayout:
        if name == "birth_date":
            row = QHBoxLayout()
            row.addWidget(self.birth_date_edit)
            row.addStretch(1)
            return row
        return self.widgets[name]

    def _with_error(self, name: str, field: QWidget | QHBoxLayout) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(1)
        box.setContentsMargins(0, 0, 0, 0)
        if isinstance(field, QWidget):
            box.addWidget(field)
        else:
            box.addLayout(field)
        error = QLabel(self)
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error.hide()
        self.error_labels[name] = error
        box.addWidget(error)
        return box

    def _field_of(self, widget: QWidget) -> str:
        return next(name for name, w in self.widgets.items() if w is widget)

    def _changed(self, name: str) -> None:
        if self._loading:
            return
        if name in FIELDS:
            self._touched.add(name)
        self.dirty = True
        try:
            validate_patient(self.to_input())
            errors: dict[str, str] = {}
        except InvalidFields as exc:
            errors = exc.errors
        self._show_errors({k: v for k, v in errors.items() if k in self._touched})
        self.edited.emit()

    def _show_errors(self, errors: dict[str, str]) -> None:
        self._errors = dict(errors)
        for name, label in self.error_labels.items():
            message = errors.get(name)
            widget = self.widgets[name]
            invalid = message is not None
            if widget.property("invalid") != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            label.setText(translate_domain_text(message) if message else "")
            label.setVisible(invalid)
