"""Payers: companies, insurers, the compulsory insurance fund and private persons paying by agreement.

The list is filtered by kind and by name or INN; the editor holds the payer's requisites and the format
the payer wants its registers in (XML or CSV, the encoding, the CSV delimiter and header line, the XML
element names and the columns in order), stored as the ``register_format`` settings that
`RegisterFormat.from_settings` reads. The contracts service checks the INN, KPP, OGRN and the format and
its refusal is shown beside the Save button, the input kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import operation_bus
from medcenter_desktop.table_model import DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.models.billing import PAYER_KINDS
from shared.services.contracts import PayerEntry
from shared.services.register_rules import COLUMN_LABELS, COLUMNS, RegisterFormat
from workstations.contracts import _page_ops as ops
from workstations.contracts._page_kit import (
    PAYER_KIND_NAMES,
    RowFilter,
    choose,
    col,
    confirm,
    form_labels,
    form_scroll,
    key,
    make_table,
    muted_label,
    name_of,
    section_title,
    set_status,
    text_matches,
    watch_edits,
)

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

#: Payers whose registers are exported (a private person pays at the cash desk or by invoice).
REGISTER_KINDS = ("company", "insurer", "oms_fund")
_KIND_ORDER = ("company", "insurer", "oms_fund", "individual")
assert set(_KIND_ORDER) == set(PAYER_KINDS)

TAB = "\t"


def column_label(column: str) -> str:
    text = QCoreApplication.translate("DomainError", COLUMN_LABELS[column])
    return text[:1].upper() + text[1:]


class RegisterFormatEditor(QGroupBox):
    """The register export format of a payer: what `RegisterFormat.from_settings` reads."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stored: dict = {}
        self.format_combo = QComboBox(self)
        self.format_combo.addItem("XML", "xml")
        self.format_combo.addItem("CSV", "csv")
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.addItem("UTF-8", "utf-8")
        self.encoding_combo.addItem("windows-1251", "cp1251")
        self.delimiter_combo = QComboBox(self)
        self.delimiter_combo.setEditable(True)
        self.delimiter_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.delimiter_combo.setMaximumWidth(200)
        self.header_check = QCheckBox(self)
        self.root_edit = QLineEdit(self)
        self.root_edit.setMaxLength(60)
        self.row_edit = QLineEdit(self)
        self.row_edit.setMaxLength(60)
        self.columns_list = QListWidget(self)
        self.columns_list.setMinimumHeight(150)
        self.columns_list.setAlternatingRowColors(True)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.standard_button = QPushButton(self)
        self.up_button.clicked.connect(lambda: self.move_column(-1))
        self.down_button.clicked.connect(lambda: self.move_column(1))
        self.standard_button.clicked.connect(self._standard_columns)
        self.hint = muted_label(self)

        format_row = QHBoxLayout()
        format_row.addWidget(self.format_combo)
        format_row.addSpacing(8)
        self.encoding_label = form_labels(self, (self.encoding_combo,))[0]
        format_row.addWidget(self.encoding_label)
        format_row.addWidget(self.encoding_combo)
        format_row.addStretch(1)
        column_buttons = QVBoxLayout()
        column_buttons.addWidget(self.up_button)
        column_buttons.addWidget(self.down_button)
        column_buttons.addWidget(self.standard_button)
        column_buttons.addStretch(1)
        columns_row = QHBoxLayout()
        columns_row.addWidget(self.columns_list, 1)
        columns_row.addLayout(column_buttons)
        self.labels = form_labels(self, (self.format_combo, self.delimiter_combo, self.root_edit, self.row_edit,
                                         self.columns_list))
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.labels[0], format_row)
        self.form.addRow(self.labels[1], self.delimiter_combo)
        self.form.addRow("", self.header_check)
        self.form.addRow(self.labels[2], self.root_edit)
        self.form.addRow(self.labels[3], self.row_edit)
        self.form.addRow(self.labels[4], columns_row)
        self.form.addRow(self.hint)
        self.format_combo.currentIndexChanged.connect(lambda _i: self._format_changed())
        self.retranslate_ui()
        self.set_settings({})

    # --- Public API ------------------------------------------------------------------------------

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.format_combo, self.encoding_combo, self.delimiter_combo, self.header_check, self.root_edit,
                self.row_edit)

    def set_settings(self, settings: dict) -> None:
        """Shows stored settings; settings that do not read are shown as the defaults they fall back to."""
        self._stored = dict(settings or {})
        try:
            fmt = RegisterFormat.from_settings(self._stored)
        except Exception:  # noqa: BLE001 - a broken stored format is shown as the default, to fix and save
            fmt = RegisterFormat.default()
        choose(self.format_combo, fmt.format)
        choose(self.encoding_combo, fmt.encoding)
        self._set_delimiter(fmt.delimiter)
        self.header_check.setChecked(fmt.csv_header)
        self.root_edit.setText(fmt.xml_root)
        self.row_edit.setText(fmt.xml_row)
        self._show_columns(fmt.columns)
        self._format_changed()

    def settings(self) -> dict:
        """The settings as typed (checked by the service when saved). Untouched defaults of a payer that had
        no format of its own stay empty."""
        delimiter = self.delimiter_combo.currentText()
        if delimiter == self.tr("Tab"):
            delimiter = TAB
        chosen = []
        for row in range(self.columns_list.count()):
            item = self.columns_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(item.data(Qt.ItemDataRole.UserRole))
        settings = {"format": self.format_combo.currentData(), "encoding": self.encoding_combo.currentData(),
                    "delimiter": delimiter, "columns": chosen, "xml_root": self.root_edit.text().strip(),
                    "xml_row": self.row_edit.text().strip(), "csv_header": self.header_check.isChecked()}
        if not self._stored and settings == RegisterFormat.default().to_settings():
            return {}
        return settings

    def move_column(self, delta: int) -> None:
        row = self.columns_list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.columns_list.count():
            return
        item = self.columns_list.takeItem(row)
        self.columns_list.insertItem(target, item)
        self.columns_list.setCurrentRow(target)
        self.columns_list.itemChanged.emit(item)  # counts as an edit

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Register export"))
        for label, text in zip(self.labels, (self.tr("&Format"), self.tr("&Delimiter"), self.tr("Register &element"),
                                             self.tr("&Line element"), self.tr("Colu&mns")), strict=True):
            label.setText(text)
        self.encoding_label.setText(self.tr("E&ncoding"))
        delimiter = self._delimiter()
        self.delimiter_combo.blockSignals(True)
        self.delimiter_combo.clear()
        for text in (";", ",", "|", self.tr("Tab")):
            self.delimiter_combo.addItem(text)
        self.delimiter_combo.blockSignals(False)
        self._set_delimiter(delimiter)
        self.header_check.setText(self.tr("First line with the column &names"))
        self.root_edit.setPlaceholderText("register")
        self.row_edit.setPlaceholderText("line")
        self.up_button.setText(self.tr("Up"))
        self.down_button.setText(self.tr("Down"))
        self.standard_button.setText(self.tr("All, standard order"))
        self.hint.setText(self.tr("Checked columns go into the register in this order. Ask the payer for the "
                                  "format its program reads."))
        for row in range(self.columns_list.count()):
            item = self.columns_list.item(row)
            item.setText(column_label(item.data(Qt.ItemDataRole.UserRole)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "hint"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _delimiter(self) -> str:
        text = self.delimiter_combo.currentText() if self.delimiter_combo.count() else ";"
        return TAB if text == self.tr("Tab") else text

    def _set_delimiter(self, delimiter: str) -> None:
        self.delimiter_combo.setCurrentText(self.tr("Tab") if delimiter == TAB else delimiter)

    def _show_columns(self, chosen: Sequence[str]) -> None:
        self.columns_list.blockSignals(True)
        self.columns_list.clear()
        for column in (*chosen, *(c for c in COLUMNS if c not in chosen)):
            item = QListWidgetItem(column_label(column), self.columns_list)
            item.setData(Qt.ItemDataRole.UserRole, column)
            item.setToolTip(column)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if column in chosen else Qt.CheckState.Unchecked)
        self.columns_list.blockSignals(False)

    def _standard_columns(self) -> None:
        self._show_columns(COLUMNS)
        self.columns_list.itemChanged.emit(self.columns_list.item(0))  # counts as an edit

    def _format_changed(self) -> None:
        csv = self.format_combo.currentData() == "csv"
        for row, visible in ((1, csv), (2, csv), (3, not csv), (4, not csv)):
            self.form.setRowVisible(row, visible)


class PayersPage(QWidget):
    """The payers on the left, the chosen one's requisites and register format on the right."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.payers: tuple[PayerEntry, ...] = ()
        self.loading = False
        #: The payer in the editor (None: a new one, not saved yet).
        self.current: PayerEntry | None = None
        self.dirty = False
        self._filling = False
        self._quiet = False

        # The list.
        self.list_title = section_title(self)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem("", None)
        for kind in _KIND_ORDER:
            self.kind_filter.addItem("", kind)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.inactive_check = QCheckBox(self)
        self.model = DtoTableModel((
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Payer"), lambda p: p.name),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Kind"), lambda p: name_of(PAYER_KIND_NAMES, p.kind)),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "INN"), lambda p: p.inn),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Active"), lambda p: p.is_active),
        ), parent=self)
        self.filter = RowFilter(self)
        self.filter.setSourceModel(self.model)
        self.view = make_table(self, self.filter, stretch_last=False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 135), (2, 105), (3, 60)):
            self.view.setColumnWidth(column, width)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.new_button = QPushButton(self)
        key(self.new_button, QKeySequence.StandardKey.New)
        self.count_label = muted_label(self)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.search_edit, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.inactive_check)
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.new_button)
        list_panel = QWidget(self)
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 6, 0)
        list_layout.addWidget(self.list_title)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.view, 1)
        list_layout.addLayout(bottom)

        # The editor.
        self.editor_title = section_title(self)
        self.kind_combo = QComboBox(self)
        for kind in _KIND_ORDER:
            self.kind_combo.addItem("", kind)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(300)
        self.inn_edit = QLineEdit(self)
        self.inn_edit.setMaxLength(12)
        self.inn_edit.setMaximumWidth(170)
        self.kpp_edit = QLineEdit(self)
        self.kpp_edit.setMaxLength(9)
        self.kpp_edit.setMaximumWidth(130)
        self.ogrn_edit = QLineEdit(self)
        self.ogrn_edit.setMaxLength(15)
        self.ogrn_edit.setMaximumWidth(190)
        self.address_edit = QLineEdit(self)
        self.address_edit.setMaxLength(500)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setMaxLength(50)
        self.email_edit = QLineEdit(self)
        self.email_edit.setMaxLength(200)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(54)
        self.active_check = QCheckBox(self)
        self.register = RegisterFormatEditor(self)
        self.error_label = muted_label(self)
        self.error_label.hide()
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primaryButton")
        key(self.save_button, QKeySequence.StandardKey.Save)
        self.revert_button = QPushButton(self)

        inn_row = QHBoxLayout()
        inn_row.addWidget(self.inn_edit)
        inn_row.addSpacing(8)
        self.kpp_label = form_labels(self, (self.kpp_edit,))[0]
        inn_row.addWidget(self.kpp_label)
        inn_row.addWidget(self.kpp_edit)
        inn_row.addSpacing(8)
        self.ogrn_label = form_labels(self, (self.ogrn_edit,))[0]
        inn_row.addWidget(self.ogrn_label)
        inn_row.addWidget(self.ogrn_edit)
        inn_row.addStretch(1)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.phone_edit, 2)
        contact_row.addSpacing(8)
        self.email_label = form_labels(self, (self.email_edit,))[0]
        contact_row.addWidget(self.email_label)
        contact_row.addWidget(self.email_edit, 3)
        self.labels = form_labels(self, (self.kind_combo, self.name_edit, self.inn_edit, self.address_edit,
                                         self.phone_edit, self.note_edit))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.labels[0], self.kind_combo)
        form.addRow(self.labels[1], self.name_edit)
        form.addRow(self.labels[2], inn_row)
        form.addRow(self.labels[3], self.address_edit)
        form.addRow(self.labels[4], contact_row)
        form.addRow(self.labels[5], self.note_edit)
        form.addRow("", self.active_check)
        holder = QWidget(self)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(10, 10, 10, 10)
        holder_layout.addLayout(form)
        holder_layout.addWidget(self.register)
        holder_layout.addStretch(1)
        scroll = form_scroll(self, holder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        editor_panel = QWidget(self)
        editor_layout = QVBoxLayout(editor_panel)
        editor_layout.setContentsMargins(6, 0, 0, 0)
        editor_layout.addWidget(self.editor_title)
        editor_layout.addWidget(scroll, 1)
        editor_layout.addWidget(self.error_label)
        editor_layout.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(editor_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([600, 680])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.splitter, 1)

        self.kind_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.search_edit.textChanged.connect(lambda _t: self._apply_filter())
        self.inactive_check.toggled.connect(lambda _on: self._apply_filter())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._payer_chosen())
        self.new_button.clicked.connect(lambda: self.new_payer())
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        watch_edits(self._edited, self.kind_combo, self.name_edit, self.inn_edit, self.kpp_edit, self.ogrn_edit,
                    self.address_edit, self.phone_edit, self.email_edit, self.note_edit, self.active_check,
                    *self.register.widgets())
        self.register.delimiter_combo.editTextChanged.connect(lambda _t: self._edited())
        self.register.columns_list.itemChanged.connect(lambda _i: self._edited())
        for first, second in ((self.kind_filter, self.search_edit), (self.search_edit, self.view),
                              (self.view, self.inactive_check), (self.inactive_check, self.new_button),
                              (self.new_button, self.kind_combo), (self.kind_combo, self.name_edit),
                              (self.name_edit, self.inn_edit), (self.inn_edit, self.kpp_edit),
                              (self.kpp_edit, self.ogrn_edit), (self.ogrn_edit, self.address_edit),
                              (self.address_edit, self.phone_edit), (self.phone_edit, self.email_edit),
                              (self.email_edit, self.note_edit), (self.note_edit, self.active_check),
                              (self.active_check, self.register.format_combo)):
            QWidget.setTabOrder(first, second)
        operation_bus().changed.connect(self._changed)
        self.retranslate_ui()
        self._apply_filter()
        self.refresh()

    # --- Public API ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.loading = True
        ops.load_payers(parent=self, session=self.session).success(self._show_payers).failure(
            self._load_failed).run()

    def selected_payer(self) -> PayerEntry | None:
        return self.filter.row_at(self.view.currentIndex())

    def select_payer(self, payer_id: int) -> bool:
        index = self.filter.index_for_id(payer_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        return index.isValid()

    def set_kind_filter(self, kind: str | None) -> None:
        choose(self.kind_filter, kind)

    def new_payer(self, kind: str = "company") -> None:
        if not self._may_leave():
            return
        self._quietly(lambda: (self.view.selectionModel().clearCurrentIndex(), self.view.clearSelection()))
        self._show_entry(PayerEntry(id=None, kind=self.kind_filter.currentData() or kind, name=""))
        self.name_edit.setFocus()

    def entry(self) -> PayerEntry:
        base = self.current
        return PayerEntry(
            id=base.id if base else None, version=base.version if base else 0,
            patient_id=base.patient_id if base else None, kind=self.kind_combo.currentData(),
            name=self.name_edit.text(), inn=self.inn_edit.text(), kpp=self.kpp_edit.text(),
            ogrn=self.ogrn_edit.text(), address=self.address_edit.text().strip(),
            phone=self.phone_edit.text().strip(), email=self.email_edit.text().strip(),
            note=self.note_edit.toPlainText().strip(), is_active=self.active_check.isChecked(),
            register_format=self.register.settings() if self.kind_combo.currentData() in REGISTER_KINDS
            else (base.register_format if base else {}))

    def save(self) -> None:
        set_status(self.error_label, "")
        self.save_button.setEnabled(False)
        ops.save_payer(parent=self, session=self.session, entry=self.entry()).success(self._saved).failure(
            self._refused).run()

    def revert(self) -> None:
        if self.current is None or self.current.id is None:
            self.dirty = False
            self.new_payer(self.kind_combo.currentData())
            return
        stored = next((p for p in self.payers if p.id == self.current.id), self.current)
        self._show_entry(stored)

    def retranslate_ui(self) -> None:
        self.list_title.setText(self.tr("Payers"))
        self.kind_filter.setItemText(0, self.tr("All kinds"))
        for index in range(1, self.kind_filter.count()):
            self.kind_filter.setItemText(index, name_of(PAYER_KIND_NAMES, self.kind_filter.itemData(index)))
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, name_of(PAYER_KIND_NAMES, self.kind_combo.itemData(index)))
        self.search_edit.setPlaceholderText(self.tr("Find by name or INN…"))
        self.inactive_check.setText(self.tr("Show &inactive"))
        self.new_button.setText(self.tr("&New payer"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        for label, text in zip(self.labels, (self.tr("&Kind"), self.tr("N&ame"), self.tr("&INN"),
                                             self.tr("Add&ress"), self.tr("&Phone"), self.tr("No&te")), strict=True):
            label.setText(text)
        self.kpp_label.setText(self.tr("KP&P"))
        self.ogrn_label.setText(self.tr("&OGRN"))
        self.email_label.setText(self.tr("&E-mail"))
        self.name_edit.setPlaceholderText(self.tr("Full name as in the agreement"))
        self.inn_edit.setPlaceholderText(self.tr("10 or 12 digits"))
        self.active_check.setText(self.tr("A&ctive: may be chosen for new agreements and orders"))
        self.save_button.setText(self.tr("&Save the payer"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.revert_button.setText(self.tr("Undo the changes"))
        self.register.retranslate_ui()
        self.model.set_rows(self.model.rows())
        if self.current is not None and self.current.id is not None:
            self._quietly(lambda: self.select_payer(self.current.id))
        self._show_title()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "register"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _show_payers(self, payers: tuple[PayerEntry, ...]) -> None:
        self.loading = False
        self.payers = payers
        self.model.set_rows(payers)
        self._apply_filter()
        if self.current is not None and self.current.id is not None:
            self._quietly(lambda: self.select_payer(self.current.id))
        elif self.current is None and self.filter.rowCount():
            self.view.setCurrentIndex(self.filter.index(0, 0))

    def _load_failed(self, exc: Exception) -> None:
        self.loading = False
        set_status(self.error_label, error_text(exc), error=True)

    def _apply_filter(self) -> None:
        kind, needle, inactive = self.kind_filter.currentData(), self.search_edit.text(), self.inactive_check.isChecked()
        self.filter.set_accept(lambda p: (kind is None or p.kind == kind) and (inactive or p.is_active)
                               and text_matches(needle, p.name, p.inn))
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("Shown: {shown}").format(shown=self.filter.rowCount()))

    def _quietly(self, action) -> None:
        self._quiet = True
        try:
            action()
        finally:
            self._quiet = False

    def _may_leave(self) -> bool:
        if not self.dirty:
            return True
        if confirm(self, self.tr("Payers"), self.tr("The payer has unsaved changes. Leave them unsaved?")):
            self.dirty = False
            return True
        return False

    def _payer_chosen(self) -> None:
        if self._quiet:
            return
        payer = self.selected_payer()
        if payer is None or (self.current is not None and payer.id == self.current.id):
            return
        if not self._may_leave():
            current = self.current
            self._quietly(lambda: self.select_payer(current.id) if current is not None and current.id
                          else self.view.clearSelection())
            return
        self._show_entry(payer)

    def _show_entry(self, entry: PayerEntry, *, keep_status: bool = False) -> None:
        self._filling = True
        self.current = entry
        choose(self.kind_combo, entry.kind)
        self.name_edit.setText(entry.name)
        self.inn_edit.setText(entry.inn)

        self.kpp_edit.setText(entry.kpp)
        self.ogrn_edit.setText(entry.ogrn)
        self.address_edit.setText(entry.address)
        for edit in (self.name_edit, self.address_edit):
            edit.setCursorPosition(0)  # long texts are read from their start
        self.phone_edit.setText(entry.phone)
        self.email_edit.setText(entry.email)
        self.note_edit.setPlainText(entry.note)
        self.active_check.setChecked(entry.is_active)
        self.register.set_settings(entry.register_format)
        self._filling = False
        self.dirty = False
        if not keep_status:
            set_status(self.error_label, "")
        self._kind_changed()
        self._show_title()

    def _show_title(self) -> None:
        if self.current is None:
            self.editor_title.setText("")
        elif self.current.id is None:
            self.editor_title.setText(self.tr("New payer"))
        else:
            self.editor_title.setText(self.current.name)

    def _kind_changed(self) -> None:
        self.register.setVisible(self.kind_combo.currentData() in REGISTER_KINDS)

    def _edited(self) -> None:
        if not self._filling:
            self.dirty = True

    def _saved(self, payer_id: int) -> None:
        self.save_button.setEnabled(True)
        self.dirty = False
        # The list comes again from the database (the bus refreshes it); edit the stored version from there.
        self.current = PayerEntry(id=payer_id, kind=self.kind_combo.currentData(), name=self.name_edit.text().strip())
        set_status(self.error_label, self.tr("The payer is saved."))
        self._show_title()

    def _refused(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        set_status(self.error_label, error_text(exc), error=True)

    def _changed(self, changes) -> None:
        if ops.PAYER_CHANGES in set(changes):
            ops.load_payers(parent=self, session=self.session).success(self._reloaded).failure(
                self._load_failed).run()

    def _reloaded(self, payers: tuple[PayerEntry, ...]) -> None:
        """After a save: the list again, and the saved payer (its new version) in the editor."""
        self.loading = False
        self.payers = payers
        self.model.set_rows(payers)
        self._apply_filter()
        current = self.current
        if current is None or current.id is None:
            return
        stored = next((p for p in payers if p.id == current.id), None)
        if stored is None:
            return
        if not self.dirty:
            self._show_entry(stored, keep_status=True)
        if not self.select_payer(current.id):
            # Filtered out (another kind, inactive): show every payer so the saved one is seen.
            self._quietly(lambda: (self.kind_filter.setCurrentIndex(0), self.search_edit.clear(),
                                   self.inactive_check.setChecked(True)))
            self._quietly(lambda: self.select_payer(current.id))
