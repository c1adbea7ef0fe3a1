"""DiagramScene.set_period_filter: flows outside a period hidden or faded, with highlight and labels."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from editor.canvas import DiagramScene
from editor.canvas.marks import DIM_OPACITY
from editor.canvas.period import FADE_OPACITY, pale
from editor.editing.document import Document
from tests.helpers import seed_diagram

FADE = round(FADE_OPACITY, 2)


@pytest.fixture
def scene(qapp):
    doc = Document(seed_diagram())
    s = DiagramScene(doc.diagram)
    s.realize_labels()
    return s


def _state(scene):
    """Per flow: (shown, opacity, label shown, label opacity), with the opacity of a faded arrow
    (drawn in its colour mixed with white) given as FADE."""
    out = {}
    for i in scene.flow_items():
        faded = i.color is pale(scene.diagram.flow_type(scene.diagram.flow(i.id).type).color and
                                QColor(scene.diagram.flow_type(scene.diagram.flow(i.id).type).color))
        opacity = FADE if faded else round(i.opacity(), 2)
        out[i.id] = (i.isVisible(), opacity, i.made_label.isVisible(), round(i.made_label.opacity(), 2))
    return out


def test_hide_and_show_again(scene):
    scene.set_period_filter(["f1", "f2"], "hide")
    st = _state(scene)
    assert st["f3"] == (False, 1.0, False, 1.0) and st["f1"] == (True, 1.0, True, 1.0)
    assert all(c.isVisible() for c in scene.company_items())       # companies always stay
    scene.set_period_filter(None)
    assert all(v == (True, 1.0, True, 1.0) for v in _state(scene).values())


def test_fade_and_switching_modes(scene):
    fade = FADE
    scene.set_period_filter(["f1"], "fade")
    st = _state(scene)
    assert st["f2"] == (True, fade, True, fade) and st["f1"] == (True, 1.0, True, 1.0)
    scene.set_period_filter(["f1"], "hide")
    st = _state(scene)
    assert st["f2"] == (False, 1.0, False, 1.0) and st["f3"][0] is False
    scene.set_period_filter(["f1", "f3"], "fade")
    st = _state(scene)
    assert st["f2"] == (True, fade, True, fade) and st["f3"] == (True, 1.0, True, 1.0)
    with pytest.raises(ValueError):
        scene.set_period_filter(None, "blink")


def test_a_faded_flow_restyled_by_an_edit_is_faded_again(qapp):
    doc = Document(seed_diagram())
    scene = DiagramScene(doc.diagram)
    scene.realize_labels()
    scene.set_period_filter(["f1"], "fade")
    doc.diagram.update_flow("f2", type="equity")          # restyles the arrow in its new type's colour
    scene.set_period_filter(["f1"], "fade")                # what the timeline does after an edit
    assert _state(scene)["f2"][1] == FADE
    scene.set_period_filter(None, "fade")
    assert scene.flow_item("f2").color.name() == doc.diagram.flow_type("equity").color


def test_highlight_and_level_of_detail_keep_the_period(scene):
    scene.set_period_filter(["f1", "f2"], "fade")
    scene.set_highlight(["nvidia", "openai"], ["f1", "f3"])
    st = _state(scene)
    assert st["f3"][1] == FADE                               # highlighted, but outside the period
    assert st["f2"][1] == round(DIM_OPACITY, 2) and st["f1"][1] == 1.0
    scene.clear_highlight()
    assert _state(scene)["f3"][1] == FADE
    scene.set_period_filter(None, "fade")
    assert _state(scene)["f3"][1] == 1.0
    scene.set_period_filter(["f1"], "hide")
    scene.set_labels_shown(False)
    scene.set_labels_shown(True)
    st = _state(scene)
    assert st["f2"][2] is False and st["f1"][2] is True         # the hidden flow's label stays hidden
