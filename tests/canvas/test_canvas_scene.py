"""The scene follows the model: items, lanes of parallel flows, undo/redo, highlight, legend."""
from __future__ import annotations

import gc
import math

import pytest
from PySide6.QtCore import QPointF

from editor.canvas import DiagramScene
from editor.canvas.style import CanvasStyle, arrow_width, format_amount, node_radius
from editor.editing.document import Document
from editor.model import Company, Diagram, Flow
from tests.helpers import seed_diagram


@pytest.fixture
def doc(qapp):
    return Document(seed_diagram())


def test_one_item_per_company_and_flow(doc):
    scene = DiagramScene(doc.diagram)
    assert {c.id for c in doc.diagram.companies()} == {i.id for i in scene.company_items()}
    assert {f.id for f in doc.diagram.flows()} == {i.id for i in scene.flow_items()}
    assert scene.company_item("openai").pos() == QPointF(300, 0)
    assert sorted(scene.attached_flows("nvidia")) == ["f1", "f3"]


def test_items_follow_undo_and_redo(doc):
    scene = DiagramScene(doc.diagram)
    cid = doc.add_company("AMD", 500, 300, category="chipmaker")
    fid = doc.add_flow("openai", cid, "purchase", 90)
    assert scene.company_item(cid) is not None and scene.flow_item(fid) is not None
    doc.undo_stack.undo()
    assert scene.flow_item(fid) is None
    assert scene.company_item(cid) is not None
    doc.undo_stack.undo()
    assert scene.company_item(cid) is None
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert scene.flow_item(fid).label.text == "$90B"
    assert fid in scene.attached_flows(cid)


def test_delete_through_document_removes_items_and_index(doc):
    scene = DiagramScene(doc.diagram)
    doc.remove(["nvidia"])
    assert scene.company_item("nvidia") is None
    assert scene.flow_item("f1") is None and scene.flow_item("f3") is None
    assert scene.flow_item("f2") is not None
    assert scene.attached_flows("openai") == ["f2"]
    doc.undo_stack.undo()
    assert sorted(scene.attached_flows("nvidia")) == ["f1", "f3"]


def test_parallel_flows_get_distinct_curves_and_labels(doc):
    scene = DiagramScene(doc.diagram)
    extra = [doc.add_flow("nvidia", "openai", t, a) for t, a in (("venture", 5), ("warrants", 10))]
    back = doc.add_flow("openai", "nvidia", "purchase", 250)
    ids = ["f1", *extra, back]
    paths = [scene.flow_item(i).path() for i in ids]
    middles = [scene.flow_label_anchor(i) for i in ids]
    assert len({(round(m.x(), 3), round(m.y(), 3)) for m in middles}) == len(ids)
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            assert paths[i] != paths[j]
            a = scene.flow_item(ids[i]).label.sceneBoundingRect()
            b = scene.flow_item(ids[j]).label.sceneBoundingRect()
            assert not a.intersects(b), (ids[i], ids[j])


def test_a_to_b_and_b_to_a_curve_to_opposite_sides():
    d = seed_diagram()
    d.add_flow(Flow("back", "openai", "nvidia", "purchase", 50))
    scene = DiagramScene(d)
    there, back = scene.flow_label_anchor("f1"), scene.flow_label_anchor("back")
    # nvidia (0,0) and openai (300,0): the two middles lie on opposite sides of y = 0
    assert there.y() * back.y() < 0


def test_arrowhead_ends_on_the_target_circle(doc):
    scene = DiagramScene(doc.diagram)
    item = scene.flow_item("f1")
    tip = item.head()[0]
    target = scene.company_item("openai")
    dist = math.hypot(tip.x() - target.pos().x(), tip.y() - target.pos().y())
    assert dist == pytest.approx(target.radius + 1.5, abs=0.01)


