"""The Import dialog: column guesses, live preview, failing rows, new diagram and merge."""
from __future__ import annotations

import networkx as nx
import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from editor.dialogs import import_dialog
from editor.dialogs.import_dialog import ImportDialog, ImportResult
from editor.editing.document import Document
from editor.io import native
from editor.model import Company
from tests.helpers import seed_diagram

DEALS = """payer,beneficiary,kind,value,announced,comments
NVIDIA,OpenAI,equity,100,2025-09,up to 100bn
OpenAI,Oracle,service,300,2025-09,compute
Oracle,NVIDIA,purchase,40,2025-05,chips
OpenAI,AMD,purchase,12 apples,2025-10,bad amount
AMD,OpenAI,equity,,2025-10,warrants
"""


@pytest.fixture
def deals(tmp_path):
    p = tmp_path / "deals.csv"
    p.write_text(DEALS, encoding="utf-8")
    return p


def rows_of(model):
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_guesses_non_standard_headers(deals, make_dialog):
    dlg = make_dialog(deals)
    combos = dlg.flows_page.mapping_panel.combos
    assert combos["source"].currentText() == "payer"
    assert combos["target"].currentText() == "beneficiary"
    assert combos["amount"].currentText() == "value"
    assert combos["type"].currentText() == "kind"
    assert combos["date"].currentText() == "announced"
    assert combos["note"].currentText() == "comments"
    assert combos["url"].currentText() == "(none)"
    # every combo lists (none) and all the headers
    assert [combos["status"].itemText(i) for i in range(combos["status"].count())] == \
        ["(none)", "payer", "beneficiary", "kind", "value", "announced", "comments"]


def test_bad_amount_row_is_shown_failing_with_row_and_column(deals, make_dialog):
    dlg = make_dialog(deals)
    model = dlg.flows_page.model
    assert model.rowCount() == 5
    assert model.failing_rows() == [5]  # spreadsheet row 5 (header is row 1)
    bad = model.index(3, 3)  # the "value" cell of that row
    assert model.data(bad) == "12 apples"
    assert model.data(bad, Qt.BackgroundRole) is not None
    assert model.data(model.index(0, 0), Qt.BackgroundRole) is None
    tip = "row 5, column 'value': cannot read '12 apples' as an amount"
    assert model.data(model.index(3, 0), Qt.ToolTipRole) == f"<qt>{tip}</qt>"  # escaped: shown as written
    items = [dlg.problem_list.item(i).text() for i in range(dlg.problem_list.count())]
    assert items == [tip]
    summary = dlg.summary_label.text()
    assert "4 flows and 4 companies will be imported" in summary and "1 row will be skipped" in summary
    assert dlg.import_button.isEnabled()


def test_changing_a_mapping_updates_the_preview(deals, make_dialog, qtbot):
    dlg = make_dialog(deals)
    amount = dlg.flows_page.mapping_panel.combos["amount"]
    amount.setCurrentIndex(amount.findText("(none)"))
    qtbot.waitUntil(lambda: dlg.flows_page.model.failing_rows() == [], timeout=2000)
    assert dlg.problem_list.count() == 0
    assert "5 flows" in dlg.summary_label.text() and "skipped" not in dlg.summary_label.text()
    header = dlg.flows_page.model.headerData(3, Qt.Horizontal)
    assert "not imported" in header
    # the comments column read as dates: no row can be imported
    date = dlg.flows_page.mapping_panel.combos["date"]
    date.setCurrentIndex(date.findText("comments"))
    qtbot.waitUntil(lambda: len(dlg.flows_page.model.failing_rows()) == 5, timeout=2000)
    assert not dlg.import_button.isEnabled()
    assert "Nothing to import" in dlg.summary_label.text()


def test_unmapping_a_required_column_blocks_the_import(deals, make_dialog):
    dlg = make_dialog(deals)
    src = dlg.flows_page.mapping_panel.combos["source"]
    src.setCurrentIndex(0)
    dlg.check_now()
    assert not dlg.import_button.isEnabled()
    assert "no 'source' column" in dlg.summary_label.text()


def test_rows_with_problems_block_unless_skipped(deals, make_dialog):
    dlg = make_dialog(deals)
    dlg.skip_check.setChecked(False)
    assert not dlg.import_button.isEnabled()
    assert "1 row cannot be imported" in dlg.summary_label.text()
    dlg.skip_check.setChecked(True)
    assert dlg.import_button.isEnabled()


def test_import_as_new_diagram(deals, make_dialog):
    dlg = make_dialog(deals)
    dlg.accept()
    assert dlg.result() == QDialog.Accepted
    res = dlg.import_result
    assert isinstance(res, ImportResult) and not res.merged
    d = res.diagram
    assert sorted(c.name for c in d.companies()) == ["AMD", "NVIDIA", "OpenAI", "Oracle"]
    by_name = {c.id: c.name for c in d.companies()}
    assert [(by_name[f.source], by_name[f.target], f.amount) for f in d.flows()] == [
        ("NVIDIA", "OpenAI", 100), ("OpenAI", "Oracle", 300), ("Oracle", "NVIDIA", 40),
        ("AMD", "OpenAI", None)]
    assert d.flows()[0].note == "up to 100bn" and d.flows()[0].date == "2025-09"
    assert len({(c.x, c.y) for c in d.companies()}) == 4  # laid out
    assert "skipped" in res.summary


