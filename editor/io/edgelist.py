"""Edge lists: a flows table (and an optional companies table) <-> a diagram.

A flows table has one row per money flow with a header row; ``source`` and
``target`` (company names) are required, all other columns are optional (see
docs/formats.md). Reading is split so an import dialog can preview it:

    table = read_table(path)                       # raw rows with row numbers
    mapping = guess_columns(table.headers)          # field -> header, for the user to confirm
    diagram, problems = build_diagram(table, mapping)  # problems name row and column

``load_table(path)`` does all three and raises :class:`InputError` listing the
first problems, so nothing is ever half-loaded. The column guess is
:mod:`editor.io.columns`; the records are built by :mod:`editor.io.tablerows`. The inverse (``flow_rows``/
``company_rows``, for the CSV/XLSX export) is in :mod:`editor.io.tables`; merging
an imported diagram into an open one is :mod:`editor.io.merge`. No Qt here.
"""
from __future__ import annotations

import gc
import os
from collections.abc import Mapping
from pathlib import Path

from editor.io.catalogues import read_catalogues
from editor.io.columns import guess_columns
from editor.io.companycolumns import build_companies
from editor.io.errors import InputError
from editor.io.fields import COMPANY_COLUMNS, FLOW_COLUMNS
from editor.io.kumu import pick_sheets
from editor.io.tablecolumns import build_flows
from editor.io.tablerows import RecordBuilder, company_row, flow_row
from editor.io.tables import TEXT_EXTENSIONS, XLSX_EXTENSIONS, Row, Table, read_text_table
from editor.io.tableshapes import (
    COMPANY_NUMBER_FIELDS,
    Problem,
    direction_column,
    fix_decimals,
    kumu_columns,
    shown_marks,
    split_multi,
    unread_columns,
)
from editor.io.workbook import read_workbook
from editor.model import Diagram, ModelError
from editor.model.layout import layout_positions
from editor.model.texts import Joined, msg

#: Columns of a flows table and of a companies table, in export order (from the records).
FLOW_FIELDS = FLOW_COLUMNS
COMPANY_FIELDS = COMPANY_COLUMNS
REQUIRED_FLOW_FIELDS = ("source", "target")
MAX_LISTED_PROBLEMS = 5

# ----------------------------------------------------------------- reading
def read_tables(path: str | os.PathLike, companies_path: str | os.PathLike | None = None
                ) -> tuple[Table, Table | None, dict[str, Table]]:
    """The flows table, the companies table (or None) and any other sheets of a workbook."""
    p = Path(path)
    suffix = p.suffix.lower()
    extra: dict[str, Table] = {}
    if suffix in XLSX_EXTENSIONS:
        sheets = read_workbook(p)
        flows_name, companies_name = pick_sheets(sheets, _looks_like_flows, _looks_like_companies)
        flows = sheets[flows_name]
        if flows_name != next(iter(sheets)):
            flows.notes.append(msg("read the flows from the sheet {flows} and the companies from {companies}",
                                   flows=repr(flows_name), companies=repr(companies_name)) if companies_name
                               else msg("read the flows from the sheet {flows}", flows=repr(flows_name)))
        companies = sheets[companies_name] if companies_name else None
        extra = {n: t for n, t in sheets.items() if n not in (flows_name, companies_name)}
    elif suffix in TEXT_EXTENSIONS:
        flows, companies = read_text_table(p), None
        sibling = companies_table_beside(p)
        if companies_path is None and sibling is not None:
            companies = read_text_table(sibling)
            flows.notes.append(msg("also read the companies table {file}", file=sibling.name))
    else:
        expected = ", ".join(TEXT_EXTENSIONS + XLSX_EXTENSIONS)
        raise InputError(msg("{file}: not a table file (expected {expected})", file=p.name,
                             expected=expected))
    if companies_path is not None:
        companies = read_tables(companies_path)[0]
    return flows, companies, extra


def _looks_like_flows(headers: list[str]) -> bool:
    m = guess_columns(headers)
    return all(f in m or f"{f}_id" in m for f in REQUIRED_FLOW_FIELDS)


