"""UI language: our translations (resources/translations/medcenter_<lang>.qm) plus Qt's own.

The source texts are English, so English needs no catalogue of ours; Russian does. Installing or
removing a translator makes Qt send a `QEvent.LanguageChange` to every widget; our windows handle it
in ``changeEvent`` by calling their ``retranslate_ui()``, so switching language takes effect at once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
TRANSLATIONS_DIR = RESOURCES_DIR / "translations"
SUPPORTED = ("ru", "en")

# Translators currently installed, kept alive here (Qt does not own them).
_installed: list[QTranslator] = []
_current: str | None = None


def resolve_language(setting: str, system_locale: QLocale | None = None) -> str:
    """``"ru"`` or ``"en"`` for a settings value (``"system"`` follows the OS: Russian if it is Russian)."""
    if setting in SUPPORTED:
        return setting
    locale = system_locale or QLocale.system()
    return "ru" if locale.language() == QLocale.Language.Russian else "en"


def current_language() -> str | None:
    return _current


def install_translations(setting: str, app: QCoreApplication | None = None) -> str:
    """Replaces the installed translators with those for ``setting``; returns the language used."""
    global _current
    app = app or QCoreApplication.instance()
    language = resolve_language(setting)
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English))
    if language != "en":
        _load(app, f"medcenter_{language}", str(TRANSLATIONS_DIR))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _load(app, f"qtbase_{language}", qt_dir)
    _current = language
    # Installing translators posts LanguageChange; deliver it now so the switch is complete on return.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return language


def switch_language(setting: str) -> str:
    """Changes the UI language of the running application; open windows re-translate themselves."""
    return install_translations(setting)


def _load(app: QCoreApplication | None, name: str, directory: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, directory):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    else:
        # Not fatal: the UI stays readable in English.
        log.warning("translation %s not found in %s", name, directory)
