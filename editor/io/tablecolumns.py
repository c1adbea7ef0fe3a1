"""Flow records from whole columns: the fast way through a large flows table whose cells all read. No Qt.

A 100,000-row edge list repeats its names, types, dates and amounts a lot, so
:func:`build_flows` reads each mapped column once per distinct cell value; the amount
column's plain numbers (``12``, ``0.75``: nearly all of them) are found by one regular
expression scan over all its distinct texts and converted by ``map(float, ...)``; only the
other cells (``$45B``, ``up to 100``, a number from a workbook) go through
:func:`~editor.model.amounts.parse_amount` one by one (pandas is not imported: the command
line starts without it).

The records then come out exactly as :func:`editor.io.tablerows.flow_row` makes them row after
row. A table naming its companies by name alone, with counted flow ids, is made a column at a
time (:func:`_by_first_appearance`): the companies in the order their names first appear, then
its new flow types, then the ids ``f1, f2...``, when no id one kind wants could be wanted by
another (else which came first decides, and the table is read row by row); other tables are
made in one pass over the rows (:func:`_in_row_order`). The flows are made from the columns by
:func:`editor.model.bulk.flows_from_columns` (each column checked once, no record re-checked)
and the companies named by the flows by :func:`editor.model.bulk.companies_named`.

Any cell that does not read (or a record the model refuses) ends the fast way: the caller
then builds the table row by row, whose messages name each problem's row and column.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from itertools import count
from operator import methodcaller
from typing import Any

from editor.io.cells import distinct
from editor.io.tablerows import QUALIFIER_WORDS, RecordBuilder, _slug, name_key, read_date
from editor.io.tables import Table
from editor.io.tableshapes import cell_str as _text
from editor.model import QUALIFIERS, STATUSES, ModelError
from editor.model.amounts import AmountError, parse_amount
from editor.model.bulk import companies_named, flows_from_columns

#: A plain number ``parse_amount`` reads as ``float(text)``: ASCII digits and an optional decimal part,
#: at most 12 whole digits, so it is never above the largest amount and no further check can refuse it.
PLAIN_AMOUNT = r"[0-9]{1,12}(?:\.[0-9]{1,30})?"
_PLAIN_LINES = re.compile(f"^{PLAIN_AMOUNT}$", re.MULTILINE)


class Unreadable(Exception):
    """A cell the fast way does not read: the table is built row by row instead."""


def _by_value(column: Sequence[Any], read: Callable[[Any], Any], text: bool = False,
              values: list[Any] | None = None) -> list[Any]:
    """``[read(cell) for cell in column]``, calling ``read`` once per distinct cell value.

    ``text``: every cell is known to be a ``str`` (equal cells are then the same value);
    ``values``: the column's distinct cells (:func:`~editor.io.tables.distinct`), when known.
    """
    if text:
        by_text = {v: read(v) for v in (dict.fromkeys(column) if values is None else values)}
        if len(by_text) == 1:  # (a column of one value: no look-up per cell)
            return [*by_text.values()] * len(column)
        return list(map(by_text.__getitem__, column))
    values = distinct(column) if values is None else values
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


def _amounts(cells: Sequence[Any], units: Sequence[str], default_unit: str, text: bool = False,
             values: list[Any] | None = None) -> tuple[list[float | None], list[str]]:
    """``parse_amount(cell, unit or default_unit)`` of every row, as the column of amounts and the column
    of qualifiers; Unreadable at the first cell it refuses. ``text``: every cell is a ``str``;
    ``values``: the distinct cells, when known."""
    one_unit = len(set(units)) <= 1
    keys: Sequence[Any]
    if text and one_unit:  # the cell alone decides
        keys = cells
        unit = units[0] if units else ""
        unique = [(str, c, unit) for c in (dict.fromkeys(cells) if values is None else values)]
    else:
        keys = [(c.__class__, c, u) for c, u in zip(cells, units, strict=True)]  # 1, 1.0 and True read apart
        try:
            unique = list(dict.fromkeys(keys))
        except TypeError:  # a cell that cannot be hashed (never from the readers)
            raise Unreadable from None
    plain = _plain_amounts(list(dict.fromkeys(c for t, c, _ in unique if t is str)))
    amount_of: dict[Any, float | None] = {}
    qualifier_of: dict[Any, str] = {}
    for key in unique:
        cls, cell, unit = key
        if keys is cells:
            key = cell
        if cls is str and cell in plain:
            amount_of[key], qualifier_of[key] = plain[cell], "exact"
            continue
        try:
            amount_of[key], qualifier_of[key] = parse_amount(cell, unit or default_unit)
        except AmountError:
            raise Unreadable from None
    qualifiers = set(qualifier_of.values())
    return list(map(amount_of.__getitem__, keys)), ([qualifiers.pop()] * len(keys) if len(qualifiers) == 1
                                                    else list(map(qualifier_of.__getitem__, keys)))


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

    text = table.text  # every cell a str: no type to look at

    def read(fld: str, reader: Callable[[Any], Any]) -> list[Any]:
        """``reader`` of each cell of the field's column (of an empty cell for each row when none)."""
        header = mapping.get(fld)
        if header is None:
            return [reader(None)] * n
        return _by_value(table.column(header), reader, text, table.distinct(header))

    def texts(fld: str, strip: bool = True) -> Sequence[str]:
        header = mapping.get(fld)
        if header is not None:
            cells = table.column(header)
            if text or set(map(type, cells)) <= {str}:
                return list(map(str.strip, cells)) if strip else cells  # a text cell reads as itself
        return read(fld, (lambda v: _text(v).strip()) if strip else _text)

    # Every column is read before anything is made, so an unreadable cell changes nothing.
    by_name = not any(f in mapping for f in ("id", "source_id", "target_id"))
    ends: list[Sequence[Any]] = []
    end_names: list[Sequence[str]] = []
    end_ids: list[Sequence[str]] = []
    for end in ("source", "target"):
        names = texts(end, strip=False)
        if f"{end}_id" not in mapping:  # the company of each row by its name alone
            if not by_name and any(not name.strip() for name in distinct(names)):
                raise Unreadable  # an empty end
            ends.append(names)
            continue
        ids = texts(f"{end}_id")
        if not all(ids) and any(not cid and not name.strip() for name, cid in zip(names, ids, strict=True)):
            raise Unreadable  # an empty end
        ends.append(list(zip(names, ids, strict=True)))
        end_names.append(names)
        end_ids.append(ids)
    both: list[Any] = []
    first_at: dict[str, int] = {}
    at: list[int] = []
    if by_name:  # every end cell once, in the order they come (source, target, next source...)
        cells: list[Any] = [None] * (2 * n)
        cells[0::2], cells[1::2] = ends
        at = list(map(first_at.setdefault, cells, count()))  # where each cell's value first comes
        both = list(first_at)
        if not all(map(str.strip, both)):
            raise Unreadable  # an empty end
    units = texts("unit")
    amount_header = mapping.get("amount")
    amounts, amount_qualifiers = _amounts(column("amount"), units, b.unit, text and amount_header is not None,
                                          None if amount_header is None else table.distinct(amount_header))
    qualifiers, statuses = read("qualifier", _qualifier), read("status", _status)
    if "qualifier" in mapping:
        amount_qualifiers = [q or qualifier
                             for q, qualifier in zip(qualifiers, amount_qualifiers, strict=True)]
    dates, end_dates = read("date", _date), read("end_date", _date)
    flow_ids = texts("id")
    given = list(filter(None, flow_ids))
    if len(set(given)) != len(given):
        raise Unreadable  # an id used twice
    undirected = read("direction", lambda v: _text(v).strip().casefold() == "undirected")
    urls, notes = texts("url"), texts("note", strip=False)
    type_cells = column("type")
    type_keys = type_cells if text or set(map(type, type_cells)) <= {str} else [(c.__class__, c)
                                                                                 for c in type_cells]

    b.named = []  # the companies are made at once at the end (make_named)
    if by_name:
        made = _by_first_appearance(b, at, first_at, type_keys, type_cells)
    else:
        at_once = len(end_ids) == 2 and _given_ids(b, end_names, end_ids, type_keys, type_cells, flow_ids)
        made = at_once or _in_row_order(b, ends, type_keys, type_cells, flow_ids)
    sources, targets, type_ids, ids = made
    b.make_named()
    b.undirected += sum(undirected)
    flows = flows_from_columns({
        "id": ids, "source": sources, "target": targets, "type": type_ids, "amount": amounts,
        "qualifier": amount_qualifiers, "unit": units, "date": dates, "end_date": end_dates,
        "status": statuses, "url": urls, "note": notes})
    b.flows.extend(flows)


