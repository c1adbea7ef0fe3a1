"""GraphML and GEXF files: choosing the reader and writer, and mapping what was read to a diagram. No Qt.

The writers live in :mod:`editor.io.graphml` and :mod:`editor.io.gexf`. Reading maps
node ``label``/``name`` (or a yEd node label) -> company name, edge
``amount``/``weight``/``value`` -> amount, ``type_name``/``type``/``kind``/``flow_type``
-> flow type (by name, new types created), known company and flow fields by name, a
node's groups -> its category, ``<desc>``/``description`` -> notes, and an edge label
-> amount when it reads as one, else the flow's note. What cannot be mapped is
returned as notes (``edge attribute 'foo' not mapped``). docs/formats.md lists every rule.
"""
from __future__ import annotations

import json
import math
import os
import re
from dataclasses import fields
from pathlib import Path
from typing import Any

from editor.io.atomic import write_atomic
from editor.io.errors import InputError
from editor.io.fields import COMPANY_NUMBERS, COMPANY_TEXTS, FLOW_TEXTS
from editor.io.gexf import GEXF_NS, VIZ_NS, gexf_bytes, parse_gexf
from editor.io.graphml import GRAPHML_NS, graphml_bytes, parse_graphml
from editor.io.graphxml import MARKER, Parsed, local, parse_xml
from editor.io.safe_read import read_limited
from editor.model import Category, Company, Diagram, Flow, FlowType, Metadata, ModelError
from editor.model.amounts import AmountError, parse_amount
from editor.model.entities import check_date
from editor.model.layout import layout_positions
from editor.model.texts import Joined, msg

__all__ = ["GEXF_NS", "GRAPHML_NS", "MARKER", "VIZ_NS", "gexf_bytes", "graphml_bytes", "load_graph",
           "loads_graph", "save_graph"]

MAX_GRAPH_FILE_SIZE = 64 * 1024 * 1024
_COMPANY_NUM = COMPANY_NUMBERS   # valuation, revenue, profit, x, y, size
_COMPANY_TEXT = COMPANY_TEXTS    # category first, then the dates, periods and notes
_FLOW_TEXT = FLOW_TEXTS          # type first, then qualifier, unit, dates, status, url, note


def save_graph(d: Diagram, path: str | os.PathLike, *, yed: bool = False) -> list[str]:
    """Write GraphML or GEXF by extension (atomically); ``yed`` adds yEd graphics to GraphML."""
    suffix = Path(path).suffix.lower()
    data, notes = gexf_bytes(d) if suffix == ".gexf" else graphml_bytes(d, yed=yed)
    write_atomic(path, data)
    return notes


