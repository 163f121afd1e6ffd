"""Adding to the client card: a document, a policy, an address, a consent, a legal representative.

Each dialog saves through its verb in `ops`; a refused save keeps the dialog open and shows every
problem under its field (`InvalidFields.errors`), a problem of no field above the buttons.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import show_error, translate_domain_text
from medcenter_desktop.operations import BackgroundOp
from medcenter_desktop.table_model import DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.models.registry import ADDRESS_KINDS, DOCUMENT_KINDS, POLICY_KINDS, REPRESENTATIVE_RELATIONS
from shared.services.patient_input import InvalidFields
from shared.services.patient_search import PatientHit
from workstations.registrar import ops
from workstations.registrar.search_page import HIT_COLUMNS, configure_list_view

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "ClientDetails"
DEBOUNCE_MS = 250

DOCUMENT_KIND_TEXTS = {
    "passport": QT_TRANSLATE_NOOP("ClientDetails", "passport"),
    "birth_certificate": QT_TRANSLATE_NOOP("ClientDetails", "birth certificate"),
    "foreign_passport": QT_TRANSLATE_NOOP("ClientDetails", "foreign passport"),
    "residence_permit": QT_TRANSLATE_NOOP("ClientDetails", "residence permit"),
    "other": QT_TRANSLATE_NOOP("ClientDetails", "other document"),
}
POLICY_KIND_TEXTS = {
    "oms": QT_TRANSLATE_NOOP("ClientDetails", "OMS (compulsory)"),
    "dms": QT_TRANSLATE_NOOP("ClientDetails", "DMS (voluntary)"),
}
ADDRESS_KIND_TEXTS = {
    "registration": QT_TRANSLATE_NOOP("ClientDetails", "registration"),
    "residence": QT_TRANSLATE_NOOP("ClientDetails", "residence"),
}
RELATION_TEXTS = {
    "parent": QT_TRANSLATE_NOOP("ClientDetails", "parent"),
    "guardian": QT_TRANSLATE_NOOP("ClientDetails", "guardian"),
    "trustee": QT_TRANSLATE_NOOP("ClientDetails", "trustee"),
}

_STYLE = """
QLabel#fieldError { color: #a61b1b; font-size: 9pt; padding: 0 2px; }
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] { border: 1px solid #c62828; }
"""


def kind_text(texts: dict[str, str], kind: str) -> str:
    """The translated name of a stored code (the code itself if unknown)."""
    source = texts.get(kind)
    return QCoreApplication.translate("ClientDetails", source) if source else kind


def today_text() -> str:
    return dt.date.today().strftime("%d.%m.%Y")


class DetailDialog(QDialog):
    """A form of named fields, each with an error label under it, saved by `make_op`."""

    def __init__(self, session: AppSession, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setModal(True)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle(title)
        self.busy = False
        self.widgets: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setVerticalSpacing(4)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("ClientDetails", "Save")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ClientDetails", "Cancel")
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error_label)
        self.body.addWidget(self.buttons)

    # --- Public API ------------------------------------------------------------------------------

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        error = QLabel(self)
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error.hide()
        box.addWidget(error)
        field_label = QLabel(label, self)
        field_label.setBuddy(widget)
        self.form.addRow(field_label, box)
        self.widgets[name] = widget
        self.error_labels[name] = error
        return widget

    def line(self, name: str, label: str, placeholder: str = "", max_length: int = 300) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(max_length)
        edit.setPlaceholderText(placeholder)
        self.add_field(name, label, edit)
        return edit

    def date(self, name: str, label: str, value: str = "") -> QLineEdit:
        edit = self.line(name, label, QCoreApplication.translate("ClientDetails", "dd.mm.yyyy"), 10)
        edit.setMaximumWidth(130)
        edit.setText(value)
        return edit

    def combo(self, name: str, label: str, codes: tuple[str, ...], texts: dict[str, str]) -> QComboBox:
        box = QComboBox(self)
        for code in codes:
            box.addItem(kind_text(texts, code), code)
        self.add_field(name, label, box)
        return box

    def submit(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.buttons.setEnabled(False)
        self.make_op().success(self._saved).failure(self._failed).run()

    def make_op(self) -> BackgroundOp:
        raise NotImplementedError

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.error_labels.items():
            message = errors.get(name)
            widget = self.widgets[name]
            if widget.property("invalid") != (message is not None):
                widget.setProperty("invalid", message is not None)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            label.setText(translate_domain_text(message) if message else "")
            label.setVisible(message is not None)
        others = [translate_domain_text(m) for k, m in errors.items() if k not in self.error_labels]
        self.error_label.setText("\n".join(others))
        self.error_label.setVisible(bool(others))

    def field_error(self, name: str) -> str:
        """The problem shown under ``name`` ("" if none), translated."""
        label = self.error_labels[name]
        return label.text() if not label.isHidden() else ""

    # --- Internals -------------------------------------------------------------------------------

    def _saved(self, _result: object) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        self.show_errors({})
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.buttons.setEnabled(True)
        if isinstance(exc, InvalidFields):
            self.show_errors(exc.errors)
        else:
            show_error(self, exc)


class DocumentDialog(DetailDialog):
    def __init__(self, session: AppSession, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, QCoreApplication.translate("ClientDetails", "Add document"), parent)
        self.patient_id = patient_id
        self.kind_combo = self.combo(
            "kind", QCoreApplication.translate("ClientDetails", "&Kind"), DOCUMENT_KINDS, DOCUMENT_KIND_TEXTS
        )
        self.series_edit = self.line(
            "series", QCoreApplication.translate("ClientDetails", "&Series"), max_length=20
        )
        self.number_edit = self.line(
            "number", QCoreApplication.translate("ClientDetails", "&Number"), max_length=30
        )
        self.issued_by_edit = self.line(
            "issued_by", QCoreApplication.translate("ClientDetails", "Issued &by")
        )
        self.issued_on_edit = self.date(
            "issued_on", QCoreApplication.translate("ClientDetails", "&Issued on")
        )
        self.valid_until_edit = self.date(
            "valid_until", QCoreApplication.translate("ClientDetails", "&Valid until")
        )
        self.resize(480, self.sizeHint().height())

    def make_op(self) -> BackgroundOp:
        return ops.add_document(
            parent=self,
            session=self.session,
            patient_id=self.patient_id,
            kind=self.kind_combo.currentData(),
            number=self.number_edit.text(),
            series=self.series_edit.text(),
            issued_by=self.issued_by_edit.text(),
            issued_on=self.issued_on_edit.text(),
            valid_until=self.valid_until_edit.text(),
        )


class PolicyDialog(DetailDialog):
    def __init__(self, session: AppSession, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, QCoreApplication.translate("ClientDetails", "Add insurance policy"), parent)
        self.patient_id = patient_id
        self.kind_combo = self.combo(
            "kind", QCoreApplication.translate("ClientDetails", "&Kind"), POLICY_KINDS, POLICY_KIND_TEXTS
        )
        self.number_edit = self.line(
            "number", QCoreApplication.translate("ClientDetails", "&Number"), max_length=40
        )
        self.insurer_edit = self.line("insurer", QCoreApplication.translate("ClientDetails", "&Insurer"))
        self.valid_from_edit = self.date(
            "valid_from", QCoreApplication.translate("ClientDetails", "Valid &from")
        )
        self.valid_to_edit = self.date("valid_to", QCoreApplication.translate("ClientDetails", "Valid &to"))
        self.resize(480, self.sizeHint().height())

    def make_op(self) -> BackgroundOp:
        return ops.add_policy(
            parent=self,
            session=self.session,
            patient_id=self.patient_id,
            kind=self.kind_combo.currentData(),
            number=self.number_edit.text(),
            insurer=self.insurer_edit.text(),
            valid_from=self.valid_from_edit.text(),
            valid_to=self.valid_to_edit.text(),
        )


class AddressDialog(DetailDialog):
    """Sets the registration or residence address; an empty one removes it."""

    def __init__(
        self, session: AppSession, patient_id: int, current: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(session, QCoreApplication.translate("ClientDetails", "Address"), parent)
        self.patient_id = patient_id
        self.current = current
        self.kind_combo = self.combo(
            "kind", QCoreApplication.translate("ClientDetails", "&Kind"), ADDRESS_KINDS, ADDRESS_KIND_TEXTS
        )
        self.address_edit = QPlainTextEdit(self)
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.address_edit.setPlaceholderText(
            QCoreApplication.translate("ClientDetails", "Leave empty to remove the address")
        )
        self.add_field("address", QCoreApplication.translate("ClientDetails", "&Address"), self.address_edit)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(520, self.sizeHint().height())

    def make_op(self) -> BackgroundOp:
        return ops.set_address(
            parent=self,
            session=self.session,
            patient_id=self.patient_id,
            kind=self.kind_combo.currentData(),
            address=self.address_edit.toPlainText(),
        )

    def _kind_changed(self) -> None:
        self.address_edit.setPlainText(self.current.get(self.kind_combo.currentData(), ""))


class ConsentDialog(DetailDialog):
    def __init__(self, session: AppSession, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            QCoreApplication.translate("ClientDetails", "Consent to personal data processing"),
            parent,
        )
        self.patient_id = patient_id
        self.given_on_edit = self.date(
            "given_on", QCoreApplication.translate("ClientDetails", "&Given on"), today_text()
        )
        self.scope_edit = self.line(
            "scope", QCoreApplication.translate("ClientDetails", "&Scope"), max_length=1000
        )
        self.scope_edit.setText(
            QCoreApplication.translate("ClientDetails", "Processing of personal data for medical care")
        )
        self.resize(520, self.sizeHint().height())

    def make_op(self) -> BackgroundOp:
        return ops.give_consent(
            parent=self,
            session=self.session,
            patient_id=self.patient_id,
            given_on=self.given_on_edit.text(),
            scope=self.scope_edit.text(),
        )


class WithdrawConsentDialog(DetailDialog):
    def __init__(self, session: AppSession, consent_id: int, parent: QWidget | None = None) -> None:
        super().__init__(session, QCoreApplication.translate("ClientDetails", "Withdraw consent"), parent)
        self.consent_id = consent_id
        self.withdrawn_on_edit = self.date(
            "withdrawn_on", QCoreApplication.translate("ClientDetails", "&Withdrawn on"), today_text()
        )
        self.resize(400, self.sizeHint().height())

    def make_op(self) -> BackgroundOp:
        return ops.withdraw_consent(
            parent=self,
            session=self.session,
            consent_id=self.consent_id,
            withdrawn_on=self.withdrawn_on_edit.text(),
        )


class RepresentativeDialog(DetailDialog):
    """A legal representative of the client: another client found with the search box."""

    def __init__(self, session: AppSession, patient_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            session, QCoreApplication.translate("ClientDetails", "Add legal representative"), parent
        )
        self.patient_id = patient_id
        self.results_query: str | None = None
        self._generation = 0
        self.search_edit = QLineEdit(self)
        self.search_edit.setMaxLength(200)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            QCoreApplication.translate("ClientDetails", "Surname, birth date, phone, SNILS…")
        )
        self.results_model = DtoTableModel(HIT_COLUMNS[:4], parent=self)
        self.results_view = QTableView(self)
        self.results_view.setModel(self.results_model)
        configure_list_view(self.results_view)
        self.results_view.setMinimumHeight(140)
        chooser = QWidget(self)
        chooser_layout = QVBoxLayout(chooser)
        chooser_layout.setContentsMargins(0, 0, 0, 0)
        chooser_layout.addWidget(self.search_edit)
        chooser_layout.addWidget(self.results_view)
        self.add_field(
            "representative", QCoreApplication.translate("ClientDetails", "&Representative"), chooser
        )
        self.widgets["representative"] = self.search_edit
        self.relation_combo = self.combo(
            "relation",
            QCoreApplication.translate("ClientDetails", "Re&lation"),
            REPRESENTATIVE_RELATIONS,
            RELATION_TEXTS,
        )
        self.document_edit = self.line(
            "document",
            QCoreApplication.translate("ClientDetails", "&Document"),
            QCoreApplication.translate("ClientDetails", "e.g. guardianship order No. …"),
            500,
        )
        self.valid_from_edit = self.date(
            "valid_from", QCoreApplication.translate("ClientDetails", "Valid &from")
        )
        self.valid_to_edit = self.date("valid_to", QCoreApplication.translate("ClientDetails", "Valid &to"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.resize(640, self.sizeHint().height())

    def chosen(self) -> PatientHit | None:
        index = self.results_view.currentIndex()
        return self.results_model.row_at(index) if index.isValid() else None

    def search(self) -> None:
        query = " ".join(self.search_edit.text().split())
        self._generation += 1
        generation = self._generation
        if not query:
            self._show_hits(query, ())
            return
        ops.find_clients(parent=self, session=self.session, query=query).success(
            lambda hits: self._show_hits(query, hits) if generation == self._generation else None
        ).run()

    def make_op(self) -> BackgroundOp:
        chosen = self.chosen()
        if chosen is None:
            return _refused({"representative": _CHOOSE}, self)
        return ops.add_representative(
            parent=self,
            session=self.session,
            patient_id=self.patient_id,
            representative_id=chosen.id,
            relation=self.relation_combo.currentData(),
            document=self.document_edit.text(),
            valid_from=self.valid_from_edit.text(),
            valid_to=self.valid_to_edit.text(),
        )

    def _show_hits(self, query: str, hits: tuple[PatientHit, ...]) -> None:
        hits = tuple(h for h in hits if h.id != self.patient_id)
        self.results_model.set_rows(hits)
        self.results_view.resizeColumnsToContents()
        if hits:
            self.results_view.setCurrentIndex(self.results_model.index(0, 0))
        self.results_query = query


_CHOOSE = QT_TRANSLATE_NOOP("ClientDetails", "Find and choose the representative in the list.")


def _refused(errors: dict[str, str], parent: QWidget) -> BackgroundOp:
    """An operation that fails at once with ``errors`` (checked before anything is sent)."""

    def fail() -> None:
        raise InvalidFields({k: QCoreApplication.translate("ClientDetails", v) for k, v in errors.items()})

    return BackgroundOp(parent, fail)
