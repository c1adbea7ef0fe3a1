"""A shown canvas repaints what changed, no more: items made before a view's first paint (or in a
paint) are not repainted by the next change."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from benchmarks.generate import generate
from editor.canvas.scene import DiagramScene
from editor.canvas.view import DiagramView
from editor.editing.document import Document


class PaintSpy(QObject):
    """The number of rects of each paint event of a viewport."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[int] = []

    def eventFilter(self, obj, event) -> bool:   # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.region().rectCount())
        return False


def _shown(qtbot, flows: int = 1500):
    doc = Document(generate(flows // 5, flows, 7))
    scene = DiagramScene(doc.diagram)   # built at once, its labels made when the view shows them
    view = DiagramView(scene, doc)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    view.zoom_to_fit()   # a readable zoom: names and labels shown
    qtbot.waitUntil(lambda: not scene.labels_pending_in_background() and not scene.rescale_pending(),
                    timeout=20000)
    qtbot.wait(100)
    return doc, scene, view


def test_the_first_change_after_a_map_shows_repaints_only_the_change(qtbot):
    doc, scene, view = _shown(qtbot)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    fid = next(f.id for f in doc.diagram.flows() if f.amount is not None
               and (label := scene.flow_item(f.id).made_label) is not None
               and label.isVisible() and shown.contains(label.sceneBoundingRect()))
    spy = PaintSpy()
    view.viewport().installEventFilter(spy)
    doc.update_flow(fid, amount=doc.diagram.flow(fid).amount * 2 + 1)
    qtbot.waitUntil(lambda: bool(spy.rects), timeout=3000)   # the new amount is drawn
    qtbot.wait(100)
    # the label (and its arrow) only: every label and name drawn when the map first showed was
    # repainted with it (about 2,000 rects here)
    assert sum(spy.rects) < 40, spy.rects
    view.viewport().removeEventFilter(spy)
