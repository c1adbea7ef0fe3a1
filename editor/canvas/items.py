"""Graphics items: a company circle, a flow arrow and its amount label.

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

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPainterPathStroker, QPen, QPolygonF, QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem, QGraphicsItem, QGraphicsLineItem, QGraphicsPathItem, QGraphicsPolygonItem,
    QGraphicsRectItem, QGraphicsSimpleTextItem,
)

from editor.canvas.geometry import ArrowGeometry, head_polygon, line_path
from editor.canvas.style import CanvasStyle, outline, soft_fill

#: below these levels of detail (scene px per screen px) labels / heads are hidden
LOD_TEXT = 0.42
LOD_HEAD = 0.22

Z_FLOW, Z_COMPANY, Z_LABEL, Z_EMPHASIS, Z_LEGEND = 0.0, 10.0, 20.0, 15.0, 30.0

_Selectable = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
#: The selectable item of a company or flow only holds the geometry for hit tests; its children
#: paint. (A stock item that is selected and paints itself adds Qt's dashed selection box.)
_Owner = _Selectable | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def _owner_rect(rect: QRectF) -> QRectF:
    # An owner keeps Qt's default 1 px pen (never drawn; setting another costs a call per item),
    # which widens its bounding box by half a pixel: the rect is that much smaller.
    return rect.adjusted(0.5, 0.5, -0.5, -0.5)
_Behind = QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
_GREY = QColor("#888888")
_NAME_BACKGROUND = QBrush(QColor(255, 255, 255, 215))
_LABEL_BACKGROUND = QBrush(QColor(255, 255, 255, 238))
_WRAP = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)

_PENS: dict[tuple[int, float], QPen] = {}
_BRUSHES: dict[int, QBrush] = {}
_COMPANY_LOOKS: dict[tuple[str, float], tuple[QPen, QBrush]] = {}


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


def _company_look(color: str, lightness: float) -> tuple[QPen, QBrush]:
    look = _COMPANY_LOOKS.get((color, lightness))
    if look is None:
        look = _COMPANY_LOOKS[(color, lightness)] = (QPen(outline(color), 1.6),
                                                     QBrush(soft_fill(color, lightness)))
    return look


def _text_item(parent: QGraphicsItem, text: str, font: QFont, brush: QBrush) -> QGraphicsSimpleTextItem:
    item = QGraphicsSimpleTextItem(text, parent)   # no pen by default: plain filled text
    item.setFont(font)
    item.setBrush(brush)
    return item


def wrapped_lines(text: str, font: QFont, metrics: QFontMetricsF, width: float) -> list[tuple[str, float, float]]:
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


class CompanyItem(QGraphicsRectItem):
    """A company at its position (the centre). This item is what gets selected and hit; it
    paints nothing (its rect, never drawn, is its bounding box). Children paint the circle,
    the name (text lines on a soft white rounded background) and the selection ring."""

    kind = "company"

    def __init__(self, company_id: str, style: CanvasStyle, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.id = company_id
        self._style = style
        self.radius = style.plain_radius
        self.name: str | None = None
        self.export_mode = False
        self._text_rect = QRectF()
        self._shape: QPainterPath | None = None
        self._halo: QGraphicsEllipseItem | None = None
        self._name_rect = QRectF()
        self._circle = QGraphicsEllipseItem(self)
        # the name's box and text lines are made after the scene's build (make_name)
        self._name_box: QGraphicsPathItem | None = None
        self._name_font: tuple[QFont, QFontMetricsF] | None = None
        self._name_shown = True
        self._lines: list[QGraphicsSimpleTextItem] = []
        self.setFlags(_Owner)
        self.setZValue(Z_COMPANY)

    def set_look(self, name: str, radius: float, color: str, font: QFont, metrics: QFontMetricsF) -> None:
        pen, brush = _company_look(color, self._style.fill_lightness)
        self._circle.setPen(pen)
        self._circle.setBrush(brush)
        if radius != self.radius or self._circle.rect().isNull():
            self.radius = radius
            self._circle.setRect(-radius, -radius, 2 * radius, 2 * radius)
            self._place_halo()
        if name != self.name:
            self.name = name
            self._set_name(name, font, metrics)
        if self._name_box is not None:
            self._name_box.setPos(0, radius + 4)
        self._text_rect = self._name_rect.translated(0, radius + 4)
        self._shape = None
        r = radius + 4
        self.setRect(_owner_rect(QRectF(-r, -r, 2 * r, 2 * r).united(self._text_rect.adjusted(-2, -2, 2, 2))))

    def _set_name(self, name: str, font: QFont, metrics: QFontMetricsF) -> None:
        width = self._style.label_max_width
        rect = metrics.boundingRect(QRectF(-width / 2, 0, width, 1000), _WRAP, name)
        rect.moveTop(0)
        self._name_rect = rect
        self._name_font = (font, metrics)
        if self._name_box is not None:
            self._make_name_parts()

    def make_name(self) -> None:
        """Make the name's box and text lines if not there yet."""
        if self._name_box is None and self._name_font is not None:
            self._name_box = QGraphicsPathItem(self)
            self._name_box.setPen(_NO_PEN)
            self._name_box.setBrush(_NAME_BACKGROUND)
            self._name_box.setPos(0, self.radius + 4)
            if not self._name_shown:
                self._name_box.setVisible(False)
            self._make_name_parts()

    def name_made(self) -> bool:
        return self._name_box is not None

    def _make_name_parts(self) -> None:
        font, metrics = self._name_font
        name, rect, width = self.name, self._name_rect, self._style.label_max_width
        box = QPainterPath()
        box.addRoundedRect(rect.adjusted(-3, 0, 3, 0), 3, 3)
        self._name_box.setPath(box)
        for item in self._lines:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        text_brush = solid_brush(QColor(self._style.text_color))
        self._lines = []
        # centred in the box the way a word-wrapped, centre-aligned text block is
        for text, w, top in wrapped_lines(name, font, metrics, width):
            item = _text_item(self._name_box, text, font, text_brush)
            item.setPos(rect.left() + (rect.width() + 1 - w) / 2, top)
            self._lines.append(item)

    def set_name_shown(self, shown: bool) -> None:
        self._name_shown = shown
        if self._name_box is not None:
            self._name_box.setVisible(shown)

    def name_shown(self) -> bool:
        return self._name_shown

    def set_selected_look(self, on: bool) -> None:
        """The blue ring of a selected company (never in export mode)."""
        on = on and not self.export_mode
        if on and self._halo is None:
            self._halo = QGraphicsEllipseItem(self)
            self._halo.setFlag(_Behind)
            self._halo.setPen(QPen(QColor(self._style.selection_color), 3))
            self._halo.setBrush(_NO_BRUSH)
            self._place_halo()
        if self._halo is not None:
            self._halo.setVisible(on)

    def _place_halo(self) -> None:
        if self._halo is not None:
            r = self.radius + 3
            self._halo.setRect(-r, -r, 2 * r, 2 * r)

    def fill(self) -> QBrush:
        return self._circle.brush()

    def label_rect(self) -> QRectF:
        return QRectF(self._text_rect)

    def shape(self) -> QPainterPath:
        # hit area: the circle and the name (only called for hit tests)
        if self._shape is None:
            p = QPainterPath()
            p.addEllipse(QPointF(0, 0), self.radius, self.radius)
            p.addRect(self._text_rect)
            self._shape = p
        return self._shape


