"""Amount labels: placed off companies and off each other (counted in the exported SVG), kept
placed through edits, and companies win the hit test."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from benchmarks.bench_labels import imported_after_layout, svg_overlaps, write_company_csv
from benchmarks.generate import generate
from editor.canvas import DiagramScene
from editor.canvas.labels import overlap_area
from editor.editing.document import Document
from editor.io.native import load
from editor.model import Company, Diagram, Flow

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "editor" / "data" / "samples").glob("*.roundtrip"))


def _label_overlaps(scene: DiagramScene) -> list[tuple[str, str]]:
    """Pairs (label, label or company) whose boxes meet, from the placed labels' items."""
    boxes = {}
    for item in scene.flow_items():
        r = item.label.sceneBoundingRect()
        boxes[item.id] = (r.left() + 0.6, r.top() + 0.6, r.right() - 0.6, r.bottom() - 0.6)  # (less the pen)
    found = []
    ids = sorted(boxes)
    for i, a in enumerate(ids):
        found += [(a, b) for b in ids[i + 1:] if overlap_area(boxes[a], boxes[b]) > 0.01]
        for c in scene.company_items():
            found += [(a, c.id) for box in c.obstacle_boxes() if overlap_area(boxes[a], box) > 0.01]
    return found


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_no_label_overlaps_in_the_svg_export_of_a_sample(qapp, sample, tmp_path):
    counted = svg_overlaps(load(sample), tmp_path / "out.svg")
    assert counted.labels == len(load(sample).flows())    # every flow's label is in the file
    assert counted.label_label == [] and counted.label_company == []


def test_no_label_overlaps_in_an_imported_csv_after_automatic_layout(qapp, tmp_path):
    d = imported_after_layout(write_company_csv(tmp_path / "flows.csv", companies=30, flows=80))
    assert len(d.companies()) == 30 and len(d.flows()) == 80
    counted = svg_overlaps(d, tmp_path / "out.svg")
    assert counted.labels == 80
    assert counted.total == 0, (counted.label_label, counted.label_company)


def test_the_counter_sees_an_overlap(qapp, tmp_path):
    """Two flows crossing at one point with their labels forced onto it are counted."""
    d = Diagram()
    for cid, x, y in (("a", 0, 0), ("b", 400, 0), ("c", 200, -200), ("d", 200, 200)):
        d.add_company(Company(cid, cid.upper(), x=x, y=y))
    d.add_flow(Flow("f1", "a", "b", "equity", 5))
    d.add_flow(Flow("f2", "c", "d", "equity", 7))
    scene = DiagramScene(d)
    assert _label_overlaps(scene) == []             # placed apart around the crossing
    for item in scene.flow_items():
        item.place_label(200, 0)                    # forced onto the crossing
    assert _label_overlaps(scene) == [("f1", "f2")]
    from editor.canvas.export.overlaps import count_overlaps
    from editor.canvas.export.svg import diagram_group

    group = diagram_group(scene, scene.diagram_rect(), scene.diagram_rect())
    svg = f'<svg xmlns="http://www.w3.org/2000/svg">{group}</svg>'
    assert count_overlaps(svg).label_label == [("label-f1", "label-f2")]


def test_a_label_leaves_a_company_in_the_middle_of_its_arrow(qapp):
    d = Diagram()
    d.add_company(Company("a", "Alpha", x=0, y=0))
    d.add_company(Company("b", "Beta", x=400, y=0))
    d.add_company(Company("m", "Middle", x=200, y=0))        # right where the label would go
    d.add_flow(Flow("f1", "a", "b", "equity", 5))
    scene = DiagramScene(d)
    x, y = scene.flow_item("f1").label_pos
    assert (x, y) != (200, 0) and _label_overlaps(scene) == []


def test_labels_stay_clear_through_edits_moves_and_undo(qapp):
    doc = Document(load(SAMPLES[0]))
    scene = DiagramScene(doc.diagram)
    assert _label_overlaps(scene) == []
    nvidia = doc.diagram.company("nvidia")
    doc.move_companies({"nvidia": (nvidia.x + 60, nvidia.y - 40)})
    doc.update_flow(next(iter(doc.diagram.flows())).id, amount=123456)      # a wider label
    doc.add_company("A new company", x=nvidia.x + 60, y=nvidia.y + 40)
    assert _label_overlaps(scene) == []
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert _label_overlaps(scene) == []


def test_a_company_wins_the_hit_test_over_a_label_on_it(qapp):
    d = Diagram()
    d.add_company(Company("a", "A", x=0, y=0))
    d.add_company(Company("b", "B", x=300, y=0))
    d.add_flow(Flow("f1", "a", "b", "equity", 5))
    scene = DiagramScene(d)
    scene.flow_item("f1").place_label(0, 0)      # a label lying on A's body
    assert scene.owner_at(QPointF(0, 0)) == ("company", "a")
    assert scene.owner_at(QPointF(150, 0)) == ("flow", "f1")


def test_placing_every_label_stays_fast_on_big_maps(qapp):
    scene = DiagramScene(generate(400, 2000, seed=7))
    start = time.perf_counter()
    scene.lanes.labels.place_all(now=True)
    assert time.perf_counter() - start < 1.5       # about 30 ms here; loose for a loaded machine


def test_a_big_map_places_its_labels_in_the_background(qapp, qtbot):
    scene = DiagramScene(generate(400, 2000, seed=7))
    assert scene.lanes.labels.pending()            # the build did not wait for them
    qtbot.waitUntil(lambda: not scene.labels_pending_in_background(), timeout=10000)
    boxes = [scene.lanes.labels.label_box(f.id) for f in scene.flow_items()]
    assert all(b is not None for b in boxes)


