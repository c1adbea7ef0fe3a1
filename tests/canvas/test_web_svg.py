"""The SVG export is ready for the web: groups by id, titles for tooltips, classes by type and
category, and the same label places as the canvas."""
from __future__ import annotations

from pathlib import Path

import pytest
from defusedxml import ElementTree

from editor.canvas import DiagramScene
from editor.canvas.export.image import export_image
from editor.io.native import load

SVG = "{http://www.w3.org/2000/svg}"
SAMPLES = Path(__file__).resolve().parents[2] / "editor" / "data" / "samples"
AI_SAMPLE = SAMPLES / "ai-money-machine-2025.roundtrip"


@pytest.fixture
def ai_svg(qapp, tmp_path):
    d = load(AI_SAMPLE)
    out = tmp_path / "ai.svg"
    export_image(d, out)
    return d, ElementTree.parse(out).getroot()


def _groups(root) -> dict[str, object]:
    return {g.get("id"): g for g in root.iter(SVG + "g") if g.get("id")}


def test_every_company_flow_and_label_is_a_group_with_a_title(ai_svg):
    d, root = ai_svg
    groups = _groups(root)
    for c in d.companies():
        g = groups[f"company-{c.id}"]
        assert g.find(SVG + "title").text == c.name
        assert g.get("class") == f"company category-{c.category}"
        assert g.find(SVG + "circle") is not None
    for f in d.flows():
        arrow, label = groups[f"flow-{f.id}"], groups[f"label-{f.id}"]
        title = arrow.find(SVG + "title").text
        assert title.startswith(f"{d.company(f.source).name} → {d.company(f.target).name}: ")
        assert title.endswith(f"({d.flow_type(f.type).name})")
        assert arrow.get("class") == f"flow type-{f.type}" and label.get("class") == f"label type-{f.type}"
        assert arrow.get("data-source") == f.source and arrow.get("data-target") == f.target
        assert arrow.find(SVG + "path").get("d").startswith("M")
        assert label.find(SVG + "title").text == title
        text = "".join(label.find(SVG + "text").itertext())
        assert text and text in title                      # the amount as on the canvas


def test_the_file_draws_the_diagram_once_and_keeps_title_and_legend(ai_svg):
    d, root = ai_svg
    texts = " ".join("".join(t.itertext()) for t in root.iter(SVG + "text"))
    assert d.metadata.title in texts and "MONEY FLOWS" in texts.upper()
    groups = _groups(root)
    assert sum(1 for k in groups if k.startswith("company-")) == len(d.companies())
    assert sum(1 for k in groups if k.startswith("label-")) == len(d.flows())


def test_labels_in_the_svg_sit_where_the_canvas_puts_them(ai_svg):
    d, root = ai_svg
    scene = DiagramScene(d)
    diagram = _groups(root)["diagram"]
    k = float(diagram.get("transform").split("scale(")[1].rstrip(")"))
    canvas = {f.id: f.label_pos for f in scene.flow_items()}
    boxes = {}
    for g in diagram.iter(SVG + "g"):
        if (gid := g.get("id", "")).startswith("label-"):
            r = g.find(SVG + "rect")
            boxes[gid[6:]] = (float(r.get("x")) + float(r.get("width")) / 2,
                              float(r.get("y")) + float(r.get("height")) / 2)
    assert k > 0 and set(boxes) == set(canvas)
    for fid, (x, y) in boxes.items():               # the same scene coordinates, before the transform
        assert x == pytest.approx(canvas[fid][0], abs=0.02) and y == pytest.approx(canvas[fid][1], abs=0.02)


def test_ids_with_spaces_stay_one_word(qapp, tmp_path):
    from editor.model import Company, Diagram, Flow

    d = Diagram()
    d.add_company(Company("big co", "Big & Co <1>", x=0, y=0))
    d.add_company(Company("b", "B", x=300, y=0))
    d.add_flow(Flow("f 1", "big co", "b", "equity", 5))
    out = tmp_path / "x.svg"
    export_image(d, out)
    groups = _groups(ElementTree.parse(out).getroot())
    assert groups["company-big_co"].find(SVG + "title").text == "Big & Co <1>"
    assert "flow-f_1" in groups and "label-f_1" in groups
