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
