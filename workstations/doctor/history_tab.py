"""The card's history: every record newest first (date, version, signed/draft, author, diagnoses), the
chosen one's text on the right. "Write a correction" on a signed record of the user makes a new version.
One table model over the records: a card with hundreds of visits opens as fast as one with two.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.table_model import ALIGN_CENTER, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.visit_records import VisitRecord
from workstations.doctor import templates, texts

CTX = "DoctorHistory"


def _diagnoses(record: VisitRecord) -> str:
    return ", ".join(d.code for d in record.diagnoses)


COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DoctorHistory", "Date"), lambda r: texts.local(r.recorded_at)[:10], context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorHistory", "Ver."), lambda r: r.version_no, ALIGN_CENTER, CTX),
    Column(QT_TRANSLATE_NOOP("DoctorHistory", "State"), lambda r: texts.record_state(r.status), context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorHistory", "Diagnoses"), _diagnoses, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorHistory", "Summary"), lambda r: r.summary, context=CTX),
)
STATE_COLUMN = 2


class HistoryModel(DtoTableModel[VisitRecord]):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, parent=parent)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        record = self.row_at(index) if index.isValid() else None
        if record is not None:
            if role == Qt.ItemDataRole.ForegroundRole:
                if record.superseded_by is not None:
                    return QBrush(QColor("#8a98a3"))
                if index.column() == STATE_COLUMN:
                    return QBrush(QColor("#1d6b34" if record.is_signed else "#8a5a00"))
            if role == Qt.ItemDataRole.BackgroundRole and index.column() == STATE_COLUMN:
                return QBrush(QColor("#e6f4ea" if record.is_signed else "#fff4d6"))
        return super().data(index, role)


class HistoryTab(QWidget):
    """``correct_requested(record_id)``; ``open_requested(record)`` (Enter: continue a draft in the editor)."""

    correct_requested = Signal(int)
    open_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff_member_id: int | None = None
        self.authors: Mapping[int, str] = {}
        self.model = HistoryModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.view.doubleClicked.connect(lambda _i: self._open_current())
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.correct_button = QPushButton(self)
        self.correct_button.clicked.connect(self._correct)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.correct_button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def set_records(self, records, authors: Mapping[int, str], staff_member_id: int | None) -> None:
        self.authors = authors
        self.staff_member_id = staff_member_id
        current = self.current_record()
        self.model.set_rows(list(records))
        for column in (0, 1, 2, 3):
            self.view.resizeColumnToContents(column)
        index = self.model.index_for_id(current.id) if current is not None else self.model.index(0, 0)
        if index.isValid():
            self.view.setCurrentIndex(index)
        self._show_current()

    def current_record(self) -> VisitRecord | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def select_record(self, record_id: int) -> None:
        index = self.model.index_for_id(record_id)
        if index.isValid():
            self.view.setCurrentIndex(index)

    def retranslate_ui(self) -> None:
        self.correct_button.setText(self.tr("Write a correction"))
        self._show_current()

    # --- Internals -------------------------------------------------------------------------------

    def _show_current(self) -> None:
        record = self.current_record()
        self.correct_button.setEnabled(
            record is not None and record.is_signed and record.superseded_by is None
            and record.author_staff_id == self.staff_member_id)
        if record is None:
            self.text.setPlainText(self.tr("No records in this card yet."))
            return
        body = templates.as_text(templates.template(record.template_code), record.content)
        head = [
            self.tr("{date} \u00b7 version {no} \u00b7 {state}").format(
                date=texts.local(record.recorded_at), no=record.version_no, state=texts.record_state(record.status)),
            self.tr("Author: {name}").format(name=self.authors.get(record.author_staff_id, "\u2014")),
        ]
        if record.is_signed:
            head.append(self.tr("Signed {when} by {name}").format(
                when=texts.local(record.signed_at), name=self.authors.get(record.signed_by, "\u2014")))
        if record.superseded_by is not None:
            head.append(self.tr("Corrected by a later version."))
        diagnoses = [f"{d.code} {d.name} ({texts.role_text(d.role)})" for d in record.diagnoses]
        if diagnoses:
            head.append(self.tr("Diagnoses: {list}").format(list="; ".join(diagnoses)))
        self.text.setPlainText("\n".join(head) + "\n\n" + body)

    def _correct(self) -> None:
        record = self.current_record()
        if record is not None:
            self.correct_requested.emit(record.id)

    def _open_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.open_requested.emit(record)


def history_label(count: int) -> str:
    return QCoreApplication.translate("DoctorHistory", "History (%n)", "", count)
