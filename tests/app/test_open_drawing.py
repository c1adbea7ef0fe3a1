"""A big map's canvas is built from the event loop behind the progress window; Cancel keeps the
previous document (see editor/app/canvas_build.py)."""
from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from editor import settings
from editor.app import canvas_build
from editor.background import reading
from editor.canvas.scene import DiagramScene
from editor.dialogs import messages
from editor.io import native
from editor.model import Company, Diagram, Flow


@pytest.fixture(autouse=True)
def dialogs(tmp_path, monkeypatch):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    settings.clear_all()
    rec = SimpleNamespace(errors=[])
    monkeypatch.setattr(messages, "ask_save_changes", lambda parent, name: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(messages, "show_error", lambda *a, **k: rec.errors.append(a))
    # a small map counts as big here, and is built in small steps
    monkeypatch.setattr(canvas_build, "BUILD_IN_STEPS_ABOVE", 20)
    monkeypatch.setattr(DiagramScene, "BUILD_STEP", 2)
    return rec


@pytest.fixture
def window(shown_window):
    return shown_window


def map_file(folder, n: int = 12):
    d = Diagram()
    for i in range(n):
        d.add_company(Company(f"c{i}", f"Company {i}", x=(i % 4) * 200.0, y=(i // 4) * 160.0))
    for i in range(n):
        for j in range(n):
            if i != j:
                d.add_flow(Flow(f"f{i}-{j}", f"c{i}", f"c{j}", "equity", float(1 + i + j)))
    path = folder / "dense.roundtrip"
    native.save(d, path)
    return path


def visible_progress() -> QProgressDialog | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QProgressDialog) and w.isVisible()), None)


@pytest.fixture
def slow_build(monkeypatch):
    """Each slice of a build takes 20 ms more (so the progress window shows)."""
    real = reading.run_in_steps

    def run(parent, label, steps, **kw):
        def slowed():
            for figures in steps:
                time.sleep(0.02)
                yield figures
        rec.labels.append(label)
        return real(parent, label, slowed(), **kw)

    rec = SimpleNamespace(labels=[])
    monkeypatch.setattr(canvas_build, "run_in_steps", run)
    return rec


def test_a_big_map_opens_with_its_canvas_built_in_steps(window, tmp_path, slow_build):
    path = map_file(tmp_path)
    shown: list[str] = []

    def look():
        dialog = visible_progress()
        if dialog is not None:
            shown.append(dialog.labelText())
        elif not shown:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    assert window.files.open_path(path)
    assert slow_build.labels == ["Drawing dense.roundtrip…"] and shown == ["Drawing dense.roundtrip…"]
    assert window.document.path == path
    scene = window.scene
    assert scene.diagram is window.document.diagram and scene.item_count() == 12 + 132
    assert all(item.made_label is not None for item in scene.flow_items())   # built with its labels
    assert window.view.scene() is scene
    window.document.add_company("Later", 10, 10)    # the canvas follows the new document
    assert scene.item_count() == 13 + 132


def test_cancel_while_drawing_keeps_the_previous_document(window, tmp_path, slow_build, dialogs):
    doc, scene = window.document, window.scene
    doc.add_company("Intel", 5, 5)
    state, undo = doc.diagram.state(), doc.undo_stack.count()

    def cancel_when_shown():
        dialog = visible_progress()
        if dialog is None:
            QTimer.singleShot(20, cancel_when_shown)
            return
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel").click()

    QTimer.singleShot(20, cancel_when_shown)
    assert not window.files.open_path(map_file(tmp_path))
    assert window.document is doc and window.scene is scene and window.view.scene() is scene
    assert doc.diagram.state() == state and doc.undo_stack.count() == undo and doc.path is None
    assert scene.item_count() == len(doc.diagram.companies()) + len(doc.diagram.flows())
    assert dialogs.errors == [] and settings.recent_files() == []
    doc.add_company("Still editable", 50, 50)
    assert window.scene.company_item(doc.diagram.companies()[-1].id) is not None


def test_a_small_map_is_built_at_once_as_before(window, tmp_path, monkeypatch, slow_build):
    monkeypatch.setattr(canvas_build, "BUILD_IN_STEPS_ABOVE", 5000)
    assert window.files.open_path(map_file(tmp_path))
    assert slow_build.labels == [] and window.scene.item_count() == 144


def test_closing_the_window_while_drawing_drops_the_new_map(window, tmp_path, slow_build):
    doc = window.document

    def close_when_shown():
        if visible_progress() is None:
            QTimer.singleShot(20, close_when_shown)
        else:
            window.close()

    QTimer.singleShot(20, close_when_shown)
    assert not window.files.open_path(map_file(tmp_path))
    assert window.document is doc and not window.isVisible()
    assert visible_progress() is None and reading.reads_for(window) == []
