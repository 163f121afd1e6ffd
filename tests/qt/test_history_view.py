"""The History of actions against the real audit trail: the administrator's own actions, a
registrar's change seen by the head of registry, field changes of an entry, bad filters."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import text

from medcenter_desktop.history_view import HistoryView
from medcenter_desktop.login_service import log_in
from medcenter_desktop.operations import wait_for_background_ops
from medcenter_desktop.settings import Settings
from shared.demo.generator import DEMO_PASSWORD
from shared.services import reference_admin as ra

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT = 30000


def settings_for(clinic, workstation="ADM-01") -> Settings:
    a = clinic.admin
    return Settings(host=a.host, port=a.port, database=clinic.database, sslmode=a.sslmode,
                    role_namespace=clinic.roles.namespace, workstation_name=workstation, language="en")


@pytest.fixture
def sessions(clinic):
    opened = []

    def open_as(login, workstation="ADM-01"):
        session = log_in(settings_for(clinic, workstation), login, DEMO_PASSWORD)
        opened.append(session)
        return session

    yield open_as
    wait_for_background_ops(TIMEOUT)
    for session in opened:
        session.close()


def _registrar_changes_a_patient(session) -> int:
    with session.uow() as uow:
        conn = uow.session.connection()
        patient = conn.scalar(text("SELECT min(id) FROM patients"))
        conn.execute(text("UPDATE patients SET middle_name = 'Testovna' WHERE id = :p"), {"p": patient})
        uow.commit()
    return patient


def _view(qtbot, session, **kw) -> HistoryView:
    view = HistoryView(session, **kw)
    qtbot.addWidget(view)
    view.resize(1100, 640)
    view.show()
    qtbot.waitUntil(lambda: not view._loading and view.user_combo.count() > 1, timeout=TIMEOUT)
    return view


def _find(qtbot, view):
    view.find_button.click()
    qtbot.waitUntil(lambda: not view._loading, timeout=TIMEOUT)


def test_finds_the_administrators_actions(qtbot, sessions):
    admin = sessions("admin")
    with admin.uow() as uow:
        office = ra.create(uow.session.connection(), "offices", ra.OfficeValues(1, "H-77", "History test office"))
        uow.commit()
    view = _view(qtbot, admin)
    view.select_user(admin.user.role_name)
    view.table_combo.setCurrentIndex(view.table_combo.findData("offices"))
    _find(qtbot, view)
    entries = view.entries()
    assert [e.row_key for e in entries] == [str(office)]
    assert view.model.data(view.model.index(0, 3)) == "Created"
    assert view.model.data(view.model.index(0, 4)) == "Offices"
    assert view.model.data(view.model.index(0, 2)) == "medcenter:ADM-01"
    fields = {view.details.topLevelItem(i).text(0): view.details.topLevelItem(i).text(2)
              for i in range(view.details.topLevelItemCount())}
    assert fields["Name"] == "History test office", "human field names, not column names"


def test_head_of_registry_sees_a_registrars_change(qtbot, sessions):
    registrar = sessions("registrar", "REG-07")
    patient = _registrar_changes_a_patient(registrar)
    head = sessions("headregistry")
    from workstations.head_of_registry.window import HeadOfRegistryWindow

    window = HeadOfRegistryWindow(head)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    view = window.history
    qtbot.waitUntil(lambda: not view._loading and view.user_combo.count() > 1, timeout=TIMEOUT)
    view.select_user(registrar.user.role_name)
    view.patient_edit.setText(str(patient))
    _find(qtbot, view)
    entry = view.selected_entry()
    assert entry is not None and entry.table_name == "patients" and entry.action == "UPDATE"
    assert entry.patient_id == patient and entry.workstation.endswith("REG-07")
    items = [view.details.topLevelItem(i) for i in range(view.details.topLevelItemCount())]
    assert ("Patronymic", "Testovna") in [(i.text(0), i.text(2)) for i in items]
    assert "middle_name" in [i.toolTip(0) for i in items], "the database's name stays in the tooltip"
    if os.environ.get("MEDCENTER_SAVE_SCREENSHOTS") == "1":
        from medcenter_desktop import i18n

        i18n.install_translations("ru")
        qtbot.wait(300)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SCREENSHOTS / "history_ru.png"))


def test_period_starting_after_its_end_is_an_error(qtbot, sessions, no_message_boxes):
    view = _view(qtbot, sessions("admin"))
    view.from_edit.setDate(QDate.currentDate())
    view.to_edit.setDate(QDate.currentDate().addDays(-3))
    _find(qtbot, view)
    assert no_message_boxes and "period starts after it ends" in no_message_boxes[-1][1]
    assert "period starts after it ends" in view.state_label.text()


def test_patient_number_must_be_a_number(qtbot, sessions, no_message_boxes):
    view = _view(qtbot, sessions("admin"))
    for bad in ("abc", "12;DROP", "-5", "99999999999"):
        view.patient_edit.setText(bad)
        view.find_button.click()
        assert "patient number must be a whole number" in no_message_boxes[-1][1]
    assert not view._loading


def test_enter_in_the_filters_searches(qtbot, sessions):
    view = _view(qtbot, sessions("admin"))
    before = view._count
    # A refresh nobody asked for is still running when the user presses Enter: the user's search is not
    # dropped, it runs when the refresh ends.
    view.search(interactive=False)
    assert view._loading
    view.action_combo.setCurrentIndex(view.action_combo.findData("ADMIN"))
    view.patient_edit.setFocus()
    qtbot.keyClick(view.patient_edit, "\r")
    qtbot.waitUntil(lambda: not view._loading and view._pending is None, timeout=TIMEOUT)
    assert view.entries() and all(e.action == "ADMIN" for e in view.entries())
    assert before is not None
    assert view.action_combo.findData("REFUSED") >= 0  # refused attempts are a kind of action to look for
