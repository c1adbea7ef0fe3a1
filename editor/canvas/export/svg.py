"""The diagram of an SVG export, written element by element so a web page can use it.

Each company is a group ``id="company-<id>"``, each arrow ``id="flow-<id>"`` and each amount
label ``id="label-<flow id>"``, each with a ``<title>`` (a browser's tooltip: the company's
name, or the flow's ends, amount and type) and classes by flow type and category
(``flow type-equity``, ``company category-chipmaker``), so a newsroom can restyle or script
the graphic. Geometry comes from the export's scene (the same placement as the canvas):
arrows as paths, heads as polygons, companies as circles, label and name boxes as rects.
Title, legend and sources around it are drawn by QSvgGenerator (see image.py).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsSimpleTextItem

from editor.i18n import QT_TRANSLATE_NOOP, translate_in

if TYPE_CHECKING:
    from editor.canvas.company_item import CompanyItem
    from editor.canvas.flow_items import FlowItem
    from editor.canvas.scene import DiagramScene


def _n(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") if x == x else "0"


def css_name(text: str) -> str:
    """``text`` as one word for an id or a class (whitespace and quotes become "_")."""
    return re.sub(r"[\s\"'<>&]", "_", text) or "_"


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (as xml.sax.saxutils.escape, whose import pulls in
    urllib and http: 40 ms at the app's start, since the export dialog imports this module)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """``text`` as a quoted attribute value (as xml.sax.saxutils.quoteattr)."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    quoted = text.replace('"', "&quot;")
    return f'"{quoted}"'


def _paint(color: QColor, what: str) -> str:
    """``fill="#rrggbb"`` (or stroke) with its opacity when not opaque."""
    if color.alpha() == 0:
        return f'{what}="none"'
    out = f'{what}="{color.name()}"'
    if color.alpha() < 255:
        out += f' {what}-opacity="{_n(color.alphaF())}"'
    return out


def _stroke(pen: QPen) -> str:
    if pen.style().name == "NoPen":
        return 'stroke="none"'
    out = f'{_paint(pen.color(), "stroke")} stroke-width="{_n(pen.widthF())}"'
    pattern = pen.dashPattern() if pen.style().name != "SolidLine" else []
    if pattern:
        out += ' stroke-dasharray="' + " ".join(_n(p * pen.widthF()) for p in pattern) + '"'
    cap = {"FlatCap": "butt", "RoundCap": "round", "SquareCap": "square"}.get(pen.capStyle().name, "butt")
    return out + f' stroke-linecap="{cap}"'


def path_data(path: QPainterPath) -> str:
    """SVG path data of a QPainterPath (its moves, lines and cubic curves)."""
    out: list[str] = []
    i, n = 0, path.elementCount()
    while i < n:
        e = path.elementAt(i)
        if e.isMoveTo():
            out.append(f"M{_n(e.x)} {_n(e.y)}")
        elif e.isLineTo():
            out.append(f"L{_n(e.x)} {_n(e.y)}")
        elif e.isCurveTo():
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(f"C{_n(e.x)} {_n(e.y)} {_n(c2.x)} {_n(c2.y)} {_n(end.x)} {_n(end.y)}")
            i += 2
        i += 1
    return " ".join(out)


def _texts(item: QGraphicsItem, anchor_middle: bool = True) -> list[str]:
    """The visible text children of ``item`` as <text> elements at their scene places."""
    out = []
    for child in item.childItems():
        if not isinstance(child, QGraphicsSimpleTextItem) or not child.isVisible() or not child.text():
            continue
        box = child.sceneBoundingRect()
        font = child.font()
        px = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
        ascent = QFontMetricsF(font).ascent()
        weight = ' font-weight="bold"' if font.bold() else ""
        x = box.center().x() if anchor_middle else box.left()
        anchor = ' text-anchor="middle"' if anchor_middle else ""
        out.append(f'<text x="{_n(x)}" y="{_n(box.top() + ascent)}" font-size="{_n(px)}"{weight}{anchor} '
                   f'{_paint(child.brush().color(), "fill")}>{escape(child.text())}</text>')
    return out


def _rect(box: QRectF, rx: float, fill: QColor, pen: QPen, cls: str) -> str:
    return (f'<rect class="{cls}" x="{_n(box.left())}" y="{_n(box.top())}" width="{_n(box.width())}" '
            f'height="{_n(box.height())}" rx="{_n(rx)}" {_paint(fill, "fill")} {_stroke(pen)}/>')


def _company(scene: DiagramScene, item: CompanyItem) -> str:
    c = scene.diagram.company(item.id)
    circle = item.circle_item()
    x, y, r = item.x(), item.y(), item.radius
    parts = [f'<g id={quoteattr("company-" + css_name(c.id))} '
             f'class={quoteattr("company category-" + css_name(c.category))} '
             f'data-name={quoteattr(c.name)}>',
             f"<title>{escape(c.name)}</title>",
             f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" {_paint(circle.brush().color(), "fill")} '
             f'{_stroke(circle.pen())}/>']
    box = item.name_box_item()
    if box is not None and box.isVisible():
        parts.append(_rect(box.sceneBoundingRect(), 3, box.brush().color(), box.pen(), "name"))
        parts += _texts(box)
    parts.append("</g>")
    return "".join(parts)


