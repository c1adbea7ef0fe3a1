"""The Stress panel: edits and sliders clear again off the GUI thread, presets, the domino step control."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from editor.analysis.stress import CAVEAT, StressOverlay
from editor.io.native import load
from editor.model import Company, Diagram, Flow
from editor.panels import stress as stress_panel
from editor.panels.stress import MONEY_COL, StressPanel

ROOT = Path(__file__).resolve().parents[2]
AI_SAMPLE = ROOT / "editor" / "data" / "samples" / "ai-money-machine-2025.roundtrip"


@pytest.fixture
def threads(monkeypatch):
    """Records the thread each clearing runs on."""
    seen: list[threading.Thread] = []
    real = stress_panel.run_stress

    def recording(*args, **kwargs):
        seen.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(stress_panel, "run_stress", recording)
    return seen


@pytest.fixture
def panel(qtbot, threads):
    w = StressPanel()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.shutdown()


def _chain() -> Diagram:
    d = Diagram()
    for cid, revenue in (("a", None), ("b", 5.0), ("c", 4.0), ("d", None)):
        d.add_company(Company(cid, cid.upper(), revenue=revenue))
    for k, (s, t) in enumerate((("a", "b"), ("b", "c"), ("c", "d")), 1):
        d.add_flow(Flow(f"f{k}", s, t, "purchase", amount=10.0, status="committed"))
    return d


def _wait_result(qtbot, panel, check):
    qtbot.waitUntil(lambda: panel.result() is not None and not panel.is_busy() and check(panel.result()),
                    timeout=5000)


def _row(panel, company_id):
    return next(r for r in panel.result_rows() if r["id"] == company_id)


def test_sample_result_table_and_totals(qtbot, panel, threads):
    panel.set_snapshot(load(AI_SAMPLE).snapshot())
    _wait_result(qtbot, panel, lambda r: True)
    assert threads and all(t is not threading.main_thread() for t in threads)
    first = {r["id"] for r in panel.result_rows() if r["Round"] == "1"}
    assert first == {"openai", "amd", "anthropic", "meta"}
    assert panel.result_rows()[0]["id"] == "openai"  # round 1, largest shortfall first
    assert "Unpaid: $514B of $956B owed" in panel.totals_label.text()
    assert panel.caveat_label.text() == CAVEAT
    assert panel.pays_nothing_button.text() == "OpenAI pays nothing"


def test_editing_outside_money_recomputes_off_thread(qtbot, panel, threads):
    panel.set_snapshot(load(AI_SAMPLE).snapshot())
    _wait_result(qtbot, panel, lambda r: True)
    assert _row(panel, "meta")["Round"] == "1"
    threads.clear()
    table = panel.input_table
    row = next(i for i in range(table.rowCount()) if table.item(i, 0).text() == "Meta")
    panel.input_table.item(row, MONEY_COL).setText("50")
    _wait_result(qtbot, panel, lambda r: not r.company("meta").defaulted)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert _row(panel, "meta")["Round"] == "—" and _row(panel, "meta")["Recovery"] == "100%"
    # a bad number is refused with a message and the last good value comes back
    panel.input_table.item(row, MONEY_COL).setText("lots")
    assert panel.error.isVisibleTo(panel) and "outside money" in panel.error.text()
    assert panel.input_table.item(row, MONEY_COL).text() == "50"


def test_shock_slider_recomputes_and_updates_the_table(qtbot, panel, threads):
    panel.set_snapshot(_chain().snapshot())
    _wait_result(qtbot, panel, lambda r: True)
    assert _row(panel, "b")["Paid"] == "$5B"
    threads.clear()
    panel._sliders["b"].setValue(100)  # B loses all its own money
    _wait_result(qtbot, panel, lambda r: r.company("b").paid == 0)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert _row(panel, "b")["Paid"] == "$0B" and _row(panel, "c")["Paid"] == "$4B"
    assert panel.input_table.item(1, 3).text().startswith("0")


def test_stale_results_are_dropped(qtbot, panel):
    panel.set_snapshot(_chain().snapshot())
    for v in range(0, 101, 10):   # many requests while one runs: only the newest is shown
        panel._sliders["c"].setValue(v)
    _wait_result(qtbot, panel, lambda r: r.company("c").assets == 0)
    assert panel.result().company("c").paid == pytest.approx(5.0)
    assert panel.discarded >= 1


def test_presets(qtbot, panel):
    panel.set_snapshot(load(AI_SAMPLE).snapshot())
    _wait_result(qtbot, panel, lambda r: True)
    panel.pays_nothing_button.click()
    _wait_result(qtbot, panel, lambda r: r.company("openai").assets == 0)
    o = panel.result().company("openai")
    assert o.paid == pytest.approx(139.15) and o.round == 1
    assert panel._sliders["openai"].value() == 100
    panel.revenue_only_button.click()
    _wait_result(qtbot, panel, lambda r: r.company("openai").assets == 13.0)
    assert panel._sliders["openai"].value() == 0


def test_obligations_choice(qtbot, panel):
    panel.set_snapshot(_chain().snapshot())
    _wait_result(qtbot, panel, lambda r: True)
    panel.obligations_box.setCurrentIndex(panel.obligations_box.findData("all"))
    _wait_result(qtbot, panel, lambda r: r.obligations == "all")


def test_step_control_emits_overlays(qtbot, panel):
    overlays: list[StressOverlay] = []
    panel.overlayChanged.connect(overlays.append)
    panel.set_snapshot(_chain().snapshot())
    _wait_result(qtbot, panel, lambda r: r.rounds == 3)
    assert overlays and overlays[-1].step == 3  # a new result shows its final state
    assert dict(overlays[-1].defaulted) == {"a": 1, "b": 2, "c": 3}
    assert panel.step_box.isEnabled() and (panel.step_box.minimum(), panel.step_box.maximum()) == (1, 3)
    with qtbot.waitSignal(panel.overlayChanged) as blocker:
        panel.step_box.setValue(1)
    first = blocker.args[0]
    assert first.step == 1 and dict(first.defaulted) == {"a": 1}
    assert first.flow_paid == {"f1": 0.0, "f2": 1.0, "f3": 1.0}
    panel.step_box.setValue(2)
    assert overlays[-1].flow_paid["f2"] == pytest.approx(0.5) and panel.current_overlay() is overlays[-1]


def test_new_snapshot_keeps_edits_of_companies_still_there(qtbot, panel):
    d = _chain()
    panel.set_snapshot(d.snapshot())
    _wait_result(qtbot, panel, lambda r: True)
    panel.set_shock("b", 0.5)
    panel.set_assets("a", 2.0)
    d.update_company("c", revenue=1.0)
    panel.set_snapshot(d.snapshot())   # same companies: rows updated in place
    _wait_result(qtbot, panel, lambda r: r.company("c").assets == 1.0)
    r = panel.result()
    assert r.company("b").assets == 2.5 and r.company("a").assets == 2.0
    assert panel._sliders["b"].value() == 50 and panel.input_table.item(2, MONEY_COL).text() == "1"
    d.remove_company("a")
    panel.set_snapshot(d.snapshot())   # fewer companies: rows rebuilt, the others' edits kept
    _wait_result(qtbot, panel, lambda r: r.company("a") is None)
    assert panel.input_table.rowCount() == 3 and panel._sliders["b"].value() == 50
