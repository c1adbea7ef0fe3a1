"""The still picture of a live drag: the view draws the part of the scene standing still as one
pixmap while the moving companies and arrows are drawn live on top of it (see live.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QPixmap, QTransform

from editor.canvas.backref import Backref

if TYPE_CHECKING:
    from editor.canvas.view import DiagramView

ViewKey = tuple[QTransform, int, int, QSize]


class StillPicture:
    """A view's picture of the still part of its scene, valid while zoom, scroll and size stay."""

    def __init__(self, view: DiagramView) -> None:
        self._view = Backref(view)
        self._pixmap: QPixmap | None = None
        self._key: ViewKey | None = None   # zoom, scroll and size it was taken at

    def _view_key(self) -> ViewKey:
        view = self._view()
        return (view.transform(), view.horizontalScrollBar().value(), view.verticalScrollBar().value(),
                view.viewport().size())

    def shown(self) -> bool:
        return self._pixmap is not None

    def take(self) -> None:
        """Draw the still part into a picture and stop drawing it as items."""
        view = self._view()
        scene = view.scene()
        vp = view.viewport()
        dpr = vp.devicePixelRatioF()
        pix = QPixmap(vp.size() * dpr)
        pix.setDevicePixelRatio(dpr)
        pix.fill(QColor(scene.style.background))
        self._pixmap = None
        if scene.labels_pending():   # render() does not go through paintEvent()
            scene.realize_labels()
        painter = QPainter(pix)
        painter.setRenderHints(view.renderHints())
        target = QRectF(0, 0, vp.width(), vp.height())
        scene.render_still_part(lambda: view.render(painter, target, vp.rect()))
        painter.end()
        self._pixmap, self._key = pix, self._view_key()
        scene.hide_still_part()
        vp.update()

    def forget(self) -> None:
        """Drop the picture without drawing the items again (the drag ends)."""
        self._pixmap = None

    def drop(self) -> None:
        """The picture no longer matches (zoom, scroll, size or a model change): draw the items."""
        if self._pixmap is not None:
            self._pixmap = None
            view = self._view()
            view.scene().show_still_part()
            view.scene().set_live_clip(None)
            view.viewport().update()

    def draw(self, painter: QPainter) -> bool:
        """Draw the picture as the view's background; False if there is none (or it was stale)."""
        if self._pixmap is None:
            return False
        if self._view_key() != self._key:
            self.drop()
            return False
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(0, 0, self._pixmap)
        painter.restore()
        return True
