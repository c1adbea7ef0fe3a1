"""Speed of the stress test's clearing (editor/analysis/stress.py) against slow baselines.

    python benchmarks/bench_stress.py            # 1,000 companies / 5,000 flows (target <= 200 ms)
    python benchmarks/bench_stress.py --quick    # tiny size, a second or two

The diagram is the seeded deal map of benchmarks/generate.py (about half the
companies have a revenue, so many default, over several domino rounds). The
figure is ``clear`` (fictitious default algorithm, sparse LU per round) with
every obligation counted (``--obligations all``: the larger system), median of
5. Measured in the same run: the baseline, the same rounds with dense solves
(numpy ``linalg.solve``), and, in the notes, the fixed-point iteration
``p <- min(L, e + Pi^T p)`` from ``p = L`` (sparse products, run until it moves
less than 1e-12 of the largest obligation, stopped after 20 s), building the
input from the snapshot, and the largest differences between the answers.

The fixed-point iteration is fast on this map (about a hundred cheap
iterations) but only approximate, and it slows down without bound where money
goes round a group that leaks little of it (each turn takes off a fixed share
of the error); the exact algorithm takes at most one sparse solve per round.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from editor.analysis import stress  # noqa: E402

NAME = "stress test clearing (1 scenario)"
SEED = 2025
FULL = (1000, 5000)
QUICK = (40, 150)
BASELINE_CAP_S = 20.0


def _median_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3, result


def _fixed_point_capped(s: stress.ClearingSystem) -> tuple[np.ndarray, int, bool]:
    """The slow baseline: (payments, iterations, finished before the cap)."""
    p = s.L.copy()
    scale = max(1.0, float(np.max(s.L, initial=0.0)))
    t0, it = time.perf_counter(), 0
    while True:
        it += 1
        nxt = np.minimum(s.L, s.e + s.PiT @ p)
        if np.max(np.abs(nxt - p), initial=0.0) <= 1e-12 * scale:
            return nxt, it, True
        p = nxt
        if time.perf_counter() - t0 > BASELINE_CAP_S:
            return p, it, False


def _dense_fda(s: stress.ClearingSystem) -> np.ndarray:
    """The same rounds as :func:`stress.fictitious_default`, with dense solves."""
    L, e, PiT = s.L, s.e, s.PiT.toarray()
    p, D = L.copy(), np.zeros(len(L), dtype=bool)
    while True:
        new = ((e + PiT @ p) < L * (1 - stress.RTOL)) & ~D
        if not new.any():
            return p
        D |= new
        d, nd = np.flatnonzero(D), np.flatnonzero(~D)
        A = np.eye(len(d)) - PiT[np.ix_(d, d)]
        p = L.copy()
        p[d] = np.clip(np.linalg.solve(A, e[d] + PiT[np.ix_(d, nd)] @ L[nd]), 0, L[d])


def measure(n: int, m: int, repeat: int = 5) -> dict[str, Any]:
    snapshot = generate(n, m, SEED).snapshot()
    build_ms, inp = _median_ms(lambda: stress.stress_input(snapshot, "all"), repeat)
    clear_ms, result = _median_ms(lambda: stress.clear(inp), repeat)
    s = stress.system(inp)
    t = time.perf_counter()
    slow, iterations, finished = _fixed_point_capped(s)
    base_ms = (time.perf_counter() - t) * 1e3
    t = time.perf_counter()
    dense = _dense_fda(s)
    dense_ms = (time.perf_counter() - t) * 1e3
    fast = np.array([c.paid for c in result.companies])
    return {"n": n, "m": m, "obligations": len(inp.obligations), "clear_ms": clear_ms, "build_ms": build_ms,
            "baseline_ms": base_ms, "baseline_finished": finished, "iterations": iterations,
            "dense_ms": dense_ms, "defaulted": len(result.defaulted), "rounds": result.rounds,
            "diff_fixed_point": float(np.max(np.abs(fast - slow), initial=0.0)),
            "diff_dense": float(np.max(np.abs(fast - dense), initial=0.0))}


def table_rows(quick: bool) -> list[dict]:
    """One row for benchmarks/run.py."""
    import bench_io as B

    n, m = B.sizes(quick)["medium"]
    r = measure(n, m, 3 if quick else 5)
    note = (f"{r['obligations']} obligations, {r['defaulted']} companies default over {r['rounds']} rounds; "
            f"building the input from the snapshot {r['build_ms']:.0f} ms; fixed-point iteration "
            f"{'' if r['baseline_finished'] else '>'}{r['baseline_ms']:.0f} ms "
            f"({r['iterations']} iterations, differs by up to {r['diff_fixed_point']:.1e})")
    return [B.row(NAME, B.size_label((n, m)), r["clear_ms"], "ms", size_key="medium",
                  baseline_name="same rounds, dense solves", baseline=r["dense_ms"], note=note)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="tiny size")
    args = ap.parse_args(argv)
    n, m = QUICK if args.quick else FULL
    r = measure(n, m)
    bound = "" if r["baseline_finished"] else ">"
    print(f"stress clearing at {n:,} companies / {m:,} flows "
          f"({r['obligations']:,} obligations, all counted): "
          f"{r['defaulted']} companies default over {r['rounds']} rounds")
    print(f"  clear (fictitious default, sparse LU), median of 5: {r['clear_ms']:8.1f} ms   target <= 200 ms")
    print(f"  baseline: same rounds with dense solves:            {r['dense_ms']:8.1f} ms"
          f"   (ratio {r['clear_ms'] / r['dense_ms']:.3f})")
    print(f"  fixed-point iteration from p = L (approximate):     {bound}{r['baseline_ms']:7.1f} ms"
          f"   ({r['iterations']} iterations)")
    print(f"  building the input from the snapshot:               {r['build_ms']:8.1f} ms")
    print(f"  largest difference in payments: fixed point {r['diff_fixed_point']:.1e}, "
          f"dense {r['diff_dense']:.1e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
