"""The analysis never raises on a valid diagram, and its result is consistent.

Edge shapes (empty, one company, self-flows, every amount unknown, separate
parts, parallel flows, huge and tiny amounts) and hypothesis-generated
diagrams, including the rich ones of the round-trip property.
"""
from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings

from editor.analysis import AnalysisResult, analyze
from editor.model import Company, Diagram, Flow
from tests.conftest import long_mode
from tests.helpers import seed_diagram
from tests.strategies import diagrams, rich_diagrams


def check(d: Diagram, **options) -> AnalysisResult:
    snap = d.snapshot()
    result = analyze(snap, time_budget=options.pop("time_budget", 0.5), **options)
    assert isinstance(result, AnalysisResult)
    assert result.companies == len(snap.companies) and result.flows == len(snap.flows)
    ids = {c.id for c in snap.companies}
    assert set(result.circular_companies) <= ids
    assert {m.id for m in result.company_metrics} == ids
    assert math.isfinite(result.circulating_amount) and result.circulating_amount >= -1e-9
    known = sum(f.amount for f in snap.flows if f.amount is not None)
    assert result.circulating_amount <= known + 1e-6 * max(1.0, known)
    share = result.circular_share
    assert share is None or -1e-9 <= share <= 1 + 1e-9
    for loop in result.loops:
        assert loop is not None
    return result


def _companies(n: int) -> Diagram:
    d = Diagram()
    for i in range(n):
        d.add_company(Company(f"c{i}", f"C{i}", x=i * 10))
    return d


def _add(d: Diagram, pairs, amount=1.0, type="equity") -> Diagram:
    for k, (a, b) in enumerate(pairs):
        value = amount(k) if callable(amount) else amount
        d.add_flow(Flow(f"f{len(d.flows())}", f"c{a}", f"c{b}", type, value))
    return d


SHAPES = {
    "empty": lambda: Diagram(),
    "one company": lambda: _companies(1),
    "self flow": lambda: _add(_companies(1), [(0, 0)]),
    "self flows and a loop": lambda: _add(_companies(3), [(0, 0), (1, 1), (0, 1), (1, 2), (2, 0)]),
    "all unknown": lambda: _add(_companies(4), [(0, 1), (1, 2), (2, 0), (2, 3)], amount=None),
    "unknown in a loop": lambda: _add(_companies(3), [(0, 1), (1, 2), (2, 0)],
                                      amount=lambda k: None if k == 1 else 5.0),
    "disconnected parts": lambda: _add(_companies(7), [(0, 1), (1, 0), (2, 3), (3, 4), (4, 2), (5, 6)]),
    "isolated companies": lambda: _add(_companies(5), [(0, 1)]),
    "parallel flows": lambda: _add(_companies(2), [(0, 1)] * 30 + [(1, 0)] * 30,
                                   amount=lambda k: float(k % 4) if k % 5 else None),
    "zero amounts": lambda: _add(_companies(3), [(0, 1), (1, 2), (2, 0)], amount=0.0),
    "huge and tiny": lambda: _add(_companies(3), [(0, 1), (1, 2), (2, 0)],
                                  amount=lambda k: [1e12, 1e-300, 5e-324][k]),
    "complete graph": lambda: _add(_companies(9), [(i, j) for i in range(9) for j in range(9) if i != j]),
    "long cycle": lambda: _add(_companies(40), [(i, (i + 1) % 40) for i in range(40)]),
    "seed": seed_diagram,
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_shapes(name):
    d = SHAPES[name]()
    result = check(d)
    if name in ("empty", "one company", "all unknown", "isolated companies"):
        assert result.circulating_amount == 0
    if name == "disconnected parts":
        assert len(result.circular_groups) == 2


@pytest.mark.parametrize("options", [dict(max_loops=0), dict(max_loops=1, max_length=2),
                                     dict(through="c0"), dict(through="ghost"), dict(window_days=0),
                                     dict(round_trip_budget=0.0), dict(time_budget=0.0)])
def test_options_on_edge_shapes(options):
    for name in ("empty", "self flows and a loop", "disconnected parts", "all unknown"):
        try:
            check(SHAPES[name](), **options)
        except Exception as e:  # only a clear refusal of a bad option is acceptable
            from editor.model import ModelError

            assert isinstance(e, ModelError), f"{name}, {options}: {type(e).__name__}: {e}"


EXAMPLES = 500 if long_mode() else 40


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(diagrams(max_companies=10, max_flows=30))
def test_generated_diagrams(d):
    check(d)


@settings(max_examples=EXAMPLES // 2, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(rich_diagrams())
def test_rich_generated_diagrams(d):
    check(d)
