"""The Import dialog reads off the GUI thread, can be cancelled, and offers to sum too-large tables."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from editor.dialogs import import_reading
from editor.dialogs.import_dialog import ImportDialog
from editor.io import tables
from editor.io.errors import InputError

LEDGER = "payer,payee,amount,type\n" + "".join(f"A,B,{i},loan\nB,C,{i},equity\n" for i in range(1, 4))


def _press_cancel_when_shown():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QProgressDialog) and w.isVisible():
            next(b for b in w.findChildren(QPushButton) if b.text() == "Cancel").click()
            return
    QTimer.singleShot(50, _press_cancel_when_shown)


def test_reading_runs_in_a_worker_thread(qtbot, tmp_path):
    threads = []

    def work():
        threads.append(threading.current_thread())
        return 42

    assert import_reading.run_off_thread(None, "Reading…", work) == 42
    assert threads and threads[0] is not threading.main_thread()
    with pytest.raises(InputError, match="bad file"):
        import_reading.run_off_thread(None, "Reading…", lambda: (_ for _ in ()).throw(InputError("bad file")))


def test_cancel_returns_at_once_while_the_read_goes_on(qtbot, tmp_path):
    release = threading.Event()
    QTimer.singleShot(import_reading.SHOW_AFTER_MS + 100, _press_cancel_when_shown)
    start = time.perf_counter()
    with pytest.raises(import_reading.Cancelled):
        import_reading.run_off_thread(None, "Reading…", lambda: release.wait(20))
    assert time.perf_counter() - start < 5
    release.set()


def test_too_many_rows_offer_to_sum_them(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "MAX_TABLE_ROWS", 4)
    p = tmp_path / "ledger.csv"
    p.write_text(LEDGER)
    asked = []

    def answer(self):
        asked.append(self.informativeText())
        next(b for b in self.buttons() if b.text() == "Sum Rows").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    source = import_reading.read_for_import(None, p)
    assert "more than 4 rows" in asked[0]
    assert "Sum its rows into one flow per payer, payee and type" in asked[0]
    assert source is not None and source.diagram is not None
    assert sorted(f.amount for f in source.diagram.flows()) == [6.0, 6.0]
    assert "summed 6 payments into 2 flows" in source.notes[0]
    dialog = ImportDialog(p, None, None, source=source)
    qtbot.addWidget(dialog)
    assert dialog.source is source


def test_declining_the_sum_imports_nothing(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "MAX_TABLE_ROWS", 4)
    p = tmp_path / "ledger.csv"
    p.write_text(LEDGER)

    def decline(self):
        next(b for b in self.buttons() if b.text() != "Sum Rows").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", decline)
    assert import_reading.read_for_import(None, p) is None
    assert ImportDialog.run(None, p, None) is None


def test_the_import_places_the_companies_in_a_worker_thread(qtbot, tmp_path, monkeypatch):
    from editor.io import edgelist

    p = tmp_path / "deals.csv"
    p.write_text("source,target,amount\nA,B,1\nB,C,2\nC,A,3\n")
    dialog = ImportDialog(p, None, None)
    qtbot.addWidget(dialog)
    threads = []
    layout = edgelist.layout_positions

    def watched_layout(diagram, ids):
        threads.append(threading.current_thread())
        return layout(diagram, ids)

    monkeypatch.setattr(edgelist, "layout_positions", watched_layout)
    dialog.accept()
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    d = dialog.import_result.diagram
    assert sorted(c.name for c in d.companies()) == ["A", "B", "C"]
    assert len({(c.x, c.y) for c in d.companies()}) == 3  # placed apart


def test_cancelling_the_placing_keeps_the_dialog_as_it_was(qtbot, tmp_path, monkeypatch):
    from editor.io import edgelist

    p = tmp_path / "deals.csv"
    p.write_text("source,target,amount\nA,B,1\nB,C,2\n")
    dialog = ImportDialog(p, None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    release = threading.Event()
    layout = edgelist.layout_positions

    def slow_layout(diagram, ids):
        release.wait(20)
        return layout(diagram, ids)

    monkeypatch.setattr(edgelist, "layout_positions", slow_layout)
    QTimer.singleShot(import_reading.SHOW_AFTER_MS + 100, _press_cancel_when_shown)
    start = time.perf_counter()
    dialog.accept()
    assert time.perf_counter() - start < 5
    release.set()
    assert dialog.isVisible() and dialog.import_result is None
    assert dialog.import_button.isEnabled()  # the user may try again
    assert dialog.check is not None and dialog.check.importable
