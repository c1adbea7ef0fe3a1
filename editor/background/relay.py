"""Hand results from worker threads to the GUI thread without racing deletions.

Emitting a signal of a QObject from a worker thread races with the GUI thread
deleting that object (a window closed, a document dropped): Qt may then touch
freed memory and the program crashes. Worker threads here never touch the
receiving object. They :func:`post` to one relay that lives as long as the
program; the relay calls the receiver's method on the GUI thread, and only if
the receiver still exists::

    ref = relay.handle(self)                 # on the GUI thread, when submitting
    ...
    relay.post(ref, "_on_finished", result)  # on the worker thread, when done
"""
from __future__ import annotations

import threading
import weakref
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal


class _Relay(QObject):
    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        # The relay lives on the GUI thread: emissions from workers are queued to it.
        self.posted.connect(self._deliver)

    def _deliver(self, call: tuple) -> None:
        ref, method, args = call
        target = ref()
        if target is None or not shiboken6.isValid(target):
            return  # the receiver went away meanwhile: nobody to tell
        getattr(target, method)(*args)


_relay: _Relay | None = None
_lock = threading.Lock()


def handle(target: QObject) -> weakref.ref:
    """A weak handle to ``target`` for :func:`post`; call on the GUI thread (it sets up the relay)."""
    global _relay
    with _lock:
        if _relay is None:
            _relay = _Relay()
    return weakref.ref(target)


def post(ref: weakref.ref, method: str, *args: Any) -> None:
    """From any thread: call ``method(*args)`` of the object behind ``ref`` on the GUI thread."""
    relay = _relay
    if relay is not None:  # the receiver is looked up on the GUI thread, never here
        relay.posted.emit((ref, method, args))
