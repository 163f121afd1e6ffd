"""The sick-leave blank (form 347n) as data: where each field's character cells stand on the A4 sheet.

The geometry lives in ``sick_leave_layout.json`` next to this module, so it can be corrected without
touching code; a clinic whose blanks differ passes an override file to `load_layout` holding only
what changes, e.g. ``{"fields": {"surname": {"y": 40.2}}, "datamatrix": {"x": 9}}``.

Coordinates are millimetres on the blank from its top-left corner (x to the right, y downwards);
a field's ``x``/``y`` is the top-left corner of its first cell. Each field has:

- ``kind``: ``text`` (letters), ``digits``, ``date`` (8 cells in three groups DD MM YYYY, the groups
  at the offsets ``date_groups_mm`` from x) or ``tick`` (one cell, "X" when set);
- ``cells`` per row, and optionally ``rows`` (with ``row_pitch``, default the cell height: a text
  wraps between words over the rows), ``cell_width``/``cell_height`` (default: the ``cell`` section);
- ``align`` ``left`` (default) or ``right``; ``charset`` ``name`` (capital Cyrillic letters, hyphen,
  space, dot), ``text`` (those, digits and common punctuation) or ``digits``;
- ``on_blank`` (default true): false for what the blank has preprinted (the number), printed only on
  plain paper; ``label`` (printed on plain paper), ``note`` (where the figure came from).

The ``datamatrix`` box (x, y, size) takes the 2D code, the optional ``barcode`` box (x, y, width,
height, on_blank) the certificate number as Code 128.

Where the figures come from (shared/domain/sick-leave-347n-layout.md, the print template of an open
MIS used on real blanks): that template's anchors are the text origin before its offsets; a cell's
top-left is taken here as the anchor plus (3.6, 1.4) mm (the template drew Courier 8 pt at
anchor + (3 + 1.8, 0.5 + 3.9) mm with a 4 mm pitch, so a 4 x 4 mm cell centred on that text starts
about 3.6 mm right of and 1.4 mm below the anchor). Cell pitch 4.0 mm and the date groups 10 mm
apart are the sheet's; the 4.0 mm cell height is invented (the medical commission's row stands only
4 mm under its period's row). Each field's ``note`` says whether its position is from the sheet or
invented; the invented ones (the number and its barcode, which the blank has preprinted, the
DataMatrix box, the changed code, the regime violation, the commission dates, the "other" date, the
age cells of the cared-for family members) must be checked against a real blank.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from shared.errors import QT_TRANSLATE_NOOP, ConfigurationError

LAYOUT_FILE = Path(__file__).with_name("sick_leave_layout.json")
FORMAT = "medcenter/sick-leave-layout"

KINDS = ("text", "digits", "date", "tick")
CHARSETS = ("name", "text", "digits")
ALIGNMENTS = ("left", "right")
DATE_CELLS = 8
DATE_GROUPS = ((0, 2), (2, 4), (4, 8))  # DD, MM, YYYY: cell ranges of a date's three groups

# Every field the renderer fills; the layout file must place each of them, and nothing else.
FIELD_NAMES: tuple[str, ...] = (
    "number", "primary", "duplicate", "previous_number",
    "organization_name", "organization_address", "issue_date", "organization_ogrn",
    "surname", "first_name", "patronymic", "birth_date", "sex_male", "sex_female",
    "cause_code", "additional_code", "changed_code",
    "employer", "main_job", "part_time", "main_job_number",
    *(f"care{i}_{part}" for i in (1, 2) for part in ("age_years", "age_months", "relation", "name")),
    "early_pregnancy", "hospital_from", "hospital_to", "violation_code", "violation_date",
    "commission_referral_date", "commission_registration_date", "commission_examination_date",
    *(f"period{i}_{part}" for i in (1, 2, 3) for part in (
        "from", "to", "doctor_position", "doctor_name", "chair_position", "chair_name")),
    "return_date", "other_code", "other_date", "next_number",
)

_TOP_KEYS = {"format", "version", "form", "note", "page", "cell", "date_groups_mm", "font", "datamatrix",
             "barcode", "fields"}
_FIELD_KEYS = {"x", "y", "kind", "cells", "rows", "row_pitch", "cell_width", "cell_height", "align", "charset",
               "on_blank", "label", "note"}
_EPS = 1e-6


class LayoutError(ConfigurationError):
    message = QT_TRANSLATE_NOOP("DomainError", "Sick-leave form layout {path}: {where}: {problem} {detail}")
    translatable_params = ("problem",)


UNREADABLE = QT_TRANSLATE_NOOP("DomainError", "the file cannot be read")
NOT_JSON = QT_TRANSLATE_NOOP("DomainError", "not a valid JSON file")
WRONG_FORMAT = QT_TRANSLATE_NOOP("DomainError", "not a sick-leave layout file (format or version)")
UNKNOWN_KEY = QT_TRANSLATE_NOOP("DomainError", "unknown setting")
UNKNOWN_FIELD = QT_TRANSLATE_NOOP("DomainError", "unknown field")
MISSING_FIELD = QT_TRANSLATE_NOOP("DomainError", "the field is missing")
MISSING_VALUE = QT_TRANSLATE_NOOP("DomainError", "a required setting is missing")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("DomainError", "not a number")
NOT_POSITIVE = QT_TRANSLATE_NOOP("DomainError", "must be greater than zero")
NEGATIVE = QT_TRANSLATE_NOOP("DomainError", "must not be negative")
NOT_A_CHOICE = QT_TRANSLATE_NOOP("DomainError", "not one of the known values")
OFF_PAGE = QT_TRANSLATE_NOOP("DomainError", "lies outside the printable part of the page")
OVERLAP = QT_TRANSLATE_NOOP("DomainError", "cells overlap")
TOO_SMALL = QT_TRANSLATE_NOOP("DomainError", "too small")


@dataclass(frozen=True)
class Box:
    """A rectangle in mm from the blank's top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Box) -> bool:
        return (self.x < other.right - _EPS and other.x < self.right - _EPS
                and self.y < other.bottom - _EPS and other.y < self.bottom - _EPS)

    def shrunk(self, by: float) -> Box:
        return Box(self.x + by, self.y + by, self.width - 2 * by, self.height - 2 * by)


