from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from printing import tax_certificate as form
from printing.tax_certificate import (
    amount_cells,
    cell_text,
    date_cells,
    render_tax_certificate,
    signer_lines,
    wrap_cells,
)
from shared.identifiers import is_valid_inn
from shared.services.cash_documents import TaxDeductionCertificate, TaxPerson
from tests.printing.pdf_helpers import (
    MM,
    char_boxes,
    dirty_margins,
    is_pdf,
    open_pdf,
    page_sizes_mm,
    page_texts,
    rasterize,
)

# Everything below is made up: a fictitious clinic and people; the INNs are built to pass the check
# digits (region 99, a run of zeros) and belong to no one.
CLINIC_INN = "9900000017"
TAXPAYER_INN = "990000000115"
PATIENT_INN = "990000000299"
LONG_TEXT_300 = ("Вымышленное наименование для проверки переноса длинных строк " * 6)[:300]

TAXPAYER = TaxPerson(
    last_name="Тестова", first_name="Анна", middle_name="Петровна", inn=TAXPAYER_INN,
    birth_date=dt.date(1985, 3, 7), document_code="", document_number="", document_issued_on=None,
)
TAXPAYER_WITHOUT_INN = dataclasses.replace(
    TAXPAYER, inn="", document_code="21", document_number="0000 000001", document_issued_on=dt.date(2015, 6, 1),
)
PATIENT = TaxPerson(
    last_name="Тестов", first_name="Пётр", middle_name="Иванович", inn=PATIENT_INN,
    birth_date=dt.date(2015, 9, 1), document_code="", document_number="", document_issued_on=None,
)


def _cert(**changes) -> TaxDeductionCertificate:
    cert = TaxDeductionCertificate(
        number="45",
        correction_number=0,
        tax_year=2026,
        organization_name="ООО «Тестовая клиника № 1»",
        organization_inn=CLINIC_INN,
        organization_kpp="990001001",
        taxpayer=TAXPAYER,
        patient_is_taxpayer=True,
        patient=None,
        amount_code_1=Decimal("15400.50"),
        amount_code_2=Decimal("0.00"),
        issued_on=dt.date(2027, 2, 10),
        signer_name="Петрова Ирина Сергеевна",
        signer_position="главный врач",
    )
    return dataclasses.replace(cert, **changes)


def _with_patient(**changes) -> TaxDeductionCertificate:
    return _cert(**{"patient_is_taxpayer": False, "patient": PATIENT, **changes})


def test_the_fixtures_are_check_digit_valid():
    assert all(is_valid_inn(inn) for inn in (CLINIC_INN, TAXPAYER_INN, PATIENT_INN))


def _squeezed(text: str) -> str:
    return "".join(text.split())


