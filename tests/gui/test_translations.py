"""Every window text has an English translation, and the compiled file is up to date with it."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "c27desk_en.ts"


def test_every_window_text_is_translated(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted((ROOT / "c27desk" / "gui").rglob("*.py"))]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {m.findtext("source") for m in ET.parse(fresh).iter("message")}
    shipped = {m.findtext("source"): m.findtext("translation") for m in ET.parse(TS).iter("message")}
    missing = sorted(in_code - set(shipped))
    assert not missing, f"run scripts/translate_en.py; untranslated: {missing}"
    assert all(shipped[s] for s in in_code)
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    for context in ET.parse(TS).iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            # the compiled file answers what the .ts says: a stale .qm fails here
            assert translator.translate(name, m.findtext("source")) == m.findtext("translation")
    assert translator.translate("MainWindow", "&Báo cáo") == "&Report"
