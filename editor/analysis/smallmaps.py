"""Maximum circulation and round-trip capacities of a small map, without numpy, HiGHS or igraph.

A map of at most :data:`editor.analysis.graph.SMALL_STEPS` steps (:attr:`CompanyGraph.small`) is
worked out here, in plain Python and networkx: importing numpy, HiGHS and igraph would take longer
than the whole analysis (``roundtrip analyze`` of the teaching sample, the first analysis of a
window). The results are the same as :mod:`editor.analysis.circulation` and
:mod:`editor.analysis.roundtrip` give, to rounding (tests/analysis/test_smallmaps.py compares both
on many random maps):

* the **maximum circulation** of each circular component, by networkx's network simplex
  (a minimum-cost circulation where every unit on every step costs -1);
* the **round-trip capacity** of each company of a circular component: settled at once when what
  passes through it in that circulation reaches the smaller of what it sends and what it
  receives (both are cuts), otherwise the maximum flow from it to a copy of it that receives its
  incoming steps (networkx's preflow-push).

Round-trip capacities are kept in the per-component cache of :mod:`editor.analysis.circulation`,
as the other path keeps them: an analysis out of time still shows those of unchanged components.
"""
from __future__ import annotations

import math
import time

from editor.analysis.adding import add_up
from editor.analysis.circulation import CACHE, Circulation
from editor.analysis.graph import CompanyGraph

#: Bounds closer than this times the largest step of a component settle a company (as in roundtrip).
TOLERANCE = 1e-11


def circular_components(g: CompanyGraph) -> list[tuple[list[int], list[int]]]:
    """(companies, steps) of each circular component over the steps with a positive amount:
    companies increasing, steps in (source, target) order, components by their first company."""
    usable = [e for e, s in enumerate(g.steps) if (s.amount or 0.0) > 0]
    if not usable:
        return []
    labels, circular = g.circular_labels(usable)
    members: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        if lab in circular:
            members.setdefault(lab, []).append(i)
    steps: dict[int, list[int]] = {lab: [] for lab in members}
    for e in usable:   # steps are in (source, target) order already
        lab = labels[g.src[e]]
        if lab in circular and labels[g.dst[e]] == lab:
            steps[lab].append(e)
    return sorted(((members[lab], steps[lab]) for lab in members), key=lambda c: c[0][0])


def _amount(g: CompanyGraph, e: int) -> float:
    return g.steps[e].amount or 0.0


def component_circulation(g: CompanyGraph, steps: list[int]) -> dict[int, float]:
    """What each step of one circular component carries in a maximum circulation (kept on ``g``)."""
    kept = g.__dict__.setdefault("_small_circulations", {})
    key = tuple(steps)
    if key not in kept:
        kept[key] = _network_simplex(g, steps)
    return kept[key]


def _network_simplex(g: CompanyGraph, steps: list[int]) -> dict[int, float]:
    import networkx as nx

    flow_graph = nx.DiGraph()
    for e in steps:
        flow_graph.add_edge(g.src[e], g.dst[e], capacity=_amount(g, e), weight=-1)
    _cost, flows = nx.network_simplex(flow_graph)
    caps = {e: _amount(g, e) for e in steps}
    return {e: min(max(float(flows[g.src[e]][g.dst[e]]), 0.0), caps[e]) for e in steps}


def small_circulation(g: CompanyGraph) -> Circulation:
    """:func:`editor.analysis.circulation.max_circulation` of a small map."""
    total = 0.0
    carried: list[tuple[str, str, float]] = []
    for _companies, steps in circular_components(g):
        x = component_circulation(g, steps)
        total += add_up(x.values())
        floor = 1e-12 * max(_amount(g, e) for e in steps)
        for e in steps:
            if x[e] > floor:
                carried.append((g.steps[e].source, g.steps[e].target, x[e]))
    return Circulation(total, tuple(carried))


def _max_flow_back(g: CompanyGraph, steps: list[int], v: int) -> float:
    """The maximum flow from company ``v`` to a copy of it that receives its incoming steps."""
    import networkx as nx

    flow_graph = nx.DiGraph()
    flow_graph.add_nodes_from((v, "copy"))
    for e in steps:
        b = g.dst[e]
        flow_graph.add_edge(g.src[e], "copy" if b == v else b, capacity=_amount(g, e))
    return float(nx.maximum_flow_value(flow_graph, v, "copy"))


def component_round_trips(g: CompanyGraph, companies: list[int], steps: list[int],
                          deadline: float | None = None, wanted: set[int] | None = None
                          ) -> dict[int, float | None]:
    """Round-trip capacity of the ``wanted`` companies (all by default) of one circular component;
    None for those not reached before ``deadline`` (a ``time.perf_counter()`` value)."""
    key = (b"small round trips", tuple((g.steps[e].source, g.steps[e].target, _amount(g, e)) for e in steps))
    cached = CACHE.get(key)
    if cached is None and deadline is not None and time.perf_counter() > deadline:
        cached = dict.fromkeys(g.companies[v].id for v in companies)   # no time at all: none reached
    if cached is not None:   # by company id: the same component may be numbered otherwise in g
        return {v: cached[g.companies[v].id] for v in companies if wanted is None or v in wanted}
    x = component_circulation(g, steps)
    sends = dict.fromkeys(companies, 0.0)
    receives = dict.fromkeys(companies, 0.0)
    x_out = dict.fromkeys(companies, 0.0)
    x_in = dict.fromkeys(companies, 0.0)
    for e in steps:
        a, b, amount = g.src[e], g.dst[e], _amount(g, e)
        sends[a] += amount
        receives[b] += amount
        x_out[a] += x[e]
        x_in[b] += x[e]
    imbalance = add_up(max(x_in[i] - x_out[i], 0.0) for i in companies)
    tolerance = TOLERANCE * max(_amount(g, e) for e in steps)
    result: dict[int, float | None] = {}
    for v in companies:
        if wanted is not None and v not in wanted:
            continue
        upper = min(sends[v], receives[v])
        lower = min(max(min(x_in[v], x_out[v]) - imbalance, 0.0), upper)
        if lower >= upper - tolerance:
            result[v] = max(upper, lower)
        elif deadline is not None and time.perf_counter() > deadline:
            result[v] = None
        else:
            result[v] = max(min(_max_flow_back(g, steps, v), upper), 0.0)
    if wanted is None and all(value is not None for value in result.values()):
        CACHE.put(key, {g.companies[v].id: value for v, value in result.items()})
    return result


def small_round_trips(g: CompanyGraph, deadline: float | None = None,
                      only: set[str] | None = None) -> dict[str, float | None]:
    """:func:`editor.analysis.roundtrip.round_trip_capacities` of a small map."""
    capacities: dict[str, float | None] = {
        c.id: (0.0 if only is None or c.id in only else None) for c in g.companies}
    wanted = None if only is None else {g.index[cid] for cid in only if cid in g.index}
    for companies, steps in circular_components(g):
        for i, value in component_round_trips(g, companies, steps, deadline, wanted).items():
            capacities[g.companies[i].id] = None if value is None or math.isnan(value) else value
    return capacities
