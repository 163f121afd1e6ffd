"""Finding who pays: a search box over the clients found, or an order's number for an order without a
card ("№ 123" or "#123"). Typing searches after a short pause; Down moves into the list, Enter opens
(in the box: the order, the one client found, or the highlighted one), Esc goes back to the box.

`load_customer` reads what the payment and refund screens need about the one chosen: the name, the
contact for an electronic receipt, and (for an order) its client.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection, text

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import orders, patients
from shared.services.patient_search import MAX_RESULTS, PatientHit, parse_query
from workstations.cashier.desk import DeskControl

DEBOUNCE_MS = 250
ORDER_QUERY = re.compile(r"^\s*[#№]\s*(\d{1,9})\s*$")

HIT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ClientFinder", "Full name"), lambda h: h.full_name, context="ClientFinder"),
    Column(QT_TRANSLATE_NOOP("ClientFinder", "Birth date"), lambda h: h.birth_date, ALIGN_RIGHT, "ClientFinder"),
    Column(QT_TRANSLATE_NOOP("ClientFinder", "Phone"), lambda h: f"…{h.phone_tail}" if h.phone_tail else "",
           ALIGN_RIGHT, "ClientFinder"),
)

_CLIENT_COLUMNS = (
    "p.id, btrim(concat_ws(' ', p.last_name, p.first_name, p.middle_name)) AS full_name, p.birth_date, p.sex, "
    "coalesce((SELECT right(ph.digits, 4) FROM patient_phones ph WHERE ph.patient_id = p.id ORDER BY ph.id "
    "LIMIT 1), '') AS phone_tail")


def _like_pattern(name: str) -> str:
    """'иванова м п' -> 'иванова м% п%' (a surname typed whole, then initials or beginnings)."""
    words = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in name.split()]
    return words[0] + "%" if len(words) == 1 else words[0] + " " + "% ".join(words[1:]) + "%"


def find_clients(conn: Connection, query: str) -> tuple[PatientHit, ...]:
    """The cashier's search: a name (with a birth date), a phone or its last digits, a SNILS.

    `patient_search.search_patients` cannot serve the cash desk: it lists medical card numbers, and the
    cashier's role may not read medical cards. The typed text is read the same way (`parse_query`)."""
    q = parse_query(query)
    found: dict[int, PatientHit] = {}

    def add(where: str, params: dict, match: str) -> None:
        rows = conn.execute(text(
            f"SELECT {_CLIENT_COLUMNS} FROM patients p WHERE p.merged_into_id IS NULL AND ({where}) "  # noqa: S608
            "ORDER BY p.name_norm, p.birth_date LIMIT :limit"), {**params, "limit": MAX_RESULTS}).all()
        for r in rows:
            found.setdefault(r.id, PatientHit(r.id, r.full_name, r.birth_date, r.sex, r.phone_tail, (), match, 1.0))

    if q.digits:
        if len(q.digits) == 11:
            add("p.snils = :s", {"s": q.digits}, "snils")
        phone = q.digits
        if len(phone) == 11 and phone[0] == "8":
            phone = "7" + phone[1:]
        elif len(phone) == 10 and phone[0] == "9":
            phone = "7" + phone
        if len(phone) >= 10:
            add("p.id IN (SELECT ph.patient_id FROM patient_phones ph WHERE ph.digits = :d)", {"d": phone}, "phone")
        elif len(phone) >= 4:
            add("p.id IN (SELECT ph.patient_id FROM patient_phones ph WHERE reverse(ph.digits) LIKE "
                "reverse(:d) || '%')", {"d": phone}, "phone")
    date_clause = " AND p.birth_date = :b" if q.birth_date else ""
    for name in q.names:
        add(f"p.name_norm LIKE :pattern{date_clause}", {"pattern": _like_pattern(name), "b": q.birth_date}, "name")
    if q.birth_date and not q.names and not q.digits:
        add("p.birth_date = :b", {"b": q.birth_date}, "birth_date")
    return tuple(list(found.values())[:MAX_RESULTS])


@dataclass(frozen=True)
class Customer:
    """Who pays: a client (``patient_id``), or one order (``order_id``, maybe without a client)."""

    patient_id: int | None
    order_id: int | None
    name: str
    contact: str = ""  # a phone (+7…) or an e-mail for the electronic receipt, when known

    @property
    def lookup(self) -> dict:
        """The keyword arguments of `payable_lines` / `refundable_sales` for this customer."""
        return {"order_id": self.order_id} if self.order_id is not None else {"patient_id": self.patient_id}


def order_query(text: str) -> int | None:
    match = ORDER_QUERY.match(text)
    return int(match.group(1)) if match else None


