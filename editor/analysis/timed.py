"""The analysis of a period, and with date-ordered loops only: :func:`analyze_timed`.

One entry point for the command line and the app's analysis worker:

* a period (``period_from`` / ``period_to``, each ``YYYY``, ``YYYY-MM`` or
  ``YYYY-MM-DD``, either open) keeps only the flows dated within it
  (:func:`editor.analysis.temporal.period_filter`) before anything is computed,
  so the loops and metrics are those of the flows in range;
* ``date_ordered=True`` lists the date-ordered loops found by
  :func:`editor.analysis.temporal.find_date_ordered_loops` (a search that uses
  the dates while it walks), with ``within_days`` bounding the span from the
  first to the last deal of a loop. Circulation and metrics stay those of all
  the flows (in range).

Without a period and without ``date_ordered`` it is :func:`editor.analysis.analyze`
itself. No Qt.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, fields
from typing import Any

from editor.analysis.engine import DEFAULT_TIME_BUDGET, AnalysisResult, analyze, whole_budget
from editor.analysis.graph import CompanyGraph
from editor.analysis.loops import Loop
from editor.analysis.temporal import (
    DatedLoop,
    DatedSearchResult,
    PeriodInfo,
    find_date_ordered_loops,
    period_filter,
)
from editor.model import ModelError, Snapshot
from editor.model.texts import msg


@dataclass(frozen=True)
class TimedResult(AnalysisResult):
    """An analysis of a period and/or with date-ordered loops only."""

    period: PeriodInfo | None = None                 # None: every flow
    date_ordered_only: bool = False
    window_days: int | None = None                   # the "within N days" of date-ordered loops
    readings: tuple[DatedLoop, ...] = ()             # per listed loop when date_ordered_only


def analyze_timed(snapshot: Snapshot, *, period_from: str | None = None, period_to: str | None = None,
                  date_ordered: bool = False, within_days: int | None = None,
                  **options: Any) -> AnalysisResult:
    """:func:`editor.analysis.analyze` of the flows within the period, with the date-ordered
    loops only when asked. ``options`` are :func:`analyze`'s (max_loops, max_length, through,
    time_budget, round_trip_budget)."""
    if within_days is not None and within_days < 0:
        raise ModelError(msg("within: expected 0 or more days, got {days}", days=within_days))
    period_from = period_from or None
    period_to = period_to or None
    if period_from is None and period_to is None and not date_ordered:
        return analyze(snapshot, **options)
    t0 = time.perf_counter()
    kept, info = period_filter(snapshot, period_from, period_to)
    period = info if (period_from is not None or period_to is not None) else None
    budget = whole_budget(options.get("time_budget", DEFAULT_TIME_BUDGET), options.get("round_trip_budget"),
                          options.pop("budget", None))
    if budget is not None:                  # the period's filtering counts in the budget
        budget = max(budget - (time.perf_counter() - t0), 0.0)
    dated: list[DatedSearchResult] = []

    def search(g: CompanyGraph, seconds: float) -> tuple[tuple[Loop, ...], bool, bool]:
        """The date-ordered loops instead of the ranked ones, on the analysis's own graph."""
        found = find_date_ordered_loops(
            g, max_loops=options.get("max_loops", 100), max_length=options.get("max_length", 12),
            through=options.get("through"), within_days=within_days, time_budget=seconds)
        dated.append(found)
        return found.loops, found.truncated, found.timed_out

    result = analyze(kept, window_days=within_days, budget=budget,
                     loop_search=search if date_ordered else None, **options)
    values = {f.name: getattr(result, f.name) for f in fields(AnalysisResult)}
    readings = dated[0].dated_loops if dated else ()
    return TimedResult(**values, period=period, date_ordered_only=date_ordered,
                       window_days=within_days if date_ordered else None, readings=readings)


def period_note(result: object) -> str:
    """"2025-09 to 2025-12 (31 of 47 flows)" for the result of a period, else ""."""
    info = getattr(result, "period", None)
    if not isinstance(info, PeriodInfo):
        return ""
    total = info.flows_kept + info.flows_outside + info.flows_left_out
    return msg("{period} ({kept} of {total} flows)", period=period_text(info), kept=info.flows_kept,
               total=total)


def period_text(info: PeriodInfo) -> str:
    """"2025-09 to 2025-12", "from 2025-09", "until 2025-12"."""
    if info.start and info.end:
        return msg("{start} to {end}", start=info.start, end=info.end)
    if info.start:
        return msg("from {start}", start=info.start)
    return msg("until {end}", end=info.end) if info.end else msg("all dates")
