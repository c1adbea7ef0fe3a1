"""Date-ordered loop search against listing loops and filtering them, in the same run.

    python benchmarks/bench_temporal.py [--quick] [--seed N]

Map: ``generate(1000, 5000)`` (``--quick``: 60/250) with every undated flow
given a seeded month, so all 5,000 flows are dated. Measured, median of 5 on
one prebuilt :class:`CompanyGraph`, for the best 100 loops of at most 12
companies, with no window, 365 days and 30 days:

* **search**: :func:`find_date_ordered_loops` (target <= 300 ms at full size);
* **baseline, all loops**: every loop of at most the same length listed
  (``find_loops(max_loops=0)``), each built and checked with ``date_ordered``,
  the date-ordered ones ranked and cut to 100; stopped by its time budget
  (``>`` then: the ratio is a lower bound);
* **baseline, best first**: the ranked loop list (``find_loops``) of 100, 200,
  400, ... loops, filtered, until it holds 100 date-ordered ones (then those
  are the best 100: every loop left out ranks below the list).

Both baselines must give the search's answer when they finish; the script
checks it. Figures are printed, never asserted.
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate  # noqa: E402

from editor.analysis import CompanyGraph, build_loop, find_loops  # noqa: E402
from editor.analysis.temporal import find_date_ordered_loops  # noqa: E402
from editor.model import Snapshot  # noqa: E402

MAX_LOOPS = 100
MAX_LENGTH = 12
WINDOWS = (None, 365, 30)
BASELINE_BUDGET = 20.0


def dated_map(n: int, m: int, seed: int) -> tuple[Snapshot, int]:
    snap = generate(n, m, seed).snapshot()
    rng = random.Random(seed + 1)
    undated = sum(1 for f in snap.flows if not f.date)
    flows = tuple(f if f.date else f.with_changes(date=f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}")
                  for f in snap.flows)
    return dataclasses.replace(snap, flows=flows), undated


def median_ms(fn, repeat: int = 5):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, out


def date_ordered_only(g: CompanyGraph, raws, window: int | None, deadline: float) -> tuple[list, bool]:
    """The date-ordered loops among ``raws`` (in their order); True when the deadline cut it."""
    loops = []
    for k, raw in enumerate(raws):
        if not k & 255 and time.perf_counter() > deadline:
            return loops, True
        loop = build_loop(g, raw, window_days=window)
        if loop.date_ordered:
            loops.append(loop)
    return loops, False


def filter_all(g: CompanyGraph, window: int | None, budget: float):
    deadline = time.perf_counter() + budget
    found = find_loops(g, max_loops=0, max_length=MAX_LENGTH, time_budget=budget)
    loops, cut = date_ordered_only(g, found.loops, window, deadline)
    return loops[:MAX_LOOPS], found.timed_out or cut


def filter_best_first(g: CompanyGraph, window: int | None, budget: float):
    deadline = time.perf_counter() + budget
    n = MAX_LOOPS
    while True:
        found = find_loops(g, max_loops=n, max_length=MAX_LENGTH,
                           time_budget=max(deadline - time.perf_counter(), 0.0))
        loops, cut = date_ordered_only(g, found.loops, window, deadline)
        if len(loops) >= MAX_LOOPS or not found.truncated or found.timed_out or cut:
            return loops[:MAX_LOOPS], found.timed_out or cut
        n *= 2


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="a 60/250 map: proves the script runs")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    n, m = (60, 250) if args.quick else (1000, 5000)
    budget = 0.5 if args.quick else BASELINE_BUDGET
    snap, undated = dated_map(n, m, args.seed)
    graph_ms, g = median_ms(lambda: CompanyGraph(snap))
    print(f"map {n:,}/{m:,} (seed {args.seed}; {undated:,} undated flows given a month), "
          f"{len(g.steps):,} steps; CompanyGraph {graph_ms:.0f} ms (not counted below)")
    print(f"best {MAX_LOOPS} date-ordered loops of at most {MAX_LENGTH} companies; median of 5; "
          f"baselines stopped after {budget:g} s")
    head = f"{'window':>8} {'search':>10} {'loops':>6} {'cut':>4} {'all loops+filter':>17} {'ratio':>8} " \
           f"{'best first+filter':>18} {'ratio':>7}"
    print(head)
    for window in WINDOWS:
        ms, res = median_ms(lambda w=window: find_date_ordered_loops(
            g, max_loops=MAX_LOOPS, max_length=MAX_LENGTH, within_days=w, time_budget=60))
        figures = []
        for base in (filter_all, filter_best_first):
            t0 = time.perf_counter()
            loops, timed_out = base(g, window, budget)
            base_ms = (time.perf_counter() - t0) * 1000
            if timed_out:
                figures.append((f">{base_ms:,.0f} ms", f">{base_ms / ms:,.0f}x"))
            else:
                assert tuple(loops) == res.loops, f"{base.__name__} disagrees with the search"
                figures.append((f"{base_ms:,.0f} ms", f"{base_ms / ms:,.1f}x"))
        label = "none" if window is None else f"{window} d"
        print(f"{label:>8} {ms:>7.0f} ms {len(res.loops):>6} {'yes' if res.truncated else 'no':>4} "
              f"{figures[0][0]:>17} {figures[0][1]:>8} {figures[1][0]:>18} {figures[1][1]:>7}"
              + ("  (search ran out of time)" if res.timed_out else ""))
    print("target: search <= 300 ms at 1,000/5,000; ratio = baseline time / search time")


if __name__ == "__main__":
    main()
