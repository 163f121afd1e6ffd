"""The certificate of payment for medical services for the tax office, КНД 1151156 (A4 PDF).

"Справка об оплате медицинских услуг для представления в налоговый орган", the form of FNS order
ЕА-7-11/824@ of 08.11.2023 (expenses from 2024). It is a machine-readable FNS form: positioning
squares in the corners, the page's barcode, and one character per cell. Page 1 holds the clinic's
INN and KPP, the certificate number, correction number and tax year, the clinic's name, the
taxpayer (surname, name, patronymic, INN, date of birth and - only without an INN - the identity
document), the flag "taxpayer and patient are one person", the sums under service codes 1 and 2
and the clinic's signature block; page 2, printed only when the patient is someone else, holds the
patient and a signature line of its own.

Cells are filled the way the FNS asks of its printed forms: capital letters, left to right from
the first cell, a dash in every cell left over on the right of a field and in every cell of a field
that has no value (the INN that the person does not have, the document when the INN is given). A
10-digit INN of an organization takes the first ten of the twelve cells. Sums print as roubles
from the first cell, dashes, a point, and two cells of kopecks. A name too long for its cells is
cut at the last cell; an identifier that does not fit (certificate number, document number) is
refused with ValueError rather than printed wrong.

Sources: the order (docs.cntd.ru/document/1304188515), the layout reproduced in an open clinic
information system that prints this form (positions in millimetres, 5 mm cells), the FNS rules for
its other machine-readable forms.

Unverified (no text of the filling procedure was available here; confirm before shipping):
- the page barcodes 2690 1015 (page 1) and 2690 1022 (page 2), taken from that open source;
- the number of cells: 12 for the certificate number, 4 lines of 40 for the clinic's name,
  36 for each part of a name, 20 for the document's series and number, 13 + 2 for a sum,
  3 lines of 20 for the signer's name; the cell pitch here is 4.9 mm;
- dashes in unused cells (FNS rules for other forms allow printing them or leaving cells empty),
  "0--" for the first issue's correction number and "1--" / "2--" for the page count;
- a zero sum under a code printed as "0" (not as dashes);
- whether the signer's position belongs on the form (it has no field for it: not printed), and the
  QR zone (left empty: its content is not described here).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import ROUND_HALF_UP, Decimal

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.eanbc import Ean8BarcodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from shared.services.cash_documents import TaxDeductionCertificate, TaxPerson

from ._common import fit_text, mono_font, shrink_to_fit
from .fonts import register_fonts

PAGE_SIZE = A4  # 210 x 297 mm, portrait
LEFT = 7 * mm  # the cells run from here ...
RIGHT = 203 * mm  # ... to here: 40 cells of the clinic's name
PITCH = 4.9 * mm  # one character cell
CELL_HEIGHT = 6 * mm
CELL_FONT_SIZE = 12
LABEL_SIZE = 8.5
MARKER = 5 * mm  # the black positioning squares in the corners

KND = "1151156"
TITLE_LINES = ("Справка", "об оплате медицинских услуг для представления", "в налоговый орган")
ORDER_NOTE = ("Приложение № 1", "к приказу ФНС России", "от 08.11.2023 № ЕА-7-11/824@")
PAGE_BARCODES = ("26901015", "26901022")  # EAN-8 of page 1 and page 2 (unverified)

DASH = "-"  # an unused cell
NAME_CELLS = 36
ORGANIZATION_LINES, ORGANIZATION_CELLS = 4, 40
NUMBER_CELLS = 12
DOCUMENT_CELLS = 20
RUBLE_CELLS = 13
SIGNER_LINES, SIGNER_CELLS = 3, 20

# Where the fields stand: x of a field's first cell; tops of rows in mm from the page's top edge.
INN_X = KPP_X = 69 * mm
PAGE_NUMBER_X = 126 * mm
NUMBER_X = 33 * mm
CORRECTION_X = 132 * mm
YEAR_X = RIGHT - 4 * PITCH
PERSON_X = LEFT + 19.5 * mm  # surname, name, patronymic, INN
BIRTH_DATE_X = 128 * mm
DOCUMENT_CODE_X = ISSUE_DATE_X = LEFT + 34 * mm
DOCUMENT_NUMBER_X = RIGHT - DOCUMENT_CELLS * PITCH
FIGURES_X = RIGHT - (RUBLE_CELLS + 3) * PITCH  # the same-person flag and the sums
SIGN_DATE_X = 108 * mm - 2 * mm - 10 * PITCH
PAGES_X = 46 * mm
TAXPAYER_TOP, PATIENT_TOP = 103, 43  # the surname rows of page 1 and page 2
ORGANIZATION_TOP, SIGNER_TOP = 62, 205  # the first of 4 (8 mm apart) and of 3 lines

SAME_PERSON = "Налогоплательщик и пациент являются одним лицом"
CONFIRM = "Достоверность и полноту сведений, указанных"
CONFIRM_2 = "в настоящей справке, подтверждаю:"
CONFIRM_PAGE = "Достоверность и полноту сведений, указанных на данной странице, подтверждаю:"
FOOTNOTE_PATRONYMIC = "Отчество указывается при наличии (относится ко всем листам документа)."
FOOTNOTE_INN = "ИНН указывается при наличии."
FOOTNOTE_PATIENT = "Данные заполняются, если налогоплательщик и пациент не являются одним лицом."

_LINE = 0.5
_INN_PERSON = re.compile(r"\d{12}")
_INN_ANY = re.compile(r"\d{10}|\d{12}")
_KPP = re.compile(r"[0-9A-Z]{9}")
_KOPECK = Decimal("0.01")


# --- Values for the cells ------------------------------------------------------------------------


def cell_text(value: str, cells: int) -> str:
    """The value as the cells print it: capitals, from the first cell, dashes in the rest, cut at the
    last cell. An empty value is all dashes."""
    text = " ".join(value.split()).upper()[:cells]
    return text + DASH * (cells - len(text))


def wrap_cells(value: str, cells: int, lines: int) -> list[str]:
    """A long text over several lines of cells, broken between words where it can be; after the
    text every cell holds a dash. A text longer than all the lines is cut at the last cell."""
    words = " ".join(value.split()).upper().split(" ") if value.strip() else []
    rows: list[str] = []
    current = ""
    for word in words:
        while len(word) > cells:  # a word longer than a line fills lines of its own
            if current:
                rows.append(current)
                current = ""
            rows.append(word[:cells])
            word = word[cells:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= cells:
            current += " " + word
        else:
            rows.append(current)
            current = word
    if current:
        rows.append(current)
    if len(rows) > lines:  # too long: the last line runs on to its last cell and the rest is cut
        rows = rows[: lines - 1] + [" ".join(rows[lines - 1 :])[:cells]]
    filled = [row.ljust(cells) for row in rows]
    if filled:  # dashes follow the end of the text, not the ends of broken lines
        filled[-1] = rows[-1] + DASH * (cells - len(rows[-1]))
    filled += [DASH * cells] * (lines - len(filled))
    return filled


def signer_lines(name: str) -> list[str]:
    """Surname, name and patronymic on three lines of 20 cells; a name of other shape is wrapped."""
    words = name.split()
    if len(words) <= SIGNER_LINES and all(len(word) <= SIGNER_CELLS for word in words):
        words += [""] * (SIGNER_LINES - len(words))
        return [cell_text(word, SIGNER_CELLS) for word in words]
    return wrap_cells(name, SIGNER_CELLS, SIGNER_LINES)


def amount_cells(amount: Decimal) -> tuple[str, str]:
    """Decimal("1500.5") -> ("1500---------", "50"): roubles from the first cell, kopecks."""
    value = Decimal(amount).quantize(_KOPECK, rounding=ROUND_HALF_UP)
    roubles, kopecks = f"{value:.2f}".split(".")
    return roubles + DASH * (RUBLE_CELLS - len(roubles)), kopecks


def date_cells(day: dt.date | None) -> str:
    """"DDMMYYYY" for the eight cells of a date (the points stand between the groups)."""
    return day.strftime("%d%m%Y") if day else DASH * 8


def _clean(value: str) -> str:
    return "".join(value.split()).upper()


def _check_person(person: TaxPerson, who: str) -> None:
    inn = _clean(person.inn)
    if inn and not _INN_PERSON.fullmatch(inn):
        raise ValueError(f"The {who}'s INN must be 12 digits: {person.inn!r}")
    if not inn:
        if len(_clean(person.document_code)) > 2:
            raise ValueError(f"The {who}'s document code takes two cells: {person.document_code!r}")
        if len(" ".join(person.document_number.split())) > DOCUMENT_CELLS:
            raise ValueError(f"The {who}'s document number does not fit {DOCUMENT_CELLS} cells")


def _check(cert: TaxDeductionCertificate) -> None:
    """Refuse values the cells cannot hold: a certificate printed wrong is worse than none."""
    if not _INN_ANY.fullmatch(_clean(cert.organization_inn)):
        raise ValueError(f"The clinic's INN must be 10 or 12 digits: {cert.organization_inn!r}")
    if _clean(cert.organization_kpp) and not _KPP.fullmatch(_clean(cert.organization_kpp)):
        raise ValueError(f"The clinic's KPP must be 9 characters: {cert.organization_kpp!r}")
    number = " ".join(cert.number.split())
    if not number or len(number) > NUMBER_CELLS:
        raise ValueError(f"The certificate number must be 1 to {NUMBER_CELLS} characters: {cert.number!r}")
    if not 0 <= cert.correction_number <= 999:
        raise ValueError(f"The correction number takes three cells: {cert.correction_number}")
    if not 1000 <= cert.tax_year <= 9999:
        raise ValueError(f"The tax year takes four cells: {cert.tax_year}")
    for amount in (cert.amount_code_1, cert.amount_code_2):
        if amount < 0 or amount >= Decimal(10) ** RUBLE_CELLS:
            raise ValueError(f"A sum must be from 0 to {RUBLE_CELLS} digits of roubles: {amount}")
    _check_person(cert.taxpayer, "taxpayer")
    if not cert.patient_is_taxpayer:
        if cert.patient is None:
            raise ValueError("The patient is not the taxpayer, but the certificate has no patient")
        _check_person(cert.patient, "patient")


# --- Drawing -------------------------------------------------------------------------------------


class _Styles:
    def __init__(self) -> None:
        fonts = register_fonts()
        self.regular, self.bold = fonts.regular, fonts.bold
        self.mono = mono_font()


def _y(top_mm: float) -> float:
    """A distance from the top edge of the page, in millimetres, as a reportlab y."""
    return PAGE_SIZE[1] - top_mm * mm


def _cells(c: Canvas, x: float, top_mm: float, text: str, styles: _Styles) -> float:
    """A row of cells holding text, one character each; returns the x after the last cell."""
    bottom = _y(top_mm) - CELL_HEIGHT
    c.setLineWidth(_LINE)
    c.setFont(styles.mono, CELL_FONT_SIZE)
    for index, char in enumerate(text):
        left = x + index * PITCH
        c.rect(left, bottom, PITCH, CELL_HEIGHT)
        if char.strip():
            c.drawCentredString(left + PITCH / 2, bottom + 1.6 * mm, char)
    return x + len(text) * PITCH


def _label(c: Canvas, x: float, top_mm: float, text: str, styles: _Styles, width: float | None = None,
           size: float = LABEL_SIZE, font: str | None = None) -> float:
    """A caption level with a row of cells whose top is top_mm; returns the x after it."""
    font = font or styles.regular
    if width is not None:
        size = shrink_to_fit(text, font, size, width, 6.5)
        text = fit_text(text, font, size, width)
    c.setFont(font, size)
    c.drawString(x, _y(top_mm) - CELL_HEIGHT + 1.8 * mm, text)
    return x + c.stringWidth(text, font, size)


def _mark(c: Canvas, x: float, top_mm: float, mark: str, styles: _Styles) -> None:
    """A footnote mark raised after a caption."""
    c.setFont(styles.regular, 6)
    c.drawString(x + 0.3 * mm, _y(top_mm) - CELL_HEIGHT + 3.6 * mm, mark)


def _date(c: Canvas, x: float, top_mm: float, day: dt.date | None, styles: _Styles) -> float:
    """DD.MM.YYYY in three groups of cells with the points between them."""
    digits = date_cells(day)
    for start, end in ((0, 2), (2, 4), (4, 8)):
        x = _cells(c, x, top_mm, digits[start:end], styles)
        if end < 8:
            c.setFont(styles.mono, CELL_FONT_SIZE)
            c.drawCentredString(x + PITCH / 2, _y(top_mm) - CELL_HEIGHT + 1.6 * mm, ".")
            x += PITCH
    return x


def _amount(c: Canvas, x: float, top_mm: float, amount: Decimal, styles: _Styles) -> float:
    roubles, kopecks = amount_cells(amount)
    x = _cells(c, x, top_mm, roubles, styles)
    c.setFont(styles.mono, CELL_FONT_SIZE)
    c.drawCentredString(x + PITCH / 2, _y(top_mm) - CELL_HEIGHT + 1.6 * mm, ".")
    return _cells(c, x + PITCH, top_mm, kopecks, styles)


def _markers(c: Canvas) -> None:
    """The black squares the tax office's scanners align the page by."""
    for x, top in ((LEFT, 7), (47 * mm, 7), (LEFT, 285), (RIGHT - MARKER, 285)):
        c.rect(x, _y(top) - MARKER, MARKER, MARKER, stroke=0, fill=1)


