"""Screenshots of the login window and the launcher in Russian and English.

Always rendered to a temporary folder (so layout code runs in CI); with MEDCENTER_SAVE_SCREENSHOTS=1
copies go to docs/screenshots/ for the documentation.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from medcenter_desktop import i18n
from medcenter_desktop.launcher import LauncherWindow
from medcenter_desktop.login_window import LoginWindow
from medcenter_desktop.workstation import discover_workstations

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

DEMO_USERS = [
    ("admin", "Administrator", "demo"),
    ("ivanova", "Registrar", "demo"),
    ("petrova", "Cashier", "demo"),
    ("sidorov", "Medical worker", "demo"),
    ("kuznetsova", "Head of registry", "demo"),
    ("orlova", "Call centre operator", "demo"),
]


def _save(widget, tmp_path: Path, name: str) -> Path:
    widget.show()
    widget.raise_()
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    path = tmp_path / name
    assert widget.grab().save(str(path)), path
    assert path.stat().st_size > 1000
    if os.environ.get("MEDCENTER_SAVE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS / name)
    return path


@pytest.mark.parametrize("language", ["ru", "en"])
def test_login_window_screenshot(qtbot, tmp_path, settings, language):
    i18n.install_translations(language)
    window = LoginWindow(settings, demo_users=DEMO_USERS, save_settings=lambda s: None)
    qtbot.addWidget(window)
    window.resize(920, 520)
    window.user_edit.setText("ivanova")
    _save(window, tmp_path, f"login_{language}.png")


@pytest.mark.parametrize("language", ["ru", "en"])
def test_launcher_screenshot(qtbot, tmp_path, make_session, language):
    i18n.install_translations(language)
    session = make_session(
        jobs=("registrar", "cashier", "head_of_registry", "medical_worker", "head", "administrator"),
        full_name="Кузнецова Анна Сергеевна",
        position="Заведующая регистратурой",
    )
    window = LauncherWindow(session, discover_workstations())
    qtbot.addWidget(window)
    window.resize(1040, 640)
    _save(window, tmp_path, f"launcher_{language}.png")


@pytest.mark.parametrize("language", ["ru", "en"])
def test_doctor_screenshots(qtbot, tmp_path, clinic, sessions, language):
    """The doctor's day with a visit opened, and the visit being written (the demo clinic's doctor)."""
    from tests.qt.test_doctor import doctor_screens

    doctor_screens(qtbot, clinic, sessions, tmp_path, language, _save)
