"""Printer profiles for forms printed on preprinted blanks (the sick-leave form 347n).

A profile says, for one printer model, how its output lands on the sheet: a point meant at (x, y) mm
from the sheet's top-left corner is printed at (offset_x + scale_x * x, offset_y + scale_y * y), and
nothing may be printed within the unprintable margins along the sheet's edges. Forms are always
printed at 100 % (never "fit to page"): the profile is the only correction.

Profiles are kept per workstation in its settings INI file (the same file as the connection and
cash desk settings), one section per printer model:

    [printer_profile OKI B431d]
    offset_x_mm = 0.0
    offset_y_mm = -0.5
    scale_x = 1.0
    scale_y = 1.0
    margin_left_mm = 4.2
    margin_right_mm = 4.2
    margin_top_mm = 4.2
    margin_bottom_mm = 4.2

A user prints `printing.sick_leave.render_calibration_page` on plain paper, measures where its
crosshairs landed and enters the figures; `calibrated` turns them into a corrected profile.
"""

from __future__ import annotations

import configparser
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from shared.errors import QT_TRANSLATE_NOOP, ConfigurationError, DomainError

SECTION_PREFIX = "printer_profile "

OFFSET_LIMIT_MM = 10.0
SCALE_MIN, SCALE_MAX = 0.95, 1.05
MARGIN_MAX_MM = 15.0


class PrinterProfileError(DomainError):
    """A value entered for a printer profile is out of its range."""

    message = QT_TRANSLATE_NOOP("DomainError", "Printer profile \u00ab{model}\u00bb: {setting}: {problem}")
    translatable_params = ("setting", "problem")


class PrinterProfilesFileError(ConfigurationError):
    message = QT_TRANSLATE_NOOP("DomainError", "Printer profiles {path}: [{section}] {key}: {problem}")
    translatable_params = ("problem",)


SETTING_NAMES = {
    "model": QT_TRANSLATE_NOOP("DomainError", "printer model"),
    "offset_x_mm": QT_TRANSLATE_NOOP("DomainError", "offset X, mm"),
    "offset_y_mm": QT_TRANSLATE_NOOP("DomainError", "offset Y, mm"),
    "scale_x": QT_TRANSLATE_NOOP("DomainError", "scale X"),
    "scale_y": QT_TRANSLATE_NOOP("DomainError", "scale Y"),
    "margin_left_mm": QT_TRANSLATE_NOOP("DomainError", "left margin, mm"),
    "margin_right_mm": QT_TRANSLATE_NOOP("DomainError", "right margin, mm"),
    "margin_top_mm": QT_TRANSLATE_NOOP("DomainError", "top margin, mm"),
    "margin_bottom_mm": QT_TRANSLATE_NOOP("DomainError", "bottom margin, mm"),
}
MODEL_EMPTY = QT_TRANSLATE_NOOP("DomainError", "the printer model is not named")
OFFSET_RANGE = QT_TRANSLATE_NOOP("DomainError", "must be from -10 to 10 mm")
SCALE_RANGE = QT_TRANSLATE_NOOP("DomainError", "must be from 0.95 to 1.05")
MARGIN_RANGE = QT_TRANSLATE_NOOP("DomainError", "must be from 0 to 15 mm")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("DomainError", "not a valid number")
MEASURE_MISSING = QT_TRANSLATE_NOOP("DomainError", "the measurement of a calibration mark is missing")
MEASURE_IMPLAUSIBLE = QT_TRANSLATE_NOOP(
    "DomainError", "the measurements give an impossible correction; measure the marks again")


@dataclass(frozen=True)
class PrinterProfile:
    model: str
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    scale_x: float = 1.0
    scale_y: float = 1.0
    margin_left_mm: float = 4.2
    margin_right_mm: float = 4.2
    margin_top_mm: float = 4.2
    margin_bottom_mm: float = 4.2

    def page_point(self, x_mm: float, y_mm: float) -> tuple[float, float]:
        """Where a point meant at (x, y) mm on the blank is placed on the page (mm from its top-left)."""
        return self.offset_x_mm + self.scale_x * x_mm, self.offset_y_mm + self.scale_y * y_mm

    def validated(self) -> PrinterProfile:
        """The profile itself when every value is in its range; PrinterProfileError names the first one that is not."""
        validate_profile(self)
        return self


