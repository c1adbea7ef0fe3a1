"""Per-company and whole-diagram amounts.

Amounts are sums of *known* amounts, in the document's unit; flows without
an amount are counted apart. A company's inflow and outflow leave out its
self-flows (money a company pays itself goes nowhere); the diagram totals
(total amount, amounts by type) include every flow.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, is_
from typing import TYPE_CHECKING

from editor.analysis.adding import add_up
from editor.analysis.graph import CompanyGraph

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class CompanyMetrics:
    id: str
    name: str
    inflow: float
    outflow: float
    net: float                                   # inflow - outflow
    inflow_by_type: tuple[tuple[str, float], ...]   # (type id, amount), type catalogue order
    outflow_by_type: tuple[tuple[str, float], ...]
    unknown_in: int                              # incoming flows without an amount
    unknown_out: int
    circular: bool                               # in a strongly connected group of > 1 company
    round_trip_capacity: float | None            # None: not computed (time budget)
    round_trip_ratio: float | None               # capacity / outflow; None when outflow is 0
    valuation_multiple: float | None             # valuation / revenue, both known, revenue > 0


@dataclass(frozen=True)
class Totals:
    total_amount: float                          # every known amount, self-flows included
    by_type: tuple[tuple[str, float], ...]       # (type id, amount), type catalogue order
    unknown_amount_flows: int
    self_flows: int


def _type_order(g: CompanyGraph, used: Iterable[str]) -> list[str]:
    order = g.type_order
    extra = [t for t in used if t not in g.type_rank]
    return order + sorted(extra) if extra else order


def totals(g: CompanyGraph) -> Totals:
    by_type: dict[str, float] = {}
    unknown = 0
    for f in g.snapshot.flows:
        if f.amount is None:
            unknown += 1
        else:
            by_type[f.type] = by_type.get(f.type, 0.0) + f.amount
    ordered = tuple((t, by_type[t]) for t in _type_order(g, by_type) if t in by_type)
    return Totals(add_up(by_type.values()), ordered, unknown, len(g.self_flows))


def company_metrics(g: CompanyGraph, circular: set[str],
                    round_trip: dict[str, float | None]) -> tuple[CompanyMetrics, ...]:
    """Metrics of every company, in name order."""
    return metrics_from(g, flow_sums(g), circular, round_trip)


@dataclass(frozen=True)
class FlowSums:
    """What every company (graph order) receives and sends, by type: the part of the metrics
    that depends on the flows only (:func:`flow_sums`), summed with numpy."""

    inflow: list[float]
    outflow: list[float]
    inflow_by_type: list[tuple[tuple[str, float], ...]]
    outflow_by_type: list[tuple[tuple[str, float], ...]]
    unknown_in: list[int]
    unknown_out: list[int]


def flow_sums(g: CompanyGraph) -> FlowSums:
    """Per company, the known amounts it receives and sends (self-flows and flows of missing
    companies left out), in total and by type, and its flows without an amount.

    The sums are those of a plain loop over the flows in document order: per company and type
    in document order, and a company's total over its types in the order they first appear
    (``np.bincount`` adds its weights one by one in order), so the figures are the same to
    the last bit as adding them up in Python. A small map (:attr:`CompanyGraph.small`) is
    added up in Python, without importing numpy."""
    if g.small:
        return _plain_sums(g)
    import numpy as np

    flows = g.snapshot.flows
    n, m = g.n, len(flows)
    get = g.index.get
    # map() and attrgetter run in C: a third of the time of generator expressions on big maps
    src = np.fromiter(map(get, map(attrgetter("source"), flows), repeat(-1)), dtype=np.int64, count=m)
    dst = np.fromiter(map(get, map(attrgetter("target"), flows), repeat(-1)), dtype=np.int64, count=m)
    amounts = list(map(attrgetter("amount"), flows))
    unknown = np.fromiter(map(is_, amounts, repeat(None)), dtype=bool, count=m)
    given = np.array(amounts or [0.0], dtype=object)[:m]
    amount = np.where(unknown, 0.0, given).astype(float)
    type_ids = list(map(attrgetter("type"), flows))
    used = set(type_ids)
    names = _type_order(g, used)
    code = {t: i for i, t in enumerate(names) if t in used}
    types = np.fromiter(map(code.__getitem__, type_ids), dtype=np.int64, count=m)
    between = (src >= 0) & (dst >= 0) & (src != dst)
    counted = between & ~unknown
    unk_out = np.bincount(src[between & unknown], minlength=n)
    unk_in = np.bincount(dst[between & unknown], minlength=n)
    sides = []
    for company in (dst, src):
        total, by_type = _sums(company[counted], types[counted], amount[counted], n, names)
        sides.append((total, by_type))
    (inflow, in_by), (outflow, out_by) = sides
    return FlowSums(inflow, outflow, in_by, out_by, unk_in.tolist(), unk_out.tolist())


def _plain_sums(g: CompanyGraph) -> FlowSums:
    """:func:`flow_sums` by a plain loop over the flows."""
    n, get = g.n, g.index.get
    ins: list[dict[str, float]] = [{} for _ in range(n)]
    outs: list[dict[str, float]] = [{} for _ in range(n)]
    unk_in, unk_out = [0] * n, [0] * n
    for f in g.snapshot.flows:
        s, t = get(f.source), get(f.target)
        if s is None or t is None or s == t:
            continue
        if f.amount is None:
            unk_out[s] += 1
            unk_in[t] += 1
            continue
        outs[s][f.type] = outs[s].get(f.type, 0.0) + f.amount
        ins[t][f.type] = ins[t].get(f.type, 0.0) + f.amount
    rank = {t: i for i, t in enumerate(_type_order(g, {f.type for f in g.snapshot.flows}))}

    def by_type(sums: dict[str, float]) -> tuple[tuple[str, float], ...]:
        return tuple(sorted(sums.items(), key=lambda kv: rank[kv[0]]))

    return FlowSums([add_up(d.values()) for d in ins], [add_up(d.values()) for d in outs],
                    [by_type(d) for d in ins], [by_type(d) for d in outs], unk_in, unk_out)


def _sums(company: np.ndarray, types: np.ndarray, amount: np.ndarray, n: int,
          names: list[str]) -> tuple[list[float], list[tuple[tuple[str, float], ...]]]:
    """(total, (type, amount) pairs in type code order) of every company, from flows in document order."""
    import numpy as np

    width = max(len(names), 1)
    groups, first, where = np.unique(company * width + types, return_index=True, return_inverse=True)
    sums = np.bincount(where.ravel(), weights=amount, minlength=len(groups))
    owner = groups // width
    seen = np.lexsort((first, owner))              # each company's types in order of first appearance
    total: list[float] = np.bincount(owner[seen], weights=sums[seen], minlength=n).tolist()
    none = np.ones(n, dtype=bool)
    none[owner] = False
    for i in np.flatnonzero(none).tolist():
        total[i] = 0                               # as sum() of no amounts: an int, as before
    by_type: list[tuple[tuple[str, float], ...]] = [()] * n
    pairs: list[tuple[str, float]] = []
    last = -1
    for c, t, a in zip(owner.tolist(), (groups % width).tolist(), sums.tolist(), strict=True):
        if c != last:
            if pairs:
                by_type[last] = tuple(pairs)
            pairs, last = [], c
        pairs.append((names[t], a))
    if pairs:
        by_type[last] = tuple(pairs)
    return total, by_type


def metrics_from(g: CompanyGraph, sums: FlowSums, circular: set[str] | frozenset[str],
                 round_trip: dict[str, float | None]) -> tuple[CompanyMetrics, ...]:
    """Metrics of every company, in name order, from its :func:`flow_sums` and round-trip capacities."""
    result: list[CompanyMetrics] = []
    append = result.append
    get_cap = round_trip.get
    for c, inflow, outflow, in_by, out_by, unk_in, unk_out in zip(
            g.companies, sums.inflow, sums.outflow, sums.inflow_by_type, sums.outflow_by_type,
            sums.unknown_in, sums.unknown_out, strict=True):
        cap = get_cap(c.id)
        multiple = (c.valuation / c.revenue if c.valuation is not None and c.revenue
                    else None)
        append(CompanyMetrics(
            c.id, c.name, inflow, outflow, inflow - outflow, in_by, out_by, unk_in, unk_out,
            c.id in circular, cap, None if cap is None or outflow <= 0 else cap / outflow, multiple))
    return tuple(result)


def with_capacities(metrics: tuple[CompanyMetrics, ...],
                    capacities: Iterable[tuple[int, float]]) -> tuple[CompanyMetrics, ...]:
    """``metrics`` (graph order) with company i's round-trip capacity (and ratio) set, for each
    (i, capacity): the metrics are put together before the round trips, so that only the
    companies with a capacity found in time are made again after them."""
    out = list(metrics)
    for i, cap in capacities:
        m = out[i]
        out[i] = CompanyMetrics(
            m.id, m.name, m.inflow, m.outflow, m.net, m.inflow_by_type, m.outflow_by_type, m.unknown_in,
            m.unknown_out, m.circular, cap, None if m.outflow <= 0 else cap / m.outflow, m.valuation_multiple)
    return tuple(out)
