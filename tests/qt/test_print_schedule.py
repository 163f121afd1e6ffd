"""Printing the week's work schedule at the head of registry's workstation against the real database:
the PDF of the current week names the organization and a doctor of the demo clinic; the page previews
it, saves it, and prints it through a QPrinter (here one that writes a PDF file, which must look like
the original); without a PDF rasterizer the page says so and hands the PDF to the system viewer."""

from __future__ import annotations

import datetime as dt
import io

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageFilter, ImageStat
from PySide6.QtCore import QDate
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from medcenter_desktop import pdf_view
from medcenter_desktop.login_service import log_in
from medcenter_desktop.operations import wait_for_background_ops
from shared.demo.generator import DEMO_PASSWORD
from tests.qt.clinic_login import settings_for
from workstations.head_of_registry import print_page
from workstations.head_of_registry.calendar_ops import monday_of
from workstations.head_of_registry.print_page import PrintSchedulePage, schedule_pdf

TIMEOUT = 30000


@pytest.fixture
def session(clinic):
    session = log_in(settings_for(clinic, "REG-HEAD"), "headregistry", DEMO_PASSWORD)
    yield session
    wait_for_background_ops(TIMEOUT)
    session.close()


@pytest.fixture
def page(qtbot, session):
    page = PrintSchedulePage(session)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    page.show()
    return page


def texts(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    return " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in pdf)


def ink(page) -> Image.Image:
    """Page at 100 dpi, dark pixels white, the rest black."""
    return page.render(scale=100 / 72).to_pil().convert("L").point(lambda v: 255 if v < 128 else 0)


def ink_share(image: Image.Image) -> float:
    return ImageStat.Stat(image).mean[0] / 255


def demo_names(clinic, organization_id: int, monday: dt.date) -> tuple[str, str]:
    """The organization's name and "Surname I." of a doctor working that week, read as the owner."""
    with clinic.connect() as conn:
        organization = conn.execute("SELECT name FROM organizations WHERE id = %s", (organization_id,)).fetchone()[0]
        last, first = conn.execute(
            "SELECT s.last_name, s.first_name FROM schedule_intervals i "
            "JOIN schedule_resources r ON r.id = i.resource_id JOIN staff_members s ON s.id = r.staff_member_id "
            "WHERE i.organization_id = %s AND i.kind = 'work' AND i.day BETWEEN %s AND %s "
            "ORDER BY s.last_name LIMIT 1", (organization_id, monday, monday + dt.timedelta(days=6))).fetchone()
    return organization, f"{last} {first[0]}."


def test_week_pdf_names_the_organization_and_its_doctors(clinic, session, tmp_path):
    monday = monday_of(dt.date.today())
    with session.uow() as uow:
        data = schedule_pdf(uow.session.connection(), session.organization_id, monday)
    assert data.startswith(b"%PDF")
    organization, doctor = demo_names(clinic, session.organization_id, monday)
    text = texts(data)
    assert organization in text
    assert doctor in text
    assert monday.strftime("%d.%m.%Y") in text or str(monday.day) in text
    pdf = pdfium.PdfDocument(data)
    width, height = pdf[0].get_size()
    assert width > height  # A4 landscape
    image = pdf[0].render(scale=110 / 72).to_pil()
    assert image.save(str(tmp_path / "work-schedule-page1.png")) is None


@pytest.mark.parametrize("backend", ["_QtPdfPages", "_PdfiumPages"])
def test_rasterizers_draw_the_page_where_it_is(backend):
    """Each rasterizer the page may use (QtPdf only where PySide6-Pdf is installed) draws a square of an
    A4 landscape page at its place: 100 to 200 pt from the left and the bottom."""
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=landscape(A4))
    drawing.rect(100, 100, 100, 100, stroke=0, fill=1)
    drawing.showPage()
    drawing.save()
    try:
        pages = getattr(pdf_view, backend)(buffer.getvalue())
    except ImportError:
        pytest.skip(f"{backend}: its library is not installed")
    try:
        assert pages.count() == 1
        width, height = pages.size_pt(0)
        assert abs(width - 841.9) < 1 and abs(height - 595.3) < 1
        image = pages.render(0, 842, 595)
        assert (image.width(), image.height()) == (842, 595)
        assert image.pixelColor(150, 595 - 150).name() == "#000000"
        assert image.pixelColor(95, 595 - 150).name() == "#ffffff"
        assert image.pixelColor(150, 595 - 205).name() == "#ffffff"
    finally:
        pages.close()