def field(pdf: bytes, page_index: int, x: float, top_mm: float, count: int) -> str:
    """What a row of cells holds, read back by position: one character per cell, a space for an
    empty cell. Fails when a character crosses its cell's borders."""
    page = open_pdf(pdf)[page_index]
    textpage = page.get_textpage()
    top = page.get_size()[1] - top_mm * MM
    bottom = top - form.CELL_HEIGHT
    cells = [""] * count
    for index in range(textpage.count_chars()):
        char = textpage.get_text_range(index, 1)
        if not char.strip():
            continue
        left, low, right, high = textpage.get_charbox(index)
        cx, cy = (left + right) / 2, (low + high) / 2
        if not (bottom < cy < top and x <= cx < x + count * form.PITCH):
            continue
        cell = int((cx - x) // form.PITCH)
        assert x + cell * form.PITCH <= left and right <= x + (cell + 1) * form.PITCH, (char, cell)
        assert bottom <= low and high <= top, char
        cells[cell] += char
    assert all(len(cell) <= 1 for cell in cells), cells
    return "".join(cell or " " for cell in cells)


def date_field(pdf: bytes, page_index: int, x: float, top_mm: float) -> str:
    """A date's cells with the points between the groups: "07.03.1985"."""
    return field(pdf, page_index, x, top_mm, 10)


def _assert_inside(pdf: bytes) -> None:
    for index, (w_mm, h_mm) in enumerate(page_sizes_mm(pdf)):
        for boxes in char_boxes(pdf, index, r"\S+"):
            for box in boxes:
                assert 6 * MM <= box.left and box.right <= (w_mm - 6) * MM, (index, box)
                assert 6 * MM <= box.bottom and box.top <= (h_mm - 6) * MM, (index, box)
    for image in rasterize(pdf, dpi=100):
        assert dirty_margins(image, dpi=100, margin_mm=6) == []


# --- values for the cells -----------------------------------------------------------------------


def test_cell_values_are_capitals_from_the_first_cell_with_dashes_after():
    assert cell_text("Тестова", 10) == "ТЕСТОВА---"
    assert cell_text("", 3) == "---"
    assert cell_text("0", 3) == "0--"
    assert cell_text("  двойная   фамилия ", 20) == "ДВОЙНАЯ ФАМИЛИЯ-----"
    assert cell_text("А" * 50, 36) == "А" * 36  # cut at the last cell
    assert date_cells(dt.date(1985, 3, 7)) == "07031985"
    assert date_cells(None) == "--------"


def test_sums_are_roubles_from_the_first_cell_then_kopecks():
    assert amount_cells(Decimal("15400.50")) == ("15400--------", "50")
    assert amount_cells(Decimal("0")) == ("0------------", "00")
    assert amount_cells(Decimal("120000")) == ("120000-------", "00")
    assert amount_cells(Decimal("0.005")) == ("0------------", "01")  # half a kopeck rounds up
    assert amount_cells(Decimal("9999999999999.99")) == ("9999999999999", "99")


def test_long_texts_wrap_between_words_over_lines_of_cells():
    assert wrap_cells("ООО «Тестовая клиника № 1»", 12, 3) == ["ООО         ", "«ТЕСТОВАЯ   ", "КЛИНИКА № 1»"]
    assert wrap_cells("Клиника", 10, 2) == ["КЛИНИКА---", "----------"]
    assert wrap_cells("", 4, 2) == ["----", "----"]
    assert wrap_cells("Абвгдеёжзийклм н", 5, 4) == ["АБВГД", "ЕЁЖЗИ", "ЙКЛМ ", "Н----"]
    assert wrap_cells("аааа ббб ввв", 5, 2) == ["АААА ", "БББ В"]  # too long: the last line runs on
    lines = wrap_cells(LONG_TEXT_300, 40, 4)
    assert len(lines) == 4 and all(len(line) == 40 for line in lines)
    assert lines[0].startswith("ВЫМЫШЛЕННОЕ НАИМЕНОВАНИЕ ДЛЯ ПРОВЕРКИ")


def test_the_signer_takes_a_line_for_each_part_of_the_name():
    assert signer_lines("Петрова Ирина Сергеевна") == [
        "ПЕТРОВА-------------", "ИРИНА---------------", "СЕРГЕЕВНА-----------",
    ]
    assert signer_lines("Петрова И. С.") == ["ПЕТРОВА-------------", "И.------------------", "С.------------------"]
    assert signer_lines("Петрова Ирина") == ["ПЕТРОВА-------------", "ИРИНА---------------", "-" * 20]
    assert signer_lines("Константинопольская-Тестова Ирина") == [
        "КОНСТАНТИНОПОЛЬСКАЯ-", "ТЕСТОВА ИРИНА-------", "-" * 20,
    ]


def test_the_page_barcodes_carry_valid_ean8_check_digits():
    for code in form.PAGE_BARCODES:
        digits = [int(d) for d in code]
        weighted = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(digits[:7]))
        assert (10 - weighted % 10) % 10 == digits[7], code


# --- the form -----------------------------------------------------------------------------------


