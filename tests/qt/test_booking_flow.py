"""Booking in the registrar's workstation against the real demo clinic, logged in as the demo registrar:
find free times of a service the demo doctors perform and book one with two clicks; lose a race for a
time and take an offered one with one click; move a booking by dropping it on a free time and by the
keyboard, with the history showing old and new times; cancel (a reason is required), confirm, print
the slip; book without a client card; refused bookings; the waiting list.

Screenshots of the booking page and of the client's appointments always go to a temporary folder;
with MEDCENTER_SAVE_SCREENSHOTS=1 the booking page is saved as docs/screenshots/booking.png."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from medcenter_desktop import document_preview, pdf_view
from medcenter_desktop.operations import wait_for_background_ops
from shared.services import booking as bk
from shared.services import patients
from shared.services.patient_input import PatientInput
from workstations.registrar import booking_ops
from workstations.registrar.booking_page import BOOKED, BOOKING_MIME, BookingPage
from workstations.registrar.window import RegistrarWindow

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TIMEOUT = 30000
THERAPIST = "B01.047.001"  # primary visit to a therapist: five demo doctors perform it
UROLOGIST = "B01.053.001"  # men only

CLIENT = PatientInput(last_name="Записькина", first_name="Вера", middle_name="Ивановна", birth_date="05.06.1991",
                      sex="F", phones=("+7 916 555-07-08",))


@pytest.fixture
def window(qtbot, sessions) -> RegistrarWindow:
    window = RegistrarWindow(sessions())
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    return window


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


def weekday_ahead(days: int = 3) -> dt.date:
    day = dt.date.today() + dt.timedelta(days=days)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def type_text(widget, typed: str) -> None:
    for char in typed:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def open_client(qtbot, window, pid):
    window.open_client(pid)
    card = window.client_page
    qtbot.waitUntil(lambda: card.details is not None and card.details.id == pid, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: card.appointments.bookings is not None, timeout=TIMEOUT)
    return card


def service_id(page: BookingPage, code: str) -> int:
    return next(s.id for s in page.catalogue.services if s.code == code)


def open_booking(qtbot, window) -> BookingPage:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=TIMEOUT)
    qtbot.keyClick(window.stack.currentWidget(), Qt.Key.Key_F3)
    page = window.booking_page
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.catalogue is not None and page.service_combo.count() > 0, timeout=TIMEOUT)
    return page


def find(qtbot, page: BookingPage, code: str = THERAPIST, day: dt.date | None = None, days: int = 1) -> None:
    """Types the service's name and presses Enter twice: the name is taken, then the times are found."""
    name = page.catalogue.service(service_id(page, code)).name
    day = day or weekday_ahead()
    page.day_edit.setDate(day)
    page.set_days(days)
    edit = page.service_combo.lineEdit()
    edit.selectAll()
    type_text(edit, name)
    page.service_combo.completer().popup().hide()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.service_id() == service_id(page, code)
    qtbot.waitUntil(lambda: not page.searching, timeout=TIMEOUT)


def click_cell(qtbot, page: BookingPage, index, double: bool = False) -> None:
    page.view.scrollTo(index)
    QApplication.processEvents()
    center = page.view.visualRect(index).center()
    if double:  # as a mouse sends it: press, release, then the double click
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    else:
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=center)


def stored(db, booking_id: int):
    return db.execute("SELECT patient_id, resource_id, lower(period), status, cancel_reason, contact_name "
                      "FROM bookings WHERE id = %s", (booking_id,)).fetchone()


def book_directly(session, service: int, slot: bk.Slot, patient_id: int | None = None) -> bk.BookingInfo:
    with session.uow() as uow:
        made = bk.book(uow.session.connection(), bk.BookingRequest(
            session.organization_id, service, slot.resource_id, slot.starts_at, "registry", patient_id,
            "" if patient_id else "Звонкова Ольга", "" if patient_id else "+79160000000"))
        uow.commit()
    return made


def wait_booked(qtbot, page: BookingPage, previous=None) -> bk.BookingInfo:
    qtbot.waitUntil(lambda: page.last_booking is not None and page.last_booking is not previous and not page.busy,
                    timeout=TIMEOUT)
    return page.last_booking


# --- Booking -------------------------------------------------------------------------------------------


