"""The sick-leave certificate (form 347n) as printed: rasterized at 600 dpi and checked the way a clerk
checks a filled blank, for every shipped printer profile and a calibrated one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageDraw
from pylibdmtx import pylibdmtx

from printing import sick_leave as form
from printing.printer_profiles import CALIBRATION_MARKS, DEFAULT_PROFILES, PrinterProfile
from printing.sick_leave import (
    BlankBookRow,
    BlankReportRow,
    CareMember,
    OutsidePrintableAreaError,
    ReleasePeriod,
    SickLeavePrint,
    SickLeavePrintError,
    cell_texts,
    datamatrix_geometry,
    datamatrix_payload,
    field_values,
    normalized,
    render_blank_book,
    render_blank_report,
    render_calibration_page,
    render_certificate,
    validate_for_print,
)
from printing.sick_leave_layout import load_layout
from tests.printing.pdf_helpers import (
    MM,
    decode_code128,
    is_pdf,
    open_pdf,
    page_sizes_mm,
    page_texts,
    rasterize,
)

DPI = 600
PX = DPI / 25.4  # pixels per millimetre
INK = 250  # a pixel darker than this is ink
LAYOUT = load_layout()
D = dt.date

# A calibrated printer: shifted and scaled within what the form allows.
CALIBRATED = PrinterProfile("Calibrated test printer", offset_x_mm=-1.5, offset_y_mm=1.2, scale_x=1.008,
                            scale_y=0.994)
PROFILES = [*DEFAULT_PROFILES.values(), CALIBRATED]

# Everything below is made up: a fictitious clinic and people.
TYPICAL = SickLeavePrint(
    number="910000000017", organization_name="ООО «ТЕСТОВАЯ КЛИНИКА № 1»",
    organization_address="Г. ТЕСТОВСК, УЛ. ПРИМЕРНАЯ, Д. 1", organization_ogrn="1027700000001",
    issue_date=D(2026, 11, 20), surname="ТЕСТОВА", first_name="АННА", patronymic="ПЕТРОВНА",
    birth_date=D(1985, 3, 7), sex="F", cause_code="09", employer="ООО «РОМАШКА»", job="main",
    care=(CareMember(5, 3, "38", "ТЕСТОВ ПЁТР ИВАНОВИЧ"),),
    periods=(ReleasePeriod(D(2026, 11, 20), D(2026, 11, 27), "ТЕРАПЕВТ", "ИВАНОВ И.И."),),
    return_date=D(2026, 11, 28),
)


def _fill(pattern: str, length: int) -> str:
    return (pattern * (length // len(pattern) + 1))[:length]


def _longest() -> SickLeavePrint:
    """Every field at its longest legal value, in the tallest and widest letters."""
    f = LAYOUT.fields

    def name(field: str) -> str:
        return _fill("ЙЩЁЖ-Ю.Ш", f[field].capacity)

    def text(field: str) -> str:
        return _fill("«ЙЩ»-№0(Ё)/Ж,Д.Ц", f[field].capacity)

    periods = tuple(
        ReleasePeriod(D(2026, 1 + 2 * i, 10), D(2026, 2 + 2 * i, 28), text(f"period{i + 1}_doctor_position"),
                      text(f"period{i + 1}_doctor_name"), text(f"period{i + 1}_chair_position"),
                      text(f"period{i + 1}_chair_name"))
        for i in range(3)
    )
    return SickLeavePrint(
        number="999999999999", duplicate=True, previous_number="888888888888",
        organization_name=text("organization_name"), organization_address=text("organization_address"),
        organization_ogrn="304500116000157", issue_date=D(2026, 1, 10),
        surname=name("surname"), first_name=name("first_name"), patronymic=name("patronymic"),
        birth_date=D(1999, 12, 31), sex="M", cause_code="15", additional_code="021", changed_code="13",
        employer=text("employer"), job="part_time", main_job_number="777777777777",
        care=(CareMember(17, 11, "42", name("care1_name")), CareMember(99, 11, "41", name("care2_name"))),
        early_pregnancy=True, violation_code="28", violation_date=D(2026, 2, 3),
        hospital_from=D(2025, 12, 1), hospital_to=D(2026, 1, 9),
        commission_referral_date=D(2026, 3, 1), commission_registration_date=D(2026, 3, 2),
        commission_examination_date=D(2026, 3, 20), periods=periods, return_date=D(2026, 7, 1),
        other_code="37", other_date=D(2026, 7, 1), next_number="666666666666",
    )


LONGEST = _longest()


def test_the_test_data_is_legal():
    assert validate_for_print(TYPICAL, LAYOUT) == []
    assert validate_for_print(LONGEST, LAYOUT) == []
    values = field_values(LONGEST)
    for name, fl in LAYOUT.fields.items():  # really the longest: every cell of every field is used
        if name not in ("primary", "sex_female", "main_job"):  # the other box of a pair is ticked
            assert all(cell_texts(fl, values[name])), name


# --- geometry helpers ------------------------------------------------------------------------------


def _px_rect(profile: PrinterProfile, box, inset: float = 0.0) -> tuple[int, int, int, int]:
    """The pixels lying wholly inside the box (mm on the blank, shrunk by inset) as printed with the
    profile: (left, top, right, bottom), right and bottom exclusive."""
    x0, y0 = profile.page_point(box.x + inset, box.y + inset)
    x1, y1 = profile.page_point(box.right - inset, box.bottom - inset)
    return math.ceil(x0 * PX), math.ceil(y0 * PX), math.floor(x1 * PX), math.floor(y1 * PX)


def _ink(image: Image.Image) -> Image.Image:
    return image.point(lambda v: 255 if v < INK else 0)


def _mm(box: tuple[int, int, int, int] | None) -> str:
    if box is None:
        return "none"
    left, top, right, bottom = (v / PX for v in box)
    return f"x {left:.2f}..{right:.2f}, y {top:.2f}..{bottom:.2f} mm"


def _read_cells(pdf: bytes, profile: PrinterProfile) -> dict[str, list[str]]:
    """The characters of the text layer sorted into the layout's cells by their centres."""
    page = open_pdf(pdf)[0]
    textpage = page.get_textpage()
    height = page.get_size()[1]
    found = {name: [""] * fl.capacity for name, fl in LAYOUT.fields.items()}
    for index in range(textpage.count_chars()):
        char = textpage.get_text_range(index, 1)
        if not char.strip():
            continue
        left, low, right, high = textpage.get_charbox(index)
        page_x, page_y = (left + right) / 2 / MM, (height - (low + high) / 2) / MM
        x = (page_x - profile.offset_x_mm) / profile.scale_x
        y = (page_y - profile.offset_y_mm) / profile.scale_y
        for name, fl in LAYOUT.fields.items():
            for cell, box in enumerate(fl.boxes):
                if box.x < x < box.right and box.y < y < box.bottom:
                    found[name][cell] += char
    return found


