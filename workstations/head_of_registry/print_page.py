"""Printing the work schedule of the organization for patients (the poster at reception).

Choose the week (the date snaps to its Monday), Preview builds the PDF on a worker thread
(`calendar_ops.schedule_pdf`: the service's document rendered by `printing.work_schedule`) and shows
its pages here; Save PDF… writes it, Print… sends it to a printer.

The pages are drawn and printed by the shell's `medcenter_desktop.pdf_view` (QtPdf or pypdfium2).
Without a rasterizer the page says so and offers the system PDF viewer, and Save PDF… works as always.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    QEvent,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.pdf_view import NoPdfRenderer, PdfPreview, open_pdf_pages, print_pdf
from shared.errors import DomainError
from workstations.head_of_registry import calendar_ops
from workstations.head_of_registry.calendar_ops import monday_of, schedule_pdf

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

__all__ = ["PdfPreview", "PrintSchedulePage", "open_pdf_pages", "print_pdf", "schedule_pdf"]


# --- The page --------------------------------------------------------------------------------------


class PrintSchedulePage(QWidget):
    """The week's work schedule: preview, save as PDF, print."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        #: The PDF last built and the Monday of its week.
        self.pdf: bytes | None = None
        self.pdf_week: dt.date | None = None
        self.busy = False
        self._generation = 0
        # What waits for the PDF being built: (its Monday, callback).
        self._after_build: list[tuple[dt.date, Callable[[bytes], object]]] = []

        self.lead = QLabel(self)
        self.lead.setObjectName("mutedLabel")
        self.lead.setWordWrap(True)
        self.week_label = QLabel(self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.date_edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.date_edit.setMinimumWidth(120)
        self.week_label.setBuddy(self.date_edit)
        self.prev_button = QToolButton(self)
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.this_week_button = QPushButton(self)
        self.period_label = QLabel(self)
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("primaryButton")
        self.save_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.open_button = QPushButton(self)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.week_label)
        toolbar.addWidget(self.prev_button)
        toolbar.addWidget(self.date_edit)
        toolbar.addWidget(self.next_button)
        toolbar.addWidget(self.this_week_button)
        toolbar.addSpacing(8)
        toolbar.addWidget(self.period_label)
        toolbar.addStretch(1)
        toolbar.addWidget(self.preview_button)
        toolbar.addWidget(self.save_button)
        toolbar.addWidget(self.print_button)
        toolbar.addWidget(self.open_button)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.whole_page_check = QCheckBox(self)
        self.preview = PdfPreview(self)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.whole_page_check, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.lead)
        layout.addLayout(toolbar)
        layout.addLayout(status_row)
        layout.addWidget(self.preview, 1)

        self.date_edit.dateChanged.connect(self._date_changed)
        self.prev_button.clicked.connect(lambda: self.set_week(self.week - dt.timedelta(days=7)))
        self.next_button.clicked.connect(lambda: self.set_week(self.week + dt.timedelta(days=7)))
        self.this_week_button.clicked.connect(lambda: self.set_week(dt.date.today()))
        self.preview_button.clicked.connect(self.build_preview)
        self.save_button.clicked.connect(self.ask_save)
        self.print_button.clicked.connect(self.ask_print)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.whole_page_check.toggled.connect(self.preview.set_whole_page)
        self.set_week(dt.date.today())
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    @property
    def week(self) -> dt.date:
        """The Monday of the chosen week."""
        return monday_of(self.date_edit.date().toPython())

    def set_week(self, day: dt.date) -> None:
        monday = monday_of(day)
        self.date_edit.setDate(QDate(monday.year, monday.month, monday.day))

    def refresh(self) -> None:
        """Builds the preview of the chosen week again (the schedule may have changed)."""
        self.build_preview()

    def build_preview(self) -> None:
        self._build(None)

    def has_current_pdf(self) -> bool:
        return self.pdf is not None and self.pdf_week == self.week

    def save_to(self, path: str | Path) -> None:
        """Writes the PDF of the chosen week to ``path`` (built first when needed)."""
        self._with_pdf(lambda data: self._write(Path(path), data))

    def ask_save(self) -> None:
        monday = self.week
        name = self.tr("work-schedule-{date}.pdf").format(date=monday.isoformat())
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the work schedule"), str(Path.home() / name),
            self.tr("PDF documents (*.pdf)"))
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_to(path)

    def print_to(self, printer: QPrinter) -> None:
        """Prints the chosen week on ``printer`` as set up (built first when needed)."""
        self._with_pdf(lambda data: self._print(printer, data))

    def ask_print(self) -> None:
        self._with_pdf(self._ask_print)

    def open_in_viewer(self) -> None:
        """Opens the PDF in the system's PDF viewer (which can print it too)."""
        self._with_pdf(self._open)

    def retranslate_ui(self) -> None:
        self.lead.setText(self.tr(
            "The work schedule of the specialists for patients, as hung at reception: choose the week, "
            "preview it, then print it or save it as PDF."))
        self.week_label.setText(self.tr("&Week of"))
        self.prev_button.setToolTip(self.tr("Previous week"))
        self.next_button.setToolTip(self.tr("Next week"))
        self.this_week_button.setText(self.tr("This wee&k"))
        self.preview_button.setText(self.tr("&Preview"))
        self.save_button.setText(self.tr("&Save PDF…"))
        self.print_button.setText(self.tr("P&rint…"))
        self.open_button.setText(self.tr("&Open in PDF viewer"))
        self.open_button.setToolTip(self.tr(
            "Opens the schedule in the PDF viewer of this computer, which can print it too"))
        self.whole_page_check.setText(self.tr("Whole pa&ges"))
        self._show_period()
        if self.pdf is None:
            self.preview.show_notice(self.tr(
                "Choose the week and press Preview to see the schedule as it will be printed."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "preview"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _date_changed(self, date: QDate) -> None:
        if date.dayOfWeek() != 1:
            self.set_week(date.toPython())  # snaps to Monday; this slot runs again with it
            return
        self._show_period()

    def _show_period(self) -> None:
        monday = self.week
        sunday = monday + dt.timedelta(days=6)
        self.period_label.setText(self.tr("{first} – {last}").format(
            first=monday.strftime("%d.%m.%Y"), last=sunday.strftime("%d.%m.%Y")))
        if self.pdf is not None and self.pdf_week != monday:
            self._set_status(self.tr(
                "The preview shows the week of {date}. Press Preview for the chosen week.").format(
                date=self.pdf_week.strftime("%d.%m.%Y") if self.pdf_week else ""), error=False)
        elif self.pdf is not None:
            self._set_status("", error=False)

    def _with_pdf(self, then: Callable[[bytes], object]) -> None:
        if self.has_current_pdf():
            assert self.pdf is not None
            then(self.pdf)
        else:
            self._build(then)

    def _build(self, then: Callable[[bytes], object] | None) -> None:
        self._generation += 1
        generation, monday = self._generation, self.week
        # A save or print asked for another week is dropped with the build it waited for.
        self._after_build = [(m, t) for m, t in self._after_build if m == monday]
        if then is not None:
            self._after_build.append((monday, then))
        self._set_busy(True)
        calendar_ops.build_schedule_pdf(parent=self, session=self.session, monday=monday).success(
            lambda data: self._built(generation, monday, data)
        ).failure(lambda exc: self._failed(generation, exc)).with_progress(
            self.tr("Building the work schedule…")).run()

    def _built(self, generation: int, monday: dt.date, data: bytes) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.pdf, self.pdf_week = data, monday
        waiting, self._after_build = self._after_build, []
        if self.preview.show_pdf(data):
            pages = self.preview.page_count()
            self._set_status(self.tr("Week of {date}: %n page(s).", "", pages).format(
                date=monday.strftime("%d.%m.%Y")), error=False)
        else:
            self.preview.show_notice(self.tr(
                "The schedule is built, but this installation cannot draw PDF pages (Qt's PDF module "
                "is missing). Open it in your PDF viewer or save it."))
            self._set_status("", error=False)
        for week, then in waiting:
            if week == monday:
                then(data)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self._after_build = []
        self._set_status(error_text(exc), error=True)

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.write_bytes(data)
        except OSError as exc:
            self._set_status(self.tr("The file could not be written: {reason}").format(
                reason=exc.strerror or type(exc).__name__), error=True)
            return
        self._set_status(self.tr("Saved to {path}.").format(path=str(path)), error=False)

    def _ask_print(self, data: bytes) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        dialog = QPrintDialog(printer, self)
        if self.preview.page_count() and self.pdf == data:
            dialog.setMinMax(1, self.preview.page_count())
        dialog.setWindowTitle(self.tr("Print the work schedule"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._print(printer, data)
        dialog.deleteLater()

    def _print(self, printer: QPrinter, data: bytes) -> None:
        if not printer.docName():
            printer.setDocName(self.tr("Work schedule, week of {date}").format(
                date=(self.pdf_week or self.week).strftime("%d.%m.%Y")))
        try:
            pages = print_pdf(data, printer)
        except NoPdfRenderer as exc:
            self._set_status(error_text(exc), error=True)
            self._open(data)
            return
        except DomainError as exc:
            self._set_status(error_text(exc), error=True)
            return
        self._set_status(self.tr("Sent to the printer: %n page(s).", "", pages),
                         error=False)

    def _open(self, data: bytes) -> None:
        monday = self.pdf_week or self.week
        path = Path(tempfile.gettempdir()) / f"medcenter-work-schedule-{monday.isoformat()}.pdf"
        try:
            path.write_bytes(data)
        except OSError as exc:
            self._set_status(self.tr("The file could not be written: {reason}").format(
                reason=exc.strerror or type(exc).__name__), error=True)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (self.preview_button, self.save_button, self.print_button, self.open_button):
            button.setEnabled(not busy)

    def _set_status(self, text: str, *, error: bool) -> None:
        self.status_label.setObjectName("errorLabel" if error else "mutedLabel")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
