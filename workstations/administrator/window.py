"""Administrator's workstation: users, the organization's reference data, and the history of actions.

Four sections in tabs (Ctrl+1..4): Users (`users_page`), Reference data (below: the lists read in one
unit of work on a worker thread, edited in `record_dialog`), History of actions (the shell's
`HistoryView`, built when first opened), Card numbering (`numbering_page`). Every change runs
through `ops` and is announced on the operation bus; each section reloads what it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.history_view import HistoryView
from medcenter_desktop.operations import BackgroundOp, operation_bus
from medcenter_desktop.table_model import ALIGN_CENTER, ALIGN_RIGHT, SORT_ROLE, Column, DtoTableModel
from medcenter_desktop.workstation_window import WorkstationWindow
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.reference import ReferenceData, load_reference
from workstations.administrator import WORKSTATION, ops
from workstations.administrator.numbering_page import NumberingPage
from workstations.administrator.record_dialog import RecordDialog
from workstations.administrator.users_page import UsersPage

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "ReferenceBrowser"
#: What the operation bus announces when reference data changes; this window reloads on it.
REFERENCE_CHANGES = ops.REFERENCE_CHANGES


def _col(header: str, getter, alignment=None) -> Column:
    return Column(header, getter, alignment, CTX) if alignment is not None else Column(header, getter, context=CTX)


DEPARTMENT_KINDS = {
    "outpatient": QT_TRANSLATE_NOOP("ReferenceBrowser", "outpatient"),
    "inpatient": QT_TRANSLATE_NOOP("ReferenceBrowser", "inpatient"),
    "paraclinical": QT_TRANSLATE_NOOP("ReferenceBrowser", "paraclinical"),
    "admission": QT_TRANSLATE_NOOP("ReferenceBrowser", "admission"),
    "administrative": QT_TRANSLATE_NOOP("ReferenceBrowser", "administrative"),
    "registry": QT_TRANSLATE_NOOP("ReferenceBrowser", "registry"),
}


def _kind(row) -> str:
    source = DEPARTMENT_KINDS.get(row.kind)
    return QCoreApplication.translate("ReferenceBrowser", source) if source else row.kind


ORGANIZATION_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Short name"), lambda o: o.short_name),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Full name"), lambda o: o.name),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "INN"), lambda o: o.inn),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "OGRN"), lambda o: o.ogrn),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Address"), lambda o: o.address),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Phone"), lambda o: o.phone),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Time zone"), lambda o: o.time_zone),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Active"), lambda o: o.is_active, ALIGN_CENTER),
)
DEPARTMENT_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Name"), lambda d: d.name),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Kind"), _kind),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Part of"), lambda d: d.parent),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Organization"), lambda d: d.organization),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Active"), lambda d: d.is_active, ALIGN_CENTER),
)
OFFICE_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Number"), lambda o: o.number, ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Name"), lambda o: o.name),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Floor"), lambda o: o.floor, ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Department"), lambda o: o.department),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Organization"), lambda o: o.organization),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Equipment"), lambda o: o.equipment_notes),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Active"), lambda o: o.is_active, ALIGN_CENTER),
)
STAFF_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Full name"), lambda s: s.full_name),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Position"), lambda s: s.position),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Specialty"), lambda s: s.specialty),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Department"), lambda s: s.department),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Organization"), lambda s: s.organization),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Hired"), lambda s: s.hired_on, ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Dismissed"), lambda s: s.dismissed_on, ALIGN_RIGHT),
)
CARD_TYPE_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Code"), lambda c: c.code),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Name"), lambda c: c.name),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Form"), lambda c: c.form_number),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Active"), lambda c: c.is_active, ALIGN_CENTER),
)

#: (attribute of ReferenceData, tab title source text, columns)
TABS: tuple[tuple[str, str, Sequence[Column]], ...] = (
    ("organizations", QT_TRANSLATE_NOOP("ReferenceBrowser", "Organizations"), ORGANIZATION_COLUMNS),
    ("departments", QT_TRANSLATE_NOOP("ReferenceBrowser", "Departments"), DEPARTMENT_COLUMNS),
    ("offices", QT_TRANSLATE_NOOP("ReferenceBrowser", "Offices"), OFFICE_COLUMNS),
    ("staff", QT_TRANSLATE_NOOP("ReferenceBrowser", "Staff"), STAFF_COLUMNS),
    ("card_types", QT_TRANSLATE_NOOP("ReferenceBrowser", "Medical card types"), CARD_TYPE_COLUMNS),
)


class ReferenceTable(QWidget):
    """One list: a filter field over a sortable read-only table."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DtoTableModel(columns, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        self.retranslate_ui()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter\u2026"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


