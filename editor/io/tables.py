"""Raw spreadsheet tables: reading CSV/TSV into rows of cells, writing CSV/XLSX back.

This layer knows files, encodings, sheets and row numbers, not companies or
flows (that is :mod:`editor.io.edgelist`); XLSX workbooks are read by
:mod:`editor.io.workbook`, under the limits defined here. Row numbers are the
ones a user sees in a spreadsheet program: the header is row 1. No Qt here.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import itertools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.io.atomic import write_atomic
from editor.io.cells import blank, column_letter, distinct
from editor.io.csvsplit import split_plain
from editor.io.errors import InputError
from editor.io.safe_read import check_regular, read_limited
from editor.model.amounts import format_amount
from editor.model.texts import msg

#: Spreadsheets larger than this are refused before reading (bytes).
MAX_TABLE_SIZE = 50 * 1024 * 1024
#: Data rows a table may have: more would make a diagram the canvas cannot show (sum a ledger instead).
MAX_TABLE_ROWS = 100_000
#: Characters in one cell (a long note fits; a cell of a gigabyte does not).
MAX_CELL_CHARS = 32_767
TEXT_EXTENSIONS = (".csv", ".tsv", ".tab", ".txt")
XLSX_EXTENSIONS = (".xlsx", ".xlsm")


class TooManyRows(InputError):
    """More rows than a diagram holds: summed as a ledger (:mod:`editor.io.ledger`) the table may fit."""


@dataclass
class Row:
    """One data row: its spreadsheet row number and its cells by header name."""

    number: int
    cells: dict[str, Any]


class Table:
    """A sheet: where it came from (for messages), its header and its data rows.

    A table is kept as whole columns (:meth:`column`) when it is read from a file, or as
    :class:`Row` records when it is made from them; each form is made from the other
    when first asked for. Tables are not changed once made: a change makes a new table.
    """

    def __init__(self, source: str, headers: list[str], rows: list[Row] | None = None,
                 notes: list[str] | None = None, *, numbers: Sequence[int] | None = None,
                 columns: Mapping[str, Sequence[Any]] | None = None, text: bool = False) -> None:
        self.source = source
        #: Every cell is a ``str`` (a CSV file without blank or short rows): no cell's type to look at.
        self.text = text and rows is None
        self.headers = headers
        self.notes = [] if notes is None else notes
        self._rows = rows
        self._numbers = None if numbers is None else list(numbers)
        self._columns: dict[str, Sequence[Any]] = dict(columns or {})
        #: What was worked out from the columns once (their distinct cells, decimal marks...), by key.
        self.derived: dict[Any, Any] = {}
        if rows is None and (numbers is None or any(len(c) != len(numbers) for c in self._columns.values())):
            raise ValueError("a table needs its rows, or its row numbers and columns of as many cells")

    @property
    def rows(self) -> list[Row]:
        """The data rows, each with its spreadsheet row number and its cells by header."""
        if self._rows is None:
            numbers = self._numbers or []
            cols = [self.column(h) for h in self.headers]
            self._rows = [Row(n, dict(zip(self.headers, cells, strict=True)))
                          for n, cells in zip(numbers, zip(*cols, strict=True) if cols else
                                              ((),) * len(numbers), strict=True)]
        return self._rows

    @property
    def numbers(self) -> list[int]:
        """The spreadsheet row number of each data row."""
        if self._numbers is None:
            self._numbers = [r.number for r in self.rows]
        return self._numbers

    def column(self, header: str) -> Sequence[Any]:
        """The cells of one column, in row order (None for each row when no column has this header)."""
        col = self._columns.get(header)
        if col is None:
            col = self._columns[header] = ([None] * len(self.numbers) if self._rows is None
                                           else [r.cells.get(header) for r in self._rows])
        return col

    def distinct(self, header: str) -> list[Any]:
        """The column's cells in the order they first appear, each once (kept: a table is not changed)."""
        values = self.derived.get(("distinct", header))
        if values is None:
            col = self.column(header)
            values = list(dict.fromkeys(col)) if self.text else distinct(col)
            self.derived[("distinct", header)] = values
        return values

    def with_columns(self, changed: Mapping[str, Sequence[Any]]) -> Table:
        """A copy of this table with some columns' cells replaced (as many cells, in row order)."""
        columns = {h: self.column(h) for h in self.headers}
        columns.update(changed)
        text = self.text and all(set(map(type, c)) <= {str} for c in changed.values())
        return Table(self.source, self.headers, None, self.notes, numbers=self.numbers, columns=columns,
                     text=text)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Table):
            return NotImplemented
        return (self.source, self.headers, self.rows, self.notes) == (other.source, other.headers, other.rows,
                                                                      other.notes)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Table({self.source!r}, {self.headers!r}, {len(self.numbers)} rows, notes={self.notes!r})"


