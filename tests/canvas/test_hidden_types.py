"""DiagramScene.set_hidden_types: arrows, heads and labels of hidden flow types, winning over
the level of detail and the period filter."""
from __future__ import annotations

import pytest

from editor.canvas import DiagramScene
from editor.editing.document import Document
from tests.helpers import seed_diagram


@pytest.fixture
def doc(qapp):
    return Document(seed_diagram())


@pytest.fixture
def scene(doc):
    s = DiagramScene(doc.diagram)
    s.realize_labels()
    return s


def _shown(scene) -> dict[str, tuple[bool, bool]]:
    return {i.id: (i.isVisible(), i.made_label.isVisible()) for i in scene.flow_items()}


def test_hide_a_type_and_show_it_again(scene):
    scene.set_hidden_types({"service"})
    st = _shown(scene)
    assert st["f2"] == (False, False) and st["f1"] == (True, True) and st["f3"] == (True, True)
    assert scene.hidden_types == {"service"}
    scene.set_hidden_types(set())
    assert all(v == (True, True) for v in _shown(scene).values())


def test_hidden_wins_over_level_of_detail(scene):
    scene.set_hidden_types({"equity"})
    scene.set_labels_shown(False)
    scene.set_labels_shown(True)
    scene.set_level_of_detail(5.0)
    st = _shown(scene)
    assert st["f1"] == (False, False) and st["f2"] == (True, True)


def test_hidden_and_period_together(scene):
    scene.set_period_filter(["f1", "f2"], "hide")
    scene.set_hidden_types({"equity"})
    st = _shown(scene)
    assert st["f1"] == (False, False) and st["f2"] == (True, True) and st["f3"] == (False, False)
    scene.set_period_filter(None)       # the period goes; the type stays hidden
    st = _shown(scene)
    assert st["f1"] == (False, False) and st["f3"] == (True, True)
    scene.set_hidden_types(set())       # the type comes back; f3 outside no period
    assert all(v == (True, True) for v in _shown(scene).values())
    scene.set_period_filter(["f2"], "hide")
    scene.set_hidden_types({"service"})
    scene.set_hidden_types(set())       # f2 back, f1 and f3 still outside the period
    st = _shown(scene)
    assert st["f2"] == (True, True) and st["f1"] == (False, False)


def test_new_and_retyped_flows_follow(doc, scene):
    scene.set_hidden_types({"equity"})
    fid = doc.add_flow("openai", "nvidia", "equity", 5)
    scene.realize_labels()
    assert scene.flow_item(fid).isVisible() is False
    assert scene.flow_item(fid).made_label.isVisible() is False
    doc.update_flow("f3", type="equity")
    assert scene.flow_item("f3").isVisible() is False
    doc.update_flow("f3", type="purchase")
    assert scene.flow_item("f3").isVisible() is True and scene.flow_item("f3").made_label.isVisible()


def test_a_click_on_a_legend_row_names_its_type(qtbot, doc, scene):
    from PySide6.QtCore import QPoint, Qt

    from editor.canvas.view import DiagramView

    view = DiagramView(scene, doc)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    legend = scene.legend_item()
    assert sorted(legend.flow_type_ids) == ["equity", "purchase", "service"]
    row = next(y for kind, _n, _c, y in legend._layout if kind == "flow")
    target = legend.flow_type_ids[0]
    view.centerOn(legend)
    at = view.mapFromScene(legend.mapToScene(30, row + 5))
    with qtbot.waitSignal(scene.legendTypeClicked, timeout=2000) as got:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(at.x(), at.y()))
    assert got.args == [target]
    assert legend.flow_type_at(legend.mapFromScene(view.mapToScene(at))) == target
    titles = [y for kind, _n, _c, y in legend._layout if kind == "title"]
    assert legend.flow_type_at(legend.mapFromScene(legend.mapToScene(30, titles[0] + 2))) is None


def test_rendering_a_picture_keeps_hidden_labels_hidden(scene):
    from PySide6.QtGui import QImage, QPainter

    scene.set_hidden_types({"service"})
    image = QImage(200, 150, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    scene.render(painter)
    painter.end()
    assert _shown(scene)["f2"] == (False, False)
