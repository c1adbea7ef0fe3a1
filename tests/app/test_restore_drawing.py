"""Work restored at start-up: a big map's canvas is drawn in steps behind the progress window, as
at Open, and Cancel gives the recovery file back for the next start (editor/app/start.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication

from editor import settings
from editor.app import canvas_build
from editor.app import start as app
from editor.dialogs import recovery_dialog
from editor.io import recovery
from editor.model import Diagram
from tests.helpers import dense_diagram
from tests.progress import cancel_when_shown, record_first_label


@pytest.fixture
def folder(tmp_path, monkeypatch, slow_build):
    """The recovery folder (empty), with maps over 20 items drawn in slowed steps (``.labels``)."""
    f = tmp_path / "recovery"
    monkeypatch.setenv(recovery.ENV_DIR, str(f))
    settings.clear_all()
    settings.set_value("first_run_done", True)
    before = list(app._windows)
    yield SimpleNamespace(path=f, labels=slow_build.labels)
    for w in [w for w in app._windows if w not in before]:
        w.shutdown()
        w.deleteLater()
    QApplication.processEvents()


def left_over(folder, diagram: Diagram, original) -> recovery.RecoveryEntry:
    """A recovery file as a crashed process leaves it (named after a process that is gone)."""
    written = recovery.write_recovery(diagram, key="d7", original_path=original,
                                      display_name="dense.roundtrip", folder=folder.path)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    os.rename(written, written.with_name(f"{gone.pid}-d7{recovery.SUFFIX}"))
    [entry] = recovery.list_recoveries(folder.path)
    return entry


def restore_at_start(monkeypatch, entry) -> list:
    """start_windows with the user choosing Restore for ``entry`` in the recovery dialog."""
    monkeypatch.setattr(app, "_offer_recovery", lambda: [recovery_dialog.restore(entry, 30)])
    return app.start_windows([])


def test_a_big_restored_map_is_drawn_in_steps(qtbot, folder, tmp_path, monkeypatch):
    original = tmp_path / "dense.roundtrip"
    entry = left_over(folder, dense_diagram(), original)
    shown: list[str] = []
    record_first_label(shown)
    [w] = restore_at_start(monkeypatch, entry)
    assert folder.labels == ["Drawing dense.roundtrip…"] and shown == ["Drawing dense.roundtrip…"]
    doc = w.document
    assert doc.path == original and doc.is_modified() and w.files.confirm_overwrite
    assert w.scene.diagram is doc.diagram and w.scene.item_count() == 12 + 132
    assert w.autosave is not None and w.autosave.is_active()   # the restored work keeps being autosaved
    assert not entry.file.exists()   # claimed by this window's autosave
    doc.add_company("Later", 10, 10)
    assert w.scene.item_count() == 13 + 132


def test_cancel_while_drawing_gives_the_recovery_file_back(qtbot, folder, tmp_path, monkeypatch):
    entry = left_over(folder, dense_diagram(), tmp_path / "dense.roundtrip")
    before = entry.file.read_bytes()
    cancel_when_shown()
    [w] = restore_at_start(monkeypatch, entry)
    assert w.document.diagram.is_empty() and not w.document.is_modified()
    assert "offered again at the next start" in w.statusBar().currentMessage()
    assert entry.file.read_bytes() == before   # back where it was, untouched
    # offered again at the next start
    assert [e.file for e in recovery.list_recoveries(folder.path)] == [entry.file]


def test_a_small_restored_map_is_drawn_at_once(qtbot, folder, tmp_path, monkeypatch):
    monkeypatch.setattr(canvas_build, "BUILD_IN_STEPS_ABOVE", 5000)
    entry = left_over(folder, dense_diagram(4), None)
    [w] = restore_at_start(monkeypatch, entry)
    assert folder.labels == [] and w.scene.item_count() == 4 + 12
    assert w.document.path is None and w.document.is_modified() and not w.files.confirm_overwrite
