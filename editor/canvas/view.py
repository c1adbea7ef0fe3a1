"""The diagram view: zoom, pan, grid and snapping, and the gesture tools.

Mouse and key events go to the current tool first (select/move, add company,
draw flow); what a tool does not use falls through to QGraphicsView (the
rubber band of the select tool, moving the legend). The wheel zooms at the
mouse (Shift+wheel scrolls sideways, Alt+wheel up and down); the middle
button or Space+drag pans; Ctrl +/-/0 zoom in, out and to fit.
"""
from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsView, QWidget

from editor.canvas.crowding import arrows_crossing
from editor.canvas.grid import draw_grid, snap_point
from editor.canvas.items import LOD_HEAD
from editor.canvas.label_editing import open_amount_editor, open_name_editor
from editor.canvas.minimap import Minimap
from editor.canvas.restyle import WIDTH_STEP
from editor.canvas.scene import DiagramScene
from editor.canvas.still import StillPicture
from editor.canvas.tools import AddCompanyTool, DrawFlowTool, InPlaceEditor, SelectMoveTool

MIN_ZOOM, MAX_ZOOM = 0.02, 8.0
ZOOM_STEP = 1.25
#: Fitting never goes below this zoom: the smallest text (amounts, 10.5 px) stays 9 px tall.
READABLE_ZOOM = 0.86