def receipt_contact(details: patients.PatientDetails) -> str:
    """The client's e-mail when they asked for mail, else their first phone, else any e-mail."""
    phone = ""
    for digits in details.phones:
        if len(digits) >= 10:
            phone = "+7" + digits[-10:]
            break
    if details.email and (details.notify_email or not phone):
        return details.email
    return phone


def load_customer(conn: Connection, *, patient_id: int | None = None, order_id: int | None = None) -> Customer:
    if order_id is not None:
        info = orders.order(conn, order_id)
        contact = info.phone
        if info.patient_id is not None:
            contact = receipt_contact(patients.get_patient(conn, info.patient_id)) or contact
        name = info.client_name
        return Customer(info.patient_id, order_id, name, contact)
    assert patient_id is not None
    details = patients.get_patient(conn, patient_id)
    name = " ".join(p for p in (details.last_name, details.first_name, details.middle_name) if p)
    return Customer(patient_id, None, name, receipt_contact(details))


def configure_list(view: QTableView) -> None:
    """Read-only, whole rows, dense: the lists of this workstation look and behave alike."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)


def fit_columns(view: QTableView, widths: dict[int, int]) -> None:
    """Each column as wide as given, but never narrower than its (translated, bold) header."""
    font = QFont(view.horizontalHeader().font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    model = view.model()
    for column, width in widths.items():
        header = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        view.setColumnWidth(column, max(width, metrics.horizontalAdvance(header) + 28))


class ClientFinder(QWidget):
    """The search box over the clients found."""

    client_chosen = Signal(int)  # patient id
    order_chosen = Signal(int)  # order id

    def __init__(self, desk: DeskControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._generation = 0
        self._open_single = False
        #: The text whose results are on screen (None before the first search finished).
        self.results_query: str | None = None

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("cashierSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(200)
        self.search_edit.setStyleSheet("QLineEdit#cashierSearch { font-size: 12pt; padding: 6px 10px; }")
        self.model = DtoTableModel(HIT_COLUMNS, parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        configure_list(self.view)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("mutedLabel")
        self.hint_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.search_edit.installEventFilter(self)
        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def query(self) -> str:
        return " ".join(self.search_edit.text().split())

    def search(self) -> None:
        """Searches for the box's text now (and after a pause in typing)."""
        self._timer.stop()
        query = self.query()
        self._generation += 1
        generation = self._generation
        if not query or order_query(query) is not None:
            self._show(query, ())
            return
        self.desk.read(lambda conn: find_clients(conn, query),
                       lambda hits: self._arrived(generation, query, hits),
                       lambda exc: self._failed(generation, exc))

    def open_from_box(self) -> None:
        """Enter in the box: the order typed, the client highlighted, or the only one found."""
        query = self.query()
        order_id = order_query(query)
        if order_id is not None:
            self.order_chosen.emit(order_id)
            return
        if not query:
            return
        if self.results_query != query or self._timer.isActive():
            self._open_single = True
            self.search()
            return
        current = self.view.currentIndex()
        if current.isValid():
            self._open_row(current.row())
        elif self.model.rowCount() == 1:
            self._open_row(0)
        elif self.model.rowCount():
            self._to_list()

    def focus_box(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_edit.selectAll()

    def current_hit(self) -> PatientHit | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Client: surname and initials, birth date, phone — or № and the order number"))
        fit_columns(self.view, {1: 110, 2: 90})
        self.hint_label.setText(self.tr("↓ to the list · Enter opens · Esc back to the box · an order without a card: №123"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Keyboard --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search_edit:
                if key == Qt.Key.Key_Down and self.model.rowCount():
                    self._to_list()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.open_from_box()
                    return True
                if key == Qt.Key.Key_Escape and self.search_edit.text():
                    self.search_edit.clear()
                    return True
            elif watched is self.view:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.currentIndex().isValid():
                    self._open_row(self.view.currentIndex().row())
                    return True
                if key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Up and self.view.currentIndex().row() <= 0):
                    self.focus_box()
                    return True
        return super().eventFilter(watched, event)

    # --- Internals -------------------------------------------------------------------------------

    def _to_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _open_row(self, row: int) -> None:
        hit = self.model.row_at(row)
        if hit is not None:
            self.client_chosen.emit(hit.id)

    def _arrived(self, generation: int, query: str, hits) -> None:
        if generation != self._generation:
            return  # an older text's results
        self._show(query, hits)
        if self._open_single:
            self._open_single = False
            if len(hits) == 1:
                self._open_row(0)
            elif hits:
                self._to_list()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation == self._generation:
            self._open_single = False
            self.hint_label.setText(error_text(exc))

    def _show(self, query: str, hits) -> None:
        self.model.set_rows(hits)  # a reset: nothing is highlighted until the cashier moves into the list
        self.results_query = query
        self.retranslate_ui()
