"""The cash book sheet, form КО-4 (OKUD 0310004, Goskomstat resolution 88 of 18.08.1998), A4 PDF.

Every sheet of the book is printed the way the form is made: one A4 portrait page cut in two along
a dashed line, the upper half "Вкладной лист кассовой книги" stays in the book, the lower half, the
same table, is torn off as "Отчет кассира" and goes to the accountant with the cash orders.

Each half carries the heading "КАССА за DD.MM.YYYY" and "Лист N", the five numbered columns, the
opening balance, the day's entries (a cash receipt order in "Приход", an expense order in
"Расход"), the day total, the closing balance, the salary line (left empty), and the signatures of
the cashier and the accountant with the counts of the orders in words. The first page of a sheet
also carries the form's code box (OKUD, OKPO) and the organization.

A day that does not fit one page continues on the next: the last row of a page is "Перенос" with
what came in and went out so far that day, the next page repeats the table header and starts with
the same "Перенос" row, and only the day's last page has the totals and the signatures. Each page
is a sheet of the book, so a day spread over k pages takes the numbers sheet_number ...
sheet_number + k - 1; `sheet_pages` tells the caller how many pages a day takes before it numbers
the next day.

Texts are drawn straight on the canvas (no markup): a counterparty or an account too long for its
cell is cut with an ellipsis, a sum too wide for its column prints in a smaller type.

Sources: the form's text (Goskomstat resolution 88), Bank of Russia directive 3210-У, and printed
cash books of accounting programs. Unverified: the "Х" marks in the cells that take no figure
(column 3 of the summary rows, column 5 of the balance rows); the wording of the copy labels on a
printed (not bound) book; whether the organization's code box belongs on every sheet (here: on the
first page of every sheet, so the torn-off report names its organization).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from num2words import num2words
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from shared.services.cash_documents import CashBookEntry, CashBookSheet

from ._common import date_ru, fit_text, money, shrink_to_fit
from .fonts import register_fonts

PAGE_SIZE = A4  # 210 x 297 mm, portrait
MARGIN_LEFT = 20 * mm  # the sheets are laced into the book along this edge
MARGIN_RIGHT = 10 * mm
MARGIN_TOP = 8 * mm
MARGIN_BOTTOM = 8 * mm
CUT_Y = PAGE_SIZE[1] / 2  # the cut line between the sheet and the cashier's report
CUT_GAP = 4 * mm  # each half keeps this far from the cut line
HALF_HEIGHT = CUT_Y - CUT_GAP - MARGIN_BOTTOM

FORM_NAME = "Унифицированная форма № КО-4"
FORM_APPROVAL = "Утверждена постановлением Госкомстата России от 18.08.98 № 88"
OKUD = "0310004"
SHEET_COPY = "Вкладной лист кассовой книги"
REPORT_COPY = "Отчет кассира"
CUT_LABEL = "линия отреза"

HEADERS = (
    "Номер документа",
    "От кого получено или кому выдано",
    "Номер корреспондирующего счета, субсчета",
    "Приход, руб. коп.",
    "Расход, руб. коп.",
)
COLUMN_WIDTHS = (20 * mm, 74 * mm, 30 * mm, 28 * mm, 28 * mm)  # 180 mm: the frame width

OPENING = "Остаток на начало дня"
CARRIED = "Перенос"
DAY_TOTAL = "Итого за день"
CLOSING = "Остаток на конец дня"
SALARY = "в том числе на выдачу заработной платы"
NO_FIGURE = "Х"  # a cell of the form that takes no figure

# Vertical layout of a half, top to bottom.
FORM_HEAD_HEIGHT = 7 * mm  # the copy label and the form's approval
ORGANIZATION_HEIGHT = 14 * mm  # organization, department, code box (first page of a sheet)
TITLE_HEIGHT = 8 * mm  # "КАССА за ..." and "Лист N"
HEADER_HEIGHT = 11 * mm
NUMBERS_HEIGHT = 4 * mm  # the row of column numbers 1 ... 5
ROW_HEIGHT = 4.5 * mm
SIGNATURES_GAP = 3 * mm
SIGNATURE_LINE_HEIGHT = 7 * mm  # a line to sign on and its caption underneath
ACCOUNTANT_GAP = 2 * mm  # sets the accountant's signature apart from the counts
SIGNATURES_HEIGHT = SIGNATURES_GAP + 4 * SIGNATURE_LINE_HEIGHT + ACCOUNTANT_GAP + 1 * mm  # + descenders

CODE_BOX_WIDTH = 22 * mm
CODE_LABEL_WIDTH = 24 * mm
CELL_PADDING = 1.5 * mm
CELL_SIZE = 8
MIN_FIGURE_SIZE = 5.5

_THIN = 0.5
_THICK = 1.0


def _frame_width() -> float:
    return PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT


def column_edges() -> list[float]:
    """The x of every vertical rule of the table, left to right (points)."""
    edges = [MARGIN_LEFT]
    for width in COLUMN_WIDTHS:
        edges.append(edges[-1] + width)
    return edges


def count_in_words(count: int) -> str:
    """2 -> "два", 0 -> "ноль": the counts of orders on the accountant's line."""
    return num2words(count, lang="ru")


