"""The 2023 catalogue: all 120 criteria of the seed's appendix, validated on load."""

import copy
import json
from pathlib import Path

import pytest

from c27desk.catalogs import catalogue_for_year, load_catalogue_file
from c27desk.errors import CatalogueError
from c27desk.model.catalogue import parse_catalogue
from c27desk.model.values import CARRIED, Entry
from c27desk.resources import resource_path
from c27desk.store import periods, values
from c27desk.store.database import open_database
from c27desk.workflow import FinaliseRefusedError, carry_forward, finalise_report, open_report
from tests.foundation.test_values_cli import seed_rows


def expected_ids() -> list[str]:
    spans = [("I", 8), ("II", 19), ("III.1", 20), ("III.2", 18), ("III.3", 5), ("IV", 21), ("V", 4), ("VI", 9),
             ("VII", 4), ("VIII", 12)]
    return [f"{prefix}.{n}" for prefix, count in spans for n in range(1, count + 1)]


@pytest.fixture(scope="module")
def cat():
    return catalogue_for_year(2023)


def test_all_120_criteria_in_appendix_order(cat):
    assert [c.id for c in cat.criteria] == expected_ids()
    assert [s.label for s, depth in cat.walk_sections() if depth == 0] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    assert [s.label for s in cat.section("III").sections] == ["3.1", "3.2", "3.3"]


def test_wording_and_seed_codes_match_the_seed(cat):
    seed = seed_rows()
    for crit, (wording, explanation, code) in zip(cat.criteria, seed, strict=False):
        assert crit.text == wording, crit.id
        if crit.kind == "status":
            assert crit.code(code) is not None, (crit.id, code)
            assert crit.code(code).suggestion == explanation, crit.id
        elif crit.kind in ("count", "amount"):
            assert crit.label == explanation, crit.id


def test_kinds(cat):
    kinds = {c.id: c.kind for c in cat.criteria}
    assert kinds["II.1"] == "count" and kinds["VIII.6"] == "amount" and kinds["VII.2"] == "amount"
    assert kinds["III.2.18"] == "text" and kinds["I.1"] == "status" and kinds["VI.3"] == "status"
    assert all(len(c.codes) >= 2 for c in cat.criteria if c.kind == "status")
    assert cat.get("VII.2").unit == "VNĐ/tháng" and cat.get("VIII.1").unit == "triệu đồng"


def test_required_cross_field_rules_are_declared(cat):
    declared = {(r.left, r.op, r.right, r.severity) for r in cat.rules}
    for left, right in [(("II.2",), ("II.1",)), (("II.4",), ("II.3",)), (("II.6",), ("II.5",)),
                        (("IV.10",), ("II.1",)), (("IV.11",), ("II.3",)),
                        (("IV.12", "IV.13"), ("II.1", "II.3", "II.5")), (("VI.5",), ("VI.4",))]:
        assert (left, "<=", right, "error") in declared


def _raw(cat):
    return copy.deepcopy(dict(cat.raw))


@pytest.mark.parametrize(
    ("mutate", "where", "what"),
    [
        (lambda d: d["sections"][0]["criteria"].append(dict(d["sections"][0]["criteria"][0])), "I.1", "trùng"),
        (lambda d: d["sections"][1]["criteria"][0].__setitem__("kind", "percent"), "II.1", "percent"),
        (lambda d: d["sections"][1]["criteria"][2].pop("text"), "II.3", "text"),
        (lambda d: d["sections"][0]["criteria"][1].__setitem__("scale", "no-such-scale"), "I.2", "no-such-scale"),
        (lambda d: d["rules"][0].__setitem__("left", ["ZZ.1"]), "quy tắc", "ZZ.1"),
    ],
)
def test_bad_catalogue_is_refused_naming_the_entry(cat, mutate, where, what):
    data = _raw(cat)
    mutate(data)
    with pytest.raises(CatalogueError) as info:
        parse_catalogue(data, "bad.json")
    msg = info.value.message("vi")
    assert where in msg and what in msg