# --- the certificate on the blank, every profile ------------------------------------------------------


@pytest.fixture(scope="module", params=PROFILES, ids=lambda p: p.model)
def printed(request):
    profile = request.param
    pdf = render_certificate(LONGEST, LAYOUT, profile)
    (image,) = rasterize(pdf, dpi=DPI)
    return profile, pdf, image


def test_the_page_is_exactly_a4(printed):
    _, pdf, image = printed
    assert is_pdf(pdf)
    assert page_sizes_mm(pdf) == [pytest.approx((210.0, 297.0), abs=0.01)]
    assert image.size == (round(210 * PX), round(297 * PX))
    assert b"/PrintScaling /None" in pdf  # viewers print it at actual size, not fitted to the page


def test_nothing_is_printed_in_the_side_margins_nor_the_printers_margins(printed):
    profile, _, image = printed
    w, h = image.size
    left = math.ceil(max(4.0, profile.margin_left_mm) * PX)
    right = math.floor((210 - max(4.0, profile.margin_right_mm)) * PX)
    top, bottom = math.ceil(profile.margin_top_mm * PX), math.floor((297 - profile.margin_bottom_mm) * PX)
    for name, strip in (("left", (0, 0, left, h)), ("right", (right, 0, w, h)), ("top", (0, 0, w, top)),
                        ("bottom", (0, bottom, w, h))):
        assert image.crop(strip).getextrema()[0] >= INK, name