def _problem(profile: PrinterProfile, key: str, problem: str) -> PrinterProfileError:
    return PrinterProfileError(model=profile.model, setting=SETTING_NAMES[key], problem=problem)


def validate_profile(profile: PrinterProfile) -> None:
    """Raises PrinterProfileError for the first value out of range (offsets within ±10 mm, scales
    0.95..1.05, margins 0..15 mm)."""
    if not profile.model.strip():
        raise _problem(profile, "model", MODEL_EMPTY)
    for key in ("offset_x_mm", "offset_y_mm", "scale_x", "scale_y", "margin_left_mm", "margin_right_mm",
                "margin_top_mm", "margin_bottom_mm"):
        value = getattr(profile, key)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise _problem(profile, key, NOT_A_NUMBER)
        if key.startswith("offset") and not -OFFSET_LIMIT_MM <= value <= OFFSET_LIMIT_MM:
            raise _problem(profile, key, OFFSET_RANGE)
        if key.startswith("scale") and not SCALE_MIN <= value <= SCALE_MAX:
            raise _problem(profile, key, SCALE_RANGE)
        if key.startswith("margin") and not 0 <= value <= MARGIN_MAX_MM:
            raise _problem(profile, key, MARGIN_RANGE)


def parse_profile(model: str, values: Mapping[str, str]) -> PrinterProfile:
    """A profile from the texts a user typed (a comma is taken for the decimal point); PrinterProfileError
    names the first value that is not a number or is out of range. Keys missing keep the defaults."""
    numbers: dict[str, float] = {}
    probe = PrinterProfile(model=model)
    for key, text in values.items():
        if key not in SETTING_NAMES or key == "model":
            continue
        try:
            numbers[key] = float(str(text).strip().replace(",", "."))
        except ValueError:
            raise _problem(probe, key, NOT_A_NUMBER) from None
    profile = PrinterProfile(model=model.strip(), **numbers)
    validate_profile(profile)
    return profile


# Shipped defaults: starting values only. The offsets and scales (0 and 1) assume the printer places
# the page exactly; each workstation calibrates its own printer with the calibration page. The
# margins are the unprintable borders of the models' drivers as commonly reported (HP LaserJets about
# 4.2 mm on every side at A4; the Officejet inkjet a larger bottom margin; the OKI B431d about 4.2 mm);
# forms never print into them.
DEFAULT_PROFILES: Mapping[str, PrinterProfile] = {
    profile.model: profile
    for profile in (
        PrinterProfile("OKI B431d", margin_left_mm=4.2, margin_right_mm=4.2, margin_top_mm=4.2, margin_bottom_mm=4.2),
        PrinterProfile("HP Officejet Pro 8500A", margin_left_mm=3.2, margin_right_mm=3.2, margin_top_mm=3.2,
                       margin_bottom_mm=11.7),
        PrinterProfile("HP LaserJet P1606"),
        PrinterProfile("HP LaserJet P1006"),
        PrinterProfile("HP LaserJet P1102"),
        PrinterProfile("HP LaserJet P1022"),
    )
}


def _file_error(path: Path, section: str, key: str, problem: str) -> PrinterProfilesFileError:
    return PrinterProfilesFileError(path=str(path), section=section, key=key, problem=problem)


