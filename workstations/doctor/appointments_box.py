"""The appointments of the visit: services the doctor prescribes by indication (tests, consultations,
procedures). Type a few letters of the service (or its code), Down/Up to choose, Enter appoints it with
the urgency and indication given. F3 books the current appointment with the slot finder (any doctor who
provides it), Delete removes a planned one from the draft, Cancel… ends one with a reason.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error, translate_domain_text
from medcenter_desktop.table_model import Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services import appointments
from workstations.doctor import ops, order_ops
from workstations.doctor.slot_dialog import SlotDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from medcenter_desktop.login_service import AppSession

CTX = "DoctorAppointments"
SERVICE_ROLE = Qt.ItemDataRole.UserRole + 11
RESULTS = 12


def _when(a: appointments.Appointment) -> str:
    if a.starts_at is None:
        return a.due_on.strftime("%d.%m.%Y") if a.due_on else ""
    when = a.starts_at.astimezone().strftime("%d.%m.%Y %H:%M")
    return f"{when}, {a.resource_name}" if a.resource_name else when


def _payment(a: appointments.Appointment) -> str:
    if a.order_line_id is None:
        return ""
    if a.payer_name:
        return a.payer_name
    return QCoreApplication.translate("DoctorAppointments", "paid") if a.is_paid else QCoreApplication.translate("DoctorAppointments", "to pay")


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DoctorAppointments", "Service"), lambda a: a.service_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorAppointments", "Urgency"),
           lambda a: translate_domain_text(appointments.URGENCY_NAMES.get(a.urgency, a.urgency)), context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorAppointments", "Status"),
           lambda a: translate_domain_text(appointments.STATUS_NAMES.get(a.status, a.status)), context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorAppointments", "When"), _when, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorAppointments", "Payment"), _payment, context=CTX),
)


class AppointmentsModel(DtoTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, parent=parent)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index) if index.isValid() else None
        if row is not None and role == Qt.ItemDataRole.ForegroundRole:
            if not row.is_open:
                return QBrush(QColor("#8a98a3"))
            if index.column() == 1 and row.urgency != "routine":
                return QBrush(QColor("#a61b1b"))
        return super().data(index, role)


class AppointmentsBox(QWidget):
    """``record_saved(record)`` when appointing started or saved the draft; ``changed()`` after any change."""

    record_saved = Signal(object)
    changed = Signal()

    def __init__(self, session: AppSession, draft: Callable[[], ops.Draft | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.draft = draft
        self.record_id: int | None = None
        self.read_only = False
        self.busy = False
        self.catalogue: tuple[order_ops.ServiceChoice, ...] = ()
        self.slot_dialog: SlotDialog | None = None
        self._catalogue_asked = False

        self.service_label = QLabel(self)
        self.service_edit = QLineEdit(self)
        self.service_edit.setClearButtonEnabled(True)
        self.service_edit.textEdited.connect(self._search)
        self.service_edit.installEventFilter(self)
        self.service_label.setBuddy(self.service_edit)
        self.urgency_combo = QComboBox(self)
        for code in appointments.URGENCIES:
            self.urgency_combo.addItem("", code)
        self.indication_edit = QLineEdit(self)
        self.indication_edit.installEventFilter(self)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_chosen)
        self.results_model = QStandardItemModel(self)
        self.results_view = QListView(self)
        self.results_view.setModel(self.results_model)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.doubleClicked.connect(lambda _i: self.add_chosen())
        self.results_view.hide()
        self.message_label = QLabel(self)
        self.message_label.setObjectName("errorLabel")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.model = AppointmentsModel(self)
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
        self.book_button = QPushButton(self)
        self.book_button.clicked.connect(self.book_current)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_current)
        book = QShortcut(QKeySequence(Qt.Key.Key_F3), self)
        book.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        book.activated.connect(self.book_current)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.addWidget(self.service_label, 0, 0)
        grid.addWidget(self.service_edit, 0, 1)
        grid.addWidget(self.urgency_combo, 0, 2)
        grid.addWidget(self.indication_edit, 0, 3)
        grid.addWidget(self.add_button, 0, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.book_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(grid)
        layout.addWidget(self.results_view)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def show_orders(self, record_id: int | None, orders: order_ops.RecordOrders | None) -> None:
        self.record_id = record_id
        current = self.current()
        self.model.set_rows(list(orders.appointments) if orders else [])
        for column in (1, 2, 3, 4):
            self.table.resizeColumnToContents(column)
        index = self.model.index_for_id(current.id) if current is not None else self.model.index(0, 0)
        if index.isValid():
            self.table.setCurrentIndex(index)
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        """A signed record appoints nothing more; what it appointed may still be booked or cancelled."""
        self.read_only = read_only
        for widget in (self.service_label, self.service_edit, self.urgency_combo, self.indication_edit,
                       self.add_button):
            widget.setVisible(not read_only)
        if read_only:
            self.results_view.hide()
        self._update_buttons()

    def focus_search(self) -> None:
        self._ensure_catalogue()
        self.service_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current(self) -> appointments.Appointment | None:
        index = self.table.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def chosen_service(self) -> int | None:
        index = self.results_view.currentIndex()
        if self.results_view.isHidden() or not index.isValid():
            return None
        return index.data(SERVICE_ROLE)

    def add_chosen(self) -> None:
        if self.read_only or self.busy:
            return
        service_id = self.chosen_service()
        if service_id is None:
            self.show_message(QCoreApplication.translate("DoctorAppointments", "Type a few letters of the service and choose it."))
            return
        draft = self.draft()
        if draft is None:
            return
        self._run(order_ops.prescribe_service(parent=self, session=self.session, draft=draft, service_id=service_id,
                                        urgency=self.urgency_combo.currentData(),
                                        indication=self.indication_edit.text()), added=True)

    def book_current(self) -> SlotDialog | None:
        row = self.current()
        if row is None or self.busy or row.status not in ("planned", "ordered"):
            return None
        dialog = SlotDialog(AppointmentSource(self, row), row.due_on or dt.date.today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.reload)
        dialog.finished.connect(lambda _r: setattr(self, "slot_dialog", None))
        self.slot_dialog = dialog
        dialog.open()
        return dialog

    def cancel_current(self) -> None:
        row = self.current()
        if row is None or self.busy or not row.is_open or self.record_id is None:
            return
        if row.status == "planned" and not self.read_only:
            self._run(order_ops.remove_appointment(parent=self, session=self.session, record_id=self.record_id,
                                             appointment_id=row.id, version=row.version))
            return
        reason, ok = QInputDialog.getText(self, QCoreApplication.translate("DoctorAppointments", "Cancel the appointment"),
                                          QCoreApplication.translate("DoctorAppointments", "Why is it cancelled?"))
        if ok:
            self._run(order_ops.cancel_appointment(parent=self, session=self.session, record_id=self.record_id,
                                             appointment_id=row.id, version=row.version, reason=reason))

    def reload(self) -> None:
        if self.record_id is not None:
            record_id = self.record_id
            order_ops.load_orders(parent=self, session=self.session, record_id=record_id).success(
                lambda orders: self._loaded(record_id, orders)).run()
            self.changed.emit()

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def retranslate_ui(self) -> None:
        self.service_label.setText(self.tr("&Service:"))
        self.service_edit.setPlaceholderText(self.tr("Name or code of a test, consultation, procedure (Ctrl+E)"))
        for number in range(self.urgency_combo.count()):
            code = self.urgency_combo.itemData(number)
            self.urgency_combo.setItemText(number, translate_domain_text(appointments.URGENCY_NAMES.get(code, code)))
        self.indication_edit.setPlaceholderText(self.tr("Indication"))
        self.add_button.setText(self.tr("Appoint (Enter)"))
        self.book_button.setText(self.tr("Book\u2026 (F3)"))
        self.cancel_button.setText(self.tr("Remove / cancel\u2026 (Del)"))

    # --- Internals -------------------------------------------------------------------------------

    def _loaded(self, record_id: int, orders: order_ops.RecordOrders) -> None:
        if record_id == self.record_id:
            self.show_orders(record_id, orders)

    def _ensure_catalogue(self) -> None:
        if self._catalogue_asked or self.session.organization_id is None:
            return
        self._catalogue_asked = True
        order_ops.load_catalogue(parent=self, session=self.session, organization_id=self.session.organization_id).success(
            self._catalogue_loaded).failure(lambda exc: self.show_message(error_text(exc))).run()

    def _catalogue_loaded(self, catalogue) -> None:
        self.catalogue = catalogue
        if self.service_edit.text().strip():
            self._search(self.service_edit.text())

    def _search(self, typed: str) -> None:
        self._ensure_catalogue()
        self.show_message("")
        self.results_model.clear()
        words = typed.casefold().split()
        found = [s for s in self.catalogue if words and all(w in f"{s.code} {s.name}".casefold() for w in words)]
        for service in found[:RESULTS]:
            item = QStandardItem(f"{service.name}\u2003{service.code}")
            item.setData(service.id, SERVICE_ROLE)
            self.results_model.appendRow(item)
        self.results_view.setVisible(bool(found))
        if found:
            rows = min(len(found), 5)
            self.results_view.setFixedHeight(rows * max(self.results_view.sizeHintForRow(0), 18) + 6)
            self.results_view.setCurrentIndex(self.results_model.index(0, 0))

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
                self.service_edit.clear()
                self.indication_edit.clear()
                self.results_model.clear()
                self.results_view.hide()
                self.service_edit.setFocus()
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
        self.book_button.setEnabled(not self.busy and row is not None and row.status in ("planned", "ordered"))
        self.cancel_button.setEnabled(not self.busy and row is not None and row.is_open)
        self.add_button.setEnabled(not self.busy and not self.read_only)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched in (self.service_edit, self.indication_edit) and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                    and event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
                self.add_chosen()
                return True
            if watched is self.service_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.results_view.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.results_model.rowCount():
                    self.results_view.setCurrentIndex(self.results_model.index(row, 0))
                return True
            if watched is self.table and key == Qt.Key.Key_Delete:
                self.cancel_current()
                return True
        return super().eventFilter(watched, event)


class AppointmentSource:
    """Free times of an appointment's service with any doctor who provides it."""

    with_doctor = True

    def __init__(self, box: AppointmentsBox, row: appointments.Appointment) -> None:
        self.box = box
        self.row = row
        self.title = QCoreApplication.translate("DoctorAppointments", "Book the appointment")
        self.heading = row.service_name

    def find(self, parent: QWidget, first_day: dt.date, days: int):
        return order_ops.appointment_slots(parent=parent, session=self.box.session, appointment_id=self.row.id,
                                     first_day=first_day, days=days)

    def first(self, parent: QWidget, first_day: dt.date):
        return order_ops.first_free_appointment(parent=parent, session=self.box.session, appointment_id=self.row.id,
                                          first_day=first_day)

    def book(self, parent: QWidget, slot):
        return order_ops.book_appointment(parent=parent, session=self.box.session, appointment_id=self.row.id,
                                    version=self.row.version, slot=slot)
