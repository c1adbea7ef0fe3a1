"""Export captions in a chosen language: the Export dialog's Captions choice reaches the page."""
from __future__ import annotations

from editor.canvas.export.image import ExportOptions, ExportPage
from editor.dialogs.export_dialog import ExportImageDialog
from tests.helpers import seed_diagram


def _legend_heads(page: ExportPage) -> list[str]:
    return [head for head, _kind, _rows in page.layout._legend_groups()]


def test_captions_choice_defaults_to_the_interface_language(qtbot, tmp_path):
    dialog = ExportImageDialog(seed_diagram(), directory=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.options()["language"] is None
    page = dialog._page()
    try:
        assert "MONEY FLOWS" in _legend_heads(page)   # English interface (LANG=C)
    finally:
        page.close()


def test_japanese_captions_from_an_english_interface(qtbot, tmp_path):
    dialog = ExportImageDialog(seed_diagram(), directory=tmp_path)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(type(dialog._format), "export_language")
    combo.setCurrentIndex(combo.findData("ja"))
    assert dialog.options()["language"] == "ja"
    page = dialog._page()
    try:
        assert "資金の流れ" in _legend_heads(page) and "企業" in _legend_heads(page)
        assert page.layout.content.credit == "Roundtrip で作成"
        assert page.layout.content.legend_note.startswith("線の太さ")
    finally:
        page.close()


def test_english_captions_stay_english():
    page = ExportPage(seed_diagram(), ExportOptions(language="en"))
    try:
        assert _legend_heads(page) == ["MONEY FLOWS", "COMPANIES"]
        assert page.layout.content.captions["sources_as_of"].format(date="2025-11-01") == \
            "Sources (as of 2025-11-01)"
    finally:
        page.close()
