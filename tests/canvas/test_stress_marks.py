"""Stress-test marks on the canvas and in exported images: red rings and rounds, unpaid ends of arrows."""
from __future__ import annotations

from pathlib import Path

import pytest
from defusedxml import ElementTree
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from editor.analysis.stress import CAVEAT, StressOverlay, overlay, run_stress
from editor.canvas import DiagramScene
from editor.canvas.export.image import ExportOptions, ExportPage, export_image
from editor.canvas.stress_marks import STRESS_RED, unpaid_path
from editor.editing.document import Document
from editor.io.native import load
from editor.model import Company, Diagram, Flow

ROOT = Path(__file__).resolve().parents[2]
AI_SAMPLE = ROOT / "editor" / "data" / "samples" / "ai-money-machine-2025.roundtrip"


def chain() -> Diagram:
    """A owes B owes C owes D, 10 each; A has nothing, B 5, C 4: three domino rounds."""
    d = Diagram()
    for k, (cid, revenue) in enumerate((("a", None), ("b", 5.0), ("c", 4.0), ("d", None))):
        d.add_company(Company(cid, cid.upper(), x=200.0 * k, y=0.0, revenue=revenue))
    for k, (s, t) in enumerate((("a", "b"), ("b", "c"), ("c", "d")), 1):
        d.add_flow(Flow(f"f{k}", s, t, "purchase", amount=10.0, status="committed"))
    return d


@pytest.fixture
def doc(qapp):
    return Document(chain())


@pytest.fixture
def scene(doc):
    s = DiagramScene(doc.diagram)
    yield s
    s.clear()


def final(diagram: Diagram, step: int | None = None) -> StressOverlay:
    return overlay(run_stress(diagram.snapshot()), step)


def test_clearing_of_the_chain_has_three_rounds(doc):
    ov = final(doc.diagram)
    assert ov.rounds == 3
    assert dict(ov.defaulted) == {"a": 1, "b": 2, "c": 3}
    assert ov.flow_paid["f1"] == 0.0 and ov.flow_paid["f2"] == pytest.approx(0.5)
    assert ov.flow_paid["f3"] == pytest.approx(0.9)


def test_defaulting_companies_get_a_ring_and_their_round(scene, doc):
    scene.show_stress(final(doc.diagram))
    assert scene.stress.marked_companies() == {"a": 1, "b": 2, "c": 3}
    for cid, round_ in (("a", 1), ("b", 2), ("c", 3)):
        marks = scene.stress.default_items(cid)
        assert marks is not None
        ring, badge_text = marks
        assert ring.parentItem() is scene.company_item(cid)
        assert ring.pen().color().name() == STRESS_RED
        assert ring.rect().width() > 2 * scene.company_item(cid).radius   # around the circle
        assert badge_text.text() == str(round_)
    assert scene.stress.default_items("d") is None


def test_arrows_split_into_paid_and_unpaid_parts(scene, doc):
    scene.show_stress(final(doc.diagram))
    assert set(scene.stress.marked_flows()) == {"f1", "f2", "f3"}
    for fid, paid in (("f1", 0.0), ("f2", 0.5), ("f3", 0.9)):
        item = scene.flow_item(fid)
        dash = scene.stress.unpaid_item(fid)
        assert dash is not None and dash.parentItem() is item
        line = item.path()
        part = dash.path()
        start, end = line.pointAtPercent(0.0), line.pointAtPercent(1.0)
        split = start + (end - start) * paid
        assert _close(part.pointAtPercent(0.0), split)   # the unpaid part starts where the paid one ends
        assert _close(part.pointAtPercent(1.0), end)     # and runs to the head
        assert dash.pen().color().name() == STRESS_RED and dash.pen().dashPattern()


def test_stepping_through_the_rounds_changes_the_marks(scene, doc):
    result = run_stress(doc.diagram.snapshot())
    scene.show_stress(overlay(result, 1))
    assert scene.stress.marked_companies() == {"a": 1}
    assert set(scene.stress.marked_flows()) == {"f1"}   # round 1: only A pays less than it owes
    scene.show_stress(overlay(result, 2))
    assert scene.stress.marked_companies() == {"a": 1, "b": 2}
    assert set(scene.stress.marked_flows()) == {"f1", "f2"}
    scene.show_stress(overlay(result, 1))
    assert scene.stress.default_items("b") is None and scene.stress.unpaid_item("f2") is None


def test_no_overlay_removes_every_mark(scene, doc):
    scene.show_stress(final(doc.diagram))
    ring = scene.stress.default_items("a")[0]
    scene.show_stress(None)
    assert scene.stress_overlay is None
    assert scene.stress.marked_companies() == {} and scene.stress.marked_flows() == {}
    assert ring.scene() is None and ring.parentItem() is None


