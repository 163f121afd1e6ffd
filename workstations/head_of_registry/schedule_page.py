"""Schedule planning: for each doctor, office or piece of equipment its schedule templates, exceptions
(absences and changed days), the services it performs with their load rates, the day's patient limit
and the shares of its time reserved for the booking channels; and the generation of the templates
onto the calendar.

Every change goes through `planning_ops` (a service call on a worker thread). The services decide what
is valid: the dialogs show their refusals in place and keep what was typed. When an absence leaves
bookings outside working time, the page lists the patients to call and offers to move their bookings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.operations import operation_bus
from medcenter_desktop.scheduling_texts import channel_name
from medcenter_desktop.table_model import ALIGN_LEFT, ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.models.scheduling import CHANNELS, EXCEPTION_KINDS, TEMPLATE_KINDS
from shared.services.booking import MovedBooking
from shared.services.schedule_rules import (
    DayInterval,
    InvalidSchedule,
    format_minutes,
    parse_hhmm,
    template_days,
)
from shared.services.schedules import (
    ExceptionInfo,
    LoadRate,
    ResourceInfo,
    ScheduleOnHoliday,
    ServiceInfo,
    TemplateInfo,
)
from workstations.head_of_registry import planning_ops as ops

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

_Index = QModelIndex | QPersistentModelIndex

RESOURCE_KIND_NAMES = {
    "staff": QT_TRANSLATE_NOOP("SchedulePage", "Staff member"),
    "office": QT_TRANSLATE_NOOP("SchedulePage", "Office"),
    "equipment": QT_TRANSLATE_NOOP("SchedulePage", "Equipment"),
}
TEMPLATE_KIND_NAMES = {
    "weekly": QT_TRANSLATE_NOOP("SchedulePage", "Weekly"),
    "cycle": QT_TRANSLATE_NOOP("SchedulePage", "Shift cycle"),
    "parity": QT_TRANSLATE_NOOP("SchedulePage", "Even / odd dates"),
}
EXCEPTION_KIND_NAMES = {
    "vacation": QT_TRANSLATE_NOOP("SchedulePage", "Vacation"),
    "sick_leave": QT_TRANSLATE_NOOP("SchedulePage", "Sick leave"),
    "training": QT_TRANSLATE_NOOP("SchedulePage", "Training"),
    "day_off": QT_TRANSLATE_NOOP("SchedulePage", "Day off"),
    "changed_day": QT_TRANSLATE_NOOP("SchedulePage", "Changed day (other hours)"),
}
INTERVAL_KIND_NAMES = {
    "work": QT_TRANSLATE_NOOP("SchedulePage", "Work"),
    "break": QT_TRANSLATE_NOOP("SchedulePage", "Break"),
}
assert set(TEMPLATE_KIND_NAMES) == set(TEMPLATE_KINDS) and set(EXCEPTION_KIND_NAMES) == set(EXCEPTION_KINDS)

DAY_FORMAT = "dd.MM.yyyy"
GENERATE_DAYS = 30


def _t(source: str) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("SchedulePage", ...)`` in the current language."""
    return QCoreApplication.translate("SchedulePage", source)


def _day(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _when(value: dt.datetime | None) -> str:
    return value.strftime("%d.%m.%Y %H:%M") if value else ""


def phone_text(digits: str) -> str:
    if len(digits) == 11 and digits.startswith("7"):
        return f"+7 {digits[1:4]} {digits[4:7]}-{digits[7:9]}-{digits[9:]}"
    return digits


def weekday_name(iso_day: int, *, short: bool = False) -> str:
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    name = QLocale().standaloneDayName(iso_day, fmt)
    return name[:1].upper() + name[1:]


def day_choices(kind: str, cycle_days: int | None) -> list[tuple[int, str]]:
    """The days a template of ``kind`` has, with how the editor names them."""
    if kind == "weekly":
        return [(d, weekday_name(d)) for d in range(1, 8)]
    if kind == "cycle":
        return [(d, QCoreApplication.translate("SchedulePage", "Day {n}").format(n=d + 1))
                for d in template_days("cycle", cycle_days or 2)]
    return [(0, QCoreApplication.translate("SchedulePage", "Even dates")),
            (1, QCoreApplication.translate("SchedulePage", "Odd dates"))]


def _day_label(kind: str, day_index: int, *, short: bool = True) -> str:
    if kind == "weekly":
        return weekday_name(day_index, short=short)
    if kind == "cycle":
        return QCoreApplication.translate("SchedulePage", "Day {n}").format(n=day_index + 1)
    return (QCoreApplication.translate("SchedulePage", "Even dates") if day_index == 0
            else QCoreApplication.translate("SchedulePage", "Odd dates"))


def _range(item: DayInterval) -> str:
    return f"{format_minutes(item.start_minute)}–{format_minutes(item.end_minute)}"


def hours_text(intervals: Sequence[DayInterval]) -> str:
    """ "08:00–14:00 (break 11:00–11:30)" for the ranges of one day."""
    ordered = sorted(intervals, key=lambda i: i.start_minute)
    work = ", ".join(_range(i) for i in ordered if i.kind == "work")
    breaks = ", ".join(_range(i) for i in ordered if i.kind == "break")
    if breaks:
        text = QCoreApplication.translate("SchedulePage", "{work} (break {breaks})")
        return text.format(work=work, breaks=breaks)
    return work


def template_summary(template: TemplateInfo) -> str:
    """The template's hours with equal neighbouring days grouped: "Mon–Fri 08:00–14:00 (break …); Sat …"."""
    by_day: dict[int, list[DayInterval]] = {}
    for item in template.intervals:
        by_day.setdefault(item.day_index, []).append(item)
    groups: list[tuple[int, int, str]] = []
    for day in template_days(template.kind, template.cycle_days):
        if day not in by_day:
            continue
        text = hours_text(by_day[day])
        if groups and groups[-1][2] == text and groups[-1][1] == day - 1:
            groups[-1] = (groups[-1][0], day, text)
        else:
            groups.append((day, day, text))
    parts = []
    for first, last, text in groups:
        days = _day_label(template.kind, first)
        if last != first:
            days += "–" + _day_label(template.kind, last)
        parts.append(f"{days} {text}")
    return "; ".join(parts)


def _template_kind(t: TemplateInfo) -> str:
    if t.kind == "cycle":
        return QCoreApplication.translate("SchedulePage", "Shift cycle of {n} days").format(n=t.cycle_days)
    return _t(TEMPLATE_KIND_NAMES[t.kind])


def _validity(first: dt.date, last: dt.date | None) -> str:
    if last is None:
        return QCoreApplication.translate("SchedulePage", "from {first}").format(first=_day(first))
    return f"{_day(first)} – {_day(last)}"


def _col(header: str, getter: Callable, alignment: Qt.AlignmentFlag = ALIGN_LEFT) -> Column:
    return Column(header, getter, alignment, "SchedulePage")


def _resource_kind(r: ResourceInfo) -> str:
    return r.position or _t(RESOURCE_KIND_NAMES.get(r.kind, r.kind))


RESOURCE_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Name"), lambda r: r.name),
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Position / kind"), _resource_kind),
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Department"), lambda r: r.department),
)
TEMPLATE_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Template"), lambda t: t.name),
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Kind"), _template_kind),
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Valid"), lambda t: _validity(t.valid_from, t.valid_to)),
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Hours"), template_summary),
)
EXCEPTION_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Exception"), lambda e: _t(EXCEPTION_KIND_NAMES[e.kind])),
    _col(QT_TRANSLATE_NOOP("SchedulePage", "From"), lambda e: e.first_day, ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("SchedulePage", "To"), lambda e: e.last_day, ALIGN_RIGHT),
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Hours"), lambda e: hours_text(e.intervals)),
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Note"), lambda e: e.note),
)
MINUTES_COLUMN = 2
RATE_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Code"), lambda r: r.service_code),
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Service"), lambda r: r.service_name),
    _col(QT_TRANSLATE_NOOP("SchedulePage", "Minutes"), lambda r: r.duration_minutes, ALIGN_RIGHT),
)


