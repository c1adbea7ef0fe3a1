"""The period filter's look on the canvas: flows outside a period hidden or faded.

:meth:`editor.canvas.scene.DiagramScene.set_period_filter` hands the flows in the
period (or None: all) and a mode, ``"hide"`` or ``"fade"``. Only the flows whose
state changes are touched, so moving a range handle on a big map costs in
proportion to the flows crossing the handle. Companies always stay. A highlight
(which sets opacities) and the level of detail (which shows labels) are followed
by :meth:`PeriodLook.reapply`.
"""
from __future__ import annotations

from collections.abc import Iterable

from editor.canvas.index import SceneIndex

#: Opacity of a flow outside the period in "fade" mode.
FADE_OPACITY = 0.12
MODES = ("hide", "fade")


class PeriodLook:
    def __init__(self, index: SceneIndex) -> None:
        self._index = index
        self.visible: frozenset[str] | None = None
        self.mode = "hide"
        self.out: set[str] = set()          # flow ids drawn as outside the period now

    def set(self, visible_flow_ids: Iterable[str] | None, mode: str = "hide") -> None:
        if mode not in MODES:
            raise ValueError(f"period mode: expected one of {', '.join(MODES)}, got {mode!r}")
        visible = None if visible_flow_ids is None else frozenset(visible_flow_ids)
        if mode != self.mode:
            self._restore(self.out)
            self.out = set()
            self.mode = mode
        self.visible = visible
        flows = self._index.flows
        out = set() if visible is None else {fid for fid in flows if fid not in visible}
        self._restore(self.out - out)
        self._mark(out - self.out)
        self.out = out

    def outside(self) -> frozenset[str]:
        return frozenset(self.out)

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
                item.setOpacity(FADE_OPACITY)
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
                if highlight is None:
                    highlight = _highlight_opacity(item)
                opacity = highlight(fid)
                item.setOpacity(opacity)
                if label is not None:
                    label.setOpacity(opacity)


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
