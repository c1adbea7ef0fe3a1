"""The Stress Test dock: closed by default, fed on change, marks on the canvas and in exports."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from editor import settings
from editor.dialogs import messages
from editor.dialogs.export_dialog import ExportImageDialog
from editor.editing.document import Document
from editor.model import Company, Diagram, Flow
from tests.qt import shown_window


def chain() -> Diagram:
    """A owes B owes C owes D, 10 each; A has nothing, B 5, C 4: A, B, C default in rounds 1, 2, 3."""
    d = Diagram()
    for k, (cid, revenue) in enumerate((("a", None), ("b", 5.0), ("c", 4.0), ("d", None))):
        d.add_company(Company(cid, cid.upper(), x=200.0 * k, y=0.0, revenue=revenue))
    for k, (s, t) in enumerate((("a", "b"), ("b", "c"), ("c", "d")), 1):
        d.add_flow(Flow(f"f{k}", s, t, "purchase", amount=10.0, status="committed"))
    return d


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    settings.clear_all()
    # closing the window (at the end of a test) discards the edits instead of asking
    monkeypatch.setattr(messages, "ask_save_changes", lambda parent, name: QMessageBox.StandardButton.Discard)
    yield from shown_window(qtbot, chain())


def open_stress(window, qtbot):
    action = window.docks["stress"].toggleViewAction()
    action.trigger()
    qtbot.waitUntil(lambda: window.stress.panel.result() is not None and not window.stress.panel.is_busy(),
                    timeout=5000)


def test_the_dock_is_closed_by_default_and_listed_in_the_view_menu(window):
    dock = window.docks["stress"]
    assert dock.isHidden() and not window.stress.is_open()
    view = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View")
    panels = next(a.menu() for a in view.actions() if a.menu() and a.text().replace("&", "") == "Panels")
    assert dock.toggleViewAction() in panels.actions()
    assert window.stress.panel.snapshot() is None          # nothing cleared while closed
    assert window.scene.stress_overlay is None


def test_opening_the_dock_marks_defaults_and_splits_arrows(window, qtbot):
    open_stress(window, qtbot)
    assert window.stress.panel.snapshot() is not None
    qtbot.waitUntil(lambda: window.scene.stress.marked_companies() == {"a": 1, "b": 2, "c": 3}, timeout=3000)
    assert window.scene.stress.marked_flows() == pytest.approx({"f1": 0.0, "f2": 0.5, "f3": 0.9})


def test_a_shock_marks_the_right_companies(window, qtbot):
    window.document.update_company("a", revenue=30.0)   # A can pay now: nobody defaults
    open_stress(window, qtbot)
    assert window.scene.stress.marked_companies() == {}
    panel = window.stress.panel
    panel.set_shock("a", 1.0)                             # A loses all its money
    qtbot.waitUntil(lambda: window.scene.stress.marked_companies() == {"a": 1, "b": 2, "c": 3}, timeout=5000)
    panel.set_shock("a", 0.5)                             # 15 left: A pays its 10 in full again
    qtbot.waitUntil(lambda: window.scene.stress.marked_companies() == {}, timeout=5000)


def test_stepping_the_domino_round_changes_the_marks(window, qtbot):
    open_stress(window, qtbot)
    step = window.stress.panel.step_box
    assert step.maximum() == 3
    step.setValue(1)
    assert window.scene.stress.marked_companies() == {"a": 1}
    assert set(window.scene.stress.marked_flows()) == {"f1"}
    step.setValue(2)
    assert window.scene.stress.marked_companies() == {"a": 1, "b": 2}


def test_editing_the_diagram_clears_again_after_a_pause(window, qtbot):
    open_stress(window, qtbot)
    window.document.update_company("c", revenue=50.0)    # C can pay D in full now
    qtbot.waitUntil(lambda: window.scene.stress.marked_companies() == {"a": 1, "b": 2}, timeout=5000)
    assert "f3" not in window.scene.stress.marked_flows()


def test_closing_the_dock_removes_the_marks(window, qtbot):
    open_stress(window, qtbot)
    qtbot.waitUntil(lambda: bool(window.scene.stress.marked_companies()), timeout=3000)
    window.docks["stress"].close()
    assert not window.stress.is_open()
    assert window.scene.stress_overlay is None and window.scene.stress.marked_companies() == {}
    assert window.stress.overlay_for_export() is None
    window.stress.panel.step_box.setValue(1)              # a step while closed draws nothing
    assert window.scene.stress.marked_companies() == {}
    window.document.update_company("c", revenue=50.0)
    assert not window.stress._timer.isActive()            # no clearing while closed


def test_a_new_document_gets_its_own_clearing_and_marks(window, qtbot):
    open_stress(window, qtbot)
    d = chain()
    d.update_company("a", revenue=100.0)
    window.set_document(Document(d, None))
    qtbot.waitUntil(lambda: window.scene.stress_overlay is not None
                    and window.scene.stress.marked_companies() == {}
                    and window.stress.panel.result() is not None
                    and not window.stress.panel.result().defaulted, timeout=5000)


def test_export_dialog_offers_the_marks_only_while_the_dock_is_open(window, qtbot, tmp_path):
    closed = ExportImageDialog(window.document.diagram, window, stress=window.stress.overlay_for_export())
    assert not closed._stress.isEnabled() and "stress" not in closed.options()
    closed.deleteLater()
    open_stress(window, qtbot)
    overlay = window.stress.overlay_for_export()
    assert overlay is not None and overlay.rounds == 3
    dialog = ExportImageDialog(window.document.diagram, window, stress=overlay, directory=tmp_path)
    assert dialog._stress.isChecked() and dialog.options()["stress"] is overlay
    dialog._format.setCurrentIndex(dialog._format.findData(".svg"))
    assert dialog.export()
    text = dialog.path().read_text()
    assert "Stress test: a red ring" in text and "#d93025" in text
    dialog._stress.setChecked(False)
    assert "stress" not in dialog.options()
    dialog.deleteLater()


def test_window_shutdown_stops_the_panel(window, qtbot):
    open_stress(window, qtbot)
    window.shutdown()
    assert not window.stress.is_open()
    before = window.stress.panel._requested
    window.stress.panel.set_shock("b", 0.5)
    assert window.stress.panel._requested == before       # a closed panel clears nothing more
