"""The analysis: a snapshot in, plain frozen result data out. No Qt.

Entry point: :func:`analyze` (used by the GUI worker and ``roundtrip analyze``).
Smaller pieces: :class:`CompanyGraph`, :func:`find_loops`, :func:`max_circulation`,
:func:`round_trip_capacities`, :func:`pattern_name`, :func:`date_ordered`.

The results depend only on the snapshot and the arguments, but the functions
are not free of state. What a process keeps between calls, all of it only to
answer faster after an edit, and all of it thread-safe:

* ``circulation.CACHE``: per circular component (keyed by a digest of its company
  ids, steps and amounts), its maximum circulation and its round-trip
  capacities; the 64 least recently used components are kept, for the life of
  the process.
* ``cuts.PREVIOUS``: the last complete round-trip result of the 4 most recently
  analysed components, with their minimum cuts, to bound capacities after an edit.
* ``loop_reuse``: the last ranked loop search of the 4 most recently analysed
  diagrams, reused when an edit cannot change the list.
* ``loops``: pattern names and date ordinals already worked out (up to 20,000 each, then
  started afresh).
* a :class:`CompanyGraph` keeps its circular components on itself (for its own life).

``circulation.clear_cache()`` forgets the first three (tests and benchmarks do).

**Helper process** (:mod:`editor.analysis.flow_helper`): off by default. A
long-lived process that analyses again and again (the app's analysis process,
the benchmarks) calls ``flow_helper.allow()``; from then on, the first
component needing at least ``roundtrip.HELPER_MIN`` maximum flows starts one
second process in the background (spawned, low priority), and once it is ready
later analyses hand it part of those flows. It stops with ``flow_helper.stop()``,
when it breaks or hangs (then the flows are done in the calling process), or by
itself when the process that started it ends. The command line never allows it.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names below are imported on first use (see __getattr__)
    from editor.analysis import loop_reuse
    from editor.analysis.circulation import Circulation, max_circulation
    from editor.analysis.engine import (
        DEFAULT_TIME_BUDGET,
        AnalysisResult,
        analyze,
        analyze_for_export,
        circular_groups,
    )
    from editor.analysis.graph import CompanyGraph, Step
    from editor.analysis.loops import Loop, build_loop, date_ordered
    from editor.analysis.metrics import CompanyMetrics, Totals, company_metrics, totals
    from editor.analysis.patterns import PATTERN_RULES, TYPE_CLASSES, PatternRule, classify_type, pattern_name
    from editor.analysis.roundtrip import round_trip_capacities
    from editor.analysis.search import RawLoop, SearchResult, find_loops, rank_key

#: Where each public name lives: importing ``editor.analysis`` (or a light module of it, such as
#: ``editor.analysis.glossary``) costs nothing until a name is used.
_WHERE = {
    "loop_reuse": "editor.analysis.loop_reuse",
    "Circulation": "editor.analysis.circulation", "max_circulation": "editor.analysis.circulation",
    "DEFAULT_TIME_BUDGET": "editor.analysis.engine", "AnalysisResult": "editor.analysis.engine",
    "analyze": "editor.analysis.engine", "analyze_for_export": "editor.analysis.engine",
    "circular_groups": "editor.analysis.engine",
    "CompanyGraph": "editor.analysis.graph", "Step": "editor.analysis.graph",
    "Loop": "editor.analysis.loops", "build_loop": "editor.analysis.loops",
    "date_ordered": "editor.analysis.loops",
    "CompanyMetrics": "editor.analysis.metrics", "Totals": "editor.analysis.metrics",
    "company_metrics": "editor.analysis.metrics", "totals": "editor.analysis.metrics",
    "PATTERN_RULES": "editor.analysis.patterns", "TYPE_CLASSES": "editor.analysis.patterns",
    "PatternRule": "editor.analysis.patterns", "classify_type": "editor.analysis.patterns",
    "pattern_name": "editor.analysis.patterns",
    "round_trip_capacities": "editor.analysis.roundtrip",
    "RawLoop": "editor.analysis.search", "SearchResult": "editor.analysis.search",
    "find_loops": "editor.analysis.search", "rank_key": "editor.analysis.search",
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(where)
    value = module if name == "loop_reuse" else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


__all__ = [
    "DEFAULT_TIME_BUDGET",
    "PATTERN_RULES",
    "TYPE_CLASSES",
    "AnalysisResult",
    "Circulation",
    "CompanyGraph",
    "CompanyMetrics",
    "Loop",
    "PatternRule",
    "RawLoop",
    "SearchResult",
    "Step",
    "Totals",
    "analyze",
    "analyze_for_export",
    "build_loop",
    "circular_groups",
    "classify_type",
    "company_metrics",
    "date_ordered",
    "find_loops",
    "loop_reuse",
    "max_circulation",
    "pattern_name",
    "rank_key",
    "round_trip_capacities",
    "totals",
]
