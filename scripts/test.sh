#!/usr/bin/env bash
# Sets up (first time) and runs every test, offscreen. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
# every OS tool the tests use is installed by setup.sh, so a missing one is a failure, not a skip
export C27DESK_REQUIRE_TOOLS=${C27DESK_REQUIRE_TOOLS:-1}
.venv/bin/ruff check .
exec .venv/bin/python -m pytest "$@"
