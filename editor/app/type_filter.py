"""View -> Flow Types: checkable entries that hide or show a flow type on the canvas.

Hiding is a view setting of the canvas (no undo step, nothing saved in the diagram). The
analysis panels still count every flow; the window says so in the status bar.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("FlowTypesMenu", text)


def build_flow_types_menu(w: MainWindow, parent: QMenu) -> QMenu:
    """Add View -> Flow Types to ``parent``; its entries are made from the diagram when it opens."""
    menu = parent.addMenu(tr("Flow &Types"))
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
    show_all = QAction(tr("Show &All Types"), menu)
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
    w.scene.set_hidden_types(hidden)
    w.statusBar().showMessage(hidden_note(len(hidden)))


def hidden_note(count: int) -> str:
    """What the panels count while types are hidden ("" when none is)."""
    if not count:
        return ""
    return tr("{count} flow type(s) hidden on the canvas; loops and figures include them").format(count=count)
