"""The status bar never cuts a word: a long text ends at a word with “…”, the whole of it in the tooltip."""

from __future__ import annotations

from c27desk.gui.status_text import StatusText, elide_words


def test_a_long_status_text_is_shortened_at_a_word_with_the_whole_in_the_tooltip(qtbot):
    label = StatusText()
    qtbot.addWidget(label)
    label.resize(300, 30)
    label.show()
    text = ("Năm 2024 chưa có biểu mẫu riêng: dùng biểu mẫu P27/2023 của năm 2023, ghi lại năm theo năm 2024. "
            "Khi cấp trên gửi biểu mẫu mới: Tệp → Cài biểu mẫu do cấp trên gửi.")
    label.setText(text)
    shown = label.shown_text()
    assert shown.endswith(" …") and text.startswith(shown[:-2]) and text[len(shown) - 2] == " "
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.toolTip() == text and label.text() == text
    assert label.minimumSizeHint().width() == 0  # a long text does not widen the window
    label.resize(4000, 30)
    assert label.shown_text() == text and label.toolTip() == ""


def test_the_window_status_bar_fits_1366(qtbot, demo_db, open_window):
    window = open_window(demo_db)
    window.resize(1366, 740)
    long = "Every change is saved as soon as it is entered. " * 8
    window.say(long.strip())
    shown = window.save_state.shown_text()
    assert shown.endswith("…") and window.save_state.toolTip() == long.strip()
    assert window.width() <= 1366


def test_not_even_one_word_fits():
    from PySide6.QtGui import QFont, QFontMetrics

    metrics = QFontMetrics(QFont())
    assert elide_words("c27desk", metrics, 10000) == "c27desk"
    assert elide_words("abcdefghijklmnopqrstuvwxyz", metrics, 30).endswith("…")
