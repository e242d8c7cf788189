"""What the program says in one language holds no words of the other, outside names and user data.

Every refusal code is said with realistic details, and every command of the command line is run — its
help, and its output on a unit's database (the demo), on an office's database that receives, accepts,
refuses and consolidates its units' packages, and in failing invocations — once in English and once in
Vietnamese. English output may hold no letter with a Vietnamese diacritic and none of the common
unaccented Vietnamese words; Vietnamese output none of a list of common English words. Names and the
form's wording are data: every text the databases hold (unit names, the form's wording, explanations,
certificate subjects, …) is masked before looking, and so are quoted texts, paths, option names and
command words (``c27desk units add``), which are the same in both languages.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
from pathlib import Path

import pytest

from c27desk.exchange.reasons import REASON_TEXTS, Reason, reason_text
from c27desk.i18n import Lang, byte_size, joined, msg, verbatim

VIETNAMESE_LETTERS = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
                                re.IGNORECASE)
VIETNAMESE_WORDS = re.compile(r"\b(khong|duoc|chua|cua|voi|nhung|nhan|tep|bao cao|don vi)\b", re.IGNORECASE)
ENGLISH_WORDS = re.compile(
    r"\b(the|not|file|files|error|errors|package|packages|unit|units|warning|warnings|received|refused|accepted|"
    r"report|reports|and|of|is|are|with|cannot|year|revision|signer|value|values|form|forms|missing|invalid|"
    r"no|yes|new|old|found|folder|database|signature|certificate|period|written|wrote|saved|usage|options|"
    r"arguments|required|expected|choose|show|help|exit)\b", re.IGNORECASE)

#: The column names of the values file (criterion,value,explanation): a file format, the same in both languages.
FORMAT_TOKENS = ("criterion,value,explanation",)


def masked(text: str, data: list[str]) -> str:
    """``text`` with the parts that are the same in both languages blanked out."""
    for item in data:
        text = text.replace(item, " ")
    text = re.sub(r"“[^”]*”|«[^»]*»", " ", text)  # quoted user data
    text = re.sub(r"(?<![\w/])(?:[A-Za-z]:)?[/\\][^\s:;,()]+", " ", text)  # paths
    text = re.sub(r"c27desk(?: [a-z][\w-]*)*", " ", text)  # commands as typed
    text = re.sub(r"^\s+[a-z][\w-]*(?=\s{2,}|$)", " ", text)  # a command listed in a help
    text = re.sub(r"'[\w-]+'", " ", text)  # a choice as argparse quotes it
    text = re.sub(r"--?[\w-]+", " ", text)  # options
    text = re.sub(r"\{[^}]*\}|\b[\w-]+(?:\|[\w-]+)+\b", " ", text)  # choices
    text = re.sub(r"\[[A-Z_]+\]|\b[A-Z]{2,}(?:_[A-Z]+)+\b", " ", text)  # refusal codes
    text = re.sub(r"(?:[A-Z]{1,2}=[^,;\n]*[,;]?\s*)+", " ", text)  # certificate subjects (CN=…, O=…)
    text = re.sub(r"\b[\w.-]+\.(?:c27|c27form|pdf|xlsx|csv|json|pem|p12|sqlite3)\b", " ", text)  # file names
    return text


def offenders(text: str, lang: str, data: list[str]) -> list[str]:
    """The lines of ``text`` holding a word of the other language, with the words found."""
    found = []
    pattern = [VIETNAMESE_LETTERS, VIETNAMESE_WORDS] if lang == "en" else [ENGLISH_WORDS]
    for line in text.splitlines():
        rest = masked(line, data)
        hits = [m.group(0) for p in pattern for m in p.finditer(rest)]
        if hits:
            found.append(f"{line!r}: {sorted(set(hits))}")
    return found


def database_texts(*paths: Path) -> list[str]:
    """Every text the databases hold (and every string inside the JSON they hold): names and wording."""
    texts: set[str] = set()

    def take(value) -> None:
        if isinstance(value, str):
            texts.update(part.strip() for part in value.splitlines() if len(part.strip()) > 1)
            try:
                inner = json.loads(value)
            except ValueError:
                return
            if not isinstance(inner, str):
                take(inner)
        elif isinstance(value, dict):
            for v in value.values():
                take(v)
        elif isinstance(value, list):
            for v in value:
                take(v)

    for path in paths:
        if not path.exists():
            continue
        conn = sqlite3.connect(path)
        try:
            for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
                for row in conn.execute(f'SELECT * FROM "{table}"'):
                    for value in row:
                        take(value)
        finally:
            conn.close()
    return sorted(texts | form_texts() | set(FORMAT_TOKENS), key=len, reverse=True)


def form_texts() -> set[str]:
    """The form's wording as it is shown: rendered for each year and level (``năm {year}`` → ``năm 2023``)."""
    from c27desk.catalogs import shipped_catalogues
    from c27desk.model.catalogue import parse_catalogue
    from c27desk.report.trial_keys import TRIAL
    from c27desk.selftest import UNIT_NAME

    texts = {UNIT_NAME, TRIAL}  # trial certificates carry "DÙNG THỬ" in their names
    for base in shipped_catalogues():
        for year in range(base.year, base.year + 4):
            for level in (None, *base.levels):
                cat = parse_catalogue(base.raw, base.key, year=year, level=level)
                texts.add(cat.title)
                for section, _depth in cat.walk_sections():
                    texts.add(section.title)
                for crit in cat.criteria:
                    texts.update(t for t in (crit.text, crit.label, crit.unit) if t)
                    texts.update(code.meaning for code in crit.codes)
    return {t for t in texts if len(t) > 1}


