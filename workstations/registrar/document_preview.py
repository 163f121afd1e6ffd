"""Showing a printed form of an order (route sheet, invoice) before it goes to paper: the pages on
screen, Save PDF… (Ctrl+S), Print… (Ctrl+P), Open in the PDF viewer.

The slip preview (`slip_preview`) needs Qt's PDF module, which PySide6-Essentials lacks; the pages
here are drawn by QtPdf when it is installed and by pypdfium2 (a dependency of the application)
otherwise. Without either the form opens in the system's PDF viewer, as the slip does.
(The head of registry's schedule printout draws pages the same way; workstations do not share code.)
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import show_error
from shared.errors import QT_TRANSLATE_NOOP, DomainError
from workstations.registrar import slip_preview

#: Print resolution cap: enough for small print on an invoice, modest for the printer's memory.
PRINT_DPI = 300

#: What the last `show_document` did (tests look): the preview dialog, or the path of the file opened.
last_shown: dict[str, object] = {}


class PrintingFailed(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The printer could not be started. Check it and try again.")


class _Pages(Protocol):
    def count(self) -> int: ...

    def size_pt(self, index: int) -> tuple[float, float]: ...

    def render(self, index: int, width: int, height: int) -> QImage: ...

    def close(self) -> None: ...


def _on_white(image: QImage) -> QImage:
    result = QImage(image.size(), QImage.Format.Format_RGB32)
    result.fill(QColor("white"))
    painter = QPainter(result)
    painter.drawImage(0, 0, image)
    painter.end()
    return result


class _QtPdfPages:
    def __init__(self, data: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument  # ImportError without the PySide6-Pdf wheel

        self._buffer = QBuffer()
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._doc = QPdfDocument(None)
        self._doc.load(self._buffer)
        if self._doc.status() != QPdfDocument.Status.Ready:
            self.close()
            raise ValueError("QtPdf could not load the document")

    def count(self) -> int:
        return self._doc.pageCount()

    def size_pt(self, index: int) -> tuple[float, float]:
        size = self._doc.pagePointSize(index)
        return size.width(), size.height()

    def render(self, index: int, width: int, height: int) -> QImage:
        return _on_white(self._doc.render(index, QSize(width, height)))

    def close(self) -> None:
        self._doc.close()
        self._buffer.close()


class _PdfiumPages:
    def __init__(self, data: bytes) -> None:
        import pypdfium2

        try:
            self._pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as error:
            raise ValueError("not a PDF") from error

    def count(self) -> int:
        return len(self._pdf)

    def size_pt(self, index: int) -> tuple[float, float]:
        width, height = self._pdf[index].get_size()
        return float(width), float(height)

    def render(self, index: int, width: int, height: int) -> QImage:
        page = self._pdf[index]
        page_w, page_h = page.get_size()
        bitmap = page.render(scale=min(width / page_w, height / page_h), rev_byteorder=True, prefer_bgrx=True)
        return QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                      QImage.Format.Format_RGBX8888).copy()

    def close(self) -> None:
        self._pdf.close()


BACKENDS: list[type] = [_QtPdfPages, _PdfiumPages]


def open_pages(data: bytes) -> _Pages | None:
    """The pages of ``data`` through the first renderer installed; None when there is none."""
    for backend in BACKENDS:
        try:
            return backend(data)
        except (ImportError, ValueError):
            continue
    return None


def can_draw_pdf() -> bool:
    pages = open_pages(_EMPTY_PDF)
    if pages is None:
        return False
    pages.close()
    return True


_EMPTY_PDF = (b"%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
              b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF")


def show_document(parent: QWidget, pdf: bytes, title: str, stem: str) -> QDialog | Path | None:
    """The preview dialog (window-modal), or the system's viewer when no renderer is installed."""
    last_shown.clear()
    if not can_draw_pdf():
        result = slip_preview.show_pdf(parent, pdf, title, stem)
        last_shown.update(slip_preview.last_shown)
        return result
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
        self._pages = open_pages(pdf)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        holder = QWidget(self.scroll)
        holder.setObjectName("documentPages")
        holder.setStyleSheet("#documentPages { background: #dfe6ea; }")
        self._pages_layout = QVBoxLayout(holder)
        self._pages_layout.setContentsMargins(self.SPACING, self.SPACING, self.SPACING, self.SPACING)
        self._pages_layout.setSpacing(self.SPACING)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_labels: list[QLabel] = []
        for _ in range(self.page_count()):
            label = QLabel(holder)
            label.setStyleSheet("background: #ffffff; border: 1px solid #9aa9b3;")
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self._pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.scroll.setWidget(holder)

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
        layout.addWidget(self.scroll, 1)
        layout.addLayout(footer)
        for sequence, slot in ((QKeySequence.StandardKey.Save, self.ask_save),
                               (QKeySequence.StandardKey.Print, self.ask_print)):
            QShortcut(sequence, self).activated.connect(slot)
        self.resize(760, 900)

    # --- Public API ------------------------------------------------------------------------------

    def page_count(self) -> int:
        return self._pages.count() if self._pages is not None else 0

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
        if self._pages is None:
            return 0
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintingFailed()
        printed = 0
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for index in range(self.page_count()):
                if printed:
                    printer.newPage()
                width_pt, height_pt = self._pages.size_pt(index)
                image = self._pages.render(index, round(width_pt / 72 * dpi), round(height_pt / 72 * dpi))
                paper = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                fitted = QSizeF(width_pt, height_pt).scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRectF(paper.x() + (paper.width() - fitted.width()) / 2,
                                         paper.y() + (paper.height() - fitted.height()) / 2,
                                         fitted.width(), fitted.height()), image)
                printed += 1
        finally:
            painter.end()
        return printed

    def open_in_viewer(self) -> None:
        with tempfile.NamedTemporaryFile(prefix=f"medcenter-{self.stem}-", suffix=".pdf", delete=False) as file:
            file.write(self.pdf)
        QDesktopServices.openUrl(QUrl.fromLocalFile(file.name))

    # --- QWidget ---------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._render()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._render()

    def done(self, result: int) -> None:
        if self._pages is not None:
            self._pages.close()
            self._pages = None
        super().done(result)

    def _render(self) -> None:
        if self._pages is None:
            return
        scrollbar = self.scroll.verticalScrollBar().sizeHint().width()
        width = max(240, self.scroll.viewport().width() - 2 * self.SPACING - scrollbar - 2)
        ratio = self.devicePixelRatioF()
        for index, label in enumerate(self.page_labels):
            w, h = self._pages.size_pt(index)
            height = round(width * h / w)
            image = self._pages.render(index, round(width * ratio), round(height * ratio))
            image.setDevicePixelRatio(ratio)
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(width + 2, height + 2)
