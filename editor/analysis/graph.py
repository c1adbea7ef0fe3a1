"""The company graph: one step per ordered pair of companies.

All flows from company A to company B make one *step* A -> B. A step's
amount is the sum of the known amounts of its flows; when some of its flows
have no amount the step is *partial* (its amount is then a lower bound), and
when none of them has an amount the step's amount is unknown (``None``).
Self-flows (A -> A) make no step: they cannot be part of a loop of
companies. They still count in the totals of the diagram.

Companies are numbered in *name order* (case-folded name, then name, then
id), so a loop written as a tuple of indices starting at its smallest index
starts at its first company by name, and tuples of indices compare like
tuples of names.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import Any, NamedTuple

from editor.analysis.adding import add_up
from editor.model import Company, Snapshot

#: Up to this many steps a map is *small* (while numpy, HiGHS and igraph are not imported yet): its
#: strongly connected components, maximum circulation and round-trip capacities are then worked
#: out in plain Python and networkx (:mod:`editor.analysis.smallmaps`), since importing those three
#: takes 0.12-0.15 s. Measured (circulation and every round trip, generated maps): 27 steps 1 ms,
#: 78 steps 10 ms, 119 steps 19 ms, 154 steps 35 ms, 250 steps 93 ms, against 1.5-4 ms once the
#: three are imported. At 100 steps the plain path still takes about a tenth of their import.
SMALL_STEPS = 100
#: Once any of these is imported (a long-lived analysis process), every map takes their path.
_FAST_PATH_MODULES = ("highspy", "igraph")


class Step(NamedTuple):
    """All flows from one company to another, taken as one arrow.

    A named tuple rather than a frozen dataclass: big maps have thousands of
    steps per analysis, and a tuple is made several times faster.
    """

    source: str                    # company id
    target: str                    # company id
    amount: float | None           # sum of the known amounts; None when all are unknown
    partial: bool                  # some flows known, some unknown
    flow_ids: tuple[str, ...]      # in document order
    flow_types: tuple[str, ...]    # type id of each flow, same order


def name_key(company: Company) -> tuple[str, str, str]:
    return (company.name.casefold(), company.name, company.id)


class CompanyGraph:
    """Indexed companies and steps of a snapshot (built once, read-only)."""

    # Worked out on first use by the analysis and kept on the graph (declared, not set, here):
    _type_names: dict[str, str]          # flow type id -> name (editor.analysis.loops)
    _circular_components: list[Any]      # circular components (editor.analysis.circulation)

    def __init__(self, snapshot: Snapshot) -> None:
        # Linear in the map and always computed (the fixed part of an analysis), so written for
        # speed: companies sorted by precomputed keys, the companies of every flow looked up by
        # map() (no Python frame per flow), each ordered pair of indices one integer (``u * n + v``:
        # no tuple made or hashed per flow), a pair of one flow (nearly all, on big maps) kept as
        # the flow itself, steps made by tuple.__new__ (what Step's own __new__ does, without its
        # Python frame). A ring of 100,000 companies, best of 7 (collector off, as in analyze()):
        # 0.33 s -> 0.23 s.
        self.snapshot = snapshot
        flows_in = snapshot.flows
        keys = [(c.name.casefold(), c.name, c.id) for c in snapshot.companies]
        companies = [snapshot.companies[i] for i in sorted(range(len(keys)), key=keys.__getitem__)]
        n = len(companies)
        self.companies = tuple(companies)
        self.index = index = {c.id: i for i, c in enumerate(companies)}
        self.flows = {f.id: f for f in flows_in}
        self.self_flows = tuple(f for f in flows_in if f.source == f.target)
        ids = [c.id for c in companies]
        grouped: dict[int, Any] = {}   # u * n + v -> the pair's flow, or a list of its flows
        get = index.get
        sources = map(get, map(attrgetter("source"), flows_in))
        targets = map(get, map(attrgetter("target"), flows_in))
        for f, u, v in zip(flows_in, sources, targets, strict=True):
            if u is None or v is None or u == v:
                continue
            k = u * n + v
            group = grouped.get(k)
            if group is None:
                grouped[k] = f
            elif type(group) is list:
                group.append(f)
            else:
                grouped[k] = [group, f]
        steps: list[Step] = []
        src: list[int] = []
        dst: list[int] = []
        make = tuple.__new__
        for k in sorted(grouped):
            u, v = divmod(k, n)
            src.append(u)
            dst.append(v)
            group = grouped[k]
            if type(group) is not list:
                steps.append(make(Step, (ids[u], ids[v], group.amount, False, (group.id,), (group.type,))))
            else:
                known = [f.amount for f in group if f.amount is not None]
                steps.append(make(Step, (
                    ids[u], ids[v], add_up(known) if known else None,
                    bool(known) and len(known) < len(group),
                    tuple(f.id for f in group), tuple(f.type for f in group))))
        self.steps = tuple(steps)
        self.src = tuple(src)
        self.dst = tuple(dst)
        self.step_of = dict(zip(zip(src, dst, strict=True), range(len(src)), strict=True))
        self.n = n
        self.type_order = [t.id for t in snapshot.flow_types]
        self.type_rank = {t: i for i, t in enumerate(self.type_order)}

    # ---------------------------------------------------------------- helpers
    def amount(self, e: int) -> float | None:
        return self.steps[e].amount

    def names(self, nodes: Iterable[int]) -> tuple[str, ...]:
        return tuple(self.companies[i].name for i in nodes)

    @property
    def small(self) -> bool:
        """Whether the map is worked out without numpy, HiGHS and igraph (see :data:`SMALL_STEPS`)."""
        return len(self.steps) <= SMALL_STEPS and not any(_loaded(m) for m in _FAST_PATH_MODULES)

    def components(self, steps: Sequence[int] | None = None) -> list[int]:
        """Strongly connected component label of every company over ``steps`` (all by default)."""
        edges = range(len(self.steps)) if steps is None else steps
        return strong_components(self.n, [self.src[e] for e in edges], [self.dst[e] for e in edges])

    def circular_labels(self, steps: Sequence[int] | None = None) -> tuple[list[int], set[int]]:
        """Component labels, and the labels of components with more than one company."""
        labels = self.components(steps)
        counts: dict[int, int] = {}
        for lab in labels:
            counts[lab] = counts.get(lab, 0) + 1
        return labels, {lab for lab, count in counts.items() if count > 1}


def _loaded(name: str) -> bool:
    """Whether module ``name`` is imported, and done importing (another thread may be at it)."""
    module = sys.modules.get(name)
    return module is not None and not getattr(getattr(module, "__spec__", None), "_initializing", False)


def preload_fast_path() -> None:
    """Import numpy, HiGHS and igraph now (a long-lived analysis process does, in a thread of its
    own): from then on every map takes their path, the fastest once they are loaded."""
    import highspy  # noqa: F401
    import igraph  # noqa: F401
    import numpy  # noqa: F401


def strong_components(n: int, src: Sequence[int], dst: Sequence[int]) -> list[int]:
    """Strongly connected component label (0, 1, ...) of each of ``n`` companies.

    Up to :data:`SMALL_STEPS` steps in plain Python (Tarjan's algorithm, without recursion),
    beyond by igraph (in C; the maximum flows of a map that size need it as well)."""
    if n == 0:
        return []
    if len(src) <= SMALL_STEPS and not _loaded("igraph"):
        return _tarjan(n, src, dst)
    import igraph  # far lighter to import than scipy.sparse.csgraph

    g = igraph.Graph(n=n, edges=list(zip(src, dst, strict=True)), directed=True)
    return list(g.connected_components(mode="strong").membership)


def _tarjan(n: int, src: Sequence[int], dst: Sequence[int]) -> list[int]:
    """Tarjan's strongly connected components, iteratively: labels 0, 1, ... in order of completion."""
    out: list[list[int]] = [[] for _ in range(n)]
    for a, b in zip(src, dst, strict=True):
        out[a].append(b)
    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    labels = [-1] * n
    stack: list[int] = []
    counter = 0
    label = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        work = [(root, 0)]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            v, i = work[-1]
            if i < len(out[v]):
                work[-1] = (v, i + 1)
                w = out[v][i]
                if index[w] < 0:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, 0))
                elif on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                if low[v] < low[parent]:
                    low[parent] = low[v]
            if low[v] == index[v]:
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    labels[w] = label
                    if w == v:
                        break
                label += 1
    return labels
