#!/usr/bin/env bash
# Builds the sdist and the wheel (dist/python/), checks that both carry every resource, then
# installs the wheel into a fresh virtualenv outside the source tree and runs the installed
# program from another folder: its version and the whole self-test. So `pip install c27desk-….whl`
# is known to give a program that starts, with nothing borrowed from the checkout.
#   C27DESK_PYTHON=/path/to/python  use that Python (with `build` installed) instead of .venv's
#   C27DESK_BUILD_DIR=/tmp/x        put the files in /tmp/x/dist/python instead of ./dist/python
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${C27DESK_PYTHON:-}" ]; then
  bash scripts/setup.sh
fi
py=${C27DESK_PYTHON:-.venv/bin/python}
out=${C27DESK_BUILD_DIR:-.}/dist/python
rm -rf "$out"
# the sdist first, then the wheel built from the sdist (python -m build's default): a resource
# the sdist forgets cannot reach the wheel either
"$py" -m build --outdir "$out" . >/dev/null
wheel=$(ls "$out"/c27desk-*.whl)
sdist=$(ls "$out"/c27desk-*.tar.gz)
"$py" scripts/check_dist.py "$wheel" "$sdist"

work=$(mktemp -d /tmp/c27desk-dist.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$py" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet "$wheel"
mkdir "$work/elsewhere"
cd "$work/elsewhere"   # nothing of the checkout on the path
export QT_QPA_PLATFORM=offscreen C27DESK_DB="$work/never-used.sqlite3" C27DESK_CONFIG_DIR="$work/config"
unset C27DESK_HOME PYTHONPATH
"$work/venv/bin/c27desk" --version
"$work/venv/bin/c27desk" selftest
test ! -e "$work/never-used.sqlite3"   # the self-test never touches the user's database
echo "c27desk dist: $(basename "$wheel") and $(basename "$sdist") OK"
