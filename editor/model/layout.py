"""A simple deterministic automatic layout for companies without a position. No Qt.

Used by the importers for new companies and by the canvas's "automatic layout"
command. Companies not listed in ``ids`` keep their place and the listed ones
are arranged around them, so the same diagram always gets the same picture:

* up to ``SPRING_LIMIT`` companies in the diagram: a seeded spring layout of
  the whole diagram with the others held in place;
* larger: a force-directed layout of the listed companies alone (igraph's
  grid Fruchterman-Reingold from a seeded start), each axis then evened out
  (a coordinate becomes its rank, so clusters do not pile onto the same grid
  points), in a box of its own sized for their number, beside the others.

Then every listed company is moved to the nearest free point of a grid, so no
two companies end up closer than ``MIN_DISTANCE``. The grid leaves room for
what is written on the map: its columns are as wide as the longer names (a name
is written under its company, up to ``NAME_WIDTH`` pixels wide) and its rows
hold a name and an amount label; every other row is shifted by half a column,
so arrows along a row or a column do not run through the companies between.
A fresh layout of a few companies fills ``WIDTH`` x ``HEIGHT``; more
companies get a proportionally larger box.
"""
from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.model.diagram import Diagram
    from editor.model.entities import Company

Point = tuple[float, float]

#: Size of the box a fresh layout of a few companies fills, in scene pixels.
WIDTH, HEIGHT = 1200.0, 800.0
SEED = 7
#: No two companies are placed closer than this (centre to centre, pixels).
MIN_DISTANCE = 120.0
#: Grid step the placed companies snap to.
SPACING = 130.0
#: Room per company in a large layout (pixels squared).
AREA_PER_COMPANY = 170.0 ** 2
#: Above this many companies in the diagram, the fast layout is used.
SPRING_LIMIT = 250
#: The widest a company's name is written on the canvas (it wraps there), and the width of
#: one character of it, about (pixels).
NAME_WIDTH, CHAR_WIDTH = 150.0, 7.2
#: Room between two names side by side, and the height of a row (circle, name, amount label).
NAME_GAP, ROW_HEIGHT = 44.0, 150.0


def grid_steps(diagram: Diagram) -> tuple[float, float]:
    """Column and row step of the grid: columns as wide as the longer names (the 90th
    percentile, so one long name does not spread the whole map)."""
    widths = sorted(min(len(c.name) * CHAR_WIDTH, NAME_WIDTH) for c in diagram.companies())
    name = widths[int(0.9 * (len(widths) - 1))] if widths else 0.0
    return max(SPACING, name + NAME_GAP), max(SPACING, ROW_HEIGHT)


def layout_positions(diagram: Diagram, ids: Iterable[str]) -> dict[str, tuple[float, float]]:
    """New ``{company id: (x, y)}`` for ``ids``; other companies stay where they are."""
    ids = list(dict.fromkeys(i for i in ids if diagram.has_company(i)))
    if not ids:
        return {}
    moving = set(ids)
    fixed = [c for c in diagram.companies() if c.id not in moving]
    edges = [(f.source, f.target) for f in diagram.flows() if f.source != f.target]
    if len(ids) == 1 and not fixed:
        return {ids[0]: (WIDTH / 2, HEIGHT / 2)}
    steps = grid_steps(diagram)
    if len(diagram.companies()) <= SPRING_LIMIT:
        pos = _spring(diagram, ids, fixed, edges, steps)
    else:
        pos = _fast(ids, [(a, b) for a, b in edges if a in moving and b in moving], fixed, steps)
    return _snap(pos, ids, [(c.x, c.y) for c in fixed], steps)


def _box(count: int, steps: tuple[float, float] = (SPACING, SPACING)) -> tuple[float, float]:
    """A box for ``count`` companies, larger when the grid's steps are (room for names)."""
    room = AREA_PER_COMPANY * (steps[0] / SPACING) * (steps[1] / SPACING)
    grow = max(1.0, math.sqrt(count * room / (WIDTH * HEIGHT)))
    return WIDTH * grow, HEIGHT * grow


def _spring(diagram: Diagram, ids: list[str], fixed: list[Company],
            edges: list[tuple[str, str]], steps: tuple[float, float]) -> dict[str, Point]:
    import networkx as nx  # imported on first use, like igraph below

    g = nx.Graph()
    g.add_nodes_from(c.id for c in diagram.companies())
    g.add_edges_from(edges)
    if not fixed:
        pos = nx.spring_layout(g.subgraph(ids), seed=SEED)
        return _fit(pos, ids, *_box(len(ids), steps), steps)
    xs = [c.x for c in fixed]
    ys = [c.y for c in fixed]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys), WIDTH / 2)
    scale = span / 2
    init = {c.id: ((c.x - cx) / scale, (c.y - cy) / scale) for c in fixed}
    pos = nx.spring_layout(g, pos=init, fixed=list(init), seed=SEED, k=1.5 / max(len(g), 1) ** 0.5)
    return {i: (cx + float(pos[i][0]) * scale, cy + float(pos[i][1]) * scale) for i in ids}


