"""The doctor's workstation against the real demo clinic, logged in as the demo doctor: the day's list
shows the visits booked for them (the registry books a visit for a new client in the test), the doctor
opens the patient, writes the record from the template, codes diagnoses through the ICD-10 search (a code
typed in the Russian layout, words), books the repeat visit with the slot finder, marks the service
performed and signs; the record is then read-only and in the history as signed. Bad input: an unknown
ICD-10 code is refused with the text kept; signing with required fields empty names them.

`doctor_screens` renders the day and the visit editor for tests/qt/test_screenshots.py (which copies them
to docs/screenshots/ with MEDCENTER_SAVE_SCREENSHOTS=1)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QTableView
from sqlalchemy import text

from medcenter_desktop import i18n
from shared.services import appointments, orders, patients
from shared.services import booking as bk
from shared.services.patient_input import PatientInput
from shared.services.session import session_user
from workstations.doctor.window import DoctorWindow

TIMEOUT = 30000

CLIENT = PatientInput(last_name="Приёмова", first_name="Анна", middle_name="Сергеевна", birth_date="12.04.1984",
                      sex="F", phones=("+7 916 555-31-22",))


class Visit:
    """A visit booked and paid for the demo doctor: the registry's part of the day."""

    def __init__(self, clinic, doctor, registrar, *, paid: bool = True) -> None:
        with doctor.uow() as uow:
            self.staff = session_user(uow.session.connection()).staff_member_id
        org = registrar.organization_id
        with clinic.connect() as conn:
            # Channel shares are not what is tested: every free time is released to every channel.
            conn.execute("UPDATE organizations SET booking_release_hours = 2000")
        with registrar.uow() as uow:
            c = uow.session.connection()
            self.resource = c.scalar(text("SELECT id FROM schedule_resources WHERE staff_member_id = :s"),
                                     {"s": self.staff})
            self.patient = patients.register_patient(c, CLIENT, confirmed_not_duplicate=True)
            card_type = c.scalar(text("SELECT id FROM medical_card_types WHERE code = 'outpatient'"))
            patients.open_card(c, self.patient, org, card_type)
            services = c.scalars(text(
                "SELECT rs.service_id FROM resource_services rs WHERE rs.resource_id = :r AND NOT EXISTS "
                "(SELECT 1 FROM service_components sc WHERE sc.complex_service_id = rs.service_id) "
                "ORDER BY rs.service_id"), {"r": self.resource}).all()
            for service in services:
                try:
                    with c.begin_nested():
                        order_id = orders.create_order(c, org, patient_id=self.patient)
                        line_id = orders.add_line(c, order_id, service)
                        slot = bk.first_free(c, org, service, resource_id=self.resource, first_day=dt.date.today(),
                                             patient_id=self.patient)
                        if slot is None:
                            raise LookupError
                        line = next(x for x in orders.order(c, order_id).lines if x.id == line_id)
                        orders.book_line(c, line_id, line.version, slot)
                except Exception:  # noqa: BLE001, S112 - no price or no free time: the next service
                    continue
                self.service, self.line, self.slot = service, line_id, slot
                break
            else:
                pytest.fail("the demo doctor has a priced service with free time")
            zone = c.scalar(text("SELECT time_zone FROM organizations WHERE id = :o"), {"o": org})
            uow.commit()
        from zoneinfo import ZoneInfo

        self.day = self.slot.starts_at.astimezone(ZoneInfo(zone or "Europe/Moscow")).date()
        if not paid:
            return
        with clinic.connect() as conn:  # the cash desk's effect (its own tests take the money)
            conn.execute("UPDATE order_lines SET status = 'paid', version = version + 1 WHERE id = %s", (self.line,))


@pytest.fixture
def doctor(sessions):
    return sessions("doctor", "DOC-01")


@pytest.fixture
def visit(clinic, doctor, sessions) -> Visit:
    return Visit(clinic, doctor, sessions("registrar", "REG-01"))


@pytest.fixture
def window(qtbot, doctor, no_message_boxes, monkeypatch) -> DoctorWindow:
    # What is left typed when a test ends is dropped when the window closes (a test may say otherwise).
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    window = DoctorWindow(doctor)
    qtbot.addWidget(window)
    window.resize(1440, 860)
    window.show()
    qtbot.waitUntil(lambda: window.day_panel.staff_member_id is not None, timeout=TIMEOUT)
    return window


