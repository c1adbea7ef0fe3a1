"""Reading a file off the GUI thread, behind a progress window with figures and a working Cancel.

:func:`run_off_thread` runs a reader (pure Python, from :mod:`editor.io`) in a worker
thread and keeps the window responsive meanwhile. A window-modal progress window
with the file's name appears only when the read takes longer than
:data:`SHOW_AFTER_MS`; it shows how far the read got when the reader says so
(bytes of the file, rows of a table: :func:`editor.io.safe_read.progress`), else a
busy bar. Cancel returns at once and raises :class:`Cancelled`; the worker then
stops at its next progress report (or runs its bounded read to the end) and its
result is dropped, so nothing of the abandoned read reaches the caller.

A :class:`ReadTask` is the handle of one read. The reads running for a window are
known here, so the window can cancel them (:func:`cancel_reads`) when a second Open,
Close or Quit comes while one runs; the reads are all on the GUI thread's stack
(each waits in its own event loop), so a cancelled one returns as soon as the
code above it on the stack has returned.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from editor.i18n import translate
from editor.io.safe_read import watched

T = TypeVar("T")
#: The progress window appears only when a read takes longer than this (ms).
SHOW_AFTER_MS = 300
#: How often the GUI thread looks at the worker (ms): finished, cancelled, progress.
POLL_MS = 25
#: The bar's steps when the total is known.
STEPS = 1000
#: Work done on the GUI thread in steps (:func:`run_in_steps`) runs this long per turn of the event loop (s).
SLICE_SECONDS = 0.04


class Cancelled(Exception):
    """The read was cancelled (Cancel pressed, or the window needs it to stop)."""


class ReadTask:
    """One read in a worker thread: its cancel flag and its latest progress.

    The worker writes ``progress`` (a tuple, replaced whole) and reads the flag; the
    GUI thread reads ``progress`` and sets the flag. ``thread`` is the worker's thread
    once it has started (so tests can see where the read ran).
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self.progress: tuple[int, int, str] | None = None
        self.thread: threading.Thread | None = None
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, unit: str) -> None:
        """Called by the reader in the worker thread; stops the read once cancelled."""
        if self._cancel.is_set():
            raise Cancelled()
        self.progress = (done, total, unit)


#: The reads running now, innermost last, with the widget each was started for (GUI thread only).
_active: list[tuple[QWidget | None, ReadTask]] = []


def reads_for(parent: QWidget | None) -> list[ReadTask]:
    """The reads running for ``parent`` (its window's dialogs included)."""
    window = parent.window() if parent is not None else None
    return [t for p, t in _active
            if p is parent or (p is not None and window is not None and p.window() is window)]


def cancel_reads(parent: QWidget | None) -> bool:
    """Cancel the reads running for ``parent``; True when there was one."""
    tasks = reads_for(parent)
    for t in tasks:
        t.cancel()
    return bool(tasks)


def describe(progress: tuple[int, int, str] | None) -> str:
    """The progress figure for the window: "12,000 rows read", "24 MB of 60 MB read" or ""."""
    if progress is None:
        return ""
    done, total, unit = progress
    if unit == "rows":
        return translate("Reading", "{rows} rows read").format(rows=f"{done:,}")
    mib = 1024 * 1024
    if total > 0:
        return translate("Reading", "{done} of {total} MB read").format(
            done=f"{done / mib:,.1f}", total=f"{total / mib:,.1f}")
    return translate("Reading", "{done} MB read").format(done=f"{done / mib:,.1f}")


