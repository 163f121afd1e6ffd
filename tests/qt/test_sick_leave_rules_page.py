"""The sick-leave rules page of the reports workstation against the real demo clinic (issue 9, rules as
data): the head of the organization switches a rule off and sets the days a doctor alone may release to 10
(the rules engine then refuses an 11-day period by one doctor); "abc" is refused with a message and 10
stays; the statistician sees the rules read-only."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from medcenter_desktop.operations import wait_for_background_ops
from shared.services import sick_leave_rules as engine

TIMEOUT = 30000


def _window(qtbot, session):
    from workstations.reports.window import ReportsWindow

    window = ReportsWindow(session)
    qtbot.addWidget(window)
    window.resize(1280, 780)
    window.show()
    page = window.show_sick_leave_rules()
    qtbot.waitUntil(lambda: page.loaded and not page.busy, timeout=TIMEOUT)
    return window, page


def _rule(clinic, code):
    with clinic.connect() as conn:
        return conn.execute("SELECT active, parameters FROM sick_leave_rules WHERE code = %s", (code,)).fetchone()


def _enter(qtbot, page, edit, typed: str) -> None:
    edit.setText(typed)
    edit.editingFinished.emit()
    qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)
    wait_for_background_ops()


def _certificate(days: int):
    start = dt.date(2026, 3, 2)
    period = SimpleNamespace(date_from=start, date_to=start + dt.timedelta(days=days - 1), chair_name="")
    return SimpleNamespace(issue_date=start, birth_date=dt.date(1980, 1, 1), cause_code="01", periods=[period],
                           care=[], return_date=None, violation_date=None, hospital_from=None, hospital_to=None,
                           commission_referral_date=None, commission_registration_date=None,
                           commission_examination_date=None, other_date=None)


def test_the_head_tunes_the_rules(qtbot, sessions, clinic):
    from shared.services import sick_leave as sl

    head = sessions("head", "HEAD-01")
    window, page = _window(qtbot, head)
    assert window.tabs.tabText(window.SICK_LEAVE_RULES_TAB) == "Sick-leave rules"
    codes = [r.code for r in engine.SHIPPED_RULES]
    assert [r.code for r in page.rules] == codes
    row = page.row_of("single_doctor_days")
    assert "doctor alone" in page.table.item(row, page.RULE).text()
    assert "chair of the medical commission" in page.table.item(row, page.MESSAGE).text()
    assert page.table.horizontalHeaderItem(page.PARAMETERS).text() == "Parameters"

    # A rule switched off.
    box = page.active_boxes["no_future_dates"]
    assert box.isEnabled() and box.isChecked()
    box.setChecked(False)
    qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)
    wait_for_background_ops()
    assert page.error_label.text() == ""
    assert _rule(clinic, "no_future_dates")[0] is False

    # The days a doctor alone may release: 10.
    edit = page.parameter_edits["single_doctor_days"]["max_days"]
    assert edit.text() == "15" and not edit.isReadOnly()
    _enter(qtbot, page, edit, "10")
    assert page.error_label.text() == ""
    assert _rule(clinic, "single_doctor_days")[1] == {"max_days": 10}

    # The engine now refuses an 11-day period by one doctor (and accepts 10 days).
    with head.uow() as uow:
        rules = sl.active_rules(uow.session.connection())
    context = engine.RuleContext(today=dt.date(2026, 3, 20), rules=tuple(rules))
    assert "single_doctor_days" in {v.code for v in engine.check(_certificate(11), context)}
    assert "single_doctor_days" not in {v.code for v in engine.check(_certificate(10), context)}

    # Refused input: the message is shown and 10 stays, on screen and in the database.
    for typed, message in (("abc", "enter a whole number"), ("0", "greater than zero"),
                           ("-3", "greater than zero"), ("366", "at most 365 days")):
        _enter(qtbot, page, edit, typed)
        assert message in page.error_label.text(), typed
        assert edit.text() == "10"
    assert "Days a doctor alone may release" in page.error_label.text()
    assert _rule(clinic, "single_doctor_days")[1] == {"max_days": 10}

    # What is stored comes back on reload.
    page.reload()
    qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)
    assert page.parameter_edits["single_doctor_days"]["max_days"].text() == "10"
    assert not page.active_boxes["no_future_dates"].isChecked()


def test_the_statistician_sees_the_rules_read_only(qtbot, sessions, clinic):
    statistician = sessions("statistician", "STAT-01")
    _window_, page = _window(qtbot, statistician)
    assert len(page.rules) == len(engine.SHIPPED_RULES)
    assert all(not box.isEnabled() for box in page.active_boxes.values())
    edit = page.parameter_edits["single_doctor_days"]["max_days"]
    assert edit.isReadOnly()
    edit.setText("3")
    edit.editingFinished.emit()
    wait_for_background_ops()
    assert _rule(clinic, "single_doctor_days")[1] == {"max_days": 15}
    assert "Only the head" in page.lead.text()
