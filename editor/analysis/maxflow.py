"""Maximum flows on a component's *split graph*, by igraph (push-relabel, exact on floats).

Company i of a component of k companies has an in-node ``i`` and an out-node
``k + i``, joined by a step larger than everything; a step a -> b joins ``k + a``
to ``b``. The round-trip capacity of company v is then the maximum flow from
v's out-node to v's in-node, on the same graph for every company. Used by
:mod:`editor.analysis.roundtrip` and, in its own process, by
:mod:`editor.analysis.flow_helper`.
"""
from __future__ import annotations

import igraph
import numpy as np


class SplitSolver:
    """Maximum flows of one component's split graph, built once."""

    def __init__(self, k: int, u: np.ndarray, v: np.ndarray, caps: np.ndarray) -> None:
        big = float(caps.sum()) * 2 + 1
        edges = np.concatenate([np.column_stack([u + k, v]),
                                np.column_stack([np.arange(k), np.arange(k) + k])])
        self.graph = igraph.Graph(n=2 * k, edges=edges.tolist(), directed=True)
        self.caps = caps.tolist() + [big] * k
        self.k = k

    def __call__(self, i: int) -> float:
        return float(igraph.GraphBase.maxflow_value(self.graph, self.k + i, i, self.caps))

    def with_cut(self, i: int) -> tuple[float, list[int]]:
        """The maximum flow value and the source side of a minimum cut (split-graph nodes)."""
        value, _, side, _ = igraph.GraphBase.st_mincut(self.graph, self.k + i, i, self.caps)
        return float(value), side


def plain_max_flow(k: int, u: np.ndarray, v: np.ndarray, caps: np.ndarray, a: int, b: int) -> float:
    """Maximum flow from company a to company b over steps (u, v, caps)."""
    graph = igraph.Graph(n=k, edges=np.column_stack([u, v]).tolist(), directed=True)
    return float(igraph.GraphBase.maxflow_value(graph, a, b, caps.tolist()))
