"""The base of canvas gestures: the view hands each mouse/key event to the current tool first."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt

if TYPE_CHECKING:  # pragma: no cover
    from editor.canvas.view import DiagramView


class Tool:
    """A gesture. Handlers return True when they used the event (the view then stops there)."""

    name = ""
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, view: DiagramView) -> None:
        self.view = view

    @property
    def scene(self):
        return self.view.scene()

    @property
    def document(self):
        return self.view.document

    def activate(self) -> None:
        self.view.viewport().setCursor(self.cursor)

    def deactivate(self) -> None:
        self.cancel()

    def press(self, event, pos: QPointF) -> bool:
        return False

    def move(self, event, pos: QPointF) -> bool:
        return False

    def release(self, event, pos: QPointF) -> bool:
        return False

    def key_press(self, event) -> bool:
        return False

    def busy(self) -> bool:
        """A gesture is under way (Esc cancels it first)."""
        return False

    def cancel(self) -> None:
        """Drop the gesture under way without touching the model."""
