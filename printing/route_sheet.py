"""The patient's route sheet for an order (A4 portrait PDF, as many pages as needed).

A header with the organization, the order and the patient, then one numbered table row per stop in
the order of the visit: time, service, doctor, office, department, whether it is paid and who pays.
A stop's preparation instructions print in a row of their own right under it; the two never part
between pages. The column headers repeat on every page; every page's footer carries who issued the
sheet and when, "page N of M", the order number and the patient.

Times print in each stop's own zone (the organization's); the print time in the zone of the first
booked stop, so a workstation in another zone still prints the clinic's local time.
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from shared.services.order_documents import RouteSheet, RouteStop

from ._common import cut_to_height, date_ru, datetime_ru, fit_text, in_zone, italic_font, markup
from .fonts import register_fonts

PAGE_SIZE = A4  # 210 x 297 mm, portrait
MARGIN_LEFT = MARGIN_RIGHT = 12 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 19 * mm  # the page footer lives below the frame
FOOTER_RULE_Y = 14.5 * mm
FOOTER_Y = 10.5 * mm  # "Выдал: ..." and the page number
RUNNING_Y = 7 * mm  # the order and the patient, for pages that come apart

TITLE = "Маршрутный лист"
NOT_BOOKED = "не записан"
PAID = "оплачено"
TO_PAY = "к оплате"

# Column widths; the service takes what is left of the frame width.
NUMBER_WIDTH = 7 * mm
TIME_WIDTH = 24 * mm  # "09:00–09:15" in bold on one line
DOCTOR_WIDTH = 31 * mm
OFFICE_WIDTH = 22 * mm
DEPARTMENT_WIDTH = 30 * mm  # "функциональной" unbroken
PAYMENT_WIDTH = 24 * mm

CELL_PADDING = 3  # points, left and right in every cell
# No table row is taller than this: longer texts continue in further rows (a row never splits).
ROW_LIMIT = 110 * mm

HEADERS = ("№", "Время", "Услуга", "Врач", "Кабинет", "Отделение", "Оплата")

_GRID = colors.HexColor("#7F7F7F")
_HEADER_BG = colors.HexColor("#E3E3E3")
_ALT_BG = colors.HexColor("#F5F5F5")
_MUTED = colors.HexColor("#555555")
_RULE = colors.HexColor("#777777")


class _Styles:
    def __init__(self) -> None:
        fonts = register_fonts()
        self.regular, self.bold, self.italic = fonts.regular, fonts.bold, italic_font()
        self.org = ParagraphStyle("org", fontName=self.bold, fontSize=11.5, leading=14)
        self.org_line = ParagraphStyle(
            "org_line", fontName=self.regular, fontSize=8.5, leading=10.5, textColor=_MUTED
        )
        self.title = ParagraphStyle("title", fontName=self.bold, fontSize=16, leading=19, alignment=TA_CENTER)
        self.subtitle = ParagraphStyle(
            "subtitle", fontName=self.regular, fontSize=10.5, leading=13, alignment=TA_CENTER
        )
        self.label = ParagraphStyle("label", fontName=self.regular, fontSize=9.5, leading=12, textColor=_MUTED)
        self.patient = ParagraphStyle("patient", fontName=self.bold, fontSize=11.5, leading=14)
        self.value = ParagraphStyle("value", fontName=self.regular, fontSize=10, leading=12.5)
        self.head = ParagraphStyle("head", fontName=self.bold, fontSize=8, leading=9.6, alignment=TA_CENTER)
        # Words wider than their column are split (splitLongWords); reportlab's embeddedHyphenation
        # would break double names at the hyphen but lets the second half overflow the cell.
        self.cell = ParagraphStyle("cell", fontName=self.regular, fontSize=8.5, leading=10.3)
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell, alignment=TA_CENTER)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=self.bold)
        self.cell_muted = ParagraphStyle("cell_muted", parent=self.cell, textColor=_MUTED)
        self.paid = ParagraphStyle("paid", parent=self.cell, alignment=TA_CENTER)
        self.to_pay = ParagraphStyle("to_pay", parent=self.paid, fontName=self.bold)
        self.payer = ParagraphStyle(
            "payer", fontName=self.regular, fontSize=7.5, leading=9, alignment=TA_CENTER, textColor=_MUTED
        )
        self.preparation = ParagraphStyle(
            "preparation", fontName=self.italic, fontSize=7.5, leading=9.2
        )
        self.note = ParagraphStyle("note", fontName=self.regular, fontSize=9.5, leading=12, textColor=_MUTED)


def _frame_width() -> float:
    return PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT


def column_widths() -> list[float]:
    fixed = [NUMBER_WIDTH, TIME_WIDTH, DOCTOR_WIDTH, OFFICE_WIDTH, DEPARTMENT_WIDTH, PAYMENT_WIDTH]
    service = _frame_width() - sum(fixed)
    return [NUMBER_WIDTH, TIME_WIDTH, service, DOCTOR_WIDTH, OFFICE_WIDTH, DEPARTMENT_WIDTH, PAYMENT_WIDTH]


def stop_time(stop: RouteStop) -> str:
    """"30.11.2026 09:00–09:15" (the end in the start's zone), or "не записан"."""
    starts_at = stop.starts_at
    if starts_at is None:
        return NOT_BOOKED
    text = f"{date_ru(starts_at.date())} {starts_at:%H:%M}"
    if stop.ends_at is None:
        return text
    ends_at = in_zone(stop.ends_at, starts_at.tzinfo)
    if ends_at.date() != starts_at.date():
        return f"{text}–{datetime_ru(ends_at)}"
    return f"{text}–{ends_at:%H:%M}"


def _cell(text: str, style: ParagraphStyle, empty: str = "") -> list[Flowable]:
    return [Paragraph(markup(text) or empty, style)]


def _stops_table(stops: list[RouteStop], styles: _Styles) -> Table:
    widths = column_widths()
    inner = [w - 2 * CELL_PADDING for w in widths]
    prep_width = sum(widths[1:]) - 2 * CELL_PADDING
    data: list[list] = [[Paragraph(h, styles.head) for h in HEADERS]]
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_BG),
        ("LINEAFTER", (0, 0), (-2, 0), 0.5, _GRID),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, _GRID),
    ]
    for index, stop in enumerate(stops):
        booked = stop.starts_at is not None
        payment: list[Flowable] = [
            Paragraph(PAID if stop.paid else TO_PAY, styles.paid if stop.paid else styles.to_pay),
        ]
        if stop.payer_name.strip():
            payment.append(Paragraph(markup(stop.payer_name), styles.payer))
        cells = [
            [Paragraph(str(stop.position), styles.cell_center)],
            _cell(stop_time(stop), styles.cell_bold if booked else styles.cell_muted),
            _cell(stop.service_name, styles.cell_bold),
            _cell(stop.doctor_name, styles.cell, "—"),
            _cell(stop.office, styles.cell, "—"),
            _cell(stop.department, styles.cell, "—"),
            payment,
        ]
        pieces = [cut_to_height(cell, width, ROW_LIMIT) for cell, width in zip(cells, inner, strict=True)]
        first = len(data)
        for i in range(max(len(p) for p in pieces)):
            data.append([p[i] if i < len(p) else "" for p in pieces])
        stop_last = len(data) - 1
        if stop.preparation.strip():
            text = f'<font name="{styles.bold}">Подготовка:</font> {markup(stop.preparation)}'
            for chunk in cut_to_height([Paragraph(text, styles.preparation)], prep_width, ROW_LIMIT):
                row = len(data)
                data.append(["", chunk, "", "", "", "", ""])
                commands += [
                    ("SPAN", (1, row), (-1, row)),
                    ("TOPPADDING", (1, row), (-1, row), 0),
                    ("BOTTOMPADDING", (1, row), (-1, row), 4),
                ]
            # A stop and (the beginning of) its instructions stay on one page.
            commands.append(("NOSPLIT", (0, stop_last), (-1, stop_last + 1)))
        last = len(data) - 1
        if stop_last > first:  # continuation rows of a very long stop read as one cell
            commands += [
                ("BOTTOMPADDING", (0, first), (-1, stop_last - 1), 0),
                ("TOPPADDING", (0, first + 1), (-1, stop_last), 0),
            ]
        commands += [
            ("LINEAFTER", (0, first), (0, last), 0.5, _GRID),
            ("LINEAFTER", (1, first), (-2, stop_last), 0.5, _GRID),
            ("LINEBELOW", (0, last), (-1, last), 0.5, _GRID),
        ]
        if index % 2:
            commands.append(("BACKGROUND", (0, first), (-1, last), _ALT_BG))
    commands.append(("BOX", (0, 0), (-1, -1), 0.9, _GRID))
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1)
    table.setStyle(TableStyle(commands))
    return table


