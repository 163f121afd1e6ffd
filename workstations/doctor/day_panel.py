"""The day's list (the shift task) of the logged-in medical worker, or of an office: time, patient,
services, payment and status of every visit, walk-ins marked. Enter or a double click opens the patient;
F5 reloads (and so does a minute passing); Alt+Left / Alt+Right go to the previous / next day; F6 / F7
mark the patient arrived / not come.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, translate_domain_text
from medcenter_desktop.table_model import ALIGN_CENTER, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import booking
from shared.services.shift_tasks import TaskEntry
from workstations.doctor import ops, texts

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "DoctorDay"
REFRESH_MS = 60_000


def _time(entry: TaskEntry) -> str:
    mark = " \u2022" if entry.walk_in else ""
    return entry.local_start.strftime("%H:%M") + mark


def _patient(entry: TaskEntry) -> str:
    return entry.patient_name


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DoctorDay", "Time"), _time, ALIGN_CENTER, CTX),
    Column(QT_TRANSLATE_NOOP("DoctorDay", "Patient"), _patient, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorDay", "Services"), texts.entry_services, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorDay", "Payment"), texts.entry_payment, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorDay", "Status"), lambda e: texts.booking_status(e.booking_status), context=CTX),
)
PAYMENT_COLUMN, STATUS_COLUMN = 3, 4

_UNPAID_BG, _UNPAID_FG = QColor("#fde2e2"), QColor("#a61b1b")
_DONE_FG = QColor("#7b8a95")
_STATUS_COLOURS = {"arrived": QColor("#e3f1e6"), "in_progress": QColor("#fff1cc"), "no_show": QColor("#eceff1")}


#: Payment states that stop the service from being performed: highlighted the same way.
_BLOCKING = ("unpaid", "approval_needed")


class DayModel(DtoTableModel[TaskEntry]):
    """The visits of the day; unpaid visits, statuses and walk-ins stand out."""

    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, id_attr="booking_id", parent=parent)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        entry = self.row_at(index) if index.isValid() else None
        if entry is not None:
            column = index.column()
            if role == Qt.ItemDataRole.BackgroundRole:
                if column == PAYMENT_COLUMN and entry.payment in _BLOCKING:
                    return QBrush(_UNPAID_BG)
                if column == STATUS_COLUMN and entry.booking_status in _STATUS_COLOURS:
                    return QBrush(_STATUS_COLOURS[entry.booking_status])
            if role == Qt.ItemDataRole.ForegroundRole:
                if column == PAYMENT_COLUMN and entry.payment in _BLOCKING:
                    return QBrush(_UNPAID_FG)
                if entry.booking_status in ("done", "no_show", "cancelled"):
                    return QBrush(_DONE_FG)
            if role == Qt.ItemDataRole.FontRole and column == PAYMENT_COLUMN and entry.payment in _BLOCKING:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole and column == 0 and entry.walk_in:
                return QCoreApplication.translate("DoctorDay", "Walk-in: came without an appointment")
            if role == Qt.ItemDataRole.ToolTipRole and column == 1 and entry.birth_date is not None:
                return f"{entry.patient_name}, {texts.age_text(entry.birth_date)}"
        return super().data(index, role)


class DayPanel(QWidget):
    """The day's list; ``open_requested(entry)`` when the doctor opens a visit."""

    open_requested = Signal(object)
    loaded = Signal()

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.staff_member_id: int | None = None
        self.loading = False
        self._generation = 0

        self.title_label = QLabel(self)
        self.title_label.setObjectName("sectionTitle")
        self.prev_button = QToolButton(self)
        self.prev_button.setText("\u2039")
        self.prev_button.clicked.connect(lambda: self.shift_day(-1))
        self.next_button = QToolButton(self)
        self.next_button.setText("\u203a")
        self.next_button.clicked.connect(lambda: self.shift_day(1))
        today = dt.date.today()
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd dd.MM.yyyy")
        self.date_edit.dateChanged.connect(lambda _d: self.reload())
        self.today_button = QPushButton(self)
        self.today_button.clicked.connect(self.go_today)
        self.find_button = QPushButton(self)
        # Whose day: the user's own schedule, or an office's (nurses and laboratories work by room).
        self.whose_combo = QComboBox(self)
        self.whose_combo.addItem("", None)
        self.whose_combo.setMinimumContentsLength(12)
        self.whose_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.whose_combo.activated.connect(lambda _i: self.reload())
        head = QHBoxLayout()
        head.setSpacing(4)
        head.addWidget(self.prev_button)
        head.addWidget(self.date_edit, 1)
        head.addWidget(self.next_button)
        head.addWidget(self.today_button)
        head.addWidget(self.whose_combo)

        self.model = DayModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(30)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header.setHighlightSections(False)
        self.view.doubleClicked.connect(self._activated)
        self.view.installEventFilter(self)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("notice")
        self.message_label.hide()
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("mutedLabel")
        self.summary_label.setWordWrap(True)
        self.arrived_button = QPushButton(self)
        self.arrived_button.clicked.connect(lambda: self.mark("arrived"))
        self.no_show_button = QPushButton(self)
        self.no_show_button.clicked.connect(lambda: self.mark("no_show"))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.find_button)
        layout.addLayout(top)
        layout.addLayout(head)
        layout.addWidget(self.message_label)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.arrived_button)
        bottom.addWidget(self.no_show_button)
        layout.addLayout(bottom)
        # Walk-ins and bookings made at the registry meanwhile appear without pressing F5.
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(lambda: self.reload() if not self.loading and self.isVisible() else None)
        self.refresh_timer.start()
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def day(self) -> dt.date:
        return self.date_edit.date().toPython()

    def set_day(self, day: dt.date) -> None:
        self.date_edit.setDate(QDate(day.year, day.month, day.day))

    def shift_day(self, days: int) -> None:
        self.set_day(self.day() + dt.timedelta(days=days))

    def go_today(self) -> None:
        self.set_day(dt.date.today())

    def set_offices(self, offices) -> None:
        for office in offices:
            self.whose_combo.addItem(self.tr("Office {number}").format(number=office.number), office.id)
            self.whose_combo.setItemData(self.whose_combo.count() - 1, office.name, Qt.ItemDataRole.ToolTipRole)

    def office_id(self) -> int | None:
        return self.whose_combo.currentData()

    def reload(self) -> None:
        if self.staff_member_id is None and self.office_id() is None:
            return
        self.loading = True
        self._generation += 1
        generation = self._generation
        ops.load_day(parent=self, session=self.session, day=self.day(), staff_member_id=self.staff_member_id,
                     office_id=self.office_id()).success(
            lambda entries: self._loaded(generation, entries)).failure(
            lambda exc: self._failed(generation, exc)).run()

    def current_entry(self) -> TaskEntry | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def entries(self) -> list[TaskEntry]:
        return self.model.rows()

    def select_booking(self, booking_id: int) -> bool:
        index = self.model.index_for_id(booking_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
        return index.isValid()

    def open_current(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.open_requested.emit(entry)

    def mark(self, status: str) -> None:
        """The current visit: the patient arrived (F6) or did not come (F7); again to undo a mistaken mark."""
        entry = self.current_entry()
        if entry is None or self.loading:
            return
        if entry.booking_status == status:
            status = "booked"
        elif status not in booking.TRANSITIONS.get(entry.booking_status, set()):
            self.show_message(translate_domain_text(booking.StatusNotAllowed.message).format(
                old=texts.booking_status(entry.booking_status), new=texts.booking_status(status)))
            return
        ops.set_visit_status(parent=self, session=self.session, booking_id=entry.booking_id,
                             version=entry.booking_version, status=status).success(
            lambda _b: self.reload()).failure(lambda exc: self.show_message(error_text(exc))).run()

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("My day"))
        self.today_button.setText(self.tr("Today"))
        self.prev_button.setToolTip(self.tr("Previous day (Alt+Left)"))
        self.next_button.setToolTip(self.tr("Next day (Alt+Right)"))
        self.find_button.setText(self.tr("Find patient (Ctrl+F)"))
        self.whose_combo.setItemText(0, self.tr("My schedule"))
        self.arrived_button.setText(self.tr("Arrived (F6)"))
        self.no_show_button.setText(self.tr("No-show (F7)"))
        self.whose_combo.setToolTip(self.tr("Whose day: your schedule or an office's"))
        self._update_summary()

    # --- Internals -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        self.view.setCurrentIndex(index)
        self.open_current()

    def _loaded(self, generation: int, entries: list[TaskEntry]) -> None:
        if generation != self._generation:
            return
        self.loading = False
        current = self.current_entry()
        self.model.set_rows(entries)
        self.show_message("")
        self._fit_columns()
        if current is not None and self.select_booking(current.booking_id):
            pass
        elif entries:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._update_summary()
        self._update_buttons()
        self.loaded.emit()

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        allowed = booking.TRANSITIONS.get(entry.booking_status, set()) if entry is not None else set()
        self.arrived_button.setEnabled(entry is not None and ("arrived" in allowed or entry.booking_status == "arrived"))
        self.no_show_button.setEnabled(entry is not None and ("no_show" in allowed or entry.booking_status == "no_show"))

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.model.set_rows([])
        self.show_message(error_text(exc))
        self._update_summary()
        self.loaded.emit()

    def _fit_columns(self) -> None:
        # The patient's name takes what is left; the others fit their text up to a sensible width
        # (a long service or payer name is elided, its whole text in the tooltip).
        for column, most in ((0, 70), (2, 140), (3, 120), (4, 100)):
            self.view.resizeColumnToContents(column)
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), most))

    def _update_summary(self) -> None:
        entries = self.model.rows()
        if not entries:
            self.summary_label.setText(self.tr("No visits on this day.") if not self.loading else "")
            return
        done = sum(1 for e in entries if e.booking_status == "done")
        unpaid = sum(1 for e in entries if e.payment == "unpaid" and e.booking_status != "done")
        walk_ins = sum(1 for e in entries if e.walk_in)
        parts = [self.tr("Visits: %n", "", len(entries)), self.tr("done: %n", "", done)]
        if unpaid:
            parts.append(self.tr("unpaid: %n", "", unpaid))
        if walk_ins:
            parts.append(self.tr("walk-ins (\u2022): %n", "", walk_ins))
        self.summary_label.setText(" \u00b7 ".join(parts))
