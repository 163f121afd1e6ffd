"""Find a patient who is not on the day's list (Ctrl+F): name, birth date, phone, card number or SNILS, as
in the registry's search. Enter searches; Down goes to the results; Enter there opens the patient.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.table_model import Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.patient_search import PatientHit
from workstations.doctor import ops, texts

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "DoctorFind"
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DoctorFind", "Patient"), lambda h: h.full_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorFind", "Born"), lambda h: h.birth_date, context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorFind", "Age"), lambda h: texts.age(h.birth_date), context=CTX),
    Column(QT_TRANSLATE_NOOP("DoctorFind", "Cards"), lambda h: ", ".join(h.card_numbers), context=CTX),
)


class FindPatientDialog(QDialog):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id: int | None = None
        self.searching = False
        self.setWindowTitle(self.tr("Find patient"))
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Surname and name, birth date, phone, card number or SNILS"))
        self.search_edit.installEventFilter(self)
        self.model: DtoTableModel[PatientHit] = DtoTableModel(COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.choose())
        self.view.installEventFilter(self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("mutedLabel")
        self.status_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        self.resize(640, 420)

    def search(self) -> None:
        query = self.search_edit.text().strip()
        if not query:
            return
        self.searching = True
        ops.find_patients(parent=self, session=self.session, query=query).success(self._found).failure(
            self._failed).run()

    def choose(self) -> None:
        index = self.view.currentIndex()
        hit = self.model.row_at(index) if index.isValid() else None
        if hit is not None:
            self.patient_id = hit.id
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.search() if watched is self.search_edit else self.choose()
                return True
            if watched is self.search_edit and event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.view.setFocus()
                self.view.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)

    def _found(self, hits) -> None:
        self.searching = False
        self.model.set_rows(list(hits))
        self.view.resizeColumnsToContents()
        self.status_label.setText(self.tr("Found: %n", "", len(hits)) if hits else self.tr("Nobody found."))
        if hits:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _failed(self, exc: Exception) -> None:
        self.searching = False
        self.status_label.setText(error_text(exc))
