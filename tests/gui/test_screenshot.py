"""`c27desk gui --screenshot` writes the window as a PNG and exits."""

from PySide6.QtGui import QImage

from c27desk.cli import main


def test_screenshot_of_the_demo(demo_db, tmp_path, qapp):
    out = tmp_path / "shot.png"
    assert main(["--db", str(demo_db), "gui", "--screenshot", str(out), "--period", "2023"]) == 0
    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 500


def test_screenshot_without_a_unit_shows_setup(tmp_path, qapp):
    out = tmp_path / "setup.png"
    assert main(["--db", str(tmp_path / "new.sqlite3"), "gui", "--screenshot", str(out)]) == 0
    assert QImage(str(out)).width() > 200


def test_screenshots_neither_use_nor_change_the_saved_window_size(demo_db, tmp_path, cli):
    from c27desk.gui.config import config_dir

    first, second = tmp_path / "a.png", tmp_path / "b.png"
    assert cli("gui", "--screenshot", str(first), "--period", "2023", db=demo_db)[0] == 0
    assert not any(config_dir().glob("*.ini")) or "geometry" not in next(config_dir().glob("*.ini")).read_text()
    assert cli("gui", "--screenshot", str(second), "--period", "2023", db=demo_db)[0] == 0
    assert QImage(str(first)).size() == QImage(str(second)).size()
    code, _, err = cli("gui", "--screenshot", str(tmp_path / "c.png"), "--period", "2031", db=demo_db)
    assert code == 1 and "Chưa có kỳ báo cáo năm 2031" in err


def test_lang_on_the_command_line_wins_for_that_run_only(demo_db, tmp_path, qapp, monkeypatch):
    """`c27desk --lang en gui` draws the window in English even when Vietnamese is the saved
    choice, and leaves that saved choice as it was; without --lang the saved choice is used."""
    from c27desk.gui import i18n, main_window
    from c27desk.gui.config import settings

    titles = []
    settle = main_window.settle

    def recording(widget, ms):
        if isinstance(widget, main_window.MainWindow) and ms:
            titles.append(widget.menu_report.title())
        settle(widget, ms)

    monkeypatch.setattr(main_window, "settle", recording)
    settings().setValue("language", "vi")
    try:
        out = tmp_path / "en.png"
        assert main(["--lang", "en", "--db", str(demo_db), "gui", "--screenshot", str(out), "--period", "2023"]) == 0
        assert titles == ["&Report"]
        assert settings().value("language") == "vi"  # the saved choice is untouched
        settings().setValue("language", "en")
        assert main(["--db", str(demo_db), "gui", "--screenshot", str(out), "--period", "2023"]) == 0
        assert titles[-1] == "&Report"  # no --lang: the saved choice
        assert main(["--lang", "vi", "--db", str(demo_db), "gui", "--screenshot", str(out), "--period", "2023"]) == 0
        assert titles[-1] != "&Report" and settings().value("language") == "en"
    finally:
        i18n.install_language("vi")
