"""Edge lists: a flows table (and an optional companies table) <-> a diagram.

A flows table has one row per money flow with a header row; ``source`` and
``target`` (company names) are required, all other columns are optional (see
docs/formats.md). Reading is split so an import dialog can preview it:

    table = read_table(path)                       # raw rows with row numbers
    mapping = guess_columns(table.headers)          # field -> header, for the user to confirm
    diagram, problems = build_diagram(table, mapping)  # problems name row and column

``load_table(path)`` does all three and raises :class:`InputError` listing the
first problems, so nothing is ever half-loaded. The inverse (``flow_rows``/
``company_rows``, for the CSV/XLSX export) is in :mod:`editor.io.tables`; merging
an imported diagram into an open one is :mod:`editor.io.merge`. No Qt here.
"""
from __future__ import annotations

import datetime as _dt
import gc
import math
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from editor.io.catalogues import read_catalogues
from editor.io.errors import InputError
from editor.io.fields import COMPANY_COLUMNS, FLOW_COLUMNS
from editor.io.kumu import pick_sheets
from editor.io.tables import TEXT_EXTENSIONS, XLSX_EXTENSIONS, Row, Table, read_text_table, read_workbook
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
from editor.io.tableshapes import cell_str as _text
from editor.io.tableshapes import norm_header as _norm
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
from editor.model.layout import layout_positions

#: Columns of a flows table and of a companies table, in export order (from the records).
FLOW_FIELDS = FLOW_COLUMNS
COMPANY_FIELDS = COMPANY_COLUMNS
REQUIRED_FLOW_FIELDS = ("source", "target")
#: Flow type of rows whose type cell is empty: the most general kind of payment.
DEFAULT_TYPE = "revenue"
MAX_LISTED_PROBLEMS = 5

_FLOW_SYNONYMS: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "source url", "source link", "sources", "reference", "citation", "href", "web"),
    "source_id": ("source id", "from id", "source_id"),
    "target_id": ("target id", "to id", "target_id"),
    "id": ("id", "flow id", "deal id"),
    "source": ("source", "from", "payer", "payor", "buyer", "investor", "funder", "sender", "customer",
               "from company", "source company", "origin", "paid by"),
    "target": ("target", "to", "payee", "beneficiary", "recipient", "receiver", "seller", "supplier",
               "vendor", "investee", "destination", "to company", "target company", "paid to"),
    "type": ("type", "kind", "deal type", "flow type", "transaction type", "deal kind", "flow kind"),
    "amount": ("amount", "value", "usd", "amount usd", "amount usd bn", "deal value", "deal size", "size",
               "sum", "weight", "usd bn", "amount bn", "strength"),
    "qualifier": ("qualifier", "precision", "certainty"),
    "unit": ("unit", "currency", "units"),
    "date": ("date", "start date", "announced", "announcement date", "date announced", "year", "when"),
    "end_date": ("end date", "end_date", "until", "end", "ends"),
    "status": ("status", "stage", "state"),
    "note": ("note", "notes", "comment", "comments", "description", "details", "remarks"),
}
_COMPANY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "company id"),
    "name": ("name", "company", "company name", "organisation", "organization", "firm", "entity", "label"),
    "category": ("category", "sector", "industry", "kind", "type", "group"),
    "valuation_date": ("valuation date", "valuation_date", "valued on"),
    "valuation": ("valuation", "market cap", "market capitalisation", "market capitalization", "value"),
    "revenue_period": ("revenue period", "revenue_period", "fiscal year"),
    "revenue": ("revenue", "revenues", "sales", "turnover"),
    "profit_period": ("profit period", "profit_period"),
    "profit": ("profit", "net income", "earnings", "income"),
    "notes": ("notes", "note", "comment", "comments", "description"),
    "x": ("x",), "y": ("y",), "size": ("size",),
}
# Second pass: a header whose first word is one of these (e.g. "amount (usd bn)").
_FLOW_PREFIXES = {"url": ("url", "link"), "amount": ("amount", "value", "usd"), "date": ("date",),
                  "note": ("note", "notes"), "type": ("type",), "source": ("source", "from"),
                  "target": ("target", "to")}
_COMPANY_PREFIXES = {"valuation": ("valuation",), "revenue": ("revenue", "revenues"), "profit": ("profit",),
                     "name": ("name", "company")}


