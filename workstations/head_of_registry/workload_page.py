"""The workload of doctors, offices and equipment over a week: a grid of resources by days, each cell
the booked part of the planned working time, coloured by how full the day is, with the week's total.

Planned minutes are the generated working time minus breaks; booked minutes are the active bookings
(`shared.services.booking.workload`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import operation_bus
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.booking import WorkloadCell
from shared.services.schedules import ResourceInfo
from workstations.head_of_registry import planning_ops as ops

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

_Index = QModelIndex | QPersistentModelIndex

DAYS = 7
PERCENT, MINUTES = "percent", "minutes"

#: (name, background, meaning) from the emptiest to the fullest.
LEGEND = (
    ("none", "#e6eaed", QT_TRANSLATE_NOOP("WorkloadPage", "no working time")),
    ("low", "#d9f2df", QT_TRANSLATE_NOOP("WorkloadPage", "under 50 %")),
    ("medium", "#fff1b8", QT_TRANSLATE_NOOP("WorkloadPage", "50–85 %")),
    ("high", "#ffd49e", QT_TRANSLATE_NOOP("WorkloadPage", "86–100 %")),
    ("over", "#f6b8b8", QT_TRANSLATE_NOOP("WorkloadPage", "over 100 % or booked without working time")),
)
COLOURS = {name: colour for name, colour, _ in LEGEND}


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def load_level(cell: WorkloadCell | None) -> str:
    """Which colour a cell gets: none, low (<50 %), medium (50–85 %), high (86–100 %), over (>100 %)."""
    if cell is None or not cell.planned_minutes:
        return "over" if cell is not None and cell.booked_minutes else "none"
    percent = cell.load_percent
    if percent > 100:
        return "over"
    if percent > 85:
        return "high"
    if percent >= 50:
        return "medium"
    return "low"


class WorkloadModel(QAbstractTableModel):
    """Rows: resources; columns: the resource, seven days, the week's total."""

    RESOURCE, WEEK = 0, DAYS + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.first = monday_of(dt.date.today())
        self.today = dt.date.today()
        self.mode = PERCENT
        self.resources: list[ResourceInfo] = []
        self._cells: dict[tuple[int, dt.date], WorkloadCell] = {}

    # --- Public API ------------------------------------------------------------------------------

    def set_workload(self, data: ops.WorkloadData, *, only_scheduled: bool = True,
                     today: dt.date | None = None) -> None:
        self.beginResetModel()
        self.first = data.first
        self.today = today or dt.date.today()
        self._cells = {(c.resource_id, c.day): c for c in data.cells}
        busy = {c.resource_id for c in data.cells if c.planned_minutes or c.booked_minutes}
        self.resources = [r for r in data.resources if not only_scheduled or r.id in busy]
        self.endResetModel()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1, self.WEEK))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.WEEK)

    def day_of(self, column: int) -> dt.date | None:
        return self.first + dt.timedelta(days=column - 1) if 1 <= column <= DAYS else None

    def column_of(self, day: dt.date) -> int:
        return (day - self.first).days + 1

    def row_of(self, resource_id: int) -> int | None:
        return next((n for n, r in enumerate(self.resources) if r.id == resource_id), None)

    def cell(self, row: int, column: int) -> WorkloadCell | None:
        """The day's figures, the week's sum in the last column; None where nothing is planned or booked."""
        if not 0 <= row < len(self.resources):
            return None
        resource = self.resources[row]
        if column == self.WEEK:
            days = [c for d in range(DAYS)
                    if (c := self._cells.get((resource.id, self.first + dt.timedelta(days=d)))) is not None]
            if not days:
                return None
            return WorkloadCell(resource.id, self.first, sum(c.planned_minutes for c in days),
                                sum(c.booked_minutes for c in days), sum(c.done_minutes for c in days),
                                sum(c.patients for c in days))
        day = self.day_of(column)
        return self._cells.get((resource.id, day)) if day is not None else None

    def cell_text(self, cell: WorkloadCell | None) -> str:
        if cell is None or (not cell.planned_minutes and not cell.booked_minutes):
            return "—"
        if self.mode == MINUTES:
            return f"{cell.booked_minutes}/{cell.planned_minutes}"
        if not cell.planned_minutes:
            return QCoreApplication.translate("WorkloadPage", "{minutes} min").format(
                minutes=cell.booked_minutes)
        return f"{cell.load_percent} %"

    def tooltip(self, row: int, column: int) -> str:
        resource = self.resources[row]
        cell = self.cell(row, column)
        if column == self.WEEK:
            last = self.first + dt.timedelta(days=DAYS - 1)
            when = QCoreApplication.translate("WorkloadPage", "week of {first} – {last}").format(
                first=self.first.strftime("%d.%m"), last=last.strftime("%d.%m.%Y"))
        else:
            day = self.day_of(column)
            when = f"{_weekday(day.isoweekday(), short=False)}, {day.strftime('%d.%m.%Y')}"
        head = f"{resource.name} — {when}"
        if cell is None or (not cell.planned_minutes and not cell.booked_minutes):
            return head + "\n" + QCoreApplication.translate(
                "WorkloadPage", "No working time and no bookings.")
        lines = [
            head,
            QCoreApplication.translate("WorkloadPage", "Planned: {minutes} min").format(
                minutes=cell.planned_minutes),
            QCoreApplication.translate("WorkloadPage", "Booked: {minutes} min").format(
                minutes=cell.booked_minutes)
            + (f" ({cell.load_percent} %)" if cell.planned_minutes else ""),
            QCoreApplication.translate("WorkloadPage", "Done: {minutes} min").format(
                minutes=cell.done_minutes),
            QCoreApplication.translate("WorkloadPage", "Patients: {count}").format(count=cell.patients),
        ]
        if not cell.planned_minutes:
            lines.append(QCoreApplication.translate(
                "WorkloadPage", "Booked without working time: check the schedule."))
        return "\n".join(lines)

    # --- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.resources)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else DAYS + 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.RESOURCE:
                return QCoreApplication.translate("WorkloadPage", "Doctor, office, equipment")
            if section == self.WEEK:
                return QCoreApplication.translate("WorkloadPage", "Week")
            day = self.day_of(section)
            return f"{_weekday(day.isoweekday(), short=True)} {day.strftime('%d.%m')}" if day else None
        if role == Qt.ItemDataRole.FontRole and self.day_of(section) == self.today:
            font = QFont()
            font.setBold(True)
            font.setUnderline(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and section != self.RESOURCE:
            if self.mode == MINUTES:
                return QCoreApplication.translate("WorkloadPage", "Booked of planned minutes")
            return QCoreApplication.translate(
                "WorkloadPage", "Booked minutes as a percentage of the planned working time")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.resources):
            return None
        row, column = index.row(), index.column()
        resource = self.resources[row]
        if column == self.RESOURCE:
            if role == Qt.ItemDataRole.DisplayRole:
                return resource.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return " · ".join(p for p in (resource.name, resource.position, resource.department) if p)
            return None
        cell = self.cell(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS[load_level(cell)]))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1f2d3a" if load_level(cell) != "none" else "#7b8a96"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and column == self.WEEK:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _weekday(iso_day: int, *, short: bool) -> str:
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    name = QLocale().standaloneDayName(iso_day, fmt)
    return name[:1].upper() + name[1:]


