"""The linear parts of the analysis (company sums, loop groups, steps by amount) by numpy: as a plain loop."""
import dataclasses
import math
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.analysis import CompanyGraph, circular_groups, graph
from editor.analysis.metrics import CompanyMetrics, company_metrics
from editor.analysis.search import _known_by_amount
from editor.model import Company, Diagram, Flow
from tests.analysis.test_analysis_loops import TYPES, company_diagrams
from tests.strategies import diagrams, rich_diagrams


def _reference(g: CompanyGraph, circular: set[str],
               round_trip: dict[str, float | None]) -> tuple[CompanyMetrics, ...]:
    """The metrics as a plain Python loop over the flows adds them up (the former implementation)."""
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
    rank = g.type_rank

    def by_type(amounts: dict[str, float]) -> tuple[tuple[str, float], ...]:
        if len(amounts) < 2:
            return tuple(amounts.items())
        return tuple(sorted(amounts.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))

    def one_by_one(amounts: dict[str, float]) -> float:   # (sum() compensates its rounding on 3.12)
        total = 0
        for amount in amounts.values():
            total += amount
        return total

    result = []
    for c in g.companies:
        inflow = one_by_one(ins[c.id])
        outflow = one_by_one(outs[c.id])
        cap = round_trip.get(c.id)
        multiple = c.valuation / c.revenue if c.valuation is not None and c.revenue else None
        result.append(CompanyMetrics(
            c.id, c.name, inflow, outflow, inflow - outflow, by_type(ins[c.id]), by_type(outs[c.id]),
            unk_in[c.id], unk_out[c.id], c.id in circular, cap,
            None if cap is None or outflow <= 0 else cap / outflow, multiple))
    return tuple(result)


def _same(d_or_snapshot) -> None:
    snap = d_or_snapshot.snapshot() if isinstance(d_or_snapshot, Diagram) else d_or_snapshot
    g = CompanyGraph(snap)
    ids = [c.id for c in g.companies]
    circular = set(ids[::2])
    caps: dict[str, float | None] = {cid: (None if i % 3 == 0 else float(i)) for i, cid in enumerate(ids)}
    got = company_metrics(g, circular, caps)
    want = _reference(g, circular, caps)
    assert got == want
    with mock.patch.object(graph, "SMALL_STEPS", 10**9), mock.patch.object(graph, "_loaded", lambda m: False):
        assert company_metrics(CompanyGraph(snap), circular, caps) == want   # the plain way of small maps
    with mock.patch.object(graph, "SMALL_STEPS", -1):
        assert company_metrics(CompanyGraph(snap), circular, caps) == want   # numpy's way
    # the same types too: 0 (no amount) stays an int in the JSON, as before
    assert [(type(m.inflow), type(m.outflow), type(m.net)) for m in got] == \
        [(type(m.inflow), type(m.outflow), type(m.net)) for m in want]


# float amounts of five orders of magnitude: adding them in another order would change the last bits
spread = st.one_of(st.none(), st.floats(0.001, 1e6, allow_nan=False, allow_infinity=False))


@st.composite
def many_types(draw: st.DrawFn) -> Diagram:
    d = Diagram()
    n = draw(st.integers(1, 6))
    for i in range(n):
        d.add_company(Company(f"c{i}", draw(st.sampled_from(["A", "b", "C", "a"])),
                              valuation=draw(spread), revenue=draw(spread)))
    for j in range(draw(st.integers(0, 40))):
        d.add_flow(Flow(f"f{j}", f"c{draw(st.integers(0, n - 1))}", f"c{draw(st.integers(0, n - 1))}",
                        draw(st.sampled_from(TYPES)), draw(spread)))
    return d


@settings(max_examples=150, deadline=None)
@given(many_types())
def test_metrics_match_a_plain_loop_over_the_flows(d):
    _same(d)


@settings(max_examples=60, deadline=None)
@given(st.one_of(diagrams(), rich_diagrams()))
def test_metrics_match_a_plain_loop_on_any_diagram(d):
    _same(d)


@settings(max_examples=60, deadline=None)
@given(many_types(), st.integers(0, len(TYPES)))
def test_types_missing_from_the_catalogue_come_after_it_by_id(d, keep):
    snap = d.snapshot()
    # a snapshot whose catalogue lacks some of the types used (the model never makes one, an import might)
    _same(dataclasses.replace(snap, flow_types=snap.flow_types[:keep]))


