"""The status bar's text: one line that never cuts a word in half.

A text longer than the room the status bar has is shortened at a word boundary with “…”, the
whole of it in the tooltip; the label asks for no width of its own, so a long text can neither
widen the window past a 1366×768 screen nor be clipped mid-word at its edge.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QLabel

ELLIPSIS = "…"


def elide_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` as it fits ``width``: whole, or cut after a whole word and ended with “…”."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        shown = " ".join(words).rstrip(" ,;:–—-") + " " + ELLIPSIS
        if metrics.horizontalAdvance(shown) <= width:
            return shown
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)  # not even one word fits


class StatusText(QLabel):
    """A one-line label for the status bar: ``text()`` is the whole text, the label shows what fits."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown = ""
        self.setMinimumWidth(0)

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._refit()

    def shown_text(self) -> str:
        """What the status bar shows now (the whole text, or its start up to a word and “…”)."""
        return self._shown

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._refit()

    def _refit(self) -> None:
        full = super().text()
        self._shown = elide_words(full, self.fontMetrics(), self.contentsRect().width())
        self.setToolTip(full if self._shown != full else "")

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self._shown)
