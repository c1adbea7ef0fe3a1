"""GEXF (Gephi): writing every field with Gephi's colours, sizes and positions; reading GEXF 1.1-1.3. No Qt.

Writing: ``weight`` is written only where the amount is known; a flow whose amount
is unknown carries the boolean attribute ``amount_unknown`` instead (a GEXF edge
without ``weight`` means 1.0). The flow type's id travels as ``flow_type`` (an
attribute named ``type`` clashes with GEXF's direction in networkx's writer).

Reading: an edge without ``weight`` has GEXF's default weight 1.0 (noted).
Time-varying weights (``attvalue`` with ``start``/``end``) and edges with several
spells become one dated flow per period. Hierarchies (nested ``<nodes>`` or
``pid``) are walked so every leaf node is read, with its parents' labels as ``group``.
"""
from __future__ import annotations

from typing import Any

from editor.io.errors import InputError
from editor.io.graphxml import Out, Parsed, company_values, flow_values, local, plain, rgb, text_of
from editor.model import Diagram
from editor.model.texts import msg

GEXF_NS = "http://www.gexf.net/1.2draft"
VIZ_NS = "http://www.gexf.net/1.2draft/viz"
DEFAULT_WEIGHT = "1.0"


def _rgb_attrs(color: str) -> str:
    r, g, b = rgb(color)
    return f'r="{r}" g="{g}" b="{b}"'


def _edge_values(d: Diagram, f: Any) -> list[tuple[str, str, Any]]:
    vals = flow_values(d, f, type_key="flow_type")[1:]
    if f.amount is None:
        vals.append(("amount_unknown", "boolean", "true"))
    return vals


