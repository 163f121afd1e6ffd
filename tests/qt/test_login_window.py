"""The login window, driven with an injected log-in function (the real one is tested against a database)."""

from __future__ import annotations

import keyring
import keyring.errors
import pytest
from PySide6.QtCore import Qt

from medcenter_desktop import credentials
from medcenter_desktop.login_window import LoginWindow
from shared.db.connection import ServerUnreachable, WrongCredentials
from shared.db.migrate import DatabaseNotAtHead


class FakeLogIn:
    def __init__(self, result=None, error=None):
        self.result = result
        self.error = error
        self.calls = []

    def __call__(self, settings, login, password):
        self.calls.append((settings, login, password))
        if self.error is not None:
            raise self.error
        return self.result


class MemoryKeyring:
    def __init__(self):
        self.store = {}

    def set_password(self, service, user, password):
        self.store[(service, user)] = password

    def get_password(self, service, user):
        return self.store.get((service, user))

    def delete_password(self, service, user):
        if (service, user) not in self.store:
            raise keyring.errors.PasswordDeleteError("none")
        del self.store[(service, user)]


@pytest.fixture
def memory_keyring(monkeypatch):
    ring = MemoryKeyring()
    monkeypatch.setattr(keyring, "set_password", ring.set_password)
    monkeypatch.setattr(keyring, "get_password", ring.get_password)
    monkeypatch.setattr(keyring, "delete_password", ring.delete_password)
    monkeypatch.setattr(credentials, "check_available", lambda: None)
    return ring


@pytest.fixture
def make_window(qtbot, settings):
    def factory(log_in, **kwargs):
        kwargs.setdefault("save_settings", lambda s: None)
        window = LoginWindow(settings, log_in=log_in, **kwargs)
        qtbot.addWidget(window)
        window.show()
        return window

    return factory


def _type_and_submit(qtbot, window, login="ivanova", password="secret"):
    qtbot.keyClicks(window.user_edit, login)
    qtbot.keyClicks(window.password_edit, password)
    window.password_edit.setFocus()
    qtbot.keyClick(window.password_edit, Qt.Key.Key_Return)


def test_success_emits_logged_in_and_accepts(qtbot, make_window, stub_session, memory_keyring):
    fake = FakeLogIn(result=stub_session)
    window = make_window(fake)
    with qtbot.waitSignal(window.logged_in, timeout=5000) as blocker:
        _type_and_submit(qtbot, window)
    assert blocker.args == [stub_session]
    assert window.result() == LoginWindow.DialogCode.Accepted
    settings, login, password = fake.calls[0]
    assert (settings.host, settings.database, login, password) == ("db.clinic.local", "clinic", "ivanova", "secret")


@pytest.mark.parametrize(
    ("error", "expected", "password_cleared"),
    [
        (WrongCredentials(), "Wrong user name or password", True),
        (ServerUnreachable(host="db.clinic.local", port=5432), "db.clinic.local:5432 does not answer", False),
        (DatabaseNotAtHead(database="clinic", current="0001", head="0002"), "schema version 0001", False),
        (RuntimeError("secret internals"), "unexpected error", False),
    ],
)
def test_failure_is_shown_inline(qtbot, make_window, error, expected, password_cleared):
    window = make_window(FakeLogIn(error=error))
    _type_and_submit(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.error_message()), timeout=5000)
    assert expected in window.error_message()
    assert "secret internals" not in window.error_message()
    assert window.error_label.isVisible()
    assert window.login_button.isEnabled()
    assert (window.password_edit.text() == "") is password_cleared
    if password_cleared:
        assert window.password_edit.hasFocus()


def test_wrong_password_message_in_russian(qtbot, make_window):
    from medcenter_desktop import i18n

    window = make_window(FakeLogIn(error=WrongCredentials()))
    _type_and_submit(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.error_message()), timeout=5000)
    i18n.switch_language("ru")
    assert window.error_message().startswith("Неверное имя пользователя или пароль")


def test_server_unreachable_opens_the_server_section(qtbot, make_window):
    window = make_window(FakeLogIn(error=ServerUnreachable(host="x", port=1)))
    _type_and_submit(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.error_message()), timeout=5000)
    assert window.server_box.isVisible()


def test_empty_fields_are_asked_for_without_calling_log_in(qtbot, make_window):
    fake = FakeLogIn()
    window = make_window(fake)
    window.submit()
    assert window.error_message() == "Enter your user name."
    window.user_edit.setText("ivanova")
    window.submit()
    assert window.error_message() == "Enter your password."
    assert fake.calls == []