def test_a_company_without_flows_has_zero_sums():
    d = Diagram()
    d.add_company(Company("a", "A"))
    d.add_company(Company("b", "B"))
    d.add_flow(Flow("f", "a", "a", "venture", 5.0))      # a self-flow counts in no company's sums
    m = company_metrics(CompanyGraph(d.snapshot()), set(), {})
    assert [(x.inflow, x.outflow, x.inflow_by_type) for x in m] == [(0, 0, ()), (0, 0, ())]
    _same(d)


def _groups_reference(g: CompanyGraph) -> tuple[tuple[str, ...], ...]:
    """Loop groups as a plain loop over the companies finds them (the former implementation)."""
    labels, circular = g.circular_labels()
    groups: dict[int, list[str]] = {}
    for i, lab in enumerate(labels):
        if lab in circular:
            groups.setdefault(lab, []).append(g.companies[i].id)
    return tuple(sorted((tuple(v) for v in groups.values()), key=lambda grp: g.index[grp[0]]))


@settings(max_examples=150, deadline=None)
@given(st.one_of(many_types(), diagrams(max_companies=12, max_flows=30)))
def test_loop_groups_match_a_plain_loop_over_the_companies(d):
    g = CompanyGraph(d.snapshot())
    assert circular_groups(g) == _groups_reference(g)
    with mock.patch.object(graph, "SMALL_STEPS", -1):   # the numpy way, which big maps take
        assert circular_groups(CompanyGraph(d.snapshot())) == _groups_reference(g)


def _known_reference(g: CompanyGraph) -> tuple[list[int], list[float], dict[float, int]]:
    """The loop search's steps by amount as Python's sort by key gives them (the former code)."""
    amount_of = {e: s.amount for e, s in enumerate(g.steps) if s.amount is not None}
    known = sorted(amount_of, key=lambda e: -amount_of[e])
    levels = sorted(set(amount_of.values()), reverse=True)
    sizes = {}
    i = 0
    for k, e in enumerate(known):
        while amount_of[e] < levels[i]:
            sizes[levels[i]] = k
            i += 1
    if levels:
        sizes[levels[-1]] = len(known)
    return known, levels, sizes


@settings(max_examples=150, deadline=None)
@given(st.one_of(many_types(), company_diagrams(), diagrams(max_companies=12, max_flows=30)))
def test_steps_by_amount_match_a_sort_by_key(d):
    g = CompanyGraph(d.snapshot())
    assert _known_by_amount(g) == _known_reference(g)
    with mock.patch.object(graph, "SMALL_STEPS", -1):   # the numpy way, which big maps take
        assert _known_by_amount(CompanyGraph(d.snapshot())) == _known_reference(g)
    with mock.patch.object(graph, "SMALL_STEPS", 10**9), mock.patch.object(graph, "_loaded", lambda m: False):
        assert _known_by_amount(CompanyGraph(d.snapshot())) == _known_reference(g)   # Python's way


def test_amounts_are_added_one_by_one_whatever_the_python():
    """Python 3.12's sum() compensates rounding (1e16 + 1.0 - 1e16 is 1.0 there, 0.0 on 3.11); the
    analysis adds one by one on every Python, as numpy.bincount does on large maps."""
    from editor.analysis.adding import add_up

    assert add_up([1e16, 1.0, -1e16]) == 0.0 != math.fsum([1e16, 1.0, -1e16])
    assert add_up([]) == 0 and type(add_up([])) is int
    d = Diagram()
    for cid in ("a", "b"):
        d.add_company(Company(id=cid, name=cid.upper()))
    for i, amount in enumerate((1e12, 3e-5, 3e-5, 3e-5, 3e-5)):   # (each 3e-5 is lost alone, not 4 of them)
        d.add_flow(Flow(id=f"f{i}", source="a", target="b", amount=amount, type="revenue"))
    a = next(m for m in company_metrics(CompanyGraph(d.snapshot()), set(), {}) if m.id == "a")
    assert a.outflow == 1e12 != math.fsum([1e12, 3e-5, 3e-5, 3e-5, 3e-5])
