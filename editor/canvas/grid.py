"""The canvas grid: snapping a point to it, and drawing its lines behind the diagram.

Zoomed out, the lines drawn are every 5th (25th, ...) so that they stay at least
8 screen pixels apart; snapping always uses the grid's own size.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

#: drawn lines are at least this many screen pixels apart
MIN_SPACING_PX = 8


def snap_point(pos: QPointF, size: float) -> QPointF:
    """The grid point nearest ``pos`` (a grid of ``size`` scene pixels)."""
    return QPointF(round(pos.x() / size) * size, round(pos.y() / size) * size)


def draw_grid(painter: QPainter, rect: QRectF | QRect, size: float, zoom: float, color: str) -> None:
    """The grid's lines across ``rect`` (scene coordinates) at ``zoom`` screen px per scene px."""
    g = size
    while g * zoom < MIN_SPACING_PX:
        g *= 5
    painter.setPen(QPen(QColor(color), 0))
    x = math.floor(rect.left() / g) * g
    while x <= rect.right():
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        x += g
    y = math.floor(rect.top() / g) * g
    while y <= rect.bottom():
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        y += g
