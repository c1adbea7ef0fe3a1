"""The whole story in a real window, with real mouse and key events on the canvas.

Empty window -> two companies -> a flow with its amount -> the flow back ->
the loop appears in the Loops panel with the right bottleneck -> highlighted
on the canvas -> undo everything, redo everything -> save, reopen, compare.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from editor import settings
from editor.app.mainwindow import MainWindow
from editor.dialogs import messages
from editor.editing.document import Document
from tests.qt import shown_window


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    settings.clear_all()
    errors = []
    monkeypatch.setattr(messages, "ask_save_changes", lambda *a: QMessageBox.Discard)
    monkeypatch.setattr(messages, "show_error", lambda *a, **k: errors.append(a))
    return errors


@pytest.fixture
def window(qtbot):
    yield from shown_window(qtbot, exposed=True)


def click(qtbot, view, pos: QPoint) -> None:
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, pos)


def drag(qtbot, view, a: QPoint, b: QPoint) -> None:
    vp = view.viewport()
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, a)
    for i in range(1, 6):
        QTest.mouseMove(vp, a + (b - a) * (i / 5))
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, b)


def type_into_editor(qtbot, view, text: str) -> None:
    editor = view.editor
    assert editor is not None, "the canvas opened no in-place editor"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)


def press_shortcut(qtbot, window, action: QAction) -> None:
    """Trigger an action through its keyboard shortcut, as a user would."""
    seq = action.shortcut()
    assert not seq.isEmpty()
    window.view.setFocus()
    QTest.keySequence(window.windowHandle(), seq)
    QApplication.processEvents()


def test_full_story(qtbot, window, tmp_path, monkeypatch):
    view, doc = window.view, window.document
    d = doc.diagram
    assert d.is_empty() and window.loops.model.rowCount() == 0

    press_shortcut(qtbot, window, window.menu_actions.tools["add_company"])             # C
    assert view.tool == "add_company"
    a, b = QPoint(150, 150), QPoint(450, 150)
    click(qtbot, view, a)
    type_into_editor(qtbot, view, "NVIDIA")
    press_shortcut(qtbot, window, window.menu_actions.tools["add_company"])
    click(qtbot, view, b)
    type_into_editor(qtbot, view, "OpenAI")
    assert sorted(c.name for c in d.companies()) == ["NVIDIA", "OpenAI"]

    press_shortcut(qtbot, window, window.menu_actions.tools["draw_flow"])               # F
    assert view.tool == "draw_flow"
    window.pick_flow_type(1)                                  # equity
    drag(qtbot, view, a, b)
    type_into_editor(qtbot, view, "100")
    assert len(d.flows()) == 1
    window.pick_flow_type(2)                                  # chip purchase
    press_shortcut(qtbot, window, window.menu_actions.tools["draw_flow"])
    drag(qtbot, view, b, a)
    type_into_editor(qtbot, view, "40")
    nvidia, openai = d.find_company("NVIDIA"), d.find_company("OpenAI")
    flows = {(f.source, f.target): f for f in d.flows()}
    assert flows[(nvidia.id, openai.id)].amount == 100 and flows[(nvidia.id, openai.id)].type == "equity"
    assert flows[(openai.id, nvidia.id)].amount == 40 and flows[(openai.id, nvidia.id)].type == "purchase"

    qtbot.waitUntil(lambda: window.loops.model.rowCount() == 1 and not window.worker.is_busy(), timeout=10000)
    m = window.loops.model
    assert m.data(m.index(0, 1)) == "NVIDIA → OpenAI → NVIDIA"
    assert m.data(m.index(0, 2)) == "$40B"

    window.loops.view.selectRow(0)
    loop = m.loops[0]
    assert window.scene.highlighted == (set(loop.company_ids), set(loop.flow_ids))
    window.loops.view.clearSelection()
    assert window.scene.highlighted is None

    # Undo everything with Ctrl+Z, back to empty; redo everything.
    steps = doc.undo_stack.count()
    full = d.state()
    for _ in range(steps):
        press_shortcut(qtbot, window, window.menu_actions.undo)
    assert d.is_empty() and not d.flows()
    assert not doc.is_modified()
    for _ in range(steps):
        window.menu_actions.redo.trigger()
    assert d.state() == full
    assert window.isWindowModified()

    path = tmp_path / "loop"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.menu_actions.save.trigger()
    saved = tmp_path / "loop.roundtrip"
    assert saved.exists() and not doc.is_modified() and not window.isWindowModified()
    assert window.windowTitle() == "loop.roundtrip[*] — Roundtrip"

    other = MainWindow(Document(), autosave_enabled=False)
    qtbot.addWidget(other)
    assert other.files.open_path(saved)
    assert other.document.diagram == d
    other.shutdown()


def test_context_menu_on_company_flow_and_canvas(qtbot, window):
    doc = window.document
    a = doc.add_company("A", 0, 0)
    b = doc.add_company("B", 300, 0)
    f = doc.add_flow(a, b, "equity", 5, url="https://example.com/x")
    QApplication.processEvents()
    menu = window.context_menu_at(window.scene.company_item(a).scenePos())
    texts = [act.text() for act in menu.actions()]
    assert "Rename…" in texts and "&Delete" in texts
    assert window.selected_ids() == ([a], [])          # right-click selects what it is on
    mid = window.scene.flow_item(f).label.scenePos()
    menu = window.context_menu_at(mid)
    assert "Open Source Link" in [act.text() for act in menu.actions()]
    assert window.selected_ids() == ([], [f])
    far = window.scene.company_item(b).scenePos()
    far.setY(far.y() + 2000)
    menu = window.context_menu_at(far)
    add = next(act for act in menu.actions() if act.text() == "Add Company Here")
    add.trigger()
    assert len(doc.diagram) == 3
