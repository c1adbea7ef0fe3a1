"""Light and dark canvases with readable text (WCAG AA), exports with their own colours, a
fit that stays readable, and the overview of large maps."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from editor.canvas import DiagramScene, DiagramView
from editor.canvas.export.image import export_image
from editor.canvas.theme import AA, THEMES, contrast_ratio, over, rgba
from editor.editing.document import Document
from editor.io.errors import InputError
from editor.io.native import load
from editor.model import Diagram
from editor.model.catalogue import DEFAULT_FLOW_TYPES
from tests.helpers import seed_diagram

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "editor" / "data" / "samples").glob("*.roundtrip"))
AI_SAMPLE = SAMPLES[0]


def _all_flow_colours() -> set[str]:
    colours = {t.color for t in DEFAULT_FLOW_TYPES}
    for sample in SAMPLES:
        colours |= {t.color for t in load(sample).flow_types()}
    return colours


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_text_on_the_canvas_reads_at_aa_contrast(qapp, theme):
    scene = DiagramScene(Diagram())
    scene.set_theme(theme)
    s = scene.style
    assert contrast_ratio(s.text_color, s.background) >= AA
    assert contrast_ratio(s.muted_text_color, s.background) >= AA
    assert contrast_ratio(s.text_color, over(rgba(s.name_background), s.background)) >= AA
    assert contrast_ratio(s.text_color, over(rgba(s.legend_background), s.background)) >= AA
    behind = over(rgba(s.label_background), s.background)
    for colour in _all_flow_colours():     # the amount labels take their flow type's colour
        look = _label_text(scene, colour)
        assert contrast_ratio(look, behind) >= AA, (theme, colour, look.name())


def _label_text(scene: DiagramScene, colour: str) -> QColor:
    from editor.model import Company, Flow, FlowType

    d = scene.diagram
    if not d.has_company("a"):
        d.add_company(Company("a", "A", x=0, y=0))
        d.add_company(Company("b", "B", x=300, y=0))
    tid = "t" + colour.strip("#")
    if not d.has_flow_type(tid):
        d.add_flow_type(FlowType(tid, tid, colour))
    fid = "f" + tid
    d.add_flow(Flow(fid, "a", "b", tid, 1))
    scene.rebuild()
    return scene.flow_item(fid).label_look[1].color()


def test_the_items_follow_a_change_of_theme(qapp):
    scene = DiagramScene(seed_diagram())
    label = scene.flow_item("f1").label
    assert scene.backgroundBrush().color().name() == "#ffffff"
    scene.set_theme("dark")
    assert scene.theme == "dark" and scene.backgroundBrush().color().name() == THEMES["dark"].background
    label = scene.flow_item("f1").label
    assert contrast_ratio(label.brush().color(), THEMES["dark"].background) < 2      # a dark box...
    assert scene.company_item("nvidia").circle_item().brush().color().lightness() < 160   # dark fills
    with pytest.raises(ValueError, match="theme"):
        scene.set_theme("sepia")


def test_a_view_keeps_its_theme_for_the_next_scene(qapp, qtbot):
    doc = Document(seed_diagram())
    scene = DiagramScene(doc.diagram)
    view = DiagramView(scene, doc)
    qtbot.addWidget(view)
    view.set_theme("dark")
    assert view.theme() == "dark" and scene.theme == "dark"
    other = DiagramScene(Document(seed_diagram()).diagram)
    view.setScene(other)
    assert other.theme == "dark"


def test_an_export_has_its_own_colours_whatever_the_canvas_shows(qapp, tmp_path):
    d = seed_diagram()
    light, dark = tmp_path / "light.png", tmp_path / "dark.png"
    export_image(d, light, width=400)
    export_image(d, dark, width=400, theme="dark")
    assert QImage(str(light)).pixelColor(2, 2).name() == "#ffffff"
    assert QImage(str(dark)).pixelColor(2, 2).name() == THEMES["dark"].background
    with pytest.raises(InputError, match="theme"):
        export_image(d, tmp_path / "x.png", theme="neon")


@pytest.mark.parametrize("size", [(1400, 900), (1024, 700)])
def test_fit_stays_readable_and_the_overview_shows_the_rest(qapp, qtbot, size):
    doc = Document(load(AI_SAMPLE))
    scene = DiagramScene(doc.diagram)
    view = DiagramView(scene, doc)
    qtbot.addWidget(view)
    view.setFixedSize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.zoom_to_fit()
    assert view.smallest_text_px() >= 9.0          # names and amounts can be read
    assert scene.detail.labels_shown
    assert view.minimap.isVisible()                # the map is larger than the window
    view.zoom_to_fit(readable=False)               # the whole map, as far out as it takes
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.diagram_rect()) and view.smallest_text_px() < 9.0
    view.zoom_to_fit()
    before = view.mapToScene(view.viewport().rect()).boundingRect().center()
    mini = view.minimap
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    QTest.mouseClick(mini, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(8, 8))
    after = view.mapToScene(view.viewport().rect()).boundingRect().center()
    assert after.x() < before.x() and after.y() < before.y()       # moved to the top left


def test_a_small_map_fits_whole_without_an_overview(qapp, qtbot):
    doc = Document(seed_diagram())
    scene = DiagramScene(doc.diagram)
    view = DiagramView(scene, doc)
    qtbot.addWidget(view)
    view.setFixedSize(900, 700)
    view.show()
    view.zoom_to_fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.diagram_rect()) and not view.minimap.isVisible()
