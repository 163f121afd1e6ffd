from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from printing import fonts


def test_register_fonts_is_idempotent_and_covers_cyrillic():
    first = fonts.register_fonts()
    second = fonts.register_fonts()
    assert first is second
    assert first.regular_path.is_file() and first.bold_path.is_file()
    for name in (first.regular, first.bold):
        face = pdfmetrics.getFont(name).face
        assert all(ord(ch) in face.charToGlyph for ch in "ЖжЩщЁё№–—")
    assert pdfmetrics.getFont(first.regular).face is not pdfmetrics.getFont(first.bold).face


def test_font_dir_override_is_searched_first(monkeypatch, tmp_path):
    monkeypatch.setenv(fonts.FONT_DIR_ENV, str(tmp_path))
    assert fonts.candidate_dirs()[0] == Path(tmp_path)


def test_debian_and_reportlab_folders_are_searched(monkeypatch):
    monkeypatch.delenv(fonts.FONT_DIR_ENV, raising=False)
    dirs = fonts.candidate_dirs()
    assert Path("/usr/share/fonts/truetype/dejavu") in dirs
    assert any(d.name == "fonts" and d.parent.name == "reportlab" for d in dirs)


def test_no_font_found_is_a_clear_error(monkeypatch, tmp_path):
    # Latin-only Vera does not qualify, and an empty folder has nothing at all.
    monkeypatch.setattr(fonts, "_registered", None)
    monkeypatch.setattr(fonts, "candidate_dirs", lambda: [tmp_path, fonts._reportlab_font_dir()])
    with pytest.raises(fonts.FontNotFoundError, match="fonts-dejavu-core"):
        fonts.register_fonts()


def test_a_font_without_cyrillic_is_skipped(tmp_path):
    vera = fonts._reportlab_font_dir()
    # Vera (shipped with reportlab) under the DejaVu names: present, loadable, but no Cyrillic.
    (tmp_path / "DejaVuSans.ttf").write_bytes((vera / "Vera.ttf").read_bytes())
    (tmp_path / "DejaVuSans-Bold.ttf").write_bytes((vera / "VeraBd.ttf").read_bytes())
    assert fonts._load_pair(tmp_path) is None