Made = tuple[list[str], list[str], list[str], list[str]]


def _company_maker(b: RecordBuilder) -> tuple[dict[Any, str], Callable[[Any], str]]:
    """The company id of each end cell (a name, or a (name, id) pair) as it is first met, and the maker."""
    company_of: dict[Any, str] = {}
    by_key = b.by_key

    def company(key: str | tuple[str, str]) -> str:
        name, given_id = (key, "") if isinstance(key, str) else key
        cid = (None if given_id else by_key.get(name_key(name))) or b.company_for(name, given_id)
        company_of[key] = cid
        return cid

    return company_of, company


def _in_row_order(b: RecordBuilder, ends: list[Sequence[Any]], type_keys: Sequence[Any],
                  type_cells: Sequence[Any], flow_ids: Sequence[str]) -> Made:
    """Companies, then the flow type, then the id of each row in turn, as flow_row makes them."""
    company_of, company = _company_maker(b)
    type_of: dict[Any, str] = {}
    taken, flow_ids_made = b.taken, b.flow_ids
    sources: list[str] = []
    targets: list[str] = []
    type_ids: list[str] = []
    ids: list[str] = []
    for src, tgt, type_key, cell, fid in zip(ends[0], ends[1], type_keys, type_cells, flow_ids, strict=True):
        sources.append(company_of.get(src) or company(src))
        targets.append(company_of.get(tgt) or company(tgt))
        type_id = type_of.get(type_key)
        if type_id is None:
            type_id = type_of[type_key] = b.flow_type(cell)
        type_ids.append(type_id)
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
        ids.append(fid)
    return sources, targets, type_ids, ids


