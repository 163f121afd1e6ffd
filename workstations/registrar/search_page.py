"""The registrar's first screen: one search box, results as they type.

Typing waits ~250 ms for a pause, then searches on a worker thread; a result that arrives for an
older text is dropped. Down moves into the list, Enter opens the client, Esc goes back to the box
(and in the box clears it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.patient_input import PatientInput
from shared.services.patient_search import PatientHit, parse_query
from workstations.registrar import ops

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CTX = "RegistrarSearch"
DEBOUNCE_MS = 250

MATCHES = {
    "card": QT_TRANSLATE_NOOP("RegistrarSearch", "card number"),
    "snils": QT_TRANSLATE_NOOP("RegistrarSearch", "SNILS"),
    "policy": QT_TRANSLATE_NOOP("RegistrarSearch", "OMS policy"),
    "phone": QT_TRANSLATE_NOOP("RegistrarSearch", "phone"),
    "name": QT_TRANSLATE_NOOP("RegistrarSearch", "name"),
    "name_fuzzy": QT_TRANSLATE_NOOP("RegistrarSearch", "similar name"),
    "birth_date": QT_TRANSLATE_NOOP("RegistrarSearch", "birth date"),
    "duplicate": QT_TRANSLATE_NOOP("RegistrarSearch", "same person?"),
}


def match_text(hit: PatientHit) -> str:
    source = MATCHES.get(hit.match)
    return QCoreApplication.translate("RegistrarSearch", source) if source else hit.match


def phone_tail(hit: PatientHit) -> str:
    return f"…{hit.phone_tail}" if hit.phone_tail else ""


HIT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("RegistrarSearch", "Full name"), lambda h: h.full_name, context=CTX),
    Column(QT_TRANSLATE_NOOP("RegistrarSearch", "Birth date"), lambda h: h.birth_date, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("RegistrarSearch", "Phone"), phone_tail, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("RegistrarSearch", "Medical cards"), lambda h: ", ".join(h.card_numbers), context=CTX),
    Column(QT_TRANSLATE_NOOP("RegistrarSearch", "Found by"), match_text, context=CTX),
)

_LETTERS = re.compile(r"^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё'\-]*$")


def prefill_from_query(query: str) -> PatientInput:
    """What the registrar typed in the box, as a start for registering: Cyrillic name words, a date."""
    parsed = parse_query(query)
    words = [w for w in query.split() if _LETTERS.fullmatch(w) and re.search(r"[А-Яа-яЁё]", w)]
    words = [w[:1].upper() + w[1:].lower() for w in words[:3]] + ["", "", ""]
    birth = parsed.birth_date.strftime("%d.%m.%Y") if parsed.birth_date else ""
    return PatientInput(last_name=words[0], first_name=words[1], middle_name=words[2], birth_date=birth)


def configure_list_view(view: QTableView) -> None:
    """Read-only, whole rows, dense: the lists of this workstation look and behave alike."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)


