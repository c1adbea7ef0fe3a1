"""Time and quality of the automatic layout of big maps, against the force-directed step alone.

``layout_positions`` places every company of a map drawn from a table (an import places all of
them: the largest table that makes a diagram has 100,000 rows, about 20,000 companies). For each
map this prints:

* the whole layout (force-directed step, evening out, fitting, snapping to the grid);
* the baseline, measured in the same run on the same graph: igraph's grid Fruchterman-Reingold
  call alone with the same start and iterations (what any layout built on it pays at least);
* how near linked companies end up: the mean distance between the two ends of a flow over the
  mean distance between two companies drawn at random (1.0: no better than a random placement;
  lower is better).

Maps: :func:`benchmarks.generate.generate` (clusters of 5-25 companies and hubs, 40 % of flows
inside a cluster) and a map of communities of 50 companies where nine flows in ten stay inside.

Run alone: ``python benchmarks/bench_layout.py [--quick]``; ``benchmarks/run.py`` runs it as its
"layout" part (:func:`table_rows`).
"""
from __future__ import annotations

import argparse
import gc
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: Row name in benchmarks/run.py.
NAME = "automatic layout of a whole map"
#: (companies, flows) of each map.
SIZES, QUICK_SIZES = ((2_000, 10_000), (20_000, 100_000)), ((500, 2_000), (2_000, 10_000))
#: size key -> (target figure in ms, target ratio to the force-directed step alone).
TARGETS = {"layout-large": (5000.0, 2.0)}