def _show_day(qtbot, window: DoctorWindow, day: dt.date) -> None:
    window.day_panel.set_day(day)
    window.day_panel.reload()  # the day may be on screen already, loaded before the test booked
    qtbot.waitUntil(lambda: not window.day_panel.loading, timeout=TIMEOUT)


def _open_visit(qtbot, window: DoctorWindow, visit: Visit) -> None:
    _show_day(qtbot, window, visit.day)
    entry = next(e for e in window.day_panel.entries() if e.patient_id == visit.patient)
    assert window.day_panel.select_booking(entry.booking_id)
    window.day_panel.view.setFocus()
    QTest.keyClick(window.day_panel.view, Qt.Key.Key_Return)
    page = window.patient_page
    qtbot.waitUntil(lambda: page.data is not None and not page.loading and page.data.details.id == visit.patient,
                    timeout=TIMEOUT)


def _field(window: DoctorWindow, *keys: str):
    editor = window.patient_page.editor
    for key in keys:
        if editor.input(key) is not None:
            return editor.input(key).editor
    raise AssertionError(f"the template has none of {keys}")


def _keys(widget, typed: str) -> None:
    """Key presses for each character (QTest.keyClicks knows ASCII only)."""
    for char in typed:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def _type(widget, typed: str) -> None:
    widget.setFocus()
    _keys(widget, typed)


def _shortcut(window: DoctorWindow, sequence: str) -> None:
    """The key combination pressed where the keyboard focus is (the window's shortcut must see it)."""
    assert sequence in window.shortcuts
    window.activateWindow()  # back from a dialog that has just closed
    for _ in range(100):
        if QApplication.activeWindow() is window:
            break
        QTest.qWait(10)
    combination = QKeySequence(sequence)[0]
    target = window.focusWidget() or window
    QTest.keyClick(target, combination.key(), combination.keyboardModifiers())


def test_the_doctors_day_end_to_end(qtbot, window, visit, monkeypatch, tmp_path):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    _show_day(qtbot, window, visit.day)
    rows = [e for e in window.day_panel.entries() if e.patient_id == visit.patient]
    assert len(rows) == 1 and rows[0].payment == "paid" and rows[0].booking_status == "booked"
    _open_visit(qtbot, window, visit)
    page = window.patient_page
    editor = page.editor
    assert page.name_label.text() == "Приёмова Анна Сергеевна"
    assert editor.record is None and not editor.read_only
    assert page.card_combo.count() == 1  # the outpatient card the doctor may open

    _type(_field(window, "complaints"), "Кашель, насморк три дня")
    _type(_field(window, "examination", "objective"), "Зев гиперемирован, дыхание везикулярное")
    _type(_field(window, "conclusion"), "ОРВИ, лёгкое течение")

    diagnoses = editor.diagnoses
    _shortcut(window, "Ctrl+D")
    _keys(diagnoses.search_edit, "\u043e06\u044e9")  # J06.9 with the Russian layout on
    QTest.keyClick(diagnoses.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: diagnoses.model.rowCount() == 1, timeout=TIMEOUT)
    assert editor.record is not None and not editor.record.is_signed  # the draft started with the diagnosis
    first = diagnoses.model.row_at(0)
    assert (first.code, first.role) == ("J06.9", "main")
    assert diagnoses.search_edit.text() == ""
    QTest.keyClicks(diagnoses.search_edit, "hypertension")
    assert not diagnoses.results_view.isHidden()
    QTest.keyClick(diagnoses.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: diagnoses.model.rowCount() == 2, timeout=TIMEOUT)
    assert diagnoses.model.row_at(1).role == "accompanying"
    assert _field(window, "complaints").toPlainText() == "Кашель, насморк три дня"  # nothing typed was lost

    _shortcut(window, "Ctrl+B")
    dialog = page.repeat_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.searching and dialog.model.rowCount() > 0, timeout=TIMEOUT)
    chosen = dialog.selected_slot()
    assert chosen is not None and chosen.resource_id == visit.resource
    assert chosen.starts_at.date() >= visit.day + dt.timedelta(days=6)
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.repeat_dialog is None, timeout=TIMEOUT)
    assert "Repeat visit booked" in editor.message()
    with window.session.uow() as uow:
        repeat = [b for b in bk.patient_bookings(uow.session.connection(), visit.patient)
                  if b.starts_at == chosen.starts_at]
    assert len(repeat) == 1 and repeat[0].channel == "doctor" and repeat[0].service_id == visit.service
    with window.session.uow() as uow:  # appointed in the visit's record, ordered and booked
        made = appointments.appointments_of_record(uow.session.connection(), editor.record.id)
    assert [(a.service_id, a.status, a.booking_id) for a in made] == [(visit.service, "booked", repeat[0].id)]

    _shortcut(window, "Ctrl+3")
    services = page.services
    row = services.current_row()
    assert row is not None and row.id == visit.line and row.open
    _shortcut(window, "Ctrl+P")
    perform = services.perform_dialog
    assert perform is not None
    _keys(perform.result_edit, "Осмотрен")
    QTest.keyClick(perform.result_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not services.busy and services.model.rowCount() and not services.model.row_at(0).open,
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: services.model.row_at(0).performed_at is not None, timeout=TIMEOUT)
    window.grab().save(str(tmp_path / "doctor_services_en.png"))

    _shortcut(window, "Ctrl+1")
    _shortcut(window, "Ctrl+Return")
    qtbot.waitUntil(lambda: editor.record is not None and editor.record.is_signed, timeout=TIMEOUT)
    assert editor.read_only
    assert _field(window, "complaints").isReadOnly()
    assert diagnoses.search_edit.isHidden()
    qtbot.waitUntil(lambda: not page.loading and any(r.id == editor.record.id for r in page.history.model.rows()),
                    timeout=TIMEOUT)
    signed = next(r for r in page.history.model.rows() if r.id == editor.record.id)
    assert signed.is_signed and [d.code for d in signed.diagnoses][0] == "J06.9"
    assert signed.content["complaints"] == "Кашель, насморк три дня"
    window.grab().save(str(tmp_path / "doctor_signed_en.png"))
    _shortcut(window, "Ctrl+2")
    assert page.history.current_record().id == signed.id
    assert "Кашель, насморк три дня" in page.history.text.toPlainText()
    window.grab().save(str(tmp_path / "doctor_history_en.png"))
    qtbot.waitUntil(lambda: not window.day_panel.loading, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: next(e for e in window.day_panel.entries()
                                 if e.patient_id == visit.patient).booking_status == "done", timeout=TIMEOUT)


