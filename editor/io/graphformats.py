"""GraphML and GEXF: writing every field, reading files from other tools. No Qt.

Writing: companies are nodes (every company field is a node attribute, plus a
``label`` for yEd), flows are edges (every flow field, plus the flow type's name
and colour). GraphML also carries the document metadata and both catalogues as
graph attributes, so native -> GraphML -> native loses nothing. GEXF adds
``viz`` colours, sizes and positions so Gephi shows the same picture.

Reading: XML is parsed with defusedxml (DTDs, entities and external references
are refused), then mapped to a diagram: node ``label``/``name`` -> company name,
edge ``amount``/``weight``/``value`` -> amount, ``type``/``kind`` -> flow type
(by name, new types created), known company and flow fields by name. What
cannot be mapped is returned as notes (``edge attribute 'foo' not mapped``).
"""
from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from editor.io.atomic import write_atomic
from editor.io.errors import InputError
from editor.io.fields import COMPANY_DETAILS, COMPANY_NUMBERS, COMPANY_TEXTS, FLOW_TEXTS
from editor.io.safe_read import read_limited
from editor.model import Category, Company, Diagram, Flow, FlowType, Metadata, ModelError
from editor.model.amounts import AmountError, format_amount, parse_amount
from editor.model.layout import layout_positions

MAX_GRAPH_FILE_SIZE = 64 * 1024 * 1024
MAX_XML_DEPTH = 100
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://www.gexf.net/1.2draft"
VIZ_NS = "http://www.gexf.net/1.2draft/viz"
MARKER = "roundtrip_document"  # graph attribute holding metadata and catalogues as JSON

