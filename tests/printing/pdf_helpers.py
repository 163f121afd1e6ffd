"""Helpers for the printing tests: rasterize PDFs, read their text and geometry, decode Code128."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2 as pdfium
from PIL import Image

MM = 72 / 25.4  # PDF points per millimetre


def is_pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(data)


def page_texts(data: bytes) -> list[str]:
    pdf = open_pdf(data)
    return [page.get_textpage().get_text_range() for page in pdf]


def page_sizes_mm(data: bytes) -> list[tuple[float, float]]:
    pdf = open_pdf(data)
    return [(w / MM, h / MM) for w, h in (page.get_size() for page in pdf)]


def rasterize(data: bytes, dpi: float) -> list[Image.Image]:
    """Every page as an 8-bit grayscale image."""
    pdf = open_pdf(data)
    return [page.render(scale=dpi / 72).to_pil().convert("L") for page in pdf]


def dirty_margins(image: Image.Image, dpi: float, margin_mm: float = 5.0, white: int = 250) -> list[str]:
    """Names of the border strips (margin_mm wide) holding any pixel darker than white."""
    w, h = image.size
    m = int(round(margin_mm / 25.4 * dpi))
    strips = {
        "top": (0, 0, w, m),
        "bottom": (0, h - m, w, h),
        "left": (0, 0, m, h),
        "right": (w - m, 0, w, h),
    }
    return [name for name, box in strips.items() if image.crop(box).getextrema()[0] < white]


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float


def char_boxes(data: bytes, page_index: int, pattern: str) -> list[list[Box]]:
    """For each regex match in the page text, the boxes (points) of its visible characters."""
    page = open_pdf(data)[page_index]
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    found = []
    for match in re.finditer(pattern, text):
        boxes = []
        for i in range(match.start(), match.end()):
            if text[i].isspace():
                continue
            boxes.append(Box(*textpage.get_charbox(i)))
        found.append(boxes)
    return found


# Code128 bar/space widths (in modules) for symbol values 0..106; 106 is the stop pattern.
_CODE128 = (
    "212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 122132 "
    "122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 321221 312212 "
    "322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 231113 231311 "
    "112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 213311 213131 311123 311321 "
    "331121 312113 312311 332111 314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 "
    "112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 111242 121142 121241 114212 "
    "124112 124211 411212 421112 421211 212141 214121 412121 111143 111341 131141 114113 114311 411113 "
    "411311 113141 114131 311141 411131 211412 211214 211232 2331112"
).split()
_VALUE = {pattern: value for value, pattern in enumerate(_CODE128)}


def _runs(row: list[int]) -> list[int]:
    dark = [p < 128 for p in row]
    first, last = dark.index(True), len(dark) - 1 - dark[::-1].index(True)
    runs, count = [], 1
    for a, b in zip(dark[first:last], dark[first + 1 : last + 1], strict=True):
        if a == b:
            count += 1
        else:
            runs.append(count)
            count = 1
    runs.append(count)
    return runs


def _decode_runs(runs: list[int]) -> str | None:
    if len(runs) < 6 * 3 + 7 or (len(runs) - 7) % 6:
        return None
    symbols = (len(runs) - 7) // 6
    module = sum(runs) / (11 * symbols + 13)
    widths = "".join(str(max(1, min(4, round(r / module)))) for r in runs)
    values = []
    for i in range(symbols):
        value = _VALUE.get(widths[6 * i : 6 * i + 6])
        if value is None:
            return None
        values.append(value)
    if widths[-7:] != _CODE128[106]:
        return None
    start, *data, check = values
    if (start + sum(v * (i + 1) for i, v in enumerate(data))) % 103 != check:
        return None
    code = {103: "A", 104: "B", 105: "C"}.get(start)
    out = []
    for v in data:
        if code == "C" and v < 100:
            out.append(f"{v:02d}")
        elif code in ("A", "B") and v < 96:
            out.append(chr(v + 32) if code == "B" or v < 64 else chr(v - 64))
        elif v == 99:
            code = "C"
        elif v == 100:
            code = "B"
        elif v == 101:
            code = "A"
        else:
            return None  # shift and function codes are not used by the forms
    return "".join(out)


def decode_code128(image: Image.Image) -> str | None:
    """Scan the image row by row like a hand scanner and return the first Code128 that checks out."""
    w, h = image.size
    pixels = image.load()
    for y in range(0, h, 2):
        row = [pixels[x, y] for x in range(w)]
        if min(row) >= 128:
            continue
        text = _decode_runs(_runs(row))
        if text is not None:
            return text
    return None