def test_every_character_is_inside_its_cell_clear_of_the_borders(printed):
    profile, _, image = printed
    ink = _ink(image)
    allowed = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(allowed)
    values = field_values(LONGEST)
    expected_cells = 0
    for name, fl in LAYOUT.fields.items():
        if not fl.on_blank:
            continue
        for box, char in zip(fl.boxes, cell_texts(fl, values[name]), strict=True):
            if not char:
                continue
            rect = _px_rect(profile, box, inset=LAYOUT.clearance)
            assert ink.crop(rect).getbbox() is not None, (name, char)  # the character is there
            draw.rectangle((rect[0], rect[1], rect[2] - 1, rect[3] - 1), fill=255)
            expected_cells += 1
    left, top, n, dots = datamatrix_geometry(LAYOUT, profile, datamatrix_payload(LONGEST).encode())
    # the code's own edges: a faint anti-aliased pixel row at most (its sharpness is checked below)
    draw.rectangle((left - 1, top - 1, left + n * dots, top + n * dots), fill=255)
    stray = ImageChops.subtract(ink, allowed).getbbox()
    assert stray is None, f"ink outside the cells' clear area: {_mm(stray)}"
    assert expected_cells > 600


def test_the_cells_hold_the_values_read_back_from_the_text_layer(printed):
    profile, pdf, _ = printed
    found = _read_cells(pdf, profile)
    values = field_values(LONGEST)
    for name, fl in LAYOUT.fields.items():
        expected = cell_texts(fl, values[name]) if fl.on_blank else [""] * fl.capacity
        assert found[name] == expected, name


def test_the_datamatrix_decodes_to_exactly_the_data_on_whole_dots(printed):
    profile, _, image = printed
    payload = datamatrix_payload(LONGEST).encode("utf-8")
    left, top, n, dots = datamatrix_geometry(LAYOUT, profile, payload)
    assert 4 <= dots <= 8
    box = _px_rect(profile, LAYOUT.datamatrix.box())
    assert box[0] <= left and left + n * dots <= box[2] and box[1] <= top and top + n * dots <= box[3]
    # the modules lie on the 600 dpi grid: the symbol's edges fall between pixels (no pixel is half
    # covered), and every run of dark or light pixels along a row of modules is whole modules long
    quiet = 2 * dots
    region = image.crop((left - quiet, top - quiet, left + n * dots + quiet, top + n * dots + quiet))
    sharp = region.point(lambda v: 255 if v < 128 else 0)
    assert sharp.getbbox() == (quiet, quiet, quiet + n * dots, quiet + n * dots)
    assert region.point(lambda v: 255 if 30 < v < 225 else 0).getbbox() is None
    pixels = sharp.load()
    for module_row in range(0, n, 7):
        y = quiet + module_row * dots + dots // 2
        row = [pixels[x, y] for x in range(quiet, quiet + n * dots)]
        edges = [i for i in range(1, len(row)) if row[i] != row[i - 1]]
        assert all(edge % dots == 0 for edge in edges), module_row
    decoded = pylibdmtx.decode(region, max_count=1, timeout=20000)
    assert [d.data for d in decoded] == [payload]


# --- the payload, the plain-paper copy -----------------------------------------------------------------


def test_the_datamatrix_payload_is_the_documented_line():
    assert datamatrix_payload(TYPICAL) == (
        "LN1|910000000017|ТЕСТОВА|АННА|ПЕТРОВНА|07.03.1985|20.11.2026|1027700000001|09|||Ж|1||"
        "20.11.2026|27.11.2026|28.11.2026|"
    )
    payload = datamatrix_payload(LONGEST)
    assert payload.split("|")[0:2] == ["LN1", "999999999999"] and payload.split("|")[12] == "2"


