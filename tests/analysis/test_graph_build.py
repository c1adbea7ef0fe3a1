"""The company graph of a snapshot: companies in name order, one step per ordered pair."""
from __future__ import annotations

from editor.analysis.graph import CompanyGraph, Step
from editor.model import Company, Diagram, Flow


def test_steps_sum_their_flows_in_pair_order_and_skip_self_flows():
    d = Diagram()
    for cid, name in [("c0", "b"), ("c1", "B"), ("c2", "a"), ("c3", "é"), ("c4", "b"), ("c5", "A")]:
        d.add_company(Company(cid, name))
    for k, (s, t, amount, kind) in enumerate([
            ("c0", "c1", 1.0, "venture"), ("c0", "c1", None, "equity"), ("c1", "c0", None, "venture"),
            ("c1", "c0", None, "venture"), ("c2", "c2", 3.0, "venture"), ("c3", "c4", 2.0, "venture"),
            ("c3", "c4", 5.0, "equity"), ("c5", "c0", None, "venture"), ("c4", "c0", 7.0, "venture")]):
        d.add_flow(Flow(f"f{k}", s, t, kind, amount))
    g = CompanyGraph(d.snapshot())
    # name order: case-folded name, then name, then id
    assert [c.id for c in g.companies] == ["c5", "c2", "c1", "c0", "c4", "c3"]
    assert g.index == {"c5": 0, "c2": 1, "c1": 2, "c0": 3, "c4": 4, "c3": 5} and g.n == 6
    assert [f.id for f in g.self_flows] == ["f4"]
    assert g.steps == (
        Step("c5", "c0", None, False, ("f7",), ("venture",)),
        Step("c1", "c0", None, False, ("f2", "f3"), ("venture", "venture")),
        Step("c0", "c1", 1.0, True, ("f0", "f1"), ("venture", "equity")),
        Step("c4", "c0", 7.0, False, ("f8",), ("venture",)),
        Step("c3", "c4", 7.0, False, ("f5", "f6"), ("venture", "equity")),
    )
    assert all(type(s) is Step for s in g.steps)
    assert g.src == (0, 2, 3, 4, 5) and g.dst == (3, 3, 2, 3, 4)
    assert g.step_of == {(0, 3): 0, (2, 3): 1, (3, 2): 2, (4, 3): 3, (5, 4): 4}
    assert g.steps[2].amount == 1.0 and g.steps[2]._fields[0] == "source"
