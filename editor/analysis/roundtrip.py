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
amounts (:mod:`editor.analysis.maxflow`).

:func:`start_round_trips` / :func:`round_trip_capacities` run this for every
circular component of a graph (see :mod:`editor.analysis` for the caches kept
and the helper process that may take a share of the maximum flows).
"""
from __future__ import annotations

import bisect
import math
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Any

import numpy as np

import editor.analysis.cuts as cuts
import editor.analysis.flow_helper as flow_helper
from editor.analysis.circulation import (
    CACHE,
    Component,
    circulation_of,
    components,
    weighted_circulation,
    weighted_circulation_until,
)
from editor.analysis.cuts import (
    MAX_FLOW,
    PREVIOUS,
    WITH_SIDES,
    Previous,
    bounds_from_previous,
    structural_bounds,
    structural_sides,
)
from editor.analysis.graph import CompanyGraph
from editor.analysis.maxflow import SplitSolver, plain_max_flow

#: Bounds closer than this times the largest step of a component settle a company.
TOLERANCE = 1e-11


def lower_bounds(comp: Component, x: np.ndarray) -> np.ndarray:
    """What passes through every company in circulation ``x``, less the total imbalance."""
    k = comp.k
    x_in = np.bincount(comp.v, weights=x, minlength=k)
    x_out = np.bincount(comp.u, weights=x, minlength=k)
    imbalance = float(np.maximum(x_in - x_out, 0.0).sum())
    return np.maximum(np.minimum(x_in, x_out) - imbalance, 0.0)


def bounds(comp: Component, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(lower, upper) bounds of every company's capacity, from circulation ``x`` and cuts."""
    upper = structural_bounds(comp.k, comp.u, comp.v, comp.caps).min(axis=0)
    return np.minimum(lower_bounds(comp, x), upper), upper


def solver(comp: Component) -> SplitSolver:
    """A function company (local index) -> maximum flow value, on the component's split graph."""
    return SplitSolver(comp.k, comp.u, comp.v, comp.caps)


#: Below this many companies left for maximum flows, a second circulation is not worth it.
WEIGHTED_MIN = 48


def component_capacities(comp: Component, x: np.ndarray, deadline: float | None = None,
                         wanted: np.ndarray | None = None,
                         use_bounds: bool = True, use_cache: bool = True) -> np.ndarray:
    """Capacity of every company of ``comp`` (local order); NaN where not computed.

    ``wanted`` (booleans) limits the work; with a ``deadline`` the companies
    needing a maximum flow are done by decreasing upper bound until then.
    Complete results are cached by the component's key, and kept (with the
    cuts that prove them) to bound the next analysis after an edit.
    """
    return finish(capacities_in_two_parts(comp, x, deadline, wanted, use_bounds, use_cache))


def finish(parts: Iterator[None]) -> Any:
    """Run what is left of a :func:`capacities_in_two_parts` and return its values."""
    try:
        while True:
            next(parts)
    except StopIteration as done:
        return done.value


def capacities_in_two_parts(comp: Component, x: np.ndarray, deadline: float | None = None,
                            wanted: np.ndarray | None = None,
                            use_bounds: bool = True, use_cache: bool = True
                            ) -> Generator[None, None, np.ndarray]:
    """:func:`component_capacities` as a generator that pauses once, when the helper process
    (if any) has its share of the maximum flows: the caller can do other work meanwhile,
    then :func:`finish` it."""
    key = (b"roundtrip", comp.key)
    if use_cache:
        cached = CACHE.get(key)
        if cached is not None:
            return cached if wanted is None else np.where(wanted, cached, np.nan)
    values = np.full(comp.k, np.nan)
    if deadline is not None and time.perf_counter() > deadline:
        return values
    todo = np.ones(comp.k, dtype=bool) if wanted is None else wanted.astype(bool)
    if not use_bounds:
        yield from _max_flows(comp, np.flatnonzero(todo), values, None, deadline)
        return values
    plan, jobs = _settle(comp, x, values, todo, deadline, use_cache)
    # Cut sides are kept for the next analysis only when their table fits (memory linear in the map).
    sides = plan.sides if use_cache and cuts.PREVIOUS.enabled and cuts.sides_fit(comp.k, comp.k) else None
    yield from _max_flows(comp, jobs, values, sides, deadline)
    np.minimum(values, plan.upper, out=values, where=~np.isnan(values))
    if use_cache and wanted is None:
        if sides is not None:
            plan.keep(values)             # incomplete too: what was reached bounds the next run
        if not np.isnan(values).any():
            values.setflags(write=False)
            CACHE.put(key, values)
    return values


