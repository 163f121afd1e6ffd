"""Paper medical cards: where one is, moving it, and the end-of-day list of cards not returned."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.models.registry import PAPER_LOCATIONS
from shared.services.patients import CardInfo
from shared.services.registry_lookup import OfficeChoice
from workstations.registrar import ops
from workstations.registrar.search_page import configure_list_view

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "PaperCards"

LOCATIONS = {
    "archive": QT_TRANSLATE_NOOP("PaperCards", "in the archive"),
    "office": QT_TRANSLATE_NOOP("PaperCards", "in an office"),
    "patient": QT_TRANSLATE_NOOP("PaperCards", "issued to the patient"),
    "lost": QT_TRANSLATE_NOOP("PaperCards", "lost"),
}


def location_text(location: str) -> str:
    source = LOCATIONS.get(location)
    return QCoreApplication.translate("PaperCards", source) if source else location


def paper_place(card: CardInfo) -> str:
    """"in an office: 214 Therapist" / "in the archive"."""
    text = location_text(card.paper_location)
    return f"{text}: {card.paper_office}" if card.paper_location == "office" and card.paper_office else text


class MovePaperCardDialog(QDialog):
    """Where the paper card goes: archive, an office (chosen), the patient, or lost."""

    def __init__(self, card: CardInfo, offices: Sequence[OfficeChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("PaperCards", "Move paper card {number}").format(number=card.number))
        self.location_combo = QComboBox(self)
        for location in PAPER_LOCATIONS:
            self.location_combo.addItem(location_text(location), location)
        self.location_combo.setCurrentIndex(max(0, self.location_combo.findData(
            "office" if card.paper_location == "archive" else "archive")))
        self.office_combo = QComboBox(self)
        self.office_combo.setEditable(True)
        self.office_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for office in offices:
            self.office_combo.addItem(office.label, office.id)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(300)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("PaperCards", "Now"), QLabel(paper_place(card), self))
        form.addRow(QCoreApplication.translate("PaperCards", "&Goes"), self.location_combo)
        form.addRow(QCoreApplication.translate("PaperCards", "O&ffice"), self.office_combo)
        form.addRow(QCoreApplication.translate("PaperCards", "&Note"), self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.location_combo.currentIndexChanged.connect(self._location_changed)
        self._location_changed()
        self.resize(460, self.sizeHint().height())

    def location(self) -> str:
        return self.location_combo.currentData()

    def office_id(self) -> int | None:
        if self.location() != "office":
            return None
        index = self.office_combo.findText(self.office_combo.currentText(), Qt.MatchFlag.MatchFixedString)
        return self.office_combo.itemData(index) if index >= 0 else None

    def note(self) -> str:
        return self.note_edit.text()

    def _location_changed(self) -> None:
        to_office = self.location() == "office"
        self.office_combo.setEnabled(to_office)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not to_office or self.office_combo.count() > 0)


NOT_RETURNED_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("PaperCards", "Card"), lambda c: c.number, context=CTX),
    Column(QT_TRANSLATE_NOOP("PaperCards", "Patient"), lambda c: c.patient_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("PaperCards", "Type"), lambda c: c.card_type, context=CTX),
    Column(QT_TRANSLATE_NOOP("PaperCards", "Where"), paper_place, context=CTX),
    Column(QT_TRANSLATE_NOOP("PaperCards", "Since"), lambda c: c.paper_moved_at, ALIGN_RIGHT, CTX),
)


class NotReturnedDialog(QDialog):
    """End of day: paper cards of this organization still in offices or with patients."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loaded = False
        self.setWindowTitle(QCoreApplication.translate("PaperCards", "End of day: cards not returned"))
        self.model = DtoTableModel(NOT_RETURNED_COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        configure_list_view(self.view)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("mutedLabel")
        refresh = QPushButton(QCoreApplication.translate("PaperCards", "&Refresh"), self)
        refresh.clicked.connect(self.refresh)
        close = QPushButton(QCoreApplication.translate("PaperCards", "Close"), self)
        close.clicked.connect(self.accept)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(refresh)
        footer.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)
        self.resize(900, 480)
        self.refresh()

    def refresh(self) -> None:
        ops.cards_not_returned(parent=self, session=self.session).success(self._show).run()

    def _show(self, cards: tuple[CardInfo, ...]) -> None:
        self.model.set_rows(cards)
        self.view.resizeColumnsToContents()
        # Card type names are long: elided (the tooltip has them), so the place stays in sight.
        header = self.view.horizontalHeader()
        header.resizeSection(2, min(header.sectionSize(2), 200))
        self.loaded = True
        self.count_label.setText(QCoreApplication.translate("PaperCards", "Not returned: {count}").format(count=len(cards)))
