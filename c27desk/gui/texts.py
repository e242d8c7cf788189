"""The texts a window shows, kept as messages so that a language switch says each of them again.

A dialog that stays open beside the main window (the desk, received reports, import, units, the
preview) sets each text through :meth:`ShownTexts.show` instead of calling the setter with a
rendered string; on Qt's LanguageChange the dialog calls :meth:`ShownTexts.again` and every
label, button, title, tab and status line reads in the new language — the latest text of each
setter, not the one the dialog opened with.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel

from c27desk.gui.i18n import can_speak
from c27desk.i18n import Lang, Text, language


def rendered(value: Any) -> Any:
    """A message in the interface language; a list of them one by one; anything else as it is."""
    if isinstance(value, Text):
        return value.render()
    if isinstance(value, list):
        return [rendered(v) for v in value]
    return value


class ShownTexts:
    """Setter calls remembered by widget and setter (and index, for a tab or a combo item)."""

    def __init__(self) -> None:
        self._shown: dict[tuple, tuple[Callable, tuple]] = {}

    def show(self, setter: Callable, *args: Any) -> None:
        """``setter(*args)`` with each message rendered; remembered so that :meth:`again` repeats it."""
        owner = getattr(setter, "__self__", None)
        key = (id(owner), getattr(setter, "__name__", ""), *(a for a in args if isinstance(a, int)))
        self._shown[key] = (setter, args)
        setter(*rendered(list(args)))

    def label(self, text: Text, parent) -> QLabel:
        """A label showing ``text`` (a form's row label, a caption)."""
        label = QLabel(parent)
        self.show(label.setText, text)
        return label

    def again(self) -> None:
        """Every remembered text once more, in the language set now."""
        for key, (setter, args) in list(self._shown.items()):
            try:
                setter(*rendered(list(args)))
            except RuntimeError:  # the widget is gone (a tab rebuilt since)
                del self._shown[key]


class SaysAgain:
    """Mixin for a dialog with ``self.texts``: re-says them on LanguageChange (extend
    :meth:`retranslate` for what is not a plain setter, such as table headers)."""

    texts: ShownTexts
    _said_in: Lang | None = None

    def changeEvent(self, event) -> None:  # noqa: N802
        # a dialog gets the event twice (as a window, and as its parent window's child): say it all once
        # (and not at all once its database is closed: Qt posts the event to hidden windows too)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "texts") and self._said_in != language() \
                and can_speak(self):
            self._said_in = language()
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.texts.again()
