"""The invoice for payment, "Счёт на оплату" (A4 portrait PDF, as many pages as needed).

The usual Russian layout: the supplier's bank details box, the title with the number and the date,
the supplier, the payer and the basis, the table of lines (the header row repeats on every page),
the totals with the VAT line, the count and sum in figures and in words, the due date, and the
signature lines of the head and the accountant. Money prints as "1 200,00" (a non-breaking space
between thousands). An invoice longer than a page numbers its pages "стр. N из M".
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from shared.services.order_documents import InvoiceDocument, InvoiceLine, Party

from ._common import cut_to_height, date_ru, date_words_ru, fit_text, markup, money, number
from .fonts import register_fonts

PAGE_SIZE = A4  # 210 x 297 mm, portrait
MARGIN_LEFT = 15 * mm  # room to file the sheet
MARGIN_RIGHT = 10 * mm
MARGIN_TOP = 10 * mm
MARGIN_BOTTOM = 15 * mm  # the page footer lives below the frame
FOOTER_Y = 8 * mm

TITLE = "Счёт на оплату"
NO_VAT = "Без НДС"
NONE = "—"  # a zero discount, an empty cell

# Bank details box: two halves for INN / KPP, the "БИК" / "Сч. №" captions, the numbers.
BANK_HALF_WIDTH = 52 * mm
BANK_CAPTION_WIDTH = 16 * mm

# Line table; the name takes what is left of the frame width.
NUMBER_WIDTH = 9 * mm
CODE_WIDTH = 22 * mm
QUANTITY_WIDTH = 15 * mm
UNIT_WIDTH = 12 * mm
PRICE_WIDTH = 23 * mm
DISCOUNT_WIDTH = 21 * mm
AMOUNT_WIDTH = 25 * mm
HEADERS = ("№", "Код", "Наименование", "Кол-во", "Ед.", "Цена", "Скидка", "Сумма")

CELL_PADDING = 3  # points, left and right in a cell of the line table
MIN_FIGURE_SIZE = 6  # a sum in the billions still fits its column in this type
ROW_LIMIT = 120 * mm  # no table row is taller: a longer name continues in further rows

_GRID = colors.black
_THIN = 0.5
_THICK = 1.2
_MUTED = colors.HexColor("#444444")


class _Styles:
    def __init__(self) -> None:
        fonts = register_fonts()
        self.regular, self.bold = fonts.regular, fonts.bold
        self.bank = ParagraphStyle("bank", fontName=self.regular, fontSize=9, leading=11)
        self.bank_caption = ParagraphStyle("bank_caption", fontName=self.regular, fontSize=7.5, leading=9)
        self.title = ParagraphStyle("title", fontName=self.bold, fontSize=14, leading=17)
        self.label = ParagraphStyle("label", fontName=self.regular, fontSize=9, leading=11)
        self.party = ParagraphStyle("party", fontName=self.bold, fontSize=9, leading=11)
        self.head = ParagraphStyle("head", fontName=self.bold, fontSize=8.5, leading=10, alignment=TA_CENTER)
        self.cell = ParagraphStyle("cell", fontName=self.regular, fontSize=8.5, leading=10.2)
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell, alignment=TA_CENTER)
        self.cell_right = ParagraphStyle("cell_right", parent=self.cell, alignment=TA_RIGHT)
        self.total_label = ParagraphStyle(
            "total_label", fontName=self.bold, fontSize=9, leading=11.5, alignment=TA_RIGHT
        )
        self.total_value = ParagraphStyle("total_value", parent=self.total_label)
        self.summary = ParagraphStyle("summary", fontName=self.regular, fontSize=9, leading=11.5)
        self.words = ParagraphStyle("words", fontName=self.bold, fontSize=9.5, leading=12)
        self.sign_label = ParagraphStyle("sign_label", fontName=self.bold, fontSize=9, leading=11)
        self.sign_name = ParagraphStyle("sign_name", fontName=self.regular, fontSize=9, leading=11)
        self.note = ParagraphStyle("note", fontName=self.regular, fontSize=9, leading=11, textColor=_MUTED)


def _frame_width() -> float:
    return PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT


def column_widths() -> list[float]:
    fixed = NUMBER_WIDTH + CODE_WIDTH + QUANTITY_WIDTH + UNIT_WIDTH + PRICE_WIDTH + DISCOUNT_WIDTH + AMOUNT_WIDTH
    name = _frame_width() - fixed
    return [
        NUMBER_WIDTH, CODE_WIDTH, name, QUANTITY_WIDTH, UNIT_WIDTH, PRICE_WIDTH, DISCOUNT_WIDTH, AMOUNT_WIDTH
    ]


def _join(parts: list[str]) -> str:
    return ", ".join(" ".join(part.split()) for part in parts if part.strip())


def party_text(party: Party, with_bank: bool) -> str:
    """"ООО «…», ИНН …, КПП …, address, тел.: …" (and the bank account when with_bank)."""
    parts = [party.name]
    if party.inn.strip():
        parts.append(f"ИНН {party.inn.strip()}")
    if party.kpp.strip():
        parts.append(f"КПП {party.kpp.strip()}")
    parts.append(party.address)
    if party.phone.strip():
        parts.append(f"тел.: {party.phone.strip()}")
    if with_bank:
        if party.bank_account.strip():
            account = f"р/с {party.bank_account.strip()}"
            if party.bank_name.strip():
                account += f" в {' '.join(party.bank_name.split())}"
            parts.append(account)
        if party.bank_bik.strip():
            parts.append(f"БИК {party.bank_bik.strip()}")
        if party.bank_corr_account.strip():
            parts.append(f"к/с {party.bank_corr_account.strip()}")
    return _join(parts)


def _bank_box(supplier: Party, styles: _Styles) -> Table:
    number_width = _frame_width() - 2 * BANK_HALF_WIDTH - BANK_CAPTION_WIDTH

    def para(text: str, style: ParagraphStyle = styles.bank) -> Paragraph:
        return Paragraph(markup(text), style)

    inn = f"ИНН {supplier.inn.strip()}" if supplier.inn.strip() else "ИНН"
    kpp = f"КПП {supplier.kpp.strip()}" if supplier.kpp.strip() else "КПП"
    data = [
        [[para(supplier.bank_name), Spacer(0, 2 * mm), para("Банк получателя", styles.bank_caption)], "",
         para("БИК"), para(supplier.bank_bik)],
        ["", "", para("Сч. №"), para(supplier.bank_corr_account)],
        [para(inn), para(kpp), para("Сч. №"), para(supplier.bank_account)],
        [[para(supplier.name), Spacer(0, 2 * mm), para("Получатель", styles.bank_caption)], "", "", ""],
    ]
    table = Table(
        data, colWidths=[BANK_HALF_WIDTH, BANK_HALF_WIDTH, BANK_CAPTION_WIDTH, number_width]
    )
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (1, 1)),  # the bank: name over its caption
        ("SPAN", (0, 3), (1, 3)),  # the recipient: name over its caption
        ("SPAN", (2, 2), (2, 3)),  # the settlement account beside INN / KPP and the recipient
        ("SPAN", (3, 2), (3, 3)),
        ("GRID", (0, 0), (-1, -1), _THIN, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _parties(doc: InvoiceDocument, styles: _Styles) -> Table:
    label_width = 30 * mm
    rows = [
        [Paragraph("Поставщик<br/>(Исполнитель):", styles.label),
         Paragraph(markup(party_text(doc.supplier, with_bank=False)), styles.party)],
        [Paragraph("Покупатель<br/>(Заказчик):", styles.label),
         Paragraph(markup(party_text(doc.payer, with_bank=True)), styles.party)],
    ]
    if doc.basis.strip():
        rows.append([Paragraph("Основание:", styles.label), Paragraph(markup(doc.basis), styles.party)])
    table = Table(rows, colWidths=[label_width, _frame_width() - label_width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _figure(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A right-aligned figure on one line: a smaller type for one too wide for its column."""
    size = style.fontSize
    while size > MIN_FIGURE_SIZE and stringWidth(text, style.fontName, size) > width:
        size -= 0.25
    if size != style.fontSize:
        style = ParagraphStyle(f"{style.name}_{size}", parent=style, fontSize=size, leading=style.leading)
    return Paragraph(text, style)


