"""Sick-leave printer calibration: the live preview follows the values, wrong values are named and
change nothing, measured crosshairs give the corrected profile, profiles go to the workstation's
settings file and back, and the calibration page reaches the printer at 100 % (printed to a PDF file
through QPrinter and found, rasterized, at its millimetres)."""

from __future__ import annotations

import os
import shutil

import pypdfium2
import pytest
from PIL import Image
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox

from medcenter_desktop import i18n
from medcenter_desktop.pdf_printing import print_pdf_actual_size
from medcenter_desktop.printer_calibration import (
    PrinterCalibrationDialog,
    load_selected_model,
    render_preview,
    sample_certificate,
    sick_leave_profile,
)
from medcenter_desktop.settings import Settings, load_settings, save_settings
from printing.printer_profiles import CALIBRATION_MARKS, DEFAULT_PROFILES, PrinterProfile, load_profiles
from printing.sick_leave import render_calibration_page
from printing.sick_leave_layout import load_layout
from tests.qt.test_screenshots import DOCS, _save

LAYOUT = load_layout()
OKI = DEFAULT_PROFILES["OKI B431d"]
DPI = 300
PX = DPI / 25.4


def _gray(image: QImage) -> Image.Image:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())[: gray.sizeInBytes()]
    return Image.frombuffer("L", (gray.width(), gray.height()), data, "raw", "L", gray.bytesPerLine(), 1).copy()


def _ink_box(image: QImage) -> tuple[int, int, int, int]:
    """The bounding box of the black ink (what the printer is sent), leaving out the lighter grid and cells."""
    box = _gray(image).point(lambda v: 255 if v < 60 else 0).getbbox()
    assert box is not None
    return box


def _same(a: QImage, b: QImage) -> bool:
    return a.size() == b.size() and _gray(a).tobytes() == _gray(b).tobytes()


@pytest.fixture
def settings_file(tmp_path):
    path = tmp_path / "settings.ini"
    save_settings(Settings(host="db.clinic.local", port=5432, database="clinic", workstation_name="REG-01"), path)
    return path


@pytest.fixture
def dialog(qtbot, settings_file):
    dialog = PrinterCalibrationDialog(settings_file)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.refresh()
    return dialog


def _typed(qtbot, dialog, key: str, text: str) -> None:
    """Types ``text`` into a field and waits for the debounced check."""
    before = dialog.preview_count
    dialog.set_field(key, text)
    qtbot.waitUntil(lambda: not dialog._timer.isActive(), timeout=3000)
    assert dialog.preview_count >= before


# --- The preview ---------------------------------------------------------------------------------


def test_offset_x_moves_the_form_on_the_preview_by_as_many_millimetres():
    region = QRectF(0, 0, 210, 297)
    plain = render_preview(OKI, LAYOUT, sample_certificate(), on_blank=True, region=region, px_per_mm=5)
    moved = render_preview(PrinterProfile("OKI B431d", offset_x_mm=2.0), LAYOUT, sample_certificate(),
                           on_blank=True, region=region, px_per_mm=5)
    assert plain.size() == moved.size() == QSize(1050, 1485)
    (l0, t0, r0, b0), (l1, t1, r1, b1) = _ink_box(plain), _ink_box(moved)
    assert abs((l1 - l0) - 10) <= 1 and abs((r1 - r0) - 10) <= 1  # 2 mm at 5 px/mm
    assert abs(t1 - t0) <= 1 and abs(b1 - b0) <= 1


def test_the_dialog_redraws_the_preview_after_a_change(qtbot, dialog):
    dialog.set_zoom("top_left")
    dialog.refresh()
    before = dialog.preview.image().copy()
    box_before = _ink_box(before)
    count = dialog.preview_count
    dialog.set_field("offset_x_mm", "0,5")
    assert dialog.preview_count == count  # debounced: nothing drawn yet
    qtbot.waitUntil(lambda: dialog.preview_count > count, timeout=3000)
    after = dialog.preview.image()
    assert not _same(before, after)
    assert dialog.profile().offset_x_mm == 0.5
    assert _ink_box(after)[0] > box_before[0]  # the form went right
    assert dialog.error_label.isHidden()


