"""``roundtrip convert LEDGER OUT --aggregate [--by ...]`` and ``--raw``."""
from __future__ import annotations

from editor.cli.main import main
from editor.io import native
from tests.helpers import seed_diagram

LEDGER = ("payer,payee,amount,date,type\n"
          "Acme,Beta,10,2025-01-03,loan\nAcme,Beta,5,2025-01-20,loan\nAcme,Beta,7,2025-02-01,loan\n"
          "Beta,Acme,3,2025-04-01,equity\n")


def test_convert_aggregate_by_type_and_month(tmp_path, capsys):
    src = tmp_path / "ledger.csv"
    src.write_text(LEDGER)
    out = tmp_path / "flows.roundtrip"
    assert main(["convert", str(src), str(out), "--aggregate", "--by", "type,month"]) == 0
    captured = capsys.readouterr()
    assert "note: summed 4 payments into 3 flows (per payer and payee, type, month)" in captured.err
    assert captured.out.startswith(f"wrote {out}") and "2 companies, 3 flows" in captured.out
    flows = native.load(out).flows()
    assert sorted((f.amount, f.date) for f in flows) == [(3.0, "2025-04"), (7.0, "2025-02"),
                                                         (15.0, "2025-01")]


def test_convert_aggregate_defaults_to_per_type(tmp_path, capsys):
    src = tmp_path / "ledger.csv"
    src.write_text(LEDGER)
    out = tmp_path / "flows.roundtrip"
    assert main(["convert", str(src), str(out), "--aggregate"]) == 0
    assert sorted(f.amount for f in native.load(out).flows()) == [3.0, 22.0]


def test_convert_aggregate_errors_are_one_line_exit_2(tmp_path, capsys):
    src = tmp_path / "ledger.csv"
    src.write_text(LEDGER)
    out = tmp_path / "flows.roundtrip"
    assert main(["convert", str(src), str(out), "--by", "month"]) == 2
    assert capsys.readouterr().err.strip() == "error: --by only applies with --aggregate"
    assert main(["convert", str(src), str(out), "--aggregate", "--by", "week"]) == 2
    assert "error: --by: expected some of type, month, quarter, year" in capsys.readouterr().err
    assert not out.exists()


def test_too_many_rows_offer_aggregation(tmp_path, capsys, monkeypatch):
    from editor.io import tables

    monkeypatch.setattr(tables, "MAX_TABLE_ROWS", 3)
    src = tmp_path / "ledger.csv"
    src.write_text(LEDGER)
    assert main(["convert", str(src), str(tmp_path / "x.roundtrip")]) == 2
    err = capsys.readouterr().err
    assert "more than 3 rows" in err and "roundtrip convert ledger.csv OUT.roundtrip --aggregate" in err
    assert main(["convert", str(src), str(tmp_path / "x.roundtrip"), "--aggregate"]) == 0


def test_export_csv_neutralises_unless_raw(tmp_path, capsys):
    d = seed_diagram()
    first = d.companies()[0]
    d.update_company(first.id, name='=HYPERLINK("http://x")')
    src = tmp_path / "d.roundtrip"
    native.save(d, src)
    safe, raw = tmp_path / "safe.csv", tmp_path / "raw.csv"
    assert main(["export", str(src), str(safe)]) == 0
    assert main(["export", str(src), str(raw), "--raw"]) == 0
    assert "'=HYPERLINK" in safe.read_text() and "'=HYPERLINK" not in raw.read_text()
    assert '"=HYPERLINK(""http://x"")"' in raw.read_text()
    back = tmp_path / "back.roundtrip"
    assert main(["convert", str(safe), str(back)]) == 0
    assert sorted(c.name for c in native.load(back).companies()) == sorted(c.name for c in d.companies())