def _line_cells(line: InvoiceLine, styles: _Styles, widths: list[float]) -> list[list[Flowable]]:
    discount = money(line.discount) if line.discount else NONE
    return [
        [Paragraph(str(line.number), styles.cell_center)],
        [Paragraph(markup(line.code), styles.cell)],
        [Paragraph(markup(line.name), styles.cell)],
        [_figure(number(line.quantity), styles.cell_right, widths[3])],
        [Paragraph(markup(line.unit), styles.cell_center)],
        [_figure(money(line.price), styles.cell_right, widths[5])],
        [_figure(discount, styles.cell_right, widths[6])],
        [_figure(money(line.amount), styles.cell_right, widths[7])],
    ]


def _lines_table(lines: tuple[InvoiceLine, ...], styles: _Styles) -> Table:
    widths = column_widths()
    inner = [w - 2 * CELL_PADDING for w in widths]
    data: list[list] = [[Paragraph(h, styles.head) for h in HEADERS]]
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, 0), _THIN, _GRID),
        ("LINEAFTER", (0, 0), (-2, -1), _THIN, _GRID),
    ]
    for line in lines:
        cells = _line_cells(line, styles, inner)
        pieces = [cut_to_height(cell, w, ROW_LIMIT) for cell, w in zip(cells, inner, strict=True)]
        first = len(data)
        for i in range(max(len(p) for p in pieces)):
            data.append([p[i] if i < len(p) else "" for p in pieces])
        last = len(data) - 1
        if last > first:  # continuation rows of a very long name read as one cell
            commands += [
                ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
                ("TOPPADDING", (0, first + 1), (-1, last), 0),
            ]
        commands.append(("LINEBELOW", (0, last), (-1, last), _THIN, _GRID))
    commands.append(("BOX", (0, 0), (-1, -1), _THICK, _GRID))
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1)
    table.setStyle(TableStyle(commands))
    return table


