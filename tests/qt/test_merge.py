"""Merging duplicates at the head of registry's workstation against the real database: two records
of one client registered by a registrar, compared side by side, merged after a confirmation; a second
merge of the dropped record is refused with its reason. With MEDCENTER_SAVE_SCREENSHOTS=1 it saves
the merge page to docs/screenshots/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from medcenter_desktop import i18n
from medcenter_desktop.operations import wait_for_background_ops
from shared.services import patients, registry_lookup
from shared.services.patient_input import PatientInput
from shared.services.patient_search import search_patients
from workstations.head_of_registry.window import HeadOfRegistryWindow

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT = 30000

CLIENT = PatientInput(last_name="Ёлкина", first_name="Дарья", middle_name="Олеговна", birth_date="05.06.1991",
                      sex="F", snils="123-456-789 64", phones=("+7 916 555-01-02",))
TWIN = PatientInput(last_name="Ёлкина", first_name="Дарья", middle_name="Олеговна", birth_date="05.06.1991",
                    sex="F", phones=("+7 903 555-77-88",))


@pytest.fixture
def twins(sessions):
    """Two records of one client registered by the registrar; the second has an outpatient card."""
    registrar = sessions("registrar")
    with registrar.uow() as uow:
        conn = uow.session.connection()
        keep = patients.register_patient(conn, CLIENT, confirmed_not_duplicate=True)
        drop = patients.register_patient(conn, TWIN, confirmed_not_duplicate=True)
        outpatient = next(t for t in registry_lookup.card_types_to_open(conn) if t.code == "outpatient")
        card = patients.open_card(conn, drop, registrar.organization_id, outpatient.id)
        uow.commit()
    return keep, drop, card


@pytest.fixture
def window(qtbot, sessions):
    window = HeadOfRegistryWindow(sessions("headregistry", "REG-HEAD"))
    qtbot.addWidget(window)
    window.resize(1180, 720)
    window.show()
    return window


def _choose(qtbot, side, query: str, patient_id: int) -> None:
    side.search_edit.setText(query)
    qtbot.waitUntil(lambda: side.results_query == query, timeout=TIMEOUT)
    row = side.model.row_for_id(patient_id)
    assert row is not None, "the client is found"
    side.view.setCurrentIndex(side.model.index(row, 0))
    qtbot.waitUntil(lambda: side.chosen_id() == patient_id, timeout=TIMEOUT)


def _prepare(qtbot, window, twins):
    keep, drop, card = twins
    page = window.show_merge()
    _choose(qtbot, page.left, "ёлкина дарья", keep)
    _choose(qtbot, page.right, "ёлкина дарья", drop)
    return page


def test_merge_moves_the_card_and_the_dropped_record_leaves_the_search(
        qtbot, window, twins, sessions, monkeypatch, no_message_boxes):
    keep, drop, card = twins
    page = _prepare(qtbot, window, twins)
    assert page.left.values["snils"].text() == "123-456-789 64"
    assert card.number in page.right.values["cards"].text()
    assert page.keep_and_drop() == (keep, drop) and page.merge_button.isEnabled()

    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    page.merge_button.click()
    assert asked and "Ёлкина Дарья Олеговна" in asked[0]
    qtbot.waitUntil(lambda: not page.busy and "Merged" in page.status_label.text(), timeout=TIMEOUT)
    assert no_message_boxes == []

    registrar = sessions("registrar")
    with registrar.uow() as uow:
        conn = uow.session.connection()
        found = [h.id for h in search_patients(conn, "ёлкина дарья")]
        kept_cards = [c.number for c in patients.patient_cards(conn, keep)]
        dropped = patients.get_patient(conn, drop)
    assert drop not in found and keep in found
    assert card.number in kept_cards
    assert dropped.merged_into_id == keep
    qtbot.waitUntil(lambda: page.left.results_query is not None and page.right.results_query is not None,
                    timeout=TIMEOUT)
    wait_for_background_ops(TIMEOUT)
    assert drop not in [h.id for h in page.right.model.rows()]

    page.merge(keep, drop)  # the dropped record, merged already
    qtbot.waitUntil(lambda: not page.busy and bool(no_message_boxes), timeout=TIMEOUT)
    assert "merged already" in no_message_boxes[0][1]
    assert "merged already" in page.status_label.text()


def test_cancelled_confirmation_merges_nothing(qtbot, window, twins, monkeypatch, no_message_boxes):
    keep, drop, _card = twins
    page = _prepare(qtbot, window, twins)
    page.right.keep_radio.setChecked(True)
    assert page.keep_and_drop() == (drop, keep)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    page.merge_button.click()
    wait_for_background_ops(TIMEOUT)
    assert page.left.chosen_id() == keep and not page.busy and page.status_label.text() == ""


def test_merge_screenshot(qtbot, window, twins, tmp_path):
    i18n.install_translations("ru")
    _prepare(qtbot, window, twins)
    wait_for_background_ops(TIMEOUT)
    QApplication.processEvents()
    assert window.grab().save(str(tmp_path / "merge_ru.png"))
    if os.environ.get("MEDCENTER_SAVE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SCREENSHOTS / "merge_ru.png"))