def test_the_plain_paper_copy_has_the_grid_the_names_and_the_barcode():
    profile = DEFAULT_PROFILES["HP LaserJet P1102"]
    pdf = render_certificate(TYPICAL, LAYOUT, profile, on_blank=False)
    text = " ".join(page_texts(pdf)[0].split())
    for expected in ("ЛИСТОК НЕТРУДОСПОСОБНОСТИ — ПРОВЕРОЧНАЯ ПЕЧАТЬ", "не является листком нетрудоспособности",
                     "фамилия", "дата рождения", "место работы", "HP LaserJet P1102"):
        assert expected in text, expected
    found = _read_cells(pdf, profile)
    assert "".join(found["number"]) == "910000000017"  # printed only on plain paper
    assert "".join(found["surname"]) == "ТЕСТОВА"
    (image,) = rasterize(pdf, dpi=DPI)
    # the grid: the borders of an empty cell are drawn
    empty = LAYOUT.fields["next_number"].boxes[0]
    assert image.crop(_px_rect(profile, empty, inset=-0.2)).getextrema()[0] < 200
    barcode = image.crop(_px_rect(profile, LAYOUT.barcode.box()))
    assert decode_code128(barcode) == "910000000017"
    left, top, n, dots = datamatrix_geometry(LAYOUT, profile, datamatrix_payload(TYPICAL).encode())
    region = image.crop((left - 2 * dots, top - 2 * dots, left + (n + 2) * dots, top + (n + 2) * dots))
    assert [d.data for d in pylibdmtx.decode(region, max_count=1)] == [datamatrix_payload(TYPICAL).encode()]
    for strip in ((0, 0, math.ceil(4.2 * PX), image.height), (math.floor(205.8 * PX), 0, image.width, image.height)):
        assert image.crop(strip).getextrema()[0] >= INK


def test_on_the_blank_the_preprinted_number_and_the_labels_are_left_out():
    pdf = render_certificate(TYPICAL, LAYOUT, DEFAULT_PROFILES["OKI B431d"])
    text = page_texts(pdf)[0]
    assert "фамилия" not in text and "ПРОВЕРОЧНАЯ" not in text
    assert "".join(_read_cells(pdf, DEFAULT_PROFILES["OKI B431d"])["number"]) == ""
    assert b"/FontFile2" in pdf


def test_a_profile_that_pushes_a_field_into_the_margin_is_refused():
    shifted = PrinterProfile("Shifted", offset_x_mm=-3.0)
    with pytest.raises(OutsidePrintableAreaError) as caught:
        render_certificate(TYPICAL, LAYOUT, shifted)
    assert "Shifted" in str(caught.value) and "left" in str(caught.value)
    wide = PrinterProfile("Wide", offset_x_mm=1.0)
    render_certificate(TYPICAL, LAYOUT, wide)  # short values stay clear of the right margin ...
    with pytest.raises(OutsidePrintableAreaError, match="right"):
        render_certificate(LONGEST, LAYOUT, wide)  # ... the longest name does not


# --- the calibration page -----------------------------------------------------------------------------


def _centroid(image: Image.Image) -> tuple[float, float]:
    """The ink's centre of mass in the image, pixels (from projections: no numpy needed)."""
    dark = image.point(lambda v: 255 - v)
    cols = list(dark.resize((dark.width, 1), Image.Resampling.BOX).getdata())
    rows = list(dark.resize((1, dark.height), Image.Resampling.BOX).getdata())
    return (sum((i + 0.5) * v for i, v in enumerate(cols)) / sum(cols),
            sum((i + 0.5) * v for i, v in enumerate(rows)) / sum(rows))


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.model)
def test_the_calibration_marks_land_where_the_profile_says(profile):
    pdf = render_calibration_page(profile)
    text = " ".join(page_texts(pdf)[0].split())
    assert profile.model in text and "перекрестий A, B и C" in text
    (image,) = rasterize(pdf, dpi=DPI)
    window = 7.0  # mm around each mark: the crosshair and its circle, nothing else
    for name, point in CALIBRATION_MARKS.items():
        x, y = profile.page_point(*point)
        box = tuple(round(v * PX) for v in (x - window, y - window, x + window, y + window))
        crop = image.crop(box)
        assert crop.getextrema()[0] < 50, name
        edge = ImageChops.invert(crop)
        inner = Image.new("L", crop.size, 0)
        ImageDraw.Draw(inner).rectangle((3, 3, crop.width - 4, crop.height - 4), fill=255)
        assert ImageChops.subtract(edge, inner).getextrema()[1] < 255 - INK, f"{name}: foreign ink in the window"
        cx, cy = _centroid(crop)
        assert (box[0] + cx) / PX == pytest.approx(x, abs=0.05), name
        assert (box[1] + cy) / PX == pytest.approx(y, abs=0.05), name
    w, h = image.size
    left, right = math.ceil(max(4, profile.margin_left_mm) * PX), math.floor((210 - max(4, profile.margin_right_mm)) * PX)
    assert image.crop((0, 0, left, h)).getextrema()[0] >= INK
    assert image.crop((right, 0, w, h)).getextrema()[0] >= INK


