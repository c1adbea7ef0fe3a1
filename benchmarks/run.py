"""Run every Roundtrip benchmark and print one table.

    python benchmarks/run.py            # full sizes, a few minutes
    python benchmarks/run.py --quick    # tiny sizes, well under a minute (CI smoke run)

Writes the seeded benchmark diagrams to ``bench-out/`` (git-ignored), then runs
each part in its own fresh Python process (so one part's memory, caches or a
crash cannot touch another) and prints each figure with its target, the
baseline measured in the same run, the ratio figure/baseline, and PASS/MISS.
Exit status 1 when a part fails to produce its figures (MISS does not fail).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import bench_build as BB  # noqa: E402
import bench_idle as I  # noqa: E402
import bench_io as B  # noqa: E402
import bench_labels as L  # noqa: E402
import bench_layout as LAY  # noqa: E402
from bench_ledger import NAME as LEDGER  # noqa: E402
from bench_ledger import QUICK_ROWS as LEDGER_ROWS  # noqa: E402
from bench_safety import ROWS as SAFETY_ROWS  # noqa: E402
from bench_safety import SIZE_LABELS as SAFETY_LABELS  # noqa: E402
from bench_safety import TARGETS as SAFETY_TARGETS  # noqa: E402
from bench_stress import NAME as STRESS  # noqa: E402
from bench_tables import ROWS as TABLES_ROWS  # noqa: E402
from bench_tables import TARGETS as TABLES_TARGETS  # noqa: E402
from bench_tables import size_labels as tables_labels  # noqa: E402
from bench_timeline import NAME as TIMELINE  # noqa: E402

AI_SAMPLE = ROOT / "samples" / "ai-money-machine-2025.roundtrip"
#: The analysis of a file just opened: nothing from an earlier analysis to reuse.
ANALYSIS_FIRST = "full analysis, first run on a file"

#: part -> rows it must produce: (name, size key).
PARTS: dict[str, list[tuple[str, str]]] = {
    "io": [(n, k) for k in ("small", "medium", "large") for n in (B.OPEN, B.SAVE)],
    "canvas": [(n, k) for k in ("small", "large") for n in (B.DRAG_HUB, B.DRAG_LEAF)]
    + [(B.DRAG_HUB_1, "large"), (B.DRAG_LEAF_1, "large")],
    "analysis": [(n, k) for k in ("small", "medium") for n in (B.ANALYSIS, ANALYSIS_FIRST)],
    "export": [(B.EXPORT, "ai"), (B.EXPORT, "medium")],
    "memory": [(B.MEMORY, "large")],
    "eventloop": [(B.GAP, "medium")],
    "stress": [(STRESS, "medium")],
    "timeline": [(TIMELINE, "large")],
    "labels": [(L.OVERLAPS, "samples"), (L.OVERLAPS, "csv")] + [(L.FIT, f"{w}x{h}") for w, h in L.WINDOWS]
    + [(L.PLACE, "medium"), (L.PLACE, "large")],
    "ledger": [(LEDGER, "ledger")],
    "safety": SAFETY_ROWS,
    "tables": TABLES_ROWS,
    "idle": [(I.IDLE_CPU, "idle"), (I.IDLE_RSS, "idle")],
    "build": [(n, k) for k in ("build-dense", "build-map") for n in (BB.BUILD, BB.STEP)],
    "layout": [(LAY.NAME, "layout-medium"), (LAY.NAME, "layout-large"), (LAY.WINDOW_NAME, "layout-window")],
}

#: (name, size key) -> (target figure, target ratio or None). Figures above target: MISS.
TARGETS: dict[tuple[str, str], tuple[float, float | None]] = {
    (B.OPEN, "large"): (1000.0, None),
    (B.SAVE, "large"): (500.0, None),
    (B.DRAG_HUB, "large"): (16.0, None),
    (B.DRAG_LEAF, "large"): (16.0, None),
    (B.DRAG_HUB_1, "large"): (16.0, None),
    (B.DRAG_LEAF_1, "large"): (16.0, None),
    (B.ANALYSIS, "small"): (50.0, None),
    (B.ANALYSIS, "medium"): (300.0, None),
    (ANALYSIS_FIRST, "small"): (50.0, None),
    (ANALYSIS_FIRST, "medium"): (300.0, None),
    (B.EXPORT, "ai"): (1000.0, 1.0),       # and no slower than Graphviz
    (B.MEMORY, "large"): (300.0, None),
    (B.GAP, "medium"): (50.0, None),
    (STRESS, "medium"): (200.0, None),
    (TIMELINE, "large"): (50.0, None),
    (L.OVERLAPS, "samples"): (0.0, None),
    (L.OVERLAPS, "csv"): (0.0, None),
    (LEDGER, "ledger"): (30000.0, None),   # 10M-row target; this row runs 100,000 (full: bench_ledger.py)
    **SAFETY_TARGETS,                      # hostile inputs against their limits (bench_safety.py)
    **TABLES_TARGETS,                      # large edge lists against pandas/openpyxl (bench_tables.py)
    (I.IDLE_CPU, "idle"): (5.0, None),     # a window left alone costs (almost) nothing
    (I.IDLE_RSS, "idle"): (20.0, None),
    (BB.STEP, "build-dense"): (250.0, None),   # the window stays responsive while a map is drawn
    (BB.STEP, "build-map"): (250.0, None),
    **{(LAY.NAME, k): t for k, t in LAY.TARGETS.items()},  # a 100,000-row table placed in seconds
    (LAY.WINDOW_NAME, "layout-window"): LAY.WINDOW_TARGET,  # the labels follow in the background
}

TIMEOUT = {"quick": 150, "full": 420}  # per part (the idle part: two whole-app runs of 30 s idle)


# ------------------------------------------------------------ parts (children)
def analysis_rows(quick: bool, out: Path) -> list[dict]:
    """The analysis engineer's benchmark (benchmarks/analysis.py), as table rows."""
    from benchmarks import analysis

    timeout, repeat = (2.0, 2) if quick else (20.0, 5)
    rows = []
    for key in ("small", "medium"):
        size = B.sizes(quick)[key]
        label = B.size_label(size)
        r = analysis.measure(size[0], size[1], B.SEED, timeout, repeat)
        base = r["base"]
        parts = ", ".join(f"{k} {v * 1e3:.0f}" for k, v in r["parts"].items())
        note = (f"median of {sum(map(len, r['edits'].values()))} edits: {analysis.edit_summary(r['edits'])}; "
                f"{r['loops']} loops")
        baseline = dict(baseline_name="networkx simple_cycles, sort, top 100", baseline=base["seconds"] * 1e3,
                        baseline_bound="" if base["finished"] else ">")
        rows.append(B.row(B.ANALYSIS, label, r["edit"] * 1e3, "ms", size_key=key, note=note, **baseline))
        if r["timed_out"]:
            parts += "; loop time budget ran out"
        rows.append(B.row(ANALYSIS_FIRST, label, r["full"] * 1e3, "ms", size_key=key,
                          note=f"median of {repeat}, caches emptied; parts: {parts}", **baseline))
    return rows


