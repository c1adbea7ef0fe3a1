"""Where a flow arrow runs: pure geometry, computed when companies move, never in paint().

Several flows between the same two companies (either direction) share one
frame: the unit normal of the line from the company with the smaller id to
the other. Each flow gets a lane offset (``±k·spacing``) along that normal,
so parallel flows and A→B / B→A pairs curve to their own sides and never lie
on top of each other. The arrow is a quadratic Bézier whose middle passes at
the lane offset; it starts on the source circle and its head ends on the
target circle's edge. A self-flow is a loop above its company.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF


@dataclass
class ArrowGeometry:
    path: QPainterPath          # the line, ending at the base of the head
    head: QPolygonF             # filled triangle, tip on the target's edge
    middle: QPointF             # where the amount label goes
    tip: QPointF


def pair_key(source: str, target: str) -> tuple[str, str]:
    return (source, target) if source <= target else (target, source)


def lane_offsets(n: int) -> list[float]:
    """Lane numbers of ``n`` flows of one pair, centred on 0: 1 → [0], 2 → [-.5, .5], 3 → [-1, 0, 1]."""
    return [i - (n - 1) / 2 for i in range(n)]


def pair_normal(a: QPointF, b: QPointF) -> tuple[float, float]:
    """Unit normal of the line a→b (a fixed direction when the points coincide)."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    d = math.hypot(dx, dy)
    if d < 1e-9:
        return (0.0, -1.0)
    return (-dy / d, dx / d)


def lane_spacing(normal: tuple[float, float], label_size: tuple[float, float], minimum: float,
                 maximum: float = 90.0) -> float:
    """Distance between lanes so that labels of neighbouring lanes do not overlap:
    the largest label's extent along the normal plus a gap."""
    w, h = label_size
    extent = abs(normal[0]) * w + abs(normal[1]) * h
    return max(minimum, min(maximum, extent + 6.0))


def _unit(dx: float, dy: float, fallback: tuple[float, float] = (1.0, 0.0)) -> tuple[float, float]:
    d = math.hypot(dx, dy)
    return (dx / d, dy / d) if d > 1e-9 else fallback


def _head(tip: QPointF, direction: tuple[float, float], length: float, width: float) -> tuple[QPolygonF, QPointF]:
    ux, uy = direction
    tx, ty = tip.x(), tip.y()
    bx, by = tx - ux * length, ty - uy * length
    hx, hy = -uy * width / 2, ux * width / 2
    head = QPolygonF([tip, QPointF(bx + hx, by + hy), QPointF(bx - hx, by - hy)])
    # the line stops a little inside the head so no gap shows between them
    return head, QPointF(tx - ux * length * 0.7, ty - uy * length * 0.7)


def arrow(src: QPointF, r_src: float, tgt: QPointF, r_tgt: float, offset: float,
          normal: tuple[float, float], head_length: float, head_width: float) -> ArrowGeometry:
    """A flow from the circle (src, r_src) to the circle (tgt, r_tgt), its middle ``offset``
    away from the straight line along ``normal``."""
    x0, y0, x1, y1 = src.x(), src.y(), tgt.x(), tgt.y()
    cx = (x0 + x1) / 2 + normal[0] * 2 * offset
    cy = (y0 + y1) / 2 + normal[1] * 2 * offset
    dx, dy = x1 - x0, y1 - y0
    d = math.hypot(dx, dy)
    to_tgt = (dx / d, dy / d) if d > 1e-9 else (1.0, 0.0)
    if offset == 0:
        sx, sy = to_tgt
        ex, ey = -sx, -sy
    else:
        sx, sy = _unit(cx - x0, cy - y0, to_tgt)
        ex, ey = _unit(cx - x1, cy - y1, (-to_tgt[0], -to_tgt[1]))
    start = QPointF(x0 + sx * r_src, y0 + sy * r_src)
    r_end = r_tgt + 1.5
    tip = QPointF(x1 + ex * r_end, y1 + ey * r_end)
    head, base = _head(tip, (-ex, -ey), head_length, head_width)
    path = QPainterPath(start)
    if offset == 0:
        path.lineTo(base)
    else:
        path.quadTo(cx, cy, base.x(), base.y())
    middle = QPointF(0.25 * start.x() + 0.5 * cx + 0.25 * tip.x(),
                     0.25 * start.y() + 0.5 * cy + 0.25 * tip.y())
    return ArrowGeometry(path, head, middle, tip)


def self_loop(center: QPointF, radius: float, index: int, head_length: float,
              head_width: float) -> ArrowGeometry:
    """The ``index``-th self-flow of a company: a loop above the circle, larger for each."""
    reach = radius + 34.0 + 24.0 * index
    spread = math.radians(28)
    up = -math.pi / 2
    a0, a1 = up - spread, up + spread
    start = QPointF(center.x() + radius * math.cos(a0), center.y() + radius * math.sin(a0))
    end = QPointF(center.x() + (radius + 1.5) * math.cos(a1), center.y() + (radius + 1.5) * math.sin(a1))
    c1 = QPointF(center.x() + reach * 1.6 * math.cos(up - spread * 1.9),
                 center.y() + reach * 1.6 * math.sin(up - spread * 1.9))
    c2 = QPointF(center.x() + reach * 1.6 * math.cos(up + spread * 1.9),
                 center.y() + reach * 1.6 * math.sin(up + spread * 1.9))
    head, base = _head(end, _unit(end.x() - c2.x(), end.y() - c2.y()), head_length, head_width)
    path = QPainterPath(start)
    path.cubicTo(c1, c2, base)
    middle = QPointF(0.125 * start.x() + 0.375 * c1.x() + 0.375 * c2.x() + 0.125 * end.x(),
                     0.125 * start.y() + 0.375 * c1.y() + 0.375 * c2.y() + 0.125 * end.y())
    return ArrowGeometry(path, head, middle, end)
