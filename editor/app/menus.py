"""Menus, tool bar, shortcuts and context menus of the main window."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle, QToolBar, QToolButton, QWidget

from editor.app import resources
from editor.app.actions import ALIGN_MODES
from editor.app.find import find as find_in
from editor.app.find import find_next
from editor.app.language import build_language_menu
from editor.app.printing import print_diagram
from editor.app.type_filter import build_flow_types_menu
from editor.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | Sequence[QKeySequence | str]


@dataclass
class Actions:
    """Every action of the main window's menus and tool bar, built once by :func:`build_menus`."""

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

    def follow_selection(self, companies: int, flows: int) -> None:
        """Enable what applies to a selection of ``companies`` companies and ``flows`` flows."""
        self.delete.setEnabled(bool(companies or flows))
        for a in self.align.values():
            a.setEnabled(companies >= 2)
        for a in self.distribute.values():
            a.setEnabled(companies >= 3)
        for a in (self.copy, self.cut, self.duplicate):
            a.setEnabled(bool(companies))


def _action(window: QWidget, text: str, slot: Callable[..., object] | None = None,
            shortcut: Shortcut | None = None, tip: str = "", icon: QStyle.StandardPixmap | None = None,
            checkable: bool = False) -> QAction:
    a = QAction(QCoreApplication.translate("Menus", text), window)
    if icon is not None:
        a.setIcon(window.style().standardIcon(icon))
    if shortcut is not None:
        if isinstance(shortcut, QKeySequence):
            a.setShortcut(shortcut)
        elif isinstance(shortcut, (str, QKeySequence.StandardKey)):
            a.setShortcut(QKeySequence(shortcut))
        else:
            a.setShortcuts([QKeySequence(s) for s in shortcut])
    if tip:
        tip = QCoreApplication.translate("Menus", tip)
        a.setStatusTip(tip)
        a.setToolTip(tip)
    a.setCheckable(checkable)
    if slot is not None:
        if checkable:
            a.toggled.connect(slot)
        else:
            a.triggered.connect(lambda _c=False: slot())
    window.addAction(a)
    return a


