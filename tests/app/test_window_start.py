"""Start-up of the window: the canvas paints first, without the analysis libraries; the panels
come right after, in the docks and layout they had before."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QToolBar

from editor import settings
from editor.app.mainwindow import MainWindow
from editor.app.panel_docks import DOCKS
from editor.dialogs import messages
from editor.editing.document import Document
from editor.io import native
from editor.io.lock import lock_path
from tests.helpers import seed_diagram

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "editor" / "data" / "samples" / "ai-money-machine-2025.roundtrip"
HEAVY = ("networkx", "numpy", "igraph", "highspy", "pandas", "scipy")
#: Imported when first used, not before the first paint: the dialogs and message boxes, printing, the
#: format registry (every table and graph format), the panels, the clipboard, the right-click menu, the
#: menus' items (made right after the first paint), what builds a translation catalogue, the lock's
#: host name through socket, user name and file digests, the analysis process's pickle, the stress
#: test, the tips' HTML escaping, importlib.resources, and orjson (a small file is parsed by json).
LATER = ("editor.dialogs.export_dialog", "editor.dialogs.import_dialog", "editor.dialogs.recovery_dialog",
         "editor.dialogs.messages", "editor.app.printing", "PySide6.QtPrintSupport", "editor.io.formats",
         "editor.canvas.export.image", "editor.app.help_menu", "editor.app.find", "editor.panels.catalogue",
         "editor.panels.loops", "editor.panels.common", "editor.app.clipboard", "editor.io.fragment",
         "editor.app.context_menu", "editor.app.menus", "editor.app.language", "subprocess", "socket",
         "getpass", "hashlib", "pickle", "multiprocessing", "editor.analysis.stress", "editor.model.plain",
         "html", "importlib.resources", "orjson")

#: The app started as ``roundtrip SAMPLE``; at its first paint it prints the heavy modules loaded
#: (and whether the panels are made yet, and the overview's picture, shown in its frame right
#: after), then leaves.
FIRST_PAINT = f"""
import os, sys, builtins
from editor.io.lock import read_lock
real = builtins.print
def spy(*args, **kwargs):
    if args and str(args[0]).startswith("roundtrip-probe shown"):
        from editor.app import start
        w = start._windows[-1]
        real("heavy", ",".join(m for m in {HEAVY!r} if m in sys.modules) or "-",
             "panels", w.panels_built(), "docks", len(w.docks), "actions", len(w.actions()),
             "locked", getattr(read_lock(w.document.path), "pid", None) == os.getpid(),
             "later", ",".join(m for m in {LATER!r} if m in sys.modules) or "-",
             "overview", w.view.minimap.isVisible(), "picture", w.view.minimap.has_picture(), flush=True)
        os._exit(0)
    real(*args, **kwargs)
