"""``roundtrip analyze``: a readable report or one JSON object on stdout."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from editor.analysis.engine import AnalysisResult, analyze
from editor.cli.errors import CliError
from editor.io.formats import read_any
from editor.model import Diagram
from editor.model.amounts import report_amount

#: The command line is not interactive: give the loop search more time than the GUI.
CLI_TIME_BUDGET = 10.0


def _check_args(args: argparse.Namespace) -> None:
    if args.max_loops < 0:
        raise CliError(f"--max-loops: expected 0 (no cap) or a positive number, got {args.max_loops}")
    if args.max_length < 2:
        raise CliError(f"--max-length: a loop has at least 2 companies, got {args.max_length}")


def run_analyze(args: argparse.Namespace) -> int:
    _check_args(args)
    # the report is the output (reading notes are not repeated); nothing is drawn: no layout
    diagram, _notes = read_any(args.path, place=False)
    through = None
    if args.through is not None:
        company = diagram.find_company(args.through)
        if company is None:
            raise CliError(f"--through: no company named {args.through!r} in {args.path}")
        through = company.id
    result = analyze(diagram.snapshot(), max_loops=args.max_loops, max_length=args.max_length,
                     through=through, time_budget=CLI_TIME_BUDGET)
    if args.json:
        json.dump(to_json(result, diagram), sys.stdout, ensure_ascii=False, indent=1)
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
    return {
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
        "circular_companies": sorted(keys[cid] for cid in result.circular_companies),
        "metrics": {
            "total_amount": result.totals.total_amount,
            "circulating_amount": result.circulating_amount,
            "circular_share": share if share is not None else 0.0,
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


# ----------------------------------------------------------------------- text
def text_report(result: AnalysisResult, diagram: Diagram, path: str, top: int = 10) -> str:
    unit = result.unit
    lines = [f"{diagram.metadata.title or Path(path).name}",
             f"{result.companies} companies, {result.flows} flows "
             f"({result.totals.unknown_amount_flows} without an amount); amounts in {unit}", ""]
    share = result.circular_share
    lines.append(f"Total known amount:  {report_amount(result.totals.total_amount)} {unit}")
    lines.append(f"Circulating amount:  {report_amount(result.circulating_amount)} {unit}"
                 + (f"  ({share:.1%} of the total)" if share is not None else ""))
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
    if result.loops_timed_out:
        more = " (search stopped by its time budget: the list may miss loops)"
    lines.append(f"Loops{through}, largest bottleneck first: {len(result.loops)} listed{more}")
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
    return "\n".join(lines) + "\n"
