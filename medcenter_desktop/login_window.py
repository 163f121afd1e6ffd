"""The login dialog: user, password, server, language, "Remember me", and demo users in the demo.

Logging in runs `login_service.log_in` (injectable for tests) through `BackgroundOp`; failures are
shown inline in the current language. On success `logged_in(AppSession)` is emitted and the dialog
is accepted.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop import credentials, i18n, login_service
from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.resources import app_icon
from medcenter_desktop.settings import Settings, save_settings
from medcenter_desktop.table_model import Column, DtoTableModel
from shared.db.connection import DatabaseMissing, ServerUnreachable, WrongCredentials
from shared.errors import QT_TRANSLATE_NOOP, DomainError

log = logging.getLogger(__name__)

LogIn = Callable[[Settings, str, str], Any]
#: (login, job title, password) of a demo clinic user.
DemoUserTuple = tuple[str, str, str]

LANGUAGE_CHOICES = ("system", "ru", "en")


@dataclass(frozen=True)
class DemoUser:
    id: str
    job: str
    password: str


DEMO_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("LoginWindow", "User"), lambda u: u.id, context="LoginWindow"),
    # Demo job titles are the English sources of the ``Jobs`` context when they match one.
    Column(QT_TRANSLATE_NOOP("LoginWindow", "Job"), lambda u: QCoreApplication.translate("Jobs", u.job), context="LoginWindow"),
    Column(QT_TRANSLATE_NOOP("LoginWindow", "Password"), lambda u: u.password, context="LoginWindow"),
)


class LoginWindow(QDialog):
    logged_in = Signal(object)

    def __init__(
        self,
        settings: Settings,
        *,
        log_in: LogIn | None = None,
        demo_users: Sequence[DemoUserTuple] | None = None,
        save_settings: Callable[[Settings], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._log_in = log_in or login_service.log_in
        self._save_settings = save_settings or _save_settings_default
        self._demo_users = [DemoUser(*u) for u in (demo_users or ())]
        self._error: BaseException | str | None = None
        self._busy = False
        self._cancelled = False
        self._password_from_keyring = False
        #: A message for the next screen (e.g. the password could not be remembered), translated.
        self.notice: str | None = None
        self.session: Any = None
        self.setObjectName("loginWindow")
        self.setWindowIcon(app_icon())
        self.setModal(True)
        self._build()
        self._set_tab_order()
        self.retranslate_ui()
        self.user_edit.setFocus()

    # --- Public API ------------------------------------------------------------------------------

    def error_message(self) -> str:
        """The text of the inline error label ("" when none), for tests and screen readers."""
        return self.error_label.text() if self._error is not None else ""

    def submit(self) -> None:
        """Logs in with what is typed (Enter and the button do this)."""
        if self._busy:
            return
        login = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not login:
            self._show_error(self.tr("Enter your user name."))
            self.user_edit.setFocus()
            return
        if not password:
            self._show_error(self.tr("Enter your password."))
            self.password_edit.setFocus()
            return
        try:
            settings = self._settings_from_fields()
        except _FieldProblem as problem:
            self._show_error(problem.text)
            self.server_toggle.setChecked(True)
            problem.widget.setFocus()
            return
        self._clear_error()
        self._cancelled = False
        self._set_busy(True)
        log_in = self._log_in
        BackgroundOp(self, lambda: log_in(settings, login, password)).success(
            lambda session: self._succeeded(session, settings, login, password)
        ).failure(lambda exc: self._failed(exc, settings, login)).run()

    def fill_demo_user(self, login: str) -> None:
        """Puts a demo user's name and password in the fields."""
        user = next((u for u in self._demo_users if u.id == login), None)
        if user is None:
            return
        self.user_edit.setText(user.id)
        self.password_edit.setText(user.password)
        self._password_from_keyring = False
        self._clear_error()
        self.login_button.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Log in \u2014 MedCenter Desktop"))
        self.product_label.setText("MedCenter Desktop")
        self.tagline_label.setText(self.tr("Clinic information system"))
        self.heading_label.setText(self.tr("Sign in"))
        self.form.labelForField(self.user_edit).setText(self.tr("&User:"))
        self.form.labelForField(self.password_edit).setText(self.tr("&Password:"))
        self.user_edit.setPlaceholderText(self.tr("for example, ivanova"))
        self.remember_check.setText(self.tr("&Remember me on this computer"))
        self.remember_check.setToolTip(
            self.tr("The password is kept in the operating system's password store, never in a file.")
        )
        self.login_button.setText(self.tr("Logging in\u2026") if self._busy else self.tr("Log in"))
        self._update_server_toggle()
        self.server_form.labelForField(self.host_edit).setText(self.tr("&Host:"))
        self.server_form.labelForField(self.port_spin).setText(self.tr("P&ort:"))
        self.server_form.labelForField(self.database_edit).setText(self.tr("&Database:"))
        self.language_label.setText(self.tr("&Language:"))
        self.language_combo.setItemText(0, self.tr("System"))
        self.language_combo.setItemText(1, "\u0420\u0443\u0441\u0441\u043a\u0438\u0439")
        self.language_combo.setItemText(2, "English")
        if self._demo_users:
            self.demo_title.setText(self.tr("Demo clinic"))
            self.demo_hint.setText(
                self.tr("This is a demonstration database. Click a user to fill in the fields.")
            )
        if self._error is not None:
            self._render_error()

    # --- Building --------------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self._build_header())

        body = QHBoxLayout()
        body.setContentsMargins(32, 24, 32, 20)
        body.setSpacing(28)
        body.addWidget(self._build_form(), 0)
        if self._demo_users:
            body.addWidget(self._build_demo(), 1)
        root.addLayout(body, 1)
        root.addWidget(self._build_footer())

    def _build_header(self) -> QWidget:
        header = QFrame(self)
        header.setObjectName("appHeader")
        layout = QHBoxLayout(header)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(14)
        logo = QLabel(header)
        logo.setPixmap(app_icon().pixmap(48, 48))
        texts = QVBoxLayout()
        texts.setSpacing(0)
        self.product_label = QLabel(header)
        self.product_label.setObjectName("productName")
        self.tagline_label = QLabel(header)
        self.tagline_label.setObjectName("headerSubtitle")
        texts.addWidget(self.product_label)
        texts.addWidget(self.tagline_label)
        layout.addWidget(logo)
        layout.addLayout(texts, 1)
        return header

    def _build_form(self) -> QWidget:
        panel = QWidget(self)
        panel.setObjectName("loginForm")
        panel.setMinimumWidth(360)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.heading_label = QLabel(panel)
        self.heading_label.setObjectName("sectionTitle")
        layout.addWidget(self.heading_label)

        self.form = QFormLayout()
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(10)
        self.user_edit = QLineEdit(panel)
        self.user_edit.setObjectName("userEdit")
        self.user_edit.setMaxLength(80)
        self.user_edit.editingFinished.connect(self._recall_password)
        self.password_edit = QLineEdit(panel)
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.textEdited.connect(self._password_typed)
        self.form.addRow(QLabel(panel), self.user_edit)
        self.form.addRow(QLabel(panel), self.password_edit)
        for field in (self.user_edit, self.password_edit):
            self.form.labelForField(field).setBuddy(field)
        layout.addLayout(self.form)

        self.remember_check = QCheckBox(panel)
        self.remember_check.toggled.connect(self._remember_toggled)
        layout.addWidget(self.remember_check)

        self.error_label = QLabel(panel)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)

        self.login_button = QPushButton(panel)
        self.login_button.setObjectName("primaryButton")
        self.login_button.setDefault(True)
        self.login_button.setAutoDefault(True)
        self.login_button.clicked.connect(self.submit)
        layout.addWidget(self.login_button)

        self.server_toggle = QToolButton(panel)
        self.server_toggle.setObjectName("linkButton")
        self.server_toggle.setCheckable(True)
        self.server_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.server_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.server_toggle.toggled.connect(self._server_toggled)
        layout.addWidget(self.server_toggle)

        self.server_box = QFrame(panel)
        self.server_box.setObjectName("serverBox")
        self.server_form = QFormLayout(self.server_box)
        self.server_form.setContentsMargins(12, 10, 12, 10)
        self.host_edit = QLineEdit(self.settings.host, self.server_box)
        self.port_spin = QSpinBox(self.server_box)
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(self.settings.port)
        self.port_spin.setGroupSeparatorShown(False)
        self.database_edit = QLineEdit(self.settings.database, self.server_box)
        for field in (self.host_edit, self.port_spin, self.database_edit):
            self.server_form.addRow(QLabel(self.server_box), field)
            self.server_form.labelForField(field).setBuddy(field)
            signal = field.valueChanged if isinstance(field, QSpinBox) else field.textChanged
            signal.connect(self._update_server_toggle)
        self.server_box.setVisible(False)
        layout.addWidget(self.server_box)
        layout.addStretch(1)
        return panel

    def _build_demo(self) -> QWidget:
        panel = QFrame(self)
        panel.setObjectName("demoPanel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        self.demo_title = QLabel(panel)
        self.demo_title.setObjectName("demoTitle")
        self.demo_hint = QLabel(panel)
        self.demo_hint.setWordWrap(True)
        self.demo_model = DtoTableModel(DEMO_COLUMNS, parent=self)
        self.demo_model.set_rows(self._demo_users)
        self.demo_table = QTableView(panel)
        self.demo_table.setObjectName("demoTable")
        self.demo_table.setModel(self.demo_model)
        self.demo_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.demo_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.demo_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.demo_table.verticalHeader().setVisible(False)
        self.demo_table.setAlternatingRowColors(True)
        self.demo_table.setShowGrid(False)
        header = self.demo_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.demo_table.clicked.connect(self._demo_clicked)
        self.demo_table.activated.connect(self._demo_clicked)
        layout.addWidget(self.demo_title)
        layout.addWidget(self.demo_hint)
        layout.addWidget(self.demo_table, 1)
        panel.setMinimumWidth(420)
        return panel

    def _build_footer(self) -> QWidget:
        footer = QFrame(self)
        footer.setObjectName("dialogFooter")
        layout = QHBoxLayout(footer)
        layout.setContentsMargins(32, 10, 32, 12)
        self.language_label = QLabel(footer)
        self.language_combo = QComboBox(footer)
        for code in LANGUAGE_CHOICES:
            self.language_combo.addItem("", code)
        current = LANGUAGE_CHOICES.index(self.settings.language) if self.settings.language in LANGUAGE_CHOICES else 0
        self.language_combo.setCurrentIndex(current)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.language_label.setBuddy(self.language_combo)
        self.version_label = QLabel(footer)
        self.version_label.setObjectName("mutedLabel")
        from medcenter_desktop import __version__

        self.version_label.setText(f"v{__version__}")
        layout.addWidget(self.language_label)
        layout.addWidget(self.language_combo)
        layout.addStretch(1)
        layout.addWidget(self.version_label)
        return footer

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.user_edit,
            self.password_edit,
            self.remember_check,
            self.login_button,
            self.server_toggle,
            self.host_edit,
            self.port_spin,
            self.database_edit,
            self.language_combo,
        ]
        if self._demo_users:
            chain.append(self.demo_table)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- Behaviour -------------------------------------------------------------------------------

    def _settings_from_fields(self) -> Settings:
        host = self.host_edit.text().strip()
        database = self.database_edit.text().strip()
        if not host:
            raise _FieldProblem(self.tr("Enter the server address."), self.host_edit)
        if not database:
            raise _FieldProblem(self.tr("Enter the database name."), self.database_edit)
        return dataclasses.replace(self.settings, host=host, port=self.port_spin.value(), database=database)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (
            self.user_edit, self.password_edit, self.remember_check, self.login_button,
            self.server_toggle, self.server_box, self.language_combo,
        ):
            widget.setEnabled(not busy)
        self.login_button.setText(self.tr("Logging in\u2026") if busy else self.tr("Log in"))

    def reject(self) -> None:
        self._cancelled = True
        super().reject()

    def _succeeded(self, session: Any, settings: Settings, login: str, password: str) -> None:
        self._set_busy(False)
        if self._cancelled:
            # The window was closed while connecting: nobody wants this session.
            session.close()
            return
        self.session = session
        if self.remember_check.isChecked():
            try:
                credentials.remember_password(settings, login, password)
            except DomainError as exc:
                self.notice = error_text(exc)
        else:
            credentials.forget_password(settings, login)
        if settings != self.settings:
            self.settings = settings
            self._persist_settings()
        self.logged_in.emit(session)
        self.accept()

    def _failed(self, exc: Exception, settings: Settings, login: str) -> None:
        self._set_busy(False)
        self._show_error(exc)
        if isinstance(exc, WrongCredentials):
            if self._password_from_keyring:
                credentials.forget_password(settings, login)
                self._password_from_keyring = False
            self.password_edit.clear()
            self.password_edit.setFocus()
        elif isinstance(exc, ServerUnreachable | DatabaseMissing):
            self.server_toggle.setChecked(True)
            self.host_edit.setFocus()
        else:
            self.password_edit.setFocus()

    def _show_error(self, error: BaseException | str) -> None:
        self._error = error
        self._render_error()

    def _render_error(self) -> None:
        error = self._error
        text = error if isinstance(error, str) else error_text(error) if error is not None else ""
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _clear_error(self) -> None:
        self._error = None
        self.error_label.clear()
        self.error_label.setVisible(False)

    def _recall_password(self) -> None:
        if self.password_edit.text():
            return
        password = credentials.recall_password(self._settings_or_current(), self.user_edit.text())
        if password:
            self.password_edit.setText(password)
            self._password_from_keyring = True
            self.remember_check.blockSignals(True)
            self.remember_check.setChecked(True)
            self.remember_check.blockSignals(False)

    def _settings_or_current(self) -> Settings:
        try:
            return self._settings_from_fields()
        except _FieldProblem:
            return self.settings

    def _password_typed(self, _text: str) -> None:
        self._password_from_keyring = False

    def _remember_toggled(self, checked: bool) -> None:
        if not checked:
            return
        try:
            credentials.check_available()
        except DomainError as exc:
            self.remember_check.blockSignals(True)
            self.remember_check.setChecked(False)
            self.remember_check.blockSignals(False)
            self._show_error(exc)

    def _server_toggled(self, shown: bool) -> None:
        self.server_box.setVisible(shown)
        self.server_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.adjustSize()

    def _update_server_toggle(self, *_args) -> None:
        server = f"{self.host_edit.text().strip()}:{self.port_spin.value()}/{self.database_edit.text().strip()}"
        self.server_toggle.setText(self.tr("Server: {server}").format(server=server))

    def _language_chosen(self, index: int) -> None:
        language = self.language_combo.itemData(index)
        if language == self.settings.language:
            return
        self.settings = dataclasses.replace(self.settings, language=language)
        self._persist_settings()
        i18n.switch_language(language)

    def _persist_settings(self) -> None:
        try:
            self._save_settings(self.settings)
        except DomainError as exc:
            self._show_error(exc)
        except OSError as exc:
            log.warning("saving settings failed: %s", type(exc).__name__)
            self._show_error(self.tr("The settings could not be saved: {problem}").format(problem=exc.strerror or ""))

    def _demo_clicked(self, index: QModelIndex) -> None:
        user = self.demo_model.row_at(index)
        if user is not None:
            self.fill_demo_user(user.id)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class _FieldProblem(Exception):
    def __init__(self, text: str, widget: QWidget) -> None:
        super().__init__(text)
        self.text = text
        self.widget = widget


def _save_settings_default(settings: Settings) -> None:
    save_settings(settings)
