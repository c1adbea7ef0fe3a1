"""The window as a desktop app: canvas width across documents, redo keys, themes, find, shortcuts."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from editor import settings
from editor.app import theme
from editor.app.docks import MIN_CANVAS_WIDTH
from editor.app.find import find, find_matches
from editor.app.help_menu import shortcut_rows
from editor.app.mainwindow import MainWindow
from editor.app.samples import sample_path
from editor.dialogs import messages
from editor.editing.document import Document
from editor.io import native
from editor.panels.common import TONES
from tests.helpers import seed_diagram


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    monkeypatch.setattr(messages, "ask_save_changes", lambda parent, name: QMessageBox.StandardButton.Discard)
    settings.clear_all()
    w = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.shutdown()
    theme.apply_theme("system")


def _settle(qtbot) -> None:
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(10)


def test_canvas_keeps_its_width_after_new_open_and_open_sample(window, qtbot, tmp_path):
    _settle(qtbot)
    before = window.canvas_holder.width()
    assert before > 800
    path = tmp_path / "saved.roundtrip"
    native.save(seed_diagram(), path)
    for switch in (window.files.new_document, lambda: window.files.open_path(str(path), prompt=False),
                   lambda: window.files.open_sample(sample_path()), window.files.new_document):
        window.document.undo_stack.setClean()
        switch()
        _settle(qtbot)
        assert window.view.parent() is window.canvas_holder
        assert window.canvas_holder.width() >= before - 2, "the canvas was squeezed by a document switch"


def test_a_squeezed_canvas_is_not_saved_and_reset_layout_restores_it(window, qtbot):
    _settle(qtbot)
    assert window.canvas_holder.minimumWidth() == MIN_CANVAS_WIDTH
    window.resizeDocks([window.docks["inspector"]], [5000], Qt.Orientation.Horizontal)
    _settle(qtbot)
    assert window.canvas_holder.width() >= MIN_CANVAS_WIDTH  # never narrower than usable
    window.reset_layout()
    _settle(qtbot)
    assert window.canvas_holder.width() > 800


def test_redo_has_ctrl_y_and_ctrl_shift_z(window):
    keys = window.menu_actions.redo.shortcuts()
    assert QKeySequence("Ctrl+Y") in keys and QKeySequence("Ctrl+Shift+Z") in keys


def test_theme_menu_is_remembered_and_forces_the_palette(window):
    window.menu_actions.themes["dark"].trigger()
    assert settings.get_str("view/theme") == "dark"
    assert theme.is_dark(QApplication.palette())
    assert window.canvas_theme == "dark"
    window.menu_actions.themes["light"].trigger()
    assert not theme.is_dark(QApplication.palette()) and window.canvas_theme == "light"
    window.menu_actions.themes["system"].trigger()
    assert settings.get_str("view/theme") == "system" and window.menu_actions.themes["system"].isChecked()


def _contrast(a, b) -> float:
    def lum(c):
        def ch(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("palette", [theme.light_palette, theme.dark_palette])
def test_panel_text_colours_pass_wcag_aa_on_light_and_dark(palette):
    from editor.panels.common import tone

    pal = palette()
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Window):
        for kind in TONES:
            ratio = _contrast(tone(kind, pal), pal.color(role))
            assert ratio >= 4.5, f"{kind} on {role.name}: {ratio:.2f}:1"


def test_find_by_name_note_and_source(window):
    d = window.document.diagram
    some = d.companies()[0]
    matches = find(window, some.name[1:4].upper())
    assert ("company", some.id) in matches
    assert window.selected_ids()[0] == [matches[0][1]]
    flow = d.flows()[0]
    window.document.update_flows([flow.id], note="Stargate side letter", url="https://example.org/deal")
    assert find_matches(d, "side LETTER") == [("flow", flow.id)]
    assert ("flow", flow.id) in find_matches(d, "example.org")
    assert find(window, "no such thing anywhere") == []
    assert find_matches(d, "  ") == []


def test_shortcut_list_comes_from_the_actions(window):
    rows = dict((what, keys) for keys, what in shortcut_rows(window))
    for name in ("Undo", "Redo", "Save", "Import", "Export Image", "Find"):
        assert name in rows, name
    gestures = {k for k, _ in shortcut_rows(window)}
    assert {"Esc", "Space+drag, middle-drag"} <= gestures
    assert any(k.startswith("Double-click") for k in gestures)
    keys = " ".join(k for k, _ in shortcut_rows(window))
    for key in ("Ctrl+Z", "Ctrl+Y", "Ctrl+S", "Ctrl+I", "Ctrl+E", "Ctrl+F"):
        assert key in keys, key


def test_print_writes_the_export_page_to_pdf(window, tmp_path):
    import shutil
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    from editor.app.printing import print_to

    assert window.menu_actions.print.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    print_to(printer, window)
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, timeout=60).stdout
        assert "NVIDIA" in text and "OpenAI" in text


def test_find_next_steps_through_every_match_and_wraps(window):
    from editor.app.find import find_next

    d = window.document.diagram
    for flow in d.flows():
        window.document.update_flows([flow.id], note="round trip deal")
    expected = find_matches(d, "deal")
    assert len(expected) >= 3
    shown = []
    find(window, "deal")
    shown.append(window.selected_ids()[1][0])
    assert f"(1 of {len(expected)})" in window.statusBar().currentMessage()
    for _ in range(len(expected) - 1):
        find_next(window)
        shown.append(window.selected_ids()[1][0])
    assert shown == [oid for _k, oid in expected]
    assert f"({len(expected)} of {len(expected)})" in window.statusBar().currentMessage()
    find_next(window)                          # wraps to the first
    assert window.selected_ids()[1] == [expected[0][1]]
    find_next(window, -1)                      # and back to the last
    assert window.selected_ids()[1] == [expected[-1][1]]
    find(window, "deal")                       # Ctrl+F and Enter with the same text: the next one
    assert window.selected_ids()[1] == [expected[0][1]]


def test_find_next_keys(window):
    f3 = [a for a in window.actions() if a.shortcut() == QKeySequence(QKeySequence.StandardKey.FindNext)]
    assert len(f3) == 1
    window.scene.clearSelection()
    window.last_find = window.document.diagram.companies()[0].name
    f3[0].trigger()
    assert window.selected_ids()[0] == [window.document.diagram.companies()[0].id]
