"""A second process for round-trip maximum flows: on two cores, both work on them.

The maximum flows of :mod:`editor.analysis.roundtrip` are the costly part of
a first analysis of a big map, and neither igraph nor scipy lets another
thread run meanwhile. A long-lived process that analyses again and again
(the app's analysis process, the benchmarks) may :func:`allow` a helper
process; the first component with many maximum flows then starts it in the
background, and once it is ready, later runs hand it the list of flows. The
helper takes them from the front, the caller (once done with the loop
search it does meanwhile) from the back, each marking a flow in a shared
array before solving it, until they meet: neither waits while the other
still has work. A one-shot command line run never starts it: the start-up
(imports) costs more than it saves once.

The helper runs at low priority and ends by itself when the process that
started it goes away. If it cannot start or breaks, the flows are simply
done in the calling process.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from typing import TYPE_CHECKING, Any

import numpy as np

from editor.analysis.maxflow import SplitSolver

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
# (multiprocessing and the process pool are imported when a helper starts: a command line run,
# which never starts one, does not import them)

#: Set to 0 to never start the helper.
HELPER_ENV = "ROUNDTRIP_FLOW_HELPER"

_lock = threading.Lock()
_allowed = False
_executor: ProcessPoolExecutor | None = None
_ready = threading.Event()
#: The shared marks: CLAIMS[r] is 0 while job r is free, else who took it.
CLAIM_SIZE = 1 << 16
HELPER, CALLER = 1, 2
#: How long (s) :func:`submit` waits at most for the helper to take the hand-over.
HAND_OVER_WAIT = 0.05
_claims: Any = None     # shared: a multiprocessing RawArray of CLAIM_SIZE bytes
_started: Any = None    # shared: set by the helper when it takes a hand-over
_pending: Future | None = None   # the share handed over last


def allow(on: bool = True) -> None:
    """Let this process start a helper when a big component needs it (two cores or more)."""
    global _allowed
    _allowed = (on and (os.cpu_count() or 1) >= 2
                and os.environ.get(HELPER_ENV, "1").strip() not in ("0", "no", "false", "off"))


def ready() -> ProcessPoolExecutor | None:
    """The helper if it is running and ready; otherwise start it (when allowed) and return None."""
    global _executor, _claims, _started
    if not _allowed:
        return None
    if _ready.is_set():
        return _executor
    with _lock:
        if _executor is None:
            try:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                ctx = multiprocessing.get_context("spawn")
                _claims = ctx.RawArray("b", CLAIM_SIZE)
                _started = ctx.RawValue("b", 0)
                _executor = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_start,
                                                initargs=(os.getpid(), _claims, _started))
                _executor.submit(_warm_up).add_done_callback(
                    lambda f: _ready.set() if f.exception() is None else stop())
            except Exception:  # no processes on this system: stay serial
                _executor = None
                allow(False)
    return None


def wait_ready(timeout: float) -> bool:
    """Start the helper if allowed and wait until it is ready (benchmarks)."""
    ready()
    return _ready.wait(timeout) if _allowed else False


def stop() -> None:
    global _executor, _pending
    with _lock:
        executor, _executor = _executor, None
        _pending = None   # a hung helper's share: the next helper has marks of its own
        _ready.clear()
    if executor is not None:
        executor.shutdown(wait=False, cancel_futures=True)


def exit_process(code: int = 0) -> None:
    """End this process now, cleanly: the helper is ended first, then the process's semaphores and
    shared memory are released (multiprocessing's exit handlers), so nothing is reported leaked.

    For a process that must go at once (asked to terminate, or its app is gone)."""
    with _lock:
        executor = _executor
    processes = list((getattr(executor, "_processes", None) or {}).values())
    stop()
    for proc in processes:
        with contextlib.suppress(Exception):  # already gone
            proc.terminate()
            proc.join(1.0)
    with contextlib.suppress(Exception):  # nothing more can be done on the way out
        import multiprocessing.util

        multiprocessing.util._exit_function()  # type: ignore[attr-defined]  # runs the finalizers
    os._exit(code)


def exit_on_terminate() -> None:
    """In a worker process: SIGTERM ends it through :func:`exit_process`; SIGINT (Ctrl+C in the
    terminal, sent to the whole process group) is left to the app, which decides."""
    with contextlib.suppress(ValueError, OSError, AttributeError):  # not the main thread / no signals
        signal.signal(signal.SIGTERM, lambda _signum, _frame: exit_process(0))
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def submit(k: int, u: np.ndarray, v: np.ndarray, caps: np.ndarray, jobs: list[int],
           seconds: float | None) -> tuple[Future, Any] | None:
    """Hand ``jobs`` to the helper, which solves them from the front: ``(future, claims)`` or None.

    The future gives (values, packed cut sides) per job, NaN where the helper did not
    solve it; ``claims`` is the shared array the caller marks (with CALLER) a job in
    before solving it, going from the back and stopping at the first job the helper
    marked. A job both marked at the same moment is solved twice, to the same answer.
    """
    global _pending
    executor = ready()
    if executor is None or len(jobs) > CLAIM_SIZE:
        return None
    with _lock:
        if _pending is not None and not _pending.done():
            return None   # another run's share is still out (one abandoned, or a second thread)
        claims, started = _claims, _started
        claims[:len(jobs)] = bytes(len(jobs))
        started.value = 0
        try:
            future = _pending = executor.submit(solve, k, u, v, caps, jobs, seconds)
        except Exception:  # broken or shut down: do it here
            future = None
    if future is None:
        stop()
        return None
    # The job travels through the executor's threads, which need the GIL: a caller going
    # straight on with pure Python work (the loop search) would hold them back for 5 ms
    # switch intervals, and the helper would start late. Sleeping lets them through.
    give_up = time.perf_counter() + HAND_OVER_WAIT
    while not started.value and not future.done() and time.perf_counter() < give_up:
        time.sleep(0.0002)
    return future, claims


def solve(k: int, u: np.ndarray, v: np.ndarray, caps: np.ndarray, jobs: list[int],
          seconds: float | None) -> tuple[np.ndarray, np.ndarray]:
    """In the helper: the jobs it takes from the front, until one is marked by the caller (or
    time runs out); each one's maximum flow value (NaN if not done) and cut side (packed bits)."""
    if _helper_started is not None:
        _helper_started.value = 1
    deadline = None if seconds is None else time.perf_counter() + seconds
    solver = SplitSolver(k, u, v, caps)
    values = np.full(len(jobs), np.nan)
    sides = np.zeros((len(jobs), 2 * k), dtype=bool)
    claims = _helper_claims
    for r, i in enumerate(jobs):
        if deadline is not None and time.perf_counter() > deadline:
            break
        if claims is not None:
            if claims[r] != 0:
                break
            claims[r] = HELPER
        values[r], side = solver.with_cut(i)
        sides[r, side] = True
    return values, np.packbits(sides, axis=1)


_helper_claims: Any = None   # in the helper: the caller's shared marks and flag
_helper_started: Any = None


def _warm_up() -> bool:
    """In the helper: nothing left to do; importing this module loaded numpy and igraph."""
    return True


def _start(parent: int, claims: Any = None, started: Any = None) -> None:
    """In the helper: low priority, and gone as soon as the starting process is."""
    global _helper_claims, _helper_started
    _helper_claims, _helper_started = claims, started
    with contextlib.suppress(AttributeError, OSError):
        os.nice(10)
    with contextlib.suppress(ValueError, OSError, AttributeError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the app, which ends this process

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, daemon=True, name="roundtrip-helper-watch").start()
