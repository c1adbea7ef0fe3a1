"""Ledgers (one row per payment) summed into flows by DuckDB; Parquet read."""
from __future__ import annotations

from pathlib import Path

import duckdb
import openpyxl
import pytest

from editor.io import ledger
from editor.io.errors import InputError
from editor.io.formats import read_any

LEDGER = ("payer,payee,amount,date,type\n"
          "Acme,Beta,10,2025-01-03,loan\n"
          "Acme,Beta,5,2025-01-20,loan\n"
          "Acme,Beta,7,2025-02-01,loan\n"
          "Acme,Beta,1,2025-02-02,equity\n"
          "Beta,Gamma,3,2025-04-01,\n"
          "Gamma,Acme,2,2025-05-09,equity\n")


@pytest.fixture
def ledger_csv(tmp_path: Path) -> Path:
    p = tmp_path / "ledger.csv"
    p.write_text(LEDGER)
    return p


def _flows(path: Path, by: tuple[str, ...]) -> list[tuple]:
    d, _ = ledger.load_ledger(path, by)
    names = {c.id: c.name for c in d.companies()}
    types = {t.id: t.name.casefold().split()[0] for t in d.flow_types()}  # "equity investment"
    return [(names[f.source], names[f.target], types[f.type], f.amount, f.date, f.end_date)
            for f in d.flows()]


def test_sums_per_pair_and_type(ledger_csv):
    assert _flows(ledger_csv, ("type",)) == [
        ("Acme", "Beta", "equity", 1.0, "2025-02-02", ""),
        ("Acme", "Beta", "loan", 22.0, "2025-01-03", "2025-02-01"),
        ("Beta", "Gamma", "revenue", 3.0, "2025-04-01", ""),  # an empty type is the default type
        ("Gamma", "Acme", "equity", 2.0, "2025-05-09", "")]


def test_sums_per_pair_type_and_month(ledger_csv):
    rows = _flows(ledger_csv, ("type", "month"))
    assert ("Acme", "Beta", "loan", 15.0, "2025-01", "") in rows
    assert ("Acme", "Beta", "loan", 7.0, "2025-02", "") in rows
    assert len(rows) == 5


def test_sums_per_pair_only_and_per_quarter(ledger_csv):
    assert [r[:4] for r in _flows(ledger_csv, ())][0] == ("Acme", "Beta", "revenue", 23.0)
    quarters = _flows(ledger_csv, ("quarter",))
    assert ("Acme", "Beta", "revenue", 23.0, "2025-01", "2025-03") in quarters
    assert ("Gamma", "Acme", "revenue", 2.0, "2025-04", "2025-06") in quarters


def test_notes_count_the_payments(ledger_csv):
    d, notes = ledger.load_ledger(ledger_csv, ("type",))
    assert notes == ["summed 6 payments into 4 flows (per payer and payee, type)"]
    assert sorted(f.note for f in d.flows())[-1] == "sum of 3 payments"


def test_parquet_is_read_by_extension_and_summed(tmp_path, ledger_csv):
    out = tmp_path / "ledger.parquet"
    con = duckdb.connect()
    con.execute(f"COPY (SELECT * FROM read_csv('{ledger_csv}')) TO '{out}' (FORMAT PARQUET)")
    con.close()
    d, notes = read_any(out)
    assert len(d.flows()) == 4 and sum(f.amount for f in d.flows()) == 28.0
    assert "summed 6 payments" in notes[0]


def test_xlsx_ledger(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ledger"
    for line in LEDGER.splitlines():
        ws.append([int(c) if c.isdigit() else c for c in line.split(",")])
    p = tmp_path / "ledger.xlsx"
    wb.save(p)
    assert _flows(p, ("type",))[1][:4] == ("Acme", "Beta", "loan", 22.0)


def test_unreadable_amounts_are_counted_not_guessed(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("payer,payee,amount\nA,B,10\nA,B,ten\nB,A,1.5bn\n")
    with pytest.raises(InputError, match=r"bad.csv: 2 payment\(s\) have an amount that is not a plain"):
        ledger.load_ledger(p)


def test_missing_columns_and_bad_by_are_named(tmp_path, ledger_csv):
    p = tmp_path / "nopayee.csv"
    p.write_text("payer,amount\nA,1\n")
    with pytest.raises(InputError, match=r"no 'target' column for the ledger \(the header has: payer, amo"):
        ledger.load_ledger(p)
    q = tmp_path / "nodate.csv"
    q.write_text("payer,payee,amount\nA,B,1\n")
    with pytest.raises(InputError, match=r"--by month needs a 'date' column"):
        ledger.load_ledger(q, ("month",))
    with pytest.raises(InputError, match=r"--by: expected some of type, month, quarter, year"):
        ledger.parse_by("type,week")
    with pytest.raises(InputError, match=r"choose one period"):
        ledger.parse_by("month,year")
    assert ledger.parse_by("Type, month") == ("type", "month")


def test_too_many_flows_for_the_canvas_says_so_with_the_numbers(tmp_path, monkeypatch):
    monkeypatch.setattr(ledger, "MAX_CANVAS_FLOWS", 3)
    p = tmp_path / "wide.csv"
    p.write_text("payer,payee,amount\n" + "".join(f"A{i},B,1\nA{i},B,2\n" for i in range(5)))
    with pytest.raises(InputError, match=r"wide.csv: 10 payments sum to 5 flows; a diagram holds at most 3"):
        ledger.load_ledger(p)


def test_the_documented_sql_is_the_one_run():
    sql = ledger.aggregation_sql({"source": "payer", "target": "payee", "amount": "amount", "type": "type",
                                  "date": "date"}, ("type", "month"))
    docs = (Path(__file__).resolve().parents[2] / "docs" / "formats.md").read_text()
    assert sql in docs
