"""Canvas gestures, one small class each: select/move, add company, draw flow, in-place editing."""
from editor.canvas.tools.add_company import AddCompanyTool
from editor.canvas.tools.base import Tool
from editor.canvas.tools.draw_flow import DrawFlowTool
from editor.canvas.tools.inplace import InPlaceEditor
from editor.canvas.tools.select import SelectMoveTool

__all__ = ["AddCompanyTool", "DrawFlowTool", "InPlaceEditor", "SelectMoveTool", "Tool"]