def test_self_flow_is_a_loop_above_the_company(doc):
    scene = DiagramScene(doc.diagram)
    fid = doc.add_flow("oracle", "oracle", "revenue", 3)
    rect = scene.flow_item(fid).path().boundingRect()
    company = scene.company_item("oracle")
    assert rect.bottom() < company.pos().y()
    second = doc.add_flow("oracle", "oracle", "service", 4)
    assert scene.flow_item(second).path().boundingRect().top() < rect.top()


def test_moves_through_the_model_update_only_attached_arrows(doc):
    scene = DiagramScene(doc.diagram)
    untouched = scene.flow_item("f2").path()
    before = scene.flow_item("f1").path()
    doc.move_companies({"nvidia": (-100, 80)})
    assert scene.company_item("nvidia").pos() == QPointF(-100, 80)
    assert scene.flow_item("f1").path() != before
    assert scene.flow_item("f2").path() == untouched


def test_highlight_dims_the_rest_and_clears(doc):
    scene = DiagramScene(doc.diagram)
    scene.set_highlight(["nvidia", "openai"], ["f1"])
    assert scene.company_item("nvidia").opacity() == 1.0
    assert scene.company_item("oracle").opacity() < 0.3
    assert scene.flow_item("f2").opacity() < 0.3 and scene.flow_item("f2").label.opacity() < 0.3
    f1 = scene.flow_item("f1")
    assert f1.emphasis and f1.zValue() > scene.flow_item("f2").zValue()
    scene.clear_highlight()
    assert all(i.opacity() == 1.0 for i in scene.flow_items())
    assert not f1.emphasis


def test_sizes_follow_the_chosen_value(doc):
    scene = DiagramScene(doc.diagram)
    s = scene.style
    assert scene.company_item("nvidia").radius == pytest.approx(s.max_radius)
    # area proportional to valuation: radius ratio is the square root of the value ratio
    ratio = scene.company_item("oracle").radius / scene.company_item("nvidia").radius
    assert ratio == pytest.approx(math.sqrt(946 / 4500))
    scene.set_size_by("none")
    assert {i.radius for i in scene.company_items()} == {s.plain_radius}
    scene.set_size_by("revenue")
    expected = max(s.min_radius, s.max_radius * math.sqrt(13 / 130.5))
    assert scene.company_item("openai").radius == pytest.approx(expected)
    doc.update_company("openai", size=40)
    assert scene.company_item("openai").radius == 40
    with pytest.raises(ValueError):
        scene.set_size_by("profit")


def test_new_largest_value_rescales_everyone(doc, qtbot):
    scene = DiagramScene(doc.diagram)
    r = scene.company_item("nvidia").radius
    doc.update_company("openai", valuation=18000)
    assert scene.company_item("openai").radius == pytest.approx(scene.style.max_radius)
    # the others follow in slices on the event loop
    qtbot.waitUntil(lambda: not scene.rescale_pending(), timeout=2000)
    assert scene.company_item("nvidia").radius == pytest.approx(r / 2)
    doc.undo_stack.undo()
    scene.settle_styles()
    assert scene.company_item("nvidia").radius == pytest.approx(r)


def test_colours_and_legend_follow_catalogue_edits(doc):
    scene = DiagramScene(doc.diagram)
    legend = scene.legend_item()
    assert [n for n, _ in legend.flow_rows] == ["Equity investment", "Chip / hardware purchase",
                                              "Compute / service contract"]
    assert [n for n, _ in legend.category_rows] == ["Chipmaker", "AI lab", "Cloud / data centre"]
    doc.update_flow_type("equity", color="#123456")
    assert scene.flow_item("f1").color.name() == "#123456"
    assert ("Equity investment", "#123456") in legend.flow_rows
    doc.add_flow("oracle", "openai", "backstop", 1)
    assert "Capacity backstop / guarantee" in [n for n, _ in legend.flow_rows]
    scene.set_legend_visible(False)
    assert not legend.isVisible() and not scene.legend_visible


def test_amount_and_unit_changes_relabel(doc):
    scene = DiagramScene(doc.diagram)
    doc.update_flow("f3", amount=0.135)
    assert scene.flow_item("f3").label.text == "$135M"
    doc.set_metadata(unit="EUR m")
    assert scene.flow_item("f3").label.text == "0.135 EUR m"


