"""PDF pages on screen and on paper, for every workstation that prints a form (the schedule poster,
the route sheet, the invoice...).

Showing and printing a PDF needs a PDF rasterizer, which PySide6-Essentials does not have: QtPdf
comes in its own wheel, PySide6-Pdf (since Qt for Python 6.12; not in PySide6-Addons).
`open_pdf_pages` uses QtPdf (`QPdfDocument`) when it is installed and pypdfium2 (a dependency of the
application) otherwise; printing draws each rasterized page onto the `QPrinter` with a `QPainter`.
Without either, callers say so and offer the system PDF viewer; saving the PDF works as always.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from shared.errors import QT_TRANSLATE_NOOP, DomainError

#: Print resolution cap: enough for small print, modest for the printer's memory.
PRINT_DPI = 300


class NoPdfRenderer(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "This installation cannot draw PDF pages (Qt's PDF module is missing). Save the PDF and print it "
        "from a PDF viewer.",
    )


class PrinterFailed(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The printer could not be started. Check it and try again.")


# --- Rasterizing PDF pages -------------------------------------------------------------------------


class PdfPages(Protocol):
    """The pages of one PDF, drawn into images."""

    def count(self) -> int: ...

    def size_pt(self, index: int) -> tuple[float, float]: ...

    def render(self, index: int, width: int, height: int) -> QImage: ...

    def close(self) -> None: ...


def _on_white(image: QImage) -> QImage:
    """``image`` over a white page (renderers may leave the background transparent)."""
    result = QImage(image.size(), QImage.Format.Format_RGB32)
    result.fill(QColor("white"))
    painter = QPainter(result)
    painter.drawImage(0, 0, image)
    painter.end()
    return result


class _QtPdfPages:
    """QtPdf (the PySide6-Pdf wheel): `QPdfDocument` reads the PDF from memory and renders pages."""

    def __init__(self, data: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument  # ImportError without PySide6-Pdf

        # A complete in-memory buffer loads at once (status Ready, or Error for a broken file).
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
    """pypdfium2 (PDFium, as Chrome uses), when it is installed."""

    def __init__(self, data: bytes) -> None:
        import pypdfium2  # ImportError when it is not installed

        self._pdf = pypdfium2.PdfDocument(data)

    def count(self) -> int:
        return len(self._pdf)

    def size_pt(self, index: int) -> tuple[float, float]:
        width, height = self._pdf[index].get_size()
        return float(width), float(height)

    def render(self, index: int, width: int, height: int) -> QImage:
        page = self._pdf[index]
        page_w, page_h = page.get_size()
        scale = min(width / page_w, height / page_h)
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGBX8888)
        return image.copy()

    def close(self) -> None:
        self._pdf.close()


#: Tried in this order; QtPdf first, as it ships with Qt.
PDF_BACKENDS: list[type] = [_QtPdfPages, _PdfiumPages]


def open_pdf_pages(data: bytes) -> PdfPages | None:
    """The pages of ``data`` through the first rasterizer installed, or None when there is none."""
    for backend in PDF_BACKENDS:
        try:
            return backend(data)
        except (ImportError, ValueError):
            continue
    return None


_EMPTY_PDF = (b"%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
              b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF")


def can_draw_pdf() -> bool:
    """Whether this installation has a PDF rasterizer at all."""
    pages = open_pdf_pages(_EMPTY_PDF)
    if pages is None:
        return False
    pages.close()
    return True


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Draws the pages of ``data`` onto ``printer`` (its page range if one was chosen); returns how
    many pages went out. Each page is rasterized at up to `PRINT_DPI` and fitted to the paper."""
    pages = open_pdf_pages(data)
    if pages is None:
        raise NoPdfRenderer()
    try:
        count = pages.count()
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterFailed()
        printed = 0
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for number in range(first, last + 1):
                if printed:
                    printer.newPage()
                width_pt, height_pt = pages.size_pt(number - 1)
                image = pages.render(number - 1, round(width_pt / 72 * dpi), round(height_pt / 72 * dpi))
                paper = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                fitted = QSizeF(width_pt, height_pt).scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRectF(paper.x() + (paper.width() - fitted.width()) / 2,
                                paper.y() + (paper.height() - fitted.height()) / 2, fitted.width(), fitted.height())
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed
    finally:
        pages.close()


# --- The preview -----------------------------------------------------------------------------------


class PdfPreview(QScrollArea):
    """The pages of a PDF one under another, as wide as the view; a notice when there is nothing."""

    SPACING = 16
    MAX_WIDTH = 1400

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.holder = QWidget(self)
        self.holder.setObjectName("pdfPreview")
        self.holder.setStyleSheet("#pdfPreview { background: #dfe6ea; }")
        self._layout = QVBoxLayout(self.holder)
        self._layout.setContentsMargins(self.SPACING, self.SPACING, self.SPACING, self.SPACING)
        self._layout.setSpacing(self.SPACING)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.notice = QLabel(self.holder)
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setObjectName("mutedLabel")
        self.notice.setMinimumWidth(320)
        self._layout.addWidget(self.notice)
        self.setWidget(self.holder)
        self.page_labels: list[QLabel] = []
        #: Fit whole pages into the view instead of the view's width.
        self.whole_page = False
        self._pages: PdfPages | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._render)

    # --- Public API ------------------------------------------------------------------------------

    def show_pdf(self, data: bytes) -> bool:
        """Shows the pages of ``data``; False when no rasterizer is installed (nothing is drawn)."""
        self._drop_pages()
        self._pages = open_pdf_pages(data)
        if self._pages is None:
            return False
        self.notice.hide()
        for _ in range(self._pages.count()):
            label = QLabel(self.holder)
            label.setStyleSheet("background: #ffffff; border: 1px solid #9aa9b3;")
            label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self._layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self._render()
        return True

    def show_notice(self, text: str) -> None:
        self._drop_pages()
        self.notice.setText(text)
        self.notice.show()

    def page_count(self) -> int:
        return self._pages.count() if self._pages is not None else 0

    def set_whole_page(self, on: bool) -> None:
        self.whole_page = on
        self._render()

    def page_image(self, index: int, width: int) -> QImage | None:
        """Page ``index`` drawn ``width`` pixels wide (for tests and thumbnails)."""
        if self._pages is None or not 0 <= index < self._pages.count():
            return None
        w, h = self._pages.size_pt(index)
        return self._pages.render(index, width, round(width * h / w))

    # --- QWidget ---------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._pages is not None:
            self._timer.start()

    # --- Internals -------------------------------------------------------------------------------

    def _drop_pages(self) -> None:
        for label in self.page_labels:
            self._layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        if self._pages is not None:
            self._pages.close()
            self._pages = None

    def _render(self) -> None:
        if self._pages is None:
            return
        scrollbar = self.verticalScrollBar().sizeHint().width()
        fit_width = max(200, min(self.MAX_WIDTH, self.viewport().width() - 2 * self.SPACING - scrollbar - 2))
        fit_height = max(150, self.viewport().height() - 2 * self.SPACING - 2)
        ratio = self.devicePixelRatioF()
        for index, label in enumerate(self.page_labels):
            w, h = self._pages.size_pt(index)
            width = min(fit_width, round(fit_height * w / h)) if self.whole_page else fit_width
            height = round(width * h / w)
            image = self._pages.render(index, round(width * ratio), round(height * ratio))
            image.setDevicePixelRatio(ratio)
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(width + 2, height + 2)


