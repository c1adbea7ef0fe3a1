"""Python's cycle collector, run on the GUI thread only.

Left to itself the collector runs in whichever thread happens to allocate
when a threshold is crossed: often a worker (autosave, analysis). A cycle
it frees there may hold a Qt object, whose destructor then runs on the
wrong thread; its timers stay registered with the GUI thread's event loop
and the next one to fire crashes the program. So automatic collection is
switched off and a timer on the GUI thread collects instead, with the same
generation thresholds, checked every :data:`CHECK_MS` milliseconds::

    collector.install()   # once, after the QApplication exists

Reference counting still frees acyclic garbage at once, on any thread.
"""
from __future__ import annotations

import gc
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

#: how often the GUI thread looks at the collector's counts
CHECK_MS = 250
#: a full collection (all generations: the whole heap of a big diagram) at most this often (s)
FULL_EVERY_S = 30.0

_installed: MainThreadCollector | None = None


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = 0
        self._last_full = time.monotonic()
        self._long_lived = 0   # objects that survived the last full collection
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int | None:
        """Collect the oldest generation whose count is over its threshold; which one, or None."""
        counts = gc.get_count()
        generation = None
        for g in range(3):
            if self.thresholds[g] and counts[g] > self.thresholds[g]:
                generation = g
        if generation == 2 and not self._full_due():
            generation = 1
        if generation is None:
            return None
        gc.collect(generation)
        if generation == 2:
            self._last_full = time.monotonic()
            self._long_lived = len(gc.get_objects(generation=2))
        self.collections += 1
        return generation

    def _full_due(self) -> bool:
        """A full collection walks every object (~135 ms with 2,000 companies / 10,000 flows
        open). As Python itself does, it waits until the objects added since the last one are
        a quarter of those it kept, and here also at least FULL_EVERY_S seconds."""
        if time.monotonic() - self._last_full < FULL_EVERY_S:
            return False
        return len(gc.get_objects(generation=2)) - self._long_lived >= self._long_lived / 4

    def uninstall(self) -> None:
        self._timer.stop()
        gc.enable()


def install() -> MainThreadCollector:
    """Switch automatic collection to the GUI thread (idempotent; needs a QApplication)."""
    global _installed
    if _installed is None:
        app = QApplication.instance()
        if app is None:
            raise RuntimeError("collector.install() needs a QApplication")
        _installed = MainThreadCollector(app)
    return _installed
