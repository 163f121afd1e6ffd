"""The launcher lists exactly the workstations of the user's jobs and opens them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from medcenter_desktop.launcher import LauncherWindow
from medcenter_desktop.workstation import Workstation, discover_workstations
from shared.db.roles import JOBS

ALL = discover_workstations()


@pytest.mark.parametrize(
    ("jobs", "expected"),
    [
        ((), []),
        (("registrar",), ["registrar"]),
        (("receptionist",), ["registrar"]),
        (("marketer",), ["contracts", "reports"]),
        (("medical_worker", "admission"), ["doctor", "admission"]),
        (("head", "statistician"), ["reports"]),
        (("administrator",), ["administrator"]),
        (
            JOBS,
            ["registrar", "call_centre", "cashier", "head_of_registry", "doctor", "contracts", "admission",
             "administrator", "reports"],
        ),
    ],
)
def test_launcher_shows_exactly_the_workstations_of_the_jobs(qtbot, make_session, jobs, expected):
    window = LauncherWindow(make_session(jobs=jobs), ALL)
    qtbot.addWidget(window)
    assert [card.workstation.name for card in window.cards()] == expected
    assert window.empty_label.isVisibleTo(window) is (not expected)


def test_header_names_user_jobs_and_server(qtbot, make_session):
    window = LauncherWindow(make_session(jobs=("cashier",)), ALL)
    qtbot.addWidget(window)
    assert window.name_label.text() == "Иванова Мария Петровна"
    assert "Cashier" in window.position_label.text()
    assert "db.clinic.local:5432/clinic" in window.place_label.text()
    assert "Organization No. 1" in window.place_label.text()


def test_card_opens_the_workstation_window(qtbot, make_session):
    window = LauncherWindow(make_session(jobs=("registrar",)), ALL)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.workstation_opened) as blocker:
        qtbot.mouseClick(window.cards()[0], Qt.MouseButton.LeftButton)
    opened = blocker.args[0]
    qtbot.addWidget(opened)
    assert opened.windowTitle() == "Registry — MedCenter Desktop"
    assert window.open_windows() == {"registrar": opened}
    # Opening again brings the same window forward instead of a second copy.
    assert window.open_workstation("registrar") is opened


def test_several_workstations_stay_open_and_log_out_closes_them(qtbot, make_session):
    window = LauncherWindow(make_session(jobs=("registrar", "cashier")), ALL)
    qtbot.addWidget(window)
    a = window.open_workstation("registrar")
    b = window.open_workstation("cashier")
    assert set(window.open_windows()) == {"registrar", "cashier"}
    with qtbot.waitSignal(window.logged_out):
        window.log_out()
    assert not a.isVisible() and not b.isVisible()
    assert window.open_windows() == {}


def test_a_workstation_the_jobs_do_not_allow_is_not_opened(qtbot, make_session):
    window = LauncherWindow(make_session(jobs=("registrar",)), ALL)
    qtbot.addWidget(window)
    assert window.open_workstation("cashier") is None


def test_a_failing_workstation_shows_an_error(qtbot, make_session, no_message_boxes):
    def broken(session):
        raise RuntimeError("boom")

    ws = Workstation("broken", "Broken", "Fails", "none.svg", frozenset({"registrar"}), broken)
    window = LauncherWindow(make_session(jobs=("registrar",)), [ws])
    qtbot.addWidget(window)
    assert window.open_workstation("broken") is None
    assert no_message_boxes and "unexpected error" in no_message_boxes[0][1]


def test_launcher_switches_language(qtbot, make_session):
    from medcenter_desktop import i18n

    window = LauncherWindow(make_session(jobs=("registrar",)), ALL)
    qtbot.addWidget(window)
    i18n.switch_language("ru")
    assert window.cards()[0].title_label.text() == "Регистратура"
    assert window.logout_button.text() == "Выйти"


@pytest.mark.parametrize("ws", ALL, ids=lambda w: w.name)
def test_every_workstation_window_is_a_main_window_shell(qtbot, make_session, ws, monkeypatch):
    monkeypatch.setattr("workstations.administrator.window.load_reference", lambda uow: _empty_reference())
    session = make_session(jobs=tuple(ws.required_roles))
    session.uow = lambda: None  # never used: load_reference is replaced
    window = ws.widget_factory(session)
    qtbot.addWidget(window)
    assert isinstance(window, QMainWindow)
    assert window.windowTitle().endswith(" — MedCenter Desktop")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Help"]
    status = window.status_texts()
    assert status[0] == "User: Иванова Мария Петровна"
    assert "db.clinic.local:5432/clinic" in status[2]
    assert status[3] == "Workstation: REG-01"


def _empty_reference():
    from shared.services.reference import ReferenceData

    return ReferenceData((), (), (), (), ())
