"""Every file a user names (a certificate, a form, a PDF to verify, a .p12) is read through one reader that
refuses a device, a pipe or an oversized file before reading it: never a hang or a memory blow-up."""

from __future__ import annotations

import os

import pytest

from c27desk.errors import C27Error


@pytest.mark.parametrize("args", [
    ("units", "pin", "--code", "HU-X", "--cert", "/dev/zero"),
    ("trust", "add-ca", "/dev/zero"),
    ("verify", "/dev/zero"),
    ("catalog", "install", "/dev/zero"),
])
def test_a_device_named_as_a_file_is_one_refused_line(demo_db, cli, args):
    code, _, err = cli("--lang", "en", *args)
    assert code == 1 and "/dev/zero is not a regular file" in err and "Traceback" not in err


def test_the_one_reader_refuses_pipes_and_oversized_files(tmp_path):
    from c27desk.fileio import read_file

    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(C27Error) as refused:
        read_file(tmp_path / "pipe")  # would wait forever for a writer
    assert refused.value.code == "NOT_A_FILE"
    (tmp_path / "big").write_bytes(b"x" * 2048)
    with pytest.raises(C27Error) as refused:
        read_file(tmp_path / "big", max_bytes=1024)
    assert refused.value.code == "FILE_TOO_LARGE"


def test_a_p12_that_is_a_device_is_refused_before_any_passphrase(final_demo, cli, monkeypatch, tmp_path):
    monkeypatch.setenv("C27DESK_PIN", "x")
    code, _, err = cli("--lang", "en", "appendix", "--period", "2023", "--out", str(tmp_path / "a.pdf"),
                       "--sign-p12", "/dev/zero")
    assert code == 1 and "/dev/zero is not a regular certificate file" in err
    assert not (tmp_path / "a.pdf").exists()


@pytest.mark.parametrize("args", [
    ["appendix", "--period", "2023", "--draft", "--out", "{t}/a.txt"],
    ["received", "appendix", "--unit", "HU-X", "--period", "2023", "--out", "{t}/a.txt"],
    ["export", "--period", "2023", "--out", "{t}/b.pdf"],
    ["consolidate", "--period", "2023", "--out", "{t}/c.pdf"],
    ["catalog", "to-xlsx", "--period", "2023", "--out", "{t}/d.csv"],
    ["values", "dump", "--period", "2023", "--out", "{t}/v.csv.pdf"],
    ["catalog", "publish", "--period", "2023", "--out", "{t}/f.txt", "--sign-p12", "{t}/none.p12"],
    ["values", "dump", "--period", "2023", "--format", "json", "--out", "{t}/v.csv"],
])
def test_an_output_named_for_another_kind_of_file_is_refused_and_nothing_written(demo_db, cli, tmp_path, args):
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = cli("--lang", "en", *[a.format(t=out) for a in args], db=demo_db)
    assert code == 1 and "--out" in err and "nothing was written" in err
    assert list(out.iterdir()) == []


def test_an_output_of_the_right_kind_or_a_folder_is_taken(tmp_path):
    from c27desk.fileio import require_output_kind

    assert require_output_kind(tmp_path / "a.PDF", ".pdf").name == "a.PDF"
    assert require_output_kind(tmp_path / "usb" / "2024", ".c27", folder_ok=True)
    assert require_output_kind(tmp_path, ".c27", folder_ok=True) == tmp_path
    with pytest.raises(C27Error, match=r"x\.zip"):
        require_output_kind(tmp_path / "x.zip", ".c27", folder_ok=True)


def test_an_output_named_without_a_kind_gets_the_kinds_suffix(demo_db, cli, tmp_path):
    from c27desk.fileio import require_output_kind

    assert require_output_kind(tmp_path / "bao-cao", ".pdf") == tmp_path / "bao-cao.pdf"
    assert require_output_kind(tmp_path / "tong-hop-v1.2", ".xlsx", ".csv").name == "tong-hop-v1.2.xlsx"
    code, out, _ = cli("--lang", "en", "appendix", "--period", "2023", "--draft", "--out", str(tmp_path / "bao-cao"),
                       db=demo_db)
    assert code == 0 and str(tmp_path / "bao-cao.pdf") in out and (tmp_path / "bao-cao.pdf").is_file()
    assert not (tmp_path / "bao-cao").exists()


@pytest.mark.parametrize("lang, words", [("en", "is a folder; add the name of a .pdf file in it; nothing was written."),
                                         ("vi", "là một thư mục; hãy ghi thêm tên tệp .pdf trong thư mục đó")])
