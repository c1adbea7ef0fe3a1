"""Add company: a click puts a new company there and opens its name for typing."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, Qt

from editor.canvas.tools.base import Tool
from editor.i18n import error_text
from editor.model import ModelError

DEFAULT_NAME = QT_TRANSLATE_NOOP("Tools", "New company")   # in the interface language when placed


class AddCompanyTool(Tool):
    name = "add_company"
    cursor = Qt.CursorShape.CrossCursor

    def press(self, event, pos: QPointF) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if self.view.snap_to_grid:
            pos = self.view.snap(pos)
        try:
            name = QCoreApplication.translate("Tools", str(DEFAULT_NAME))
            cid = self.document.add_company(name, round(pos.x(), 1), round(pos.y(), 1))
        except ModelError as e:
            self.view.statusMessage.emit(
                QCoreApplication.translate("Tools", "Cannot add a company: {error}").format(
                    error=error_text(e)))
            return True
        self.scene.select_ids([cid])
        self.view.edit_company_name(cid)
        return True

    def release(self, event, pos: QPointF) -> bool:
        return event.button() == Qt.MouseButton.LeftButton
