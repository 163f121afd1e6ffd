"""The "History of actions" screen: who did what, when, at which workstation, to which record.

Shared by the administrator's and the head of registry's workstations (a workstation never imports
another, so it lives in the shell). It reads the audit trail through `shared.services.audit` on a
worker thread; the database decides who may read it.

Keyboard: every filter is reachable with Tab (Alt+letter mnemonics on the labels); Enter anywhere in
the filters runs the search; in the results, the arrow keys move and the details follow.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.operations import BackgroundOp, operation_bus
from medcenter_desktop.table_model import ALIGN_RIGHT, SORT_ROLE, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services.audit import (
    AuditEntry,
    AuditFilter,
    AuditUser,
    audit_users,
    audited_tables,
    search_audit,
)

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "HistoryView"
DEFAULT_DAYS = 7
TIME_FORMAT = "%d.%m.%Y %H:%M:%S"

#: Human names of the audited tables.
TABLE_NAMES = {
    "patients": QT_TRANSLATE_NOOP("HistoryView", "Patients"),
    "medical_cards": QT_TRANSLATE_NOOP("HistoryView", "Medical cards"),
    "medical_records": QT_TRANSLATE_NOOP("HistoryView", "Medical records"),
    "staff_members": QT_TRANSLATE_NOOP("HistoryView", "Staff"),
    "users": QT_TRANSLATE_NOOP("HistoryView", "Users"),
    "user_organizations": QT_TRANSLATE_NOOP("HistoryView", "Users' organizations"),
    "staff_card_type_access": QT_TRANSLATE_NOOP("HistoryView", "Access to card types"),
    "organizations": QT_TRANSLATE_NOOP("HistoryView", "Organizations"),
    "departments": QT_TRANSLATE_NOOP("HistoryView", "Departments"),
    "offices": QT_TRANSLATE_NOOP("HistoryView", "Offices"),
    "specialties": QT_TRANSLATE_NOOP("HistoryView", "Specialties"),
    "positions": QT_TRANSLATE_NOOP("HistoryView", "Positions"),
    "medical_card_types": QT_TRANSLATE_NOOP("HistoryView", "Medical card types"),
    "card_numbering": QT_TRANSLATE_NOOP("HistoryView", "Card numbering"),
    "paper_card_movements": QT_TRANSLATE_NOOP("HistoryView", "Paper card movements"),
    "patient_addresses": QT_TRANSLATE_NOOP("HistoryView", "Patients' addresses"),
    "patient_consents": QT_TRANSLATE_NOOP("HistoryView", "Consents to data processing"),
    "patient_documents": QT_TRANSLATE_NOOP("HistoryView", "Patients' documents"),
    "patient_phones": QT_TRANSLATE_NOOP("HistoryView", "Patients' phones"),
    "patient_policies": QT_TRANSLATE_NOOP("HistoryView", "Insurance policies"),
    "legal_representatives": QT_TRANSLATE_NOOP("HistoryView", "Legal representatives"),
    "diagnoses": QT_TRANSLATE_NOOP("HistoryView", "Diagnoses"),
    "service_performances": QT_TRANSLATE_NOOP("HistoryView", "Services performed"),
    "bookings": QT_TRANSLATE_NOOP("HistoryView", "Bookings"),
    "orders": QT_TRANSLATE_NOOP("HistoryView", "Orders"),
    "order_lines": QT_TRANSLATE_NOOP("HistoryView", "Order lines"),
    "cash_desks": QT_TRANSLATE_NOOP("HistoryView", "Cash desks"),
    "cash_shifts": QT_TRANSLATE_NOOP("HistoryView", "Cash desk shifts"),
    "cash_operations": QT_TRANSLATE_NOOP("HistoryView", "Cash desk operations"),
    "cash_operation_lines": QT_TRANSLATE_NOOP("HistoryView", "Lines of cash desk operations"),
    "tax_certificates": QT_TRANSLATE_NOOP("HistoryView", "Tax deduction certificates"),
}
#: Human names of the audited tables' columns (see shared/models/); a column not named here is
#: shown as it is called in the database.
FIELD_NAMES = {
    "id": QT_TRANSLATE_NOOP("HistoryView", "Record number"),
    "version": QT_TRANSLATE_NOOP("HistoryView", "Version"),
    "created_at": QT_TRANSLATE_NOOP("HistoryView", "Created at"),
    "updated_at": QT_TRANSLATE_NOOP("HistoryView", "Changed at"),
    "is_active": QT_TRANSLATE_NOOP("HistoryView", "Active"),
    "name": QT_TRANSLATE_NOOP("HistoryView", "Name"),
    "short_name": QT_TRANSLATE_NOOP("HistoryView", "Short name"),
    "code": QT_TRANSLATE_NOOP("HistoryView", "Code"),
    "kind": QT_TRANSLATE_NOOP("HistoryView", "Kind"),
    "number": QT_TRANSLATE_NOOP("HistoryView", "Number"),
    "note": QT_TRANSLATE_NOOP("HistoryView", "Note"),
    "last_name": QT_TRANSLATE_NOOP("HistoryView", "Surname"),
    "first_name": QT_TRANSLATE_NOOP("HistoryView", "First name"),
    "middle_name": QT_TRANSLATE_NOOP("HistoryView", "Patronymic"),
    "birth_date": QT_TRANSLATE_NOOP("HistoryView", "Birth date"),
    "sex": QT_TRANSLATE_NOOP("HistoryView", "Sex"),
    "snils": QT_TRANSLATE_NOOP("HistoryView", "SNILS"),
    "email": QT_TRANSLATE_NOOP("HistoryView", "E-mail"),
    "notify_sms": QT_TRANSLATE_NOOP("HistoryView", "Notify by SMS"),
    "notify_email": QT_TRANSLATE_NOOP("HistoryView", "Notify by e-mail"),
    "merged_into_id": QT_TRANSLATE_NOOP("HistoryView", "Merged into patient"),
    "name_norm": QT_TRANSLATE_NOOP("HistoryView", "Name for search"),
    "patient_id": QT_TRANSLATE_NOOP("HistoryView", "Patient"),
    "representative_id": QT_TRANSLATE_NOOP("HistoryView", "Representative"),
    "relation": QT_TRANSLATE_NOOP("HistoryView", "Relation"),
    "document": QT_TRANSLATE_NOOP("HistoryView", "Document"),
    "valid_from": QT_TRANSLATE_NOOP("HistoryView", "Valid from"),
    "valid_to": QT_TRANSLATE_NOOP("HistoryView", "Valid to"),
    "valid_until": QT_TRANSLATE_NOOP("HistoryView", "Valid until"),
    "series": QT_TRANSLATE_NOOP("HistoryView", "Series"),
    "issued_by": QT_TRANSLATE_NOOP("HistoryView", "Issued by"),
    "issued_on": QT_TRANSLATE_NOOP("HistoryView", "Issued on"),
    "insurer": QT_TRANSLATE_NOOP("HistoryView", "Insurer"),
    "address": QT_TRANSLATE_NOOP("HistoryView", "Address"),
    "given_on": QT_TRANSLATE_NOOP("HistoryView", "Consent given on"),
    "withdrawn_on": QT_TRANSLATE_NOOP("HistoryView", "Consent withdrawn on"),
    "scope": QT_TRANSLATE_NOOP("HistoryView", "Scope"),
    "digits": QT_TRANSLATE_NOOP("HistoryView", "Phone number"),
    "organization_id": QT_TRANSLATE_NOOP("HistoryView", "Organization"),
    "default_organization_id": QT_TRANSLATE_NOOP("HistoryView", "Default organization"),
    "department_id": QT_TRANSLATE_NOOP("HistoryView", "Department"),
    "parent_id": QT_TRANSLATE_NOOP("HistoryView", "Parent department"),
    "office_id": QT_TRANSLATE_NOOP("HistoryView", "Office"),
    "paper_office_id": QT_TRANSLATE_NOOP("HistoryView", "Office of the paper card"),
    "card_id": QT_TRANSLATE_NOOP("HistoryView", "Medical card"),
    "card_type_id": QT_TRANSLATE_NOOP("HistoryView", "Card type"),
    "opened_on": QT_TRANSLATE_NOOP("HistoryView", "Opened on"),
    "closed_on": QT_TRANSLATE_NOOP("HistoryView", "Closed on"),
    "paper_location": QT_TRANSLATE_NOOP("HistoryView", "Paper card location"),
    "paper_moved_at": QT_TRANSLATE_NOOP("HistoryView", "Paper card moved at"),
    "moved_at": QT_TRANSLATE_NOOP("HistoryView", "Moved at"),
    "location": QT_TRANSLATE_NOOP("HistoryView", "Location"),
    "staff_member_id": QT_TRANSLATE_NOOP("HistoryView", "Staff member"),
    "author_staff_id": QT_TRANSLATE_NOOP("HistoryView", "Author"),
    "recorded_at": QT_TRANSLATE_NOOP("HistoryView", "Recorded at"),
    "summary": QT_TRANSLATE_NOOP("HistoryView", "Summary"),
    "form_number": QT_TRANSLATE_NOOP("HistoryView", "Form number"),
    "sort_order": QT_TRANSLATE_NOOP("HistoryView", "Order in lists"),
    "prefix": QT_TRANSLATE_NOOP("HistoryView", "Prefix"),
    "with_year": QT_TRANSLATE_NOOP("HistoryView", "With the year"),
    "next_value": QT_TRANSLATE_NOOP("HistoryView", "Next number"),
    "year": QT_TRANSLATE_NOOP("HistoryView", "Year"),
    "floor": QT_TRANSLATE_NOOP("HistoryView", "Floor"),
    "equipment_notes": QT_TRANSLATE_NOOP("HistoryView", "Equipment"),
    "inn": QT_TRANSLATE_NOOP("HistoryView", "INN"),
    "ogrn": QT_TRANSLATE_NOOP("HistoryView", "OGRN"),
    "phone": QT_TRANSLATE_NOOP("HistoryView", "Phone"),
    "time_zone": QT_TRANSLATE_NOOP("HistoryView", "Time zone"),
    "is_medical": QT_TRANSLATE_NOOP("HistoryView", "Medical"),
    "position_id": QT_TRANSLATE_NOOP("HistoryView", "Position"),
    "specialty_id": QT_TRANSLATE_NOOP("HistoryView", "Specialty"),
    "hired_on": QT_TRANSLATE_NOOP("HistoryView", "Hired on"),
    "dismissed_on": QT_TRANSLATE_NOOP("HistoryView", "Dismissed on"),
    "login": QT_TRANSLATE_NOOP("HistoryView", "Login"),
    "role_name": QT_TRANSLATE_NOOP("HistoryView", "Database role"),
    "user_id": QT_TRANSLATE_NOOP("HistoryView", "User"),
    "granted_at": QT_TRANSLATE_NOOP("HistoryView", "Granted at"),
}
#: Where a column means something else in one table.
TABLE_FIELD_NAMES = {
    ("legal_representatives", "patient_id"): QT_TRANSLATE_NOOP("HistoryView", "Represented patient"),
    ("card_numbering", "digits"): QT_TRANSLATE_NOOP("HistoryView", "Digits in the number"),
    ("medical_records", "kind"): QT_TRANSLATE_NOOP("HistoryView", "Record kind"),
    ("offices", "number"): QT_TRANSLATE_NOOP("HistoryView", "Office number"),
}
#: What the audit trail's actions mean to a person.
ACTIONS = {
    "INSERT": QT_TRANSLATE_NOOP("HistoryView", "Created"),
    "UPDATE": QT_TRANSLATE_NOOP("HistoryView", "Changed"),
    "DELETE": QT_TRANSLATE_NOOP("HistoryView", "Deleted"),
    "READ": QT_TRANSLATE_NOOP("HistoryView", "Opened"),
    "ADMIN": QT_TRANSLATE_NOOP("HistoryView", "User management"),
    # An attempt the services or the database refused (written by audit_refusal, migration 0012).
    "REFUSED": QT_TRANSLATE_NOOP("HistoryView", "Refused"),
}


class InvalidPatientNumber(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The patient number must be a whole number from 1 to {max}.")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def table_title(name: str) -> str:
    source = TABLE_NAMES.get(name)
    return _tr(source) if source else name


def field_title(table: str, column: str) -> str:
    """The human name of ``column`` of ``table``; an unknown column as it is called."""
    source = TABLE_FIELD_NAMES.get((table, column)) or FIELD_NAMES.get(column)
    return _tr(source) if source else column


def action_title(action: str) -> str:
    source = ACTIONS.get(action)
    return _tr(source) if source else action


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone()


def _user(entry: AuditEntry) -> str:
    return entry.user_name or entry.login_role.rpartition(".")[2]


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("HistoryView", "Time"), lambda e: _local(e.occurred_at), context=CTX),
    Column(QT_TRANSLATE_NOOP("HistoryView", "User"), _user, context=CTX),
    Column(QT_TRANSLATE_NOOP("HistoryView", "Workstation"), lambda e: e.workstation, context=CTX),
    Column(QT_TRANSLATE_NOOP("HistoryView", "Action"), lambda e: action_title(e.action), context=CTX),
    Column(QT_TRANSLATE_NOOP("HistoryView", "Table"), lambda e: table_title(e.table_name), context=CTX),
    Column(QT_TRANSLATE_NOOP("HistoryView", "Record"), lambda e: e.row_key, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("HistoryView", "Patient"), lambda e: e.patient_id, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("HistoryView", "Details"), lambda e: e.details, context=CTX),
)


class HistoryModel(DtoTableModel[AuditEntry]):
    """Audit entries; the time column shows seconds too (order matters within a minute)."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.column() == 0:
            entry = self.row_at(index)
            if entry is not None:
                return _local(entry.occurred_at).strftime(TIME_FORMAT)
        return super().data(index, role)


