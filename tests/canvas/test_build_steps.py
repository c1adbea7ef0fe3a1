"""Building a scene a slice at a time (DiagramScene.build_steps) makes what a build in one go makes."""
from __future__ import annotations

import gc

import pytest

from editor.canvas.scene import DiagramScene
from editor.model import Diagram, Flow
from tests.helpers import dense_diagram


def dense(n: int = 12) -> Diagram:
    """``n`` companies on a grid, a flow between every ordered pair, two between some."""
    d = dense_diagram(n)
    d.add_flow(Flow("extra", "c0", "c1", "equity", 5.0))
    return d


@pytest.fixture
def collector_on():
    """The cyclic collector running (the tests' Qt set-up turns it off and collects itself)."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def looks(scene: DiagramScene) -> dict:
    """What is drawn of every flow and company: geometry, label text and place, head."""
    out: dict = {}
    for fid, item in scene.index.flows.items():
        label = item.made_label
        out[fid] = (item.line_points(), tuple(round(v, 6) for v in item.label_pos), item.label_text,
                    item.head().boundingRect().getRect(), label is not None and label.realized(),
                    None if label is None else (round(label.pos().x(), 6), round(label.pos().y(), 6)),
                    item.scene() is scene)
    for cid, company in scene.index.companies.items():
        out[cid] = (company.pos().toTuple(), company.radius, company.scene() is scene)
    return out


def test_steps_report_progress_and_make_the_same_items_as_a_build_in_one_go(qapp, monkeypatch, collector_on):
    monkeypatch.setattr(DiagramScene, "BUILD_STEP", 7)
    d = dense()
    whole = DiagramScene(d)
    whole.realize_labels()       # (what showing the labels makes at once)
    stepped = DiagramScene(d, build=False)
    assert stepped.item_count() == 0
    reports = list(stepped.build_steps(labels=True))
    assert len(reports) > 20
    dones = [done for done, _ in reports]
    assert dones == sorted(dones) and reports[-1][0] == reports[-1][1]
    assert len({total for _, total in reports}) == 1
    assert not stepped.labels_pending() and not stepped.labels_pending_in_background()
    assert looks(stepped) == looks(whole)
    assert stepped.sceneRect() == whole.sceneRect()
    assert gc.isenabled()


def test_a_build_without_labels_leaves_them_for_later_as_before(qapp):
    d = dense(6)
    scene = DiagramScene(d, build=False)
    list(scene.build_steps())
    assert scene.item_count() == len(d.companies()) + len(d.flows())
    assert all(item.made_label is None for item in scene.flow_items())
    scene.realize_labels()
    assert all(item.made_label is not None for item in scene.flow_items())


def test_closing_a_build_half_way_leaves_the_collector_and_the_maker_as_they_were(qapp, monkeypatch,
                                                                                   collector_on):
    monkeypatch.setattr(DiagramScene, "BUILD_STEP", 5)
    scene = DiagramScene(dense(), build=False)
    steps = scene.build_steps(labels=True)
    for _ in range(4):
        next(steps)
    assert not gc.isenabled() and scene.maker.building
    steps.close()
    assert gc.isenabled() and not scene.maker.building
    scene.rebuild()   # the scene can still be built afterwards
    assert scene.item_count() == len(scene.diagram.companies()) + len(scene.diagram.flows())


def test_a_sample_drawn_from_a_build_in_steps_looks_the_same(qapp):
    from pathlib import Path

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from editor.io import native

    sample = Path(__file__).resolve().parents[2] / "samples" / "ai-money-machine-2025.roundtrip"
    d = native.load(sample)

    def picture(scene: DiagramScene, rect: QRectF) -> QImage:
        image = QImage(900, 700, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        scene.render(painter, QRectF(0, 0, 900, 700), rect)
        painter.end()
        return image

    whole = DiagramScene(d)
    whole.realize_labels()   # (as the window's first paint at a readable zoom does)
    stepped = DiagramScene(d, build=False)
    list(stepped.build_steps(labels=True))
    rect = whole.itemsBoundingRect()
    assert stepped.itemsBoundingRect() == rect
    assert picture(stepped, rect) == picture(whole, rect)


def stacking(scene: DiagramScene) -> list[tuple]:
    """The base layer's children from the bottom up: what each is, whose, at which z value."""
    from editor.canvas.items import owner_of

    return [(type(item).__name__, owner_of(item), item.zValue()) for item in scene.layers.base.childItems()]


def test_a_big_base_layer_joins_the_scene_in_slices_and_stacks_as_if_added_at_once(qapp, monkeypatch):
    d = dense()
    monkeypatch.setattr(DiagramScene, "ADD_STEP", 10**9)
    whole = DiagramScene(d, build=False)
    at_once = list(whole.build_steps(labels=True))
    monkeypatch.setattr(DiagramScene, "ADD_STEP", 25)
    sliced = DiagramScene(d, build=False)
    reports = list(sliced.build_steps(labels=True))
    children = len(stacking(sliced))
    assert children == len(d.companies()) + 2 * len(d.flows())   # (circles, arrows, amount labels)
    # let go of 25 at a time, then taken back 25 at a time, each slice a step of its own
    assert len(reports) - len(at_once) == 2 * -(-children // 25)
    assert stacking(sliced) == stacking(whole)
    assert [z for _, _, z in stacking(sliced)] == sorted(z for _, _, z in stacking(sliced))
    assert {item.scene() for item in sliced.items()} == {sliced}
    assert len(sliced.items()) == len(whole.items())
    assert looks(sliced) == looks(whole) and not sliced.layers.made


def test_a_build_closed_while_its_layer_joins_the_scene_leaves_a_scene_that_can_be_built(qapp, monkeypatch):
    monkeypatch.setattr(DiagramScene, "ADD_STEP", 25)
    scene = DiagramScene(dense(), build=False)
    steps = scene.build_steps(labels=True)
    for _ in steps:
        if scene.layers.base.scene() is scene:   # half the items taken back
            break
    steps.close()
    scene.rebuild()
    assert scene.item_count() == len(scene.diagram.companies()) + len(scene.diagram.flows())
    assert {item.scene() for item in scene.items()} == {scene}


def test_a_shown_scene_keeps_its_objects_out_of_the_collector_until_cleared_or_dropped(qapp, monkeypatch):
    from PySide6.QtCore import QCoreApplication, QEvent
    from shiboken6 import isValid

    from editor.canvas import gcpause

    gc.unfreeze()
    scene = DiagramScene(dense(6))
    scene.keep_items()   # a small build: the collector walks its objects as before
    assert gc.get_freeze_count() == 0
    monkeypatch.setattr(gcpause, "KEEP_ABOVE", -1)
    scene.keep_items()
    frozen = gc.get_freeze_count()
    assert frozen > 0 and gc.get_count()[0] < 50
    scene.rebuild()   # its old items go: their cycles are the collector's again
    assert gc.get_freeze_count() == 0
    scene.keep_items()
    assert gc.get_freeze_count() > 0
    scene.dispose()
    assert gc.get_freeze_count() == 0
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(scene)
