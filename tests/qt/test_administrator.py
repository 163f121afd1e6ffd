"""The administrator's reference browser shows what the reference service returns."""

from __future__ import annotations

import datetime as dt

from shared.errors import DomainError
from shared.services.reference import (
    CardTypeRow,
    DepartmentRow,
    OfficeRow,
    OrganizationRow,
    ReferenceData,
    StaffRow,
)
from workstations.administrator import window as admin_window

DATA = ReferenceData(
    organizations=(
        OrganizationRow(1, "Clinic No. 1", "LLC Clinic No. 1", "7701234567", None, "Moscow", "+7 495 000-00-00",
                        "Europe/Moscow", True),
    ),
    departments=(DepartmentRow(1, "Clinic No. 1", "Therapy", "outpatient", None, True),),
    offices=(OfficeRow(1, "Clinic No. 1", "101", "Therapist", "Therapy", 1, "", True),),
    staff=(
        StaffRow(1, "Clinic No. 1", "Petrov Ivan Sergeevich", "Therapist", "Therapy", "Therapy",
                 dt.date(2020, 3, 1), None),
        StaffRow(2, "Clinic No. 1", "Antonova Olga", "Nurse", None, "Therapy", dt.date(2021, 1, 1), None),
    ),
    card_types=(CardTypeRow(1, "outpatient", "Outpatient card", "025/u", True),),
)


def _window(qtbot, make_session, monkeypatch, loader):
    monkeypatch.setattr(admin_window, "load_reference", loader)
    session = make_session(jobs=("administrator",))
    session.uow = lambda: "uow"
    window = admin_window.AdministratorWindow(session)
    qtbot.addWidget(window)
    return window


def test_lists_are_loaded_in_the_background_and_shown(qtbot, make_session, monkeypatch):
    window = _window(qtbot, make_session, monkeypatch, lambda uow: DATA)
    qtbot.waitUntil(lambda: window.tables["staff"].model.rowCount() == 2, timeout=5000)
    assert window.tabs.tabText(3) == "Staff (2)"
    staff = window.tables["staff"]
    assert staff.proxy.data(staff.proxy.index(0, 0)) == "Antonova Olga"  # sorted by name
    depts = window.tables["departments"].model
    assert depts.data(depts.index(0, 1)) == "outpatient"
    assert window.tables["card_types"].model.data(window.tables["card_types"].model.index(0, 2)) == "025/u"


def test_filter_narrows_the_list(qtbot, make_session, monkeypatch):
    window = _window(qtbot, make_session, monkeypatch, lambda uow: DATA)
    qtbot.waitUntil(lambda: window.tables["staff"].model.rowCount() == 2, timeout=5000)
    staff = window.tables["staff"]
    staff.filter_edit.setText("petrov")
    assert staff.proxy.rowCount() == 1


def test_load_failure_is_shown_in_the_window(qtbot, make_session, monkeypatch):
    def fail(uow):
        raise DomainError()

    window = _window(qtbot, make_session, monkeypatch, fail)
    qtbot.waitUntil(lambda: "could not be loaded" in window.state_label.text(), timeout=5000)
    assert "The operation could not be completed." in window.state_label.text()


def test_reference_changes_on_the_bus_reload(qtbot, make_session, monkeypatch):
    from medcenter_desktop.operations import operation_bus

    calls = []

    def loader(uow):
        calls.append(uow)
        return DATA

    window = _window(qtbot, make_session, monkeypatch, loader)
    qtbot.waitUntil(lambda: not window._loading, timeout=5000)
    operation_bus().notify({"offices"})
    qtbot.waitUntil(lambda: len(calls) == 2 and not window._loading, timeout=5000)
