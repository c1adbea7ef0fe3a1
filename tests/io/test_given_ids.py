"""A flows table giving every id (what Roundtrip's CSV export writes) read a column at a time is
exactly what reading it row by row makes, with or without its companies table."""
from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.io import edgelist, tablecolumns
from editor.io.edgelist import build_diagram, guess_columns
from editor.io.tables import Row, Table

NAMES = ["Acme", "acme", "Beta", " ", "", "Loan", "c1"]
COMPANY_IDS = ["c1", "c2", "c3", "loan", "loan_2", "revenue", "f1", "e1"]
FLOW_IDS = ["f1", "f2", "f3", "f4", "f5", "f6", "c1", "loan", "x"]
TYPES = ["", "Loan", "loan ", "Revenue", "c1", "Grant", "f1", "Equity investment"]


@st.composite
def tables(draw: st.DrawFn) -> tuple[Table, Table | None]:
    n = draw(st.integers(0, 8))
    plain = draw(st.booleans())  # ids no other id could want: the columns way is taken
    rows = []
    for i in range(n):
        cells = {"source": draw(st.sampled_from(NAMES)), "target": draw(st.sampled_from(NAMES)),
                 "type": draw(st.sampled_from(TYPES[:4] if plain else TYPES)), "amount": "1",
                 "id": f"f{i}" if plain else draw(st.sampled_from(FLOW_IDS)),
                 "source_id": draw(st.sampled_from(COMPANY_IDS[:3] if plain else COMPANY_IDS)),
                 "target_id": draw(st.sampled_from(COMPANY_IDS[:3] if plain else COMPANY_IDS))}
        rows.append(Row(i + 2, cells))
    flows = Table("deals.csv", ["source", "target", "type", "amount", "id", "source_id", "target_id"], rows)
    companies = None
    if draw(st.booleans()):
        ids = draw(st.lists(st.sampled_from(COMPANY_IDS), unique=True, max_size=4))
        companies = Table("deals-companies.csv", ["name", "id"],
                          [Row(i + 2, {"name": f"Company {cid}", "id": cid}) for i, cid in enumerate(ids)])
    return flows, companies


def outcome(flows: Table, companies: Table | None) -> tuple[Any, ...]:
    notes: list[str] = []
    diagram, problems = build_diagram(flows, guess_columns(flows.headers), companies=companies, place=False,
                                      notes=notes)
    if problems:
        return ("error", edgelist.summarize(problems))
    return ("ok", diagram.state(), notes)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=tables())
def test_given_ids_read_at_once_equal_row_by_row(case, monkeypatch):
    flows, companies = case
    fast = outcome(flows, companies)
    with monkeypatch.context() as m:
        m.setattr(tablecolumns, "_given_ids", lambda *a: None)  # the columns way, row after row
        assert outcome(flows, companies) == fast
    with monkeypatch.context() as m:
        m.setattr(edgelist, "build_flows", lambda *a: False)  # the flows read row by row
        assert outcome(flows, companies) == fast


def test_an_exported_table_takes_the_columns_way(monkeypatch):
    rows = [Row(i + 2, {"source": "Acme", "target": "Beta", "type": "Loan", "amount": "2", "id": f"f{i}",
                        "source_id": "c1", "target_id": "c2"}) for i in range(5)]
    flows = Table("deals.csv", list(rows[0].cells), rows)
    taken = []
    given_ids = tablecolumns._given_ids
    monkeypatch.setattr(tablecolumns, "_given_ids", lambda *a: taken.append(given_ids(*a)) or taken[-1])
    kind, state, notes = outcome(flows, None)
    assert kind == "ok" and taken and taken[0] is not None
    assert [c.id for c in state[3]] == ["c1", "c2"]
    assert [f.id for f in state[4]] == [f"f{i}" for i in range(5)]
