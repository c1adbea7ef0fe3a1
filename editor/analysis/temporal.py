"""Time in the analysis: a period filter, and a search for date-ordered loops.

**Period filter** (:func:`period_filter`): the flows dated within an
inclusive period, FROM and TO each ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
A partial date counts as the first day of its period, for the bounds as for
the flows (``--to 2025`` ends on 1 January 2025). Undated flows are left out
(and counted); companies are all kept.

**Date-ordered loops** (:func:`find_date_ordered_loops`): the loops of the
usual loop list (company cycles, one :class:`Loop` per cycle, its steps
holding every flow between two companies) whose deals can be read in date
order, as :func:`editor.analysis.loops.date_ordered` defines it: starting at
some company of the loop, one dated flow per step, each date on or after the
previous one, and with a window of N days, the last date at most N days after
the first. A loop is one result however many of its flow choices and
starting companies read in order: it is listed once, with the same
bottleneck, pattern and flags as in the full list (where it has
``date_ordered`` True), plus one *reading* as a witness (its flows in date
order, from the company where it starts). Undated flows take no part in a
reading; a step with no dated flow is on no date-ordered loop.

How the search uses time while it walks. Going round a loop from any step,
the dates picked per step can be read in order from some company exactly
when they fall (cyclically) at most once, and, with a window, the largest is
at most N days after the smallest. So the walk carries, per date d0 of its
first step, two states: "not fallen yet" (latest date so far; an earlier one
is always better, so the earliest date on or after it is taken) and "fallen
once" (latest date so far, which must stay on or before d0 to close; the
earliest fall within the window is taken). A step with no date fitting
either state is not followed, and a path is dropped as soon as every state is
dead. Loops are ranked as :func:`editor.analysis.search.find_loops` ranks
them (bottleneck, then length, then names) by the same device: steps with a
dated flow are put on an empty map largest amount first, and each new step
brings the date-ordered loops it closes (the ways back from its target to its
source that the walk above allows, pruned by the distance back); the search
stops at the amount at which ``max_loops`` + 1 loops are found, the loops
tied at that amount being taken shortest first. Before counting distances
back, a new step checks from both ends that a way back exists at all (most
steps close nothing). With a window, both follow only the steps with a date
within the window of the new step.
"""
from __future__ import annotations

import bisect
import datetime
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace

from editor.analysis.graph import CompanyGraph
from editor.analysis.loops import Loop, build_loop
from editor.analysis.patterns import PatternRule
from editor.analysis.search import OutOfTime, RawLoop, _distances_back, _rotate, rank_key
from editor.model import ModelError, Snapshot, check_date, date_key
from editor.model.texts import msg

# ------------------------------------------------------------------ period filter


def parse_date_bound(text: str, what: str = "date") -> datetime.date:
    """The day a DATE bound stands for: YYYY, YYYY-MM or YYYY-MM-DD, a partial date being the
    first day of its period. Raises :class:`ModelError` with a clear message otherwise."""
    if not isinstance(text, str) or not text.strip():
        raise ModelError(msg("{what}: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {value}",
                             what=what, value=repr(text)))
    value = text.strip()
    check_date(value, what)
    key = date_key(value)
    assert key is not None      # check_date accepted it
    return datetime.date(*key)


@dataclass(frozen=True)
class PeriodInfo:
    start: str | None            # the bounds as given (stripped); None: open
    end: str | None
    first_day: datetime.date | None
    last_day: datetime.date | None
    flows_kept: int              # dated flows within the period
    flows_outside: int           # dated flows before or after it
    flows_left_out: int          # undated flows (no date to compare)


