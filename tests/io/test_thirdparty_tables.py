"""Tables shaped like Gephi's, Kumu's and European Excel's: Roundtrip reads what the other tool meant.

Each test names the file (tests/corpus/<tool>/) and what the other tool means by it.
"""
from pathlib import Path

import openpyxl
import pytest

from editor.io.decimals import DecimalMarkError, column_mark, normalize
from editor.io.edgelist import load_table_with_notes
from editor.io.errors import InputError
from editor.io.formats import format_for, read_any, write_any
from editor.io.kumu import CONNECTION_HEADERS, ELEMENT_HEADERS
from tests.helpers import seed_diagram

CORPUS = Path(__file__).parents[1] / "corpus"


def flows_by(d):
    return [(d.company(f.source).name, d.company(f.target).name, d.flow_type(f.type).name, f.amount)
            for f in d.flows()]


def test_gephi_data_laboratory_edge_table():
    # Type is the direction, Kind the relation; edge ids 1..3 are not the node ids 1..3.
    d, notes = load_table_with_notes(CORPUS / "gephi" / "edges_table.csv")
    assert flows_by(d) == [("1", "2", "Investment", 1.33), ("2", "3", "Cloud contract", 2.5),
                           ("3", "1", "Investment", 4.0)]
    assert {t.name for t in d.flow_types()}.isdisjoint({"Directed", "Undirected"})
    assert [f.id for f in d.flows()] == ["e1", "e2", "e3"]
    assert any("read as the direction; the flow types come from 'Kind'" in n for n in notes)
    assert any("1 undirected row(s)" in n for n in notes)
    assert any("renamed ('1' -> 'e1'" in n for n in notes)


def test_flow_ids_used_twice_are_still_refused(tmp_path):
    p = tmp_path / "t.csv"
    p.write_text("source,target,id\nA,B,x\nB,A,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="the id 'x' is used twice"):
        load_table_with_notes(p)


def test_kumu_workbook_elements_first():
    # Kumu: Elements before Connections; "OpenAI|xAI" in To is two connections; Strength is the weight.
    d, notes = load_table_with_notes(CORPUS / "kumu" / "elements_connections.xlsx")
    assert flows_by(d) == [("Microsoft", "OpenAI", "Investment", 10.0),
                           ("Microsoft", "xAI", "Investment", 10.0), ("Nvidia", "OpenAI", "Chips", 4.5)]
    assert [(c.name, d.category(c.category).name, c.notes) for c in d.companies()] == [
        ("Microsoft", "Big tech", "Redmond"), ("OpenAI", "AI lab", ""), ("xAI", "AI lab", ""),
        ("Nvidia", "Chipmaker", "")]
    assert d.flows()[0].note == "cloud credits"  # a connection's Label
    assert any("sheet 'Connections'" in n for n in notes)
    assert any("'Tags' not read" in n for n in notes)  # nothing dropped silently


def test_kumu_export_is_kumus_layout_and_reads_back(tmp_path):
    d = seed_diagram()
    path = tmp_path / "deals.kumu.xlsx"
    assert format_for(path, "write").name == "Kumu workbook"
    write_any(d, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Elements", "Connections"]
    assert [c.value for c in wb["Elements"][1]] == ELEMENT_HEADERS
    assert [c.value for c in wb["Connections"][1]] == CONNECTION_HEADERS
    assert wb["Connections"].max_row == len(d.flows()) + 1
    back, _ = read_any(path)
    assert flows_by(back) == flows_by(d)
    assert [c.id for c in back.companies()] == [c.id for c in d.companies()]


def test_yed_variant_is_chosen_by_its_two_part_extension(tmp_path):
    assert format_for(tmp_path / "a.yed.graphml", "write").name == "GraphML for yEd"
    assert format_for(tmp_path / "a.graphml", "write").name == "GraphML"
    path = tmp_path / "a.yed.graphml"
    write_any(seed_diagram(), path)
    assert b"<y:ShapeNode>" in path.read_bytes()
    assert flows_by(read_any(path)[0]) == flows_by(seed_diagram())


def test_decimal_comma_csv_from_a_german_excel():
    # ';' separated, '.' groups thousands, ',' is the decimal mark: 1.500 is 1500, 2,75 is 2.75.
    d, _ = load_table_with_notes(CORPUS / "spreadsheets" / "decimal_comma.csv")
    assert [f.amount for f in d.flows()] == [1500.0, 2.75, 12000.5]


def test_ambiguous_thousands_are_refused_naming_the_option():
    path = CORPUS / "spreadsheets" / "ambiguous_thousands.csv"
    with pytest.raises(InputError, match="--decimal-mark") as e:
        load_table_with_notes(path)
    assert "'amount'" in str(e.value) and "1.500" in str(e.value)
    d, _ = load_table_with_notes(path, decimal_mark=",")
    assert [f.amount for f in d.flows()] == [1500.0, 2250.0]
    d, _ = load_table_with_notes(path, decimal_mark=".")
    assert [f.amount for f in d.flows()] == [1.5, 2.25]


def test_cp1252_csv_with_a_quoted_decimal_comma():
    d, notes = load_table_with_notes(CORPUS / "spreadsheets" / "cp1252_excel.csv")
    assert flows_by(d) == [("Société Générale", "Crédit Agricole", "Revenue / customer payment", 1.5)]
    assert d.flows()[0].note == "prêt €"
    assert any("Windows-1252" in n for n in notes)


def test_other_number_columns_settle_an_ambiguous_one(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("source,target,amount\nA,B,\"1,500\"\n", encoding="utf-8")
    comps = tmp_path / "c-companies.csv"
    comps.write_text("name,valuation\nA,2.5\nB,3\n", encoding="utf-8")
    d, _ = load_table_with_notes(p)
    assert [f.amount for f in d.flows()] == [1500.0]


@pytest.mark.parametrize(("cells", "mark"), [
    (["1,5", "2"], ","), (["1.5"], "."), (["1.500,25"], ","), (["1,500.25"], "."), (["1.500.000"], ","),
    (["0,500"], ","), (["12", ""], None), ([1.5, "3"], None), (["$1.5B"], ".")])
def test_column_mark(cells, mark):
    assert column_mark(cells) == mark


@pytest.mark.parametrize("cells", [["1.500"], ["1,500", "2,250"], ["1,5", "1.5"]])
def test_column_mark_refuses_to_guess(cells):
    with pytest.raises(DecimalMarkError):
        column_mark(cells)


def test_normalize():
    assert normalize("1.500,25 bn", ",") == "1500.25 bn"
    assert normalize("$1,500.5", ".") == "$1500.5"
    assert normalize(2.5, ",") == 2.5
