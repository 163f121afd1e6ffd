"""Registering a new client: the same checked fields, then the duplicate check.

When the database knows likely duplicates, they are listed; the registrar opens one of them or
confirms that this is a different person, which registers. Nothing is saved before that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.table_model import DtoTableModel
from shared.services.patient_input import InvalidFields, PatientInput
from shared.services.patient_search import PatientHit
from shared.services.patients import PossibleDuplicates
from workstations.registrar import ops
from workstations.registrar.patient_form import PatientForm
from workstations.registrar.search_page import HIT_COLUMNS, configure_list_view

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "RegisterClient"


class RegisterDialog(QDialog):
    """Closes with ``client_id`` set: the one registered, or the existing one chosen instead."""

    def __init__(self, session: AppSession, prefill: PatientInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client_id: int | None = None
        #: True when the registrar chose an existing client from the duplicates.
        self.chose_existing = False
        self._busy = False
        self.setModal(True)
        self.setWindowTitle(QCoreApplication.translate("RegisterClient", "New client"))

        self.form = PatientForm(self)
        if prefill is not None:
            self.form.set_values(prefill)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.duplicates_box = QWidget(self)
        self.duplicates_label = QLabel(self.duplicates_box)
        self.duplicates_label.setObjectName("errorLabel")
        self.duplicates_label.setWordWrap(True)
        self.duplicates_model = DtoTableModel(HIT_COLUMNS, parent=self)
        self.duplicates_view = QTableView(self.duplicates_box)
        self.duplicates_view.setModel(self.duplicates_model)
        configure_list_view(self.duplicates_view)
        self.duplicates_view.setMinimumHeight(120)
        self.duplicates_view.doubleClicked.connect(lambda _i: self.open_existing())
        self.open_existing_button = QPushButton(QCoreApplication.translate("RegisterClient", "&Open this one"), self.duplicates_box)
        self.open_existing_button.clicked.connect(self.open_existing)
        self.different_button = QPushButton(
            QCoreApplication.translate("RegisterClient", "It is a &different person — register"), self.duplicates_box)
        self.different_button.clicked.connect(lambda: self.submit(confirmed_not_duplicate=True))
        dup = QVBoxLayout(self.duplicates_box)
        dup.setContentsMargins(0, 0, 0, 0)
        dup.addWidget(self.duplicates_label)
        dup.addWidget(self.duplicates_view, 1)
        dup_buttons = QHBoxLayout()
        dup_buttons.addWidget(self.open_existing_button)
        dup_buttons.addStretch(1)
        dup_buttons.addWidget(self.different_button)
        dup.addLayout(dup_buttons)
        self.duplicates_box.hide()

        self.register_button = QPushButton(QCoreApplication.translate("RegisterClient", "&Register"), self)
        self.register_button.setObjectName("primaryButton")
        self.register_button.setDefault(True)
        self.register_button.clicked.connect(lambda: self.submit())
        self.cancel_button = QPushButton(QCoreApplication.translate("RegisterClient", "Cancel"), self)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.duplicates_box, 1)
        layout.addLayout(buttons)
        self.resize(620, self.sizeHint().height())
        first_empty = next((w for w in (self.form.last_name_edit, self.form.first_name_edit,
                                        self.form.birth_date_edit) if not w.text()), self.form.sex_combo)
        first_empty.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- Public API ------------------------------------------------------------------------------

    def submit(self, *, confirmed_not_duplicate: bool = False) -> None:
        if self._busy:
            return
        self.error_label.hide()
        if self.form.validate() is not None:
            return
        self._set_busy(True)
        ops.register_client(parent=self, session=self.session, data=self.form.to_input(),
                            confirmed_not_duplicate=confirmed_not_duplicate).success(
            self._registered).failure(self._refused).run()

    def duplicates(self) -> list[PatientHit]:
        return self.duplicates_model.rows() if not self.duplicates_box.isHidden() else []

    def open_existing(self) -> None:
        index = self.duplicates_view.currentIndex()
        hit = self.duplicates_model.row_at(index) if index.isValid() else None
        if hit is None:
            return
        self.client_id = hit.id
        self.chose_existing = True
        self.accept()

    # --- Internals -------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.register_button, self.different_button, self.open_existing_button):
            button.setEnabled(not busy)

    def _registered(self, client_id: int) -> None:
        self._set_busy(False)
        self.client_id = client_id
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, PossibleDuplicates):
            self.duplicates_label.setText(error_text(exc))
            self.duplicates_model.set_rows(exc.hits)
            self.duplicates_view.resizeColumnsToContents()
            self.duplicates_view.setCurrentIndex(self.duplicates_model.index(0, 0))
            self.duplicates_box.show()
            self.register_button.hide()
            self.duplicates_view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.resize(max(self.width(), 760), max(self.height(), self.sizeHint().height()))
        elif isinstance(exc, InvalidFields):
            self.form.show_all_errors(exc.errors)
        else:
            self.error_label.setText(error_text(exc))
            self.error_label.show()