def test_two_clicks_book_a_free_time_and_the_card_lists_it(qtbot, window, client, db, tmp_path, no_message_boxes):
    open_client(qtbot, window, client)
    page = open_booking(qtbot, window)
    assert page.patient_id == client and "Записькина Вера Ивановна" in page.title_label.text()
    assert page.anonymous_box.isHidden(), "a client with a card needs no name and phone"
    find(qtbot, page, days=3)
    assert page.day_tabs.count() == 3 and "free" in page.day_tabs.tabText(0)
    free = page.model.free_indexes()
    assert free, "the demo doctors have free time a few days ahead"
    columns = page.model.columns
    assert len(columns) >= 2 and all(c.office for c in columns), "a column per doctor, with the office"
    assert "\n" in page.model.headerData(0, Qt.Orientation.Horizontal)
    # The day's existing bookings are in the grid too, grey, with the client's name and not selectable.
    booked = [page.model.index(r, c) for r in range(page.model.rowCount()) for c in range(page.model.columnCount())
              if page.model.cell(page.model.index(r, c)) and page.model.cell(page.model.index(r, c)).kind == BOOKED]
    assert booked and booked[0].data()
    assert not page.model.flags(booked[0]) & Qt.ItemFlag.ItemIsSelectable

    target = free[len(free) // 2]
    slot = page.model.slot_at(target)
    assert target.data() == slot.starts_at.strftime("%H:%M"), "a free cell shows its time"
    click_cell(qtbot, page, target)  # click 1
    assert page.selected_slot() == slot and page.book_button.isEnabled()
    _grab(page, tmp_path / "booking_selected.png")
    qtbot.mouseClick(page.book_button, Qt.MouseButton.LeftButton)  # click 2
    made = wait_booked(qtbot, page)

    row = stored(db, made.id)
    assert row[:4] == (client, slot.resource_id, slot.starts_at, "booked")
    assert made.starts_at == slot.starts_at and made.patient_id == client
    assert "Booked" in page.message() and made.client_name in page.message()
    assert page.print_button.isEnabled()
    # The grid was read again: the time is the client's own booking now.
    qtbot.waitUntil(lambda: not page.searching and page.model.index_of_booking(made.id).isValid(), timeout=TIMEOUT)
    assert page.model.cell(page.model.index_of_booking(made.id)).booking.patient_id == client
    _grab(window, tmp_path / "booking_done.png", docs_name="booking.png")

    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    card = window.client_page
    assert window.stack.currentWidget() is card
    qtbot.waitUntil(lambda: any(b.id == made.id for b in card.appointments.model.rows()), timeout=TIMEOUT)
    assert card.details_panel.currentWidget() is card.appointments
    listed = card.appointments.model
    row_number = listed.row_for_id(made.id)
    texts = [listed.index(row_number, c).data() for c in range(listed.columnCount())]
    assert texts[0] == slot.starts_at.strftime("%d.%m.%Y") and texts[1] == slot.starts_at.strftime("%H:%M")
    assert texts[2].startswith("Приём") and texts[4] == made.office and texts[5] == "booked"
    _grab(window, tmp_path / "appointments.png")
    assert no_message_boxes == []


def test_double_click_books_at_once_and_keyboard_alone_books_too(qtbot, window, client, db, no_message_boxes):
    open_client(qtbot, window, client)
    page = open_booking(qtbot, window)
    find(qtbot, page)
    first = page.model.free_indexes()[0]
    slot = page.model.slot_at(first)
    click_cell(qtbot, page, first, double=True)
    made = wait_booked(qtbot, page)
    assert stored(db, made.id)[2] == slot.starts_at

    # Right after booking nothing is chosen: a second Enter books nothing by accident.
    qtbot.waitUntil(lambda: not page.searching and bool(page.model.free_indexes()), timeout=TIMEOUT)
    assert page.selected_slot() is None and window.focusWidget() is page.print_button
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert "Choose a free time" in page.message()
    # Keyboard alone: the arrows go from free time to free time, Enter books.
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    current = page.selected_slot()
    assert current is not None and current != slot
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    again = wait_booked(qtbot, page, made)
    assert again.starts_at == current.starts_at and again.resource_id == current.resource_id
    assert stored(db, again.id)[0] == client


def test_first_free_jumps_to_the_earliest_time(qtbot, window, client, no_message_boxes):
    open_client(qtbot, window, client)
    page = open_booking(qtbot, window)
    find(qtbot, page)
    with window.session.uow() as uow:
        earliest = bk.first_free(uow.session.connection(), window.session.organization_id,
                                 service_id(page, THERAPIST), first_day=dt.date.today())
    page.day_edit.setDate(dt.date.today())
    qtbot.keyClick(page.view, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: not page.searching and page.selected_slot() is not None
                    and page.search.first_day == earliest.starts_at.astimezone(page.catalogue.zone).date(),
                    timeout=TIMEOUT)
    chosen = page.selected_slot()
    assert (chosen.resource_id, chosen.starts_at) == (earliest.resource_id, earliest.starts_at)

    # A specialty narrows the doctors offered; a doctor narrows the grid to one column.
    specialties = [page.specialty_combo.itemData(i) for i in range(1, page.specialty_combo.count())]
    assert specialties and None not in specialties
    page.specialty_combo.setCurrentIndex(1)
    doctors = [page.doctor_combo.itemData(i) for i in range(1, page.doctor_combo.count())]
    assert doctors and all(page.catalogue.resource(d).specialty_id == specialties[0] for d in doctors)
    page.doctor_combo.setCurrentIndex(1)
    qtbot.keyClick(page.doctor_combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.searching, timeout=TIMEOUT)
    assert {c.resource_id for c in page.model.columns} <= {doctors[0]}
    assert all(s.resource_id == doctors[0] for s in page.search.slots)


def test_a_time_taken_meanwhile_offers_alternatives_and_one_click_books_one(qtbot, window, client, sessions, db,
                                                                            tmp_path, no_message_boxes):
    open_client(qtbot, window, client)
    page = open_booking(qtbot, window)
    find(qtbot, page)
    target = page.model.free_indexes()[0]
    slot = page.model.slot_at(target)
    click_cell(qtbot, page, target)
    assert page.selected_slot() == slot

    other = sessions("reception", "REG-02")  # a colleague at the next window is quicker
    theirs = book_directly(other, page.search.service_id, slot)

    qtbot.mouseClick(page.book_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.alternative_buttons) and not page.busy, timeout=TIMEOUT)
    assert "just been taken" in page.message()
    assert not page.alternatives_box.isHidden()
    assert len(page.alternative_buttons) == len(page.alternatives) > 0
    assert all(a.starts_at != slot.starts_at or a.resource_id != slot.resource_id for a in page.alternatives)
    assert db.execute("SELECT count(*) FROM bookings WHERE patient_id = %s", (client,)).fetchone()[0] == 0
    alternative = page.alternatives[0]
    assert alternative.starts_at.strftime("%H:%M") in page.alternative_buttons[0].text()
    _grab(window, tmp_path / "booking_taken.png")

    qtbot.mouseClick(page.alternative_buttons[0], Qt.MouseButton.LeftButton)  # one click books it
    made = wait_booked(qtbot, page)
    assert (made.resource_id, made.starts_at) == (alternative.resource_id, alternative.starts_at)
    assert stored(db, made.id)[:4] == (client, alternative.resource_id, alternative.starts_at, "booked")
    assert stored(db, theirs.id)[5] == "Звонкова Ольга"
    assert page.alternatives_box.isHidden() and "Booked" in page.message()


