"""Rescaling after the largest amount or value changes is done in slices, and ends in the very
picture a scene built from scratch shows (item by item)."""
from __future__ import annotations

import random

import pytest

from benchmarks.generate import generate
from editor.canvas import DiagramScene
from editor.editing.document import Document


def _numbers(path) -> list[tuple]:
    elements = (path.elementAt(i) for i in range(path.elementCount()))
    return [(e.type, round(e.x, 6), round(e.y, 6)) for e in elements]


def picture(scene: DiagramScene) -> dict:
    """Everything the items of ``scene`` draw, by id."""
    out = {}
    for item in scene.company_items():
        out["c:" + item.id] = (item.radius, item.pos().toTuple(), item.rect().getRect(),
                               item.fill().color().name())
    for item in scene.flow_items():
        pen = item.line_pen()
        head = item.head()
        out["f:" + item.id] = (item.width, pen.widthF(), pen.color().name(), _numbers(item.path()),
                               [head.at(i).toTuple() for i in range(head.size())], item.rect().getRect(),
                               item.label.text, item.head_shown())
        # (not the label's place: labels are placed among the others, and where one goes
        # depends on which were placed before it)
    return out


@pytest.fixture
def doc(qapp):
    return Document(generate(40, 160, seed=7))


def _largest(doc) -> str:
    return max((f for f in doc.diagram.flows() if f.amount is not None), key=lambda f: f.amount).id


def test_edits_of_the_largest_amount_end_in_the_full_picture(doc, qtbot):
    scene = DiagramScene(doc.diagram)
    rnd = random.Random(3)
    fid = _largest(doc)
    big = doc.diagram.flow(fid).amount
    doc.update_flow(fid, amount=big * 3)              # new largest: every width shrinks
    assert scene.rescale_pending()
    qtbot.waitUntil(lambda: not scene.rescale_pending(), timeout=3000)
    assert picture(scene) == picture(DiagramScene(doc.diagram))
    doc.update_flow(fid, amount=big / 10)             # the largest is another flow now
    flows = [f.id for f in doc.diagram.flows()]
    a, b = rnd.sample([c.id for c in doc.diagram.companies()], 2)
    doc.add_flow(a, b, doc.diagram.flow_types()[0].id, big * 5)   # a new largest flow
    doc.remove(flow_ids=[rnd.choice(flows)])
    doc.update_company(a, valuation=10 ** 6)          # a new largest value: every radius
    doc.move_companies({b: (123.0, 456.0)})           # a layout while widths are pending
    qtbot.waitUntil(lambda: not scene.rescale_pending(), timeout=3000)
    assert picture(scene) == picture(DiagramScene(doc.diagram))
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    scene.settle_styles()
    assert picture(scene) == picture(DiagramScene(doc.diagram))


def test_rescaling_goes_in_slices_and_redraws_only_changed_widths(doc, qtbot):
    scene = DiagramScene(doc.diagram)
    scene.rescaler.slice_s = 0.0   # one batch per timer tick
    fid = _largest(doc)
    amount = doc.diagram.flow(fid).amount
    doc.update_flow(fid, amount=amount * 1.0001)   # new largest, but no width changes a step
    widths = {i.id: i.width for i in scene.flow_items()}
    calls = []
    for item in scene.flow_items():
        item.set_look = lambda *a, _f=item.set_look, _id=item.id: (calls.append(_id), _f(*a))
    scene.rescaler.run_slice()
    assert scene.rescale_pending()      # one slice did not do all 160 flows
    qtbot.waitUntil(lambda: not scene.rescale_pending(), timeout=3000)
    assert calls == [] and widths == {i.id: i.width for i in scene.flow_items()}
    assert picture(scene) == picture(DiagramScene(doc.diagram))


def test_render_and_drag_see_the_settled_picture(doc):
    scene = DiagramScene(doc.diagram)
    fid = _largest(doc)
    doc.update_flow(fid, amount=doc.diagram.flow(fid).amount * 4)
    assert scene.rescale_pending()
    scene.diagram_rect()
    assert not scene.rescale_pending()
    assert picture(scene) == picture(DiagramScene(doc.diagram))
