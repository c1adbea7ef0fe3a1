"""Company records from the whole columns of a companies table: what reading it row by row makes. No Qt.

The companies table Roundtrip's CSV export writes beside the flows (``deals-companies.csv``:
20,000 rows for a 100,000-flow diagram) is read here a column at a time, each distinct cell
once (:func:`~editor.io.tablecolumns._by_value`), and the records are made by
:func:`editor.model.bulk.companies_from_columns`. The outcome is exactly what
:func:`editor.io.tablerows.company_row` makes row after row; a table where that is not certain
before anything is made (an empty name, a cell that does not read, a company listed twice, ids
given in some rows only, a new category whose id could be a company's) is left untouched, to be
read row by row, whose messages name each problem's row and column.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping, Sequence
from itertools import compress
from typing import Any

from editor.io.tablecolumns import Unreadable, _by_value, _may_share_ids, _plain_amounts
from editor.io.tablerows import _SPACES, _TWO, RecordBuilder, _coord, _number, _slug, name_key
from editor.io.tables import Table
from editor.io.tableshapes import cell_str as _text
from editor.model import ModelError
from editor.model.amounts import AmountError
from editor.model.bulk import companies_from_columns, company_columns_pass

_SIGNED = {"valuation": False, "revenue": False, "profit": True, "size": False}  # the number fields
_TEXTS = ("valuation_date", "revenue_period", "profit_period", "notes")


def build_companies(b: RecordBuilder, table: Table, mapping: Mapping[str, str]) -> bool:
    """Add the companies of every row of ``table`` to ``b``, as :func:`~editor.io.tablerows.company_row`
    would one row after the other. False, with ``b`` untouched, when that is not certain: the table is
    then to be read row by row."""
    if b.companies or b.named is not None or "name" not in mapping:
        return False
    try:
        columns = _columns(b, table, mapping)
    except (Unreadable, ValueError, TypeError, AmountError, ModelError):
        return False
    if columns is None:
        return False
    _make(b, table, mapping, *columns)
    return True


Columns = tuple[list[str], list[str], dict[str, list[Any]]]


def _columns(b: RecordBuilder, table: Table, mapping: Mapping[str, str]) -> Columns | None:
    """(names, given ids, the other fields' columns) when every row reads and makes a company whatever
    the order; None (or an exception) otherwise. Nothing of ``b`` is changed."""
    n = len(table.numbers)

    def read(fld: str, reader: Callable[[Any], Any]) -> list[Any]:
        header = mapping.get(fld)
        if header is None:
            return [reader(None)] * n
        return _by_value(table.column(header), reader, table.text, table.distinct(header))

    names = read("name", _text)
    if not all(map(str.strip, dict.fromkeys(names))):
        return None  # an empty name
    fields: dict[str, list[Any]] = {}
    for fld, signed in _SIGNED.items():
        header = mapping.get(fld)
        texts = [] if header is None else [v for v in table.distinct(header) if type(v) is str]
        plain = _plain_amounts(texts)

        def number(v: Any, f: str = fld, s: bool = signed, plain: dict[str, float] = plain) -> float | None:
            got = plain.get(v) if type(v) is str else None  # a plain number reads as float(text)
            return _number(v, f, signed=s) if got is None else got

        fields[fld] = read(fld, number)
    for fld in ("x", "y"):
        fields[fld] = _coords(table, mapping.get(fld), n) or read(fld, _coord)
    for fld in _TEXTS:
        fields[fld] = read(fld, _text)
    ids = read("id", lambda v: _text(v).strip())
    given = "id" in mapping and all(ids)
    if given:  # every row names its id: no two alike, none taken
        if len(set(ids)) != n or not b.taken.isdisjoint(ids):
            return None
    elif any(ids):
        return None  # ids in some rows only: which comes first decides
    else:  # ids made from the names: no two names alike, none met before
        keys = _keys(names)
        if len(set(keys)) != n or not b.by_key.keys().isdisjoint(keys):
            return None
    header = mapping.get("category")
    cells = [None] if header is None else table.distinct(header)
    category_names = {" ".join(_text(c).split()) for c in cells}
    new_categories = {_slug(name) for name in category_names
                      if name and b.diagram.category_by_name(name) is None}
    if new_categories and _may_share_ids(new_categories, set(ids) if given else set(map(_slug, names))):
        return None  # a new category's id could be a company's: which comes first decides
    xs, ys = fields["x"], fields["y"]
    names_kept = names if "id" in mapping else [" ".join(name.split()) for name in names]
    probe = {**fields, "x": [x or 0.0 for x in xs], "y": [y or 0.0 for y in ys], "name": names_kept,
             "id": ids if given else ["c"] * n, "category": ["c"] * n}  # (made ids and categories pass)
    if not company_columns_pass(probe):
        return None  # a record would refuse a cell
    return names, ids if given else [], fields


def _keys(names: Sequence[str]) -> list[str]:
    """``[name_key(name) for name in names]``: at once for names written plainly (no space but single
    " " between words, no line break), else name by name."""
    joined = "\n".join(names)
    if (joined.count("\n") == len(names) - 1 and joined.replace("\n", "").isprintable()
            and not joined.startswith(_SPACES) and not joined.endswith(_SPACES)
            and not any(map(joined.__contains__, _TWO))):
        keys = joined.casefold().split("\n")
        if len(keys) == len(names):
            return keys
    return list(map(name_key, names))


def _coords(table: Table, header: str | None, n: int) -> list[float] | None:
    """:func:`~editor.io.tablerows._coord` of each cell of a text column where every cell holds text:
    ``float(text)`` of all of them at once (a position that is not finite is refused when the records
    are checked); None when a cell is blank (or not text, or not a number): read cell by cell."""
    if header is None or not table.text:
        return None
    cells = table.column(header)
    if not all(map(str.strip, table.distinct(header))):
        return None
    try:
        return list(map(float, cells))
    except ValueError:
        return None


def _make(b: RecordBuilder, table: Table, mapping: Mapping[str, str], names: list[str], ids: list[str],
          fields: dict[str, list[Any]]) -> None:
    """Make the companies of checked columns into ``b``: the categories in the order they are first met,
    then the ids (given, or made from the names in row order), then the records."""
    header = mapping.get("category")
    categories = ([b.category(None)] * len(names) if header is None  # (each cell once, in the order met)
                  else _by_value(table.column(header), b.category, table.text, table.distinct(header)))
    if ids:
        b.taken.update(ids)
    else:
        ids = [b.new_id(_slug(name)) for name in names]
    record_names: Sequence[str] = names if "id" in mapping else [" ".join(name.split()) for name in names]
    xs, ys = fields["x"], fields["y"]
    placed = [x is not None and y is not None for x, y in zip(xs, ys, strict=True)]
    companies = companies_from_columns({**fields, "id": ids, "name": record_names, "category": categories,
                                        "x": [x or 0.0 for x in xs], "y": [y or 0.0 for y in ys]})
    b.companies.update(zip(ids, companies, strict=True))
    deque(map(b.by_key.setdefault, _keys(record_names), ids), maxlen=0)  # (the first company of a name)
    b.placed.update(compress(ids, placed))
