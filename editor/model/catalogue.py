"""Default flow types and company categories of a new diagram.

The flow types follow the colour key of the widely shared 2025 graphic of
circular AI deals (venture investment green, chip purchases pink, service
contracts dark blue) and add the other kinds of money that such maps need.
"""
from __future__ import annotations

from editor.model.entities import Category, FlowType

DEFAULT_FLOW_TYPES: tuple[FlowType, ...] = (
    FlowType("venture", "Venture investment", "#2ca02c"),
    FlowType("equity", "Equity investment", "#17becf"),
    FlowType("purchase", "Chip / hardware purchase", "#e377c2"),
    FlowType("service", "Compute / service contract", "#1f3a93"),
    FlowType("backstop", "Capacity backstop / guarantee", "#ff7f0e"),
    FlowType("revenue", "Revenue / customer payment", "#8c564b"),
    FlowType("warrants", "Warrants / stock", "#9467bd"),
)

DEFAULT_CATEGORIES: tuple[Category, ...] = (
    Category("chipmaker", "Chipmaker", "#76b900"),
    Category("ai_lab", "AI lab", "#10a37f"),
    Category("cloud", "Cloud / data centre", "#4a6fd1"),
    Category("investor", "Investor", "#c9a227"),
    Category("application", "Application company", "#d0587e"),
    Category("other", "Other", "#8a8f98"),
)

#: Colours handed to new user-defined types and categories, in turn.
EXTRA_COLORS = (
    "#d62728", "#bcbd22", "#7f7f7f", "#aec7e8", "#ffbb78",
    "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2",
)
