"""Level of detail: labels, names and arrowheads follow the zoom (or an export's scale),
and arrowheads and amount labels are made after the scene is built. Done by the scene's
:class:`LevelOfDetail`.
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QPainter

from editor.canvas.backref import Backref
from editor.canvas.company_item import CompanyItem
from editor.canvas.flow_items import FlowItem
from editor.canvas.gcpause import paused_gc
from editor.canvas.index import SceneIndex
from editor.canvas.items import LOD_HEAD, LOD_TEXT

if TYPE_CHECKING:
    from editor.canvas.scene import DiagramScene


def picture_scale(painter: QPainter, target: QRectF, source: QRectF,
                  mode: Qt.AspectRatioMode) -> tuple[float, float]:
    """The horizontal and vertical scale of rendering ``source`` (not null) into ``target``
    (null: the painter's device) with ``mode``, as QGraphicsScene.render does."""
    tgt = QRectF(target)
    if tgt.isNull():
        device = painter.device()
        tgt = QRectF(0, 0, device.width(), device.height()) if device is not None else source
    sx = tgt.width() / source.width() if source.width() else 1.0
    sy = tgt.height() / source.height() if source.height() else 1.0
    if mode == Qt.AspectRatioMode.KeepAspectRatio:
        sx = sy = min(sx, sy)
    elif mode == Qt.AspectRatioMode.KeepAspectRatioByExpanding:
        sx = sy = max(sx, sy)
    return sx, sy


class LevelOfDetail:
    """What is shown at the current zoom (labels and names, arrowheads), and the heads and labels
    still to be made after a build."""

    # Heads and labels: building a scene leaves the head and amount label items of arrows for
    # later (a big diagram opened at zoom to fit shows neither; making them is ~40 % of a
    # build); a timer makes them a few hundred at a time, and anything that shows labels or
    # heads makes the rest at once. Until then an arrow keeps their numbers (see FlowItem).
    LABELS_PER_TICK = 300
    #: Placing labels in the background takes this long per turn of the event loop, at most.
    PLACE_SECONDS_PER_TICK = 0.012

    def __init__(self, scene: DiagramScene, index: SceneIndex) -> None:
        self._scene = Backref(scene)
        self._index = index
        self._unrealized: list[FlowItem | CompanyItem] = []
        self._labels_shown = True
        self._heads_shown = True
        self._timer = QTimer(scene)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._realize_some)

    @property
    def labels_shown(self) -> bool:
        return self._labels_shown

    @property
    def heads_shown(self) -> bool:
        return self._heads_shown

    def defer(self, item: FlowItem | CompanyItem) -> None:
        """Make this item's head and label (a company's name) later (the scene is being built)."""
        self._unrealized.append(item)

    def start(self) -> None:
        """Start making the deferred heads and labels in the background, and placing the labels
        (the build is done).

        Heads and labels are made only while something of them is shown: zoomed out on a dense
        map, each batch of new items made the view repaint every arrow (100 % of a core for
        minutes, and memory for items nobody sees). Hidden, they wait; showing labels or heads
        makes them at once.
        """
        if (self._unrealized and (self._labels_shown or self._heads_shown)) \
                or self._scene().lanes.labels.pending():
            self._timer.start()

    def drop_pending(self) -> None:
        self._timer.stop()
        self._unrealized = []

    def _realize_some(self) -> None:
        if not (self._labels_shown or self._heads_shown):
            self._timer.stop()   # zoomed out: nothing to show them on; set_*_shown makes them later
            return
        batch = self._unrealized[-self.LABELS_PER_TICK:]
        del self._unrealized[-self.LABELS_PER_TICK:]
        scene = self._scene()
        with paused_gc():
            for item in batch:
                if item.scene() is scene:
                    scene.realize_flow(item)
            placer = scene.lanes.labels
            placer.place_some(self.PLACE_SECONDS_PER_TICK)
        if not self._unrealized and not placer.pending():
            self._timer.stop()

    def realize_labels(self) -> None:
        """Make every arrow's head and label now."""
        scene = self._scene()
        with paused_gc():
            for item in self._unrealized:
                if item.scene() is scene:
                    scene.realize_flow(item)
            self._unrealized = []
            scene.lanes.labels.finish()
        self._timer.stop()

    def realize_next(self, count: int) -> int:
        """During a build (every item is new, none in the scene yet): make the heads and labels (names)
        of the next ``count`` items, in the order of :meth:`realize_labels`; how many are left."""
        batch = self._unrealized[:count]
        del self._unrealized[:count]
        realize = self._scene().realize_flow
        for item in batch:
            realize(item)
        return len(self._unrealized)

    def pending_in_background(self) -> bool:
        """Heads and labels are being made by the timer (not while they wait, hidden), or labels
        are being placed."""
        return (bool(self._unrealized) and self._timer.isActive()) or self._scene().lanes.labels.pending()

    def pending(self) -> bool:
        """Labels or heads are shown but some are not made (or placed) yet; labels left to be placed
        in the background (:meth:`LabelPlacer.place_later`) do not count."""
        waiting = bool(self._unrealized) or self._scene().lanes.labels.needed_now()
        return waiting and (self._labels_shown or self._heads_shown)

    def set_labels_shown(self, shown: bool) -> None:
        shown = bool(shown)
        if shown and (self._unrealized or self._scene().lanes.labels.pending()):
            self.realize_labels()
        if shown == self._labels_shown:
            return
        self._labels_shown = shown
        for item in self._index.flows.values():
            if (label := item.made_label) is not None:
                label.setVisible(shown)
        for company in self._index.companies.values():
            company.set_name_shown(shown)

    def set_heads_shown(self, shown: bool) -> None:
        shown = bool(shown)
        if shown == self._heads_shown:
            return
        self._heads_shown = shown
        if shown and self._unrealized:
            self.realize_labels()
        for item in self._index.flows.values():
            item.set_head_shown(shown)

    def set_level(self, lod: float) -> None:
        self.set_labels_shown(lod >= LOD_TEXT)
        self.set_heads_shown(lod >= LOD_HEAD)

    @contextmanager
    def shown_for(self, painter: QPainter, sx: float, sy: float) -> Iterator[None]:
        """Labels and heads shown or hidden for a picture drawn by ``painter`` at scale ``sx``,
        ``sy`` (as a view at that zoom would), and back as they were afterwards."""
        world = painter.worldTransform()
        lod = math.sqrt(abs(world.determinant() * sx * sy))
        before = (self._labels_shown, self._heads_shown)
        self.set_level(lod)
        if self.pending():
            self.realize_labels()
        try:
            yield
        finally:
            self.set_labels_shown(before[0])
            self.set_heads_shown(before[1])
