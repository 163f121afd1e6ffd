"""The cash desk workstation against the real demo clinic (logged in as the demo cashier) and the device
emulators: the Shtrih registrar on a pseudo-terminal and the UPOS program, named in a settings file as a
real installation would. A shift opened; a cash payment made with key events only, the change shown; a
mixed payment; a declined card; a refund split between the card and cash; X and Z reports; cash in and
out; the unfinished-operations dialog after a payment cut short; a registrar out of paper; the device
settings dialog writing the file; the day's history.

Screenshots go to /tmp/cashier-*.png (MEDCENTER_CASHIER_SHOTS names another folder)."""

from __future__ import annotations

import configparser
import datetime as dt
import os
import shlex
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import text

from medcenter_desktop.document_preview import DocumentPreviewDialog
from shared.demo.cash import DEMO_DESK
from shared.devices.config import SETTINGS_ENV, DeskSettings, read_desk_settings, write_desk_settings
from shared.identifiers import inn_check_digits
from shared.services import cash_desk
from tests.db.cash_helpers import UPOS_PROGRAM, emulated_desk
from workstations.cashier.documents_page import DocumentsPage
from workstations.cashier.pay_panel import CARD, MIXED
from workstations.cashier.reconcile_dialog import ReconcileDialog
from workstations.cashier.window import CashierWindow

TIMEOUT = 30000
PERSON_INN = "5001234567" + inn_check_digits("5001234567")
SHOTS = Path(os.environ.get("MEDCENTER_CASHIER_SHOTS", "/tmp"))


# --- fixtures and helpers -------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_demo_devices(monkeypatch):
    """The demo's own devices file (MEDCENTER_CASH_DESK_SETTINGS) must not stand in for the test's."""
    monkeypatch.delenv(SETTINGS_ENV, raising=False)


@pytest.fixture
def bench(tmp_path):
    with emulated_desk(tmp_path) as bench:
        yield bench


def desk_settings(bench) -> DeskSettings:
    return DeskSettings(desk=DEMO_DESK, registrar_port=bench.emulator.path, terminal="upos",
                        upos_program=" ".join(shlex.quote(part) for part in UPOS_PROGRAM),
                        upos_workdir=str(bench.upos_dir))


@pytest.fixture
def settings_file(tmp_path, bench, monkeypatch) -> Path:
    path = tmp_path / "settings.ini"
    write_desk_settings(path, desk_settings(bench))
    monkeypatch.setenv("MEDCENTER_SETTINGS", str(path))
    return path


@pytest.fixture
def cashier(sessions):
    return sessions("cashier", "CASH-01")


@pytest.fixture
def make_window(qtbot, cashier):
    def build() -> CashierWindow:
        window = CashierWindow(cashier)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return build


@pytest.fixture
def window(qtbot, settings_file, make_window) -> CashierWindow:
    window = make_window()
    wait_idle(qtbot, window)
    assert window.desk.ready, window.notice_label.text()
    return window


@pytest.fixture
def answers(monkeypatch):
    """QMessageBox.question says Yes; warnings and information are recorded instead of shown."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, question, *a, **kw: shown.append(("question", question)) or QMessageBox.StandardButton.Yes))
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda parent, title, message, *a, _k=kind, **kw: shown.append((_k, message))))
    return shown


def wait_idle(qtbot, window: CashierWindow) -> None:
    qtbot.waitUntil(lambda: not window.desk.busy and (window.desk.state is not None or not window.desk.ready),
                    timeout=TIMEOUT)


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed wherever the cursor is (the focused widget), as on a real keyboard."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def type_text(typed: str) -> None:
    widget = QApplication.focusWidget()
    for char in typed:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def grab(widget, name: str) -> Path:
    QApplication.processEvents()
    path = SHOTS / f"cashier-{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(path))
    return path


def demo_clients(session) -> list[tuple[int, str, str]]:
    """(patient id, surname, birth date) of the demo clients with unpaid lines in the desk's organization."""
    with session.engine.connect() as conn:
        desk = cash_desk.desk_by_name(conn, DEMO_DESK)
        rows = conn.execute(text(
            "SELECT DISTINCT p.id, p.last_name, to_char(p.birth_date, 'DD.MM.YYYY') FROM orders o "
            "JOIN order_lines l ON l.order_id = o.id JOIN patients p ON p.id = o.patient_id "
            "WHERE o.note = 'Демо: оплата в кассе' AND l.status = 'ordered' AND o.organization_id = :org "
            "ORDER BY p.id"), {"org": desk.organization_id}).all()
    assert len(rows) >= 3
    return [tuple(r) for r in rows]


