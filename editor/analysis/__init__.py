"""Pure analysis functions: graph in, plain result data out. No Qt.

Entry point: :func:`analyze` (used by the GUI worker and ``roundtrip analyze``).
Smaller pieces: :class:`CompanyGraph`, :func:`find_loops`, :func:`max_circulation`,
:func:`round_trip_capacities`, :func:`pattern_name`, :func:`date_ordered`.
"""
from editor.analysis import loop_reuse
from editor.analysis.circulation import Circulation, max_circulation
from editor.analysis.engine import (
    DEFAULT_TIME_BUDGET, AnalysisResult, analyze, analyze_for_export, circular_groups,
)
from editor.analysis.graph import CompanyGraph, Step
from editor.analysis.loops import Loop, build_loop, date_ordered
from editor.analysis.metrics import CompanyMetrics, Totals, company_metrics, totals
from editor.analysis.roundtrip import round_trip_capacities
from editor.analysis.patterns import PATTERN_RULES, TYPE_CLASSES, PatternRule, classify_type, pattern_name
from editor.analysis.search import RawLoop, SearchResult, find_loops, rank_key

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
