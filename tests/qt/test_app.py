"""The application flow: login, then the launcher or one named workstation."""

from __future__ import annotations

from medcenter_desktop.app import GuiFlow
from medcenter_desktop.workstation import discover_workstations


def _flow(settings, session, **kwargs):
    return GuiFlow(settings, log_in=lambda s, login, password: session, workstations=discover_workstations(), **kwargs)


def _log_in(qtbot, flow):
    window = flow.login_window
    window.user_edit.setText("ivanova")
    window.password_edit.setText("secret")
    with qtbot.waitSignal(window.logged_in, timeout=5000):
        window.submit()


def test_login_then_launcher_then_log_out_back_to_login(qtbot, settings, make_session, monkeypatch):
    monkeypatch.setattr("medcenter_desktop.credentials.forget_password", lambda *a: None)
    session = make_session(jobs=("cashier",))
    flow = _flow(settings, session)
    flow.start()
    first_login = flow.login_window
    qtbot.addWidget(first_login)
    _log_in(qtbot, flow)
    assert flow.launcher is not None and flow.launcher.isVisible()
    qtbot.addWidget(flow.launcher)
    assert [c.workstation.name for c in flow.launcher.cards()] == ["cashier"]
    flow.launcher.log_out()
    assert session.closed
    assert flow.login_window is not first_login and flow.login_window.isVisible()
    qtbot.addWidget(flow.login_window)


def test_open_workstation_directly(qtbot, settings, make_session, monkeypatch):
    monkeypatch.setattr("medcenter_desktop.credentials.forget_password", lambda *a: None)
    flow = _flow(settings, make_session(jobs=("registrar",)), open_workstation="registrar")
    flow.start()
    qtbot.addWidget(flow.login_window)
    _log_in(qtbot, flow)
    assert flow.launcher is None
    qtbot.addWidget(flow.workstation_window)
    assert flow.workstation_window.windowTitle() == "Registry — MedCenter Desktop"


def test_open_workstation_without_the_job_names_the_missing_job(
    qtbot, settings, make_session, monkeypatch, no_message_boxes
):
    monkeypatch.setattr("medcenter_desktop.credentials.forget_password", lambda *a: None)
    session = make_session(jobs=("registrar",))
    flow = _flow(settings, session, open_workstation="cashier")
    flow.start()
    qtbot.addWidget(flow.login_window)
    _log_in(qtbot, flow)
    qtbot.addWidget(flow.login_window)
    assert flow.workstation_window is None
    assert "Cashier" in no_message_boxes[0][1]
    assert session.closed
