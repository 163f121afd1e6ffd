"""The sick-leave certificate on the paper blank, form 347n (A4 PDF), and the pages around it.

`render_certificate` fills the blank: every value in its cells (`sick_leave_layout.json`), capital
letters one per cell, centred with clearance from the cell's borders, in a monospaced face; a
DataMatrix (ECC200) code with the certificate's data in the layout's box; the printer profile's
offset and scale applied to everything. With ``on_blank=False`` it prints the same on plain paper
with the cells drawn, the fields' names and the number as a Code 128 barcode, for checking.
`render_calibration_page` prints the crosshairs a user measures to calibrate a printer profile;
`render_blank_report` and `render_blank_book` print the accounting of the blanks.

Everything is printed at 100 % (the PDF page is exactly A4; the print dialog must not fit it to the
page); nothing is printed within the layout's side margins (4 mm) nor the printer's unprintable
margins: a profile that would push a field there is refused (OutsidePrintableAreaError).

The DataMatrix content (`datamatrix_payload`), UTF-8, fields separated by "|":

    LN1|number|surname|first name|patronymic|birth date|issue date|OGRN|cause code|additional code|
    changed code|sex (М/Ж)|1 primary or 2 duplicate|previous number|first day|last day|return date|
    next number

dates as DD.MM.YYYY, absent values empty; "first day" is the first release period's start, "last
day" the last period's end. Each module is a whole number of 600 dpi dots (4 to 8 by the layout:
0.169 to 0.339 mm), and the code stands on the 600 dpi grid of the page, so a 600 dpi printer prints
every module the same.

The values must be what the blank takes (`validate_for_print`): names in capital Russian letters,
hyphen, space and dot; other texts may also have digits and common punctuation; numbers and codes
in digits; everything within its cells. `normalized` makes the capitals and single spaces.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from pylibdmtx import pylibdmtx
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from shared.errors import QT_TRANSLATE_NOOP, DomainError

from ._common import date_ru, fit_text, mono_font
from .fonts import register_fonts
from .printer_profiles import CALIBRATION_MARKS, PrinterProfile, validate_profile
from .sick_leave_layout import Box, FieldLayout, SickLeaveLayout

PAGE_SIZE = A4
DOT_MM = 25.4 / 600  # one dot of a 600 dpi printer
PAYLOAD_TAG = "LN1"
TICK = "X"
INK_SAFETY_MM = 0.1  # kept free on top of the layout's clearance (anti-aliasing, rounding)

CAPITALS = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
NAME_CHARS = frozenset(CAPITALS + " -.")
TEXT_CHARS = frozenset(CAPITALS + "0123456789 -.,\"«»()№/'")
DIGITS = frozenset("0123456789")
PRINTED_CHARS = "".join(sorted(TEXT_CHARS | {TICK}))

CAUSE_CODES = frozenset(f"{code:02d}" for code in range(1, 16))
ADDITIONAL_CODES = frozenset(("017", "018", "019", "020", "021"))
RELATION_CODES = frozenset(("38", "39", "40", "41", "42"))
VIOLATION_CODES = frozenset(("23", "24", "25", "26", "27", "28"))
OTHER_CODES = frozenset(("31", "32", "33", "34", "35", "36", "37"))


# --- The printable values ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CareMember:
    """A family member cared for: age (years and months), relation code (38..42), full name."""

    age_years: int | None
    age_months: int | None
    relation_code: str
    full_name: str


@dataclass(frozen=True)
class ReleasePeriod:
    """A period of release from work, the doctor who released, and the commission's chair when required."""

    date_from: dt.date
    date_to: dt.date
    doctor_position: str
    doctor_name: str
    chair_position: str = ""
    chair_name: str = ""


@dataclass(frozen=True)
class SickLeavePrint:
    """What the blank of a sick-leave certificate carries, as printed (capitals, digits, dates)."""

    number: str  # 12 digits, preprinted on the blank
    organization_name: str
    organization_address: str
    organization_ogrn: str  # 13 digits (15 for a sole trader)
    issue_date: dt.date
    surname: str
    first_name: str
    patronymic: str
    birth_date: dt.date
    sex: str  # "M" or "F"
    cause_code: str  # 2 digits
    periods: tuple[ReleasePeriod, ...]  # 1 to 3
    duplicate: bool = False
    previous_number: str = ""  # the certificate this one continues
    additional_code: str = ""  # 3 digits
    changed_code: str = ""  # 2 digits
    employer: str = ""
    job: str = ""  # "main", "part_time" or "" (not employed)
    main_job_number: str = ""  # for a part-time job: the main job's certificate number
    care: tuple[CareMember, ...] = ()  # up to 2
    early_pregnancy: bool = False
    violation_code: str = ""
    violation_date: dt.date | None = None
    hospital_from: dt.date | None = None
    hospital_to: dt.date | None = None
    commission_referral_date: dt.date | None = None
    commission_registration_date: dt.date | None = None
    commission_examination_date: dt.date | None = None
    return_date: dt.date | None = None
    other_code: str = ""
    other_date: dt.date | None = None
    next_number: str = ""


_TEXT_ATTRS = ("organization_name", "organization_address", "surname", "first_name", "patronymic", "employer")


def _squeeze(text: str) -> str:
    return " ".join(text.split()).upper()


def normalized(data: SickLeavePrint) -> SickLeavePrint:
    """The values in capitals with single spaces (what the blank takes); numbers and codes stripped."""
    changes: dict[str, object] = {name: _squeeze(getattr(data, name)) for name in _TEXT_ATTRS}
    for name in ("number", "organization_ogrn", "cause_code", "previous_number", "additional_code", "changed_code",
                 "main_job_number", "violation_code", "other_code", "next_number"):
        changes[name] = "".join(getattr(data, name).split())
    changes["periods"] = tuple(
        replace(p, doctor_position=_squeeze(p.doctor_position), doctor_name=_squeeze(p.doctor_name),
                chair_position=_squeeze(p.chair_position), chair_name=_squeeze(p.chair_name))
        for p in data.periods)
    changes["care"] = tuple(replace(m, relation_code=m.relation_code.strip(), full_name=_squeeze(m.full_name))
                            for m in data.care)
    return replace(data, **changes)  # type: ignore[arg-type]


# --- Field errors --------------------------------------------------------------------------------------


class SickLeaveFieldError(DomainError):
    """One value the blank cannot take; ``field`` is the layout's field name (for the form to highlight)."""

    translatable_params = ("label", "other")

    def __init__(self, message: str, field_name: str, **params: object) -> None:
        self.field = field_name
        super().__init__(message, **params)


class SickLeavePrintError(DomainError):
    """The certificate cannot be printed: ``problems`` lists every value at fault."""

    message = QT_TRANSLATE_NOOP("DomainError", "The sick-leave certificate cannot be printed: {problems}")

    def __init__(self, problems: Sequence[SickLeaveFieldError]) -> None:
        self.problems = list(problems)
        super().__init__(problems="; ".join(p.render() for p in self.problems))

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        if translate is None:
            return super().render()
        joined = "; ".join(p.render(translate) for p in self.problems)
        try:
            return translate(self.message).format(problems=joined)
        except (KeyError, IndexError, ValueError):
            return self.message.format(problems=joined)