@dataclass(frozen=True)
class FieldLayout:
    name: str
    kind: str
    x: float
    y: float
    cells: int  # per row
    rows: int
    row_pitch: float
    cell_width: float
    cell_height: float
    align: str
    charset: str
    on_blank: bool
    label: str
    boxes: tuple[Box, ...] = field(compare=False)  # every cell, row by row

    @property
    def capacity(self) -> int:
        return self.cells * self.rows

    def bounds(self) -> Box:
        left = min(b.x for b in self.boxes)
        top = min(b.y for b in self.boxes)
        return Box(left, top, max(b.right for b in self.boxes) - left, max(b.bottom for b in self.boxes) - top)


@dataclass(frozen=True)
class DataMatrixBox:
    x: float
    y: float
    size: float
    module_dots_min: int  # a module is a whole number of 600 dpi dots, from this ...
    module_dots_max: int  # ... to this (the largest that fits the box is used)

    def box(self) -> Box:
        return Box(self.x, self.y, self.size, self.size)


@dataclass(frozen=True)
class BarcodeBox:
    x: float
    y: float
    width: float
    height: float
    on_blank: bool

    def box(self) -> Box:
        return Box(self.x, self.y, self.width, self.height)


@dataclass(frozen=True)
class SickLeaveLayout:
    source: str
    page_width: float
    page_height: float
    side_margin: float
    cell_width: float
    cell_height: float
    clearance: float  # the least distance between a character's ink and its cell's border
    font_max_pt: float
    date_groups: tuple[float, float, float]
    fields: Mapping[str, FieldLayout]
    datamatrix: DataMatrixBox
    barcode: BarcodeBox | None