def test_bad_input_is_said_and_nothing_typed_is_lost(qtbot, window, visit):
    _open_visit(qtbot, window, visit)
    editor = window.patient_page.editor
    diagnoses = editor.diagnoses
    _shortcut(window, "Ctrl+D")
    QTest.keyClicks(diagnoses.search_edit, "Z99.99")
    QTest.keyClick(diagnoses.search_edit, Qt.Key.Key_Return)
    assert "is not an ICD-10 code" in diagnoses.message()
    assert diagnoses.search_edit.text() == "Z99.99"
    assert diagnoses.model.rowCount() == 0 and editor.record is None

    _type(_field(window, "complaints"), "Головная боль")
    _shortcut(window, "Ctrl+Return")
    assert "Fill in before signing" in editor.message() and "Examination" in editor.message()
    assert editor.record is None and not editor.read_only
    assert _field(window, "complaints").toPlainText() == "Головная боль"

    if editor.input("temperature") is not None:  # a number out of its field's bounds
        _type(editor.input("temperature").editor, "47")
        _shortcut(window, "Ctrl+S")
        assert "Body temperature" in editor.message() and editor.record is None
        editor.input("temperature").editor.clear()

    _shortcut(window, "Ctrl+S")
    qtbot.waitUntil(lambda: editor.record is not None, timeout=TIMEOUT)
    assert editor.record.status == "draft" and editor.record.content["complaints"] == "Головная боль"
    assert "Draft saved" in editor.message()

    _shortcut(window, "Ctrl+D")  # a diagnosis added by mistake goes with Delete
    QTest.keyClicks(diagnoses.search_edit, "I10")
    QTest.keyClick(diagnoses.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: diagnoses.model.rowCount() == 1, timeout=TIMEOUT)
    diagnoses.table.setFocus()
    diagnoses.table.setCurrentIndex(diagnoses.model.index(0, 0))
    QTest.keyClick(diagnoses.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: diagnoses.model.rowCount() == 0 and not editor.busy, timeout=TIMEOUT)
    assert editor.record.diagnoses == ()


