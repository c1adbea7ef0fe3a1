"""Import: flow types the diagram does not know are flagged and can be mapped to an existing type."""
from __future__ import annotations

import pytest

from editor.dialogs.import_dialog import ImportDialog
from editor.dialogs.import_types import retype, unknown_types
from editor.editing.document import Document
from editor.model import Diagram, Flow
from tests.helpers import seed_diagram

LOANS = """payer,beneficiary,kind,value
NVIDIA,OpenAI,equity,100
OpenAI,Oracle,Loan,300
Oracle,NVIDIA,loan,40
AMD,OpenAI,Grant,5
"""


@pytest.fixture
def loans(tmp_path):
    p = tmp_path / "loans.csv"
    p.write_text(LOANS, encoding="utf-8")
    return p


def _dialog(qtbot, path, document=None) -> ImportDialog:
    d = ImportDialog(path, document)
    qtbot.addWidget(d)
    return d


def _combo(dlg: ImportDialog, name: str):
    return next(c for tid, c in dlg.types_box.combos.items() if dlg.check.diagram.flow_type(tid).name == name)


def test_unknown_types_are_listed_with_their_flows(qtbot, loans):
    doc = Document(seed_diagram())
    dlg = _dialog(qtbot, loans, doc)
    dlg.merge_radio.setChecked(True)
    assert not dlg.types_box.isHidden()
    names = {dlg.check.diagram.flow_type(tid).name: combo for tid, combo in dlg.types_box.combos.items()}
    assert set(names) == {"Loan", "Grant"}                       # "loan" is the same type as "Loan"
    assert names["Loan"].currentText() == "New type “Loan”"      # the default keeps today's import
    known = [names["Loan"].itemData(i) for i in range(1, names["Loan"].count())]
    assert known == [t.id for t in doc.diagram.flow_types()]


def test_mapping_a_type_merges_its_flows_into_an_existing_one(qtbot, loans):
    doc = Document(seed_diagram())
    types_before = [t.id for t in doc.diagram.flow_types()]
    dlg = _dialog(qtbot, loans, doc)
    dlg.merge_radio.setChecked(True)
    loan = _combo(dlg, "Loan")
    loan.setCurrentIndex(loan.findData("service"))
    dlg.accept()
    d = doc.diagram
    new_types = [t.name for t in d.flow_types() if t.id not in types_before]
    assert new_types == ["Grant"]                                # kept as a new type
    added = d.flows()[3:]
    assert sorted(f.type for f in added if f.amount in (300, 40)) == ["service", "service"]
    assert doc.undo_stack.count() == 1


def test_a_spreadsheet_as_new_diagram_is_checked_against_the_standard_types(qtbot, loans):
    dlg = _dialog(qtbot, loans)
    assert {dlg.check.diagram.flow_type(t).name for t in dlg.types_box.combos} == {"Loan", "Grant"}
    grant = _combo(dlg, "Grant")
    grant.setCurrentIndex(grant.findData("venture"))
    dlg.accept()
    d = dlg.import_result.diagram
    assert d.flow_type_by_name("Grant") is None
    assert [f.type for f in d.flows() if f.amount == 5] == ["venture"]


def test_retype_adds_the_known_type_when_the_import_lacks_it():
    imported = Diagram.build(flow_types=[], companies=seed_diagram().companies(), categories=None)
    known = Diagram()
    from editor.model import FlowType
    imported.add_flow_type(FlowType("loan", "Loan", "#ff0000"))
    imported.add_flow(Flow("x1", "nvidia", "openai", "loan", 5))
    assert [t.name for t, n in unknown_types(imported, known)] == ["Loan"]
    out = retype(imported, {"loan": "equity"}, known)
    assert [(t.id, t.name) for t in out.flow_types()] == [("equity", "Equity investment")]
    assert out.flow("x1").type == "equity"
    assert retype(imported, {}, known) is imported
