"""Live moves (a drag): the moving companies, their arrows and labels in a layer of their own.

The still rest of the scene stays in the base layer, which a view can replace by a
picture of it (see DiagramView.begin_live_drag); moving arrows keep only their part
inside the view while the drag lasts. Done by the scene's :class:`LiveMove`.

Level of detail while dragging: a company with many flows (more than SKETCH_ABOVE, e.g. a
hub with 600 arrows converging on it) is dragged with a sketch of its arrows instead of
the arrows themselves, as diagram tools commonly do for heavy drags: straight lines from
circle edge to circle edge in each flow's colour, width and opacity, one per pair of
companies, without heads, lanes or amount labels, drawn by a few path items (one per
look) rebuilt from plain numbers on each mouse move. Laying out and painting hundreds of
curved, antialiased arrows with heads and labels on each move takes 35-100 ms at 2,000
companies / 10,000 flows; the sketch takes a few. On release the arrows get their full
look and geometry back (the picture is the same as before the drag, at the new place).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from editor.canvas import geometry as G
from editor.canvas.backref import Backref
from editor.canvas.index import SceneIndex
from editor.canvas.items import Z_FLOW, arrow_pen

if TYPE_CHECKING:
    from editor.canvas.scene import DiagramScene

#: one sketch item and the ends of its lines: (moving id or None, x, y, radius) of each end
Sketch = tuple["SketchItem", list[tuple]]


class SketchItem(QGraphicsPathItem):
    """Straight lines of one look (pen, opacity) during a heavy drag. Its bounding box comes
    from the numbers it was built from: Qt's own would stroke the whole path to find it."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self._bounds = QRectF()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def set_lines(self, path: QPainterPath, bounds: QRectF) -> None:
        self.prepareGeometryChange()
        self._bounds = bounds
        self.setPath(path)


def _layer(z: float) -> QGraphicsPathItem:
    """An item that paints nothing and holds other items (a layer of the scene)."""
    layer = QGraphicsPathItem()
    layer.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
    layer.setZValue(z)
    return layer


class SceneLayers:
    """The scene's layers. Companies, arrows and labels live in the base layer; during a live
    move the moving ones go to the live layer, so a view can show the still rest as one
    picture. The arrows a heavy drag sketches wait in the hidden layer, not drawn (transparent,
    not hidden: hiding would deselect them). Each build of the scene makes them anew."""

    def __init__(self, scene: DiagramScene) -> None:
        self._scene = Backref(scene)
        self.base: QGraphicsPathItem = _layer(0.0)
        self.live: QGraphicsPathItem = _layer(1.0)
        self.hidden: QGraphicsPathItem = _layer(0.0)
        #: the base layer's children made by a build before it joins the scene, in the order made
        self.made: list[QGraphicsItem] = []

    def make(self) -> None:
        """New layers (the scene was just cleared); the live and hidden ones join the scene, the
        base layer joins when the scene has filled it (see DiagramScene.rebuild)."""
        self.made = []
        self.base = _layer(0.0)
        self.live = _layer(1.0)
        self.hidden = _layer(0.0)
        self.hidden.setOpacity(0.0)
        self._scene().addItem(self.live)
        self._scene().addItem(self.hidden)

    def hide_still_part(self) -> None:
        self.base.setOpacity(0.0)

    def show_still_part(self) -> None:
        if self.base.opacity() != 1.0:
            self.base.setOpacity(1.0)
            self._scene().staticChanged.emit()

    def render_still_part(self, render: Callable[[], None], legend: QGraphicsItem | None) -> None:
        """Call ``render()`` with only the base layer visible (not the live one nor ``legend``)."""
        opacity = legend.opacity() if legend is not None else 1.0
        self.live.setOpacity(0.0)
        if legend is not None:
            legend.setOpacity(0.0)
        try:
            render()
        finally:
            self.live.setOpacity(1.0)
            if legend is not None:
                legend.setOpacity(opacity)