def _story(sheet: RouteSheet, stops: list[RouteStop], styles: _Styles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(markup(sheet.organization_name), styles.org)]
    address, phone = sheet.organization_address.strip(), sheet.organization_phone.strip()
    if address:
        story.append(Paragraph(markup(address), styles.org_line))
    if phone:
        story.append(Paragraph(markup(f"тел. {phone}"), styles.org_line))
    story += [
        Spacer(0, 1.5 * mm),
        HRFlowable(width="100%", thickness=0.6, color=_RULE, spaceAfter=3 * mm),
        Paragraph(TITLE, styles.title),
        Paragraph(markup(f"к заказу № {sheet.order_number} от {date_ru(sheet.order_date)}"), styles.subtitle),
        Spacer(0, 4 * mm),
    ]

    label_width = 26 * mm
    rows = [[Paragraph("Пациент:", styles.label), Paragraph(markup(sheet.patient_name), styles.patient)]]
    if sheet.card_number.strip():
        rows.append([Paragraph("Медкарта №:", styles.label), Paragraph(markup(sheet.card_number), styles.value)])
    patient = Table(rows, colWidths=[label_width, _frame_width() - label_width])
    patient.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (0, 0), 2.5),  # the label's baseline level with the larger name
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    story += [patient, Spacer(0, 4 * mm)]

    if stops:
        story.append(_stops_table(stops, styles))
    else:
        story.append(Paragraph("В заказе нет услуг.", styles.note))
    return story