def test_the_buttons_and_arrow_keys_step_by_five_hundredths(qtbot, dialog):
    dialog.fields["offset_y_mm"].up_button.click()
    dialog.fields["offset_y_mm"].up_button.click()
    dialog.fields["offset_x_mm"].down_button.click()
    dialog.refresh()
    assert (dialog.profile().offset_x_mm, dialog.profile().offset_y_mm) == (-0.05, 0.1)


@pytest.mark.parametrize(("text", "message"), [
    ("1,2x", "Printer profile «OKI B431d»: offset X, mm: not a valid number"),
    ("12", "Printer profile «OKI B431d»: offset X, mm: must be from -10 to 10 mm"),
])
def test_a_wrong_value_is_named_and_changes_nothing(qtbot, dialog, text, message):
    before = dialog.preview.image().copy()
    old = dialog.profile()
    _typed(qtbot, dialog, "offset_x_mm", text)
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == message
    assert dialog.profile() == old
    assert _same(before, dialog.preview.image())
    assert not dialog.save()  # nothing is written while a value is wrong
    assert load_profiles(dialog.settings_path)["OKI B431d"] == OKI
    _typed(qtbot, dialog, "offset_x_mm", "1")
    assert dialog.error_label.isHidden()
    assert dialog.profile().offset_x_mm == 1.0


def test_a_scale_out_of_range_is_named(qtbot, dialog):
    _typed(qtbot, dialog, "scale_y", "1,2")
    assert dialog.error_label.text() == "Printer profile «OKI B431d»: scale Y: must be from 0.95 to 1.05"


def test_a_profile_pushing_the_form_into_the_margin_is_refused_on_the_preview(qtbot, dialog):
    before = dialog.preview.image().copy()
    _typed(qtbot, dialog, "offset_x_mm", "-6")
    assert "left edge" in dialog.error_label.text()
    assert _same(before, dialog.preview.image())


# --- Calibration ---------------------------------------------------------------------------------


def test_measured_crosshairs_give_the_corrected_offsets_and_scales(qtbot, dialog):
    measure = dialog.open_measurements()
    assert measure is not None
    # The printer put A at (26.0, 24.5), B at x = 186.8 and C at y = 270.9 (the page printed with OKI's
    # shipped values: offset 0, scale 1), i.e. it maps x -> 0.875 + 1.005 x and y -> b + a y.
    measure.set_measured((26.0, 24.5), 186.8, 270.9)
    measure.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    profile = dialog.profile()
    bx = (186.8 - 26.0) / (185.0 - 25.0)
    ax = 26.0 - bx * 25.0
    by = (270.9 - 24.5) / (272.0 - 25.0)
    ay = 24.5 - by * 25.0
    assert profile.offset_x_mm == round(-ax / bx, 2) == -0.87
    assert profile.scale_x == round(1 / bx, 4) == 0.995
    assert profile.offset_y_mm == round(-ay / by, 2) == 0.44
    assert profile.scale_y == round(1 / by, 4) == 1.0024
    assert dialog.fields["offset_x_mm"].text() in ("-0.87", "-0,87")
    # The same printer now puts every mark where it is meant (within the rounding of the profile).
    for x, y in CALIBRATION_MARKS.values():
        sent_x, sent_y = profile.page_point(x, y)
        assert abs(ax + bx * sent_x - x) < 0.05 and abs(ay + by * sent_y - y) < 0.05
    assert "Corrected from the measurements" in dialog.status_label.text()


def test_a_measurement_that_is_no_number_is_named(qtbot, dialog):
    measure = dialog.open_measurements()
    measure.set_measured((26.0, 24.5), 186.8, 270.9)
    measure.edits[("B", 0)].setText("18x")
    measure.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert measure.isVisible()
    assert measure.error_label.text() == (
        "Printer profile «OKI B431d»: crosshair B, from the left edge: not a valid number")
    assert dialog.profile() == OKI


# --- The settings file ---------------------------------------------------------------------------


