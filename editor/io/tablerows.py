"""Company and Flow records from the rows of a table, one row at a time.

:class:`RecordBuilder` collects the companies, flows, flow types and categories that
the rows name; :func:`company_row` and :func:`flow_row` read one row each and
record a :class:`~editor.io.tableshapes.Problem` (table, row, column, message) for
every cell that cannot be read, so a table with problems builds nothing half-way.
A cell value that repeats in a column is read once (:func:`memo`). No Qt here.
"""
from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from editor.io.tables import Row, Table
from editor.io.tableshapes import Problem
from editor.io.tableshapes import cell_str as _text
from editor.model import (
    QUALIFIERS,
    STATUSES,
    Category,
    Company,
    Diagram,
    Flow,
    FlowType,
    Metadata,
    ModelError,
    check_date,
)
from editor.model.amounts import AmountError, parse_amount
from editor.model.bulk import companies_named
from editor.model.texts import msg, split_field

#: Flow type of rows whose type cell is empty: the most general kind of payment.
DEFAULT_TYPE = "revenue"


# --------------------------------------------------------------- cell values
def read_date(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer() \
            and 1000 <= value <= 9999:
        return str(int(value))
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]00:00(:00)?", text):
        text = text[:10]
    try:
        return check_date(text, "date")
    except ModelError:
        raise ValueError(msg("cannot read {value} as a date (expected 2025, 2025-09 or 2025-09-22)",
                             value=repr(text))) from None


def _number(value: Any, what: str, signed: bool = False) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and signed and value.strip().startswith("-"):
        amount, _ = parse_amount(value.strip()[1:])
        return None if amount is None else -amount
    if isinstance(value, (int, float)) and not isinstance(value, bool) and signed and value < 0:
        return -_number(-value, what)  # type: ignore[operator]
    amount, _ = parse_amount(value)
    return amount