def _orphan_columns(names: Callable[[int], str]) -> tuple[Column, ...]:
    return (
        _col(QT_TRANSLATE_NOOP("SchedulePage", "Time"), lambda o: _when(o.starts_at)),
        _col(QT_TRANSLATE_NOOP("SchedulePage", "Patient"), lambda o: o.patient_name),
        _col(QT_TRANSLATE_NOOP("SchedulePage", "Phone"), lambda o: phone_text(o.phone)),
        _col(QT_TRANSLATE_NOOP("SchedulePage", "Booked with"), lambda o: names(o.resource_id)),
    )


def _moved_columns(names: Callable[[int], str]) -> tuple[Column, ...]:
    return (
        _col(QT_TRANSLATE_NOOP("SchedulePage", "Patient"), lambda m: m.client_name),
        _col(QT_TRANSLATE_NOOP("SchedulePage", "Phone"), lambda m: phone_text(m.phone)),
        _col(QT_TRANSLATE_NOOP("SchedulePage", "Was"), lambda m: _when(m.old_starts_at)),
        _col(QT_TRANSLATE_NOOP("SchedulePage", "Now"),
             lambda m: _when(m.new_starts_at) if m.new_starts_at else _t(NOT_MOVED)),
        _col(QT_TRANSLATE_NOOP("SchedulePage", "With"),
             lambda m: names(m.new_resource_id) if m.new_resource_id is not None else ""),
        _col(QT_TRANSLATE_NOOP("SchedulePage", "Service"), lambda m: m.service_name),
    )


NOT_MOVED = QT_TRANSLATE_NOOP("SchedulePage", "not moved")


def _table(parent: QWidget, model, *, stretch_last: bool = True) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    return view


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.hide()
    return label


def _show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def _date_edit(parent: QWidget, value: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(value), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DAY_FORMAT)
    edit.setMinimumWidth(120)
    return edit


def _form_labels(parent: QWidget, buddies: Sequence[QWidget]) -> list[QLabel]:
    """Labels of a form's rows, their texts set on (re)translation."""
    labels = []
    for buddy in buddies:
        label = QLabel(parent)
        label.setBuddy(buddy)
        labels.append(label)
    return labels