def test_taxpayer_who_is_the_patient_gets_a_one_page_certificate():
    pdf = render_tax_certificate(_cert())
    assert is_pdf(pdf)
    assert page_sizes_mm(pdf) == [pytest.approx((210, 297), abs=0.5)]
    raw = page_texts(pdf)[0]
    assert "\ufffd" not in raw
    text = " ".join(raw.split())
    for expected in (
        "Приложение № 1 к приказу ФНС России от 08.11.2023 № ЕА-7-11/824@",
        "Форма по КНД 1151156",
        "Справка об оплате медицинских услуг для представления в налоговый орган",
        "Номер справки", "Номер корректировки", "Отчетный год",
        "Данные медицинской организации / индивидуального предпринимателя, осуществляющего медицинскую "
        "деятельность:",
        "Данные физического лица (его супруга/супруги), оплатившего медицинские услуги (далее - налогоплательщик):",
        "Фамилия", "Имя", "Отчество", "Дата рождения",
        "Сведения о документе, удостоверяющем личность:", "Код вида документа", "Серия и номер", "Дата выдачи",
        "Налогоплательщик и пациент являются одним лицом", "0 - нет 1 - да",
        "Сумма расходов на оказанные медицинские услуги по коду услуги «1»",
        "Сумма расходов на оказанные медицинские услуги по коду услуги «2»",
        "Достоверность и полноту сведений, указанных в настоящей справке, подтверждаю:",
        "Зона QR-кода", "Подпись", "Дата", "Справка составлена на", "страницах",
        "Отчество указывается при наличии (относится ко всем листам документа).",
        "ИНН указывается при наличии.",
    ):
        assert expected in text, expected
    # The cells, read back by position.
    assert field(pdf, 0, form.INN_X, 8, 12) == CLINIC_INN + "--"  # ten digits, two dashes
    assert field(pdf, 0, form.KPP_X, 16, 9) == "990001001"
    assert field(pdf, 0, form.PAGE_NUMBER_X, 16, 3) == "001"
    assert field(pdf, 0, form.NUMBER_X, 47, 12) == "45----------"
    assert field(pdf, 0, form.CORRECTION_X, 47, 3) == "0--"
    assert field(pdf, 0, form.YEAR_X, 47, 4) == "2026"
    organization = [field(pdf, 0, form.LEFT, form.ORGANIZATION_TOP + 8 * i, 40) for i in range(4)]
    assert organization == ["ООО «ТЕСТОВАЯ КЛИНИКА № 1»" + "-" * 14] + ["-" * 40] * 3
    top = form.TAXPAYER_TOP
    assert field(pdf, 0, form.PERSON_X, top, 36) == "ТЕСТОВА" + "-" * 29
    assert field(pdf, 0, form.PERSON_X, top + 9, 36) == "АННА" + "-" * 32
    assert field(pdf, 0, form.PERSON_X, top + 18, 36) == "ПЕТРОВНА" + "-" * 28
    assert field(pdf, 0, form.PERSON_X, top + 27, 12) == TAXPAYER_INN
    assert date_field(pdf, 0, form.BIRTH_DATE_X, top + 27) == "07.03.1985"
    # With an INN the document is left out: dashes in every cell.
    assert field(pdf, 0, form.DOCUMENT_CODE_X, top + 40, 2) == "--"
    assert field(pdf, 0, form.DOCUMENT_NUMBER_X, top + 40, 20) == "-" * 20
    assert date_field(pdf, 0, form.ISSUE_DATE_X, top + 49) == "--.--.----"
    assert field(pdf, 0, form.FIGURES_X, 162, 1) == "1"
    assert field(pdf, 0, form.FIGURES_X, 172, 16) == "15400--------.50"
    assert field(pdf, 0, form.FIGURES_X, 181, 16) == "0------------.00"
    signer = [field(pdf, 0, form.LEFT, form.SIGNER_TOP + 8 * i, 20) for i in range(3)]
    assert signer == ["ПЕТРОВА-------------", "ИРИНА---------------", "СЕРГЕЕВНА-----------"]
    assert date_field(pdf, 0, form.SIGN_DATE_X, 236) == "10.02.2027"
    assert field(pdf, 0, form.PAGES_X, 247, 3) == "1--"
    assert "главный врач" not in text  # the form has no field for the position
    _assert_inside(pdf)