class OutsidePrintableAreaError(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "With the printer profile \u00ab{model}\u00bb the field \u00ab{label}\u00bb would be printed within "
        "{margin} mm of the sheet's {side} edge; correct the profile's offset or scale.")
    translatable_params = ("label", "side")


MSG_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "{label}: required")
MSG_CAPITALS = QT_TRANSLATE_NOOP("DomainError", "{label}: write it in capital letters")
MSG_NAME_CHARS = QT_TRANSLATE_NOOP(
    "DomainError", "{label}: only capital Russian letters, hyphen, space and dot are allowed (not \u00ab{chars}\u00bb)")
MSG_TEXT_CHARS = QT_TRANSLATE_NOOP(
    "DomainError", "{label}: only capital Russian letters, digits, spaces and punctuation are allowed "
    "(not \u00ab{chars}\u00bb)")
MSG_SPACES = QT_TRANSLATE_NOOP("DomainError", "{label}: leading, trailing or double spaces")
MSG_DIGITS = QT_TRANSLATE_NOOP("DomainError", "{label}: digits only")
MSG_LENGTH = QT_TRANSLATE_NOOP("DomainError", "{label}: must be {expected} digits")
MSG_TOO_LONG = QT_TRANSLATE_NOOP("DomainError", "{label}: {length} characters do not fit its {cells} cells")
MSG_UNKNOWN_CODE = QT_TRANSLATE_NOOP("DomainError", "{label}: {value} is not a known code")
MSG_RANGE = QT_TRANSLATE_NOOP("DomainError", "{label}: must be from {low} to {high}")
MSG_DATE = QT_TRANSLATE_NOOP("DomainError", "{label}: not a valid date")
MSG_DATE_ORDER = QT_TRANSLATE_NOOP("DomainError", "{label}: earlier than {other}")
MSG_CHOICE = QT_TRANSLATE_NOOP("DomainError", "{label}: not one of the allowed values")
MSG_COUNT = QT_TRANSLATE_NOOP("DomainError", "{label}: from {low} to {high} entries")
MSG_WITHOUT = QT_TRANSLATE_NOOP("DomainError", "{label}: given without {other}")

LABELS: dict[str, str] = {
    "number": QT_TRANSLATE_NOOP("DomainError", "Certificate number"),
    "primary": QT_TRANSLATE_NOOP("DomainError", "Primary"),
    "duplicate": QT_TRANSLATE_NOOP("DomainError", "Duplicate"),
    "previous_number": QT_TRANSLATE_NOOP("DomainError", "Continuation of certificate number"),
    "organization_name": QT_TRANSLATE_NOOP("DomainError", "Medical organization"),
    "organization_address": QT_TRANSLATE_NOOP("DomainError", "Medical organization's address"),
    "organization_ogrn": QT_TRANSLATE_NOOP("DomainError", "OGRN of the medical organization"),
    "issue_date": QT_TRANSLATE_NOOP("DomainError", "Issue date"),
    "surname": QT_TRANSLATE_NOOP("DomainError", "Surname"),
    "first_name": QT_TRANSLATE_NOOP("DomainError", "First name"),
    "patronymic": QT_TRANSLATE_NOOP("DomainError", "Patronymic"),
    "birth_date": QT_TRANSLATE_NOOP("DomainError", "Date of birth"),
    "sex": QT_TRANSLATE_NOOP("DomainError", "Sex"),
    "cause_code": QT_TRANSLATE_NOOP("DomainError", "Cause of incapacity code"),
    "additional_code": QT_TRANSLATE_NOOP("DomainError", "Additional code"),
    "changed_code": QT_TRANSLATE_NOOP("DomainError", "Changed code"),
    "employer": QT_TRANSLATE_NOOP("DomainError", "Employer"),
    "job": QT_TRANSLATE_NOOP("DomainError", "Main job or part-time"),
    "main_job_number": QT_TRANSLATE_NOOP("DomainError", "Main job's certificate number"),
    "care": QT_TRANSLATE_NOOP("DomainError", "Family members cared for"),
    "care_age_years": QT_TRANSLATE_NOOP("DomainError", "Family member's age, years"),
    "care_age_months": QT_TRANSLATE_NOOP("DomainError", "Family member's age, months"),
    "care_relation": QT_TRANSLATE_NOOP("DomainError", "Family member's relation code"),
    "care_name": QT_TRANSLATE_NOOP("DomainError", "Family member's full name"),
    "early_pregnancy": QT_TRANSLATE_NOOP("DomainError", "Registered in early pregnancy"),
    "violation_code": QT_TRANSLATE_NOOP("DomainError", "Regime violation code"),
    "violation_date": QT_TRANSLATE_NOOP("DomainError", "Regime violation date"),
    "hospital_from": QT_TRANSLATE_NOOP("DomainError", "In hospital from"),
    "hospital_to": QT_TRANSLATE_NOOP("DomainError", "In hospital to"),
    "commission_referral_date": QT_TRANSLATE_NOOP("DomainError", "Referred to the disability board"),
    "commission_registration_date": QT_TRANSLATE_NOOP("DomainError", "Documents registered by the disability board"),
    "commission_examination_date": QT_TRANSLATE_NOOP("DomainError", "Examined by the disability board"),
    "periods": QT_TRANSLATE_NOOP("DomainError", "Release periods"),
    "period_from": QT_TRANSLATE_NOOP("DomainError", "Release period from"),
    "period_to": QT_TRANSLATE_NOOP("DomainError", "Release period to"),
    "period_doctor_position": QT_TRANSLATE_NOOP("DomainError", "Doctor's position"),
    "period_doctor_name": QT_TRANSLATE_NOOP("DomainError", "Doctor's name"),
    "period_chair_position": QT_TRANSLATE_NOOP("DomainError", "Commission chair's position"),
    "period_chair_name": QT_TRANSLATE_NOOP("DomainError", "Commission chair's name"),
    "return_date": QT_TRANSLATE_NOOP("DomainError", "Return to work from"),
    "other_code": QT_TRANSLATE_NOOP("DomainError", "\u00abOther\u00bb code"),
    "other_date": QT_TRANSLATE_NOOP("DomainError", "\u00abOther\u00bb date"),
    "next_number": QT_TRANSLATE_NOOP("DomainError", "Next certificate number"),
}


def label_of(field_name: str) -> str:
    """The (English source, translatable) name of a layout field, e.g. "period2_doctor_name" ->
    "Doctor's name" (the period or family member's number is in the field name)."""
    if field_name in LABELS:
        return LABELS[field_name]
    generic = re.sub(r"^(period|care)\d", r"\1", field_name)
    return LABELS.get(generic, field_name)


def _date_digits(day: dt.date | None) -> str:
    return day.strftime("%d%m%Y") if day else ""


