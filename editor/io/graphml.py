"""GraphML: writing every field (optionally with yEd's graphics), reading GraphML from any tool. No Qt.

Writing: companies are nodes (every company field is a node attribute, plus a
``label``), flows are edges (every flow field, the flow type's name and colour, and
``weight`` equal to the amount where it is known, so igraph, Gephi and networkx see
a weighted graph). The document metadata and both catalogues travel as graph
attributes, so native -> GraphML -> native loses nothing. With ``yed=True`` the
file also carries yEd's graphics extension: node geometry at the diagram's
positions, fill colours by category, labels, edge colours by type and amount labels.

Reading: ``<key>`` elements are accepted anywhere; yEd groups and nested graphs are
walked so that every leaf node is read with its label and the labels of the groups
around it (``group``); yEd node and edge labels, ``<desc>`` and yEd ``description``
data are kept.
"""
from __future__ import annotations

from typing import Any

from editor.io.graphxml import (
    MARKER,
    Out,
    Parsed,
    company_values,
    document_json,
    flow_values,
    local,
    plain,
    text_of,
)
from editor.model import Diagram
from editor.model.texts import msg

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YED_NS = "http://www.yworks.com/xml/graphml"
_YED_NODE_HEIGHT = 30.0


def _node_width(name: str, size: float | None) -> float:
    return max(float(size or 0.0) * 2, 60.0, 7.0 * len(name) + 20.0)


def _yed_node(o: Out, d: Diagram, cid: str) -> str:
    c = d.company(cid)
    w, h = _node_width(c.name, c.size), _YED_NODE_HEIGHT
    fill = d.category(c.category).color
    return (f'      <data key="n_yed"><y:ShapeNode><y:Geometry height="{plain(h)}" width="{plain(w)}" '
            f'x="{plain(c.x - w / 2)}" y="{plain(c.y - h / 2)}"/><y:Fill color="{fill}" transparent="false"/>'
            f'<y:BorderStyle color="#333333" type="line" width="1.0"/>'
            f'<y:NodeLabel>{o.text(c.name)}</y:NodeLabel><y:Shape type="roundrectangle"/>'
            f'</y:ShapeNode></data>\n')


def _yed_edge(o: Out, d: Diagram, fid: str) -> str:
    f = d.flow(fid)
    t = d.flow_type(f.type)
    label = t.name + ("" if f.amount is None else f" {plain(f.amount)}")
    return (f'      <data key="e_yed"><y:PolyLineEdge>'
            f'<y:LineStyle color="{t.color}" type="line" width="2.0"/>'
            f'<y:Arrows source="none" target="standard"/><y:EdgeLabel>{o.text(label)}</y:EdgeLabel>'
            f'</y:PolyLineEdge></data>\n')


def graphml_bytes(d: Diagram, *, yed: bool = False) -> tuple[bytes, list[str]]:
    """The diagram as GraphML; ``yed`` adds yEd's graphics so yEd shows the diagram as drawn."""
    o = Out()
    w = o.parts.append
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    yns = f' xmlns:y="{YED_NS}"' if yed else ""
    w(f'<graphml xmlns="{GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"{yns} '
      f'xsi:schemaLocation="{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd">\n')
    graph_vals = [(name, "string", value) for name, value in _metadata(d)]
    graph_vals.append((MARKER, "string", document_json(d)))
    node_keys: dict[str, str] = {}
    edge_keys: dict[str, str] = {}
    for c in d.companies():
        for name, kind, _ in company_values(d, c):
            node_keys.setdefault(name, kind)
    for f in d.flows():
        for name, kind, _ in _edge_values(d, f):
            edge_keys.setdefault(name, kind)
    for prefix, scope, keys in (("g", "graph", {n: k for n, k, _ in graph_vals}), ("n", "node", node_keys),
                                ("e", "edge", edge_keys)):
        for name, kind in keys.items():
            w(f'  <key id={o.attr(prefix + "_" + name)} for="{scope}" attr.name={o.attr(name)} '
              f'attr.type="{kind}"/>\n')
    if yed:
        w('  <key id="n_yed" for="node" yfiles.type="nodegraphics"/>\n')
        w('  <key id="e_yed" for="edge" yfiles.type="edgegraphics"/>\n')
    w('  <graph id="G" edgedefault="directed">\n')
    for name, _, v in graph_vals:
        w(f'    <data key={o.attr("g_" + name)}>{o.text(plain(v))}</data>\n')
    for c in d.companies():
        w(f'    <node id={o.attr(c.id)}>\n')
        for name, _, v in company_values(d, c):
            w(f'      <data key={o.attr("n_" + name)}>{o.text(plain(v))}</data>\n')
        if yed:
            w(_yed_node(o, d, c.id))
        w('    </node>\n')
    for f in d.flows():
        w(f'    <edge id={o.attr(f.id)} source={o.attr(f.source)} target={o.attr(f.target)}>\n')
        for name, _, v in _edge_values(d, f):
            w(f'      <data key={o.attr("e_" + name)}>{o.text(plain(v))}</data>\n')
        if yed:
            w(_yed_edge(o, d, f.id))
        w('    </edge>\n')
    w('  </graph>\n</graphml>\n')
    return "".join(o.parts).encode("utf-8"), o.notes()