SPECIALTY_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Code"), lambda s: s.code),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Name"), lambda s: s.name),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Medical"), lambda s: s.is_medical, ALIGN_CENTER),
)
POSITION_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Name"), lambda p: p.name),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Medical"), lambda p: p.is_medical, ALIGN_CENTER),
)
CASH_DESK_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Name"), lambda d: d.name),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Registrar No."), lambda d: d.registrar_serial, ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "OKPO"), lambda d: d.okpo, ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Organization"), lambda d: d.organization),
    _col(QT_TRANSLATE_NOOP("ReferenceBrowser", "Active"), lambda d: d.is_active, ALIGN_CENTER),
)
#: Lists read apart from `load_reference`: (attribute of ops.ExtraLists, tab title, columns).
EXTRA_TABS: tuple[tuple[str, str, Sequence[Column]], ...] = (
    ("specialties", QT_TRANSLATE_NOOP("ReferenceBrowser", "Specialties"), SPECIALTY_COLUMNS),
    ("positions", QT_TRANSLATE_NOOP("ReferenceBrowser", "Positions"), POSITION_COLUMNS),
    ("cash_desks", QT_TRANSLATE_NOOP("ReferenceBrowser", "Cash desks"), CASH_DESK_COLUMNS),
)
ALL_TABS = TABS + EXTRA_TABS
#: Lists whose records are deactivated rather than deleted when in use.
DEACTIVATABLE = frozenset({"organizations", "departments", "offices", "card_types", "cash_desks"})


