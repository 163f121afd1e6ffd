"""The client's appointments in the client card, and the dialogs around bookings: cancelling (with a
reason), a booking's history, putting a client on the waiting list, and the waiting list itself.

The list shows the bookings that have not ended yet; the verbs act on the selected one: Book (F3),
Reschedule, Cancel (Del), Confirmed, Arrived, No-show, Print slip (Ctrl+P) and History; the context
menu (right click or the Menu key) has them all. Every list follows changes made anywhere in the
workstation (the operation bus).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.operations import operation_bus
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services.booking import TRANSITIONS, BookingInfo, SlotTaken, WaitingEntry
from workstations.registrar import booking_ops
from workstations.registrar.booking_texts import (
    action_text,
    booking_text,
    channel_text,
    slot_text,
    status_text,
    when_text,
)
from workstations.registrar.patient_form import format_phone
from workstations.registrar.search_page import configure_list_view

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from shared.services.booking import BookingEventInfo, Slot
    from workstations.registrar.booking_ops import BookingHistory, Catalogue

CTX = "Booking"

APPOINTMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Booking", "Date"), lambda b: b.starts_at.date(), ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("Booking", "Time"), lambda b: f"{b.starts_at:%H:%M}", ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("Booking", "Service"), lambda b: b.service_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("Booking", "Doctor"), lambda b: b.resource_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("Booking", "Office"), lambda b: b.office, context=CTX),
    Column(QT_TRANSLATE_NOOP("Booking", "Status"), lambda b: status_text(b.status), context=CTX),
)

#: Statuses set by a button, with the button's text.
STATUS_ACTIONS = (
    ("confirmed", QT_TRANSLATE_NOOP("Booking", "Confirmed")),
    ("arrived", QT_TRANSLATE_NOOP("Booking", "Arrived")),
    ("no_show", QT_TRANSLATE_NOOP("Booking", "No-show")),
)

CANCEL_REASONS = (
    QT_TRANSLATE_NOOP("Booking", "At the client's request"),
    QT_TRANSLATE_NOOP("Booking", "The client is ill"),
    QT_TRANSLATE_NOOP("Booking", "The doctor is not available"),
    QT_TRANSLATE_NOOP("Booking", "Booked by mistake"),
)


def may_become(item: BookingInfo | None, status: str) -> bool:
    return item is not None and status in TRANSITIONS.get(item.status, set())


class AppointmentsPanel(QWidget):
    """The client's upcoming appointments with their verbs (a tab of the client card)."""

    #: Book for this client: patient id.
    book_requested = Signal(int)
    #: Move this booking to another time: BookingInfo.
    reschedule_requested = Signal(object)
    #: The appointments on screen were replaced.
    loaded = Signal()

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id: int | None = None
        #: The client's name as the card shows it (for the dialogs).
        self.client_name = ""
        self.bookings: tuple[BookingInfo, ...] | None = None
        #: The dialog open now (cancel, history, waiting list): tests drive it.
        self.dialog: QDialog | None = None

        self.model = DtoTableModel(APPOINTMENT_COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        configure_list_view(self.view)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(lambda _index: self.show_history())
        self.cancelled_check = QCheckBox(self)
        self.cancelled_check.toggled.connect(lambda _on: self._show_rows())

        self.book_button = self._button(self.request_booking)
        self.reschedule_button = self._button(self.request_reschedule)
        self.cancel_button = self._button(self.ask_cancel)
        self.print_button = self._button(self.print_slip)
        self.history_button = self._button(self.show_history)
        self.status_buttons = {status: self._button(lambda _c=False, s=status: self.set_status(s))
                               for status, _text in STATUS_ACTIONS}
        self.waiting_button = self._button(self.add_to_waiting_list)
        first = QHBoxLayout()
        for button in (self.book_button, self.reschedule_button, self.cancel_button, self.print_button,
                       self.history_button):
            first.addWidget(button)
        first.addStretch(1)
        second = QHBoxLayout()
        for button in self.status_buttons.values():
            second.addWidget(button)
        second.addStretch(1)
        second.addWidget(self.waiting_button)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.cancelled_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(first)
        layout.addLayout(second)

        for sequence, slot in ((QKeySequence(Qt.Key.Key_Delete), self.ask_cancel),
                               (QKeySequence.StandardKey.Print, self.print_slip)):
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self._update_buttons()

    # --- Public API ------------------------------------------------------------------------------

    def load(self, patient_id: int) -> None:
        if patient_id != self.patient_id:
            self.bookings = None
            self.model.set_rows(())
        self.patient_id = patient_id
        self._update_buttons()
        booking_ops.client_bookings(parent=self, session=self.session, patient_id=patient_id).success(
            lambda rows: self._set_bookings(rows) if patient_id == self.patient_id else None).run()

    def reload(self) -> None:
        if self.patient_id is not None:
            self.load(self.patient_id)

    def selected(self) -> BookingInfo | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def select(self, booking_id: int) -> bool:
        index = self.model.index_for_id(booking_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
        return index.isValid()

    def request_booking(self) -> None:
        if self.patient_id is not None:
            self.book_requested.emit(self.patient_id)

    def request_reschedule(self) -> None:
        item = self.selected()
        if item is not None and item.status in ("booked", "confirmed"):
            self.reschedule_requested.emit(item)

    def ask_cancel(self) -> CancelDialog | None:
        item = self.selected()
        if not may_become(item, "cancelled"):
            return None
        return self._open(CancelDialog(self.session, item, self))

    def set_status(self, status: str) -> None:
        item = self.selected()
        if not may_become(item, status):
            return
        booking_ops.set_status(parent=self, session=self.session, booking_id=item.id, version=item.version,
                               status=status).success(lambda _b: None).failure(self._failed).run()

    def print_slip(self) -> None:
        item = self.selected()
        if item is None or item.status in ("cancelled", "no_show"):
            return
        from workstations.registrar.slip_preview import show_slip

        show_slip(self, self.session, item.id)

    def show_history(self) -> HistoryDialog | None:
        item = self.selected()
        if item is None:
            return None
        return self._open(HistoryDialog(self.session, item.id, self))

    def add_to_waiting_list(self) -> WaitingListEntryDialog | None:
        if self.patient_id is None:
            return None
        return self._open(WaitingListEntryDialog(self.session, self, patient_id=self.patient_id,
                                                 client_name=self.client_name))

    def retranslate_ui(self) -> None:
        self.cancelled_check.setText(QCoreApplication.translate("Booking", "Show cancelled"))
        self.book_button.setText(QCoreApplication.translate("Booking", "Book… (F3)"))
        self.reschedule_button.setText(QCoreApplication.translate("Booking", "Reschedule…"))
        self.cancel_button.setText(QCoreApplication.translate("Booking", "Cancel… (Del)"))
        self.print_button.setText(QCoreApplication.translate("Booking", "Print slip"))
        self.history_button.setText(QCoreApplication.translate("Booking", "History"))
        for status, text in STATUS_ACTIONS:
            self.status_buttons[status].setText(QCoreApplication.translate("Booking", text))
        self.waiting_button.setText(QCoreApplication.translate("Booking", "Waiting list…"))
        if self.bookings is not None:
            self._show_rows()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _button(self, slot) -> QPushButton:
        button = QPushButton(self)
        button.clicked.connect(slot)
        return button

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: setattr(self, "dialog", None) if self.dialog is d else None)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _set_bookings(self, rows: tuple[BookingInfo, ...]) -> None:
        self.bookings = rows
        self._show_rows()
        self.loaded.emit()

    def _show_rows(self) -> None:
        current = self.selected()
        rows = [b for b in self.bookings or () if self.cancelled_check.isChecked() or b.status != "cancelled"]
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.resizeSection(2, min(header.sectionSize(2), 260))  # long service names: elided, tooltip has them
        if rows:
            row = self.model.row_for_id(current.id) if current is not None else None
            self.view.setCurrentIndex(self.model.index(row or 0, 0))
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.selected()
        self.book_button.setEnabled(self.patient_id is not None)
        self.waiting_button.setEnabled(self.patient_id is not None)
        self.reschedule_button.setEnabled(item is not None and item.status in ("booked", "confirmed"))
        self.cancel_button.setEnabled(may_become(item, "cancelled"))
        for status, button in self.status_buttons.items():
            button.setEnabled(may_become(item, status))
        self.print_button.setEnabled(item is not None and item.status not in ("cancelled", "no_show"))
        self.history_button.setEnabled(item is not None)

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for button in (self.book_button, self.reschedule_button, self.cancel_button,
                       *self.status_buttons.values(), self.print_button, self.history_button, self.waiting_button):
            action = menu.addAction(button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        menu.popup(self.view.viewport().mapToGlobal(position))

    def _failed(self, exc: Exception) -> None:
        show_error(self, exc)
        self.reload()

    def _on_changes(self, changes: frozenset[str]) -> None:
        if booking_ops.BOOKING_CHANGES in changes and self.patient_id is not None:
            self.reload()


# --- Cancelling --------------------------------------------------------------------------------------


class _FormErrors:
    """A form dialog's refusal shown in its own error label (programming errors in a message box); the
    form stays open with what was typed. Needs ``busy``, ``buttons`` and ``error_label``."""

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        if isinstance(exc, DomainError):
            self._show_error(error_text(exc))
        else:
            show_error(self, exc)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


class CancelDialog(_FormErrors, QDialog):
    """Why the booking is cancelled (required), then the cancellation."""

    def __init__(self, session: AppSession, item: BookingInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item = item
        self.busy = False
        self.setWindowTitle(QCoreApplication.translate("Booking", "Cancel the appointment"))
        what = QLabel(f"{item.client_name}\n{item.service_name}\n{booking_text(item)}", self)
        self.reason_combo = QComboBox(self)
        self.reason_combo.setEditable(True)
        self.reason_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for reason in CANCEL_REASONS:
            self.reason_combo.addItem(QCoreApplication.translate("Booking", reason))
        self.reason_combo.setCurrentIndex(-1)
        self.reason_combo.lineEdit().setMaxLength(500)
        self.reason_combo.lineEdit().setPlaceholderText(QCoreApplication.translate(
            "Booking", "Required: choose or type the reason"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Booking", "Appointment"), what)
        form.addRow(QCoreApplication.translate("Booking", "&Reason"), self.reason_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Booking", "Cancel the appointment"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("Booking", "Keep it"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(max(480, self.sizeHint().width()), self.sizeHint().height())

    def reason(self) -> str:
        return self.reason_combo.currentText().strip()

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def submit(self) -> None:
        if self.busy:
            return
        if not self.reason():
            self._show_error(QCoreApplication.translate("Booking", "Say why the appointment is cancelled."))
            self.reason_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.busy = True
        self.buttons.setEnabled(False)
        booking_ops.cancel(parent=self, session=self.session, booking_id=self.item.id, version=self.item.version,
                           reason=self.reason()).success(self._done).failure(self._failed).run()

    def _done(self, _item: BookingInfo) -> None:
        self.busy = False
        self.accept()



# --- History -----------------------------------------------------------------------------------------


class HistoryDialog(QDialog):
    """Who did what to the booking and when: booked, moved (old → new time and doctor), status changes."""

    def __init__(self, session: AppSession, booking_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.history: BookingHistory | None = None
        self.setWindowTitle(QCoreApplication.translate("Booking", "History of the appointment"))
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.model = DtoTableModel(self._columns(), parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        configure_list_view(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(1040, 360)
        booking_ops.booking_history(parent=self, session=session, booking_id=booking_id).success(self._show).run()

    def rows_text(self) -> list[list[str]]:
        """The table as shown (tests read it)."""
        return [[self.model.index(r, c).data() or "" for c in range(self.model.columnCount())]
                for r in range(self.model.rowCount())]

    def _columns(self) -> tuple[Column, ...]:
        def resource(resource_id: int | None) -> str:
            if resource_id is None or self.history is None:
                return ""
            return self.history.resource_names.get(resource_id, str(resource_id))

        def change(old: str, new: str) -> str:
            return f"{old} → {new}" if old and new and old != new else new or old

        def times(e: BookingEventInfo) -> str:
            return change(when_text(e.old_starts_at), when_text(e.new_starts_at))

        def doctors(e: BookingEventInfo) -> str:
            return change(resource(e.old_resource_id), resource(e.new_resource_id))

        def statuses(e: BookingEventInfo) -> str:
            return change(status_text(e.old_status), status_text(e.new_status))

        return (
            Column(QT_TRANSLATE_NOOP("Booking", "When"), lambda e: e.occurred_at, ALIGN_RIGHT, CTX),
            Column(QT_TRANSLATE_NOOP("Booking", "Who"), lambda e: e.actor, context=CTX),
            Column(QT_TRANSLATE_NOOP("Booking", "What"), lambda e: action_text(e.action), context=CTX),
            Column(QT_TRANSLATE_NOOP("Booking", "Time"), times, context=CTX),
            Column(QT_TRANSLATE_NOOP("Booking", "Doctor"), doctors, context=CTX),
            Column(QT_TRANSLATE_NOOP("Booking", "Status"), statuses, context=CTX),
            Column(QT_TRANSLATE_NOOP("Booking", "Reason"), lambda e: e.reason, context=CTX),
        )

    def _show(self, history: BookingHistory) -> None:
        self.history = history
        b = history.booking
        self.heading.setText(f"<b>{b.client_name}</b> — {b.service_name}<br>{booking_text(b)} · "
                             f"{status_text(b.status)} · {channel_text(b.channel)}")
        self.model.set_rows(history.events)
        self.view.resizeColumnsToContents()


# --- Waiting list ------------------------------------------------------------------------------------


class WaitingListEntryDialog(_FormErrors, QDialog):
    """Puts the client (or a caller without a card) on the waiting list for a service."""

    def __init__(self, session: AppSession, parent: QWidget | None = None, *, patient_id: int | None = None,
                 client_name: str = "", contact_name: str = "", contact_phone: str = "",
                 catalogue: Catalogue | None = None, service_id: int | None = None,
                 wanted_from: dt.date | None = None, channel: str = "registry") -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id = patient_id
        self.catalogue = catalogue
        self.channel = channel
        self.busy = False
        self.entry_id: int | None = None
        self.setWindowTitle(QCoreApplication.translate("Booking", "Waiting list: add"))
        self.who_label = QLabel(client_name, self)
        self.name_edit = QLineEdit(contact_name, self)
        self.name_edit.setMaxLength(200)
        self.phone_edit = QLineEdit(contact_phone, self)
        self.phone_edit.setMaxLength(40)
        self.service_combo = QComboBox(self)
        self.service_combo.setEditable(True)  # type part of the name
        self.service_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.service_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.service_combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.service_combo.setMinimumContentsLength(48)
        self.service_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.doctor_combo = QComboBox(self)
        today = dt.date.today()
        start = wanted_from or today
        self.from_edit = QDateEdit(QDate(start.year, start.month, start.day), self)
        self.from_edit.setCalendarPopup(True)
        self.from_edit.setDisplayFormat("dd.MM.yyyy")
        self.to_check = QCheckBox(QCoreApplication.translate("Booking", "until"), self)
        self.to_edit = QDateEdit(QDate(start.year, start.month, start.day).addDays(14), self)
        self.to_edit.setCalendarPopup(True)
        self.to_edit.setDisplayFormat("dd.MM.yyyy")
        self.to_edit.setEnabled(False)
        self.to_check.toggled.connect(self.to_edit.setEnabled)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(500)
        self.note_edit.setPlaceholderText(QCoreApplication.translate("Booking", "e.g. only after 12:00"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        period = QHBoxLayout()
        period.addWidget(self.from_edit)
        period.addWidget(self.to_check)
        period.addWidget(self.to_edit)
        period.addStretch(1)
        form = QFormLayout()
        if patient_id is not None:
            form.addRow(QCoreApplication.translate("Booking", "Client"), self.who_label)
            self.name_edit.hide()
            self.phone_edit.hide()
        else:
            form.addRow(QCoreApplication.translate("Booking", "&Name"), self.name_edit)
            form.addRow(QCoreApplication.translate("Booking", "&Phone"), self.phone_edit)
            self.who_label.hide()
        form.addRow(QCoreApplication.translate("Booking", "&Service"), self.service_combo)
        form.addRow(QCoreApplication.translate("Booking", "&Doctor"), self.doctor_combo)
        wanted = QLabel(QCoreApplication.translate("Booking", "&Wanted from"), self)
        wanted.setBuddy(self.from_edit)
        form.addRow(wanted, period)
        form.addRow(QCoreApplication.translate("Booking", "N&ote"), self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Booking", "Add to the waiting list"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("Booking", "Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.service_combo.currentIndexChanged.connect(lambda _i: self._fill_doctors())
        self._service_id = service_id
        if catalogue is None:
            booking_ops.load_catalogue(parent=self, session=session).success(self._set_catalogue).run()
        else:
            self._set_catalogue(catalogue)

    def submit(self) -> None:
        if self.busy or self.catalogue is None:
            return
        found = self.service_combo.findText(self.service_combo.currentText(), Qt.MatchFlag.MatchFixedString)
        service_id = self.service_combo.itemData(found) if found >= 0 else None
        if service_id is None:
            self._show_error(QCoreApplication.translate("Booking", "Choose a service."))
            return
        self.busy = True
        self.buttons.setEnabled(False)
        booking_ops.add_to_waiting_list(
            parent=self, session=self.session, service_id=service_id, wanted_from=self.from_edit.date().toPython(),
            wanted_to=self.to_edit.date().toPython() if self.to_check.isChecked() else None,
            patient_id=self.patient_id, contact_name=self.name_edit.text() if self.patient_id is None else "",
            contact_phone=self.phone_edit.text() if self.patient_id is None else "",
            resource_id=self.doctor_combo.currentData(), channel=self.channel, note=self.note_edit.text(),
        ).success(self._done).failure(self._failed).run()

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _set_catalogue(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.service_combo.clear()
        for service in catalogue.services:
            self.service_combo.addItem(service.name, service.id)
        if self._service_id is not None:
            self.service_combo.setCurrentIndex(max(0, self.service_combo.findData(self._service_id)))
        self._fill_doctors()

    def _fill_doctors(self) -> None:
        self.doctor_combo.clear()
        self.doctor_combo.addItem(QCoreApplication.translate("Booking", "Any doctor"), None)
        if self.catalogue is not None:
            for resource in self.catalogue.doctors(self.service_combo.currentData()):
                self.doctor_combo.addItem(f"{resource.name} — {resource.position}".strip(" —"), resource.id)

    def _done(self, entry_id: int) -> None:
        self.busy = False
        self.entry_id = entry_id
        self.accept()



def _wanted(entry: WaitingEntry) -> str:
    start = entry.wanted_from.strftime("%d.%m.%Y")
    return f"{start} – {entry.wanted_to:%d.%m.%Y}" if entry.wanted_to else \
        QCoreApplication.translate("Booking", "from {day}").format(day=start)


WAITING_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Booking", "Client"), lambda w: w.client_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("Booking", "Phone"), lambda w: format_phone(w.phone), context=CTX),
    Column(QT_TRANSLATE_NOOP("Booking", "Service"), lambda w: w.service_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("Booking", "Wanted"), _wanted, context=CTX),
    Column(QT_TRANSLATE_NOOP("Booking", "Note"), lambda w: w.note, context=CTX),
    Column(QT_TRANSLATE_NOOP("Booking", "Added"), lambda w: w.created_at, ALIGN_RIGHT, CTX),
)


class WaitingListDialog(QDialog):
    """Who waits for a free time: Book (the first free time, after a confirmation) or Withdraw."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loaded = False
        self.busy = False
        self.catalogue: Catalogue | None = None
        self.setWindowTitle(QCoreApplication.translate("Booking", "Waiting list"))
        self.model = DtoTableModel(WAITING_COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        configure_list_view(self.view)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("mutedLabel")
        self.book_button = QPushButton(
            QCoreApplication.translate("Booking", "&Book the first free time"), self)
        self.book_button.setObjectName("primaryButton")
        self.book_button.clicked.connect(self.book_first_free)
        self.withdraw_button = QPushButton(QCoreApplication.translate("Booking", "&Withdraw"), self)
        self.withdraw_button.clicked.connect(self.withdraw)
        refresh = QPushButton(QCoreApplication.translate("Booking", "&Refresh"), self)
        refresh.clicked.connect(self.refresh)
        close = QPushButton(QCoreApplication.translate("Booking", "Close"), self)
        close.clicked.connect(self.accept)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.book_button)
        footer.addWidget(self.withdraw_button)
        footer.addWidget(refresh)
        footer.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)
        self.resize(1080, 480)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        operation_bus().changed.connect(self._on_changes)
        booking_ops.load_catalogue(parent=self, session=session).success(
            lambda c: setattr(self, "catalogue", c)).failure(lambda exc: None).run()
        self.refresh()
        self._update_buttons()

    def refresh(self) -> None:
        booking_ops.waiting_list(parent=self, session=self.session).success(self._show).run()

    def selected(self) -> WaitingEntry | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def book_first_free(self) -> None:
        entry = self.selected()
        if entry is None or self.busy:
            return
        self.busy = True
        self._update_buttons()
        booking_ops.first_free_for_waiting(parent=self, session=self.session, entry=entry).success(
            lambda slot: self._offer(entry, slot)).failure(self._failed).run()

    def withdraw(self) -> None:
        entry = self.selected()
        if entry is None or self.busy:
            return
        answer = QMessageBox.question(
            self, QCoreApplication.translate("Booking", "Waiting list"),
            QCoreApplication.translate("Booking", "Take {client} off the waiting list for {service}?").format(
                client=entry.client_name, service=entry.service_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.busy = True
        booking_ops.withdraw_from_waiting_list(parent=self, session=self.session, entry_id=entry.id,
                                               version=entry.version).success(
            lambda _r: self._say(QCoreApplication.translate("Booking", "Taken off the waiting list."))
        ).failure(self._failed).run()

    # --- Internals -------------------------------------------------------------------------------

    def _offer(self, entry: WaitingEntry, slot: Slot | None) -> None:
        self.busy = False
        self._update_buttons()
        if slot is None:
            self._say(QCoreApplication.translate(
                "Booking", "No free time for {service} in the next three months.").format(service=entry.service_name),
                error=True)
            return
        question = QCoreApplication.translate("Booking", "The first free time is {when}.").format(
            when=slot_text(slot, self.catalogue))
        if entry.wanted_to is not None and slot.starts_at.date() > entry.wanted_to:
            question += "\n" + QCoreApplication.translate(
                "Booking", "That is later than the client wanted (until {day}).").format(
                day=entry.wanted_to.strftime("%d.%m.%Y"))
        question += "\n" + QCoreApplication.translate("Booking", "Book it for {client}?").format(
            client=entry.client_name)
        answer = QMessageBox.question(self, QCoreApplication.translate("Booking", "Waiting list"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.busy = True
        booking_ops.book_from_waiting_list(parent=self, session=self.session, entry_id=entry.id,
                                           version=entry.version, slot=slot).success(
            lambda made: self._say(QCoreApplication.translate("Booking", "Booked: {what} for {client}.").format(
                what=booking_text(made), client=made.client_name))).failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self._update_buttons()
        if isinstance(exc, SlotTaken):
            self._say(QCoreApplication.translate(
                "Booking", "That time has just been taken. Press Book again for the next free time."), error=True)
        elif isinstance(exc, DomainError):
            self._say(error_text(exc), error=True)
        else:
            show_error(self, exc)
        self.refresh()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.busy = False
        self.message_label.setObjectName("errorLabel" if error else "notice")
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setText(text)
        self.message_label.show()
        self._update_buttons()

    def _show(self, entries: tuple[WaitingEntry, ...]) -> None:
        current = self.selected()
        self.model.set_rows(entries)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.resizeSection(2, min(header.sectionSize(2), 260))
        if entries:
            row = self.model.row_for_id(current.id) if current is not None else None
            self.view.setCurrentIndex(self.model.index(row or 0, 0))
        self.count_label.setText(QCoreApplication.translate("Booking", "Waiting: {count}").format(count=len(entries)))
        self.loaded = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.book_button.setEnabled(has and not self.busy)
        self.withdraw_button.setEnabled(has and not self.busy)

    def _on_changes(self, changes: frozenset[str]) -> None:
        if booking_ops.WAITING_CHANGES in changes:
            self.refresh()

