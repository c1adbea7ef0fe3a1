"""The legend: flow types and company categories in use, in a movable box on the canvas."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from editor.canvas.backref import Backref
from editor.canvas.items import Z_LEGEND
from editor.canvas.style import CanvasStyle, outline, soft_fill

if TYPE_CHECKING:
    from editor.canvas.bounds import SceneBounds
    from editor.canvas.scene import DiagramScene

PAD = 10.0
SWATCH = 26.0
ROW_GAP = 4.0


class LegendItem(QGraphicsItem):
    """Two short lists: "Money flows" (a coloured arrow each) and "Companies" (a circle each)."""

    kind = "legend"

    def __init__(self, style: CanvasStyle) -> None:
        super().__init__()
        self._style = style
        self.flow_rows: list[tuple[str, str]] = []       # (name, colour)
        self.category_rows: list[tuple[str, str]] = []
        self.flow_type_ids: list[str] = []                 # the type id of each flow row
        self._rect = QRectF()
        self._layout: list[tuple[str, str, str, float]] = []  # (kind, name, colour, y)
        self.user_moved = False
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(Z_LEGEND)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def set_rows(self, flow_rows: list[tuple[str, str]], category_rows: list[tuple[str, str]]) -> None:
        if (flow_rows, category_rows) == (self.flow_rows, self.category_rows) and not self._rect.isNull():
            return
        self.prepareGeometryChange()
        self.flow_rows, self.category_rows = list(flow_rows), list(category_rows)
        fm = QFontMetricsF(self._style.legend_font())
        hm = QFontMetricsF(self._style.font(self._style.legend_font_px, bold=True))
        row_h = max(fm.height(), 14.0) + ROW_GAP
        y = PAD
        width = 0.0
        layout: list[tuple[str, str, str, float]] = []
        flows_title = QCoreApplication.translate("Legend", "Money flows")
        companies_title = QCoreApplication.translate("Legend", "Companies")
        for title, kind, rows in ((flows_title, "flow", self.flow_rows),
                                  (companies_title, "category", self.category_rows)):
            if not rows:
                continue
            if layout:
                y += 6.0
            layout.append(("title", title, "", y))
            width = max(width, hm.horizontalAdvance(title))
            y += hm.height() + ROW_GAP
            for name, color in rows:
                layout.append((kind, name, color, y))
                width = max(width, SWATCH + 8 + fm.horizontalAdvance(name))
                y += row_h
        self._layout = layout
        self._row_h = row_h
        self._rect = QRectF(0, 0, width + 2 * PAD, y + PAD - ROW_GAP) if layout else QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def mousePressEvent(self, event) -> None:
        self._pressed_at = event.scenePos()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        pressed = getattr(self, "_pressed_at", None)
        super().mouseReleaseEvent(event)
        self.user_moved = True
        if (pressed is not None and event.button() == Qt.MouseButton.LeftButton
                and (event.scenePos() - pressed).manhattanLength() < 3):
            type_id = self.flow_type_at(event.pos())
            scene = self.scene()
            if type_id is not None and scene is not None and hasattr(scene, "legendTypeClicked"):
                scene.legendTypeClicked.emit(type_id)

    def flow_type_at(self, pos: QPointF) -> str | None:
        """The id of the flow type whose row is at ``pos`` (item coordinates), if any."""
        ids = iter(self.flow_type_ids)
        for kind, _name, _color, y in self._layout:
            if kind != "flow":
                continue
            type_id = next(ids, None)
            if y <= pos.y() < y + self._row_h and 0 <= pos.x() <= self._rect.right():
                return type_id
        return None

    def hidden_type_rows(self) -> set[str]:
        scene = self.scene()
        return set(getattr(scene, "hidden_types", ()) or ())

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._rect.isNull():
            return
        s = self._style
        painter.setPen(QPen(QColor(s.legend_border), 1))
        painter.setBrush(QColor(*s.legend_background))
        painter.drawRoundedRect(self._rect, 6, 6)
        fm_h = self._row_h - ROW_GAP
        hidden = self.hidden_type_rows()
        ids = iter(self.flow_type_ids)
        for kind, name, color, y in self._layout:
            faded = kind == "flow" and next(ids, None) in hidden
            painter.setOpacity(0.35 if faded else 1.0)      # a hidden flow type: its row greyed
            if kind == "title":
                painter.setFont(s.font(s.legend_font_px, bold=True))
                painter.setPen(QColor(s.text_color))
                painter.drawText(QRectF(PAD, y, 400, fm_h), Qt.AlignmentFlag.AlignVCenter, name)
                continue
            mid = y + fm_h / 2
            if kind == "flow":
                c = QColor(color)
                painter.setPen(QPen(c, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
                painter.drawLine(QPointF(PAD, mid), QPointF(PAD + SWATCH - 8, mid))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(c)
                tip = PAD + SWATCH
                painter.drawPolygon(QPolygonF([QPointF(tip, mid), QPointF(tip - 9, mid - 4.5),
                                               QPointF(tip - 9, mid + 4.5)]))
            else:
                painter.setPen(QPen(outline(color), 1.4))
                painter.setBrush(QBrush(soft_fill(color, s.fill_lightness, s.fill_toward)))
                painter.drawEllipse(QPointF(PAD + SWATCH / 2, mid), 6.5, 6.5)
            painter.setFont(s.legend_font())
            painter.setPen(QColor(s.text_color))
            painter.drawText(QRectF(PAD + SWATCH + 8, y, 400, fm_h), Qt.AlignmentFlag.AlignVCenter, name)
        painter.setOpacity(1.0)


class LegendKeeper:
    """The scene's legend: which flow types and categories are in use, where the box goes."""

    def __init__(self, scene: DiagramScene, bounds: SceneBounds, style: CanvasStyle) -> None:
        self._scene = Backref(scene)
        self._bounds = bounds
        self._style = style
        self._item: LegendItem | None = None
        self._visible = True
        self._used: tuple[set[str], set[str]] | None = None   # the rows shown
        #: flows drawn per flow type and companies per category (kept by the scene's styling)
        self.type_use: Counter[str] = Counter()
        self.category_use: Counter[str] = Counter()

    @property
    def item(self) -> LegendItem | None:
        return self._item

    @property
    def visible(self) -> bool:
        return self._visible

    def set_visible(self, visible: bool) -> None:
        self._visible = bool(visible)
        if self._item is not None:
            self._item.setVisible(self._visible)

    def user_place(self) -> QPointF | None:
        """Where the user put the legend (None: not moved by the user)."""
        item = self._item
        return item.pos() if item is not None and item.user_moved else None

    def reset_counts(self) -> None:
        self.type_use = Counter()
        self.category_use = Counter()

    def rebuild(self, user_place: QPointF | None) -> None:
        """A new legend item in the (just cleared) scene, at ``user_place`` if the user had moved
        the old one."""
        self._item = LegendItem(self._style)
        self._scene().addItem(self._item)
        self._item.setVisible(self._visible)
        self.refresh(force=True)
        if user_place is not None:
            self._item.setPos(user_place)
            self._item.user_moved = True

    def refresh(self, force: bool = False) -> None:
        if self._item is None:
            return
        used_types = {t for t, n in self.type_use.items() if n > 0}
        used_cats = {c for c, n in self.category_use.items() if n > 0}
        if not force and (used_types, used_cats) == self._used:
            self.place()
            return
        self._used = (used_types, used_cats)
        d = self._scene().diagram
        shown = [t for t in d.flow_types() if t.id in used_types]
        self._item.flow_type_ids = [t.id for t in shown]
        self._item.set_rows([(t.name, t.color) for t in shown],
                            [(c.name, c.color) for c in d.categories() if c.id in used_cats])
        self.place()

    def place(self) -> None:
        """Put the legend at the top right of the diagram (unless the user moved it). Called on
        every change of the companies, so it stays beside the content as the map grows and
        never ends up under a company or an arrow drawn later."""
        if self._item is None or self._item.user_moved:
            return
        r = self._bounds.companies_rect()
        if r.isNull():
            self._item.setPos(0, 0)
        else:
            self._item.setPos(r.right() + 40, r.top())
