"""Ledgers (one row per payment) summed into company-to-company flows, with DuckDB. No Qt.

A ledger has a payer, a payee and an amount per row, and often a date and a type.
:func:`aggregate_ledger` sums its rows per (payer, payee, type) and, when asked, per
month, quarter or year, in one SQL ``GROUP BY`` run by DuckDB: the rows never pass
through Python one by one, so ten million rows take seconds. The sums (a few
thousand rows) are then built into a diagram by :func:`editor.io.edgelist.build_diagram`,
with the same checks and messages as any imported table.

The SQL is :func:`aggregation_sql`; ``docs/formats.md`` shows it so the same step can
run on a distributed SQL engine when a ledger outgrows one machine.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.io.edgelist import build_diagram, guess_columns, summarize
from editor.io.errors import InputError
from editor.io.tables import MAX_TABLE_ROWS, TEXT_EXTENSIONS, XLSX_EXTENSIONS, Row, Table
from editor.io.workbook import read_workbook
from editor.model import Diagram
from editor.model.texts import msg

PARQUET_EXTENSIONS = (".parquet", ".pq")
LEDGER_EXTENSIONS = TEXT_EXTENSIONS + XLSX_EXTENSIONS + PARQUET_EXTENSIONS
#: What ``--by`` accepts: ``type`` and at most one period.
PERIODS = ("month", "quarter", "year")
BY_CHOICES = ("type", *PERIODS)
#: More flows than this make a diagram the canvas cannot show usefully (and the analysis cannot finish).
MAX_CANVAS_FLOWS = MAX_TABLE_ROWS
#: DuckDB's memory cap: the aggregation spills to disk beyond it instead of growing.
MEMORY_LIMIT = "1GB"
DEFAULT_TYPE = "revenue"


@dataclass(frozen=True)
class Aggregate:
    """The sums of a ledger: one row per group, and what was read."""

    table: Table
    payments: int
    groups: int


def parse_by(text: str | None) -> tuple[str, ...]:
    """``"type,month"`` -> ("type", "month"); InputError naming what is accepted."""
    if not text:
        return ()
    parts = tuple(p.strip().casefold() for p in text.split(",") if p.strip())
    for p in parts:
        if p not in BY_CHOICES:
            raise InputError(msg("--by: expected some of {choices} (comma-separated); got {value}",
                                 choices=", ".join(BY_CHOICES), value=repr(p)))
    if sum(p in PERIODS for p in parts) > 1:
        raise InputError(msg("--by: choose one period (month, quarter or year)"))
    return tuple(dict.fromkeys(parts))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def aggregation_sql(columns: dict[str, str], by: Sequence[str], relation: str = "ledger") -> str:
    """The ``GROUP BY`` that sums a ledger; ``columns`` maps source/target/amount[/type/date] to headers.

    Portable SQL (CAST, TRIM, COALESCE, SUM, COUNT, MIN, MAX, GROUP BY) except the
    period expression, which uses DuckDB's ``date_trunc``/``strftime`` (``DATE_TRUNC``
    and ``TO_CHAR``/``FORMAT_DATE`` elsewhere).
    """
    src, tgt, amt = (_quote(columns[k]) for k in ("source", "target", "amount"))
    typ = (f"COALESCE(NULLIF(TRIM(CAST({_quote(columns['type'])} AS VARCHAR)), ''), '{DEFAULT_TYPE}')"
           if "type" in by and "type" in columns else f"'{DEFAULT_TYPE}'" if "type" in by else "NULL")
    day = f"TRY_CAST({_quote(columns['date'])} AS DATE)" if "date" in columns else "CAST(NULL AS DATE)"
    period = next((p for p in by if p in PERIODS), None)
    fmt = {"month": "%Y-%m", "quarter": "%Y-%m", "year": "%Y"}
    per = (f"strftime(date_trunc('{period}', {day}), '{fmt[period]}')" if period else "NULL")
    return (
        f"SELECT TRIM(CAST({src} AS VARCHAR)) AS source, TRIM(CAST({tgt} AS VARCHAR)) AS target,\n"
        f"       {typ} AS type, {per} AS period,\n"
        f"       SUM(TRY_CAST({amt} AS DOUBLE)) AS amount, COUNT(*) AS payments,\n"
        f"       COUNT({amt}) - COUNT(TRY_CAST({amt} AS DOUBLE)) AS unreadable,\n"
        f"       MIN({day}) AS first_day, MAX({day}) AS last_day\n"
        f"FROM {relation}\n"
        f"GROUP BY 1, 2, 3, 4\n"
        f"ORDER BY 1, 2, 3, 4")


def _connect() -> Any:
    try:
        import duckdb
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise InputError(msg("ledger aggregation needs the duckdb package ({reason})", reason=e)) from None
    threads = max(1, min(os.cpu_count() or 1, 4))
    return duckdb.connect(config={"memory_limit": MEMORY_LIMIT, "threads": threads})


def _relation(con: Any, path: Path) -> Any:
    """The ledger as a DuckDB relation (CSV and Parquet read by DuckDB itself, XLSX via openpyxl)."""
    suffix = path.suffix.lower()
    p = str(path)
    if suffix in PARQUET_EXTENSIONS:
        return con.read_parquet(p)
    if suffix in TEXT_EXTENSIONS:
        delim = "\t" if suffix in (".tsv", ".tab") else None
        kwargs: dict[str, Any] = {"header": True, "all_varchar": True}
        if delim:
            kwargs["sep"] = delim
        return con.read_csv(p, **kwargs)
    if suffix in XLSX_EXTENSIONS:
        import pandas as pd

        sheets = read_workbook(path)
        by_name = {n.casefold().strip(): n for n in sheets}
        t = sheets[by_name.get("flows") or by_name.get("ledger") or next(iter(sheets))]
        frame = pd.DataFrame([[r.cells.get(h) for h in t.headers] for r in t.rows], columns=t.headers,
                             dtype=object).astype("string")
        return con.from_df(frame)
    raise InputError(msg("{name}: not a ledger file (expected {extensions})",
                         name=path.name, extensions=", ".join(LEDGER_EXTENSIONS)))


def aggregate_ledger(path: str | os.PathLike, by: Sequence[str] = ()) -> Aggregate:
    """Sum the payments of ``path`` per payer, payee (and type and period, per ``by``)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(msg("{path}: no such file", path=p) if not p.exists()
                         else msg("{path}: not a regular file", path=p))
    con = _connect()
    try:
        import duckdb

        try:
            rel = _relation(con, p)
            headers = [str(c) for c in rel.columns]
        except duckdb.Error as e:
            raise InputError(msg("{name}: cannot read the ledger: {reason}",
                                 name=p.name, reason=str(e).splitlines()[0][:300])) from None
        columns = guess_columns(headers)
        missing = [f for f in ("source", "target", "amount") if f not in columns]
        if missing:
            raise InputError(msg("{name}: no {columns} column for the ledger (the header has: {headers})",
                                 name=p.name, columns=", ".join(repr(m) for m in missing),
                                 headers=", ".join(headers)[:300]))
        if any(x in by for x in PERIODS) and "date" not in columns:
            raise InputError(msg("{name}: --by {period} needs a 'date' column (the header has: {headers})",
                                 name=p.name, period=next(x for x in by if x in PERIODS),
                                 headers=", ".join(headers)[:300]))
        con.register("ledger", rel)
        try:
            result = con.execute(aggregation_sql(columns, by)).fetchall()
        except duckdb.Error as e:
            raise InputError(msg("{name}: cannot sum the ledger: {reason}",
                                 name=p.name, reason=str(e).splitlines()[0][:300])) from None
    finally:
        con.close()
    return _table(p.name, result, by)