# --- Pages ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    sheet: CashBookSheet
    number: int  # the sheet number printed on this page
    first: bool  # the day's first page: code box, organization, opening balance
    last: bool  # the day's last page: totals and signatures
    entries: tuple[CashBookEntry, ...]
    brought: tuple[Decimal, Decimal] | None  # "Перенос" at the top: in, out so far
    carried: tuple[Decimal, Decimal] | None  # "Перенос" at the bottom


def _capacity(first: bool, last: bool) -> int:
    """How many entries fit in the table of one half."""
    used = FORM_HEAD_HEIGHT + TITLE_HEIGHT + HEADER_HEIGHT + NUMBERS_HEIGHT + ROW_HEIGHT
    if first:
        used += ORGANIZATION_HEIGHT
    used += 3 * ROW_HEIGHT + SIGNATURES_HEIGHT if last else ROW_HEIGHT
    return int((HALF_HEIGHT - used) // ROW_HEIGHT)


def _check(sheet: CashBookSheet) -> None:
    """Refuse a sheet whose totals disagree with its entries: the printed sums must add up."""
    kinds = {entry.kind for entry in sheet.entries}
    if not kinds <= {"in", "out"}:
        raise ValueError(f"Cash book sheet {sheet.sheet_number}: unknown entry kinds {sorted(kinds - {'in', 'out'})}")
    total_in = sum((e.amount for e in sheet.entries if e.kind == "in"), Decimal(0))
    total_out = sum((e.amount for e in sheet.entries if e.kind == "out"), Decimal(0))
    if total_in != sheet.total_in or total_out != sheet.total_out:
        raise ValueError(
            f"Cash book sheet {sheet.sheet_number}: the totals {sheet.total_in}/{sheet.total_out} "
            f"disagree with the entries {total_in}/{total_out}"
        )
    if sheet.opening_balance + total_in - total_out != sheet.closing_balance:
        raise ValueError(f"Cash book sheet {sheet.sheet_number}: the closing balance does not add up")


def _pages(sheet: CashBookSheet) -> list[_Page]:
    pages: list[_Page] = []
    entries = sheet.entries
    start = 0
    came_in = went_out = Decimal(0)
    while True:
        first = not pages
        remaining = len(entries) - start
        if remaining <= _capacity(first, last=True):
            take, last = remaining, True
        else:  # keep at least one entry for the next page, which carries the totals
            take, last = max(1, min(_capacity(first, last=False), remaining - 1)), False
        chunk = entries[start : start + take]
        brought = None if first else (came_in, went_out)
        for entry in chunk:
            if entry.kind == "in":
                came_in += entry.amount
            else:
                went_out += entry.amount
        carried = None if last else (came_in, went_out)
        pages.append(_Page(sheet, sheet.sheet_number + len(pages), first, last, chunk, brought, carried))
        start += take
        if last:
            return pages


def sheet_pages(sheet: CashBookSheet) -> int:
    """How many pages (sheets of the book) the day takes: the next day's sheet number is this many
    higher."""
    return len(_pages(sheet))


# --- Drawing -------------------------------------------------------------------------------------


class _Styles:
    def __init__(self) -> None:
        fonts = register_fonts()
        self.regular, self.bold = fonts.regular, fonts.bold
        self.head = ParagraphStyle("head", fontName=self.regular, fontSize=7, leading=8, alignment=TA_CENTER)


def _text(c: Canvas, x: float, y: float, text: str, font: str, size: float, width: float) -> None:
    c.setFont(font, size)
    c.drawString(x, y, fit_text(text, font, size, width))


def _centered(c: Canvas, left: float, right: float, y: float, text: str, font: str, size: float) -> None:
    c.setFont(font, size)
    c.drawCentredString((left + right) / 2, y, fit_text(text, font, size, right - left))


def _figure(c: Canvas, right: float, y: float, text: str, font: str, width: float) -> None:
    """A right-aligned sum: a smaller type for one too wide for its column."""
    size = shrink_to_fit(text, font, CELL_SIZE, width, MIN_FIGURE_SIZE)
    c.setFont(font, size)
    c.drawRightString(right, y, fit_text(text, font, size, width))


def _form_head(c: Canvas, top: float, label: str, styles: _Styles) -> float:
    right = MARGIN_LEFT + _frame_width()
    c.setFont(styles.bold, 8)
    c.drawString(MARGIN_LEFT, top - 4 * mm, label)
    c.setFont(styles.regular, 6)
    c.drawRightString(right, top - 2.3 * mm, FORM_NAME)
    c.drawRightString(right, top - 4.8 * mm, FORM_APPROVAL)
    return top - FORM_HEAD_HEIGHT


def _organization(c: Canvas, top: float, sheet: CashBookSheet, styles: _Styles) -> float:
    right = MARGIN_LEFT + _frame_width()
    box_left = right - CODE_BOX_WIDTH
    c.setLineWidth(_THIN)
    # The code box: "Код" over the OKUD and OKPO cells, their names to the left.
    c.rect(box_left, top - 3.5 * mm, CODE_BOX_WIDTH, 3.5 * mm)
    c.setLineWidth(_THICK)
    c.rect(box_left, top - 12.5 * mm, CODE_BOX_WIDTH, 9 * mm)
    c.setLineWidth(_THIN)
    c.line(box_left, top - 8 * mm, right, top - 8 * mm)
    _centered(c, box_left, right, top - 2.6 * mm, "Код", styles.regular, 6.5)
    _centered(c, box_left, right, top - 6.6 * mm, OKUD, styles.bold, 8)
    _centered(c, box_left, right, top - 11.1 * mm, sheet.okpo.strip(), styles.bold, 8)
    c.setFont(styles.regular, 6.5)
    c.drawRightString(box_left - 1.5 * mm, top - 6.6 * mm, "Форма по ОКУД")
    c.drawRightString(box_left - 1.5 * mm, top - 11.1 * mm, "по ОКПО")
    # The organization and the department on lines with their captions under them.
    line_right = box_left - CODE_LABEL_WIDTH
    for text, caption, baseline in (
        (sheet.organization_name, "организация", top - 4.5 * mm),
        (sheet.department, "структурное подразделение", top - 10.5 * mm),
    ):
        text = " ".join(text.split())
        width = line_right - MARGIN_LEFT
        size = shrink_to_fit(text, styles.regular, 8.5, width, 6.5)
        _text(c, MARGIN_LEFT, baseline, text, styles.regular, size, width)
        c.line(MARGIN_LEFT, baseline - 0.9 * mm, line_right, baseline - 0.9 * mm)
        _centered(c, MARGIN_LEFT, line_right, baseline - 3 * mm, caption, styles.regular, 5.5)
    return top - ORGANIZATION_HEIGHT


def _title(c: Canvas, top: float, page: _Page, styles: _Styles) -> float:
    right = MARGIN_LEFT + _frame_width()
    baseline = top - 5.5 * mm
    c.setFont(styles.bold, 10)
    c.drawCentredString(MARGIN_LEFT + _frame_width() / 2, baseline, f"КАССА за {date_ru(page.sheet.day)}")
    c.drawRightString(right, baseline, f"Лист {page.number}")
    return top - TITLE_HEIGHT


def _header_style(header: str, width: float, styles: _Styles) -> ParagraphStyle:
    """The column header's style: a smaller type when its longest word would be broken."""
    longest = max(header.split(), key=lambda word: stringWidth(word, styles.regular, 7))
    size = shrink_to_fit(longest, styles.regular, styles.head.fontSize, width, 5.5)
    if size == styles.head.fontSize:
        return styles.head
    return ParagraphStyle(f"head_{size}", parent=styles.head, fontSize=size, leading=size + 1)


def _table_header(c: Canvas, top: float, styles: _Styles) -> float:
    edges = column_edges()
    for (left, right), header in zip(zip(edges, edges[1:], strict=False), HEADERS, strict=True):
        para = Paragraph(header, _header_style(header, right - left - 2 * CELL_PADDING, styles))
        _, height = para.wrap(right - left - 2 * CELL_PADDING, HEADER_HEIGHT)
        para.drawOn(c, left + CELL_PADDING, top - (HEADER_HEIGHT + height) / 2)
    numbers_top = top - HEADER_HEIGHT
    for index, (left, right) in enumerate(zip(edges, edges[1:], strict=False), start=1):
        _centered(c, left, right, numbers_top - 2.9 * mm, str(index), styles.regular, 7)
    c.setLineWidth(_THIN)
    c.line(edges[0], numbers_top, edges[-1], numbers_top)
    c.line(edges[0], numbers_top - NUMBERS_HEIGHT, edges[-1], numbers_top - NUMBERS_HEIGHT)
    return numbers_top - NUMBERS_HEIGHT


def _row(c: Canvas, top: float, cells: Sequence[str], styles: _Styles, figures_from: int = 3) -> float:
    """One row of the table: texts in columns 1-3, sums (right-aligned) in 4-5; "Х" centred."""
    edges = column_edges()
    baseline = top - ROW_HEIGHT + 1.4 * mm
    for index, text in enumerate(cells):
        left, right = edges[index] + CELL_PADDING, edges[index + 1] - CELL_PADDING
        if not text:
            continue
        if text == NO_FIGURE:
            _centered(c, left, right, baseline, text, styles.regular, CELL_SIZE)
        elif index >= figures_from:
            _figure(c, right, baseline, text, styles.regular, right - left)
        else:
            _text(c, left, baseline, text, styles.regular, CELL_SIZE, right - left)
    c.setLineWidth(_THIN)
    c.line(edges[0], top - ROW_HEIGHT, edges[-1], top - ROW_HEIGHT)
    return top - ROW_HEIGHT


def _entry_cells(entry: CashBookEntry) -> list[str]:
    amount = money(entry.amount)
    return [
        " ".join(entry.document_number.split()),
        " ".join(entry.counterparty.split()),
        " ".join(entry.account.split()),
        amount if entry.kind == "in" else "",
        amount if entry.kind == "out" else "",
    ]


def _table(c: Canvas, top: float, page: _Page, styles: _Styles) -> float:
    sheet = page.sheet
    table_top = top
    y = _table_header(c, top, styles)
    if page.first:
        y = _row(c, y, ["", OPENING, NO_FIGURE, money(sheet.opening_balance), NO_FIGURE], styles)
    else:
        came_in, went_out = page.brought or (Decimal(0), Decimal(0))
        y = _row(c, y, ["", CARRIED, NO_FIGURE, money(came_in), money(went_out)], styles)
    for entry in page.entries:
        y = _row(c, y, _entry_cells(entry), styles)
    if page.last:
        y = _row(c, y, ["", DAY_TOTAL, NO_FIGURE, money(sheet.total_in), money(sheet.total_out)], styles)
        y = _row(c, y, ["", CLOSING, NO_FIGURE, money(sheet.closing_balance), NO_FIGURE], styles)
        y = _row(c, y, ["", SALARY, NO_FIGURE, "", NO_FIGURE], styles)
    else:
        came_in, went_out = page.carried or (Decimal(0), Decimal(0))
        y = _row(c, y, ["", CARRIED, NO_FIGURE, money(came_in), money(went_out)], styles)
    edges = column_edges()
    c.setLineWidth(_THIN)
    for x in edges[1:-1]:
        c.line(x, table_top, x, y)
    c.setLineWidth(_THICK)
    c.rect(edges[0], y, edges[-1] - edges[0], table_top - y)
    return y


def _signature(c: Canvas, top: float, label: str, name: str, styles: _Styles) -> float:
    """ "Кассир ____________ Иванова А. А." with "подпись" and "расшифровка подписи" under the lines."""
    baseline = top - 4 * mm
    sign_left, sign_right = MARGIN_LEFT + 20 * mm, MARGIN_LEFT + 55 * mm
    name_left, name_right = MARGIN_LEFT + 60 * mm, MARGIN_LEFT + 125 * mm
    c.setFont(styles.bold, 8)
    c.drawString(MARGIN_LEFT, baseline, label)
    c.setLineWidth(_THIN)
    c.line(sign_left, baseline - 0.9 * mm, sign_right, baseline - 0.9 * mm)
    c.line(name_left, baseline - 0.9 * mm, name_right, baseline - 0.9 * mm)
    _centered(c, name_left, name_right, baseline, " ".join(name.split()), styles.regular, 8)
    _centered(c, sign_left, sign_right, baseline - 3.2 * mm, "подпись", styles.regular, 5.5)
    _centered(c, name_left, name_right, baseline - 3.2 * mm, "расшифровка подписи", styles.regular, 5.5)
    return top - SIGNATURE_LINE_HEIGHT


def _count_line(c: Canvas, top: float, before: str, words: str, after: str, styles: _Styles) -> float:
    """A sentence with a count in words on a line of its own, "прописью" underneath."""
    baseline = top - 4 * mm
    size = 8
    c.setFont(styles.regular, size)
    c.drawString(MARGIN_LEFT, baseline, before)
    field_left = MARGIN_LEFT + c.stringWidth(before, styles.regular, size) + 1.5 * mm
    field_right = field_left + 45 * mm
    c.drawString(field_right + 1.5 * mm, baseline, after)
    c.setLineWidth(_THIN)
    c.line(field_left, baseline - 0.9 * mm, field_right, baseline - 0.9 * mm)
    _centered(c, field_left, field_right, baseline, words, styles.bold, size)
    _centered(c, field_left, field_right, baseline - 3.2 * mm, "прописью", styles.regular, 5.5)
    return top - SIGNATURE_LINE_HEIGHT


def _signatures(c: Canvas, top: float, sheet: CashBookSheet, styles: _Styles) -> float:
    y = top - SIGNATURES_GAP
    y = _signature(c, y, "Кассир", sheet.cashier_name, styles)
    y = _count_line(
        c, y, "Записи в кассовой книге проверил и документы в количестве",
        count_in_words(sheet.in_documents), "приходных", styles,
    )
    y = _count_line(c, y, "и", count_in_words(sheet.out_documents), "расходных получил.", styles)
    return _signature(c, y - ACCOUNTANT_GAP, "Бухгалтер", sheet.accountant_name, styles)


def _half(c: Canvas, top: float, page: _Page, label: str, styles: _Styles) -> None:
    y = _form_head(c, top, label, styles)
    if page.first:
        y = _organization(c, y, page.sheet, styles)
    y = _title(c, y, page, styles)
    y = _table(c, y, page, styles)
    if page.last:
        _signatures(c, y, page.sheet, styles)


def _cut_line(c: Canvas, styles: _Styles) -> None:
    size = 6
    label_width = c.stringWidth(CUT_LABEL, styles.regular, size) + 4 * mm
    middle = PAGE_SIZE[0] / 2
    c.saveState()
    c.setLineWidth(0.4)
    c.setDash(3, 2)
    c.line(7 * mm, CUT_Y, middle - label_width / 2, CUT_Y)
    c.line(middle + label_width / 2, CUT_Y, PAGE_SIZE[0] - 7 * mm, CUT_Y)
    c.restoreState()
    c.setFont(styles.regular, size)
    c.drawCentredString(middle, CUT_Y - size / 3, CUT_LABEL)


def render_cash_book(sheets: Sequence[CashBookSheet]) -> bytes:
    """Render cash book sheets (form КО-4) to PDF bytes: per page the sheet and, below the cut
    line, the cashier's report; a day too long for one page continues with "Перенос".

    Raises ValueError when there are no sheets or a sheet's totals disagree with its entries.
    """
    if not sheets:
        raise ValueError("No cash book sheets to print")
    for sheet in sheets:
        _check(sheet)
    styles = _Styles()
    pages = [page for sheet in sheets for page in _pages(sheet)]
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=PAGE_SIZE, pageCompression=1)
    first, last = pages[0], pages[-1]
    c.setTitle(f"Кассовая книга, листы {first.number}–{last.number}")
    c.setAuthor(sheets[0].organization_name)
    c.setCreator("MedCenter Desktop")
    for page in pages:
        _half(c, PAGE_SIZE[1] - MARGIN_TOP, page, SHEET_COPY, styles)
        _cut_line(c, styles)
        _half(c, CUT_Y - CUT_GAP, page, REPORT_COPY, styles)
        c.showPage()
    c.save()
    return buffer.getvalue()
