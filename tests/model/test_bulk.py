"""Records made from whole columns equal the ones made one by one, and refuse with the same message.

:mod:`editor.model.bulk` checks a column at once and then makes records without their own
checks; :meth:`Diagram.build` checks ids and references by sets. Random columns with odd
values (wrong types, blanks, lone surrogates, negative, huge or non-finite amounts, unknown
words, end dates before start dates) and random records with duplicate ids, missing ends and
unknown types or categories are made both ways.
"""
from __future__ import annotations

import pickle
from dataclasses import fields, replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.model import Company, Diagram, Flow, ModelError
from editor.model.bulk import FLOW_FIELDS, companies_named, flow_columns_pass, flows_from_columns

ODD_TEXTS = ["", " ", "a", "A b", "f1", "\ud800x", "é", "\t", 5, None, b"x"]
VALUES: dict[str, list[Any]] = {
    "id": ["f1", "f2", "x", "", " ", "\udfff", 3, "é", "\x1c", "\u3000", "a\u3000b", "\xa0\n"],
    "source": ["a", "b", "c", "", "\ud83d", None, "\x0b\x1f", "a b"],
    "target": ["a", "b", "c", " ", 1.5],
    "type": ["revenue", "loan", "zzz", "", 0],
    "amount": [None, 0.0, -0.0, 1.5, 12.0, 1e12, 1e12 + 1, -1.0, float("nan"), float("inf"), 3, True, "5",
               10 ** 400, 2 ** 70, float("-inf"), -1e-300, 5e-324],
    "qualifier": ["exact", "up_to", "estimated", "about", "", None],
    "unit": ["", "USD m", "\ud800", 7],
    "date": ["", "2020", "2020-02", "2020-02-30", "2020-13", "20", "2021-06-01", None, 2020],
    "end_date": ["", "2019", "2021", "2020-01", "soon"],
    "status": ["announced", "paid", "committed", "unconfirmed", "Paid", ""],
    "url": ["", "https://example.com", "\udc00", None],
    "note": ["", "n", "  ", "\ud800\udc00", 1],
}


def outcome(make: Any) -> tuple[Any, ...]:
    try:
        return ("ok", make())
    except ModelError as e:
        return ("error", str(e))


@st.composite
def flow_columns(draw: st.DrawFn, clean: bool) -> dict[str, list[Any]]:
    n = draw(st.integers(0, 12))
    columns = {}
    for name in FLOW_FIELDS:
        pool = VALUES[name]
        if clean or draw(st.integers(0, 3)):  # mostly columns every record accepts, so both ways are taken
            pool = [v for v in pool if _accepted(name, v)]
        columns[name] = [pool[i % len(pool)] for i in draw(st.lists(st.integers(0, 99), min_size=n,
                                                                         max_size=n))]
    return columns


def _accepted(name: str, value: Any) -> bool:
    """Whether a Flow accepts ``value`` for field ``name`` as it is (the other fields plain)."""
    plain = dict(id="f", source="a", target="b", type="t")
    try:
        f = Flow(**{**plain, name: value})
    except ModelError:
        return False
    return getattr(f, name) is value or (name == "amount" and type(value) is float)


@settings(max_examples=300, deadline=None)
@given(columns=st.one_of(flow_columns(clean=False), flow_columns(clean=True)))
def test_flows_from_columns_equal_flows_made_one_by_one(columns):
    rows = list(zip(*(columns[f] for f in FLOW_FIELDS), strict=True))
    slow = outcome(lambda: [Flow(*row) for row in rows])
    fast = outcome(lambda: flows_from_columns(columns))
    assert fast == slow
    if fast[0] == "ok":
        assert [tuple(getattr(f, n) for n in FLOW_FIELDS) for f in fast[1]] == \
               [tuple(getattr(f, n) for n in FLOW_FIELDS) for f in slow[1]]
        assert all(type(a.amount) is type(b.amount) for a, b in zip(fast[1], slow[1], strict=True))


def test_clean_columns_are_made_without_per_record_checks(monkeypatch):
    """The columns way is really taken for clean columns (and the records behave like any other)."""
    columns = {"id": ["f1", "f2"], "source": ["a", "b"], "target": ["b", "a"], "type": ["loan", "loan"],
               "amount": [1.5, None], "qualifier": ["exact", "up_to"], "unit": ["", "USD m"],
               "date": ["2020", ""], "end_date": ["2021-01", ""], "status": ["paid", "announced"],
               "url": ["https://example.com", ""], "note": ["", "é"]}
    assert flow_columns_pass(columns)
    monkeypatch.setattr(Flow, "__post_init__", lambda self: pytest.fail("checked one by one"))
    made = flows_from_columns(columns)
    monkeypatch.undo()
    expected = [Flow("f1", "a", "b", "loan", 1.5, "exact", "", "2020", "2021-01", "paid", "https://example.com"),
                Flow("f2", "b", "a", "loan", None, "up_to", "USD m", "", "", "announced", "", "é")]
    assert made == expected and [hash(f) for f in made] == [hash(f) for f in expected]
    assert pickle.loads(pickle.dumps(made)) == expected
    assert made[0].with_changes(amount=2.0) == replace(expected[0], amount=2.0)
    assert repr(made[1]) == repr(expected[1])