def test_edited_server_is_used_and_saved(qtbot, make_window, stub_session, memory_keyring):
    saved = []
    fake = FakeLogIn(result=stub_session)
    window = make_window(fake, save_settings=saved.append)
    window.server_toggle.setChecked(True)
    window.host_edit.setText("10.0.0.5")
    window.port_spin.setValue(6543)
    with qtbot.waitSignal(window.logged_in, timeout=5000):
        _type_and_submit(qtbot, window)
    assert (fake.calls[0][0].host, fake.calls[0][0].port) == ("10.0.0.5", 6543)
    assert saved[-1].host == "10.0.0.5"


def test_remember_me_stores_password_in_keyring(qtbot, make_window, stub_session, memory_keyring, settings):
    window = make_window(FakeLogIn(result=stub_session))
    window.remember_check.setChecked(True)
    with qtbot.waitSignal(window.logged_in, timeout=5000):
        _type_and_submit(qtbot, window)
    assert memory_keyring.store == {("MedCenter Desktop", "db.clinic.local:5432/clinic/ivanova"): "secret"}


def test_remembered_password_is_filled_in(qtbot, make_window, memory_keyring):
    memory_keyring.store[("MedCenter Desktop", "db.clinic.local:5432/clinic/ivanova")] = "kept"
    window = make_window(FakeLogIn())
    window.user_edit.setText("ivanova")
    window.user_edit.editingFinished.emit()
    assert window.password_edit.text() == "kept"
    assert window.remember_check.isChecked()


def test_without_remember_me_a_stored_password_is_forgotten(qtbot, make_window, stub_session, memory_keyring):
    memory_keyring.store[("MedCenter Desktop", "db.clinic.local:5432/clinic/ivanova")] = "old"
    window = make_window(FakeLogIn(result=stub_session))
    with qtbot.waitSignal(window.logged_in, timeout=5000):
        _type_and_submit(qtbot, window)
    assert memory_keyring.store == {}


def test_no_keyring_backend_gives_inline_message(qtbot, make_window, monkeypatch):
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    window = make_window(FakeLogIn())
    window.remember_check.setChecked(True)
    assert not window.remember_check.isChecked()
    assert "no working password store" in window.error_message()


def test_keyring_failure_while_storing_does_not_block_login(qtbot, make_window, stub_session, monkeypatch):
    def broken(*args):
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(credentials, "check_available", lambda: None)
    monkeypatch.setattr(keyring, "set_password", broken)
    window = make_window(FakeLogIn(result=stub_session))
    window.remember_check.setChecked(True)
    with qtbot.waitSignal(window.logged_in, timeout=5000):
        _type_and_submit(qtbot, window)
    assert "no working password store" in window.notice


def test_keyring_errors_when_reading_are_ignored(qtbot, make_window, monkeypatch):
    def broken(*args):
        raise keyring.errors.NoKeyringError("none")

    monkeypatch.setattr(keyring, "get_password", broken)
    window = make_window(FakeLogIn())
    window.user_edit.setText("ivanova")
    window.user_edit.editingFinished.emit()
    assert window.password_edit.text() == ""
    assert window.error_message() == ""


def test_demo_users_fill_the_fields(qtbot, make_window):
    demo = [("admin", "Administrator", "demo-admin"), ("ivanova", "Registrar", "demo-reg")]
    window = make_window(FakeLogIn(), demo_users=demo)
    assert window.demo_model.rowCount() == 2
    index = window.demo_model.index(1, 1)
    window.demo_table.clicked.emit(index)
    assert window.user_edit.text() == "ivanova"
    assert window.password_edit.text() == "demo-reg"


def test_no_demo_panel_without_demo_users(qtbot, make_window):
    window = make_window(FakeLogIn())
    assert not hasattr(window, "demo_table")


def _next_tab_stop(widget):
    candidate = widget.nextInFocusChain()
    while not (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and candidate.isVisible() and candidate.isEnabled()):
        candidate = candidate.nextInFocusChain()
    return candidate


def test_tab_order_user_password_remember_log_in(qtbot, make_window):
    window = make_window(FakeLogIn())
    order = [window.user_edit]
    for _ in range(4):
        order.append(_next_tab_stop(order[-1]))
    assert order == [
        window.user_edit, window.password_edit, window.remember_check, window.login_button, window.server_toggle
    ]
    assert window.login_button.isDefault()