def open_shift(qtbot, window) -> None:
    if window.desk.state.status.shift_open:
        return
    assert window.shift_panel.open_shift()
    wait_idle(qtbot, window)
    assert window.desk.state.status.shift_open


def open_client(qtbot, window, patient_id: int) -> None:
    page = window.payment_page
    page.open_client(patient_id)
    qtbot.waitUntil(lambda: page.customer is not None and page.customer.patient_id == patient_id
                    and page.model.rowCount() > 0, timeout=TIMEOUT)


def operation(session, op_id: int):
    with session.engine.connect() as conn:
        return conn.execute(text("SELECT * FROM cash_operations WHERE id = :id"), {"id": op_id}).one()


# --- the tests ---------------------------------------------------------------------------------------------


def test_cash_payment_without_the_mouse_shows_the_change(qtbot, window, cashier, bench):
    page = window.payment_page
    activate(qtbot, window)
    grab(window, "start")
    assert not window.desk.state.status.shift_open
    assert not window.notice.isVisible()

    assert page.finder.search_edit.hasFocus()  # the window opens in the search box
    press(qtbot, Qt.Key.Key_F6)  # Open shift
    qtbot.waitUntil(lambda: window.desk.state.status.shift_open and not window.desk.busy, timeout=TIMEOUT)
    assert "Shift 1 is open" in window.shift_panel.shift_label.text()

    patient_id, surname, birth = demo_clients(cashier)[0]
    assert page.finder.search_edit.hasFocus()
    type_text(f"{surname} {birth}")
    press(qtbot, Qt.Key.Key_Return)  # the one client found opens
    qtbot.waitUntil(lambda: page.customer is not None and page.model.rowCount() > 0, timeout=TIMEOUT)
    assert page.customer.patient_id == patient_id
    assert page.lines_view.hasFocus()
    total = page.total
    assert total > 0 and len(page.model.checked_lines()) == page.model.rowCount()
    grab(window, "payment-client")

    if page.model.rowCount() > 1:  # Space unchecks and checks again
        press(qtbot, Qt.Key.Key_Space)
        assert page.total < total
        press(qtbot, Qt.Key.Key_Space)
        assert page.total == total

    press(qtbot, Qt.Key.Key_F2)  # cash: the cursor goes to "Given"
    assert page.pay_panel.given_edit.hasFocus()
    given = total + Decimal("150.00")
    type_text(str(given).replace(".", ","))
    assert page.pay_panel.change_label.text() == cash_desk.format_money(given - total)
    grab(window, "payment-given")
    documents = bench.emulator.last_document
    press(qtbot, Qt.Key.Key_Return)  # pays
    qtbot.waitUntil(lambda: page.right.currentWidget() is page.result_panel and not window.desk.busy,
                    timeout=TIMEOUT)
    result = page.last_result
    assert result.completed and result.cash_amount == total and result.change == given - total
    assert result.fiscal_document == bench.emulator.last_document == documents + 1
    assert page.result_panel.change_label.text() == cash_desk.format_money(given - total)
    assert "fiscal document" in page.result_panel.receipt_label.text()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=TIMEOUT)
    assert window.desk.state.summary.drawer == total
    assert window.shift_panel.values["drawer"].text() == cash_desk.format_money(total)
    grab(window, "payment-result")

    press(qtbot, Qt.Key.Key_Escape)  # the next client
    assert page.finder.search_edit.hasFocus() and page.customer is None


