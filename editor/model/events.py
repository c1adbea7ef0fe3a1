"""Change events: what a mutation of the diagram tells its subscribers. No Qt."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ChangeKind(StrEnum):
    """The kinds of change a :class:`~editor.model.Diagram` reports."""

    COMPANY_ADDED = "company_added"
    COMPANY_REMOVED = "company_removed"
    COMPANY_CHANGED = "company_changed"
    COMPANIES_MOVED = "companies_moved"
    FLOW_ADDED = "flow_added"
    FLOW_REMOVED = "flow_removed"
    FLOW_CHANGED = "flow_changed"
    TYPES_CHANGED = "types_changed"
    CATEGORIES_CHANGED = "categories_changed"
    METADATA_CHANGED = "metadata_changed"
    RESET = "reset"


@dataclass(frozen=True)
class Change:
    """What changed: its kind and the ids of the companies or flows it concerns."""

    kind: ChangeKind
    ids: tuple[str, ...] = ()
