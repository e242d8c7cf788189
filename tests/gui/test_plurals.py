"""A count shown in the window takes the English plural: never "1 units"."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from c27desk.i18n import msg

GUI = Path(__file__).resolve().parents[2] / "c27desk" / "gui"
# a count placeholder ({n}, {got}/{n}, {total}) followed by a plural noun, maybe after one word
COUNTED = re.compile(r"\{(n|total|got|count|done|k)\}(/\{\w+\})?\s+(\w+\s+)?\w+s\b")


def counted_without_plural(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "msg" and len(node.args) >= 2):
                continue
            en = node.args[1]
            if any(k.arg == "plural" for k in node.keywords) or not isinstance(en, ast.Constant):
                continue
            if COUNTED.search(str(en.value)):
                found.append(f"{path.name}:{node.lineno}: {en.value}")
    return found


def test_every_count_in_the_window_has_an_english_plural():
    assert counted_without_plural(GUI) == []


def test_the_command_line_counts_too():
    # the same scan over the commands and the appendix check: "Year 2024: 1/1 units received" no more
    root = GUI.parent
    for folder in ("commands", "report"):
        assert [f for f in counted_without_plural(root / folder) if "units" in f or "pages" in f or "files" in f] == []


def test_one_unit_is_one_unit():
    # the consolidation's and the received list's heads, the chart note, the joined appendix
    one = msg("Năm {year}: đã nhận {got}/{n} đơn vị.", "{year}: {got}/{n} unit received.",
              plural="{year}: {got}/{n} units received.", year=2024, got=1, n=1)
    assert one.render("en") == "2024: 1/1 unit received."
    assert msg("{n}/{total} đơn vị", "{n}/{total} unit", plural="{n}/{total} units", count="total",
               n=0, total=1).render("en") == "0/1 unit"
