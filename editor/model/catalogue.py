"""Default flow types and company categories of a new diagram.

The flow types follow the colour key of the widely shared 2025 graphic of
circular AI deals (venture investment green, chip purchases pink, service
contracts dark blue) and add the other kinds of money that such maps need.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TypeVar

from editor.model.entities import Category, FlowType

_Entry = TypeVar("_Entry", FlowType, Category)

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


# The names a *new* diagram gives its default types and categories. The interface sets
# them to its language (a new diagram made in the Japanese interface names its types in
# Japanese); files keep the names they were written with, and the command line keeps English.
_type_names: dict[str, str] = {}
_category_names: dict[str, str] = {}


def set_default_names(flow_types: Mapping[str, str], categories: Mapping[str, str]) -> None:
    """Name the defaults of new diagrams (by id); empty mappings bring back the English names."""
    _type_names.clear()
    _type_names.update({k: v for k, v in flow_types.items() if v.strip()})
    _category_names.clear()
    _category_names.update({k: v for k, v in categories.items() if v.strip()})


def default_flow_types() -> tuple[FlowType, ...]:
    """The flow types of a new diagram, named in the interface's language."""
    return tuple(replace(t, name=_type_names.get(t.id, t.name)) for t in DEFAULT_FLOW_TYPES)


def default_categories() -> tuple[Category, ...]:
    """The company categories of a new diagram, named in the interface's language."""
    return tuple(replace(c, name=_category_names.get(c.id, c.name)) for c in DEFAULT_CATEGORIES)


_ENGLISH_TYPE_NAMES = {t.id: t.name for t in DEFAULT_FLOW_TYPES}
_ENGLISH_CATEGORY_NAMES = {c.id: c.name for c in DEFAULT_CATEGORIES}


def default_aliases(entry_id: str, *, category: bool = False) -> tuple[str, ...]:
    """Other names a default type or category answers to: its English and interface names.

    A table written in English ("Venture investment") then finds the type of a diagram
    made in Japanese ("ベンチャー投資"), and the other way round."""
    english = (_ENGLISH_CATEGORY_NAMES if category else _ENGLISH_TYPE_NAMES).get(entry_id)
    local = (_category_names if category else _type_names).get(entry_id)
    return tuple(n for n in (english, local) if n)


def find_by_name(entries: Iterable[_Entry], name: str, *, category: bool) -> _Entry | None:
    """The entry named or identified ``name`` (any case); else a default by its other language's name."""
    folded, listed = name.casefold().strip(), list(entries)
    found = next((e for e in listed if folded in (e.name.casefold(), e.id.casefold())), None)
    return found or next((e for e in listed if any(
        alias.casefold() == folded for alias in default_aliases(e.id, category=category))), None)
