"""Live moves (a drag): the moving companies, their arrows and labels in a layer of their own.

The still rest of the scene stays in the base layer, which a view can replace by a
picture of it (see DiagramView.begin_live_drag); moving arrows keep only their part
inside the view while the drag lasts. Mixed into :class:`DiagramScene`.

Level of detail while dragging: a company with many flows (more than SKETCH_ABOVE, e.g. a
hub with 600 arrows converging on it) is dragged with a sketch of its arrows instead of
the arrows themselves, as diagram tools commonly do for heavy drags: straight lines from
circle edge to circle edge in each flow's colour, width and opacity, one per pair of
companies, without heads, lanes or amount labels, drawn by a few path items (one per
look) rebuilt from plain numbers on each mouse move. Laying out and painting hundreds of
curved, antialiased arrows with heads and labels on each move takes 35-100 ms at 2,000
companies / 10,000 flows; the sketch takes a few. On release the arrows get their full
look and geometry back (the picture is the same as before the drag, at the new place).
"""
from __future__ import annotations

from typing import Iterable

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from editor.canvas import geometry as G
from editor.canvas.items import Z_FLOW, arrow_pen


class SketchItem(QGraphicsPathItem):
    """Straight lines of one look (pen, opacity) during a heavy drag. Its bounding box comes
    from the numbers it was built from: Qt's own would stroke the whole path to find it."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self._bounds = QRectF()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def set_lines(self, path: QPainterPath, bounds: QRectF) -> None:
        self.prepareGeometryChange()
        self._bounds = bounds
        self.setPath(path)


class LiveMoveMixin:
    #: a drag moving more arrows than this shows a sketch of them (see the module's docstring)
    SKETCH_ABOVE = 120

    def begin_live_move(self, company_ids: Iterable[str], visible: QRectF | None = None) -> None:
        """Put these companies, their arrows and labels in the live layer (a drag starts).
        ``visible``: the scene area a view shows; while it is set, moving arrows keep only
        their part inside it (long arrows running off screen cost much to draw)."""
        self.end_live_move()
        self.settle_styles()
        company_ids = [cid for cid in company_ids if cid in self._companies]
        items: list[QGraphicsItem] = [self._companies[cid] for cid in company_ids]
        flows = list(dict.fromkeys(f for cid in company_ids for f in self.attached_flows(cid)))
        if len(flows) > self.SKETCH_ABOVE:
            self._begin_sketch(company_ids, flows, items)
            self._live_clip = None if visible is None else (visible.left(), visible.top(),
                                                              visible.right(), visible.bottom())
            return
        for fid in flows:
            flow = self._flows[fid]
            items += (flow, flow.label)   # a light drag: labels are needed anyway
        for item in items:
            item.setParentItem(self._live)
        self._live_items = items
        self._live_companies = company_ids
        self._live_flows = set(flows)
        self.set_live_clip(visible)

    def set_live_clip(self, visible: QRectF | None) -> None:
        """Where moving arrows are kept during a live move (None: whole arrows)."""
        clip = None if visible is None else (visible.left(), visible.top(), visible.right(), visible.bottom())
        if clip == self._live_clip:
            return
        self._live_clip = clip
        if self._sketch:
            self._draw_sketch({cid: self._companies[cid].pos() for cid in self._live_companies
                               if cid in self._companies})
            return   # the arrows are hidden until the drop
        self._layout_companies([cid for cid in self._live_companies if cid in self._companies])

    def end_live_move(self) -> None:
        """Everything back in the base layer with its full geometry, the still part shown again."""
        sketched = bool(self._sketch)
        if sketched:
            for item, _ends in self._sketch:
                if item.scene() is self:
                    self.removeItem(item)
            self._sketch = []
        if self._live_clip is not None or sketched:
            self._live_clip = None
            self._layout_companies([cid for cid in self._live_companies if cid in self._companies])
        for item in self._live_items:
            if item.scene() is self:
                item.setParentItem(self._base)
        for item in self._hidden.childItems():   # e.g. a label made during a sketched drag
            item.setParentItem(self._base)
        self._live_items = []
        self._live_companies = []
        self._live_flows = set()
        self.show_still_part()

    def sketching(self) -> bool:
        """A heavy drag shows a sketch of its arrows (see the module's docstring)."""
        return bool(self._sketch)

    def live_move_active(self) -> bool:
        return bool(self._live_items)

    def hide_still_part(self) -> None:
        """Stop drawing the base layer (a view shows a picture of it instead): one opacity change,
        no per-item work."""
        self._base.setOpacity(0.0)

    def show_still_part(self) -> None:
        if self._base.opacity() != 1.0:
            self._base.setOpacity(1.0)
            self.staticChanged.emit()

    def render_still_part(self, render) -> None:
        """Call ``render()`` (which draws the scene) with only the base layer visible."""
        legend = self._legend.opacity() if self._legend is not None else None
        self._live.setOpacity(0.0)
        if legend is not None:
            self._legend.setOpacity(0.0)
        try:
            render()
        finally:
            self._live.setOpacity(1.0)
            if legend is not None:
                self._legend.setOpacity(legend)

    def _layout_live_pair(self, fids, a, ia, ib, pa, pb, normal, spacing, clip) -> None:
        """The lanes of a pair during a live drag: the same numbers as :meth:`_layout_pair`, but
        only the visible part of each line is built (full geometry at the end of the drag)."""
        ax, ay, bx, by = pa.x(), pa.y(), pb.x(), pb.y()
        ra, rb = ia.radius, ib.radius
        nx, ny = normal
        head_length, head_width = self.style.arrow_head_length, self.style.arrow_head_width
        for lane, fid in zip(G.lane_offsets(len(fids)), fids):
            item = self._flows[fid]
            grow = item.width * 1.3
            if self._ends[fid][0] == a:
                points, head, mx, my = G.arrow_parts(ax, ay, ra, bx, by, rb, lane * spacing, nx, ny,
                                                     head_length + grow, head_width + grow)
            else:
                points, head, mx, my = G.arrow_parts(bx, by, rb, ax, ay, ra, lane * spacing, nx, ny,
                                                     head_length + grow, head_width + grow)
            item.set_live_geometry(G.clipped_line(points, clip), G.head_polygon(head))
            item.place_label(mx, my)

    # ------------------------------------------------------------ sketch
    def _begin_sketch(self, company_ids: list[str], flows: list[str], items: list[QGraphicsItem]) -> None:
        """Hide the moving arrows and labels (they wait in the hidden layer) and draw them as
        straight lines, one per pair of companies and look."""
        moving = set(company_ids)
        looks: dict[tuple, dict[tuple[str, str], tuple]] = {}
        for fid in flows:
            flow = self._flows[fid]
            items.append(flow)
            if flow.label_made():
                items.append(flow._label)
            pen = flow.line_pen()
            key = (pen.color().rgba(), pen.widthF(), flow.opacity())
            pair = G.pair_key(*self._ends[fid])
            ends = looks.setdefault(key, {})
            if pair in ends:
                continue
            a, b = pair
            ia, ib = self._companies[a], self._companies[b]
            pa, pb = ia.pos(), ib.pos()
            ends[pair] = (a if a in moving else None, pa.x(), pa.y(), ia.radius,
                          b if b in moving else None, pb.x(), pb.y(), ib.radius)
        for cid in company_ids:
            self._companies[cid].setParentItem(self._live)
        for fid in flows:
            flow = self._flows[fid]
            flow.setParentItem(self._hidden)
            if flow.label_made():
                flow._label.setParentItem(self._hidden)
        self._sketch = []
        for (rgba, width, opacity), ends in looks.items():
            item = SketchItem(self._live)
            item.setZValue(Z_FLOW)
            item.setPen(arrow_pen(QColor.fromRgba(rgba), width))
            item.setOpacity(opacity)
            self._sketch.append((item, list(ends.values())))
        self._live_items = items
        self._live_companies = company_ids
        self._live_flows = set()
        self._draw_sketch({})

    def _draw_sketch(self, positions) -> None:
        """Rebuild the sketch lines, the moving companies at ``positions`` (id -> QPointF)."""
        at = {cid: (p.x(), p.y()) for cid, p in positions.items()}
        sqrt = math.sqrt
        clip, line_range = self._live_clip, G.line_range
        for item, ends in self._sketch:
            path = QPainterPath()
            move, line = path.moveTo, path.lineTo
            x0 = y0 = math.inf
            x1 = y1 = -math.inf
            for ma, ax, ay, ra, mb, bx, by, rb in ends:
                if ma is not None and ma in at:
                    ax, ay = at[ma]
                if mb is not None and mb in at:
                    bx, by = at[mb]
                dx, dy = bx - ax, by - ay
                d = sqrt(dx * dx + dy * dy)
                if d <= ra + rb:
                    continue
                ux, uy = dx / d, dy / d
                sx, sy, ex, ey = ax + ux * ra, ay + uy * ra, bx - ux * rb, by - uy * rb
                if clip is not None:   # only the part inside the view: long lines cost to stroke
                    span = line_range(sx, sy, ex, ey, clip)
                    if span is None:
                        continue
                    t0, t1 = span
                    sx, sy, ex, ey = sx + (ex - sx) * t0, sy + (ey - sy) * t0, sx + (ex - sx) * t1, sy + (ey - sy) * t1
                move(sx, sy)
                line(ex, ey)
                x0, x1 = min(x0, sx, ex), max(x1, sx, ex)
                y0, y1 = min(y0, sy, ey), max(y1, sy, ey)
            m = item.pen().widthF()
            bounds = QRectF(x0 - m, y0 - m, x1 - x0 + 2 * m, y1 - y0 + 2 * m) if x0 <= x1 else QRectF()
            item.set_lines(path, bounds)
