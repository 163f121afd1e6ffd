"""The registrar's workstation against the real database, logged in as the demo registrars: find a
client as you type and open the card by keyboard, edit and save, register with the duplicate check,
the second of two concurrent saves, bad input caught at its field, medical and paper cards.
With MEDCENTER_SAVE_SCREENSHOTS=1 it saves the search and the client card to docs/screenshots/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from medcenter_desktop import i18n
from medcenter_desktop.operations import wait_for_background_ops
from shared.services import patients
from shared.services.patient_input import PatientInput
from workstations.registrar.window import RegistrarWindow

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT = 30000

NEW = PatientInput(last_name="Ёлкина", first_name="Дарья", middle_name="Олеговна", birth_date="05.06.1991",
                   sex="F", snils="123-456-789 64", oms_policy="8451999122899990", phones=("+7 916 555-01-02",))


@pytest.fixture
def make_window(qtbot, sessions):
    def build(login="registrar", workstation="REG-01") -> RegistrarWindow:
        window = RegistrarWindow(sessions(login, workstation))
        qtbot.addWidget(window)
        window.resize(1180, 720)
        window.show()
        return window

    return build


def _register(session, data=NEW) -> int:
    with session.uow() as uow:
        pid = patients.register_patient(uow.session.connection(), data, confirmed_not_duplicate=True)
        uow.commit()
    return pid


def _details(session, pid):
    with session.uow() as uow:
        return patients.get_patient(uow.session.connection(), pid)


def type_text(widget, typed: str) -> None:
    """Key presses carrying text (QTest.keyClicks only knows ASCII)."""
    for char in typed:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def _search(qtbot, window, query: str):
    page = window.search_page
    page.search_edit.setFocus()
    type_text(page.search_edit, query)
    qtbot.waitUntil(lambda: page.results_query == " ".join(query.split()) and not page.searching, timeout=TIMEOUT)
    return page


def _open(qtbot, window, pid):
    window.open_client(pid)
    qtbot.waitUntil(lambda: window.client_page.details is not None and window.client_page.details.id == pid,
                    timeout=TIMEOUT)
    return window.client_page


def _count(session, last_name: str) -> int:
    with session.uow() as uow:
        return uow.session.connection().scalar(text("SELECT count(*) FROM patients WHERE last_name = :l"),
                                               {"l": last_name})


def test_typing_then_down_enter_opens_the_client_and_esc_returns(qtbot, make_window):
    window = make_window()
    pid = _register(window.session)
    qtbot.waitUntil(lambda: window.search_page.search_edit.hasFocus() or not window.isActiveWindow(), timeout=TIMEOUT)
    page = _search(qtbot, window, "ёлкина д")
    assert [h.id for h in page.model.rows()] == [pid]
    assert page.model.index(0, 2).data() == "\u20260102"
    assert not page.empty_label.isVisibleTo(page)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.view.hasFocus() or QApplication.focusWidget() is page.view
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.client_page.details is not None, timeout=TIMEOUT)
    assert window.stack.currentWidget() is window.client_page
    assert window.client_page.form.last_name_edit.text() == "Ёлкина"
    qtbot.keyClick(window.client_page.form.last_name_edit, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.search_page
    assert QApplication.focusWidget() is page.search_edit
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Escape)
    assert page.search_edit.text() == ""


def test_nothing_found_invites_f2_which_prefills_the_registration(qtbot, make_window):
    window = make_window()
    page = _search(qtbot, window, "Несуществующая 01.02.1990")
    assert page.model.rowCount() == 0 and page.empty_label.isVisibleTo(page)
    assert "F2" in page.empty_label.text()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_F2)
    dialog = window.register_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.form.last_name_edit.text() == "Несуществующая"
    assert dialog.form.birth_date_edit.text() == "01.02.1990"
    dialog.reject()


def test_search_open_edit_save_is_stored(qtbot, make_window, no_message_boxes):
    window = make_window()
    pid = _register(window.session)
    page = _search(qtbot, window, "916 555-01-02")
    assert pid in [h.id for h in page.model.rows()]
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # the only result opens at once
    qtbot.waitUntil(lambda: window.client_page.details is not None, timeout=TIMEOUT)
    card = window.client_page
    card.form.middle_name_edit.clear()
    type_text(card.form.middle_name_edit, "Игоревна")
    card.form.phones_edit.setPlainText("+7 916 555-01-02\n8 (903) 123-45-67")
    card.form.email_edit.setText("elkina@example.ru")
    card.form.notify_email_check.setChecked(True)
    assert card.dirty
    card.save_button.click()
    qtbot.waitUntil(lambda: card.details is not None and card.details.version > 1 and not card._busy, timeout=TIMEOUT)
    stored = _details(window.session, pid)
    assert stored.middle_name == "Игоревна" and stored.phones == ("79165550102", "79031234567")
    assert stored.email == "elkina@example.ru" and stored.notify_email
    assert card.form.phones_edit.toPlainText() == "+7 916 555-01-02\n+7 903 123-45-67"
    assert not card.dirty and no_message_boxes == []


def test_register_shows_duplicates_then_different_person_registers(qtbot, make_window, no_message_boxes):
    window = make_window()
    existing = _register(window.session)
    dialog = window.register_client(PatientInput(last_name="Ёлкина", first_name="Дарья", middle_name="Олеговна",
                                                 birth_date="05.06.1991"))
    dialog.form.sex_combo.setCurrentIndex(dialog.form.sex_combo.findData("F"))
    dialog.register_button.click()
    qtbot.waitUntil(lambda: bool(dialog.duplicates()), timeout=TIMEOUT)
    assert [h.id for h in dialog.duplicates()] == [existing]
    assert "may already be registered" in dialog.duplicates_label.text()
    assert _count(window.session, "Ёлкина") == 1, "nothing saved before the registrar decides"
    dialog.different_button.click()
    qtbot.waitUntil(lambda: window.client_page.details is not None, timeout=TIMEOUT)
    assert dialog.client_id != existing and not dialog.chose_existing
    assert window.client_page.details.id == dialog.client_id
    assert _count(window.session, "Ёлкина") == 2


def test_register_duplicate_open_this_one_opens_the_existing_client(qtbot, make_window, no_message_boxes):
    window = make_window()
    existing = _register(window.session)
    dialog = window.register_client(PatientInput(last_name="Совсем", first_name="Другая", birth_date="01.01.1970",
                                                 sex="F", phones=("8 (916) 555-01-02",)))
    dialog.register_button.click()
    qtbot.waitUntil(lambda: bool(dialog.duplicates()), timeout=TIMEOUT)
    dialog.open_existing_button.click()
    qtbot.waitUntil(lambda: window.client_page.details is not None, timeout=TIMEOUT)
    assert window.client_page.details.id == existing and dialog.chose_existing
    assert _count(window.session, "Совсем") == 0


def test_second_concurrent_save_names_the_first_keeps_typing_and_reload_shows_theirs(
        qtbot, make_window, no_message_boxes):
    mine = make_window("registrar", "REG-01")
    theirs = make_window("reception", "REG-02")
    pid = _register(mine.session)
    my_card = _open(qtbot, mine, pid)
    their_card = _open(qtbot, theirs, pid)

    their_card.form.first_name_edit.setText("Дария")
    their_card.save()
    qtbot.waitUntil(lambda: their_card.details.version == 2 and not their_card._busy, timeout=TIMEOUT)

    my_card.form.middle_name_edit.setText("Игоревна")
    my_card.form.email_edit.setText("mine@example.ru")
    my_card.save()
    qtbot.waitUntil(lambda: bool(my_card.conflict_text()), timeout=TIMEOUT)
    assert theirs.session.user.full_name in my_card.conflict_text()
    assert my_card.form.middle_name_edit.text() == "Игоревна", "nothing typed is lost"
    assert my_card.form.email_edit.text() == "mine@example.ru"
    assert my_card.form.first_name_edit.text() == "Дарья"
    assert _details(mine.session, pid).middle_name == "Олеговна", "nothing overwritten"
    my_card.conflict_reload_button.click()
    qtbot.waitUntil(lambda: my_card.details.version == 2, timeout=TIMEOUT)
    assert my_card.form.first_name_edit.text() == "Дария"
    assert my_card.form.middle_name_edit.text() == "Олеговна"
    assert not my_card.conflict_text()


BAD_INPUT = [
    ("snils_edit", "123-456-789 65", "snils", "check number"),
    ("birth_date_edit", "31.02.1990", "birth_date", "no such date"),
    ("birth_date_edit", "01.01.2999", "birth_date", "future"),
    ("phones_edit", "8 916 ABC-01-02", "phones", "only digits"),
    ("first_name_edit", "Дарья2", "first_name", "Only letters"),
    ("last_name_edit", "Ё" * 500, "last_name", "100 characters"),
    ("last_name_edit", "Ёлкина\tДарья\nОлеговна", "last_name", "tabs and line breaks"),
]


@pytest.mark.parametrize(("widget", "value", "field", "message"), BAD_INPUT, ids=[b[1][:12] for b in BAD_INPUT])
def test_bad_input_is_shown_at_its_field_and_nothing_is_saved(qtbot, make_window, no_message_boxes,
                                                               widget, value, field, message):
    window = make_window()
    pid = _register(window.session)
    card = _open(qtbot, window, pid)
    edit = getattr(card.form, widget)
    if field == "phones":
        edit.setPlainText(value)
    else:
        edit.setFocus()
        edit.selectAll()
        edit.insert(value)  # as typed or pasted: the form checks on every edit
    assert message in card.form.field_error(field)
    assert set(card.form.shown_errors()) == {field}
    card.save_button.click()
    wait_for_background_ops(TIMEOUT)
    assert _details(window.session, pid).version == 1, "nothing saved"
    assert message in card.form.field_error(field) and "Correct" in card.status_label.text()


def test_bad_input_in_registration_saves_nothing(qtbot, make_window, no_message_boxes):
    window = make_window()
    dialog = window.register_client(PatientInput(last_name="Пробная", first_name="Анна", birth_date="31.02.1990",
                                                 sex="F", snils="12345678965"))
    dialog.register_button.click()
    wait_for_background_ops(TIMEOUT)
    assert set(dialog.form.shown_errors()) == {"birth_date", "snils"}
    assert dialog.isVisible() and _count(window.session, "Пробная") == 0


def test_open_card_of_type_move_paper_card_and_cards_not_returned(qtbot, make_window, no_message_boxes):
    window = make_window()
    pid = _register(window.session)
    card = _open(qtbot, window, pid)
    qtbot.waitUntil(lambda: card.choices is not None and card.open_card_button.isEnabled(), timeout=TIMEOUT)
    codes = [t.code for t in card.choices.card_types]
    assert "outpatient" in codes and "std" not in codes, "only the card types the registrar is granted"
    names = [a.text() for a in card.card_type_menu.actions()]
    outpatient = next(t for t in card.choices.card_types if t.code == "outpatient")
    assert outpatient.name in names
    next(a for a in card.card_type_menu.actions() if a.text() == outpatient.name).trigger()
    qtbot.waitUntil(lambda: card.cards_model.rowCount() == 1, timeout=TIMEOUT)
    opened = card.selected_card()
    assert opened.card_type == outpatient.name and opened.paper_location == "archive"

    office = card.choices.offices[0]
    card.move_paper_card(opened.id, "office", office.id, "к терапевту")
    qtbot.waitUntil(lambda: card.selected_card() is not None and card.selected_card().paper_location == "office",
                    timeout=TIMEOUT)
    assert office.number in card.cards_model.index(0, 3).data()

    dialog = window.show_cards_not_returned()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=TIMEOUT)
    assert opened.number in [c.number for c in dialog.model.rows()]
    dialog.close()

    card.move_paper_card(opened.id, "archive", None)
    qtbot.waitUntil(lambda: card.selected_card().paper_location == "archive", timeout=TIMEOUT)


def test_card_type_not_granted_is_refused_with_a_message(qtbot, make_window, clinic, no_message_boxes):
    window = make_window()
    pid = _register(window.session)
    card = _open(qtbot, window, pid)
    with clinic.connect() as admin:
        std = admin.execute("SELECT id FROM medical_card_types WHERE code = 'std'").fetchone()[0]
    card.open_card_of_type(std)
    qtbot.waitUntil(lambda: bool(no_message_boxes), timeout=TIMEOUT)
    assert "no access to cards of this type" in no_message_boxes[0][1]
    assert card.cards_model.rowCount() == 0


def test_leaving_a_changed_client_asks_first(qtbot, make_window, monkeypatch):
    window = make_window()
    pid = _register(window.session)
    card = _open(qtbot, window, pid)
    card.form.first_name_edit.setText("Дария")
    card.form.first_name_edit.textEdited.emit("Дария")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No))
    window.back_to_search()
    assert asked and window.stack.currentWidget() is window.client_page
    assert card.form.first_name_edit.text() == "Дария"


# --- Screenshots -----------------------------------------------------------------------------------


def _save_shot(window, name: str, tmp_path: Path) -> None:
    QApplication.processEvents()
    path = tmp_path / name
    assert window.grab().save(str(path))
    if os.environ.get("MEDCENTER_SAVE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SCREENSHOTS / name))


@pytest.mark.parametrize("language", ["ru", "en"])
def test_registrar_search_screenshot(qtbot, make_window, tmp_path, language):
    i18n.install_translations(language)
    window = make_window()
    with window.session.uow() as uow:  # the demo clinic's names are generated: take its commonest start
        prefix = uow.session.connection().scalar(text(
            "SELECT lower(left(last_name, 4)) FROM patients GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"))
    _search(qtbot, window, prefix)
    assert window.search_page.model.rowCount() > 0
    window.search_page.view.setFocus()
    _save_shot(window, f"registrar_search_{language}.png", tmp_path)


def test_registrar_client_screenshot(qtbot, make_window, tmp_path):
    i18n.install_translations("ru")
    window = make_window()
    with window.session.uow() as uow:
        pid = uow.session.connection().scalar(text(
            "SELECT p.id FROM patients p JOIN medical_cards c ON c.patient_id = p.id "
            "WHERE p.snils IS NOT NULL AND EXISTS (SELECT 1 FROM patient_phones ph WHERE ph.patient_id = p.id) "
            "ORDER BY p.id LIMIT 1"))
    card = _open(qtbot, window, pid)
    qtbot.waitUntil(lambda: card.choices is not None and card.cards_model.rowCount() > 0, timeout=TIMEOUT)
    card.form.birth_date_edit.setText("31.02.1990")
    card.form.birth_date_edit.textEdited.emit("31.02.1990")
    _save_shot(window, "registrar_client_ru.png", tmp_path)
