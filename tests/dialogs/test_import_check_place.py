"""The Import dialog's final check places the companies of the diagram it has just read: the
tables are read once (they were read twice, 0.5 s more at 100,000 rows)."""
from __future__ import annotations

from editor.dialogs import import_model
from editor.io import edgelist
from editor.io.columns import guess_columns
from editor.io.tables import make_table

HEADERS = ["source", "target", "type", "amount"]
ROWS = [["NVIDIA", "OpenAI", "investment", "100"], ["OpenAI", "Oracle", "compute contract", "300"],
        ["Oracle", "NVIDIA", "chip purchase", "40"], ["Microsoft", "OpenAI", "investment", "13"]]


def _table(rows=ROWS):
    return make_table("deals.csv", [HEADERS, *rows])


def _positions(diagram):
    return {c.name: (c.x, c.y) for c in diagram.companies()}


def test_a_table_whose_rows_all_read_is_read_once_and_placed_as_an_import_places_it(monkeypatch):
    builds = []
    build = import_model.build_diagram
    monkeypatch.setattr(import_model, "build_diagram", lambda *a, **k: builds.append(k) or build(*a, **k))
    check = import_model.check_tables(_table(), guess_columns(HEADERS), place=True)
    assert check.diagram is not None and not check.problems
    assert len(builds) == 1 and builds[0]["place"] is False
    expected, problems = edgelist.build_diagram(_table(), guess_columns(HEADERS), place=True)
    assert not problems
    assert _positions(check.diagram) == _positions(expected)
    assert len(set(_positions(check.diagram).values())) == 4   # every company a place of its own


def test_the_preview_check_leaves_the_companies_unplaced(monkeypatch):
    placed = []
    monkeypatch.setattr(import_model, "place_companies", lambda d, ids: placed.append(ids))
    check = import_model.check_tables(_table(), guess_columns(HEADERS))
    assert check.diagram is not None and placed == []


def test_rows_with_problems_are_left_out_and_the_good_rows_placed():
    rows = [*ROWS, ["", "Oracle", "investment", "5"]]   # no source
    check = import_model.check_tables(_table(rows), guess_columns(HEADERS), place=True)
    assert check.diagram is not None and len(check.diagram.flows()) == 4
    assert len(set(_positions(check.diagram).values())) == 4