def doctor_screens(qtbot, clinic, sessions, tmp_path, language: str, save) -> None:
    """The day's list with a visit opened, then the visit being written (``save(widget, tmp_path, name)``
    writes a PNG): shared with tests/qt/test_screenshots.py."""
    i18n.install_translations(language)
    doctor = sessions("doctor", "DOC-01")
    visit = Visit(clinic, doctor, sessions("registrar", "REG-01"))
    window = DoctorWindow(doctor)
    qtbot.addWidget(window)
    window.resize(1440, 860)
    window.show()
    qtbot.waitUntil(lambda: window.day_panel.staff_member_id is not None, timeout=TIMEOUT)
    _open_visit(qtbot, window, visit)
    qtbot.wait(200)
    save(window, tmp_path, f"doctor_day_{language}.png")
    editor = window.patient_page.editor
    _type(_field(window, "complaints"), "Кашель, насморк три дня, температура до 37,8 \u00b0C")
    _type(_field(window, "anamnesis"), "Заболела 23.11 после переохлаждения. Лекарственной аллергии нет.")
    _type(_field(window, "examination"), "Состояние удовлетворительное. Зев гиперемирован, дыхание везикулярное.")
    _type(_field(window, "conclusion"), "ОРВИ, лёгкое течение")
    for key, value in (("bp_systolic", "128"), ("bp_diastolic", "82"), ("pulse", "76"), ("temperature", "37,6")):
        if editor.input(key) is not None:
            _type(editor.input(key).editor, value)
    diagnoses = editor.diagnoses
    diagnoses.search_edit.setFocus()
    _keys(diagnoses.search_edit, "j069")
    QTest.keyClick(diagnoses.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: diagnoses.model.rowCount() == 1, timeout=TIMEOUT)
    _keys(diagnoses.search_edit, "hypertension")
    qtbot.wait(200)  # nested layouts settle over several passes of the event loop
    editor.scroll.verticalScrollBar().setValue(_field(window, "examination").mapTo(
        editor.scroll.widget(), _field(window, "examination").rect().topLeft()).y() - 40)
    qtbot.wait(50)
    save(window, tmp_path, f"doctor_visit_{language}.png")
    _shortcut(window, "Ctrl+S")  # nothing left unsaved when the window closes
    qtbot.waitUntil(lambda: not editor.dirty and not editor.busy, timeout=TIMEOUT)


def _unpaid_rule(clinic, value: str) -> None:
    with clinic.connect() as conn:
        conn.execute("UPDATE organizations SET unpaid_performance = %s", (value,))


def test_an_unpaid_service_is_refused_or_performed_after_confirming(qtbot, clinic, window, sessions, monkeypatch):
    visit = Visit(clinic, window.session, sessions("registrar", "REG-01"), paid=False)
    _unpaid_rule(clinic, "block")
    _open_visit(qtbot, window, visit)
    page = window.patient_page
    entry = next(e for e in window.day_panel.entries() if e.patient_id == visit.patient)
    assert entry.payment == "unpaid"
    assert window.day_panel.model.data(window.day_panel.model.index_for_id(entry.booking_id, 3)) == "UNPAID"
    services = page.services
    _shortcut(window, "Ctrl+P")
    QTest.keyClick(services.perform_dialog.result_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not services.busy and bool(services.message()), timeout=TIMEOUT)
    assert "has not paid" in services.message() and "cash desk" in services.message()
    assert services.current_row().open

    _unpaid_rule(clinic, "warn")
    asked = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    _shortcut(window, "Ctrl+P")
    QTest.keyClick(services.perform_dialog.result_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not services.busy and not services.model.row_at(0).open, timeout=TIMEOUT)
    assert len(asked) == 1 and "Perform it anyway?" in asked[0]
    assert services.message() == ""