def field_values(data: SickLeavePrint) -> dict[str, str]:
    """What each layout field holds, before alignment: texts, digits, DDMMYYYY for a date, "X" for a
    set tick, "" for nothing. Fields of absent care members and periods are empty."""
    values: dict[str, str] = {
        "number": data.number,
        "primary": "" if data.duplicate else TICK,
        "duplicate": TICK if data.duplicate else "",
        "previous_number": data.previous_number,
        "organization_name": data.organization_name,
        "organization_address": data.organization_address,
        "issue_date": _date_digits(data.issue_date),
        "organization_ogrn": data.organization_ogrn,
        "surname": data.surname,
        "first_name": data.first_name,
        "patronymic": data.patronymic,
        "birth_date": _date_digits(data.birth_date),
        "sex_male": TICK if data.sex == "M" else "",
        "sex_female": TICK if data.sex == "F" else "",
        "cause_code": data.cause_code,
        "additional_code": data.additional_code,
        "changed_code": data.changed_code,
        "employer": data.employer,
        "main_job": TICK if data.job == "main" else "",
        "part_time": TICK if data.job == "part_time" else "",
        "main_job_number": data.main_job_number,
        "early_pregnancy": TICK if data.early_pregnancy else "",
        "violation_code": data.violation_code,
        "violation_date": _date_digits(data.violation_date),
        "hospital_from": _date_digits(data.hospital_from),
        "hospital_to": _date_digits(data.hospital_to),
        "commission_referral_date": _date_digits(data.commission_referral_date),
        "commission_registration_date": _date_digits(data.commission_registration_date),
        "commission_examination_date": _date_digits(data.commission_examination_date),
        "return_date": _date_digits(data.return_date),
        "other_code": data.other_code,
        "other_date": _date_digits(data.other_date),
        "next_number": data.next_number,
    }
    for i in (1, 2):
        member = data.care[i - 1] if len(data.care) >= i else None
        values[f"care{i}_age_years"] = "" if member is None or member.age_years is None else str(member.age_years)
        values[f"care{i}_age_months"] = "" if member is None or member.age_months is None else str(member.age_months)
        values[f"care{i}_relation"] = member.relation_code if member else ""
        values[f"care{i}_name"] = member.full_name if member else ""
    for i in (1, 2, 3):
        period = data.periods[i - 1] if len(data.periods) >= i else None
        values[f"period{i}_from"] = _date_digits(period.date_from) if period else ""
        values[f"period{i}_to"] = _date_digits(period.date_to) if period else ""
        for part in ("doctor_position", "doctor_name", "chair_position", "chair_name"):
            values[f"period{i}_{part}"] = getattr(period, part) if period else ""
    return values


def wrap_rows(text: str, cells: int, rows: int) -> list[str] | None:
    """The text over ``rows`` rows of ``cells`` cells, broken between words (a word longer than a row
    is broken where the row ends); None when it does not fit."""
    if rows == 1:
        return [text] if len(text) <= cells else None
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= cells:
            current = candidate
            continue
        if current:
            lines.append(current)
        while len(word) > cells:
            lines.append(word[:cells])
            word = word[cells:]
        current = word
    if current:
        lines.append(current)
    return lines if len(lines) <= rows else None


def cell_texts(fl: FieldLayout, value: str) -> list[str]:
    """The character of each cell of the field (row by row), "" for an empty cell."""
    out = [""] * fl.capacity
    if fl.kind == "date":
        for index, char in enumerate(value[: fl.capacity]):
            out[index] = char
        return out
    lines = wrap_rows(value, fl.cells, fl.rows) or [value[: fl.cells]]
    for row, line in enumerate(lines[: fl.rows]):
        start = row * fl.cells + (fl.cells - len(line) if fl.align == "right" else 0)
        for index, char in enumerate(line):
            out[start + index] = "" if char == " " else char
    return out


# --- Validation --------------------------------------------------------------------------------------


class _Checker:
    def __init__(self, layout: SickLeaveLayout) -> None:
        self.layout = layout
        self.problems: list[SickLeaveFieldError] = []

    def add(self, message: str, name: str, label_key: str | None = None, **params: object) -> None:
        label = label_of(label_key or name)
        self.problems.append(SickLeaveFieldError(message, name, label=label, **params))

    def text(self, name: str, value: str, *, required: bool = False) -> None:
        fl = self.layout.fields[name]
        if not value:
            if required:
                self.add(MSG_REQUIRED, name)
            return
        allowed = NAME_CHARS if fl.charset == "name" else TEXT_CHARS
        bad = sorted({ch for ch in value if ch not in allowed})
        if bad:
            if all(ch.upper() in allowed for ch in bad) and any(ch.isalpha() for ch in bad):
                self.add(MSG_CAPITALS, name)
            else:
                self.add(MSG_NAME_CHARS if fl.charset == "name" else MSG_TEXT_CHARS, name, chars="".join(bad))
            return
        if value != " ".join(value.split()):
            self.add(MSG_SPACES, name)
            return
        if fl.charset == "name" and not any(ch in CAPITALS for ch in value):
            self.add(MSG_NAME_CHARS, name, chars=value)
            return
        if wrap_rows(value, fl.cells, fl.rows) is None:
            self.add(MSG_TOO_LONG, name, length=len(value), cells=fl.capacity)

    def digits(self, name: str, value: str, *, lengths: tuple[int, ...] = (), codes: frozenset[str] | None = None,
               required: bool = False) -> None:
        fl = self.layout.fields[name]
        if not value:
            if required:
                self.add(MSG_REQUIRED, name)
            return
        if not all(ch in DIGITS for ch in value):
            self.add(MSG_DIGITS, name)
            return
        if lengths and len(value) not in lengths:
            self.add(MSG_LENGTH, name, expected=" / ".join(str(n) for n in lengths))
            return
        if len(value) > fl.capacity:
            self.add(MSG_TOO_LONG, name, length=len(value), cells=fl.capacity)
            return
        if codes is not None and value not in codes:
            self.add(MSG_UNKNOWN_CODE, name, value=value)

    def date(self, name: str, value: object, *, required: bool = False) -> bool:
        if value is None:
            if required:
                self.add(MSG_REQUIRED, name)
            return False
        if not isinstance(value, dt.date) or not 1900 <= value.year <= 2099:
            self.add(MSG_DATE, name)
            return False
        return True

    def order(self, name: str, earlier: dt.date | None, later: dt.date | None, earlier_name: str) -> None:
        if isinstance(earlier, dt.date) and isinstance(later, dt.date) and later < earlier:
            self.add(MSG_DATE_ORDER, name, other=label_of(earlier_name))


