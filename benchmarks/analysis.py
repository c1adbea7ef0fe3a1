"""Speed of the analysis on seeded random deal maps, against a naive baseline.

    python benchmarks/analysis.py            # 200/1,000 and 1,000/5,000 companies/flows
    python benchmarks/analysis.py --quick    # tiny sizes, a few seconds (CI)

For each size: the full ``analyze`` (default limits: 100 loops, length 12;
its loop time budget is part of the figure), its parts, the time to
re-analyze after one edit (a mix of raised and halved amounts, added and
removed flows, on random flows: what can be reused from the analysis before
the edit is, the rest is computed again), and the naive baseline measured in the
same run (also against the ranked loop search alone, which does what the
baseline does): networkx ``simple_cycles`` with the same length bound, then sort by
bottleneck and take the best N. The baseline runs in a subprocess and stops
after a timeout; it is then reported as "> T s" and the ratio is a lower bound.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from editor.analysis import (  # noqa: E402
    CompanyGraph,
    analyze,
    find_loops,
    flow_helper,  # noqa: E402
)
from editor.analysis.circulation import clear_cache  # noqa: E402
from editor.model import Flow  # noqa: E402
from editor.model.layout import layout_positions  # noqa: E402

MAX_LOOPS = 100
MAX_LENGTH = 12


def baseline(n: int, m: int, seed: int, timeout: float) -> dict:
    """Naive top-N: every simple cycle up to the length bound, sorted. Runs in this process."""
    import networkx as nx

    snap = generate(n, m, seed).snapshot()
    t0 = time.perf_counter()
    g = CompanyGraph(snap)
    G = nx.DiGraph()
    for e, (u, v) in enumerate(zip(g.src, g.dst, strict=True)):
        G.add_edge(u, v, amount=g.steps[e].amount)
    found = []
    for count, cycle in enumerate(nx.simple_cycles(G, length_bound=MAX_LENGTH)):
        amounts = [G[cycle[i]][cycle[(i + 1) % len(cycle)]]["amount"] for i in range(len(cycle))]
        found.append((None in amounts, -min(a for a in amounts if a is not None) if None not in amounts
                      else 0.0, len(cycle), cycle))
        if not count % 1000 and time.perf_counter() - t0 > timeout:
            return {"finished": False, "seconds": time.perf_counter() - t0, "cycles": len(found)}
    found.sort()
    top = found[:MAX_LOOPS]
    return {"finished": True, "seconds": time.perf_counter() - t0, "cycles": len(found), "top": len(top)}


def run_baseline(n: int, m: int, seed: int, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--baseline", str(n), str(m), str(seed), str(timeout)]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout * 3 + 30, check=True)
        return json.loads(out.stdout)
    except subprocess.TimeoutExpired:
        return {"finished": False, "seconds": timeout, "cycles": None}


EDIT_KINDS = ("raise", "lower", "add", "remove")


def edit_times(diagram, seed: int, rounds: int) -> dict[str, list[float]]:
    """Seconds of ``analyze`` after each of ``rounds`` edits of every kind, on random flows.

    Kinds: raise an amount by half, halve one, add a flow between two random
    companies (an amount drawn from the existing ones), remove a flow. Each
    edit is analysed right after it, like the app does.
    """
    rng = random.Random(seed)
    ids = [c.id for c in diagram.companies()]
    amounts = [f.amount for f in diagram.flows() if f.amount is not None]
    times: dict[str, list[float]] = {k: [] for k in EDIT_KINDS}
    analyze(diagram.snapshot())
    for r in range(rounds):
        for kind in EDIT_KINDS:
            known = [f for f in diagram.flows() if f.amount is not None]
            if kind == "raise" or kind == "lower":
                f = rng.choice(known)
                diagram.update_flow(f.id, amount=f.amount * (1.5 if kind == "raise" else 0.5))
            elif kind == "add":
                a, b = rng.sample(ids, 2)
                diagram.add_flow(Flow(f"bench-{r}", a, b, diagram.flow_types()[0].id, rng.choice(amounts)))
            else:
                diagram.remove_flow(rng.choice(known).id)
            t = time.perf_counter()
            analyze(diagram.snapshot())
            times[kind].append(time.perf_counter() - t)
    return times


def edit_summary(edits: dict[str, list[float]]) -> str:
    """'raise 12 ms (max 30), lower ...' : median and slowest analysis after each kind of edit."""
    return ", ".join(f"{kind} {statistics.median(t) * 1e3:.0f} ms (max {max(t) * 1e3:.0f})"
                     for kind, t in edits.items())


def _median_time(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def measure(n: int, m: int, seed: int, timeout: float, repeat: int) -> dict:
    diagram = generate(n, m, seed)
    snap = diagram.snapshot()
    flow_helper.allow()   # as in the app's analysis process
    analyze(snap)  # warm-up (imports; starts the helper process on big maps)
    flow_helper.wait_ready(30)

    def cold():  # the per-component cache emptied: the figure of a first analysis
        clear_cache()
        return analyze(snap)

    full, result = _median_time(cold, repeat)
    loops_only, _ = _median_time(
        lambda: find_loops(CompanyGraph(snap), max_loops=MAX_LOOPS, max_length=MAX_LENGTH), repeat)
    edits = edit_times(diagram, seed, rounds=repeat)
    edit = statistics.median(t for times in edits.values() for t in times)
    base = run_baseline(n, m, seed, timeout)
    return {"n": n, "m": m, "full": full, "edit": edit, "edits": edits, "loops_only": loops_only,
            "parts": dict(result.timings),
            "loops": len(result.loops), "truncated": result.loops_truncated,
            "timed_out": result.loops_timed_out, "base": base}


def _ms(s: float) -> str:
    return f"{s * 1e3:8.1f} ms"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="tiny sizes, a few seconds")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--timeout", type=float, help="baseline timeout in seconds")
    p.add_argument("--baseline", nargs=4, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.baseline:
        n, m, seed, timeout = a.baseline
        print(json.dumps(baseline(int(n), int(m), int(seed), float(timeout))))
        return 0
    sizes = [(30, 100), (60, 250)] if a.quick else [(200, 1000), (1000, 5000)]
    timeout = a.timeout or (2.0 if a.quick else 20.0)
    repeat = 2 if a.quick else 5
    print(f"analysis benchmark (seed {a.seed}, max_loops {MAX_LOOPS}, max_length {MAX_LENGTH}, "
          f"baseline timeout {timeout:g} s)")
    print(f"{'companies/flows':>16} {'analyze':>11} {'after edit':>11} {'top loops':>11} {'baseline':>28} "
          f"{'analyze vs':>10} {'loops vs':>10}   parts of analyze (ms)")
    for n, m in sizes:
        r = measure(n, m, a.seed, timeout, repeat)
        b = r["base"]
        if b["finished"]:
            base = f"{b['seconds'] * 1e3:8.1f} ms ({b['cycles']} loops)"
            ratio = f"{b['seconds'] / r['full']:9.1f}x"
            ratio2 = f"{b['seconds'] / r['loops_only']:9.1f}x"
        else:
            base = f"> {timeout:g} s (did not finish)"
            ratio = f">{timeout / r['full']:8.1f}x"
            ratio2 = f">{timeout / r['loops_only']:8.1f}x"
        parts = ", ".join(f"{k} {v * 1e3:.0f}" for k, v in r["parts"].items())
        flags = " [loops truncated]" if r["truncated"] else ""
        flags += " [loop time budget ran out]" if r["timed_out"] else ""
        print(f"{n:>7}/{m:<8} {_ms(r['full'])} {_ms(r['edit'])} {_ms(r['loops_only'])} {base:>28} "
              f"{ratio:>10} {ratio2:>10}   {parts}{flags}")
        print(f"{'':>16} after one edit: {edit_summary(r['edits'])}")
    for n, m in ([(200, 1000)] if a.quick else [(1000, 5000), (2000, 10000)]):
        d = generate(n, m, a.seed)
        ids = [c.id for c in d.companies()]
        t = time.perf_counter()
        layout_positions(d, ids)
        print(f"automatic layout of {n} companies / {m} flows: {_ms(time.perf_counter() - t)}")
    print("analyze: loops, circulation, all round-trip capacities and metrics; top loops: graph + ranked "
          "search only (what the baseline does); ratios: baseline time / ours (lower bound with '>').")
    return 0


if __name__ == "__main__":
    sys.exit(main())
