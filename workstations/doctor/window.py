"""Main window of the doctor's workstation (also the nurse's and the paraclinical staff's): the day's
list on the left, the patient on the right. Made for the keyboard:

F5 reload the day · Alt+Left / Alt+Right previous / next day · Ctrl+L the day's list · Enter open the
patient · F6 / F7 arrived / no-show · Ctrl+F find a patient not on the list · Ctrl+1/2/3/4 Visit / History /
Services / Communications · Ctrl+S save the draft · Ctrl+Enter sign · Ctrl+D the ICD-10 search · Ctrl+E
appoint a service · Ctrl+R prescribe a drug · Ctrl+B book the repeat visit · Ctrl+P performed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QSplitter, QStackedWidget, QWidget

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import BackgroundOp, operation_bus
from medcenter_desktop.workstation_window import WorkstationWindow
from shared.services import icd10
from workstations.doctor import WORKSTATION, ops, templates
from workstations.doctor.day_panel import DayPanel
from workstations.doctor.find_dialog import FindPatientDialog
from workstations.doctor.patient_page import PatientPage

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from shared.services.shift_tasks import TaskEntry


class DoctorWindow(WorkstationWindow):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        self.find_dialog: FindPatientDialog | None = None
        super().__init__(session, WORKSTATION, parent)
        self.resize(1440, 860)
        self.me: ops.Me | None = None
        templates.translate_labels()
        self.day_panel = DayPanel(session, self)
        self.patient_page = PatientPage(session, self)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("mutedLabel")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.patient_page)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.day_panel)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([580, 860])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(splitter)
        self.set_central(central)

        self.day_panel.open_requested.connect(self.open_entry)
        self.day_panel.find_button.clicked.connect(self.find_patient)
        self.patient_page.day_changed.connect(self.day_panel.reload)
        operation_bus().changed.connect(self._changed_elsewhere)
        self._build_shortcuts()
        self.retranslate_ui()
        self._start()

    # --- Public API ------------------------------------------------------------------------------

    def open_entry(self, entry: TaskEntry) -> None:
        if not self._leave_record(lambda: self.open_entry(entry)):
            return
        if entry.patient_id is None:
            self.day_panel.show_message(self.tr(
                "This booking has no client card yet (booked by name and phone): the registry links it to a "
                "card when the patient arrives."))
            return
        self.patient_page.office_id = self.day_panel.office_id()
        self.patient_page.open_entry(entry, self.day_panel.day())
        self.stack.setCurrentWidget(self.patient_page)
        self.patient_page.tabs.setCurrentIndex(PatientPage.VISIT_TAB)

    def open_patient(self, patient_id: int) -> None:
        if not self._leave_record(lambda: self.open_patient(patient_id)):
            return
        self.patient_page.office_id = self.day_panel.office_id()
        self.patient_page.open_patient(patient_id, self.day_panel.day())
        self.stack.setCurrentWidget(self.patient_page)
        self.patient_page.tabs.setCurrentIndex(PatientPage.VISIT_TAB)

    def find_patient(self) -> FindPatientDialog:
        dialog = FindPatientDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.open_patient(dialog.patient_id) if dialog.patient_id else None)
        dialog.finished.connect(lambda _r: setattr(self, "find_dialog", None))
        self.find_dialog = dialog
        dialog.open()
        return dialog

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if not hasattr(self, "placeholder"):
            return  # the frame translates itself before this window built its pages
        self.placeholder.setText(self.tr(
            "Choose a patient in the day's list and press Enter, or find one with Ctrl+F."))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._leave_record(self.close):
            event.ignore()
            return
        super().closeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _leave_record(self, go_on) -> bool:
        """Whether the record on screen may be left now. Typed text is never dropped unasked: Save writes
        the draft and then does ``go_on()``, Discard leaves it, Cancel stays."""
        editor = self.patient_page.editor
        if self.stack.currentWidget() is not self.patient_page or not editor.has_unsaved_text():
            return True
        answer = QMessageBox.question(
            self, self.tr("The record is not saved"),
            self.tr("The record of {patient} has changes that are not saved. Save the draft?").format(
                patient=self.patient_page.name_label.text()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Discard:
            editor.dirty = False
            return True
        if answer == QMessageBox.StandardButton.Save:
            editor.save(then=go_on)
        return False

    def _start(self) -> None:
        # The classification loads once per process (a tenth of a second): before the first search.
        BackgroundOp(self, icd10.catalogue).failure(lambda exc: None).run()
        ops.load_me(parent=self, session=self.session).success(self._me_loaded).failure(
            lambda exc: self.day_panel.show_message(error_text(exc))).run()

    def _me_loaded(self, me: ops.Me) -> None:
        self.me = me
        self.patient_page.set_me(me)
        ops.load_offices(parent=self, session=self.session).success(self.day_panel.set_offices).failure(
            lambda exc: None).run()
        if me.staff_member_id is None:
            self.day_panel.show_message(self.tr(
                "Your login is not linked to a staff member, so there is no day's list. Ask the administrator "
                "to link it."))
            return
        self.day_panel.staff_member_id = me.staff_member_id
        self.day_panel.reload()
        self.day_panel.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_shortcuts(self) -> None:
        page = self.patient_page
        editor = page.editor
        bindings = [
            ("F5", self._refresh),
            ("Alt+Left", lambda: self.day_panel.shift_day(-1)),
            ("Alt+Right", lambda: self.day_panel.shift_day(1)),
            ("Ctrl+L", lambda: self.day_panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)),
            ("Ctrl+F", self.find_patient),
            ("F6", lambda: self.day_panel.mark("arrived")),
            ("F7", lambda: self.day_panel.mark("no_show")),
            ("Ctrl+S", self._when_open(editor.save)),
            ("Ctrl+Return", self._when_open(editor.sign)),
            ("Ctrl+Enter", self._when_open(editor.sign)),
            ("Ctrl+B", self._when_open(page.book_repeat)),
            ("Ctrl+D", self._when_open(lambda: (page.show_tab(page.VISIT_TAB), editor.show_orders_tab(0)))),
            ("Ctrl+E", self._when_open(lambda: (page.show_tab(page.VISIT_TAB), editor.show_orders_tab(1)))),
            ("Ctrl+R", self._when_open(lambda: (page.show_tab(page.VISIT_TAB), editor.show_orders_tab(2)))),
            ("Ctrl+P", self._when_open(lambda: (page.tabs.setCurrentIndex(page.SERVICES_TAB),
                                                page.services.perform_current()))),
            ("Ctrl+1", self._when_open(lambda: page.show_tab(page.VISIT_TAB))),
            ("Ctrl+2", self._when_open(lambda: page.show_tab(page.HISTORY_TAB))),
            ("Ctrl+3", self._when_open(lambda: page.show_tab(page.SERVICES_TAB))),
            ("Ctrl+4", self._when_open(lambda: page.show_tab(page.COMMUNICATIONS_TAB))),
            ("Ctrl+5", self._when_open(lambda: page.show_tab(page.SICK_LEAVE_TAB))),
        ]
        self.shortcuts: dict[str, QShortcut] = {}
        for sequence, slot in bindings:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(slot)
            self.shortcuts[sequence] = shortcut

    def _when_open(self, slot):
        def run() -> None:
            if self.stack.currentWidget() is self.patient_page and self.patient_page.data is not None:
                slot()
        return run

    def _refresh(self) -> None:
        self.day_panel.reload()
        if self.stack.currentWidget() is self.patient_page:
            self.patient_page.reload()

    def _changed_elsewhere(self, changes) -> None:
        # Bookings made by the registry in another window of this process show at once.
        if "bookings" in changes and not self.day_panel.loading:
            self.day_panel.reload()
