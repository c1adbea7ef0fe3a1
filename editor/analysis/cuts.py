"""Cuts that bound round-trip capacities, and their reuse after an edit.

Round trips are computed on the *split graph* of a component: company i has
an in-node ``i`` and an out-node ``k + i``; step a -> b joins ``k + a`` to
``b``. The capacity of company v is the value of a minimum cut separating
v's out-node (source side) from v's in-node. A cut is kept as its *source
side*: one row of booleans over the ``2k`` nodes.

**Structural cuts** give upper bounds without any search (see
:func:`structural_bounds`): what v sends, what v receives, and the cuts just
past v's neighbours. :func:`structural_sides` writes the source side of the
chosen one, so every company ends an analysis with a minimum cut on record.

**Reuse.** After an edit, the previous result of the component (its values,
cuts, and what bounds each company's flow) gives bounds on the new graph
(:func:`bounds_from_previous`):

* upper: the old minimum cut of v, valued at the new amounts, is still a cut;
* lower: the old maximum flow of v is still a flow once the money it sent
  over lowered or removed steps is taken off. What it sent over a step is at
  most the step's old amount, at most what the circulation that certified v
  carried there, and nothing at all on a step crossing v's minimum cut
  backwards (from the sink side to the source side: no maximum flow uses it).

When the two meet, v is settled without a maximum flow. An amount raised on
a step outside v's minimum cut, or lowered on a step inside it, settles v at
once; that is what most single edits do to most companies.
"""
from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.analysis.lazy import lazy_module

if TYPE_CHECKING:
    import numpy as np
else:  # imported on first use: a small map is worked out without it (editor.analysis.smallmaps)
    np = lazy_module("numpy")

#: ``max_flow(k, u, v, caps, a, b)``: the maximum flow from company a to company b.
MaxFlow = Callable[[int, "np.ndarray", "np.ndarray", "np.ndarray", int, int], float]

#: Kinds of upper bound, in the order of the rows of :func:`structural_bounds`.
SENDS, RECEIVES, PAST_OUT, PAST_IN, TWO_OUT, TWO_IN, MAX_FLOW = range(7)
#: Kinds whose source side :func:`structural_sides` can write.
WITH_SIDES = (SENDS, RECEIVES, PAST_OUT, PAST_IN)
#: Previous results kept (one per recently analysed component).
PREVIOUS_KEPT = 4
#: A kept result is reused only while its largest amount is at most this many times the new
#: largest amount. Its figures carry rounding of the order of machine epsilon times its own
#: amounts; reused for amounts a million times smaller, that rounding would exceed the settling
#: tolerance of the new ones (``roundtrip.TOLERANCE`` times their largest step).
REUSE_SCALE = 1e3
#: Beyond this many lowered steps, reusing a previous result costs more than it saves.
MAX_LOWERED = 256
#: Up to this many changed steps, old cuts are revalued by their changes alone.
MAX_CHANGED = 64
#: Up to this many lowered steps, one maximum flow each gives a bound for every company.
MAX_FLOWS_FOR_LOWERED = 8
#: Rows of cut sides handled at once when valuing old cuts (bounds the memory used).
_CHUNK = 128


def structural_bounds(k: int, u: np.ndarray, v: np.ndarray, caps: np.ndarray) -> np.ndarray:
    """Values of the six structural cuts of every company: an array (6, k).

    Steps must be sorted by (u, v). Rows: what v sends; what v receives;
    past each out-neighbour w, the smaller of the step to w and all w sends;
    the same on the incoming side; and two steps out (past w, the smaller of
    the step to w, all w sends, and the sum past each of w's own
    out-neighbours z, where a step back to v counts whole) and two steps in.
    """
    out = np.bincount(u, weights=caps, minlength=k)
    inn = np.bincount(v, weights=caps, minlength=k)
    past_out = np.bincount(u, weights=np.minimum(caps, out[v]), minlength=k)
    past_in = np.bincount(v, weights=np.minimum(caps, inn[u]), minlength=k)
    # the step back (v -> u of each step u -> v), 0 when there is none
    codes = u.astype(np.int64) * k + v
    back_codes = v.astype(np.int64) * k + u
    pos = np.minimum(np.searchsorted(codes, back_codes), len(codes) - 1)
    back = np.where(codes[pos] == back_codes, caps[pos], 0.0)
    # for step v -> w: what can go on from w, a step back to v counting whole
    onward = np.bincount(u, weights=np.minimum(caps, out[v]), minlength=k)[v]
    onward = onward - np.minimum(back, out[u]) + back
    two_out = np.bincount(u, weights=np.minimum(np.minimum(caps, out[v]), onward), minlength=k)
    # for step w -> v: what can come into w, a step from v counting whole
    inward = np.bincount(v, weights=np.minimum(caps, inn[u]), minlength=k)[u]
    inward = inward - np.minimum(back, inn[v]) + back
    two_in = np.bincount(v, weights=np.minimum(np.minimum(caps, inn[u]), inward), minlength=k)
    return np.vstack([out, inn, past_out, past_in, two_out, two_in])