# --- values: legal ones fit, illegal ones are refused with a message -----------------------------------

NAME_FIELDS = ("surname", "first_name", "patronymic")
TEXT_FIELDS = ("organization_name", "organization_address", "employer")
CAPITALS = form.CAPITALS


def _legal_name(capacity: int) -> st.SearchStrategy[str]:
    word = st.text(alphabet=CAPITALS, min_size=1, max_size=12)
    return st.lists(st.tuples(word, st.sampled_from([" ", "-", ". "])), min_size=1, max_size=6).map(
        lambda parts: "".join(w + s for w, s in parts).strip()[:capacity].strip(" -.") or "А"
    ).map(lambda value: " ".join(value.split()))


def _legal_text(capacity: int) -> st.SearchStrategy[str]:
    alphabet = CAPITALS + "0123456789-.,\"«»()№/'"
    word = st.text(alphabet=alphabet, min_size=1, max_size=12)
    return st.lists(word, min_size=1, max_size=8).map(lambda words: " ".join(words)[:capacity].strip() or "А")


@st.composite
def legal_certificates(draw) -> SickLeavePrint:
    f = LAYOUT.fields
    changes = {name: draw(_legal_name(f[name].capacity)) for name in NAME_FIELDS}
    changes |= {name: draw(_legal_text(f[name].capacity)) for name in TEXT_FIELDS}
    changes["care"] = tuple(
        CareMember(draw(st.none() | st.integers(0, 99)), draw(st.none() | st.integers(0, 11)),
                   draw(st.sampled_from(sorted(form.RELATION_CODES))), draw(_legal_name(f[f"care{i}_name"].capacity)))
        for i in range(1, draw(st.integers(0, 2)) + 1)
    )
    count = draw(st.integers(1, 3))
    start = D(2026, 1, 1)
    periods = []
    for i in range(1, count + 1):
        length = draw(st.integers(0, 30))
        chair = draw(st.booleans())
        periods.append(ReleasePeriod(
            start, start + dt.timedelta(days=length), draw(_legal_text(f[f"period{i}_doctor_position"].capacity)),
            draw(_legal_text(f[f"period{i}_doctor_name"].capacity)),
            draw(_legal_text(f[f"period{i}_chair_position"].capacity)) if chair else "",
            draw(_legal_text(f[f"period{i}_chair_name"].capacity)) if chair else ""))
        start += dt.timedelta(days=length + 1)
    changes["periods"] = tuple(periods)
    changes["cause_code"] = draw(st.sampled_from(sorted(form.CAUSE_CODES)))
    changes["issue_date"] = D(2026, 1, 1)
    return dataclasses.replace(TYPICAL, **changes)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(legal_certificates())
def test_legal_values_fit_their_cells(data):
    assert validate_for_print(data, LAYOUT) == []
    values = field_values(data)
    for name, fl in LAYOUT.fields.items():
        cells = cell_texts(fl, values[name])
        assert len(cells) == fl.capacity
        assert "".join(cells) == values[name].replace(" ", ""), name  # nothing lost
    pdf = render_certificate(data, LAYOUT, DEFAULT_PROFILES["HP LaserJet P1606"])
    found = _read_cells(pdf, DEFAULT_PROFILES["HP LaserJet P1606"])
    assert "".join(found["surname"]) == data.surname.replace(" ", "")


