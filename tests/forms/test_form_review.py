"""Forms from outside are data, never paths or formulas: ids and versions stay plain, a workbook stays small."""

from __future__ import annotations

import copy
import json
import re

import pytest

from c27desk.catalogs import catalogue_for_year
from c27desk.errors import CatalogueError
from c27desk.model.catalogue import parse_catalogue


@pytest.mark.parametrize("field, value", [
    ("version", "/../../../tmp/pwned"), ("version", "..\\x"), ("id", ".hidden"), ("id", "P27\x1b[2J"),
    ("version", "2024\n1"), ("id", "P" * 65), ("version", "2024 1"), ("id", "P27/x"),
])
def test_a_form_id_or_version_that_could_name_a_path_is_refused(field, value):
    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw[field] = value
    with pytest.raises(CatalogueError) as refused:
        parse_catalogue(raw, "f.json")
    assert f"“{field}”" in refused.value.message("en")


def test_publish_never_writes_outside_out(office, cli, tmp_path):
    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["version"] = "/../../../" + str(tmp_path / "pwned")
    (tmp_path / "f.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    for cmd in (("catalog", "validate", str(tmp_path / "f.json")),
                ("catalog", "publish", "--period", "2023", "--file", str(tmp_path / "f.json"), "--out",
                 str(tmp_path / "usb"), "--sign-p12", str(tmp_path / "none.p12"))):
        code, _, err = cli(*cmd, db=office)
        assert code == 1 and "“version”" in err, err
    assert not list(tmp_path.glob("pwned*")) and not (tmp_path / "usb").exists()


def _trial(cli, tmp_path, monkeypatch, code, name):
    from tests.signing_support import PASSPHRASE

    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    folder = tmp_path / f"keys-{code}"
    assert cli("keys", "demo", "--out", str(folder), "--unit-code", code, "--unit-name", name)[0] == 0
    return next(folder.glob("*.p12")), next(p for p in folder.glob("*.pem") if "ca" in p.name.lower())


def test_a_form_from_a_sibling_district_is_not_the_office_aboves(cli, tmp_path, monkeypatch):
    lk, bh, office = tmp_path / "lk.sqlite3", tmp_path / "bh.sqlite3", tmp_path / "tu.sqlite3"
    for db, code in ((lk, "HU-LONGKHANH"), (bh, "HU-BIENHOA")):
        assert cli("init", "--unit-code", code, "--unit-name", code, "--level", "huyen", "--parent", "TU-DONGNAI",
                   db=db)[0] == 0
    assert cli("init", "--unit-code", "TU-DONGNAI", "--unit-name", "Tỉnh ủy", "--level", "tinh", "--parent", "TW",
               db=office)[0] == 0
    assert cli("period", "set", "2023", db=lk)[0] == 0 and cli("period", "set", "2023", db=office)[0] == 0
    lk_p12, lk_ca = _trial(cli, tmp_path, monkeypatch, "HU-LONGKHANH", "Huyện ủy Long Khánh")
    tu_p12, tu_ca = _trial(cli, tmp_path, monkeypatch, "TU-DONGNAI", "Tỉnh ủy Đồng Nai")
    for ca in (lk_ca, tu_ca):
        assert cli("trust", "add-ca", str(ca), db=bh)[0] == 0
    # the district publishes under its own name with its own key: a sibling does not take it as the province's
    assert cli("catalog", "publish", "--period", "2023", "--out", str(tmp_path / "lk.c27form"), "--sign-p12",
               str(lk_p12), db=lk)[0] == 0
    code, _, err = cli("catalog", "install", str(tmp_path / "lk.c27form"), db=bh)
    assert code == 1 and "NOT_THE_OFFICE_ABOVE" in err
    # ... nor when it writes the province's name into form.json and signs that with its own key
    code, _, err = cli("catalog", "publish", "--period", "2023", "--out", str(tmp_path / "x.c27form"), "--sign-p12",
                       str(lk_p12), db=office)
    assert code == 1 and "HU-LONGKHANH" in err and not (tmp_path / "x.c27form").exists()
    import zipfile

    from c27desk.exchange.package import build_zip
    from c27desk.report.signing import P12Spec, cms_sign_detached
    from tests.signing_support import PASSPHRASE

    with zipfile.ZipFile(tmp_path / "lk.c27form") as zf:
        doc = json.loads(zf.read("form.json"))
    doc["publisher"] = {"code": "TU-DONGNAI", "name": "Tỉnh ủy Đồng Nai", "level": "tinh"}
    body = json.dumps(doc, ensure_ascii=False).encode()
    (tmp_path / "f.c27form").write_bytes(build_zip([("form.json", body), ("form.p7s", cms_sign_detached(
        body, P12Spec(lk_p12, PASSPHRASE)))]))
    code, _, err = cli("catalog", "install", str(tmp_path / "f.c27form"), db=bh)
    assert code == 1 and "SIGNER_OF_OTHER_UNIT" in err
    # the province's own form installs, and its key is pinned for it from then on
    assert cli("catalog", "publish", "--period", "2023", "--out", str(tmp_path / "tu.c27form"), "--sign-p12",
               str(tu_p12), db=office)[0] == 0
    code, _, err = cli("catalog", "install", str(tmp_path / "tu.c27form"), db=bh)
    assert code == 0, err
    code, out, _ = cli("units", "signers", db=bh)
    assert "TU-DONGNAI" in out


