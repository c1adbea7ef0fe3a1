"""View -> Flow Types: hide and show flow types on the canvas, with a note on what panels count."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from editor import settings
from editor.app.mainwindow import MainWindow
from editor.app.type_filter import fill_flow_types_menu
from editor.dialogs import messages
from editor.editing.document import Document
from editor.io.view import view_of
from editor.panels.common import VIEW_NOTE
from tests.helpers import seed_diagram
from tests.qt import shown_window


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    monkeypatch.setattr(messages, "ask_save_changes", lambda parent, name: QMessageBox.StandardButton.Discard)
    settings.clear_all()
    yield from shown_window(qtbot, seed_diagram(), exposed=True)


def _menu(w: MainWindow) -> QMenu:
    menu = w.findChild(QMenu, "flowTypesMenu")
    assert menu is not None
    fill_flow_types_menu(w, menu)
    return menu


def test_unchecking_a_type_hides_it_without_an_undo_step(window):
    menu = _menu(window)
    entries = {a.data(): a for a in menu.actions() if a.isCheckable()}
    assert set(entries) == {t.id for t in window.document.diagram.flow_types()}
    assert all(a.isChecked() for a in entries.values())
    undo_count = window.document.undo_stack.count()
    entries["service"].setChecked(False)
    assert window.scene.hidden_types == {"service"}
    assert not window.scene.flow_item("f2").isVisible()
    note = window.loops.findChild(QLabel, VIEW_NOTE)
    assert note is not None and not note.isHidden() and "1 flow type(s) hidden" in note.text()
    assert "1 flow type(s) hidden" in window.metrics.findChild(QLabel, VIEW_NOTE).text()
    assert view_of(window.document.diagram).hidden_types == ("service",)
    assert window.document.undo_stack.count() == undo_count
    menu = _menu(window)
    entries = {a.data(): a for a in menu.actions() if a.isCheckable()}
    assert not entries["service"].isChecked()
    show_all = [a for a in menu.actions() if not a.isCheckable() and not a.isSeparator()][0]
    assert show_all.isEnabled()
    show_all.trigger()
    assert window.scene.hidden_types == frozenset()
    assert window.scene.flow_item("f2").isVisible()
    assert window.loops.findChild(QLabel, VIEW_NOTE).isHidden()
    assert view_of(window.document.diagram).is_empty()


def test_hidden_types_are_saved_and_opened_again(window, tmp_path):
    from editor.io import native

    _menu(window)
    entries = {a.data(): a for a in _menu(window).actions() if a.isCheckable()}
    entries["equity"].setChecked(False)
    path = tmp_path / "d.roundtrip"
    native.save(window.document.diagram, path)
    assert '"hidden_types"' in path.read_text()
    diagram = native.load(path)
    assert view_of(diagram).hidden_types == ("equity",)
    window.set_document(Document(diagram, path))
    assert window.scene.hidden_types == {"equity"}
    assert not window.scene.flow_item("f1").isVisible()


def test_a_legend_click_hides_and_shows_the_type(window):
    window.scene.legendTypeClicked.emit("purchase")
    assert window.scene.hidden_types == {"purchase"}
    assert not window.scene.flow_item("f3").isVisible()
    window.scene.legendTypeClicked.emit("purchase")
    assert window.scene.hidden_types == frozenset()
    assert window.scene.flow_item("f3").isVisible()