def validate_for_print(data: SickLeavePrint, layout: SickLeaveLayout) -> list[SickLeaveFieldError]:
    """Every value the blank cannot take, each naming its field; an empty list when it can be printed."""
    check = _Checker(layout)
    check.digits("number", data.number, lengths=(12,), required=True)
    check.digits("previous_number", data.previous_number, lengths=(12,))
    check.text("organization_name", data.organization_name, required=True)
    check.text("organization_address", data.organization_address)
    check.digits("organization_ogrn", data.organization_ogrn, lengths=(13, 15), required=True)
    check.date("issue_date", data.issue_date, required=True)
    check.text("surname", data.surname, required=True)
    check.text("first_name", data.first_name, required=True)
    check.text("patronymic", data.patronymic)
    if check.date("birth_date", data.birth_date, required=True):
        check.order("issue_date", data.birth_date, data.issue_date, "birth_date")
    if data.sex not in ("M", "F"):
        check.add(MSG_CHOICE, "sex_male", "sex")
    check.digits("cause_code", data.cause_code, lengths=(2,), codes=CAUSE_CODES, required=True)
    check.digits("additional_code", data.additional_code, lengths=(3,), codes=ADDITIONAL_CODES)
    check.digits("changed_code", data.changed_code, lengths=(2,), codes=CAUSE_CODES)
    check.text("employer", data.employer)
    if data.job not in ("", "main", "part_time"):
        check.add(MSG_CHOICE, "main_job", "job")
    check.digits("main_job_number", data.main_job_number, lengths=(12,))
    if data.main_job_number and data.job != "part_time":
        check.add(MSG_WITHOUT, "main_job_number", other=label_of("job"))
    if len(data.care) > 2:
        check.add(MSG_COUNT, "care1_name", "care", low=0, high=2)
    for i, member in enumerate(data.care[:2], start=1):
        for name, value, high in ((f"care{i}_age_years", member.age_years, 99),
                                  (f"care{i}_age_months", member.age_months, 11)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high):
                check.add(MSG_RANGE, name, low=0, high=high)
        check.digits(f"care{i}_relation", member.relation_code, lengths=(2,), codes=RELATION_CODES, required=True)
        check.text(f"care{i}_name", member.full_name, required=True)
    check.digits("violation_code", data.violation_code, lengths=(2,), codes=VIOLATION_CODES)
    if check.date("violation_date", data.violation_date) and not data.violation_code:
        check.add(MSG_WITHOUT, "violation_date", other=label_of("violation_code"))
    check.date("hospital_from", data.hospital_from)
    if check.date("hospital_to", data.hospital_to):
        if data.hospital_from is None:
            check.add(MSG_WITHOUT, "hospital_to", other=label_of("hospital_from"))
        check.order("hospital_to", data.hospital_from, data.hospital_to, "hospital_from")
    check.date("commission_referral_date", data.commission_referral_date)
    check.date("commission_registration_date", data.commission_registration_date)
    check.order("commission_registration_date", data.commission_referral_date, data.commission_registration_date,
                "commission_referral_date")
    check.date("commission_examination_date", data.commission_examination_date)
    check.order("commission_examination_date", data.commission_registration_date, data.commission_examination_date,
                "commission_registration_date")
    if not 1 <= len(data.periods) <= 3:
        check.add(MSG_COUNT, "period1_from", "periods", low=1, high=3)
    previous_end: dt.date | None = None
    for i, period in enumerate(data.periods[:3], start=1):
        ok_from = check.date(f"period{i}_from", period.date_from, required=True)
        ok_to = check.date(f"period{i}_to", period.date_to, required=True)
        if ok_from and ok_to:
            check.order(f"period{i}_to", period.date_from, period.date_to, f"period{i}_from")
        if ok_from and previous_end is not None:
            check.order(f"period{i}_from", previous_end, period.date_from, f"period{i - 1}_to")
        previous_end = period.date_to if ok_to else None
        check.text(f"period{i}_doctor_position", period.doctor_position, required=True)
        check.text(f"period{i}_doctor_name", period.doctor_name, required=True)
        check.text(f"period{i}_chair_position", period.chair_position, required=bool(period.chair_name))
        check.text(f"period{i}_chair_name", period.chair_name, required=bool(period.chair_position))
    if check.date("return_date", data.return_date) and previous_end is not None:
        check.order("return_date", previous_end, data.return_date, f"period{min(len(data.periods), 3)}_to")
    check.digits("other_code", data.other_code, lengths=(2,), codes=OTHER_CODES)
    if check.date("other_date", data.other_date) and not data.other_code:
        check.add(MSG_WITHOUT, "other_date", other=label_of("other_code"))
    check.digits("next_number", data.next_number, lengths=(12,))
    return check.problems


# --- The DataMatrix -----------------------------------------------------------------------------------


def datamatrix_payload(data: SickLeavePrint) -> str:
    """The text the DataMatrix carries (see the module docstring for the fields)."""
    def day(value: dt.date | None) -> str:
        return date_ru(value) if value else ""

    first = data.periods[0].date_from if data.periods else None
    last = data.periods[-1].date_to if data.periods else None
    parts = [
        PAYLOAD_TAG, data.number, data.surname, data.first_name, data.patronymic, day(data.birth_date),
        day(data.issue_date), data.organization_ogrn, data.cause_code, data.additional_code, data.changed_code,
        {"M": "М", "F": "Ж"}.get(data.sex, ""), "2" if data.duplicate else "1", data.previous_number,
        day(first), day(last), day(data.return_date), data.next_number,
    ]
    return "|".join(parts)