def test_a_phoned_in_anonymous_booking_is_attached_to_the_client(qtbot, window, client, sessions, db,
                                                                  no_message_boxes):
    open_client(qtbot, window, client)
    page = open_booking(qtbot, window)
    find(qtbot, page)
    slot = page.model.slot_at(page.model.free_indexes()[0])
    anonymous = book_directly(sessions("callcentre", "CC-01"), page.search.service_id, slot)
    page.refresh()
    qtbot.waitUntil(lambda: not page.searching and any(
        (c := page.model.cell((r, k))) is not None and c.booking is not None and c.booking.id == anonymous.id
        for r in range(page.model.rowCount()) for k in range(page.model.columnCount())), timeout=TIMEOUT)
    index = next(page.model.index(r, k) for r in range(page.model.rowCount()) for k in range(page.model.columnCount())
                 if (c := page.model.cell((r, k))) is not None and c.booking is not None
                 and c.booking.id == anonymous.id)
    booking = page.anonymous_booking_at(index)
    assert booking is not None and booking.client_name == "Звонкова Ольга"
    page.attach_to_client(booking)
    qtbot.waitUntil(lambda: not page.busy and "Attached" in page.message(), timeout=TIMEOUT)
    assert stored(db, anonymous.id)[0] == client
    qtbot.waitUntil(lambda: not page.searching and any(
        (c := page.model.cell((r, k))) is not None and c.booking is not None and c.booking.id == anonymous.id
        and c.booking.patient_id == client
        for r in range(page.model.rowCount()) for k in range(page.model.columnCount())), timeout=TIMEOUT)


