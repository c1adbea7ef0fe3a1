"""A view crossed by a tangle of arrows is drawn unsmoothed, at any zoom: counted after a zoom,
a scroll or a filter change (editor/canvas/crowding.py), and smoothed again once it is not."""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from editor.canvas import DiagramView
from editor.canvas.crowding import arrows_crossing
from editor.model import Company, Diagram, Flow
from tests.helpers import shown_view

AA = QPainter.RenderHint.Antialiasing


def _band() -> Diagram:
    """Ten companies on the left (x 0) paying ten on the right (x 3000), one flow each, in a band
    from y 0 to 450; and one company far below (y 3000), with no flow."""
    d = Diagram()
    for i in range(10):
        d.add_company(Company(f"l{i}", f"Left {i}", x=0.0, y=50.0 * i))
        d.add_company(Company(f"r{i}", f"Right {i}", x=3000.0, y=50.0 * i))
        d.add_flow(Flow(f"f{i}", f"l{i}", f"r{i}", "equity", 10.0 + i))
    d.add_company(Company("far", "Far away", x=1500.0, y=3000.0))
    return d


def test_the_shown_arrows_spanning_a_rect_are_counted_up_to_the_limit(qtbot):
    _doc, scene, _view = shown_view(qtbot, _band())
    middle = QRectF(1400, -100, 200, 700)
    assert arrows_crossing(scene.index, middle, limit=100) == 10
    assert arrows_crossing(scene.index, middle, limit=4) == 4           # stops at the limit
    assert arrows_crossing(scene.index, QRectF(1400, 100, 200, 120), limit=100) == 3   # y 100, 150, 200
    assert arrows_crossing(scene.index, QRectF(1400, 2800, 200, 400), limit=100) == 0  # below the band
    assert arrows_crossing(scene.index, QRectF(-500, -100, 200, 700), limit=100) == 0  # left of it
    scene.set_period_filter({"f0", "f1"})                                 # the others hidden
    assert arrows_crossing(scene.index, middle, limit=100) == 2
    scene.set_period_filter({"f0", "f1"}, "fade")                         # faded ones are drawn
    assert arrows_crossing(scene.index, middle, limit=100) == 10


def test_a_big_diagram_is_drawn_unsmoothed_where_many_arrows_cross_the_view(qtbot, monkeypatch):
    monkeypatch.setattr(DiagramView, "SMOOTH_ALWAYS_BELOW", 1)   # as if the diagram were big
    monkeypatch.setattr(DiagramView, "CROWDED_ARROWS", 6)
    _doc, scene, view = shown_view(qtbot, _band(), size=(300, 300))
    view.centerOn(1500, 225)
    view._zoomed()                                    # a zoom counts at once
    assert view.crowded() and not view.renderHints() & AA
    assert view.zoom() >= DiagramView.SMOOTH_MIN_ZOOM  # (crowding, not the zoom, decides here)
    view.centerOn(1500, 3000)                         # scrolled to where no arrow passes
    qtbot.waitUntil(lambda: not view.crowded(), timeout=2000)
    assert view.renderHints() & AA
    view.centerOn(1500, 225)
    qtbot.waitUntil(view.crowded, timeout=2000)
    assert not view.renderHints() & AA
    scene.set_period_filter({"f0", "f1", "f2"})       # a filter leaves three arrows: smoothed again
    qtbot.waitUntil(lambda: not view.crowded(), timeout=2000)
    assert view.renderHints() & AA
    scene.set_period_filter(None)
    qtbot.waitUntil(view.crowded, timeout=2000)
    scene.set_hidden_types({"equity"})                # hiding the flow type does the same
    qtbot.waitUntil(lambda: not view.crowded(), timeout=2000)
    assert view.renderHints() & AA


def test_a_small_diagram_is_always_smoothed_however_crowded(qtbot, monkeypatch):
    monkeypatch.setattr(DiagramView, "CROWDED_ARROWS", 2)
    _doc, _scene, view = shown_view(qtbot, _band(), size=(300, 300))   # 31 items, under 2,000
    view.centerOn(1500, 225)
    view._zoomed()
    assert not view.crowded() and view.renderHints() & AA