@lru_cache(maxsize=64)
def datamatrix_modules(payload: bytes) -> tuple[tuple[bool, ...], ...]:
    """The ECC200 symbol of the bytes as rows of modules (True = dark), the smallest square symbol of
    the ASCII and Base256 encodations (libdmtx)."""
    best: tuple[tuple[bool, ...], ...] | None = None
    for scheme in ("Ascii", "Base256"):
        encoded = pylibdmtx.encode(payload, scheme=scheme, size="SquareAuto")
        width, height, bpp = encoded.width, encoded.height, encoded.bpp // 8
        pixels = encoded.pixels

        def dark(x: int, y: int, pixels: bytes = pixels, width: int = width, bpp: int = bpp) -> bool:
            return pixels[(y * width + x) * bpp] < 128

        # the symbol's bounds (the finder pattern makes its left column and bottom row solid)
        rows_dark = [y for y in range(height) if any(dark(x, y) for x in range(width))]
        cols_dark = [x for x in range(width) if any(dark(x, y) for y in range(height))]
        top, bottom, left, right = rows_dark[0], rows_dark[-1] + 1, cols_dark[0], cols_dark[-1] + 1
        # the top row alternates dark and light modules: its runs give the module size
        row = [dark(x, top) for x in range(left, right)]
        runs, count = [], 1
        for a, b in zip(row, row[1:], strict=False):
            if a == b:
                count += 1
            else:
                runs.append(count)
                count = 1
        runs.append(count)
        module = min(runs)
        n_cols, n_rows = (right - left) // module, (bottom - top) // module
        matrix = tuple(
            tuple(dark(left + c * module + module // 2, top + r * module + module // 2) for c in range(n_cols))
            for r in range(n_rows)
        )
        if best is None or len(matrix) < len(best):
            best = matrix
    assert best is not None
    return best


# --- Fonts and type size ------------------------------------------------------------------------------

FONT_MONO_BOLD = "MedCenterMono-Bold"
_MONO_BOLD_FILES = ("DejaVuSansMono-Bold.ttf", "courbd.ttf", "Courier New Bold.ttf")
_MONO_FILES = ("DejaVuSansMono.ttf", "cour.ttf", "Courier New.ttf")

_font_lock = threading.Lock()
_cell_font: tuple[str, Path | None] | None = None


def cell_font() -> tuple[str, Path | None]:
    """The face the cells are printed in (bold monospaced, else the regular monospaced) and its file."""
    global _cell_font
    with _font_lock:
        if _cell_font is not None:
            return _cell_font
        folder = register_fonts().regular_path.parent
        for file_name in _MONO_BOLD_FILES:
            path = folder / file_name
            if not path.is_file():
                continue
            try:
                font = TTFont(FONT_MONO_BOLD, str(path))
            except Exception:  # a damaged or unsupported file: try the next one
                continue
            if all(ord(ch) in font.face.charToGlyph for ch in PRINTED_CHARS):
                pdfmetrics.registerFont(font)
                _cell_font = (FONT_MONO_BOLD, path)
                return _cell_font
        name = mono_font()
        regular = next((folder / f for f in _MONO_FILES if (folder / f).is_file()), None)
        _cell_font = (name, regular)
        return _cell_font


@dataclass(frozen=True)
class InkMetrics:
    """The ink of the printed characters in em: above the baseline, below it, and the widest half
    (from the middle of the advance)."""

    ascent: float
    descent: float
    half_width: float


@lru_cache(maxsize=4)
def ink_metrics(font_name: str, path: Path | None) -> InkMetrics:
    if path is None:
        return InkMetrics(ascent=1.0, descent=0.3, half_width=0.55)  # generous, for an unknown face
    from PIL import Image, ImageDraw, ImageFont  # Pillow comes with reportlab

    size = 400
    face = ImageFont.truetype(str(path), size)
    ascent = descent = half = 0.0
    for char in PRINTED_CHARS:
        if not char.strip():
            continue
        image = Image.new("L", (size * 3, size * 3), 0)
        ImageDraw.Draw(image).text((size, 2 * size), char, font=face, fill=255, anchor="ls")
        box = image.getbbox()
        if box is None:
            continue
        advance = stringWidth(char, font_name, size)
        middle = size + advance / 2
        ascent = max(ascent, (2 * size - box[1]) / size)
        descent = max(descent, (box[3] - 2 * size) / size)
        half = max(half, (middle - box[0]) / size, (box[2] - middle) / size)
    # a pixel of rounding either way at this size
    return InkMetrics(ascent + 1 / size, descent + 1 / size, half + 1 / size)


@dataclass(frozen=True)
class CellType:
    font: str
    size: float  # pt
    baseline: float  # mm below the cell's top


def cell_type(layout: SickLeaveLayout, width: float, height: float) -> CellType:
    """The largest type (up to the layout's maximum) whose ink keeps the clearance in a cell of
    width x height mm, the baseline placed so that the ink is centred vertically."""
    font, path = cell_font()
    ink = ink_metrics(font, path)
    free = layout.clearance + INK_SAFETY_MM
    em_mm = min((height - 2 * free) / (ink.ascent + ink.descent), (width - 2 * free) / (2 * ink.half_width),
                layout.font_max_pt * 25.4 / 72)
    gap = (height - em_mm * (ink.ascent + ink.descent)) / 2
    return CellType(font=font, size=em_mm * 72 / 25.4, baseline=gap + em_mm * ink.ascent)


# --- Drawing ------------------------------------------------------------------------------------------


def _check_printable(layout: SickLeaveLayout, profile: PrinterProfile, areas: Iterable[tuple[str, Box]]) -> None:
    left = max(layout.side_margin, profile.margin_left_mm)
    right = max(layout.side_margin, profile.margin_right_mm)
    top, bottom = profile.margin_top_mm, profile.margin_bottom_mm
    width, height = PAGE_SIZE[0] / mm, PAGE_SIZE[1] / mm
    for name, box in areas:
        x0, y0 = profile.page_point(box.x, box.y)
        x1, y1 = profile.page_point(box.right, box.bottom)
        for side, margin, outside in (("left", left, x0 < left), ("right", right, x1 > width - right),
                                      ("top", top, y0 < top), ("bottom", bottom, y1 > height - bottom)):
            if outside:
                raise OutsidePrintableAreaError(model=profile.model, label=label_of(name), margin=f"{margin:g}",
                                                side=SIDES[side])


SIDES = {
    "left": QT_TRANSLATE_NOOP("DomainError", "left"),
    "right": QT_TRANSLATE_NOOP("DomainError", "right"),
    "top": QT_TRANSLATE_NOOP("DomainError", "top"),
    "bottom": QT_TRANSLATE_NOOP("DomainError", "bottom"),
}


class _Sheet:
    """A canvas in the blank's millimetres, the profile's offset and scale applied."""

    def __init__(self, c: Canvas, profile: PrinterProfile) -> None:
        self.c = c
        self.profile = profile

    def __enter__(self) -> Canvas:
        c, p = self.c, self.profile
        c.saveState()
        c.translate(p.offset_x_mm * mm, PAGE_SIZE[1] - p.offset_y_mm * mm)
        c.scale(p.scale_x, p.scale_y)
        return c

    def __exit__(self, *exc: object) -> None:
        self.c.restoreState()


def _y(top_mm: float) -> float:
    """A distance below the blank's top edge as a y inside a `_Sheet`."""
    return -top_mm * mm


def _draw_field(c: Canvas, layout: SickLeaveLayout, fl: FieldLayout, value: str) -> None:
    kind = cell_type(layout, fl.cell_width, fl.cell_height)
    c.setFillColor(colors.black)
    for box, char in zip(fl.boxes, cell_texts(fl, value), strict=True):
        if not char:
            continue
        c.setFont(kind.font, kind.size)
        c.drawCentredString((box.x + box.width / 2) * mm, _y(box.y + kind.baseline), char)


def _draw_grid(c: Canvas, fl: FieldLayout) -> None:
    c.setStrokeColor(colors.Color(0.55, 0.55, 0.55))
    c.setLineWidth(0.3)
    for box in fl.boxes:
        c.rect(box.x * mm, _y(box.bottom), box.width * mm, box.height * mm, stroke=1, fill=0)
    if fl.kind == "date":  # the points between DD, MM and YYYY
        c.setFillColor(colors.Color(0.55, 0.55, 0.55))
        for after in (1, 3):
            box = fl.boxes[after]
            gap = fl.boxes[after + 1].x - box.right
            c.circle((box.right + gap / 2) * mm, _y(box.bottom - 0.6), 0.25 * mm, stroke=0, fill=1)


LABEL_SIZE = 4.5
LABEL_HEIGHT_MM = 1.8  # the band a label takes above its field


def _label_places(layout: SickLeaveLayout, names: Iterable[str], font: str) -> dict[str, tuple[float, float, str]]:
    """Where each field's name goes on plain paper: (x, baseline mm, text) above the field, in the
    first free stretch of that band, cut before the next field; to the right of the field when there
    is no room above (the commission's rows stand right under their periods)."""
    fields_ = [layout.fields[name] for name in names]
    areas = [(fl.name, fl.bounds()) for fl in fields_]
    page_right = layout.page_width - layout.side_margin
    places: dict[str, tuple[float, float, str]] = {}
    for fl in fields_:
        if not fl.label:
            continue
        bounds = fl.bounds()
        others = [b for name, b in areas if name != fl.name]
        band = Box(bounds.x, bounds.y - LABEL_HEIGHT_MM, page_right - bounds.x, LABEL_HEIGHT_MM)
        blocked = sorted((b.x, b.right) for b in others if b.overlaps(band))
        # fields further right, with the band their own labels take
        ahead = [b.x for b in others if b.x > bounds.x + 0.5
                 and Box(b.x, b.y - LABEL_HEIGHT_MM, b.width, b.height + LABEL_HEIGHT_MM).overlaps(band)]
        gaps: list[tuple[float, float]] = []  # free stretches of the band starting over the field
        start = bounds.x
        for left, right in [*blocked, (page_right, page_right)]:
            if left > start and start < bounds.right - 3:
                limit = min([x for x in ahead if x > start] + [left, page_right])
                gaps.append((start, limit - 1.0))
            start = max(start, right + 1.0)
        needed = stringWidth(fl.label, font, LABEL_SIZE) / mm
        fitting = [gap for gap in gaps if gap[1] - gap[0] >= needed]
        best = fitting[0] if fitting else max(gaps, key=lambda gap: gap[1] - gap[0], default=None)
        if best is not None and best[1] - best[0] >= min(needed, 6) and fl.cells > 1:
            text = fit_text(fl.label, font, LABEL_SIZE, (best[1] - best[0]) * mm)
            places[fl.name] = (best[0], bounds.y - 0.35, text)
            continue
        right_band = Box(bounds.right + 0.5, bounds.y, 1000.0, bounds.height)
        limit = min([b.x for b in others if b.overlaps(right_band)] + [page_right])
        if limit - bounds.right - 1.5 >= min(needed, 8):
            text = fit_text(fl.label, font, LABEL_SIZE, (limit - bounds.right - 1.5) * mm)
            places[fl.name] = (bounds.right + 1.0, bounds.y + bounds.height / 2 + 0.6, text)
    return places


def _draw_labels(c: Canvas, layout: SickLeaveLayout, names: Iterable[str], font: str) -> None:
    c.setFillColor(colors.Color(0.35, 0.35, 0.35))
    c.setFont(font, LABEL_SIZE)
    for x, baseline, text in _label_places(layout, names, font).values():
        c.drawString(x * mm, _y(baseline), text)


def datamatrix_geometry(layout: SickLeaveLayout, profile: PrinterProfile, payload: bytes) -> tuple[int, int, int, int]:
    """(left dot, top dot, modules per side, dots per module) of the code as `render_certificate` places
    it: 600 dpi dots from the page's top-left corner, centred in the layout's box as the profile moves
    it, the largest module (from the layout's range) whose symbol and a module of quiet zone around
    it fit the box as printed. SickLeavePrintError when even the smallest module does not fit."""
    n = len(datamatrix_modules(payload))
    dm = layout.datamatrix
    available = dm.size * min(profile.scale_x, profile.scale_y)  # the box as printed, in mm
    dots = next((d for d in range(dm.module_dots_max, dm.module_dots_min - 1, -1)
                 if (n + 2) * d * DOT_MM <= available), None)
    if dots is None:
        raise SickLeavePrintError([SickLeaveFieldError(MSG_TOO_LONG, "datamatrix", label="DataMatrix",
                                                       length=len(payload), cells=n)])
    centre_x, centre_y = profile.page_point(dm.x + dm.size / 2, dm.y + dm.size / 2)
    return (round(centre_x / DOT_MM - n * dots / 2), round(centre_y / DOT_MM - n * dots / 2), n, dots)


def _draw_datamatrix(c: Canvas, layout: SickLeaveLayout, profile: PrinterProfile, payload: bytes) -> None:
    """Draws the code in page coordinates (not the profile's: its modules stay whole dots)."""
    matrix = datamatrix_modules(payload)
    left, top, n, dots = datamatrix_geometry(layout, profile, payload)
    c.saveState()
    # In 600 dpi dots from the page's top-left corner: every coordinate below is a whole number, so
    # the PDF holds them exactly and a 600 dpi raster has no partly covered pixels.
    c.translate(0, PAGE_SIZE[1])
    c.scale(72 / 600, 72 / 600)
    c.setFillColor(colors.black)
    path = c.beginPath()  # one path: renderers snap a lone rectangle outwards to whole pixels
    for r, row in enumerate(matrix):
        col = 0
        while col < n:
            if not row[col]:
                col += 1
                continue
            start = col
            while col < n and row[col]:
                col += 1
            path.rect(left + start * dots, -(top + (r + 1) * dots), (col - start) * dots, dots)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()


def _draw_barcode(c: Canvas, layout: SickLeaveLayout, number: str) -> None:
    if layout.barcode is None:
        return
    box = layout.barcode.box()
    bar_width = 0.33 * mm
    code = Code128(number, barWidth=bar_width, barHeight=(box.height - 1.0) * mm, quiet=0, humanReadable=False)
    if code.width > box.width * mm:
        code = Code128(number, barWidth=box.width * mm / code.width * bar_width * 0.98,
                       barHeight=(box.height - 1.0) * mm, quiet=0, humanReadable=False)
    x = (box.x + box.width / 2) * mm - code.width / 2
    code.drawOn(c, x, _y(box.bottom - 0.5))


PLAIN_TITLE = "ЛИСТОК НЕТРУДОСПОСОБНОСТИ — ПРОВЕРОЧНАЯ ПЕЧАТЬ"
PLAIN_NOTE = ("Напечатано на простой бумаге для проверки заполнения и совмещения с бланком; "
              "не является листком нетрудоспособности.")


def _canvas(buffer: io.BytesIO, title: str) -> Canvas:
    """An A4 canvas whose PDF asks viewers to print at actual size (/PrintScaling /None)."""
    c = Canvas(buffer, pagesize=PAGE_SIZE, pageCompression=1)
    c.setViewerPreference("PrintScaling", "None")
    c.setTitle(title)
    c.setCreator("MedCenter Desktop")
    return c


def render_certificate(data: SickLeavePrint, layout: SickLeaveLayout, profile: PrinterProfile, *,
                       on_blank: bool = True) -> bytes:
    """The certificate as a one-page A4 PDF to print at 100 % on the blank (``on_blank``) or, for
    checking, on plain paper with the cells and the fields' names drawn.

    Raises SickLeavePrintError listing every value the blank cannot take, PrinterProfileError for a
    profile out of range, OutsidePrintableAreaError when the profile pushes a field into a margin.
    """
    validate_profile(profile)
    problems = validate_for_print(data, layout)
    if problems:
        raise SickLeavePrintError(problems)
    values = field_values(data)
    printed = {name: fl for name, fl in layout.fields.items() if on_blank is False or fl.on_blank}
    areas: list[tuple[str, Box]] = []  # what gets ink: the grid on plain paper, else the characters
    for name, fl in printed.items():
        if not on_blank:
            areas.append((name, fl.bounds()))
            continue
        areas += [(name, box.shrunk(layout.clearance))
                  for box, char in zip(fl.boxes, cell_texts(fl, values[name]), strict=True) if char]
    areas.append(("datamatrix", layout.datamatrix.box()))
    if layout.barcode is not None and (not on_blank or layout.barcode.on_blank):
        areas.append(("number", layout.barcode.box()))
    _check_printable(layout, profile, areas)

    fonts = register_fonts()
    buffer = io.BytesIO()
    c = _canvas(buffer, f"Листок нетрудоспособности № {data.number}")
    c.setAuthor(data.organization_name)
    with _Sheet(c, profile):
        if not on_blank:
            for fl in printed.values():
                _draw_grid(c, fl)
            _draw_labels(c, layout, printed, fonts.regular)
            c.setFillColor(colors.black)
            c.setFont(fonts.bold, 10)
            c.drawCentredString(105 * mm, _y(196), PLAIN_TITLE)
            c.setFont(fonts.regular, 7.5)
            c.drawCentredString(105 * mm, _y(201), PLAIN_NOTE)
            c.drawCentredString(105 * mm, _y(205), f"Профиль принтера: {profile.model}; смещение "
                                f"{profile.offset_x_mm:+.2f} / {profile.offset_y_mm:+.2f} мм, масштаб "
                                f"{profile.scale_x:.4f} / {profile.scale_y:.4f}")
        if layout.barcode is not None and (not on_blank or layout.barcode.on_blank):
            _draw_barcode(c, layout, data.number)
        for name, fl in printed.items():
            _draw_field(c, layout, fl, values[name])
    _draw_datamatrix(c, layout, profile, datamatrix_payload(data).encode("utf-8"))
    c.showPage()
    c.save()
    return buffer.getvalue()


# --- The calibration page -----------------------------------------------------------------------------

CROSS_ARM_MM = 6.0
CROSS_LINE_MM = 0.2

CALIBRATION_TITLE = "Калибровочная страница принтера для бланков листков нетрудоспособности"
CALIBRATION_STEPS = (
    "1. Напечатайте эту страницу на простой бумаге формата A4 при масштабе 100 % (без «по размеру страницы»).",
    "2. Линейкой измерьте расстояние от левого и от верхнего края листа до центров перекрестий A, B и C, мм.",
    "3. Введите измеренные расстояния в профиль принтера (A: X и Y, B: X, C: Y) и сохраните его.",
    "4. Напечатайте страницу снова: центры перекрестий должны оказаться на указанных расстояниях (±0,3 мм).",
    "Перекрестие D в центре листа — для проверки; сетка 1 мм и линейки — для оценки искажений.",
)


def _cross(c: Canvas, x: float, top: float) -> None:
    arm = CROSS_ARM_MM * mm
    c.setLineWidth(CROSS_LINE_MM * mm)
    c.setLineCap(0)
    c.line(x * mm - arm, _y(top), x * mm + arm, _y(top))
    c.line(x * mm, _y(top) - arm, x * mm, _y(top) + arm)
    c.circle(x * mm, _y(top), 3 * mm, stroke=1, fill=0)


def render_calibration_page(profile: PrinterProfile) -> bytes:
    """A page for plain paper with crosshairs at `printer_profiles.CALIBRATION_MARKS` (placed with the
    profile's correction, so a calibrated printer puts them exactly there), a millimetre grid, rulers,
    the profile's name and values and what to measure."""
    validate_profile(profile)
    fonts = register_fonts()
    buffer = io.BytesIO()
    c = _canvas(buffer, f"Калибровочная страница: {profile.model}")
    with _Sheet(c, profile):
        c.setStrokeColor(colors.black)
        c.setFillColor(colors.black)
        for name, (x, top) in CALIBRATION_MARKS.items():
            _cross(c, x, top)
            caption = f"X = {x:g} мм, Y = {top:g} мм".replace(".", ",")
            if x > 105:  # marks on the right: the caption to the left of the mark
                c.setFont(fonts.regular, 7)
                c.drawRightString((x - 8) * mm, _y(top + 8), caption)
                c.setFont(fonts.bold, 9)
                c.drawRightString((x - 8 - 1) * mm - c.stringWidth(caption, fonts.regular, 7), _y(top + 8), name)
                continue
            c.setFont(fonts.bold, 9)
            c.drawString((x + 8) * mm, _y(top + 8), name)
            c.setFont(fonts.regular, 7)
            c.drawString((x + 12) * mm, _y(top + 8), caption)
        # the millimetre grid: 120 x 60 mm in the middle of the upper half
        grid_left, grid_top, grid_w, grid_h = 45.0, 60.0, 120.0, 60.0
        for i in range(int(grid_w) + 1):
            c.setLineWidth(0.35 if i % 10 == 0 else 0.12)
            c.setStrokeColor(colors.black if i % 10 == 0 else colors.Color(0.45, 0.45, 0.45))
            c.line((grid_left + i) * mm, _y(grid_top), (grid_left + i) * mm, _y(grid_top + grid_h))
        for j in range(int(grid_h) + 1):
            c.setLineWidth(0.35 if j % 10 == 0 else 0.12)
            c.setStrokeColor(colors.black if j % 10 == 0 else colors.Color(0.45, 0.45, 0.45))
            c.line(grid_left * mm, _y(grid_top + j), (grid_left + grid_w) * mm, _y(grid_top + j))
        c.setStrokeColor(colors.black)
        c.setFont(fonts.regular, 6)
        for i in range(0, int(grid_w) + 1, 10):
            c.drawCentredString((grid_left + i) * mm, _y(grid_top - 1), f"{grid_left + i:g}")
        for j in range(0, int(grid_h) + 1, 10):
            c.drawRightString((grid_left - 1) * mm, _y(grid_top + j + 0.7), f"{grid_top + j:g}")
        # rulers: along the top from x = 45 to 165 mm at y = 12 mm, down the left from y = 45 to 255 mm
        c.setLineWidth(0.15)
        for x in range(45, 166):
            tick = 3.0 if x % 10 == 0 else 2.0 if x % 5 == 0 else 1.2
            c.line(x * mm, _y(12), x * mm, _y(12 + tick))
            if x % 10 == 0:
                c.drawCentredString(x * mm, _y(17.5), str(x))
        c.line(45 * mm, _y(12), 165 * mm, _y(12))
        for top in range(45, 256):
            if 140 <= top <= 157:  # keep clear of crosshair D's row
                continue
            tick = 3.0 if top % 10 == 0 else 2.0 if top % 5 == 0 else 1.2
            c.line(12 * mm, _y(top), (12 + tick) * mm, _y(top))
            if top % 10 == 0:
                c.drawString(16 * mm, _y(top + 0.7), str(top))
        c.line(12 * mm, _y(45), 12 * mm, _y(140))
        c.line(12 * mm, _y(157), 12 * mm, _y(255))

        c.setFont(fonts.bold, 10)
        c.drawCentredString(105 * mm, _y(170), CALIBRATION_TITLE)
        c.setFont(fonts.regular, 8)
        lines = [
            f"Принтер: {profile.model}",
            f"Смещение X {profile.offset_x_mm:+.2f} мм, Y {profile.offset_y_mm:+.2f} мм; масштаб X "
            f"{profile.scale_x:.4f}, Y {profile.scale_y:.4f}",
            f"Непечатаемые поля: слева {profile.margin_left_mm:g}, справа {profile.margin_right_mm:g}, сверху "
            f"{profile.margin_top_mm:g}, снизу {profile.margin_bottom_mm:g} мм",
            "",
            *CALIBRATION_STEPS,
        ]
        top = 178.0
        for line in lines:
            for part in simpleSplit(line, fonts.regular, 8, 150 * mm) or [""]:
                c.drawString(32 * mm, _y(top), part)
                top += 4.2
    c.showPage()
    c.save()
    return buffer.getvalue()


# --- Blank accounting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BlankReportRow:
    """A line of the report on the use of blanks over a period (a department, a doctor or the whole clinic)."""

    holder: str
    opening_balance: int
    received: int
    issued: int  # filled in and given to patients
    spoiled: int  # damaged in filling, written off
    closing_balance: int
    numbers: str = ""  # the numbers (ranges) of the blanks left, as text


@dataclass(frozen=True)
class BlankBookRow:
    """A line of the book of blanks: blanks received from the insurer or handed out to a holder."""

    day: dt.date
    operation: str  # "received", "issued", "returned", "spoiled"
    counterparty: str  # from whom received / to whom handed out
    number_from: str
    number_to: str
    count: int
    document: str = ""  # the waybill or the order
    signed_by: str = ""


OPERATIONS = {"received": "получено", "issued": "выдано", "returned": "возвращено", "spoiled": "испорчено"}


@dataclass
class _Table:
    headers: tuple[str, ...]
    widths: tuple[float, ...]  # mm
    numeric: frozenset[int] = field(default_factory=frozenset)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """The text in lines of at most width, broken between words, and inside a word too long for a line."""
    lines: list[str] = []
    for line in simpleSplit(text, font, size, width) or [""]:
        while stringWidth(line, font, size) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut], font, size) > width:
                cut -= 1
            dash = max(line.rfind(mark, 0, cut) for mark in "–-/,")  # after a dash or a comma if there is one
            if dash > 0:
                cut = dash + 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


