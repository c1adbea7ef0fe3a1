"""Applying analysis results to the panels: sorting in the model, figures left out, cheap updates."""
from __future__ import annotations

import dataclasses
import random

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt

from editor.analysis import analyze
from editor.editing.document import Document
from editor.model import Company, Diagram, Flow
from editor.panels.catalogue import CataloguePanel
from editor.panels.metrics import NOT_COMPUTED, NOT_COMPUTED_TIP, SORT_ROLE, CompanyMetricsModel, MetricsPanel
from tests.helpers import seed_diagram


def random_diagram(n: int, m: int, seed: int = 7) -> Diagram:
    rnd = random.Random(seed)
    d = Diagram()
    for i in range(n):
        d.add_company(Company(f"c{i}", f"Company {rnd.randrange(10 * n):05d} {i}", x=i, y=0))
    for j in range(m):
        a, b = rnd.sample(range(n), 2)
        amount = None if rnd.random() < 0.05 else round(rnd.uniform(0.01, 1000), 2)
        d.add_flow(Flow(f"f{j}", f"c{a}", f"c{b}", rnd.choice(("equity", "purchase", "service")), amount))
    return d


@pytest.fixture(scope="module")
def big_result(qapp):
    return analyze(random_diagram(2000, 6000).snapshot(), max_loops=10, max_length=4, round_trip_budget=0.2)


def column(model, col: int, role=SORT_ROLE) -> list:
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def test_the_model_sorts_2000_rows_itself_numerically(qtbot, big_result):
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.set_result(big_result)
    view_model = panel.table.model()
    assert isinstance(view_model, CompanyMetricsModel) and not isinstance(view_model, QSortFilterProxyModel)
    assert view_model.rowCount() == 2000
    inflows = column(view_model, 1)                                   # the default: inflow, largest first
    assert inflows == sorted(inflows, reverse=True)
    expected = sorted(m.outflow for m in big_result.company_metrics)
    panel.table.horizontalHeader().setSortIndicator(2, Qt.AscendingOrder)   # a click on "Outflow"
    assert column(view_model, 2) == expected                         # numbers, not their texts
    panel.table.sortByColumn(0, Qt.DescendingOrder)
    names = column(view_model, 0, Qt.DisplayRole)
    assert names == sorted((m.name for m in big_result.company_metrics), key=str.casefold, reverse=True)


def test_ties_and_missing_values_sort_in_a_stable_order(qtbot):
    d = seed_diagram()
    d.add_company(Company("amd", "AMD"))           # no flows: inflow 0, no multiple
    d.add_company(Company("arm", "Arm"))
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.set_result(analyze(d.snapshot()))
    model = panel.table.model()
    panel.table.sortByColumn(6, Qt.AscendingOrder)  # valuation / revenue: unknown ones first
    assert column(model, 0, Qt.DisplayRole)[:2] == ["AMD", "Arm"]
    assert column(model, 6, Qt.DisplayRole)[:2] == ["—", "—"]
    panel.table.sortByColumn(1, Qt.DescendingOrder)  # equal inflows keep name order
    assert column(model, 0, Qt.DisplayRole)[-2:] == ["AMD", "Arm"]


def test_a_new_result_keeps_the_selected_company_selected(qtbot):
    doc = Document(seed_diagram())
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.set_result(analyze(doc.diagram.snapshot()))
    model = panel.table.model()
    panel.table.selectRow(model.row_of("oracle"))
    doc.update_flow("f3", amount=900)              # Oracle's inflow order changes
    panel.set_result(analyze(doc.diagram.snapshot()))
    rows = panel.table.selectionModel().selectedRows()
    assert [model.rows[i.row()].id for i in rows] == ["oracle"]
    assert model.row_of("oracle") != -1


def test_figures_left_out_for_time_show_an_ellipsis_and_can_be_asked_for(qtbot):
    result = analyze(seed_diagram().snapshot())
    metrics = tuple(dataclasses.replace(m, round_trip_capacity=None, round_trip_ratio=None)
                    if m.id == "openai" else m for m in result.company_metrics)
    partial = dataclasses.replace(result, company_metrics=metrics, round_trip_complete=False)
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_result(partial)
    model = panel.table.model()
    row = model.row_of("openai")
    assert model.index(row, 4).data() == NOT_COMPUTED and model.index(row, 5).data() == NOT_COMPUTED
    assert model.index(row, 4).data(Qt.ToolTipRole) == NOT_COMPUTED_TIP
    assert model.index(model.row_of("oracle"), 4).data() not in (NOT_COMPUTED, "—")
    assert panel.partial_box.isVisible()
    with qtbot.waitSignal(panel.computeAllRequested, timeout=1000):
        qtbot.mouseClick(panel.compute_all, Qt.LeftButton)
    assert not panel.compute_all.isEnabled()      # until the complete result arrives
    panel.set_result(result)
    assert not panel.partial_box.isVisible()
    assert model.index(model.row_of("openai"), 4).data() != NOT_COMPUTED