def _error(path: str, where: str, problem: str, detail: str = "") -> LayoutError:
    return LayoutError(path=path, where=where, problem=problem, detail=detail)


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(str(path), path.name, UNREADABLE, str(exc).splitlines()[0][:200]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _error(str(path), f"line {exc.lineno}", NOT_JSON, exc.msg) from None
    if not isinstance(data, dict):
        raise _error(str(path), path.name, NOT_JSON)
    return data


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path

    def number(self, section: Mapping[str, Any], key: str, where: str, *, default: float | None = None,
               positive: bool = False) -> float:
        value = section.get(key, default)
        if value is None:
            raise _error(self.path, f"{where}.{key}", MISSING_VALUE)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise _error(self.path, f"{where}.{key}", NOT_A_NUMBER, repr(value))
        if positive and value <= 0:
            raise _error(self.path, f"{where}.{key}", NOT_POSITIVE, repr(value))
        if value < 0:
            raise _error(self.path, f"{where}.{key}", NEGATIVE, repr(value))
        return float(value)

    def integer(self, section: Mapping[str, Any], key: str, where: str, default: int | None = None) -> int:
        value = section.get(key, default)
        if value is None:
            raise _error(self.path, f"{where}.{key}", MISSING_VALUE)
        if isinstance(value, bool) or not isinstance(value, int):
            raise _error(self.path, f"{where}.{key}", NOT_A_NUMBER, repr(value))
        if value <= 0:
            raise _error(self.path, f"{where}.{key}", NOT_POSITIVE, repr(value))
        return value

    def choice(self, section: Mapping[str, Any], key: str, where: str, choices: tuple[str, ...],
               default: str | None = None) -> str:
        value = section.get(key, default)
        if value is None:
            raise _error(self.path, f"{where}.{key}", MISSING_VALUE)
        if value not in choices:
            raise _error(self.path, f"{where}.{key}", NOT_A_CHOICE, f"{value!r} ({', '.join(choices)})")
        return value

    def section(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key)
        if not isinstance(value, dict):
            raise _error(self.path, key, MISSING_VALUE)
        return value


def _cell_boxes(kind: str, x: float, y: float, cells: int, rows: int, pitch: float, width: float,
                height: float, groups: tuple[float, float, float]) -> tuple[Box, ...]:
    if kind == "date":
        return tuple(Box(x + groups[g] + (i - start) * width, y, width, height)
                     for g, (start, end) in enumerate(DATE_GROUPS) for i in range(start, end))
    return tuple(Box(x + i * width, y + r * pitch, width, height) for r in range(rows) for i in range(cells))


def _field(reader: _Reader, name: str, raw: Any, defaults: dict[str, float],
           groups: tuple[float, float, float]) -> FieldLayout:
    where = f"fields.{name}"
    if not isinstance(raw, dict):
        raise _error(reader.path, where, MISSING_VALUE)
    for key in raw:
        if key not in _FIELD_KEYS:
            raise _error(reader.path, f"{where}.{key}", UNKNOWN_KEY)
    kind = reader.choice(raw, "kind", where, KINDS)
    x = reader.number(raw, "x", where)
    y = reader.number(raw, "y", where)
    width = reader.number(raw, "cell_width", where, default=defaults["width"], positive=True)
    height = reader.number(raw, "cell_height", where, default=defaults["height"], positive=True)
    cells = reader.integer(raw, "cells", where, default={"date": DATE_CELLS, "tick": 1}.get(kind))
    rows = reader.integer(raw, "rows", where, default=1)
    pitch = reader.number(raw, "row_pitch", where, default=height, positive=True)
    if kind == "date" and (cells != DATE_CELLS or rows != 1):
        raise _error(reader.path, f"{where}.cells", NOT_A_CHOICE, f"a date takes {DATE_CELLS} cells in one row")
    if kind == "tick" and (cells != 1 or rows != 1):
        raise _error(reader.path, f"{where}.cells", NOT_A_CHOICE, "a tick takes one cell")
    if rows > 1 and pitch < height - _EPS:
        raise _error(reader.path, f"{where}.row_pitch", OVERLAP, "rows closer than the cell height")
    default_charset = {"digits": "digits", "date": "digits", "tick": "text"}.get(kind, "text")
    charset = reader.choice(raw, "charset", where, CHARSETS, default_charset)
    if kind == "digits" and charset != "digits":
        raise _error(reader.path, f"{where}.charset", NOT_A_CHOICE, "digits")
    align = reader.choice(raw, "align", where, ALIGNMENTS, "left")
    on_blank = raw.get("on_blank", True)
    if not isinstance(on_blank, bool):
        raise _error(reader.path, f"{where}.on_blank", NOT_A_CHOICE, "true, false")
    label = raw.get("label", "")
    if not isinstance(label, str):
        raise _error(reader.path, f"{where}.label", NOT_A_CHOICE, repr(label))
    boxes = _cell_boxes(kind, x, y, cells, rows, pitch, width, height, groups)
    return FieldLayout(name=name, kind=kind, x=x, y=y, cells=cells, rows=rows, row_pitch=pitch, cell_width=width,
                       cell_height=height, align=align, charset=charset, on_blank=on_blank, label=label, boxes=boxes)


def parse_layout(data: Mapping[str, Any], source: str = "") -> SickLeaveLayout:
    """Checks a layout (the JSON file's content) and returns it typed; LayoutError names the problem."""
    reader = _Reader(source)
    for key in data:
        if key not in _TOP_KEYS:
            raise _error(source, key, UNKNOWN_KEY)
    if data.get("format") != FORMAT or data.get("version") != 1:
        raise _error(source, "format", WRONG_FORMAT, f"{data.get('format')!r} {data.get('version')!r}")
    page = reader.section(data, "page")
    page_width = reader.number(page, "width_mm", "page", positive=True)
    page_height = reader.number(page, "height_mm", "page", positive=True)
    side_margin = reader.number(page, "side_margin_mm", "page")
    cell = reader.section(data, "cell")
    cell_width = reader.number(cell, "width_mm", "cell", positive=True)
    cell_height = reader.number(cell, "height_mm", "cell", positive=True)
    clearance = reader.number(cell, "clearance_mm", "cell")
    font = reader.section(data, "font")
    font_max = reader.number(font, "max_size_pt", "font", positive=True)
    raw_groups = data.get("date_groups_mm")
    if not isinstance(raw_groups, list) or len(raw_groups) != 3:
        raise _error(source, "date_groups_mm", MISSING_VALUE, "three offsets: DD, MM, YYYY")
    groups_list = [reader.number({"g": g}, "g", "date_groups_mm") for g in raw_groups]
    groups = (groups_list[0], groups_list[1], groups_list[2])
    if groups[1] < groups[0] + 2 * cell_width - _EPS or groups[2] < groups[1] + 2 * cell_width - _EPS:
        raise _error(source, "date_groups_mm", OVERLAP, repr(raw_groups))

    raw_fields = reader.section(data, "fields")
    for name in raw_fields:
        if name not in FIELD_NAMES:
            raise _error(source, f"fields.{name}", UNKNOWN_FIELD)
    for name in FIELD_NAMES:
        if name not in raw_fields:
            raise _error(source, f"fields.{name}", MISSING_FIELD)
    defaults = {"width": cell_width, "height": cell_height}
    fields_ = {name: _field(reader, name, raw_fields[name], defaults, groups) for name in FIELD_NAMES}

    raw_dm = reader.section(data, "datamatrix")
    for key in raw_dm:
        if key not in {"x", "y", "size", "module_dots_min", "module_dots_max", "note"}:
            raise _error(source, f"datamatrix.{key}", UNKNOWN_KEY)
    datamatrix = DataMatrixBox(
        x=reader.number(raw_dm, "x", "datamatrix"), y=reader.number(raw_dm, "y", "datamatrix"),
        size=reader.number(raw_dm, "size", "datamatrix", positive=True),
        module_dots_min=reader.integer(raw_dm, "module_dots_min", "datamatrix", 4),
        module_dots_max=reader.integer(raw_dm, "module_dots_max", "datamatrix", 8),
    )
    if datamatrix.module_dots_max < datamatrix.module_dots_min:
        raise _error(source, "datamatrix.module_dots_max", TOO_SMALL)
    barcode = None
    raw_bc = data.get("barcode")
    if raw_bc is not None:
        if not isinstance(raw_bc, dict):
            raise _error(source, "barcode", MISSING_VALUE)
        for key in raw_bc:
            if key not in {"x", "y", "width", "height", "on_blank", "note"}:
                raise _error(source, f"barcode.{key}", UNKNOWN_KEY)
        if not isinstance(raw_bc.get("on_blank", False), bool):
            raise _error(source, "barcode.on_blank", NOT_A_CHOICE, "true, false")
        barcode = BarcodeBox(
            x=reader.number(raw_bc, "x", "barcode"), y=reader.number(raw_bc, "y", "barcode"),
            width=reader.number(raw_bc, "width", "barcode", positive=True),
            height=reader.number(raw_bc, "height", "barcode", positive=True),
            on_blank=bool(raw_bc.get("on_blank", False)),
        )

    layout = SickLeaveLayout(
        source=source, page_width=page_width, page_height=page_height, side_margin=side_margin,
        cell_width=cell_width, cell_height=cell_height, clearance=clearance, font_max_pt=font_max,
        date_groups=groups, fields=MappingProxyType(fields_), datamatrix=datamatrix, barcode=barcode,
    )
    _check_geometry(layout)
    return layout


def _check_geometry(layout: SickLeaveLayout) -> None:
    source = layout.source
    printable = Box(layout.side_margin, 0.0, layout.page_width - 2 * layout.side_margin, layout.page_height)

    def inside(box: Box) -> bool:
        return (box.x >= printable.x - _EPS and box.right <= printable.right + _EPS
                and box.y >= printable.y - _EPS and box.bottom <= printable.bottom + _EPS)

    areas: list[tuple[str, Box, tuple[Box, ...]]] = []
    for name, fl in layout.fields.items():
        if min(fl.cell_width, fl.cell_height) <= 2 * layout.clearance + 0.5:
            raise _error(source, f"fields.{name}", TOO_SMALL, "cell_width / cell_height")
        bounds = fl.bounds()
        if not inside(bounds):
            raise _error(source, f"fields.{name}", OFF_PAGE,
                         f"x {bounds.x:g}..{bounds.right:g}, y {bounds.y:g}..{bounds.bottom:g} mm")
        areas.append((f"fields.{name}", bounds, fl.boxes))
    dm = layout.datamatrix.box()
    if not inside(dm):
        raise _error(source, "datamatrix", OFF_PAGE, f"x {dm.x:g}..{dm.right:g}, y {dm.y:g}..{dm.bottom:g} mm")
    areas.append(("datamatrix", dm, (dm,)))
    if layout.barcode is not None:
        bc = layout.barcode.box()
        if not inside(bc):
            raise _error(source, "barcode", OFF_PAGE, f"x {bc.x:g}..{bc.right:g}, y {bc.y:g}..{bc.bottom:g} mm")
        areas.append(("barcode", bc, (bc,)))
    for index, (name, bounds, boxes) in enumerate(areas):
        for other, other_bounds, other_boxes in areas[index + 1:]:
            if bounds.overlaps(other_bounds) and any(a.overlaps(b) for a in boxes for b in other_boxes):
                raise _error(source, name, OVERLAP, other)
        for i, a in enumerate(boxes):  # a field's own rows or date groups
            if any(a.overlaps(b) for b in boxes[i + 1:]):
                raise _error(source, name, OVERLAP, name)


def load_layout(path: Path | str | None = None, *, override: Path | str | None = None) -> SickLeaveLayout:
    """The layout from ``path`` (default: the shipped ``sick_leave_layout.json``), with the clinic's
    corrections from ``override`` (a JSON file of the same shape holding only what changes) merged in.

    Raises LayoutError naming the file, the setting and the problem: an unreadable or malformed file,
    an unknown or missing field or setting, a negative or off-page position, overlapping cells.
    """
    base_path = Path(path) if path is not None else LAYOUT_FILE
    data = _read(base_path)
    source = str(base_path)
    if override is not None:
        override_path = Path(override)
        extra = _read(override_path)
        extra.setdefault("format", data.get("format"))
        extra.setdefault("version", data.get("version"))
        for key in extra:  # name the override file in errors about its own keys
            if key not in _TOP_KEYS:
                raise _error(str(override_path), key, UNKNOWN_KEY)
        raw_fields = extra.get("fields", {})
        if isinstance(raw_fields, dict):
            for name in raw_fields:
                if name not in FIELD_NAMES:
                    raise _error(str(override_path), f"fields.{name}", UNKNOWN_FIELD)
        data = _merge(data, extra)
        source = f"{base_path} + {override_path}"
    return parse_layout(data, source)
