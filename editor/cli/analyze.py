"""``roundtrip analyze``: a readable report or one JSON object on stdout."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from editor.analysis.engine import AnalysisResult
from editor.analysis.temporal import parse_date_bound
from editor.analysis.timed import TimedResult, analyze_timed, period_text
from editor.cli.errors import CliError
from editor.io.formats import read_any
from editor.model import Diagram
from editor.model.amounts import report_amount

#: The command line is not interactive: give the analysis more time than the GUI. The budget is
#: shared: the round-trip capacities get 40 % of it and the loop search 30 %; describing the loops
#: found (patterns, dates) stops at 90 % (the rest are left out, and the report says so), leaving
#: the rest for writing the report.
CLI_TIME_BUDGET = 10.0
ROUND_TRIP_SHARE, LOOP_SHARE, ANALYSIS_SHARE = 0.4, 0.3, 0.9
#: ``--max-loops 0`` (no cap) still lists at most this many loops: 5,000/50,000 would otherwise
#: write hundreds of MB of JSON and describe every loop. The report says the list was cut short.
CLI_MAX_LOOPS = 5_000
#: What the report says of a figure the budget left no time for.
TOO_LARGE = "not computed: the map is too large for the time budget"
#: The report lists this many companies by round-trip ratio: only the capacities that decide
#: them are computed (the JSON output has every company's).
REPORT_TOP = 10


def _check_args(args: argparse.Namespace) -> None:
    if args.max_loops < 0:
        raise CliError(f"--max-loops: expected 0 (no cap) or a positive number, got {args.max_loops}")
    if args.max_length < 2:
        raise CliError(f"--max-length: a loop has at least 2 companies, got {args.max_length}")
    check_period(args)
    if args.within is not None and args.within < 0:
        raise CliError(f"--within: expected 0 or more days, got {args.within}")
    if args.within is not None and not args.date_ordered:
        raise CliError("--within bounds date-ordered loops: give it with --date-ordered")


def check_period(args: argparse.Namespace) -> None:
    """--from / --to: dates YYYY, YYYY-MM or YYYY-MM-DD, --from not after --to."""
    first = None if args.date_from is None else parse_date_bound(args.date_from, "--from")
    last = None if args.date_to is None else parse_date_bound(args.date_to, "--to")
    if first is not None and last is not None and first > last:
        raise CliError(f"--from {args.date_from} is after --to {args.date_to}")


def run_analyze(args: argparse.Namespace) -> int:
    _check_args(args)
    # the report is the output (reading notes are not repeated); nothing is drawn: no layout
    diagram, _notes = read_any(args.path, place=False, decimal_mark=getattr(args, "decimal_mark", None))
    through = None
    if args.through is not None:
        company = diagram.find_company(args.through)
        if company is None:
            raise CliError(f"--through: no company named {args.through!r} in {args.path}")
        through = company.id
    max_loops = args.max_loops if 0 < args.max_loops <= CLI_MAX_LOOPS else CLI_MAX_LOOPS
    result = analyze_timed(diagram.snapshot(), period_from=args.date_from, period_to=args.date_to,
                           date_ordered=args.date_ordered, within_days=args.within,
                           max_loops=max_loops, max_length=args.max_length,
                           through=through, time_budget=LOOP_SHARE * CLI_TIME_BUDGET,
                           round_trip_budget=ROUND_TRIP_SHARE * CLI_TIME_BUDGET,
                           budget=ANALYSIS_SHARE * CLI_TIME_BUDGET,
                           round_trips_top=None if args.json else REPORT_TOP)
    if args.json:
        data = to_json(result, diagram)
        if max_loops != args.max_loops and result.loops_truncated:
            data["loops_cap"] = CLI_MAX_LOOPS
        # Written piece by piece (iterencode), never built as one string in memory.
        for chunk in json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(data):
            sys.stdout.write(chunk)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text_report(result, diagram, args.path))
    return 0


# ----------------------------------------------------------------------- JSON
def _type_names(diagram: Diagram) -> dict[str, str]:
    return {t.id: t.name for t in diagram.flow_types()}


def _company_keys(result: AnalysisResult) -> dict[str, str]:
    """JSON key of each company: its name, or "name (id)" when two share a name."""
    counts: dict[str, int] = {}
    for m in result.company_metrics:
        counts[m.name] = counts.get(m.name, 0) + 1
    return {m.id: m.name if counts[m.name] == 1 else f"{m.name} ({m.id})" for m in result.company_metrics}


def to_json(result: AnalysisResult, diagram: Diagram) -> dict[str, Any]:
    names = _type_names(diagram)
    keys = _company_keys(result)
    share = result.circular_share
    out: dict[str, Any] = {
        "companies": result.companies,
        "flows": result.flows,
        "unit": result.unit,
        "loops": [{
            "companies": list(loop.company_names),
            "company_ids": list(loop.company_ids),
            "bottleneck": loop.bottleneck,
            "partial": loop.partial,
            "pattern": loop.pattern,
            "date_ordered": loop.date_ordered,
            "sourced": loop.sourced,
            "unsourced_steps": loop.unsourced_steps,
            "flow_ids": list(loop.flow_ids),
        } for loop in result.loops],
        "loops_truncated": result.loops_truncated,
        "loops_timed_out": result.loops_timed_out,
        "round_trip_complete": result.round_trip_complete,
        "skipped_for_time": list(result.skipped),
        "circular_companies": sorted(keys[cid] for cid in result.circular_companies),
        "metrics": {
            "total_amount": result.totals.total_amount,
            # null, not 0, when the budget ran out before the circulation ("skipped_for_time")
            "circulating_amount": result.circulating_amount if result.circulation_computed else None,
            "circular_share": share if share is not None or not result.circulation_computed else 0.0,
            "unknown_amount_flows": result.totals.unknown_amount_flows,
            "by_type": {names.get(t, t): a for t, a in result.totals.by_type},
            "companies": {keys[m.id]: {
                "inflow": m.inflow,
                "outflow": m.outflow,
                "net": m.net,
                "round_trip_capacity": m.round_trip_capacity,
                "round_trip_ratio": m.round_trip_ratio,
                "valuation_multiple": m.valuation_multiple,
                "unknown_in": m.unknown_in,
                "unknown_out": m.unknown_out,
            } for m in result.company_metrics},
        },
    }
    if isinstance(result, TimedResult) and result.period is not None:
        p = result.period
        out["period"] = {"from": p.start, "to": p.end, "flows_left_out": p.flows_left_out,
                         "flows_outside": p.flows_outside}
    if isinstance(result, TimedResult) and result.date_ordered_only:
        out["date_ordered_only"] = {"within_days": result.window_days,
                                    "readings": [list(d.reading) for d in result.readings]}
    return out


# ----------------------------------------------------------------------- text
def text_report(result: AnalysisResult, diagram: Diagram, path: str, top: int = REPORT_TOP) -> str:
    unit = result.unit
    lines = [f"{diagram.metadata.title or Path(path).name}",
             f"{result.companies} companies, {result.flows} flows "
             f"({result.totals.unknown_amount_flows} without an amount); amounts in {unit}"]
    if isinstance(result, TimedResult) and result.period is not None:
        p = result.period
        lines.append(f"Period {period_text(p)}: {p.flows_kept} flows kept, "
                     f"{p.flows_outside} dated outside it and {p.flows_left_out} undated left out")
    lines.append("")
    share = result.circular_share
    lines.append(f"Total known amount:  {report_amount(result.totals.total_amount)} {unit}")
    if result.circulation_computed:
        lines.append(f"Circulating amount:  {report_amount(result.circulating_amount)} {unit}"
                     + (f"  ({share:.1%} of the total)" if share is not None else ""))
    else:
        lines.append(f"Circulating amount:  {TOO_LARGE}")
    lines.append(f"Companies in loops:  {len(result.circular_companies)} of {result.companies}")
    names = _type_names(diagram)
    if result.totals.by_type:
        lines.append("By flow type:")
        for t, a in result.totals.by_type:
            lines.append(f"  {names.get(t, t):<32} {report_amount(a)}")
    lines.append("")
    through = ""
    if result.through is not None:
        m = result.metrics_of(result.through)
        through = f" through {m.name if m else result.through}"
    more = " (list cut short: more loops exist)" if result.loops_truncated else ""
    if result.loops_truncated and result.max_loops == CLI_MAX_LOOPS:
        more = f" (at most {CLI_MAX_LOOPS:,} are listed: more loops exist)"
    if result.loops_timed_out:
        more = " (search stopped by its time budget: the list may miss loops)"
    if "loops" in result.skipped:
        more = f" ({TOO_LARGE})"
    kind = "Loops"
    if isinstance(result, TimedResult) and result.date_ordered_only:
        window = result.window_days
        kind = "Date-ordered loops" + ("" if window is None else f" within {window} days")
    lines.append(f"{kind}{through}, largest bottleneck first: {len(result.loops)} listed{more}")
    for n, loop in enumerate(result.loops, 1):
        route = " -> ".join(loop.company_names + loop.company_names[:1])
        flags = [loop.pattern]
        if loop.date_ordered:
            flags.append("date-ordered")
        if not loop.sourced:
            flags.append(f"{loop.unsourced_steps} unsourced step(s)")
        if loop.partial:
            flags.append("some amounts unknown")
        lines.append(f"{n:>4}. {report_amount(loop.bottleneck):>10}  {route}  [{', '.join(flags)}]")
    if not result.loops:
        lines.append("      none")
    lines.append("")
    ranked = sorted((m for m in result.company_metrics if m.round_trip_ratio),
                    key=lambda m: (-(m.round_trip_ratio or 0.0), m.name.casefold()))[:top]
    lines.append("Companies by round-trip ratio (share of what they pay out that can come back):")
    for m in ranked:
        lines.append(f"  {m.name:<30} {m.round_trip_ratio:7.1%}   capacity "
                     f"{report_amount(m.round_trip_capacity)} of outflow {report_amount(m.outflow)}")
    if not ranked:
        lines.append("  none")
    if not result.round_trip_complete:
        lines.append(f"  (round-trip capacities of some companies were not computed within "
                     f"{ROUND_TRIP_SHARE * CLI_TIME_BUDGET:g} s)")
    return "\n".join(lines) + "\n"
