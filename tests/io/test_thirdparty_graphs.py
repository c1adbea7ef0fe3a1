"""Graph files shaped like Gephi's, yEd's and networkx's: Roundtrip reads what the other tool meant.

Each test names the file (tests/corpus/<tool>/) and what the other tool means by it.
"""
from pathlib import Path

import networkx as nx
import pytest

from editor.io.gexf import gexf_bytes
from editor.io.graphformats import load_graph, loads_graph
from editor.io.graphml import graphml_bytes
from editor.model import Company, Diagram, Flow
from tests.helpers import seed_diagram

CORPUS = Path(__file__).parents[1] / "corpus"


def flows_by(d: Diagram) -> list[tuple[str, str, float | None]]:
    return [(d.company(f.source).name, d.company(f.target).name, f.amount) for f in d.flows()]


def test_gephi_gexf_edge_without_weight_has_the_default_weight_one():
    # Gephi writes no weight attribute for 1.0: the GEXF default weight.
    d, notes = load_graph(CORPUS / "gephi" / "weights_default.gexf")
    assert flows_by(d) == [("Napoleon", "Myriel", 1.0), ("Valjean", "Myriel", 8.0)]
    assert any("read as 1.0" in n for n in notes)


def test_gephi_gexf_ids_are_separate_namespaces_renames_are_noted():
    # Gephi numbers node ids and edge ids from 0 independently: edge "0" is not node "0".
    d, notes = load_graph(CORPUS / "gephi" / "weights_default.gexf")
    assert [c.id for c in d.companies()] == ["0", "1", "2"]
    assert [f.id for f in d.flows()] == ["e0", "e1"]
    assert any("renamed ('0' -> 'e0'" in n for n in notes)


def test_gephi_dynamic_weights_become_one_dated_flow_per_period():
    # 15, 20 and 25 in 2021, 2022 and 2023: three payments, not one of 25.
    d, notes = load_graph(CORPUS / "gephi" / "dynamic_weights.gexf")
    assert [(f.amount, f.date, f.end_date) for f in d.flows()] == [
        (15.0, "2021", "2021"), (20.0, "2022", "2022"), (25.0, "2023", "2023")]
    assert notes == []


def test_gexf_spell_with_a_non_date_period_keeps_it_in_the_note():
    xml = b"""<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"
      timeformat="double"><nodes><node id="a" label="A"/><node id="b" label="B"/></nodes><edges>
      <edge id="1" source="a" target="b" weight="2"><spells><spell start="1.5" end="2.5"/>
      <spell start="3.5" end="4.5"/></spells></edge></edges></graph></gexf>"""
    d, notes = loads_graph(xml, "s.gexf")
    assert [(f.amount, f.date, f.note) for f in d.flows()] == [(2.0, "", "period 1.5..2.5"),
                                                              (2.0, "", "period 3.5..4.5")]
    assert any("period that is not a date" in n for n in notes)


def test_gexf_hierarchy_leaves_are_companies_and_groups_their_category():
    d, notes = load_graph(CORPUS / "gephi" / "hierarchy.gexf")
    assert [(c.name, d.category(c.category).name) for c in d.companies()] == [
        ("Brescia", "Italy"), ("Milano", "Italy"), ("Torino", "Italy"), ("Paris", "France")]
    assert flows_by(d) == [("Brescia", "Paris", 3.0), ("Milano", "Brescia", 2.0)]
    assert any("2 group node(s)" in n for n in notes)


def test_gexf_flat_hierarchy_by_pid():
    xml = b"""<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph><nodes>
      <node id="g" label="Holding"/><node id="a" label="Alpha" pid="g"/><node id="b" label="Beta"/>
      </nodes><edges><edge id="1" source="a" target="b" weight="4"/></edges></graph></gexf>"""
    d, notes = loads_graph(xml, "p.gexf")
    assert [(c.name, d.category(c.category).name) for c in d.companies()] == [("Alpha", "Holding"),
                                                                              ("Beta", "Other")]
    assert any("'Holding'" in n for n in notes)


def test_yed_groups_labels_and_descriptions():
    # yEd: a group "Lombardia" around Brescia (no edge leaves it: Bergamo) and Bergamo; the
    # edge label "$100B" is the amount the user typed; a text label is a remark; an edge to
    # the group itself has no company at its end.
    d, notes = load_graph(CORPUS / "yed" / "groups_labels.graphml")
    assert [(c.name, d.category(c.category).name, c.notes) for c in d.companies()] == [
        ("Brescia", "Lombardia", "steel maker"), ("Bergamo", "Lombardia", ""), ("Nvidia", "Other", "")]
    assert [(c.x, c.y) for c in d.companies()] == [(40.0, 55.0), (140.0, 55.0), (440.0, 55.0)]
    assert flows_by(d) == [("Nvidia", "Brescia", 100.0), ("Brescia", "Nvidia", None)]
    assert d.flows()[1].note == "chips for cash\npending approval"
    assert any("read as the flow's amount" in n for n in notes)
    assert any("kept as the flow's note" in n for n in notes)
    assert any("1 edge(s) to or from a group node were left out" in n for n in notes)


