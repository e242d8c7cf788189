"""Every message the program builds says the same things in both languages.

The AST of every module under ``c27desk/`` is read (no import, so a message on a path no test runs
is checked too): each ``msg(...)`` whose texts are literal strings must carry the same named
placeholders in Vietnamese, English and the English plural, none positional, and be given a value
for each; each error raised for a person (``C27Error`` and its subclasses) must be given a
``msg(...)`` (or another Text), not two strings.
"""

from __future__ import annotations

import ast
import functools
import re
import string
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "c27desk"

#: Two-string ``SomeError(vi, en)`` calls allowed, counted per file: none is left, and none may come
#: back (the test fails when a file has more than listed, and reminds when it has fewer).
TWO_STRING_ERRORS_ALLOWED: dict[str, int] = {}


def _modules() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if "__pycache__" not in p.parts)


@functools.cache
def _tree(path: Path) -> ast.Module:
    """A module's syntax tree, read once per run (and again when the text changed, as in the self-test)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _parsed(path: Path) -> ast.Module:
    return _tree(path) if path.is_relative_to(_PACKAGE) else ast.parse(path.read_text(encoding="utf-8"))


_PACKAGE = ROOT


def _literal(node: ast.AST) -> str | None:
    """The string a literal (or implicit concatenation) holds; None for an f-string or an expression."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _names(template: str, where: str) -> frozenset[str]:
    names = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is None:
            continue
        assert name and not name.isdigit(), f"{where}: positional placeholder in {template!r}: name it"
        names.add(name.split(".")[0].split("[")[0])
    return frozenset(names)


def _error_classes() -> set[str]:
    """C27Error and every class deriving from it anywhere in the package (by name, transitively)."""
    bases: dict[str, set[str]] = {}
    for path in _modules():
        for node in ast.walk(_parsed(path)):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    b.id if isinstance(b, ast.Name) else b.attr for b in node.bases if isinstance(b, (ast.Name,
                                                                                                   ast.Attribute)))
    found = {"C27Error"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _msg_calls():
    for path in _modules():
        rel = path.relative_to(ROOT.parent).as_posix()
        for node in ast.walk(_parsed(path)):
            if isinstance(node, ast.Call) and _call_name(node) == "msg":
                yield rel, node


def test_the_walk_sees_the_messages():
    """A walk that finds nothing checks nothing: the package says hundreds of things through msg."""
    assert sum(1 for _ in _msg_calls()) > 300


@pytest.mark.parametrize("rel", sorted({rel for rel, _ in _msg_calls()}))
def test_both_languages_carry_the_same_placeholders(rel):
    problems = []
    module = ROOT.parent / rel
    for node in ast.walk(_parsed(module)):
        if not (isinstance(node, ast.Call) and _call_name(node) == "msg"):
            continue
        where = f"{rel}:{node.lineno}"
        texts = [_literal(a) for a in node.args[:2]]
        keywords = {k.arg: k.value for k in node.keywords if k.arg is not None}
        if "plural" in keywords:
            texts.append(_literal(keywords["plural"]))
        if len(node.args) < 2:
            problems.append(f"{where}: msg needs the Vietnamese and the English text")
            continue
        if any(isinstance(a, ast.JoinedStr) for a in [*node.args[:2], keywords.get("plural")]):
            problems.append(f"{where}: msg's texts must be literal strings, not f-strings: the placeholders "
                            "are named and filled by msg")
            continue
        if any(t is None for t in texts):
            continue  # texts computed elsewhere (the legacy C27Error(vi, en) adapter): checked when built
        try:
            wanted = _names(texts[0], where)
            for other in texts[1:]:
                if _names(other, where) != wanted:
                    problems.append(f"{where}: {texts[0]!r} and {other!r} carry different placeholders")
        except AssertionError as exc:
            problems.append(str(exc))
            continue
        if any(k.arg is None for k in node.keywords):
            continue  # values spread from a mapping: checked when the Text is built
        given = set(keywords) - {"plural", "count"}
        if given != wanted:
            problems.append(f"{where}: values {sorted(given)} do not fill {sorted(wanted)}")
        if "plural" in keywords:
            count = _literal(keywords["count"]) if "count" in keywords else "n"
            if count not in wanted:
                problems.append(f"{where}: a plural needs its count ({count!r}) among the placeholders")
    assert not problems, "\n".join(problems)


def _two_string_errors() -> Counter:
    classes = _error_classes()
    found: Counter = Counter()
    for path in _modules():
        rel = path.relative_to(ROOT.parent).as_posix()
        for node in ast.walk(_parsed(path)):
            if isinstance(node, ast.Call) and _call_name(node) in classes and len(node.args) >= 2 and all(
                    isinstance(a, (ast.Constant, ast.JoinedStr, ast.BinOp)) for a in node.args[:2]):
                found[rel] += 1
    return found


def test_errors_are_raised_with_a_message_not_two_strings():
    found = _two_string_errors()
    over = {f: n for f, n in found.items() if n > TWO_STRING_ERRORS_ALLOWED.get(f, 0)}
    assert not over, ("C27Error(vi, en) where msg(vi, en, name=…) belongs (file: calls found, beyond the "
                      f"allow-list): {over}")


def test_the_allow_list_only_shrinks():
    """An entry that no longer matches (the file was converted) is taken out of the list."""
    found = _two_string_errors()
    stale = {f: (n, found.get(f, 0)) for f, n in TWO_STRING_ERRORS_ALLOWED.items() if found.get(f, 0) < n}
    assert not stale, f"lower or remove these allow-list entries (allowed, found): {stale}"


def test_the_check_catches_a_mismatch(tmp_path):
    """The placeholder check itself: a message whose English lost a placeholder is reported."""
    bad = tmp_path / "c27desk"
    bad.mkdir()
    (bad / "bad.py").write_text('msg("Đã ghi {file}.", "Wrote it.", file=x)\nC27Error("a", "b")\n', encoding="utf-8")
    globals_ = globals()
    old = globals_["ROOT"]
    globals_["ROOT"] = bad
    try:
        calls = list(_msg_calls())
        assert len(calls) == 1
        with pytest.raises(AssertionError, match="different placeholders"):
            test_both_languages_carry_the_same_placeholders(calls[0][0])
        assert _two_string_errors() == Counter({"c27desk/bad.py": 1})
    finally:
        globals_["ROOT"] = old


def test_refusal_details_are_texts_not_two_languages_in_one_string():
    """``refuse(code, detail)``: words go in a msg(...) Text; a bare string is a quoted name (a file, a unit
    code, a subject), never "tiếng Việt / English" that each reader would get both halves of."""
    found = []
    for path in _modules():
        rel = path.relative_to(ROOT.parent).as_posix()
        for node in ast.walk(_parsed(path)):
            if isinstance(node, ast.Call) and _call_name(node) == "refuse" and len(node.args) > 1:
                detail = node.args[1]
                parts = [detail] if isinstance(detail, ast.Constant) else \
                    [v for v in detail.values if isinstance(v, ast.Constant)] if isinstance(detail, ast.JoinedStr) else []
                if any(isinstance(p.value, str) and (" / " in p.value or re.search(_VIETNAMESE, p.value))
                       for p in parts):
                    found.append(f"{rel}:{node.lineno}")
    assert not found, f"refusal details with words in a bare string (use msg): {found}"


_VIETNAMESE = r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]"