class LiveMove:
    """The state of a live move: what moves, where arrows are clipped, the sketch of a heavy drag."""

    #: a drag moving more arrows than this shows a sketch of them (see the module's docstring)
    SKETCH_ABOVE = 120

    def __init__(self, scene: DiagramScene, index: SceneIndex, layers: SceneLayers) -> None:
        self._scene = Backref(scene)
        self._index = index
        self._layers = layers
        #: more arrows than this moving: sketch them (SKETCH_ABOVE unless changed)
        self.sketch_above: int = self.SKETCH_ABOVE
        self._items: list[QGraphicsItem] = []    # in the live layer (or hidden) while the move lasts
        self._companies: list[str] = []
        #: flows laid out clipped while the move lasts (not those of a sketch); read by the layout
        self.moving_flows: set[str] = set()
        #: (left, top, right, bottom) of the scene area shown, or None: read by the layout
        self.clip: tuple[float, float, float, float] | None = None
        self._sketch: list[Sketch] = []

    def forget(self) -> None:
        """Drop the move's state without touching items (the scene is cleared or rebuilt)."""
        self._items = []
        self._companies = []
        self.moving_flows = set()
        self.clip = None
        self._sketch = []

    def begin(self, company_ids: Iterable[str], visible: QRectF | None = None) -> None:
        """Put these companies, their arrows and labels in the live layer (a drag starts).
        ``visible``: the scene area a view shows; while it is set, moving arrows keep only
        their part inside it (long arrows running off screen cost much to draw)."""
        self.end()
        scene, index = self._scene(), self._index
        scene.settle_styles()
        company_ids = [cid for cid in company_ids if cid in index.companies]
        items: list[QGraphicsItem] = [index.companies[cid] for cid in company_ids]
        flows = list(dict.fromkeys(f for cid in company_ids for f in index.attached_flows(cid)))
        if len(flows) > self.sketch_above:
            self._begin_sketch(company_ids, flows, items)
            self.clip = None if visible is None else (visible.left(), visible.top(),
                                                      visible.right(), visible.bottom())
            return
        for fid in flows:
            flow = index.flows[fid]
            items.append(flow)
            if (label := flow.label) is not None:   # a light drag: labels are needed anyway
                items.append(label)
        live = self._layers.live
        for item in items:
            item.setParentItem(live)
        self._items = items
        self._companies = company_ids
        self.moving_flows = set(flows)
        self.set_clip(visible)

    def _moving_companies(self) -> list[str]:
        return [cid for cid in self._companies if cid in self._index.companies]

    def set_clip(self, visible: QRectF | None) -> None:
        """Where moving arrows are kept during a live move (None: whole arrows)."""
        clip = None if visible is None else (visible.left(), visible.top(), visible.right(), visible.bottom())
        if clip == self.clip:
            return
        self.clip = clip
        if self._sketch:
            companies = self._index.companies
            self.draw_sketch({cid: companies[cid].pos() for cid in self._moving_companies()})
            return   # the arrows are hidden until the drop
        self._scene().layout_companies(self._moving_companies())

    def end(self) -> None:
        """Everything back in the base layer with its full geometry, the still part shown again."""
        scene = self._scene()
        sketched = bool(self._sketch)
        if sketched:
            for item, _ends in self._sketch:
                if item.scene() is scene:
                    scene.removeItem(item)
            self._sketch = []
        if self.clip is not None or sketched:
            self.clip = None
            scene.layout_companies(self._moving_companies())
        base = self._layers.base
        for moved in self._items:
            if moved.scene() is scene:
                moved.setParentItem(base)
        for waiting in self._layers.hidden.childItems():   # e.g. a label made during a sketched drag
            waiting.setParentItem(base)
        self._items = []
        self._companies = []
        self.moving_flows = set()
        self._layers.show_still_part()

    def sketching(self) -> bool:
        """A heavy drag shows a sketch of its arrows (see the module's docstring)."""
        return bool(self._sketch)

    def sketch_items(self) -> list[SketchItem]:
        return [item for item, _ends in self._sketch]

    def active(self) -> bool:
        return bool(self._items)

    def preview(self, positions: Mapping[str, QPointF]) -> None:
        """Move company items (a live drag); arrows or their sketch follow."""
        companies = self._index.companies
        for cid, pos in positions.items():
            companies[cid].setPos(pos)
        if self._sketch:
            self.draw_sketch(positions)
            return
        self._scene().layout_companies(positions)

    # ------------------------------------------------------------ sketch
    def _begin_sketch(self, company_ids: list[str], flows: list[str], items: list[QGraphicsItem]) -> None:
        """Hide the moving arrows and labels (they wait in the hidden layer) and draw them as
        straight lines, one per pair of companies and look."""
        index = self._index
        moving = set(company_ids)
        looks: dict[tuple, dict[tuple[str, str], tuple]] = {}
        for fid in flows:
            flow = index.flows[fid]
            items.append(flow)
            if (made := flow.made_label) is not None:
                items.append(made)
            pen = flow.line_pen()
            key = (pen.color().rgba(), pen.widthF(), flow.opacity())
            pair = index.pair_of(fid)
            ends = looks.setdefault(key, {})
            if pair in ends:
                continue
            a, b = pair
            ia, ib = index.companies[a], index.companies[b]
            pa, pb = ia.pos(), ib.pos()
            ends[pair] = (a if a in moving else None, pa.x(), pa.y(), ia.radius,
                          b if b in moving else None, pb.x(), pb.y(), ib.radius)
        live, hidden = self._layers.live, self._layers.hidden
        for cid in company_ids:
            index.companies[cid].setParentItem(live)
        for fid in flows:
            flow = index.flows[fid]
            flow.setParentItem(hidden)
            if (made := flow.made_label) is not None:
                made.setParentItem(hidden)
        self._sketch = []
        for (rgba, width, opacity), ends in looks.items():
            item = SketchItem(live)
            item.setZValue(Z_FLOW)
            item.setPen(arrow_pen(QColor.fromRgba(rgba), width))
            item.setOpacity(opacity)
            self._sketch.append((item, list(ends.values())))
        self._items = items
        self._companies = company_ids
        self.moving_flows = set()
        self.draw_sketch({})

    def draw_sketch(self, positions: Mapping[str, QPointF]) -> None:
        """Rebuild the sketch lines, the moving companies at ``positions`` (id -> QPointF)."""
        at = {cid: (p.x(), p.y()) for cid, p in positions.items()}
        sqrt = math.sqrt
        clip, line_range = self.clip, G.line_range
        for item, ends in self._sketch:
            path = QPainterPath()
            move, line = path.moveTo, path.lineTo
            x0 = y0 = math.inf
            x1 = y1 = -math.inf
            for ma, ax, ay, ra, mb, bx, by, rb in ends:
                if ma is not None and ma in at:
                    ax, ay = at[ma]
                if mb is not None and mb in at:
                    bx, by = at[mb]
                dx, dy = bx - ax, by - ay
                d = sqrt(dx * dx + dy * dy)
                if d <= ra + rb:
                    continue
                ux, uy = dx / d, dy / d
                sx, sy, ex, ey = ax + ux * ra, ay + uy * ra, bx - ux * rb, by - uy * rb
                if clip is not None:   # only the part inside the view: long lines cost to stroke
                    span = line_range(sx, sy, ex, ey, clip)
                    if span is None:
                        continue
                    t0, t1 = span
                    lx, ly = ex - sx, ey - sy
                    sx, sy, ex, ey = sx + lx * t0, sy + ly * t0, sx + lx * t1, sy + ly * t1
                move(sx, sy)
                line(ex, ey)
                x0, x1 = min(x0, sx, ex), max(x1, sx, ex)
                y0, y1 = min(y0, sy, ey), max(y1, sy, ey)
            m = item.pen().widthF()
            bounds = QRectF(x0 - m, y0 - m, x1 - x0 + 2 * m, y1 - y0 + 2 * m) if x0 <= x1 else QRectF()
            item.set_lines(path, bounds)
