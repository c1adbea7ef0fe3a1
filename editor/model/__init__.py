"""The diagram model: companies, money flows, catalogues, change events. No Qt."""
from editor.model.catalogue import DEFAULT_CATEGORIES, DEFAULT_FLOW_TYPES
from editor.model.diagram import (
    CATEGORIES_CHANGED, COMPANIES_MOVED, COMPANY_ADDED, COMPANY_CHANGED, COMPANY_REMOVED,
    FLOW_ADDED, FLOW_CHANGED, FLOW_REMOVED, METADATA_CHANGED, RESET, TYPES_CHANGED,
    Change, Diagram, Metadata, Snapshot,
)
from editor.model.entities import (
    DEFAULT_UNIT, MAX_AMOUNT, QUALIFIER_LABELS, QUALIFIERS, STATUSES, Category, Company, Flow,
    FlowType, check_amount, check_date, date_key,
)
from editor.model.errors import ModelError

__all__ = [
    "CATEGORIES_CHANGED", "COMPANIES_MOVED", "COMPANY_ADDED", "COMPANY_CHANGED", "COMPANY_REMOVED",
    "DEFAULT_CATEGORIES", "DEFAULT_FLOW_TYPES", "DEFAULT_UNIT", "FLOW_ADDED", "FLOW_CHANGED",
    "FLOW_REMOVED", "MAX_AMOUNT", "METADATA_CHANGED", "QUALIFIERS", "QUALIFIER_LABELS", "RESET",
    "STATUSES", "TYPES_CHANGED", "Category", "Change", "Company", "Diagram", "Flow", "FlowType",
    "Metadata", "ModelError", "Snapshot", "check_amount", "check_date", "date_key",
]
