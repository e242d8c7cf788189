"""Checks that a built wheel and sdist carry everything the program needs at run time.

    python scripts/check_dist.py dist/c27desk-X-py3-none-any.whl dist/c27desk-X.tar.gz

Every file of the source tree's ``resources/`` and ``db/`` and every module of ``c27desk/`` must
be in both: in the wheel under ``c27desk/_app/`` (where the resource locator looks, see setup.py),
in the sdist at its own place. The required resources (c27desk.resources.REQUIRED_RESOURCES) must
exist in the source tree to begin with. Prints what is missing and exits 1; exits 0 when whole.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = ("__pycache__", ".pyc")


def source_files() -> list[str]:
    """The files a distribution must carry, relative to the source root."""
    files = []
    for folder in ("resources", "db", "c27desk"):
        for path in sorted((ROOT / folder).rglob("*")):
            rel = path.relative_to(ROOT).as_posix()
            if path.is_file() and not any(s in rel for s in SKIP) and (folder != "c27desk" or rel.endswith(".py")):
                files.append(rel)
    return files


def wheel_name(rel: str) -> str:
    """Where a source file sits inside the wheel."""
    return rel if rel.startswith("c27desk/") else f"c27desk/_app/{rel}"


def missing_in_wheel(wheel: Path, files: list[str]) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        entry_points = next((zf.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt")), "")
    missing = [wheel_name(rel) for rel in files if wheel_name(rel) not in names]
    if "c27desk = c27desk.cli:run" not in entry_points:
        missing.append("entry point c27desk = c27desk.cli:run")
    return missing


def missing_in_sdist(sdist: Path, files: list[str]) -> list[str]:
    with tarfile.open(sdist) as tf:
        names = {name.split("/", 1)[1] for name in tf.getnames() if "/" in name}
    needed = [*files, "pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "build.spec"]
    return [rel for rel in needed if rel not in names]


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].endswith(".whl") or not argv[1].endswith(".tar.gz"):
        print("usage: check_dist.py WHEEL.whl SDIST.tar.gz", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    from c27desk.resources import REQUIRED_RESOURCES

    files = source_files()
    problems = [f"source tree lacks resources/{name}" for name in REQUIRED_RESOURCES
                if f"resources/{name}" not in files]
    problems += [f"wheel lacks {name}" for name in missing_in_wheel(Path(argv[0]), files)]
    problems += [f"sdist lacks {name}" for name in missing_in_sdist(Path(argv[1]), files)]
    for line in problems:
        print(f"check_dist: {line}", file=sys.stderr)
    if problems:
        return 1
    print(f"check_dist: wheel and sdist carry all {len(files)} files (resources/, db/, c27desk/)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