def _render_table(title: str, subtitle: Sequence[str], table: _Table, rows: Sequence[Sequence[str]],
                  footer: Sequence[str] = ()) -> bytes:
    fonts = register_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=PAGE_SIZE, pageCompression=1)
    c.setTitle(title)
    c.setCreator("MedCenter Desktop")
    left, right, top_margin, bottom_margin = 15 * mm, 195 * mm, 12 * mm, 15 * mm
    row_h, header_h, size = 6 * mm, 10 * mm, 7.5
    edges = [left]
    for width in table.widths:
        edges.append(edges[-1] + width * mm)
    assert abs(edges[-1] - right) < 1

    def header(y: float) -> float:
        c.setLineWidth(0.5)
        c.setFont(fonts.bold, 7.5)
        for i, text in enumerate(table.headers):
            c.rect(edges[i], y - header_h, edges[i + 1] - edges[i], header_h)
            words = text.split(" ")
            lines, current = [], ""
            for word in words:
                probe = f"{current} {word}".strip()
                if stringWidth(probe, fonts.bold, 7.5) <= edges[i + 1] - edges[i] - 2 * mm or not current:
                    current = probe
                else:
                    lines.append(current)
                    current = word
            lines.append(current)
            for j, line in enumerate(lines[:3]):
                c.drawCentredString((edges[i] + edges[i + 1]) / 2, y - 3.5 * mm - j * 3 * mm, line)
        return y - header_h

    page = 1
    y = PAGE_SIZE[1] - top_margin
    c.setFont(fonts.bold, 11)
    c.drawCentredString(PAGE_SIZE[0] / 2, y - 4 * mm, title)
    y -= 9 * mm
    c.setFont(fonts.regular, 9)
    for line in subtitle:
        c.drawCentredString(PAGE_SIZE[0] / 2, y, fit_text(line, fonts.regular, 9, right - left))
        y -= 5 * mm
    y = header(y - 2 * mm)
    line_h = 3.6 * mm
    for row in rows:
        cells = [_wrap(text, fonts.regular, size, edges[i + 1] - edges[i] - 2 * mm)[:8] for i, text in enumerate(row)]
        height = max(row_h, max(len(lines) for lines in cells) * line_h + 2.4 * mm)
        if y - height < bottom_margin + 8 * mm:
            c.setFont(fonts.regular, 7)
            c.drawRightString(right, bottom_margin - 5 * mm, f"Лист {page}")
            c.showPage()
            page += 1
            y = header(PAGE_SIZE[1] - top_margin)
        c.setLineWidth(0.5)
        c.setFont(fonts.regular, size)
        for i, lines in enumerate(cells):
            c.rect(edges[i], y - height, edges[i + 1] - edges[i], height)
            for j, line in enumerate(lines):
                baseline = y - 1.2 * mm - (j + 1) * line_h + 0.9 * mm
                if i in table.numeric:
                    c.drawRightString(edges[i + 1] - 1 * mm, baseline, line)
                else:
                    c.drawString(edges[i] + 1 * mm, baseline, line)
        y -= height
    c.setFont(fonts.regular, 9)
    y -= 6 * mm
    for line in footer:
        if y < bottom_margin + 5 * mm:
            c.showPage()
            y = PAGE_SIZE[1] - top_margin
            c.setFont(fonts.regular, 9)
        c.drawString(left, y, line)
        y -= 7 * mm
    c.setFont(fonts.regular, 7)
    c.drawRightString(right, bottom_margin - 5 * mm, f"Лист {page}")
    c.showPage()
    c.save()
    return buffer.getvalue()


