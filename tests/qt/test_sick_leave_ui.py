"""Sick-leave certificates on screen against the real demo clinic (issue 9), logged in as the demo users:
the head of registry receives a batch of blanks and hands blanks out to the doctor and the registrar
(the blanks page of the head of registry's window); the doctor, through `open_sick_leave` as the doctor's
workstation calls it, drafts a certificate, adds a period, is told what the rules say, issues it on the
next blank, extends it beyond 15 days (refused without the commission's chair, with the text kept;
accepted with one), closes it and prints it on plain paper to a PDF file at 100 % (an A4 page); the
registrar finds it on the client card's "Sick leave" tab, spoils the blank (the certificate is refilled on
a new blank), issues a duplicate and prints it on the blank; the period report balances, the report and the
book of blanks are previewed, and a number skipped unnoticed is shown in red. A certificate opened from a visit
record is linked to it, issued on a typed number and continued (the continuation closes the first with code
31); a refusal or a certificate changed meanwhile keeps every value typed, Reload brings what is stored.

With MEDCENTER_SAVE_SCREENSHOTS=1 the certificate editor (with the form's preview) and the blanks page are
saved to docs/screenshots/."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from medcenter_desktop import i18n
from medcenter_desktop.operations import wait_for_background_ops
from medcenter_desktop.sick_leave_editor import SickLeaveEditor, open_sick_leave
from shared.services import patients
from shared.services import sick_leave as sl
from shared.services import sick_leave_blanks as sb
from shared.services.patient_input import PatientInput

TIMEOUT = 30000
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
FIRST, LAST = "910000000101", "910000000120"
DOCTOR_RANGE = ("910000000101", "910000000105")
REGISTRAR_RANGE = ("910000000111", "910000000114")

CLIENT = PatientInput(last_name="Больничная", first_name="Вера", middle_name="Игоревна", birth_date="14.02.1987",
                      sex="F", phones=("+7 916 555-41-07",))


def _save(widget, tmp_path: Path, name: str) -> Path:
    widget.show()
    widget.raise_()
    QApplication.processEvents()
    path = tmp_path / name
    assert widget.grab().save(str(path)), path
    assert path.stat().st_size > 1000
    if os.environ.get("MEDCENTER_SAVE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS / name)
    return path


def type_text(widget, typed: str) -> None:
    widget.setFocus()
    for char in typed:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def _staff_id(session) -> int:
    with session.uow() as uow:
        return uow.session.connection().scalar(text("SELECT app_user_staff_id()"))


@pytest.fixture(autouse=True)
def _settings_file(tmp_path, monkeypatch):
    """The workstation's printer profiles come from a settings file of the test's own."""
    monkeypatch.setenv("MEDCENTER_SETTINGS", str(tmp_path / "settings.ini"))


@pytest.fixture
def people(sessions):
    doctor, registrar, head = sessions("doctor", "DOC-01"), sessions("registrar", "REG-01"), sessions(
        "headregistry", "REG-HEAD")
    with registrar.uow() as uow:
        patient = patients.register_patient(uow.session.connection(), CLIENT, confirmed_not_duplicate=True)
        uow.commit()
    return doctor, registrar, head, patient


def _wait_idle(qtbot, editor: SickLeaveEditor) -> None:
    qtbot.waitUntil(lambda: editor.loaded and not editor.busy, timeout=TIMEOUT)
    wait_for_background_ops()


def _head_window(qtbot, head):
    from workstations.head_of_registry.window import HeadOfRegistryWindow

    window = HeadOfRegistryWindow(head)
    qtbot.addWidget(window)
    window.resize(1280, 780)
    window.show()
    page = window.show_blanks()
    qtbot.waitUntil(lambda: page.data is not None and not page.loading, timeout=TIMEOUT)
    return window, page


def _reloaded(qtbot, page, check) -> None:
    qtbot.waitUntil(lambda: not page.busy and page.data is not None and check(page.data), timeout=TIMEOUT)


def test_the_life_of_a_certificate_on_screen(qtbot, tmp_path, people, no_message_boxes):
    doctor, registrar, head, patient = people
    doctor_staff, registrar_staff = _staff_id(doctor), _staff_id(registrar)

    # --- the head of registry receives a batch and hands blanks out --------------------------------------
    window, page = _head_window(qtbot, head)
    type_text(page.receive_from, FIRST)
    type_text(page.receive_to, "91000000012")  # a digit short: refused, the text kept
    page.receive_button.click()
    qtbot.waitUntil(lambda: page.error() != "" and not page.busy, timeout=TIMEOUT)
    assert "12 digits" in page.error()
    assert page.receive_from.text() == FIRST
    type_text(page.receive_to, "0")
    type_text(page.receive_supplier, "Фонд социального страхования")
    type_text(page.receive_document, "Накладная № 17")
    page.receive_button.click()
    _reloaded(qtbot, page, lambda d: len(d.batches) == 1)
    assert page.error() == ""
    batch = page.data.batches[0]
    assert (batch.number_from, batch.number_to, batch.count, batch.in_stock) == (FIRST, LAST, 20, 20)
    assert page.receive_from.text() == ""

    for (first, last), staff in ((DOCTOR_RANGE, doctor_staff), (REGISTRAR_RANGE, registrar_staff)):
        type_text(page.hand_from, first)
        type_text(page.hand_to, last)
        page.hand_staff.set_staff_id(staff)
        type_text(page.hand_document, "Требование № 3")
        page.hand_button.click()
        _reloaded(qtbot, page, lambda d, first=first: next(b for b in d.blanks if b.number == first).state == "issued")
        assert page.error() == ""
    assert page.data.batches[0].issued == 9

    # the blanks list filters by state and holder
    page.tabs.setCurrentIndex(1)
    page.state_filter.setCurrentIndex(page.state_filter.findData("issued"))
    assert [b.number for b in page.filtered_blanks()] == [
        *(f"91000000010{i}" for i in range(1, 6)), *(f"9100000001{i}" for i in range(11, 15))]
    page.state_filter.setCurrentIndex(0)
    type_text(page.number_filter, "0119")
    assert [b.number for b in page.filtered_blanks()] == ["910000000119"]
    page.number_filter.clear()

    # --- the doctor writes a certificate ----------------------------------------------------------------
    editor = open_sick_leave(doctor, patient)
    _wait_idle(qtbot, editor)
    assert editor.certificate is None
    assert "Больничная Вера Игоревна" in editor.patient_label.text()
    assert editor.cause_combo.code() == "01"
    assert editor.doctor_combo.staff_id() == doctor_staff
    type_text(editor.employer_edit, "ООО «Ромашка»")
    today = dt.date.today()
    editor.period_from.set_value(today - dt.timedelta(days=20))
    editor.period_to.set_value(today - dt.timedelta(days=10))
    editor.add_period_button.click()  # the first verb stores the draft, then the period
    _wait_idle(qtbot, editor)
    cert = editor.certificate
    assert editor.error() == "", editor.error()
    assert cert is not None and cert.status == "draft" and cert.employer == "ООО «Ромашка»"
    assert [(p.date_from, p.date_to) for p in cert.periods] == [(today - dt.timedelta(days=20),
                                                                 today - dt.timedelta(days=10))]
    assert editor.periods_table.rowCount() == 1 and editor.periods_table.item(0, 2).text() == "11"
    assert "910000000101" in editor.info_label.text()  # the next blank the doctor holds

    # Check lists what the rules say (a cause of care without the family member)
    editor.cause_combo.set_code("09")
    editor.check_button.click()
    _wait_idle(qtbot, editor)
    assert any("family member" in v for v in editor.violation_texts()), editor.violation_texts()
    assert editor.certificate.cause_code == "09"  # the check stored the draft as typed
    assert editor.status_label.text() == ""
    _save(editor, tmp_path, "sick_leave_editor_check.png")
    # the demo organization's full name was prefilled as the blank takes it (legal form abbreviated, «»)
    assert editor.certificate.organization_name == "ООО «Медицинский центр «Здоровье»»"
    editor.cause_combo.set_code("01")
    # what the blank cannot take is listed too: Latin letters in the organization's name
    editor.organization_edit.setText("OOO Clinic")
    editor.check_button.click()
    _wait_idle(qtbot, editor)
    assert editor.organization_edit.text() == editor.certificate.organization_name
    assert editor.violation_texts() and all(text_.startswith("Blank: ") for text_ in editor.violation_texts()), \
        editor.violation_texts()
    qtbot.waitUntil(lambda: "Not printable yet" in editor.preview_note.text(), timeout=TIMEOUT)
    editor.organization_edit.setText("ООО «МЦ Здоровье»")
    editor.check_button.click()
    _wait_idle(qtbot, editor)
    assert editor.violation_texts() == []
    assert "keeps every rule" in editor.status_label.text()
    assert editor.certificate.organization_name == "ООО «МЦ Здоровье»"

    # issue on the next blank held by the doctor
    editor.issue_button.click()
    _wait_idle(qtbot, editor)
    assert editor.error() == "", editor.error()
    assert editor.certificate.status == "issued" and editor.certificate.number == "910000000101"
    assert "910000000101" in editor.title_label.text()
    assert not editor.employer_edit.isEnabled()  # fixed once issued

    # extend beyond 15 days: refused without the commission's chair, the dates kept
    editor.tabs.setCurrentIndex(1)
    editor.period_to.set_value(today)
    assert "chair of the medical commission" in editor.period_hint.text()
    editor.extend_button.click()
    _wait_idle(qtbot, editor)
    assert "chair of the medical commission" in (editor.error() + " ".join(editor.violation_texts()))
    assert editor.period_to.value() == today and len(editor.certificate.periods) == 1
    others = [s for s in editor.choices.staff if s.id != doctor_staff]
    chair = next((s.id for s in others if s.position in ("Главный врач", "Заместитель главного врача")),
                 next(s.id for s in others if s.position.startswith("Врач")))
    editor.chair_combo.set_staff_id(chair)
    editor.extend_button.click()
    _wait_idle(qtbot, editor)
    assert editor.error() == "", editor.error()
    periods = editor.certificate.periods
    assert len(periods) == 2 and periods[1].date_from == today - dt.timedelta(days=9) and periods[1].date_to == today
    assert periods[1].chair_staff_id == chair and periods[1].chair_name

    # close: the return to work tomorrow
    editor.tabs.setCurrentIndex(3)
    editor.close_button.click()  # neither a return date nor an "other" code: refused
    _wait_idle(qtbot, editor)
    assert "return to work" in editor.error()
    editor.return_date.set_value(today + dt.timedelta(days=1))
    editor.close_button.click()
    _wait_idle(qtbot, editor)
    assert editor.error() == "", editor.error()
    assert editor.certificate.status == "closed" and editor.certificate.return_date == today + dt.timedelta(days=1)

    # print on plain paper to a PDF: one A4 page, and the printing is logged
    qtbot.waitUntil(lambda: not editor.preview.image.isNull(), timeout=TIMEOUT)
    out = tmp_path / "certificate.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    editor.print_to(printer, on_blank=False)
    _wait_idle(qtbot, editor)
    assert editor.error() == "", editor.error()
    assert editor.printed_pages == 1
    import pypdfium2

    pdf = pypdfium2.PdfDocument(out.read_bytes())
    try:
        assert len(pdf) == 1
        width, height = pdf[0].get_size()
        assert abs(width - 595.28) < 2 and abs(height - 841.89) < 2  # A4 in points
    finally:
        pdf.close()
    assert editor.state.print_events and editor.state.print_events[-1].on_blank is False
    assert "Printed 1 time" in editor.printed_label.text()
    number = editor.certificate.number
    calibration = editor.show_printer_calibration()  # this workstation's profiles, from the editor
    assert calibration.isVisible()
    calibration.reject()
    editor.preview_mode.setCurrentIndex(0)
    editor.tabs.setCurrentIndex(0)
    qtbot.wait(300)  # the preview is redrawn after a pause
    _save(editor, tmp_path, "sick_leave_editor.png")
    editor.tabs.setCurrentIndex(1)
    editor.preview_mode.setCurrentIndex(1)
    qtbot.wait(300)
    _save(editor, tmp_path, "sick_leave_editor_periods.png")
    editor.close()

    # --- the registrar: the client card's Sick leave tab; spoil, then a duplicate ------------------------
    from workstations.registrar.window import RegistrarWindow

    reg_window = RegistrarWindow(registrar)
    qtbot.addWidget(reg_window)
    reg_window.resize(1280, 760)
    reg_window.show()
    reg_window.open_client(patient)
    client = reg_window.client_page
    qtbot.waitUntil(lambda: client.details is not None and client.details.id == patient, timeout=TIMEOUT)
    assert client.sick_leave_button.isEnabled()
    client.sick_leave_button.click()
    shown = client.sick_leave_dialog
    tab = shown.list
    qtbot.waitUntil(lambda: len(tab.certificates()) == 1, timeout=TIMEOUT)
    assert tab.certificates()[0].number == number and not tab.new_button.isVisible()
    assert tab.select(tab.certificates()[0].id)
    found = tab.open_selected()
    _wait_idle(qtbot, found)
    assert found.certificate.number == number and found.spoil_button.isEnabled()
    assert not found.issue_button.isEnabled() and not found.extend_button.isEnabled()  # a doctor's verbs
    found.spoil("Замято в принтере")
    _wait_idle(qtbot, found)
    assert found.error() == "", found.error()
    refilled = found.certificate
    assert refilled.number == REGISTRAR_RANGE[0] and refilled.status == "closed" and refilled.replaces_id is not None
    found.duplicate()
    _wait_idle(qtbot, found)
    assert found.error() == "", found.error()
    duplicate = found.certificate
    assert duplicate.duplicate and duplicate.number == "910000000112" and duplicate.original_id == refilled.id
    assert len(duplicate.periods) == 2
    # the registrar prints the duplicate on its blank (to a PDF here), at 100 %
    out = tmp_path / "duplicate.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    found.print_to(printer, on_blank=True)
    _wait_idle(qtbot, found)
    assert found.error() == "", found.error()
    assert found.printed_pages == 1 and out.stat().st_size > 1000
    assert found.state.print_events[-1].on_blank is True
    found.close()
    qtbot.waitUntil(lambda: len(tab.certificates()) == 3, timeout=TIMEOUT)
    statuses = {c.number: c.status for c in tab.certificates()}
    assert statuses == {number: "spoiled", REGISTRAR_RANGE[0]: "duplicate_issued", "910000000112": "closed"}
    _save(shown, tmp_path, "sick_leave_registrar.png")
    shown.close()

    # the toolbar's journal of the organization's recent certificates finds them by number or name
    journal = reg_window.show_sick_leave()
    qtbot.waitUntil(lambda: len(journal.rows) == 3 and not journal.loading, timeout=TIMEOUT)
    type_text(journal.filter_edit, "0112")
    assert [c.number for c in journal.certificates()] == ["910000000112"]
    journal.filter_edit.clear()
    type_text(journal.filter_edit, "больничная")
    assert len(journal.certificates()) == 3
    journal.close()

    # --- the head of registry: a blank written off, the period report, the book ----------------------------
    _reloaded(qtbot, page, lambda d: next(b for b in d.blanks if b.number == number).state == "spoiled")
    page.tabs.setCurrentIndex(1)
    page.state_filter.setCurrentIndex(0)
    assert page.select_blank("910000000119")
    page.spoil("910000000119", "Порван при получении")
    _reloaded(qtbot, page, lambda d: next(b for b in d.blanks if b.number == "910000000119").state == "spoiled")
    assert page.error() == ""
    page.spoil(number, "Ещё раз")  # spoiled once: never again
    qtbot.waitUntil(lambda: page.error() != "" and not page.busy, timeout=TIMEOUT)
    assert "never be used again" in page.error()

    page.tabs.setCurrentIndex(2)
    page.report_from.set_value(today.replace(day=1) if today.day > 1 else today - dt.timedelta(days=1))
    page.report_to.set_value(today)
    page.show_report()
    qtbot.waitUntil(lambda: bool(page.report), timeout=TIMEOUT)
    totals = {name: sum(getattr(r, name) for r in page.report) for name in (
        "opening_balance", "received", "issued", "spoiled", "closing_balance")}
    # used: the refilled blank and the duplicate's; spoiled: the first blank (with its certificate) and one
    # written off before use
    assert totals == {"opening_balance": 0, "received": 20, "issued": 2, "spoiled": 2, "closing_balance": 16}
    for line in page.report:
        assert line.opening_balance + line.received - line.issued - line.spoiled == line.closing_balance
    assert "balances" in page.report_totals.text()

    from medcenter_desktop import document_preview

    document_preview.last_shown.clear()  # an earlier test's dialog (deleted by now) must not be taken for ours
    page.preview_report()
    qtbot.waitUntil(lambda: "dialog" in document_preview.last_shown, timeout=TIMEOUT)
    report_dialog = document_preview.last_shown["dialog"]
    assert report_dialog.page_count() >= 1
    report_dialog.close()
    document_preview.last_shown.clear()
    page.preview_book()
    qtbot.waitUntil(lambda: "dialog" in document_preview.last_shown and document_preview.last_shown["dialog"]
                    is not report_dialog, timeout=TIMEOUT)
    book_dialog = document_preview.last_shown["dialog"]
    qtbot.wait(500)  # the pages are laid out to the dialog's width
    _save(book_dialog, tmp_path, "sick_leave_blank_book.png")
    book_dialog.close()
    _save(window, tmp_path, "sick_leave_blank_report.png")
    assert no_message_boxes == []


def test_a_number_skipped_unnoticed_is_shown(qtbot, tmp_path, people, clinic):
    doctor, _registrar, head, _patient = people
    with head.uow() as uow:
        c = uow.session.connection()
        org = head.organization_id
        sb.receive_batch(c, org, FIRST, LAST, received_on=dt.date.today() - dt.timedelta(days=10))
        sb.issue_blanks(c, org, DOCTOR_RANGE[0], DOCTOR_RANGE[1], staff_member_id=_staff_id(doctor),
                        issued_on=dt.date.today() - dt.timedelta(days=10))
        uow.commit()
    with doctor.uow() as uow:  # the doctor takes the third blank, skipping the first two
        c = uow.session.connection()
        cid = sl.create_draft(c, _patient)
        version = sl.add_period(c, cid, sl.certificate(c, cid).version, dt.date.today() - dt.timedelta(days=9),
                                dt.date.today() - dt.timedelta(days=6))
        sl.issue(c, cid, version, number="910000000103")
        uow.commit()
    with clinic.connect() as conn:  # as if it was used a week ago (the history is never edited: triggers off)
        conn.execute("SET session_replication_role = replica")
        conn.execute("UPDATE sick_leave_blanks SET used_on = current_date - 7 WHERE number = '910000000103'")
    window, page = _head_window(qtbot, head)
    assert page.gaps_label.isVisible()
    assert "910000000101" in page.gaps_label.text() and "910000000102" in page.gaps_label.text()
    assert "910000000103" in page.gaps_label.text()
    _save(window, tmp_path, "sick_leave_blanks.png")


@pytest.mark.parametrize("language", ["ru"])
def test_editor_in_russian_keeps_typed_text_on_refusal(qtbot, people, language):
    doctor, _registrar, _head, patient = people
    i18n.install_translations(language)
    editor = open_sick_leave(doctor, patient)
    _wait_idle(qtbot, editor)
    type_text(editor.employer_edit, "ООО «Весна»")
    editor.job_combo.setCurrentIndex(1)
    type_text(editor.main_number_edit, "12345")  # not 12 digits
    editor.save_button.click()
    _wait_idle(qtbot, editor)
    assert editor.error() != "" and editor.certificate is None
    assert editor.employer_edit.text() == "ООО «Весна»" and editor.main_number_edit.text() == "12345"
    editor.main_number_edit.clear()
    type_text(editor.main_number_edit, "910000000555")
    editor.save_button.click()
    _wait_idle(qtbot, editor)
    assert editor.error() == "" and editor.certificate.main_job_number == "910000000555"
    editor.issue_button.click()  # no period and no blank: refused, nothing lost
    _wait_idle(qtbot, editor)
    assert editor.error() != "" and editor.certificate.status == "draft"
    editor.close()


def test_a_visit_certificate_continued_on_a_new_blank(qtbot, people):
    """Opened from a visit record (linked to it); issued on a typed number, then continued: the continuation
    starts the day after, and issuing it closes the first with "other" code 31 and the next number."""
    doctor, _registrar, head, _patient = people
    today = dt.date.today()
    with head.uow() as uow:
        c = uow.session.connection()
        sb.receive_batch(c, head.organization_id, FIRST, LAST)
        sb.issue_blanks(c, head.organization_id, *DOCTOR_RANGE, staff_member_id=_staff_id(doctor))
        uow.commit()
    with doctor.uow() as uow:
        row = uow.session.connection().execute(text(
            "SELECT r.id, c.patient_id FROM medical_records r JOIN medical_cards c ON c.id = r.card_id "
            "WHERE r.author_staff_id = app_user_staff_id() ORDER BY r.id LIMIT 1")).one()
    editor = open_sick_leave(doctor, row.patient_id, record_id=row.id)
    _wait_idle(qtbot, editor)
    assert not editor.organization_edit.isEnabled()  # filled in when the draft is stored
    editor.period_from.set_value(today - dt.timedelta(days=14))
    editor.period_to.set_value(today - dt.timedelta(days=8))
    editor.add_period_button.click()
    _wait_idle(qtbot, editor)
    assert editor.error() == "", editor.error()
    assert editor.certificate.record_id == row.id and editor.organization_edit.isEnabled()
    editor.organization_edit.setText("ООО «МЦ Здоровье»")
    type_text(editor.number_edit, "9100 0000 0103")  # a number typed (spaces dropped), not the next one
    editor.issue_button.click()
    _wait_idle(qtbot, editor)
    assert editor.error() == "", editor.error()
    first = editor.certificate
    assert first.number == "910000000103" and first.organization_name == "ООО «МЦ Здоровье»"
    assert editor.number_edit.text() == ""

    editor.continue_button.click()
    _wait_idle(qtbot, editor)
    assert editor.error() == "", editor.error()
    second = editor.certificate
    assert second.id != first.id and second.status == "draft" and second.previous_number == first.number
    assert editor.period_from.value() == today - dt.timedelta(days=7)  # the day after the first ends
    assert f"Continues {first.number}" in editor.info_label.text()
    editor.period_from.set_value(today - dt.timedelta(days=6))  # a day's gap: refused, the dates kept
    editor.period_to.set_value(today)
    editor.add_period_button.click()
    _wait_idle(qtbot, editor)
    assert "must start on" in editor.error() + " ".join(editor.violation_texts())
    assert editor.period_from.value() == today - dt.timedelta(days=6)
    editor.period_from.set_value(today - dt.timedelta(days=7))
    editor.add_period_button.click()
    _wait_idle(qtbot, editor)
    assert editor.error() == "", editor.error()
    editor.issue_button.click()  # the next blank the doctor holds
    _wait_idle(qtbot, editor)
    assert editor.error() == "", editor.error()
    assert editor.certificate.number == "910000000101"
    editor.close()
    with doctor.uow() as uow:
        closed = sl.certificate(uow.session.connection(), first.id)
    assert (closed.status, closed.other_code, closed.next_number) == ("closed", "31", "910000000101")


def test_a_certificate_changed_meanwhile_keeps_what_was_typed(qtbot, people, sessions):
    doctor, _registrar, _head, patient = people
    editor = open_sick_leave(doctor, patient)
    _wait_idle(qtbot, editor)
    type_text(editor.employer_edit, "ООО «Первое»")
    editor.save_button.click()
    _wait_idle(qtbot, editor)
    cert = editor.certificate
    assert editor.error() == "" and cert.employer == "ООО «Первое»"
    other = sessions("doctor", "DOC-02")
    with other.uow() as uow:
        sl.set_fields(uow.session.connection(), cert.id, cert.version, employer="ООО «Второе»")
        uow.commit()
    editor.employer_edit.clear()
    type_text(editor.employer_edit, "ООО «Третье»")
    editor.save_button.click()
    _wait_idle(qtbot, editor)
    assert "changed by" in editor.error()
    assert editor.employer_edit.text() == "ООО «Третье»"
    editor.reload_button.click()
    _wait_idle(qtbot, editor)
    assert editor.employer_edit.text() == "ООО «Второе»" and editor.error() == ""
    editor.close()
