"""The Import dialog and the readers' messages in the Japanese interface; English on the command line.

The readers (editor/io) give Messages: English text that keeps its template and params.
The dialog shows them translated (i18n.error_text); the command line prints the English.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from editor import i18n, settings
from editor.dialogs import import_reading
from editor.dialogs.import_dialog import ImportDialog
from editor.io import tables
from editor.io.edgelist import build_diagram, guess_columns, read_tables
from editor.io.tables import TooManyRows, read_text_table

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "spreadsheets"
BAD_AMOUNT = "source,target,amount\nNVIDIA,OpenAI,100\nOpenAI,AMD,12 apples\n"
KANA = ("\u3040", "\u30ff")


def _has_kana(text: str) -> bool:
    return any(KANA[0] <= ch <= KANA[1] for ch in text)


def _problems(dlg: ImportDialog) -> list[str]:
    return [dlg.problem_list.item(i).text() for i in range(dlg.problem_list.count())]


def test_a_bad_amount_row_is_listed_in_japanese(tmp_path, japanese, make_dialog):
    path = tmp_path / "deals.csv"
    path.write_text(BAD_AMOUNT, "utf-8")
    dlg = make_dialog(path)
    assert _problems(dlg) == ["3 行目、列 'amount': '12 apples' を金額として読み取れません"]
    tip = dlg.flows_page.model.data(dlg.flows_page.model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    assert "3 行目" in tip and "row" not in tip
    assert "1 行" in dlg.problems_label.text()
    dlg.skip_check.setChecked(False)   # the row now blocks the import: the reason is Japanese too
    assert "1 行をインポートできません" in dlg.summary_label.text()
    assert dlg.import_button.text() == "インポート(&I)"


def test_the_same_row_reads_in_english_in_the_english_interface(tmp_path, qapp, make_dialog):
    settings.clear_all()
    assert i18n.install(qapp) == "en"
    path = tmp_path / "deals.csv"
    path.write_text(BAD_AMOUNT, "utf-8")
    dlg = make_dialog(path)
    assert _problems(dlg) == ["row 3, column 'amount': cannot read '12 apples' as an amount"]
    dlg.skip_check.setChecked(False)
    summary = dlg.summary_label.text()
    assert "1 row cannot be imported; correct the file or skip the rows with problems" in summary


def test_an_undecided_decimal_mark_is_explained_in_japanese(japanese, make_dialog):
    dlg = make_dialog(CORPUS / "ambiguous_thousands.csv")
    assert not dlg.decimal_row.isHidden()
    (problem,) = _problems(dlg)
    assert "列 'amount'" in problem and "小数点記号を判別できません" in problem, problem
    assert "decimal" not in problem.replace("--decimal-mark", "")


def test_a_field_error_names_its_column_once_and_is_translated(tmp_path, qapp):
    """A record's ModelError ("size: expected 1 to 1000, got ...") is shown without its field
    name (the column is named instead), in English and translated alike."""
    flows = tmp_path / "deals.csv"
    flows.write_text("source,target,amount\nA,B,1\n", "utf-8")
    (tmp_path / "deals-companies.csv").write_text("name,size\nA,5000\nB,10\n", "utf-8")
    f, c, _ = read_tables(flows)
    _, problems = build_diagram(f, guess_columns(f.headers), companies=c)
    (p,) = problems
    assert str(p) == "deals-companies.csv: row 2, column 'size': expected 1 to 1000, got 5000.0"
    assert i18n.error_text(str(p), "ja") == \
        "deals-companies.csv: 2 行目、列 'size': 1 から 1000 の値にしてください。指定値: 5000.0"
    assert i18n.error_text(str(p), "en") == str(p)


def test_too_many_rows_is_said_in_japanese_when_offered_as_a_ledger(tmp_path, japanese, monkeypatch):
    monkeypatch.setattr(tables, "MAX_TABLE_ROWS", 3)
    path = tmp_path / "ledger.csv"
    path.write_text("source,target,amount\n" + "A,B,1\n" * 5, "utf-8")
    with pytest.raises(TooManyRows) as info:
        read_text_table(path)
    assert str(info.value).startswith("ledger.csv: more than 3 rows; Roundtrip imports up to 3")
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        return int(QMessageBox.StandardButton.Cancel)

    monkeypatch.setattr(QMessageBox, "exec", record)
    assert import_reading.read_for_import(None, path) is None   # the user does not sum it
    (text,) = shown
    assert "ledger.csv: 3 行を超えています。Roundtrip が取り込めるのは 3 行までです" in text, text
    assert "more than" not in text


def test_a_workbook_with_too_many_rows_is_refused_in_japanese(tmp_path, japanese, monkeypatch):
    import openpyxl

    monkeypatch.setattr(tables, "MAX_TABLE_ROWS", 3)
    path = tmp_path / "big.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["source", "target", "amount"])
    for _ in range(6):
        ws.append(["A", "B", 1])
    wb.save(path)
    with pytest.raises(TooManyRows) as info:
        read_tables(path)
    english = str(info.value)
    assert "Roundtrip imports up to 3 rows" in english and not _has_kana(english)
    japanese_text = i18n.error_text(info.value)
    assert "big.xlsx: " in japanese_text and "Roundtrip が取り込めるのは 3 行までです" in japanese_text
    assert "roundtrip convert big.xlsx OUT.roundtrip --aggregate" in japanese_text


def test_the_inspector_shows_the_japanese_status_word(qtbot, japanese):
    from editor.app.mainwindow import MainWindow
    from editor.editing.document import Document
    from tests.helpers import seed_diagram

    w = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    try:
        flow = w.document.diagram.flow("f1")
        w.inspector.set_selection([], ["f1"])
        combo = w.inspector.fields["flow"]["status"].combo()
        words = {"announced": "発表済み", "committed": "確約済み", "paid": "支払済み",
                 "unconfirmed": "未確認"}
        assert combo.currentText() == words[flow.status]
        assert combo.currentData() == flow.status   # the file keeps the English value
        assert [combo.itemText(i) for i in range(combo.count())] == list(words.values())
    finally:
        w.document.undo_stack.setClean()
        w.shutdown()


@pytest.mark.parametrize("lang", ["C", "ja_JP.UTF-8"])
def test_the_command_line_says_it_in_english(tmp_path, lang):
    path = tmp_path / "deals.csv"
    path.write_text(BAD_AMOUNT, "utf-8")
    env = dict(os.environ, LANG=lang, LC_ALL=lang, PYTHONPATH=str(ROOT))
    out = tmp_path / "out.roundtrip"
    done = subprocess.run([sys.executable, "-m", "editor", "convert", str(path), str(out)],
                          env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode != 0
    said = "deals.csv: row 3, column 'amount': cannot read '12 apples' as an amount"
    assert said in done.stderr, done.stderr
    assert not _has_kana(done.stderr), done.stderr


def test_the_preview_names_fields_in_japanese_and_keeps_the_english_keys(tmp_path, japanese, make_dialog):
    path = tmp_path / "deals.csv"
    path.write_text(BAD_AMOUNT, "utf-8")
    dlg = make_dialog(path)
    model = dlg.flows_page.model
    assert model.headerData(2, Qt.Orientation.Horizontal) == "amount\n→ 金額"
    combos = dlg.flows_page.mapping_panel.combos
    assert combos["url"].currentText() == "(なし)" and combos["url"].currentData() is None
    assert "終了日" in combos["end_date"].toolTip()
    assert dlg.flow_mapping()["amount"] == "amount"   # the mapping itself is unchanged


def test_file_dialog_filters_name_the_formats_in_the_interface_language(qapp, japanese):
    from editor.io.formats import NATIVE, dialog_filter, formats_where

    images = dialog_filter(formats_where("write", image=True, native_format=False))
    assert i18n.file_filter(images).startswith("PNG 画像 (*.png);;SVG 画像 (*.svg)")
    assert i18n.file_filter(dialog_filter([NATIVE], "Roundtrip diagrams")) == "Roundtrip の図 (*.roundtrip)"
    settings.clear_all()
    assert i18n.install(qapp) == "en"
    assert i18n.file_filter(images) == images   # English: as the registry writes it


def test_the_reading_notes_are_sentences_in_japanese(tmp_path, japanese, make_dialog):
    from PySide6.QtWidgets import QLabel

    (tmp_path / "deals.csv").write_text("source,target,amount\nA,B,1\n", "utf-8")
    (tmp_path / "deals-companies.csv").write_text("name,sector\nA,chips\nB,cloud\n", "utf-8")
    dlg = make_dialog(tmp_path / "deals.csv")
    texts = [label.text() for label in dlg.flows_page.findChildren(QLabel)]
    assert "企業の表 deals-companies.csv も読み込みました。" in texts, texts
