"""The graphics items of a flow: the arrow (line, head, selection band) and its amount label
(see items.py for what items share)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from editor.canvas.geometry import ArrowGeometry, head_polygon, line_path
from editor.canvas.items import (
    BEHIND,
    GREY,
    NO_PEN,
    OWNER_FLAGS,
    Z_EMPHASIS,
    Z_FLOW,
    Z_LABEL,
    arrow_pen,
    box_brush,
    owner_rect,
    solid_brush,
    text_item,
)
from editor.canvas.style import CanvasStyle


class FlowItem(QGraphicsRectItem):
    """A money arrow. This item is what gets selected and hit (a band along the line);
    it paints nothing (its rect, never drawn, is its bounding box). Children paint:
    the line, the filled head and the selection band. The label is a separate item on top.

    The head and the label are made after the scene is built (see detail.py): until then
    the item keeps their numbers (head corners, label text, size and place), and asking for
    ``label`` makes it at once."""

    kind = "flow"
    # Defaults on the class: an item sets only what differs (10,000 arrows are built at once).
    _label: FlowLabelItem | None = None
    label_text = ""
    label_look: tuple[QPen, QBrush] | None = None
    label_size = (0.0, 0.0)     # of the label's rounded box
    label_pos = (0.0, 0.0)      # the label's centre
    label_extra = 0.0           # width of a source marker beside the label (see marks.py)
    color = GREY
    width = 1.5
    emphasis = False
    export_mode = False
    selected_look = False
    #: the flow type it is drawn with (set by the scene)
    type_id: str | None = None
    _styled = False
    _halo: QGraphicsPathItem | None = None
    _hit: QPainterPath | None = None
    _partial = False   # the line shows only the part inside a view (a live drag)
    _numbers: tuple | None = None   # (line points, head points) last set by set_arrow
    _pen = QPen(GREY, 1.5)
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
        self.setFlags(OWNER_FLAGS)

    # ------------------------------------------------------------ label
    @property
    def label(self) -> FlowLabelItem | None:
        """The amount label (made now if it is not there yet)."""
        if self._label is None:
            scene = self.scene()
            if scene is not None and hasattr(scene, "realize_flow"):
                scene.realize_flow(self)
        return self._label

    @property
    def made_label(self) -> FlowLabelItem | None:
        """The amount label if it is made (None: not yet; ``label`` makes it)."""
        return self._label

    @property
    def styled(self) -> bool:
        """It has been given a look (colour and width) at least once."""
        return self._styled

    def label_made(self) -> bool:
        return self._label is not None

    def place_label(self, x: float, y: float) -> None:
        self.label_pos = (x, y)
        if self._label is not None:
            self._label.setPos(x, y)

    def line_points(self) -> tuple | None:
        """The numbers of the arrow's line (see geometry.arrow_parts); None for a loop."""
        return None if self._numbers is None else self._numbers[0]

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
                line.setParentItem(None)  # type: ignore[arg-type]  # (the stubs forget that None unparents)
                if (scene := line.scene()) is not None:
                    scene.removeItem(line)
            line = self._line = QGraphicsLineItem(self) if straight else QGraphicsPathItem(self)
            line.setPen(self._pen)
        return line

    def _straight_line(self) -> QGraphicsLineItem:
        line = self._line_kind(True)
        assert isinstance(line, QGraphicsLineItem)
        return line

    def _curved_line(self) -> QGraphicsPathItem:
        line = self._line_kind(False)
        assert isinstance(line, QGraphicsPathItem)
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
        m = self.width + 7.5   # the owner's rect: see owner_rect
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
            self.setRect(owner_rect(bounds))
        if isinstance(line, tuple):
            self._straight_line().setLine(*line)
        else:
            self._curved_line().setPath(line)
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
            self._head.setPen(NO_PEN)
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
            self._curved_line().setPath(line)
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
            self._halo.setFlag(BEHIND)
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
        self._pen = NO_PEN
        self._selected = False
        self._text_item: QGraphicsSimpleTextItem | None = None
        self._font: QFont | None = None
        self._marker_item: QGraphicsSimpleTextItem | None = None
        self.setBrush(box_brush(style.label_background))
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
            self._text_item = text_item(self, self.text, self._font, self._text_brush)
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
            self._marker_item = text_item(self, marker, font or s.font(8.5, bold=True),
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
