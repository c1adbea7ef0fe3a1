"""Small random company graphs for the analysis property tests, and brute-force references."""
from __future__ import annotations

import networkx as nx
from hypothesis import strategies as st

from editor.analysis import CompanyGraph, RawLoop, rank_key
from editor.model import Company, Diagram, Flow

TYPES = ("venture", "equity", "purchase", "service", "backstop", "revenue", "warrants")


AMOUNTS = st.sampled_from([None, 0.0, 1.0, 2.0, 2.5, 5.0, 10.0, 40.0])


@st.composite
def company_diagrams(draw, max_companies: int = 7, max_flows: int = 22, amounts=AMOUNTS) -> Diagram:
    """Few companies, many flows: ties, unknowns, parallel flows, self-flows, shared names."""
    d = Diagram()
    n = draw(st.integers(1, max_companies))
    for i in range(n):
        d.add_company(Company(f"c{i}", draw(st.sampled_from(["Alpha", "beta", "Gamma", "delta", "Eps",
                                                             "Zeta", "eta", "Theta", "alpha"]))))
    for j in range(draw(st.integers(0, max_flows))):
        d.add_flow(Flow(f"f{j}", f"c{draw(st.integers(0, n - 1))}", f"c{draw(st.integers(0, n - 1))}",
                        draw(st.sampled_from(TYPES)), draw(amounts),
                        date=draw(st.sampled_from(["", "2024", "2025-03", "2025-09-22", "2026"])),
                        url=draw(st.sampled_from(["", "https://example.com/deal"]))))
    return d


def step_graph(g: CompanyGraph) -> nx.DiGraph:
    G = nx.DiGraph()
    G.add_nodes_from(range(g.n))
    for e, (u, v) in enumerate(zip(g.src, g.dst, strict=True)):
        G.add_edge(u, v, step=e)
    return G


def brute_force_loops(g: CompanyGraph, max_length: int, through: int | None = None) -> list[RawLoop]:
    """Every loop by networkx simple_cycles, rotated and ranked like the engine ranks them."""
    G = step_graph(g)
    found = []
    for cycle in nx.simple_cycles(G, length_bound=max_length):
        if through is not None and through not in cycle:
            continue
        r = cycle.index(min(cycle))
        cycle = cycle[r:] + cycle[:r]
        steps = tuple(G[cycle[i]][cycle[(i + 1) % len(cycle)]]["step"] for i in range(len(cycle)))
        amounts = [g.steps[e].amount for e in steps]
        found.append(RawLoop(tuple(cycle), steps, None if None in amounts else min(amounts)))
    found.sort(key=rank_key)
    return found


# --------------------------------------------------------------------- tests
import os  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402

from editor.analysis import analyze, find_loops  # noqa: E402
from tests.helpers import seed_diagram  # noqa: E402

LONG = os.environ.get("ROUNDTRIP_LONG", "") not in ("", "0")
EXAMPLES = 2000 if LONG else 300
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(company_diagrams(), st.integers(2, 7), st.integers(0, 12), st.data())
def test_ranked_loops_match_brute_force(d, max_length, max_loops, data):
    g = CompanyGraph(d.snapshot())
    through = data.draw(st.one_of(st.none(), st.integers(0, g.n - 1)))
    expected = brute_force_loops(g, max_length, through)
    hint = data.draw(st.one_of(st.none(), st.sampled_from([0.0, 1.0, 2.5, 10.0, 100.0])))
    result = find_loops(g, max_loops=max_loops, max_length=max_length, through=through, time_budget=60,
                        hint=hint)
    assert list(result.loops) == (expected[:max_loops] if max_loops else expected)
    assert result.truncated == (max_loops > 0 and len(expected) > max_loops)
    assert not result.timed_out
    if result.threshold is not None:
        assert all(loop.bottleneck >= result.threshold for loop in result.loops)
        assert all(loop.bottleneck is None or loop.bottleneck <= result.threshold
                   for loop in expected[max_loops:])


