"""``roundtrip stress``: who cannot pay when money falls short (docs/stress.md).

    roundtrip stress PATH [--obligations all|due] [--assets NAME=AMOUNT]...
                          [--shock NAME=FRACTION]... [--json]
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

from editor.analysis.stress import CAVEAT, StressResult, run_stress
from editor.cli.errors import CliError
from editor.io.formats import read_any
from editor.model import Company, Diagram
from editor.model.amounts import report_amount as fmt_amount


def company_keys(companies: tuple[Company, ...] | list[Company]) -> dict[str, str]:
    """JSON key of each company, as ``roundtrip analyze`` gives them: its name, or "name (id)" when
    two share a name."""
    counts: dict[str, int] = {}
    for c in companies:
        counts[c.name] = counts.get(c.name, 0) + 1
    return {c.id: c.name if counts[c.name] == 1 else f"{c.name} ({c.id})" for c in companies}


def _find(diagram: Diagram, keys: dict[str, str], name: str, option: str, path: str) -> str:
    """The id of the company ``name`` names: its key, its name (case-insensitive, when only one has it)
    or its id."""
    exact = [cid for cid, key in keys.items() if key == name]
    if exact:
        return exact[0]
    folded = name.casefold().strip()
    matches = [c.id for c in diagram.companies() if c.name.casefold().strip() == folded]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        choices = ", ".join(repr(keys[m]) for m in matches)
        raise CliError(f"{option}: {len(matches)} companies are named {name!r}; write one of {choices}")
    if name in keys:  # a company id
        return name
    raise CliError(f"{option}: no company named {name!r} in {path}")


def _pairs(diagram: Diagram, keys: dict[str, str], items: list[str] | None, option: str, path: str,
           what: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in items or []:
        name, sep, text = item.rpartition("=")
        if not sep or not name.strip() or not text.strip():
            raise CliError(f"{option}: expected NAME={what.upper()}, got {item!r}")
        try:
            value = float(text.strip().replace(",", "").replace("_", ""))
        except ValueError:
            raise CliError(f"{option}: {what} for {name!r} is not a number: {text.strip()!r}") from None
        if not math.isfinite(value):
            raise CliError(f"{option}: {what} for {name!r} must be a finite number, got {text.strip()!r}")
        if what == "amount" and value < 0:
            raise CliError(f"{option}: the amount for {name!r} must not be negative, got {text.strip()}")
        if what == "fraction" and not 0.0 <= value <= 1.0:
            raise CliError(f"{option}: the fraction for {name!r} must be between 0 and 1, "
                             f"got {text.strip()}")
        out[_find(diagram, keys, name.strip(), option, path)] = value
    return out


def run_stress_command(args: Any) -> int:
    diagram, _notes = read_any(args.path, place=False)  # nothing is drawn
    keys = company_keys(diagram.companies())
    assets = _pairs(diagram, keys, args.assets, "--assets", args.path, "amount")
    shocks = _pairs(diagram, keys, args.shock, "--shock", args.path, "fraction")
    result = run_stress(diagram.snapshot(), args.obligations, assets, shocks)
    if args.json:
        json.dump(to_json(result, keys), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text_report(result, diagram, keys, args.path))
    return 0


def to_json(result: StressResult, keys: dict[str, str]) -> dict[str, Any]:
    return {
        "companies": {keys[c.id]: {
            "assets": c.assets,
            "owed": c.owed,
            "paid": c.paid,
            "received": c.received,
            "shortfall": c.shortfall,
            "defaulted": c.defaulted,
            "round": c.round,
        } for c in result.companies},
        "flows": [{"id": f.id, "source": keys[f.source], "target": keys[f.target],
                   "due": f.due, "paid": f.paid} for f in result.flows],
        "defaulted": [keys[cid] for cid in result.defaulted],
        "rounds": result.rounds,
        "total_shortfall": result.total_shortfall,
    }


def text_report(result: StressResult, diagram: Diagram, keys: dict[str, str], path: str) -> str:
    unit = diagram.metadata.unit
    counted = "every flow with an amount" if result.obligations == "all" else \
        "flows still due (committed, announced, unconfirmed)"
    lines = [f"{diagram.metadata.title or Path(path).name}: stress test",
             f"Obligations: {counted}; {len(result.flows)} flows, {fmt_amount(result.total_owed)} {unit} owed"
             + (f"; {len(result.unknown_amount_flows)} flows without an amount left out"
                if result.unknown_amount_flows else ""), ""]
    by_id = {c.id: c for c in result.companies}
    if result.defaulted:
        lines.append(f"Companies that default, in domino order ({result.rounds} round"
                     f"{'s' if result.rounds != 1 else ''}):")
        for cid in result.defaulted:
            c = by_id[cid]
            rate = f"{c.recovery_rate:.0%}" if c.recovery_rate is not None else "-"
            lines.append(f"  round {c.round}: {keys[cid]:<28} owes {fmt_amount(c.owed):>9}, "
                         f"pays {fmt_amount(c.paid):>9} ({rate}), unpaid {fmt_amount(c.shortfall)}")
    else:
        lines.append("No company defaults: everyone can pay what it owes.")
    lines.append("")
    share = result.total_shortfall / result.total_owed if result.total_owed else 0.0
    lines.append(f"Total unpaid: {fmt_amount(result.total_shortfall)} {unit} "
                 f"({share:.1%} of {fmt_amount(result.total_owed)} owed)")
    lines.append(CAVEAT)
    return "\n".join(lines) + "\n"
