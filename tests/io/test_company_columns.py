"""A companies table read as whole columns gives exactly what reading it row by row gives."""
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.io import companycolumns, edgelist
from editor.io.edgelist import build_diagram, guess_columns
from editor.io.tablerows import RecordBuilder
from editor.io.tables import Row, Table

CELLS: dict[str, list[Any]] = {
    "name": ["Acme", "acme ", "Beta  Corp", "beta corp", "", " ", "Ωmega", "lab", "c1", "x" * 20, "=cmd"],
    "id": ["", "c1", "c2", "c3", "lab", "lab_2", "acme", " c4 ", "revenue"],
    "category": ["", "Lab", "lab ", "Chipmaker", "other", "c1", "Acme", "Investor"],
    "valuation": ["", "1.5", "$2B", "-3", "abc", "0", "1e13", "12"],
    "revenue": ["", "2", "n/a", "7.25"],
    "profit": ["", "-5", "5", "-$1B", "x"],
    "size": ["", "10", "0.5", "1000", "2000"],
    "x": ["", "1.5", "-20", "1e8", "abc", "0"],
    "y": ["", "2", "-0", "nan"],
    "notes": ["", "hello", "  spaced  "],
    "valuation_date": ["", "2020"],
}
OPTIONAL = [k for k in CELLS if k != "name"]
WORKBOOK_CELLS = [None, "", 1, 1.0, True, 2.5, -3, dt.date(2019, 1, 2), float("nan"), "Lab"]


@st.composite
def companies_tables(draw: st.DrawFn) -> Table:
    headers = ["name"] + draw(st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=7))
    clean = draw(st.booleans())  # mostly readable tables, so the columns way is taken, not only refused
    workbook = draw(st.integers(0, 4)) == 0
    rows = []
    for number in range(2, draw(st.integers(0, 12)) + 2):
        cells = {}
        for h in headers:
            pool = CELLS[h][:3] if clean and h not in ("name", "id") else CELLS[h]
            if workbook and draw(st.booleans()):
                pool = WORKBOOK_CELLS
            cells[h] = draw(st.sampled_from(pool))
        rows.append(Row(number, cells))
    if clean and "id" in headers and draw(st.booleans()):
        for i, r in enumerate(rows):
            r.cells["id"] = f"c{i}"
    if clean and draw(st.booleans()):
        for i, r in enumerate(rows):
            r.cells["name"] = f"Company {i}"
    text = not workbook and draw(st.booleans())
    columns = {h: [r.cells[h] for r in rows] for h in headers}
    return Table("deals-companies.csv", headers, None, numbers=[r.number for r in rows], columns=columns,
                 text=text and all(isinstance(v, str) for c in columns.values() for v in c))


FLOWS = Table("deals.csv", ["source", "target", "amount"], [Row(2, {"source": "Acme", "target": "Zeta",
                                                                     "amount": "5"})])


def outcome(companies: Table, place: bool) -> tuple[Any, ...]:
    notes: list[str] = []
    diagram, problems = build_diagram(FLOWS, guess_columns(FLOWS.headers), companies=companies, place=place,
                                      notes=notes)
    if problems:
        return ("error", edgelist.summarize(problems))
    return ("ok", diagram.state(), notes)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(companies=companies_tables(), place=st.booleans())
def test_companies_read_as_columns_equal_row_by_row(companies, place, monkeypatch):
    fast = outcome(companies, place)
    with monkeypatch.context() as m:
        m.setattr(edgelist, "build_companies", lambda *a: False)
        slow = outcome(companies, place)
    assert fast == slow


def test_exported_companies_table_takes_the_columns_way(tmp_path, monkeypatch):
    """The property test compares two ways only if the columns way is taken for clean tables."""
    rows = [Row(i + 2, {"name": f"Company {i}", "category": ["Lab", "Chipmaker", ""][i % 3],
                        "valuation": "" if i % 2 else f"{i}.5", "x": f"{i}", "y": "-2", "id": f"c{i}"})
            for i in range(30)]
    table = Table("deals-companies.csv", list(rows[0].cells), rows)
    taken = []
    build = companycolumns.build_companies
    monkeypatch.setattr(edgelist, "build_companies", lambda *a: taken.append(build(*a)) or taken[-1])
    kind, state, _ = outcome(table, place=True)
    assert kind == "ok" and taken == [True]
    with monkeypatch.context() as m:
        m.setattr(edgelist, "build_companies", lambda *a: False)
        assert outcome(table, place=True) == (kind, state, _)


@pytest.mark.parametrize("change", [{"name": ""}, {"valuation": "abc"}, {"id": ""}, {"id": "c1"},
                                    {"category": "c5"}, {"x": "1e8"}])
def test_a_table_the_columns_way_cannot_read_is_read_row_by_row(change, monkeypatch):
    rows = [Row(i + 2, {"name": f"Company {i}", "category": "Lab", "valuation": "1", "x": "1", "id": f"c{i}"})
            for i in range(6)]
    rows[3].cells.update(change)
    table = Table("deals-companies.csv", list(rows[0].cells), rows)
    b = RecordBuilder(None, None, None, None)
    assert not companycolumns.build_companies(b, table, guess_columns(table.headers, "companies"))
    assert not b.companies and not b.placed and len(b.diagram.categories()) == len(
        RecordBuilder(None, None, None, None).diagram.categories())
    fast = outcome(table, place=False)
    with monkeypatch.context() as m:
        m.setattr(edgelist, "build_companies", lambda *a: False)
        assert outcome(table, place=False) == fast