@SETTINGS
@given(company_diagrams(max_companies=6, max_flows=14))
def test_loop_annotations_are_consistent(d):
    result = analyze(d.snapshot(), max_loops=0, max_length=6)
    flows = {f.id: f for f in d.flows()}
    for loop in result.loops:
        ids = loop.company_ids
        assert ids[0] == min(ids, key=lambda c: (d.company(c).name.casefold(), d.company(c).name, c))
        assert len(set(ids)) == len(ids) >= 2
        for i, step in enumerate(loop.steps):
            assert (step.source, step.target) == (ids[i], ids[(i + 1) % len(ids)])
            assert {flows[f].source for f in step.flow_ids} == {step.source}
        amounts = [s.amount for s in loop.steps]
        assert loop.bottleneck == (None if None in amounts else min(amounts))
        assert loop.sourced == all(flows[f].url for f in loop.flow_ids)
        assert loop.pattern


def test_seed_loop_is_found_with_its_bottleneck():
    result = analyze(seed_diagram().snapshot())
    assert [loop.company_names for loop in result.loops] == [("NVIDIA", "OpenAI", "Oracle")]
    assert result.loops[0].bottleneck == 40
    assert result.loops[0].pattern == "vendor financing"
    assert not result.loops_truncated


def test_ranking_known_first_then_shorter_then_names():
    d = Diagram()
    for name in "ABCDE":
        d.add_company(Company(name.lower(), name))
    def flow(i, s, t, amount):
        d.add_flow(Flow(f"f{i}", s, t, "purchase", amount))
    # A-B: bottleneck 5, length 2
    flow(1, "a", "b", 5)
    flow(2, "b", "a", 5)
    # C-D-E: bottleneck 5, length 3
    flow(3, "c", "d", 9)
    flow(4, "d", "e", 5)
    flow(5, "e", "c", 7)
    # B-C: unknown
    flow(6, "b", "c", None)
    flow(7, "c", "b", 8)
    flow(8, "d", "c", 1)                                  # C-D: bottleneck 1
    result = analyze(d.snapshot())
    assert [loop.company_ids for loop in result.loops] == [
        ("a", "b"), ("c", "d", "e"), ("c", "d"), ("b", "c")]
    assert [loop.bottleneck for loop in result.loops] == [5, 5, 1, None]
    capped = analyze(d.snapshot(), max_loops=2)
    assert [loop.company_ids for loop in capped.loops] == [("a", "b"), ("c", "d", "e")]
    assert capped.loops_truncated
    through = analyze(d.snapshot(), through="c")
    assert [loop.company_ids for loop in through.loops] == [("c", "d", "e"), ("c", "d"), ("b", "c")]


def test_self_flows_and_parallel_flows_make_one_step():
    d = Diagram()
    d.add_company(Company("a", "A"))
    d.add_company(Company("b", "B"))
    d.add_flow(Flow("s", "a", "a", "equity", 50))
    d.add_flow(Flow("f1", "a", "b", "equity", 3))
    d.add_flow(Flow("f2", "a", "b", "purchase", None))
    d.add_flow(Flow("f3", "a", "b", "purchase", 4))
    d.add_flow(Flow("g", "b", "a", "purchase", 10))
    result = analyze(d.snapshot())
    (loop,) = result.loops
    assert loop.steps[0].flow_ids == ("f1", "f2", "f3")
    assert loop.steps[0].amount == 7 and loop.steps[0].partial and loop.partial
    assert loop.bottleneck == 7
    assert result.totals.self_flows == 1 and result.totals.total_amount == 67


def test_time_budget_cuts_the_search_and_says_so():
    import random

    rng = random.Random(4)
    d = Diagram()
    for i in range(60):
        d.add_company(Company(f"c{i}", f"C{i:02d}"))
    for j in range(600):
        d.add_flow(Flow(f"f{j}", f"c{rng.randrange(60)}", f"c{rng.randrange(60)}", "equity", None))
    g = CompanyGraph(d.snapshot())
    result = find_loops(g, max_loops=0, max_length=12, time_budget=0.05)
    assert result.truncated and result.timed_out
    assert result.loops  # what was found before the deadline is kept


