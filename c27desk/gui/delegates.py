"""Cell editors: a code list for status criteria, plain line edits for numbers and text.

Validation is the model's (the same rules as the command line); the editors only make
typing fast: a letter picks a code, a number keeps the decimal comma as typed. A letter
that is no code is kept as typed and handed to the model, which refuses it and names the
codes that exist: a code list that silently stayed on its first code would store "A" for
an "F" nobody meant.
"""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate

from c27desk.gui.entry_model import COL_VALUE, CRITERION_ROLE
from c27desk.i18n import msg

REFUSED_STYLE = "border: 2px solid #b00020; background: #fff0f0;"


class CodeCombo(QComboBox):
    """The code list. One letter typed picks that code; anything else typed ("F", "abc") is kept as typed
    and shown, not chosen, so the model refuses it and names the codes that exist. Backspace takes a
    typed letter back. Arrows and the mouse still choose from the list."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("codeEditor")
        self.typed = ""      # what is kept as typed when it is no code (shown as the placeholder)
        self._keys = ""      # every letter typed since the editor opened

    def keep_typed(self, text: str) -> None:
        self.typed = self._keys = text  # a refused value shown again can be corrected letter by letter
        self.setCurrentIndex(-1)
        self.setPlaceholderText(text)

    def _judge(self) -> None:
        found = self.findData(self._keys.upper()) if self._keys else -1
        if found < 0 and self._keys.upper() in ("N", "NA", "N/A", "KAD"):
            found = self.findData("N/A")
        if found >= 0:
            self.typed = ""
            self.setCurrentIndex(found)
        elif self._keys:
            self.keep_typed(self._keys)

    def keyPressEvent(self, event):  # noqa: N802
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if event.key() == Qt.Key.Key_Backspace and self._keys:
            self._keys = self._keys[:-1]
            self._judge()
            return
        if plain and text and text.isprintable() and not text.isspace():
            self._keys += text
            self._judge()
            return
        super().keyPressEvent(event)

    def text_for_model(self) -> str | None:
        """What to store: the chosen code, the letters typed when they are no code, None when nothing was chosen."""
        if self.currentIndex() >= 0:
            return self.currentData()
        return self.typed or None


class EntryDelegate(QStyledItemDelegate):
    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.entry_model = model
        self.refused_text: dict[QPersistentModelIndex, str] = {}  # a refused value to show again in its cell

    def _criterion(self, index):
        return self.entry_model.catalogue.get(index.data(CRITERION_ROLE))

    def createEditor(self, parent, option, index):  # noqa: N802
        crit = self._criterion(index)
        if index.column() == COL_VALUE and crit is not None and crit.kind == "status":
            combo = CodeCombo(parent)
            combo.setObjectName("codeEditor")
            inferred = str(msg("(suy ra)", "(inferred)"))  # short: the details pane says the whole of it
            for code in crit.codes:
                combo.addItem(f"{code.code} – {code.meaning}" + (f" {inferred}" if code.inferred else ""), code.code)
            combo.addItem(str(msg("N/A – Không áp dụng", "N/A – Not applicable")), "N/A")
            combo.setMaxVisibleItems(12)
            view = combo.view()
            view.setMinimumWidth(420)
            editor = combo
        else:
            editor = QLineEdit(parent)
            editor.setObjectName("valueEditor" if index.column() == COL_VALUE else "explanationEditor")
            if index.column() == COL_VALUE and crit is not None and crit.kind in ("count", "amount"):
                editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
                editor.setPlaceholderText("195,2" if crit.kind == "amount" else "0")
            elif crit is not None and crit.is_numeric:
                editor.setPlaceholderText(crit.label)
        editor.cell = QPersistentModelIndex(index)  # which cell this editor belongs to, after rows move
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        refused = self.refused_text.pop(QPersistentModelIndex(index), None)
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, CodeCombo):
            found = editor.findData(refused if refused is not None else value)
            if refused is not None and found < 0:
                editor.keep_typed(refused)
            else:
                editor.setCurrentIndex(found)  # -1 (nothing chosen) for an unanswered row
        else:
            editor.setText(str(refused if refused is not None else value))
        if refused is not None:
            editor.setStyleSheet(REFUSED_STYLE)

    def setModelData(self, editor, model, index):  # noqa: N802
        text = editor.text_for_model() if isinstance(editor, CodeCombo) else editor.text()
        if text is None:
            return  # nothing chosen in the code list: nothing to change
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    @staticmethod
    def editor_text(editor) -> str:
        if isinstance(editor, CodeCombo):
            return editor.text_for_model() or ""
        return editor.text() if isinstance(editor, QLineEdit) else ""
