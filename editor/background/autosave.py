"""Autosave: while a document has unsaved changes, write a recovery file every 30 s.

One :class:`AutosaveController` per open document::

    ctl = AutosaveController(document, parent=window)   # interval from settings
    ctl.start()
    ...
    ctl.clean_close()   # the user closed the document (saved or chose not to): forget the recovery file

The timer fires on the GUI thread, which only takes an immutable
:class:`~editor.model.Snapshot` of the diagram (tuples of frozen records,
no copying of the records themselves). Serialising and writing happen on one
shared worker thread, in submission order, so a "remove" queued after a save
can never be overtaken by an older "write". When the document becomes clean
(saved, or undone back to the saved state) the recovery file is removed.
"""
from __future__ import annotations

import contextlib
import itertools
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from editor.background import relay
from editor.i18n import error_text, translate
from editor.io import recovery
from editor.model import Change, Diagram

if TYPE_CHECKING:  # (concurrent.futures is imported with the worker thread, at the first write)
    from concurrent.futures import Future, ThreadPoolExecutor

DEFAULT_INTERVAL_S = 30
SETTINGS_KEY = "autosave/interval_seconds"
#: Shortest interval accepted from the settings (seconds).
MIN_INTERVAL_S = 1

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()
_keys = itertools.count(1)


def _worker() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            from concurrent.futures import ThreadPoolExecutor

            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roundtrip-autosave")
        return _executor


def app_settings() -> QSettings:
    """The app's settings store (``editor.settings`` when present)."""
    try:
        from editor.settings import app_settings as shared
    except ImportError:  # pragma: no cover - the settings module is optional here
        return QSettings("Roundtrip", os.environ.get("ROUNDTRIP_SETTINGS") or "Roundtrip")
    return shared()


def interval_from_settings(settings: QSettings | None = None) -> float:
    """The autosave interval in seconds (setting ``autosave/interval_seconds``, default 30)."""
    s = settings if settings is not None else app_settings()
    raw: Any = s.value(SETTINGS_KEY, DEFAULT_INTERVAL_S)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return float(DEFAULT_INTERVAL_S)
    return max(float(MIN_INTERVAL_S), value) if value == value else float(DEFAULT_INTERVAL_S)


def _write(snap, key: str, original: str | None, name: str, folder: Path) -> tuple[Path, float]:
    """On the worker thread: write one recovery file; (its path, seconds taken)."""
    t0 = time.perf_counter()
    path = recovery.write_recovery(snap, key=key, original_path=original, display_name=name, folder=folder)
    return path, time.perf_counter() - t0


def new_key() -> str:
    """A recovery key not used yet by this program."""
    return f"d{next(_keys)}"


class AutosavedDocument(Protocol):
    """What autosave needs of a document (the editing layer's ``Document`` has it)."""

    diagram: Diagram
    #: Signal(bool): unsaved changes appeared or went away.
    modifiedChanged: Any

    @property
    def path(self) -> Path | None: ...

    def display_name(self) -> str: ...

    def is_modified(self) -> bool: ...


class AutosaveController(QObject):
    """Writes a document's recovery file while it has unsaved changes."""

    #: A recovery file was written; argument: its path.
    saved = Signal(str)
    #: Autosave failed (disk full, folder not writable); argument: the message for the status bar.
    failed = Signal(str)

    def __init__(self, document: AutosavedDocument, interval_s: float | None = None,
                 folder: str | os.PathLike | None = None, key: str | None = None,
                 parent: QObject | None = None) -> None:
        # Without a parent the controller lives as long as its document (when that is a QObject).
        owner = document if isinstance(document, QObject) else None
        super().__init__(parent if parent is not None else owner)
        self.document = document
        self.interval_s = float(interval_s) if interval_s is not None else interval_from_settings()
        self.folder = Path(folder) if folder else recovery.recovery_dir()
        self.key = key or new_key()
        self.recovery_file = self.folder / recovery.file_name(self.key)
        self.last_error: str | None = None
        #: Seconds spent on the GUI thread taking the last snapshot, and on the worker writing it.
        self.last_snapshot_seconds = 0.0
        self.last_write_seconds = 0.0
        self._generation = 0
        self._written = -1  # a document that is already modified (restored) is written at the first tick
        self._pending: Future | None = None
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, int(self.interval_s * 1000)))
        self._timer.timeout.connect(self.autosave_now)
        self._handle = relay.handle(self)  # the worker reports back through the relay
        document.diagram.subscribe(self._on_change)
        document.modifiedChanged.connect(self._on_modified_changed)

    # ------------------------------------------------------------ lifecycle
    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def clean_close(self, timeout: float = 5.0) -> None:
        """The document is closing normally: stop and delete its recovery file."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self.document.diagram.unsubscribe(self._on_change)
        with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
            self.document.modifiedChanged.disconnect(self._on_modified_changed)
        self._submit("remove", recovery.remove_recovery, self.recovery_file)
        self.wait(timeout)

    def wait(self, timeout: float = 5.0) -> bool:
        """Block until queued writes/removals are done (tests, closing); False on timeout."""
        pending = self._pending
        if pending is None:
            return True
        try:
            pending.result(timeout)
        except TimeoutError:
            return False
        except Exception:
            pass
        return True

    # -------------------------------------------------------------- saving
    def needs_autosave(self) -> bool:
        return not self._closed and self.document.is_modified() and self._generation != self._written

    def autosave_now(self) -> Future | None:
        """Write the recovery file now if there are unwritten changes; returns the job or None."""
        if not self.needs_autosave():
            return None
        t0 = time.perf_counter()
        doc = self.document
        snap = doc.diagram.snapshot()
        original = str(doc.path) if doc.path else None
        name = doc.display_name()
        self.last_snapshot_seconds = time.perf_counter() - t0
        self._written = self._generation
        return self._submit("write", _write, snap, self.key, original, name, self.folder)

    def _submit(self, kind: str, fn: Callable[..., Any], *args: Any) -> Future:
        future = _worker().submit(fn, *args)
        self._pending = future
        handle = self._handle  # not self: the worker must not keep or touch the controller

        def done(f: Future) -> None:
            exc = f.exception()
            relay.post(handle, AutosaveController._on_finished, kind, exc if exc is not None else f.result())

        future.add_done_callback(done)
        return future

    def _on_finished(self, kind: str, result: object) -> None:
        if isinstance(result, BaseException):
            reason = getattr(result, "strerror", None) or error_text(result)
            self.last_error = translate("Autosave", "Autosave failed: {reason}").format(reason=reason)
            if kind == "write":
                self._written = -1  # try again at the next tick
            self.failed.emit(self.last_error)
        elif kind == "write":
            path, self.last_write_seconds = cast(tuple[Path, float], result)
            self.last_error = None
            self.saved.emit(str(path))

    # ------------------------------------------------------------ tracking
    def _on_change(self, change: Change) -> None:
        self._generation += 1

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified and not self._closed:
            # Saved (or undone back to the saved state): the file on disk is the truth.
            self._written = self._generation
            self._submit("remove", recovery.remove_recovery, self.recovery_file)