@pytest.mark.parametrize("bad", [dict(max_loops=-1), dict(max_length=1)])
def test_bad_limits_are_refused(bad):
    from editor.model import ModelError

    with pytest.raises(ModelError):
        analyze(seed_diagram().snapshot(), **bad)


def test_unknown_through_company_is_refused():
    from editor.model import ModelError

    with pytest.raises(ModelError, match="nobody"):
        analyze(seed_diagram().snapshot(), through="nobody")


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 300), st.data())
def test_first_true_finds_the_boundary_from_any_start(n, data):
    from editor.analysis.search import first_true

    boundary = data.draw(st.integers(0, n))            # n: never true
    start = data.draw(st.one_of(st.none(), st.integers(-2, n + 2)))
    calls = []

    def pred(i):
        assert 0 <= i < n
        calls.append(i)
        return i >= boundary

    assert first_true(pred, n, start) == (None if boundary == n else boundary)
    if start is not None and 0 <= start < n:
        assert len(calls) <= 2 * (abs(start - boundary) + 1).bit_length() + 2


@pytest.mark.parametrize("seed", range(12))
def test_tied_loops_from_their_senders_only_match_the_search_from_every_company(seed, monkeypatch):
    """The threshold's ties are searched from the companies sending a tied step only; the
    list is the one the search from every company gives (amounts are whole numbers here, so
    ties are common)."""
    import random

    from benchmarks.generate import generate
    from editor.analysis import search

    rnd = random.Random(seed)
    n = rnd.choice([15, 40, 90])
    d = generate(n, n * rnd.choice([3, 5]), seed)
    for f in d.flows():
        if f.amount is not None:
            d.update_flow(f.id, amount=float(round(f.amount) % 7 + 1))   # few distinct amounts
    g = CompanyGraph(d.snapshot())
    fast = search.find_loops(g, max_loops=25, max_length=8)
    monkeypatch.setattr(search, "FEW_SOURCES", -1)
    every = search.find_loops(g, max_loops=25, max_length=8)
    assert [(x.nodes, x.steps) for x in fast.loops] == [(x.nodes, x.steps) for x in every.loops]
    assert (fast.truncated, fast.threshold) == (every.truncated, every.threshold)


@pytest.mark.parametrize("seed", range(8))
def test_loops_found_by_decreasing_amount_match_brute_force_on_bigger_maps(seed):
    """Beyond hypothesis's tiny graphs: maps of 20-30 companies where the top loops sit well
    inside the amount order, with the whole list checked against networkx; with a company
    to pass through, the other search (over amount levels) must agree as well."""
    import random

    from benchmarks.generate import generate

    rnd = random.Random(seed)
    n = rnd.choice([20, 30])
    d = generate(n, n * rnd.choice([6, 8]), seed)       # 450-1,600 loops of up to 5 companies
    g = CompanyGraph(d.snapshot())
    max_length, max_loops = 5, rnd.choice([10, 40, 150])
    expected = brute_force_loops(g, max_length)
    result = find_loops(g, max_loops=max_loops, max_length=max_length, time_budget=60)
    assert len(expected) > max_loops          # the cap cuts the list: a real threshold
    assert list(result.loops) == expected[:max_loops]
    assert result.truncated and not result.timed_out
    assert result.threshold == expected[max_loops].bottleneck   # the first loop left out
    busiest = max(range(g.n), key=lambda i: sum(1 for loop in expected if i in loop.nodes))
    through = find_loops(g, max_loops=max_loops, max_length=max_length, through=busiest, time_budget=60)
    assert list(through.loops) == brute_force_loops(g, max_length, busiest)[:max_loops]
