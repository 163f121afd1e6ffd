"""A printed form of the cash desk on screen before it goes to paper: the pages (drawn by the shell's
`pdf_view`), Save PDF… (Ctrl+S), Print… (Ctrl+P), Close (Esc). Without a PDF rasterizer the form opens
in the system's PDF viewer instead.
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


def show_pdf(parent: QWidget, pdf: bytes, title: str, stem: str) -> QDialog | Path:
    """The preview dialog (window-modal), or the path of the file handed to the system's viewer."""
    if not pdf_view.can_draw_pdf():
        with tempfile.NamedTemporaryFile(prefix=f"medcenter-{stem}-", suffix=".pdf", delete=False) as file:
            file.write(pdf)
            path = Path(file.name)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.information(parent, title, QCoreApplication.translate(
                "PdfDialog", "No program to show PDF files was found. The form is saved as {path}.").format(path=path))
        return path
    dialog = PdfDialog(pdf, title, stem, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class PdfDialog(QDialog):
    def __init__(self, pdf: bytes, title: str, stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.stem = stem
        self.setWindowTitle(title)
        self.preview = pdf_view.PdfPreview(self)
        self.preview.show_pdf(pdf)
        pages = QLabel(self.tr("Pages: {count}").format(count=self.preview.page_count()), self)
        pages.setObjectName("mutedLabel")
        save = QPushButton(self.tr("Save PDF… (Ctrl+S)"), self)
        save.clicked.connect(self.ask_save)
        self.print_button = QPushButton(self.tr("Print… (Ctrl+P)"), self)
        self.print_button.setObjectName("primaryButton")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.ask_print)
        close = QPushButton(self.tr("Close (Esc)"), self)
        close.clicked.connect(self.reject)
        footer = QHBoxLayout()
        footer.addWidget(pages, 1)
        footer.addWidget(save)
        footer.addWidget(self.print_button)
        footer.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.preview, 1)
        layout.addLayout(footer)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.ask_save)
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self.ask_print)
        self.resize(780, 900)

    def page_count(self) -> int:
        return self.preview.page_count()

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
                pdf_view.print_pdf(self.pdf, printer)
            except DomainError as error:
                show_error(self, error)
