"""Ledger aggregation: ``roundtrip convert LEDGER OUT.roundtrip --aggregate --by type,month``.

Generates a ledger (one row per payment: payer, payee, amount, date, type) with
DuckDB, then measures in fresh processes pinned to at most 2 CPUs:

* roundtrip: the whole command (read, sum per payer/payee/type/month in DuckDB,
  build the diagram, save it) - wall time and peak resident memory (VmHWM);
* baseline: pandas ``read_csv`` (or ``read_parquet``) + ``groupby().sum()`` of the same ledger.

Targets: 10,000,000 rows in <= 30 s and <= 2 GB.

    python benchmarks/bench_ledger.py                 # 10 million rows, CSV
    python benchmarks/bench_ledger.py --rows 1000000 --format parquet
    python benchmarks/bench_ledger.py --quick         # 100,000 rows
"""
from __future__ import annotations

import argparse
import json
import os
import resource
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

NAME = "ledger: convert --aggregate --by type,month"
FULL_ROWS, QUICK_ROWS = 10_000_000, 100_000
COMPANIES, COUNTERPARTS = 400, 5  # 2,000 payer/payee pairs, 12 months: 24,000 flows
TARGET_SECONDS, TARGET_MB = 30.0, 2048.0


def peak_rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(path: Path, rows: int) -> None:
    """A seeded ledger of ``rows`` payments between ``COMPANIES`` companies over 2025."""
    import duckdb

    fmt = "FORMAT PARQUET" if path.suffix == ".parquet" else "FORMAT CSV, HEADER"
    con = duckdb.connect()
    con.execute("SELECT setseed(0.42)")
    con.execute(f"""
        COPY (
          SELECT 'Company ' || p AS payer,
                 'Company ' || ((p + 1 + (i % {COUNTERPARTS})) % {COMPANIES}) AS payee,
                 round(random() * 1000, 2) AS amount,
                 DATE '2025-01-01' + CAST(i % 365 AS INTEGER) AS date,
                 ['revenue', 'loan', 'equity'][1 + ((p + (i % {COUNTERPARTS})) % 3)] AS type
          FROM (SELECT i, CAST(hash(i) % {COMPANIES} AS INTEGER) AS p FROM range({rows}) t(i))
        ) TO '{path}' ({fmt})""")
    con.close()


def _pin() -> None:
    try:
        cpus = sorted(os.sched_getaffinity(0))[:2]
        os.sched_setaffinity(0, cpus)
    except (AttributeError, OSError):
        pass


def child(kind: str, ledger: Path, out: Path) -> dict:
    _pin()
    start = time.perf_counter()
    if kind == "roundtrip":
        from editor.cli.main import main

        status = main(["convert", str(ledger), str(out), "--aggregate", "--by", "type,month"])
        if status != 0:
            raise SystemExit(status)
        from editor.io import native

        flows = len(native.load(out).flows())
        seconds = time.perf_counter() - start
    else:
        import pandas as pd

        frame = (pd.read_parquet(ledger) if ledger.suffix == ".parquet"
                 else pd.read_csv(ledger, parse_dates=["date"]))
        month = frame["date"].dt.to_period("M")
        sums = frame.groupby(["payer", "payee", "type", month])["amount"].agg(["sum", "count"])
        flows = len(sums)
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": peak_rss_mb(), "flows": flows}


def run_child(kind: str, ledger: Path, out: Path) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(ledger), str(out)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} failed: {(proc.stderr.strip().splitlines() or ['?'])[-1]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(rows: int, fmt: str = "csv") -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / f"ledger.{fmt}"
        start = time.perf_counter()
        generate(ledger, rows)
        gen = time.perf_counter() - start
        size_mb = ledger.stat().st_size / 1e6
        ours = run_child("roundtrip", ledger, Path(tmp) / "out.roundtrip")
        base = run_child("pandas", ledger, Path(tmp) / "unused")
    return {"rows": rows, "format": fmt, "file_mb": size_mb, "generate_s": gen, "roundtrip": ours,
            "pandas": base}


def table_rows(quick: bool) -> list[dict]:
    """One row for benchmarks/run.py (always the quick size: the full one takes a minute)."""
    import bench_io as B

    r = measure(QUICK_ROWS)
    ours, base = r["roundtrip"], r["pandas"]
    note = (f"{QUICK_ROWS:,} CSV rows ({r['file_mb']:.1f} MB) -> {ours['flows']:,} flows, peak "
            f"{ours['peak_mb']:.0f} MB (pandas {base['peak_mb']:.0f} MB); "
            f"full size: python benchmarks/bench_ledger.py")
    return [B.row(NAME, f"{QUICK_ROWS:,} rows", ours["seconds"] * 1e3, "ms", size_key="ledger",
                  baseline_name="pandas read_csv + groupby", baseline=base["seconds"] * 1e3, note=note)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=FULL_ROWS)
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_ROWS:,} rows")
    ap.add_argument("--format", choices=("csv", "parquet"), default="csv")
    ap.add_argument("--child", nargs=3, metavar=("KIND", "LEDGER", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        kind, ledger, out = args.child
        print(json.dumps(child(kind, Path(ledger), Path(out))))
        return 0
    rows = QUICK_ROWS if args.quick else args.rows
    r = measure(rows, args.format)
    ours, base = r["roundtrip"], r["pandas"]
    ok = ours["seconds"] <= TARGET_SECONDS and ours["peak_mb"] <= TARGET_MB
    print(f"ledger of {rows:,} payments, {args.format.upper()} {r['file_mb']:.0f} MB "
          f"(generated in {r['generate_s']:.1f} s), {COMPANIES} companies, 2 CPUs at most")
    print(f"  roundtrip convert --aggregate --by type,month: {ours['seconds']:7.2f} s  "
          f"peak {ours['peak_mb']:6.0f} MB  -> {ours['flows']:,} flows   "
          f"target <= {TARGET_SECONDS:.0f} s, <= {TARGET_MB:.0f} MB: {'PASS' if ok else 'MISS'}")
    print(f"  baseline pandas read + groupby:               {base['seconds']:7.2f} s  "
          f"peak {base['peak_mb']:6.0f} MB  -> {base['flows']:,} groups")
    return 0


if __name__ == "__main__":
    sys.exit(main())
