"""Merging duplicates: find two records of the same person, compare them side by side, keep one.

Each side has a search box (as in the registry) and, for the chosen client, the data that tells two
people apart: name, birth date, SNILS, phones, cards. The merge asks for confirmation; the dropped
record's cards, phones, documents, policies and representatives move to the kept one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.patient_search import PatientHit
from workstations.head_of_registry import ops

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "MergePage"
DEBOUNCE_MS = 250

HIT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("MergePage", "Full name"), lambda h: h.full_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("MergePage", "Birth date"), lambda h: h.birth_date, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("MergePage", "Medical cards"), lambda h: ", ".join(h.card_numbers), context=CTX),
)


def _phone(digits: str) -> str:
    if len(digits) == 11 and digits.startswith("7"):
        return f"+7 {digits[1:4]} {digits[4:7]}-{digits[7:9]}-{digits[9:]}"
    return digits


def _snils(digits: str | None) -> str:
    if digits and len(digits) == 11:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:9]} {digits[9:]}"
    return digits or "—"


class ClientChooser(QGroupBox):
    """A search box, its results and the chosen client's summary."""

    #: The chosen client changed (its summary is loaded, or nobody is chosen).
    chosen_changed = Signal()

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.summary: ops.ClientSummary | None = None
        self.results_query: str | None = None
        self._generation = 0
        self._chosen_id: int | None = None

        self.search_edit = QLineEdit(self)
        self.search_edit.setMaxLength(200)
        self.search_edit.setClearButtonEnabled(True)
        self.model = DtoTableModel(HIT_COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.keep_radio = QRadioButton(self)
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        summary = QFormLayout()
        summary.setVerticalSpacing(4)
        for name in ("name", "birth_date", "snils", "phones", "cards"):
            value = QLabel("—", self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label = QLabel(self)
            label.setObjectName("mutedLabel")
            self.values[name] = value
            self.labels[name] = label
            summary.addRow(label, value)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view, 1)
        layout.addLayout(summary)
        layout.addWidget(self.keep_radio)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.view.selectionModel().currentChanged.connect(lambda *_: self._choose())
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def chosen_id(self) -> int | None:
        return self.summary.details.id if self.summary is not None else None

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

    def reload(self) -> None:
        """Reads the chosen client again (after a merge) and searches again."""
        self._chosen_id = None
        self.search()

    def clear(self) -> None:
        self.search_edit.clear()
        self._show_hits("", ())

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(
            QCoreApplication.translate("MergePage", "Surname, birth date, phone, SNILS, card…")
        )
        self.keep_radio.setText(QCoreApplication.translate("MergePage", "&Keep this record"))
        texts = {
            "name": QCoreApplication.translate("MergePage", "Full name"),
            "birth_date": QCoreApplication.translate("MergePage", "Birth date"),
            "snils": QCoreApplication.translate("MergePage", "SNILS"),
            "phones": QCoreApplication.translate("MergePage", "Phones"),
            "cards": QCoreApplication.translate("MergePage", "Medical cards"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)

    # --- Internals -------------------------------------------------------------------------------

    def _show_hits(self, query: str, hits: tuple[PatientHit, ...]) -> None:
        self.model.set_rows(hits)
        self.view.resizeColumnsToContents()
        self.results_query = query
        if hits:
            self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self._set_summary(None)

    def _choose(self) -> None:
        index = self.view.currentIndex()
        hit = self.model.row_at(index) if index.isValid() else None
        if hit is None:
            self._set_summary(None)
            return
        if self._chosen_id == hit.id and self.summary is not None:
            return
        self._chosen_id = hit.id
        self.summary = None
        self.chosen_changed.emit()
        ops.load_summary(parent=self, session=self.session, patient_id=hit.id).success(
            lambda s: self._set_summary(s) if s.details.id == self._chosen_id else None
        ).run()

    def _set_summary(self, summary: ops.ClientSummary | None) -> None:
        self.summary = summary
        if summary is None:
            self._chosen_id = None
            for value in self.values.values():
                value.setText("—")
        else:
            d = summary.details
            self.values["name"].setText(" ".join(p for p in (d.last_name, d.first_name, d.middle_name) if p))
            self.values["birth_date"].setText(d.birth_date.strftime("%d.%m.%Y"))
            self.values["snils"].setText(_snils(d.snils))
            self.values["phones"].setText(", ".join(_phone(p) for p in d.phones) or "—")
            self.values["cards"].setText(
                "\n".join(f"{c.number} ({c.card_type})" for c in summary.cards) or "—"
            )
        self.chosen_changed.emit()


class MergePage(QWidget):
    """Two choosers side by side, which one to keep, and Merge."""

    #: Emitted after a merge: (kept id, dropped id).
    merged = Signal(int, int)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.lead = QLabel(self)
        self.lead.setObjectName("mutedLabel")
        self.lead.setWordWrap(True)
        self.left = ClientChooser(session, self)
        self.right = ClientChooser(session, self)
        self.keep_group = QButtonGroup(self)
        self.keep_group.addButton(self.left.keep_radio)
        self.keep_group.addButton(self.right.keep_radio)
        self.left.keep_radio.setChecked(True)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.merge_button = QPushButton(self)
        self.merge_button.setObjectName("primaryButton")
        self.merge_button.clicked.connect(self.ask_merge)
        sides = QHBoxLayout()
        sides.addWidget(self.left, 1)
        sides.addWidget(self.right, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.status_label, 1)
        footer.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.lead)
        layout.addLayout(sides, 1)
        layout.addLayout(footer)
        for side in (self.left, self.right):
            side.chosen_changed.connect(self._update_state)
            side.keep_radio.toggled.connect(lambda _on: self._update_state())
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def keep_and_drop(self) -> tuple[int, int] | None:
        """(keep id, drop id) when both sides hold two different clients."""
        left, right = self.left.chosen_id(), self.right.chosen_id()
        if left is None or right is None or left == right:
            return None
        return (left, right) if self.left.keep_radio.isChecked() else (right, left)

    def ask_merge(self) -> None:
        pair = self.keep_and_drop()
        if pair is None or self.busy:
            return
        keep, drop = (self.left, self.right) if self.left.keep_radio.isChecked() else (self.right, self.left)
        question = QCoreApplication.translate(
            "MergePage",
            "Merge {drop} into {keep}? The record of {drop} stays only as a reference to the "
            "kept one; this cannot be undone here.",
        ).format(drop=keep_text(drop), keep=keep_text(keep))
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("MergePage", "Merge duplicates"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.merge(*pair)

    def merge(self, keep_id: int, drop_id: int) -> None:
        self.busy = True
        self._set_status("", error=False)
        self._update_state()
        ops.merge_clients(parent=self, session=self.session, keep_id=keep_id, drop_id=drop_id).success(
            lambda _r: self._merged(keep_id, drop_id)
        ).failure(self._failed).run()

    def retranslate_ui(self) -> None:
        self.lead.setText(
            QCoreApplication.translate(
                "MergePage",
                "Find the two records of the same person, compare them and choose which to keep. The other "
                "record's cards, phones, documents, policies and representatives move to the kept one.",
            )
        )
        self.merge_button.setText(QCoreApplication.translate("MergePage", "&Merge…"))
        for side, title in (
            (self.left, QCoreApplication.translate("MergePage", "First record")),
            (self.right, QCoreApplication.translate("MergePage", "Second record")),
        ):
            side.setTitle(title)
            side.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _merged(self, keep_id: int, drop_id: int) -> None:
        self.busy = False
        self._set_status(
            QCoreApplication.translate("MergePage", "Merged. The kept record now has the other's cards."),
            error=False,
        )
        for side in (self.left, self.right):
            side.reload()
        self._update_state()
        self.merged.emit(keep_id, drop_id)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self._update_state()
        self._set_status(error_text(exc), error=True)
        show_error(self, exc)

    def _set_status(self, text: str, *, error: bool) -> None:
        self.status_label.setObjectName("errorLabel" if error else "mutedLabel")
        self.status_label.style().unpolish(self.status_label)
        self.status_label.style().polish(self.status_label)
        self.status_label.setText(text)

    def _update_state(self) -> None:
        self.merge_button.setEnabled(not self.busy and self.keep_and_drop() is not None)
        same = self.left.chosen_id() is not None and self.left.chosen_id() == self.right.chosen_id()
        warning = QCoreApplication.translate(
            "MergePage", "Both sides show the same record: choose another one on one side."
        )
        if same and not self.busy:
            # The outcome of the last merge stays readable; the warning does not replace it.
            if self.status_label.text() in ("", warning):
                self._set_status(warning, error=True)
        elif self.status_label.text() == warning:
            self._set_status("", error=False)


def keep_text(side: ClientChooser) -> str:
    """ "Ivanova Maria, 01.02.1980" for the confirmation."""
    if side.summary is None:
        return ""
    d = side.summary.details
    name = " ".join(p for p in (d.last_name, d.first_name, d.middle_name) if p)
    return f"{name}, {d.birth_date.strftime('%d.%m.%Y')}"
