"""Text from files is never read as markup: a walk over every widget of the window with hostile names.

A company named ``<img src="/dev/zero">`` shown as rich text makes Qt read that file
(4 GB and an abort); every label, tool tip, item tool tip and message box showing
file-supplied text must show it literally.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText is in QtGui's Qt namespace
from PySide6.QtWidgets import QAbstractItemView, QLabel, QMessageBox, QWidget

from editor.dialogs import messages
from editor.model import Category, Company, Diagram, Flow, FlowType
from tests.qt import _collect_after_each_test, gui_thread_collector, shown_window  # noqa: F401  (fixtures)

HOSTILE = '<img src="/dev/zero">'


def _hostile_diagram() -> Diagram:
    d = Diagram(flow_types=[FlowType("venture", f"Venture {HOSTILE}", "#2ca02c")],
                categories=[Category("lab", f"Lab {HOSTILE}", "#1f77b4")])
    d.add_company(Company("a", f"A {HOSTILE}", "lab", revenue=5, notes=HOSTILE, x=0, y=0))
    d.add_company(Company("b", f"<b>B</b> {HOSTILE}", "lab", revenue=3, x=200, y=0))
    d.add_flow(Flow("f", "a", "b", "venture", 2.0, url=f"https://example.com/{HOSTILE}", note=HOSTILE))
    d.add_flow(Flow("g", "b", "a", "venture", 1.0))
    return d


def _rich(text: str, fmt: Qt.TextFormat) -> bool:
    """Would Qt read ``text`` as rich text in a widget with format ``fmt``?"""
    if fmt == Qt.TextFormat.PlainText:
        return False
    if fmt == Qt.TextFormat.RichText:
        return True
    return GuiQt.mightBeRichText(text)


def _raw_markup_in_tip(tip: str) -> bool:
    """A tool tip is always rich-text-detected: the hostile tag must not appear unescaped."""
    return HOSTILE in tip and GuiQt.mightBeRichText(tip)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # list models keep columnCount private: one column
        return 1


def _model_tips(model: QAbstractItemModel, parent: QModelIndex = QModelIndex(), depth: int = 0) -> list[str]:
    tips: list[str] = []
    for row in range(min(model.rowCount(parent), 200)):
        for col in range(_columns(model, parent)):
            index = model.index(row, col, parent)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                tips.append(tip)
            if depth < 3 and model.rowCount(index) > 0:
                tips.extend(_model_tips(model, index, depth + 1))
    for section in range(_columns(model, parent)):
        tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        if isinstance(tip, str):
            tips.append(tip)
    return tips


def _offences(root: QWidget) -> list[str]:
    found: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel) and HOSTILE in w.text() and _rich(w.text(), w.textFormat()):
            found.append(f"label {w.objectName() or type(w.parent()).__name__}: {w.text()[:60]}")
        if _raw_markup_in_tip(w.toolTip()):
            found.append(f"tool tip of {type(w).__name__}: {w.toolTip()[:60]}")
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            found += [f"item tip in {type(w).__name__}: {t[:60]}" for t in _model_tips(w.model())
                      if _raw_markup_in_tip(t)]
    return found


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    yield from shown_window(qtbot, _hostile_diagram())


def test_every_widget_shows_hostile_names_literally(window, qtbot):
    seen_name = False
    for companies, flows in ((["a"], []), (["b"], []), ([], ["f"]), (["a", "b"], ["f"])):
        window.inspector.set_selection(companies, flows)
        qtbot.wait(20)
        assert _offences(window) == []
        seen_name = seen_name or any(HOSTILE in lab.text() for lab in window.findChildren(QLabel))
    for dock in window.docks.values():
        dock.show()
        dock.raise_()
    qtbot.wait(50)
    assert _offences(window) == []
    assert seen_name, "the walk never met the hostile name: it would check nothing"


def test_message_boxes_show_quoted_text_literally(qtbot, monkeypatch):
    shown: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", record)
    messages.show_error(None, "Open", f"{HOSTILE} cannot be opened", [f"companies[0].name: {HOSTILE}"])
    messages.warn(None, "Import", HOSTILE)
    messages.confirm(None, "Replace", HOSTILE)
    messages.ask_save_changes(None, HOSTILE)
    assert len(shown) == 4
    for box in shown:
        labels = [lab for lab in box.findChildren(QLabel) if HOSTILE in lab.text()]
        assert labels, "the hostile text is shown"
        assert all(lab.textFormat() == Qt.TextFormat.PlainText for lab in labels)
