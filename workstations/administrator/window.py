"""Administrator's workstation: a read-only browser of the organization's reference data.

Editing comes in a later release; this window lists organizations, departments, offices, staff and
medical card types, read in one unit of work on a worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import BackgroundOp, operation_bus
from medcenter_desktop.table_model import ALIGN_CENTER, ALIGN_RIGHT, SORT_ROLE, Column, DtoTableModel
from medcenter_desktop.workstation_window import WorkstationWindow
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.reference import ReferenceData, load_reference
from workstations.administrator import WORKSTATION

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "ReferenceBrowser"
#: What the operation bus announces when reference data changes; this window reloads on it.
REFERENCE_CHANGES = frozenset({"organizations", "departments", "offices", "staff", "card_types"})


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


class AdministratorWindow(WorkstationWindow):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        self.tables: dict[str, ReferenceTable] = {}
        self._loading = False
        self._loaded = False
        self._error_text: str | None = None
        super().__init__(session, WORKSTATION, parent)
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 6)
        self.heading = QLabel(page)
        self.heading.setObjectName("pageTitle")
        self.state_label = QLabel(page)
        self.state_label.setObjectName("mutedLabel")
        self.tabs = QTabWidget(page)
        for attr, _title, columns in TABS:
            table = ReferenceTable(columns, self.tabs)
            self.tables[attr] = table
            self.tabs.addTab(table, "")
        layout.addWidget(self.heading)
        layout.addWidget(self.state_label)
        layout.addWidget(self.tabs, 1)
        self.set_central(page)

        self.reload_action = QAction(self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.triggered.connect(self.reload)
        toolbar = QToolBar(self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.addAction(self.reload_action)
        self.addToolBar(toolbar)
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self.reload()

    # --- Public API ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reads every list again in the background."""
        if self._loading:
            return
        self._loading = True
        self.reload_action.setEnabled(False)
        self._update_state()
        uow_factory = self.session.uow
        BackgroundOp(self, lambda: load_reference(uow_factory())).success(self._show).failure(
            self._failed
        ).with_progress(self.tr("Loading reference data\u2026")).run()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if not hasattr(self, "tabs"):
            return  # called by the base class before the page exists
        self.heading.setText(self.tr("Reference data"))
        self.reload_action.setText(self.tr("Reload"))
        self.reload_action.setToolTip(self.tr("Read the lists from the database again (F5)"))
        for number, (attr, title, _columns) in enumerate(TABS):
            count = self.tables[attr].model.rowCount()
            text = QCoreApplication.translate("ReferenceBrowser", title)
            self.tabs.setTabText(number, f"{text} ({count})" if self._loaded else text)
        self._update_state()

    # --- Internals -------------------------------------------------------------------------------

    def _show(self, data: ReferenceData) -> None:
        for attr, _title, _columns in TABS:
            self.tables[attr].set_rows(getattr(data, attr))
        self._loaded = True
        self._error_text = None
        self._finish_loading()

    def _failed(self, exc: Exception) -> None:
        self._error_text = error_text(exc)
        self._finish_loading()

    def _finish_loading(self) -> None:
        self._loading = False
        self.reload_action.setEnabled(True)
        self.retranslate_ui()

    def _update_state(self) -> None:
        if self._loading:
            text = self.tr("Loading\u2026")
        elif self._error_text:
            text = self.tr("The lists could not be loaded: {error}").format(error=self._error_text)
        else:
            text = self.tr("Read-only view. Editing of reference data comes in a later release.")
        self.state_label.setText(text)

    def _on_changes(self, changes: frozenset[str]) -> None:
        if changes & REFERENCE_CHANGES:
            self.reload()
