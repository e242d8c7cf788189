"""`pip install .` gives a program that starts: the sdist carries the source tree's resources, the
wheel built from it carries them inside the package, and the installed copy passes its self-test
from a folder far from the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SDIST = "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"


def _run(*args, cwd: Path, env: dict | None = None) -> str:
    done = subprocess.run([*args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


SKIP_DIRS = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}


def _project_files() -> list[str]:
    """What a checkout holds: the files git knows or would add; outside git (an unpacked sdist),
    the tree without caches, builds and databases."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True)
    if listed.returncode == 0:
        return [n for n in listed.stdout.decode().split("\0") if n]
    names = []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.endswith(".egg-info")]
        names += [(Path(folder) / f).relative_to(ROOT).as_posix() for f in files if ".sqlite3" not in f]
    return names


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> tuple[Path, Path]:
    """The sdist of the working tree (files git knows or would add), and the wheel built from it."""
    work = tmp_path_factory.mktemp("dist")
    tree = work / "tree"
    for name in _project_files():
        if (ROOT / name).is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, tree / name)
    out = work / "out"
    out.mkdir()
    sdist = out / _run(sys.executable, "-c", SDIST, str(out), cwd=tree)
    with tarfile.open(sdist) as tf:
        tf.extractall(work / "unpacked", filter="data")
    unpacked = next((work / "unpacked").iterdir())
    # as `pip install .` does it: in an isolated build environment with pyproject's build requirements
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(unpacked),
         cwd=work)
    return next(out.glob("c27desk-*.whl")), sdist


def test_wheel_and_sdist_carry_every_resource(dists):
    wheel, sdist = dists
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_dist.py"), str(wheel), str(sdist)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_check_names_a_resource_the_wheel_lost(dists, tmp_path):
    wheel, sdist = dists
    broken = tmp_path / wheel.name
    with zipfile.ZipFile(wheel) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            if not item.filename.endswith("LICENSE-LiberationSerif.txt"):
                dst.writestr(item, src.read(item))
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_dist.py"), str(broken), str(sdist)],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "wheel lacks c27desk/_app/resources/fonts/LICENSE-LiberationSerif.txt" in done.stderr


def test_the_installed_wheel_runs_its_selftest_away_from_the_checkout(dists, tmp_path):
    wheel, _ = dists
    target = tmp_path / "site"
    _run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", str(target),
         str(wheel), cwd=tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "C27DESK_DB": str(elsewhere / "never.sqlite3")}
    env.pop("C27DESK_HOME", None)
    where = _run(sys.executable, "-c", "import c27desk.resources as r; print(r.app_root())", cwd=elsewhere, env=env)
    assert Path(where) == target / "c27desk" / "_app"
    out = subprocess.run([sys.executable, "-m", "c27desk", "selftest"], cwd=elsewhere, env=env, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert not (elsewhere / "never.sqlite3").exists()
