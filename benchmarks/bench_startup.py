"""Whole-process start-up figures: what users meet, with baselines measured in the same run.

    python benchmarks/bench_startup.py            # every row, medians of 3 (the window row: of 15)
    python benchmarks/bench_startup.py --quick    # the small rows only, 1 run each
    python benchmarks/bench_startup.py --runs 5 --no-scale

Rows (each a fresh process, ``time.perf_counter`` from launch):

* **window**: ``roundtrip AI-SAMPLE`` in a real X window (``Xvfb``), two figures: until the X
  server maps the window (seen from outside by ``xev`` watching the root window; the measure the
  target names) and until its first paint (the app prints it when ``ROUNDTRIP_STARTUP_PROBE`` is
  set); the time until the panels got their first figures is noted. Baseline: a bare PySide6
  ``QMainWindow``, timed the same two ways. Each
  window run is its own session and ends when all its processes are gone (the app's analysis
  process outlives the window by a second or so: left running, it slowed the next run down,
  the bare window's most).
* **analyze small**: ``roundtrip analyze`` of the teaching sample; baseline ``python -c "import networkx"``.
* **analyze 1,000/5,000 CSV**: a generated deal map written as a CSV edge list; same baseline.
* **scale** (not with ``--quick``): ``analyze`` at 10,000/50,000 and 50,000/250,000, with the peak RSS.

Targets: window <= 2x the bare window; analyze small <= 1.5x and 1,000/5,000 CSV <= 3x the
networkx import. A row says MISS when above its target; the exit status is 0 unless a run failed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
SAMPLES = ROOT / "editor" / "data" / "samples"

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            print(f"roundtrip-probe shown {time.time():.4f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users run installed, byte-compiled code
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds of one run of ``cmd`` (which must succeed)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env or _env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = proc.communicate()
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {proc.returncode}: {err.decode()[-400:]}")
    return seconds


def peak_rss(cmd: list[str]) -> float:
    """Peak RSS (MB) of one run of ``cmd``, from GNU time's %M."""
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], env=_env(), capture_output=True, text=True)
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def session_processes(sid: int) -> list[int]:
    """The processes of session ``sid`` (Linux: from /proc)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{name}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()   # state, ppid, pgrp, session, ...
        if len(fields) > 3 and int(fields[3]) == sid:
            found.append(int(name))
    return found


def wait_session_end(sid: int, timeout: float = 20.0) -> None:
    """Wait until every process of session ``sid`` is gone: the app's analysis process (and the
    process that forks it) outlive the window a little, and would slow the next run down."""
    deadline = time.time() + timeout
    while session_processes(sid) and time.time() < deadline:
        time.sleep(0.05)


class MapWatch:
    """Wall-clock times at which the X server mapped top-level windows, seen by ``xev`` watching the
    root window (no window manager runs under Xvfb: every top-level window is a child of the root).
    An observer outside the measured process: it needs nothing from the app."""

    def __init__(self, display: str) -> None:
        self.proc = subprocess.Popen(["stdbuf", "-oL", "xev", "-display", display, "-root", "-event",
                                      "substructure"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True, bufsize=1)
        self.maps: list[float] = []
        threading.Thread(target=self._read, daemon=True).start()
        time.sleep(0.5)

    def _read(self) -> None:
        """A MapNotify event takes two lines; the second says whether the window is a top-level one
        (override NO) or a popup, such as a tooltip (override YES)."""
        assert self.proc.stdout is not None
        mapped_at: float | None = None
        for line in self.proc.stdout:
            if line.startswith("MapNotify"):
                mapped_at = time.time()
            elif mapped_at is not None and "override" in line:
                if "override NO" in line:
                    self.maps.append(mapped_at)
                mapped_at = None

    def first_map_after(self, t0: float, wait: float = 2.0) -> float | None:
        """Seconds from ``t0`` to the first top-level window mapped after it (None if none)."""
        deadline = time.time() + wait
        while time.time() < deadline:
            after = [t for t in self.maps if t >= t0]
            if after:
                return min(after) - t0
            time.sleep(0.01)
        return None

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(5)


def window_run(cmd: list[str], display: str, settle: float, panels_too: bool,
               watch: MapWatch | None = None) -> tuple[float, float | None, float | None]:
    """(seconds to first paint, to the panels' first figures or None, to the X server's map of the
    window or None) of one window run.

    The run is its own session; it ends only when all its processes are gone."""
    home = tempfile.mkdtemp(prefix="roundtrip-bench-home-")
    env = _env(DISPLAY=display, ROUNDTRIP_STARTUP_PROBE="1", QT_QPA_PLATFORM="xcb",
               XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, XDG_CACHE_HOME=home)
    t0 = time.time()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    shown = panels = None
    assert proc.stdout is not None
    deadline = time.time() + 60
    try:
        for line in proc.stdout:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "roundtrip-probe":
                if parts[1] == "shown":
                    shown = float(parts[2]) - t0
                elif parts[1] == "panels":
                    panels = float(parts[2]) - t0
            if shown is not None and (panels is not None or not panels_too):
                break
            if time.time() > deadline:
                break
    finally:
        time.sleep(settle)
        proc.terminate()
        proc.wait(20)
        wait_session_end(proc.pid)
        shutil.rmtree(home, ignore_errors=True)
    if shown is None:
        raise RuntimeError(f"{' '.join(cmd[:3])}: the window never painted")
    return shown, panels, (watch.first_map_after(t0) if watch is not None else None)


def start_xvfb() -> tuple[subprocess.Popen, str]:
    for n in range(99, 140):
        if Path(f"/tmp/.X{n}-lock").exists():
            continue
        display = f":{n}"
        proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        if proc.poll() is None:
            return proc, display
    raise RuntimeError("no free X display for Xvfb")


def median(values: list[float]) -> float:
    return statistics.median(values)


def row(name: str, figure: float, baseline: float | None, target: float | None, note: str = "") -> str:
    if baseline is None:
        return f"| {name} | {figure:.2f} s | | | {note} |"
    ratio = figure / baseline
    verdict = "" if target is None else (" PASS" if ratio <= target else " MISS")
    return f"| {name} | {figure:.2f} s | {baseline:.2f} s | {ratio:.2f}x (≤ {target}x){verdict} | {note} |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="small rows only, one run each")
    ap.add_argument("--no-scale", action="store_true", help="leave the 10,000 and 50,000 rows out")
    ap.add_argument("--no-window", action="store_true", help="leave the window row out (no Xvfb)")
    ap.add_argument("--window-runs", type=int, default=None,
                    help="runs of the window row (default: --runs, at least 15; the bare window's own "
                         "time moves by a fifth from one run to the next)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench-out")
    args = ap.parse_args(argv)
    runs = 1 if args.quick else args.runs
    args.out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import generate
    from editor.io.formats import write_any

    def table(n: int, m: int) -> Path:
        path = args.out / f"startup-{n}-{m}.csv"
        if not path.exists():
            from editor.analysis import analyze_for_export

            write_any(generate(n, m, seed=1), path, analyze=analyze_for_export)
        return path

    roundtrip = [PY, "-m", "editor"]
    nx = [PY, "-c", "import networkx"]
    load = os.getloadavg()
    print(f"cores {os.cpu_count()} · load {load[0]:.2f} {load[1]:.2f} · medians of {runs}"
          + ("" if args.quick or args.no_window else
             f" (the window row: of {args.window_runs or max(runs, 15)})"))
    print()
    print("| what | figure | baseline | ratio (target) | notes |")
    print("|---|---|---|---|---|")
    lines: list[str] = []

    small = str(SAMPLES / "teaching-loops.roundtrip")
    medium = str(table(1000, 5000))
    a, b, c = [], [], []
    for _ in range(runs):  # interleaved, so load changes hit all three alike
        b.append(timed(nx))
        a.append(timed([*roundtrip, "analyze", small]))
        c.append(timed([*roundtrip, "analyze", medium]))
    lines.append(row("`roundtrip analyze` teaching sample", median(a), median(b), 1.5))
    lines.append(row("`roundtrip analyze` 1,000/5,000 CSV", median(c), median(b), 3.0,
                     f"peak RSS {peak_rss([*roundtrip, 'analyze', medium]):.0f} MB"))
    print("\n".join(lines[-2:]), flush=True)

    if not args.no_window and shutil.which("Xvfb"):
        xvfb, display = start_xvfb()
        watch = MapWatch(display) if shutil.which("xev") else None
        try:
            sample = str(SAMPLES / "ai-money-machine-2025.roundtrip")
            app_paint, bare_paint, app_map, bare_map, panel_runs = [], [], [], [], []
            window_runs = 1 if args.quick else (args.window_runs or max(runs, 15))
            for _ in range(window_runs):
                shown, _, mapped = window_run([PY, "-c", BARE_WINDOW], display, 0.0, False, watch)
                bare_paint.append(shown)
                if mapped is not None:
                    bare_map.append(mapped)
                shown, panels, mapped = window_run([*roundtrip, sample], display, 0.3, True, watch)
                app_paint.append(shown)
                if mapped is not None:
                    app_map.append(mapped)
                if panels is not None:
                    panel_runs.append(panels)
            note = (f"panels filled after {median(panel_runs):.2f} s" if panel_runs
                    else "panels: no result seen")
            if len(app_map) == len(bare_map) == window_runs:
                lines.append(row("window with the AI sample on screen (mapped, Xvfb)", median(app_map),
                                 median(bare_map), 2.0, note))
            lines.append(row("window with the AI sample (first paint, Xvfb)", median(app_paint),
                             median(bare_paint), 2.0, "" if app_map else note))
        finally:
            if watch is not None:
                watch.close()
            xvfb.terminate()
            xvfb.wait(10)
        print("\n".join(lines[-2 if app_map else -1:]), flush=True)

    if not (args.quick or args.no_scale):
        for n, m in ((10_000, 50_000), (50_000, 250_000)):
            path = str(table(n, m))
            seconds = median([timed([*roundtrip, "analyze", path]) for _ in range(runs)])
            lines.append(row(f"`roundtrip analyze` {n:,}/{m:,} CSV", seconds, None, None,
                             f"peak RSS {peak_rss([*roundtrip, 'analyze', path]):.0f} MB"))
            print(lines[-1], flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
