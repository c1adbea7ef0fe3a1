"""Tooltip texts: the analysis glossary's plain-language definitions."""
from __future__ import annotations

from editor.analysis.glossary import GLOSSARY  # plain texts: the analysis itself is not imported

_EXTRA = {
    "total_amount": "All known amounts in the diagram added up, whatever their type.",
    "valuation_revenue": "Valuation divided by revenue, when both are known.",
}


def tip(key: str) -> str:
    """The definition of ``key`` as rich text that wraps in a tooltip."""
    text = GLOSSARY.get(key) or _EXTRA.get(key, "")
    return f"<p style='white-space:pre-wrap; max-width:320px'>{text}</p>" if text else ""


#: What the analysis panels show while the first analysis of a newly opened diagram runs.
COMPUTING = "computing…"
