"""The window on a write-protected stick: view only, saying why, and a preview still renders."""

from __future__ import annotations

from c27desk.gui.app import open_for_window
from c27desk.gui.main_window import MainWindow
from tests.foundation.test_open_safety import read_only_stick  # noqa: F401 - a fixture


def test_window_on_a_write_protected_stick_says_why_and_previews(qtbot, read_only_stick):  # noqa: F811
    db, instance, read_only = open_for_window(read_only_stick, interactive=False)
    window = MainWindow(db, read_only_stick, period=2023, read_only=read_only)
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitExposed(window)
        assert instance is None and "chỉ cho đọc" in window.banner.text()
        assert "cửa sổ khác" not in window.banner.text()
        window.appendix.act_preview.trigger()  # rendered on a worker with its own (read-only) connection
        qtbot.waitUntil(lambda: window.appendix.preview is not None and window.appendix.preview.isVisible(),
                        timeout=15000)
        assert window.appendix.preview.document.pageCount() >= 2
        window.appendix.preview.close()
    finally:
        window.close()
        db.close()