def period_filter(snapshot: Snapshot, start: str | None, end: str | None) -> tuple[Snapshot, PeriodInfo]:
    """The snapshot with only the flows dated within [start, end] (both inclusive, either None
    for an open end). With no bound at all the snapshot is returned as it is."""
    first = None if start is None else parse_date_bound(start, "from")
    last = None if end is None else parse_date_bound(end, "to")
    if first is not None and last is not None and first > last:
        raise ModelError(msg("the period starts ({start}) after it ends ({end})",
                             start=start.strip(), end=end.strip()))  # type: ignore[union-attr]
    if first is None and last is None:
        return snapshot, PeriodInfo(None, None, None, None, len(snapshot.flows), 0, 0)
    lo = first.toordinal() if first is not None else None
    hi = last.toordinal() if last is not None else None
    kept = []
    outside = undated = 0
    for f in snapshot.flows:
        d = _ordinal(f.date)
        if d is None:
            undated += 1
        elif (lo is None or d >= lo) and (hi is None or d <= hi):
            kept.append(f)
        else:
            outside += 1
    info = PeriodInfo(None if start is None else start.strip(), None if end is None else end.strip(),
                      first, last, len(kept), outside, undated)
    return replace(snapshot, flows=tuple(kept)), info


_ORDINALS: dict[str, int | None] = {}


def _ordinal(date: str) -> int | None:
    """Day number of a (partial) date, None when there is none."""
    try:
        return _ORDINALS[date]
    except KeyError:
        key = date_key(date)
        value = None if key is None else datetime.date(*key).toordinal()
        if len(_ORDINALS) < 20_000:
            _ORDINALS[date] = value
        return value


# ------------------------------------------------------------- date-ordered loops


@dataclass(frozen=True)
class DatedLoop:
    loop: Loop                          # as the full list shows it (``date_ordered`` is True)
    reading: tuple[str, ...]            # flow ids in date order, from the company it starts at
    first_date: str                     # date of the reading's first and last flow
    last_date: str

    @property
    def start(self) -> str:
        """Id of the company the reading starts at."""
        return next(s.source for s in self.loop.steps if self.reading[0] in s.flow_ids)


@dataclass(frozen=True)
class DatedSearchResult:
    dated_loops: tuple[DatedLoop, ...]  # ranked like the full list
    truncated: bool                     # more date-ordered loops exist (or time ran out)
    timed_out: bool                     # the time budget ran out: loops may be missing
    window_days: int | None

    @property
    def loops(self) -> tuple[Loop, ...]:
        return tuple(d.loop for d in self.dated_loops)


class _Dates:
    """Per step: the distinct day numbers of its dated flows (sorted) and one flow id each."""

    def __init__(self, g: CompanyGraph) -> None:
        self.days: list[list[int]] = []
        self.flows: list[list[str]] = []
        for step in g.steps:
            by_day: dict[int, str] = {}
            for fid in step.flow_ids:
                d = _ordinal(g.flows[fid].date)
                if d is not None and d not in by_day:
                    by_day[d] = fid
            days = sorted(by_day)
            self.days.append(days)
            self.flows.append([by_day[d] for d in days])


def _reading(days: list[list[int]], window: int | None) -> tuple[int, list[int]] | None:
    """A witness: (index of the first step, the day picked per step from there), or None."""
    n = len(days)
    for r in range(n):
        for first in days[r]:
            last, picked = first, [first]
            for k in range(1, n):
                ds = days[(r + k) % n]
                i = bisect.bisect_left(ds, last)
                if i == len(ds):
                    break
                last = ds[i]
                picked.append(last)
            else:
                if window is None or last - first <= window:
                    return r, picked
    return None


def _advance(states: list[tuple[int, int | None, int | None]], ds: list[int],
             window: int | None) -> list[tuple[int, int | None, int | None]]:
    """The walk's states after a step with days ``ds``: per first day d0, (d0, latest day if
    the dates have not fallen yet, latest day after the one fall); dead states dropped."""
    out = []
    n = len(ds)
    for d0, a, b in states:
        na = nb = None
        if a is not None:
            i = bisect.bisect_left(ds, a)
            if i < n and (window is None or ds[i] - d0 <= window):
                na = ds[i]
            if i:           # a fall: the earliest day before ``a`` within the window
                j = 0 if window is None else bisect.bisect_left(ds, a - window)
                if j < i and ds[j] <= d0:
                    nb = ds[j]
        if b is not None:
            i = bisect.bisect_left(ds, b)
            if i < n and ds[i] <= d0 and (nb is None or ds[i] < nb):
                nb = ds[i]
        if na is not None or nb is not None:
            out.append((d0, na, nb))
    return out


