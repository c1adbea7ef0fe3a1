"""Per-company and whole-diagram amounts.

Amounts are sums of *known* amounts, in the document's unit; flows without
an amount are counted apart. A company's inflow and outflow leave out its
self-flows (money a company pays itself goes nowhere); the diagram totals
(total amount, amounts by type) include every flow.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from editor.analysis.graph import CompanyGraph


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


def _by_type(amounts: dict[str, float], rank: dict[str, int]) -> tuple[tuple[str, float], ...]:
    """(type, amount) pairs in catalogue order, types not in the catalogue after, by id."""
    if len(amounts) < 2:
        return tuple(amounts.items())
    last = len(rank)
    return tuple(sorted(amounts.items(), key=lambda kv: (rank.get(kv[0], last), kv[0])))


def totals(g: CompanyGraph) -> Totals:
    by_type: dict[str, float] = {}
    unknown = 0
    for f in g.snapshot.flows:
        if f.amount is None:
            unknown += 1
        else:
            by_type[f.type] = by_type.get(f.type, 0.0) + f.amount
    ordered = tuple((t, by_type[t]) for t in _type_order(g, by_type) if t in by_type)
    return Totals(sum(by_type.values()), ordered, unknown, len(g.self_flows))


def company_metrics(g: CompanyGraph, circular: set[str],
                    round_trip: dict[str, float | None]) -> tuple[CompanyMetrics, ...]:
    """Metrics of every company, in name order."""
    ins: dict[str, dict[str, float]] = {c.id: {} for c in g.companies}
    outs: dict[str, dict[str, float]] = {c.id: {} for c in g.companies}
    unk_in = dict.fromkeys(ins, 0)
    unk_out = dict.fromkeys(ins, 0)
    for f in g.snapshot.flows:
        if f.source == f.target or f.source not in ins or f.target not in ins:
            continue
        if f.amount is None:
            unk_out[f.source] += 1
            unk_in[f.target] += 1
            continue
        outs[f.source][f.type] = outs[f.source].get(f.type, 0.0) + f.amount
        ins[f.target][f.type] = ins[f.target].get(f.type, 0.0) + f.amount
    result = []
    rank = g.type_rank
    for c in g.companies:
        inflow = sum(ins[c.id].values())
        outflow = sum(outs[c.id].values())
        cap = round_trip.get(c.id)
        multiple = (c.valuation / c.revenue if c.valuation is not None and c.revenue
                    else None)
        result.append(CompanyMetrics(
            c.id, c.name, inflow, outflow, inflow - outflow,
            _by_type(ins[c.id], rank), _by_type(outs[c.id], rank),
            unk_in[c.id], unk_out[c.id], c.id in circular, cap,
            None if cap is None or outflow <= 0 else cap / outflow, multiple))
    return tuple(result)
