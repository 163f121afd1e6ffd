"""The medicinal prescriptions of the visit: drug, dose and unit, route, times a day, days, instructions on
one line; Enter adds it to the draft (checked first: a wrong dose or a missing drug is said and the text
stays). Delete removes one from the draft; a signed record's prescriptions only end: cancelled with a
reason, or completed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.table_model import Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services import prescriptions
from workstations.doctor import ops, order_ops

if TYPE_CHECKING:
    from collections.abc import Callable

    from medcenter_desktop.login_service import AppSession

CTX = "DoctorPrescriptions"
PRESCRIPTION_CTX = "Prescription"
STATUS_NAMES = {
    "active": QT_TRANSLATE_NOOP("DoctorPrescriptions", "active"),
    "cancelled": QT_TRANSLATE_NOOP("DoctorPrescriptions", "cancelled"),
    "completed": QT_TRANSLATE_NOOP("DoctorPrescriptions", "completed"),
}


def _text(p: prescriptions.Prescription) -> str:
    return prescriptions.format_prescription(p, lambda s: QCoreApplication.translate(PRESCRIPTION_CTX, s))


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DoctorPrescriptions", "Prescription"), _text, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorPrescriptions", "Status"),
           lambda p: QCoreApplication.translate(CTX, STATUS_NAMES.get(p.status, p.status)), context=CTX),
)


class PrescriptionsModel(DtoTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, parent=parent)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.ForegroundRole and not row.is_active:
            return QBrush(QColor("#8a98a3"))
        return super().data(index, role)


def _route_text(route: str) -> str:
    phrase = prescriptions.ROUTE_PHRASES.get(route, "")
    return QCoreApplication.translate(PRESCRIPTION_CTX, phrase) if phrase else QCoreApplication.translate(
        "DoctorPrescriptions", "other route")


class PrescriptionsBox(QWidget):
    """``record_saved(record)`` when adding started or saved the draft; ``changed()`` after any change."""

    record_saved = Signal(object)
    changed = Signal()

    def __init__(self, session: AppSession, draft: Callable[[], ops.Draft | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.draft = draft
        self.record_id: int | None = None
        self.read_only = False
        self.busy = False

        self.drug_edit = QLineEdit(self)
        self.dose_edit = QLineEdit(self)
        self.dose_edit.setMaximumWidth(80)
        self.unit_combo = QComboBox(self)
        self.unit_combo.addItem("", "")
        for unit in prescriptions.DOSE_UNITS:
            self.unit_combo.addItem(QCoreApplication.translate(PRESCRIPTION_CTX, unit), unit)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit_combo.setMinimumContentsLength(6)
        self.route_combo = QComboBox(self)
        self.route_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.route_combo.setMinimumContentsLength(12)
        for route in prescriptions.ROUTES:
            self.route_combo.addItem(_route_text(route), route)
        self.times_edit = QLineEdit(self)
        self.times_edit.setMaximumWidth(70)
        self.days_edit = QLineEdit(self)
        self.days_edit.setMaximumWidth(70)
        self.instructions_edit = QLineEdit(self)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_typed)
        self.inputs = (self.drug_edit, self.dose_edit, self.unit_combo, self.route_combo, self.times_edit,
                       self.days_edit, self.instructions_edit)
        for widget in self.inputs:
            widget.installEventFilter(self)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("errorLabel")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.model = PrescriptionsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + 3 * 28 + 4)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_current)
        self.complete_button = QPushButton(self)
        self.complete_button.clicked.connect(lambda: self.end_current("completed"))

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        self.labels = [QLabel(self) for _ in range(4)]
        grid.addWidget(self.labels[0], 0, 0)
        grid.addWidget(self.drug_edit, 0, 1, 1, 3)
        grid.addWidget(self.dose_edit, 0, 4)
        grid.addWidget(self.unit_combo, 0, 5)
        grid.addWidget(self.route_combo, 0, 6)
        grid.addWidget(self.labels[1], 1, 0)
        grid.addWidget(self.times_edit, 1, 1)
        grid.addWidget(self.labels[2], 1, 2)
        grid.addWidget(self.days_edit, 1, 3)
        grid.addWidget(self.instructions_edit, 1, 4, 1, 3)
        grid.addWidget(self.add_button, 0, 7, 2, 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(6, 1)
        self.labels[0].setBuddy(self.drug_edit)
        self.labels[1].setBuddy(self.times_edit)
        self.labels[2].setBuddy(self.days_edit)
        self.labels[3].hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.complete_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(grid)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def show_orders(self, record_id: int | None, orders: order_ops.RecordOrders | None) -> None:
        self.record_id = record_id
        self.model.set_rows(list(orders.prescriptions) if orders else [])
        self.table.resizeColumnToContents(1)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for widget in (*self.inputs, self.add_button, *self.labels[:3]):
            widget.setVisible(not read_only)
        self._update_buttons()

    def focus_drug(self) -> None:
        self.drug_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current(self) -> prescriptions.Prescription | None:
        index = self.table.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def item(self) -> prescriptions.MedicationInput:
        """What is typed, as the service takes it (it checks and says what is wrong)."""
        return prescriptions.MedicationInput(
            drug_name=self.drug_edit.text(), dose_amount=self.dose_edit.text().replace(",", ".") or None,
            dose_unit=self.unit_combo.currentData() if self.dose_edit.text().strip() else "",
            route=self.route_combo.currentData(), times_per_day=self._whole(self.times_edit.text()),
            duration_days=self._whole(self.days_edit.text()), instructions=self.instructions_edit.text())

    def add_typed(self) -> None:
        if self.read_only or self.busy:
            return
        try:
            item = prescriptions.validate(self.item())
        except DomainError as exc:
            self.show_message(error_text(exc))
            return
        draft = self.draft()
        if draft is None:
            return
        self._run(order_ops.add_prescription(parent=self, session=self.session, draft=draft, item=item), added=True)

    def remove_current(self) -> None:
        row = self.current()
        if row is None or self.busy or self.record_id is None or not row.is_active:
            return
        if not self.read_only:
            self._run(order_ops.remove_prescription(parent=self, session=self.session, record_id=self.record_id,
                                              prescription_id=row.id))
            return
        self.end_current("cancelled")

    def end_current(self, status: str) -> None:
        row = self.current()
        if row is None or self.busy or self.record_id is None or not row.is_active:
            return
        reason = ""
        if status == "cancelled":
            reason, ok = QInputDialog.getText(self, self.tr("Cancel the prescription"),
                                              self.tr("Why is it cancelled?"))
            if not ok:
                return
        self._run(order_ops.end_prescription(parent=self, session=self.session, record_id=self.record_id,
                                       prescription_id=row.id, version=row.version, status=status, reason=reason))

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def retranslate_ui(self) -> None:
        self.labels[0].setText(self.tr("&Drug:"))
        self.labels[1].setText(self.tr("&Times a day:"))
        self.labels[2].setText(self.tr("D&ays:"))
        self.drug_edit.setPlaceholderText(self.tr("Name, form (Ctrl+R)"))
        self.dose_edit.setPlaceholderText(self.tr("Dose"))
        self.instructions_edit.setPlaceholderText(self.tr("Instructions: after meals\u2026"))
        self.add_button.setText(self.tr("Add\n(Enter)"))
        self.remove_button.setText(self.tr("Remove / cancel\u2026 (Del)"))
        self.complete_button.setText(self.tr("Completed"))

    # --- Internals -------------------------------------------------------------------------------

    @staticmethod
    def _whole(typed: str) -> int | str | None:
        typed = typed.strip()
        if not typed:
            return None
        return int(typed) if typed.isdigit() else typed  # the service says what is wrong with the rest

    def _run(self, op, *, added: bool = False) -> None:
        self.busy = True
        self._update_buttons()

        def done(orders: order_ops.RecordOrders) -> None:
            self.busy = False
            if orders.record is not None:
                self.record_saved.emit(orders.record)
                self.record_id = orders.record.id
            self.show_orders(self.record_id, orders)
            if added:
                for widget in (self.drug_edit, self.dose_edit, self.times_edit, self.days_edit,
                               self.instructions_edit):
                    widget.clear()
                self.drug_edit.setFocus()
            self.show_message("")
            self.changed.emit()

        def failed(exc: Exception) -> None:
            self.busy = False
            self._update_buttons()
            if isinstance(exc, DomainError):
                self.show_message(error_text(exc))
            else:
                show_error(self, exc)

        op.success(done).failure(failed).run()

    def _update_buttons(self) -> None:
        row = self.current()
        active = row is not None and row.is_active and not self.busy
        self.remove_button.setEnabled(active)
        self.complete_button.setEnabled(active)
        self.add_button.setEnabled(not self.busy and not self.read_only)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched in self.inputs and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in (
                    Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                self.add_typed()
                return True
            if watched is self.table and key == Qt.Key.Key_Delete:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)
