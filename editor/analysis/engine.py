"""``analyze``: the whole analysis of a snapshot, as plain frozen data.

The GUI calls it in a worker thread on ``diagram.snapshot()``; the command
line calls it directly. Nothing in the result refers to the model or to
networkx/scipy objects, so it can be handed to another thread as it is.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from editor.analysis.circulation import Circulation, max_circulation, start_round_trips
from editor.analysis.graph import CompanyGraph
from editor.analysis.loop_reuse import ranked_loops
from editor.analysis.loops import Loop, build_loop
from editor.analysis.metrics import CompanyMetrics, Totals, company_metrics, totals
from editor.analysis.patterns import PatternRule
from editor.analysis.search import RawLoop
from editor.model import ModelError, Snapshot

#: Default time budget of the loop search, in seconds.
DEFAULT_TIME_BUDGET = 2.0
#: Loops listed in an exported table at most, and the loop search's time budget there (seconds).
EXPORT_MAX_LOOPS = 1000
EXPORT_TIME_BUDGET = 10.0


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

    @property
    def circulating_amount(self) -> float:
        return self.circulation.amount

    @property
    def circular_share(self) -> float | None:
        """Circulating amount / total known amount (None when nothing is known)."""
        total = self.totals.total_amount
        return self.circulation.amount / total if total > 0 else None

    def metrics_of(self, company_id: str) -> CompanyMetrics | None:
        return next((m for m in self.company_metrics if m.id == company_id), None)


def circular_groups(g: CompanyGraph) -> tuple[tuple[str, ...], ...]:
    labels, circular = g.circular_labels()
    groups: dict[int, list[str]] = {}
    for i, lab in enumerate(labels):
        if lab in circular:
            groups.setdefault(lab, []).append(g.companies[i].id)
    return tuple(sorted((tuple(v) for v in groups.values()), key=lambda grp: g.index[grp[0]]))


def analyze(snapshot: Snapshot, *, max_loops: int = 100, max_length: int = 12,
            through: str | None = None, time_budget: float = DEFAULT_TIME_BUDGET,
            round_trip_budget: float | None = None, window_days: int | None = None,
            extra_rules: Iterable[PatternRule] = (), budget: float | None = None) -> AnalysisResult:
    """Loops, circulation and metrics of a snapshot.

    ``max_loops`` 0 means no cap; ``through`` is a company id; the loop
    search stops after ``time_budget`` seconds (and says so). Round-trip
    capacities are all computed unless ``round_trip_budget`` (seconds from
    the start of the analysis) is given. ``window_days`` bounds date-ordered
    loops. With a ``budget`` (seconds for the whole analysis), the loops found
    are described until it runs out; the rest are left out and the list is
    flagged as cut short by time (``loops_truncated`` and ``loops_timed_out``).
    """
    if max_loops < 0:
        raise ModelError(f"max_loops: must be 0 (no cap) or more, got {max_loops}")
    # The cyclic garbage collector would walk the whole diagram (hundreds of
    # thousands of objects on big maps) several times per analysis, for
    # garbage the analysis does not make: it is paused for the run.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _analyze(snapshot, max_loops=max_loops, max_length=max_length, through=through,
                        time_budget=time_budget, round_trip_budget=round_trip_budget,
                        window_days=window_days, extra_rules=extra_rules, budget=budget)
    finally:
        if paused:
            gc.enable()


def analyze_for_export(snapshot: Snapshot) -> AnalysisResult:
    """The analysis written as the loops and metrics tables of a CSV/XLSX export."""
    return analyze(snapshot, max_loops=EXPORT_MAX_LOOPS, time_budget=EXPORT_TIME_BUDGET)


def _analyze(snapshot: Snapshot, *, max_loops: int, max_length: int, through: str | None,
             time_budget: float, round_trip_budget: float | None, window_days: int | None,
             extra_rules: Iterable[PatternRule], budget: float | None = None) -> AnalysisResult:
    if max_length < 2:
        raise ModelError(f"max_length: a loop has at least 2 companies, got {max_length}")
    timings = []
    t0 = time.perf_counter()
    g = CompanyGraph(snapshot)
    if through is not None and through not in g.index:
        raise ModelError(f"no company with id {through!r}")
    timings.append(("graph", time.perf_counter() - t0))

    t = time.perf_counter()
    circulation = max_circulation(g)
    timings.append(("circulation", time.perf_counter() - t))

    # Round trips start first: a helper process (when there is one) takes its
    # share of the maximum flows while the loops are searched here.
    t = time.perf_counter()
    deadline = None if round_trip_budget is None else t0 + round_trip_budget
    finish_round_trips = start_round_trips(g, deadline)
    started = time.perf_counter() - t

    t = time.perf_counter()
    found = ranked_loops(g, max_loops=max_loops, max_length=max_length,
                         through=None if through is None else g.index[through], time_budget=time_budget)
    rules = tuple(extra_rules)
    loops = _described(g, found.loops, window_days, rules, None if budget is None else t0 + budget)
    cut = len(loops) < len(found.loops)
    timings.append(("loops", time.perf_counter() - t))

    t = time.perf_counter()
    round_trip = finish_round_trips()
    timings.append(("round trips", started + time.perf_counter() - t))

    t = time.perf_counter()
    groups = circular_groups(g)
    circular = {cid for grp in groups for cid in grp}
    metrics = company_metrics(g, circular, round_trip)
    tot = totals(g)
    timings.append(("metrics", time.perf_counter() - t))
    return AnalysisResult(
        companies=len(snapshot.companies), flows=len(snapshot.flows), unit=snapshot.metadata.unit,
        loops=loops, loops_truncated=found.truncated or cut, loops_timed_out=found.timed_out or cut,
        max_loops=max_loops, max_length=max_length, through=through,
        circular_companies=tuple(c.id for c in g.companies if c.id in circular),
        circular_groups=groups, circulation=circulation, totals=tot, company_metrics=metrics,
        round_trip_complete=all(v is not None for v in round_trip.values()),
        timings=tuple(timings))


def _described(g: CompanyGraph, raws: Sequence[RawLoop], window_days: int | None,
               rules: tuple[PatternRule, ...], deadline: float | None) -> tuple[Loop, ...]:
    """:func:`build_loop` of each loop in rank order, until ``deadline`` (``time.perf_counter()``)."""
    loops = []
    for raw in raws:
        if deadline is not None and time.perf_counter() > deadline:
            break
        loops.append(build_loop(g, raw, window_days=window_days, extra_rules=rules))
    return tuple(loops)
