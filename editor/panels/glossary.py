"""Tooltip texts: the analysis glossary's plain-language definitions, in the interface language.

The analysis package keeps them in English (it has no Qt); they are translated
here at display time in the context "Glossary", the English text being the
source. lupdate cannot see them, so resources/translations/update.py adds them
to the catalogue.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from editor.analysis.glossary import GLOSSARY  # plain texts: the analysis itself is not imported
from editor.i18n import translate

CONTEXT = "Glossary"

_EXTRA = {
    "total_amount": str(QT_TRANSLATE_NOOP("Glossary",
                                      "All known amounts in the diagram added up, whatever their type.")),
    "valuation_revenue": str(QT_TRANSLATE_NOOP("Glossary",
                                           "Valuation divided by revenue, when both are known.")),
}


def definition(key: str) -> str:
    """The plain definition of ``key`` in the interface language ("" when unknown)."""
    text = GLOSSARY.get(key) or _EXTRA.get(key, "")
    return translate(CONTEXT, text) if text else ""


def tip(key: str) -> str:
    """The definition of ``key`` as rich text that wraps in a tooltip."""
    text = definition(key)
    return f"<p style='white-space:pre-wrap; max-width:320px'>{text}</p>" if text else ""


#: What the analysis panels show while the first analysis of a newly opened diagram runs.
COMPUTING = str(QT_TRANSLATE_NOOP("Glossary", "computing…"))


def computing() -> str:
    """:data:`COMPUTING` in the interface language."""
    return translate(CONTEXT, COMPUTING)