#: Cut sides are kept, as a dense (rows, 2k) table, only while the table has at most this many
#: cells (32 MB). A larger component keeps none (its next analysis starts from scratch), so
#: memory stays linear in the map's size: a ring of 100,000 companies would need 20 GB.
MAX_SIDE_CELLS = 32_000_000


def sides_fit(rows: int, k: int) -> bool:
    """Whether a (rows, 2k) table of cut sides fits in :data:`MAX_SIDE_CELLS`."""
    return rows * 2 * k <= MAX_SIDE_CELLS


def structural_sides(k: int, u: np.ndarray, v: np.ndarray, caps: np.ndarray,
                     nodes: np.ndarray, kinds: np.ndarray) -> np.ndarray:
    """Source sides (len(nodes), 2k) of the structural cut of kind ``kinds[r]`` of ``nodes[r]``.

    Each side's cut is worth at most the value :func:`structural_bounds`
    gives for it (past a neighbour, the neighbour's whole sending or
    receiving is counted even where part of it stays inside the side).
    """
    r = len(nodes)
    if not sides_fit(r, k):
        raise MemoryError(f"{r} cut sides of {k} companies exceed the memory budget")
    sides = np.zeros((r, 2 * k), dtype=bool)
    rows = np.arange(r)
    sink_side = (kinds == RECEIVES) | (kinds == PAST_IN)
    sides[sink_side] = True
    sides[rows[sink_side], nodes[sink_side]] = False              # everything but v's in-node
    sides[rows[~sink_side], k + nodes[~sink_side]] = True          # v's out-node only
    row_of = np.full(k, -1)
    row_of[nodes] = rows
    out = np.bincount(u, weights=caps, minlength=k)
    inn = np.bincount(v, weights=caps, minlength=k)
    # past out-neighbour w: where w sends less than v sends it, cut w's sending instead
    ru = row_of[u]
    sel = (ru >= 0) & (out[v] < caps)
    sel[sel] = kinds[ru[sel]] == PAST_OUT
    sides[ru[sel], v[sel]] = True
    sides[ru[sel], k + v[sel]] = True
    # past in-neighbour w: where w receives less than it sends v, cut w's receiving instead
    rv = row_of[v]
    sel = (rv >= 0) & (inn[u] < caps)
    sel[sel] = kinds[rv[sel]] == PAST_IN
    sides[rv[sel], u[sel]] = False
    sides[rv[sel], k + u[sel]] = False
    return sides


def cut_values(sides: np.ndarray, k: int, u: np.ndarray, v: np.ndarray, caps: np.ndarray) -> np.ndarray:
    """Value of each source side (rows of ``sides``) on the split graph of steps (u, v, caps)."""
    values = np.empty(len(sides))
    for start in range(0, len(sides), _CHUNK):
        block = sides[start:start + _CHUNK]
        crossing = block[:, k + u] & ~block[:, v]
        values[start:start + _CHUNK] = crossing @ caps
    return values


@dataclass(frozen=True, eq=False)
class Previous:
    """What a complete round-trip result of one component leaves for the next analysis."""

    ids: tuple[str, ...]          # company ids, local order
    u: np.ndarray
    v: np.ndarray
    caps: np.ndarray
    values: np.ndarray            # capacity of each company
    sides: np.ndarray             # (k, 2k) source side of a minimum cut of each company
    has_side: np.ndarray          # (k,) False where no side is on record (its row is empty)
    flow_bound: np.ndarray        # (k,) row of ``circulations`` bounding its flow; -1: the amounts
    circulations: np.ndarray      # (c, m) circulations that certified companies

    @property
    def k(self) -> int:
        return len(self.ids)


