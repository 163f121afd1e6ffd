"""Sick-leave certificates on screen (issue 9): the editor of one certificate and the list of a patient's.

`open_sick_leave(session, patient_id, record_id=..., parent=...)` is what the doctor's workstation calls
from a visit: the editor opens on a new certificate prefilled from the patient (and linked to the visit
record), or on ``certificate_id``. `SickLeaveList` is the patient's certificates (number, status,
periods, cause) with Open and New; the registrar's client card shows it as a tab.

The editor (`SickLeaveEditor`) keeps what is typed until a unit of work succeeds: every verb (Save draft,
Check, Add period, Extend, Remove last, Issue, Close, Continue, Spoil, Duplicate, Cancel) first writes the
fields changed since the certificate was read and then does its work in the same unit of work; a refusal
(`DomainError`) rolls the whole unit back, is shown translated above the form (rule violations as a
list), and the form keeps every value typed. A certificate changed meanwhile by someone else says who
and when; Reload (F5) replaces the form with what is stored.

Printing: the form is rendered by ``medcenter_desktop.sick_leave_printing`` with this workstation's
printer profile (`printer_calibration.sick_leave_profile`) on the blank or, for checking, on plain paper;
it is printed at 100 % (`pdf_printing.print_pdf_actual_size`, never fit to page) and the printing is
logged. The preview on the right is the same PDF rasterized with pypdfium2 over the sheet's grid (and
the blank's cells), drawn from what is stored; for a draft the number cells show zeros.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text

from medcenter_desktop.error_dialog import error_text, translate_domain_text
from medcenter_desktop.operations import operation_bus, session_op
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services import sick_leave as sl
from shared.services import sick_leave_blanks as blanks_service
from shared.services.sick_leave_rules import RuleViolation, SickLeaveRulesBroken

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession
    from printing.printer_profiles import PrinterProfile

CTX = "SickLeave"
#: Announced on the operation bus after a change of certificates or blanks.
CHANGES = "sick_leave"
#: Jobs that write new certificates (the database agrees: sql/0013_sick_leave.sql).
WRITING_JOBS = frozenset({"medical_worker", "admission"})
PREVIEW_PX_PER_MM = 3.0
PLACEHOLDER_NUMBER = "000000000000"

STATUS_TEXTS = {
    "draft": QT_TRANSLATE_NOOP("SickLeave", "Draft"),
    "issued": QT_TRANSLATE_NOOP("SickLeave", "Issued"),
    "closed": QT_TRANSLATE_NOOP("SickLeave", "Closed"),
    "spoiled": QT_TRANSLATE_NOOP("SickLeave", "Spoiled"),
    "duplicate_issued": QT_TRANSLATE_NOOP("SickLeave", "Replaced by a duplicate"),
    "cancelled": QT_TRANSLATE_NOOP("SickLeave", "Cancelled"),
}
DUPLICATE_MARK = QT_TRANSLATE_NOOP("SickLeave", ", duplicate")


def tr(text_: str) -> str:
    return QCoreApplication.translate(CTX, text_)


def day_text(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def periods_text(cert: sl.Certificate) -> str:
    return "; ".join(f"{p.date_from:%d.%m}–{p.date_to:%d.%m.%Y}" for p in cert.periods)


def status_text(cert: sl.Certificate) -> str:
    text_ = tr(STATUS_TEXTS.get(cert.status, cert.status))
    if cert.duplicate:
        text_ += tr(DUPLICATE_MARK)
    return text_


# --- What the editor reads ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffChoice:
    id: int
    name: str
    position: str
    department_id: int | None


@dataclass(frozen=True)
class Choices:
    """The reference lists of the form: codes by kind, the organization's staff, the user's staff member
    and the days a doctor alone releases (the active rule's parameter)."""

    codes: dict[str, tuple[sl.Code, ...]]
    staff: tuple[StaffChoice, ...]
    own_staff_id: int | None
    max_days: int = 15


@dataclass(frozen=True)
class EditorState:
    """A certificate as stored now, with what the form shows beside it."""

    certificate: sl.Certificate
    violations: tuple[RuleViolation, ...] = ()
    next_blank: str | None = None
    print_events: tuple[sl.PrintEvent, ...] = ()
    checked: bool = False
    message: str = ""  # a source text (context SickLeave) saying what the last verb did
    print_problems: tuple[DomainError, ...] = ()  # what the blank cannot take (printing's field errors)
    previous_end: dt.date | None = None  # the last day of the certificate this one continues


def load_choices(connection: Connection, organization_id: int | None) -> Choices:
    codes: dict[str, list[sl.Code]] = {}
    for code in sl.codes(connection):
        codes.setdefault(code.kind, []).append(code)
    staff = tuple(StaffChoice(r.id, " ".join(p for p in (r.last_name, r.first_name, r.middle_name) if p),
                              r.position, r.department_id) for r in connection.execute(text(
        "SELECT s.id, s.last_name, s.first_name, coalesce(s.middle_name, '') AS middle_name, "
        "       p.name AS position, s.department_id FROM staff_members s JOIN positions p ON p.id = s.position_id "
        " WHERE (CAST(:o AS integer) IS NULL OR s.organization_id = :o) "
        "   AND (s.dismissed_on IS NULL OR s.dismissed_on > current_date) "
        " ORDER BY s.last_name, s.first_name, s.id"), {"o": organization_id}))
    own = connection.scalar(text("SELECT app_user_staff_id()"))
    max_days = 15
    for rule in sl.active_rules(connection):
        if rule.code == "single_doctor_days" and rule.active:
            max_days = int(rule.parameters.get("max_days", 15))
    return Choices({k: tuple(v) for k, v in codes.items()}, staff, own, max_days)


def load_state(connection: Connection, certificate_id: int, *, checked: bool = False,
               message: str = "") -> EditorState:
    cert = sl.certificate(connection, certificate_id)
    violations = tuple(sl.check(connection, certificate_id)) if cert.status == "draft" else ()
    next_blank = None
    if cert.status in ("draft", "issued", "closed"):
        staff = connection.scalar(text("SELECT app_user_staff_id()"))
        next_blank = blanks_service.next_blank(connection, cert.organization_id, staff)
    previous_end = None
    if cert.previous_id is not None:
        previous_end = connection.scalar(text(
            "SELECT max(date_to) FROM sick_leave_periods WHERE certificate_id = :p"), {"p": cert.previous_id})
    return EditorState(cert, violations, next_blank, tuple(sl.print_events(connection, certificate_id)),
                       checked, message, tuple(print_problems(cert)), previous_end)


def print_problems(cert: sl.Certificate) -> list[DomainError]:
    """Every value the blank cannot take (a draft's number and issue date aside), each naming its field."""
    from printing.sick_leave import validate_for_print
    from printing.sick_leave_layout import load_layout

    return list(validate_for_print(preview_print_data(cert), load_layout()))


def _profile(settings_path: Path | None) -> PrinterProfile:
    from medcenter_desktop.printer_calibration import sick_leave_profile
    from medcenter_desktop.settings import default_settings_path

    return sick_leave_profile(settings_path or default_settings_path())


def preview_print_data(cert: sl.Certificate):
    """The certificate as the blank takes it; a draft gets a number of zeros and today as its issue date,
    so the form can be seen before the blank is taken."""
    from medcenter_desktop.sick_leave_printing import print_data

    if not cert.number or cert.issue_date is None:
        cert = replace(cert, number=cert.number or PLACEHOLDER_NUMBER, issue_date=cert.issue_date or dt.date.today())
    return print_data(cert)


def render_form_image(cert: sl.Certificate, profile: PrinterProfile, *, on_blank: bool,
                      px_per_mm: float = PREVIEW_PX_PER_MM) -> QImage:
    """The certificate as printed with ``profile``, rasterized (pypdfium2) over the sheet's grid and, on
    the blank, the blank's cells. Raises what `render_certificate` raises (SickLeavePrintError...)."""
    from medcenter_desktop.printer_calibration import compose_preview
    from printing.sick_leave import render_certificate
    from printing.sick_leave_layout import load_layout

    layout = load_layout()
    pdf = render_certificate(preview_print_data(cert), layout, profile, on_blank=on_blank)
    # the sheet down to a little below the form (its lower part is empty paper)
    bottom = max(fl.bounds().bottom for fl in layout.fields.values()) + (30.0 if not on_blank else 8.0)
    region = QRectF(0.0, 0.0, layout.page_width, min(layout.page_height, bottom))
    return compose_preview(pdf, region, px_per_mm, profile, layout if on_blank else None)


# --- Small widgets -------------------------------------------------------------------------------------


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class DateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None, value: dt.date | None = None) -> None:
        super().__init__(_qdate(value or dt.date.today()), parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setMinimumWidth(120)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def value(self) -> dt.date:
        return _pydate(self.date())

    def set_value(self, value: dt.date) -> None:
        self.setDate(_qdate(value))


class OptionalDate(QWidget):
    """A date that may be left out: a check box turning the date on."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self)
        self.edit = DateEdit(self)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.check)

    def value(self) -> dt.date | None:
        return self.edit.value() if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        self.edit.set_value(value or dt.date.today())

    def set_read_only(self, read_only: bool) -> None:
        self.check.setEnabled(not read_only)
        self.edit.setEnabled(not read_only and self.check.isChecked())


class OptionalSpin(QSpinBox):
    """A whole number that may be left out: the lowest value ("—") stands for none."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low - 1, high)
        self.setSpecialValueText("—")
        self.setValue(low - 1)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def value_or_none(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def set_value_or_none(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)


class CodeCombo(QComboBox):
    """A code of the reference table ("01 — Disease"); optional ones start with an empty entry."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)

    def set_codes(self, codes: Sequence[sl.Code], russian: bool) -> None:
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if self.optional:
            self.addItem("", "")
        for c in codes:
            name = c.name_ru if russian and c.name_ru else c.name
            self.addItem(f"{c.code} — {name}", c.code)
        self.blockSignals(False)
        self.set_code(current)

    def code(self) -> str:
        return self.currentData() or ""

    def set_code(self, code: str) -> None:
        index = self.findData(code or "")
        if index < 0 and code:
            self.addItem(code, code)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class StaffCombo(QComboBox):
    """A staff member of the organization (typing finds by name); optional ones start with "none"."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(22)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)

    def set_staff(self, staff: Sequence[StaffChoice], none_text: str) -> None:
        current = self.staff_id()
        self.clear()
        if self.optional:
            self.addItem(none_text, None)
        for s in staff:
            self.addItem(f"{s.name} ({s.position})", s.id)
        self.set_staff_id(current)

    def staff_id(self) -> int | None:
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return self.itemData(index) if index >= 0 else None

    def set_staff_id(self, staff_id: int | None) -> None:
        index = self.findData(staff_id) if staff_id is not None else (0 if self.optional else -1)
        self.setCurrentIndex(max(index, 0) if self.count() else -1)


class FormPreview(QWidget):
    """The form's picture, scaled to fit (smoothly), with a note when it cannot be drawn."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.setMinimumSize(300, 420)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(460, 650)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#dfe6ea"))
        if self.image.isNull():
            return
        size = self.image.size().scaled(QSize(max(1, self.width() - 16), max(1, self.height() - 16)),
                                        Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF((self.width() - size.width()) / 2, (self.height() - size.height()) / 2,
                        size.width(), size.height())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(target, self.image)
        painter.setPen(QColor("#9aa9b3"))
        painter.drawRect(target.adjusted(-1, -1, 0, 0))


# --- The editor ----------------------------------------------------------------------------------------


class SickLeaveEditor(QDialog):
    """One certificate: its fields, its periods, its life (issue, close, continue, spoil, duplicate,
    cancel) and its printing; a new one is created by the first verb that writes."""

    #: Emitted with the id of the certificate shown after every change stored.
    stored = Signal(int)

    def __init__(self, session: AppSession, patient_id: int, *, certificate_id: int | None = None,
                 record_id: int | None = None, settings_path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id = patient_id
        self.record_id = record_id
        self.settings_path = settings_path
        self.certificate_id = certificate_id
        self.state: EditorState | None = None
        self.choices: Choices | None = None
        self.busy = False
        self.last_error = ""
        self.loaded = False
        self.printed_pages = 0
        self._patient: tuple[str, dt.date | None, str] = ("", None, "")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._draw_preview)
        self._build()
        self.retranslate_ui()
        self.resize(1280, 820)
        self._load_initial()

    # --- Building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("sectionTitle")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("mutedLabel")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.violations_list = QListWidget(self)
        self.violations_list.setObjectName("violationsList")
        self.violations_list.setMaximumHeight(96)
        self.violations_list.setWordWrap(True)
        self.violations_list.hide()
        self.info_label = QLabel(self)
        self.info_label.setObjectName("mutedLabel")
        self.info_label.setWordWrap(True)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_main(), "")
        self.tabs.addTab(self._build_periods(), "")
        self.tabs.addTab(self._build_events(), "")
        self.tabs.addTab(self._build_closing(), "")

        # the right side: the preview and printing
        self.preview = FormPreview(self)
        self.preview_mode = QComboBox(self)
        self.preview_mode.addItem("", True)
        self.preview_mode.addItem("", False)
        self.preview_mode.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.preview_note = QLabel(self)
        self.preview_note.setObjectName("mutedLabel")
        self.preview_note.setWordWrap(True)
        self.print_blank_button = QPushButton(self)
        self.print_blank_button.setObjectName("primaryButton")
        self.print_blank_button.clicked.connect(lambda: self.ask_print(on_blank=True))
        self.print_plain_button = QPushButton(self)
        self.print_plain_button.clicked.connect(lambda: self.ask_print(on_blank=False))
        self.printed_label = QLabel(self)
        self.printed_label.setObjectName("mutedLabel")
        self.printed_label.setWordWrap(True)
        self.calibration_button = QPushButton(self)
        self.calibration_button.clicked.connect(self.show_printer_calibration)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        top = QHBoxLayout()
        self.preview_mode_label = QLabel(right)
        self.preview_mode_label.setBuddy(self.preview_mode)
        top.addWidget(self.preview_mode_label)
        top.addWidget(self.preview_mode, 1)
        rl.addLayout(top)
        rl.addWidget(self.preview, 1)
        rl.addWidget(self.preview_note)
        pb = QHBoxLayout()
        pb.addWidget(self.print_plain_button)
        pb.addWidget(self.print_blank_button)
        rl.addLayout(pb)
        printed = QHBoxLayout()
        printed.addWidget(self.printed_label, 1)
        printed.addWidget(self.calibration_button, 0, Qt.AlignmentFlag.AlignTop)
        rl.addLayout(printed)

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 6, 0)
        ll.addWidget(self.info_label)
        ll.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        # the verbs
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save_draft)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.check)
        self.number_edit = QLineEdit(self)
        self.number_edit.setMaxLength(14)
        self.number_edit.setMinimumWidth(130)
        self.number_label = QLabel(self)
        self.number_label.setBuddy(self.number_edit)
        self.issue_button = QPushButton(self)
        self.issue_button.setObjectName("primaryButton")
        self.issue_button.clicked.connect(self.issue)
        self.continue_button = QPushButton(self)
        self.continue_button.clicked.connect(self.continue_certificate)
        self.spoil_button = QPushButton(self)
        self.spoil_button.clicked.connect(self.ask_spoil)
        self.duplicate_button = QPushButton(self)
        self.duplicate_button.clicked.connect(self.ask_duplicate)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.ask_cancel)
        self.reload_button = QPushButton(self)
        self.reload_button.clicked.connect(self.reload)
        self.close_window_button = QPushButton(self)
        self.close_window_button.clicked.connect(self.reject)
        verbs = QHBoxLayout()
        for w in (self.save_button, self.check_button):
            verbs.addWidget(w)
        verbs.addSpacing(12)
        verbs.addWidget(self.number_label)
        verbs.addWidget(self.number_edit)
        verbs.addWidget(self.issue_button)
        verbs.addSpacing(12)
        for w in (self.continue_button, self.spoil_button, self.duplicate_button, self.cancel_button):
            verbs.addWidget(w)
        verbs.addStretch(1)
        verbs.addWidget(self.reload_button)
        verbs.addWidget(self.close_window_button)

        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.error_label)
        layout.addWidget(self.violations_list)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(verbs)

        for sequence, slot in ((QKeySequence.StandardKey.Save, self.save_draft), ("F9", self.check),
                               (QKeySequence.StandardKey.Print, lambda: self.ask_print(on_blank=True)),
                               ("Ctrl+Shift+P", lambda: self.ask_print(on_blank=False)),
                               (QKeySequence.StandardKey.Refresh, self.reload), ("Ctrl+I", self.issue)):
            QShortcut(QKeySequence(sequence), self).activated.connect(slot)

    def _scroll(self, inner: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(inner)
        return area

    def _build_main(self) -> QWidget:
        page = QWidget(self)
        self.patient_label = QLabel(page)
        self.patient_label.setWordWrap(True)
        self.patient_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.organization_label = QLabel(page)
        self.organization_label.setObjectName("mutedLabel")
        self.organization_label.setWordWrap(True)
        self.organization_edit = QLineEdit(page)
        self.organization_edit.setMaxLength(300)
        self.address_edit = QLineEdit(page)
        self.address_edit.setMaxLength(300)
        self.cause_combo = CodeCombo(page, optional=False)
        self.additional_combo = CodeCombo(page)
        self.changed_combo = CodeCombo(page)
        self.employer_edit = QLineEdit(page)
        self.employer_edit.setMaxLength(200)
        self.job_combo = QComboBox(page)
        self.job_combo.addItem("", "main")
        self.job_combo.addItem("", "part_time")
        self.main_number_edit = QLineEdit(page)
        self.main_number_edit.setMaxLength(14)
        self.job_combo.currentIndexChanged.connect(self._job_changed)
        self.previous_edit = QLineEdit(page)
        self.previous_edit.setMaxLength(14)
        self.early_check = QCheckBox(page)
        form = QFormLayout()
        self.form_labels: dict[str, QLabel] = {}
        for key, widget in (("organization", self.organization_edit), ("address", self.address_edit),
                            ("cause", self.cause_combo), ("additional", self.additional_combo),
                            ("changed", self.changed_combo), ("employer", self.employer_edit),
                            ("job", self.job_combo), ("main_number", self.main_number_edit),
                            ("previous", self.previous_edit), ("early", self.early_check)):
            label = QLabel(page)
            label.setBuddy(widget)
            self.form_labels[key] = label
            form.addRow(label, widget)

        self.care_box = QGroupBox(page)
        grid = QGridLayout(self.care_box)
        self.care_headers = [QLabel(self.care_box) for _ in range(4)]
        for column, label in enumerate(self.care_headers):
            label.setObjectName("mutedLabel")
            grid.addWidget(label, 0, column + 1)
        self.care_rows: list[tuple[OptionalSpin, OptionalSpin, CodeCombo, QLineEdit]] = []
        self.care_row_labels = []
        for row in (1, 2):
            years, months = OptionalSpin(0, 99, self.care_box), OptionalSpin(0, 11, self.care_box)
            relation = CodeCombo(self.care_box)
            relation.setMinimumContentsLength(12)
            name = QLineEdit(self.care_box)
            name.setMaxLength(120)
            label = QLabel(f"{row}.", self.care_box)
            self.care_row_labels.append(label)
            grid.addWidget(label, row, 0)
            grid.addWidget(years, row, 1)
            grid.addWidget(months, row, 2)
            grid.addWidget(relation, row, 3)
            grid.addWidget(name, row, 4)
            self.care_rows.append((years, months, relation, name))
        grid.setColumnStretch(4, 1)

        layout = QVBoxLayout(page)
        layout.addWidget(self.patient_label)
        layout.addWidget(self.organization_label)
        layout.addLayout(form)
        layout.addWidget(self.care_box)
        layout.addStretch(1)
        return self._scroll(page)

    def _build_periods(self) -> QWidget:
        page = QWidget(self)
        self.periods_table = QTableWidget(0, 5, page)
        self.periods_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.periods_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.periods_table.verticalHeader().setVisible(True)
        self.periods_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.periods_table.horizontalHeader().setStretchLastSection(True)
        self.periods_table.setMinimumHeight(120)
        self.periods_table.setMaximumHeight(150)
        self.period_from = DateEdit(page)
        self.period_to = DateEdit(page, dt.date.today() + dt.timedelta(days=4))
        self.doctor_combo = StaffCombo(page)
        self.chair_combo = StaffCombo(page, optional=True)
        self.period_hint = QLabel(page)
        self.period_hint.setWordWrap(True)
        self.period_hint.setObjectName("mutedLabel")
        for w in (self.period_from, self.period_to):
            w.dateChanged.connect(lambda _d: self._update_period_hint())
        self.chair_combo.currentIndexChanged.connect(lambda _i: self._update_period_hint())
        self.add_period_button = QPushButton(page)
        self.add_period_button.clicked.connect(self.add_period)
        self.extend_button = QPushButton(page)
        self.extend_button.clicked.connect(self.extend)
        self.remove_period_button = QPushButton(page)
        self.remove_period_button.clicked.connect(self.remove_last_period)
        form = QFormLayout()
        self.period_labels = [QLabel(page) for _ in range(4)]
        for label, widget in zip(self.period_labels, (self.period_from, self.period_to, self.doctor_combo,
                                                      self.chair_combo), strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_period_button)
        buttons.addWidget(self.extend_button)
        buttons.addWidget(self.remove_period_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.periods_table)
        layout.addLayout(form)
        layout.addWidget(self.period_hint)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return self._scroll(page)

    def _build_events(self) -> QWidget:
        page = QWidget(self)
        self.hospital_from = OptionalDate(page)
        self.hospital_to = OptionalDate(page)
        self.violation_combo = CodeCombo(page)
        self.violation_date = OptionalDate(page)
        self.referral_date = OptionalDate(page)
        self.registration_date = OptionalDate(page)
        self.examination_date = OptionalDate(page)
        self.group_spin = OptionalSpin(1, 3, page)
        self.group_spin.setMaximumWidth(80)
        form = QFormLayout(page)
        self.event_labels: dict[str, QLabel] = {}
        for key, widget in (("hospital_from", self.hospital_from), ("hospital_to", self.hospital_to),
                            ("violation", self.violation_combo), ("violation_date", self.violation_date),
                            ("referral", self.referral_date), ("registration", self.registration_date),
                            ("examination", self.examination_date), ("group", self.group_spin)):
            label = QLabel(page)
            label.setBuddy(widget)
            self.event_labels[key] = label
            form.addRow(label, widget)
        return self._scroll(page)

    def _build_closing(self) -> QWidget:
        page = QWidget(self)
        self.return_date = OptionalDate(page)
        self.other_combo = CodeCombo(page)
        self.other_date = OptionalDate(page)
        self.close_button = QPushButton(page)
        self.close_button.setObjectName("primaryButton")
        self.close_button.clicked.connect(self.close_certificate)
        self.closing_note = QLabel(page)
        self.closing_note.setObjectName("mutedLabel")
        self.closing_note.setWordWrap(True)
        form = QFormLayout()
        self.closing_labels = [QLabel(page) for _ in range(3)]
        for label, widget in zip(self.closing_labels, (self.return_date, self.other_combo, self.other_date),
                                 strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.closing_note)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return self._scroll(page)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Certificate of incapacity for work"))
        for index, title in enumerate((self.tr("&Certificate"), self.tr("Pe&riods of release"),
                                       self.tr("Hospital, re&gime, board"), self.tr("Clo&sing"))):
            self.tabs.setTabText(index, title)
        labels = {"organization": self.tr("Medical &organization:"), "address": self.tr("Its &address:"),
                  "cause": self.tr("Ca&use of incapacity:"), "additional": self.tr("Additiona&l code:"),
                  "changed": self.tr("C&hanged code:"), "employer": self.tr("&Employer:"),
                  "job": self.tr("&Job:"), "main_number": self.tr("&Main job certificate No.:"),
                  "previous": self.tr("Continues certi&ficate No.:"),
                  "early": self.tr("Registered in early pregnancy (up to 12 weeks)")}
        for key, label in self.form_labels.items():
            label.setText(labels[key])
        self.job_combo.setItemText(0, self.tr("Main job"))
        self.job_combo.setItemText(1, self.tr("Part-time job"))
        self.care_box.setTitle(self.tr("Care for family members"))
        for label, text_ in zip(self.care_headers, (self.tr("Years"), self.tr("Months"), self.tr("Relation"),
                                                    self.tr("Full name")), strict=True):
            label.setText(text_)
        self.periods_table.setHorizontalHeaderLabels([
            self.tr("From"), self.tr("To"), self.tr("Days"), self.tr("Doctor"), self.tr("Commission chair")])
        for label, text_ in zip(self.period_labels, (self.tr("&From:"), self.tr("&To:"), self.tr("D&octor:"),
                                                     self.tr("Commission c&hair:")), strict=True):
            label.setText(text_)
        self.add_period_button.setText(self.tr("&Add period"))
        self.extend_button.setText(self.tr("E&xtend to the date"))
        self.remove_period_button.setText(self.tr("Remo&ve last period"))
        events = {"hospital_from": self.tr("In hospital from:"), "hospital_to": self.tr("In hospital to:"),
                  "violation": self.tr("Regime &violation code:"), "violation_date": self.tr("Violation date:"),
                  "referral": self.tr("Referred to the disability board:"),
                  "registration": self.tr("Registered by the board:"),
                  "examination": self.tr("Examined by the board:"), "group": self.tr("Disability group:")}
        for key, label in self.event_labels.items():
            label.setText(events[key])
        for label, text_ in zip(self.closing_labels, (self.tr("Return to wor&k from:"), self.tr("&Other code:"),
                                                      self.tr("Other code's date:")), strict=True):
            label.setText(text_)
        self.close_button.setText(self.tr("C&lose the certificate"))
        self.closing_note.setText(self.tr(
            "Give the day the patient returns to work, or an «other» code (31 continues on another certificate, "
            "32 disability established, 34 died, ...). To continue the case on a new blank use Continue."))
        self.preview_mode_label.setText(self.tr("Previe&w:"))
        self.preview_mode.setItemText(0, self.tr("On the blank"))
        self.preview_mode.setItemText(1, self.tr("On plain paper (for checking)"))
        self.print_blank_button.setText(self.tr("Print on the blank (Ctrl+P)"))
        self.print_plain_button.setText(self.tr("Print on plain paper (Ctrl+Shift+P)"))
        self.calibration_button.setText(self.tr("Pr&inter calibration…"))
        self.calibration_button.setToolTip(self.tr(
            "This workstation's printer profiles: offsets and scales measured on the calibration page"))
        self.save_button.setText(self.tr("Save draft (Ctrl+S)"))
        self.check_button.setText(self.tr("Check (F9)"))
        self.number_label.setText(self.tr("&Blank No.:"))
        self.issue_button.setText(self.tr("Issue (Ctrl+I)"))
        self.continue_button.setText(self.tr("Conti&nue…"))
        self.spoil_button.setText(self.tr("S&poil…"))
        self.duplicate_button.setText(self.tr("&Duplicate…"))
        self.cancel_button.setText(self.tr("Cancel draft…"))
        self.reload_button.setText(self.tr("Reload (F5)"))
        self.close_window_button.setText(self.tr("Close window"))
        self._fill_choices()
        self._update_title()
        self._update_period_hint()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_window_button"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Public API ----------------------------------------------------------------------------

    @property
    def certificate(self) -> sl.Certificate | None:
        return self.state.certificate if self.state else None

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def violation_texts(self) -> list[str]:
        return [self.violations_list.item(i).text() for i in range(self.violations_list.count())]

    def reload(self) -> None:
        """Replaces the form with what is stored (what was typed and not stored is dropped)."""
        if self.certificate_id is None:
            return
        cid = self.certificate_id
        self._run(lambda conn: load_state(conn, cid), commit=False, fill=True)

    def save_draft(self) -> None:
        self._act(lambda conn, cid, version: load_state(conn, cid, message=QT_TRANSLATE_NOOP(
            "SickLeave", "Saved.")))

    def check(self) -> None:
        def run(conn, cid, version):
            state = load_state(conn, cid, checked=True)
            return state if state.violations or state.print_problems else replace(state, message=QT_TRANSLATE_NOOP(
                "SickLeave", "The certificate keeps every rule and fits the blank."))
        self._act(run)

    def add_period(self) -> None:
        date_from, date_to = self.period_from.value(), self.period_to.value()
        doctor, chair = self.doctor_combo.staff_id(), self.chair_combo.staff_id()

        def run(conn, cid, version):
            sl.add_period(conn, cid, version, date_from, date_to, doctor_staff_id=doctor, chair_staff_id=chair)
            return load_state(conn, cid, message=QT_TRANSLATE_NOOP("SickLeave", "The period is added."))
        self._act(run)

    def extend(self) -> None:
        date_to = self.period_to.value()
        doctor, chair = self.doctor_combo.staff_id(), self.chair_combo.staff_id()

        def run(conn, cid, version):
            sl.extend(conn, cid, version, date_to, doctor_staff_id=doctor, chair_staff_id=chair)
            return load_state(conn, cid, message=QT_TRANSLATE_NOOP("SickLeave", "The release is extended."))
        self._act(run)

    def remove_last_period(self) -> None:
        def run(conn, cid, version):
            sl.remove_last_period(conn, cid, version)
            return load_state(conn, cid, message=QT_TRANSLATE_NOOP("SickLeave", "The last period is removed."))
        self._act(run)

    def issue(self) -> None:
        number = "".join(self.number_edit.text().split()) or None

        def run(conn, cid, version):
            sl.issue(conn, cid, version, number=number)
            return load_state(conn, cid, message=QT_TRANSLATE_NOOP("SickLeave", "Issued on blank {number}."))
        self._act(run, after=lambda _s: self.number_edit.clear())

    def close_certificate(self) -> None:
        return_date, other, other_date = self.return_date.value(), self.other_combo.code(), self.other_date.value()

        def run(conn, cid, version):
            sl.close(conn, cid, version, return_date=return_date, other_code=other, other_date=other_date)
            return load_state(conn, cid, message=QT_TRANSLATE_NOOP("SickLeave", "The certificate is closed."))
        self._act(run)

    def continue_certificate(self) -> None:
        def run(conn, cid, version):
            new_id = sl.continue_certificate(conn, cid, version)
            return load_state(conn, new_id, message=QT_TRANSLATE_NOOP(
                "SickLeave", "A continuation is drafted: add its period and issue it."))
        self._act(run, fields=False)

    def ask_spoil(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Spoil the blank"), self.tr(
            "Why is the blank spoiled? The certificate is refilled on a new blank."))
        if ok:
            self.spoil(reason)

    def spoil(self, reason: str, number: str | None = None) -> None:
        number = "".join((number or self.number_edit.text()).split()) or None

        def run(conn, cid, version):
            new_id = sl.spoil(conn, cid, version, reason, number=number)
            return load_state(conn, new_id, message=QT_TRANSLATE_NOOP(
                "SickLeave", "The blank is spoiled; the certificate is refilled on blank {number}."))
        self._act(run, fields=False, after=lambda _s: self.number_edit.clear())

    def ask_duplicate(self) -> None:
        answer = QInputDialog.getText(self, self.tr("Issue a duplicate"), self.tr(
            "A duplicate replaces a lost or damaged certificate. Blank number (empty: the next one you hold):"),
            text="".join(self.number_edit.text().split()))
        if answer[1]:
            self.duplicate(answer[0])

    def duplicate(self, number: str | None = None) -> None:
        number = "".join((number or self.number_edit.text()).split()) or None

        def run(conn, cid, version):
            new_id = sl.duplicate(conn, cid, version, number=number)
            return load_state(conn, new_id, message=QT_TRANSLATE_NOOP(
                "SickLeave", "The duplicate is issued on blank {number}."))
        self._act(run, fields=False, after=lambda _s: self.number_edit.clear())

    def ask_cancel(self) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Cancel the draft"), self.tr("Why is the draft cancelled?"))
        if ok:
            self.cancel_draft(reason)

    def cancel_draft(self, reason: str) -> None:
        def run(conn, cid, version):
            sl.cancel(conn, cid, version, reason)
            return load_state(conn, cid, message=QT_TRANSLATE_NOOP("SickLeave", "The draft is cancelled."))
        self._act(run, fields=False)

    def ask_print(self, *, on_blank: bool) -> None:
        cert = self.certificate
        if cert is None or cert.status not in ("issued", "closed") or self.busy:
            return
        from medcenter_desktop.pdf_printing import prepare_printer

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer)
        printer.setDocName(self.tr("Certificate {number}").format(number=cert.number or ""))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print on the blank") if on_blank else self.tr("Print on plain paper"))
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            self.print_to(printer, on_blank=on_blank)

    def show_printer_calibration(self) -> QDialog:
        """The printer calibration of this workstation; the preview follows the profile saved."""
        from medcenter_desktop.printer_calibration import open_printer_calibration

        dialog = open_printer_calibration(self, self.settings_path)
        dialog.finished.connect(lambda _r: self._timer.start())
        return dialog

    def print_to(self, printer: QPrinter, *, on_blank: bool) -> None:
        """Renders the certificate with this workstation's printer profile, logs the printing and prints it
        at 100 % on ``printer`` (a refusal is shown like any other)."""
        cert = self.certificate
        if cert is None or self.busy:
            return
        cid = cert.id
        try:
            profile = _profile(self.settings_path)
        except DomainError as exc:
            self._failed(exc)
            return

        def run(conn):
            from medcenter_desktop.sick_leave_printing import print_pdf

            pdf = print_pdf(conn, cid, profile, on_blank=on_blank)
            return pdf, load_state(conn, cid, message=QT_TRANSLATE_NOOP("SickLeave", "Sent to the printer."))

        def printed(result) -> None:
            from medcenter_desktop.pdf_printing import print_pdf_actual_size

            pdf, state = result
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # rasterized at the printer's resolution
            try:
                self.printed_pages = print_pdf_actual_size(pdf, printer)
            except DomainError as exc:
                self._failed(exc)
                return
            finally:
                QApplication.restoreOverrideCursor()
            self._show_state(state, fill=False)

        self.busy = True
        self._update_buttons()
        session_op(self, self.session, run, CHANGES).success(printed).failure(self._failed).run()

    # --- Running verbs ------------------------------------------------------------------------

    def _is_draft(self) -> bool:
        cert = self.certificate
        return cert is None or cert.status == "draft"

    def _act(self, action: Callable[[Connection, int, int], EditorState], *, fields: bool = True,
             after: Callable[[EditorState], Any] | None = None) -> None:
        """Stores the fields changed (creating the draft first for a new certificate), then ``action``,
        all in one unit of work."""
        if self.busy or not self.loaded:
            return
        try:
            changes = self.changed_fields() if fields else {}
        except DomainError as exc:
            self._failed(exc)
            return
        cid, version = self.certificate_id, self.state.certificate.version if self.state else None
        patient, record, org = self.patient_id, self.record_id, self.session.organization_id

        def run(conn: Connection) -> EditorState:
            nonlocal cid, version
            if cid is None:
                cid = sl.create_draft(conn, patient, organization_id=org, record_id=record,
                                      cause_code=changes.get("cause_code", "01"))
                version = sl.certificate(conn, cid).version
            if changes:
                version = sl.set_fields(conn, cid, version, **changes)
            return action(conn, cid, version)

        self._run(run, fill=True, after=after)

    def _run(self, fn: Callable[[Connection], EditorState], *, commit: bool = True, fill: bool = True,
             after: Callable[[EditorState], Any] | None = None) -> None:
        self.busy = True
        self._update_buttons()

        def done(state: EditorState) -> None:
            self._show_state(state, fill=fill)
            if after is not None:
                after(state)

        op = session_op(self, self.session, fn, *((CHANGES,) if commit else ()), commit=commit)
        op.success(done).failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.violations_list.clear()
        violations = exc.violations if isinstance(exc, SickLeaveRulesBroken) else []
        problems = getattr(exc, "problems", None) or []
        if violations or problems:
            self.last_error = self.tr("The certificate breaks the rules:") if violations else self.tr(
                "The certificate cannot be printed:")
            for item in (*violations, *problems):
                self.violations_list.addItem(item.render(translate_domain_text))
            self.violations_list.show()
        else:
            self.last_error = error_text(exc)
            self.violations_list.hide()
        self.error_label.setText(self.last_error)
        self.error_label.show()
        self.status_label.setText("")
        self._update_buttons()

    def _show_state(self, state: EditorState, *, fill: bool) -> None:
        self.busy = False
        self.state = state
        self.certificate_id = state.certificate.id
        self.error_label.hide()
        self.last_error = ""
        self.violations_list.clear()
        printable = state.certificate.status in ("issued", "closed")
        problems = state.print_problems if state.checked or printable else ()
        if state.checked and (state.violations or problems):
            self.error_label.setText(self.tr("The certificate breaks the rules:") if state.violations else self.tr(
                "The blank cannot take these values:"))
            self.error_label.show()
        if state.violations and (state.checked or state.certificate.periods):
            for v in state.violations:
                self.violations_list.addItem(v.render(translate_domain_text))
        for problem in problems:
            self.violations_list.addItem(self.tr("Blank: {problem}").format(
                problem=problem.render(translate_domain_text)))
        self.violations_list.setVisible(self.violations_list.count() > 0)
        if fill:
            self._fill_form(state.certificate)
            if not state.certificate.periods and state.previous_end is not None:
                # a continuation starts the day after the certificate it continues ends
                start = state.previous_end + dt.timedelta(days=1)
                self.period_from.set_value(start)
                self.period_to.set_value(max(start, self.period_to.value()))
        self._fill_periods(state.certificate)
        self._fill_info(state)
        self.status_label.setText(tr(state.message).format(number=state.certificate.number or "")
                                  if state.message else "")
        self._update_title()
        self._update_buttons()
        self._timer.start()
        self.stored.emit(state.certificate.id)

    # --- Loading -------------------------------------------------------------------------------

    def _load_initial(self) -> None:
        org, patient, cid = self.session.organization_id, self.patient_id, self.certificate_id

        def run(conn: Connection):
            choices = load_choices(conn, org)
            state = load_state(conn, cid) if cid is not None else None
            row = conn.execute(text("SELECT last_name, first_name, coalesce(middle_name, '') AS middle_name, "
                                    "birth_date, sex FROM patients WHERE id = :p"), {"p": patient}).first()
            return choices, state, row

        self.busy = True
        self._update_buttons()
        session_op(self, self.session, run, commit=False).success(self._initial_loaded).failure(self._failed).run()

    def _initial_loaded(self, result) -> None:
        choices, state, row = result
        self.choices = choices
        if row is not None:
            self._patient = (" ".join(p for p in (row.last_name, row.first_name, row.middle_name) if p),
                             row.birth_date, row.sex)
        self._fill_choices()
        self.doctor_combo.set_staff_id(choices.own_staff_id)
        self.loaded = True
        self.busy = False
        if state is not None:
            self._show_state(state, fill=True)
        else:
            self.period_from.set_value(dt.date.today())
            self._fill_info(None)
            self._update_title()
            self._update_buttons()
            self.status_label.setText(self.tr("New certificate: not stored yet."))
        self._update_period_hint()
        self.cause_combo.setFocus()

    def _fill_choices(self) -> None:
        if self.choices is None:
            return
        from medcenter_desktop.i18n import current_language

        russian = current_language() == "ru"
        codes = self.choices.codes
        self.cause_combo.set_codes(codes.get("cause", ()), russian)
        self.changed_combo.set_codes(codes.get("cause", ()), russian)
        self.additional_combo.set_codes(codes.get("additional", ()), russian)
        self.violation_combo.set_codes(codes.get("violation", ()), russian)
        self.other_combo.set_codes(codes.get("other", ()), russian)
        for _y, _m, relation, _n in self.care_rows:
            relation.set_codes(codes.get("relation", ()), russian)
        if not self.cause_combo.code():
            self.cause_combo.set_code("01")
        self.doctor_combo.set_staff(self.choices.staff, "")
        self.chair_combo.set_staff(self.choices.staff, self.tr("— none —"))

    # --- The form ------------------------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        """The fields of the certificate as typed (the names of `shared.services.sick_leave.DRAFT_FIELDS`)."""
        care = []
        for years, months, relation, name in self.care_rows:
            if relation.code() or name.text().strip() or years.value_or_none() is not None:
                care.append({"age_years": years.value_or_none(), "age_months": months.value_or_none(),
                             "relation_code": relation.code(), "full_name": " ".join(name.text().split())})
        job = self.job_combo.currentData()
        return {
            "organization_name": " ".join(self.organization_edit.text().split()),
            "organization_address": " ".join(self.address_edit.text().split()),
            "cause_code": self.cause_combo.code(), "additional_code": self.additional_combo.code(),
            "changed_code": self.changed_combo.code(), "employer": " ".join(self.employer_edit.text().split()),
            "job": job, "main_job_number": "".join(self.main_number_edit.text().split()) if job == "part_time" else "",
            "previous_number": "".join(self.previous_edit.text().split()),
            "early_pregnancy": self.early_check.isChecked(), "care": care,
            "hospital_from": self.hospital_from.value(), "hospital_to": self.hospital_to.value(),
            "violation_code": self.violation_combo.code(), "violation_date": self.violation_date.value(),
            "commission_referral_date": self.referral_date.value(),
            "commission_registration_date": self.registration_date.value(),
            "commission_examination_date": self.examination_date.value(),
            "disability_group": self.group_spin.value_or_none(),
        }

    def changed_fields(self) -> dict[str, Any]:
        """What differs from the certificate as read (everything for a new one), limited to what its status
        lets change."""
        values = self.form_values()
        cert = self.certificate
        if cert is None:
            values.pop("organization_name")  # prefilled by the draft from the organization
            values.pop("organization_address")
            return values
        if cert.status == "draft":
            allowed = sl.DRAFT_FIELDS
        elif cert.status == "issued":
            allowed = sl.ISSUED_FIELDS
        else:
            return {}
        if cert.previous_id is not None:
            values.pop("previous_number", None)
        stored = {name: getattr(cert, name) for name in values}
        stored["care"] = [{"age_years": m.age_years, "age_months": m.age_months, "relation_code": m.relation_code,
                           "full_name": m.full_name} for m in cert.care]
        return {k: v for k, v in values.items() if k in allowed and v != stored[k]}

    def _fill_form(self, cert: sl.Certificate) -> None:
        self.organization_edit.setText(cert.organization_name)
        self.address_edit.setText(cert.organization_address)
        self.cause_combo.set_code(cert.cause_code)
        self.additional_combo.set_code(cert.additional_code)
        self.changed_combo.set_code(cert.changed_code)
        self.employer_edit.setText(cert.employer)
        for edit in (self.organization_edit, self.address_edit, self.employer_edit):
            edit.setCursorPosition(0)
        self.job_combo.setCurrentIndex(1 if cert.job == "part_time" else 0)
        self.main_number_edit.setText(cert.main_job_number)
        self.previous_edit.setText(cert.previous_number)
        self.early_check.setChecked(cert.early_pregnancy)
        for i, (years, months, relation, name) in enumerate(self.care_rows):
            member = cert.care[i] if i < len(cert.care) else None
            years.set_value_or_none(member.age_years if member else None)
            months.set_value_or_none(member.age_months if member else None)
            relation.set_code(member.relation_code if member else "")
            name.setText(member.full_name if member else "")
        self.hospital_from.set_value(cert.hospital_from)
        self.hospital_to.set_value(cert.hospital_to)
        self.violation_combo.set_code(cert.violation_code)
        self.violation_date.set_value(cert.violation_date)
        self.referral_date.set_value(cert.commission_referral_date)
        self.registration_date.set_value(cert.commission_registration_date)
        self.examination_date.set_value(cert.commission_examination_date)
        self.group_spin.set_value_or_none(cert.disability_group)
        self.return_date.set_value(cert.return_date)
        self.other_combo.set_code(cert.other_code)
        self.other_date.set_value(cert.other_date)
        last = cert.last_day
        if last is not None:
            self.period_from.set_value(last + dt.timedelta(days=1))
            self.period_to.set_value(max(last + dt.timedelta(days=1), self.period_to.value()))
        self.chair_combo.set_staff_id(None)
        if (self.choices is None or self.choices.own_staff_id is None) and cert.periods:
            self.doctor_combo.set_staff_id(cert.periods[-1].doctor_staff_id)  # not a doctor: the last one's

    def _fill_periods(self, cert: sl.Certificate) -> None:
        self.periods_table.setRowCount(len(cert.periods))
        for row, p in enumerate(cert.periods):
            chair = f"{p.chair_position} {p.chair_name}".strip()
            for column, value in enumerate((day_text(p.date_from), day_text(p.date_to), str(p.days),
                                            f"{p.doctor_position} {p.doctor_name}".strip(), chair)):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setTextAlignment(ALIGN_RIGHT)
                self.periods_table.setItem(row, column, item)
        self._update_period_hint()

    def _fill_info(self, state: EditorState | None) -> None:
        name, birth, sex = self._patient
        cert = state.certificate if state else None
        if cert is not None:
            name = " ".join(p for p in (cert.surname, cert.first_name, cert.patronymic) if p)
            birth, sex = cert.birth_date, cert.sex
        sex_text = self.tr("male") if sex == "M" else self.tr("female") if sex == "F" else ""
        self.patient_label.setText(self.tr("<b>{name}</b>, born {birth}, {sex}").format(
            name=name, birth=day_text(birth), sex=sex_text))
        self.organization_label.setText(self.tr("OGRN {ogrn}").format(ogrn=cert.organization_ogrn) if cert else self.tr(
            "The medical organization's name and address are filled in when the draft is stored."))
        parts = []
        if state is not None and state.next_blank and cert is not None and cert.status in ("draft",):
            parts.append(self.tr("Your next blank: {number}.").format(number=state.next_blank))
        elif state is not None and state.next_blank is None and cert is not None and cert.status == "draft":
            parts.append(self.tr("You hold no blanks: type the blank's number or ask the head of registry."))
        if cert is not None:
            if cert.previous_number:
                parts.append(self.tr("Continues {number}.").format(number=cert.previous_number))
            if cert.next_number:
                parts.append(self.tr("Continued by {number}.").format(number=cert.next_number))
            if cert.spoil_reason:
                parts.append(self.tr("Spoiled: {reason}.").format(reason=cert.spoil_reason))
        self.info_label.setText(" ".join(parts))
        self.info_label.setVisible(bool(parts))
        if state is not None and state.next_blank:
            self.number_edit.setPlaceholderText(state.next_blank)
        events = state.print_events if state else ()
        if events:
            last = events[-1]
            where = self.tr("on the blank") if last.on_blank else self.tr("on plain paper")
            self.printed_label.setText(self.tr("Printed {count} time(s); last {when} {where} by {who}.").format(
                count=len(events), when=last.printed_at.strftime("%d.%m.%Y %H:%M"), where=where,
                who=last.printed_by))
        else:
            self.printed_label.setText(self.tr("Not printed yet."))

    def _update_title(self) -> None:
        cert = self.certificate
        if cert is None:
            self.title_label.setText(self.tr("New certificate of incapacity for work"))
            return
        number = cert.number or self.tr("(no number yet)")
        self.title_label.setText(self.tr("Certificate {number} — {status}").format(
            number=number, status=status_text(cert)))

    def _job_changed(self) -> None:
        part_time = self.job_combo.currentData() == "part_time"
        self.main_number_edit.setEnabled(part_time and self._field_editable("main_job_number"))

    def _field_editable(self, name: str) -> bool:
        cert = self.certificate
        if cert is None or cert.status == "draft":
            return name in sl.DRAFT_FIELDS
        if cert.status == "issued":
            return name in sl.ISSUED_FIELDS
        return False

    def _update_period_hint(self) -> None:
        if not hasattr(self, "period_hint"):
            return
        cert = self.certificate
        self.period_hint.setVisible(cert is None or cert.status in ("draft", "issued"))
        start = cert.first_day if cert and cert.first_day else self.period_from.value()
        days = (self.period_to.value() - start).days + 1
        limit = self.choices.max_days if self.choices else 15
        if days > limit and self.chair_combo.staff_id() is None:
            self.period_hint.setObjectName("errorLabel")
            self.period_hint.setText(self.tr(
                "Day {days} of the case: beyond {limit} days the chair of the medical commission must sign the "
                "period.").format(days=days, limit=limit))
        else:
            self.period_hint.setObjectName("mutedLabel")
            self.period_hint.setText(self.tr("Day {days} of the case.").format(days=max(days, 0)))
        self.period_hint.style().unpolish(self.period_hint)
        self.period_hint.style().polish(self.period_hint)

    def _update_buttons(self) -> None:
        cert = self.certificate
        status = cert.status if cert else "draft"
        ready = self.loaded and not self.busy
        writer = bool(WRITING_JOBS & set(self.session.user.jobs))
        draft = status == "draft"
        issued = status == "issued"
        self.organization_edit.setEnabled(cert is not None and self._field_editable("organization_name"))
        self.address_edit.setEnabled(cert is not None and self._field_editable("organization_address"))
        for name, widget in (("cause_code", self.cause_combo), ("additional_code", self.additional_combo),
                             ("changed_code", self.changed_combo), ("employer", self.employer_edit),
                             ("job", self.job_combo), ("early_pregnancy", self.early_check),
                             ("violation_code", self.violation_combo), ("disability_group", self.group_spin)):
            widget.setEnabled(self._field_editable(name))
        self.previous_edit.setEnabled(self._field_editable("previous_number") and not (cert and cert.previous_id))
        self._job_changed()
        for years, months, relation, name_edit in self.care_rows:
            for w in (years, months, relation, name_edit):
                w.setEnabled(self._field_editable("care"))
        for name, widget in (("hospital_from", self.hospital_from), ("hospital_to", self.hospital_to),
                             ("violation_date", self.violation_date), ("commission_referral_date", self.referral_date),
                             ("commission_registration_date", self.registration_date),
                             ("commission_examination_date", self.examination_date)):
            widget.set_read_only(not self._field_editable(name))
        for w in (self.return_date, self.other_date):
            w.set_read_only(not issued)
        self.other_combo.setEnabled(issued)
        periods = len(cert.periods) if cert else 0
        self.save_button.setEnabled(ready and (draft or issued) and (cert is not None or writer))
        self.check_button.setEnabled(ready and draft and (cert is not None or writer))
        # only those who treat release from work (the database refuses a registry job's period)
        self.add_period_button.setEnabled(ready and writer and (draft or issued) and periods < 3)
        self.extend_button.setEnabled(ready and writer and (draft or issued) and 0 < periods < 3)
        self.remove_period_button.setEnabled(ready and writer and draft and periods > 0)
        for w in (self.period_from, self.period_to, self.doctor_combo, self.chair_combo):
            w.setEnabled(writer and (draft or issued))
        self.number_edit.setEnabled(ready and (draft or status in ("issued", "closed")))
        self.issue_button.setEnabled(ready and draft and cert is not None or (ready and cert is None and writer))
        self.close_button.setEnabled(ready and issued)
        self.continue_button.setEnabled(ready and issued and not (cert and cert.next_number))
        self.spoil_button.setEnabled(ready and status in ("issued", "closed"))
        self.duplicate_button.setEnabled(ready and status in ("issued", "closed"))
        self.cancel_button.setEnabled(ready and draft and cert is not None)
        printable = ready and status in ("issued", "closed")
        self.print_blank_button.setEnabled(printable)
        self.print_plain_button.setEnabled(printable)
        self.reload_button.setEnabled(ready and cert is not None)

    # --- The preview ---------------------------------------------------------------------------

    def _draw_preview(self) -> None:
        cert = self.certificate
        if cert is None:
            self.preview_note.setText(self.tr("The form is drawn once the certificate is stored."))
            return
        on_blank = bool(self.preview_mode.currentData())
        try:
            profile = _profile(self.settings_path)
            image = render_form_image(cert, profile, on_blank=on_blank)
        except DomainError as exc:
            self.preview.set_image(QImage())  # never the picture of other values
            problems = getattr(exc, "problems", None)
            if problems:
                self.preview_note.setText(self.tr("Not printable yet: {problems}").format(
                    problems="; ".join(p.render(translate_domain_text) for p in problems)))
            else:
                self.preview_note.setText(error_text(exc))
            return
        except ImportError:
            self.preview.set_image(QImage())
            self.preview_note.setText(self.tr("No PDF renderer (pypdfium2) is installed: the preview is not drawn."))
            return
        self.preview.set_image(image)
        note = self.tr("Printer profile: {model}. Printed at 100 %.").format(model=profile.model)
        if not cert.number:
            note += " " + self.tr("The number is shown as zeros until the certificate is issued.")
        self.preview_note.setText(note)


def open_sick_leave(session: AppSession, patient_id: int, *, record_id: int | None = None,
                    certificate_id: int | None = None, parent: QWidget | None = None,
                    settings_path: Path | None = None) -> SickLeaveEditor:
    """Opens the certificate editor (window-modal over ``parent``): a new certificate of the patient,
    prefilled from the patient and linked to the visit record ``record_id``, or ``certificate_id``."""
    editor = SickLeaveEditor(session, patient_id, certificate_id=certificate_id, record_id=record_id,
                             settings_path=settings_path, parent=parent)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.open()
    return editor


# --- The patient's certificates ------------------------------------------------------------------------

LIST_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("SickLeave", "Number"), lambda c: c.number or "", context=CTX),
    Column(QT_TRANSLATE_NOOP("SickLeave", "Status"), status_text, context=CTX),
    Column(QT_TRANSLATE_NOOP("SickLeave", "Issued"), lambda c: c.issue_date, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("SickLeave", "Periods"), periods_text, context=CTX),
    Column(QT_TRANSLATE_NOOP("SickLeave", "Cause"), lambda c: c.cause_code, context=CTX),
)


class _CertificateRows:
    """What a table of certificates (``self.model``, ``self.view`` from `_certificate_table`) answers."""

    model: DtoTableModel
    view: QTableView

    def certificates(self) -> list[sl.Certificate]:
        return self.model.rows()

    def selected(self) -> sl.Certificate | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def select(self, certificate_id: int) -> bool:
        row = self.model.row_for_id(certificate_id)
        if row is None:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True


def _certificate_table(owner: QWidget, columns, open_selected) -> tuple[DtoTableModel, QTableView]:
    """A read-only table of certificates, one row selected; Enter or a double click opens it."""
    model = DtoTableModel(columns, parent=owner)
    view = QTableView(owner)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.doubleClicked.connect(lambda _i: open_selected())
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        shortcut = QShortcut(QKeySequence(key), view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(open_selected)
    return model, view


class SickLeaveList(_CertificateRows, QWidget):
    """The patient's certificates, newest first; Open (Enter, double click) and New."""

    opened = Signal(object)  # the SickLeaveEditor

    def __init__(self, session: AppSession, patient_id: int | None = None, parent: QWidget | None = None, *,
                 record_id: int | None = None, settings_path: Path | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id = patient_id
        self.record_id = record_id
        self.settings_path = settings_path
        self.loading = False
        self._generation = 0
        self.model, self.view = _certificate_table(self, LIST_COLUMNS, self.open_selected)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("mutedLabel")
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_selected)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_certificate)
        self.new_button.setVisible(bool(WRITING_JOBS & set(session.user.jobs)))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        if patient_id is not None:
            self.load(patient_id)

    def retranslate_ui(self) -> None:
        self.open_button.setText(self.tr("&Open certificate"))
        self.new_button.setText(self.tr("&New certificate…"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "new_button"):
            self.retranslate_ui()
        super().changeEvent(event)

    def load(self, patient_id: int | None) -> None:
        self.patient_id = patient_id
        self.model.set_rows(())
        self.reload()

    def reload(self) -> None:
        if self.patient_id is None:
            return
        self._generation += 1
        generation, patient = self._generation, self.patient_id
        self.loading = True
        session_op(self, self.session, lambda conn: tuple(sl.certificates_of_patient(conn, patient)),
                   commit=False).success(lambda rows: self._show(rows, generation)).failure(
            lambda exc: self._failed(exc, generation)).run()

    def open_selected(self) -> SickLeaveEditor | None:
        cert = self.selected()
        if cert is None or self.patient_id is None:
            return None
        return self._opened(open_sick_leave(self.session, self.patient_id, certificate_id=cert.id, parent=self,
                                            settings_path=self.settings_path))

    def new_certificate(self) -> SickLeaveEditor | None:
        if self.patient_id is None:
            return None
        return self._opened(open_sick_leave(self.session, self.patient_id, record_id=self.record_id, parent=self,
                                            settings_path=self.settings_path))

    def _opened(self, editor: SickLeaveEditor) -> SickLeaveEditor:
        self.opened.emit(editor)
        return editor

    def _show(self, rows: tuple[sl.Certificate, ...], generation: int) -> None:
        if generation != self._generation:
            return
        self.loading = False
        current = self.selected()
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        if rows:
            if current is None or not self.select(current.id):
                self.view.setCurrentIndex(self.model.index(0, 0))
        self.empty_label.setText("" if rows else self.tr("No certificates."))
        self._update_buttons()

    def _failed(self, exc: Exception, generation: int) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.empty_label.setText(error_text(exc))

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)
        self.new_button.setEnabled(self.patient_id is not None)

    def _on_changes(self, changes: frozenset[str]) -> None:
        if CHANGES in changes and self.patient_id is not None:
            self.reload()


class SickLeaveListDialog(QDialog):
    """The patient's certificates in a window of their own (the registrar's client card opens it)."""

    def __init__(self, session: AppSession, patient_id: int, patient_name: str = "",
                 parent: QWidget | None = None, *, settings_path: Path | None = None) -> None:
        super().__init__(parent)
        self.patient_name = patient_name
        self.list = SickLeaveList(session, patient_id, self, settings_path=settings_path)
        self.lead = QLabel(self)
        self.lead.setObjectName("mutedLabel")
        self.lead.setWordWrap(True)
        close = QPushButton(self)
        close.clicked.connect(self.reject)
        self.close_button = close
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lead)
        layout.addWidget(self.list, 1)
        layout.addLayout(footer)
        self.retranslate_ui()
        self.resize(760, 420)
        self.list.view.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sick leave: {name}").format(name=self.patient_name) if self.patient_name
                            else self.tr("Sick leave"))
        self.lead.setText(self.tr(
            "Certificates of incapacity for work of the client. Open one to print it, to spoil its blank (it is "
            "refilled on a new blank) or to issue a duplicate."))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self.retranslate_ui()
        super().changeEvent(event)


