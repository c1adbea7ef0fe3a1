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

The analysis runs in a separate process (one shared by every window,
started on first use) so that its pure-Python stretches never compete with
the GUI thread for the GIL: in a thread they made the event loop stall for
tens of milliseconds at a time, and much longer while the canvas paints
(every Python ``paint`` waits for the GIL). The snapshot goes there and the
result comes back pickled (about 10 ms each way at 1,000 companies, in
background threads; the snapshot is packed as rows of field values first, in
Python that gives the GIL back every few ms, so only a few ms of plain-tuple
pickling cannot be interrupted). If the process cannot be started or dies, the worker
falls back to a thread and says nothing more about it. A custom
``analyze_fn`` runs in a thread unless ``use_process=True`` (it must then be
a picklable module-level function).

As with any use of multiprocessing's "forkserver" and "spawn" methods, a
script run by path is imported again in the analysis process (as
``__mp_main__``): such scripts need an ``if __name__ == "__main__":`` guard
(``python -m editor`` and the ``roundtrip`` command are fine). Set
``ROUNDTRIP_ANALYSIS_PROCESS=0`` to keep the analysis in a thread.

Interactive runs pass ``round_trip_budget`` (:data:`ROUND_TRIP_BUDGET`
seconds): on big diagrams some round-trip capacities come back ``None`` and
``result.round_trip_complete`` is False; :meth:`compute_all` asks for runs
without the budget until one such result is delivered.
"""
from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
import time
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from editor.background import relay
from editor.i18n import error_text, translate
from editor.model import Snapshot

if TYPE_CHECKING:  # multiprocessing is imported when the process starts: the window paints first
    from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
    from multiprocessing.context import BaseContext

DEBOUNCE_MS = 150
#: Seconds the interactive analysis spends on round-trip capacities before leaving the rest out.
ROUND_TRIP_BUDGET = 0.3
#: Set to 0 to keep the analysis in a thread of the app's own process.
PROCESS_ENV = "ROUNDTRIP_ANALYSIS_PROCESS"


def _default_analyze(snapshot: Snapshot, **options: Any):
    # (a period and date-ordered loops, when the options ask for them: see editor.analysis.timed)
    from editor.analysis.timed import analyze_timed

    return analyze_timed(snapshot, **options)


# ------------------------------------------------------------ shared process
_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def process_allowed() -> bool:
    return os.environ.get(PROCESS_ENV, "1").strip() not in ("0", "no", "false", "off")


def analysis_pool() -> ProcessPoolExecutor:
    """The process the analyses run in (started on first use, shared, ended at exit)."""
    global _pool
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with _pool_lock:
        if _pool is None:
            ctx: BaseContext
            if "forkserver" in multiprocessing.get_all_start_methods():
                forkserver = multiprocessing.get_context("forkserver")
                # children start with these imported
                forkserver.set_forkserver_preload(["editor.analysis", "editor.background.analysis_worker"])
                ctx = forkserver
            else:
                ctx = multiprocessing.get_context("spawn")
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_lower_priority,
                                        initargs=(os.getpid(),))
            # end the process before concurrent.futures waits for its running analysis at exit
            with contextlib.suppress(AttributeError, RuntimeError):
                threading._register_atexit(stop_pool)  # type: ignore[attr-defined]  # private (3.9+)
        return _pool


def _lower_priority(app_pid: int | None = None) -> None:
    """In the analysis process: yield the CPU to the app when both want it (2 cores are common).

    The process lives as long as the app (it ends with it even when the app
    is killed: a watch checks every second that the app is still there), so
    it may start a helper process for the maximum flows of big maps (see
    :mod:`editor.analysis.flow_helper`).
    """
    with contextlib.suppress(AttributeError, OSError):  # no nice on this system
        os.nice(10)
    from editor.analysis import flow_helper

    flow_helper.exit_on_terminate()  # ended by the app: the helper first, semaphores released
    # The first analyses of a small map need none of numpy, HiGHS and igraph; the next ones are
    # faster with them, so they are imported meanwhile, beside the analyses.
    from editor.analysis.graph import preload_fast_path

    threading.Thread(target=_quietly, args=(preload_fast_path,), daemon=True,
                     name="roundtrip-analysis-preload").start()
    if app_pid is not None:
        threading.Thread(target=_end_with, args=(app_pid,), daemon=True,
                         name="roundtrip-analysis-watch").start()
    flow_helper.allow()


def _quietly(fn: Callable[[], None]) -> None:
    with contextlib.suppress(Exception):  # an import that fails here fails again where it is needed
        fn()


def _end_with(app_pid: int) -> None:
    """In the analysis process: exit as soon as the app's process is gone."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(app_pid, 0)
        except ProcessLookupError:
            from editor.analysis import flow_helper

            flow_helper.exit_process(0)
        except OSError:  # exists, but not ours to signal: still there
            pass


