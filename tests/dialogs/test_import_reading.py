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

    def press_cancel():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible():
                next(b for b in w.findChildren(QPushButton) if b.text() == "Cancel").click()
                return
        QTimer.singleShot(50, press_cancel)

    QTimer.singleShot(import_reading.SHOW_AFTER_MS + 100, press_cancel)
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
