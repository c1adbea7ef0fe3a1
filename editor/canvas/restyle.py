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

from .style import arrow_width, node_radius

#: arrow widths go up from the minimum width in steps of this (scene px)
WIDTH_STEP = 0.25


class RestyleMixin:
    #: time one slice of rescaling may take (seconds)
    RESCALE_SLICE_S = 0.012

    def _init_rescale(self) -> None:
        self._stale_flows: dict[str, None] = {}      # flows whose width may be out of date
        self._stale_companies: dict[str, None] = {}  # companies whose radius may be out of date
        self._rescale_timer = QTimer(self)
        self._rescale_timer.setInterval(0)
        self._rescale_timer.timeout.connect(self._rescale_slice)

    def flow_width(self, amount: float | None) -> float:
        """The drawn width of an arrow for ``amount`` at the current largest amount: the style's
        width rounded to a step of WIDTH_STEP above the minimum width."""
        width = arrow_width(amount, self._max_amount, self.style)
        if amount is None or not self._max_amount:
            return width
        low = self.style.min_arrow_width
        return low + round((width - low) / WIDTH_STEP) * WIDTH_STEP

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
                    width = self.flow_width(d.flow(other).amount)
                    if width != item.width:
                        item.set_look(item.color, width)
                        changed = True
                if changed:
                    self._layout_pair(key)
        if resized:
            self._fit_scene_rect(self._companies_rect())
        if not companies and not flows:
            self._rescale_timer.stop()
