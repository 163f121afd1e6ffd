"""Sick-leave printer calibration: the printer profiles of this workstation (`printing.printer_profiles`),
edited with a live preview of the form over a millimetre grid, the calibration page printed at 100 %,
and the crosshairs measured on it turned into a corrected profile.

The profiles live in the workstation's settings file, one ``[printer_profile <model>]`` section per
printer model (the shipped defaults where the file has none); the model this workstation prints
sick-leave forms on is ``[printing] sick_leave_printer``. Reachable from every workstation's File menu
and from the launcher.

The preview draws what the printer is sent with the profile being edited: the certificate filled with
made-up sample data, either as on the blank (characters only, over a picture of the blank's cells at
their true places) or as on plain paper (the cells and the fields' names printed too), over the
sheet's millimetre grid with the printer's unprintable margins shaded. It is redrawn 200 ms after the
last change; a value that is not a number or out of range is named under the fields and the last good
preview stays.
"""

from __future__ import annotations

import configparser
import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLineF, QLocale, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QKeyEvent, QPainter, QPen
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.pdf_printing import prepare_printer, print_pdf_actual_size, rasterize_page
from printing.printer_profiles import (
    CALIBRATION_MARKS,
    DEFAULT_PROFILES,
    NOT_A_NUMBER,
    SETTING_NAMES,
    PrinterProfile,
    PrinterProfileError,
    calibrated,
    load_profiles,
    save_profiles,
)
from printing.sick_leave import (
    CareMember,
    ReleasePeriod,
    SickLeavePrint,
    render_calibration_page,
    render_certificate,
)
from printing.sick_leave_layout import SickLeaveLayout, load_layout
from shared.errors import DomainError

PRINTING_SECTION = "printing"
SELECTED_KEY = "sick_leave_printer"
A4_MM = (210.0, 297.0)
DEBOUNCE_MS = 200

# (key, decimals, step) of the values a profile is made of, in the order of the form.
CORRECTION_FIELDS = (("offset_x_mm", 2, 0.05), ("offset_y_mm", 2, 0.05), ("scale_x", 4, 0.0005),
                     ("scale_y", 4, 0.0005))
MARGIN_FIELDS = (("margin_left_mm", 1, 0.1), ("margin_right_mm", 1, 0.1), ("margin_top_mm", 1, 0.1),
                 ("margin_bottom_mm", 1, 0.1))
ALL_FIELDS = CORRECTION_FIELDS + MARGIN_FIELDS

BLANK_INK = QColor(32, 120, 176)  # the blank's preprinted cells in the picture
GRID_FINE = QColor(222, 230, 236)
GRID_MID = QColor(196, 208, 218)
GRID_CM = QColor(150, 168, 182)
MARGIN_SHADE = QColor(214, 60, 60, 46)


# --- Settings file ---------------------------------------------------------------------------------


def _read_ini(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError):
        pass
    return parser


def load_selected_model(path: Path) -> str | None:
    """The printer model this workstation prints sick-leave forms on (``[printing] sick_leave_printer``)."""
    value = _read_ini(path).get(PRINTING_SECTION, SELECTED_KEY, fallback="").strip()
    return value or None


