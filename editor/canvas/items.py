"""What the graphics items share: pens, brushes, z-values, levels of detail, text helpers.

The items themselves: a company circle in ``company_item.py``, a flow arrow and its
amount label in ``flow_items.py``.

Items know an id and what they need to paint; they never read or change the
model. The scene computes their geometry (on model events or during a live
drag) and hands it over.

Every item is a stock Qt item (ellipse, path, polygon, simple text) with a pen
and a brush: Qt paints them in C++ without calling back into Python, which is
what keeps a repaint of 10,000 arrows affordable. Looks change through
``setPen``/``setBrush``/``setVisible`` (selection, emphasis, level of detail),
never through paint logic.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSimpleTextItem,
)

#: below these levels of detail (scene px per screen px) labels / heads are hidden
LOD_TEXT = 0.42
LOD_HEAD = 0.22

Z_FLOW, Z_COMPANY, Z_LABEL, Z_EMPHASIS, Z_LEGEND = 0.0, 10.0, 20.0, 15.0, 30.0

SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
#: The selectable item of a company or flow only holds the geometry for hit tests; its children
#: paint. (A stock item that is selected and paints itself adds Qt's dashed selection box.)
OWNER_FLAGS = SELECTABLE | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def owner_rect(rect: QRectF) -> QRectF:
    # An owner keeps Qt's default 1 px pen (never drawn; setting another costs a call per item),
    # which widens its bounding box by half a pixel: the rect is that much smaller.
    return rect.adjusted(0.5, 0.5, -0.5, -0.5)


BEHIND = QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent
NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
GREY = QColor("#888888")

_PENS: dict[tuple[int, float], QPen] = {}
_BRUSHES: dict[int, QBrush] = {}


def arrow_pen(color: QColor, width: float) -> QPen:
    """A shared pen per colour and width (rounded to a quarter pixel)."""
    key = (color.rgba(), round(width * 4) / 4)
    pen = _PENS.get(key)
    if pen is None:
        pen = QPen(color, key[1], Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)
        _PENS[key] = pen
    return pen


def solid_brush(color: QColor) -> QBrush:
    brush = _BRUSHES.get(color.rgba())
    if brush is None:
        brush = _BRUSHES[color.rgba()] = QBrush(color)
    return brush




_BOX_BRUSHES: dict[tuple[int, ...], QBrush] = {}


def box_brush(rgba: tuple[int, int, int, int]) -> QBrush:
    """A shared brush for the box behind a text (see CanvasStyle.name_background)."""
    brush = _BOX_BRUSHES.get(rgba)
    if brush is None:
        brush = _BOX_BRUSHES[rgba] = QBrush(QColor(*rgba))
    return brush


def text_item(parent: QGraphicsItem, text: str, font: QFont, brush: QBrush) -> QGraphicsSimpleTextItem:
    item = QGraphicsSimpleTextItem(text, parent)   # no pen by default: plain filled text
    item.setFont(font)
    item.setBrush(brush)
    return item


def wrapped_lines(text: str, font: QFont, metrics: QFontMetricsF,
                  width: float) -> list[tuple[str, float, float]]:
    """(line text, natural width, top) of ``text`` word-wrapped at ``width`` pixels."""
    if "\n" not in text and metrics.horizontalAdvance(text) <= width:
        return [(text, metrics.horizontalAdvance(text), 0.0)]
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines, y = [], 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        part = text[line.textStart():line.textStart() + line.textLength()].strip()
        lines.append((part, metrics.horizontalAdvance(part), y))
        y += line.height()
    layout.endLayout()
    return lines


def owner_of(item: QGraphicsItem | None) -> tuple[str, str] | None:
    """(kind, id) of the company or flow that a hit item belongs to: ('company', id) or ('flow', id)."""
    while item is not None:
        kind = getattr(item, "kind", None)
        if kind == "company":
            return ("company", getattr(item, "id"))  # noqa: B009 (an attribute of the canvas's items)
        if kind in ("flow", "flow_label"):
            return ("flow", getattr(item, "id"))  # noqa: B009
        item = item.parentItem()
    return None
