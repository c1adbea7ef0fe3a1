"""Edit commands of the main window: clipboard, delete, select all, align, distribute, layout.

Each command is one undo step through the window's Document.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from editor.editing.document import Document
from editor.i18n import QT_TRANSLATE_NOOP, error_text, translate
from editor.model import ModelError

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow

ALIGN_MODES = ("left", "centre", "right", "top", "middle", "bottom")
#: the undo step names of Arrange → Align and Distribute
ALIGN_TEXTS = {
    "left": QT_TRANSLATE_NOOP("Actions", "Align left"),
    "centre": QT_TRANSLATE_NOOP("Actions", "Align centre"),
    "right": QT_TRANSLATE_NOOP("Actions", "Align right"),
    "top": QT_TRANSLATE_NOOP("Actions", "Align top"),
    "middle": QT_TRANSLATE_NOOP("Actions", "Align middle"),
    "bottom": QT_TRANSLATE_NOOP("Actions", "Align bottom"),
}
DISTRIBUTE_TEXTS = {
    "horizontal": QT_TRANSLATE_NOOP("Actions", "Distribute horizontally"),
    "vertical": QT_TRANSLATE_NOOP("Actions", "Distribute vertically"),
}


def aligned_positions(points: dict[str, tuple[float, float]], mode: str) -> dict[str, tuple[float, float]]:
    """New positions of ``points`` ({id: (x, y)}) lined up on one edge or centre line."""
    xs = [p[0] for p in points.values()]
    ys = [p[1] for p in points.values()]
    target = {
        "left": min(xs),
        "right": max(xs),
        "centre": (min(xs) + max(xs)) / 2,
        "top": min(ys),
        "bottom": max(ys),
        "middle": (min(ys) + max(ys)) / 2,
    }[mode]
    if mode in ("left", "centre", "right"):
        return {cid: (target, y) for cid, (x, y) in points.items()}
    return {cid: (x, target) for cid, (x, y) in points.items()}


Points = dict[str, tuple[float, float]]


def distributed_positions(points: Points, axis: str) -> Points:
    """Spread ``points`` evenly between the outermost two along ``axis`` ("horizontal" or "vertical")."""
    k = 0 if axis == "horizontal" else 1
    order = sorted(points, key=lambda cid: (points[cid][k], cid))
    if len(order) < 3:
        return dict(points)
    lo, hi = points[order[0]][k], points[order[-1]][k]
    step = (hi - lo) / (len(order) - 1)
    out: dict[str, tuple[float, float]] = {}
    for i, cid in enumerate(order):
        x, y = points[cid]
        v = lo + i * step
        out[cid] = (v, y) if k == 0 else (x, v)
    return out


class EditController:
    """The Edit and Arrange menus' commands for one main window.

    State: the window it works for (its document, canvas selection and status
    bar), and how many times each clipboard content was pasted here, so
    repeated pastes land further and further off the original.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.paste_counts: dict[str, int] = {}

    @property
    def document(self) -> Document:
        return self.window.document

    def _status(self, message: str, ms: int) -> None:
        self.window.statusBar().showMessage(message, ms)

    # ----------------------------------------------------------- clipboard
    # (the clipboard's modules are imported on first use: not before the window's first paint)
    def copy(self) -> int:
        from editor.app import clipboard

        cids, fids = self.window.selected_ids()
        n = clipboard.copy_to_clipboard(self.document.diagram, cids, fids)
        if n:
            self._status(
                translate("Actions", "Copied 1 company")
                if n == 1
                else translate("Actions", "Copied {count} companies").format(count=n),
                3000,
            )
        return n

    def cut(self) -> int:
        cids, fids = self.window.selected_ids()
        n = self.copy()
        if n:
            self.document.remove(
                cids,
                fids,
                text=translate("Actions", "Cut 1 company")
                if n == 1
                else translate("Actions", "Cut {count} companies").format(count=n),
            )
        return n

    def paste(self) -> bool:
        import hashlib

        from editor.app import clipboard
        from editor.io import fragment as fragments

        frag = clipboard.fragment_from_clipboard()
        if frag is None:
            self._status(translate("Actions", "Nothing to paste: copy companies first"), 3000)
            return False
        key = hashlib.sha1(fragments.dumps(frag)).hexdigest()
        self.paste_counts[key] = self.paste_counts.get(key, 0) + 1
        return self._paste_fragment(
            frag, fragments.PASTE_OFFSET * self.paste_counts[key], translate("Actions", "Paste")
        )

    def duplicate(self) -> bool:
        from editor.io import fragment as fragments

        cids, fids = self.window.selected_ids()
        frag = fragments.fragment(self.document.diagram, cids, fids)
        if not frag["companies"]:
            return False
        return self._paste_fragment(frag, fragments.PASTE_OFFSET, translate("Actions", "Duplicate"))

    def _paste_fragment(self, frag: dict[str, Any], offset: float, text: str) -> bool:
        from editor.app import clipboard

        try:
            p = clipboard.paste(self.document, frag, offset, text)
        except ModelError as e:
            self._status(translate("Actions", "Cannot paste: {reason}").format(reason=error_text(e)), 6000)
            return False
        if p.empty:
            return False
        self.window.scene.select_ids([c.id for c in p.companies], [f.id for f in p.flows])
        return True

    # -------------------------------------------------------------- delete
    def delete_selection(self) -> bool:
        cids, fids = self.window.selected_ids()
        return self.document.remove(cids, fids)

    def select_all(self) -> None:
        d = self.document.diagram
        self.window.scene.select_ids([c.id for c in d.companies()], [f.id for f in d.flows()])

    # ----------------------------------------------------- align, distribute
    def _selected_points(self) -> dict[str, tuple[float, float]]:
        d = self.document.diagram
        return {cid: (d.company(cid).x, d.company(cid).y) for cid in self.window.selected_ids()[0]}

    def align(self, mode: str) -> bool:
        points = self._selected_points()
        if len(points) < 2:
            self._status(translate("Actions", "Select two or more companies to align them"), 3000)
            return False
        self._move(aligned_positions(points, mode), translate("Actions", ALIGN_TEXTS[mode]))
        return True

    def distribute(self, axis: str) -> bool:
        points = self._selected_points()
        if len(points) < 3:
            self._status(translate("Actions", "Select three or more companies to distribute them"), 3000)
            return False
        self._move(distributed_positions(points, axis), translate("Actions", DISTRIBUTE_TEXTS[axis]))
        return True

    def auto_layout(self) -> bool:
        """Arrange the selected companies (or all when none are selected) automatically: one step."""
        from editor.model.layout import layout_positions

        d = self.document.diagram
        ids = self.window.selected_ids()[0] or [c.id for c in d.companies()]
        if not ids:
            return False
        positions = layout_positions(d, ids)
        text = (
            translate("Actions", "Automatic layout")
            if len(ids) == len(d)
            else translate("Actions", "Automatic layout of {count} companies").format(count=len(ids))
        )
        self._move(positions, text)
        self.window.zoom_to_fit_later()
        return True

    def _move(self, positions: Mapping[str, tuple[float, float]], text: str) -> None:
        d = self.document.diagram
        changed = {cid: p for cid, p in positions.items() if (d.company(cid).x, d.company(cid).y) != tuple(p)}
        if changed:
            self.document.move_companies(changed, text=text)
