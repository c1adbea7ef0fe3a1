"""Canvas benchmarks: one drag step, and the event loop during edits with live analysis.

Drag step: a ``DiagramView`` (1280x800, zoomed to fit, offscreen) gets real
``QMouseEvent``s on its viewport: press on a company, then moves of a few
pixels. One step = sending one move event + ``QApplication.processEvents()``
+ a forced ``viewport().repaint()``, so painting is included. Measured for
the company with the most flows and one with a single flow. Baseline: the
same mouse path on a bare ``QGraphicsScene`` with the same number of plain
C++-painted items (a circle per company at the same place, a straight line
per flow whose ends follow the dragged circle), with the same index method,
update mode, render hints, view size and zoom.

Event-loop gap: 50 quick edits through the ``Document`` at 1,000/5,000 with
the app's analysis worker connected; a 1 ms ``QTimer`` ticks meanwhile and the
figure is the largest interval between two ticks. Baseline: the same edits
without the worker.

Run alone: ``python benchmarks/bench_canvas.py [--quick]``.
"""
from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_io as B  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPen  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsView,
)

VIEW_SIZE = (1280, 800)
STEP_PX = 3


def _app() -> QApplication:
    app = QApplication.instance() or QApplication([])
    from editor.background import collector
    collector.install()  # as the app does
    return app


def _settle(n: int = 3) -> None:
    for _ in range(n):
        QApplication.processEvents()


def _mouse(view: QGraphicsView, kind: QEvent.Type, pos: QPointF, buttons) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    vp = view.viewport()
    glob = QPointF(vp.mapToGlobal(pos.toPoint()))
    QApplication.sendEvent(vp, QMouseEvent(kind, pos, glob, button, buttons, Qt.KeyboardModifier.NoModifier))


