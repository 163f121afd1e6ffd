"""The patient's services of the day: the order lines of their visits, complex services with their steps
(done, skipped, to do). Perform (Ctrl+P) records who performed a line, where and when; an optional step
may be skipped with a reason; a complex service is closed when its required steps are done. An unpaid
line is refused with the clinic's message, or -- where the clinic only warns -- performed after the
doctor confirms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.table_model import Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services.performance import UnpaidWarning
from workstations.doctor import ops, texts

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from shared.services.shift_tasks import TaskEntry

CTX = "DoctorServices"


@dataclass(frozen=True)
class ServiceRow:
    id: int  # the order line
    version: int
    kind: str  # 'line' | 'complex' | 'step'
    name: str
    state: str  # shown
    payment: str
    performed_at: dt.datetime | None
    entry: TaskEntry
    open: bool  # may still be performed (a line or step) / closed (a complex line)
    optional: bool = False
    can_close: bool = False


def rows_for(services: ops.Services) -> list[ServiceRow]:
    rows: list[ServiceRow] = []
    for entry in services.entries:
        for line in entry.lines:
            if line.parent_line_id is not None:
                continue  # shown under its complex service
            progress = services.complexes.get(line.id)
            payment = texts.line_payment(line)
            if progress is None:
                rows.append(ServiceRow(line.id, line.version, "line", line.service_name, texts.line_status(line.status),
                                       payment, line.performed_at, entry,
                                       line.status not in ("performed", "closed", "cancelled")))
                continue
            summary = _steps_text(progress.done, progress.skipped, progress.left)
            rows.append(ServiceRow(line.id, progress.version, "complex", line.service_name,
                                   f"{texts.line_status(progress.status)} \u00b7 {summary}", payment,
                                   line.performed_at, entry, False, can_close=progress.can_close))
            for step in progress.steps:
                rows.append(ServiceRow(step.line_id, step.version, "step", "\u2003\u2514 " + step.service_name,
                                       texts.step_state(step.state) + (
                                           " \u00b7 " + _optional_text() if step.optional else ""),
                                       "", step.performed_at, entry, step.state == "left", optional=step.optional))
    return rows


def _steps_text(done: int, skipped: int, left: int) -> str:
    return QCoreApplication.translate("DoctorServices", "steps done {done}, skipped {skipped}, to do {left}").format(
        done=done, skipped=skipped, left=left)


def _optional_text() -> str:
    return QCoreApplication.translate("DoctorServices", "optional")


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DoctorServices", "Service"), lambda r: r.name, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorServices", "Time"), lambda r: r.entry.local_start.strftime("%H:%M"), context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorServices", "State"), lambda r: r.state, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorServices", "Payment"), lambda r: r.payment, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorServices", "Performed"), lambda r: texts.local(r.performed_at), context=CTX),
)


class ServicesModel(DtoTableModel[ServiceRow]):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, parent=parent)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == 3 and row.entry.payment in ("unpaid", "approval_needed") and row.kind != "step":
                return QBrush(QColor("#a61b1b"))
            if not row.open and row.kind != "complex":
                return QBrush(QColor("#5f7a5f"))
        return super().data(index, role)


class PerformDialog(QDialog):
    """When and where a service was performed, and its result; OK performs."""

    def __init__(self, row: ServiceRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        entry = row.entry
        self.setWindowTitle(self.tr("Performed: {service}").format(service=row.name.strip("\u2003\u2514 ")))
        now = dt.datetime.now().astimezone()
        start = entry.starts_at.astimezone()
        end = now if start < now < start + dt.timedelta(hours=12) else entry.ends_at.astimezone()
        self.office_label = QLabel(entry.office_number or "\u2014", self)
        self.start_edit = QDateTimeEdit(QDateTime(start.replace(tzinfo=None)), self)
        self.end_edit = QDateTimeEdit(QDateTime(end.replace(tzinfo=None)), self)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("dd.MM.yyyy HH:mm")
            edit.setCalendarPopup(True)
        self.result_edit = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Patient:"), QLabel(entry.patient_name, self))
        form.addRow(self.tr("Office:"), self.office_label)
        form.addRow(self.tr("&Started:"), self.start_edit)
        form.addRow(self.tr("&Ended:"), self.end_edit)
        form.addRow(self.tr("&Result:"), self.result_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Performed (Enter)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.result_edit.setFocus()
        self.resize(460, self.sizeHint().height())

    def period(self) -> tuple[dt.datetime, dt.datetime]:
        zone = dt.datetime.now().astimezone().tzinfo
        return (self.start_edit.dateTime().toPython().replace(tzinfo=zone),
                self.end_edit.dateTime().toPython().replace(tzinfo=zone))


class ServicesTab(QWidget):
    """``changed()`` after a line was performed, skipped or closed."""

    changed = Signal()

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.staff_member_id: int | None = None
        self.record_id: int | None = None
        self.busy = False
        #: The dialog open (tests fill and accept it).
        self.perform_dialog: PerformDialog | None = None
        self.model = ServicesModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.view.doubleClicked.connect(lambda _i: self.perform_current())
        self.message_label = QLabel(self)
        self.message_label.setObjectName("errorLabel")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("mutedLabel")
        self.empty_label.setWordWrap(True)
        self.perform_button = QPushButton(self)
        self.perform_button.setObjectName("primaryButton")
        self.perform_button.clicked.connect(self.perform_current)
        self.skip_button = QPushButton(self)
        self.skip_button.clicked.connect(self.skip_current)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label, 1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.perform_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self._update_buttons()

    # --- Public API ------------------------------------------------------------------------------

    def set_services(self, services: ops.Services) -> None:
        current = self.current_row()
        self.model.set_rows(rows_for(services))
        for column, most in ((1, 70), (2, 230), (3, 150), (4, 140)):
            self.view.resizeColumnToContents(column)
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), most))
        index = self.model.index_for_id(current.id) if current is not None else self._first_open()
        if index.isValid():
            self.view.setCurrentIndex(index)
        self.empty_label.setText(self.tr("No services of this patient on the day.") if not self.model.rowCount() else "")
        self._update_buttons()

    def current_row(self) -> ServiceRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def perform_current(self) -> PerformDialog | None:
        row = self.current_row()
        if row is None or self.busy or self.staff_member_id is None:
            return None
        if row.kind == "complex":
            self.show_message(self.tr("Perform the steps of the complex service, then close it."))
            return None
        if not row.open:
            self.show_message(self.tr("This service is already performed or skipped."))
            return None
        dialog = PerformDialog(row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._perform(row, *dialog.period(), dialog.result_edit.text()))
        dialog.finished.connect(lambda _r: setattr(self, "perform_dialog", None))
        self.perform_dialog = dialog
        dialog.open()
        return dialog

    def skip_current(self) -> None:
        row = self.current_row()
        if row is None or row.kind != "step" or not row.optional or not row.open or self.busy:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Skip the step"), self.tr("Why is the step skipped?"))
        if not ok:
            return
        self._run(ops.skip_step(parent=self, session=self.session, line_id=row.id, version=row.version, reason=reason))

    def close_current(self) -> None:
        row = self.current_row()
        if row is None or row.kind != "complex" or self.busy:
            return
        self._run(ops.close_complex(parent=self, session=self.session, line_id=row.id, version=row.version))

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def retranslate_ui(self) -> None:
        self.perform_button.setText(self.tr("Performed\u2026 (Ctrl+P)"))
        self.skip_button.setText(self.tr("Skip optional step\u2026"))
        self.close_button.setText(self.tr("Close complex service"))

    # --- Internals -------------------------------------------------------------------------------

    def _perform(self, row: ServiceRow, started: dt.datetime, ended: dt.datetime, result: str,
                 confirmed: bool = False) -> None:
        def failed(exc: Exception) -> None:
            self.busy = False
            self._update_buttons()
            if isinstance(exc, UnpaidWarning) and not confirmed:
                answer = QMessageBox.question(self, self.tr("Unpaid service"), error_text(exc),
                                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                              QMessageBox.StandardButton.No)
                if answer == QMessageBox.StandardButton.Yes:
                    self._perform(row, started, ended, result, confirmed=True)
                return
            self._failed(exc)

        self.busy = True
        self._update_buttons()
        ops.perform(parent=self, session=self.session, line_id=row.id, version=row.version,
                    performed_by=self.staff_member_id, office_id=row.entry.office_id, started_at=started,
                    ended_at=ended, result=result, record_id=self.record_id, confirm_unpaid=confirmed).success(
            lambda _r: self._done()).failure(failed).run()

    def _run(self, op) -> None:
        self.busy = True
        self._update_buttons()
        op.success(lambda _r: self._done()).failure(self._failed).run()

    def _done(self) -> None:
        self.busy = False
        self.show_message("")
        self.changed.emit()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self._update_buttons()
        if isinstance(exc, DomainError):
            self.show_message(error_text(exc))
        else:
            show_error(self, exc)

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.perform_button.setEnabled(not self.busy and row is not None and row.kind != "complex" and row.open)
        self.skip_button.setVisible(any(r.kind == "step" and r.optional for r in self.model.rows()))
        self.skip_button.setEnabled(not self.busy and row is not None and row.kind == "step" and row.optional
                                    and row.open)
        self.close_button.setVisible(any(r.kind == "complex" for r in self.model.rows()))
        self.close_button.setEnabled(not self.busy and row is not None and row.kind == "complex" and row.can_close)

    def _first_open(self):
        for number, row in enumerate(self.model.rows()):
            if row.open:
                return self.model.index(number, 0)
        return self.model.index(0, 0)
