import datetime
import os

import openpyxl
import pytest

from editor.io.edgelist import build_diagram, guess_columns, load_table, read_rows, read_table
from editor.io.errors import InputError
from editor.io.merge import merge_into, plan_merge
from editor.model import Company, Diagram
from tests.helpers import seed_diagram


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return p


def error_of(*args, **kw):
    with pytest.raises(InputError) as info:
        load_table(*args, **kw)
    return str(info.value)


def test_minimal_edge_list_builds_companies_and_flows(tmp_path):
    p = write(tmp_path, "flows.csv", "source,target,type,amount,date,status,url,note\n"
              "NVIDIA,OpenAI,equity,up to $100B,2025-09,announced,https://a,first\n"
              "OpenAI,Oracle,Compute / service contract,~300,2025-09,,,\n"
              "Oracle,nvidia,,$40bn,2025-05,Paid,,\n"
              "OpenAI,AMD,Gigawatt deal,,2025,,,\n")
    d = load_table(p)
    assert [c.name for c in d.companies()] == ["NVIDIA", "OpenAI", "Oracle", "AMD"]
    assert [c.id for c in d.companies()] == ["nvidia", "openai", "oracle", "amd"]
    f1, f2, f3, f4 = d.flows()
    assert (f1.source, f1.target, f1.type, f1.amount, f1.qualifier) == (
        "nvidia", "openai", "equity", 100, "up_to")
    assert f1.url == "https://a" and f1.note == "first"
    assert (f2.type, f2.amount, f2.qualifier) == ("service", 300, "estimated")
    assert (f3.target, f3.type, f3.status) == ("nvidia", "revenue", "paid")  # matched case-insensitively
    assert f4.amount is None
    new = d.flow_type(f4.type)
    assert new.name == "Gigawatt deal" and new.color not in {t.color for t in Diagram().flow_types()}
    positions = {(c.x, c.y) for c in d.companies()}
    assert len(positions) == 4  # laid out, not stacked
    assert load_table(p) == d  # deterministic


def test_same_names_give_unique_stable_ids(tmp_path):
    p = write(tmp_path, "f.csv", "source,target\nA & B,A-B\nRevenue,A & B\n")
    d = load_table(p)
    ids = [c.id for c in d.companies()]
    assert ids == ["a_b", "a_b_2", "revenue_2"]  # 'revenue' is a flow type id
    assert [c.name for c in d.companies()] == ["A & B", "A-B", "Revenue"]


@pytest.mark.parametrize("body, expected", [
    ("source,target,amount\nA,B,1\nA,B,12 apples\n",
     "flows.csv: row 3, column 'amount': cannot read '12 apples' as an amount"),
    ("source,target,amount\nA,B,-4\n", "row 2, column 'amount': '-4' is negative"),
    ("source,target\nA,\n", "row 2, column 'target': the target company is empty"),
    ("source,target,date\nA,B,Sept 2025\n", "row 2, column 'date': cannot read 'Sept 2025' as a date"),
    ("source,target,status\nA,B,rumoured\n", "row 2, column 'status': expected one of announced"),
    ("source,target,date,end_date\nA,B,2025,2024\n", "row 2, column 'end_date'"),
    ("src,dst\nA,B\n", "no 'source' column (the header has: src, dst)"),
    ("source,target,amount,Amount\nA,B,1,2\n", "column C and column D both 'Amount'"),
    ("source,target\nA,B,C\n", "row 2 has 3 or more cells but the header has 2 columns"),
    ('source,target\n"A,B\n', "not valid CSV"),
])
def test_errors_say_file_row_and_column(tmp_path, body, expected):
    p = write(tmp_path, "flows.csv", body)
    assert expected in error_of(p)


def test_nothing_half_loaded_and_several_problems_listed(tmp_path):
    p = write(tmp_path, "flows.csv", "source,target,amount\nA,B,x\nA,B,y\nA,B,1\nA,B,z\n")
    msg = error_of(p)
    assert "row 2" in msg and "row 3" in msg and "row 5" in msg and "row 4" not in msg


def test_build_diagram_returns_good_rows_and_problems_for_a_preview(tmp_path):
    p = write(tmp_path, "flows.csv", "payer,payee,value (usd bn)\nA,B,x\nB,C,2\n")
    table = read_table(p)
    mapping = guess_columns(table.headers)
    assert mapping == {"source": "payer", "target": "payee", "amount": "value (usd bn)"}
    d, problems = build_diagram(table, mapping)
    assert [(f.source, f.target, f.amount) for f in d.flows()] == [("b", "c", 2.0)]
    assert [(p.row, p.column) for p in problems] == [(2, "value (usd bn)")]
    headers, rows = read_rows(p)
    assert headers == ["payer", "payee", "value (usd bn)"] and [r.number for r in rows] == [2, 3]


