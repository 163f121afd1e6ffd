"""Insurers' telephone approvals of a patient: the list (reference, insurer, who approved, validity,
services with limits and what is taken, status) with Record approval… (Ins) and Revoke…, and the
dialog that links an order line to an approval (`LinkApprovalDialog`, used by the registrar's order page).

The record dialog: insurer (the organization's payers of kind 'insurer'), the insurer's person and
phone, the reference number, the validity (dd.mm.yyyy), an overall amount limit, and the services with
their quantity and amount limits (a service chosen by typing its code or name, Add service). A refused
save (`DomainError`) keeps the dialog open with the message above its buttons. Saves announce
``"approvals"`` on the operation bus.

Embedding: ``panel = InsurerApprovalsPanel(session, parent); panel.load(patient_id)``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text

from medcenter_desktop.error_dialog import error_text, translate_domain_text
from medcenter_desktop.operations import BackgroundOp, operation_bus, session_op
from medcenter_desktop.table_model import Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import insurer_approvals as ia

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

CTX = "InsurerApprovals"

#: Bus name announced after an approval was recorded, revoked, or a line linked to one.
APPROVAL_CHANGES = "approvals"

#: Jobs whose holders record approvals (the database's grants decide; this only hides the buttons).
WRITER_JOBS = frozenset({"registrar", "receptionist", "call_centre", "contracts", "head_of_registry", "admission"})


def _money(value) -> str:
    return "" if value is None else f"{value:,.2f}".replace(",", "\u00a0")


def _services(a: ia.ApprovalInfo) -> str:
    parts = []
    for s in a.services:
        if not s.listed:
            continue
        limits = []
        if s.quantity_limit is not None:
            limits.append(f"{s.used_quantity}/{s.quantity_limit}")
        if s.amount_limit is not None:
            limits.append(f"{_money(s.used_amount)}/{_money(s.amount_limit)}")
        parts.append(s.service_name + (f" ({', '.join(limits)})" if limits else ""))
    return "; ".join(parts)


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("InsurerApprovals", "Reference"), lambda a: a.reference_number, context=CTX),
    Column(QT_TRANSLATE_NOOP("InsurerApprovals", "Insurer"), lambda a: a.payer_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("InsurerApprovals", "Approved by"),
           lambda a: ", ".join(x for x in (a.approver_name, a.approver_phone) if x), context=CTX),
    Column(QT_TRANSLATE_NOOP("InsurerApprovals", "Valid"),
           lambda a: f"{a.valid_from:%d.%m.%Y} – {a.valid_to:%d.%m.%Y}", context=CTX),
    Column(QT_TRANSLATE_NOOP("InsurerApprovals", "Limit"), lambda a: _money(a.amount_limit), context=CTX),
    Column(QT_TRANSLATE_NOOP("InsurerApprovals", "Taken"), lambda a: _money(a.used_amount), context=CTX),
    Column(QT_TRANSLATE_NOOP("InsurerApprovals", "Status"),
           lambda a: translate_domain_text(a.status_name) + (f": {a.revoke_reason}" if a.revoke_reason else ""),
           context=CTX),
    Column(QT_TRANSLATE_NOOP("InsurerApprovals", "Services"), _services, context=CTX),
)


@dataclass(frozen=True)
class ServiceChoice:
    id: int
    code: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}"


@dataclass(frozen=True)
class Choices:
    insurers: tuple[ia.InsurerChoice, ...]
    services: tuple[ServiceChoice, ...]


# --- Operations ----------------------------------------------------------------------------------------------


def read_choices(conn: Connection, organization_id: int) -> Choices:
    services = conn.execute(text(
        "SELECT id, code, name FROM medical_services WHERE organization_id = :o AND is_active ORDER BY code, id"),
        {"o": organization_id}).all()
    return Choices(tuple(ia.insurers(conn, organization_id)), tuple(ServiceChoice(*r) for r in services))


def load_approvals(*, parent: QWidget, session: AppSession,
                   patient_id: int) -> BackgroundOp[list[ia.ApprovalInfo]]:
    return session_op(parent, session, lambda conn: ia.approvals_of_patient(conn, patient_id), commit=False)


def load_choices(*, parent: QWidget, session: AppSession) -> BackgroundOp[Choices]:
    organization_id = session.organization_id
    return session_op(parent, session, lambda conn: read_choices(conn, organization_id), commit=False)


def record(*, parent: QWidget, session: AppSession, patient_id: int, **values) -> BackgroundOp[int]:
    organization_id = session.organization_id
    return session_op(parent, session, lambda conn: ia.record_approval(conn, organization_id, patient_id=patient_id,
                                                                       **values), APPROVAL_CHANGES)


def revoke(*, parent: QWidget, session: AppSession, approval_id: int, version: int,
           reason: str) -> BackgroundOp[None]:
    return session_op(parent, session, lambda conn: ia.revoke(conn, approval_id, version, reason), APPROVAL_CHANGES)


def candidates_for_line(*, parent: QWidget, session: AppSession, patient_id: int, payer_id: int | None,
                        service_id: int, on_date: dt.date) -> BackgroundOp[list[ia.ApprovalInfo]]:
    return session_op(parent, session, lambda conn: ia.active_approvals_for(conn, patient_id, payer_id, service_id,
                                                                            on_date), commit=False)


def link(*, parent: QWidget, session: AppSession, line_id: int, version: int, approval_id: int | None,
         changes: tuple[str, ...] = ()) -> BackgroundOp[None]:
    """Links the line to ``approval_id`` (None: unlinks it)."""
    def run(conn: Connection) -> None:
        if approval_id is None:
            ia.unlink_line(conn, line_id, version)
        else:
            ia.link_line(conn, line_id, version, approval_id)

    return session_op(parent, session, run, APPROVAL_CHANGES, *changes)


# --- Dialogs -------------------------------------------------------------------------------------------------


def _day(text_value: str) -> dt.date | None:
    text_value = text_value.strip()
    for fmt in ("%d.%m.%Y", "%d.%m.%y"):
        try:
            return dt.datetime.strptime(text_value, fmt).date()
        except ValueError:
            continue
    return None


class RecordApprovalDialog(QDialog):
    """Records one telephone approval of an insurer for the patient."""

    def __init__(self, session: AppSession, patient_id: int, choices: Choices, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.patient_id = patient_id
        self.choices = choices
        self.busy = False
        self.setModal(True)
        self.payer_combo = QComboBox(self)
        for insurer in choices.insurers:
            self.payer_combo.addItem(insurer.name, insurer.payer_id)
        self.approver_edit = QLineEdit(self)
        self.approver_edit.setMaxLength(200)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setMaxLength(40)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setMaxLength(60)
        today = dt.date.today()
        self.valid_from_edit = QLineEdit(today.strftime("%d.%m.%Y"), self)
        self.valid_to_edit = QLineEdit((today + dt.timedelta(days=30)).strftime("%d.%m.%Y"), self)
        self.amount_edit = QLineEdit(self)
        self.note_edit = QLineEdit(self)
        self.service_combo = QComboBox(self)
        self.service_combo.setEditable(True)
        self.service_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for service in choices.services:
            self.service_combo.addItem(service.label, service.id)
        self.service_combo.setCurrentIndex(-1)
        completer = self.service_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.add_service_button = QPushButton(self)
        self.add_service_button.clicked.connect(self.add_current_service)
        self.remove_service_button = QPushButton(self)
        self.remove_service_button.clicked.connect(self.remove_service)
        self.services_table = QTableWidget(0, 3, self)
        self.services_table.verticalHeader().hide()
        self.services_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.services_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.services_table.setMinimumHeight(110)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._labels = [QLabel(self) for _ in range(9)]
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        period = QHBoxLayout()
        period.addWidget(self.valid_from_edit)
        period.addWidget(QLabel("–", self))
        period.addWidget(self.valid_to_edit)
        service_row = QHBoxLayout()
        service_row.addWidget(self.service_combo, 1)
        service_row.addWidget(self.add_service_button)
        service_row.addWidget(self.remove_service_button)
        rows = (self.payer_combo, self.approver_edit, self.phone_edit, self.reference_edit, period, self.amount_edit,
                self.note_edit, service_row, self.services_table)
        buddies = (self.payer_combo, self.approver_edit, self.phone_edit, self.reference_edit, self.valid_from_edit,
                   self.amount_edit, self.note_edit, self.service_combo, self.services_table)
        for label, row, buddy in zip(self._labels, rows, buddies, strict=True):
            label.setBuddy(buddy)
            form.addRow(label, row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.submit)
        self.retranslate_ui()
        self.resize(640, self.sizeHint().height())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Record an insurer's approval"))
        for label, source in zip(self._labels, (
                self.tr("&Insurer"), self.tr("&Approved by"), self.tr("&Phone"), self.tr("&Reference No."),
                self.tr("&Valid from – to"), self.tr("Overall a&mount limit"), self.tr("&Note"),
                self.tr("&Service"), self.tr("Approved services")), strict=True):
            label.setText(source)
        self.add_service_button.setText(self.tr("Add service"))
        self.remove_service_button.setText(self.tr("Remove"))
        self.service_combo.lineEdit().setPlaceholderText(self.tr("Type a code or a name"))
        self.amount_edit.setPlaceholderText(self.tr("roubles; blank: none"))
        self.services_table.setHorizontalHeaderLabels(
            [self.tr("Service"), self.tr("Quantity limit"), self.tr("Amount limit")])
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save (Ctrl+Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def add_service(self, service_id: int, quantity_limit: int | None = None, amount_limit: str = "") -> bool:
        """Adds a service row (False when unknown or already there)."""
        service = next((s for s in self.choices.services if s.id == service_id), None)
        if service is None or service_id in self.service_ids():
            return False
        row = self.services_table.rowCount()
        self.services_table.insertRow(row)
        item = QTableWidgetItem(service.label)
        item.setData(Qt.ItemDataRole.UserRole, service.id)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.services_table.setItem(row, 0, item)
        quantity = QSpinBox(self.services_table)
        quantity.setRange(0, 1000)
        quantity.setSpecialValueText(self.tr("no limit"))
        quantity.setValue(quantity_limit or 0)
        self.services_table.setCellWidget(row, 1, quantity)
        self.services_table.setCellWidget(row, 2, QLineEdit(amount_limit, self.services_table))
        return True

    def add_current_service(self) -> None:
        index = self.service_combo.findText(self.service_combo.currentText())
        if index >= 0 and self.add_service(self.service_combo.itemData(index)):
            self.service_combo.setCurrentIndex(-1)
            self.service_combo.setEditText("")

    def remove_service(self) -> None:
        row = self.services_table.currentRow()
        if row >= 0:
            self.services_table.removeRow(row)

    def service_ids(self) -> list[int]:
        return [self.services_table.item(r, 0).data(Qt.ItemDataRole.UserRole)
                for r in range(self.services_table.rowCount())]

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def values(self) -> dict | None:
        valid_from, valid_to = _day(self.valid_from_edit.text()), _day(self.valid_to_edit.text())
        if valid_from is None or valid_to is None:
            self.show_error(self.tr("Enter the validity as two dates dd.mm.yyyy."))
            return None
        services = []
        for r in range(self.services_table.rowCount()):
            quantity = self.services_table.cellWidget(r, 1).value()
            amount = self.services_table.cellWidget(r, 2).text().strip()
            services.append(ia.ApprovedService(self.services_table.item(r, 0).data(Qt.ItemDataRole.UserRole),
                                               quantity_limit=quantity or None, amount_limit=amount or None))
        return {"payer_id": self.payer_combo.currentData(), "approver_name": self.approver_edit.text(),
                "approver_phone": self.phone_edit.text(), "reference_number": self.reference_edit.text(),
                "valid_from": valid_from, "valid_to": valid_to, "amount_limit": self.amount_edit.text().strip() or None,
                "note": self.note_edit.text(), "services": tuple(services)}

    def submit(self) -> None:
        if self.busy:
            return
        if self.payer_combo.currentData() is None:
            self.show_error(self.tr("The organization has no insurance companies among its payers."))
            return
        values = self.values()
        if values is None:
            return
        self.busy = True
        self.buttons.setEnabled(False)
        record(parent=self, session=self.session, patient_id=self.patient_id, **values).success(
            self._saved).failure(self._failed).run()

    def _saved(self, _approval_id: int) -> None:
        self.busy = False
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        self.show_error(error_text(exc))


class LinkApprovalDialog(QDialog):
    """Chooses the approval an order line relies on among the active ones that fit it (or none)."""

    def __init__(self, session: AppSession, *, patient_id: int, line_id: int, version: int, service_id: int,
                 payer_id: int | None, on_date: dt.date, linked: bool = False, changes: tuple[str, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.line_id, self.version, self.changes = line_id, version, changes
        self.busy = False
        self.setModal(True)
        self.model = DtoTableModel(COLUMNS[:6], parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(lambda _i: self.submit())
        self.empty_label = QLabel(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.unlink_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ResetRole)
        self.unlink_button.setVisible(linked)
        #: The approval the line relies on now (read in the background), or None.
        self.current: ia.ApprovalInfo | None = None
        self.current_label = QLabel(self)
        self.unlink_button.clicked.connect(self.unlink)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("The line relies on an insurer's approval"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.unlink_button.setText(self.tr("Unlink"))
        self.resize(760, 300)
        candidates_for_line(parent=self, session=session, patient_id=patient_id, payer_id=payer_id,
                            service_id=service_id, on_date=on_date).success(self._show).run()
        session_op(self, session, lambda conn: ia.line_approval(conn, line_id), commit=False).success(
            self._show_current).run()

    def _show_current(self, current: ia.ApprovalInfo | None) -> None:
        self.current = current
        self.unlink_button.setVisible(current is not None)
        self.current_label.setText("" if current is None else self.tr(
            "The line relies on the approval No. {reference} of {insurer} now.").format(
            reference=current.reference_number, insurer=current.payer_name))

    def _show(self, rows) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        if rows:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.empty_label.setText("" if rows else self.tr(
            "No active approval of this patient covers the service on the line's date."))

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def submit(self) -> None:
        index = self.view.currentIndex()
        chosen = self.model.row_at(index) if index.isValid() else None
        if chosen is None or self.busy:
            return
        self._run(chosen.id)

    def unlink(self) -> None:
        if not self.busy:
            self._run(None)

    def _run(self, approval_id: int | None) -> None:
        self.busy = True
        link(parent=self, session=self.session, line_id=self.line_id, version=self.version, approval_id=approval_id,
             changes=self.changes).success(self._done).failure(self._failed).run()

    def _done(self, _result) -> None:
        self.busy = False
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.error_label.setText(error_text(exc))
        self.error_label.show()


# --- The panel -----------------------------------------------------------------------------------------------


class InsurerApprovalsPanel(QWidget):
    """The patient's approvals with Record approval… (Ins) and Revoke…."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id: int | None = None
        self.approvals: tuple[ia.ApprovalInfo, ...] | None = None
        self.choices: Choices | None = None
        #: The dialog open now (tests drive it).
        self.dialog: RecordApprovalDialog | None = None
        self.can_write = bool(WRITER_JOBS & set(session.user.jobs))
        self.model = DtoTableModel(COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.record_button = QPushButton(self)
        self.record_button.setObjectName("primaryButton")
        self.record_button.clicked.connect(self.record)
        self.revoke_button = QPushButton(self)
        self.revoke_button.clicked.connect(self.ask_revoke)
        for button in (self.record_button, self.revoke_button):
            button.setVisible(self.can_write)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("mutedLabel")
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.record)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self._update_buttons()

    def load(self, patient_id: int) -> None:
        if patient_id != self.patient_id:
            self.approvals = None
            self.model.set_rows(())
        self.patient_id = patient_id
        self._update_buttons()
        load_approvals(parent=self, session=self.session, patient_id=patient_id).success(
            lambda rows: self._show(rows) if patient_id == self.patient_id else None).run()

    def reload(self) -> None:
        if self.patient_id is not None:
            self.load(self.patient_id)

    def selected(self) -> ia.ApprovalInfo | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def record(self) -> None:
        """Opens the record dialog (once the insurers and services are read)."""
        if self.patient_id is None or not self.can_write or self.dialog is not None:
            return
        if self.choices is None:
            load_choices(parent=self, session=self.session).success(self._choices_read).run()
            return
        dialog = RecordApprovalDialog(self.session, self.patient_id, self.choices, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: setattr(self, "dialog", None) if self.dialog is d else None)
        self.dialog = dialog
        dialog.open()

    def ask_revoke(self) -> None:
        approval = self.selected()
        if approval is None or approval.status == "revoked":
            return
        reason, ok = QInputDialog.getText(self, self.tr("Revoke the approval"), self.tr(
            "Why is the approval No. {reference} revoked?").format(reference=approval.reference_number))
        if ok:
            self.revoke(approval.id, approval.version, reason)

    def revoke(self, approval_id: int, version: int, reason: str) -> None:
        revoke(parent=self, session=self.session, approval_id=approval_id, version=version, reason=reason).run()

    def retranslate_ui(self) -> None:
        self.record_button.setText(self.tr("Record approval… (Ins)"))
        self.revoke_button.setText(self.tr("Revoke…"))
        self.empty_label.setText(self.tr("No approvals recorded.") if self.approvals == () else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.model.set_rows(self.model.rows())
        super().changeEvent(event)

    def _choices_read(self, choices: Choices) -> None:
        self.choices = choices
        self.record()

    def _show(self, rows) -> None:
        current = self.selected()
        self.approvals = tuple(rows)
        self.model.set_rows(self.approvals)
        self.view.resizeColumnsToContents()
        if self.approvals:
            row = self.model.row_for_id(current.id) if current is not None else None
            self.view.setCurrentIndex(self.model.index(row or 0, 0))
        self.retranslate_ui()
        self._update_buttons()

    def _update_buttons(self) -> None:
        approval = self.selected()
        self.record_button.setEnabled(self.patient_id is not None)
        self.revoke_button.setEnabled(approval is not None and approval.status != "revoked")

    def _on_changes(self, changes: frozenset[str]) -> None:
        if APPROVAL_CHANGES in changes and self.patient_id is not None:
            self.reload()
