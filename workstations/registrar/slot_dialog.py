"""Booking an order line: the free times of the line's service in the booking page's grid, in a dialog.

It opens on the first day with free time (searching from today, F4 looks again from the day chosen),
the first free time selected: Enter (or a double click) books it for the order's client. The grid,
its colours and its keyboard are the booking page's (`SlotGridModel`, `SlotGridView`); the searches
are `booking_ops.find_free` and `booking_ops.first_free`. A time someone took meanwhile is answered
with the nearest free times, a button each; a refused booking says why and the dialog stays open.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from shared.errors import DomainError
from shared.services.booking import BookingRefused, SlotTaken
from workstations.registrar import booking_ops, order_ops
from workstations.registrar.booking_page import MAX_DAYS, SlotGridModel, SlotGridView
from workstations.registrar.booking_texts import day_text, slot_text

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from shared.services.booking import Slot
    from shared.services.orders import OrderLineInfo
    from workstations.registrar.booking_ops import Catalogue, SlotSearch

_NOTICE_STYLE = ("QLabel { background: #e7f5ec; border: 1px solid #b9dfc6; border-radius: 6px; padding: 7px 10px; "
                 "color: #14432a; }")
_ERROR_STYLE = ("QLabel { background: #fdecec; border: 1px solid #f3c2c2; border-radius: 6px; padding: 7px 10px; "
                "color: #a61b1b; }")


class SlotChooserDialog(QDialog):
    """Free times of one order line's service; Enter books the chosen one into the line."""

    def __init__(self, session: AppSession, catalogue: Catalogue, order_id: int, line: OrderLineInfo,
                 patient_id: int | None, client_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.catalogue = catalogue
        self.order_id = order_id
        self.line = line
        self.patient_id = patient_id
        self.search: SlotSearch | None = None
        self.searching = False
        self.busy = False
        #: What the booking made (set when the dialog accepts).
        self.result_booked: order_ops.LineBooked | None = None
        self.alternative_buttons: list[QPushButton] = []
        self._generation = 0
        self._pending_select: tuple[int, dt.datetime] | None = None

        self.setWindowTitle(self.tr("Book: {service}").format(service=line.service_name))
        self.title_label = QLabel(self.tr("{service} for {client}").format(
            service=line.service_name, client=client_name), self)
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setWordWrap(True)

        self.doctor_combo = QComboBox(self)
        self.doctor_combo.addItem(self.tr("Any doctor"), None)
        for resource in catalogue.doctors(line.service_id):
            self.doctor_combo.addItem(resource.name, resource.id)
            self.doctor_combo.setItemData(self.doctor_combo.count() - 1, resource.position,
                                          Qt.ItemDataRole.ToolTipRole)
        today = dt.date.today()
        self.day_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd.MM.yyyy")
        self.days_combo = QComboBox(self)
        for number in range(1, MAX_DAYS + 1):
            self.days_combo.addItem(str(number), number)
        self.days_combo.setCurrentIndex(2)
        self.find_button = QPushButton(self.tr("Find (Enter)"), self)
        self.find_button.clicked.connect(self.find)
        self.first_free_button = QPushButton(self.tr("First free (F4)"), self)
        self.first_free_button.clicked.connect(self.find_first_free)
        filters = QHBoxLayout()
        for text, widget in ((self.tr("&Doctor"), self.doctor_combo), (self.tr("Fro&m"), self.day_edit),
                             (self.tr("Da&ys"), self.days_combo)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
            filters.addSpacing(6)
        filters.addStretch(1)
        filters.addWidget(self.find_button)
        filters.addWidget(self.first_free_button)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.alternatives_box = QWidget(self)
        self.alternatives_layout = QGridLayout(self.alternatives_box)
        self.alternatives_layout.setContentsMargins(0, 0, 0, 0)
        self.alternatives_box.hide()

        self.day_tabs = QTabBar(self)
        self.day_tabs.setExpanding(False)
        self.day_tabs.setDrawBase(False)
        self.day_tabs.currentChanged.connect(self._day_changed)
        self.model = SlotGridModel(self)
        self.model.patient_id = patient_id  # the client's own bookings stand out (blue)
        self.view = SlotGridView(self)
        self.view.setModel(self.model)
        self.view.setDragEnabled(False)  # nothing is moved from here
        self.view.setAcceptDrops(False)
        self.view.viewport().setAcceptDrops(False)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_selection())
        self.view.installEventFilter(self)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("notice")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.selection_label = QLabel(self)
        self.selection_label.setObjectName("mutedLabel")
        self.book_button = QPushButton(self.tr("Book (Enter)"), self)
        self.book_button.setObjectName("primaryButton")
        self.book_button.setAutoDefault(False)
        self.book_button.clicked.connect(self.book_selected)
        cancel = QPushButton(self.tr("Cancel (Esc)"), self)
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self.selection_label, 1)
        footer.addWidget(self.book_button)
        footer.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(filters)
        layout.addWidget(self.message_label)
        layout.addWidget(self.alternatives_box)
        layout.addWidget(self.day_tabs)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)
        for widget in (self.doctor_combo, self.day_edit, self.days_combo):
            widget.installEventFilter(self)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self).activated.connect(self.find_first_free)
        self.resize(980, 620)
        self._update_buttons()
        self.find_first_free()

    # --- Public API ------------------------------------------------------------------------------

    def find(self) -> None:
        """The free times on the days chosen."""
        self._run_find(self.day_edit.date().toPython(), self.days_combo.currentData() or 1)

    def find_first_free(self) -> None:
        """Jumps to the earliest free time from the day chosen (F4)."""
        self.searching = True
        self._generation += 1
        generation = self._generation
        booking_ops.first_free(parent=self, session=self.session, service_id=self.line.service_id,
                               first_day=self.day_edit.date().toPython(), resource_id=self.doctor_combo.currentData(),
                               patient_id=self.patient_id).success(
            lambda slot: self._first_free_found(generation, slot)).failure(
            lambda exc: self._search_failed(generation, exc)).run()

    def selected_slot(self) -> Slot | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.model.slot_at(index)

    def book_selected(self) -> None:
        slot = self.selected_slot()
        if slot is None:
            self._show_message(self.tr("Choose a free time in the grid first."), error=True)
            return
        self.book_slot(slot)

    def book_slot(self, slot: Slot) -> None:
        if self.busy:
            return
        self.busy = True
        self._update_buttons()
        order_ops.book_line(parent=self, session=self.session, order_id=self.order_id, line_id=self.line.id,
                            version=self.line.version, slot=slot).success(self._booked).failure(self._failed).run()

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    # --- Keyboard --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in (
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.view:
                self.book_selected()
            else:
                self.find()
            return True
        return super().eventFilter(watched, event)

    # --- Internals -------------------------------------------------------------------------------

    def _run_find(self, first_day: dt.date, days: int) -> None:
        resource_id = self.doctor_combo.currentData()
        resource_ids = [resource_id] if resource_id is not None else \
            [r.id for r in self.catalogue.doctors(self.line.service_id)]
        self.searching = True
        self._generation += 1
        generation = self._generation
        booking_ops.find_free(parent=self, session=self.session, service_id=self.line.service_id,
                              first_day=first_day, days=days, resource_ids=resource_ids, resource_id=resource_id,
                              patient_id=self.patient_id).success(
            lambda found: self._found(generation, found)).failure(
            lambda exc: self._search_failed(generation, exc)).run()

    def _first_free_found(self, generation: int, slot: Slot | None) -> None:
        if generation != self._generation:
            return
        self.searching = False
        if slot is None:
            self._show_message(self.tr("No free time for this service in the next three months."), error=True)
            return
        day = slot.starts_at.date()
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self._pending_select = (slot.resource_id, slot.starts_at)
        self.find()

    def _found(self, generation: int, search: SlotSearch) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self.search = search
        days = search.day_list()
        target = self._pending_select[1].date() if self._pending_select else \
            next((d for d in days if search.slots_on(d)), days[0])
        self.day_tabs.blockSignals(True)
        while self.day_tabs.count():
            self.day_tabs.removeTab(0)
        for day in days:
            self.day_tabs.addTab(self.tr("{day} · {free} free").format(day=day_text(day),
                                                                       free=len(search.slots_on(day))))
        self.day_tabs.setCurrentIndex(days.index(target) if target in days else 0)
        self.day_tabs.blockSignals(False)
        self.day_tabs.setVisible(len(days) > 1)
        self._show_day(days[self.day_tabs.currentIndex()])
        index = QModelIndex()
        if self._pending_select is not None:
            index = self.model.index_of_slot(*self._pending_select)
            self._pending_select = None
        if not index.isValid():
            free = self.model.free_indexes()
            index = free[0] if free else QModelIndex()
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.empty_label.setText(self.tr("No free time on these days. Press F4 for the first free time."))
        self.empty_label.setVisible(not search.slots)
        self._update_selection()

    def _search_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self._pending_select = None
        if isinstance(exc, DomainError):
            self._show_message(error_text(exc), error=True)
        else:
            show_error(self, exc)

    def _show_day(self, day: dt.date | None) -> None:
        self.model.set_day(day, self.search, self.catalogue)
        self.view.fit_columns()
        self._update_selection()

    def _day_changed(self, number: int) -> None:
        if self.search is None or not 0 <= number < self.search.days:
            return
        self._show_day(self.search.day_list()[number])
        free = self.model.free_indexes()
        if free:
            self.view.setCurrentIndex(free[0])

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.model.slot_at(index) is not None:
            self.view.setCurrentIndex(index)
            self.book_selected()

    def _booked(self, booked: order_ops.LineBooked) -> None:
        self.busy = False
        self.result_booked = booked
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self._update_buttons()
        if isinstance(exc, SlotTaken):
            self._show_alternatives(exc)
            self.find()
        elif isinstance(exc, (BookingRefused, DomainError)):
            self._show_message(error_text(exc), error=True)
        else:
            show_error(self, exc)

    def _show_alternatives(self, exc: SlotTaken) -> None:
        self._show_message(error_text(exc) if exc.alternatives else self.tr(
            "This time has just been taken by someone else, and there is no free time near it."), error=True)
        for button in self.alternative_buttons:
            button.deleteLater()
        self.alternative_buttons = []
        for number, slot in enumerate(exc.alternatives):
            button = QPushButton(slot_text(slot, self.catalogue, short=True), self.alternatives_box)
            button.setAutoDefault(True)
            button.clicked.connect(lambda _checked=False, s=slot: self.book_slot(s))
            self.alternatives_layout.addWidget(button, number // 3, number % 3)
            self.alternative_buttons.append(button)
        self.alternatives_box.setVisible(bool(self.alternative_buttons))

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(_ERROR_STYLE if error else _NOTICE_STYLE)
        self.message_label.setText(text)
        self.message_label.show()
        if not error:
            self.alternatives_box.hide()

    def _update_selection(self) -> None:
        slot = self.selected_slot()
        if slot is not None:
            self.selection_label.setText(slot_text(slot, self.catalogue))
        else:
            self.selection_label.setText(self.tr("Choose a free time: arrows or a click, then Enter.")
                                         if self.model.free_count() else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.book_button.setEnabled(not self.busy and self.selected_slot() is not None)
        for button in self.alternative_buttons:
            button.setEnabled(not self.busy)