def render_blank_report(rows: Sequence[BlankReportRow], period: tuple[dt.date, dt.date], org: str) -> bytes:
    """The report on the use of sick-leave blanks over a period (A4, a line per holder and a total)."""
    table = _Table(("Получатель бланков", "Остаток на начало", "Получено", "Выдано (заполнено)", "Испорчено",
                    "Остаток на конец", "Номера оставшихся бланков"),
                   (44, 18, 18, 20, 18, 18, 44), frozenset({1, 2, 3, 4, 5}))
    lines = [[r.holder, str(r.opening_balance), str(r.received), str(r.issued), str(r.spoiled),
              str(r.closing_balance), r.numbers] for r in rows]
    totals = ["Итого", *(str(sum(getattr(r, k) for r in rows)) for k in
                         ("opening_balance", "received", "issued", "spoiled", "closing_balance")), ""]
    return _render_table(
        "Отчет о расходовании бланков листков нетрудоспособности",
        (org, f"за период с {date_ru(period[0])} по {date_ru(period[1])}"),
        table, [*lines, totals],
        ("Ответственный за учет бланков ____________________ / ____________________ /",
         "Руководитель ____________________ / ____________________ /"),
    )


def render_blank_book(rows: Sequence[BlankBookRow], org: str) -> bytes:
    """The book of sick-leave blanks: every receipt and hand-out with the numbers, in the rows' order."""
    table = _Table(("№ п/п", "Дата", "Операция", "От кого получены / кому выданы", "Номера с", "Номера по",
                    "Кол-во", "Документ", "Подпись"),
                   (10, 18, 18, 36, 24, 24, 12, 20, 18), frozenset({0, 6}))
    lines = [[str(i), date_ru(r.day), OPERATIONS.get(r.operation, r.operation), r.counterparty, r.number_from,
              r.number_to, str(r.count), r.document, r.signed_by] for i, r in enumerate(rows, start=1)]
    return _render_table("Книга учета бланков листков нетрудоспособности", (org,), table, lines)