def test_mixed_payment_then_refund_to_the_card_and_in_cash(qtbot, window, cashier, bench, answers):
    open_shift(qtbot, window)
    clients = demo_clients(cashier)
    patient_id = clients[1][0]
    activate(qtbot, window)
    open_client(qtbot, window, patient_id)
    page = window.payment_page
    total = page.total
    card = (total / 2).quantize(Decimal("0.01"))
    press(qtbot, Qt.Key.Key_F4)  # mixed: the card part first
    assert page.pay_panel.method == MIXED and page.pay_panel.card_edit.hasFocus()
    type_text(str(card).replace(".", ","))
    assert page.pay_panel.cash_part_label.text() == cash_desk.format_money(total - card)
    press(qtbot, Qt.Key.Key_F9)
    assert window.busy_bar.isVisible() and "terminal" in window.busy_label.text()
    assert not page.pay_panel.pay_button.isEnabled()
    qtbot.waitUntil(lambda: page.right.currentWidget() is page.result_panel and not window.desk.busy,
                    timeout=TIMEOUT)
    result = page.last_result
    assert result.completed and result.card_amount == card and result.cash_amount == total - card
    assert page.result_panel.slip_button.isVisibleTo(page.result_panel)
    slip = page.result_panel.show_slip()
    assert "ОДОБРЕНО" in slip.text.toPlainText().upper()
    grab(slip, "slip")
    slip.close()
    activate(qtbot, window)

    # Refunds: the same client's sale, every line checked; to the card first, the rest in cash.
    window.show_tab(window.REFUNDS_TAB)
    refunds = window.refund_page
    qtbot.waitUntil(lambda: len(refunds.sales) == 1, timeout=TIMEOUT)
    sale = refunds.sales[0]
    assert sale.operation_id == result.operation_id
    refunds.view.setFocus()
    for row in range(len(sale.lines)):
        refunds.view.setCurrentIndex(refunds.model.item(0, 0).child(row, 0).index())
        press(qtbot, Qt.Key.Key_Space)
    _sale, ids, amount = refunds.checked()
    assert amount == total and len(ids) == len(sale.lines)
    assert cash_desk.format_money(card) in refunds.summary_label.text()
    grab(window, "refunds")
    press(qtbot, Qt.Key.Key_F9)
    question = answers[-1][1]
    assert "goes back to the card" in question and cash_desk.format_money(card) in question
    assert "in cash" in question and cash_desk.format_money(total - card) in question
    qtbot.waitUntil(lambda: refunds.last_result is not None and not window.desk.busy, timeout=TIMEOUT)
    back = refunds.last_result
    assert back.completed and back.card_amount == card and back.cash_amount == total - card
    assert "Refunded" in refunds.message_label.text()
    qtbot.waitUntil(lambda: refunds.sales == [], timeout=TIMEOUT)
    assert bench.terminal_net() == 0
    assert window.desk.state.summary.refunds == total


def test_declined_card_says_so_and_nothing_is_charged(qtbot, window, cashier, bench):
    open_shift(qtbot, window)
    activate(qtbot, window)
    open_client(qtbot, window, demo_clients(cashier)[2][0])
    page = window.payment_page
    bench.hook_terminal(decline=True)
    press(qtbot, Qt.Key.Key_F3)
    assert page.pay_panel.method == CARD and page.pay_panel.contact_edit.hasFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.desk.busy and page.pay_panel.error_label.isVisibleTo(page.pay_panel),
                    timeout=TIMEOUT)
    assert "declined" in page.pay_panel.error_label.text() and "Nothing was charged" in \
        page.pay_panel.error_label.text()
    assert page.right.currentWidget() is page.pay_panel
    assert page.model.rowCount() > 0  # the lines are free again
    assert bench.terminal_net() == 0
    grab(window, "declined")
    # The next attempt is a new payment (a new key): paid by card now.
    press(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.right.currentWidget() is page.result_panel and not window.desk.busy,
                    timeout=TIMEOUT)
    assert page.last_result.completed and page.last_result.card_amount > 0


def test_reports_and_cash_in_and_out(qtbot, window, bench, answers):
    open_shift(qtbot, window)
    panel = window.shift_panel
    activate(qtbot, window)
    window.payment_page.finder.search_edit.setFocus()

    press(qtbot, Qt.Key.Key_F8)  # Cash in
    dialog = panel.amount_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.amount_edit.setText("абв")
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.isVisibleTo(dialog)
    dialog.amount_edit.setText("2 000,00")
    grab(dialog, "cash-in")
    dialog.accept()
    qtbot.waitUntil(lambda: not window.desk.busy and window.desk.state.summary.drawer == Decimal("2000.00"),
                    timeout=TIMEOUT)
    assert bench.emulator.cash_ins == 200000  # kopecks
    assert "Cash in: 2" in panel.message_label.text()

    dialog = panel.ask_cash_out()
    dialog.amount_edit.setText("5000")
    dialog.accept()
    qtbot.waitUntil(lambda: not window.desk.busy, timeout=TIMEOUT)
    assert any("only 2" in text for _kind, text in answers)  # more than the drawer holds
    dialog = panel.ask_cash_out()
    dialog.amount_edit.setText("600")
    dialog.accept()
    qtbot.waitUntil(lambda: not window.desk.busy and window.desk.state.summary.drawer == Decimal("1400.00"),
                    timeout=TIMEOUT)
    assert bench.emulator.cash_outs == 60000
    activate(qtbot, window)
    window.payment_page.finder.search_edit.setFocus()

    press(qtbot, Qt.Key.Key_F7)  # X-report
    qtbot.waitUntil(lambda: not window.desk.busy and bench.emulator.x_reports == 1, timeout=TIMEOUT)
    assert "X-report" in panel.message_label.text()

    press(qtbot, Qt.Key.Key_F11)  # bank settlement
    qtbot.waitUntil(lambda: not window.desk.busy and "settlement" in panel.message_label.text(), timeout=TIMEOUT)
    grab(window, "shift-panel")

    press(qtbot, Qt.Key.Key_F12)  # Z-report, asked first
    assert "Close the shift" in answers[-1][1] and "1\u00a0400,00" in answers[-1][1]
    qtbot.waitUntil(lambda: not window.desk.busy and not window.desk.state.status.shift_open, timeout=TIMEOUT)
    assert "The shift is closed" in panel.shift_label.text()
    assert not panel.x_action.isEnabled() and panel.open_action.isEnabled()


