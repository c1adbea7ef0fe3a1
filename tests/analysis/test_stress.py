"""The stress test's clearing: exact against the linear programme, domino rounds, the AI sample."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from editor.analysis import stress
from editor.io.native import load
from editor.model import Company, Diagram, Flow

ROOT = Path(__file__).resolve().parents[2]
AI_SAMPLE = ROOT / "editor" / "data" / "samples" / "ai-money-machine-2025.roundtrip"


def _input(n: int, flows: list[tuple[int, int, float]], money: list[float]) -> stress.StressInput:
    ids = tuple(f"c{i}" for i in range(n))
    obligations = tuple(stress.Obligation(f"f{k}", f"c{s}", f"c{t}", float(a))
                        for k, (s, t, a) in enumerate(flows))
    return stress.StressInput(ids, {c: c.upper() for c in ids}, obligations,
                              {f"c{i}": float(e) for i, e in enumerate(money)})


def _exact(inp: stress.StressInput) -> np.ndarray:
    """The greatest clearing vector found another way: as the linear programme of Eisenberg & Noe
    (2001, lemma 4), the payments that maximise their sum over 0 <= p <= L and p - Pi^T p <= e
    (the feasible set holds every vector below its own clearing image, and the greatest clearing
    vector above them all, so it is the only maximum of any strictly increasing objective)."""
    s = stress.system(inp)
    n = len(s.L)
    tight = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}
    out = linprog(-np.ones(n), A_ub=np.eye(n) - s.PiT.toarray(), b_ub=s.e,
                  bounds=[(0.0, owed) for owed in s.L], method="highs", options=tight)
    assert out.status == 0, out.message
    return out.x


@st.composite
def maps(draw):
    n = draw(st.integers(2, 7))
    pair = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1])
    edges = draw(st.lists(pair, min_size=1, max_size=16))
    flows = [(s, t, draw(st.integers(1, 100))) for s, t in edges]
    flows += [(s, t, draw(st.integers(1, 50))) for s, t in draw(st.lists(st.sampled_from(edges), max_size=4))]
    if draw(st.booleans()):  # a closed group with no money of its own
        money = [0.0] * n
    else:
        money = [draw(st.sampled_from([0, 0, 1, 5, 20, 60, 150])) for _ in range(n)]
    return n, flows, money


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_clearing_vector_is_the_greatest_one(case):
    n, flows, money = case
    inp = _input(n, flows, money)
    result = stress.clear(inp)
    paid = np.array([c.paid for c in result.companies])
    expected = _exact(inp)
    assert paid == pytest.approx(expected, abs=1e-7)
    s = stress.system(inp)
    assert paid == pytest.approx(np.minimum(s.L, s.e + s.PiT @ paid), abs=1e-7)  # a clearing vector
    for c in result.companies:
        assert c.defaulted == (c.paid < c.owed * (1 - 1e-6)) or abs(c.owed - c.paid) < 1e-6 * max(1, c.owed)
        assert c.shortfall == pytest.approx(c.owed - c.paid, abs=1e-9)
        assert (c.round is None) == (not c.defaulted)
    # round 1: exactly those that cannot pay even when everyone else pays in full
    short = s.e + s.PiT @ s.L < s.L * (1 - stress.RTOL)
    first = {cid for cid, flag in zip(inp.company_ids, short, strict=True) if flag}
    assert {c.id for c in result.companies if c.round == 1} == first
    assert result.total_shortfall == pytest.approx(sum(c.owed - c.paid for c in result.companies), abs=1e-6)
    # each flow gets its share of what its source pays
    for f in result.flows:
        src = result.company(f.source)
        assert f.paid == pytest.approx(f.due * src.paid / src.owed, abs=1e-9)


def test_domino_rounds_by_hand():
    # A owes B 10, B owes C 10, C owes D 10; A has nothing, B 5, C 4.
    inp = _input(4, [(0, 1, 10), (1, 2, 10), (2, 3, 10)], [0, 5, 4, 0])
    r = stress.clear(inp)
    a, b, c, d = r.companies
    # round 1: A cannot pay even if everyone pays in full; it pays 0
    # round 2: B gets nothing from A and has 5 of its own: pays 5 of 10
    # round 3: C gets 5 from B and has 4: pays 9 of 10; D owes nothing
    assert (a.round, b.round, c.round, d.round) == (1, 2, 3, None)
    assert (a.paid, b.paid, c.paid, d.paid) == pytest.approx((0, 5, 9, 0))
    assert (a.received, b.received, c.received, d.received) == pytest.approx((0, 0, 5, 9))
    assert b.recovery_rate == pytest.approx(0.5) and d.recovery_rate is None
    assert r.defaulted == ("c0", "c1", "c2") and r.rounds == 3
    assert r.total_shortfall == pytest.approx(16) and r.total_owed == pytest.approx(30)
    steps = [stress.overlay(r, k) for k in (1, 2, 3)]
    assert [dict(o.defaulted) for o in steps] == [{"c0": 1}, {"c0": 1, "c1": 2}, {"c0": 1, "c1": 2, "c2": 3}]
    assert [o.flow_paid["f1"] for o in steps] == pytest.approx([1.0, 0.5, 0.5])
    assert [o.flow_paid["f2"] for o in steps] == pytest.approx([1.0, 1.0, 0.9])
    assert steps[0].flow_paid["f0"] == 0.0
    final = stress.overlay(r)
    assert final.step == 3 and dict(final.defaulted) == dict(steps[2].defaulted)


def test_closed_groups_without_outside_money():
    # a balanced pair clears in full with no money at all
    r = stress.clear(_input(2, [(0, 1, 10), (1, 0, 10)], [0, 0]))
    assert [c.paid for c in r.companies] == [10, 10] and r.defaulted == ()
    # an unbalanced one: A passes on all it receives (10 of 20)
    r = stress.clear(_input(2, [(0, 1, 20), (1, 0, 10)], [0, 0]))
    assert [c.paid for c in r.companies] == pytest.approx([10, 10]) and r.defaulted == ("c0",)
    # a ring of three around the smallest link: the smallest pays in full
    r = stress.clear(_input(3, [(0, 1, 10), (1, 2, 5), (2, 0, 10)], [0, 0, 0]))
    assert [c.paid for c in r.companies] == pytest.approx([5, 5, 5])
    assert [c.round for c in r.companies] == [2, None, 1]


def test_parallel_flows_are_paid_pro_rata():
    r = stress.clear(_input(3, [(0, 1, 2), (0, 1, 4), (0, 2, 6)], [6, 0, 0]))
    assert [f.paid for f in r.flows] == pytest.approx([1, 2, 3])
    assert r.company("c1").received == pytest.approx(3)


def _diagram() -> Diagram:
    d = Diagram()
    d.add_company(Company("a", "A", revenue=5.0))
    d.add_company(Company("b", "B"))
    d.add_flow(Flow("f1", "a", "b", "purchase", amount=10.0, status="committed"))
    d.add_flow(Flow("f2", "a", "b", "purchase", amount=3.0, status="paid"))
    d.add_flow(Flow("f3", "b", "a", "service", amount=None, status="committed"))
    d.add_flow(Flow("f4", "a", "a", "service", amount=7.0, status="committed"))
    return d


def test_input_from_a_snapshot():
    snap = _diagram().snapshot()
    due = stress.stress_input(snap)
    assert [o.flow_id for o in due.obligations] == ["f1"]
    assert due.unknown_amount_flows == ("f3",) and due.not_due_flows == ("f2",)
    assert due.assets == {"a": 5.0, "b": 0.0}  # revenue, else 0
    every = stress.stress_input(snap, "all", assets={"b": 2.0}, shocks={"a": 0.5})
    assert [o.flow_id for o in every.obligations] == ["f1", "f2"]
    assert every.outside_money("a") == 2.5 and every.outside_money("b") == 2.0
    assert stress.largest_debtor(every) == "a"
    assert stress.is_due("") and stress.is_due("unconfirmed") and not stress.is_due("paid")
    r = stress.run_stress(snap)
    assert r.company("a").paid == 5.0 and r.company("a").round == 1 and r.obligations == "due"
    with pytest.raises(ValueError, match="obligations"):
        stress.stress_input(snap, "some")


@pytest.mark.parametrize("assets, shocks, message", [
    ({"a": -1.0}, {}, "must be >= 0"),
    ({"zz": 1.0}, {}, "unknown company"),
    ({}, {"a": 1.5}, r"\[0, 1\]"),
    ({}, {"a": -0.1}, r"\[0, 1\]"),
])
def test_bad_input_is_refused(assets, shocks, message):
    with pytest.raises(ValueError, match=message):
        stress.stress_input(_diagram().snapshot(), assets=assets, shocks=shocks)


def test_ai_sample_openai_pays_nothing():
    snap = load(AI_SAMPLE).snapshot()
    inp = stress.stress_input(snap)
    assert stress.largest_debtor(inp) == "openai"
    base = stress.clear(inp)
    shocked = stress.run_stress(snap, shocks={"openai": 1.0})
    # OpenAI owes 628.4 of due obligations against 13 of revenue and 139.15 coming in: it defaults
    # either way. AMD (34 of warrants against 25.8 of revenue), Anthropic (30 to Microsoft, 15 coming
    # in, no revenue recorded) and Meta (14.2 to CoreWeave, no revenue recorded) default by themselves.
    # Nobody else falls: OpenAI's creditors owe less than their own revenue, or owe nothing.
    for r in (base, shocked):
        assert set(r.defaulted) == {"openai", "amd", "anthropic", "meta"}
        assert r.rounds == 1
    o = shocked.company("openai")
    assert o.assets == 0 and o.owed == pytest.approx(628.4) and o.paid == pytest.approx(139.15)
    assert shocked.company("oracle").received == pytest.approx(300 * 139.15 / 628.4)
    assert not shocked.company("oracle").defaulted and not shocked.company("microsoft").defaulted
    assert shocked.total_shortfall == pytest.approx(526.65)
    assert base.total_shortfall == pytest.approx(513.65)


def test_singular_round_takes_the_greatest_solution():
    # A and B owe each other 10 and have nothing: with both counted as defaulting the system is
    # singular (any equal payments solve it); the greatest solution, both paying 10, is taken.
    s = stress.system(_input(2, [(0, 1, 10), (1, 0, 10)], [0, 0]))
    assert stress._solve_round(s, np.array([True, True])) == pytest.approx([10, 10])


def test_empty_and_debt_free_maps():
    r = stress.clear(_input(0, [], []))
    assert r.companies == () and r.rounds == 0 and r.total_shortfall == 0
    r = stress.clear(_input(2, [], [1, 0]))
    assert r.defaulted == () and [c.recovery_rate for c in r.companies] == [None, None]
    o = stress.overlay(r, 3)
    assert o.step == 0 and dict(o.defaulted) == {} and dict(o.flow_paid) == {}