def stop_pool() -> None:
    """End the analysis process now (a running analysis is abandoned)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is None:
        return
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):  # already gone
            proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _forget_pool(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _pool_lock:
        if _pool is pool:
            _pool = None


def _process_trouble(error: BaseException | None) -> bool:
    """True when ``error`` comes from the process machinery, not from the analysis."""
    import pickle  # (with the process machinery: not before the window's first paint)
    from concurrent.futures.process import BrokenProcessPool

    return isinstance(error, (BrokenProcessPool, pickle.PicklingError))


def _run(analyze: Callable[..., Any], snapshot: Snapshot, options: dict[str, Any]):
    """Run one analysis on a worker thread: (result, error, seconds), never raises."""
    t0 = time.perf_counter()
    try:
        return analyze(snapshot, **options), None, time.perf_counter() - t0
    except Exception as e:  # reported to the user, never raised on the GUI thread
        return None, e, time.perf_counter() - t0


def _run_in_process(analyze: Callable[..., Any] | None, snapshot: Snapshot, options: dict[str, Any]):
    """On a worker thread: run one analysis in the shared process (started here on first use).

    Returns (result, error, seconds) like :func:`_run`; the error is a :class:`_Retry` when the
    process could not be had or broke (the caller then runs the request in a thread)."""
    from concurrent.futures.process import BrokenProcessPool

    t0 = time.perf_counter()
    try:
        pool = analysis_pool()
        future = pool.submit(analyze or _engine_analyze(), PackedSnapshot(snapshot), **options)
    except Exception as e:  # no process to be had
        return None, _Retry(e), 0.0
    try:
        return future.result(), None, time.perf_counter() - t0
    except BrokenProcessPool:
        # The analysis itself killed its process (memory, a crash): running it again in the
        # app's own process would take the window down with it. Say so instead.
        _forget_pool(pool)
        return None, AnalysisProcessDied(len(snapshot.companies), len(snapshot.flows)), 0.0
    except Exception as e:
        if _process_trouble(e):  # the snapshot could not be sent: nothing ran yet
            _forget_pool(pool)
            return None, _Retry(e), 0.0
        return None, e, time.perf_counter() - t0


class AnalysisWorker(QObject):
    """Debounced background analysis of the snapshot returned by ``snapshot_source``."""

    #: A fresh result (the analysis of the latest request).
    resultReady = Signal(object)
    #: The latest request failed; argument: a message for the user.
    failed = Signal(str)
    #: True while a request is waiting or running.
    busyChanged = Signal(bool)

    def __init__(self, snapshot_source: Callable[[], Snapshot],
                 analyze_fn: Callable[..., Any] | None = None, delay_ms: int = DEBOUNCE_MS,
                 parent: QObject | None = None, *, use_process: bool | None = None,
                 round_trip_budget: float | None = ROUND_TRIP_BUDGET) -> None:
        super().__init__(parent)
        self._source = snapshot_source
        self._analyze = analyze_fn or _default_analyze
        self._process_fn = analyze_fn
        self.use_process = (analyze_fn is None and process_allowed()) if use_process is None else use_process
        if self.use_process and analyze_fn is not None:
            import pickle

            try:
                pickle.dumps(analyze_fn)
            except Exception:  # a lambda or local function: it can only run here
                self.use_process = False
        self.options: dict[str, Any] = {"max_loops": 100, "max_length": 12, "through": None,
                                        "round_trip_budget": round_trip_budget}
        self._full = False       # compute_all asked: runs without round_trip_budget until one is shown
        self._executor_made: ThreadPoolExecutor | None = None   # (made for the first run: _executor)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        self._handle = relay.handle(self)  # workers report back through the relay, never to self
        self._requested = 0      # newest generation asked for
        self._running: int | None = None
        self._busy = False
        self._closed = False
        self.latest = None       # newest result applied
        self.latest_generation = 0
        self.last_seconds = 0.0
        self.discarded = 0       # stale results dropped (for tests and the status bar)

    @property
    def _executor(self) -> ThreadPoolExecutor:
        """The thread that runs the analysis, or hands it to the analysis process (made at the first run,
        with concurrent.futures: not before the window's first paint)."""
        if self._executor_made is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor_made = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roundtrip-analysis")
        return self._executor_made

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

    def compute_all(self) -> None:
        """Run without the round-trip time budget (every figure), until such a result is shown."""
        self._full = True
        self.run_now()

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
        if self._executor_made is not None:
            self._executor_made.shutdown(wait=False, cancel_futures=True)

    # --------------------------------------------------------------- running
    def _start(self) -> None:
        if self._closed or self._running is not None:
            return  # the newest request starts when the running one finishes
        generation = self._requested
        snapshot = self._source()
        options = dict(self.options)
        through = options.get("through")
        if through is not None and not any(c.id == through for c in snapshot.companies):
            options["through"] = None
        if self._full:
            options["round_trip_budget"] = None
        self._running = generation
        self._submit(generation, snapshot, options)

    def _submit(self, generation: int, snapshot: Snapshot, options: dict[str, Any]) -> None:
        # The callbacks run on worker threads: they hold only the relay handle,
        # never the worker object itself (see editor.background.relay).
        t0 = time.perf_counter()
        handle = self._handle
        if self.use_process:
            # The process is started (on first use) and fed from a worker thread: starting it takes
            # a second or so, which the window never waits for.
            analyze = self._process_fn
            future = self._executor.submit(_run_in_process, analyze, snapshot, options)

            def done_in_process(f: Future, generation=generation) -> None:
                if f.cancelled():
                    return
                result, error, _seconds = f.result()
                if isinstance(error, _Retry):
                    relay.post(handle, AnalysisWorker._on_finished, generation, None,
                               _Retry((snapshot, options)), 0.0)
                    return
                relay.post(handle, AnalysisWorker._on_finished, generation, result, error,
                           time.perf_counter() - t0)

            future.add_done_callback(done_in_process)
            return
        future = self._executor.submit(_run, self._analyze, snapshot, options)

        def done(f: Future, generation=generation) -> None:
            if f.cancelled():
                return
            relay.post(handle, AnalysisWorker._on_finished, generation, *f.result())

        future.add_done_callback(done)

    def _on_finished(self, generation: int, result: Any, error: Any, seconds: float) -> None:
        if isinstance(error, _Retry) and not self._closed:
            self.use_process = False  # the process died or could not take the snapshot
            self._submit(generation, *error.args[0])
            return
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
            failed = translate("Analysis", "Analysis failed: {error}")
            self.failed.emit(failed.format(error=error_text(error)))
            return
        if _answers_full(result, self._full):
            self._full = False
        self.latest = result
        self.latest_generation = generation
        self.resultReady.emit(result)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)


