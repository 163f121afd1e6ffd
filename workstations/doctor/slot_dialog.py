"""Choosing a free time and booking it: the repeat visit (the same service with the same doctor) or an
appointment of the visit (its service with any doctor who provides it). It opens on the first free time
from the day chosen (F4 looks again), Enter or a double click books the chosen time for the patient. A
time taken meanwhile is answered with the nearest free ones in the list; a refusal is said in the
dialog, which stays open. What is searched and how it is booked is the `SlotSource`'s business.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.table_model import ALIGN_CENTER, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services.booking import Slot, SlotTaken
from workstations.doctor import order_ops

if TYPE_CHECKING:
    from medcenter_desktop.operations import BackgroundOp

CTX = "DoctorRepeat"
_WEEKDAYS = (QT_TRANSLATE_NOOP("DoctorRepeat", "Mon"), QT_TRANSLATE_NOOP("DoctorRepeat", "Tue"),
             QT_TRANSLATE_NOOP("DoctorRepeat", "Wed"), QT_TRANSLATE_NOOP("DoctorRepeat", "Thu"),
             QT_TRANSLATE_NOOP("DoctorRepeat", "Fri"), QT_TRANSLATE_NOOP("DoctorRepeat", "Sat"),
             QT_TRANSLATE_NOOP("DoctorRepeat", "Sun"))


def _local(slot: Slot) -> dt.datetime:
    return slot.starts_at.astimezone()


def _day(slot: Slot) -> str:
    moment = _local(slot)
    return f"{moment:%d.%m.%Y}, {QCoreApplication.translate(CTX, _WEEKDAYS[moment.weekday()])}"


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DoctorRepeat", "Day"), _day, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorRepeat", "Time"), lambda s: f"{_local(s):%H:%M}", ALIGN_CENTER, CTX),
    Column(QT_TRANSLATE_NOOP("DoctorRepeat", "Until"), lambda s: f"{s.ends_at.astimezone():%H:%M}", ALIGN_CENTER,
           CTX),
)
DAY_CHOICES = (1, 3, 7, 14)


class SlotSource(Protocol):
    """Where the free times come from and how the chosen one is booked."""

    title: str  # the window's title, translated
    heading: str  # what is booked for whom, translated
    with_doctor: bool  # several doctors: a column says whose time it is

    def find(self, parent: QWidget, first_day: dt.date, days: int) -> BackgroundOp[order_ops.FreeTimes]: ...

    def first(self, parent: QWidget, first_day: dt.date) -> BackgroundOp[order_ops.FreeTimes]: ...

    def book(self, parent: QWidget, slot: Slot) -> BackgroundOp[object] | str:
        """The booking, or the translated reason it cannot start now."""


class SlotDialog(QDialog):
    """Free times of a service; Enter books the chosen one (``booked`` holds what the source returned)."""

    def __init__(self, source: SlotSource, first_day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.searching = False
        self.busy = False
        #: What the booking returned (set when the dialog accepts).
        self.booked: object | None = None
        self.names: dict[int, str] = {}
        self._generation = 0
        self._select: dt.datetime | None = None
        self.setWindowTitle(source.title)
        self.title_label = QLabel(source.heading, self)
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setWordWrap(True)
        self.day_edit = QDateEdit(QDate(first_day.year, first_day.month, first_day.day), self)
        today = dt.date.today()
        self.day_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd.MM.yyyy")
        self.days_combo = QComboBox(self)
        for days in DAY_CHOICES:
            self.days_combo.addItem(self.tr("%n day(s)", "", days), days)
        self.days_combo.setCurrentIndex(DAY_CHOICES.index(7))
        self.find_button = QPushButton(self.tr("Find"), self)
        self.find_button.clicked.connect(self.find)
        self.first_free_button = QPushButton(self.tr("First free (F4)"), self)
        self.first_free_button.clicked.connect(self.find_first_free)
        filters = QHBoxLayout()
        label = QLabel(self.tr("&From"), self)
        label.setBuddy(self.day_edit)
        filters.addWidget(label)
        filters.addWidget(self.day_edit)
        filters.addWidget(self.days_combo)
        filters.addStretch(1)
        filters.addWidget(self.find_button)
        filters.addWidget(self.first_free_button)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("errorLabel")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        columns = (*COLUMNS, Column(QT_TRANSLATE_NOOP("DoctorRepeat", "Doctor"),
                                    lambda s: self.names.get(s.resource_id, ""), context=CTX)) \
            if source.with_doctor else COLUMNS
        self.model: DtoTableModel[Slot] = DtoTableModel(columns, id_attr="starts_at", parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.horizontalHeader().setSectionResizeMode(
            3 if source.with_doctor else 0, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.book_selected())
        self.view.installEventFilter(self)
        self.day_edit.installEventFilter(self)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("mutedLabel")
        self.empty_label.setWordWrap(True)
        self.book_button = QPushButton(self.tr("Book (Enter)"), self)
        self.book_button.setObjectName("primaryButton")
        self.book_button.setAutoDefault(False)
        self.book_button.clicked.connect(self.book_selected)
        cancel = QPushButton(self.tr("Cancel (Esc)"), self)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self.empty_label, 1)
        footer.addWidget(self.book_button)
        footer.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(filters)
        layout.addWidget(self.message_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self).activated.connect(self.find_first_free)
        self.resize(720 if source.with_doctor else 560, 520)
        self.find_first_free()

    # --- Public API ------------------------------------------------------------------------------

    def find(self) -> None:
        self._find(self.day_edit.date().toPython())

    def find_first_free(self) -> None:
        self.searching = True
        self._generation += 1
        generation = self._generation
        self.source.first(self, self.day_edit.date().toPython()).success(
            lambda found: self._first_found(generation, found)).failure(
            lambda exc: self._search_failed(generation, exc)).run()

    def selected_slot(self) -> Slot | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def book_selected(self) -> None:
        slot = self.selected_slot()
        if slot is None or self.busy:
            return
        op = self.source.book(self, slot)
        if isinstance(op, str):
            self.message_label.setText(op)
            self.message_label.show()
            return
        self.busy = True
        self.book_button.setEnabled(False)
        op.success(self._booked).failure(self._failed).run()

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    # --- Internals -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.book_selected() if watched is self.view else self.find()
            return True
        return super().eventFilter(watched, event)

    def _find(self, first_day: dt.date) -> None:
        self.searching = True
        self._generation += 1
        generation = self._generation
        self.source.find(self, first_day, self.days_combo.currentData() or 7).success(
            lambda found: self._found(generation, found)).failure(
            lambda exc: self._search_failed(generation, exc)).run()

    def _first_found(self, generation: int, found: order_ops.FreeTimes) -> None:
        if generation != self._generation:
            return
        slot = found.slots[0] if found.slots else None
        if slot is None:
            self.searching = False
            self.model.set_rows([])
            self.empty_label.setText(self.tr("No free time for this service in the next three months."))
            return
        day = slot.starts_at.astimezone().date()
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self._select = slot.starts_at
        self._find(day)

    def _found(self, generation: int, found: order_ops.FreeTimes) -> None:
        if generation != self._generation:
            return
        self.searching = False
        slots = list(found.slots)
        self.names.update(found.names)
        self.model.set_rows(slots)
        self.view.resizeColumnToContents(1)
        self.view.resizeColumnToContents(2)
        index = self.model.index_for_id(self._select) if self._select is not None else self.model.index(0, 0)
        self._select = None
        if not index.isValid():
            index = self.model.index(0, 0)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.empty_label.setText(self.tr("Free times: %n", "", len(slots)) if slots else
                                 self.tr("No free time on these days. Press F4 for the first free time."))
        self.book_button.setEnabled(bool(slots) and not self.busy)

    def _search_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self._failed(exc)

    def _booked(self, booked: object) -> None:
        self.busy = False
        self.booked = booked
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.book_button.setEnabled(self.model.rowCount() > 0)
        if isinstance(exc, SlotTaken):
            self.message_label.setText(error_text(exc))
            self.message_label.show()
            self.model.set_rows(list(exc.alternatives))
            if exc.alternatives:
                self.view.setCurrentIndex(self.model.index(0, 0))
        elif isinstance(exc, DomainError):
            self.message_label.setText(error_text(exc))
            self.message_label.show()
        else:
            show_error(self, exc)
