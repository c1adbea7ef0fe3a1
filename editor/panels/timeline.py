"""The Timeline panel: the deals on a date axis, a period to look at, and a replay.

Under the canvas: :class:`~editor.panels.timeline_strip.TimelineStrip` draws a
tick per dated flow in its type's colour (undated flows are counted apart), and
two handles choose a period. Flows outside the period are hidden or faded on
the canvas (:meth:`DiagramScene.set_period_filter`, at once), and
``periodChanged(from, to)`` asks for the Loops and Metrics of the flows in the
period (the window passes it to the analysis worker, which runs it off the GUI
thread). A handle at either end of the axis leaves that end open; both there:
no period at all.

**Play** moves the end of the period forward, one deal date at a time or one
month at a time, at the chosen speed. Keys (when the timeline has the focus):
Space plays or pauses, ``.`` steps, Home restarts; the arrow keys move the end
handle by a day (Shift: the start handle; Ctrl: 30 days).

The period is a view setting: undo does not record it; it is kept with the
diagram (:mod:`editor.io.view`), saved in its file and restored on open.
"""
from __future__ import annotations

import bisect
import calendar
import datetime
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.canvas.scene import DiagramScene
from editor.i18n import error_text
from editor.io.view import PeriodView, set_view, view_of
from editor.model import Change, ChangeKind, Diagram, date_key
from editor.panels.timeline_strip import TimelineStrip

SPEEDS = (("0.5×", 2400), ("1×", 1200), ("2×", 600), ("4×", 300), ("8×", 150))
# shown through self.tr (context "TimelinePanel")
STEPS = ((QT_TRANSLATE_NOOP("TimelinePanel", "One deal at a time"), "deal"),
         (QT_TRANSLATE_NOOP("TimelinePanel", "One month at a time"), "month"))
MODES = ((QT_TRANSLATE_NOOP("TimelinePanel", "Hide flows outside"), "hide"),
         (QT_TRANSLATE_NOOP("TimelinePanel", "Fade flows outside"), "fade"))


def _iso(day: int) -> str:
    return datetime.date.fromordinal(day).isoformat()


def _ordinal(text: str) -> int | None:
    key = date_key(text)
    return None if key is None else datetime.date(*key).toordinal()


#: Changes that cannot add, remove, move or recolour a tick.
_OFF_THE_AXIS = frozenset({ChangeKind.COMPANIES_MOVED, ChangeKind.COMPANY_ADDED, ChangeKind.COMPANY_CHANGED,
                           ChangeKind.CATEGORIES_CHANGED, ChangeKind.METADATA_CHANGED})


