"""Cell editors: a code list for status criteria, plain line edits for numbers and text.

Validation is the model's (the same rules as the command line); the editors only make
typing fast: a letter picks a code, a number keeps the decimal comma as typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate

from c27desk.gui.entry_model import COL_VALUE, CRITERION_ROLE


class EntryDelegate(QStyledItemDelegate):
    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.entry_model = model

    def _criterion(self, index):
        return self.entry_model.catalogue.get(index.data(CRITERION_ROLE))

    def createEditor(self, parent, option, index):  # noqa: N802
        crit = self._criterion(index)
        if index.column() == COL_VALUE and crit is not None and crit.kind == "status":
            combo = QComboBox(parent)
            combo.setObjectName("codeEditor")
            inferred = self.tr("(suy ra)")  # short: the details pane says the whole of it
            for code in crit.codes:
                combo.addItem(f"{code.code} – {code.meaning}" + (f" {inferred}" if code.inferred else ""), code.code)
            combo.addItem(self.tr("N/A – Không áp dụng"), "N/A")
            combo.setMaxVisibleItems(12)
            view = combo.view()
            view.setMinimumWidth(420)
            return combo
        editor = QLineEdit(parent)
        editor.setObjectName("valueEditor" if index.column() == COL_VALUE else "explanationEditor")
        if index.column() == COL_VALUE and crit is not None and crit.kind in ("count", "amount"):
            editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
            editor.setPlaceholderText("195,2" if crit.kind == "amount" else "0")
        elif crit is not None and crit.is_numeric:
            editor.setPlaceholderText(crit.label)
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            editor.setCurrentIndex(found if found >= 0 else 0)
        else:
            editor.setText(str(value))

    def setModelData(self, editor, model, index):  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