def test_a_separate_patient_goes_on_page_two():
    pdf = render_tax_certificate(_with_patient(amount_code_2=Decimal("120000")))
    texts = page_texts(pdf)
    assert len(texts) == 2
    assert all(size == pytest.approx((210, 297), abs=0.5) for size in page_sizes_mm(pdf))
    assert field(pdf, 0, form.FIGURES_X, 162, 1) == "0"
    assert field(pdf, 0, form.FIGURES_X, 181, 16) == "120000-------.00"
    assert field(pdf, 0, form.PAGES_X, 247, 3) == "2--"
    page_two = " ".join(texts[1].split())
    assert "Данные физического лица, которому оказаны медицинские услуги" in page_two
    assert "Достоверность и полноту сведений, указанных на данной странице, подтверждаю:" in page_two
    assert "(подпись)" in page_two and "(дата)" in page_two and "10.02.2027" in page_two
    assert "Данные заполняются, если налогоплательщик и пациент не являются одним лицом." in page_two
    assert "Форма по КНД" not in page_two  # the title is page 1's
    # Page 2 repeats the clinic's INN and KPP and numbers itself.
    assert field(pdf, 1, form.INN_X, 8, 12) == CLINIC_INN + "--"
    assert field(pdf, 1, form.KPP_X, 16, 9) == "990001001"
    assert field(pdf, 1, form.PAGE_NUMBER_X, 16, 3) == "002"
    top = form.PATIENT_TOP
    assert field(pdf, 1, form.PERSON_X, top, 36) == "ТЕСТОВ" + "-" * 30
    assert field(pdf, 1, form.PERSON_X, top + 9, 36) == "ПЁТР" + "-" * 32
    assert field(pdf, 1, form.PERSON_X, top + 18, 36) == "ИВАНОВИЧ" + "-" * 28
    assert field(pdf, 1, form.PERSON_X, top + 27, 12) == PATIENT_INN
    assert date_field(pdf, 1, form.BIRTH_DATE_X, top + 27) == "01.09.2015"
    assert field(pdf, 1, form.DOCUMENT_CODE_X, top + 40, 2) == "--"
    # The taxpayer stays on page 1.
    assert field(pdf, 0, form.PERSON_X, form.TAXPAYER_TOP, 36) == "ТЕСТОВА" + "-" * 29
    _assert_inside(pdf)


def test_a_patient_on_the_taxpayers_own_certificate_is_not_printed():
    pdf = render_tax_certificate(_cert(patient=PATIENT))
    assert len(page_texts(pdf)) == 1
    assert "Т Е С Т О В -" not in page_texts(pdf)[0]


def test_without_an_inn_the_identity_document_is_printed():
    pdf = render_tax_certificate(_with_patient(taxpayer=TAXPAYER_WITHOUT_INN, patient=dataclasses.replace(
        PATIENT, inn="", document_code="03", document_number="I-ТЕ 000001", document_issued_on=dt.date(2015, 9, 20),
    )))
    top = form.TAXPAYER_TOP
    assert field(pdf, 0, form.PERSON_X, top + 27, 12) == "-" * 12
    assert field(pdf, 0, form.DOCUMENT_CODE_X, top + 40, 2) == "21"
    assert field(pdf, 0, form.DOCUMENT_NUMBER_X, top + 40, 20) == "0000 000001---------"
    assert date_field(pdf, 0, form.ISSUE_DATE_X, top + 49) == "01.06.2015"
    top = form.PATIENT_TOP
    assert field(pdf, 1, form.PERSON_X, top + 27, 12) == "-" * 12
    assert field(pdf, 1, form.DOCUMENT_CODE_X, top + 40, 2) == "03"
    assert field(pdf, 1, form.DOCUMENT_NUMBER_X, top + 40, 20) == "I-ТЕ 000001---------"
    assert date_field(pdf, 1, form.ISSUE_DATE_X, top + 49) == "20.09.2015"


def test_no_patronymic_and_no_birth_date_print_dashes():
    person = dataclasses.replace(TAXPAYER, middle_name="", birth_date=None)
    pdf = render_tax_certificate(_cert(taxpayer=person))
    top = form.TAXPAYER_TOP
    assert field(pdf, 0, form.PERSON_X, top + 18, 36) == "-" * 36
    assert date_field(pdf, 0, form.BIRTH_DATE_X, top + 27) == "--.--.----"


