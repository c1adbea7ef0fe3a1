"""View -> Flow Types: checkable entries that hide or show a flow type on the canvas.

Hiding is a view setting of the canvas: no undo step, kept in the file's ``view`` section
(editor/io/view.py). The Loops and Metrics panels still count every flow and say so in a line
at their top.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from editor.io.view import set_view, view_of

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from editor.app.mainwindow import MainWindow



def build_flow_types_menu(w: MainWindow, parent: QMenu) -> QMenu:
    """Add View -> Flow Types to ``parent``; its entries are made from the diagram when it opens."""
    menu = parent.addMenu(QCoreApplication.translate("FlowTypesMenu", "Flow &Types"))
    menu.setObjectName("flowTypesMenu")
    menu.aboutToShow.connect(lambda: fill_flow_types_menu(w, menu))
    return menu


def fill_flow_types_menu(w: MainWindow, menu: QMenu) -> None:
    menu.clear()
    hidden = set(w.scene.hidden_types)
    for t in w.document.diagram.flow_types():
        a = QAction(t.name, menu, checkable=True)
        a.setChecked(t.id not in hidden)
        a.setData(t.id)
        a.toggled.connect(lambda on, tid=t.id: set_type_shown(w, tid, on))
        menu.addAction(a)
    menu.addSeparator()
    show_all = QAction(QCoreApplication.translate("FlowTypesMenu", "Show &All Types"), menu)
    show_all.setEnabled(bool(hidden))
    show_all.triggered.connect(lambda: set_hidden(w, set()))
    menu.addAction(show_all)


def set_type_shown(w: MainWindow, type_id: str, shown: bool) -> None:
    hidden = set(w.scene.hidden_types)
    if shown:
        hidden.discard(type_id)
    else:
        hidden.add(type_id)
    set_hidden(w, hidden)


def set_hidden(w: MainWindow, hidden: set[str]) -> None:
    """Hide these flow types on the canvas, remember them with the diagram, and say it in the panels."""
    diagram = w.document.diagram
    set_view(diagram, replace(view_of(diagram), hidden_types=tuple(sorted(hidden))))
    show_hidden(w, hidden)


def attach_type_filter(w: MainWindow) -> None:
    """A new canvas: legend clicks hide or show a type, and the types hidden in the document's view
    settings are hidden (a document was opened or switched to)."""
    w.scene.legendTypeClicked.connect(lambda tid: set_type_shown(w, tid, tid in w.scene.hidden_types))
    known = {t.id for t in w.document.diagram.flow_types()}
    show_hidden(w, set(view_of(w.document.diagram).hidden_types) & known)


def set_view_note(panel: QWidget, note: str) -> None:
    """``note`` on ``panel`` (the panels' module is imported with the panels, after the first paint)."""
    from editor.panels.common import set_view_note as set_note

    set_note(panel, note)


def show_hidden(w: MainWindow, hidden: set[str]) -> None:
    w.scene.set_hidden_types(hidden)
    note = hidden_note(len(hidden))
    for panel in (w.loops, w.metrics) if w.panels_built() else ():   # (made later: they ask then)
        set_view_note(panel, note)
    if note:
        w.statusBar().showMessage(note, 4000)


def hidden_note(count: int) -> str:
    """What the panels count while types are hidden ("" when none is)."""
    if not count:
        return ""
    text = QCoreApplication.translate(
        "FlowTypesMenu", "{count} flow type(s) hidden on the canvas; loops and figures include them")
    return text.format(count=count)
