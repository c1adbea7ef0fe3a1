"""Messages from the model and the readers, and amount qualifiers, in the Japanese interface;
English (byte for byte the model's text) in the English one."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from editor import i18n, settings
from editor.app.mainwindow import MainWindow
from editor.canvas.export.image import ExportOptions, ExportPage
from editor.editing.document import Document
from editor.io.native import FormatError, loads
from editor.model import ModelError
from editor.model.entities import check_date
from editor.model.texts import msg
from tests.helpers import seed_diagram

BROKEN = b'{"format": "roundtrip", "version": 1, "companies": [], "flows": [{"id": 3}]}'


@pytest.fixture
def shown_boxes(monkeypatch):
    """(text, informative text) of every QMessageBox run, instead of running it."""
    shown: list[tuple[str, str]] = []

    def record(box: QMessageBox) -> int:
        shown.append((box.text(), box.informativeText()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def _window(qtbot, diagram=None) -> MainWindow:
    w = MainWindow(Document(diagram if diagram is not None else seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    return w


def _close(w: MainWindow) -> None:
    w.document.undo_stack.setClean()
    w.shutdown()


def test_a_broken_file_is_refused_in_japanese(qtbot, japanese, shown_boxes, tmp_path):
    path = tmp_path / "broken.roundtrip"
    path.write_bytes(BROKEN)
    w = _window(qtbot)
    try:
        assert w.files.open_path(path, prompt=False) is False
        (text, problems), = shown_boxes
        assert "broken.roundtrip" in text and "開けません" in text
        assert "flows[0].id: テキストが必要ですが、3 でした" in problems, problems
        assert "flows[0].source: ありません" in problems
        assert "expected" not in problems and "missing" not in problems   # no English left
        assert w.document.diagram.companies()   # the open diagram is untouched
    finally:
        _close(w)


def test_the_same_file_is_refused_in_english_with_the_models_text(qtbot, qapp, shown_boxes, tmp_path):
    settings.clear_all()
    assert i18n.install(qapp) == "en"
    path = tmp_path / "broken.roundtrip"
    path.write_bytes(BROKEN)
    with pytest.raises(FormatError) as info:
        loads(BROKEN, path)
    w = _window(qtbot)
    try:
        assert w.files.open_path(path, prompt=False) is False
        (_, problems), = shown_boxes
        assert problems.splitlines() == [f"• {p}" for p in info.value.problems]
    finally:
        _close(w)


def test_up_to_amounts_show_the_japanese_qualifier_on_the_canvas_and_in_the_inspector(qtbot, japanese):
    w = _window(qtbot)
    try:
        flows = w.scene.index.flows
        assert flows["f1"].label_text == "最大$100B"     # up to 100
        assert flows["f2"].label_text == "約$300B"       # about 300
        assert flows["f3"].label_text == "$40B"
        w.inspector.set_selection([], ["f1"])
        assert w.inspector.fields["flow"]["qualifier"].combo().currentText() == "最大"
        assert w.inspector.fields["flow"]["amount"].line_edit().text() == "100"
    finally:
        _close(w)


def test_an_export_follows_its_own_language(qtbot, qapp):
    settings.clear_all()
    assert i18n.install(qapp) == "en"
    d = seed_diagram()
    ja, en = ExportPage(d, ExportOptions(language="ja")), ExportPage(d, ExportOptions(language="en"))
    try:
        assert ja.scene.index.flows["f1"].label_text == "最大$100B"
        assert en.scene.index.flows["f1"].label_text == "up to $100B"
    finally:
        ja.close()
        en.close()


def test_error_text_translates_messages_and_their_parts(japanese):
    with pytest.raises(ModelError) as info:
        check_date("2025-13", "date")
    assert i18n.error_text(info.value) == "date: '2025-13' の月 13 が範囲外です"
    nested = msg("{where}: {problem}", where="line 3", problem=msg("{what}: must not be empty", what="name"))
    assert i18n.error_text(nested) == "line 3: name: 空にはできません"
    assert i18n.error_text(ValueError("plain text")) == "plain text"   # not a Message: as it is
    assert i18n.error_text(info.value, "en") == str(info.value)


def test_error_text_is_the_english_text_in_the_english_interface(qapp):
    settings.clear_all()
    assert i18n.install(qapp) == "en"
    with pytest.raises(ModelError) as info:
        check_date("2025-02-30", "date")
    assert i18n.error_text(info.value) == "date: '2025-02-30' is not a calendar date" == str(info.value)
    assert i18n.amount_text(100, "up_to") == "up to $100B"