def test_a_refused_booking_says_why(qtbot, window, client, no_message_boxes):
    open_client(qtbot, window, client)
    page = open_booking(qtbot, window)
    find(qtbot, page, code=UROLOGIST)
    assert "men only" in page.message()
    assert page.search is None or not page.model.free_count()


def test_booking_without_a_card_needs_a_name_and_a_phone(qtbot, window, db, tmp_path, no_message_boxes):
    assert window.stack.currentWidget() is window.search_page
    page = open_booking(qtbot, window)
    assert page.patient_id is None and not page.anonymous_box.isHidden()
    assert "without a client card" in page.title_label.text()
    find(qtbot, page)
    target = page.model.free_indexes()[0]
    click_cell(qtbot, page, target)
    qtbot.mouseClick(page.book_button, Qt.MouseButton.LeftButton)
    assert "name and the phone" in page.message() and page.last_booking is None
    _grab(window, tmp_path / "booking_anonymous.png")
    page.name_edit.setText("Безкартова Нина")
    page.phone_edit.setText("+7 903 111-22-33")
    click_cell(qtbot, page, target)
    qtbot.mouseClick(page.book_button, Qt.MouseButton.LeftButton)
    made = wait_booked(qtbot, page)
    assert stored(db, made.id)[0] is None and stored(db, made.id)[5] == "Безкартова Нина"
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.search_page


# --- Moving, cancelling, statuses, slip ----------------------------------------------------------------


def test_drag_onto_a_free_time_reschedules_and_history_shows_old_and_new(qtbot, window, client, db, monkeypatch,
                                                                         tmp_path, no_message_boxes):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes))
    open_client(qtbot, window, client)
    page = open_booking(qtbot, window)
    find(qtbot, page)
    first = page.model.slot_at(page.model.free_indexes()[0])
    made = book_directly(window.session, page.search.service_id, first, client)
    page.refresh()
    qtbot.waitUntil(lambda: not page.searching and page.model.index_of_booking(made.id).isValid(), timeout=TIMEOUT)

    source = page.model.index_of_booking(made.id)
    assert page.model.flags(source) & Qt.ItemFlag.ItemIsDragEnabled, "the client's own booking can be dragged"
    data = page.model.mimeData([source])
    assert data.hasFormat(BOOKING_MIME)
    others = [page.model.index(r, c) for r in range(page.model.rowCount()) for c in range(page.model.columnCount())
              if (cell := page.model.cell(page.model.index(r, c))) and cell.kind == BOOKED
              and cell.booking.patient_id != client]
    assert others and not page.model.flags(others[0]) & Qt.ItemFlag.ItemIsDragEnabled
    assert not page.model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, others[0]), \
        "nothing is dropped on someone else's time"
    target = page.model.free_indexes()[-1]
    new_slot = page.model.slot_at(target)
    assert page.model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    page.model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    moved = wait_booked(qtbot, page)
    assert asked and "Move the appointment" in asked[0]
    assert (moved.id, moved.starts_at, moved.resource_id) == (made.id, new_slot.starts_at, new_slot.resource_id)
    assert stored(db, made.id)[1:4] == (new_slot.resource_id, new_slot.starts_at, "booked")

    with window.session.uow() as uow:
        events = bk.history(uow.session.connection(), made.id)
    assert [e.action for e in events] == ["booked", "rescheduled"]
    assert events[1].old_starts_at == first.starts_at and events[1].new_starts_at == new_slot.starts_at

    # The card's History shows who moved it, from when to when.
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    panel = window.client_page.appointments
    qtbot.waitUntil(lambda: any(b.id == made.id and b.starts_at == new_slot.starts_at
                                for b in panel.model.rows()), timeout=TIMEOUT)
    panel.select(made.id)
    dialog = panel.show_history()
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=TIMEOUT)
    rows = dialog.rows_text()
    assert len(rows) == 2 and rows[1][1] == "registrar" and rows[1][2] == "moved"
    local = page.catalogue.zone
    assert first.starts_at.astimezone(local).strftime("%H:%M") in rows[1][3]
    assert new_slot.starts_at.astimezone(local).strftime("%H:%M") in rows[1][3] and "→" in rows[1][3]
    _grab(dialog, tmp_path / "booking_history.png")
    dialog.close()


