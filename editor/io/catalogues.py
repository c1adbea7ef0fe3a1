"""The catalogue sheets of a Roundtrip XLSX export (types, categories, document), read back. No Qt."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields

from editor.io.tables import Table
from editor.io.tableshapes import Problem
from editor.io.tableshapes import cell_str as _text
from editor.model import Category, FlowType, Metadata, ModelError


def read_catalogues(extra: Mapping[str, Table], unit: str | None
                ) -> tuple[Metadata | None, list[FlowType] | None, list[Category] | None, list[Problem]]:
    """Read the optional 'types', 'categories' and 'document' sheets a Roundtrip XLSX export holds."""
    problems: list[Problem] = []
    by_name = {n.casefold().strip(): t for n, t in extra.items()}
    found: dict[str, list] = {}
    for sheet, cls in (("types", FlowType), ("categories", Category)):
        table = by_name.get(sheet)
        if table is None:
            continue
        records = []
        for row in table.rows:
            try:
                records.append(cls(*(_text(row.cells.get(k)).strip() for k in ("id", "name", "color"))))
            except ModelError as e:
                problems.append(Problem(table.source, row.number, None, str(e)))
        found[sheet] = records
    metadata = None
    table = by_name.get("document")
    if table is not None:
        allowed = {f.name for f in fields(Metadata)}
        values = {}
        for row in table.rows:
            key, value = _text(row.cells.get("field")).strip(), _text(row.cells.get("value"))
            if key in allowed:
                values[key] = value
        if unit:
            values["unit"] = unit
        try:
            metadata = Metadata(**values)
        except ModelError as e:
            problems.append(Problem(table.source, None, None, str(e)))
    elif unit:
        metadata = Metadata(unit=unit)
    return metadata, found.get("types"), found.get("categories"), problems
