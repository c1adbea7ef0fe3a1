"""The import preview asks for the decimal mark when a number column leaves it open."""
from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "spreadsheets"


def test_ambiguous_column_asks_and_the_choice_decides(make_dialog):
    dlg = make_dialog(CORPUS / "ambiguous_thousands.csv")
    assert not dlg.decimal_row.isHidden()
    assert not dlg.import_button.isEnabled()
    assert "Choose the decimal mark" in dlg.summary_label.text() and "'amount'" in dlg.summary_label.text()
    dlg.decimal_combo.setCurrentIndex(dlg.decimal_combo.findData(","))
    assert dlg.import_button.isEnabled()
    assert [f.amount for f in dlg.check.diagram.flows()] == [1500.0, 2250.0]
    dlg.decimal_combo.setCurrentIndex(dlg.decimal_combo.findData("."))
    assert [f.amount for f in dlg.check.diagram.flows()] == [1.5, 2.25]
    assert not dlg.decimal_row.isHidden()  # the choice stays visible once made


def test_a_file_that_shows_its_mark_is_not_asked(make_dialog):
    dlg = make_dialog(CORPUS / "decimal_comma.csv")
    assert dlg.decimal_row.isHidden()
    assert dlg.import_button.isEnabled()
    assert [f.amount for f in dlg.check.diagram.flows()] == [1500.0, 2.75, 12000.5]