class WorkloadPage(QWidget):
    """A week of workload: previous and next week, load % or minutes, resources without a schedule hidden."""

    def __init__(self, session: AppSession, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self.week_start = monday_of(self.today)
        self.data: ops.WorkloadData | None = None
        self.loading = False
        self._generation = 0

        self.lead = QLabel(self)
        self.lead.setObjectName("mutedLabel")
        self.lead.setWordWrap(True)
        self.previous_button = QPushButton(self)
        self.previous_button.clicked.connect(self.previous_week)
        self.week_label = QLabel(self)
        self.week_label.setObjectName("sectionTitle")
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QPushButton(self)
        self.next_button.clicked.connect(self.next_week)
        self.this_week_button = QPushButton(self)
        self.this_week_button.clicked.connect(self.this_week)
        self.date_label = QLabel(self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.date_edit.setMinimumWidth(120)
        self.mode_label = QLabel(self)
        self.mode_combo = QComboBox(self)
        self.mode_combo.addItem("", PERCENT)
        self.mode_combo.addItem("", MINUTES)
        self.only_scheduled_check = QCheckBox(self)
        self.only_scheduled_check.setChecked(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.model = WorkloadModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(72)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WorkloadModel.RESOURCE, QHeaderView.ResizeMode.Interactive)
        self.view.setColumnWidth(WorkloadModel.RESOURCE, 240)
        self.legend_title = QLabel(self)
        self.legend_title.setObjectName("mutedLabel")
        self.legend: dict[str, QLabel] = {}
        legend = QHBoxLayout()
        legend.setSpacing(6)
        legend.addWidget(self.legend_title)
        for name, colour, _text in LEGEND:
            label = QLabel(self)
            label.setStyleSheet(f"background: {colour}; border: 1px solid #c4cfd7; border-radius: 3px; "
                                "padding: 2px 8px;")
            self.legend[name] = label
            legend.addWidget(label)
        legend.addStretch(1)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("mutedLabel")
        self.status_label.setWordWrap(True)

        week = QHBoxLayout()
        week.addWidget(self.previous_button)
        week.addSpacing(8)
        week.addWidget(self.week_label)
        week.addSpacing(8)
        week.addWidget(self.next_button)
        week.addWidget(self.this_week_button)
        week.addSpacing(16)
        week.addWidget(self.date_label)
        week.addWidget(self.date_edit)
        week.addStretch(1)
        week.addWidget(self.refresh_button)
        options = QHBoxLayout()
        options.addWidget(self.mode_label)
        options.addWidget(self.mode_combo)
        options.addSpacing(16)
        options.addWidget(self.only_scheduled_check)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.lead)
        layout.addLayout(week)
        layout.addLayout(options)
        layout.addWidget(self.view, 1)
        layout.addLayout(legend)
        layout.addWidget(self.status_label)

        self._sync_date_edit()
        self.date_edit.dateChanged.connect(lambda d: self.set_week(dt.date(d.year(), d.month(), d.day())))
        self.mode_combo.currentIndexChanged.connect(
            lambda _i: self.model.set_mode(self.mode_combo.currentData()))
        self.only_scheduled_check.toggled.connect(lambda _on: self._show_data())
        operation_bus().changed.connect(self._changed)
        self.retranslate_ui()
        self.refresh()

    # --- Public API ------------------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        """The day "This week" goes to (the real today unless a test fixes it)."""
        return self._today or dt.date.today()

    @property
    def week_end(self) -> dt.date:
        return self.week_start + dt.timedelta(days=DAYS - 1)

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        self.loading = True
        first, last = self.week_start, self.week_end
        ops.load_workload(parent=self, session=self.session, first=first, last=last).success(
            lambda data: self._loaded(data) if generation == self._generation else None
        ).failure(self._failed).run()

    def set_week(self, day: dt.date) -> None:
        """Shows the week (Monday to Sunday) that ``day`` falls in."""
        monday = monday_of(day)
        if monday == self.week_start and (self.data is not None or self.loading):
            return
        self.week_start = monday
        self._sync_date_edit()
        self._show_week_label()
        self.refresh()

    def previous_week(self) -> None:
        self.set_week(self.week_start - dt.timedelta(days=DAYS))

    def next_week(self) -> None:
        self.set_week(self.week_start + dt.timedelta(days=DAYS))

    def this_week(self) -> None:
        self.set_week(self.today)

    def set_mode(self, mode: str) -> None:
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))

    def cell_index(self, resource_id: int, day: dt.date) -> QModelIndex:
        row = self.model.row_of(resource_id)
        column = self.model.column_of(day)
        if row is None or not 1 <= column <= DAYS:
            return QModelIndex()
        return self.model.index(row, column)

    def retranslate_ui(self) -> None:
        self.lead.setText(self.tr(
            "How full each day is: booked minutes of the planned working time (breaks excluded). "
            "Hover over a cell for minutes and patients."))
        self.previous_button.setText(self.tr("◀ &Previous week"))
        self.next_button.setText(self.tr("&Next week ▶"))
        self.this_week_button.setText(self.tr("&This week"))
        self.date_label.setText(self.tr("&Week of"))
        self.date_label.setBuddy(self.date_edit)
        self.mode_label.setText(self.tr("&Show"))
        self.mode_label.setBuddy(self.mode_combo)
        self.mode_combo.setItemText(0, self.tr("Load, %"))
        self.mode_combo.setItemText(1, self.tr("Booked / planned, min"))
        self.only_scheduled_check.setText(self.tr("Only with a schedule or bookings"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.legend_title.setText(self.tr("Colours:"))
        for name, _colour, text in LEGEND:
            self.legend[name].setText(QCoreApplication.translate("WorkloadPage", text))
        self._show_week_label()
        if self.data is not None and not self.model.rowCount():
            self.status_label.setText(self.tr("Nobody has working time or bookings this week."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, WorkloadModel.WEEK)
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 0),
                                        self.model.index(self.model.rowCount() - 1, WorkloadModel.WEEK))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "model"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _sync_date_edit(self) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self.week_start.year, self.week_start.month, self.week_start.day))
        self.date_edit.blockSignals(False)

    def _show_week_label(self) -> None:
        first, last = self.week_start.strftime("%d.%m.%Y"), self.week_end.strftime("%d.%m.%Y")
        self.week_label.setText(f"{first} – {last}")

    def _loaded(self, data: ops.WorkloadData) -> None:
        self.loading = False
        self.data = data
        self._show_data()

    def _show_data(self) -> None:
        if self.data is None:
            return
        self.model.set_workload(self.data, only_scheduled=self.only_scheduled_check.isChecked(),
                                today=self.today)
        self.view.setColumnWidth(WorkloadModel.RESOURCE, 240)
        if not self.model.rowCount():
            self.status_label.setText(self.tr("Nobody has working time or bookings this week."))
        else:
            self.status_label.setText("")

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.status_label.setText(error_text(exc))

    def _changed(self, changes) -> None:
        if set(changes) & {ops.SCHEDULE_CHANGES, ops.BOOKING_CHANGES, ops.RESOURCE_CHANGES}:
            self.refresh()
