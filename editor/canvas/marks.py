"""Marks on the scene's items: the selected look, the highlight of a loop, footnote markers
of amount labels, and the export mode that hides selection marks."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from editor.canvas.backref import Backref
from editor.canvas.company_item import CompanyItem
from editor.canvas.flow_items import FlowItem, FlowLabelItem
from editor.canvas.index import SceneIndex

if TYPE_CHECKING:
    from editor.canvas.scene import DiagramScene

DIM_OPACITY = 0.15


class SceneMarks:
    """The scene's selection looks, highlight, label markers and export mode."""

    def __init__(self, scene: DiagramScene, index: SceneIndex) -> None:
        self._scene = Backref(scene)
        self._index = index
        self._export_mode = False
        self._highlight: tuple[set[str], set[str]] | None = None
        self._markers: dict[str, str] = {}   # flow id -> footnote number
        self._marker_font = scene.style.font(8.5, bold=True)
        self._marked: set[CompanyItem | FlowItem] = set()   # items drawn with the selected look

    # ---------------------------------------------------------- selection
    def selected_ids(self) -> tuple[list[str], list[str]]:
        companies, flows = [], []
        for item in self._scene().selectedItems():
            if isinstance(item, CompanyItem):
                companies.append(item.id)
            elif isinstance(item, FlowItem):
                flows.append(item.id)
        return companies, flows

    def update_selected_looks(self) -> None:
        selected = {item for item in self._scene().selectedItems()
                    if isinstance(item, (CompanyItem, FlowItem))}
        for item in self._marked - selected:
            item.set_selected_look(False)
        for item in selected - self._marked:
            item.set_selected_look(True)
        self._marked = selected

    def forget_selection(self) -> None:
        """Forget the items drawn selected (they are about to be deleted)."""
        self._marked = set()

    def select_ids(self, company_ids: Iterable[str] = (), flow_ids: Iterable[str] = ()) -> None:
        self._scene().clearSelection()
        companies, flows = self._index.companies, self._index.flows
        for cid in company_ids:
            if cid in companies:
                companies[cid].setSelected(True)
        for fid in flow_ids:
            if fid in flows:
                flows[fid].setSelected(True)

    # ---------------------------------------------------------- highlight
    @property
    def highlighted(self) -> tuple[set[str], set[str]] | None:
        return self._highlight

    def set_highlight(self, company_ids: Iterable[str], flow_ids: Iterable[str]) -> None:
        cids, fids = set(company_ids), set(flow_ids)
        self._highlight = (cids, fids)
        for cid, company in self._index.companies.items():
            company.setOpacity(1.0 if cid in cids else DIM_OPACITY)
        for fid, item in self._index.flows.items():
            on = fid in fids
            item.setOpacity(1.0 if on else DIM_OPACITY)
            if (label := item.made_label) is not None:
                label.setOpacity(1.0 if on else DIM_OPACITY)
            if item.emphasis != on:
                item.set_emphasis(on)

    def reapply(self) -> None:
        """Highlight again what was highlighted (the items were made anew)."""
        if self._highlight:
            self.set_highlight(*self._highlight)

    def clear_highlight(self) -> None:
        self._highlight = None
        for company in self._index.companies.values():
            company.setOpacity(1.0)
        for item in self._index.flows.values():
            item.setOpacity(1.0)
            if (label := item.made_label) is not None:
                label.setOpacity(1.0)
            if item.emphasis:
                item.set_emphasis(False)

    # ------------------------------------------------------------ markers
    def set_flow_markers(self, markers: Mapping[str, str]) -> None:
        old = self._markers
        self._markers = dict(markers)
        flows = self._index.flows
        metrics = QFontMetricsF(self._marker_font)
        for fid in set(old) | set(self._markers):
            item = flows.get(fid)
            if item is not None and (label := item.label) is not None:
                marker = self._markers.get(fid, "")
                label.set_marker(marker, self._marker_font)
                item.label_extra = metrics.horizontalAdvance(marker) + 2.0 if marker else 0.0
        if old != self._markers:
            scene = self._scene()
            scene.lanes.place_all_labels()   # labels with markers take more room
            scene.detail.start()             # (a big map places them in the background)

    def mark_label(self, label: FlowLabelItem) -> None:
        """Give a new label its flow's marker, if any."""
        if label.id in self._markers:
            label.set_marker(self._markers[label.id], self._marker_font)

    def markers_rect(self) -> QRectF:
        rect = QRectF()
        flows = self._index.flows
        for fid in self._markers:
            item = flows.get(fid)
            if item is not None and (label := item.label) is not None:
                rect = rect.united(label.marker_rect())
        return rect

    # ------------------------------------------------------------- export
    @property
    def export_mode(self) -> bool:
        return self._export_mode

    def set_export_mode(self, on: bool) -> None:
        self._export_mode = bool(on)
        index = self._index
        for item in list(index.companies.values()) + list(index.flows.values()):
            item.export_mode = self._export_mode
        for flow in index.flows.values():
            if (label := flow.made_label) is not None:
                label.export_mode = self._export_mode
        for item in self._marked:
            item.set_selected_look(True)

