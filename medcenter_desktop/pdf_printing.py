"""Printing a PDF at actual size (100 %, never "fit to page"), for forms printed on preprinted blanks
and the printer calibration page.

`pdf_view.print_pdf` fits each page into the paper, which is right for a schedule poster but moves and
shrinks a form by the printer's unprintable margins. Here every page is rasterized with pypdfium2 at
the printer's resolution (at most `MAX_DPI`) and painted with ``QPrinter.setFullPage(True)`` from the
paper's top-left corner at exactly its physical size: a point x mm from the PDF page's left edge lands
x mm from the paper's left edge. The printer profile is the only correction.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from medcenter_desktop.pdf_view import NoPdfRenderer, PrinterFailed

#: A form needs no more (the DataMatrix modules are whole 600 dpi dots); more costs printer memory.
MAX_DPI = 600
POINTS_PER_INCH = 72.0


def page_size_of(width_pt: float, height_pt: float) -> QPageSize:
    """The standard paper size (A4...) of a page of that many points, else a custom one."""
    return QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)


def prepare_printer(printer: QPrinter, width_pt: float = 595.2756, height_pt: float = 841.8898) -> None:
    """Paper of the page's size (A4 by default), portrait, full page, no margins: call before the
    print dialog so that it offers the right paper."""
    printer.setFullPage(True)
    orientation = QPageLayout.Orientation.Landscape if width_pt > height_pt else QPageLayout.Orientation.Portrait
    size = page_size_of(min(width_pt, height_pt), max(width_pt, height_pt))
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))


def rasterize_page(pdf, index: int, dpi: float, *, color: bool = False) -> QImage:
    """Page ``index`` of an open ``pypdfium2.PdfDocument`` at ``dpi``, on white (grayscale unless ``color``)."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=dpi / POINTS_PER_INCH, grayscale=not color, rev_byteorder=color,
                             prefer_bgrx=color)
        fmt = QImage.Format.Format_RGBX8888 if color else QImage.Format.Format_Grayscale8
        if not color and bitmap.n_channels != 1:  # older PDFium builds give BGR for grayscale renders
            fmt = QImage.Format.Format_BGR888 if bitmap.n_channels == 3 else QImage.Format.Format_RGB32
        image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
        return image.copy()
    finally:
        page.close()


def print_pdf_actual_size(data: bytes, printer: QPrinter, *, color: bool = False) -> int:
    """Prints every page of ``data`` (its page range when one was chosen) at 100 %: the page's
    top-left corner on the paper's top-left corner, one PDF millimetre one paper millimetre.
    Returns how many pages went out. NoPdfRenderer without pypdfium2, PrinterFailed when the
    printer cannot be started."""
    try:
        import pypdfium2
    except ImportError:
        raise NoPdfRenderer() from None
    pdf = pypdfium2.PdfDocument(data)
    try:
        count = len(pdf)
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
        if first > last:
            return 0
        width_pt, height_pt = (float(v) for v in pdf[first - 1].get_size())
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat or not _paper_fits(printer, width_pt, height_pt):
            prepare_printer(printer, width_pt, height_pt)
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterFailed()
        printed = 0
        try:
            resolution = printer.resolution()
            dpi = min(resolution, MAX_DPI)
            for number in range(first, last + 1):
                if printed:
                    printer.newPage()
                width_pt, height_pt = (float(v) for v in pdf[number - 1].get_size())
                image = rasterize_page(pdf, number - 1, dpi, color=color)
                # Exactly the page's physical size in device pixels, from the paper's corner (full page).
                target = QRectF(0.0, 0.0, width_pt / POINTS_PER_INCH * resolution,
                                height_pt / POINTS_PER_INCH * resolution)
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed
    finally:
        pdf.close()


def _paper_fits(printer: QPrinter, width_pt: float, height_pt: float) -> bool:
    """Whether the paper chosen is the page's size (within a millimetre), either way round."""
    paper = printer.pageLayout().fullRect(QPageLayout.Unit.Point)
    tolerance = POINTS_PER_INCH / 25.4
    return abs(paper.width() - width_pt) <= tolerance and abs(paper.height() - height_pt) <= tolerance