def test_marks_follow_moves_removals_and_rebuilds(scene, doc):
    scene.show_stress(final(doc.diagram))
    doc.move_companies({"d": (600.0, 300.0)})
    line, part = scene.flow_item("f3").path(), scene.stress.unpaid_item("f3").path()
    assert _close(part.pointAtPercent(1.0), line.pointAtPercent(1.0))   # the unpaid end followed the arrow
    scene.preview_move({"d": QPointF(600.0, 500.0)})                    # a live drag
    line, part = scene.flow_item("f3").path(), scene.stress.unpaid_item("f3").path()
    assert _close(part.pointAtPercent(1.0), line.pointAtPercent(1.0))
    doc.remove(flow_ids=["f2"])
    assert "f2" not in scene.stress.marked_flows() and "f1" in scene.stress.marked_flows()
    doc.undo_stack.undo()
    assert "f2" in scene.stress.marked_flows()   # the arrow came back with its mark
    scene.rebuild()
    assert scene.stress.marked_companies() == {"a": 1, "b": 2, "c": 3}
    assert scene.stress.unpaid_item("f1").parentItem() is scene.flow_item("f1")


def test_unknown_ids_are_skipped(scene):
    scene.show_stress(StressOverlay(1, 1, {"a": 1, "gone": 1}, {"f1": 0.5, "nope": 0.1}))
    assert scene.stress.marked_companies() == {"a": 1}
    assert set(scene.stress.marked_flows()) == {"f1"}


def test_unpaid_path_of_straight_and_curved_lines():
    straight = QPainterPath(QPointF(0, 0))
    straight.lineTo(100, 0)
    part = unpaid_path(straight, 0.25)
    assert _close(part.pointAtPercent(0), QPointF(25, 0)) and _close(part.pointAtPercent(1), QPointF(100, 0))
    assert unpaid_path(straight, 1.0).isEmpty()
    curve = QPainterPath(QPointF(0, 0))
    curve.quadTo(50, 50, 100, 0)
    part = unpaid_path(curve, 0.5)
    assert _close(part.pointAtPercent(0), curve.pointAtPercent(0.5))
    assert _close(part.pointAtPercent(1), curve.pointAtPercent(1.0))
    assert part.length() == pytest.approx(curve.length() / 2, rel=0.02)


# ------------------------------------------------------------------ export
def test_export_with_the_overlay_draws_the_marks_and_explains_them(qapp, tmp_path):
    d = chain()
    ov = final(d, 2)
    plain, marked = tmp_path / "plain.svg", tmp_path / "marked.svg"
    export_image(d, plain, title="Chain")
    export_image(d, marked, title="Chain", stress=ov)
    plain_text, marked_text = plain.read_text(), marked.read_text()
    ElementTree.fromstring(marked.read_bytes())   # well-formed
    assert STRESS_RED not in plain_text and "Stress test" not in plain_text
    assert STRESS_RED in marked_text and "stroke-dasharray" in marked_text
    texts = _svg_texts(marked)
    assert any(t.startswith("Stress test: a red ring") for t in texts)
    assert any("After domino round 2 of 3: 2 companies in default." in t for t in texts)
    assert any(CAVEAT.split(":")[0] in t for t in texts)   # the caveat, in small type
    assert {"1", "2"} <= set(texts) and "3" not in texts    # the badges of rounds 1 and 2 only
    assert '<g id="stress"' in marked_text and 'class="unpaid"' in marked_text


def test_export_page_lays_out_the_stress_block_in_small_type(qapp):
    d = chain()
    page = ExportPage(d, ExportOptions(stress=final(d)))
    try:
        layout = page.layout
        assert "stress" in layout.blocks
        assert layout.blocks["stress"].top() > layout.blocks["diagram"].bottom()
        assert layout.blocks["stress"].bottom() < layout.blocks["footer"].top()
        caveat = next(op for op in layout.ops if getattr(op, "text", "") == CAVEAT)
        note = next(op for op in layout.ops if getattr(op, "text", "").startswith("Stress test:"))
        assert caveat.font.pixelSize() < note.font.pixelSize()
        assert page.scene.stress.marked_companies() == {"a": 1, "b": 2, "c": 3}
    finally:
        page.close()
    page = ExportPage(d)
    try:
        assert "stress" not in page.layout.blocks and not page.scene.stress.marked_companies()
    finally:
        page.close()


def test_ai_sample_png_with_openai_paying_nothing(qapp, tmp_path):
    d = load(AI_SAMPLE)
    openai = d.find_company("OpenAI")
    assert openai is not None
    ov = overlay(run_stress(d.snapshot(), shocks={openai.id: 1.0}))
    out = tmp_path / "ai.png"
    export_image(d, out, stress=ov, width=900)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert openai.id in ov.defaulted


def _svg_texts(path: Path) -> list[str]:
    root = ElementTree.parse(str(path)).getroot()
    return ["".join(el.itertext()).strip() for el in root.iter() if el.tag.endswith("text")]


def _close(a: QPointF, b: QPointF, tol: float = 0.6) -> bool:
    return abs(a.x() - b.x()) <= tol and abs(a.y() - b.y()) <= tol


def test_rings_follow_a_change_of_company_sizes(scene, doc):
    from editor.canvas.stress_marks import RING_GAP

    scene.show_stress(final(doc.diagram))
    before = scene.company_item("b").radius
    scene.set_size_by("revenue" if scene.size_by != "revenue" else "none")
    after = scene.company_item("b").radius
    assert after != before
    ring = scene.stress.default_items("b")[0]
    assert ring.rect().width() / 2 == pytest.approx(after + RING_GAP)
