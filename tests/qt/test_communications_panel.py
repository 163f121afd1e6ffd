"""The communications log widget against the real database, logged in as the demo registrar: an entry
added with the keyboard only (Ins, arrows, Tab, typing, Ctrl+Enter) is listed; a refused entry (no
summary) and an unreadable time keep the dialog open with the message. The registrar's client card
shows the log and the insurers' approvals as tabs. A cashier sees no Add button. An approval recorded in
the panel is linked from the order page to a line the insurer pays under an agreement that needs its
approval for the service: the line shows "approval needed" until then."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from medcenter_desktop.communications_panel import CommunicationsPanel
from medcenter_desktop.insurer_approvals import InsurerApprovalsPanel
from shared.services import communications as cm
from shared.services import insurer_approvals as ia
from shared.services import orders
from tests.qt.test_registrar import TIMEOUT, _open, _register, make_window  # noqa: F401 - the fixture
from workstations.registrar.order_page import STATUS_COLUMN, OrderPage


@pytest.fixture
def panel(qtbot, sessions):
    session = sessions("registrar", "REG-01")
    pid = _register(session)
    widget = CommunicationsPanel(session)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    widget.load(pid)
    qtbot.waitUntil(lambda: widget.entries is not None, timeout=TIMEOUT)
    return widget


def _stored(session, pid):
    with session.uow() as uow:
        return cm.communications_of_patient(uow.session.connection(), pid)


def test_an_entry_added_with_the_keyboard_is_listed(qtbot, panel, no_message_boxes):
    assert panel.model.rowCount() == 0 and panel.empty_label.text() == "No communications logged."
    qtbot.keyClick(panel.view, Qt.Key.Key_Insert)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog.channel_combo, Qt.Key.Key_Down)  # phone -> e-mail
    qtbot.keyClick(dialog.channel_combo, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.direction_combo, Qt.Key.Key_Down)  # incoming -> outgoing
    qtbot.keyClicks(dialog.contact_edit, "client@example.ru")
    qtbot.keyClicks(dialog.subject_edit, "Preparation")
    qtbot.keyClicks(dialog.summary_edit, "Sent the memo about fasting before the blood test")
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.dialog is None and panel.model.rowCount() == 1, timeout=TIMEOUT)
    stored = _stored(panel.session, panel.patient_id)
    assert [(c.channel, c.direction, c.contact, c.summary) for c in stored] == [
        ("email", "outgoing", "client@example.ru", "Sent the memo about fasting before the blood test")]
    assert panel.model.index(0, 1).data() == "e-mail" and panel.model.index(0, 2).data() == "outgoing"
    assert panel.model.index(0, 3).data() == stored[0].staff_name != ""
    assert "fasting" in panel.model.index(0, 5).data() and "fasting" in panel.detail_label.text()
    assert no_message_boxes == []


def test_bad_input_shows_the_message_and_keeps_the_dialog(qtbot, panel, no_message_boxes):
    dialog = panel.add()
    qtbot.keyClicks(dialog.contact_edit, "+7 916 000-00-00")
    qtbot.keyClick(dialog.contact_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error() != "", timeout=TIMEOUT)
    assert "summary" in dialog.error() and dialog.isVisible()
    dialog.summary_edit.setPlainText("Called back")
    dialog.when_edit.setText("yesterday")
    dialog.submit()
    assert "dd.mm.yyyy hh:mm" in dialog.error() and dialog.isVisible()
    dialog.when_edit.setText("")
    dialog.submit()
    qtbot.waitUntil(lambda: panel.dialog is None and panel.model.rowCount() == 1, timeout=TIMEOUT)
    assert no_message_boxes == []


def test_the_client_card_has_the_log_and_the_approvals(qtbot, make_window):  # noqa: F811
    window = make_window()
    pid = _register(window.session)
    page = _open(qtbot, window, pid)
    assert isinstance(page.communications, CommunicationsPanel)
    assert isinstance(page.approvals, InsurerApprovalsPanel)
    tabs = [page.details_panel.tabText(i) for i in range(page.details_panel.count())]
    assert "Communications" in tabs and "Insurer approvals" in tabs
    qtbot.waitUntil(lambda: page.communications.entries == () and page.approvals.approvals == (), timeout=TIMEOUT)


def test_a_cashier_reads_but_does_not_log(qtbot, sessions):
    session = sessions("cashier", "CASH-01")
    widget = CommunicationsPanel(session)
    qtbot.addWidget(widget)
    assert not widget.can_write and widget.add_button.isHidden()


def test_an_approval_is_recorded_then_a_line_of_the_order_page_relies_on_it(qtbot, clinic, sessions,
                                                                          no_message_boxes):
    session = sessions("registrar", "REG-01")
    pid = _register(session)
    with session.uow() as uow:
        conn = uow.session.connection()
        service = conn.scalar(text("SELECT id FROM medical_services WHERE organization_id = :o AND code = :c"),
                              {"o": session.organization_id, "c": "B01.047.001"})
        insurer = conn.scalar(text("SELECT id FROM payers WHERE organization_id = :o AND kind = 'insurer' "
                                   "ORDER BY id LIMIT 1"), {"o": session.organization_id})
    with clinic.connect() as admin:  # the contracts department: the insurer approves this service first
        admin.execute("UPDATE agreement_services SET requires_approval = true WHERE service_id = %s AND "
                      "agreement_id IN (SELECT id FROM agreements WHERE payer_id = %s)", (service, insurer))
    with session.uow() as uow:
        conn = uow.session.connection()
        order_id = orders.create_order(conn, session.organization_id, patient_id=pid)
        line_id = orders.add_line(conn, order_id, service, payer_id=insurer)
        uow.commit()
    panel = InsurerApprovalsPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel.load(pid)
    qtbot.waitUntil(lambda: panel.approvals == (), timeout=TIMEOUT)
    panel.record()
    qtbot.waitUntil(lambda: panel.dialog is not None, timeout=TIMEOUT)
    dialog = panel.dialog
    assert dialog.payer_combo.count() >= 1
    qtbot.keyClicks(dialog.approver_edit, "Sidorova Anna")
    qtbot.keyClicks(dialog.phone_edit, "+7 495 000-00-00")
    dialog.submit()  # no reference number: refused, the dialog stays
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error() != "", timeout=TIMEOUT)
    assert "reference number" in dialog.error() and dialog.isVisible()
    qtbot.keyClicks(dialog.reference_edit, "GP-555")
    assert dialog.add_service(service, quantity_limit=1)
    dialog.submit()
    qtbot.waitUntil(lambda: panel.dialog is None and panel.model.rowCount() == 1, timeout=TIMEOUT)
    assert panel.model.index(0, 0).data() == "GP-555" and "(0/1)" in panel.model.index(0, 7).data()

    page = OrderPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.open_order(order_id)
    qtbot.waitUntil(lambda: page.order is not None and page.select_line(line_id), timeout=TIMEOUT)
    qtbot.waitUntil(page.approval_button.isEnabled, timeout=TIMEOUT)
    row = next(i for i, x in enumerate(page.order.lines) if x.id == line_id)

    def status() -> str:
        return page.model.index(row, STATUS_COLUMN).data() or ""

    assert "approval needed" in status()
    assert "only with its approval" in page.model.index(row, STATUS_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    link = page.ask_approval()
    qtbot.waitUntil(lambda: link.model.rowCount() == 1 and link.unlink_button.isHidden(), timeout=TIMEOUT)
    link.submit()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=TIMEOUT)
    with session.uow() as uow:
        linked = ia.line_approval(uow.session.connection(), line_id)
    assert linked is not None and linked.reference_number == "GP-555"
    qtbot.waitUntil(lambda: status() != "" and "approval needed" not in status(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "(1/1)" in (panel.model.index(0, 7).data() or ""), timeout=TIMEOUT)
    assert no_message_boxes == []
