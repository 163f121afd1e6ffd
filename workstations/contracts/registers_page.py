"""Payer registers: at the end of a month the services performed under an agreement with a payer become a
register in the payer's own service codes, and the payer's mapping rules say which code each service gets.

The "Registers" tab builds a draft register for an agreement and a month (the last one by default) and
lists the registers with their status and how many lines are mapped, unmapped, conflicting or excluded.
The lines of the chosen register come with those needing attention first and highlighted: a clerk
corrects such a line by hand (the payer's code, name and amount, with a note) or excludes it with a
note, rebuilds the draft after changing rules, locks it (refused while lines are open) and exports it to
a file in the payer's format.

The "Mapping rules" tab keeps each payer's rules ("the clinic's service X, for a woman of 18 to 60 with
a DMS policy, is the payer's service P at price Z") and lists the pairs of rules that contradict each
other.

Every change goes through `shared.services.registers` on a worker thread; the service decides what is
allowed and its refusal is shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.operations import BackgroundOp, operation_bus
from medcenter_desktop.table_model import ALIGN_LEFT, ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models.billing import REGISTER_LINE_STATES
from shared.services import contracts, registers
from shared.services import register_rules as rr
from workstations.contracts import _pages_common as common

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

_Index = QModelIndex | QPersistentModelIndex

CONTEXT = "RegistersPage"
MONTH_FORMAT = "MM.yyyy"

STATUS_NAMES = {
    "draft": QT_TRANSLATE_NOOP("RegistersPage", "draft"),
    "locked": QT_TRANSLATE_NOOP("RegistersPage", "locked"),
    "exported": QT_TRANSLATE_NOOP("RegistersPage", "exported"),
}
STATE_NAMES = {
    "mapped": QT_TRANSLATE_NOOP("RegistersPage", "mapped"),
    "unmapped": QT_TRANSLATE_NOOP("RegistersPage", "no rule"),
    "conflict": QT_TRANSLATE_NOOP("RegistersPage", "conflict"),
    "excluded": QT_TRANSLATE_NOOP("RegistersPage", "excluded"),
}
assert set(STATE_NAMES) == set(REGISTER_LINE_STATES)
#: The line filter: (key, states asked for, label).
ATTENTION = "attention"
FILTERS = (
    (None, None, QT_TRANSLATE_NOOP("RegistersPage", "All lines (those needing attention first)")),
    (ATTENTION, ("conflict", "unmapped"), QT_TRANSLATE_NOOP("RegistersPage", "Needing attention")),
    ("unmapped", ("unmapped",), QT_TRANSLATE_NOOP("RegistersPage", "No rule")),
    ("conflict", ("conflict",), QT_TRANSLATE_NOOP("RegistersPage", "Conflicts")),
    ("mapped", ("mapped",), QT_TRANSLATE_NOOP("RegistersPage", "Mapped")),
    ("excluded", ("excluded",), QT_TRANSLATE_NOOP("RegistersPage", "Excluded")),
)
STATE_BACKGROUNDS = {"unmapped": "#fbe0e0", "conflict": "#fff1d6"}
MUTED = "#8a98a3"
CLINIC_AMOUNT = QT_TRANSLATE_NOOP("RegistersPage", "clinic's amount")
#: At most this many lines are shown at once (a busy month is 100,000 lines); the filter narrows them.
LINE_LIMIT = 5000
SEX_NAMES = {"M": QT_TRANSLATE_NOOP("RegistersPage", "male"), "F": QT_TRANSLATE_NOOP("RegistersPage", "female")}
POLICY_NAMES = {"oms": QT_TRANSLATE_NOOP("RegistersPage", "OMS"), "dms": QT_TRANSLATE_NOOP("RegistersPage", "DMS")}

REGISTER_CHANGES = common.REGISTER_CHANGES
MAPPING_CHANGES = common.MAPPING_CHANGES


def _t(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def last_month(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and the last day of the month before ``today``'s."""
    last = today.replace(day=1) - dt.timedelta(days=1)
    return last.replace(day=1), last


def month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


class RegisterFileError(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "The register could not be written to {path}: {reason}. Choose another folder or file name.")


def register_format_of(payer: contracts.PayerEntry | None) -> rr.RegisterFormat:
    try:
        return rr.RegisterFormat.from_settings(payer.register_format if payer else None)
    except DomainError:
        return rr.RegisterFormat.default()


# --- Registers and their lines ------------------------------------------------------------------------------


def _col(header: str, getter, alignment=ALIGN_LEFT) -> Column:
    return Column(header, getter, alignment, CONTEXT)


def _count(state: str):
    return lambda r: r.counts.get(state, 0)


def _status_text(r: registers.RegisterInfo) -> str:
    """"draft, built 25.11.2026 10:15", "locked 26.11.2026 09:00", "exported 26.11.2026 09:05"."""
    when = {"draft": r.built_at, "locked": r.locked_at, "exported": r.exported_at}.get(r.status)
    stamp = when.strftime("%d.%m.%Y %H:%M") if when else ""
    if r.status == "draft":
        return QCoreApplication.translate("RegistersPage", "draft, built {when}").format(when=stamp)
    return f"{_t(STATUS_NAMES.get(r.status, r.status))} {stamp}".strip()


REGISTER_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Register"), lambda r: r.number),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Payer"), lambda r: r.payer_name),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Period"), lambda r: common.period_text(r.period_from, r.period_to)),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Status"), _status_text),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Mapped"), _count("mapped"), ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "No rule"), _count("unmapped"), ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Conflicts"), _count("conflict"), ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Excluded"), _count("excluded"), ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Amount"), lambda r: common.money_text(r.total_amount), ALIGN_RIGHT),
)
STATUS_COLUMN, UNMAPPED_COLUMN, CONFLICT_COLUMN = 3, 5, 6


