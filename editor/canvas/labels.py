"""Where the amount labels go: on their arrow, off every company and off each other.

Each label tries places along its arrow, from the middle outwards, then a little to either
side of it, and takes the first whose box meets no company (circle or name) and no label
placed before it; where every place is taken, the one with the least overlap. Boxes are kept
in a grid of cells, so one label costs a few look-ups whatever the size of the map. The
canvas and the image export use the same placement (the export draws a scene).

Used by :class:`~editor.canvas.lanes.PairLayout`: the whole map after a build
(:meth:`LabelPlacer.place_all`), the labels of a pair each time the pair is laid out, and
the labels that a moved company now covers.
"""
from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from editor.canvas.geometry import line_range

if TYPE_CHECKING:
    from editor.canvas.flow_items import FlowItem
    from editor.canvas.index import SceneIndex

Box = tuple[float, float, float, float]   # x0, y0, x1, y1

CELL = 96.0
#: Places along the arrow, as the curve's parameter, best first.
ALONG = (0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73, 0.2, 0.8, 0.14, 0.86)
#: Places beside the arrow (the parameter, and the side of the line), best first; tried next to
#: the line, then one and two label heights further off.
BESIDE = ((0.5, 1), (0.5, -1), (0.4, 1), (0.6, -1), (0.4, -1), (0.6, 1), (0.3, 1), (0.7, -1), (0.3, -1),
          (0.7, 1))
#: Up to this many flows, labels with no room beside their arrow look further off it.
THOROUGH_UP_TO = 3000
#: How far from a company an arrow is looked at for bending around it (see lanes.py): more
#: than the room kept, plus half the lanes of a pair of a few parallel flows.
REACH = 48.0
#: Room kept between a label and what it must not touch.
GAP = 1.5


def _cells(box: Box) -> Iterator[tuple[int, int]]:
    for gx in range(math.floor(box[0] / CELL), math.floor(box[2] / CELL) + 1):
        for gy in range(math.floor(box[1] / CELL), math.floor(box[3] / CELL) + 1):
            yield gx, gy


def _box_at(item: FlowItem, x: float, y: float) -> Box:
    """The box of a flow's label centred at (x, y), with its source marker (top right) if any."""
    w, h = item.label_size
    extra = item.label_extra
    return (x - w / 2, y - h / 2 - (5.0 if extra else 0.0), x + w / 2 + extra, y + h / 2)


def line_cells(ax: float, ay: float, bx: float, by: float) -> list[tuple[int, int]]:
    """The cells the segment a-b passes through, in order (a grid walk)."""
    gx, gy = math.floor(ax / CELL), math.floor(ay / CELL)
    ex, ey = math.floor(bx / CELL), math.floor(by / CELL)
    dx, dy = bx - ax, by - ay
    sx, sy = (1 if dx > 0 else -1), (1 if dy > 0 else -1)
    tdx = abs(CELL / dx) if dx else math.inf
    tdy = abs(CELL / dy) if dy else math.inf
    tmx = ((gx + (sx > 0)) * CELL - ax) / dx if dx else math.inf
    tmy = ((gy + (sy > 0)) * CELL - ay) / dy if dy else math.inf
    cells = [(gx, gy)]
    for _ in range(abs(ex - gx) + abs(ey - gy)):
        if tmx < tmy:
            gx += sx
            tmx += tdx
        else:
            gy += sy
            tmy += tdy
        cells.append((gx, gy))
    return cells


def _segment_meets_box(ax: float, ay: float, bx: float, by: float, box: Box) -> bool:
    """The segment a-b passes through ``box``."""
    return line_range(ax, ay, bx, by, box) is not None