def _settle(comp: Component, x: np.ndarray, values: np.ndarray, todo: np.ndarray,
            deadline: float | None, use_cache: bool) -> tuple[_Plan, np.ndarray]:
    """The bounds of ``comp``'s capacities; those of the companies of ``todo`` they settle go into
    ``values``. Returns the plan and the companies of ``todo`` left for maximum flows, by
    decreasing upper bound."""
    plan = _Plan(comp, x, use_cache, deadline)
    settled = plan.settled() & todo
    values[settled] = plan.value(settled)
    jobs = np.flatnonzero(todo & ~settled)
    if len(jobs) >= WEIGHTED_MIN and (deadline is None or time.perf_counter() < deadline):
        plan.second_circulation(jobs, deadline)
        settled = plan.settled() & todo
        values[settled] = plan.value(settled)
        jobs = np.flatnonzero(todo & ~settled)
    return plan, jobs[np.argsort(-plan.upper[jobs], kind="stable")]


#: From this many maximum flows on, the helper process takes part (when it runs).
HELPER_MIN = 48


def _max_flows(comp: Component, job_array: np.ndarray, values: np.ndarray,
               sides: dict | None, deadline: float | None) -> Generator[None, None, None]:
    """One maximum flow per company of ``job_array`` (until the deadline); cut sides into ``sides``.

    With many jobs, the helper process of :mod:`editor.analysis.flow_helper`
    (when it is running) starts on them from the front (the largest upper bounds), and
    this generator pauses once, right after handing them over; resumed, it solves them
    from the back until it meets the helper.
    """
    if not len(job_array):
        return
    solve = solver(comp)
    jobs: list[int] = job_array.tolist()
    shared = None
    if len(jobs) >= HELPER_MIN and cuts.sides_fit(len(jobs), comp.k):  # the helper sends every cut side
        seconds = None if deadline is None else max(deadline - time.perf_counter(), 0.0)
        shared = flow_helper.submit(comp.k, comp.u, comp.v, comp.caps, jobs, seconds)
        if shared is not None:
            yield
    claims = None if shared is None else shared[1]
    mine = []
    for r in range(len(jobs) - 1, -1, -1) if claims is not None else range(len(jobs)):
        if deadline is not None and time.perf_counter() > deadline:
            break
        if claims is not None:
            if claims[r] != 0:
                break                 # the helper has this one and all before it
            claims[r] = flow_helper.CALLER
        i = jobs[r]
        mine.append(r)
        if sides is None:
            values[i] = max(solve(i), 0.0)
        else:
            value, side = solve.with_cut(i)
            values[i] = max(value, 0.0)
            sides[i] = (MAX_FLOW, side)
    if shared is None:
        return
    theirs = sorted(set(range(len(jobs))) - set(mine))
    try:
        wait = None if deadline is None else max(deadline - time.perf_counter(), 0.0) + 5.0
        their_values, packed = shared[0].result(timeout=wait)
    except Exception:  # the helper broke or hung: do its share here
        flow_helper.stop()
        yield from _max_flows(comp, np.array([jobs[r] for r in theirs], dtype=np.int64),
                              values, sides, deadline)
        return
    their_sides = np.unpackbits(packed[theirs], axis=1, count=2 * comp.k).astype(bool)
    for row, r in enumerate(theirs):
        if not np.isnan(their_values[r]):             # reached in time
            i = jobs[r]
            values[i] = max(float(their_values[r]), 0.0)
            if sides is not None:
                sides[i] = (MAX_FLOW, np.flatnonzero(their_sides[row]))


