"""Benchmark files and the open/save benchmark, plus helpers the other benches share.

Open = read the file, parse, validate, build the model (``native.load``) and
build the canvas scene (``DiagramScene(diagram)``); baseline: ``json.load`` of
the same file. Save = ``native.save`` (clean floats, atomic write with fsync);
baseline: ``json.dumps`` of the same dict written to a plain file.

Run alone: ``python benchmarks/bench_io.py [--quick]``; ``benchmarks/run.py``
runs it in a subprocess and merges its rows into the one table.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from editor.io import native  # noqa: E402
from editor.model import Diagram  # noqa: E402

SEED = 2025
#: companies/flows of the three benchmark diagrams (small is the baseline size).
FULL_SIZES = {"small": (200, 1000), "medium": (1000, 5000), "large": (2000, 10000)}
#: tiny sizes of ``--quick`` (proves the benchmark works, figures mean nothing).
QUICK_SIZES = {"small": (20, 60), "medium": (40, 150), "large": (60, 250)}
DEFAULT_OUT = ROOT / "bench-out"


def sizes(quick: bool) -> dict[str, tuple[int, int]]:
    return QUICK_SIZES if quick else FULL_SIZES


def size_label(size: tuple[int, int]) -> str:
    return f"{size[0]:,}/{size[1]:,}"


# ------------------------------------------------------------------ rows
# Names of the table rows (benchmarks/run.py holds their targets).
OPEN = "open file (parse+validate+model+scene)"
SAVE = "save file (native.save, atomic+fsync)"
DRAG_HUB = "drag step (zoom to fit), company with most flows"
DRAG_LEAF = "drag step (zoom to fit), company with one flow"
DRAG_HUB_1 = "drag step (100% zoom), company with most flows"
DRAG_LEAF_1 = "drag step (100% zoom), company with one flow"
ANALYSIS = "full analysis after one edit"
EXPORT = "4K PNG export"
MEMORY = "peak RSS, diagram open in a shown view"
GAP = "longest event-loop gap, 50 edits + live analysis"


def row(name: str, size: str, value: float | None, unit: str, *, size_key: str = "",
        baseline_name: str = "", baseline: float | None = None, note: str = "",
        status: str | None = None, baseline_bound: str = "") -> dict[str, Any]:
    """One line of the table (plain values, so it travels as JSON between processes).

    ``size_key``: small/medium/large/ai; ``baseline_bound`` ">" when the baseline was
    stopped by a timeout (its figure is then a lower bound)."""
    return {"name": name, "size": size, "size_key": size_key, "value": value, "unit": unit,
            "baseline_name": baseline_name, "baseline": baseline, "baseline_bound": baseline_bound,
            "note": note, "status": status}


def unavailable(name: str, size: str, unit: str, why: str, **kw: Any) -> dict[str, Any]:
    return row(name, size, None, unit, note=why, status="N/A", **kw)


def failed(name: str, size: str, unit: str, error: BaseException, **kw: Any) -> dict[str, Any]:
    return row(name, size, None, unit, note=f"{type(error).__name__}: {error}"[:160], status="ERROR", **kw)


def write_rows(rows: list[dict[str, Any]], path: str | None) -> None:
    text = json.dumps(rows)
    if path:
        Path(path).write_text(text, encoding="utf-8")
    else:
        for r in rows:
            print(r)


def median_ms(fn: Callable[[], Any], repeat: int, setup: Callable[[], Any] | None = None) -> float:
    """Median wall time of ``fn`` in milliseconds (``setup`` runs untimed before each call).

    What ``fn`` returns is dropped after the clock stops: dropping a scene just built
    destroys its items (~130 ms at 2,000/10,000), which is not part of opening a file."""
    times = []
    for _ in range(repeat):
        arg = setup() if setup else None
        gc.collect()
        t = time.perf_counter()
        result = fn(arg) if setup else fn()
        times.append(time.perf_counter() - t)
        del result
    return statistics.median(times) * 1000


# ------------------------------------------------------------- diagrams
def generator() -> tuple[Callable[[int, int, int], Diagram], str]:
    """The seeded deal-map generator of benchmarks/generate.py."""
    from benchmarks.generate import generate
    return generate, "benchmarks/generate.py"


def bench_file(size: tuple[int, int], out: Path) -> Path:
    return out / f"bench-{size[0]}x{size[1]}-seed{SEED}.roundtrip"


def write_files(quick: bool, out: Path = DEFAULT_OUT) -> tuple[dict[str, Path], str]:
    """Generate and save the benchmark diagrams; ``({'small': path, ...}, generator name)``."""
    out.mkdir(parents=True, exist_ok=True)
    gen, name = generator()
    paths = {}
    for key, size in sizes(quick).items():
        path = bench_file(size, out)
        native.save(gen(size[0], size[1], SEED), path)
        paths[key] = path
    return paths, name


# --------------------------------------------------------------- benches
def scene_class():
    """``(DiagramScene, "")`` or ``(None, why)`` while the canvas is not there."""
    try:
        from editor.canvas.scene import DiagramScene
    except ImportError as e:
        return None, f"canvas not available ({e})"
    return DiagramScene, ""


def qt_app():
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    from editor.background import collector
    collector.install()  # as the app does
    return app


def bench_open(path: Path, label: str, key: str, repeat: int) -> dict[str, Any]:
    qt_app()
    scene_cls, why = scene_class()
    if scene_cls is None:
        return unavailable(OPEN, label, "ms", why, size_key=key)
    load_t: list[float] = []
    scene_t: list[float] = []

    def open_once():
        t = time.perf_counter()
        d = native.load(path)
        t1 = time.perf_counter()
        scene = scene_cls(d)
        t2 = time.perf_counter()
        load_t.append(t1 - t)
        scene_t.append(t2 - t1)
        return scene

    def json_once():
        with open(path, "rb") as fh:
            return json.load(fh)

    json_once(), open_once()  # warm-up: imports, fonts, caches
    load_t.clear(), scene_t.clear()
    value = median_ms(open_once, repeat)
    base = median_ms(json_once, repeat)
    note = (f"load {statistics.median(load_t) * 1000:.0f} ms + "
            f"scene {statistics.median(scene_t) * 1000:.0f} ms")
    return row(OPEN, label, value, "ms", size_key=key, baseline_name="json.load same file",
               baseline=base, note=note)


def bench_save(path: Path, label: str, key: str, repeat: int, out: Path) -> dict[str, Any]:
    d = native.load(path)
    target = out / ("save-" + path.name)
    plain = out / ("plain-" + path.name.replace(".roundtrip", ".json"))
    data = native.to_dict(d)

    def json_once():  # the floor: stdlib's C encoder, one write, no fsync
        with open(plain, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, ensure_ascii=False))

    native.save(d, target), json_once()
    value = median_ms(lambda: native.save(d, target), repeat)
    base = median_ms(json_once, repeat)
    return row(SAVE, label, value, "ms", size_key=key, baseline_name="json.dumps+write same dict",
               baseline=base)


def run(quick: bool, out: Path = DEFAULT_OUT, paths: dict[str, Path] | None = None) -> list[dict]:
    if paths is None:
        paths, _ = write_files(quick, out)
    repeat = 3 if quick else 5
    rows = []
    for key, size in sizes(quick).items():
        label = size_label(size)
        for name, bench in ((OPEN, partial(bench_open, paths[key], label, key, repeat)),
                            (SAVE, partial(bench_save, paths[key], label, key, repeat, out))):
            try:
                rows.append(bench())
            except Exception as e:  # a broken bench shows in the table, it does not end the run
                rows.append(failed(name, label, "ms", e, size_key=key))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="tiny sizes, proves the bench works")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the benchmark files")
    ap.add_argument("--rows", help="write the rows as JSON to this file")
    ap.add_argument("--reuse", action="store_true", help="use the files already in --out")
    args = ap.parse_args(argv)
    paths = None
    if args.reuse:
        paths = {k: bench_file(s, args.out) for k, s in sizes(args.quick).items()}
        if not all(p.exists() for p in paths.values()):
            paths = None
    write_rows(run(args.quick, args.out, paths), args.rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