def _walk(g: CompanyGraph, out: list[list[tuple[int, int]]], days: list[list[int]], e: int,
          dist: list[int], max_len: int, window: int | None, through: int | None,
          via: list[int] | None, deadline: float, into: list[RawLoop], exact: bool = False) -> int:
    """Append the date-ordered loops made of step ``e`` (u -> v) and a way back v -> ... -> u
    over the steps in ``out``, of at most ``max_len`` companies (exactly, if ``exact``);
    returns how many steps were looked at."""
    u, v = g.src[e], g.dst[e]
    # every day of the first step: an earlier one suits the "not fallen" state, a later one
    # the "fallen" state (which must end on or before it); neither is always best
    start: list[tuple[int, int | None, int | None]] = [(d0, d0, None) for d0 in days[e]]
    n_looked = 0
    path = [u, v]
    estack = [e]
    on_path = {u, v}
    through_on = through is None or through in on_path
    stack = [(iter(out[v]), start, through_on)]
    while stack:
        it, states, seen = stack[-1]
        for y, e2 in it:
            n_looked += 1
            if not n_looked & 1023 and time.perf_counter() > deadline:
                raise OutOfTime
            if y != u:
                dy = dist[y]
                if dy < 0 or y in on_path or len(path) + dy > max_len:
                    continue
                if not seen and y != through and (
                        via is None or via[y] < 0 or len(path) + via[y] + dist[through] > max_len):  # type: ignore[index]
                    continue
            nxt = _advance(states, days[e2], window)
            if not nxt:
                continue
            if y == u:
                if seen and (not exact or len(path) == max_len):
                    nodes, steps = _rotate(tuple(path), tuple(estack) + (e2,))
                    amounts = [g.steps[s].amount for s in steps]
                    known = [a for a in amounts if a is not None]
                    into.append(RawLoop(nodes, steps, min(known) if len(known) == len(amounts) else None))
                continue
            path.append(y)
            on_path.add(y)
            estack.append(e2)
            stack.append((iter(out[y]), nxt, seen or y == through))
            break
        else:
            stack.pop()
            if len(path) > 2:
                on_path.discard(path.pop())
                estack.pop()
    return n_looked


def _distances_within(inn: list[list[tuple[int, int, int, int]]], days: list[list[int]], start: int,
                      depth: int, dist: list[int], lo: int, hi: int) -> list[int]:
    """:func:`editor.analysis.search._distances_back` over the steps with a day in [lo, hi]
    only (with a window, the others cannot be on a loop with the step being added).
    ``inn[x]``: (company, step, first day, last day) of the steps into x."""
    dist[start] = 0
    touched = [start]
    frontier = [start]
    d = 0
    while frontier and d < depth:
        d += 1
        nxt = []
        for x in frontier:
            for y, e, first, last in inn[x]:
                if dist[y] < 0 and first <= hi and last >= lo and (
                        first >= lo or last <= hi or _day_within(days[e], lo, hi)):
                    dist[y] = d
                    nxt.append(y)
        touched += nxt
        frontier = nxt
    return touched


def _day_within(ds: list[int], lo: int, hi: int) -> bool:
    i = bisect.bisect_left(ds, lo)
    return i < len(ds) and ds[i] <= hi