def test_profiles_are_saved_to_the_workstation_settings_and_read_back(qtbot, dialog, settings_file):
    _typed(qtbot, dialog, "offset_y_mm", "-0,5")
    assert dialog.add_model("Kyocera  FS-1040")
    assert dialog.current_model() == "Kyocera FS-1040"
    assert dialog.profile().offset_y_mm == -0.5  # copied from the model chosen
    _typed(qtbot, dialog, "offset_x_mm", "1.25")
    _typed(qtbot, dialog, "scale_x", "1,003")
    _typed(qtbot, dialog, "margin_bottom_mm", "6")
    assert not dialog.add_model("OKI B431d")  # taken
    assert dialog.save()

    profiles = load_profiles(settings_file)
    assert profiles["OKI B431d"] == PrinterProfile("OKI B431d", offset_y_mm=-0.5)
    assert profiles["Kyocera FS-1040"] == PrinterProfile("Kyocera FS-1040", offset_x_mm=1.25, offset_y_mm=-0.5,
                                                         scale_x=1.003, margin_bottom_mm=6.0)
    assert profiles["HP LaserJet P1606"] == DEFAULT_PROFILES["HP LaserJet P1606"]
    assert load_selected_model(settings_file) == "Kyocera FS-1040"
    assert sick_leave_profile(settings_file) == profiles["Kyocera FS-1040"]
    # the connection settings are still there and the file still loads as settings ...
    assert load_settings(settings_file, env={}).host == "db.clinic.local"
    # ... and saving the connection settings keeps the profiles
    save_settings(Settings(host="db2.clinic.local", port=5432, database="clinic"), settings_file)
    assert load_profiles(settings_file) == profiles
    assert load_selected_model(settings_file) == "Kyocera FS-1040"

    again = PrinterCalibrationDialog(settings_file)
    qtbot.addWidget(again)
    assert again.current_model() == "Kyocera FS-1040"
    assert again.profile() == profiles["Kyocera FS-1040"]
    assert again.fields["offset_x_mm"].text() in ("1.25", "1,25")
    again.remove_or_reset()  # an added model is removed
    assert "Kyocera FS-1040" not in again.profiles
    again.select_model("OKI B431d")
    again.remove_or_reset()  # a shipped one gets its shipped values back
    assert again.profile() == OKI


def test_a_broken_profile_section_is_named_and_the_defaults_are_offered(qtbot, settings_file):
    with settings_file.open("a", encoding="utf-8") as handle:
        handle.write("\n[printer_profile OKI B431d]\noffset_x_mm = abc\n")
    dialog = PrinterCalibrationDialog(settings_file)
    qtbot.addWidget(dialog)
    assert "offset_x_mm" in dialog.error_label.text() and "not a valid number" in dialog.error_label.text()
    assert dialog.profile() == OKI


# --- Printing at 100 % ---------------------------------------------------------------------------


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _crosshair(page: Image.Image, x_mm: float, y_mm: float, window_mm: float = 7.0) -> tuple[float, float]:
    """The centre (mm) of the crosshair nearest (x, y): the darkest column and row of the window."""
    left, top = round((x_mm - window_mm) * PX), round((y_mm - window_mm) * PX)
    size = round(2 * window_mm * PX)
    crop = page.crop((left, top, left + size, top + size))
    pixels = crop.load()
    columns = [sum(255 - pixels[i, j] for j in range(size)) for i in range(size)]
    rows = [sum(255 - pixels[i, j] for i in range(size)) for j in range(size)]

    def centre(sums: list[int]) -> float:
        peak = max(sums)
        picked = [(k, s) for k, s in enumerate(sums) if s > peak * 0.5]
        return sum(k * s for k, s in picked) / sum(s for _k, s in picked) + 0.5

    return (left + centre(columns)) / PX, (top + centre(rows)) / PX


def _printed_page(path) -> tuple[tuple[float, float], Image.Image]:
    pdf = pypdfium2.PdfDocument(str(path))
    assert len(pdf) == 1
    page = pdf[0]
    width, height = page.get_size()
    image = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    return (width / 72 * 25.4, height / 72 * 25.4), image


