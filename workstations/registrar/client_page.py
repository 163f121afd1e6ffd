"""The client card: personal data (edited with optimistic locking), the client's medical cards, their
appointments (`appointments`) and the details (documents, policies, addresses, consents,
representatives: `details_panel`).

A save that meets someone else's newer save shows who and when, keeps everything typed, and offers
Reload; only Reload replaces the form with what is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.communications_panel import CommunicationsPanel
from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.insurer_approvals import InsurerApprovalsPanel
from medcenter_desktop.operations import operation_bus
from medcenter_desktop.sick_leave_editor import SickLeaveListDialog, open_sick_leave_list
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.patient_input import InvalidFields
from shared.services.patients import CardInfo, ChangedByOther
from workstations.registrar import ops
from workstations.registrar.appointments import AppointmentsPanel
from workstations.registrar.card_dialogs import MovePaperCardDialog, paper_place
from workstations.registrar.details_panel import ClientDetailsPanel
from workstations.registrar.orders_panel import OrdersPanel
from workstations.registrar.patient_form import PatientForm
from workstations.registrar.search_page import configure_list_view

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from shared.services.patients import PatientDetails

CTX = "ClientCard"

CARD_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ClientCard", "Number"), lambda c: c.number, context=CTX),
    Column(QT_TRANSLATE_NOOP("ClientCard", "Card type"), lambda c: c.card_type, context=CTX),
    Column(QT_TRANSLATE_NOOP("ClientCard", "Opened"), lambda c: c.opened_on, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("ClientCard", "Paper card"), paper_place, context=CTX),
)


class ClientPage(QWidget):
    """One client: the form with Save / Reload, the cards with Open card / Move paper card."""

    back_requested = Signal()

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.patient_id: int | None = None
        self.details: PatientDetails | None = None
        self.version: int | None = None
        self.choices: ops.CardChoices | None = None
        self._busy = False

        self.title_label = QLabel(self)
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.back_requested)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(8)
        header.addWidget(self.title_label, 1)

        self.conflict_label = QLabel(self)
        self.conflict_label.setObjectName("errorLabel")
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflict_reload_button = QPushButton(self)
        self.conflict_reload_button.clicked.connect(self.reload)
        self.conflict_box = QWidget(self)
        conflict = QHBoxLayout(self.conflict_box)
        conflict.setContentsMargins(0, 0, 0, 0)
        conflict.addWidget(self.conflict_label, 1)
        conflict.addWidget(self.conflict_reload_button, 0, Qt.AlignmentFlag.AlignTop)
        self.conflict_box.hide()

        self.form = PatientForm(self)
        self.form.edited.connect(self._edited)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("mutedLabel")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        self.reload_button = QPushButton(self)
        self.reload_button.clicked.connect(self.reload)
        self.data_box = QGroupBox(self)
        data = QVBoxLayout(self.data_box)
        data.addWidget(self.form)
        data.addStretch(1)  # spare height goes below the fields, not into them
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)
        data.addLayout(buttons)

        self.cards_model = DtoTableModel(CARD_COLUMNS, parent=self)
        self.cards_view = QTableView(self)
        self.cards_view.setModel(self.cards_model)
        configure_list_view(self.cards_view)
        self.open_card_button = QPushButton(self)
        self.card_type_menu = QMenu(self.open_card_button)
        self.open_card_button.setMenu(self.card_type_menu)
        self.move_card_button = QPushButton(self)
        self.move_card_button.clicked.connect(self.ask_move_paper_card)
        # The client's sick-leave certificates (open, print, spoil and refill, duplicate): a window of their own.
        self.sick_leave_button = QPushButton(self)
        self.sick_leave_button.clicked.connect(self.show_sick_leave)
        self.sick_leave_dialog: SickLeaveListDialog | None = None
        self.cards_box = QGroupBox(self)
        cards = QVBoxLayout(self.cards_box)
        cards.addWidget(self.cards_view, 1)
        card_buttons = QHBoxLayout()
        card_buttons.addWidget(self.open_card_button)
        card_buttons.addWidget(self.move_card_button)
        card_buttons.addStretch(1)
        card_buttons.addWidget(self.sick_leave_button)
        cards.addLayout(card_buttons)

        body = QHBoxLayout()
        body.setSpacing(10)
        body.addWidget(self.data_box, 4)
        self.details_panel = ClientDetailsPanel(session, self)
        # The appointments come first among the tabs: booking is what the registry does most.
        self.appointments = AppointmentsPanel(session, self.details_panel)
        self.details_panel.insertTab(0, self.appointments, "")
        self.orders = OrdersPanel(session, self.details_panel)
        self.details_panel.insertTab(1, self.orders, "")
        # Calls and e-mails with the client, and insurers' telephone approvals, after the details.
        self.communications = CommunicationsPanel(session, self.details_panel)
        self.details_panel.addTab(self.communications, "")
        self.approvals = InsurerApprovalsPanel(session, self.details_panel)
        self.details_panel.addTab(self.approvals, "")
        self.details_panel.setCurrentIndex(0)
        # Nine tabs: narrower ones, so that all stay in sight on a usual screen.
        self.details_panel.setStyleSheet("QTabBar::tab { padding: 6px 9px; }")
        self.details_panel.setElideMode(Qt.TextElideMode.ElideRight)
        self.details_panel.setUsesScrollButtons(False)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.cards_box, 2)
        right.addWidget(self.details_panel, 3)
        body.addLayout(right, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.conflict_box)
        layout.addLayout(body, 1)
        self.cards_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self._update_buttons()

    # --- Public API ------------------------------------------------------------------------------

    def load(self, patient_id: int) -> None:
        """Shows the client ``patient_id`` (read in the background)."""
        self.patient_id = patient_id
        self.details = None
        self.version = None
        self.conflict_box.hide()
        self.title_label.setText(QCoreApplication.translate("ClientCard", "Loading…"))
        self.cards_model.set_rows(())
        self.form.set_read_only(True)
        self.reload()
        self.details_panel.load(patient_id)
        self.appointments.client_name = ""
        self.appointments.load(patient_id)
        self.orders.load(patient_id)
        self.communications.load(patient_id)
        self.approvals.load(patient_id)
        if self.sick_leave_dialog is not None:
            self.sick_leave_dialog.close()
        self._load_choices()

    def reload(self) -> None:
        """Replaces the form with what is stored now (what was typed and not saved is dropped)."""
        if self.patient_id is None:
            return
        patient_id = self.patient_id
        ops.load_client(parent=self, session=self.session, patient_id=patient_id).success(
            lambda data: self._show(data) if patient_id == self.patient_id else None
        ).run()

    def save(self) -> None:
        if self.patient_id is None or self.version is None or self._busy:
            return
        if self.form.validate() is not None:
            self.status_label.setText(QCoreApplication.translate("ClientCard", "Correct the marked fields."))
            return
        self._busy = True
        self._update_buttons()
        self.status_label.setText(QCoreApplication.translate("ClientCard", "Saving…"))
        ops.save_client(parent=self, session=self.session, patient_id=self.patient_id, version=self.version,
                        data=self.form.to_input()).success(self._saved).failure(self._save_failed).run()

    def conflict_text(self) -> str:
        return self.conflict_label.text() if not self.conflict_box.isHidden() else ""

    def selected_card(self) -> CardInfo | None:
        index = self.cards_view.currentIndex()
        return self.cards_model.row_at(index) if index.isValid() else None

    def open_card_of_type(self, card_type_id: int) -> None:
        if self.patient_id is None:
            return
        ops.open_card(parent=self, session=self.session, patient_id=self.patient_id,
                      card_type_id=card_type_id).success(self._card_opened).run()

    def ask_move_paper_card(self) -> None:
        card = self.selected_card()
        if card is None:
            return
        dialog = MovePaperCardDialog(card, self.choices.offices if self.choices else (), self)
        if dialog.exec():
            self.move_paper_card(card.id, dialog.location(), dialog.office_id(), dialog.note())

    def move_paper_card(self, card_id: int, location: str, office_id: int | None, note: str = "") -> None:
        ops.move_paper_card(parent=self, session=self.session, card_id=card_id, location=location,
                            office_id=office_id, note=note).success(lambda _r: self._reload_cards(card_id)).run()

    def show_sick_leave(self) -> SickLeaveListDialog | None:
        """The client's sick-leave certificates in a window (window-modal)."""
        if self.patient_id is None:
            return None
        self.sick_leave_dialog = open_sick_leave_list(self.session, self.patient_id, self.client_name(), self)
        self.sick_leave_dialog.finished.connect(lambda _r: setattr(self, "sick_leave_dialog", None))
        return self.sick_leave_dialog

    @property
    def dirty(self) -> bool:
        return self.form.dirty

    def retranslate_ui(self) -> None:
        self.back_button.setText(QCoreApplication.translate("ClientCard", "← Search (Esc)"))
        self.data_box.setTitle(QCoreApplication.translate("ClientCard", "Personal data"))
        self.cards_box.setTitle(QCoreApplication.translate("ClientCard", "Medical cards"))
        self.save_button.setText(QCoreApplication.translate("ClientCard", "Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)  # setText would leave a mnemonic
        self.save_button.setToolTip(QCoreApplication.translate("ClientCard", "Save the changes (Ctrl+S)"))
        self.reload_button.setText(QCoreApplication.translate("ClientCard", "&Reload"))
        self.conflict_reload_button.setText(QCoreApplication.translate("ClientCard", "Reload"))
        self.open_card_button.setText(QCoreApplication.translate("ClientCard", "Open card of type…"))
        self.move_card_button.setText(QCoreApplication.translate("ClientCard", "Move paper card…"))
        self.details_panel.setTabText(self.details_panel.indexOf(self.appointments),
                                      QCoreApplication.translate("ClientCard", "Appointments"))
        self.details_panel.setTabText(self.details_panel.indexOf(self.orders),
                                      QCoreApplication.translate("ClientCard", "Orders"))
        self.details_panel.setTabText(self.details_panel.indexOf(self.communications),
                                      QCoreApplication.translate("ClientCard", "Communications"))
        self.details_panel.setTabText(self.details_panel.indexOf(self.approvals),
                                      QCoreApplication.translate("ClientCard", "Insurer approvals"))
        self.sick_leave_button.setText(QCoreApplication.translate("ClientCard", "Sic&k leave…"))
        self.sick_leave_button.setToolTip(QCoreApplication.translate(
            "ClientCard", "The client's certificates of incapacity for work: open, print, spoil, duplicate"))
        self._update_title()
        self._fill_card_type_menu()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _show(self, data: ops.ClientData) -> None:
        self.details = data.details
        self.version = data.details.version
        self.conflict_box.hide()
        self.form.set_details(data.details)
        self.form.set_read_only(False)
        self.status_label.setText("")
        self._update_title()
        self._set_cards(data.cards)

    def _saved(self, data: ops.ClientData) -> None:
        self._busy = False
        self._show(data)
        self.status_label.setText(QCoreApplication.translate("ClientCard", "Saved."))

    def _save_failed(self, exc: Exception) -> None:
        self._busy = False
        self._update_buttons()
        self.status_label.setText("")
        if isinstance(exc, ChangedByOther):
            self.conflict_label.setText(error_text(exc))
            self.conflict_box.show()
        elif isinstance(exc, InvalidFields):
            self.form.show_all_errors(exc.errors)
            self.status_label.setText(QCoreApplication.translate("ClientCard", "Correct the marked fields."))
        else:
            show_error(self, exc)

    def _edited(self) -> None:
        self.status_label.setText(QCoreApplication.translate("ClientCard", "Changed, not saved."))

    def client_name(self) -> str:
        d = self.details
        return " ".join(p for p in (d.last_name, d.first_name, d.middle_name) if p) if d is not None else ""

    def _update_title(self) -> None:
        d = self.details
        if d is None:
            return
        name = self.client_name()
        self.appointments.client_name = name
        self.title_label.setText(QCoreApplication.translate("ClientCard", "{name}, born {date}").format(
            name=name, date=d.birth_date.strftime("%d.%m.%Y")))

    def _set_cards(self, cards: tuple[CardInfo, ...], current_id: int | None = None) -> None:
        self.cards_model.set_rows(cards)
        self.cards_view.resizeColumnsToContents()
        # Card type names are long ("Medical card of a patient receiving outpatient care"): elided,
        # so the paper card's place stays in sight.
        header = self.cards_view.horizontalHeader()
        header.resizeSection(1, min(header.sectionSize(1), 240))
        if cards:
            row = self.cards_model.row_for_id(current_id) if current_id is not None else None
            self.cards_view.setCurrentIndex(self.cards_model.index(row or 0, 0))
        self._update_buttons()

    def _reload_cards(self, current_id: int | None) -> None:
        if self.patient_id is None:
            return
        patient_id = self.patient_id
        ops.load_client(parent=self, session=self.session, patient_id=patient_id).success(
            lambda data: self._set_cards(data.cards, current_id) if patient_id == self.patient_id else None
        ).run()

    def _card_opened(self, card: CardInfo) -> None:
        self.status_label.setText(QCoreApplication.translate("ClientCard", "Card {number} opened.").format(number=card.number))
        self._reload_cards(card.id)

    def _load_choices(self) -> None:
        if self.choices is not None:
            return
        ops.load_card_choices(parent=self, session=self.session).success(self._set_choices).failure(
            lambda exc: None).run()

    def _set_choices(self, choices: ops.CardChoices) -> None:
        self.choices = choices
        self._fill_card_type_menu()
        self._update_buttons()

    def _fill_card_type_menu(self) -> None:
        self.card_type_menu.clear()
        if self.choices is None:
            return
        for card_type in self.choices.card_types:
            action = self.card_type_menu.addAction(card_type.name)
            action.triggered.connect(lambda _checked=False, t=card_type.id: self.open_card_of_type(t))
        if not self.choices.card_types:
            action = self.card_type_menu.addAction(QCoreApplication.translate(
                "ClientCard", "You may not open cards of any type"))
            action.setEnabled(False)

    def _update_buttons(self) -> None:
        loaded = self.details is not None
        self.save_button.setEnabled(loaded and not self._busy)
        self.reload_button.setEnabled(loaded and not self._busy)
        self.open_card_button.setEnabled(loaded and self.choices is not None)
        self.move_card_button.setEnabled(loaded and self.selected_card() is not None)
        self.sick_leave_button.setEnabled(loaded)

    def _on_changes(self, changes: frozenset[str]) -> None:
        # Another screen opened or moved cards: the list follows. The form never reloads by itself.
        if ops.CARD_CHANGES in changes and self.details is not None:
            card = self.selected_card()
            self._reload_cards(card.id if card else None)
