"""Booking an appointment: the service, optionally a specialty or a doctor, the days; then a grid of
free times to pick from.

The grid has a column per doctor (name and office) and a row per time; each day searched is a tab
("Mon 30.11 · 14 free"). Free cells show the time: a click (or the arrows) selects one and Book
(Enter) books it, a double-click books at once. The day's existing bookings of those doctors are grey
with the client's name; the current client's own ones are blue and can be dragged onto a free time to
move them (after a confirmation). F4 finds the first free time across the doctors.

A time someone else took meanwhile is answered with the nearest free times, each a button that books
it with one click; a refused booking says why. After booking, Print slip (Ctrl+P) shows the slip.
Without a client (opened from the search) the page asks for a name and a phone instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.operations import operation_bus
from shared.errors import DomainError
from shared.models.scheduling import CHANNELS
from shared.services.booking import BookingInfo, BookingRefused, Slot, SlotTaken
from workstations.registrar import booking_ops
from workstations.registrar.booking_texts import (
    booking_text,
    channel_text,
    day_text,
    office_text,
    short_name,
    slot_text,
    status_text,
)
from workstations.registrar.patient_form import format_phone

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from workstations.registrar.booking_ops import Catalogue, SlotSearch

CTX = "Booking"
BOOKING_MIME = "application/x-medcenter-booking"

MAX_DAYS = 7
ALTERNATIVES_PER_ROW = 3

FREE = "free"
BOOKED = "booked"
BUSY = "busy"  # later rows of a booking that lasts longer than one row

_COLORS = {
    FREE: (QColor("#e7f5ec"), QColor("#145a32")),
    BOOKED: (QColor("#e3e6e8"), QColor("#5f6b73")),
    BUSY: (QColor("#eceff1"), QColor("#5f6b73")),
    "own": (QColor("#d4e6fb"), QColor("#0d3c78")),
    "moving": (QColor("#ffe2b8"), QColor("#6d3b00")),
}

_ModelIndex = QModelIndex | QPersistentModelIndex
_ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End,
           Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

_NOTICE_STYLE = ("QLabel { background: #e7f5ec; border: 1px solid #b9dfc6; border-radius: 6px; padding: 7px 10px; "
                 "color: #14432a; }")
_ERROR_STYLE = ("QLabel { background: #fdecec; border: 1px solid #f3c2c2; border-radius: 6px; padding: 7px 10px; "
                "color: #a61b1b; }")


@dataclass(frozen=True)
class GridCell:
    kind: str  # FREE, BOOKED or BUSY
    slot: Slot | None = None
    booking: BookingInfo | None = None


@dataclass(frozen=True)
class GridColumn:
    resource_id: int
    name: str
    position: str
    office: str


class SlotGridModel(QAbstractTableModel):
    """One day: a column per resource, a row per time at which something starts."""

    #: A booking (of the current client) was dropped on a free slot: (BookingInfo, Slot).
    reschedule_requested = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.day: dt.date | None = None
        self.columns: list[GridColumn] = []
        self.times: list[dt.datetime] = []
        self._cells: dict[tuple[int, int], GridCell] = {}
        self._bookings: dict[int, BookingInfo] = {}
        #: Whose bookings may be dragged (the client on the page), and the booking being moved.
        self.patient_id: int | None = None
        self.moving_id: int | None = None

    # --- Public API ------------------------------------------------------------------------------

    def set_day(self, day: dt.date | None, search: SlotSearch | None, catalogue: Catalogue | None) -> None:
        self.beginResetModel()
        try:
            self.day = day
            self.columns, self.times, self._cells = [], [], {}
            self._bookings = {b.id: b for b in search.bookings} if search else {}
            if day is not None and search is not None and catalogue is not None:
                self._build(day, search, catalogue)
        finally:
            self.endResetModel()

    def cell(self, index: _ModelIndex | tuple[int, int]) -> GridCell | None:
        key = (index.row(), index.column()) if not isinstance(index, tuple) else index
        return self._cells.get(key)

    def slot_at(self, index: _ModelIndex) -> Slot | None:
        cell = self.cell(index)
        return cell.slot if cell is not None and cell.kind == FREE else None

    def index_of_slot(self, resource_id: int, starts_at: dt.datetime) -> QModelIndex:
        for (row, column), cell in self._cells.items():
            if cell.kind == FREE and cell.slot.resource_id == resource_id and cell.slot.starts_at == starts_at:
                return self.index(row, column)
        return QModelIndex()

    def index_of_booking(self, booking_id: int) -> QModelIndex:
        found = [(r, c) for (r, c), cell in self._cells.items()
                 if cell.kind == BOOKED and cell.booking.id == booking_id]
        return self.index(*min(found)) if found else QModelIndex()

    def free_indexes(self) -> list[QModelIndex]:
        """Free cells by time, then column."""
        return [self.index(r, c) for (r, c), cell in sorted(self._cells.items()) if cell.kind == FREE]

    def free_count(self) -> int:
        return sum(1 for cell in self._cells.values() if cell.kind == FREE)

    def draggable(self, booking: BookingInfo) -> bool:
        if booking.status not in ("booked", "confirmed"):
            return False
        return booking.id == self.moving_id or (self.patient_id is not None and booking.patient_id == self.patient_id)

    # --- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.times)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{column.name}\n{office_text(column.office)}" if column.office else column.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(p for p in (column.name, column.position, office_text(column.office)) if p)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.times):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.times[section].strftime("%H:%M")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        cell = self.cell(index) if index.isValid() else None
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if cell.kind == FREE:
                return cell.slot.starts_at.strftime("%H:%M")
            if cell.kind == BOOKED:
                return short_name(cell.booking.client_name)
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if cell.kind == FREE:
                return QCoreApplication.translate("Booking", "Free: {time}–{end}. Enter or double-click books it.").format(
                    time=cell.slot.starts_at.strftime("%H:%M"), end=cell.slot.ends_at.strftime("%H:%M"))
            b = cell.booking
            lines = [f"{b.starts_at:%H:%M}–{b.ends_at:%H:%M} {b.client_name}", format_phone(b.phone), b.service_name,
                     status_text(b.status)]
            if self.draggable(b):
                lines.append(QCoreApplication.translate("Booking", "Drag onto a free time to move it."))
            return "\n".join(p for p in lines if p)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            key = cell.kind
            if cell.booking is not None and cell.booking.id == self.moving_id:
                key = "moving"
            elif self._is_own(cell):
                key = "own"
            background, foreground = _COLORS[key]
            return QBrush(background if role == Qt.ItemDataRole.BackgroundRole else foreground)
        if role == Qt.ItemDataRole.FontRole and cell.kind == BOOKED and self._is_own(cell):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter if cell.kind == FREE else
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        cell = self.cell(index) if index.isValid() else None
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        if cell.kind == FREE:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        if self.draggable(cell.booking):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        return Qt.ItemFlag.NoItemFlags  # someone else's time: shown, not picked (the arrows skip it)

    # --- Drag and drop ---------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [BOOKING_MIME]

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeData(self, indexes) -> QMimeData | None:  # noqa: N802
        for index in indexes:
            cell = self.cell(index)
            if cell is not None and cell.booking is not None and self.draggable(cell.booking):
                data = QMimeData()
                data.setData(BOOKING_MIME, str(cell.booking.id).encode())
                return data
        return None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: _ModelIndex) -> bool:
        return self._drop_target(data, row, column, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: _ModelIndex) -> bool:
        target = self._drop_target(data, row, column, parent)
        if target is None:
            return False
        booking, slot = target
        # The move waits for a confirmation; the grid changes when the database says it moved.
        self.reschedule_requested.emit(booking, slot)
        return False

    # --- Internals -------------------------------------------------------------------------------

    def _is_own(self, cell: GridCell) -> bool:
        """A booking of the client on the page, or the one being moved."""
        return cell.booking is not None and (
            cell.booking.id == self.moving_id
            or (self.patient_id is not None and cell.booking.patient_id == self.patient_id))

    def _drop_target(self, data: QMimeData, row: int, column: int,
                     parent: _ModelIndex) -> tuple[BookingInfo, Slot] | None:
        if data is None or not data.hasFormat(BOOKING_MIME):
            return None
        index = parent if parent.isValid() else self.index(row, column)
        slot = self.slot_at(index) if index.isValid() else None
        try:
            booking = self._bookings.get(int(bytes(data.data(BOOKING_MIME)).decode()))
        except ValueError:
            return None
        if slot is None or booking is None or not self.draggable(booking):
            return None
        return booking, slot

    def _build(self, day: dt.date, search: SlotSearch, catalogue: Catalogue) -> None:
        slots = search.slots_on(day)
        bookings = search.bookings_on(day)
        used = {s.resource_id for s in slots} | {b.resource_id for b in bookings}
        order = [r for r in search.resource_ids if r in used]
        order += sorted(used - set(order))
        for resource_id in order:
            resource = catalogue.resource(resource_id)
            office = next((catalogue.offices.get(s.office_id, "") for s in slots
                           if s.resource_id == resource_id and s.office_id), "")
            office = office or next((b.office for b in bookings if b.resource_id == resource_id and b.office), "")
            name = resource.name if resource else next(
                (b.resource_name for b in bookings if b.resource_id == resource_id), str(resource_id))
            self.columns.append(GridColumn(resource_id, name, resource.position if resource else "", office))
        column_of = {c.resource_id: n for n, c in enumerate(self.columns)}
        self.times = sorted({s.starts_at for s in slots} | {b.starts_at for b in bookings})
        row_of = {t: n for n, t in enumerate(self.times)}
        for slot in slots:
            self._cells[(row_of[slot.starts_at], column_of[slot.resource_id])] = GridCell(FREE, slot=slot)
        for item in bookings:
            column = column_of[item.resource_id]
            self._cells[(row_of[item.starts_at], column)] = GridCell(BOOKED, booking=item)
            for row in range(row_of[item.starts_at] + 1, len(self.times)):
                if self.times[row] >= item.ends_at:
                    break
                self._cells.setdefault((row, column), GridCell(BUSY, booking=item))


class SlotGridView(QTableView):
    """The grid: single free cells selectable, the client's own bookings draggable onto free cells."""

    MIN_COLUMN = 130
    MAX_COLUMN = 230

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The chosen time must stand out from the green of the free ones.
        self.setStyleSheet("QTableView { selection-background-color: #0e7c86; selection-color: #ffffff; }")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDragDropOverwriteMode(True)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setShowGrid(True)
        self.setCornerButtonEnabled(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(150)
        header.setMinimumSectionSize(90)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.setHighlightSections(False)

    def fit_columns(self) -> None:
        """Columns share the width (within limits), so a few doctors do not huddle on the left."""
        count = self.model().columnCount() if self.model() is not None else 0
        if not count:
            return
        width = self.viewport().width() or self.width()
        size = max(self.MIN_COLUMN, min(self.MAX_COLUMN, width // count))
        header = self.horizontalHeader()
        for column in range(count):
            header.resizeSection(column, size)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_columns()


class BookingPage(QWidget):
    """Booking for one client (or anonymous), or moving one booking to another time."""

    back_requested = Signal()
    #: A booking was made or moved here: BookingInfo.
    booked = Signal(object)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id: int | None = None
        self.client_name = ""
        self.catalogue: Catalogue | None = None
        self.search: SlotSearch | None = None
        #: The booking being moved to another time (Reschedule), or None when booking anew.
        self.moving: BookingInfo | None = None
        #: The last booking made or moved on this page (for Print slip).
        self.last_booking: BookingInfo | None = None
        self.alternatives: tuple[Slot, ...] = ()
        self.searching = False
        self.busy = False
        self._generation = 0
        self._pending_select: tuple[int, dt.datetime] | None = None
        self._pending_service: int | None = None
        self._auto_find = False
        self._select_nothing = False
        #: The waiting list dialog opened from this page (tests drive it).
        self.waiting_dialog: QWidget | None = None

        self.title_label = QLabel(self)
        self.title_label.setObjectName("sectionTitle")
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.back_requested)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(8)
        header.addWidget(self.title_label, 1)

        # Anonymous booking: who to call.
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(200)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setMaxLength(40)
        self.name_label = QLabel(self)
        self.name_label.setBuddy(self.name_edit)
        self.phone_label = QLabel(self)
        self.phone_label.setBuddy(self.phone_edit)
        self.anonymous_box = QWidget(self)
        anonymous = QHBoxLayout(self.anonymous_box)
        anonymous.setContentsMargins(0, 0, 0, 0)
        anonymous.addWidget(self.name_label)
        anonymous.addWidget(self.name_edit, 3)
        anonymous.addSpacing(8)
        anonymous.addWidget(self.phone_label)
        anonymous.addWidget(self.phone_edit, 2)
        anonymous.addStretch(1)

        # Moving a booking.
        self.moving_label = QLabel(self)
        self.moving_label.setWordWrap(True)
        self.stop_moving_button = QPushButton(self)
        self.stop_moving_button.clicked.connect(self.stop_moving)
        self.moving_box = QWidget(self)
        self.moving_box.setObjectName("notice")
        self.moving_box.setStyleSheet("#notice { background: #fff3e0; border: 1px solid #ffcc80; border-radius: 6px; }")
        moving = QHBoxLayout(self.moving_box)
        moving.setContentsMargins(10, 6, 10, 6)
        moving.addWidget(self.moving_label, 1)
        moving.addWidget(self.stop_moving_button)
        self.moving_box.hide()

        # What and when.
        self.service_combo = QComboBox(self)
        self.service_combo.setEditable(True)
        self.service_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.service_combo.setMaxVisibleItems(20)
        self.service_combo.setMinimumContentsLength(30)
        self.service_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = self.service_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.specialty_combo = QComboBox(self)
        self.doctor_combo = QComboBox(self)
        self.doctor_combo.setMinimumContentsLength(16)
        self.day_edit = QDateEdit(self)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("dd.MM.yyyy")
        self.days_combo = QComboBox(self)  # a digit or the arrow keys choose
        for number in range(1, MAX_DAYS + 1):
            self.days_combo.addItem(str(number), number)
        self.days_combo.setCurrentIndex(2)
        self.channel_combo = QComboBox(self)
        for channel in CHANNELS:
            self.channel_combo.addItem(channel_text(channel), channel)
        self.find_button = QPushButton(self)
        self.find_button.clicked.connect(self.find)
        self.first_free_button = QPushButton(self)
        self.first_free_button.clicked.connect(self.find_first_free)
        self.waiting_button = QPushButton(self)
        self.waiting_button.clicked.connect(self.add_to_waiting_list)
        self.labels: dict[str, QLabel] = {}
        filters = QGridLayout()
        filters.setHorizontalSpacing(6)
        filters.setVerticalSpacing(4)

        def label(name: str, buddy: QWidget) -> QLabel:
            widget = QLabel(self)
            widget.setBuddy(buddy)
            self.labels[name] = widget
            return widget

        filters.addWidget(label("service", self.service_combo), 0, 0)
        filters.addWidget(self.service_combo, 0, 1, 1, 3)
        filters.addWidget(label("specialty", self.specialty_combo), 0, 4)
        filters.addWidget(self.specialty_combo, 0, 5)
        filters.addWidget(label("doctor", self.doctor_combo), 0, 6)
        filters.addWidget(self.doctor_combo, 0, 7, 1, 2)
        filters.addWidget(label("day", self.day_edit), 1, 0)
        days = QHBoxLayout()
        days.addWidget(self.day_edit)
        days.addSpacing(8)
        days.addWidget(label("days", self.days_combo))
        days.addWidget(self.days_combo)
        days.addSpacing(8)
        days.addWidget(label("channel", self.channel_combo))
        days.addWidget(self.channel_combo)
        days.addStretch(1)
        filters.addLayout(days, 1, 1, 1, 3)  # under the service, which gets at least this width
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.find_button)
        buttons.addWidget(self.first_free_button)
        buttons.addWidget(self.waiting_button)
        filters.addLayout(buttons, 1, 4, 1, 5)
        filters.setColumnStretch(1, 3)
        filters.setColumnStretch(7, 1)

        # What happened.
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        self.alternatives_box = QWidget(self)
        self.alternatives_layout = QGridLayout(self.alternatives_box)
        self.alternatives_layout.setContentsMargins(0, 0, 0, 0)
        self.alternatives_layout.setHorizontalSpacing(6)
        self.alternatives_layout.setVerticalSpacing(4)
        self.alternatives_box.hide()
        self.alternative_buttons: list[QPushButton] = []

        # The grid.
        self.day_tabs = QTabBar(self)
        self.day_tabs.setExpanding(False)
        self.day_tabs.setDrawBase(False)
        self.day_tabs.setChangeCurrentOnDrag(True)  # a dragged booking can go to another day
        self.day_tabs.currentChanged.connect(self._day_changed)
        self.model = SlotGridModel(self)
        self.model.reschedule_requested.connect(self.ask_reschedule, Qt.ConnectionType.QueuedConnection)
        self.view = SlotGridView(self)
        self.view.setModel(self.model)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_selection())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_selection())
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._grid_menu)
        self.view.installEventFilter(self)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("notice")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        # Booking.
        self.selection_label = QLabel(self)
        self.selection_label.setObjectName("mutedLabel")
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(500)
        self.note_label = QLabel(self)
        self.note_label.setBuddy(self.note_edit)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_slip)
        self.book_button = QPushButton(self)
        self.book_button.setObjectName("primaryButton")
        self.book_button.clicked.connect(self.book_selected)
        footer = QHBoxLayout()
        footer.addWidget(self.selection_label, 2)
        footer.addWidget(self.note_label)
        footer.addWidget(self.note_edit, 1)
        footer.addWidget(self.print_button)
        footer.addWidget(self.book_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.anonymous_box)
        layout.addWidget(self.moving_box)
        layout.addLayout(filters)
        layout.addWidget(self.message_label)
        layout.addWidget(self.alternatives_box)
        layout.addWidget(self.day_tabs)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)

        for widget in (self.service_combo, self.specialty_combo, self.doctor_combo, self.day_edit, self.days_combo,
                       self.channel_combo, self.name_edit, self.phone_edit, self.note_edit):
            widget.installEventFilter(self)
        self.service_combo.currentIndexChanged.connect(self._service_changed)
        self.specialty_combo.currentIndexChanged.connect(self._specialty_changed)
        self._shortcut(QKeySequence(Qt.Key.Key_F4), self.find_first_free)
        self._shortcut(QKeySequence.StandardKey.Print, self.print_slip)
        self._shortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageDown), lambda: self._step_day(1))
        self._shortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_PageUp), lambda: self._step_day(-1))
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self._update_buttons()

    # --- Public API ------------------------------------------------------------------------------

    def open_for(self, patient_id: int | None, client_name: str = "", *, moving: BookingInfo | None = None,
                 service_id: int | None = None) -> None:
        """Starts booking for the client (None: anonymous), or moving ``moving`` to another time."""
        if patient_id != self.patient_id:
            self.last_booking = None
            self.name_edit.clear()
            self.phone_edit.clear()
            self.note_edit.clear()
        self.patient_id = patient_id
        self.client_name = client_name
        self.moving = moving
        self.model.patient_id = patient_id
        self.model.moving_id = moving.id if moving else None
        self._clear_message()
        self.search = None
        self._show_search()
        today = dt.date.today()
        first = moving.starts_at.date() if moving else today
        self.day_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        self.day_edit.setDate(QDate(first.year, first.month, first.day))
        self.anonymous_box.setVisible(patient_id is None and moving is None)
        self._pending_service = moving.service_id if moving else service_id
        self._auto_find = moving is not None
        self._update_moving()
        self._update_title()
        if self.catalogue is None:
            self._load_catalogue()
        else:
            self._apply_pending_service()
        self._update_buttons()
        self.service_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.service_combo.isEditable():
            self.service_combo.lineEdit().selectAll()

    def service_id(self) -> int | None:
        """The service chosen in the box (typed text must match a service of the list)."""
        index = self.service_combo.currentIndex()
        if index >= 0 and self.service_combo.itemText(index) == self.service_combo.currentText():
            return self.service_combo.itemData(index)
        found = self.service_combo.findText(self.service_combo.currentText(), Qt.MatchFlag.MatchFixedString)
        return self.service_combo.itemData(found) if found >= 0 else None

    def choose_service(self, service_id: int) -> None:
        index = self.service_combo.findData(service_id)
        if index >= 0:
            self.service_combo.setCurrentIndex(index)

    def find(self) -> None:
        """Shows the free times of the chosen service on the chosen days."""
        service_id = self.service_id()
        if service_id is None or self.catalogue is None:
            self._show_message(QCoreApplication.translate("Booking", "Choose a service from the list."), error=True)
            self.service_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._run_find(service_id, self._first_day(), self.days())

    def refresh(self) -> None:
        """Reads the grid again (F5), keeping the day and the selection."""
        if self.search is not None:
            slot = self.selected_slot()
            if slot is not None:
                self._pending_select = (slot.resource_id, slot.starts_at)
            self._run_find(self.search.service_id, self.search.first_day, self.search.days, keep_day=True,
                           keep_message=True)

    def find_first_free(self) -> None:
        """Jumps to the earliest free time of the service across the doctors (F4)."""
        service_id = self.service_id()
        if service_id is None or self.catalogue is None:
            self._show_message(QCoreApplication.translate("Booking", "Choose a service from the list."), error=True)
            return
        self.searching = True
        self._generation += 1
        generation = self._generation
        resource_id, specialty_id = self._filters()
        booking_ops.first_free(
            parent=self, session=self.session, service_id=service_id, first_day=self._first_day(),
            channel=self.channel(), resource_id=resource_id, specialty_id=specialty_id, patient_id=self._patient_for_rules()
        ).success(lambda slot: self._first_free_found(generation, service_id, slot)).failure(
            lambda exc: self._search_failed(generation, exc)).run()

    def channel(self) -> str:
        return self.channel_combo.currentData() or "registry"

    def days(self) -> int:
        """How many days the search covers (1 to 7)."""
        return self.days_combo.currentData() or 1

    def set_days(self, days: int) -> None:
        self.days_combo.setCurrentIndex(max(0, self.days_combo.findData(max(1, min(days, MAX_DAYS)))))

    def selected_slot(self) -> Slot | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return self.model.slot_at(index)

    def select_slot(self, slot: Slot) -> bool:
        """Selects the slot's cell (switching to its day); False if it is not in the grid."""
        day = slot.starts_at.date()
        if self.search is not None and day in self.search.day_list() and self.model.day != day:
            self.day_tabs.setCurrentIndex(self.search.day_list().index(day))
        index = self.model.index_of_slot(slot.resource_id, slot.starts_at)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def book_selected(self) -> None:
        """Books (or, when moving, moves to) the selected free time: the Book button and Enter."""
        slot = self.selected_slot()
        if slot is None:
            self._show_message(QCoreApplication.translate("Booking", "Choose a free time in the grid first."),
                               error=True)
            return
        if self.moving is not None:
            self.ask_reschedule(self.moving, slot)
        else:
            self.book_slot(slot)

    def book_slot(self, slot: Slot) -> None:
        if self.busy or self.search is None:
            return
        if self.patient_id is None and not (self.name_edit.text().strip() and self.phone_edit.text().strip()):
            self._show_message(QCoreApplication.translate(
                "Booking", "Without a client card, give the name and the phone of who is coming."), error=True)
            (self.name_edit if not self.name_edit.text().strip() else self.phone_edit).setFocus()
            return
        self._set_busy(True)
        booking_ops.book(parent=self, session=self.session, service_id=self.search.service_id, slot=slot,
                         channel=self.channel(), patient_id=self.patient_id,
                         contact_name=self.name_edit.text() if self.patient_id is None else "",
                         contact_phone=self.phone_edit.text() if self.patient_id is None else "",
                         note=self.note_edit.text()).success(self._booked).failure(self._failed).run()

    def ask_reschedule(self, booking: BookingInfo, slot: Slot) -> None:
        """Asks, then moves ``booking`` to ``slot`` (the drop on a free time, and Book while moving)."""
        if self.busy:
            return
        question = QCoreApplication.translate(
            "Booking", "Move the appointment of {client}\nfrom {old}\nto {new}?").format(
            client=booking.client_name, old=booking_text(booking), new=slot_text(slot, self.catalogue))
        answer = QMessageBox.question(self, QCoreApplication.translate("Booking", "Move the appointment"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.reschedule(booking, slot)

    def reschedule(self, booking: BookingInfo, slot: Slot) -> None:
        self._set_busy(True)
        booking_ops.reschedule(parent=self, session=self.session, booking_id=booking.id, version=booking.version,
                               slot=slot).success(self._moved).failure(self._failed).run()

    def stop_moving(self) -> None:
        self.moving = None
        self.model.moving_id = None
        self._update_moving()
        self._update_title()
        self.model.layoutChanged.emit()
        self._update_buttons()

    def print_slip(self) -> None:
        """Shows the slip of the last booking made here (Ctrl+P)."""
        if self.last_booking is None:
            return
        from workstations.registrar.slip_preview import show_slip

        show_slip(self, self.session, self.last_booking.id)

    def add_to_waiting_list(self):
        """The client waits for the service: the waiting list dialog, filled from the page."""
        from workstations.registrar.appointments import WaitingListEntryDialog

        dialog = WaitingListEntryDialog(self.session, self, patient_id=self.patient_id, client_name=self.client_name,
                                        contact_name=self.name_edit.text(), contact_phone=self.phone_edit.text(),
                                        catalogue=self.catalogue, service_id=self.service_id(),
                                        wanted_from=self._first_day(), channel=self.channel())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._show_message(QCoreApplication.translate(
            "Booking", "Added to the waiting list.")))
        self.waiting_dialog = dialog
        dialog.open()
        return dialog

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def retranslate_ui(self) -> None:
        self.back_button.setText(QCoreApplication.translate("Booking", "← Back (Esc)"))
        self.name_label.setText(QCoreApplication.translate("Booking", "&Name"))
        self.phone_label.setText(QCoreApplication.translate("Booking", "&Phone"))
        self.name_edit.setPlaceholderText(
            QCoreApplication.translate("Booking", "Who is coming (no client card)"))
        self.phone_edit.setPlaceholderText(QCoreApplication.translate("Booking", "To call back"))
        self.stop_moving_button.setText(QCoreApplication.translate("Booking", "Stop moving"))
        self.labels["service"].setText(QCoreApplication.translate("Booking", "&Service"))
        self.labels["specialty"].setText(QCoreApplication.translate("Booking", "Spe&cialty"))
        self.labels["doctor"].setText(QCoreApplication.translate("Booking", "&Doctor"))
        self.labels["day"].setText(QCoreApplication.translate("Booking", "Fro&m"))
        self.labels["days"].setText(QCoreApplication.translate("Booking", "Da&ys"))
        self.labels["channel"].setText(QCoreApplication.translate("Booking", "Channe&l"))
        self.service_combo.lineEdit().setPlaceholderText(
            QCoreApplication.translate("Booking", "Type part of the service name"))
        for number, channel in enumerate(CHANNELS):
            self.channel_combo.setItemText(number, channel_text(channel))
        self.find_button.setText(QCoreApplication.translate("Booking", "Find (Enter)"))
        self.first_free_button.setText(QCoreApplication.translate("Booking", "First free (F4)"))
        self.waiting_button.setText(QCoreApplication.translate("Booking", "Waiting list…"))
        self.note_label.setText(QCoreApplication.translate("Booking", "N&ote"))
        self.print_button.setText(QCoreApplication.translate("Booking", "Print slip (Ctrl+P)"))
        self._fill_filters()
        self._update_title()
        self._update_moving()
        self._update_tabs()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Keyboard --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.view and key in _ARROWS and not self.view.currentIndex().isValid():
                self._select_first_free()  # nothing chosen yet (just booked): the arrows start at the first
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.view:
                    self.book_selected()
                    return True
                if watched in (self.name_edit, self.phone_edit, self.note_edit) and self.selected_slot() is not None:
                    self.book_selected()
                    return True
                if watched is self.service_combo and self.service_combo.completer().popup().isVisible():
                    return False
                if watched is not self.view:
                    self.find()
                    return True
        return super().eventFilter(watched, event)

    def _shortcut(self, sequence: QKeySequence, slot) -> QShortcut:
        shortcut = QShortcut(sequence, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    # --- Internals: search -----------------------------------------------------------------------

    def _load_catalogue(self) -> None:
        booking_ops.load_catalogue(parent=self, session=self.session).success(self._set_catalogue).run()

    def _set_catalogue(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.service_combo.blockSignals(True)
        self.service_combo.clear()
        for service in catalogue.services:
            if service.id in catalogue.performers:
                self.service_combo.addItem(service.name, service.id)
                self.service_combo.setItemData(self.service_combo.count() - 1,
                                               f"{service.code} · {service.duration_minutes} min",
                                               Qt.ItemDataRole.ToolTipRole)
        self.service_combo.setCurrentIndex(-1)
        self.service_combo.blockSignals(False)
        self._fill_filters()
        self._apply_pending_service()
        self._update_buttons()

    def _apply_pending_service(self) -> None:
        if self._pending_service is not None:
            self.choose_service(self._pending_service)
            self._pending_service = None
        if self._auto_find:
            self._auto_find = False
            self.find()

    def _first_day(self) -> dt.date:
        return self.day_edit.date().toPython()

    def _filters(self) -> tuple[int | None, int | None]:
        return self.doctor_combo.currentData(), self.specialty_combo.currentData()

    def _patient_for_rules(self) -> int | None:
        return self.moving.patient_id if self.moving is not None else self.patient_id

    def _run_find(self, service_id: int, first_day: dt.date, days: int, *, keep_day: bool = False,
                  keep_message: bool = False) -> None:
        assert self.catalogue is not None
        resource_id, specialty_id = self._filters()
        if resource_id is not None:
            resource_ids = [resource_id]
        else:
            resource_ids = [r.id for r in self.catalogue.doctors(service_id, specialty_id)]
        self.searching = True
        self._generation += 1
        generation = self._generation
        if not keep_message:
            self._clear_message()
        day = self.model.day if keep_day else None
        booking_ops.find_free(
            parent=self, session=self.session, service_id=service_id, first_day=first_day, days=days,
            resource_ids=resource_ids, channel=self.channel(), resource_id=resource_id, specialty_id=specialty_id,
            patient_id=self._patient_for_rules()
        ).success(lambda found: self._found(generation, found, day)).failure(
            lambda exc: self._search_failed(generation, exc)).run()

    def _found(self, generation: int, search: SlotSearch, keep_day: dt.date | None) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self.search = search
        days = search.day_list()
        target = None
        if self._pending_select is not None:
            target = self._pending_select[1].date()
        elif keep_day in days:
            target = keep_day
        else:
            target = next((d for d in days if search.slots_on(d)), days[0])
        self._show_search(days.index(target) if target in days else 0)
        selected = False
        if self._pending_select is not None:
            resource_id, starts_at = self._pending_select
            self._pending_select = None
            index = self.model.index_of_slot(resource_id, starts_at)
            if index.isValid():
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
                selected = True
        if not selected and self._select_nothing:
            # Just booked: Enter must not book the next free time for the same client by accident.
            self._select_nothing = False
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
            self._update_selection()
        elif not selected:
            self._select_first_free()
        if not search.slots:
            self.empty_label.setText(QCoreApplication.translate(
                "Booking", "No free time for this service on these days. Press F4 for the first free time, "
                           "or put the client on the waiting list."))
        self.empty_label.setVisible(not search.slots)
        if self.model.free_count() and self.alternatives_box.isHidden() and self.selected_slot() is not None:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    def _first_free_found(self, generation: int, service_id: int, slot: Slot | None) -> None:
        if generation != self._generation:
            return
        self.searching = False
        if slot is None:
            self._show_message(QCoreApplication.translate(
                "Booking", "No free time for this service in the next three months. Put the client on the waiting "
                           "list."), error=True)
            return
        day = slot.starts_at.date()
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self._pending_select = (slot.resource_id, slot.starts_at)
        self._run_find(service_id, day, self.days())

    def _search_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self._pending_select = None
        if isinstance(exc, DomainError):
            self._show_message(error_text(exc), error=True)
        else:
            show_error(self, exc)

    def _show_search(self, day_index: int = 0) -> None:
        self.day_tabs.blockSignals(True)
        while self.day_tabs.count():
            self.day_tabs.removeTab(0)
        if self.search is not None:
            for _day in self.search.day_list():
                self.day_tabs.addTab("")
            self.day_tabs.setCurrentIndex(day_index)
        self.day_tabs.blockSignals(False)
        self._update_tabs()
        self.day_tabs.setVisible(self.search is not None and self.search.days > 1)
        self.empty_label.setVisible(False)
        self._show_day(self.search.day_list()[day_index] if self.search is not None else None)

    def _show_day(self, day: dt.date | None) -> None:
        self.model.set_day(day, self.search, self.catalogue)
        self.view.fit_columns()
        self._update_selection()

    def _update_tabs(self) -> None:
        if self.search is None:
            return
        for number, day in enumerate(self.search.day_list()):
            free = len(self.search.slots_on(day))
            self.day_tabs.setTabText(number, QCoreApplication.translate("Booking", "{day} · {free} free").format(
                day=day_text(day), free=free))

    def _day_changed(self, number: int) -> None:
        if self.search is None or not 0 <= number < self.search.days:
            return
        self._show_day(self.search.day_list()[number])
        self._select_first_free()

    def _step_day(self, step: int) -> None:
        if self.day_tabs.count():
            self.day_tabs.setCurrentIndex((self.day_tabs.currentIndex() + step) % self.day_tabs.count())

    def _select_first_free(self) -> None:
        free = self.model.free_indexes()
        if free:
            self.view.setCurrentIndex(free[0])
            self.view.scrollTo(free[0])
        else:
            self.view.clearSelection()
        self._update_selection()

    def anonymous_booking_at(self, index: QModelIndex) -> BookingInfo | None:
        """The anonymous booking in the cell, when the open client could take it over."""
        cell = self.model.cell(index)
        if (self.patient_id is None or cell is None or cell.booking is None
                or cell.booking.patient_id is not None):
            return None
        return cell.booking

    def attach_to_client(self, booking: BookingInfo) -> None:
        """An anonymous booking (someone phoned, gave a name) becomes the open client's."""
        if self.patient_id is None:
            return
        self._set_busy(True)
        booking_ops.personalize(parent=self, session=self.session, booking_id=booking.id, version=booking.version,
                        patient_id=self.patient_id).success(self._attached).failure(self._failed).run()

    def _attached(self, made: BookingInfo) -> None:
        self._set_busy(False)
        self.last_booking = made
        self._show_message(QCoreApplication.translate("Booking", "Attached to {client}: {what}.").format(
            client=made.client_name, what=booking_text(made)))
        self.booked.emit(made)
        self._update_buttons()
        self.refresh()

    def _grid_menu(self, position) -> None:
        booking = self.anonymous_booking_at(self.view.indexAt(position))
        if booking is None:
            return
        menu = QMenu(self)
        action = menu.addAction(QCoreApplication.translate(
            "Booking", "Attach to {client} (booked as “{name}”, {phone})").format(
            client=self.client_name, name=booking.client_name, phone=booking.phone or "—"))
        action.triggered.connect(lambda: self.attach_to_client(booking))
        menu.popup(self.view.viewport().mapToGlobal(position))

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.model.slot_at(index) is not None:
            self.view.setCurrentIndex(index)
            self.book_selected()

    # --- Internals: booking ----------------------------------------------------------------------

    def _booked(self, made: BookingInfo) -> None:
        self._set_busy(False)
        self.last_booking = made
        self._show_message(QCoreApplication.translate("Booking", "Booked: {what} for {client}. Ctrl+P prints the slip.")
                           .format(what=booking_text(made), client=made.client_name))
        self.booked.emit(made)
        self._update_buttons()
        self._select_nothing = True
        self.refresh()
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _moved(self, moved: BookingInfo) -> None:
        self._set_busy(False)
        self.last_booking = moved
        self.moving = None
        self.model.moving_id = None
        self._update_moving()
        self._update_title()
        self._show_message(QCoreApplication.translate("Booking", "Moved: {client} now comes {what}.").format(
            client=moved.client_name, what=booking_text(moved)))
        self.booked.emit(moved)
        self._update_buttons()
        self._select_nothing = True
        self.refresh()
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, SlotTaken):
            self._show_taken(exc)
            self.refresh()
        elif isinstance(exc, (BookingRefused, DomainError)):
            self._show_message(error_text(exc), error=True)
            if not isinstance(exc, BookingRefused):
                self.refresh()  # changed by someone else, or gone: show what is there now
        else:
            show_error(self, exc)

    def _show_taken(self, exc: SlotTaken) -> None:
        self._show_message(error_text(exc) if exc.alternatives else QCoreApplication.translate(
            "Booking", "This time has just been taken by someone else, and there is no free time near it."),
            error=True)
        self.alternatives = tuple(exc.alternatives)
        for button in self.alternative_buttons:
            button.deleteLater()
        self.alternative_buttons = []
        while self.alternatives_layout.count():
            self.alternatives_layout.takeAt(0)
        for number, slot in enumerate(self.alternatives):
            button = QPushButton(slot_text(slot, self.catalogue, short=True), self.alternatives_box)
            button.setToolTip(QCoreApplication.translate("Booking", "Book this time: {what}").format(
                what=slot_text(slot, self.catalogue)))
            button.setAutoDefault(True)  # Enter on the focused one takes it
            button.clicked.connect(lambda _checked=False, s=slot: self._take_alternative(s))
            self.alternatives_layout.addWidget(button, number // ALTERNATIVES_PER_ROW, number % ALTERNATIVES_PER_ROW)
            self.alternative_buttons.append(button)
        self.alternatives_layout.setColumnStretch(ALTERNATIVES_PER_ROW, 1)
        self.alternatives_box.setVisible(bool(self.alternatives))
        if self.alternative_buttons:
            self.alternative_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _take_alternative(self, slot: Slot) -> None:
        """One click on an offered time books it (or moves the booking there)."""
        if self.moving is not None:
            self.reschedule(self.moving, slot)
        else:
            self.book_slot(slot)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(_ERROR_STYLE if error else _NOTICE_STYLE)
        self.message_label.setText(text)
        self.message_label.show()
        if not error or not self.alternatives:
            self.alternatives_box.hide()

    def _clear_message(self) -> None:
        self.message_label.hide()
        self.message_label.clear()
        self.alternatives = ()
        self.alternatives_box.hide()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _on_changes(self, changes: frozenset[str]) -> None:
        # Someone booked or moved elsewhere (another screen of this workstation): the grid follows.
        if booking_ops.BOOKING_CHANGES in changes and self.search is not None and self.isVisible() and not self.busy:
            self.refresh()

    # --- Internals: showing ----------------------------------------------------------------------

    def _service_changed(self, _index: int) -> None:
        self._fill_filters()
        self._update_buttons()

    def _specialty_changed(self, _index: int) -> None:
        self._fill_doctors()

    def _fill_filters(self) -> None:
        current = self.specialty_combo.currentData()
        self.specialty_combo.blockSignals(True)
        self.specialty_combo.clear()
        self.specialty_combo.addItem(QCoreApplication.translate("Booking", "Any specialty"), None)
        if self.catalogue is not None:
            for specialty_id, name in self.catalogue.specialties(self.service_id()):
                self.specialty_combo.addItem(name, specialty_id)
        self.specialty_combo.setCurrentIndex(max(0, self.specialty_combo.findData(current)))
        self.specialty_combo.blockSignals(False)
        self._fill_doctors()

    def _fill_doctors(self) -> None:
        current = self.doctor_combo.currentData()
        self.doctor_combo.clear()
        self.doctor_combo.addItem(QCoreApplication.translate("Booking", "Any doctor"), None)
        if self.catalogue is not None:
            for resource in self.catalogue.doctors(self.service_id(), self.specialty_combo.currentData()):
                self.doctor_combo.addItem(resource.name, resource.id)
                self.doctor_combo.setItemData(self.doctor_combo.count() - 1, resource.position,
                                              Qt.ItemDataRole.ToolTipRole)
        self.doctor_combo.setCurrentIndex(max(0, self.doctor_combo.findData(current)))

    def _update_title(self) -> None:
        if self.moving is not None:
            text = QCoreApplication.translate("Booking", "Move the appointment of {client}").format(
                client=self.moving.client_name)
        elif self.patient_id is not None:
            text = QCoreApplication.translate("Booking", "Book an appointment for {client}").format(
                client=self.client_name)
        else:
            text = QCoreApplication.translate("Booking", "Book an appointment without a client card")
        self.title_label.setText(text)

    def _update_moving(self) -> None:
        if self.moving is None:
            self.moving_box.hide()
            self.book_button.setText(QCoreApplication.translate("Booking", "Book (Enter)"))
            return
        self.moving_label.setText(QCoreApplication.translate(
            "Booking", "Moving {service}, now {when}. Choose the new time and press Enter, or drag the "
                       "orange booking onto a free time.").format(service=self.moving.service_name,
                                                                  when=booking_text(self.moving)))
        self.moving_box.show()
        self.book_button.setText(QCoreApplication.translate("Booking", "Move here (Enter)"))

    def _update_selection(self) -> None:
        slot = self.selected_slot()
        if slot is None:
            self.selection_label.setText(QCoreApplication.translate(
                "Booking", "Choose a free time: arrows or a click, then Enter.") if self.model.free_count() else "")
        else:
            self.selection_label.setText(slot_text(slot, self.catalogue))
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.catalogue is not None
        self.find_button.setEnabled(ready)
        self.first_free_button.setEnabled(ready)
        self.waiting_button.setEnabled(ready and self.moving is None)
        self.book_button.setEnabled(not self.busy and self.selected_slot() is not None)
        self.print_button.setEnabled(self.last_booking is not None)
        for button in self.alternative_buttons:
            button.setEnabled(not self.busy)