def _build(
    sheet: RouteSheet, story: list[Flowable], printed_at: dt.datetime, styles: _Styles, total_pages: int | None
) -> tuple[bytes, int]:
    issued = ", ".join(part for part in (" ".join(sheet.printed_by.split()), datetime_ru(printed_at)) if part)
    issued = f"Выдал: {issued}"
    running = f"{TITLE} к заказу № {sheet.order_number}"
    if sheet.patient_name.strip():
        running += f" · {' '.join(sheet.patient_name.split())}"

    def footer(canvas, template) -> None:
        canvas.saveState()
        size = 8
        left, right = MARGIN_LEFT, PAGE_SIZE[0] - MARGIN_RIGHT
        page_label = f"стр. {template.page}" + (f" из {total_pages}" if total_pages else "")
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.4)
        canvas.line(left, FOOTER_RULE_Y, right, FOOTER_RULE_Y)
        canvas.setFillColor(colors.black)
        canvas.setFont(styles.regular, 9)
        canvas.drawRightString(right, FOOTER_Y, page_label)
        room = right - left - stringWidth(page_label, styles.regular, 9) - 6 * mm
        canvas.drawString(left, FOOTER_Y, fit_text(issued, styles.regular, 9, room))
        canvas.setFont(styles.regular, size)
        canvas.setFillColor(_MUTED)
        canvas.drawString(left, RUNNING_Y, fit_text(running, styles.regular, size, right - left))
        canvas.restoreState()

    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{TITLE} к заказу № {sheet.order_number}",
        author=sheet.organization_name,
        creator="MedCenter Desktop",
    )
    frame = Frame(
        MARGIN_LEFT, MARGIN_BOTTOM, _frame_width(), PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=footer)])
    template.build(story)
    return buffer.getvalue(), template.page


def render_route_sheet(sheet: RouteSheet) -> bytes:
    """Render the route sheet to PDF bytes (A4 portrait, as many pages as needed)."""
    styles = _Styles()
    stops = sorted(sheet.stops, key=lambda stop: stop.position)
    zone = next((stop.starts_at.tzinfo for stop in stops if stop.starts_at is not None), None)
    printed_at = in_zone(sheet.printed_at, zone)
    # The first pass counts the pages for "стр. N из M"; flowables are used up by a build.
    _, pages = _build(sheet, _story(sheet, stops, styles), printed_at, styles, None)
    pdf, _ = _build(sheet, _story(sheet, stops, styles), printed_at, styles, pages)
    return pdf
