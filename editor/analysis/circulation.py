"""Money that can go round: maximum circulation and round-trip capacity.

Both work on the steps with a known, positive amount (a step whose flows
are all unknown carries nothing; a partial step carries its known sum), and
per strongly connected component, since a step between two components can
never carry money that comes back.

* The **circulating amount** is the value of a maximum circulation: the
  largest total over all steps of an amount x (0 <= x <= the step's amount)
  such that every company receives as much as it sends. It is a linear
  program, solved exactly with HiGHS through its own Python interface
  (highspy; scipy's ``linprog`` checks and converts its input on every call,
  4-5 ms more per solve at 200 companies / 1,000 flows).
* The **round-trip capacity** of a company (:mod:`editor.analysis.roundtrip`)
  is the largest amount that can leave it and come back to it: a maximum flow
  from the company to a copy of it that receives its incoming steps.

Results are cached per component (keyed by its companies, steps and
amounts, see :func:`component_cache_info`), so analysing again after an
edit only recomputes the components the edit touched.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from editor.analysis.cuts import PREVIOUS, previous_circulation
from editor.analysis.graph import CompanyGraph
from editor.analysis.lazy import lazy_module
from editor.analysis.loop_reuse import forget as forget_loops

if TYPE_CHECKING:
    import highspy
    import highspy._core as highs_core
    import numpy as np
else:  # imported on first use: a small map is worked out without them (editor.analysis.smallmaps)
    highspy = lazy_module("highspy")
    highs_core = lazy_module("highspy._core")   # the plain solver class (see _solve_highspy)
    np = lazy_module("numpy")

#: Components whose results are kept (least recently used are dropped).
CACHE_SIZE = 64
#: HiGHS settings: without presolve the solve is about twice as fast on these
#: problems, and tight feasibility tolerances keep every company balanced to
#: rounding error (the default 1e-7 leaves imbalances that spoil the bounds of
#: :mod:`editor.analysis.roundtrip`).
HIGHS_OPTIONS = {"presolve": False, "primal_feasibility_tolerance": 1e-10,
                 "dual_feasibility_tolerance": 1e-10}


@dataclass(frozen=True)
class Circulation:
    amount: float
    #: (source id, target id, amount circulating on that step), steps carrying > 0 only.
    steps: tuple[tuple[str, str, float], ...]


@dataclass(frozen=True, eq=False)
class Component:
    """One circular component over the usable steps, in local numbering."""

    nodes: np.ndarray      # company indices (graph numbering), increasing
    steps: np.ndarray      # step indices, sorted by (local source, local target)
    u: np.ndarray          # local source of each step
    v: np.ndarray          # local target of each step
    caps: np.ndarray       # step amounts (> 0)
    key: bytes             # digest of company ids, steps and amounts
    ids: tuple[str, ...] = ()   # company ids, local order

    @property
    def k(self) -> int:
        return len(self.nodes)


def components(g: CompanyGraph) -> list[Component]:
    """Per circular component over the usable steps: its companies and steps (cached on ``g``)."""
    cached = getattr(g, "_circular_components", None)
    if cached is not None:
        return cached
    amounts = np.array([s.amount or 0.0 for s in g.steps], dtype=float)
    usable = np.flatnonzero(amounts > 0)
    result: list[Component] = []
    if len(usable):
        import hashlib

        label_list, circular = g.circular_labels(usable.tolist())
        labels = np.asarray(label_list, dtype=np.int64)
        src = np.asarray(g.src, dtype=np.int64)[usable]
        dst = np.asarray(g.dst, dtype=np.int64)[usable]
        inside = labels[src] == labels[dst]
        local = np.zeros(g.n, dtype=np.int64)
        for lab in sorted(circular):
            nodes = np.flatnonzero(labels == lab)
            local[nodes] = np.arange(len(nodes))
            sel = inside & (labels[src] == lab)
            steps, u, v = usable[sel], local[src[sel]], local[dst[sel]]
            order = np.lexsort((v, u))
            steps, u, v = steps[order], u[order], v[order]
            caps = amounts[steps]
            ids = tuple(g.companies[i].id for i in nodes.tolist())
            h = hashlib.blake2b(digest_size=16)
            h.update("\0".join(ids).encode())
            h.update(u.tobytes())
            h.update(v.tobytes())
            h.update(caps.tobytes())
            result.append(Component(nodes, steps, u, v, caps, h.digest(), ids))
    g._circular_components = result
    return result


class _Cache:
    """A small thread-safe LRU of per-component results."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> Any:
        with self.lock:
            value = self.data.get(key)
            if value is None:
                self.misses += 1
            else:
                self.hits += 1
                self.data.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any) -> None:
        with self.lock:
            self.data[key] = value
            self.data.move_to_end(key)
            while len(self.data) > self.size:
                self.data.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.data.clear()
            self.hits = self.misses = 0


