"""The Users page: every login with its staff member, jobs, organizations and lock state, and the
actions on them. One's own account cannot have its rights changed (the database refuses as well)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.jobs import job_titles
from medcenter_desktop.operations import BackgroundOp, operation_bus
from medcenter_desktop.table_model import ALIGN_CENTER, SORT_ROLE, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.users import UserAccount
from workstations.administrator import ops
from workstations.administrator.user_dialogs import CreateUserDialog, EditRightsDialog, ResetPasswordDialog

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "UsersPage"


_LOCKED = QT_TRANSLATE_NOOP("UsersPage", "Locked")
_ACTIVE = QT_TRANSLATE_NOOP("UsersPage", "Active")


def _state(account: UserAccount) -> str:
    return QCoreApplication.translate(CTX, _LOCKED if account.locked else _ACTIVE)


class UsersPage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: ops.UsersData | None = None
        self._org_names: dict[int, str] = {}
        self._loading = False
        self._error: str | None = None
        self._wanted_login: str | None = None
        columns = (
            Column(QT_TRANSLATE_NOOP("UsersPage", "User name"), lambda u: u.login, context=CTX),
            Column(QT_TRANSLATE_NOOP("UsersPage", "Staff member"), lambda u: u.staff_name, context=CTX),
            Column(QT_TRANSLATE_NOOP("UsersPage", "Position"), lambda u: u.position_name, context=CTX),
            Column(QT_TRANSLATE_NOOP("UsersPage", "Jobs"), lambda u: ", ".join(job_titles(u.jobs)), context=CTX),
            Column(QT_TRANSLATE_NOOP("UsersPage", "Organizations"), self._orgs_text, context=CTX),
            Column(QT_TRANSLATE_NOOP("UsersPage", "State"), _state, ALIGN_CENTER, CTX),
        )
        self.model = DtoTableModel(columns, id_attr="login", parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.create_button = QPushButton(self)
        self.create_button.setObjectName("primaryButton")
        self.create_button.setShortcut(QKeySequence.StandardKey.New)
        self.create_button.clicked.connect(self.create_user)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_rights)
        self.password_button = QPushButton(self)
        self.password_button.clicked.connect(self.reset_password)
        self.lock_button = QPushButton(self)
        self.lock_button.clicked.connect(self.toggle_lock)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        for button in (self.create_button, self.edit_button, self.password_button, self.lock_button):
            bar.addWidget(button)

        self.view = QTableView(self)
        self.view.setObjectName("usersTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda *_: self.edit_rights())
        self.view.activated.connect(lambda *_: self.edit_rights())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())

        self.state_label = QLabel(self)
        self.state_label.setObjectName("mutedLabel")
        self.own_note = QLabel(self)
        self.own_note.setObjectName("notice")
        self.own_note.setWordWrap(True)
        self.own_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(bar)
        layout.addWidget(self.state_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.own_note)
        self.setFocusProxy(self.view)
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self._update_actions()
        self.reload()

    # --- Public API ------------------------------------------------------------------------------

    def reload(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._update_state()
        ops.load_users(parent=self, session=self.session).success(self._show).failure(self._failed).run()

    def selected(self) -> UserAccount | None:
        index = self.view.currentIndex()
        return self.model.row_at(self.proxy.mapToSource(index)) if index.isValid() else None

    def select_login(self, login: str) -> bool:
        source = self.model.index_for_id(login)
        if not source.isValid():
            return False
        index = self.proxy.mapFromSource(source)
        self.view.setCurrentIndex(index)
        self.view.selectRow(index.row())
        return True

    def is_own(self, account: UserAccount | None) -> bool:
        return account is not None and account.role_name == self.session.user.role_name

    def create_user(self) -> CreateUserDialog | None:
        if self.data is None:
            return None
        dialog = CreateUserDialog(self.session, self.data, self)
        dialog.accepted.connect(lambda: self._select_after_reload(dialog.login_edit.text().strip().lower()))
        dialog.open()
        return dialog

    def edit_rights(self) -> EditRightsDialog | None:
        account = self.selected()
        if self.data is None or account is None or self.is_own(account):
            return None
        dialog = EditRightsDialog(self.session, self.data, account, self)
        dialog.open()
        return dialog

    def reset_password(self) -> ResetPasswordDialog | None:
        account = self.selected()
        if account is None:
            return None
        dialog = ResetPasswordDialog(self.session, account.login, self)
        dialog.accepted.connect(lambda: self.state_label.setText(
            self.tr("The password of {login} was changed.").format(login=account.login)))
        dialog.open()
        return dialog

    def toggle_lock(self) -> None:
        account = self.selected()
        if account is None or self.is_own(account):
            return
        lock = not account.locked
        if lock:
            question = self.tr("Lock {login}? They will not be able to log in, and their open sessions end.")
        else:
            question = self.tr("Unlock {login}? They will be able to log in again.")
        answer = QMessageBox.question(self, self.tr("User management"), question.format(login=account.login))
        if answer != QMessageBox.StandardButton.Yes:
            return
        login = account.login
        # The database may still refuse (the last administrator); show_error says why.
        op: BackgroundOp = ops.set_locked(parent=self, session=self.session, login=login, locked=lock)
        op.success(lambda _r: self._select_after_reload(login)).run()

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, job, organization\u2026"))
        self.create_button.setText(self.tr("&New user\u2026"))
        self.create_button.setToolTip(self.tr("Create a login for a staff member (Ctrl+N)"))
        self.edit_button.setText(self.tr("&Rights\u2026"))
        self.edit_button.setToolTip(self.tr("Jobs, organizations, staff link and card access (Enter)"))
        self.password_button.setText(self.tr("Reset &password\u2026"))
        self.own_note.setText(self.tr(
            "This is your own account. Your jobs, organizations, card access, staff link and lock can only "
            "be changed by another administrator."
        ))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        if self.data is not None:  # job titles and states are translated when the cells are computed
            current = self.selected()
            self.model.set_rows(self.data.users)
            if current is not None:
                self.select_login(current.login)
        self._update_actions()
        self._update_state()

    # --- Internals -------------------------------------------------------------------------------

    def _orgs_text(self, account: UserAccount) -> str:
        names = []
        for org_id in account.organization_ids:
            name = self._org_names.get(org_id, str(org_id))
            names.append(f"{name} \u2605" if org_id == account.default_organization_id and
                         len(account.organization_ids) > 1 else name)
        return ", ".join(names)

    def _show(self, data: ops.UsersData) -> None:
        current = self.selected()
        self.data = data
        self._org_names = {o.id: o.short_name for o in data.organizations}
        self._loading = False
        self._error = None
        self.model.set_rows(data.users)
        self.view.resizeColumnsToContents()
        for column, cap in ((1, 250), (2, 250), (3, 230), (4, 200)):
            if self.view.columnWidth(column) > cap:
                self.view.setColumnWidth(column, cap)
        wanted = self._wanted_login or (current.login if current else None)
        self._wanted_login = None
        if not (wanted and self.select_login(wanted)) and self.proxy.rowCount():
            self.view.selectRow(0)
        self._update_actions()
        self._update_state()

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        self._error = error_text(exc)
        self._update_state()

    def _select_after_reload(self, login: str) -> None:
        self._wanted_login = login

    def _update_state(self) -> None:
        if self._loading:
            text = self.tr("Loading\u2026")
        elif self._error:
            text = self.tr("The users could not be loaded: {error}").format(error=self._error)
        elif self.data is not None:
            locked = sum(1 for u in self.data.users if u.locked)
            text = self.tr("Users: {count}, locked: {locked}.").format(count=len(self.data.users), locked=locked)
        else:
            text = ""
        self.state_label.setText(text)

    def _update_actions(self) -> None:
        account = self.selected()
        own = self.is_own(account)
        self.create_button.setEnabled(self.data is not None)
        self.edit_button.setEnabled(account is not None and not own)
        self.password_button.setEnabled(account is not None)
        self.lock_button.setEnabled(account is not None and not own)
        locked = account is not None and account.locked
        self.lock_button.setText(self.tr("&Unlock") if locked else self.tr("&Lock"))
        self.lock_button.setToolTip(self.tr("Your own account can only be locked by another administrator")
                                    if own else "")
        self.own_note.setVisible(own)

    def _on_changes(self, changes: frozenset[str]) -> None:
        if changes & {"users", "staff", "organizations", "card_types"}:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
