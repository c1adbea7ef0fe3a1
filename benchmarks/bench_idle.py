"""Idle cost of the whole app after opening a dense map: CPU and memory while nobody touches it.

    python benchmarks/bench_idle.py            # 300 companies, every ordered pair (89,700 flows), 30 s idle
    python benchmarks/bench_idle.py --quick    # 40 companies (1,560 flows), 5 s idle
    python benchmarks/bench_idle.py --companies 200 --idle 60
    python benchmarks/bench_idle.py --tree /tmp/old   # the app of another checkout (before a fix)

Each case is a fresh ``python -m editor FILE`` process (``QT_QPA_PLATFORM=offscreen``, its own
settings and recovery folder). The app prints ``roundtrip-probe panels T`` when the first analysis
reached the panels (``ROUNDTRIP_STARTUP_PROBE``); from then on the window is left alone: after a
short settling pause the process's CPU time (user + system, of the app and of its analysis
process) and resident set size are read from ``/proc`` once a second for the idle period.

Figures: CPU % of one core over the idle period (and the busiest second), RSS at the start of the
idle period and its growth by the end. Baseline, measured in the same run: the same app with an
empty diagram, idle for the same time. Before the fix of the background label creation the dense
map kept one core at 100 % for minutes.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

#: Row names in benchmarks/run.py ("idle" part).
IDLE_CPU = "idle CPU after opening a dense map"
IDLE_RSS = "idle RSS growth after opening a dense map"
#: The unit of the CPU row (benchmarks/run.py prints "0.6 % of a core").
CPU_UNIT = "% of a core"
#: (companies, idle seconds) of the full and the quick run.
FULL, QUICK = (300, 30.0), (40, 5.0)
#: Seconds to wait after the panels' first figures before sampling (the window's last paints).
SETTLE_S = 3.0
#: Seconds a case may take to open and analyse before it counts as failed.
OPEN_TIMEOUT_S = 900.0
TICK = os.sysconf("SC_CLK_TCK")


def write_dense_map(n: int, path: Path) -> int:
    """Write ``n`` companies on a circle with a flow between every ordered pair; returns the flow count."""
    from generate import dense_map

    from editor.io import native

    d = dense_map(n)
    native.save(d, path)
    return len(d.flows())


def _family(pid: int) -> list[int]:
    """``pid`` and its descendants (the analysis process and its helpers)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _wait_for_panels(proc: subprocess.Popen, t0: float) -> float | None:
    """Seconds from ``t0`` until the app printed that its panels got their first figures (None: never)."""
    import selectors

    assert proc.stdout is not None
    fd, seen = proc.stdout.fileno(), b""
    with selectors.DefaultSelector() as sel:
        sel.register(fd, selectors.EVENT_READ)
        while time.perf_counter() - t0 < OPEN_TIMEOUT_S:
            if not sel.select(timeout=1.0):
                continue
            chunk = os.read(fd, 65536)
            if not chunk:  # the app ended
                return None
            seen = (seen + chunk)[-4096:]
            if b"roundtrip-probe panels" in seen:
                return time.perf_counter() - t0
    return None


def idle_run(path: Path, idle_s: float, tree: Path = ROOT) -> dict[str, Any]:
    """Open ``path`` in a fresh app process (of the checkout ``tree``), wait for the first analysis,
    then sample ``idle_s`` seconds."""
    home = Path(tempfile.mkdtemp(prefix="roundtrip-idle-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ROUNDTRIP_STARTUP_PROBE="1",
               ROUNDTRIP_SETTINGS=f"idle-bench-{os.getpid()}", ROUNDTRIP_RECOVERY_DIR=str(home / "recovery"),
               XDG_CONFIG_HOME=str(home), XDG_DATA_HOME=str(home), XDG_CACHE_HOME=str(home))
    env["PYTHONPATH"] = str(tree) + os.pathsep + env.get("PYTHONPATH", "")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "editor", str(path)], env=env, cwd=tree,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
    try:
        ready = _wait_for_panels(proc, t0)
        if ready is None:
            raise RuntimeError(f"{path.name}: the panels never got their first figures")
        time.sleep(SETTLE_S)
        pids = _family(proc.pid)
        cpu0 = sum(_cpu_seconds(p) for p in pids)
        main0 = _cpu_seconds(proc.pid)
        rss0 = _rss_mb(proc.pid)
        start = last_t = time.perf_counter()
        last_cpu, busiest = cpu0, 0.0
        while time.perf_counter() - start < idle_s:
            time.sleep(1.0)
            now = time.perf_counter()
            cpu = sum(_cpu_seconds(p) for p in _family(proc.pid))
            busiest = max(busiest, (cpu - last_cpu) / (now - last_t) * 100)
            last_cpu, last_t = cpu, now
        wall = time.perf_counter() - start
        main_cpu = _cpu_seconds(proc.pid) - main0
        rss1 = _rss_mb(proc.pid)
        if proc.poll() is not None:
            raise RuntimeError(f"{path.name}: the app ended during the idle period (exit {proc.returncode})")
        return {"open_s": ready, "cpu_pct": (last_cpu - cpu0) / wall * 100,
                "main_cpu_pct": main_cpu / wall * 100, "busiest_pct": busiest, "rss_mb": rss0,
                "rss_growth_mb": rss1 - rss0, "idle_s": wall}
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        shutil.rmtree(home, ignore_errors=True)