class DialogFooter(QWidget):
    """A dialog's buttons on the right: the main action (if any) and Cancel, or Close."""

    def __init__(self, dialog: QDialog, *, main: bool = True, close: bool = False) -> None:
        super().__init__(dialog)
        self.close_text = close
        self.main_button = QPushButton(self)
        self.main_button.setObjectName("primaryButton")
        self.main_button.setDefault(main)
        self.main_button.setVisible(main)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(dialog.reject)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.main_button)
        layout.addWidget(self.cancel_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.cancel_button.setText(QCoreApplication.translate("SchedulePage", "Close") if self.close_text
                                   else QCoreApplication.translate("SchedulePage", "Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "cancel_button"):
            self.retranslate_ui()
        super().changeEvent(event)


def _dialog_buttons(dialog: QDialog, ok_text: str) -> tuple[DialogFooter, QPushButton]:
    footer = DialogFooter(dialog)
    footer.main_button.setText(ok_text)
    return footer, footer.main_button


# --- Working ranges editor ------------------------------------------------------------------------


class _Row:
    """The widgets of one working range: day, from, to, work or break, office."""

    def __init__(self, parent: QWidget) -> None:
        self.day_combo = QComboBox(parent)
        self.from_edit = QLineEdit(parent)
        self.to_edit = QLineEdit(parent)
        for edit in (self.from_edit, self.to_edit):
            edit.setMaxLength(5)
            edit.setPlaceholderText(QCoreApplication.translate("SchedulePage", "HH:MM"))
            edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kind_combo = QComboBox(parent)
        self.office_combo = QComboBox(parent)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.day_combo, self.from_edit, self.to_edit, self.kind_combo, self.office_combo)

    def is_empty(self) -> bool:
        return not self.from_edit.text().strip() and not self.to_edit.text().strip()


class IntervalsEditor(QWidget):
    """A table of working ranges and breaks typed as HH:MM (24:00 ends the day)."""

    DAY, FROM, TO, KIND, OFFICE = range(5)

    def __init__(self, offices: Sequence[ops.OfficeChoice], *, with_days: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offices = tuple(offices)
        self.with_days = with_days
        self.rows: list[_Row] = []
        self._choices: list[tuple[int, str]] = [(0, "")]
        self._current: _Row | None = None
        self.table = QTableWidget(0, 5, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((self.DAY, 140), (self.FROM, 80), (self.TO, 80), (self.KIND, 110)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnHidden(self.DAY, not with_days)
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy_day)
        self.copy_button.setVisible(with_days)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def set_day_choices(self, choices: Sequence[tuple[int, str]]) -> None:
        """Renames the days (kind or cycle length changed); a row keeps its day when it still exists."""
        self._choices = list(choices) or [(0, "")]
        for row in self.rows:
            self._fill_days(row, row.day_combo.currentData())

    def add_row(self, interval: DayInterval | None = None, *, day: int | None = None) -> _Row:
        row = _Row(self)
        number = len(self.rows)
        self.table.insertRow(number)
        for column, widget in enumerate(row.widgets()):
            self.table.setCellWidget(number, column, widget)
            widget.installEventFilter(self)
        self.rows.append(row)
        self._fill_days(row, interval.day_index if interval else day)
        self._fill_kinds(row, interval.kind if interval else "work")
        self._fill_offices(row, interval.office_id if interval else None)
        if interval is not None:
            row.from_edit.setText(format_minutes(interval.start_minute))
            row.to_edit.setText(format_minutes(interval.end_minute))
        for edit in (row.from_edit, row.to_edit):
            edit.textEdited.connect(lambda _t, e=edit: self._mark(e, False))
        self._current = row
        return row

    def remove_row(self) -> None:
        row = self._current if self._current in self.rows else (self.rows[-1] if self.rows else None)
        if row is None:
            return
        number = self.rows.index(row)
        self.rows.pop(number)
        self.table.removeRow(number)
        self._current = self.rows[min(number, len(self.rows) - 1)] if self.rows else None

    def copy_day(self) -> None:
        """Repeats the ranges of the chosen row's day on the next day (Monday's hours → Tuesday)."""
        row = self._current if self._current in self.rows else (self.rows[-1] if self.rows else None)
        if row is None:
            return
        day = row.day_combo.currentData()
        days = [d for d, _ in self._choices]
        if day not in days:
            return
        target = days[(days.index(day) + 1) % len(days)]
        source = [r for r in self.rows if r.day_combo.currentData() == day]
        added = None
        for r in source:
            added = self.add_row(day=target)
            added.from_edit.setText(r.from_edit.text())
            added.to_edit.setText(r.to_edit.text())
            self._fill_kinds(added, r.kind_combo.currentData())
            self._fill_offices(added, r.office_combo.currentData())
        if added is not None:
            self._current = added

    def set_intervals(self, intervals: Sequence[DayInterval]) -> None:
        while self.rows:
            self.table.removeRow(0)
            self.rows.pop(0)
        for item in sorted(intervals, key=lambda i: (i.day_index, i.kind != "work", i.start_minute)):
            self.add_row(item)

    def intervals(self) -> list[DayInterval]:
        """The typed ranges (empty rows are left out); a badly typed time raises `InvalidSchedule`
        and is marked."""
        result = []
        for row in self.rows:
            if row.is_empty():
                continue
            minutes = []
            for edit in (row.from_edit, row.to_edit):
                try:
                    minutes.append(parse_hhmm(edit.text()))
                except InvalidSchedule:
                    self._mark(edit, True)
                    edit.setFocus()
                    raise
            day = row.day_combo.currentData() if self.with_days else 0
            result.append(DayInterval(int(day or 0), minutes[0], minutes[1], row.kind_combo.currentData(),
                                      row.office_combo.currentData()))
        return result

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("SchedulePage", "Day"),
            QCoreApplication.translate("SchedulePage", "From"),
            QCoreApplication.translate("SchedulePage", "To"),
            QCoreApplication.translate("SchedulePage", "Work / break"),
            QCoreApplication.translate("SchedulePage", "Office"),
        ])
        self.add_button.setText(QCoreApplication.translate("SchedulePage", "Add a range"))
        self.copy_button.setText(QCoreApplication.translate("SchedulePage", "Repeat the day on the next day"))
        self.remove_button.setText(QCoreApplication.translate("SchedulePage", "Remove the range"))
        for row in self.rows:
            self._fill_kinds(row, row.kind_combo.currentData())
            self._fill_offices(row, row.office_combo.currentData())
            for edit in (row.from_edit, row.to_edit):
                edit.setPlaceholderText(QCoreApplication.translate("SchedulePage", "HH:MM"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn:
            for row in self.rows:
                if watched in row.widgets():
                    self._current = row
                    break
        return super().eventFilter(watched, event)

    # --- Internals -------------------------------------------------------------------------------

    def _fill_days(self, row: _Row, day) -> None:
        combo = row.day_combo
        combo.blockSignals(True)
        combo.clear()
        for index, label in self._choices:
            combo.addItem(label, index)
        found = combo.findData(day) if day is not None else -1
        combo.setCurrentIndex(found if found >= 0 else 0)
        combo.blockSignals(False)

    def _fill_kinds(self, row: _Row, kind: str | None) -> None:
        combo = row.kind_combo
        combo.clear()
        for value, label in INTERVAL_KIND_NAMES.items():
            combo.addItem(_t(label), value)
        combo.setCurrentIndex(max(0, combo.findData(kind or "work")))

    def _fill_offices(self, row: _Row, office_id: int | None) -> None:
        combo = row.office_combo
        combo.clear()
        combo.addItem(QCoreApplication.translate("SchedulePage", "—"), None)
        for office in self.offices:
            combo.addItem(office.name, office.id)
        found = combo.findData(office_id) if office_id is not None else 0
        combo.setCurrentIndex(max(0, found))

    @staticmethod
    def _mark(edit: QLineEdit, bad: bool) -> None:
        edit.setStyleSheet("border: 1px solid #a61b1b; background: #fdecec;" if bad else "")


# --- Template editor ----------------------------------------------------------------------------------


class TemplateDialog(QDialog):
    """Creates or changes a schedule template; the service's refusal is shown and the input kept."""

    saved = Signal(int)

    def __init__(self, session: AppSession, resource: ResourceInfo, offices: Sequence[ops.OfficeChoice],
                 template: TemplateInfo | None = None, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session, self.resource, self.template = session, resource, template
        self.busy = False
        today = today or dt.date.today()
        self.resize(820, 600)
        self.name_edit = QLineEdit(template.name if template else "", self)
        self.name_edit.setMaxLength(120)
        self.kind_combo = QComboBox(self)
        for kind in TEMPLATE_KINDS:
            self.kind_combo.addItem("", kind)
        self.cycle_spin = QSpinBox(self)
        self.cycle_spin.setRange(2, 28)
        self.cycle_spin.setValue(template.cycle_days if template and template.cycle_days else 4)
        self.cycle_label = QLabel(self)
        self.from_date = _date_edit(self, template.valid_from if template else today)
        self.to_check = QCheckBox(self)
        self.to_date = _date_edit(self, (template.valid_to if template and template.valid_to
                                         else today + dt.timedelta(days=365)))
        self.to_check.setChecked(bool(template and template.valid_to))
        self.skip_check = QCheckBox(self)
        self.skip_check.setChecked(template.skip_non_working if template else True)
        self.shorten_check = QCheckBox(self)
        self.shorten_check.setChecked(template.shorten_pre_holiday if template else True)
        self.hours_label = QLabel(self)
        self.hours_label.setObjectName("sectionTitle")
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("mutedLabel")
        self.hint_label.setWordWrap(True)
        self.intervals = IntervalsEditor(offices, parent=self)
        self.error_label = _error_label(self)
        self.buttons, self.save_button = _dialog_buttons(self, "")
        self.save_button.clicked.connect(self.save)

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_combo)
        kind_row.addWidget(self.cycle_spin)
        kind_row.addWidget(self.cycle_label)
        kind_row.addStretch(1)
        period = QHBoxLayout()
        period.addWidget(self.from_date)
        period.addSpacing(12)
        period.addWidget(self.to_check)
        period.addWidget(self.to_date)
        period.addStretch(1)
        self.form = QFormLayout()
        self.form_labels = _form_labels(self, (self.name_edit, self.kind_combo, self.from_date))
        self.form.addRow(self.form_labels[0], self.name_edit)
        self.form.addRow(self.form_labels[1], kind_row)
        self.form.addRow(self.form_labels[2], period)
        self.form.addRow(self.skip_check)
        self.form.addRow(self.shorten_check)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hours_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.intervals, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        kind = template.kind if template else "weekly"
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.cycle_spin.valueChanged.connect(lambda _v: self._kind_changed())
        self.to_check.toggled.connect(self.to_date.setEnabled)
        self.to_date.setEnabled(self.to_check.isChecked())
        self.retranslate_ui()
        if template is not None:
            self.intervals.set_intervals(template.intervals)
        else:
            self.intervals.add_row(day=1)

    # --- Public API ------------------------------------------------------------------------------

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str, cycle_days: int | None = None) -> None:
        if cycle_days is not None:
            self.cycle_spin.setValue(cycle_days)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def draft(self) -> ops.TemplateDraft:
        """What was typed; a badly typed time raises `InvalidSchedule`."""
        kind = self.kind()
        return ops.TemplateDraft(
            name=self.name_edit.text(), kind=kind, valid_from=_pydate(self.from_date),
            valid_to=_pydate(self.to_date) if self.to_check.isChecked() else None,
            intervals=tuple(self.intervals.intervals()),
            cycle_days=self.cycle_spin.value() if kind == "cycle" else None,
            skip_non_working=self.skip_check.isChecked(), shorten_pre_holiday=self.shorten_check.isChecked(),
            template_id=self.template.id if self.template else None,
            version=self.template.version if self.template else None)

    def save(self) -> None:
        if self.busy:
            return
        _show_message(self.error_label, "")
        try:
            draft = self.draft()
        except InvalidSchedule as exc:
            _show_message(self.error_label, error_text(exc))
            return
        self._set_busy(True)
        ops.save_template(parent=self, session=self.session, resource_id=self.resource.id,
                          draft=draft).success(self._saved).failure(self._refused).run()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            (self.tr("Schedule template") if self.template else self.tr("New schedule template"))
            + f" — {self.resource.name}")
        for label, text in zip(self.form_labels, (self.tr("&Name"), self.tr("&Kind"), self.tr("Valid &from")),
                               strict=True):
            label.setText(text)
        self.name_edit.setPlaceholderText(self.tr("For example: Five-day week, mornings"))
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, _t(TEMPLATE_KIND_NAMES[self.kind_combo.itemData(index)]))
        self.cycle_label.setText(self.tr("days in the cycle"))
        self.to_check.setText(self.tr("valid &to"))
        self.skip_check.setText(self.tr(
            "&Rest on public holidays and weekdays made days off (production calendar)"))
        self.shorten_check.setText(self.tr("&Shorten pre-holiday days by an hour"))
        self.hours_label.setText(self.tr("Working hours"))
        self.save_button.setText(self.tr("&Save"))
        self.intervals.retranslate_ui()
        self._kind_changed()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "intervals"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kind = self.kind()
        cycle = kind == "cycle"
        self.cycle_spin.setVisible(cycle)
        self.cycle_label.setVisible(cycle)
        self.intervals.set_day_choices(day_choices(kind, self.cycle_spin.value()))
        hints = {
            "weekly": self.tr("One row per range: the day of the week, from, to (HH:MM; 24:00 is the end "
                              "of the day). A break lies inside a working range."),
            "cycle": self.tr("Day 1 is the “valid from” date; the cycle repeats from there. A night shift is "
                             "two ranges: until 24:00 and from 00:00 on the next day of the cycle."),
            "parity": self.tr("Ranges of even dates (2nd, 4th, …) and of odd dates (1st, 3rd, …)."),
        }
        self.hint_label.setText(hints[kind])

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy)

    def _saved(self, template_id: int) -> None:
        self._set_busy(False)
        self.saved.emit(template_id)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._set_busy(False)
        _show_message(self.error_label, error_text(exc))


