"""The canvas's right-click menu: what applies to a company, to a flow, or to the empty canvas.

Built afresh for each right click from the main window's actions (see menus.py) and
a few entries of its own; texts are translated in the "Menus" context.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow


def context_menu_at(w: MainWindow, scene_pos: QPointF) -> QMenu:
    """The right-click menu for what lies at ``scene_pos`` (a company, a flow or the canvas); a
    company or flow not selected yet is selected first."""
    owner = w.scene.owner_at(scene_pos)
    if owner is not None:
        kind, oid = owner
        cids, fids = w.selected_ids()
        if oid not in (cids if kind == "company" else fids):
            w.scene.select_ids([oid] if kind == "company" else [], [oid] if kind == "flow" else [])
    return context_menu(w, owner, scene_pos)


def add_company_at(w: MainWindow, x: float, y: float) -> str:
    """A new company ("Company N") at (x, y), selected, its name ready to type in the Inspector."""
    n = len(w.document.diagram) + 1
    name = f"Company {n}"
    while w.document.diagram.find_company(name) is not None:
        n += 1
        name = f"Company {n}"
    cid = w.document.add_company(name, x, y)
    w.scene.select_ids([cid], [])
    w.focus_inspector("name")
    return cid


def focus_inspector(w: MainWindow, key: str | None = None) -> None:
    """The Inspector in front, its field ``key`` (by default the first of the selection's) focused."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    w.docks["inspector"].show()
    w.docks["inspector"].raise_()
    cids, fids = w.selected_ids()
    kind = "company" if cids else "flow" if fids else "diagram"
    key = key or {"company": "name", "flow": "amount", "diagram": "title"}[kind]
    if key in w.inspector.fields[kind]:
        widget = w.inspector.field(kind, key).widget
        widget.setFocus()
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):  # a combo box has no text to select
            widget.selectAll()


def context_menu(w: MainWindow, owner: tuple[str, str] | None, scene_pos: QPointF) -> QMenu:
    """Right-click menu: on a company, on a flow, or on the empty canvas."""
    acts = w.menu_actions
    menu = QMenu(w)
    menu.setObjectName("canvas_context_menu")
    if owner is None:
        menu.addAction(
            QCoreApplication.translate("Menus", "Add Company Here"),
            lambda: add_company_at(w, scene_pos.x(), scene_pos.y()),
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