class FlowItem(QGraphicsRectItem):
    """A money arrow. This item is what gets selected and hit (a band along the line);
    it paints nothing (its rect, never drawn, is its bounding box). Children paint:
    the line, the filled head and the selection band. The label is a separate item on top.

    The head and the label are made after the scene is built (see DetailMixin): until then
    the item keeps their numbers (head corners, label text, size and place), and asking for
    ``label`` makes it at once."""

    kind = "flow"
    # Defaults on the class: an item sets only what differs (10,000 arrows are built at once).
    _label: FlowLabelItem | None = None
    label_text = ""
    label_look: tuple[QPen, QBrush] | None = None
    label_size = (0.0, 0.0)     # of the label's rounded box
    label_pos = (0.0, 0.0)      # the label's centre
    color = _GREY
    width = 1.5
    emphasis = False
    export_mode = False
    selected_look = False
    _type: str | None = None
    _styled = False
    _halo: QGraphicsPathItem | None = None
    _hit: QPainterPath | None = None
    _partial = False   # the line shows only the part inside a view (a live drag)
    _numbers: tuple | None = None   # (line points, head points) last set by set_arrow
    _pen = QPen(_GREY, 1.5)
    # A straight arrow's line is a line item, a curved one's a path item, made with the
    # first geometry. (Qt keeps a converted copy, ~3 kB, of every path it strokes: for the
    # 70 % of arrows that are straight, a line item saves that, 20-25 MB at 10,000 flows.)
    _line: QGraphicsLineItem | QGraphicsPathItem | None = None
    _head: QGraphicsPolygonItem | None = None
    _head_poly: QPolygonF | tuple = ()
    _head_shown = True

    def __init__(self, flow_id: str, style: CanvasStyle, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.id = flow_id
        self._style = style
        self.setFlags(_Owner)

    # ------------------------------------------------------------ label
    @property
    def label(self) -> FlowLabelItem | None:
        """The amount label (made now if it is not there yet)."""
        if self._label is None:
            scene = self.scene()
            if scene is not None and hasattr(scene, "realize_flow"):
                scene.realize_flow(self)
        return self._label

    def label_made(self) -> bool:
        return self._label is not None

    def place_label(self, x: float, y: float) -> None:
        self.label_pos = (x, y)
        if self._label is not None:
            self._label.setPos(x, y)

    def label_scene_rect(self) -> QRectF:
        """The label's box in the scene, made or not."""
        if self._label is not None:
            return self._label.sceneBoundingRect()
        w, h = self.label_size
        x, y = self.label_pos
        return QRectF(x - w / 2 - 0.5, y - h / 2 - 0.5, w + 1.0, h + 1.0)   # with half the pen

    # ------------------------------------------------------------- look
    def set_look(self, color: QColor, width: float) -> None:
        """``color``: a shared QColor of the flow type."""
        if color is self.color and width == self.width and self._styled:
            return
        self._styled = True
        self.color = color
        self.width = width
        if self._head is not None:
            self._head.setBrush(solid_brush(color))
        self._update_pen()

    def set_emphasis(self, on: bool) -> None:
        self.emphasis = on
        self.setZValue(Z_EMPHASIS if on else Z_FLOW)
        self._update_pen()

    def _line_kind(self, straight: bool) -> QGraphicsLineItem | QGraphicsPathItem:
        """The line item, made a line or a path item as the geometry needs."""
        line = self._line
        if line is None or isinstance(line, QGraphicsLineItem) != straight:
            if line is not None:
                line.setParentItem(None)
                if line.scene() is not None:
                    line.scene().removeItem(line)
            line = self._line = QGraphicsLineItem(self) if straight else QGraphicsPathItem(self)
            line.setPen(self._pen)
        return line

    def _update_pen(self) -> None:
        self._pen = arrow_pen(self.color, self.width + (2.0 if self.emphasis else 0.0))
        if self._line is not None:
            self._line.setPen(self._pen)
        self._hit = None
        if self._halo is not None:
            self._halo.setPen(self._halo_pen())

    # --------------------------------------------------------- geometry
    def set_geometry(self, geo: ArrowGeometry) -> None:
        """Any arrow shape (self-loops); straight and curved arrows go through :meth:`set_arrow`."""
        if geo.points is not None:
            self.set_arrow(geo.points, _head_numbers(geo.head))
            return
        if not self._partial and self._numbers is None and self._line is not None \
                and geo.path == self.path() and geo.head == self.head():
            return
        self._numbers = None
        m = self.width + 8.0
        self._set_full(geo.path.controlPointRect().united(geo.head.boundingRect()).adjusted(-m, -m, m, m),
                       geo.path, geo.head)

    def set_arrow(self, points: tuple, head: tuple) -> None:
        """A straight or curved arrow from plain numbers (see geometry.arrow_parts)."""
        numbers = (points, head)
        if not self._partial and numbers == self._numbers:
            return
        self._numbers = numbers
        xs, ys = points[0::2] + head[0::2], points[1::2] + head[1::2]
        x0, y0 = min(xs), min(ys)
        m = self.width + 7.5   # the owner's rect: see _owner_rect
        self._set_full((x0 - m, y0 - m, max(xs) - x0 + 2 * m, max(ys) - y0 + 2 * m),
                       points if len(points) == 4 else line_path(points), head)

    def _set_full(self, bounds: QRectF | tuple, line: QPainterPath | tuple, head: QPolygonF | tuple) -> None:
        """``bounds``: a rect, or the owner's rect as 4 numbers; ``line``: a path, or the 4
        numbers of a straight line; ``head``: a polygon or 6 numbers."""
        if self._partial:
            self._partial = False
        if isinstance(bounds, tuple):
            self.setRect(*bounds)
        else:
            self.setRect(_owner_rect(bounds))
        if isinstance(line, tuple):
            self._line_kind(True).setLine(*line)
        else:
            self._line_kind(False).setPath(line)
        self._set_head(head)
        self._hit = None
        if self._halo is not None:
            self._halo.setPath(self.path())

    def _set_head(self, head: QPolygonF | tuple) -> None:
        if self._head is None:
            self._head_poly = head   # numbers until the head item is made
        else:
            self._head.setPolygon(head if isinstance(head, QPolygonF) else head_polygon(head))

    def make_head(self) -> None:
        """Make the head item (after the scene's build)."""
        if self._head is None:
            head = self._head_poly
            self._head = QGraphicsPolygonItem(_polygon(head), self)
            self._head.setPen(_NO_PEN)
            self._head.setBrush(solid_brush(self.color))
            self._head.setZValue(1.0)   # above the line, whichever of them was made last
            if not self._head_shown:
                self._head.setVisible(False)
            self._head_poly = ()

    def path(self) -> QPainterPath:
        """The arrow's line."""
        line = self._line
        if line is None:
            return QPainterPath()
        if isinstance(line, QGraphicsLineItem):
            ends = line.line()
            path = QPainterPath(ends.p1())
            path.lineTo(ends.p2())
            return path
        return line.path()

    def set_live_geometry(self, line: QPainterPath, head: QPolygonF) -> None:
        """During a live drag: the (clipped) line and the head; bounding box and hit area wait
        for :meth:`set_geometry` at the end of the drag."""
        n = line.elementCount()
        if isinstance(self._line, QGraphicsLineItem) and n in (0, 2):   # a straight line cut is straight
            if n:
                a, b = line.elementAt(0), line.elementAt(1)
                self._line.setLine(a.x, a.y, b.x, b.y)
            else:
                self._line.setLine(0.0, 0.0, 0.0, 0.0)
        else:
            self._line_kind(False).setPath(line)
        self._set_head(head)
        if self._halo is not None:
            self._halo.setPath(line)
        self._partial = True

    def head(self) -> QPolygonF:
        if self._head is not None:
            return self._head.polygon()
        return QPolygonF(_polygon(self._head_poly))

    def set_head_shown(self, shown: bool) -> None:
        self._head_shown = shown
        if self._head is not None:
            self._head.setVisible(shown)

    def head_shown(self) -> bool:
        return self._head_shown

    def set_selected_look(self, on: bool) -> None:
        """A soft blue band along a selected arrow, a blue border on its label (not in export mode)."""
        on = on and not self.export_mode
        if on and self._halo is None:
            self._halo = QGraphicsPathItem(self.path(), self)
            self._halo.setFlag(_Behind)
            self._halo.setPen(self._halo_pen())
        if self._halo is not None:
            self._halo.setVisible(on)
        self.selected_look = on
        if self._label is not None:
            self._label.set_selected_look(on)

    def line_pen(self) -> QPen:
        return self._pen

    def _halo_pen(self) -> QPen:
        color = QColor(self._style.selection_color)
        color.setAlpha(90)
        pen = QPen(color, self._pen.widthF() + 6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        return pen

    def shape(self) -> QPainterPath:
        # a band wider than thin arrows, so they are easy to click (only called for hit tests)
        if self._hit is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(max(self.width + 6.0, 9.0))
            p = stroker.createStroke(self.path())
            p.addPolygon(self.head())
            self._hit = p
        return self._hit


def _polygon(head: QPolygonF | tuple) -> QPolygonF:
    """A head as a polygon, from a polygon or 6 numbers (none yet: empty)."""
    if isinstance(head, QPolygonF):
        return head
    return head_polygon(head) if head else QPolygonF()


def _head_numbers(head: QPolygonF) -> tuple:
    return tuple(v for i in range(head.size()) for v in (head.at(i).x(), head.at(i).y()))


_WIDTHS: dict[tuple[int, str], float] = {}
_LABEL_PATHS: dict[tuple[float, float], QPainterPath] = {}


def _label_path(rect: QRectF) -> QPainterPath:
    """The rounded background of a label, shared by all labels of the same size."""
    key = (rect.width(), rect.height())
    p = _LABEL_PATHS.get(key)
    if p is None:
        if len(_LABEL_PATHS) > 5000:
            _LABEL_PATHS.clear()
        p = _LABEL_PATHS[key] = QPainterPath()
        p.addRoundedRect(rect, 4, 4)
    return p


def text_width(metrics: QFontMetricsF, text: str) -> float:
    key = (id(metrics), text)
    w = _WIDTHS.get(key)
    if w is None:
        if len(_WIDTHS) > 50000:
            _WIDTHS.clear()
        w = _WIDTHS[key] = metrics.horizontalAdvance(text)
    return w


class FlowLabelItem(QGraphicsPathItem):
    """The amount of a flow on a small white rounded background (this path item) with the
    text as a child, centred on the arrow's middle."""

    kind = "flow_label"

    def __init__(self, flow: FlowItem, style: CanvasStyle, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.id = flow.id
        flow._label = self
        self._style = style
        self.text = ""
        self.marker = ""
        self.export_mode = False
        self._rect = QRectF()
        self._pen = _NO_PEN
        self._selected = False
        self._text_item: QGraphicsSimpleTextItem | None = None
        self._font: QFont | None = None
        self._marker_item: QGraphicsSimpleTextItem | None = None
        self.setBrush(_LABEL_BACKGROUND)
        self.setZValue(Z_LABEL)

    def set_text(self, text: str, look: tuple[QPen, QBrush], metrics: QFontMetricsF, font: QFont,
                 realize: bool = True) -> None:
        """``look``: (border pen, text brush) of the flow's colour, shared by all labels of a type.
        ``realize=False`` leaves the text item to :meth:`realize` (a scene builds thousands of
        labels that the view may not show yet)."""
        self._pen, self._text_brush = look
        self._font = font
        if text != self.text or self._rect.isNull():
            self.text = text
            w = text_width(metrics, text)
            h = metrics.height()
            self._rect = QRectF(-w / 2 - 5, -h / 2 - 2, w + 10, h + 4)
            self._text_pos = QPointF(-w / 2, -h / 2)
            self.setPath(_label_path(self._rect))
            if self._text_item is not None:
                self._text_item.setText(text)
                self._text_item.setPos(self._text_pos)
            self._place_marker()
        if self._text_item is not None:
            self._text_item.setBrush(self._text_brush)
        elif realize:
            self.realize()
        self._apply_pen()

    def realize(self) -> None:
        """Create the text item if it is not there yet."""
        if self._text_item is None and self._font is not None:
            self._text_item = _text_item(self, self.text, self._font, self._text_brush)
            self._text_item.setPos(self._text_pos)

    def realized(self) -> bool:
        return self._text_item is not None

    def set_selected_look(self, on: bool) -> None:
        self._selected = on
        self._apply_pen()

    def _apply_pen(self) -> None:
        if self._selected:
            self.setPen(QPen(QColor(self._style.selection_color), 1.6))
        else:
            self.setPen(self._pen)

    def set_marker(self, marker: str, font: QFont | None = None) -> None:
        """A small footnote number next to the label ("" removes it)."""
        self.marker = marker
        if not marker:
            if self._marker_item is not None:
                self._marker_item.setVisible(False)
            return
        if self._marker_item is None:
            s = self._style
            self._marker_item = _text_item(self, marker, font or s.font(8.5, bold=True),
                                           solid_brush(QColor(s.muted_text_color)))
        self._marker_item.setText(marker)
        self._marker_item.setVisible(True)
        self._place_marker()

    def _place_marker(self) -> None:
        m = self._marker_item
        if m is not None:
            h = m.boundingRect().height()
            m.setPos(self._rect.right() + 1, self._rect.top() - 6 + (12 - h) / 2)

    def marker_rect(self) -> QRectF:
        """The footnote number's rectangle in scene coordinates (empty without one)."""
        if not self.marker or self._marker_item is None:
            return QRectF()
        return self._marker_item.sceneBoundingRect()

    def size(self) -> QSizeF:
        return self._rect.size()


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
