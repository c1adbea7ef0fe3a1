"""Bombs and limits of the table readers, and the CSV formula neutralisation."""
from __future__ import annotations

import csv
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from editor.analysis import analyze_for_export
from editor.io import tableexport, tables, workbook
from editor.io.edgelist import load_table
from editor.io.errors import InputError
from editor.model import Company, Diagram, Flow

HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTab", "\rCR",
           "'=already quoted", "''+two quotes", "plain", "'lone quote"]


def _workbook_with_sheet(tmp_path: Path, sheet_xml: bytes, name: str = "bomb.xlsx") -> Path:
    """A valid workbook whose first sheet's XML is replaced by ``sheet_xml``."""
    base = tmp_path / "base.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "flows"
    wb.active.append(["source", "target", "amount"])
    wb.save(base)
    out = tmp_path / name
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = sheet_xml if info.filename == "xl/worksheets/sheet1.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return out


def _sheet(rows: int, dimension: str | None, cell: str = "a") -> bytes:
    head = (b'<?xml version="1.0" encoding="UTF-8"?>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
    dim = f'<dimension ref="{dimension}"/>'.encode() if dimension else b""
    body = [b'<row r="1"><c r="A1" t="inlineStr"><is><t>source</t></is></c>'
            b'<c r="B1" t="inlineStr"><is><t>target</t></is></c></row>']
    body += [f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{cell}</t></is></c>'
             f'<c r="B{r}" t="inlineStr"><is><t>b</t></is></c></row>'.encode() for r in range(2, rows + 2)]
    return head + dim + b"<sheetData>" + b"".join(body) + b"</sheetData></worksheet>"


def test_xlsx_declaring_five_million_rows_is_refused_within_seconds(tmp_path):
    p = _workbook_with_sheet(tmp_path, _sheet(20_000, "A1:B5000001"))
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"declares 5,000,001 rows; Roundtrip imports up to 100,000 rows"):
        load_table(p)
    assert time.perf_counter() - start < 5


def test_xlsx_rows_beyond_the_cap_are_counted_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "MAX_TABLE_ROWS", 500)
    p = _workbook_with_sheet(tmp_path, _sheet(800, None))  # no <dimension>: the rows are counted
    with pytest.raises(tables.TooManyRows, match=r"a sheet has 801 rows; Roundtrip imports up to 500 rows"):
        load_table(p)
    q = _workbook_with_sheet(tmp_path, _sheet(499, None), name="fits.xlsx")
    assert len(load_table(q).flows()) == 499


def test_xlsx_that_unpacks_too_large_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "MAX_XLSX_UNPACKED", 3 * 1024 * 1024)
    p = _workbook_with_sheet(tmp_path, _sheet(3, None, cell="x" * 2_000_000))
    assert p.stat().st_size < 100_000  # compresses to almost nothing
    with pytest.raises(InputError, match=r"unpacks to 6 MB; Roundtrip reads workbooks up to 3 MB unpacked"):
        load_table(p)


def test_xlsx_cell_longer_than_the_cap_is_refused_with_its_place(tmp_path):
    p = _workbook_with_sheet(tmp_path, _sheet(3, "A1:B4", cell="x" * (tables.MAX_CELL_CHARS + 1)))
    with pytest.raises(InputError, match=r"row 2, column A: the cell holds 32,768 characters"):
        load_table(p)


def test_csv_limits_rows_and_cell_length(tmp_path, monkeypatch):
    long_cell = tmp_path / "long.csv"
    long_cell.write_text("source,target,note\nA,B," + "n" * (tables.MAX_CELL_CHARS + 5) + "\n")
    with pytest.raises(InputError, match=r"long.csv: row 2, column C: the cell holds 32,772 characters"):
        load_table(long_cell)
    monkeypatch.setattr(tables, "MAX_TABLE_ROWS", 10)
    many = tmp_path / "many.csv"
    many.write_text("source,target\n" + "A,B\n" * 11)
    with pytest.raises(InputError, match=r"many.csv: more than 10 rows.*convert many.csv OUT.roundtrip"):
        load_table(many)
    many.write_text("source,target\n" + "A,B\n" * 10)
    assert len(load_table(many).flows()) == 10


@pytest.mark.parametrize("text", HOSTILE)
def test_neutralise_then_unneutralise_is_the_identity(text):
    out = tables.neutralise(text)
    assert not out.startswith(tables._FORMULA_START)
    assert tables.unneutralise(out) == text


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _hostile_diagram() -> Diagram:
    d = Diagram()
    for i, name in enumerate(HOSTILE):
        d.add_company(Company(f"c{i}", name))
    kind = d.flow_types()[0].id
    for i in range(len(HOSTILE) - 1):
        d.add_flow(Flow(f"f{i}", f"c{i}", f"c{i + 1}", kind, 1.5 + i, note=HOSTILE[i]))
    return d


def test_csv_export_neutralises_formulas_and_reads_back_the_same_text(tmp_path):
    d = _hostile_diagram()
    out = tmp_path / "deals.csv"
    written, _ = tableexport.export_tables(d, out, analyze_for_export(d.snapshot()))
    assert len(written) == 4
    for path in written:  # what a spreadsheet program sees: no cell starts like a formula
        with path.open(newline="") as f:
            cells = [c for row in csv.reader(f) for c in row]
        assert not any(c.startswith(tables._FORMULA_START) and not _number(c) for c in cells)
    text = out.read_text()
    metrics = (tmp_path / "deals-metrics.csv").read_text().split(",")
    assert any(_number(c) and c.startswith("-") for c in metrics)  # negative numbers stay numbers
    assert "'=HYPERLINK" in text and "'+cmd" in text and "'@SUM" in text and ",1.5," in text  # numbers stay
    back = load_table(out)
    assert sorted(c.name for c in back.companies()) == sorted(HOSTILE)
    assert [f.note for f in back.flows()] == HOSTILE[:-1]
    assert [f.amount for f in back.flows()] == [f.amount for f in d.flows()]


def test_csv_export_raw_writes_cells_untouched(tmp_path):
    d = _hostile_diagram()
    out = tmp_path / "raw.csv"
    tableexport.export_tables(d, out, analyze_for_export(d.snapshot()), raw=True)
    text = out.read_text()
    assert '"=HYPERLINK(""http://x"",""y"")"' in text and "'=HYPERLINK" not in text
    assert "\n+cmd|' /C calc'!A0," in text
