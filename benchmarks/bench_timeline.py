"""Moving a timeline handle: how long until the canvas shows the new period.

    python benchmarks/bench_timeline.py [--quick]

The large benchmark map (2,000 companies / 10,000 flows; ``--quick``: 60/250)
in a shown ``DiagramView`` of 1280×800 as the app opens it: zoomed to fit, but
not below the readable zoom (the worst case: at 2,000/10,000 about 4,700 long
arrows cross the view), with the :class:`TimelinePanel` attached as in the app.
The notes also give the whole map fitted in the view (every arrow visible). One step
moves the end handle by 1/40 of the axis, across the whole range and back:
``strip.set_range`` (what a mouse move on a handle calls: the period, the
flows in it by bisection, and :meth:`DiagramScene.set_period_filter`, which
touches only the flows crossing the handle) and then ``processEvents()``,
which paints what the change dirtied, so the step ends when the canvas shows
the new period. The row is the "hide" mode (the default); the notes give the
"fade" mode too (translucent arrows cost much more to paint). Median and max
over the steps. Baseline, in the same run: a forced repaint of the same view
with nothing changed. The analysis of the new period runs afterwards in the
worker's process (not measured here: it never holds the GUI thread).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
for _p in (str(HERE.parent), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import bench_io as B  # noqa: E402

NAME = "move a timeline handle, canvas repainted"
STEPS = 40


def _settle(app, n: int = 3) -> None:
    for _ in range(n):
        app.processEvents()


def measure(path: Path) -> dict:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    from editor.canvas.scene import DiagramScene
    from editor.canvas.view import DiagramView
    from editor.editing.document import Document
    from editor.panels.timeline import TimelinePanel

    app = QApplication.instance() or QApplication([])
    doc = Document.open(path)
    scene = DiagramScene(doc.diagram)
    view = DiagramView(scene, doc)
    view.resize(1280, 800)
    view.show()
    _settle(app, 5)
    view.zoom_to_fit()
    scene.realize_labels()
    _settle(app)
    readable_zoom = view.zoom()
    panel = TimelinePanel()
    panel.attach(doc.diagram, scene)
    strip = panel.strip
    first, last = strip.first, strip.last
    span = max(1, last - first)
    ends = [first + span * k // STEPS for k in range(1, STEPS + 1)]
    path_days = ends + ends[::-1]

    def repaint() -> float:
        t0 = time.perf_counter()
        view.viewport().repaint()
        app.processEvents()
        return time.perf_counter() - t0

    def steps(mode_index: int) -> list[float]:
        panel.mode_combo.setCurrentIndex(mode_index)
        _settle(app)
        times = []
        for hi in path_days:
            before = len(scene.period.out)
            t0 = time.perf_counter()
            strip.set_range(first, hi)
            app.processEvents()
            times.append(time.perf_counter() - t0)
            crossing.append(abs(len(scene.period.out) - before))
        return times

    crossing: list[int] = []
    base = [repaint() for _ in range(5)]
    smoothed = bool(view.renderHints() & QPainter.RenderHint.Antialiasing)
    hide, fade = steps(0), steps(1)
    strip.set_range(first, last)
    view.zoom_to_fit(readable=False)  # the whole map in the view
    _settle(app)
    whole_base = [repaint() for _ in range(5)]
    whole = steps(0)
    panel.deleteLater()
    view.close()
    return {"median": statistics.median(hide), "max": max(hide), "fade": statistics.median(fade),
            "fade_max": max(fade), "base": statistics.median(base), "steps": len(hide),
            "zoom": readable_zoom, "smoothed": smoothed, "whole": statistics.median(whole),
            "whole_max": max(whole), "whole_base": statistics.median(whole_base), "whole_zoom": view.zoom(),
            "crossing": statistics.median(crossing), "dated": len(panel.days),
            "flows": len(doc.diagram.flows())}


def table_rows(quick: bool, paths: dict[str, Path]) -> list[dict]:
    label = B.size_label(B.sizes(quick)["large"])
    try:
        r = measure(paths["large"])
    except Exception as e:  # shows in the table instead of ending the part
        return [B.failed(NAME, label, "ms", e, size_key="large")]
    note = (f"zoom {r['zoom']:.2f}, {'smoothed' if r['smoothed'] else 'unsmoothed'}; hide: median of "
            f"{r['steps']} steps (max {r['max'] * 1e3:.0f} ms); fade: median {r['fade'] * 1e3:.0f} ms (max "
            f"{r['fade_max'] * 1e3:.0f}); the whole map fitted (zoom {r['whole_zoom']:.2f}): hide median "
            f"{r['whole'] * 1e3:.0f} ms (max {r['whole_max'] * 1e3:.0f}), forced repaint "
            f"{r['whole_base'] * 1e3:.0f} ms; {r['dated']} of {r['flows']} flows dated, median "
            f"{r['crossing']:.0f} crossing the handle per step")
    return [B.row(NAME, label, r["median"] * 1e3, "ms", size_key="large", note=note,
                  baseline_name="forced repaint, nothing changed", baseline=r["base"] * 1e3)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    paths, _generator = B.write_files(args.quick)
    for row in table_rows(args.quick, paths):
        if row["value"] is None:
            print(f"{row['name']} at {row['size']}: {row['status']} ({row['note']})")
        else:
            print(f"{row['name']} at {row['size']}: {row['value']:.1f} ms "
                  f"(baseline {row['baseline']:.1f} ms); {row['note']}")


if __name__ == "__main__":
    main()
