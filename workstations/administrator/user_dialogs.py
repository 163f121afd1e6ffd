"""Dialogs of user management: a new user, a user's rights, a new password.

Each dialog checks what it can at once (passwords match and meet the policy), then runs its
operation itself and closes only when the database accepted it; a refusal is shown inside the
dialog, so nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, translate_domain_text
from medcenter_desktop.jobs import job_title
from shared.db.roles import JOBS, validate_login
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.security.passwords import POLICY_TEXT, check_password
from workstations.administrator import ops

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from shared.services.users import UserAccount


class PasswordsDiffer(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The two passwords differ. Type the same password twice.")


class NoJobs(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "Choose at least one job: without one the user cannot open anything.")


class NoOrganizations(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "Choose at least one organization the user works in.")


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class _Dialog(QDialog):
    """A dialog that runs its own save and shows refusals in its error label."""

    def __init__(self, session: AppSession, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self.setModal(True)
        self.error_label = _error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._busy = False

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def error_message(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() or self.error_label.text() else ""

    def show_problem(self, exc: Exception) -> None:
        self._busy = False
        self.ok_button.setEnabled(True)
        self.error_label.setText(error_text(exc))
        self.error_label.show()

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _run(self, op) -> None:
        if self._busy:
            return
        self._busy = True
        self.ok_button.setEnabled(False)
        self.error_label.hide()
        self.error_label.setText("")
        op.success(lambda _result: self._done()).failure(self.show_problem).run()

    def _done(self) -> None:
        self._busy = False
        self.accept()


def _password_fields(dialog: QWidget) -> tuple[QLineEdit, QLineEdit, QLabel]:
    password = QLineEdit(dialog)
    password.setEchoMode(QLineEdit.EchoMode.Password)
    password.setMaxLength(200)
    repeat = QLineEdit(dialog)
    repeat.setEchoMode(QLineEdit.EchoMode.Password)
    repeat.setMaxLength(200)
    policy = QLabel(translate_domain_text(POLICY_TEXT), dialog)
    policy.setObjectName("mutedLabel")
    policy.setWordWrap(True)
    return password, repeat, policy


def _check_passwords(password: str, repeat: str, login: str) -> None:
    check_password(password, login)
    if password != repeat:
        raise PasswordsDiffer()


class RightsEditor(QWidget):
    """Jobs, organizations with the default one, staff link and card access of one user."""

    def __init__(self, data: ops.UsersData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self.staff_combo = QComboBox(self)
        self.staff_combo.setEditable(True)
        self.staff_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.staff_combo.setMinimumContentsLength(40)
        completer = self.staff_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.staff_combo.addItem(self.tr("\u2014 not linked \u2014"), None)
        for staff in data.staff:
            self.staff_combo.addItem(f"{staff.full_name} \u2014 {staff.position}, {staff.organization}", staff.id)
        self.staff_combo.currentIndexChanged.connect(self._staff_changed)

        self.jobs_box = QGroupBox(self.tr("Jobs"), self)
        self.job_checks: dict[str, QCheckBox] = {}
        grid = QGridLayout(self.jobs_box)
        for number, job in enumerate(JOBS):
            check = QCheckBox(job_title(job), self.jobs_box)
            self.job_checks[job] = check
            grid.addWidget(check, number // 3, number % 3)

        self.orgs_box = QGroupBox(self.tr("Organizations"), self)
        self.org_checks: dict[int, QCheckBox] = {}
        orgs_layout = QVBoxLayout(self.orgs_box)
        for org in data.organizations:
            check = QCheckBox(org.short_name, self.orgs_box)
            check.toggled.connect(self._orgs_changed)
            self.org_checks[org.id] = check
            orgs_layout.addWidget(check)
        default_row = QHBoxLayout()
        self.default_label = QLabel(self.tr("&Works by default in:"), self.orgs_box)
        self.default_combo = QComboBox(self.orgs_box)
        self.default_label.setBuddy(self.default_combo)
        default_row.addWidget(self.default_label)
        default_row.addWidget(self.default_combo, 1)
        orgs_layout.addLayout(default_row)

        self.cards_box = QGroupBox(self.tr("Medical cards the staff member may open"), self)
        self.card_checks: dict[int, QCheckBox] = {}
        cards_layout = QGridLayout(self.cards_box)
        for number, card_type in enumerate(data.card_types):
            check = QCheckBox(card_type.name, self.cards_box)
            self.card_checks[card_type.id] = check
            cards_layout.addWidget(check, number // 2, number % 2)
        self.cards_note = QLabel(self.tr("Link the user to a staff member to grant card access."), self.cards_box)
        self.cards_note.setObjectName("mutedLabel")
        cards_layout.addWidget(self.cards_note, (len(data.card_types) + 1) // 2, 0, 1, 2)

        self.staff_label = QLabel(self.tr("&Staff member:"), self)
        self.staff_label.setBuddy(self.staff_combo)
        staff_row = QHBoxLayout()
        staff_row.addWidget(self.staff_label)
        staff_row.addWidget(self.staff_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(staff_row)
        layout.addWidget(self.jobs_box)
        columns = QHBoxLayout()
        columns.addWidget(self.orgs_box, 1)
        columns.addWidget(self.cards_box, 2)
        layout.addLayout(columns)
        self._orgs_changed()
        self._staff_changed()

    # --- Public API ------------------------------------------------------------------------------

    def set_rights(self, rights: ops.UserRights) -> None:
        number = self.staff_combo.findData(rights.staff_member_id) if rights.staff_member_id is not None else 0
        self.staff_combo.setCurrentIndex(max(number, 0))
        for job, check in self.job_checks.items():
            check.setChecked(job in rights.jobs)
        for org_id, check in self.org_checks.items():
            check.setChecked(org_id in rights.organization_ids)
        self._orgs_changed()
        if rights.default_organization_id is not None:
            self.default_combo.setCurrentIndex(max(self.default_combo.findData(rights.default_organization_id), 0))
        for type_id, check in self.card_checks.items():
            check.setChecked(type_id in rights.card_type_ids)
        self._staff_changed()

    def rights(self) -> ops.UserRights:
        """The rights as chosen; `NoJobs` / `NoOrganizations` when a user could not work at all."""
        jobs = tuple(job for job, check in self.job_checks.items() if check.isChecked())
        orgs = tuple(org_id for org_id, check in self.org_checks.items() if check.isChecked())
        if not jobs:
            raise NoJobs()
        if not orgs:
            raise NoOrganizations()
        staff = self.staff_combo.currentData()
        return ops.UserRights(
            jobs=jobs, organization_ids=orgs, default_organization_id=self.default_combo.currentData(),
            staff_member_id=staff,
            card_type_ids=tuple(t for t, c in self.card_checks.items() if c.isChecked()) if staff is not None else (),
        )

    def check_job(self, job: str, checked: bool = True) -> None:
        self.job_checks[job].setChecked(checked)

    def choose_staff(self, staff_member_id: int | None) -> None:
        self.staff_combo.setCurrentIndex(max(self.staff_combo.findData(staff_member_id), 0))

    # --- Internals -------------------------------------------------------------------------------

    def _orgs_changed(self, *_args) -> None:
        current = self.default_combo.currentData()
        self.default_combo.clear()
        for org in self._data.organizations:
            if self.org_checks[org.id].isChecked():
                self.default_combo.addItem(org.short_name, org.id)
        number = self.default_combo.findData(current) if current is not None else 0
        self.default_combo.setCurrentIndex(max(number, 0))
        self.default_combo.setEnabled(self.default_combo.count() > 1)

    def _staff_changed(self, *_args) -> None:
        linked = self.staff_combo.currentData() is not None
        for check in self.card_checks.values():
            check.setEnabled(linked)
        self.cards_note.setVisible(not linked)


def rights_of(account: UserAccount) -> ops.UserRights:
    return ops.UserRights(
        jobs=account.jobs, organization_ids=account.organization_ids,
        default_organization_id=account.default_organization_id, staff_member_id=account.staff_member_id,
        card_type_ids=account.card_type_ids,
    )


class CreateUserDialog(_Dialog):
    """A new login: user name, password twice (the policy shown), staff member, jobs, organizations."""

    def __init__(self, session: AppSession, data: ops.UsersData, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("New user"))
        self.login_edit = QLineEdit(self)
        self.login_edit.setMaxLength(20)
        self.login_edit.setPlaceholderText(self.tr("e.g. ivanova"))
        self.password_edit, self.repeat_edit, self.policy_label = _password_fields(self)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.login_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("&Repeat password:"), self.repeat_edit)
        form.addRow("", self.policy_label)
        self.rights_editor = RightsEditor(data, self)
        if len(data.organizations) == 1:
            next(iter(self.rights_editor.org_checks.values())).setChecked(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.rights_editor)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Create"))
        self.resize(760, 0)

    def submit(self) -> None:
        try:
            login = validate_login(self.login_edit.text())
            _check_passwords(self.password_edit.text(), self.repeat_edit.text(), login)
            rights = self.rights_editor.rights()
        except DomainError as exc:
            self.show_problem(exc)
            return
        self._run(ops.create_user(parent=self, session=self.session, login=login,
                                  password=self.password_edit.text(), rights=rights))


class EditRightsDialog(_Dialog):
    """Jobs, organizations, staff link and card access of an existing user."""

    def __init__(self, session: AppSession, data: ops.UsersData, account: UserAccount,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.account = account
        self.before = rights_of(account)
        self.setWindowTitle(self.tr("Rights of {login}").format(login=account.login))
        self.rights_editor = RightsEditor(data, self)
        self.rights_editor.set_rights(self.before)
        heading = QLabel(self.tr("User name: <b>{login}</b>").format(login=account.login), self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.rights_editor)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Save"))
        self.resize(760, 0)

    def submit(self) -> None:
        try:
            after = self.rights_editor.rights()
        except DomainError as exc:
            self.show_problem(exc)
            return
        if after == self.before:
            self.accept()
            return
        self._run(ops.change_rights(parent=self, session=self.session, login=self.account.login,
                                    before=self.before, after=after))


class ResetPasswordDialog(_Dialog):
    def __init__(self, session: AppSession, login: str, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.login = login
        self.setWindowTitle(self.tr("New password for {login}").format(login=login))
        self.password_edit, self.repeat_edit, self.policy_label = _password_fields(self)
        note = QLabel(self.tr("Tell the user the new password in person; it is not stored anywhere."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&New password:"), self.password_edit)
        form.addRow(self.tr("&Repeat password:"), self.repeat_edit)
        form.addRow("", self.policy_label)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Set password"))
        self.resize(480, 0)

    def submit(self) -> None:
        try:
            _check_passwords(self.password_edit.text(), self.repeat_edit.text(), self.login)
        except DomainError as exc:
            self.show_problem(exc)
            return
        self._run(ops.reset_password(parent=self, session=self.session, login=self.login,
                                     password=self.password_edit.text()))