class _Search:
    """The map as it grows, one step at a time, and the loops each new step closes."""

    def __init__(self, g: CompanyGraph, days: list[list[int]], max_len: int, window: int | None,
                 through: int | None, deadline: float) -> None:
        self.g, self.days, self.max_len, self.window = g, days, max_len, window
        self.through, self.deadline = through, deadline
        n = g.n
        self.out: list[list[tuple[int, int]]] = [[] for _ in range(n)]    # (target, step), sorted
        self.inn: list[list[int]] = [[] for _ in range(n)]
        self.inn_steps: list[list[tuple[int, int, int, int]]] = [[] for _ in range(n)]
        self.dist = [-1] * n            # steps back to the new step's source (-1: cannot get back)
        self.via = [-1] * n             # steps back to ``through``
        self.same = [0] * n             # no component restriction: the map grows as steps come in

    def add(self, e: int) -> None:
        g, days = self.g, self.days
        u, v = g.src[e], g.dst[e]
        bisect.insort(self.out[u], (v, e))
        self.inn[v].append(u)
        self.inn_steps[v].append((u, e, days[e][0], days[e][-1]))

    def _reaches(self, v: int, u: int, depth: int, lo: int, hi: int) -> bool:
        """Whether a way v -> ... -> u of at most ``depth`` steps with days in [lo, hi] exists:
        a search from both ends, widening the smaller side, so that a step closing nothing
        (the usual case) costs only the smaller of the two neighbourhoods."""
        if u == v:
            return True
        days, out, inn = self.days, self.out, self.inn_steps
        ahead, behind = {v}, {u}
        front, back = [v], [u]
        steps = 0
        while front and back and steps < depth:
            steps += 1
            if len(front) <= len(back):
                nxt = []
                for x in front:
                    for y, e in out[x]:
                        if y not in ahead:
                            ds = days[e]
                            if ds[0] <= hi and ds[-1] >= lo and (ds[0] >= lo or _day_within(ds, lo, hi)):
                                if y in behind:
                                    return True
                                ahead.add(y)
                                nxt.append(y)
                front = nxt
            else:
                nxt = []
                for x in back:
                    for y, e, first, last in inn[x]:
                        if y not in behind and first <= hi and last >= lo and (
                                first >= lo or _day_within(days[e], lo, hi)):
                            if y in ahead:
                                return True
                            behind.add(y)
                            nxt.append(y)
                back = nxt
        return False

    def _back(self, start: int, depth: int, dist: list[int], lo: int, hi: int) -> list[int]:
        if self.window is None:
            return _distances_back(self.inn, self.same, 0, -1, start, depth, dist)
        return _distances_within(self.inn_steps, self.days, start, depth, dist, lo, hi)

    def close(self, e: int, into: list[RawLoop], exact: int | None = None) -> None:
        """Append the date-ordered loops through ``e`` over the steps added so far, of at most
        ``max_len`` companies (exactly ``exact`` if given)."""
        if time.perf_counter() > self.deadline:
            raise OutOfTime
        g, days, window, x = self.g, self.days, self.window, self.through
        u, v = g.src[e], g.dst[e]
        bound = exact or self.max_len
        if window is None:
            lo, hi = -1, 1 << 30        # day numbers of years 1 to 9999 lie within
        else:
            lo, hi = days[e][0] - window, days[e][-1] + window
        if not self._reaches(v, u, bound - 1, lo, hi):
            return
        dist, via = self.dist, self.via
        touched = self._back(u, bound - 1, dist, lo, hi)
        touched_x: list[int] = []
        if dist[v] > 0:
            if x is not None and x not in (u, v):
                touched_x = self._back(x, bound - 2, via, lo, hi)
            if x is None or x in (u, v) or dist[x] > 0:
                _walk(g, self.out, days, e, dist, bound, window, x, via, self.deadline, into,
                      exact is not None)
        for y in touched:
            dist[y] = -1
        for y in touched_x:
            via[y] = -1

    def by_length(self, tied: list[int], into: list[RawLoop], cap: int) -> None:
        """Append the loops through the ``tied`` steps (all added, one amount: the smallest so
        far), shortest first, then by name, until ``into`` holds ``cap``."""
        for k in range(2, self.max_len + 1):
            batch: dict[tuple[int, ...], RawLoop] = {}
            for e in tied:
                found: list[RawLoop] = []
                self.close(e, found, exact=k)
                for raw in found:           # a loop through several tied steps comes once each
                    batch[raw.steps] = raw
            into.extend(sorted(batch.values(), key=rank_key)[:cap - len(into)])
            if len(into) >= cap:
                return


