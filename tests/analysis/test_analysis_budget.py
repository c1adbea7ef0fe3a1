"""The whole analysis within its budget: loops described until it runs out, bounds skipped past it."""
import time

import numpy as np

from benchmarks.generate import generate
from editor.analysis import CompanyGraph, analyze
from editor.analysis.circulation import (
    circulation_of,
    clear_cache,
    components,
    weighted_circulation,
    weighted_circulation_until,
)
from editor.analysis.roundtrip import _Plan
from editor.analysis.search import find_loops
from editor.model import Company, Diagram, Flow


def test_loops_found_after_the_budget_are_left_out_and_flagged():
    snap = generate(200, 1500, 4).snapshot()
    full = analyze(snap, max_loops=50, time_budget=30.0)
    assert len(full.loops) == 50 and not full.loops_timed_out
    roomy = analyze(snap, max_loops=50, time_budget=30.0, budget=1e6)
    assert [lp.company_ids for lp in roomy.loops] == [lp.company_ids for lp in full.loops]
    assert not roomy.loops_timed_out
    spent = analyze(snap, max_loops=50, time_budget=30.0, budget=0.0)
    assert spent.loops == ()
    assert spent.loops_truncated and spent.loops_timed_out
    # what every result needs is still there; the rest is said to be skipped, not given as zero
    assert spent.skipped == ("circulation", "round trips", "loops")
    assert not spent.circulation_computed and spent.circular_share is None
    assert full.circulation_computed and full.circular_share is not None and full.skipped == ()
    assert spent.totals == full.totals and spent.circular_groups == full.circular_groups
    assert [(m.id, m.inflow, m.outflow, m.inflow_by_type, m.circular) for m in spent.company_metrics] == \
        [(m.id, m.inflow, m.outflow, m.inflow_by_type, m.circular) for m in full.company_metrics]
    circular = set(full.circular_companies)
    assert all((m.round_trip_capacity is None) == (m.id in circular) for m in spent.company_metrics)
    assert not spent.round_trip_complete


def test_loops_are_described_until_the_clock_passes_the_deadline(monkeypatch):
    import editor.analysis.engine as engine

    g = CompanyGraph(generate(200, 1500, 4).snapshot())
    raws = find_loops(g, max_loops=50, max_length=12, through=None, time_budget=30.0).loops
    assert len(raws) == 50
    ticks = iter(range(1000))

    class Clock:               # one tick per reading: readings 0..10 are not past the deadline 10
        @staticmethod
        def perf_counter() -> float:
            return float(next(ticks))

    monkeypatch.setattr(engine, "time", Clock)
    loops = engine._described(g, raws, None, (), 10.0)
    first = engine._described(g, raws[:11], None, (), None)
    assert [lp.company_ids for lp in loops] == [lp.company_ids for lp in first]
    assert len(loops) == 11


def test_the_second_circulation_is_skipped_past_the_deadline():
    clear_cache()
    comp = max(components(CompanyGraph(generate(120, 600, 3).snapshot())), key=lambda c: c.k)
    x = circulation_of(comp)
    weights = np.ones(len(comp.caps))
    assert weighted_circulation_until(comp, weights, time.perf_counter() - 1.0) is None
    late = weighted_circulation_until(comp, weights, time.perf_counter() + 60.0)
    assert late is not None
    assert np.isclose(late.sum(), weighted_circulation(comp, weights).sum())
    plan = _Plan(comp, x, reuse=False)
    lower = plan.lower.copy()
    jobs = np.flatnonzero(~plan.settled())
    assert len(jobs)
    plan.second_circulation(jobs, deadline=time.perf_counter() - 1.0)
    assert len(plan.circulations) == 1 and np.array_equal(plan.lower, lower)
    plan.second_circulation(jobs, deadline=time.perf_counter() + 60.0)
    assert len(plan.circulations) == 2 and (plan.lower >= lower).all()


def test_the_whole_budget_of_an_interactive_run_is_its_larger_budget():
    from editor.analysis.engine import whole_budget

    assert whole_budget(2.0, 0.3, None) == 2.0
    assert whole_budget(0.5, 3.0, None) == 3.0
    assert whole_budget(2.0, 0.3, 9.0) == 9.0
    assert whole_budget(2.0, None, None) is None       # no round-trip budget: computes everything


def test_the_loop_search_gets_the_time_left_not_its_own_budget(monkeypatch):
    import editor.analysis.engine as engine

    given = []
    real = engine.ranked_loops

    def recording(g, **kw):
        given.append((kw["time_budget"], time.perf_counter()))
        return real(g, **kw)

    monkeypatch.setattr(engine, "ranked_loops", recording)
    snap = generate(150, 900, 6).snapshot()
    t0 = time.perf_counter()
    analyze(snap, time_budget=30.0, budget=5.0)
    (seconds, at), = given
    assert 0 < seconds <= 5.0 - (at - t0)
    given.clear()
    analyze(snap, time_budget=30.0)                     # no budget: the search's own
    assert given[0][0] == 30.0