def _coord(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        v = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        raise ValueError(msg("cannot read {value} as a position", value=repr(_text(value)))) from None
    if not math.isfinite(v):
        raise ValueError(msg("cannot read {value} as a position", value=repr(_text(value))))
    return v


_NOT_SLUG = re.compile(r"[^0-9a-z]+")
_NOT_SLUG_LINES = re.compile(r"[^0-9a-z\n]+")  # (the same, line by line)
#: Lines not all written with single spaces between words (as ``" ".join(line.split())`` writes them).
_ODD_SPACE = re.compile(r"^\s|\s$|\s\s|[^\S \n]", re.MULTILINE)
_SPACES, _TWO = (" ", "\n"), ("  ", " \n", "\n ", "\n\n")  # (the same, for lines whose only space is " ")


def _slug(name: str) -> str:
    return _NOT_SLUG.sub("_", name.casefold()).strip("_") or "company"


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


# ------------------------------------------------------------------ building
class RecordBuilder:
    def __init__(self, unit: str | None, metadata: Metadata | None, types: list[FlowType] | None,
                 categories: list[Category] | None) -> None:
        self.diagram = Diagram(flow_types=types, categories=categories,
                               metadata=metadata or Metadata(unit=unit or Metadata().unit))
        self.unit = self.diagram.metadata.unit
        self.companies: dict[str, Company] = {}
        self.by_key: dict[str, str] = {}
        self.flows: list[Flow] = []
        self.taken = {t.id for t in self.diagram.flow_types()} | {c.id for c in self.diagram.categories()}
        self.placed: set[str] = set()
        self.problems: list[Problem] = []
        self.counter = 0
        self.flow_ids: set[str] = set()
        self.renamed: list[str] = []
        self.undirected = 0
        self.memo: dict[tuple[Any, ...], Any] = {}  # what a cell value reads as (see _memo)
        #: (id, name) of the companies named by flows, made at once by :meth:`make_named` when not None
        self.named: list[tuple[str, str]] | None = None

    def new_id(self, base: str, prefix: str = "") -> str:
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}_{n}"
        self.taken.add(candidate)
        return candidate

    def add_company(self, c: Company, placed: bool) -> None:
        self.companies[c.id] = c
        self.by_key.setdefault(name_key(c.name), c.id)
        if placed:
            self.placed.add(c.id)

    def company_for(self, name: str, cid: str) -> str:
        if cid:
            if self.named:  # the companies named before this one are made first, in their order
                self.make_named()
                self.named = []
            if cid not in self.companies:
                if cid in self.taken:
                    raise ValueError(msg("the id {id} is already used by a flow type, category or flow",
                                         id=repr(cid)))
                self.taken.add(cid)
                self.add_company(Company(cid, name if name.strip() else cid), placed=False)
            return cid
        key = name_key(name)
        if key not in self.by_key:
            cid = self.new_id(_slug(name))
            if self.named is None:
                self.add_company(Company(cid, " ".join(name.split())), placed=False)
            else:  # made later, all at once; meanwhile the name has its id
                self.named.append((cid, " ".join(name.split())))
                self.by_key[key] = cid
        return self.by_key[key]

    def companies_for(self, names: Sequence[str]) -> list[str]:
        """``[self.company_for(name, "") for name in names]``, names all different (``named`` not None)."""
        by_key, taken, named = self.by_key, self.taken, self.named
        if named is None:
            return [self.company_for(name, "") for name in names]
        at_once = self._plain_companies(names)
        if at_once is not None:
            return at_once
        ids = []
        not_slug = _NOT_SLUG.sub
        for name in names:
            norm = " ".join(name.split())
            key = norm.casefold()  # name_key(name)
            cid = by_key.get(key)
            if cid is None:
                cid = not_slug("_", key).strip("_") or "company"  # _slug(name): spaces are not in a slug
                if cid in taken:
                    cid = self.new_id(cid)
                taken.add(cid)
                named.append((cid, norm))
                by_key[key] = cid
            ids.append(cid)
        return ids

    def _plain_companies(self, names: Sequence[str]) -> list[str] | None:
        """:meth:`companies_for` of names written plainly (single spaces between words) whose keys and ids are
        all new and different: each one's id is its slug, found for all of them at once; else None."""
        named = self.named
        joined = "\n".join(names)
        printable = joined.replace("\n", "").isprintable()  # (then " " is the only space)
        if named is None or joined.count("\n") != len(names) - 1 or (
                joined.startswith(_SPACES) or joined.endswith(_SPACES) or any(map(joined.__contains__, _TWO))
                if printable else _ODD_SPACE.search(joined)):
            return None  # a name holding a line break or other spaces: name by name
        folded = joined.casefold()  # (character by character: no line break comes or goes)
        keys = folded.split("\n")
        plain = folded.isascii() and folded.replace(" ", "").replace("\n", "").isalnum()  # slug: spaces as _
        slugs = folded.replace(" ", "_") if plain else _NOT_SLUG_LINES.sub("_", folded)
        ids = [slug.strip("_") or "company" for slug in slugs.split("\n")]
        if (len(keys) != len(names) or len(set(keys)) != len(keys) or not self.by_key.keys().isdisjoint(keys)
                or len(set(ids)) != len(ids) or not self.taken.isdisjoint(ids)):
            return None
        self.taken.update(ids)
        self.by_key.update(zip(keys, ids, strict=True))
        named.extend(zip(ids, names, strict=True))
        return ids

    def make_named(self) -> None:
        """Make the companies :meth:`company_for` has only named so far (``named``), in that order."""
        named, self.named = self.named or [], None
        if named:
            ids, names = zip(*named, strict=True)
            self.companies.update(zip(ids, companies_named(ids, names), strict=True))

    def flow_type(self, cell: Any) -> str:
        name = " ".join(_text(cell).split())
        if not name:
            if self.diagram.has_flow_type(DEFAULT_TYPE):
                return DEFAULT_TYPE
            return self.diagram.flow_types()[0].id
        t = self.diagram.flow_type_by_name(name)
        if t is None:
            t = FlowType(self.new_id(_slug(name)), name, self.diagram.next_color())
            self.diagram.add_flow_type(t)
        return t.id

    def category(self, cell: Any) -> str:
        name = " ".join(_text(cell).split())
        if not name:
            return "other" if self.diagram.has_category("other") else self.diagram.categories()[0].id
        c = self.diagram.category_by_name(name)
        if c is None:
            c = Category(self.new_id(_slug(name)), name, self.diagram.next_color())
            self.diagram.add_category(c)
        return c.id


def field_error(error: ModelError, mapping: Mapping[str, str], fallback: str | None
                ) -> tuple[str | None, str]:
    """The field a record's ModelError names (``"amount: must not be negative"``) and the message
    without it, when the table maps that field; else ``fallback`` and the whole message."""
    fld, rest = split_field(str(error))
    if fld in mapping:
        return fld, rest
    return fallback, str(error)


def _row_values(row: Row, mapping: Mapping[str, str]) -> dict[str, Any]:
    """The row's value of each mapped field (absent: missing; an empty text: None), one look-up per cell."""
    cells = row.cells
    return {fld: None if isinstance(v, str) and v == "" else v
            for fld, header in mapping.items() if (v := cells.get(header)) is not None}