# -- the refusal codes ---------------------------------------------------------------------------------
DETAILS = [verbatim("HU-BIENHOA"), msg("không phải tệp zip", "not a zip file"),
           joined("{name}: {size} > {limit}", name="data.json", size=byte_size(9000000), limit=byte_size(2000000))]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_refusal_code_speaks_one_language(lang):
    assert set(REASON_TEXTS) == set(Reason)  # every code has its words, and every worded code is a code
    said = [reason_text(code, detail).render(Lang(lang)) for code in Reason for detail in DETAILS]
    bad = [line for text in said for line in offenders(text, lang, ["HU-BIENHOA"])]
    assert not bad, "\n".join(bad)


def test_the_check_finds_the_other_language():
    assert offenders("not a valid report package: không phải tệp zip", "en", [])
    assert offenders("Đã nhận 2 package", "vi", [])
    assert not offenders("REFUSED: a.c27 [MALFORMED] Not a valid report package: not a zip file.", "en", [])
    assert not offenders("Unit HU-A: Huyện ủy Biên Hòa", "en", ["Huyện ủy Biên Hòa"])


# -- every command --------------------------------------------------------------------------------------
def leaf_commands() -> set[str]:
    """Every command a user can type: ``check``, ``catalog show``, … (from the parser itself)."""
    from c27desk.cli import build_parser

    leaves = set()
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
                leaves |= {f"{name} {n}" for a in nested for n in a.choices} if nested else {name}
    return leaves


def command_of(args: list[str]) -> str:
    words = [a for a in args if not a.startswith("-")]
    if not words:
        return ""
    if words[0] in ("catalog", "values", "received") and len(words) > 1:
        return f"{words[0]} {words[1]}"
    return words[0]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_command_help_and_usage_error_speaks_one_language(lang, capsys, monkeypatch):
    from c27desk.cli import main

    monkeypatch.setenv("COLUMNS", "200")  # one help line per option: a quoted example is never wrapped apart

    said = []
    commands = leaf_commands()
    for command in sorted(commands | {c.split()[0] for c in commands} | {""}):
        with pytest.raises(SystemExit) as done:
            main(["--lang", lang, *command.split(), "--help"])
        assert done.value.code == 0
        said.append(capsys.readouterr().out)
    for wrong in (["check"], ["catalog"], ["period", "nonsense"], ["check", "--period", "MMXXIII"], ["nonsense"],
                  ["import", "--bogus"], ["received", "appendix", "--unit", "A", "--all", "--period", "2023"]):
        with pytest.raises(SystemExit) as done:
            main(["--lang", lang, *wrong])
        assert done.value.code == 2
        said.append(capsys.readouterr().err)
    bad = offenders("\n".join(said), lang, list(FORMAT_TOKENS))
    assert not bad, "\n".join(bad)


