"""Loading and dumping values from the command line: the seed comes back row for row,
bad files are refused whole with their line numbers, and nothing changes."""

import csv
import io
import json
import re
import unicodedata

import pytest

from c27desk.store import audit, values
from c27desk.store.database import open_database
from tests.conftest import DEMO_CSV, SEED_APPENDIX


def seed_rows() -> list[tuple[str, str, str]]:
    """(wording, explanation, code) for each row of the seed's PHỤ LỤC table, parsed independently."""
    rows = []
    for line in SEED_APPENDIX.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not re.fullmatch(r"\d+", cells[0]):
            continue
        rows.append(tuple(unicodedata.normalize("NFC", c) for c in cells[1:]))
    return rows


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.fixture
def unit_db(cli):
    code, _, err = cli("init", "--unit-code", "TU-DONGNAI", "--unit-name", "Tỉnh ủy Đồng Nai", "--level", "tinh")
    assert code == 0, err


def test_seed_values_load_and_dump_row_for_row(cli, unit_db):
    code, out, err = cli("values", "load", str(DEMO_CSV), "--period", "2023")
    assert code == 0, err
    code, dumped, _ = cli("values", "dump", "--period", "2023")
    assert code == 0
    original = _rows(DEMO_CSV.read_text(encoding="utf-8"))
    assert _rows(dumped) == original
    # and the demo file is the seed's own table, row for row
    seed = seed_rows()
    assert len(seed) == 120
    assert [(r[1], r[2]) for r in seed] == [(row[2], row[1]) for row in original[1:]]


def test_json_dump_has_states_and_catalogue(cli, unit_db):
    cli("values", "load", str(DEMO_CSV), "--period", "2023")
    code, out, _ = cli("values", "dump", "--period", "2023", "--format", "json")
    doc = json.loads(out)
    assert doc["values"]["VIII.6"] == {"value": "195.2", "explanation": "Đơn vị tính là triệu đồng", "state": "answered"}
    assert doc["catalogue"]["id"] == "P27" and len(doc["values"]) == 120


