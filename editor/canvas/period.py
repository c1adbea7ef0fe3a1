"""The period filter's look on the canvas: flows outside a period hidden or faded.

:meth:`editor.canvas.scene.DiagramScene.set_period_filter` hands the flows in the
period (or None: all) and a mode, ``"hide"`` or ``"fade"``. Only the flows whose
state changes are touched, so moving a range handle on a big map costs in
proportion to the flows crossing the handle. Companies always stay. A highlight
(which sets opacities) and the level of detail (which shows labels) are followed
by :meth:`PeriodLook.reapply`.

A faded arrow is drawn in its colour mixed with the white page (opaque), not
made translucent: thousands of translucent arrows cost several times more to
paint (measured: about 390 against 70 ms per handle move at 2,000/10,000 zoomed
to fit). Its label, drawn over other things, is made translucent.
"""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor

from editor.canvas.index import SceneIndex

#: How much of its colour a flow outside the period keeps in "fade" mode (the rest is white);
#: also the opacity of its label.
FADE_OPACITY = 0.12
MODES = ("hide", "fade")
_PALE: dict[int, QColor] = {}      # rgba of a flow type's colour -> its faded colour (shared)


def pale(color: QColor) -> QColor:
    """``color`` mixed with white, FADE_OPACITY of it kept (one shared QColor per colour)."""
    key = color.rgba()
    out = _PALE.get(key)
    if out is None:
        k = FADE_OPACITY
        r, g, b = (round(255 - (255 - c) * k) for c in (color.red(), color.green(), color.blue()))
        out = _PALE[key] = QColor(r, g, b)
    return out


class PeriodLook:
    def __init__(self, index: SceneIndex) -> None:
        self._index = index
        self.visible: frozenset[str] | None = None
        self.mode = "hide"
        self.out: set[str] = set()          # flow ids drawn as outside the period now
        self._colors: dict[str, tuple[QColor, QColor]] = {}   # faded flow -> (its colour, pale)

    def set(self, visible_flow_ids: Iterable[str] | None, mode: str = "hide") -> None:
        if mode not in MODES:
            raise ValueError(f"period mode: expected one of {', '.join(MODES)}, got {mode!r}")
        visible = None if visible_flow_ids is None else frozenset(visible_flow_ids)
        if mode != self.mode:
            self._restore(self.out)
            self.out = set()
            self.mode = mode
        same = visible == self.visible
        self.visible = visible
        flows = self._index.flows
        out = set() if visible is None else {fid for fid in flows if fid not in visible}
        self._restore(self.out - out)
        # the same period again (the diagram changed): flows restyled meanwhile are faded again
        self._mark(out if same else out - self.out)
        self.out = out

    def outside(self) -> frozenset[str]:
        return frozenset(self.out)

    def refresh(self, fids: Iterable[str]) -> None:
        """Mark again those of these flows that are outside the period (restyled or made anew)."""
        if self.out:
            self._mark([fid for fid in fids if fid in self.out])

    def reapply(self) -> None:
        """Mark the flows outside the period again (after a highlight or a label change)."""
        if self.out:
            self.out &= set(self._index.flows)
            self._mark(self.out)

    def _mark(self, fids: Iterable[str]) -> None:
        flows = self._index.flows
        hide = self.mode == "hide"
        for fid in fids:
            item = flows.get(fid)
            if item is None:
                continue
            label = item.made_label
            if hide:
                item.setVisible(False)
                if label is not None:
                    label.setVisible(False)
            else:
                kept = self._colors.get(fid)
                if kept is None or item.color is not kept[1]:   # new, or restyled since
                    kept = self._colors[fid] = (item.color, pale(item.color))
                item.set_look(kept[1], item.width)
                if label is not None:
                    label.setOpacity(FADE_OPACITY)

    def _restore(self, fids: Iterable[str]) -> None:
        flows = self._index.flows
        highlight = None
        for fid in fids:
            item = flows.get(fid)
            if item is None:
                continue
            label = item.made_label
            if self.mode == "hide":
                item.setVisible(True)
                if label is not None:
                    label.setVisible(_labels_shown(item))
            else:
                kept = self._colors.pop(fid, None)
                if kept is not None and item.color is kept[1]:
                    item.set_look(kept[0], item.width)
                if highlight is None:
                    highlight = _highlight_opacity(item)
                if label is not None:
                    label.setOpacity(highlight(fid))


def _labels_shown(item) -> bool:
    scene = item.scene()
    detail = getattr(scene, "detail", None)
    return True if detail is None else bool(detail.labels_shown)


def _highlight_opacity(item):
    """Opacity of a flow when nothing of the period applies: the highlight's dimming, if any."""
    from editor.canvas.marks import DIM_OPACITY

    scene = item.scene()
    marked = getattr(getattr(scene, "marks", None), "highlighted", None)
    if not marked:
        return lambda fid: 1.0
    fids = marked[1]
    return lambda fid: 1.0 if fid in fids else DIM_OPACITY