def load_graph(path: str | os.PathLike) -> tuple[Diagram, list[str]]:
    """Read GraphML or GEXF; returns (diagram, notes of what could not be mapped)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(msg("{path}: no such file", path=p)) from None
    if size > MAX_GRAPH_FILE_SIZE:
        raise InputError(msg("{name}: the file is {size} MB; Roundtrip reads graph files up to "
                             "{limit} MB",
                             name=p.name, size=f"{size / 1e6:.0f}",
                             limit=MAX_GRAPH_FILE_SIZE // (1024 * 1024)))
    return loads_graph(read_limited(p, MAX_GRAPH_FILE_SIZE, "reads graph files"), p.name)


def loads_graph(data: bytes, name: str = "graph") -> tuple[Diagram, list[str]]:
    root = parse_xml(data, name)
    kind = local(root.tag)
    if kind == "graphml":
        parsed = parse_graphml(root, name)
    elif kind == "gexf":
        parsed = parse_gexf(root, name)
    else:
        raise InputError(msg("{name}: this is not GraphML or GEXF (the document starts with <{kind}>)",
                             name=name, kind=kind))
    return _to_diagram(parsed, name)


# ===================================================================== mapping
_NAME_ATTRS = ("label", "name", "title", "yed_label")
_TYPE_ATTRS = ("type_name", "type", "kind", "flow_type")
_AMOUNT_ATTRS = ("amount", "weight", "value")
_NOTE_ATTRS = ("desc", "description")
_SILENT_NODE = {"category_name", "category_color", "viz_x", "viz_y", "viz_size", "id", "yed_x", "yed_y",
                "group", *_NOTE_ATTRS}
_SILENT_EDGE = {"type_color", "label", "id", "networkx_key", "amount_unknown", "gexf_start", "gexf_end",
                "edge_label", *_NOTE_ATTRS}
_MAX_PROBLEMS = 5


def _slug(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", name.casefold()).strip("_")


def _fold(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in values.items():
        out.setdefault(k.casefold().strip(), v)
    return out


def _color(value: Any, fallback: str) -> str:
    return value.lower() if isinstance(value, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", value) else fallback


def _num(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(msg("cannot read {value} as a number", value=repr(value))) from None
    if not math.isfinite(v):
        raise ValueError(msg("{value} is not a finite number", value=repr(value)))
    return v


def _join(*texts: str) -> str:
    return "\n".join(t for t in texts if t and t.strip())


class _Ids:
    """Ids are kept as the file gives them; only an id another kind of record already holds is renamed."""

    def __init__(self, d: Diagram) -> None:
        self.taken = {t.id for t in d.flow_types()} | {c.id for c in d.categories()}
        self.renamed: dict[str, list[str]] = {}

    def claim(self, wanted: str | None, fallback: str, kind: str, prefix: str = "") -> str:
        base = (wanted or "").strip() and wanted or fallback
        candidate, n = base, 1
        if candidate in self.taken and prefix and f"{prefix}{base}" not in self.taken:
            candidate = f"{prefix}{base}"
        while candidate in self.taken:
            n += 1
            candidate = f"{base}_{n}"
        self.taken.add(candidate)
        if wanted and wanted.strip() and candidate != wanted:
            self.renamed.setdefault(kind, []).append(f"{wanted!r} -> {candidate!r}")
        return candidate

    def notes(self) -> list[str]:
        out: list[str] = []
        for kind, pairs in self.renamed.items():
            shown = ", ".join(pairs[:3])
            if len(pairs) > 3:
                shown = msg("{names} and {count} more", names=shown, count=len(pairs) - 3)
            out.append(msg("{count} {kind} id(s) were already used by another record and were renamed "
                           "({renamed})", count=len(pairs), kind=kind, renamed=shown))
        return out


def _new_diagram(parsed: Parsed, name: str) -> tuple[Diagram, bool]:
    doc = parsed.graph.get(MARKER)
    if doc:
        try:
            data = json.loads(doc)
            return Diagram(flow_types=[FlowType(**t) for t in data["flow_types"]],
                           categories=[Category(**c) for c in data["categories"]],
                           metadata=Metadata(**data["metadata"])), True
        except (ValueError, KeyError, TypeError, ModelError) as e:
            raise InputError(msg("{name}: the Roundtrip document attribute is damaged ({reason})",
                                 name=name, reason=e)) from None
    meta = {f.name: parsed.graph[f.name] for f in fields(Metadata)
            if isinstance(parsed.graph.get(f.name), str) and f.name != "unit"}
    unit = parsed.graph.get("unit")
    if isinstance(unit, str) and unit.strip():
        meta["unit"] = unit
    return Diagram(metadata=Metadata(**meta)), False


def _date_or_none(value: Any) -> str | None:
    text = str(value).strip()
    if re.fullmatch(r"\d{4}\.0+", text):
        text = text.split(".")[0]
    try:
        return check_date(text)
    except ModelError:
        return None


class _Counts:
    def __init__(self) -> None:
        self.grouped: set[str] = set()
        self.group_in_notes = 0
        self.label_amounts = 0
        self.label_notes = 0
        self.undated_periods = 0
        self.group_edges = 0
        self.weight_differs = 0


def _company(d: Diagram, ids: _Ids, raw_id: str, v: dict[str, Any], native: bool, n: int,
             counts: _Counts) -> tuple[Company, bool]:
    cname = next((str(v[a]) for a in _NAME_ATTRS if isinstance(v.get(a), str) and v[a].strip()), raw_id)
    if not cname.strip():
        cname = f"company {n}"
    group = v.get("group") if isinstance(v.get("group"), str) else ""
    cat_name = v.get("category_name") or v.get("category")
    if group and not (isinstance(cat_name, str) and cat_name.strip()):
        cat_name = group
        counts.grouped.add(group)
        group = ""
    cat_id = "other" if d.has_category("other") else d.categories()[0].id
    if native and isinstance(v.get("category"), str) and d.has_category(v["category"]):
        cat_id = v["category"]
    elif isinstance(cat_name, str) and cat_name.strip():
        found = d.category_by_name(cat_name)
        if found is None:
            wanted = v.get("category") if v.get("category_name") else None
            found = Category(ids.claim(wanted or _slug(cat_name) or "category", "category", "category"),
                             cat_name.strip(), _color(v.get("category_color"), d.next_color()))
            d.add_category(found)
        cat_id = found.id
    fields_: dict[str, Any] = {f: _num(v.get(f)) for f in _COMPANY_NUM}
    if fields_["x"] is None and v.get("viz_x") is not None:
        fields_["x"] = _num(v["viz_x"])
        fields_["y"] = None if v.get("viz_y") is None else -_num(v["viz_y"])  # type: ignore[operator]
    if fields_["x"] is None and v.get("yed_x") is not None:
        fields_["x"], fields_["y"] = _num(v["yed_x"]), _num(v.get("yed_y"))
    for f in _COMPANY_TEXT[1:]:
        if v.get(f) is not None:
            fields_[f] = str(v[f])
    desc = next((str(v[a]) for a in _NOTE_ATTRS if str(v.get(a) or "").strip()), "")
    if desc or group:
        counts.group_in_notes += bool(group)
        fields_["notes"] = _join(fields_.get("notes") or "", desc, f"group: {group}" if group else "")
    has_pos = fields_["x"] is not None and fields_["y"] is not None
    fields_["x"] = fields_["x"] or 0.0
    fields_["y"] = fields_["y"] or 0.0
    cid = ids.claim(raw_id, "company", "node")
    return Company(cid, cname, cat_id, **fields_), has_pos


def _edge_label(d: Diagram, v: dict[str, Any], type_id: str, amount: float | None, native: bool,
                counts: _Counts) -> tuple[float | None, str]:
    """An edge label: the amount when it reads as one and no amount is given, else a note."""
    label = str(v.get("edge_label") or "").strip()
    if not label or native:
        return amount, ""
    tname = d.flow_type(type_id).name
    if label.casefold() == tname.casefold():
        return amount, ""
    try:
        parsed, _ = parse_amount(label, d.metadata.unit)
    except AmountError:
        parsed = None
    if parsed is not None:
        if amount is None:
            counts.label_amounts += 1
            return parsed, ""
        if parsed == amount:
            return amount, ""
    counts.label_notes += 1
    return amount, label


def _to_diagram(parsed: Parsed, name: str) -> tuple[Diagram, list[str]]:
    d, native = _new_diagram(parsed, name)
    notes = list(parsed.notes)
    problems: list[str] = []
    ids = _Ids(d)
    counts = _Counts()
    node_ids: dict[str, str] = {}
    companies: list[Company] = []
    placed: set[str] = set()
    unmapped_nodes: set[str] = set()
    for raw_id, raw in parsed.nodes:
        v = _fold(raw)
        where = msg("node {id}", id=repr(raw_id))
        if raw_id in node_ids:
            problems.append(msg("{where}: the id is used twice", where=where))
            continue
        try:
            company, has_pos = _company(d, ids, raw_id, v, native, len(companies) + 1, counts)
        except (ValueError, ModelError) as e:
            problems.append(msg("{where}: {problem}", where=where, problem=e))
            continue
        companies.append(company)
        node_ids[raw_id] = company.id
        if has_pos:
            placed.add(company.id)
        unmapped_nodes |= set(v) - set(_COMPANY_NUM) - set(_COMPANY_TEXT) - set(_NAME_ATTRS) - _SILENT_NODE
    flows: list[Flow] = []
    undirected = 0
    unmapped_edges: set[str] = set()
    for edge_id, src, dst, directed, raw in parsed.edges:
        v = _fold(raw)
        where = msg("edge {id} ({source} -> {target})", id=repr(edge_id or len(flows) + 1), source=src,
                    target=dst)
        if src in parsed.groups or dst in parsed.groups:
            counts.group_edges += 1
            continue
        ends = []
        for end in (src, dst):
            if end not in node_ids:
                cid = ids.claim(end, "company", "node")
                companies.append(Company(cid, end if end.strip() else cid))
                node_ids[end] = cid
            ends.append(node_ids[end])
        if not directed:
            undirected += 1
        if "amount" in v or str(v.get("amount_unknown", "")).casefold() == "true":
            amount_attr: str | None = "amount" if "amount" in v else None
        else:
            amount_attr = next((a for a in _AMOUNT_ATTRS if v.get(a) not in (None, "")), None)
        try:
            amount, qualifier = parse_amount(v.get(amount_attr) if amount_attr else None, d.metadata.unit)
            if amount_attr == "amount" and v.get("weight") not in (None, "") and amount is not None \
                    and parse_amount(v["weight"], d.metadata.unit)[0] != amount:
                counts.weight_differs += 1
        except AmountError as e:
            problems.append(msg("{where}, attribute {name}: {problem}",
                                where=where, name=repr(amount_attr), problem=e))
            continue
        native_type = v.get("flow_type", v.get("type"))
        if native and isinstance(native_type, str) and d.has_flow_type(native_type):
            type_id = native_type
        else:
            tname = next((str(v[a]).strip() for a in _TYPE_ATTRS if str(v.get(a) or "").strip()), "")
            if tname:
                t = d.flow_type_by_name(tname)
            elif d.has_flow_type("revenue"):
                t = d.flow_type("revenue")
            else:
                t = d.flow_types()[0]
            if t is None:
                wanted = (v.get("flow_type") or v.get("type")) if v.get("type_name") else None
                t = FlowType(ids.claim(wanted or _slug(tname) or "type", "type", "type"), tname,
                             _color(v.get("type_color"), d.next_color()))
                d.add_flow_type(t)
            type_id = t.id
        amount, label_note = _edge_label(d, v, type_id, amount, native, counts)
        extra = {f: str(v[f]) for f in _FLOW_TEXT[1:] if v.get(f) is not None}
        if extra.get("qualifier", "") == "":
            extra["qualifier"] = qualifier
        if extra.get("status", "") == "":
            extra.pop("status", None)
        desc = next((str(v[a]) for a in _NOTE_ATTRS if str(v.get(a) or "").strip()), "")
        period = ""
        for key, fld in (("gexf_start", "date"), ("gexf_end", "end_date")):
            if v.get(key) and not extra.get(fld):
                as_date = _date_or_none(v[key])
                if as_date is None:
                    period = f"period {v.get('gexf_start', '')}..{v.get('gexf_end', '')}"
                else:
                    extra[fld] = as_date
        if period:
            counts.undated_periods += 1
            extra.pop("date", None) if not v.get("date") else None
            extra.pop("end_date", None) if not v.get("end_date") else None
        if desc or label_note or period:
            extra["note"] = _join(extra.get("note", ""), desc, label_note, period)
        fid = ids.claim(edge_id, f"f{len(flows) + 1}", "edge", prefix="e")
        try:
            flows.append(Flow(fid, ends[0], ends[1], type_id, amount, **extra))
        except ModelError as e:
            problems.append(msg("{where}: {problem}", where=where, problem=e))
            continue
        unmapped_edges |= (set(v) - set(_FLOW_TEXT) - set(_TYPE_ATTRS) - set(_AMOUNT_ATTRS) - _SILENT_EDGE
                           - ({amount_attr} if amount_attr else set()))
    if problems:
        more = len(problems) - _MAX_PROBLEMS
        shown = Joined(problems[:_MAX_PROBLEMS])
        if more > 0:
            raise InputError(msg("{name}: {problems} (and {count} more problem(s))",
                                 name=name, problems=shown, count=more))
        raise InputError(msg("{name}: {problems}", name=name, problems=shown))
    notes += _mapping_notes(parsed, counts, undirected) + ids.notes()
    for attr in sorted(unmapped_nodes):
        notes.append(msg("node attribute {name} not mapped", name=repr(attr)))
    for attr in sorted(unmapped_edges):
        notes.append(msg("edge attribute {name} not mapped", name=repr(attr)))
    d2 = Diagram.build(companies=companies, flows=flows, flow_types=d.flow_types(), categories=d.categories(),
                       metadata=d.metadata)
    unplaced = [c.id for c in companies if c.id not in placed]
    if unplaced:
        d2.move_companies(layout_positions(d2, unplaced))
    return d2, notes


def _mapping_notes(parsed: Parsed, counts: _Counts, undirected: int) -> list[str]:
    notes: list[str] = []
    if undirected:
        notes.append(msg("{count} undirected edge(s) were read as flows from source to target; check "
                         "their direction",
                         count=undirected))
    if parsed.groups:
        names = sorted(set(parsed.groups.values()))
        shown = ", ".join(repr(n) for n in names[:5])
        if len(names) > 5:
            shown = msg("{names} and {count} more", names=shown, count=len(names) - 5)
        if counts.group_in_notes:
            notes.append(msg("{count} group node(s) ({names}) were not read as companies; the companies "
                             "inside them were read, with the group as their category ({already} already "
                             "had a category: the group went to their notes)",
                             count=len(parsed.groups), names=shown, already=counts.group_in_notes))
        else:
            notes.append(msg("{count} group node(s) ({names}) were not read as companies; the companies "
                             "inside them were read, with the group as their category",
                             count=len(parsed.groups), names=shown))
    if counts.group_edges:
        notes.append(msg("{count} edge(s) to or from a group node were left out (a group is not a "
                         "company)",
                         count=counts.group_edges))
    if counts.label_amounts:
        notes.append(msg("{count} edge label(s) were read as the flow's amount",
                         count=counts.label_amounts))
    if counts.label_notes:
        notes.append(msg("{count} edge label(s) were kept as the flow's note",
                         count=counts.label_notes))
    if counts.undated_periods:
        notes.append(msg("{count} flow(s) have a period that is not a date; the period was kept "
                         "in the flow's note",
                         count=counts.undated_periods))
    if counts.weight_differs:
        notes.append(msg("{count} edge(s) have both 'amount' and a different 'weight'; the "
                         "amount was kept",
                         count=counts.weight_differs))
    return notes
