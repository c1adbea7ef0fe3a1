"""Which company and flow fields the file formats carry, derived from the model's records.

The record dataclasses (:class:`editor.model.Company`, :class:`editor.model.Flow`) are
the one list of fields; the native format, the CSV/XLSX tables and GraphML/GEXF all
take their field lists from here, so a field added to a record is carried by every
format (``tests/test_io_fields.py`` checks it). A format that cannot keep a field
lists it in :data:`DROPPED` with the reason. No Qt here.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from editor.model import Category, Company, Flow, FlowType

#: Kinds of a record field, read from its annotation.
TEXT = "text"
NUMBER = "number"
OPTIONAL_NUMBER = "optional number"
_KINDS = {"str": TEXT, "float": NUMBER, "float | None": OPTIONAL_NUMBER}


def field_specs(cls: type) -> dict[str, tuple[str, bool]]:
    """``{field: (kind, required)}`` of a record class, in declaration order."""
    out: dict[str, tuple[str, bool]] = {}
    for f in dataclasses.fields(cls):
        kind = _KINDS.get(f.type if isinstance(f.type, str) else getattr(f.type, "__name__", ""))
        if kind is None:
            raise TypeError(f"{cls.__name__}.{f.name}: no file kind for the annotation {f.type!r}")
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        out[f.name] = (kind, required)
    return out


def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


COMPANY_SPECS = field_specs(Company)
FLOW_SPECS = field_specs(Flow)
FLOW_TYPE_SPECS = field_specs(FlowType)
CATEGORY_SPECS = field_specs(Category)

#: Company fields holding numbers (valuation, revenue, profit, x, y, size).
COMPANY_NUMBERS = tuple(n for n, (kind, _) in COMPANY_SPECS.items() if kind != TEXT)
#: Company text fields besides the id and the name (category, dates and periods, notes).
COMPANY_TEXTS = tuple(n for n, (kind, _) in COMPANY_SPECS.items() if kind == TEXT and n not in ("id", "name"))
#: Company fields after id, name and category, in declaration order.
COMPANY_DETAILS = tuple(n for n in COMPANY_SPECS if n not in ("id", "name", "category"))
#: Flow text fields besides the id and the two ends (type, qualifier, unit, dates, status, url, note).
FLOW_TEXTS = tuple(n for n, (kind, _) in FLOW_SPECS.items()
                   if kind == TEXT and n not in ("id", "source", "target"))

#: Columns of a flows table, in export order: the ends and the type by name, the
#: other fields, then the ids (``source_id``/``target_id`` tell apart companies sharing a name).
FLOW_COLUMNS = tuple(n for n in FLOW_SPECS if n != "id") + ("id", "source_id", "target_id")
#: Columns of a companies table, in export order: the category by name, the id last.
COMPANY_COLUMNS = tuple(n for n in COMPANY_SPECS if n != "id") + ("id",)

#: Fields a format does not keep, by format name: ``{format: {"Company.x": reason}}``.
#: Every format named in :mod:`editor.io.formats` that holds data keeps every field.
DROPPED: dict[str, dict[str, str]] = {
    "Roundtrip diagram": {},
    "CSV edge list": {},
    "Excel workbook": {},
    "GraphML for yEd": {},
    "GraphML": {},
    "GEXF (Gephi)": {},
    "Kumu workbook": {},
}


def record_row(record: Any, columns: tuple[str, ...], named: dict[str, dict[str, str]]) -> list[Any]:
    """The cells of ``record`` for ``columns``: fields in ``named`` shown by name, ``*_id`` columns by id."""
    row: list[Any] = []
    for col in columns:
        if col in named:
            row.append(named[col][getattr(record, col)])
        elif col.endswith("_id") and col[:-3] in named:
            row.append(getattr(record, col[:-3]))
        else:
            row.append(getattr(record, col))
    return row
