"""Live moves (a drag): the moving companies, their arrows and labels in a layer of their own.

The still rest of the scene stays in the base layer, which a view can replace by a
picture of it (see DiagramView.begin_live_drag); moving arrows keep only their part
inside the view while the drag lasts. Mixed into :class:`DiagramScene`.
"""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from . import geometry as G


class LiveMoveMixin:
    def begin_live_move(self, company_ids: Iterable[str], visible: QRectF | None = None) -> None:
        """Put these companies, their arrows and labels in the live layer (a drag starts).
        ``visible``: the scene area a view shows; while it is set, moving arrows keep only
        their part inside it (long arrows running off screen cost much to draw)."""
        self.end_live_move()
        self.settle_styles()
        company_ids = [cid for cid in company_ids if cid in self._companies]
        items: list[QGraphicsItem] = [self._companies[cid] for cid in company_ids]
        flows = list(dict.fromkeys(f for cid in company_ids for f in self.attached_flows(cid)))
        for fid in flows:
            flow = self._flows[fid]
            items += (flow, flow.label)
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
        self._layout_companies([cid for cid in self._live_companies if cid in self._companies])

    def end_live_move(self) -> None:
        """Everything back in the base layer with its full geometry, the still part shown again."""
        if self._live_clip is not None:
            self._live_clip = None
            self._layout_companies([cid for cid in self._live_companies if cid in self._companies])
        for item in self._live_items:
            if item.scene() is self:
                item.setParentItem(self._base)
        self._live_items = []
        self._live_companies = []
        self._live_flows = set()
        self.show_still_part()

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
            item.label.setPos(mx, my)