HOSTILE = {
    "lower case": lambda value, capacity: value.lower(),
    "Latin": lambda value, capacity: "SMITH" if len(value) < 5 else "SMITH" + value[5:],
    "digits in a name": lambda value, capacity: value[:-1] + "7",
    "too long": lambda value, capacity: _fill("ДЛИННО", capacity + 1),
    "double space": lambda value, capacity: "А  Б",
    "a pipe": lambda value, capacity: "А|Б",
    "a control character": lambda value, capacity: "А\tБ",
}


@settings(max_examples=60, deadline=None)
@given(field=st.sampled_from(NAME_FIELDS + ("care1_name",)), hostile=st.sampled_from(sorted(HOSTILE)),
       base=st.sampled_from(["ТЕСТОВА", "АННА-МАРИЯ", "О.", "ЙЩЁЖ"]))
def test_hostile_names_are_refused_naming_the_field(field, hostile, base):
    value = HOSTILE[hostile](base, LAYOUT.fields[field].capacity)
    if field == "care1_name":
        data = dataclasses.replace(TYPICAL, care=(dataclasses.replace(TYPICAL.care[0], full_name=value),))
    else:
        data = dataclasses.replace(TYPICAL, **{field: value})
    problems = validate_for_print(data, LAYOUT)
    assert [p.field for p in problems] == [field], (value, problems)
    label = form.label_of(field)
    assert str(problems[0]).startswith(label + ": ")
    with pytest.raises(SickLeavePrintError) as caught:
        render_certificate(data, LAYOUT, DEFAULT_PROFILES["OKI B431d"])
    assert label in str(caught.value) and caught.value.problems[0].field == field


@settings(max_examples=60, deadline=None)
@given(field=st.sampled_from(TEXT_FIELDS), value=st.text(min_size=1, max_size=60))
def test_any_text_is_either_printed_or_refused_with_a_message(field, value):
    data = dataclasses.replace(TYPICAL, **{field: value})
    problems = validate_for_print(data, LAYOUT)
    if problems:
        assert {p.field for p in problems} == {field}
        assert all(str(p).startswith(form.label_of(field)) for p in problems)
    else:
        assert len(value) <= LAYOUT.fields[field].capacity
        render_certificate(data, LAYOUT, DEFAULT_PROFILES["HP LaserJet P1022"])


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"number": "91000000001"}, "number", "Certificate number: must be 12 digits"),
        ({"number": "91000000001А"}, "number", "Certificate number: digits only"),
        ({"number": ""}, "number", "Certificate number: required"),
        ({"organization_ogrn": "12345678901234"}, "organization_ogrn", "must be 13 / 15 digits"),
        ({"cause_code": "99"}, "cause_code", "Cause of incapacity code: 99 is not a known code"),
        ({"additional_code": "17"}, "additional_code", "must be 3 digits"),
        ({"surname": ""}, "surname", "Surname: required"),
        ({"surname": "тестова"}, "surname", "Surname: write it in capital letters"),
        ({"surname": "TESTOVA"}, "surname", "only capital Russian letters, hyphen, space and dot"),
        ({"first_name": "АННА2"}, "first_name", "not \u00ab2\u00bb"),
        ({"patronymic": "П" * 39}, "patronymic", "Patronymic: 39 characters do not fit its 38 cells"),
        ({"employer": "ООО «РОМАШКА»  "}, "employer", "leading, trailing or double spaces"),
        ({"sex": "X"}, "sex_male", "Sex: not one of the allowed values"),
        ({"birth_date": D(2027, 1, 1)}, "issue_date", "Issue date: earlier than Date of birth"),
        ({"periods": ()}, "period1_from", "Release periods: from 1 to 3 entries"),
        ({"periods": (ReleasePeriod(D(2026, 11, 27), D(2026, 11, 20), "ТЕРАПЕВТ", "ИВАНОВ И.И."),)},
         "period1_to", "Release period to: earlier than Release period from"),
        ({"periods": (ReleasePeriod(D(2026, 11, 20), D(2026, 11, 27), "ТЕРАПЕВТ", "ИВАНОВ И.И.", "ЗАВ."),)},
         "period1_chair_name", "Commission chair's name: required"),
        ({"violation_date": D(2026, 11, 22)}, "violation_date", "given without Regime violation code"),
        ({"main_job_number": "910000000018"}, "main_job_number", "given without Main job or part-time"),
        ({"care": (CareMember(5, 12, "38", "ТЕСТОВ ПЁТР"),)}, "care1_age_months", "must be from 0 to 11"),
        ({"care": (CareMember(5, 1, "37", "ТЕСТОВ ПЁТР"),)}, "care1_relation", "37 is not a known code"),
        ({"return_date": D(2026, 11, 25)}, "return_date", "Return to work from: earlier than Release period to"),
        ({"hospital_from": D(2026, 11, 1), "hospital_to": D(2026, 10, 1)}, "hospital_to", "earlier than"),
    ],
)
def test_illegal_values_get_a_clear_message(changes, field, message):
    problems = validate_for_print(dataclasses.replace(TYPICAL, **changes), LAYOUT)
    assert any(p.field == field and message in str(p) for p in problems), [str(p) for p in problems]


