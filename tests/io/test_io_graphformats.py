import io

import igraph
import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

from editor.io.errors import InputError
from editor.io.graphformats import gexf_bytes, graphml_bytes, load_graph, loads_graph, save_graph
from editor.model import Category, Company, Diagram, Flow, FlowType
from tests.conftest import long_mode
from tests.helpers import seed_diagram
from tests.io.test_io_tables import xml_safe
from tests.strategies import diagrams

EXAMPLES = 300 if long_mode() else 30


def rich_diagram() -> Diagram:
    d = seed_diagram()
    d.set_metadata(title="AI <money> & loops", subtitle="2025", unit="USD bn", description="a\r\nb",
                   sources_note="see 'sources'")
    d.add_flow_type(FlowType("loan", "Loan", "#123456"))
    d.add_flow_type(FlowType("unused", "Unused type", "#abcdef"))
    d.add_category(Category("bank", "Bank", "#654321"))
    d.add_company(Company("jpm", 'J.P. "Morgan"', "bank", valuation=1e-7, profit=-3.25, notes="\ttab\n",
                          x=-12.5, y=1e6, size=33.3, valuation_date="2025-01", revenue_period="FY2024",
                          profit_period="FY2024"))
    d.add_flow(Flow("f9", "jpm", "openai", "loan", 4.1, qualifier="estimated", unit="USD m",
                    date="2025-02-03", end_date="2026", status="committed",
                    url="https://x.example/?a=1&b=2", note="  spaced  "))
    d.add_flow(Flow("f10", "jpm", "jpm", "loan", None))
    return d


@pytest.mark.parametrize("writer", [graphml_bytes])
def test_graphml_round_trip_preserves_every_field(writer):
    d = rich_diagram()
    data, notes = writer(d)
    back, read_notes = loads_graph(data, "d.graphml")
    assert notes == [] and read_notes == []
    assert back == d


def test_gexf_round_trip_preserves_companies_flows_and_used_types():
    d = rich_diagram()
    back, notes = loads_graph(gexf_bytes(d)[0], "d.gexf")
    assert notes == []
    assert back.companies() == d.companies() and back.flows() == d.flows()
    assert back.flow_type("loan") == d.flow_type("loan") and back.category("bank") == d.category("bank")
    assert back.metadata.title == d.metadata.title


def test_gexf_has_viz_for_gephi_and_networkx_reads_it(tmp_path):
    d = rich_diagram()
    save_graph(d, tmp_path / "d.gexf")
    g = nx.read_gexf(tmp_path / "d.gexf")
    assert g.is_directed() and g.number_of_edges() == len(d.flows())
    assert g.nodes["nvidia"]["label"] == "NVIDIA"
    assert g.nodes["jpm"]["viz"]["position"]["x"] == -12.5 and g.nodes["jpm"]["viz"]["position"]["y"] == -1e6
    assert g.nodes["nvidia"]["viz"]["color"]["r"] == 0x76
    assert g.nodes["jpm"]["profit"] == -3.25


def test_graphml_readable_by_networkx_and_igraph_with_labels(tmp_path):
    d = rich_diagram()
    save_graph(d, tmp_path / "d.graphml")
    g = nx.read_graphml(tmp_path / "d.graphml")
    assert g.nodes["nvidia"]["label"] == "NVIDIA" and g.nodes["nvidia"]["valuation"] == 4500
    assert sorted(a for _, _, a in g.edges(data="amount") if a is not None) == sorted(
        f.amount for f in d.flows() if f.amount is not None)
    ig = igraph.Graph.Read_GraphML(str(tmp_path / "d.graphml"))
    assert ig.is_directed() and ig.vcount() == len(d.companies()) and ig.ecount() == len(d.flows())


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(diagrams())
def test_graphml_property_round_trip(d):
    d = xml_safe(d)
    assert loads_graph(graphml_bytes(d)[0], "x.graphml")[0] == d


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(diagrams())
def test_gexf_property_round_trip(d):
    d = xml_safe(d)
    back = loads_graph(gexf_bytes(d)[0], "x.gexf")[0]
    assert back.companies() == d.companies() and back.flows() == d.flows()


def test_control_characters_dropped_with_a_note():
    d = Diagram()
    d.add_company(Company("a", "A\x00B"))
    data, notes = graphml_bytes(d)
    assert "control characters" in notes[0]
    assert loads_graph(data, "x")[0].companies()[0].name == "AB"


def test_networkx_multigraph_with_weights():
    g = nx.MultiDiGraph()
    g.add_node("NVIDIA", category="Chipmaker")
    g.add_edge("NVIDIA", "OpenAI", weight=100.0, kind="Equity investment", foo="bar")
    g.add_edge("NVIDIA", "OpenAI", weight=5)
    g.add_edge("OpenAI", "Oracle", weight=300, kind="Data centre lease")
    for writer, name in ((nx.write_graphml, "x.graphml"), (nx.write_gexf, "x.gexf")):
        buf = io.BytesIO()
        writer(g, buf)
        d, notes = loads_graph(buf.getvalue(), name)
        assert [c.name for c in d.companies()] == ["NVIDIA", "OpenAI", "Oracle"]
        assert d.company("NVIDIA").category == "chipmaker"
        assert [(f.source, f.target, f.amount) for f in d.flows()] == [
            ("NVIDIA", "OpenAI", 100), ("NVIDIA", "OpenAI", 5), ("OpenAI", "Oracle", 300)]
        assert d.flow_type(d.flows()[0].type).name == "Equity investment"
        new_type = d.flow_type(d.flows()[2].type)
        assert new_type.name == "Data centre lease"
        assert "edge attribute 'foo' not mapped" in notes
        assert len({(c.x, c.y) for c in d.companies()}) == 3  # laid out


