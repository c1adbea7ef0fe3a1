"""Loop pattern names, date order and evidence."""
import pytest

from editor.analysis import PatternRule, analyze, classify_type, date_ordered, pattern_name
from editor.model import Company, Diagram, Flow, FlowType


@pytest.mark.parametrize("types, name", [
    (["equity", "purchase"], "vendor financing"),
    (["purchase", "venture"], "vendor financing"),             # any starting company
    (["equity", "service", "purchase"], "vendor financing"),
    (["warrants", "purchase"], "compute-for-equity"),
    (["venture", "equity", "warrants"], "circular financing"),
    (["purchase", "purchase"], "round-trip trade"),
    (["revenue", "service", "purchase"], "revenue round trip"),
    (["equity", "revenue"], "investment-for-revenue"),
    (["backstop", "equity", "revenue", "backstop"], "guaranteed loop"),
    (["backstop", "backstop", "backstop"], "guaranteed loop"),
    (["barter", "barter", "barter"], "barter loop"),
])
def test_builtin_pattern_names(types, name):
    names = {"backstop": "Capacity backstop"}
    assert pattern_name(types, [names.get(t, t) for t in types]) == name


def test_user_defined_types_get_sensible_names():
    assert classify_type("loan", "Bank loan") == "investment"
    assert classify_type("gpu_lease", "GPU lease") == "purchase"
    assert classify_type("xyz", "Barter") == "other"
    assert pattern_name(["loan", "gpu_lease"], ["Bank loan", "GPU lease"]) == "vendor financing"
    assert pattern_name(["xyz", "xyz"], ["Barter", "Barter"]) == "round-trip trade"
    assert pattern_name(["xyz", "xyz", "xyz"], ["Barter"] * 3) == "Barter loop"
    assert pattern_name(["xyz", "equity", "xyz"], ["Barter", "Equity", "Barter"]) == "mixed loop"


def test_extra_rules_come_first():
    rule = PatternRule("chip-for-stake", ("investment", "purchase"))
    assert pattern_name(["equity", "purchase"], extra_rules=[rule]) == "chip-for-stake"
    assert pattern_name(["equity", "service", "purchase"], extra_rules=[rule]) == "vendor financing"


def _ordinals(*dates):
    import datetime

    return [[datetime.date.fromisoformat(x).toordinal() for x in step] for step in dates]


def test_date_ordered_starts_anywhere_and_picks_one_flow_per_step():
    assert date_ordered(_ordinals(["2025-09-01"], ["2025-10-01"], ["2025-05-01"]))
    assert not date_ordered(_ordinals(["2025-09-01"], ["2025-05-01"], ["2025-10-01"], ["2025-06-01"]))
    assert date_ordered(_ordinals(["2025-09-01"], ["2025-05-01", "2025-12-01"],
                                  ["2026-01-01"], ["2026-02-01"]))
    assert not date_ordered(_ordinals(["2025-09-01"], []))
    # window: from first to last date
    assert date_ordered(_ordinals(["2025-01-01"], ["2025-01-20"]), window_days=30)
    assert not date_ordered(_ordinals(["2025-01-01"], ["2025-03-20"]), window_days=30)


def _triangle(dates, urls=("u", "u", "u")):
    d = Diagram()
    for c in "abc":
        d.add_company(Company(c, c.upper()))
    for i, (s, t) in enumerate([("a", "b"), ("b", "c"), ("c", "a")]):
        d.add_flow(Flow(f"f{i}", s, t, "equity", 1.0, date=dates[i], url=urls[i]))
    return d


def test_partial_dates_and_undated_steps():
    assert analyze(_triangle(["2025", "2025-09", "2025-09-22"]).snapshot()).loops[0].date_ordered
    # start at b
    assert analyze(_triangle(["2026", "2025-09", "2025-09-22"]).snapshot()).loops[0].date_ordered
    assert not analyze(_triangle(["2026", "", "2025"]).snapshot()).loops[0].date_ordered
    assert analyze(_triangle(["2026", "2024", "2025-06"]).snapshot()).loops[0].date_ordered
    windowed = analyze(_triangle(["2026", "2024", "2025-06"]).snapshot(), window_days=100)
    assert not windowed.loops[0].date_ordered


def test_evidence_counts_unsourced_steps():
    loop = analyze(_triangle(["", "", ""], urls=("https://a", "", " ")).snapshot()).loops[0]
    assert not loop.sourced and loop.unsourced_steps == 2
    loop = analyze(_triangle(["", "", ""], urls=("https://a", "https://b", "https://c")).snapshot()).loops[0]
    assert loop.sourced and loop.unsourced_steps == 0


def test_custom_type_in_a_diagram_is_named():
    d = Diagram()
    d.add_flow_type(FlowType("barter", "Barter", "#123456"))
    for c in "ab":
        d.add_company(Company(c, c.upper()))
    d.add_flow(Flow("1", "a", "b", "barter", 1.0))
    d.add_flow(Flow("2", "b", "a", "barter", 2.0))
    assert analyze(d.snapshot()).loops[0].pattern == "round-trip trade"
