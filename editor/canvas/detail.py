"""Level of detail: labels, names and arrowheads follow the zoom (or an export's scale),
and arrowheads and amount labels are made after the scene is built. Mixed into
:class:`DiagramScene`.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from editor.canvas.items import LOD_HEAD, LOD_TEXT


class DetailMixin:
    # Heads and labels: building a scene leaves the head and amount label items of arrows for
    # later (a big diagram opened at zoom to fit shows neither; making them is ~40 % of a
    # build); a timer makes them a few hundred at a time, and anything that shows labels or
    # heads makes the rest at once. Until then an arrow keeps their numbers (see FlowItem).
    LABELS_PER_TICK = 300

    def _realize_some_labels(self) -> None:
        batch = self._unrealized[-self.LABELS_PER_TICK:]
        del self._unrealized[-self.LABELS_PER_TICK:]
        for item in batch:
            if item.scene() is self:
                self.realize_flow(item)
        if not self._unrealized:
            self._realize_timer.stop()

    def clear(self) -> None:
        """Remove and delete every item (pending label texts and live-move state go too)."""
        self._realize_timer.stop()
        self._unrealized = []
        self._marked = set()
        self._live_items = []
        self._sketch = []
        super().clear()

    def realize_labels(self) -> None:
        """Make every arrow's head and label now."""
        for item in self._unrealized:
            if item.scene() is self:
                self.realize_flow(item)
        self._unrealized = []
        self._realize_timer.stop()

    def labels_pending_in_background(self) -> bool:
        """Heads and labels are still being made a few hundred at a time (after a build)."""
        return bool(self._unrealized)

    def labels_pending(self) -> bool:
        """Labels or heads are shown but some are not made yet (a view calls realize_labels())."""
        return bool(self._unrealized) and (self._labels_shown or self._heads_shown)

    def set_labels_shown(self, shown: bool) -> None:
        """Show or hide all amount labels and company names at once (a view zoomed far out
        hides them, so thousands of labels too small to read cost nothing to paint)."""
        shown = bool(shown)
        if shown and self._unrealized:
            self.realize_labels()
        if shown == self._labels_shown:
            return
        self._labels_shown = shown
        for item in self._flows.values():
            if item.label_made():
                item._label.setVisible(shown)
        for item in self._companies.values():
            item.set_name_shown(shown)

    def set_heads_shown(self, shown: bool) -> None:
        """Show or hide all arrowheads (hidden when zoomed very far out)."""
        shown = bool(shown)
        if shown == self._heads_shown:
            return
        self._heads_shown = shown
        if shown and self._unrealized:
            self.realize_labels()
        for item in self._flows.values():
            item.set_head_shown(shown)

    def set_level_of_detail(self, lod: float) -> None:
        """What is drawn at ``lod`` screen px per scene px: labels and names from LOD_TEXT,
        arrowheads from LOD_HEAD. Called once per zoom change, never per paint."""
        self.set_labels_shown(lod >= LOD_TEXT)
        self.set_heads_shown(lod >= LOD_HEAD)

    @property
    def level_of_detail_state(self) -> tuple[bool, bool]:
        """(labels and names shown, arrowheads shown)."""
        return self._labels_shown, self._heads_shown

    def render(self, painter: QPainter, target: QRectF = QRectF(), source: QRectF = QRectF(),
               mode: Qt.AspectRatioMode = Qt.AspectRatioMode.KeepAspectRatio) -> None:
        """Render like QGraphicsScene.render, with labels and heads shown or hidden for the
        scale of the picture (as a view at that zoom would)."""
        src = QRectF(source) if not source.isNull() else self.sceneRect()
        tgt = QRectF(target)
        if tgt.isNull():
            device = painter.device()
            tgt = QRectF(0, 0, device.width(), device.height()) if device is not None else src
        sx = tgt.width() / src.width() if src.width() else 1.0
        sy = tgt.height() / src.height() if src.height() else 1.0
        if mode == Qt.AspectRatioMode.KeepAspectRatio:
            sx = sy = min(sx, sy)
        elif mode == Qt.AspectRatioMode.KeepAspectRatioByExpanding:
            sx = sy = max(sx, sy)
        self.settle_styles()
        world = painter.worldTransform()
        lod = math.sqrt(abs(world.determinant() * sx * sy))
        before = (self._labels_shown, self._heads_shown)
        self.set_level_of_detail(lod)
        if self.labels_pending():
            self.realize_labels()
        try:
            super().render(painter, target, source, mode)
        finally:
            self.set_labels_shown(before[0])
            self.set_heads_shown(before[1])
