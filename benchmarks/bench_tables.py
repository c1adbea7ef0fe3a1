"""Time and peak memory of reading large CSV/XLSX edge lists, against pandas and openpyxl in the same run.

Each figure is the median of ``--runs`` fresh Python processes (imports are not timed), each
reporting its wall time and its peak resident set size (``VmHWM``):

* ``roundtrip``: :func:`editor.io.edgelist.load_table_with_notes` with ``place=False`` (what
  ``roundtrip analyze`` and ``convert`` do: a file read into a checked diagram, no layout);
* ``rows``: the same with the columns way turned off (the flows made row by row by
  :mod:`editor.io.tablerows`, the grid split into rows one by one), for comparison;
* ``--before DIR``: the reader of another source tree (an earlier commit), on the same files;
* baselines: ``pandas.read_csv`` of the same file (types guessed, nothing checked), and for
  XLSX openpyxl's read-only iteration over the values of the sheet;
* ``floor``: what any reader making one Python record per flow pays at least, for comparison:
  the CSV split by :func:`editor.io.csvsplit.split_plain` and one flow record made per row from
  its cells, unchecked (``editor.model.bulk._unchecked``), kept in a dict by counted id; no
  company, no check, no type, no diagram;
* ``native``: :func:`editor.io.native.load` of the same diagram saved as a ``.roundtrip`` file
  (the largest size), against ``json.load`` of that file.

The edge lists are typical imported data: ``source,target,type,amount,date,url`` with company
names (no ids), seeded by :mod:`benchmarks.generate` (one company per five flows). Run alone, the
script also reads the largest diagram as Roundtrip's CSV export writes it (``CSV export+ids``: every
column, the flow and company ids, and the companies table beside it, which pandas reads too).

Run alone: ``python benchmarks/bench_tables.py [--quick] [--runs N]``; ``benchmarks/run.py``
runs it as its "tables" part (:func:`table_rows`).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: Another source tree of Roundtrip (``--before DIR``): its reader is timed too, on the same files.
BEFORE: Path | None = None

SIZES, QUICK_SIZES = (10_000, 100_000), (1_000, 5_000)
COLUMNS = ["source", "target", "type", "amount", "date", "url"]

#: Row names in benchmarks/run.py, with their size key.
CSV_TIME = "read CSV edge list, time"
CSV_MEMORY = "read CSV edge list, peak"
XLSX_TIME = "read XLSX edge list, time"
XLSX_MEMORY = "read XLSX edge list, peak"
NATIVE_TIME = "open .roundtrip file, time"
NATIVE_MEMORY = "open .roundtrip file, peak"
ROWS = [(CSV_TIME, "csv-small"), (CSV_MEMORY, "csv-small"), (CSV_TIME, "csv-large"),
        (CSV_MEMORY, "csv-large"), (XLSX_TIME, "xlsx-large"), (XLSX_MEMORY, "xlsx-large"),
        (NATIVE_TIME, "native-large"), (NATIVE_MEMORY, "native-large")]


def size_labels(quick: bool) -> dict[str, str]:
    """size key -> the size column of benchmarks/run.py."""
    small, large = QUICK_SIZES if quick else SIZES
    return {"csv-small": f"{small:,} rows", "csv-large": f"{large:,} rows", "xlsx-large": f"{large:,} rows",
            "native-large": f"{large:,} flows"}


#: (name, size key) -> (target figure, target ratio to the baseline or None).
TARGETS = {(CSV_TIME, "csv-small"): (1000.0, 3.0), (CSV_TIME, "csv-large"): (10000.0, 3.0),
           (XLSX_TIME, "xlsx-large"): (60000.0, 2.0)}

CHILD = r'''
import json, os, sys, time
case, path, root = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, root)  # nothing else on the path: --before must time that tree's code


def peak_rss_mb():
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmHWM:"))


if case in ("roundtrip", "rows", "before"):
    import editor
    from editor.io import edgelist, tables
    assert editor.__file__.startswith(root), (editor.__file__, root)
    if case == "rows":  # the columns way turned off: the row-by-row reading it replaces
        edgelist.build_flows = edgelist.build_companies = lambda *a: False
        tables.split_plain = lambda *a, **k: None
        make_table = tables.make_table
        tables.make_table = lambda *a, **k: make_table(*a, **dict(k, text=False))
    t0 = time.perf_counter()
    diagram, _ = edgelist.load_table_with_notes(path, place=False)
    outcome = f"{{len(diagram.flows()):,}} flows, {{len(diagram.companies()):,}} companies"
elif case == "floor":  # what any reader making one record per flow pays at least
    import gc
    from editor.io.csvsplit import split_plain
    from editor.model.bulk import FLOW_FIELDS, _unchecked
    from editor.model.entities import Flow
    t0 = time.perf_counter()
    gc.disable()  # (as the reader does while it reads)
    with open(path, encoding="utf-8") as fh:
        header, cells = split_plain(fh.read(), ",", max_records=10**7, max_line=10**6)
    src, tgt, typ, amt, date, url = (cells[header.index(h)] for h in ("source", "target", "type", "amount",
                                                                      "date", "url"))
    n = len(src)
    ids = [f"f{{k}}" for k in range(1, n + 1)]
    amounts = [float(a) if a else None for a in amt]
    made = _unchecked(Flow, FLOW_FIELDS, [ids, src, tgt, typ, amounts, ["exact"] * n, [""] * n, date,
                                          [""] * n, ["announced"] * n, url, [""] * n], n)
    flows = dict(zip(ids, made))
    gc.enable()
    outcome = f"{{len(tuple(flows.values())):,}} bare flows"
elif case == "pandas":
    import pandas
    t0 = time.perf_counter()
    frame = pandas.read_csv(path)
    outcome = f"{{len(frame):,}} rows"
    beside = path[:-4] + "-companies.csv"  # (the CSV export: the companies table is read too)
    if path.endswith(".csv") and os.path.exists(beside):
        outcome += f" + {{len(pandas.read_csv(beside)):,}} rows"
elif case == "native":
    from editor.io import native
    t0 = time.perf_counter()
    diagram = native.load(path)
    outcome = f"{{len(diagram.flows()):,}} flows, {{len(diagram.companies()):,}} companies"
elif case == "json":
    t0 = time.perf_counter()
    with open(path, "rb") as fh:
        data = json.load(fh)
    outcome = f"{{len(data['flows']):,}} flows"
elif case == "openpyxl":
    import openpyxl
    t0 = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True)
    count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    outcome = f"{{count:,}} rows"
print(json.dumps({{"seconds": time.perf_counter() - t0, "peak_mb": peak_rss_mb(), "outcome": outcome}}))
'''


def _child(case: str, path: Path, timeout: float = 600) -> dict:
    code = CHILD.format()
    root = str(BEFORE if case == "before" and BEFORE is not None else ROOT)
    env = dict(os.environ, PYTHONPATH=root)
    proc = subprocess.run([sys.executable, "-c", code, case, str(path), root], capture_output=True,
                          text=True, timeout=timeout, env=env)
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise RuntimeError(f"{case} on {path.name}: {proc.stderr.strip()[-300:]}") from None


def measure(case: str, path: Path, runs: int) -> dict:
    """Median time and peak memory of ``runs`` fresh processes (interleaving is left to the caller)."""
    results = [_child(case, path) for _ in range(runs)]
    return {"seconds": statistics.median(r["seconds"] for r in results),
            "peak_mb": statistics.median(r["peak_mb"] for r in results), "outcome": results[0]["outcome"]}


def write_native(n_flows: int, folder: Path) -> Path:
    """The seeded diagram of :func:`write_edge_lists` saved as a ``.roundtrip`` file."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import generate
    from editor.io import native

    path = folder / f"diagram-{n_flows}.roundtrip"
    native.save(generate(max(2, n_flows // 5), n_flows, seed=3), path)
    return path


def write_edge_lists(n_flows: int, folder: Path, xlsx: bool) -> tuple[Path, Path | None]:
    """A seeded CSV edge list of ``n_flows`` rows (and the same as XLSX when ``xlsx``)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import generate

    d = generate(max(2, n_flows // 5), n_flows, seed=3)
    names = {c.id: c.name for c in d.companies()}
    types = {t.id: t.name for t in d.flow_types()}
    rows = [[names[f.source], names[f.target], types[f.type], "" if f.amount is None else f"{f.amount:g}",
             f.date, f.url] for f in d.flows()]
    path = folder / f"edges-{n_flows}.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        w.writerows(rows)
    if not xlsx:
        return path, None
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("flows")
    sheet.append(COLUMNS)
    for r in rows:
        sheet.append([float(v) if i == 3 and v else v for i, v in enumerate(r)])
    xlsx_path = folder / f"edges-{n_flows}.xlsx"
    book.save(xlsx_path)
    return path, xlsx_path


def write_export(n_flows: int, folder: Path) -> Path:
    """The seeded diagram as Roundtrip's CSV export writes it: the flows with their ids and their
    companies' ids, and ``-companies.csv`` beside them (read together)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import generate
    from editor.io import tableexport, tables

    d = generate(max(2, n_flows // 5), n_flows, seed=3)
    path = folder / "export" / f"deals-{n_flows}.csv"
    path.parent.mkdir(exist_ok=True)
    tables.write_csv(path, *tableexport.flow_rows(d))
    tables.write_csv(path.with_name(f"{path.stem}-companies.csv"), *tableexport.company_rows(d))
    return path


def run(quick: bool, runs: int, exported: bool = False) -> list[dict]:
    """One dict per file: its measurements by case (``exported``: also the CSV export's tables)."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        sizes = QUICK_SIZES if quick else SIZES
        for n in sizes:
            csv_path, xlsx_path = write_edge_lists(n, Path(tmp), xlsx=n == sizes[-1])
            extra = ("before",) if BEFORE is not None else ()
            cases = {c: measure(c, csv_path, runs) for c in ("pandas", "roundtrip", "rows", "floor", *extra)}
            out.append({"kind": "csv", "n": n, "size_mb": csv_path.stat().st_size / 1e6, **cases})
            if exported and n == sizes[-1]:
                export_path = write_export(n, Path(tmp))
                cases = {c: measure(c, export_path, runs) for c in ("pandas", "roundtrip", "rows", *extra)}
                out.append({"kind": "export", "n": n, "size_mb": export_path.stat().st_size / 1e6, **cases})
            if xlsx_path is not None:
                cases = {c: measure(c, xlsx_path, runs) for c in ("openpyxl", "roundtrip", *extra)}
                out.append({"kind": "xlsx", "n": n, "size_mb": xlsx_path.stat().st_size / 1e6, **cases})
            if n == sizes[-1]:
                native_path = write_native(n, Path(tmp))
                cases = {c: measure(c, native_path, runs) for c in ("json", "native")}
                out.append({"kind": "native", "n": n, "size_mb": native_path.stat().st_size / 1e6, **cases})
    return out


def table_rows(quick: bool) -> list[dict]:
    """The rows of benchmarks/run.py's "tables" part (one process per figure)."""
    import bench_io as B

    rows = []
    # one process per figure: the whole part stays near two minutes (the script alone takes medians)
    for r, key in zip(run(quick, 1), ("csv-small", "csv-large", "xlsx-large", "native-large"), strict=True):
        size = f"{r['n']:,} " + ("flows" if r["kind"] == "native" else "rows")
        base_name = BASELINES[r["kind"]]
        base = r[BASELINE_CASES[r["kind"]]]
        mine = r["native" if r["kind"] == "native" else "roundtrip"]
        note = f"{r['size_mb']:.1f} MB; {mine['outcome']}"
        if "rows" in r:
            before = r["rows"]
            note += f"; row by row: {before['seconds'] * 1e3:,.0f} ms, {before['peak_mb']:.0f} MB"
        if "floor" in r:
            floor = r["floor"]
            note += (f"; split + bare records (the floor of one record per flow): "
                     f"{floor['seconds'] * 1e3:,.0f} ms, {floor['seconds'] / base['seconds']:.1f}x")
        time_name, memory_name = {"csv": (CSV_TIME, CSV_MEMORY), "xlsx": (XLSX_TIME, XLSX_MEMORY),
                                  "native": (NATIVE_TIME, NATIVE_MEMORY)}[r["kind"]]
        rows.append(B.row(time_name, size, mine["seconds"] * 1e3, "ms", size_key=key, note=note,
                          baseline_name=base_name, baseline=base["seconds"] * 1e3))
        rows.append(B.row(memory_name, size, mine["peak_mb"], "MB", size_key=key,
                          note="peak resident memory of the reading process", baseline_name=base_name,
                          baseline=base["peak_mb"]))
    return rows


READERS = {"pandas": "pandas.read_csv", "openpyxl": "openpyxl read-only", "json": "json.load",
           "roundtrip": "Roundtrip", "native": "Roundtrip native.load", "rows": "Roundtrip, row by row",
           "floor": "split + bare records",
           "before": "--before tree"}
#: The baseline of each kind of file, its case and its name.
BASELINE_CASES = {"csv": "pandas", "export": "pandas", "xlsx": "openpyxl", "native": "json"}
BASELINES = {kind: READERS[case] for kind, case in BASELINE_CASES.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1,000 and 5,000 rows")
    ap.add_argument("--runs", type=int, default=3, help="fresh processes per figure (median)")
    ap.add_argument("--before", type=Path, help="another Roundtrip source tree whose reader is timed too "
                    "(e.g. a `git worktree` of an earlier commit)")
    args = ap.parse_args(argv)
    global BEFORE
    BEFORE = args.before.resolve() if args.before else None
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    results = run(args.quick, args.runs, exported=True)
    print(f"load average {load:.1f} at start, {os.getloadavg()[0]:.1f} at the end; medians of {args.runs} "
          f"fresh processes; {time.perf_counter() - t0:.0f} s in all")
    print(f"{'file':<31} {'reader':<22} {'time':>9} {'ratio':>7} {'peak RSS':>9}  outcome")
    for r in results:
        base = r[BASELINE_CASES[r["kind"]]]
        label = (f"{r['n']:,}-flow .roundtrip ({r['size_mb']:.0f} MB)" if r["kind"] == "native" else
                 f"{r['n']:,}-row CSV export+ids" if r["kind"] == "export" else
                 f"{r['n']:,}-row {r['kind'].upper()} ({r['size_mb']:.1f} MB)")
        for case in ("pandas", "openpyxl", "json", "roundtrip", "native", "rows", "floor", "before"):
            if case in r:
                m = r[case]
                name = READERS[case]
                ratio = m["seconds"] / base["seconds"]
                print(f"{label:<31} {name:<22} {m['seconds'] * 1e3:>7,.0f}ms {ratio:>6.1f}x "
                      f"{m['peak_mb']:>7.0f}MB  {m['outcome']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