# --- Exceptions -----------------------------------------------------------------------------------------


class ExceptionDialog(QDialog):
    """An absence (vacation, sick leave, training, day off) over days, or a changed day with its hours."""

    #: The exception was recorded: the `PlanOutcome` of regenerating its days.
    added = Signal(object)

    def __init__(self, session: AppSession, resource: ResourceInfo, offices: Sequence[ops.OfficeChoice],
                 parent: QWidget | None = None, day: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session, self.resource = session, resource
        self.busy = False
        #: The last question asked ("work on this day off anyway?"), for tests.
        self.asked: str | None = None
        day = day or dt.date.today()
        self.resize(700, 460)
        self.kind_combo = QComboBox(self)
        for kind in EXCEPTION_KINDS:
            self.kind_combo.addItem("", kind)
        self.from_date = _date_edit(self, day)
        self.to_date = _date_edit(self, day)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(500)
        self.hours_label = QLabel(self)
        self.intervals = IntervalsEditor(offices, with_days=False, parent=self)
        self.error_label = _error_label(self)
        self.buttons, self.save_button = _dialog_buttons(self, "")
        self.save_button.clicked.connect(lambda: self.save())
        period = QHBoxLayout()
        period.addWidget(self.from_date)
        self.to_label = QLabel(self)
        period.addWidget(self.to_label)
        period.addWidget(self.to_date)
        period.addStretch(1)
        self.form = QFormLayout()
        self.form_labels = _form_labels(self, (self.kind_combo, self.from_date, self.note_edit))
        self.form.addRow(self.form_labels[0], self.kind_combo)
        self.form.addRow(self.form_labels[1], period)
        self.form.addRow(self.form_labels[2], self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hours_label)
        layout.addWidget(self.intervals, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.from_date.dateChanged.connect(lambda _d: self._from_changed())
        self.retranslate_ui()
        self._kind_changed()

    # --- Public API ------------------------------------------------------------------------------

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def set_period(self, first: dt.date, last: dt.date) -> None:
        self.from_date.setDate(_qdate(first))
        self.to_date.setDate(_qdate(last))

    def save(self, *, allow_day_off: bool = False) -> None:
        if self.busy:
            return
        _show_message(self.error_label, "")
        kind = self.kind()
        try:
            intervals = self.intervals.intervals() if kind == "changed_day" else []
        except InvalidSchedule as exc:
            _show_message(self.error_label, error_text(exc))
            return
        first = _pydate(self.from_date)
        last = first if kind == "changed_day" else _pydate(self.to_date)
        self._set_busy(True)
        ops.add_exception(parent=self, session=self.session, resource_id=self.resource.id, kind=kind,
                          first_day=first, last_day=last, note=self.note_edit.text(), intervals=intervals,
                          allow_day_off=allow_day_off).success(self._added).failure(self._refused).run()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Exception in the schedule") + f" — {self.resource.name}")
        for label, text in zip(self.form_labels, (self.tr("&What"), self.tr("&From"), self.tr("&Note")),
                               strict=True):
            label.setText(text)
        self.to_label.setText(self.tr("to"))
        for index in range(self.kind_combo.count()):
            self.kind_combo.setItemText(index, _t(EXCEPTION_KIND_NAMES[self.kind_combo.itemData(index)]))
        self.note_edit.setPlaceholderText(self.tr("For example: the order number, the reason"))
        self.hours_label.setText(self.tr("Working hours of the day (replace the template's hours):"))
        self.save_button.setText(self.tr("&Add"))
        self.intervals.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "intervals"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        changed = self.kind() == "changed_day"
        self.hours_label.setVisible(changed)
        self.intervals.setVisible(changed)
        self.to_date.setEnabled(not changed)
        if changed:
            self.to_date.setDate(self.from_date.date())
            if not self.intervals.rows:
                self.intervals.add_row()
        if changed:
            self.resize(max(self.width(), 700), max(self.height(), 460))
        else:
            self.adjustSize()

    def _from_changed(self) -> None:
        if self.kind() == "changed_day" or self.to_date.date() < self.from_date.date():
            self.to_date.setDate(self.from_date.date())

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy)

    def _added(self, outcome: ops.PlanOutcome) -> None:
        self._set_busy(False)
        self.added.emit(outcome)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, ScheduleOnHoliday):
            self.asked = error_text(exc)
            answer = QMessageBox.question(
                self, self.tr("Work on a day off"),
                self.asked + "\n\n" + self.tr("Work on this day off anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.save(allow_day_off=True)
            return
        _show_message(self.error_label, error_text(exc))


# --- Patients to call ----------------------------------------------------------------------------------


class OrphansPanel(QWidget):
    """Bookings left outside working time, whom to call, and moving them to other times."""

    #: The bookings were moved: the report (a tuple of `MovedBooking`).
    moved = Signal(object)

    def __init__(self, session: AppSession, names: Callable[[int], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.orphans: tuple[ops.Orphan, ...] = ()
        self.report: tuple[MovedBooking, ...] | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.orphan_model = DtoTableModel(_orphan_columns(names), id_attr="booking_id", parent=self)
        self.orphan_view = _table(self, self.orphan_model)
        self.report_model = DtoTableModel(_moved_columns(names), id_attr="booking_id", parent=self)
        self.report_view = _table(self, self.report_model)
        self.report_view.hide()
        self.same_day_radio = QRadioButton(self)
        self.next_day_radio = QRadioButton(self)
        self.same_day_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.same_day_radio)
        group.addButton(self.next_day_radio)
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("primaryButton")
        self.move_button.clicked.connect(lambda: self.move())
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.move_row = QWidget(self)
        row = QHBoxLayout(self.move_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.from_label = QLabel(self.move_row)
        row.addWidget(self.from_label)
        row.addWidget(self.same_day_radio)
        row.addWidget(self.next_day_radio)
        row.addStretch(1)
        row.addWidget(self.move_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.orphan_view, 1)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.move_row)
        layout.addWidget(self.status_label)
        self.retranslate_ui()

    def set_orphans(self, orphans: Sequence[ops.Orphan]) -> None:
        self.orphans = tuple(orphans)
        self.report = None
        self.orphan_model.set_rows(self.orphans)
        self.orphan_view.resizeColumnsToContents()
        self.orphan_view.show()
        self.report_view.hide()
        self.move_row.setVisible(bool(self.orphans))
        self.move_button.setEnabled(bool(self.orphans))
        self.status_label.clear()
        self.retranslate_ui()

    def move(self, *, same_day: bool | None = None) -> None:
        if self.busy or not self.orphans:
            return
        if same_day is None:
            same_day = self.same_day_radio.isChecked()
        self.busy = True
        self.move_button.setEnabled(False)
        ops.move_bookings(parent=self, session=self.session, orphans=self.orphans, same_day=same_day).success(
            self._moved).failure(self._failed).run()

    def retranslate_ui(self) -> None:
        if self.report is not None:
            moved = sum(1 for m in self.report if m.new_starts_at is not None)
            self.heading.setText(self.tr(
                "Moved to new times: {moved} of {total}. Call the patients:").format(
                moved=moved, total=len(self.report)))
        elif self.orphans:
            self.heading.setText(self.tr(
                "Bookings now outside working time: {count}. Call these patients:").format(
                count=len(self.orphans)))
        else:
            self.heading.setText(self.tr("No bookings are left outside working time."))
        self.from_label.setText(self.tr("Move to the first free time of any doctor performing the service:"))
        self.same_day_radio.setText(self.tr("from the &same day"))
        self.next_day_radio.setText(self.tr("from the ne&xt day"))
        self.move_button.setText(self.tr("&Move these bookings"))
        for model in (self.orphan_model, self.report_model):
            model.set_rows(model.rows())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "report_model"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _moved(self, report: tuple[MovedBooking, ...]) -> None:
        self.busy = False
        self.report = tuple(report)
        self.report_model.set_rows(self.report)
        self.report_view.resizeColumnsToContents()
        self.report_view.setColumnWidth(0, min(self.report_view.columnWidth(0), 240))
        self.orphan_view.hide()
        self.report_view.show()
        self.move_row.hide()
        not_moved = sum(1 for m in self.report if m.new_starts_at is None)
        self.status_label.setObjectName("errorLabel" if not_moved else "mutedLabel")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(self.tr(
            "No free time found, left where they were: {count}. Agree a time with these patients."
        ).format(count=not_moved) if not_moved else "")
        self.retranslate_ui()
        self.moved.emit(self.report)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.move_button.setEnabled(True)
        self.status_label.setText(error_text(exc))
        show_error(self, exc)


class OutcomeDialog(QDialog):
    """What an exception's regeneration left: the patients to call, and moving their bookings."""

    def __init__(self, session: AppSession, outcome: ops.PlanOutcome, names: Callable[[int], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = outcome
        self.resize(860, 460)
        self.panel = OrphansPanel(session, names, self)
        self.panel.set_orphans(outcome.orphans)
        buttons = DialogFooter(self, main=False, close=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Patients to call"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "panel"):
            self.retranslate_ui()
        super().changeEvent(event)


class GenerateDialog(QDialog):
    """Lays the templates onto the calendar for a period, for one resource or all of them."""

    def __init__(self, session: AppSession, resource: ResourceInfo | None, names: Callable[[int], str],
                 parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session, self.resource = session, resource
        self.busy = False
        self.outcome: ops.PlanOutcome | None = None
        today = today or dt.date.today()
        self.resize(760, 300)
        self.from_date = _date_edit(self, today)
        self.to_date = _date_edit(self, today + dt.timedelta(days=GENERATE_DAYS))
        self.one_radio = QRadioButton(self)
        self.all_radio = QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(self.one_radio)
        group.addButton(self.all_radio)
        self.one_radio.setEnabled(resource is not None)
        (self.one_radio if resource is not None else self.all_radio).setChecked(True)
        self.lead = QLabel(self)
        self.lead.setObjectName("mutedLabel")
        self.lead.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.error_label = _error_label(self)
        self.panel = OrphansPanel(session, names, self)
        self.panel.hide()
        self.buttons = DialogFooter(self, close=True)
        self.generate_button = self.buttons.main_button
        self.generate_button.clicked.connect(self.generate)
        period = QHBoxLayout()
        self.period_label = QLabel(self)
        self.to_label = QLabel(self)
        period.addWidget(self.period_label)
        period.addWidget(self.from_date)
        period.addWidget(self.to_label)
        period.addWidget(self.to_date)
        period.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lead)
        layout.addLayout(period)
        layout.addWidget(self.one_radio)
        layout.addWidget(self.all_radio)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.panel, 1)
        layout.addStretch(0)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def set_period(self, first: dt.date, last: dt.date) -> None:
        self.from_date.setDate(_qdate(first))
        self.to_date.setDate(_qdate(last))

    def generate(self) -> None:
        if self.busy:
            return
        _show_message(self.error_label, "")
        ids = [self.resource.id] if self.resource is not None and self.one_radio.isChecked() else None
        self.busy = True
        self.generate_button.setEnabled(False)
        ops.generate(parent=self, session=self.session, first=_pydate(self.from_date),
                     last=_pydate(self.to_date), resource_ids=ids).with_progress(
            self.tr("Generating the schedule…")).success(self._done).failure(self._refused).run()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Generate the schedule"))
        self.lead.setText(self.tr(
            "The templates and exceptions are laid onto the production calendar. What was generated for the "
            "period before is replaced; bookings stay, and those left outside working time are listed."))
        self.period_label.setText(self.tr("Period from"))
        self.to_label.setText(self.tr("to"))
        name = self.resource.name if self.resource is not None else "—"
        self.one_radio.setText(self.tr("Only for {name}").format(name=name))
        self.all_radio.setText(self.tr("For all doctors, offices and equipment"))
        self.generate_button.setText(self.tr("&Generate"))
        if self.outcome is not None:
            o = self.outcome
            self.result_label.setText(self.tr(
                "Done for {days} days: working ranges and breaks: {intervals}; days off of the calendar "
                "skipped: {skipped}.").format(days=o.days, intervals=o.intervals, skipped=o.skipped_days_off))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "panel"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _done(self, outcome: ops.PlanOutcome) -> None:
        self.busy = False
        self.generate_button.setEnabled(True)
        self.outcome = outcome
        self.panel.set_orphans(outcome.orphans)
        self.panel.setVisible(bool(outcome.orphans))
        if outcome.orphans:
            self.resize(max(self.width(), 860), max(self.height(), 540))
        self.retranslate_ui()

    def _refused(self, exc: Exception) -> None:
        self.busy = False
        self.generate_button.setEnabled(True)
        _show_message(self.error_label, error_text(exc))


# --- Services and load rates ---------------------------------------------------------------------------


class LoadRateModel(DtoTableModel):
    """Load rates with the minutes editable in place; an edit is handed to ``edited``, not stored here."""

    edited = Signal(int, object)  # service id, typed minutes

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == MINUTES_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == MINUTES_COLUMN:
            row = self.row_at(index)
            return row.duration_minutes if row is not None else None
        return super().data(index, role)

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        row = self.row_at(index) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or row is None or index.column() != MINUTES_COLUMN:
            return False
        if str(value) != str(row.duration_minutes):
            self.edited.emit(row.service_id, value)
        return True


class LoadRateDialog(QDialog):
    """Adds a service of the catalogue to the resource, with the minutes it takes this resource."""

    def __init__(self, session: AppSession, resource: ResourceInfo, catalogue: Sequence[ServiceInfo],
                 taken: set[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.resource = session, resource
        self.busy = False
        self.resize(640, 200)
        self.service_combo = QComboBox(self)
        self.service_combo.setEditable(True)
        self.service_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.service_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.service_combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.services = {s.id: s for s in catalogue}
        for service in catalogue:
            if service.id not in taken:
                self.service_combo.addItem(f"{service.code} {service.name}", service.id)
        self.minutes_spin = QSpinBox(self)
        self.minutes_spin.setRange(1, 1440)
        self.error_label = _error_label(self)
        self.buttons, self.save_button = _dialog_buttons(self, "")
        self.save_button.clicked.connect(self.save)
        self.form = QFormLayout()
        self.form_labels = _form_labels(self, (self.service_combo, self.minutes_spin))
        self.form.addRow(self.form_labels[0], self.service_combo)
        self.form.addRow(self.form_labels[1], self.minutes_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.service_combo.currentIndexChanged.connect(lambda _i: self._service_changed())
        self._service_changed()
        self.retranslate_ui()

    def set_service(self, service_id: int, minutes: int | None = None) -> None:
        self.service_combo.setCurrentIndex(self.service_combo.findData(service_id))
        if minutes is not None:
            self.minutes_spin.setValue(minutes)

    def save(self) -> None:
        service_id = self.service_combo.currentData()
        if self.busy:
            return
        if service_id is None or self.service_combo.currentText() != self.service_combo.itemText(
                self.service_combo.currentIndex()):
            _show_message(self.error_label, self.tr("Choose a service from the catalogue."))
            return
        self.busy = True
        self.save_button.setEnabled(False)
        ops.set_load_rate(parent=self, session=self.session, resource_id=self.resource.id,
                          service_id=service_id, minutes=self.minutes_spin.value()).success(
            lambda _r: self.accept()).failure(self._refused).run()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Add a service") + f" — {self.resource.name}")
        texts = (self.tr("&Service"), self.tr("&Minutes it takes"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.save_button.setText(self.tr("&Add"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save_button"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _service_changed(self) -> None:
        service = self.services.get(self.service_combo.currentData())
        if service is not None:
            self.minutes_spin.setValue(service.duration_minutes)

    def _refused(self, exc: Exception) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        _show_message(self.error_label, error_text(exc))


# --- Resource list --------------------------------------------------------------------------------------


class _ResourceFilter(QSortFilterProxyModel):
    """Words typed (in any order, in name, position, specialty or department) and a kind."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.kind: str | None = None

    def set_filter(self, text: str, kind: str | None) -> None:
        self.beginFilterChange()
        self.words = text.casefold().split()
        self.kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        item = self.sourceModel().row_at(source_row)
        if item is None:
            return False
        if self.kind is not None and item.kind != self.kind:
            return False
        haystack = " ".join((item.name, item.position, item.specialty, item.department)).casefold()
        return all(word in haystack for word in self.words)


# --- The page --------------------------------------------------------------------------------------------


class SchedulePage(QWidget):
    """Resources on the left; the chosen one's templates, exceptions, services and channel shares
    on the right."""

    TEMPLATES, EXCEPTIONS, SERVICES, SHARES = range(4)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lists = ops.PlanningLists(session.organization_id, (), (), ())
        self.plan: ops.ResourcePlan | None = None
        self.loading = False
        self.plan_loading = False
        self._lists_generation = 0
        self._plan_generation = 0
        self._selected_id: int | None = None
        self.dialog: QDialog | None = None  # the last dialog opened (tests look at it)

        # Left: the resources.
        left = QWidget(self)
        self.filter_edit = QLineEdit(left)
        self.filter_edit.setClearButtonEnabled(True)
        self.kind_combo = QComboBox(left)
        self.kind_combo.addItem("", None)
        for kind in RESOURCE_KIND_NAMES:
            self.kind_combo.addItem("", kind)
        self.resource_model = DtoTableModel(RESOURCE_COLUMNS, parent=self)
        self.resource_filter = _ResourceFilter(self)
        self.resource_filter.setSourceModel(self.resource_model)
        self.resource_view = _table(left, self.resource_filter)
        self.resource_view.setSortingEnabled(False)
        self.equipment_button = QPushButton(left)
        self.equipment_button.clicked.connect(lambda: self.add_equipment())
        self.ensure_button = QPushButton(left)
        self.ensure_button.clicked.connect(self.ensure_resources)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.kind_combo)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.equipment_button)
        left_buttons.addWidget(self.ensure_button)
        left_buttons.addStretch(1)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.resource_view, 1)
        left_layout.addLayout(left_buttons)

        # Right: the chosen resource.
        right = QWidget(self)
        self.title_label = QLabel(right)
        self.title_label.setObjectName("pageTitle")
        self.meta_label = QLabel(right)
        self.meta_label.setObjectName("mutedLabel")
        self.meta_label.setWordWrap(True)
        self.generate_button = QPushButton(right)
        self.generate_button.setObjectName("primaryButton")
        self.generate_button.clicked.connect(lambda: self.open_generate())
        self.tabs = QTabWidget(right)
        self.tabs.addTab(self._build_templates(), "")
        self.tabs.addTab(self._build_exceptions(), "")
        self.tabs.addTab(self._build_services(), "")
        self.tabs.addTab(self._build_shares(), "")
        self.status_label = QLabel(right)
        self.status_label.setObjectName("mutedLabel")
        self.status_label.setWordWrap(True)
        heading = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title_label)
        titles.addWidget(self.meta_label)
        heading.addLayout(titles, 1)
        heading.addWidget(self.generate_button, 0, Qt.AlignmentFlag.AlignTop)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addLayout(heading)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self.status_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 810])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.splitter)

        self.filter_edit.textChanged.connect(lambda _t: self._apply_filter())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.resource_view.selectionModel().currentChanged.connect(lambda *_: self._resource_chosen())
        operation_bus().changed.connect(self._changed)
        self.retranslate_ui()
        self._show_plan(None)
        self.refresh()

    # --- Building the tabs -----------------------------------------------------------------------

    def _build_templates(self) -> QWidget:
        page = QWidget(self)
        self.template_model = DtoTableModel(TEMPLATE_COLUMNS, parent=self)
        self.template_view = _table(page, self.template_model)
        self.template_view.doubleClicked.connect(lambda *_: self.edit_template())
        self.new_template_button = QPushButton(page)
        self.new_template_button.clicked.connect(lambda: self.new_template())
        self.edit_template_button = QPushButton(page)
        self.edit_template_button.clicked.connect(lambda: self.edit_template())
        self.delete_template_button = QPushButton(page)
        self.delete_template_button.clicked.connect(lambda: self.delete_template())
        self.templates_hint = QLabel(page)
        self.templates_hint.setObjectName("mutedLabel")
        self.templates_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.new_template_button, self.edit_template_button, self.delete_template_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.template_view, 1)
        layout.addWidget(self.templates_hint)
        return page

    def _build_exceptions(self) -> QWidget:
        page = QWidget(self)
        self.exception_model = DtoTableModel(EXCEPTION_COLUMNS, parent=self)
        self.exception_view = _table(page, self.exception_model)
        self.add_exception_button = QPushButton(page)
        self.add_exception_button.clicked.connect(lambda: self.add_exception())
        self.delete_exception_button = QPushButton(page)
        self.delete_exception_button.clicked.connect(lambda: self.delete_exception())
        self.exceptions_hint = QLabel(page)
        self.exceptions_hint.setObjectName("mutedLabel")
        self.exceptions_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_exception_button)
        buttons.addWidget(self.delete_exception_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.exception_view, 1)
        layout.addWidget(self.exceptions_hint)
        return page

    def _build_services(self) -> QWidget:
        page = QWidget(self)
        self.rate_model = LoadRateModel(RATE_COLUMNS, id_attr="service_id", parent=self)
        self.rate_model.edited.connect(self._rate_edited)
        self.rate_view = _table(page, self.rate_model)
        self.rate_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed
                                       | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.rate_view.horizontalHeader().setStretchLastSection(False)
        self.rate_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_service_button = QPushButton(page)
        self.add_service_button.clicked.connect(lambda: self.add_service())
        self.change_minutes_button = QPushButton(page)
        self.change_minutes_button.clicked.connect(lambda: self.change_minutes())
        self.remove_service_button = QPushButton(page)
        self.remove_service_button.clicked.connect(lambda: self.remove_service())
        self.max_label = QLabel(page)
        self.max_spin = QSpinBox(page)
        self.max_spin.setRange(0, 500)
        self.max_spin.setMinimumWidth(110)
        self.max_button = QPushButton(page)
        self.max_button.clicked.connect(lambda: self.apply_max_patients())
        self.services_hint = QLabel(page)
        self.services_hint.setObjectName("mutedLabel")
        self.services_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_service_button, self.change_minutes_button, self.remove_service_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        limit = QHBoxLayout()
        limit.addWidget(self.max_label)
        limit.addWidget(self.max_spin)
        limit.addWidget(self.max_button)
        limit.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.rate_view, 1)
        layout.addWidget(self.services_hint)
        layout.addLayout(limit)
        return page

    def _build_shares(self) -> QWidget:
        page = QWidget(self)
        self.default_radio = QRadioButton(page)
        self.own_radio = QRadioButton(page)
        group = QButtonGroup(page)
        group.addButton(self.default_radio)
        group.addButton(self.own_radio)
        self.default_radio.setChecked(True)
        self.share_spins: dict[str, QSpinBox] = {}
        self.share_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for row, channel in enumerate(CHANNELS):
            label = QLabel(page)
            spin = QSpinBox(page)
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setMinimumWidth(90)
            spin.valueChanged.connect(lambda _v: self._update_total())
            label.setBuddy(spin)
            self.share_labels[channel] = label
            self.share_spins[channel] = spin
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
        grid.setColumnStretch(2, 1)
        self.total_label = QLabel(page)
        self.shares_hint = QLabel(page)
        self.shares_hint.setObjectName("mutedLabel")
        self.shares_hint.setWordWrap(True)
        self.save_shares_button = QPushButton(page)
        self.save_shares_button.clicked.connect(lambda: self.save_shares())
        self.default_radio.toggled.connect(lambda _on: self._shares_mode_changed())
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_shares_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.shares_hint)
        layout.addWidget(self.default_radio)
        layout.addWidget(self.own_radio)
        layout.addLayout(grid)
        layout.addWidget(self.total_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    # --- Public API ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reads the resources, the catalogue and the chosen resource's plan again."""
        self._lists_generation += 1
        generation = self._lists_generation
        self.loading = True
        ops.load_lists(parent=self, session=self.session).success(
            lambda lists: self._show_lists(lists) if generation == self._lists_generation else None
        ).failure(self._load_failed).run()

    def current_resource(self) -> ResourceInfo | None:
        index = self.resource_view.currentIndex()
        if not index.isValid():
            return None
        return self.resource_model.row_at(self.resource_filter.mapToSource(index))

    def select_resource(self, resource_id: int) -> bool:
        """Chooses the resource in the list (clearing a filter that hides it)."""
        source = self.resource_model.index_for_id(resource_id)
        if not source.isValid():
            return False
        index = self.resource_filter.mapFromSource(source)
        if not index.isValid():
            self.filter_edit.clear()
            self.kind_combo.setCurrentIndex(0)
            index = self.resource_filter.mapFromSource(source)
        self.resource_view.setCurrentIndex(index)
        self.resource_view.scrollTo(index)
        return True

    def resource_name(self, resource_id: int | None) -> str:
        row = self.resource_model.row_for_id(resource_id) if resource_id is not None else None
        item = self.resource_model.row_at(row) if row is not None else None
        return item.name if item is not None else ""

    def selected_template(self) -> TemplateInfo | None:
        index = self.template_view.currentIndex()
        return self.template_model.row_at(index) if index.isValid() else None

    def selected_exception(self) -> ExceptionInfo | None:
        index = self.exception_view.currentIndex()
        return self.exception_model.row_at(index) if index.isValid() else None

    def selected_rate(self) -> LoadRate | None:
        index = self.rate_view.currentIndex()
        return self.rate_model.row_at(index) if index.isValid() else None

    def new_template(self) -> TemplateDialog | None:
        return self._open_template(None)

    def edit_template(self) -> TemplateDialog | None:
        template = self.selected_template()
        return self._open_template(template) if template is not None else None

    def delete_template(self) -> None:
        template = self.selected_template()
        if template is None or not self._confirm(
                self.tr("Delete the template “{name}”? Generated working time stays until the schedule is "
                        "generated again.").format(name=template.name)):
            return
        ops.delete_template(parent=self, session=self.session, template_id=template.id).success(
            lambda _r: self._set_status(
                self.tr("The template is deleted. Generate the schedule to apply it."))
        ).run()

    def add_exception(self, day: dt.date | None = None) -> ExceptionDialog | None:
        if self.plan is None:
            return None
        dialog = ExceptionDialog(self.session, self.plan.resource, self.lists.offices, self, day=day)
        dialog.added.connect(self._exception_added)
        return self._open(dialog)

    def delete_exception(self) -> None:
        item = self.selected_exception()
        if item is None or not self._confirm(self.tr(
                "Delete the exception “{kind}” of {first} – {last}? The template's hours come back on "
                "these days."
        ).format(kind=_t(EXCEPTION_KIND_NAMES[item.kind]), first=_day(item.first_day),
                 last=_day(item.last_day))):
            return
        ops.delete_exception(parent=self, session=self.session, exception_id=item.id).success(
            lambda outcome: self._exception_added(outcome, deleted=True)).run()

    def add_service(self) -> LoadRateDialog | None:
        if self.plan is None:
            return None
        taken = {r.service_id for r in self.plan.load_rates}
        return self._open(LoadRateDialog(self.session, self.plan.resource, self.lists.services, taken, self))

    def change_minutes(self) -> None:
        rate = self.selected_rate()
        if rate is None:
            return
        row = self.rate_model.row_for_id(rate.service_id)
        self.rate_view.edit(self.rate_model.index(row, MINUTES_COLUMN))

    def set_minutes(self, service_id: int, minutes: int | str) -> None:
        if self.plan is None:
            return
        ops.set_load_rate(parent=self, session=self.session, resource_id=self.plan.resource.id,
                          service_id=service_id, minutes=minutes).success(
            lambda _r: self._set_status(self.tr("The minutes are saved."))).failure(self._refused).run()

    def remove_service(self) -> None:
        rate = self.selected_rate()
        if self.plan is None or rate is None or not self._confirm(
                self.tr("Stop booking “{service}” with {name}? Bookings already made stay.").format(
                    service=rate.service_name, name=self.plan.resource.name)):
            return
        ops.remove_load_rate(parent=self, session=self.session, resource_id=self.plan.resource.id,
                             service_id=rate.service_id).run()

    def apply_max_patients(self) -> None:
        if self.plan is None:
            return
        value = self.max_spin.value() or None
        ops.set_max_patients(parent=self, session=self.session, resource_id=self.plan.resource.id,
                             value=value).success(
            lambda _r: self._set_status(self.tr("The limit of patients per day is saved."))
        ).failure(self._refused).run()

    def save_shares(self) -> None:
        if self.plan is None:
            return
        shares = None if self.default_radio.isChecked() else {
            channel: spin.value() for channel, spin in self.share_spins.items()}
        ops.set_channel_shares(parent=self, session=self.session, resource_id=self.plan.resource.id,
                               shares=shares).success(
            lambda _r: self._set_status(self.tr("The channel shares are saved."))
        ).failure(self._refused).run()

    def open_generate(self) -> GenerateDialog:
        resource = self.plan.resource if self.plan is not None else None
        return self._open(GenerateDialog(self.session, resource, self.resource_name, self))

    def add_equipment(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Add equipment"), self.tr("Name of the equipment:"))
            if not ok:
                return
        ops.add_equipment(parent=self, session=self.session, name=name).success(
            lambda new_id: self._after_resources_changed(new_id)).failure(self._refused).run()

    def ensure_resources(self) -> None:
        ops.ensure_resources(parent=self, session=self.session).success(
            lambda added: self._set_status(self.tr("Added to the list: {count}.").format(count=added))
        ).failure(self._refused).run()

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Name, position, department…"))
        self.kind_combo.setItemText(0, self.tr("All"))
        for index in range(1, self.kind_combo.count()):
            self.kind_combo.setItemText(index, _t(RESOURCE_KIND_NAMES[self.kind_combo.itemData(index)]))
        self.equipment_button.setText(self.tr("Add &equipment…"))
        self.ensure_button.setText(self.tr("Add new staff and offices"))
        self.ensure_button.setToolTip(self.tr(
            "Makes every medical staff member and office of the organization bookable."))
        self.generate_button.setText(self.tr("&Generate the schedule…"))
        for index, text in enumerate((self.tr("&Templates"), self.tr("E&xceptions"),
                                      self.tr("Services and &load rates"), self.tr("&Channel shares"))):
            self.tabs.setTabText(index, text)
        self.new_template_button.setText(self.tr("&New template…"))
        self.edit_template_button.setText(self.tr("C&hange…"))
        self.delete_template_button.setText(self.tr("&Delete…"))
        self.templates_hint.setText(self.tr(
            "Templates say when the resource works; generating lays them onto the production calendar. "
            "Double-click a template to change it."))
        self.add_exception_button.setText(self.tr("&Add an exception…"))
        self.delete_exception_button.setText(self.tr("Delete the exception…"))
        self.exceptions_hint.setText(self.tr(
            "Vacations, sick leaves, training and changed days override the templates on their days. "
            "Exceptions of the last month and the future are shown."))
        self.add_service_button.setText(self.tr("Add a &service…"))
        self.change_minutes_button.setText(self.tr("Change the &minutes"))
        self.remove_service_button.setText(self.tr("&Remove the service…"))
        self.services_hint.setText(self.tr(
            "The services booked with this resource and the minutes each takes it (the load rate). "
            "Double-click the minutes to change them."))
        self.max_label.setText(self.tr("Patients per day at most:"))
        self.max_spin.setSpecialValueText(self.tr("no limit"))
        self.max_button.setText(self.tr("Save the l&imit"))
        self.shares_hint.setText(self.tr(
            "Part of each day can be reserved for a booking channel; the rest is common to all. "
            "Reserved time opens to everyone shortly before the day (the organization's release time)."))
        self.default_radio.setText(self.tr("Use the &organization default"))
        self.own_radio.setText(self.tr("O&wn shares for this resource"))
        for channel, label in self.share_labels.items():
            label.setText(channel_name(channel))
        self.save_shares_button.setText(self.tr("Save the &shares"))
        # Cells are computed once: compute the translated ones again, keeping what is chosen.
        chosen = self._selected_id
        self.resource_model.set_rows(self.resource_model.rows())
        if chosen is not None:
            self.select_resource(chosen)
        self._keep_selection(self.template_view, self.template_model, self.template_model.rows())
        self._keep_selection(self.exception_view, self.exception_model, self.exception_model.rows())
        self._keep_selection(self.rate_view, self.rate_model, self.rate_model.rows(), id_attr="service_id")
        self._show_header()
        self._update_total()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save_shares_button"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _open(self, dialog: QDialog):
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_template(self, template: TemplateInfo | None) -> TemplateDialog | None:
        if self.plan is None:
            return None
        dialog = TemplateDialog(self.session, self.plan.resource, self.lists.offices, template, self)
        dialog.saved.connect(lambda _id: self._set_status(
            self.tr("The template is saved. Generate the schedule to lay it onto the calendar.")))
        return self._open(dialog)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Schedules"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _show_lists(self, lists: ops.PlanningLists) -> None:
        self.loading = False
        self.lists = lists
        keep = self._selected_id
        self.resource_model.set_rows(lists.resources)
        self.resource_view.resizeColumnsToContents()
        self.resource_view.setColumnWidth(0, max(110, min(self.resource_view.columnWidth(0), 150)))
        self.resource_view.setColumnWidth(1, max(110, min(self.resource_view.columnWidth(1), 170)))
        if keep is not None and self.select_resource(keep):
            self._load_plan(keep)
        elif self.resource_filter.rowCount():
            self.resource_view.setCurrentIndex(self.resource_filter.index(0, 0))
        else:
            self._show_plan(None)

    def _load_failed(self, exc: Exception) -> None:
        self.loading = False
        self.plan_loading = False
        self._set_status(error_text(exc), error=True)

    def _apply_filter(self) -> None:
        self.resource_filter.set_filter(self.filter_edit.text(), self.kind_combo.currentData())
        if not self.resource_view.currentIndex().isValid() and self.resource_filter.rowCount():
            self.resource_view.setCurrentIndex(self.resource_filter.index(0, 0))

    def _resource_chosen(self) -> None:
        resource = self.current_resource()
        if resource is None:
            return
        if resource.id != self._selected_id or self.plan is None:
            self._selected_id = resource.id
            self._set_status("")
            self._load_plan(resource.id)

    def _load_plan(self, resource_id: int) -> None:
        self._plan_generation += 1
        generation = self._plan_generation
        self.plan_loading = True
        ops.load_plan(parent=self, session=self.session, resource_id=resource_id).success(
            lambda plan: self._show_plan(plan) if generation == self._plan_generation else None
        ).failure(self._load_failed).run()

    def _show_plan(self, plan: ops.ResourcePlan | None) -> None:
        self.plan_loading = False
        self.plan = plan
        self.tabs.setEnabled(plan is not None)
        self.generate_button.setEnabled(True)
        self._keep_selection(self.template_view, self.template_model, plan.templates if plan else ())
        self._keep_selection(self.exception_view, self.exception_model, plan.exceptions if plan else ())
        self._keep_selection(self.rate_view, self.rate_model, plan.load_rates if plan else (),
                             id_attr="service_id")
        self.template_view.resizeColumnsToContents()
        self.exception_view.resizeColumnsToContents()
        self.rate_view.resizeColumnToContents(0)
        self.rate_view.resizeColumnToContents(MINUTES_COLUMN)
        if plan is not None:
            self.max_spin.setValue(plan.resource.max_patients_per_day or 0)
            (self.own_radio if plan.own_shares else self.default_radio).setChecked(True)
            self._shares_mode_changed()
        self._show_header()

    @staticmethod
    def _keep_selection(view: QTableView, model: DtoTableModel, rows, id_attr: str = "id") -> None:
        index = view.currentIndex()
        current = getattr(model.row_at(index), id_attr, None) if index.isValid() else None
        model.set_rows(rows)
        again = model.index_for_id(current) if current is not None else QModelIndex()
        if again.isValid():
            view.setCurrentIndex(again)
        elif model.rowCount():
            view.setCurrentIndex(model.index(0, 0))

    def _show_header(self) -> None:
        if self.plan is None:
            self.title_label.setText(self.tr("Schedules"))
            self.meta_label.setText(self.tr("Choose a doctor, office or piece of equipment on the left."))
            return
        r = self.plan.resource
        self.title_label.setText(r.name)
        specialty = r.specialty if r.specialty != r.position else ""
        parts = [p for p in (_resource_kind(r), specialty, r.department) if p]
        if r.max_patients_per_day:
            parts.append(self.tr("at most {count} patients a day").format(count=r.max_patients_per_day))
        self.meta_label.setText(" · ".join(parts))

    def _shares_mode_changed(self) -> None:
        own = self.own_radio.isChecked()
        if self.plan is not None and not own:
            values = self.plan.default_shares
        elif self.plan is not None and self.plan.own_shares:
            values = self.plan.shares
        else:
            values = {channel: spin.value() for channel, spin in self.share_spins.items()}
            if self.plan is not None and not any(values.values()):
                values = self.plan.default_shares
        for channel, spin in self.share_spins.items():
            spin.blockSignals(True)
            spin.setValue(values.get(channel, 0))
            spin.blockSignals(False)
            spin.setEnabled(own)
        self._update_total()

    def _update_total(self) -> None:
        total = sum(spin.value() for spin in self.share_spins.values())
        self.total_label.setObjectName("errorLabel" if total > 100 else "")
        self.total_label.style().unpolish(self.total_label)
        self.total_label.style().polish(self.total_label)
        self.total_label.setText(self.tr("Reserved: {total} %; common to all channels: {common} %.").format(
            total=total, common=max(0, 100 - total)))

    def _rate_edited(self, service_id: int, value) -> None:
        self.set_minutes(service_id, value)

    def _exception_added(self, outcome: ops.PlanOutcome, *, deleted: bool = False) -> None:
        if outcome.orphans:
            self._set_status(self.tr("Bookings now outside working time: {count}.").format(
                count=len(outcome.orphans)), error=True)
            self._open(OutcomeDialog(self.session, outcome, self.resource_name, self))
        elif deleted:
            self._set_status(self.tr("The exception is deleted; the days are generated again."))
        else:
            self._set_status(self.tr("The exception is added; no bookings are affected."))

    def _after_resources_changed(self, new_id: int) -> None:
        self._selected_id = new_id
        self._set_status(self.tr("The equipment is added. Give it services and a schedule."))

    def _refused(self, exc: Exception) -> None:
        self._set_status(error_text(exc), error=True)
        show_error(self, exc)
        if self.plan is not None:
            self._load_plan(self.plan.resource.id)  # the table shows what is stored again

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setObjectName("errorLabel" if error and text else "mutedLabel")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(text)

    def _changed(self, changes) -> None:
        changes = set(changes)
        if ops.RESOURCE_CHANGES in changes:
            self.refresh()
        elif changes & {ops.SCHEDULE_CHANGES, ops.BOOKING_CHANGES} and self._selected_id is not None:
            self._load_plan(self._selected_id)