def find_date_ordered_loops(source: Snapshot | CompanyGraph, *, max_loops: int = 100, max_length: int = 12,
                            through: str | None = None, within_days: int | None = None,
                            time_budget: float = 2.0, extra_rules: Iterable[PatternRule] = ()
                            ) -> DatedSearchResult:
    """The ``max_loops`` best date-ordered loops (0: no cap) of at most ``max_length`` companies.

    A result is a loop as the full list has it: a cycle of distinct companies
    (written from the first by name), each step all the flows from one to
    the next. It is listed, once, when there are a starting company on it and
    one *dated* flow per step, going round from there, whose dates never
    decrease, the last at most ``within_days`` days after the first when a
    window is given (partial dates: first day of their period). Other
    choices of parallel flows or starting companies that also read in order
    are the same loop (one :class:`DatedLoop`, with one of them as its
    ``reading``), exactly as :func:`editor.analysis.loops.date_ordered`
    marks one company cycle: so these are the loops of the full list with
    ``date_ordered`` True, with the same bottleneck (every flow of a step
    counts, dated or not), ranking (:func:`editor.analysis.search.rank_key`)
    and annotations.

    ``through`` is a company id (only loops through it). ``truncated`` says
    more such loops exist (or time ran out), ``timed_out`` that the budget
    cut the search short (loops may then be missing). Raises
    :class:`ModelError` on bad limits or an unknown company.
    """
    if max_loops < 0:
        raise ModelError(msg("max_loops: must be 0 (no cap) or more, got {max_loops}", max_loops=max_loops))
    if max_length < 2:
        raise ModelError(msg("max_length: a loop has at least 2 companies, got {max_length}",
                             max_length=max_length))
    if within_days is not None and within_days < 0:
        raise ModelError(msg("within: expected 0 days or more, got {days}", days=within_days))
    deadline = time.perf_counter() + time_budget
    g = source if isinstance(source, CompanyGraph) else CompanyGraph(source)
    x = None
    if through is not None:
        if through not in g.index:
            raise ModelError(msg("no company with id {company_id}", company_id=repr(through)))
        x = g.index[through]
    dates = _Dates(g)
    days = dates.days
    max_len = min(max_length, g.n)
    cap = max_loops + 1 if max_loops else None
    dated = [e for e in range(len(g.steps)) if days[e]]
    known = sorted((e for e in dated if g.steps[e].amount is not None),
                   key=lambda e: -(g.steps[e].amount or 0.0))
    unknown = [e for e in dated if g.steps[e].amount is None]
    search = _Search(g, days, max_len, within_days, x, deadline)
    found: list[RawLoop] = []
    timed_out = False
    order = known + unknown
    try:
        i = 0
        while i < len(order) and max_len >= 2:
            amount = g.steps[order[i]].amount
            j = i
            while j < len(order) and g.steps[order[j]].amount == amount:
                j += 1
            group, i = order[i:j], j
            group_start = len(found)
            for k, e in enumerate(group):
                search.add(e)
                search.close(e, found)
                if cap is not None and len(found) >= cap:
                    if k < len(group) - 1:
                        # loops tied at this amount: ranked apart, shortest first
                        for e2 in group[k + 1:]:
                            search.add(e2)
                        del found[group_start:]
                        search.by_length(group, found, cap)
                    break
            if cap is not None and len(found) >= cap:
                break
    except OutOfTime:
        timed_out = True
    found.sort(key=rank_key)
    kept = found[:max_loops] if max_loops else found
    rules = tuple(extra_rules)
    result = []
    for raw in kept:
        loop = build_loop(g, raw, window_days=within_days, extra_rules=rules)
        witness = _reading([days[e] for e in raw.steps], within_days)
        assert witness is not None, "the walk only closes date-ordered loops"
        r, picked = witness
        k = len(raw.steps)
        reading = tuple(dates.flows[raw.steps[(r + j) % k]][days[raw.steps[(r + j) % k]].index(picked[j])]
                        for j in range(k))
        result.append(DatedLoop(loop, reading, g.flows[reading[0]].date, g.flows[reading[-1]].date))
    truncated = timed_out or (cap is not None and len(found) >= cap)
    return DatedSearchResult(tuple(result), truncated, timed_out, within_days)
