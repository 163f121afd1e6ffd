"""The accounting of sick-leave blanks (strict reporting forms) for the head of registry: batches received
(a range of numbers with the date and the waybill), ranges handed out to a department or a staff member,
every blank with its state (filtered by state, holder and number), a blank spoiled before use written off
with its reason, the period report (opening balance, received, used, spoiled, closing balance per holder)
and the book of blanks, previewed and printed through the shell's document preview.

Numbers skipped unnoticed (a lower number still unused after a higher one of the same holder was used,
`shared.services.sick_leave_blanks.gaps`) are shown above everything in red until they are used or
written off.

Every verb is one unit of work on a worker thread (`medcenter_desktop.operations.session_op`); a refusal
is shown translated above the form and what was typed stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import text

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import operation_bus, session_op
from medcenter_desktop.sick_leave_editor import CHANGES, DateEdit, StaffChoice, StaffCombo
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import sick_leave_blanks as sb

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from medcenter_desktop.login_service import AppSession

CTX = "BlanksPage"

STATE_NAMES = {
    "in_stock": QT_TRANSLATE_NOOP("BlanksPage", "In stock"),
    "issued": QT_TRANSLATE_NOOP("BlanksPage", "Handed out"),
    "used": QT_TRANSLATE_NOOP("BlanksPage", "Used"),
    "spoiled": QT_TRANSLATE_NOOP("BlanksPage", "Spoiled"),
}
IN_STOCK_HOLDER = QT_TRANSLATE_NOOP("BlanksPage", "Not handed out (in stock)")


def _tr(source: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(CTX, source)


BATCH_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Received"), lambda b: b.received_on, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "From"), lambda b: b.number_from, context=CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "To"), lambda b: b.number_to, context=CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Count"), lambda b: b.count, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "In stock"), lambda b: b.in_stock, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Handed out"), lambda b: b.issued, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Used"), lambda b: b.used, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Spoiled"), lambda b: b.spoiled, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Supplier"), lambda b: b.supplier, context=CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Document"), lambda b: b.document, context=CTX),
)

BLANK_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Number"), lambda b: b.number, context=CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "State"), lambda b: _tr(STATE_NAMES.get(b.state, b.state)), context=CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Holder"), lambda b: b.holder, context=CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Handed out"), lambda b: b.issued_on, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Used"), lambda b: b.used_on, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Spoiled"), lambda b: b.spoiled_on, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Reason"), lambda b: b.spoil_reason, context=CTX),
)

REPORT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Holder"),
           lambda r: _tr(IN_STOCK_HOLDER) if r.stock else r.holder, context=CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Opening"), lambda r: r.opening_balance, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Received"), lambda r: r.received, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Used"), lambda r: r.issued, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Spoiled"), lambda r: r.spoiled, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Closing"), lambda r: r.closing_balance, ALIGN_RIGHT, CTX),
    Column(QT_TRANSLATE_NOOP("BlanksPage", "Numbers left"), lambda r: r.numbers, context=CTX),
)


@dataclass(frozen=True)
class Department:
    id: int
    name: str


@dataclass(frozen=True)
class BlanksData:
    batches: tuple[sb.Batch, ...]
    blanks: tuple[sb.Blank, ...]
    gaps: tuple[sb.BlankGap, ...]
    staff: tuple[StaffChoice, ...]
    departments: tuple[Department, ...]
    today: dt.date


def load_data(connection: Connection, organization_id: int) -> BlanksData:
    staff = tuple(StaffChoice(r.id, r.name, r.position, r.department_id) for r in connection.execute(text(
        "SELECT s.id, concat_ws(' ', s.last_name, s.first_name, nullif(s.middle_name, '')) AS name, "
        "       p.name AS position, s.department_id FROM staff_members s JOIN positions p ON p.id = s.position_id "
        " WHERE s.organization_id = :o AND (s.dismissed_on IS NULL OR s.dismissed_on > current_date) "
        " ORDER BY s.last_name, s.first_name, s.id"), {"o": organization_id}))
    departments = tuple(Department(r.id, r.name) for r in connection.execute(text(
        "SELECT id, name FROM departments WHERE organization_id = :o AND is_active ORDER BY name, id"),
        {"o": organization_id}))
    return BlanksData(tuple(sb.batches(connection, organization_id)), tuple(sb.blanks(connection, organization_id)),
                      tuple(sb.gaps(connection, organization_id)), staff, departments,
                      sb.organization_today(connection, organization_id))


class BlanksPage(QWidget):
    """Blank batches, hand-outs, the blanks, spoiling, the period report and the book of blanks."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.organization_id = session.organization_id
        self.data: BlanksData | None = None
        self.report: tuple[sb.ReportLine, ...] = ()
        self.busy = False
        self.loading = False
        self.last_pdf: bytes | None = None

        self.gaps_label = QLabel(self)
        self.gaps_label.setObjectName("gapsWarning")
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.gaps_label.setStyleSheet(
            "QLabel#gapsWarning { background: #fdecea; color: #a61b1b; border: 2px solid #d93025; "
            "border-radius: 4px; padding: 8px; font-weight: bold; }")
        self.gaps_label.hide()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("mutedLabel")

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_batches(), "")
        self.tabs.addTab(self._build_blanks(), "")
        self.tabs.addTab(self._build_report(), "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.gaps_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)
        operation_bus().changed.connect(self._on_changes)
        self.retranslate_ui()
        self.reload()

    # --- Building ------------------------------------------------------------------------------

    def _table(self, model: DtoTableModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

    def _build_batches(self) -> QWidget:
        page = QWidget(self)
        self.batches_model = DtoTableModel(BATCH_COLUMNS, parent=self)
        self.batches_view = self._table(self.batches_model)

        self.receive_box = QGroupBox(page)
        self.receive_from = QLineEdit(page)
        self.receive_to = QLineEdit(page)
        for edit in (self.receive_from, self.receive_to):
            edit.setMaxLength(14)
            edit.setPlaceholderText("000000000000")
        self.receive_date = DateEdit(page)
        self.receive_supplier = QLineEdit(page)
        self.receive_document = QLineEdit(page)
        self.receive_button = QPushButton(page)
        self.receive_button.setObjectName("primaryButton")
        self.receive_button.clicked.connect(self.receive)
        form = QFormLayout(self.receive_box)
        self.receive_labels = [QLabel(page) for _ in range(5)]
        for label, widget in zip(self.receive_labels, (self.receive_from, self.receive_to, self.receive_date,
                                                       self.receive_supplier, self.receive_document), strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.receive_button)

        self.hand_box = QGroupBox(page)
        self.hand_from = QLineEdit(page)
        self.hand_to = QLineEdit(page)
        for edit in (self.hand_from, self.hand_to):
            edit.setMaxLength(14)
            edit.setPlaceholderText("000000000000")
        self.hand_staff = StaffCombo(page, optional=True)
        self.hand_department = QComboBox(page)
        self.hand_date = DateEdit(page)
        self.hand_document = QLineEdit(page)
        self.hand_button = QPushButton(page)
        self.hand_button.setObjectName("primaryButton")
        self.hand_button.clicked.connect(self.hand_out)
        form = QFormLayout(self.hand_box)
        self.hand_labels = [QLabel(page) for _ in range(6)]
        for label, widget in zip(self.hand_labels, (self.hand_from, self.hand_to, self.hand_staff,
                                                    self.hand_department, self.hand_date, self.hand_document),
                                 strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow("", self.hand_button)

        forms = QHBoxLayout()
        forms.addWidget(self.receive_box, 1)
        forms.addWidget(self.hand_box, 1)
        self.batches_title = QLabel(page)
        self.batches_title.setObjectName("sectionTitle")
        layout = QVBoxLayout(page)
        layout.addWidget(self.batches_title)
        layout.addWidget(self.batches_view, 1)
        layout.addLayout(forms)
        return page

    def _build_blanks(self) -> QWidget:
        page = QWidget(self)
        self.blanks_model = DtoTableModel(BLANK_COLUMNS, id_attr="number", parent=self)
        self.blanks_view = self._table(self.blanks_model)
        self.state_filter = QComboBox(page)
        self.state_filter.addItem("", None)
        for state in STATE_NAMES:
            self.state_filter.addItem("", state)
        self.holder_filter = QComboBox(page)
        self.number_filter = QLineEdit(page)
        self.number_filter.setClearButtonEnabled(True)
        self.state_filter_label, self.holder_filter_label, self.number_filter_label = (QLabel(page) for _ in range(3))
        for label, widget in ((self.state_filter_label, self.state_filter),
                              (self.holder_filter_label, self.holder_filter),
                              (self.number_filter_label, self.number_filter)):
            label.setBuddy(widget)
        self.state_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.holder_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.number_filter.textChanged.connect(lambda _t: self._apply_filter())
        self.spoil_button = QPushButton(page)
        self.spoil_button.clicked.connect(self.ask_spoil)
        self.blanks_count = QLabel(page)
        self.blanks_count.setObjectName("mutedLabel")
        filters = QHBoxLayout()
        for w in (self.state_filter_label, self.state_filter, self.holder_filter_label, self.holder_filter,
                  self.number_filter_label, self.number_filter):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.spoil_button)
        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addWidget(self.blanks_view, 1)
        layout.addWidget(self.blanks_count)
        self.blanks_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        return page

    def _build_report(self) -> QWidget:
        page = QWidget(self)
        today = dt.date.today()
        self.report_from = DateEdit(page, today.replace(day=1))
        self.report_to = DateEdit(page, today)
        self.report_from_label, self.report_to_label = QLabel(page), QLabel(page)
        self.report_from_label.setBuddy(self.report_from)
        self.report_to_label.setBuddy(self.report_to)
        self.report_button = QPushButton(page)
        self.report_button.setObjectName("primaryButton")
        self.report_button.clicked.connect(self.show_report)
        self.report_pdf_button = QPushButton(page)
        self.report_pdf_button.clicked.connect(self.preview_report)
        self.book_button = QPushButton(page)
        self.book_button.clicked.connect(self.preview_book)
        self.report_model = DtoTableModel(REPORT_COLUMNS, id_attr="holder", parent=self)
        self.report_view = self._table(self.report_model)
        self.report_totals = QLabel(page)
        self.report_totals.setWordWrap(True)
        bar = QHBoxLayout()
        for w in (self.report_from_label, self.report_from, self.report_to_label, self.report_to,
                  self.report_button, self.report_pdf_button, self.book_button):
            bar.addWidget(w)
        bar.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.report_totals)
        return page

    def retranslate_ui(self) -> None:
        for index, title in enumerate((self.tr("&Batches and hand-outs"), self.tr("B&lanks"),
                                       self.tr("Re&port and book"))):
            self.tabs.setTabText(index, title)
        self.batches_title.setText(self.tr("Batches of sick-leave blanks received"))
        self.receive_box.setTitle(self.tr("Receive a batch"))
        for label, text_ in zip(self.receive_labels, (self.tr("&From No.:"), self.tr("&To No.:"),
                                                      self.tr("Recei&ved on:"), self.tr("&Supplier:"),
                                                      self.tr("&Document:")), strict=True):
            label.setText(text_)
        self.receive_button.setText(self.tr("&Receive"))
        self.hand_box.setTitle(self.tr("Hand blanks out"))
        for label, text_ in zip(self.hand_labels, (self.tr("Fro&m No.:"), self.tr("T&o No.:"),
                                                   self.tr("To staff &member:"), self.tr("To de&partment:"),
                                                   self.tr("Handed out o&n:"), self.tr("Doc&ument:")), strict=True):
            label.setText(text_)
        self.hand_button.setText(self.tr("&Hand out"))
        self.state_filter_label.setText(self.tr("&State:"))
        self.state_filter.setItemText(0, self.tr("All"))
        for index, state in enumerate(STATE_NAMES, start=1):
            self.state_filter.setItemText(index, _tr(STATE_NAMES[state]))
        self.holder_filter_label.setText(self.tr("&Holder:"))
        self.number_filter_label.setText(self.tr("&Number:"))
        self.spoil_button.setText(self.tr("Write off as s&poiled…"))
        self.report_from_label.setText(self.tr("&From:"))
        self.report_to_label.setText(self.tr("&To:"))
        self.report_button.setText(self.tr("&Show report"))
        self.report_pdf_button.setText(self.tr("Report &PDF…"))
        self.book_button.setText(self.tr("Boo&k of blanks…"))
        self._fill_choices()
        self._show_gaps()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "book_button"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Public API ----------------------------------------------------------------------------

    def error(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def reload(self) -> None:
        if self.organization_id is None:
            return
        org = self.organization_id
        self.loading = True
        session_op(self, self.session, lambda conn: load_data(conn, org), commit=False).success(
            self._show).failure(self._failed).run()

    def receive(self) -> None:
        org = self.organization_id
        first, last = self.receive_from.text(), self.receive_to.text()
        day, supplier, document = self.receive_date.value(), self.receive_supplier.text(), self.receive_document.text()

        def done() -> None:
            for edit in (self.receive_from, self.receive_to, self.receive_document):
                edit.clear()

        self._act(lambda conn: sb.receive_batch(conn, org, first, last, received_on=day, supplier=supplier,
                                                document=document),
                  self.tr("Blanks {first}–{last} received.").format(first=first.strip(), last=last.strip()), done)

    def hand_out(self) -> None:
        org = self.organization_id
        first, last = self.hand_from.text(), self.hand_to.text()
        staff, department = self.hand_staff.staff_id(), self.hand_department.currentData()
        day, document = self.hand_date.value(), self.hand_document.text()

        def done() -> None:
            for edit in (self.hand_from, self.hand_to, self.hand_document):
                edit.clear()

        self._act(lambda conn: sb.issue_blanks(conn, org, first, last, staff_member_id=staff,
                                               department_id=department, issued_on=day, document=document),
                  self.tr("Blanks {first}–{last} handed out.").format(first=first.strip(), last=last.strip()), done)

    def selected_blank(self) -> sb.Blank | None:
        index = self.blanks_view.currentIndex()
        return self.blanks_model.row_at(index) if index.isValid() else None

    def select_blank(self, number: str) -> bool:
        row = self.blanks_model.row_for_id(number)
        if row is None:
            return False
        self.blanks_view.setCurrentIndex(self.blanks_model.index(row, 0))
        return True

    def ask_spoil(self) -> None:
        blank = self.selected_blank()
        if blank is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Write off a spoiled blank"), self.tr(
            "Why is blank {number} spoiled? It can never be used afterwards.").format(number=blank.number))
        if ok:
            self.spoil(blank.number, reason)

    def spoil(self, number: str, reason: str) -> None:
        self._act(lambda conn: sb.spoil_blank(conn, number, reason),
                  self.tr("Blank {number} is written off as spoiled.").format(number=number))

    def show_report(self) -> None:
        org, first, last = self.organization_id, self.report_from.value(), self.report_to.value()
        session_op(self, self.session, lambda conn: tuple(sb.period_report(conn, org, first, last)),
                   commit=False).success(self._show_report).failure(self._failed).run()

    def preview_report(self) -> None:
        from medcenter_desktop.sick_leave_printing import blank_report_pdf

        org, first, last = self.organization_id, self.report_from.value(), self.report_to.value()
        self._preview(lambda conn: blank_report_pdf(conn, org, first, last),
                      self.tr("Report on sick-leave blanks"), f"blank-report-{first:%Y%m%d}-{last:%Y%m%d}")

    def preview_book(self) -> None:
        from medcenter_desktop.sick_leave_printing import blank_book_pdf

        org, first, last = self.organization_id, self.report_from.value(), self.report_to.value()
        self._preview(lambda conn: blank_book_pdf(conn, org, first, last),
                      self.tr("Book of sick-leave blanks"), f"blank-book-{first:%Y%m%d}-{last:%Y%m%d}")

    # --- Internals -----------------------------------------------------------------------------

    def _act(self, fn: Callable[[Connection], Any], message: str, done: Callable[[], None] | None = None) -> None:
        if self.busy or self.organization_id is None:
            return
        self.busy = True
        self._update_buttons()

        def succeeded(_result: Any) -> None:
            self.busy = False
            self.error_label.hide()
            self.status_label.setText(message)
            if done is not None:
                done()
            # the operation bus announces the change: every page showing blanks reloads (this one too)

        session_op(self, self.session, fn, CHANGES).success(succeeded).failure(self._failed).run()

    def _preview(self, fn: Callable[[Connection], bytes], title: str, stem: str) -> None:
        def show(pdf: bytes) -> None:
            from medcenter_desktop.document_preview import show_document

            self.last_pdf = pdf
            self.error_label.hide()
            show_document(self, pdf, title, stem)

        session_op(self, self.session, fn, commit=False).success(show).failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.loading = False
        self.error_label.setText(error_text(exc))
        self.error_label.show()
        self._update_buttons()

    def _show(self, data: BlanksData) -> None:
        self.loading = False
        self.data = data
        self.batches_model.set_rows(data.batches)
        self.batches_view.resizeColumnsToContents()
        self._fill_choices()
        self._apply_filter()
        self._show_gaps()
        self._update_buttons()

    def _fill_choices(self) -> None:
        if self.data is None:
            return
        self.hand_staff.set_staff(self.data.staff, self.tr("— nobody —"))
        current = self.hand_department.currentData()
        self.hand_department.clear()
        self.hand_department.addItem(self.tr("— none —"), None)
        for d in self.data.departments:
            self.hand_department.addItem(d.name, d.id)
        self.hand_department.setCurrentIndex(max(0, self.hand_department.findData(current)))
        holder = self.holder_filter.currentText()
        self.holder_filter.blockSignals(True)
        self.holder_filter.clear()
        self.holder_filter.addItem(self.tr("All"), None)
        for name in sorted({b.holder for b in self.data.blanks if b.holder}):
            self.holder_filter.addItem(name, name)
        index = self.holder_filter.findText(holder)
        self.holder_filter.setCurrentIndex(max(0, index))
        self.holder_filter.blockSignals(False)

    def filtered_blanks(self) -> list[sb.Blank]:
        if self.data is None:
            return []
        state, holder = self.state_filter.currentData(), self.holder_filter.currentData()
        number = "".join(self.number_filter.text().split())
        return [b for b in self.data.blanks if (state is None or b.state == state)
                and (holder is None or b.holder == holder) and (not number or number in b.number)]

    def _apply_filter(self) -> None:
        current = self.selected_blank()
        rows = self.filtered_blanks()
        self.blanks_model.set_rows(rows)
        self.blanks_view.resizeColumnsToContents()
        if current is not None:
            self.select_blank(current.number)
        total = len(self.data.blanks) if self.data else 0
        self.blanks_count.setText(self.tr("{shown} of {total} blanks shown.").format(shown=len(rows), total=total))
        self._update_buttons()

    def _show_gaps(self) -> None:
        gaps = self.data.gaps if self.data else ()
        if not gaps:
            self.gaps_label.hide()
            return
        lines = [self.tr("⚠ {count} blank number(s) skipped unnoticed — find the blanks or write them off as "
                         "spoiled:").format(count=len(gaps))]
        for gap in gaps[:8]:
            lines.append(self.tr("{number} ({holder}): {passed} was used on {since}, {days} days ago").format(
                number=gap.number, holder=gap.holder or self.tr("in stock"), passed=gap.passed_by,
                since=gap.since.strftime("%d.%m.%Y"), days=gap.days))
        if len(gaps) > 8:
            lines.append(self.tr("… and {count} more.").format(count=len(gaps) - 8))
        self.gaps_label.setText("\n".join(lines))
        self.gaps_label.show()

    def _show_report(self, lines: tuple[sb.ReportLine, ...]) -> None:
        self.error_label.hide()
        self.report = lines
        self.report_model.set_rows(lines)
        self.report_view.resizeColumnsToContents()
        opening = sum(r.opening_balance for r in lines)
        received = sum(r.received for r in lines)
        used = sum(r.issued for r in lines)
        spoiled = sum(r.spoiled for r in lines)
        closing = sum(r.closing_balance for r in lines)
        balanced = opening + received - used - spoiled == closing
        self.report_totals.setText(self.tr(
            "Total: opening {opening} + received {received} − used {used} − spoiled {spoiled} = closing {closing}"
            " ({verdict}).").format(opening=opening, received=received, used=used, spoiled=spoiled, closing=closing,
                                   verdict=self.tr("balances") if balanced else self.tr("DOES NOT BALANCE")))

    def _update_buttons(self) -> None:
        ready = not self.busy and self.organization_id is not None
        self.receive_button.setEnabled(ready)
        self.hand_button.setEnabled(ready)
        blank = self.selected_blank()
        self.spoil_button.setEnabled(ready and blank is not None and blank.state in ("in_stock", "issued"))

    def _on_changes(self, changes: frozenset[str]) -> None:
        if CHANGES in changes and not self.busy:
            self.reload()
