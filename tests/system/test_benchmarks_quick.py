"""The benchmark command still works: ``benchmarks/run.py --quick`` runs every part
and prints every row of its table. No timing is checked here: the figures live
in the benchmark output, never in tests."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "benchmarks" / "run.py"


def _load_run():
    spec = importlib.util.spec_from_file_location("bench_run_for_test", RUN)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(RUN.parent))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(RUN.parent))
    return module


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench-out")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(RUN), "--quick", "--out", str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    return proc, out


def test_quick_run_exits_cleanly(quick_run):
    proc, _ = quick_run
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "ERROR" not in proc.stdout, proc.stdout


def test_quick_run_prints_every_row(quick_run):
    proc, _ = quick_run
    run = _load_run()
    bench = run.B
    lines = proc.stdout.splitlines()
    header_at = next(i for i, line in enumerate(lines) if line.lstrip("# ").startswith("Measurement"))
    table = lines[header_at + 2:]
    expected = [(name, key) for rows in run.PARTS.values() for name, key in rows]
    labels = {k: bench.size_label(s) for k, s in bench.QUICK_SIZES.items()} | {"ai": "AI sample"}
    labels |= run.L.SIZE_LABELS     # rows measured on fixed files or window sizes
    labels["ledger"] = f"{run.LEDGER_ROWS:,} rows"
    labels |= run.SAFETY_LABELS     # hostile inputs: their sizes are in the notes
    labels |= run.tables_labels(True)  # edge lists read: their row counts
    labels["idle"] = run.I.size_label(True)  # the dense map of the idle part
    labels |= run.BB.size_labels(True)       # the maps of the canvas build part
    labels |= run.LAY.size_labels(True)      # the maps of the layout part
    for n, (name, key) in enumerate(expected, 1):
        line = table[n - 1]
        assert line.split()[0] == str(n) and name in line and labels[key] in line, (n, name, key, line)
        assert line.split()[-1] in ("PASS", "MISS", "-", "N/A"), line
    assert "cores" in proc.stdout.splitlines()[1]


def test_quick_run_writes_native_benchmark_files(quick_run):
    _, out = quick_run
    from editor.io import native

    bench = _load_run().B
    for size in bench.QUICK_SIZES.values():
        d = native.load(bench.bench_file(size, out))
        assert (len(d.companies()), len(d.flows())) == size


def test_table_marks_figures_against_targets():
    run = _load_run()
    bench = run.B
    rows = [bench.row(bench.OPEN, "x", 900.0, "ms", size_key="large", baseline=100.0),
            bench.row(bench.SAVE, "x", 600.0, "ms", size_key="large", baseline=300.0),
            bench.row(bench.EXPORT, "x", 500.0, "ms", size_key="ai", baseline=400.0)]
    merged = run.merge(True, {"io": (rows[:2], ""), "export": (rows[2:], "")})
    by = {(r["name"], r["size_key"]): r for r in merged}
    assert by[(bench.OPEN, "large")]["status"] == "PASS" and by[(bench.OPEN, "large")]["ratio"] == 9.0
    assert by[(bench.SAVE, "large")]["status"] == "MISS"
    assert by[(bench.EXPORT, "ai")]["status"] == "MISS"  # under 1 s but slower than its baseline
    assert by[(bench.OPEN, "small")]["status"] == "ERROR"  # a part that gave no figure shows
    assert by[(bench.MEMORY, "large")]["status"] == "SKIP"  # parts not run show too
    table = run.format_table(merged)
    assert all(f" {i} " in f" {line} " for i, line in enumerate(table.splitlines()[2:2 + len(merged)], 1))