def _metadata(d: Diagram) -> list[tuple[str, str]]:
    from dataclasses import fields

    return [(f.name, getattr(d.metadata, f.name)) for f in fields(d.metadata)]


def _edge_values(d: Diagram, f: Any) -> list[tuple[str, str, Any]]:
    vals = flow_values(d, f)
    if f.amount is not None:
        vals.append(("weight", "double", f.amount))
    return vals


# ===================================================================== reading
def _yfiles(data: Any) -> dict[str, Any]:
    """Label, centre and (for groups) the folder state from yEd's graphics, when present."""
    out: dict[str, Any] = {}
    for el in data.iter():
        tag = local(el.tag)
        if tag == "Geometry" and "yed_x" not in out:
            try:
                out["yed_x"] = float(el.get("x", "0")) + float(el.get("width", "0")) / 2
                out["yed_y"] = float(el.get("y", "0")) + float(el.get("height", "0")) / 2
            except ValueError:
                pass
        elif tag in ("NodeLabel", "EdgeLabel") and "yed_label" not in out and text_of(el).strip():
            out["yed_label"] = text_of(el).strip()
    return out


def parse_graphml(root: Any, name: str) -> Parsed:
    from editor.io.errors import InputError

    p = Parsed()
    keys: dict[str, tuple[str, str, str | None]] = {}
    for k in root.iter():  # keys may also be declared inside <graph>
        if local(k.tag) == "key":
            default = next((text_of(c) for c in k if local(c.tag) == "default"), None)
            keys[k.get("id", "")] = (k.get("for", "all"), k.get("attr.name") or k.get("id", ""), default)
    graphs = [g for g in root if local(g.tag) == "graph"]
    if not graphs:
        raise InputError(msg("{name}: the GraphML file holds no graph", name=name))
    if len(graphs) > 1:
        p.notes.append(msg("the file holds {count} graphs; only the first was read", count=len(graphs)))
    g = graphs[0]
    directed_default = g.get("edgedefault", "directed") == "directed"

    def values(el: Any, scope: str) -> dict[str, Any]:
        out = {n: dflt for (f, n, dflt) in keys.values() if f in (scope, "all") and dflt is not None}
        for data in el:
            tag = local(data.tag)
            if tag == "desc" and text_of(data).strip():
                out["desc"] = text_of(data).strip()
            if tag != "data":
                continue
            key = keys.get(data.get("key", ""))
            attr = key[1] if key else data.get("key", "")
            if len(data):
                out.update(_yfiles(data))
            else:
                out[attr] = text_of(data)
        return out

    p.graph = {k: v for k, v in values(g, "graph").items() if isinstance(v, str)}
    if "desc" in p.graph:
        p.graph.setdefault("description", p.graph.pop("desc"))
    hyper = [0]

    def walk(graph: Any, groups: list[str]) -> None:
        for el in graph:
            tag = local(el.tag)
            if tag == "node":
                vals = values(el, "node")
                inner = [c for c in el if local(c.tag) == "graph"]
                label = str(vals.get("label") or vals.get("name") or vals.get("yed_label")
                            or el.get("id", ""))
                if inner:
                    p.groups[el.get("id", "")] = label
                    for sub in inner:
                        walk(sub, [*groups, label])
                    continue
                if groups:
                    vals["group"] = " / ".join(groups)
                p.nodes.append((el.get("id", ""), vals))
            elif tag == "edge":
                d = el.get("directed")
                directed = directed_default if d is None else d == "true"
                vals = values(el, "edge")
                if "label" in vals and MARKER not in p.graph:
                    vals["edge_label"] = vals.pop("label")
                if "yed_label" in vals:
                    vals.setdefault("edge_label", vals.pop("yed_label"))
                p.edges.append((el.get("id"), el.get("source", ""), el.get("target", ""), directed, vals))
            elif tag == "hyperedge":
                hyper[0] += 1

    walk(g, [])
    if hyper[0]:
        p.notes.append(msg("ignored {count} hyperedge(s)", count=hyper[0]))
    return p
