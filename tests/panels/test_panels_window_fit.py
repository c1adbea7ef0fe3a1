"""Panels on a real screen: the three dating states, values never cut, the loop column gets the room."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from editor.analysis import analyze
from editor.editing.document import Document
from editor.model import Flow
from editor.panels.catalogue import CataloguePanel
from editor.panels.common import tone
from editor.panels.loops import LoopsPanel
from editor.panels.metrics import BarChart
from tests.helpers import seed_diagram


def _dated(d) -> frozenset[str]:
    return frozenset(f.id for f in d.flows() if f.date)


@pytest.mark.parametrize(("dates", "state", "tip_word", "colour"), [
    ({}, "in order", "date order", "good"),
    ({"f1": "2025-09", "f2": "2025-05", "f3": "2025-01"}, "out of order", "do not follow", "warn"),
    ({"f2": ""}, "undated", "no flow with a date", "muted"),
])
def test_dated_column_has_three_states(qtbot, dates, state, tip_word, colour):
    d = seed_diagram()
    for fid, date in dates.items():
        old = d.flow(fid)
        d.remove_flow(fid)
        d.add_flow(Flow(fid, old.source, old.target, old.type, old.amount, qualifier=old.qualifier, date=date,
                        url=old.url))
    panel = LoopsPanel()
    qtbot.addWidget(panel)
    panel.set_result(analyze(d.snapshot()), _dated(d))
    m = panel.model
    assert m.data(m.index(0, 4)) == state
    assert tip_word in m.data(m.index(0, 4), 3)  # the tooltip says which state and why
    assert m.data(m.index(0, 4), 9) == tone(colour)


def test_loop_column_gets_the_room_at_1024(qtbot):
    panel = LoopsPanel()
    qtbot.addWidget(panel)
    panel.resize(560, 260)  # the Loops dock of a 1024x700 window
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_result(analyze(seed_diagram().snapshot()))
    h = panel.view.horizontalHeader()
    fm = panel.view.fontMetrics()
    loop = h.sectionSize(1)
    assert loop >= max(h.sectionSize(c) for c in (0, 2, 3, 4, 5))  # the loop column is the widest
    assert loop >= 0.2 * panel.view.viewport().width()
    assert h.sectionSize(4) >= fm.horizontalAdvance("out of order")  # fixed columns fit their texts...
    assert h.sectionSize(4) <= fm.horizontalAdvance("out of order") + 30  # ...and no more
    panel.resize(900, 260)
    qtbot.wait(20)
    assert h.sectionSize(1) >= loop + 300  # a wider dock goes to the loop column only
    assert h.sectionSize(1) >= fm.horizontalAdvance("NVIDIA → OpenAI → Oracle → NVIDIA")


def test_bar_chart_values_are_never_cut(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(380, 200)
    chart.set_rows([("NVIDIA", [(75_400.0, QColor("green")), (350_000.0, QColor("red"))])], "USD bn")
    fm = chart.fontMetrics()
    assert chart.value_texts == ["$75.4T / $350T"] or "/" in chart.value_texts[0]
    assert chart.value_width(fm) >= fm.horizontalAdvance(chart.value_texts[0])
    chart.grab()  # paints without error at this width


def test_catalogue_lists_fill_a_narrow_dock(qtbot):
    panel = CataloguePanel(Document(seed_diagram()))
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(20)
    assert panel.types.geometry().bottom() < panel.categories.geometry().top()  # stacked
    assert panel.types.height() + panel.categories.height() > 600
    panel.resize(900, 400)
    qtbot.wait(20)
    assert panel.types.geometry().right() < panel.categories.geometry().left()  # side by side
    assert panel.types.height() > 350


def test_a_bare_www_link_gets_https_when_the_typing_ends(qtbot):
    from PySide6.QtCore import Qt

    from editor.panels.inspector import Inspector

    doc = Document(seed_diagram())
    inspector = Inspector(doc)
    qtbot.addWidget(inspector)
    inspector.show()
    inspector.set_selection([], ["f2"])
    url = inspector.field("flow", "url").widget
    url.setFocus()
    url.selectAll()
    qtbot.keyClick(url, Qt.Key.Key_Delete)
    qtbot.keyClicks(url, "www.example.org/deal")
    qtbot.keyClick(url, Qt.Key.Key_Return)
    assert doc.diagram.flow("f2").url == "https://www.example.org/deal"
    assert url.text() == "https://www.example.org/deal"
    assert "Open source at www.example.org" in inspector.link.text()
