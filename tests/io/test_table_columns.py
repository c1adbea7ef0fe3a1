"""Reading a flows table as whole columns gives exactly what reading it row by row gives.

The row-by-row reader (:mod:`editor.io.tablerows`, and :func:`editor.io.tables.make_table`
for a grid of any cells) is the reference: random tables with odd cells are read both
ways and must give the same diagram and notes, or the same error message.
"""
from __future__ import annotations

import csv
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.io import edgelist, tablecolumns, tables
from editor.io.edgelist import build_diagram, guess_columns, load_table_with_notes
from editor.io.errors import InputError
from editor.io.tables import Row, Table

NAMES = ["Acme", "acme ", "ACME", "  Beta  Corp", "beta corp", "f1", "Revenue", "revenue", "e f1", "", " ",
         "Zeta", "Ωmega", "=cmd", "'=quoted", "x" * 30]
CELLS: dict[str, list[Any]] = {
    "source": NAMES,
    "target": NAMES,
    "type": ["", "Revenue", "loan", "Loan ", "venture", "x  y", "f2", "acme"],
    "amount": ["", "1", "2.5", "0", "12.50", "0.1", "$45B", "up to 100", "~3", "-5", "abc", "1,500", "1.500",
               "1,5", "n/a", "999999999999", "9999999999999", "1e3", " 7 ", "\u0661\u0662", "5%", "nan",
               "100 est", "(5)", "007", "3.14159265358979323846"],
    "date": ["", "2019", "2019-10", "2019-13", "2020-02-30", "2021-01-05", "2021-01-05 00:00", "soon",
             "2018"],
    "end_date": ["", "2020", "2017", "2021-06"],
    "status": ["", "paid", "Paid ", "committed", "weird"],
    "qualifier": ["", "est", "up to", "exact", "Up-To", "bad", "~"],
    "unit": ["", "USD m", "EUR bn", "  "],
    "id": ["", "", "", "f1", "f2", "x", "acme", "revenue", "ef1", "f1_2"],
    "note": ["", "hello", "=cmd", "'=x", "  spaced  "],
    "url": ["", "https://example.com/a", " https://example.com/b ", "notaurl"],
    "direction": ["", "directed", "undirected", "Undirected"],
    "source_id": ["", "", "c1", "c2", "revenue"],
    "target_id": ["", "", "c1", "c3"],
}
OPTIONAL = [k for k in CELLS if k not in ("source", "target")]


@st.composite
def flow_tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    fields = ["source", "target"] + draw(st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=8))
    rows = draw(st.lists(st.lists(st.integers(0, 99), min_size=len(fields), max_size=len(fields)),
                         max_size=25))
    grid = [[CELLS[f][i % len(CELLS[f])] for f, i in zip(fields, r, strict=True)] for r in rows]
    if draw(st.booleans()):   # mostly clean tables, so the columns way is taken, not only refused
        for row in grid:
            for j, f in enumerate(fields):
                if f in ("amount", "date", "status", "qualifier", "end_date", "id", "source_id", "target_id"):
                    row[j] = ""
    blank_at = draw(st.lists(st.integers(0, max(len(grid), 0)), max_size=2))
    for at in blank_at:
        grid.insert(at, [""] * len(fields))
    return fields, grid


def outcome(read: Any) -> tuple[Any, ...]:
    try:
        diagram, notes = read()
    except InputError as e:
        return ("error", str(e))
    return ("ok", diagram.state(), notes)