def _workbook(cli, tmp_path):
    from openpyxl import load_workbook

    assert cli("catalog", "to-xlsx", "--period", "2023", "--out", str(tmp_path / "f.xlsx"))[0] == 0
    return load_workbook(tmp_path / "f.xlsx")


def _from_xlsx(cli, tmp_path, wb):
    wb.save(tmp_path / "g.xlsx")
    code, _, err = cli("--lang", "en", "catalog", "from-xlsx", str(tmp_path / "g.xlsx"), "--out",
                       str(tmp_path / "g.json"))
    assert code == 1 and not (tmp_path / "g.json").exists()
    return err


def test_a_huge_sheet_is_refused_before_it_is_read(cli, tmp_path):
    import time

    wb = _workbook(cli, tmp_path)
    wb["Quy tắc"]["XFD1048576"] = "x"
    started = time.monotonic()
    err = _from_xlsx(cli, tmp_path, wb)
    assert "sheet “Quy tắc” is too large" in err and time.monotonic() - started < 20
    wb = _workbook(cli, tmp_path)
    ws = wb["Năm trước"]
    for r in range(2, 5003):
        ws.cell(r, 1, "I.1")
    assert "sheet “Năm trước” is too large" in _from_xlsx(cli, tmp_path, wb)


def test_a_formula_cell_is_refused_by_sheet_and_cell(cli, tmp_path):
    wb = _workbook(cli, tmp_path)
    wb["Biểu mẫu"]["B3"] = "=1+1"
    wb["Tiêu chí"]["E4"] = '=HYPERLINK("http://x","Việc ban hành")'
    err = _from_xlsx(cli, tmp_path, wb)
    assert "Biểu mẫu!B3: The cell holds a formula" in err and "Tiêu chí!E4: The cell holds a formula" in err


def test_problems_name_the_real_cell_after_a_column_is_inserted(cli, tmp_path):
    wb = _workbook(cli, tmp_path)
    wb["Tiêu chí"].insert_cols(1)
    wb["Tiêu chí"]["A1"] = "ghi chú"
    wb["Tiêu chí"]["E3"] = "số"  # the kind column, now E
    wb["Thang mã"]["B2"] = 3.5
    err = _from_xlsx(cli, tmp_path, wb)
    assert "Tiêu chí!E3" in err and "Thang mã!B2: The code “3.5” must be one capital letter" in err