class _Store:
    """The few most recent :class:`Previous` results (thread-safe)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: list[Previous] = []
        self.lock = threading.Lock()
        #: False in a process that analyses once (the command line): nothing is kept, and the
        #: minimum cuts that would be kept are not worked out at all (a maximum flow value alone
        #: is cheaper than one with its cut).
        self.enabled = True

    def put(self, prev: Previous) -> None:
        if not self.enabled:
            return
        with self.lock:
            self.items = [p for p in self.items if not set(p.ids) <= set(prev.ids)]
            self.items.insert(0, prev)
            del self.items[self.size:]

    def best_for(self, ids: tuple[str, ...], largest: float) -> Previous | None:
        """The kept result sharing the most companies with ``ids`` (at least half of them), among
        those of a scale close enough to amounts up to ``largest`` (see :data:`REUSE_SCALE`)."""
        if not self.enabled:
            return None
        with self.lock:
            items = list(self.items)
        wanted = set(ids)
        best, overlap = None, len(ids) / 2
        for prev in items:
            if not float(prev.caps.max(initial=0.0)) <= largest * REUSE_SCALE:
                continue
            n = len(wanted.intersection(prev.ids))
            if n > overlap:
                best, overlap = prev, n
        return best

    def clear(self) -> None:
        with self.lock:
            self.items = []


PREVIOUS = _Store(PREVIOUS_KEPT)


def keep_previous(on: bool) -> None:
    """Whether analyses keep their cuts for the next one (off: a process that analyses once)."""
    PREVIOUS.enabled = on
    if not on:
        PREVIOUS.clear()


@dataclass(frozen=True, eq=False)
class Reused:
    rows: np.ndarray              # companies (new local indices) the previous result knew
    lower: np.ndarray             # per row: a flow that still fits
    upper: np.ndarray             # per row: the old minimum cut at the new amounts
    old_sides: np.ndarray         # per row: that cut's source side, in the old numbering
    new_of_old: np.ndarray        # new index of each old company (-1: gone)
    k: int                        # companies of the new component

    def sides(self, select: np.ndarray) -> np.ndarray:
        """Source sides of the rows ``select``, in the new numbering (new companies: sink side)."""
        k, old_k = self.k, len(self.new_of_old)
        kept = np.flatnonzero(self.new_of_old >= 0)
        old = self.old_sides[select]
        sides = np.zeros((len(old), 2 * k), dtype=bool)
        sides[:, self.new_of_old[kept]] = old[:, kept]
        sides[:, k + self.new_of_old[kept]] = old[:, old_k + kept]
        return sides


def map_steps(prev: Previous, ids: tuple[str, ...], u: np.ndarray, v: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """Match an old component with a new one (``ids``, steps u -> v sorted by (u, v)).

    Returns (old_of_new, new_of_old, pos, found): the old index of each new
    company (-1: new), the new index of each old company (-1: gone), and
    for each old step the position of the same step among the new ones
    (valid where ``found``). None when they share no company or no step.
    """
    k, m = len(ids), len(u)
    if not m:
        return None
    index = {cid: i for i, cid in enumerate(prev.ids)}
    old_of_new = np.array([index.get(cid, -1) for cid in ids], dtype=np.int64)
    rows = np.flatnonzero(old_of_new >= 0)
    if not len(rows):
        return None
    new_of_old = np.full(prev.k, -1, dtype=np.int64)
    new_of_old[old_of_new[rows]] = rows
    nu, nv = new_of_old[prev.u], new_of_old[prev.v]
    codes = u.astype(np.int64) * k + v
    old_codes = nu * k + nv
    pos = np.minimum(np.searchsorted(codes, old_codes), m - 1)
    found = (nu >= 0) & (nv >= 0) & (codes[pos] == old_codes)
    return old_of_new, new_of_old, pos, found


def previous_circulation(prev: Previous, ids: tuple[str, ...], u: np.ndarray, v: np.ndarray,
                         caps: np.ndarray) -> np.ndarray | None:
    """The old maximum circulation, when it is still one for the new amounts.

    It is when the companies are the same, no step was added, and every
    changed step either still has room for what it carried (lowered or
    removed steps) or was not full (raised steps): the optimality conditions
    of the linear program then still hold with the same prices.
    """
    if tuple(ids) != prev.ids:
        return None
    mapped = map_steps(prev, ids, u, v)
    if mapped is None:
        return None
    _, _, pos, found = mapped
    if int(found.sum()) != len(u):
        return None
    x = prev.circulations[0]
    now = np.where(found, caps[pos], 0.0)
    raised = now > prev.caps
    # A lowered step must still hold what it carried, exactly: cutting what it carries would
    # unbalance the companies at its ends (x was clipped to the old amounts, so unchanged steps pass).
    # A raised step must not have been full; near-full within solver rounding counts as full.
    slack = 1e-9 * max(float(prev.caps.max()), float(caps.max()))
    if np.any(now < x) or np.any(x[raised] >= prev.caps[raised] - slack):
        return None
    new = np.zeros(len(u))
    new[pos[found]] = np.minimum(x, now)[found]
    return new


def bounds_from_previous(prev: Previous, ids: tuple[str, ...], u: np.ndarray, v: np.ndarray,
                         caps: np.ndarray, max_flow: MaxFlow | None = None) -> Reused | None:
    """Bounds for the companies of a component (``ids``, steps u -> v with ``caps``, sorted).

    ``max_flow(k, u, v, caps, a, b)``, when given, is used for a second lower
    bound when few steps were lowered (see :func:`_lowered_cut_bound`).
    """
    k = len(ids)
    mapped = map_steps(prev, ids, u, v)
    if mapped is None:
        return None
    old_of_new, new_of_old, pos, found = mapped
    now = np.where(found, caps[pos], 0.0)
    rows = np.flatnonzero(old_of_new >= 0)
    rows = rows[~np.isnan(prev.values[old_of_new[rows]])]   # companies the old result had reached
    if not len(rows):
        return None
    lowered = np.flatnonzero(now < prev.caps)
    if len(lowered) > MAX_LOWERED:
        return None
    old_rows = old_of_new[rows]
    old_sides = prev.sides[old_rows]
    with_side = prev.has_side[old_rows]
    # the old flow of each company, less what it may have sent over lowered steps
    taken = np.zeros(len(rows))
    bound_row = prev.flow_bound[old_rows]
    for e in lowered.tolist():
        sent = np.where(bound_row >= 0, prev.circulations[np.maximum(bound_row, 0), e], prev.caps[e])
        backwards = ~old_sides[:, prev.k + prev.u[e]] & old_sides[:, prev.v[e]] & with_side
        sent[backwards] = 0.0
        taken += np.maximum(sent - now[e], 0.0)
    lower = prev.values[old_rows] - taken
    if max_flow is not None and 0 < len(lowered) <= MAX_FLOWS_FOR_LOWERED:
        lower = np.maximum(lower, _lowered_cut_bound(prev, lowered, now, old_rows, max_flow))
    reused = Reused(rows, lower, np.empty(0), old_sides, new_of_old, k)
    changed = np.flatnonzero(now != prev.caps)
    added = np.setdiff1d(np.arange(len(u)), pos[found])
    if len(changed) + len(added) <= MAX_CHANGED:
        # a minimum cut was worth the capacity; only its changed steps change its worth
        upper = prev.values[old_rows].copy()
        for e in changed.tolist():
            crossing = old_sides[:, prev.k + prev.u[e]] & ~old_sides[:, prev.v[e]]
            upper[crossing] += now[e] - prev.caps[e]
        for e in added.tolist():
            a, b = old_of_new[u[e]], old_of_new[v[e]]
            if a >= 0:            # a new company's out-node is on the sink side: never crossing
                crossing = old_sides[:, prev.k + a] & (~old_sides[:, b] if b >= 0 else True)
                upper[crossing] += caps[e]
    else:
        upper = cut_values(reused.sides(np.arange(len(rows))), k, u, v, caps)
    upper = np.maximum(upper, 0.0)   # old worth plus changes: rounding may dip below zero
    upper[~with_side] = np.inf
    return dataclasses.replace(reused, upper=upper)


def _lowered_cut_bound(prev: Previous, lowered: np.ndarray, now: np.ndarray, old_rows: np.ndarray,
                       max_flow: MaxFlow) -> np.ndarray:
    """A lower bound of the new capacities from the old ones, when steps were lowered.

    Only cuts holding a lowered step lose value. A cut holding step a -> b
    separates a from b, so it was worth at least the maximum flow from a to
    b (in the old graph); after the edit it is worth at least the smallest
    such flow over the lowered steps minus everything they lost. The new
    capacity is therefore at least min(old capacity, that).
    """
    worst = min(max_flow(prev.k, prev.u, prev.v, prev.caps, int(prev.u[e]), int(prev.v[e]))
                for e in lowered.tolist())
    lost = float((prev.caps[lowered] - now[lowered]).sum())
    return np.minimum(prev.values[old_rows], worst - lost)
