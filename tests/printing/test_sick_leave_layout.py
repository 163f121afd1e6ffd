"""The sick-leave blank's layout file and the printer profiles: loading, checking, saving."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from printing.printer_profiles import (
    CALIBRATION_MARKS,
    DEFAULT_PROFILES,
    PrinterProfile,
    PrinterProfileError,
    PrinterProfilesFileError,
    calibrated,
    load_profiles,
    parse_profile,
    save_profiles,
    validate_profile,
)
from printing.sick_leave_layout import FIELD_NAMES, LAYOUT_FILE, LayoutError, load_layout

# --- the layout ------------------------------------------------------------------------------------


def _shipped() -> dict:
    return json.loads(LAYOUT_FILE.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict | str, name: str = "layout.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_shipped_layout_places_every_field_on_the_page():
    layout = load_layout()
    assert set(layout.fields) == set(FIELD_NAMES)
    assert (layout.page_width, layout.page_height) == (210, 297)
    assert layout.cell_width == 4.0 and layout.side_margin == 4.0 and layout.clearance == 0.3
    for fl in layout.fields.values():
        bounds = fl.bounds()
        assert 4.0 <= bounds.x and bounds.right <= 206.0, fl.name
        assert 0 <= bounds.y and bounds.bottom <= 297, fl.name
    # the layout sheet's anchors plus (3.6, 1.4) mm
    assert (layout.fields["surname"].x, layout.fields["surname"].y) == (53.6, 39.9)
    assert (layout.fields["period2_doctor_name"].x, layout.fields["period2_doctor_name"].y) == (114.6, 152.4)
    date = layout.fields["birth_date"]
    assert [round(b.x - date.x, 6) for b in date.boxes] == [0, 4, 10, 14, 20, 24, 28, 32]
    # the DataMatrix box is in the top-left area, clear of every field
    dm = layout.datamatrix.box()
    assert dm.x < 60 and dm.y < 40
    assert not any(dm.overlaps(fl.bounds()) for fl in layout.fields.values())


@pytest.mark.parametrize(
    ("edit", "where", "problem"),
    [
        (lambda d: d["fields"].__setitem__("blood_group", {"x": 10, "y": 200, "kind": "digits", "cells": 2}),
         "fields.blood_group", "unknown field"),
        (lambda d: d["fields"].pop("surname"), "fields.surname", "the field is missing"),
        (lambda d: d["fields"]["surname"].__setitem__("x", -3), "fields.surname.x", "must not be negative"),
        (lambda d: d["fields"]["surname"].__setitem__("x", 120), "fields.surname", "outside the printable part"),
        (lambda d: d["fields"]["employer"].__setitem__("y", 295), "fields.employer", "outside the printable part"),
        (lambda d: d["fields"]["first_name"].__setitem__("y", 41.0), "fields.surname", "cells overlap"),
        (lambda d: d["fields"]["surname"].__setitem__("widht", 4), "fields.surname.widht", "unknown setting"),
        (lambda d: d["fields"]["surname"].__setitem__("kind", "picture"), "fields.surname.kind", "not one of"),
        (lambda d: d["fields"]["cause_code"].__setitem__("cells", "2"), "fields.cause_code.cells", "not a number"),
        (lambda d: d["fields"]["birth_date"].__setitem__("cells", 6), "fields.birth_date.cells", "not one of"),
        (lambda d: d["datamatrix"].__setitem__("x", 40), "datamatrix", "cells overlap"),
        (lambda d: d["datamatrix"].__setitem__("size", 0), "datamatrix.size", "greater than zero"),
        (lambda d: d["cell"].__setitem__("height_mm", 0.8), "fields.", "too small"),
        (lambda d: d.__setitem__("version", 7), "format", "not a sick-leave layout file"),
    ],
)
def test_a_broken_layout_file_is_refused_naming_the_problem(tmp_path, edit, where, problem):
    data = _shipped()
    edit(data)
    path = _write(tmp_path, data)
    with pytest.raises(LayoutError) as caught:
        load_layout(path)
    text = str(caught.value)
    assert str(path) in text and where in text and problem in text, text


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = _write(tmp_path, '{"format": "medcenter/sick-leave-layout", "fields": {')
    with pytest.raises(LayoutError, match="not a valid JSON file"):
        load_layout(path)
    with pytest.raises(LayoutError, match="cannot be read"):
        load_layout(tmp_path / "missing.json")


def test_a_clinic_corrects_the_geometry_with_an_override_file(tmp_path):
    override = _write(tmp_path, {"fields": {"surname": {"y": 40.3}, "cause_code": {"x": 130.0}},
                                 "datamatrix": {"x": 9.0}}, "override.json")
    layout = load_layout(override=override)
    assert layout.fields["surname"].y == 40.3 and layout.fields["surname"].x == 53.6
    assert layout.fields["cause_code"].boxes[0].x == 130.0
    assert layout.datamatrix.x == 9.0 and layout.datamatrix.size == load_layout().datamatrix.size
    bad = _write(tmp_path, {"fields": {"surnme": {"y": 40.3}}}, "bad.json")
    with pytest.raises(LayoutError) as caught:
        load_layout(override=bad)
    assert "bad.json" in str(caught.value) and "fields.surnme" in str(caught.value)
    overlapping = _write(tmp_path, {"fields": {"surname": {"y": 44.0}}}, "overlap.json")
    with pytest.raises(LayoutError, match="cells overlap"):
        load_layout(override=overlapping)


# --- printer profiles --------------------------------------------------------------------------------


def test_defaults_ship_for_the_six_models():
    assert set(DEFAULT_PROFILES) == {
        "OKI B431d", "HP Officejet Pro 8500A", "HP LaserJet P1606", "HP LaserJet P1006", "HP LaserJet P1102",
        "HP LaserJet P1022",
    }
    for profile in DEFAULT_PROFILES.values():
        validate_profile(profile)
        assert (profile.offset_x_mm, profile.offset_y_mm, profile.scale_x, profile.scale_y) == (0, 0, 1, 1)
        assert 3 <= profile.margin_left_mm <= 5
    assert DEFAULT_PROFILES["HP LaserJet P1102"].margin_left_mm == pytest.approx(4.2)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"offset_x_mm": 10.5}, "offset X, mm: must be from -10 to 10 mm"),
        ({"offset_y_mm": -11}, "offset Y, mm: must be from -10 to 10 mm"),
        ({"scale_x": 1.06}, "scale X: must be from 0.95 to 1.05"),
        ({"scale_y": 0.9}, "scale Y: must be from 0.95 to 1.05"),
        ({"margin_left_mm": -1}, "left margin, mm: must be from 0 to 15 mm"),
        ({"margin_bottom_mm": 16}, "bottom margin, mm: must be from 0 to 15 mm"),
        ({"offset_x_mm": float("nan")}, "offset X, mm: not a valid number"),
        ({"model": " "}, "the printer model is not named"),
    ],
)
def test_profile_values_out_of_range_are_refused(changes, message):
    profile = PrinterProfile(**{"model": "Test printer", **changes})
    with pytest.raises(PrinterProfileError) as caught:
        validate_profile(profile)
    assert message in str(caught.value)
    translated = caught.value.render(lambda text: text.replace("must be", "должно быть"))
    assert "must be" not in translated


def test_typed_values_take_a_decimal_comma_and_are_checked():
    profile = parse_profile("Kyocera FS-1040", {"offset_x_mm": "-1,5", "scale_y": "1.002", "margin_top_mm": "5"})
    assert (profile.offset_x_mm, profile.scale_y, profile.margin_top_mm) == (-1.5, 1.002, 5.0)
    with pytest.raises(PrinterProfileError, match="offset Y, mm: not a valid number"):
        parse_profile("Kyocera FS-1040", {"offset_y_mm": "два"})
    with pytest.raises(PrinterProfileError, match="scale X: must be from 0.95 to 1.05"):
        parse_profile("Kyocera FS-1040", {"scale_x": "2"})


def test_profiles_are_saved_per_workstation_keeping_the_rest_of_the_settings(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[connection]\nhost = db.clinic.local\n\n[printer_profile Old printer]\noffset_x_mm = 1\n",
                    encoding="utf-8")
    assert load_profiles(tmp_path / "none.ini") == dict(DEFAULT_PROFILES)
    mine = PrinterProfile("HP LaserJet P1102", offset_x_mm=-1.25, offset_y_mm=0.5, scale_x=1.004, scale_y=0.998)
    other = PrinterProfile("Kyocera FS-1040", margin_left_mm=5.0)
    save_profiles(path, [mine, other])
    text = path.read_text(encoding="utf-8")
    assert "[connection]" in text and "db.clinic.local" in text and "Old printer" not in text
    loaded = load_profiles(path)
    assert loaded["HP LaserJet P1102"] == mine and loaded["Kyocera FS-1040"] == other
    assert loaded["OKI B431d"] == DEFAULT_PROFILES["OKI B431d"]
    with pytest.raises(PrinterProfileError):
        save_profiles(path, [PrinterProfile("Bad", scale_x=2.0)])


def test_a_bad_value_in_the_settings_file_names_section_and_key(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[printer_profile OKI B431d]\nscale_x = 1.2\n", encoding="utf-8")
    with pytest.raises(PrinterProfilesFileError) as caught:
        load_profiles(path)
    assert "[printer_profile OKI B431d] scale_x: must be from 0.95 to 1.05" in str(caught.value)
    path.write_text("[printer_profile OKI B431d]\noffset_y_mm = left\n", encoding="utf-8")
    with pytest.raises(PrinterProfilesFileError, match="offset_y_mm: not a valid number"):
        load_profiles(path)


def test_measured_marks_give_the_profile_that_puts_them_in_place():
    # A printer that shifts by (1.3, -0.7) mm and stretches by 0.6 % / shrinks by 0.4 %.
    def printer(x: float, y: float) -> tuple[float, float]:
        return 1.3 + 1.006 * x, -0.7 + 0.996 * y

    start = PrinterProfile("HP LaserJet P1606", offset_x_mm=0.5, scale_y=1.001)
    measured = {name: printer(*start.page_point(*point)) for name, point in CALIBRATION_MARKS.items()}
    fixed = calibrated(start, measured)
    for x, y in CALIBRATION_MARKS.values():
        px, py = printer(*fixed.page_point(x, y))
        assert px == pytest.approx(x, abs=0.05) and py == pytest.approx(y, abs=0.05)
    with pytest.raises(PrinterProfileError, match="is missing"):
        calibrated(start, {"A": (25, 25)})
    with pytest.raises(PrinterProfileError):  # a shift of 30 mm is a wrong measurement
        calibrated(start, {"A": (55, 25), "B": (215, 25), "C": (55, 272)})
