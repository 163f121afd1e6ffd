"""A Cyrillic-capable TrueType font for the printed forms.

reportlab's built-in fonts (Helvetica, Times, ...) only cover Latin-1, so every form registers a
TrueType pair (regular + bold) under neutral names and uses those names only. The search prefers
DejaVu Sans (Debian/Ubuntu package fonts-dejavu-core, other Linux layouts, reportlab's own font
folder, matplotlib's bundled copy) and falls back to Arial on Windows and macOS.

Set MEDCENTER_FONT_DIR to a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (or arial.ttf and
arialbd.ttf) to override the search, e.g. on a workstation without system fonts.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# The names every form uses; what file stands behind them depends on the machine.
FONT_REGULAR = "MedCenterSans"
FONT_BOLD = "MedCenterSans-Bold"

FONT_DIR_ENV = "MEDCENTER_FONT_DIR"

# Characters the forms cannot do without: Cyrillic, the numero sign and the dashes.
_REQUIRED_CHARS = "АБВЖЩЯабвжщяЁё№–—"

# (regular, bold) file names, best first.
_FILE_PAIRS: tuple[tuple[str, str], ...] = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("arial.ttf", "arialbd.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
)


class FontNotFoundError(RuntimeError):
    """No Cyrillic-capable TrueType font was found; the forms cannot be printed."""


@dataclass(frozen=True)
class RegisteredFonts:
    regular: str  # font name to use with reportlab
    bold: str
    regular_path: Path
    bold_path: Path


_lock = threading.Lock()
_registered: RegisteredFonts | None = None


def _matplotlib_font_dir() -> Path | None:
    # Locate the package without importing it (importing matplotlib is slow and pulls numpy).
    try:
        spec = importlib.util.find_spec("matplotlib")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


def _reportlab_font_dir() -> Path:
    import reportlab

    return Path(reportlab.__file__).resolve().parent / "fonts"


def candidate_dirs() -> list[Path]:
    """Folders searched for the font files, in order."""
    dirs: list[Path] = []
    override = os.environ.get(FONT_DIR_ENV)
    if override:
        dirs.append(Path(override))
    dirs += [
        Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu (fonts-dejavu-core)
        Path("/usr/share/fonts/dejavu-sans-fonts"),  # Fedora
        Path("/usr/share/fonts/dejavu"),  # openSUSE, Alpine
        Path("/usr/share/fonts/TTF"),  # Arch
        Path("/usr/local/share/fonts"),
        Path.home() / ".local" / "share" / "fonts",
        _reportlab_font_dir(),
    ]
    mpl = _matplotlib_font_dir()
    if mpl is not None:
        dirs.append(mpl)
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path.home() / "Library" / "Fonts",
        ]
    return dirs


def _covers_cyrillic(font: TTFont) -> bool:
    char_to_glyph = font.face.charToGlyph
    return all(ord(ch) in char_to_glyph for ch in _REQUIRED_CHARS)


def _load_pair(directory: Path) -> tuple[TTFont, TTFont, Path, Path] | None:
    for regular_name, bold_name in _FILE_PAIRS:
        regular_path, bold_path = directory / regular_name, directory / bold_name
        if not (regular_path.is_file() and bold_path.is_file()):
            continue
        try:
            regular = TTFont(FONT_REGULAR, str(regular_path))
            bold = TTFont(FONT_BOLD, str(bold_path))
        except Exception:  # a damaged or unsupported file: try the next candidate
            continue
        if _covers_cyrillic(regular) and _covers_cyrillic(bold):
            return regular, bold, regular_path, bold_path
    return None


def register_fonts() -> RegisteredFonts:
    """Register the form font pair with reportlab once; later calls return the same result.

    Raises FontNotFoundError naming the folders searched when no suitable font exists.
    """
    global _registered
    with _lock:
        if _registered is not None:
            return _registered
        searched = candidate_dirs()
        for directory in searched:
            found = _load_pair(directory)
            if found is None:
                continue
            regular, bold, regular_path, bold_path = found
            pdfmetrics.registerFont(regular)
            pdfmetrics.registerFont(bold)
            # <b> inside a Paragraph resolves to the bold face (no italic face: italics print upright).
            pdfmetrics.registerFontFamily(
                FONT_REGULAR, normal=FONT_REGULAR, bold=FONT_BOLD, italic=FONT_REGULAR, boldItalic=FONT_BOLD
            )
            _registered = RegisteredFonts(FONT_REGULAR, FONT_BOLD, regular_path, bold_path)
            return _registered
        wanted = ", ".join(f"{r} + {b}" for r, b in _FILE_PAIRS)
        folders = "\n  ".join(str(d) for d in searched)
        raise FontNotFoundError(
            f"No Cyrillic TrueType font for printing was found (looked for {wanted}) in:\n  {folders}\n"
            "Install DejaVu Sans (Debian/Ubuntu: apt install fonts-dejavu-core) or set "
            f"{FONT_DIR_ENV} to a folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf."
        )
