"""Forms: worded for each year, distributed signed, read per level, rolled up level by level."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import zipfile
from decimal import Decimal

import pytest

from c27desk.catalogs import catalogue_for_year
from c27desk.consolidate.summary import accept_proposals, consolidate, proposals
from c27desk.model.catalogue import parse_catalogue
from c27desk.model.units import make_unit
from c27desk.model.values import make_entry
from c27desk.store import periods, revisions, units, values
from c27desk.store.database import open_database
from tests.signing_support import PASSPHRASE

YEAR_RE = re.compile(r"\b20[0-9][0-9]\b")


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.parametrize("year", [2024, 2025])
def test_a_carried_forward_report_holds_no_other_years_wording(demo_db, cli, tmp_path, year):
    code, out, _ = cli("carry-forward", "--period", "2024")
    assert code == 0 and "ghi lại năm theo năm 2024" in out and "P27/2023.2" in out
    if year == 2025:
        assert cli("carry-forward", "--period", "2025")[0] == 0
    # III.2.18's value is a fact the unit wrote ("…, năm 2023": the year the software came), not the form's
    # wording; it is set aside so that every year left on the page comes from the form
    (tmp_path / "v.csv").write_text("criterion,value,explanation\nIII.2.18,Sổ tay đảng viên điện tử,Có sử dụng\n",
                                    encoding="utf-8")
    assert cli("values", "load", str(tmp_path / "v.csv"), "--period", str(year))[0] == 0
    assert cli("appendix", "--period", str(year), "--out", str(tmp_path / "a.pdf"), "--draft")[0] == 0
    text = _pdf_text(tmp_path / "a.pdf").replace("2021-2025", "")
    years = {int(y) for y in YEAR_RE.findall(text)}
    assert years <= {year, year + 1}, years
    cat = periods.period_catalogue(open_database(demo_db), year)
    assert cat["I.3"].text == f"Việc ban hành Kế hoạch ứng dụng CNTT năm {year}"
    assert cat["VIII.8"].text.startswith(f"Dự kiến kinh phí để bổ sung, nâng cấp hạ tầng kỹ thuật năm {year + 1}")
    assert cat.get("I.2").code("A").meaning == f"Đã ban hành trước năm {year}"
    assert periods.require_period(open_database(demo_db), year).catalogue_basis == "redated"


def test_a_level_sees_its_own_criteria_and_wording():
    form = catalogue_for_year(2023)
    district = parse_catalogue(form.raw, form.key, level="huyen")
    commune = parse_catalogue(form.raw, form.key, level="xa")
    assert "tỉnh ủy" not in district["II.1"].text and "huyện ủy" in district["II.1"].text
    assert district.get("II.3") is None and district.get("VI.8") is None and "II.3" in district.not_asked
    assert {c.id for c in commune.criteria} == {"II.1", "II.2", "II.15", "II.17", "V.4"}
    assert all(not set(r.criteria) & set(district.not_asked) for r in district.rules)
    assert len(form.criteria) == 120


def test_inferred_meanings_are_marked_and_the_seed_is_no_longer_contradicted():
    form = catalogue_for_year(2023)
    assert form["III.3.5"].code("D").meaning == "Thực hiện chưa tốt" == form["III.1.1"].code("D").meaning
    assert form["III.3.5"].code("D").basis == "seed" and form["III.1.1"].code("C").inferred
    for crit in form.criteria:  # every explanation the seed wrote beside a code fits that code's scale
        meanings = {c.meaning: c.code for c in crit.codes}
        for code in crit.codes:
            if code.suggestion in meanings:
                assert meanings[code.suggestion] == code.code, crit.id


def _keys(cli, tmp_path, monkeypatch, code, name):
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    folder = tmp_path / f"keys-{code}"
    assert cli("keys", "demo", "--out", str(folder), "--unit-code", code, "--unit-name", name)[0] == 0
    return folder


def _form_2024(tmp_path):
    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["version"], raw["year"] = "2024.1", 2024
    raw["previous"] = {"id": "P27", "version": "2023.2"}
    raw["title"] = "Phụ lục kết quả thực hiện Chương trình 27 năm {năm} (mẫu 2024)"
    path = tmp_path / "p27-2024.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def test_publish_install_use_export_import_on_the_new_form(office, bienhoa, child_keys, cli, tmp_path, monkeypatch):
    office_keys = _keys(cli, tmp_path, monkeypatch, "TU-DONGNAI", "Tỉnh ủy Đồng Nai")
    p12 = next(office_keys.glob("*.p12"))
    ca = next(p for p in office_keys.glob("*.pem") if "ca" in p.name.lower())
    code, out, err = cli("catalog", "publish", "--period", "2024", "--file", str(_form_2024(tmp_path)), "--out",
                         str(tmp_path / "usb"), "--sign-p12", str(p12), db=office)
    assert code == 0, err
    form_file = next((tmp_path / "usb").glob("*.c27form"))
    code, out, _ = cli("period", "set", "2024", db=office)
    assert "Năm 2024 dùng biểu mẫu P27/2024.1 do đơn vị này ban hành cho năm 2024." in out
    assert periods.require_period(open_database(office), 2024).catalogue_version == "2024.1"
    # the district: refuses the form until it trusts the province's CA, then installs it
    code, _, err = cli("catalog", "install", str(form_file), db=bienhoa)
    assert code == 1 and "UNTRUSTED_SIGNER" in err
    assert cli("trust", "add-ca", str(ca), db=bienhoa)[0] == 0
    code, out, err = cli("--lang", "en", "catalog", "install", str(form_file), db=bienhoa)
    assert code == 0 and "Installed form P27/2024.1 for 2024" in out, err
    code, out, _ = cli("--lang", "en", "catalog", "list", db=bienhoa)
    assert "installed from a signed file: TU-DONGNAI" in out
    code, out, _ = cli("--lang", "vi", "carry-forward", "--period", "2024", db=bienhoa)
    assert code == 0 and "P27/2024.1 do cấp trên ban hành cho năm 2024" in out
    db = open_database(bienhoa)
    values.confirm(db, "HU-BIENHOA", 2024, list(values.entries(db, "HU-BIENHOA", 2024)), who="t")
    db.close()
    assert cli("period", "set", "2024", "--place", "Biên Hòa", "--signer-title", "BÍ THƯ", "--signer-name", "A",
               "--report-number", "12", "--report-date", "2025-02-10", db=bienhoa)[0] == 0
    assert cli("finalise", "--period", "2024", "--accept-warnings", db=bienhoa)[0] == 0
    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    code, _, err = cli("export", "--period", "2024", "--out", str(tmp_path / "usb2"), "--sign-p12",
                       str(child_keys["HU-BIENHOA"].p12), db=bienhoa)
    assert code == 0, err
    code, out, err = cli("import", str(tmp_path / "usb2"), "--accept-new-signer", "HU-BIENHOA", db=office)
    assert code == 0 and "HU-BIENHOA" in out, out + err
    got = revisions.latest_final(open_database(office), "HU-BIENHOA", 2024)
    assert got is not None and got.number == 1


def test_a_tampered_unsigned_or_conflicting_form_is_refused(office, cli, tmp_path, monkeypatch):
    keys = _keys(cli, tmp_path, monkeypatch, "TU-DONGNAI", "Tỉnh ủy Đồng Nai")
    p12 = next(keys.glob("*.p12"))
    ca = next(p for p in keys.glob("*.pem") if "ca" in p.name.lower())
    assert cli("catalog", "publish", "--period", "2023", "--out", str(tmp_path / "f.c27form"), "--sign-p12",
               str(p12), db=office)[0] == 0
    unit = tmp_path / "unit.sqlite3"
    assert cli("init", "--unit-code", "HU-X", "--unit-name", "Huyện ủy X", "--level", "huyen", "--parent",
               "TU-DONGNAI", db=unit)[0] == 0
    assert cli("trust", "add-ca", str(ca), db=unit)[0] == 0
    with zipfile.ZipFile(tmp_path / "f.c27form") as zf:
        body, sig = zf.read("form.json"), zf.read("form.p7s")
    from c27desk.exchange.package import build_zip

    tampered = body.replace("Kiến trúc".encode(), b"Kien truc", 1)
    for name, members, reason in (("t.c27form", [("form.json", tampered), ("form.p7s", sig)], "BAD_SIGNATURE"),
                                  ("u.c27form", [("form.json", body)], "UNSIGNED")):
        (tmp_path / name).write_bytes(build_zip(members))
        code, _, err = cli("catalog", "install", str(tmp_path / name), db=unit)
        assert code == 1 and reason in err, err
    assert len(periods.held_forms(open_database(unit))) == 0
    # a different form under the same id and version never overwrites the one held (here: the shipped one)
    from c27desk.report.signing import P12Spec, cms_sign_detached

    doc = json.loads(body)
    doc["form"]["title"] = "Biểu mẫu khác, cùng mã và phiên bản"
    other = json.dumps(doc, ensure_ascii=False).encode()
    (tmp_path / "o.c27form").write_bytes(build_zip([("form.json", other),
                                                    ("form.p7s", cms_sign_detached(other, P12Spec(p12, PASSPHRASE)))]))
    code, _, err = cli("catalog", "install", str(tmp_path / "o.c27form"), db=unit)
    assert code == 1 and "FORM_CONFLICT" in err, err
    # a key twice in one object (last-one-wins would read 2023, another reader 2099), even when signed: refused
    twice = body.replace(b"{", b'{"for_year": 2099, ', 1)
    (tmp_path / "d.c27form").write_bytes(build_zip([("form.json", twice),
                                                    ("form.p7s", cms_sign_detached(twice, P12Spec(p12, PASSPHRASE)))]))
    code, _, err = cli("catalog", "install", str(tmp_path / "d.c27form"), db=unit)
    assert code == 1 and "MALFORMED" in err and "'for_year'" in err, err
    assert len(periods.held_forms(open_database(unit))) == 0
    assert cli("catalog", "install", str(tmp_path / "f.c27form"), db=unit)[0] == 0
    assert [f.origin for f in periods.held_forms(open_database(unit))] == ["installed"]


def _record(db, unit: str, figures: dict[str, str]) -> None:
    cat = periods.period_catalogue(db, 2023)
    entries = {cid: make_entry(cat[cid], v, "") for cid, v in figures.items()}
    with db.atomic():
        revisions.record_received(db, unit, 2023, 1, entries, who="t", source="test", finalised_at="2024-01-01")


def _office(path, code, level, children):
    db = open_database(path)
    units.save_unit(db, make_unit(code, code, level), is_self=True, who="t")
    for child, child_level in children:
        units.save_unit(db, make_unit(child, child, child_level, parent=code), who="t")
    periods.ensure_period(db, 2023, who="t")
    return db


def test_three_levels_roll_up_communes_to_district_to_province_to_centre(tmp_path):
    commune_figures = {"XA-A": ("12", "10"), "XA-B": ("7", "7"), "XA-C": ("5", "4")}
    district = _office(tmp_path / "d.sqlite3", "HU-D", "huyen", [(c, "xa") for c in commune_figures])
    for code, (used, connected) in list(commune_figures.items())[:2]:
        _record(district, code, {"II.1": used, "II.2": connected})
    props = {p.criterion: p for p in proposals(consolidate(district, 2023))}
    assert props["II.5"].value == str(12 + 7) and props["II.5"].missing == ("XA-C",)
    assert props["II.6"].value == str(10 + 7)
    _record(district, "XA-C", {"II.1": "5", "II.2": "4"})
    props = proposals(consolidate(district, 2023))
    assert accept_proposals(district, 2023, props, who="t") == 2
    own = values.entries(district, "HU-D", 2023)
    assert own["II.5"].value == "24" and own["II.6"].value == "21"

    province = _office(tmp_path / "p.sqlite3", "TU-P", "tinh", [("HU-D", "huyen"), ("HU-E", "huyen")])
    d_values = {"II.1": "40", "II.2": "38", "II.5": own["II.5"].value, "II.6": own["II.6"].value, "VI.5": "2"}
    _record(province, "HU-D", d_values)
    props = {p.criterion: p for p in proposals(consolidate(province, 2023))}
    assert props["II.3"].value == "40" and props["II.5"].value == "24" and props["VI.8"].value == "2"
    assert props["II.3"].missing == ("HU-E",)
    _record(province, "HU-E", {"II.1": "30", "II.2": "30", "II.5": "9", "II.6": "9", "VI.5": "1"})
    props = {p.criterion: p for p in proposals(consolidate(province, 2023))}
    assert props["II.3"].value == str(40 + 30) and props["II.5"].value == str(24 + 9)
    assert props["VI.9"].value == "3"
    accept_proposals(province, 2023, list(props.values()), who="t")
    p_values = {cid: e.value for cid, e in values.entries(province, "TU-P", 2023).items()}

    centre = _office(tmp_path / "c.sqlite3", "TW", "trung-uong", [("TU-P", "tinh"), ("TU-Q", "tinh")])
    props = {p.criterion: p for p in proposals(consolidate(centre, 2023))}
    assert props["II.5"].value is None and set(props["II.5"].missing) == {"TU-P", "TU-Q"}  # nothing is not 0
    _record(centre, "TU-P", {k: v for k, v in p_values.items() if k in ("II.3", "II.5")} | {"II.1": "100"})
    _record(centre, "TU-Q", {"II.1": "80", "II.3": "50", "II.5": "20"})
    props = {p.criterion: p for p in proposals(consolidate(centre, 2023))}
    assert Decimal(props["II.5"].value) == Decimal(p_values["II.5"]) + 20
    assert Decimal(props["II.3"].value) == Decimal(p_values["II.3"]) + 50
    assert props["II.1"].value == "180"


def test_consolidate_accept_takes_only_the_criteria_named(tmp_path, cli):
    path = tmp_path / "d.sqlite3"
    db = _office(path, "HU-D", "huyen", [("XA-A", "xa")])
    _record(db, "XA-A", {"II.1": "3", "II.2": "2"})
    db.close()
    code, out, err = cli("consolidate", "--period", "2023", "--accept", "II.5", db=path)
    assert code == 0, err
    got = values.entries(open_database(path), "HU-D", 2023)
    assert got["II.5"].value == "3" and "II.6" not in got
    code, _, err = cli("consolidate", "--period", "2023", "--accept", "II.99", db=path)
    assert code == 1 and "II.99" in err


def test_period_moves_to_another_form_carrying_what_it_can(demo_db, cli, tmp_path):
    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["version"] = "2023.9"
    raw["sections"][5]["criteria"] = [c for c in raw["sections"][5]["criteria"] if c["id"] != "VI.9"]
    raw["rules"] = [r for r in raw["rules"] if "VI.9" not in r["left"] + r["right"]]
    raw["rollup"] = [r for r in raw["rollup"] if "VI.9" not in (r["into"], r.get("from"))]
    db = open_database(demo_db)
    periods.store_catalogue(db, parse_catalogue(raw, "x"), origin="installed")
    db.close()
    code, out, err = cli("--lang", "en", "period", "set", "2023", "--catalogue", "P27/2023.9", db=demo_db)
    assert code == 0 and "carrying 119 values" in out and "VI.9: not in the new form" in out, err
    assert periods.require_period(open_database(demo_db), 2023).catalogue_basis == "chosen"
    assert cli("period", "set", "2023", "--catalogue", "P27/xx", db=demo_db)[0] == 1
    code, _, err = cli("--lang", "vi", "period", "set", "2023", "--catalogue", "P27/2023.9", db=demo_db)
    assert code == 1 and "đã dùng biểu mẫu P27/2023.9" in err
    assert cli("finalise", "--period", "2023", "--accept-warnings", db=demo_db)[0] == 0
    code, _, err = cli("period", "set", "2023", "--catalogue", "P27/2023.2", db=demo_db)
    assert code == 1 and "không đổi biểu mẫu được nữa" in err
    assert periods.require_period(open_database(demo_db), 2023).catalogue_version == "2023.9"


def test_form_workbook_round_trip_and_problems_named_by_cell(tmp_path, cli):
    from openpyxl import load_workbook

    assert cli("catalog", "to-xlsx", "--period", "2023", "--out", str(tmp_path / "f.xlsx"))[0] == 0
    assert cli("catalog", "from-xlsx", str(tmp_path / "f.xlsx"), "--out", str(tmp_path / "f.json"))[0] == 0
    back = parse_catalogue(json.loads((tmp_path / "f.json").read_text(encoding="utf-8")), "f.json")
    assert back.content_hash == catalogue_for_year(2023).content_hash
    wb = load_workbook(tmp_path / "f.xlsx")
    ws = wb["Tiêu chí"]
    ws["D3"] = "số"
    ws["E4"] = "=SUM(A1)"
    wb["Thang mã"]["D2"] = "đoán"
    wb.save(tmp_path / "g.xlsx")
    code, _, err = cli("catalog", "from-xlsx", str(tmp_path / "g.xlsx"), "--out", str(tmp_path / "g.json"))
    assert code == 1 and "Tiêu chí!D3" in err and "Thang mã!D2" in err and not (tmp_path / "g.json").exists()
    wb = load_workbook(tmp_path / "f.xlsx")
    wb["Tiêu chí"]["B6"] = "II-9"  # a malformed id: found by the form's own checks, still named by cell
    wb.save(tmp_path / "h.xlsx")
    code, _, err = cli("catalog", "from-xlsx", str(tmp_path / "h.xlsx"), "--out", str(tmp_path / "h.json"))
    assert code == 1 and "Tiêu chí!B6" in err, err


def test_validate_checks_the_previous_map_against_the_previous_form(tmp_path, cli):
    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["version"], raw["year"] = "2025.1", 2025
    raw["previous"] = {"id": "P27", "version": "2023.2", "map": {"I.1": "I.1", "I.2": "I.99"}}
    path = tmp_path / "f.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    code, _, err = cli("catalog", "validate", str(path))
    assert code == 1 and "I.99" in err
    raw["title"] = "Năm {nam}"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    code, _, err = cli("catalog", "validate", str(path))
    assert code == 1 and "{nam}" in err


def test_text_that_looks_like_a_formula_stays_text_in_the_workbook(tmp_path):
    from openpyxl import load_workbook

    from c27desk.report.form_xlsx import form_to_xlsx, xlsx_to_form

    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["title"] = "=HYPERLINK(\"x\")"
    form_to_xlsx(raw, tmp_path / "f.xlsx")
    cell = load_workbook(tmp_path / "f.xlsx")["Biểu mẫu"]["B5"]
    assert cell.value == raw["title"] and cell.data_type == "s"
    assert xlsx_to_form((tmp_path / "f.xlsx").read_bytes())["title"] == raw["title"]


@pytest.mark.parametrize("policy", ["omit", "row"])
def test_criteria_a_level_is_not_asked_print_as_the_form_says(tmp_path, policy):
    from c27desk.report.appendix import appendix_content
    from c27desk.report.appendix_pdf import render_appendix

    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["version"] = f"2023.{policy}"
    raw["not_asked"] = {"print": "omit"} if policy == "omit" else {"print": "row", "text": "Không áp dụng"}
    db = open_database(tmp_path / "d.sqlite3")
    units.save_unit(db, make_unit("HU-D", "Huyện ủy D", "huyen"), is_self=True, who="t")
    periods.ensure_period(db, 2023, parse_catalogue(raw, "x"), who="t")
    (tmp_path / "a.pdf").write_bytes(render_appendix(appendix_content(db, 2023, draft=True)).pdf)
    text = _pdf_text(tmp_path / "a.pdf")  # cells wrap: each phrase below fits on one line of its cell
    assert "thị ủy (cơ quan của" in text  # II.2 in the district's own wording, not "tại tỉnh ủy, thành ủy"
    assert ("Tổng số huyện ủy, thị ủy" in text) == (policy == "row")  # VI.8, which a district is not asked
    assert ("Không áp" in text) == (policy == "row")


def test_validate_wants_roll_up_rules_for_each_level_under_another(tmp_path, cli):
    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["rollup"] = [r for r in raw["rollup"] if (r["parent"], r["child"]) != ("huyen", "xa")]
    path = tmp_path / "f.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    code, _, err = cli("--lang", "en", "catalog", "validate", str(path))
    assert code == 1 and "No roll-up rules for: xa → huyen" in err


def test_after_2025_communes_roll_up_straight_into_the_province(tmp_path):
    province = _office(tmp_path / "p.sqlite3", "TU-P", "tinh", [("XA-1", "xa"), ("XA-2", "xa"), ("HU-OLD", "huyen")])
    _record(province, "XA-1", {"II.1": "6", "II.2": "5"})
    _record(province, "XA-2", {"II.1": "4", "II.2": "4"})
    props = {p.criterion: p for p in proposals(consolidate(province, 2023))}
    # the communes' own computers are the province's commune-level total; the (absent) district adds nothing
    assert props["II.5"].value == "10" and props["II.6"].value == "9"
    assert props["II.5"].missing == ("HU-OLD",) and props["II.3"].value is None