def test_skipped_row_leaves_no_company_behind(tmp_path, make_dialog):
    p = tmp_path / "x.csv"
    p.write_text("from,to,amount\nA,B,1\nC,D,lots\n", encoding="utf-8")
    dlg = make_dialog(p)
    dlg.accept()
    assert [c.name for c in dlg.import_result.diagram.companies()] == ["A", "B"]


def test_merge_is_one_undo_step_and_reuses_companies(deals, make_dialog, qapp):
    doc = Document(seed_diagram())
    before = doc.diagram.state()
    dlg = make_dialog(deals, doc)
    assert dlg.merge_radio.isEnabled()
    dlg.merge_radio.setChecked(True)
    assert "3 of these companies are already in the diagram" in dlg.summary_label.text()
    dlg.accept()
    res = dlg.import_result
    assert res.merged and res.diagram is None
    assert doc.undo_stack.count() == 1
    d = doc.diagram
    assert sorted(c.name for c in d.companies()) == ["AMD", "NVIDIA", "OpenAI", "Oracle"]
    assert len(d.flows()) == 3 + 4
    amd = d.find_company("AMD")
    assert {f.source for f in d.flows()[3:]} | {f.target for f in d.flows()[3:]} == \
        {"nvidia", "openai", "oracle", amd.id}  # existing ids reused
    assert len({(c.x, c.y) for c in d.companies()}) == len(d.companies())
    assert res.summary == ("Imported 4 flows and 4 companies from deals.csv (3 matched with companies "
                           "already in the diagram); 1 row was skipped.")
    doc.undo_stack.undo()
    assert doc.diagram.state() == before
    doc.undo_stack.redo()
    assert len(doc.diagram.flows()) == 7


def test_roundtrip_file_can_be_merged(tmp_path, make_dialog, qapp):
    p = tmp_path / "other.roundtrip"
    native.save(seed_diagram(), p)
    doc = Document(seed_diagram())
    dlg = make_dialog(p, doc)
    assert dlg.problems_label.text() == "Everything in the file could be mapped."
    dlg.merge_radio.setChecked(True)
    dlg.accept()
    assert len(doc.diagram.companies()) == 3 and len(doc.diagram.flows()) == 6
    assert doc.undo_stack.count() == 1


def test_merge_places_companies_that_would_overlap(tmp_path, make_dialog, qapp):
    """Companies from a table with positions on top of existing ones are moved to free places."""
    (tmp_path / "t.csv").write_text("source,target\nNew A,New B\n", encoding="utf-8")
    (tmp_path / "t-companies.csv").write_text("name,x,y\nNew A,0,0\nNew B,300,0\n", encoding="utf-8")
    doc = Document(seed_diagram())  # NVIDIA at (0, 0), OpenAI at (300, 0)
    dlg = make_dialog(tmp_path / "t.csv", doc)
    assert dlg.tabs.count() == 2
    dlg.merge_radio.setChecked(True)
    dlg.accept()
    pos = [(c.x, c.y) for c in doc.diagram.companies()]
    assert len(pos) == 5 and len(set(pos)) == 5


def test_merge_disabled_without_document(deals, make_dialog):
    dlg = make_dialog(deals)
    assert not dlg.merge_radio.isEnabled() and dlg.new_radio.isChecked()


def test_xlsx_with_flows_and_companies_sheets(tmp_path, make_dialog):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "flows"
    ws.append(["from", "to", "amount"])
    ws.append(["NVIDIA", "OpenAI", 100])
    ws.append(["OpenAI", "Oracle", 300])
    cs = wb.create_sheet("companies")
    cs.append(["company", "sector", "valuation"])
    cs.append(["NVIDIA", "Chipmaker", 4500])
    cs.append(["OpenAI", "AI lab", "lots"])
    cs.append(["Oracle", "Cloud", 946])
    p = tmp_path / "book.xlsx"
    wb.save(p)
    dlg = make_dialog(p)
    assert dlg.tabs.count() == 2
    cpage = dlg.companies_page
    assert cpage.mapping_panel.combos["name"].currentText() == "company"
    assert cpage.mapping_panel.combos["category"].currentText() == "sector"
    assert cpage.model.failing_rows() == [3]
    assert any("valuation" in dlg.problem_list.item(i).text() for i in range(dlg.problem_list.count()))
    dlg.accept()
    d = dlg.import_result.diagram
    nvidia = d.find_company("NVIDIA")
    assert d.category(nvidia.category).name == "Chipmaker" and nvidia.valuation == 4500
    # the skipped company row does not drop the flows naming OpenAI: it comes from the flows table
    assert sorted(c.name for c in d.companies()) == ["NVIDIA", "OpenAI", "Oracle"]
    assert d.find_company("OpenAI").valuation is None