CACHE = _Cache(CACHE_SIZE)


def component_cache_info() -> tuple[int, int, int]:
    """(hits, misses, entries) of the per-component cache."""
    return CACHE.hits, CACHE.misses, len(CACHE.data)


def clear_cache() -> None:
    """Forget every cached result, and the previous results kept for reuse after edits."""
    CACHE.clear()
    PREVIOUS.clear()
    forget_loops()


def circulation_of(comp: Component) -> np.ndarray:
    """What each step of the component carries in a maximum circulation (cached)."""
    x = circulation_until(comp, None)
    assert x is not None  # no deadline
    return x


def circulation_until(comp: Component, deadline: float | None) -> np.ndarray | None:
    """:func:`circulation_of`, or None when its solver would finish after ``deadline``."""
    key = (b"circ", comp.key)
    x = CACHE.get(key)
    if x is not None:
        return x
    x = _still_maximum(comp)
    if x is None:
        ones = np.ones(len(comp.caps))
        x = weighted_circulation(comp, ones) if deadline is None else \
            weighted_circulation_until(comp, ones, deadline)
        if x is None:
            return None
    x.setflags(write=False)
    CACHE.put(key, x)
    return x


def _still_maximum(comp: Component) -> np.ndarray | None:
    """The previous maximum circulation of the same companies, if an edit left it maximum."""
    prev = PREVIOUS.best_for(comp.ids, float(comp.caps.max()))
    return None if prev is None else previous_circulation(prev, comp.ids, comp.u, comp.v, comp.caps)


def weighted_circulation(comp: Component, weights: np.ndarray) -> np.ndarray:
    """A circulation of the component maximising the sum of ``weights`` x amount carried."""
    k = comp.k
    scale = comp.caps.max()
    a_eq = _incidence(comp.u, comp.v, k)
    upper = comp.caps / scale
    x = _solve_highspy(-weights, a_eq, upper)
    assert x is not None  # no time limit
    return np.clip(x * scale, 0.0, comp.caps)


def weighted_circulation_until(comp: Component, weights: np.ndarray, deadline: float) -> np.ndarray | None:
    """:func:`weighted_circulation`, or None when the solver would finish after ``deadline``
    (a ``time.perf_counter()`` value)."""
    seconds = deadline - time.perf_counter()
    if seconds <= 0:
        return None
    k = comp.k
    scale = comp.caps.max()
    x = _solve_highspy(-weights, _incidence(comp.u, comp.v, k), comp.caps / scale, seconds)
    return None if x is None else np.clip(x * scale, 0.0, comp.caps)


def _incidence(u: np.ndarray, v: np.ndarray, k: int) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """The k x m node-arc incidence matrix, column-wise: (rows, starts, row indices, values).

    Column j holds +1 at row u[j] and -1 at row v[j]; a step from a company to itself has no entry."""
    u = np.asarray(u, dtype=np.int32)
    v = np.asarray(v, dtype=np.int32)
    keep = u != v
    starts = np.zeros(len(u) + 1, dtype=np.int32)
    np.cumsum(np.where(keep, 2, 0), out=starts[1:])
    lo, hi = np.minimum(u, v)[keep], np.maximum(u, v)[keep]  # row indices ascending in each column
    index = np.stack([lo, hi], axis=1).ravel()
    value = np.stack([np.where(u[keep] < v[keep], 1.0, -1.0), np.where(u[keep] < v[keep], -1.0, 1.0)],
                     axis=1).ravel()
    return k, starts, index, value


