"""The diagnoses of the visit record: an ICD-10 search line with its results under it, the role and
"first time" of the next diagnosis, and the record's diagnoses.

Type a code (``J06.9``, ``j069``, Cyrillic ``о06ю9`` with the Russian layout left on) or words; the
results list follows as you type. Down/Up move in the results, Enter adds the chosen one -- or, when
nothing is chosen, the code as typed, which is checked first: an unknown code says so and keeps the
text. Delete in the diagnoses table removes the current one (from a draft).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.table_model import ALIGN_CENTER, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services import icd10
from shared.services import visit_records as vr
from workstations.doctor import texts

CTX = "DoctorDiagnoses"
RESULTS = 30
CODE_ROLE = Qt.ItemDataRole.UserRole + 10

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DoctorDiagnoses", "Role"), lambda d: texts.role_text(d.role), context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorDiagnoses", "Code"), lambda d: d.code, ALIGN_CENTER, CTX),
    Column(QT_TRANSLATE_NOOP("DoctorDiagnoses", "Diagnosis"), lambda d: d.name, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorDiagnoses", "First time"),
           lambda d: QCoreApplication.translate("DoctorDiagnoses", "first time") if d.first_time else "", context=CTX),
)


class DiagnosesBox(QWidget):
    """``add_requested(code, role, first_time)``; ``remove_requested(diagnosis_id)``."""

    add_requested = Signal(str, str, bool)
    remove_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.read_only = False
        self.title_label = QLabel(self)
        self.title_label.setObjectName("fieldSection")
        self.search_label = QLabel(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textEdited.connect(self._search)
        self.search_edit.installEventFilter(self)
        self.search_label.setBuddy(self.search_edit)
        self.role_combo = QComboBox(self)
        for role in vr.ROLES:
            self.role_combo.addItem("", role)
        self.first_time_check = QCheckBox(self)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_typed)

        self.results_model = QStandardItemModel(self)
        self.results_view = QListView(self)
        self.results_view.setModel(self.results_model)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.setUniformItemSizes(True)
        self.results_view.doubleClicked.connect(lambda _i: self.add_typed())
        self.results_view.installEventFilter(self)
        self.results_view.hide()

        self.message_label = QLabel(self)
        self.message_label.setObjectName("errorLabel")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.model: DtoTableModel[vr.DiagnosisInfo] = DtoTableModel(COLUMNS, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._fit_table()
        self.table.installEventFilter(self)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.addWidget(self.search_label, 0, 0)
        grid.addWidget(self.search_edit, 0, 1)
        grid.addWidget(self.role_combo, 0, 2)
        grid.addWidget(self.first_time_check, 0, 3)
        grid.addWidget(self.add_button, 0, 4)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title_label)
        layout.addLayout(grid)
        layout.addWidget(self.results_view)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table)
        layout.addStretch(1)  # top-aligned when the tab is taller than the diagnoses
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def set_diagnoses(self, diagnoses) -> None:
        self.model.set_rows(list(diagnoses))
        self._fit_table()
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.resizeColumnToContents(3)
        has_main = any(d.role == "main" for d in diagnoses)
        self.role_combo.setCurrentIndex(vr.ROLES.index("accompanying" if has_main else "main"))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for widget in (self.search_edit, self.role_combo, self.first_time_check, self.add_button):
            widget.setVisible(not read_only)
        self.search_label.setVisible(not read_only)
        if read_only:
            self.results_view.hide()
            self.message_label.hide()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def added(self) -> None:
        """The diagnosis asked for was added: ready for the next one."""
        self.search_edit.clear()
        self.first_time_check.setChecked(False)
        self.results_model.clear()
        self.results_view.hide()
        self.show_message("")

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def chosen_code(self) -> str | None:
        index = self.results_view.currentIndex()
        if self.results_view.isHidden() or not index.isValid():
            return None
        return index.data(CODE_ROLE)

    def add_typed(self) -> None:
        """Enter: the result chosen, else the code as typed (checked here: the text stays if it is wrong)."""
        if self.read_only:
            return
        code = self.chosen_code()
        if code is None:
            typed = self.search_edit.text().strip()
            if not typed:
                return
            try:
                code = vr.diagnosis_entry(typed).code
            except DomainError as exc:
                self.show_message(error_text(exc))
                self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.show_message("")
        self.add_requested.emit(code, self.role_combo.currentData(), self.first_time_check.isChecked())

    def remove_current(self) -> None:
        row = self.model.row_at(self.table.currentIndex()) if self.table.currentIndex().isValid() else None
        if row is not None and not self.read_only:
            self.remove_requested.emit(row.id)

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Diagnoses (ICD-10)"))
        self.search_label.setText(self.tr("&ICD-10:"))
        self.search_edit.setPlaceholderText(self.tr("Code or words: J06.9, hypertension… (Ctrl+D)"))
        for number, role in enumerate(vr.ROLES):
            self.role_combo.setItemText(number, texts.role_text(role))
        self.first_time_check.setText(self.tr("First time"))
        self.add_button.setText(self.tr("Add (Enter)"))
        self.table.setToolTip(self.tr("Delete removes the diagnosis from the draft."))

    # --- Internals -------------------------------------------------------------------------------

    def _fit_table(self) -> None:
        """As tall as the diagnoses (one empty row when there are none), up to five."""
        rows = min(max(self.model.rowCount(), 1), 5)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows * 28 + 4)

    def _search(self, typed: str) -> None:
        self.show_message("")
        self.results_model.clear()
        typed = typed.strip()
        entries = icd10.search(typed, RESULTS) if typed else []
        for entry in entries:
            item = QStandardItem(f"{entry.code}\u2003{entry.name}")
            item.setData(entry.code, CODE_ROLE)
            item.setToolTip(entry.name)
            if not entry.billable:
                item.setEnabled(False)
                item.setForeground(QBrush(QColor("#8a98a3")))
                item.setToolTip(self.tr("A heading: choose one of the codes under it."))
            self.results_model.appendRow(item)
        self.results_view.setVisible(bool(entries))
        if entries:  # as tall as the results, up to six rows
            rows = min(len(entries), 6)
            self.results_view.setFixedHeight(rows * max(self.results_view.sizeHintForRow(0), 18) + 6)
        self.results_view.setCurrentIndex(self.results_model.index(-1, 0))
        # Words choose the best match at once; a code-like text stays as typed until Down is pressed.
        if entries and not icd10.code_readings(typed):
            self._move(1)

    def _move(self, step: int) -> None:
        rows = self.results_model.rowCount()
        if not rows:
            return
        current = self.results_view.currentIndex().row() if self.results_view.currentIndex().isValid() else -1
        row = current
        for _ in range(rows):
            row = row + step
            if row < 0 or row >= rows:
                return
            if self.results_model.item(row).isEnabled():
                self.results_view.setCurrentIndex(self.results_model.index(row, 0))
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched in (self.search_edit, self.results_view):
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
                    Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                self.add_typed()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and watched is self.search_edit:
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Escape and not self.results_view.isHidden():
                self.results_view.hide()
                return True
        if watched is self.table and key == Qt.Key.Key_Delete:
            self.remove_current()
            return True
        return super().eventFilter(watched, event)