def guess_columns(headers: Iterable[str], kind: str = "flows") -> dict[str, str]:
    """Guess which header holds which field: ``{field: header}`` for the user to confirm."""
    synonyms, prefixes = ((_FLOW_SYNONYMS, _FLOW_PREFIXES) if kind == "flows"
                          else (_COMPANY_SYNONYMS, _COMPANY_PREFIXES))
    headers = list(headers)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for fld, words in synonyms.items():
        for h in headers:
            if h not in used and (_norm(h) in words or h.casefold().strip() in words):
                mapping[fld] = h
                used.add(h)
                break
    for fld, words in prefixes.items():
        if fld in mapping:
            continue
        for h in headers:
            first = _norm(h).split(" ")[0] if _norm(h) else ""
            if h not in used and first in words:
                mapping[fld] = h
                used.add(h)
                break
    return mapping


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
            flows.notes.append(f"read the flows from the sheet {flows_name!r}"
                               + (f" and the companies from {companies_name!r}" if companies_name else ""))
        companies = sheets[companies_name] if companies_name else None
        extra = {n: t for n, t in sheets.items() if n not in (flows_name, companies_name)}
    elif suffix in TEXT_EXTENSIONS:
        flows, companies = read_text_table(p), None
        sibling = companies_table_beside(p)
        if companies_path is None and sibling is not None:
            companies = read_text_table(sibling)
            flows.notes.append(f"also read the companies table {sibling.name}")
    else:
        expected = ", ".join(TEXT_EXTENSIONS + XLSX_EXTENSIONS)
        raise InputError(f"{p.name}: not a table file (expected {expected})")
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
    shown = "; ".join(str(p) for p in problems[:MAX_LISTED_PROBLEMS])
    more = len(problems) - MAX_LISTED_PROBLEMS
    return shown + (f" (and {more} more problem(s))" if more > 0 else "")


# --------------------------------------------------------------- cell values
def _date(value: Any) -> str:
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
        raise ValueError(f"cannot read {text!r} as a date (expected 2025, 2025-09 or 2025-09-22)") from None


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
        raise ValueError(f"cannot read {_text(value)!r} as a position") from None
    if not math.isfinite(v):
        raise ValueError(f"cannot read {_text(value)!r} as a position")
    return v


def _slug(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.casefold()).strip("_") or "company"


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


# ------------------------------------------------------------------ building
class _Builder:
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

    def new_id(self, base: str, prefix: str = "") -> str:
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}_{n}"
        self.taken.add(candidate)
        return candidate

    def add_company(self, c: Company, placed: bool) -> None:
        self.companies[c.id] = c
        self.by_key.setdefault(_key(c.name), c.id)
        if placed:
            self.placed.add(c.id)

    def company_for(self, name: str, cid: str) -> str:
        if cid:
            if cid not in self.companies:
                if cid in self.taken:
                    raise ValueError(f"the id {cid!r} is already used by a flow type, category or flow")
                self.taken.add(cid)
                self.add_company(Company(cid, name if name.strip() else cid), placed=False)
            return cid
        key = _key(name)
        if key not in self.by_key:
            cid = self.new_id(_slug(name))
            self.add_company(Company(cid, " ".join(name.split())), placed=False)
        return self.by_key[key]

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


def _row_values(row: Row, mapping: Mapping[str, str]) -> dict[str, Any]:
    """The row's value of each mapped field (absent: missing; an empty text: None), one look-up per cell."""
    cells = row.cells
    return {fld: None if isinstance(v, str) and v == "" else v
            for fld, header in mapping.items() if (v := cells.get(header)) is not None}


def _company_row(b: _Builder, table: Table, row: Row, mapping: Mapping[str, str]) -> None:
    def fail(fld: str, msg: str) -> None:
        b.problems.append(Problem(table.source, row.number, mapping.get(fld), msg))

    get = _row_values(row, mapping).get
    name = _text(get("name"))
    if not name.strip():
        fail("name", "the company name is empty")
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
    key = _key(name)
    if (cid and cid in b.companies) or (not cid and key in b.by_key):
        fail("id" if cid else "name", f"the company {name!r} is listed twice")
        return
    if cid and cid in b.taken:
        fail("id", f"the id {cid!r} is already used by a flow type or category")
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
        msg = str(e)
        fld = msg.split(":")[0]
        fail(fld if fld in mapping else "name", msg.split(": ", 1)[-1] if fld in mapping else msg)
        return
    b.add_company(company, placed)