def _totals(doc: InvoiceDocument, styles: _Styles) -> Table:
    vat = (NO_VAT, NONE) if not doc.vat_total else ("В том числе НДС:", money(doc.vat_total))
    rows = [("Итого:", money(doc.total)), vat, ("Всего к оплате:", money(doc.total))]
    # The values stand under the "Сумма" column; a sum too wide for it widens its own column.
    widest = max(stringWidth(value, styles.total_value.fontName, styles.total_value.fontSize) for _, value in rows)
    value_column = max(AMOUNT_WIDTH, widest + 2 * CELL_PADDING + 1)
    table = Table(
        [[Paragraph(label, styles.total_label), Paragraph(value, styles.total_value)] for label, value in rows],
        colWidths=[_frame_width() - value_column, value_column],
    )
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return table


def _signature_line(styles: _Styles) -> list[Flowable]:
    """A line to sign on, level with the baseline of the first line of the caption beside it."""
    return [
        Spacer(0, styles.sign_label.leading - 1),
        HRFlowable(width="100%", thickness=_THIN, color=_GRID, spaceBefore=0, spaceAfter=0),
    ]


def _signatures(doc: InvoiceDocument, styles: _Styles) -> Table:
    gap = 8 * mm
    half = (_frame_width() - gap) / 2
    line_width = 30 * mm
    cells: list = []
    widths: list[float] = []
    for label, name in (("Руководитель", doc.head_name), ("Бухгалтер", doc.accountant_name)):
        label_width = stringWidth(label, styles.bold, styles.sign_label.fontSize) + 2 * mm
        cells += [
            Paragraph(label, styles.sign_label),
            _signature_line(styles),
            Paragraph(markup(name), styles.sign_name),
        ]
        widths += [label_width, line_width, half - label_width - line_width]
    cells.insert(3, "")
    widths.insert(3, gap)
    table = Table([cells], colWidths=widths)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (2, 0), (2, 0), 2 * mm),  # the names stand clear of the lines
        ("LEFTPADDING", (6, 0), (6, 0), 2 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _story(doc: InvoiceDocument, styles: _Styles) -> list[Flowable]:
    title = f"{TITLE} № {doc.number} от {date_words_ru(doc.date)}"
    story: list[Flowable] = [
        _bank_box(doc.supplier, styles),
        Spacer(0, 6 * mm),
        Paragraph(markup(title), styles.title),
        HRFlowable(width="100%", thickness=1.6, color=colors.black, spaceBefore=2 * mm, spaceAfter=3 * mm),
        _parties(doc, styles),
        Spacer(0, 3 * mm),
        _lines_table(doc.lines, styles),
    ]
    if not doc.lines:
        story += [Spacer(0, 1.5 * mm), Paragraph("В счёте нет позиций.", styles.note)]

    closing: list[Flowable] = [
        Spacer(0, 2 * mm),
        _totals(doc, styles),
        Spacer(0, 3 * mm),
        Paragraph(
            markup(f"Всего наименований {number(len(doc.lines))}, на сумму {money(doc.total)} руб."),
            styles.summary,
        ),
    ]
    if doc.total_in_words.strip():
        closing.append(Paragraph(markup(doc.total_in_words), styles.words))
    if doc.pay_by is not None:
        closing += [Spacer(0, 2.5 * mm), Paragraph(markup(f"Оплатить до {date_ru(doc.pay_by)}"), styles.summary)]
    closing += [
        HRFlowable(width="100%", thickness=1.6, color=colors.black, spaceBefore=3 * mm, spaceAfter=8 * mm),
        _signatures(doc, styles),
    ]
    # The totals, the sum in words and the signatures are never torn apart.
    story.append(KeepTogether(closing))
    return story


def _build(doc: InvoiceDocument, styles: _Styles, total_pages: int | None) -> tuple[bytes, int]:
    running = f"{TITLE} № {doc.number} от {date_ru(doc.date)}"

    def footer(canvas, template) -> None:
        if not total_pages or total_pages < 2:
            return  # a one-page invoice carries no page numbers
        canvas.saveState()
        size = 8
        left, right = MARGIN_LEFT, PAGE_SIZE[0] - MARGIN_RIGHT
        page_label = f"стр. {template.page} из {total_pages}"
        canvas.setFont(styles.regular, size)
        canvas.setFillColor(_MUTED)
        canvas.drawRightString(right, FOOTER_Y, page_label)
        room = right - left - stringWidth(page_label, styles.regular, size) - 6 * mm
        canvas.drawString(left, FOOTER_Y, fit_text(running, styles.regular, size, room))
        canvas.restoreState()

    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{TITLE} № {doc.number}",
        author=doc.supplier.name,
        creator="MedCenter Desktop",
    )
    frame = Frame(
        MARGIN_LEFT, MARGIN_BOTTOM, _frame_width(), PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=footer)])
    template.build(_story(doc, styles))
    return buffer.getvalue(), template.page


def render_invoice(doc: InvoiceDocument) -> bytes:
    """Render the invoice for payment to PDF bytes (A4 portrait, as many pages as needed)."""
    styles = _Styles()
    # The first pass counts the pages; only a longer invoice needs a second one for "стр. N из M".
    pdf, pages = _build(doc, styles, None)
    if pages == 1:
        return pdf
    return _build(doc, styles, pages)[0]
