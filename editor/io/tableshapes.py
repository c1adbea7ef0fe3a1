"""Tables shaped by other tools: Gephi's edge tables, Kumu's connections, European number formats. No Qt.

Used by :mod:`editor.io.edgelist` before it builds a diagram: a ``Type`` column of
Directed/Undirected (Gephi) becomes the direction and ``Kind`` the flow type; Kumu's
``A|B`` in From/To becomes one flow per pair; number columns are rewritten with a
decimal point once their decimal mark is known (:mod:`editor.io.decimals`); columns
that nothing reads are named in a note. Problems name the table, row and column.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from editor.io.decimals import DECIMAL_MARKS, POINT, DecimalMarkError, column_mark, normalize
from editor.io.kumu import MULTI
from editor.io.tables import Row, Table
from editor.model.texts import message_of, msg


@dataclass(frozen=True)
class Problem:
    """A cell or row that cannot be imported."""

    source: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        text: str = self.message
        if self.row and self.column:
            text = msg("row {row}, column '{column}': {problem}", row=self.row, column=self.column,
                       problem=text)
        elif self.row:
            text = msg("row {row}: {problem}", row=self.row, problem=text)
        elif self.column:
            text = msg("column '{column}': {problem}", column=self.column, problem=text)
        return msg("{where}: {problem}", where=self.source, problem=text) if self.source else text



def cell_str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)



def norm_header(header: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z_]+", " ", header.casefold()).split())



# ------------------------------------------------ shapes of other tools' tables
COMPANY_NUMBER_FIELDS = ("valuation", "revenue", "profit", "size")
_DIRECTIONS = {"directed", "undirected", "mixed"}
_RELATION_HEADERS = ("kind", "relation", "relation type", "relationship")


def direction_column(flows: Table, mapping: Mapping[str, str], notes: list[str]) -> dict[str, str]:
    """Gephi's edge table: a 'Type' column of Directed/Undirected is the direction, 'Kind' the flow type."""
    out = dict(mapping)
    header = out.get("type")
    if header is None or "direction" in out:
        return out
    values = {cell_str(v).strip().casefold() for v in flows.distinct(header)} - {""}
    if not values or not values <= _DIRECTIONS:
        return out
    out["direction"] = out.pop("type")
    relation = next((h for h in flows.headers
                     if norm_header(h) in _RELATION_HEADERS and h not in out.values()), None)
    if relation is not None:
        out["type"] = relation
    notes.append(msg("the column {column} holds Directed/Undirected: read as the direction; the flow types "
                     "come from {relation}", column=repr(header), relation=repr(relation)) if relation else
                 msg("the column {column} holds Directed/Undirected: read as the direction",
                     column=repr(header)))
    return out


def kumu_columns(flows: Table, mapping: Mapping[str, str]) -> dict[str, str]:
    """Kumu's Connections: the ``Label`` of a connection is its note when no note column is mapped."""
    out = dict(mapping)
    ends = [norm_header(out.get(e, "")) for e in ("source", "target")]
    if ends == ["from", "to"] and "note" not in out:
        label = next((h for h in flows.headers if norm_header(h) == "label" and h not in out.values()), None)
        if label is not None:
            out["note"] = label
    return out


def split_multi(flows: Table, mapping: Mapping[str, str], notes: list[str]) -> Table:
    """Kumu's ``A|B`` in its From/To columns: one flow per pair of companies."""
    ends = [mapping[e] for e in ("source", "target") if e in mapping]
    if [norm_header(h) for h in ends] != ["from", "to"] or not any(
            MULTI in cell_str(v) for h in ends for v in flows.distinct(h)):
        return flows
    rows: list[Row] = []
    split = 0
    for r in flows.rows:
        names = [[n.strip() for n in cell_str(r.cells.get(h)).split(MULTI) if n.strip()] or [""]
                 for h in ends]
        pairs = [(a, b) for a in names[0] for b in (names[1] if len(names) > 1 else [""])]
        if len(pairs) > 1:
            split += 1
        for a, b_ in pairs:
            cells = dict(r.cells)
            cells[ends[0]] = a
            if len(ends) > 1:
                cells[ends[1]] = b_
            rows.append(Row(r.number, cells))
    if split:
        notes.append(msg("{count} row(s) name several companies separated by '{mark}': one flow per pair",
                         count=split, mark=MULTI))
    return Table(flows.source, flows.headers, rows, flows.notes)


