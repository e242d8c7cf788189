#!/usr/bin/env bash
# Builds the one-folder program (dist/c27desk/) with PyInstaller and checks the built program
# headless: its version, the whole self-test, and a window drawn offscreen. Extra arguments go to
# PyInstaller. On Windows run the same build.spec: pyinstaller --noconfirm build.spec
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN "$@" build.spec
app=dist/c27desk/c27desk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen C27DESK_DB="$work/never-used.sqlite3" C27DESK_CONFIG_DIR="$work/config"
"$app" --version
"$app" selftest
test ! -e "$work/never-used.sqlite3"   # the self-test never touches the user's database
"$app" --db "$work/demo.sqlite3" demo
"$app" --db "$work/demo.sqlite3" gui --screenshot "$work/window.png" --period 2023
test -s "$work/window.png"
du -sh dist/c27desk
echo "c27desk build: dist/c27desk/ OK"