def test_graphml_desc_element_goes_to_notes():
    xml = b"""<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
      <desc>whole graph</desc><node id="a"><desc>first</desc></node><node id="b"/>
      <edge source="a" target="b"><desc>a deal</desc></edge></graph></graphml>"""
    d, _ = loads_graph(xml, "d.graphml")
    assert d.metadata.description == "whole graph"
    assert d.company("a").notes == "first"
    assert d.flows()[0].note == "a deal"


def test_networkx_graphml_weight_is_the_amount_and_label_a_note():
    d, notes = load_graph(CORPUS / "networkx" / "digraph.graphml")
    assert flows_by(d) == [("OpenAI", "Oracle", 300.0), ("Oracle", "AMD", 40.0), ("AMD", "OpenAI", None)]
    assert d.flows()[0].note == "cloud"
    assert notes == ["1 edge label(s) were kept as the flow's note"]


def test_networkx_gexf_missing_weight_is_one():
    d, notes = load_graph(CORPUS / "networkx" / "digraph.gexf")
    assert flows_by(d) == [("OpenAI", "Oracle", 300.0), ("Oracle", "AMD", 40.0), ("AMD", "OpenAI", 1.0)]


# ----------------------------------------------------------------- writing
def small() -> Diagram:
    d = seed_diagram()
    d.add_company(Company("zz", "Zed", x=300.0, y=-120.0))
    d.add_flow(Flow("fz", "zz", d.companies()[0].id, "revenue", None))
    return d


def test_graphml_export_is_weighted_for_networkx_and_igraph(tmp_path):
    import igraph

    d = small()
    data, _ = graphml_bytes(d)
    path = tmp_path / "d.graphml"
    path.write_bytes(data)
    g = nx.read_graphml(path)
    weights = {(u, v): w for u, v, w in g.edges(data="weight")}
    for f in d.flows():
        assert weights[(f.source, f.target)] == f.amount  # None where the amount is unknown
    ig = igraph.Graph.Read_GraphML(str(path))
    assert "weight" in ig.es.attributes()


def test_gexf_unknown_amounts_stay_unknown_and_known_ones_carry_weight():
    d = small()
    data, _ = gexf_bytes(d)
    back, _ = loads_graph(data, "d.gexf")
    assert [f.amount for f in back.flows()] == [f.amount for f in d.flows()]
    assert b'weight="' in data and b"amount_unknown" in data


def test_gexf_flow_type_survives_networkx_rewrite(tmp_path):
    d = small()
    src = tmp_path / "d.gexf"
    src.write_bytes(gexf_bytes(d)[0])
    g = nx.read_gexf(src)
    assert g.is_directed()
    out = tmp_path / "nx.gexf"
    nx.write_gexf(g, out)
    again = nx.read_gexf(out)
    assert again.is_directed()
    back, _ = load_graph(out)
    assert sorted(back.flow_type(f.type).name for f in back.flows()) == sorted(
        d.flow_type(f.type).name for f in d.flows())


def test_gexf_old_type_attribute_is_still_read():
    xml = b"""<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="directed">
      <attributes class="edge"><attribute id="0" title="type" type="string"/></attributes>
      <nodes><node id="a"/><node id="b"/></nodes><edges><edge id="x" source="a" target="b" weight="2">
      <attvalues><attvalue for="0" value="Loan"/></attvalues></edge></edges></graph></gexf>"""
    d, _ = loads_graph(xml, "t.gexf")
    assert d.flow_type(d.flows()[0].type).name == "Loan"


def test_yed_graphml_export_places_nodes_as_drawn():
    d = small()
    data, _ = graphml_bytes(d, yed=True)
    assert b'yfiles.type="nodegraphics"' in data and b"<y:ShapeNode>" in data
    back, _ = loads_graph(data, "y.graphml")
    assert [(c.name, c.x, c.y) for c in back.companies()] == [(c.name, c.x, c.y) for c in d.companies()]
    assert flows_by(back) == flows_by(d)
    # what yEd itself reads: the geometry and labels alone, without Roundtrip's attributes
    import re
    stripped = re.sub(rb'<data key="[gne]_(?!yed)[^"]*">[^<]*</data>', b"", data)
    only_yed, _ = loads_graph(stripped, "y.graphml")
    assert [(c.name, round(c.x, 6), round(c.y, 6)) for c in only_yed.companies()] == [
        (c.name, c.x, c.y) for c in d.companies()]


def test_graphml_keys_inside_graph_are_read():
    xml = b"""<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
      <key id="w" for="edge" attr.name="weight" attr.type="double"/>
      <node id="a"/><node id="b"/><edge source="a" target="b"><data key="w">7</data></edge>
      </graph></graphml>"""
    d, _ = loads_graph(xml, "k.graphml")
    assert [f.amount for f in d.flows()] == [7.0]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*/README.md")), ids=lambda p: p.parent.name)
def test_each_corpus_file_is_described(path):
    listed = path.read_text(encoding="utf-8")
    for f in path.parent.iterdir():
        if f.name != "README.md":
            assert f"`{f.name}`" in listed, f"{f.name} has no line in {path}"


def test_igraph_graphml_name_and_weight():
    # igraph names vertices with `name` and writes edges without ids.
    d, notes = load_graph(CORPUS / "igraph" / "weighted.graphml")
    assert flows_by(d) == [("OpenAI", "Oracle", 300.0), ("Oracle", "AMD", 40.0), ("AMD", "OpenAI", 12.5)]
    assert notes == []
