"""Loops as handed to the panels and the command line, with their annotations.

* **Bottleneck**: the smallest step amount of the loop; unknown (None) when
  a step has no known amount. A step with some unknown flows counts with the
  sum of its known ones; the loop is then ``partial``.
* **Pattern**: see :mod:`editor.analysis.patterns`; a step's type is the type
  of its largest known flow (the first flow when none is known).
* **Date-ordered**: the loop can be gone round, starting at any company, with
  one flow per step and dates that never decrease (within ``window_days`` of
  the first, if given). Partial dates ('2025', '2025-09') stand for the first
  day of their period. A step without any dated flow makes the loop not
  date-ordered.
* **Sourced**: every flow of the loop has a source link (``url``);
  ``unsourced_steps`` counts the steps with at least one flow without one.
"""
from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from editor.analysis.graph import CompanyGraph, Step
from editor.analysis.patterns import PatternRule, pattern_name
from editor.analysis.search import RawLoop
from editor.model import date_key


@dataclass(frozen=True)
class Loop:
    company_ids: tuple[str, ...]     # starting at the first company by name
    company_names: tuple[str, ...]
    steps: tuple[Step, ...]          # steps[i]: company i -> company i + 1 (the last goes back)
    bottleneck: float | None
    partial: bool                    # a step has flows with unknown amounts besides known ones
    pattern: str
    date_ordered: bool
    sourced: bool
    unsourced_steps: int

    @property
    def length(self) -> int:
        return len(self.company_ids)

    @property
    def flow_ids(self) -> tuple[str, ...]:
        return tuple(f for s in self.steps for f in s.flow_ids)


def step_type(g: CompanyGraph, step: Step) -> str:
    best, most = None, 0.0
    for fid in step.flow_ids:
        f = g.flows[fid]
        if f.amount is not None and (best is None or f.amount > most):
            best, most = f, f.amount
    return (best or g.flows[step.flow_ids[0]]).type


def _ordinal(key: tuple[int, int, int]) -> int:
    return datetime.date(*key).toordinal()


def date_ordered(step_dates: Sequence[Sequence[int]], window_days: int | None = None) -> bool:
    """Whether one date per step (day ordinals) can be picked non-decreasing round the loop."""
    if not step_dates or any(not d for d in step_dates):
        return False
    sorted_dates = [sorted(d) for d in step_dates]
    n = len(sorted_dates)
    for r in range(n):
        for first in sorted_dates[r]:
            last = first
            ok = True
            for k in range(1, n):
                later = [d for d in sorted_dates[(r + k) % n] if d >= last]
                if not later:
                    ok = False
                    break
                last = later[0]
            if ok and (window_days is None or last - first <= window_days):
                return True
    return False


#: Pattern names and date ordinals are remembered across analyses (an edit
#: rarely changes them); beyond this many entries the memory starts afresh.
MEMO_SIZE = 20_000
_patterns: dict[tuple, str] = {}
_ordinals: dict[str, int | None] = {}


def _date_ordinal(date: str) -> int | None:
    try:
        return _ordinals[date]
    except KeyError:
        if len(_ordinals) >= MEMO_SIZE:
            _ordinals.clear()
        key = date_key(date)
        value = _ordinals[date] = None if key is None else _ordinal(key)
        return value


def _pattern(types: tuple[str, ...], type_names: dict[str, str],
             extra_rules: tuple[PatternRule, ...]) -> str:
    names = tuple(type_names.get(t, t) for t in types)
    key = (types, names, extra_rules)
    name = _patterns.get(key)
    if name is None:
        if len(_patterns) >= MEMO_SIZE:
            _patterns.clear()
        name = _patterns[key] = pattern_name(types, names, extra_rules)
    return name


def _type_names(g: CompanyGraph) -> dict[str, str]:
    names = getattr(g, "_type_names", None)
    if names is None:
        names = g._type_names = {t.id: t.name for t in g.snapshot.flow_types}
    return names


def build_loop(g: CompanyGraph, raw: RawLoop, *, window_days: int | None = None,
               extra_rules: Iterable[PatternRule] = ()) -> Loop:
    steps = tuple(g.steps[e] for e in raw.steps)
    types = tuple(step_type(g, s) for s in steps)
    dates = []
    for s in steps:
        ords = (_date_ordinal(g.flows[f].date) for f in s.flow_ids)
        dates.append([d for d in ords if d is not None])
    unsourced = sum(1 for s in steps if any(not g.flows[f].url.strip() for f in s.flow_ids))
    return Loop(
        company_ids=tuple(g.companies[i].id for i in raw.nodes),
        company_names=g.names(raw.nodes),
        steps=steps,
        bottleneck=raw.bottleneck,
        partial=any(s.partial for s in steps),
        pattern=_pattern(types, _type_names(g), tuple(extra_rules)),
        date_ordered=date_ordered(dates, window_days),
        sourced=unsourced == 0,
        unsourced_steps=unsourced,
    )
