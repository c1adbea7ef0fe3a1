"""The timeline strip: one tick per dated flow on a date axis, and a range with two handles.

The strip knows days (proleptic ordinals, as ``datetime.date.toordinal``), not
flows: :meth:`TimelineStrip.set_ticks` gives it the days and colours, and it
reports the range as ``rangeChanged(first day, last day)`` while a handle moves.
Dragging a handle moves it; a click elsewhere brings the nearer handle there;
the arrow keys move the end handle by a day (with Shift: the start handle).
"""
from __future__ import annotations

import datetime

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

MARGIN = 14.0          # pixels left and right of the axis
GRAB = 9.0             # pixels from a handle that still grab it
_HANDLE = QColor("#1f4e79")
_SHADE = QColor(235, 237, 240, 215)


class TimelineStrip(QWidget):
    #: (first day, last day) of the range, both included, as date ordinals
    rangeChanged = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(58)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setToolTip(self.tr("Drag the handles to choose a period; the canvas and the analysis follow."))
        self.first = self.last = datetime.date(2025, 1, 1).toordinal()
        self.lo = self.hi = self.first
        self._by_color: dict[str, list[int]] = {}
        self._count = 0
        # the tick lines of each colour, kept while the ticks, the axis and the size stay
        self._lines: dict[str, list[QLineF]] = {}
        self._lines_key: tuple | None = None
        self._drag: str | None = None

    def sizeHint(self) -> QSize:
        return QSize(600, 62)

    # ------------------------------------------------------------------ data
    def set_ticks(self, days: list[int], colors: list[str]) -> None:
        """The days of the dated flows (sorted) and each one's colour."""
        by_color: dict[str, list[int]] = {}
        for d, c in zip(days, colors, strict=True):
            by_color.setdefault(c, []).append(d)
        self._by_color = by_color
        self._count = len(days)
        self._lines_key = None
        if days:
            self.first, self.last = days[0], days[-1]
        self.lo = max(self.first, min(self.lo, self.last))
        self.hi = max(self.lo, min(self.hi, self.last))
        self.update()

    def has_ticks(self) -> bool:
        return self._count > 0

    def set_range(self, lo: int, hi: int, emit: bool = True) -> None:
        lo, hi = max(self.first, min(lo, self.last)), max(self.first, min(hi, self.last))
        if lo > hi:
            lo, hi = hi, lo
        if (lo, hi) == (self.lo, self.hi):
            return
        self.lo, self.hi = lo, hi
        self.update()
        if emit:
            self.rangeChanged.emit(lo, hi)

    # ------------------------------------------------------------- geometry
    def _span(self) -> tuple[float, float]:
        return MARGIN, max(1.0, self.width() - 2 * MARGIN)

    def x_of(self, day: int) -> float:
        left, width = self._span()
        n = max(1, self.last - self.first)
        return left + (day - self.first) / n * width

    def day_at(self, x: float) -> int:
        left, width = self._span()
        n = max(1, self.last - self.first)
        return round(self.first + (x - left) / width * n)

    # -------------------------------------------------------------- drawing
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        top, bottom = 6.0, h - 20.0
        p.fillRect(QRectF(0, 0, w, h), self.palette().base())
        if not self._count:
            p.setPen(QColor("#777777"))
            p.drawText(QRectF(0, 0, w, h), int(Qt.AlignmentFlag.AlignCenter), self.tr("No dated flows"))
            p.end()
            return
        # ticks, one batch of lines per colour
        for color, lines in self._tick_lines(top + 4, bottom - 2).items():
            pen = QPen(QColor(color), 1.6)
            pen.setCosmetic(True)
            p.setPen(pen)
            p.drawLines(lines)
        # the axis and its labels
        p.setPen(QPen(QColor("#9aa0a6"), 1))
        p.drawLine(QPointF(MARGIN, bottom), QPointF(w - MARGIN, bottom))
        self._draw_labels(p, bottom)
        # outside the range: shaded
        xl, xh = self.x_of(self.lo), self.x_of(self.hi)
        p.fillRect(QRectF(0, top, max(0.0, xl - 1), bottom - top), _SHADE)
        p.fillRect(QRectF(xh + 1, top, max(0.0, w - xh - 1), bottom - top), _SHADE)
        # handles
        for x in (xl, xh):
            p.setPen(QPen(_HANDLE, 2))
            p.drawLine(QPointF(x, top), QPointF(x, bottom))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_HANDLE)
            p.drawPolygon(QPolygonF([QPointF(x - 6, top - 4), QPointF(x + 6, top - 4), QPointF(x, top + 5)]))
        if self.hasFocus():
            p.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(0.5, 0.5, w - 1, h - 1))
        p.end()

    def _tick_lines(self, top: float, bottom: float) -> dict[str, list[QLineF]]:
        """The tick lines by colour, made again only when the ticks, the axis or the size changed
        (a handle move or an edit elsewhere repaints the strip: thousands of ticks, not remade)."""
        key = (self.width(), top, bottom, self.first, self.last)
        if key != self._lines_key:
            left, width = self._span()
            scale = width / max(1, self.last - self.first)
            first = self.first
            self._lines = {color: [QLineF(x, top, x, bottom)
                                   for x in (left + (d - first) * scale for d in days)]
                           for color, days in self._by_color.items()}
            self._lines_key = key
        return self._lines

    def _draw_labels(self, p: QPainter, bottom: float) -> None:
        first, last = (datetime.date.fromordinal(d) for d in (self.first, self.last))
        months = (last.year - first.year) * 12 + last.month - first.month
        fm = QFontMetricsF(self.font())
        step = 1 if months <= 14 else 3 if months <= 40 else 12
        y, m = first.year, first.month
        right_edge = -1e9
        while (y, m) <= (last.year, last.month):
            day = datetime.date(y, m, 1).toordinal()
            if day >= self.first:
                x = self.x_of(day)
                text = str(y) if m == 1 or step == 12 else datetime.date(y, m, 1).strftime("%b")
                if step < 12 and m == 1:
                    text = f"{y}"
                tw = fm.horizontalAdvance(text)
                if x - tw / 2 > right_edge + 6:
                    p.drawLine(QPointF(x, bottom), QPointF(x, bottom + 3))
                    p.drawText(QPointF(x - tw / 2, bottom + 3 + fm.ascent()), text)
                    right_edge = x + tw / 2
            m += step
            while m > 12:
                m -= 12
                y += 1

    # ---------------------------------------------------------------- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._count:
            return
        x = event.position().x()
        dl, dh = abs(x - self.x_of(self.lo)), abs(x - self.x_of(self.hi))
        self._drag = "lo" if dl < dh or (dl == dh and x < self.x_of(self.lo)) else "hi"
        if min(dl, dh) > GRAB:
            self._move(x)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._drag is not None:
            self._move(x)
            return
        near = min(abs(x - self.x_of(self.lo)), abs(x - self.x_of(self.hi))) <= GRAB
        self.setCursor(Qt.CursorShape.SizeHorCursor if near else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None

    def _move(self, x: float) -> None:
        day = self.day_at(x)
        if self._drag == "lo":
            self.set_range(min(day, self.hi), self.hi)
        else:
            self.set_range(self.lo, max(day, self.lo))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self._count:
            delta = -1 if key == Qt.Key.Key_Left else 1
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                delta *= 30
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.set_range(min(self.lo + delta, self.hi), self.hi)
            else:
                self.set_range(self.lo, max(self.hi + delta, self.lo))
            return
        super().keyPressEvent(event)
