"""The patient view: who (name, age, sex, the cards the user may open) and the visit, then three tabs --
Visit (the record editor, Ctrl+1), History (the card's records, Ctrl+2), Services (the day's lines to
perform, Ctrl+3). Everything it shows is read in one unit of work when the patient opens.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from medcenter_desktop.communications_panel import CommunicationsPanel
from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.sick_leave_editor import SickLeaveList
from shared.errors import DomainError
from workstations.doctor import ops, order_ops, texts
from workstations.doctor.history_tab import HistoryTab, history_label
from workstations.doctor.record_editor import RecordEditor
from workstations.doctor.services_tab import ServicesTab
from workstations.doctor.slot_dialog import SlotDialog

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from shared.services.shift_tasks import TaskEntry
    from shared.services.visit_records import VisitRecord

REPEAT_AFTER = dt.timedelta(days=7)


class PatientPage(QWidget):
    """``day_changed()`` when something the day's list shows changed (performed, signed, booked)."""

    day_changed = Signal()
    loaded = Signal()
    VISIT_TAB, HISTORY_TAB, SERVICES_TAB, COMMUNICATIONS_TAB, SICK_LEAVE_TAB = range(5)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.me: ops.Me | None = None
        self.entry: TaskEntry | None = None
        self.patient_id: int | None = None
        #: The office whose day the list shows (None: the user's own schedule).
        self.office_id: int | None = None
        self.day = dt.date.today()
        self.data: ops.PatientData | None = None
        self.loading = False
        self.repeat_dialog: SlotDialog | None = None
        self._generation = 0

        self.name_label = QLabel(self)
        self.name_label.setObjectName("pageTitle")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("pageLead")
        self.card_label = QLabel(self)
        self.card_combo = QComboBox(self)
        self.card_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.card_combo.setMinimumContentsLength(34)
        self.card_combo.activated.connect(lambda _i: self._card_chosen())
        self.visit_label = QLabel(self)
        self.visit_label.setObjectName("mutedLabel")
        self.visit_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        header = QHBoxLayout()
        who = QVBoxLayout()
        who.setSpacing(2)
        who.addWidget(self.name_label)
        who.addWidget(self.facts_label)
        header.addLayout(who, 1)
        header.addWidget(self.card_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.card_combo, 0, Qt.AlignmentFlag.AlignTop)

        self.editor = RecordEditor(session, self)
        self.history = HistoryTab(self)
        self.services = ServicesTab(session, self)
        self.communications = CommunicationsPanel(session, self)
        # The patient's certificates of incapacity for work; a new one is prefilled from the patient and
        # linked to the visit's record (issue from the doctor's workstation).
        self.sick_leave = SickLeaveList(session, None, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for page in (self.editor, self.history, self.services, self.communications, self.sick_leave):
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(lambda _i: self._load_communications())

        self.editor.record_changed.connect(self._record_changed)
        self.editor.repeat_requested.connect(self.book_repeat)
        self.editor.correct_requested.connect(self.correct)
        self.history.correct_requested.connect(self.correct)
        self.history.open_requested.connect(self._open_record)
        self.services.changed.connect(self._services_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.visit_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def set_me(self, me: ops.Me) -> None:
        self.me = me
        self.editor.setup(staff_member_id=me.staff_member_id, specialty_code=me.specialty_code)
        self.services.staff_member_id = me.staff_member_id

    def open_entry(self, entry: TaskEntry, day: dt.date) -> None:
        """Opens the patient of a visit of the day's list."""
        self.entry = entry
        self._open(entry.patient_id, day, None, reset=True)

    def open_patient(self, patient_id: int, day: dt.date) -> None:
        """Opens a patient found by search (no visit of the list: no repeat booking from here)."""
        self.entry = None
        self._open(patient_id, day, None, reset=True)

    def reload(self) -> None:
        if self.patient_id is not None:
            self._open(self.patient_id, self.day, self.data.card_id if self.data else None, reset=False)

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        if index == self.VISIT_TAB:
            self.editor.focus_first_field()
        elif index == self.HISTORY_TAB:
            self.history.view.setFocus()
        elif index == self.SERVICES_TAB:
            self.services.view.setFocus()
        else:
            self.communications.view.setFocus()

    def book_repeat(self) -> SlotDialog | None:
        entry = self.entry
        if entry is None or self.data is None or self.session.organization_id is None:
            return None
        visit = order_ops.RepeatVisit(self.session.organization_id, entry.service_id, entry.service_name,
                                entry.resource_id, self.data.details.id, entry.patient_name, self.data.card_id)
        first = max(self.day + REPEAT_AFTER, dt.date.today())
        dialog = SlotDialog(RepeatSource(self, visit), first, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._repeat_booked(dialog))
        dialog.finished.connect(lambda _r: setattr(self, "repeat_dialog", None))
        self.repeat_dialog = dialog
        dialog.open()
        return dialog

    def correct(self, record_id: int) -> None:
        ops.correct(parent=self, session=self.session, record_id=record_id).success(self._corrected).failure(
            self._show_failure).run()

    def retranslate_ui(self) -> None:
        self.card_label.setText(self.tr("Card:"))
        self.tabs.setTabText(self.VISIT_TAB, self.tr("Visit (Ctrl+1)"))
        self.tabs.setTabText(self.HISTORY_TAB, history_label(len(self.data.history) if self.data else 0)
                             + " (Ctrl+2)")
        self.tabs.setTabText(self.SERVICES_TAB, self.tr("Services (Ctrl+3)"))
        self.tabs.setTabText(self.COMMUNICATIONS_TAB, self.tr("Communications (Ctrl+4)"))
        self.tabs.setTabText(self.SICK_LEAVE_TAB, self.tr("Sick leave (Ctrl+5)"))

    # --- Internals -------------------------------------------------------------------------------

    def _open(self, patient_id: int | None, day: dt.date, card_id: int | None, *, reset: bool) -> None:
        if patient_id is None:
            return
        self.patient_id = patient_id
        self.day = day
        self.loading = True
        self._generation += 1
        generation = self._generation
        booking_id = self.entry.booking_id if self.entry is not None else None
        ops.open_patient(parent=self, session=self.session, patient_id=patient_id, day=day,
                         staff_member_id=self.me.staff_member_id if self.me else None, card_id=card_id,
                         booking_id=booking_id, office_id=self.office_id).success(
            lambda data: self._loaded(generation, data, reset)).failure(
            lambda exc: self._failed(generation, exc)).run()

    def _loaded(self, generation: int, data: ops.PatientData, reset: bool) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.data = data
        if self.entry is not None:  # the visit as it is now (performed, done)
            self.entry = next((e for e in data.services.entries if e.booking_id == self.entry.booking_id), self.entry)
        self.error_label.hide()
        details = data.details
        self.name_label.setText(" ".join(x for x in (details.last_name, details.first_name, details.middle_name) if x))
        self.facts_label.setText(" \u00b7 ".join(x for x in (
            texts.age_text(details.birth_date), texts.sex_text(details.sex),
            self.tr("born {date}").format(date=details.birth_date.strftime("%d.%m.%Y"))) if x))
        self.card_combo.clear()
        for card in data.cards:
            self.card_combo.addItem(self.tr("No. {number} · {type}").format(type=card.card_type, number=card.number),
                                    card.id)
            self.card_combo.setItemData(self.card_combo.count() - 1, card.card_type, Qt.ItemDataRole.ToolTipRole)
        if not data.cards:
            self.card_combo.addItem(self.tr("no card you may open"), None)
        self.card_combo.setCurrentIndex(max(self.card_combo.findData(data.card_id), 0))
        self._update_visit_label()
        self.history.set_records(data.history, data.authors, self.me.staff_member_id if self.me else None)
        self.services.record_id = self.editor.record.id if self.editor.record else None
        self.services.set_services(data.services)
        if reset:
            self.editor.open(card_id=data.card_id, booking_id=data.booking_id, record=self._record_of_visit(data),
                             can_repeat=self.entry is not None)
            self.services.record_id = self.editor.record.id if self.editor.record else None
            if self.tabs.currentWidget() is self.editor:
                self.editor.focus_first_field()  # opened to write: the cursor is where the writing starts
        self._load_communications()
        self.retranslate_ui()
        self.loaded.emit()

    def _load_communications(self) -> None:
        """Read when the tab is shown: opening a patient reads only what the visit needs."""
        if self.tabs.currentWidget() is self.communications and self.data is not None:
            self.communications.load(self.data.details.id)
        if self.tabs.currentWidget() is self.sick_leave and self.data is not None:
            self.sick_leave.record_id = self.editor.record.id if self.editor.record else None
            self.sick_leave.load(self.data.details.id)

    def _record_of_visit(self, data: ops.PatientData) -> VisitRecord | None:
        me = self.me.staff_member_id if self.me else None
        newest = [r for r in data.history if r.superseded_by is None]
        if data.booking_id is not None:
            for record in newest:
                if record.booking_id == data.booking_id and (record.is_signed or record.author_staff_id == me):
                    return record
            return None
        return next((r for r in newest if not r.is_signed and r.author_staff_id == me), None)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self._show_failure(exc)
        self.loaded.emit()

    def _show_failure(self, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            self.error_label.setText(error_text(exc))
            self.error_label.show()
        else:
            show_error(self, exc)

    def _update_visit_label(self) -> None:
        entry = self.entry
        if entry is None:
            self.visit_label.setText(self.tr("Not on the day's list: a record without a visit."))
            return
        parts = [self.tr("Visit {time}").format(time=entry.local_start.strftime("%H:%M")), texts.entry_services(entry)]
        if entry.office_number:
            parts.append(self.tr("office {number}").format(number=entry.office_number))
        parts.append(texts.entry_payment(entry))
        parts.append(texts.booking_status(entry.booking_status))
        if entry.walk_in:
            parts.append(self.tr("walk-in"))
        self.visit_label.setText(" \u00b7 ".join(parts))

    def _card_chosen(self) -> None:
        card_id = self.card_combo.currentData()
        if card_id is not None and self.data is not None and card_id != self.data.card_id:
            self._open(self.patient_id, self.day, card_id, reset=True)

    def _record_changed(self, record: VisitRecord) -> None:
        self.services.record_id = record.id
        self.reload()
        if record.is_signed:
            self.day_changed.emit()

    def _services_changed(self) -> None:
        self.reload()
        self.day_changed.emit()

    def _corrected(self, record: VisitRecord) -> None:
        self.editor.open(card_id=record.card_id, booking_id=record.booking_id, record=record,
                         can_repeat=self.entry is not None)
        self.show_tab(self.VISIT_TAB)
        self.reload()

    def _open_record(self, record: VisitRecord) -> None:
        if not record.is_signed and self.me is not None and record.author_staff_id == self.me.staff_member_id:
            self.editor.open(card_id=record.card_id, booking_id=record.booking_id, record=record,
                             can_repeat=self.entry is not None)
            self.show_tab(self.VISIT_TAB)

    def draft_for_repeat(self) -> tuple[bool, ops.Draft | None]:
        """The draft the repeat visit is appointed in; none from a signed record (it goes to the card)."""
        if self.editor.read_only:
            return True, None
        draft = self.editor.draft()
        return draft is not None, draft

    def _repeat_booked(self, dialog: SlotDialog) -> None:
        booked = dialog.booked
        if booked is None:
            return
        if booked.record is not None:
            self.editor.record_saved(booked.record)
        self.editor.show_message(self.tr("Repeat visit booked: {when}, {service}.").format(
            when=booked.starts_at.astimezone().strftime("%d.%m.%Y %H:%M"), service=booked.service_name))
        self.reload()
        self.day_changed.emit()


class RepeatSource:
    """The repeat visit: the visit's service with the same doctor, appointed in the visit's draft."""

    with_doctor = False

    def __init__(self, page: PatientPage, visit: order_ops.RepeatVisit) -> None:
        self.page = page
        self.visit = visit
        self.title = QCoreApplication.translate("PatientPage", "Repeat visit")
        self.heading = QCoreApplication.translate("PatientPage", "{service} for {patient}").format(
            service=visit.service_name, patient=visit.patient_name)

    def find(self, parent: QWidget, first_day: dt.date, days: int):
        return order_ops.find_repeat_slots(parent=parent, session=self.page.session, visit=self.visit,
                                     first_day=first_day, days=days)

    def first(self, parent: QWidget, first_day: dt.date):
        return order_ops.first_free_repeat(parent=parent, session=self.page.session, visit=self.visit,
                                     first_day=first_day)

    def book(self, parent: QWidget, slot):
        usable, draft = self.page.draft_for_repeat()
        if not usable:
            return QCoreApplication.translate(
                "PatientPage", "The visit record cannot be saved as it is: see the message under the record, correct it, then book.")
        return order_ops.book_repeat(parent=parent, session=self.page.session, visit=self.visit, slot=slot, draft=draft)
