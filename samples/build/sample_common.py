"""Helpers shared by the sample builders (no data of their own)."""
from __future__ import annotations

import itertools
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from editor.model import Category, Company, Diagram, Flow, FlowType, Metadata  # noqa: E402

SAMPLES_DIR = ROOT / "editor" / "data" / "samples"  # package data; samples/ links to these
MIN_DISTANCE = 150.0


def flows_from_rows(rows, prefix: str = "f") -> list[Flow]:
    """Flows from tuples (source, target, type, amount, qualifier, date, end_date, status, url, note)."""
    out = []
    for i, (src, dst, typ, amount, qualifier, date, end_date, status, url, note) in enumerate(rows, 1):
        out.append(Flow(f"{prefix}{i:02d}", src, dst, typ, amount, qualifier=qualifier, date=date,
                        end_date=end_date, status=status, url=url, note=note))
    return out


def companies_from_rows(rows) -> list[Company]:
    """Companies from (id, name, category, valuation, valuation date, revenue, revenue period, notes) rows."""
    return [Company(cid, name, cat, valuation=val, valuation_date=vdate, revenue=rev,
                    revenue_period=rperiod, notes=notes)
            for cid, name, cat, val, vdate, rev, rperiod, notes in rows]


def place(companies: list[Company], positions: dict[str, tuple[float, float]]) -> list[Company]:
    """Companies moved to hand-chosen positions; every company must have one."""
    missing = [c.id for c in companies if c.id not in positions]
    if missing:
        raise ValueError(f"no position for: {', '.join(missing)}")
    placed = [c.with_changes(x=float(positions[c.id][0]), y=float(positions[c.id][1])) for c in companies]
    closest = min_distance(placed)
    if closest < MIN_DISTANCE:
        raise ValueError(f"companies closer than {MIN_DISTANCE:g} px: {closest:.0f}")
    return placed


def min_distance(companies) -> float:
    pairs = itertools.combinations(companies, 2)
    return min((math.hypot(a.x - b.x, a.y - b.y) for a, b in pairs), default=math.inf)


def diagram(*, companies, flows, metadata: Metadata, extra_types=(), extra_categories=()) -> Diagram:
    from editor.model import DEFAULT_CATEGORIES, DEFAULT_FLOW_TYPES

    return Diagram.build(companies=companies, flows=flows,
                         flow_types=list(DEFAULT_FLOW_TYPES) + list(extra_types),
                         categories=list(DEFAULT_CATEGORIES) + list(extra_categories),
                         metadata=metadata)


__all__ = ["Category", "Company", "Diagram", "Flow", "FlowType", "Metadata", "SAMPLES_DIR",
           "diagram", "flows_from_rows", "min_distance", "place"]