def export_rows(quick: bool, out: Path) -> list[dict]:
    """The image-export engineer's benchmark (benchmarks/export.py), as table rows."""
    try:
        from benchmarks import export
    except ImportError as e:
        why = f"benchmarks/export.py not available ({e})"
        return [B.unavailable(B.EXPORT, "AI sample", "ms", why, size_key="ai"),
                B.unavailable(B.EXPORT, B.size_label(B.sizes(quick)["medium"]), "ms", why, size_key="medium")]
    return export.table_rows(quick, out)


def part_rows(part: str, quick: bool, out: Path) -> list[dict]:
    paths = {k: B.bench_file(s, out) for k, s in B.sizes(quick).items()}
    if part == "io":
        return B.run(quick, out, paths)
    if part == "analysis":
        return analysis_rows(quick, out)
    if part == "export":
        return export_rows(quick, out)
    if part in ("canvas", "eventloop"):
        import bench_canvas
        if part == "canvas":
            return bench_canvas.run(quick, paths)
        return bench_canvas.run_event_loop(quick, paths)
    if part == "stress":
        import bench_stress
        return bench_stress.table_rows(quick)
    if part == "timeline":
        import bench_timeline
        return bench_timeline.table_rows(quick, paths)
    if part == "labels":
        return L.table_rows(quick)
    if part == "ledger":
        import bench_ledger
        return bench_ledger.table_rows(quick)
    if part == "safety":
        import bench_safety
        return bench_safety.table_rows(quick)
    if part == "tables":
        import bench_tables
        return bench_tables.table_rows(quick)
    if part == "memory":
        import bench_memory
        return bench_memory.run(quick, paths)
    if part == "idle":
        return I.table_rows(quick)
    if part == "build":
        return BB.table_rows(quick)
    if part == "layout":
        return LAY.table_rows(quick)
    raise SystemExit(f"unknown part {part!r}")


# ---------------------------------------------------------------- parent
def run_part(part: str, quick: bool, out: Path) -> tuple[list[dict], str]:
    """Rows of one part from a fresh process, and its error text ('' when fine)."""
    with tempfile.TemporaryDirectory() as tmp:
        rows_file = Path(tmp) / "rows.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--part", part, "--rows", str(rows_file),
               "--out", str(out)] + (["--quick"] if quick else [])
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        limit = TIMEOUT["quick" if quick else "full"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, env=env, cwd=ROOT)
        except subprocess.TimeoutExpired:
            return [], f"part {part!r} did not finish in {limit} s"
        if proc.returncode != 0 or not rows_file.exists():
            tail = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
            return [], f"part {part!r} failed: {tail}"[:200]
        return json.loads(rows_file.read_text(encoding="utf-8")), ""