def save_selected_model(path: Path, model: str) -> None:
    """Writes ``[printing] sick_leave_printer``, keeping everything else in the file."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    if path.exists():
        parser.read(path, encoding="utf-8")
    if not parser.has_section(PRINTING_SECTION):
        parser.add_section(PRINTING_SECTION)
    parser.set(PRINTING_SECTION, SELECTED_KEY, model)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        parser.write(handle)


def sick_leave_profile(path: Path) -> PrinterProfile:
    """The profile to print sick-leave forms with at this workstation: the selected model's (from the
    file, else the shipped default), else the first shipped one. PrinterProfilesFileError for a bad file."""
    profiles = load_profiles(path)
    model = load_selected_model(path)
    if model and model in profiles:
        return profiles[model]
    return next(iter(profiles.values()))


# --- The preview -----------------------------------------------------------------------------------


def sample_certificate() -> SickLeavePrint:
    """A certificate filled with made-up values (a fictitious clinic and patient) for the preview."""
    day = dt.date(2026, 11, 20)
    return SickLeavePrint(
        number="910000000017", organization_name="ООО «КЛИНИКА-ОБРАЗЕЦ»",
        organization_address="Г. ОБРАЗЦОВСК, УЛ. ПРИМЕРНАЯ, Д. 1", organization_ogrn="1027700000001",
        issue_date=day, surname="ОБРАЗЦОВА", first_name="АННА", patronymic="ПЕТРОВНА",
        birth_date=dt.date(1985, 3, 7), sex="F", cause_code="09", employer="ООО «РОМАШКА»", job="main",
        care=(CareMember(5, 3, "38", "ОБРАЗЦОВ ПЁТР ИВАНОВИЧ"),),
        periods=(ReleasePeriod(day, day + dt.timedelta(days=7), "ТЕРАПЕВТ", "ИВАНОВ И.И."),),
        return_date=day + dt.timedelta(days=8),
    )


def zoom_regions(layout: SickLeaveLayout) -> dict[str, QRectF]:
    """The parts of the sheet the preview can show, in mm: the whole sheet and the form's corners."""
    width, height = layout.page_width, layout.page_height
    bottom = min(height, max(fl.bounds().bottom for fl in layout.fields.values()) + 6.0)
    w, h = 80.0, 62.0
    return {
        "sheet": QRectF(0.0, 0.0, width, height),
        "top_left": QRectF(0.0, 0.0, w, h),
        "top_right": QRectF(width - w, 0.0, w, h),
        "bottom_left": QRectF(0.0, bottom - h, w, h),
        "bottom_right": QRectF(width - w, bottom - h, w, h),
    }


def _pen(color: QColor, width_px: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, max(1.0, width_px), style)
    pen.setCosmetic(True)
    return pen


def sheet_picture(region: QRectF, px_per_mm: float, profile: PrinterProfile, layout: SickLeaveLayout | None,
                  sheet_mm: tuple[float, float] = A4_MM) -> QImage:
    """The sheet under the preview: white paper, the millimetre grid with figures every centimetre,
    the printer's unprintable margins shaded and, when ``layout`` is given, the blank's cells, its
    DataMatrix box and number box as preprinted (at their true places, no profile)."""
    size = QSize(max(1, round(region.width() * px_per_mm)), max(1, round(region.height() * px_per_mm)))
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.scale(px_per_mm, px_per_mm)
    painter.translate(-region.x(), -region.y())
    width, height = sheet_mm

    fine = 1 if px_per_mm >= 3.0 else 5
    first_x, last_x = max(0, int(region.left())), min(int(width), int(region.right()) + 1)
    first_y, last_y = max(0, int(region.top())), min(int(height), int(region.bottom()) + 1)
    for step, color in ((fine, GRID_FINE), (5, GRID_MID), (10, GRID_CM)):
        painter.setPen(_pen(color, 1.0))
        for x in range(first_x, last_x + 1):
            if x % step == 0:
                painter.drawLine(QLineF(x, max(0.0, region.top()), x, min(height, region.bottom())))
        for y in range(first_y, last_y + 1):
            if y % step == 0:
                painter.drawLine(QLineF(max(0.0, region.left()), y, min(width, region.right()), y))

    # the printer's unprintable margins
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(MARGIN_SHADE))
    for rect in (QRectF(0, 0, profile.margin_left_mm, height),
                 QRectF(width - profile.margin_right_mm, 0, profile.margin_right_mm, height),
                 QRectF(profile.margin_left_mm, 0, width - profile.margin_left_mm - profile.margin_right_mm,
                        profile.margin_top_mm),
                 QRectF(profile.margin_left_mm, height - profile.margin_bottom_mm,
                        width - profile.margin_left_mm - profile.margin_right_mm, profile.margin_bottom_mm)):
        painter.drawRect(rect)
    painter.setBrush(Qt.BrushStyle.NoBrush)

    if layout is not None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(_pen(BLANK_INK, px_per_mm * 0.2))
        for fl in layout.fields.values():
            for box in fl.boxes:
                painter.drawRect(QRectF(box.x, box.y, box.width, box.height))
        painter.setPen(_pen(BLANK_INK, px_per_mm * 0.2, Qt.PenStyle.DashLine))
        dm = layout.datamatrix.box()
        painter.drawRect(QRectF(dm.x, dm.y, dm.width, dm.height))
        if layout.barcode is not None:
            bc = layout.barcode.box()
            painter.drawRect(QRectF(bc.x, bc.y, bc.width, bc.height))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    # the sheet's edges, then the figures every centimetre along the region's top and left sides
    painter.setPen(_pen(QColor(120, 134, 146), 1.0))
    painter.drawRect(QRectF(0, 0, width, height))
    painter.resetTransform()
    if px_per_mm >= 1.2:
        font = QFont()
        font.setPixelSize(max(8, min(12, round(px_per_mm * 2.2))))
        painter.setFont(font)
        painter.setPen(QColor(96, 112, 126))
        every = 10 if px_per_mm >= 3.0 else 20
        for x in range(first_x, last_x + 1):
            if x % every == 0 and 0 < x < width:
                painter.drawText(QPointF((x - region.left()) * px_per_mm + 2, font.pixelSize() + 1), str(x))
        for y in range(first_y, last_y + 1):
            if y % every == 0 and 0 < y < height:
                painter.drawText(QPointF(2, (y - region.top()) * px_per_mm - 2), str(y))
    painter.end()
    return image