def _looks_like_companies(headers: list[str]) -> bool:
    return "name" in guess_columns(headers, "companies") and not _looks_like_flows(headers)


def companies_table_beside(path: Path) -> Path | None:
    """``deals-companies.csv`` next to ``deals.csv`` (what the CSV export writes), if it exists."""
    if path.stem.endswith("-companies"):
        return None
    sibling = path.with_name(f"{path.stem}-companies{path.suffix}")
    return sibling if sibling.is_file() else None


def read_table(path: str | os.PathLike) -> Table:
    return read_tables(path)[0]


def read_rows(path: str | os.PathLike) -> tuple[list[str], list[Row]]:
    """The header and the data rows (with spreadsheet row numbers) of a flows table."""
    t = read_table(path)
    return t.headers, t.rows


def load_table(path: str | os.PathLike, companies_path: str | os.PathLike | None = None,
               *, unit: str | None = None) -> Diagram:
    """Read an edge list (CSV/TSV/XLSX) as a new diagram; raises InputError on any problem."""
    return load_table_with_notes(path, companies_path, unit=unit)[0]


def load_table_with_notes(path: str | os.PathLike, companies_path: str | os.PathLike | None = None,
                          *, unit: str | None = None, decimal_mark: str | None = None,
                          place: bool = True) -> tuple[Diagram, list[str]]:
    """:func:`load_table`, with the notes of the reading (encoding guessed, sheets skipped...).

    ``decimal_mark`` (',' or '.') settles number columns whose decimal mark the cells leave open.
    ``place=False`` leaves new companies without an automatic layout (for commands that do not draw).
    """
    # The cyclic garbage collector would walk everything already loaded (networkx, numpy...) several
    # times while the rows are read, for garbage the reading does not make: it is paused meanwhile.
    paused = gc.isenabled()
    gc.disable()
    try:
        flows, companies, extra = read_tables(path, companies_path)
        notes: list[str] = []
        diagram, problems = build_diagram(flows, guess_columns(flows.headers), companies=companies,
                                          extra=extra, unit=unit, decimal_mark=decimal_mark, notes=notes,
                                          place=place)
    finally:
        if paused:
            gc.enable()
    if problems:
        raise InputError(summarize(problems))
    return diagram, list(flows.notes) + (list(companies.notes) if companies else []) + notes


def summarize(problems: list[Problem]) -> str:
    shown = Joined([str(p) for p in problems[:MAX_LISTED_PROBLEMS]], "; ")
    more = len(problems) - MAX_LISTED_PROBLEMS
    return msg("{problem} (and {count} more problem(s))", problem=shown, count=more) if more > 0 else shown


def _records(b: RecordBuilder, flows: Table, mapping: Mapping[str, str], companies: Table | None,
             cmap: Mapping[str, str], *, fast: bool) -> bool:
    """Fill ``b`` with the companies and flows of the tables, and the problems of their rows.

    ``fast``: the flows as whole columns (:mod:`editor.io.tablecolumns`) when every company
    row read; False when a flow cell does not read that way (then ``b`` is spoilt).
    """
    if companies is not None:
        if "name" not in cmap:
            b.problems.append(Problem(companies.source, None, None,
                                      msg("no 'name' column (the header has: {headers})",
                                          headers=", ".join(companies.headers))))
        elif not (fast and build_companies(b, companies, cmap)):
            for row in companies.rows:
                company_row(b, companies, row, cmap)
    if fast and not b.problems:
        return build_flows(b, flows, mapping)
    for row in flows.rows:
        flow_row(b, flows, row, mapping)
    return True


def _diagram(b: RecordBuilder, source: str) -> Diagram:
    """The diagram of ``b``'s records, built in one go (companies, then flows)."""
    d = b.diagram
    try:
        return Diagram.build(companies=b.companies.values(), flows=b.flows, flow_types=d.flow_types(),
                             categories=d.categories(), metadata=d.metadata)
    except ModelError:  # pragma: no cover - the builder gives every record a free id; add what fits
        pass
    try:
        for c in b.companies.values():
            d.add_company(c)
        for f in b.flows:
            d.add_flow(f)
    except ModelError as e:  # pragma: no cover - the checks above come first
        b.problems.append(Problem(source, None, None, str(e)))
    return d


