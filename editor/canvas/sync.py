"""Following the model: each kind of change event updates only the items it touches."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from editor.canvas import geometry as G
from editor.canvas.backref import Backref
from editor.canvas.bounds import SceneBounds
from editor.canvas.index import SceneIndex
from editor.canvas.legend import LegendKeeper
from editor.canvas.restyle import Rescaler
from editor.canvas.style import company_value
from editor.model import ChangeKind

if TYPE_CHECKING:
    from editor.canvas.scene import DiagramScene

Ids = tuple[str, ...]


class ModelSync:
    """Updates the scene's items for each change of the diagram (see HANDLERS)."""

    def __init__(self, scene: DiagramScene, index: SceneIndex, bounds: SceneBounds, rescaler: Rescaler,
                 legend: LegendKeeper) -> None:
        self._scene = Backref(scene)
        self._index = index
        self._bounds = bounds
        self._rescaler = rescaler
        self._legend = legend

    def follow(self, kind: ChangeKind, ids: Ids) -> None:
        self.HANDLERS[kind](self, ids)

    def _on_reset(self, ids: Ids) -> None:
        self._scene().rebuild()

    def _on_company_added(self, ids: Ids) -> None:
        scene, rescaler = self._scene(), self._rescaler
        for cid in ids:
            rescaler.company_added(cid, company_value(scene.diagram.company(cid), rescaler.size_by))
            scene.add_company_item(cid)
        scene.layout_companies(ids)   # (no arrows yet: moves labels that the new companies cover)
        self._bounds.fit_companies(ids)
        self._legend.refresh()

    def _on_company_removed(self, ids: Ids) -> None:
        for cid in ids:
            item = self._index.remove_company(cid)
            if item is None:
                continue
            self._legend.category_use[item.category] -= 1
            self._scene().removeItem(item)
            self._rescaler.company_removed(cid)
        self._scene().layout_companies(ids)   # (gone: no longer in the way of labels and arrows)
        self._legend.refresh()

    def _on_company_changed(self, ids: Ids) -> None:
        scene, rescaler = self._scene(), self._rescaler
        for cid in ids:
            c = scene.diagram.company(cid)
            self._legend.category_use[self._index.companies[cid].category] -= 1
            rescaler.company_changed(cid, company_value(c, rescaler.size_by))
            scene.style_company(cid)
            scene.layout_companies([cid])
        self._bounds.fit_companies(ids)
        self._legend.refresh()

    def _on_companies_moved(self, ids: Ids) -> None:
        scene, companies = self._scene(), self._index.companies
        for cid in ids:
            c = scene.diagram.company(cid)
            companies[cid].setPos(c.x, c.y)
        scene.layout_companies(ids)
        self._bounds.fit_companies(ids)
        self._legend.place()

    def _on_flow_added(self, ids: Ids) -> None:
        scene = self._scene()
        for fid in ids:
            f = scene.diagram.flow(fid)
            self._rescaler.flow_added(fid, f.amount)
            scene.add_flow_item(fid)
            scene.layout_pair(G.pair_key(f.source, f.target))
        self._legend.refresh()

    def _on_flow_removed(self, ids: Ids) -> None:
        scene, rescaler = self._scene(), self._rescaler
        for fid in ids:
            if fid not in self._index.flows:
                continue
            was_max = rescaler.flow_largest(fid)
            key = scene.remove_flow_item(fid)
            if was_max:
                rescaler.recompute_max_amount()
            scene.layout_pair(key)
        self._legend.refresh()

    def _on_flow_changed(self, ids: Ids) -> None:
        scene, rescaler = self._scene(), self._rescaler
        for fid in ids:
            f = scene.diagram.flow(fid)
            old_key = self._index.pair_of(fid)
            new_key = G.pair_key(f.source, f.target)
            if old_key != new_key:
                # removing the item forgets its amount: take the new one only after that, so
                # the flow still counts towards the largest amount under its new ends
                old_amount = rescaler.amount_of(fid)
                scene.remove_flow_item(fid)
                rescaler.flow_changed(fid, f.amount)
                scene.add_flow_item(fid)
            else:
                old_amount = rescaler.flow_changed(fid, f.amount)
                scene.style_flow(fid)
            if old_amount != f.amount:
                rescaler.recompute_max_amount()
            scene.layout_pair(old_key)
            scene.layout_pair(new_key)
        self._legend.refresh()

    def _on_types_changed(self, ids: Ids) -> None:
        scene = self._scene()
        for fid, item in self._index.flows.items():
            if item.type_id in ids:
                scene.style_flow(fid)
        self._legend.refresh(force=True)

    def _on_categories_changed(self, ids: Ids) -> None:
        scene = self._scene()
        for cid, item in self._index.companies.items():
            if item.category in ids:
                scene.restyle_company(cid)
        self._legend.refresh(force=True)

    def _on_metadata_changed(self, ids: Ids) -> None:
        scene = self._scene()
        for fid in self._index.flows:
            scene.style_flow(fid)
        for key in self._index.pairs:
            scene.layout_pair(key)

    #: Every kind of change and the method that follows it on the canvas.
    HANDLERS: dict[ChangeKind, Callable[[ModelSync, Ids], None]] = {
        ChangeKind.RESET: _on_reset,
        ChangeKind.COMPANY_ADDED: _on_company_added,
        ChangeKind.COMPANY_REMOVED: _on_company_removed,
        ChangeKind.COMPANY_CHANGED: _on_company_changed,
        ChangeKind.COMPANIES_MOVED: _on_companies_moved,
        ChangeKind.FLOW_ADDED: _on_flow_added,
        ChangeKind.FLOW_REMOVED: _on_flow_removed,
        ChangeKind.FLOW_CHANGED: _on_flow_changed,
        ChangeKind.TYPES_CHANGED: _on_types_changed,
        ChangeKind.CATEGORIES_CHANGED: _on_categories_changed,
        ChangeKind.METADATA_CHANGED: _on_metadata_changed,
    }