def test_a_correction_a_sole_trader_and_a_large_sum():
    pdf = render_tax_certificate(_cert(
        correction_number=2, organization_inn=TAXPAYER_INN, organization_kpp="",
        organization_name="Индивидуальный предприниматель Тестова Анна Петровна",
        number="2026-000045", amount_code_1=Decimal("1234567890123.45"), amount_code_2=Decimal("0.01"),
    ))
    assert field(pdf, 0, form.CORRECTION_X, 47, 3) == "2--"
    assert field(pdf, 0, form.INN_X, 8, 12) == TAXPAYER_INN
    assert field(pdf, 0, form.KPP_X, 16, 9) == "-" * 9
    assert field(pdf, 0, form.NUMBER_X, 47, 12) == "2026-000045-"
    assert field(pdf, 0, form.FIGURES_X, 172, 16) == "1234567890123.45"
    assert field(pdf, 0, form.FIGURES_X, 181, 16) == "0------------.01"
    organization = [field(pdf, 0, form.LEFT, form.ORGANIZATION_TOP + 8 * i, 40) for i in range(4)]
    assert organization[:2] == ["ИНДИВИДУАЛЬНЫЙ ПРЕДПРИНИМАТЕЛЬ ТЕСТОВА  ", "АННА ПЕТРОВНА" + "-" * 27]


# --- hostile data -------------------------------------------------------------------------------


def test_very_long_names_are_cut_at_the_last_cell():
    person = dataclasses.replace(TAXPAYER, last_name=LONG_TEXT_300, first_name=LONG_TEXT_300,
                                 middle_name=LONG_TEXT_300)
    pdf = render_tax_certificate(_with_patient(
        organization_name=LONG_TEXT_300, taxpayer=person, patient=dataclasses.replace(PATIENT, last_name=LONG_TEXT_300),
        signer_name=LONG_TEXT_300,
    ))
    expected = LONG_TEXT_300.upper()[:36]
    assert field(pdf, 0, form.PERSON_X, form.TAXPAYER_TOP, 36) == expected
    assert field(pdf, 1, form.PERSON_X, form.PATIENT_TOP, 36) == expected
    organization = [field(pdf, 0, form.LEFT, form.ORGANIZATION_TOP + 8 * i, 40) for i in range(4)]
    assert all(line.strip() and "-" not in line for line in organization)
    signer = [field(pdf, 0, form.LEFT, form.SIGNER_TOP + 8 * i, 20) for i in range(3)]
    assert signer[0] == "ВЫМЫШЛЕННОЕ         "
    _assert_inside(pdf)


def test_markup_characters_print_as_they_are():
    hostile = "<b>&amp;</b>"
    person = dataclasses.replace(TAXPAYER, last_name=hostile, first_name="&", middle_name="<i>")
    pdf = render_tax_certificate(_cert(organization_name=f"ООО «{hostile}»", taxpayer=person, number="<&>",
                                       signer_name="<b> & </b>"))
    assert field(pdf, 0, form.PERSON_X, form.TAXPAYER_TOP, 36) == "<B>&AMP;</B>" + "-" * 24
    assert field(pdf, 0, form.PERSON_X, form.TAXPAYER_TOP + 9, 36) == "&" + "-" * 35
    assert field(pdf, 0, form.NUMBER_X, 47, 12) == "<&>---------"
    assert field(pdf, 0, form.LEFT, form.ORGANIZATION_TOP, 40).startswith("ООО «<B>&AMP;</B>»---")
    assert field(pdf, 0, form.LEFT, form.SIGNER_TOP + 8, 20) == "&" + "-" * 19


# --- refused input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"patient_is_taxpayer": False, "patient": None}, "no patient"),
        ({"organization_inn": "12345"}, "clinic's INN"),
        ({"organization_kpp": "12"}, "KPP"),
        ({"number": "1234567890123"}, "certificate number"),
        ({"number": "  "}, "certificate number"),
        ({"correction_number": 1000}, "correction number"),
        ({"tax_year": 26}, "tax year"),
        ({"amount_code_1": Decimal("-1")}, "sum"),
        ({"amount_code_2": Decimal("10000000000000")}, "sum"),
        ({"taxpayer": dataclasses.replace(TAXPAYER, inn="99000000011")}, "taxpayer's INN"),
        ({"taxpayer": dataclasses.replace(TAXPAYER_WITHOUT_INN, document_number="1" * 21)}, "document number"),
        ({"taxpayer": dataclasses.replace(TAXPAYER_WITHOUT_INN, document_code="210")}, "document code"),
    ],
)
def test_values_the_cells_cannot_hold_are_refused(changes, message):
    with pytest.raises(ValueError, match=message):
        render_tax_certificate(_cert(**changes))


def test_the_fonts_are_embedded():
    pdf = render_tax_certificate(_cert())
    assert b"/FontFile2" in pdf
