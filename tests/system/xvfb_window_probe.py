"""Run under a real X display (xcb) by test_window_xvfb.py: prints one JSON line of measurements.

Measures the canvas width after New, Open and Open Sample, and whether Ctrl+Y and
Ctrl+Shift+Z typed as real key events redo (X11 binds only Ctrl+Shift+Z by default).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def main(workdir: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from editor.app.mainwindow import MainWindow
    from editor.app.samples import sample_path
    from editor.editing.document import Document
    from editor.io import native
    from tests.helpers import seed_diagram

    def settle() -> None:
        for _ in range(10):
            app.processEvents()
            QTest.qWait(20)

    w = MainWindow(Document(), autosave_enabled=False)
    w.resize(1400, 900)
    w.show()
    QTest.qWaitForWindowExposed(w)
    settle()
    out: dict[str, object] = {"platform": app.platformName(), "start": w.canvas_holder.width()}
    path = Path(workdir) / "probe.roundtrip"
    native.save(seed_diagram(), path)
    for name, switch in (("new", w.files.new_document),
                         ("open", lambda: w.files.open_path(str(path), prompt=False)),
                         ("open_sample", lambda: w.files.open_sample(sample_path())),
                         ("new_again", w.files.new_document)):
        w.document.undo_stack.setClean()
        switch()
        settle()
        out[name] = w.canvas_holder.width()

    w.activateWindow()
    w.view.setFocus()
    settle()
    doc = w.document
    redone = {}
    for keys in ("Ctrl+Y", "Ctrl+Shift+Z"):
        doc.add_company(f"Probe {keys}", 10, 10)
        doc.undo_stack.undo()
        before = len(doc.diagram)
        mods = Qt.KeyboardModifier.ControlModifier
        if "Shift" in keys:
            mods |= Qt.KeyboardModifier.ShiftModifier
        QTest.keyClick(w.view, Qt.Key.Key_Y if keys == "Ctrl+Y" else Qt.Key.Key_Z, mods)
        settle()
        redone[keys] = len(doc.diagram) == before + 1
    out["redo"] = redone
    doc.undo_stack.setClean()
    w.shutdown()
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
