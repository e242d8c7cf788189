#!/usr/bin/env bash
# Builds the one-folder program (dist/c27desk/) with PyInstaller and checks the built program
# headless: both executables' version, the whole self-test, and a window drawn offscreen. Extra
# arguments go to PyInstaller. On Windows run the same build.spec: pyinstaller --noconfirm build.spec
#   C27DESK_PYTHON=/path/to/python  use that Python instead of .venv's (no setup.sh then)
#   C27DESK_BUILD_DIR=/tmp/x        build into /tmp/x/dist and /tmp/x/build instead of ./
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${C27DESK_PYTHON:-}" ]; then
  bash scripts/setup.sh
fi
py=${C27DESK_PYTHON:-.venv/bin/python}
out=${C27DESK_BUILD_DIR:-.}        # dist/ and build/ go here
"$py" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$out/dist" --workpath "$out/build" "$@" \
  build.spec
window=$out/dist/c27desk/c27desk   # c27desk.exe on Windows: no console
cli=$out/dist/c27desk/c27desk-cli  # c27desk-cli.exe: the command line
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen C27DESK_DB="$work/never-used.sqlite3" C27DESK_CONFIG_DIR="$work/config"
"$cli" --version
"$window" --version
"$cli" selftest
test ! -e "$work/never-used.sqlite3"   # the self-test never touches the user's database
"$cli" --db "$work/demo.sqlite3" demo
"$window" --db "$work/demo.sqlite3" gui --screenshot "$work/window.png" --period 2023
test -s "$work/window.png"
du -sh "$out/dist/c27desk"
echo "c27desk build: $out/dist/c27desk/ (c27desk, c27desk-cli) OK"