@pytest.mark.parametrize("headers, expected", [
    (["From", "To", "USD"], {"source": "From", "target": "To", "amount": "USD"}),
    (["Beneficiary", "Funder", "Amount (USD bn)", "Deal type", "Source URL"],
     {"target": "Beneficiary", "source": "Funder", "amount": "Amount (USD bn)", "type": "Deal type",
      "url": "Source URL"}),
    (["recipient", "payer", "kind", "link", "Notes"],
     {"target": "recipient", "source": "payer", "type": "kind", "url": "link", "note": "Notes"}),
    (["source", "target", "source url"], {"source": "source", "target": "target", "url": "source url"}),
])
def test_guess_columns(headers, expected):
    assert guess_columns(headers) == expected


def test_guess_company_columns():
    assert guess_columns(["Company", "Sector", "Market cap", "Revenue (USD bn)"], "companies") == {
        "name": "Company", "category": "Sector", "valuation": "Market cap", "revenue": "Revenue (USD bn)"}


def test_blank_rows_skipped_and_row_numbers_kept(tmp_path):
    p = write(tmp_path, "f.csv", "source,target,amount\n\nA,B,1\n,,\nA,B,bad\n")
    assert "row 5, column 'amount'" in error_of(p)


@pytest.mark.parametrize("data, encoding, note", [
    ("source,target\nNestlé,Zürich AG\n", "utf-8", False),
    ("\ufeffsource,target\nNestlé,Zürich AG\n", "utf-8", False),
    ("source,target\nNestlé,Zürich AG\n", "cp1252", True),
    ("source,target\nNestlé,Zürich AG\n", "utf-16", False),
])
def test_encodings(tmp_path, data, encoding, note):
    p = write(tmp_path, "f.csv", data, encoding)
    t = read_table(p)
    assert t.headers == ["source", "target"]
    assert bool(t.notes) == note
    assert [c.name for c in load_table(p).companies()] == ["Nestlé", "Zürich AG"]


def test_semicolon_and_tab_separated(tmp_path):
    d1 = load_table(write(tmp_path, "a.csv", "source;target;amount\nA;B;1,5\n"))
    d2 = load_table(write(tmp_path, "b.tsv", "source\ttarget\tamount\nA\tB\t1.5\n"))
    assert d1.flows()[0].amount == d2.flows()[0].amount == 1.5


@pytest.mark.parametrize("data, expected", [
    (b"", "empty"),
    (b"\n\n  \n", "empty"),
    (os.urandom(0) + bytes(range(256)) * 8, "binary"),
    (b"PK\x03\x04rest", "Excel workbook"),
    ("source,target\n".encode("utf-16-le"), "binary"),
])
def test_malformed_text_files(tmp_path, data, expected):
    assert expected in error_of(write(tmp_path, "f.csv", data))


def test_not_a_table_extension_and_missing_file(tmp_path):
    assert "not a table file" in error_of(write(tmp_path, "f.json", "{}"))
    assert "no such file" in error_of(tmp_path / "nope.csv")


def test_huge_file_refused_before_reading(tmp_path, monkeypatch):
    from editor.io import tables
    monkeypatch.setattr(tables, "MAX_TABLE_SIZE", 100)
    assert "up to 0 MB" in error_of(write(tmp_path, "f.csv", "source,target\n" + "A,B\n" * 50))


def test_companies_table_as_second_path(tmp_path):
    flows = write(tmp_path, "f.csv", "source,target,amount\nNVIDIA,OpenAI,100\nOpenAI,New Co,1\n")
    comps = write(tmp_path, "c.csv", "Company,Sector,Valuation,Revenue,Profit,x,y,notes\n"
                  "nvidia,Chipmaker,\"$4,500bn\",130.5,-2,10,20,hello\nOpenAI,AI lab,500,,,,,\n")
    d = load_table(flows, comps)
    nv = d.company("nvidia")
    assert (nv.name, nv.category, nv.valuation, nv.revenue, nv.profit, nv.x, nv.y, nv.notes) == (
        "nvidia", "chipmaker", 4500, 130.5, -2, 10, 20, "hello")
    assert d.company("openai").category == "ai_lab"
    assert [c.name for c in d.companies()] == ["nvidia", "OpenAI", "New Co"]
    assert nv.x == 10 and nv.y == 20  # a given position is kept
    bad = write(tmp_path, "c2.csv", "name,valuation\nA,lots\nB,1\nb,2\n")
    msg = error_of(flows, bad)
    assert "c2.csv: row 2, column 'valuation'" in msg
    assert "row 4, column 'name'" in msg and "listed twice" in msg