def place_companies(diagram: Diagram, ids: list[str]) -> None:
    """Give the companies ``ids`` of a diagram just read their places (the automatic layout)."""
    if ids:
        diagram.move_companies(layout_positions(diagram, ids))


def build_diagram(flows: Table, mapping: Mapping[str, str], *, companies: Table | None = None,
                  companies_mapping: Mapping[str, str] | None = None, unit: str | None = None,
                  extra: Mapping[str, Table] | None = None, place: bool = True,
                  decimal_mark: str | None = None, notes: list[str] | None = None,
                  unplaced: list[str] | None = None) -> tuple[Diagram, list[Problem]]:
    """Build a diagram from the rows that can be read; ``problems`` lists the others.

    ``mapping`` is ``{field: header}`` (from :func:`guess_columns`, confirmed by the
    user). New companies without a position are placed by :func:`layout_positions`
    unless ``place`` is false (a quick check of the rows, as an import preview does).
    ``decimal_mark`` settles number columns whose cells leave the decimal mark open;
    ``notes`` (when given) receives what the reading changed or left out, and ``unplaced`` (when
    given) the ids of the new companies left without a position (``place`` false), for
    :func:`place_companies` to place later.
    """
    notes = [] if notes is None else notes
    mapping = kumu_columns(flows, direction_column(flows, mapping, notes))
    flows = split_multi(flows, mapping, notes)
    problems: list[Problem] = []
    for fld in REQUIRED_FLOW_FIELDS:
        if fld not in mapping and f"{fld}_id" not in mapping:
            problems.append(Problem(flows.source, None, None,
                                    msg("no '{field}' column (the header has: {headers})", field=fld,
                                        headers=", ".join(flows.headers))))
    for fld, header in mapping.items():
        if header not in flows.headers:
            problems.append(Problem(flows.source, None, None, msg("no column named {header} for {field}",
                                                                  header=repr(header), field=fld)))
    if problems:
        return Diagram(), problems
    metadata, types, categories, extra_problems = read_catalogues(extra or {}, unit)
    if extra_problems:
        return Diagram(), extra_problems
    cmap = dict(companies_mapping or guess_columns(companies.headers, "companies")) if companies else {}
    number_columns = [(flows, [mapping.get("amount")])]
    if companies is not None:
        number_columns.append((companies, [cmap.get(f) for f in COMPANY_NUMBER_FIELDS]))
    marks = {m for t, hs in number_columns for m in shown_marks(t, hs)}
    hint = decimal_mark or (marks.pop() if len(marks) == 1 else None)
    flows, problems = fix_decimals(flows, number_columns[0][1], hint)
    if companies is not None:
        companies, more = fix_decimals(companies, number_columns[1][1], hint)
        problems += more
    if problems:
        return Diagram(), problems
    unread_columns(flows, mapping, notes)
    if companies is not None:
        unread_columns(companies, cmap, notes)
    b = RecordBuilder(unit, metadata, types, categories)
    if not _records(b, flows, mapping, companies, cmap, fast=True):
        b = RecordBuilder(unit, metadata, types, categories)
        _records(b, flows, mapping, companies, cmap, fast=False)
    d = _diagram(b, flows.source)
    new = [cid for cid in b.companies if cid not in b.placed]
    if place:
        place_companies(d, new)
    elif unplaced is not None:
        unplaced.extend(new)
    if b.renamed:
        first = ", ".join(b.renamed[:3])
        shown = msg("{first} and {count} more", first=first, count=len(b.renamed) - 3) if len(b.renamed) > 3 \
            else first
        notes.append(msg("{count} flow id(s) were also company ids and were renamed ({shown})",
                         count=len(b.renamed), shown=shown))
    if b.undirected:
        notes.append(msg("{count} undirected row(s) were read as flows from source to target; check their "
                         "direction", count=b.undirected))
    return d, b.problems
