"""Forms from outside are data, never paths or formulas: ids and versions stay plain, a workbook stays small."""

from __future__ import annotations

import copy
import json

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
