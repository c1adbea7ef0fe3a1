"""The Qt canvas: scene (items kept in sync with the model), view (zoom, pan, tools)."""
from editor.canvas.scene import DiagramScene
from editor.canvas.style import CanvasStyle, arrow_width, format_amount, node_radius
from editor.canvas.view import DiagramView

__all__ = ["CanvasStyle", "DiagramScene", "DiagramView", "arrow_width", "format_amount", "node_radius"]