def build_menus(w: MainWindow) -> Actions:
    """Create every action, menu and the tool bar of MainWindow ``w``; returns the actions."""
    S = QKeySequence.StandardKey
    SP = QStyle.StandardPixmap
    bar = w.menuBar()
    files, edits = w.files, w.edits

    # ------------------------------------------------------------------ File
    m = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
    new = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&New"),
        files.new_document,
        S.New,
        QT_TRANSLATE_NOOP("Menus", "Start an empty diagram"),
        SP.SP_FileIcon,
    )
    open_ = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Open…"),
        files.open_dialog,
        S.Open,
        QT_TRANSLATE_NOOP("Menus", "Open a diagram"),
        SP.SP_DialogOpenButton,
    )
    m.addActions([new, open_])
    m.addMenu(files.samples_menu)
    m.addMenu(files.recent_menu)
    m.addSeparator()
    save = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Save"),
        files.save,
        S.Save,
        QT_TRANSLATE_NOOP("Menus", "Save the diagram"),
        SP.SP_DialogSaveButton,
    )
    save_as = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "Save &As…"),
        files.save_as,
        S.SaveAs,
        QT_TRANSLATE_NOOP("Menus", "Save the diagram under a new name"),
    )
    revert = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "Re&vert"),
        files.revert,
        None,
        QT_TRANSLATE_NOOP("Menus", "Reload the saved file, dropping changes"),
    )
    m.addActions([save, save_as, revert])
    m.addSeparator()
    import_file = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Import…"),
        files.import_dialog,
        "Ctrl+I",
        QT_TRANSLATE_NOOP("Menus", "Import a CSV/XLSX edge list or a graph file"),
    )
    m.addAction(import_file)
    export_image = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "Export &Image…"),
        files.export_image,
        "Ctrl+E",
        QT_TRANSLATE_NOOP("Menus", "Export the diagram as PNG, SVG or PDF"),
    )
    export_table = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "Export &Table…"),
        files.export_table,
        None,
        QT_TRANSLATE_NOOP("Menus", "Export flows, companies and loops as CSV, XLSX, GraphML or GEXF"),
    )
    export_replay = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "Export &Replay…"),
        lambda: w.timeline.export_replay(),   # the timeline panel is made after the first paint
        None,
        QT_TRANSLATE_NOOP("Menus", "Export the deals appearing in date order as an animated GIF"),
    )
    m.addActions([export_image, export_table, export_replay])
    print_ = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Print…"),
        lambda: print_diagram(w),
        S.Print,
        QT_TRANSLATE_NOOP("Menus", "Print the diagram with its title, legend and sources"),
    )
    m.addAction(print_)
    m.addSeparator()
    close = _action(w, QT_TRANSLATE_NOOP("Menus", "&Close"), w.close, S.Close)
    quit_ = _action(w, QT_TRANSLATE_NOOP("Menus", "&Quit"), _quit, S.Quit)
    m.addActions([close, quit_])

    # ------------------------------------------------------------------ Edit
    m = bar.addMenu(QCoreApplication.translate("Menus", "&Edit"))
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
    w.addActions([undo, redo])
    m.addActions([undo, redo])
    m.addSeparator()
    cut = _action(w, QT_TRANSLATE_NOOP("Menus", "Cu&t"), edits.cut, S.Cut)
    copy = _action(w, QT_TRANSLATE_NOOP("Menus", "&Copy"), edits.copy, S.Copy)
    paste = _action(w, QT_TRANSLATE_NOOP("Menus", "&Paste"), edits.paste, S.Paste)
    duplicate = _action(w, QT_TRANSLATE_NOOP("Menus", "&Duplicate"), edits.duplicate, "Ctrl+D")
    delete = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Delete"),
        edits.delete_selection,
        [QKeySequence(S.Delete), "Backspace"],
    )
    select_all = _action(w, QT_TRANSLATE_NOOP("Menus", "Select &All"), edits.select_all, S.SelectAll)
    m.addActions([cut, copy, paste, duplicate, delete])
    m.addSeparator()
    m.addAction(select_all)
    find = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Find…"),
        lambda: find_in(w),
        S.Find,
        QT_TRANSLATE_NOOP("Menus", "Find a company by name, or a flow by its note or source"),
    )
    m.addAction(find)
    for text, find_key, step in ((QCoreApplication.translate("Menus", "Find &Next"), S.FindNext, 1),
                                 (QCoreApplication.translate("Menus", "Find Pre&vious"), S.FindPrevious, -1)):
        m.addAction(_action(w, text, lambda step=step: find_next(w, step), find_key))
    m.addSeparator()
    details = _action(w, QT_TRANSLATE_NOOP("Menus", "Diagram &Details…"), w.show_diagram_details)
    catalogues = _action(w, QT_TRANSLATE_NOOP("Menus", "Flow Types && &Categories…"), w.show_catalogues)
    m.addActions([details, catalogues])

    # --------------------------------------------------------------- Arrange
    m = bar.addMenu(QCoreApplication.translate("Menus", "&Arrange"))
    align_menu = m.addMenu(QCoreApplication.translate("Menus", "&Align"))
    align: dict[str, QAction] = {}
    for mode in ALIGN_MODES:
        align[mode] = _action(w, mode.capitalize(), lambda mode=mode: edits.align(mode))
        align_menu.addAction(align[mode])
        if mode == "right":
            align_menu.addSeparator()
    distribute = {
        "horizontal": _action(
            w, QT_TRANSLATE_NOOP("Menus", "&Horizontally"), lambda: edits.distribute("horizontal")
        ),
        "vertical": _action(
            w, QT_TRANSLATE_NOOP("Menus", "&Vertically"), lambda: edits.distribute("vertical")
        ),
    }
    m.addMenu(QCoreApplication.translate("Menus", "&Distribute")).addActions(list(distribute.values()))
    m.addSeparator()
    layout = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "Automatic &Layout"),
        edits.auto_layout,
        "Ctrl+L",
        QT_TRANSLATE_NOOP("Menus", "Arrange the selected companies (or all) automatically"),
    )
    m.addAction(layout)

    # ------------------------------------------------------------------ View
    m = view_menu = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    zoom_in = _action(
        w, QT_TRANSLATE_NOOP("Menus", "Zoom &In"), lambda: w.zoom("in"), [QKeySequence(S.ZoomIn), "Ctrl+="]
    )
    zoom_out = _action(w, QT_TRANSLATE_NOOP("Menus", "Zoom &Out"), lambda: w.zoom("out"), S.ZoomOut)
    fit = _action(w, QT_TRANSLATE_NOOP("Menus", "Zoom to &Fit"), lambda: w.zoom("fit"), "Ctrl+0")
    actual_size = _action(w, QT_TRANSLATE_NOOP("Menus", "&Actual Size"), lambda: w.zoom("reset"), "Ctrl+1")
    m.addActions([zoom_in, zoom_out, fit, actual_size])
    m.addSeparator()
    legend = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Legend"),
        w.set_legend_visible,
        None,
        QT_TRANSLATE_NOOP("Menus", "Show the colour legend"),
        checkable=True,
    )
    snap = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Snap to Grid"),
        w.set_snap,
        None,
        QT_TRANSLATE_NOOP("Menus", "Snap moved companies to the grid"),
        checkable=True,
    )
    m.addActions([legend, snap])
    size = m.addMenu(QCoreApplication.translate("Menus", "Size Companies &By"))
    group = QActionGroup(w)
    size_by: dict[str, QAction] = {}
    for mode, text in (
        ("valuation", QT_TRANSLATE_NOOP("Menus", "&Valuation")),
        ("revenue", QT_TRANSLATE_NOOP("Menus", "&Revenue")),
        ("none", QT_TRANSLATE_NOOP("Menus", "&Same Size")),
    ):
        a = QAction(QCoreApplication.translate("Menus", text), w, checkable=True)
        a.triggered.connect(lambda _c=False, mode=mode: w.set_size_by(mode))
        group.addAction(a)
        size.addAction(a)
        size_by[mode] = a
    theme_menu = m.addMenu(QCoreApplication.translate("Menus", "&Theme"))
    theme_group = QActionGroup(w)
    themes: dict[str, QAction] = {}
    for name, text in (
        ("system", QT_TRANSLATE_NOOP("Menus", "&System")),
        ("light", QT_TRANSLATE_NOOP("Menus", "&Light")),
        ("dark", QT_TRANSLATE_NOOP("Menus", "&Dark")),
    ):
        a = QAction(QCoreApplication.translate("Menus", text), w, checkable=True)
        a.triggered.connect(lambda _c=False, name=name: w.set_theme(name))
        theme_group.addAction(a)
        theme_menu.addAction(a)
        themes[name] = a
    m.addSeparator()
    panels = m.addMenu(QCoreApplication.translate("Menus", "&Panels"))
    for key in ("loops", "metrics", "inspector", "history", "catalogue", "stress"):
        panels.addAction(w.docks[key].toggleViewAction())
    build_flow_types_menu(w, m)
    build_language_menu(w, m)
    reset_layout = _action(
        w,
        QT_TRANSLATE_NOOP("Menus", "&Reset Layout"),
        w.reset_layout,
        None,
        QT_TRANSLATE_NOOP("Menus", "Put every panel back in its default place and size"),
    )
    m.addAction(reset_layout)

    # ------------------------------------------------------------ Tools
    tools: dict[str, QAction] = {}
    tool_group = QActionGroup(w)
    for name, text, key, tip in (
        (
            "select",
            QT_TRANSLATE_NOOP("Menus", "&Select"),
            "V",
            QT_TRANSLATE_NOOP("Menus", "Select and move (V)"),
        ),
        (
            "add_company",
            QT_TRANSLATE_NOOP("Menus", "Add &Company"),
            "C",
            QT_TRANSLATE_NOOP("Menus", "Click on the canvas to add a company (C)"),
        ),
        (
            "draw_flow",
            QT_TRANSLATE_NOOP("Menus", "Draw &Flow"),
            "F",
            QT_TRANSLATE_NOOP("Menus", "Drag from one company to another (F)"),
        ),
    ):
        a = _action(w, text, lambda name=name: w.set_tool(name), key, tip, checkable=False)
        a.setCheckable(True)
        tool_group.addAction(a)
        tools[name] = a
    tools["select"].setChecked(True)
    tm = bar.addMenu(QCoreApplication.translate("Menus", "&Tools"))
    tm.addActions(list(tools.values()))
    tm.addSeparator()
    flow_type_keys = [
        _action(
            w,
            QCoreApplication.translate("Menus", "Flow type {number}").format(number=i + 1),
            lambda i=i: w.pick_flow_type(i),
            str(i + 1),
        )
        for i in range(9)
    ]
    next_flow_type = _action(w, QT_TRANSLATE_NOOP("Menus", "Next Flow &Type"), w.pick_next_flow_type, "T")
    tm.addAction(next_flow_type)

    # ------------------------------------------------------------------ Help
    m = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    shortcuts_help = _action(w, QT_TRANSLATE_NOOP("Menus", "&Keyboard Shortcuts"), lambda: _shortcuts(w))
    about = _action(w, QT_TRANSLATE_NOOP("Menus", "&About Roundtrip"), lambda: _about(w))
    m.addActions([shortcuts_help, about])

    # --------------------------------------------------------------- tool bar
    tb = QToolBar(QCoreApplication.translate("Menus", "Main"))
    tb.setObjectName("toolbar_main")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    w.addToolBar(tb)
    tb.addActions([new, open_, save])
    tb.addSeparator()
    tb.addActions([undo, redo])
    tb.addSeparator()
    for name, icon_name in (("select", "select"), ("add_company", "add-company"), ("draw_flow", "draw-flow")):
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
    view_menu.addAction(tb.toggleViewAction())

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
        toolbar=tb,
    )