def _barcode(c: Canvas, page: int) -> None:
    code = PAGE_BARCODES[page - 1]
    widget = Ean8BarcodeWidget(code[:7], barHeight=9 * mm, barWidth=0.36 * mm, fontSize=7)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(x1 - x0, y1 - y0)
    drawing.add(widget)
    renderPDF.draw(drawing, c, 15 * mm, _y(19))


def _page_head(c: Canvas, cert: TaxDeductionCertificate, page: int, styles: _Styles) -> None:
    """Markers, barcode, the clinic's INN and KPP and the page number: the same on every page."""
    _markers(c)
    _barcode(c, page)
    inn = _clean(cert.organization_inn)
    _label(c, 58 * mm, 8, "ИНН", styles, size=10)
    _cells(c, INN_X, 8, inn + DASH * (12 - len(inn)), styles)
    _label(c, 58 * mm, 16, "КПП", styles, size=10)
    _cells(c, KPP_X, 16, cell_text(_clean(cert.organization_kpp), 9), styles)
    _label(c, 116 * mm, 16, "Стр.", styles, size=10)
    _cells(c, PAGE_NUMBER_X, 16, f"{page:03d}", styles)


def _person(c: Canvas, top: float, person: TaxPerson, styles: _Styles, patronymic_mark: bool) -> None:
    """Surname, name, patronymic, INN, date of birth, the identity document; top is the first row."""
    x = PERSON_X
    for offset, caption, value in (
        (0, "Фамилия", person.last_name),
        (9, "Имя", person.first_name),
        (18, "Отчество", person.middle_name),
    ):
        end = _label(c, LEFT, top + offset, caption, styles)
        if caption == "Отчество" and patronymic_mark:
            _mark(c, end, top + offset, "1", styles)
        _cells(c, x, top + offset, cell_text(value, NAME_CELLS), styles)
    inn = _clean(person.inn)
    end = _label(c, LEFT, top + 27, "ИНН", styles)
    _mark(c, end, top + 27, "2", styles)
    _cells(c, x, top + 27, cell_text(inn, 12), styles)
    _label(c, 98 * mm, top + 27, "Дата рождения", styles)
    _date(c, BIRTH_DATE_X, top + 27, person.birth_date, styles)
    c.setFont(styles.regular, LABEL_SIZE)
    c.drawString(LEFT, _y(top + 37.5), "Сведения о документе, удостоверяющем личность:")
    with_document = not inn  # the document is given only when there is no INN
    _label(c, LEFT, top + 40, "Код вида документа", styles)
    _cells(c, DOCUMENT_CODE_X, top + 40, cell_text(_clean(person.document_code) if with_document else "", 2), styles)
    _label(c, 77 * mm, top + 40, "Серия и номер", styles)
    number = person.document_number if with_document else ""
    _cells(c, DOCUMENT_NUMBER_X, top + 40, cell_text(number, DOCUMENT_CELLS), styles)
    _label(c, LEFT, top + 49, "Дата выдачи", styles)
    _date(c, ISSUE_DATE_X, top + 49, person.document_issued_on if with_document else None, styles)


