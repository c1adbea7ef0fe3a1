"""The graphics item of a company: a circle with its name (see items.py for what items share)."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from editor.canvas.items import (
    BEHIND,
    NO_BRUSH,
    NO_PEN,
    OWNER_FLAGS,
    Z_COMPANY,
    box_brush,
    owner_rect,
    solid_brush,
    text_item,
    wrapped_lines,
)
from editor.canvas.style import CanvasStyle, outline, soft_fill

_WRAP = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
_COMPANY_LOOKS: dict[tuple[str, float, str], tuple[QPen, QBrush]] = {}


def _company_look(color: str, lightness: float, toward: str) -> tuple[QPen, QBrush]:
    key = (color, lightness, toward)
    look = _COMPANY_LOOKS.get(key)
    if look is None:
        look = _COMPANY_LOOKS[key] = (QPen(outline(color), 1.6), QBrush(soft_fill(color, lightness, toward)))
    return look


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
        #: the category it is drawn with (set by the scene)
        self.category = ""
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
        self.setFlags(OWNER_FLAGS)
        self.setZValue(Z_COMPANY)

    def set_look(self, name: str, radius: float, color: str, font: QFont, metrics: QFontMetricsF) -> None:
        pen, brush = _company_look(color, self._style.fill_lightness, self._style.fill_toward)
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
        self.setRect(owner_rect(QRectF(-r, -r, 2 * r, 2 * r).united(self._text_rect.adjusted(-2, -2, 2, 2))))

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
            self._name_box.setPen(NO_PEN)
            self._name_box.setBrush(box_brush(self._style.name_background))
            self._name_box.setPos(0, self.radius + 4)
            if not self._name_shown:
                self._name_box.setVisible(False)
            self._make_name_parts()

    def name_made(self) -> bool:
        return self._name_box is not None

    def _make_name_parts(self) -> None:
        name_box, name_font = self._name_box, self._name_font
        if name_box is None or name_font is None:
            return
        font, metrics = name_font
        name, rect, width = self.name or "", self._name_rect, self._style.label_max_width
        box = QPainterPath()
        box.addRoundedRect(rect.adjusted(-3, 0, 3, 0), 3, 3)
        name_box.setPath(box)
        for item in self._lines:
            item.setParentItem(None)  # type: ignore[arg-type]  # (the stubs forget that None unparents)
            if (scene := item.scene()) is not None:
                scene.removeItem(item)
        text_brush = solid_brush(QColor(self._style.text_color))
        self._lines = []
        # centred in the box the way a word-wrapped, centre-aligned text block is
        for text, w, top in wrapped_lines(name, font, metrics, width):
            item = text_item(name_box, text, font, text_brush)
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
            self._halo.setFlag(BEHIND)
            self._halo.setPen(QPen(QColor(self._style.selection_color), 3))
            self._halo.setBrush(NO_BRUSH)
            self._place_halo()
        if self._halo is not None:
            self._halo.setVisible(on)

    def _place_halo(self) -> None:
        if self._halo is not None:
            r = self.radius + 3
            self._halo.setRect(-r, -r, 2 * r, 2 * r)

    def fill(self) -> QBrush:
        return self._circle.brush()

    def circle_item(self) -> QGraphicsEllipseItem:
        return self._circle

    def name_box_item(self) -> QGraphicsPathItem | None:
        """The name's rounded box with its text lines (None until made)."""
        return self._name_box

    def obstacle_boxes(self) -> tuple[tuple[float, float, float, float], ...]:
        """The circle's and the name's boxes in the scene, as (x0, y0, x1, y1)."""
        x, y, r = self.x(), self.y(), self.radius
        circle = (x - r, y - r, x + r, y + r)
        t = self._text_rect
        if t.isEmpty():
            return (circle,)
        return circle, (x + t.left() - 3, y + t.top(), x + t.right() + 3, y + t.bottom())

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
