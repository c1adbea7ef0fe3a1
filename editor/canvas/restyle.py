"""Rescaling: when the largest amount (or company value) changes, arrow widths (or circle
radii) of the whole diagram follow, a slice at a time. Mixed into :class:`DiagramScene`.

Arrow widths are quantised to a quarter pixel (finer steps do not show), so a new largest
amount re-draws only the arrows whose drawn width really changes, and radii likewise. The
items to check are queued and a zero-timer works through them in slices of a few
milliseconds, so an edit of the largest flow never blocks the window for the ~0.5 s a full
restyle of 10,000 arrows takes. The result is the very picture a full restyle gives
(``tests/test_canvas_perf_restyle.py`` compares them item by item); anything that needs the
final picture right away (rendering, ``diagram_rect()``, a drag) calls :meth:`settle_styles`.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from editor.canvas.style import arrow_width, node_radius

#: arrow widths go up from the minimum width in steps of this (scene px)
WIDTH_STEP = 0.25


class RestyleMixin:
    #: time one slice of rescaling may take (seconds)
    RESCALE_SLICE_S = 0.012

    def _init_rescale(self) -> None:
        self._stale_flows: dict[str, None] = {}      # flows whose width may be out of date
        self._stale_companies: dict[str, None] = {}  # companies whose radius may be out of date
        self._tolerance = WIDTH_STEP
        self._behind: dict[str, None] = {}   # flows drawn a little off their width (see below)
        self._behind_pairs: dict[tuple[str, str], None] = {}   # pairs drawn a little off their lanes
        self._rescale_timer = QTimer(self)
        self._rescale_timer.setInterval(0)
        self._rescale_timer.timeout.connect(self._rescale_slice)

    def flow_width(self, amount: float | None) -> float:
        """The drawn width of an arrow for ``amount`` at the current largest amount: the style's
        width rounded to a step of WIDTH_STEP above the minimum width."""
        largest, style = self._max_amount, self.style
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
            self._rescale_timer.start()
        if finer and self._behind_pairs:
            pairs, self._behind_pairs = self._behind_pairs, {}
            for key in pairs:
                if key in self._pairs:
                    self._layout_pair(key)

    def _drawn_spacing(self, key, spacing: float) -> float:
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

    def drawn_width(self, item, width: float) -> float:
        """The width to draw ``item`` with when its exact width is ``width``."""
        if (self._tolerance > WIDTH_STEP and item._styled and width != item.width
                and abs(width - item.width) < self._tolerance):
            self._behind[item.id] = None
            return item.width
        return width

    def _rescale_flows(self) -> None:
        """The largest amount changed: every arrow's width is to be checked."""
        self._stale_flows = dict.fromkeys(self._flows)
        self._rescale_timer.start()

    def _rescale_companies(self) -> None:
        """The largest value changed (or what sizes the circles): every radius is to be checked."""
        self._stale_companies = dict.fromkeys(self._companies)
        self._rescale_timer.start()

    def rescale_pending(self) -> bool:
        return bool(self._stale_flows or self._stale_companies)

    def settle_styles(self) -> None:
        """Finish any pending rescaling now."""
        if self.rescale_pending():
            self._rescale(None)

    def _drop_rescale(self) -> None:
        self._stale_flows = {}
        self._stale_companies = {}
        self._behind = {}
        self._behind_pairs = {}
        self._rescale_timer.stop()

    def _rescale_slice(self) -> None:
        self._rescale(time.perf_counter() + self.RESCALE_SLICE_S)

    def _rescale(self, deadline: float | None) -> None:
        d = self.diagram
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
                item = self._companies.get(cid)
                if item is None or node_radius(d.company(cid), self._size_by, self._max_value,
                                               self.style) == item.radius:
                    continue
                self._cat_use[item._category] -= 1
                self._style_company(cid)
                for key in self._company_pairs.get(cid, ()):
                    self._layout_pair(key)
                resized = True
        while flows and not companies and not (deadline is not None and n >= 32
                                               and time.perf_counter() > deadline):
            for _ in range(32):
                if not flows:
                    break
                fid = next(iter(flows))
                n += 1
                if fid not in self._flows:
                    del flows[fid]
                    continue
                # the whole pair at once: its lanes are laid out together
                key = self._pair_of(fid)
                changed = False
                for other in self._pairs.get(key, (fid,)):
                    flows.pop(other, None)
                    item = self._flows[other]
                    width = self.drawn_width(item, self.flow_width(d.flow(other).amount))
                    if width != item.width:
                        item.set_look(item.color, width)
                        changed = True
                if changed:
                    self._layout_pair(key)
        if resized:
            self._fit_scene_rect(self._companies_rect())
        if not companies and not flows:
            self._rescale_timer.stop()
