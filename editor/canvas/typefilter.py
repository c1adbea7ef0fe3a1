"""Flow types hidden on the canvas (a view setting, not an edit).

:meth:`editor.canvas.scene.DiagramScene.set_hidden_types` hands the ids of the flow
types to hide. Their arrows (with heads, which are children of the arrow) and amount
labels are hidden. The level of detail and the period filter also switch label and
arrow visibility; the scene calls :meth:`TypeFilter.reapply` after them so that the
hidden state wins.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable

from editor.canvas.index import SceneIndex


class TypeFilter:
    def __init__(self, index: SceneIndex) -> None:
        self._index = index
        self.hidden: frozenset[str] = frozenset()
        self.out: set[str] = set()          # flow ids hidden because of their type

    def set(self, type_ids: Iterable[str], period_out: Collection[str], period_hides: bool,
            labels_shown: bool) -> None:
        self.hidden = frozenset(type_ids)
        flows = self._index.flows
        out = {fid for fid, item in flows.items() if item.type_id in self.hidden}
        for fid in self.out - out:
            item = flows.get(fid)
            if item is None:
                continue
            gone = period_hides and fid in period_out
            item.setVisible(not gone)
            if (label := item.made_label) is not None:
                label.setVisible(labels_shown and not gone)
        self.out = out
        self.reapply()

    def follow(self, fid: str, period_out: Collection[str], period_hides: bool, labels_shown: bool) -> None:
        """One flow was added or restyled: hide it if its type is hidden, show it if no longer."""
        item = self._index.flows.get(fid)
        if item is None:
            return
        label = item.made_label
        if item.type_id in self.hidden:
            self.out.add(fid)
            item.setVisible(False)
            if label is not None:
                label.setVisible(False)
        elif fid in self.out:
            self.out.discard(fid)
            gone = period_hides and fid in period_out
            item.setVisible(not gone)
            if label is not None:
                label.setVisible(labels_shown and not gone)

    def reapply(self) -> None:
        """Hide the flows of hidden types again (after labels were shown or a flow was added)."""
        if not self.hidden:
            return
        flows = self._index.flows
        self.out = {fid for fid, item in flows.items() if item.type_id in self.hidden}
        for fid in self.out:
            item = flows[fid]
            item.setVisible(False)
            if (label := item.made_label) is not None:
                label.setVisible(False)
