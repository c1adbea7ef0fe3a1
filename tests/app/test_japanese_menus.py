"""Menus and notices that once stayed English in the Japanese interface."""
from __future__ import annotations

import pytest

from editor import i18n, settings
from editor.app.mainwindow import MainWindow
from editor.editing.document import Document
from tests.helpers import seed_diagram


@pytest.fixture
def window(qtbot):
    def make() -> MainWindow:
        w = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
        qtbot.addWidget(w)
        return w
    return make


def _close(w: MainWindow) -> None:
    w.document.undo_stack.setClean()
    w.shutdown()


def test_align_items_and_sample_titles_in_japanese(japanese, window):
    w = window()
    try:
        align = {mode: a.text() for mode, a in w.menu_actions.align.items()}
        assert align == {"left": "左揃え", "centre": "左右中央揃え", "right": "右揃え", "top": "上揃え",
                         "middle": "上下中央揃え", "bottom": "下揃え"}
        titles = [a.text() for a in w.files.samples_menu.actions()]
        assert "AI マネーマシン (2025 年)" in titles, titles
    finally:
        _close(w)


def test_align_items_and_sample_titles_in_english(qapp, window):
    settings.clear_all()
    assert i18n.install(qapp) == "en"
    w = window()
    try:
        assert [a.text() for a in w.menu_actions.align.values()] == \
            ["Left", "Centre", "Right", "Top", "Middle", "Bottom"]
        assert "The AI money machine, 2025" in [a.text() for a in w.files.samples_menu.actions()]
    finally:
        _close(w)


def test_a_failed_analysis_is_said_in_japanese(japanese, window):
    w = window()
    try:
        said: list[str] = []
        w.worker.failed.connect(said.append)
        w.worker._on_finished(w.worker._requested, None, ValueError("boom"), 0.0)
        assert said == ["分析に失敗しました: boom"]
    finally:
        _close(w)
