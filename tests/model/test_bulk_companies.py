"""Companies made from whole columns equal the ones made one by one, and refuse with the same message."""
from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.model import Company, ModelError
from editor.model.bulk import COMPANY_FIELDS, companies_from_columns, company_columns_pass

NAN, INF = float("nan"), float("inf")
VALUES: dict[str, list[Any]] = {
    "id": ["c1", "c2", "x", "", " ", "\udfff", 3, "é"],
    "name": ["Acme", "B", " ", "", "\ud83d", None, "Ωmega"],
    "category": ["other", "lab", "", 1],
    "valuation": [None, 0.0, -0.0, 1.5, 1e12, 1e12 + 1, -1.0, NAN, INF, 3, True, "5"],
    "valuation_date": ["", "2020", "\ud800", None],
    "revenue": [None, 2.0, -2.0, 1e13],
    "revenue_period": ["", "FY24", 5],
    "profit": [None, -5.0, 5.0, -1e12, -1e13, -INF, NAN, -3],
    "profit_period": ["", "FY24"],
    "notes": ["", "n", "\ud800\udc00", 1],
    "x": [0.0, -0.0, 12.5, -1e7, 1e7, 1e7 + 1, NAN, INF, 5, None, True],
    "y": [0.0, 3.25, -1e7 - 1, 2],
    "size": [None, 1.0, 1000.0, 0.5, 1000.5, 50.0, 7, NAN],
}


def outcome(make: Any) -> tuple[Any, ...]:
    try:
        return ("ok", make())
    except ModelError as e:
        return ("error", str(e))


def _accepted(name: str, value: Any) -> bool:
    try:
        c = Company(**{"id": "c", "name": "n", name: value})
    except ModelError:
        return False
    return getattr(c, name) is value


@st.composite
def company_columns(draw: st.DrawFn) -> dict[str, list[Any]]:
    n = draw(st.integers(0, 10))
    columns = {}
    for name in COMPANY_FIELDS:
        pool = VALUES[name]
        if draw(st.integers(0, 4)):  # mostly columns every record accepts, so both ways are taken
            pool = [v for v in pool if _accepted(name, v)]
        columns[name] = [pool[i % len(pool)] for i in draw(st.lists(st.integers(0, 99), min_size=n,
                                                                         max_size=n))]
    return columns


@settings(max_examples=300, deadline=None)
@given(columns=company_columns())
def test_companies_from_columns_equal_companies_made_one_by_one(columns):
    rows = list(zip(*(columns[f] for f in COMPANY_FIELDS), strict=True))
    slow = outcome(lambda: [Company(*row) for row in rows])
    fast = outcome(lambda: companies_from_columns(columns))
    assert fast == slow
    if fast[0] == "ok":
        assert [[(type(getattr(c, n)), getattr(c, n)) for n in COMPANY_FIELDS] for c in fast[1]] == \
               [[(type(getattr(c, n)), getattr(c, n)) for n in COMPANY_FIELDS] for c in slow[1]]


def plain_columns() -> dict[str, list[Any]]:
    return {"id": ["c1", "c2"], "name": ["Acme", "Beta"], "category": ["other", "lab"],
            "valuation": [1.5, None], "valuation_date": ["2020", ""], "revenue": [None, 2.0],
            "revenue_period": ["", "FY24"], "profit": [-5.0, None], "profit_period": ["", ""],
            "notes": ["", "é"], "x": [0.0, -3.5], "y": [1e7, 2.0], "size": [None, 1000.0]}


def test_clean_company_columns_are_made_without_per_record_checks(monkeypatch):
    columns = plain_columns()
    assert company_columns_pass(columns)
    expected = [Company(*row) for row in zip(*(columns[f] for f in COMPANY_FIELDS), strict=True)]
    monkeypatch.setattr(Company, "__post_init__", lambda self: pytest.fail("checked one by one"))
    made = companies_from_columns(columns)
    monkeypatch.undo()
    assert made == expected and [hash(c) for c in made] == [hash(c) for c in expected]


@pytest.mark.parametrize("name, value", [("valuation", -1.0), ("valuation", NAN), ("revenue", 1e13),
                                         ("profit", -INF), ("size", 0.5), ("size", 1000.5), ("x", 1e7 + 1),
                                         ("y", NAN), ("x", 5), ("name", " "), ("notes", "\ud800"),
                                         ("category", ""), ("size", NAN)])
def test_a_company_column_with_one_odd_value_does_not_pass(name, value):
    columns = plain_columns()
    columns[name] = [columns[name][0], value]
    assert not company_columns_pass(columns)
    assert outcome(lambda: companies_from_columns(columns)) == outcome(
        lambda: [Company(*r) for r in zip(*(columns[f] for f in COMPANY_FIELDS), strict=True)])


def test_records_made_from_columns_get_each_field_from_its_column_in_any_order():
    """Each field is set from its own column, whatever order the columns come in; a record class
    without slots (a flow type) is filled the same way, field by field."""
    from editor.model import FlowType, bulk

    columns = {f: [f"{f}-{i}" for i in range(3)] for f in COMPANY_FIELDS}
    made = bulk._unchecked(Company, COMPANY_FIELDS, [columns[f] for f in COMPANY_FIELDS], 3)
    backwards = bulk._unchecked(Company, COMPANY_FIELDS[::-1], [columns[f] for f in COMPANY_FIELDS[::-1]], 3)
    for i in range(3):
        assert made[i].to_dict() == backwards[i].to_dict() == {f: f"{f}-{i}" for f in COMPANY_FIELDS}
    assert not hasattr(made[0], "__dict__")  # (the fields are in slots)
    types = bulk._unchecked(FlowType, ("id", "name", "color"), [["loan", "gift"], ["Loan", "Gift"],
                                                                ["#000000", "#ffffff"]], 2)
    assert types == [FlowType("loan", "Loan", "#000000"), FlowType("gift", "Gift", "#ffffff")]