class TimelinePanel(QWidget):
    #: the period to analyse: (from, to), each "YYYY-MM-DD" or "" for an open end
    periodChanged = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.diagram: Diagram | None = None
        self.scene: DiagramScene | None = None
        self.days: list[int] = []           # dated flows, sorted by day
        self.fids: list[str] = []
        self.undated = 0
        self._tick_of: dict[str, tuple[int | None, str]] = {}   # flow id -> (day or None, colour)
        self.strip = TimelineStrip()
        self.strip.rangeChanged.connect(lambda _lo, _hi: self._range_moved())

        self.play_button = QToolButton()
        self.play_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.play_button.setToolTip(self.tr("Play the deals in date order (Space)"))
        self.play_button.clicked.connect(self.toggle_play)
        self.step_button = QToolButton()
        self.step_button.setText(self.tr("Step"))
        self.step_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.step_button.setToolTip(self.tr("Show the next deal or month (.)"))
        self.step_button.clicked.connect(self.step)
        self.restart_button = QToolButton()
        self.restart_button.setText(self.tr("Restart"))
        self.restart_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward))
        self.restart_button.setToolTip(self.tr("Back to the first deal (Home)"))
        self.restart_button.clicked.connect(self.restart)
        self.all_button = QToolButton()
        self.all_button.setText(self.tr("All dates"))
        self.all_button.setToolTip(self.tr("Show every flow: no period"))
        self.all_button.clicked.connect(self.clear_period)
        self.step_combo = QComboBox()
        for text, key in STEPS:
            self.step_combo.addItem(self.tr(str(text)), key)
        self.speed_combo = QComboBox()
        for text, ms in SPEEDS:
            self.speed_combo.addItem(text, ms)
        self.speed_combo.setCurrentIndex(1)
        self.speed_combo.setToolTip(self.tr("Playing speed"))
        self.speed_combo.currentIndexChanged.connect(self._speed_changed)
        self.mode_combo = QComboBox()
        for text, key in MODES:
            self.mode_combo.addItem(self.tr(str(text)), key)
        self.mode_combo.currentIndexChanged.connect(lambda _i: self._range_moved())
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self._timer = QTimer(self)
        self._timer.setInterval(self.interval())
        self._timer.timeout.connect(self._tick)

        row = QHBoxLayout()
        for w in (self.play_button, self.step_button, self.restart_button, self.step_combo, self.speed_combo):
            row.addWidget(w)
        for b in (self.step_button, self.restart_button):
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._show_playing(False)
        row.addSpacing(12)
        row.addWidget(self.summary, 1)
        row.addWidget(self.mode_combo)
        row.addWidget(self.all_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.setSpacing(2)
        lay.addWidget(self.strip)
        lay.addLayout(row)
        self._update_summary()

    # ------------------------------------------------------------- binding
    def attach(self, diagram: Diagram, scene: DiagramScene) -> None:
        """Show ``diagram``'s deals, apply its saved period to ``scene``."""
        self.pause()
        self.diagram, self.scene = diagram, scene
        self._load_ticks()
        period = view_of(diagram).period
        if period is not None:
            self.mode_combo.blockSignals(True)
            self.mode_combo.setCurrentIndex(1 if period.outside == "fade" else 0)
            self.mode_combo.blockSignals(False)
            lo = _ordinal(period.start) if period.start else self.strip.first
            hi = _ordinal(period.end) if period.end else self.strip.last
            self.strip.set_range(lo or self.strip.first, hi or self.strip.last, emit=False)
        else:
            self.strip.set_range(self.strip.first, self.strip.last, emit=False)
        self._range_moved()

    def diagram_changed(self, change: Change) -> None:
        """Follow an edit: new, removed or re-dated flows, or new colours. Other edits (an amount, a
        company, a note) leave the axis as it is, and the canvas keeps the period's look itself."""
        if self.diagram is None or change.kind in _OFF_THE_AXIS:
            return
        if change.kind == ChangeKind.FLOW_CHANGED and not self._ticks_moved(change.ids):
            return
        at_end = self.strip.hi >= self.strip.last
        at_start = self.strip.lo <= self.strip.first
        self._load_ticks()
        lo = self.strip.first if at_start else self.strip.lo
        hi = self.strip.last if at_end else self.strip.hi
        self.strip.set_range(lo, hi, emit=False)
        self._range_moved(save=False)

    def _ticks_moved(self, flow_ids: tuple[str, ...]) -> bool:
        """Whether any of these flows has another day or colour than its tick (or no tick yet)."""
        d = self.diagram
        assert d is not None
        colors = {t.id: t.color for t in d.flow_types()}
        for fid in flow_ids:
            f = d.flow(fid)
            if self._tick_of.get(fid) != (_ordinal(f.date), colors.get(f.type, "#888888")):
                return True
        return False

    def _load_ticks(self) -> None:
        d = self.diagram
        assert d is not None
        rows = []
        colors = {t.id: t.color for t in d.flow_types()}
        undated = 0
        tick_of: dict[str, tuple[int | None, str]] = {}
        for f in d.flows():
            day = _ordinal(f.date)
            color = colors.get(f.type, "#888888")
            tick_of[f.id] = (day, color)
            if day is None:
                undated += 1
            else:
                rows.append((day, f.id, color))
        rows.sort()
        self._tick_of = tick_of
        self.days = [r[0] for r in rows]
        self.fids = [r[1] for r in rows]
        self.undated = undated
        self.strip.set_ticks(self.days, [r[2] for r in rows])

    # -------------------------------------------------------------- period
    def period(self) -> PeriodView | None:
        """The period shown (None: every flow); an end at the edge of the axis is open."""
        if not self.strip.has_ticks():
            return None
        start = "" if self.strip.lo <= self.strip.first else _iso(self.strip.lo)
        end = "" if self.strip.hi >= self.strip.last else _iso(self.strip.hi)
        if not start and not end:
            return None
        return PeriodView(start, end, self.mode())

    def mode(self) -> str:
        return str(self.mode_combo.currentData())

    def visible_flow_ids(self) -> list[str] | None:
        """The flows in the period (None: no period, every flow is shown)."""
        if self.period() is None:
            return None
        i = bisect.bisect_left(self.days, self.strip.lo)
        j = bisect.bisect_right(self.days, self.strip.hi)
        return self.fids[i:j]

    def set_period(self, start: str, end: str) -> None:
        """Choose a period by dates ("" for an open end)."""
        lo = _ordinal(start) if start else self.strip.first
        hi = _ordinal(end) if end else self.strip.last
        self.strip.set_range(lo if lo is not None else self.strip.first,
                             hi if hi is not None else self.strip.last)

    def clear_period(self) -> None:
        self.pause()
        self.strip.set_range(self.strip.first, self.strip.last)

    def _range_moved(self, save: bool = True) -> None:
        period = self.period()
        if self.scene is not None:
            self.scene.set_period_filter(self.visible_flow_ids(), self.mode())
        if self.diagram is not None and save:
            set_view(self.diagram, replace(view_of(self.diagram), period=period))
        self._update_summary()
        self.periodChanged.emit(period.start if period else "", period.end if period else "")

    def _update_summary(self) -> None:
        n = len(self.days)
        undated = " · " + self.tr("{count} undated").format(count=self.undated) if self.undated else ""
        visible = self.visible_flow_ids()
        if not n:
            self.summary.setText(self.tr("No dated flows") + undated)
        elif visible is None:
            self.summary.setText(self.tr("All dates: {first} to {last} · {count} dated flows").format(
                first=_iso(self.strip.first), last=_iso(self.strip.last), count=n) + undated)
        else:
            self.summary.setText(self.tr("Period {first} to {last} · {shown} of {count} dated flows").format(
                first=_iso(self.strip.lo), last=_iso(self.strip.hi), shown=len(visible), count=n) + undated)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space: play or pause; ".": step; Home: restart (keys the strip and buttons leave)."""
        action = {Qt.Key.Key_Space: self.toggle_play, Qt.Key.Key_Period: self.step,
                  Qt.Key.Key_Home: self.restart}.get(Qt.Key(event.key()))
        if action is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        if action is self.step:
            self.pause()
        action()
        event.accept()

    # ----------------------------------------------------------------- play
    def interval(self) -> int:
        return int(self.speed_combo.currentData())

    def _speed_changed(self, _index: int) -> None:
        self._timer.setInterval(self.interval())

    def playing(self) -> bool:
        return self._timer.isActive()

    def toggle_play(self) -> None:
        if self.playing():
            self.pause()
            return
        if not self.days:
            return
        if self.strip.hi >= self.strip.last:
            self.restart()
        self._timer.start(self.interval())
        self._show_playing(True)

    def pause(self) -> None:
        self._timer.stop()
        self._show_playing(False)

    def _show_playing(self, playing: bool) -> None:
        pixmap = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(pixmap))
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))

    def restart(self) -> None:
        """The period ends at the first deal (of the period's start)."""
        if not self.days:
            return
        i = bisect.bisect_left(self.days, self.strip.lo)
        first = self.days[min(i, len(self.days) - 1)]
        self.strip.set_range(min(self.strip.lo, first), first)

    def step(self) -> bool:
        """Move the end of the period to the next deal date (or the end of the next month);
        False when it is already at the last deal."""
        if not self.days or self.strip.hi >= self.strip.last:
            return False
        if self.step_combo.currentData() == "deal":
            nxt = self.days[bisect.bisect_right(self.days, self.strip.hi)]
        else:
            d = datetime.date.fromordinal(self.days[bisect.bisect_right(self.days, self.strip.hi)])
            nxt = datetime.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1]).toordinal()
        self.strip.set_range(self.strip.lo, min(nxt, self.strip.last))
        return True

    def _tick(self) -> None:
        if not self.step() or self.strip.hi >= self.strip.last:
            self.pause()

    # --------------------------------------------------------------- export
    def export_replay(self) -> bool:
        """File → Export Replay…: an animated GIF of the deals (in the period, if one is applied)."""
        if self.diagram is None:
            return False
        path, _chosen = QFileDialog.getSaveFileName(self.window(), self.tr("Export Replay"), "replay.gif",
                                                    self.tr("Animated GIF (*.gif)"))
        if not path:
            return False
        if not path.lower().endswith(".gif"):
            path += ".gif"
        choices = [self.tr(str(text)) for text, _key in STEPS]
        choice, ok = QInputDialog.getItem(self.window(), self.tr("Export Replay"), self.tr("Frames:"),
                                          choices,
                                          self.step_combo.currentIndex(), False)
        if not ok:
            return False
        step = STEPS[choices.index(choice)][1]
        return self.write_replay(Path(path), step)

    def write_replay(self, path: Path, step: str) -> bool:
        from editor.analysis.temporal import period_filter
        from editor.canvas.export.replay import export_replay
        from editor.io.errors import InputError
        from editor.model import ModelError

        assert self.diagram is not None
        d = self.diagram
        period = self.period()
        subtitle = None
        if period is not None:
            s, _info = period_filter(d.snapshot(), period.start or None, period.end or None)
            d = Diagram.build(companies=s.companies, flows=s.flows, flow_types=s.flow_types,
                              categories=s.categories, metadata=s.metadata)
            subtitle = f"{self.summary.text()}"
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count = export_replay(d, path, step=step, subtitle=subtitle)
        except (InputError, ModelError, OSError) as e:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self.window(), self.tr("Cannot Export Replay"), error_text(e))
            return False
        QApplication.restoreOverrideCursor()
        self.summary.setText(self.tr("Exported {name}: {count} frames").format(name=path.name, count=count))
        return True