def _table(name: str, result: list[tuple[Any, ...]], by: Sequence[str]) -> Aggregate:
    unreadable = sum(r[6] for r in result)
    if unreadable:
        raise InputError(msg("{name}: {unreadable} payment(s) have an amount that is not a plain number "
                             "(e.g. 1500000 or 1.5); fix them or leave the cell empty",
                             name=name, unreadable=unreadable))
    period = next((p for p in by if p in PERIODS), None)
    headers = ["source", "target", "type", "amount", "date", "end date", "note"]
    rows: list[Row] = []
    for i, (src, tgt, typ, per, amount, payments, _bad, first, last) in enumerate(result, start=2):
        if period == "quarter" and per:
            date, end = per, _quarter_end(per)
        elif period:
            date, end = per, ""
        else:
            date = first.isoformat() if first else ""
            end = last.isoformat() if last and last != first else ""
        note = f"sum of {payments} payment{'s' if payments != 1 else ''}"
        rows.append(Row(i, dict(zip(headers, [src, tgt, typ, amount, date, end, note], strict=True))))
    payments_total = sum(r[5] for r in result)
    return Aggregate(Table(name, headers, rows), payments_total, len(rows))


def _quarter_end(month: str) -> str:
    year, m = month.split("-")
    return f"{year}-{int(m) + 2:02d}"


def check_canvas_size(name: str, flows: int, payments: int | None = None) -> None:
    """InputError with the numbers when ``flows`` is more than the canvas shows."""
    if flows <= MAX_CANVAS_FLOWS:
        return
    what = msg("{count} payments sum to ", count=f"{payments:,}") if payments is not None else ""
    raise InputError(msg("{name}: {what}{flows} flows; a diagram holds at most {limit}. Sum "
                         "them per pair: roundtrip convert {name} OUT.roundtrip --aggregate (add --by "
                         "type or --by type,month only if that stays under the limit)",
                         name=name, what=what, flows=f"{flows:,}",
                         limit=f"{MAX_CANVAS_FLOWS:,}"))


def load_ledger(path: str | os.PathLike, by: Sequence[str] = ()) -> tuple[Diagram, list[str]]:
    """A diagram of the summed ledger: ``(diagram, notes)``; InputError on any problem."""
    p = Path(path)
    agg = aggregate_ledger(p, by)
    check_canvas_size(p.name, agg.groups, agg.payments)
    mapping = {"source": "source", "target": "target", "type": "type", "amount": "amount",
               "date": "date", "end_date": "end date", "note": "note"}
    d, problems = build_diagram(agg.table, mapping)
    if problems:
        raise InputError(summarize(problems))
    grouping = ", ".join(("payer and payee", *by))
    return d, [msg("summed {payments} payments into {flows} flows (per {grouping})",
                   payments=f"{agg.payments:,}", flows=f"{agg.groups:,}", grouping=grouping)]


def read_parquet(path: Path) -> tuple[Diagram, list[str]]:
    """A Parquet edge list or ledger, read as a diagram (rows summed per payer, payee and type)."""
    return load_ledger(path, ("type",))