class PackedSnapshot:
    """Pickles a :class:`Snapshot` as rows of field values (one tuple per record), which pickle
    several times faster than the records themselves; it unpickles as the very same Snapshot
    (records rebuilt field by field, as pickle does, without running their checks again)."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot

    def __reduce__(self):
        s = self.snapshot
        return (_unpack_snapshot, (type(s), _pack(s.companies), _pack(s.flows), s.flow_types, s.categories,
                                   s.metadata))


def _pack(records) -> tuple:
    classes = {type(r) for r in records}
    if len(classes) != 1:
        return (None, (), tuple(records))  # empty, or mixed: pickled as they are
    cls = classes.pop()
    names = tuple(f.name for f in dataclasses.fields(cls))
    get = attrgetter(*names)
    return (cls, names, [get(r) for r in records] if len(names) > 1 else [(get(r),) for r in records])


def _unpack(packed) -> tuple:
    cls, names, rows = packed
    if cls is None:
        return rows
    new = object.__new__
    out = []
    if hasattr(new(cls), "__dict__"):
        for row in rows:
            obj = new(cls)
            obj.__dict__.update(zip(names, row, strict=True))
            out.append(obj)
        return tuple(out)
    setattr_ = object.__setattr__
    for row in rows:
        obj = new(cls)
        for name, value in zip(names, row, strict=True):
            setattr_(obj, name, value)
        out.append(obj)
    return tuple(out)


def _unpack_snapshot(cls, companies, flows, flow_types, categories, metadata):
    return cls(_unpack(companies), _unpack(flows), flow_types, categories, metadata)


class AnalysisProcessDied(Exception):
    """The analysis process ended while analysing (out of memory or a crash); it is not run again here."""

    def __init__(self, companies: int, flows: int) -> None:
        super().__init__(translate(
            "Analysis", "the analysis process stopped while analysing {companies} companies and "
            "{flows} flows (out of memory or a crash); the panels keep the previous figures, and the "
            "next change tries again in a new analysis process").format(companies=f"{companies:,}",
                                                                          flows=f"{flows:,}"))


class _Retry(Exception):
    """Internal: the process path failed for reasons of its own; run the same request in a thread."""


def _engine_analyze() -> Callable[..., Any]:
    """``editor.analysis.analyze`` (through ``analyze_timed``, which adds the period and date-ordered
    options): pickled by name, so the analysis process imports only the (Qt-free) analysis package."""
    from editor.analysis.timed import analyze_timed

    return analyze_timed


def _answers_full(result: Any, full_asked: bool) -> bool:
    """True when ``result`` answers a compute-all request (every round-trip figure is there)."""
    return full_asked and getattr(result, "round_trip_complete", True)
