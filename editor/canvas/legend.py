"""The legend: flow types and company categories in use, in a movable box on the canvas."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from editor.canvas.items import Z_LEGEND
from editor.canvas.style import CanvasStyle, outline, soft_fill

PAD = 10.0
SWATCH = 26.0
ROW_GAP = 4.0


class LegendItem(QGraphicsItem):
    """Two short lists: "Money flows" (a coloured arrow each) and "Companies" (a circle each)."""

    kind = "legend"

    def __init__(self, style: CanvasStyle) -> None:
        super().__init__()
        self._style = style
        self.flow_rows: list[tuple[str, str]] = []       # (name, colour)
        self.category_rows: list[tuple[str, str]] = []
        self._rect = QRectF()
        self._layout: list[tuple[str, str, str, float]] = []  # (kind, name, colour, y)
        self.user_moved = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(Z_LEGEND)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def set_rows(self, flow_rows: list[tuple[str, str]], category_rows: list[tuple[str, str]]) -> None:
        if (flow_rows, category_rows) == (self.flow_rows, self.category_rows) and not self._rect.isNull():
            return
        self.prepareGeometryChange()
        self.flow_rows, self.category_rows = list(flow_rows), list(category_rows)
        fm = QFontMetricsF(self._style.legend_font())
        hm = QFontMetricsF(self._style.font(self._style.legend_font_px, bold=True))
        row_h = max(fm.height(), 14.0) + ROW_GAP
        y = PAD
        width = 0.0
        layout = []
        for title, kind, rows in (("Money flows", "flow", self.flow_rows),
                                  ("Companies", "category", self.category_rows)):
            if not rows:
                continue
            if layout:
                y += 6.0
            layout.append(("title", title, "", y))
            width = max(width, hm.horizontalAdvance(title))
            y += hm.height() + ROW_GAP
            for name, color in rows:
                layout.append((kind, name, color, y))
                width = max(width, SWATCH + 8 + fm.horizontalAdvance(name))
                y += row_h
        self._layout = layout
        self._row_h = row_h
        self._rect = QRectF(0, 0, width + 2 * PAD, y + PAD - ROW_GAP) if layout else QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        self.user_moved = True

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._rect.isNull():
            return
        s = self._style
        painter.setPen(QPen(QColor("#d5d9de"), 1))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(self._rect, 6, 6)
        fm_h = self._row_h - ROW_GAP
        for kind, name, color, y in self._layout:
            if kind == "title":
                painter.setFont(s.font(s.legend_font_px, bold=True))
                painter.setPen(QColor(s.text_color))
                painter.drawText(QRectF(PAD, y, 400, fm_h), Qt.AlignmentFlag.AlignVCenter, name)
                continue
            mid = y + fm_h / 2
            if kind == "flow":
                c = QColor(color)
                painter.setPen(QPen(c, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
                painter.drawLine(QPointF(PAD, mid), QPointF(PAD + SWATCH - 8, mid))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(c)
                tip = PAD + SWATCH
                painter.drawPolygon(QPolygonF([QPointF(tip, mid), QPointF(tip - 9, mid - 4.5),
                                               QPointF(tip - 9, mid + 4.5)]))
            else:
                painter.setPen(QPen(outline(color), 1.4))
                painter.setBrush(QBrush(soft_fill(color, s.fill_lightness)))
                painter.drawEllipse(QPointF(PAD + SWATCH / 2, mid), 6.5, 6.5)
            painter.setFont(s.legend_font())
            painter.setPen(QColor(s.text_color))
            painter.drawText(QRectF(PAD + SWATCH + 8, y, 400, fm_h), Qt.AlignmentFlag.AlignVCenter, name)
