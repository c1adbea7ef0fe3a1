"""The scene's index: items by id, and which flows join which pair of companies.

A moved company relays out only the flows attached to it (company id → pairs of
companies → flow ids). The index is plain data, shared by the scene and the objects
that lay out, rescale and move its items.
"""
from __future__ import annotations

from collections.abc import Iterable

from editor.canvas import geometry as G
from editor.canvas.company_item import CompanyItem
from editor.canvas.flow_items import FlowItem

Pair = tuple[str, str]


class SceneIndex:
    """Company and flow items by id, each flow's ends, and the flows of each pair of companies."""

    def __init__(self) -> None:
        self.companies: dict[str, CompanyItem] = {}
        self.flows: dict[str, FlowItem] = {}
        #: flow id -> (source, target)
        self.ends: dict[str, tuple[str, str]] = {}
        #: pair of companies (see geometry.pair_key) -> its flows, in lane order
        self.pairs: dict[Pair, list[str]] = {}
        #: company id -> the pairs it is part of
        self.company_pairs: dict[str, set[Pair]] = {}

    def clear(self) -> None:
        self.companies.clear()
        self.flows.clear()
        self.ends.clear()
        self.pairs.clear()
        self.company_pairs.clear()

    def add_company(self, cid: str, item: CompanyItem) -> None:
        self.companies[cid] = item
        self.company_pairs.setdefault(cid, set())

    def remove_company(self, cid: str) -> CompanyItem | None:
        item = self.companies.pop(cid, None)
        if item is not None:
            self.company_pairs.pop(cid, None)
        return item

    def add_flow(self, fid: str, item: FlowItem, src: str, tgt: str) -> Pair:
        self.flows[fid] = item
        self.ends[fid] = (src, tgt)
        key = G.pair_key(src, tgt)
        self.pairs.setdefault(key, []).append(fid)
        company_pairs = self.company_pairs
        company_pairs.setdefault(src, set()).add(key)
        company_pairs.setdefault(tgt, set()).add(key)
        return key

    def remove_flow(self, fid: str) -> tuple[FlowItem, Pair]:
        """Forget a flow; its item and the pair it was part of."""
        item = self.flows.pop(fid)
        src, tgt = self.ends.pop(fid)
        key = G.pair_key(src, tgt)
        lanes = self.pairs[key]
        lanes.remove(fid)
        if not lanes:
            del self.pairs[key]
            for cid in (src, tgt):
                if cid in self.company_pairs:
                    self.company_pairs[cid].discard(key)
        return item, key

    def pair_of(self, fid: str) -> Pair:
        return G.pair_key(*self.ends[fid])

    def attached_flows(self, cid: str) -> list[str]:
        """Ids of the flows drawn to or from a company."""
        return [fid for key in self.company_pairs.get(cid, ()) for fid in self.pairs[key]]

    def pairs_of(self, company_ids: Iterable[str]) -> set[Pair]:
        keys: set[Pair] = set()
        for cid in company_ids:
            keys |= self.company_pairs.get(cid, set())
        return keys