def communities(n: int, m: int, size: int = 50, seed: int = 1):
    """A map of communities of ``size`` companies: nine flows in ten stay inside one."""
    from editor.model import Company, Diagram, Flow

    rng = random.Random(seed)
    groups = max(1, n // size)
    companies = [Company(f"c{i}", f"Company {i}") for i in range(n)]
    flows = []
    for k in range(m):
        a = rng.randrange(n)
        b = rng.randrange(a % groups, n, groups) if rng.random() < 0.9 else rng.randrange(n)
        if a == b:
            b = (a + 1) % n
        flows.append(Flow(f"f{k}", f"c{a}", f"c{b}", "revenue", 1.0))
    return Diagram.build(companies=companies, flows=flows)


def link_ratio(diagram, pos: dict[str, tuple[float, float]]) -> float:
    """Mean distance between the ends of a flow over the mean distance between two random companies."""
    flows = [f for f in diagram.flows() if f.source != f.target]
    linked = sum(math.dist(pos[f.source], pos[f.target]) for f in flows) / len(flows)
    rng = random.Random(3)
    ids = list(pos)
    pairs = [(rng.choice(ids), rng.choice(ids)) for _ in range(20_000)]
    return linked / (sum(math.dist(pos[a], pos[b]) for a, b in pairs) / len(pairs))


def measure(diagram) -> tuple[float, float, float]:
    """(seconds of the whole layout, seconds of the force-directed call alone, link ratio)."""
    from editor.model import layout

    calls: list[float] = []
    force_directed = layout._force_directed

    def timed(n: int, pairs: list[tuple[int, int]]) -> list[tuple[float, float]]:
        t = time.perf_counter()
        try:
            return force_directed(n, pairs)
        finally:
            calls.append(time.perf_counter() - t)

    ids = [c.id for c in diagram.companies()]
    layout._force_directed = timed
    try:
        t0 = time.perf_counter()
        pos = layout.layout_positions(diagram, ids)
        total = time.perf_counter() - t0
    finally:
        layout._force_directed = force_directed
    return total, sum(calls), link_ratio(diagram, pos)


def run(quick: bool) -> list[tuple[str, str, str, float, float, float]]:
    """(size key, map label, kind, total s, force-directed s, link ratio) of each map."""
    from benchmarks.generate import generate

    out = []
    for key, (n, m) in zip(("layout-medium", "layout-large"), QUICK_SIZES if quick else SIZES, strict=True):
        for kind in ("generated", "communities"):
            total, fd, ratio = measure(generate(n, m, 1) if kind == "generated" else communities(n, m))
            out.append((key, f"{n:,}/{m:,}", kind, total, fd, ratio))
    return out


#: Row name in benchmarks/run.py: the Automatic Layout command on a shown map, and the map it runs on.
WINDOW_NAME = "automatic layout of a drawn map, window blocked"
#: Its target: blocked at most 1.5 s, and at most 0.8 of the time with every label placed at once.
WINDOW_TARGET = (1500.0, 0.8)
WINDOW_SIZE, QUICK_WINDOW_SIZE = (2_000, 10_000), (500, 2_500)


def window_layout(n: int, m: int, labels_at_once: bool) -> tuple[float, float, float]:
    """(seconds the window is blocked, seconds until every label is placed again, longest event-loop
    step meanwhile) of the Automatic Layout command on a drawn map of ``n`` companies and ``m`` flows
    whose companies all stand elsewhere (what the command does: the layout, then one move of every
    company, which the canvas follows). ``labels_at_once``: the canvas places every label before the
    move returns, as it did before labels were left to the background."""
    import random

    from PySide6.QtWidgets import QApplication

    from benchmarks.generate import generate
    from editor.background.collector import MainThreadCollector
    from editor.canvas.lanes import PairLayout
    from editor.canvas.scene import DiagramScene
    from editor.editing.document import Document
    from editor.model.layout import layout_positions

    app = QApplication.instance() or QApplication([])
    doc = Document(generate(n, m, 1))
    rng = random.Random(2)
    doc.diagram.move_companies({c.id: (c.x + rng.uniform(-400, 400), c.y + rng.uniform(-400, 400))
                                for c in doc.diagram.companies()})   # (before the scene: not an edit)
    gc.collect()
    collector = MainThreadCollector()   # the cyclic collector as the window runs it (from a timer)
    scene = DiagramScene(doc.diagram)
    scene.keep_items()                  # (as a window does with the canvas it built)
    while scene.labels_pending_in_background():
        app.processEvents()
    limit = PairLayout.MOVE_PLACES_LATER_ABOVE
    PairLayout.MOVE_PLACES_LATER_ABOVE = 10**9 if labels_at_once else limit
    try:
        t0 = time.perf_counter()
        d = doc.diagram
        positions = layout_positions(d, [c.id for c in d.companies()])
        doc.move_companies(positions, text="Automatic layout")
        blocked = time.perf_counter() - t0
        longest, last = 0.0, time.perf_counter()
        while scene.labels_pending_in_background():
            app.processEvents()
            now = time.perf_counter()
            longest, last = max(longest, now - last), now
        placed = time.perf_counter() - t0
    finally:
        PairLayout.MOVE_PLACES_LATER_ABOVE = limit
        scene.dispose()
        collector.uninstall()
        collector.deleteLater()
    gc.collect()
    return blocked, placed, longest


def size_labels(quick: bool) -> dict[str, str]:
    n, m = QUICK_WINDOW_SIZE if quick else WINDOW_SIZE
    return {k: f"{n:,}/{m:,}" for k, (n, m) in zip(("layout-medium", "layout-large"),
                                                   QUICK_SIZES if quick else SIZES, strict=True)} | {
        "layout-window": f"{n:,}/{m:,}"}


def table_rows(quick: bool) -> list[dict]:
    """The rows of benchmarks/run.py's "layout" part: the generated maps (communities in the note)."""
    import bench_io as B

    results = run(quick)
    rows = []
    for key, label, kind, total, fd, ratio in results:
        if kind != "generated":
            continue
        other = next(r for r in results if r[0] == key and r[2] == "communities")
        rows.append(B.row(NAME, label, total * 1e3, "ms", size_key=key,
                          baseline_name="igraph Fruchterman-Reingold call alone", baseline=fd * 1e3,
                          note=f"linked companies at {ratio:.2f} of the mean distance; a map of communities: "
                               f"{other[3] * 1e3:.0f} ms, {other[5]:.2f}"))
    n, m = QUICK_WINDOW_SIZE if quick else WINDOW_SIZE
    blocked, placed, longest = window_layout(n, m, False)
    base = window_layout(n, m, True)[0]
    rows.append(B.row(WINDOW_NAME, f"{n:,}/{m:,}", blocked * 1e3, "ms", size_key="layout-window",
                      baseline_name="same, every label placed before the move returns", baseline=base * 1e3,
                      note=f"labels placed in the background: all placed after {placed:.2f} s, longest "
                           f"event-loop step meanwhile {longest * 1e3:.0f} ms"))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller maps")
    ap.add_argument("--window-large", action="store_true",
                    help="also time the Automatic Layout command on a drawn 20,000/100,000 map (minutes)")
    args = ap.parse_args(argv)
    print(f"{'Map':<16} {'kind':<12} {'layout':>9} {'FR alone':>9} {'ratio':>6} {'linked/any':>11}")
    for _key, label, kind, total, fd, ratio in run(args.quick):
        print(f"{label:<16} {kind:<12} {total:>8.2f}s {fd:>8.2f}s {total / fd:>5.1f}x {ratio:>11.2f}")
    print("linked/any: mean distance between the ends of a flow over that between two random companies "
          "(1.00: no better than random)")
    sizes = [QUICK_WINDOW_SIZE if args.quick else WINDOW_SIZE]
    if args.window_large:
        sizes.append((20_000, 100_000))
    print(f"\n{'Automatic Layout command':<26} {'blocked':>9} {'all placed':>11} {'longest step':>13} "
          f"{'labels at once':>15}")
    for n, m in sizes:
        blocked, placed, longest = window_layout(n, m, False)
        base = window_layout(n, m, True)[0]
        label = f"{n:,}/{m:,}"
        print(f"{label:<26} {blocked:>8.2f}s {placed:>10.2f}s {longest * 1e3:>11.0f}ms {base:>14.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
