"""A small map is analysed without numpy, HiGHS and igraph (editor.analysis.smallmaps): the same
results as the other path, on many random maps, and the same results the command line prints."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate
from editor.analysis import analyze, graph
from editor.analysis.circulation import clear_cache
from editor.analysis.engine import AnalysisResult
from editor.analysis.graph import SMALL_STEPS, CompanyGraph, _tarjan, strong_components
from editor.model import Diagram
from tests.analysis.test_analysis_loops import LONG, company_diagrams

ROOT = Path(__file__).resolve().parents[2]
amounts = st.one_of(st.none(), st.floats(1e-3, 1e6, allow_nan=False), st.sampled_from([0.0, 1.0, 2.0, 5.0]))


def both_paths(d: Diagram, **options: object) -> tuple[AnalysisResult, AnalysisResult]:
    """(small-map path, numpy/HiGHS/igraph path) analyses of ``d``, each from a cold cache."""
    clear_cache()
    with mock.patch.object(graph, "_FAST_PATH_MODULES", ()):  # as in a fresh process
        assert CompanyGraph(d.snapshot()).small
        small = analyze(d.snapshot(), **options)
    clear_cache()
    with mock.patch.object(graph, "SMALL_STEPS", -1):
        assert not CompanyGraph(d.snapshot()).small
        big = analyze(d.snapshot(), **options)
    clear_cache()
    return small, big


def assert_same(small: AnalysisResult, big: AnalysisResult) -> None:
    """Everything equal; round trips and the circulation to rounding (both are exact solvers)."""
    biggest = max((m.outflow for m in big.company_metrics), default=0.0) + 1.0
    tol = 1e-9 * biggest

    def plain(r: AnalysisResult) -> AnalysisResult:
        metrics = tuple(dataclasses.replace(m, round_trip_capacity=None, round_trip_ratio=None)
                        for m in r.company_metrics)
        return dataclasses.replace(r, timings=(), company_metrics=metrics, circulation=None)

    assert plain(small) == plain(big)
    assert small.round_trip_complete and big.round_trip_complete
    for s, b in zip(small.company_metrics, big.company_metrics, strict=True):
        assert s.round_trip_capacity == pytest.approx(b.round_trip_capacity, abs=tol, rel=1e-9), s.name
        if b.round_trip_ratio is None:
            assert s.round_trip_ratio is None
        else:  # capacity over outflow: the capacity's rounding, relative to a small outflow
            assert s.round_trip_ratio == pytest.approx(b.round_trip_ratio, abs=1e-9 + tol / b.outflow)
    assert small.circulating_amount == pytest.approx(big.circulating_amount, abs=tol, rel=1e-9)
    # every step full: the maximum circulation is unique, and both give it step by step
    if big.circulating_amount > 0 and _all_full(big):
        got = {(a, b): x for a, b, x in small.circulation.steps}
        want = {(a, b): x for a, b, x in big.circulation.steps}
        assert got.keys() == want.keys()
        for key, x in want.items():
            assert got[key] == pytest.approx(x, abs=tol, rel=1e-9)


def _all_full(r: AnalysisResult) -> bool:
    inside = {cid for grp in r.circular_groups for cid in grp}
    return all(m.round_trip_capacity == pytest.approx(m.outflow, rel=1e-9) for m in r.company_metrics
               if m.id in inside and m.outflow > 0) and len(r.circular_groups) > 0


@settings(max_examples=1500 if LONG else 250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(company_diagrams(max_companies=9, max_flows=30, amounts=amounts))
def test_small_maps_give_the_results_of_the_other_path(d: Diagram) -> None:
    assert_same(*both_paths(d))


@pytest.mark.parametrize("seed", range(6))
def test_generated_maps_up_to_the_threshold_give_the_same_results(seed: int) -> None:
    n = 10 + 6 * seed
    d = generate(n, min(5 * n, SMALL_STEPS), seed)
    assert_same(*both_paths(d))


def test_a_deadline_and_a_wish_list_behave_alike() -> None:
    d = generate(20, 90, 1)
    small, big = both_paths(d, round_trip_budget=0.0)
    assert not small.round_trip_complete and not big.round_trip_complete
    assert [m.round_trip_capacity for m in small.company_metrics] == \
        [m.round_trip_capacity for m in big.company_metrics]


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 30).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=4 * n))))
def test_tarjan_finds_the_components_igraph_finds(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, edges = case
    src, dst = [a for a, _ in edges], [b for _, b in edges]
    ours = _tarjan(n, src, dst)
    assert len(ours) == n and min(ours, default=0) == 0
    with mock.patch.object(graph, "SMALL_STEPS", -1):
        theirs = strong_components(n, src, dst)

    def partition(labels: list[int]) -> set[frozenset[int]]:
        groups: dict[int, set[int]] = {}
        for i, lab in enumerate(labels):
            groups.setdefault(lab, set()).add(i)
        return {frozenset(v) for v in groups.values()}

    assert partition(ours) == partition(theirs)


def test_analyze_of_a_small_map_imports_neither_numpy_nor_highspy_nor_igraph() -> None:
    sample = ROOT / "editor" / "data" / "samples" / "teaching-loops.roundtrip"
    code = ("import sys; from editor.__main__ import main; import io, contextlib\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out: rc = main(['analyze', sys.argv[1]])\n"
            "print(rc, 'Circulating amount' in out.getvalue(),"
            " sorted(m for m in ('numpy', 'highspy', 'igraph', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(sample)],
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.split() == ["0", "True", "[]"], out.stderr


def test_once_highspy_is_imported_every_map_takes_its_path() -> None:
    import highspy  # noqa: F401  (a long-lived analysis process has it)

    small_map = generate(10, 30, 1).snapshot()
    assert not CompanyGraph(small_map).small
    with mock.patch.object(graph, "_FAST_PATH_MODULES", ()):
        assert CompanyGraph(small_map).small
        assert not CompanyGraph(generate(60, 300, 1).snapshot()).small


def test_a_module_still_being_imported_by_another_thread_does_not_count() -> None:
    import types
    from importlib.machinery import ModuleSpec

    half = types.ModuleType("half_imported")
    half.__spec__ = ModuleSpec("half_imported", None)
    half.__spec__._initializing = True  # type: ignore[attr-defined]  # as importlib marks it
    small_map = generate(10, 30, 1).snapshot()
    with mock.patch.object(graph, "_FAST_PATH_MODULES", ("half_imported",)), \
            mock.patch.dict(sys.modules, {"half_imported": half}):
        assert CompanyGraph(small_map).small
        half.__spec__._initializing = False  # type: ignore[attr-defined]
        assert not CompanyGraph(small_map).small
