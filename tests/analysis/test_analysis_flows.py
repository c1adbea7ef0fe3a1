"""Circulation, round-trip capacity and metrics against independent formulations."""
import math

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.analysis import CompanyGraph, analyze, max_circulation, round_trip_capacities
from editor.analysis.circulation import clear_cache
from editor.model import Company, Diagram, Flow
from tests.analysis.test_analysis_loops import LONG, company_diagrams
from tests.helpers import seed_diagram
from tests.strategies import diagrams

SETTINGS = settings(max_examples=1000 if LONG else 120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

int_amounts = st.one_of(st.none(), st.integers(0, 1000).map(float))
spread_amounts = st.one_of(st.none(), st.floats(1e-3, 1e6, allow_nan=False))


def _steps(d: Diagram) -> dict[tuple[str, str], float]:
    caps: dict[tuple[str, str], float] = {}
    for f in d.flows():
        if f.source != f.target and f.amount is not None:
            caps[(f.source, f.target)] = caps.get((f.source, f.target), 0.0) + f.amount
    return caps


def _min_cost_circulation(d: Diagram) -> float:
    """Maximum circulation as a min-cost circulation with cost -1 per unit (network simplex)."""
    G = nx.DiGraph()
    G.add_nodes_from((c.id, {"demand": 0}) for c in d.companies())
    for (u, v), cap in _steps(d).items():
        G.add_edge(u, v, capacity=int(cap), weight=-1)
    cost, _ = nx.network_simplex(G)
    return -cost


def _split_max_flow(d: Diagram, company: str) -> float:
    G = nx.DiGraph()
    G.add_node(company)
    G.add_node("__back__")
    for (u, v), cap in _steps(d).items():
        G.add_edge(u, "__back__" if v == company else v, capacity=cap)
    return nx.maximum_flow_value(G, company, "__back__")


@SETTINGS
@given(d=company_diagrams(amounts=int_amounts))
def test_circulation_matches_min_cost_circulation(d):
    clear_cache()   # a cached circulation would hide the solver
    result = max_circulation(CompanyGraph(d.snapshot()))
    assert result.amount == pytest.approx(_min_cost_circulation(d), rel=1e-9, abs=1e-6)
    # what each step carries is a real circulation within the step amounts
    caps = _steps(d)
    balance = {c.id: 0.0 for c in d.companies()}
    for u, v, x in result.steps:
        assert 0 < x <= caps[(u, v)] * (1 + 1e-9)
        balance[u] -= x
        balance[v] += x
    assert all(abs(b) <= 1e-6 * max(caps.values(), default=1) for b in balance.values())


def test_highspy_prints_nothing_and_agrees_with_linprog(capfd):
    """stdout carries the JSON of ``roundtrip analyze``: the solver must not print a banner.
    scipy's linprog (HiGHS behind scipy's own checks) solves the same program as a cross-check."""
    from scipy.optimize import linprog

    from benchmarks.generate import generate
    from editor.analysis.circulation import HIGHS_OPTIONS, components

    snap = generate(60, 300, 7).snapshot()
    clear_cache()
    amount = max_circulation(CompanyGraph(snap)).amount
    assert capfd.readouterr().out == ""
    expected = 0.0
    for comp in components(CompanyGraph(snap)):
        m, k = len(comp.caps), comp.k
        a_eq = np.zeros((k, m))
        a_eq[comp.u, np.arange(m)] += 1
        a_eq[comp.v, np.arange(m)] -= 1
        res = linprog(-np.ones(m), A_eq=a_eq, b_eq=np.zeros(k), method="highs", options=HIGHS_OPTIONS,
                      bounds=np.column_stack([np.zeros(m), comp.caps]))
        expected += float(res.x.sum())
    assert amount > 0
    assert amount == pytest.approx(expected, rel=1e-9)


@SETTINGS
@given(company_diagrams(amounts=spread_amounts))
def test_round_trip_capacity_matches_networkx_max_flow(d):
    caps = round_trip_capacities(CompanyGraph(d.snapshot()))
    biggest = max(_steps(d).values(), default=0.0)
    for c in d.companies():
        expected = _split_max_flow(d, c.id)
        assert caps[c.id] == pytest.approx(expected, abs=len(d.flows()) * 1e-9 * biggest + 1e-12)


@SETTINGS
@given(diagrams())
def test_analysis_of_any_valid_diagram_is_consistent(d):
    r = analyze(d.snapshot(), max_length=5)
    assert r.companies == len(d.companies()) and r.flows == len(d.flows())
    assert r.totals.total_amount == pytest.approx(sum(f.amount for f in d.flows() if f.amount is not None))
    assert r.totals.unknown_amount_flows == sum(f.amount is None for f in d.flows())
    assert 0 <= r.circulating_amount <= r.totals.total_amount * (1 + 1e-9) + 1e-9
    if r.circular_share is not None:
        assert 0 <= r.circular_share <= 1 + 1e-9
    for m in r.company_metrics:
        assert m.net == pytest.approx(m.inflow - m.outflow)
        assert 0 <= m.round_trip_capacity <= min(m.inflow, m.outflow) * (1 + 1e-9) + 1e-9
        if m.outflow > 0:
            assert m.round_trip_ratio == pytest.approx(m.round_trip_capacity / m.outflow)
        else:
            assert m.round_trip_ratio is None
        assert (m.round_trip_capacity > 0) <= m.circular
    # circular companies are exactly those in a strongly connected group of > 1
    G = nx.DiGraph((f.source, f.target) for f in d.flows() if f.source != f.target)
    expected = {c for comp in nx.strongly_connected_components(G) if len(comp) > 1 for c in comp}
    assert set(r.circular_companies) == expected


def test_seed_metrics():
    r = analyze(seed_diagram().snapshot())
    nvidia = r.metrics_of("nvidia")
    assert (nvidia.inflow, nvidia.outflow, nvidia.net) == (40, 100, -60)
    assert nvidia.round_trip_capacity == pytest.approx(40)
    assert nvidia.round_trip_ratio == pytest.approx(0.4)
    assert nvidia.valuation_multiple == pytest.approx(4500 / 130.5)
    assert dict(nvidia.outflow_by_type) == {"equity": 100}
    assert r.circulating_amount == pytest.approx(120)
    assert r.circular_share == pytest.approx(120 / 440)
    assert dict(r.totals.by_type) == {"equity": 100, "purchase": 40, "service": 300}


def test_unknown_steps_carry_nothing_and_edges_between_groups_carry_nothing():
    d = Diagram()
    for c in "abcd":
        d.add_company(Company(c, c.upper()))
    d.add_flow(Flow("1", "a", "b", "equity", 10))
    d.add_flow(Flow("2", "b", "a", "purchase", None))   # unknown: the loop a-b carries 0
    d.add_flow(Flow("3", "c", "d", "equity", 5))
    d.add_flow(Flow("4", "d", "c", "purchase", 3))
    d.add_flow(Flow("5", "b", "c", "revenue", 100))     # between groups
    r = analyze(d.snapshot())
    assert r.circulating_amount == pytest.approx(6)
    assert r.metrics_of("a").round_trip_capacity == 0
    assert r.metrics_of("c").round_trip_capacity == pytest.approx(3)
    assert r.circular_groups == (("a", "b"), ("c", "d"))
    assert r.totals.unknown_amount_flows == 1


def test_round_trip_budget_leaves_unreached_companies_unknown():
    d = seed_diagram()
    clear_cache()
    r = analyze(d.snapshot(), round_trip_budget=0.0)
    assert not r.round_trip_complete
    assert all(m.round_trip_capacity is None and m.round_trip_ratio is None for m in r.company_metrics)
    # once computed, the capacities of unchanged components come from the cache, even without time
    full = analyze(d.snapshot())
    again = analyze(d.snapshot(), round_trip_budget=0.0)
    assert again.round_trip_complete and again.company_metrics == full.company_metrics


def test_result_is_plain_data():
    import pickle

    r = analyze(seed_diagram().snapshot())
    assert pickle.loads(pickle.dumps(r)) == r
    assert math.isfinite(r.circulating_amount)
