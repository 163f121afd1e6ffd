"""The appointment slip a registrar hands to the patient (A6 portrait PDF, always one page).

Times are printed in the time zone of the appointment's own start (the organization's zone), so a
workstation in another zone still prints the clinic's local time.
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from shared.services.schedule_documents import BookingSlip

from ._common import WEEKDAYS_FULL, date_ru, markup
from .fonts import register_fonts

PAGE_SIZE = A6  # 105 x 148 mm, portrait
MARGIN = 7 * mm
LABEL_WIDTH = 21 * mm

BARCODE_HEIGHT = 9 * mm
BARCODE_MAX_BAR = 0.33 * mm  # nominal module width
BARCODE_MIN_BAR = 0.19 * mm  # below this, common hand scanners stop reading

_PREPARATION_SIZES = (7.5, 7.0, 6.5, 6.0)

_MUTED = colors.HexColor("#444444")
_RULE = colors.HexColor("#777777")


def _in_zone(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    if zone is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(zone)


def time_range(starts_at: dt.datetime, ends_at: dt.datetime) -> str:
    """"09:00–09:15", both ends in the start's time zone."""
    ends_at = _in_zone(ends_at, starts_at.tzinfo)
    return f"{starts_at:%H:%M}–{ends_at:%H:%M}"


def _barcode(number: str, width: float) -> Flowable | None:
    """A Code128 of the booking number that fits width, or None if it cannot be printed legibly."""
    if not number or not number.isascii() or not number.isprintable():
        return None
    probe = Code128(number, barWidth=1, barHeight=BARCODE_HEIGHT, quiet=1, humanReadable=0)
    modules = probe.width  # width with barWidth=1 equals the module count, quiet zones included
    bar = min(BARCODE_MAX_BAR, width / modules)
    if bar < BARCODE_MIN_BAR:
        return None
    code = Code128(number, barWidth=bar, barHeight=BARCODE_HEIGHT, quiet=1, humanReadable=0)
    code.hAlign = "CENTER"
    return code


def _content(slip: BookingSlip, preparation_size: float) -> list[Flowable]:
    fonts = register_fonts()
    regular, bold = fonts.regular, fonts.bold
    org = ParagraphStyle("org", fontName=bold, fontSize=9, leading=11, alignment=TA_CENTER)
    org_line = ParagraphStyle(
        "org_line", fontName=regular, fontSize=7, leading=8.5, alignment=TA_CENTER, textColor=_MUTED
    )
    title = ParagraphStyle("title", fontName=bold, fontSize=12, leading=14.5, alignment=TA_CENTER)
    label = ParagraphStyle("label", fontName=regular, fontSize=7.5, leading=9.5, textColor=_MUTED)
    value = ParagraphStyle("value", fontName=regular, fontSize=8.5, leading=10.5)
    value_bold = ParagraphStyle("value_bold", parent=value, fontName=bold)
    when = ParagraphStyle("when", fontName=bold, fontSize=11, leading=13.5)
    small = ParagraphStyle("small", fontName=regular, fontSize=7.5, leading=9.2)
    instructions = ParagraphStyle(
        "instructions", fontName=regular, fontSize=preparation_size, leading=preparation_size * 1.22
    )
    footer = ParagraphStyle("footer", fontName=regular, fontSize=7, leading=8.5, textColor=_MUTED)

    width = PAGE_SIZE[0] - 2 * MARGIN

    content: list[Flowable] = [Paragraph(markup(slip.organization_name), org)]
    if slip.organization_address.strip():
        content.append(Paragraph(markup(slip.organization_address), org_line))
    if slip.organization_phone.strip():
        content.append(Paragraph(markup(f"тел. {slip.organization_phone.strip()}"), org_line))
    content += [
        Spacer(0, 1.5 * mm),
        HRFlowable(width="100%", thickness=0.6, color=_RULE, spaceAfter=2 * mm),
        Paragraph(markup(f"Талон на приём № {slip.booking_number}"), title),
    ]
    code = _barcode(slip.booking_number.strip(), width)
    if code is not None:
        content += [Spacer(0, 1.2 * mm), code]
    content.append(Spacer(0, 2.5 * mm))

    starts_at = slip.starts_at
    day = f"{date_ru(starts_at.date())}, {WEEKDAYS_FULL[starts_at.weekday()]}"
    rows: list[tuple[str, list[Flowable]]] = [("Пациент", [Paragraph(markup(slip.patient_name), value_bold)])]
    if slip.card_number.strip():
        rows.append(("Медкарта №", [Paragraph(markup(slip.card_number), value)]))
    rows.append(("Услуга", [Paragraph(markup(slip.service_name), value)]))
    if slip.doctor_name.strip():
        doctor = [Paragraph(markup(slip.doctor_name), value)]
        if slip.doctor_position.strip():
            doctor.append(Paragraph(markup(slip.doctor_position), small))
        rows.append(("Врач", doctor))
    if slip.office.strip():
        rows.append(("Кабинет", [Paragraph(markup(slip.office), value)]))
    rows += [
        ("Дата", [Paragraph(markup(day), when)]),
        ("Время", [Paragraph(markup(time_range(starts_at, slip.ends_at)), when)]),
    ]
    table = Table(
        [[Paragraph(markup(name), label), cell] for name, cell in rows],
        colWidths=[LABEL_WIDTH, width - LABEL_WIDTH],
    )
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.HexColor("#BBBBBB")),
        ("VALIGN", (0, -2), (-1, -1), "MIDDLE"),  # date and time: label level with the large value
    ]))
    content.append(table)

    if slip.preparation.strip():
        content += [
            Spacer(0, 2.5 * mm),
            Paragraph("Подготовка к приёму:", value_bold),
            Spacer(0, 0.6 * mm),
            Paragraph(markup(slip.preparation), instructions),
        ]

    printed_at = _in_zone(slip.printed_at, starts_at.tzinfo)
    content += [
        Spacer(0, 2.5 * mm),
        HRFlowable(width="100%", thickness=0.6, color=_RULE, spaceAfter=1.5 * mm),
        Paragraph(markup(f"Выдал: {slip.booked_by}"), footer),
        Paragraph(markup(f"Напечатано: {printed_at:%d.%m.%Y %H:%M}"), footer),
    ]
    return content


def _height(content: list[Flowable], width: float, height: float) -> float:
    total = 0.0
    for flowable in content:
        total += flowable.getSpaceBefore() + flowable.wrap(width, height)[1] + flowable.getSpaceAfter()
    return total


def render_booking_slip(slip: BookingSlip) -> bytes:
    """Render the appointment slip to PDF bytes: one A6 portrait page."""
    width = PAGE_SIZE[0] - 2 * MARGIN
    height = PAGE_SIZE[1] - 2 * MARGIN
    # Long preparation instructions first get a smaller type; only if that is not enough does the
    # whole slip shrink to fit (a slip is one sheet, it never spills onto a second page).
    for size in _PREPARATION_SIZES:
        content = _content(slip, size)
        if _height(content, width, height) <= height:
            break

    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Талон на приём № {slip.booking_number}",
        author=slip.organization_name,
        creator="MedCenter Desktop",
    )
    frame = Frame(
        MARGIN, MARGIN, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="slip"
    )
    template.addPageTemplates([PageTemplate(id="slip", frames=[frame])])
    template.build([KeepInFrame(width, height, content, mode="shrink")])
    return buffer.getvalue()
