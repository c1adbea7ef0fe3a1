"""Recovery files are read off the GUI thread, behind the progress window; Cancel keeps them."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from editor.background import reading
from editor.background.autosave import AutosaveController
from editor.dialogs import recovery_dialog
from editor.dialogs.recovery_dialog import RESTORE, RecoveryDialog, apply_choices, offer_recovery, restore
from editor.editing.document import Document
from editor.io import recovery, safe_read
from tests.background.test_autosave import crash
from tests.helpers import seed_diagram


@pytest.fixture
def folder(tmp_path, monkeypatch):
    f = tmp_path / "recovery"
    monkeypatch.setenv(recovery.ENV_DIR, str(f))
    return f


def left_over(folder, title: str = "Lost work"):
    """A recovery file left by a program that crashed, and its entry."""
    doc = Document(seed_diagram())
    doc.set_metadata(title=title)
    doc.add_company("Unsaved Co")
    ctl = AutosaveController(doc, interval_s=30, folder=folder)
    ctl.autosave_now()
    path = crash(ctl)
    [entry] = recovery.list_recoveries(folder)
    return path, entry, doc


def slowed(monkeypatch, name: str, steps: int) -> list:
    """``recovery.<name>`` made slow (``steps`` pauses of 20 ms, each reported as bytes read);
    the threads it ran in are recorded."""
    real = getattr(recovery, name)
    threads: list = []

    def slow(*args):
        threads.append(threading.current_thread())
        for i in range(steps):
            time.sleep(0.02)
            safe_read.progress(i + 1, steps + 1, "bytes")   # (stops here once cancelled)
        return real(*args)

    monkeypatch.setattr(recovery, name, slow)
    return threads


def press_cancel_when_shown(seen: list) -> None:
    def look():
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QProgressDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.append((dialog.windowTitle(), dialog.labelText().splitlines()[0]))
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel").click()
    QTimer.singleShot(20, look)


def test_restore_reads_the_file_in_a_worker_thread(qtbot, folder, monkeypatch):
    _path, entry, doc = left_over(folder)
    threads = slowed(monkeypatch, "load_recovery", 2)
    r = restore(entry, interval_s=30)
    assert r is not None and r.document.diagram == doc.diagram and r.document.is_modified()
    assert threads and threads[0] is not threading.main_thread()


def test_cancelling_a_restore_keeps_the_file_for_the_next_start(qtbot, folder, monkeypatch):
    path, entry, _doc = left_over(folder)
    slowed(monkeypatch, "load_recovery", 500)   # 10 s unless cancelled
    seen: list = []
    press_cancel_when_shown(seen)
    start = time.perf_counter()
    restored, problems = apply_choices([(entry, RESTORE)])
    assert time.perf_counter() - start < 5
    assert seen == [("Recover Unsaved Work", "Restoring Lost work…")]
    assert restored == [] and problems == []
    assert path.exists()   # given back under its old name: offered again
    assert [e.display_name for e in recovery.list_recoveries(folder)] == ["Lost work"]


def test_cancelling_the_search_for_left_over_files_deletes_nothing(qtbot, folder, monkeypatch):
    path, _entry, _doc = left_over(folder)
    threads = slowed(monkeypatch, "list_recoveries", 500)
    shown: list = []
    monkeypatch.setattr(RecoveryDialog, "exec", lambda self: shown.append(self) or 0)
    seen: list = []
    press_cancel_when_shown(seen)
    assert offer_recovery(folder=folder) == []
    assert seen == [("Recover Unsaved Work", "Looking for unsaved work…")] and shown == []
    assert threads and threads[0] is not threading.main_thread()
    assert path.exists() and len(recovery.list_recoveries(folder)) == 1


def test_a_file_restored_from_the_offer_is_read_off_the_gui_thread(qtbot, folder, monkeypatch):
    _path, _entry, doc = left_over(folder)
    threads = slowed(monkeypatch, "load_recovery", 1)

    def choose_restore(self):
        self.select([0])
        self.restore_button.click()
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", choose_restore)
    monkeypatch.setattr(recovery_dialog, "warn", lambda *a: pytest.fail(f"unexpected warning {a}"))
    [r] = offer_recovery(folder=folder, interval_s=30)
    assert r.document.diagram == doc.diagram
    assert threads and threads[0] is not threading.main_thread()
    assert reading.reads_for(None) == []