class SearchPage(QWidget):
    """The search box over the results list."""

    open_requested = Signal(int)  # patient id
    register_requested = Signal(object)  # PatientInput prefilled from the box

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._generation = 0
        #: The text whose results are on screen (None before the first search finished).
        self.results_query: str | None = None
        self.searching = False

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("registrarSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(200)
        self.search_edit.setStyleSheet("QLineEdit#registrarSearch { font-size: 13pt; padding: 7px 10px; }")
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("mutedLabel")
        self.model = DtoTableModel(HIT_COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        configure_list_view(self.view)
        self.view.setTabKeyNavigation(False)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("notice")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("mutedLabel")
        self.keys_label = QLabel(self)
        self.keys_label.setObjectName("mutedLabel")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.keys_label)
        layout.addLayout(footer)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._text_changed)
        self.search_edit.installEventFilter(self)
        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def query(self) -> str:
        return " ".join(self.search_edit.text().split())

    def refresh(self) -> None:
        """Searches for the box's text now (F5; and after the typing pause)."""
        self._timer.stop()
        query = self.query()
        self._generation += 1
        generation = self._generation
        if not query:
            self.searching = False
            self._show_hits(query, ())
            return
        self.searching = True
        ops.find_clients(parent=self, session=self.session, query=query).success(
            lambda hits: self._arrived(generation, query, hits)
        ).failure(lambda exc: self._failed(generation, exc)).run()

    def focus_box(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_edit.selectAll()

    def current_hit(self) -> PatientHit | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def request_register(self) -> None:
        self.register_requested.emit(prefill_from_query(self.search_edit.text()))

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(QCoreApplication.translate(
            "RegistrarSearch", "Surname and initials, birth date, phone, SNILS, policy or card number"))
        self.hint_label.setText(QCoreApplication.translate(
            "RegistrarSearch", 'Examples: «иванова м п», «петров 12.03.1985», «916 555-01-02», «А-2026/00041»'))
        self.keys_label.setText(QCoreApplication.translate(
            "RegistrarSearch", "↓ to the list · Enter opens · Esc back to the box · F2 new client · F5 refresh"))
        self.empty_label.setText(QCoreApplication.translate(
            "RegistrarSearch", "Nothing found — press F2 to register a new client"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.model.set_rows(self.model.rows())
        super().changeEvent(event)

    # --- Keyboard --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            # F2/F5 are window shortcuts; these catch them when the window is not the active one.
            if key == Qt.Key.Key_F2 and watched in (self.search_edit, self.view):
                self.request_register()
                return True
            if key == Qt.Key.Key_F5 and watched in (self.search_edit, self.view):
                self.refresh()
                return True
            if watched is self.search_edit:
                return self._box_key(key)
            if watched is self.view:
                return self._list_key(key)
        return super().eventFilter(watched, event)

    def _box_key(self, key: int) -> bool:
        if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0, 0))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive():
                self.refresh()
            elif self.model.rowCount() == 1:
                self._open_row(0)
            elif self.model.rowCount():
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                self.view.setCurrentIndex(self.model.index(0, 0))
            return True
        if key == Qt.Key.Key_Escape and self.search_edit.text():
            self.search_edit.clear()
            return True
        return False

    def _list_key(self, key: int) -> bool:
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_row(self.view.currentIndex().row())
            return True
        if key == Qt.Key.Key_Escape:
            self.focus_box()
            return True
        if key == Qt.Key.Key_Up and self.view.currentIndex().row() <= 0:
            self.focus_box()
            return True
        return False

    # --- Internals -------------------------------------------------------------------------------

    def _text_changed(self, _text: str) -> None:
        self._timer.start()

    def _arrived(self, generation: int, query: str, hits: tuple[PatientHit, ...]) -> None:
        if generation != self._generation:
            return  # the box says something else by now
        self.searching = False
        self._show_hits(query, hits)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self.results_query = None
        self.model.set_rows(())
        self.empty_label.setText(error_text(exc))
        self.empty_label.show()

    def _show_hits(self, query: str, hits: tuple[PatientHit, ...]) -> None:
        current = self.current_hit()
        self.model.set_rows(hits)
        self.results_query = query
        self.empty_label.setText(QCoreApplication.translate(
            "RegistrarSearch", "Nothing found — press F2 to register a new client"))
        self.empty_label.setVisible(bool(query) and not hits)
        if hits:
            self._fit_columns()
            row = self.model.row_for_id(current.id) if current is not None else None
            self.view.setCurrentIndex(self.model.index(row or 0, 0))
        self._update_count()

    def _fit_columns(self) -> None:
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.resizeSection(0, max(header.sectionSize(0), 320))
        header.resizeSection(3, min(max(header.sectionSize(3), 160), 320))

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(
            QCoreApplication.translate("RegistrarSearch", "Found: {count}").format(count=count) if self.results_query else "")

    def _open_row(self, row: int) -> None:
        hit = self.model.row_at(row)
        if hit is not None:
            self.open_requested.emit(hit.id)