def _solve_highspy(cost: np.ndarray, a_eq: tuple[int, np.ndarray, np.ndarray, np.ndarray],
                   upper: np.ndarray, time_limit: float | None = None) -> np.ndarray | None:
    """min cost.x with a_eq x = 0 and 0 <= x <= upper, by highspy (None: ``time_limit`` seconds ran out).

    It uses the plain solver class: highspy's wrapper of it installs callbacks and
    prints a banner on stdout, which must hold only the JSON of ``roundtrip analyze``."""
    rows, starts, index, entries = a_eq
    h = highs_core._Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    for key, value in HIGHS_OPTIONS.items():
        h.setOptionValue(key, "off" if value is False else value)
    if time_limit is not None:
        h.setOptionValue("time_limit", float(time_limit))
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = len(cost), rows
    lp.col_cost_ = cost
    lp.col_lower_ = np.zeros(len(cost))
    lp.col_upper_ = upper
    lp.row_lower_ = lp.row_upper_ = np.zeros(rows)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_, lp.a_matrix_.index_, lp.a_matrix_.value_ = starts, index, entries
    h.passModel(lp)
    h.run()
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kTimeLimit:
        return None
    x = np.asarray(h.getSolution().col_value, dtype=float)
    if status != highspy.HighsModelStatus.kOptimal or len(x) != len(cost):
        # cannot happen: x = 0 is feasible and the region is bounded
        raise RuntimeError(f"circulation solver failed: {h.modelStatusToString(status)}")
    return x


def max_circulation(g: CompanyGraph) -> Circulation:
    found = max_circulation_until(g, None)
    assert found is not None  # no deadline
    return found


def max_circulation_until(g: CompanyGraph, deadline: float | None) -> Circulation | None:
    """:func:`max_circulation`, or None when it would finish after ``deadline`` (``time.perf_counter()``).

    By HiGHS per circular component, or on a small map (:attr:`CompanyGraph.small`) by networkx's
    network simplex (milliseconds: never past a deadline worth having)."""
    if g.small:
        from editor.analysis.smallmaps import small_circulation

        return small_circulation(g)
    total = 0.0
    carried: list[tuple[str, str, float]] = []
    for comp in components(g):
        x = circulation_until(comp, deadline)
        if x is None:
            return None
        total += float(x.sum())
        floor = 1e-12 * comp.caps.max()
        for e, value in zip(comp.steps.tolist(), x.tolist(), strict=True):
            if value > floor:
                carried.append((g.steps[e].source, g.steps[e].target, value))
    return Circulation(total, tuple(carried))


def start_component_round_trips(g: CompanyGraph, deadline: float | None = None
                                ) -> Callable[[], dict[int, float | None]]:
    """:func:`editor.analysis.roundtrip.start_component_round_trips` (capacities by company index),
    or on a small map (:attr:`CompanyGraph.small`) one networkx maximum flow per company of a
    circular component."""
    if g.small:
        from editor.analysis.smallmaps import small_round_trips

        result = {g.index[cid]: value for cid, value in small_round_trips(g, deadline).items()}
        return lambda: result
    from editor.analysis.roundtrip import start_component_round_trips as start

    return start(g, deadline)


def start_ranked_round_trips(g: CompanyGraph, deadline: float | None, top: int, outflow: Sequence[float]
                             ) -> Callable[[], tuple[dict[int, float | None], frozenset[int]]]:
    """:func:`editor.analysis.roundtrip.start_ranked_round_trips`: only the capacities that decide the
    ``top`` companies by round-trip ratio (and which companies were left out); on a small map
    (:attr:`CompanyGraph.small`) all of them, none left out."""
    if g.small:
        every = start_component_round_trips(g, deadline)
        return lambda: (every(), frozenset())
    from editor.analysis.roundtrip import start_ranked_round_trips as start

    return start(g, deadline, top, outflow)
