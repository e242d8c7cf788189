"""`values load` reads a file strictly: each fault is refused with its line, nothing is written,
and a partial file changes only what it names."""

import os

import pytest

from c27desk.store import audit, values
from c27desk.store.database import open_database

HEAD = "criterion,value,explanation\n"
GOOD = HEAD + "I.1,D,Chưa xác định\nII.1,402,Máy tính để bàn\nII.2,5,Máy chủ\n"


@pytest.fixture
def unit_db(cli):
    assert cli("init", "--unit-code", "TU-X", "--unit-name", "Tỉnh ủy X", "--level", "tinh")[0] == 0


def stored(db_path):
    db = open_database(db_path)
    try:
        return values.entries(db, "TU-X", 2023), audit.count(db)
    finally:
        db.close()


def load(cli, tmp_path, text: str, name: str = "v.csv"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return cli("values", "load", str(f), "--period", "2023")


FAULTS = {
    "unterminated quote merging rows": (HEAD + 'I.1,D,"Chưa xong\nII.1,402,x\nII.2,5,y\nII.3,1,z\n', 2, "ngoặc kép"),
    "quote never closed at the end": (HEAD + 'II.1,402,x\nII.2,5,"y\n', 3, "không bao giờ được đóng"),
    "stray quote in an unquoted cell": (HEAD + 'II.1,402,Màn hình 15" rộng\n', 2, "ngoặc kép lẻ"),
    "text after a closing quote": (HEAD + 'II.1,402,"Màn hình" 15\n', 2, "sau dấu ngoặc kép đóng"),
    "too many fields": (HEAD + "II.1,402,x\nII.2,5,Máy chủ, máy trạm\n", 3, "4 cột"),
    "too few fields": (HEAD + "II.1,402,x\nII.2\n", 3, "1 cột"),
    "two fields under a three-column header": (HEAD + "II.2,5\n", 2, "2 cột"),
    "wrong header": ("criterion;value;explanation\nII.1;402;x\n", 1, "tiêu đề"),
    "duplicate criterion": (HEAD + "II.1,402,x\nII.1,403,y\n", 3, "lặp lại"),
    "unknown criterion": (HEAD + "II.1,402,x\nXX.1,1,y\n", 3, "XX.1"),
    "thousands with a space": (HEAD + "II.1,1 250,x\n", 2, "dấu cách"),
    "pasted Excel column": (HEAD + 'II.1,"12\n13\n14",x\n', 2, "xuống dòng"),
    "code that does not exist": (HEAD + "I.1,Q,x\n", 2, "các mã có: A, B, C, D"),
    "control character in an explanation": (HEAD + "II.1,402,ab\x1bc\n", 2, "U+001B"),
    "explanation over the printable length": (HEAD + "II.1,402," + "x" * 1001 + "\n", 2, "quá 1000"),
}


@pytest.mark.parametrize("name", list(FAULTS))
def test_each_file_fault_is_refused_with_its_line_and_changes_nothing(cli, unit_db, tmp_path, db_path, name):
    assert load(cli, tmp_path, GOOD, "good.csv")[0] == 0
    before = stored(db_path)
    text, line, fragment = FAULTS[name]
    code, _, err = load(cli, tmp_path, text)
    assert code == 1, err
    assert f"dòng {line}:" in err and fragment in err, err
    assert stored(db_path) == before


def test_a_bad_line_is_quoted_alone_and_the_lines_after_it_are_still_checked(cli, unit_db, tmp_path, db_path):
    text = HEAD + 'II.6,"12"x,\nII.1,3,a\nII.1,4,b\nII.2,x"y,z\n'
    before = stored(db_path)
    f = tmp_path / "v.csv"
    f.write_text(text, encoding="utf-8")
    code, _, err = cli("--lang", "en", "values", "load", str(f), "--period", "2023")
    assert code == 1 and "Line 2: Text right after a closing quote (“x,”)" in err  # not the rows after it
    assert "Line 4: Criterion II.1 appears twice" in err and "Line 5: Stray quote" in err
    code, _, err = load(cli, tmp_path, HEAD + 'II.1,"402,x\nII.2,5,y\n')
    assert code == 1 and "phần còn lại của tệp không đọc được" in err
    assert stored(db_path) == before  # the audit log too: no period 2023 was created by the refused loads
    assert "2023" not in cli("period", "list")[1]


def test_multi_line_explanation_from_excel_is_accepted(cli, unit_db, tmp_path, db_path):
    assert load(cli, tmp_path, HEAD + 'II.1,402,"Dòng một\r\nDòng hai"\r\nII.2,5,\r\n')[0] == 0
    assert stored(db_path)[0]["II.1"].explanation == "Dòng một\nDòng hai"


def test_partial_file_keeps_other_rows_and_short_header_keeps_explanations(cli, unit_db, tmp_path, db_path):
    assert load(cli, tmp_path, GOOD, "good.csv")[0] == 0
    assert load(cli, tmp_path, "criterion,value\nII.1,403\n")[0] == 0  # no explanation column: kept
    got = stored(db_path)[0]
    assert (got["II.1"].value, got["II.1"].explanation) == ("403", "Máy tính để bàn")
    assert got["II.2"].explanation == "Máy chủ" and got["I.1"].value == "D"  # rows not named: untouched
    assert load(cli, tmp_path, HEAD + "II.1,404,\n")[0] == 0  # an explanation column whose cell is empty: cleared
    assert stored(db_path)[0]["II.1"].explanation == ""


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs a device file")
def test_device_and_huge_files_are_refused_before_reading(cli, unit_db, tmp_path):
    code, _, err = cli("values", "load", "/dev/zero", "--period", "2023")
    assert code == 1 and "không phải là một tệp thông thường" in err
    big = tmp_path / "big.csv"
    with open(big, "wb") as fh:
        fh.truncate(5 * 1024 * 1024 + 1)
    code, _, err = cli("values", "load", str(big), "--period", "2023")
    assert code == 1 and "5 MB" in err
    code, _, err = cli("values", "load", str(tmp_path), "--period", "2023")
    assert code == 1 and "c27desk:" in err


def test_a_file_of_many_bad_rows_lists_the_first_fifty(cli, unit_db, tmp_path):
    code, _, err = load(cli, tmp_path, HEAD + "".join(f"II.1,{i} {i},x\n" for i in range(60)))
    assert code == 1 and "Dòng 51:" in err and "Dòng 52:" not in err and "… và 10 lỗi khác." in err
    assert "60 lỗi" in err.splitlines()[-1]


def test_an_explanation_naming_a_criterion_on_its_own_line_dumps_and_loads_back(cli, unit_db, tmp_path, db_path):
    assert load(cli, tmp_path, HEAD + 'II.1,402,"Máy để bàn\nII.3, xem dòng trên"\n')[0] == 0
    dumped = tmp_path / "dump.csv"
    assert cli("values", "dump", "--period", "2023", "--out", str(dumped))[0] == 0
    assert cli("values", "load", str(dumped), "--period", "2023")[0] == 0
    assert stored(db_path)[0]["II.1"].explanation == "Máy để bàn\nII.3, xem dòng trên"


def test_any_dump_loads_back_to_the_same_answers():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from c27desk.catalogs import catalogue_for_year
    from c27desk.model.values import make_entry
    from c27desk.report.values_csv import dump_values_csv, parse_values_csv

    cat = catalogue_for_year(2023)
    counts = [c for c in cat.criteria if c.kind == "count"][:5] + [c for c in cat.criteria if c.kind == "text"][:2]
    from c27desk.model.text import PRINTABLE_RANGES

    allowed = st.one_of(*(st.characters(min_codepoint=a, max_codepoint=b) for a, b in PRINTABLE_RANGES))
    # formula starts and apostrophes: the dump neutralises them and the load gives them back exactly
    printable = st.text(allowed | st.sampled_from('\n",; =+-@\'\'\''), max_size=40)

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.tuples(st.integers(0, 10**6), printable), min_size=len(counts), max_size=len(counts)))
    def round_trip(rows):
        entries = {c.id: make_entry(c, str(n) if c.kind == "count" else "=" + text, text)
                   for c, (n, text) in zip(counts, rows, strict=True)}
        back = parse_values_csv(dump_values_csv(cat, entries).encode(), cat)
        assert {e.criterion_id: e for e in back} == entries

    round_trip()