def test_stages_skipped_for_time_say_so_instead_of_a_zero(qtbot):
    from editor.panels.loops import LoopsPanel

    d = seed_diagram()
    spent = analyze(d.snapshot(), budget=0.0)
    assert spent.skipped == ("circulation", "round trips", "loops")
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.set_result(spent)
    too_large = "not computed: the map is too large for the time budget"
    assert panel.value_text("circulating_amount") == too_large == panel.value_text("circular_share")
    assert panel.partial_box.isHidden() is False
    panel.set_result(analyze(d.snapshot()))
    assert panel.value_text("circulating_amount") != too_large
    loops = LoopsPanel()
    qtbot.addWidget(loops)
    loops.set_result(spent)
    assert loops.summary.text() == "Loops not computed: the map is too large for the time budget."
    assert loops.note.isHidden()


def test_the_chart_keeps_the_top_15_and_paints(qtbot, big_result):
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    panel.set_result(big_result)
    rows = panel.flow_chart.rows
    assert len(rows) == 15
    biggest = max(big_result.company_metrics, key=lambda m: max(m.inflow, m.outflow))
    assert rows[0][0] == biggest.name
    panel.flow_chart.resize(400, 200)              # only part of the bars in view
    assert not panel.flow_chart.grab().isNull()


def test_catalogue_counts_uses_only_when_shown(qtbot):
    doc = Document(seed_diagram())
    panel = CataloguePanel(doc)
    qtbot.addWidget(panel)
    types = panel.types
    calls = []
    original = doc.diagram.flows
    doc.diagram.flows = lambda: calls.append(1) or original()
    for i in range(5):                              # edits while the panel is hidden: no counting
        doc.update_flow("f3", amount=41 + i)
    assert calls == []
    doc.add_flow("oracle", "openai", "purchase", 5)
    panel.show()
    qtbot.waitExposed(panel)
    items = [types.list.item(i) for i in range(types.list.count())]
    tips = {item.data(Qt.UserRole): item.toolTip().removeprefix("<qt>").removesuffix("</qt>")
            for item in items}
    assert tips["purchase"].endswith("2 use(s)") and tips["equity"].endswith("1 use(s)")
    assert len(calls) == 1                          # one pass for every type
    calls.clear()
    for i in range(3):                              # shown: one pass per burst of edits
        doc.update_flow("f3", amount=50 + i)
    qtbot.waitUntil(lambda: len(calls) >= 1, timeout=1000)
    qtbot.wait(20)
    assert len(calls) == 1
    doc.diagram.flows = original


def test_loops_model_answers_each_role_from_cached_texts(qtbot):
    from editor.panels.loops import LoopsPanel

    d = seed_diagram()
    d.add_flow(Flow("f4", "openai", "nvidia", "revenue", 10))
    panel = LoopsPanel()
    qtbot.addWidget(panel)
    result = analyze(d.snapshot())
    panel.set_result(result)
    m = panel.model
    ranks = [m.index(r, 0).data() for r in range(m.rowCount())]
    assert ranks == [str(r + 1) for r in range(len(result.loops))]
    assert m.index(0, 2).data(Qt.FontRole).bold() and m.index(0, 1).data(Qt.FontRole) is None
    assert m.index(0, 2).data(Qt.TextAlignmentRole) == int(Qt.AlignRight | Qt.AlignVCenter)
    assert m.index(0, 1).data(Qt.ToolTipRole) == f"<qt>{m.index(0, 1).data()}</qt>"  # escaped
    assert m.index(0, 1).data(Qt.DecorationRole) is None and m.index(99, 1).data() is None
    panel.set_result(analyze(seed_diagram().snapshot()))      # fewer loops: no stale cached text
    assert m.rowCount() == 1 and m.index(0, 1).data() == "NVIDIA → OpenAI → Oracle → NVIDIA"
