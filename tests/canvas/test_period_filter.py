"""DiagramScene.set_period_filter: flows outside a period hidden or faded, with highlight and labels."""
from __future__ import annotations

import pytest

from editor.canvas import DiagramScene
from editor.canvas.marks import DIM_OPACITY
from editor.canvas.period import FADE_OPACITY
from editor.editing.document import Document
from tests.helpers import seed_diagram


@pytest.fixture
def scene(qapp):
    doc = Document(seed_diagram())
    s = DiagramScene(doc.diagram)
    s.realize_labels()
    return s


def _state(scene):
    return {i.id: (i.isVisible(), round(i.opacity(), 2), i.made_label.isVisible(),
                   round(i.made_label.opacity(), 2)) for i in scene.flow_items()}


def test_hide_and_show_again(scene):
    scene.set_period_filter(["f1", "f2"], "hide")
    st = _state(scene)
    assert st["f3"] == (False, 1.0, False, 1.0) and st["f1"] == (True, 1.0, True, 1.0)
    assert all(c.isVisible() for c in scene.company_items())       # companies always stay
    scene.set_period_filter(None)
    assert all(v == (True, 1.0, True, 1.0) for v in _state(scene).values())


def test_fade_and_switching_modes(scene):
    fade = round(FADE_OPACITY, 2)
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


def test_highlight_and_level_of_detail_keep_the_period(scene):
    scene.set_period_filter(["f1", "f2"], "fade")
    scene.set_highlight(["nvidia", "openai"], ["f1", "f3"])
    st = _state(scene)
    assert st["f3"][1] == round(FADE_OPACITY, 2)             # highlighted, but outside the period
    assert st["f2"][1] == round(DIM_OPACITY, 2) and st["f1"][1] == 1.0
    scene.clear_highlight()
    assert _state(scene)["f3"][1] == round(FADE_OPACITY, 2)
    scene.set_period_filter(None, "fade")
    assert _state(scene)["f3"][1] == 1.0
    scene.set_period_filter(["f1"], "hide")
    scene.set_labels_shown(False)
    scene.set_labels_shown(True)
    st = _state(scene)
    assert st["f2"][2] is False and st["f1"][2] is True         # the hidden flow's label stays hidden