@pytest.mark.parametrize("name, value", [("amount", True), ("amount", -1), ("amount", -1.0),
                                         ("amount", float("nan")), ("amount", 1e13), ("amount", 10 ** 400),
                                         ("id", " "), ("source", "\ud800"), ("unit", 5),
                                         ("qualifier", "about"), ("status", "Paid"), ("date", "2020-02-30"),
                                         ("end_date", "2019")])
def test_a_column_with_one_odd_value_does_not_pass(name, value):
    columns = {f: ["f1", "f2"] if f == "id" else [_plain(f)] * 2 for f in FLOW_FIELDS}
    columns["date"] = ["2020", "2020"]
    assert flow_columns_pass(columns)
    columns[name] = [columns[name][0], value]
    assert not flow_columns_pass(columns)
    assert outcome(lambda: flows_from_columns(columns)) == outcome(
        lambda: [Flow(*r) for r in zip(*(columns[f] for f in FLOW_FIELDS), strict=True)])


def test_whole_amounts_are_made_floats_as_one_by_one():
    columns = {f: ["f1", "f2", "f3"] if f == "id" else [_plain(f)] * 3 for f in FLOW_FIELDS}
    columns["amount"] = [3, 2.5, None]
    made = flows_from_columns(columns)
    assert [f.amount for f in made] == [3.0, 2.5, None] and type(made[0].amount) is float
    assert columns["amount"] == [3, 2.5, None]  # the caller's column is left as it is
    columns["amount"] = [1.0, True, None]  # True == 1.0, but no amount
    with pytest.raises(ModelError, match="amount: expected a number, got True"):
        flows_from_columns(columns)


def _plain(name: str) -> Any:
    return {f.name: f.default for f in fields(Flow) if f.name in ("amount", "qualifier", "unit", "date",
                                                                 "end_date", "status", "url", "note")
            }.get(name, "x")


def test_flows_from_columns_wants_every_field_and_even_columns():
    columns = {f: [] for f in FLOW_FIELDS}
    assert flows_from_columns(columns) == []
    with pytest.raises(ValueError, match="flow columns expected"):
        flows_from_columns({"id": []})
    with pytest.raises(ValueError, match="different lengths"):
        flows_from_columns({**columns, "id": ["f1"]})


@settings(max_examples=200, deadline=None)
@given(pairs=st.lists(st.tuples(st.sampled_from(ODD_TEXTS), st.sampled_from(ODD_TEXTS)), max_size=8))
def test_companies_named_equal_companies_made_one_by_one(pairs):
    ids = [i for i, _ in pairs]
    names = [n for _, n in pairs]
    slow = outcome(lambda: [Company(i, n) for i, n in pairs])
    fast = outcome(lambda: companies_named(ids, names))
    assert fast == slow
    if fast[0] == "ok":
        assert [c.to_dict() for c in fast[1]] == [c.to_dict() for c in slow[1]]


# ------------------------------------------------------------------ Diagram.build
IDS = ["a", "b", "c", "revenue", "other", "f1", "f2"]


@st.composite
def records(draw: st.DrawFn) -> tuple[list[Company], list[Flow]]:
    categories = st.sampled_from(["other", "ai_lab", "x"])
    companies = [Company(draw(st.sampled_from(IDS)), "n", category=draw(categories))
                 for _ in range(draw(st.integers(0, 5)))]
    flows = [Flow(draw(st.sampled_from(IDS)), draw(st.sampled_from(IDS)), draw(st.sampled_from(IDS)),
                  draw(st.sampled_from(["revenue", "equity", "zzz"])))
             for _ in range(draw(st.integers(0, 6)))]
    return companies, flows


@settings(max_examples=400, deadline=None)
@given(recs=records())
def test_build_by_sets_equals_build_one_by_one(recs):
    companies, flows = recs
    fast = outcome(lambda: Diagram.build(companies=iter(companies), flows=iter(flows)).state())
    with pytest.MonkeyPatch.context() as m:
        m.setattr(Diagram, "_take_all", lambda self, c, f: False)
        slow = outcome(lambda: Diagram.build(companies=iter(companies), flows=iter(flows)).state())
    assert fast == slow


def test_build_by_sets_keeps_the_order_and_builds_the_graph_later():
    companies = [Company("b", "B"), Company("a", "A")]
    flows = [Flow("f2", "a", "b", "equity"), Flow("f1", "b", "b", "revenue")]
    d = Diagram.build(companies=companies, flows=flows)
    assert [c.id for c in d.companies()] == ["b", "a"] and [f.id for f in d.flows()] == ["f2", "f1"]
    assert d._graph_built is None
    assert sorted(d.graph.edges(keys=True)) == [("a", "b", "f2"), ("b", "b", "f1")]


def test_records_from_columns_take_no_more_memory_than_checked_ones():
    import tracemalloc

    n = 3000
    columns = {f: [f"f{i}" for i in range(n)] if f == "id" else [_plain(f)] * n for f in FLOW_FIELDS}
    rows = list(zip(*(columns[f] for f in FLOW_FIELDS), strict=True))
    sizes = []
    for make in (lambda: [Flow(*r) for r in rows], lambda: flows_from_columns(columns)):
        tracemalloc.start()
        made = make()
        sizes.append(tracemalloc.get_traced_memory()[0])
        tracemalloc.stop()
        del made
    assert sizes[1] <= sizes[0] * 1.05, sizes