class RegisterModel(DtoTableModel):
    """Registers; open (unmapped, conflicting) counts of a draft highlighted."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        info = self.row_at(index) if index.isValid() else None
        if info is not None and role == Qt.ItemDataRole.BackgroundRole:
            state = {UNMAPPED_COLUMN: "unmapped", CONFLICT_COLUMN: "conflict"}.get(index.column())
            if state and info.counts.get(state):
                return QBrush(QColor(STATE_BACKGROUNDS[state]))
        if info is not None and role == Qt.ItemDataRole.FontRole and index.column() == STATUS_COLUMN \
                and info.status == "draft":
            font = QFont()
            font.setItalic(True)
            return font
        if info is not None and role == Qt.ItemDataRole.ToolTipRole:
            return _register_tooltip(info)
        return super().data(index, role)


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%d.%m.%Y %H:%M")


def _register_tooltip(r: registers.RegisterInfo) -> str:
    built = QCoreApplication.translate("RegistersPage", "Built {when} by {who}")
    lines = [f"{r.number} — {r.agreement_number}, {r.payer_name}",
             built.format(when=_stamp(r.built_at), who=r.built_by)]
    if r.locked_at:
        locked = QCoreApplication.translate("RegistersPage", "Locked {when} by {who}")
        lines.append(locked.format(when=_stamp(r.locked_at), who=r.locked_by or ""))
    if r.exported_at:
        exported = QCoreApplication.translate("RegistersPage", "Exported {when}")
        lines.append(exported.format(when=_stamp(r.exported_at)))
    return "\n".join(lines)


def _payer_code_text(line: registers.RegisterLineInfo) -> str:
    if line.state == "conflict" and line.candidates:
        return " / ".join(line.candidates) + " ?"
    return line.payer_code


LINE_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("RegistersPage", "State"), lambda li: _t(STATE_NAMES.get(li.state, li.state))),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Payer's code"), _payer_code_text),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Payer's service"), lambda li: li.payer_name),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Amount"), lambda li: common.money_text(li.amount), ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Code"), lambda li: li.service_code),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Service"), lambda li: li.service_name),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Qty"), lambda li: li.quantity, ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Performed"), lambda li: li.performed_on),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Patient"), lambda li: li.patient_name),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Born"), lambda li: li.birth_date),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Policy"), lambda li: li.policy_number),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Note"), lambda li: li.note),
)
PAYER_NAME_COLUMN, SERVICE_COLUMN, PATIENT_COLUMN = 2, 5, 8


class LineModel(DtoTableModel):
    """Register lines: no rule in red, conflicts in amber, excluded ones greyed, hand corrections italic."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        line = self.row_at(index) if index.isValid() else None
        if line is not None:
            if role == Qt.ItemDataRole.BackgroundRole and line.state in STATE_BACKGROUNDS:
                return QBrush(QColor(STATE_BACKGROUNDS[line.state]))
            if role == Qt.ItemDataRole.ForegroundRole and line.state == "excluded":
                return QBrush(QColor(MUTED))
            if role == Qt.ItemDataRole.FontRole and line.corrected_by and line.state == "mapped":
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return _line_tooltip(line)
        return super().data(index, role)


def _line_tooltip(line: registers.RegisterLineInfo) -> str:
    texts = {
        "unmapped": QCoreApplication.translate(
            "RegistersPage", "No mapping rule gives this service a code of the payer: correct it by hand or add a "
            "rule and rebuild."),
        "conflict": QCoreApplication.translate(
            "RegistersPage", "Rules of equal priority give different codes: {codes}. Correct it by hand or fix the "
            "rules and rebuild.").format(codes=", ".join(line.candidates)),
        "excluded": QCoreApplication.translate("RegistersPage", "Excluded: {note}").format(note=line.note),
        "mapped": QCoreApplication.translate("RegistersPage", "Corrected by hand by {who}").format(
            who=line.corrected_by) if line.corrected_by else "",
    }
    head = f"{line.service_code} {line.service_name} — {line.patient_name}"
    extra = texts.get(line.state, "")
    return f"{head}\n{extra}" if extra else head


# --- Mapping rules --------------------------------------------------------------------------------------


def rule_conditions(lists: common.ContractLists, rule: contracts.MappingRuleEntry) -> str:
    parts = []
    if rule.service_id is not None:
        parts.append(lists.name_of("service", rule.service_id))
    if rule.service_group_id is not None:
        name = lists.name_of("group", rule.service_group_id)
        parts.append(QCoreApplication.translate("RegistersPage", "group {name}").format(name=name))
    if rule.sex in SEX_NAMES:
        parts.append(_t(SEX_NAMES[rule.sex]))
    if rule.age_min is not None or rule.age_max is not None:
        low = "" if rule.age_min is None else str(rule.age_min)
        high = "" if rule.age_max is None else str(rule.age_max)
        parts.append(QCoreApplication.translate("RegistersPage", "aged {low}–{high}").format(low=low, high=high))
    if rule.policy_kind in POLICY_NAMES:
        kind = _t(POLICY_NAMES[rule.policy_kind])
        parts.append(QCoreApplication.translate("RegistersPage", "{kind} policy").format(kind=kind))
    if rule.result_code is not None:
        parts.append(QCoreApplication.translate("RegistersPage", "result “{code}”").format(code=rule.result_code))
    return ", ".join(parts) or QCoreApplication.translate("RegistersPage", "any service (catch-all)")


def rule_columns(lists_of) -> tuple[Column, ...]:
    return (
        _col(QT_TRANSLATE_NOOP("RegistersPage", "Priority"), lambda r: r.priority, ALIGN_RIGHT),
        _col(QT_TRANSLATE_NOOP("RegistersPage", "When"), lambda r: rule_conditions(lists_of(), r)),
        _col(QT_TRANSLATE_NOOP("RegistersPage", "Payer's code"), lambda r: r.payer_code),
        _col(QT_TRANSLATE_NOOP("RegistersPage", "Payer's price"),
             lambda r: common.money_text(r.payer_price) if r.payer_price is not None else _t(CLINIC_AMOUNT),
             ALIGN_RIGHT),
        _col(QT_TRANSLATE_NOOP("RegistersPage", "Payer's service"), lambda r: r.payer_name),
    )


class RuleModel(DtoTableModel):
    """Mapping rules; those in a conflict highlighted."""

    def __init__(self, columns, parent=None) -> None:
        super().__init__(columns, parent=parent)
        self.conflicting: set[int] = set()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        rule = self.row_at(index) if index.isValid() else None
        if rule is not None and role == Qt.ItemDataRole.BackgroundRole and rule.id in self.conflicting:
            return QBrush(QColor(STATE_BACKGROUNDS["conflict"]))
        return super().data(index, role)


@dataclass(frozen=True)
class ConflictRow:
    id: int  # the pair's place in the list
    first_id: int
    priority: int
    first: str
    second: str


CONFLICT_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Priority"), lambda c: c.priority, ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "One rule"), lambda c: c.first),
    _col(QT_TRANSLATE_NOOP("RegistersPage", "Contradicts"), lambda c: c.second),
)


@dataclass(frozen=True)
class RulesData:
    payer_id: int
    rules: tuple[contracts.MappingRuleEntry, ...]
    conflicts: tuple[rr.RuleConflict, ...]


def _read_rules(conn, payer_id: int) -> RulesData:
    return RulesData(payer_id, tuple(contracts.mapping_rules(conn, payer_id)),
                     tuple(registers.rule_conflicts(conn, payer_id)))


# --- Dialogs --------------------------------------------------------------------------------------------


