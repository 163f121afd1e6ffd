"""The client card's details in tabs: documents, policies, addresses, consents, representatives and
the people this client represents.

Each tab is a list with its verbs (add, remove, withdraw); the dialogs are in `detail_dialogs`.
Everything is read again after any change to client details, from this screen or another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.operations import operation_bus
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.client_details import ClientDetails, ConsentInfo, RepresentativeInfo
from workstations.registrar import ops
from workstations.registrar.detail_dialogs import (
    ADDRESS_KIND_TEXTS,
    DOCUMENT_KIND_TEXTS,
    POLICY_KIND_TEXTS,
    RELATION_TEXTS,
    AddressDialog,
    ConsentDialog,
    DetailDialog,
    DocumentDialog,
    PolicyDialog,
    RepresentativeDialog,
    WithdrawConsentDialog,
    kind_text,
)
from workstations.registrar.search_page import configure_list_view

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "ClientDetails"


def _period(start, end) -> str:
    if start is None and end is None:
        return ""
    fmt = "%d.%m.%Y"
    return f"{start.strftime(fmt) if start else '…'} – {end.strftime(fmt) if end else '…'}"


def _consent_state(c: ConsentInfo) -> str:
    if c.withdrawn_on is None:
        return QCoreApplication.translate("ClientDetails", "given")
    return QCoreApplication.translate("ClientDetails", "withdrawn {date}").format(
        date=c.withdrawn_on.strftime("%d.%m.%Y")
    )


DOCUMENT_COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("ClientDetails", "Document"),
        lambda d: kind_text(DOCUMENT_KIND_TEXTS, d.kind),
        context=CTX,
    ),
    Column(
        QT_TRANSLATE_NOOP("ClientDetails", "Series and number"),
        lambda d: f"{d.series} {d.number}".strip(),
        context=CTX,
    ),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Issued on"), lambda d: d.issued_on, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Valid until"), lambda d: d.valid_until, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Issued by"), lambda d: d.issued_by, context=CTX),
)
POLICY_COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("ClientDetails", "Policy"),
        lambda p: kind_text(POLICY_KIND_TEXTS, p.kind),
        context=CTX,
    ),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Number"), lambda p: p.number, context=CTX),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Insurer"), lambda p: p.insurer, context=CTX),
    Column(
        QT_TRANSLATE_NOOP("ClientDetails", "Period"), lambda p: _period(p.valid_from, p.valid_to), context=CTX
    ),
)
ADDRESS_COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("ClientDetails", "Address of"),
        lambda a: kind_text(ADDRESS_KIND_TEXTS, a.kind),
        context=CTX,
    ),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Address"), lambda a: a.address, context=CTX),
)
CONSENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Given on"), lambda c: c.given_on, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "State"), _consent_state, context=CTX),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Scope"), lambda c: c.scope, context=CTX),
)


def _relation(r: RepresentativeInfo) -> str:
    return kind_text(RELATION_TEXTS, r.relation)


REPRESENTATIVE_COLUMNS = (
    Column(
        QT_TRANSLATE_NOOP("ClientDetails", "Representative"), lambda r: r.representative_name, context=CTX
    ),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Relation"), _relation, context=CTX),
    Column(
        QT_TRANSLATE_NOOP("ClientDetails", "Period"), lambda r: _period(r.valid_from, r.valid_to), context=CTX
    ),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Document"), lambda r: r.document, context=CTX),
)
WARD_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Ward"), lambda r: r.patient_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "As"), _relation, context=CTX),
    Column(
        QT_TRANSLATE_NOOP("ClientDetails", "Period"), lambda r: _period(r.valid_from, r.valid_to), context=CTX
    ),
    Column(QT_TRANSLATE_NOOP("ClientDetails", "Document"), lambda r: r.document, context=CTX),
)


class _ListTab(QWidget):
    """A list and a row of buttons under it."""

    def __init__(self, columns, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = DtoTableModel(columns, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        configure_list_view(self.view)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)

    def button(self, slot) -> QPushButton:
        button = QPushButton(self)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def finish(self) -> None:
        self.buttons.addStretch(1)

    def set_rows(self, rows) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        if rows:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def selected(self):
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None


class ClientDetailsPanel(QTabWidget):
    """The details of one client; `load(patient_id)` reads them in the background."""

    #: Emitted after the details on screen were replaced.
    loaded = Signal()
    #: The registrar asked to open another client (a representative or a ward): patient id.
    open_requested = Signal(int)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id: int | None = None
        self.details: ClientDetails | None = None
        #: The add/withdraw dialog open now (tests drive it).
        self.dialog: DetailDialog | None = None

        self.documents = _ListTab(DOCUMENT_COLUMNS, self)
        self.add_document_button = self.documents.button(self.add_document)
        self.remove_document_button = self.documents.button(lambda: self._remove("document", self.documents))
        self.documents.finish()
        self.policies = _ListTab(POLICY_COLUMNS, self)
        self.add_policy_button = self.policies.button(self.add_policy)
        self.remove_policy_button = self.policies.button(lambda: self._remove("policy", self.policies))
        self.policies.finish()
        self.addresses = _ListTab(ADDRESS_COLUMNS, self)
        self.edit_address_button = self.addresses.button(self.edit_address)
        self.addresses.finish()
        self.consents = _ListTab(CONSENT_COLUMNS, self)
        self.give_consent_button = self.consents.button(self.give_consent)
        self.withdraw_consent_button = self.consents.button(self.withdraw_consent)
        self.consents.finish()
        self.representatives = _ListTab(REPRESENTATIVE_COLUMNS, self)
        self.add_representative_button = self.representatives.button(self.add_representative)
        self.remove_representative_button = self.representatives.button(
            lambda: self._remove("representative", self.representatives)
        )
        self.open_representative_button = self.representatives.button(
            lambda: self._open_other(self.representatives, "representative_id")
        )
        self.representatives.finish()
        self.wards = _ListTab(WARD_COLUMNS, self)
        self.open_ward_button = self.wards.button(lambda: self._open_other(self.wards, "patient_id"))
        self.wards.finish()
        for tab in (
            self.documents,
            self.policies,
            self.addresses,
            self.consents,
            self.representatives,
            self.wards,
        ):
            self.addTab(tab, "")
            tab.view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self._update_buttons()

    # --- Public API ------------------------------------------------------------------------------

    def load(self, patient_id: int) -> None:
        if patient_id != self.patient_id:
            self.details = None
            for tab in self._tabs():
                tab.set_rows(())
        self.patient_id = patient_id
        self._update_buttons()
        ops.load_details(parent=self, session=self.session, patient_id=patient_id).success(
            lambda d: self._show(d) if patient_id == self.patient_id else None
        ).run()

    def reload(self) -> None:
        if self.patient_id is not None:
            self.load(self.patient_id)

    def add_document(self) -> DocumentDialog | None:
        return self._open_dialog(lambda pid: DocumentDialog(self.session, pid, self))

    def add_policy(self) -> PolicyDialog | None:
        return self._open_dialog(lambda pid: PolicyDialog(self.session, pid, self))

    def edit_address(self) -> AddressDialog | None:
        current = {a.kind: a.address for a in self.details.addresses} if self.details else {}
        dialog = self._open_dialog(lambda pid: AddressDialog(self.session, pid, current, self))
        selected = self.addresses.selected()
        if dialog is not None and selected is not None:
            dialog.kind_combo.setCurrentIndex(max(0, dialog.kind_combo.findData(selected.kind)))
        return dialog

    def give_consent(self) -> ConsentDialog | None:
        return self._open_dialog(lambda pid: ConsentDialog(self.session, pid, self))

    def withdraw_consent(self) -> WithdrawConsentDialog | None:
        consent = self.consents.selected()
        if consent is None or consent.withdrawn_on is not None:
            return None
        return self._open_dialog(lambda _pid: WithdrawConsentDialog(self.session, consent.id, self))

    def add_representative(self) -> RepresentativeDialog | None:
        return self._open_dialog(lambda pid: RepresentativeDialog(self.session, pid, self))

    def retranslate_ui(self) -> None:
        titles = (
            QCoreApplication.translate("ClientDetails", "Documents"),
            QCoreApplication.translate("ClientDetails", "Policies"),
            QCoreApplication.translate("ClientDetails", "Addresses"),
            QCoreApplication.translate("ClientDetails", "Consents"),
            QCoreApplication.translate("ClientDetails", "Representatives"),
            QCoreApplication.translate("ClientDetails", "Represents"),
        )
        for tab, title in zip(self._tabs(), titles, strict=True):
            self.setTabText(self.indexOf(tab), title)  # other screens may add tabs of their own
        self.add_document_button.setText(QCoreApplication.translate("ClientDetails", "Add document…"))
        self.remove_document_button.setText(QCoreApplication.translate("ClientDetails", "Remove"))
        self.add_policy_button.setText(QCoreApplication.translate("ClientDetails", "Add policy…"))
        self.remove_policy_button.setText(QCoreApplication.translate("ClientDetails", "Remove"))
        self.edit_address_button.setText(QCoreApplication.translate("ClientDetails", "Set address…"))
        self.give_consent_button.setText(QCoreApplication.translate("ClientDetails", "Consent given…"))
        self.withdraw_consent_button.setText(QCoreApplication.translate("ClientDetails", "Withdraw…"))
        self.add_representative_button.setText(
            QCoreApplication.translate("ClientDetails", "Add representative…")
        )
        self.remove_representative_button.setText(QCoreApplication.translate("ClientDetails", "Remove"))
        self.open_representative_button.setText(
            QCoreApplication.translate("ClientDetails", "Open their card")
        )
        self.open_ward_button.setText(QCoreApplication.translate("ClientDetails", "Open their card"))
        if self.details is not None:
            self._show(self.details)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _tabs(self) -> tuple[_ListTab, ...]:
        return (
            self.documents,
            self.policies,
            self.addresses,
            self.consents,
            self.representatives,
            self.wards,
        )

    def _show(self, details: ClientDetails) -> None:
        self.details = details
        self.documents.set_rows(details.documents)
        self.policies.set_rows(details.policies)
        self.addresses.set_rows(details.addresses)
        self.consents.set_rows(details.consents)
        self.representatives.set_rows(details.representatives)
        self.wards.set_rows(details.wards)
        self._update_buttons()
        self.loaded.emit()

    def _open_dialog(self, build) -> DetailDialog | None:
        if self.patient_id is None or self.details is None:
            return None
        dialog = build(self.patient_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(
            lambda _r, d=dialog: setattr(self, "dialog", None) if self.dialog is d else None
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def _remove(self, kind: str, tab: _ListTab) -> None:
        row = tab.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("ClientDetails", "Client card"),
            QCoreApplication.translate(
                "ClientDetails", "Remove the selected entry? Use this for mistakes only."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and self.patient_id is not None:
            ops.remove_detail(parent=self, session=self.session, kind=kind, row_id=row.id,
                              patient_id=self.patient_id).run()

    def _open_other(self, tab: _ListTab, attr: str) -> None:
        row = tab.selected()
        if row is not None:
            self.open_requested.emit(getattr(row, attr))

    def _update_buttons(self) -> None:
        loaded = self.details is not None
        for button in (
            self.add_document_button,
            self.add_policy_button,
            self.edit_address_button,
            self.give_consent_button,
            self.add_representative_button,
        ):
            button.setEnabled(loaded)
        self.remove_document_button.setEnabled(loaded and self.documents.selected() is not None)
        self.remove_policy_button.setEnabled(loaded and self.policies.selected() is not None)
        consent = self.consents.selected()
        self.withdraw_consent_button.setEnabled(
            loaded and consent is not None and consent.withdrawn_on is None
        )
        has_rep = self.representatives.selected() is not None
        self.remove_representative_button.setEnabled(loaded and has_rep)
        self.open_representative_button.setEnabled(loaded and has_rep)
        self.open_ward_button.setEnabled(loaded and self.wards.selected() is not None)

    def _on_changes(self, changes: frozenset[str]) -> None:
        if ops.DETAIL_CHANGES in changes and self.patient_id is not None:
            self.reload()
