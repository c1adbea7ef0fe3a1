"""The diagram: the single source of truth of a document.

Companies are the nodes and flows the edges of a networkx ``MultiDiGraph``
(several flows between the same two companies are separate edges keyed by
flow id). The multigraph is built on first use, from the records (opening a
big file does not pay for it: 70-130 ms at 10,000 flows), and kept up to date
from then on. Every mutation validates first and changes nothing when it fails,
then tells subscribers what changed through a :class:`Change` event. No Qt
here: model, analysis and file tests run without a QApplication.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where the multigraph is first built: opening a window does not need it
    import networkx as nx

from editor.model.catalogue import EXTRA_COLORS, default_categories, default_flow_types, find_by_name
from editor.model.entities import DEFAULT_UNIT, Category, Company, Flow, FlowType
from editor.model.errors import ModelError
from editor.model.events import Change, ChangeKind
from editor.model.texts import msg


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    subtitle: str = ""
    unit: str = DEFAULT_UNIT
    description: str = ""
    sources_note: str = ""

    def __post_init__(self) -> None:
        for f in fields(self):
            if not isinstance(getattr(self, f.name), str):
                raise ModelError(msg("metadata.{name}: expected text, got {value}",
                                     name=f.name, value=repr(getattr(self, f.name))))
        if not self.unit.strip():
            raise ModelError(msg("metadata.unit: must not be empty"))


@dataclass(frozen=True)
class Snapshot:
    """An immutable copy of a diagram's content, safe to hand to another thread."""

    companies: tuple[Company, ...]
    flows: tuple[Flow, ...]
    flow_types: tuple[FlowType, ...]
    categories: tuple[Category, ...]
    metadata: Metadata


Listener = Callable[[Change], None]


def _insert(d: dict, key: str, value: Any, index: int | None) -> dict:
    """Return ``d`` with ``key`` inserted at ``index`` (appended when None)."""
    if index is None or index >= len(d):
        d[key] = value
        return d
    items = list(d.items())
    items.insert(max(index, 0), (key, value))
    return dict(items)


