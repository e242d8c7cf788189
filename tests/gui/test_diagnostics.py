"""An unforeseen error in the window says what failed and where the log is; the window goes on.
Background work logs its failure instead of printing it to a console nobody sees."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from c27desk import log
from c27desk.gui import diagnostics
from c27desk.gui.workers import run_in_background


def raised(exc: Exception):
    try:
        raise exc
    except Exception as caught:  # noqa: BLE001 - a real traceback for the box
        return caught, caught.__traceback__


def test_unexpected_error_box_says_what_where_and_offers_the_log_folder(qtbot, monkeypatch):
    log.setup("window")
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    exc, tb = raised(KeyError("II.3"))
    box = diagnostics.unexpected_box(exc, tb)
    qtbot.addWidget(box)
    assert "lỗi không mong đợi: KeyError: 'II.3'" in box.text()
    assert f"Chi tiết đã ghi vào nhật ký: {log.log_path()}" in box.informativeText()
    assert "Chương trình vẫn chạy tiếp" in box.informativeText()
    assert "Traceback" in box.detailedText()
    folder = next(b for b in box.buttons() if b.text() == "Mở thư mục nhật ký")
    folder.click()
    assert opened == [str(log.log_dir())]


def test_show_unexpected_logs_the_traceback_and_shows_one_box(qtbot, monkeypatch):
    log.setup("window")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    exc, tb = raised(ValueError("bad cell"))
    diagnostics.show_unexpected(exc, tb)
    text = log.log_path().read_text(encoding="utf-8")
    assert "failed in window: ValueError: bad cell" in text and "Traceback" in text
    assert len(shown) == 1 and "ValueError: bad cell" in shown[0]
    assert QApplication.instance() is not None  # the program is still there to take the next action


def test_a_failing_background_task_reports_through_its_signal_and_the_log(qtbot):
    log.setup("window")
    failures: list[str] = []

    def job():
        raise ZeroDivisionError("no units")

    run_in_background(job, lambda _r: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert "Lỗi không mong đợi: ZeroDivisionError: no units" in failures[0]
    assert f"Chi tiết đã ghi vào nhật ký: {log.log_path()}" in failures[0]
    text = log.log_path().read_text(encoding="utf-8")
    assert "failed in background task" in text and "Traceback" in text


def test_a_failing_background_write_is_its_one_line(qtbot, tmp_path):
    failures: list[str] = []

    def job():
        (tmp_path / "gone" / "x.pdf").write_bytes(b"%PDF")

    run_in_background(job, lambda _r: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert "không có tệp hoặc thư mục này" in failures[0] and "Traceback" not in failures[0]
