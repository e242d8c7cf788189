"""build.spec as Windows reads it: checked here by running the spec with PyInstaller's build
objects recorded, since the Windows build itself cannot run on the CI machine."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_spec(tmp_path, monkeypatch, platform: str) -> dict:
    built: dict = {"EXE": []}
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package: [(f"{package}-data", package)]
    hooks.collect_submodules = lambda package: [package]
    hooks.copy_metadata = lambda package: [(f"{package}.dist-info", f"{package}.dist-info")]

    def record(kind):
        def make(*args, **kwargs):
            item = {"args": args, **kwargs}
            if kind == "EXE":
                built["EXE"].append(item)
            else:
                built[kind] = item
            return types.SimpleNamespace(kind=kind, name=kwargs.get("name"), pure=f"{kind}.pure",
                                         scripts=f"{kind}.scripts", binaries=f"{kind}.binaries",
                                         datas=f"{kind}.datas")
        return make

    namespace = {"SPECPATH": str(ROOT), "workpath": str(tmp_path), "__file__": str(ROOT / "build.spec"),
                 **{kind: record(kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT")}}
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
        patch.setattr(sys, "path", list(sys.path))  # the spec puts scripts/ on it
        patch.setattr(sys, "platform", platform)
        exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), namespace)  # noqa: S102
    return built


def test_windows_gets_a_window_program_and_a_console_program_in_one_folder(tmp_path, monkeypatch):
    built = run_spec(tmp_path, monkeypatch, "win32")
    exes = {e["name"]: e for e in built["EXE"]}
    assert exes["c27desk"]["console"] is False
    assert exes["c27desk-cli"]["console"] is True
    for name, exe in exes.items():
        assert exe["icon"] == str(ROOT / "resources" / "icons" / "c27desk.ico")
        version = Path(exe["version"]).read_text(encoding="utf-8")
        assert f"StringStruct('OriginalFilename', '{name}.exe')" in version
        assert exe["exclude_binaries"] is True  # the libraries go to the shared folder
        assert exe["args"][0].kind == "PYZ" and exe["args"][1] == "Analysis.scripts"  # the same program
    collected = built["COLLECT"]["args"]
    assert [(c.kind, c.name) for c in collected[:2]] == [("EXE", "c27desk"), ("EXE", "c27desk-cli")]
    assert collected[2:] == ("Analysis.binaries", "Analysis.datas")  # one copy of everything, shared
    assert built["COLLECT"]["name"] == "c27desk"
    datas = dict((target, source) for source, target in built["Analysis"]["datas"])
    assert Path(datas["resources"]) == ROOT / "resources" and Path(datas["db"]) == ROOT / "db"


@pytest.mark.parametrize("platform", ["linux"])
def test_elsewhere_no_icon_or_version_resource_is_asked_for(tmp_path, monkeypatch, platform):
    built = run_spec(tmp_path, monkeypatch, platform)
    assert [(e["name"], e["icon"], e["version"]) for e in built["EXE"]] == [
        ("c27desk", None, None), ("c27desk-cli", None, None)]