def path_points(start: QPointF, steps: int) -> list[QPointF]:
    """A back-and-forth mouse path of ``steps`` moves, STEP_PX apart, staying near ``start``."""
    pts = []
    for i in range(1, steps + 1):
        leg = (i // 20) % 4  # right, down, left, up: a square of 20 steps a side
        k = i % 20
        dx, dy = [(k, 0), (20, k), (20 - k, 20), (0, 20 - k)][leg]
        pts.append(QPointF(start.x() + dx * STEP_PX, start.y() + dy * STEP_PX))
    return pts


class PaintCounter(QObject):
    """Counts paint events of a widget (proves a drag step really painted), and the rects of each
    (an amount edit repaints its own label and arrow, no more)."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.count = 0
        self.rects: list[int] = []
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.rects.append(event.region().rectCount())
        return False


def drag_ms(view: QGraphicsView, start: QPointF, steps: int, warmup: int = 3,
            budget_s: float = 20.0) -> tuple[list[float], float]:
    """Milliseconds of each move step of a left-button drag starting at ``start`` (viewport px),
    and the milliseconds of one forced full repaint of the viewport in the middle of the drag.

    One step = the move event + ``processEvents()``, which paints what the move dirtied;
    a step during which Qt painted nothing gets a forced ``viewport().repaint()`` so painting
    is always in the figure. Stops early (at least 5 steps) once ``budget_s`` is spent."""
    left = Qt.MouseButton.LeftButton
    vp = view.viewport()
    painted = PaintCounter(vp)
    _mouse(view, QEvent.Type.MouseButtonPress, start, left)
    _settle(1)
    times: list[float] = []
    t_start = time.perf_counter()
    full = 0.0
    for i, pt in enumerate(path_points(start, steps + warmup)):
        before = painted.count
        t = time.perf_counter()
        _mouse(view, QEvent.Type.MouseMove, pt, left)
        QApplication.processEvents()
        if painted.count == before:
            vp.repaint()
        if i >= warmup:
            times.append((time.perf_counter() - t) * 1000)
        if i == warmup:
            t = time.perf_counter()
            vp.repaint()
            full = (time.perf_counter() - t) * 1000
        if len(times) >= 5 and time.perf_counter() - t_start > budget_s:
            break
    _mouse(view, QEvent.Type.MouseButtonRelease, pt, Qt.MouseButton.NoButton)
    _settle(2)
    vp.removeEventFilter(painted)
    return times, full


def _show(view: QGraphicsView) -> None:
    view.resize(*VIEW_SIZE)
    view.show()
    _settle(5)


def _owned_by(hit: QGraphicsItem | None, item: QGraphicsItem) -> bool:
    while hit is not None:
        if hit is item:
            return True
        hit = hit.parentItem()
    return False


def grab_point(view: QGraphicsView, item: QGraphicsItem, scene_pos: QPointF, hits) -> QPointF | None:
    """A viewport point where a press lands on ``item``: its place, else its shape's centre.
    ``hits(view_point)`` says whether a press there grabs the item."""
    for p in (scene_pos, item.mapToScene(item.shape().boundingRect().center())):
        vp = view.mapFromScene(p)
        if hits(vp):
            return QPointF(vp)
    return None


def pick_companies(diagram) -> tuple[list[str], list[str]]:
    """Company ids by flow count: most first, and those with exactly one flow (else fewest)."""
    degree = {c.id: 0 for c in diagram.companies()}
    for f in diagram.flows():
        degree[f.source] += 1
        degree[f.target] += 1
    by_most = sorted(degree, key=lambda c: -degree[c])
    ones = [c for c in degree if degree[c] == 1] or sorted(degree, key=lambda c: (degree[c] == 0, degree[c]))
    return by_most, ones


class _Node(QGraphicsEllipseItem):
    """A plain movable circle that drags the ends of its plain lines along (C++ painting only)."""

    def __init__(self) -> None:
        super().__init__(-20, -20, 40, 40)
        self.outgoing: list[QGraphicsLineItem] = []
        self.incoming: list[QGraphicsLineItem] = []
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)

    def itemChange(self, change, value):  # noqa: N802 (Qt name)
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            p = self.pos()
            for line in self.outgoing:
                ln = line.line()
                line.setLine(p.x(), p.y(), ln.x2(), ln.y2())
            for line in self.incoming:
                ln = line.line()
                line.setLine(ln.x1(), ln.y1(), p.x(), p.y())
        return super().itemChange(change, value)


class Bare:
    """The baseline: a plain QGraphicsScene (same index method, view size, zoom and render hints)
    with one circle per company and one straight line per flow; a dragged circle moves its lines."""

    def __init__(self, diagram, like: QGraphicsView) -> None:
        self.scene = QGraphicsScene()
        self.scene.setItemIndexMethod(like.scene().itemIndexMethod())
        self.items: dict[str, _Node] = {}
        brush = QBrush(QColor("#76b900"))
        for c in diagram.companies():
            e = _Node()
            e.setPos(c.x, c.y)
            e.setBrush(brush)
            e.setZValue(1)
            self.scene.addItem(e)
            self.items[c.id] = e
        pen = QPen(QColor("#1f3a93"), 1.5)
        for f in diagram.flows():
            a, b = diagram.company(f.source), diagram.company(f.target)
            line = QGraphicsLineItem(a.x, a.y, b.x, b.y)
            line.setPen(pen)
            self.scene.addItem(line)
            self.items[f.source].outgoing.append(line)
            self.items[f.target].incoming.append(line)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(like.renderHints())
        self.view.setViewportUpdateMode(like.viewportUpdateMode())
        _show(self.view)
        self.view.fitInView(like.mapToScene(like.viewport().rect()).boundingRect(),
                            Qt.AspectRatioMode.KeepAspectRatio)
        _settle()


def _canvas():
    try:
        from editor.canvas.scene import DiagramScene
        from editor.canvas.view import DiagramView
    except ImportError as e:
        return None, None, f"canvas not available ({e})"
    return DiagramScene, DiagramView, ""


def bench_drag(path: Path, label: str, key: str, steps: int) -> list[dict]:
    from editor.editing.document import Document
    scene_cls, view_cls, why = _canvas()
    if scene_cls is None:
        names = (B.DRAG_HUB, B.DRAG_LEAF) + ((B.DRAG_HUB_1, B.DRAG_LEAF_1) if key == "large" else ())
        return [B.unavailable(n, label, "ms", why, size_key=key) for n in names]
    doc = Document.open(path)
    scene = scene_cls(doc.diagram)
    view = view_cls(scene, doc)
    if hasattr(view, "set_tool"):
        view.set_tool("select")
    _show(view)
    view.zoom_to_fit()
    _settle()
    bare = Bare(doc.diagram, view)
    by_most, ones = pick_companies(doc.diagram)
    cases = [(B.DRAG_HUB, by_most, None), (B.DRAG_LEAF, ones, None)]
    if key == "large":
        cases += [(B.DRAG_HUB_1, by_most, 1.0), (B.DRAG_LEAF_1, ones, 1.0)]
    rows = []
    for name, candidates, zoom in cases:
        try:
            rows.append(_drag_row(name, label, key, steps, doc, scene, view, bare, candidates, zoom))
        except Exception as e:  # shows in the table instead of ending the part
            rows.append(B.failed(name, label, "ms", e, size_key=key))
    return rows


def _place(view: QGraphicsView, zoom: float | None, center: QPointF) -> None:
    """Keep the fitted zoom (None) or set ``zoom`` centred on ``center``."""
    if zoom is None:
        return
    view.resetTransform()
    view.scale(zoom, zoom)
    view.centerOn(center)
    _settle()


def _drag_row(name, label, key, steps, doc, scene, view, bare, candidates, zoom) -> dict:
    for cid in candidates[:50]:
        c = doc.diagram.company(cid)
        item = scene.company_item(cid)
        _place(view, zoom, QPointF(c.x, c.y))
        _place(bare.view, zoom, QPointF(c.x, c.y))
        start = grab_point(view, item, QPointF(c.x, c.y),
                           lambda vp, cid=cid: scene.owner_at(view.mapToScene(vp)) == ("company", cid))
        bare_item = bare.items[cid]
        bare_start = grab_point(bare.view, bare_item, QPointF(c.x, c.y),
                                lambda vp, bare_item=bare_item: _owned_by(bare.view.itemAt(vp), bare_item))
        if start is not None and bare_start is not None:
            break
    else:
        raise RuntimeError("no company could be grabbed with the mouse (all covered at this zoom)")
    n_flows = len(doc.diagram.flows_of(cid))
    before = doc.undo_stack.index()
    times, full = drag_ms(view, start, steps)
    moved = doc.diagram.company(cid)
    if doc.undo_stack.index() != before + 1 or (moved.x, moved.y) == (c.x, c.y):
        raise RuntimeError(f"the drag of {cid} did not move it through one undo command")
    doc.undo_stack.undo()
    _settle()
    base, _ = drag_ms(bare.view, bare_start, len(times))
    note = (f"{cid} with {n_flows} flows at zoom {view.transform().m11():.2f}; median of {len(times)} moves, "
            f"max {max(times):.0f} ms; a forced full repaint of the view takes {full:.0f} ms")
    return B.row(name, label, statistics.median(times), "ms", size_key=key,
                 baseline_name="plain Qt items, lines follow", baseline=statistics.median(base), note=note)


def run(quick: bool, paths: dict[str, Path]) -> list[dict]:
    _app()
    steps = 15 if quick else 60
    rows = []
    for key in ("small", "large"):
        label = B.size_label(B.sizes(quick)[key])
        try:
            rows += bench_drag(paths[key], label, key, steps)
        except Exception as e:
            names = (B.DRAG_HUB, B.DRAG_LEAF) + ((B.DRAG_HUB_1, B.DRAG_LEAF_1) if key == "large" else ())
            rows += [B.failed(n, label, "ms", e, size_key=key) for n in names]
    return rows


# ---------------------------------------------------------- event-loop gap
EDITS = 50
BURST = 5            # edits 20 ms apart, then a pause long enough for the debounced analysis to start
EDIT_GAP_MS, PAUSE_MS = 20, 300


def measure_gap(path: Path, with_worker: bool, settle_s: float) -> dict:
    """Largest interval (ms) between ticks of a 1 ms timer while 50 amount edits go through
    the Document of a shown main window, until the analysis is idle again (or ``settle_s``)."""
    import random

    from editor.app.mainwindow import MainWindow
    from editor.editing.document import Document

    doc = Document.open(path)
    win = MainWindow(doc, autosave_enabled=False)
    win.resize(1400, 900)
    win.show()
    worker = win.worker
    scene = win.view.scene()
    deadline = time.perf_counter() + 120
    # the analysis of the opened file, and the canvas finishing its labels and widths after
    # opening: the figure is about edits, not about opening
    while (worker.is_busy() or scene.labels_pending_in_background() or scene.rescale_pending()) \
            and time.perf_counter() < deadline:
        _settle(1)
        time.sleep(0.005)
    if not with_worker:
        worker.shutdown()
    _settle(5)
    rnd = random.Random(B.SEED)
    flows = [f for f in doc.diagram.flows() if f.amount is not None]
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    done = []
    discarded0 = worker.discarded
    results = []
    worker.resultReady.connect(lambda r: results.append(time.perf_counter()))

    def edit(i: int) -> None:
        f = rnd.choice(flows)
        doc.update_flow(f.id, amount=round(doc.diagram.flow(f.id).amount * rnd.uniform(0.5, 1.5) + 0.01, 3))
        if i + 1 < EDITS:
            QTimer.singleShot(PAUSE_MS if (i + 1) % BURST == 0 else EDIT_GAP_MS, lambda: edit(i + 1))
        else:
            done.append(time.perf_counter())

    repaints = PaintCounter(win.view.viewport())
    timer.start()
    t0 = time.perf_counter()
    QTimer.singleShot(0, lambda: edit(0))
    while time.perf_counter() - t0 < 120:
        QApplication.processEvents()
        time.sleep(0.0005)  # the loop waits like the real one does between events
        if done and (not with_worker or not worker.is_busy()) and time.perf_counter() - done[0] > settle_s:
            break
    timer.stop()
    win.view.viewport().removeEventFilter(repaints)
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(ticks)]
    out = {"max": max(gaps), "p99": statistics.quantiles(gaps, n=100)[-1],
           "over50": sum(g > 50 for g in gaps),
           "seconds": ticks[-1] - ticks[0], "results": len(results),
           "discarded": worker.discarded - discarded0, "last_analysis": worker.last_seconds,
           "most_rects": max(repaints.rects, default=0)}
    worker.shutdown()
    doc.undo_stack.setClean()  # closing must not ask to save the benchmark's edits
    win.close()
    win.deleteLater()
    _settle(3)
    return out


def run_event_loop(quick: bool, paths: dict[str, Path]) -> list[dict]:
    os.environ.setdefault("ROUNDTRIP_SETTINGS", "benchmark")  # never the user's settings
    _app()
    label = B.size_label(B.sizes(quick)["medium"])
    try:
        import editor.app.mainwindow  # noqa: F401
        import editor.background.analysis_worker  # noqa: F401
    except ImportError as e:
        return [B.unavailable(B.GAP, label, "ms", f"app not available ({e})", size_key="medium")]
    try:
        base = measure_gap(paths["medium"], False, 0.5)
        live = measure_gap(paths["medium"], True, 0.5)
    except Exception as e:
        return [B.failed(B.GAP, label, "ms", e, size_key="medium")]
    finally:
        from editor import settings
        f = settings.settings_file_for_tests()
        if f is not None and f.exists():
            f.unlink()
    note = (f"main window shown; {EDITS} amount edits in bursts of {BURST}; with analysis: p99 gap "
            f"{live['p99']:.1f} ms, {live['over50']} gaps > 50 ms in {live['seconds']:.1f} s, "
            f"{live['results']} results shown, {live['discarded']} stale dropped, one analysis "
            f"{live['last_analysis'] * 1000:.0f} ms; largest repaint {live['most_rects']:,} rects")
    return [B.row(B.GAP, label, live["max"], "ms", size_key="medium",
                  baseline_name="same edits, analysis worker off", baseline=base["max"], note=note)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    paths, _ = B.write_files(args.quick)
    for r in run(args.quick, paths) + run_event_loop(args.quick, paths):
        print(r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
