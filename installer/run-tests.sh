#!/usr/bin/env bash
# The whole test suite, set up from scratch: environment, lint, layering contracts, tests.
# Database tests run on an embedded PostgreSQL, or on MEDCENTER_TEST_DATABASE_URL when it is set.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
installer/setup-dev.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
echo "== import-linter (layering contracts)"
.venv/bin/lint-imports
echo "== pytest"
.venv/bin/python -m pytest "$@"
