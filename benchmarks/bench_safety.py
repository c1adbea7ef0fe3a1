"""Time and peak memory of hostile inputs ("bombs"), against the limits that guard them.

Each case runs in a fresh Python process that reports its wall time and its peak
resident set size (``VmHWM``), so one case's memory never hides another's:

* ``/dev/zero`` and a FIFO given as a diagram: refused before reading;
* a diagram file one byte over the 64 MB limit (sparse): refused before reading;
* a 5,000-digit amount: refused with its place;
* a ring of companies (100,000; 2,000 with ``--quick``) analysed as the window does
  (interactive budgets): its wall time against the 2 s budget, memory linear in the map;
* ``roundtrip analyze --max-loops 0`` on 5,000 companies / 50,000 flows (300 / 3,000
  with ``--quick``): the 10 s budget bounds the whole run;
* a random deal map of 50,000 companies / 250,000 flows (5,000 / 25,000 with ``--quick``)
  analysed as the window does: its wall time against the 2 s budget.

The ring and the deal map say how long the analysis took against its budget, and how much of
that is the fixed part no budget can skip (building the graph, the totals and company sums).

Run alone: ``python benchmarks/bench_safety.py [--quick]``; ``benchmarks/run.py`` runs it as
its "safety" part (:func:`table_rows`).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

RING, QUICK_RING = 100_000, 2_000
MAP, QUICK_MAP = (5000, 50_000), (300, 3000)
DEALS, QUICK_DEALS = (50_000, 250_000), (5_000, 25_000)
#: The window's analysis: the round-trip budget of editor.background.analysis_worker (not imported:
#: it brings Qt) and the loop search's 2 s make a whole budget of 2 s (editor.analysis.engine.whole_budget).
WINDOW_ROUND_TRIPS, WINDOW_BUDGET = 0.3, 2.0

#: Row names in benchmarks/run.py, with their size key.
ZERO = "bomb: /dev/zero as a diagram"
FIFO = "bomb: FIFO as a diagram"
OVERSIZE = "bomb: diagram 1 byte over 64 MB"
DIGITS = "bomb: 5,000-digit amount"
RING_TIME = "ring analysed in the window, time"
RING_MEMORY = "ring analysed in the window, peak"
CLI_TIME = "analyze --max-loops 0, time"
CLI_MEMORY = "analyze --max-loops 0, peak"
DEALS_TIME = "deal map analysed in the window, time"
DEALS_MEMORY = "deal map analysed in the window, peak"
ROWS = [(ZERO, "bomb"), (FIFO, "bomb"), (OVERSIZE, "bomb"), (DIGITS, "bomb"),
        (RING_TIME, "ring"), (RING_MEMORY, "ring"), (CLI_TIME, "dense"), (CLI_MEMORY, "dense"),
        (DEALS_TIME, "deals"), (DEALS_MEMORY, "deals")]
#: size key -> the size column (the sizes themselves are in each row's note).
SIZE_LABELS = {"bomb": "hostile file", "ring": "ring map", "dense": "dense map", "deals": "huge deal map"}
#: (name, size key) -> limit: refusals before reading, the CLI's 10 s budget plus 1 s, memory.
TARGETS = {(ZERO, "bomb"): (1000.0, None), (FIFO, "bomb"): (1000.0, None),
           (OVERSIZE, "bomb"): (1000.0, None), (DIGITS, "bomb"): (1000.0, None),
           (RING_MEMORY, "ring"): (1000.0, None), (DEALS_MEMORY, "deals"): (1500.0, None),
           (CLI_TIME, "dense"): (11000.0, None), (CLI_MEMORY, "dense"): (1000.0, None)}

CHILD = r'''
import json, os, sys, time
sys.path[:0] = [{root!r}, {here!r}]
from bench_memory import peak_rss_mb
case, arg, quick = sys.argv[1], sys.argv[2], sys.argv[3] == "1"


def _windowed(analyze, snap):
    """Analyse as the window does (a round-trip budget, so a whole budget): the time against it."""
    global elapsed
    t = time.perf_counter()
    r = analyze(snap, round_trip_budget={round_trips})
    wall = elapsed = time.perf_counter() - t      # (not the time of freeing the result afterwards)
    parts = dict(r.timings)
    fixed = parts["graph"] + parts["sums"]
    return (f"{{wall:.2f}} s of a {{{budget}:g}} s budget ({{wall / {budget}:.0%}}), fixed part (graph, "
            f"sums) {{fixed:.2f}} s; skipped: {{', '.join(r.skipped) or 'none'}}; {{len(r.loops)}} loop(s), "
            f"round trips complete: {{r.round_trip_complete}}")


from editor.io import native  # imports are not part of the figure
t0 = time.perf_counter()
elapsed = None
outcome = "done"
try:
    if case in ("zero", "fifo", "oversize", "digits"):
        native.load(arg)
    elif case == "ring":
        from editor.analysis import analyze
        from editor.model import Company, Diagram, Flow
        n = int(arg)
        d = Diagram()
        for i in range(n):
            d.add_company(Company(f"c{{i}}", f"C{{i}}", "other", x=float(i % 1000), y=float(i // 1000)))
        for i in range(n):
            d.add_flow(Flow(f"f{{i}}", f"c{{i}}", f"c{{(i + 1) % n}}", "venture", 1.0 + i % 7))
        outcome = _windowed(analyze, d.snapshot())
    elif case == "map":
        from editor.analysis import analyze
        from generate import generate
        n, m = map(int, arg.split("/"))
        snap = generate(n, m, 7).snapshot()
        outcome = _windowed(analyze, snap)
    elif case == "cli":
        from editor.cli.main import main
        import io, contextlib
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["analyze", arg, "--json", "--max-loops", "0"])
        outcome = f"exit {{code}}, {{len(out.getvalue()) / 1e6:.1f}} MB of JSON"
except Exception as e:
    outcome = f"refused: {{str(e)[:90]}}"
seconds = time.perf_counter() - t0 if elapsed is None else elapsed
print(json.dumps({{"seconds": seconds, "peak_mb": peak_rss_mb(), "outcome": outcome}}))
'''


def _child(case: str, arg: str, quick: bool, timeout: float = 600) -> dict:
    code = CHILD.format(root=str(ROOT), here=str(HERE), budget=WINDOW_BUDGET, round_trips=WINDOW_ROUND_TRIPS)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", code, case, arg, "1" if quick else "0"],
                              capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"seconds": time.perf_counter() - t0, "peak_mb": float("nan"), "outcome": "TIMED OUT"}
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"seconds": time.perf_counter() - t0, "peak_mb": float("nan"),
                "outcome": "ERROR " + proc.stderr.strip()[-200:]}


def run(quick: bool) -> list[tuple[str, str, dict]]:
    from benchmarks.generate import generate
    from editor.io import native

    rows: list[tuple[str, str, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        zero = folder / "zero.roundtrip"
        zero.symlink_to("/dev/zero")
        rows.append(("/dev/zero as a diagram", "refused before reading", _child("zero", str(zero), quick)))
        fifo = folder / "pipe.roundtrip"
        os.mkfifo(fifo)
        rows.append(("FIFO as a diagram", "refused, never blocks", _child("fifo", str(fifo), quick)))
        big = folder / "big.roundtrip"
        with open(big, "wb") as fh:
            fh.truncate(native.MAX_FILE_SIZE + 1)
        rows.append(("diagram 1 byte over 64 MB", "refused before reading",
                     _child("oversize", str(big), quick)))
        digits = folder / "digits.roundtrip"
        digits.write_text('{"format": "roundtrip", "version": 1, "companies": [{"id": "a", "name": "A"}, '
                          '{"id": "b", "name": "B"}], "flows": [{"id": "f", "source": "a", "target": "b", '
                          '"type": "venture", "amount": ' + "7" * 5000 + "}]}")
        rows.append(("5,000-digit amount", "300 digits", _child("digits", str(digits), quick)))
        n = QUICK_RING if quick else RING
        rows.append((f"ring of {n:,} companies, analysed",
                     f"{WINDOW_BUDGET:g} s budget + 10 %, memory linear", _child("ring", str(n), quick)))
        size = QUICK_MAP if quick else MAP
        dense = folder / "dense.roundtrip"
        native.save(generate(*size, 7), dense)
        rows.append((f"analyze --max-loops 0, {size[0]:,}/{size[1]:,}", "10 s budget + 5,000 loops",
                     _child("cli", str(dense), quick)))
        deals = QUICK_DEALS if quick else DEALS
        rows.append((f"deal map {deals[0]:,}/{deals[1]:,}, analysed", f"{WINDOW_BUDGET:g} s budget + 10 %",
                     _child("map", f"{deals[0]}/{deals[1]}", quick)))
    return rows


def table_rows(quick: bool) -> list[dict]:
    """The rows of benchmarks/run.py's "safety" part: time (and, for the large cases, peak memory)."""
    import bench_io as B

    cases = run(quick)
    names = [ZERO, FIFO, OVERSIZE, DIGITS, RING_TIME, CLI_TIME, DEALS_TIME]
    rows = []
    for name, (case, limit, r) in zip(names, cases, strict=True):
        key = next(k for n, k in ROWS if n == name)
        failed = r["outcome"] in ("TIMED OUT",) or r["outcome"].startswith("ERROR")
        note = f"{case}: {r['outcome']}; peak {r['peak_mb']:.0f} MB; limit: {limit}"
        rows.append(B.row(name, SIZE_LABELS[key], None if failed else r["seconds"] * 1e3, "ms",
                          size_key=key, note=note[:200], status="ERROR" if failed else None))
        if name in (RING_TIME, CLI_TIME, DEALS_TIME):
            memory = {RING_TIME: RING_MEMORY, CLI_TIME: CLI_MEMORY, DEALS_TIME: DEALS_MEMORY}[name]
            peak = r["peak_mb"]
            rows.append(B.row(memory, SIZE_LABELS[key], None if failed or peak != peak else peak, "MB",
                              size_key=key, note=f"{case}: peak resident memory of the process",
                              status="ERROR" if failed else None))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller ring and map")
    args = ap.parse_args(argv)
    rows = run(args.quick)
    print(f"{'Case':<42} {'Limit':<40} {'Time':>9} {'Peak RSS':>10}  Outcome")
    for name, limit, r in rows:
        print(f"{name:<42} {limit:<40} {r['seconds']:>8.2f}s {r['peak_mb']:>8.0f}MB  {r['outcome']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
