"""What the window shows of its menus at its first paint: the menu bar's titles and the tool bar.

:func:`build_bar` makes the menu bar's menus (still empty), the tool bar and the actions on it
(New, Open, Save, Undo, Redo, the three tools, Automatic Layout, Zoom to Fit), with their
icons, tips and shortcuts. The rest of the actions, and every menu's items, are made by
:func:`editor.app.menus.build_menus` (at start-up right after the first paint), which puts
these actions in their menus too.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar, QToolButton

from editor.app import resources
from editor.app.action_factory import Shortcut, make_action
from editor.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow

#: The menu bar's menus, by key, in their order (titles translated in the "Menus" context).
MENUS = (("file", QT_TRANSLATE_NOOP("Menus", "&File")), ("edit", QT_TRANSLATE_NOOP("Menus", "&Edit")),
         ("arrange", QT_TRANSLATE_NOOP("Menus", "&Arrange")), ("view", QT_TRANSLATE_NOOP("Menus", "&View")),
         ("tools", QT_TRANSLATE_NOOP("Menus", "&Tools")), ("help", QT_TRANSLATE_NOOP("Menus", "&Help")))

#: The tools: (name, text, key, tip, bundled icon).
TOOLS = (
    ("select", QT_TRANSLATE_NOOP("Menus", "&Select"), "V", QT_TRANSLATE_NOOP("Menus", "Select and move (V)"),
     "select"),
    ("add_company", QT_TRANSLATE_NOOP("Menus", "Add &Company"), "C",
     QT_TRANSLATE_NOOP("Menus", "Click on the canvas to add a company (C)"), "add-company"),
    ("draw_flow", QT_TRANSLATE_NOOP("Menus", "Draw &Flow"), "F",
     QT_TRANSLATE_NOOP("Menus", "Drag from one company to another (F)"), "draw-flow"),
)


class BarActions:
    """The menu bar's menus and the tool bar's actions.

    Until :func:`~editor.app.menus.build_menus` adopts them, these actions are on the tool bar
    only (their shortcuts work from there), not yet in the window's list of actions."""

    def __init__(self, menus: dict[str, QMenu], new: QAction, open_: QAction, save: QAction, undo: QAction,
                 redo: QAction, tools: dict[str, QAction], layout: QAction, fit: QAction,
                 toolbar: QToolBar) -> None:
        self.menus = menus
        self.new, self.open, self.save, self.undo, self.redo = new, open_, save, undo, redo
        self.tools = tools
        self.layout, self.fit = layout, fit
        self.toolbar = toolbar


def build_bar(w: MainWindow) -> BarActions:
    """The menu bar's (empty) menus and the tool bar of MainWindow ``w``, with the tool bar's actions."""
    S = QKeySequence.StandardKey
    SP = QStyle.StandardPixmap
    files, edits = w.files, w.edits
    bar = w.menuBar()
    menus = {key: bar.addMenu(QCoreApplication.translate("Menus", title)) for key, title in MENUS}

    def action(text: str, slot: Callable[..., object], shortcut: Shortcut, tip: str = "",
               icon: QStyle.StandardPixmap | None = None, checkable: bool = False) -> QAction:
        return make_action(w, text, slot, shortcut, tip, icon, checkable, add=False)  # (added with its menu)

    new = action(QT_TRANSLATE_NOOP("Menus", "&New"), files.new_document, S.New,
                 QT_TRANSLATE_NOOP("Menus", "Start an empty diagram"), SP.SP_FileIcon)
    open_ = action(QT_TRANSLATE_NOOP("Menus", "&Open…"), files.open_dialog, S.Open,
                   QT_TRANSLATE_NOOP("Menus", "Open a diagram"), SP.SP_DialogOpenButton)
    save = action(QT_TRANSLATE_NOOP("Menus", "&Save"), files.save, S.Save,
                  QT_TRANSLATE_NOOP("Menus", "Save the diagram"), SP.SP_DialogSaveButton)
    undo = w.undo_group.createUndoAction(w, QCoreApplication.translate("Menus", "&Undo"))
    undo.setShortcuts(QKeySequence.keyBindings(S.Undo))
    undo.setIcon(w.style().standardIcon(SP.SP_ArrowBack))
    redo = w.undo_group.createRedoAction(w, QCoreApplication.translate("Menus", "&Redo"))
    # Ctrl+Y as well as the platform's keys (X11 binds only Ctrl+Shift+Z), as the README promises
    redo_keys = QKeySequence.keyBindings(S.Redo)
    for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
        if QKeySequence(extra) not in redo_keys:
            redo_keys.append(QKeySequence(extra))
    redo.setShortcuts(redo_keys)
    redo.setIcon(w.style().standardIcon(SP.SP_ArrowForward))

    tools: dict[str, QAction] = {}
    tool_group = QActionGroup(w)
    for name, text, key, tip, _icon in TOOLS:
        a = action(text, lambda name=name: w.set_tool(name), key, tip, checkable=False)
        a.setCheckable(True)
        tool_group.addAction(a)
        tools[name] = a
    tools["select"].setChecked(True)
    layout = action(QT_TRANSLATE_NOOP("Menus", "Automatic &Layout"), edits.auto_layout, "Ctrl+L",
                    QT_TRANSLATE_NOOP("Menus", "Arrange the selected companies (or all) automatically"))
    fit = action(QT_TRANSLATE_NOOP("Menus", "Zoom to &Fit"), lambda: w.zoom("fit"), "Ctrl+0")

    tb = QToolBar(QCoreApplication.translate("Menus", "Main"))
    tb.setObjectName("toolbar_main")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    w.addToolBar(tb)
    tb.addActions([new, open_, save])
    tb.addSeparator()
    tb.addActions([undo, redo])
    tb.addSeparator()
    for name, _text, _key, _tip, icon_name in TOOLS:
        tools[name].setIcon(resources.icon(icon_name))
    layout.setIcon(resources.icon("layout"))
    tb.addActions(list(tools.values()))
    tb.addWidget(w.flow_type_combo)
    tb.addSeparator()
    tb.addAction(layout)
    tb.addAction(fit)
    for a in (new, open_, save, undo, redo):
        button = tb.widgetForAction(a)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    return BarActions(menus, new, open_, save, undo, redo, tools, layout, fit, tb)