def _footnotes(c: Canvas, top: float, notes: tuple[str, ...], styles: _Styles) -> None:
    for index, note in enumerate(notes, start=1):
        baseline = _y(top + 4 * (index - 1))
        c.setFont(styles.regular, 5.5)
        c.drawString(LEFT, baseline + 1.2 * mm, str(index))
        c.setFont(styles.regular, 7)
        c.drawString(LEFT + 2 * mm, baseline, note)


def _page_one(c: Canvas, cert: TaxDeductionCertificate, pages: int, styles: _Styles) -> None:
    _page_head(c, cert, 1, styles)
    c.setFont(styles.regular, 6.5)
    for index, line in enumerate(ORDER_NOTE):
        c.drawRightString(RIGHT, _y(9 + 3 * index), line)
    c.setFont(styles.bold, 9)
    c.drawString(LEFT, _y(28), f"Форма по КНД {KND}")
    c.setFont(styles.bold, 11)
    for index, line in enumerate(TITLE_LINES):
        c.drawCentredString(PAGE_SIZE[0] / 2, _y(33 + 5 * index), line)

    _label(c, LEFT, 47, "Номер справки", styles, width=NUMBER_X - LEFT - 1 * mm)
    _cells(c, NUMBER_X, 47, cell_text(cert.number, NUMBER_CELLS), styles)
    _label(c, 95 * mm, 47, "Номер корректировки", styles)
    _cells(c, CORRECTION_X, 47, cell_text(str(cert.correction_number), 3), styles)
    _label(c, 150 * mm, 47, "Отчетный год", styles)
    _cells(c, YEAR_X, 47, str(cert.tax_year), styles)

    c.setFont(styles.regular, 8)
    c.drawString(
        LEFT, _y(60),
        "Данные медицинской организации / индивидуального предпринимателя, осуществляющего медицинскую деятельность:",
    )
    for index, line in enumerate(wrap_cells(cert.organization_name, ORGANIZATION_CELLS, ORGANIZATION_LINES)):
        _cells(c, LEFT, ORGANIZATION_TOP + 8 * index, line, styles)
    caption = "(наименование медицинской организации / фамилия, имя, отчество"
    tail = " индивидуального предпринимателя)"
    c.setFont(styles.regular, 7)
    width = c.stringWidth(caption + tail, styles.regular, 7) + 1.5 * mm
    x = (PAGE_SIZE[0] - width) / 2
    c.drawString(x, _y(95.5), caption)
    x += c.stringWidth(caption, styles.regular, 7)
    c.setFont(styles.regular, 5.5)
    c.drawString(x + 0.2 * mm, _y(95.5) + 1.4 * mm, "1")
    c.setFont(styles.regular, 7)
    c.drawString(x + 1.5 * mm, _y(95.5), tail)

    c.setFont(styles.regular, LABEL_SIZE)
    c.drawString(
        LEFT, _y(101),
        "Данные физического лица (его супруга/супруги), оплатившего медицинские услуги (далее - налогоплательщик):",
    )
    _person(c, TAXPAYER_TOP, cert.taxpayer, styles, patronymic_mark=True)

    figures_x = FIGURES_X
    label_width = figures_x - LEFT - 3 * mm
    _label(c, LEFT, 162, SAME_PERSON, styles, width=label_width)
    end = _cells(c, figures_x, 162, "1" if cert.patient_is_taxpayer else "0", styles)
    c.setFont(styles.regular, 7)
    c.drawString(end + 2 * mm, _y(164.5), "0 - нет")
    c.drawString(end + 2 * mm, _y(167.5), "1 - да")
    for top, code, amount in ((172, "1", cert.amount_code_1), (181, "2", cert.amount_code_2)):
        text = f"Сумма расходов на оказанные медицинские услуги по коду услуги «{code}»"
        _label(c, LEFT, top, text, styles, width=label_width)
        _amount(c, figures_x, top, amount, styles)

    _signature_block(c, cert, pages, styles)
    _footnotes(c, 271, (FOOTNOTE_PATRONYMIC, FOOTNOTE_INN), styles)


