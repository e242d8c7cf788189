"""Five databases over three years: two communes, their district, the province and the centre.

2023 and 2024 run the old way (commune → district → province → centre). For 2025 the reform
abolishes the district, the communes report straight to the province and merge into one new
commune (which starts from both predecessors' figures), and the province renews its
certificate. Each office's consolidation of every year is checked before and after the reform.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from c27desk.cli import main
from c27desk.demo import demo_values_for_level
from tests.signing_support import PASSPHRASE, make_unit_keys

UNITS = {  # code: (name, level, parent)
    "TW": ("Ban Chấp hành Trung ương", "trung-uong", None),
    "TU-DN": ("Tỉnh ủy Đồng Nai", "tinh", "TW"),
    "HU-A": ("Huyện ủy An Phú", "huyen", "TU-DN"),
    "XA-1": ("Đảng ủy xã Một", "xa", "HU-A"),
    "XA-2": ("Đảng ủy xã Hai", "xa", "HU-A"),
    "XA-12": ("Đảng ủy xã Mười Hai", "xa", "TU-DN"),
}


def run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def cli(capsys, db: Path, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = run(db, *args)
    out = capsys.readouterr()
    return code, out.out + out.err


def own_report(db: Path, year: int, extra: str = "") -> None:
    replaced = {line.split(",")[0]: line for line in extra.splitlines() if line}
    asked = demo_values_for_level(UNITS[db.stem][1]).decode("utf-8-sig")  # only what the unit's level is asked
    csv = "".join(replaced.get(line.split(",")[0], line) + "\n" for line in asked.splitlines())
    path = db.with_suffix(f".{year}.csv")
    path.write_text(csv, encoding="utf-8")
    assert run(db, "values", "load", str(path), "--period", str(year)) == 0
    assert run(db, "period", "set", str(year), "--place", "Đồng Nai", "--signer-authority", "T/M BAN THƯỜNG VỤ",
               "--signer-title", "BÍ THƯ", "--signer-name", "Nguyễn Văn An", "--report-number", "1",
               "--report-date", f"{year + 1}-01-15", "--recipients", "- Lưu VP.") == 0
    assert run(db, "finalise", "--period", str(year), "--accept-warnings") == 0


def send(db: Path, year: int, keys, usb: Path, *extra: str) -> Path:
    assert run(db, "export", "--period", str(year), "--out", str(usb), "--sign-p12", str(keys.p12), *extra) == 0
    return usb


@pytest.fixture
def world(tmp_path, monkeypatch):
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    keys = {code: make_unit_keys(tmp_path / "keys" / code, code, UNITS[code][0]) for code in UNITS}
    dbs = {}
    for code in ("XA-1", "XA-2", "HU-A", "TU-DN", "TW"):
        name, level, parent = UNITS[code]
        dbs[code] = tmp_path / f"{code}.sqlite3"
        args = ["init", "--unit-code", code, "--unit-name", name, "--level", level, "--place", "Đồng Nai"]
        assert run(dbs[code], *args, *(["--parent", parent] if parent else [])) == 0
    for office, kids in (("HU-A", ("XA-1", "XA-2")), ("TU-DN", ("HU-A",)), ("TW", ("TU-DN",))):
        for kid in kids:
            assert run(dbs[office], "units", "add", "--code", kid, "--name", UNITS[kid][0], "--level",
                       UNITS[kid][1]) == 0
            assert run(dbs[office], "trust", "add-ca", str(keys[kid].ca_pem)) == 0
    return dbs, keys


def year_up_the_chain(dbs, keys, year: int, tmp_path: Path, communes: dict[str, str]) -> None:
    """Communes report to their office (district until 2024), each office imports, reports and sends on."""
    usb = tmp_path / f"usb-{year}"
    for office in ("HU-A", "TU-DN", "TW"):
        if year < 2025 or office != "HU-A":
            assert run(dbs[office], "period", "set", str(year)) == 0
    for code, extra in communes.items():
        own_report(dbs[code], year, extra)
        send(dbs[code], year, keys[code], usb / code)
    first = year == 2023
    def sign(*codes: str) -> tuple[str, ...]:  # a new signer is accepted per unit, naming it
        return ("--accept-new-signer", ",".join(codes)) if first else ()

    if year < 2025:
        assert run(dbs["HU-A"], "import", *(str(usb / c) for c in communes), *sign(*communes)) == 0
        own_report(dbs["HU-A"], year)
        send(dbs["HU-A"], year, keys["HU-A"], usb / "HU-A")
        assert run(dbs["TU-DN"], "import", str(usb / "HU-A"), *sign("HU-A")) == 0
    else:
        assert run(dbs["TU-DN"], "import", *(str(usb / c) for c in communes), "--accept-new-signer",
                   ",".join(communes)) == 0
    own_report(dbs["TU-DN"], year)
    renewed = ("--accept-signer",) if year == 2025 else ()  # the province's program noticed the new certificate
    send(dbs["TU-DN"], year, keys["TU-DN"], usb / "TU-DN", *renewed)
    renewal = ("--accept-new-signer", "TU-DN") if first or year == 2025 else ()
    assert run(dbs["TW"], "import", str(usb / "TU-DN"), *renewal) == 0


def test_2023_2024_then_the_2025_reform(world, tmp_path, capsys, monkeypatch):
    dbs, keys = world
    year_up_the_chain(dbs, keys, 2023, tmp_path, {"XA-1": "II.1,500,\n", "XA-2": "II.1,600,\n"})
    year_up_the_chain(dbs, keys, 2024, tmp_path, {"XA-1": "II.1,510,\n", "XA-2": "II.1,620,\n"})
    before = {(office, year): cli(capsys, dbs[office], "consolidate", "--period", str(year))
              for office in ("HU-A", "TU-DN", "TW") for year in (2023, 2024)}
    assert "XA-1             r1" in before["HU-A", 2023][1] and "XA-2             r1" in before["HU-A", 2024][1]
    assert "HU-A             r1" in before["TU-DN", 2024][1]

    # -- the reform, as the province records it ----------------------------------------------------
    p = dbs["TU-DN"]
    for code in ("XA-1", "XA-2"):  # the province holds the communes from the year they report to it
        assert run(p, "units", "add", "--code", code, "--name", UNITS[code][0], "--level", "xa", "--parent",
                   "HU-A") == 1  # from the newest open period, 2024, already reported on: refused
        assert run(p, "units", "add", "--code", code, "--name", UNITS[code][0], "--level", "xa", "--parent",
                   "TU-DN", "--from", "2025") == 0
    assert run(p, "units", "retire", "--code", "HU-A", "--from", "2025") == 0
    assert run(p, "units", "merge", "XA-1", "XA-2", "--into", "XA-12", "--name", UNITS["XA-12"][0],
               "--from", "2025") == 0
    assert run(p, "trust", "add-ca", str(keys["XA-12"].ca_pem)) == 0
    # ... and the new commune, in what was commune 1's database, takes in commune 2's history
    x = dbs["XA-1"]
    assert run(x, "units", "history", str(dbs["XA-2"])) == 1  # not yet recorded as merged: refused
    assert run(x, "units", "add", "--code", "XA-2", "--name", UNITS["XA-2"][0], "--level", "xa", "--parent",
               "TU-DN", "--from", "2025") == 0
    assert run(x, "units", "merge", "XA-1", "XA-2", "--into", "XA-12", "--name", UNITS["XA-12"][0], "--parent",
               "TU-DN", "--from", "2025") == 0
    assert run(x, "units", "history", str(dbs["XA-2"])) == 0
    assert run(x, "period", "set", "2025") == 0
    code, out = cli(capsys, x, "carry-forward", "--period", "2025", "--from-predecessors")
    assert code == 0, out
    code, out = cli(capsys, x, "values", "dump", "--period", "2025")
    assert 'II.1,1130,"Cộng từ XA-1: 510, XA-2: 620."' in out  # both predecessors' computers, unconfirmed
    dbs["XA-12"] = x  # commune 1's database now reports as XA-12
    # the province's new certificate (renewed) signs from now on; the centre trusts its CA
    renewed = make_unit_keys(tmp_path / "keys" / "renewed", "TU-DN", UNITS["TU-DN"][0])
    assert run(dbs["TW"], "trust", "add-ca", str(renewed.ca_pem)) == 0
    keys = {**keys, "TU-DN": renewed}
    year_up_the_chain(dbs, keys, 2025, tmp_path, {"XA-12": "II.1,1130,\n"})

    # history reads the same after the reform, even when an old file is imported again
    code, out = cli(capsys, p, "import", str(tmp_path / "usb-2023" / "HU-A"))
    assert code == 0 and out.startswith("ĐÃ CÓ")
    for (office, year), seen in before.items():
        assert cli(capsys, dbs[office], "consolidate", "--period", str(year)) == seen
    code, out = cli(capsys, p, "consolidate", "--period", "2025")
    assert "XA-12            r1" in out and "HU-A" not in out and "CHƯA NỘP" not in out
    # the centre holds the province's 2025 revision, signed by the renewed certificate
    code, out = cli(capsys, dbs["TW"], "consolidate", "--period", "2025")
    assert "TU-DN            r1" in out
    code, out = cli(capsys, dbs["TW"], "--lang", "en", "units", "signers")
    assert renewed.code in out and "SHA-256" in out
