"""The diagram scene: one item per company and flow, kept in sync with the model.

The scene subscribes to the diagram's change events and updates only what a
change touches (see sync.py): a moved company relays out the flows attached to
it (see index.py and lanes.py), a new flow relays out its pair's lanes. Geometry
is computed by the scene's collaborators, never in ``paint()``. The scene works
from a bare :class:`Diagram` (image export) as well as inside the editor.

The scene owns the items and their looks; it creates and delegates to:
:class:`ItemMaker` (making and styling items), :class:`SceneIndex` (items by id),
:class:`PairLayout` (lanes), :class:`Rescaler` (widths and radii),
:class:`LevelOfDetail` (labels and heads), :class:`LiveMove` (drags),
:class:`LegendKeeper` (the legend), :class:`SceneMarks` (selection looks,
highlight, markers, export mode), :class:`StressMarks` (stress-test marks) and
:class:`ModelSync` (change events).
"""
from __future__ import annotations

import weakref
from collections.abc import Callable, Generator, Iterable, Mapping
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QMetaObject, QObject, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from editor.canvas.bounds import SceneBounds
from editor.canvas.company_item import CompanyItem
from editor.canvas.detail import LevelOfDetail, picture_scale
from editor.canvas.flow_items import FlowItem
from editor.canvas.gcpause import keep_built, let_go, paused_gc
from editor.canvas.index import Pair, SceneIndex
from editor.canvas.item_maker import ItemMaker
from editor.canvas.items import owner_of
from editor.canvas.lanes import PairLayout
from editor.canvas.legend import LegendItem, LegendKeeper
from editor.canvas.live import LiveMove, SceneLayers
from editor.canvas.marks import SceneMarks
from editor.canvas.period import PeriodLook
from editor.canvas.restyle import Rescaler
from editor.canvas.stress_marks import StressMarks
from editor.canvas.style import CanvasStyle
from editor.canvas.sync import ModelSync
from editor.canvas.theme import apply_theme
from editor.canvas.typefilter import TypeFilter
from editor.model import Change, ChangeKind, Diagram, Flow

if TYPE_CHECKING:  # (the stress test's module is imported when a stress test runs)
    from editor.analysis.stress import StressOverlay

T = TypeVar("T")
#: an empty rect: "the whole" target or source of render()
_WHOLE = QRectF()


#: Changes after which any arrow may have been restyled.
_RESTYLE_ALL = frozenset({ChangeKind.TYPES_CHANGED, ChangeKind.METADATA_CHANGED, ChangeKind.COMPANY_CHANGED})


