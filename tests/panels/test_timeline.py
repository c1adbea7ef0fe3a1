"""The Timeline panel: ticks, the period on the canvas and in the file's view settings, play."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication

from editor.canvas import DiagramScene
from editor.canvas.period import pale
from editor.editing.document import Document
from editor.io.view import PeriodView, ViewSettings, set_view, view_of
from editor.model import Flow
from editor.panels.timeline import TimelinePanel
from tests.helpers import seed_diagram


@pytest.fixture
def setup(qtbot):
    d = seed_diagram()       # f3 2025-05, f1 2025-09, f2 2025-09
    d.add_flow(Flow("f4", "openai", "nvidia", "revenue", 5, date="2025-11-20"))
    d.add_flow(Flow("f5", "oracle", "openai", "service", 1))         # undated
    doc = Document(d)
    scene = DiagramScene(doc.diagram)
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    periods = []
    panel.periodChanged.connect(lambda a, b: periods.append((a, b)))
    panel.attach(doc.diagram, scene)
    doc.diagram.subscribe(panel.diagram_changed)     # as the main window does
    return doc, scene, panel, periods


def hidden(scene):
    return sorted(i.id for i in scene.flow_items() if not i.isVisible())


def test_ticks_and_undated_count(setup):
    _doc, scene, panel, periods = setup
    assert panel.fids == ["f3", "f1", "f2", "f4"] and panel.undated == 1
    assert panel.period() is None and panel.visible_flow_ids() is None and hidden(scene) == []
    assert "4 dated flows · 1 undated" in panel.summary.text()
    assert periods == [("", "")]


def test_a_period_hides_flows_and_is_kept_as_a_view_setting(setup):
    doc, scene, panel, periods = setup
    panel.set_period("2025-06", "2025-10")
    assert sorted(panel.visible_flow_ids()) == ["f1", "f2"]
    assert hidden(scene) == ["f3", "f4", "f5"]                  # undated flows are outside any period
    assert periods[-1] == ("2025-06-01", "2025-10-01")
    assert view_of(doc.diagram).period == PeriodView("2025-06-01", "2025-10-01", "hide")
    assert doc.undo_stack.count() == 0 and not doc.is_modified()   # a view setting: not an edit
    panel.mode_combo.setCurrentIndex(1)
    assert hidden(scene) == [] and view_of(doc.diagram).period.outside == "fade"
    panel.clear_period()
    assert periods[-1] == ("", "") and view_of(doc.diagram).is_empty()
    assert all(i.opacity() == 1.0 for i in scene.flow_items())


def test_an_end_at_the_edge_of_the_axis_is_open(setup):
    _doc, _scene, panel, periods = setup
    panel.set_period("2025-09", "")
    assert periods[-1] == ("2025-09-01", "") and sorted(panel.visible_flow_ids()) == ["f1", "f2", "f4"]


def test_the_saved_period_is_applied_on_attach(qtbot):
    d = seed_diagram()
    set_view(d, ViewSettings(period=PeriodView("2025-09", "", "fade")))
    scene = DiagramScene(d)
    panel = TimelinePanel()
    qtbot.addWidget(panel)
    panel.attach(d, scene)
    assert panel.mode() == "fade" and panel.visible_flow_ids() == ["f1", "f2"]
    faded = pale(QColor(d.flow_type("purchase").color))
    assert [i.id for i in scene.flow_items() if i.color is faded] == ["f3"]


def test_step_restart_and_play(setup, qtbot):
    _doc, _scene, panel, _periods = setup
    panel.restart()
    assert panel.visible_flow_ids() == ["f3"]
    assert panel.step() and panel.visible_flow_ids() == ["f3", "f1", "f2"]    # the next deal date
    panel.step_combo.setCurrentIndex(1)                                      # by month
    panel.restart()
    assert panel.step() and "to 2025-09-30" in panel.summary.text()
    assert panel.step() and panel.period() is None                           # November: the last deal
    assert not panel.step()
    panel.speed_combo.setCurrentIndex(4)
    panel.toggle_play()                                                      # at the end: starts over
    assert panel.playing() and panel.visible_flow_ids() == ["f3"]
    qtbot.waitUntil(lambda: not panel.playing(), timeout=5000)
    assert panel.period() is None and panel.play_button.text() == "Play"


def test_keyboard(setup, qtbot):
    _doc, _scene, panel, _periods = setup
    panel.show()
    qtbot.waitExposed(panel)
    panel.strip.setFocus()
    qtbot.keyClick(panel.strip, Qt.Key.Key_Home)
    assert panel.visible_flow_ids() == ["f3"]
    qtbot.keyClick(panel.strip, Qt.Key.Key_Period)
    assert panel.visible_flow_ids() == ["f3", "f1", "f2"]
    qtbot.keyClick(panel.strip, Qt.Key.Key_Space)
    assert panel.playing()
    qtbot.keyClick(panel.strip, Qt.Key.Key_Space)
    assert not panel.playing()
    before = panel.strip.hi
    qtbot.keyClick(panel.strip, Qt.Key.Key_Right)
    assert panel.strip.hi == before + 1


def test_edits_update_the_ticks_and_keep_the_period(setup):
    doc, scene, panel, _periods = setup
    panel.set_period("2025-06", "2025-10")
    doc.diagram.add_flow(Flow("f6", "nvidia", "oracle", "purchase", 3, date="2025-07"))
    assert "f6" in panel.fids and "f6" in panel.visible_flow_ids()
    doc.diagram.add_flow(Flow("f7", "nvidia", "oracle", "purchase", 3, date="2025-12"))
    assert "f7" in hidden(scene)


def test_dragging_a_handle(setup, qtbot):
    _doc, _scene, panel, periods = setup
    panel.resize(800, 100)
    panel.show()
    qtbot.waitExposed(panel)
    strip = panel.strip
    x_hi = int(strip.x_of(strip.hi))
    target = int(strip.x_of(strip.first + (strip.last - strip.first) // 2))
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(x_hi, 30))
    at = QPoint(target, 30).toPointF()
    move = QMouseEvent(QMouseEvent.Type.MouseMove, at, strip.mapToGlobal(at), Qt.MouseButton.NoButton,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip, move)
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(target, 30))
    assert periods[-1][0] == "" and periods[-1][1] != ""
    assert panel.visible_flow_ids() == ["f3"]


def test_loops_panel_lists_date_ordered_loops_with_their_reading(qtbot):
    from editor.analysis.timed import analyze_timed
    from editor.panels.loops import LoopsPanel

    d = seed_diagram()          # Oracle -> NVIDIA (2025-05), NVIDIA -> OpenAI, OpenAI -> Oracle (2025-09)
    panel = LoopsPanel()
    qtbot.addWidget(panel)
    options = []
    panel.optionsChanged.connect(options.append)
    assert not panel.within.isEnabled()
    panel.date_ordered.setChecked(True)
    assert panel.within.isEnabled() and options[-1]["date_ordered"] and options[-1]["within_days"] is None
    panel.within.setChecked(True)
    assert options[-1]["within_days"] == 90
    panel.set_result(analyze_timed(d.snapshot(), date_ordered=True, within_days=200,
                                   period_from="2025", period_to="2025-12-31"))
    assert panel.summary.text().startswith("1 date-ordered loop within 200 days")
    tooltip = panel.model.data(panel.model.index(0, 4), int(Qt.ItemDataRole.ToolTipRole))
    assert tooltip == "In date order from Oracle: Oracle → NVIDIA → OpenAI → Oracle, 2025-05 to 2025-09"
    assert not panel.period_label.isHidden()
    assert "2025 to 2025-12-31 (3 of 3 flows)" in panel.period_label.text()
    panel.set_result(analyze_timed(d.snapshot(), date_ordered=True, within_days=30))
    assert panel.summary.text() == "No date-ordered loops within 30 days." and panel.period_label.isHidden()


def test_the_canvas_keeps_the_period_look_of_edited_flows_by_itself(setup):
    """An amount edit restyles the arrow; outside the period it stays faded (or hidden) without the
    timeline having to apply the period again."""
    doc, scene, panel, _periods = setup
    doc.diagram.unsubscribe(panel.diagram_changed)      # the canvas alone
    panel.mode_combo.setCurrentIndex(1)
    panel.set_period("2025-06", "2025-10")
    full = QColor(doc.diagram.flow_type(doc.diagram.flow("f3").type).color)
    assert scene.flow_item("f3").color == pale(full)
    doc.update_flow("f3", amount=450.0)
    assert scene.flow_item("f3").color == pale(full)
    panel.mode_combo.setCurrentIndex(0)
    assert "f4" in hidden(scene)
    doc.update_flow("f4", source="oracle")              # new ends: the arrow is made anew
    assert "f4" in hidden(scene)


def test_edits_off_the_axis_leave_the_ticks_alone(setup, monkeypatch):
    doc, scene, panel, _periods = setup
    panel.set_period("2025-06", "2025-10")
    loads = []
    load = panel._load_ticks
    monkeypatch.setattr(panel, "_load_ticks", lambda: (loads.append(1), load())[1])
    doc.update_flow("f1", amount=77.0, note="checked")
    doc.update_company("nvidia", name="NVIDIA Corp.")
    assert loads == [] and hidden(scene) == ["f3", "f4", "f5"]
    doc.update_flow("f1", date="2025-12-01")              # re-dated: out of the period
    assert loads == [1] and "f1" in hidden(scene)
    doc.update_flow("f5", date="2025-07-01")              # dated: now on the axis, in the period
    assert loads == [1, 1] and "f5" in panel.fids and "f5" not in hidden(scene)


def test_the_tick_lines_are_made_again_only_when_the_ticks_or_the_size_change(setup):
    _doc, _scene, panel, _periods = setup
    strip = panel.strip
    strip.resize(600, 60)
    lines = strip._tick_lines(10, 40)
    assert sum(map(len, lines.values())) == 4
    strip.set_range(strip.first + 10, strip.last)        # a handle move
    assert strip._tick_lines(10, 40) is lines
    strip.resize(800, 60)
    wider = strip._tick_lines(10, 40)
    assert wider is not lines
    def rightmost(by_color):
        return max(ln.x1() for ls in by_color.values() for ln in ls)

    assert rightmost(wider) > rightmost(lines)
    strip.set_ticks(panel.days[:2], ["#000000", "#000000"])
    assert sum(map(len, strip._tick_lines(10, 40).values())) == 2