def measure(companies: int, idle_s: float, tree: Path = ROOT) -> dict[str, Any]:
    """The dense map and the empty-diagram baseline, one after the other."""
    with tempfile.TemporaryDirectory(prefix="roundtrip-idle-maps-") as tmp:
        dense = Path(tmp) / "dense.roundtrip"
        flows = write_dense_map(companies, dense)
        empty = Path(tmp) / "empty.roundtrip"
        write_dense_map(0, empty)
        base = idle_run(empty, idle_s, tree)
        r = idle_run(dense, idle_s, tree)
    return {"companies": companies, "flows": flows, "dense": r, "empty": base}


def size_label(quick: bool) -> str:
    companies = (QUICK if quick else FULL)[0]
    return f"{companies}/{companies * (companies - 1):,}"


def table_rows(quick: bool) -> list[dict]:
    """The rows of benchmarks/run.py's "idle" part."""
    import bench_io as B

    companies, idle_s = QUICK if quick else FULL
    size = size_label(quick)
    try:
        m = measure(companies, idle_s)
    except Exception as e:  # noqa: BLE001 - the row says why
        return [B.failed(IDLE_CPU, size, CPU_UNIT, e, size_key="idle"),
                B.failed(IDLE_RSS, size, "MB", e, size_key="idle")]
    d, e = m["dense"], m["empty"]
    note = (f"{idle_s:.0f} s idle after the first analysis (opened in {d['open_s']:.1f} s); busiest "
            f"second {d['busiest_pct']:.0f} %, app process alone {d['main_cpu_pct']:.1f} %")
    return [B.row(IDLE_CPU, size, round(d["cpu_pct"], 1), CPU_UNIT, size_key="idle", note=note,
                  baseline_name="empty diagram, idle", baseline=round(e["cpu_pct"], 1)),
            B.row(IDLE_RSS, size, d["rss_growth_mb"], "MB", size_key="idle",
                  note=f"RSS {d['rss_mb']:.0f} MB when the idle period began (empty: {e['rss_mb']:.0f} MB)",
                  baseline_name="empty diagram, idle", baseline=e["rss_growth_mb"])]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help=f"{QUICK[0]} companies, {QUICK[1]:.0f} s idle")
    ap.add_argument("--companies", type=int, help="companies of the dense map (every ordered pair a flow)")
    ap.add_argument("--idle", type=float, help="seconds of idleness sampled")
    ap.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose app is measured")
    args = ap.parse_args(argv)
    companies, idle_s = QUICK if args.quick else FULL
    companies = args.companies or companies
    idle_s = args.idle or idle_s
    m = measure(companies, idle_s, args.tree.resolve())
    print(f"app of {args.tree.resolve()}")
    print(f"dense map {companies} companies / {m['flows']:,} flows, {idle_s:.0f} s idle after the first "
          "analysis")
    print(f"{'':28}{'CPU % (1 core)':>16}{'busiest 1 s':>13}{'RSS at start':>14}{'RSS growth':>12}")
    for name, r in (("dense map", m["dense"]), ("baseline: empty diagram", m["empty"])):
        print(f"{name:28}{r['cpu_pct']:>15.1f}%{r['busiest_pct']:>12.0f}%{r['rss_mb']:>11.0f} MB"
              f"{r['rss_growth_mb']:>+9.1f} MB")
    print(f"dense map opened (first analysis shown) in {m['dense']['open_s']:.1f} s; "
          f"app process alone {m['dense']['main_cpu_pct']:.1f} % while idle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
