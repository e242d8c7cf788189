"""Building hundreds of thousands of small objects at once (an office's year: 3,300 reports × 120 answers).

Python's cycle collector runs every few hundred new objects and, as they pile up, walks all the
older ones again: reading a year's answers spent about half its time there. None of these
objects form cycles, so the collector is paused while they are built and resumed after.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # nested or concurrent bulk work (the desk's workers): the collector resumes after the last
_was_enabled = True


@contextmanager
def bulk_objects() -> Iterator[None]:
    """Pause the cycle collector for the block (memory is still freed by reference counting)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