def test_reset_rebuilds_and_rebind_unsubscribes(doc):
    scene = DiagramScene(doc.diagram)
    other = Diagram()
    other.add_company(Company("x", "X"))
    doc.diagram.replace_all(other)
    assert [i.id for i in scene.company_items()] == ["x"]
    fresh = seed_diagram()
    scene.set_diagram(fresh)
    doc.diagram.add_company(Company("y", "Y"))
    assert scene.company_item("y") is None
    assert scene.company_item("nvidia") is not None


def test_a_dropped_scene_stops_listening(qapp):
    d = seed_diagram()
    DiagramScene(d)
    gc.collect()
    d.add_company(Company("z", "Z"))  # the dead scene's listener removes itself
    assert len(d._listeners) == 0


def test_selection_round_trip(doc):
    scene = DiagramScene(doc.diagram)
    scene.select_ids(["nvidia"], ["f2"])
    assert scene.selected_ids() == (["nvidia"], ["f2"])
    scene.select_ids()
    assert scene.selected_ids() == ([], [])


def test_export_helpers(doc):
    scene = DiagramScene(doc.diagram)
    rect = scene.diagram_rect()
    for item in scene.company_items():
        assert rect.contains(item.sceneBoundingRect())
    assert not rect.contains(scene.legend_item().sceneBoundingRect())
    scene.set_flow_markers({"f1": "1"})
    assert scene.flow_item("f1").label.marker == "1"
    scene.set_flow_markers({})
    assert scene.flow_item("f1").label.marker == ""
    scene.set_export_mode(True)
    assert scene.export_mode and scene.company_item("nvidia").export_mode


@pytest.mark.parametrize("amount,qualifier,unit,text", [
    (100, "up_to", "USD bn", "up to $100B"),
    (300, "estimated", "USD bn", "~$300B"),
    (None, "exact", "USD bn", "$?"),
    (None, "up_to", "USD bn", "$?"),
    (1.5, "exact", "USD bn", "$1.5B"),
    (0.135, "exact", "USD bn", "$135M"),
    (4500, "exact", "USD bn", "$4.5T"),
    (250, "exact", "USD m", "$250M"),
    (100, "exact", "EUR m", "100 EUR m"),
])
def test_format_amount(amount, qualifier, unit, text):
    assert format_amount(amount, qualifier, unit) == text


def test_scales_are_square_root_with_limits():
    s = CanvasStyle()
    c = Company("a", "A", valuation=25)
    assert node_radius(c, "valuation", 100, s) == pytest.approx(s.max_radius / 2)
    assert node_radius(Company("b", "B", valuation=0.0001), "valuation", 100, s) == s.min_radius
    assert node_radius(Company("c", "C"), "valuation", 100, s) == s.min_radius
    assert arrow_width(25, 100, s) == pytest.approx(s.max_arrow_width / 2)
    assert arrow_width(0.0001, 100, s) == s.min_arrow_width
    assert arrow_width(None, 100, s) == s.unknown_arrow_width


def test_a_flow_moved_to_new_ends_still_counts_as_the_largest_amount(doc):
    scene = DiagramScene(doc.diagram)
    widest = scene.flow_item("f2").line_pen().widthF()          # f2 carries the largest amount, 300
    doc.update_flow("f2", source="nvidia", target="oracle")
    doc.update_flow("f1", amount=200)                            # a change that recomputes the largest
    scene.settle_styles()
    assert scene.rescaler.amount_of("f2") == 300
    assert scene.flow_item("f2").line_pen().widthF() == pytest.approx(widest)
    assert scene.flow_item("f1").line_pen().widthF() < widest   # scaled to 300, not to its own 200
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    scene.settle_styles()
    assert scene.flow_item("f2").line_pen().widthF() == pytest.approx(widest)
    assert scene.rescaler.amount_of("f2") == 300
