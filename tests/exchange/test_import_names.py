"""What an import prints about the files it found is safe to print, and nothing found is left out unsaid."""

from __future__ import annotations

import os

from c27desk.model.text import shown


def test_shown_makes_controls_visible():
    assert shown("a\x1b[2J\u202ecod.exe\nb") == "a\\x1b[2J\\u202ecod.exe↵b"
    assert shown("x" * 70, limit=10) == "x" * 9 + "…" and shown("Biên Hòa") == "Biên Hòa"


def test_import_lists_links_and_fifos_it_skips_and_shows_names_escaped(demo_db, cli, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "evil\x1b[2J\u202e.c27").write_bytes(b"not a package")
    (tmp_path / "elsewhere.c27").write_bytes(b"x")
    os.symlink(tmp_path / "elsewhere.c27", usb / "link.c27")
    os.mkfifo(usb / "pipe.c27")
    code, out, err = cli("--lang", "en", "import", str(usb))
    assert code == 1 and "\x1b" not in out + err and "\u202e" not in out + err
    assert "evil\\x1b[2J\\u202e.c27" in out
    assert "SKIPPED: link.c27 – a link (symlink), not read" in out
    assert "SKIPPED: pipe.c27 – not a regular file (FIFO, device…), not read" in out


def test_archive_replay_lists_what_it_skips(demo_db, cli, tmp_path):
    archive = tmp_path / "archive" / "ab"
    archive.mkdir(parents=True)
    os.mkfifo(archive / "pipe.c27")
    code, out, err = cli("--lang", "en", "import", "--archive", str(tmp_path / "archive"))
    assert code == 1 and "SKIPPED: pipe.c27" in out and "holds no .c27 file" in err


def test_the_window_lists_what_it_skips(demo_db, tmp_path):
    from c27desk.gui.import_dialog import check_files

    usb = tmp_path / "usb"
    usb.mkdir()
    os.mkfifo(usb / "pipe.c27")
    got = check_files(demo_db, [usb], accept_new_signer=False, commit=False)
    assert [(o.file_name, o.reason) for o in got] == [("pipe.c27", "SKIPPED")] and "không phải tệp thường (ống dẫn, thiết bị…)" in got[0].message


def test_a_files_outcome_is_said_again_in_the_language_switched_to(demo_db, tmp_path, qtbot):
    from c27desk.gui.i18n import install_language
    from c27desk.gui.import_dialog import ImportDialog

    usb = tmp_path / "usb"
    usb.mkdir()
    os.mkfifo(usb / "pipe.c27")
    dialog = ImportDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_paths([usb])
    dialog.check()
    qtbot.waitUntil(lambda: dialog.files.rowCount() == 1 and dialog.files.item(0, 3) is not None, timeout=20_000)
    assert "không phải tệp thường" in dialog.files.item(0, 3).text()
    install_language("en", remember=False)  # the Settings menu's switch, for this run
    try:
        assert "not a regular file" in dialog.files.item(0, 3).text() and "không" not in dialog.files.item(0, 3).text()
        assert "not a regular file" in dialog.outcomes[0].message
    finally:
        install_language("vi", remember=False)