def test_a_circulation_that_cannot_finish_is_skipped_and_said_so(monkeypatch):
    import editor.analysis.circulation as circulation

    clear_cache()
    snap = generate(120, 600, 3).snapshot()
    g = CompanyGraph(snap)
    assert circulation.max_circulation_until(g, time.perf_counter() - 1.0) is None   # not cached: no time
    whole = circulation.max_circulation(g)
    assert circulation.max_circulation_until(g, time.perf_counter() - 1.0) == whole  # cached: answered
    clear_cache()
    monkeypatch.setattr(circulation, "weighted_circulation_until", lambda *a: None)  # the solver ran out
    r = analyze(snap, max_loops=5, budget=60.0)
    assert r.skipped == ("circulation", "round trips")
    assert not r.circulation_computed and r.circular_share is None and not r.round_trip_complete
    assert len(r.loops) == 5 and not r.loops_timed_out           # the loop search still had its time
    clear_cache()


def test_date_ordered_loops_are_searched_once_on_the_analysis_graph(monkeypatch):
    import editor.analysis.engine as engine
    import editor.analysis.timed as timed
    from editor.analysis.temporal import find_date_ordered_loops

    snap = generate(80, 400, 5).snapshot()
    want = find_date_ordered_loops(snap, max_loops=20, within_days=400)

    def no_ranked_search(*a, **kw):
        raise AssertionError("the ranked search runs for nothing")

    sources = []

    def recording(source, **kw):
        sources.append(source)
        return find_date_ordered_loops(source, **kw)

    monkeypatch.setattr(engine, "ranked_loops", no_ranked_search)
    monkeypatch.setattr(timed, "find_date_ordered_loops", recording)
    r = timed.analyze_timed(snap, date_ordered=True, within_days=400, max_loops=20)
    assert len(sources) == 1 and isinstance(sources[0], CompanyGraph)
    assert r.loops == want.loops and r.readings == want.dated_loops
    assert (r.loops_truncated, r.loops_timed_out) == (want.truncated, want.timed_out)
    spent = timed.analyze_timed(snap, date_ordered=True, max_loops=20, budget=0.0)
    assert spent.loops == () and spent.readings == () and "loops" in spent.skipped
    assert spent.loops_timed_out and len(sources) == 1


def test_every_stage_that_may_be_skipped_ends_within_the_budget(monkeypatch):
    import editor.analysis.engine as engine

    seen: dict[str, float | None] = {}
    real_circulation, real_round_trips, real_loops = (
        engine.max_circulation_until, engine.start_component_round_trips, engine.ranked_loops)

    def circulation(g, deadline):
        seen["circulation"] = deadline
        return real_circulation(g, deadline)

    def round_trips(g, deadline):
        seen["round trips"] = deadline
        return real_round_trips(g, deadline)

    def loops(g, **kw):
        seen["loops"] = time.perf_counter() + kw["time_budget"]
        return real_loops(g, **kw)

    monkeypatch.setattr(engine, "max_circulation_until", circulation)
    monkeypatch.setattr(engine, "start_component_round_trips", round_trips)
    monkeypatch.setattr(engine, "ranked_loops", loops)
    clear_cache()
    snap = generate(150, 900, 8).snapshot()
    t0 = time.perf_counter()
    r = analyze(snap, round_trip_budget=60.0, time_budget=30.0, budget=20.0)
    assert r.skipped == ()
    assert set(seen) == {"circulation", "round trips", "loops"}
    assert all(v is not None and v <= t0 + 20.0 for v in seen.values())
    seen.clear()
    clear_cache()
    analyze(snap, round_trip_budget=60.0, time_budget=30.0)    # a whole budget of 60 s, the larger
    assert all(v is not None and t0 + 30.0 < v <= time.perf_counter() + 60.0 for v in seen.values())
    seen.clear()
    analyze(snap, time_budget=30.0)                            # no budget: no deadline but the search's
    assert seen["circulation"] is None and seen["round trips"] is None
    clear_cache()


def test_a_map_without_loops_has_no_loops_and_circulates_nothing_whatever_the_budget():
    d = Diagram()
    for i in range(4):
        d.add_company(Company(f"c{i}", f"C{i}"))
    for i in range(3):
        d.add_flow(Flow(f"f{i}", f"c{i}", f"c{i + 1}", "venture", 5.0))
    spent = analyze(d.snapshot(), budget=0.0)
    assert spent.circulation_computed and spent.circulating_amount == 0.0
    assert spent.circular_share == 0.0 and spent.round_trip_complete
    assert spent.skipped == () and spent.loops == () and not spent.loops_truncated
