"""analyze_timed: the analysis of a period, with the date-ordered loops only when asked."""
from pathlib import Path

import pytest

from editor.analysis import AnalysisResult, analyze
from editor.analysis.temporal import find_date_ordered_loops, period_filter
from editor.analysis.timed import TimedResult, analyze_timed, period_note
from editor.io.native import load
from editor.model import ModelError

AI = Path(__file__).resolve().parents[2] / "editor" / "data" / "samples" / "ai-money-machine-2025.roundtrip"


@pytest.fixture(scope="module")
def ai():
    return load(AI).snapshot()


def test_without_options_it_is_the_plain_analysis(ai):
    r = analyze_timed(ai, max_loops=5)
    assert type(r) is AnalysisResult and len(r.loops) == 5
    assert [x.company_ids for x in r.loops] == [x.company_ids for x in analyze(ai, max_loops=5).loops]


def test_a_period_analyses_the_flows_in_it(ai):
    r = analyze_timed(ai, period_from="2025-09", period_to="2025-10-31")
    kept, info = period_filter(ai, "2025-09", "2025-10-31")
    plain = analyze(kept)
    assert isinstance(r, TimedResult) and r.period == info and r.flows == 23
    assert [x.company_ids for x in r.loops] == [x.company_ids for x in plain.loops]
    assert r.circulating_amount == pytest.approx(plain.circulating_amount)
    assert period_note(r) == "2025-09 to 2025-10-31 (23 of 47 flows)"
    assert period_note(plain) == ""


def test_date_ordered_lists_what_the_search_finds(ai):
    r = analyze_timed(ai, date_ordered=True, within_days=90, max_loops=100)
    found = find_date_ordered_loops(ai, within_days=90)
    assert r.loops == found.loops and len(r.loops) == 6
    assert r.readings == found.dated_loops and r.window_days == 90 and r.period is None
    every = analyze(ai, window_days=90)
    assert {x.company_ids for x in r.loops} == {x.company_ids for x in every.loops if x.date_ordered}
    # circulation and metrics stay those of every flow
    assert r.circulating_amount == pytest.approx(every.circulating_amount)


def test_empty_bounds_mean_no_period_and_bad_ones_are_refused(ai):
    assert type(analyze_timed(ai, period_from="", period_to="")) is AnalysisResult
    with pytest.raises(ModelError):
        analyze_timed(ai, period_from="2025-10", period_to="2025-09")
    with pytest.raises(ModelError):
        analyze_timed(ai, date_ordered=True, within_days=-1)
