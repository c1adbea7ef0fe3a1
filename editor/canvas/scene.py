"""The diagram scene: one item per company and flow, kept in sync with the model.

The scene subscribes to the diagram's change events and updates only what a
change touches: a moved company relays out the flows attached to it (an index
company id → pairs of companies → flow ids), a new flow relays out its pair's
lanes. Geometry is computed here, never in ``paint()``. The scene works from a
bare :class:`Diagram` (image export) as well as inside the editor.
"""
from __future__ import annotations

import gc
import weakref
from collections import Counter
from typing import Callable, Iterable, Mapping

from PySide6.QtCore import QMetaObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene

from editor.model import Change, ChangeKind, Diagram
from editor.canvas import geometry as G
from editor.canvas.detail import DetailMixin
from editor.canvas.items import CompanyItem, FlowItem, FlowLabelItem, owner_of, solid_brush, text_width
from editor.canvas.legend import LegendItem
from editor.canvas.live import LiveMoveMixin
from editor.canvas.restyle import RestyleMixin
from editor.canvas.style import (
    SIZE_MODES, CanvasStyle, company_value, format_amount, node_radius, soft_fill,
)

DIM_OPACITY = 0.15


def _layer(z: float) -> QGraphicsPathItem:
    """An item that paints nothing and holds other items (a layer of the scene)."""
    layer = QGraphicsPathItem()
    layer.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
    layer.setZValue(z)
    return layer