#: a flow's tooltip in a web SVG says this when its amount is unknown (in the captions' language)
AMOUNT_UNKNOWN = QT_TRANSLATE_NOOP("ExportPage", "amount unknown")


def flow_title(scene: DiagramScene, fid: str, amount: str) -> str:
    d = scene.diagram
    f = d.flow(fid)
    kind = d.flow_type(f.type).name if d.has_flow_type(f.type) else f.type
    unknown = translate_in(scene.style.language, "ExportPage", AMOUNT_UNKNOWN)
    return f"{d.company(f.source).name} → {d.company(f.target).name}: {amount or unknown} ({kind})"


def _flow(scene: DiagramScene, item: FlowItem) -> tuple[str, str]:
    """The arrow's group and its label's group."""
    f = scene.diagram.flow(item.id)
    label = item.label
    text = label.text if label is not None else item.label_text
    title = escape(flow_title(scene, item.id, text))
    type_class = "type-" + css_name(f.type)
    data = f'data-source={quoteattr(f.source)} data-target={quoteattr(f.target)}'
    if f.amount is not None:
        data += f' data-amount="{_n(f.amount)}"'
    pen = item.line_pen()
    arrow = [f'<g id={quoteattr("flow-" + css_name(f.id))} class={quoteattr("flow " + type_class)} {data}>',
             f"<title>{title}</title>",
             f'<path d="{path_data(item.path())}" fill="none" {_stroke(pen)}/>']
    if item.head_shown():
        head = item.head()
        points = " ".join(f"{_n(head.at(i).x())},{_n(head.at(i).y())}" for i in range(head.size()))
        arrow.append(f'<polygon points="{points}" {_paint(pen.color(), "fill")}/>')
    arrow.append("</g>")
    if label is None or not label.isVisible():
        return "".join(arrow), ""
    box = label.path().boundingRect().translated(label.scenePos())
    parts = [f'<g id={quoteattr("label-" + css_name(f.id))} class={quoteattr("label " + type_class)}>',
             f"<title>{title}</title>",
             _rect(box, 4, label.brush().color(), label.pen(), "box"),
             *_texts(label), "</g>"]
    return "".join(arrow), "".join(parts)


def _ellipse(item: QGraphicsEllipseItem) -> str:
    box = item.mapRectToScene(item.rect())
    c = box.center()
    return (f'<ellipse cx="{_n(c.x())}" cy="{_n(c.y())}" rx="{_n(box.width() / 2)}" '
            f'ry="{_n(box.height() / 2)}" {_paint(item.brush().color(), "fill")} {_stroke(item.pen())}/>')


def _stress_marks(scene: DiagramScene) -> str:
    """The stress test's marks, when shown: rings and round badges of companies in default, the
    veil and red dashes over the unpaid end of arrows (one group, ``id="stress"``)."""
    marks = scene.stress
    if marks.overlay is None:
        return ""
    parts = ['<g id="stress" class="stress">']
    for fid in marks.marked_flows():
        items = marks.unpaid_items(fid)
        if items is None:
            continue
        for path_item in items:
            if path_item.isVisible():
                d = path_data(path_item.mapToScene(path_item.path()))
                parts.append(f'<path class="unpaid" data-flow={quoteattr(fid)} d="{d}" fill="none" '
                             f'{_stroke(path_item.pen())}/>')
    for cid, round_ in marks.marked_companies().items():
        ring_and_text, badge = marks.default_items(cid), marks.badge_item(cid)
        if ring_and_text is None or badge is None:
            continue
        parts.append(f'<g class="default" data-company={quoteattr(cid)} data-round="{round_}">'
                     + _ellipse(ring_and_text[0]) + _ellipse(badge) + "".join(_texts(badge)) + "</g>")
    parts.append("</g>")
    return "".join(parts)


def diagram_group(scene: DiagramScene, source: QRectF, target: QRectF) -> str:
    """The visible companies, arrows and labels of ``scene`` as one SVG group, ``source``
    (scene coordinates) fitted into ``target`` (page coordinates) keeping its proportions."""
    k = min(target.width() / source.width(), target.height() / source.height()) if source.width() \
        and source.height() else 1.0
    tx = target.left() + (target.width() - source.width() * k) / 2 - source.left() * k
    ty = target.top() + (target.height() - source.height() * k) / 2 - source.top() * k
    family = scene.style.font_family
    arrows, labels = [], []
    for item in scene.index.flows.values():
        if item.isVisible():
            arrow, label = _flow(scene, item)
            arrows.append(arrow)
            if label:
                labels.append(label)
    companies = [_company(scene, c) for c in scene.index.companies.values() if c.isVisible()]
    return (f'<g id="diagram" transform="translate({_n(tx)} {_n(ty)}) scale({_n(k)})" '
            f'font-family={quoteattr(family)}>\n'
            '<g id="flows">\n' + "\n".join(arrows) + "\n</g>\n"
            '<g id="companies">\n' + "\n".join(companies) + "\n</g>\n"
            '<g id="labels">\n' + "\n".join(labels) + "\n</g>\n"
            + _stress_marks(scene) + "</g>\n")


def insert_diagram(svg: bytes, group: str) -> bytes:
    """``group`` added as the last drawing of the SVG document ``svg``."""
    text = svg.decode("utf-8")
    at = text.rfind("</svg>")
    if at < 0:
        raise ValueError("not an SVG document")
    return (text[:at] + group + text[at:]).encode("utf-8")