def test_choosing_a_problem_shows_its_row(tmp_path, make_dialog):
    wb = openpyxl.Workbook()
    wb.active.title = "flows"
    wb.active.append(["source", "target"])
    wb.active.append(["A", "B"])
    cs = wb.create_sheet("companies")
    cs.append(["name", "revenue"])
    cs.append(["A", 1])
    cs.append(["B", "a lot"])
    p = tmp_path / "b.xlsx"
    wb.save(p)
    dlg = make_dialog(p)
    assert dlg.tabs.currentWidget() is dlg.flows_page
    dlg.problem_list.setCurrentRow(0)
    assert dlg.tabs.currentWidget() is dlg.companies_page
    assert [i.row() for i in dlg.companies_page.view.selectionModel().selectedRows()] == [1]


def test_companies_table_can_be_left_out(tmp_path, make_dialog):
    (tmp_path / "t.csv").write_text("source,target\nA,B\n", encoding="utf-8")
    (tmp_path / "t-companies.csv").write_text("name,category\nA,Bank\n", encoding="utf-8")
    dlg = make_dialog(tmp_path / "t.csv")
    dlg.companies_page.use_check.setChecked(False)
    dlg.accept()
    d = dlg.import_result.diagram
    assert {d.category(c.category).name for c in d.companies()} != {"Bank"}


def test_graphml_from_networkx(tmp_path, make_dialog, qapp):
    g = nx.MultiDiGraph()
    g.add_node("NVIDIA", category="Chipmaker")
    g.add_edge("NVIDIA", "OpenAI", weight=100.0, kind="Equity investment", foo="bar")
    g.add_edge("OpenAI", "Oracle", weight=300, kind="Data centre lease")
    p = tmp_path / "g.graphml"
    nx.write_graphml(g, p)
    doc = Document(seed_diagram())
    before = doc.diagram.state()
    dlg = make_dialog(p, doc)
    notes = [dlg.problem_list.item(i).text() for i in range(dlg.problem_list.count())]
    assert "edge attribute 'foo' not mapped" in notes
    assert not dlg.skip_check.isVisible() and dlg.flows_page.mapping_panel is None
    assert dlg.flows_page.model.rowCount() == 2
    assert dlg.flows_page.model.headerData(0, Qt.Horizontal) == "source"  # no mapping for graph files
    assert "2 flows and 3 companies will be imported" in dlg.summary_label.text()
    dlg.merge_radio.setChecked(True)
    dlg.accept()
    assert doc.undo_stack.count() == 1
    assert len(doc.diagram.companies()) == 3  # all three matched by name
    assert len(doc.diagram.flows()) == 5
    doc.undo_stack.undo()
    assert doc.diagram.state() == before


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(import_dialog, "warn", lambda parent, title, text: shown.append(text))
    return shown


@pytest.mark.parametrize("name, content, expected", [
    ("broken.graphml", b"<graphml><graph><node", "broken.graphml"),
    ("empty.csv", b"", "empty"),
    ("binary.csv", b"\x00\x00\x01" * 100, "binary"),
    ("picture.png", b"\x89PNG", "cannot read files with '.png'"),
])
def test_unreadable_file_gives_a_message(tmp_path, warnings, qapp, name, content, expected, monkeypatch):
    p = tmp_path / name
    p.write_bytes(content)
    monkeypatch.setattr(ImportDialog, "exec", lambda self: pytest.fail("no dialog for an unreadable file"))
    assert ImportDialog.run(None, p, None) is None
    assert len(warnings) == 1 and name in warnings[0] and expected in warnings[0]


def test_missing_file_gives_a_message(tmp_path, warnings, qapp):
    assert ImportDialog.run(None, tmp_path / "gone.csv", None) is None
    assert "gone.csv" in warnings[0] and "no such file" in warnings[0]


def test_run_returns_the_result_or_none(deals, qapp, monkeypatch):
    monkeypatch.setattr(ImportDialog, "exec", lambda self: QDialog.Rejected)
    assert ImportDialog.run(None, deals, None) is None

    def accept(self):
        self.accept()
        return self.result()
    monkeypatch.setattr(ImportDialog, "exec", accept)
    res = ImportDialog.run(None, deals, None)
    assert res is not None and len(res.diagram.flows()) == 4


def test_reject_changes_nothing(deals, make_dialog, qapp):
    doc = Document(seed_diagram())
    before = doc.diagram.state()
    dlg = make_dialog(deals, doc)
    dlg.merge_radio.setChecked(True)
    dlg.reject()
    assert dlg.import_result is None and doc.undo_stack.count() == 0 and doc.diagram.state() == before


def test_merge_into_an_empty_document_keeps_the_layout(deals, make_dialog, qapp):
    doc = Document()
    doc.diagram.add_company(Company("x", "Lonely", x=600, y=400))
    dlg = make_dialog(deals, doc)
    dlg.merge_radio.setChecked(True)
    dlg.accept()
    pos = [(c.x, c.y) for c in doc.diagram.companies()]
    assert len(pos) == 5 and len(set(pos)) == 5
