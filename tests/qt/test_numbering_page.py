"""The administrator changes a card numbering rule in the Card numbering section."""

from __future__ import annotations

import pytest
import shiboken6

from medcenter_desktop.login_service import log_in
from shared.demo.generator import DEMO_PASSWORD
from workstations.administrator.window import AdministratorWindow

TIMEOUT = 30000


@pytest.fixture
def admin_window(qtbot, clinic):
    session = log_in(clinic.settings("ADM-01", language="en"), "admin", DEMO_PASSWORD)
    window = AdministratorWindow(session)
    qtbot.addWidget(window)
    window.show()
    yield window
    session.close()


def test_change_a_rule_and_see_the_next_number(qtbot, clinic, admin_window):
    admin_window.show_section(3)
    page = admin_window.numbering_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=TIMEOUT)
    assert page.selected() is not None
    dialog = page.edit()
    dialog.prefix_edit.setText("АМБ-")
    dialog.year_check.setChecked(True)
    dialog.digits_spin.setValue(2)
    dialog.next_spin.setValue(100)  # does not fit in two digits
    dialog.save()
    qtbot.waitUntil(lambda: "does not fit" in dialog.error_label.text(), timeout=TIMEOUT)
    assert dialog.isVisible()
    dialog.digits_spin.setValue(5)
    assert dialog.example_label.text().startswith("АМБ-20") and dialog.example_label.text().endswith("/00100")
    rule = dialog.rule
    dialog.save()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=TIMEOUT)
    with clinic.connect() as conn:
        row = conn.execute(
            "SELECT prefix, with_year, digits, next_value FROM card_numbering "
            "WHERE organization_id = %s AND card_type_id = %s", (rule.organization_id, rule.card_type_id)
        ).fetchone()
    assert row == ("АМБ-", True, 5, 100)
    qtbot.waitUntil(lambda: any(r.prefix == "АМБ-" for r in page.model.rows()), timeout=TIMEOUT)
