"""The client card's details against the real database, logged in as the demo registrar: a document
refused at its field then saved, a legal representative seen from both clients' cards, a consent
withdrawn. With MEDCENTER_SAVE_SCREENSHOTS=1 it saves the details to docs/screenshots/."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from medcenter_desktop import i18n
from medcenter_desktop.operations import wait_for_background_ops
from shared.services import client_details
from shared.services.patient_input import PatientInput
from tests.qt.test_registrar import TIMEOUT, _open, _register, _save_shot, make_window  # noqa: F401

CHILD = PatientInput(last_name="Ёлкин", first_name="Миша", middle_name="Олегович", birth_date="03.04.2019",
                     sex="M", phones=("+7 916 555-01-03",))


@pytest.fixture
def client(qtbot, make_window):  # noqa: F811
    window = make_window()
    pid = _register(window.session)
    page = _open(qtbot, window, pid)
    panel = page.details_panel
    qtbot.waitUntil(lambda: panel.details is not None, timeout=TIMEOUT)
    return window, pid, panel


def _stored(session, pid):
    with session.uow() as uow:
        return client_details.client_details(uow.session.connection(), pid)


def test_passport_with_a_bad_number_is_refused_at_the_field_then_saved(qtbot, client, no_message_boxes):
    window, pid, panel = client
    dialog = panel.add_document()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("passport"))
    dialog.series_edit.setText("45 12")
    dialog.number_edit.setText("12345")
    dialog.issued_on_edit.setText("10.06.2011")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT)
    assert "6 digits" in dialog.field_error("number")
    assert dialog.field_error("series") == "" and dialog.isVisible()
    assert _stored(window.session, pid).documents == ()

    dialog.number_edit.setText("123456")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: panel.dialog is None and panel.documents.model.rowCount() == 1, timeout=TIMEOUT)
    stored = _stored(window.session, pid).documents
    assert [(d.kind, d.series, d.number) for d in stored] == [("passport", "4512", "123456")]
    assert panel.documents.model.index(0, 1).data() == "4512 123456"
    assert no_message_boxes == []


def test_representative_appears_in_both_cards(qtbot, client, no_message_boxes):
    window, mother, panel = client
    child = _register(window.session, CHILD)
    window.open_client(child)
    qtbot.waitUntil(lambda: panel.patient_id == child and panel.details is not None, timeout=TIMEOUT)
    dialog = panel.add_representative()
    dialog.search_edit.setText("ёлкина дарья")
    qtbot.waitUntil(lambda: dialog.results_query == "ёлкина дарья", timeout=TIMEOUT)
    assert [h.id for h in dialog.results_model.rows()] == [mother], "the client themselves is not offered"
    dialog.relation_combo.setCurrentIndex(dialog.relation_combo.findData("guardian"))
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT)
    assert "Required" in dialog.field_error("document"), "a guardian needs the proving document"
    dialog.document_edit.setText("Постановление № 12")
    dialog.valid_from_edit.setText("01.01.2024")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: panel.dialog is None and panel.representatives.model.rowCount() == 1, timeout=TIMEOUT)
    assert panel.representatives.model.rows()[0].representative_id == mother
    assert "Ёлкина Дарья" in panel.representatives.model.index(0, 0).data()

    panel.representatives.view.setCurrentIndex(panel.representatives.model.index(0, 0))
    panel.open_representative_button.click()
    qtbot.waitUntil(lambda: panel.patient_id == mother and panel.details is not None, timeout=TIMEOUT)
    assert [w.patient_id for w in panel.wards.model.rows()] == [child]
    assert panel.wards.model.index(0, 1).data() == "guardian"
    assert no_message_boxes == []


def test_consent_given_then_withdrawn(qtbot, client, no_message_boxes):
    window, pid, panel = client
    dialog = panel.give_consent()
    dialog.given_on_edit.setText("01.01.2999")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT)
    assert "future" in dialog.field_error("given_on")
    dialog.given_on_edit.setText("01.02.2025")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: panel.dialog is None and panel.consents.model.rowCount() == 1, timeout=TIMEOUT)
    assert panel.withdraw_consent_button.isEnabled()
    withdraw = panel.withdraw_consent()
    withdraw.withdrawn_on_edit.setText("15.03.2025")
    withdraw.buttons.accepted.emit()
    qtbot.waitUntil(lambda: panel.dialog is None and panel.consents.model.rows()[0].withdrawn_on is not None,
                    timeout=TIMEOUT)
    assert "withdrawn 15.03.2025" in panel.consents.model.index(0, 1).data()
    assert not panel.withdraw_consent_button.isEnabled()
    assert _stored(window.session, pid).consents[0].withdrawn_on.isoformat() == "2025-03-15"
    assert no_message_boxes == []


def test_registrar_details_screenshot(qtbot, make_window, tmp_path):  # noqa: F811
    i18n.install_translations("ru")
    window = make_window()
    pid = _register(window.session)
    with window.session.uow() as uow:
        conn = uow.session.connection()
        client_details.add_document(conn, pid, "passport", "654321", series="4512", issued_by="ОВД района Арбат",
                                    issued_on="10.06.2011")
        client_details.add_policy(conn, pid, "dms", "ДМС-0042-17", insurer="Медстрах", valid_from="01.01.2026",
                                  valid_to="31.12.2026")
        client_details.set_address(conn, pid, "registration", "г. Москва, ул. Арбат, д. 10, кв. 5")
        client_details.give_consent(conn, pid, "01.02.2025", "Обработка персональных данных для оказания медицинской помощи")
        uow.commit()
    page = _open(qtbot, window, pid)
    qtbot.waitUntil(lambda: page.details_panel.details is not None
                    and page.details_panel.documents.model.rowCount() == 1, timeout=TIMEOUT)
    page.details_panel.setCurrentWidget(page.details_panel.policies)
    wait_for_background_ops(TIMEOUT)
    _save_shot(window, "registrar_details_ru.png", tmp_path)


def test_cards_not_returned_name_the_patient(qtbot, client, no_message_boxes):
    window, pid, _panel = client
    card = window.client_page
    qtbot.waitUntil(lambda: card.choices is not None and bool(card.choices.card_types), timeout=TIMEOUT)
    outpatient = next(t for t in card.choices.card_types if t.code == "outpatient")
    card.open_card_of_type(outpatient.id)
    qtbot.waitUntil(lambda: card.cards_model.rowCount() == 1, timeout=TIMEOUT)
    opened = card.selected_card()
    card.move_paper_card(opened.id, "patient", None)
    qtbot.waitUntil(lambda: card.selected_card().paper_location == "patient", timeout=TIMEOUT)
    dialog = window.show_cards_not_returned()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=TIMEOUT)
    row = dialog.model.row_for_id(opened.id)
    assert dialog.model.index(row, 1).data() == "Ёлкина Дарья Олеговна"
    assert dialog.model.headerData(1, Qt.Orientation.Horizontal) == "Patient"
    dialog.close()
