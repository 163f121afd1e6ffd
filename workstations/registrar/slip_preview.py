"""Showing and printing a booking slip.

The PDF is built on a worker thread (`booking_ops.slip_pdf`). Where Qt's PDF module is installed
(PySide6-Addons) the slip opens in a preview with a Print button; otherwise it is written to a
temporary file and opened in the system's PDF viewer, which prints it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from workstations.registrar import booking_ops

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

#: What the last `show_pdf` did (tests look): the preview dialog, or the path of the file opened.
last_shown: dict[str, object] = {}


def pdf_preview_available() -> bool:
    try:
        from PySide6.QtPdf import QPdfDocument  # noqa: F401
        from PySide6.QtPdfWidgets import QPdfView  # noqa: F401
    except ImportError:
        return False
    return True


def show_slip(parent: QWidget, session: AppSession, booking_id: int) -> None:
    """Builds the slip of the booking in the background, then shows it."""
    title = QCoreApplication.translate("Booking", "Appointment slip No. {number}").format(number=booking_id)
    booking_ops.slip_pdf(parent=parent, session=session, booking_id=booking_id).success(
        lambda pdf: show_pdf(parent, pdf, title, f"slip-{booking_id}")).run()


def show_pdf(parent: QWidget, pdf: bytes, title: str, stem: str = "document") -> QDialog | Path | None:
    """A preview dialog with Print when Qt can show PDFs, else the system's viewer on a temporary file."""
    last_shown.clear()
    if pdf_preview_available():
        dialog = PdfPreviewDialog(pdf, title, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        last_shown["dialog"] = dialog
        return dialog
    with tempfile.NamedTemporaryFile(prefix=f"medcenter-{stem}-", suffix=".pdf", delete=False) as file:
        file.write(pdf)
        path = Path(file.name)
    last_shown["path"] = path
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "Booking", "No program to show PDF files was found. The slip is saved as {path}.").format(path=path))
    return path


class PdfPreviewDialog(QDialog):
    """The PDF on screen (Qt PDF module), with Print."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        super().__init__(parent)
        self.setWindowTitle(title)
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        print_button = buttons.addButton(QCoreApplication.translate("Booking", "&Print…"),
                                         QDialogButtonBox.ButtonRole.ActionRole)
        print_button.setDefault(True)
        print_button.clicked.connect(self.print_document)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(520, 720)

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport()
                size = self.document.pagePointSize(page).toSize().scaled(
                    target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                image = self.document.render(page, QSize(size.width(), size.height()))
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
