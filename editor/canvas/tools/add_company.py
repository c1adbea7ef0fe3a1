"""Add company: a click puts a new company there and opens its name for typing."""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from editor.canvas.tools.base import Tool
from editor.model import ModelError

DEFAULT_NAME = "New company"


class AddCompanyTool(Tool):
    name = "add_company"
    cursor = Qt.CursorShape.CrossCursor

    def press(self, event, pos: QPointF) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if self.view.snap_to_grid:
            pos = self.view.snap(pos)
        try:
            cid = self.document.add_company(DEFAULT_NAME, round(pos.x(), 1), round(pos.y(), 1))
        except ModelError as e:
            self.view.statusMessage.emit(f"Cannot add a company: {e}")
            return True
        self.scene.select_ids([cid])
        self.view.edit_company_name(cid)
        return True

    def release(self, event, pos: QPointF) -> bool:
        return event.button() == Qt.MouseButton.LeftButton