def test_the_legend_stays_beside_the_content_while_the_user_draws(qapp):
    doc = Document(Diagram())
    scene = DiagramScene(doc.diagram)
    legend = scene.legend_item()
    previous = None
    for i in range(6):                                   # a map growing to the right and down
        cid = doc.add_company(f"Company {i}", x=i * 180.0, y=(i % 2) * 140.0)
        if previous is not None:
            doc.add_flow(previous, cid, "equity", 5)
        previous = cid
        box = legend.sceneBoundingRect()
        content = scene.bounds.companies_rect()
        assert box.left() > content.right() and not any(
            box.intersects(c.sceneBoundingRect()) for c in scene.company_items())
    doc.move_companies({previous: (2000.0, 0.0)})
    assert legend.sceneBoundingRect().left() > 2000
    legend.setPos(-500, -500)
    legend.user_moved = True                             # a legend the user put somewhere stays
    doc.add_company("Another", x=2400.0, y=0.0)
    assert legend.pos() == QPointF(-500, -500)


def _closest_approach(scene: DiagramScene, fid: str, cid: str) -> float:
    """Distance from a company's edge to the nearest point of a flow's line (negative: through it)."""
    path, c = scene.flow_item(fid).path(), scene.company_item(cid)
    points = (path.pointAtPercent(i / 200) for i in range(201))
    return min(((p.x() - c.x()) ** 2 + (p.y() - c.y()) ** 2) ** 0.5 for p in points) - c.radius


def test_arrows_bend_around_companies_in_their_way_and_straighten_when_they_leave(qapp):
    d = Diagram()
    d.add_company(Company("a", "Alpha", x=0, y=0))
    d.add_company(Company("b", "Beta", x=600, y=0))
    d.add_company(Company("m", "Middle", x=300, y=5))
    d.add_company(Company("z", "Zed", x=300, y=400))
    d.add_flow(Flow("f1", "a", "b", "equity", 5))
    doc = Document(d)
    scene = DiagramScene(doc.diagram)
    assert _closest_approach(scene, "f1", "m") >= 10                 # around Middle, not through it
    assert _closest_approach(DiagramScene(doc.diagram), "f1", "m") >= 10
    doc.move_companies({"m": (300.0, -400.0)})                      # out of the way: straight again
    assert len(scene.flow_item("f1").line_points()) == 4
    doc.move_companies({"z": (300.0, 0.0)})                         # another one moves in
    assert _closest_approach(scene, "f1", "z") >= 10
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert _closest_approach(scene, "f1", "m") >= 10
    assert scene.flow_item("f1").path() == DiagramScene(doc.diagram).flow_item("f1").path()


def test_labels_make_room_for_their_source_markers(qapp):
    from editor.canvas.export.image import ExportOptions, ExportPage

    page = ExportPage(load(SAMPLES[0]), ExportOptions(sources=True, as_of="2026-01-01"))
    scene, placer = page.scene, page.scene.lanes.labels
    marked = [f for f in scene.flow_items() if f.label.marker]
    assert marked and all(f.label_extra > 0 for f in marked)
    boxes = {f.id: placer.label_box(f.id) for f in scene.flow_items()}
    for f in marked:                                 # the box reaches over the marker
        marker = f.label.marker_rect()
        assert boxes[f.id][2] >= marker.right() - 1 and boxes[f.id][1] <= marker.top() + 1
    ids = sorted(boxes)
    assert not [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]
                if overlap_area(boxes[a], boxes[b]) > 0.01]
    page.close()


def test_moving_many_companies_at_once_leaves_their_labels_to_the_background(qapp, qtbot):
    from editor.canvas.lanes import PairLayout

    doc = Document(generate(500, 2500, seed=3))
    scene = DiagramScene(doc.diagram)
    qtbot.waitUntil(lambda: not scene.labels_pending_in_background(), timeout=20000)
    moved = {c.id: (c.x + 500.0, c.y + 300.0) for c in doc.diagram.companies()}
    assert len(doc.diagram.flows()) > PairLayout.MOVE_PLACES_LATER_ABOVE
    doc.move_companies(moved)     # (an automatic layout, or its undo)
    placer = scene.lanes.labels
    assert placer.pending()               # left to the background...
    assert not scene.labels_pending()     # ...and a paint does not wait for them
    qtbot.waitUntil(lambda: not scene.labels_pending_in_background(), timeout=20000)
    for item in scene.flow_items():       # every label placed where its arrow now is
        box = placer.label_box(item.id)
        assert box is not None
        r = item.label.sceneBoundingRect()
        centre = r.center()
        assert abs((box[0] + box[2]) / 2 - centre.x()) < 1 and abs((box[1] + box[3]) / 2 - centre.y()) < 1
        w, h = r.width(), r.height()   # (beside the arrow, up to two heights off it; the move was 583 px)
        assert item.sceneBoundingRect().adjusted(-w, -4 * h, w, 4 * h).contains(centre)


def test_moving_a_few_companies_places_their_labels_at_once(qapp, qtbot):
    doc = Document(generate(500, 2500, seed=3))
    scene = DiagramScene(doc.diagram)
    qtbot.waitUntil(lambda: not scene.labels_pending_in_background(), timeout=20000)
    c = doc.diagram.companies()[0]
    doc.move_companies({c.id: (c.x + 80.0, c.y)})
    assert not scene.lanes.labels.pending()
