"""Kumu's workbook layout (``Elements`` and ``Connections`` sheets): finding the sheets, writing them. No Qt.

Kumu (kumu.io) imports a workbook whose ``Elements`` sheet lists the nodes
(Label, Type, Description, Tags) and whose ``Connections`` sheet lists the links
(From, To, Type, Label, Strength and any custom columns). ``From``/``To`` may name
several elements separated by ``|``. Reading finds the flows sheet by its columns,
so the order of the sheets does not matter; writing produces that layout from a
diagram so that it can be published through Kumu.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from editor.io.atomic import write_atomic
from editor.io.tables import Table, xlsx_bytes
from editor.model import Diagram
from editor.model.texts import msg

#: Kumu's own columns first, then Roundtrip's fields as custom columns (Kumu shows them in the profile).
ELEMENT_HEADERS = ["Label", "Type", "Description", "Tags", "Valuation", "Valuation date", "Revenue",
                   "Revenue period", "Profit", "Profit period", "Size", "X", "Y", "ID"]
CONNECTION_HEADERS = ["From", "To", "Type", "Label", "Strength", "Amount", "Unit", "Qualifier", "Date",
                      "End date", "Status", "Description", "URL", "From ID", "To ID", "ID"]
MULTI = "|"


def pick_sheets(sheets: Mapping[str, Table], looks_like_flows: Any, looks_like_companies: Any
                ) -> tuple[str, str | None]:
    """The flows sheet and the companies sheet of a workbook, by name first, then by columns.

    ``looks_like_flows(headers)`` / ``looks_like_companies(headers)`` tell the kinds apart
    (source and target columns; a name column without them).
    """
    by_name = {n.casefold().strip(): n for n in sheets}
    flows = by_name.get("flows") or by_name.get("connections")
    if flows is None:
        flows = next((n for n, t in sheets.items() if looks_like_flows(t.headers)), None)
        flows = flows or next(iter(sheets))
    companies = by_name.get("companies") or by_name.get("elements")
    if companies is None or companies == flows:
        companies = next((n for n, t in sheets.items() if n != flows and looks_like_companies(t.headers)
                          and n.casefold().strip() not in ("types", "categories", "document", "loops",
                                                           "metrics")), None)
    return flows, companies


def _amount_cell(v: float | None) -> Any:
    return "" if v is None else v


def kumu_sheets(d: Diagram) -> tuple[list[tuple[str, list[str], list[list[Any]]]], list[str]]:
    """The diagram as Kumu's two sheets; notes for what Kumu cannot tell apart."""
    notes: list[str] = []
    names = [c.name for c in d.companies()]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        notes.append(msg("Kumu links elements by label; {count} name(s) are used by more than one company "
                         "({names}): their connections join in Kumu",
                         count=len(twice), names=", ".join(repr(n) for n in twice[:3])))
    elements = [[c.name, d.category(c.category).name, c.notes, "",
                 _amount_cell(c.valuation), c.valuation_date,
                 _amount_cell(c.revenue), c.revenue_period, _amount_cell(c.profit), c.profit_period,
                 _amount_cell(c.size), c.x, c.y, c.id]
                for c in d.companies()]
    connections = []
    for f in d.flows():
        t = d.flow_type(f.type)
        unit = f.unit or d.metadata.unit
        label = t.name if f.amount is None else f"{t.name} {f.amount:g} {unit}".strip()
        connections.append([d.company(f.source).name, d.company(f.target).name, t.name, label,
                            _amount_cell(f.amount), _amount_cell(f.amount), f.unit, f.qualifier, f.date,
                            f.end_date, f.status, f.note, f.url, f.source, f.target, f.id])
    return [("Elements", ELEMENT_HEADERS, elements), ("Connections", CONNECTION_HEADERS, connections)], notes


def save_kumu(d: Diagram, path: str | os.PathLike) -> list[str]:
    """Write the diagram as a Kumu import workbook (atomically); returns notes."""
    sheets, notes = kumu_sheets(d)
    data, xlsx_notes = xlsx_bytes(sheets)
    write_atomic(Path(path), data)
    return notes + xlsx_notes