def test_reschedule_from_the_card_by_keyboard(qtbot, window, client, db, monkeypatch, tmp_path, no_message_boxes):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    card = open_client(qtbot, window, client)
    page = open_booking(qtbot, window)
    find(qtbot, page)
    first = page.model.slot_at(page.model.free_indexes()[0])
    made = book_directly(window.session, page.search.service_id, first, client)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: card.appointments.select(made.id), timeout=TIMEOUT)
    card.appointments.reschedule_button.click()
    assert window.stack.currentWidget() is page and page.moving is not None and page.moving.id == made.id
    assert not page.moving_box.isHidden() and "Move here" in page.book_button.text()
    qtbot.waitUntil(lambda: page.search is not None and not page.searching
                    and page.model.index_of_booking(made.id).isValid(), timeout=TIMEOUT)
    assert page.search.service_id == made.service_id
    _grab(window, tmp_path / "booking_moving.png")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    target = page.selected_slot()
    assert target is not None
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    moved = wait_booked(qtbot, page)
    assert moved.id == made.id and moved.starts_at == target.starts_at and page.moving is None
    assert stored(db, made.id)[2] == target.starts_at


def test_cancel_needs_a_reason_and_statuses_and_slip(qtbot, window, client, db, monkeypatch, tmp_path,
                                                    no_message_boxes):
    card = open_client(qtbot, window, client)
    page = open_booking(qtbot, window)
    find(qtbot, page)
    slot = page.model.slot_at(page.model.free_indexes()[0])
    made = book_directly(window.session, page.search.service_id, slot, client)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    panel = card.appointments
    qtbot.waitUntil(lambda: panel.select(made.id), timeout=TIMEOUT)

    # The slip: PDF bytes from the service, and on screen (here: the system viewer on a temporary file).
    with window.session.uow() as uow:
        pdf = booking_ops.booking_slip_pdf(uow.session.connection(), made.id, "Регистратор")
    assert pdf.startswith(b"%PDF")
    opened = []
    monkeypatch.setattr(pdf_view, "PDF_BACKENDS", [])
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    panel.print_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=TIMEOUT)
    path = document_preview.last_shown["path"]
    assert path.read_bytes().startswith(b"%PDF") and opened[0].toLocalFile() == str(path)
    path.unlink()

    panel.status_buttons["confirmed"].click()
    qtbot.waitUntil(lambda: stored(db, made.id)[3] == "confirmed", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: panel.selected() is not None and panel.selected().status == "confirmed", timeout=TIMEOUT)
    assert panel.model.index(panel.model.row_for_id(made.id), 5).data() == "confirmed"

    dialog = panel.ask_cancel()
    assert dialog is not None and dialog.isVisible()
    dialog.reason_combo.setEditText("   ")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    wait_for_background_ops(TIMEOUT)
    assert "Say why" in dialog.error() and dialog.isVisible()
    _grab(dialog, tmp_path / "booking_cancel.png")
    assert stored(db, made.id)[3] == "confirmed", "nothing cancelled without a reason"
    dialog.reason_combo.setEditText("Клиент уехал в командировку")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: panel.dialog is None, timeout=TIMEOUT)  # closed (and deleted)
    assert stored(db, made.id)[3:5] == ("cancelled", "Клиент уехал в командировку")
    qtbot.waitUntil(lambda: panel.model.row_for_id(made.id) is None, timeout=TIMEOUT)
    panel.cancelled_check.setChecked(True)
    assert panel.model.index(panel.model.row_for_id(made.id), 5).data() == "cancelled"