def company_row(b: RecordBuilder, table: Table, row: Row, mapping: Mapping[str, str]) -> None:
    def fail(fld: str | None, msg: str) -> None:
        b.problems.append(Problem(table.source, row.number, mapping.get(fld) if fld else None, msg))

    get = _row_values(row, mapping).get
    name = _text(get("name"))
    if not name.strip():
        fail("name", msg("the company name is empty"))
        return
    values: dict[str, Any] = {}
    ok = True
    signed = {"valuation": False, "revenue": False, "profit": True, "size": False}  # the number fields
    for fld in ("valuation", "revenue", "profit", "size", "x", "y", "valuation_date", "revenue_period",
                "profit_period", "notes"):
        try:
            cell = get(fld)
            if fld in signed:
                values[fld] = _number(cell, fld, signed=signed[fld])
            elif fld in ("x", "y"):
                values[fld] = _coord(cell)
            else:
                values[fld] = _text(cell)
        except (ValueError, AmountError) as e:
            fail(fld, str(e))
            ok = False
    cid = _text(get("id")).strip()
    has_ids = "id" in mapping
    key = name_key(name)
    if (cid and cid in b.companies) or (not cid and key in b.by_key):
        fail("id" if cid else "name", msg("the company {name} is listed twice", name=repr(name)))
        return
    if cid and cid in b.taken:
        fail("id", msg("the id {id} is already used by a flow type or category", id=repr(cid)))
        return
    try:
        category = b.category(get("category"))
    except ModelError as e:
        fail("category", str(e))
        return
    if not ok:
        return
    placed = values["x"] is not None and values["y"] is not None
    values["x"] = values["x"] or 0.0
    values["y"] = values["y"] or 0.0
    cid = cid or b.new_id(_slug(name))
    b.taken.add(cid)
    try:
        company = Company(cid, name if has_ids else " ".join(name.split()), category, **values)
    except ModelError as e:
        fail(*field_error(e, mapping, "name"))
        return
    b.add_company(company, placed)


QUALIFIER_WORDS = {"est": "estimated", "estimate": "estimated", "~": "estimated", "upto": "up_to",
                    "max": "up_to"}


def _memo(b: RecordBuilder, kind: str, value: Any, read: Any, *args: Any) -> Any:
    """``read(value, *args)`` once per distinct cell value of a table (columns repeat a lot);
    an error is remembered and raised again, so every row gets the same message."""
    key = (kind, type(value), value, *args)  # the type: True == 1, but they read differently
    try:
        done = b.memo[key]
    except TypeError:  # an unhashable cell (never from the readers): read it every time
        return read(value, *args)
    except KeyError:
        try:
            done = read(value, *args)
        except (ValueError, AmountError) as e:
            done = e
        b.memo[key] = done
    if isinstance(done, Exception):
        raise done.with_traceback(None)
    return done


def flow_row(b: RecordBuilder, table: Table, row: Row, mapping: Mapping[str, str]) -> None:
    problems_before = len(b.problems)
    cell = _row_values(row, mapping).get

    def fail(fld: str | None, msg: str) -> None:
        b.problems.append(Problem(table.source, row.number, mapping.get(fld) if fld else None, msg))

    ends = {}
    for end in ("source", "target"):
        name = _text(cell(end))
        cid = _text(cell(f"{end}_id")).strip()
        if not name.strip() and not cid:
            fail(end, msg("the source company is empty") if end == "source"
                 else msg("the target company is empty"))
            continue
        try:
            ends[end] = b.company_for(name, cid)
        except ValueError as e:
            fail(f"{end}_id", str(e))
    unit = _text(cell("unit")).strip()
    amount, qualifier = None, "exact"
    try:
        amount, qualifier = _memo(b, "amount", cell("amount"), parse_amount, unit or b.unit)
    except AmountError as e:
        fail("amount", str(e))
    q_raw = cell("qualifier")
    q_cell = _text(q_raw).strip().casefold().replace(" ", "_").replace("-", "_")
    if q_cell:
        q_cell = QUALIFIER_WORDS.get(q_cell, q_cell)
        if q_cell not in QUALIFIERS:
            fail("qualifier", msg("expected one of exact, up to, estimated; got {value}",
                                  value=repr(_text(q_raw))))
        qualifier = q_cell
    s_raw = cell("status")
    status = _text(s_raw).strip().casefold() or "announced"
    if status not in STATUSES:
        fail("status", msg("expected one of {choices}; got {value}", choices=", ".join(STATUSES),
                           value=repr(_text(s_raw))))
    dates = {}
    for fld in ("date", "end_date"):
        try:
            dates[fld] = _memo(b, "date", cell(fld), read_date)
        except ValueError as e:
            fail(fld, str(e))
    fid = _text(cell("id")).strip()
    if fid and fid in b.flow_ids:
        fail("id", msg("the id {id} is used twice", id=repr(fid)))
    if len(b.problems) > problems_before:
        return
    type_id = b.flow_type(cell("type"))
    if fid and fid in b.taken:  # a company's (or type's) id: flow ids are a namespace of their own
        wanted, fid = fid, b.new_id(f"e{fid}")
        b.renamed.append(f"{wanted!r} -> {fid!r}")
    if not fid:
        b.counter += 1
        fid = b.new_id(f"f{b.counter}")
    b.taken.add(fid)
    b.flow_ids.add(fid)
    if _text(cell("direction")).strip().casefold() == "undirected":
        b.undirected += 1
    try:
        flow = Flow(fid, ends["source"], ends["target"], type_id, amount, qualifier=qualifier, unit=unit,
                    status=status, url=_text(cell("url")).strip(), note=_text(cell("note")), **dates)
    except ModelError as e:
        fail(*field_error(e, mapping, None))
        return
    b.flows.append(flow)