def _signature_block(c: Canvas, cert: TaxDeductionCertificate, pages: int, styles: _Styles) -> None:
    rule_x = 108 * mm
    c.setLineWidth(_LINE)
    c.line(LEFT, _y(192), RIGHT, _y(192))
    c.line(rule_x, _y(192), rule_x, _y(258))
    c.setFont(styles.bold, 9)
    middle = (LEFT + rule_x) / 2
    c.drawCentredString(middle, _y(197), CONFIRM)
    c.drawCentredString(middle, _y(201.5), CONFIRM_2)
    c.drawCentredString((rule_x + RIGHT) / 2, _y(197), "Зона QR-кода")
    for index, line in enumerate(signer_lines(cert.signer_name)):
        _cells(c, LEFT, SIGNER_TOP + 8 * index, line, styles)
    c.setFont(styles.regular, 7)
    caption = "(фамилия, имя, отчество"
    width = c.stringWidth(caption + ")", styles.regular, 7) + 1.3 * mm
    x = middle - width / 2
    c.drawString(x, _y(232), caption)
    x += c.stringWidth(caption, styles.regular, 7)
    c.setFont(styles.regular, 5.5)
    c.drawString(x + 0.1 * mm, _y(232) + 1.4 * mm, "1")
    c.setFont(styles.regular, 7)
    c.drawString(x + 1.3 * mm, _y(232), ")")
    _label(c, LEFT, 236, "Подпись", styles)
    c.line(LEFT + 14 * mm, _y(241.5), LEFT + 38 * mm, _y(241.5))
    _label(c, LEFT + 40 * mm, 236, "Дата", styles)
    _date(c, SIGN_DATE_X, 236, cert.issued_on, styles)
    _label(c, LEFT, 247, "Справка составлена на", styles, width=PAGES_X - LEFT - 1 * mm)
    end = _cells(c, PAGES_X, 247, cell_text(str(pages), 3), styles)
    _label(c, end + 2 * mm, 247, "страницах", styles)


