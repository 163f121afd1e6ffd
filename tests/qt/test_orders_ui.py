"""Orders in the registrar's workstation against the real demo clinic, logged in as the demo registrar:
an order for a client from the card's Orders tab with a line the client pays and one under the demo
insurer's agreement (ДМС), the prices and why; a manual discount within the job's limit and one above
it; booking a line into a free time (F5), cancelling a line (Del, a reason required); the route sheet
and the invoices as PDF previews; a quota with no room (refused; a head of registry adds over it); an
order for a caller without a card, then given to the client found by search.

Screenshots go to /tmp/orders-*.png (MEDCENTER_ORDER_SHOTS names another folder)."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from medcenter_desktop import document_preview
from shared.demo.billing import CHECKUP_CODE, CHECKUP_STEPS
from shared.services import patients
from shared.services.patient_input import PatientInput
from workstations.registrar import order_ops
from workstations.registrar.order_dialogs import CancelLineDialog, ClientPickerDialog, DiscountDialog
from workstations.registrar.order_page import OrderPage
from workstations.registrar.slot_dialog import SlotChooserDialog
from workstations.registrar.window import RegistrarWindow

TIMEOUT = 30000
THERAPIST = "B01.047.001"  # the client pays personally (public offer): 1 800,00
ULTRASOUND = "A04.16.001"  # listed in the demo ДМС agreement: 2 900,00 + 10 % = 3 190,00
INSURER = "АО «Страховая компания «Демо-Полис»"
SHOTS = Path(os.environ.get("MEDCENTER_ORDER_SHOTS", "/tmp"))

CLIENT = PatientInput(last_name="Заказова", first_name="Ирина", middle_name="Петровна", birth_date="14.03.1986",
                      sex="F", phones=("+7 916 555-31-42",))


@pytest.fixture
def make_window(qtbot, sessions):
    def build(login="registrar") -> RegistrarWindow:
        window = RegistrarWindow(sessions(login))
        qtbot.addWidget(window)
        window.resize(1360, 800)
        window.show()
        return window

    return build


@pytest.fixture
def window(make_window) -> RegistrarWindow:
    return make_window()


@pytest.fixture
def client(window) -> int:
    with window.session.uow() as uow:
        pid = patients.register_patient(uow.session.connection(), CLIENT, confirmed_not_duplicate=True)
        uow.commit()
    return pid


@pytest.fixture
def db(clinic):
    with clinic.connect(autocommit=True) as conn:
        yield conn


def grab(widget, name: str) -> Path:
    QApplication.processEvents()
    path = SHOTS / f"orders-{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(path))
    return path


def type_text(widget, typed: str) -> None:
    for char in typed:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)


def open_client(qtbot, window, pid):
    window.open_client(pid)
    card = window.client_page
    qtbot.waitUntil(lambda: card.details is not None and card.details.id == pid, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: card.orders.orders is not None, timeout=TIMEOUT)
    return card


def wait_ready(qtbot, page: OrderPage) -> None:
    qtbot.waitUntil(lambda: page.catalogue is not None and page.payers is not None and page.add_button.isEnabled(),
                    timeout=TIMEOUT)


def payer_id(page: OrderPage, name: str) -> int:
    return next(c.payer_id for c in page.payers if c.payer_name == name)


def type_service(qtbot, page: OrderPage, code: str) -> None:
    """Ins, the code typed into the box (the completion list closed), then the quote arrives."""
    activate(qtbot, page.window())
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Insert)
    assert page.service_combo.lineEdit().hasFocus()
    type_text(page.service_combo.lineEdit(), code)
    page.service_combo.completer().popup().hide()
    qtbot.waitUntil(lambda: page.quote is not None and page.quote.service_id == page.service_id(), timeout=TIMEOUT)


def add_with_enter(qtbot, page: OrderPage, widget, count: int) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.order is not None and len(page.order.lines) == count and not page.busy,
                    timeout=TIMEOUT)


def row_texts(page: OrderPage, line_id: int) -> list[str]:
    row = page.model.row_for_id(line_id)
    return [page.model.index(row, c).data() for c in range(page.model.columnCount())]


def stored_line(db, line_id: int):
    return db.execute("SELECT status, discount_amount, amount, booking_id, cancel_reason, payer_id "
                      "FROM order_lines WHERE id = %s", (line_id,)).fetchone()


def line_of(page: OrderPage, code: str):
    return next(line for line in page.order.lines if line.service_code == code)


# --- An order for a client ----------------------------------------------------------------------------


def test_order_for_a_client_prices_discount_booking_cancel_and_printing(qtbot, window, client, db, tmp_path,
                                                                        no_message_boxes):
    card = open_client(qtbot, window, client)
    card.details_panel.setCurrentWidget(card.orders)
    assert card.details_panel.tabText(card.details_panel.indexOf(card.orders)) == "Orders"
    assert card.orders.model.rowCount() == 0 and "No orders" in card.orders.empty_label.text()
    activate(qtbot, window)
    card.orders.view.setFocus()
    qtbot.keyClick(card.orders.view, Qt.Key.Key_Insert)  # New order… (Ins)
    page = window.order_page
    assert window.stack.currentWidget() is page
    assert "New order for Заказова Ирина Петровна" in page.title_label.text()
    wait_ready(qtbot, page)
    assert page.payer_combo.currentIndex() == 0 and "Client personally" in page.payer_combo.currentText()
    assert "public offer" in page.payer_combo.currentText()
    insurer_choice = next(c for c in page.payers if c.payer_name == INSURER)
    assert insurer_choice.agreement_number.startswith("ДМС-"), "the payer is offered with its agreement"

    # Line 1: the therapist, the client pays. The price and why show before adding; Enter adds.
    type_service(qtbot, page, THERAPIST)
    assert page.quote.amount == Decimal("1800.00")
    assert "1,800.00" in page.quote_text() and "public offer" in page.quote_text()
    add_with_enter(qtbot, page, page.service_combo, 1)
    therapist = line_of(page, THERAPIST)
    assert db.execute("SELECT patient_id FROM orders WHERE id = %s", (page.order.id,)).fetchone()[0] == client
    texts = row_texts(page, therapist.id)
    assert texts[0] == THERAPIST and texts[3] == "1,800.00" and texts[5] == "1,800.00"
    assert texts[6] == "Client" and texts[8] == "ordered" and texts[9] == ""
    assert "Added" in page.message() and page.service_combo.lineEdit().hasFocus(), "ready for the next one"

    # Line 2: the ultrasound under the insurer's agreement: retail 2 900,00 with the agreement's +10 %.
    type_service(qtbot, page, ULTRASOUND)
    assert page.choose_payer(insurer_choice.payer_id, insurer_choice.agreement_id)
    qtbot.waitUntil(lambda: page.quote is not None and page.quote.payer_id == insurer_choice.payer_id,
                    timeout=TIMEOUT)
    assert page.quote.amount == Decimal("3190.00") and "Markup of the agreement +10.00%" in page.quote_text()
    assert "ДМС: лимит месяца" in page.quote_text(), "the quota it counts against, with what is left"
    grab(window, "quote")
    add_with_enter(qtbot, page, page.payer_combo, 2)
    ultrasound = line_of(page, ULTRASOUND)
    texts = row_texts(page, ultrasound.id)
    assert texts[5] == "3,190.00" and texts[6] == INSURER and texts[7] == insurer_choice.agreement_number
    assert stored_line(db, ultrasound.id)[5] == insurer_choice.payer_id

    # Why this price: the side panel for the selected line, and the tooltip of every cell.
    assert page.select_line(ultrasound.id)
    why = page.why_label.text()
    assert "Paid by" in why and insurer_choice.agreement_number in why and "Markup of the agreement" in why
    row = page.model.row_for_id(ultrasound.id)
    tooltip = page.model.index(row, 5).data(Qt.ItemDataRole.ToolTipRole)  # the amount
    assert tooltip.startswith("Why this price:") and "Price list" in tooltip and "Markup" in tooltip
    tooltip = page.model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)  # a long cell reads whole first
    assert tooltip.startswith(ultrasound.service_name + "\n\nWhy this price:")
    totals = page.totals_label.text()
    assert "4,990.00" in totals and "To pay by the client: " in totals and "1,800.00" in totals
    assert "3,190.00" in totals and INSURER in totals
    assert page.status_label.text() == "ordered"
    grab(window, "order")

    # A manual discount: 50 % is above the registrar's limit (5 %), refused in the dialog; 5 % passes.
    page.select_line(therapist.id)
    dialog = page.ask_discount()
    assert isinstance(dialog, DiscountDialog) and dialog.isVisible()
    dialog.set_percent(50)
    dialog.reason_combo.setEditText("Постоянный клиент")
    assert "900.00" in dialog.result_label.text()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "up to 5.00%" in dialog.error(), timeout=TIMEOUT)
    assert dialog.isVisible() and stored_line(db, therapist.id)[1] == Decimal("0.00"), "nothing applied"
    grab(dialog, "discount-refused")
    dialog.set_percent(5)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=TIMEOUT)
    assert stored_line(db, therapist.id)[1:3] == (Decimal("90.00"), Decimal("1710.00"))
    texts = row_texts(page, therapist.id)
    assert texts[4] == "90.00" and texts[5] == "1,710.00"
    assert "Manual discount 5.00% (Постоянный клиент)" in page.why_label.text()
    assert "Discount applied" in page.message()

    # Booking the therapist line: F5, the first free time is chosen, Enter books it into the line.
    activate(qtbot, window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F5)
    slots = page.dialog
    assert isinstance(slots, SlotChooserDialog)
    qtbot.waitUntil(lambda: not slots.searching and slots.selected_slot() is not None, timeout=TIMEOUT)
    slot = slots.selected_slot()
    assert slots.model.columnCount() >= 2, "the therapists who perform it, a column each"
    grab(slots, "book-line")
    qtbot.keyClick(slots.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: line_of(page, THERAPIST).status == "booked" and page.dialog is None, timeout=TIMEOUT)
    booking_id = stored_line(db, therapist.id)[3]
    assert booking_id is not None and stored_line(db, therapist.id)[0] == "booked"
    assert db.execute("SELECT patient_id, resource_id, lower(period) FROM bookings WHERE id = %s",
                      (booking_id,)).fetchone() == (client, slot.resource_id, slot.starts_at)
    appointment = row_texts(page, therapist.id)[9]
    assert slot.starts_at.strftime("%d.%m %H:%M") in appointment and appointment.endswith(
        slots.catalogue.resource(slot.resource_id).name)
    assert slot.starts_at.strftime("%d.%m.%Y %H:%M") in page.why_label.text()
    assert "Booked" in page.message()
    assert not page.book_button.isEnabled(), "a booked line is not booked again"

    # Printing: Ctrl+P offers the route sheet and an invoice for each payer; the previews show the PDFs.
    activate(qtbot, window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    menu = page.print_popup
    assert menu is not None and menu.isVisible()
    actions = [a.text() for a in menu.actions() if a.text()]
    assert actions[0] == "Route sheet"
    assert any("Client (1,710.00)" in a for a in actions) and any(f"{INSURER} (3,190.00)" in a for a in actions)
    menu.close()
    for label, run in (("route-sheet", page.print_route_sheet), ("invoice-client", lambda: page.print_invoice(None)),
                       ("invoice-insurer", lambda: page.print_invoice(insurer_choice.payer_id))):
        document_preview.last_shown.clear()
        page.last_pdf = None
        run()
        qtbot.waitUntil(lambda: "dialog" in document_preview.last_shown, timeout=TIMEOUT)
        preview = document_preview.last_shown["dialog"]
        assert page.last_pdf.startswith(b"%PDF") and page.last_pdf.rstrip().endswith(b"%%EOF")
        assert preview.isVisible() and preview.page_count() >= 1
        assert preview.page_labels[0].pixmap() is not None and not preview.page_labels[0].pixmap().isNull()
        saved = preview.save_to(tmp_path / label)
        assert saved.suffix == ".pdf" and saved.read_bytes() == page.last_pdf
        grab(preview, label)
        if label == "route-sheet":
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "printed.pdf"))
            assert preview.print_to(printer) == preview.page_count()
            assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
        preview.close()
    with window.session.uow() as uow:
        conn = uow.session.connection()
        assert order_ops.route_sheet_pdf(conn, page.order.id, "Регистратор").startswith(b"%PDF")
        assert order_ops.invoice_pdf(conn, page.order.id, insurer_choice.payer_id).startswith(b"%PDF")

    # Cancelling the insurer's line: Del, a reason is required.
    page.select_line(ultrasound.id)
    activate(qtbot, window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    cancel = page.dialog
    assert isinstance(cancel, CancelLineDialog)
    cancel.buttons.button(cancel.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "Say why" in cancel.error(), timeout=TIMEOUT)
    assert stored_line(db, ultrasound.id)[0] == "ordered"
    cancel.reason_combo.setEditText("Клиент передумал")
    grab(cancel, "cancel-line")
    cancel.buttons.button(cancel.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.dialog is None and line_of(page, ULTRASOUND).status == "cancelled", timeout=TIMEOUT)
    assert stored_line(db, ultrasound.id)[0::4] == ("cancelled", "Клиент передумал")
    assert row_texts(page, ultrasound.id)[8] == "cancelled"
    assert "Cancelled because" in page.why_label.text() and "Клиент передумал" in page.why_label.text()
    assert "1,710.00" in page.totals_label.text() and INSURER not in page.totals_label.text()
    assert page.order.total() == Decimal("1710.00") and page.status_label.text() == "booked"
    grab(window, "order-done")

    # Esc: back to the card, whose Orders tab lists the order.
    activate(qtbot, window)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is card and card.details_panel.currentWidget() is card.orders
    qtbot.waitUntil(lambda: card.orders.model.row_for_id(page.order.id) is not None
                    and card.orders.selected().total == Decimal("1710.00"), timeout=TIMEOUT)
    assert card.orders.model.index(0, 5).data() == "booked"
    grab(window, "card-orders")
    # The booking made from the order is in the client's appointments too.
    qtbot.waitUntil(lambda: card.appointments.model.row_for_id(booking_id) is not None, timeout=TIMEOUT)
    # Enter opens the order again.
    card.orders.view.setFocus()
    qtbot.keyClick(card.orders.view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.order is not None and len(page.order.lines) == 2, timeout=TIMEOUT)
    assert no_message_boxes == []


def test_a_service_the_agreement_does_not_cover_has_no_price_and_is_not_added(qtbot, window, client,
                                                                              no_message_boxes):
    open_client(qtbot, window, client)
    page = window.new_order()
    wait_ready(qtbot, page)
    page.choose_payer(payer_id(page, INSURER))
    type_text(page.service_combo.lineEdit(), "B01.023.001")  # the neurologist: not in the ДМС agreement
    page.service_combo.completer().popup().hide()
    qtbot.waitUntil(lambda: "does not cover" in page.quote_text(), timeout=TIMEOUT)
    page.add_line()
    qtbot.waitUntil(lambda: "does not cover" in page.message(), timeout=TIMEOUT)
    assert page.order is None and page.order_id is None, "nothing was written"


def test_a_complex_service_brings_its_steps_each_booked_on_its_own(qtbot, window, client, db, no_message_boxes):
    open_client(qtbot, window, client)
    page = window.new_order()
    wait_ready(qtbot, page)
    type_service(qtbot, page, CHECKUP_CODE)
    add_with_enter(qtbot, page, page.service_combo, 1 + len(CHECKUP_STEPS))
    package = line_of(page, CHECKUP_CODE)
    steps = [line for line in page.order.lines if line.parent_line_id == package.id]
    assert [line.service_code for line in steps] == list(CHECKUP_STEPS)
    assert "steps are lines of their own" in page.message()
    texts = row_texts(page, steps[0].id)
    assert texts[1].startswith("↳ ") and texts[3] == texts[5] == "", "a step is priced in the package"
    assert row_texts(page, steps[1].id)[1].endswith("(optional)")
    assert page.order.total() == package.amount > 0
    page.select_line(package.id)
    assert page.discount_button.isEnabled() and not page.book_button.isEnabled(), "the package is not booked"
    page.select_line(steps[0].id)
    assert not page.discount_button.isEnabled() and page.book_button.isEnabled()
    assert "Package" in page.why_label.text() and package.service_name in page.why_label.text()
    grab(window, "complex")
    slots = page.book_selected()
    qtbot.waitUntil(lambda: not slots.searching and slots.selected_slot() is not None, timeout=TIMEOUT)
    slots.book_selected()
    qtbot.waitUntil(lambda: page.dialog is None and line_of(page, CHECKUP_STEPS[0]).status == "booked",
                    timeout=TIMEOUT)
    assert stored_line(db, steps[0].id)[3] is not None


# --- Quotas ------------------------------------------------------------------------------------------------


def _fill_the_quota(db) -> None:
    db.execute("UPDATE quotas SET limit_count = used_count WHERE name = 'ДМС: лимит месяца'")


def test_a_quota_without_room_refuses_and_a_head_of_registry_adds_over_it(qtbot, make_window, client, db,
                                                                          no_message_boxes):
    _fill_the_quota(db)
    window = make_window()
    open_client(qtbot, window, client)
    page = window.new_order()
    wait_ready(qtbot, page)
    type_service(qtbot, page, ULTRASOUND)
    page.choose_payer(payer_id(page, INSURER))
    qtbot.waitUntil(lambda: "has no room" in page.quote_text(), timeout=TIMEOUT)
    page.add_line()
    qtbot.waitUntil(lambda: "ДМС: лимит месяца" in page.message() and not page.busy, timeout=TIMEOUT)
    assert "has no room for this line" in page.message()
    assert page.override_button.isHidden(), "a registrar may not go over a quota"
    assert page.order is None
    grab(window, "quota-refused")

    head = make_window("headregistry")
    open_client(qtbot, head, client)
    page = head.new_order()
    wait_ready(qtbot, page)
    type_service(qtbot, page, ULTRASOUND)
    page.choose_payer(payer_id(page, INSURER))
    qtbot.waitUntil(lambda: "has no room" in page.quote_text(), timeout=TIMEOUT)
    page.add_line()
    qtbot.waitUntil(lambda: not page.override_button.isHidden(), timeout=TIMEOUT)
    assert page.override_button.text() == "Add over the quota"
    grab(head, "quota-override")
    page.override_button.click()
    qtbot.waitUntil(lambda: page.order is not None and len(page.order.lines) == 1, timeout=TIMEOUT)
    assert "Over the quota" in page.message()
    line = page.order.lines[0]
    assert db.execute("SELECT overridden_by IS NOT NULL FROM quota_charges WHERE order_line_id = %s",
                      (line.id,)).fetchone()[0]


# --- A caller without a card ---------------------------------------------------------------------------


def test_an_order_without_a_card_is_booked_then_given_to_the_client(qtbot, window, client, db, no_message_boxes):
    assert window.stack.currentWidget() is window.search_page
    window.search_page.search_edit.setText("Безкартов Олег")
    dialog = window.show_anonymous_orders()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=TIMEOUT)
    assert dialog.name_edit.text() == "Безкартов Олег"
    dialog.create()
    assert "name and the phone" in dialog.error_label.text() and dialog.isVisible()
    dialog.phone_edit.setText("+7 903 222-33-44")
    grab(dialog, "anonymous-new")
    qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Return)
    page = window.order_page
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=TIMEOUT)
    assert not page.anonymous_box.isHidden() and "+7 903 222-33-44" in page.anonymous_label.text()
    wait_ready(qtbot, page)
    type_service(qtbot, page, THERAPIST)
    add_with_enter(qtbot, page, page.service_combo, 1)
    order_id = page.order.id
    assert db.execute("SELECT patient_id, contact_name, contact_phone FROM orders WHERE id = %s",
                      (order_id,)).fetchone() == (None, "Безкартов Олег", "+7 903 222-33-44")

    # Booked for the caller: the booking carries the name and the phone.
    page.select_line(page.order.lines[0].id)
    slots = page.book_selected()
    qtbot.waitUntil(lambda: not slots.searching and slots.selected_slot() is not None, timeout=TIMEOUT)
    slots.book_selected()
    qtbot.waitUntil(lambda: page.order.lines[0].status == "booked" and page.dialog is None, timeout=TIMEOUT)
    booking_id = page.order.lines[0].booking_id
    assert db.execute("SELECT patient_id, contact_name FROM bookings WHERE id = %s", (booking_id,)).fetchone() \
        == (None, "Безкартов Олег")
    grab(window, "anonymous-order")

    # The caller came and is a client: Attach to a client…, found by search, Enter.
    picker = page.ask_personalize()
    assert isinstance(picker, ClientPickerDialog) and picker.search_edit.text() == "Безкартов Олег"
    picker.search_edit.setText("Заказова Ирина")
    qtbot.waitUntil(lambda: not picker.searching and picker.current_hit() is not None
                    and picker.current_hit().id == client, timeout=TIMEOUT)
    grab(picker, "attach-client")
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.order.patient_id == client and not page.busy, timeout=TIMEOUT)
    assert db.execute("SELECT patient_id FROM orders WHERE id = %s", (order_id,)).fetchone()[0] == client
    assert db.execute("SELECT patient_id FROM bookings WHERE id = %s", (booking_id,)).fetchone()[0] == client
    assert page.anonymous_box.isHidden() and "Заказова Ирина Петровна" in page.title_label.text()
    assert "now belongs to Заказова Ирина Петровна" in page.message()

    # Esc opens the client's card, whose Orders tab has the order.
    activate(qtbot, window)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    card = window.client_page
    qtbot.waitUntil(lambda: window.stack.currentWidget() is card and card.details is not None
                    and card.details.id == client, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: card.orders.model.row_for_id(order_id) is not None, timeout=TIMEOUT)

    # It is no longer among the orders without a card.
    window.back_to_search()
    again = window.show_anonymous_orders()
    qtbot.waitUntil(lambda: again.loaded, timeout=TIMEOUT)
    assert again.model.row_for_id(order_id) is None
    again.close()
