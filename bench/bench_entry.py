"""Typing in the entry window: key press to a committed, re-checked and repainted edit. Prints figures.

    .venv/bin/python bench/bench_entry.py [--edits 1000]

Drives the real window (offscreen unless a display is set) on the demo database with key presses:
for each edit the cursor goes to a cell (not timed), a value or explanation is typed into the
editor (not timed), then Enter is pressed; the time runs from that key press until the database
holds the value, the report has been re-checked and the table's viewport has painted again (events
processed until the paint arrives). Edits cycle over all rows: codes, counts, amounts and
explanations, so some raise or clear cross-field problems. The bare work — the save and the
re-check — is timed inside the same edits, for the ratio.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=1000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("C27DESK_USER", "bench")
    tmp = tempfile.TemporaryDirectory()
    os.environ["C27DESK_CONFIG_DIR"] = str(Path(tmp.name) / "config")

    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from c27desk.demo import create_demo
    from c27desk.gui.entry_model import COL_EXPLANATION, COL_VALUE, EntryModel
    from c27desk.gui.main_window import MainWindow, settle
    from c27desk.store.database import open_database

    app = QApplication.instance() or QApplication(sys.argv)
    db_path = Path(tmp.name) / "demo.sqlite3"
    db = open_database(db_path)
    create_demo(db, who="bench")

    calls = {"data": 0}
    original_data = EntryModel.data

    def counting_data(self, index, role=Qt.ItemDataRole.DisplayRole):
        calls["data"] += 1
        return original_data(self, index, role)

    EntryModel.data = counting_data

    window = MainWindow(db, db_path, period=2023)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    settle(window, 200)
    table, model = window.table, window.model

    class PaintWatch(QObject):
        painted = painted_cpu = 0.0

        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.painted, self.painted_cpu = time.perf_counter(), time.thread_time()
            return False

    watch = PaintWatch()
    table.viewport().installEventFilter(watch)

    bare = {"t": 0.0}
    session = model.session

    def timed(work):
        def run(*a, **kw):
            start = time.perf_counter()
            try:
                return work(*a, **kw)
            finally:
                bare["t"] += time.perf_counter() - start
        return run

    session.save, session.check = timed(session.save), timed(session.check)
    cells = {"n": 0}
    model.dataChanged.connect(lambda tl, br, *_: cells.__setitem__(
        "n", cells["n"] + (br.row() - tl.row() + 1) * (br.column() - tl.column() + 1)))

    criteria = list(model.criteria)
    profile = None
    if os.environ.get("BENCH_PROFILE"):  # where the time of the timed part goes
        import cProfile

        profile = cProfile.Profile()
    times, cpu, bares, data_calls, changed_cells = [], [], [], [], []
    for i in range(args.edits):
        crit = criteria[(i * 7) % len(criteria)]  # hop about the table, so the view scrolls
        entry = model.entries.get(crit.id)
        if i % 3 == 2:
            column, text = COL_EXPLANATION, f"ghi chu {i}"
        elif crit.kind == "status":
            codes = [c.code for c in crit.codes if not entry or c.code != entry.value]
            column, text = COL_VALUE, codes[i % len(codes)]
        elif crit.kind in ("count", "amount"):
            column, text = COL_VALUE, str(1 + (i * 37) % 500)
            if entry and entry.value == text:
                text = str(int(text) + 1)
        else:
            column, text = COL_EXPLANATION, f"ghi chu {i}"
        window.jump_to(crit.id, column)
        QTest.keyClicks(table, text[0])  # typing starts editing...
        editor = table.focusWidget()
        if len(text) > 1:
            QTest.keyClicks(editor, text[1:])
        app.processEvents()
        saved_before, bare["t"], calls["data"], cells["n"] = model.undo_stack.count(), 0.0, 0, 0
        if profile:
            profile.enable()
        start, cpu_start = time.perf_counter(), time.thread_time()
        QTest.keyClick(editor, Qt.Key.Key_Return)
        deadline = start + 5
        while time.perf_counter() < deadline:
            app.processEvents()
            done = model.undo_stack.count() != saved_before and table.state() != QAbstractItemView.State.EditingState
            if done and watch.painted > start:
                break
        else:
            raise SystemExit(f"edit {i} ({crit.id} {text!r}) not saved and painted within 5 s")
        cpu.append(watch.painted_cpu - cpu_start)
        if profile:
            profile.disable()
        times.append(watch.painted - start)
        bares.append(bare["t"])
        data_calls.append(calls["data"])
        changed_cells.append(cells["n"])
    window.close()
    db.close()
    if os.environ.get("BENCH_WORST"):
        for t, b, i in sorted(zip(times, bares, range(len(times)), strict=True), reverse=True)[:12]:
            print(f"  edit {i}: {t * 1000:.1f} ms, cpu {cpu[i] * 1000:.1f} ms, bare {b * 1000:.1f} ms")

    ms = [t * 1000 for t in times]
    bare_ms = [t * 1000 for t in bares]
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}, Qt platform {os.environ['QT_QPA_PLATFORM']}")
    print(f"{args.edits} edits, Enter to committed + re-checked + repainted: p50 {percentile(ms, 50):.1f} ms, "
          f"p99 {percentile(ms, 99):.1f} ms, max {max(ms):.1f} ms")
    cpu_ms = [t * 1000 for t in cpu]
    print(f"  of which this process's CPU time: p50 {percentile(cpu_ms, 50):.1f} ms, p99 {percentile(cpu_ms, 99):.1f} ms "
          f"(the rest of the wall time is waiting: for a CPU, the disk)")
    print(f"bare work (save + re-check) in the same edits: p50 {percentile(bare_ms, 50):.2f} ms, "
          f"p99 {percentile(bare_ms, 99):.2f} ms; edit/bare at p50 {percentile(ms, 50) / percentile(bare_ms, 50):.1f}×")
    print(f"per edit: data() calls median {statistics.median(data_calls):.0f} (max {max(data_calls)}), "
          f"cells signalled changed median {statistics.median(changed_cells):.0f} (max {max(changed_cells)})")
    if profile:
        import pstats

        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    tmp.cleanup()


if __name__ == "__main__":
    main()
