"""A new diagram names its default flow types and categories in the interface language."""
from __future__ import annotations

from editor import i18n
from editor.app.mainwindow import MainWindow
from editor.editing.document import Document
from editor.io import native
from editor.model import Diagram
from editor.model.catalogue import DEFAULT_CATEGORIES, DEFAULT_FLOW_TYPES


def test_new_diagram_in_japanese_names_its_types_in_japanese(japanese):
    d = Diagram()
    assert d.flow_type("venture").name == "ベンチャー投資"
    assert d.category("other").name == "その他"
    # ids and colours are the same as in English: only the names follow the language
    assert [t.id for t in d.flow_types()] == [t.id for t in DEFAULT_FLOW_TYPES]
    assert [t.color for t in d.flow_types()] == [t.color for t in DEFAULT_FLOW_TYPES]
    assert len(d.categories()) == len(DEFAULT_CATEGORIES)


def test_files_keep_the_names_they_were_written_with(japanese, tmp_path):
    english = Diagram(flow_types=DEFAULT_FLOW_TYPES)
    path = tmp_path / "deals.roundtrip"
    native.save(english, path)
    assert native.load(path).flow_type("venture").name == "Venture investment"


def test_the_new_window_shows_japanese_type_names(japanese, qtbot):
    w = MainWindow(Document(Diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    combo = w.flow_type_combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert any("ベンチャー投資" in t for t in texts), texts


def test_english_interface_and_command_line_keep_english_names(qapp):
    assert i18n.install(qapp) == "en"
    assert Diagram().flow_type("venture").name == "Venture investment"


def test_a_type_named_in_either_language_finds_the_default(japanese):
    japanese_diagram = Diagram()
    assert japanese_diagram.flow_type_by_name("Venture investment").id == "venture"
    assert japanese_diagram.category_by_name("cloud / data centre").id == "cloud"
    english_diagram = Diagram(flow_types=DEFAULT_FLOW_TYPES, categories=DEFAULT_CATEGORIES)
    assert english_diagram.flow_type_by_name("ベンチャー投資").id == "venture"
    assert english_diagram.flow_type_by_name("no such type") is None


def test_an_english_table_imported_in_japanese_uses_the_default_types(japanese, tmp_path):
    from editor.io import edgelist

    table = tmp_path / "deals.csv"
    table.write_text("source,target,type,amount\nNVIDIA,OpenAI,Venture investment,100\n", encoding="utf-8")
    d = edgelist.load_table(table)
    (flow,) = d.flows()
    assert flow.type == "venture"
    assert len(d.flow_types()) == len(DEFAULT_FLOW_TYPES)