def test_an_output_that_is_a_folder_is_called_a_folder(demo_db, cli, tmp_path, lang, words):
    out = tmp_path / "USB"
    out.mkdir()
    code, _, err = cli("--lang", lang, "appendix", "--period", "2023", "--draft", "--out", str(out), db=demo_db)
    assert code == 1 and f"{out} {words}" in err and list(out.iterdir()) == []


@pytest.mark.parametrize("lang, words", [("en", "there is no folder {f}. Any existing file is unchanged."),
                                         ("vi", "không có thư mục {f}. Tệp cũ (nếu có) không bị thay đổi.")])
def test_an_output_in_a_missing_folder_names_the_missing_folder(demo_db, cli, tmp_path, lang, words):
    out = tmp_path / "Báo cáo 2023" / "tổng hợp.xlsx"
    code, _, err = cli("--lang", lang, "consolidate", "--period", "2023", "--out", str(out), db=demo_db)
    assert code == 1 and err.rstrip().endswith(f"{out}: " + words.format(f=out.parent)), err
    assert not out.parent.exists()


def test_a_name_whose_last_dot_is_followed_by_vietnamese_words_is_a_name(tmp_path):
    from c27desk.fileio import require_output_kind

    assert require_output_kind(tmp_path / "Báo cáo T.Hòa", ".pdf").name == "Báo cáo T.Hòa.pdf"
    assert require_output_kind(tmp_path / "tổng hợp xã Tân.Hưng", ".xlsx", ".csv").name == "tổng hợp xã Tân.Hưng.xlsx"
    with pytest.raises(C27Error, match=r"a\.pdf\.txt"):
        require_output_kind(tmp_path / "a.pdf.txt", ".pdf")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_values_dump_named_without_a_kind_gets_its_formats_suffix(demo_db, cli, tmp_path, fmt):
    code, out, _ = cli("values", "dump", "--period", "2023", "--format", fmt, "--out", str(tmp_path / "bảng giá trị"),
                       db=demo_db)
    written = tmp_path / f"bảng giá trị.{fmt}"
    assert code == 0 and out == f"Đã ghi {written}.\n" and written.stat().st_size > 1000
    assert not (tmp_path / "bảng giá trị").exists()


def test_a_name_ending_in_dots_or_spaces_gets_the_suffix_without_them(tmp_path):
    """Windows drops a name's trailing dots and spaces: "báo cáo." means báo cáo.pdf, not "báo cáo..pdf"."""
    from c27desk.fileio import require_output_kind

    assert require_output_kind(tmp_path / "báo cáo.", ".pdf") == tmp_path / "báo cáo.pdf"
    assert require_output_kind(tmp_path / "tổng hợp . ", ".xlsx", ".csv") == tmp_path / "tổng hợp.xlsx"
    assert require_output_kind(tmp_path / "x.pdf ", ".pdf") == tmp_path / "x.pdf"  # not x.pdf.pdf
    with pytest.raises(C27Error):
        require_output_kind(tmp_path / "x.txt. ", ".pdf")
    for nameless in (".pdf", "...", " "):
        with pytest.raises(C27Error) as info:
            require_output_kind(tmp_path / nameless, ".pdf")
        assert f"“{nameless}” has no name; type a name before .pdf" in info.value.message("en")


@pytest.mark.parametrize("lang, why", [("vi", "Không ghi được {out}: tên tệp hoặc đường dẫn quá dài."),
                                       ("en", "Cannot write {out}: the file name or path is too long.")])
def test_an_output_name_too_long_for_the_disk_is_said_in_the_readers_words(demo_db, cli, tmp_path, lang, why):
    out = tmp_path / ("á" * 200)
    code, _, err = cli("--lang", lang, "values", "dump", "--period", "2023", "--out", str(out), db=demo_db)
    assert code == 1 and why.format(out=f"{out}.csv") in err and "File name too long" not in err, err


def test_the_output_rule_answers_a_name_too_long_without_an_os_error(tmp_path):
    """The window's save dialog catches the rule's refusals: an OSError from checking the name would escape it."""
    from c27desk.fileio import require_output_kind

    long = tmp_path / ("á" * 200)
    assert require_output_kind(long, ".pdf") == tmp_path / ("á" * 200 + ".pdf")
    assert require_output_kind(long, ".c27", folder_ok=True) == long