def row_by_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn the columns way off: flows made row by row, grids split into rows one by one."""
    monkeypatch.setattr(edgelist, "build_flows", lambda *a: False)
    make_table = tables.make_table
    monkeypatch.setattr(tables, "make_table", lambda *a, **k: make_table(*a, **{**k, "text": False}))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=flow_tables(), delimiter=st.sampled_from([",", ";"]))
def test_csv_read_as_columns_equals_row_by_row(table, delimiter, monkeypatch):
    fields, grid = table
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "flows.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, delimiter=delimiter)
            w.writerow(fields)
            w.writerows(grid)
        fast = outcome(lambda: load_table_with_notes(path, place=False))
        with monkeypatch.context() as m:
            row_by_row(m)
            slow = outcome(lambda: load_table_with_notes(path, place=False))
    assert fast == slow


WORKBOOK_CELLS = [None, "", 1, 1.0, True, 2.5, 0, -3, "7", dt.datetime(2020, 5, 1), dt.date(2019, 1, 2),
                  2019, 2019.0, "x", float("nan"), 10 ** 13]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.lists(st.sampled_from(OPTIONAL), unique=True, max_size=6),
       picks=st.lists(st.lists(st.integers(0, 99), min_size=16, max_size=16), max_size=20))
def test_workbook_like_cells_read_as_columns_equal_row_by_row(fields, picks, monkeypatch):
    """Cells of other types than text (numbers, dates, booleans from a workbook) take the same way."""
    headers = ["source", "target"] + fields
    rows = []
    for n, p in enumerate(picks, start=2):
        pool = [CELLS[h] if p[15] % 3 else WORKBOOK_CELLS for h in headers]
        cells = {h: pool[i][p[i] % len(pool[i])] for i, h in enumerate(headers)}
        rows.append(Row(n, cells))
    table = Table("book.xlsx, sheet 'flows'", headers, rows)

    def read() -> tuple[Any, list[str]]:
        notes: list[str] = []
        diagram, problems = build_diagram(table, guess_columns(headers), place=False, notes=notes)
        if problems:
            raise InputError(edgelist.summarize(problems))
        return diagram, notes

    fast = outcome(read)
    with monkeypatch.context() as m:
        m.setattr(edgelist, "build_flows", lambda *a: False)
        slow = outcome(read)
    assert fast == slow


def test_clean_table_takes_the_columns_way(tmp_path, monkeypatch):
    """The property tests compare two ways only if the columns way is taken for clean tables."""
    taken = []
    build = tablecolumns.build_flows
    monkeypatch.setattr(edgelist, "build_flows", lambda *a: taken.append(build(*a)) or taken[-1])
    p = tmp_path / "flows.csv"
    p.write_text("source,target,amount,type,date\nA,B,12.5,loan,2020\nB,C,$45B,,2021-03\nC,A,up to 7,loan,\n")
    d, _ = load_table_with_notes(p, place=False)
    assert taken == [True]
    assert [(f.source, f.target, f.amount, f.qualifier) for f in d.flows()] == [
        ("a", "b", 12.5, "exact"), ("b", "c", 45.0, "exact"), ("c", "a", 7.0, "up_to")]


def test_unreadable_cell_falls_back_with_its_row_and_column(tmp_path):
    p = tmp_path / "flows.csv"
    p.write_text("source,target,amount\nA,B,1\nB,C,lots\n")
    with pytest.raises(InputError, match=r"flows.csv: row 3, column 'amount': cannot read 'lots' as an am"):
        load_table_with_notes(p, place=False)


def test_plain_amounts_read_as_python_floats():
    texts = ["0", "1", "2.5", "0.1", "123456789012.999999", "3.14159265358979323846", "007", "1.5e3", "x",
             "1,5"]
    plain = tablecolumns._plain_amounts(texts)
    assert set(plain) == set(texts) - {"1.5e3", "x", "1,5"}
    assert all(plain[t] == float(t) and type(plain[t]) is float for t in plain)


def test_table_columns_and_rows_agree():
    t = tables.make_table("t", [["a", "b"], ["1", "2"], ["", " "], ["3", "4"]], text=True)
    assert t.numbers == [2, 4] and list(t.column("a")) == ["1", "3"] and list(t.column("zz")) == [None, None]
    assert t.rows == [Row(2, {"a": "1", "b": "2"}), Row(4, {"a": "3", "b": "4"})]
    assert t == Table("t", ["a", "b"], [Row(2, {"a": "1", "b": "2"}), Row(4, {"a": "3", "b": "4"})])
    changed = t.with_columns({"b": ["x", "y"]})
    assert [r.cells["b"] for r in changed.rows] == ["x", "y"] and list(t.column("b")) == ["2", "4"]
    with pytest.raises(ValueError):
        Table("t", ["a"], None, numbers=[2], columns={"a": ["1", "2"]})


#: Company and flow type names whose ids (slugs, then ``_2``, ``_3``...) can be wanted by both kinds.
CLASHING = ["Loan", "loan 2", "Loan_2", "loan!", "f1", "F2", "f2 2", "acme", "Acme!", "acme 3", "Other",
            "Revenue", "chipmaker", "x", "x_2 3"]


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(CLASHING), st.sampled_from(CLASHING),
                               st.sampled_from(CLASHING + [""])), min_size=1, max_size=12))
def test_names_and_new_types_whose_ids_clash_read_as_row_by_row(rows):
    """Companies are made a column at a time before the new flow types: their ids must still be the
    ones the rows, read in turn, give them."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "flows.csv"
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["source", "target", "type"])
            w.writerows(rows)
        fast = outcome(lambda: load_table_with_notes(path, place=False))
        with pytest.MonkeyPatch.context() as m:
            row_by_row(m)
            slow = outcome(lambda: load_table_with_notes(path, place=False))
    assert fast == slow


def test_ids_that_may_clash():
    share = tablecolumns._may_share_ids
    assert share({"loan"}, {"loan"}) and share({"loan"}, {"loan_2"}) and share({"loan_2"}, {"loan"})
    assert share({"a_b_c"}, {"a_b"}) and share({"x"}, {"y", "x_2_3"})
    assert not share({"loan"}, {"loans", "loa", "acme_loan", "loan2"}) and not share(set(), {"a"})


def test_a_table_naming_new_types_takes_the_columns_way(tmp_path, monkeypatch):
    taken = []
    build = tablecolumns.build_flows
    monkeypatch.setattr(edgelist, "build_flows", lambda *a: taken.append(build(*a)) or taken[-1])
    p = tmp_path / "flows.csv"
    p.write_text("source,target,type\nAcme,Beta,Loan\nBeta,Gamma,Grant\nGamma,Acme,loan\n")
    d, _ = load_table_with_notes(p, place=False)
    assert taken == [True]
    assert [(f.id, f.source, f.target, f.type) for f in d.flows()] == [
        ("f1", "acme", "beta", "loan"), ("f2", "beta", "gamma", "grant"), ("f3", "gamma", "acme", "loan")]
    p.write_text("source,target,type\nAcme,Beta,Loan\nLoan,Acme,\n")   # a company wants the type's id
    taken.clear()
    d, _ = load_table_with_notes(p, place=False)
    assert taken == [False] and [c.id for c in d.companies()] == ["acme", "beta", "loan_2"]
