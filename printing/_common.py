"""Small helpers shared by the printed forms (Russian calendar words, markup escaping, money)."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable

from .fonts import register_fonts

WEEKDAYS_SHORT = ("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс")
WEEKDAYS_FULL = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")

DAY_OFF = "—"  # em dash: printed for a day without hours


def markup(text: str) -> str:
    """Plain text -> reportlab Paragraph markup (escaped, line breaks kept)."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """The text cut with an ellipsis to fit width (one line drawn straight on the canvas)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def cut_to_height(flowables: list[Flowable], width: float, limit: float) -> list[list[Flowable]]:
    """Cut a table cell's content into pieces at most limit high (paragraphs split between lines).

    A table row never splits between pages, so a text taller than a page (a pathological name or
    instructions) goes into several rows of its own, each of which fits. Usually one piece.
    """
    chunks: list[list[Flowable]] = []
    current: list[Flowable] = []
    used = 0.0
    queue = list(flowables)
    while queue:
        flowable = queue.pop(0)
        height = flowable.wrap(width, limit)[1]
        if used + height <= limit:
            current.append(flowable)
            used += height
            continue
        parts = flowable.split(width, limit - used)
        if len(parts) > 1:
            current.append(parts[0])
            queue[0:0] = parts[1:]
        elif not current:  # cannot be cut at all: let it stand alone
            current.append(flowable)
        else:
            queue.insert(0, flowable)
        chunks.append(current)
        current, used = [], 0.0
    if current or not chunks:
        chunks.append(current)
    return chunks


def date_ru(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def day_header(day: dt.date) -> str:
    """"Пн 30.11"."""
    return f"{WEEKDAYS_SHORT[day.weekday()]} {day.strftime('%d.%m')}"


# --- Money and long dates (invoices, route sheets) ---------------------------------------------

NBSP = "\u00a0"  # groups thousands in money: reportlab never breaks a line there

MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)

_KOPECK = Decimal("0.01")


def money(value: Decimal | int) -> str:
    """Decimal(1200) -> "1 200,00": a non-breaking space between thousands, a decimal comma."""
    amount = Decimal(value).quantize(_KOPECK, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, fraction = f"{abs(amount):.2f}".split(".")
    return f"{sign}{int(whole):,}".replace(",", NBSP) + f",{fraction}"


def number(value: int) -> str:
    """12000 -> "12 000" (quantities, counts)."""
    return f"{value:,}".replace(",", NBSP)


def date_words_ru(day: dt.date) -> str:
    """"25 ноября 2026 г." (the day zero-padded, as in "05 ноября 2026 г.")."""
    return f"{day.day:02d} {MONTHS_GENITIVE[day.month - 1]} {day.year} г."


def datetime_ru(moment: dt.datetime) -> str:
    """"27.11.2026 15:05"."""
    return moment.strftime("%d.%m.%Y %H:%M")


def in_zone(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """The moment in the given zone; naive moments and a missing zone leave it as it is."""
    if zone is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(zone)


# --- An italic companion of the form font ------------------------------------------------------

FONT_ITALIC = "MedCenterSans-Italic"

# Italic (oblique) files that belong to the regular faces printing.fonts looks for, best first.
_ITALIC_FILES = ("DejaVuSans-Oblique.ttf", "ariali.ttf", "Arial Italic.ttf")
# Characters a companion face must have to be used for Russian forms.
_COMPANION_CHARS = "АБВЖЩЯабвжщяЁё№–—"

_companion_lock = threading.Lock()
_companions: dict[str, str] = {}  # registered name -> the face to use (itself, or the regular fallback)


def _companion_font(name: str, files: tuple[str, ...]) -> str:
    """Registers, on first use, the first of ``files`` found next to the regular form font that has
    Cyrillic, under ``name``; returns ``name``, or the regular face when none is usable."""
    with _companion_lock:
        if name in _companions:
            return _companions[name]
        fonts = register_fonts()
        chosen = fonts.regular
        for file_name in files:
            path = fonts.regular_path.parent / file_name
            if not path.is_file():
                continue
            try:
                font = TTFont(name, str(path))
            except Exception:  # a damaged or unsupported file: try the next one
                continue
            if all(ord(ch) in font.face.charToGlyph for ch in _COMPANION_CHARS):
                pdfmetrics.registerFont(font)
                chosen = name
                break
        _companions[name] = chosen
        return chosen


def italic_font() -> str:
    """The name of an italic face matching the registered form font, registered on first use.

    Looks next to the regular font file (DejaVu Sans Oblique, Arial Italic). When there is none, or
    it lacks Cyrillic, the regular face is returned and the text prints upright.
    """
    return _companion_font(FONT_ITALIC, _ITALIC_FILES)


# --- Fitting figures, a monospaced companion (forms with character cells) --------------------------


def shrink_to_fit(text: str, font: str, size: float, width: float, minimum: float) -> float:
    """The largest type size from size down to minimum (steps of 0.25 pt) at which text fits width.

    Returns minimum when even that is too wide: the caller decides whether to cut the text as well.
    """
    while size > minimum and stringWidth(text, font, size) > width:
        size -= 0.25
    return max(size, minimum)


FONT_MONO = "MedCenterMono"

# Monospaced files that belong to the regular faces printing.fonts looks for, best first. The tax
# office asks for Courier New in character cells; DejaVu Sans Mono is its free counterpart.
_MONO_FILES = ("DejaVuSansMono.ttf", "cour.ttf", "Courier New.ttf")

def mono_font() -> str:
    """The name of a monospaced face next to the registered form font, registered on first use.

    Looks next to the regular font file (DejaVu Sans Mono, Courier New). When there is none, or it
    lacks Cyrillic, the regular face is returned (the cells still hold one character each).
    """
    return _companion_font(FONT_MONO, _MONO_FILES)
