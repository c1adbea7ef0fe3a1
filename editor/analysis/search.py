"""Ranked loop search: the best loops by bottleneck without listing them all.

A graph of 100 companies and 200 steps easily has hundreds of thousands of
simple cycles, so we never enumerate them all. Instead:

1. Known amounts are sorted in decreasing order a0 > a1 > ... . ``G(i)`` is
   the graph of the steps with amount >= a(i); every loop of ``G(i)`` has a
   bottleneck >= a(i), and every loop with bottleneck >= a(i) lies in it.
2. Steps are added one by one, largest amount first. A loop is found when its
   smallest step (the last of its steps to come in) is added: it is a path
   back from that step's target to its source, found by a search pruned by
   the distance back. So loops come out by decreasing bottleneck, each once,
   and the search stops at the first amount a(i) that brings the count to
   ``cap`` = max_loops + 1: all loops of ``G(i-1)`` (fewer than ``cap``) are
   taken; then the loops with bottleneck exactly a(i) are taken by increasing
   length until ``cap`` is reached.
   (With a ``through`` company, a binary search over the levels finds a(i)
   instead, counting each probed level's loops through it up to ``cap``: adding
   steps would list every loop of the map on the way, not only those through
   the company.)
3. Loops with an unknown step come after, shortest first.

Cycles are listed per start company (the loop's first company by name, so
each loop is found once), by a depth-first search restricted to the start's
strongly connected component and pruned by the distance back to the start.
Starts and neighbours are taken in name order, so cycles of one length come
out in name order. A time budget bounds the whole search; when it runs out
(or the cap cuts the list) the result says so.
"""
from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, is_not
from typing import Any

from editor.analysis.graph import CompanyGraph


class OutOfTime(Exception):
    """The search ran past its deadline."""


class Clock:
    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.ticks = 0

    def tick(self) -> None:
        self.ticks += 1
        if not self.ticks & 1023 and time.perf_counter() > self.deadline:
            raise OutOfTime

    def check(self) -> None:
        if time.perf_counter() > self.deadline:
            raise OutOfTime


@dataclass(frozen=True)
class RawLoop:
    nodes: tuple[int, ...]       # company indices, starting at the first by name
    steps: tuple[int, ...]       # steps[i] goes nodes[i] -> nodes[i + 1 (mod len)]
    bottleneck: float | None


@dataclass(frozen=True)
class SearchResult:
    loops: tuple[RawLoop, ...]
    truncated: bool              # the list is not every loop up to the maximum length
    timed_out: bool              # the time budget ran out (the ranking may miss loops)
    #: Every listed loop has a bottleneck >= this and every loop left out <= it
    #: (None: the list may hold loops of any bottleneck, unknown ones included).
    threshold: float | None = None


def rank_key(loop: RawLoop) -> tuple[bool, float, int, tuple[int, ...]]:
    b = loop.bottleneck
    return (b is None, -b if b is not None else 0.0, len(loop.nodes), loop.nodes)


class _Level:
    """Adjacency (both ways, sorted by index) and components of a set of steps."""

    def __init__(self, g: CompanyGraph, steps: Sequence[int]) -> None:
        self.out: list[list[tuple[int, int]]] = [[] for _ in range(g.n)]
        self.inn: list[list[int]] = [[] for _ in range(g.n)]
        for e in steps:
            self.out[g.src[e]].append((g.dst[e], e))
            self.inn[g.dst[e]].append(g.src[e])
        for lst in self.out:
            lst.sort()
        labels, self.circular = g.circular_labels(steps)
        self.labels: list[int] = labels


def _distances_back(inn: list[list[int]], labels: list[int], lab: int, lowest: int, start: int, depth: int,
                    dist: list[int]) -> list[int]:
    """Fill ``dist`` with the steps from each company back to ``start`` (at most ``depth``),
    over companies above ``lowest`` with label ``lab``; returns the companies reached (the
    caller resets their ``dist`` to -1 afterwards)."""
    dist[start] = 0
    touched = [start]
    frontier = [start]
    d = 0
    while frontier and d < depth:
        d += 1
        nxt = []
        for x in frontier:
            for y in inn[x]:
                if y > lowest and dist[y] < 0 and labels[y] == lab:
                    dist[y] = d
                    nxt.append(y)
        touched += nxt
        frontier = nxt
    return touched