def test_a_signed_record_is_corrected_as_a_new_version(qtbot, window, visit, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    _open_visit(qtbot, window, visit)
    page = window.patient_page
    editor = page.editor
    for key, value in (("complaints", "Боль в горле"), ("examination", "Зев гиперемирован"),
                       ("conclusion", "Острый фарингит")):
        _type(_field(window, key), value)
    _shortcut(window, "Ctrl+Return")
    qtbot.waitUntil(lambda: editor.record is not None and editor.record.is_signed, timeout=TIMEOUT)
    signed_id = editor.record.id
    qtbot.waitUntil(lambda: not page.loading and page.history.model.rowCount() == 1, timeout=TIMEOUT)
    _shortcut(window, "Ctrl+2")
    assert page.history.correct_button.isEnabled()
    page.history.correct_button.click()
    qtbot.waitUntil(lambda: editor.record is not None and editor.record.id != signed_id, timeout=TIMEOUT)
    assert editor.record.version_no == 2 and not editor.read_only
    assert page.tabs.currentIndex() == page.VISIT_TAB
    assert _field(window, "conclusion").toPlainText() == "Острый фарингит"
    qtbot.waitUntil(lambda: not page.loading and page.history.model.rowCount() == 2, timeout=TIMEOUT)
    old = next(r for r in page.history.model.rows() if r.id == signed_id)
    assert old.superseded_by == editor.record.id


def test_typed_text_is_saved_before_another_patient_opens(qtbot, clinic, window, visit, sessions, monkeypatch):
    other = Visit(clinic, window.session, sessions("registrar", "REG-01"))  # a second visit of the doctor
    _open_visit(qtbot, window, visit)
    editor = window.patient_page.editor
    _type(_field(window, "complaints"), "Слабость")
    assert editor.has_unsaved_text()
    asked = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    _show_day(qtbot, window, other.day)
    entry = next(e for e in window.day_panel.entries() if e.booking_id != editor.booking_id
                 and e.patient_id == other.patient)
    window.open_entry(entry)
    page = window.patient_page
    qtbot.waitUntil(lambda: page.data is not None and not page.loading and page.data.details.id == other.patient,
                    timeout=TIMEOUT)
    assert len(asked) == 1 and "not saved" in asked[0]
    window.open_patient(visit.patient)
    qtbot.waitUntil(lambda: not page.loading and page.data.details.id == visit.patient, timeout=TIMEOUT)
    draft = next(r for r in page.data.history if not r.is_signed)
    assert draft.content["complaints"] == "Слабость"


def test_arrived_and_no_show_are_marked_from_the_list(qtbot, window, visit):
    _show_day(qtbot, window, visit.day)
    panel = window.day_panel
    entry = next(e for e in panel.entries() if e.patient_id == visit.patient)
    panel.select_booking(entry.booking_id)
    _shortcut(window, "F6")
    qtbot.waitUntil(lambda: next(e for e in panel.entries() if e.patient_id == visit.patient).booking_status
                    == "arrived", timeout=TIMEOUT)
    _shortcut(window, "F7")  # an arrived patient cannot be a no-show: said, nothing changes
    assert "cannot become" in panel.message_label.text()
    _shortcut(window, "F6")  # again: the mistaken mark undone
    qtbot.waitUntil(lambda: next(e for e in panel.entries() if e.patient_id == visit.patient).booking_status
                    == "booked", timeout=TIMEOUT)


def test_find_a_patient_not_on_the_list(qtbot, window, visit):
    _shortcut(window, "Ctrl+F")
    dialog = window.find_dialog
    assert dialog is not None
    _keys(dialog.search_edit, "Приёмова Анна")
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.searching and dialog.model.rowCount() > 0, timeout=TIMEOUT)
    QTest.keyClick(dialog.search_edit, Qt.Key.Key_Down)
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    page = window.patient_page
    qtbot.waitUntil(lambda: page.data is not None and not page.loading, timeout=TIMEOUT)
    assert page.data.details.id == visit.patient
    assert not page.editor.repeat_button.isEnabled()  # no visit of the list: nothing to repeat
    _shortcut(window, "Ctrl+4")
    assert page.tabs.currentWidget() is page.communications
    qtbot.waitUntil(lambda: page.communications.patient_id == visit.patient, timeout=TIMEOUT)

    day = window.day_panel.day()
    _shortcut(window, "Alt+Right")
    assert window.day_panel.day() == day + dt.timedelta(days=1)
    _shortcut(window, "Alt+Left")
    assert window.day_panel.day() == day


THERAPIST_REPEAT = "B01.047.002"  # repeat visit to a therapist