class Diagram:
    """Companies, flows, the flow-type and category catalogues and metadata."""

    def __init__(self, *, flow_types: Iterable[FlowType] | None = None,
                 categories: Iterable[Category] | None = None,
                 metadata: Metadata | None = None) -> None:
        self._graph_built: nx.MultiDiGraph | None = None   # built on first use
        self._companies: dict[str, Company] = {}
        self._flows: dict[str, Flow] = {}
        self._types: dict[str, FlowType] = {}
        self._categories: dict[str, Category] = {}
        self._metadata = metadata or Metadata()
        self._listeners: list[Listener] = []
        self._counter = itertools.count(1)
        for t in default_flow_types() if flow_types is None else flow_types:
            if t.id in self._types:
                raise ModelError(msg("duplicate flow type id {id}", id=repr(t.id)))
            self._types[t.id] = t
        for c in default_categories() if categories is None else categories:
            if c.id in self._categories:
                raise ModelError(msg("duplicate category id {id}", id=repr(c.id)))
            self._categories[c.id] = c

    # ------------------------------------------------------------------ events
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, kind: ChangeKind, ids: Iterable[str] = ()) -> None:
        change = Change(kind, tuple(ids))
        for listener in list(self._listeners):
            listener(change)

    # ----------------------------------------------------------------- readers
    @property
    def metadata(self) -> Metadata:
        return self._metadata

    def companies(self) -> tuple[Company, ...]:
        return tuple(self._companies.values())

    def flows(self) -> tuple[Flow, ...]:
        return tuple(self._flows.values())

    def flow_types(self) -> tuple[FlowType, ...]:
        return tuple(self._types.values())

    def categories(self) -> tuple[Category, ...]:
        return tuple(self._categories.values())

    def company(self, company_id: str) -> Company:
        try:
            return self._companies[company_id]
        except KeyError:
            raise ModelError(msg("no company with id {company_id}", company_id=repr(company_id))) from None

    def flow(self, flow_id: str) -> Flow:
        try:
            return self._flows[flow_id]
        except KeyError:
            raise ModelError(msg("no flow with id {flow_id}", flow_id=repr(flow_id))) from None

    def flow_type(self, type_id: str) -> FlowType:
        try:
            return self._types[type_id]
        except KeyError:
            raise ModelError(msg("no flow type with id {type_id}", type_id=repr(type_id))) from None

    def category(self, category_id: str) -> Category:
        try:
            return self._categories[category_id]
        except KeyError:
            raise ModelError(msg("no category with id {category_id}",
                                 category_id=repr(category_id))) from None

    def has_company(self, company_id: str) -> bool:
        return company_id in self._companies

    def has_flow(self, flow_id: str) -> bool:
        return flow_id in self._flows

    def has_flow_type(self, type_id: str) -> bool:
        return type_id in self._types

    def has_category(self, category_id: str) -> bool:
        return category_id in self._categories

    def company_index(self, company_id: str) -> int:
        return list(self._companies).index(company_id)

    def flow_index(self, flow_id: str) -> int:
        return list(self._flows).index(flow_id)

    def find_company(self, name: str) -> Company | None:
        """The company whose name (or id) matches ``name``, case-insensitively."""
        folded = name.casefold().strip()
        for c in self._companies.values():
            if c.name.casefold().strip() == folded:
                return c
        return self._companies.get(name)

    def flows_of(self, company_id: str) -> tuple[Flow, ...]:
        """Flows into or out of a company (a self-flow once)."""
        if company_id not in self._companies:
            raise ModelError(msg("no company with id {company_id}", company_id=repr(company_id)))
        g = self._graph
        ids = [k for _, _, k in g.out_edges(company_id, keys=True)]
        ids += [k for u, _, k in g.in_edges(company_id, keys=True) if u != company_id]
        return tuple(self._flows[i] for i in ids)

    def flows_between(self, source: str, target: str) -> tuple[Flow, ...]:
        """Flows from ``source`` to ``target`` in document order."""
        g = self._graph
        if not g.has_edge(source, target):
            return ()
        keys = set(g[source][target])
        return tuple(f for f in self._flows.values() if f.id in keys) if len(keys) > 1 else (
            self._flows[next(iter(keys))],)

    @property
    def _graph(self) -> nx.MultiDiGraph:
        """The multigraph, built now if it is not there yet."""
        g = self._graph_built
        if g is None:
            import networkx as nx

            g = self._graph_built = nx.MultiDiGraph()
            g.add_nodes_from(self._companies)
            g.add_edges_from((f.source, f.target, f.id) for f in self._flows.values())
        return g

    @property
    def graph(self) -> nx.MultiDiGraph:
        """A read-only view of the company/flow multigraph."""
        import networkx as nx

        return nx.graphviews.generic_graph_view(self._graph)

    def snapshot(self) -> Snapshot:
        return Snapshot(self.companies(), self.flows(), self.flow_types(),
                        self.categories(), self._metadata)

    def __len__(self) -> int:
        return len(self._companies)

    def is_empty(self) -> bool:
        return not self._companies

    def state(self) -> tuple:
        """Everything that makes a document, in a comparable form."""
        return (self._metadata, self.flow_types(), self.categories(), self.companies(), self.flows())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diagram):
            return NotImplemented
        return self.state() == other.state()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Diagram {len(self._companies)} companies, {len(self._flows)} flows>"

    # ---------------------------------------------------------------- new ids
    def new_id(self, prefix: str) -> str:
        """An id not used by any company, flow, type or category."""
        while True:
            candidate = f"{prefix}{next(self._counter)}"
            if not self._id_taken(candidate):
                return candidate

    def _id_taken(self, i: str) -> bool:
        return i in self._companies or i in self._flows or i in self._types or i in self._categories

    def next_color(self) -> str:
        used = {t.color for t in self._types.values()} | {c.color for c in self._categories.values()}
        for color in EXTRA_COLORS:
            if color not in used:
                return color
        return EXTRA_COLORS[(len(self._types) + len(self._categories)) % len(EXTRA_COLORS)]

    # -------------------------------------------------------------- companies
    def add_company(self, company: Company, index: int | None = None) -> None:
        if not isinstance(company, Company):
            raise ModelError(msg("add_company expects a Company"))
        if company.id in self._companies:
            raise ModelError(msg("a company with id {id} already exists", id=repr(company.id)))
        if company.category not in self._categories:
            raise ModelError(msg("company {name}: unknown category {category}",
                                 name=repr(company.name), category=repr(company.category)))
        self._companies = _insert(self._companies, company.id, company, index)
        if self._graph_built is not None:
            self._graph_built.add_node(company.id)
        self._emit(ChangeKind.COMPANY_ADDED, (company.id,))

    def remove_company(self, company_id: str) -> tuple[Company, tuple[Flow, ...]]:
        """Remove a company and its flows; returns both (flows in document order) for undo."""
        company = self.company(company_id)
        order = {fid: i for i, fid in enumerate(self._flows)}
        attached = tuple(sorted(self.flows_of(company_id), key=lambda f: order[f.id]))
        for f in attached:
            self.remove_flow(f.id)
        del self._companies[company_id]
        self._graph.remove_node(company_id)   # built by flows_of above
        self._emit(ChangeKind.COMPANY_REMOVED, (company_id,))
        return company, attached

    def update_company(self, company_id: str, **changes: Any) -> Company:
        """Change fields of a company; returns the old record."""
        old = self.company(company_id)
        try:
            new = old.with_changes(**changes)
        except (TypeError, ValueError) as e:
            raise ModelError(str(e)) from None
        if new.category not in self._categories:
            raise ModelError(msg("company {name}: unknown category {category}",
                                 name=repr(new.name), category=repr(new.category)))
        if new == old:
            return old
        self._companies[company_id] = new
        moved_only = all(k in ("x", "y") for k in changes)
        self._emit(ChangeKind.COMPANIES_MOVED if moved_only else ChangeKind.COMPANY_CHANGED, (company_id,))
        return old

    def move_companies(self, positions: Mapping[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
        """Move several companies at once; returns their old positions."""
        new = {}
        for cid, (x, y) in positions.items():
            try:
                new[cid] = self.company(cid).with_changes(x=x, y=y)
            except (TypeError, ValueError) as e:
                raise ModelError(str(e)) from None
        old = {cid: (self._companies[cid].x, self._companies[cid].y) for cid in new}
        changed = [cid for cid, c in new.items() if c != self._companies[cid]]
        for cid in changed:
            self._companies[cid] = new[cid]
        if changed:
            self._emit(ChangeKind.COMPANIES_MOVED, changed)
        return old

    # ------------------------------------------------------------------ flows
    def _check_flow_refs(self, flow: Flow) -> None:
        for end in ("source", "target"):
            if getattr(flow, end) not in self._companies:
                raise ModelError(msg("flow {id}: {end} {company} is not a company",
                                     id=repr(flow.id), end=end, company=repr(getattr(flow, end))))
        if flow.type not in self._types:
            raise ModelError(msg("flow {id}: unknown flow type {type}",
                                 id=repr(flow.id), type=repr(flow.type)))

    def add_flow(self, flow: Flow, index: int | None = None) -> None:
        if not isinstance(flow, Flow):
            raise ModelError(msg("add_flow expects a Flow"))
        if flow.id in self._flows:
            raise ModelError(msg("a flow with id {id} already exists", id=repr(flow.id)))
        self._check_flow_refs(flow)
        self._flows = _insert(self._flows, flow.id, flow, index)
        if self._graph_built is not None:
            self._graph_built.add_edge(flow.source, flow.target, key=flow.id)
        self._emit(ChangeKind.FLOW_ADDED, (flow.id,))

    def remove_flow(self, flow_id: str) -> Flow:
        flow = self.flow(flow_id)
        del self._flows[flow_id]
        if self._graph_built is not None:
            self._graph_built.remove_edge(flow.source, flow.target, key=flow_id)
        self._emit(ChangeKind.FLOW_REMOVED, (flow_id,))
        return flow

    def update_flow(self, flow_id: str, **changes: Any) -> Flow:
        """Change fields of a flow (ends included); returns the old record."""
        old = self.flow(flow_id)
        try:
            new = old.with_changes(**changes)
        except (TypeError, ValueError) as e:
            raise ModelError(str(e)) from None
        self._check_flow_refs(new)
        if new == old:
            return old
        g = self._graph_built
        if g is not None and (new.source, new.target) != (old.source, old.target):
            g.remove_edge(old.source, old.target, key=flow_id)
            g.add_edge(new.source, new.target, key=flow_id)
        self._flows[flow_id] = new
        self._emit(ChangeKind.FLOW_CHANGED, (flow_id,))
        return old

    # ------------------------------------------------------------- catalogues
    # Flow types and categories are both catalogues of (id, name, colour)
    # entries: ``kind`` picks the dict, the event and the words of messages.
    _CATALOGUES = {
        "flow_type": ("_types", ChangeKind.TYPES_CHANGED, msg("flow type"), msg("flow(s)"),
                      lambda d: (f.type for f in d._flows.values())),
        "category": ("_categories", ChangeKind.CATEGORIES_CHANGED, msg("category"), msg("company(ies)"),
                     lambda d: (c.category for c in d._companies.values())),
    }

    def _catalogue_add(self, kind: str, record: Any, index: int | None) -> None:
        attr, event, word, _, _ = self._CATALOGUES[kind]
        entries = getattr(self, attr)
        if record.id in entries:
            raise ModelError(msg("a {word} with id {id} already exists", word=word, id=repr(record.id)))
        if any(e.name.casefold() == record.name.casefold() for e in entries.values()):
            raise ModelError(msg("a {word} named {name} already exists", word=word, name=repr(record.name)))
        setattr(self, attr, _insert(entries, record.id, record, index))
        self._emit(event, (record.id,))

    def _catalogue_update(self, kind: str, entry_id: str, changes: dict[str, Any]) -> Any:
        attr, event, word, _, _ = self._CATALOGUES[kind]
        entries = getattr(self, attr)
        old = getattr(self, kind)(entry_id)
        try:
            new = old.with_changes(**changes)
        except (TypeError, ValueError) as e:
            raise ModelError(str(e)) from None
        if any(e.id != entry_id and e.name.casefold() == new.name.casefold() for e in entries.values()):
            raise ModelError(msg("a {word} named {name} already exists", word=word, name=repr(new.name)))
        if new != old:
            entries[entry_id] = new
            self._emit(event, (entry_id,))
        return old

    def _catalogue_remove(self, kind: str, entry_id: str) -> Any:
        attr, event, word, users, uses = self._CATALOGUES[kind]
        old = getattr(self, kind)(entry_id)
        used = sum(1 for u in uses(self) if u == entry_id)
        if used:
            raise ModelError(msg("{word} {name} is used by {used} {users}; change them first",
                                 word=word, name=repr(old.name), used=used, users=users))
        del getattr(self, attr)[entry_id]
        self._emit(event, (entry_id,))
        return old

    def add_flow_type(self, flow_type: FlowType, index: int | None = None) -> None:
        self._catalogue_add("flow_type", flow_type, index)

    def update_flow_type(self, type_id: str, **changes: Any) -> FlowType:
        return self._catalogue_update("flow_type", type_id, changes)

    def remove_flow_type(self, type_id: str) -> FlowType:
        return self._catalogue_remove("flow_type", type_id)

    def add_category(self, category: Category, index: int | None = None) -> None:
        self._catalogue_add("category", category, index)

    def update_category(self, category_id: str, **changes: Any) -> Category:
        return self._catalogue_update("category", category_id, changes)

    def remove_category(self, category_id: str) -> Category:
        return self._catalogue_remove("category", category_id)

    def flow_type_by_name(self, name: str) -> FlowType | None:
        return find_by_name(self._types.values(), name, category=False)

    def category_by_name(self, name: str) -> Category | None:
        return find_by_name(self._categories.values(), name, category=True)

    # --------------------------------------------------------------- metadata
    def set_metadata(self, **changes: Any) -> Metadata:
        old = self._metadata
        unknown = set(changes) - {f.name for f in fields(Metadata)}
        if unknown:
            raise ModelError(msg("unknown metadata field(s): {unknown}", unknown=", ".join(sorted(unknown))))
        new = replace(old, **changes)
        if new != old:
            self._metadata = new
            self._emit(ChangeKind.METADATA_CHANGED)
        return old

    # ------------------------------------------------------------------- bulk
    def replace_all(self, other: Diagram) -> None:
        """Take over the content of ``other`` (for revert/open) in one event."""
        self._graph_built = None if other._graph_built is None else other._graph_built.copy()
        self._companies = dict(other._companies)
        self._flows = dict(other._flows)
        self._types = dict(other._types)
        self._categories = dict(other._categories)
        self._metadata = other._metadata
        self._emit(ChangeKind.RESET)

    @classmethod
    def build(cls, *, companies: Iterable[Company] = (), flows: Iterable[Flow] = (),
              flow_types: Iterable[FlowType] | None = None,
              categories: Iterable[Category] | None = None,
              metadata: Metadata | None = None) -> Diagram:
        """Build a whole diagram, validating every record (no events): all at once by sets first,
        then, only when they find a problem, one by one for the message of the first one."""
        d = cls(flow_types=flow_types, categories=categories, metadata=metadata)
        companies, flows = list(companies), list(flows)
        if d._take_all(companies, flows):
            return d
        for c in companies:
            if d._id_taken(c.id):
                raise ModelError(msg("duplicate id {id}", id=repr(c.id)))
            if c.category not in d._categories:
                raise ModelError(msg("company {name}: unknown category {category}",
                                     name=repr(c.name), category=repr(c.category)))
            d._companies[c.id] = c
        for f in flows:
            if d._id_taken(f.id):
                raise ModelError(msg("duplicate id {id}", id=repr(f.id)))
            d._check_flow_refs(f)
            d._flows[f.id] = f
        d._graph_built = None   # built on first use
        return d

    def _take_all(self, companies: list[Company], flows: list[Flow]) -> bool:
        """Take all the records into this new diagram when every check of :meth:`build` passes."""
        by_id = dict(zip(map(attrgetter("id"), companies), companies, strict=True))
        flow_by_id = dict(zip(map(attrgetter("id"), flows), flows, strict=True))
        catalogues = self._types.keys() | self._categories.keys()
        company_ids, type_ids = set(by_id), set(self._types)  # (each end looked up, no set of them made)
        if (len(by_id) != len(companies) or len(flow_by_id) != len(flows)
                or not by_id.keys().isdisjoint(catalogues)
                or not flow_by_id.keys().isdisjoint(catalogues | by_id.keys())
                or not set(map(attrgetter("category"), companies)) <= self._categories.keys()
                or not company_ids.issuperset(map(attrgetter("source"), flows))
                or not company_ids.issuperset(map(attrgetter("target"), flows))
                or not type_ids.issuperset(map(attrgetter("type"), flows))):
            return False
        self._companies, self._flows = by_id, flow_by_id
        return True