def context_menu(w: MainWindow, owner: tuple[str, str] | None, scene_pos: QPointF) -> QMenu:
    """Right-click menu: on a company, on a flow, or on the empty canvas."""
    acts = w.menu_actions
    menu = QMenu(w)
    menu.setObjectName("canvas_context_menu")
    if owner is None:
        menu.addAction(
            QCoreApplication.translate("Menus", "Add Company Here"),
            lambda: w.add_company_at(scene_pos.x(), scene_pos.y()),
        )
        paste = menu.addAction(QCoreApplication.translate("Menus", "Paste"), w.edits.paste)
        from editor.app.clipboard import clipboard_has_fragment

        paste.setEnabled(clipboard_has_fragment())
        menu.addSeparator()
        menu.addAction(acts.select_all)
        menu.addAction(acts.layout)
        menu.addAction(acts.fit)
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("Menus", "Diagram Details…"), w.show_diagram_details)
        return menu
    kind, oid = owner
    if kind == "company":
        menu.addAction(QCoreApplication.translate("Menus", "Rename…"), lambda: w.view.edit_company_name(oid))
        menu.addAction(QCoreApplication.translate("Menus", "Edit in Inspector"), lambda: w.focus_inspector())
        menu.addAction(
            QCoreApplication.translate("Menus", "Draw Flow From Here"), lambda: w.set_tool("draw_flow")
        )
        menu.addSeparator()
        menu.addActions([acts.cut, acts.copy, acts.duplicate, acts.delete])
        cids = w.selected_ids()[0]
        if len(cids) >= 2:
            menu.addSeparator()
            menu.addMenu(QCoreApplication.translate("Menus", "Align")).addActions(list(acts.align.values()))
            menu.addMenu(QCoreApplication.translate("Menus", "Distribute")).addActions(
                list(acts.distribute.values())
            )
        menu.addSeparator()
        menu.addAction(acts.layout)
    else:
        menu.addAction(
            QCoreApplication.translate("Menus", "Edit Amount…"), lambda: w.view.edit_flow_amount(oid)
        )
        menu.addAction(QCoreApplication.translate("Menus", "Edit in Inspector"), lambda: w.focus_inspector())
        flow = w.document.diagram.flow(oid)
        if flow.url:

            def open_source() -> None:
                w.inspector.refresh()
                w.inspector.open_link()

            menu.addAction(QCoreApplication.translate("Menus", "Open Source Link"), open_source)
        change = menu.addMenu(QCoreApplication.translate("Menus", "Change Type"))
        for t in w.document.diagram.flow_types():

            def set_type(_checked: bool = False, tid: str = t.id) -> None:
                w.document.update_flows(w.selected_ids()[1], type=tid)

            a = change.addAction(t.name, set_type)
            a.setCheckable(True)
            a.setChecked(t.id == flow.type)
        menu.addSeparator()
        menu.addAction(acts.delete)
    return menu


