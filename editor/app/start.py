"""``roundtrip [FILE]``: start the editor.

What opens at start:
* unsaved work left over from a crash is offered first (Recover Unsaved Work);
* ``roundtrip FILE`` opens FILE; a FILE that does not exist (``new.roundtrip``) starts an
  empty diagram that Save writes there; if FILE cannot be read, the problems are shown
  and the window starts with an empty diagram;
* ``roundtrip`` alone opens the AI sample the very first time (as an untitled
  copy, so the bundled file is never overwritten) and an empty diagram on later
  runs — the last files are one click away in File → Open Recent.

``ROUNDTRIP_SMOKE_SCREENSHOT=out.png`` makes the app grab its own window to
``out.png`` once it has shown and the analysis has finished, then quit (used by
the Xvfb smoke test).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from editor import __version__, settings
from editor.app import resources

_windows: list = []  # open main windows (kept alive here)


def open_window(document=None, autosave=None, **kwargs):
    from editor.app.mainwindow import MainWindow

    w = MainWindow(document, autosave=autosave, **kwargs)
    _windows.append(w)
    w.destroyed.connect(lambda *_: _windows.remove(w) if w in _windows else None)
    return w


def start_windows(argv: list[str]) -> list:
    """Create the start-up windows for ``argv`` (file paths); returns them (not shown)."""
    from editor.app.samples import sample_path
    from editor.dialogs.recovery_dialog import offer_recovery

    windows = []
    for r in offer_recovery(None):
        w = open_window(r.document, autosave=r.controller)
        w.files.confirm_overwrite = r.document.path is not None
        windows.append(w)
    files = [a for a in argv if not a.startswith("-")]
    for f in files:
        w = open_window()
        if not Path(f).exists() and Path(f).suffix.lower() in ("", ".roundtrip"):
            w.files.new_at_path(f)  # a new file by name, written on the first Save
        else:
            w.files.open_path(f, prompt=False)
        windows.append(w)
    if not windows:
        w = open_window()
        if not settings.get_bool("first_run_done", False):
            sample = sample_path()
            if sample.exists():
                w.files.open_sample(sample)
            settings.set_value("first_run_done", True)
        windows.append(w)
    return windows


def run_app(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        [sys.argv[0] if sys.argv else "roundtrip"])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Roundtrip")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(resources.icon("roundtrip"))
    from editor import i18n
    i18n.install(app)  # before any widget: texts are translated when widgets are made
    from editor.background import collector
    collector.install()  # cycles are freed on this thread, never on a worker's
    windows = start_windows(list(argv))
    for w in windows:
        w.show()
    shot = os.environ.get("ROUNDTRIP_SMOKE_SCREENSHOT")
    if shot:
        _arm_screenshot(windows[-1], Path(shot))
    return app.exec()


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
