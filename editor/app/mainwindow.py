"""The main window: canvas in the middle, docks for loops, metrics, inspector, history and catalogues.

One window holds one :class:`~editor.editing.document.Document`. Every change goes
through the document (undo steps); the canvas and panels follow the model's
change events; the analysis reruns in :class:`~editor.background.analysis_worker.AnalysisWorker`.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QPainter, QUndoGroup
from PySide6.QtWidgets import (
    QComboBox, QDockWidget, QGraphicsView, QLabel, QMainWindow, QMenu, QProgressBar, QWidget,
)

from editor import settings
from editor.app.actions import EditMixin
from editor.background.analysis_worker import AnalysisWorker
from editor.editing.document import Document
from editor.app.files import FileMixin
from editor.app.menus import build_menus
from editor.model import Change, ChangeKind
from editor.panels.catalogue import CataloguePanel, swatch
from editor.panels.history import HistoryPanel
from editor.panels.inspector import Inspector
from editor.panels.loops import LoopsPanel
from editor.panels.metrics import MetricsPanel

APP_NAME = "Roundtrip"
SIZE_BY = ("valuation", "revenue", "none")


def make_canvas(document: Document):
    """The diagram scene and view of ``document``."""
    from editor.canvas.scene import DiagramScene

    scene = DiagramScene(document.diagram)
    try:
        from editor.canvas.view import DiagramView
    except ImportError:  # the interactive view is not installed: a read-only view
        return scene, _PlainView(scene)
    return scene, DiagramView(scene, document)


class _PlainView(QGraphicsView):
    """A read-only stand-in for the canvas view: zoom, fit, no editing tools."""

    def __init__(self, scene) -> None:
        super().__init__(scene)
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setDragMode(QGraphicsView.RubberBandDrag)

    def zoom_in(self) -> None:
        self.scale(1.25, 1.25)

    def zoom_out(self) -> None:
        self.scale(0.8, 0.8)

    def reset_zoom(self) -> None:
        self.resetTransform()

    def zoom_to_fit(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-40, -40, 40, 40)
        if not rect.isEmpty():
            self.fitInView(rect, Qt.KeepAspectRatio)
            if self.transform().m11() > 1.5:
                self.resetTransform()
                self.centerOn(rect.center())


class MainWindow(FileMixin, EditMixin, QMainWindow):
    def __init__(self, document: Document | None = None, *, autosave=None, analyze_fn=None,
                 autosave_enabled: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WA_DeleteOnClose, False)
        self.document: Document | None = None
        self.autosave = None
        self.autosave_enabled = autosave_enabled
        self.confirm_overwrite = False
        self._paste_counts: dict[str, int] = {}
        self.scene = None
        self.view = None
        self.undo_group = QUndoGroup(self)
        self.worker = AnalysisWorker(lambda: self.document.diagram.snapshot(), analyze_fn, parent=self)
        self.worker.options.update(max_loops=settings.get_int("analysis/max_loops", 100, 0, 10000),
                                   max_length=settings.get_int("analysis/max_length", 12, 2, 30))
        first = document or Document()

        self.loops = LoopsPanel(max_loops=self.worker.options["max_loops"],
                                max_length=self.worker.options["max_length"])
        self.metrics = MetricsPanel()
        self.inspector = Inspector(first)
        self.history = HistoryPanel(first)
        self.catalogue = CataloguePanel(first)
        self.docks: dict[str, QDockWidget] = {}
        self._build_docks()
        self._build_status_bar()
        self.flow_type_combo = QComboBox()
        self.flow_type_combo.setToolTip("Type of the next flow you draw (keys 1–9)")
        self.flow_type_combo.setMinimumContentsLength(22)
        self.flow_type_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.flow_type_combo.activated.connect(lambda i: self.pick_flow_type(i))
        build_menus(self)

        self.loops.highlightRequested.connect(self._highlight)
        self.loops.selectRequested.connect(lambda c, f: self.scene.select_ids(c, f))
        self.loops.optionsChanged.connect(self._loop_options_changed)
        self.worker.resultReady.connect(self._show_result)
        self.metrics.computeAllRequested.connect(self.worker.compute_all)
        self.worker.failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.worker.busyChanged.connect(self._set_busy)
        self.inspector.statusMessage.connect(lambda m: self.statusBar().showMessage(m, 4000))

        self.set_document(first, autosave=autosave)
        self.resize(1400, 900)
        self._restore_window_state()

    # ------------------------------------------------------------- building
    def _dock(self, key: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetClosable | QDockWidget.DockWidgetMovable
                         | QDockWidget.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def _build_docks(self) -> None:
        self.setCorner(Qt.BottomRightCorner, Qt.BottomDockWidgetArea)
        self.setCorner(Qt.BottomLeftCorner, Qt.BottomDockWidgetArea)
        self.setDockNestingEnabled(True)
        ins = self._dock("inspector", "Inspector", self.inspector, Qt.RightDockWidgetArea)
        cat = self._dock("catalogue", "Flow Types && Categories", self.catalogue, Qt.RightDockWidgetArea)
        hist = self._dock("history", "Undo History", self.history, Qt.RightDockWidgetArea)
        self.tabifyDockWidget(ins, cat)
        self.tabifyDockWidget(cat, hist)
        ins.raise_()
        loops = self._dock("loops", "Loops", self.loops, Qt.BottomDockWidgetArea)
        metrics = self._dock("metrics", "Metrics", self.metrics, Qt.BottomDockWidgetArea)
        self.splitDockWidget(loops, metrics, Qt.Horizontal)
        self.resizeDocks([ins], [380], Qt.Horizontal)
        self.resizeDocks([loops, metrics], [760, 640], Qt.Horizontal)
        self.resizeDocks([loops], [300], Qt.Vertical)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.setToolTip("Analysing the diagram…")
        self.busy.hide()
        self.busy_label = QLabel("Analysing…")
        self.busy_label.hide()
        self.counts_label = QLabel()
        self.zoom_label = QLabel("100%")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        for w in (self.busy_label, self.busy, self.counts_label, self.zoom_label):
            bar.addPermanentWidget(w)

    # ------------------------------------------------------------- document
    def set_document(self, document: Document, autosave=None) -> None:
        """Show ``document`` in this window (the previous one is closed without asking)."""
        old = self.document
        if old is not None:
            old.diagram.unsubscribe(self._on_change)
            old.modifiedChanged.disconnect(self._update_title)
            old.pathChanged.disconnect(self._update_title)
            if self.autosave is not None:
                self.autosave.clean_close()
            self.undo_group.removeStack(old.undo_stack)
        self.document = document
        self.confirm_overwrite = False
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.diagram.subscribe(self._on_change)
        document.modifiedChanged.connect(self._update_title)
        document.pathChanged.connect(self._update_title)

        self._install_canvas(document)
        self.inspector.set_document(document)
        self.history.set_document(document)
        self.catalogue.set_document(document)
        self.autosave = autosave
        if self.autosave is None and self.autosave_enabled:
            from editor.background.autosave import AutosaveController
            self.autosave = AutosaveController(document, parent=self)
        if self.autosave is not None:
            self.autosave.failed.connect(lambda m: self.statusBar().showMessage(m, 8000))
            self.autosave.start()
        if old is not None and old is not document:
            old.deleteLater()
        self.refresh_flow_types()
        self._update_title()
        self._update_counts()
        self.worker.run_now()
        QTimer.singleShot(0, self.zoom_to_fit)

    def _install_canvas(self, document: Document) -> None:
        old_view = self.view
        self.scene, self.view = make_canvas(document)
        self.scene.setParent(self)
        self.scene.set_size_by(settings.get_str("view/size_by", "valuation") if
                               settings.get_str("view/size_by", "valuation") in SIZE_BY else "valuation")
        self.scene.set_legend_visible(settings.get_bool("view/legend", True))
        if hasattr(self.view, "set_snap_to_grid"):
            self.view.set_snap_to_grid(settings.get_bool("view/snap", False))
        self.scene.selectionChanged.connect(self._selection_changed)
        for signal, slot in (("statusMessage", lambda m: self.statusBar().showMessage(m, 4000)),
                             ("tool_changed", self._tool_changed), ("zoomChanged", self._update_zoom)):
            if hasattr(self.view, signal):
                getattr(self.view, signal).connect(slot)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.show_context_menu)
        self.setCentralWidget(self.view)
        if old_view is not None:
            old_view.deleteLater()
        self.view.setFocus()
        if hasattr(self, "tool_actions"):
            self.set_tool(self.current_tool())
            self.sync_view_actions()

    def _on_change(self, change: Change) -> None:
        if change.kind != ChangeKind.COMPANIES_MOVED:
            self.worker.schedule()
            self._update_counts()
        if change.kind in (ChangeKind.TYPES_CHANGED, ChangeKind.RESET):
            self.refresh_flow_types()

    def _update_title(self, *_args) -> None:
        doc = self.document
        self.setWindowTitle(f"{doc.display_name()}[*] — {APP_NAME}")
        self.setWindowModified(doc.is_modified())
        if hasattr(self, "revert_action"):
            self.revert_action.setEnabled(doc.path is not None)

    def _update_counts(self) -> None:
        d = self.document.diagram
        cids, fids = self.selected_ids() if self.scene is not None else ([], [])
        text = f"{len(d)} compan{'y' if len(d) == 1 else 'ies'} · {len(d.flows())} flow{'s' if len(d.flows()) != 1 else ''}"
        n = len(cids) + len(fids)
        if n:
            text += f" · {n} selected"
        self.counts_label.setText(text)

    # ------------------------------------------------------------ selection
    def selected_ids(self) -> tuple[list[str], list[str]]:
        return self.scene.selected_ids()

    def _selection_changed(self) -> None:
        try:
            cids, fids = self.selected_ids()
        except RuntimeError:  # the scene is being deleted
            return
        self.inspector.set_selection(cids, fids)
        self._update_counts()
        if self.loops.through.isChecked():
            self._apply_through()
        if hasattr(self, "selection_actions"):
            for a in self.selection_actions:
                a.setEnabled(bool(cids or fids))
            for a in self.align_actions:
                a.setEnabled(len(cids) >= 2)
            for a in self.distribute_actions:
                a.setEnabled(len(cids) >= 3)
            self.copy_action.setEnabled(bool(cids))
            self.cut_action.setEnabled(bool(cids))
            self.duplicate_action.setEnabled(bool(cids))

    # ------------------------------------------------------------- analysis
    def _show_result(self, result) -> None:
        d = self.document.diagram
        self.loops.set_result(result)
        self.metrics.set_result(result, {t.id: t.name for t in d.flow_types()},
                                {t.id: t.color for t in d.flow_types()})

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)

    def _highlight(self, company_ids, flow_ids) -> None:
        # Each call touches every item of the scene: skip it when the canvas already shows that.
        current = getattr(self.scene, "highlighted", False)  # (company ids, flow ids), None: no highlight
        if company_ids or flow_ids:
            if current != (set(company_ids), set(flow_ids)):
                self.scene.set_highlight(company_ids, flow_ids)
        elif current is not None:
            self.scene.clear_highlight()

    def _loop_options_changed(self, options: dict) -> None:
        settings.set_value("analysis/max_loops", options["max_loops"])
        settings.set_value("analysis/max_length", options["max_length"])
        self.worker.options.update(max_loops=options["max_loops"], max_length=options["max_length"])
        self._apply_through()

    def _apply_through(self) -> None:
        cids = self.selected_ids()[0] if self.loops.through.isChecked() else []
        through = cids[0] if cids else None
        if through != self.worker.options.get("through") or not self.loops.through.isChecked():
            self.worker.set_options(through=through)
        if self.loops.through.isChecked() and not cids:
            self.statusBar().showMessage("Select a company to list only the loops through it", 4000)

    # ---------------------------------------------------------- tools, view
    def current_tool(self) -> str:
        for name, action in self.tool_actions.items():
            if action.isChecked():
                return name
        return "select"

    def set_tool(self, name: str) -> None:
        self.tool_actions[name].setChecked(True)
        if hasattr(self.view, "set_tool"):
            self.view.set_tool(name)
        if name == "draw_flow":
            self.pick_flow_type(max(self.flow_type_combo.currentIndex(), 0), announce=False)

    def _tool_changed(self, name: str) -> None:
        if name in self.tool_actions:
            self.tool_actions[name].setChecked(True)

    def refresh_flow_types(self) -> None:
        combo = self.flow_type_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for i, t in enumerate(self.document.diagram.flow_types()):
            combo.addItem(swatch(t.color), f"{i + 1}  {t.name}" if i < 9 else t.name, t.id)
        i = combo.findData(current)
        combo.setCurrentIndex(i if i >= 0 else 0)
        combo.blockSignals(False)
        if combo.count() and hasattr(self.view, "set_flow_type"):
            self.view.set_flow_type(combo.currentData())

    def pick_flow_type(self, index: int, announce: bool = True) -> None:
        combo = self.flow_type_combo
        if not 0 <= index < combo.count():
            return
        combo.setCurrentIndex(index)
        tid = combo.itemData(index)
        if hasattr(self.view, "set_flow_type"):
            self.view.set_flow_type(tid)
        if announce:
            self.statusBar().showMessage(f"New flows: {self.document.diagram.flow_type(tid).name}", 3000)

    def set_size_by(self, mode: str) -> None:
        self.scene.set_size_by(mode)
        settings.set_value("view/size_by", mode)

    def set_legend_visible(self, on: bool) -> None:
        self.scene.set_legend_visible(on)
        settings.set_value("view/legend", on)

    def set_snap(self, on: bool) -> None:
        if hasattr(self.view, "set_snap_to_grid"):
            self.view.set_snap_to_grid(on)
        settings.set_value("view/snap", on)

    def sync_view_actions(self) -> None:
        self.legend_action.setChecked(self.scene.legend_visible)
        self.size_actions[self.scene.size_by].setChecked(True)
        self.snap_action.setChecked(bool(getattr(self.view, "snap_to_grid", False)))

    def zoom(self, how: str) -> None:
        getattr(self.view, {"in": "zoom_in", "out": "zoom_out", "fit": "zoom_to_fit",
                            "reset": "reset_zoom"}[how])()
        self._update_zoom()

    def zoom_to_fit(self) -> None:
        if self.view is not None and hasattr(self.view, "zoom_to_fit"):
            self.view.zoom_to_fit()
            self._update_zoom()

    def zoom_to_fit_later(self) -> None:
        QTimer.singleShot(0, self.zoom_to_fit)

    def _update_zoom(self, *_args) -> None:
        if self.view is not None:
            self.zoom_label.setText(f"{self.view.transform().m11() * 100:.0f}%")

    # ---------------------------------------------------------- context menu
    def show_context_menu(self, pos) -> QMenu:
        menu = self.context_menu_at(self.view.mapToScene(pos))
        menu.popup(self.view.viewport().mapToGlobal(pos))
        return menu

    def context_menu_at(self, scene_pos) -> QMenu:
        """The right-click menu for what lies at ``scene_pos`` (a company, a flow or the canvas)."""
        from editor.app.menus import context_menu

        owner = self.scene.owner_at(scene_pos) if hasattr(self.scene, "owner_at") else None
        if owner is not None:
            kind, oid = owner
            cids, fids = self.selected_ids()
            if oid not in (cids if kind == "company" else fids):
                self.scene.select_ids([oid] if kind == "company" else [], [oid] if kind == "flow" else [])
        return context_menu(self, owner, scene_pos)

    def add_company_at(self, x: float, y: float) -> str:
        n = len(self.document.diagram) + 1
        name = f"Company {n}"
        while self.document.diagram.find_company(name) is not None:
            n += 1
            name = f"Company {n}"
        cid = self.document.add_company(name, x, y)
        self.scene.select_ids([cid], [])
        self.focus_inspector("name")
        return cid

    def focus_inspector(self, key: str | None = None) -> None:
        self.docks["inspector"].show()
        self.docks["inspector"].raise_()
        cids, fids = self.selected_ids()
        kind = "company" if cids else "flow" if fids else "diagram"
        key = key or {"company": "name", "flow": "amount", "diagram": "title"}[kind]
        if key in self.inspector.fields[kind]:
            w = self.inspector.field(kind, key).widget
            w.setFocus()
            if hasattr(w, "selectAll"):
                w.selectAll()

    # ------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop background work and remember the window layout (after the user agreed to close)."""
        self.worker.shutdown()
        if self.autosave is not None:
            self.autosave.clean_close()
            self.autosave = None
        self.inspector.detach()
        self.catalogue.detach()
        s = settings.app_settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("last_file", str(self.document.path or ""))
        s.sync()

    def _restore_window_state(self) -> None:
        s = settings.app_settings()
        geometry, state = s.value("window/geometry"), s.value("window/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
