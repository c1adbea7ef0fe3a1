"""View -> Flow Types: hide and show flow types on the canvas, with a note on what panels count."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu, QMessageBox

from editor import settings
from editor.app.mainwindow import MainWindow
from editor.app.type_filter import fill_flow_types_menu
from editor.dialogs import messages
from editor.editing.document import Document
from tests.helpers import seed_diagram


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    monkeypatch.setattr(messages, "ask_save_changes", lambda parent, name: QMessageBox.StandardButton.Discard)
    settings.clear_all()
    w = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.shutdown()


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
    assert "1 flow type(s) hidden" in window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == undo_count
    menu = _menu(window)
    entries = {a.data(): a for a in menu.actions() if a.isCheckable()}
    assert not entries["service"].isChecked()
    show_all = [a for a in menu.actions() if not a.isCheckable() and not a.isSeparator()][0]
    assert show_all.isEnabled()
    show_all.trigger()
    assert window.scene.hidden_types == frozenset()
    assert window.scene.flow_item("f2").isVisible()
    assert window.statusBar().currentMessage() == ""
