"""Runs the analysis off the GUI thread, debounced, discarding stale results.

::

    worker = AnalysisWorker(lambda: document.diagram.snapshot(), parent=window)
    worker.resultReady.connect(panel.set_result)
    document.diagram.subscribe(lambda change: worker.schedule())

Each :meth:`schedule` restarts a short timer (150 ms); when it fires the
snapshot is taken on the GUI thread (cheap: tuples of frozen records) and
handed to one background thread. Every request gets a generation number;
a result whose generation is older than the newest request is dropped, so
the panels only ever show the analysis of the diagram as it is now. While
a run is in progress, newer requests wait and only the newest of them runs
next (no pile-up behind a slow analysis).
"""
from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from .model import Snapshot

DEBOUNCE_MS = 150


def _default_analyze(snapshot: Snapshot, **options: Any):
    from .analysis import analyze

    return analyze(snapshot, **options)


class AnalysisWorker(QObject):
    """Debounced background analysis of the snapshot returned by ``snapshot_source``."""

    #: A fresh result (the analysis of the latest request).
    resultReady = Signal(object)
    #: The latest request failed; argument: a message for the user.
    failed = Signal(str)
    #: True while a request is waiting or running.
    busyChanged = Signal(bool)
    _finished = Signal(int, object, object, float)  # generation, result, error, seconds (from the worker)

    def __init__(self, snapshot_source: Callable[[], Snapshot],
                 analyze_fn: Callable[..., Any] | None = None, delay_ms: int = DEBOUNCE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = snapshot_source
        self._analyze = analyze_fn or _default_analyze
        self.options: dict[str, Any] = {"max_loops": 100, "max_length": 12, "through": None}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roundtrip-analysis")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        self._finished.connect(self._on_finished)
        self._requested = 0      # newest generation asked for
        self._running: int | None = None
        self._busy = False
        self._closed = False
        self.latest = None       # newest result applied
        self.latest_generation = 0
        self.last_seconds = 0.0
        self.discarded = 0       # stale results dropped (for tests and the status bar)

    # -------------------------------------------------------------- requests
    @property
    def generation(self) -> int:
        return self._requested

    def is_busy(self) -> bool:
        return self._busy

    def set_options(self, **options: Any) -> None:
        """Change analysis options (max_loops, max_length, through) and rerun."""
        self.options.update(options)
        self.schedule()

    def schedule(self) -> None:
        """Ask for a fresh analysis after the debounce delay."""
        if self._closed:
            return
        self._requested += 1
        self._set_busy(True)
        self._timer.start()

    def run_now(self) -> None:
        """Ask for a fresh analysis without waiting for the debounce delay."""
        if self._closed:
            return
        self._requested += 1
        self._set_busy(True)
        self._timer.stop()
        self._start()

    def shutdown(self) -> None:
        """Stop: no more results are delivered (the running analysis ends on its own)."""
        self._closed = True
        self._timer.stop()
        self._executor.shutdown(wait=False, cancel_futures=True)

    # --------------------------------------------------------------- running
    def _start(self) -> None:
        if self._closed or self._running is not None:
            return  # the newest request starts when the running one finishes
        generation = self._requested
        snapshot = self._source()
        options = dict(self.options)
        if options.get("through") is not None and not any(c.id == options["through"] for c in snapshot.companies):
            options["through"] = None
        self._running = generation
        future = self._executor.submit(self._run, snapshot, options)

        def done(f: Future, generation=generation) -> None:
            if f.cancelled():
                return
            result, error, seconds = f.result()
            try:
                self._finished.emit(generation, result, error, seconds)
            except RuntimeError:  # the worker was deleted meanwhile
                pass

        future.add_done_callback(done)

    def _run(self, snapshot: Snapshot, options: dict[str, Any]):
        t0 = time.perf_counter()
        try:
            return self._analyze(snapshot, **options), None, time.perf_counter() - t0
        except Exception as e:  # reported to the user, never raised on the GUI thread
            return None, e, time.perf_counter() - t0

    def _on_finished(self, generation: int, result: Any, error: Any, seconds: float) -> None:
        self._running = None
        if self._closed:
            return
        if generation < self._requested:
            self.discarded += 1
            if not self._timer.isActive():
                self._start()  # the diagram changed meanwhile: analyse the newest state
            return
        self._set_busy(False)
        self.last_seconds = seconds
        if error is not None:
            self.failed.emit(f"Analysis failed: {error}")
            return
        self.latest = result
        self.latest_generation = generation
        self.resultReady.emit(result)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)