def test_arrived_and_no_show(qtbot, window, client, db, no_message_boxes):
    card = open_client(qtbot, window, client)
    page = open_booking(qtbot, window)
    find(qtbot, page)
    free = page.model.free_indexes()
    first = book_directly(window.session, page.search.service_id, page.model.slot_at(free[0]), client)
    second = book_directly(window.session, page.search.service_id, page.model.slot_at(free[-1]), client)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    panel = card.appointments
    qtbot.waitUntil(lambda: panel.select(first.id), timeout=TIMEOUT)
    panel.status_buttons["arrived"].click()
    qtbot.waitUntil(lambda: stored(db, first.id)[3] == "arrived", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: panel.select(second.id) and panel.selected().status == "booked", timeout=TIMEOUT)
    panel.status_buttons["no_show"].click()
    qtbot.waitUntil(lambda: stored(db, second.id)[3] == "no_show", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: panel.select(second.id) and panel.selected().status == "no_show", timeout=TIMEOUT)
    assert not panel.reschedule_button.isEnabled() and not panel.print_button.isEnabled()


# --- Waiting list ---------------------------------------------------------------------------------------


def test_waiting_list_add_book_first_free_and_withdraw(qtbot, window, client, db, monkeypatch, tmp_path,
                                                      no_message_boxes):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    card = open_client(qtbot, window, client)
    panel = card.appointments
    dialog = panel.add_to_waiting_list()
    qtbot.waitUntil(lambda: dialog.catalogue is not None, timeout=TIMEOUT)
    therapist = next(s.id for s in dialog.catalogue.services if s.code == THERAPIST)
    dialog.service_combo.setCurrentIndex(dialog.service_combo.findData(therapist))
    assert dialog.doctor_combo.count() > 2, "any doctor, or one of those who perform the service"
    dialog.note_edit.setText("Только после 12:00")
    _grab(dialog, tmp_path / "waiting_add.png")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.entry_id is not None, timeout=TIMEOUT)
    entry_id = dialog.entry_id
    assert db.execute("SELECT patient_id, status, note FROM waiting_list WHERE id = %s", (entry_id,)).fetchone() \
        == (client, "waiting", "Только после 12:00")

    # The booking page offers the waiting list too, with the service and the day it shows.
    page = open_booking(qtbot, window)
    find(qtbot, page)
    other = page.add_to_waiting_list()
    assert other.service_combo.currentData() == page.search.service_id
    assert other.from_edit.date().toPython() == page.search.first_day
    other.buttons.button(other.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: other.entry_id is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "waiting list" in page.message(), timeout=TIMEOUT)

    waiting = window.show_waiting_list()
    qtbot.waitUntil(lambda: waiting.loaded and waiting.catalogue is not None, timeout=TIMEOUT)
    rows = waiting.model.rows()
    assert [w.id for w in rows][-2:] == [entry_id, other.entry_id]
    waiting.view.setCurrentIndex(waiting.model.index_for_id(entry_id))
    _grab(waiting, tmp_path / "waiting_list.png")
    waiting.book_button.click()
    qtbot.waitUntil(lambda: "Booked" in waiting.message(), timeout=TIMEOUT)
    booking_id = db.execute("SELECT booking_id FROM waiting_list WHERE id = %s AND status = 'booked'",
                            (entry_id,)).fetchone()[0]
    assert stored(db, booking_id)[0] == client
    qtbot.waitUntil(lambda: waiting.model.row_for_id(entry_id) is None, timeout=TIMEOUT)

    waiting.view.setCurrentIndex(waiting.model.index_for_id(other.entry_id))
    waiting.withdraw_button.click()
    qtbot.waitUntil(lambda: waiting.model.row_for_id(other.entry_id) is None, timeout=TIMEOUT)
    assert db.execute("SELECT status FROM waiting_list WHERE id = %s", (other.entry_id,)).fetchone()[0] == "withdrawn"
    qtbot.waitUntil(lambda: any(b.id == booking_id for b in panel.model.rows()), timeout=TIMEOUT)
    waiting.close()


# --- Screenshots ----------------------------------------------------------------------------------------


def _grab(widget, path: Path, docs_name: str | None = None) -> None:
    QApplication.processEvents()
    assert widget.grab().save(str(path))
    if docs_name and os.environ.get("MEDCENTER_SAVE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, SCREENSHOTS / docs_name)
    shots = os.environ.get("MEDCENTER_BOOKING_SHOTS")  # a folder to look at them while working on the page
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(shots) / path.name)