def shown_marks(table: Table, headers: list[str | None]) -> set[str]:
    """The decimal marks the file's number columns show beyond doubt (a hint for the ambiguous ones)."""
    out = set()
    for h in dict.fromkeys(h for h in headers if h):
        try:
            mark = _column_mark(table, h)
        except DecimalMarkError:
            continue
        if mark is not None:
            out.add(mark)
    return out


def fix_decimals(table: Table, headers: list[str | None], decimal_mark: str | None
              ) -> tuple[Table, list[Problem]]:
    """The table with its number columns written with a decimal point, or the columns it cannot settle.

    ``decimal_mark``: the mark chosen by the user, or the one the file's other number columns show.
    """
    if decimal_mark is not None and decimal_mark not in DECIMAL_MARKS:
        return table, [Problem(table.source, None, None,
                               msg("the decimal mark must be ',' or '.', got {value}",
                                   value=repr(decimal_mark)))]
    marks: dict[str, str] = {}
    problems = []
    for h in dict.fromkeys(h for h in headers if h):
        try:
            mark = _column_mark(table, h)
        except DecimalMarkError as e:
            if decimal_mark is None or "others" in str(e):
                problems.append(Problem(table.source, None, h, msg("{problem}; {hint}", problem=message_of(e),
                                                                   hint=DECIMAL_MARK_HINT)))
                continue
            mark = decimal_mark
        if mark is not None:
            marks[h] = mark
    if problems or not marks:
        return table, problems
    changed = {}
    for h, m in marks.items():
        column = table.column(h)
        texts = [v for v in table.distinct(h) if isinstance(v, str)]
        if m == POINT and "," not in "".join(texts):
            continue  # a number changes only where a thousands comma goes
        fixed = {v: normalize(v, m) for v in texts}
        if any(a != b for a, b in fixed.items()):
            changed[h] = [fixed[v] if isinstance(v, str) else v for v in column]
    return (table.with_columns(changed) if changed else table), []


#: Numbers written with a sign perhaps, ASCII digits and perhaps a point and more digits, one a line.
_PLAIN_NUMBERS = re.compile(r"^[-+]?[0-9]+(?:\.[0-9]+)?$", re.MULTILINE)


def _plain_point(cells: list[Any]) -> bool:
    """Whether :func:`column_mark` of ``cells`` is a point, found at once for text cells that are all plain
    numbers (``12``, ``-0.75``): one of them has other than three digits after its point, or a 0 before it.
    (False: not known that way.)"""
    if not cells or not set(map(type, cells)) <= {str}:
        return False
    joined = "\n".join(cells)
    if joined.count("\n") != len(cells) - 1 or len(_PLAIN_NUMBERS.findall(joined)) != len(cells):
        return False
    return any(len(fraction) != 3 or whole.lstrip("+-") == "0"
               for whole, _, fraction in (c.partition(".") for c in cells if "." in c))


def _column_mark(table: Table, header: str) -> str | None:
    """:func:`column_mark` of the column's distinct cells, worked out once per table and column."""
    key = ("decimal mark", header)
    if key not in table.derived:
        try:
            cells = table.distinct(header)
            table.derived[key] = POINT if _plain_point(cells) else column_mark(cells)
        except DecimalMarkError as e:
            table.derived[key] = e
    mark = table.derived[key]
    if isinstance(mark, DecimalMarkError):
        raise mark
    return mark  # type: ignore[no-any-return]


#: How to settle a number column whose decimal mark cannot be told (named in the message).
DECIMAL_MARK_HINT = msg("set the decimal mark (--decimal-mark , or --decimal-mark . on the command line)")


def unread_columns(table: Table, mapping: Mapping[str, str], notes: list[str]) -> None:
    used = set(mapping.values())
    left = [h for h in table.headers if h not in used and h.strip()
            and any(cell_str(v).strip() for v in table.distinct(h))]
    if left:
        notes.append(msg("{where}: column(s) {columns} not read", where=table.source,
                         columns=", ".join(repr(h) for h in left)))