def test_appointments_and_prescriptions_of_the_visit(qtbot, window, visit):
    _open_visit(qtbot, window, visit)
    editor = window.patient_page.editor
    box = editor.appointments
    _shortcut(window, "Ctrl+E")
    assert editor.orders_tabs.currentWidget() is box
    qtbot.waitUntil(lambda: bool(box.catalogue), timeout=TIMEOUT)
    QTest.keyClicks(box.service_edit, THERAPIST_REPEAT.lower())
    assert box.chosen_service() is not None
    _keys(box.indication_edit, "Контроль через неделю")
    QTest.keyClick(box.indication_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.model.rowCount() == 1, timeout=TIMEOUT)
    assert editor.record is not None  # the draft was started for it
    planned = box.model.row_at(0)
    assert (planned.status, planned.indication) == ("planned", "Контроль через неделю")

    box.table.setFocus()
    QTest.keyClick(box.table, Qt.Key.Key_F3)
    dialog = box.slot_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.searching and dialog.model.rowCount() > 0, timeout=TIMEOUT)
    assert dialog.model.data(dialog.model.index(0, 3))  # whose time it is
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.slot_dialog is None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: box.model.row_at(0).status == "booked", timeout=TIMEOUT)

    rx = editor.prescriptions
    _shortcut(window, "Ctrl+R")
    assert editor.orders_tabs.currentWidget() is rx
    _keys(rx.drug_edit, "Амоксициллин")
    QTest.keyClicks(rx.dose_edit, "abc")
    QTest.keyClick(rx.dose_edit, Qt.Key.Key_Return)
    assert rx.message() and rx.model.rowCount() == 0
    assert rx.drug_edit.text() == "Амоксициллин"  # nothing typed is lost
    rx.dose_edit.clear()
    QTest.keyClicks(rx.dose_edit, "500")
    rx.unit_combo.setCurrentIndex(rx.unit_combo.findData("mg"))
    QTest.keyClicks(rx.times_edit, "3")
    QTest.keyClicks(rx.days_edit, "7")
    QTest.keyClick(rx.days_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rx.model.rowCount() == 1, timeout=TIMEOUT)
    text_shown = rx.model.data(rx.model.index(0, 0))
    assert text_shown.startswith("Амоксициллин 500 mg") and "7 days" in text_shown
    assert rx.drug_edit.text() == ""
    assert "Prescriptions (1)" in editor.orders_tabs.tabText(2)


def test_a_nurse_works_by_the_office_with_her_own_template(qtbot, clinic, sessions, no_message_boxes):
    nurse = sessions("nurse", "NURSE-01")
    visit = Visit(clinic, sessions("doctor", "DOC-01"), sessions("registrar", "REG-01"))
    window = DoctorWindow(nurse)
    qtbot.addWidget(window)
    window.show()
    panel = window.day_panel
    qtbot.waitUntil(lambda: panel.staff_member_id is not None and panel.whose_combo.count() > 1, timeout=TIMEOUT)
    assert window.patient_page.editor.template.audience == "nurse"
    panel.set_day(visit.day)
    panel.whose_combo.setCurrentIndex(panel.whose_combo.findData(visit.slot.office_id))
    panel.reload()
    qtbot.waitUntil(lambda: not panel.loading, timeout=TIMEOUT)
    entry = next(e for e in panel.entries() if e.patient_id == visit.patient)
    panel.select_booking(entry.booking_id)
    QTest.keyClick(panel.view, Qt.Key.Key_Return)
    page = window.patient_page
    qtbot.waitUntil(lambda: page.data is not None and not page.loading, timeout=TIMEOUT)
    assert [e.booking_id for e in page.data.services.entries] == [entry.booking_id]
    editor = page.editor
    first = next(iter(editor.inputs.values())).editor
    _type(first, "Инъекция выполнена")
    _shortcut(window, "Ctrl+S")
    qtbot.waitUntil(lambda: editor.record is not None, timeout=TIMEOUT)
    assert editor.record.template_code == editor.template.code and editor.template.audience == "nurse"


