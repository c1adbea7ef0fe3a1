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
        if generation == 2 and time.monotonic() - self._last_full < FULL_EVERY_S:
            generation = 1  # as Python itself does, full collections are rationed
        if generation is None:
            return None
        gc.collect(generation)
        if generation == 2:
            self._last_full = time.monotonic()
        self.collections += 1
        return generation

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
