"""``analyze(round_trips_top=N)`` (the command line's report): only the round-trip capacities that
decide the N companies of highest round-trip ratio are computed, and those are the very values
the whole computation gives, so the report's ranking is the same, on many random maps."""
from __future__ import annotations

import dataclasses
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
from editor.cli.analyze import text_report
from editor.model import Diagram
from tests.analysis.test_analysis_loops import LONG, company_diagrams

ROOT = Path(__file__).resolve().parents[2]
amounts = st.one_of(st.none(), st.floats(1e-3, 1e6, allow_nan=False), st.sampled_from([0.0, 1.0, 2.0, 5.0]))


def ranked_and_every(d: Diagram, top: int, **options: object) -> tuple[AnalysisResult, AnalysisResult]:
    """(analysis with ``round_trips_top=top``, whole analysis), each from a cold cache, on the path
    of big maps (numpy, HiGHS, igraph) even for a small ``d``."""
    results = []
    for ranked in (True, False):
        clear_cache()
        with mock.patch.object(graph, "SMALL_STEPS", -1):
            results.append(analyze(d.snapshot(), round_trips_top=top if ranked else None, **options))
    clear_cache()
    return results[0], results[1]


def ranking(r: AnalysisResult, top: int) -> list[tuple[str, float | None, float | None]]:
    """The companies the report lists, in its order, with their capacities and ratios."""
    ranked = sorted((m for m in r.company_metrics if m.round_trip_ratio),
                    key=lambda m: (-(m.round_trip_ratio or 0.0), m.name.casefold()))[:top]
    return [(m.id, m.round_trip_capacity, m.round_trip_ratio) for m in ranked]


def assert_ranked_like_every(d: Diagram, top: int) -> AnalysisResult:
    ranked, every = ranked_and_every(d, top)
    assert ranked.round_trips_top == top and every.round_trips_top is None
    assert ranked.round_trip_complete and every.round_trip_complete
    # every capacity computed is the whole computation's, to the last bit; the rest are None
    for r, e in zip(ranked.company_metrics, every.company_metrics, strict=True):
        assert r.round_trip_capacity is None or r.round_trip_capacity == e.round_trip_capacity, r.name
    assert ranking(ranked, top) == ranking(every, top)
    # and nothing else differs
    def plain(res: AnalysisResult) -> AnalysisResult:
        metrics = tuple(dataclasses.replace(m, round_trip_capacity=None, round_trip_ratio=None)
                        for m in res.company_metrics)
        return dataclasses.replace(res, timings=(), company_metrics=metrics, round_trips_top=None)

    assert plain(ranked) == plain(every)
    assert text_report(ranked, d, "map.csv", top=top) == text_report(every, d, "map.csv", top=top)
    return ranked


@settings(max_examples=1000 if LONG else 200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(company_diagrams(max_companies=9, max_flows=30, amounts=amounts), st.integers(1, 6))
def test_random_maps_rank_the_same_companies_with_the_same_figures(d: Diagram, top: int) -> None:
    assert_ranked_like_every(d, top)


@pytest.mark.parametrize(("n", "m", "seed", "top"), [(150, 750, 1, 10), (300, 1500, 2, 10),
                                                    (300, 1500, 3, 1), (200, 1200, 4, 25)])
def test_generated_maps_rank_the_same_and_leave_most_maximum_flows_out(n: int, m: int, seed: int,
                                                                      top: int) -> None:
    ranked = assert_ranked_like_every(generate(n, m, seed), top)
    circular = set(ranked.circular_companies)
    left_out = [m for m in ranked.company_metrics if m.id in circular and m.round_trip_capacity is None]
    assert left_out, "nothing was left out: the ranking saved no work"


def test_a_top_of_zero_computes_only_what_the_bounds_settle() -> None:
    d = generate(120, 600, 5)
    ranked, every = ranked_and_every(d, 0)
    assert ranked.round_trip_complete
    assert all(r.round_trip_capacity in (None, e.round_trip_capacity)
               for r, e in zip(ranked.company_metrics, every.company_metrics, strict=True))


def test_a_deadline_says_the_ranking_is_incomplete() -> None:
    d = generate(150, 750, 6)
    ranked, _ = ranked_and_every(d, 10, round_trip_budget=0.0)
    assert not ranked.round_trip_complete


def test_the_command_line_report_is_that_of_the_whole_computation(tmp_path: Path) -> None:
    """``roundtrip analyze`` (ranked) prints what a report of the whole computation prints."""
    from editor.analysis import analyze_for_export
    from editor.cli.analyze import ANALYSIS_SHARE, CLI_TIME_BUDGET, LOOP_SHARE, ROUND_TRIP_SHARE
    from editor.io.formats import read_any, write_any

    path = tmp_path / "deals.csv"
    write_any(generate(400, 2000, 7), path, analyze=analyze_for_export)
    out = subprocess.run([sys.executable, "-m", "editor", "analyze", str(path)], capture_output=True,
                         text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    diagram, _ = read_any(path, place=False)
    clear_cache()
    every = analyze(diagram.snapshot(), time_budget=LOOP_SHARE * CLI_TIME_BUDGET,
                    round_trip_budget=ROUND_TRIP_SHARE * CLI_TIME_BUDGET,
                    budget=ANALYSIS_SHARE * CLI_TIME_BUDGET)
    clear_cache()
    assert every.round_trip_complete
    assert out.stdout == text_report(every, diagram, str(path))
