"""The overview in the corner of the canvas: the whole map small, the part in the window as a
frame. Shown only while the map is larger than the window; a click or a drag in it moves the
view there. The small picture is drawn again a moment after the diagram changes (not on every
scroll: scrolling only moves the frame). The first picture is drawn right after the overview
first paints (its frame first, empty), not before: rendering the whole scene small is not
worth delaying the window's first paint for.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from editor.canvas.scene import DiagramScene
    from editor.canvas.view import DiagramView


class Minimap(QWidget):
    """An overview of the map, a child of the canvas's view (bottom right of its viewport)."""

    SIZE = QSize(220, 150)
    MARGIN = 10
    REFRESH_MS = 300
    #: Up to this many flows the overview is the map drawn small; above, dots for the companies.
    FULL_PICTURE_UP_TO = 600

    def __init__(self, view: DiagramView) -> None:
        super().__init__(view)
        self._view = view
        self._pixmap: QPixmap | None = None
        self._source = QRectF()      # the scene rect the picture shows
        self._target = QRectF()      # where it is drawn in this widget
        self._content: QRectF | None = None
        self._picture_due = False    # the first picture is drawn after the first paint
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.REFRESH_MS)
        self._timer.timeout.connect(self._draw_picture)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Overview: click or drag to move the view"))
        self.resize(self.SIZE)
        self.hide()

    def watch(self, scene: DiagramScene) -> None:
        scene.diagramChanged.connect(self.refresh_later)
        self.refresh_later()

    def refresh_later(self) -> None:
        self._timer.start()

    def content_rect(self) -> QRectF:
        """The map's rect as of the last change (measured again a moment after each change, not
        on every scroll: measuring walks every item)."""
        if self._content is None:
            self._content = self._measure()
        return self._content

    def _measure(self) -> QRectF:
        scene = self._view.scene()
        if scene is None:
            return QRectF()
        if len(scene.index.flows) > self.FULL_PICTURE_UP_TO:
            rect = scene.bounds.companies_rect()   # (cheaper than every arrow and label)
        else:
            rect = scene.diagram_rect()
        legend = scene.legend_item()
        if legend is not None and legend.isVisible():
            rect = rect.united(legend.sceneBoundingRect())
        return rect

    def wanted(self) -> bool:
        """The map does not fit in the window."""
        content = self.content_rect()
        if content.isEmpty():
            return False
        visible = self._view.mapToScene(self._view.viewport().rect()).boundingRect()
        return not visible.contains(content.adjusted(10, 10, -10, -10))

    def follow_view(self) -> None:
        """Shown or hidden with the map's size against the window; the frame follows the view."""
        if not self.wanted():
            self.hide()
            return
        port = self._view.viewport().geometry()
        self.move(port.right() - self.width() - self.MARGIN, port.bottom() - self.height() - self.MARGIN)
        self.show()
        self.raise_()
        self.update()

    def has_picture(self) -> bool:
        """Whether the small picture of the map is drawn (it is, right after the overview first paints)."""
        return self._pixmap is not None

    def _draw_after_paint(self) -> None:
        """Draw the picture on the event loop, once the paint that asked for it is done."""
        if not self._picture_due:
            self._picture_due = True
            QTimer.singleShot(0, self._draw_due_picture)

    def _draw_due_picture(self) -> None:
        if self._picture_due and self._pixmap is None:
            self._draw_picture()
        self._picture_due = False

    def _draw_picture(self) -> None:
        self._picture_due = False
        scene = self._view.scene()
        self._content = None
        content = self.content_rect()
        if scene is None or content.isEmpty():
            self._pixmap = None
            self.hide()
            return
        content = content.adjusted(-20, -20, 20, 20)
        room = QRectF(4, 4, self.width() - 8, self.height() - 8)
        k = min(room.width() / content.width(), room.height() / content.height())
        w, h = content.width() * k, content.height() * k
        self._target = QRectF(room.left() + (room.width() - w) / 2, room.top() + (room.height() - h) / 2,
                              w, h)
        self._source = content
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(w * ratio)), max(1, round(h * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(scene.style.background))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if len(scene.index.flows) <= self.FULL_PICTURE_UP_TO:
            scene.render(painter, QRectF(0, 0, w, h), content, Qt.AspectRatioMode.KeepAspectRatio)
        else:   # a big map: its companies as dots (drawing every arrow small would take a second)
            painter.setPen(Qt.PenStyle.NoPen)
            for item in scene.index.companies.values():
                painter.setBrush(item.circle_item().pen().color())
                r = max(1.2, item.radius * k)
                x, y = (item.x() - content.left()) * k, (item.y() - content.top()) * k
                painter.drawEllipse(QPointF(x, y), r, r)
        painter.end()
        self._pixmap = pixmap
        if self.isVisible() or self.wanted():
            self.follow_view()

    def _to_scene(self, p: QPointF) -> QPointF:
        if self._pixmap is None:
            self._draw_picture()   # (a click before the first picture: its mapping is needed now)
        t, s = self._target, self._source
        if t.width() <= 0 or t.height() <= 0:
            return s.center()
        return QPointF(s.left() + (p.x() - t.left()) / t.width() * s.width(),
                       s.top() + (p.y() - t.top()) / t.height() * s.height())

    def _to_map(self, r: QRectF) -> QRectF:
        t, s = self._target, self._source
        kx, ky = t.width() / s.width(), t.height() / s.height()
        return QRectF(t.left() + (r.left() - s.left()) * kx, t.top() + (r.top() - s.top()) * ky,
                      r.width() * kx, r.height() * ky)

    def paintEvent(self, event) -> None:
        scene = self._view.scene()
        if scene is None:
            return
        style = scene.style
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(style.legend_border), 1))
        painter.setBrush(QColor(style.background))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        if self._pixmap is None:
            self._draw_after_paint()
        elif not self._source.isEmpty():
            painter.drawPixmap(self._target.topLeft(), self._pixmap)
            visible = self._view.mapToScene(self._view.viewport().rect()).boundingRect()
            frame = self._to_map(visible).intersected(self._target.adjusted(-1, -1, 1, 1))
            color = QColor(style.selection_color)
            painter.setPen(QPen(color, 1.5))
            color.setAlpha(40)
            painter.setBrush(color)
            painter.drawRect(frame)
        painter.end()

    def mousePressEvent(self, event) -> None:
        self._view.centerOn(self._to_scene(event.position()))
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._view.centerOn(self._to_scene(event.position()))
        event.accept()
