"""Main window files and edit commands: prompts, bad files, failed saves, clipboard, arrange, start-up."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from editor import settings
from editor.app import start as app
from editor.app.mainwindow import MainWindow
from editor.app.samples import sample_path
from editor.dialogs import messages
from editor.editing.document import Document
from editor.io import native
from tests.helpers import seed_diagram


@pytest.fixture(autouse=True)
def dialogs(tmp_path, monkeypatch):
    """No real modal dialogs: record errors, answer prompts from ``answers`` (Discard by default)."""
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    settings.clear_all()
    rec = type("Rec", (), {})()
    rec.errors, rec.asked, rec.answers = [], [], []

    def ask(parent, name):
        rec.asked.append(name)
        return rec.answers.pop(0) if rec.answers else QMessageBox.Discard

    monkeypatch.setattr(messages, "ask_save_changes", ask)
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text, problems=(): rec.errors.append(
        (title, text, list(problems))))
    return rec


@pytest.fixture
def window(qtbot):
    w = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    yield w
    w.document.undo_stack.setClean()
    w.shutdown()


def save_dialog_returns(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path) if path else "", ""))


# ----------------------------------------------------------------- prompts
@pytest.mark.parametrize("answer", [QMessageBox.Save, QMessageBox.Discard, QMessageBox.Cancel])
def test_unsaved_changes_prompt_on_new(window, dialogs, monkeypatch, tmp_path, answer):
    doc = window.document
    doc.add_company("Intel", 5, 5)
    name = doc.display_name()
    dialogs.answers.append(answer)
    target = tmp_path / "kept.roundtrip"
    save_dialog_returns(monkeypatch, target)
    replaced = window.files.new_document()
    assert dialogs.asked == [name]
    if answer == QMessageBox.Cancel:
        assert not replaced and window.document is doc and doc.is_modified()
        assert not target.exists()
    elif answer == QMessageBox.Discard:
        assert replaced and window.document is not doc and window.document.diagram.is_empty()
        assert not target.exists()
    else:
        assert replaced and window.document.diagram.is_empty()
        assert native.load(target).find_company("Intel") is not None


def test_close_asks_and_cancel_keeps_the_window(window, dialogs, monkeypatch, qtbot):
    window.show()
    window.document.add_company("Intel")
    dialogs.answers.append(QMessageBox.Cancel)
    assert not window.close()
    assert window.isVisible()
    dialogs.answers.append(QMessageBox.Discard)
    assert window.close()


def test_save_dialog_cancelled_keeps_document_open(window, dialogs, monkeypatch):
    window.document.add_company("Intel")
    dialogs.answers.append(QMessageBox.Save)
    save_dialog_returns(monkeypatch, None)
    assert not window.files.new_document()
    assert window.document.is_modified()


def test_no_prompt_when_unchanged(window, dialogs):
    assert window.files.new_document()
    assert dialogs.asked == []


# --------------------------------------------------------------- bad files
def test_bad_file_leaves_the_document_exactly_as_it_was(window, dialogs, tmp_path):
    doc = window.document
    doc.add_company("Intel")
    before, undo_count = doc.diagram.state(), doc.undo_stack.count()
    bad = tmp_path / "bad.roundtrip"
    bad.write_text('{"format": "roundtrip", "version": 1, "companies": "lots"}')
    assert not window.files.open_path(bad)
    assert window.document is doc and doc.diagram.state() == before
    assert doc.undo_stack.count() == undo_count and doc.is_modified()
    assert dialogs.asked == []  # refused before asking about unsaved changes
    title, text, problems = dialogs.errors[0]
    assert "bad.roundtrip" in text and problems and any("companies" in p for p in problems)


def test_missing_file_shows_why(window, dialogs, tmp_path):
    assert not window.files.open_path(tmp_path / "nope.roundtrip")
    assert "nope.roundtrip" in dialogs.errors[0][1]


def test_failed_save_keeps_document_open_and_modified(window, dialogs, tmp_path, monkeypatch):
    window.document.add_company("Intel")
    save_dialog_returns(monkeypatch, tmp_path / "no-such-folder" / "x.roundtrip")
    assert not window.files.save()
    assert window.document.is_modified() and window.isWindowModified()
    assert "cannot save" in dialogs.errors[0][1]


def test_save_as_adds_extension_and_recent_files(window, tmp_path, monkeypatch):
    save_dialog_returns(monkeypatch, tmp_path / "map")
    assert window.files.save_as()
    assert window.document.path == tmp_path / "map.roundtrip"
    assert settings.recent_files()[0] == str((tmp_path / "map.roundtrip").resolve())
    texts = [a.text() for a in window.files.recent_menu.actions()]
    assert texts[0] == "&1 map.roundtrip" and texts[-1] == "Clear Menu"
    window.files.recent_menu.actions()[-1].trigger()
    assert settings.recent_files() == []


def test_revert_drops_changes(window, tmp_path, monkeypatch):
    save_dialog_returns(monkeypatch, tmp_path / "r.roundtrip")
    window.files.save_as()
    saved = window.document.diagram.state()
    window.document.add_company("Intel")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Discard)
    assert window.files.revert()
    assert window.document.diagram.state() == saved and not window.document.is_modified()


def test_modified_flag_follows_the_undo_stack(window):
    assert not window.isWindowModified()
    window.document.add_company("Intel")
    assert window.isWindowModified()
    window.menu_actions.undo.trigger()
    assert not window.isWindowModified()
    assert window.windowTitle().endswith("[*] — Roundtrip")


def test_samples_menu_lists_titles_and_opens_an_untitled_copy(window):
    actions = window.files.samples_menu.actions()
    assert actions and actions[0].text() == native.load(sample_path()).metadata.title
    actions[0].trigger()
    assert window.document.path is None and len(window.document.diagram) > 10
    assert not window.document.is_modified()


# ---------------------------------------------------------------- editing
def test_copy_paste_across_windows_is_one_step_with_new_ids(window, qtbot):
    window.scene.select_ids(["nvidia", "openai"], [])
    assert window.edits.copy() == 2
    other = MainWindow(Document(), autosave_enabled=False)
    qtbot.addWidget(other)
    assert other.edits.paste()
    d = other.document.diagram
    assert sorted(c.name for c in d.companies()) == ["NVIDIA", "OpenAI"]
    assert len(d.flows()) == 1  # the NVIDIA -> OpenAI flow; the others lack an end
    assert other.document.undo_stack.count() == 1
    assert set(other.selected_ids()[0]) == {c.id for c in d.companies()}
    other.menu_actions.undo.trigger()
    assert d.is_empty()
    other.document.undo_stack.setClean()
    other.shutdown()


def test_paste_in_same_diagram_offsets_and_renames_ids(window):
    d = window.document.diagram
    window.scene.select_ids(["nvidia"], [])
    window.edits.copy()
    window.edits.paste()
    window.edits.paste()
    copies = [c for c in d.companies() if c.name == "NVIDIA"]
    assert len(copies) == 3 and len({c.id for c in copies}) == 3
    assert sorted(c.x for c in copies) == [0, 30, 60]


def test_duplicate_cut_delete_select_all(window):
    d = window.document.diagram
    window.edits.select_all()
    assert window.selected_ids() == (["nvidia", "openai", "oracle"], ["f1", "f2", "f3"]) or \
        sorted(window.selected_ids()[0]) == ["nvidia", "openai", "oracle"]
    assert window.edits.duplicate()
    assert len(d) == 6 and len(d.flows()) == 6
    window.menu_actions.undo.trigger()
    window.scene.select_ids(["oracle"], [])
    assert window.edits.cut() == 1
    assert not d.has_company("oracle") and len(d.flows()) == 1
    assert window.document.undo_stack.undoText() == "Cut 1 company"
    window.scene.select_ids(["nvidia"], [])
    assert window.edits.delete_selection()
    assert [c.name for c in d.companies()] == ["OpenAI"]


def test_align_distribute_and_layout_are_one_step_each(window):
    d, stack = window.document.diagram, window.document.undo_stack
    window.scene.select_ids(["nvidia", "openai", "oracle"], [])
    window.edits.align("top")
    assert {c.y for c in d.companies()} == {0.0} and stack.undoText() == "Align top"
    window.edits.align("centre")
    assert {c.x for c in d.companies()} == {150.0}
    stack.undo()
    window.edits.distribute("vertical")
    window.edits.distribute("horizontal")
    xs = sorted(c.x for c in d.companies())
    assert xs == [0.0, 150.0, 300.0]
    n = stack.index()
    window.scene.clearSelection()
    assert window.edits.auto_layout()
    assert stack.index() == n + 1 and stack.undoText() == "Automatic layout"
    stack.undo()
    assert sorted(c.x for c in d.companies()) == xs


def test_edit_actions_follow_the_selection_and_revert_the_file(window, tmp_path, monkeypatch):
    acts = window.menu_actions
    window.scene.select_ids(["nvidia"], [])
    assert acts.delete.isEnabled() and acts.copy.isEnabled() and acts.cut.isEnabled()
    assert not any(a.isEnabled() for a in acts.align.values())
    window.scene.select_ids(["nvidia", "openai"], [])
    assert all(a.isEnabled() for a in acts.align.values())
    assert not any(a.isEnabled() for a in acts.distribute.values())
    window.scene.select_ids(["nvidia", "openai", "oracle"], [])
    assert all(a.isEnabled() for a in acts.distribute.values())
    window.scene.select_ids([], ["f1"])
    assert acts.delete.isEnabled() and not acts.copy.isEnabled() and not acts.duplicate.isEnabled()
    window.scene.clearSelection()
    assert not acts.delete.isEnabled()
    assert not acts.revert.isEnabled()  # never saved: nothing to revert to
    save_dialog_returns(monkeypatch, tmp_path / "r.roundtrip")
    assert window.files.save_as()
    assert acts.revert.isEnabled()


def test_inspector_follows_canvas_selection(window):
    window.scene.select_ids(["oracle"], [])
    assert window.inspector.heading.text() == "Oracle"
    window.scene.select_ids([], ["f2"])
    assert window.inspector.field("flow", "amount").widget.text() == "300"
    window.scene.clearSelection()
    assert window.inspector.heading.text() == "Diagram details"


def test_through_selected_company_filters_loops(window, qtbot):
    window.document.add_company("Lonely", 500, 500)
    lonely = window.document.diagram.find_company("Lonely").id
    qtbot.waitUntil(lambda: window.loops.model.rowCount() == 1 and not window.worker.is_busy(), timeout=10000)
    window.scene.select_ids([lonely], [])
    window.loops.through.setChecked(True)
    qtbot.waitUntil(lambda: window.loops.model.rowCount() == 0 and not window.worker.is_busy(), timeout=10000)
    assert "through the selected company" in window.loops.summary.text()
    window.loops.through.setChecked(False)
    qtbot.waitUntil(lambda: window.loops.model.rowCount() == 1, timeout=10000)


# ---------------------------------------------------------------- start-up
def test_first_run_opens_the_ai_sample_then_empty(qtbot):
    first = app.start_windows([])
    assert len(first) == 1 and first[0].document.diagram.metadata.title
    assert len(first[0].document.diagram) > 10
    second = app.start_windows([])
    assert second[0].document.diagram.is_empty()
    for w in first + second:
        w.shutdown()
        w.deleteLater()


def test_start_with_a_bad_file_shows_error_and_empty_document(qtbot, tmp_path, dialogs):
    bad = tmp_path / "bad.roundtrip"
    bad.write_text("not json")
    windows = app.start_windows([str(bad)])
    assert len(windows) == 1 and windows[0].document.diagram.is_empty()
    assert dialogs.errors and "bad.roundtrip" in dialogs.errors[0][1]
    good = app.start_windows([str(sample_path())])
    assert good[0].document.path == sample_path()
    for w in windows + good:
        w.shutdown()
        w.deleteLater()
    QApplication.processEvents()


def test_export_table_and_image_menu_items(window, tmp_path, monkeypatch):
    out = tmp_path / "flows.csv"
    save_dialog_returns(monkeypatch, out)
    assert window.menu_actions.export_table.isEnabled()
    assert window.files.export_table()
    assert out.exists() and "NVIDIA" in out.read_text(encoding="utf-8")
    from editor.dialogs import export_dialog

    seen = []
    monkeypatch.setattr(export_dialog.ExportImageDialog, "exec", lambda self: seen.append(self) or 0)
    window.scene.select_ids(["nvidia"], [])
    assert not window.files.export_image()   # cancelled
    assert seen and seen[0]._selection == (["nvidia"], [])


def test_the_inspector_is_the_tab_in_front_when_the_window_opens(window, qtbot):
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    tabs = ("inspector", "catalogue", "history")
    shown = {k for k in tabs if not window.docks[k].visibleRegion().isEmpty()}
    assert shown == {"inspector"}


def test_start_with_a_new_file_name_binds_an_empty_diagram_to_it(qtbot, tmp_path, dialogs):
    target = tmp_path / "new.roundtrip"
    windows = app.start_windows([str(target)])
    w = windows[0]
    assert w.document.diagram.is_empty() and w.document.path == target.resolve()
    assert not target.exists() and not dialogs.errors  # nothing written until Save
    w.document.add_company("Intel", 0, 0)
    assert w.files.save()
    assert native.load(target).find_company("Intel") is not None
    missing = app.start_windows([str(tmp_path / "no-such-folder" / "x.roundtrip")])
    assert dialogs.errors and "does not exist" in dialogs.errors[-1][1]
    for x in windows + missing:
        x.document.undo_stack.setClean()
        x.shutdown()
        x.deleteLater()
    QApplication.processEvents()
