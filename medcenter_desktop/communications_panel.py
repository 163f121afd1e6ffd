"""A patient's communications log, for any workstation that talks to patients (the registry's client
card, the doctor's patient view): when, channel, direction, who, what about -- newest first, with a
channel filter -- and Add… (Ins) to log a call, e-mail, message or talk.

The Add dialog is keyboard-first: channel, direction, contact, when (blank: now), subject, summary,
outcome and follow-up date in tab order; Ctrl+Enter saves. A refused entry (`DomainError`) keeps the
dialog open with the message above its buttons. Everything runs in the background through
`session_op`; a saved entry announces ``"communications"`` on the operation bus, so every open log of
the patient follows.

Embedding: ``panel = CommunicationsPanel(session, parent); panel.load(patient_id)``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, translate_domain_text
from medcenter_desktop.operations import BackgroundOp, operation_bus, session_op
from medcenter_desktop.table_model import Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.models.communications import CHANNELS, DIRECTIONS
from shared.services import communications as cm

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

CTX = "Communications"

#: Bus name announced after a communication was logged or corrected.
COMMUNICATION_CHANGES = "communications"

#: Jobs whose holders log communications (the database's grants decide; this only hides the button).
WRITER_JOBS = frozenset({"registrar", "receptionist", "call_centre", "medical_worker", "admission"})


def _summary(c: cm.Communication) -> str:
    text = " ".join(c.summary.split())
    return f"{c.subject}: {text}" if c.subject else text


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Communications", "When"), lambda c: c.occurred_at, context=CTX),
    Column(QT_TRANSLATE_NOOP("Communications", "Channel"), lambda c: translate_domain_text(c.channel_name),
           context=CTX),
    Column(QT_TRANSLATE_NOOP("Communications", "Direction"), lambda c: translate_domain_text(c.direction_name),
           context=CTX),
    Column(QT_TRANSLATE_NOOP("Communications", "Staff"), lambda c: c.staff_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("Communications", "Contact"), lambda c: c.contact, context=CTX),
    Column(QT_TRANSLATE_NOOP("Communications", "Summary"), _summary, context=CTX),
    Column(QT_TRANSLATE_NOOP("Communications", "Follow-up"), lambda c: c.follow_up_on, context=CTX),
)


# --- Operations ----------------------------------------------------------------------------------------------


def load_log(*, parent: QWidget, session: AppSession, patient_id: int,
             channel: str | None = None) -> BackgroundOp[list[cm.Communication]]:
    return session_op(parent, session, lambda conn: cm.communications_of_patient(conn, patient_id, channel=channel),
                      commit=False)


def log_entry(*, parent: QWidget, session: AppSession, patient_id: int, **values) -> BackgroundOp[int]:
    organization_id = session.organization_id

    def run(conn: Connection) -> int:
        return cm.log_communication(conn, organization_id, patient_id, **values)

    return session_op(parent, session, run, COMMUNICATION_CHANGES)


# --- The dialog ----------------------------------------------------------------------------------------------


class _Refused(Exception):
    """Input the dialog itself cannot read (a date): the message is already translated."""


def _parse_moment(text: str) -> dt.datetime | None:
    text = text.strip()
    if not text:
        return None
    for fmt in ("%d.%m.%Y %H:%M", "%d.%m.%y %H:%M", "%H:%M"):
        try:
            value = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt == "%H:%M":
            value = dt.datetime.combine(dt.date.today(), value.time())
        return value.astimezone()  # the workstation's local time
    raise _Refused


def _parse_day(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    for fmt in ("%d.%m.%Y", "%d.%m.%y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise _Refused


def _is_save_key(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bool(
        event.modifiers() & Qt.KeyboardModifier.ControlModifier)


class AddCommunicationDialog(QDialog):
    """Logs one communication with the patient. Ctrl+Enter saves, Esc cancels."""

    def __init__(self, session: AppSession, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id = patient_id
        self.busy = False
        self.saved_id: int | None = None
        self.setModal(True)
        self.channel_combo = QComboBox(self)
        for code in CHANNELS:
            self.channel_combo.addItem("", code)
        self.direction_combo = QComboBox(self)
        for code in DIRECTIONS:
            self.direction_combo.addItem("", code)
        self.contact_edit = QLineEdit(self)
        self.contact_edit.setMaxLength(200)
        self.when_edit = QLineEdit(self)
        self.subject_edit = QLineEdit(self)
        self.subject_edit.setMaxLength(200)
        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setMinimumHeight(90)
        self.outcome_edit = QLineEdit(self)
        self.follow_up_edit = QLineEdit(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels = [QLabel(self) for _ in range(8)]
        for label, widget in zip(self._labels, (
                self.channel_combo, self.direction_combo, self.contact_edit, self.when_edit, self.subject_edit,
                self.summary_edit, self.outcome_edit, self.follow_up_edit), strict=False):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        # Ctrl+Enter saves from any field (caught before the summary's editor makes it a new line).
        for widget in (self.channel_combo, self.direction_combo, self.contact_edit, self.when_edit,
                       self.subject_edit, self.summary_edit, self.outcome_edit, self.follow_up_edit):
            widget.installEventFilter(self)
        self.setTabOrder(self.channel_combo, self.direction_combo)
        self.setTabOrder(self.direction_combo, self.contact_edit)
        self.setTabOrder(self.contact_edit, self.when_edit)
        self.setTabOrder(self.when_edit, self.subject_edit)
        self.setTabOrder(self.subject_edit, self.summary_edit)
        self.setTabOrder(self.summary_edit, self.outcome_edit)
        self.setTabOrder(self.outcome_edit, self.follow_up_edit)
        self.retranslate_ui()
        self.resize(520, self.sizeHint().height())
        self.channel_combo.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Log a communication"))
        texts = (self.tr("&Channel"), self.tr("&Direction"), self.tr("C&ontact (number, address)"),
                 self.tr("&When (blank: now)"), self.tr("Su&bject"), self.tr("&Summary"), self.tr("O&utcome"),
                 self.tr("&Follow-up on"))
        for label, text in zip(self._labels, texts, strict=False):
            label.setText(text)
        for i, code in enumerate(CHANNELS):
            self.channel_combo.setItemText(i, translate_domain_text(cm.CHANNEL_NAMES[code]))
        for i, code in enumerate(DIRECTIONS):
            self.direction_combo.setItemText(i, translate_domain_text(cm.DIRECTION_NAMES[code]))
        self.when_edit.setPlaceholderText(self.tr("dd.mm.yyyy hh:mm"))
        self.follow_up_edit.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.summary_edit.setPlaceholderText(self.tr("What was it about? (required)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save (Ctrl+Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and _is_save_key(event):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if _is_save_key(event):
            self.submit()
            return
        super().keyPressEvent(event)

    def error(self) -> str:
        """The message shown now ('' none)."""
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def values(self) -> dict:
        """What is typed, as `communications.log_communication` takes it (raises `_Refused` on a bad date)."""
        try:
            occurred_at = _parse_moment(self.when_edit.text())
        except _Refused:
            raise _Refused(self.tr("Enter the time as dd.mm.yyyy hh:mm, or leave it blank for now.")) from None
        try:
            follow_up = _parse_day(self.follow_up_edit.text())
        except _Refused:
            raise _Refused(self.tr("Enter the follow-up date as dd.mm.yyyy, or leave it blank.")) from None
        return {"channel": self.channel_combo.currentData(), "direction": self.direction_combo.currentData(),
                "contact": self.contact_edit.text(), "occurred_at": occurred_at, "subject": self.subject_edit.text(),
                "summary": self.summary_edit.toPlainText(), "outcome": self.outcome_edit.text(),
                "follow_up_on": follow_up}

    def submit(self) -> None:
        if self.busy:
            return
        try:
            values = self.values()
        except _Refused as refused:
            self.show_error(str(refused))
            return
        self.busy = True
        self.buttons.setEnabled(False)
        log_entry(parent=self, session=self.session, patient_id=self.patient_id, **values).success(
            self._saved).failure(self._failed).run()

    def _saved(self, communication_id: int) -> None:
        self.busy = False
        self.saved_id = communication_id
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        self.show_error(error_text(exc))
        if "summary" in str(getattr(exc, "message", "")):
            self.summary_edit.setFocus()


# --- The panel -----------------------------------------------------------------------------------------------


class CommunicationsPanel(QWidget):
    """The communications log of one patient with a channel filter and Add… (Ins)."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id: int | None = None
        self.entries: tuple[cm.Communication, ...] | None = None
        #: The Add dialog open now (tests drive it).
        self.dialog: AddCommunicationDialog | None = None
        self.can_write = bool(WRITER_JOBS & set(session.user.jobs))
        self.model = DtoTableModel(COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.installEventFilter(self)
        self.filter_combo = QComboBox(self)
        self.filter_combo.addItem("", None)
        for code in CHANNELS:
            self.filter_combo.addItem("", code)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("primaryButton")
        self.add_button.clicked.connect(self.add)
        self.add_button.setVisible(self.can_write)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("mutedLabel")
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.filter_combo)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail_label)
        layout.addLayout(buttons)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.add)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_detail())
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self._update_buttons()

    # --- Public API ------------------------------------------------------------------------------

    def load(self, patient_id: int) -> None:
        if patient_id != self.patient_id:
            self.entries = None
            self.model.set_rows(())
        self.patient_id = patient_id
        self._update_buttons()
        channel = self.filter_combo.currentData()
        load_log(parent=self, session=self.session, patient_id=patient_id, channel=channel).success(
            lambda rows: self._show(rows) if patient_id == self.patient_id else None).run()

    def reload(self) -> None:
        if self.patient_id is not None:
            self.load(self.patient_id)

    def add(self) -> AddCommunicationDialog | None:
        """Opens the Add dialog (none without a patient or the right to log)."""
        if self.patient_id is None or not self.can_write or self.dialog is not None:
            return None
        dialog = AddCommunicationDialog(self.session, self.patient_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: setattr(self, "dialog", None) if self.dialog is d else None)
        self.dialog = dialog
        dialog.open()
        return dialog

    def selected(self) -> cm.Communication | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("Add… (Ins)"))
        self.add_button.setToolTip(self.tr("Log a call, e-mail, message or talk with the patient"))
        self.filter_combo.setItemText(0, self.tr("All channels"))
        for i, code in enumerate(CHANNELS, start=1):
            self.filter_combo.setItemText(i, translate_domain_text(cm.CHANNEL_NAMES[code]))
        self.empty_label.setText(self.tr("No communications logged.") if self.entries == () else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.model.set_rows(self.model.rows())
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Insert:
            self.add()
            return True
        return super().eventFilter(watched, event)

    # --- Internals -------------------------------------------------------------------------------

    def _show(self, rows) -> None:
        current = self.selected()
        self.entries = tuple(rows)
        self.model.set_rows(self.entries)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        if self.entries:
            row = self.model.row_for_id(current.id) if current is not None else None
            self.view.setCurrentIndex(self.model.index(row or 0, 0))
        self.retranslate_ui()
        self._show_detail()
        self._update_buttons()

    def _show_detail(self) -> None:
        entry = self.selected()
        if entry is None:
            self.detail_label.setText("")
            return
        parts = [entry.summary]
        if entry.outcome:
            parts.append(self.tr("Outcome: {outcome}").format(outcome=entry.outcome))
        self.detail_label.setText("\n".join(parts))

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.patient_id is not None and self.can_write)

    def _on_changes(self, changes: frozenset[str]) -> None:
        if COMMUNICATION_CHANGES in changes and self.patient_id is not None:
            self.reload()