class _Plan:
    """Bounds of one component's capacities, where they come from, and their cuts."""

    def __init__(self, comp: Component, x: np.ndarray, reuse: bool, deadline: float | None = None) -> None:
        self.comp = comp
        cuts = structural_bounds(comp.k, comp.u, comp.v, comp.caps)
        self.kind = cuts.argmin(axis=0)
        self.upper = cuts.min(axis=0)
        self.lower = np.minimum(lower_bounds(comp, x), self.upper)
        self.flow_bound = np.zeros(comp.k, dtype=np.int64)     # row of self.circulations
        self.circulations = [np.asarray(x)]
        self.sides: dict[int, tuple[int, Any]] = {}            # company -> (kind, side)
        self.reused = None
        prev = PREVIOUS.best_for(comp.ids, float(comp.caps.max())) if reuse else None
        if deadline is not None and time.perf_counter() > deadline:
            prev = None                 # its bounds take maximum flows: no time left for them
        if prev is not None:
            self.reused = bounds_from_previous(prev, comp.ids, comp.u, comp.v, comp.caps,
                                               max_flow=plain_max_flow)
        if self.reused is not None:
            rows = self.reused.rows
            better = self.reused.upper < self.upper[rows]
            self.upper[rows[better]] = self.reused.upper[better]
            self.kind[rows[better]] = -1 - np.flatnonzero(better)   # -1 - row of reused.sides
            lifted = self.reused.lower > self.lower[rows]
            self.lower[rows[lifted]] = np.minimum(self.reused.lower[lifted], self.upper[rows[lifted]])
            self.flow_bound[rows[lifted]] = -1

    def settled(self) -> np.ndarray:
        return self.lower >= self.upper - TOLERANCE * self.comp.caps.max()

    def value(self, settled: np.ndarray) -> np.ndarray:
        """The capacity of settled companies: the upper bound (a cut), never below the lower
        one (a flow, so never negative) when rounding put the cut a hair under it."""
        return np.maximum(self.upper[settled], self.lower[settled])

    def second_circulation(self, jobs: np.ndarray, deadline: float | None = None) -> None:
        """Lift lower bounds with a circulation pushed through the unsettled companies
        (skipped when its solver would finish after ``deadline``)."""
        comp = self.comp
        weight = np.zeros(comp.k)
        weight[jobs] = 1.0 / np.maximum(self.upper[jobs], 1e-300)
        if deadline is None:
            x2 = weighted_circulation(comp, weight[comp.v])
        else:
            found = weighted_circulation_until(comp, weight[comp.v], deadline)
            if found is None:
                return
            x2 = found
        lower = np.minimum(lower_bounds(comp, x2), self.upper)
        lifted = lower > self.lower
        self.lower[lifted] = lower[lifted]
        self.flow_bound[lifted] = len(self.circulations)
        self.circulations.append(x2)

    def keep(self, values: np.ndarray) -> None:
        """Record the result and a minimum cut of every company for the next analysis."""
        comp, k = self.comp, self.comp.k
        sides = np.zeros((k, 2 * k), dtype=bool)
        found = np.array(sorted(self.sides), dtype=np.int64)
        for i in found.tolist():
            sides[i, self.sides[i][1]] = True
        rest = np.setdiff1d(np.arange(k), found)
        reused = rest[self.kind[rest] < 0]
        if len(reused):
            assert self.reused is not None  # a negative kind says the bound came from it
            sides[reused] = self.reused.sides(-1 - self.kind[reused])
        plain = rest[np.isin(self.kind[rest], WITH_SIDES)]
        if len(plain):
            sides[plain] = structural_sides(k, comp.u, comp.v, comp.caps, plain, self.kind[plain])
        has_side = np.zeros(k, dtype=bool)
        has_side[np.concatenate([found, reused, plain])] = True
        bound = self.flow_bound.copy()
        bound[found] = -1
        PREVIOUS.put(Previous(comp.ids, comp.u, comp.v, comp.caps, values.copy(), sides, has_side,
                              bound, np.vstack(self.circulations)))


def round_trip_capacities(g: CompanyGraph, deadline: float | None = None,
                          only: set[str] | None = None) -> dict[str, float | None]:
    """Round-trip capacity of every company (0 outside circular components).

    With a ``deadline`` (``time.perf_counter()`` value), the companies that
    need a maximum flow of their own are done by decreasing upper bound;
    those not reached in time get ``None``. ``only`` limits the work to some
    company ids (others get ``None``).
    """
    return start_round_trips(g, deadline, only)()


def start_round_trips(g: CompanyGraph, deadline: float | None = None,
                      only: set[str] | None = None) -> Callable[[], dict[str, float | None]]:
    """Start :func:`round_trip_capacities`; call the returned function for the result.

    Between the two, the helper process (if any) works on its share of the
    maximum flows while the caller does something else.
    """
    wanted = None if only is None else (lambda comp: np.array([g.companies[i].id in only
                                                               for i in comp.nodes.tolist()]))
    finish_components = _start(g, deadline, wanted)

    def result() -> dict[str, float | None]:
        capacities: dict[str, float | None] = {
            c.id: (0.0 if only is None or c.id in only else None) for c in g.companies}
        for i, value in finish_components().items():
            cid = g.companies[i].id
            if only is None or cid in only:
                capacities[cid] = value
        return capacities

    return result


def start_component_round_trips(g: CompanyGraph, deadline: float | None = None
                                ) -> Callable[[], dict[int, float | None]]:
    """:func:`start_round_trips` keyed by company index, for the companies of circular
    components only (every other company's capacity is 0): on big maps with few such
    companies, far less to put together."""
    return _start(g, deadline, None)