class DiagramScene(LiveMoveMixin, DetailMixin, RestyleMixin, QGraphicsScene):
    """Companies as circles, flows as arrows with amount labels, and a legend."""

    #: the user asked to edit a label in place: kind ("company" or "flow"), id
    editRequested = Signal(str, str)
    #: the still part of the scene changed during a live move (a view's picture of it is stale)
    staticChanged = Signal()
    #: the diagram changed and the items follow it (after every model change)
    diagramChanged = Signal()

    #: Item index. NoIndex measured faster than the BSP tree for drags at 2,000 companies /
    #: 10,000 flows (a drag step: about 14 ms less to move items, 320 -> 190 ms to repaint,
    #: since every moved arrow would be re-filed in the tree).
    INDEX_METHOD = QGraphicsScene.ItemIndexMethod.NoIndex

    #: The scene rect is set explicitly (the diagram plus this margin, growing as companies
    #: move out). Left to Qt, every geometry change (each arrow of each drag step) makes Qt
    #: recompute the bounding box of all items: about 45 ms per step at 2,000/10,000.
    RECT_MARGIN = 600.0

    def __init__(self, diagram: Diagram, parent=None, *, style: CanvasStyle | None = None) -> None:
        super().__init__(parent)
        self.style = style or CanvasStyle()
        self.setItemIndexMethod(self.INDEX_METHOD)
        self.setBackgroundBrush(QColor(self.style.background))
        self._size_by = "valuation"
        self._export_mode = False
        self._highlight: tuple[set[str], set[str]] | None = None
        self._markers: dict[str, str] = {}
        self._looks: dict[str, tuple] = {}
        self._labels_shown = True
        self._heads_shown = True
        self._marked: set = set()   # items drawn with the selected look
        self._company_font = self.style.company_font()
        self._company_metrics = QFontMetricsF(self._company_font)
        self._amount_font = self.style.amount_font()
        self._amount_metrics = QFontMetricsF(self._amount_font)
        self._amount_height = self._amount_metrics.height()
        self._texts: dict[tuple, str] = {}   # (amount, qualifier, unit) -> label text
        self._marker_font = self.style.font(8.5, bold=True)
        self.diagram: Diagram | None = None
        self._rect: QRectF | None = None
        self._legend: LegendItem | None = None
        self._legend_visible = True
        self._unrealized: list[FlowLabelItem] = []
        self._building = False
        self._realize_timer = QTimer(self)
        self._realize_timer.setInterval(0)
        self._realize_timer.timeout.connect(self._realize_some_labels)
        self._init_rescale()
        self.selectionChanged.connect(self._update_selected_looks)
        self.set_diagram(diagram)

    # ------------------------------------------------------------- binding
    def set_diagram(self, diagram: Diagram) -> None:
        if self.diagram is not None:
            self.diagram.unsubscribe(self._listener)
        self.diagram = diagram
        # The diagram holds only a weak reference: a scene built for an export and
        # dropped goes away instead of following the diagram for ever.
        ref = weakref.WeakMethod(self._on_change)

        def listener(change: Change) -> None:
            method = ref()
            if method is None:
                diagram.unsubscribe(listener)
            else:
                method(change)

        self._listener = listener
        diagram.subscribe(listener)
        self._rebuild()

    def _rebuild(self) -> None:
        # Tens of thousands of new wrappers would trigger many full cyclic-GC passes
        # (each one walking every live object); one pass at the end is enough.
        enabled = gc.isenabled()
        gc.disable()
        self._building = True
        try:
            self._build_items()
        finally:
            self._building = False
            if enabled:
                gc.enable()
        self._polish_now()
        if self._unrealized:
            self._realize_timer.start()

    def _polish_now(self) -> None:
        # Qt "polishes" every new item on the next turn of the event loop; until then each item
        # sits in a pending list that removing an item searches, which makes dropping a scene
        # built in one go quadratic (0.6 s for 2,000 companies / 10,000 flows, against 0.13 s).
        # Polishing right away costs ~40 ms there and keeps teardown and big removals linear.
        QMetaObject.invokeMethod(self, "_q_polishItems", Qt.ConnectionType.DirectConnection)

    def _build_items(self) -> None:
        user_moved_legend = self._legend.pos() if self._legend and self._legend.user_moved else None
        self._marked = set()   # before clear(): its selectionChanged must not touch deleted items
        self._live_items: list[QGraphicsItem] = []
        self._live_companies: list[str] = []
        self._live_flows: set[str] = set()
        self._live_clip: tuple[float, float, float, float] | None = None
        self._sketch: list = []   # (SketchItem, ends) of a heavy drag (see live.py)
        self._lane_sizes: dict[tuple[str, str], tuple[float, float]] = {}
        self._lane_drawn: dict[tuple[str, str], float] = {}   # the lane spacing drawn per pair
        self._unrealized = []
        self._drop_rescale()
        self.clear()
        # Companies, arrows and labels live in the base layer; during a live move the moving
        # ones go to the live layer, so a view can show the still rest as one picture.
        self._base = _layer(0.0)
        self._live = _layer(1.0)
        # the arrows a drag sketches wait here, not drawn (transparent, not hidden: hiding
        # would deselect them)
        self._hidden = _layer(0.0)
        self._hidden.setOpacity(0.0)
        self.addItem(self._live)
        self.addItem(self._hidden)
        self._companies: dict[str, CompanyItem] = {}
        self._flows: dict[str, FlowItem] = {}
        self._ends: dict[str, tuple[str, str]] = {}
        self._pairs: dict[tuple[str, str], list[str]] = {}
        self._company_pairs: dict[str, set[tuple[str, str]]] = {}
        self._values: dict[str, float] = {}
        self._amounts: dict[str, float] = {}
        self._type_use: Counter = Counter()
        self._cat_use: Counter = Counter()
        d = self.diagram
        self._values = {c.id: v for c in d.companies() if (v := company_value(c, self._size_by)) is not None}
        self._amounts = {f.id: f.amount for f in d.flows() if f.amount is not None}
        self._max_value = max(self._values.values(), default=None)
        self._max_amount = max(self._amounts.values(), default=None)
        for c in d.companies():
            self._add_company_item(c.id)
        for f in d.flows():
            self._add_flow_item(f.id, f)
        for key in self._pairs:
            self._layout_pair(key)
        # The base layer joins the scene when its items are made and laid out: outside a
        # scene, Qt skips the change notices of each new item, pen and rect (8 % of the
        # build, measured at 2,000 companies / 10,000 flows).
        self.addItem(self._base)
        self._legend = LegendItem(self.style)
        self.addItem(self._legend)
        self._legend.setVisible(self._legend_visible)
        self._refresh_legend(force=True)
        if user_moved_legend is not None:
            self._legend.setPos(user_moved_legend)
            self._legend.user_moved = True
        if self._highlight:
            self.set_highlight(*self._highlight)
        # arrows and labels stay near their companies: the margin holds them
        self._fit_scene_rect(self._companies_rect(), shrink=True)

    def _fit_scene_rect(self, rect: QRectF, shrink: bool = False) -> None:
        """Make the scene rect hold ``rect`` plus a margin (it only grows, unless ``shrink``)."""
        if rect.isNull():
            rect = QRectF(0, 0, 1, 1)
        current = self._rect   # not sceneRect(): unset, Qt would walk every item for it
        if not shrink and current is not None and current.contains(rect):
            return
        m = self.RECT_MARGIN
        wanted = rect.adjusted(-m, -m, m, m)
        self._rect = wanted if shrink or current is None else wanted.united(current)
        self.setSceneRect(self._rect)

    def _fit_companies(self, company_ids: Iterable[str]) -> None:
        rect = QRectF()
        for cid in company_ids:
            item = self._companies.get(cid)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        if not rect.isNull():
            self._fit_scene_rect(rect)

    # --------------------------------------------------------------- items
    def company_item(self, company_id: str) -> CompanyItem | None:
        return self._companies.get(company_id)

    def flow_item(self, flow_id: str) -> FlowItem | None:
        return self._flows.get(flow_id)

    def company_items(self) -> Iterable[CompanyItem]:
        return self._companies.values()

    def flow_items(self) -> Iterable[FlowItem]:
        return self._flows.values()

    def legend_item(self) -> LegendItem:
        return self._legend

    def attached_flows(self, company_id: str) -> list[str]:
        """Ids of the flows drawn to or from a company (from the scene's index)."""
        return [fid for key in self._company_pairs.get(company_id, ()) for fid in self._pairs[key]]

    def owner_at(self, pos: QPointF) -> tuple[str, str] | None:
        """('company', id) or ('flow', id) of the topmost company, arrow or label at ``pos``."""
        for item in self.items(pos):
            found = owner_of(item)
            if found is not None and item.isVisible():
                return found
        return None

    def company_at(self, pos: QPointF) -> str | None:
        for item in self.items(pos):
            if getattr(item, "kind", None) == "company":
                return item.id
        return None

    def _add_company_item(self, cid: str) -> None:
        item = CompanyItem(cid, self.style, self._base)
        item.export_mode = self._export_mode
        self._companies[cid] = item
        self._company_pairs.setdefault(cid, set())
        if not self._labels_shown:
            item.set_name_shown(False)
        self._style_company(cid)
        if self._building:
            self._unrealized.append(item)   # the name's box and text: made after the build
        else:
            item.make_name()

    def _style_company(self, cid: str) -> None:
        c = self.diagram.company(cid)
        item = self._companies[cid]
        color = self.diagram.category(c.category).color
        item.set_look(c.name, node_radius(c, self._size_by, self._max_value, self.style), color,
                      self._company_font, self._company_metrics)
        item.setPos(c.x, c.y)
        self._cat_use[c.category] += 1
        item._category = c.category

    def _add_flow_item(self, fid: str, f=None) -> None:
        if f is None:
            f = self.diagram.flow(fid)
        # (attributes of the scene, a QObject, cost PySide several times a plain lookup: the
        # per-flow paths read each one once)
        item = FlowItem(fid, self.style, self._base)
        if self._export_mode:
            item.export_mode = True
        self._flows[fid] = item
        src, tgt = f.source, f.target
        self._ends[fid] = (src, tgt)
        key = G.pair_key(src, tgt)
        self._pairs.setdefault(key, []).append(fid)
        company_pairs = self._company_pairs
        company_pairs.setdefault(src, set()).add(key)
        company_pairs.setdefault(tgt, set()).add(key)
        if not self._heads_shown:
            item.set_head_shown(False)
        self._style_flow(fid, f)
        if self._building:
            self._unrealized.append(item)   # head and label: made after the build (DetailMixin)
        else:
            self.realize_flow(item)

    def realize_flow(self, item: FlowItem | CompanyItem) -> None:
        """Make the head and the label (with its text) of a flow's item if not there yet
        (of a company's item: its name)."""
        if item.kind == "company":
            item.make_name()
            return
        item.make_head()
        if item.label_made():
            item._label.realize()
            return
        label = FlowLabelItem(item, self.style, item.parentItem())
        label.export_mode = self._export_mode
        label.set_text(item.label_text, item.label_look, self._amount_metrics, self._amount_font)
        label.setPos(*item.label_pos)
        if item.opacity() != 1.0:
            label.setOpacity(item.opacity())
        if item.selected_look:
            label.set_selected_look(True)
        if item.id in self._markers:
            label.set_marker(self._markers[item.id], self._marker_font)
        if not self._labels_shown:
            label.setVisible(False)

    def _style_flow(self, fid: str, f=None) -> None:
        if f is None:
            f = self.diagram.flow(fid)
        item = self._flows[fid]
        lane_sizes = self._lane_sizes
        if lane_sizes:
            lane_sizes.pop(G.pair_key(*self._ends[fid]), None)
        old_type = item._type
        type_use = self._type_use
        if old_type is not None:
            type_use[old_type] -= 1
        type_use[f.type] += 1
        item._type = f.type
        color, pens = self._type_look(f.type)
        item.set_look(color, self.drawn_width(item, self.flow_width(f.amount)))
        key = (f.amount, f.qualifier, f.unit or self.diagram.metadata.unit)
        texts = self._texts
        text = texts.get(key)
        if text is None:
            if len(texts) > 50000:
                texts.clear()
            text = texts[key] = format_amount(*key)
        if text != item.label_text or item.label_look is None:
            item.label_size = (text_width(self._amount_metrics, text) + 10, self._amount_height + 4)
        item.label_text, item.label_look = text, pens
        if item.label_made():
            item._label.set_text(text, pens, self._amount_metrics, self._amount_font)

    def _type_look(self, type_id: str) -> tuple[QColor, tuple[QPen, QBrush]]:
        """The shared colour, label border pen and text brush of a flow type (built once per colour)."""
        hex_color = self.diagram.flow_type(type_id).color
        look = self._looks.get(hex_color)
        if look is None:
            color = QColor(hex_color)
            look = (color, (QPen(soft_fill(color, 0.45), 1.0), solid_brush(color.darker(135))))
            self._looks[hex_color] = look
        return look

    def _remove_flow_item(self, fid: str) -> tuple[str, str]:
        item = self._flows.pop(fid)
        src, tgt = self._ends.pop(fid)
        self._type_use[item._type] -= 1
        key = G.pair_key(src, tgt)
        self._lane_sizes.pop(key, None)
        lanes = self._pairs[key]
        lanes.remove(fid)
        if not lanes:
            del self._pairs[key]
            for cid in (src, tgt):
                if cid in self._company_pairs:
                    self._company_pairs[cid].discard(key)
        if item.label_made():
            self.removeItem(item._label)
        self.removeItem(item)
        self._amounts.pop(fid, None)
        return key

    # -------------------------------------------------------------- layout
    def _layout_pair(self, key: tuple[str, str]) -> None:
        fids = self._pairs.get(key)
        if not fids:
            return
        s = self.style
        a, b = key
        ia, ib = self._companies[a], self._companies[b]
        if a == b:
            for i, fid in enumerate(fids):
                item = self._flows[fid]
                hl, hw = self._head_size(item.width)
                geo = G.self_loop(ia.pos(), ia.radius, i, hl, hw)
                item.set_geometry(geo)
                item.place_label(geo.middle.x(), geo.middle.y())
            return
        pa, pb = ia.pos(), ib.pos()
        normal = G.pair_normal(pa, pb)
        if len(fids) > 1:
            size = self._lane_sizes.get(key)
            if size is None:
                size = self._lane_sizes[key] = (max(self._flows[f].label_size[0] for f in fids),
                                                max(self._flows[f].label_size[1] for f in fids))
            spacing = self._drawn_spacing(key, G.lane_spacing(normal, size, s.lane_spacing))
        else:
            spacing = 0.0
        clip = self._live_clip
        if clip is not None and fids[0] in self._live_flows:
            self._layout_live_pair(fids, a, ia, ib, pa, pb, normal, spacing, clip)
            return
        ax, ay, bx, by = pa.x(), pa.y(), pb.x(), pb.y()
        ra, rb = ia.radius, ib.radius
        nx, ny = normal
        flows, ends, head_size = self._flows, self._ends, self._head_size
        for lane, fid in zip(G.lane_offsets(len(fids)), fids):
            item = flows[fid]
            hl, hw = head_size(item.width)
            if ends[fid][0] == a:
                points, head, mx, my = G.arrow_parts(ax, ay, ra, bx, by, rb, lane * spacing, nx, ny, hl, hw)
            else:
                points, head, mx, my = G.arrow_parts(bx, by, rb, ax, ay, ra, lane * spacing, nx, ny, hl, hw)
            item.set_arrow(points, head)
            item.place_label(mx, my)

    def _head_size(self, width: float) -> tuple[float, float]:
        return self.style.arrow_head_length + width * 1.3, self.style.arrow_head_width + width * 1.3

    def _layout_companies(self, company_ids: Iterable[str]) -> None:
        keys: set[tuple[str, str]] = set()
        for cid in company_ids:
            keys |= self._company_pairs.get(cid, set())
        for key in keys:
            self._layout_pair(key)

    def preview_move(self, positions: Mapping[str, QPointF]) -> None:
        """Move company items without touching the model (a live drag); arrows follow."""
        for cid, pos in positions.items():
            self._companies[cid].setPos(pos)
        if self._sketch:
            self._draw_sketch(positions)
            return
        self._layout_companies(positions)

    def _pair_of(self, flow_id: str) -> tuple[str, str]:
        return G.pair_key(*self._ends[flow_id])

    # -------------------------------------------------------- model events
    def _on_change(self, change: Change) -> None:
        if self._live_items:
            self.show_still_part()
        self._CHANGE_HANDLERS[change.kind](self, change.ids)
        self.diagramChanged.emit()

    def _on_reset(self, ids) -> None:
        self._rebuild()

    def _on_company_added(self, ids) -> None:
        for cid in ids:
            c = self.diagram.company(cid)
            v = company_value(c, self._size_by)
            if v is not None:
                self._values[cid] = v
                if self._max_value is None or v > self._max_value:
                    self._max_value = v
                    self._rescale_companies()
            self._add_company_item(cid)
        self._fit_companies(ids)
        self._refresh_legend()

    def _on_company_removed(self, ids) -> None:
        for cid in ids:
            item = self._companies.pop(cid, None)
            if item is None:
                continue
            self._cat_use[item._category] -= 1
            self._company_pairs.pop(cid, None)
            self.removeItem(item)
            v = self._values.pop(cid, None)
            if v is not None and v == self._max_value:
                self._recompute_max_value()
        self._refresh_legend()

    def _on_company_changed(self, ids) -> None:
        for cid in ids:
            c = self.diagram.company(cid)
            self._cat_use[self._companies[cid]._category] -= 1
            old = self._values.pop(cid, None)
            v = company_value(c, self._size_by)
            if v is not None:
                self._values[cid] = v
            if old != v and (old == self._max_value or (v is not None and (self._max_value is None or v > self._max_value))):
                self._recompute_max_value()
            self._style_company(cid)
            self._layout_companies([cid])
        self._fit_companies(ids)
        self._refresh_legend()

    def _recompute_max_value(self) -> bool:
        new = max(self._values.values(), default=None)
        if new == self._max_value:
            return False
        self._max_value = new
        self._rescale_companies()
        return True

    def _on_companies_moved(self, ids) -> None:
        for cid in ids:
            c = self.diagram.company(cid)
            self._companies[cid].setPos(c.x, c.y)
        self._layout_companies(ids)
        self._fit_companies(ids)

    def _on_flow_added(self, ids) -> None:
        for fid in ids:
            f = self.diagram.flow(fid)
            if f.amount is not None:
                self._amounts[fid] = f.amount
                if self._max_amount is None or f.amount > self._max_amount:
                    self._max_amount = f.amount
                    self._rescale_flows()
            self._add_flow_item(fid)
            self._layout_pair(G.pair_key(f.source, f.target))
        self._refresh_legend()

    def _on_flow_removed(self, ids) -> None:
        for fid in ids:
            if fid not in self._flows:
                continue
            was_max = self._amounts.get(fid) == self._max_amount
            key = self._remove_flow_item(fid)
            if was_max:
                self._recompute_max_amount()
            self._layout_pair(key)
        self._refresh_legend()

    def _on_flow_changed(self, ids) -> None:
        for fid in ids:
            f = self.diagram.flow(fid)
            old_amount = self._amounts.pop(fid, None)
            if f.amount is not None:
                self._amounts[fid] = f.amount
            old_key = G.pair_key(*self._ends[fid])
            new_key = G.pair_key(f.source, f.target)
            if old_key != new_key:
                self._remove_flow_item(fid)
                self._add_flow_item(fid)
            else:
                self._style_flow(fid)
            if old_amount != f.amount:
                self._recompute_max_amount()
            self._layout_pair(old_key)
            self._layout_pair(new_key)
        self._refresh_legend()

    def _recompute_max_amount(self) -> bool:
        new = max(self._amounts.values(), default=None)
        if new == self._max_amount:
            return False
        self._max_amount = new
        self._rescale_flows()
        return True

    def _on_types_changed(self, ids) -> None:
        for fid, item in self._flows.items():
            if item._type in ids:
                self._style_flow(fid)
        self._refresh_legend(force=True)

    def _on_categories_changed(self, ids) -> None:
        for cid, item in self._companies.items():
            if item._category in ids:
                self._cat_use[item._category] -= 1
                self._style_company(cid)
        self._refresh_legend(force=True)

    def _on_metadata_changed(self, ids) -> None:
        for fid in self._flows:
            self._style_flow(fid)
        for key in self._pairs:
            self._layout_pair(key)

    #: Every kind of change and the method that follows it on the canvas.
    _CHANGE_HANDLERS: dict[ChangeKind, Callable[[DiagramScene, tuple[str, ...]], None]] = {
        ChangeKind.RESET: _on_reset,
        ChangeKind.COMPANY_ADDED: _on_company_added,
        ChangeKind.COMPANY_REMOVED: _on_company_removed,
        ChangeKind.COMPANY_CHANGED: _on_company_changed,
        ChangeKind.COMPANIES_MOVED: _on_companies_moved,
        ChangeKind.FLOW_ADDED: _on_flow_added,
        ChangeKind.FLOW_REMOVED: _on_flow_removed,
        ChangeKind.FLOW_CHANGED: _on_flow_changed,
        ChangeKind.TYPES_CHANGED: _on_types_changed,
        ChangeKind.CATEGORIES_CHANGED: _on_categories_changed,
        ChangeKind.METADATA_CHANGED: _on_metadata_changed,
    }

    # -------------------------------------------------------------- legend
    def _refresh_legend(self, force: bool = False) -> None:
        if self._legend is None:
            return
        used_types = {t for t, n in self._type_use.items() if n > 0}
        used_cats = {c for c, n in self._cat_use.items() if n > 0}
        if not force and (used_types, used_cats) == getattr(self, "_legend_used", None):
            return
        self._legend_used = (used_types, used_cats)
        d = self.diagram
        self._legend.set_rows([(t.name, t.color) for t in d.flow_types() if t.id in used_types],
                              [(c.name, c.color) for c in d.categories() if c.id in used_cats])
        self.place_legend()

    def place_legend(self) -> None:
        """Put the legend at the top right of the diagram (unless the user moved it)."""
        if self._legend is None or self._legend.user_moved:
            return
        r = self._companies_rect()
        if r.isNull():
            self._legend.setPos(0, 0)
        else:
            self._legend.setPos(r.right() + 40, r.top())

    @property
    def legend_visible(self) -> bool:
        return self._legend_visible

    def set_legend_visible(self, visible: bool) -> None:
        self._legend_visible = bool(visible)
        self._legend.setVisible(self._legend_visible)

    # ------------------------------------------------------------- sizing
    @property
    def size_by(self) -> str:
        return self._size_by

    def set_size_by(self, mode: str) -> None:
        if mode not in SIZE_MODES:
            raise ValueError(f"size_by: expected one of {', '.join(SIZE_MODES)}, got {mode!r}")
        if mode == self._size_by:
            return
        self._size_by = mode
        self._values = {c.id: v for c in self.diagram.companies()
                        if (v := company_value(c, mode)) is not None}
        self._max_value = max(self._values.values(), default=None)
        self._rescale_companies()
        self.settle_styles()   # a chosen look shows at once

    # ---------------------------------------------------------- selection
    def selected_ids(self) -> tuple[list[str], list[str]]:
        companies, flows = [], []
        for item in self.selectedItems():
            kind = getattr(item, "kind", None)
            if kind == "company":
                companies.append(item.id)
            elif kind == "flow":
                flows.append(item.id)
        return companies, flows

    def _update_selected_looks(self) -> None:
        selected = {item for item in self.selectedItems() if getattr(item, "kind", None) in ("company", "flow")}
        for item in self._marked - selected:
            item.set_selected_look(False)
        for item in selected - self._marked:
            item.set_selected_look(True)
        self._marked = selected

    def select_ids(self, company_ids: Iterable[str] = (), flow_ids: Iterable[str] = ()) -> None:
        self.clearSelection()
        for cid in company_ids:
            if cid in self._companies:
                self._companies[cid].setSelected(True)
        for fid in flow_ids:
            if fid in self._flows:
                self._flows[fid].setSelected(True)

    # ---------------------------------------------------------- highlight
    def set_highlight(self, company_ids: Iterable[str], flow_ids: Iterable[str]) -> None:
        """Dim everything but these companies and flows; highlighted arrows get thicker, on top."""
        cids, fids = set(company_ids), set(flow_ids)
        self._highlight = (cids, fids)
        for cid, item in self._companies.items():
            item.setOpacity(1.0 if cid in cids else DIM_OPACITY)
        for fid, item in self._flows.items():
            on = fid in fids
            item.setOpacity(1.0 if on else DIM_OPACITY)
            if item.label_made():
                item._label.setOpacity(1.0 if on else DIM_OPACITY)
            if item.emphasis != on:
                item.set_emphasis(on)

    def clear_highlight(self) -> None:
        self._highlight = None
        for item in self._companies.values():
            item.setOpacity(1.0)
        for item in self._flows.values():
            item.setOpacity(1.0)
            if item.label_made():
                item._label.setOpacity(1.0)
            if item.emphasis:
                item.set_emphasis(False)

    @property
    def highlighted(self) -> tuple[set[str], set[str]] | None:
        return self._highlight

    # ------------------------------------------------------------- export
    def set_export_mode(self, on: bool) -> None:
        """Hide selection marks (for image export)."""
        self._export_mode = bool(on)
        for item in list(self._companies.values()) + list(self._flows.values()):
            item.export_mode = self._export_mode
        for item in self._flows.values():
            if item.label_made():
                item._label.export_mode = self._export_mode
        for item in self._marked:
            item.set_selected_look(True)

    @property
    def export_mode(self) -> bool:
        return self._export_mode

    def item_count(self) -> int:
        """Companies and arrows shown (what a repaint of the whole view has to draw)."""
        return len(self._companies) + len(self._flows)

    def diagram_rect(self) -> QRectF:
        """Bounding rectangle of companies, arrows and labels (legend excluded)."""
        self.settle_styles()
        rect = QRectF()
        for item in self._companies.values():
            rect = rect.united(item.sceneBoundingRect())
        for item in self._flows.values():
            rect = rect.united(item.sceneBoundingRect()).united(item.label_scene_rect())
        for fid in self._markers:
            item = self._flows.get(fid)
            if item is not None:
                rect = rect.united(item.label.marker_rect())
        return rect

    def _companies_rect(self) -> QRectF:
        rect = QRectF()
        for item in self._companies.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def flow_label_anchor(self, flow_id: str) -> QPointF:
        return QPointF(*self._flows[flow_id].label_pos)

    def set_flow_markers(self, markers: Mapping[str, str]) -> None:
        """Small footnote numbers next to amount labels ({flow id: "1"}); {} removes them."""
        old = self._markers
        self._markers = dict(markers)
        for fid in set(old) | set(self._markers):
            item = self._flows.get(fid)
            if item is not None:
                item.label.set_marker(self._markers.get(fid, ""), self._marker_font)
