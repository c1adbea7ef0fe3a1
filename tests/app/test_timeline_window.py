"""The timeline in the main window: the period reaches the canvas, the analysis (off the GUI
thread) and the file; date-ordered loops from the Loops panel; File → Export Replay."""
from __future__ import annotations

import json

import pytest
from PIL import Image
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QInputDialog

from editor import settings
from editor.app.mainwindow import MainWindow
from editor.app.samples import sample_path
from editor.canvas.period import pale
from editor.editing.document import Document
from editor.io import native
from editor.io.view import view_of


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    settings.clear_all()
    path = tmp_path / "ai.roundtrip"
    native.save(native.load(sample_path("ai-money-machine-2025")), path)
    w = MainWindow(Document.open(path), autosave_enabled=False)
    qtbot.addWidget(w)
    yield w
    w.document.undo_stack.setClean()
    w.shutdown()


def settled(window) -> bool:
    return not window.worker.is_busy()


def test_a_period_is_analysed_and_said(window, qtbot):
    qtbot.waitUntil(lambda: settled(window) and window.worker.latest is not None, timeout=15000)
    window.timeline.set_period("2025-09", "2025-10-31")
    assert sum(1 for i in window.scene.flow_items() if not i.isVisible()) == 24
    qtbot.waitUntil(lambda: settled(window) and getattr(window.worker.latest, "period", None) is not None,
                    timeout=15000)
    assert window.worker.latest.flows == 23
    assert window.loops.model.rowCount() == 4
    assert "Period applied: 2025-09-01 to 2025-10-31 (23 of 47 flows)" in window.loops.period_label.text()
    title = window.docks["metrics"].windowTitle()
    assert title == "Metrics — period 2025-09-01 to 2025-10-31 (23 of 47 flows)"
    window.timeline.clear_period()
    qtbot.waitUntil(lambda: settled(window) and window.worker.latest.flows == 47, timeout=15000)
    assert window.loops.period_label.isHidden() and window.docks["metrics"].windowTitle() == "Metrics"


def test_date_ordered_loops_from_the_loops_panel(window, qtbot):
    window.loops.date_ordered.setChecked(True)
    window.loops.within.setChecked(True)
    window.loops.within_days.setValue(90)
    qtbot.waitUntil(lambda: settled(window) and getattr(window.worker.latest, "window_days", None) == 90,
                    timeout=15000)
    assert window.loops.model.rowCount() == 6
    assert window.loops.summary.text().startswith("6 date-ordered loops within 90 days")
    window.loops.date_ordered.setChecked(False)
    qtbot.waitUntil(lambda: settled(window) and not getattr(window.worker.latest, "date_ordered_only", False),
                    timeout=15000)
    assert window.loops.model.rowCount() == 15


def test_the_period_is_saved_with_the_file_and_restored_not_undone(window, qtbot, tmp_path):
    window.timeline.set_period("2025-06", "")
    window.timeline.mode_combo.setCurrentIndex(1)
    assert window.document.undo_stack.count() == 0
    out = tmp_path / "saved.roundtrip"
    native.save(window.document.diagram, out)
    data = json.loads(out.read_text("utf-8"))
    assert data["view"] == {"period": {"from": "2025-06-01", "to": "", "outside": "fade"}}
    other = MainWindow(Document.open(out), autosave_enabled=False)
    qtbot.addWidget(other)
    try:
        assert view_of(other.document.diagram).period.start == "2025-06-01"
        assert other.timeline.mode() == "fade" and other.timeline.period() is not None
        d = other.document.diagram
        faded = [i.id for i in other.scene.flow_items()
                 if i.color is pale(QColor(d.flow_type(d.flow(i.id).type).color))]
        assert faded and len(faded) == 47 - len(other.timeline.visible_flow_ids())
    finally:
        other.shutdown()


def test_export_replay_from_the_file_menu(window, tmp_path, monkeypatch):
    out = tmp_path / "replay"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("One month at a time", True))
    window.timeline.set_period("2025-09", "2025-11-30")
    action = next(a for a in window.findChildren(type(window.menu_actions.export_image))
                  if a.text() == "Export &Replay…")
    action.trigger()
    with Image.open(tmp_path / "replay.gif") as im:
        assert im.n_frames == 3              # September, October, November 2025