def _page_two(c: Canvas, cert: TaxDeductionCertificate, styles: _Styles) -> None:
    _page_head(c, cert, 2, styles)
    heading = "Данные физического лица, которому оказаны медицинские услуги"
    c.setFont(styles.regular, LABEL_SIZE)
    c.drawString(LEFT, _y(40), heading)
    x = LEFT + c.stringWidth(heading, styles.regular, LABEL_SIZE)
    c.setFont(styles.regular, 6)
    c.drawString(x + 0.3 * mm, _y(40) + 1.8 * mm, "1")
    c.setFont(styles.regular, LABEL_SIZE)
    c.drawString(x + 1.8 * mm, _y(40), ":")
    assert cert.patient is not None  # checked by _check
    _person(c, PATIENT_TOP, cert.patient, styles, patronymic_mark=False)

    c.setFont(styles.bold, 9)
    c.drawCentredString(PAGE_SIZE[0] / 2, _y(255), CONFIRM_PAGE)
    c.setLineWidth(_LINE)
    for left, right, caption in ((60, 115, "(подпись)"), (135, 175, "(дата)")):
        c.line(left * mm, _y(266), right * mm, _y(266))
        c.setFont(styles.regular, 7)
        c.drawCentredString((left + right) / 2 * mm, _y(269), caption)
    c.setFont(styles.regular, 10)
    c.drawCentredString(155 * mm, _y(265), cert.issued_on.strftime("%d.%m.%Y"))
    _footnotes(c, 276, (FOOTNOTE_PATIENT, FOOTNOTE_INN), styles)


def render_tax_certificate(cert: TaxDeductionCertificate) -> bytes:
    """Render the certificate of payment for medical services (КНД 1151156) to PDF bytes: one page,
    or two when the patient is not the taxpayer.

    Raises ValueError for values the form's cells cannot hold (see the module docstring).
    """
    _check(cert)
    styles = _Styles()
    pages = 1 if cert.patient_is_taxpayer else 2
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=PAGE_SIZE, pageCompression=1)
    c.setTitle(f"Справка об оплате медицинских услуг № {' '.join(cert.number.split())} за {cert.tax_year} год")
    c.setAuthor(cert.organization_name)
    c.setCreator("MedCenter Desktop")
    _page_one(c, cert, pages, styles)
    c.showPage()
    if pages == 2:
        _page_two(c, cert, styles)
        c.showPage()
    c.save()
    return buffer.getvalue()
