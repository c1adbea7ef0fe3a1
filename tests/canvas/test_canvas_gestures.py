"""Canvas gestures with real mouse and key events on the view's viewport."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers import seed_diagram, shown_view

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def canvas(qtbot):
    def make(diagram=None):
        doc, scene, view = shown_view(qtbot, diagram, (900, 700))
        view.centerOn(150, 120)
        messages: list[str] = []
        view.statusMessage.connect(messages.append)
        return doc, scene, view, messages
    return make


def vp(view, scene_pos) -> QPoint:
    return view.mapFromScene(QPointF(*scene_pos) if isinstance(scene_pos, tuple) else scene_pos)


def press(view, pos, mods=NO_MOD):
    QTest.mousePress(view.viewport(), LEFT, mods, vp(view, pos))


def release(view, pos, mods=NO_MOD):
    QTest.mouseRelease(view.viewport(), LEFT, mods, vp(view, pos))


def drag_move(view, pos, mods=NO_MOD):
    """A move with the left button held (QTest.mouseMove does not carry held buttons)."""
    p = QPointF(vp(view, pos))
    event = QMouseEvent(QEvent.Type.MouseMove, p, QPointF(view.viewport().mapToGlobal(p.toPoint())),
                        Qt.MouseButton.NoButton, LEFT, mods)
    QApplication.sendEvent(view.viewport(), event)


def drag(view, start, end, steps=5, mods=NO_MOD):
    press(view, start, mods)
    (x0, y0), (x1, y1) = start, end
    for i in range(1, steps + 1):
        drag_move(view, (x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps), mods)
    release(view, end, mods)


def type_in_editor(qtbot, view, text):
    editor = view.editor
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_add_companies_draw_flows_both_ways_and_type_amounts(canvas, qtbot):
    doc, scene, view, _ = canvas()
    view.set_tool("add_company")
    press(view, (0, 0))
    release(view, (0, 0))
    type_in_editor(qtbot, view, "NVIDIA")
    press(view, (300, 40))
    release(view, (300, 40))
    type_in_editor(qtbot, view, "OpenAI")
    assert view.editor is None
    names = {c.name: c for c in doc.diagram.companies()}
    assert set(names) == {"NVIDIA", "OpenAI"}
    assert (names["OpenAI"].x, names["OpenAI"].y) == (300, 40)
    nv, oa = names["NVIDIA"].id, names["OpenAI"].id

    view.set_tool("draw_flow")
    view.set_flow_type("equity")
    drag(view, (0, 0), (300, 40))
    type_in_editor(qtbot, view, "up to $100B")
    view.set_flow_type("purchase")
    drag(view, (300, 40), (0, 0))
    type_in_editor(qtbot, view, "~300")

    flows = {(f.source, f.target): f for f in doc.diagram.flows()}
    assert set(flows) == {(nv, oa), (oa, nv)}
    there, back = flows[(nv, oa)], flows[(oa, nv)]
    assert (there.type, there.amount, there.qualifier) == ("equity", 100.0, "up_to")
    assert (back.type, back.amount, back.qualifier) == ("purchase", 300.0, "estimated")
    a, b = scene.flow_item(there.id), scene.flow_item(back.id)
    assert a.path() != b.path()
    assert not a.label.sceneBoundingRect().intersects(b.label.sceneBoundingRect())
    assert a.label.text == "up to $100B" and b.label.text == "~$300B"


def test_invalid_amount_keeps_editor_open_with_text_selected(canvas, qtbot):
    doc, scene, view, messages = canvas(seed_diagram())
    view.set_tool("draw_flow")
    before = len(doc.diagram.flows())
    drag(view, (0, 0), (150, 250))
    fid = view.editor.id
    type_in_editor(qtbot, view, "lots")
    assert view.editor is not None and view.editor.isVisible()
    assert view.editor.selectedText() == "lots"
    assert messages and "lots" in messages[-1]
    assert doc.diagram.flow(fid).amount is None
    type_in_editor(qtbot, view, "?")
    assert view.editor is None
    assert len(doc.diagram.flows()) == before + 1
    assert scene.flow_item(fid).label.text == "$?"


def test_empty_name_is_refused_and_escape_keeps_default(canvas, qtbot):
    doc, scene, view, messages = canvas()
    view.set_tool("add_company")
    press(view, (50, 50))
    release(view, (50, 50))
    qtbot.keyClick(view.editor, Qt.Key.Key_Escape)
    assert view.editor is None
    (company,) = doc.diagram.companies()
    assert company.name == "New company"
    view.edit_company_name(company.id)
    type_in_editor(qtbot, view, "   ")
    assert doc.diagram.company(company.id).name == "New company"
    assert messages and "name" in messages[-1]


def test_drop_on_empty_space_or_same_company_cancels(canvas):
    doc, scene, view, messages = canvas(seed_diagram())
    view.set_tool("draw_flow")
    count = doc.undo_stack.count()
    items = len(scene.items())
    drag(view, (0, 0), (-200, 300))
    drag(view, (300, 0), (305, 5))
    assert doc.undo_stack.count() == count
    assert len(scene.items()) == items  # the rubber arrow is gone too
    assert view.editor is None
    assert len(messages) == 2


def test_drag_moves_live_and_pushes_one_undo_step(canvas):
    doc, scene, view, _ = canvas(seed_diagram())
    f1 = scene.flow_item("f1")  # nvidia -> openai
    f3 = scene.flow_item("f3")  # oracle -> nvidia
    path1, path3, path2 = f1.path(), f3.path(), scene.flow_item("f2").path()
    count = doc.undo_stack.count()
    press(view, (0, 0))
    for i in range(1, 6):
        drag_move(view, (12 * i, 8 * i))
    # live preview: the items moved, the model did not yet
    assert scene.company_item("nvidia").pos() == QPointF(60, 40)
    assert (doc.diagram.company("nvidia").x, doc.diagram.company("nvidia").y) == (0, 0)
    assert f1.path() != path1 and f3.path() != path3
    assert scene.flow_item("f2").path() == path2  # not attached: untouched
    release(view, (60, 40))
    assert doc.undo_stack.count() == count + 1
    assert (doc.diagram.company("nvidia").x, doc.diagram.company("nvidia").y) == (60, 40)
    doc.undo_stack.undo()
    assert scene.company_item("nvidia").pos() == QPointF(0, 0)
    assert f1.path() == path1 and f3.path() == path3


def test_ctrl_click_then_drag_moves_all_selected_in_one_step(canvas):
    doc, scene, view, _ = canvas(seed_diagram())
    ctrl = Qt.KeyboardModifier.ControlModifier
    press(view, (0, 0))
    release(view, (0, 0))
    press(view, (300, 0), ctrl)
    release(view, (300, 0), ctrl)
    assert sorted(scene.selected_ids()[0]) == ["nvidia", "openai"]
    count = doc.undo_stack.count()
    drag(view, (300, 0), (300, 50))
    assert doc.undo_stack.count() == count + 1
    assert doc.diagram.company("nvidia").y == 50 and doc.diagram.company("openai").y == 50
    assert doc.diagram.company("oracle").y == 250


def test_snap_to_grid_while_dragging(canvas):
    doc, scene, view, _ = canvas(seed_diagram())
    view.set_snap_to_grid(True)
    drag(view, (150, 250), (163, 271))
    c = doc.diagram.company("oracle")
    assert (c.x % view.grid_size, c.y % view.grid_size) == (0, 0)
    assert (c.x, c.y) == (160, 280)


def test_rubber_band_selects_companies_inside(canvas):
    doc, scene, view, _ = canvas(seed_diagram())
    drag(view, (-60, -60), (360, 60))
    companies, _ = scene.selected_ids()
    assert sorted(companies) == ["nvidia", "openai"]
    assert doc.undo_stack.count() == 0


def test_escape_cancels_a_drag_and_returns_to_select(canvas, qtbot):
    doc, scene, view, _ = canvas(seed_diagram())
    press(view, (0, 0))
    drag_move(view, (40, 40))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    release(view, (40, 40))
    assert scene.company_item("nvidia").pos() == QPointF(0, 0)
    assert doc.undo_stack.count() == 0
    view.set_tool("draw_flow")
    press(view, (0, 0))
    drag_move(view, (100, 100))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.tool == "select"
    release(view, (300, 0))
    assert doc.undo_stack.count() == 0


def test_double_click_edits_name_and_amount_in_place(canvas, qtbot):
    doc, scene, view, _ = canvas(seed_diagram())
    requests = []
    scene.editRequested.connect(lambda kind, i: requests.append((kind, i)))
    QTest.mouseDClick(view.viewport(), LEFT, NO_MOD, vp(view, (300, 0)))
    assert view.editor is not None and view.editor.text() == "OpenAI"
    type_in_editor(qtbot, view, "OpenAI Group")
    assert doc.diagram.company("openai").name == "OpenAI Group"
    label = scene.flow_item("f3").label
    QTest.mouseDClick(view.viewport(), LEFT, NO_MOD, vp(view, label.scenePos()))
    assert view.editor is not None and view.editor.kind == "flow" and view.editor.id == "f3"
    type_in_editor(qtbot, view, "$45B")
    assert doc.diagram.flow("f3").amount == 45
    assert requests == [("company", "openai"), ("flow", "f3")]


def test_arrow_keys_nudge_and_merge_into_one_step(canvas, qtbot):
    doc, scene, view, _ = canvas(seed_diagram())
    scene.select_ids(["oracle"])
    view.setFocus()
    count = doc.undo_stack.count()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    c = doc.diagram.company("oracle")
    assert (c.x, c.y) == (153, 260)
    assert doc.undo_stack.count() == count + 1


def test_zoom_keys_wheel_and_fit(canvas, qtbot):
    doc, scene, view, _ = canvas(seed_diagram())
    z = view.zoom()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(z * 1.25)
    view.zoom_out()
    assert view.zoom() == pytest.approx(z)
    view.zoom_to_fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.diagram_rect())