class ReferencePage(QWidget):
    """The reference lists in tabs, with New / Edit / Deactivate / Delete for the current list."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tables: dict[str, ReferenceTable] = {}
        self._loading = False
        self._loaded = False
        self._error_text: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("mutedLabel")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("primaryButton")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.clicked.connect(self.create_record)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_record)
        self.active_button = QPushButton(self)
        self.active_button.clicked.connect(self.toggle_active)
        self.delete_button = QPushButton(self)
        self.delete_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_button.clicked.connect(self.delete_record)
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 12, 12, 0)
        bar.addWidget(self.state_label, 1)
        for button in (self.new_button, self.edit_button, self.active_button, self.delete_button):
            bar.addWidget(button)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for attr, _title, columns in ALL_TABS:
            table = ReferenceTable(columns, self.tabs)
            table.view.activated.connect(lambda *_: self.edit_record())
            table.view.doubleClicked.connect(lambda *_: self.edit_record())
            table.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
            self.tables[attr] = table
            self.tabs.addTab(table, "")
        self.tabs.currentChanged.connect(lambda *_: self._update_actions())
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self.reload()

    # --- Public API ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads every list again in the background."""
        if self._loading:
            return
        self._loading = True
        self._update_state()
        uow_factory = self.session.uow
        # `load_reference` is looked up here at call time, so tests may replace it.
        BackgroundOp(self, lambda: load_reference(uow_factory())).success(self._show).failure(
            self._failed
        ).with_progress(self.tr("Loading reference data\u2026")).run()
        ops.load_extra_lists(parent=self, session=self.session).success(self._show_extra).failure(
            lambda exc: None  # the small lists stay empty; the main lists say what went wrong
        ).run()

    def current_kind(self) -> str:
        return ALL_TABS[self.tabs.currentIndex()][0]

    def current_table(self) -> ReferenceTable:
        return self.tables[self.current_kind()]

    def select_tab(self, kind: str) -> None:
        self.tabs.setCurrentIndex([attr for attr, _t, _c in ALL_TABS].index(kind))

    def selected_row(self) -> Any | None:
        table = self.current_table()
        index = table.view.currentIndex()
        return table.model.row_at(table.proxy.mapToSource(index)) if index.isValid() else None

    def create_record(self) -> None:
        self._open_dialog(None)

    def edit_record(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_dialog(row.id)

    def toggle_active(self) -> None:
        row = self.selected_row()
        if row is None or not hasattr(row, "is_active"):
            return
        kind = self.current_kind()
        if row.is_active:
            question = self.tr("Deactivate the selected record? It stays in the history and in documents, but is "
                               "no longer offered for new work.")
            answer = QMessageBox.question(self, self.tr("Reference data"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        ops.set_active(parent=self, session=self.session, kind=kind, row_id=row.id, active=not row.is_active).run()

    def delete_record(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Reference data"),
            self.tr("Delete the selected record for good? Records in use cannot be deleted; deactivate them instead."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            ops.delete_record(parent=self, session=self.session, kind=self.current_kind(), row_id=row.id).run()

    def retranslate_ui(self) -> None:
        for number, (attr, title, _columns) in enumerate(ALL_TABS):
            count = self.tables[attr].model.rowCount()
            text = QCoreApplication.translate("ReferenceBrowser", title)
            self.tabs.setTabText(number, f"{text} ({count})" if self._loaded else text)
        self.new_button.setText(self.tr("&New\u2026"))
        self.new_button.setToolTip(self.tr("Add a record to this list (Ctrl+N)"))
        self.edit_button.setText(self.tr("&Edit\u2026"))
        self.edit_button.setToolTip(self.tr("Edit the selected record (Enter)"))
        self.delete_button.setText(self.tr("&Delete\u2026"))
        self._update_actions()
        self._update_state()

    # --- Internals -------------------------------------------------------------------------------

    def _open_dialog(self, row_id: int | None) -> None:
        kind = self.current_kind()
        ops.load_record(parent=self, session=self.session, kind=kind, row_id=row_id).success(
            lambda loaded: self._show_dialog(kind, *loaded)
        ).run()

    def _show_dialog(self, kind: str, record, choices) -> None:
        self.dialog = RecordDialog(self.session, kind, record, choices, self)
        self.dialog.open()

    def _show(self, data: ReferenceData) -> None:
        for attr, _title, _columns in TABS:
            self.tables[attr].set_rows(getattr(data, attr))
        self._loaded = True
        self._error_text = None
        self._finish_loading()

    def _show_extra(self, lists: ops.ExtraLists) -> None:
        for attr, _title, _columns in EXTRA_TABS:
            self.tables[attr].set_rows(getattr(lists, attr))
        self.retranslate_ui()

    def _failed(self, exc: Exception) -> None:
        self._error_text = error_text(exc)
        self._finish_loading()

    def _finish_loading(self) -> None:
        self._loading = False
        self.retranslate_ui()

    def _update_state(self) -> None:
        if self._loading:
            text = self.tr("Loading\u2026")
        elif self._error_text:
            text = self.tr("The lists could not be loaded: {error}").format(error=self._error_text)
        else:
            text = self.tr("Enter or a double click edits the selected record.")
        self.state_label.setText(text)

    def _update_actions(self) -> None:
        row = self.selected_row()
        self.new_button.setEnabled(self._loaded)
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        can_deactivate = row is not None and hasattr(row, "is_active")
        self.active_button.setEnabled(can_deactivate)
        self.active_button.setVisible(self.current_kind() in DEACTIVATABLE)
        self.active_button.setText(self.tr("&Activate") if can_deactivate and not row.is_active
                                   else self.tr("De&activate"))

    def _on_changes(self, changes: frozenset[str]) -> None:
        if changes & REFERENCE_CHANGES:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


SECTIONS = (
    QT_TRANSLATE_NOOP("AdministratorWindow", "&Users"),
    QT_TRANSLATE_NOOP("AdministratorWindow", "&Reference data"),
    QT_TRANSLATE_NOOP("AdministratorWindow", "&History of actions"),
    QT_TRANSLATE_NOOP("AdministratorWindow", "Card &numbering"),
)


class AdministratorWindow(WorkstationWindow):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, WORKSTATION, parent)
        self.history: HistoryView | None = None
        self.sections = QTabWidget(self)
        self.sections.setObjectName("adminSections")
        self.users_page = UsersPage(session, self.sections)
        self.reference_page = ReferencePage(session, self.sections)
        self.history_holder = QWidget(self.sections)
        QVBoxLayout(self.history_holder).setContentsMargins(0, 0, 0, 0)
        self.numbering_page = NumberingPage(session, self.sections)
        for page in (self.users_page, self.reference_page, self.history_holder, self.numbering_page):
            self.sections.addTab(page, "")
        self.sections.currentChanged.connect(self._section_changed)
        self.set_central(self.sections)

        self.reload_action = QAction(self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.triggered.connect(self.reload)
        self.addAction(self.reload_action)
        for number in range(len(SECTIONS)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, n=number: self.sections.setCurrentIndex(n))
            self.addAction(action)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    @property
    def tables(self) -> dict[str, ReferenceTable]:
        return self.reference_page.tables

    @property
    def tabs(self) -> QTabWidget:
        """The reference lists' tabs."""
        return self.reference_page.tabs

    @property
    def state_label(self) -> QLabel:
        return self.reference_page.state_label

    @property
    def _loading(self) -> bool:
        return self.reference_page._loading  # noqa: SLF001 - the page's own state, read by tests

    def show_section(self, number: int) -> None:
        self.sections.setCurrentIndex(number)

    def reload(self) -> None:
        """Reads the current section again (F5)."""
        page = self.sections.currentWidget()
        if page is self.users_page:
            self.users_page.reload()
        elif page is self.reference_page:
            self.reference_page.reload()
        elif page is self.numbering_page:
            self.numbering_page.reload()
        elif self.history is not None:
            self.history.search()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if not hasattr(self, "sections"):
            return  # called by the base class before the pages exist
        for number, title in enumerate(SECTIONS):
            self.sections.setTabText(number, QCoreApplication.translate("AdministratorWindow", title))

    # --- Internals -------------------------------------------------------------------------------

    def _section_changed(self, number: int) -> None:
        if self.sections.widget(number) is self.numbering_page:
            self.numbering_page.reload()
        if self.sections.widget(number) is self.history_holder and self.history is None:
            # Built on first use: reading the trail costs the server something.
            self.history = HistoryView(self.session, self.history_holder)
            self.history_holder.layout().addWidget(self.history)
