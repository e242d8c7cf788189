"""The office's desk at the centre's scale: open, first paint, data shown, scrolling, filtering, XLSX. Prints figures.

    .venv/bin/python bench/bench_consolidation_window.py [--units 3300]

3,300 child units' received reports are written straight into a new database first (see
``office_data.py``; not timed). Then, in this process, as the menu does: the desk window is
created and shown (timed to its first paint); a first worker lists the units with how complete
each report is (one query; timed to the units table's first paint); a second re-checks every
value and builds every tab (timed to the full units table's first paint); the units × criteria tab is scrolled page by page
from top to bottom (time per repaint), a state filter is applied, and the workbook is written
in a worker (the window's event loop timed meanwhile), then written again and stopped from its
progress box. Offscreen unless a display is set.
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("C27DESK_USER", "bench")

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton  # noqa: E402

from bench.office_data import make_office  # noqa: E402


class PaintWatch(QObject):
    def __init__(self):
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.at is None:
            self.at = time.perf_counter()
        return False


def wait(app: QApplication, until, limit: float = 120.0) -> float:
    """Run the event loop until ``until()``; returns the longest gap between two turns of the loop
    (how long the window could not answer: the work must be elsewhere for it to stay small)."""
    end = time.perf_counter() + limit
    gap, last = 0.0, time.perf_counter()
    while not until():
        app.processEvents()
        now = time.perf_counter()
        gap, last = max(gap, now - last), now
        if now > end:
            raise TimeoutError
        time.sleep(0.001)
    return gap


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=3300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["C27DESK_CONFIG_DIR"] = str(Path(tmp) / "config")
        db_path = Path(tmp) / "office.sqlite3"
        start = time.perf_counter()
        make_office(db_path, args.units)
        generated = time.perf_counter() - start

        from c27desk.gui.consolidation_dialog import ConsolidationDialog
        from c27desk.gui.desk_models import UnitFilter
        from c27desk.store.database import open_database

        app = QApplication.instance() or QApplication([])
        db = open_database(db_path)
        watch = PaintWatch()
        start = time.perf_counter()
        desk = ConsolidationDialog(db, db_path, 2023)
        desk.installEventFilter(watch)
        desk.show()
        desk.load()
        wait(app, lambda: watch.at is not None)
        first_paint = watch.at - start
        wait(app, lambda: desk.tabs.count() > 0)
        arrived = time.perf_counter() - start
        overview_watch = PaintWatch()
        desk.units_table.viewport().installEventFilter(overview_watch)
        desk.units_table.viewport().update()
        wait(app, lambda: overview_watch.at is not None or desk.data is not None)
        overview = (overview_watch.at or time.perf_counter()) - start
        wait(app, lambda: desk.data is not None)
        data_at = time.perf_counter() - start
        table_watch = PaintWatch()
        desk.units_table.viewport().installEventFilter(table_watch)
        desk.units_table.viewport().update()
        wait(app, lambda: table_watch.at is not None)
        shown = table_watch.at - start

        desk.tabs.setCurrentWidget(desk.values_table)
        app.processEvents()
        bar = desk.values_table.verticalScrollBar()
        steps = []
        viewport = desk.values_table.viewport()
        while bar.value() < bar.maximum():
            t = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())
            viewport.repaint()
            steps.append(time.perf_counter() - t)
        hbar = desk.values_table.horizontalScrollBar()
        while hbar.value() < hbar.maximum():
            t = time.perf_counter()
            hbar.setValue(hbar.value() + hbar.pageStep())
            viewport.repaint()
            steps.append(time.perf_counter() - t)

        t = time.perf_counter()
        desk.state.setCurrentIndex(UnitFilter.NOT_COMPLETE)
        app.processEvents()
        filtered = time.perf_counter() - t
        attention = desk.units_table.model().rowCount()
        t = time.perf_counter()
        desk.search.setText("HU-012")
        app.processEvents()
        searched = time.perf_counter() - t

        out = Path(tmp) / "tong-hop.xlsx"
        steps_seen = set()
        t = time.perf_counter()
        desk.save(".xlsx", str(out))
        xlsx_gap = wait(app, lambda: steps_seen.add(getattr(desk, "progress_seen", None)) or
                        "Đã ghi" in desk.status.text() or "Wrote" in desk.status.text(), 600)
        xlsx = time.perf_counter() - t
        size = out.stat().st_size
        out.unlink()
        desk.save(".xlsx", str(out))  # again, stopped from the progress box after a second
        wait(app, lambda: time.perf_counter() - t > xlsx + 1.0 or desk.progress is None)
        t = time.perf_counter()
        desk.progress.findChild(QPushButton).click()
        wait(app, lambda: desk.progress is None, 60)
        stopped = time.perf_counter() - t
        left = out.exists()
        desk.close()
        db.close()

    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}, load average {os.getloadavg()[0]:.1f}; "
          f"Qt platform {os.environ['QT_QPA_PLATFORM']}")
    print(f"{args.units} units generated in {generated:.1f} s (not part of the figures)")
    print(f"desk window open to first paint: {first_paint * 1000:.0f} ms")
    print(f"units with how complete each report is: listed {arrived * 1000:.0f} ms, painted {overview * 1000:.0f} ms "
          "after opening")
    print(f"whole year re-checked in the worker and every tab built: {data_at:.2f} s after opening; units table painted at "
          f"{shown:.2f} s")
    print(f"scrolling units × criteria ({args.units} × 120) page by page: {len(steps)} repaints, median "
          f"{statistics.median(steps) * 1000:.1f} ms, max {max(steps) * 1000:.1f} ms")
    print(f"filter 'needs attention' ({attention} units): {filtered * 1000:.0f} ms; search by code: "
          f"{searched * 1000:.0f} ms")
    print(f"XLSX of {args.units} units with chart sheet, written in a worker: {xlsx:.1f} s ({size // 1024} KiB); "
          f"progress box showed {len(steps_seen - {None})} of its steps; the window's longest wait for its event loop "
          f"meanwhile {xlsx_gap * 1000:.0f} ms")
    print(f"… stopped from the progress box after a second: writing ended {stopped * 1000:.0f} ms after the click, "
          f"{'a file was left behind' if left else 'no file left'}")


if __name__ == "__main__":
    main()
