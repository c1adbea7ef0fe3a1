"""Raw spreadsheet tables: reading CSV/TSV/XLSX into rows of cells, writing them back.

This layer knows files, encodings, sheets and row numbers, not companies or
flows (that is :mod:`editor.io.edgelist`). Row numbers are the ones a user
sees in a spreadsheet program: the header is row 1. No Qt here.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as _dt
import io
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.io.atomic import write_atomic
from editor.io.errors import InputError
from editor.io.fields import COMPANY_COLUMNS, FLOW_COLUMNS, record_row
from editor.io.safe_read import check_regular, progress, read_limited
from editor.model import Diagram
from editor.model.amounts import format_amount

#: Spreadsheets larger than this are refused before reading (bytes).
MAX_TABLE_SIZE = 50 * 1024 * 1024
#: Data rows a table may have: more would make a diagram the canvas cannot show (sum a ledger instead).
MAX_TABLE_ROWS = 100_000
#: Characters in one cell (a long note fits; a cell of a gigabyte does not).
MAX_CELL_CHARS = 32_767
#: Uncompressed bytes of an XLSX (a zip): checked before parsing, so a zip bomb is refused unopened.
MAX_XLSX_UNPACKED = 200 * 1024 * 1024
TEXT_EXTENSIONS = (".csv", ".tsv", ".tab", ".txt")
XLSX_EXTENSIONS = (".xlsx", ".xlsm")


class TooManyRows(InputError):
    """More rows than a diagram holds: summed as a ledger (:mod:`editor.io.ledger`) the table may fit."""


@dataclass
class Row:
    """One data row: its spreadsheet row number and its cells by header name."""

    number: int
    cells: dict[str, Any]


@dataclass
class Table:
    """A sheet: where it came from (for messages), its header and its data rows."""

    source: str
    headers: list[str]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _make_table(source: str, grid: list[list[Any]], numbers: list[int] | None = None) -> Table:
    """Turn a grid (first row = header) into a Table, refusing ambiguous headers."""
    while grid and all(_blank(c) for c in grid[0]):
        grid = grid[1:]
        numbers = numbers[1:] if numbers else None
    if not grid:
        raise InputError(f"{source}: the table is empty (expected a header row with 'source' and 'target')")
    numbers = numbers or list(range(1, len(grid) + 1))
    raw_headers = list(grid[0])
    while raw_headers and _blank(raw_headers[-1]):
        raw_headers.pop()
    headers: list[str] = []
    seen: dict[str, str] = {}
    for i, h in enumerate(raw_headers):
        name = _header_text(h) or f"column {column_letter(i)}"
        key = name.casefold()
        if key in seen:
            raise InputError(f"{source}: the header names column {seen[key]} and column "
                             f"{column_letter(i)} both '{name}'; rename one of them")
        seen[key] = column_letter(i)
        headers.append(name)
    rows: list[Row] = []
    problems: list[str] = []
    for number, cells in zip(numbers[1:], grid[1:], strict=True):
        if all(_blank(c) for c in cells):
            continue
        extra = [c for c in cells[len(headers):] if not _blank(c)]
        if extra:
            problems.append(f"{source}: row {number} has {len(headers) + len(extra)} or more cells "
                            f"but the header has {len(headers)} columns")
        padded = list(cells[:len(headers)]) + [None] * (len(headers) - len(cells))
        rows.append(Row(number, dict(zip(headers, padded, strict=True))))
    if problems:
        more = f" (and {len(problems) - 1} more rows like it)" if len(problems) > 1 else ""
        raise InputError(problems[0] + more)
    return Table(source, headers, rows)


def _header_text(h: Any) -> str:
    if h is None:
        return ""
    if isinstance(h, float) and h.is_integer():
        h = int(h)
    return " ".join(str(h).split())


def _check_file(path: Path) -> int:
    check_regular(path)  # a FIFO or device is refused before anything opens it
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    if path.is_dir():
        raise InputError(f"{path}: this is a folder, not a file")
    if size > MAX_TABLE_SIZE:
        raise InputError(f"{path.name}: the file is {size / 1e6:.0f} MB; Roundtrip reads tables up to "
                         f"{MAX_TABLE_SIZE // (1024 * 1024)} MB")
    return size


# ------------------------------------------------------------------- CSV/TSV
def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode a text table: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").lstrip("\ufeff"), []
        except UnicodeDecodeError:
            raise InputError(f"{name}: the file claims to be UTF-16 but is not readable as such") from None
    head = data[:65536]
    if head.count(b"\x00") > len(head) // 3 or head.startswith((b"%PDF", b"\x89PNG", b"\xd0\xcf\x11\xe0")):
        raise InputError(f"{name}: this is not a text table (it contains binary data); "
                         f"save it as CSV (UTF-8) or XLSX")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as e:
        if b"\x00" in head:
            raise InputError(f"{name}: this is not a text table (it contains binary data); "
                             f"save it as CSV (UTF-8) or XLSX") from None
        line = data[:e.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
            enc = "Windows-1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            enc = "Latin-1"
        return text, [f"{name}: not UTF-8 (first odd byte on line {line}); read as {enc} - "
                      f"check accented names, or save the file as CSV UTF-8"]


def _delimiter(text: str, suffix: str) -> str:
    if suffix in (".tsv", ".tab"):
        return "\t"
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


# A text cell starting with one of these is a formula to Excel and LibreOffice (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")
_NEUTRALISED_SOMEWHERE = re.compile(r"(?:^|[,;\t|\"\n])'+[=+\-@\t\r]")


def neutralise(text: str) -> str:
    """``=cmd`` -> ``'=cmd``: a spreadsheet shows the text instead of evaluating it.

    Text already starting with quotes before such a character gets one more, so
    :func:`unneutralise` gives back exactly what was written.
    """
    if text.startswith(_FORMULA_START) or _NEUTRALISED.match(text):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    """The inverse of :func:`neutralise`, applied by the CSV reader."""
    return text[1:] if _NEUTRALISED.match(text) else text


def read_text_table(path: str | os.PathLike) -> Table:
    p = Path(path)
    _check_file(p)
    data = read_limited(p, MAX_TABLE_SIZE, "reads tables")
    if data.startswith(b"PK\x03\x04"):
        raise InputError(f"{p.name}: this is an Excel workbook, not a CSV file; give it the .xlsx extension")
    if not data.strip():
        raise InputError(f"{p.name}: the file is empty")
    text, notes = decode_text(data, p.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, p.suffix.lower()),
                        strict=True)
    grid: list[list[Any]] = []
    long_cells = len(text) > MAX_CELL_CHARS
    try:
        for record in reader:
            if long_cells and max(map(len, record), default=0) > MAX_CELL_CHARS:
                c = next(i for i, v in enumerate(record) if len(v) > MAX_CELL_CHARS)
                raise InputError(f"{p.name}: row {len(grid) + 1}, column {column_letter(c)}: the cell holds "
                                 f"{len(record[c]):,} characters; Roundtrip reads cells up to "
                                 f"{MAX_CELL_CHARS:,}")
            grid.append(record)
            if len(grid) % 1000 == 0:
                progress(len(grid), 0, "rows")
            if len(grid) > MAX_TABLE_ROWS + 1:
                raise TooManyRows(f"{p.name}: more than {MAX_TABLE_ROWS:,} rows; Roundtrip imports up to "
                                 f"{MAX_TABLE_ROWS:,} (sum a ledger with 'roundtrip convert {p.name} "
                                 f"OUT.roundtrip --aggregate')")
    except csv.Error as e:
        raise InputError(f"{p.name}: row {len(grid) + 1}: not valid CSV ({e})") from None
    if _NEUTRALISED_SOMEWHERE.search(text):
        grid = [[unneutralise(v) for v in record] for record in grid]
    table = _make_table(p.name, grid)
    table.notes.extend(notes)
    return table


# ---------------------------------------------------------------------- XLSX
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]+\d+:?[A-Z]*(\d*)"')
_ROW = re.compile(rb"<(?:\w+:)?row[\s>]")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _column_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _check_zip(p: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    """Refuse a workbook whose parts unpack too large or that declares too many rows, before parsing.

    Returns the merged ranges ``(row0, col0, row1, col1)`` (0-based, inclusive) by sheet part name:
    the streaming reader does not report them.
    """
    import zipfile

    try:
        with zipfile.ZipFile(p) as z:
            infos = z.infolist()
            unpacked = sum(i.file_size for i in infos)
            if unpacked > MAX_XLSX_UNPACKED:
                raise InputError(f"{p.name}: the workbook unpacks to {unpacked / 1e6:,.0f} MB; "
                                 f"Roundtrip reads workbooks up to {MAX_XLSX_UNPACKED // (1024 * 1024)} MB "
                                 f"unpacked")
            merged: dict[str, list[tuple[int, int, int, int]]] = {}
            for info in infos:
                if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                    continue
                with z.open(info) as f:
                    head = f.read(4096)
                m = _DIMENSION.search(head)
                if m and m.group(1) and int(m.group(1)) - 1 > MAX_TABLE_ROWS:
                    raise TooManyRows(f"{p.name}: a sheet declares {int(m.group(1)):,} rows; "
                                     f"Roundtrip imports up to {MAX_TABLE_ROWS:,} rows (sum a ledger with "
                                     f"'roundtrip convert {p.name} OUT.roundtrip --aggregate')")
                data = z.read(info)
                if not (m and m.group(1)):  # no <dimension>: count the rows (openpyxl would parse them all)
                    rows = sum(1 for _ in _ROW.finditer(data))
                    if rows - 1 > MAX_TABLE_ROWS:
                        raise TooManyRows(f"{p.name}: a sheet has {rows:,} rows; Roundtrip imports up to "
                                          f"{MAX_TABLE_ROWS:,} rows (sum a ledger with "
                                          f"'roundtrip convert {p.name} OUT.roundtrip --aggregate')")
                at = data.rfind(b"<mergeCells")
                if at < 0:
                    at = data.rfind(b":mergeCells")
                if at >= 0:
                    merged[info.filename] = [(int(r0) - 1, _column_index(c0), int(r1) - 1, _column_index(c1))
                                             for c0, r0, c1, r1 in _MERGE.findall(data, at)]
            return merged
    except zipfile.BadZipFile as e:
        raise InputError(f"{p.name}: not a readable Excel workbook (.xlsx): {e}") from None


def _sheet_grid(ws: Any, source: str) -> tuple[list[list[Any]], bool]:
    """The cell values of a streamed sheet (capped in rows and cell length), and whether it has formulas."""
    grid: list[list[Any]] = []
    formula = False
    for r, row in enumerate(ws.iter_rows()):
        if r > MAX_TABLE_ROWS:
            raise TooManyRows(f"{source}: more than {MAX_TABLE_ROWS:,} rows; Roundtrip imports up to "
                             f"{MAX_TABLE_ROWS:,} (sum a ledger with 'roundtrip convert FILE OUT.roundtrip "
                             f"--aggregate')")
        values = []
        for c, cell in enumerate(row):
            v = cell.value
            if isinstance(v, str) and len(v) > MAX_CELL_CHARS:
                raise InputError(f"{source}: row {r + 1}, column {column_letter(c)}: the cell holds "
                                 f"{len(v):,} characters; Roundtrip reads cells up to {MAX_CELL_CHARS:,}")
            formula = formula or cell.data_type == "f"
            values.append(v)
        grid.append(values)
        if r % 1000 == 999:
            progress(r + 1, 0, "rows")
    return grid, formula


def read_workbook(path: str | os.PathLike) -> dict[str, Table]:
    """Every non-empty sheet of a workbook, by sheet name (in workbook order).

    The zip is checked (unpacked size, declared rows) before parsing, and the sheets
    are streamed (openpyxl's read-only mode) with caps on rows and cell length.
    """
    import zipfile

    import openpyxl

    p = Path(path)
    _check_file(p)
    if p.stat().st_size == 0:
        raise InputError(f"{p.name}: the file is empty")
    merged = _check_zip(p)
    try:
        formulas = openpyxl.load_workbook(p, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as e:
        raise InputError(f"{p.name}: not a readable Excel workbook (.xlsx): {e}") from None
    except Exception as e:  # openpyxl raises assorted errors on damaged files
        raise InputError(f"{p.name}: not a readable Excel workbook (.xlsx): {type(e).__name__}") from None
    values = None
    tables: dict[str, Table] = {}
    try:
        for ws_f in formulas.worksheets:
            source = f"{p.name}, sheet '{ws_f.title}'"
            f_grid, has_formula = _sheet_grid(ws_f, source)
            grid = f_grid
            if has_formula:
                values = values or openpyxl.load_workbook(p, read_only=True, data_only=True)
                grid = _sheet_grid(values[ws_f.title], source)[0]
                for r, row in enumerate(f_grid):
                    for c, v in enumerate(row):
                        saved = grid[r][c] if c < len(grid[r]) else None
                        if isinstance(v, str) and v.startswith("=") and saved is None:
                            raise InputError(
                                f"{source}: row {r + 1}, column {column_letter(c)}: "
                                f"the formula {v} has no saved result; "
                                f"open the file in a spreadsheet program and save it again")
            for r0, c0, r1, c1 in merged.get(getattr(ws_f, "_worksheet_path", ""), []):
                top = grid[r0][c0] if r0 < len(grid) and c0 < len(grid[r0]) else None
                for r in range(r0, min(r1 + 1, len(grid))):
                    grid[r].extend([None] * (c1 + 1 - len(grid[r])))
                    for c in range(c0, c1 + 1):
                        grid[r][c] = top
            if not any(not _blank(v) for row in grid for v in row):
                continue
            tables[ws_f.title] = _make_table(source, grid)
    finally:
        formulas.close()
        if values is not None:
            values.close()
    if not tables:
        raise InputError(f"{p.name}: every sheet of the workbook is empty")
    return tables


# ------------------------------------------------------------------- writing
def _plain_value(value: Any) -> Any:
    """numpy scalars (from pandas or the analysis) as plain Python numbers."""
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def cell_text(value: Any) -> str:
    """A cell value as CSV text that reads back to the same value."""
    value = _plain_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format_amount(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value)


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, raw: bool = False) -> bytes:
    """UTF-8 CSV with a BOM-free header row, RFC 4180 quoting.

    Text cells that a spreadsheet would run as a formula get a leading ``'``
    (:func:`neutralise`) unless ``raw``; numbers are written as numbers either way.
    """
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(headers if raw else [neutralise(h) for h in headers])
    for row in rows:
        w.writerow([cell_text(v) if raw or not isinstance(v, str) else neutralise(v) for v in row])
    return buf.getvalue().encode("utf-8")


def write_csv(path: str | os.PathLike, headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
              raw: bool = False) -> None:
    write_atomic(path, csv_bytes(headers, rows, raw=raw))


def xlsx_bytes(
        sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]]) -> tuple[bytes, list[str]]:
    """A workbook with one sheet per (name, headers, rows); returns (bytes, notes).

    Text cells are written as text (never as formulas, so a note starting with
    "=" stays a note); characters that XLSX cannot hold are dropped, with a note.
    """
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.utils import get_column_letter

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    notes: list[str] = []
    dropped = 0
    for name, headers, rows in sheets:
        ws = wb.create_sheet(title=name)
        ws.append(list(headers))
        for row in rows:
            out = []
            for v in row:
                v = _plain_value(v)
                if isinstance(v, str) and ILLEGAL_CHARACTERS_RE.search(v):
                    dropped += 1
                    v = ILLEGAL_CHARACTERS_RE.sub("", v)
                out.append(v)
            ws.append(out)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        ws.freeze_panes = "A2"
        for i, h in enumerate(headers, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(str(h)) + 4))
    if dropped:
        notes.append(f"{dropped} text cell(s) held control characters that XLSX cannot store; "
                     "they were dropped")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), notes


# -------------------------------------------------------------- diagram export
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
    notes = []
    if result.loops_truncated:
        why = ("the search ran out of time" if result.loops_timed_out
               else f"at most {result.max_loops} are listed")
        notes.append(f"the loops table is not complete ({why})")
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
