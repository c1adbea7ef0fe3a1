"""The interface language: the Japanese setting gives Japanese menus and Qt's own Japanese buttons;
View → Language stores the choice; numbers follow the locale."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from editor import i18n, settings
from editor.app.mainwindow import MainWindow
from editor.canvas.export.layout import page_captions
from editor.editing.document import Document
from tests.helpers import seed_diagram


def _menu_titles(w: MainWindow) -> list[str]:
    return [a.text() for a in w.menuBar().actions()]


def test_japanese_setting_gives_japanese_menus_and_qt_buttons(qtbot, japanese):
    w = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    try:
        titles = _menu_titles(w)
        assert titles[:2] == ["ファイル(&F)", "編集(&E)"], titles
        assert "表示(&V)" in titles and "ヘルプ(&H)" in titles
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "キャンセル"   # qtbase_ja
        assert page_captions()["companies"] == "企業"
        assert page_captions("en")["companies"] == "Companies"   # the export dialog's choice
    finally:
        w.document.undo_stack.setClean()
        w.shutdown()


def test_english_under_lang_c(qtbot, qapp):
    settings.clear_all()
    assert i18n.install(qapp) == "en"
    w = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    try:
        assert _menu_titles(w)[:2] == ["&File", "&Edit"]
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
        assert page_captions("ja")["flows"] == "資金の流れ"   # Japanese export, English interface
    finally:
        w.document.undo_stack.setClean()
        w.shutdown()


def test_language_menu_stores_the_choice_and_says_when_it_applies(qtbot, monkeypatch):
    settings.clear_all()
    notes: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: notes.append(text))
    w = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    try:
        menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View")
        lang_menu = next(a.menu() for a in menu.actions()
                         if a.menu() and a.menu().objectName() == "language_menu")
        acts = {a.data(): a for a in lang_menu.actions()}
        assert set(acts) == {"system", "en", "ja"} and acts["system"].isChecked()
        acts["ja"].trigger()
        assert settings.get_str(i18n.SETTING) == "ja" and acts["ja"].isChecked()
        assert len(notes) == 1 and "next time" in notes[0] and "次回" in notes[0]
        acts["ja"].trigger()   # the same choice again: nothing to say
        assert len(notes) == 1
        assert w.document.diagram.companies()   # the open document is untouched
    finally:
        w.document.undo_stack.setClean()
        w.shutdown()
        settings.clear_all()


def test_system_choice_follows_the_locale(monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("ja_JP")))
    assert i18n.interface_language("system") == "ja"
    assert i18n.interface_language("en") == "en"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.interface_language("system") == "en"   # no German catalogue
    with pytest.raises(ValueError):
        i18n.set_language_setting("fr")


def test_locale_number_uses_the_locale_separators():
    assert i18n.locale_number(1234567.891, 2, QLocale("en_US")) == "1,234,567.89"
    assert i18n.locale_number(1234567.891, 2, QLocale("de_DE")) == "1.234.567,89"
    assert i18n.locale_number(1234.5, 1, QLocale("ja_JP")) == "1,234.5"
    assert i18n.locale_number(-9876.5, 1, QLocale.c()) == "-9,876.5"   # LANG=C reads as English
    assert i18n.locale_number(1234.5, 1) == "1,234.5"   # the tests' locale (LANG=C)


def test_app_has_no_translator_left_installed(qapp):
    assert isinstance(qapp, QApplication)
    assert QApplication.translate("Menus", "&File") == "&File"


def test_japanese_panels_and_glossary(qtbot, japanese):
    from editor.panels.glossary import definition
    from editor.panels.stress import StressPanel
    from editor.panels.timeline import TimelinePanel

    stress, timeline = StressPanel(), TimelinePanel()
    qtbot.addWidget(stress)
    qtbot.addWidget(timeline)
    try:
        assert stress.revenue_only_button.text() == "売上高のみ"
        assert stress.caveat_label.text().startswith("予測ではありません")
        assert timeline.play_button.text() == "再生"
        assert definition("net") == "流入額から流出額を引いたもの。"
    finally:
        stress.shutdown()
