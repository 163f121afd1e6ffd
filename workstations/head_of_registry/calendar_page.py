"""The production calendar of the organization and its working hours by weekday.

Twelve month grids of one year, every day coloured by its kind (working, shortened, day off, public
holiday) with its note as tooltip. Selecting a day and choosing a kind (buttons or the right-click
menu) stores it at once: transferred days off, local holidays, shortened days. A year can be filled
from the Russian production calendar, keeping or overwriting the days edited by hand. Beside the
calendar: the organization's opening hours for each weekday, checked by the service when saved.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import operation_bus
from shared.services.calendar import CalendarEntry, OpeningHours
from shared.services.schedule_rules import format_minutes
from workstations.head_of_registry import calendar_ops

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

KINDS = ("working", "shortened", "weekend", "holiday")
FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years the calendar service keeps

# Fill and text colours of each kind of day (calm, readable on the clinic palette).
FILL = {
    "working": QColor("#ffffff"),
    "shortened": QColor("#fde9b0"),
    "weekend": QColor("#fbdcdc"),
    "holiday": QColor("#ef9a9a"),
}
INK = {
    "working": QColor("#1f2d3a"),
    "shortened": QColor("#6b4e00"),
    "weekend": QColor("#a61b1b"),
    "holiday": QColor("#6d0d0d"),
}
GRID = QColor("#d6e0e6")
SELECTED = QColor("#0e7c86")
TODAY = QColor("#14333f")


def kind_name(kind: str) -> str:
    names = {
        "working": QCoreApplication.translate("CalendarPage", "Working day"),
        "shortened": QCoreApplication.translate("CalendarPage", "Shortened day"),
        "weekend": QCoreApplication.translate("CalendarPage", "Day off"),
        "holiday": QCoreApplication.translate("CalendarPage", "Public holiday"),
    }
    return names.get(kind, kind)


def kind_icon(kind: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(INK[kind].lighter(150) if kind == "working" else INK[kind], 1))
    painter.setBrush(FILL[kind])
    painter.drawRoundedRect(QRect(1, 1, size - 2, size - 2), 3, 3)
    painter.end()
    return QIcon(pixmap)


def long_date(day: dt.date) -> str:
    """"Thursday, 1 January 2026" in the UI language."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "dddd, d MMMM yyyy")


def weekday_name(weekday: int) -> str:
    name = QLocale().dayName(weekday, QLocale.FormatType.LongFormat)
    return name[:1].upper() + name[1:]