def test_a_merged_range_is_named_as_the_range(cli, tmp_path):
    wb = _workbook(cli, tmp_path)
    wb["Tiêu chí"].merge_cells("C5:E5")
    assert "Tiêu chí!C5:E5: Merged cells" in _from_xlsx(cli, tmp_path, wb)


def test_a_form_signed_with_the_office_aboves_renewed_key_says_what_the_form_commands_offer(cli, tmp_path,
                                                                                            monkeypatch):
    bh, office = tmp_path / "bh.sqlite3", tmp_path / "tu.sqlite3"
    assert cli("init", "--unit-code", "HU-BIENHOA", "--unit-name", "Huyện ủy Biên Hòa", "--level", "huyen", "--parent",
               "TU-DONGNAI", db=bh)[0] == 0
    assert cli("init", "--unit-code", "TU-DONGNAI", "--unit-name", "Tỉnh ủy", "--level", "tinh", "--parent", "TW",
               db=office)[0] == 0
    assert cli("period", "set", "2023", db=office)[0] == 0
    old_p12, old_ca = _trial(cli, tmp_path, monkeypatch, "TU-DONGNAI", "Tỉnh ủy Đồng Nai")
    new_p12, new_ca = _trial(cli, tmp_path / "renewed", monkeypatch, "TU-DONGNAI", "Tỉnh ủy Đồng Nai")
    for ca in (old_ca, new_ca):
        assert cli("trust", "add-ca", str(ca), db=bh)[0] == 0
    for p12, name in ((old_p12, "old.c27form"), (new_p12, "new.c27form")):
        assert cli("catalog", "publish", "--period", "2023", "--out", str(tmp_path / name), "--sign-p12", str(p12),
                   db=office)[0] == 0
    assert cli("catalog", "install", str(tmp_path / "old.c27form"), db=bh)[0] == 0  # the first key: pinned
    code, _, err = cli("--lang", "en", "catalog", "install", str(tmp_path / "new.c27form"), db=bh)
    assert code == 1 and "accept-new-signer" not in err and "c27desk units unpin --code TU-DONGNAI" in err
    assert "confirm the new certificate with TU-DONGNAI by telephone" in err and "install the form again" in err
    serials = re.findall(r"serial ([0-9A-F]+); SHA-256 ([0-9A-F:]+)", err)  # the same subject: these tell them apart
    assert len(serials) == 2 and serials[0] != serials[1], err
    code, _, err = cli("catalog", "install", str(tmp_path / "new.c27form"), db=bh)
    assert code == 1 and "accept-new-signer" not in err and "hãy gọi điện cho TU-DONGNAI" in err
    # what it says works: revoke the old pin, install again, and the new key is the one on record
    assert cli("units", "unpin", "--code", "TU-DONGNAI", db=bh)[0] == 0
    code, out, _ = cli("--lang", "en", "catalog", "install", str(tmp_path / "new.c27form"), db=bh)
    assert code == 0 and "Already held: form" in out  # the form is the same: what the install did is the new key
    assert "Recorded the certificate of TU-DONGNAI – Tỉnh ủy; later forms must be signed with it: " in out
    assert f"serial {serials[1][0]}; SHA-256 {serials[1][1]}" in out
    assert cli("catalog", "install", str(tmp_path / "old.c27form"), db=bh)[0] == 1  # the old key is refused now


@pytest.mark.parametrize("lang, line", [
    ("vi", "  TỔNG HỢP Tỉnh ủy, thành ủy → Trung ương: VIII.12 = tổng(VIII.12)"),
    ("en", "  ROLLUP Provincial or city Party committee → Central level: VIII.12 = sum(VIII.12)"),
])
def test_catalog_show_names_the_levels_of_a_roll_up_rule(demo_db, cli, lang, line):
    code, out, _ = cli("--lang", lang, "catalog", "show", "--period", "2023", db=demo_db)
    assert code == 0 and line in out.splitlines() and " tinh → " not in out and "huyen →" not in out