def test_a_card_with_two_hundred_visits_opens_in_one_go(qtbot, window, visit):
    from shared.services import visit_records as vr

    with window.session.uow() as uow:
        c = uow.session.connection()
        card_id = patients.patient_cards(c, visit.patient)[0].id
        for number in range(200):
            record_id = vr.start_record(c, card_id, content={"complaints": f"Жалобы {number}",
                                                             "conclusion": f"Заключение {number}"})
            if number % 2:  # half of them signed
                vr.sign(c, record_id, 1)
        uow.commit()
    window.open_patient(visit.patient)
    page = window.patient_page
    qtbot.waitUntil(lambda: page.data is not None and not page.loading, timeout=TIMEOUT)
    history = page.history
    assert history.model.rowCount() == 200
    assert history.model.row_at(0).summary == "Заключение 199"  # newest first
    assert "History (200)" in page.tabs.tabText(page.HISTORY_TAB)
    # One view over one model: no widget per record.
    assert len(history.findChildren(QTableView)) == 1


def test_a_complex_service_is_performed_step_by_step(qtbot, clinic, window, visit, sessions, monkeypatch, tmp_path):
    registrar = sessions("registrar", "REG-01")
    with registrar.uow() as uow:
        c = uow.session.connection()
        checkup = c.scalar(text("SELECT id FROM medical_services WHERE organization_id = :o AND code = 'K01.001'"),
                           {"o": registrar.organization_id})
        order_id = orders.create_order(c, registrar.organization_id, patient_id=visit.patient)
        parent = orders.add_line(c, order_id, checkup)
        booking_id = c.scalar(text("SELECT booking_id FROM order_lines WHERE id = :l"), {"l": visit.line})
        uow.commit()
    with clinic.connect() as conn:  # the checkup belongs to today's visit and is paid (the cash desk's part)
        conn.execute("UPDATE order_lines SET booking_id = %s, status = 'paid', version = version + 1 WHERE id = %s",
                     (booking_id, parent))
    _open_visit(qtbot, window, visit)
    page = window.patient_page
    services = page.services
    _shortcut(window, "Ctrl+3")
    rows = services.model.rows()
    head = next(r for r in rows if r.id == parent)
    steps = [r for r in rows if r.kind == "step"]
    assert head.kind == "complex" and len(steps) == 4 and not head.can_close
    services.view.setCurrentIndex(services.model.index_for_id(parent))
    assert not services.close_button.isEnabled()  # required steps are still to do

    optional = next(r for r in steps if r.optional)
    services.view.setCurrentIndex(services.model.index_for_id(optional.id))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Нет показаний", True)))
    services.skip_button.click()
    qtbot.waitUntil(lambda: not services.busy and not page.loading and next(
        r for r in services.model.rows() if r.id == optional.id).state.startswith("skipped"), timeout=TIMEOUT)

    for step in (r for r in steps if not r.optional):
        services.view.setCurrentIndex(services.model.index_for_id(step.id))
        _shortcut(window, "Ctrl+P")
        QTest.keyClick(services.perform_dialog.result_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda step=step: not services.busy and not page.loading and not next(
            r for r in services.model.rows() if r.id == step.id).open, timeout=TIMEOUT)
    services.view.setCurrentIndex(services.model.index_for_id(parent))
    window.grab().save(str(tmp_path / "doctor_complex_en.png"))
    assert services.close_button.isEnabled()
    services.close_button.click()
    qtbot.waitUntil(lambda: not services.busy and not page.loading and next(
        r for r in services.model.rows() if r.id == parent).state.startswith("performed"), timeout=TIMEOUT)


def test_sick_leave_is_issued_from_the_visit(qtbot, window, visit):
    """The Sick leave tab (Ctrl+5) lists the patient's certificates; a new one is for this patient and is
    linked to the visit's record (the editor itself is tested in test_sick_leave_ui.py)."""
    _open_visit(qtbot, window, visit)
    page = window.patient_page
    editor = page.editor
    _type(_field(window, "complaints"), "Температура, слабость")
    _shortcut(window, "Ctrl+S")
    qtbot.waitUntil(lambda: editor.record is not None, timeout=TIMEOUT)
    _shortcut(window, "Ctrl+5")
    assert page.tabs.currentWidget() is page.sick_leave
    qtbot.waitUntil(lambda: page.sick_leave.patient_id == visit.patient and not page.sick_leave.loading,
                    timeout=TIMEOUT)
    assert page.sick_leave.new_button.isVisible()
    certificate = page.sick_leave.new_certificate()
    assert certificate is not None
    try:
        assert (certificate.patient_id, certificate.record_id) == (visit.patient, editor.record.id)
    finally:
        certificate.close()
