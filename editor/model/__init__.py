"""The diagram model: companies, money flows, catalogues, change events. No Qt."""
from editor.model.catalogue import DEFAULT_CATEGORIES, DEFAULT_FLOW_TYPES
from editor.model.diagram import Diagram, Metadata, Snapshot
from editor.model.entities import (
    DEFAULT_UNIT,
    MAX_AMOUNT,
    QUALIFIER_LABELS,
    QUALIFIERS,
    STATUSES,
    Category,
    Company,
    Flow,
    FlowType,
    check_amount,
    check_date,
    date_key,
)
from editor.model.errors import ModelError
from editor.model.events import Change, ChangeKind

__all__ = [
    "DEFAULT_CATEGORIES", "DEFAULT_FLOW_TYPES", "DEFAULT_UNIT", "MAX_AMOUNT", "QUALIFIERS",
    "QUALIFIER_LABELS", "STATUSES", "Category", "Change", "ChangeKind", "Company", "Diagram", "Flow",
    "FlowType",
    "Metadata", "ModelError", "Snapshot", "check_amount", "check_date", "date_key",
]