def _given_ids(b: RecordBuilder, names: list[Sequence[str]], ids: list[Sequence[str]],
               type_keys: Sequence[Any], type_cells: Sequence[Any], flow_ids: Sequence[str]) -> Made | None:
    """What :func:`_in_row_order` makes for a table giving the id of every flow and of both its companies
    (what Roundtrip's CSV export writes), made a column at a time: the new companies in the order their ids
    first appear, then the new flow types, then the flows. None, with ``b`` untouched, unless no id one
    kind wants could be wanted by another (then the order of the rows decides)."""
    if not (all(flow_ids) and all(ids[0]) and all(ids[1])):
        return None
    both_ids: list[str] = [""] * (2 * len(flow_ids))  # every end in the order met (source, target, next...)
    both_ids[0::2], both_ids[1::2] = ids
    order = list(dict.fromkeys(both_ids))
    new = [cid for cid in order if cid not in b.companies]
    fids = set(flow_ids)
    type_names = {" ".join(_text(cell).split()) for cell in distinct(type_cells)}
    new_types = {_slug(name) for name in type_names if name and b.diagram.flow_type_by_name(name) is None}
    if (len(fids) != len(flow_ids) or not b.taken.isdisjoint(new) or not b.taken.isdisjoint(fids)
            or not b.flow_ids.isdisjoint(fids) or not fids.isdisjoint(order)
            or (new_types and _may_share_ids(new_types, fids.union(order)))):
        return None
    if new:  # each named as where its id first comes
        both_names: list[str] = [""] * len(both_ids)
        both_names[0::2], both_names[1::2] = names
        name_of = dict(zip(reversed(both_ids), reversed(both_names), strict=True))
        new_names = [name if name.strip() else cid for cid, name in zip(new, map(name_of.__getitem__, new),
                                                                         strict=True)]
        b.taken.update(new)
        for company in companies_named(new, new_names):
            b.add_company(company, placed=False)
    type_of = {key: b.flow_type(type_cells[type_keys.index(key)]) for key in dict.fromkeys(type_keys)}
    b.taken.update(fids)
    b.flow_ids.update(fids)
    return list(ids[0]), list(ids[1]), list(map(type_of.__getitem__, type_keys)), list(flow_ids)


def _may_share_ids(bases: set[str], others: set[str]) -> bool:
    """Whether an id tried from one of ``bases`` (``base``, ``base_2``...: :meth:`RecordBuilder.new_id`)
    may be one tried from one of ``others``: one base is the other, or the other and ``_`` begins it."""
    if not bases.isdisjoint(others):
        return True
    if any(base[:i] in others for base in bases for i, ch in enumerate(base) if ch == "_"):
        return True
    starts = tuple(f"{base}_" for base in bases)
    return any(map(methodcaller("startswith", starts), others))


def _by_first_appearance(b: RecordBuilder, at: list[int], first_at: dict[str, int], type_keys: Sequence[Any],
                         type_cells: Sequence[Any]) -> Made:
    """What :func:`_in_row_order` makes for companies named by name alone and counted flows, made a
    column at a time: the companies in the order their names first appear, then the new flow types,
    then the ids f1, f2... Their ids do not depend on that order unless a company, a new flow type or
    a counted flow wants the id (or the first choice of id) of another kind: such a table is
    Unreadable here.

    ``first_at``: each end cell (source, target, next source...) once, in the order met, with where
    it first comes among them; ``at``: where the value of each end cell first comes."""
    n = len(type_keys)
    company_at: list[str] = [""] * len(at)  # the company of each end cell, at its first place
    deque(map(company_at.__setitem__, first_at.values(), b.companies_for(list(first_at))), maxlen=0)
    named = list(b.named or ())
    types_before = {t.id for t in b.diagram.flow_types()}
    type_of = {key: b.flow_type(type_cells[type_keys.index(key)]) for key in dict.fromkeys(type_keys)}
    new_types = [t for t in b.diagram.flow_types() if t.id not in types_before]
    if new_types and _may_share_ids({_slug(t.name) for t in new_types}, {_slug(name) for _, name in named}):
        raise Unreadable  # which one comes first decides their ids: row by row
    ids = [f"f{k}" for k in range(b.counter + 1, b.counter + n + 1)]
    if not b.taken.isdisjoint(ids):
        raise Unreadable  # a company or type with the id of a counted flow: which came first is row by row
    b.counter += n  # (nothing is made after the flows: taken and flow_ids are left as they are)
    companies = list(map(company_at.__getitem__, at))
    return companies[0::2], companies[1::2], list(map(type_of.__getitem__, type_keys)), ids
