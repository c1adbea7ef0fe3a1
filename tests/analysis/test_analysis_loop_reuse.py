"""Ranked loops after an edit: reused when the edit cannot change them, always equal to a new search."""
import random
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from editor.analysis import CompanyGraph, analyze, find_loops, loop_reuse
from editor.model import Flow
from tests.analysis.test_analysis_loops import LONG, company_diagrams

edits = st.lists(st.tuples(st.sampled_from(["amount", "remove", "add", "rename"]),
                           st.integers(0, 10**6), st.sampled_from([None, 0.5, 1.0, 2.0, 5.0, 40.0])),
                 min_size=1, max_size=6)


def _fresh(g, max_loops, max_length, through=None):
    return find_loops(g, max_loops=max_loops, max_length=max_length, through=through, time_budget=60)


def _edit(d, kind, pick, amount, n):
    flows = d.flows()
    if kind == "rename" or not flows:
        c = d.companies()[pick % len(d.companies())]
        d.update_company(c.id, name=f"Renamed {n}")
        return
    f = flows[pick % len(flows)]
    if kind == "remove":
        d.remove_flow(f.id)
    elif kind == "add":
        d.add_flow(Flow(f"new{n}", f.target, f.source, f.type, amount))
    else:
        d.update_flow(f.id, amount=amount)


@settings(max_examples=400 if LONG else 80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(company_diagrams(max_companies=7, max_flows=24), edits, st.integers(1, 6), st.integers(2, 6),
       st.booleans())
def test_loops_after_edits_equal_a_new_search(d, script, max_loops, max_length, use_through):
    loop_reuse.forget()
    through = d.companies()[0].id if use_through else None

    def ranked(g):
        return loop_reuse.ranked_loops(g, max_loops=max_loops, max_length=max_length,
                                       through=None if through is None else g.index[through],
                                       time_budget=60)
    ranked(CompanyGraph(d.snapshot()))
    for n, (kind, pick, amount) in enumerate(script):
        _edit(d, kind, pick, amount, n)
        g = CompanyGraph(d.snapshot())
        fresh = _fresh(g, max_loops, max_length, None if through is None else g.index[through])
        got = ranked(g)
        assert got.loops == fresh.loops
        assert (got.truncated, got.timed_out) == (fresh.truncated, fresh.timed_out)


def test_small_amount_edits_reuse_the_previous_search():
    d = generate(150, 750, 6)
    loop_reuse.forget()
    analyze(d.snapshot())
    threshold = loop_reuse._kept[0].result.threshold
    rng = random.Random(2)
    small = [f for f in d.flows() if f.amount is not None and f.amount * 4 < threshold]
    big = max(d.flows(), key=lambda f: f.amount or 0)
    with mock.patch.object(loop_reuse, "find_loops", wraps=loop_reuse.find_loops) as search:
        for f in rng.sample(small, 5):
            d.update_flow(f.id, amount=f.amount * 2)
            result = analyze(d.snapshot())
            g = CompanyGraph(d.snapshot())
            assert [loop.steps for loop in result.loops] == [
                tuple(g.steps[e] for e in raw.steps) for raw in _fresh(g, 100, 12).loops]
        assert search.call_count == 0
        d.update_flow(big.id, amount=big.amount / 100)
        analyze(d.snapshot())
        assert search.call_count == 1