GOOD = "criterion,value,explanation\nI.1,D,Chưa xác định được lộ trình\nII.1,402,Số máy tính loại này là:\n"
BAD_FILES = {
    "unknown criterion": ("criterion,value,explanation\nI.1,A,x\nIX.9,A,x\n", [3], "IX.9"),
    "code F on a status": ("criterion,value,explanation\nI.1,F,x\n", [2], "Mã “F”"),
    "negative computers": ("criterion,value,explanation\nII.1,-3,x\n", [2], "số âm"),
    "abc as a count": ("criterion,value,explanation\nII.1,402,\nII.3,abc,x\n", [3], "không phải là số"),
    "duplicated row": ("criterion,value,explanation\nII.1,402,\nII.1,403,\n", [3], "lặp lại"),
    "wrong header": ("tieu_chi,gia_tri,dien_giai\nII.1,402,\n", [1], "tiêu đề"),
    "ambiguous amount": ("criterion,value,explanation\nVIII.2,265.500,x\n", [2], "không rõ"),
    "several bad rows": ("criterion,value,explanation\nII.1,x,\nI.2,A,ok\nI.3,Z,\n", [2, 4], "II.1"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_csv_is_refused_with_line_numbers_and_changes_nothing(cli, unit_db, tmp_path, db_path, name):
    content, lines, fragment = BAD_FILES[name]
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    assert cli("values", "load", str(good), "--period", "2023")[0] == 0
    db = open_database(db_path)
    before_values, before_audit = values.entries(db, "TU-DONGNAI", 2023), audit.count(db)
    db.close()

    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    code, out, err = cli("values", "load", str(bad), "--period", "2023")
    assert code == 1
    for line in lines:
        assert f"Dòng {line}:" in err
    assert fragment in err
    assert err.strip().splitlines()[-1].startswith("c27desk: ")

    db = open_database(db_path)
    assert values.entries(db, "TU-DONGNAI", 2023) == before_values
    assert audit.count(db) == before_audit
    db.close()


def test_non_utf8_bytes_are_refused_with_their_line(cli, unit_db, tmp_path):
    bad = tmp_path / "cp1258.csv"
    bad.write_bytes("criterion,value,explanation\nI.1,A,Đà\n".encode("cp1258"))  # Windows-1258, not UTF-8
    code, _, err = cli("values", "load", str(bad), "--period", "2023")
    assert code == 1 and "dòng 2:" in err and "UTF-8" in err


def test_bom_and_decimal_comma_are_accepted(cli, unit_db, tmp_path):
    f = tmp_path / "excel.csv"
    f.write_bytes("\ufeffcriterion,value,explanation\r\nVIII.6,\"195,2\",Đơn vị tính là triệu đồng\r\n".encode())
    assert cli("values", "load", str(f), "--period", "2023")[0] == 0
    _, out, _ = cli("values", "dump", "--period", "2023")
    assert _rows(out)[1] == ["VIII.6", "195.2", "Đơn vị tính là triệu đồng"]


def test_not_applicable_zero_and_unanswered_stay_distinct(cli, unit_db, tmp_path, db_path):
    f = tmp_path / "v.csv"
    f.write_text("criterion,value,explanation\nVIII.5,0,\nVIII.7,N/A,Không có nội dung khác\n", encoding="utf-8")
    assert cli("values", "load", str(f), "--period", "2023")[0] == 0
    db = open_database(db_path)
    got = values.entries(db, "TU-DONGNAI", 2023)
    assert (got["VIII.5"].value, got["VIII.5"].state) == ("0", "answered")
    assert (got["VIII.7"].value, got["VIII.7"].state) == (None, "na")
    assert "VIII.6" not in got
    _, out, _ = cli("values", "dump", "--period", "2023")
    assert _rows(out)[1:] == [["VIII.5", "0", ""], ["VIII.7", "N/A", "Không có nội dung khác"]]


def test_demo_then_check_is_complete_and_valid(cli):
    code, out, err = cli("demo")
    assert code == 0, err
    code, out, err = cli("check", "--period", "2023")
    assert code == 0, out + err
    assert "120/120" in out and "0 lỗi" in out and "ĐẦY ĐỦ VÀ HỢP LỆ" in out


def test_demo_refuses_to_overwrite_a_real_unit(cli, tmp_path):
    other = tmp_path / "other.sqlite3"
    assert cli("init", "--unit-code", "HU-X", "--unit-name", "Huyện ủy X", "--level", "huyen", db=other)[0] == 0
    code, _, err = cli("demo", db=other)
    assert code == 1 and "HU-X" in err and "không ghi đè" in err
    assert cli("values", "dump", "--period", "2023", db=other)[0] == 1  # no 2023 period was created


def test_check_reports_errors_with_exit_1(cli, unit_db, tmp_path):
    f = tmp_path / "v.csv"
    f.write_text("criterion,value,explanation\nII.1,10,\nII.2,20,\n", encoding="utf-8")
    cli("values", "load", str(f), "--period", "2023")
    code, out, _ = cli("check", "--period", "2023")
    assert code == 1 and "LỖI" in out and "II.2" in out


def test_errors_are_one_line_in_english_too(cli):
    code, _, err = cli("--lang", "en", "check", "--period", "2023")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "no database" in err


def test_carry_forward_takes_lasting_period_details_and_refuses_a_distant_year(demo_db, cli):
    code, out, err = cli("carry-forward", "--period", "2031", db=demo_db)
    assert code == 1 and "--from 2023" in err
    code, out, _ = cli("period", "list", db=demo_db)
    assert "2031" not in out  # nothing was created by the typo
    assert cli("carry-forward", "--period", "2024", db=demo_db)[0] == 0
    code, out, _ = cli("period", "show", "2024", db=demo_db)
    assert "Đồng Nai" in out  # place carried
    assert "T/M BAN THƯỜNG VỤ" in out and "TTTU" in out  # signer and recipients carried
    deadline = next(line for line in out.splitlines() if line.startswith("Hạn nộp:"))
    assert deadline.split()[2:] == []  # the deadline is the new year's own


def test_a_refused_carry_forward_creates_no_year(cli, unit_db):
    code, _, err = cli("carry-forward", "--period", "2024")
    assert code == 1 and "Không có số liệu năm trước" in err
    code, _, err = cli("--lang", "en", "carry-forward", "--period", "2024", "--from-predecessors")
    assert code == 1 and "predecessor" in err
    code, out, _ = cli("period", "list")
    assert "2024" not in out  # the refusal changed nothing


def test_period_dates_are_checked_and_vietnamese_dates_understood(demo_db, cli):
    assert cli("period", "set", "2023", "--report-date", "20/02/2024", "--deadline", "29.02.2024", db=demo_db)[0] == 0
    code, out, _ = cli("period", "show", "2023", db=demo_db)
    assert "20/02/2024" in out and "29/02/2024" in out  # shown as people write dates
    for bad in ("2024-13-45", "tomorrow", "31/02/2024"):
        code, _, err = cli("period", "set", "2023", "--report-date", bad, "--place", "Biên Hòa", db=demo_db)
        assert code == 1 and "không phải ngày hợp lệ" in err
    code, out, _ = cli("period", "show", "2023", db=demo_db)
    assert "20/02/2024" in out and "Biên Hòa" not in out  # a refused change changes nothing
    assert cli("appendix", "--period", "2023", "--draft", "--out", str(demo_db.with_suffix(".pdf")), db=demo_db)[0] == 0


def test_demo_never_overwrites_a_database_that_holds_values(demo_db, cli):
    assert cli("values", "load", str(_one_row(demo_db, "II.1,5000,")), "--period", "2023", db=demo_db)[0] == 0
    before = cli("values", "dump", "--period", "2023", db=demo_db)[1]
    code, _, err = cli("demo", db=demo_db)
    assert code == 1 and "đã có số liệu" in err
    assert cli("values", "dump", "--period", "2023", db=demo_db)[1] == before


def test_a_report_date_outside_the_reports_window_is_refused(demo_db, cli):
    for args in (("--report-date", "01/01/1900"), ("--deadline", "01/01/2030"), ("--report-date", "31/12/2022")):
        code, _, err = cli("--lang", "en", "period", "set", "2023", *args, "--place", "Biên Hòa", db=demo_db)
        assert code == 1 and "from 01/01/2023 to 31/12/2024" in err
    code, _, err = cli("period", "set", "2023", "--report-date", "01/01/1900", db=demo_db)
    assert code == 1 and "từ 01/01/2023 đến 31/12/2024" in err
    assert "Biên Hòa" not in cli("period", "show", "2023", db=demo_db)[1]  # nothing changed
    assert cli("period", "set", "2023", "--report-date", "31/12/2024", db=demo_db)[0] == 0


def _one_row(db_path, row: str):
    path = db_path.with_suffix(".row.csv")
    path.write_text("criterion,value,explanation\n" + row + "\n", encoding="utf-8")
    return path
