"""The validity rules of sick-leave certificates ("rules as data", issue 9): every row of
``sick_leave_rules``, active or not, with what it is for, its parameters and the message the user sees.

The head of the organization (the ``head`` job) switches a rule on or off and tunes its numeric parameters
(``max_days = 15``); each change is one unit of work on a worker thread through
`shared.services.sick_leave.set_rule`. A value that is not a whole number, is zero or negative, or gives
more than 365 days is refused with a message and the old value comes back; so does a refusal of the
database. Other jobs see the rules read-only (the database refuses them anyway).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, translate_domain_text
from medcenter_desktop.operations import session_op
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import sick_leave as sl
from shared.services.sick_leave_rules import Rule

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "SickLeaveRulesPage"
#: What the operation bus is told when a rule changed.
CHANGES = "sick_leave_rules"
#: The largest number of days a parameter may give.
MAX_DAYS = 365
EDITOR_JOB = "head"

PARAMETER_LABELS = {
    "max_days": QT_TRANSLATE_NOOP(CTX, "Days a doctor alone may release"),
    "max_periods": QT_TRANSLATE_NOOP(CTX, "Periods of release on the form"),
    "return_days_ahead": QT_TRANSLATE_NOOP(CTX, "Days ahead the return to work may be"),
    "whole_period_under_years": QT_TRANSLATE_NOOP(CTX, "Whole period for a child under (years)"),
    "child_until_years": QT_TRANSLATE_NOOP(CTX, "Child until (years)"),
    "child_max_days": QT_TRANSLATE_NOOP(CTX, "Days of care for a child"),
    "adult_max_days": QT_TRANSLATE_NOOP(CTX, "Days of care for an older family member"),
    "adult_alone_days": QT_TRANSLATE_NOOP(CTX, "Days of care by a doctor alone"),
    "whole_period_causes": QT_TRANSLATE_NOOP(CTX, "Causes for the whole period"),
}

NOT_A_NUMBER = QT_TRANSLATE_NOOP(CTX, "{label}: enter a whole number (\u00ab{value}\u00bb is not one).")
NOT_POSITIVE = QT_TRANSLATE_NOOP(CTX, "{label}: the number must be greater than zero.")
TOO_MANY_DAYS = QT_TRANSLATE_NOOP(CTX, "{label}: at most {max} days.")


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def parameter_label(key: str) -> str:
    """The readable name of a parameter, or the key itself when there is none."""
    return tr(PARAMETER_LABELS[key]) if key in PARAMETER_LABELS else key


def is_day_count(key: str) -> bool:
    return "days" in key


def parse_parameter(key: str, typed: str) -> int:
    """The number typed for ``key``; raises ValueError with the translated message when it is refused."""
    label = parameter_label(key)
    stripped = typed.strip()
    try:
        value = int(stripped)
    except ValueError:
        raise ValueError(tr(NOT_A_NUMBER).format(label=label, value=stripped)) from None
    if value <= 0:
        raise ValueError(tr(NOT_POSITIVE).format(label=label))
    if is_day_count(key) and value > MAX_DAYS:
        raise ValueError(tr(TOO_MANY_DAYS).format(label=label, max=MAX_DAYS))
    return value


def format_parameters(parameters: Mapping[str, Any]) -> str:
    """``max_days = 15; ...`` (the keys as stored)."""
    return "; ".join(f"{key} = {_value_text(value)}" for key, value in parameters.items())


def _value_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class SickLeaveRulesPage(QWidget):
    """One row per rule: active, the rule, its parameters, the message."""

    ACTIVE, RULE, PARAMETERS, MESSAGE = range(4)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.editable = EDITOR_JOB in session.user.jobs
        self.rules: list[Rule] = []
        self.loaded = False
        self.busy = 0
        self.active_boxes: dict[str, QCheckBox] = {}
        self.parameter_edits: dict[str, dict[str, QLineEdit]] = {}
        #: The parameters as last saved, by rule code (what a refused value goes back to).
        self._parameters: dict[str, dict[str, Any]] = {}

        self.heading = QLabel(self)
        self.heading.setObjectName("pageTitle")
        self.lead = QLabel(self)
        self.lead.setObjectName("mutedLabel")
        self.lead.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.reload_button = QPushButton(self)
        self.reload_button.clicked.connect(self.reload)

        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.ACTIVE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.RULE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.PARAMETERS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.MESSAGE, QHeaderView.ResizeMode.Stretch)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.lead)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)
        self._retranslate()
        self.reload()

    # --- Public API ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.busy += 1
        session_op(self, self.session, sl.active_rules, commit=False).success(self._show).failure(
            self._failed).run()

    def row_of(self, code: str) -> int | None:
        return next((n for n, r in enumerate(self.rules) if r.code == code), None)

    def parameters_of(self, code: str) -> dict[str, Any]:
        return dict(self._parameters.get(code, {}))

    # --- Internals -------------------------------------------------------------------------------

    def _show(self, rules: list[Rule]) -> None:
        self.busy -= 1
        self.rules = list(rules)
        self._parameters = {r.code: dict(r.parameters) for r in self.rules}
        self.active_boxes.clear()
        self.parameter_edits.clear()
        self.table.clearContents()
        self.table.setRowCount(len(self.rules))
        for row, rule in enumerate(self.rules):
            box = QCheckBox(self.table)
            box.setChecked(rule.active)
            box.setEnabled(self.editable)
            box.toggled.connect(lambda on, code=rule.code: self._set_active(code, on))
            holder = QWidget(self.table)
            holder_layout = QHBoxLayout(holder)
            holder_layout.setContentsMargins(8, 0, 8, 0)
            holder_layout.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
            self.table.setCellWidget(row, self.ACTIVE, holder)
            self.active_boxes[rule.code] = box

            item = QTableWidgetItem(translate_domain_text(rule.description))
            item.setToolTip(rule.code)
            self.table.setItem(row, self.RULE, item)
            self.table.setCellWidget(row, self.PARAMETERS, self._parameters_widget(rule))
            self.table.setItem(row, self.MESSAGE, QTableWidgetItem(translate_domain_text(rule.message)))
        self.table.resizeRowsToContents()
        self.loaded = True

    def _parameters_widget(self, rule: Rule) -> QWidget:
        widget = QWidget(self.table)
        form = QFormLayout(widget)
        form.setContentsMargins(6, 2, 6, 2)
        edits: dict[str, QLineEdit] = {}
        for key, value in rule.parameters.items():
            label = QLabel(parameter_label(key), widget)
            label.setToolTip(key)
            if _is_number(value):
                edit = QLineEdit(str(value), widget)
                edit.setObjectName(f"{rule.code}.{key}")
                edit.setToolTip(f"{key} = {value}")
                edit.setMaximumWidth(80)
                edit.setReadOnly(not self.editable)
                edit.editingFinished.connect(lambda code=rule.code, key=key: self._edited(code, key))
                edits[key] = edit
                form.addRow(label, edit)
            else:
                form.addRow(label, QLabel(_value_text(value), widget))
        if not rule.parameters:
            form.addRow(QLabel("\u2014", widget))
        self.parameter_edits[rule.code] = edits
        return widget

    def _edited(self, code: str, key: str) -> None:
        edit = self.parameter_edits.get(code, {}).get(key)
        if edit is None or not self.editable:
            return
        old = self._parameters[code].get(key)
        if edit.text().strip() == str(old):
            return
        try:
            value = parse_parameter(key, edit.text())
        except ValueError as refused:
            self.error_label.setText(str(refused))
            edit.setText(str(old))
            return
        if value == old:
            edit.setText(str(old))
            return
        parameters = {**self._parameters[code], key: value}
        self._parameters[code] = parameters
        edit.setText(str(value))

        def refused(exc: Exception) -> None:
            self.busy -= 1
            self._parameters[code] = {**self._parameters[code], key: old}
            edit.setText(str(old))
            self.error_label.setText(error_text(exc))

        self._save(code, refused, parameters=parameters)

    def _set_active(self, code: str, on: bool) -> None:
        if not self.editable:
            return
        box = self.active_boxes[code]

        def refused(exc: Exception) -> None:
            self.busy -= 1
            box.blockSignals(True)
            box.setChecked(not on)
            box.blockSignals(False)
            self.error_label.setText(error_text(exc))

        self._save(code, refused, active=on)

    def _save(self, code: str, refused, **change: Any) -> None:
        self.error_label.clear()
        self.busy += 1

        def saved(_result: None) -> None:
            self.busy -= 1

        session_op(self, self.session, lambda conn: sl.set_rule(conn, code, **change), CHANGES).success(
            saved).failure(refused).run()

    def _failed(self, exc: Exception) -> None:
        self.busy -= 1
        self.loaded = True
        self.error_label.setText(error_text(exc))

    def _retranslate(self) -> None:
        self.heading.setText(tr("Sick-leave rules"))
        if self.editable:
            self.lead.setText(tr(
                "The rules every sick-leave certificate is checked against. Switch a rule off or change its "
                "numbers; the change applies to the next check."))
        else:
            self.lead.setText(tr(
                "The rules every sick-leave certificate is checked against. Only the head of the "
                "organization changes them."))
        self.reload_button.setText(tr("Reload"))
        self.table.setHorizontalHeaderLabels(
            [tr("Active"), tr("Rule"), tr("Parameters"), tr("Message shown")])
        if self.loaded:
            for row, rule in enumerate(self.rules):
                self.table.item(row, self.RULE).setText(translate_domain_text(rule.description))
                self.table.item(row, self.MESSAGE).setText(translate_domain_text(rule.message))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "table"):
            self._retranslate()
        super().changeEvent(event)