class DiagramScene(QGraphicsScene):
    """Companies as circles, flows as arrows with amount labels, and a legend."""

    #: the user asked to edit a label in place: kind ("company" or "flow"), id
    editRequested = Signal(str, str)
    #: the still part of the scene changed during a live move (a view's picture of it is stale)
    staticChanged = Signal()
    #: the diagram changed and the items follow it (after every model change)
    diagramChanged = Signal()
    #: the arrows shown changed by a view filter (the period, the hidden flow types)
    filtersChanged = Signal()
    #: a flow type's row in the legend was clicked (hide or show that type): its id
    legendTypeClicked = Signal(str)

    #: Item index. NoIndex measured faster than the BSP tree for drags at 2,000 companies /
    #: 10,000 flows (a drag step: about 14 ms less to move items, 320 -> 190 ms to repaint,
    #: since every moved arrow would be re-filed in the tree).
    INDEX_METHOD = QGraphicsScene.ItemIndexMethod.NoIndex

    #: Every kind of change and the method that follows it on the canvas (see sync.py).
    _CHANGE_HANDLERS = ModelSync.HANDLERS

    def __init__(self, diagram: Diagram, parent: QObject | None = None, *,
                 style: CanvasStyle | None = None, build: bool = True) -> None:
        """``build=False``: no items yet; :meth:`build_steps` makes them (a slice at a time)."""
        super().__init__(parent)
        # (shadows QGraphicsScene.style(), the widget style, which a scene of the canvas never uses)
        self.style: CanvasStyle = style or CanvasStyle()   # type: ignore[assignment]
        self.setItemIndexMethod(self.INDEX_METHOD)
        self.setBackgroundBrush(QColor(self.style.background))
        self.diagram: Diagram = diagram
        self._listener: Callable[[Change], None] | None = None
        self._kept = False   # (its objects are in the collector's permanent generation: keep_items)
        self.layers = SceneLayers(self)
        self.index = SceneIndex()
        self.bounds = SceneBounds(self, self.index)
        self.marks = SceneMarks(self, self.index)
        self.stress = StressMarks(self, self.index)
        self.rescaler = Rescaler(self, self.index, self.bounds, self.style)
        self.live_move = LiveMove(self, self.index, self.layers)
        self.lanes = PairLayout(self.index, self.style, self.rescaler, self.live_move)
        self.detail = LevelOfDetail(self, self.index)
        self.legend = LegendKeeper(self, self.bounds, self.style)
        self.sync = ModelSync(self, self.index, self.bounds, self.rescaler, self.legend)
        self.period = PeriodLook(self.index)
        self.types = TypeFilter(self.index)
        self.maker = ItemMaker(self)
        # (a slot of the scene, not of the marks: Qt drops it when the scene goes, while the
        # selection still changes as the items are deleted)
        self.selectionChanged.connect(self._update_selected_looks)
        self.set_diagram(diagram, build=build)

    # ------------------------------------------------------------- binding
    def set_diagram(self, diagram: Diagram, *, build: bool = True) -> None:
        if self._listener is not None:
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
        if build:
            self.rebuild()

    #: Items made, laid out, labelled or placed between two reports of :meth:`build_steps`.
    BUILD_STEP = 400

    def rebuild(self) -> None:
        """Make every item anew from the diagram."""
        for _ in self.build_steps():
            pass

    def build_steps(self, *, labels: bool = False) -> Generator[tuple[int, int], None, None]:
        """Make every item anew from the diagram, yielding (done, total) between slices, so that a
        caller may run it from the event loop (see editor.background.reading). ``labels``: also make
        every head, label and name and place the labels, as showing labels right after a build does
        (a window opening a map zooms to a readable size); else they are made later (see detail.py).
        Closed before its end, it leaves a scene to be dropped."""
        # Tens of thousands of new wrappers would trigger many full cyclic-GC passes
        # (each one walking every live object); one pass at the end is enough.
        with paused_gc():
            self.maker.building = True
            try:
                yield from self._build_items(labels)
            finally:
                self.maker.building = False
        self._polish_now()
        self.detail.start()

    def _polish_now(self) -> None:
        # Qt "polishes" every new item on the next turn of the event loop; until then each item
        # sits in a pending list that removing an item searches, which makes dropping a scene
        # built in one go quadratic (0.6 s for 2,000 companies / 10,000 flows, against 0.13 s).
        # Polishing right away costs ~40 ms there and keeps teardown and big removals linear.
        QMetaObject.invokeMethod(self, "_q_polishItems", Qt.ConnectionType.DirectConnection)

    def _each(self, things: Iterable[T], make: Callable[[T], None], done: int, total: int,
              weight: float = 1.0) -> Generator[tuple[int, int], None, None]:
        for i, thing in enumerate(things, 1):
            make(thing)
            if i % self.BUILD_STEP == 0:
                yield done + int(i * weight), total

    def _build_items(self, labels: bool) -> Generator[tuple[int, int], None, None]:
        user_moved_legend = self.legend.user_place()
        self.lanes.reset()
        self.clear()   # before the layers go: drops the selected looks, the live move, pending labels
        self.layers.make()
        self.index.clear()
        self.legend.reset_counts()
        d = self.diagram
        self.rescaler.reset(d)
        companies, flows = d.companies(), d.flows()
        nc, nf = len(companies), len(flows)
        total = (nc + 2 * nf) * (2 if labels else 1)   # (the pairs count as many as the flows)
        yield from self._each(companies, lambda c: self.add_company_item(c.id), 0, total)
        yield from self._each(flows, lambda f: self.add_flow_item(f.id, f), nc, total)
        pairs = list(self.index.pairs)
        yield from self._each(pairs, self.lanes.layout_pair, nc + nf, total, nf / max(len(pairs), 1))
        self.lanes.place_all_labels(now=False if labels else None)
        if labels:
            # made and placed before the base layer joins the scene, in the order showing them
            # would make and place them (the layer added before them: a build 10-15 % slower)
            detail, placer, step = self.detail, self.lanes.labels, self.BUILD_STEP
            while (left := detail.realize_next(step)) > 0:
                yield total - left - nf, total
            while (left := placer.place_next(step)) > 0:
                yield total - left, total
        # The base layer joins the scene when its items are made and laid out: outside a
        # scene, Qt skips the change notices of each new item, pen and rect (8 % of the
        # build, measured at 2,000 companies / 10,000 flows).
        for _ in self._add_base_layer():
            yield total - 1, total
        self.legend.rebuild(user_moved_legend)
        self.marks.reapply()
        self.stress.reapply()
        # arrows and labels stay near their companies: the margin holds them
        self.bounds.fit(self.bounds.companies_rect(), shrink=True)
        yield total, total

    #: Items under the base layer added to the scene between two reports of :meth:`build_steps`:
    #: adding them all at once is one long step on a big map (0.5-0.75 s for the 450,000 items of
    #: a dense 300/89,700 map), which the event loop would wait for.
    ADD_STEP = 10_000

    def _add_base_layer(self) -> Generator[None, None, None]:
        """Add the base layer and its items to the scene, at most about :data:`ADD_STEP` of its
        children (with what they hold) per step.

        A big layer lets go of the children the build made, in the order made (Qt searches its
        list of children from the front for the one to drop), joins the scene without them, and
        takes them back in the order made: Qt stacks siblings by z value, then in the order they
        joined, so the scene ends as one ``addItem`` of the full layer leaves it. Each slice is
        polished at once (see :meth:`_polish_now`). (``base.childItems()`` is not asked: it sorts
        and wraps every child, 0.3 s at that size.)"""
        base, step = self.layers.base, self.ADD_STEP
        made, self.layers.made = self.layers.made, []
        if len(made) <= step:
            self.addItem(base)
            return
        taken: list[QGraphicsItem] = []
        for start in range(0, len(made), step):
            for child in made[start:start + step]:
                if child.parentItem() is base:   # (not one that has left the layer since)
                    child.setParentItem(None)   # type: ignore[arg-type]  # (None: no parent)
                    taken.append(child)
            yield
        self.addItem(base)
        for start in range(0, len(taken), step):
            for child in taken[start:start + step]:
                child.setParentItem(base)
            self._polish_now()
            yield

    def keep_items(self) -> None:
        """A window shows this scene, just built: its objects are left out of the collector's walks
        while it lasts (see :func:`editor.canvas.gcpause.keep_built`; :meth:`clear` and
        :meth:`dispose` end that)."""
        self._kept = keep_built() or self._kept

    def dispose(self) -> None:
        """The window no longer shows this scene (another document took its place): it stops
        following its diagram, gives its objects back to the collector and is deleted on the next
        turn of the event loop, with its items."""
        self.set_diagram(Diagram(), build=False)
        self.detail.drop_pending()
        self._let_go()
        self.deleteLater()

    def _let_go(self) -> None:
        if self._kept:
            self._kept = False
            let_go()

    def clear(self) -> None:
        """Remove and delete every item (pending label texts and live-move state go too)."""
        self._let_go()
        self.detail.drop_pending()
        self.marks.forget_selection()
        self.stress.forget()
        self.live_move.forget()
        super().clear()

    # -------------------------------------------------------------- layers
    def hide_still_part(self) -> None:
        """Stop drawing the base layer (a view shows a picture of it instead): one opacity change,
        no per-item work."""
        self.layers.hide_still_part()

    def show_still_part(self) -> None:
        self.layers.show_still_part()

    def render_still_part(self, render: Callable[[], None]) -> None:
        """Call ``render()`` (which draws the scene) with only the base layer visible."""
        self.layers.render_still_part(render, self.legend.item)

    # --------------------------------------------------------------- items
    def company_item(self, company_id: str) -> CompanyItem | None:
        return self.index.companies.get(company_id)

    def flow_item(self, flow_id: str) -> FlowItem | None:
        return self.index.flows.get(flow_id)

    def company_items(self) -> Iterable[CompanyItem]:
        return self.index.companies.values()

    def flow_items(self) -> Iterable[FlowItem]:
        return self.index.flows.values()

    def legend_item(self) -> LegendItem | None:
        return self.legend.item

    def attached_flows(self, company_id: str) -> list[str]:
        """Ids of the flows drawn to or from a company (from the scene's index)."""
        return self.index.attached_flows(company_id)

    def owner_at(self, pos: QPointF) -> tuple[str, str] | None:
        """('company', id) or ('flow', id) at ``pos``: a company there wins over the arrows and
        labels that cross it, else the topmost arrow or label."""
        first = None
        for item in self.items(pos):
            found = owner_of(item)
            if found is not None and item.isVisible():
                if found[0] == "company":
                    return found
                first = first or found
        return first

    def company_at(self, pos: QPointF) -> str | None:
        for item in self.items(pos):
            if isinstance(item, CompanyItem):
                return item.id
        return None

    # (the items are made and styled by the ItemMaker; ModelSync, Rescaler and LevelOfDetail call these)
    def add_company_item(self, cid: str) -> None:
        self.maker.add_company_item(cid)

    def style_company(self, cid: str) -> None:
        self.maker.style_company(cid)

    def restyle_company(self, cid: str) -> None:
        """Style a company again (its look, radius or category may have changed)."""
        self.maker.restyle_company(cid)

    def add_flow_item(self, fid: str, f: Flow | None = None) -> None:
        self.maker.add_flow_item(fid, f)

    def realize_flow(self, item: FlowItem | CompanyItem) -> None:
        """Make the head and the label (with its text) of a flow's item if not there yet
        (of a company's item: its name)."""
        self.maker.realize_flow(item)

    def style_flow(self, fid: str, f: Flow | None = None) -> None:
        self.maker.style_flow(fid, f)

    def remove_flow_item(self, fid: str) -> Pair:
        """Take a flow's item out of the scene; the pair of companies it joined."""
        return self.maker.remove_flow_item(fid)

    # -------------------------------------------------------------- layout
    def layout_pair(self, key: Pair) -> None:
        self.lanes.layout_pair(key)

    def layout_companies(self, company_ids: Iterable[str]) -> None:
        """Lay out again the arrows attached to these companies."""
        company_ids = list(company_ids)
        self.lanes.layout_companies(company_ids)
        if self.lanes.labels.pending():
            self.detail.start()   # (many labels are left to the background: a timer places them)
        self.stress.follow_layout(company_ids)

    def preview_move(self, positions: Mapping[str, QPointF]) -> None:
        """Move company items without touching the model (a live drag); arrows follow."""
        self.live_move.preview(positions)

    # -------------------------------------------------------- model events
    def _on_change(self, change: Change) -> None:
        if self.live_move.active():
            self.show_still_part()
        self.sync.follow(change.kind, change.ids)
        # arrows restyled or made anew take the period's look again (faded, or hidden)
        if change.kind in (ChangeKind.FLOW_CHANGED, ChangeKind.FLOW_ADDED):
            self.period.refresh(change.ids)
        elif change.kind in _RESTYLE_ALL:
            self.period.reapply()
        self.stress.reapply()
        self.diagramChanged.emit()

    # -------------------------------------------------------------- legend
    @property
    def legend_visible(self) -> bool:
        return self.legend.visible

    @property
    def theme(self) -> str:
        return self.style.theme

    def set_theme(self, name: str) -> None:
        """The colours of the "light" or "dark" canvas (see theme.py): every item is redrawn."""
        if name == self.style.theme:
            return
        apply_theme(self.style, name)
        self.maker.forget_looks()
        self.setBackgroundBrush(QColor(self.style.background))
        self.rebuild()

    def set_legend_visible(self, visible: bool) -> None:
        self.legend.set_visible(visible)

    # ------------------------------------------------------------- sizing
    @property
    def size_by(self) -> str:
        return self.rescaler.size_by

    def set_size_by(self, mode: str) -> None:
        if self.rescaler.set_size_by(mode, self.diagram):
            self.settle_styles()   # a chosen look shows at once
            self.stress.reapply()  # rings around the new circles

    def width_tolerance(self) -> float:
        return self.rescaler.width_tolerance()

    def set_width_tolerance(self, tolerance: float) -> None:
        """A width change smaller than this is not drawn yet (see restyle.py)."""
        self.rescaler.set_width_tolerance(tolerance)

    def rescale_pending(self) -> bool:
        return self.rescaler.pending()

    def settle_styles(self) -> None:
        """Finish any pending rescaling now."""
        self.rescaler.settle()

    # ---------------------------------------------------- level of detail
    def realize_labels(self) -> None:
        """Make every arrow's head and label now."""
        self.detail.realize_labels()

    def take_updates_now(self) -> None:
        """Have Qt take the updates that items asked for (new items, moved ones) now, not on the next
        turn of the event loop (see DiagramView.paintEvent)."""
        QMetaObject.invokeMethod(self, "_q_processDirtyItems", Qt.ConnectionType.DirectConnection)

    def labels_pending_in_background(self) -> bool:
        """Heads and labels are still being made a few hundred at a time (after a build)."""
        return self.detail.pending_in_background()

    def labels_pending(self) -> bool:
        """Labels or heads are shown but some are not made yet (a view calls realize_labels())."""
        return self.detail.pending()

    def set_labels_shown(self, shown: bool) -> None:
        """Show or hide all amount labels and company names at once (a view zoomed far out
        hides them, so thousands of labels too small to read cost nothing to paint)."""
        self.detail.set_labels_shown(shown)
        self.period.reapply()
        self.types.reapply()

    def set_heads_shown(self, shown: bool) -> None:
        """Show or hide all arrowheads (hidden when zoomed very far out)."""
        self.detail.set_heads_shown(shown)

    def set_level_of_detail(self, lod: float) -> None:
        """What is drawn at ``lod`` screen px per scene px: labels and names from LOD_TEXT,
        arrowheads from LOD_HEAD. Called once per zoom change, never per paint."""
        self.detail.set_level(lod)
        self.period.reapply()
        self.types.reapply()

    @property
    def level_of_detail_state(self) -> tuple[bool, bool]:
        """(labels and names shown, arrowheads shown)."""
        return self.detail.labels_shown, self.detail.heads_shown

    def render(self, painter: QPainter, target: QRectF | QRect = _WHOLE, source: QRectF | QRect = _WHOLE,
               mode: Qt.AspectRatioMode = Qt.AspectRatioMode.KeepAspectRatio) -> None:
        """Render like QGraphicsScene.render, with labels and heads shown or hidden for the
        scale of the picture (as a view at that zoom would)."""
        src = QRectF(source) if not source.isNull() else self.sceneRect()
        sx, sy = picture_scale(painter, QRectF(target), src, mode)
        self.settle_styles()
        with self.detail.shown_for(painter, sx, sy):
            self.types.reapply()       # (shown_for shows labels; those of hidden types stay hidden)
            super().render(painter, target, source, mode)
        self.types.reapply()

    # ---------------------------------------------------------- live moves
    def begin_live_move(self, company_ids: Iterable[str], visible: QRectF | None = None) -> None:
        """Put these companies, their arrows and labels in the live layer (a drag starts);
        see LiveMove.begin."""
        self.live_move.begin(company_ids, visible)

    def set_live_clip(self, visible: QRectF | None) -> None:
        """Where moving arrows are kept during a live move (None: whole arrows)."""
        self.live_move.set_clip(visible)

    def end_live_move(self) -> None:
        """Everything back in the base layer with its full geometry, the still part shown again."""
        self.live_move.end()

    def sketching(self) -> bool:
        """A heavy drag shows a sketch of its arrows (see live.py)."""
        return self.live_move.sketching()

    def live_move_active(self) -> bool:
        return self.live_move.active()

    # ------------------------------------------------ selection and marks
    def selected_ids(self) -> tuple[list[str], list[str]]:
        return self.marks.selected_ids()

    def _update_selected_looks(self) -> None:
        self.marks.update_selected_looks()

    def select_ids(self, company_ids: Iterable[str] = (), flow_ids: Iterable[str] = ()) -> None:
        self.marks.select_ids(company_ids, flow_ids)

    def set_highlight(self, company_ids: Iterable[str], flow_ids: Iterable[str]) -> None:
        """Dim everything but these companies and flows; highlighted arrows get thicker, on top."""
        self.marks.set_highlight(company_ids, flow_ids)
        self.period.reapply()

    def clear_highlight(self) -> None:
        self.marks.clear_highlight()
        self.period.reapply()

    def set_period_filter(self, visible_flow_ids: Iterable[str] | None, mode: str = "hide") -> None:
        """Show only these flows ("hide" the others, or "fade" them); None shows every flow."""
        self.period.set(visible_flow_ids, mode)
        self.types.reapply()
        self.filtersChanged.emit()

    def set_hidden_types(self, type_ids: Iterable[str]) -> None:
        """Hide the arrows, heads and labels of flows of these types (a view setting; empty: show all)."""
        self.types.set(type_ids, self.period.out, self.period.mode == "hide", self.detail.labels_shown)
        if (legend := self.legend.item) is not None:
            legend.update()
        self.filtersChanged.emit()

    @property
    def hidden_types(self) -> frozenset[str]:
        return self.types.hidden

    @property
    def highlighted(self) -> tuple[set[str], set[str]] | None:
        return self.marks.highlighted

    def set_flow_markers(self, markers: Mapping[str, str]) -> None:
        """Small footnote numbers next to amount labels ({flow id: "1"}); {} removes them."""
        self.marks.set_flow_markers(markers)

    def set_export_mode(self, on: bool) -> None:
        """Hide selection marks (for image export)."""
        self.marks.set_export_mode(on)

    @property
    def export_mode(self) -> bool:
        return self.marks.export_mode

    def show_stress(self, overlay: StressOverlay | None) -> None:
        """Mark defaults and unpaid parts of arrows of a stress test (None: no marks; see stress_marks.py)."""
        self.stress.show(overlay)

    @property
    def stress_overlay(self) -> StressOverlay | None:
        return self.stress.overlay

    # ------------------------------------------------------------- extent
    def item_count(self) -> int:
        """Companies and arrows shown (what a repaint of the whole view has to draw)."""
        return len(self.index.companies) + len(self.index.flows)

    def diagram_rect(self) -> QRectF:
        """Bounding rectangle of companies, arrows and labels (legend excluded)."""
        self.settle_styles()
        rect = self.bounds.companies_rect()
        for item in self.index.flows.values():
            rect = rect.united(item.sceneBoundingRect()).united(item.label_scene_rect())
        return rect.united(self.marks.markers_rect()).united(self.stress.marks_rect())

    def flow_label_anchor(self, flow_id: str) -> QPointF:
        return QPointF(*self.index.flows[flow_id].label_pos)
