"""The main window: canvas in the middle, docks for loops, metrics, inspector, history and catalogues.

One window holds one :class:`~editor.editing.document.Document`. Every change goes
through the document (undo steps); the canvas and panels follow the model's
change events; the analysis reruns in :class:`~editor.background.analysis_worker.AnalysisWorker`.
The File commands live in a :class:`~editor.app.files.FileController`, the Edit and
Arrange commands in an :class:`~editor.app.actions.EditController`, and the menus'
actions in an :class:`~editor.app.menus.Actions` (``menu_actions``).

At start-up (``quick_start``) the window first makes what its first paint shows (canvas, menu
bar titles, tool bar, docks with placeholders, status bar); right after it, :meth:`finish_start`
makes the menus' items and other actions, Open Sample and Open Recent and the file's lock, then
come the panels (:mod:`editor.app.panel_docks`); asking for them earlier makes them at once.
Without ``quick_start`` (tests, scripts) all but the panels is made at once.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent, QUndoGroup
from PySide6.QtWidgets import QComboBox, QDockWidget, QMainWindow, QMenu, QVBoxLayout, QWidget

from editor import settings
from editor.app import theme
from editor.app.actions import EditController
from editor.app.analysis_view import AnalysisView
from editor.app.docks import MIN_CANVAS_HEIGHT, MIN_CANVAS_WIDTH, DockLayout
from editor.app.files import FileController
from editor.app.flow_type_combo import FlowTypeCombo
from editor.app.panel_docks import Panels, PanelStarter, add_empty_docks
from editor.app.status import WindowStatus
from editor.app.toolbar import BarActions, build_bar
from editor.app.type_filter import attach_type_filter
from editor.background.analysis_worker import AnalysisWorker
from editor.background.autosave import AutosaveController
from editor.canvas.scene import DiagramScene
from editor.canvas.view import DiagramView
from editor.editing.document import Document
from editor.model import Change, ChangeKind

if TYPE_CHECKING:
    from editor.app.menus import Actions
    from editor.app.stress_dock import StressDock
    from editor.panels.catalogue import CataloguePanel
    from editor.panels.history import HistoryPanel
    from editor.panels.inspector import Inspector
    from editor.panels.loops import LoopsPanel
    from editor.panels.metrics import MetricsPanel
    from editor.panels.timeline import TimelinePanel

APP_NAME = "Roundtrip"
SIZE_BY = ("valuation", "revenue", "none")


def make_canvas(document: Document, scene: DiagramScene | None = None) -> tuple[DiagramScene, DiagramView]:
    """The diagram scene (``scene``: already built, see canvas_build.py) and view of ``document``."""
    scene = scene or DiagramScene(document.diagram)
    return scene, DiagramView(scene, document)


class MainWindow(QMainWindow):
    """One document on a canvas, with its panels, menus and background work.

    Declared state: the document and its autosave; the canvas (``scene``, ``view``,
    replaced with each document); the docks, and the panels in them (made right after the
    first paint, see :mod:`editor.app.panel_docks`: ``panels()`` makes them at once, and
    ``panels_ready`` says they are there); the undo group the Undo/Redo actions follow; the
    analysis worker (its first run starts with the panels); the collaborators ``files``
    (File menu) and ``edits`` (Edit and Arrange menus); and ``menu_actions`` (with
    ``quick_start``, made right after the first paint: see the module text).
    """

    #: The panels are made and in their docks (right after the first paint, or when first asked for).
    panels_ready = Signal()

    def __init__(self, document: Document | None = None, *, autosave: AutosaveController | None = None,
                 analyze_fn: Any = None, autosave_enabled: bool = True, quick_start: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        first = document or Document()
        self.document: Document = first
        self.autosave: AutosaveController | None = None
        self.autosave_enabled = autosave_enabled
        self.scene: DiagramScene  # set by _install_canvas, for each document
        self.view: DiagramView
        self.undo_group = QUndoGroup(self)
        self.worker = AnalysisWorker(lambda: self.document.diagram.snapshot(), analyze_fn, parent=self)
        self.worker.options.update(max_loops=settings.get_int("analysis/max_loops", 100, 0, 10000),
                                   max_length=settings.get_int("analysis/max_length", 12, 2, 30))
        self._panels: Panels | None = None
        self._selection_counts: tuple[int, int] | None = None   # (companies, flows) before the actions
        self._zoom_due = False
        self._panel_starter = PanelStarter(self)
        self.canvas_holder = QWidget()  # the central widget; holds the view of the current document
        self.canvas_holder.setObjectName("canvas_holder")
        self._canvas_layout = QVBoxLayout(self.canvas_holder)
        self._canvas_layout.setContentsMargins(0, 0, 0, 0)
        self.canvas_holder.setMinimumSize(MIN_CANVAS_WIDTH, MIN_CANVAS_HEIGHT)
        self.setCentralWidget(self.canvas_holder)
        self.dock_layout = DockLayout(self, self.canvas_holder)
        self.docks: dict[str, QDockWidget] = self.dock_layout.docks
        add_empty_docks(self)
        self.status = WindowStatus(self)
        self.analysis_view = AnalysisView(self)
        self.flow_type_combo = QComboBox()
        self.flow_type_combo.setToolTip(self.tr("Type of the next flow you draw (keys 1–9)"))
        self.flow_types = FlowTypeCombo(self, self.flow_type_combo)
        self.last_find = ""  # the text of the last Edit → Find
        self.canvas_theme = "light"  # of the canvas, set by View → Theme
        self.files = FileController(self)
        self.edits = EditController(self)
        self._bar: BarActions = build_bar(self)   # the menu bar's titles and the tool bar
        self._menu_actions: Actions | None = None   # the menus' items and every action: finish_start()
        self._started = False
        if not quick_start:
            self._build_menus()
            self._started = True

        self.worker.resultReady.connect(self.analysis_view.show_result)
        self.worker.failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.worker.busyChanged.connect(self.status.set_busy)

        self._attach(first, autosave)
        self._apply_theme()
        self.resize(self.dock_layout.first_size())
        self.dock_layout.restore()

    # ------------------------------------------------------------- building
    def _build_menus(self) -> Actions:
        from editor.app.menus import build_menus

        self.files.fill_menus()
        self._menu_actions = build_menus(self, self._bar)
        return self._menu_actions

    def finish_start(self) -> None:
        """What a window started with ``quick_start`` makes right after its first paint (or when asked
        for): the menus' items and the other actions, following the window's state; Open Sample and
        Open Recent; the lock and the watch of the document's file."""
        if self._started:
            return
        self._started = True
        actions = self._build_menus()
        self.files.guard.follow(self.document.path)
        self._update_title()
        self.sync_view_actions()
        actions.themes[theme.saved_theme()].setChecked(True)
        if self._selection_counts is not None:
            actions.follow_selection(*self._selection_counts)

    @property
    def menu_actions(self) -> Actions:
        """Every action of the menus and the tool bar (made now if the window has not finished starting)."""
        if self._menu_actions is None:
            self.finish_start()
        assert self._menu_actions is not None
        return self._menu_actions

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._panel_starter.watch()   # the panels come right after the first paint

    def panels_built(self) -> bool:
        return self._panels is not None

    def panels(self) -> Panels:
        """The panels, made now if they are not there yet; the first analysis starts with them."""
        if self._panels is None:
            self.finish_start()
            self._panels = Panels(self)
            self.dock_layout.settle()
            self._panels.attach(self.document)
            self.worker.run_now()
            self.panels_ready.emit()
        return self._panels

    @property
    def loops(self) -> LoopsPanel:
        return self.panels().loops

    @property
    def metrics(self) -> MetricsPanel:
        return self.panels().metrics

    @property
    def timeline(self) -> TimelinePanel:
        return self.panels().timeline

    @property
    def inspector(self) -> Inspector:
        return self.panels().inspector

    @property
    def history(self) -> HistoryPanel:
        return self.panels().history

    @property
    def catalogue(self) -> CataloguePanel:
        return self.panels().catalogue

    @property
    def stress(self) -> StressDock:
        return self.panels().stress

    def canvas_is_usable(self) -> bool:
        """Whether the canvas has at least its usable minimum size (a layout is saved only then)."""
        return self.dock_layout.canvas_is_usable()

    def reset_layout(self) -> None:
        """View → Reset Layout: every panel back in its default place and size, the tool bar shown."""
        self.dock_layout.place_defaults()
        self._bar.toolbar.show()
        settings.app_settings().remove("window/state")
        self.statusBar().showMessage(self.tr("Panels back in their default places"), 3000)

    # ------------------------------------------------------------- document
    def set_document(self, document: Document, autosave: AutosaveController | None = None,
                     scene: DiagramScene | None = None) -> None:
        """Show ``document`` in this window (the previous one is closed without asking); ``scene``:
        its canvas already built (see canvas_build.py)."""
        old = self.document
        old.diagram.unsubscribe(self._on_change)
        old.modifiedChanged.disconnect(self._update_title)
        old.pathChanged.disconnect(self._update_title)
        if self.autosave is not None:
            self.autosave.clean_close()
        self.undo_group.removeStack(old.undo_stack)
        self.document = document
        self._attach(document, autosave, scene)
        if old is not document:
            old.deleteLater()

    def _attach(self, document: Document, autosave: AutosaveController | None,
                scene: DiagramScene | None = None) -> None:
        """Wire ``document`` (now ``self.document``) to the canvas, panels, undo actions and autosave."""
        self.files.confirm_overwrite = False
        if self._started:   # (else the lock is taken once the window has painted: finish_start)
            self.files.guard.follow(document.path)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.diagram.subscribe(self._on_change)
        document.modifiedChanged.connect(self._update_title)
        document.pathChanged.connect(self._update_title)

        self._install_canvas(document, scene)
        self.autosave = autosave
        if self.autosave is None and self.autosave_enabled:
            self.autosave = AutosaveController(document, parent=self)
        if self.autosave is not None:
            self.autosave.failed.connect(lambda m: self.statusBar().showMessage(m, 8000))
            self.autosave.start()
        self.refresh_flow_types()
        self._update_title()
        self.status.update_counts()
        if self._panels is not None:
            self._panels.attach(document)
            self.worker.run_now()
        self.zoom_to_fit_later()

    def _install_canvas(self, document: Document, scene: DiagramScene | None = None) -> None:
        old_scene: DiagramScene | None = getattr(self, "scene", None)
        self.scene, self.view = make_canvas(document, scene)
        self.scene.setParent(self)
        size_by = settings.get_str("view/size_by", "valuation")
        self.scene.set_size_by(size_by if size_by in SIZE_BY else "valuation")
        self.scene.set_legend_visible(settings.get_bool("view/legend", True))
        self.view.set_snap_to_grid(settings.get_bool("view/snap", False))
        self.scene.selectionChanged.connect(self._selection_changed)
        if self._panels is not None:
            self._panels.follow_canvas()
        attach_type_filter(self)
        self.view.statusMessage.connect(lambda m: self.statusBar().showMessage(m, 4000))
        self.view.tool_changed.connect(self._tool_changed)
        self.view.zoomChanged.connect(self.status.update_zoom)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.show_context_menu)
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self.files.drops.watch(self.view.viewport())  # files dropped onto the canvas open
        self._apply_canvas_theme()
        # One central widget for the window's life: a new central widget would make the window lay
        # out its docks again from their size hints, squeezing the canvas to a strip.
        holder = self._canvas_layout
        old = holder.takeAt(0) if holder.count() else None
        old_view = old.widget() if old is not None else None
        if old_view is not None:
            old_view.hide()
            old_view.deleteLater()
        if old_scene is not None and old_scene is not self.scene:
            old_scene.dispose()   # (after its view: deleted in that order, on the event loop)
        holder.addWidget(self.view)
        self.view.setFocus()
        self.set_tool(self.current_tool())
        self.sync_view_actions()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Esc or a click on empty canvas ends the highlight of a loop (the canvas handles the rest)."""
        if self.scene.highlighted is not None and self.analysis_view.ends_highlight(obj, event):
            self.clear_loop_highlight()
        return super().eventFilter(obj, event)

    def clear_loop_highlight(self) -> None:
        self.loops.clear_selection()
        self.scene.clear_highlight()

    def _on_change(self, change: Change) -> None:
        if self.scene.highlighted is not None and change.kind in (ChangeKind.FLOW_ADDED, ChangeKind.RESET,
                                                                  ChangeKind.COMPANY_ADDED):
            QTimer.singleShot(0, self.analysis_view.dim_again)  # after the canvas made the new items
        if change.kind != ChangeKind.COMPANIES_MOVED:
            self.status.update_counts()
            if self._panels is not None:
                self.worker.schedule()
                self._panels.stress.schedule()
                self._panels.timeline.diagram_changed(change)
        if change.kind in (ChangeKind.TYPES_CHANGED, ChangeKind.RESET):
            self.refresh_flow_types()

    def _update_title(self, *_args: object) -> None:
        doc = self.document
        self.setWindowTitle(f"{doc.display_name()}[*] — {APP_NAME}")
        self.setWindowModified(doc.is_modified())
        if self._menu_actions is not None:
            self._menu_actions.revert.setEnabled(doc.path is not None)

    # ------------------------------------------------------------ selection
    def selected_ids(self) -> tuple[list[str], list[str]]:
        return self.scene.selected_ids()

    def _selection_changed(self) -> None:
        try:
            cids, fids = self.selected_ids()
        except RuntimeError:  # the scene is being deleted
            return
        self.status.update_counts()
        if self._panels is not None:
            self._panels.inspector.set_selection(cids, fids)
            if self._panels.loops.through.isChecked():
                self.analysis_view.apply_through()
        if self._menu_actions is not None:
            self._menu_actions.follow_selection(len(cids), len(fids))
        else:
            self._selection_counts = (len(cids), len(fids))   # (the actions follow once made)

    # ---------------------------------------------------------- tools, view
    def current_tool(self) -> str:
        for name, action in self._bar.tools.items():
            if action.isChecked():
                return name
        return "select"

    def set_tool(self, name: str) -> None:
        self._bar.tools[name].setChecked(True)
        self.view.set_tool(name)
        if name == "draw_flow":
            self.pick_flow_type(max(self.flow_type_combo.currentIndex(), 0), announce=False)

    def _tool_changed(self, name: str) -> None:
        if name in self._bar.tools:
            self._bar.tools[name].setChecked(True)

    def refresh_flow_types(self) -> None:
        self.flow_types.refresh()

    def pick_flow_type(self, index: int, announce: bool = True) -> None:
        self.flow_types.pick(index, announce)

    def pick_next_flow_type(self) -> None:
        self.flow_types.pick_next()

    def set_size_by(self, mode: str) -> None:
        self.scene.set_size_by(mode)
        settings.set_value("view/size_by", mode)

    def set_legend_visible(self, on: bool) -> None:
        self.scene.set_legend_visible(on)
        if settings.get_bool("view/legend", True) != on:  # (the menu set from the setting writes nothing)
            settings.set_value("view/legend", on)

    def set_theme(self, name: str) -> None:
        """View → Theme: "system", "light" or "dark" (remembered); the panels and the canvas follow."""
        settings.set_value("view/theme", name)
        self._apply_theme()

    def _apply_theme(self) -> None:
        name = theme.saved_theme()
        self.canvas_theme = theme.apply_theme(name)
        if self._menu_actions is not None:
            self._menu_actions.themes[name].setChecked(True)
        self._apply_canvas_theme()
        if self._panels is not None:
            self.worker.run_now()  # the panels colour their texts for the new palette

    def _apply_canvas_theme(self) -> None:
        self.view.set_theme(self.canvas_theme)

    def set_snap(self, on: bool) -> None:
        self.view.set_snap_to_grid(on)
        if settings.get_bool("view/snap", False) != on:
            settings.set_value("view/snap", on)

    def sync_view_actions(self) -> None:
        acts = self._menu_actions
        if acts is None:
            return   # (the actions follow once made: finish_start)
        acts.legend.setChecked(self.scene.legend_visible)
        acts.size_by[self.scene.size_by].setChecked(True)
        acts.snap.setChecked(self.view.snap_to_grid)

    def zoom(self, how: str) -> None:
        view = self.view
        {"in": view.zoom_in, "out": view.zoom_out, "fit": view.zoom_to_fit, "reset": view.reset_zoom}[how]()
        self.status.update_zoom()

    def zoom_to_fit(self) -> None:
        self.view.zoom_to_fit()
        self.status.update_zoom()

    def zoom_to_fit_later(self) -> None:
        """Zoom to fit on the event loop, once (a window opening a file at start asks twice: for its
        first, empty document and for the file)."""
        if not self._zoom_due:
            self._zoom_due = True
            QTimer.singleShot(0, self._zoom_when_due)

    def _zoom_when_due(self) -> None:
        self._zoom_due = False
        self.zoom_to_fit()

    # ---------------------------------------------------------- context menu
    def show_context_menu(self, pos: QPoint) -> QMenu:
        menu = self.context_menu_at(self.view.mapToScene(pos))
        menu.popup(self.view.viewport().mapToGlobal(pos))
        return menu

    def context_menu_at(self, scene_pos: QPointF) -> QMenu:
        """The right-click menu for what lies at ``scene_pos`` (a company, a flow or the canvas)."""
        from editor.app.context_menu import context_menu_at

        return context_menu_at(self, scene_pos)

    def show_diagram_details(self) -> None:
        self.scene.clearSelection()
        self.focus_inspector("title")

    def show_catalogues(self) -> None:
        self.docks["catalogue"].show()
        self.docks["catalogue"].raise_()

    def focus_inspector(self, key: str | None = None) -> None:
        """The Inspector in front, its field ``key`` (by default the first of the selection's) focused."""
        from editor.app.context_menu import focus_inspector

        focus_inspector(self, key)

    # ------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        # Any failure while asking or saving keeps the window, and the work, open.
        self.files.cancel_read()  # a file being read for this window: dropped, then the usual prompt
        try:
            may_close = self.files.maybe_save()
        except Exception as e:  # noqa: BLE001 - never lose the work to an unexpected error
            event.ignore()
            from editor.dialogs import messages

            messages.show_error(self, self.tr("Cannot Close"),
                                self.tr("The window stays open so that nothing is lost: {error}").format(
                                    error=f"{type(e).__name__}: {str(e)[:300]}"),
                                [self.tr("Try File → Save As…; autosave keeps a recovery copy meanwhile.")])
            return
        if not may_close:
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop background work and remember the window layout (after the user agreed to close)."""
        self.worker.shutdown()
        self.files.guard.release()
        if self.autosave is not None:
            self.autosave.clean_close()
            self.autosave = None
        if self._panels is not None:
            self._panels.stress.shutdown()
            self._panels.inspector.detach()
            self._panels.catalogue.detach()
        s = settings.app_settings()
        self.dock_layout.save(s)
        s.setValue("last_file", str(self.document.path or ""))
        s.sync()
