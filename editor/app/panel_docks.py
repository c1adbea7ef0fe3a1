"""The main window's panels, made right after its first paint.

The window first shows its canvas with the diagram, the menus and the docks, each dock
still holding an empty placeholder (so the saved or default layout is in place from the
first paint, and View → Panels has every dock to toggle). Right after that first paint
(:meth:`PanelStarter.watch`), :class:`Panels` makes the loops, metrics, timeline,
inspector, history, catalogue and stress panels, puts each in its dock, wires them to the
window and its document, and the first analysis starts; the window then says so with
``panels_ready``. Anything that asks for a panel earlier (a test, a menu command) gets
it made at once (``MainWindow.panels()``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow
    from editor.editing.document import Document

#: The docks, with their area (the stress test's dock is closed until View → Panels → Stress Test).
DOCKS = (("inspector", Qt.DockWidgetArea.RightDockWidgetArea),
         ("catalogue", Qt.DockWidgetArea.RightDockWidgetArea),
         ("history", Qt.DockWidgetArea.RightDockWidgetArea),
         ("timeline", Qt.DockWidgetArea.BottomDockWidgetArea),
         ("stress", Qt.DockWidgetArea.RightDockWidgetArea),
         ("loops", Qt.DockWidgetArea.BottomDockWidgetArea),
         ("metrics", Qt.DockWidgetArea.BottomDockWidgetArea))
#: If no paint comes (a window never shown, or shown minimised), the panels are made this long
#: after the window was made, or shown.
FALLBACK_MS = 1000


def dock_titles() -> dict[str, str]:
    """The docks' titles, by key (translated in the main window's context)."""
    return {
        "inspector": QCoreApplication.translate("MainWindow", "Inspector"),
        "catalogue": QCoreApplication.translate("MainWindow", "Flow Types && Categories"),
        "history": QCoreApplication.translate("MainWindow", "Undo History"),
        "timeline": QCoreApplication.translate("MainWindow", "Timeline"),
        "stress": QCoreApplication.translate("MainWindow", "Stress Test"),
        "loops": QCoreApplication.translate("MainWindow", "Loops"),
        "metrics": QCoreApplication.translate("MainWindow", "Metrics"),
    }


def add_empty_docks(w: MainWindow) -> None:
    """Every dock of ``w`` with an empty placeholder, in its default place."""
    titles = dock_titles()
    for key, area in DOCKS:
        placeholder = QWidget()
        placeholder.setObjectName(f"placeholder_{key}")
        w.dock_layout.add(key, titles[key], placeholder, area)
    w.dock_layout.place_defaults()     # (tabs the stress test's dock with the history)
    w.docks["stress"].hide()


class Panels:
    """The panels of one window, in their docks, wired to the window (see the module text)."""

    def __init__(self, w: MainWindow) -> None:
        from editor.app.stress_dock import StressDock
        from editor.panels.catalogue import CataloguePanel
        from editor.panels.history import HistoryPanel
        from editor.panels.inspector import Inspector
        from editor.panels.loops import LoopsPanel
        from editor.panels.metrics import MetricsPanel
        from editor.panels.stress import StressPanel
        from editor.panels.timeline import TimelinePanel

        self.window = w
        self.loops = LoopsPanel(max_loops=w.worker.options["max_loops"],
                                max_length=w.worker.options["max_length"])
        self.metrics = MetricsPanel()
        self.timeline = TimelinePanel()
        self.inspector = Inspector(w.document)
        self.history = HistoryPanel(w.document)
        self.catalogue = CataloguePanel(w.document)
        stress_panel = StressPanel()
        for key, panel in (("inspector", self.inspector), ("catalogue", self.catalogue),
                           ("history", self.history), ("timeline", self.timeline), ("stress", stress_panel),
                           ("loops", self.loops), ("metrics", self.metrics)):
            _put(w.docks[key], panel)
        self.stress = StressDock(w, w.docks["stress"], stress_panel)

        view = w.analysis_view
        self.loops.highlightRequested.connect(view.highlight)
        self.loops.selectRequested.connect(lambda c, f: w.scene.select_ids(c, f))
        self.loops.optionsChanged.connect(view.loop_options_changed)
        self.timeline.periodChanged.connect(lambda a, b: view.set_time_options(period_from=a, period_to=b))
        self.metrics.computeAllRequested.connect(w.worker.compute_all)
        self.inspector.statusMessage.connect(lambda m: w.statusBar().showMessage(m, 4000))

    def attach(self, document: Document) -> None:
        """Follow ``document`` and the window's current canvas."""
        from editor.app.type_filter import hidden_note, set_view_note

        w = self.window
        self.inspector.set_document(document)
        self.history.set_document(document)
        self.catalogue.set_document(document)
        self.inspector.set_selection(*w.selected_ids())
        self.timeline.attach(document.diagram, w.scene)
        note = hidden_note(len(w.scene.hidden_types))
        for panel in (self.loops, self.metrics):
            set_view_note(panel, note)
        self.loops.show_computing()  # no figures of the previous diagram while the first analysis runs
        self.metrics.show_computing()
        self.stress.attach()

    def follow_canvas(self) -> None:
        """A new canvas of the same document (the timeline draws on it)."""
        self.timeline.attach(self.window.document.diagram, self.window.scene)


def _put(dock: QDockWidget, panel: QWidget) -> None:
    """``panel`` in place of ``dock``'s placeholder, at the placeholder's size (no jump)."""
    old = dock.widget()
    if old is not None:
        panel.resize(old.size())
    dock.setWidget(panel)
    if old is not None:
        old.deleteLater()


class PanelStarter(QObject):
    """Makes the window's panels on the event loop right after its first paint."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.window = w
        self._armed = False
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.setInterval(FALLBACK_MS)
        self._fallback.timeout.connect(self._build)
        self._fallback.start()

    def watch(self) -> None:
        """Called when the window is shown: make the panels after the first paint."""
        if self._armed or self.window.panels_built():
            return
        self._armed = True
        self.window.installEventFilter(self)
        self.window.view.viewport().installEventFilter(self)
        self._fallback.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            QTimer.singleShot(0, self._build)   # once this paint has reached the screen
        return False

    def _build(self) -> None:
        self._fallback.stop()
        try:
            self.window.panels()
        except RuntimeError:  # the window was deleted meanwhile
            return
