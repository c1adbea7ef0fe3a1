"""Canvas build: the time to make a map's canvas items as the window does when it opens a file.

    python benchmarks/bench_build.py            # dense 300/89,700 and 2,000/10,000
    python benchmarks/bench_build.py --quick    # dense 60/3,540 and 300/1,500

Each map is built by ``DiagramScene.build_steps(labels=True)`` (every company, arrow, head and
amount label made, laid out and placed: what the window shows at its readable zoom) outside any
event loop, and the figures are the whole build and its longest step (what the progress window's
event loop waits for at most between two turns; see editor/app/canvas_build.py). Baseline,
measured in the same run: a bare ``QGraphicsScene`` (no index) given the same number of plain
C++ items, one ``QGraphicsEllipseItem`` per company and one ``QGraphicsLineItem`` per flow,
each with a pen and its place.

The dense map is the one of bench_idle.py: companies on a circle, a flow between every ordered
pair. The 2,000/10,000 map is benchmarks/generate.py's (seed 2025).

Run alone, or as the "build" part of ``benchmarks/run.py`` (:func:`table_rows`).
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Row names in benchmarks/run.py ("build" part).
BUILD = "canvas build with labels (as Open shows it)"
STEP = "canvas build, longest step between event-loop turns"
#: (companies of the dense map, (companies, flows) of the generated map): full and quick runs.
FULL, QUICK = (300, (2000, 10_000)), (60, (300, 1500))
SEED = 2025


def maps(quick: bool) -> list[tuple[str, str, object]]:
    """(size key, size label, diagram) of each case."""
    from generate import dense_map, generate

    n, (companies, flows) = QUICK if quick else FULL
    dense = dense_map(n)
    labels = size_labels(quick)
    return [("build-dense", labels["build-dense"], dense),
            ("build-map", labels["build-map"], generate(companies, flows, SEED))]


def size_labels(quick: bool) -> dict[str, str]:
    """size key -> the size column of the rows."""
    n, (companies, flows) = QUICK if quick else FULL
    return {"build-dense": f"dense {n}/{n * (n - 1):,}", "build-map": f"{companies:,}/{flows:,}"}


def build(diagram) -> tuple[float, float, int, float]:
    """(seconds of the whole build, of its longest step, steps, of the collector's first check after
    it) of ``diagram``'s scene with its labels, as the window builds it.

    As in the window, the cyclic collector runs from a timer (editor/background/collector.py) and
    the built scene keeps its objects out of its walks (``DiagramScene.keep_items``, what
    editor/app/canvas_build.py does): the collector's first check after the build is timed, since the
    event loop waits for it like for a step. The last step ends when the build does, after its last
    report."""
    from editor.background.collector import MainThreadCollector
    from editor.canvas.scene import DiagramScene

    gc.collect()
    collector = MainThreadCollector()
    try:
        t0 = time.perf_counter()
        scene = DiagramScene(diagram, build=False)
        longest, steps = 0.0, 0
        last = time.perf_counter()
        for _ in scene.build_steps(labels=True):
            now = time.perf_counter()
            longest, steps, last = max(longest, now - last), steps + 1, now
        now = time.perf_counter()
        longest, total = max(longest, now - last), now - t0
        scene.keep_items()
        collector.check()
        settle = time.perf_counter() - now
        made = scene.item_count()
        assert not scene.labels_pending() and made == len(diagram.companies()) + len(diagram.flows())
        scene.dispose()
        del scene
    finally:
        collector.uninstall()
        collector.deleteLater()
    gc.collect()
    return total, longest, steps, settle


def plain_items(diagram) -> float:
    """Seconds to give a bare scene one plain ellipse per company and one plain line per flow."""
    from PySide6.QtGui import QColor, QPen
    from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsLineItem, QGraphicsScene

    t0 = time.perf_counter()
    scene = QGraphicsScene()
    scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    pen = QPen(QColor("#336699"), 1.5)
    where = {}
    for c in diagram.companies():
        item = QGraphicsEllipseItem(-20, -20, 40, 40)
        item.setPen(pen)
        item.setPos(c.x, c.y)
        scene.addItem(item)
        where[c.id] = (c.x, c.y)
    for f in diagram.flows():
        (x0, y0), (x1, y1) = where[f.source], where[f.target]
        line = QGraphicsLineItem(x0, y0, x1, y1)
        line.setPen(pen)
        scene.addItem(line)
    seconds = time.perf_counter() - t0
    scene.clear()
    del scene
    gc.collect()
    return seconds


def run(quick: bool) -> list[tuple[str, str, float, float, int, float, float]]:
    """(size key, size label, build s, longest step s, steps, baseline s, first collector check s)
    of each map."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    out = []
    for key, label, diagram in maps(quick):
        base = plain_items(diagram)
        total, longest, steps, settle = build(diagram)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)   # (the scene disposed of)
        out.append((key, label, total, longest, steps, base, settle))
    return out


def table_rows(quick: bool) -> list[dict]:
    """The rows of benchmarks/run.py's "build" part."""
    import bench_io as B

    rows = []
    for key, label, total, longest, steps, base, settle in run(quick):
        rows.append(B.row(BUILD, label, total * 1e3, "ms", size_key=key,
                          baseline_name="plain QGraphicsLineItem per flow, ellipse per company",
                          baseline=base * 1e3,
                          note=f"companies, arrows, heads, labels made, laid out, placed; {steps} steps"))
        rows.append(B.row(STEP, label, max(longest, settle) * 1e3, "ms", size_key=key,
                          note=f"longest step of DiagramScene.build_steps (the event loop turns between): "
                               f"{longest * 1e3:.0f} ms; the collector's first check after it: "
                               f"{settle * 1e3:.0f} ms"))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller maps")
    args = ap.parse_args(argv)
    print(f"{'Map':<22} {'Build':>9} {'Longest step':>13} {'Then: collector':>16} {'Steps':>7} "
          f"{'Plain items':>12} {'Ratio':>7}")
    for _key, label, total, longest, steps, base, settle in run(args.quick):
        print(f"{label:<22} {total:>8.2f}s {longest * 1e3:>11.0f}ms {settle * 1e3:>14.0f}ms {steps:>7} "
              f"{base:>11.2f}s {total / base:>6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
