"""A report cannot be finalised half blank, its details hold only printable text and stay as
finalised until reopened, reopening asks first, and carried values are confirmed on the command line."""

import io
import sys

import pytest

from c27desk.errors import InputError
from c27desk.model.values import make_entry
from c27desk.store import periods, revisions, values
from c27desk.store.database import open_database
from c27desk.workflow import open_report, unanswered_criteria


@pytest.fixture
def unit_db(cli, tmp_path):
    assert cli("init", "--unit-code", "TU-X", "--unit-name", "Tỉnh ủy X", "--level", "tinh", "--place", "Biên Hòa")[0] == 0
    f = tmp_path / "part.csv"
    f.write_text("criterion,value,explanation\nI.1,D,Chưa xác định\nII.1,402,x\nVIII.7,KAD,\n", encoding="utf-8")
    assert cli("values", "load", str(f), "--period", "2023")[0] == 0


def test_a_status_code_the_criterion_does_not_define_is_refused_naming_the_codes(demo_db):
    db = open_database(demo_db)
    crit = periods.period_catalogue(db, 2023).get("I.1")
    db.close()
    for raw in ("F", "AB", "a b", "Đ"):
        with pytest.raises(InputError) as info:
            make_entry(crit, raw, "")
        assert "các mã có: A, B, C, D" in info.value.vi and "N/A" in info.value.en
    assert make_entry(crit, "kad", "").is_na and make_entry(crit, " b ", "").value == "B"


def test_finalising_a_half_blank_report_is_refused_listing_what_is_missing(cli, unit_db, db_path):
    code, out, err = cli("finalise", "--period", "2023", "--accept-warnings")
    assert code == 1 and "Còn 117/120 tiêu chí chưa trả lời: I.2, I.3" in err and "(+102)" in err
    db = open_database(db_path)
    missing = unanswered_criteria(db, open_report(db, 2023))
    assert len(missing) == 117 and "VIII.7" not in missing and "I.1" not in missing  # KAD is an answer
    assert revisions.latest_final(db, "TU-X", 2023) is None
    values.save_entries(db, "TU-X", 2023, [(cid, values.Entry(cid, None, "", "na")) for cid in missing], who="t")
    db.close()
    assert cli("finalise", "--period", "2023", "--accept-warnings")[0] == 0


def test_init_place_reaches_every_new_period(cli, unit_db):
    assert "Biên Hòa" in cli("period", "show", "2023")[1]
    assert cli("carry-forward", "--period", "2024")[0] == 0
    assert "Biên Hòa" in cli("period", "show", "2024")[1]
    assert cli("period", "set", "2025")[0] == 0
    assert "Biên Hòa" in cli("period", "show", "2025")[1]


@pytest.mark.parametrize(("option", "text", "fragment"), [
    ("--place", "Biên\x1bHòa", "U+001B"),
    ("--signer-name", "Nguyễn\tVăn An", "U+0009"),
    ("--signer-title", "BÍ\nTHƯ", "một dòng"),
    ("--report-number", "1" * 201, "quá 200"),
    ("--recipients", "- Tỉnh ủy\x07", "U+0007"),
    ("--recipients", "x" * 1001, "quá 1000"),
])
def test_report_details_hold_only_printable_text(cli, unit_db, option, text, fragment):
    before = cli("period", "show", "2023")[1]
    code, _, err = cli("period", "set", "2023", option, text)
    assert code == 1 and fragment in err
    assert cli("period", "show", "2023")[1] == before


def test_unit_details_hold_only_printable_text(cli, tmp_path):
    code, _, err = cli("init", "--unit-code", "X", "--unit-name", "Tỉnh ủy\x00 X", "--level", "tinh",
                       db=tmp_path / "a.sqlite3")
    assert code == 1 and "U+0000" in err
    code, _, err = cli("init", "--unit-code", "X", "--unit-name", "X", "--level", "tinh", "--place", "p" * 201,
                       db=tmp_path / "b.sqlite3")
    assert code == 1 and "quá 200" in err


def test_details_of_a_finalised_report_change_only_after_reopening(cli, demo_db):
    assert cli("finalise", "--period", "2023", "--accept-warnings")[0] == 0
    code, _, err = cli("period", "set", "2023", "--signer-name", "Người Khác")
    assert code == 1 and "đã chốt" in err and "mở lại" in err
    assert "Người Khác" not in cli("period", "show", "2023")[1]
    assert cli("period", "set", "2023", "--place", "Đồng Nai")[0] == 0  # the same value: no change, no refusal
    assert cli("period", "close", "2023")[0] == 0  # the office's intake status is not a report detail
    assert cli("reopen", "--period", "2023", "--yes")[0] == 0
    assert cli("period", "set", "2023", "--signer-name", "Người Khác")[0] == 0


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_reopen_asks_and_refuses_without_a_terminal(cli, demo_db, monkeypatch):
    assert cli("finalise", "--period", "2023", "--accept-warnings")[0] == 0
    code, _, err = cli("reopen", "--period", "2023")  # pytest's stdin is no terminal
    assert code == 1 and "--yes" in err
    monkeypatch.setattr(sys, "stdin", _Tty("k\n"))
    code, out, _ = cli("reopen", "--period", "2023")
    assert code == 1 and "Không mở lại" in out and "[c/K]" in out
    monkeypatch.setattr(sys, "stdin", _Tty("c\n"))
    assert cli("reopen", "--period", "2023")[0] == 0
    code, _, err = cli("reopen", "--period", "2023", "--yes")  # already open: said without asking
    assert code == 1 and "đang mở" in err


def test_values_confirm_accepts_carried_values(cli, demo_db, db_path):
    assert cli("carry-forward", "--period", "2024")[0] == 0
    code, out, _ = cli("values", "confirm", "--period", "2024", "II.1", "VIII.6")
    assert code == 0 and "Đã xác nhận 2 giá trị: II.1, VIII.6; còn 118" in out
    code, _, err = cli("values", "confirm", "--period", "2024", "II.1")
    assert code == 1 and "không có giá trị chuyển từ năm trước" in err
    code, _, err = cli("values", "confirm", "--period", "2024", "IX.9")
    assert code == 1 and "IX.9" in err
    code, _, err = cli("values", "confirm", "--period", "2024")
    assert code == 1 and "--all" in err  # neither criteria nor --all
    code, out, _ = cli("values", "confirm", "--period", "2024", "--all")
    assert code == 0 and "Đã xác nhận 118 giá trị" in out
    db = open_database(db_path)
    assert all(e.state == "answered" for e in values.entries(db, "TU-DONGNAI", 2024).values())
    db.close()


def test_a_unit_set_up_with_init_place_exports_without_retyping_it(cli, unit_keys, tmp_path, monkeypatch):
    from tests.conftest import DEMO_CSV
    from tests.signing_support import PASSPHRASE

    monkeypatch.setenv("C27DESK_PIN", PASSPHRASE)
    assert cli("init", "--unit-code", "TU-DONGNAI", "--unit-name", "Tỉnh ủy Đồng Nai", "--level", "tinh",
               "--place", "Đồng Nai")[0] == 0
    assert cli("values", "load", str(DEMO_CSV), "--period", "2023")[0] == 0
    assert cli("period", "set", "2023", "--signer-title", "BÍ THƯ", "--signer-name", "Nguyễn Văn A",
               "--report-number", "45", "--report-date", "20/02/2024")[0] == 0
    assert cli("finalise", "--period", "2023", "--accept-warnings")[0] == 0
    code, _, err = cli("export", "--period", "2023", "--out", str(tmp_path / "usb"), "--sign-p12", str(unit_keys.p12))
    assert code == 0, err
