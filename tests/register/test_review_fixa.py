"""A new user's review (list A): what the command line says is said in words, counted right, in order."""

from __future__ import annotations

import pytest

from c27desk.i18n import Lang


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verify_of_a_file_that_is_no_pdf_says_so_once_without_a_class_name(cli, tmp_path, lang):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n", encoding="utf-8")
    code, out, _ = cli("--lang", lang, "verify", str(bad))
    assert code == 1 and len(out.strip().splitlines()) == 1, out
    assert "Error" not in out and "Người ký" not in out and "Signer" not in out and "?" not in out


@pytest.mark.parametrize(("lang", "said"), [("vi", "“20x3” không phải số nguyên"), ("en", "“20x3” is not a whole number")])
def test_a_value_of_the_wrong_kind_is_said_in_words(cli, capsys, lang, said):
    with pytest.raises(SystemExit) as done:
        cli("--lang", lang, "units", "add", "--code", "HU-B", "--name", "B", "--from", "20x3")
    err = capsys.readouterr().err
    assert done.value.code == 2 and said in err and "int" not in err


def test_usage_errors_start_in_sentence_case_and_help_is_in_vietnamese(cli, capsys):
    with pytest.raises(SystemExit):
        cli("check")
    assert "c27desk check: Lệnh chưa đúng:" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli("--lang", "en", "check")
    assert "c27desk check: Usage error:" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli("reopen", "--help")
    assert "script" not in capsys.readouterr().out


def test_a_link_among_packages_is_skipped_in_vietnamese_words(tmp_path):
    from c27desk.exchange.archive import not_plain_file

    (tmp_path / "link.c27").symlink_to(tmp_path / "elsewhere.c27")
    why = not_plain_file(tmp_path / "link.c27")
    assert why.render(Lang.VI) == "là liên kết tắt, không đọc" and "symlink" in why.render(Lang.EN)


@pytest.mark.parametrize(("lang", "said"), [("vi", "thiếu trường “format”"), ("en", "has no “format” field")])
def test_a_form_file_without_its_format_says_the_field_is_missing(cli, tmp_path, lang, said):
    (tmp_path / "f.json").write_text('{"year": 2023}', encoding="utf-8")
    code, _, err = cli("--lang", lang, "catalog", "validate", str(tmp_path / "f.json"))
    assert code == 1 and said in err and "None" not in err


def test_a_reported_year_counts_its_received_packages_with_the_english_plural(office, bienhoa, child_keys, tmp_path,
                                                                              cli):
    from tests.exchange.support import YEAR, export, run

    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "usb")
    assert run(office, "import", str(tmp_path / "usb"), "--accept-new-signer", "HU-BIENHOA") == 0
    code, _, err = cli("--lang", "en", "units", "add", "--code", "HU-B", "--name", "B", "--level", "huyen",
                       "--from", str(YEAR), db=office)
    assert code == 1 and f"({YEAR}: 1 received package)" in err, err
    code, _, err = cli("units", "add", "--code", "HU-B", "--name", "B", "--level", "huyen", "--from", str(YEAR),
                       db=office)
    assert code == 1 and f"({YEAR}: 1 gói đã nhận)" in err, err


def test_the_check_summary_counts_the_signature_block_warning_it_printed(bienhoa, cli):
    from tests.exchange.support import YEAR

    assert cli("reopen", "--period", str(YEAR), "--yes", db=bienhoa)[0] == 0
    assert cli("period", "set", str(YEAR), "--signer-title", "", db=bienhoa)[0] == 0
    _, out, _ = cli("--lang", "en", "check", "--period", str(YEAR), db=bienhoa)
    printed = sum(line.startswith("WARNING") for line in out.splitlines())
    assert printed >= 1 and f"{printed} warning" in out.splitlines()[-1], out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_export_of_a_report_not_finalised_does_not_suggest_an_option_it_lacks(demo_db, cli, tmp_path, lang):
    code, _, err = cli("--lang", lang, "appendix", "--period", "2023", "--out", str(tmp_path / "a.pdf"))
    assert code == 1 and "--draft" in err
    code, _, err = cli("--lang", lang, "export", "--period", "2023", "--out", str(tmp_path / "usb"), "--sign-p12",
                       str(tmp_path / "k.p12"))
    assert code != 0 and "finalise --period 2023" in err and "--draft" not in err, err


def test_backup_list_says_when_why_and_how_large_in_the_readers_language(demo_db, cli):
    import re

    assert cli("backup", db=demo_db)[0] == 0
    for lang, why in (("vi", "sao lưu thủ công"), ("en", "made by hand")):
        lines = cli("--lang", lang, "backup", "--list", db=demo_db)[1].splitlines()
        manual = next(line for line in lines if line.endswith("-manual.sqlite3"))
        assert re.match(r"\d\d/\d\d/\d{4} \d\d:\d\d \(GMT\+7\)  " + why + r"  \d+ KB  /", manual), manual


@pytest.mark.parametrize(("lang", "said"), [("vi", "ghi dạng ngày/tháng/năm, ví dụ 20/02/2024."),
                                            ("en", "write day/month/year, for example 20/02/2024.")])
def test_a_date_that_is_not_is_answered_with_the_dd_mm_yyyy_form_only(demo_db, cli, lang, said):
    code, _, err = cli("--lang", lang, "period", "set", "2023", "--report-date", "31/02/2024")
    assert code == 1 and said in err and "2024-02-20" not in err
    assert cli("period", "set", "2023", "--report-date", "2024-02-20")[0] == 0  # ISO is still taken, unsaid


def test_a_first_package_refusal_names_the_unit_to_accept(office, bienhoa, child_keys, tmp_path, cli):
    from tests.exchange.support import export

    export(bienhoa, child_keys["HU-BIENHOA"].p12_spec(), tmp_path / "usb")
    for lang in ("vi", "en"):
        code, out, _ = cli("--lang", lang, "import", "--dry-run", str(tmp_path / "usb"), db=office)
        assert code == 1 and "--accept-new-signer HU-BIENHOA)" in out, out
        assert "UNIT_CODE" not in out and "MÃ_ĐƠN_VỊ" not in out


def test_a_package_short_of_members_names_the_missing_ones(demo_db, cli, tmp_path):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("manifest.json", "{}")
    (tmp_path / "z.c27").write_bytes(buf.getvalue())
    for lang, said in (("vi", "thiếu 3 thành phần: "), ("en", "3 members missing: ")):
        code, out, _ = cli("--lang", lang, "import", "--dry-run", str(tmp_path / "z.c27"))
        assert code == 1 and said in out and "data.json" in out and "manifest.json" not in out.split(said)[1], out


def test_the_proposals_to_accept_are_listed_in_the_forms_order(demo_db, cli):
    from c27desk.consolidate.summary import consolidate, proposals
    from c27desk.store.database import open_database

    db = open_database(demo_db)
    try:
        in_form = [p.criterion for p in proposals(consolidate(db, 2023))]
    finally:
        db.close()
    code, _, err = cli("--lang", "en", "consolidate", "--period", "2023", "--accept", "XX.1")
    assert code == 1 and f"(there are: {', '.join(in_form)})" in err, err