def test_undirected_networkx_graph_is_read_with_a_note():
    g = nx.Graph()
    g.add_edge("a", "b", weight=1)
    g.add_edge("b", "c", weight=2)
    buf = io.BytesIO()
    nx.write_graphml(g, buf)
    d, notes = loads_graph(buf.getvalue(), "u.graphml")
    assert len(d.flows()) == 2
    assert any("2 undirected edge(s)" in n for n in notes)


def test_igraph_graphml_with_names(tmp_path):
    g = igraph.Graph(directed=True)
    g.add_vertices(3)
    g.vs["name"] = ["Microsoft", "OpenAI", "CoreWeave"]
    g.add_edges([(0, 1), (1, 2), (0, 2)])
    g.es["weight"] = [13.0, 22.4, 10.0]
    g.es["color"] = ["red", "blue", "red"]
    path = tmp_path / "ig.graphml"
    g.write_graphml(str(path))
    d, notes = load_graph(path)
    assert [c.name for c in d.companies()] == ["Microsoft", "OpenAI", "CoreWeave"]
    assert [f.amount for f in d.flows()] == [13.0, 22.4, 10.0]
    assert "edge attribute 'color' not mapped" in notes


def test_yed_style_graphml_labels_and_positions():
    xml = b"""<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" yfiles.type="nodegraphics"/>
  <key id="d1" for="edge" attr.name="value" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="n0"><data key="d0"><y:ShapeNode><y:Geometry x="10" y="20" width="30" height="30"/>
      <y:NodeLabel>Oracle</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d0"><y:ShapeNode><y:Geometry x="110" y="-5"/><y:NodeLabel>AMD</y:NodeLabel>
      </y:ShapeNode></data></node>
    <edge id="e0" source="n0" target="n1"><data key="d1">7.5</data></edge>
  </graph>
</graphml>"""
    d, _ = loads_graph(xml, "y.graphml")
    # yEd's Geometry is the node's top-left corner (width/height 30 here, 0 when absent): read the centre
    assert [(c.name, c.x, c.y) for c in d.companies()] == [("Oracle", 25, 35), ("AMD", 110, -5)]
    assert d.flows()[0].amount == 7.5


HOSTILE = {
    "billion laughs": b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<graphml><graph><node id="&lol3;"/></graph></graphml>""",
    "external entity": b"""<?xml version="1.0"?>
<!DOCTYPE g [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<graphml><graph><node id="a"><data key="x">&xxe;</data></node></graph></graphml>""",
    "doctype only": b"""<?xml version="1.0"?><!DOCTYPE graphml SYSTEM "http://example.com/x.dtd"><graphml/>""",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_xml_refused_clearly(name):
    with pytest.raises(InputError) as info:
        loads_graph(HOSTILE[name], "evil.graphml")
    assert "refused" in str(info.value)


def test_deep_nesting_does_not_crash():
    depth = 100_000
    xml = b"<graphml><graph>" + b"<node id='a'>" * depth + b"</node>" * depth + b"</graph></graphml>"
    with pytest.raises(InputError) as info:
        loads_graph(xml, "deep.graphml")
    assert "nested too deeply" in str(info.value)


@pytest.mark.parametrize("data, expected", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00garbage", "not valid XML"),
    (b"<graphml><graph><node id='a'></graph>", "not valid XML"),
    (b"<html><body/></html>", "not GraphML or GEXF"),
    (b"<graphml/>", "holds no graph"),
    (b"<gexf/>", "holds no graph"),
    (b"<graphml><key id='w' for='edge' attr.name='weight'/><graph><edge source='a' target='b'>"
     b"<data key='w'>lots</data></edge></graph></graphml>", "attribute 'weight': cannot read 'lots'"),
    (b"<graphml><key id='w' for='edge' attr.name='weight'/><graph><edge source='a' target='b'>"
     b"<data key='w'>-1</data></edge></graph></graphml>", "negative"),
    (b"<graphml><key id='v' for='node' attr.name='valuation'/><graph><node id='a'><data key='v'>big</data>"
     b"</node></graph></graphml>", "node 'a': cannot read 'big' as a number"),
    (b"<graphml><graph><node id='a'/><node id='a'/></graph></graphml>", "node 'a': the id is used twice"),
])
def test_malformed_graph_files(data, expected):
    with pytest.raises(InputError) as info:
        loads_graph(data, "g.graphml")
    assert expected in str(info.value)


def test_ids_clashing_with_catalogue_ids_are_renamed():
    g = nx.MultiDiGraph()
    g.add_edge("equity", "other", weight=1)
    buf = io.BytesIO()
    nx.write_graphml(g, buf)
    d, _ = loads_graph(buf.getvalue(), "c.graphml")
    assert [c.name for c in d.companies()] == ["equity", "other"]
    assert [c.id for c in d.companies()] == ["equity_2", "other_2"]


def test_save_graph_is_atomic_and_by_extension(tmp_path):
    d = seed_diagram()
    save_graph(d, tmp_path / "a.graphml")
    save_graph(d, tmp_path / "a.gexf")
    assert (tmp_path / "a.graphml").read_bytes().count(b"<graphml") == 1
    assert b"<gexf" in (tmp_path / "a.gexf").read_bytes()
    assert load_graph(tmp_path / "a.graphml")[0] == d
