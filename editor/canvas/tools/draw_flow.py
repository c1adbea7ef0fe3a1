"""Draw flow: drag from one company to another; the amount is typed in place at once.

A dashed rubber arrow follows the mouse. Dropping on another company adds the
flow (of the view's current flow type) through the document; dropping on
empty space or on the starting company draws nothing.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from editor.canvas.tools.base import Tool
from editor.i18n import error_text
from editor.model import ModelError


class DrawFlowTool(Tool):
    name = "draw_flow"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, view) -> None:
        super().__init__(view)
        self._source: str | None = None
        self._rubber: QGraphicsPathItem | None = None

    def busy(self) -> bool:
        return self._source is not None

    def press(self, event, pos: QPointF) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        source = self.scene.company_at(pos)
        if source is None:
            self.view.statusMessage.emit(
                QCoreApplication.translate("Tools", "Drag from one company to another to draw a flow."))
            return True
        self._source = source
        color = QColor(self.document.diagram.flow_type(self.view.current_flow_type()).color)
        pen = QPen(color, 2.0, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap)
        self._rubber = QGraphicsPathItem()
        self._rubber.setPen(pen)
        self._rubber.setBrush(color)
        self._rubber.setZValue(100)
        self.scene.addItem(self._rubber)
        self._update_rubber(pos)
        return True

    def _update_rubber(self, pos: QPointF) -> None:
        src = self.scene.company_item(self._source)
        start, end = src.pos(), QPointF(pos)
        target = self.scene.company_at(pos)
        if target is not None and target != self._source:
            t = self.scene.company_item(target)
            d = t.pos() - start
            n = math.hypot(d.x(), d.y()) or 1.0
            end = t.pos() - d * ((t.radius + 2) / n)
        d = end - start
        n = math.hypot(d.x(), d.y())
        path = QPainterPath()
        if n > src.radius:
            ux, uy = d.x() / n, d.y() / n
            path.moveTo(start + QPointF(ux, uy) * src.radius)
            path.lineTo(end)
            base = end - QPointF(ux, uy) * 10
            path.moveTo(end)
            path.lineTo(base + QPointF(-uy, ux) * 5)
            path.lineTo(base - QPointF(-uy, ux) * 5)
            path.closeSubpath()
        if self._rubber is not None:
            self._rubber.setPath(path)

    def move(self, event, pos: QPointF) -> bool:
        if self._source is None:
            return False
        self._update_rubber(pos)
        return True

    def release(self, event, pos: QPointF) -> bool:
        if self._source is None:
            return event.button() == Qt.MouseButton.LeftButton
        source = self._source
        target = self.scene.company_at(pos)
        self.cancel()
        if target is None or target == source:
            self.view.statusMessage.emit(
                QCoreApplication.translate("Tools", "No flow drawn: drop the arrow on another company."))
            return True
        try:
            fid = self.document.add_flow(source, target, self.view.current_flow_type())
        except ModelError as e:
            self.view.statusMessage.emit(
                QCoreApplication.translate("Tools", "Cannot add the flow: {error}").format(
                    error=error_text(e)))
            return True
        self.scene.select_ids(flow_ids=[fid])
        self.view.edit_flow_amount(fid)
        return True

    def cancel(self) -> None:
        if self._rubber is not None:
            self.scene.removeItem(self._rubber)
        self._rubber = None
        self._source = None
