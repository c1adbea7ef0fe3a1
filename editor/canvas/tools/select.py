"""Select and move: click, Ctrl+click, drag one or many companies, arrow-key nudges.

During a drag the items move directly (the arrows attached to them follow);
the model is changed once, on release, by one ``document.move_companies``.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, Qt

from editor.canvas.tools.base import Tool
from editor.i18n import error_text
from editor.model import ModelError

#: a press that moves less than this (view pixels) is a click, not a drag
DRAG_THRESHOLD = 2


class SelectMoveTool(Tool):
    name = "select"

    def __init__(self, view) -> None:
        super().__init__(view)
        self._grab: str | None = None
        self._press_view = None
        self._press_scene = QPointF()
        self._start: dict[str, QPointF] = {}
        self._dragging = False

    def busy(self) -> bool:
        return self._grab is not None

    def press(self, event, pos: QPointF) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        owner = self.scene.owner_at(pos)
        if owner is None:
            return False  # empty canvas: the view's rubber band
        kind, oid = owner
        item = self.scene.company_item(oid) if kind == "company" else self.scene.flow_item(oid)
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            item.setSelected(not item.isSelected())
            return True
        if not item.isSelected():
            self.scene.clearSelection()
            item.setSelected(True)
        if kind == "company":
            self._grab = oid
            self._press_view = event.position()
            self._press_scene = QPointF(pos)
            self._start = {c.id: c.pos() for c in self.scene.selectedItems()
                           if getattr(c, "kind", "") == "company"}
            self._dragging = False
        return True

    def move(self, event, pos: QPointF) -> bool:
        if self._grab is None:
            return False
        if not self._dragging:
            d = event.position() - self._press_view
            if abs(d.x()) + abs(d.y()) < DRAG_THRESHOLD:
                return True
            self._dragging = True
            self.view.begin_live_drag(list(self._start))
        self.scene.preview_move(self._targets(pos))
        return True

    def _targets(self, pos: QPointF) -> dict[str, QPointF]:
        delta = pos - self._press_scene
        if self.view.snap_to_grid and self._grab is not None:
            grabbed = self._start[self._grab] + delta
            delta += self.view.snap(grabbed) - grabbed
        return {cid: p + delta for cid, p in self._start.items()}

    def release(self, event, pos: QPointF) -> bool:
        if self._grab is None:
            return False
        if self._dragging:
            targets = self._targets(pos)
            positions = {cid: (round(p.x(), 1), round(p.y(), 1)) for cid, p in targets.items()
                         if p != self._start[cid]}
            start = self._start
            self._reset()
            self.view.end_live_drag()
            try:
                self.document.move_companies(positions)
            except ModelError as e:
                self.scene.preview_move(start)
                self.view.statusMessage.emit(
                    QCoreApplication.translate("Tools", "Cannot move: {error}").format(error=error_text(e)))
        else:
            self._reset()
        return True

    def _reset(self) -> None:
        self._grab = None
        self._start = {}
        self._dragging = False

    def cancel(self) -> None:
        if self._grab is not None and self._dragging:
            self.scene.preview_move(self._start)
            self.view.end_live_drag()
        self._reset()

    def key_press(self, event) -> bool:
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        step = steps.get(event.key())
        if step is None or self._grab is not None:
            return False
        ids, _ = self.scene.selected_ids()
        if not ids:
            return False
        if self.view.snap_to_grid:
            n = self.view.grid_size
        else:
            n = 10.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1.0
        d = self.document.diagram
        positions = {cid: (d.company(cid).x + step[0] * n, d.company(cid).y + step[1] * n) for cid in ids}
        try:
            self.document.move_companies(positions, nudge=True)
        except ModelError as e:
            self.view.statusMessage.emit(
                QCoreApplication.translate("Tools", "Cannot move: {error}").format(error=error_text(e)))
        return True
