"""Time in the analysis: the period filter and the date-ordered loop search.

The search is checked against a brute force that knows nothing of it: every
simple cycle of the flow multigraph (one dated flow per step, parallel flows
taken one by one, networkx enumerating the company cycles and itertools the
flow choices), each read from every company and kept when its dates never
decrease (within the window).
"""
from __future__ import annotations

import datetime
import itertools
import os
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.analysis import CompanyGraph, RawLoop, analyze, rank_key
from editor.analysis.search import _rotate
from editor.analysis.temporal import (
    DatedSearchResult,
    find_date_ordered_loops,
    parse_date_bound,
    period_filter,
)
from editor.model import Company, Diagram, Flow, ModelError, date_key

ROOT = Path(__file__).resolve().parents[2]
LONG = os.environ.get("ROUNDTRIP_LONG", "") not in ("", "0")
SETTINGS = settings(max_examples=1500 if LONG else 250, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

#: Close dates (so windows matter), partial ones (first day of their period) and no date.
DATES = ("", "", "2024", "2024-01", "2024-01-01", "2024-01-15", "2024-01-31", "2024-02", "2024-02-10",
         "2024-03-01", "2024-06", "2025", "2025-01-02")
AMOUNTS = st.sampled_from([None, 1.0, 2.0, 2.0, 5.0, 10.0])
NAMES = ("Alpha", "beta", "Gamma", "delta", "Eps", "Zeta", "alpha")


@st.composite
def dated_maps(draw, max_companies: int = 6, max_flows: int = 18,
               amounts=AMOUNTS) -> Diagram:
    """Few companies, many flows: parallel flows, self-flows, unknown amounts, ties, undated flows."""
    d = Diagram()
    n = draw(st.integers(1, max_companies))
    for i in range(n):
        d.add_company(Company(f"c{i}", draw(st.sampled_from(NAMES))))
    for j in range(draw(st.integers(0, max_flows))):
        d.add_flow(Flow(f"f{j}", f"c{draw(st.integers(0, n - 1))}", f"c{draw(st.integers(0, n - 1))}",
                        draw(st.sampled_from(("equity", "purchase", "service"))),
                        draw(amounts),
                        date=draw(st.sampled_from(DATES))))
    return d


def day(date: str) -> int | None:
    key = date_key(date)
    return None if key is None else datetime.date(*key).toordinal()


def readable(days: tuple[int, ...], window: int | None) -> bool:
    """The definition: from some company, each date on or after the previous (within the window)."""
    k = len(days)
    for r in range(k):
        seq = days[r:] + days[:r]
        if all(seq[i] <= seq[i + 1] for i in range(k - 1)) and (window is None or seq[-1] - seq[0] <= window):
            return True
    return False


def brute_force(g: CompanyGraph, max_length: int, window: int | None,
                through: int | None = None) -> list[RawLoop]:
    """Date-ordered loops from all flow-level simple cycles, ranked like the engine ranks loops."""
    flows = nx.MultiDiGraph()
    flows.add_nodes_from(range(g.n))
    for f in g.snapshot.flows:
        u, v, d = g.index[f.source], g.index[f.target], day(f.date)
        if u != v and d is not None:
            flows.add_edge(u, v, key=f.id, day=d)
    found = []
    for cycle in nx.simple_cycles(nx.DiGraph(flows), length_bound=max_length):
        k = len(cycle)
        if through is not None and through not in cycle:
            continue
        pairs = [(cycle[i], cycle[(i + 1) % k]) for i in range(k)]
        choices = [[a["day"] for a in flows.get_edge_data(u, v).values()] for u, v in pairs]
        if any(readable(tuple(pick), window) for pick in itertools.product(*choices)):
            nodes, steps = _rotate(tuple(cycle), tuple(g.step_of[p] for p in pairs))
            amounts = [g.steps[e].amount for e in steps]
            found.append(RawLoop(nodes, steps, None if None in amounts else min(amounts)))
    found.sort(key=rank_key)
    return found


def raw_of(g: CompanyGraph, result: DatedSearchResult) -> list[RawLoop]:
    out = []
    for loop in result.loops:
        steps = tuple(g.step_of[(g.index[s.source], g.index[s.target])] for s in loop.steps)
        out.append(RawLoop(tuple(g.index[c] for c in loop.company_ids), steps, loop.bottleneck))
    return out


def check_readings(d: Diagram, result: DatedSearchResult, window: int | None) -> None:
    for dated in result.dated_loops:
        loop = dated.loop
        assert loop.date_ordered
        flows = [d.flow(f) for f in dated.reading]
        assert len(flows) == loop.length and flows[0].source == dated.start
        for a, b in zip(flows, flows[1:] + flows[:1], strict=True):
            assert a.target == b.source
        days = [day(f.date) for f in flows]
        assert None not in days and days == sorted(days)       # type: ignore[type-var]
        assert window is None or days[-1] - days[0] <= window  # type: ignore[operator]
        assert {f.source for f in flows} == set(loop.company_ids)
        assert (dated.first_date, dated.last_date) == (flows[0].date, flows[-1].date)


# --------------------------------------------------------------- search vs brute force

WINDOWS = st.sampled_from([None, None, 0, 14, 30, 31, 45, 400])


@SETTINGS
@given(dated_maps(), st.integers(2, 6), WINDOWS, st.data())
def test_every_date_ordered_loop_is_found_and_no_other(d, max_length, window, data):
    g = CompanyGraph(d.snapshot())
    through = data.draw(st.one_of(st.none(), st.integers(0, g.n - 1)))
    expected = brute_force(g, max_length, window, through)
    result = find_date_ordered_loops(g, max_loops=0, max_length=max_length, within_days=window,
                                     through=None if through is None else g.companies[through].id,
                                     time_budget=60)
    assert raw_of(g, result) == expected
    assert not result.truncated and not result.timed_out
    check_readings(d, result, window)


@SETTINGS
@given(dated_maps(), st.integers(2, 6), st.integers(1, 6), WINDOWS)
def test_the_best_loops_are_listed_and_the_cut_is_flagged(d, max_length, max_loops, window):
    g = CompanyGraph(d.snapshot())
    expected = brute_force(g, max_length, window)
    result = find_date_ordered_loops(g, max_loops=max_loops, max_length=max_length, within_days=window,
                                     time_budget=60)
    assert raw_of(g, result) == expected[:max_loops]
    assert result.truncated == (len(expected) > max_loops)


@SETTINGS
@given(dated_maps(max_companies=7, max_flows=22, amounts=st.sampled_from([None, 1.0, 1.0, 1.0, 3.0])),
       st.integers(3, 7), st.integers(1, 8), WINDOWS, st.data())
def test_loops_tied_at_the_last_amount_are_ranked_shortest_first(d, max_length, max_loops, window, data):
    g = CompanyGraph(d.snapshot())
    through = data.draw(st.one_of(st.none(), st.integers(0, g.n - 1)))
    expected = brute_force(g, max_length, window, through)
    result = find_date_ordered_loops(g, max_loops=max_loops, max_length=max_length, within_days=window,
                                     through=None if through is None else g.companies[through].id,
                                     time_budget=60)
    assert raw_of(g, result) == expected[:max_loops]
    assert result.truncated == (len(expected) > max_loops)


@SETTINGS
@given(dated_maps(max_companies=5, max_flows=14), WINDOWS)
def test_the_search_lists_the_loops_the_full_analysis_marks_date_ordered(d, window):
    full = analyze(d.snapshot(), max_loops=0, max_length=5, window_days=window)
    marked = [loop for loop in full.loops if loop.date_ordered]
    found = find_date_ordered_loops(d.snapshot(), max_loops=0, max_length=5, within_days=window)
    assert found.loops == tuple(marked)     # same Loop records, same ranking


# ------------------------------------------------------------------------ hand-made maps

def ring(*flows: tuple[str, str, str], amounts: dict[str, float] | None = None) -> Diagram:
    """Companies A, B, C, ...; flows (source, target, date) with ids f0, f1, ..."""
    d = Diagram()
    names = sorted({n for s, t, _ in flows for n in (s, t)})
    for n in names:
        d.add_company(Company(n, n))
    for j, (s, t, date) in enumerate(flows):
        d.add_flow(Flow(f"f{j}", s, t, "equity", (amounts or {}).get(f"f{j}", 1.0), date=date))
    return d


def test_a_loop_out_of_order_from_every_company_is_not_listed():
    d = ring(("A", "B", "2025-03"), ("B", "C", "2025-02"), ("C", "A", "2025-01"))
    assert find_date_ordered_loops(d.snapshot()).loops == ()
    assert not analyze(d.snapshot()).loops[0].date_ordered


def test_a_loop_in_order_from_another_company_is_listed_with_its_reading():
    d = ring(("A", "B", "2025-02"), ("B", "C", "2025-03"), ("C", "A", "2025-01"))
    (dated,) = find_date_ordered_loops(d.snapshot()).dated_loops
    assert dated.loop.company_ids == ("A", "B", "C")        # written from the first by name
    assert dated.start == "C" and dated.reading == ("f2", "f0", "f1")
    assert (dated.first_date, dated.last_date) == ("2025-01", "2025-03")


def test_parallel_flows_are_separate_choices_and_undated_flows_none():
    d = ring(("A", "B", "2025-06"), ("A", "B", "2025-01"), ("B", "A", "2025-03"), ("B", "A", ""))
    (dated,) = find_date_ordered_loops(d.snapshot()).dated_loops
    assert dated.reading in (("f1", "f2"), ("f2", "f0"))
    assert dated.loop.bottleneck == 2.0     # the step's amount, as in the full list
    only_undated = ring(("A", "B", "2025-06"), ("B", "A", ""))
    assert find_date_ordered_loops(only_undated.snapshot()).loops == ()
    assert len(analyze(only_undated.snapshot()).loops) == 1


def test_window_boundary_is_inclusive_and_partial_dates_are_first_days():
    d = ring(("A", "B", "2025-01-01"), ("B", "C", "2025-01-15"), ("C", "A", "2025-01-31"))
    assert len(find_date_ordered_loops(d.snapshot(), within_days=30).loops) == 1
    assert find_date_ordered_loops(d.snapshot(), within_days=29).loops == ()
    # "2025" is 1 January 2025 and "2025-03" 1 March: 59 days apart, read from B
    p = ring(("A", "B", "2025-03"), ("B", "A", "2025"))
    assert find_date_ordered_loops(p.snapshot(), within_days=59).dated_loops[0].start == "B"
    assert find_date_ordered_loops(p.snapshot(), within_days=58).loops == ()
    same_day = ring(("A", "B", "2025-01"), ("B", "A", "2025-01-01"))
    assert len(find_date_ordered_loops(same_day.snapshot(), within_days=0).loops) == 1


def test_max_loops_keeps_the_best_and_says_the_list_is_cut():
    # three 2-company loops A<->B, A<->C, A<->D in order, bottlenecks 3, 2, 1
    d = ring(("A", "B", "2025-01"), ("B", "A", "2025-02"), ("A", "C", "2025-01"), ("C", "A", "2025-02"),
             ("A", "D", "2025-01"), ("D", "A", "2025-02"),
             amounts={"f0": 3, "f1": 3, "f2": 2, "f3": 2, "f4": 1, "f5": 1})
    cut = find_date_ordered_loops(d.snapshot(), max_loops=2)
    assert [loop.company_ids for loop in cut.loops] == [("A", "B"), ("A", "C")]
    assert cut.truncated and not cut.timed_out
    whole = find_date_ordered_loops(d.snapshot(), max_loops=3)
    assert len(whole.loops) == 3 and not whole.truncated
    assert [loop.bottleneck for loop in find_date_ordered_loops(d.snapshot(), max_loops=0).loops] == [3, 2, 1]


def test_loops_tied_at_one_amount_are_listed_shortest_first_then_by_name():
    pairs = [("A", "B"), ("B", "C"), ("C", "A"), ("D", "E"), ("E", "D"), ("A", "D"), ("D", "A"), ("B", "E"),
             ("E", "B")]
    d = ring(*[(a, b, "2025") for a, b in pairs])
    every = [loop.company_ids for loop in find_date_ordered_loops(d.snapshot(), max_loops=0).loops]
    assert every == [("A", "D"), ("B", "E"), ("D", "E"), ("A", "B", "C"), ("A", "B", "E", "D"),
                     ("A", "D", "E", "B", "C")]
    for n in range(1, 7):
        cut = find_date_ordered_loops(d.snapshot(), max_loops=n)
        assert [loop.company_ids for loop in cut.loops] == every[:n] and cut.truncated == (n < 6)


def test_through_keeps_the_loops_through_that_company():
    d = ring(("A", "B", "2025-01"), ("B", "A", "2025-02"), ("B", "C", "2025-03"), ("C", "B", "2025-04"))
    via_c = find_date_ordered_loops(d.snapshot(), through="C")
    assert [loop.company_ids for loop in via_c.loops] == [("B", "C")]
    assert len(find_date_ordered_loops(d.snapshot(), through="B").loops) == 2
    with pytest.raises(ModelError, match="no company"):
        find_date_ordered_loops(d.snapshot(), through="Z")


def test_time_budget_cuts_the_search_and_says_so():
    d = ring(("A", "B", "2025-01"), ("B", "A", "2025-02"))
    result = find_date_ordered_loops(d.snapshot(), time_budget=0.0)
    assert result.timed_out and result.truncated


@pytest.mark.parametrize("kw", [{"max_loops": -1}, {"max_length": 1}, {"within_days": -3}])
def test_bad_limits_are_refused(kw):
    with pytest.raises(ModelError):
        find_date_ordered_loops(ring(("A", "B", "2025")).snapshot(), **kw)


# ------------------------------------------------------------------------ period filter

def test_period_keeps_flows_dated_within_inclusive_bounds():
    d = ring(("A", "B", "2024-12-31"), ("A", "B", "2025"), ("B", "A", "2025-06"), ("B", "A", "2025-06-30"),
             ("A", "B", "2025-07-01"), ("B", "A", ""))
    snap, info = period_filter(d.snapshot(), "2025-01-01", "2025-06-30")
    assert [f.id for f in snap.flows] == ["f1", "f2", "f3"]
    assert (info.flows_kept, info.flows_outside, info.flows_left_out) == (3, 2, 1)
    assert snap.companies == d.snapshot().companies
    assert (info.first_day, info.last_day) == (datetime.date(2025, 1, 1), datetime.date(2025, 6, 30))


def test_partial_bounds_are_first_days_and_either_end_may_be_open():
    d = ring(("A", "B", "2025-01-01"), ("A", "B", "2025-03-15"), ("B", "A", "2025-06"))
    assert [f.id for f in period_filter(d.snapshot(), None, "2025-03")[0].flows] == ["f0"]
    assert [f.id for f in period_filter(d.snapshot(), "2025", "2025")[0].flows] == ["f0"]
    assert [f.id for f in period_filter(d.snapshot(), "2025-03", None)[0].flows] == ["f1", "f2"]
    same, info = period_filter(d.snapshot(), None, None)
    assert same == d.snapshot() and info.flows_left_out == 0


@pytest.mark.parametrize(("start", "end", "message"), [
    ("2025-13", None, "month 13"), (None, "2025-02-30", "not a calendar date"), ("25", None, "YYYY"),
    ("", None, "expected a date"), ("2025-06", "2025-05-31", "starts .* after it ends")])
def test_bad_bounds_are_refused_with_a_clear_message(start, end, message):
    with pytest.raises(ModelError, match=message):
        period_filter(ring(("A", "B", "2025")).snapshot(), start, end)


def test_parse_date_bound():
    assert parse_date_bound(" 2025-09 ") == datetime.date(2025, 9, 1)
    assert parse_date_bound("2024-02-29") == datetime.date(2024, 2, 29)
    with pytest.raises(ModelError, match="from"):
        parse_date_bound("2025/09", "from")


# ------------------------------------------------------------------ the documented example

def test_the_ai_sample_example_in_the_docs():
    from editor.io import native

    snap = native.load(ROOT / "editor" / "data" / "samples" / "ai-money-machine-2025.roundtrip").snapshot()
    full = analyze(snap)
    assert (len(full.loops), sum(loop.date_ordered for loop in full.loops)) == (15, 12)
    found = find_date_ordered_loops(snap)
    assert len(found.loops) == 12
    first = found.dated_loops[0]
    assert first.loop.company_names == ("NVIDIA", "OpenAI", "Oracle") and first.loop.bottleneck == 40
    names = {c.id: c.name for c in snap.companies}
    assert names[first.start] == "Oracle" and (first.first_date, first.last_date) == ("2025-05", "2025-09")
    assert ("CoreWeave", "OpenAI", "Oracle", "NVIDIA") not in [loop.company_names for loop in found.loops]
    within = find_date_ordered_loops(snap, within_days=90)
    assert len(within.loops) == 6 and first.loop not in within.loops
    autumn, info = period_filter(snap, "2025-09", "2025-10-31")
    assert (info.flows_kept, len(snap.flows)) == (23, 47)
    assert [" -> ".join(loop.company_names) for loop in find_date_ordered_loops(autumn).loops] == [
        "AMD -> OpenAI", "NVIDIA -> OpenAI", "NVIDIA -> xAI", "AMD -> OpenAI -> Oracle"]
