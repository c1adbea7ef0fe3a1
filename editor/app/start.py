"""``roundtrip [FILE]``: start the editor.

What opens at start:
* unsaved work left over from a crash is offered first (Recover Unsaved Work);
* ``roundtrip FILE`` opens FILE; a FILE that does not exist (``new.roundtrip``) starts an
  empty diagram that Save writes there; if FILE cannot be read, the problems are shown
  and the window starts with an empty diagram;
* ``roundtrip`` alone opens the AI sample the very first time (as an untitled
  copy, so the bundled file is never overwritten) and an empty diagram on later
  runs — the last files are one click away in File → Open Recent.

SIGTERM and SIGINT (Ctrl+C in the terminal) are handled like Quit: unsaved work
is first written to recovery files (offered at the next start), then each
window offers to save as it closes. A second signal, or one that arrives while
a dialog is open, ends the app at once, keeping those recovery files. The
analysis process is ended before the app exits, so nothing is left behind.

``ROUNDTRIP_SMOKE_SCREENSHOT=out.png`` makes the app grab its own window to
``out.png`` once it has shown and the analysis has finished, then quit (used by
the Xvfb smoke test). ``ROUNDTRIP_STARTUP_PROBE=1`` prints ``roundtrip-probe shown T``
and ``roundtrip-probe panels T`` (T: ``time.time()``) on stdout when the window has
first painted and when the panels got their first figures (used by the start-up benchmark).
"""
from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import time
from pathlib import Path

from editor import __version__, settings
from editor.app import resources

_windows: list = []  # open main windows (kept alive here)


def open_window(document=None, autosave=None, **kwargs):
    from editor.app.mainwindow import MainWindow

    w = MainWindow(document, autosave=autosave, quick_start=True, **kwargs)
    _windows.append(w)
    w.destroyed.connect(lambda *_: _windows.remove(w) if w in _windows else None)
    return w


def start_windows(argv: list[str]) -> list:
    """Create the start-up windows for ``argv`` (file paths); returns them (not shown)."""
    from editor.app.files import read_at_once
    from editor.app.samples import sample_path
    from editor.editing.document import Document

    windows = []
    for r in _offer_recovery():
        windows.append(_open_restored(r))
    files = [a for a in argv if not a.startswith("-")]
    for f in files:
        if (diagram := read_at_once(f)) is not None:
            w = open_window(Document(diagram, Path(f)))   # (one canvas, the file's: no empty one first)
            w.files.opened(Path(f))
        else:
            w = open_window()
            if not Path(f).exists() and Path(f).suffix.lower() in ("", ".roundtrip"):
                w.files.new_at_path(f)  # a new file by name, written on the first Save
            else:
                w.files.open_path(f, prompt=False)
        windows.append(w)
    if not windows:
        first_run = not settings.get_bool("first_run_done", False)
        sample = sample_path()
        diagram = read_at_once(sample) if first_run and sample.exists() else None
        w = open_window(Document(diagram) if diagram is not None else None)   # (an untitled copy)
        if first_run:
            if diagram is None and sample.exists():
                w.files.open_sample(sample)
            settings.set_value_soon("first_run_done", True)
        windows.append(w)
    return windows


def _open_restored(restored):
    """A window showing a restored document. A big map's canvas is drawn in steps behind the
    progress window, as at Open; Cancel leaves the window empty and gives the recovery file back
    (offered again at the next start)."""
    from editor.app.canvas_build import show_document
    from editor.dialogs.recovery_dialog import give_back
    from editor.i18n import translate

    w = open_window()
    doc = restored.document
    if show_document(w, doc, restored.entry.display_name, autosave=restored.controller):
        w.files.confirm_overwrite = doc.path is not None
    else:
        give_back(restored)
        w.statusBar().showMessage(translate(
            "Start", "Not restored: {name} is offered again at the next start").format(
                name=restored.entry.display_name), 15000)
    return w


def _offer_recovery() -> list:
    """What the user restored of the work left over from a crash (nothing asked when there is none).

    The dialog is imported only when there is something to offer, not before every first paint."""
    from editor.io.recovery import list_recoveries

    if not list_recoveries():
        return []
    from editor.dialogs.recovery_dialog import offer_recovery

    return offer_recovery(None)


