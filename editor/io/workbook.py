"""Reading XLSX workbooks into tables, streamed and capped. No Qt here.

The zip is checked before anything is parsed: its unpacked size, and the rows each
sheet declares (or holds, when it declares none), so a zip bomb or a million-row sheet
is refused unopened. The sheets are then streamed by openpyxl's read-only mode, with
caps on rows and cell length; formulas are read as their saved results, and merged
cells (which the streaming reader does not report) are filled from the zip. The row
and cell limits are :mod:`editor.io.tables`' (read when a file is read).
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from editor.io import tables as _limits
from editor.io.errors import InputError
from editor.io.safe_read import progress
from editor.io.tables import Table, TooManyRows, blank, check_file, column_letter, make_table
from editor.model.texts import msg

#: Uncompressed bytes of an XLSX (a zip): checked before parsing, so a zip bomb is refused unopened.
MAX_XLSX_UNPACKED = 200 * 1024 * 1024


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

    max_rows = _limits.MAX_TABLE_ROWS
    try:
        with zipfile.ZipFile(p) as z:
            infos = z.infolist()
            unpacked = sum(i.file_size for i in infos)
            if unpacked > MAX_XLSX_UNPACKED:
                raise InputError(msg("{file}: the workbook unpacks to {size} MB; Roundtrip reads workbooks "
                                     "up to {limit} MB unpacked", file=p.name, size=f"{unpacked / 1e6:,.0f}",
                                     limit=MAX_XLSX_UNPACKED // (1024 * 1024)))
            merged: dict[str, list[tuple[int, int, int, int]]] = {}
            for info in infos:
                if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                    continue
                with z.open(info) as f:
                    head = f.read(4096)
                m = _DIMENSION.search(head)
                if m and m.group(1) and int(m.group(1)) - 1 > max_rows:
                    raise TooManyRows(msg("{file}: a sheet declares {rows} rows; Roundtrip imports up to "
                                          "{limit} rows (sum a ledger with 'roundtrip convert {file} "
                                          "OUT.roundtrip --aggregate')", file=p.name,
                                          rows=f"{int(m.group(1)):,}", limit=f"{max_rows:,}"))
                data = z.read(info)
                if not (m and m.group(1)):  # no <dimension>: count the rows (openpyxl would parse them all)
                    rows = sum(1 for _ in _ROW.finditer(data))
                    if rows - 1 > max_rows:
                        raise TooManyRows(msg("{file}: a sheet has {rows} rows; Roundtrip imports up to "
                                              "{limit} rows (sum a ledger with 'roundtrip convert {file} "
                                              "OUT.roundtrip --aggregate')", file=p.name, rows=f"{rows:,}",
                                              limit=f"{max_rows:,}"))
                at = data.rfind(b"<mergeCells")
                if at < 0:
                    at = data.rfind(b":mergeCells")
                if at >= 0:
                    merged[info.filename] = [(int(r0) - 1, _column_index(c0), int(r1) - 1, _column_index(c1))
                                             for c0, r0, c1, r1 in _MERGE.findall(data, at)]
            return merged
    except zipfile.BadZipFile as e:
        raise InputError(msg("{file}: not a readable Excel workbook (.xlsx): {reason}", file=p.name,
                             reason=str(e))) from None


def _sheet_grid(ws: Any, source: str) -> tuple[list[list[Any]], bool]:
    """The cell values of a streamed sheet (capped in rows and cell length), and whether it has formulas."""
    max_rows, max_chars = _limits.MAX_TABLE_ROWS, _limits.MAX_CELL_CHARS
    grid: list[list[Any]] = []
    formula = False
    for r, row in enumerate(ws.iter_rows()):
        if r > max_rows:
            raise TooManyRows(msg("{source}: more than {limit} rows; Roundtrip imports up to {limit} (sum a "
                                  "ledger with 'roundtrip convert FILE OUT.roundtrip --aggregate')",
                                  source=source, limit=f"{max_rows:,}"))
        values = []
        for c, cell in enumerate(row):
            v = cell.value
            if isinstance(v, str) and len(v) > max_chars:
                raise InputError(msg("{source}: row {row}, column {column}: the cell holds {chars} "
                                     "characters; Roundtrip reads cells up to {limit}", source=source,
                                     row=r + 1, column=column_letter(c), chars=f"{len(v):,}",
                                     limit=f"{max_chars:,}"))
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
    check_file(p)
    if p.stat().st_size == 0:
        raise InputError(msg("{file}: the file is empty", file=p.name))
    merged = _check_zip(p)
    try:
        formulas = openpyxl.load_workbook(p, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as e:
        raise InputError(msg("{file}: not a readable Excel workbook (.xlsx): {reason}", file=p.name,
                             reason=str(e))) from None
    except Exception as e:  # openpyxl raises assorted errors on damaged files
        raise InputError(msg("{file}: not a readable Excel workbook (.xlsx): {reason}", file=p.name,
                             reason=type(e).__name__)) from None
    values = None
    tables: dict[str, Table] = {}
    try:
        for ws_f in formulas.worksheets:
            source = msg("{file}, sheet '{sheet}'", file=p.name, sheet=ws_f.title)
            f_grid, has_formula = _sheet_grid(ws_f, source)
            grid = f_grid
            if has_formula:
                values = values or openpyxl.load_workbook(p, read_only=True, data_only=True)
                grid = _sheet_grid(values[ws_f.title], source)[0]
                for r, row in enumerate(f_grid):
                    for c, v in enumerate(row):
                        saved = grid[r][c] if c < len(grid[r]) else None
                        if isinstance(v, str) and v.startswith("=") and saved is None:
                            raise InputError(msg(
                                "{source}: row {row}, column {column}: the formula {formula} has no saved "
                                "result; open the file in a spreadsheet program and save it again",
                                source=source, row=r + 1, column=column_letter(c), formula=v))
            for r0, c0, r1, c1 in merged.get(getattr(ws_f, "_worksheet_path", ""), []):
                top = grid[r0][c0] if r0 < len(grid) and c0 < len(grid[r0]) else None
                for r in range(r0, min(r1 + 1, len(grid))):
                    grid[r].extend([None] * (c1 + 1 - len(grid[r])))
                    for c in range(c0, c1 + 1):
                        grid[r][c] = top
            if not any(not blank(v) for row in grid for v in row):
                continue
            tables[ws_f.title] = make_table(source, grid)
    finally:
        formulas.close()
        if values is not None:
            values.close()
    if not tables:
        raise InputError(msg("{file}: every sheet of the workbook is empty", file=p.name))
    return tables