def test_z_report_not_confirmed_keeps_the_shift(qtbot, window, monkeypatch):
    open_shift(qtbot, window)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **kw: QMessageBox.StandardButton.No))
    assert window.shift_panel.z_report() is False
    assert not window.desk.busy and window.desk.state.status.shift_open


def test_an_operation_cut_short_is_decided_in_the_dialog_on_start(qtbot, settings_file, cashier, bench,
                                                                  make_window, monkeypatch):
    patient_id = demo_clients(cashier)[0][0]
    devices = bench.devices()
    with cashier.engine.connect() as conn:
        desk = cash_desk.desk_by_name(conn, DEMO_DESK)
        conn.commit()
        cash_desk.open_shift(conn, desk, devices)
        lines = cash_desk.payable_lines(conn, patient_id=patient_id)
        conn.commit()
        total = sum((line.amount for line in lines), Decimal(0))

        def crash(name: str) -> None:
            if name == "fiscal_requested":
                raise SystemExit("the power went off")

        with monkeypatch.context() as patched, pytest.raises(SystemExit):
            patched.setattr(cash_desk, "checkpoint", crash)
            cash_desk.pay(conn, desk, devices, cash_desk.PaymentRequest(
                key=uuid.uuid4(), order_line_ids=tuple(line.order_line_id for line in lines), cash=total,
                card=Decimal(0)))
        conn.rollback()
    devices.registrar.close()
    documents = bench.emulator.last_document

    window = make_window()
    qtbot.waitUntil(lambda: window.reconcile_dialog is not None and window.reconcile_dialog.isVisible(),
                    timeout=TIMEOUT)
    dialog: ReconcileDialog = window.reconcile_dialog
    assert dialog.isModal() and len(dialog.cards) == 1
    card = dialog.cards[0]
    assert card.op.kind == "sale" and card.op.total == total
    assert set(card.choice_buttons) == {cash_desk.CHOICE_RECEIPT, cash_desk.CHOICE_VOID}
    assert any("no receipt was printed" in label.text() for label in card.findChildren(QLabel))
    assert card.rrn_edit is None
    dialog.reject()  # Esc: it stays until decided
    assert dialog.isVisible()
    grab(dialog, "reconcile")
    grab(window, "reconcile-window")

    qtbot.mouseClick(card.choice_buttons[cash_desk.CHOICE_RECEIPT], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.reconcile_dialog is None and not window.desk.busy, timeout=TIMEOUT)
    assert bench.emulator.last_document == documents + 1
    assert window.desk.state.unfinished == ()
    with cashier.engine.connect() as conn:
        assert cash_desk.payable_lines(conn, patient_id=patient_id) == []


def test_the_rrn_field_appears_when_the_terminal_cannot_tell(qtbot, window):
    op = cash_desk.Unfinished(
        operation_id=1, kind="sale", state="attention", total=Decimal("1800.00"), cash_amount=Decimal(0),
        card_amount=Decimal("1800.00"), card_charged=False, created_at=dt.datetime.now(dt.UTC),
        patient_name="Иванова Мария Петровна", message=cash_desk.ATTENTION_CARD_UNKNOWN, message_params={},
        choices=(cash_desk.CHOICE_RECEIPT, cash_desk.CHOICE_VOID))
    dialog = ReconcileDialog(window.desk, [op], window)
    qtbot.addWidget(dialog)
    dialog.show()
    card = dialog.cards[0]
    assert card.rrn_edit is not None and card.rrn_edit.isVisible()
    card.rrn_edit.setText("123456789012")
    assert card.rrn() == "123456789012"
    grab(dialog, "reconcile-rrn")
    dialog.show_operations([])
    assert not dialog.isVisible()