def _xlsx(tmp_path, sheets, name="book.xlsx"):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    p = tmp_path / name
    wb.save(p)
    return p, wb


def test_xlsx_two_sheets_dates_and_numbers(tmp_path):
    p, _ = _xlsx(tmp_path, {
        "companies": [["name", "category"], ["Oracle", "Cloud / data centre"]],
        "flows": [["Source", "Target", "Amount", "Date"],
                  ["OpenAI", "Oracle", 300, datetime.datetime(2025, 9, 10)],
                  ["Oracle", "NVIDIA", "$40bn", 2025]],
    })
    d = load_table(p)
    assert [c.name for c in d.companies()] == ["Oracle", "OpenAI", "NVIDIA"]
    assert d.company("oracle").category == "cloud"
    assert [(f.amount, f.date) for f in d.flows()] == [(300, "2025-09-10"), (40, "2025")]


def test_xlsx_first_sheet_is_flows_when_not_named(tmp_path):
    p, _ = _xlsx(tmp_path, {"Deals": [["from", "to"], ["A", "B"]], "Other": [["x"], [1]]})
    assert len(load_table(p).flows()) == 1


def test_xlsx_merged_cells_fill_their_range(tmp_path):
    p, wb = _xlsx(tmp_path, {"flows": [["source", "target", "amount"], ["OpenAI", "Oracle", 1],
                                       [None, "AMD", 2], [None, "CoreWeave", 3]]})
    wb["flows"].merge_cells("A2:A4")
    wb.save(p)
    d = load_table(p)
    assert [(f.source, f.target) for f in d.flows()] == [("openai", "oracle"), ("openai", "amd"),
                                                           ("openai", "coreweave")]


def test_xlsx_formulas_use_cached_values_or_fail_clearly(tmp_path):
    p, wb = _xlsx(tmp_path, {"flows": [["source", "target", "amount"], ["A", "B", "=1+1"]]})
    msg = error_of(p)  # openpyxl writes formulas without a cached result
    assert "row 2, column C: the formula =1+1 has no saved result" in msg
    # a workbook saved by a spreadsheet program carries the cached value: simulate it
    import zipfile
    q = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(p) as zin, zipfile.ZipFile(q, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>2</v>").replace(
                    b"<f>1+1</f><v />", b"<f>1+1</f><v>2</v>")
                assert b"<v>2</v>" in data
            zout.writestr(item, data)
    assert load_table(q).flows()[0].amount == 2


@pytest.mark.parametrize("data, expected", [
    (b"", "empty"),
    (b"not a zip at all", "not a readable Excel workbook"),
    (b"PK\x03\x04" + b"\x00" * 50, "not a readable Excel workbook"),
])
def test_malformed_xlsx(tmp_path, data, expected):
    assert expected in error_of(write(tmp_path, "f.xlsx", data))


def test_xlsx_empty_sheets(tmp_path):
    p, _ = _xlsx(tmp_path, {"flows": []})
    assert "every sheet of the workbook is empty" in error_of(p)


def test_merge_matches_companies_by_name(tmp_path):
    existing = seed_diagram()
    p = write(tmp_path, "f.csv", "source,target,type,amount\nopenai,AMD,Chip / hardware purchase,10\n"
              "AMD,OpenAI,Warrants,\n")
    imported = load_table(p)
    plan = plan_merge(existing, imported)
    assert plan.matched == {"openai": "openai"}
    assert [c.name for c in plan.companies] == ["AMD"] and plan.types == []
    before = existing.state()
    assert existing.state() == before  # planning changes nothing
    merge_into(existing, plan and imported)
    assert len(existing.companies()) == 4 and len(existing.flows()) == 5
    amd = existing.find_company("amd")
    assert existing.flows()[3].source == "openai" and existing.flows()[3].target == amd.id
    assert len({f.id for f in existing.flows()}) == 5  # imported f1, f2 renamed


def test_merge_adds_new_types_and_company_with_clashing_id():
    existing = seed_diagram()
    imported = Diagram()
    imported.add_company(Company("openai", "Open Artificial"))
    imported.add_company(Company("x", "X"))
    from editor.model import Flow, FlowType
    imported.add_flow_type(FlowType("loan", "Loan", "#123456"))
    imported.add_flow(Flow("f1", "openai", "x", "loan", 1))
    plan = merge_into(existing, imported)
    assert [t.name for t in plan.types] == ["Loan"]
    assert {c.name for c in plan.companies} == {"Open Artificial", "X"}
    assert existing.find_company("Open Artificial").id != "openai"
