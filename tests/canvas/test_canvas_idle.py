"""An idle window does no work: heads and labels hidden at the current zoom are not made in the background."""
from __future__ import annotations

from editor.canvas.scene import DiagramScene
from editor.editing.document import Document
from tests.helpers import seed_diagram


def test_hidden_labels_wait_instead_of_being_made_tick_after_tick(qtbot):
    doc = Document(seed_diagram())
    scene = DiagramScene(doc.diagram)
    made: list[object] = []
    real = scene.realize_flow
    scene.realize_flow = lambda item: (made.append(item), real(item))[1]  # type: ignore[method-assign]
    scene.set_level_of_detail(0.01)  # zoomed far out: neither labels nor heads are drawn
    qtbot.wait(300)
    assert made == []  # no background ticks, so no repaint of every arrow
    assert not scene.labels_pending_in_background() and not scene.labels_pending()
    scene.set_level_of_detail(1.0)  # zoomed in: all are made at once
    assert made and not scene.labels_pending()
    assert all(f.label_made() for f in scene.flow_items())


def test_shown_labels_are_still_made_in_the_background(qtbot):
    scene = DiagramScene(Document(seed_diagram()).diagram)
    assert scene.labels_pending_in_background()
    qtbot.waitUntil(lambda: all(f.label_made() for f in scene.flow_items()), timeout=3000)
    assert not scene.labels_pending_in_background()