def overlap_area(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _point(points: tuple, t: float) -> tuple[float, float, float, float]:
    """Point and unit normal of the arrow's line at ``t``."""
    if len(points) == 4:
        x0, y0, x1, y1 = points
        x, y, dx, dy = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, x1 - x0, y1 - y0
    else:
        x0, y0, cx, cy, x1, y1 = points
        k = 1 - t
        x = k * k * x0 + 2 * k * t * cx + t * t * x1
        y = k * k * y0 + 2 * k * t * cy + t * t * y1
        dx = 2 * k * (cx - x0) + 2 * t * (x1 - cx)
        dy = 2 * k * (cy - y0) + 2 * t * (y1 - cy)
    n = math.hypot(dx, dy) or 1.0
    return x, y, -dy / n, dx / n


class LabelPlacer:
    """Keeps the boxes of companies and labels in cells and places labels among them."""

    def __init__(self, index: SceneIndex) -> None:
        self._index = index
        self.clear()

    def clear(self) -> None:
        self._forget_places()

    def _forget_places(self) -> None:
        self._queue: list[str] = []
        #: The queue is placed in the background while the labels are shown where they are
        #: (:meth:`place_later`): a paint does not wait for it (see :meth:`needed_now`).
        self._in_background = False
        self._label_box: dict[str, Box] = {}
        self._label_cells: dict[tuple[int, int], set[str]] = {}
        self._company_boxes: dict[str, tuple[Box, ...]] = {}
        self._company_cells: dict[tuple[int, int], set[str]] = {}
        #: circles grown by REACH, by cell: what an arrow passing a cell may have to bend around
        self._reach_box: dict[str, Box] = {}
        self._reach_cells: dict[tuple[int, int], set[str]] = {}

    # ------------------------------------------------------------ companies
    def note_companies(self, company_ids: Iterable[str]) -> None:
        companies = self._index.companies
        for cid in company_ids:
            self._drop_company(cid)
            item = companies.get(cid)
            if item is None:
                continue
            boxes = item.obstacle_boxes()
            self._company_boxes[cid] = boxes
            for box in boxes:
                for cell in _cells(box):
                    self._company_cells.setdefault(cell, set()).add(cid)
            x0, y0, x1, y1 = boxes[0]
            reach = self._reach_box[cid] = (x0 - REACH, y0 - REACH, x1 + REACH, y1 + REACH)
            for cell in _cells(reach):
                self._reach_cells.setdefault(cell, set()).add(cid)

    def has_companies(self) -> bool:
        return bool(self._company_boxes)

    def routes_near(self, company_ids: Iterable[str]) -> set[tuple[str, str]]:
        """Pairs whose straight line passes within REACH of these companies (where they are
        noted now): the arrows that may have to bend around them, or no longer."""
        index = self._index
        reaches = [r for cid in company_ids if (r := self._reach_box.get(cid)) is not None]
        if not reaches:
            return set()
        if len(reaches) > 20:       # many companies moved (a layout): every arrow
            return set(index.pairs)
        companies = index.companies
        keys: set[tuple[str, str]] = set()
        for key in index.pairs:
            a, b = companies.get(key[0]), companies.get(key[1])
            if a is None or b is None or a is b:
                continue
            ax, ay, bx, by = a.x(), a.y(), b.x(), b.y()
            for x0, y0, x1, y1 in reaches:
                if max(ax, bx) < x0 or min(ax, bx) > x1 or max(ay, by) < y0 or min(ay, by) > y1:
                    continue
                if _segment_meets_box(ax, ay, bx, by, (x0, y0, x1, y1)):
                    keys.add(key)
                    break
        return keys

    def circles_along(self, ax: float, ay: float, bx: float, by: float,
                      skip: tuple[str, str]) -> list[tuple[float, float, float]]:
        """(x, y, radius) of the companies within REACH of the segment a-b's cells, but ``skip``."""
        found: set[str] = set()
        reach_cells = self._reach_cells
        for cell in line_cells(ax, ay, bx, by):
            if cell in reach_cells:
                found.update(reach_cells[cell])
        out = []
        for cid in sorted(found):
            if cid in skip:
                continue
            x0, y0, x1, y1 = self._company_boxes[cid][0]      # the circle's box
            out.append(((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2))
        return out

    def _drop_company(self, cid: str) -> None:
        for box in self._company_boxes.pop(cid, ()):
            for cell in _cells(box):
                self._company_cells.get(cell, set()).discard(cid)
        reach = self._reach_box.pop(cid, None)
        if reach is not None:
            for cell in _cells(reach):
                self._reach_cells.get(cell, set()).discard(cid)

    # --------------------------------------------------------------- labels
    def _drop_label(self, fid: str) -> None:
        box = self._label_box.pop(fid, None)
        if box is not None:
            for cell in _cells(box):
                self._label_cells.get(cell, set()).discard(fid)

    def _keep_label(self, fid: str, box: Box) -> None:
        self._label_box[fid] = box
        for cell in _cells(box):
            self._label_cells.setdefault(cell, set()).add(fid)

    def label_box(self, fid: str) -> Box | None:
        return self._label_box.get(fid)

    def _cost(self, fid: str, box: Box, limit: float) -> float:
        """How much of ``box`` is taken (0: free), companies weighing more than labels; stops
        counting at ``limit``. (Inlined: this runs about 25 times per label.)"""
        g = GAP
        x0, y0, x1, y1 = box[0] - g, box[1] - g, box[2] + g, box[3] + g
        cost = 0.0
        company_boxes, label_box, flows = self._company_boxes, self._label_box, self._index.flows
        company_cells, label_cells = self._company_cells, self._label_cells
        empty: set[str] = set()
        gx0, gx1 = math.floor(x0 / CELL), math.floor(x1 / CELL)
        gy0, gy1 = math.floor(y0 / CELL), math.floor(y1 / CELL)
        several = gx0 != gx1 or gy0 != gy1
        seen: set[str] = set()
        for gx in range(gx0, gx1 + 1):
            for gy in range(gy0, gy1 + 1):
                for cid in company_cells.get((gx, gy), empty):
                    if several:
                        if cid in seen:
                            continue
                        seen.add(cid)
                    for ox0, oy0, ox1, oy1 in company_boxes.get(cid, ()):
                        w = (x1 if x1 < ox1 else ox1) - (x0 if x0 > ox0 else ox0)
                        if w > 0:
                            h = (y1 if y1 < oy1 else oy1) - (y0 if y0 > oy0 else oy0)
                            if h > 0:
                                cost += 4.0 * w * h
                if cost >= limit:
                    return cost
                for other in label_cells.get((gx, gy), empty):
                    if other == fid:
                        continue
                    if several:
                        if other in seen:
                            continue
                        seen.add(other)
                    ox0, oy0, ox1, oy1 = label_box[other]
                    w = (x1 if x1 < ox1 else ox1) - (x0 if x0 > ox0 else ox0)
                    if w > 0:
                        h = (y1 if y1 < oy1 else oy1) - (y0 if y0 > oy0 else oy0)
                        if h > 0 and other in flows:
                            cost += w * h
                if cost >= limit:
                    return cost
        return cost

    def place(self, fids: Iterable[str]) -> None:
        """Place these labels among the companies and the other labels."""
        flows = self._index.flows
        for fid in fids:
            item = flows.get(fid)
            self._drop_label(fid)
            if item is None:
                continue
            x, y = self._best(fid, item, item.line_points())
            item.place_label(x, y)
            self._keep_label(fid, _box_at(item, x, y))

    def _best(self, fid: str, item: FlowItem, points: tuple | None) -> tuple[float, float]:
        w, h = item.label_size
        hw, hh = w / 2, h / 2
        box = _box_at(item, 0.0, 0.0)     # (with a source marker beside it, if any)
        mx, my = item.label_pos
        if points is None:    # a loop on one company: its middle only
            return mx, my
        best, best_cost = (mx, my), math.inf
        for t in ALONG:
            x, y, _, _ = _point(points, t)
            cost = self._cost(fid, (x + box[0], y + box[1], x + box[2], y + box[3]), best_cost)
            if cost == 0.0:
                return x, y
            if cost < best_cost - 1e-6:
                best, best_cost = (x, y), cost
        # beside the line, then further off it (not on big maps: with thousands of labels a
        # crowded place has no room further off either, and the tries would cost seconds)
        for away in (0.0, 1.0, 2.0) if len(self._index.flows) <= THOROUGH_UP_TO else (0.0,):
            for t, side in BESIDE:
                x, y, nx, ny = _point(points, t)
                # out along the normal until the box clears the line, and ``away`` heights more
                reach = side * (abs(nx) * hw + abs(ny) * hh + 2.0 + away * (h + 2.0))
                x, y = x + nx * reach, y + ny * reach
                cost = self._cost(fid, (x + box[0], y + box[1], x + box[2], y + box[3]), best_cost)
                if cost == 0.0:
                    return x, y
                if cost < best_cost - 1e-6:
                    best, best_cost = (x, y), cost
        return best

    def place_all(self, now: bool = True) -> None:
        """Every label anew: the labels of short arrows first (they have the fewest places).
        ``now=False`` only queues them for :meth:`place_some` (a big map after its build)."""
        index = self._index
        self._forget_places()
        if not self.has_companies():   # (noted as they were laid out, or as they moved since)
            self.note_companies(index.companies)
        self._queue = self._by_length(index.flows)
        if now:
            self.finish()

    def _by_length(self, fids: Iterable[str]) -> list[str]:
        """``fids`` longest arrow first (the queue is taken from the end: short arrows first)."""
        flows = self._index.flows

        def length(fid: str) -> float:
            item = flows.get(fid)
            p = None if item is None else item.line_points()
            return 0.0 if p is None else math.hypot(p[-2] - p[0], p[-1] - p[1])

        return sorted(fids, key=length, reverse=True)

    def place_later(self, fids: Iterable[str]) -> None:
        """Place these labels in the background (:meth:`place_some`), before any queued already;
        until then each stays where it is, taking no room from the others. (Many companies moved
        at once: placing 100,000 labels took most of the 14 s a move of 20,000 companies froze
        the window.)"""
        new = dict.fromkeys(fids)
        for fid in new:
            self._drop_label(fid)
        self._queue = [f for f in self._queue if f not in new] + self._by_length(new)
        self._in_background = True

    def pending(self) -> bool:
        return bool(self._queue)

    def needed_now(self) -> bool:
        """Labels are queued that a paint should place first (not those left to the background)."""
        return bool(self._queue) and not self._in_background

    def place_some(self, seconds: float) -> None:
        """Place queued labels for about ``seconds`` (a slice of the event loop's time)."""
        deadline = time.perf_counter() + seconds
        while self._queue and time.perf_counter() < deadline:
            batch = self._queue[-25:]
            del self._queue[-25:]
            self.place(reversed(batch))
        if not self._queue:
            self._in_background = False

    def place_next(self, count: int) -> int:
        """Place the next ``count`` queued labels (in the order of :meth:`finish`); how many are left."""
        batch = self._queue[-count:]
        del self._queue[-count:]
        self.place(reversed(batch))
        return len(self._queue)

    def finish(self) -> None:
        """Place every queued label now."""
        batch, self._queue = self._queue, []
        self._in_background = False
        self.place(reversed(batch))

    def covered_by(self, company_ids: Iterable[str]) -> list[str]:
        """Labels whose boxes meet these companies."""
        found: dict[str, None] = {}   # (in the order met; a list looked up took 43 s for 20,000 companies)
        for cid in company_ids:
            for box in self._company_boxes.get(cid, ()):
                for cell in _cells(box):
                    for fid in self._label_cells.get(cell, ()):
                        other = self._label_box.get(fid)
                        if other is not None and fid not in found and overlap_area(box, other) > 0:
                            found[fid] = None
        return list(found)
