"""Menus, tool bar, shortcuts and context menus of the main window."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle, QToolBar

from editor.app import resources
from editor.app.actions import ALIGN_MODES


def _action(window, text: str, slot=None, shortcut=None, tip: str = "", icon=None, checkable=False) -> QAction:
    a = QAction(text, window)
    if icon is not None:
        a.setIcon(window.style().standardIcon(icon))
    if shortcut is not None:
        if isinstance(shortcut, (list, tuple)):
            a.setShortcuts([QKeySequence(s) for s in shortcut])
        else:
            a.setShortcut(QKeySequence(shortcut))
    if tip:
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


def build_menus(w) -> None:
    """Create every action, menu and the tool bar of MainWindow ``w``."""
    S = QKeySequence.StandardKey
    SP = QStyle.StandardPixmap
    bar = w.menuBar()

    # ------------------------------------------------------------------ File
    m = bar.addMenu("&File")
    w.new_action = _action(w, "&New", w.new_document, S.New, "Start an empty diagram", SP.SP_FileIcon)
    w.open_action = _action(w, "&Open…", w.open_dialog, S.Open, "Open a diagram", SP.SP_DialogOpenButton)
    m.addActions([w.new_action, w.open_action])
    w.samples_menu = m.addMenu("Open &Sample")
    w.fill_samples_menu(w.samples_menu)
    w.recent_menu = m.addMenu("Open &Recent")
    w.update_recent_menu()
    m.addSeparator()
    w.save_action = _action(w, "&Save", w.save, S.Save, "Save the diagram", SP.SP_DialogSaveButton)
    w.save_as_action = _action(w, "Save &As…", w.save_as, S.SaveAs, "Save the diagram under a new name")
    w.revert_action = _action(w, "Re&vert", w.revert, None, "Reload the saved file, dropping changes")
    m.addActions([w.save_action, w.save_as_action, w.revert_action])
    m.addSeparator()
    m.addAction(_action(w, "&Import…", w.import_dialog, "Ctrl+I", "Import a CSV/XLSX edge list or a graph file"))
    w.export_image_action = _action(w, "Export &Image…", w.export_image, "Ctrl+E",
                                    "Export the diagram as PNG, SVG or PDF")
    w.export_table_action = _action(w, "Export &Table…", w.export_table, None,
                                    "Export flows, companies and loops as CSV, XLSX, GraphML or GEXF")
    m.addActions([w.export_image_action, w.export_table_action])
    m.addSeparator()
    m.addAction(_action(w, "&Close", w.close, S.Close))
    m.addAction(_action(w, "&Quit", _quit, S.Quit))

    # ------------------------------------------------------------------ Edit
    m = bar.addMenu("&Edit")
    w.undo_action = w.undo_group.createUndoAction(w, "&Undo")
    w.undo_action.setShortcuts(QKeySequence.keyBindings(S.Undo))
    w.undo_action.setIcon(w.style().standardIcon(SP.SP_ArrowBack))
    w.redo_action = w.undo_group.createRedoAction(w, "&Redo")
    w.redo_action.setShortcuts(QKeySequence.keyBindings(S.Redo))
    w.redo_action.setIcon(w.style().standardIcon(SP.SP_ArrowForward))
    w.addActions([w.undo_action, w.redo_action])
    m.addActions([w.undo_action, w.redo_action])
    m.addSeparator()
    w.cut_action = _action(w, "Cu&t", w.cut, S.Cut)
    w.copy_action = _action(w, "&Copy", w.copy, S.Copy)
    w.paste_action = _action(w, "&Paste", w.paste, S.Paste)
    w.duplicate_action = _action(w, "&Duplicate", w.duplicate, "Ctrl+D")
    w.delete_action = _action(w, "&Delete", w.delete_selection, [QKeySequence(S.Delete), "Backspace"])
    w.select_all_action = _action(w, "Select &All", w.select_all, S.SelectAll)
    m.addActions([w.cut_action, w.copy_action, w.paste_action, w.duplicate_action, w.delete_action])
    m.addSeparator()
    m.addAction(w.select_all_action)
    m.addSeparator()
    m.addAction(_action(w, "Diagram &Details…", lambda: (w.scene.clearSelection(), w.focus_inspector("title"))))
    m.addAction(_action(w, "Flow Types && &Categories…",
                        lambda: (w.docks["catalogue"].show(), w.docks["catalogue"].raise_())))
    w.selection_actions = [w.delete_action]

    # --------------------------------------------------------------- Arrange
    m = bar.addMenu("&Arrange")
    align = m.addMenu("&Align")
    w.align_actions = []
    for mode in ALIGN_MODES:
        a = _action(w, mode.capitalize(), lambda mode=mode: w.align(mode))
        align.addAction(a)
        w.align_actions.append(a)
        if mode == "right":
            align.addSeparator()
    dist = m.addMenu("&Distribute")
    w.distribute_actions = [_action(w, "&Horizontally", lambda: w.distribute("horizontal")),
                            _action(w, "&Vertically", lambda: w.distribute("vertical"))]
    dist.addActions(w.distribute_actions)
    m.addSeparator()
    w.layout_action = _action(w, "Automatic &Layout", w.auto_layout, "Ctrl+L",
                              "Arrange the selected companies (or all) automatically")
    m.addAction(w.layout_action)

    # ------------------------------------------------------------------ View
    m = view_menu = bar.addMenu("&View")
    w.zoom_in_action = _action(w, "Zoom &In", lambda: w.zoom("in"), [QKeySequence(S.ZoomIn), "Ctrl+="])
    w.zoom_out_action = _action(w, "Zoom &Out", lambda: w.zoom("out"), S.ZoomOut)
    w.fit_action = _action(w, "Zoom to &Fit", lambda: w.zoom("fit"), "Ctrl+0")
    w.actual_action = _action(w, "&Actual Size", lambda: w.zoom("reset"), "Ctrl+1")
    m.addActions([w.zoom_in_action, w.zoom_out_action, w.fit_action, w.actual_action])
    m.addSeparator()
    w.legend_action = _action(w, "&Legend", w.set_legend_visible, None, "Show the colour legend", checkable=True)
    w.snap_action = _action(w, "&Snap to Grid", w.set_snap, None, "Snap moved companies to the grid",
                            checkable=True)
    m.addActions([w.legend_action, w.snap_action])
    size = m.addMenu("Size Companies &By")
    group = QActionGroup(w)
    w.size_actions = {}
    for mode, text in (("valuation", "&Valuation"), ("revenue", "&Revenue"), ("none", "&Same Size")):
        a = QAction(text, w, checkable=True)
        a.triggered.connect(lambda _c=False, mode=mode: w.set_size_by(mode))
        group.addAction(a)
        size.addAction(a)
        w.size_actions[mode] = a
    m.addSeparator()
    panels = m.addMenu("&Panels")
    for key in ("loops", "metrics", "inspector", "history", "catalogue"):
        panels.addAction(w.docks[key].toggleViewAction())

    # ------------------------------------------------------------ Tools
    w.tool_actions = {}
    tools = QActionGroup(w)
    for name, text, key, tip in (("select", "&Select", "V", "Select and move (V)"),
                                 ("add_company", "Add &Company", "C", "Click on the canvas to add a company (C)"),
                                 ("draw_flow", "Draw &Flow", "F", "Drag from one company to another (F)")):
        a = _action(w, text, lambda name=name: w.set_tool(name), key, tip, checkable=False)
        a.setCheckable(True)
        tools.addAction(a)
        w.tool_actions[name] = a
    w.tool_actions["select"].setChecked(True)
    tm = bar.addMenu("&Tools")
    tm.addActions(list(w.tool_actions.values()))
    tm.addSeparator()
    for i in range(9):
        _action(w, f"Flow type {i + 1}", lambda i=i: w.pick_flow_type(i), str(i + 1))
    tm.addAction(_action(w, "Next Flow &Type", lambda: w.pick_flow_type(
        (w.flow_type_combo.currentIndex() + 1) % max(w.flow_type_combo.count(), 1)), "T"))

    # ------------------------------------------------------------------ Help
    m = bar.addMenu("&Help")
    m.addAction(_action(w, "&Keyboard Shortcuts", lambda: _shortcuts(w)))
    m.addAction(_action(w, "&About Roundtrip", lambda: _about(w)))

    # --------------------------------------------------------------- tool bar
    tb = QToolBar("Main")
    tb.setObjectName("toolbar_main")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
    w.addToolBar(tb)
    for a in (w.new_action, w.open_action, w.save_action):
        tb.addAction(a)
    tb.addSeparator()
    tb.addActions([w.undo_action, w.redo_action])
    tb.addSeparator()
    for name, icon_name in (("select", "select"), ("add_company", "add-company"), ("draw_flow", "draw-flow")):
        w.tool_actions[name].setIcon(resources.icon(icon_name))
    w.layout_action.setIcon(resources.icon("layout"))
    tb.addActions(list(w.tool_actions.values()))
    tb.addWidget(w.flow_type_combo)
    tb.addSeparator()
    tb.addAction(w.layout_action)
    tb.addAction(w.fit_action)
    w.toolbar = tb
    for a in (w.new_action, w.open_action, w.save_action, w.undo_action, w.redo_action):
        tb.widgetForAction(a).setToolButtonStyle(Qt.ToolButtonIconOnly)
    view_menu.addAction(tb.toggleViewAction())


def context_menu(w, owner, scene_pos) -> QMenu:
    """Right-click menu: on a company, on a flow, or on the empty canvas."""
    menu = QMenu(w)
    menu.setObjectName("canvas_context_menu")
    if owner is None:
        menu.addAction("Add Company Here", lambda: w.add_company_at(scene_pos.x(), scene_pos.y()))
        paste = menu.addAction("Paste", w.paste)
        from editor.app.clipboard import clipboard_has_fragment
        paste.setEnabled(clipboard_has_fragment())
        menu.addSeparator()
        menu.addAction(w.select_all_action)
        menu.addAction(w.layout_action)
        menu.addAction(w.fit_action)
        menu.addSeparator()
        menu.addAction("Diagram Details…", lambda: (w.scene.clearSelection(), w.focus_inspector("title")))
        return menu
    kind, oid = owner
    if kind == "company":
        menu.addAction("Rename…", lambda: w.view.edit_company_name(oid) if hasattr(w.view, "edit_company_name")
                       else w.focus_inspector("name"))
        menu.addAction("Edit in Inspector", lambda: w.focus_inspector())
        menu.addAction("Draw Flow From Here", lambda: w.set_tool("draw_flow"))
        menu.addSeparator()
        menu.addActions([w.cut_action, w.copy_action, w.duplicate_action, w.delete_action])
        cids = w.selected_ids()[0]
        if len(cids) >= 2:
            menu.addSeparator()
            align = menu.addMenu("Align")
            align.addActions(w.align_actions)
            menu.addMenu("Distribute").addActions(w.distribute_actions)
        menu.addSeparator()
        menu.addAction(w.layout_action)
    else:
        menu.addAction("Edit Amount…", lambda: w.view.edit_flow_amount(oid) if hasattr(w.view, "edit_flow_amount")
                       else w.focus_inspector("amount"))
        menu.addAction("Edit in Inspector", lambda: w.focus_inspector())
        flow = w.document.diagram.flow(oid)
        if flow.url:
            def open_source():
                w.inspector.refresh()
                w.inspector.open_link()
            menu.addAction("Open Source Link", open_source)
        change = menu.addMenu("Change Type")
        for t in w.document.diagram.flow_types():
            a = change.addAction(t.name, lambda tid=t.id: w.document.update_flows(w.selected_ids()[1], type=tid))
            a.setCheckable(True)
            a.setChecked(t.id == flow.type)
        menu.addSeparator()
        menu.addAction(w.delete_action)
    return menu


def _quit() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.closeAllWindows()


def _about(w) -> None:
    from editor import __version__

    QMessageBox.about(w, "About Roundtrip",
                      f"<h3>Roundtrip {__version__}</h3><p>Draw money-flow diagrams between companies "
                      "and see which money comes back: loops, circulation and round trips.</p>")


def _shortcuts(w) -> None:
    QMessageBox.information(w, "Keyboard Shortcuts", (
        "V  select and move\nC  add company\nF  draw flow\n1–9  pick a flow type, T  next type\n"
        "Delete  delete the selection\nCtrl+D  duplicate\nCtrl+L  automatic layout\n"
        "Ctrl++ / Ctrl+-  zoom, Ctrl+0  fit, Ctrl+1  actual size"))