def test_paper_out_is_said_plainly(qtbot, window, cashier, bench):
    open_shift(qtbot, window)
    open_client(qtbot, window, demo_clients(cashier)[0][0])
    bench.emulator.paper_out = True
    page = window.payment_page
    assert page.pay()
    qtbot.waitUntil(lambda: not window.desk.busy and page.pay_panel.error_label.isVisibleTo(page.pay_panel),
                    timeout=TIMEOUT)
    assert page.pay_panel.error_label.text() == "The registrar is out of paper: load a new roll and try again."
    assert window.shift_panel.values["paper"].text() == "out of paper"
    assert "paper roll" in window.shift_panel.warning_label.text()
    grab(window, "paper-out")
    bench.emulator.paper_out = False
    assert window.shift_panel.refresh()
    qtbot.waitUntil(lambda: not window.desk.busy, timeout=TIMEOUT)
    assert window.shift_panel.values["paper"].text() == "ready"
    assert page.pay()
    qtbot.waitUntil(lambda: page.right.currentWidget() is page.result_panel and not window.desk.busy,
                    timeout=TIMEOUT)


def test_device_settings_dialog_checks_the_registrar_and_writes_the_file(qtbot, tmp_path, bench, monkeypatch,
                                                                         make_window):
    path = tmp_path / "empty" / "settings.ini"
    path.parent.mkdir()
    path.write_text("[connection]\nhost = db.clinic.local\n", "utf-8")
    monkeypatch.setenv("MEDCENTER_SETTINGS", str(path))
    window = make_window()
    assert window.notice.isVisible() and "not set up" in window.notice_label.text()
    assert not window.desk.ready and not window.shift_panel.x_action.isEnabled()
    grab(window, "not-configured")

    dialog = window.show_device_settings()
    qtbot.waitUntil(lambda: dialog.desk_combo.findText(DEMO_DESK) >= 0, timeout=TIMEOUT)
    dialog.check_connection()  # nothing typed yet
    assert dialog.error_label.isVisibleTo(dialog) and "not set" in dialog.error_label.text()
    dialog.desk_combo.setCurrentText(DEMO_DESK)
    dialog.port_edit.setText(bench.emulator.path)
    dialog.terminal_combo.setCurrentIndex(dialog.terminal_combo.findData("upos"))
    assert dialog.upos_program_edit.isEnabled() and not dialog.telium_port_edit.isEnabled()
    dialog.upos_program_edit.setText(" ".join(shlex.quote(part) for part in UPOS_PROGRAM))
    dialog.upos_workdir_edit.setText(str(bench.upos_dir))
    assert dialog.check_connection()
    qtbot.waitUntil(lambda: not dialog.checking, timeout=TIMEOUT)
    assert dialog.check_label.text().startswith("Connected: registrar No. 12345678")
    grab(dialog, "device-settings")
    dialog.save()

    saved = read_desk_settings(path)
    assert saved == desk_settings(bench)
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    assert parser["connection"]["host"] == "db.clinic.local"  # the rest of the file is kept
    wait_idle(qtbot, window)
    assert window.desk.ready and not window.notice.isVisible()
    assert window.shift_panel.open_action.isEnabled()


def test_an_unknown_desk_is_named_in_the_notice(qtbot, tmp_path, bench, monkeypatch, make_window):
    path = tmp_path / "settings.ini"
    write_desk_settings(path, DeskSettings(desk="Касса 99", registrar_port=bench.emulator.path))
    monkeypatch.setenv("MEDCENTER_SETTINGS", str(path))
    window = make_window()
    qtbot.waitUntil(lambda: window.notice.isVisible() and "Касса 99" in window.notice_label.text(),
                    timeout=TIMEOUT)
    assert not window.desk.ready


def test_day_history_shows_the_operations_with_totals(qtbot, window, cashier, bench):
    open_shift(qtbot, window)
    clients = demo_clients(cashier)
    open_client(qtbot, window, clients[0][0])
    page = window.payment_page
    first = page.total
    assert page.pay()
    qtbot.waitUntil(lambda: page.right.currentWidget() is page.result_panel and not window.desk.busy,
                    timeout=TIMEOUT)
    open_client(qtbot, window, clients[1][0])
    page.choose_method(CARD)
    second = page.total
    assert page.pay()
    qtbot.waitUntil(lambda: page.last_result.total == second and not window.desk.busy, timeout=TIMEOUT)

    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    history = window.history_page
    qtbot.waitUntil(lambda: len(history.entries) == 3, timeout=TIMEOUT)  # opening, two payments
    model = history.model
    kinds = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert kinds[:3] == ["Shift opened", "Payment", "Payment"]
    total_row = [model.index(model.rowCount() - 1, c).data() for c in range(model.columnCount())]
    assert total_row[1] == "Total (2)"
    assert total_row[4] == cash_desk.format_money(first + second)
    assert total_row[5] == cash_desk.format_money(first)
    assert total_row[6] == cash_desk.format_money(second)
    assert model.index(1, 7).data() == "done" and model.index(1, 8).data()
    grab(window, "history")

    name = clients[1][1]
    history.filter_edit.setText(name)
    assert all(name in e.patient_name for e in history.visible_entries())
    assert model.index(model.rowCount() - 1, 4).data() == cash_desk.format_money(second)


