"""Autosave cost: GUI-thread snapshot time vs worker-thread write time, by diagram size.

    python benchmarks/bench_autosave.py

The GUI thread only takes ``diagram.snapshot()``; serialising and writing run
in the autosave worker. Figures are printed (ratio of GUI time to write time),
never asserted.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.io import recovery  # noqa: E402
from editor.model import Company, Diagram, Flow  # noqa: E402


def build(n: int) -> Diagram:
    d = Diagram()
    for i in range(n):
        d.add_company(Company(f"c{i}", f"Company {i}", "other", valuation=float(i), x=i, y=i, notes="note"))
    for j in range(3 * n):
        d.add_flow(Flow(f"f{j}", f"c{j % n}", f"c{(j * 7 + 1) % n}", "equity", float(j), note="n"))
    return d


def best(fn, repeat=5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def gui_stall(snap, folder: str) -> tuple[float, float]:
    """Longest gap (ms) of a 1 ms ticking loop on this thread while the worker writes, and the write time."""
    done = threading.Event()
    took = []

    def work():
        t0 = time.perf_counter()
        recovery.write_recovery(snap, key="s", original_path=None, display_name="s", folder=folder)
        took.append(time.perf_counter() - t0)
        done.set()

    threading.Thread(target=work).start()
    worst, last = 0.0, time.perf_counter()
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        worst, last = max(worst, now - last), now
    return worst * 1000, took[0] * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'companies':>9} {'flows':>6} {'snapshot (GUI)':>15} {'serialise':>10} "
              f"{'write+fsync':>12} {'GUI/total':>9}")
        for n in (10, 100, 1000, 5000):
            d = build(n)
            snap_t = best(d.snapshot)
            snap = d.snapshot()
            names = {"key": "b", "original_path": None, "display_name": "b"}
            ser_t = best(partial(recovery.recovery_bytes, snap, **names))
            write_t = best(partial(recovery.write_recovery, snap, **names, folder=folder))
            print(f"{n:>9} {3 * n:>6} {snap_t * 1000:>12.3f} ms {ser_t * 1000:>7.2f} ms "
                  f"{write_t * 1000:>9.2f} ms {snap_t / write_t:>9.4f}")
        print("\nGUI-thread stall while the worker writes (1 ms ticks; a tick itself is ~1.1 ms):")
        for n in (1000, 5000):
            snap = build(n).snapshot()
            stalls = [gui_stall(snap, folder) for _ in range(3)]
            print(f"  {n:>5} companies: worst gap {max(s for s, _ in stalls):6.1f} ms during a "
                  f"{statistics.median(t for _, t in stalls):6.1f} ms write")


if __name__ == "__main__":
    main()