def _quit() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.closeAllWindows()


def _about(w: QWidget) -> None:
    from editor import __version__

    text = QCoreApplication.translate(
        "Menus",
        "Draw money-flow diagrams between companies and see which "
        "money comes back: loops, circulation and round trips.",
    )
    QMessageBox.about(
        w,
        QCoreApplication.translate("Menus", "About Roundtrip"),
        f"<h3>Roundtrip {__version__}</h3><p>{text}</p>",
    )


#: what the mouse and keys do on the canvas besides the menus' shortcuts
GESTURES = (
    (
        QT_TRANSLATE_NOOP("Menus", "Esc"),
        QT_TRANSLATE_NOOP("Menus", "Cancel the current gesture, clear the loop highlight"),
    ),
    (QT_TRANSLATE_NOOP("Menus", "Space+drag, middle-drag"), QT_TRANSLATE_NOOP("Menus", "Pan the canvas")),
    (
        QT_TRANSLATE_NOOP("Menus", "Wheel"),
        QT_TRANSLATE_NOOP("Menus", "Zoom at the mouse (Shift+wheel scrolls sideways)"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Double-click a company or amount"),
        QT_TRANSLATE_NOOP("Menus", "Rename the company or edit the amount in place"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Right-click"),
        QT_TRANSLATE_NOOP("Menus", "The menu of what lies under the mouse"),
    ),
)


def shortcut_rows(w: QWidget) -> list[tuple[str, str]]:
    """(keys, what) for every action of ``w`` with a shortcut, then the canvas gestures."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    undo_prefixes = [
        re.sub(r"\(&\w\)", "", QCoreApplication.translate("Menus", p)).replace("&", "")
        for p in ("&Undo", "&Redo")
    ]
    for a in w.actions():
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts() if not k.isEmpty()]
        name = re.sub(r"\(&\w\)", "", a.text())  # Japanese accelerators: "元に戻す(&U)"
        name = name.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        if not keys or not name:
            continue
        for prefix in undo_prefixes:
            if name.startswith(prefix):
                name = prefix
        if name in seen:
            continue
        seen.add(name)
        rows.append((", ".join(keys), name))
    return rows + [
        (QCoreApplication.translate("Menus", k), QCoreApplication.translate("Menus", t)) for k, t in GESTURES
    ]


def _shortcuts(w: QWidget) -> None:
    from html import escape

    rows = "".join(
        f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(t)}</td></tr>" for k, t in shortcut_rows(w)
    )
    box = QMessageBox(
        QMessageBox.Icon.NoIcon,
        "Keyboard Shortcuts",
        f"<table>{rows}</table>",
        QMessageBox.StandardButton.Close,
        w,
    )
    box.setObjectName("shortcuts_help")
    box.open()