def test_documents_cash_book_and_tax_certificate(qtbot, window, cashier):
    open_shift(qtbot, window)
    patient_id, surname, birth = demo_clients(cashier)[0]
    open_client(qtbot, window, patient_id)
    page = window.payment_page
    paid = page.total
    assert page.pay()
    qtbot.waitUntil(lambda: page.right.currentWidget() is page.result_panel and not window.desk.busy,
                    timeout=TIMEOUT)

    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    documents = window.documents_page
    assert isinstance(documents, DocumentsPage)
    assert documents.show_cash_book()
    qtbot.waitUntil(lambda: documents.preview is not None, timeout=TIMEOUT)
    assert documents.last_pdf.startswith(b"%PDF")
    if isinstance(documents.preview, DocumentPreviewDialog):
        assert documents.preview.page_count() >= 1
        qtbot.wait(400)  # the pages are drawn to the dialog's width after it is shown
        grab(documents.preview, "cash-book")
        documents.preview.close()

    documents.preview = None
    documents.finder.search_edit.setText(f"{surname} {birth}")
    documents.finder.open_from_box()
    qtbot.waitUntil(lambda: documents.patient is not None, timeout=TIMEOUT)
    documents.set_tax_year(dt.date.today().year)
    qtbot.waitUntil(lambda: documents.amounts is not None, timeout=TIMEOUT)
    assert documents.amounts[0] + documents.amounts[1] == paid
    assert documents.issue()  # no INN and no identity document in the demo: refused, said why
    qtbot.waitUntil(lambda: documents.message_label.isVisibleTo(documents), timeout=TIMEOUT)
    assert "INN" in documents.message_label.text()
    documents.taxpayer_inn.setText(PERSON_INN)
    grab(window, "documents")
    assert documents.issue()
    qtbot.waitUntil(lambda: documents.preview is not None, timeout=TIMEOUT)
    assert documents.last_pdf.startswith(b"%PDF") and documents.last_certificate_id
    qtbot.waitUntil(lambda: documents.issued_model.rowCount() == 1, timeout=TIMEOUT)
    if isinstance(documents.preview, DocumentPreviewDialog):
        qtbot.wait(400)
        grab(documents.preview, "tax-certificate")