class YearView(QWidget):
    """Twelve month grids (four by three), Monday first; click or use the arrow keys to select a day."""

    COLUMNS, ROWS = 4, 3
    GAP_X, GAP_Y, MARGIN = 18, 12, 4

    #: The selected day changed (a `datetime.date`).
    day_selected = Signal(object)
    #: A day was right-clicked: (day, global position).
    menu_requested = Signal(object, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = dt.date.today().year
        self.entries: dict[dt.date, CalendarEntry] = {}
        self.selected: dt.date | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # --- Public API ------------------------------------------------------------------------------

    def set_entries(self, year: int, entries: dict[dt.date, CalendarEntry]) -> None:
        self.year = year
        self.entries = entries
        if self.selected is not None and self.selected.year != year:
            self.selected = None
        self.update()

    def select(self, day: dt.date | None) -> None:
        if day is not None and day.year != self.year:
            return
        if day != self.selected:
            self.selected = day
            self.update()
            self.day_selected.emit(day)

    def day_rect(self, day: dt.date) -> QRect:
        cell_w, cell_h, title_h, head_h, left, top = self._geometry()
        month_x, month_y = self._month_origin(day.month, cell_w, cell_h, title_h, head_h, left, top)
        index = dt.date(day.year, day.month, 1).weekday() + day.day - 1
        row, column = divmod(index, 7)
        return QRect(month_x + column * cell_w, month_y + title_h + head_h + row * cell_h, cell_w, cell_h)

    def day_at(self, point: QPoint) -> dt.date | None:
        cell_w, cell_h, title_h, head_h, left, top = self._geometry()
        for month in range(1, 13):
            x, y = self._month_origin(month, cell_w, cell_h, title_h, head_h, left, top)
            grid = QRect(x, y + title_h + head_h, 7 * cell_w, 6 * cell_h)
            if not grid.contains(point):
                continue
            column = (point.x() - grid.x()) // cell_w
            row = (point.y() - grid.y()) // cell_h
            number = row * 7 + column - dt.date(self.year, month, 1).weekday() + 1
            if number < 1:
                return None
            try:
                return dt.date(self.year, month, number)
            except ValueError:
                return None
        return None

    # --- QWidget ---------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802
        return self._size_for(32, 24)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self._size_for(22, 18)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell_w, cell_h, title_h, head_h, left, top = self._geometry()
        locale = QLocale()
        base = QFont(self.font())
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        today = dt.date.today()
        for month in range(1, 13):
            x, y = self._month_origin(month, cell_w, cell_h, title_h, head_h, left, top)
            name = locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)
            painter.setFont(bold)
            painter.setPen(QColor("#14333f"))
            painter.drawText(QRect(x + 2, y, 7 * cell_w, title_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name[:1].upper() + name[1:])
            painter.setFont(small)
            for weekday in range(1, 8):
                painter.setPen(QColor("#a61b1b") if weekday >= 6 else QColor("#6b7c89"))
                painter.drawText(QRect(x + (weekday - 1) * cell_w, y + title_h, cell_w, head_h),
                                 Qt.AlignmentFlag.AlignCenter, locale.dayName(weekday, QLocale.FormatType.ShortFormat))
            day = dt.date(self.year, month, 1)
            while day.month == month:
                self._paint_day(painter, day, base, bold, today)
                day += dt.timedelta(days=1)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.select(day)
            if event.button() == Qt.MouseButton.RightButton:
                self.menu_requested.emit(day, event.globalPosition().toPoint())
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        key = Qt.Key(event.key())
        if key in steps:
            current = self.selected or dt.date(self.year, 1, 1)
            target = current + dt.timedelta(days=steps[key]) if self.selected else current
            if target.year == self.year:
                self.select(target)
            return
        if key == Qt.Key.Key_Menu and self.selected is not None:
            self.menu_requested.emit(self.selected, self.mapToGlobal(self.day_rect(self.selected).center()))
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            day = self.day_at(event.pos())
            if day is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), self.tooltip(day), self, self.day_rect(day))
            return True
        return super().event(event)

    def tooltip(self, day: dt.date) -> str:
        entry = self.entries.get(day)
        lines = [long_date(day)]
        if entry is not None:
            lines.append(kind_name(entry.kind))
            if entry.note:
                lines.append(entry.note)
        return "\n".join(lines)

    # --- Internals -------------------------------------------------------------------------------

    def _paint_day(self, painter: QPainter, day: dt.date, base: QFont, bold: QFont, today: dt.date) -> None:
        entry = self.entries.get(day)
        kind = entry.kind if entry is not None else ("weekend" if day.isoweekday() >= 6 else "working")
        rect = self.day_rect(day).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(GRID, 1))
        painter.setBrush(FILL[kind])
        painter.drawRoundedRect(rect, 3, 3)
        if kind == "shortened":
            # A marker besides the colour, for those who tell yellow from white poorly.
            painter.setPen(QPen(INK[kind], 1))
            painter.drawLine(rect.left() + 4, rect.bottom() - 3, rect.right() - 4, rect.bottom() - 3)
        painter.setFont(bold if kind == "holiday" or day == today else base)
        painter.setPen(INK[kind])
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(day.day))
        if entry is not None and entry.note and kind != "holiday" and rect.width() >= 26:
            # A noted day (a transferred day off, a local holiday): a small corner mark.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(INK[kind])
            painter.drawEllipse(QRect(rect.right() - 5, rect.top() + 2, 4, 4))
        if day == today:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(TODAY, 1, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        if day == self.selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            color = SELECTED if self.hasFocus() else SELECTED.lighter(140)
            painter.setPen(QPen(color, 2.5))
            painter.drawRoundedRect(rect.adjusted(0, 0, 0, 0), 3, 3)

    def _heights(self) -> tuple[int, int]:
        metrics = self.fontMetrics()
        return metrics.height() + 8, metrics.height() + 2

    def _size_for(self, cell_w: int, cell_h: int) -> QSize:
        title_h, head_h = self._heights()
        width = self.COLUMNS * 7 * cell_w + (self.COLUMNS - 1) * self.GAP_X + 2 * self.MARGIN
        height = self.ROWS * (title_h + head_h + 6 * cell_h) + (self.ROWS - 1) * self.GAP_Y + 2 * self.MARGIN
        return QSize(width, height)

    def _geometry(self) -> tuple[int, int, int, int, int, int]:
        """Cell width and height, title and header heights, and the top left corner of the grid."""
        title_h, head_h = self._heights()
        free_w = self.width() - 2 * self.MARGIN - (self.COLUMNS - 1) * self.GAP_X
        free_h = self.height() - 2 * self.MARGIN - (self.ROWS - 1) * self.GAP_Y - self.ROWS * (title_h + head_h)
        cell_w = max(18, min(48, free_w // (self.COLUMNS * 7)))
        cell_h = max(16, min(34, free_h // (self.ROWS * 6)))
        used_w = self.COLUMNS * 7 * cell_w + (self.COLUMNS - 1) * self.GAP_X
        left = max(self.MARGIN, (self.width() - used_w) // 2)
        return cell_w, cell_h, title_h, head_h, left, self.MARGIN

    def _month_origin(self, month: int, cell_w: int, cell_h: int, title_h: int, head_h: int, left: int,
                      top: int) -> tuple[int, int]:
        row, column = divmod(month - 1, self.COLUMNS)
        return (left + column * (7 * cell_w + self.GAP_X),
                top + row * (title_h + head_h + 6 * cell_h + self.GAP_Y))


class HoursEditor(QGroupBox):
    """Opening and closing time of the organization for each weekday, or closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_checks: dict[int, QCheckBox] = {}
        self.opens_edits: dict[int, QLineEdit] = {}
        self.closes_edits: dict[int, QLineEdit] = {}
        self.dirty = False
        # Whose hours: the organization's, or one department's (a department without its own follows
        # the organization's).
        self.scope_combo = QComboBox(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        for weekday in range(1, 8):
            check = QCheckBox(self)
            opens, closes = QLineEdit(self), QLineEdit(self)
            for edit in (opens, closes):
                edit.setMaxLength(5)
                edit.setFixedWidth(70)
                edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
                edit.textEdited.connect(self._edited)
            check.toggled.connect(lambda on, w=weekday: self._toggled(w, on))
            check.clicked.connect(self._edited)
            dash = QLabel("–", self)
            grid.addWidget(check, weekday - 1, 0)
            grid.addWidget(opens, weekday - 1, 1)
            grid.addWidget(dash, weekday - 1, 2)
            grid.addWidget(closes, weekday - 1, 3)
            self.open_checks[weekday], self.opens_edits[weekday], self.closes_edits[weekday] = check, opens, closes
        grid.setColumnStretch(4, 1)
        self.hint = QLabel(self)
        self.hint.setObjectName("mutedLabel")
        self.hint.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.save_button = QPushButton(self)
        self.revert_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.scope_combo)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._shown: dict[int, OpeningHours] = {}
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def show_hours(self, hours: dict[int, OpeningHours]) -> None:
        self._shown = dict(hours)
        for weekday in range(1, 8):
            value = hours.get(weekday)
            self.open_checks[weekday].setChecked(value is not None)
            self.opens_edits[weekday].setText(format_minutes(value.opens_minute) if value else "")
            self.closes_edits[weekday].setText(format_minutes(value.closes_minute) if value else "")
            self._toggled(weekday, value is not None)
        self.dirty = False

    @property
    def department_id(self) -> int | None:
        return self.scope_combo.currentData()

    def set_departments(self, departments: tuple[tuple[int, str], ...]) -> None:
        current = self.department_id
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        self.scope_combo.addItem(QCoreApplication.translate("CalendarPage", "The whole organization"), None)
        for department_id, name in departments:
            self.scope_combo.addItem(name, department_id)
        index = self.scope_combo.findData(current)
        self.scope_combo.setCurrentIndex(max(0, index))
        self.scope_combo.blockSignals(False)

    def revert(self) -> None:
        self.show_hours(self._shown)
        self.show_message("", error=False)

    def typed_hours(self) -> calendar_ops.HoursText:
        return {
            weekday: (self.opens_edits[weekday].text(), self.closes_edits[weekday].text())
            if self.open_checks[weekday].isChecked() else None
            for weekday in range(1, 8)
        }

    def show_message(self, text: str, *, error: bool, weekday: int | None = None) -> None:
        self.error_label.setObjectName("errorLabel" if error else "mutedLabel")
        self.error_label.style().unpolish(self.error_label)
        self.error_label.style().polish(self.error_label)
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        if weekday is not None and self.open_checks[weekday].isChecked():
            self.opens_edits[weekday].setFocus()
            self.opens_edits[weekday].selectAll()

    def retranslate_ui(self) -> None:
        self.setTitle(QCoreApplication.translate("CalendarPage", "Working hours of the organization"))
        if self.scope_combo.count():
            self.scope_combo.setItemText(0, QCoreApplication.translate("CalendarPage", "The whole organization"))
        self.scope_combo.setToolTip(QCoreApplication.translate(
            "CalendarPage", "A department without hours of its own works the organization's hours"))
        self.hint.setText(QCoreApplication.translate(
            "CalendarPage",
            "When the organization opens and closes on each weekday, like 08:00 – 20:00. A shortened "
            "day closes an hour earlier; public holidays are closed."))
        for weekday, check in self.open_checks.items():
            check.setText(weekday_name(weekday))
            check.setToolTip(QCoreApplication.translate(
                "CalendarPage", "Clear for a weekday the organization is closed"))
        for edit in (*self.opens_edits.values(), *self.closes_edits.values()):
            edit.setPlaceholderText(QCoreApplication.translate("CalendarPage", "hh:mm"))
        self.save_button.setText(QCoreApplication.translate("CalendarPage", "&Save hours"))
        self.revert_button.setText(QCoreApplication.translate("CalendarPage", "Re&vert"))

    # --- Internals -------------------------------------------------------------------------------

    def _toggled(self, weekday: int, on: bool) -> None:
        self.opens_edits[weekday].setEnabled(on)
        self.closes_edits[weekday].setEnabled(on)
        if on and not self.opens_edits[weekday].text() and not self.closes_edits[weekday].text():
            self.opens_edits[weekday].setText("08:00")
            self.closes_edits[weekday].setText("20:00")

    def _edited(self, *_args) -> None:
        self.dirty = True


class CalendarPage(QWidget):
    """The production calendar of a year and the working hours of the organization."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: calendar_ops.CalendarData | None = None
        self.busy = False
        self._generation = 0
        self._pending_day: dt.date | None = None

        self.lead = QLabel(self)
        self.lead.setObjectName("mutedLabel")
        self.lead.setWordWrap(True)
        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.year_combo.addItems([str(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)])
        self.year_combo.setCurrentText(str(dt.date.today().year))
        self.year_combo.setMaxVisibleItems(15)
        self.year_label.setBuddy(self.year_combo)
        self.prev_button = QToolButton(self)
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.today_button = QPushButton(self)
        self.seed_button = QPushButton(self)
        self.empty_notice = QLabel(self)
        self.empty_notice.setObjectName("notice")
        self.empty_notice.setWordWrap(True)
        self.empty_notice.hide()
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.year_label)
        toolbar.addWidget(self.prev_button)
        toolbar.addWidget(self.year_combo)
        toolbar.addWidget(self.next_button)
        toolbar.addWidget(self.today_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.seed_button)

        self.year_view = YearView(self)
        self.legend_labels: dict[str, QLabel] = {}
        legend = QHBoxLayout()
        legend.setSpacing(14)
        for kind in KINDS:
            swatch = QLabel(self)
            swatch.setPixmap(kind_icon(kind).pixmap(14, 14))
            label = QLabel(self)
            label.setObjectName("mutedLabel")
            self.legend_labels[kind] = label
            item = QHBoxLayout()
            item.setSpacing(5)
            item.addWidget(swatch)
            item.addWidget(label)
            legend.addLayout(item)
        self.legend_hint = QLabel(self)
        self.legend_hint.setObjectName("mutedLabel")
        # Takes the rest of the row, right-aligned; wraps rather than widen the window in a wordier language.
        self.legend_hint.setWordWrap(True)
        self.legend_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        legend.addWidget(self.legend_hint, 1)

        # The selected day: what it is, its note, and the kinds it can become.
        self.day_box = QGroupBox(self)
        self.day_title = QLabel(self.day_box)
        self.day_title.setObjectName("sectionTitle")
        self.day_title.setWordWrap(True)
        self.day_kind = QLabel(self.day_box)
        self.day_kind.setWordWrap(True)
        self.note_label = QLabel(self.day_box)
        self.note_edit = QLineEdit(self.day_box)
        self.note_edit.setMaxLength(300)
        self.note_edit.setClearButtonEnabled(True)
        self.note_label.setBuddy(self.note_edit)
        self.kind_buttons: dict[str, QPushButton] = {}
        kinds_grid = QGridLayout()
        kinds_grid.setSpacing(6)
        for number, kind in enumerate(KINDS):
            button = QPushButton(kind_icon(kind), "", self.day_box)
            button.clicked.connect(lambda _c=False, k=kind: self.set_kind(k))
            self.kind_buttons[kind] = button
            kinds_grid.addWidget(button, number // 2, number % 2)
        self.day_status = QLabel(self.day_box)
        self.day_status.setWordWrap(True)
        self.day_status.hide()
        day_layout = QVBoxLayout(self.day_box)
        day_layout.addWidget(self.day_title)
        day_layout.addWidget(self.day_kind)
        day_layout.addWidget(self.note_label)
        day_layout.addWidget(self.note_edit)
        day_layout.addLayout(kinds_grid)
        day_layout.addWidget(self.day_status)

        self.hours = HoursEditor(self)
        self.hours.scope_combo.currentIndexChanged.connect(lambda _i: self._scope_changed())
        self.hours.save_button.clicked.connect(self.save_hours)
        self.hours.revert_button.clicked.connect(self.hours.revert)

        side = QVBoxLayout()
        side.addWidget(self.day_box)
        side.addWidget(self.hours)
        side.addStretch(1)
        side_holder = QWidget(self)
        side_holder.setLayout(side)
        side.setContentsMargins(0, 0, 0, 0)
        side_holder.setFixedWidth(320)

        left = QVBoxLayout()
        left.addLayout(toolbar)
        left.addWidget(self.empty_notice)
        left.addWidget(self.year_view, 1)
        left.addLayout(legend)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addSpacing(8)
        body.addWidget(side_holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.lead)
        layout.addLayout(body, 1)

        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_changed())
        self.prev_button.clicked.connect(lambda: self.set_year(self.year - 1))
        self.next_button.clicked.connect(lambda: self.set_year(self.year + 1))
        self.today_button.clicked.connect(self.go_today)
        self.seed_button.clicked.connect(self.ask_fill)
        self.year_view.day_selected.connect(lambda _d: self._show_selected())
        self.year_view.menu_requested.connect(self._show_menu)
        operation_bus().changed.connect(self._changed)
        self.retranslate_ui()
        self._show_selected()
        self.refresh()

    # --- Public API ------------------------------------------------------------------------------

    @property
    def year(self) -> int:
        return int(self.year_combo.currentText())

    def set_year(self, year: int) -> None:
        if FIRST_YEAR <= year <= LAST_YEAR:
            self.year_combo.setCurrentText(str(year))

    def refresh(self) -> None:
        """Reads the shown year and the working hours again."""
        self._generation += 1
        generation, year = self._generation, self.year
        calendar_ops.load_calendar(parent=self, session=self.session, year=year).success(
            lambda data: self._show(data) if generation == self._generation else None
        ).run()

    def go_today(self) -> None:
        today = dt.date.today()
        self.set_year(today.year)
        self.year_view.select(today)

    def select_day(self, day: dt.date) -> None:
        """Shows ``day``'s year and selects the day."""
        if day.year != self.year or self.data is None or self.data.year != day.year:
            self._pending_day = day  # selected when its year is read
            self.set_year(day.year)
            return
        self.year_view.select(day)

    def selected_entry(self) -> CalendarEntry | None:
        day = self.year_view.selected
        return self.data.entry(day) if day is not None and self.data is not None else None

    def set_kind(self, kind: str, day: dt.date | None = None) -> None:
        """Stores ``kind`` (and the note typed beside it) for ``day``, the selected day by default."""
        day = day or self.year_view.selected
        if day is None or self.busy:
            return
        note = self.note_edit.text()
        self._set_busy(True)
        self._set_status(self.day_status, "", error=False)
        calendar_ops.set_day(parent=self, session=self.session, day=day, kind=kind, note=note).success(
            lambda _r: self._day_saved(day, kind)
        ).failure(lambda exc: self._day_failed(exc)).run()

    def day_menu(self, day: dt.date) -> QMenu:
        """The right-click menu of a day: its kinds, the current one checked."""
        menu = QMenu(self)
        entry = self.data.entry(day) if self.data is not None else None
        title = menu.addAction(long_date(day))
        title.setEnabled(False)
        menu.addSeparator()
        for kind in KINDS:
            action = menu.addAction(kind_icon(kind), kind_name(kind))
            action.setCheckable(True)
            action.setChecked(entry is not None and entry.kind == kind)
            action.setData(kind)
            action.triggered.connect(lambda _c=False, k=kind, d=day: self.set_kind(k, d))
        return menu

    def ask_fill(self) -> None:
        overwrite = self.ask_overwrite()
        if overwrite is not None:
            self.fill_year(overwrite=overwrite)

    def ask_overwrite(self) -> bool | None:
        """Asks whether days edited by hand are overwritten: True, False, or None to cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Fill from the Russian calendar"))
        box.setText(self.tr(
            "Fill {year} from the Russian production calendar: public holidays, transferred days off "
            "and shortened pre-holiday days?").format(year=self.year))
        box.setInformativeText(self.tr(
            "Days you have changed by hand (local holidays, your own transfers) can be kept or "
            "replaced by the official calendar."))
        keep = box.addButton(self.tr("Fill, &keep my changes"),
                             QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(self.tr("Fill and &overwrite my changes"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is keep:
            return False
        if clicked is replace:
            return True
        return None

    def fill_year(self, *, overwrite: bool) -> None:
        year = self.year
        self._set_busy(True)
        calendar_ops.seed_year(parent=self, session=self.session, year=year, overwrite=overwrite).success(
            lambda _n: self._filled(year)
        ).failure(lambda exc: self._day_failed(exc)).run()

    def save_hours(self) -> None:
        if self.busy:
            return
        self._set_busy(True)
        self.hours.show_message("", error=False)
        calendar_ops.save_working_hours(parent=self, session=self.session, hours=self.hours.typed_hours(),
                                        department_id=self.hours.department_id).success(
            lambda _r: self._hours_saved()
        ).failure(self._hours_failed).run()

    def retranslate_ui(self) -> None:
        self.lead.setText(self.tr(
            "The production calendar of the organization: which days it works, which are shortened, "
            "days off and public holidays. Schedules are generated onto it. Select a day and choose what "
            "it is, or right-click it."))
        self.year_label.setText(self.tr("&Year"))
        self.prev_button.setToolTip(self.tr("Previous year"))
        self.next_button.setToolTip(self.tr("Next year"))
        self.today_button.setText(self.tr("&Today"))
        self.seed_button.setText(self.tr("Fill from the &Russian calendar…"))
        self.seed_button.setToolTip(self.tr(
            "Public holidays, transferred days off and shortened days of the shown year, as the "
            "government sets them"))
        for kind, label in self.legend_labels.items():
            label.setText(kind_name(kind))
        self.legend_hint.setText(self.tr("Point at a day to read its note."))
        self.day_box.setTitle(self.tr("Selected day"))
        self.note_label.setText(self.tr("&Note"))
        self.note_edit.setPlaceholderText(self.tr("e.g. day off moved from Saturday"))
        make = {
            "working": self.tr("&Working"),
            "shortened": self.tr("Short&ened"),
            "weekend": self.tr("Day &off"),
            "holiday": self.tr("Ho&liday"),
        }
        for kind, button in self.kind_buttons.items():
            button.setText(make[kind])
            button.setToolTip(self.tr("Make the selected day: {kind}").format(
                kind=kind_name(kind).lower()))
        self.empty_notice.setText(self.tr(
            "This year has no public holidays yet: fill it from the Russian calendar, then adjust it."))
        self.hours.retranslate_ui()
        self._show_selected()
        self.year_view.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "hours"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _year_changed(self) -> None:
        self.prev_button.setEnabled(self.year > FIRST_YEAR)
        self.next_button.setEnabled(self.year < LAST_YEAR)
        self.refresh()

    def _show(self, data: calendar_ops.CalendarData) -> None:
        self.data = data
        self.year_view.set_entries(data.year, {e.day: e for e in data.days})
        self.empty_notice.setVisible(not any(e.kind == "holiday" for e in data.days))
        self.hours.set_departments(data.departments)
        if not self.hours.dirty:
            self.hours.show_hours(data.hours_of(self.hours.department_id))
        if self._pending_day is not None and self._pending_day.year == data.year:
            self.year_view.select(self._pending_day)
            self._pending_day = None
        if self.year_view.selected is None:
            today = dt.date.today()
            self.year_view.select(today if today.year == data.year else dt.date(data.year, 1, 1))
        self._show_selected()

    def _show_selected(self) -> None:
        day = self.year_view.selected
        entry = self.selected_entry()
        self.day_title.setText(long_date(day) if day is not None else
                               self.tr("No day selected"))
        if entry is not None:
            self.day_kind.setText(kind_name(entry.kind))
            self.day_kind.setStyleSheet(f"color: {INK[entry.kind].name()}; font-weight: 600;")
        else:
            self.day_kind.setText("")
        self.note_edit.setText(entry.note if entry is not None else "")
        for kind, button in self.kind_buttons.items():
            button.setEnabled(entry is not None and not self.busy and entry.kind != kind)

    def _show_menu(self, day: dt.date, position: QPoint) -> None:
        menu = self.day_menu(day)
        menu.exec(position)
        menu.deleteLater()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.seed_button.setEnabled(not busy)
        self.hours.save_button.setEnabled(not busy)
        self._show_selected()

    def _set_status(self, label: QLabel, text: str, *, error: bool) -> None:
        label.setObjectName("errorLabel" if error else "mutedLabel")
        label.style().unpolish(label)
        label.style().polish(label)
        label.setText(text)
        label.setVisible(bool(text))

    def _day_saved(self, day: dt.date, kind: str) -> None:
        self._set_busy(False)
        self._set_status(self.day_status, self.tr("Saved: {day} is now {kind}.").format(
            day=day.strftime("%d.%m.%Y"), kind=kind_name(kind).lower()), error=False)
        # The operation bus announces the change next, and every calendar page reloads.

    def _day_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self._set_status(self.day_status, error_text(exc), error=True)

    def _filled(self, year: int) -> None:
        self._set_busy(False)
        self._set_status(self.day_status, self.tr(
            "{year} is filled from the Russian production calendar.").format(year=year), error=False)

    def _scope_changed(self) -> None:
        if self.data is not None:
            self.hours.show_hours(self.data.hours_of(self.hours.department_id))
            self.hours.show_message("", error=False)

    def _hours_saved(self) -> None:
        self._set_busy(False)
        self.hours.dirty = False
        self.hours.show_message(self.tr("The working hours are saved."), error=False)

    def _hours_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        weekday = getattr(exc, "weekday", None)
        text = error_text(exc)
        if weekday is not None:
            text = f"{weekday_name(weekday)}: {text}"
        self.hours.show_message(text, error=True, weekday=weekday)

    def _changed(self, changes) -> None:
        if calendar_ops.CALENDAR_CHANGES in set(changes):
            self.refresh()