_COMPANY_NUM = COMPANY_NUMBERS   # valuation, revenue, profit, x, y, size
_COMPANY_TEXT = COMPANY_TEXTS    # category first, then the dates, periods and notes
_FLOW_TEXT = FLOW_TEXTS          # type first, then qualifier, unit, dates, status, url, note
_XML_ILLEGAL = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# ===================================================================== writing
class _Out:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.dropped = 0

    def clean(self, text: str) -> str:
        if _XML_ILLEGAL.search(text):
            self.dropped += 1
            text = _XML_ILLEGAL.sub("", text)
        return text

    def text(self, value: str) -> str:
        return (self.clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", "&#13;"))

    def attr(self, value: Any) -> str:
        return ('"' + self.text(_plain(value)).replace('"', "&quot;").replace("\n", "&#10;")
                .replace("\t", "&#9;") + '"')

    def notes(self) -> list[str]:
        if not self.dropped:
            return []
        return [f"{self.dropped} text value(s) held control characters that XML cannot store; "
                "they were dropped"]


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return format_amount(value)
    return str(value)


def _company_values(d: Diagram, c: Company) -> list[tuple[str, str, Any]]:
    cat = d.category(c.category)
    vals = [("label", "string", c.name), ("category", "string", c.category),
            ("category_name", "string", cat.name), ("category_color", "string", cat.color)]
    for name in COMPANY_DETAILS:
        v = getattr(c, name)
        if v is not None:
            vals.append((name, "double" if name in _COMPANY_NUM else "string", v))
    return vals


def _flow_values(d: Diagram, f: Flow) -> list[tuple[str, str, Any]]:
    t = d.flow_type(f.type)
    label = t.name + ("" if f.amount is None else f" {_plain(f.amount)}")
    vals: list[tuple[str, str, Any]] = [
        ("label", "string", label), ("type", "string", f.type), ("type_name", "string", t.name),
        ("type_color", "string", t.color)]
    if f.amount is not None:
        vals.append(("amount", "double", f.amount))
    vals += [(n, "string", getattr(f, n)) for n in _FLOW_TEXT[1:]]
    return vals


def _document_json(d: Diagram) -> str:
    return json.dumps({"metadata": {f.name: getattr(d.metadata, f.name) for f in fields(d.metadata)},
                       "flow_types": [t.to_dict() for t in d.flow_types()],
                       "categories": [c.to_dict() for c in d.categories()],
                       "company_order": [c.id for c in d.companies()]}, ensure_ascii=False)


def graphml_bytes(d: Diagram) -> tuple[bytes, list[str]]:
    o = _Out()
    w = o.parts.append
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w(f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      f'xsi:schemaLocation="{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd">\n')
    graph_vals = [(f.name, "string", getattr(d.metadata, f.name)) for f in fields(d.metadata)]
    graph_vals.append((MARKER, "string", _document_json(d)))
    node_keys: dict[str, str] = {}
    edge_keys: dict[str, str] = {}
    for c in d.companies():
        for name, kind, _ in _company_values(d, c):
            node_keys.setdefault(name, kind)
    for f in d.flows():
        for name, kind, _ in _flow_values(d, f):
            edge_keys.setdefault(name, kind)
    for prefix, scope, keys in (("g", "graph", {n: k for n, k, _ in graph_vals}), ("n", "node", node_keys),
                                ("e", "edge", edge_keys)):
        for name, kind in keys.items():
            w(f'  <key id={o.attr(prefix + "_" + name)} for="{scope}" attr.name={o.attr(name)} '
              f'attr.type="{kind}"/>\n')
    w('  <graph id="G" edgedefault="directed">\n')
    for name, _, v in graph_vals:
        w(f'    <data key={o.attr("g_" + name)}>{o.text(_plain(v))}</data>\n')
    for c in d.companies():
        w(f'    <node id={o.attr(c.id)}>\n')
        for name, _, v in _company_values(d, c):
            w(f'      <data key={o.attr("n_" + name)}>{o.text(_plain(v))}</data>\n')
        w('    </node>\n')
    for f in d.flows():
        w(f'    <edge id={o.attr(f.id)} source={o.attr(f.source)} target={o.attr(f.target)}>\n')
        for name, _, v in _flow_values(d, f):
            w(f'      <data key={o.attr("e_" + name)}>{o.text(_plain(v))}</data>\n')
        w('    </edge>\n')
    w('  </graph>\n</graphml>\n')
    return "".join(o.parts).encode("utf-8"), o.notes()


def _rgb(color: str) -> str:
    return f'r="{int(color[1:3], 16)}" g="{int(color[3:5], 16)}" b="{int(color[5:7], 16)}"'


def gexf_bytes(d: Diagram) -> tuple[bytes, list[str]]:
    o = _Out()
    w = o.parts.append
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w(f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" version="1.2">\n')
    w(f'  <meta><creator>Roundtrip</creator><description>{o.text(d.metadata.title)}</description></meta>\n')
    w('  <graph defaultedgetype="directed" mode="static">\n')
    node_keys: dict[str, str] = {}
    edge_keys: dict[str, str] = {}
    for c in d.companies():
        for name, kind, _ in _company_values(d, c)[1:]:
            node_keys.setdefault(name, kind)
    for f in d.flows():
        for name, kind, _ in _flow_values(d, f)[1:]:
            edge_keys.setdefault(name, kind)
    for scope, keys in (("node", node_keys), ("edge", edge_keys)):
        w(f'    <attributes class="{scope}">\n')
        for name, kind in keys.items():
            w(f'      <attribute id={o.attr(name)} title={o.attr(name)} type="{kind}"/>\n')
        w('    </attributes>\n')
    w('    <nodes>\n')
    for c in d.companies():
        w(f'      <node id={o.attr(c.id)} label={o.attr(c.name)}>\n        <attvalues>\n')
        for name, _, v in _company_values(d, c)[1:]:
            w(f'          <attvalue for={o.attr(name)} value={o.attr(v)}/>\n')
        w('        </attvalues>\n')
        w(f'        <viz:color {_rgb(d.category(c.category).color)}/>\n')
        w(f'        <viz:position x="{_plain(c.x)}" y="{_plain(-c.y + 0.0)}" z="0"/>\n')
        w(f'        <viz:size value="{_plain(c.size if c.size is not None else 10.0)}"/>\n      </node>\n')
    w('    </nodes>\n    <edges>\n')
    for f in d.flows():
        weight = "" if f.amount is None else f' weight="{_plain(f.amount)}"'
        w(f'      <edge id={o.attr(f.id)} source={o.attr(f.source)} target={o.attr(f.target)} '
          f'label={o.attr(d.flow_type(f.type).name)}{weight}>\n        <attvalues>\n')
        for name, _, v in _flow_values(d, f)[1:]:
            w(f'          <attvalue for={o.attr(name)} value={o.attr(v)}/>\n')
        w(f'        </attvalues>\n        <viz:color {_rgb(d.flow_type(f.type).color)}/>\n      </edge>\n')
    w('    </edges>\n  </graph>\n</gexf>\n')
    return "".join(o.parts).encode("utf-8"), o.notes()


def save_graph(d: Diagram, path: str | os.PathLike) -> list[str]:
    """Write GraphML or GEXF by extension (atomically); returns notes."""
    suffix = Path(path).suffix.lower()
    data, notes = (gexf_bytes if suffix == ".gexf" else graphml_bytes)(d)
    write_atomic(path, data)
    return notes


# ===================================================================== reading
@dataclass
class _Parsed:
    graph: dict[str, str] = field(default_factory=dict)
    nodes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    edges: list[tuple[str | None, str, str, bool, dict[str, Any]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse_xml(data: bytes, name: str) -> Any:
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    try:
        root = DET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as e:
        raise InputError(f"{name}: refused: the file uses XML features (DTDs, entities or external "
                         f"references) that a graph file does not need ({type(e).__name__})") from None
    except ParseError as e:
        line, col = getattr(e, "position", (0, 0))
        reason = str(e).split(":")[0]
        raise InputError(f"{name}: line {line}, column {col + 1}: not valid XML ({reason})") from None
    except RecursionError:
        raise InputError(f"{name}: the XML is nested too deeply") from None
    except (LookupError, ValueError, UnicodeError) as e:  # e.g. an unknown encoding in the declaration
        raise InputError(f"{name}: not readable XML ({e})") from None
    stack = [(root, 0)]
    while stack:
        el, depth = stack.pop()
        if depth > MAX_XML_DEPTH:
            raise InputError(f"{name}: the XML is nested too deeply (more than {MAX_XML_DEPTH} levels); "
                             f"this is not a graph file Roundtrip can read")
        stack.extend((child, depth + 1) for child in el)
    return root


def _parse_graphml(root: Any, name: str) -> _Parsed:
    p = _Parsed()
    keys: dict[str, tuple[str, str, str | None]] = {}
    for k in root:
        if _local(k.tag) == "key":
            default = next((_text_of(c) for c in k if _local(c.tag) == "default"), None)
            keys[k.get("id", "")] = (k.get("for", "all"), k.get("attr.name") or k.get("id", ""), default)
    graphs = [g for g in root if _local(g.tag) == "graph"]
    if not graphs:
        raise InputError(f"{name}: the GraphML file holds no graph")
    if len(graphs) > 1:
        p.notes.append(f"the file holds {len(graphs)} graphs; only the first was read")
    g = graphs[0]
    directed_default = g.get("edgedefault", "directed") == "directed"

    def values(el: Any, scope: str) -> dict[str, Any]:
        out = {n: dflt for (f, n, dflt) in keys.values() if f in (scope, "all") and dflt is not None}
        for data in el:
            if _local(data.tag) != "data":
                continue
            key = keys.get(data.get("key", ""))
            attr = key[1] if key else data.get("key", "")
            if len(data):
                out.update(_yfiles(data))
            else:
                out[attr] = _text_of(data)
        return out

    p.graph = {k: v for k, v in values(g, "graph").items() if isinstance(v, str)}
    nested = hyper = 0
    for el in g:
        tag = _local(el.tag)
        if tag == "node":
            if any(_local(c.tag) == "graph" for c in el):
                nested += 1
            p.nodes.append((el.get("id", ""), values(el, "node")))
        elif tag == "edge":
            d = el.get("directed")
            directed = directed_default if d is None else d == "true"
            p.edges.append((el.get("id"), el.get("source", ""), el.get("target", ""), directed,
                            values(el, "edge")))
        elif tag == "hyperedge":
            hyper += 1
    if nested:
        p.notes.append(f"ignored the nested graphs inside {nested} node(s)")
    if hyper:
        p.notes.append(f"ignored {hyper} hyperedge(s)")
    return p


def _text_of(el: Any) -> str:
    return "".join(el.itertext())


def _yfiles(data: Any) -> dict[str, Any]:
    """Label and position from yEd's nodegraphics, when present."""
    out: dict[str, Any] = {}
    for el in data.iter():
        tag = _local(el.tag)
        if tag == "Geometry" and "x" not in out:
            out["x"], out["y"] = el.get("x"), el.get("y")
        elif tag in ("NodeLabel", "EdgeLabel") and "label" not in out and _text_of(el).strip():
            out["label"] = _text_of(el).strip()
    return out


def _parse_gexf(root: Any, name: str) -> _Parsed:
    p = _Parsed()
    g = next((c for c in root if _local(c.tag) == "graph"), None)
    if g is None:
        raise InputError(f"{name}: the GEXF file holds no graph")
    default_type = g.get("defaultedgetype", "undirected")
    titles: dict[tuple[str, str], tuple[str, str | None]] = {}
    for attrs in g.iter():
        if _local(attrs.tag) == "attributes":
            for a in attrs:
                if _local(a.tag) == "attribute":
                    dflt = next((_text_of(c) for c in a if _local(c.tag) == "default"), None)
                    key = (attrs.get("class", "node"), a.get("id", ""))
                    titles[key] = (a.get("title") or a.get("id", ""), dflt)
    for meta in root:
        if _local(meta.tag) == "meta":
            for c in meta:
                if _local(c.tag) in ("title", "description") and "title" not in p.graph:
                    p.graph["title"] = _text_of(c)

    def values(el: Any, scope: str) -> dict[str, Any]:
        out = {t: dflt for (cls, _), (t, dflt) in titles.items() if cls == scope and dflt is not None}
        for c in el:
            tag = _local(c.tag)
            if tag == "attvalues":
                for av in c:
                    key = av.get("for") or av.get("id") or ""
                    out[titles.get((scope, key), (key, None))[0]] = av.get("value", "")
            elif tag == "position" and scope == "node":
                out.setdefault("viz_x", c.get("x"))
                out.setdefault("viz_y", c.get("y"))
            elif tag == "size" and scope == "node":
                out.setdefault("viz_size", c.get("value"))
        return out

    nested = 0
    for section in g:
        tag = _local(section.tag)
        if tag == "nodes":
            for n in section:
                if _local(n.tag) != "node":
                    continue
                if any(_local(c.tag) == "nodes" for c in n):
                    nested += 1
                vals = values(n, "node")
                if n.get("label") is not None:
                    vals.setdefault("label", n.get("label"))
                p.nodes.append((n.get("id", ""), vals))
        elif tag == "edges":
            for e in section:
                if _local(e.tag) != "edge":
                    continue
                vals = values(e, "edge")
                if e.get("weight") is not None:
                    vals.setdefault("weight", e.get("weight"))
                if e.get("label") is not None:
                    vals.setdefault("edge_label", e.get("label"))
                kind = e.get("type", default_type)
                p.edges.append((e.get("id"), e.get("source", ""), e.get("target", ""),
                                kind == "directed", vals))
    if nested:
        p.notes.append(f"ignored the sub-nodes of {nested} node(s) (hierarchical GEXF)")
    return p


def load_graph(path: str | os.PathLike) -> tuple[Diagram, list[str]]:
    """Read GraphML or GEXF; returns (diagram, notes of what could not be mapped)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    if size > MAX_GRAPH_FILE_SIZE:
        raise InputError(f"{p.name}: the file is {size / 1e6:.0f} MB; Roundtrip reads graph files up to "
                         f"{MAX_GRAPH_FILE_SIZE // (1024 * 1024)} MB")
    return loads_graph(read_limited(p, MAX_GRAPH_FILE_SIZE, "reads graph files"), p.name)


def loads_graph(data: bytes, name: str = "graph") -> tuple[Diagram, list[str]]:
    root = _parse_xml(data, name)
    kind = _local(root.tag)
    if kind == "graphml":
        parsed = _parse_graphml(root, name)
    elif kind == "gexf":
        parsed = _parse_gexf(root, name)
    else:
        raise InputError(f"{name}: this is not GraphML or GEXF (the document starts with <{kind}>)")
    return _to_diagram(parsed, name)


# ===================================================================== mapping
_NAME_ATTRS = ("label", "name", "title")
_TYPE_ATTRS = ("type_name", "type", "kind", "flow_type")
_AMOUNT_ATTRS = ("amount", "weight", "value")
_SILENT_NODE = {"category_name", "category_color", "viz_x", "viz_y", "viz_size", "id"}
_SILENT_EDGE = {"type_color", "label", "id", "networkx_key"}
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
        raise ValueError(f"cannot read {value!r} as a number") from None
    if not math.isfinite(v):
        raise ValueError(f"{value!r} is not a finite number")
    return v


class _Ids:
    def __init__(self, d: Diagram) -> None:
        self.taken = {t.id for t in d.flow_types()} | {c.id for c in d.categories()}

    def claim(self, wanted: str | None, fallback: str) -> str:
        base = (wanted or "").strip() and wanted or fallback
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}_{n}"
        self.taken.add(candidate)
        return candidate


def _new_diagram(parsed: _Parsed, name: str) -> tuple[Diagram, bool]:
    doc = parsed.graph.get(MARKER)
    if doc:
        try:
            data = json.loads(doc)
            return Diagram(flow_types=[FlowType(**t) for t in data["flow_types"]],
                           categories=[Category(**c) for c in data["categories"]],
                           metadata=Metadata(**data["metadata"])), True
        except (ValueError, KeyError, TypeError, ModelError) as e:
            raise InputError(f"{name}: the Roundtrip document attribute is damaged ({e})") from None
    meta = {f.name: parsed.graph[f.name] for f in fields(Metadata)
            if isinstance(parsed.graph.get(f.name), str) and f.name != "unit"}
    unit = parsed.graph.get("unit")
    if isinstance(unit, str) and unit.strip():
        meta["unit"] = unit
    return Diagram(metadata=Metadata(**meta)), False


def _to_diagram(parsed: _Parsed, name: str) -> tuple[Diagram, list[str]]:
    d, native = _new_diagram(parsed, name)
    notes = list(parsed.notes)
    problems: list[str] = []
    ids = _Ids(d)
    node_ids: dict[str, str] = {}
    companies: list[Company] = []
    placed: set[str] = set()
    unmapped_nodes: set[str] = set()
    for raw_id, raw in parsed.nodes:
        v = _fold(raw)
        where = f"node {raw_id!r}"
        if raw_id in node_ids:
            problems.append(f"{where}: the id is used twice")
            continue
        cname = next((str(v[a]) for a in _NAME_ATTRS if isinstance(v.get(a), str) and v[a].strip()), raw_id)
        if not cname.strip():
            cname = f"company {len(companies) + 1}"
        cat_name = v.get("category_name") or v.get("category")
        cat_id = "other" if d.has_category("other") else d.categories()[0].id
        if native and isinstance(v.get("category"), str) and d.has_category(v["category"]):
            cat_id = v["category"]
        elif isinstance(cat_name, str) and cat_name.strip():
            found = d.category_by_name(cat_name)
            if found is None:
                wanted = v.get("category") if v.get("category_name") else None
                found = Category(ids.claim(wanted or _slug(cat_name), "category"),
                                 cat_name.strip(), _color(v.get("category_color"), d.next_color()))
                d.add_category(found)
            cat_id = found.id
        fields_: dict[str, Any] = {}
        try:
            for f in _COMPANY_NUM:
                fields_[f] = _num(v.get(f))
            if fields_["x"] is None and v.get("viz_x") is not None:
                fields_["x"] = _num(v["viz_x"])
                fields_["y"] = None if v.get("viz_y") is None else -_num(v["viz_y"])  # type: ignore[operator]
        except ValueError as e:
            problems.append(f"{where}: {e}")
            continue
        for f in _COMPANY_TEXT[1:]:
            if v.get(f) is not None:
                fields_[f] = str(v[f])
        has_pos = fields_["x"] is not None and fields_["y"] is not None
        fields_["x"] = fields_["x"] or 0.0
        fields_["y"] = fields_["y"] or 0.0
        cid = ids.claim(raw_id, "company")
        try:
            companies.append(Company(cid, cname, cat_id, **fields_))
        except ModelError as e:
            problems.append(f"{where}: {e}")
            continue
        node_ids[raw_id] = cid
        if has_pos:
            placed.add(cid)
        unmapped_nodes |= set(v) - set(_COMPANY_NUM) - set(_COMPANY_TEXT) - set(_NAME_ATTRS) - _SILENT_NODE
    flows: list[Flow] = []
    undirected = 0
    unmapped_edges: set[str] = set()
    for edge_id, src, dst, directed, raw in parsed.edges:
        v = _fold(raw)
        where = f"edge {edge_id or len(flows) + 1!r} ({src} -> {dst})"
        ends = []
        for end in (src, dst):
            if end not in node_ids:
                cid = ids.claim(end, "company")
                companies.append(Company(cid, end if end.strip() else cid))
                node_ids[end] = cid
            ends.append(node_ids[end])
        if not directed:
            undirected += 1
        amount_attr = next((a for a in _AMOUNT_ATTRS if v.get(a) not in (None, "")), None)
        try:
            amount, qualifier = parse_amount(v.get(amount_attr) if amount_attr else None, d.metadata.unit)
        except AmountError as e:
            problems.append(f"{where}, attribute {amount_attr!r}: {e}")
            continue
        type_id = None
        if native and isinstance(v.get("type"), str) and d.has_flow_type(v["type"]):
            type_id = v["type"]
        else:
            tname = next((str(v[a]).strip() for a in _TYPE_ATTRS if str(v.get(a) or "").strip()), "")
            if tname:
                t = d.flow_type_by_name(tname)
            elif d.has_flow_type("revenue"):
                t = d.flow_type("revenue")
            else:
                t = d.flow_types()[0]
            if t is None:
                wanted = v.get("type") if v.get("type_name") else None
                t = FlowType(ids.claim(wanted or _slug(tname), "type"), tname,
                             _color(v.get("type_color"), d.next_color()))
                d.add_flow_type(t)
            type_id = t.id
        extra = {f: str(v[f]) for f in _FLOW_TEXT[1:] if v.get(f) is not None}
        if extra.get("qualifier", "") == "":
            extra["qualifier"] = qualifier
        if extra.get("status", "") == "":
            extra.pop("status", None)
        fid = ids.claim(edge_id, f"f{len(flows) + 1}")
        try:
            flows.append(Flow(fid, ends[0], ends[1], type_id, amount, **extra))
        except ModelError as e:
            problems.append(f"{where}: {e}")
            continue
        if "type_name" in v:
            v.pop("edge_label", None)
        unmapped_edges |= (set(v) - set(_FLOW_TEXT) - set(_TYPE_ATTRS) - set(_AMOUNT_ATTRS) - _SILENT_EDGE
                           - ({amount_attr} if amount_attr else set()))
        if amount_attr and amount_attr != "amount" and "amount" in v:
            unmapped_edges.add(amount_attr)
    if problems:
        more = len(problems) - _MAX_PROBLEMS
        raise InputError(f"{name}: " + "; ".join(problems[:_MAX_PROBLEMS])
                         + (f" (and {more} more problem(s))" if more > 0 else ""))
    if undirected:
        notes.append(f"{undirected} undirected edge(s) were read as flows from source to target; "
                     f"check their direction")
    for attr in sorted(unmapped_nodes):
        notes.append(f"node attribute {attr!r} not mapped")
    for attr in sorted(unmapped_edges - {"edge_label"}):
        notes.append(f"edge attribute {attr!r} not mapped")
    if "edge_label" in unmapped_edges:
        notes.append("edge labels not mapped (flow labels come from their type and amount)")
    d2 = Diagram.build(companies=companies, flows=flows, flow_types=d.flow_types(), categories=d.categories(),
                       metadata=d.metadata)
    unplaced = [c.id for c in companies if c.id not in placed]
    if unplaced:
        d2.move_companies(layout_positions(d2, unplaced))
    return d2, notes
