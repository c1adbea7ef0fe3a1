"""Round-trip analysis memory is linear in the map: no (k, 2k) tables of cut sides past a budget."""
from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from benchmarks.generate import generate
from editor.analysis import CompanyGraph, cuts
from editor.analysis.circulation import clear_cache
from editor.analysis.roundtrip import round_trip_capacities
from editor.model import Company, Diagram, Flow


def _ring(n: int) -> Diagram:
    d = Diagram()
    for i in range(n):
        d.add_company(Company(f"c{i}", f"C{i}", "other", x=float(i), y=0.0))
    for i in range(n):
        d.add_flow(Flow(f"f{i}", f"c{i}", f"c{(i + 1) % n}", "venture", 1.0 + (i % 7)))
    return d


def _peak(call) -> tuple[object, int]:
    clear_cache()
    cuts.PREVIOUS.items.clear()
    tracemalloc.start()
    try:
        result = call()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_ring_past_the_budget_keeps_no_quadratic_table(monkeypatch):
    n = 1500  # a (k, 2k) table of bools: 4.5 MB
    graph = CompanyGraph(_ring(n).snapshot())
    monkeypatch.setattr(cuts, "MAX_SIDE_CELLS", 10_000)
    capacities, peak = _peak(lambda: round_trip_capacities(graph))
    assert set(capacities.values()) == {1.0}  # the smallest amount on the ring comes back to each
    assert peak < 2 * n * n / 2, f"peak {peak} bytes: a quadratic table was allocated"
    assert not cuts.PREVIOUS.items  # nothing quadratic kept for the next run


def test_within_the_budget_results_agree_with_and_without_kept_cuts(monkeypatch):
    d = generate(60, 300, 2)
    monkeypatch.setattr(cuts, "MAX_SIDE_CELLS", 0)
    clear_cache()
    cuts.PREVIOUS.items.clear()
    graph = CompanyGraph(d.snapshot())
    lean = round_trip_capacities(graph)
    monkeypatch.undo()
    clear_cache()
    dense = round_trip_capacities(graph)
    assert lean.keys() == dense.keys()
    for key in dense:
        assert lean[key] == pytest.approx(dense[key], rel=1e-9, abs=1e-9)


def test_structural_sides_refuses_past_the_budget(monkeypatch):
    monkeypatch.setattr(cuts, "MAX_SIDE_CELLS", 100)
    with pytest.raises(MemoryError):
        cuts.structural_sides(100, np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0),
                              np.arange(10), np.zeros(10, np.int64))