def load_profiles(path: Path) -> dict[str, PrinterProfile]:
    """The shipped defaults with the workstation's profiles from ``path`` (its settings INI file) over
    them; a missing file gives the defaults. A bad value raises PrinterProfilesFileError naming it."""
    profiles = dict(DEFAULT_PROFILES)
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys as written
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise _file_error(path, "", "", str(exc).splitlines()[0][:200]) from None
    for section in parser.sections():
        if not section.startswith(SECTION_PREFIX):
            continue
        model = section[len(SECTION_PREFIX):].strip()
        base = profiles.get(model, PrinterProfile(model=model))
        values = dict(parser.items(section))
        known = {f.name for f in fields(PrinterProfile)} - {"model"}
        changes: dict[str, float] = {}
        for key, text in values.items():
            if key not in known:
                continue
            try:
                changes[key] = float(text.strip().replace(",", "."))
            except ValueError:
                raise _file_error(path, section, key, NOT_A_NUMBER) from None
        profile = replace(base, **changes)
        try:
            validate_profile(profile)
        except PrinterProfileError as exc:
            key = next(k for k, v in SETTING_NAMES.items() if v == exc.params["setting"])
            raise _file_error(path, section, key, exc.params["problem"]) from None
        profiles[model] = profile
    return profiles


def save_profiles(path: Path, profiles: Mapping[str, PrinterProfile] | list[PrinterProfile]) -> None:
    """Writes the profiles (each checked first) as ``[printer_profile <model>]`` sections, replacing the
    file's old profile sections and keeping everything else in it."""
    items = list(profiles.values()) if isinstance(profiles, Mapping) else list(profiles)
    for profile in items:
        validate_profile(profile)
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    if path.exists():
        parser.read(path, encoding="utf-8")
    for section in parser.sections():
        if section.startswith(SECTION_PREFIX):
            parser.remove_section(section)
    for profile in items:
        values = asdict(profile)
        del values["model"]
        parser[SECTION_PREFIX + profile.model.strip()] = {k: repr(float(v)) for k, v in values.items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        parser.write(handle)


# --- Calibration -------------------------------------------------------------------------------------

# The crosshairs of the calibration page, in mm on the sheet as meant: A and B give the horizontal
# correction, A and C the vertical one; D (the centre) is a check.
CALIBRATION_MARKS: Mapping[str, tuple[float, float]] = {
    "A": (25.0, 25.0),
    "B": (185.0, 25.0),
    "C": (25.0, 272.0),
    "D": (105.0, 148.5),
}


def calibrated(profile: PrinterProfile, measured: Mapping[str, tuple[float, float]]) -> PrinterProfile:
    """The profile corrected from the calibration page printed with it: ``measured`` holds, for the
    marks "A", "B" and "C", the distances in mm of the crosshair's centre from the sheet's left and top
    edges, as measured with a ruler. PrinterProfileError when a mark is missing or the result is out of range."""
    for mark in ("A", "B", "C"):
        if mark not in measured:
            raise _problem(profile, "model", MEASURE_MISSING)
    ax, ay = CALIBRATION_MARKS["A"]
    bx = CALIBRATION_MARKS["B"][0]
    cy = CALIBRATION_MARKS["C"][1]
    result: dict[str, float] = {}
    for axis, (first, second, meant_first, meant_second, key) in {
        "x": (measured["A"][0], measured["B"][0], ax, bx, "offset_x_mm"),
        "y": (measured["A"][1], measured["C"][1], ay, cy, "offset_y_mm"),
    }.items():
        offset = profile.offset_x_mm if axis == "x" else profile.offset_y_mm
        scale = profile.scale_x if axis == "x" else profile.scale_y
        sent_first, sent_second = offset + scale * meant_first, offset + scale * meant_second
        # The printer maps a point sent at p to a + b * p; the new profile sends f to (f - a) / b.
        if sent_second == sent_first or second == first:
            raise _problem(profile, key, MEASURE_IMPLAUSIBLE)
        b = (second - first) / (sent_second - sent_first)
        a = first - b * sent_first
        result[key] = -a / b
        result["scale_" + axis] = 1 / b
    corrected = replace(profile, offset_x_mm=round(result["offset_x_mm"], 2),
                        offset_y_mm=round(result["offset_y_mm"], 2),
                        scale_x=round(result["scale_x"], 4), scale_y=round(result["scale_y"], 4))
    validate_profile(corrected)
    return corrected
