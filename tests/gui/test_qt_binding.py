"""Guards against a Qt binding that wears down None's reference count.

PySide6 6.12.0 on Python 3.11 converts an empty QVariant to None (and None to a QVariant)
without balancing the reference: each call lowers None's count by one and, after some
thousands, the interpreter aborts ("deallocating None") — minutes into a clerk's session, as the
views ask for data they don't have. 6.11 is clean; pyproject pins below 6.12 and this test
fails on any binding with the fault, so an upgrade can't bring it back silently.
"""

import gc
import sys

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QTreeWidgetItem


def test_empty_qvariants_keep_none_alive(qapp):
    model = QStringListModel(["a"])
    item = QTreeWidgetItem()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
        item.setData(0, Qt.ItemDataRole.UserRole, None)
        item.data(0, Qt.ItemDataRole.UserRole)
    gc.collect()
    assert sys.getrefcount(None) >= before - 100, "this Qt binding leaks references to None; see pyproject.toml"
