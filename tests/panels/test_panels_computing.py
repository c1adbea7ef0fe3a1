"""While a newly opened diagram is analysed, the panels show no figures of the previous one."""
from __future__ import annotations

from editor.analysis import analyze
from editor.panels.glossary import COMPUTING
from editor.panels.loops import LoopsPanel
from editor.panels.metrics import MetricsPanel
from tests.helpers import seed_diagram


def test_panels_show_computing_then_the_new_figures(qtbot) -> None:
    result = analyze(seed_diagram().snapshot())
    loops, metrics = LoopsPanel(), MetricsPanel()
    qtbot.addWidget(loops)
    qtbot.addWidget(metrics)
    loops.set_result(result)
    metrics.set_result(result)
    assert loops.model.rowCount() > 0 and metrics.model.rowCount() > 0

    loops.show_computing()
    metrics.show_computing()
    assert loops.summary.text() == COMPUTING and loops.model.rowCount() == 0
    assert all(label.text() == COMPUTING for label in metrics.values.values())
    assert metrics.model.rowCount() == 0

    loops.set_result(result)
    metrics.set_result(result)
    assert loops.summary.text() != COMPUTING and loops.model.rowCount() == len(result.loops)
    expected = f"{len(result.circular_companies)} of {result.companies}"
    assert metrics.value_text("circular_companies") == expected