def test_normalized_makes_capitals_and_single_spaces():
    typed = dataclasses.replace(TYPICAL, surname="  тестова ", first_name="анна", employer="ооо  «ромашка»",
                                number=" 9100 0000 0017 ",
                                periods=(ReleasePeriod(D(2026, 11, 20), D(2026, 11, 27), "терапевт", "иванов и.и."),))
    fixed = normalized(typed)
    assert (fixed.surname, fixed.first_name, fixed.employer, fixed.number) == (
        "ТЕСТОВА", "АННА", "ООО «РОМАШКА»", "910000000017")
    assert fixed.periods[0].doctor_name == "ИВАНОВ И.И."
    assert validate_for_print(fixed, LAYOUT) == []


def test_an_error_message_is_translated_piece_by_piece():
    with pytest.raises(SickLeavePrintError) as caught:
        render_certificate(dataclasses.replace(TYPICAL, surname="", first_name="anna"), LAYOUT,
                           DEFAULT_PROFILES["OKI B431d"])
    words = {"Surname": "Фамилия", "First name": "Имя", "{label}: required": "{label}: не заполнено"}
    text = caught.value.render(lambda source: words.get(source, source))
    assert "Фамилия: не заполнено" in text and "Имя" in text


# --- blank accounting ----------------------------------------------------------------------------------


def test_the_blank_report_and_book_are_a4_tables():
    rows = [BlankReportRow("Терапевтическое отделение", 50, 100, 120, 2, 28, "910000000101–910000000128"),
            BlankReportRow("Хирургия", 10, 0, 5, 0, 5)]
    pdf = render_blank_report(rows, (D(2026, 10, 1), D(2026, 10, 31)), "ООО «Тестовая клиника № 1»")
    assert page_sizes_mm(pdf) == [pytest.approx((210, 297), abs=0.01)]
    text = " ".join(page_texts(pdf)[0].split())
    for expected in ("Отчет о расходовании бланков листков нетрудоспособности", "ООО «Тестовая клиника № 1»",
                     "за период с 01.10.2026 по 31.10.2026", "Терапевтическое отделение", "Итого", "60", "125",
                     "33"):
        assert expected in text, expected
    book = [BlankBookRow(D(2026, 10, 1) + dt.timedelta(days=i % 30), "received" if i % 3 == 0 else "issued",
                         f"Врач {i}", f"9100000{i:05d}", f"9100000{i + 9:05d}", 10, "накладная 5", "Иванова")
            for i in range(80)]
    pdf = render_blank_book(book, "ООО «Тестовая клиника № 1»")
    texts = page_texts(pdf)
    assert len(texts) >= 2 and all(size == pytest.approx((210, 297), abs=0.01) for size in page_sizes_mm(pdf))
    joined = " ".join(" ".join(t.split()) for t in texts)
    assert "Книга учета бланков листков нетрудоспособности" in joined and "Врач 79" in joined
    assert "получено" in joined and "выдано" in joined
    for image in rasterize(pdf, dpi=100):
        w, h = image.size
        assert image.crop((0, 0, round(10 / 25.4 * 100), h)).getextrema()[0] >= INK
        assert image.crop((w - round(10 / 25.4 * 100), 0, w, h)).getextrema()[0] >= INK
