"""A diagram written as tables: the flows edge list, the companies, the catalogues and the
analysis (loops and company metrics), as CSV files or one XLSX workbook.

The flows and companies tables read back with :func:`editor.io.edgelist.load_table`.
"""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from editor.io.atomic import write_atomic
from editor.io.fields import COMPANY_COLUMNS, FLOW_COLUMNS, record_row
from editor.io.tables import XLSX_EXTENSIONS, neutralise, write_csv, xlsx_bytes
from editor.model import Diagram
from editor.model.texts import msg


def flow_rows(diagram: Diagram) -> tuple[list[str], list[list[Any]]]:
    """The flows as an edge list that :func:`editor.io.edgelist.load_table` reads back."""
    named = {"source": {c.id: c.name for c in diagram.companies()},
             "target": {c.id: c.name for c in diagram.companies()},
             "type": {t.id: t.name for t in diagram.flow_types()}}
    return list(FLOW_COLUMNS), [record_row(f, FLOW_COLUMNS, named) for f in diagram.flows()]


def formula_like_cells(diagram: Diagram) -> int:
    """How many text cells of the flows and companies tables a spreadsheet would run as formulas."""
    return sum(1 for rows in (flow_rows(diagram)[1], company_rows(diagram)[1]) for row in rows for v in row
               if isinstance(v, str) and neutralise(v) != v)


def company_rows(diagram: Diagram) -> tuple[list[str], list[list[Any]]]:
    named = {"category": {c.id: c.name for c in diagram.categories()}}
    return list(COMPANY_COLUMNS), [record_row(c, COMPANY_COLUMNS, named) for c in diagram.companies()]


def catalogue_rows(diagram: Diagram) -> list[tuple[str, list[str], list[list[Any]]]]:
    meta = diagram.metadata
    return [
        ("types", ["id", "name", "color"], [[t.id, t.name, t.color] for t in diagram.flow_types()]),
        ("categories", ["id", "name", "color"], [[c.id, c.name, c.color] for c in diagram.categories()]),
        ("document", ["field", "value"], [[f.name, getattr(meta, f.name)] for f in dataclasses.fields(meta)]),
    ]


LOOP_COLUMNS = ["rank", "loop", "length", "bottleneck", "partial", "pattern", "date_ordered", "sourced",
                "unsourced_steps", "company_ids", "flow_ids"]
METRIC_COLUMNS = ["name", "inflow", "outflow", "net", "circular", "round_trip_capacity", "round_trip_ratio",
                  "valuation_multiple", "unknown_in", "unknown_out", "id"]

Sheet = tuple[list[str], list[list[Any]]]


def analysis_rows(result: Any) -> tuple[Sheet, Sheet, list[str]]:
    """(loops table, company metrics table, notes) from an analysis result.

    ``result`` is an :class:`editor.analysis.AnalysisResult` computed by the caller
    (this layer does not run the analysis); only its attributes are read here.
    """
    loops = [[i, " -> ".join(loop.company_names + loop.company_names[:1]), loop.length, loop.bottleneck,
              loop.partial, loop.pattern, loop.date_ordered, loop.sourced, loop.unsourced_steps,
              " ".join(loop.company_ids), " ".join(loop.flow_ids)]
             for i, loop in enumerate(result.loops, start=1)]
    metrics = [[m.name, m.inflow, m.outflow, m.net, m.circular, m.round_trip_capacity, m.round_trip_ratio,
                m.valuation_multiple, m.unknown_in, m.unknown_out, m.id] for m in result.company_metrics]
    notes: list[str] = []
    if result.loops_truncated:
        why = (msg("the search ran out of time") if result.loops_timed_out
               else msg("at most {count} are listed", count=result.max_loops))
        notes.append(msg("the loops table is not complete ({why})", why=why))
    return (LOOP_COLUMNS, loops), (METRIC_COLUMNS, metrics), notes


def export_tables(diagram: Diagram, out: str | os.PathLike, analysis: Any, *,
                  raw: bool = False) -> tuple[list[Path], list[str]]:
    """Write CSV or XLSX by ``out``'s extension; returns (files written, notes).

    ``analysis`` is the diagram's analysis result (from
    :func:`editor.analysis.analyze_for_export`), written as the loops and metrics tables.
    CSV: ``out`` holds the flows edge list; ``<stem>-companies.csv``, ``-loops.csv``
    and ``-metrics.csv`` are written next to it (the loops and metrics tables are
    for reading only; importing ignores them); text cells starting with ``=+-@``, tab
    or CR get a leading ``'`` unless ``raw`` (the CSV reader removes it again).
    XLSX: one workbook with the sheets flows, companies, loops, metrics, types, categories and document.
    """
    p = Path(out)
    flows = flow_rows(diagram)
    companies = company_rows(diagram)
    loops, metrics, notes = analysis_rows(analysis)
    if p.suffix.lower() in XLSX_EXTENSIONS:
        sheets = [("flows", *flows), ("companies", *companies), ("loops", *loops), ("metrics", *metrics)]
        sheets += catalogue_rows(diagram)
        data, xlsx_notes = xlsx_bytes(sheets)
        write_atomic(p, data)
        return [p], notes + xlsx_notes
    written = [p]
    write_csv(p, *flows, raw=raw)
    for name, (headers, rows) in (("companies", companies), ("loops", loops), ("metrics", metrics)):
        q = p.with_name(f"{p.stem}-{name}{p.suffix}")
        write_csv(q, headers, rows, raw=raw)
        written.append(q)
    return written, notes