def rasterize_region(pdf_data: bytes, region: QRectF, px_per_mm: float) -> QImage:
    """The part ``region`` (mm from the page's top-left corner) of the PDF's first page, grayscale."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(pdf_data)
    try:
        full = rasterize_page(pdf, 0, px_per_mm * 25.4)
    finally:
        pdf.close()
    return full.copy(round(region.left() * px_per_mm), round(region.top() * px_per_mm),
                     max(1, round(region.width() * px_per_mm)), max(1, round(region.height() * px_per_mm)))


def compose_preview(pdf_data: bytes, region: QRectF, px_per_mm: float, profile: PrinterProfile,
                    layout: SickLeaveLayout | None) -> QImage:
    """The form's PDF over the sheet picture (multiplied: white paper lets the grid through)."""
    image = sheet_picture(region, px_per_mm, profile, layout)
    ink = rasterize_region(pdf_data, region, px_per_mm)
    painter = QPainter(image)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
    painter.drawImage(QRectF(0, 0, image.width(), image.height()), ink)
    painter.end()
    return image


def render_preview(profile: PrinterProfile, layout: SickLeaveLayout, data: SickLeavePrint, *, on_blank: bool,
                   region: QRectF, px_per_mm: float) -> QImage:
    """The certificate rendered with ``profile`` over the sheet picture (the blank's cells when
    ``on_blank``); raises what `render_certificate` raises."""
    pdf = render_certificate(data, layout, profile, on_blank=on_blank)
    return compose_preview(pdf, region, px_per_mm, profile, layout if on_blank else None)


