"""Round-trip capacity of every company of a circular component.

The capacity of company v is the maximum flow from v to a copy of v that
receives v's incoming steps. One maximum flow per company is the costly
part of an analysis, so most companies are settled by bounds instead:

* **lower bound**: what passes through v in the maximum circulation already
  computed (a circulation splits into loops; those through v make a flow
  from v back to v). The solver's circulation may be unbalanced by rounding;
  the total imbalance is taken off, so the bound stays a true lower bound.
* **upper bounds** (values of cuts between v and its copy): what v sends,
  what v receives, and the cuts just past v's neighbours:
  ``sum over out-neighbours w of min(step v->w, all w sends)`` and the same
  on the incoming side.

When the lower bound reaches the smallest upper bound (to within
``TOLERANCE`` times the largest step of the component) the upper bound is
the capacity. Only the other companies get a maximum flow, all on one graph
built once per component, where every company is split into an in-node and
an out-node joined by a step larger than everything: the capacity of v is
then the maximum flow from v's out-node to v's in-node, the same graph for
every company. It is solved with igraph's push-relabel on floating-point
amounts when igraph is installed, else with scipy's ``maximum_flow`` on
amounts scaled to 31-bit integers (exact to about (number of steps) x
2.3e-10 x the largest step).
"""
from __future__ import annotations

import time

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_flow

from .circulation import CACHE, Component

try:  # optional: much faster maximum flows, exact on floating-point amounts
    import igraph as _igraph
except ImportError:  # pragma: no cover - depends on the installation
    _igraph = None

#: Bounds closer than this times the largest step of a component settle a company.
TOLERANCE = 1e-11
#: scipy's maximum_flow works on 32-bit capacities: the largest step maps to this.
_INT_MAX = 2**31 - 1


def bounds(comp: Component, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(lower, upper) bounds of every company's capacity, from circulation ``x`` and cuts."""
    k, u, v, caps = comp.k, comp.u, comp.v, comp.caps
    out = np.bincount(u, weights=caps, minlength=k)
    inn = np.bincount(v, weights=caps, minlength=k)
    upper = np.minimum(out, inn)
    upper = np.minimum(upper, np.bincount(u, weights=np.minimum(caps, out[v]), minlength=k))
    upper = np.minimum(upper, np.bincount(v, weights=np.minimum(caps, inn[u]), minlength=k))
    x_in = np.bincount(v, weights=x, minlength=k)
    x_out = np.bincount(u, weights=x, minlength=k)
    imbalance = float(np.maximum(x_in - x_out, 0.0).sum())
    lower = np.clip(np.minimum(x_in, x_out) - imbalance, 0.0, upper)
    return lower, upper


class _IgraphSolver:
    def __init__(self, comp: Component) -> None:
        k = comp.k
        big = float(comp.caps.sum()) * 2 + 1
        edges = np.concatenate([np.column_stack([comp.u + k, comp.v]),
                                np.column_stack([np.arange(k), np.arange(k) + k])])
        self.graph = _igraph.Graph(n=2 * k, edges=edges.tolist(), directed=True)
        self.caps = comp.caps.tolist() + [big] * k
        self.k = k

    def __call__(self, i: int) -> float:
        return float(_igraph.GraphBase.maxflow_value(self.graph, self.k + i, i, self.caps))


class _ScipySolver:
    def __init__(self, comp: Component) -> None:
        k = comp.k
        self.k = k
        self.scale = _INT_MAX / comp.caps.max()
        self.icaps = np.maximum(np.floor(comp.caps * self.scale + 0.5), 0).astype(np.int32)
        self.indptr = np.zeros(k + 2, dtype=np.int32)
        np.cumsum(np.bincount(comp.u, minlength=k + 1), out=self.indptr[1:])
        self.v32 = comp.v.astype(np.int32)

    def __call__(self, i: int) -> float:
        k = self.k
        indices = np.where(self.v32 == i, np.int32(k), self.v32)  # steps into i go to its copy
        mat = csr_matrix((self.icaps, indices, self.indptr), shape=(k + 1, k + 1))
        mat.has_sorted_indices = False
        return float(maximum_flow(mat, i, k, method="dinic").flow_value) / self.scale


def solver(comp: Component, backend: str | None = None):
    """A function company (local index) -> maximum flow value; ``backend`` "igraph" or "scipy"."""
    if backend is None:
        backend = "igraph" if _igraph is not None else "scipy"
    return _IgraphSolver(comp) if backend == "igraph" else _ScipySolver(comp)


def component_capacities(comp: Component, x: np.ndarray, deadline: float | None = None,
                         wanted: np.ndarray | None = None, backend: str | None = None,
                         use_bounds: bool = True, use_cache: bool = True) -> np.ndarray:
    """Capacity of every company of ``comp`` (local order); NaN where not computed.

    ``wanted`` (booleans) limits the work; with a ``deadline`` the companies
    needing a maximum flow are done by decreasing upper bound until then.
    Complete results are cached by the component's key.
    """
    key = (b"roundtrip", comp.key)
    if use_cache:
        cached = CACHE.get(key)
        if cached is not None:
            return cached if wanted is None else np.where(wanted, cached, np.nan)
    values = np.full(comp.k, np.nan)
    if deadline is not None and time.perf_counter() > deadline:
        return values
    lower, upper = bounds(comp, x)
    todo = np.ones(comp.k, dtype=bool) if wanted is None else wanted.astype(bool)
    if use_bounds:
        settled = todo & (lower >= upper - TOLERANCE * comp.caps.max())
        values[settled] = upper[settled]
        todo &= ~settled
    jobs = np.flatnonzero(todo)
    jobs = jobs[np.argsort(-upper[jobs], kind="stable")]
    if len(jobs):
        solve = solver(comp, backend)
        for i in jobs.tolist():
            if deadline is not None and time.perf_counter() > deadline:
                break
            values[i] = min(max(solve(i), 0.0), upper[i])
    if use_cache and wanted is None and not np.isnan(values).any():
        values.setflags(write=False)
        CACHE.put(key, values)
    return values