def _start(g: CompanyGraph, deadline: float | None,
           wanted: Callable[[Component], np.ndarray] | None) -> Callable[[], dict[int, float | None]]:
    started: list[tuple[Component, Iterator[None] | None, np.ndarray | None]] = []
    for comp in components(g):
        parts = capacities_in_two_parts(comp, circulation_of(comp), deadline,
                                        None if wanted is None else wanted(comp))
        try:
            next(parts)                     # up to the hand-over
            started.append((comp, parts, None))
        except StopIteration as done:       # nothing to hand over: already complete
            started.append((comp, None, done.value))

    def result() -> dict[int, float | None]:
        capacities: dict[int, float | None] = {}
        for comp, parts, values in started:
            if parts is not None:
                values = finish(parts)
            assert values is not None
            for i, value in zip(comp.nodes.tolist(), values.tolist(), strict=True):
                capacities[i] = None if math.isnan(value) else value  # not reached in time
        return capacities

    return result


#: (capacities by company index, the companies left out): see :func:`start_ranked_round_trips`.
Ranked = tuple[dict[int, float | None], frozenset[int]]


def start_ranked_round_trips(g: CompanyGraph, deadline: float | None, top: int,
                             outflow: Sequence[float]) -> Callable[[], Ranked]:
    """The capacities that decide which ``top`` companies have the highest round-trip ratios
    (capacity / ``outflow``, ``outflow`` by company index; ties by name, case left aside, as the
    command line's report ranks them), the rest left out.

    The bounds of every component are worked out as :func:`start_component_round_trips` does
    them (the same capacities, to the last bit, for every company settled or solved). Of the
    companies that need a maximum flow, only those whose upper bound could still place them
    among the ``top`` are solved, by decreasing ratio of upper bound: once the ``top``-th ratio
    found is above what any other could reach, the others are left out (a few maximum flows
    instead of hundreds on a 1,000-company map). Returns a function giving (capacities by
    company index, None where not reached before ``deadline``; the companies left out). No
    helper process, and no cuts kept: for a one-shot report.
    """
    found: dict[int, float | None] = {}
    names = [c.name.casefold() for c in g.companies]
    # (best rank the company could reach, its component's solver slot, local index, upper bound)
    candidates: list[tuple[tuple[float, str], int, int, float]] = []
    comps = components(g)
    for c, comp in enumerate(comps):
        nodes = comp.nodes.tolist()
        cached = CACHE.get((b"roundtrip", comp.key))
        if cached is not None:
            found.update(zip(nodes, cached.tolist(), strict=True))
            continue
        if deadline is not None and time.perf_counter() > deadline:
            found.update((i, None) for i in nodes)
            continue
        values = np.full(comp.k, np.nan)
        plan, jobs = _settle(comp, circulation_of(comp), values, np.ones(comp.k, dtype=bool), deadline, True)
        np.minimum(values, plan.upper, out=values, where=~np.isnan(values))
        for i, value in zip(nodes, values.tolist(), strict=True):
            if not math.isnan(value):
                found[i] = value
        for j in jobs.tolist():
            i, upper = nodes[j], float(plan.upper[j])
            best = upper / outflow[i] if outflow[i] > 0 else 0.0
            candidates.append(((-best, names[i]), c, j, upper))
    candidates.sort(key=lambda cand: cand[0])
    ranks = sorted((-(v / outflow[i]), names[i]) for i, v in found.items()
                   if v is not None and outflow[i] > 0 and v / outflow[i])
    del ranks[top:]
    solvers: dict[int, SplitSolver] = {}
    left_out: set[int] = set()
    for n, (best, c, j, upper) in enumerate(candidates):
        i = int(comps[c].nodes[j])
        if top <= 0 or (len(ranks) >= top and best > ranks[top - 1]):
            left_out.update(int(comps[cc].nodes[jj]) for _, cc, jj, _ in candidates[n:])
            break    # sorted: none of the rest can reach the top either
        if deadline is not None and time.perf_counter() > deadline:
            found.update((int(comps[cc].nodes[jj]), None) for _, cc, jj, _ in candidates[n:])
            break
        if c not in solvers:
            solvers[c] = solver(comps[c])
        value = float(np.minimum(max(solvers[c](j), 0.0), upper))   # as the full computation ends
        found[i] = value
        ratio = value / outflow[i] if outflow[i] > 0 else 0.0
        if ratio:
            bisect.insort(ranks, (-ratio, names[i]))
            del ranks[top:]
    result: Ranked = (found, frozenset(left_out))
    return lambda: result
