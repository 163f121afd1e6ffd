"""The Russian catalogue is complete and its compiled .qm is up to date; the UI really switches."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
sys.path.insert(0, str(TRANSLATIONS))
import update  # noqa: E402

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def test_every_russian_text_is_translated():
    problems = []
    for context, message in _messages(update.ts_path("ru")):
        source = message.findtext("source")
        translation = message.find("translation")
        plural = message.get("numerus") == "yes"
        # A plural (%n) text has one translation per Russian plural form: 1, 2-4, 5 and more.
        if translation is None:
            forms = []
        elif plural:
            forms = [form.text or "" for form in translation.iter("numerusform")]
        else:
            forms = [translation.text or ""]
        if not forms or translation.get("type") in ("unfinished", "obsolete", "vanished") or not all(
            form.strip() for form in forms
        ):
            problems.append(f"{context}: {source!r} is not translated")
        elif any(sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(form)) for form in forms):
            problems.append(f"{context}: {source!r} has other placeholders in its translation")
        elif plural and (len(forms) != 3 or not all("%n" in form for form in forms)):
            problems.append(f"{context}: {source!r} needs three plural forms, each with %n")
    assert not problems, "\n".join(problems)


def test_catalogue_covers_every_marked_text(tmp_path):
    """lupdate finds nothing the committed .ts lacks (rerun update.py when this fails)."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [update.tool("pyside6-lupdate"), *update.sources(), "-no-obsolete", "-ts", str(fresh)],
        cwd=ROOT, check=True, capture_output=True,
    )
    committed = {(c, m.findtext("source")) for c, m in _messages(update.ts_path("ru"))}
    found = {(c, m.findtext("source")) for c, m in _messages(fresh)}
    assert found - committed == set(), "run resources/translations/update.py and translate the new texts"
    # QT_TRANSLATE_NOOP texts of the Qt-free core are collected too.
    assert ("DomainError", "Could not connect to the database server.") in committed


@pytest.mark.parametrize("language", update.LANGUAGES)
def test_compiled_catalogue_is_current(tmp_path, language):
    fresh = tmp_path / f"medcenter_{language}.qm"
    update.lrelease(update.ts_path(language), fresh)
    assert update.qm_path(language).read_bytes() == fresh.read_bytes(), "run resources/translations/update.py --release"


def test_switching_language_translates_the_login_window(qtbot, settings):
    from medcenter_desktop import i18n
    from medcenter_desktop.login_window import LoginWindow

    window = LoginWindow(settings, save_settings=lambda s: None)
    qtbot.addWidget(window)
    assert window.login_button.text() == "Log in"
    assert i18n.switch_language("ru") == "ru"
    assert window.login_button.text() == "Войти"
    assert window.remember_check.text() == "&Запомнить меня на этом компьютере"
    assert i18n.switch_language("en") == "en"
    assert window.login_button.text() == "Log in"


def test_language_combo_saves_and_switches(qtbot, settings):
    from medcenter_desktop.login_window import LoginWindow

    saved = []
    window = LoginWindow(settings, save_settings=saved.append)
    qtbot.addWidget(window)
    window.language_combo.setCurrentIndex(window.language_combo.findData("ru"))
    assert saved[-1].language == "ru"
    assert window.heading_label.text() == "Вход" or window.login_button.text() == "Войти"
    assert window.windowTitle() == "Вход — MedCenter Desktop"


def test_domain_errors_render_in_russian(qtbot):
    from medcenter_desktop import i18n
    from medcenter_desktop.error_dialog import error_text
    from shared.db.connection import ServerUnreachable

    i18n.install_translations("ru")
    text = error_text(ServerUnreachable(host="db", port=5432))
    assert text.startswith("Сервер базы данных db:5432 не отвечает")


def test_system_language_follows_the_os_locale():
    from PySide6.QtCore import QLocale

    from medcenter_desktop.i18n import resolve_language

    assert resolve_language("system", QLocale(QLocale.Language.Russian, QLocale.Country.Russia)) == "ru"
    assert resolve_language("system", QLocale(QLocale.Language.German)) == "en"
    assert resolve_language("en", QLocale(QLocale.Language.Russian)) == "en"
