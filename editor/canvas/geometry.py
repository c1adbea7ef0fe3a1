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
    #: the line's points: (x0, y0, x1, y1) straight, (x0, y0, cx, cy, x1, y1) quadratic, None other
    points: tuple | None = None


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


def _head(tip: QPointF, direction: tuple[float, float], length: float,
          width: float) -> tuple[QPolygonF, QPointF]:
    ux, uy = direction
    tx, ty = tip.x(), tip.y()
    bx, by = tx - ux * length, ty - uy * length
    hx, hy = -uy * width / 2, ux * width / 2
    head = QPolygonF([tip, QPointF(bx + hx, by + hy), QPointF(bx - hx, by - hy)])
    # the line stops a little inside the head so no gap shows between them
    return head, QPointF(tx - ux * length * 0.7, ty - uy * length * 0.7)


def arrow_parts(x0: float, y0: float, r_src: float, x1: float, y1: float, r_tgt: float, offset: float,
                nx: float, ny: float, head_length: float, head_width: float) -> tuple:
    """The numbers of an arrow (see :func:`arrow`), without building Qt objects:
    ``(line points, head (tip, corner, corner) as 6 floats, middle x, middle y)``; line points
    are (x0, y0, x1, y1) for a straight arrow, (x0, y0, cx, cy, x1, y1) for a curved one."""
    cx = (x0 + x1) / 2 + nx * 2 * offset
    cy = (y0 + y1) / 2 + ny * 2 * offset
    dx, dy = x1 - x0, y1 - y0
    d = math.hypot(dx, dy)
    tx, ty = (dx / d, dy / d) if d > 1e-9 else (1.0, 0.0)
    if offset == 0:
        sx, sy = tx, ty
        ex, ey = -sx, -sy
    else:
        sx, sy = _unit(cx - x0, cy - y0, (tx, ty))
        ex, ey = _unit(cx - x1, cy - y1, (-tx, -ty))
    ax, ay = x0 + sx * r_src, y0 + sy * r_src
    r_end = r_tgt + 1.5
    px, py = x1 + ex * r_end, y1 + ey * r_end
    # the head: tip on the target's edge; the line stops a little inside it (no gap shows)
    ux, uy = -ex, -ey
    bx, by = px - ux * head_length, py - uy * head_length
    hx, hy = -uy * head_width / 2, ux * head_width / 2
    head = (px, py, bx + hx, by + hy, bx - hx, by - hy)
    lx, ly = px - ux * head_length * 0.7, py - uy * head_length * 0.7
    points = (ax, ay, lx, ly) if offset == 0 else (ax, ay, cx, cy, lx, ly)
    return points, head, 0.25 * ax + 0.5 * cx + 0.25 * px, 0.25 * ay + 0.5 * cy + 0.25 * py


def head_polygon(head: tuple) -> QPolygonF:
    return QPolygonF([QPointF(head[0], head[1]), QPointF(head[2], head[3]), QPointF(head[4], head[5])])


def line_path(points: tuple) -> QPainterPath:
    path = QPainterPath(QPointF(points[0], points[1]))
    if len(points) == 4:
        path.lineTo(points[2], points[3])
    else:
        path.quadTo(points[2], points[3], points[4], points[5])
    return path


def arrow(src: QPointF, r_src: float, tgt: QPointF, r_tgt: float, offset: float,
          normal: tuple[float, float], head_length: float, head_width: float) -> ArrowGeometry:
    """A flow from the circle (src, r_src) to the circle (tgt, r_tgt), its middle ``offset``
    away from the straight line along ``normal``."""
    points, head, mx, my = arrow_parts(src.x(), src.y(), r_src, tgt.x(), tgt.y(), r_tgt, offset,
                                       normal[0], normal[1], head_length, head_width)
    return ArrowGeometry(line_path(points), head_polygon(head), QPointF(mx, my), QPointF(head[0], head[1]),
                         points)


