"""Where the window saves a file of one kind: the save dialog, then the same rule as ``--out`` on the
command line (``fileio.require_output_kind``): a name for another kind of file is refused with its
reason and asked for again, nothing is written, a name without a suffix gets the kind's own."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from c27desk.errors import C27Error
from c27desk.fileio import require_output_kind
from c27desk.i18n import Text, msg


def ask_save_path(parent: QWidget, title: Text, suggested: Path | str, *suffixes: str, filter_text: str = ""
                  ) -> Path | None:
    """The path the person chose for a file of the kind ``suffixes`` names, or None (cancelled).

    A name refused by the rule is said why, and the dialog opens again on the name typed so it can be
    mended there, as a save dialog does for a replace answered No; starting over from the menu would
    lose the folder. A suffix the program added to an existing file's name is confirmed before it is
    replaced: the dialog asked about the name typed, not that one."""
    start = str(suggested)
    while True:
        chosen, _ = QFileDialog.getSaveFileName(parent, str(title), start,
                                                filter_text or " ".join(f"*{s}" for s in suffixes))
        if not chosen:
            return None
        start = chosen
        try:
            path = require_output_kind(chosen, *suffixes, where=str(title))
        except C27Error as exc:
            QMessageBox.warning(parent, str(title), str(exc.text))  # the box's title already says where
            continue
        if path != Path(chosen) and os.path.exists(path):  # False, not an OSError, for a name too long
            no = QMessageBox.StandardButton.No  # Enter keeps the file, as the dialog's own question does
            answer = QMessageBox.question(parent, str(title), str(msg(
                "Đã có tệp {path}. Ghi đè?", "{path} already exists. Replace it?", path=path)),
                QMessageBox.StandardButton.Yes | no, no)
            if answer != QMessageBox.StandardButton.Yes:
                continue
        return path
