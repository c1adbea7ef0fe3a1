"""Menus and shortcuts of the main window.

The menu bar's menus and the tool bar come first, in toolbar.py (what the window shows at its
first paint); :func:`build_menus` then makes the other actions and fills the menus (at start-up
right after the first paint). The actions are made in action_factory.py; the canvas's right-click
menu is in context_menu.py and what the Help menu shows in help_menu.py.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from editor.app.action_factory import choice_menu, make_action
from editor.app.actions import ALIGN_MODES
from editor.app.language import build_language_menu
from editor.app.type_filter import build_flow_types_menu
from editor.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow
    from editor.app.toolbar import BarActions

#: the Arrange → Align menu's items, by mode (translated by make_action)
ALIGN_MENU_TEXTS = {
    "left": QT_TRANSLATE_NOOP("Menus", "Left"),
    "centre": QT_TRANSLATE_NOOP("Menus", "Centre"),
    "right": QT_TRANSLATE_NOOP("Menus", "Right"),
    "top": QT_TRANSLATE_NOOP("Menus", "Top"),
    "middle": QT_TRANSLATE_NOOP("Menus", "Middle"),
    "bottom": QT_TRANSLATE_NOOP("Menus", "Bottom"),
}

# (the canvas's right-click menu lives in context_menu.py, imported when first shown)
__all__ = ["Actions", "build_menus"]


# Printing (Qt's print support and the export page), Find and the Help texts are imported when
# first asked for, not before the window's first paint.
def _print(w: MainWindow) -> None:
    from editor.app.printing import print_diagram

    print_diagram(w)


def _find(w: MainWindow) -> None:
    from editor.app.find import find

    find(w)


def _find_next(w: MainWindow, step: int) -> None:
    from editor.app.find import find_next

    find_next(w, step)


def _show_shortcuts(w: MainWindow) -> None:
    from editor.app.help_menu import show_shortcuts

    show_shortcuts(w)


def _show_about(w: MainWindow) -> None:
    from editor.app.help_menu import show_about

    show_about(w)


class Actions:
    """Every action of the main window's menus and tool bar, built once by :func:`build_menus`.

    (A plain class, not a dataclass: making a dataclass of this many fields costs about 2 ms of the
    start-up; the constructor still takes exactly the fields below, by name.)"""

    # File
    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    revert: QAction
    import_file: QAction
    export_image: QAction
    export_table: QAction
    print: QAction
    close: QAction
    quit: QAction
    # Edit
    undo: QAction
    redo: QAction
    cut: QAction
    copy: QAction
    paste: QAction
    duplicate: QAction
    delete: QAction
    select_all: QAction
    diagram_details: QAction
    catalogues: QAction
    # Arrange
    align: dict[str, QAction]  # by mode, in ALIGN_MODES order
    distribute: dict[str, QAction]  # "horizontal", "vertical"
    layout: QAction
    # View
    zoom_in: QAction
    zoom_out: QAction
    fit: QAction
    actual_size: QAction
    legend: QAction
    snap: QAction
    size_by: dict[str, QAction]  # "valuation", "revenue", "none"
    themes: dict[str, QAction]  # "system", "light", "dark"
    reset_layout: QAction
    find: QAction
    # Tools
    tools: dict[str, QAction]  # "select", "add_company", "draw_flow"
    flow_type_keys: list[QAction]  # keys 1-9
    next_flow_type: QAction
    # Help
    shortcuts_help: QAction
    about: QAction
    toolbar: QToolBar

    def __init__(self, **actions: Any) -> None:
        fields = set(Actions.__annotations__)
        wrong = set(actions) ^ fields
        if wrong:
            raise TypeError(f"Actions: missing or unknown fields: {', '.join(sorted(wrong))}")
        self.__dict__.update(actions)

    def follow_selection(self, companies: int, flows: int) -> None:
        """Enable what applies to a selection of ``companies`` companies and ``flows`` flows."""
        self.delete.setEnabled(bool(companies or flows))
        for a in self.align.values():
            a.setEnabled(companies >= 2)
        for a in self.distribute.values():
            a.setEnabled(companies >= 3)
        for a in (self.copy, self.cut, self.duplicate):
            a.setEnabled(bool(companies))



def build_menus(w: MainWindow, bar: BarActions) -> Actions:
    """Create every other action of MainWindow ``w`` and fill its menus (``bar``: the menu bar's
    menus and the tool bar's actions, made before, see toolbar.py); returns the actions.

    The window's list of actions (what Help → Keyboard Shortcuts lists) follows the menus' order."""
    S = QKeySequence.StandardKey
    files, edits = w.files, w.edits

    def adopt(a: QAction) -> QAction:
        w.addAction(a)
        return a

    # ------------------------------------------------------------------ File
    m = bar.menus["file"]
    new = adopt(bar.new)
    open_ = adopt(bar.open)
    m.addActions([new, open_])
    m.addMenu(files.samples_menu)
    m.addMenu(files.recent_menu)
    m.addSeparator()
    save = adopt(bar.save)
    save_as = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "Save &As…"),
        files.save_as,
        S.SaveAs,
        QT_TRANSLATE_NOOP("Menus", "Save the diagram under a new name"),
    )
    revert = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "Re&vert"),
        files.revert,
        None,
        QT_TRANSLATE_NOOP("Menus", "Reload the saved file, dropping changes"),
    )
    m.addActions([save, save_as, revert])
    m.addSeparator()
    import_file = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Import…"),
        files.import_dialog,
        "Ctrl+I",
        QT_TRANSLATE_NOOP("Menus", "Import a CSV/XLSX edge list or a graph file"),
    )
    m.addAction(import_file)
    export_image = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "Export &Image…"),
        files.export_image,
        "Ctrl+E",
        QT_TRANSLATE_NOOP("Menus", "Export the diagram as PNG, SVG or PDF"),
    )
    export_table = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "Export &Table…"),
        files.export_table,
        None,
        QT_TRANSLATE_NOOP("Menus", "Export flows, companies and loops as CSV, XLSX, GraphML or GEXF"),
    )
    export_replay = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "Export &Replay…"),
        lambda: w.timeline.export_replay(),   # the timeline panel is made after the first paint
        None,
        QT_TRANSLATE_NOOP("Menus", "Export the deals appearing in date order as an animated GIF"),
    )
    m.addActions([export_image, export_table, export_replay])
    print_ = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Print…"),
        lambda: _print(w),
        S.Print,
        QT_TRANSLATE_NOOP("Menus", "Print the diagram with its title, legend and sources"),
    )
    m.addAction(print_)
    m.addSeparator()
    close = make_action(w, QT_TRANSLATE_NOOP("Menus", "&Close"), w.close, S.Close)
    quit_ = make_action(w, QT_TRANSLATE_NOOP("Menus", "&Quit"), _quit, S.Quit)
    m.addActions([close, quit_])

    # ------------------------------------------------------------------ Edit
    m = bar.menus["edit"]
    undo, redo = bar.undo, bar.redo
    w.addActions([undo, redo])
    m.addActions([undo, redo])
    m.addSeparator()
    cut = make_action(w, QT_TRANSLATE_NOOP("Menus", "Cu&t"), edits.cut, S.Cut)
    copy = make_action(w, QT_TRANSLATE_NOOP("Menus", "&Copy"), edits.copy, S.Copy)
    paste = make_action(w, QT_TRANSLATE_NOOP("Menus", "&Paste"), edits.paste, S.Paste)
    duplicate = make_action(w, QT_TRANSLATE_NOOP("Menus", "&Duplicate"), edits.duplicate, "Ctrl+D")
    delete = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Delete"),
        edits.delete_selection,
        [QKeySequence(S.Delete), "Backspace"],
    )
    select_all = make_action(w, QT_TRANSLATE_NOOP("Menus", "Select &All"), edits.select_all, S.SelectAll)
    m.addActions([cut, copy, paste, duplicate, delete])
    m.addSeparator()
    m.addAction(select_all)
    find = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Find…"),
        lambda: _find(w),
        S.Find,
        QT_TRANSLATE_NOOP("Menus", "Find a company by name, or a flow by its note or source"),
    )
    m.addAction(find)
    for text, find_key, step in ((QCoreApplication.translate("Menus", "Find &Next"), S.FindNext, 1),
                                 (QCoreApplication.translate("Menus", "Find Pre&vious"), S.FindPrevious, -1)):
        m.addAction(make_action(w, text, lambda step=step: _find_next(w, step), find_key))
    m.addSeparator()
    details = make_action(w, QT_TRANSLATE_NOOP("Menus", "Diagram &Details…"), w.show_diagram_details)
    catalogues = make_action(w, QT_TRANSLATE_NOOP("Menus", "Flow Types && &Categories…"), w.show_catalogues)
    m.addActions([details, catalogues])

    # --------------------------------------------------------------- Arrange
    m = bar.menus["arrange"]
    align_menu = m.addMenu(QCoreApplication.translate("Menus", "&Align"))
    align: dict[str, QAction] = {}
    for mode in ALIGN_MODES:
        align[mode] = make_action(w, ALIGN_MENU_TEXTS[mode], lambda mode=mode: edits.align(mode))
        align_menu.addAction(align[mode])
        if mode == "right":
            align_menu.addSeparator()
    distribute = {
        "horizontal": make_action(
            w, QT_TRANSLATE_NOOP("Menus", "&Horizontally"), lambda: edits.distribute("horizontal")
        ),
        "vertical": make_action(
            w, QT_TRANSLATE_NOOP("Menus", "&Vertically"), lambda: edits.distribute("vertical")
        ),
    }
    m.addMenu(QCoreApplication.translate("Menus", "&Distribute")).addActions(list(distribute.values()))
    m.addSeparator()
    layout = adopt(bar.layout)
    m.addAction(layout)

    # ------------------------------------------------------------------ View
    m = view_menu = bar.menus["view"]
    zoom_in = make_action(
        w, QT_TRANSLATE_NOOP("Menus", "Zoom &In"), lambda: w.zoom("in"), [QKeySequence(S.ZoomIn), "Ctrl+="]
    )
    zoom_out = make_action(w, QT_TRANSLATE_NOOP("Menus", "Zoom &Out"), lambda: w.zoom("out"), S.ZoomOut)
    fit = adopt(bar.fit)
    actual_size = make_action(
        w, QT_TRANSLATE_NOOP("Menus", "&Actual Size"), lambda: w.zoom("reset"), "Ctrl+1"
    )
    m.addActions([zoom_in, zoom_out, fit, actual_size])
    m.addSeparator()
    legend = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Legend"),
        w.set_legend_visible,
        None,
        QT_TRANSLATE_NOOP("Menus", "Show the colour legend"),
        checkable=True,
    )
    snap = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Snap to Grid"),
        w.set_snap,
        None,
        QT_TRANSLATE_NOOP("Menus", "Snap moved companies to the grid"),
        checkable=True,
    )
    m.addActions([legend, snap])
    size_by = choice_menu(
        w,
        m.addMenu(QCoreApplication.translate("Menus", "Size Companies &By")),
        (
            ("valuation", QT_TRANSLATE_NOOP("Menus", "&Valuation")),
            ("revenue", QT_TRANSLATE_NOOP("Menus", "&Revenue")),
            ("none", QT_TRANSLATE_NOOP("Menus", "&Same Size")),
        ),
        lambda mode: w.set_size_by(mode),
    )
    themes = choice_menu(
        w,
        m.addMenu(QCoreApplication.translate("Menus", "&Theme")),
        (
            ("system", QT_TRANSLATE_NOOP("Menus", "&System")),
            ("light", QT_TRANSLATE_NOOP("Menus", "&Light")),
            ("dark", QT_TRANSLATE_NOOP("Menus", "&Dark")),
        ),
        lambda name: w.set_theme(name),
    )
    m.addSeparator()
    panels = m.addMenu(QCoreApplication.translate("Menus", "&Panels"))
    for key in ("loops", "metrics", "inspector", "history", "catalogue", "stress"):
        panels.addAction(w.docks[key].toggleViewAction())
    build_flow_types_menu(w, m)
    build_language_menu(w, m)
    reset_layout = make_action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Reset Layout"),
        w.reset_layout,
        None,
        QT_TRANSLATE_NOOP("Menus", "Put every panel back in its default place and size"),
    )
    m.addAction(reset_layout)

    # ------------------------------------------------------------ Tools
    tools = {name: adopt(a) for name, a in bar.tools.items()}
    tm = bar.menus["tools"]
    tm.addActions(list(tools.values()))
    tm.addSeparator()
    flow_type_keys = [
        make_action(
            w,
            QCoreApplication.translate("Menus", "Flow type {number}").format(number=i + 1),
            lambda i=i: w.pick_flow_type(i),
            str(i + 1),
        )
        for i in range(9)
    ]
    next_flow_type = make_action(w, QT_TRANSLATE_NOOP("Menus", "Next Flow &Type"), w.pick_next_flow_type, "T")
    tm.addAction(next_flow_type)

    # ------------------------------------------------------------------ Help
    m = bar.menus["help"]
    shortcuts_help = make_action(
        w, QT_TRANSLATE_NOOP("Menus", "&Keyboard Shortcuts"), lambda: _show_shortcuts(w)
    )
    about = make_action(w, QT_TRANSLATE_NOOP("Menus", "&About Roundtrip"), lambda: _show_about(w))
    m.addActions([shortcuts_help, about])

    view_menu.addAction(bar.toolbar.toggleViewAction())

    return Actions(
        new=new,
        open=open_,
        save=save,
        save_as=save_as,
        revert=revert,
        import_file=import_file,
        export_image=export_image,
        export_table=export_table,
        print=print_,
        close=close,
        quit=quit_,
        undo=undo,
        redo=redo,
        cut=cut,
        copy=copy,
        paste=paste,
        duplicate=duplicate,
        delete=delete,
        select_all=select_all,
        diagram_details=details,
        catalogues=catalogues,
        align=align,
        distribute=distribute,
        layout=layout,
        zoom_in=zoom_in,
        zoom_out=zoom_out,
        fit=fit,
        actual_size=actual_size,
        legend=legend,
        snap=snap,
        size_by=size_by,
        themes=themes,
        reset_layout=reset_layout,
        find=find,
        tools=tools,
        flow_type_keys=flow_type_keys,
        next_flow_type=next_flow_type,
        shortcuts_help=shortcuts_help,
        about=about,
        toolbar=bar.toolbar,
    )


def _quit() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.closeAllWindows()