def run_off_thread(parent: QWidget | None, label: str, work: Callable[[], T], *, title: str = "",
                   task: ReadTask | None = None) -> T:
    """``work()`` in a worker thread behind a progress window: its result, its exception or Cancelled.

    ``label`` names the file ("Reading big.xlsx…"); ``title`` is the window's title
    ("Open"); ``task``, when given, is the handle through which the caller may cancel.
    """
    task = task or ReadTask(label)
    outcome: dict[str, object] = {}
    done = threading.Event()

    def target() -> None:
        try:
            with watched(task.report):
                outcome["value"] = work()
        except BaseException as e:  # handed to the GUI thread below
            outcome["error"] = e
        finally:
            done.set()

    progress = _progress_window(parent, label, title, 0)  # 0..0: a busy bar
    from PySide6.QtCore import QEventLoop  # (not before the first paint)

    loop = QEventLoop()

    def poll() -> None:
        if done.is_set() or task.cancelled:
            loop.quit()
        elif progress.isVisible():
            _show_progress(progress, label, task.progress)

    timer = QTimer(interval=POLL_MS)
    timer.timeout.connect(poll)
    progress.canceled.connect(task.cancel)
    progress.canceled.connect(loop.quit)
    worker = threading.Thread(target=target, name="file-read", daemon=True)
    task.thread = worker
    entry = (parent, task)
    _active.append(entry)
    worker.start()
    timer.start()
    try:
        if not done.is_set() and not task.cancelled:
            loop.exec()
    finally:
        _wind_up(entry, timer, progress)
    if task.cancelled:
        task.cancel()  # the worker stops at its next report
        raise Cancelled()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _progress_window(parent: QWidget | None, label: str, title: str, maximum: int) -> QProgressDialog:
    """The window-modal progress window of a read or a build, shown after :data:`SHOW_AFTER_MS`."""
    progress = QProgressDialog(label, translate("Reading", "Cancel"), 0, maximum, parent)
    progress.setWindowTitle(title or translate("Reading", "Open"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setValue(0)  # starts the timer that shows the window after SHOW_AFTER_MS
    return progress


def _wind_up(entry: tuple[QWidget | None, ReadTask], timer: QTimer, progress: QProgressDialog) -> None:
    """The end of a read or a build, however it ended: no longer cancellable, its window gone."""
    _active.remove(entry)
    timer.stop()
    progress.canceled.disconnect()
    progress.close()
    progress.deleteLater()


def run_in_steps(parent: QWidget | None, label: str, steps: Generator[tuple[int, int], None, None], *,
                 title: str = "", task: ReadTask | None = None) -> None:
    """Run ``steps`` (a generator of (done, total) that must run on the GUI thread, such as
    building a canvas) from the event loop, a slice of about :data:`SLICE_SECONDS` per turn,
    behind the same progress window as :func:`run_off_thread`: the window stays responsive.

    Raises :class:`Cancelled` when Cancel is pressed (or the window cancels its reads): the
    generator is closed where it stands, and whatever it was making is the caller's to drop.
    """
    task = task or ReadTask(label)
    progress = _progress_window(parent, label, title, STEPS)
    from PySide6.QtCore import QEventLoop  # (not before the first paint)

    loop = QEventLoop()
    finished = busy = False
    error: list[BaseException] = []

    def advance() -> None:
        nonlocal finished, busy
        if task.cancelled:
            loop.quit()
            return
        if busy or finished or error:   # (a modal window's setValue() turns the event loop: no re-entry)
            return
        busy = True
        end = time.perf_counter() + SLICE_SECONDS
        figures: tuple[int, int] | None = None
        try:
            while time.perf_counter() < end:
                figures = next(steps)
        except StopIteration:
            finished = True
        except Exception as e:  # handed to the caller below
            error.append(e)
        if finished or error:
            loop.quit()
        elif figures is not None and figures[1] > 0:
            progress.setValue(min(STEPS - 1, figures[0] * STEPS // figures[1]))
        busy = False

    timer = QTimer(interval=0)
    timer.timeout.connect(advance)
    progress.canceled.connect(task.cancel)
    progress.canceled.connect(loop.quit)
    entry = (parent, task)
    _active.append(entry)
    timer.start()
    try:
        loop.exec()
    finally:
        _wind_up(entry, timer, progress)
        if not finished:
            steps.close()  # (its own cleanup runs: what it made is dropped by the caller)
    if error:
        raise error[0]
    if not finished:
        raise Cancelled()


def _show_progress(progress: QProgressDialog, label: str, figures: tuple[int, int, str] | None) -> None:
    figure = describe(figures)
    text = f"{label}\n{figure}" if figure else label
    if progress.labelText() != text:
        progress.setLabelText(text)
    if figures is not None and figures[1] > 0 and figures[0] < figures[1]:
        if progress.maximum() != STEPS:
            progress.setRange(0, STEPS)
        progress.setValue(min(STEPS - 1, figures[0] * STEPS // figures[1]))
    elif progress.maximum() != 0:
        progress.setRange(0, 0)  # the rest of the read (parsing, checking) has no figure: busy
        progress.setValue(0)