def _footer(dialog: QDialog) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
    save = QPushButton(dialog)
    save.setObjectName("primaryButton")
    save.setDefault(True)
    cancel = QPushButton(dialog)
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(save)
    row.addWidget(cancel)
    return row, save, cancel


class LineDialog(QDialog):
    """Corrects a register line by hand (the payer's code, name and amount, with a note), or excludes it
    with a note. Known codes of the payer (a conflict's candidates first) can be picked."""

    done = Signal()

    def __init__(self, session: AppSession, line: registers.RegisterLineInfo, *, exclude: bool,
                 known: dict[str, contracts.MappingRuleEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.line, self.exclude, self.known = session, line, exclude, known
        self.busy = False
        self.resize(560, 300 if not exclude else 220)
        self.about_label = QLabel(self)
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_combo = QComboBox(self)
        self.code_combo.setEditable(True)
        self.code_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        codes = list(line.candidates) + sorted(c for c in known if c not in line.candidates)
        for code in codes:
            rule = known.get(code)
            self.code_combo.addItem(f"{code} — {rule.payer_name}" if rule else code, code)
        self.code_combo.setCurrentText(line.payer_code or (codes[0] if len(codes) == 1 else ""))
        self.name_edit = QLineEdit(line.payer_name, self)
        self.name_edit.setMaxLength(300)
        self.amount_edit = QLineEdit(f"{line.amount:.2f}" if line.amount is not None else "", self)
        self.amount_edit.setMaximumWidth(160)
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.note_edit = QLineEdit(line.note, self)
        self.note_edit.setMaxLength(500)
        self.error_label = common.error_label(self)
        buttons, self.save_button, self.cancel_button = _footer(self)
        self.save_button.clicked.connect(self.save)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_labels = common.form_labels(self, (self.code_combo, self.name_edit, self.amount_edit,
                                                     self.note_edit))
        if not exclude:
            self.form.addRow(self.form_labels[0], self.code_combo)
            self.form.addRow(self.form_labels[1], self.name_edit)
            self.form.addRow(self.form_labels[2], self.amount_edit)
        else:
            for widget in (self.code_combo, self.name_edit, self.amount_edit):
                widget.hide()
        self.form.addRow(self.form_labels[3], self.note_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about_label)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.code_combo.activated.connect(lambda _i: self._code_chosen())
        self.retranslate_ui()
        (self.note_edit if exclude else self.code_combo).setFocus()

    def payer_code(self) -> str:
        text = self.code_combo.currentText().strip()
        index = self.code_combo.findText(text)
        return self.code_combo.itemData(index) if index >= 0 else text.split(" — ")[0].strip()

    def save(self) -> None:
        if self.busy:
            return
        common.show_message(self.error_label, "")
        line_id, note = self.line.id, self.note_edit.text()
        if self.exclude:
            def fn(conn, _org):
                registers.exclude_line(conn, line_id, note)
        else:
            code, name, amount = self.payer_code(), self.name_edit.text(), self.amount_edit.text()

            def fn(conn, _org):
                registers.correct_line(conn, line_id, payer_code=code, payer_name=name, amount=amount, note=note)
        self.busy = True
        self.save_button.setEnabled(False)
        common.session_call(self, self.session, fn, REGISTER_CHANGES).success(
            lambda _r: self._saved()).failure(self._refused).run()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Exclude a line from the register") if self.exclude
                            else self.tr("Correct a line of the register"))
        line = self.line
        about = self.tr("{code} {service}, {patient}, performed {day}; the clinic's amount {amount}.").format(
            code=line.service_code, service=line.service_name, patient=line.patient_name,
            day=common.day_text(line.performed_on), amount=common.money_text(line.amount))
        if line.state == "conflict" and line.candidates:
            about += "\n" + self.tr("Rules of equal priority give the codes {codes}: choose one.").format(
                codes=", ".join(line.candidates))
        self.about_label.setText(about)
        texts = (self.tr("Payer's &code"), self.tr("Payer's ser&vice"), self.tr("&Amount"),
                 self.tr("&Why") if self.exclude else self.tr("&Note"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.note_edit.setPlaceholderText(self.tr("For example: the payer does not cover this service")
                                          if self.exclude else self.tr("Optional: why it is mapped so"))
        self.save_button.setText(self.tr("E&xclude") if self.exclude else self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save_button"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _code_chosen(self) -> None:
        rule = self.known.get(self.code_combo.currentData())
        if rule is None:
            return
        self.code_combo.setEditText(rule.payer_code)
        self.name_edit.setText(rule.payer_name)
        if rule.payer_price is not None:
            self.amount_edit.setText(f"{rule.payer_price * self.line.quantity:.2f}")

    def _saved(self) -> None:
        self.busy = False
        self.done.emit()
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        common.show_message(self.error_label, error_text(exc))


class RuleDialog(QDialog):
    """Creates or changes a mapping rule of a payer; the service's refusal is shown in place."""

    saved = Signal(int)

    def __init__(self, session: AppSession, lists: common.ContractLists, payer_id: int,
                 rule: contracts.MappingRuleEntry | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.lists, self.payer_id, self.rule = session, lists, payer_id, rule
        self.busy = False
        self.resize(600, 440)
        self.priority_spin = QSpinBox(self)
        self.priority_spin.setRange(0, 9999)
        self.priority_spin.setValue(rule.priority if rule else 100)
        self.priority_spin.setMaximumWidth(110)
        self.service_combo = common.ChoiceCombo(self, searchable=True)
        self.service_combo.set_choices(common.choice_pairs(lists.services))
        self.group_combo = common.ChoiceCombo(self)
        self.group_combo.set_choices(common.choice_pairs(lists.groups))
        self.sex_combo = QComboBox(self)
        for value in (None, "M", "F"):
            self.sex_combo.addItem("", value)
        self.age_from_spin = common.age_spin(self)
        self.age_to_spin = common.age_spin(self)
        self.age_to_label = QLabel(self)
        self.age_to_label.setBuddy(self.age_to_spin)
        self.policy_combo = QComboBox(self)
        for value in (None, "oms", "dms"):
            self.policy_combo.addItem("", value)
        self.result_check = QCheckBox(self)
        self.result_edit = QLineEdit(self)
        self.result_edit.setMaxLength(20)
        self.result_edit.setMaximumWidth(140)
        self.code_edit = QLineEdit(self)
        self.code_edit.setMaxLength(40)
        self.code_edit.setMaximumWidth(200)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(300)
        self.price_edit = QLineEdit(self)
        self.price_edit.setMaximumWidth(160)
        self.price_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.hint_label = common.muted_label(self)
        self.error_label = common.error_label(self)
        buttons, self.save_button, self.cancel_button = _footer(self)
        self.save_button.clicked.connect(self.save)

        ages = QHBoxLayout()
        ages.addWidget(self.age_from_spin)
        ages.addWidget(self.age_to_label)
        ages.addWidget(self.age_to_spin)
        ages.addStretch(1)
        result = QHBoxLayout()
        result.addWidget(self.result_check)
        result.addWidget(self.result_edit)
        result.addStretch(1)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        buddies = (self.priority_spin, self.service_combo, self.group_combo, self.sex_combo, self.age_from_spin,
                   self.policy_combo, self.result_check, self.code_edit, self.name_edit, self.price_edit)
        fields = (self.priority_spin, self.service_combo, self.group_combo, self.sex_combo, ages,
                  self.policy_combo, result, self.code_edit, self.name_edit, self.price_edit)
        self.form_labels = common.form_labels(self, buddies)
        for label, field in zip(self.form_labels, fields, strict=True):
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        if rule is not None:
            self.service_combo.set_value(rule.service_id)
            self.group_combo.set_value(rule.service_group_id)
            self.sex_combo.setCurrentIndex(max(0, self.sex_combo.findData(rule.sex)))
            common.set_spin(self.age_from_spin, rule.age_min)
            common.set_spin(self.age_to_spin, rule.age_max)
            self.policy_combo.setCurrentIndex(max(0, self.policy_combo.findData(rule.policy_kind)))
            self.result_check.setChecked(rule.result_code is not None)
            self.result_edit.setText(rule.result_code or "")
            self.code_edit.setText(rule.payer_code)
            self.name_edit.setText(rule.payer_name)
            self.price_edit.setText(f"{rule.payer_price:.2f}" if rule.payer_price is not None else "")
        self.result_edit.setEnabled(self.result_check.isChecked())
        self.result_check.toggled.connect(self.result_edit.setEnabled)
        self.retranslate_ui()

    def entry(self) -> contracts.MappingRuleEntry:
        price = common.parse_decimal(self.price_edit.text())
        return contracts.MappingRuleEntry(
            id=self.rule.id if self.rule else None, payer_id=self.payer_id, payer_code=self.code_edit.text(),
            payer_name=self.name_edit.text(), priority=self.priority_spin.value(),
            service_id=self.service_combo.value(), service_group_id=self.group_combo.value(),
            sex=self.sex_combo.currentData(), age_min=common.spin_value(self.age_from_spin),
            age_max=common.spin_value(self.age_to_spin), policy_kind=self.policy_combo.currentData(),
            result_code=self.result_edit.text().strip() if self.result_check.isChecked() else None,
            payer_price=price)  # a typed non-number is refused by the service with its own message

    def save(self) -> None:
        if self.busy:
            return
        common.show_message(self.error_label, "")
        entry = self.entry()
        self.busy = True
        self.save_button.setEnabled(False)
        common.session_call(self, self.session, lambda conn, org: registers.save_mapping_rule(conn, org, entry),
                            MAPPING_CHANGES).success(self._saved).failure(self._refused).run()

    def retranslate_ui(self) -> None:
        payer = self.lists.name_of("payer", self.payer_id)
        self.setWindowTitle((self.tr("Mapping rule") if self.rule else self.tr("New mapping rule")) + f" — {payer}")
        self.hint_label.setText(self.tr(
            "A performed service becomes the payer's service given here when every condition set holds. Of the "
            "rules that match, those with the lowest priority number decide."))
        texts = (self.tr("&Priority"), self.tr("Clinic's ser&vice"), self.tr("Service &group"), self.tr("Se&x"),
                 self.tr("Ag&e from"), self.tr("Polic&y"), self.tr("&Result"), self.tr("Payer's &code"),
                 self.tr("Payer's &name"), self.tr("Payer's pr&ice"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.service_combo.set_any_text(self.tr("any service"))
        self.group_combo.set_any_text(self.tr("any group"))
        for index, text in enumerate((self.tr("either"), self.tr("male"), self.tr("female"))):
            self.sex_combo.setItemText(index, text)
        for index, text in enumerate((self.tr("any or none"), self.tr("OMS"), self.tr("DMS"))):
            self.policy_combo.setItemText(index, text)
        for spin in (self.age_from_spin, self.age_to_spin):
            spin.setSpecialValueText(self.tr("any"))
        self.age_to_label.setText(self.tr("t&o"))
        self.result_check.setText(self.tr("only with the result code"))
        self.result_edit.setPlaceholderText(self.tr("empty = none"))
        self.price_edit.setPlaceholderText(self.tr("the clinic's amount"))
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save_button"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _saved(self, rule_id: int) -> None:
        self.busy = False
        self.saved.emit(rule_id)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        common.show_message(self.error_label, error_text(exc))


# --- The page -------------------------------------------------------------------------------------------


class RegistersPage(QWidget):
    """Tabs: the registers (build, review, correct, lock, export) and the payers' mapping rules."""

    REGISTERS, RULES = range(2)

    def __init__(self, session: AppSession, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self.lists = common.ContractLists(session.organization_id)
        self.registers: list[registers.RegisterInfo] = []
        self.lines: list[registers.RegisterLineInfo] = []
        self.lines_register_id: int | None = None
        self.lines_cut = False  # more lines than LINE_LIMIT match the filter
        self.payer_rules: dict[str, contracts.MappingRuleEntry] = {}  # the chosen register's payer's, by code
        self.rules_data: RulesData | None = None
        self.loading = False
        self.lines_loading = False
        self.rules_loading = False
        self.busy = False
        self.last_export: Path | None = None
        self.dialog: QDialog | None = None  # the last dialog opened (tests look at it)
        self._generation = self._lines_generation = self._rules_generation = 0
        self._select_after_load: int | None = None

        self.title_label = QLabel(self)
        self.title_label.setObjectName("sectionTitle")
        self.lead_label = common.muted_label(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_registers_tab(), "")
        self.tabs.addTab(self._build_rules_tab(), "")
        self.status_label = common.muted_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.lead_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)

        operation_bus().changed.connect(self._changed)
        self.retranslate_ui()
        self._update_buttons()
        self.refresh()

    def _build_registers_tab(self) -> QWidget:
        page = QWidget(self)
        self.agreement_label = QLabel(page)
        self.agreement_combo = QComboBox(page)
        self.agreement_combo.setMinimumContentsLength(30)
        self.agreement_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agreement_label.setBuddy(self.agreement_combo)
        first, _last = last_month(self.today)
        self.month_label = QLabel(page)
        self.month_edit = common.date_edit(page, first, MONTH_FORMAT)
        self.month_edit.setMinimumWidth(100)
        self.month_label.setBuddy(self.month_edit)
        self.period_label = common.muted_label(page, wrap=False)
        self.build_button = QPushButton(page)
        self.build_button.setObjectName("primaryButton")
        self.build_button.clicked.connect(lambda: self.build())
        self.refresh_button = QPushButton(page)
        self.refresh_button.clicked.connect(self.refresh)
        build = QHBoxLayout()
        build.addWidget(self.agreement_label)
        build.addWidget(self.agreement_combo, 1)
        build.addSpacing(12)
        build.addWidget(self.month_label)
        build.addWidget(self.month_edit)
        build.addWidget(self.period_label)
        build.addSpacing(12)
        build.addWidget(self.build_button)
        build.addStretch(0)
        build.addWidget(self.refresh_button)

        top = QWidget(page)
        self.register_model = RegisterModel(REGISTER_COLUMNS, parent=self)
        self.register_view = common.table(top, self.register_model)
        self.rebuild_button = QPushButton(top)
        self.rebuild_button.clicked.connect(lambda: self.rebuild())
        self.lock_button = QPushButton(top)
        self.lock_button.clicked.connect(lambda: self.lock())
        self.export_button = QPushButton(top)
        self.export_button.clicked.connect(lambda: self.export())
        self.discard_button = QPushButton(top)
        self.discard_button.clicked.connect(lambda: self.discard())
        register_buttons = QHBoxLayout()
        for button in (self.rebuild_button, self.lock_button, self.export_button):
            register_buttons.addWidget(button)
        register_buttons.addStretch(1)
        register_buttons.addWidget(self.discard_button)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 4)
        top_layout.addWidget(self.register_view, 1)
        top_layout.addLayout(register_buttons)

        bottom = QWidget(page)
        self.lines_title = QLabel(bottom)
        self.lines_title.setObjectName("sectionTitle")
        self.filter_label = QLabel(bottom)
        self.filter_combo = QComboBox(bottom)
        for key, _states, _text in FILTERS:
            self.filter_combo.addItem("", key)
        self.filter_label.setBuddy(self.filter_combo)
        self.line_model = LineModel(LINE_COLUMNS, parent=self)
        self.line_view = common.table(bottom, self.line_model)
        self.line_view.doubleClicked.connect(lambda *_: self.open_correct())
        self.line_view.activated.connect(lambda *_: self.open_correct())
        self.correct_button = QPushButton(bottom)
        self.correct_button.clicked.connect(lambda: self.open_correct())
        self.exclude_button = QPushButton(bottom)
        self.exclude_button.clicked.connect(lambda: self.open_exclude())
        self.lines_hint = common.muted_label(bottom)
        lines_head = QHBoxLayout()
        lines_head.addWidget(self.lines_title)
        lines_head.addStretch(1)
        lines_head.addWidget(self.filter_label)
        lines_head.addWidget(self.filter_combo)
        lines_buttons = QHBoxLayout()
        lines_buttons.addWidget(self.correct_button)
        lines_buttons.addWidget(self.exclude_button)
        lines_buttons.addSpacing(12)
        lines_buttons.addWidget(self.lines_hint, 1)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        bottom_layout.addLayout(lines_head)
        bottom_layout.addWidget(self.line_view, 1)
        bottom_layout.addLayout(lines_buttons)

        self.register_splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.register_splitter.addWidget(top)
        self.register_splitter.addWidget(bottom)
        self.register_splitter.setStretchFactor(0, 2)
        self.register_splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(page)
        layout.addLayout(build)
        layout.addWidget(self.register_splitter, 1)

        self.month_edit.dateChanged.connect(lambda _d: self._show_period())
        self.register_view.selectionModel().currentChanged.connect(lambda *_: self._register_chosen())
        self.filter_combo.currentIndexChanged.connect(lambda _i: self._load_lines())
        self.line_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        return page

    def _build_rules_tab(self) -> QWidget:
        page = QWidget(self)
        self.payer_label = QLabel(page)
        self.payer_combo = QComboBox(page)
        self.payer_combo.setMinimumContentsLength(30)
        self.payer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.payer_label.setBuddy(self.payer_combo)
        self.format_label = common.muted_label(page, wrap=False)
        self.add_rule_button = QPushButton(page)
        self.add_rule_button.clicked.connect(lambda: self.add_rule())
        self.edit_rule_button = QPushButton(page)
        self.edit_rule_button.clicked.connect(lambda: self.edit_rule())
        self.delete_rule_button = QPushButton(page)
        self.delete_rule_button.clicked.connect(lambda: self.delete_rule())
        self.rule_model = RuleModel(rule_columns(lambda: self.lists), parent=self)
        self.rule_view = common.table(page, self.rule_model)
        self.rule_view.doubleClicked.connect(lambda *_: self.edit_rule())
        self.rule_view.activated.connect(lambda *_: self.edit_rule())
        self.conflicts_title = QLabel(page)
        self.conflicts_title.setObjectName("sectionTitle")
        self.conflict_model = DtoTableModel(CONFLICT_COLUMNS, parent=self)
        self.conflict_view = common.table(page, self.conflict_model)
        self.conflict_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.conflict_view.activated.connect(lambda index: self._conflict_chosen(index))
        self.conflict_view.doubleClicked.connect(lambda index: self._conflict_chosen(index))
        self.conflicts_hint = common.muted_label(page)
        head = QHBoxLayout()
        head.addWidget(self.payer_label)
        head.addWidget(self.payer_combo, 1)
        head.addSpacing(12)
        head.addWidget(self.format_label)
        head.addStretch(0)
        buttons = QHBoxLayout()
        for button in (self.add_rule_button, self.edit_rule_button, self.delete_rule_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        conflicts = QWidget(page)
        conflicts_layout = QVBoxLayout(conflicts)
        conflicts_layout.setContentsMargins(0, 4, 0, 0)
        conflicts_layout.addWidget(self.conflicts_title)
        conflicts_layout.addWidget(self.conflicts_hint)
        conflicts_layout.addWidget(self.conflict_view, 1)
        rules = QWidget(page)
        rules_layout = QVBoxLayout(rules)
        rules_layout.setContentsMargins(0, 0, 0, 4)
        rules_layout.addLayout(buttons)
        rules_layout.addWidget(self.rule_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(rules)
        splitter.addWidget(conflicts)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        self.payer_combo.currentIndexChanged.connect(lambda _i: self.load_rules())
        self.rule_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        return page

    # --- Public API: registers ---------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        """The month the next register is built for."""
        return month_bounds(common.pydate(self.month_edit))

    def set_month(self, day: dt.date) -> None:
        self.month_edit.setDate(common.qdate(day.replace(day=1)))

    def set_agreement(self, agreement_id: int) -> bool:
        index = self.agreement_combo.findData(agreement_id)
        if index >= 0:
            self.agreement_combo.setCurrentIndex(index)
        return index >= 0

    def refresh(self) -> None:
        """Reads the lists and the registers again (and the chosen register's lines)."""
        self._generation += 1
        generation = self._generation
        self.loading = True
        common.load_with_lists(self, self.session, registers.registers).success(
            lambda data: self._loaded(*data) if generation == self._generation else None
        ).failure(self._load_failed).run()

    def current_register(self) -> registers.RegisterInfo | None:
        index = self.register_view.currentIndex()
        return self.register_model.row_at(index) if index.isValid() else None

    def select_register(self, register_id: int) -> bool:
        index = self.register_model.index_for_id(register_id)
        if index.isValid():
            self.register_view.setCurrentIndex(index)
            return True
        return False

    def register(self, register_id: int) -> registers.RegisterInfo | None:
        return next((r for r in self.registers if r.id == register_id), None)

    def current_line(self) -> registers.RegisterLineInfo | None:
        index = self.line_view.currentIndex()
        return self.line_model.row_at(index) if index.isValid() else None

    def select_line(self, line_id: int) -> bool:
        index = self.line_model.index_for_id(line_id)
        if index.isValid():
            self.line_view.setCurrentIndex(index)
            return True
        return False

    def set_filter(self, key: str | None) -> None:
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(key)))

    def build(self) -> None:
        """Builds a draft register of the chosen agreement for the chosen month."""
        agreement_id = self.agreement_combo.currentData()
        if agreement_id is None or self.busy:
            return
        first, last = self.period
        self._building = True
        self._run(lambda conn, _org: registers.build_register(conn, agreement_id, first, last),
                  self._built, self.tr("Building the register…"))

    def rebuild(self) -> None:
        info = self.current_register()
        if info is None or self.busy:
            return
        register_id, version = info.id, info.version
        self._run(lambda conn, _org: registers.rebuild_register(conn, register_id, version),
                  lambda _r: self._done(self.tr("The register is mapped again with the current rules; lines "
                                                "corrected or excluded by hand are kept.")),
                  self.tr("Rebuilding the register…"))

    def lock(self) -> None:
        info = self.current_register()
        if info is None or self.busy:
            return
        register_id, version = info.id, info.version
        self._run(lambda conn, _org: registers.lock_register(conn, register_id, version),
                  lambda _r: self._done(self.tr("The register is locked: it can be exported now.")))

    def discard(self, *, ask: bool = True) -> None:
        info = self.current_register()
        if info is None or self.busy:
            return
        if ask and not common.confirm(self, self.tr("Registers"), self.tr(
                "Discard the draft register {number}? Its services become free for another register.").format(
                number=info.number)):
            return
        register_id, version = info.id, info.version
        self._run(lambda conn, _org: registers.delete_register(conn, register_id, version),
                  lambda _r: self._done(self.tr("The draft register is discarded.")))

    def suggested_file_name(self, info: registers.RegisterInfo) -> str:
        payer = next((p for p in self.lists.payers if p.id == info.payer_id), None)
        extension = register_format_of(payer).format
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in info.number).strip("_") or "register"
        return f"{safe}.{extension}"

    def export(self) -> None:
        """Asks where to save the locked register, then exports it there."""
        info = self.current_register()
        if info is None or self.busy:
            return
        folder = (self.last_export.parent if self.last_export else
                  Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)))
        name = self.suggested_file_name(info)
        extension = name.rsplit(".", 1)[-1]
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the register"), str(folder / name),
            self.tr("Register files (*.{extension});;All files (*)").format(extension=extension))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Exports the chosen register to ``path`` in its payer's format and marks it exported; the file
        is written before the mark is committed, so a failed write leaves the register as it was."""
        info = self.current_register()
        if info is None or self.busy:
            return
        register_id = info.id

        def fn(conn, _org):
            _name, content = registers.export_register(conn, register_id)
            try:
                path.write_bytes(content)
            except OSError as exc:
                raise RegisterFileError(path=str(path), reason=exc.strerror or type(exc).__name__) from None
            return len(content)

        self._run(fn, lambda size: self._exported(path, size), self.tr("Exporting the register…"))

    def open_correct(self) -> LineDialog | None:
        return self._open_line(exclude=False)

    def open_exclude(self) -> LineDialog | None:
        return self._open_line(exclude=True)

    def correct_line(self, line_id: int, *, payer_code: str, payer_name: str, amount, note: str = "") -> None:
        """Maps a line by hand without the dialog."""
        self._run(lambda conn, _org: registers.correct_line(conn, line_id, payer_code=payer_code,
                                                            payer_name=payer_name, amount=amount, note=note),
                  lambda _r: self._done(self.tr("The line is corrected.")))

    def exclude_line(self, line_id: int, note: str) -> None:
        self._run(lambda conn, _org: registers.exclude_line(conn, line_id, note),
                  lambda _r: self._done(self.tr("The line is excluded from the register.")))

    # --- Public API: mapping rules -----------------------------------------------------------------

    def set_payer(self, payer_id: int) -> bool:
        index = self.payer_combo.findData(payer_id)
        if index >= 0:
            self.payer_combo.setCurrentIndex(index)
        return index >= 0

    def load_rules(self) -> None:
        payer_id = self.payer_combo.currentData()
        if payer_id is None:
            return
        self._rules_generation += 1
        generation = self._rules_generation
        self.rules_loading = True
        common.session_call(self, self.session, lambda conn, _org: _read_rules(conn, payer_id),
                            commit=False).success(
            lambda data: self._rules_loaded(data) if generation == self._rules_generation else None
        ).failure(self._load_failed).run()

    def current_rule(self) -> contracts.MappingRuleEntry | None:
        index = self.rule_view.currentIndex()
        return self.rule_model.row_at(index) if index.isValid() else None

    def add_rule(self) -> RuleDialog | None:
        return self._open_rule(None)

    def edit_rule(self) -> RuleDialog | None:
        rule = self.current_rule()
        return self._open_rule(rule) if rule is not None else None

    def delete_rule(self, *, ask: bool = True) -> None:
        rule = self.current_rule()
        if rule is None:
            return
        if ask and not common.confirm(self, self.tr("Mapping rules"), self.tr(
                "Delete the rule giving {code} ({when})? Registers already built keep their lines.").format(
                code=rule.payer_code, when=rule_conditions(self.lists, rule))):
            return
        rule_id = rule.id
        common.session_call(self, self.session, lambda conn, _org: registers.delete_mapping_rule(conn, rule_id),
                            MAPPING_CHANGES).success(
            lambda _r: common.set_status(self.status_label, self.tr("The rule is deleted."))
        ).failure(self._refused).run()

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Payer registers"))
        self.lead_label.setText(self.tr(
            "A register lists the services performed in a month under an agreement, in the payer's own codes. "
            "Build it, correct or exclude the lines no rule maps, lock it and export it to a file."))
        self.tabs.setTabText(self.REGISTERS, self.tr("&Registers"))
        self.tabs.setTabText(self.RULES, self.tr("Mapp&ing rules"))
        self.agreement_label.setText(self.tr("&Agreement"))
        self.month_label.setText(self.tr("Mo&nth"))
        self.build_button.setText(self.tr("&Build"))
        self.refresh_button.setText(self.tr("Refres&h"))
        self.rebuild_button.setText(self.tr("Reb&uild"))
        self.rebuild_button.setToolTip(self.tr("Map the draft again with the current rules and add services "
                                               "performed since; hand corrections are kept"))
        self.lock_button.setText(self.tr("&Lock"))
        self.lock_button.setToolTip(self.tr("Freeze the register for export (every line mapped or excluded)"))
        self.export_button.setText(self.tr("E&xport…"))
        self.discard_button.setText(self.tr("Discard dra&ft"))
        self.filter_label.setText(self.tr("&Show"))
        for index, (_key, _states, text) in enumerate(FILTERS):
            self.filter_combo.setItemText(index, _t(text))
        self.correct_button.setText(self.tr("&Correct…"))
        self.exclude_button.setText(self.tr("Exclu&de…"))
        self.lines_hint.setText(self.tr("Red: no rule maps the service; amber: rules contradict each other. "
                                        "Enter or a double click corrects a line."))
        self.payer_label.setText(self.tr("&Payer"))
        self.add_rule_button.setText(self.tr("&Add rule…"))
        self.edit_rule_button.setText(self.tr("C&hange…"))
        self.delete_rule_button.setText(self.tr("D&elete"))
        self.conflicts_title.setText(self.tr("Contradicting rules"))
        self._show_period()
        self._show_lines_title()
        self._show_conflicts_hint()
        self._show_format()
        for model in (self.register_model, self.line_model, self.rule_model, self.conflict_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "conflict_model"):
            self.retranslate_ui()
            # Cells are computed when set: show them in the new language.
            register, line = self.current_register(), self.current_line()
            self.register_model.set_rows(self.registers)
            self.line_model.set_rows(self.lines)
            if register is not None:
                self.select_register(register.id)
            if line is not None:
                self.select_line(line.id)
            if self.rules_data is not None:
                self._rules_loaded(self.rules_data)
        super().changeEvent(event)

    # --- Internals: registers ----------------------------------------------------------------------

    def _run(self, fn, success, progress: str | None = None) -> None:
        self._set_busy(True)
        op: BackgroundOp = common.session_call(self, self.session, fn, REGISTER_CHANGES)
        if progress:
            op = op.with_progress(progress)
        op.success(lambda result: (self._set_busy(False), success(result))).failure(self._refused).run()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _loaded(self, lists: common.ContractLists, infos: list[registers.RegisterInfo]) -> None:
        self.loading = False
        self.lists = lists
        self._fill_agreements()
        self._fill_payers()
        self.registers = infos
        current = self.current_register()
        keep = self._select_after_load or (current.id if current is not None else None)
        self.register_model.set_rows(infos)
        self.register_view.resizeColumnsToContents()
        self.register_view.setColumnWidth(1, min(self.register_view.columnWidth(1), 240))
        if keep is not None and self.select_register(keep):
            self._select_after_load = None
        elif self.register_model.rowCount():
            self.register_view.setCurrentIndex(self.register_model.index(0, 0))
        if self.current_register() is not None:
            self._load_lines()
        else:
            self.line_model.set_rows([])
            self._show_lines_title()
        self._update_buttons()

    def _fill_agreements(self) -> None:
        current = self.agreement_combo.currentData()
        self.agreement_combo.blockSignals(True)
        self.agreement_combo.clear()
        for a in self.lists.agreements:
            if a.kind == "individual" and a.payer_id is not None:
                self.agreement_combo.addItem(common.agreement_label(a), a.id)
        self.agreement_combo.blockSignals(False)
        if current is not None:
            self.set_agreement(current)

    def _fill_payers(self) -> None:
        current = self.payer_combo.currentData()
        self.payer_combo.blockSignals(True)
        self.payer_combo.clear()
        for p in self.lists.payers:
            if p.kind != "individual":
                self.payer_combo.addItem(p.name, p.id)
        self.payer_combo.blockSignals(False)
        if current is None or not self.set_payer(current):
            if self.payer_combo.count():
                self.payer_combo.setCurrentIndex(0)
        self.load_rules()

    def _show_period(self) -> None:
        first, last = self.period
        self.period_label.setText(f"{common.day_text(first)} – {common.day_text(last)}")

    def _register_chosen(self) -> None:
        info = self.current_register()
        if info is not None and info.id != self.lines_register_id:
            self._load_lines()
        self._update_buttons()

    def _load_lines(self) -> None:
        info = self.current_register()
        if info is None:
            return
        register_id, payer_id = info.id, info.payer_id
        states = next(s for key, s, _text in FILTERS if key == self.filter_combo.currentData())
        self._lines_generation += 1
        generation = self._lines_generation
        self.lines_loading = True

        def read(conn, _org):
            lines: list[registers.RegisterLineInfo] = []
            for state in states or (None,):
                lines += registers.register_lines(conn, register_id, state=state, limit=LINE_LIMIT + 1 - len(lines))
                if len(lines) > LINE_LIMIT:
                    break
            return lines, contracts.mapping_rules(conn, payer_id)

        common.session_call(self, self.session, read, commit=False).success(
            lambda data: self._lines_loaded(register_id, *data) if generation == self._lines_generation else None
        ).failure(self._load_failed).run()

    def _lines_loaded(self, register_id: int, lines: list[registers.RegisterLineInfo],
                      rules: list[contracts.MappingRuleEntry]) -> None:
        self.lines_loading = False
        current = self.current_line()
        keep = current.id if current is not None and register_id == self.lines_register_id else None
        self.lines_register_id = register_id
        self.lines_cut = len(lines) > LINE_LIMIT
        self.lines = lines[:LINE_LIMIT]
        self.payer_rules = {}
        for rule in rules:
            self.payer_rules.setdefault(rule.payer_code, rule)
        self.line_model.set_rows(self.lines)
        self.line_view.resizeColumnsToContents()
        for column, widest in ((PAYER_NAME_COLUMN, 240), (SERVICE_COLUMN, 240), (PATIENT_COLUMN, 220)):
            self.line_view.setColumnWidth(column, min(self.line_view.columnWidth(column), widest))
        if keep is None or not self.select_line(keep):
            if self.line_model.rowCount():
                self.line_view.setCurrentIndex(self.line_model.index(0, 0))
        self._show_lines_title()
        self._update_buttons()

    def _show_lines_title(self) -> None:
        info = self.register(self.lines_register_id) if self.lines_register_id is not None else None
        if info is None:
            self.lines_title.setText(self.tr("Lines"))
            return
        title = self.tr("Lines of {number}: {open} need attention").format(
            number=info.number, open=info.open_count) if info.open_count else \
            self.tr("Lines of {number}").format(number=info.number)
        if self.lines_cut:
            title += " " + self.tr("(the first {count} shown: choose what to show)").format(count=LINE_LIMIT)
        self.lines_title.setText(title)

    def _open_line(self, *, exclude: bool) -> LineDialog | None:
        info = self.register(self.lines_register_id) if self.lines_register_id is not None else None
        line = self.current_line()
        if line is None or info is None or info.status != "draft":
            return None
        dialog = LineDialog(self.session, line, exclude=exclude, known=self.payer_rules, parent=self)
        dialog.done.connect(lambda: common.set_status(
            self.status_label, self.tr("The line is excluded from the register.") if exclude
            else self.tr("The line is corrected.")))
        return self._open(dialog)

    def _open(self, dialog: QDialog):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _built(self, register_id: int) -> None:
        self._building = False
        self._select_after_load = register_id
        self.set_filter(None)
        common.set_status(self.status_label, self.tr("The draft register is built: check the lines needing "
                                                     "attention, then lock it."))

    def _exported(self, path: Path, size: int) -> None:
        self.last_export = path
        common.set_status(self.status_label, self.tr("The register is exported to {path} ({size} bytes).").format(
            path=str(path), size=size))

    def _done(self, text: str) -> None:
        common.set_status(self.status_label, text)

    def _refused(self, exc: Exception) -> None:
        self._set_busy(False)
        common.set_status(self.status_label, error_text(exc), error=True)
        # "Nothing left to build" is an answer, not a failure: the status line says it.
        quiet = getattr(self, "_building", False) and isinstance(exc, registers.RegisterRefused)
        self._building = False
        if not quiet:
            show_error(self, exc)

    def _load_failed(self, exc: Exception) -> None:
        self.loading = self.lines_loading = self.rules_loading = False
        common.set_status(self.status_label, error_text(exc), error=True)

    def _update_buttons(self) -> None:
        info = self.current_register()
        draft = info is not None and info.status == "draft"
        idle = not self.busy
        self.build_button.setEnabled(idle and self.agreement_combo.count() > 0)
        self.rebuild_button.setEnabled(idle and draft)
        self.lock_button.setEnabled(idle and draft)
        self.discard_button.setEnabled(idle and draft)
        self.export_button.setEnabled(idle and info is not None and info.status in ("locked", "exported"))
        shown = self.register(self.lines_register_id) if self.lines_register_id is not None else None
        editable = idle and shown is not None and shown.status == "draft" and self.current_line() is not None
        self.correct_button.setEnabled(editable)
        self.exclude_button.setEnabled(editable)
        rule = self.rule_view.currentIndex().isValid()
        self.add_rule_button.setEnabled(self.payer_combo.currentData() is not None)
        self.edit_rule_button.setEnabled(rule)
        self.delete_rule_button.setEnabled(rule)

    # --- Internals: mapping rules -------------------------------------------------------------------

    def _open_rule(self, rule: contracts.MappingRuleEntry | None) -> RuleDialog | None:
        payer_id = self.payer_combo.currentData()
        if payer_id is None:
            return None
        dialog = RuleDialog(self.session, self.lists, payer_id, rule, self)
        dialog.saved.connect(lambda _id: common.set_status(self.status_label, self.tr(
            "The rule is saved. Rebuild draft registers of this payer to apply it.")))
        return self._open(dialog)

    def _rules_loaded(self, data: RulesData) -> None:
        self.rules_loading = False
        current = self.current_rule()
        self.rules_data = data
        by_id = {r.id: r for r in data.rules}
        self.rule_model.conflicting = {c.first.id for c in data.conflicts} | {c.second.id for c in data.conflicts}
        self.rule_model.set_rows(data.rules)
        self.rule_view.resizeColumnsToContents()
        self.rule_view.setColumnWidth(1, min(max(self.rule_view.columnWidth(1), 200), 420))
        if current is not None and self.rule_model.index_for_id(current.id).isValid():
            self.rule_view.setCurrentIndex(self.rule_model.index_for_id(current.id))

        def describe(rule: rr.MappingRule) -> str:
            entry = by_id.get(rule.id)
            when = rule_conditions(self.lists, entry) if entry else ""
            price = (common.money_text(rule.payer_price) if rule.payer_price is not None
                     else _t(CLINIC_AMOUNT))
            return f"{rule.payer_code} ({price}) — {when}"

        self.conflict_model.set_rows([ConflictRow(n, c.first.id, c.first.priority, describe(c.first),
                                                  describe(c.second)) for n, c in enumerate(data.conflicts)])
        self.conflict_view.resizeColumnToContents(0)
        self._show_conflicts_hint()
        self._show_format()
        self._update_buttons()

    def _show_conflicts_hint(self) -> None:
        count = len(self.rules_data.conflicts) if self.rules_data else 0
        if count:
            self.conflicts_hint.setText(self.tr(
                "These pairs of rules of one priority can both match a service but give different codes or "
                "prices: such services become conflicts in a register. Give one rule a lower priority number, "
                "narrow its conditions or make them agree. Enter on a pair shows its first rule."))
        else:
            self.conflicts_hint.setText(self.tr("No rules of this payer contradict each other."))
        self.conflict_view.setVisible(bool(count))

    def _show_format(self) -> None:
        payer = next((p for p in self.lists.payers if p.id == self.payer_combo.currentData()), None)
        if payer is None:
            self.format_label.setText("")
            return
        fmt = register_format_of(payer)
        self.format_label.setText(self.tr("Register file: {format}, {encoding}").format(
            format=fmt.format.upper(), encoding=fmt.encoding_name))

    def _conflict_chosen(self, index: QModelIndex) -> None:
        row = self.conflict_model.row_at(index)
        if row is None:
            return
        found = self.rule_model.index_for_id(row.first_id)
        if found.isValid():
            self.rule_view.setCurrentIndex(found)
            self.rule_view.setFocus()

    def _changed(self, changes) -> None:
        changes = set(changes)
        if REGISTER_CHANGES in changes or common.LIST_CHANGES & changes:
            self.refresh()
        elif MAPPING_CHANGES in changes:
            self.load_rules()