def test_a_pdf_goes_to_the_printer_at_100_percent(qtbot, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = _pdf_printer(out)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # a wrong paper is put right
    assert print_pdf_actual_size(render_calibration_page(OKI), printer) == 1
    (width, height), page = _printed_page(out)
    assert abs(width - 210) < 0.5 and abs(height - 297) < 0.5  # A4
    for name, (x, y) in CALIBRATION_MARKS.items():
        found = _crosshair(page, x, y)
        assert abs(found[0] - x) <= 0.3 and abs(found[1] - y) <= 0.3, (name, found)
    # not scaled: the distances between the marks are the page's
    a, b, c = (_crosshair(page, *CALIBRATION_MARKS[name]) for name in "ABC")
    assert abs((b[0] - a[0]) - 160.0) <= 0.3 and abs((c[1] - a[1]) - 247.0) <= 0.3


def test_the_calibration_page_is_printed_with_the_values_typed(qtbot, dialog, tmp_path):
    _typed(qtbot, dialog, "offset_x_mm", "1")
    _typed(qtbot, dialog, "offset_y_mm", "-0,5")
    _typed(qtbot, dialog, "scale_y", "1.002")
    out = tmp_path / "calibration.pdf"
    assert dialog.print_calibration_page(_pdf_printer(out))
    assert dialog.printed_with == dialog.profile()
    (width, height), page = _printed_page(out)
    assert abs(width - 210) < 0.5 and abs(height - 297) < 0.5
    for name, (x, y) in CALIBRATION_MARKS.items():
        found = _crosshair(page, 1.0 + x, -0.5 + 1.002 * y)
        assert abs(found[0] - (1.0 + x)) <= 0.3 and abs(found[1] - (-0.5 + 1.002 * y)) <= 0.3, (name, found)


# --- Reachable from the shell --------------------------------------------------------------------


def test_reachable_from_the_launcher_and_every_workstation_window(qtbot, make_session, settings_file, monkeypatch):
    from medcenter_desktop.launcher import LauncherWindow
    from medcenter_desktop.workstation import Workstation
    from medcenter_desktop.workstation_window import home_window

    monkeypatch.setenv("MEDCENTER_SETTINGS", str(settings_file))
    session = make_session()
    launcher = LauncherWindow(session, [])
    qtbot.addWidget(launcher)
    assert launcher.calibration_button.text() == "Printer calibration…"
    opened = launcher.show_printer_calibration()
    assert isinstance(opened, PrinterCalibrationDialog) and opened.settings_path == settings_file
    opened.close()

    ws = Workstation(name="registrar", title="Registrar", description="", icon="registrar.svg",
                     required_roles=frozenset({"registrar"}),
                     widget_factory=lambda s: None)
    window = home_window(session, ws)
    qtbot.addWidget(window)
    assert window.calibration_action in window.file_menu.actions()
    assert window.calibration_action.text() == "Sick-leave &printer calibration…"
    window.calibration_action.trigger()
    found = window.findChildren(PrinterCalibrationDialog)
    assert found and found[0].settings_path == settings_file


# --- Screenshots ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ru", "en"])
def test_calibration_screenshots(qtbot, tmp_path, settings_file, language):
    i18n.install_translations(language)
    dialog = PrinterCalibrationDialog(settings_file)
    qtbot.addWidget(dialog)
    dialog.resize(1160, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.set_field("offset_x_mm", "0,35")
    dialog.set_field("offset_y_mm", "-0,2")
    dialog.refresh()
    _save(dialog, tmp_path, f"printer_calibration_{language}.png")
    dialog.set_zoom("top_right")
    dialog.refresh()
    _save(dialog, tmp_path, f"printer_calibration_zoom_{language}.png")
    dialog.set_field("offset_x_mm", "0")  # on plain paper the cells reach 205.6 mm: no room to the right
    dialog.set_mode("plain")
    dialog.set_zoom("top_left")
    assert dialog.refresh()
    _save(dialog, tmp_path, f"printer_calibration_plain_{language}.png")


def test_calibration_page_screenshot(tmp_path):
    pdf = pypdfium2.PdfDocument(render_calibration_page(OKI))
    image = pdf[0].render(scale=110 / 72).to_pil().convert("RGB")
    path = tmp_path / "calibration_page.png"
    image.save(path)
    assert path.stat().st_size > 10_000
    if os.environ.get("MEDCENTER_SAVE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS / "calibration_page.png")
