"""The scene rect: the diagram plus a margin, set explicitly and grown as companies move out."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from editor.canvas.backref import Backref
from editor.canvas.index import SceneIndex


class SceneBounds:
    """Keeps the scene rect around the companies (arrows and labels stay near them: the margin
    holds them)."""

    #: The scene rect is set explicitly (the diagram plus this margin, growing as companies
    #: move out). Left to Qt, every geometry change (each arrow of each drag step) makes Qt
    #: recompute the bounding box of all items: about 45 ms per step at 2,000/10,000.
    RECT_MARGIN = 600.0

    def __init__(self, scene: QGraphicsScene, index: SceneIndex) -> None:
        self._scene = Backref(scene)
        self._index = index
        self._rect: QRectF | None = None   # the rect set (not sceneRect(): unset, Qt walks every item)

    def fit(self, rect: QRectF, shrink: bool = False) -> None:
        """Make the scene rect hold ``rect`` plus a margin (it only grows, unless ``shrink``)."""
        if rect.isNull():
            rect = QRectF(0, 0, 1, 1)
        current = self._rect
        if not shrink and current is not None and current.contains(rect):
            return
        m = self.RECT_MARGIN
        wanted = rect.adjusted(-m, -m, m, m)
        self._rect = wanted if shrink or current is None else wanted.united(current)
        self._scene().setSceneRect(self._rect)

    def fit_companies(self, company_ids: Iterable[str]) -> None:
        """Grow the scene rect to hold these companies."""
        rect = QRectF()
        companies = self._index.companies
        for cid in company_ids:
            item = companies.get(cid)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        if not rect.isNull():
            self.fit(rect)

    def companies_rect(self) -> QRectF:
        rect = QRectF()
        for item in self._index.companies.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect
