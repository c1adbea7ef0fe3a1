"""Panels: inspector edits and refusals, loops list, metrics table and chart, catalogue editor."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from editor.analysis import analyze
from editor.editing.document import Document
from editor.model import Company, Flow
from editor.panels.catalogue import CataloguePanel
from editor.panels.common import tone
from editor.panels.inspector import Inspector
from editor.panels.loops import LoopsPanel
from editor.panels.metrics import SORT_ROLE, MetricsPanel
from tests.helpers import seed_diagram


@pytest.fixture
def doc(qapp):
    return Document(seed_diagram())


@pytest.fixture
def inspector(qtbot, doc):
    w = Inspector(doc)
    qtbot.addWidget(w)
    w.show()
    return w


def type_in(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key_Delete)
    qtbot.keyClicks(widget, text)


# ---------------------------------------------------------------- inspector
def test_typing_a_field_is_one_undo_step_per_session(qtbot, doc, inspector):
    inspector.set_selection(["nvidia"], [])
    field = inspector.field("company", "valuation")
    before = doc.undo_stack.count()
    type_in(qtbot, field.widget, "4700")
    assert doc.diagram.company("nvidia").valuation == 4700
    assert doc.undo_stack.count() == before + 1
    field.widget.editingFinished.emit()                 # leaving the field ends the session
    type_in(qtbot, field.widget, "4800")
    assert doc.undo_stack.count() == before + 2
    doc.undo_stack.undo()
    assert doc.diagram.company("nvidia").valuation == 4700
    assert field.widget.text() == "4700"                # the inspector follows the model


@pytest.mark.parametrize("kind,key,bad,message", [
    ("company", "valuation", "lots", "expected a number"),
    ("company", "valuation", "-5", "must not be negative"),
    ("company", "valuation_date", "2025-13", "month 13"),
    ("company", "name", "   ", "must not be empty"),
    ("company", "size", "5000", "size"),
    ("flow", "amount", "12abc", "expected a number"),
    ("flow", "end_date", "2025-01", "before the start date"),
])
def test_invalid_values_are_refused_beside_the_field(qtbot, doc, inspector, kind, key, bad, message):
    inspector.set_selection(["nvidia"], []) if kind == "company" else inspector.set_selection([], ["f1"])
    state, count = doc.diagram.state(), doc.undo_stack.count()
    field = inspector.field(kind, key)
    type_in(qtbot, field.widget, bad)
    assert doc.diagram.state() == state and doc.undo_stack.count() == count
    assert field.error.isVisible() and message in field.error.text()
    assert field.error.styleSheet() == f"color: {tone('bad').name()};"  # red, readable on the palette
    type_in(qtbot, field.widget, {"valuation": "10", "valuation_date": "2025", "name": "NV",
                                  "size": "20", "amount": "5", "end_date": "2026"}[key])
    assert not field.error.isVisible()


def test_combo_fields_and_multi_selection_are_single_steps(qtbot, doc, inspector):
    inspector.set_selection([], ["f1", "f2"])
    status = inspector.field("flow", "status").widget
    assert status.currentIndex() == 0  # both "announced"
    count = doc.undo_stack.count()
    status.setCurrentIndex(status.findData("paid"))
    status.activated.emit(status.currentIndex())
    assert {doc.diagram.flow(f).status for f in ("f1", "f2")} == {"paid"}
    assert doc.undo_stack.count() == count + 1
    amount = inspector.field("flow", "amount").widget
    assert amount.text() == "" and amount.placeholderText() == "(mixed)"
    type_in(qtbot, amount, "7")
    amount.editingFinished.emit()
    assert {doc.diagram.flow(f).amount for f in ("f1", "f2")} == {7}
    assert doc.undo_stack.count() == count + 2


def test_new_category_from_the_list_is_one_step(qtbot, doc, inspector):
    inspector.set_selection(["oracle"], [])
    count = doc.undo_stack.count()
    cid = inspector.add_and_assign("company", "Hyperscaler")
    assert doc.diagram.company("oracle").category == cid
    assert doc.diagram.category(cid).name == "Hyperscaler"
    assert doc.undo_stack.count() == count + 1
    doc.undo_stack.undo()
    assert not doc.diagram.has_category(cid) and doc.diagram.company("oracle").category == "cloud"
    combo = inspector.field("company", "category").widget
    assert combo.itemText(combo.count() - 1) == "New category…"


def test_diagram_details_when_nothing_is_selected(qtbot, doc, inspector):
    inspector.set_selection([], [])
    assert inspector.heading.text() == "Diagram details"
    unit = inspector.field("diagram", "unit")
    type_in(qtbot, unit.widget, "")
    unit.widget.editingFinished.emit()
    assert doc.diagram.metadata.unit == "USD bn" and unit.error.isVisible()
    title = inspector.field("diagram", "title")
    type_in(qtbot, title.widget, "My map")
    title.widget.editingFinished.emit()
    assert doc.diagram.metadata.title == "My map"


def test_source_link_opens_only_http(qtbot, doc, inspector, monkeypatch):
    opened, warned = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warned.append(box.text()) or 0)
    inspector.set_selection([], ["f1"])
    assert "Open source at example.com" in inspector.link.text()
    assert inspector.open_link()
    assert opened == ["https://example.com/a"]
    url = inspector.field("flow", "url").widget
    type_in(qtbot, url, "javascript:alert(1)")
    assert doc.diagram.flow("f1").url == "javascript:alert(1)"  # stored as text, never opened
    assert not inspector.open_link()
    assert opened == ["https://example.com/a"] and "http://" in warned[0]


def test_inspector_never_echoes_its_own_edit(qtbot, doc, inspector):
    inspector.set_selection(["nvidia"], [])
    name = inspector.field("company", "name").widget
    type_in(qtbot, name, "NVIDIA Corp")
    name.setCursorPosition(3)
    qtbot.keyClicks(name, "X")                # typing in the middle keeps the cursor where it is
    assert doc.diagram.company("nvidia").name == "NVIXDIA Corp"
    assert name.cursorPosition() == 4


# -------------------------------------------------------------------- loops
def test_loops_panel_lists_and_highlights(qtbot, doc):
    panel = LoopsPanel()
    qtbot.addWidget(panel)
    result = analyze(doc.diagram.snapshot())
    highlights, selects = [], []
    panel.highlightRequested.connect(lambda c, f: highlights.append((c, f)))
    panel.selectRequested.connect(lambda c, f: selects.append((c, f)))
    panel.set_result(result)
    m = panel.model
    assert m.data(m.index(0, 1)) == "NVIDIA → OpenAI → Oracle → NVIDIA"
    assert m.data(m.index(0, 2)) == "$40B"
    assert m.data(m.index(0, 3)) == result.loops[0].pattern
    assert m.data(m.index(0, 5)) == "2 unsourced"
    panel.view.selectRow(0)
    assert highlights[-1] == (["nvidia", "openai", "oracle"], ["f1", "f2", "f3"])
    panel.view.doubleClicked.emit(m.index(0, 1))
    assert selects == [(["nvidia", "openai", "oracle"], ["f1", "f2", "f3"])]
    panel.clear_selection()
    assert highlights[-1] == ([], [])
    assert panel.note.isHidden()


def test_loops_panel_says_when_the_list_is_cut_short(qtbot, doc):
    doc.diagram.add_flow(Flow("f4", "openai", "nvidia", "revenue", 10))
    panel = LoopsPanel(max_loops=1)
    qtbot.addWidget(panel)
    options = []
    panel.optionsChanged.connect(options.append)
    panel.set_result(analyze(doc.diagram.snapshot(), max_loops=1))
    assert panel.model.rowCount() == 1 and not panel.note.isHidden()
    assert "Max loops" in panel.note.text()
    panel.max_loops.setValue(5)
    assert options[-1] == {"max_loops": 5, "max_length": 12, "through_selected": False,
                           "date_ordered": False, "within_days": None}


# ------------------------------------------------------------------ metrics
def test_metrics_summary_table_sorting_and_chart(qtbot, doc):
    doc.diagram.add_company(Company("amd", "AMD", "chipmaker"))
    doc.diagram.add_flow(Flow("f4", "openai", "amd", "purchase", 9))
    panel = MetricsPanel()
    qtbot.addWidget(panel)
    result = analyze(doc.diagram.snapshot())
    panel.set_result(result, {"equity": "Equity"}, {"equity": "#17becf"})
    assert panel.value_text("total_amount") == "$449B"
    assert panel.value_text("unknown_amount_flows") == "0 of 4"
    assert panel.value_text("circular_share").endswith("%")
    proxy = panel.table.model()                            # what the view shows, in view order
    panel.table.sortByColumn(1, Qt.DescendingOrder)       # inflow, numerically
    inflows = [proxy.index(r, 1).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert inflows == sorted(inflows, reverse=True) and inflows[0] == 300
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names[0] == "Oracle" and names[-1] == "AMD" or inflows[-1] <= 9
    panel.table.sortByColumn(3, Qt.AscendingOrder)        # net: negative first
    nets = [proxy.index(r, 3).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert nets == sorted(nets)
    assert proxy.index(0, 3).data().startswith("−")
    assert len(panel.flow_chart.rows) == 4 and panel.flow_chart.rows[0][0] == "OpenAI"
    assert panel.model.headerData(1, Qt.Horizontal, Qt.ToolTipRole)
    img = panel.flow_chart.grab()
    assert not img.isNull()


# ---------------------------------------------------------------- catalogue
def test_catalogue_add_rename_recolour_delete(qtbot, doc):
    panel = CataloguePanel(doc)
    qtbot.addWidget(panel)
    types = panel.types
    count = doc.undo_stack.count()
    tid = types.add("Loan", "#123456")
    assert doc.diagram.flow_type(tid).color == "#123456" and types.current_id() == tid
    assert types.rename("Bank loan")
    assert doc.diagram.flow_type(tid).name == "Bank loan"
    assert types.recolour("#654321")
    assert types.list.currentItem().text() == "Bank loan"
    assert types.delete()
    assert not doc.diagram.has_flow_type(tid)
    assert doc.undo_stack.count() == count + 4
    types.select("equity")
    assert not types.buttons["Delete"].isEnabled()     # used by f1
    assert not types.delete() and "used by" in types.error.text()
    assert not types.add("Equity investment")          # duplicate names refused beside the list
    assert not types.error.isHidden()
    for _ in range(4):
        doc.undo_stack.undo()
    assert [t.id for t in doc.diagram.flow_types()] == [i for i in (
        "venture", "equity", "purchase", "service", "backstop", "revenue", "warrants")]
    assert types.list.count() == 7
