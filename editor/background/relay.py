"""Hand results from worker threads to the GUI thread without racing deletions.

Emitting a signal of a QObject from a worker thread races with the GUI thread
deleting that object (a window closed, a document dropped): Qt may then touch
freed memory and the program crashes. Worker threads here never touch the
receiving object. They :func:`post` to one relay that lives as long as the
program; the relay calls the receiver's method on the GUI thread, and only if
the receiver still exists::

    ref = relay.handle(self)                 # on the GUI thread, when submitting
    ...
    relay.post(ref, Receiver._on_finished, result)  # on the worker thread, when done

``method`` is the plain function of the receiver's class (``Receiver._on_finished``),
not a bound method: a bound method would hold the receiver from the worker thread.
"""
from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

_T = TypeVar("_T", bound=QObject)


class _Relay(QObject):
    posted = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        # The relay lives on the GUI thread: emissions from workers are queued to it.
        self.posted.connect(self._deliver)

    def _deliver(self, call: tuple[weakref.ref[QObject], Callable[..., object], tuple[Any, ...]]) -> None:
        ref, method, args = call
        target = ref()
        if target is None or not shiboken6.isValid(target):
            return  # the receiver went away meanwhile: nobody to tell
        method(target, *args)


_relay: _Relay | None = None
_lock = threading.Lock()


def handle(target: _T) -> weakref.ref[_T]:
    """A weak handle to ``target`` for :func:`post`; call on the GUI thread (it sets up the relay)."""
    global _relay
    with _lock:
        if _relay is None:
            _relay = _Relay()
    return weakref.ref(target)


def post(ref: weakref.ref[_T], method: Callable[..., object], *args: Any) -> None:
    """From any thread: call ``method(target, *args)`` on the GUI thread, ``target`` being the
    object behind ``ref``, if it still exists. ``method`` is a function of the target's class."""
    if not callable(method) or hasattr(method, "__self__"):
        raise TypeError("post() takes the class's function (Class.method), not a name or a bound method")
    relay = _relay
    if relay is not None:  # the receiver is looked up on the GUI thread, never here
        relay.posted.emit((ref, method, args))
