"""The service catalogue: service groups (added and renamed in place), the services filtered by group and
by code or name, the editor of a service's catalogue card, and the specification of a complex service
(its ordered steps, each optional or not and with its own duration if it differs).

Every change goes through `_page_ops` (a catalogue service call on a worker thread); the service decides
what is valid and its refusal is shown beside the button that asked, the input kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import operation_bus
from medcenter_desktop.table_model import ALIGN_RIGHT, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.models.scheduling import SERVICE_KINDS, VAT_RATES
from shared.services.catalogue import Component, ServiceEntry, ServiceGroupInfo
from workstations.contracts import _page_ops as ops
from workstations.contracts._page_kit import (
    SERVICE_KIND_NAMES,
    SEX_NAMES,
    VAT_NAMES,
    DialogButtons,
    OptionalDate,
    OptionalSpin,
    RowFilter,
    chosen_data,
    col,
    confirm,
    error_label,
    fill_combo,
    form_labels,
    form_scroll,
    key,
    make_table,
    muted_label,
    name_of,
    searchable,
    section_title,
    set_status,
    show_message,
    text_matches,
    watch_edits,
)

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

SHORT_KIND_NAMES = {
    "simple": QT_TRANSLATE_NOOP("ContractsTexts", "Simple"),
    "complex": QT_TRANSLATE_NOOP("ContractsTexts", "Complex"),
}
ALL_GROUPS = "all"
NO_GROUP = "none"


def service_choice_text(entry: ServiceEntry) -> str:
    return f"{entry.code} — {entry.name}"


# --- Group dialog ---------------------------------------------------------------------------------------


class GroupDialog(QDialog):
    """Adds a service group or renames one; the service's refusal is shown and the input kept."""

    def __init__(self, session: AppSession, group: ServiceGroupInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.group = session, group
        self.saved_id: int | None = None
        self.code_edit = QLineEdit(group.code if group else "", self)
        self.code_edit.setMaxLength(30)
        self.name_edit = QLineEdit(group.name if group else "", self)
        self.name_edit.setMaxLength(200)
        self.name_edit.setMinimumWidth(320)
        self.error_label = error_label(self)
        self.buttons = DialogButtons(self)
        self.buttons.main_button.clicked.connect(self.save)
        self.labels = form_labels(self, (self.code_edit, self.name_edit))
        form = QFormLayout()
        form.addRow(self.labels[0], self.code_edit)
        form.addRow(self.labels[1], self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def save(self) -> None:
        show_message(self.error_label, "")
        self.buttons.main_button.setEnabled(False)
        ops.save_group(parent=self, session=self.session, code=self.code_edit.text(), name=self.name_edit.text(),
                       group_id=self.group.id if self.group else None).success(self._saved).failure(
            self._refused).run()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Rename the group") if self.group else self.tr("New service group"))
        self.labels[0].setText(self.tr("&Code"))
        self.labels[1].setText(self.tr("&Name"))
        self.code_edit.setPlaceholderText(self.tr("For example: LAB"))
        self.name_edit.setPlaceholderText(self.tr("For example: Laboratory tests"))
        self.buttons.retranslate_ui(self.tr("&Save"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _saved(self, group_id: int) -> None:
        self.saved_id = group_id
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.buttons.main_button.setEnabled(True)
        show_message(self.error_label, error_text(exc))


# --- Service card ---------------------------------------------------------------------------------------


class ServiceForm(QWidget):
    """The catalogue card of one service, as typed; `entry` builds what the service will check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False
        self._loading = False
        self.code_edit = QLineEdit(self)
        self.code_edit.setMaxLength(30)
        self.kind_combo = QComboBox(self)
        for kind in SERVICE_KINDS:
            self.kind_combo.addItem("", kind)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(300)
        self.group_combo = QComboBox(self)
        self.department_combo = QComboBox(self)
        self.duration_spin = QSpinBox(self)
        self.duration_spin.setRange(1, 1440)
        self.duration_spin.setValue(15)
        self.duration_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.duration_spin.setMinimumWidth(110)
        self.vat_combo = QComboBox(self)
        for rate in VAT_RATES:
            self.vat_combo.addItem("", rate)
        self.sex_combo = QComboBox(self)
        for sex in SEX_NAMES:
            self.sex_combo.addItem("", sex)
        self.age_min_spin = OptionalSpin(0, 150, self)
        self.age_max_spin = OptionalSpin(0, 150, self)
        self.age_to_label = QLabel(self)
        self.active_from = OptionalDate(self)
        self.active_to = OptionalDate(self)
        self.active_check = QCheckBox(self)
        self.active_check.setChecked(True)
        self.preparation_edit = self._text_box()
        self.indications_edit = self._text_box()
        self.contraindications_edit = self._text_box()

        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        self.kind_label = QLabel(self)
        self.kind_label.setBuddy(self.kind_combo)
        code_row.addSpacing(8)
        code_row.addWidget(self.kind_label)
        code_row.addWidget(self.kind_combo, 1)
        duration_row = QHBoxLayout()
        duration_row.addWidget(self.duration_spin)
        duration_row.addSpacing(8)
        self.vat_label = QLabel(self)
        self.vat_label.setBuddy(self.vat_combo)
        duration_row.addWidget(self.vat_label)
        duration_row.addWidget(self.vat_combo, 1)
        who_row = QHBoxLayout()
        who_row.addWidget(self.sex_combo)
        who_row.addSpacing(8)
        self.age_label = QLabel(self)
        self.age_label.setBuddy(self.age_min_spin)
        who_row.addWidget(self.age_label)
        who_row.addWidget(self.age_min_spin)
        who_row.addSpacing(4)
        who_row.addWidget(self.age_to_label)
        who_row.addSpacing(4)
        who_row.addWidget(self.age_max_spin)
        who_row.addStretch(1)
        period_row = QHBoxLayout()
        period_row.addWidget(self.active_from)
        period_row.addWidget(self.active_to)
        period_row.addStretch(1)

        self.labels = form_labels(self, (self.code_edit, self.name_edit, self.group_combo, self.department_combo,
                                         self.duration_spin, self.sex_combo, self.active_from,
                                         self.preparation_edit, self.indications_edit,
                                         self.contraindications_edit))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(8)
        form.addRow(self.labels[0], code_row)
        form.addRow(self.labels[1], self.name_edit)
        form.addRow(self.labels[2], self.group_combo)
        form.addRow(self.labels[3], self.department_combo)
        form.addRow(self.labels[4], duration_row)
        form.addRow(self.labels[5], who_row)
        form.addRow(self.labels[6], period_row)
        form.addRow("", self.active_check)
        form.addRow(self.labels[7], self.preparation_edit)
        form.addRow(self.labels[8], self.indications_edit)
        form.addRow(self.labels[9], self.contraindications_edit)
        for first, second in zip(
                (self.code_edit, self.kind_combo, self.name_edit, self.group_combo, self.department_combo,
                 self.duration_spin, self.vat_combo, self.sex_combo, self.age_min_spin, self.age_max_spin,
                 self.active_from.check, self.active_from.edit, self.active_to.check, self.active_to.edit,
                 self.active_check, self.preparation_edit, self.indications_edit),
                (self.kind_combo, self.name_edit, self.group_combo, self.department_combo, self.duration_spin,
                 self.vat_combo, self.sex_combo, self.age_min_spin, self.age_max_spin, self.active_from.check,
                 self.active_from.edit, self.active_to.check, self.active_to.edit, self.active_check,
                 self.preparation_edit, self.indications_edit, self.contraindications_edit), strict=True):
            QWidget.setTabOrder(first, second)
        watch_edits(self._edited, self.code_edit, self.kind_combo, self.name_edit, self.group_combo,
                    self.department_combo, self.duration_spin, self.vat_combo, self.sex_combo, self.age_min_spin,
                    self.age_max_spin, self.active_from, self.active_to, self.active_check,
                    self.preparation_edit, self.indications_edit, self.contraindications_edit)
        self.retranslate_ui()

    def _text_box(self) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setTabChangesFocus(True)
        box.setFixedHeight(58)
        return box

    # --- Public API ------------------------------------------------------------------------------

    def set_choices(self, groups: Sequence[ServiceGroupInfo], departments: Sequence[tuple[int, str]]) -> None:
        self._loading = True
        fill_combo(self.group_combo, [(f"{g.code} — {g.name}", g.id) for g in groups], none_text=self.tr("—"))
        fill_combo(self.department_combo, [(name, dep_id) for dep_id, name in departments],
                   none_text=self.tr("—"))
        self._loading = False

    def set_entry(self, entry: ServiceEntry) -> None:
        self._loading = True
        self.code_edit.setText(entry.code)
        self.name_edit.setText(entry.name)
        self.name_edit.setCursorPosition(0)  # a long name is read from its start
        self._choose(self.kind_combo, entry.kind)
        self._choose(self.group_combo, entry.group_id)
        self._choose(self.department_combo, entry.department_id)
        self.duration_spin.setValue(entry.duration_minutes)
        self._choose(self.vat_combo, entry.vat_rate)
        self._choose(self.sex_combo, entry.sex)
        self.age_min_spin.set_value_or_none(entry.age_min)
        self.age_max_spin.set_value_or_none(entry.age_max)
        self.active_from.set_value(entry.active_from)
        self.active_to.set_value(entry.active_to)
        self.active_check.setChecked(entry.is_active)
        self.preparation_edit.setPlainText(entry.preparation)
        self.indications_edit.setPlainText(entry.indications)
        self.contraindications_edit.setPlainText(entry.contraindications)
        self._loading = False
        self.dirty = False

    def entry(self, base: ServiceEntry | None) -> ServiceEntry:
        return ServiceEntry(
            id=base.id if base else None, version=base.version if base else 0,
            code=self.code_edit.text(), name=self.name_edit.text(), kind=self.kind_combo.currentData(),
            group_id=self.group_combo.currentData(), department_id=self.department_combo.currentData(),
            duration_minutes=self.duration_spin.value(), preparation=self.preparation_edit.toPlainText().strip(),
            indications=self.indications_edit.toPlainText().strip(),
            contraindications=self.contraindications_edit.toPlainText().strip(),
            sex=self.sex_combo.currentData(), age_min=self.age_min_spin.value_or_none(),
            age_max=self.age_max_spin.value_or_none(), vat_rate=self.vat_combo.currentData(),
            active_from=self.active_from.value(), active_to=self.active_to.value(),
            is_active=self.active_check.isChecked())

    def retranslate_ui(self) -> None:
        for label, text in zip(self.labels, (
                self.tr("&Code"), self.tr("&Name"), self.tr("&Group"), self.tr("&Department"),
                self.tr("D&uration, min"), self.tr("&Who may have it"), self.tr("Pro&vided"),
                self.tr("&Preparation"), self.tr("&Indications"), self.tr("Contraindicati&ons")), strict=True):
            label.setText(text)
        self.kind_label.setText(self.tr("&Kind"))
        self.vat_label.setText(self.tr("&VAT"))
        self.age_label.setText(self.tr("aged from"))
        self.age_to_label.setText(self.tr("to"))
        for spin in (self.age_min_spin, self.age_max_spin):
            spin.setSpecialValueText(self.tr("any"))
        self.active_from.check.setText(self.tr("from"))
        self.active_to.check.setText(self.tr("until"))
        self.active_check.setText(self.tr("The service is &provided (shown to the registry)"))
        self.code_edit.setPlaceholderText(self.tr("For example: B01.047.001"))
        self.name_edit.setPlaceholderText(self.tr("As the patient and the payer see it"))
        self.preparation_edit.setPlaceholderText(self.tr("What the patient does before coming"))
        for combo, names in ((self.kind_combo, SERVICE_KIND_NAMES), (self.vat_combo, VAT_NAMES),
                             (self.sex_combo, SEX_NAMES)):
            for index in range(combo.count()):
                combo.setItemText(index, name_of(names, combo.itemData(index)))
        for combo in (self.group_combo, self.department_combo):
            if combo.count():
                combo.setItemText(0, self.tr("—"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "contraindications_edit"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    @staticmethod
    def _choose(combo: QComboBox, data) -> None:
        found = combo.findData(data)
        combo.setCurrentIndex(found if found >= 0 else 0)

    def _edited(self) -> None:
        if not self._loading:
            self.dirty = True


# --- Specification --------------------------------------------------------------------------------------


class SpecificationEditor(QWidget):
    """The ordered steps of a complex service: added, removed, moved, then saved as a whole."""

    NUMBER, CODE, NAME, PERFORMER, OPTIONAL, MINUTES = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: list[Component] = []
        #: Who a step may need: (specialty_id, resource_id, name) choices besides "whoever performs it".
        self.performers: list = []
        self.dirty = False
        self.hint = muted_label(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in ((self.NUMBER, 36), (self.PERFORMER, 190), (self.OPTIONAL, 100), (self.MINUTES, 120)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnHidden(self.CODE, True)
        self.table.itemChanged.connect(self._item_changed)
        self.add_combo = searchable(QComboBox(self))
        self.add_combo.setMinimumWidth(260)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_chosen)
        self.up_button = QPushButton(self)
        key(self.up_button, QKeySequence("Ctrl+Up"))
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton(self)
        key(self.down_button, QKeySequence("Ctrl+Down"))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.remove_button = QPushButton(self)
        key(self.remove_button, QKeySequence.StandardKey.Delete)
        self.remove_button.clicked.connect(self.remove)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primaryButton")
        key(self.save_button, QKeySequence.StandardKey.Save)
        self.status_label = muted_label(self)
        self.status_label.hide()
        add_row = QHBoxLayout()
        self.add_label = QLabel(self)
        self.add_label.setBuddy(self.add_combo)
        add_row.addWidget(self.add_label)
        add_row.addWidget(self.add_combo, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.hint)
        body.addWidget(self.table, 1)
        body.addLayout(add_row)
        body.addLayout(buttons)
        body.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.notice)
        layout.addWidget(self.body, 1)
        self.retranslate_ui()
        self.set_available(False, "")

    # --- Public API ------------------------------------------------------------------------------

    def set_available(self, available: bool, notice: str) -> None:
        self.body.setVisible(available)
        self.notice.setVisible(not available)
        self.notice.setText(notice)

    def set_performers(self, performers: Sequence) -> None:
        """Who a step may require (`catalogue.StepPerformer`): a specialty or one resource."""
        self._read_back()
        self.performers = list(performers)
        self._rebuild(select=self.table.currentRow())

    def set_choices(self, services: Sequence[ServiceEntry], own_id: int | None) -> None:
        """The simple services of the catalogue that may become a step."""
        items = [(service_choice_text(s), s.id) for s in services if s.kind == "simple" and s.id != own_id]
        fill_combo(self.add_combo, items, none_text="")
        self.add_combo.setCurrentIndex(0)

    def set_steps(self, steps: Sequence[Component]) -> None:
        self.steps = list(steps)
        self._rebuild()
        self.dirty = False

    def current_steps(self) -> list[Component]:
        self._read_back()
        return list(self.steps)

    def add_step(self, service: ServiceEntry) -> None:
        self._read_back()
        self.steps.append(Component(service_id=service.id, service_code=service.code,
                                    service_name=service.name))
        self._rebuild(select=len(self.steps) - 1)
        self.dirty = True

    def add_chosen(self) -> None:
        service_id = chosen_data(self.add_combo)
        if service_id is None:
            set_status(self.status_label, self.tr("Choose the service to add as a step."), error=True)
            self.add_combo.setFocus()
            return
        if any(s.service_id == service_id for s in self.current_steps()):
            set_status(self.status_label, self.tr("This service is already a step."), error=True)
            return
        code, _, name = self.add_combo.itemText(self.add_combo.findData(service_id)).partition(" — ")
        self.steps.append(Component(service_id=service_id, service_code=code, service_name=name))
        self._rebuild(select=len(self.steps) - 1)
        self.dirty = True
        set_status(self.status_label, "")
        self.add_combo.setCurrentIndex(0)
        self.add_combo.setEditText("")

    def move(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < len(self.steps):
            return
        self._read_back()
        self.steps[row], self.steps[target] = self.steps[target], self.steps[row]
        self._rebuild(select=target)
        self.dirty = True

    def remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self._read_back()
        self.steps.pop(row)
        self._rebuild(select=min(row, len(self.steps) - 1))
        self.dirty = True

    def retranslate_ui(self) -> None:
        self.hint.setText(self.tr(
            "The steps of the complex service in the order they are performed. A step may need a specialty or "
            "one office or device; an optional step may be left out for a patient; the minutes replace the "
            "step's own duration when set."))
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Code"), self.tr("Service"),
                                              self.tr("Performed by"), self.tr("Optional"), self.tr("Minutes")])
        self.add_label.setText(self.tr("Add a s&tep:"))
        self.add_combo.lineEdit().setPlaceholderText(self.tr("Type part of a code or name…"))
        self.add_button.setText(self.tr("&Add"))
        self.up_button.setText(self.tr("Move &up"))
        self.up_button.setToolTip(self.tr("Ctrl+Up"))
        self.down_button.setText(self.tr("Move do&wn"))
        self.down_button.setToolTip(self.tr("Ctrl+Down"))
        self.remove_button.setText(self.tr("&Remove the step"))
        self.remove_button.setToolTip(self.tr("Delete"))
        self.save_button.setText(self.tr("&Save the specification"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self._rebuild(select=self.table.currentRow())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save_button"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _read_back(self) -> None:
        """Takes the optional marks and minutes typed in the table into ``steps``."""
        for row, step in enumerate(self.steps):
            optional_item = self.table.item(row, self.OPTIONAL)
            spin = self.table.cellWidget(row, self.MINUTES)
            performer = self.table.cellWidget(row, self.PERFORMER)
            if optional_item is None or not isinstance(spin, QSpinBox):
                continue
            minutes = spin.value() or None
            specialty_id, resource_id = (performer.currentData() if isinstance(performer, QComboBox)
                                         and performer.currentData() else (step.specialty_id, step.resource_id))
            self.steps[row] = Component(
                service_id=step.service_id, resource_id=resource_id, specialty_id=specialty_id,
                duration_minutes=minutes, optional=optional_item.checkState() == Qt.CheckState.Checked,
                service_code=step.service_code, service_name=step.service_name)

    def _rebuild(self, select: int = -1) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.steps))
        for row, step in enumerate(self.steps):
            number = QTableWidgetItem(str(row + 1))
            number.setTextAlignment(ALIGN_RIGHT)
            self.table.setItem(row, self.NUMBER, number)
            self.table.setItem(row, self.CODE, QTableWidgetItem(step.service_code))
            # The code leads the service's name (its own column is hidden: the performer needs the room).
            name = QTableWidgetItem(f"{step.service_code} {step.service_name}".strip())
            name.setToolTip(step.service_name)
            self.table.setItem(row, self.NAME, name)
            optional = QTableWidgetItem(self.tr("optional"))
            optional.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsUserCheckable)
            optional.setCheckState(Qt.CheckState.Checked if step.optional else Qt.CheckState.Unchecked)
            self.table.setItem(row, self.OPTIONAL, optional)
            self.table.setCellWidget(row, self.PERFORMER, self._performer_combo(step))
            spin = QSpinBox(self.table)
            spin.setRange(0, 1440)
            spin.setSpecialValueText(self.tr("as the service"))
            spin.setValue(step.duration_minutes or 0)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.valueChanged.connect(lambda _v: self._mark_dirty())
            self.table.setCellWidget(row, self.MINUTES, spin)
        self.table.blockSignals(False)
        if 0 <= select < len(self.steps):
            self.table.selectRow(select)
        enabled = bool(self.steps)
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(enabled)

    def _performer_combo(self, step: Component) -> QComboBox:
        combo = QComboBox(self.table)
        combo.addItem(self.tr("whoever performs the service"), (None, None))
        for performer in self.performers:
            text = (self.tr("specialty: {name}").format(name=performer.name) if performer.specialty_id
                    else performer.name)
            combo.addItem(text, (performer.specialty_id, performer.resource_id))
        # findData compares wrapped Python tuples by identity: look for an equal pair instead.
        wanted = (step.specialty_id, step.resource_id)
        combo.setCurrentIndex(next((i for i in range(combo.count()) if combo.itemData(i) == wanted), 0))
        combo.setToolTip(combo.currentText())
        combo.currentIndexChanged.connect(lambda _i: (self._mark_dirty(), combo.setToolTip(combo.currentText())))
        return combo

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == self.OPTIONAL:
            self._mark_dirty()

    def _mark_dirty(self) -> None:
        self.dirty = True


# --- The page -------------------------------------------------------------------------------------------


class CataloguePage(QWidget):
    """Service groups, services and the card and specification of the chosen service."""

    SERVICE_TAB, SPECIFICATION_TAB = 0, 1

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data = ops.CatalogueData()
        self.loading = False
        #: The service in the editor (None: a new one, not saved yet).
        self.current: ServiceEntry | None = None
        self._selected_id: int | None = None
        self._group_filter: int | str = ALL_GROUPS
        self._generation = 0
        self._group_names: dict[int, str] = {}
        self.editor_loading = False
        self._quiet = False

        # Groups.
        self.groups_title = section_title(self)
        self.group_list = QListWidget(self)
        self.group_list.setMinimumWidth(170)
        self.group_list.setWordWrap(True)
        self.group_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_group_button = QPushButton(self)
        self.rename_group_button = QPushButton(self)
        groups_panel = QWidget(self)
        groups_layout = QVBoxLayout(groups_panel)
        groups_layout.setContentsMargins(0, 0, 6, 0)
        groups_layout.addWidget(self.groups_title)
        groups_layout.addWidget(self.group_list, 1)
        groups_layout.addWidget(self.new_group_button)
        groups_layout.addWidget(self.rename_group_button)

        # Services.
        self.services_title = section_title(self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.service_model = DtoTableModel((
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Code"), lambda s: s.code),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Name"), lambda s: s.name),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Kind"), lambda s: name_of(SHORT_KIND_NAMES, s.kind)),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Min."), lambda s: s.duration_minutes, ALIGN_RIGHT),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Provided"), lambda s: s.is_active),
        ), parent=self)
        self.service_filter = RowFilter(self)
        self.service_filter.setSourceModel(self.service_model)
        self.service_view = make_table(self, self.service_filter)
        header = self.service_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 100), (2, 75), (3, 50), (4, 85)):
            self.service_view.setColumnWidth(column, width)
        self.service_view.setSortingEnabled(True)
        self.service_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.count_label = muted_label(self)
        self.new_service_button = QPushButton(self)
        key(self.new_service_button, QKeySequence.StandardKey.New)
        services_panel = QWidget(self)
        services_layout = QVBoxLayout(services_panel)
        services_layout.setContentsMargins(6, 0, 6, 0)
        services_layout.addWidget(self.services_title)
        services_layout.addWidget(self.filter_edit)
        services_layout.addWidget(self.service_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.new_service_button)
        services_layout.addLayout(bottom)

        # Editor.
        self.editor_title = section_title(self)
        self.editor_meta = muted_label(self)
        self.editor_tabs = QTabWidget(self)
        self.form = ServiceForm(self)
        form_holder = QWidget(self)
        holder_layout = QVBoxLayout(form_holder)
        holder_layout.setContentsMargins(10, 10, 10, 10)
        holder_layout.addWidget(self.form)
        holder_layout.addStretch(1)
        scroll = form_scroll(self, form_holder)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primaryButton")
        key(self.save_button, QKeySequence.StandardKey.Save)
        self.revert_button = QPushButton(self)
        self.form_status = muted_label(self)
        self.form_status.hide()
        service_tab = QWidget(self)
        service_layout = QVBoxLayout(service_tab)
        service_layout.setContentsMargins(0, 0, 0, 8)
        service_layout.addWidget(scroll, 1)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(10, 0, 10, 0)
        status_row.addWidget(self.form_status)
        service_layout.addLayout(status_row)
        save_row = QHBoxLayout()
        save_row.setContentsMargins(10, 0, 10, 0)
        save_row.addWidget(self.revert_button)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        service_layout.addLayout(save_row)
        self.specification = SpecificationEditor(self)
        self.editor_tabs.addTab(service_tab, "")
        self.editor_tabs.addTab(self.specification, "")
        editor_panel = QWidget(self)
        editor_layout = QVBoxLayout(editor_panel)
        editor_layout.setContentsMargins(6, 0, 0, 0)
        editor_layout.addWidget(self.editor_title)
        editor_layout.addWidget(self.editor_meta)
        editor_layout.addWidget(self.editor_tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        for panel in (groups_panel, services_panel, editor_panel):
            self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([190, 480, 610])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.splitter, 1)

        self.group_list.currentItemChanged.connect(lambda *_a: self._group_chosen())
        self.group_list.itemDoubleClicked.connect(lambda _i: self.rename_group())
        self.new_group_button.clicked.connect(lambda: self.new_group())
        self.rename_group_button.clicked.connect(lambda: self.rename_group())
        self.filter_edit.textChanged.connect(lambda _t: self._apply_filter())
        self.service_view.selectionModel().currentRowChanged.connect(lambda *_a: self._service_chosen())
        self.new_service_button.clicked.connect(self.new_service)
        self.save_button.clicked.connect(self.save_service)
        self.revert_button.clicked.connect(self.revert)
        self.form.kind_combo.currentIndexChanged.connect(lambda _i: self._show_specification_state())
        self.specification.save_button.clicked.connect(self.save_specification)
        QWidget.setTabOrder(self.filter_edit, self.service_view)
        operation_bus().changed.connect(self._changed)
        self.retranslate_ui()
        self._show_editor_header()
        self.refresh()

    # --- Public API ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.loading = True
        ops.load_catalogue(parent=self, session=self.session).success(self._show_data).failure(
            self._load_failed).run()

    def select_service(self, service_id: int) -> bool:
        index = self.service_filter.index_for_id(service_id)
        if not index.isValid():
            return False
        self.service_view.setCurrentIndex(index)
        self.service_view.scrollTo(index)
        return True

    def selected_service(self) -> ServiceEntry | None:
        return self.service_filter.row_at(self.service_view.currentIndex())

    def new_service(self) -> None:
        if not self._may_leave():
            return
        self._generation += 1  # a card still loading is not shown
        self.editor_loading = False
        self.current = None
        self._selected_id = None
        self.service_view.selectionModel().clearCurrentIndex()
        self.service_view.clearSelection()
        group = self._group_filter if isinstance(self._group_filter, int) else None
        self.form.set_entry(ServiceEntry(id=None, code="", name="", group_id=group))
        self.specification.set_steps(())
        self._show_specification_state()
        self._show_editor_header()
        set_status(self.form_status, "")
        set_status(self.specification.status_label, "")
        self.editor_tabs.setCurrentIndex(self.SERVICE_TAB)
        self.form.code_edit.setFocus()

    def save_service(self) -> None:
        if self.editor_loading:
            return
        entry = self.form.entry(self.current)
        set_status(self.form_status, "")
        self.save_button.setEnabled(False)
        ops.save_service(parent=self, session=self.session, entry=entry).success(self._service_saved).failure(
            self._service_refused).run()

    def revert(self) -> None:
        if self.current is None:
            self.new_service()
        else:
            self.form.dirty = False
            self.specification.dirty = False
            self._load_editor(self.current.id)

    def save_specification(self) -> None:
        if self.current is None or self.current.id is None:
            return
        steps = self.specification.current_steps()
        set_status(self.specification.status_label, "")
        self.specification.save_button.setEnabled(False)
        ops.save_specification(parent=self, session=self.session, service_id=self.current.id,
                               steps=steps).success(self._specification_saved).failure(
            self._specification_refused).run()

    def new_group(self) -> GroupDialog:
        return self._open_group_dialog(None)

    def rename_group(self) -> GroupDialog | None:
        group_id = self._group_filter
        group = next((g for g in self.data.groups if g.id == group_id), None)
        if group is None:
            return None
        return self._open_group_dialog(group)

    def retranslate_ui(self) -> None:
        self.groups_title.setText(self.tr("Groups"))
        self.services_title.setText(self.tr("Services"))
        self.new_group_button.setText(self.tr("New &group…"))
        self.rename_group_button.setText(self.tr("Rena&me the group…"))
        self.filter_edit.setPlaceholderText(self.tr("Find by code or name…"))
        self.new_service_button.setText(self.tr("&New service"))
        self.new_service_button.setToolTip(self.tr("Ctrl+N"))
        self.save_button.setText(self.tr("&Save the service"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.revert_button.setText(self.tr("Undo the changes"))
        self.editor_tabs.setTabText(self.SERVICE_TAB, self.tr("Catalogue card"))
        self.editor_tabs.setTabText(self.SPECIFICATION_TAB, self.tr("Specification (steps)"))
        self._fill_groups()
        self.service_model.set_rows(self.service_model.rows())
        if self._selected_id is not None:
            self.select_service(self._selected_id)
        self._update_count()
        self._show_editor_header()
        self._show_specification_state()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "specification"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _show_data(self, data: ops.CatalogueData) -> None:
        self.loading = False
        self.data = data
        self._group_names = {g.id: g.name for g in data.groups}
        self._fill_groups()
        self.form.set_choices(data.groups, data.departments)  # keeps what is chosen
        self.specification.set_choices(data.services, self.current.id if self.current else None)
        self.specification.set_performers(data.performers)
        self.service_model.set_rows(data.services)
        self.service_view.resizeColumnToContents(0)
        self._apply_filter()
        if self._selected_id is not None:
            self._quietly(lambda: self.select_service(self._selected_id))
        elif self.current is None and not self.form.dirty and self.service_filter.rowCount():
            self.service_view.setCurrentIndex(self.service_filter.index(0, 0))
        self._update_count()

    def _load_failed(self, exc: Exception) -> None:
        self.loading = False
        set_status(self.form_status, error_text(exc), error=True)

    def _fill_groups(self) -> None:
        keep = self._group_filter
        self.group_list.blockSignals(True)
        self.group_list.clear()
        for text, data in ((self.tr("All services"), ALL_GROUPS), (self.tr("Without a group"), NO_GROUP)):
            item = QListWidgetItem(text, self.group_list)
            item.setData(Qt.ItemDataRole.UserRole, data)
        for group in self.data.groups:
            item = QListWidgetItem(f"{group.name}", self.group_list)
            item.setToolTip(f"{group.code} — {group.name}")
            item.setData(Qt.ItemDataRole.UserRole, group.id)
        chosen = 0
        for row in range(self.group_list.count()):
            if self.group_list.item(row).data(Qt.ItemDataRole.UserRole) == keep:
                chosen = row
        self.group_list.setCurrentRow(chosen)
        self.group_list.blockSignals(False)
        self._group_filter = self.group_list.item(chosen).data(Qt.ItemDataRole.UserRole)
        self.rename_group_button.setEnabled(isinstance(self._group_filter, int))

    def _group_chosen(self) -> None:
        item = self.group_list.currentItem()
        self._group_filter = item.data(Qt.ItemDataRole.UserRole) if item is not None else ALL_GROUPS
        self.rename_group_button.setEnabled(isinstance(self._group_filter, int))
        self._apply_filter()

    def _apply_filter(self) -> None:
        group, needle = self._group_filter, self.filter_edit.text()

        def accept(s: ServiceEntry) -> bool:
            if group == NO_GROUP and s.group_id is not None:
                return False
            if isinstance(group, int) and s.group_id != group:
                return False
            return text_matches(needle, s.code, s.name)

        self.service_filter.set_accept(accept)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("Shown: {shown} of {total}").format(
            shown=self.service_filter.rowCount(), total=self.service_model.rowCount()))

    def _may_leave(self) -> bool:
        """True unless unsaved edits are there and the person wants to keep them."""
        if not (self.form.dirty or self.specification.dirty):
            return True
        if confirm(self, self.tr("Catalogue"), self.tr(
                "The service has unsaved changes. Leave them unsaved?")):
            self.form.dirty = self.specification.dirty = False
            return True
        return False

    def _quietly(self, action) -> None:
        """Moves the table's selection without loading the editor."""
        self._quiet = True
        try:
            action()
        finally:
            self._quiet = False

    def _service_chosen(self) -> None:
        if self._quiet:
            return
        entry = self.selected_service()
        if entry is None or entry.id == (self.current.id if self.current else None):
            return
        if not self._may_leave():
            # Back to the service being edited, without asking again.
            current = self.current
            self._quietly(lambda: self.select_service(current.id) if current is not None and current.id
                          else self.service_view.clearSelection())
            return
        self._selected_id = entry.id
        self.current = entry
        self.form.set_entry(entry)
        set_status(self.form_status, "")
        set_status(self.specification.status_label, "")
        self._show_editor_header()
        self._load_editor(entry.id)

    def _load_editor(self, service_id: int) -> None:
        self._generation += 1
        generation = self._generation
        self.editor_loading = True
        ops.load_service(parent=self, session=self.session, service_id=service_id).success(
            lambda result: self._show_service(*result) if generation == self._generation else None
        ).failure(self._load_failed).run()

    def _show_service(self, entry: ServiceEntry | None, steps: tuple[Component, ...]) -> None:
        self.editor_loading = False
        if entry is None:
            self.current = None
            set_status(self.form_status, self.tr("The service no longer exists."), error=True)
            return
        self.current = entry
        self.form.set_entry(entry)
        self.specification.set_choices(self.data.services, entry.id)
        self.specification.set_steps(steps)
        self._show_specification_state()
        self._show_editor_header()

    def _show_editor_header(self) -> None:
        entry = self.current
        if entry is None:
            self.editor_title.setText(self.tr("New service"))
            self.editor_meta.setText(self.tr("Fill in the card and save it (Ctrl+S)."))
            return
        self.editor_title.setText(f"{entry.code} — {entry.name}")
        parts = [name_of(SERVICE_KIND_NAMES, entry.kind), self.tr("{minutes} min").format(
            minutes=entry.duration_minutes)]
        if entry.group_id in self._group_names:
            parts.append(self._group_names[entry.group_id])
        if not entry.is_active:
            parts.append(self.tr("not provided"))
        self.editor_meta.setText(" · ".join(parts))

    def _show_specification_state(self) -> None:
        saved_complex = self.current is not None and self.current.id is not None and self.current.kind == "complex"
        typed_complex = self.form.kind_combo.currentData() == "complex"
        if saved_complex:
            self.specification.set_available(True, "")
        elif typed_complex:
            self.specification.set_available(False, self.tr(
                "Save the service as complex first; then list its steps here."))
        else:
            self.specification.set_available(False, self.tr(
                "A simple service has no steps. Choose the kind “Complex” on the card to make it a set of "
                "services performed together, like a check-up."))

    def _service_saved(self, service_id: int) -> None:
        self.save_button.setEnabled(True)
        self.form.dirty = False
        was_new = self.current is None or self.current.id is None
        self._selected_id = service_id
        set_status(self.form_status, self.tr("The service is saved."))
        self._load_editor(service_id)
        if self.service_filter.index_for_id(service_id).isValid():
            self._quietly(lambda: self.select_service(service_id))
        if was_new and self.form.kind_combo.currentData() == "complex":
            set_status(self.form_status, self.tr("The service is saved. Now list its steps on the "
                                                 "“Specification” tab."))

    def _service_refused(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        set_status(self.form_status, error_text(exc), error=True)

    def _specification_saved(self, steps: tuple[Component, ...]) -> None:
        self.specification.save_button.setEnabled(True)
        self.specification.set_steps(steps)
        set_status(self.specification.status_label, self.tr("The specification is saved: {count} steps.").format(
            count=len(steps)))

    def _specification_refused(self, exc: Exception) -> None:
        self.specification.save_button.setEnabled(True)
        set_status(self.specification.status_label, error_text(exc), error=True)

    def _open_group_dialog(self, group: ServiceGroupInfo | None) -> GroupDialog:
        dialog = GroupDialog(self.session, group, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._group_saved(d.saved_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _group_saved(self, group_id: int | None) -> None:
        if group_id is not None:
            self._group_filter = group_id  # chosen when the catalogue comes again (the save announces it)

    def _changed(self, changes) -> None:
        if ops.CATALOGUE_CHANGES in set(changes):
            self.refresh()