def test_russian_screens(qtbot, window, cashier):
    from medcenter_desktop import i18n

    i18n.switch_language("ru")
    open_shift(qtbot, window)
    assert window.shift_panel.shift_label.text() == "Смена 1 открыта"
    open_client(qtbot, window, demo_clients(cashier)[0][0])
    assert window.tabs.tabText(0) == "Оплата (Ctrl+1)"
    assert window.payment_page.pay_panel.pay_button.text() == "Оплатить (Enter, F9)"
    grab(window, "payment-ru")
    for tab, name in ((window.REFUNDS_TAB, "refunds-ru"), (window.HISTORY_TAB, "history-ru"),
                      (window.DOCUMENTS_TAB, "documents-ru")):
        window.show_tab(tab)
        qtbot.wait(300)
        grab(window, name)
    op = cash_desk.Unfinished(
        operation_id=1, kind="sale", state="attention", total=Decimal("1800.00"), cash_amount=Decimal(0),
        card_amount=Decimal("1800.00"), card_charged=False, created_at=dt.datetime.now(dt.UTC),
        patient_name="Иванова Мария Петровна", message=cash_desk.ATTENTION_CARD_UNKNOWN, message_params={},
        choices=(cash_desk.CHOICE_RECEIPT, cash_desk.CHOICE_VOID))
    dialog = ReconcileDialog(window.desk, [op], window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "не может сказать" in dialog.cards[0].findChildren(QLabel)[2].text()
    grab(dialog, "reconcile-ru")
    dialog.show_operations([])


# --- deposits ------------------------------------------------------------------------------------------


def typed(amount: Decimal) -> str:
    return str(amount).replace(".", ",")


def activate_dialog(qtbot, dialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=TIMEOUT)


def test_a_deposit_is_taken_spent_refunded_into_and_returned(qtbot, window, cashier, bench, answers):
    open_shift(qtbot, window)
    patient_id = demo_clients(cashier)[0][0]
    activate(qtbot, window)
    open_client(qtbot, window, patient_id)
    page, panel = window.payment_page, window.payment_page.pay_panel
    total = page.total
    assert page.deposit_label.text() == "No deposit" and page.take_deposit_button.isVisible()
    assert not panel.deposit_button.isVisible()
    assert page.lines_view.hasFocus()

    # Ctrl+D: an advance in cash, the change computed as the cashier types what the client gave.
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = page.deposit_dialog
    assert dialog is not None and dialog.isVisible()
    activate_dialog(qtbot, dialog)
    assert dialog.amount_edit.hasFocus()
    amount = total + Decimal("500.00")
    type_text(typed(amount))
    press(qtbot, Qt.Key.Key_F2)  # cash: the cursor goes to "Given"
    assert dialog.given_edit.hasFocus()
    type_text(typed(amount + Decimal("300.00")))
    assert dialog.change_label.text() == cash_desk.format_money(Decimal("300.00"))
    grab(dialog, "deposit-take")
    documents = bench.emulator.last_document
    press(qtbot, Qt.Key.Key_Return)  # takes it
    qtbot.waitUntil(lambda: page.right.currentWidget() is page.result_panel and not window.desk.busy,
                    timeout=TIMEOUT)
    result = page.last_result
    assert result.kind == "deposit" and result.completed
    assert result.cash_amount == amount and result.change == Decimal("300.00")
    assert result.fiscal_document == bench.emulator.last_document == documents + 1
    assert page.result_panel.title_label.text() == f"Deposit taken: {cash_desk.format_money(amount)}"
    assert page.result_panel.change_label.text() == cash_desk.format_money(Decimal("300.00"))
    qtbot.waitUntil(lambda: page.deposit_balance == amount, timeout=TIMEOUT)
    assert page.deposit_label.text() == f"Deposit: {cash_desk.format_money(amount)}"
    assert panel.deposit_button.isVisibleTo(panel) and cash_desk.format_money(amount) in panel.deposit_button.text()
    assert window.desk.state.summary.drawer == amount
    grab(window, "deposit-taken")

    # F10: the whole sum from the deposit; more than the deposit holds is said at once.
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_F10)
    assert page.right.currentWidget() is page.pay_panel
    assert panel.deposit_on and panel.deposit_edit.hasFocus()
    assert panel.deposit_edit.text() == cash_desk.format_money(total)  # min(deposit, sum)
    assert panel.cash_part_label.text() == cash_desk.format_money(Decimal(0))
    type_text(typed(amount + Decimal("100.00")))  # replaces the prefilled sum
    assert panel.error_label.isVisibleTo(panel)
    assert panel.error_label.text() == (f"The client's deposit is {cash_desk.format_money(amount)}, less than "
                                        f"{cash_desk.format_money(amount + Decimal('100.00'))}.")
    grab(window, "deposit-short")
    assert not page.pay()
    panel.deposit_edit.selectAll()
    type_text(typed(total))
    assert not panel.error_label.isVisibleTo(panel)
    grab(window, "deposit-pay")
    press(qtbot, Qt.Key.Key_Return)  # pays
    qtbot.waitUntil(lambda: page.right.currentWidget() is page.result_panel and not window.desk.busy,
                    timeout=TIMEOUT)
    sale = page.last_result
    assert sale.kind == "sale" and sale.completed and sale.total == total
    assert sale.cash_amount == 0 and sale.card_amount == 0 and sale.change == 0
    assert bench.emulator.documents[sale.fiscal_document].sums[13] == int(total * 100)  # offset of the advance
    assert f"from the deposit {cash_desk.format_money(total)}" in page.result_panel.receipt_label.text()
    qtbot.waitUntil(lambda: page.deposit_balance == Decimal("500.00") and page.model.rowCount() == 0,
                    timeout=TIMEOUT)
    assert not panel.deposit_on
    assert window.desk.state.summary.drawer == amount  # nothing came into the drawer
    grab(window, "deposit-paid")

    # A refund of a line paid from the deposit goes back to the deposit.
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    refunds = window.refund_page
    qtbot.waitUntil(lambda: len(refunds.sales) == 1 and len(refunds.deposits) == 1, timeout=TIMEOUT)
    assert refunds.balance_label.text() == "Deposit: 500,00" and refunds.deposit_box.isVisible()
    line = refunds.sales[0].lines[0]
    refunds.view.setFocus()
    refunds.view.setCurrentIndex(refunds.model.item(0, 0).child(0, 0).index())
    press(qtbot, Qt.Key.Key_Space)
    assert refunds.summary_label.text() == (
        f"To refund {cash_desk.format_money(line.amount)}: to the card 0,00, to the deposit "
        f"{cash_desk.format_money(line.amount)}, in cash 0,00")
    press(qtbot, Qt.Key.Key_F9)
    assert "goes back to the client's deposit" in answers[-1][1] and "cash" not in answers[-1][1]
    qtbot.waitUntil(lambda: refunds.last_result is not None and not window.desk.busy, timeout=TIMEOUT)
    back = refunds.last_result
    assert back.completed and back.cash_amount == 0 and back.card_amount == 0 and back.total == line.amount
    left = Decimal("500.00") + line.amount
    qtbot.waitUntil(lambda: refunds.data.balance == left, timeout=TIMEOUT)
    assert refunds.deposits[0].returnable == left
    assert "to the deposit" in refunds.message_label.text()
    grab(window, "deposit-refunds")

    # Ctrl+R: the rest of the advance back, all of it to begin with; it came in cash, so in cash.
    press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = refunds.return_dialog
    assert dialog is not None and dialog.isVisible()
    activate_dialog(qtbot, dialog)
    assert dialog.amount_edit.hasFocus() and dialog.amount_edit.text() == cash_desk.format_money(left)
    assert dialog.split_label.text() == f"in cash {cash_desk.format_money(left)}"
    grab(dialog, "deposit-return")
    press(qtbot, Qt.Key.Key_Return)
    question = answers[-1][1]
    assert f"Return {cash_desk.format_money(left)} of the deposit" in question and "in cash from the drawer" in question
    qtbot.waitUntil(lambda: refunds.last_result.kind == "deposit_refund" and not window.desk.busy, timeout=TIMEOUT)
    returned = refunds.last_result
    assert returned.completed and returned.cash_amount == left and returned.card_amount == 0
    qtbot.waitUntil(lambda: refunds.data.balance == 0 and not refunds.deposit_box.isVisible(), timeout=TIMEOUT)
    assert "Deposit returned" in refunds.message_label.text()
    assert window.desk.state.summary.drawer == amount - left
    qtbot.waitUntil(lambda: page.deposit_balance == 0, timeout=TIMEOUT)
    assert page.deposit_label.text() == "No deposit" and not panel.deposit_button.isVisibleTo(panel)

    # The day's history: the deposit kinds, what goes back with a minus, the deposit part of a payment.
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    history = window.history_page
    qtbot.waitUntil(lambda: len(history.entries) == 5, timeout=TIMEOUT)
    model = history.model
    column = {model.headerData(c, Qt.Orientation.Horizontal): c for c in range(model.columnCount())}
    cell = [[model.index(row, c).data() for c in range(model.columnCount())] for row in range(model.rowCount())]
    assert [row[1] for row in cell] == ["Shift opened", "Deposit", "Payment", "Refund", "Deposit return", "Total (4)"]
    money = cash_desk.format_money
    assert cell[1][column["Sum"]] == money(amount) and cell[1][column["Cash"]] == money(amount)
    assert cell[2][column["Sum"]] == money(total) and cell[2][column["Deposit"]] == money(total)
    assert cell[3][column["Sum"]] == "\u2212" + money(line.amount)
    assert cell[3][column["Deposit"]] == "\u2212" + money(line.amount)
    assert cell[4][column["Sum"]] == "\u2212" + money(left) and cell[4][column["Cash"]] == "\u2212" + money(left)
    assert cell[5][column["Cash"]] == money(amount - left)
    assert cell[5][column["Deposit"]] == money(total - line.amount)
    assert not history.view.isColumnHidden(column["Deposit"])
    assert history.view.horizontalHeader().visualIndex(column["Deposit"]) == column["Card"] + 1
    grab(window, "deposit-history")


