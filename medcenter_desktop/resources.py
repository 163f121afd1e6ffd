"""Files under resources/: icons and the application style sheet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from medcenter_desktop.i18n import RESOURCES_DIR

ICONS_DIR = RESOURCES_DIR / "icons"
STYLES_DIR = RESOURCES_DIR / "styles"
APP_ICON = "app.svg"


def icon_path(name: str) -> Path:
    return ICONS_DIR / name


def icon(name: str) -> QIcon:
    """The icon ``name`` from resources/icons (an empty icon if the file is missing)."""
    path = icon_path(name)
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return icon(APP_ICON)


def stylesheet() -> str:
    """The application style sheet, with icon paths made absolute."""
    path = STYLES_DIR / "app.qss"
    if not path.is_file():
        return ""
    return path.read_text(encoding="utf-8").replace("@ICONS@", ICONS_DIR.as_posix())
