"""``analyze``: the whole analysis of a snapshot, as plain frozen data.

The GUI calls it in a worker thread on ``diagram.snapshot()``; the command
line calls it directly. Nothing in the result refers to the model or to
networkx/scipy objects, so it can be handed to another thread as it is.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from editor.analysis.circulation import (
    Circulation,
    max_circulation_until,
    start_component_round_trips,
    start_ranked_round_trips,
)
from editor.analysis.graph import CompanyGraph
from editor.analysis.loop_reuse import ranked_loops
from editor.analysis.loops import Loop, build_loop
from editor.analysis.metrics import CompanyMetrics, Totals, flow_sums, metrics_from, totals, with_capacities
from editor.analysis.patterns import PatternRule
from editor.analysis.search import RawLoop
from editor.model import ModelError, Snapshot
from editor.model.texts import msg

#: Default time budget of the loop search, in seconds.
DEFAULT_TIME_BUDGET = 2.0
#: Loops listed in an exported table at most, and the loop search's time budget there (seconds).
EXPORT_MAX_LOOPS = 1000
EXPORT_TIME_BUDGET = 10.0

#: Stages of an analysis that its budget can skip (:attr:`AnalysisResult.skipped`).
CIRCULATION, ROUND_TRIPS, LOOPS = "circulation", "round trips", "loops"
#: The stages that may be skipped stop this many times the time of putting together the metrics
#: of the companies in loop groups before the end of the budget: they are made again with
#: their capacities at the end (and the round trips' own results gathered).
FINISH_SHARE = 2.0
#: The loop search is given this many times the time of building the graph less than the time left.
LOOP_SETUP_SHARE = 0.25
#: No circulation: that of a map without loops, and the stand-in when the budget left no time for
#: it (its amount is then no finding: see ``skipped``).
NO_CIRCULATION = Circulation(0.0, ())


#: A loop search that replaces the ranked one: given the graph and the seconds it may take, it
#: returns (loops, truncated, timed_out) as the ranked search's fields of the result mean them.
LoopSearch = Callable[[CompanyGraph, float], tuple[tuple[Loop, ...], bool, bool]]


@dataclass(frozen=True)
class AnalysisResult:
    companies: int
    flows: int
    unit: str
    loops: tuple[Loop, ...]                  # ranked: bottleneck desc, shorter, names
    loops_truncated: bool                    # more loops exist than listed, or time ran out
    loops_timed_out: bool                    # the time budget cut the search short
    max_loops: int
    max_length: int
    through: str | None                      # company id the loops were filtered on
    circular_companies: tuple[str, ...]      # ids, in name order
    circular_groups: tuple[tuple[str, ...], ...]  # strongly connected groups of > 1 company
    circulation: Circulation
    totals: Totals
    company_metrics: tuple[CompanyMetrics, ...]   # name order
    round_trip_complete: bool                # False: some capacities skipped for time
    timings: tuple[tuple[str, float], ...]   # (part, seconds)
    #: Stages not computed because the budget ran out (CIRCULATION, ROUND_TRIPS, LOOPS), in that order.
    skipped: tuple[str, ...] = ()
    #: N when only the round-trip capacities deciding the N companies of highest round-trip ratio
    #: were asked for (``analyze(round_trips_top=N)``): the others are None, and
    #: ``round_trip_complete`` speaks of those N.
    round_trips_top: int | None = None

    @property
    def circulation_computed(self) -> bool:
        """False when the budget ran out before the maximum circulation: its amount is then no figure."""
        return CIRCULATION not in self.skipped

    @property
    def circulating_amount(self) -> float:
        return self.circulation.amount

    @property
    def circular_share(self) -> float | None:
        """Circulating amount / total known amount (None when nothing is known, or the
        circulation was not computed)."""
        total = self.totals.total_amount
        return self.circulation.amount / total if total > 0 and self.circulation_computed else None

    def metrics_of(self, company_id: str) -> CompanyMetrics | None:
        return next((m for m in self.company_metrics if m.id == company_id), None)


def circular_groups(g: CompanyGraph) -> tuple[tuple[str, ...], ...]:
    """The strongly connected groups of more than one company (ids in name order), by first company."""
    labels, circular = g.circular_labels()
    if not circular:
        return ()
    if g.small:   # (without numpy: a small map is analysed before it is loaded, if ever)
        groups: dict[int, list[str]] = {}
        for i, lab in enumerate(labels):
            if lab in circular:
                groups.setdefault(lab, []).append(g.companies[i].id)
        return tuple(sorted((tuple(v) for v in groups.values()), key=lambda grp: g.index[grp[0]]))
    import numpy as np

    label_array = np.asarray(labels, dtype=np.int64)
    members = np.flatnonzero(np.isin(label_array, np.fromiter(circular, dtype=np.int64)))
    group_of = label_array[members]
    order = np.argsort(group_of, kind="stable")           # by group, companies in name order within each
    members, group_of = members[order], group_of[order]
    bounds = np.flatnonzero(np.diff(group_of)) + 1
    ids = [g.companies[i].id for i in members.tolist()]
    starts = [0, *bounds.tolist()]
    ends = [*bounds.tolist(), len(ids)]
    found = [tuple(ids[a:b]) for a, b in zip(starts, ends, strict=True)]
    firsts = members[starts].tolist()
    return tuple(grp for _, grp in sorted(zip(firsts, found, strict=True)))


def analyze(snapshot: Snapshot, *, max_loops: int = 100, max_length: int = 12,
            through: str | None = None, time_budget: float = DEFAULT_TIME_BUDGET,
            round_trip_budget: float | None = None, window_days: int | None = None,
            extra_rules: Iterable[PatternRule] = (), budget: float | None = None,
            loop_search: LoopSearch | None = None, round_trips_top: int | None = None) -> AnalysisResult:
    """Loops, circulation and metrics of a snapshot.

    ``max_loops`` 0 means no cap; ``through`` is a company id; the loop
    search stops after ``time_budget`` seconds (and says so). Round-trip
    capacities are all computed unless ``round_trip_budget`` (seconds from
    the start of the analysis) is given. ``window_days`` bounds date-ordered
    loops. ``loop_search(graph, seconds)`` replaces the ranked loop search (see :data:`LoopSearch`).
    ``round_trips_top`` N: only the round-trip capacities that decide which N companies have the
    highest round-trip ratio (ties by name) are computed, the others are None (a report that
    shows only those N: ``roundtrip analyze``).

    ``budget`` is the time of the whole analysis, in seconds; given a
    ``round_trip_budget`` and no ``budget`` (the window's interactive runs) it is the
    larger of ``time_budget`` and ``round_trip_budget``. The graph, the totals and
    the company sums are always computed (linear in the map); the maximum
    circulation, the round-trip capacities and the loop search each run only
    in the time left, ending early enough to leave the metrics theirs. A
    stage that could not finish is in ``skipped`` (its figures are not
    findings: the circulating amount reads 0 and ``circulation_computed`` is
    False; capacities not computed are None); loops found but not described
    in time are left out and the list is flagged as cut short by time
    (``loops_truncated`` and ``loops_timed_out``).
    """
    if max_loops < 0:
        raise ModelError(msg("max_loops: must be 0 (no cap) or more, got {max_loops}", max_loops=max_loops))
    # The cyclic garbage collector would walk the whole diagram (hundreds of
    # thousands of objects on big maps) several times per analysis, for
    # garbage the analysis does not make: it is paused for the run.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _analyze(snapshot, max_loops=max_loops, max_length=max_length, through=through,
                        time_budget=time_budget, round_trip_budget=round_trip_budget,
                        window_days=window_days, extra_rules=extra_rules, budget=budget,
                        loop_search=loop_search, round_trips_top=round_trips_top)
    finally:
        if paused:
            gc.enable()


def analyze_for_export(snapshot: Snapshot) -> AnalysisResult:
    """The analysis written as the loops and metrics tables of a CSV/XLSX export."""
    return analyze(snapshot, max_loops=EXPORT_MAX_LOOPS, time_budget=EXPORT_TIME_BUDGET)


def _analyze(snapshot: Snapshot, *, max_loops: int, max_length: int, through: str | None,
             time_budget: float, round_trip_budget: float | None, window_days: int | None,
             extra_rules: Iterable[PatternRule], budget: float | None = None,
             loop_search: LoopSearch | None = None, round_trips_top: int | None = None) -> AnalysisResult:
    if max_length < 2:
        raise ModelError(msg("max_length: a loop has at least 2 companies, got {max_length}",
                             max_length=max_length))
    timings = []
    t0 = time.perf_counter()
    budget = whole_budget(time_budget, round_trip_budget, budget)
    g = CompanyGraph(snapshot)
    if through is not None and through not in g.index:
        raise ModelError(msg("no company with id {company_id}", company_id=repr(through)))
    graph_seconds = time.perf_counter() - t0
    timings.append(("graph", graph_seconds))

    # What every result needs, linear in the map, first: it is never skipped. The metrics are
    # put together now, with the round-trip capacity of every company in a loop group unknown.
    t = time.perf_counter()
    groups = circular_groups(g)
    circular = {cid for grp in groups for cid in grp}
    tot = totals(g)
    sums = flow_sums(g)
    t_metrics = time.perf_counter()
    metrics = metrics_from(g, sums, circular, {c.id: 0.0 for c in g.companies if c.id not in circular})
    timings.append(("sums", time.perf_counter() - t))    # (with "graph": the fixed cost of any result)
    # The stages that may be skipped end early enough to leave the time of giving every
    # company in a loop group its capacity afterwards.
    per_company = (time.perf_counter() - t_metrics) / max(g.n, 1)
    end = None if budget is None else t0 + budget
    cutoff = None if end is None else end - FINISH_SHARE * per_company * len(circular)
    skipped: list[str] = []

    t = time.perf_counter()
    if not circular:        # no loop group: nothing can go round, whatever the time left
        circulation: Circulation | None = NO_CIRCULATION
    else:
        circulation = max_circulation_until(g, cutoff) if _time_left(cutoff) else None
    if circulation is None:
        skipped.append(CIRCULATION)
    timings.append(("circulation", time.perf_counter() - t))

    # Round trips start first: a helper process (when there is one) takes its
    # share of the maximum flows while the loops are searched here.
    t = time.perf_counter()
    deadline = _earlier(None if round_trip_budget is None else t0 + round_trip_budget, cutoff)
    finish_round_trips: Callable[[], tuple[dict[int, float | None], frozenset[int]]] | None = None
    if circulation is not None and _time_left(cutoff):   # (answers from the cache even past its deadline)
        if round_trips_top is None:
            every = start_component_round_trips(g, deadline)
            finish_round_trips = lambda: (every(), frozenset())  # noqa: E731
        else:
            finish_round_trips = start_ranked_round_trips(g, deadline, round_trips_top, sums.outflow)
    elif circular:
        skipped.append(ROUND_TRIPS)
    started = time.perf_counter() - t

    t = time.perf_counter()
    rules = tuple(extra_rules)
    loops: tuple[Loop, ...] = ()
    truncated = timed_out = False
    # (without round trips to finish, the loops may take the time kept for them, less one pass
    # over the companies of the loop groups that still follows)
    until = cutoff if finish_round_trips is not None or end is None else end - per_company * len(circular)
    # before its clock starts, the search lists the steps (a quarter of the time of building
    # the graph, or less): that is taken off the time it is given
    seconds = time_budget if until is None else \
        min(time_budget, until - time.perf_counter() - LOOP_SETUP_SHARE * graph_seconds)
    if not circular:        # no loop group, no loop: nothing to search
        pass
    elif seconds <= 0:
        skipped.append(LOOPS)
        truncated = timed_out = True
    elif loop_search is not None:
        loops, truncated, timed_out = loop_search(g, seconds)
    else:
        found = ranked_loops(g, max_loops=max_loops, max_length=max_length,
                             through=None if through is None else g.index[through], time_budget=seconds)
        loops = _described(g, found.loops, window_days, rules, until)
        cut = len(loops) < len(found.loops)
        truncated, timed_out = found.truncated or cut, found.timed_out or cut
    timings.append(("loops", time.perf_counter() - t))

    t = time.perf_counter()
    reached: dict[int, float | None] = {}
    left_out: frozenset[int] = frozenset()       # (not needed for the top ratios: capacity None)
    if finish_round_trips is not None:
        reached, left_out = finish_round_trips()
    in_groups = [i for grp in groups for cid in grp if (i := g.index[cid]) not in left_out]
    # (a company of a loop group outside every component of known amounts has nothing that comes back)
    capacities = [(i, reached.get(i, 0.0) if finish_round_trips is not None else None) for i in in_groups]
    timings.append(("round trips", started + time.perf_counter() - t))

    t = time.perf_counter()
    metrics = with_capacities(metrics, [(i, v) for i, v in capacities if v is not None])
    timings.append(("metrics", time.perf_counter() - t))
    return AnalysisResult(
        companies=len(snapshot.companies), flows=len(snapshot.flows), unit=snapshot.metadata.unit,
        loops=loops, loops_truncated=truncated, loops_timed_out=timed_out,
        max_loops=max_loops, max_length=max_length, through=through,
        circular_companies=tuple(c.id for c in g.companies if c.id in circular),
        circular_groups=groups, circulation=NO_CIRCULATION if circulation is None else circulation,
        totals=tot, company_metrics=metrics,
        round_trip_complete=all(v is not None for _, v in capacities),
        timings=tuple(timings), skipped=tuple(skipped), round_trips_top=round_trips_top)


def whole_budget(time_budget: float, round_trip_budget: float | None, budget: float | None) -> float | None:
    """The time of a whole analysis: ``budget``, else with a ``round_trip_budget`` (the window's
    interactive runs) the larger of it and the loop search's ``time_budget``, else none."""
    if budget is None and round_trip_budget is not None:
        return max(time_budget, round_trip_budget)
    return budget


def _time_left(deadline: float | None) -> bool:
    return deadline is None or time.perf_counter() < deadline


def _earlier(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else min(a, b)


def _described(g: CompanyGraph, raws: Sequence[RawLoop], window_days: int | None,
               rules: tuple[PatternRule, ...], deadline: float | None) -> tuple[Loop, ...]:
    """:func:`build_loop` of each loop in rank order, until ``deadline`` (``time.perf_counter()``)."""
    loops = []
    for raw in raws:
        if deadline is not None and time.perf_counter() > deadline:
            break
        loops.append(build_loop(g, raw, window_days=window_days, extra_rules=rules))
    return tuple(loops)
