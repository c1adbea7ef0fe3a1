"""The Qt canvas: scene (items kept in sync with the model), view (zoom, pan, tools)."""
from .scene import DiagramScene
from .style import CanvasStyle, arrow_width, format_amount, node_radius
from .view import DiagramView

__all__ = ["CanvasStyle", "DiagramScene", "DiagramView", "arrow_width", "format_amount", "node_radius"]
