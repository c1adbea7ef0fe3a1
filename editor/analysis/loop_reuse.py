"""Ranked loops again after an edit, without a new search when the edit cannot matter.

A complete ranked search that filled its list from known amounts has a
*threshold* (:attr:`SearchResult.threshold`): every listed loop has a
bottleneck at least that, every loop left out at most that. A step whose
amount was below the threshold, and still is (or that was added or removed
with such an amount), is on no listed loop, and no loop through it can enter
the list: its bottleneck would be below the threshold. So when every changed
step is like that, and the companies (ids and names, which order ties) are
unchanged, the previous list is the answer, moved onto the new graph's
numbering. Edits of big amounts, of companies, or of searches that were cut
short by time search again.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from editor.analysis.graph import CompanyGraph
from editor.analysis.search import RawLoop, SearchResult, bottleneck, find_loops


@dataclass(frozen=True)
class _Remembered:
    params: tuple
    companies: tuple[tuple[str, str], ...]        # (id, name) in name order
    amounts: dict[tuple[str, str], float | None]  # step (source id, target id) -> amount
    result: SearchResult
    loops: tuple[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], ...]  # (company ids, step keys)


#: Searches remembered (one per recently analysed diagram: several windows may be open).
KEPT = 4
_lock = threading.Lock()
_kept: list[_Remembered] = []


def forget() -> None:
    with _lock:
        _kept.clear()


def _recall(params: tuple, signature: tuple) -> _Remembered | None:
    with _lock:
        return next((m for m in _kept if m.params == params and m.companies == signature), None)


def _remember(mem: _Remembered) -> None:
    with _lock:
        _kept[:] = [mem] + [m for m in _kept if (m.params, m.companies) != (mem.params, mem.companies)]
        del _kept[KEPT:]


def _signature(g: CompanyGraph) -> tuple[tuple[str, str], ...]:
    return tuple((c.id, c.name) for c in g.companies)


def _amounts(g: CompanyGraph) -> dict[tuple[str, str], float | None]:
    return {(s.source, s.target): s.amount for s in g.steps}


def _below(amount: float | None, threshold: float) -> bool:
    return amount is None or amount < threshold


def _unaffected(old: dict[tuple[str, str], float | None], new: dict[tuple[str, str], float | None],
                threshold: float) -> bool:
    for key, amount in new.items():
        before = old.get(key)
        if before != amount and not (_below(before, threshold) and _below(amount, threshold)):
            return False
    return all(key in new or _below(amount, threshold) for key, amount in old.items())


def _moved(g: CompanyGraph, mem: _Remembered) -> SearchResult:
    loops = []
    for ids, keys in mem.loops:
        nodes = tuple(g.index[c] for c in ids)
        steps = tuple(g.step_of[(g.index[a], g.index[b])] for a, b in keys)
        loops.append(RawLoop(nodes, steps, bottleneck(g.steps[e].amount for e in steps)))
    r = mem.result
    return SearchResult(tuple(loops), r.truncated, r.timed_out, r.threshold)


def ranked_loops(g: CompanyGraph, *, max_loops: int, max_length: int, through: int | None,
                 time_budget: float) -> SearchResult:
    """:func:`find_loops`, answered from the previous search when the edit since cannot matter."""
    through_id = None if through is None else g.companies[through].id
    params = (max_loops, max_length, through_id)
    signature = _signature(g)
    amounts = _amounts(g)
    mem = _recall(params, signature)
    # (only searches with a threshold are remembered)
    if mem is not None and mem.result.threshold is not None \
            and _unaffected(mem.amounts, amounts, mem.result.threshold):
        return _moved(g, mem)
    if mem is None:   # another diagram, or companies changed: its threshold is still a good start
        with _lock:
            mem = next((m for m in _kept if m.params == params), None)
    result = find_loops(g, max_loops=max_loops, max_length=max_length, through=through,
                        time_budget=time_budget, hint=None if mem is None else mem.result.threshold)
    if result.threshold is not None and not result.timed_out:
        loops = tuple((tuple(g.companies[i].id for i in raw.nodes),
                       tuple((g.steps[e].source, g.steps[e].target) for e in raw.steps))
                      for raw in result.loops)
        _remember(_Remembered(params, signature, amounts, result, loops))
    return result