def cycles(level: _Level, max_len: int, clock: Clock, *, through: int | None = None,
           exact: int | None = None, marked: set[int] | None = None
           ) -> Iterator[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Simple cycles as (nodes, steps), each once, of length <= max_len (== exact if given).

    Without ``through`` a cycle starts at its smallest node and cycles come
    out by start, then in lexicographic order of nodes for one length. With
    ``through`` only cycles through that node are listed, starting there.
    ``marked`` (a set of steps) keeps only cycles using at least one of them.
    """
    out, inn, labels = level.out, level.inn, level.labels
    bound = exact or max_len
    # the clock's tick, inlined: this loop runs once per step looked at (~50,000 per analysis)
    ticks, deadline, now = clock.ticks, clock.deadline, time.perf_counter
    # lists indexed by company, not dicts and sets: the inner loop looks them up per step
    dist = [-1] * len(out)      # steps back to the start (-1: cannot get back in time)
    on_path = [False] * len(out)
    starts = [through] if through is not None else range(len(out))
    for s in starts:
        lab = labels[s]
        if lab not in level.circular:
            continue
        lowest = -1 if through is not None else s
        touched = _distances_back(inn, labels, lab, lowest, s, bound - 1, dist)
        if len(touched) > 1:
            path = [s]
            on_path[s] = True
            depth = 1
            estack: list[int] = []
            nmarked = 0
            iters = [iter(out[s])]
            while iters:
                for y, e in iters[-1]:
                    ticks += 1
                    if not ticks & 1023 and now() > deadline:
                        clock.ticks = ticks
                        raise OutOfTime
                    if y == s:
                        if (exact is None or depth == exact) and (
                                marked is None or nmarked or e in marked):
                            clock.ticks = ticks
                            yield tuple(path), tuple(estack) + (e,)
                        continue
                    dy = dist[y]
                    if dy < 0 or on_path[y] or depth + dy > bound:
                        continue
                    path.append(y)
                    on_path[y] = True
                    depth += 1
                    estack.append(e)
                    if marked is not None and e in marked:
                        nmarked += 1
                    iters.append(iter(out[y]))
                    break
                else:
                    iters.pop()
                    if estack:
                        e = estack.pop()
                        if marked is not None and e in marked:
                            nmarked -= 1
                        on_path[path.pop()] = False
                        depth -= 1
            on_path[s] = False
        for x in touched:
            dist[x] = -1
    clock.ticks = ticks


def _rotate(nodes: tuple[int, ...], steps: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    r = nodes.index(min(nodes))
    return nodes[r:] + nodes[:r], steps[r:] + steps[:r]


def _raw(g: CompanyGraph, nodes: tuple[int, ...], steps: tuple[int, ...], rotate: bool) -> RawLoop:
    if rotate:
        nodes, steps = _rotate(nodes, steps)
    return RawLoop(nodes, steps, bottleneck([g.steps[e].amount for e in steps]))


def bottleneck(amounts: Iterable[float | None]) -> float | None:
    """The smallest amount of a loop's steps; None when one of them is unknown."""
    known = []
    for a in amounts:
        if a is None:
            return None
        known.append(a)
    return min(known)


def _collect(g: CompanyGraph, level: _Level, max_len: int, clock: Clock, limit: int | None,
             through: int | None, into: list[RawLoop] | None = None, **kw: Any) -> list[RawLoop]:
    """Cycles of a level as RawLoops, appended to ``into`` as found (kept if time runs out)."""
    found = [] if into is None else into
    start = len(found)
    for nodes, steps in cycles(level, max_len, clock, through=through, **kw):
        found.append(_raw(g, nodes, steps, through is not None))
        if limit is not None and len(found) - start >= limit:
            break
    return found


#: Up to this many companies sending a marked step, loops through marked steps are searched
#: from those companies only (else from every company).
FEW_SOURCES = 8


def _by_length(g: CompanyGraph, level: _Level, max_len: int, clock: Clock, into: list[RawLoop],
               cap: int | None, through: int | None, marked: set[int]) -> None:
    """Append loops using a marked step, shortest first, until ``into`` holds ``cap``."""
    sources = sorted({g.src[e] for e in marked})
    if through is None and len(sources) <= FEW_SOURCES:
        _by_length_from(g, level, max_len, clock, into, cap, marked, sources)
        return
    for k in range(2, max_len + 1):
        limit = None if (cap is None or through is not None) else cap - len(into)
        start = len(into)
        _collect(g, level, max_len, clock, limit, through, into, exact=k, marked=marked)
        into[start:] = sorted(into[start:], key=rank_key)
        if cap is not None and len(into) >= cap:
            break


def _by_length_from(g: CompanyGraph, level: _Level, max_len: int, clock: Clock, into: list[RawLoop],
                    cap: int | None, marked: set[int], sources: list[int]) -> None:
    """:func:`_by_length` when few companies send a marked step: every loop using one passes
    through its sender, so only searches from the senders are needed. A loop found from two
    senders is kept once; each length is sorted before the cap cuts it, as the search from
    every company (which finds them in that order) would have."""
    for k in range(2, max_len + 1):
        batch: dict[tuple, RawLoop] = {}
        for a in sources:
            for nodes, steps in cycles(level, max_len, clock, through=a, exact=k, marked=marked):
                raw = _raw(g, nodes, steps, True)
                batch[raw.steps] = raw
        found = sorted(batch.values(), key=rank_key)
        into.extend(found if cap is None else found[:max(cap - len(into), 0)])
        if cap is not None and len(into) >= cap:
            break


def _by_decreasing_amount(g: CompanyGraph, known: list[int], max_len: int, cap: int, clock: Clock,
                          into: list) -> float | None:
    """Step 2 of the module's note: append to ``into`` every loop with a bottleneck above the
    threshold amount and return that amount (None when all known steps hold fewer than
    ``cap`` loops: then ``into`` holds them all). ``known``: steps by decreasing amount."""
    n, src, dst, steps = g.n, g.src, g.dst, g.steps
    out: list[list[tuple[int, int]]] = [[] for _ in range(n)]   # (target, step), sorted
    inn: list[list[int]] = [[] for _ in range(n)]
    dist = [-1] * n             # steps back to the added step's source (-1: cannot get back)
    same_group = [0] * n        # no component restriction: the map grows as steps come in
    on_path = [False] * n
    ticks, deadline, now = clock.ticks, clock.deadline, time.perf_counter
    total, i = len(known), 0
    while i < total:
        amount = steps[known[i]].amount
        group_start = len(into)
        while i < total and steps[known[i]].amount == amount:
            e = known[i]
            i += 1
            u, v = src[e], dst[e]
            bisect.insort(out[u], (v, e))
            inn[v].append(u)
            if now() > deadline:
                clock.ticks = ticks
                raise OutOfTime
            touched = _distances_back(inn, same_group, 0, -1, u, max_len - 1, dist)
            if dist[v] > 0:     # paths v -> ... -> u, each closing a loop u -> v -> ... -> u
                path, estack = [u, v], [e]
                on_path[u] = on_path[v] = True
                iters = [iter(out[v])]
                while iters:
                    for y, e2 in iters[-1]:
                        ticks += 1
                        if not ticks & 1023 and now() > deadline:
                            clock.ticks = ticks
                            raise OutOfTime
                        if y == u:
                            into.append(_raw(g, tuple(path), tuple(estack) + (e2,), True))
                            continue
                        dy = dist[y]
                        if dy < 0 or on_path[y] or len(path) + dy > max_len:
                            continue
                        path.append(y)
                        on_path[y] = True
                        estack.append(e2)
                        iters.append(iter(out[y]))
                        break
                    else:
                        iters.pop()
                        if len(path) > 2:
                            on_path[path.pop()] = False
                            estack.pop()
                on_path[u] = on_path[v] = False
            for x in touched:
                dist[x] = -1
            if len(into) >= cap:        # this amount is the threshold: its loops are ranked apart
                del into[group_start:]
                clock.ticks = ticks
                return amount
    clock.ticks = ticks
    return None


def first_true(pred: Callable[[int], bool], n: int, start: int | None = None) -> int | None:
    """Smallest i in [0, n) with ``pred(i)`` for a predicate false then true; None if never.

    Without ``start`` a binary search; with one, a galloping search from
    there (a few calls when the answer is near ``start``).
    """
    lo, hi = 0, n - 1                 # the answer is in [lo, hi], or None if hi was never true
    found = None
    if start is not None and 0 <= start < n:
        step = 1
        if pred(start):
            found, hi = start, start - 1
            while hi >= 0:
                j = max(start - step, 0)
                if not pred(j):
                    lo = j + 1
                    break
                found, hi = j, j - 1
                if j == 0:
                    break
                step *= 2
        else:
            lo = start + 1
            while lo <= n - 1:
                j = min(start + step, n - 1)
                if pred(j):
                    found, hi = j, j - 1
                    break
                lo = j + 1
                step *= 2
            else:
                return None
    while lo <= hi:
        mid = (lo + hi) // 2
        if pred(mid):
            found, hi = mid, mid - 1
        else:
            lo = mid + 1
    return found


def _level_index(levels: list[float], amount: float) -> int:
    """Index of the first level <= amount in the decreasing list ``levels``."""
    return bisect.bisect_left([-a for a in levels], -amount)


def _known_by_amount(g: CompanyGraph) -> tuple[list[int], list[float], dict[float, int]]:
    """The steps of known amount by decreasing amount (ties by step index), the distinct
    amounts in decreasing order, and for each of those the number of steps of at least that amount.

    Sorted by numpy: on a map of 100,000 steps, a tenth of the time of Python's sort by key. A
    small map (:attr:`CompanyGraph.small`) is sorted by Python, without importing numpy."""
    if g.small:
        amount_of = {e: s.amount for e, s in enumerate(g.steps) if s.amount is not None}
        known = sorted(amount_of, key=lambda e: -amount_of[e])
        levels = sorted(set(amount_of.values()), reverse=True)
        sizes: dict[float, int] = {}
        for k, e in enumerate(known):          # each level's count: where the next level begins
            if k + 1 == len(known) or amount_of[known[k + 1]] != amount_of[e]:
                sizes[amount_of[e]] = k + 1
        return known, levels, sizes
    import numpy as np

    given = list(map(attrgetter("amount"), g.steps))
    known_steps = np.fromiter(map(is_not, given, repeat(None)), dtype=bool, count=len(given))
    index = np.flatnonzero(known_steps)
    amounts = np.array([given[e] for e in index.tolist()], dtype=float)
    order = np.argsort(-amounts, kind="stable")
    ordered = np.sort(amounts)    # (np.unique would import numpy.ma: 10 ms of a command line run)
    ascending = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(ordered) else ordered
    at_least = len(amounts) - np.searchsorted(amounts[order][::-1], ascending, side="left")
    levels = ascending[::-1].tolist()
    return index[order].tolist(), levels, dict(zip(levels, at_least[::-1].tolist(), strict=True))


def find_loops(g: CompanyGraph, *, max_loops: int = 100, max_length: int = 12,
               through: int | None = None, time_budget: float = 2.0,
               hint: float | None = None) -> SearchResult:
    """The ``max_loops`` best loops (0: no cap) of at most ``max_length`` companies.

    ``hint``, the threshold of a search on a similar graph, only speeds the
    search through a company up (its binary search starts looking there).
    """
    clock = Clock(time.perf_counter() + time_budget)
    cap = max_loops + 1 if max_loops else None
    max_length = min(max_length, g.n)
    if max_length < 2:
        return SearchResult((), False, False)
    known, levels, sizes = _known_by_amount(g)
    if time.perf_counter() > clock.deadline:    # sorting the steps of a huge map took the time
        return SearchResult((), True, True)
    best: list[RawLoop] = []
    threshold = None
    try:
        if cap is None:
            _collect(g, _Level(g, known), max_length, clock, None, through, best)
        elif levels and through is None:
            threshold = _by_decreasing_amount(g, known, max_length, cap, clock, best)
            if threshold is not None:
                level = _Level(g, known[:sizes[threshold]])
                ties = {e for e in known[:sizes[threshold]] if g.steps[e].amount == threshold}
                _by_length(g, level, max_length, clock, best, cap, through, ties)
        elif levels:
            batches: dict[int, list[RawLoop]] = {}
            built: dict[int, _Level] = {}

            def enough(i: int) -> bool:
                """Whether the steps of amount >= levels[i] hold ``cap`` loops."""
                nonlocal best
                level = built[i] = _Level(g, known[:sizes[levels[i]]])
                batches[i] = _collect(g, level, max_length, clock, cap, through)
                if len(batches[i]) < cap and i == max(j for j in batches if len(batches[j]) < cap):
                    best = batches[i]             # the most loops known so far (if time runs out)
                return len(batches[i]) >= cap

            start = None if hint is None else _level_index(levels, hint)
            found_i = first_true(enough, len(levels), start)
            # the loops of the level just above the answer (a search evaluated it)
            if found_i is None:
                best = batches[len(levels) - 1]
            elif found_i:
                best = batches[found_i - 1]
            else:
                best = []
            if found_i is not None:
                a = threshold = levels[found_i]
                level = built[found_i]   # the search built it
                ties = {e for e in known[:sizes[a]] if g.steps[e].amount == a}
                best = list(best)
                _by_length(g, level, max_length, clock, best, cap, through, ties)
        best.sort(key=rank_key)
        if cap is None or len(best) < cap:
            unknown = {e for e in range(len(g.steps)) if g.steps[e].amount is None}
            if unknown:
                level = _Level(g, range(len(g.steps)))
                _by_length(g, level, max_length, clock, best, cap, through, unknown)
    except OutOfTime:
        best.sort(key=rank_key)
        return SearchResult(tuple(best[:max_loops] if max_loops else best), True, True)
    best.sort(key=rank_key)
    truncated = cap is not None and len(best) >= cap
    return SearchResult(tuple(best[:max_loops] if max_loops else best), truncated, False, threshold)
