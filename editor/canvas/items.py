"""Graphics items: a company circle, a flow arrow and its amount label.

Items know an id and what they need to paint; they never read or change the
model. The scene computes their geometry (on model events or during a live
drag) and hands it over; ``paint()`` only draws what is cached.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF,
    QStaticText, QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyle

from .geometry import ArrowGeometry
from .style import CanvasStyle, outline, soft_fill

#: below these levels of detail (scene px per screen px) labels / heads are skipped
LOD_TEXT = 0.42
LOD_HEAD = 0.22

Z_FLOW, Z_COMPANY, Z_LABEL, Z_EMPHASIS, Z_LEGEND = 0.0, 10.0, 20.0, 15.0, 30.0

_Selectable = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_GREY = QColor("#888888")
_NAME_BACKGROUND = QColor(255, 255, 255, 215)


class CompanyItem(QGraphicsItem):
    """A circle at the company's position (its centre) with the name under it."""

    kind = "company"

    def __init__(self, company_id: str, style: CanvasStyle) -> None:
        super().__init__()
        self.id = company_id
        self._style = style
        self.radius = style.plain_radius
        self.name = ""
        self._fill = QBrush(QColor("#dddddd"))
        self._pen = QPen(QColor("#888888"), 1.4)
        self._text = QStaticText()
        self._text_rect = QRectF()
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self.export_mode = False
        self._text_pen = QPen(QColor(style.text_color))
        self._halo_pen = QPen(QColor(style.selection_color), 3)
        self.setFlags(_Selectable)
        self.setZValue(Z_COMPANY)

    def set_look(self, name: str, radius: float, color: str, font, metrics: QFontMetricsF) -> None:
        self.prepareGeometryChange()
        self.name, self.radius = name, radius
        self._fill = QBrush(soft_fill(color, self._style.fill_lightness))
        self._pen = QPen(outline(color), 1.6)
        width = self._style.label_max_width
        rect = metrics.boundingRect(QRectF(-width / 2, 0, width, 1000),
                                    int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap), name)
        rect.moveTop(radius + 4)
        self._text_rect = rect
        text = QStaticText(name)
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        text.setTextOption(option)
        text.setTextWidth(rect.width() + 1)
        text.prepare(font=font)
        self._text = text
        r = radius + 4
        self._bounds = QRectF(-r, -r, 2 * r, 2 * r).united(rect.adjusted(-2, -2, 2, 2))
        self._shape = None
        self.update()

    def label_rect(self) -> QRectF:
        return QRectF(self._text_rect)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            p = QPainterPath()
            p.addEllipse(QPointF(0, 0), self.radius, self.radius)
            p.addRect(self._text_rect)
            self._shape = p
        return self._shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        r = self.radius
        if self.isSelected() and not self.export_mode:
            painter.setPen(self._halo_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 3, r + 3)
        painter.setPen(self._pen)
        painter.setBrush(self._fill)
        painter.drawEllipse(QPointF(0, 0), r, r)
        if lod >= LOD_TEXT:
            painter.setPen(_NO_PEN)
            painter.setBrush(_NAME_BACKGROUND)
            painter.drawRoundedRect(self._text_rect.adjusted(-3, 0, 3, 0), 3, 3)
            painter.setFont(self._style.company_font())
            painter.setPen(self._text_pen)
            painter.drawStaticText(self._text_rect.topLeft(), self._text)


_PENS: dict[tuple[int, float], QPen] = {}


def arrow_pen(color: QColor, width: float) -> QPen:
    """A shared pen per colour and width (rounded to a quarter pixel)."""
    key = (color.rgba(), round(width * 4) / 4)
    pen = _PENS.get(key)
    if pen is None:
        pen = QPen(color, key[1], Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)
        _PENS[key] = pen
    return pen