def run_app(argv: list[str]) -> int:
    # Start-up makes a few hundred thousand long-lived objects (modules, Qt's wrappers, the
    # diagram) and no garbage: the cyclic collector stays off until the windows are shown, then
    # they are frozen, out of every later collection (the GUI thread's collector takes over).
    gc.disable()
    from PySide6.QtWidgets import QApplication

    from editor.app.pyside_checks import skip_pyside_source_checks

    skip_pyside_source_checks()   # (done already when started by editor.__main__)

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        [sys.argv[0] if sys.argv else "roundtrip"])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Roundtrip")
    app.setApplicationVersion(__version__)
    from editor import i18n
    i18n.install(app)  # before any widget: texts are translated when widgets are made
    from editor.background import collector
    collector.install()  # cycles are freed on this thread, never on a worker's
    settings.hold_writes()   # (the recent files: written once the window has painted)
    windows = start_windows(list(argv))
    for w in windows:
        w.show()
        w.panels_ready.connect(settings.release_writes)   # (right after the first paint)
    gc.freeze()
    # The icon (an SVG drawn at each size the desktop asks for) can wait for the first paint: it
    # is set once the panels are made, right after it (a timer of 0 ms would run before it).
    icon_set: list[bool] = []

    def set_icon() -> None:
        if not icon_set:
            icon_set.append(True)
            app.setWindowIcon(resources.icon("roundtrip"))

    for w in windows:
        w.panels_ready.connect(set_icon)
    if os.environ.get("ROUNDTRIP_STARTUP_PROBE"):
        _arm_probe(windows[-1])
    shot = os.environ.get("ROUNDTRIP_SMOKE_SCREENSHOT")
    if shot:
        _arm_screenshot(windows[-1], Path(shot))
    install_signal_handlers()
    try:
        return app.exec()
    finally:
        shut_down()


def shut_down() -> None:
    """In order: the windows' analyses stop, then the analysis process (which ends its helper);
    settings not written yet are written."""
    from editor.background import analysis_worker

    settings.write_now()
    for w in list(_windows):
        with contextlib.suppress(RuntimeError):  # its C++ side is already gone
            w.worker.shutdown()
    analysis_worker.stop_pool()


_signals = {"count": 0}


def install_signal_handlers() -> None:
    """Handle SIGTERM and SIGINT like Quit (see the module text)."""
    from PySide6.QtCore import QCoreApplication, QTimer

    def handler(signum: int, _frame: object) -> None:
        _signals["count"] += 1
        QTimer.singleShot(0, lambda: on_quit_signal(signum, _signals["count"]))

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, handler)
    # Python runs its signal handlers only when it gets control: wake it up now and then.
    app = QCoreApplication.instance()
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(250)


def save_recovery_files() -> int:
    """Write the unsaved work of every window to its recovery file now; returns how many."""
    written = 0
    for w in list(_windows):
        try:
            autosave = w.autosave
            if autosave is None or not w.document.is_modified():
                continue
            if autosave.autosave_now() is not None:
                written += 1
            autosave.wait(10.0)
        except RuntimeError:  # a window being deleted
            continue
    return written


def on_quit_signal(signum: int, count: int) -> None:
    """The app was asked to end by a signal: keep the work, then close like Quit."""
    from PySide6.QtWidgets import QApplication

    save_recovery_files()
    if count == 1 and QApplication.activeModalWidget() is None:
        QApplication.closeAllWindows()  # each window offers to save (its recovery file goes once saved)
        if not any(w.isVisible() for w in _windows):
            QApplication.quit()
        return
    print(f"roundtrip: ended by signal {signum}; unsaved work is kept as recovery files "
          "(offered at the next start)", file=sys.stderr)
    shut_down()
    QApplication.exit(128 + signum)


def _arm_probe(window) -> None:
    """Print when ``window`` has first painted and when its panels got their first figures."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _Painted(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
                self.done = True
                QTimer.singleShot(0, lambda: print(f"roundtrip-probe shown {time.time():.4f}", flush=True))
            return False

    probe = _Painted(window)
    window.installEventFilter(probe)
    window.view.viewport().installEventFilter(probe)

    def panels(_result: object) -> None:
        if not getattr(window, "_probe_panels", False):
            window._probe_panels = True
            print(f"roundtrip-probe panels {time.time():.4f}", flush=True)

    window.worker.resultReady.connect(panels)


def _arm_screenshot(window, out: Path, timeout_ms: int = 15000) -> None:
    """Grab ``window`` to ``out`` when it has shown and the analysis is done, then quit."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    clock = QElapsedTimer()
    clock.start()

    def attempt() -> None:
        ready = window.isVisible() and not window.worker.is_busy() and clock.elapsed() > 1200
        if ready or clock.elapsed() > timeout_ms:
            window.grab().save(str(out))
            for w in list(_windows):
                w.document.mark_saved()
            QApplication.closeAllWindows()
            QApplication.quit()
        else:
            QTimer.singleShot(200, attempt)

    QTimer.singleShot(300, attempt)
