"""The Import dialog checks a big table in a worker thread: the dialog stays live, says it is checking,
and shows only the outcome of the latest mappings."""
from __future__ import annotations

import threading

import pytest

from editor.dialogs import import_dialog
from editor.dialogs.import_checking import BackgroundCheck
from editor.dialogs.import_dialog import ImportDialog

DEALS = "payer,payee,value,kind\nA,B,1,equity\nB,C,2,revenue\nC,A,3,service\nC,D,x,service\n"


@pytest.fixture
def big(tmp_path, monkeypatch):
    """A table the dialog treats as big (more rows than the limit), and the threads its checks ran in."""
    monkeypatch.setattr(import_dialog, "CHECK_OFF_THREAD_ROWS", 2)
    p = tmp_path / "deals.csv"
    p.write_text(DEALS)
    threads: list[threading.Thread] = []
    check = import_dialog.check_tables

    def watched(*a, **k):
        threads.append(threading.current_thread())
        return check(*a, **k)

    monkeypatch.setattr(import_dialog, "check_tables", watched)
    return p, threads


def test_a_big_table_is_checked_in_a_worker_thread(qtbot, big):
    path, threads = big
    dialog = ImportDialog(path, None, None)
    qtbot.addWidget(dialog)
    assert dialog.summary_label.text() == "Checking 4 rows…"
    assert not dialog.import_button.isEnabled() and dialog.check is None
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=10_000)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert dialog.flows_page.model.failing_rows() == [5]  # the 'x' amount
    assert "3 flows" in dialog.summary_label.text() and dialog.import_button.isEnabled()


def test_only_the_latest_mapping_is_shown(qtbot, big, monkeypatch):
    path, threads = big
    dialog = ImportDialog(path, None, None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=10_000)
    shown = []
    dialog._background.done.connect(shown.append)
    combos = dialog.flows_page.mapping_panel.combos
    combos["amount"].setCurrentText("(none)")   # then, before that check is shown:
    dialog._recheck()
    combos["amount"].setCurrentText("value")
    dialog._recheck()
    assert dialog.summary_label.text() == "Checking 4 rows…" and not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    qtbot.wait(200)
    assert len(shown) == 1  # the first request's outcome was never shown
    assert dialog.flows_page.model.failing_rows() == [5]  # the amount column is mapped again


def test_importing_while_a_check_runs_imports_what_is_shown(qtbot, big):
    path, _ = big
    dialog = ImportDialog(path, None, None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=10_000)
    dialog.skip_check.setChecked(False)   # a check starts in the background...
    dialog.skip_check.setChecked(True)    # ...and another
    dialog.accept()                       # checked here and now, then imported
    assert dialog.import_result is not None
    assert sorted(f.amount for f in dialog.import_result.diagram.flows()) == [1.0, 2.0, 3.0]


def test_a_failing_check_is_shown_as_the_reason_nothing_imports(qtbot, big, monkeypatch):
    path, _ = big
    dialog = ImportDialog(path, None, None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=10_000)

    def broken(*a, **k):
        raise ValueError("bad")

    monkeypatch.setattr(import_dialog, "check_tables", broken)
    dialog._recheck()
    qtbot.waitUntil(lambda: "Nothing can be imported" in dialog.summary_label.text(), timeout=10_000)
    assert "ValueError: bad" in dialog.summary_label.text() and not dialog.import_button.isEnabled()


def test_background_check_delivers_the_latest_request_only(qtbot):
    check = BackgroundCheck()
    gate = threading.Event()
    started = []
    delivered = []
    check.done.connect(delivered.append)

    def slow():
        started.append("slow")
        gate.wait(10)
        return "slow"

    check.request(slow)
    check.request(lambda: started.append("second") or "second")
    check.request(lambda: started.append("third") or "third")
    assert check.busy
    gate.set()
    qtbot.waitUntil(lambda: bool(delivered), timeout=10_000)
    qtbot.wait(100)
    assert delivered == ["third"] and started == ["slow", "third"]  # one at a time, the middle one skipped
    assert not check.busy
    check.request(lambda: "dropped")
    check.drop()
    qtbot.wait(200)
    assert delivered == ["third"] and not check.busy


def test_big_counts_are_written_with_thousands_separators():
    from editor.dialogs.import_wording import import_sentence, problems_heading

    assert import_sentence(100_000, 19_933, 1_250, 1_200, True, "x.csv") == (
        "100,000 flows and 19,933 companies will be imported (1,250 of these companies are already in the "
        "diagram and will be reused); 1,200 rows will be skipped.")
    assert problems_heading(12_345, 2_000) == "Problems (12,345 problems in 2,000 rows):"