@pytest.fixture
def scene(office, child_keys, unit_keys, tmp_path, monkeypatch):
    """The files the commands are run on: the office's database, its units' packages on a stick, a unit's
    signing keys (the demo province signs its own report too), and files that are not what they claim."""
    from tests.exchange.support import make_child
    from tests.signing_support import PASSPHRASE

    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    usb = tmp_path / "usb"
    bienhoa = make_child(tmp_path / "bienhoa.sqlite3", "HU-BIENHOA", "Huyện ủy Biên Hòa", reopen_with="VI.5,4,\n")
    longkhanh = make_child(tmp_path / "longkhanh.sqlite3", "HU-LONGKHANH", "Huyện ủy Long Khánh",
                           changes="II.1,450,\nVI.5,3,\n")
    from tests.exchange.support import export

    for db, code in ((bienhoa, "HU-BIENHOA"), (longkhanh, "HU-LONGKHANH")):
        export(db, child_keys[code].p12_spec(), usb)
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "a.c27").write_bytes(b"not a zip")
    (junk / "b.csv").write_text("criterion,value,explanation\nXX.9,abc,\n", encoding="utf-8")
    (junk / "c.c27form").write_bytes(b"PK\x03\x04broken")
    return {"office": office, "usb": usb, "junk": junk, "tmp": tmp_path, "unit_keys": unit_keys,
            "child_keys": child_keys, "children": [bienhoa, longkhanh]}


