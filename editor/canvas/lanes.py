"""Lanes: the arrows between two companies, side by side, far enough apart for their labels.

Geometry is computed here (on model events or during a live drag), never in ``paint()``.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

from editor.canvas import geometry as G
from editor.canvas.company_item import CompanyItem
from editor.canvas.index import Pair, SceneIndex
from editor.canvas.labels import LabelPlacer
from editor.canvas.style import CanvasStyle

if TYPE_CHECKING:
    from editor.canvas.live import LiveMove
    from editor.canvas.restyle import Rescaler


class PairLayout:
    """Lays out the arrows of pairs of companies (a pair's lanes follow its widest label)."""

    def __init__(self, index: SceneIndex, style: CanvasStyle, rescaler: Rescaler, live: LiveMove) -> None:
        self._index = index
        self._style = style
        self._rescaler = rescaler
        self._live = live
        #: pair -> (widest, tallest) amount label of its flows (kept until a flow of the pair changes)
        self._label_sizes: dict[Pair, tuple[float, float]] = {}
        #: where the amount labels go (held during a build, then placed all at once)
        self.labels = LabelPlacer(index)
        self._holding_labels = False
        #: labels to place in the background once the companies being laid out are done (or None)
        self._later: list[str] | None = None

    def reset(self) -> None:
        """Before a build: labels wait for :meth:`place_all_labels`."""
        self._label_sizes = {}
        self.labels.clear()
        self._holding_labels = True

    #: Above this many flows, a build leaves placing the labels to the background (see detail.py).
    PLACE_LATER_ABOVE = 600
    #: Companies moved at once whose arrows carry more labels than this (an automatic layout, its
    #: undo) have the labels placed in the background, the window answering meanwhile (0.2 s of
    #: placing, about: a single drag stays below).
    MOVE_PLACES_LATER_ABOVE = 2000
    #: Up to this many flows, arrows bend around the companies in their way (see :meth:`bend`).
    ROUTE_UP_TO = 600
    #: A drag moving more arrows than this draws them unbent until the drop.
    LIVE_ROUTE_UP_TO = 30
    #: Room kept between a bent arrow and a company it passes.
    ROUTE_MARGIN = 12.0

    def place_all_labels(self, now: bool | None = None) -> None:
        """Place every label (``now`` None: at once on a small map, else queued for the background)."""
        self._holding_labels = False
        if now is None:
            now = len(self._index.flows) <= self.PLACE_LATER_ABOVE
        self.labels.place_all(now=now)

    def forget_sizes(self, ends: tuple[str, str]) -> None:
        """A flow between ``ends`` changed its label or left: its pair's label size is to be measured."""
        if self._label_sizes:
            self._label_sizes.pop(G.pair_key(*ends), None)

    def head_size(self, width: float) -> tuple[float, float]:
        s = self._style
        return s.arrow_head_length + width * 1.3, s.arrow_head_width + width * 1.3

    def layout_companies(self, company_ids: Iterable[str]) -> None:
        """Lay out again the arrows of these companies and place their labels; more than
        :data:`MOVE_PLACES_LATER_ABOVE` labels are left to the background (``LabelPlacer.place_later``)."""
        ids = list(company_ids)
        keys = self._index.pairs_of(ids)
        pairs = self._index.pairs
        if (not self._holding_labels and not self._live.active()
                and sum(len(pairs.get(k, ())) for k in keys) > self.MOVE_PLACES_LATER_ABOVE):
            self._later = []   # (layout_pair collects the labels instead of placing them)
        try:
            self._layout_companies(ids, keys)
            later = self._later
        finally:
            self._later = None
        if later is not None:
            self.labels.place_later(later)   # (the scene's level of detail places them: detail.py)

    def _layout_companies(self, ids: list[str], keys: set[Pair]) -> None:
        if not self._holding_labels:
            # arrows passing where these companies were or are now: routed again (not during a
            # drag: the still part of the picture shown during it keeps its arrows)
            passing = not self._live.active() and len(self._index.flows) <= self.ROUTE_UP_TO
            if passing:
                keys |= self.labels.routes_near(ids)
            self.labels.note_companies(ids)
            if passing:
                keys |= self.labels.routes_near(ids)
        companies = self._index.companies
        for key in keys:
            if key[0] in companies and key[1] in companies:
                self.layout_pair(key)
        if not self._holding_labels and not self._live.active():
            # labels of other arrows that a moved company now covers (after a drag: the
            # still part of the picture shown during it keeps its labels)
            covered = self.labels.covered_by(ids)
            if self._later is not None:
                self._later.extend(covered)
            else:
                self.labels.place(covered)

    def layout_pair(self, key: Pair) -> None:
        index = self._index
        fids = index.pairs.get(key)
        if not fids:
            return
        a, b = key
        ia, ib = index.companies[a], index.companies[b]
        flows, head_size = index.flows, self.head_size
        if a == b:
            for i, fid in enumerate(fids):
                item = flows[fid]
                hl, hw = head_size(item.width)
                geo = G.self_loop(ia.pos(), ia.radius, i, hl, hw)
                item.set_geometry(geo)
                item.place_label(geo.middle.x(), geo.middle.y())
            return
        pa, pb = ia.pos(), ib.pos()
        normal = G.pair_normal(pa, pb)
        bend = self.bend(key, pa, pb, normal, len(fids))
        if len(fids) > 1:
            size = self._label_sizes.get(key)
            if size is None:
                size = self._label_sizes[key] = (max(flows[f].label_size[0] for f in fids),
                                                 max(flows[f].label_size[1] for f in fids))
            wanted = G.lane_spacing(normal, size, self._style.lane_spacing)
            spacing = self._rescaler.drawn_spacing(key, wanted)
        else:
            spacing = 0.0
        live = self._live
        clip = live.clip
        if clip is not None and fids[0] in live.moving_flows:
            self._layout_live_pair(fids, a, ia, ib, pa, pb, normal, spacing, clip, bend)
            return
        ax, ay, bx, by = pa.x(), pa.y(), pb.x(), pb.y()
        ra, rb = ia.radius, ib.radius
        nx, ny = normal
        ends = index.ends
        for lane, fid in zip(G.lane_offsets(len(fids)), fids, strict=False):
            item = flows[fid]
            hl, hw = head_size(item.width)
            offset = lane * spacing + bend
            if ends[fid][0] == a:
                points, head, mx, my = G.arrow_parts(ax, ay, ra, bx, by, rb, offset, nx, ny, hl, hw)
            else:
                points, head, mx, my = G.arrow_parts(bx, by, rb, ax, ay, ra, offset, nx, ny, hl, hw)
            item.set_arrow(points, head)
            item.place_label(mx, my)
        if self._later is not None:
            self._later.extend(fids)
        elif not self._holding_labels and not self._live.active():
            self.labels.place(fids)   # (during a drag the labels ride in the middle: placed at the drop)

    def bend(self, key: Pair, pa: QPointF, pb: QPointF, normal: tuple[float, float], lanes: int) -> float:
        """How far the middle of a pair's arrows moves off the straight line (along ``normal``)
        to pass the companies in their way: to the side that needs the least; 0 when the line
        is clear (or the map is too big to look)."""
        if len(self._index.flows) > self.ROUTE_UP_TO:
            return 0.0
        live = self._live
        if live.active() and len(live.moving_flows) > self.LIVE_ROUTE_UP_TO:
            return 0.0   # a drag of many arrows stays fast: they bend again at the drop
        labels = self.labels
        if not labels.has_companies():
            labels.note_companies(self._index.companies)
        ax, ay, bx, by = pa.x(), pa.y(), pb.x(), pb.y()
        length = math.hypot(bx - ax, by - ay)
        if length < 1e-6:
            return 0.0
        ux, uy = (bx - ax) / length, (by - ay) / length
        nx, ny = normal
        room = self.ROUTE_MARGIN + (lanes - 1) / 2 * self._style.lane_spacing
        need = {1.0: 0.0, -1.0: 0.0}
        for cx, cy, r in labels.circles_along(ax, ay, bx, by, key):
            t = ((cx - ax) * ux + (cy - ay) * uy) / length
            d = (cx - ax) * nx + (cy - ay) * ny
            if not 0.08 < t < 0.92 or abs(d) >= r + room:
                continue
            for side in (1.0, -1.0):   # the middle moves 4t(1-t) x the offset at t
                need[side] = max(need[side], (side * d + r + room) / (4 * t * (1 - t)))
        side = 1.0 if need[1.0] <= need[-1.0] else -1.0
        return side * min(need[side], 0.45 * length)

    def _layout_live_pair(self, fids: list[str], a: str, ia: CompanyItem, ib: CompanyItem, pa: QPointF,
                          pb: QPointF, normal: tuple[float, float], spacing: float,
                          clip: tuple[float, float, float, float], bend: float = 0.0) -> None:
        """The lanes of a pair during a live drag: the same numbers as :meth:`layout_pair`, but
        only the visible part of each line is built (full geometry at the end of the drag)."""
        ax, ay, bx, by = pa.x(), pa.y(), pb.x(), pb.y()
        ra, rb = ia.radius, ib.radius
        nx, ny = normal
        head_length, head_width = self._style.arrow_head_length, self._style.arrow_head_width
        flows, ends = self._index.flows, self._index.ends
        for lane, fid in zip(G.lane_offsets(len(fids)), fids, strict=False):
            item = flows[fid]
            grow = item.width * 1.3
            offset = lane * spacing + bend
            if ends[fid][0] == a:
                points, head, mx, my = G.arrow_parts(ax, ay, ra, bx, by, rb, offset, nx, ny,
                                                     head_length + grow, head_width + grow)
            else:
                points, head, mx, my = G.arrow_parts(bx, by, rb, ax, ay, ra, offset, nx, ny,
                                                     head_length + grow, head_width + grow)
            item.set_live_geometry(G.clipped_line(points, clip), G.head_polygon(head))
            item.place_label(mx, my)
