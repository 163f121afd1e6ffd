"""Showing a printed form (route sheet, invoice, booking slip, cash book, tax certificate...) before it
goes to paper: the pages on screen, Save PDF… (Ctrl+S), Print… (Ctrl+P), Open in the PDF viewer; shared
by the workstations.

The pages are drawn and printed by the shell's `medcenter_desktop.pdf_view` (QtPdf when installed,
else pypdfium2). Without either the form opens in the system's PDF viewer.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop import pdf_view
from medcenter_desktop.error_dialog import show_error
from shared.errors import DomainError

#: What the last `show_document` did (tests look): the preview dialog, or the path of the file opened.
last_shown: dict[str, object] = {}


def show_document(parent: QWidget, pdf: bytes, title: str, stem: str) -> QDialog | Path | None:
    """The preview dialog (window-modal), or the system's viewer when no renderer is installed."""
    last_shown.clear()
    if not pdf_view.can_draw_pdf():
        with tempfile.NamedTemporaryFile(prefix=f"medcenter-{stem}-", suffix=".pdf", delete=False) as file:
            file.write(pdf)
            path = Path(file.name)
        last_shown["path"] = path
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(parent, title, QCoreApplication.translate(
                "PdfDialog", "No program to show PDF files was found. The form is saved as {path}.").format(
                    path=path))
        return path
    dialog = DocumentPreviewDialog(pdf, title, stem, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    last_shown["dialog"] = dialog
    return dialog


class DocumentPreviewDialog(QDialog):
    """The pages one under another, as wide as the window; Save PDF…, Print…, Open in viewer, Close."""

    SPACING = 14

    def __init__(self, pdf: bytes, title: str, stem: str = "document", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.stem = stem
        self.setWindowTitle(title)
        self.preview = pdf_view.PdfPreview(self)
        self.preview.show_pdf(pdf)
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("mutedLabel")
        self.pages_label.setText(self.tr("Pages: {count}").format(count=self.page_count()))
        self.save_button = QPushButton(self.tr("&Save PDF… (Ctrl+S)"), self)
        self.save_button.clicked.connect(self.ask_save)
        self.open_button = QPushButton(self.tr("&Open in viewer"), self)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.print_button = QPushButton(self.tr("&Print… (Ctrl+P)"), self)
        self.print_button.setObjectName("primaryButton")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.ask_print)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(self.pages_label, 1)
        footer.addWidget(self.save_button)
        footer.addWidget(self.open_button)
        footer.addWidget(self.print_button)
        footer.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.preview, 1)
        layout.addLayout(footer)
        for sequence, slot in ((QKeySequence.StandardKey.Save, self.ask_save),
                               (QKeySequence.StandardKey.Print, self.ask_print)):
            QShortcut(sequence, self).activated.connect(slot)
        self.resize(760, 900)

    # --- Public API ------------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.preview.page_count()

    @property
    def page_labels(self) -> list[QLabel]:
        return self.preview.page_labels

    def save_to(self, path: str | Path) -> Path:
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        path.write_bytes(self.pdf)
        return path

    def ask_save(self) -> None:
        start = str(Path.home() / f"{self.stem}.pdf")
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), start, self.tr("PDF files (*.pdf)"))
        if name:
            try:
                self.save_to(name)
            except OSError as error:
                show_error(self, error)

    def ask_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            try:
                self.print_to(printer)
            except DomainError as error:
                show_error(self, error)

    def print_to(self, printer) -> int:
        """Draws every page onto ``printer``, fitted to the paper; returns how many went out."""
        return pdf_view.print_pdf(self.pdf, printer)

    def open_in_viewer(self) -> None:
        with tempfile.NamedTemporaryFile(prefix=f"medcenter-{self.stem}-", suffix=".pdf", delete=False) as file:
            file.write(self.pdf)
        QDesktopServices.openUrl(QUrl.fromLocalFile(file.name))