def gexf_bytes(d: Diagram) -> tuple[bytes, list[str]]:
    o = Out()
    w = o.parts.append
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w(f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" version="1.2">\n')
    w(f'  <meta><creator>Roundtrip</creator><description>{o.text(d.metadata.title)}</description></meta>\n')
    w('  <graph defaultedgetype="directed" mode="static">\n')
    node_keys: dict[str, str] = {}
    edge_keys: dict[str, str] = {}
    for c in d.companies():
        for name, kind, _ in company_values(d, c)[1:]:
            node_keys.setdefault(name, kind)
    for f in d.flows():
        for name, kind, _ in _edge_values(d, f):
            edge_keys.setdefault(name, kind)
    for scope, keys in (("node", node_keys), ("edge", edge_keys)):
        w(f'    <attributes class="{scope}">\n')
        for name, kind in keys.items():
            w(f'      <attribute id={o.attr(name)} title={o.attr(name)} type="{kind}"/>\n')
        w('    </attributes>\n')
    w('    <nodes>\n')
    for c in d.companies():
        w(f'      <node id={o.attr(c.id)} label={o.attr(c.name)}>\n        <attvalues>\n')
        for name, _, v in company_values(d, c)[1:]:
            w(f'          <attvalue for={o.attr(name)} value={o.attr(v)}/>\n')
        w('        </attvalues>\n')
        w(f'        <viz:color {_rgb_attrs(d.category(c.category).color)}/>\n')
        w(f'        <viz:position x="{plain(c.x)}" y="{plain(-c.y + 0.0)}" z="0"/>\n')
        w(f'        <viz:size value="{plain(c.size if c.size is not None else 10.0)}"/>\n      </node>\n')
    w('    </nodes>\n    <edges>\n')
    for f in d.flows():
        weight = "" if f.amount is None else f' weight="{plain(f.amount)}"'
        w(f'      <edge id={o.attr(f.id)} source={o.attr(f.source)} target={o.attr(f.target)} '
          f'label={o.attr(d.flow_type(f.type).name)}{weight}>\n        <attvalues>\n')
        for name, _, v in _edge_values(d, f):
            w(f'          <attvalue for={o.attr(name)} value={o.attr(v)}/>\n')
        w(f'        </attvalues>\n        <viz:color {_rgb_attrs(d.flow_type(f.type).color)}/>\n'
          f'      </edge>\n')
    w('    </edges>\n  </graph>\n</gexf>\n')
    return "".join(o.parts).encode("utf-8"), o.notes()


# ===================================================================== reading
def _period(start: str | None, end: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if start:
        out["gexf_start"] = start
    if end:
        out["gexf_end"] = end
    return out


def parse_gexf(root: Any, name: str) -> Parsed:
    p = Parsed()
    g = next((c for c in root if local(c.tag) == "graph"), None)
    if g is None:
        raise InputError(msg("{name}: the GEXF file holds no graph", name=name))
    default_type = g.get("defaultedgetype", "undirected")
    titles: dict[tuple[str, str], tuple[str, str | None]] = {}
    for attrs in g.iter():
        if local(attrs.tag) == "attributes":
            for a in attrs:
                if local(a.tag) == "attribute":
                    dflt = next((text_of(c) for c in a if local(c.tag) == "default"), None)
                    key = (attrs.get("class", "node"), a.get("id", ""))
                    titles[key] = (a.get("title") or a.get("id", ""), dflt)
    for meta in root:
        if local(meta.tag) == "meta":
            for c in meta:
                if local(c.tag) in ("title", "description") and "title" not in p.graph:
                    p.graph["title"] = text_of(c)
    collapsed: dict[str, int] = {}

    def values(el: Any, scope: str) -> tuple[dict[str, Any], list[tuple[dict[str, Any], str, str]]]:
        """The element's values, and its time-varying ones as (values, start, end) per period."""
        out = {t: dflt for (cls, _), (t, dflt) in titles.items() if cls == scope and dflt is not None}
        dynamic: dict[tuple[str, str], dict[str, Any]] = {}
        for c in el:
            tag = local(c.tag)
            if tag == "attvalues":
                for av in c:
                    key = av.get("for") or av.get("id") or ""
                    title = titles.get((scope, key), (key, None))[0]
                    start = av.get("start") or av.get("startopen")
                    end = av.get("end") or av.get("endopen")
                    if start or end:
                        dynamic.setdefault((start or "", end or ""), {})[title] = av.get("value", "")
                    else:
                        out[title] = av.get("value", "")
            elif tag == "position" and scope == "node":
                out.setdefault("viz_x", c.get("x"))
                out.setdefault("viz_y", c.get("y"))
            elif tag == "size" and scope == "node":
                out.setdefault("viz_size", c.get("value"))
        periods = [(vals, s, e) for (s, e), vals in sorted(dynamic.items())]
        if scope == "node" and periods:
            for vals, _, _ in periods:  # a company keeps one value per field: the last period's
                for k in vals:
                    collapsed[k] = collapsed.get(k, 0) + 1
                out.update(vals)
            periods = []
        return out, periods

    def walk_nodes(section: Any, groups: list[str]) -> None:
        for n in section:
            if local(n.tag) != "node":
                continue
            vals, _ = values(n, "node")
            if n.get("label") is not None:
                vals.setdefault("label", n.get("label"))
            inner = [c for c in n if local(c.tag) == "nodes"]
            if inner:
                label = str(vals.get("label") or n.get("id", ""))
                p.groups[n.get("id", "")] = label
                for sub in inner:
                    walk_nodes(sub, [*groups, label])
                continue
            if groups:
                vals["group"] = " / ".join(groups)
            if n.get("pid"):
                vals["gexf_pid"] = n.get("pid")
            p.nodes.append((n.get("id", ""), vals))

    defaulted = 0
    for section in g:
        tag = local(section.tag)
        if tag == "nodes":
            walk_nodes(section, [])
        elif tag == "edges":
            for e in section:
                if local(e.tag) != "edge":
                    continue
                vals, periods = values(e, "edge")
                if e.get("label") is not None:
                    vals.setdefault("edge_label", e.get("label"))
                if e.get("weight") is not None:
                    vals.setdefault("weight", e.get("weight"))
                elif not ({k.casefold() for k in vals} | {k.casefold() for pv, _, _ in periods for k in pv}) \
                        & {"amount", "amount_unknown", "weight"}:
                    vals["weight"] = DEFAULT_WEIGHT
                    defaulted += 1
                spells = [(s.get("start") or s.get("startopen"), s.get("end") or s.get("endopen"))
                          for sp in e if local(sp.tag) == "spells" for s in sp if local(s.tag) == "spell"]
                if not spells and (e.get("start") or e.get("end")):
                    spells = [(e.get("start"), e.get("end"))]
                kind = e.get("type", default_type)
                eid, src, dst = e.get("id"), e.get("source", ""), e.get("target", "")
                if periods:
                    for i, (pv, s, en) in enumerate(periods, 1):
                        p.edges.append((f"{eid}@{i}" if eid else None, src, dst, kind == "directed",
                                        {**vals, **pv, **_period(s, en)}))
                elif len(spells) > 1:
                    for i, (s, en) in enumerate(spells, 1):
                        p.edges.append((f"{eid}@{i}" if eid else None, src, dst, kind == "directed",
                                        {**vals, **_period(s, en)}))
                else:
                    extra = _period(*spells[0]) if spells else {}
                    p.edges.append((eid, src, dst, kind == "directed", {**vals, **extra}))
    if defaulted:
        p.notes.append(msg("{count} edge(s) had no weight; read as 1.0, GEXF's default weight",
                           count=defaulted))
    for k, n in sorted(collapsed.items()):
        p.notes.append(msg("node attribute {name} changes over time ({count} dated value(s)); each "
                           "company kept its last value",
                           name=repr(k), count=n))
    # flat hierarchies: a node named as another's pid is a group, not a company
    parents = {v["gexf_pid"] for _, v in p.nodes if v.get("gexf_pid")}
    if parents:
        labels = {nid: str(v.get("label") or nid) for nid, v in p.nodes}
        kept = []
        for nid, v in p.nodes:
            if nid in parents:
                p.groups[nid] = labels[nid]
                continue
            chain: list[str] = []
            seen: set[str] = set()
            pid = v.pop("gexf_pid", None)
            while pid and pid not in seen:
                seen.add(pid)
                chain.insert(0, labels.get(pid, pid))
                pid = next((pv.get("gexf_pid") for i, pv in p.nodes if i == pid), None)
            if chain:
                v.setdefault("group", " / ".join(chain))
            kept.append((nid, v))
        p.nodes = kept
    return p
