"""The cash desk's documents: the day's sheet of the cash book (КО-4, the organization's, all desks) and
the certificate of payment for medical services for the tax deduction (КНД 1151156) for a client and a
tax year, with the certificates already issued to that client (Enter shows one again).

Cash book sheet (Ctrl+K) and Issue certificate (Ctrl+I) open the form in a preview to save or print.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.document_preview import show_document
from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.table_model import ALIGN_RIGHT, Column, DtoTableModel
from printing.cash_book import render_cash_book
from printing.tax_certificate import render_tax_certificate
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import cash_reports
from shared.services.cash_reports import IssuedCertificate
from workstations.cashier.client_finder import (
    ClientFinder,
    Customer,
    configure_list,
    fit_columns,
    load_customer,
)
from workstations.cashier.desk import DeskControl
from workstations.cashier.texts import money_text

FIRST_TAX_YEAR = 2024  # the form is for expenses from 2024

ISSUED_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DocumentsPage", "Year"), lambda c: c.tax_year, ALIGN_RIGHT, "DocumentsPage"),
    Column(QT_TRANSLATE_NOOP("DocumentsPage", "No."), lambda c: c.number, ALIGN_RIGHT, "DocumentsPage"),
    Column(QT_TRANSLATE_NOOP("DocumentsPage", "Correction"), lambda c: c.correction_number, ALIGN_RIGHT,
           "DocumentsPage"),
    Column(QT_TRANSLATE_NOOP("DocumentsPage", "Issued"), lambda c: c.issued_on, context="DocumentsPage"),
    Column(QT_TRANSLATE_NOOP("DocumentsPage", "Code 1"), lambda c: money_text(c.amount_code_1), ALIGN_RIGHT,
           "DocumentsPage"),
    Column(QT_TRANSLATE_NOOP("DocumentsPage", "Code 2"), lambda c: money_text(c.amount_code_2), ALIGN_RIGHT,
           "DocumentsPage"),
    Column(QT_TRANSLATE_NOOP("DocumentsPage", "Taxpayer"), lambda c: c.taxpayer_name, context="DocumentsPage"),
)


def cash_book_pdf(conn, desk, day: dt.date) -> bytes:
    return render_cash_book([cash_reports.cash_book(conn, desk, day)])


def certificate_pdf(conn, certificate_id: int) -> bytes:
    return render_tax_certificate(cash_reports.tax_certificate(conn, certificate_id))


def issue_certificate(conn, patient_id: int, tax_year: int, **details) -> tuple[int, bytes]:
    certificate_id = cash_reports.issue_tax_certificate(conn, patient_id, tax_year, **details)
    conn.commit()
    return certificate_id, certificate_pdf(conn, certificate_id)


class DocumentsPage(QWidget):
    def __init__(self, desk: DeskControl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.patient: Customer | None = None
        self.taxpayer: Customer | None = None
        self.amounts: tuple | None = None
        self.last_pdf: bytes | None = None
        self.last_certificate_id: int | None = None
        self.preview = None

        # The cash book.
        self.book_group = QGroupBox(self)
        self.book_day = QDateEdit(QDate.currentDate(), self)
        self.book_day.setCalendarPopup(True)
        self.book_day.setDisplayFormat("dd.MM.yyyy")
        self.book_button = QPushButton(self)
        self.book_button.clicked.connect(self.show_cash_book)
        self.book_hint = QLabel(self)
        self.book_hint.setObjectName("mutedLabel")
        self.book_hint.setWordWrap(True)
        self.book_day_caption = QLabel(self)
        book = QHBoxLayout(self.book_group)
        book.addWidget(self.book_day_caption)
        book.addWidget(self.book_day)
        book.addWidget(self.book_button)
        book.addWidget(self.book_hint, 1)

        # The tax certificate.
        self.tax_group = QGroupBox(self)
        self.finder = ClientFinder(desk, self)
        self.finder.setMaximumHeight(170)
        self.patient_label = QLabel(self)
        self.patient_label.setObjectName("sectionTitle")
        self.patient_label.setWordWrap(True)
        self.issued_caption = QLabel(self)
        self.issued_model = DtoTableModel(ISSUED_COLUMNS, parent=self)
        self.issued_view = QTableView(self)
        self.issued_view.setModel(self.issued_model)
        configure_list(self.issued_view)
        self.year_combo = QComboBox(self)
        this_year = dt.date.today().year
        for year in range(max(FIRST_TAX_YEAR, this_year), FIRST_TAX_YEAR - 1, -1):
            self.year_combo.addItem(str(year), year)
        # Certificates are mostly asked for the year just ended.
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(this_year - 1)))
        self.year_combo.setFixedWidth(110)
        self.amounts_label = QLabel(self)
        self.amounts_label.setWordWrap(True)
        self.other_taxpayer = QCheckBox(self)
        self.taxpayer_finder = ClientFinder(desk, self)
        self.taxpayer_finder.setMaximumHeight(140)
        self.taxpayer_label = QLabel(self)
        self.taxpayer_inn = QLineEdit(self)
        self.taxpayer_inn.setMaxLength(12)
        self.patient_inn = QLineEdit(self)
        self.patient_inn.setMaxLength(12)
        self.signer_name = QLineEdit(self)
        self.signer_position = QLineEdit(self)
        self.issue_button = QPushButton(self)
        self.issue_button.setObjectName("primaryButton")
        self.issue_button.clicked.connect(self.issue)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("errorLabel")
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.form = QFormLayout()
        self.form.setVerticalSpacing(6)
        self.captions = {name: QLabel(self) for name in ("year", "paid", "taxpayer_inn", "patient_inn", "signer",
                                                         "position")}
        self.form.addRow(self.captions["year"], self.year_combo)
        self.form.addRow(self.captions["paid"], self.amounts_label)
        self.form.addRow(self.other_taxpayer)
        self.form.addRow(self.taxpayer_finder)
        self.form.addRow(self.taxpayer_label)
        self.form.addRow(self.captions["taxpayer_inn"], self.taxpayer_inn)
        self.form.addRow(self.captions["patient_inn"], self.patient_inn)
        self.form.addRow(self.captions["signer"], self.signer_name)
        self.form.addRow(self.captions["position"], self.signer_position)
        left = QVBoxLayout()
        left.addWidget(self.finder)
        left.addWidget(self.patient_label)
        left.addWidget(self.issued_caption)
        left.addWidget(self.issued_view, 1)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(self.message_label)
        right.addStretch(1)
        right.addWidget(self.issue_button)
        tax = QHBoxLayout(self.tax_group)
        tax.setSpacing(16)
        tax.addLayout(left, 1)
        tax.addLayout(right, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.setSpacing(10)
        layout.addWidget(self.book_group)
        layout.addWidget(self.tax_group, 1)

        self.finder.client_chosen.connect(lambda pid: self._choose(pid, taxpayer=False))
        self.finder.order_chosen.connect(lambda _order: None)
        self.taxpayer_finder.client_chosen.connect(lambda pid: self._choose(pid, taxpayer=True))
        self.year_combo.currentIndexChanged.connect(lambda _index: self._load_amounts())
        self.other_taxpayer.toggled.connect(lambda _on: self._taxpayer_fields())
        self.issued_view.doubleClicked.connect(lambda index: self.show_certificate(self.issued_model.row_at(index)))
        self.issued_view.installEventFilter(self)
        for sequence, slot in (("Ctrl+K", self.show_cash_book), ("Ctrl+I", self.issue)):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.retranslate_ui()
        self._taxpayer_fields()

    # --- Public API ------------------------------------------------------------------------------

    def show_cash_book(self) -> bool:
        desk = self.desk.desk
        if desk is None:
            self._show_message(self.tr("The cash desk is not connected: see the notice at the top."))
            return False
        day = self.book_day.date().toPython()
        self.book_button.setEnabled(False)
        title = self.tr("Cash book sheet of {day}").format(day=day.strftime("%d.%m.%Y"))

        def shown(pdf: bytes) -> None:
            self.book_button.setEnabled(True)
            self._preview(pdf, title, f"cash-book-{day.isoformat()}")

        return self.desk.read(lambda conn: cash_book_pdf(conn, desk, day), shown, self._failed)

    def tax_year(self) -> int:
        return int(self.year_combo.currentData())

    def set_tax_year(self, year: int) -> None:
        self.year_combo.setCurrentIndex(self.year_combo.findData(year))

    def open_patient(self, patient_id: int) -> None:
        self._choose(patient_id, taxpayer=False)

    def issue(self) -> bool:
        if self.patient is None or self.patient.patient_id is None:
            self._show_message(self.tr("Find the client (the patient) first."))
            return False
        details = {"taxpayer_inn": self.taxpayer_inn.text().strip(),
                   "signer_name": self.signer_name.text().strip(),
                   "signer_position": self.signer_position.text().strip()}
        if self.other_taxpayer.isChecked():
            if self.taxpayer is None:
                self._show_message(self.tr("Find the taxpayer who paid for the patient."))
                return False
            details["taxpayer_patient_id"] = self.taxpayer.patient_id
            details["patient_inn"] = self.patient_inn.text().strip()
        patient_id, year = self.patient.patient_id, self.tax_year()
        self.message_label.hide()
        self.issue_button.setEnabled(False)
        title = self.tr("Tax deduction certificate for {year}").format(year=year)

        def issued(answer: tuple[int, bytes]) -> None:
            self.issue_button.setEnabled(True)
            self.last_certificate_id, pdf = answer
            self._preview(pdf, title, f"tax-certificate-{year}")
            self._load_issued()

        return self.desk.read(lambda conn: issue_certificate(conn, patient_id, year, **details), issued,
                              self._failed)

    def show_certificate(self, certificate: IssuedCertificate | None) -> bool:
        if certificate is None:
            return False
        title = self.tr("Tax deduction certificate for {year}").format(year=certificate.tax_year)
        return self.desk.read(lambda conn: certificate_pdf(conn, certificate.id),
                              lambda pdf: self._preview(pdf, title, f"tax-certificate-{certificate.tax_year}"),
                              self._failed)

    def retranslate_ui(self) -> None:
        fit_columns(self.issued_view, {0: 50, 1: 44, 2: 96, 3: 90, 4: 96, 5: 96})
        self.book_group.setTitle(self.tr("Cash book (form KO-4)"))
        self.book_day_caption.setText(self.tr("Day"))
        self.book_button.setText(self.tr("Cash book sheet… (Ctrl+K)"))
        self.book_hint.setText(self.tr("The organization's sheet for the day: every desk's cash receipts and "
                                       "expenses, numbered through the year."))
        self.tax_group.setTitle(self.tr("Certificate of payment for medical services for the tax office "
                                        "(KND 1151156)"))
        self.issued_caption.setText(self.tr("Certificates issued to this client (Enter shows one)"))
        self.captions["year"].setText(self.tr("Tax year"))
        self.captions["paid"].setText(self.tr("Paid"))
        self.captions["taxpayer_inn"].setText(self.tr("Taxpayer's INN"))
        self.captions["patient_inn"].setText(self.tr("Patient's INN"))
        self.captions["signer"].setText(self.tr("Signed by"))
        self.captions["position"].setText(self.tr("Position"))
        self.other_taxpayer.setText(self.tr("Paid by another person (a parent, a spouse)"))
        self.taxpayer_inn.setPlaceholderText(self.tr("12 digits; without it, the identity document"))
        self.patient_inn.setPlaceholderText(self.tr("12 digits, when known"))
        self.signer_name.setPlaceholderText(self.tr("you, when empty"))
        self.signer_position.setPlaceholderText(self.tr("your position, when empty"))
        self.issue_button.setText(self.tr("Issue certificate (Ctrl+I)"))
        self._show_people()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.issued_view and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.show_certificate(self.issued_model.row_at(self.issued_view.currentIndex()))
            return True
        return super().eventFilter(watched, event)

    # --- Internals -------------------------------------------------------------------------------

    def _choose(self, patient_id: int, *, taxpayer: bool) -> None:
        def chosen(customer: Customer) -> None:
            if taxpayer:
                self.taxpayer = customer
            else:
                self.patient = customer
                self._load_amounts()
                self._load_issued()
            self._show_people()

        self.desk.read(lambda conn: load_customer(conn, patient_id=patient_id), chosen, self._failed)

    def _load_amounts(self) -> None:
        self.amounts = None
        self._show_people()
        if self.patient is None or self.patient.patient_id is None:
            return
        patient_id, year = self.patient.patient_id, self.tax_year()

        def arrived(amounts) -> None:
            if self.patient is not None and self.patient.patient_id == patient_id and self.tax_year() == year:
                self.amounts = amounts
                self._show_people()

        self.desk.read(lambda conn: cash_reports.tax_amounts(conn, patient_id, year), arrived, self._failed)

    def _load_issued(self) -> None:
        if self.patient is None or self.patient.patient_id is None:
            self.issued_model.set_rows([])
            return
        patient_id = self.patient.patient_id
        self.desk.read(lambda conn: cash_reports.tax_certificates(conn, patient_id),
                       lambda rows: self.issued_model.set_rows(rows) if self.patient and
                       self.patient.patient_id == patient_id else None, self._failed)

    def _show_people(self) -> None:
        self.patient_label.setText(self.patient.name if self.patient else self.tr("Find the client (the patient)."))
        if self.amounts is None:
            self.amounts_label.setText("\u2014")
        else:
            self.amounts_label.setText(self.tr("code 1 (services): {one}\ncode 2 (expensive treatment): {two}").format(
                one=money_text(self.amounts[0]), two=money_text(self.amounts[1])))
        self.taxpayer_label.setText(self.tr("Taxpayer: {name}").format(name=self.taxpayer.name) if self.taxpayer
                                    else self.tr("Taxpayer: find them above"))

    def _taxpayer_fields(self) -> None:
        other = self.other_taxpayer.isChecked()
        self.taxpayer_finder.setVisible(other)
        self.taxpayer_label.setVisible(other)
        self.patient_inn.setEnabled(other)
        self.captions["patient_inn"].setEnabled(other)

    def _preview(self, pdf: bytes, title: str, stem: str) -> None:
        self.last_pdf = pdf
        self.preview = show_document(self, pdf, title, stem)

    def _failed(self, exc: Exception) -> None:
        self.book_button.setEnabled(True)
        self.issue_button.setEnabled(True)
        self._show_message(error_text(exc))

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