class FlowItem(QGraphicsItem):
    """A money arrow: a cached path, a filled head; the label is a separate item on top."""

    kind = "flow"

    def __init__(self, flow_id: str, style: CanvasStyle) -> None:
        super().__init__()
        self.id = flow_id
        self._style = style
        self.label: FlowLabelItem | None = None
        self.color = _GREY
        self.width = 1.5
        self.emphasis = False
        self.export_mode = False
        self._pen = _NO_PEN
        self._path = QPainterPath()
        self._head = QPolygonF()
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self.setFlags(_Selectable)

    def set_look(self, color: QColor, width: float) -> None:
        """``color``: a shared QColor of the flow type."""
        if color is self.color and width == self.width and self._pen is not _NO_PEN:
            return
        self.color = color
        self.width = width
        self._update_pen()
        self.update()

    def set_emphasis(self, on: bool) -> None:
        self.emphasis = on
        self.setZValue(Z_EMPHASIS if on else Z_FLOW)
        self._update_pen()
        self.update()

    def _update_pen(self) -> None:
        self._pen = arrow_pen(self.color, self.width + (2.0 if self.emphasis else 0.0))

    def set_geometry(self, geo: ArrowGeometry) -> None:
        self.prepareGeometryChange()
        self._path = geo.path
        self._head = geo.head
        m = self.width + 8.0
        self._bounds = geo.path.controlPointRect().united(geo.head.boundingRect()).adjusted(-m, -m, m, m)
        self._shape = None

    def path(self) -> QPainterPath:
        return QPainterPath(self._path)

    def head(self) -> QPolygonF:
        return QPolygonF(self._head)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(max(self.width + 6.0, 9.0))
            p = stroker.createStroke(self._path)
            p.addPolygon(self._head)
            self._shape = p
        return self._shape

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self.isSelected() and not self.export_mode:
            color = QColor(self._style.selection_color)
            color.setAlpha(90)
            halo = QPen(color, self._pen.widthF() + 6)
            halo.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(halo)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._path)
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        if lod >= LOD_HEAD:
            painter.setPen(_NO_PEN)
            painter.setBrush(self.color)
            painter.drawPolygon(self._head)


_WIDTHS: dict[tuple[int, str], float] = {}


def _text_width(metrics: QFontMetricsF, text: str) -> float:
    key = (id(metrics), text)
    w = _WIDTHS.get(key)
    if w is None:
        if len(_WIDTHS) > 50000:
            _WIDTHS.clear()
        w = _WIDTHS[key] = metrics.horizontalAdvance(text)
    return w


class FlowLabelItem(QGraphicsItem):
    """The amount of a flow on a small white rounded background, centred on the arrow's middle."""

    kind = "flow_label"
    _BACKGROUND = QColor(255, 255, 255, 238)

    def __init__(self, flow: FlowItem, style: CanvasStyle) -> None:
        super().__init__()
        self.flow = flow
        self.id = flow.id
        flow.label = self
        self._style = style
        self.text = ""
        self.marker = ""
        self.export_mode = False
        self._rect = QRectF()
        self._bounds = QRectF()
        self.setZValue(Z_LABEL)

    def set_text(self, text: str, pens: tuple[QPen, QPen], metrics: QFontMetricsF) -> None:
        """``pens``: (border, text) pens of the flow's colour, shared by all labels of a type."""
        self.prepareGeometryChange()
        self.text = text
        w = _text_width(metrics, text)
        h = metrics.height()
        self._rect = QRectF(-w / 2 - 5, -h / 2 - 2, w + 10, h + 4)
        self._pen, self._text_pen = pens
        self._update_bounds()

    def set_marker(self, marker: str, font=None) -> None:
        self.prepareGeometryChange()
        self.marker = marker
        self._update_bounds()
        self.update()

    def _update_bounds(self) -> None:
        extra = 8.0 * len(self.marker) + 4 if self.marker else 0.0
        self._bounds = self._rect.adjusted(-1, -1 - (4 if extra else 0), 1 + extra, 1)

    def size(self) -> QSizeF:
        return self._rect.size()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        p = QPainterPath()
        p.addRect(self._rect)
        return p

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not self.text or option.levelOfDetailFromTransform(painter.worldTransform()) < LOD_TEXT:
            return
        s = self._style
        selected = self.flow.isSelected() and not self.export_mode
        painter.setPen(QPen(QColor(s.selection_color), 1.6) if selected else self._pen)
        painter.setBrush(self._BACKGROUND)
        painter.drawRoundedRect(self._rect, 4, 4)
        painter.setFont(s.amount_font())
        painter.setPen(self._text_pen)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)
        if self.marker:
            painter.setFont(s.font(8.5, bold=True))
            painter.setPen(QColor(s.muted_text_color))
            painter.drawText(QRectF(self._rect.right() + 1, self._rect.top() - 6, 30, 12),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.marker)


def owner_of(item: QGraphicsItem | None) -> tuple[str, str] | None:
    """(kind, id) of the company or flow that a hit item belongs to: ('company', id) or ('flow', id)."""
    while item is not None:
        kind = getattr(item, "kind", None)
        if kind == "company":
            return ("company", item.id)
        if kind in ("flow", "flow_label"):
            return ("flow", item.id)
        item = item.parentItem()
    return None