def _fast(ids: list[str], edges: list[tuple[str, str]], fixed: list[Company],
          steps: tuple[float, float]) -> dict[str, Point]:
    """Layout of the listed companies alone, beside the fixed ones (if any)."""
    index = {cid: k for k, cid in enumerate(ids)}
    pairs = sorted({(min(index[a], index[b]), max(index[a], index[b])) for a, b in edges})
    coords = _even(_force_directed(len(ids), pairs))
    w, h = _box(len(ids), steps)
    pos = _fit(dict(zip(ids, coords, strict=True)), ids, w, h, steps)
    if fixed:
        right = max(c.x for c in fixed) + 2 * steps[0]
        top = min(c.y for c in fixed)
        pos = {i: (x + right, y + top) for i, (x, y) in pos.items()}
    return pos


def _force_directed(n: int, pairs: list[tuple[int, int]]) -> list[tuple[float, float]]:
    import igraph  # imported on first use: opening the model does not need it

    # A seeded start spread over a square of side sqrt(n) around the origin: the scale of the layout's
    # own forces, so the companies can travel to their neighbours in the iterations given. (A start
    # spread n wide left each company within a few per cent of where it started: linked companies
    # ended up no closer than any two. igraph's grid covers a square of that scale around the origin:
    # the same start moved off it ran 18 times slower.)
    rng = random.Random(SEED)
    half = math.sqrt(n) / 2
    start = [(rng.uniform(-half, half), rng.uniform(-half, half)) for _ in range(n)]
    g = igraph.Graph(n=n, edges=pairs)
    previous = igraph.set_random_number_generator(random.Random(SEED))
    try:
        layout = g.layout_fruchterman_reingold(seed=start, niter=200, grid=True)
    finally:
        igraph.set_random_number_generator(previous or random)
    return [(float(p[0]), float(p[1])) for p in layout.coords]


def _even(coords: Sequence[Point]) -> list[Point]:
    """``coords`` spread evenly along each axis, order kept: each coordinate becomes its rank (ties by
    index). A force-directed layout packs clusters tight and leaves a few companies far out; scaled
    as it is, most companies would share a few grid points and be pushed far from them when snapped
    (20,000 companies: 25 s and neighbours twice as far apart; evened: 1 s)."""
    n = len(coords)
    axes: list[list[float]] = []
    for axis in (0, 1):
        values = [p[axis] for p in coords]
        rank = [0.0] * n
        for r, k in enumerate(sorted(range(n), key=values.__getitem__)):
            rank[k] = float(r)
        axes.append(rank)
    return list(zip(axes[0], axes[1], strict=True))


def _fit(pos: Mapping[str, Sequence[float]], ids: list[str], width: float = WIDTH,
         height: float = HEIGHT, steps: tuple[float, float] = (SPACING, SPACING)) -> dict[str, Point]:
    xs = [float(pos[i][0]) for i in ids]
    ys = [float(pos[i][1]) for i in ids]
    left, top = min(xs), min(ys)
    w = (max(xs) - left) or 1.0
    h = (max(ys) - top) or 1.0
    # keep inside the box after snapping to the grid
    sx, sy = steps
    width = max(sx, math.floor(width / sx) * sx)
    height = max(sy, math.floor(height / sy) * sy)
    return {i: ((x - left) / w * width, (y - top) / h * height) for i, x, y in zip(ids, xs, ys, strict=True)}


def _grid_point(i: int, j: int, steps: tuple[float, float]) -> Point:
    """Grid point (i, j): every other row shifted by half a column."""
    return (i + 0.5 * (j % 2)) * steps[0], j * steps[1]


def _snap(pos: Mapping[str, Point], ids: list[str], fixed_points: list[Point],
          steps: tuple[float, float] = (SPACING, SPACING)) -> dict[str, Point]:
    """Each company to the nearest free grid point at least MIN_DISTANCE from every other."""
    sx, sy = steps
    taken: set[tuple[int, int]] = set()
    reach = math.ceil(MIN_DISTANCE / min(sx, sy)) + 1
    for fx, fy in fixed_points:
        ci, cj = round(fx / sx), round(fy / sy)
        for i in range(ci - reach, ci + reach + 1):
            for j in range(cj - reach, cj + reach + 1):
                gx, gy = _grid_point(i, j, steps)
                if math.hypot(gx - fx, gy - fy) < MIN_DISTANCE:
                    taken.add((i, j))
    out = {}
    for cid in ids:
        x, y = pos[cid]
        j = round(y / sy)
        cell = _nearest_free(x / sx - 0.5 * (j % 2), y / sy, taken)
        taken.add(cell)
        gx, gy = _grid_point(cell[0], cell[1], steps)
        out[cid] = (round(gx, 1), round(gy, 1))
    return out


def _nearest_free(fx: float, fy: float, taken: set) -> tuple[int, int]:
    ci, cj = round(fx), round(fy)
    if (ci, cj) not in taken:
        return ci, cj
    r = 1
    while True:
        ring = [(i, j) for i in range(ci - r, ci + r + 1) for j in (cj - r, cj + r)]
        ring += [(i, j) for i in (ci - r, ci + r) for j in range(cj - r + 1, cj + r)]
        free = [c for c in ring if c not in taken]
        if free:
            return min(free, key=lambda c: ((c[0] - fx) ** 2 + (c[1] - fy) ** 2, c))
        r += 1
