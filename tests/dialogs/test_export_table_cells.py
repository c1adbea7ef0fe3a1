"""The Export Table question about formula-like CSV cells, and its *Write cells untouched* box."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel

from editor.dialogs.export_dialog import TableCellsDialog, ask_table_cells
from tests.helpers import seed_diagram


def _hostile():
    d = seed_diagram()
    d.update_company("nvidia", name='=HYPERLINK("http://x")')
    d.update_company("openai", name="@SUM(A1)")
    return d


def test_no_question_without_formula_like_cells_or_for_xlsx(qtbot, monkeypatch):
    monkeypatch.setattr(TableCellsDialog, "exec", lambda self: (_ for _ in ()).throw(AssertionError("asked")))
    assert ask_table_cells(seed_diagram(), "out.csv") is False
    assert ask_table_cells(_hostile(), "out.xlsx") is False


def test_question_counts_the_cells_and_returns_the_box(qtbot, monkeypatch):
    shown: list[TableCellsDialog] = []

    def exec_checked(self: TableCellsDialog) -> int:
        shown.append(self)
        self.raw_cells.setChecked(True)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(TableCellsDialog, "exec", exec_checked)
    assert ask_table_cells(_hostile(), "out.csv") is True
    text = " ".join(w.text() for w in shown[0].findChildren(QLabel))
    # two names: in the companies table, and each once as a source and once as a target of a flow
    assert text.startswith("6 text cells start with =, +, -, @")
    monkeypatch.setattr(TableCellsDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value)
    assert ask_table_cells(_hostile(), "out.csv") is False      # default: neutralised
    monkeypatch.setattr(TableCellsDialog, "exec", lambda self: QDialog.DialogCode.Rejected.value)
    assert ask_table_cells(_hostile(), "out.csv") is None       # cancelled