def merge(quick: bool, results: dict[str, tuple[list[dict], str]]) -> list[dict]:
    """Rows in table order; every expected row is there (an ERROR row when its part failed)."""
    labels = {k: B.size_label(s) for k, s in B.sizes(quick).items()}
    labels["ai"] = "AI sample"
    labels.update(L.SIZE_LABELS)
    labels["ledger"] = f"{LEDGER_ROWS:,} rows"
    labels.update(SAFETY_LABELS)
    labels.update(tables_labels(quick))
    labels["idle"] = I.size_label(quick)
    labels.update(BB.size_labels(quick))
    labels.update(LAY.size_labels(quick))
    merged = []
    for part, expected in PARTS.items():
        rows, error = results.get(part, ([], "not run"))
        by_key = {(r["name"], r.get("size_key", "")): r for r in rows}
        for name, key in expected:
            r = by_key.pop((name, key), None)
            if r is None:
                unit = "MB" if name in (B.MEMORY, I.IDLE_RSS) or name.endswith(", peak") else "ms"
                unit = I.CPU_UNIT if name == I.IDLE_CPU else unit
                status = "SKIP" if error == "not run" else "ERROR"
                r = B.row(name, labels[key], None, unit, size_key=key, status=status,
                          note=error or "the part produced no figure for this row")
            merged.append(r)
        merged.extend(by_key.values())  # extra rows a part chose to add
    for r in merged:
        target, ratio_target = TARGETS.get((r["name"], r.get("size_key", "")), (None, None))
        r["target"], r["ratio_target"] = target, ratio_target
        r["ratio"] = (r["value"] / r["baseline"]) if r["value"] is not None and r["baseline"] else None
        if r.get("status"):
            continue
        if target is None:
            r["status"] = "-"
        else:
            ok = r["value"] <= target
            if ratio_target is not None:
                ok = ok and r["ratio"] is not None and r["ratio"] <= ratio_target
            r["status"] = "PASS" if ok else "MISS"
    return merged


def _fig(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit != "ms":
        return f"{value:g} {unit}" if unit != "%" else f"{value:.0f} %"
    return f"{value:.1f} ms" if value < 100 else f"{value:,.0f} ms"


def format_table(rows: list[dict]) -> str:
    head = ("#", "Measurement", "Size", "Figure", "Target", "Baseline", "Base fig.", "Ratio", "Result")
    lines = []
    for r in rows:
        target = "-" if r["target"] is None else "<= " + _fig(r["target"], r["unit"])
        if r.get("ratio_target") is not None:
            target += f", ratio <= {r['ratio_target']:g}"
        bound = r.get("baseline_bound", "")
        base = "-" if r["baseline"] is None else bound + _fig(r["baseline"], r["unit"])
        ratio = "-" if r["ratio"] is None else ("<" if bound else "") + f"{r['ratio']:.2f}x"
        lines.append((str(len(lines) + 1), r["name"], r["size"], _fig(r["value"], r["unit"]), target,
                      r["baseline_name"] or "-", base, ratio, r["status"]))
    widths = [max(len(str(x[i])) for x in [head] + lines) for i in range(len(head))]
    fmt = "  ".join(f"{{:{'<' if i in (1, 2, 5) else '>'}{w}}}" for i, w in enumerate(widths))
    out = [fmt.format(*head), "  ".join("-" * w for w in widths)]
    out += [fmt.format(*x) for x in lines]
    notes = [(i, r["note"]) for i, r in enumerate(rows, 1) if r.get("note")]
    if notes:
        out.append("")
        out += [f"{i:>{widths[0]}}  {note}" for i, note in notes]
    return "\n".join(out)


def header(quick: bool, generator: str) -> str:
    import PySide6
    load = os.getloadavg()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"Roundtrip benchmarks{' (--quick: tiny sizes, figures are not meaningful)' if quick else ''}\n"
            f"machine: {os.cpu_count()} cores (nproc {usable}), "
            f"load average {load[0]:.1f} at start; Python {platform.python_version()}, "
            f"PySide6 {PySide6.__version__}, {platform.platform(terse=True)}\n"
            f"diagrams: {generator}, seed {B.SEED}; ratio = figure / baseline (same run)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="tiny sizes: proves every benchmark runs")
    ap.add_argument("--out", type=Path, default=B.DEFAULT_OUT, help="folder for the benchmark files")
    ap.add_argument("--only", help="comma-separated parts to run: " + ", ".join(PARTS))
    ap.add_argument("--part", help=argparse.SUPPRESS)
    ap.add_argument("--rows", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.part:  # child process: one part
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        B.write_rows(part_rows(args.part, args.quick, args.out), args.rows)
        return 0

    only = set(args.only.split(",")) if args.only else set(PARTS)
    unknown = only - set(PARTS)
    if unknown:
        ap.error(f"unknown part(s): {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
    t0 = time.perf_counter()
    _, generator = B.write_files(args.quick, args.out)
    print(header(args.quick, generator), flush=True)
    results = {}
    for part in PARTS:
        if part in only:
            t = time.perf_counter()
            results[part] = run_part(part, args.quick, args.out)
            print(f"  {part}: {time.perf_counter() - t:.0f} s" + (f" ({results[part][1]})" if results[part][1]
                                                                  else ""), flush=True)
    rows = merge(args.quick, results)
    print()
    print(format_table(rows))
    print(f"\ntotal {time.perf_counter() - t0:.0f} s; load average {os.getloadavg()[0]:.1f} at the end")
    return 1 if any(r["status"] == "ERROR" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
