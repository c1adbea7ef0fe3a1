"""Canvas gestures, one small class each: select/move, add company, draw flow, in-place editing."""
from .add_company import AddCompanyTool
from .base import Tool
from .draw_flow import DrawFlowTool
from .inplace import InPlaceEditor
from .select import SelectMoveTool

__all__ = ["AddCompanyTool", "DrawFlowTool", "InPlaceEditor", "SelectMoveTool", "Tool"]