builtins.print = spy
from editor.__main__ import main
main([sys.argv[1]])
"""


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    monkeypatch.setattr(messages, "ask_save_changes", lambda parent, name: QMessageBox.StandardButton.Discard)
    settings.clear_all()
    w = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    yield w
    w.document.undo_stack.setClean()
    w.shutdown()


def test_the_first_paint_comes_before_the_panels_and_the_analysis_libraries(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", ROUNDTRIP_STARTUP_PROBE="1",
               XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path),
               ROUNDTRIP_RECOVERY_DIR=str(tmp_path / "recovery"))
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(SAMPLE)], env=env, capture_output=True,
                         text=True, timeout=120)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("heavy")), None)
    assert line is not None, out.stderr[-2000:]
    # the menus' items, the window's actions and the file's lock come right after the first paint
    assert line.split() == ["heavy", "-", "panels", "False", "docks", str(len(DOCKS)), "actions", "0",
                            "locked", "False", "later", "-", "overview", "True", "picture", "False"], line


def test_the_panels_come_after_the_first_paint_into_the_docks(window, qtbot) -> None:
    assert not window.panels_built()
    # the docks are there from the start, so View > Panels can show and hide them
    assert set(window.docks) == {key for key, _ in DOCKS}
    assert all(window.docks[key].toggleViewAction() for key, _ in DOCKS)
    with qtbot.waitSignal(window.panels_ready, timeout=10000):
        window.show()
    assert window.panels_built()
    assert window.docks["loops"].widget() is window.loops
    assert window.docks["inspector"].widget() is window.inspector
    assert window.docks["stress"].widget() is window.stress.panel
    assert not window.docks["stress"].isVisible()      # closed until asked for
    # and the first analysis reaches them
    qtbot.waitUntil(lambda: window.worker.latest is not None, timeout=15000)
    assert window.worker.latest.loops


@pytest.fixture
def saved_map(tmp_path: Path) -> Path:
    path = tmp_path / "map.roundtrip"
    native.save(seed_diagram(), path)
    return path


def _texts(actions: list[QAction]) -> list[str]:
    return [a.text() for a in actions]


def _menus(w: MainWindow) -> dict[str, list[str]]:
    return {a.text(): _texts(a.menu().actions()) for a in w.menuBar().actions()}


def test_a_quick_start_paints_before_the_menus_items_and_the_lock(qtbot, saved_map, monkeypatch, tmp_path):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    settings.clear_all()
    at_once = MainWindow(Document.open(saved_map), autosave_enabled=False)
    qtbot.addWidget(at_once)
    expected_actions, expected_menus = _texts(at_once.actions()), _menus(at_once)
    at_once.shutdown()
    w = MainWindow(Document.open(saved_map), autosave_enabled=False, quick_start=True)
    qtbot.addWidget(w)
    # before the first paint: the menu bar's titles and the tool bar, nothing more
    assert list(_menus(w)) == list(expected_menus) and not any(_menus(w).values())
    assert w.actions() == [] and not lock_path(saved_map).exists()
    assert w.files.samples_menu.isEmpty() and w.files.recent_menu.isEmpty()
    toolbar = w.findChild(QToolBar, "toolbar_main")
    shown = [a.text() for a in toolbar.actions() if a.text()]
    assert shown[:5] == ["&New", "&Open…", "&Save", "&Undo", "&Redo"]
    with qtbot.waitSignal(w.panels_ready, timeout=10000):
        w.show()
    # right after it, all of it, as a window made at once has it
    assert _texts(w.actions()) == expected_actions and _menus(w) == expected_menus
    assert lock_path(saved_map).exists() and not w.files.samples_menu.isEmpty()
    assert w.menu_actions.revert.isEnabled() and w.menu_actions.legend.isChecked()
    w.shutdown()
    assert not lock_path(saved_map).exists()


def test_asking_for_the_menu_actions_finishes_the_start_at_once(qtbot, saved_map, monkeypatch, tmp_path):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    settings.clear_all()
    w = MainWindow(Document.open(saved_map), autosave_enabled=False, quick_start=True)
    qtbot.addWidget(w)
    w.scene.select_ids(["oracle"], [])       # a selection before the actions: they follow it once made
    assert not lock_path(saved_map).exists() and w.actions() == []
    actions = w.menu_actions
    assert actions.delete.isEnabled() and not actions.align["left"].isEnabled()
    assert lock_path(saved_map).exists() and len(w.actions()) > 40 and not w.panels_built()
    w.shutdown()


def test_asking_for_a_panel_makes_them_at_once(window, qtbot) -> None:
    with qtbot.waitSignal(window.panels_ready, timeout=1000):
        inspector = window.inspector
    assert window.panels_built() and window.docks["inspector"].widget() is inspector
    window.scene.select_ids(["oracle"], [])
    assert window.inspector.heading.text() == "Oracle"


def test_a_selection_made_before_the_panels_reaches_the_inspector(window) -> None:
    window.scene.select_ids(["oracle"], [])
    assert not window.panels_built()
    assert window.inspector.heading.text() == "Oracle"


def test_the_saved_layout_is_back_once_the_panels_are_in(window, qtbot) -> None:
    with qtbot.waitSignal(window.panels_ready, timeout=10000):
        window.show()
    window.resize(1400, 900)
    window.resizeDocks([window.docks["inspector"]], [420], Qt.Orientation.Horizontal)
    qtbot.wait(50)
    width = window.docks["inspector"].width()
    window.shutdown()   # saves the layout
    again = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.panels_ready, timeout=10000):
        again.show()
    qtbot.wait(50)
    assert width > 400 and abs(again.docks["inspector"].width() - width) <= 2
    again.shutdown()


def test_the_overview_shows_its_picture_right_after_it_first_paints(window, qtbot) -> None:
    with qtbot.waitSignal(window.panels_ready, timeout=10000):
        window.show()
    view, mini = window.view, window.view.minimap
    view.scale(4, 4)               # the map no longer fits: the overview is shown
    mini._pixmap = None            # as before the first paint: no picture yet
    mini.follow_view()
    assert mini.isVisible() and not mini.has_picture()     # shown at once, drawn after it paints
    qtbot.waitUntil(mini.has_picture, timeout=5000)


def test_a_click_on_the_overview_before_its_picture_still_moves_the_view(window, qtbot) -> None:
    with qtbot.waitSignal(window.panels_ready, timeout=10000):
        window.show()
    view, mini = window.view, window.view.minimap
    view.scale(4, 4)
    mini.follow_view()
    mini._pixmap = None            # as at the first paint: the picture is not drawn yet
    before = view.mapToScene(view.viewport().rect()).boundingRect().center()
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    QTest.mouseClick(mini, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(8, 8))
    after = view.mapToScene(view.viewport().rect()).boundingRect().center()
    assert mini.has_picture()
    assert after.x() < before.x() and after.y() < before.y()       # moved to the top left


def test_the_recent_files_are_written_on_the_next_turn_of_the_event_loop(qapp, qtbot, tmp_path) -> None:
    settings.clear_all()
    ini = settings.settings_file_for_tests()
    assert ini is not None
    f = tmp_path / "a.roundtrip"
    f.write_text("{}")
    settings.add_recent_file(f)
    assert settings.recent_files() == [str(f.resolve())]            # read at once in this process
    on_disk = ini.read_text(encoding="utf-8") if ini.exists() else ""
    assert "a.roundtrip" not in on_disk                               # not written yet
    qtbot.waitUntil(lambda: ini.exists() and "a.roundtrip" in ini.read_text(encoding="utf-8"), timeout=2000)
    settings.clear_all()


def test_at_start_up_the_settings_are_held_until_the_window_has_painted(qapp, qtbot, tmp_path) -> None:
    settings.clear_all()
    ini = settings.settings_file_for_tests()
    assert ini is not None
    f = tmp_path / "b.roundtrip"
    f.write_text("{}")
    settings.hold_writes()
    settings.add_recent_file(f)
    qtbot.wait(50)                  # turns of the event loop: still held
    assert settings.recent_files() == [str(f.resolve())]
    assert not ini.exists() or "b.roundtrip" not in ini.read_text(encoding="utf-8")
    settings.release_writes()
    qtbot.waitUntil(lambda: ini.exists() and "b.roundtrip" in ini.read_text(encoding="utf-8"), timeout=2000)
    settings.clear_all()
