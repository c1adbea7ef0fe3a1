"""A big map's canvas is built from the event loop behind the progress window; Cancel keeps the
previous document (see editor/app/canvas_build.py)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from editor import settings
from editor.app import canvas_build
from editor.background import reading
from editor.dialogs import messages
from editor.io import native
from tests.helpers import dense_diagram
from tests.progress import cancel_when_shown, record_first_label, visible_progress


@pytest.fixture(autouse=True)
def dialogs(tmp_path, monkeypatch):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    settings.clear_all()
    rec = SimpleNamespace(errors=[])
    monkeypatch.setattr(messages, "ask_save_changes", lambda parent, name: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(messages, "show_error", lambda *a, **k: rec.errors.append(a))
    return rec


@pytest.fixture
def window(shown_window):
    return shown_window


def map_file(folder, n: int = 12):
    path = folder / "dense.roundtrip"
    native.save(dense_diagram(n), path)
    return path


def test_a_big_map_opens_with_its_canvas_built_in_steps(window, tmp_path, slow_build):
    path = map_file(tmp_path)
    shown: list[str] = []
    record_first_label(shown)
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
    cancel_when_shown()
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


def test_the_canvas_of_the_previous_document_goes_with_it(window, tmp_path, slow_build):
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from shiboken6 import isValid

    from editor.canvas import gcpause
    from editor.canvas.scene import DiagramScene

    first = window.scene
    gc.unfreeze()
    gcpause.KEEP_ABOVE, keep = -1, gcpause.KEEP_ABOVE   # (this map's build counts as a big one)
    try:
        assert window.files.open_path(map_file(tmp_path))
    finally:
        gcpause.KEEP_ABOVE = keep
    big = window.scene
    assert big is not first and gc.get_freeze_count() > 0   # shown: left out of the collector's walks
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(first)
    window.files.new_document()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(big) and gc.get_freeze_count() == 0   # its objects are the collector's again
    assert [c for c in window.children() if isinstance(c, DiagramScene)] == [window.scene]