def test_week_snaps_to_monday_and_moves_by_weeks(page):
    wednesday = dt.date(2026, 3, 11)
    page.date_edit.setDate(QDate(2026, 3, 11))
    assert page.week == dt.date(2026, 3, 9) == monday_of(wednesday)
    assert page.date_edit.date().toPython() == dt.date(2026, 3, 9)
    assert page.period_label.text() == "09.03.2026 – 15.03.2026"
    page.next_button.click()
    assert page.week == dt.date(2026, 3, 16)
    page.prev_button.click()
    page.prev_button.click()
    assert page.week == dt.date(2026, 3, 2)
    page.this_week_button.click()
    assert page.week == monday_of(dt.date.today())


def test_preview_save_and_print(qtbot, page, session, clinic, tmp_path, no_message_boxes):
    assert page.pdf is None and page.preview.notice.isVisible()
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.pdf is not None and not page.busy, timeout=TIMEOUT)
    assert page.pdf.startswith(b"%PDF") and page.pdf_week == monday_of(dt.date.today())
    pages = page.preview.page_count()
    assert pages >= 1 and len(page.preview.page_labels) == pages
    assert not page.preview.page_labels[0].pixmap().isNull()
    assert f"{pages} page" in page.status_label.text()
    organization, _doctor = demo_names(clinic, session.organization_id, page.week)
    assert organization in texts(page.pdf)

    QApplication.processEvents()
    page.preview._render()
    assert page.grab().save(str(tmp_path / "print-schedule-page.png"))
    width = page.preview.page_labels[0].width()
    page.whole_page_check.setChecked(True)
    assert page.preview.page_labels[0].height() <= page.preview.viewport().height()
    assert page.preview.page_labels[0].width() < width
    assert page.grab().save(str(tmp_path / "print-schedule-whole-page.png"))

    # Save PDF… writes what the preview shows.
    page.save_to(tmp_path / "schedule.pdf")
    assert (tmp_path / "schedule.pdf").read_bytes() == page.pdf
    assert "Saved to" in page.status_label.text()

    # Print… onto a printer that writes a PDF: the same pages, looking the same.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    page.print_to(printer)
    assert page.status_label.text() == f"Sent to the printer: {pages} page(s)."
    printed = pdfium.PdfDocument((tmp_path / "printed.pdf").read_bytes())
    original = pdfium.PdfDocument(page.pdf)
    assert len(printed) == pages
    want, got = ink(original[0]), ink(printed[0])
    assert all(abs(p - q) <= 2 for p, q in zip(want.getbbox(), got.getbbox(), strict=True))
    # Whatever the printer got lies on the original's ink (a page shifted by 3 px fails this at 20 %).
    assert ink_share(ImageChops.subtract(got, want.filter(ImageFilter.MaxFilter(3)))) < 0.05 * ink_share(got)

    # A page range chosen in the print dialog prints only those pages.
    last_only = QPrinter(QPrinter.PrinterMode.HighResolution)
    last_only.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    last_only.setOutputFileName(str(tmp_path / "last-page.pdf"))
    last_only.setPrintRange(QPrinter.PrintRange.PageRange)
    last_only.setFromTo(pages, pages)
    assert print_page.print_pdf(page.pdf, last_only) == 1
    assert len(pdfium.PdfDocument((tmp_path / "last-page.pdf").read_bytes())) == 1

    # Another week: the old PDF is not used for it; saving builds the chosen week first.
    page.next_button.click()
    assert not page.has_current_pdf() and "Press Preview" in page.status_label.text()
    page.save_to(tmp_path / "next.pdf")
    qtbot.waitUntil(lambda: (tmp_path / "next.pdf").exists(), timeout=TIMEOUT)
    assert page.pdf_week == page.week and (tmp_path / "next.pdf").read_bytes() == page.pdf
    assert no_message_boxes == []


def test_without_a_rasterizer_the_pdf_goes_to_the_system_viewer(qtbot, page, monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_view, "PDF_BACKENDS", [])
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())))
    page.preview_button.click()
    qtbot.waitUntil(lambda: page.pdf is not None and not page.busy, timeout=TIMEOUT)
    assert page.preview.page_count() == 0 and "cannot draw PDF pages" in page.preview.notice.text()

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "never.pdf"))
    page.print_to(printer)
    assert "Save the PDF" in page.status_label.text() and page.status_label.objectName() == "errorLabel"
    assert len(opened) == 1 and opened[0].endswith(".pdf")
    with open(opened[0], "rb") as file:
        assert file.read() == page.pdf
