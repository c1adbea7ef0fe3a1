"""A simple deterministic automatic layout for companies without a position. No Qt.

Used by the importers for new companies and by the canvas's "automatic layout"
command. Companies not listed in ``ids`` keep their place and the listed ones
are arranged around them (a seeded spring layout, so the same diagram always
gets the same picture).
"""
from __future__ import annotations

from typing import Iterable

import networkx as nx

#: Size of the box a fresh layout fills, in scene pixels.
WIDTH, HEIGHT = 1200.0, 800.0
SEED = 7


def layout_positions(diagram, ids: Iterable[str]) -> dict[str, tuple[float, float]]:
    """New ``{company id: (x, y)}`` for ``ids``; other companies stay where they are."""
    ids = [i for i in ids if diagram.has_company(i)]
    if not ids:
        return {}
    g = nx.Graph()
    g.add_nodes_from(c.id for c in diagram.companies())
    g.add_edges_from((f.source, f.target) for f in diagram.flows() if f.source != f.target)
    moving = set(ids)
    fixed = [c for c in diagram.companies() if c.id not in moving]
    if not fixed:
        sub = g.subgraph(ids)
        if len(ids) == 1:
            return {ids[0]: (WIDTH / 2, HEIGHT / 2)}
        pos = nx.spring_layout(sub, seed=SEED)
        return _fit(pos, ids)
    xs = [c.x for c in fixed]
    ys = [c.y for c in fixed]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys), WIDTH / 2)
    scale = span / 2
    init = {c.id: ((c.x - cx) / scale, (c.y - cy) / scale) for c in fixed}
    pos = nx.spring_layout(g, pos=init, fixed=list(init), seed=SEED, k=1.5 / max(len(g), 1) ** 0.5)
    return {i: (round(cx + float(pos[i][0]) * scale, 1), round(cy + float(pos[i][1]) * scale, 1)) for i in ids}


def _fit(pos, ids) -> dict[str, tuple[float, float]]:
    xs = [float(pos[i][0]) for i in ids]
    ys = [float(pos[i][1]) for i in ids]
    w = (max(xs) - min(xs)) or 1.0
    h = (max(ys) - min(ys)) or 1.0
    out = {}
    for i in ids:
        x = (float(pos[i][0]) - min(xs)) / w * WIDTH
        y = (float(pos[i][1]) - min(ys)) / h * HEIGHT
        out[i] = (round(x, 1), round(y, 1))
    return out
