"""Stress-test marks on the canvas: who defaults, in which domino round, and what each arrow leaves unpaid.

The scene shows a :class:`~editor.analysis.stress.StressOverlay` through :class:`StressMarks`:

- a company in default gets a red ring and a small red badge with its domino round;
- an arrow whose source pays only part of what it owes keeps its own colour for the part
  paid (from its source) and shows the rest, near its head, faded under a dashed red line.

The marks are child items of the company and flow items: they move, hide and dim with
them (a drag, the level of detail, a loop's highlight) and go when the items go. They
are stock Qt items, so painting them costs no Python; their geometry is computed here,
when the overlay or an arrow's geometry changes (the scene calls :meth:`follow_layout`
after laying out arrows and :meth:`reapply` after a rebuild), never in ``paint()``.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsPathItem, QGraphicsSimpleTextItem
from shiboken6 import isValid

from editor.canvas.backref import Backref
from editor.canvas.company_item import CompanyItem
from editor.canvas.flow_items import FlowItem
from editor.canvas.index import SceneIndex
from editor.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from editor.analysis.stress import StressOverlay
    from editor.canvas.scene import DiagramScene

#: the colour of default and of money left unpaid
STRESS_RED = "#d93025"
#: how far the unpaid part of an arrow is faded towards the background
VEIL_ALPHA = 190
#: a paid share at least this close to 1 is drawn as paid in full
PAID_IN_FULL = 0.9995
RING_GAP = 4.0
RING_WIDTH = 3.0
BADGE_RADIUS = 8.5
#: z of the marks among a company's children (above its circle and name)
Z_MARK = 5.0
#: points along a curved arrow's unpaid part
CURVE_STEPS = 16

#: the legend line of the marks (canvas tooltips and exported images)
LEGEND_TEXT = QT_TRANSLATE_NOOP(
    "ExportPage", "Stress test: a red ring marks a company that cannot pay all it owes, its badge the domino "
    "round of its default; the dashed red end of an arrow is the share left unpaid.")


def unpaid_path(line: QPainterPath, paid: float) -> QPainterPath:
    """The part of ``line`` after the share ``paid`` (0..1) of its length: the unpaid end, near the head."""
    paid = min(1.0, max(0.0, paid))
    out = QPainterPath()
    if line.isEmpty() or paid >= 1.0:
        return out
    if line.elementCount() == 2:   # a straight line
        a, b = line.elementAt(0), line.elementAt(1)
        out.moveTo(a.x + (b.x - a.x) * paid, a.y + (b.y - a.y) * paid)
        out.lineTo(b.x, b.y)
        return out
    out.moveTo(line.pointAtPercent(paid))
    for i in range(1, CURVE_STEPS + 1):
        out.lineTo(line.pointAtPercent(paid + (1.0 - paid) * i / CURVE_STEPS))
    return out


class _UnpaidMark:
    """The two strokes over an arrow's unpaid part: a veil of the background colour and red dashes."""

    def __init__(self, flow: FlowItem, background: QColor) -> None:
        veil_color = QColor(background)
        veil_color.setAlpha(VEIL_ALPHA)
        self.veil = QGraphicsPathItem(flow)
        self.dash = QGraphicsPathItem(flow)
        self.veil.setZValue(2.0)   # above the line and the head
        self.dash.setZValue(3.0)
        self.veil_color = veil_color
        self.width = -1.0
        for item in (self.veil, self.dash):
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def update(self, flow: FlowItem, paid: float) -> None:
        width = flow.width
        if width != self.width:
            self.width = width
            veil = QPen(self.veil_color, width + 1.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
            self.veil.setPen(veil)
            dash = QPen(QColor(STRESS_RED), max(1.4, min(width * 0.55, 3.5)), Qt.PenStyle.CustomDashLine,
                        Qt.PenCapStyle.FlatCap)
            dash.setDashPattern([3.0, 2.2])
            self.dash.setPen(dash)
        path = unpaid_path(flow.path(), paid)
        self.veil.setPath(path)
        self.dash.setPath(path)
        tip = translate(
            "StressMarks", "Paid {paid} of what is owed; {unpaid} left unpaid (stress test)"
        ).format(paid=f"{paid:.0%}", unpaid=f"{1 - paid:.0%}")
        self.veil.setToolTip(tip)
        self.dash.setToolTip(tip)

    def remove(self) -> None:
        for item in (self.veil, self.dash):
            if not isValid(item):   # gone with its arrow
                continue
            scene = item.scene()
            item.setParentItem(None)  # type: ignore[arg-type]  # (None: no parent)
            if scene is not None:
                scene.removeItem(item)


class _DefaultMark:
    """A red ring around a company and a badge with the round of its default."""

    def __init__(self, company: CompanyItem, font_px: float) -> None:
        red = QColor(STRESS_RED)
        self.ring = QGraphicsEllipseItem(company)
        self.ring.setPen(QPen(red, RING_WIDTH))
        self.ring.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self.badge = QGraphicsEllipseItem(company)
        self.badge.setPen(QPen(QColor("#ffffff"), 1.2))
        self.badge.setBrush(QBrush(red))
        self.text = QGraphicsSimpleTextItem(self.badge)
        self.text.setBrush(QBrush(QColor("#ffffff")))
        font = self.text.font()
        font.setPixelSize(round(font_px))
        font.setBold(True)
        self.text.setFont(font)
        for item in (self.ring, self.badge):
            item.setZValue(Z_MARK)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def update(self, company: CompanyItem, round_: int) -> None:
        r = company.radius + RING_GAP
        self.ring.setRect(QRectF(-r, -r, 2 * r, 2 * r))
        # the badge sits on the ring, up and to the right
        c = QPointF(r * 0.7071, -r * 0.7071)
        b = BADGE_RADIUS + (2.0 if round_ >= 10 else 0.0)
        self.badge.setRect(QRectF(c.x() - b, c.y() - b, 2 * b, 2 * b))
        self.text.setText(str(round_))
        box = self.text.boundingRect()
        self.text.setPos(c.x() - box.width() / 2, c.y() - box.height() / 2)
        tip = translate(
            "StressMarks", "Cannot pay all it owes: defaults in domino round {round} (stress test)"
        ).format(round=round_)
        self.ring.setToolTip(tip)
        self.badge.setToolTip(tip)

    def remove(self) -> None:
        for item in (self.ring, self.badge):
            if not isValid(item):   # gone with its company
                continue
            scene = item.scene()
            item.setParentItem(None)  # type: ignore[arg-type]  # (None: no parent)
            if scene is not None:
                scene.removeItem(item)


class StressMarks:
    """The scene's stress-test marks (none until :meth:`show` gets an overlay)."""

    def __init__(self, scene: DiagramScene, index: SceneIndex) -> None:
        self._scene = Backref(scene)
        self._index = index
        self._overlay: StressOverlay | None = None
        self._companies: dict[str, _DefaultMark] = {}
        self._flows: dict[str, _UnpaidMark] = {}

    @property
    def overlay(self) -> StressOverlay | None:
        return self._overlay

    def marked_companies(self) -> dict[str, int]:
        """Company id -> domino round of the companies marked on the canvas."""
        return {cid: int(self._overlay.defaulted[cid]) for cid in self._companies} if self._overlay else {}

    def marked_flows(self) -> dict[str, float]:
        """Flow id -> paid share of the arrows drawn with an unpaid part."""
        return {fid: float(self._overlay.flow_paid[fid]) for fid in self._flows} if self._overlay else {}

    def unpaid_item(self, flow_id: str) -> QGraphicsPathItem | None:
        """The dashed stroke over a flow's unpaid part (None: not marked)."""
        mark = self._flows.get(flow_id)
        return mark.dash if mark is not None else None

    def unpaid_items(self, flow_id: str) -> tuple[QGraphicsPathItem, QGraphicsPathItem] | None:
        """The veil and the dashed stroke over a flow's unpaid part (None: not marked)."""
        mark = self._flows.get(flow_id)
        return (mark.veil, mark.dash) if mark is not None else None

    def badge_item(self, company_id: str) -> QGraphicsEllipseItem | None:
        """The round badge of a company in default (None: not marked)."""
        mark = self._companies.get(company_id)
        return mark.badge if mark is not None else None

    def default_items(self, company_id: str) -> tuple[QGraphicsEllipseItem, QGraphicsSimpleTextItem] | None:
        """The ring and the badge's text of a company in default (None: not marked)."""
        mark = self._companies.get(company_id)
        return (mark.ring, mark.text) if mark is not None else None

    def show(self, overlay: StressOverlay | None) -> None:
        """Draw ``overlay`` (None: remove every mark). Ids the scene does not know are skipped."""
        self._overlay = overlay
        self.reapply()

    def reapply(self) -> None:
        """Draw the overlay again on the items as they are now (after a rebuild or a model change)."""
        overlay = self._overlay
        index = self._index
        defaulted = dict(overlay.defaulted) if overlay is not None else {}
        unpaid = ({fid: p for fid, p in overlay.flow_paid.items() if p < PAID_IN_FULL}
                  if overlay is not None else {})
        for cid in list(self._companies):
            owner = index.companies.get(cid)
            ring = self._companies[cid].ring
            if cid not in defaulted or owner is None or not isValid(ring) or ring.parentItem() is not owner:
                self._companies.pop(cid).remove()
        for fid in list(self._flows):
            item = index.flows.get(fid)
            veil = self._flows[fid].veil
            if fid not in unpaid or item is None or not isValid(veil) or veil.parentItem() is not item:
                self._flows.pop(fid).remove()
        scene = self._scene()
        font_px = scene.style.amount_font_px
        for cid, round_ in defaulted.items():
            if (company := index.companies.get(cid)) is None:
                continue
            mark = self._companies.get(cid)
            if mark is None:
                mark = self._companies[cid] = _DefaultMark(company, font_px)
            mark.update(company, int(round_))
        background = QColor(scene.style.background)
        for fid, paid in unpaid.items():
            flow = index.flows.get(fid)
            if flow is None:
                continue
            fmark = self._flows.get(fid)
            if fmark is None:
                fmark = self._flows[fid] = _UnpaidMark(flow, background)
            fmark.update(flow, paid)

    def follow_layout(self, company_ids: Iterable[str] | None = None) -> None:
        """Arrows were laid out again (of these companies; None: any): the unpaid parts follow."""
        if not self._flows or self._overlay is None:
            return
        if company_ids is None:
            fids: Iterable[str] = list(self._flows)
        else:
            fids = {f for cid in company_ids for f in self._index.attached_flows(cid) if f in self._flows}
        flows = self._index.flows
        for fid in fids:
            item = flows.get(fid)
            if item is not None:
                self._flows[fid].update(item, float(self._overlay.flow_paid[fid]))

    def forget(self) -> None:
        """The items are about to be deleted (a scene clear): drop the marks without touching them."""
        self._companies.clear()
        self._flows.clear()

    def marks_rect(self) -> QRectF:
        """The scene rect of the rings and badges (they reach beyond the companies' circles)."""
        rect = QRectF()
        for mark in self._companies.values():
            for item in (mark.ring, mark.badge):
                rect = rect.united(item.sceneBoundingRect())
        return rect
