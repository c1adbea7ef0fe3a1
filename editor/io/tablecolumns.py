"""Flow records from whole columns: the fast way through a large flows table whose cells all read. No Qt.

A 100,000-row edge list repeats its names, types, dates and amounts a lot, so
:func:`build_flows` reads each mapped column once per distinct cell value; the amount
column's plain numbers (``12``, ``0.75``: nearly all of them) are found by one regular
expression scan over all its distinct texts and converted by ``map(float, ...)``; only the
other cells (``$45B``, ``up to 100``, a number from a workbook) go through
:func:`~editor.model.amounts.parse_amount` one by one (pandas is not imported: the command
line starts without it). The records
are then made in one pass over the rows, in the order :func:`editor.io.tablerows.flow_row`
makes them, so companies, flow types and ids come out exactly the same.

Any cell that does not read (or a record the model refuses) ends the fast way: the caller
then builds the table row by row, whose messages name each problem's row and column.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from editor.io.tablerows import QUALIFIER_WORDS, RecordBuilder, name_key, read_date
from editor.io.tables import Table
from editor.io.tableshapes import cell_str as _text
from editor.io.tableshapes import distinct
from editor.model import QUALIFIERS, STATUSES, Flow, ModelError
from editor.model.amounts import AmountError, parse_amount

#: A plain number ``parse_amount`` reads as ``float(text)``: ASCII digits and an optional decimal part,
#: at most 12 whole digits, so it is never above the largest amount and no further check can refuse it.
PLAIN_AMOUNT = r"[0-9]{1,12}(?:\.[0-9]{1,30})?"
_PLAIN_LINES = re.compile(f"^{PLAIN_AMOUNT}$", re.MULTILINE)


class Unreadable(Exception):
    """A cell the fast way does not read: the table is built row by row instead."""


def _by_value(column: Sequence[Any], read: Callable[[Any], Any]) -> list[Any]:
    """``[read(cell) for cell in column]``, calling ``read`` once per distinct cell value."""
    values = distinct(column)
    if len(values) == len(column):  # every cell differs (or one cannot be hashed)
        return [read(v) for v in column]
    if set(map(type, values)) <= {str}:
        by_text = {v: read(v) for v in values}
        return list(map(by_text.__getitem__, column))
    done = {(v.__class__, v): read(v) for v in values}
    return [done[(v.__class__, v)] for v in column]


def _plain_amounts(texts: list[str]) -> dict[str, float]:
    """The texts that are plain numbers, each read as ``float(text)``: found by one scan of them all."""
    plain = _PLAIN_LINES.findall("\n".join(texts))  # a text holding a line break matches no key below
    return dict(zip(plain, map(float, plain), strict=True))


def _amounts(cells: Sequence[Any], units: Sequence[str], default_unit: str) -> list[tuple[float | None, str]]:
    """``parse_amount(cell, unit or default_unit)`` of every row; Unreadable at the first cell it refuses."""
    keys = [(c.__class__, c, u) for c, u in zip(cells, units, strict=True)]  # 1, 1.0 and True read apart
    try:
        unique = list(dict.fromkeys(keys))
    except TypeError:  # a cell that cannot be hashed (never from the readers)
        raise Unreadable from None
    plain = _plain_amounts(list(dict.fromkeys(c for t, c, _ in unique if t is str)))
    done: dict[tuple[Any, Any, str], tuple[float | None, str]] = {}
    for key in unique:
        cls, cell, unit = key
        if cls is str and cell in plain:
            done[key] = (plain[cell], "exact")
            continue
        try:
            done[key] = parse_amount(cell, unit or default_unit)
        except AmountError:
            raise Unreadable from None
    return [done[k] for k in keys]


def _qualifier(cell: Any) -> str:
    q = _text(cell).strip().casefold().replace(" ", "_").replace("-", "_")
    if q:
        q = QUALIFIER_WORDS.get(q, q)
        if q not in QUALIFIERS:
            raise Unreadable
    return q


def _status(cell: Any) -> str:
    status = _text(cell).strip().casefold() or "announced"
    if status not in STATUSES:
        raise Unreadable
    return status


def _date(cell: Any) -> str:
    try:
        return read_date(cell)
    except ValueError:
        raise Unreadable from None


def build_flows(b: RecordBuilder, table: Table, mapping: Mapping[str, str]) -> bool:
    """Add the flows of every row to ``b``, as :func:`~editor.io.tablerows.flow_row` would.

    False when a cell does not read or the model refuses a record: ``b`` may then be half
    filled and is to be thrown away (the table is built row by row for its messages).
    """
    try:
        _build(b, table, mapping)
    except (Unreadable, ModelError, ValueError, TypeError):
        return False
    return True


def _build(b: RecordBuilder, table: Table, mapping: Mapping[str, str]) -> None:
    n = len(table.numbers)

    def column(fld: str) -> Sequence[Any]:
        header = mapping.get(fld)
        return [None] * n if header is None else table.column(header)

    def read(fld: str, reader: Callable[[Any], Any]) -> list[Any]:
        """``reader`` of each cell of the field's column (of an empty cell for each row when none)."""
        header = mapping.get(fld)
        return [reader(None)] * n if header is None else _by_value(table.column(header), reader)

    def texts(fld: str, strip: bool = True) -> Sequence[str]:
        header = mapping.get(fld)
        if header is not None and set(map(type, cells := table.column(header))) <= {str}:
            return list(map(str.strip, cells)) if strip else cells  # a text cell reads as itself
        return read(fld, (lambda v: _text(v).strip()) if strip else _text)

    # Every column is read before anything is made, so an unreadable cell changes nothing.
    ends: list[Sequence[Any]] = []
    for end in ("source", "target"):
        names = texts(end, strip=False)
        if f"{end}_id" not in mapping:  # the company of each row by its name alone
            if any(not name.strip() for name in distinct(names)):
                raise Unreadable  # an empty end
            ends.append(names)
            continue
        ids = texts(f"{end}_id")
        if any(not cid and not name.strip() for name, cid in zip(names, ids, strict=True)):
            raise Unreadable  # an empty end
        ends.append(list(zip(names, ids, strict=True)))
    units = texts("unit")
    amounts = _amounts(column("amount"), units, b.unit)
    qualifiers, statuses = read("qualifier", _qualifier), read("status", _status)
    dates, end_dates = read("date", _date), read("end_date", _date)
    flow_ids = texts("id")
    given = [fid for fid in flow_ids if fid]
    if len(set(given)) != len(given):
        raise Unreadable  # an id used twice
    undirected = read("direction", lambda v: _text(v).strip().casefold() == "undirected")
    urls, notes = texts("url"), texts("note", strip=False)
    type_cells = column("type")
    type_keys = type_cells if set(map(type, type_cells)) <= {str} else [(c.__class__, c) for c in type_cells]

    # One pass in row order: companies, then the flow type, then the id, as flow_row makes them.
    company_of: dict[Any, str] = {}
    type_of: dict[Any, str] = {}
    by_key, taken, flow_ids_made, flows = b.by_key, b.taken, b.flow_ids, b.flows

    def company(key: str | tuple[str, str]) -> str:
        name, given_id = (key, "") if isinstance(key, str) else key
        cid = (None if given_id else by_key.get(name_key(name))) or b.company_for(name, given_id)
        company_of[key] = cid
        return cid

    rows = zip(ends[0], ends[1], type_keys, type_cells, flow_ids, undirected, amounts, qualifiers, units,
               statuses, urls, notes, dates, end_dates, strict=True)
    for (src, tgt, type_key, cell, fid, undirected_row, (amount, qualifier), q, unit, status, url, note, date,
         end_date) in rows:
        source = company_of.get(src) or company(src)
        target = company_of.get(tgt) or company(tgt)
        type_id = type_of.get(type_key)
        if type_id is None:
            type_id = type_of[type_key] = b.flow_type(cell)
        if fid:
            if fid in flow_ids_made:
                raise Unreadable  # the id of an earlier row (given, renamed or counted)
            if fid in taken:
                wanted, fid = fid, b.new_id(f"e{fid}")
                b.renamed.append(f"{wanted!r} -> {fid!r}")
        else:
            b.counter += 1
            fid = f"f{b.counter}"
            if fid in taken:
                fid = b.new_id(fid)
        taken.add(fid)
        flow_ids_made.add(fid)
        if undirected_row:
            b.undirected += 1
        flows.append(Flow(fid, source, target, type_id, amount, qualifier=q or qualifier, unit=unit,
                          status=status, url=url, note=note, date=date, end_date=end_date))
