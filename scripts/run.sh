#!/usr/bin/env bash
# Sets up (first time) and opens c27desk on the default database.
#   bash scripts/run.sh            the program on your own database
#   bash scripts/run.sh --demo     the program on a demo database (Tỉnh ủy Đồng Nai, 2023)
#   bash scripts/run.sh ARGS...    any c27desk command, e.g. check --period 2023
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ "${1:-}" = "--demo" ]; then
  shift
  data_dir=$(.venv/bin/python -c 'import platformdirs; print(platformdirs.user_data_dir("c27desk", appauthor=False))')
  demo_db="$data_dir/demo.sqlite3"
  if [ ! -f "$demo_db" ]; then
    .venv/bin/c27desk --db "$demo_db" demo
  fi
  export C27DESK_DB="$demo_db"
fi
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$#" -eq 0 ]; then
  echo "c27desk: no screen found (DISPLAY is not set); running under Xvfb would need: xvfb-run -a bash scripts/run.sh" >&2
fi
exec .venv/bin/c27desk "$@"
