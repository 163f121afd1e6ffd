#!/usr/bin/env bash
# Sets up MedCenter Desktop and runs the demo: an embedded PostgreSQL with a demo clinic, then the
# login window. Extra arguments go to `medcenter demo` (e.g. --reset).
set -euo pipefail
cd "$(dirname "$0")/.."
MEDCENTER_GUI_LIBS=1 installer/setup-dev.sh
exec .venv/bin/medcenter demo "$@"
