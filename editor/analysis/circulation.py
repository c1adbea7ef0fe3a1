"""Money that can go round: maximum circulation and round-trip capacity.

Both work on the steps with a known, positive amount (a step whose flows
are all unknown carries nothing; a partial step carries its known sum), and
per strongly connected component, since a step between two components can
never carry money that comes back.

* The **circulating amount** is the value of a maximum circulation: the
  largest total over all steps of an amount x (0 <= x <= the step's amount)
  such that every company receives as much as it sends. It is a linear
  program, solved exactly with HiGHS (``scipy.optimize.linprog``).
* The **round-trip capacity** of a company is the largest amount that can
  leave it and come back to it: a maximum flow from the company (as a
  source) to a copy of it that receives its incoming steps (as the sink).
  It uses ``scipy.sparse.csgraph.maximum_flow``, which takes 32-bit integer
  capacities: the amounts of a component are scaled so that its largest step
  is 2**31 - 1 and rounded, so the result is exact to within (number of
  steps) x 2.3e-10 x (largest step of the component) -- far below the
  precision of published deal amounts.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import maximum_flow

from .graph import CompanyGraph

#: maximum_flow works on 32-bit capacities: the largest step of a component maps to this.
_INT_MAX = 2**31 - 1


@dataclass(frozen=True)
class Circulation:
    amount: float
    #: (source id, target id, amount circulating on that step), steps carrying > 0 only.
    steps: tuple[tuple[str, str, float], ...]


def _components(g: CompanyGraph) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per circular component: its companies and its usable steps (indices)."""
    usable = [e for e, s in enumerate(g.steps) if s.amount]
    labels, circular = g.circular_labels(usable)
    usable_arr = np.asarray(usable, dtype=np.int64)
    if not len(usable_arr):
        return []
    src = np.asarray(g.src, dtype=np.int64)[usable_arr]
    dst = np.asarray(g.dst, dtype=np.int64)[usable_arr]
    inside = labels[src] == labels[dst]
    result = []
    for lab in sorted(circular):
        nodes = np.flatnonzero(labels == lab)
        steps = usable_arr[inside & (labels[src] == lab)]
        result.append((nodes, steps))
    return result


def max_circulation(g: CompanyGraph) -> Circulation:
    total = 0.0
    carried: list[tuple[str, str, float]] = []
    for nodes, steps in _components(g):
        local = {int(v): i for i, v in enumerate(nodes)}
        caps = np.array([g.steps[e].amount for e in steps], dtype=float)
        scale = caps.max()
        m = len(steps)
        rows = np.array([local[g.src[e]] for e in steps] + [local[g.dst[e]] for e in steps])
        cols = np.concatenate([np.arange(m), np.arange(m)])
        vals = np.concatenate([np.ones(m), -np.ones(m)])
        a_eq = coo_matrix((vals, (rows, cols)), shape=(len(nodes), m)).tocsr()
        res = linprog(-np.ones(m), A_eq=a_eq, b_eq=np.zeros(len(nodes)),
                      bounds=np.column_stack([np.zeros(m), caps / scale]), method="highs")
        if res.status != 0:  # cannot happen (x = 0 is feasible, the region is bounded)
            raise RuntimeError(f"circulation solver failed: {res.message}")
        x = np.clip(res.x * scale, 0.0, caps)
        total += float(x.sum())
        for e, v in zip(steps, x):
            if v > 1e-12 * scale:
                carried.append((g.steps[e].source, g.steps[e].target, float(v)))
    return Circulation(total, tuple(carried))


def round_trip_capacities(g: CompanyGraph, deadline: float | None = None,
                          only: set[str] | None = None) -> dict[str, float | None]:
    """Round-trip capacity of every company (0 outside circular components).

    One maximum flow per circular company: the costly part of an analysis.
    With a ``deadline`` (``time.perf_counter()`` value), companies are done
    by decreasing upper bound (the smaller of what they send and receive
    inside their component); those not reached in time get ``None``.
    ``only`` limits the work to some company ids (others get ``None``).
    """
    result: dict[str, float | None] = {
        c.id: (0.0 if only is None or c.id in only else None) for c in g.companies}
    jobs = []
    for nodes, steps in _components(g):
        k = len(nodes)
        local = np.full(g.n, -1, dtype=np.int64)
        local[nodes] = np.arange(k)
        caps = np.array([g.steps[e].amount for e in steps], dtype=float)
        scale = _INT_MAX / caps.max()
        icaps = np.maximum(np.floor(caps * scale + 0.5), 0).astype(np.int32)
        u = local[np.asarray(g.src, dtype=np.int64)[steps]]
        v = local[np.asarray(g.dst, dtype=np.int64)[steps]]
        order = np.lexsort((v, u))
        u, v, icaps, caps = u[order], v[order], icaps[order], caps[order]
        indptr = np.zeros(k + 2, dtype=np.int32)
        np.cumsum(np.bincount(u, minlength=k + 1), out=indptr[1:])
        outsum = np.bincount(u, weights=caps, minlength=k)
        insum = np.bincount(v, weights=caps, minlength=k)
        v32 = v.astype(np.int32)
        for i in range(k):
            cid = g.companies[int(nodes[i])].id
            if min(outsum[i], insum[i]) > 0 and (only is None or cid in only):
                jobs.append((-min(outsum[i], insum[i]), cid, i, k, v32, icaps, indptr, scale,
                             outsum[i], insum[i]))
    if deadline is not None:
        jobs.sort(key=lambda j: j[:2])
    for n, (_, cid, i, k, v32, icaps, indptr, scale, out_i, in_i) in enumerate(jobs):
        if deadline is not None and time.perf_counter() > deadline:
            for job in jobs[n:]:
                result[job[1]] = None
            break
        indices = np.where(v32 == i, np.int32(k), v32)  # steps into the company go to its copy
        mat = csr_matrix((icaps, indices, indptr), shape=(k + 1, k + 1))
        mat.has_sorted_indices = False
        value = maximum_flow(mat, i, k, method="dinic").flow_value
        result[cid] = min(float(value) / scale, float(out_i), float(in_i))
    return result
