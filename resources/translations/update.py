"""Regenerates the Qt translation catalogues: lupdate over the sources, then lrelease to .qm.

    .venv/bin/python resources/translations/update.py          # update .ts and compile .qm
    .venv/bin/python resources/translations/update.py --release  # only compile .qm

Run it after changing any user-visible text; then fill in the new Russian translations (Qt Linguist:
``pyside6-linguist resources/translations/medcenter_ru.ts``) and run it again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE_DIRS = ("medcenter_desktop", "workstations", "shared")
LANGUAGES = ("ru", "en")


def tool(name: str) -> str:
    """A Qt tool from the virtual environment of the running Python, else from PATH."""
    candidate = Path(sys.executable).parent / name
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6-Essentials")
    return found


def sources() -> list[str]:
    files = []
    for directory in SOURCE_DIRS:
        files += sorted(str(p.relative_to(ROOT)) for p in (ROOT / directory).rglob("*.py"))
    return files


def ts_path(language: str) -> Path:
    return HERE / f"medcenter_{language}.ts"


def qm_path(language: str) -> Path:
    return HERE / f"medcenter_{language}.qm"


def lupdate() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "relative",
             "-target-language", language, "-ts", str(ts_path(language))],
            cwd=ROOT, check=True,
        )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def release() -> None:
    for language in LANGUAGES:
        lrelease(ts_path(language), qm_path(language))


def main(argv: list[str]) -> int:
    if "--release" not in argv:
        lupdate()
    release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
