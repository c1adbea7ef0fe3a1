"""The Import dialog's preview check of a big table, in a worker thread.

Checking every row of a 100,000-row table against the mappings takes about half a second: run on
the GUI thread after each change of a mapping, it would freeze the dialog that long each time.
:class:`BackgroundCheck` runs the check (a callable made on the GUI thread, touching no widget) in
a worker thread and hands its outcome back on the GUI thread through a queued signal. One check
runs at a time: a change while one runs waits for it, and only the outcome of the latest request
is delivered; an outcome made stale by a later request (or by :meth:`drop`) is thrown away.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, Signal

#: Tables with more rows than this are checked in a worker thread (the dialog says it is checking).
CHECK_OFF_THREAD_ROWS = 20_000


class BackgroundCheck(QObject):
    """Runs the latest requested check in a worker thread; :attr:`done` gets its outcome."""

    #: (request number, the check's result or the exception it raised) — GUI thread, queued.
    _finished = Signal(int, object)
    #: The outcome of the latest request: the result, or the exception the check raised.
    done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = 0          # number of the latest request
        self._running = False     # a worker thread is checking (maybe a stale request)
        self._current = 0         # the request it checks
        self._waiting: tuple[int, Callable[[], Any]] | None = None
        self._finished.connect(self._arrived)

    @property
    def busy(self) -> bool:
        """A requested outcome has not been delivered yet."""
        return self._running and (self._waiting is not None or self._current == self._latest)

    def request(self, work: Callable[[], Any]) -> None:
        """Check with ``work`` (run in a worker thread): it replaces any request not yet delivered."""
        self._latest += 1
        if self._running:
            self._waiting = (self._latest, work)  # after the running one
        else:
            self._start(self._latest, work)

    def drop(self) -> None:
        """Forget every request made so far: no outcome of theirs is delivered."""
        self._latest += 1
        self._waiting = None

    def _start(self, number: int, work: Callable[[], Any]) -> None:
        self._running, self._current = True, number

        def target() -> None:
            try:
                outcome: object = work()
            except Exception as e:  # handed to the GUI thread as the outcome
                outcome = e
            with suppress(RuntimeError):  # (the dialog was deleted meanwhile: nobody to tell)
                self._finished.emit(number, outcome)

        threading.Thread(target=target, name="import-check", daemon=True).start()

    def _arrived(self, number: int, outcome: object) -> None:
        self._running = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting[0] == self._latest:
            self._start(*waiting)
        elif number == self._latest:
            self.done.emit(outcome)
