"""The main window's panels as docks: their default places and sizes, and the saved layout.

:class:`DockLayout` is a collaborator of the main window: it makes each dock, puts
them back in their default places (at the first start and on View → Reset Layout),
and saves the layout only while the canvas keeps a usable size, so a squeezed
canvas is never what the next start opens with.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from editor import settings

#: The smallest canvas worth keeping (a layout that leaves less is not saved).
MIN_CANVAS_WIDTH, MIN_CANVAS_HEIGHT = 360, 240


class DockLayout:
    """The docks of ``window`` around ``canvas`` (the window's central widget)."""

    def __init__(self, window: QMainWindow, canvas: QWidget) -> None:
        self.window = window
        self.canvas = canvas
        self.docks: dict[str, QDockWidget] = {}
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        window.setDockNestingEnabled(True)

    def add(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """A closable, movable, floatable dock named ``dock_KEY`` (its name keys the saved layout)."""
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        feature = QDockWidget.DockWidgetFeature
        dock.setFeatures(feature.DockWidgetClosable | feature.DockWidgetMovable | feature.DockWidgetFloatable)
        self.window.addDockWidget(area, dock)
        self.docks[key] = dock
        return dock

    def place_defaults(self) -> None:
        """The default layout: Inspector, catalogues and history tabbed at the right (the Stress Test
        beside them when open); the timeline right under the canvas, the loops and metrics under it."""
        w = self.window
        right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
        d = self.docks
        for key, area in (("inspector", right), ("catalogue", right), ("history", right),
                          ("timeline", bottom), ("loops", bottom), ("metrics", bottom)):
            d[key].setFloating(False)
            w.addDockWidget(area, d[key])
            d[key].show()
        w.tabifyDockWidget(d["inspector"], d["catalogue"])
        w.tabifyDockWidget(d["catalogue"], d["history"])
        w.tabifyDockWidget(d["history"], d["stress"])
        d["inspector"].raise_()  # the Inspector is the tab in front
        w.splitDockWidget(d["timeline"], d["loops"], Qt.Orientation.Vertical)
        w.splitDockWidget(d["loops"], d["metrics"], Qt.Orientation.Horizontal)
        width = max(w.width(), 1024)
        w.resizeDocks([d["inspector"]], [min(380, width // 4)], Qt.Orientation.Horizontal)
        share = 54 if width >= 1200 else 60  # a narrow window gives the loops more room
        w.resizeDocks([d["loops"], d["metrics"]], [width * share // 100, width * (100 - share) // 100],
                      Qt.Orientation.Horizontal)
        w.resizeDocks([d["loops"]], [min(300, max(w.height(), 700) // 3)], Qt.Orientation.Vertical)
        w.resizeDocks([d["timeline"]], [96], Qt.Orientation.Vertical)

    def first_size(self) -> QSize:
        """1400 × 900, or the screen's free area on a smaller screen (the window never opens larger)."""
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return QSize(1400, 900)
        free = screen.availableGeometry()
        return QSize(min(1400, free.width()), min(900, free.height()))

    def canvas_is_usable(self) -> bool:
        """Whether the canvas has at least its usable minimum size."""
        return self.canvas.width() >= MIN_CANVAS_WIDTH and self.canvas.height() >= MIN_CANVAS_HEIGHT

    def save(self, s: QSettings) -> None:
        """Remember the window's geometry, and its layout while the canvas is usable."""
        s.setValue("window/geometry", self.window.saveGeometry())
        if self.canvas_is_usable():
            s.setValue("window/state", self.window.saveState())
        else:  # a squeezed canvas is not worth keeping: the next start uses the default layout
            s.remove("window/state")

    def settle(self) -> None:
        """Once the panels are in their docks (they come after the first paint, in docks that held
        placeholders): the saved layout again, or the default one, now sized by the panels."""
        state = settings.app_settings().value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.window.restoreState(state)
        else:
            self.place_defaults()

    def restore(self) -> None:
        """The geometry and layout saved by the last window, if any."""
        s = settings.app_settings()
        geometry, state = s.value("window/geometry"), s.value("window/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.window.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.window.restoreState(state)