def make_table(source: str, grid: list[list[Any]], numbers: list[int] | None = None, *,
               text: bool = False, joined: list[str] | None = None) -> Table:
    """Turn a grid (first row = header) into a Table, refusing ambiguous headers.

    ``text``: every cell is a str (a CSV file), so a blank row is found by joining its cells;
    ``joined``: those joined cells of every row of the grid, when the caller has them already.
    """
    if joined is not None and len(joined) != len(grid):
        joined = None
    while grid and all(blank(c) for c in grid[0]):
        grid = grid[1:]
        numbers = numbers[1:] if numbers else None
        joined = joined[1:] if joined is not None else None
    if not grid:
        raise InputError(msg("{source}: the table is empty (expected a header row with 'source' and "
                             "'target')", source=source))
    numbers = numbers or list(range(1, len(grid) + 1))
    raw_headers = list(grid[0])
    while raw_headers and blank(raw_headers[-1]):
        raw_headers.pop()
    headers: list[str] = []
    seen: dict[str, str] = {}
    for i, h in enumerate(raw_headers):
        name = _header_text(h) or f"column {column_letter(i)}"
        key = name.casefold()
        if key in seen:
            raise InputError(msg("{source}: the header names column {first} and column {second} both "
                                 "'{name}'; rename one of them", source=source, first=seen[key],
                                 second=column_letter(i), name=name))
        seen[key] = column_letter(i)
        headers.append(name)
    width = len(headers)
    body = grid[1:]
    even = set(map(len, body)) <= {width}
    rows_joined = joined[1:] if joined is not None else map("".join, body)
    if text and even and all(map(str.strip, rows_joined)):  # no blank row: every row is kept
        columns = dict(zip(headers, zip(*body, strict=True) if body else [()] * width, strict=True))
        return Table(source, headers, None, numbers=numbers[1:], columns=columns, text=True)
    kept: list[Sequence[Any]] = []
    kept_numbers: list[int] = []
    problems: list[str] = []
    for number, cells in zip(numbers[1:], body, strict=True):
        if (not "".join(cells).strip()) if text else all(blank(c) for c in cells):
            continue
        if not even:
            extra = [c for c in cells[width:] if not blank(c)]
            if extra:
                problems.append(msg("{source}: row {row} has {cells} or more cells but the header has "
                                    "{width} columns", source=source, row=number, cells=width + len(extra),
                                    width=width))
            cells = list(cells[:width]) + [None] * (width - len(cells))
        kept.append(cells)
        kept_numbers.append(number)
    if problems:
        raise InputError(msg("{problem} (and {count} more rows like it)", problem=problems[0],
                             count=len(problems) - 1) if len(problems) > 1 else problems[0])
    columns = dict(zip(headers, zip(*kept, strict=True) if kept else [()] * width, strict=True))
    return Table(source, headers, None, numbers=kept_numbers, columns=columns)


def _header_text(h: Any) -> str:
    if h is None:
        return ""
    if isinstance(h, float) and h.is_integer():
        h = int(h)
    return " ".join(str(h).split())