_QUALIFIER_WORDS = {"est": "estimated", "estimate": "estimated", "~": "estimated", "upto": "up_to",
                    "max": "up_to"}


def _memo(b: _Builder, kind: str, value: Any, read: Any, *args: Any) -> Any:
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


def _flow_row(b: _Builder, table: Table, row: Row, mapping: Mapping[str, str]) -> None:
    problems_before = len(b.problems)
    cell = _row_values(row, mapping).get

    def fail(fld: str, msg: str) -> None:
        b.problems.append(Problem(table.source, row.number, mapping.get(fld), msg))

    ends = {}
    for end in ("source", "target"):
        name = _text(cell(end))
        cid = _text(cell(f"{end}_id")).strip()
        if not name.strip() and not cid:
            fail(end, f"the {end} company is empty")
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
        q_cell = _QUALIFIER_WORDS.get(q_cell, q_cell)
        if q_cell not in QUALIFIERS:
            fail("qualifier", f"expected one of exact, up to, estimated; got {_text(q_raw)!r}")
        qualifier = q_cell
    s_raw = cell("status")
    status = _text(s_raw).strip().casefold() or "announced"
    if status not in STATUSES:
        fail("status", f"expected one of {', '.join(STATUSES)}; got {_text(s_raw)!r}")
    dates = {}
    for fld in ("date", "end_date"):
        try:
            dates[fld] = _memo(b, "date", cell(fld), _date)
        except ValueError as e:
            fail(fld, str(e))
    fid = _text(cell("id")).strip()
    if fid and fid in b.flow_ids:
        fail("id", f"the id {fid!r} is used twice")
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
        msg = str(e)
        fld = msg.split(":")[0]
        fail(fld, msg.split(": ", 1)[-1] if fld in mapping else msg)
        return
    b.flows.append(flow)


def build_diagram(flows: Table, mapping: Mapping[str, str], *, companies: Table | None = None,
                  companies_mapping: Mapping[str, str] | None = None, unit: str | None = None,
                  extra: Mapping[str, Table] | None = None, place: bool = True,
                  decimal_mark: str | None = None, notes: list[str] | None = None
                  ) -> tuple[Diagram, list[Problem]]:
    """Build a diagram from the rows that can be read; ``problems`` lists the others.

    ``mapping`` is ``{field: header}`` (from :func:`guess_columns`, confirmed by the
    user). New companies without a position are placed by :func:`layout_positions`
    unless ``place`` is false (a quick check of the rows, as an import preview does).
    ``decimal_mark`` settles number columns whose cells leave the decimal mark open;
    ``notes`` (when given) receives what the reading changed or left out.
    """
    notes = [] if notes is None else notes
    mapping = kumu_columns(flows, direction_column(flows, mapping, notes))
    flows = split_multi(flows, mapping, notes)
    problems: list[Problem] = []
    for fld in REQUIRED_FLOW_FIELDS:
        if fld not in mapping and f"{fld}_id" not in mapping:
            problems.append(Problem(flows.source, None, None,
                                    f"no '{fld}' column (the header has: {', '.join(flows.headers)})"))
    for fld, header in mapping.items():
        if header not in flows.headers:
            problems.append(Problem(flows.source, None, None, f"no column named {header!r} for {fld}"))
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
    b = _Builder(unit, metadata, types, categories)
    if companies is not None:
        if "name" not in cmap:
            b.problems.append(Problem(companies.source, None, None,
                                      f"no 'name' column (the header has: {', '.join(companies.headers)})"))
        else:
            for row in companies.rows:
                _company_row(b, companies, row, cmap)
    for row in flows.rows:
        _flow_row(b, flows, row, mapping)
    d = b.diagram
    try:
        for c in b.companies.values():
            d.add_company(c)
        for f in b.flows:
            d.add_flow(f)
    except ModelError as e:  # pragma: no cover - the checks above come first
        b.problems.append(Problem(flows.source, None, None, str(e)))
    unplaced = [cid for cid in b.companies if cid not in b.placed]
    if unplaced and place:
        d.move_companies(layout_positions(d, unplaced))
    if b.renamed:
        shown = ", ".join(b.renamed[:3]) + (f" and {len(b.renamed) - 3} more" if len(b.renamed) > 3 else "")
        notes.append(f"{len(b.renamed)} flow id(s) were also company ids and were renamed ({shown})")
    if b.undirected:
        notes.append(f"{b.undirected} undirected row(s) were read as flows from source to target; "
                     f"check their direction")
    return d, b.problems
