#!/usr/bin/env bash
# Sets up a development environment in .venv: system libraries (Debian/Ubuntu, when run as root or
# with sudo), Python packages with the dev extras. Idempotent; used by run-tests.sh and run-demo.sh.
#   MEDCENTER_GUI_LIBS=1  also install the X11/xcb libraries a visible Qt window needs.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "MedCenter Desktop needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
  exit 1
fi

# System libraries the Python packages load: libdmtx (pylibdmtx), EGL/GL, fontconfig, xkbcommon and
# D-Bus (Qt, also offscreen), DejaVu fonts (Cyrillic in Qt and PDFs). Windows/macOS wheels bundle them.
apt_packages=(libdmtx0b libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
if [ "${MEDCENTER_GUI_LIBS:-0}" = 1 ]; then
  apt_packages+=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
                 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0)
fi
if command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
  missing=()
  for p in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "Installing system libraries: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev]'