def test_catalog_validate_command_names_file_and_entry(cli, tmp_path, cat):
    data = _raw(cat)
    data["sections"][1]["criteria"][0]["kind"] = "percent"
    bad = tmp_path / "p27-2024.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = cli("catalog", "validate", str(bad))
    assert code == 1 and "p27-2024.json" in err and "II.1" in err


def test_content_hash_is_stable_and_sensitive(cat):
    data = _raw(cat)
    assert parse_catalogue(data).content_hash == cat.content_hash
    data["sections"][0]["criteria"][0]["text"] += "."
    assert parse_catalogue(data).content_hash != cat.content_hash
    assert load_catalogue_file(resource_path("catalogs", "p27-2023.json")).content_hash == cat.content_hash


def test_next_years_catalogue_carries_forward_through_its_map(demo_db, cat):
    data = _raw(cat)
    data["version"], data["year"] = "2024.1", 2024
    # next year's form renames I.3 ("plan for 2023") to I.3 and moves VI.9 to VI.10 (say)
    data["sections"][5]["criteria"][8]["id"] = "VI.10"
    data["rules"] = [r for r in data["rules"] if "VI.9" not in r["left"] + r["right"]]
    mapping = {c: c for c in expected_ids() if c != "VI.9"}
    mapping["VI.10"] = "VI.9"
    data["previous"] = {"id": "P27", "version": "2023.2", "map": mapping}
    data["rollup"] = [r for r in data["rollup"] if "VI.9" not in (r["into"], r.get("from"))]
    cat2024 = parse_catalogue(data, "p27-2024.json")

    db = open_database(demo_db)
    periods.ensure_period(db, 2024, cat2024, who="t")
    assert periods.require_period(db, 2024).catalogue_version == "2024.1"
    ref = open_report(db, 2024)
    assert carry_forward(db, ref, who="t") == 120
    carried = values.entries(db, "TU-DONGNAI", 2024)
    assert carried["VI.10"] == Entry("VI.10", "6", "Số cán bộ chuyên trách CNTT", CARRIED)
    with pytest.raises(FinaliseRefusedError) as info:
        finalise_report(db, ref, who="t")
    assert len(info.value.report.unconfirmed) == 120
    assert values.confirm(db, "TU-DONGNAI", 2024, ["VI.10"], who="t") == 1
    assert values.get_entry(db, "TU-DONGNAI", 2024, "VI.10").state == "answered"
    db.close()


def test_a_form_file_with_a_key_twice_is_refused_naming_the_key(tmp_path):
    raw = resource_path("catalogs", "p27-2023.json").read_text(encoding="utf-8")
    twice = raw.replace('{', '{"year": 1999, ', 1)  # the real "year" comes later: last-one-wins would hide this
    path = tmp_path / "twice.json"
    path.write_text(twice, encoding="utf-8")
    with pytest.raises(CatalogueError) as info:
        load_catalogue_file(path)
    assert info.value.en == "The key “year” appears twice in the same object."
    assert info.value.vi == "Khóa “year” xuất hiện hai lần trong cùng một đối tượng."
    assert info.value.where == str(path)


def test_a_form_file_that_is_no_regular_file_or_far_too_large_is_refused_at_once(tmp_path):
    from c27desk.errors import C27Error

    with pytest.raises(C27Error) as info:
        load_catalogue_file(Path("/dev/zero"))  # was read until memory ran out
    assert info.value.code == "NOT_A_FILE"
    big = tmp_path / "big.json"
    big.write_bytes(b'{"name": "' + b"x" * (9 * 1024 * 1024) + b'"}')
    with pytest.raises(C27Error) as info:
        load_catalogue_file(big)
    assert info.value.code == "FILE_TOO_LARGE" and "8 MB" in info.value.en


def test_a_bad_year_token_is_refused_naming_its_place_in_the_form():
    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["sections"][1]["criteria"][2]["text"] += " {nam}"
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(raw, "form.json")
    assert err.value.message().startswith("form.json › P27[2] › II[3] › text: ") and "{nam}" in err.value.message()
    raw = copy.deepcopy(dict(catalogue_for_year(2023).raw))
    raw["scales"]["kien_truc"][1]["meaning"] = "đạt {năm+}"
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(raw, "form.json")
    assert err.value.message().startswith("form.json › P27 › kien_truc[2] › meaning: ")