def check_file(path: Path) -> int:
    check_regular(path)  # a FIFO or device is refused before anything opens it
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(msg("{path}: no such file", path=str(path))) from None
    if path.is_dir():
        raise InputError(msg("{path}: this is a folder, not a file", path=str(path)))
    if size > MAX_TABLE_SIZE:
        raise InputError(msg("{file}: the file is {size} MB; Roundtrip reads tables up to {limit} MB",
                             file=path.name, size=f"{size / 1e6:.0f}", limit=MAX_TABLE_SIZE // (1024 * 1024)))
    return size


# ------------------------------------------------------------------- CSV/TSV
def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode a text table: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").lstrip("\ufeff"), []
        except UnicodeDecodeError:
            raise InputError(msg("{file}: the file claims to be UTF-16 but is not readable as such",
                                 file=name)) from None
    head = data[:65536]
    if head.count(b"\x00") > len(head) // 3 or head.startswith((b"%PDF", b"\x89PNG", b"\xd0\xcf\x11\xe0")):
        raise InputError(msg("{file}: this is not a text table (it contains binary data); save it as CSV "
                             "(UTF-8) or XLSX", file=name))
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as e:
        if b"\x00" in head:
            raise InputError(msg("{file}: this is not a text table (it contains binary data); save it as CSV "
                                 "(UTF-8) or XLSX", file=name)) from None
        line = data[:e.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
            enc = "Windows-1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            enc = "Latin-1"
        return text, [msg("{file}: not UTF-8 (first odd byte on line {line}); read as {encoding} - check "
                          "accented names, or save the file as CSV UTF-8", file=name, line=line,
                          encoding=enc)]


def _delimiter(text: str, suffix: str) -> str:
    if suffix in (".tsv", ".tab"):
        return "\t"
    end = text.find("\n")
    first = text if end < 0 else text[:end]  # (not split: the rest of a large text is not copied)
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


def _check_records(name: str, text: str, delimiter: str) -> None:
    """Read the records one by one and raise the first problem: invalid CSV, a cell or the table too long."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    count = 0
    try:
        for record in reader:
            if max(map(len, record), default=0) > MAX_CELL_CHARS:
                c = next(i for i, v in enumerate(record) if len(v) > MAX_CELL_CHARS)
                raise InputError(msg("{source}: row {row}, column {column}: the cell holds {chars} "
                                     "characters; Roundtrip reads cells up to {limit}", source=name,
                                     row=count + 1, column=column_letter(c), chars=f"{len(record[c]):,}",
                                     limit=f"{MAX_CELL_CHARS:,}"))
            count += 1
            if count > MAX_TABLE_ROWS + 1:
                raise TooManyRows(msg("{file}: more than {limit} rows; Roundtrip imports up to {limit} (sum "
                                      "a ledger with 'roundtrip convert {file} OUT.roundtrip --aggregate')",
                                      file=name, limit=f"{MAX_TABLE_ROWS:,}"))
    except csv.Error as e:
        raise InputError(msg("{file}: row {row}: not valid CSV ({reason})", file=name, row=count + 1,
                             reason=str(e))) from None
    raise AssertionError("_check_records found no problem")  # pragma: no cover - called on one


def read_text_table(path: str | os.PathLike) -> Table:
    p = Path(path)
    check_file(p)
    data = read_limited(p, MAX_TABLE_SIZE, "reads tables")
    if data.startswith(b"PK\x03\x04"):
        raise InputError(msg("{file}: this is an Excel workbook, not a CSV file; give it the .xlsx extension",
                             file=p.name))
    if (not data or data[:1].isspace()) and not data.strip():  # (a large file is not copied to be stripped)
        raise InputError(msg("{file}: the file is empty", file=p.name))
    text, notes = decode_text(data, p.name)
    delimiter = _delimiter(text, p.suffix.lower())
    neutralised = "'" in text and _NEUTRALISED_SOMEWHERE.search(text) is not None  # most files have no quote
    split = None if neutralised else split_plain(text, delimiter, max_records=MAX_TABLE_ROWS + 1,
                                                 max_line=MAX_CELL_CHARS)
    if split is not None:  # no quote anywhere: the columns split at C speed
        header, columns = split
        headers = make_table(p.name, [header]).headers
        table = Table(p.name, headers, None, numbers=range(2, len(columns[0]) + 2),
                      columns=dict(zip(headers, columns, strict=True)), text=True)
        table.notes.extend(notes)
        return table
    joined: list[str] | None = None
    try:  # the records at C speed; a file with a problem is read again record by record for its message
        grid = list(itertools.islice(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                                                strict=True), MAX_TABLE_ROWS + 2))
        rows = list(map("".join, grid))  # no cell is longer than its record's cells together
        joined = rows
        clean = len(grid) <= MAX_TABLE_ROWS + 1 and (
            len(text) <= MAX_CELL_CHARS or max(map(len, rows), default=0) <= MAX_CELL_CHARS
            or max(map(len, itertools.chain.from_iterable(grid)), default=0) <= MAX_CELL_CHARS)
    except csv.Error:
        clean = False
    if not clean:
        _check_records(p.name, text, delimiter)
    if neutralised:
        grid = [[unneutralise(v) for v in record] for record in grid]
        joined = None
    table = make_table(p.name, grid, text=True, joined=joined)
    table.notes.extend(notes)
    return table


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
        notes.append(msg("{count} text cell(s) held control characters that XLSX cannot store; they were "
                         "dropped", count=dropped))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), notes
