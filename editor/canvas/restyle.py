"""Rescaling: when the largest amount (or company value) changes, arrow widths (or circle
radii) of the whole diagram follow, a slice at a time. Done by the scene's :class:`Rescaler`.

Arrow widths are quantised to a quarter pixel (finer steps do not show), so a new largest
amount re-draws only the arrows whose drawn width really changes, and radii likewise. The
items to check are queued and a zero-timer works through them in slices of a few
milliseconds, so an edit of the largest flow never blocks the window for the ~0.5 s a full
restyle of 10,000 arrows takes. The result is the very picture a full restyle gives
(``tests/test_canvas_perf_restyle.py`` compares them item by item); anything that needs the
final picture right away (rendering, ``diagram_rect()``, a drag) calls :meth:`Rescaler.settle`.
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from editor.canvas.backref import Backref
from editor.canvas.bounds import SceneBounds
from editor.canvas.flow_items import FlowItem
from editor.canvas.index import Pair, SceneIndex
from editor.canvas.style import SIZE_MODES, CanvasStyle, arrow_width, company_value, node_radius
from editor.model import Diagram

if TYPE_CHECKING:
    from editor.canvas.scene import DiagramScene

#: arrow widths go up from the minimum width in steps of this (scene px)
WIDTH_STEP = 0.25


class Rescaler:
    """What arrow widths and circle radii are scaled to (the largest amount and company value,
    what sizes the circles), and the queue of items to restyle when that changes."""

    #: time one slice of rescaling may take (seconds)
    RESCALE_SLICE_S = 0.012

    def __init__(self, scene: DiagramScene, index: SceneIndex, bounds: SceneBounds,
                 style: CanvasStyle) -> None:
        self._scene = Backref(scene)
        self._index = index
        self._bounds = bounds
        self._style = style
        #: time one slice may take (seconds); RESCALE_SLICE_S unless changed
        self.slice_s: float = self.RESCALE_SLICE_S
        self._size_by = "valuation"
        self._values: dict[str, float] = {}     # company id -> the value its circle is sized by
        self._amounts: dict[str, float] = {}    # flow id -> amount
        self._max_value: float | None = None
        self._max_amount: float | None = None
        self._stale_flows: dict[str, None] = {}      # flows whose width may be out of date
        self._stale_companies: dict[str, None] = {}  # companies whose radius may be out of date
        self._tolerance = WIDTH_STEP
        self._behind: dict[str, None] = {}   # flows drawn a little off their width (see below)
        self._behind_pairs: dict[Pair, None] = {}   # pairs drawn a little off their lanes
        self._lane_drawn: dict[Pair, float] = {}    # the lane spacing drawn per pair
        self._timer = QTimer(scene)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_slice)

    # ------------------------------------------------------------ scales
    @property
    def size_by(self) -> str:
        return self._size_by

    @property
    def max_value(self) -> float | None:
        return self._max_value

    def reset(self, diagram: Diagram) -> None:
        """Drop pending work and take the values and amounts of a diagram (a rebuild)."""
        self._stale_flows = {}
        self._stale_companies = {}
        self._behind = {}
        self._behind_pairs = {}
        self._lane_drawn = {}
        self._timer.stop()
        self._values = {c.id: v for c in diagram.companies()
                        if (v := company_value(c, self._size_by)) is not None}
        self._amounts = {f.id: f.amount for f in diagram.flows() if f.amount is not None}
        self._max_value = max(self._values.values(), default=None)
        self._max_amount = max(self._amounts.values(), default=None)

    def set_size_by(self, mode: str, diagram: Diagram) -> bool:
        """Size circles by ``mode``; False if that is already so."""
        if mode not in SIZE_MODES:
            raise ValueError(f"size_by: expected one of {', '.join(SIZE_MODES)}, got {mode!r}")
        if mode == self._size_by:
            return False
        self._size_by = mode
        self._values = {c.id: v for c in diagram.companies()
                        if (v := company_value(c, mode)) is not None}
        self._max_value = max(self._values.values(), default=None)
        self._rescale_companies()
        return True

    def company_added(self, cid: str, value: float | None) -> None:
        if value is not None:
            self._values[cid] = value
            if self._max_value is None or value > self._max_value:
                self._max_value = value
                self._rescale_companies()

    def company_removed(self, cid: str) -> None:
        v = self._values.pop(cid, None)
        if v is not None and v == self._max_value:
            self._recompute_max_value()

    def company_changed(self, cid: str, value: float | None) -> None:
        old = self._values.pop(cid, None)
        if value is not None:
            self._values[cid] = value
        largest = self._max_value
        if old != value and (old == largest or (value is not None and (largest is None or value > largest))):
            self._recompute_max_value()

    def flow_added(self, fid: str, amount: float | None) -> None:
        if amount is not None:
            self._amounts[fid] = amount
            if self._max_amount is None or amount > self._max_amount:
                self._max_amount = amount
                self._rescale_flows()

    def flow_largest(self, fid: str) -> bool:
        """The flow's amount is the largest (or both are unknown)."""
        return self._amounts.get(fid) == self._max_amount

    def amount_of(self, fid: str) -> float | None:
        """The amount the flow is counted with (None: unknown or not counted)."""
        return self._amounts.get(fid)

    def forget_flow(self, fid: str) -> None:
        self._amounts.pop(fid, None)

    def flow_changed(self, fid: str, amount: float | None) -> float | None:
        """Take a flow's new amount; its old one."""
        old = self._amounts.pop(fid, None)
        if amount is not None:
            self._amounts[fid] = amount
        return old

    def _recompute_max_value(self) -> bool:
        new = max(self._values.values(), default=None)
        if new == self._max_value:
            return False
        self._max_value = new
        self._rescale_companies()
        return True

    def recompute_max_amount(self) -> bool:
        new = max(self._amounts.values(), default=None)
        if new == self._max_amount:
            return False
        self._max_amount = new
        self._rescale_flows()
        return True

    def flow_width(self, amount: float | None) -> float:
        """The drawn width of an arrow for ``amount`` at the current largest amount: the style's
        width rounded to a step of WIDTH_STEP above the minimum width."""
        largest, style = self._max_amount, self._style
        width = arrow_width(amount, largest, style)
        if amount is None or not largest:
            return width
        low = style.min_arrow_width
        return low + round((width - low) / WIDTH_STEP) * WIDTH_STEP

    # Width tolerance: a view zoomed far out (arrows drawn unsmoothed, a pixel wide) cannot show
    # a width change smaller than a screen pixel, so it sets that as the tolerance: an arrow
    # whose new width is within it keeps its drawn width (nothing to repaint: a long arrow's
    # box is most of the view there, 40-100 ms of repainting at 1,000 / 5,000) and is noted.
    # When the tolerance shrinks again (zooming in), the noted arrows get their exact width.

    def width_tolerance(self) -> float:
        return self._tolerance

    def set_width_tolerance(self, tolerance: float) -> None:
        tolerance = max(WIDTH_STEP, float(tolerance))
        finer = tolerance < self._tolerance
        self._tolerance = tolerance
        if finer and self._behind:
            self._stale_flows.update(self._behind)
            self._behind = {}
            self._timer.start()
        if finer and self._behind_pairs:
            pairs, self._behind_pairs = self._behind_pairs, {}
            for key in pairs:
                if key in self._index.pairs:
                    self._scene().layout_pair(key)

    def drawn_spacing(self, key: Pair, spacing: float) -> float:
        """The lane spacing to draw a pair of companies with (it follows the widest amount
        label of the pair: an edit of an amount moves the lanes by a few scene px, which does
        not show far out, so it waits like a width does)."""
        drawn = self._lane_drawn.get(key)
        if (drawn is not None and drawn != spacing and self._tolerance > WIDTH_STEP
                and abs(spacing - drawn) < self._tolerance):
            self._behind_pairs[key] = None
            return drawn
        self._lane_drawn[key] = spacing
        return spacing

    def drawn_width(self, item: FlowItem, width: float) -> float:
        """The width to draw ``item`` with when its exact width is ``width``."""
        if (self._tolerance > WIDTH_STEP and item.styled and width != item.width
                and abs(width - item.width) < self._tolerance):
            self._behind[item.id] = None
            return item.width
        return width

    # --------------------------------------------------------- the queue
    def _rescale_flows(self) -> None:
        """The largest amount changed: every arrow's width is to be checked."""
        self._stale_flows = dict.fromkeys(self._index.flows)
        self._timer.start()

    def _rescale_companies(self) -> None:
        """The largest value changed (or what sizes the circles): every radius is to be checked."""
        self._stale_companies = dict.fromkeys(self._index.companies)
        self._timer.start()

    def pending(self) -> bool:
        return bool(self._stale_flows or self._stale_companies)

    def settle(self) -> None:
        """Finish any pending rescaling now."""
        if self._stale_flows or self._stale_companies:
            self._rescale(None)

    def run_slice(self) -> None:
        """Rescale for one slice of time (a timer tick)."""
        self._rescale(time.perf_counter() + self.slice_s)

    def _rescale(self, deadline: float | None) -> None:
        scene, index = self._scene(), self._index
        d = scene.diagram
        companies, flows = self._stale_companies, self._stale_flows
        resized = False
        n = 0
        while companies and not (deadline is not None and n >= 8 and time.perf_counter() > deadline):
            for _ in range(8):
                if not companies:
                    break
                cid = next(iter(companies))
                del companies[cid]
                n += 1
                item = index.companies.get(cid)
                if item is None or node_radius(d.company(cid), self._size_by, self._max_value,
                                               self._style) == item.radius:
                    continue
                scene.restyle_company(cid)
                scene.layout_companies([cid])   # its arrows, and the arrows passing it
                resized = True
        while flows and not companies and not (deadline is not None and n >= 32
                                               and time.perf_counter() > deadline):
            for _ in range(32):
                if not flows:
                    break
                fid = next(iter(flows))
                n += 1
                if fid not in index.flows:
                    del flows[fid]
                    continue
                # the whole pair at once: its lanes are laid out together
                key = index.pair_of(fid)
                changed = False
                for other in index.pairs.get(key, (fid,)):
                    flows.pop(other, None)
                    arrow = index.flows[other]
                    width = self.drawn_width(arrow, self.flow_width(d.flow(other).amount))
                    if width != arrow.width:
                        arrow.set_look(arrow.color, width)
                        changed = True
                if changed:
                    scene.layout_pair(key)
        if resized:
            self._bounds.fit(self._bounds.companies_rect())
        if not companies and not flows:
            self._timer.stop()
