"""Diagram fragments: what copy and paste carry, within and across diagrams. No Qt.

A fragment is JSON (:data:`FORMAT`, :data:`VERSION`) with the copied companies,
the flows between them and the catalogue entries they use, plus a plain-text
summary for other programs. Preparing a paste gives every record a new id,
brings a flow along only when both its companies are pasted, and adds flow
types and categories the target diagram lacks (matched by name first). The
system clipboard and the undo step are the app's (:mod:`editor.app.clipboard`).
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from editor.model import Category, Company, Diagram, Flow, FlowType, ModelError
from editor.model.texts import msg

_Entry = TypeVar("_Entry", FlowType, Category)

MIME_TYPE = "application/x-roundtrip-fragment"
FORMAT = "roundtrip-fragment"
VERSION = 1
#: How far a paste is shifted from the copied position (scene pixels), per paste.
PASTE_OFFSET = 30.0
#: Fragments larger than this are not read from the clipboard.
MAX_FRAGMENT = 16 * 1024 * 1024


def fragment(diagram: Diagram, company_ids: Iterable[str], flow_ids: Iterable[str] = ()) -> dict[str, Any]:
    """The records to copy: the companies, flows between them (selected ones, or all when none
    are selected) and the catalogue entries they use."""
    cids = [c for c in dict.fromkeys(company_ids) if diagram.has_company(c)]
    chosen = set(cids)
    wanted = [f for f in dict.fromkeys(flow_ids) if diagram.has_flow(f)]
    flows = [diagram.flow(f) for f in wanted] if wanted else list(diagram.flows())
    flows = [f for f in flows if f.source in chosen and f.target in chosen]
    companies = [diagram.company(c) for c in cids]
    type_ids = dict.fromkeys(f.type for f in flows)
    cat_ids = dict.fromkeys(c.category for c in companies)
    return {
        "format": FORMAT, "version": VERSION, "unit": diagram.metadata.unit,
        "flow_types": [diagram.flow_type(t).to_dict() for t in type_ids],
        "categories": [diagram.category(c).to_dict() for c in cat_ids],
        "companies": [c.to_dict() for c in companies],
        "flows": [f.to_dict() for f in flows],
    }


def plain_text(frag: dict[str, Any]) -> str:
    """A readable summary: one company per line, then one flow per line."""
    names = {c["id"]: c["name"] for c in frag["companies"]}
    types = {t["id"]: t["name"] for t in frag["flow_types"]}
    lines = [c["name"] for c in frag["companies"]]
    for f in frag["flows"]:
        amount = "?" if f["amount"] is None else f"{f['amount']:g}"
        prefix = {"up_to": "up to ", "estimated": "~"}.get(f["qualifier"], "")
        unit = f["unit"] or frag.get("unit", "")
        lines.append(f"{names[f['source']]} → {names[f['target']]}: {prefix}{amount} {unit} "
                     f"({types.get(f['type'], f['type'])})".replace("  ", " "))
    return "\n".join(lines)


def dumps(frag: dict[str, Any]) -> bytes:
    return json.dumps(frag, ensure_ascii=False).encode("utf-8")


def loads(data: bytes) -> dict[str, Any] | None:
    """The fragment in ``data``, or None when it is not one (damaged, foreign, too large)."""
    if len(data) > MAX_FRAGMENT:
        return None
    try:
        frag = json.loads(bytes(data).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(frag, dict) or frag.get("format") != FORMAT:
        return None
    for key in ("flow_types", "categories", "companies", "flows"):
        if not isinstance(frag.get(key), list) or not all(isinstance(r, dict) for r in frag[key]):
            return None
    return frag


@dataclass
class Paste:
    """Records ready for ``Document.add_records`` (new ids, catalogue entries mapped or added)."""

    companies: list[Company]
    flows: list[Flow]
    flow_types: list[FlowType]
    categories: list[Category]

    @property
    def empty(self) -> bool:
        return not self.companies


def prepare_paste(diagram: Diagram, frag: dict[str, Any], offset: float = PASTE_OFFSET) -> Paste:
    """Turn a fragment into new records for ``diagram``; raises ModelError on bad records."""
    try:
        return _prepare(diagram, frag, offset)
    except (TypeError, KeyError, ValueError) as e:
        raise ModelError(msg("the clipboard holds damaged diagram data ({reason})", reason=e)) from None


def _catalogue_map(
    records: list[dict[str, Any]],
    existing_by_name: Callable[[str], _Entry | None],
    has_id: Callable[[str], bool],
    new_id: Callable[[], str],
    cls: type[_Entry],
    reserved: set[str],
) -> tuple[dict[str, str], list[_Entry]]:
    """Map fragment catalogue ids to ids in the diagram; returns (mapping, records to add)."""
    mapping: dict[str, str] = {}
    added: list[_Entry] = []
    names_taken: set[str] = set()
    for raw in records:
        rec = cls(**raw)
        same = existing_by_name(rec.name)
        if same is not None:
            mapping[rec.id] = same.id
            continue
        if rec.name.casefold() in names_taken:
            mapping[rec.id] = next(a.id for a in added if a.name.casefold() == rec.name.casefold())
            continue
        rid = rec.id
        while has_id(rid) or rid in reserved:
            rid = new_id()
        reserved.add(rid)
        mapping[rec.id] = rid
        added.append(cls(rid, rec.name, rec.color))
        names_taken.add(rec.name.casefold())
    return mapping, added


def _prepare(diagram: Diagram, frag: dict[str, Any], offset: float) -> Paste:
    reserved: set[str] = set()

    def fresh(prefix: str) -> Callable[[], str]:
        def make() -> str:
            while True:
                i = diagram.new_id(prefix)
                if i not in reserved:
                    reserved.add(i)
                    return i
        return make

    type_map, new_types = _catalogue_map(frag["flow_types"], diagram.flow_type_by_name,
                                         diagram._id_taken, fresh("type"), FlowType, reserved)
    cat_map, new_cats = _catalogue_map(frag["categories"], diagram.category_by_name,
                                       diagram._id_taken, fresh("cat"), Category, reserved)
    make_cid, make_fid = fresh("c"), fresh("f")
    ids: dict[str, str] = {}
    companies = []
    for raw in frag["companies"]:
        c = Company(**raw)
        cid = make_cid()
        ids[c.id] = cid
        category = cat_map.get(c.category, c.category)
        if not diagram.has_category(category) and category not in {k.id for k in new_cats}:
            category = "other" if diagram.has_category("other") else diagram.categories()[0].id
        companies.append(Company(**{**raw, "id": cid, "category": category,
                                    "x": c.x + offset, "y": c.y + offset}))
    flows = []
    for raw in frag["flows"]:
        f = Flow(**raw)
        if f.source not in ids or f.target not in ids:
            continue
        ftype = type_map.get(f.type, f.type)
        if not diagram.has_flow_type(ftype) and ftype not in {t.id for t in new_types}:
            raise ModelError(msg("flow type {type} of a pasted flow is missing", type=repr(f.type)))
        flows.append(Flow(**{**raw, "id": make_fid(), "source": ids[f.source],
                             "target": ids[f.target], "type": ftype}))
    used_types = {f.type for f in flows}
    used_cats = {c.category for c in companies}
    return Paste(companies, flows, [t for t in new_types if t.id in used_types],
                 [c for c in new_cats if c.id in used_cats])
