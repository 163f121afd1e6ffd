"""The "work schedule of the medical organization" poster for patients (A4 landscape PDF).

One table per department: the specialist (name, position under it), the office, then one column per
printed day with the hours or a dash. Tables split between pages by rows and repeat their header row;
every page carries the print date and its number.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from shared.services.schedule_documents import ScheduleDepartment, WorkScheduleDocument

from ._common import DAY_OFF, date_ru, day_header, markup
from .fonts import register_fonts

PAGE_SIZE = landscape(A4)
MARGIN_LEFT = MARGIN_RIGHT = 10 * mm
MARGIN_TOP = 10 * mm
MARGIN_BOTTOM = 15 * mm  # the footer lives below the frame
FOOTER_Y = 8 * mm

SPECIALIST_WIDTH = 68 * mm
OFFICE_WIDTH = 22 * mm

TITLE = "Расписание работы медицинской организации"

_GRID = colors.HexColor("#7F7F7F")
_HEADER_BG = colors.HexColor("#E3E3E3")
_ALT_ROW_BG = colors.HexColor("#F6F6F6")
_CLOSED_BG = colors.HexColor("#E9E9E9")
_MUTED = colors.HexColor("#555555")


class _Styles:
    def __init__(self, cell_size: float) -> None:
        fonts = register_fonts()
        self.regular, self.bold = fonts.regular, fonts.bold
        lead = cell_size * 1.2
        self.title = ParagraphStyle(
            "title", fontName=self.bold, fontSize=15, leading=18, alignment=TA_CENTER, spaceAfter=2
        )
        self.org = ParagraphStyle("org", fontName=self.bold, fontSize=12.5, leading=15, alignment=TA_CENTER)
        self.org_line = ParagraphStyle(
            "org_line", fontName=self.regular, fontSize=9.5, leading=12, alignment=TA_CENTER
        )
        self.period = ParagraphStyle(
            "period", fontName=self.regular, fontSize=10, leading=13, alignment=TA_CENTER, spaceBefore=3
        )
        self.department = ParagraphStyle(
            "department", fontName=self.bold, fontSize=11.5, leading=14, spaceBefore=9, spaceAfter=3
        )
        self.note = ParagraphStyle("note", fontName=self.regular, fontSize=9, leading=11, textColor=_MUTED)
        self.head = ParagraphStyle(
            "head", fontName=self.bold, fontSize=cell_size, leading=lead, alignment=TA_CENTER
        )
        self.head_left = ParagraphStyle("head_left", parent=self.head, alignment=TA_LEFT)
        self.name = ParagraphStyle("name", fontName=self.bold, fontSize=cell_size, leading=lead)
        self.position = ParagraphStyle(
            "position", fontName=self.regular, fontSize=cell_size - 1, leading=(cell_size - 1) * 1.2,
            textColor=_MUTED,
        )
        self.cell = ParagraphStyle("cell", fontName=self.regular, fontSize=cell_size, leading=lead)
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell, alignment=TA_CENTER)


def _hours_markup(hours: str) -> str:
    """"08:00–12:00, 13:00–17:00" -> one interval per line; '' -> a dash."""
    hours = hours.strip()
    if not hours:
        return DAY_OFF
    return "<br/>".join(markup(part) for part in hours.split(",") if part.strip())


def _check_lengths(doc: WorkScheduleDocument) -> None:
    days = len(doc.days)
    if len(doc.organization_hours) != days:
        raise ValueError(
            f"organization_hours has {len(doc.organization_hours)} entries for {days} printed days"
        )
    for department in doc.departments:
        for row in department.rows:
            if len(row.hours) != days:
                raise ValueError(
                    f"{department.name} / {row.resource_name}: {len(row.hours)} hours entries "
                    f"for {days} printed days"
                )


def _frame_width() -> float:
    return PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT


def _column_widths(doc: WorkScheduleDocument) -> list[float]:
    available = _frame_width()
    if not doc.days:
        return [available - OFFICE_WIDTH, OFFICE_WIDTH]
    day_width = (available - SPECIALIST_WIDTH - OFFICE_WIDTH) / len(doc.days)
    return [SPECIALIST_WIDTH, OFFICE_WIDTH] + [day_width] * len(doc.days)


def _closed_day_commands(doc: WorkScheduleDocument, first_row: int) -> list[tuple]:
    """Shade the columns of days the organization is closed, from first_row down."""
    return [
        ("BACKGROUND", (2 + i, first_row), (2 + i, -1), _CLOSED_BG)
        for i, hours in enumerate(doc.organization_hours)
        if not hours.strip()
    ]


def _base_style(first_row: int = 0) -> list[tuple]:
    return [
        ("GRID", (0, first_row), (-1, -1), 0.5, _GRID),
        ("BOX", (0, first_row), (-1, -1), 0.9, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def _organization_hours_table(doc: WorkScheduleDocument, styles: _Styles, widths: list[float]) -> Table:
    heads = [Paragraph(day_header(day), styles.head) for day in doc.days]
    hours = [Paragraph(_hours_markup(h) if h.strip() else "выходной", styles.cell_center)
             for h in doc.organization_hours]
    data = [
        [Paragraph("Режим работы организации", styles.head_left), "", *heads],
        ["", "", *hours],
    ]
    table = Table(data, colWidths=widths)
    table.setStyle(TableStyle([
        *_base_style(),
        ("SPAN", (0, 0), (1, 1)),
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_BG),
        ("BACKGROUND", (0, 0), (1, 1), _HEADER_BG),
        *_closed_day_commands(doc, 1),
    ]))
    return table


def _department_table(
    doc: WorkScheduleDocument, department: ScheduleDepartment, styles: _Styles, widths: list[float]
) -> Table:
    # The department name is the table's first row so that it repeats with the column headers on
    # every page the table continues on.
    title = [Paragraph(markup(department.name), styles.department)] + [""] * (len(widths) - 1)
    header = [
        Paragraph("Специалист", styles.head_left),
        Paragraph("Кабинет", styles.head),
        *(Paragraph(day_header(day), styles.head) for day in doc.days),
    ]
    data: list[list] = [title, header]
    for row in department.rows:
        specialist = [Paragraph(markup(row.resource_name), styles.name)]
        if row.position.strip():
            specialist.append(Paragraph(markup(row.position), styles.position))
        data.append([
            specialist,
            Paragraph(markup(row.offices) or DAY_OFF, styles.cell_center),
            *(Paragraph(_hours_markup(h), styles.cell_center) for h in row.hours),
        ])
    table = Table(data, colWidths=widths, repeatRows=2, splitByRow=1)
    table.setStyle(TableStyle([
        *_base_style(first_row=1),
        ("SPAN", (0, 0), (-1, 0)),
        ("LEFTPADDING", (0, 0), (-1, 0), 0),
        ("TOPPADDING", (0, 0), (-1, 0), 0),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
        ("ROWBACKGROUNDS", (0, 2), (-1, -1), [colors.white, _ALT_ROW_BG]),
        *_closed_day_commands(doc, 2),
        ("BACKGROUND", (0, 1), (-1, 1), _HEADER_BG),
        ("LINEBELOW", (0, 1), (-1, 1), 0.9, _GRID),
    ]))
    return table


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def render_work_schedule(doc: WorkScheduleDocument) -> bytes:
    """Render the work schedule poster to PDF bytes (A4 landscape, as many pages as needed)."""
    _check_lengths(doc)
    widths = _column_widths(doc)
    day_width = widths[2] if doc.days else 0
    styles = _Styles(cell_size=8.5 if day_width >= 22 * mm or not doc.days else 7.5)

    period = ""
    if doc.days:
        first, last = min(doc.days), max(doc.days)
        period = date_ru(first) if first == last else f"с {date_ru(first)} по {date_ru(last)}"

    story: list = [Paragraph(markup(TITLE), styles.title), Paragraph(markup(doc.organization_name), styles.org)]
    address, phone = doc.organization_address.strip(), doc.organization_phone.strip()
    contacts = ", ".join(part for part in (address, f"тел. {phone}" if phone else "") if part)
    if contacts:
        story.append(Paragraph(markup(contacts), styles.org_line))
    if period:
        story.append(Paragraph(markup(f"на период {period}"), styles.period))
    story.append(Spacer(0, 4 * mm))
    if doc.days:
        story.append(_organization_hours_table(doc, styles, widths))

    if not doc.departments:
        story.append(Spacer(0, 4 * mm))
        story.append(Paragraph("Расписание приёма специалистов на этот период не составлено.", styles.note))
    for department in doc.departments:
        # Keep a heading with its table header and a few rows; the table itself may split.
        story.append(CondPageBreak(35 * mm))
        story.append(Spacer(0, 5 * mm))
        if department.rows:
            story.append(_department_table(doc, department, styles, widths))
        else:
            story.append(Paragraph(markup(department.name), styles.department))
            story.append(Paragraph("Нет специалистов с приёмом в эти дни.", styles.note))

    printed = f"Дата печати: {date_ru(doc.printed_on)}"
    running = doc.organization_name.strip() + (f" · расписание {period}" if period else "")

    def footer(canvas, template) -> None:
        canvas.saveState()
        canvas.setFont(styles.regular, 8)
        canvas.setFillColor(colors.black)
        left, right = MARGIN_LEFT, PAGE_SIZE[0] - MARGIN_RIGHT
        page_label = f"стр. {template.page}"
        canvas.drawString(left, FOOTER_Y, printed)
        canvas.drawRightString(right, FOOTER_Y, page_label)
        side = max(stringWidth(printed, styles.regular, 8), stringWidth(page_label, styles.regular, 8))
        middle = right - left - 2 * side - 20
        if middle > 20 and running:
            canvas.setFillColor(_MUTED)
            canvas.drawCentredString(
                PAGE_SIZE[0] / 2, FOOTER_Y, _fit(running, styles.regular, 8, middle)
            )
        canvas.restoreState()

    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=TITLE,
        author=doc.organization_name,
        subject=f"{TITLE} {period}".strip(),
        creator="MedCenter Desktop",
    )
    # A frame without inner padding: the tables span exactly the printable width.
    frame = Frame(
        MARGIN_LEFT, MARGIN_BOTTOM, _frame_width(), PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=footer)])
    template.build(story)
    return buffer.getvalue()