def _load_users(session: AppSession) -> tuple[AuditUser, ...]:
    with session.uow() as uow:
        return audit_users(uow.session.connection())


def _search(session: AppSession, flt: AuditFilter) -> tuple[AuditEntry, ...]:
    with session.uow() as uow:
        return search_audit(uow.session.connection(), flt)


class HistoryView(QWidget):
    """Filters, the matching entries, and the field changes of the selected one."""

    def __init__(self, session: AppSession, parent: QWidget | None = None, *, search_now: bool = True,
                 login_role: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.session = session
        self._loading = False
        #: A search asked for while one was running (None: none): run when that one ends, not dropped.
        self._pending: bool | None = None
        self._searched = False
        self._wanted_user = login_role
        self._interactive = True
        self._users: tuple[AuditUser, ...] = ()
        self._count: int | None = None
        self._error: str | None = None
        self._build()
        self.retranslate_ui()
        operation_bus().changed.connect(self._on_changes)
        self._load_users()
        if search_now:
            self.search(interactive=False)

    # --- Public API ------------------------------------------------------------------------------

    def search(self, *, interactive: bool = True) -> None:
        """Runs the search with the filters as they are; errors in a filter are shown, not searched.

        A search nobody asked for (on opening, after a change elsewhere) reports failures only beside
        the results, never in a message box.
        """
        if self._loading:
            self._pending = interactive or bool(self._pending)
            return
        self._interactive = interactive
        try:
            flt = self.current_filter()
        except DomainError as exc:
            self._show_failure(exc)
            return
        self._loading = True
        self._error = None
        self.find_button.setEnabled(False)
        self._update_state()
        session = self.session
        BackgroundOp(self, lambda: _search(session, flt)).success(self._show).failure(
            self._show_failure
        ).with_progress(self.tr("Searching the history\u2026")).run()

    def current_filter(self) -> AuditFilter:
        """The filter the widgets describe; `InvalidPatientNumber` for a patient number that is not one."""
        patient_text = self.patient_edit.text().strip()
        patient = None
        if patient_text:
            if not (patient_text.isascii() and patient_text.isdigit()) or not 1 <= int(patient_text) <= 2**31 - 1:
                raise InvalidPatientNumber(max=2**31 - 1)
            patient = int(patient_text)
        return AuditFilter(
            login_role=self.user_combo.currentData() or None,
            patient_id=patient,
            date_from=self.from_edit.date().toPython(),
            date_to=self.to_edit.date().toPython(),
            table_name=self.table_combo.currentData() or None,
            action=self.action_combo.currentData() or None,
        )

    def entries(self) -> list[AuditEntry]:
        return self.model.rows()

    def selected_entry(self) -> AuditEntry | None:
        index = self.view.currentIndex()
        return self.model.row_at(self.proxy.mapToSource(index)) if index.isValid() else None

    def select_user(self, login_role: str | None) -> None:
        """Chooses the user filter (``None``: anyone); applied once the list of users has arrived."""
        self._wanted_user = login_role
        number = self.user_combo.findData(login_role or "")
        if number >= 0:
            self.user_combo.setCurrentIndex(number)

    def retranslate_ui(self) -> None:
        self.user_label.setText(self.tr("&User:"))
        self.patient_label.setText(self.tr("&Patient No.:"))
        self.period_label.setText(self.tr("P&eriod:"))
        self.dash_label.setText("\u2013")
        self.table_label.setText(self.tr("&Table:"))
        self.action_label.setText(self.tr("&Action:"))
        self.patient_edit.setPlaceholderText(self.tr("any"))
        self.find_button.setText(self.tr("&Find"))
        self.find_button.setToolTip(self.tr("Search with these filters (Enter)"))
        self.details_title.setText(self.tr("Changes in the selected entry"))
        self.details.setHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        self._fill_user_combo()
        self._fill_combo(self.table_combo, self.tr("any table"),
                         sorted(((t, table_title(t)) for t in audited_tables()), key=lambda p: p[1]))
        self._fill_combo(self.action_combo, self.tr("any action"), [(a, action_title(a)) for a in ACTIONS])
        self._refresh_cells()
        self._update_state()
        self._show_details()

    # --- Internals -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.user_combo = QComboBox(self)
        self.user_combo.setMinimumContentsLength(24)
        self.user_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.patient_edit = QLineEdit(self)
        self.patient_edit.setMaxLength(12)
        self.patient_edit.setFixedWidth(110)
        today = QDate.currentDate()
        self.from_edit = self._date_edit(today.addDays(-DEFAULT_DAYS))
        self.to_edit = self._date_edit(today)
        self.table_combo = QComboBox(self)
        self.action_combo = QComboBox(self)
        self.find_button = QPushButton(self)
        self.find_button.setObjectName("primaryButton")
        self.find_button.clicked.connect(lambda: self.search())
        self.user_label, self.patient_label, self.period_label = QLabel(self), QLabel(self), QLabel(self)
        self.table_label, self.action_label, self.dash_label = QLabel(self), QLabel(self), QLabel(self)
        for label, buddy in ((self.user_label, self.user_combo), (self.patient_label, self.patient_edit),
                             (self.period_label, self.from_edit), (self.table_label, self.table_combo),
                             (self.action_label, self.action_combo)):
            label.setBuddy(buddy)

        filters = QWidget(self)
        filters.setObjectName("historyFilters")
        grid = QGridLayout(filters)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.user_label, 0, 0)
        grid.addWidget(self.user_combo, 0, 1)
        grid.addWidget(self.table_label, 0, 2)
        grid.addWidget(self.table_combo, 0, 3)
        grid.addWidget(self.patient_label, 0, 4)
        grid.addWidget(self.patient_edit, 0, 5)
        period = QHBoxLayout()
        period.setSpacing(6)
        period.addWidget(self.from_edit)
        period.addWidget(self.dash_label)
        period.addWidget(self.to_edit)
        period.addStretch(1)
        grid.addWidget(self.period_label, 1, 0)
        grid.addLayout(period, 1, 1)
        grid.addWidget(self.action_label, 1, 2)
        grid.addWidget(self.action_combo, 1, 3)
        grid.addWidget(self.find_button, 1, 5)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 2)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), filters)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda: self.search())

        self.model = HistoryModel(COLUMNS, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setObjectName("historyTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())

        self.details_title = QLabel(self)
        self.details_title.setObjectName("sectionTitle")
        self.details_note = QLabel(self)
        self.details_note.setObjectName("mutedLabel")
        self.details_note.setWordWrap(True)
        self.details = QTreeWidget(self)
        self.details.setObjectName("historyDetails")
        self.details.setColumnCount(3)
        self.details.setRootIsDecorated(False)
        self.details.setAlternatingRowColors(True)
        self.details.setWordWrap(True)
        self.details.header().setStretchLastSection(True)
        details_box = QWidget(self)
        details_layout = QVBoxLayout(details_box)
        details_layout.setContentsMargins(0, 4, 0, 0)
        details_layout.addWidget(self.details_title)
        details_layout.addWidget(self.details_note)
        details_layout.addWidget(self.details, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(details_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)

        self.state_label = QLabel(self)
        self.state_label.setObjectName("mutedLabel")
        self.state_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(filters)
        layout.addWidget(self.state_label)
        layout.addWidget(self.splitter, 1)
        QWidget.setTabOrder(self.user_combo, self.table_combo)
        QWidget.setTabOrder(self.table_combo, self.patient_edit)
        QWidget.setTabOrder(self.patient_edit, self.from_edit)
        QWidget.setTabOrder(self.from_edit, self.to_edit)
        QWidget.setTabOrder(self.to_edit, self.action_combo)
        QWidget.setTabOrder(self.action_combo, self.find_button)
        QWidget.setTabOrder(self.find_button, self.view)
        QWidget.setTabOrder(self.view, self.details)

    def _refresh_cells(self) -> None:
        """Recomputes the cells (action and table names are translated when computed)."""
        if not self.model.rowCount():
            return
        current = self.selected_entry()
        self.model.set_rows(self.model.rows())
        if current is not None:
            index = self.proxy.mapFromSource(self.model.index_for_id(current.id))
            self.view.selectRow(index.row())

    def _date_edit(self, date: QDate) -> QDateEdit:
        edit = QDateEdit(date, self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        return edit

    @staticmethod
    def _fill_combo(combo: QComboBox, anything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(anything, "")
        for data, title in items:
            combo.addItem(title, data)
        number = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(number, 0))
        combo.blockSignals(False)

    def _fill_user_combo(self) -> None:
        wanted = self._wanted_user if self._wanted_user is not None else self.user_combo.currentData()
        items = []
        for user in self._users:
            login = user.login_role.rpartition(".")[2]
            items.append((user.login_role, f"{user.name} ({login})" if user.name != user.login_role else login))
        self._fill_combo(self.user_combo, self.tr("anyone"), items)
        number = self.user_combo.findData(wanted or "")
        if number >= 0:
            self.user_combo.setCurrentIndex(number)
            if self._users:
                self._wanted_user = None

    def _load_users(self) -> None:
        session = self.session
        BackgroundOp(self, lambda: _load_users(session)).success(self._users_loaded).failure(
            # The search still works without the list; the reason shows beside the results.
            lambda exc: self._set_error(error_text(exc))
        ).run()

    def _users_loaded(self, found: tuple[AuditUser, ...]) -> None:
        self._users = found
        self._fill_user_combo()

    def _show(self, entries: tuple[AuditEntry, ...]) -> None:
        self._loading = False
        self._searched = True
        self.find_button.setEnabled(True)
        self.model.set_rows(entries)
        self._count = len(entries)
        self.view.resizeColumnsToContents()
        for column, cap in ((1, 260), (2, 160), (7, 320)):
            if self.view.columnWidth(column) > cap:
                self.view.setColumnWidth(column, cap)
        if entries:
            self.view.selectRow(0)
        self._update_state()
        self._show_details()
        self._run_pending()

    def _run_pending(self) -> None:
        """The search asked for while the last one ran (its filters may differ)."""
        if self._pending is not None:
            interactive, self._pending = self._pending, None
            self.search(interactive=interactive)

    def _show_failure(self, exc: Exception) -> None:
        self._loading = False
        self.find_button.setEnabled(True)
        self._set_error(error_text(exc))
        if self._interactive:
            show_error(self, exc)
        self._run_pending()

    def _set_error(self, text: str) -> None:
        self._error = text
        self._update_state()

    def _update_state(self) -> None:
        if not hasattr(self, "state_label"):
            return
        if self._loading:
            text = self.tr("Searching\u2026")
        elif self._error:
            text = self._error
        elif self._count is None:
            text = self.tr("Choose the filters and press Find.")
        elif self._count == 0:
            text = self.tr("Nothing was found for these filters.")
        else:
            text = self.tr("Entries found: {count} (newest first; at most {limit} are shown).").format(
                count=self._count, limit=AuditFilter.limit)
        self.state_label.setText(text)

    def _show_details(self) -> None:
        self.details.clear()
        entry = self.selected_entry()
        if entry is None:
            self.details_note.setText(self.tr("Select an entry to see what changed."))
            return
        parts = [action_title(entry.action), table_title(entry.table_name)]
        if entry.row_key:
            parts.append(self.tr("record {key}").format(key=entry.row_key))
        if entry.details:
            parts.append(entry.details)
        self.details_note.setText(" \u00b7 ".join(parts))
        for change in entry.changes:
            item = QTreeWidgetItem([field_title(entry.table_name, change.field), change.old, change.new])
            item.setToolTip(0, change.field)  # the database's name, for IT staff
            for column in (1, 2):
                item.setToolTip(column, item.text(column))
            self.details.addTopLevelItem(item)
        self.details.resizeColumnToContents(0)
        self.details.setColumnWidth(1, max(200, self.details.width() // 3))

    def _on_changes(self, changes: frozenset[str]) -> None:
        # Whatever changed is now in the trail; a shown list follows without a click.
        if self._searched and self.isVisible() and not self._loading:
            self.search(interactive=False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
