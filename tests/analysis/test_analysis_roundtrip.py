"""Round-trip capacities settled by bounds, maximum flows, and the per-component cache."""
import dataclasses
import random
from typing import TYPE_CHECKING
from unittest import mock

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from editor.analysis import CompanyGraph, analyze, graph, roundtrip
from editor.analysis.circulation import CACHE, circulation_of, clear_cache, component_cache_info, components
from editor.analysis.roundtrip import bounds, component_capacities
from editor.model import Company, Flow
from tests.analysis.test_analysis_loops import LONG, company_diagrams

if TYPE_CHECKING:
    from editor.model import Diagram

SETTINGS = settings(max_examples=1500 if LONG else 300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(autouse=True)
def numpy_path_for_every_size():
    """These tests are about the numpy/HiGHS/igraph path: small maps take it too (see test_smallmaps)."""
    with mock.patch.object(graph, "SMALL_STEPS", -1):
        yield


spread_amounts = st.one_of(st.none(), st.floats(1e-3, 1e6, allow_nan=False), st.sampled_from([1.0, 2.0, 5.0]))


def _networkx_capacity(comp, i: int) -> float:
    """Max flow from company i to a copy of it receiving its incoming steps."""
    G = nx.DiGraph()
    G.add_nodes_from([i, "copy"])
    for a, b, c in zip(comp.u.tolist(), comp.v.tolist(), comp.caps.tolist(), strict=True):
        G.add_edge(a, "copy" if b == i else b, capacity=c)
    return nx.maximum_flow_value(G, i, "copy")


@SETTINGS
@given(company_diagrams(max_companies=8, max_flows=26, amounts=spread_amounts))
def test_bounds_and_maximum_flows_match_networkx(d):
    for comp in components(CompanyGraph(d.snapshot())):
        x = circulation_of(comp)
        lower, upper = bounds(comp, x)
        expected = np.array([_networkx_capacity(comp, i) for i in range(comp.k)])
        tol = len(comp.caps) * 1e-9 * comp.caps.max()
        assert np.all(lower <= expected + tol) and np.all(upper >= expected - tol)
        for use_bounds in (True, False):
            got = component_capacities(comp, x, use_bounds=use_bounds, use_cache=False)
            assert got == pytest.approx(expected, abs=tol, rel=0)


def test_bounds_settle_companies_on_a_larger_map():
    comp = max(components(CompanyGraph(generate(120, 600, 3).snapshot())), key=lambda c: c.k)
    x = circulation_of(comp)
    lower, upper = bounds(comp, x)
    settled = lower >= upper - 1e-11 * comp.caps.max()
    assert 0 < settled.sum() < comp.k
    expected = np.array([_networkx_capacity(comp, i) for i in range(comp.k)])
    tol = len(comp.caps) * 1e-9 * comp.caps.max()
    assert upper[settled] == pytest.approx(expected[settled], abs=tol, rel=0)
    got = component_capacities(comp, x, use_cache=False)
    assert got == pytest.approx(expected, abs=tol, rel=0)


def test_deadline_and_wanted_leave_the_rest_not_computed():
    comp = max(components(CompanyGraph(generate(60, 300, 5).snapshot())), key=lambda c: c.k)
    x = circulation_of(comp)
    assert np.isnan(component_capacities(comp, x, deadline=0.0, use_cache=False)).all()
    wanted = np.zeros(comp.k, dtype=bool)
    wanted[:3] = True
    part = component_capacities(comp, x, wanted=wanted, use_cache=False)
    full = component_capacities(comp, x, use_cache=False)
    assert np.isnan(part[3:]).all() and part[:3] == pytest.approx(full[:3])


def _plain(result):
    """The result without timings, round trips and circulation.

    Those are compared apart: round trips may differ in the last bit, and an
    edit may leave the previous maximum circulation maximum where a new
    solve would pick another one of the same amount.
    """
    metrics = tuple(dataclasses.replace(m, round_trip_capacity=None, round_trip_ratio=None)
                    for m in result.company_metrics)
    return dataclasses.replace(result, timings=(), company_metrics=metrics, circulation=None)


def _round_trips(result):
    return [m.round_trip_capacity for m in result.company_metrics] + [result.circulating_amount]


def test_analysis_after_edits_matches_a_cold_run():
    rng = random.Random(11)
    d = generate(80, 400, 2)
    clear_cache()
    analyze(d.snapshot())
    flows = [f for f in d.flows()]
    for _ in range(12):
        f = rng.choice(flows)
        amount = rng.choice([None, 0.0, round(rng.uniform(0.01, 1000), 2)])
        d.update_flow(f.id, amount=amount)
        warm = analyze(d.snapshot())
        clear_cache()
        cold = analyze(d.snapshot())
        assert _plain(warm) == _plain(cold)
        assert _round_trips(warm) == pytest.approx(_round_trips(cold), rel=1e-12, abs=1e-12)
    # an unchanged diagram is answered from the cache entirely
    before = component_cache_info()
    analyze(d.snapshot())
    after = component_cache_info()
    assert after[1] == before[1] and after[0] > before[0]


def test_cache_keeps_only_the_most_recent_components():
    clear_cache()
    for seed in range(CACHE.size // 2 + 5):
        analyze(generate(12, 40, seed).snapshot())
    assert len(CACHE.data) <= CACHE.size


def _networkx_round_trips(d) -> dict[str, float]:
    """Round-trip capacity of every company straight from networkx, on the whole diagram."""
    g = CompanyGraph(d.snapshot())
    result = {}
    for c in g.companies:
        G = nx.DiGraph()
        G.add_nodes_from([c.id, "copy"])
        for s in g.steps:
            if s.amount:
                G.add_edge(s.source, "copy" if s.target == c.id else s.target, capacity=s.amount)
        result[c.id] = nx.maximum_flow_value(G, c.id, "copy")
    return result


def _micro_circulation(d) -> tuple[int, int]:
    """Maximum circulation in millionths (network simplex on rounded amounts), and the step count."""
    g = CompanyGraph(d.snapshot())
    G = nx.DiGraph()
    G.add_nodes_from((c.id, {"demand": 0}) for c in g.companies)
    for s in g.steps:
        if s.amount:
            G.add_edge(s.source, s.target, capacity=round(s.amount * 1e6), weight=-1)
    cost, _ = nx.network_simplex(G)
    return -cost, G.number_of_edges()


edits = st.lists(st.tuples(st.sampled_from(["raise", "lower", "remove", "add", "unknown", "company"]),
                           st.integers(0, 10**6), st.floats(0.01, 1e4)), min_size=1, max_size=5)


@settings(max_examples=400 if LONG else 60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(company_diagrams(max_companies=8, max_flows=26, amounts=spread_amounts), edits)
def test_round_trips_after_edits_reuse_previous_cuts_exactly(d, script):
    """Each analysis after an edit bounds companies by the previous cuts: values stay exact.

    A second circulation is forced whenever a company is left unsettled, so its
    certificates are exercised too.
    """
    with mock.patch.object(roundtrip, "WEIGHTED_MIN", 1):
        _edit_and_compare(d, script)


def _edit_and_compare(d, script):
    clear_cache()
    analyze(d.snapshot())
    for n, (kind, pick, amount) in enumerate(script):
        flows = d.flows()
        if kind == "company" or not flows:
            cid = f"n{n}"
            d.add_company(Company(cid, "New"))
            others = [c.id for c in d.companies()]
            kind_id = d.flow_types()[0].id
            d.add_flow(Flow(f"g{n}", cid, others[pick % len(others)], kind_id, amount))
            d.add_flow(Flow(f"h{n}", others[(pick // 7) % len(others)], cid, kind_id, amount / 3))
        else:
            f = flows[pick % len(flows)]
            if kind == "remove":
                d.remove_flow(f.id)
            elif kind == "add":
                d.add_flow(Flow(f"a{n}", f.target, f.source, f.type, amount))
            else:
                new = {"raise": (f.amount or 0) + amount, "lower": (f.amount or 0) / 3,
                       "unknown": None}[kind]
                d.update_flow(f.id, amount=new)
        result = analyze(d.snapshot())
        got = {m.id: m.round_trip_capacity for m in result.company_metrics}
        expected = _networkx_round_trips(d)
        biggest = max((f.amount or 0 for f in d.flows()), default=0)
        tol = len(d.flows()) * 1e-9 * biggest + 1e-12
        assert got == pytest.approx(expected, abs=tol, rel=0)
        micro, steps = _micro_circulation(d)
        # rounding to millionths, plus HiGHS' feasibility tolerance (1e-10 of the largest step)
        lp_tol = steps * 1e-10 * biggest * 1e6
        assert result.circulating_amount * 1e6 == pytest.approx(micro, abs=steps + lp_tol + 1e-6, rel=1e-9)


def test_a_raised_amount_settles_most_companies_by_the_previous_cuts():
    """Raising an amount leaves most old minimum cuts minimum; lowering one is still exact."""
    d = generate(150, 750, 4)
    clear_cache()
    calls = []
    real = roundtrip._max_flows

    def counting(comp, jobs, *args):
        calls.append(len(jobs))
        return real(comp, jobs, *args)

    with mock.patch.object(roundtrip, "_max_flows", counting):
        analyze(d.snapshot())
        cold = sum(calls)
        rng = random.Random(3)
        flows = [f for f in d.flows() if f.amount]
        for factor in (1.5, 0.5, 3.0, 0.1):
            calls.clear()
            f = rng.choice(flows)
            d.update_flow(f.id, amount=f.amount * factor)
            got = {m.id: m.round_trip_capacity for m in analyze(d.snapshot()).company_metrics}
            if factor > 1:
                assert sum(calls) < cold / 5
            expected = _networkx_round_trips(d)
            tol = len(d.flows()) * 1e-9 * max(f.amount or 0 for f in d.flows())
            assert got == pytest.approx(expected, abs=tol, rel=0)
    assert cold > 10


def test_an_edit_that_keeps_the_circulation_maximum_solves_no_program():
    from editor.analysis import circulation as circ_module

    d = generate(150, 750, 4)
    clear_cache()
    first = analyze(d.snapshot())
    carried = {(a, b): x for a, b, x in first.circulation.steps}
    g = CompanyGraph(d.snapshot())
    # a flow on a step with room to spare: raising it keeps the circulation maximum
    step = next(s for s in g.steps if s.amount and len(s.flow_ids) == 1
                and 0 < carried.get((s.source, s.target), 0) < s.amount * 0.9)
    with mock.patch.object(circ_module, "weighted_circulation",
                           wraps=circ_module.weighted_circulation) as solve:
        d.update_flow(step.flow_ids[0], amount=step.amount * 2)
        warm = analyze(d.snapshot())
        assert not any(call.args[1].min() == 1.0 for call in solve.call_args_list)  # no plain solve
    clear_cache()
    cold = analyze(d.snapshot())
    assert warm.circulating_amount == pytest.approx(cold.circulating_amount, rel=1e-12)


def test_the_helper_process_shares_the_maximum_flows_and_gives_the_same_answer():
    """The helper takes flows from the front, this process from the back, until they meet;
    every flow is done by one of them, and the values and cuts serve this run and the next edits."""
    from editor.analysis import flow_helper

    d = generate(120, 600, 3)
    flow_helper.allow()
    try:
        assert flow_helper.wait_ready(60)
        handed = []
        real_submit = flow_helper.submit

        def counting(*args):
            shared = real_submit(*args)
            handed.append((len(args[4]), shared))
            return shared

        rng = random.Random(5)
        with (mock.patch.object(roundtrip, "HELPER_MIN", 2),
              mock.patch.object(flow_helper, "submit", counting)):
            clear_cache()
            for factor in (None, 1.7, 0.2, 0.6):
                if factor is not None:
                    f = rng.choice([f for f in d.flows() if f.amount])
                    d.update_flow(f.id, amount=f.amount * factor)
                got = {m.id: m.round_trip_capacity for m in analyze(d.snapshot()).company_metrics}
                tol = len(d.flows()) * 1e-9 * max(f.amount or 0 for f in d.flows())
                assert got == pytest.approx(_networkx_round_trips(d), abs=tol, rel=0)
        assert handed and handed[0][0] > 0 and handed[0][1] is not None
        n, (future, claims) = handed[-1]
        marks = list(claims[:n])
        assert 0 not in marks                       # every flow was taken by one side
        first_caller = marks.index(flow_helper.CALLER) if flow_helper.CALLER in marks else n
        assert set(marks[:first_caller]) <= {flow_helper.HELPER}    # the helper's run from the front
        assert set(marks[first_caller:]) <= {flow_helper.CALLER}    # ours from the back
    finally:
        flow_helper.allow(False)
        flow_helper.stop()


def test_a_helper_that_breaks_after_taking_flows_leaves_them_to_this_process():
    """The helper marks some flows as its own and then fails: this process solves them too,
    and every capacity is still the exact one."""
    from concurrent.futures import Future

    from editor.analysis import flow_helper

    d = generate(120, 600, 3)
    stopped = []

    def broken_submit(k, u, v, caps, jobs, seconds):
        claims = bytearray(len(jobs))
        claims[:len(jobs) // 2] = bytes([flow_helper.HELPER]) * (len(jobs) // 2)   # took half...
        future = Future()
        future.set_exception(RuntimeError("helper died"))                          # ...then died
        return future, claims

    with mock.patch.object(roundtrip, "HELPER_MIN", 2), \
            mock.patch.object(flow_helper, "submit", broken_submit), \
            mock.patch.object(flow_helper, "stop", lambda: stopped.append(True)):
        clear_cache()
        got = {m.id: m.round_trip_capacity for m in analyze(d.snapshot()).company_metrics}
    tol = len(d.flows()) * 1e-9 * max(f.amount or 0 for f in d.flows())
    assert stopped                                  # the broken helper was let go
    assert got == pytest.approx(_networkx_round_trips(d), abs=tol, rel=0)


def test_a_share_still_out_keeps_the_next_run_away_from_the_helper():
    """A run abandoned after handing flows over (or a second thread) must not reset the marks
    the helper is still working with: the next run does its flows itself."""
    from editor.analysis import flow_helper

    comp = components(CompanyGraph(generate(60, 300, 2).snapshot()))[0]
    flow_helper.allow()
    try:
        assert flow_helper.wait_ready(60)
        jobs = list(range(comp.k)) * 40            # enough work to still be running below
        first = flow_helper.submit(comp.k, comp.u, comp.v, comp.caps, jobs, None)
        assert first is not None
        assert flow_helper.submit(comp.k, comp.u, comp.v, comp.caps, jobs[:3], None) is None
        values, _ = first[0].result(timeout=60)
        assert not np.isnan(values).any()           # nobody marked from the back: the helper did all
        assert flow_helper.submit(comp.k, comp.u, comp.v, comp.caps, jobs[:3], None) is not None
    finally:
        flow_helper.allow(False)
        flow_helper.stop()


def _diagram_of(n: int, steps) -> "Diagram":
    from editor.model import Diagram

    d = Diagram()
    for i in range(n):
        d.add_company(Company(f"c{i}", str(i)))
    kind = d.flow_types()[0].id
    for j, (s, t, amount) in enumerate(steps):
        d.add_flow(Flow(f"f{j}", s, t, kind, amount))
    return d


def test_reused_cuts_never_give_a_negative_capacity():
    """Old cut worth plus the changes, in floating point, can dip a hair below zero."""
    before = _diagram_of(5, [("c4", "c2", 0.01470191854323394), ("c3", "c0", 0.027545203938250568),
                             ("c4", "c1", 0.006880826728272698), ("c4", "c2", 2.807998586087857e-23),
                             ("c1", "c2", 0.007311127739426928), ("c2", "c1", 1.8827082541644954e-17),
                             ("c0", "c1", 0.009570248132109426), ("c2", "c4", 228472.22863365864)])
    after = _diagram_of(3, [("c1", "c0", 6.945234081333616e-24), ("c1", "c0", 5.7967103093674135e-19),
                            ("c2", "c2", 174.28747308900273), ("c2", "c1", 2.50272310056255e-23),
                            ("c1", "c2", 8.3424103352085e-24), ("c0", "c1", 1.6684820670417e-23),
                            ("c0", "c2", 2.269473786438078e-24)])
    clear_cache()
    analyze(before.snapshot())
    result = analyze(after.snapshot())
    for m in result.company_metrics:
        assert 0 <= m.round_trip_capacity <= min(m.inflow, m.outflow) * (1 + 1e-9) + 1e-9


def test_lowering_a_tiny_step_beside_a_huge_one_keeps_the_circulation_balanced():
    """A step lowered below what it carried is not reused, even within the solver's rounding of
    the largest amount: cutting it alone would leave its companies unbalanced."""
    from editor.model import Diagram

    d = Diagram()
    for cid in ("a", "b"):
        d.add_company(Company(cid, cid.upper()))
    kind = d.flow_types()[0].id
    d.add_flow(Flow("big", "a", "b", kind, 666667.0))
    d.add_flow(Flow("tiny", "b", "a", kind, 0.001))
    clear_cache()
    assert analyze(d.snapshot()).circulating_amount == pytest.approx(0.002, abs=1e-12)
    d.update_flow("tiny", amount=0.001 / 3)
    again = analyze(d.snapshot()).circulating_amount
    clear_cache()
    assert again == pytest.approx(analyze(d.snapshot()).circulating_amount, abs=1e-12)
    assert again == pytest.approx(2 * 0.001 / 3, abs=1e-12)


def test_a_kept_result_of_far_larger_amounts_is_not_reused():
    """The figures kept from a map of amounts around a million carry rounding of that size:
    reused for amounts of a thousandth, they would settle capacities a hair off."""
    big = _diagram_of(4, [("c2", "c3", 3.24925205e5), ("c2", "c0", 7.13323890e5), ("c3", "c2", 1.02197691e6),
                          ("c3", "c1", 1.12774121e5), ("c1", "c2", 3.73870976e4), ("c1", "c3", 4.78648973e1),
                          ("c0", "c2", 1.59763599e3), ("c0", "c3", 1.0e-3), ("c0", "c1", 5.44100289e-1)])
    small = _diagram_of(2, [("c0", "c1", 0.001), ("c1", "c0", 0.001)])
    clear_cache()
    analyze(big.snapshot())
    caps = roundtrip.round_trip_capacities(CompanyGraph(small.snapshot()))
    assert caps == {"c0": 0.001, "c1": 0.001}