def invocations(s: dict, lang: str) -> list[tuple[str, list[str]]]:
    """(database, arguments) for every command, succeeding and failing, in the order a user would go."""
    t, j, keys = s["tmp"] / lang, s["junk"], s["unit_keys"]
    t.mkdir()
    form = Path(__file__).resolve().parents[1] / "resources" / "catalogs" / "p27-2023.json"
    bh_cert = s["child_keys"]["HU-BIENHOA"].cert_pem
    unit = [
        ["check"], ["check", "--period", "2023"], ["check", "--period", "2023", "--unit", "XA-NONE"],
        ["period", "list"], ["period", "show", "2023"], ["period", "show"],
        ["period", "set", "2023", "--report-date", "31/02/2024"], ["period", "set", "2023", "--place", "Biên Hòa"],
        ["values", "dump", "--period", "2023"], ["values", "load", str(j / "b.csv"), "--period", "2023"],
        ["values", "confirm", "--all", "--period", "2023"], ["values", "confirm", "--period", "2023"],
        ["catalog", "show", "--period", "2023"], ["catalog", "show", "--level", "nowhere"], ["catalog", "list"],
        ["catalog", "validate", str(form)], ["catalog", "validate", str(j / "b.csv")],
        ["catalog", "to-xlsx", "--period", "2023", "--out", str(t / "f.xlsx")],
        ["catalog", "from-xlsx", str(t / "f.xlsx"), "--out", str(t / "f.json")],
        ["catalog", "install", str(j / "c.c27form")],
        ["catalog", "publish", "--period", "2023", "--out", str(t), "--sign-p12", str(keys.p12)],
        ["levels"], ["levels", "add"], ["units", "add"], ["units", "signers"],
        ["finalise", "--period", "2023"], ["finalise", "--period", "2023", "--accept-warnings"],
        ["appendix", "--period", "2023", "--out", str(t / "a.pdf"), "--sign-p12", str(keys.p12)],
        ["verify", str(t / "a.pdf")], ["verify", str(t / "a.pdf"), "--trust", str(keys.ca_pem)],
        ["verify", str(j / "a.c27")],
        ["keys", "demo", "--out", str(t / "keys"), "--unit-code", "XA-THU"],
        ["signing", "show"], ["signing", "set", "--p12", str(keys.p12)], ["signing", "show"],
        ["export", "--period", "2023", "--out", str(t / "up")],
        ["export", "--period", "2023", "--out", str(t / "up"), "--sign"],
        ["reopen", "--period", "2023", "--yes"], ["reopen", "--period", "2023", "--yes"],
        ["carry-forward", "--period", "2031"], ["carry-forward", "--period", "2024"],
        ["backup"], ["backup", "--list"], ["restore", str(j / "a.c27")],
        ["init", "--unit-code", "TU-DONGNAI", "--place", "Biên Hòa"], ["init", "--unit-code", "TU-NEW"], ["demo"],
        ["trust", "list"], ["trust", "add-ca"], ["trust", "remove", "--fingerprint", "00000000"],
        ["selftest"],
    ]
    office = [
        ["import"], ["import", str(j)], ["import", str(s["usb"])], ["import", "--dry-run", str(s["usb"])],
        ["import", "--dry-run", "--json", str(j), str(s["usb"])],
        ["import", str(s["usb"]), "--accept-new-signer", "HU-BIENHOA,HU-LONGKHANH"],
        ["import", str(s["usb"])], ["import", "--archive"],
        ["received", "list", "--period", "2023"],
        ["received", "appendix", "--unit", "HU-BIENHOA", "--period", "2023", "--out", str(t / "bh.pdf")],
        ["received", "appendix", "--unit", "HU-NHONTRACH", "--period", "2023", "--out", str(t / "nt.pdf")],
        ["received", "appendix", "--all", "--period", "2023", "--out", str(t / "all.pdf")],
        ["consolidate", "--period", "2023"], ["consolidate", "--period", "2023", "--propose"],
        ["consolidate", "--period", "2023", "--out", str(t / "c.xlsx")],
        ["consolidate", "--period", "2023", "--accept", "XX.1"], ["consolidate", "--period", "2023", "--accept"],
        ["check", "--period", "2023"], ["check", "--period", "2023", "--unit", "HU-BIENHOA"],
        ["units", "list"], ["units", "list", "--year", "2023"], ["units", "signers"],
        ["units", "rename", "--code", "HU-NHONTRACH", "--name", "Thành ủy Nhơn Trạch", "--from", "2024"],
        ["units", "move", "--code", "HU-LONGKHANH", "--parent", "TU-DONGNAI", "--from", "2024"],
        ["units", "merge", "HU-NHONTRACH", "--into", "HU-NT", "--from", "2025", "--name", "Thành ủy Nhơn Trạch"],
        ["units", "retire", "--code", "HU-NT", "--from", "2026"],
        ["units", "unpin", "--code", "HU-BIENHOA"], ["units", "pin", "--code", "HU-BIENHOA", "--cert", str(bh_cert)],
        ["units", "history", str(j / "a.c27")], ["units", "add", "--code", "HU-X"],
        ["period", "close", "2023"], ["import", str(s["usb"])], ["period", "open", "2023"],
    ]
    return [("unit", a) for a in unit] + [("office", a) for a in office]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_command_speaks_one_language(lang, scene, capsys, tmp_path):
    from c27desk.cli import main
    from tests.exchange.support import copy_db

    def cli(*args: str, db: Path) -> tuple[int, str, str]:
        try:
            code = main(["--db", str(db), *args])
        except SystemExit as exc:  # a usage error, as argparse ends it
            code = int(exc.code or 0)
        said = capsys.readouterr()
        return code, said.out, said.err

    dbs = {"unit": copy_db(scene["office"], tmp_path / f"unit-{lang}.sqlite3"),
           "office": copy_db(scene["office"], tmp_path / f"office-{lang}.sqlite3")}
    runs = []
    for which, args in invocations(scene, lang):
        code, out, err = cli("--lang", lang, *args, db=dbs[which])
        if "--json" in args:  # for scripts: its keys are the same in both languages, its messages are not
            out = "\n".join(item["message"] for item in json.loads(out))
        runs.append((args, code, out, err))
    if os.environ.get("C27DESK_DUMP_OUTPUTS"):  # for reading what was said: C27DESK_DUMP_OUTPUTS=FILE
        with open(f"{os.environ['C27DESK_DUMP_OUTPUTS']}.{lang}", "w", encoding="utf-8") as dump:
            for args, code, out, err in runs:
                dump.write(f"$ c27desk {' '.join(args)}  → {code}\n{out}{err}\n")
    covered = {command_of(args) for args, *_ in runs}
    assert leaf_commands() - covered <= {"gui"}, "commands never run here: " + ", ".join(sorted(leaf_commands()
                                                                                               - covered))
    assert {code for _, code, _, _ in runs} >= {0, 1, 2}  # successes, refusals and usage errors were all seen
    data = sorted({*database_texts(*dbs.values(), *scene["children"]),
                   *(name for keys in (*scene["child_keys"].values(), scene["unit_keys"]) for name in _subjects(keys))},
                  key=len, reverse=True)
    bad = []
    for args, _code, out, err in runs:
        for line in offenders(out + err, lang, data):
            bad.append(f"{' '.join(args)[:80]}\n    {line}")
    assert not bad, f"{len(bad)} lines in the other language:\n" + "\n".join(bad)


def _subjects(keys) -> list[str]:
    from c27desk.exchange import certs

    cert = certs.load_pem_file(keys.cert_pem)
    return [certs.subject(cert), *certs.subject_fields(cert), keys.name]


def test_values_are_shown_with_the_readers_decimal_mark():
    """The import's changes and the consolidation's proposals show 12,5 in Vietnamese, as the window does."""
    from c27desk.exchange.importer import entry_text, value_text
    from c27desk.i18n import set_language
    from c27desk.model.values import Entry

    entry = Entry("VIII.6", "195.2", "triệu đồng", "answered")
    set_language("vi")
    assert entry_text(entry) == "195,2 «triệu đồng»" and value_text("12.5") == "12,5" and value_text("A") == "A"
    set_language("en")
    assert entry_text(entry) == "195.2 «triệu đồng»" and value_text("12.5") == "12.5"
    assert value_text("v1.2") == "v1.2"  # only numbers take the reader's decimal mark
