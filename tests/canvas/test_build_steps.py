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
