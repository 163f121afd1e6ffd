"""The administrator's reference browser shows what the reference service returns; cash desks are set
up through it against the real database (with MEDCENTER_SCREENSHOT_DIR set, the list and the dialog
are saved there as admin-cash-desks*.png)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from medcenter_desktop.login_service import log_in
from medcenter_desktop.operations import wait_for_background_ops
from shared.demo.generator import DEMO_PASSWORD
from shared.errors import DomainError
from shared.services import reference_admin as ra
from shared.services.reference import (
    CardTypeRow,
    DepartmentRow,
    OfficeRow,
    OrganizationRow,
    ReferenceData,
    StaffRow,
)
from tests.qt.clinic_login import settings_for
from workstations.administrator import ops
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


def test_cash_desks_tab_shows_the_desks(qtbot, make_session, monkeypatch):
    window = _window(qtbot, make_session, monkeypatch, lambda uow: DATA)
    desks = (ra.CashDeskRow(1, "Clinic No. 1", "Desk 1", "0012345678", "12345678", True),
             ra.CashDeskRow(2, "Clinic No. 1", "Old desk", "", "", False))
    window.reference_page._show_extra(ops.ExtraLists((), (), desks))  # noqa: SLF001 - the loader's callback
    window.reference_page.select_tab("cash_desks")
    table = window.tables["cash_desks"]
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith("Cash desks")
    headers = [table.model.headerData(n, admin_window.Qt.Orientation.Horizontal) for n in range(5)]
    assert headers == ["Name", "Registrar No.", "OKPO", "Organization", "Active"]
    assert table.model.data(table.model.index(0, 1)) == "0012345678"
    table.view.selectRow(1)
    assert not window.reference_page.active_button.isHidden()  # the window itself is not shown
    assert window.reference_page.active_button.text() == "&Activate"


# --- Against the real database -----------------------------------------------------------------------

TIMEOUT = 30000
SCREENSHOT_DIR = os.environ.get("MEDCENTER_SCREENSHOT_DIR")


@pytest.fixture
def admin_page(qtbot, clinic):
    session = log_in(settings_for(clinic, "ADM-01"), "admin", DEMO_PASSWORD)
    window = admin_window.AdministratorWindow(session)
    qtbot.addWidget(window)
    window.resize(1100, 600)
    window.show()
    window.show_section(1)
    page = window.reference_page
    page.select_tab("cash_desks")
    qtbot.waitUntil(lambda: page._loaded and page.tables["cash_desks"].model.rowCount() > 0, timeout=TIMEOUT)
    yield window, page
    wait_for_background_ops(TIMEOUT)
    session.close()


@pytest.fixture
def answer_yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **kw: QMessageBox.StandardButton.Yes))


def _desk_rows(page) -> dict[str, ra.CashDeskRow]:
    model = page.tables["cash_desks"].model
    return {row.name: row for row in (model.row_at(model.index(n, 0)) for n in range(model.rowCount()))}


def _select(page, name: str) -> None:
    table = page.tables["cash_desks"]
    for n in range(table.proxy.rowCount()):
        if table.proxy.data(table.proxy.index(n, 0)) == name:
            table.view.setCurrentIndex(table.proxy.index(n, 0))
            return
    raise AssertionError(f"{name} is not listed")


def _open_dialog(qtbot, page, action):
    page.dialog = None
    action()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=TIMEOUT)
    return page.dialog


def _save(qtbot, dialog) -> None:
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=TIMEOUT)


def test_administrator_sets_up_a_cash_desk(qtbot, clinic, admin_page, answer_yes, no_message_boxes):
    window, page = admin_page
    dialog = _open_dialog(qtbot, page, page.create_record)
    assert dialog.windowTitle() == "Cash desk: new"
    assert dialog.widgets["organization_id"].currentData() == 1
    if SCREENSHOT_DIR:
        qtbot.wait(200)
        assert dialog.grab().save(str(Path(SCREENSHOT_DIR) / "admin-cash-desks-dialog.png"))
    dialog.set_field("name", "Desk 2")
    dialog.set_field("registrar_serial", "SN 0012")
    _save(qtbot, dialog)
    assert dialog.isVisible() and "Registrar No." in dialog.error_message()
    dialog.set_field("registrar_serial", "0012345678")
    dialog.set_field("okpo", "1234567")
    _save(qtbot, dialog)
    assert dialog.isVisible() and "OKPO" in dialog.error_message()
    if SCREENSHOT_DIR:
        qtbot.wait(200)
        assert dialog.grab().save(str(Path(SCREENSHOT_DIR) / "admin-cash-desks-dialog-refused.png"))
    dialog.set_field("okpo", "12345678")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "Desk 2" in _desk_rows(page), timeout=TIMEOUT)
    created = _desk_rows(page)["Desk 2"]
    assert (created.registrar_serial, created.okpo, created.is_active) == ("0012345678", "12345678", True)

    # A second desk of the same name in the organization is refused inside the dialog.
    taken = next(name for name in _desk_rows(page) if name != "Desk 2")
    dialog = _open_dialog(qtbot, page, page.create_record)
    dialog.set_field("name", taken)
    _save(qtbot, dialog)
    assert dialog.isVisible() and "\u201cName\u201d already exists" in dialog.error_message()
    dialog.reject()

    # Edited meanwhile by someone else: the dialog says who, and keeps what was typed.
    _select(page, "Desk 2")
    dialog = _open_dialog(qtbot, page, page.edit_record)
    assert dialog.windowTitle() == "Cash desk: editing"
    other = log_in(settings_for(clinic, "ADM-01"), "admin", DEMO_PASSWORD)
    try:
        with other.uow() as uow:
            conn = uow.session.connection()
            record = ra.get_record(conn, "cash_desks", created.id)
            ra.update_record(conn, "cash_desks", created.id, ra.CashDeskValues(1, "Desk 2", "0012345678", ""),
                             version=record.version)
            uow.commit()
    finally:
        other.close()
    dialog.set_field("name", "Desk 2a")
    _save(qtbot, dialog)
    assert dialog.isVisible() and "while you were editing" in dialog.error_message()
    dialog.reject()
    dialog = _open_dialog(qtbot, page, page.edit_record)
    assert dialog.values().okpo == ""
    dialog.set_field("name", "Desk 2a")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: "Desk 2a" in _desk_rows(page), timeout=TIMEOUT)

    # Used by an operation: not deleted, deactivated instead.
    with clinic.connect(autocommit=True) as conn:
        conn.execute("INSERT INTO cash_operations (organization_id, desk_id, kind, idempotency_key) "
                     "VALUES (1, %s, 'x_report', gen_random_uuid())", (created.id,))
    _select(page, "Desk 2a")
    page.delete_record()
    qtbot.waitUntil(lambda: bool(no_message_boxes), timeout=TIMEOUT)
    assert no_message_boxes[-1][0] == "warning" and "cannot be deleted" in no_message_boxes[-1][1]
    _select(page, "Desk 2a")
    assert page.active_button.isVisible() and page.active_button.isEnabled()
    page.toggle_active()
    qtbot.waitUntil(lambda: not _desk_rows(page)["Desk 2a"].is_active, timeout=TIMEOUT)
    if SCREENSHOT_DIR:
        _select(page, "Desk 2a")
        qtbot.wait(200)
        assert window.grab().save(str(Path(SCREENSHOT_DIR) / "admin-cash-desks.png"))