class PreviewView(QWidget):
    """Shows the latest preview image, centred and as large as it fits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self.setMinimumSize(360, 420)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def image(self) -> QImage:
        return self._image

    def set_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#dfe6ea"))
        if not self._image.isNull():
            ratio = self._image.devicePixelRatio() or 1.0
            w, h = self._image.width() / ratio, self._image.height() / ratio
            target = QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
            painter.drawImage(target, self._image)
            painter.setPen(QColor("#9aa9b3"))
            painter.drawRect(target.adjusted(-1, -1, 0, 0))
        painter.end()


# --- Entry fields ----------------------------------------------------------------------------------


def _number_text(value: float, decimals: int) -> str:
    text = f"{value:.{decimals}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace(".", QLocale().decimalPoint())


def _parse_number(text: str) -> float:
    return float(text.strip().replace(",", "."))


class _StepLineEdit(QLineEdit):
    stepped = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.stepped.emit(1 if event.key() == Qt.Key.Key_Up else -1)
            return
        super().keyPressEvent(event)


class StepEdit(QWidget):
    """A number typed as text (so that a wrong entry can be named) with − and + buttons and the Up and
    Down keys stepping it by ``step``."""

    edited = Signal()

    def __init__(self, decimals: int, step: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decimals = decimals
        self.step = step
        self.edit = _StepLineEdit(self)
        self.edit.setMaxLength(16)
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setMinimumWidth(80)
        self.edit.textEdited.connect(lambda _t: self.edited.emit())
        self.edit.stepped.connect(self.step_by)
        self.down_button = QToolButton(self)
        self.down_button.setText("\u2212")
        self.down_button.setAutoRepeat(True)
        self.down_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.down_button.clicked.connect(lambda: self.step_by(-1))
        self.up_button = QToolButton(self)
        self.up_button.setText("+")
        self.up_button.setAutoRepeat(True)
        self.up_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.up_button.clicked.connect(lambda: self.step_by(1))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(3)
        row.addWidget(self.down_button)
        row.addWidget(self.edit, 1)
        row.addWidget(self.up_button)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)
        self.edited.emit()

    def set_value(self, value: float) -> None:
        self.edit.setText(_number_text(value, self.decimals))

    def step_by(self, steps: int) -> None:
        try:
            value = _parse_number(self.edit.text())
        except ValueError:
            return
        self.edit.setText(_number_text(round(value + steps * self.step, self.decimals), self.decimals))
        self.edited.emit()


# --- Measured positions ----------------------------------------------------------------------------


class MeasuredPositionsDialog(QDialog):
    """The distances measured on the printed calibration page (A: from the left and top edges, B: from
    the left edge, C: from the top edge); on OK ``result_profile`` is the corrected profile."""

    def __init__(self, printed_with: PrinterProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printed_with = printed_with
        self.result_profile: PrinterProfile | None = None
        self.setWindowTitle(self.tr("Measured positions of the crosshairs"))
        lead = QLabel(self.tr(
            "Measure with a ruler, in millimetres, from the sheet's left and top edges to the centres of "
            "the crosshairs on the calibration page printed with: offset X {x}, Y {y} mm; scale X {sx}, "
            "Y {sy}.").format(x=_number_text(printed_with.offset_x_mm, 2), y=_number_text(printed_with.offset_y_mm, 2),
                               sx=_number_text(printed_with.scale_x, 4), sy=_number_text(printed_with.scale_y, 4)),
            self)
        lead.setWordWrap(True)
        self.edits: dict[tuple[str, int], QLineEdit] = {}
        form = QFormLayout()
        for mark, axis, text in (
            ("A", 0, self.tr("A, from the left edge (meant {value} mm)")),
            ("A", 1, self.tr("A, from the top edge (meant {value} mm)")),
            ("B", 0, self.tr("B, from the left edge (meant {value} mm)")),
            ("C", 1, self.tr("C, from the top edge (meant {value} mm)")),
        ):
            edit = QLineEdit(self)
            edit.setMaxLength(12)
            edit.setPlaceholderText(_number_text(CALIBRATION_MARKS[mark][axis], 1))
            self.edits[(mark, axis)] = edit
            form.addRow(text.format(value=_number_text(CALIBRATION_MARKS[mark][axis], 1)), edit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def set_measured(self, a: tuple[float, float], b_x: float, c_y: float) -> None:
        for key, value in (((("A", 0)), a[0]), (("A", 1), a[1]), (("B", 0), b_x), (("C", 1), c_y)):
            self.edits[key].setText(_number_text(value, 2))

    def measured(self) -> dict[str, tuple[float, float]]:
        """What was typed, as `calibrated` takes it; PrinterProfileError names a value that is no number."""
        values: dict[tuple[str, int], float] = {}
        for (mark, axis), edit in self.edits.items():
            try:
                values[(mark, axis)] = _parse_number(edit.text())
            except ValueError:
                side = self.tr("from the left edge") if axis == 0 else self.tr("from the top edge")
                raise PrinterProfileError(model=self.printed_with.model,
                                          setting=self.tr("crosshair {mark}, {side}").format(mark=mark, side=side),
                                          problem=NOT_A_NUMBER) from None
        return {"A": (values[("A", 0)], values[("A", 1)]),
                "B": (values[("B", 0)], CALIBRATION_MARKS["B"][1]),
                "C": (CALIBRATION_MARKS["C"][0], values[("C", 1)])}

    def apply(self) -> None:
        try:
            self.result_profile = calibrated(self.printed_with, self.measured())
        except DomainError as exc:
            self.error_label.setText(error_text(exc))
            self.error_label.show()
            return
        self.accept()


# --- The dialog ------------------------------------------------------------------------------------


class PrinterCalibrationDialog(QDialog):
    """Edits this workstation's printer profiles; ``Save`` writes them to ``settings_path``."""

    MODES = ("blank", "plain")
    ZOOMS = ("sheet", "top_left", "top_right", "bottom_left", "bottom_right")

    def __init__(self, settings_path: Path, parent: QWidget | None = None, *,
                 layout: SickLeaveLayout | None = None) -> None:
        super().__init__(parent)
        self.settings_path = Path(settings_path)
        self.form_layout = layout or load_layout()
        self.sample = sample_certificate()
        self.regions = zoom_regions(self.form_layout)
        self.printed_with: PrinterProfile | None = None  # the profile of the last calibration page printed
        self.measure_dialog: MeasuredPositionsDialog | None = None
        self.preview_count = 0  # how many times the preview was drawn (tests wait on it)
        self._loading = False
        self._pdf_key: tuple[PrinterProfile, bool] | None = None
        self._pdf: bytes = b""
        self._drawn_view: tuple[object, ...] | None = None
        load_problem: DomainError | None = None
        try:
            self.profiles: dict[str, PrinterProfile] = load_profiles(self.settings_path)
        except DomainError as exc:
            self.profiles = dict(DEFAULT_PROFILES)
            load_problem = exc
        self.setObjectName("printerCalibration")
        self.setWindowTitle(self.tr("Sick-leave printer calibration"))

        self.model_combo = QComboBox(self)
        self.model_combo.setMinimumContentsLength(22)
        self.add_button = QPushButton(self.tr("Add a model…"), self)
        self.add_button.clicked.connect(self.ask_add_model)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_or_reset)
        model_box = QGroupBox(self.tr("Printer model"), self)
        model_layout = QVBoxLayout(model_box)
        model_layout.addWidget(self.model_combo)
        model_buttons = QHBoxLayout()
        model_buttons.addWidget(self.add_button)
        model_buttons.addWidget(self.remove_button)
        model_buttons.addStretch(1)
        model_layout.addLayout(model_buttons)

        self.fields: dict[str, StepEdit] = {}
        for key, decimals, step in ALL_FIELDS:
            edit = StepEdit(decimals, step, self)
            edit.edited.connect(self._changed)
            self.fields[key] = edit
        correction = QGroupBox(self.tr("Correction"), self)
        cform = QFormLayout(correction)
        cform.addRow(self.tr("Offset X, mm (+ to the right)"), self.fields["offset_x_mm"])
        cform.addRow(self.tr("Offset Y, mm (+ down)"), self.fields["offset_y_mm"])
        cform.addRow(self.tr("Scale X"), self.fields["scale_x"])
        cform.addRow(self.tr("Scale Y"), self.fields["scale_y"])
        margins = QGroupBox(self.tr("Unprintable margins, mm"), self)
        mgrid = QGridLayout(margins)
        for index, (key, text) in enumerate((("margin_left_mm", self.tr("Left")),
                                             ("margin_right_mm", self.tr("Right")),
                                             ("margin_top_mm", self.tr("Top")),
                                             ("margin_bottom_mm", self.tr("Bottom")))):
            label = QLabel(text, margins)
            label.setBuddy(self.fields[key].edit)
            mgrid.addWidget(label, index // 2, (index % 2) * 2)
            mgrid.addWidget(self.fields[key], index // 2, (index % 2) * 2 + 1)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        self.print_button = QPushButton(self.tr("Print calibration page…"), self)
        self.print_button.clicked.connect(lambda: self.print_calibration_page())
        self.measure_button = QPushButton(self.tr("Enter measured positions…"), self)
        self.measure_button.clicked.connect(lambda: self.open_measurements())
        steps = QLabel(self.tr(
            "Print the page on plain A4 paper, measure the crosshairs A, B and C with a ruler and enter "
            "the distances: the offsets and scales are corrected."), self)
        steps.setObjectName("mutedLabel")
        steps.setWordWrap(True)
        calibration = QGroupBox(self.tr("Calibration page"), self)
        cal_layout = QVBoxLayout(calibration)
        cal_layout.addWidget(steps)
        cal_layout.addWidget(self.print_button)
        cal_layout.addWidget(self.measure_button)

        path_label = QLabel(self.tr("Saved in {path}").format(path=self.settings_path), self)
        path_label.setObjectName("mutedLabel")
        path_label.setWordWrap(True)
        path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        left = QVBoxLayout()
        left.setSpacing(10)
        for widget in (model_box, correction, margins, self.error_label, calibration, self.status_label):
            left.addWidget(widget)
        left.addStretch(1)
        left.addWidget(path_label)

        self.mode_combo = QComboBox(self)
        self.mode_combo.addItem(self.tr("On the blank: characters over the blank's cells"), "blank")
        self.mode_combo.addItem(self.tr("On plain paper: cells and field names printed"), "plain")
        self.zoom_combo = QComboBox(self)
        for key, text in (("sheet", self.tr("Whole sheet")), ("top_left", self.tr("Top left corner")),
                          ("top_right", self.tr("Top right corner")),
                          ("bottom_left", self.tr("Bottom left corner of the form")),
                          ("bottom_right", self.tr("Bottom right corner of the form"))):
            self.zoom_combo.addItem(text, key)
        self.mode_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.zoom_combo.currentIndexChanged.connect(lambda _i: self._changed())
        preview_controls = QHBoxLayout()
        show_label = QLabel(self.tr("&Show"), self)
        show_label.setBuddy(self.mode_combo)
        zoom_label = QLabel(self.tr("&Zoom"), self)
        zoom_label.setBuddy(self.zoom_combo)
        preview_controls.addWidget(show_label)
        preview_controls.addWidget(self.mode_combo, 1)
        preview_controls.addWidget(zoom_label)
        preview_controls.addWidget(self.zoom_combo)
        self.preview = PreviewView(self)
        legend = QLabel(self.tr(
            "Black: what the printer is sent with these values (sample data); blue: the blank's cells "
            "where the blank has them; red: the printer's unprintable margins; grid: 1 mm."), self)
        legend.setObjectName("mutedLabel")
        legend.setWordWrap(True)
        right = QVBoxLayout()
        right.addLayout(preview_controls)
        right.addWidget(self.preview, 1)
        right.addWidget(legend)

        body = QHBoxLayout()
        body.setSpacing(16)
        left_holder = QWidget(self)
        left_holder.setLayout(left)
        left_holder.setFixedWidth(420)
        body.addWidget(left_holder)
        body.addLayout(right, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addLayout(body, 1)
        root.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

        self._fill_models(load_selected_model(self.settings_path))
        self.model_combo.currentIndexChanged.connect(lambda _i: self._model_chosen())
        self._model_chosen()
        if load_problem is not None:
            self._show_error(load_problem)
        self.resize(1160, 800)

    # --- Public API ------------------------------------------------------------------------------

    def current_model(self) -> str:
        return str(self.model_combo.currentData() or "")

    def profile(self) -> PrinterProfile:
        """The last valid profile of the model chosen (what the preview shows and Save writes)."""
        return self.profiles[self.current_model()]

    def typed_profile(self) -> PrinterProfile:
        """The profile as the fields say; PrinterProfileError names the first value that is wrong."""
        model = self.current_model()
        values = {key: edit.text() for key, edit in self.fields.items()}
        numbers: dict[str, float] = {}
        for key, text in values.items():
            try:
                numbers[key] = _parse_number(text)
            except ValueError:
                raise PrinterProfileError(model=model, setting=SETTING_NAMES[key], problem=NOT_A_NUMBER) from None
        return PrinterProfile(model=model, **numbers).validated()

    def set_field(self, key: str, text: str) -> None:
        """Types ``text`` into a field (as the user would)."""
        self.fields[key].set_text(text)

    def set_mode(self, mode: str) -> None:
        self.mode_combo.setCurrentIndex(self.MODES.index(mode))

    def set_zoom(self, zoom: str) -> None:
        self.zoom_combo.setCurrentIndex(self.ZOOMS.index(zoom))

    def select_model(self, model: str) -> None:
        self.model_combo.setCurrentIndex(self.model_combo.findData(model))

    def add_model(self, name: str) -> bool:
        """Adds a model named ``name`` with the values of the one chosen; False (with the reason shown)
        when the name is empty or taken."""
        name = " ".join(name.split())
        if not name:
            self._show_message(self.tr("Name the printer model."))
            return False
        if name in self.profiles or "[" in name or "]" in name:
            self._show_message(self.tr("The model «{name}» is already in the list or its name cannot be used.")
                               .format(name=name))
            return False
        self.profiles[name] = replace(self.profile(), model=name)
        self._fill_models(name)
        self._model_chosen()
        return True

    def ask_add_model(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Add a printer model"),
            self.tr("The new model's name (its values are copied from «{model}»):").format(model=self.current_model()))
        if ok:
            self.add_model(name)

    def remove_or_reset(self) -> None:
        """Removes a model added here; a shipped model gets back its shipped values."""
        model = self.current_model()
        if model in DEFAULT_PROFILES:
            self.profiles[model] = DEFAULT_PROFILES[model]
            self._model_chosen()
            return
        del self.profiles[model]
        self._fill_models(None)
        self._model_chosen()

    def refresh(self) -> bool:
        """Checks the fields and redraws the preview; False (the message shown, the last good profile
        and preview kept) when a value is wrong or the form cannot be printed with it."""
        self._timer.stop()
        try:
            profile = self.typed_profile()
        except DomainError as exc:
            self._show_error(exc)
            if self._view_key() != self._drawn_view:  # a new zoom or mode: drawn with the last good values
                self._draw(self.profile(), report=False)
            return False
        self.profiles[profile.model] = profile
        if not self._draw(profile):
            return False
        self.error_label.hide()
        return True

    def _view_key(self) -> tuple[object, ...]:
        return (self.mode_combo.currentData(), self.zoom_combo.currentData(), self.preview.size().toTuple())

    def _draw(self, profile: PrinterProfile, *, report: bool = True) -> bool:
        """Draws the preview with ``profile``. When the form cannot be rendered with it, the last
        preview stays; only a new zoom or mode gets the bare sheet, so that the view asked for shows."""
        on_blank = self.mode_combo.currentData() != "plain"
        region = self.regions[str(self.zoom_combo.currentData() or "sheet")]
        ratio = self.preview.devicePixelRatioF() or 1.0
        px_per_mm = max(1.0, ratio * min((self.preview.width() - 8) / region.width(),
                                         (self.preview.height() - 8) / region.height()))
        blank = self.form_layout if on_blank else None
        try:
            key = (profile, on_blank)
            if key != self._pdf_key:
                self._pdf = render_certificate(self.sample, self.form_layout, profile, on_blank=on_blank)
                self._pdf_key = key
            image = compose_preview(self._pdf, region, px_per_mm, profile, blank)
        except DomainError as exc:
            if report:
                self._show_error(exc)
            if self._view_key() != self._drawn_view:
                image = sheet_picture(region, px_per_mm, profile, blank)
                image.setDevicePixelRatio(ratio)
                self.preview.set_image(image)
                self._drawn_view = self._view_key()
            return False
        image.setDevicePixelRatio(ratio)
        self.preview.set_image(image)
        self._drawn_view = self._view_key()
        self.preview_count += 1
        return True

    def print_calibration_page(self, printer: QPrinter | None = None) -> bool:
        """Prints the calibration page with the current values at 100 %: on ``printer`` when given,
        else on the printer the print dialog chooses."""
        if not self.refresh_profile_only():
            return False
        profile = self.profile()
        data = render_calibration_page(profile)
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            prepare_printer(printer)
            printer.setDocName(self.tr("Calibration page: {model}").format(model=profile.model))
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("Print the calibration page"))
            accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
            dialog.deleteLater()
            if not accepted:
                return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            print_pdf_actual_size(data, printer)
        except DomainError as exc:
            self._show_error(exc)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.printed_with = profile
        self._show_status(self.tr("The calibration page was sent to the printer at 100 %. Measure the "
                                  "crosshairs and enter the distances."))
        return True

    def open_measurements(self) -> MeasuredPositionsDialog | None:
        """The dialog for the measured distances (window-modal); its OK puts the corrected values in."""
        if not self.refresh_profile_only():
            return None
        printed_with = self.printed_with if self.printed_with and self.printed_with.model == self.current_model() \
            else self.profile()
        dialog = MeasuredPositionsDialog(printed_with, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._measured(dialog.result_profile))
        self.measure_dialog = dialog
        dialog.open()
        return dialog

    def save(self) -> bool:
        """Writes every profile and the chosen model to the settings file and closes."""
        if not self.refresh_profile_only():
            return False
        try:
            save_profiles(self.settings_path, self.profiles)
            save_selected_model(self.settings_path, self.current_model())
        except DomainError as exc:
            self._show_error(exc)
            return False
        except (OSError, configparser.Error) as exc:
            self._show_message(self.tr("The settings file cannot be written: {error}").format(
                error=getattr(exc, "strerror", None) or exc))
            return False
        self.accept()
        return True

    def refresh_profile_only(self) -> bool:
        """Takes the fields into the profile (no drawing); False with the message shown when one is wrong."""
        try:
            profile = self.typed_profile()
        except DomainError as exc:
            self._show_error(exc)
            return False
        self.profiles[profile.model] = profile
        return True

    # --- Internals -------------------------------------------------------------------------------

    def _fill_models(self, selected: str | None) -> None:
        self._loading = True
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for model in self.profiles:
            shipped = model in DEFAULT_PROFILES
            self.model_combo.addItem(model if shipped else self.tr("{model} (added)").format(model=model), model)
        index = self.model_combo.findData(selected) if selected else -1
        self.model_combo.setCurrentIndex(max(0, index))
        self.model_combo.blockSignals(False)
        self._loading = False

    def _model_chosen(self) -> None:
        profile = self.profile()
        for key, edit in self.fields.items():
            edit.set_value(getattr(profile, key))
        shipped = profile.model in DEFAULT_PROFILES
        self.remove_button.setText(self.tr("Shipped values") if shipped else self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Put back the values this model ships with") if shipped
                                      else self.tr("Remove this model from the list"))
        self.error_label.hide()
        self.refresh()

    def _changed(self) -> None:
        if not self._loading:
            self._timer.start()

    def _measured(self, profile: PrinterProfile | None) -> None:
        if profile is None:
            return
        self.profiles[profile.model] = profile
        self._model_chosen()
        self._show_status(self.tr("Corrected from the measurements: offset X {x}, Y {y} mm; scale X {sx}, Y {sy}. "
                                  "Print the calibration page again to check, then save.").format(
            x=_number_text(profile.offset_x_mm, 2), y=_number_text(profile.offset_y_mm, 2),
            sx=_number_text(profile.scale_x, 4), sy=_number_text(profile.scale_y, 4)))

    def _show_error(self, exc: BaseException) -> None:
        self._show_message(error_text(exc))

    def _show_message(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.show()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._timer.start()


def open_printer_calibration(parent: QWidget | None, settings_path: Path | None = None) -> PrinterCalibrationDialog:
    """Opens the calibration dialog (window-modal) for this workstation's settings file."""
    if settings_path is None:
        from medcenter_desktop.settings import default_settings_path

        settings_path = default_settings_path()
    dialog = PrinterCalibrationDialog(settings_path, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