def test_deposit_screens_in_russian(qtbot, window, cashier, bench, answers):
    from medcenter_desktop import i18n

    i18n.switch_language("ru")
    open_shift(qtbot, window)
    activate(qtbot, window)
    open_client(qtbot, window, demo_clients(cashier)[1][0])
    page = window.payment_page
    assert page.take_deposit_button.text() == "Принять аванс… (Ctrl+D)"
    dialog = page.take_deposit()
    activate_dialog(qtbot, dialog)
    dialog.amount_edit.setText("10 000")
    dialog.set_card(True)
    grab(dialog, "deposit-take-ru")
    assert dialog.submit()
    qtbot.waitUntil(lambda: page.deposit_balance == Decimal(10000) and not window.desk.busy, timeout=TIMEOUT)
    assert page.last_result.card_amount == Decimal(10000)
    activate(qtbot, window)
    assert page.use_deposit()
    assert page.pay_panel.deposit_caption.text() == "Зачёт аванса"
    grab(window, "deposit-pay-ru")
    window.show_tab(window.REFUNDS_TAB)
    refunds = window.refund_page
    qtbot.waitUntil(lambda: len(refunds.deposits) == 1, timeout=TIMEOUT)
    dialog = refunds.ask_return_deposit()
    assert "на карту 10" in dialog.split_label.text()
    grab(window, "deposit-refunds-ru")
    grab(dialog, "deposit-return-ru")
    dialog.reject()