def open_sick_leave_list(session: AppSession, patient_id: int, patient_name: str = "",
                         parent: QWidget | None = None) -> SickLeaveListDialog:
    """Opens the patient's certificates in a window (window-modal over ``parent``)."""
    dialog = SickLeaveListDialog(session, patient_id, patient_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


JOURNAL_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("SickLeave", "Patient"),
           lambda c: " ".join(p for p in (c.surname, c.first_name, c.patronymic) if p), context=CTX),
    Column(QT_TRANSLATE_NOOP("SickLeave", "Born"), lambda c: c.birth_date, ALIGN_RIGHT, CTX),
    *LIST_COLUMNS,
)


class SickLeaveJournalDialog(_CertificateRows, QDialog):
    """The organization's certificates issued since a day (drafts too), newest first, filtered by number or
    name as typed: the registry opens one to print it on its blank, spoil it or issue a duplicate."""

    def __init__(self, session: AppSession, parent: QWidget | None = None, *, days: int = 7,
                 settings_path: Path | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings_path = settings_path
        self.loading = False
        self.rows: tuple[sl.Certificate, ...] = ()
        self._generation = 0
        self.since_edit = DateEdit(self, dt.date.today() - dt.timedelta(days=days))
        self.since_label = QLabel(self)
        self.since_label.setBuddy(self.since_edit)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_label = QLabel(self)
        self.filter_label.setBuddy(self.filter_edit)
        self.model, self.view = _certificate_table(self, JOURNAL_COLUMNS, self.open_selected)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("mutedLabel")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("primaryButton")
        self.open_button.clicked.connect(self.open_selected)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        bar = QHBoxLayout()
        for w in (self.since_label, self.since_edit, self.filter_label):
            bar.addWidget(w)
        bar.addWidget(self.filter_edit, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.open_button)
        footer.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)
        self.since_edit.dateChanged.connect(lambda _d: self.reload())
        self.filter_edit.textChanged.connect(lambda _t: self._apply_filter())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self.resize(980, 520)
        self.filter_edit.setFocus()
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Sick-leave certificates"))
        self.since_label.setText(self.tr("Issued &since:"))
        self.filter_label.setText(self.tr("&Number or name:"))
        self.open_button.setText(self.tr("&Open certificate"))
        self.close_button.setText(self.tr("Close"))
        self._apply_filter()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "close_button"):
            self.retranslate_ui()
        super().changeEvent(event)

    def reload(self) -> None:
        org, since = self.session.organization_id, self.since_edit.value()
        if org is None:
            return
        self._generation += 1
        generation = self._generation
        self.loading = True
        session_op(self, self.session, lambda conn: tuple(sl.certificates(conn, org, since=since, limit=1000)),
                   commit=False).success(lambda rows: self._show(rows, generation)).failure(
            lambda exc: self._failed(exc, generation)).run()

    def open_selected(self) -> SickLeaveEditor | None:
        cert = self.selected()
        if cert is None:
            return None
        return open_sick_leave(self.session, cert.patient_id, certificate_id=cert.id, parent=self,
                               settings_path=self.settings_path)

    def _show(self, rows: tuple[sl.Certificate, ...], generation: int) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.rows = rows
        self._apply_filter()

    def _failed(self, exc: Exception, generation: int) -> None:
        if generation == self._generation:
            self.loading = False
            self.count_label.setText(error_text(exc))

    def _apply_filter(self) -> None:
        words = self.filter_edit.text().upper().split()
        current = self.selected()

        def matches(c: sl.Certificate) -> bool:
            haystack = f"{c.number or ''} {c.surname} {c.first_name} {c.patronymic}".upper()
            return all(w in haystack for w in words)

        shown = [c for c in self.rows if matches(c)]
        self.model.set_rows(shown)
        self.view.resizeColumnsToContents()
        if shown and (current is None or not self.select(current.id)):
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.count_label.setText(self.tr("{shown} of {total} certificates.").format(
            shown=len(shown), total=len(self.rows)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def _on_changes(self, changes: frozenset[str]) -> None:
        if CHANGES in changes:
            self.reload()


def open_sick_leave_journal(session: AppSession, parent: QWidget | None = None) -> SickLeaveJournalDialog:
    """The organization's recent certificates in a window (not modal: the registry keeps working)."""
    dialog = SickLeaveJournalDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


__all__ = ["CHANGES", "Choices", "EditorState", "SickLeaveEditor", "SickLeaveJournalDialog", "SickLeaveList",
           "SickLeaveListDialog", "load_choices", "load_state", "open_sick_leave", "open_sick_leave_journal",
           "open_sick_leave_list", "render_form_image"]