# ------------------------------------------------------------------ clipping
def _inside(x: float, y: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def line_range(x0, y0, x1, y1, box) -> tuple[float, float] | None:
    """Parameter range [t0, t1] of the segment inside ``box`` (Liang-Barsky), None if outside."""
    t0, t1 = 0.0, 1.0
    dx, dy = x1 - x0, y1 - y0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return None
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    return (t0, t1) if t0 <= t1 else None


def _quad_range(x0, y0, cx, cy, x1, y1, box) -> tuple[float, float] | None:
    """Smallest parameter range holding every part of the quadratic curve inside ``box``."""
    ts = [0.0, 1.0]
    for p0, p1, p2, edge in ((x0, cx, x1, box[0]), (x0, cx, x1, box[2]),
                             (y0, cy, y1, box[1]), (y0, cy, y1, box[3])):
        a, b, c = p0 - 2 * p1 + p2, 2 * (p1 - p0), p0 - edge
        if abs(a) < 1e-12:
            if abs(b) > 1e-12:
                ts.append(-c / b)
            continue
        disc = b * b - 4 * a * c
        if disc >= 0:
            root = math.sqrt(disc)
            ts += [(-b - root) / (2 * a), (-b + root) / (2 * a)]
    ts = sorted(t for t in ts if 0.0 <= t <= 1.0)
    lo: float | None = None
    hi = 0.0
    for u0, u1 in zip(ts, ts[1:], strict=False):
        m = (u0 + u1) / 2
        k = 1 - m
        if _inside(k * k * x0 + 2 * k * m * cx + m * m * x1, k * k * y0 + 2 * k * m * cy + m * m * y1, box):
            lo = u0 if lo is None else lo
            hi = u1
    return None if lo is None else (lo, hi)


def clipped_path(geo: ArrowGeometry, box: tuple[float, float, float, float]) -> QPainterPath:
    """The arrow's line cut to the part inside ``box`` (left, top, right, bottom): the very same
    curve there, so what shows inside the box is unchanged, but a long arrow running far off
    screen is not stroked (and flattened) along its whole length."""
    if geo.points is None:
        return geo.path
    return clipped_line(geo.points, box, geo.path)


def clipped_line(pts: tuple, box: tuple[float, float, float, float],
                 whole: QPainterPath | None = None) -> QPainterPath:
    """:func:`clipped_path` from the line's points (``whole``: the full path, if built already)."""
    left, top, right, bottom = box
    if len(pts) == 4:
        x0, y0, x1, y1 = pts
        lo_x, hi_x = (x0, x1) if x0 <= x1 else (x1, x0)
        lo_y, hi_y = (y0, y1) if y0 <= y1 else (y1, y0)
    else:
        xs, ys = pts[0::2], pts[1::2]
        lo_x, hi_x, lo_y, hi_y = min(xs), max(xs), min(ys), max(ys)
    if lo_x >= left and hi_x <= right and lo_y >= top and hi_y <= bottom:
        return whole if whole is not None else line_path(pts)     # all inside
    if hi_x < left or lo_x > right or hi_y < top or lo_y > bottom:
        return QPainterPath()   # all outside (the curve stays in its control points' box)
    if len(pts) == 4:
        x0, y0, x1, y1 = pts
        span = line_range(x0, y0, x1, y1, box)
        if span is None:
            return QPainterPath()
        t0, t1 = span
        path = QPainterPath(QPointF(x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0))
        path.lineTo(x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1)
        return path
    x0, y0, cx, cy, x1, y1 = pts
    span = _quad_range(x0, y0, cx, cy, x1, y1, box)
    if span is None:
        return QPainterPath()
    t0, t1 = span
    if t0 == 0.0 and t1 == 1.0:
        return whole if whole is not None else line_path(pts)

    def at(t: float) -> tuple[float, float]:
        k = 1 - t
        return k * k * x0 + 2 * k * t * cx + t * t * x1, k * k * y0 + 2 * k * t * cy + t * t * y1

    # the piece [t0, t1] of a quadratic Bezier: ends on the curve, control point b(t0, t1)
    a0, a1 = 1 - t0, 1 - t1
    w0, w1, w2 = a0 * a1, a0 * t1 + t0 * a1, t0 * t1
    sx, sy = at(t0)
    ex, ey = at(t1)
    path = QPainterPath(QPointF(sx, sy))
    path.quadTo(w0 * x0 + w1 * cx + w2 * x1, w0 * y0 + w1 * cy + w2 * y1, ex, ey)
    return path


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
