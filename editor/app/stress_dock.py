"""The Stress panel in the main window: a dock, fed with the document's snapshots, drawing on the canvas.

The dock is hidden by default (View > Panels > Stress Test shows it). While it is
open, each change of the diagram sends a fresh snapshot to the panel after a short
pause (like the analysis), and the panel's domino step is drawn on the canvas
(:meth:`editor.canvas.scene.DiagramScene.show_stress`); closing the dock removes
the marks and stops the clearing. ``overlay_for_export()`` is what the Export Image
dialog offers to draw.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from editor.analysis.stress import StressOverlay
from editor.background.analysis_worker import DEBOUNCE_MS
from editor.i18n import translate
from editor.panels.stress import StressPanel

#: width of the dock when it first opens (its tables have seven columns)
OPEN_WIDTH = 600

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow


class StressDock(QObject):
    """The Stress panel's dock of a main window and its link to the document and the canvas."""

    def __init__(self, window: MainWindow, dock: QDockWidget, panel: StressPanel) -> None:
        super().__init__(window)
        self._window = window
        self.dock = dock
        self.panel = panel
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.feed)
        self._closed = False
        self._widened = False
        panel.overlayChanged.connect(self._draw)
        # the toggle action is unchecked only when the dock is closed (not when it is a tab behind another)
        dock.toggleViewAction().toggled.connect(self._open_changed)

    def is_open(self) -> bool:
        return not self._closed and self.dock.toggleViewAction().isChecked()

    def schedule(self) -> None:
        """The diagram changed: a fresh snapshot after the debounce delay (only while the dock is open)."""
        if self.is_open():
            self._timer.start()

    def attach(self) -> None:
        """A new document or canvas: its snapshot now, and the marks on its canvas."""
        if self.is_open():
            self._timer.stop()
            self._window.scene.show_stress(None)   # until the clearing of this snapshot comes back
            self.feed()

    def feed(self) -> None:
        if self.is_open():
            self.panel.set_snapshot(self._window.document.diagram.snapshot())

    def overlay_for_export(self) -> StressOverlay | None:
        """The marks shown on the canvas (None when the dock is closed)."""
        return self.panel.current_overlay() if self.is_open() else None

    def shutdown(self) -> None:
        self._closed = True
        self._timer.stop()
        self.panel.shutdown()

    def _open_changed(self, open_: bool) -> None:
        if self._closed:
            return
        if open_:
            self.dock.raise_()
            if not self._widened and self.dock.width() < OPEN_WIDTH and not self.dock.isFloating():
                self._widened = True   # once: a width the user gives it later stays
                self._window.resizeDocks([self.dock], [OPEN_WIDTH], Qt.Orientation.Horizontal)
            self.attach()
        else:
            self._timer.stop()
            self._window.scene.show_stress(None)

    def _draw(self, overlay: StressOverlay | None) -> None:
        if self.is_open():
            self._window.scene.show_stress(overlay)


def add_stress_dock(window: MainWindow, beside: QDockWidget) -> StressDock:
    """Make the Stress panel's dock, closed, as a tab beside ``beside`` when opened."""
    panel = StressPanel()
    title = translate("MainWindow", "Stress Test")
    dock = window.dock_layout.add("stress", title, panel, Qt.DockWidgetArea.RightDockWidgetArea)
    window.tabifyDockWidget(beside, dock)
    dock.hide()
    return StressDock(window, dock, panel)