class DiagramView(QGraphicsView):
    statusMessage = Signal(str)
    tool_changed = Signal(str)
    #: the zoom factor changed (1.0 = 100 %)
    zoomChanged = Signal(float)

    def __init__(self, scene: DiagramScene, document, parent=None) -> None:
        super().__init__(scene, parent)
        # A viewport made here, whose Python wrapper PySide6 already has: asked for the one Qt
        # made, it would first look through every widget class for its type (10-30 ms at start).
        self.setViewport(QWidget())
        self.document = document
        # Not QGraphicsScene.changed: while anything listens to it, Qt sends every item update
        # through the scene as a list of rects, and some as the whole scene rect (a repaint of
        # the whole diagram, 40-100 ms at 1,000 / 5,000, for an edit of one amount).
        scene.diagramChanged.connect(self._check_empty_hint)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # every item sets the pen, brush and font it paints with: no save/restore per item
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._snap = False
        self._grid_visible = False
        self._flow_type: str | None = None
        self._space = False
        self._pan_from: QPointF | None = None
        self.editor: InPlaceEditor | None = None
        self._tools = {t.name: t for t in (SelectMoveTool(self), AddCompanyTool(self), DrawFlowTool(self))}
        self._tool = self._tools["select"]
        self._tool.activate()
        self._view_rect: QRectF | None = None
        self._still = StillPicture(self)
        self._aa_before_sketch: QPainter.RenderHint | None = None
        self._crowded = False   # many shown arrows cross the view (see crowding.py)
        self._crowding_timer = QTimer(self)
        self._crowding_timer.setSingleShot(True)
        self._crowding_timer.setInterval(self.CROWDING_DELAY_MS)
        self._crowding_timer.timeout.connect(self._check_crowding)
        self._hint_shown: bool | None = None
        self._theme = scene.theme
        self.minimap = Minimap(self)
        self.minimap.watch(scene)
        scene.sceneRectChanged.connect(self._grow_scene_rect)
        scene.staticChanged.connect(self._drop_still_picture)
        scene.filtersChanged.connect(self._crowding_timer.start)
        self._grow_scene_rect(scene.sceneRect())
        self._check_empty_hint()
        self._crowding_timer.start()

    def scene(self) -> DiagramScene:
        """The diagram scene shown (a view of the canvas is made with one)."""
        return cast(DiagramScene, super().scene())

    #: free room around the diagram, so adding or dragging at the edge never makes the view jump
    MARGIN = 2000.0

    def _grow_scene_rect(self, rect: QRectF) -> None:
        m = self.MARGIN
        wanted = rect.adjusted(-m, -m, m, m)
        current = self._view_rect
        if current is None or not current.contains(wanted):
            self._view_rect = wanted if current is None else wanted.united(current)
            self.setSceneRect(self._view_rect)

    # ---------------------------------------------------------------- tools
    @property
    def tool(self) -> str:
        return self._tool.name

    def tool_object(self, name: str | None = None):
        return self._tools[name or self._tool.name]

    def set_tool(self, name: str) -> None:
        if name not in self._tools:
            raise ValueError(f"unknown tool {name!r}; expected one of {', '.join(self._tools)}")
        if name == self._tool.name:
            return
        self._tool.deactivate()
        self._tool = self._tools[name]
        self._tool.activate()
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag if name == "select"
                         else QGraphicsView.DragMode.NoDrag)
        self.tool_changed.emit(name)

    def set_flow_type(self, type_id: str) -> None:
        """The flow type the draw tool uses."""
        self.document.diagram.flow_type(type_id)  # raises ModelError for an unknown type
        self._flow_type = type_id

    def current_flow_type(self) -> str:
        d = self.document.diagram
        if self._flow_type is None or not d.has_flow_type(self._flow_type):
            self._flow_type = d.flow_types()[0].id
        return self._flow_type

    # ------------------------------------------------------------ grid/snap
    @property
    def snap_to_grid(self) -> bool:
        return self._snap

    def set_snap_to_grid(self, on: bool) -> None:
        self._snap = bool(on)

    @property
    def grid_visible(self) -> bool:
        return self._grid_visible

    def set_grid_visible(self, on: bool) -> None:
        self._grid_visible = bool(on)
        self.resetCachedContent()
        self.viewport().update()

    @property
    def grid_size(self) -> float:
        return self.scene().style.grid_size

    def snap(self, pos: QPointF) -> QPointF:
        return snap_point(pos, self.grid_size)

    # ------------------------------------------------------------ live drag
    # During a drag the still part of the diagram (all but the moving companies, their arrows
    # and labels) is shown as one picture of the viewport, drawn as the background: a drag step
    # repaints the moving items only, instead of every arrow crossing the dirty area (at 2,000 /
    # 10,000 and zoom to fit, that is thousands of arrows per step).

    #: moving arrows are cut this far (view pixels) outside the viewport
    CLIP_MARGIN = 40

    def begin_live_drag(self, company_ids) -> None:
        self.scene().begin_live_move(company_ids, self._visible_scene_rect())
        self._still.take()
        if self.scene().sketching():
            # level of detail of a heavy drag (see live.py): the sketch lines and the moving
            # circles are drawn without antialiasing until the drop (10 instead of 28 ms per
            # move for a hub with 600 arrows at 100 %); the still picture keeps it.
            self._aa_before_sketch = self.renderHints() & QPainter.RenderHint.Antialiasing
            self.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _visible_scene_rect(self) -> QRectF:
        m = self.CLIP_MARGIN
        return self.mapToScene(self.viewport().rect().adjusted(-m, -m, m, m)).boundingRect()

    def end_live_drag(self) -> None:
        self._still.forget()
        self.scene().end_live_move()
        if self._aa_before_sketch is not None:
            self._aa_before_sketch = None
            self._update_smoothing()
        self.viewport().update()

    # ------------------------------------------------------------ smoothing
    # Zoomed out so far that arrowheads are hidden, a big diagram is drawn without
    # antialiasing: arrows are then a fraction of a pixel wide and the picture looks the same,
    # but a repaint of the view at 1,000 companies / 5,000 arrows takes ~30 % less (e.g. 41
    # instead of 58 ms for the whole view). A width change under a screen pixel is then not
    # drawn until zooming in (restyle.py): an amount edit repaints nothing it cannot show.
    # The same holds at any zoom when so many arrows cross the view that they make one tangle
    # (crowding.py): at 2,000 / 10,000 and the readable zoom a big map opens at, a repaint takes
    # about 100 instead of 410 ms. Texts stay smoothed either way.

    #: below this zoom (the arrowheads' level of detail) big diagrams are drawn unsmoothed
    SMOOTH_MIN_ZOOM = LOD_HEAD
    #: diagrams with fewer companies and arrows than this are always smoothed
    SMOOTH_ALWAYS_BELOW = 2000
    #: from this many shown arrows crossing the view, a big diagram is drawn unsmoothed
    CROWDED_ARROWS = 1000
    #: the arrows crossing the view are counted this long after a scroll, resize or filter change
    CROWDING_DELAY_MS = 150

    def smoothing_wanted(self) -> bool:
        scene = self.scene()
        return (scene is None or scene.item_count() < self.SMOOTH_ALWAYS_BELOW
                or (self.zoom() >= self.SMOOTH_MIN_ZOOM and not self._crowded))

    def crowded(self) -> bool:
        """Whether so many shown arrows cross the view that it is drawn unsmoothed."""
        return self._crowded

    def _check_crowding(self) -> None:
        """Count the shown arrows crossing the view (a big diagram only) and smooth accordingly."""
        self._crowding_timer.stop()
        scene = self.scene()
        crowded = (scene is not None and scene.item_count() >= self.SMOOTH_ALWAYS_BELOW
                   and arrows_crossing(scene.index, self._visible_scene_rect(), self.CROWDED_ARROWS)
                   >= self.CROWDED_ARROWS)
        if crowded != self._crowded:
            self._crowded = crowded
            self._update_smoothing()

    def _update_smoothing(self) -> None:
        if self._aa_before_sketch is not None:
            return   # a drag draws a sketch; the drop sets it again
        wanted = self.smoothing_wanted()
        if bool(self.renderHints() & QPainter.RenderHint.Antialiasing) != wanted:
            self.setRenderHint(QPainter.RenderHint.Antialiasing, wanted)
        # unsmoothed, a width change under a screen pixel does not show (see restyle.py)
        self.scene().set_width_tolerance(WIDTH_STEP if wanted else 1.0 / max(self.zoom(), 1e-6))

    def _drop_still_picture(self) -> None:
        """The still picture no longer matches (zoom, scroll, size or a model change): draw the items."""
        self._still.drop()

    def still_picture_shown(self) -> bool:
        return self._still.shown()

    def paintEvent(self, event) -> None:
        scene = self.scene()
        if scene is not None:
            if scene.labels_pending():   # labels show: their texts are needed now
                scene.realize_labels()
            # Qt keeps the updates asked for by items made while a paint of the whole view is due
            # (before its first paint, after a zoom) or under way, although that paint draws them:
            # the next change anywhere on the canvas repainted every one of them (3,700 rects,
            # 35-110 ms on the first edit after opening 1,000 companies / 5,000 flows). A paint of
            # the whole view takes them first, with no paint of their own. (A smaller paint comes
            # from Qt taking updates: taking them again inside it would paint twice.)
            if event.rect() == self.viewport().rect():
                scene.take_updates_now()
        super().paintEvent(event)

    def resizeEvent(self, event) -> None:
        self._drop_still_picture()
        super().resizeEvent(event)
        self.minimap.follow_view()
        self._crowding_timer.start()

    # ---------------------------------------------------------------- theme
    def set_theme(self, name: str) -> None:
        """Light or dark canvas ("light", "dark"); kept for scenes set on this view later."""
        self._theme = name
        self.scene().set_theme(name)
        self._drop_still_picture()
        self.minimap.refresh_later()
        self.viewport().update()

    def theme(self) -> str:
        return self._theme

    def setScene(self, scene: DiagramScene) -> None:  # type: ignore[override]
        scene.set_theme(self._theme)
        super().setScene(scene)
        self.minimap.watch(scene)
        scene.filtersChanged.connect(self._crowding_timer.start)
        self._check_crowding()

    EMPTY_HINT = QT_TRANSLATE_NOOP("DiagramView",
                                   "This diagram is empty.\n\nPress C and click to add a company,\n"
                                   "F and drag between two companies to draw a money flow,\n"
                                   "or open a bundled example with File → Open Sample.")

    def _is_empty(self) -> bool:
        d = self.scene().diagram if self.scene() is not None else None
        return d is not None and d.is_empty()

    def _check_empty_hint(self, *_args) -> None:
        empty = self._is_empty()
        if empty != self._hint_shown:
            self._hint_shown = empty
            self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if not self._is_empty() or self.scene().export_mode:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(QColor(self.scene().style.muted_text_color))
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        painter.setFont(font)
        painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.tr(str(self.EMPTY_HINT)))
        painter.restore()

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self._still.draw(painter):
            return
        super().drawBackground(painter, rect)
        if self._grid_visible and not self.scene().export_mode:
            draw_grid(painter, rect, self.grid_size, self.zoom(), self.scene().style.grid_color)

    # ----------------------------------------------------------------- zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def _scale_by(self, factor: float) -> None:
        z = self.zoom()
        factor = max(MIN_ZOOM / z, min(MAX_ZOOM / z, factor))
        if abs(factor - 1.0) < 1e-9:
            return
        self.scale(factor, factor)
        self._zoomed()

    def _zoomed(self) -> None:
        self._drop_still_picture()
        self.minimap.follow_view()
        self.scene().set_level_of_detail(self.zoom())
        self._check_crowding()   # (counted at once: the zoom repaints the whole view anyway)
        self._update_smoothing()
        if self.editor is not None:
            self.editor.reposition()
        self.zoomChanged.emit(self.zoom())

    def zoom_in(self) -> None:
        self._scale_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._scale_by(1 / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.resetTransform()
        self._zoomed()

    def zoom_to_fit(self, readable: bool = True) -> None:
        """Show the whole diagram, but not below READABLE_ZOOM (``readable=False``: whole)."""
        scene = self.scene()
        rect = scene.diagram_rect()
        legend = scene.legend_item()
        if legend is not None and legend.isVisible():
            rect = rect.united(legend.sceneBoundingRect())
        if rect.isNull():
            self.reset_zoom()
            return
        rect = rect.adjusted(-30, -30, 30, 30)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        lowest = READABLE_ZOOM if readable else MIN_ZOOM
        if self.zoom() > 2.0:  # a tiny diagram is shown at a readable, not a huge, size
            self.resetTransform()
            self.scale(2.0, 2.0)
            self.centerOn(rect.center())
        elif self.zoom() < lowest:
            # a large map: as much as fits at a zoom where names and amounts can be read (the
            # overview in the corner shows the rest); zooming out further is the user's choice
            self.resetTransform()
            self.scale(lowest, lowest)
            self.centerOn(rect.center())
        self._zoomed()

    def smallest_text_px(self) -> float:
        """Height in screen pixels of the smallest text on the canvas (the amounts) at this zoom."""
        s = self.scene().style
        return min(s.amount_font_px, s.company_font_px, s.legend_font_px) * self.zoom()

    def wheelEvent(self, event) -> None:
        mods = event.modifiers()
        if mods & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier):
            delta = event.angleDelta()
            amount = -(delta.y() or delta.x())
            shift = mods & Qt.KeyboardModifier.ShiftModifier
            bar = self.horizontalScrollBar() if shift else self.verticalScrollBar()
            bar.setValue(bar.value() + amount // 2)
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self._scale_by(ZOOM_STEP ** steps)
        event.accept()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._drop_still_picture()
        super().scrollContentsBy(dx, dy)
        self.minimap.follow_view()
        self._crowding_timer.start()
        if self.editor is not None:
            self.editor.reposition()

    # ---------------------------------------------------------------- mouse
    def mousePressEvent(self, event) -> None:
        if self.editor is not None and not self.editor.commit():
            return  # an invalid text stays open: the click is not a new gesture
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self._space:
            super().mousePressEvent(event)
            return
        if self._tool.press(event, self.mapToScene(event.position().toPoint())):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._pan_from is not None:
            d = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(d.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(d.y()))
            return
        if not self._space and self._tool.move(event, self.mapToScene(event.position().toPoint())):
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = None
            self._tool.activate()
            return
        if not self._space and self._tool.release(event, self.mapToScene(event.position().toPoint())):
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._tool.name != "select":
            super().mouseDoubleClickEvent(event)
            return
        owner = self.scene().owner_at(self.mapToScene(event.position().toPoint()))
        if owner is None:
            super().mouseDoubleClickEvent(event)
            return
        kind, oid = owner
        self.scene().editRequested.emit(kind, oid)
        if kind == "company":
            self.edit_company_name(oid)
        else:
            self.edit_flow_amount(oid)

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = mods & Qt.KeyboardModifier.ControlModifier
        if key == Qt.Key.Key_Escape:
            if self._tool.busy():
                self._tool.cancel()
            self.set_tool("select")
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            return
        if ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
            return
        if ctrl and key == Qt.Key.Key_Minus:
            self.zoom_out()
            return
        if ctrl and key == Qt.Key.Key_0:
            self.zoom_to_fit()
            return
        if self._tool.key_press(event):
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag if self._tool.name == "select"
                             else QGraphicsView.DragMode.NoDrag)
            self._tool.activate()
            return
        super().keyReleaseEvent(event)

    # ------------------------------------------------------ in-place editing (see label_editing.py)
    def edit_company_name(self, company_id: str) -> InPlaceEditor:
        """Open the name of a company for typing (Enter commits, Esc keeps the name)."""
        return open_name_editor(self, company_id)

    def edit_flow_amount(self, flow_id: str) -> InPlaceEditor:
        """Open the amount of a flow for typing: "100", "$100B", "up to 100", "~300", "?"."""
        return open_amount_editor(self, flow_id)

    def open_editor(self, editor: InPlaceEditor) -> InPlaceEditor:
        """Show ``editor`` over the canvas, closing the one open before."""
        if self.editor is not None:
            self.editor.cancel()
        self.editor = editor
        return editor

    def _editor_closed(self, editor: InPlaceEditor) -> None:
        if self.editor is editor:
            self.editor = None
            self.setFocus()
